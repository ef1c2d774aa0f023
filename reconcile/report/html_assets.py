"""The HTML report's style and script: inline, so the page fetches nothing (the page's
Content-Security-Policy allows them by hash)."""

from __future__ import annotations

__all__ = ["CSS", "JS"]

CSS = """
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
#findings h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);margin:.6rem 0 .3rem}
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

JS = """
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
