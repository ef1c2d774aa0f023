"""Result -> one self-contained HTML page: the sources side by side, each claim highlighted by kind.

No network: the CSS and the script are inline, no fonts or images are fetched, and a
Content-Security-Policy allows only this page's own script and style (by hash). Every piece of
article text goes through ``escape.html`` (names and titles through ``escape.html_name``), so an article
with ``<script>`` in it shows it as text, and a control character in it shows as its escape.
"""

from __future__ import annotations

import base64
import hashlib
import urllib.parse
from collections.abc import Iterable

from ..model import Claim, Document, Finding, Result
from .escape import html as escape
from .escape import html_name
from .html_facts import FACTS_CSS, key_facts_html
from .markup import relative_path

__all__ = ["KIND_LABELS", "KIND_ORDER", "render_html"]

#: the order findings are listed in and, for a claim in several findings, which kind colours it
KIND_ORDER: tuple[str, ...] = (
    "contradiction",
    "contradicted",
    "update",
    "unsupported",
    "agreement",
    "supported",
    "unique",
)

#: what each kind means, for the legend
KIND_LABELS: dict[str, tuple[str, str]] = {
    "agreement": ("Agreement", "the sources state the same fact"),
    "contradiction": ("Contradiction", "values that cannot both be true"),
    "update": ("Update", "a later figure, marked as such"),
    "unique": ("Unique", "only one source states it"),
    "supported": ("Supported", "a source states it too"),
    "contradicted": ("Contradicted", "a source gives another value"),
    "unsupported": ("Unsupported", "no source states it: not wrong, but unchecked"),
}

_MODE_KINDS: dict[str, tuple[str, ...]] = {
    "compare": ("agreement", "contradiction", "update", "unique"),
    "check": ("supported", "contradicted", "unsupported"),
    "self-check": ("agreement", "contradiction", "update", "unique"),
}

#: in a self-consistency check the groups are the article's voices, not sources
_VOICE_LABELS: dict[str, tuple[str, str]] = {
    "agreement": ("Agreement", "two voices of the article state the same fact"),
    "contradiction": ("Contradiction", "two voices give values that cannot both be true"),
    "unique": ("Unique", "only one voice states it"),
}

_MODE_TITLES = {"compare": "Comparison", "check": "Draft check", "self-check": "Self-consistency check"}

