"""Path or bytes -> Document: decode, extract HTML, find the page furniture, the title and the date.

Offsets everywhere refer to ``Document.text``: for a text or Markdown file that is the file decoded
exactly as ``open(path, encoding="utf-8", newline="")`` would; for HTML it is the article text
that trafilatura extracts from the page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence

from .decode import decode
from .errors import BadInput
from .model import Document, Span
from .rules import Rules

__all__ = ["MAX_BYTES", "MAX_CHARS", "from_text", "furniture_share", "line_spans", "read", "read_all"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TERMINAL = ".!?…:\"”’'»)"


#: the most text one article may have, after HTML extraction: about 2 MB (see README, "Limits")
MAX_CHARS = 2_000_000
#: the largest file read at all (HTML pages carry markup, so more than MAX_CHARS)
MAX_BYTES = 16 * 1024 * 1024
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _too_big(path: str, size: int) -> BadInput:
    return BadInput(
        f"{path}: is {size / 1024 / 1024:.1f} MB; reconcile reads files up to {MAX_BYTES // 1024 // 1024} MB "
        f"and articles up to {MAX_CHARS:,} characters; split it into parts"
    )


def _read_bytes(path: str) -> bytes:
    """The file's bytes; a pipe, a device or an oversized file is refused before anything blocks."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise BadInput(
                f"-: standard input holds more than {MAX_BYTES // 1024 // 1024} MB; "
                f"reconcile reads articles up to {MAX_CHARS:,} characters"
            )
        return data
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if os.path.islink(path):
            raise BadInput(f"{path}: is a symbolic link to a file that does not exist") from None
        raise BadInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a directory; give the article files inside it") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise BadInput(f"{path}: is a directory; give the article files inside it")
        for test, kind in _KINDS:
            if test(st.st_mode):
                raise BadInput(f"{path}: is {kind}, not a file; save the article to a file, or pipe it to - (stdin)")
        if st.st_size > MAX_BYTES:
            raise _too_big(path, st.st_size)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_BYTES + 1)  # a file in /proc says size 0 and has more
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise _too_big(path, len(data))
    return data


def _extract_html(path: str, markup: str) -> tuple[str, str | None]:
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise BadInput(f"{path}: no article text found in this HTML page")
    title = None
    m = re.search(r"<title[^>]*>(.*?)</title>", markup, re.IGNORECASE | re.DOTALL)
    if m:
        import html

        title = html.unescape(re.sub(r"\s+", " ", m.group(1))).strip() or None
    return text, title


def _looks_like_html(path: str, text: str) -> bool:
    if path.lower().endswith(HTML_SUFFIXES):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def line_spans(text: str) -> Iterator[Span]:
    """The non-blank lines of ``text``, trimmed of surrounding whitespace (non-breaking spaces too).

    >>> [(s.start, s.end) for s in line_spans("ab\\n\\n  cd \\u00a0\\n")]
    [(0, 2), (6, 8)]
    """
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield Span(pos + lead, pos + lead + len(stripped))
        pos += len(line)


#: a line longer than this is not one paragraph of furniture (a bio, a share prompt): it may be a
#: whole article pasted without line breaks, so a paragraph rule marks only the sentences it matches
PARAGRAPH_FURNITURE_MAX = 600
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+")


