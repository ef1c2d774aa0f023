"""INPUT -> articles: a folder of ``.txt``/``.md``/``.html`` files, or JSON Lines, one article a line.

JSON Lines fields: ``id`` (or ``doc_id``), ``outlet``, ``date`` (or ``dct``, YYYY-MM-DD), ``title``,
``content``. Articles are read lazily, one at a time, so a big feed is never held in memory.

A folder that holds a corpus output (the ``.reconcile-corpus`` marker every run writes, or an
``index.json`` of reconcile's) is skipped: reports are never read back as articles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadInput

__all__ = ["MARKER", "SUFFIXES", "Article", "is_output", "read_articles", "safe_name"]

SUFFIXES = (".txt", ".md", ".html", ".htm")
#: the file every corpus run leaves in its output folder, so that no run reads it as articles
MARKER = ".reconcile-corpus"


@dataclass(frozen=True)
class Article:
    """One input article before ingest: where it is, or its text, and what the feed says about it."""

    id: str
    path: str
    text: str | None = None  # None: read ``path`` (a file of the folder)
    outlet: str = ""
    title: str | None = None
    date: dt.date | None = None

    @property
    def digest(self) -> str:
        """A hash of everything the feed says about the article (for the store)."""
        if self.text is None:
            st = os.stat(self.path)
            body = f"{self.path}\0{st.st_size}\0{st.st_mtime_ns}"
        else:
            body = self.text
        fields = f"{self.id}\0{self.outlet}\0{self.title}\0{self.date}\0{body}"
        return hashlib.sha256(fields.encode("utf-8", "surrogatepass")).hexdigest()


def safe_name(article_id: str) -> str:
    """A file name for an article id: the id itself when it is tame, else a readable slug and a hash.

    >>> safe_name("712b5b91")
    '712b5b91'
    >>> safe_name("a/b c")[:4]
    'a-b-'
    """
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}", article_id):
        return article_id
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", article_id)[:40].strip("-.") or "article"
    return f"{slug}-{hashlib.sha256(article_id.encode()).hexdigest()[:10]}"


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise BadInput(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _line(raw: bytes, where: str, number: int) -> str:
    """One line of a feed as text; a feed is UTF-8 (a byte-order mark on its first line is allowed)."""
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{where}: is not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
            "convert the feed first, e.g. `iconv -f windows-1252 -t utf-8`"
        ) from None


def _jsonl(path: Path) -> Iterator[Article]:
    seen: set[str] = set()
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            where = f"{path}:{number}"
            line = _line(raw, where, number)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadInput(f"{where}: not a JSON object ({exc.msg})") from None
            if not isinstance(row, dict):
                raise BadInput(f"{where}: not a JSON object")
            ident = row.get("id", row.get("doc_id"))
            if ident in (None, ""):
                raise BadInput(f"{where}: has no id (give `id` or `doc_id`)")
            ident = str(ident)
            if ident in seen:
                raise BadInput(f"{where}: id {ident!r} is given twice; give each article once")
            seen.add(ident)
            title = row.get("title") or None
            content = str(row.get("content") or "")
            if not content.strip():  # some feeds carry only a headline
                content = str(title or "")
            if not content.strip():
                raise BadInput(f"{where}: article {ident!r} has neither content nor title")
            yield Article(
                id=ident,
                path=f"{safe_name(ident)}.txt",
                text=content,
                outlet=str(row.get("outlet") or ""),
                title=str(title) if title else None,
                date=_date(row.get("date", row.get("dct")), where),
            )
    if not seen:
        raise BadInput(f"{path}: has no articles (no line holds a JSON object); give one article per line")


def is_output(folder: Path) -> bool:
    """Whether ``folder`` holds the output of a corpus run: its marker, or an index.json of reconcile's."""
    if (folder / MARKER).is_file():
        return True
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(index, dict) and index.get("version") == 1 and isinstance(index.get("stories"), list)


def _files(path: Path) -> list[Path]:
    """The article files under ``path``, in a stable order; the folders of corpus outputs left out."""
    found = []
    for root, folders, names in os.walk(path):
        here = Path(root)
        folders[:] = [f for f in folders if not is_output(here / f)]
        found += [here / n for n in names if Path(n).suffix.lower() in SUFFIXES and (here / n).is_file()]
    return sorted(found)


def _folder(path: Path) -> Iterator[Article]:
    if is_output(path):
        raise BadInput(f"{path}: holds the reports of a corpus run, not articles; give the folder of the articles")
    files = _files(path)
    if not files:
        raise BadInput(f"{path}: has no articles ({', '.join(SUFFIXES)} files)")
    for file in files:
        yield Article(id=file.relative_to(path).as_posix(), path=str(file))


def read_articles(source: str | os.PathLike[str]) -> Iterator[Article]:
    """The articles of a folder or a JSON Lines file, in a stable order. BadInput names what is wrong."""
    path = Path(source)
    if not path.exists():
        raise BadInput(f"{source}: no such file or folder")
    if path.is_dir():
        return _folder(path)
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return _jsonl(path)
    raise BadInput(f"{source}: give a folder of articles or a JSON Lines file (.jsonl)")
