"""Text from articles, feeds and file names made inert for where it is shown: one helper for every report
and for the terminal.

Anything that came from outside (a file name, a title, an article id, a quote) may carry markup or
control characters. Each destination has one function here, and every report and the CLI use them:

- ``terminal``: a control character (``\\n``, ESC, BEL, C1 codes, bidi overrides) written as a Python
  escape (``\\n``, ``\\x1b``), so a message stays one line and nothing reaches the terminal raw;
- ``markdown`` (prose: whitespace runs become one space) and ``markdown_name`` (a file name, title or
  id: every control character shown): HTML and Markdown markup escaped, inert in a viewer that
  renders raw HTML;
- ``html`` (article text keeps its tabs and line breaks) and ``html_name``: entities, and control
  characters shown;
- ``json_inert``: a JSON text whose strings hold no raw DEL, C1 code or bidi override (each written
  as ``\\u....``: the same data, nothing live when the file is printed).
"""

from __future__ import annotations

import re

__all__ = ["html", "html_name", "json_inert", "markdown", "markdown_name", "shown", "terminal"]

#: bidi embeddings, overrides and isolates: they reorder what a reader sees ("Trojan source")
_BIDI = "\u202a-\u202e\u2066-\u2069"
#: C0 and C1 control characters, DEL, bidi controls, and the Unicode line and paragraph separators
_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}\u2028\u2029]")
#: marks that reorder a name's letters on a terminal: shown in names and messages, kept in prose
_NAME_ONLY = re.compile("[\u200e\u200f\u061c]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_MARKUP = re.compile(r"([\\`*_\[\]|~])")
#: what ``json.dumps`` leaves raw that a terminal or an editor may act on
_JSON_RAW = re.compile(f"[\\x7f-\\x9f{_BIDI}\u2028\u2029]")


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str, *, keep: str = "") -> str:
    """``text`` with each control character (but those in ``keep``) written as its Python escape.

    >>> shown("a\\nb\\x1b]0;x\\x07")
    'a\\\\nb\\\\x1b]0;x\\\\x07'
    >>> shown("line\\n", keep="\\n")
    'line\\n'
    """
    return _CONTROL.sub(lambda m: m.group(0) if m.group(0) in keep else _escape(m.group(0)), text)


def terminal(text: str) -> str:
    """One line for stderr: every control character, and every mark that reorders letters, shown escaped.

    >>> terminal("bad\\nname.txt: is empty")
    'bad\\\\nname.txt: is empty'
    """
    return _NAME_ONLY.sub(lambda m: _escape(m.group(0)), shown(text))


def _markup(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", text)


def markdown(text: str) -> str:
    """Prose fit for one Markdown line or table cell, and inert: one line, control characters shown,
    HTML and Markdown markup escaped.

    ``<``, ``>`` and ``&`` become entities (no raw HTML reaches a renderer that allows it); ``\\``,
    backticks, ``*``, ``_``, brackets, ``|`` and ``~`` are backslash-escaped (no link, no emphasis,
    no code span, no broken table).

    >>> markdown("<img src=x onerror=alert(1)> [a](javascript:x) | *b*")
    '&lt;img src=x onerror=alert(1)&gt; \\\\[a\\\\](javascript:x) \\\\| \\\\*b\\\\*'
    """
    return _markup(shown(" ".join(text.split())))


def markdown_name(text: str) -> str:
    """A file name, title or id for Markdown: as ``markdown``, but every control character is shown
    (a line break in a name is ``\\n``, not a space), and so are marks that reorder its letters.

    >>> markdown_name("a\\nb`<svg onload=x>`.txt")
    'a\\\\\\\\nb\\\\`&lt;svg onload=x&gt;\\\\`.txt'
    """
    return _markup(terminal(text))


def html(text: str, quote: bool = True) -> str:
    """Text for HTML: entities (quotes too, with ``quote``), control characters shown but tabs and line
    breaks, which article text keeps.

    >>> html("<b>\\x1b[31m</b>\\n")
    '&lt;b&gt;\\\\x1b[31m&lt;/b&gt;\\n'
    """
    text = shown(text, keep="\t\n\r").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def html_name(text: str) -> str:
    """A file name, title or id for HTML: every control character shown, entities.

    >>> html_name("a\\n<b>.txt")
    'a\\\\n&lt;b&gt;.txt'
    """
    return html(terminal(text))


def json_inert(dumped: str) -> str:
    """A JSON text (from ``json.dumps(..., ensure_ascii=False)``) with DEL, C1 codes, bidi controls and
    line separators written as ``\\u`` escapes inside its strings: the same data when parsed.

    >>> json_inert('{"t": "a\\x9b31mb"}')
    '{"t": "a\\\\u009b31mb"}'
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)
