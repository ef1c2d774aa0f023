"""Bytes -> text: UTF-8, a byte-order mark (UTF-8/16/32), Western legacy encodings, or a clear refusal.

Pure functions: ``ingest`` reads the file and hands the bytes here. The order of trust:

1. a UTF-16 or UTF-32 byte-order mark says what the file is (a UTF-8 BOM is kept as U+FEFF, as
   ``open(path, encoding="utf-8", newline="")`` keeps it, so offsets match the JSON contract);
2. a NUL byte anywhere else means binary;
3. valid UTF-8 is UTF-8; mostly UTF-8 (at least as many characters decode as UTF-8 beyond ASCII
   as there are bytes that do not) is UTF-8 too, each bad byte replaced by U+FFFD, with a warning
   saying how many and where: a stray Windows-1252 quote must not turn "Andrés" into "AndrÃĐs";
4. Windows-1252 (or Latin-1, its printable subset) when every character it gives is one Western
   European text uses, and none of its symbols (``¹ ³ ¿ ¼``) sits inside a word, the tell of
   Central European text read in the wrong code page;
5. otherwise charset-normalizer, when it is confident; else a refusal that says what to run.
"""

from __future__ import annotations

import bisect
import codecs
import re

from .errors import BadInput

__all__ = ["decode", "plausibly_western"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
#: letters of Western European languages in Windows-1252, and its typographic punctuation
_WESTERN_LETTERS = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŠšŽžŒœŸƒ"
_WESTERN_MARKS = "\u00a0\u00ad‘’‚“”„–—…•€™«»¡¿°ºª·§¶©®±²³¹¼½¾£¥¢µ¨´¸¯×÷†‡‰‹›ˆ˜¤¦¬"
_OTHER = re.compile(f"[^\\x09\\x0a\\x0d\\x20-\\x7e{_WESTERN_LETTERS}{_WESTERN_MARKS}]")
#: a symbol between two letters: "zgin¹³o" is Polish read as Windows-1252
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[¹²³¼½¾¿¡°º·§¶©®±£¥¢µ¨´¸¯×÷†‡‰¤¦¬](?=[^\W\d_])")
_C1 = re.compile(rb"[\x80-\x9f]")


def plausibly_western(text: str) -> bool:
    """Whether ``text`` reads as Western European text: Western letters only, no symbol inside a word.

    >>> plausibly_western("Mañana, según la policía, «cuatro» murieron.")
    True
    >>> plausibly_western("Policja poinformowa³a, ¿e zginê³o czterech")  # Polish read as cp1252
    False
    """
    return _OTHER.search(text) is None and _SYMBOL_IN_WORD.search(text) is None


def _binary(name: str) -> BadInput:
    return BadInput(f"{name}: looks like a binary file, not an article (it contains NUL bytes)")


def decode(name: str, data: bytes) -> tuple[str, str, str | None]:
    """The text of ``data``, the encoding used, and a warning naming it when it was not UTF-8.

    ``name`` is the file's name, for messages. Raises BadInput for binary data or an encoding
    that cannot be told with confidence.

    >>> decode("a.txt", "“Mañana”".encode("cp1252"))[:2]
    ('“Mañana”', 'windows-1252')
    >>> decode("a.txt", "Mañana".encode("latin-1"))[1:]
    ('iso-8859-1', 'a.txt: not UTF-8; read it as iso-8859-1 (offsets refer to the decoded text)')
    >>> decode("a.txt", "día".encode("utf-16"))[:2]
    ('día', 'utf-16')
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise BadInput(
                    f"{name}: starts with a {label} byte-order mark but is not {label} ({exc.reason})"
                ) from None
            if "\x00" in text:
                raise _binary(name)
            return text, codec, _warning(name, codec)
    if b"\x00" in data:
        raise _binary(name)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(name, data)
    if mostly is not None:
        return mostly
    western: str | None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: not Windows-1252
        western = None
    if western is not None and plausibly_western(western):
        encoding = "windows-1252" if _C1.search(data) else "iso-8859-1"
        return western, encoding, _warning(name, encoding)
    return _guess(name, data)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, under errors="surrogateescape"
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _mostly_utf8(name: str, data: bytes) -> tuple[str, str, str | None] | None:
    r"""``data`` as UTF-8 with its few bad bytes replaced, and a warning; None when it is not mostly UTF-8.

    >>> text, encoding, warning = _mostly_utf8("a.txt", "Andrés dijo “sí”.\n".encode() + b"\x93ok\x94")
    >>> text[-4:] == "\ufffdok\ufffd", encoding
    (True, 'utf-8')
    >>> warning
    'a.txt: 2 bytes are not UTF-8 (line 2); read it as UTF-8 with each replaced by U+FFFD'
    >>> _mostly_utf8("b.txt", "Andrés".encode("cp1252")) is None
    True
    """
    escaped = data.decode("utf-8", "surrogateescape")
    bad = [m.start() for m in _ESCAPED.finditer(escaped)]
    good = len(_NON_ASCII.findall(escaped)) - len(bad)
    if good == 0 or good < len(bad):
        return None
    text = _ESCAPED.sub("\ufffd", escaped)
    breaks = [m.end() for m in _LINE_BREAK.finditer(escaped)]
    lines = sorted({bisect.bisect_right(breaks, i) + 1 for i in bad})
    where = ", ".join(str(n) for n in lines[:5]) + (", ..." if len(lines) > 5 else "")
    count = f"{len(bad)} bytes are" if len(bad) > 1 else "1 byte is"
    line = "lines" if len(lines) > 1 else "line"
    return text, "utf-8", f"{name}: {count} not UTF-8 ({line} {where}); read it as UTF-8 with each replaced by U+FFFD"


def _warning(name: str, encoding: str) -> str:
    return f"{name}: not UTF-8; read it as {encoding} (offsets refer to the decoded text)"


def _guess(name: str, data: bytes) -> tuple[str, str, str | None]:
    from charset_normalizer import from_bytes

    # Windows-1252 and Latin-1 were tried and did not read as Western text
    tried = {"cp1252", "latin_1", "iso8859_1", "iso8859_15"}
    best = next((m for m in from_bytes(data) if m.encoding not in tried), None)
    if best is None or best.chaos > 0.1 or best.encoding is None:
        raise BadInput(
            f"{name}: is not UTF-8 and its encoding cannot be told with confidence; "
            "convert it first, e.g. `iconv -f windows-1252 -t utf-8`"
        )
    text = str(best)
    if sum(not (ch.isprintable() or ch.isspace()) for ch in text) > max(3, len(text) // 200):
        raise BadInput(f"{name}: looks like a binary file, not an article")
    return text, best.encoding, _warning(name, best.encoding)