_CSS = """
:root{--bg:#fff;--fg:#1d1d1f;--muted:#5c5c66;--line:#d7d7de;--panel:#f6f6f8;
--agreement:#c9ecd2;--agreement-b:#1f7a3a;--supported:#c9ecd2;--supported-b:#1f7a3a;
--contradiction:#ffc9c4;--contradiction-b:#b3261e;--contradicted:#ffc9c4;--contradicted-b:#b3261e;
--update:#d9e4ff;--update-b:#2c4fa8;--unique:#fdf0b8;--unique-b:#8a6d00;
--unsupported:#fdf0b8;--unsupported-b:#8a6d00;--active:#1d1d1f}
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;background:var(--bg);color:var(--fg);
font:0.95rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:#2c4fa8}
:focus-visible{outline:3px solid #2c4fa8;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem;z-index:10}
.skip:focus{left:.5rem}
header{padding:.75rem 1rem;border-bottom:1px solid var(--line)}
h1{font-size:1.2rem;margin:0 0 .25rem}
.meta{color:var(--muted);margin:0;font-size:.85rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0 0;padding:0;list-style:none}
.legend button{font:inherit;font-size:.85rem;border:1px solid var(--line);border-radius:1rem;
background:var(--panel);padding:.15rem .6rem;cursor:pointer;color:var(--fg)}
.legend button[aria-pressed=false]{opacity:.5;text-decoration:line-through}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:.2em;vertical-align:-.1em;
margin-right:.3em;border:2px solid transparent}
body{display:flex;flex-direction:column;height:100vh}
main{display:grid;grid-template-columns:minmax(18rem,24rem) minmax(0,1fr);flex:1;min-height:20rem}
#findings{overflow:auto;border-right:1px solid var(--line);padding:.5rem;background:var(--panel)}
#findings h2,.source h2{font-size:1rem;margin:.25rem 0 .5rem}
#findings ol{list-style:none;margin:0;padding:0}
#findings li{margin:0 0 .4rem}
.finding{display:block;width:100%;text-align:left;font:inherit;color:var(--fg);cursor:pointer;
background:#fff;border:1px solid var(--line);border-left-width:6px;border-radius:.3rem;padding:.35rem .5rem}
.finding[aria-expanded=true]{border-color:var(--active);box-shadow:0 0 0 1px var(--active)}
.finding .kind{font-weight:600;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
.finding .gist{display:block;font-size:.85rem}
.detail{background:#fff;border:1px solid var(--line);border-top:0;padding:.4rem .6rem;font-size:.85rem}
.detail blockquote{margin:.3rem 0;padding:.2rem .5rem;border-left:3px solid var(--line);
background:var(--panel)}
.detail .who{color:var(--muted);font-size:.8rem}
.detail table{border-collapse:collapse;margin:.3rem 0}
.detail td,.detail th{border:1px solid var(--line);padding:.1rem .4rem;text-align:left}
.sources{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(20rem,1fr);overflow-x:auto;min-width:0}
.source{display:flex;flex-direction:column;min-height:0;border-right:1px solid var(--line)}
.source header{padding:.5rem .75rem}
.source .role{font-size:.75rem;font-weight:600;text-transform:uppercase;color:var(--muted)}
.text{position:relative;overflow:auto;padding:.5rem .75rem 3rem;white-space:pre-wrap;
overflow-wrap:anywhere;flex:1;font-family:Georgia,"Times New Roman",serif;font-size:1rem;line-height:1.6}
mark{background:transparent;color:inherit;border-bottom:2px solid transparent;cursor:pointer;padding:0 1px}
mark.k-agreement,mark.k-supported{background:var(--agreement);border-bottom-color:var(--agreement-b)}
mark.k-contradiction,mark.k-contradicted{background:var(--contradiction);
border-bottom:3px double var(--contradiction-b)}
mark.k-update{background:var(--update);border-bottom-color:var(--update-b)}
mark.k-unique,mark.k-unsupported{background:var(--unique);border-bottom:2px dotted var(--unique-b)}
mark.k-none{border-bottom:1px dashed var(--line)}
.furniture{color:#8a8a94}
mark.active{outline:2px solid var(--active);box-shadow:0 0 0 4px rgba(0,0,0,.12)}
.finding.k-agreement,.finding.k-supported{border-left-color:var(--agreement-b)}
.finding.k-contradiction,.finding.k-contradicted{border-left-color:var(--contradiction-b)}
.finding.k-update{border-left-color:var(--update-b)}
.finding.k-unique,.finding.k-unsupported{border-left-color:var(--unique-b)}
.swatch.k-agreement,.swatch.k-supported{background:var(--agreement);border-color:var(--agreement-b)}
.swatch.k-contradiction,.swatch.k-contradicted{background:var(--contradiction);border-color:var(--contradiction-b)}
.swatch.k-update{background:var(--update);border-color:var(--update-b)}
.swatch.k-unique,.swatch.k-unsupported{background:var(--unique);border-color:var(--unique-b)}
.empty{color:var(--muted)}
.top{display:none}
@media (max-width:800px){
body{display:block;height:auto}
main{display:block}
#findings{border-right:0;border-bottom:1px solid var(--line);max-height:60vh}
.legend .meaning{display:none}
.sources{display:block;overflow:visible}
.source{border-right:0;border-bottom:1px solid var(--line)}
.text{overflow:visible;font-size:1rem}
.top{display:inline;font-size:.85rem;margin-left:.5rem}
}
@media print{body,main{display:block;height:auto}.sources{display:block}.text{overflow:visible}}
"""