def _sentence_around(chunk: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``chunk`` that holds [start, end): from the end of the one before to its own end."""
    before = 0
    for m in _SENTENCE_END.finditer(chunk, max(0, start - 2000), start):
        before = m.end()
    after = _SENTENCE_END.search(chunk, max(end, before + 1))
    return before, after.end() if after else len(chunk)


def _furniture(text: str, rules: Rules) -> list[Span]:
    spans: list[Span] = []
    for pattern in rules.header:
        m = pattern.match(text)
        if m and m.end() > m.start():
            spans.append(Span(m.start(), m.end()))
    for line in line_spans(text):
        chunk = text[line.start : line.end]
        matches = [m for p in rules.paragraph_furniture for m in [p.search(chunk)] if m]
        if matches and len(chunk) <= PARAGRAPH_FURNITURE_MAX:
            spans.append(line)
            continue
        # a long line may repeat its furniture (a video player's controls before each clip): every match
        for m in (m for p in rules.paragraph_furniture for m in p.finditer(chunk)):
            a, b = _sentence_around(chunk, m.start(), m.end())
            spans.append(Span(line.start + a, line.start + len(chunk[:b].rstrip())))
        trailer = rules.tweet_trailer.search(chunk)
        if trailer:
            spans.append(Span(line.start + trailer.start(), line.end))
        for pattern in rules.inline_furniture:
            spans.extend(Span(line.start + m.start(), line.start + m.end()) for m in pattern.finditer(chunk))
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def furniture_share(text: str, furniture: Sequence[Span]) -> float:
    """The share of the text's non-space characters that page furniture covers.

    >>> furniture_share("ab cd", [Span(0, 2)])
    0.5
    """
    total = len(text) - sum(ch.isspace() for ch in text)
    if total == 0:
        return 0.0
    covered, pos = 0, 0
    for span in sorted(furniture, key=lambda s: s.start):
        start = max(span.start, pos)
        if span.end > start:
            covered += sum(not ch.isspace() for ch in text[start : span.end])
            pos = span.end
    return covered / total


#: a first line of at most this many words, with a line break after it, is the headline whatever it ends in
TITLE_WORDS = 20


def _title(text: str, furniture: list[Span]) -> str | None:
    """The headline: the first line that is not page furniture, where it is short and a line break
    follows it (a headline may end in a full stop); a longer line is one only without end punctuation.

    >>> _title("Trump warns Iran on nuclear program as Macron aims to preserve pact.\\n\\nTrump said ...", [])
    'Trump warns Iran on nuclear program as Macron aims to preserve pact.'
    >>> _title("A one-line article ends here.\\n", []), _title("A fire hit a church .\\nIt burned .", [])
    (None, None)
    >>> _title("(Courtesy: Rain Center/Facebook)\\n\\nBoy, 12, shot an 11-year-old\\n\\nAuthorities said ...", [])
    'Boy, 12, shot an 11-year-old'
    """
    for line in line_spans(text):
        if any(f.start <= line.start and line.end <= f.end for f in furniture):
            continue
        candidate = text[line.start : line.end].lstrip("#").strip()
        if candidate.startswith("(") and candidate.endswith(")") and candidate.count("(") == 1:
            continue  # a credit or a caption set apart ("(Courtesy: Rain Center/Facebook)"): no headline
        if not candidate or len(candidate) >= 300:
            return None
        if not candidate.endswith((".", "!", "?")):
            return candidate
        short = len(candidate.split()) <= TITLE_WORDS
        more = bool(text[line.end :].strip())  # what follows starts on a line of its own
        # a space before the stop is tokenised text, one sentence a line: its first line is a sentence
        edited = not candidate[-2:-1].isspace()
        return candidate if short and more and edited else None
    return None


def _date(text: str, rules: Rules) -> dt.date | None:
    months = rules.lexicon.dates.months
    for pattern in rules.document_date:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            try:
                month = int(parts["m"]) if parts.get("m") else months.get((parts.get("month") or "").lower())
                if month is None:
                    continue
                return dt.date(int(parts["y"]), month, int(parts["d"]))
            except (KeyError, ValueError):
                continue
    return None


def _language(text: str, furniture: list[Span]) -> str:
    from .language import detect

    kept, pos = [], 0
    for span in furniture:
        kept.append(text[pos : span.start])
        pos = max(pos, span.end)
    kept.append(text[pos:])
    return detect(" ".join(kept)[:4000])


def read(path: str, *, doc_id: str, rules: Rules) -> Document:
    """Read one article. Raises BadInput, naming the file, for anything that is not one."""
    data = _read_bytes(path)
    if not data.strip():
        raise BadInput(f"{path}: is empty")
    text, encoding, warning = decode(path, data)
    if not text.strip():
        raise BadInput(f"{path}: is empty")
    title = None
    if _looks_like_html(path, text):
        text, title = _extract_html(path, text)
    if len(text) > MAX_CHARS:
        raise BadInput(
            f"{path}: has {len(text):,} characters of text; reconcile reads articles up to {MAX_CHARS:,} "
            "characters; split it into parts"
        )
    furniture = _furniture(text, rules)
    warnings = [warning] if warning else []
    share = furniture_share(text, furniture)
    if share > 0.5:
        warnings.append(
            f"{path}: page furniture (rules/furniture.yaml) covers {share:.0%} of the text; "
            "what it covers gives no claims"
        )
    return Document(
        id=doc_id,
        path=path,
        text=text,
        title=title or _title(text, furniture),
        date=_date(text, rules),
        language=_language(text, furniture),
        furniture=tuple(furniture),
        encoding=encoding,
        warnings=tuple(warnings),
    )


def read_all(paths: Sequence[str], *, rules: Rules) -> list[Document]:
    """Read several articles as d1, d2, ...; the same file or the same text twice is an error."""
    seen_files: dict[tuple[int, int], str] = {}
    seen_text: dict[str, str] = {}
    documents = []
    for i, path in enumerate(paths, start=1):
        if path != "-" and os.path.isfile(path):
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
            if key in seen_files:
                raise BadInput(f"{path}: is the same file as {seen_files[key]}; give each article once")
            seen_files[key] = path
        doc = read(path, doc_id=f"d{i}", rules=rules)
        digest = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        if digest in seen_text:
            raise BadInput(f"{path}: has the same text as {seen_text[digest]}; give each article once")
        seen_text[digest] = path
        documents.append(doc)
    return documents


def from_text(text: str, *, path: str, doc_id: str, rules: Rules) -> Document:
    """A Document for text that arrived without a file of its own (a line of a JSON Lines feed).

    ``path`` is where the text is (or will be) written, for the report's links.
    """
    if not text.strip():
        raise BadInput(f"{path}: is empty")
    if len(text) > MAX_CHARS:
        raise BadInput(
            f"{path}: has {len(text):,} characters of text; reconcile reads articles up to {MAX_CHARS:,} "
            "characters; split it into parts"
        )
    furniture = _furniture(text, rules)
    return Document(
        id=doc_id,
        path=path,
        text=text,
        title=_title(text, furniture),
        date=_date(text, rules),
        language=_language(text, furniture),
        furniture=tuple(furniture),
    )
