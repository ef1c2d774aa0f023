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
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import BadInput
from .model import Document, Span
from .rules import Rules

__all__ = ["from_text", "line_spans", "read", "read_all"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TERMINAL = ".!?…:\"”’'»)"


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise BadInput(f"{path}: no such file")
    if p.is_dir():
        raise BadInput(f"{path}: is a directory; give the article files inside it")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None


def _decode(path: str, data: bytes) -> tuple[str, str, str | None]:
    """The text, the encoding used, and a warning when it was not UTF-8."""
    if b"\x00" in data[:8192]:
        raise BadInput(f"{path}: looks like a binary file, not an article (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1 or best.encoding is None:
        raise BadInput(
            f"{path}: is not UTF-8 and its encoding cannot be told with confidence; "
            "convert it first, e.g. `iconv -f windows-1252 -t utf-8`"
        )
    text = str(best)
    if sum(not (ch.isprintable() or ch.isspace()) for ch in text) > max(3, len(text) // 200):
        raise BadInput(f"{path}: looks like a binary file, not an article")
    return text, best.encoding, f"{path}: not UTF-8; read it as {best.encoding} (offsets refer to the decoded text)"


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


def _furniture(text: str, rules: Rules) -> list[Span]:
    spans: list[Span] = []
    for pattern in rules.header:
        m = pattern.match(text)
        if m and m.end() > m.start():
            spans.append(Span(m.start(), m.end()))
    for line in line_spans(text):
        chunk = text[line.start : line.end]
        if any(p.search(chunk) for p in rules.paragraph_furniture):
            spans.append(line)
            continue
        trailer = rules.tweet_trailer.search(chunk)
        if trailer:
            spans.append(Span(line.start + trailer.start(), line.end))
        for pattern in rules.inline_furniture:
            spans.extend(Span(line.start + m.start(), line.start + m.end()) for m in pattern.finditer(chunk))
    return sorted(set(spans), key=lambda s: (s.start, s.end))


def _title(text: str, furniture: list[Span]) -> str | None:
    for line in line_spans(text):
        if any(f.start <= line.start and line.end <= f.end for f in furniture):
            continue
        candidate = text[line.start : line.end].lstrip("#").strip()
        if candidate and not candidate.endswith((".", "!", "?")) and len(candidate) < 300:
            return candidate
        return None
    return None


def _date(text: str, rules: Rules) -> dt.date | None:
    months = rules.lexicon.months
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
    text, encoding, warning = _decode(path, data)
    if not text.strip():
        raise BadInput(f"{path}: is empty")
    title = None
    if _looks_like_html(path, text):
        text, title = _extract_html(path, text)
    furniture = _furniture(text, rules)
    return Document(
        id=doc_id,
        path=path,
        text=text,
        title=title or _title(text, furniture),
        date=_date(text, rules),
        language=_language(text, furniture),
        furniture=tuple(furniture),
        encoding=encoding,
        warnings=(warning,) if warning else (),
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