_JS = """
(function(){
"use strict";
var buttons=Array.prototype.slice.call(document.querySelectorAll("button.finding"));
function marksOf(id){
  return Array.prototype.filter.call(document.querySelectorAll("mark[data-finding]"),function(m){
    return m.getAttribute("data-finding").split(" ").indexOf(id)>=0;});
}
function clear(){
  Array.prototype.forEach.call(document.querySelectorAll("mark.active"),function(m){m.classList.remove("active");});
  buttons.forEach(function(b){
    b.setAttribute("aria-expanded","false");
    var d=document.getElementById(b.getAttribute("aria-controls"));if(d){d.hidden=true;}
  });
}
function reveal(col,mark){
  var s=getComputedStyle(col).overflowY;
  if((s==="auto"||s==="scroll")&&col.scrollHeight>col.clientHeight){
    col.scrollTop=Math.max(0,mark.offsetTop-col.clientHeight/3);
  }
}
function select(b){
  var open=b.getAttribute("aria-expanded")==="true";
  clear();
  if(open){return;}
  var id=b.getAttribute("data-finding");
  b.setAttribute("aria-expanded","true");
  var d=document.getElementById(b.getAttribute("aria-controls"));if(d){d.hidden=false;}
  var seen=[];
  marksOf(id).forEach(function(m){
    m.classList.add("active");
    var col=m.closest(".text");
    if(col&&seen.indexOf(col)<0){seen.push(col);reveal(col,m);}
  });
  if(document.body.getAttribute("data-selected")!==id){document.body.setAttribute("data-selected",id);}
}
buttons.forEach(function(b,i){
  b.addEventListener("click",function(){select(b);});
  b.addEventListener("keydown",function(e){
    var j=null;
    if(e.key==="ArrowDown"){j=i+1;}else if(e.key==="ArrowUp"){j=i-1;}
    else if(e.key==="Escape"){clear();return;}
    if(j!==null){
      e.preventDefault();
      while(j>=0&&j<buttons.length&&buttons[j].closest("li").hidden){j+=(e.key==="ArrowDown"?1:-1);}
      if(j>=0&&j<buttons.length){buttons[j].focus();}
    }
  });
});
Array.prototype.forEach.call(document.querySelectorAll("mark[data-finding]"),function(m){
  m.addEventListener("click",function(){
    var id=m.getAttribute("data-finding").split(" ")[0];
    var b=document.querySelector('button.finding[data-finding="'+id+'"]');
    if(b){if(b.getAttribute("aria-expanded")!=="true"){select(b);}b.focus({preventScroll:true});
      var li=b.closest("li");if(li&&li.scrollIntoView){li.scrollIntoView({block:"nearest"});}}
  });
});
Array.prototype.forEach.call(document.querySelectorAll(".legend button"),function(t){
  t.addEventListener("click",function(){
    var on=t.getAttribute("aria-pressed")!=="true";
    t.setAttribute("aria-pressed",on?"true":"false");
    var k=t.getAttribute("data-kind");
    Array.prototype.forEach.call(document.querySelectorAll("#findings li.k-"+k),function(li){li.hidden=!on;});
  });
});
document.body.setAttribute("data-ready","1");
})();
"""


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _claim_kinds(result: Result) -> dict[str, list[tuple[int, Finding]]]:
    """Each claim id -> the (index, finding) pairs that cite it, in list order."""
    cited: dict[str, list[tuple[int, Finding]]] = {}
    for index, finding in _ordered(result.findings):
        for claim_id in finding.claims:
            cited.setdefault(claim_id, []).append((index, finding))
    return cited


def _rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _ordered(findings: Iterable[Finding]) -> list[tuple[int, Finding]]:
    """Findings numbered as given, listed most urgent kind first (stable within a kind)."""
    numbered = list(enumerate(findings, start=1))
    return sorted(numbered, key=lambda pair: _rank(pair[1].kind))


def _segments(doc: Document, claims: list[Claim]) -> list[tuple[int, int, list[Claim], bool]]:
    """Cut the text at every claim and furniture boundary: (start, end, claims covering it, furniture)."""
    cuts = {0, len(doc.text)}
    for claim in claims:
        cuts.update((claim.start, claim.end))
    for span in doc.furniture:
        cuts.update((span.start, span.end))
    points = sorted(c for c in cuts if 0 <= c <= len(doc.text))
    pieces = []
    for start, end in zip(points, points[1:], strict=False):
        covering = [c for c in claims if c.start <= start and end <= c.end]
        furniture = any(f.start <= start and end <= f.end for f in doc.furniture)
        pieces.append((start, end, covering, furniture))
    return pieces


