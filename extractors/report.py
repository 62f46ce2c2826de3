"""A static HTML report of reconciled events: outlets, officials, organisations and
claims, coloured by status (agreed, variant, conflict, single-source), each report
linked to the sentence that states it.

    extractors report out/events.jsonl -o report.html [--records out/records.jsonl]

The page is one self-contained file (inline CSS, no scripts, nothing fetched); every
piece of article text is HTML-escaped.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Union

STATUS_ORDER = ("conflict", "variant", "agreed", "single-source")

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;color:#1d2430;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}.sub{color:#5b6575;margin-top:0}
.legend span,.status{display:inline-block;border-radius:.3rem;padding:.05rem .45rem;font-size:.8rem;font-weight:600}
.agreed{background:#d9f2e1;color:#1c6b3a}.variant{background:#fff1c9;color:#7a5a00}
.conflict{background:#fbd7d7;color:#9b1c1c}.single-source{background:#e6e9ef;color:#4a5363}
.event{border:1px solid #d5dae3;border-radius:.6rem;padding:1rem 1.2rem;margin:1.2rem 0;background:#fff}
.event h2{font-size:1.15rem;margin:.1rem 0 .4rem}.meta{color:#5b6575;font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
th,td{border-bottom:1px solid #e4e7ee;padding:.35rem .4rem;text-align:left;vertical-align:top}
th{background:#f4f6f9;font-weight:600}tr.conflict td:first-child{border-left:4px solid #d64545}
tr.variant td:first-child{border-left:4px solid #e0b100}tr.agreed td:first-child{border-left:4px solid #2f9e5b}
ul.reports{margin:.2rem 0;padding-left:1.1rem}mark{background:#ffe58a;padding:0 .1rem}
.sentence{color:#3a4352}.outlet{font-weight:600}.why{color:#5b6575;font-size:.85rem}
nav ol{columns:2;font-size:.9rem}
"""


def _e(x: Any) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _num(v: Optional[float]) -> str:
    if v is None:
        return ""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}"


def fmt_quantity(c: Dict[str, Any]) -> str:
    unit = c.get("unit") or ""
    if c.get("value") is not None and c.get("low") is None and c.get("high") is None:
        q = _num(c["value"])
    elif c.get("low") is not None and c.get("high") is not None:
        q = f"{_num(c['low'])}–{_num(c['high'])}"
    elif c.get("low") is not None:
        q = f"≥ {_num(c['low'])}"
    elif c.get("high") is not None:
        q = f"≤ {_num(c['high'])}"
    else:
        q = _num(c.get("value"))
    return f"{q}%" if unit == "percent" else f"{q} {unit}".strip()


def _sentence_with_mark(rep: Dict[str, Any]) -> str:
    sent, text = rep.get("sentence") or "", rep.get("text") or ""
    i = sent.find(text) if text else -1
    if i < 0:
        return _e(sent or text)
    return _e(sent[:i]) + "<mark>" + _e(text) + "</mark>" + _e(sent[i + len(text):])


def _load(source: Union[str, Path, Iterable[Any]]) -> List[Dict[str, Any]]:
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    return [r.to_dict() if hasattr(r, "to_dict") else r for r in source]


def render(events: Union[str, Path, Iterable[Any]], records: Optional[Union[str, Path, Iterable[Any]]] = None, *, title: str = "extractors: reconciled events") -> str:
    """The report as one HTML string."""
    evs = _load(events)
    docs = {d["id"]: d for d in _load(records)} if records is not None else {}
    evs.sort(key=lambda e: (-len(e.get("doc_ids", [])), e.get("event_id", "")))
    counts = {s: sum(1 for e in evs for c in e.get("claims", []) if c.get("status") == s) for s in STATUS_ORDER}
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p class='sub'>{len(evs)} events from {sum(len(e.get('doc_ids', [])) for e in evs)} documents; claims: "
        + ", ".join(f"<span class='status {s}'>{counts[s]} {s}</span>" for s in STATUS_ORDER)
        + "</p>",
        "<nav><ol>" + "".join(f"<li><a href='#{_e(e['event_id'])}'>{_e(e.get('title') or e['event_id'])}</a> ({len(e.get('doc_ids', []))} docs)</li>" for e in evs) + "</ol></nav>",
    ]
    for ev in evs:
        eid = ev["event_id"]
        out.append(f"<section class='event' id='{_e(eid)}'>")
        out.append(f"<h2>{_e(ev.get('title') or eid)}</h2>")
        out.append(f"<p class='meta'>{_e(eid)} · date {_e(ev.get('date') or 'unknown')} · {len(ev.get('doc_ids', []))} documents</p>")
        members = ev.get("members") or [{"doc_id": d} for d in ev.get("doc_ids", [])]
        out.append("<table><tr><th>document</th><th>outlet</th><th>published</th><th>score</th><th>why it belongs</th></tr>")
        for m in members:
            d = docs.get(m["doc_id"], {})
            out.append(
                f"<tr><td>{_e(m['doc_id'])}</td><td class='outlet'>{_e(m.get('source') or d.get('source') or '')}</td>"
                f"<td>{_e(d.get('published') or '')}</td><td>{_e(m.get('score', ''))}</td>"
                f"<td class='why'>{_e('; '.join(m.get('reasons', [])))}</td></tr>"
            )
        out.append("</table>")
        if ev.get("officials"):
            items = []
            for o in ev["officials"]:
                titles = o.get("titles") or [o.get("title")]
                items.append(f"<li><b>{_e(o.get('name'))}</b>: {_e(' / '.join(t for t in titles if t))}" + (f", {_e(o.get('organisation'))}" if o.get("organisation") else "") + "</li>")
            out.append("<h3>Officials</h3><ul>" + "".join(items) + "</ul>")
        if ev.get("organisations"):
            out.append("<h3>Organisations</h3><p>" + ", ".join(_e(o.get("name")) + (f" ({_e(o.get('acronym'))})" if o.get("acronym") else "") for o in ev["organisations"]) + "</p>")
        claims = sorted(ev.get("claims", []), key=lambda c: (STATUS_ORDER.index(c.get("status")) if c.get("status") in STATUS_ORDER else 9, -len(c.get("doc_ids", []))))
        if claims:
            out.append("<h3>Claims</h3><table><tr><th>status</th><th>figure</th><th>reports</th></tr>")
            for c in claims:
                status = c.get("status", "single-source")
                reps = []
                for r in c.get("reports", []):
                    anchor = f"{eid}-{c['id']}-{r.get('doc_id')}"
                    outlet = r.get("source") or docs.get(r.get("doc_id"), {}).get("source") or r.get("doc_id")
                    reps.append(f"<li id='{_e(anchor)}'><span class='outlet'>{_e(outlet)}</span> "
                                f"(<a href='#{_e(anchor)}'>{_e(r.get('doc_id'))} @ {_e(r.get('start'))}</a>): "
                                f"<span class='sentence'>{_sentence_with_mark(r)}</span></li>")
                why = f"<div class='why'>{_e(c.get('reason'))}</div>" if c.get("reason") else ""
                out.append(f"<tr class='{_e(status)}'><td><span class='status {_e(status)}'>{_e(status)}</span></td>"
                           f"<td>{_e(fmt_quantity(c))}{why}</td><td><ul class='reports'>{''.join(reps)}</ul></td></tr>")
            out.append("</table>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def write_report(events: Union[str, Path, Iterable[Any]], output: Union[str, Path], records: Optional[Union[str, Path, Iterable[Any]]] = None) -> Path:
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(events, records), encoding="utf-8")
    return output