def _render_text(doc: Document, claims: list[Claim], cited: dict[str, list[tuple[int, Finding]]]) -> str:
    first_seen: set[str] = set()
    out: list[str] = []
    for start, end, covering, furniture in _segments(doc, claims):
        chunk = escape(doc.text[start:end], quote=False)
        if not covering:
            out.append(f'<span class="furniture">{chunk}</span>' if furniture else chunk)
            continue
        finding_ids: list[str] = []
        kinds: list[str] = []
        for claim in covering:
            for index, finding in cited.get(claim.id, []):
                fid = f"f{index}"
                if fid not in finding_ids:
                    finding_ids.append(fid)
                kinds.append(finding.kind)
        kind = min(kinds, key=_rank) if kinds else "none"
        ids = [c.id for c in covering]
        anchor = ""
        opener = next((c.id for c in covering if c.id not in first_seen and c.start == start), None)
        if opener is not None:
            first_seen.add(opener)
            anchor = f' id="claim-{_attr(opener)}"'
        voices = sorted({c.voice for c in covering})
        title = "; ".join(voices)
        out.append(
            f'<mark{anchor} class="k-{kind}" data-claim="{_attr(" ".join(ids))}"'
            f' data-finding="{_attr(" ".join(finding_ids))}" title="{_attr(title)}">{chunk}</mark>'
        )
    return "".join(out)


def _role(result: Result, doc: Document, position: int) -> str:
    if result.mode == "check":
        return "Draft" if position == 0 else "Source"
    if result.mode == "self-check":
        return "Article"
    return f"Source {position + 1}"


def _gist(by_id: dict[str, Claim], finding: Finding) -> str:
    """A short line for the findings list: the values in conflict, or the first claim's opening."""
    if finding.conflicts:
        return finding.conflicts[0].title
    claims = [by_id[c] for c in finding.claims if c in by_id]
    if not claims:
        return finding.reason
    text = " ".join(claims[0].text.split())
    return text if len(text) <= 110 else text[:107].rstrip() + "..."


def _detail(docs: dict[str, Document], by_id: dict[str, Claim], finding: Finding) -> str:
    parts = [f"<p>{escape(finding.reason)} <span class=who>(confidence {finding.confidence:.2f})</span></p>"]
    for conflict in finding.conflicts:
        rows = []
        for claim_id, value in conflict.values.items():
            claim = by_id.get(claim_id)
            where = docs[claim.doc].name if claim is not None and claim.doc in docs else ""
            voice = claim.voice if claim is not None else ""
            rows.append(f"<tr><td>{html_name(where)}</td><td>{escape(voice)}</td><td>{escape(str(value))}</td></tr>")
        parts.append(
            f"<table><caption>{escape(conflict.label or conflict.slot)}</caption>"
            f"<tr><th>source</th><th>voice</th><th>value</th></tr>{''.join(rows)}</table>"
        )
    for claim_id in finding.claims:
        quoted = by_id.get(claim_id)
        if quoted is None or quoted.doc not in docs:
            continue
        claim, doc = quoted, docs[quoted.doc]
        parts.append(
            f'<div class=quote data-claim="{_attr(claim.id)}"><span class=who>{html_name(doc.name)}, '
            f"line {doc.line_of(claim.start)} &middot; {escape(claim.voice)}</span>"
            f"<blockquote>{escape(claim.text)}</blockquote>"
            f'<a href="#claim-{_attr(claim.id)}">show in text</a></div>'
        )
    return "".join(parts)


def _findings_list(result: Result, docs: dict[str, Document], by_id: dict[str, Claim]) -> str:
    items = []
    for index, finding in _ordered(result.findings):
        fid = f"f{index}"
        label = KIND_LABELS.get(finding.kind, (finding.kind.title(), ""))[0]
        if result.is_weak(finding):
            label = "Worth checking"
        items.append(
            f'<li class="k-{_attr(finding.kind)}">'
            f'<button type=button class="finding k-{_attr(finding.kind)}" data-finding="{fid}"'
            f' aria-expanded="false" aria-controls="{fid}-detail">'
            f"<span class=kind>{escape(label)}</span>"
            f"<span class=gist>{escape(_gist(by_id, finding))}</span></button>"
            f'<div class=detail id="{fid}-detail" hidden>{_detail(docs, by_id, finding)}</div></li>'
        )
    if not items:
        return '<p class="empty">No findings.</p>'
    return "<ol>" + "".join(items) + "</ol>"


def _legend(result: Result) -> str:
    kinds = list(_MODE_KINDS.get(result.mode, KIND_ORDER))
    kinds += [f.kind for f in result.findings if f.kind not in kinds]
    counts = {k: sum(1 for f in result.findings if f.kind == k) for k in kinds}
    items = []
    for kind in kinds:
        labels = _VOICE_LABELS if result.mode == "self-check" else KIND_LABELS
        label, meaning = labels.get(kind) or KIND_LABELS.get(kind, (kind.title(), ""))
        items.append(
            f'<li><button type=button aria-pressed="true" data-kind="{_attr(kind)}" title="{_attr(meaning)}">'
            f'<span class="swatch k-{_attr(kind)}"></span>{escape(label)} ({counts[kind]})'
            f"<span class=meaning> &middot; {escape(meaning)}</span></button></li>"
        )
    label = "Legend: show or hide a kind of finding"
    return f'<ul class="legend" aria-label="{label}">' + "".join(items) + "</ul>"


def _source_link(doc: Document, link_base: str | None) -> str:
    """The source's name, linked (relative to ``link_base``, the report's folder) to its file."""
    name = html_name(doc.name)
    if link_base is None or doc.path == "-":
        return name
    target = relative_path(doc, link_base)
    return f'<a href="{_attr(urllib.parse.quote(target))}">{name}</a>'


def render_html(result: Result, *, link_base: str | None = None) -> str:
    """The whole report as one HTML page; with ``link_base`` (the report's folder) sources link to their files."""
    cited = _claim_kinds(result)
    docs = {doc.id: doc for doc in result.documents}
    by_id = {claim.id: claim for claim in result.claims}
    columns = []
    for position, doc in enumerate(result.documents):
        claims = sorted((c for c in result.claims if c.doc == doc.id), key=lambda c: (c.start, -c.end))
        title = f'<p class="meta">{html_name(doc.title)}</p>' if doc.title else ""
        date = f" &middot; {doc.date.isoformat()}" if doc.date else ""
        columns.append(
            f'<section class="source" id="doc-{_attr(doc.id)}" aria-labelledby="doc-{_attr(doc.id)}-h"'
            f' data-doc="{_attr(doc.id)}" lang="{_attr(doc.language)}">'
            f'<header><span class="role">{escape(_role(result, doc, position))}</span>'
            f'<h2 id="doc-{_attr(doc.id)}-h">{_source_link(doc, link_base)}'
            f'<a class="top" href="#findings">&uarr; findings</a></h2>'
            f'{title}<p class="meta">{_count(len(claims), "claim")} &middot; {escape(doc.language)}{date}</p></header>'
            f'<div class="text" tabindex="0" aria-label="Text of {html_name(doc.name)}">'
            f"{_render_text(doc, claims, cited)}</div></section>"
        )
    heading = _MODE_TITLES.get(result.mode, "Report")
    names = [doc.name for doc in result.documents]
    subject = f"{names[0]} against {', '.join(names[1:])}" if result.mode == "check" else ", ".join(names)
    why = f" ({escape(result.model_reason)})" if result.model_reason else ""
    model = f" &middot; model {escape(result.model)}{why}" if result.model else ""
    csp = (
        f"default-src 'none'; script-src {_csp_hash(_JS)}; style-src {_csp_hash(_CSS + FACTS_CSS)}; "
        "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    style = _CSS + FACTS_CSS
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_attr(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>reconcile: {escape(heading)} of {html_name(subject)}</title>"
        f"<style>{style}</style></head>\n"
        f'<body data-mode="{_attr(result.mode)}">'
        '<a class="skip" href="#findings">Skip to findings</a>'
        f"<header><h1>{escape(heading)}: {html_name(subject)}</h1>"
        f'<p class="meta">{_count(len(result.documents), "document")} &middot; '
        f"{_count(len(result.claims), 'claim')} &middot; {_count(len(result.findings), 'finding')}{model}. "
        "Choose a finding to see its spans in every source.</p>"
        + "".join(f'<p class="meta" role="note"><strong>Note:</strong> {escape(n)}</p>' for n in result.notes)
        + f"{_legend(result)}</header>\n"
        + key_facts_html(result)
        + '<main><nav id="findings" aria-label="Findings"><h2>Findings</h2>'
        f"{_findings_list(result, docs, by_id)}</nav>\n"
        f'<div class="sources">{"".join(columns)}</div></main>\n'
        f"<script>{_JS}</script></body></html>\n"
    )
