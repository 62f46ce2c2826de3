"""Flat tables of records: one row per document, official, organisation, date, claim,
quote, event or event claim report. Rows are plain dicts; :func:`to_dataframe` turns them
into pandas DataFrames (``pip install "extractors[tables]"``).

>>> df = to_dataframe("out/records.jsonl", "claims")           # doctest: +SKIP
>>> df[["doc_id", "value", "low", "high", "unit", "source", "time", "sentence"]]  # doctest: +SKIP
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Union

from .records import DocumentRecord, EventRecord

DOCUMENT_KINDS = ("documents", "officials", "persons", "organisations", "dates", "claims", "quotes")
EVENT_KINDS = ("events", "event_claims", "event_members")
KINDS = DOCUMENT_KINDS + EVENT_KINDS

Source = Union[str, Path, Iterable[Union[DocumentRecord, EventRecord, Dict[str, Any]]]]


def _records(source: Source) -> Iterator[Dict[str, Any]]:
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
        return
    for r in source:
        yield r.to_dict() if hasattr(r, "to_dict") else r


def _join(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def document_rows(doc: Dict[str, Any], kind: str) -> List[Dict[str, Any]]:
    """Rows of one kind for one document record (as a dict)."""
    did = doc["id"]
    if kind == "documents":
        return [{
            "doc_id": did, "published": doc.get("published"), "published_source": doc.get("published_source"),
            "source": doc.get("source"), "title": doc.get("title"), "url": doc.get("url"), "length": doc.get("length"),
            "officials": len(doc.get("officials", [])), "organisations": len(doc.get("organisations", [])),
            "dates": len(doc.get("dates", [])), "claims": len(doc.get("claims", [])), "quotes": len(doc.get("quotes", [])),
            "warnings": _join(doc.get("warnings", [])),
        }]
    rows: List[Dict[str, Any]] = []
    if kind in ("officials", "persons"):
        for o in doc.get(kind, []):
            rows.append({
                "doc_id": did, "source": doc.get("source"), "person_id": o["id"], "name": o["name"], "title": o.get("title"),
                "organisation": o.get("organisation"), "is_official": o.get("is_official", True),
                "roles": _join(f"{r.get('title') or ''} ({r.get('organisation') or ''})" for r in o.get("roles", [])),
                "mentions": len(o.get("mentions", [])),
                "first_start": min((m["start"] for m in o.get("mentions", [])), default=None),
            })
    elif kind == "organisations":
        for o in doc.get(kind, []):
            rows.append({
                "doc_id": did, "source": doc.get("source"), "org_id": o["id"], "name": o["name"], "acronym": o.get("acronym"),
                "type": o.get("type"), "aliases": _join(o.get("aliases", [])), "mentions": len(o.get("mentions", [])),
            })
    elif kind == "dates":
        for t in doc.get(kind, []):
            rows.append({
                "doc_id": did, "published": doc.get("published"), "text": t["text"], "start": t["start"], "end": t["end"],
                "type": t.get("type"), "value": t.get("value"), "mod": t.get("mod"), "anchored": t.get("anchored"),
            })
    elif kind == "claims":
        for c in doc.get(kind, []):
            rows.append({
                "doc_id": did, "outlet": doc.get("source"), "published": doc.get("published"), "claim_id": c["id"],
                "text": c["text"], "start": c["start"], "end": c["end"], "value": c.get("value"), "low": c.get("low"),
                "high": c.get("high"), "unit": c.get("unit"), "approximate": c.get("approximate"), "change": c.get("change"),
                "counted": c.get("counted"), "time": c.get("time"), "source": c.get("source"), "source_id": c.get("source_id"),
                "quote_id": c.get("quote_id"), "sentence": c.get("sentence"),
            })
    elif kind == "quotes":
        for q in doc.get(kind, []):
            rows.append({
                "doc_id": did, "quote_id": q["id"], "speaker": q.get("speaker"), "speaker_id": q.get("speaker_id"),
                "cue": q.get("cue"), "direct": q.get("direct"), "text": q["text"], "start": q["start"], "end": q["end"],
            })
    else:
        raise ValueError(f"unknown document table {kind!r}; choose from {', '.join(DOCUMENT_KINDS)}")
    return rows


def event_rows(ev: Dict[str, Any], kind: str) -> List[Dict[str, Any]]:
    eid = ev["event_id"]
    if kind == "events":
        statuses = [c.get("status") for c in ev.get("claims", [])]
        return [{
            "event_id": eid, "title": ev.get("title"), "date": ev.get("date"), "documents": len(ev.get("doc_ids", [])),
            "doc_ids": _join(ev.get("doc_ids", [])), "officials": _join(o.get("name") for o in ev.get("officials", [])),
            "organisations": _join(o.get("name") for o in ev.get("organisations", [])),
            **{s: statuses.count(s) for s in ("agreed", "variant", "conflict", "single-source")},
        }]
    rows: List[Dict[str, Any]] = []
    if kind == "event_claims":
        for c in ev.get("claims", []):
            for rep in c.get("reports", []) or [{}]:
                rows.append({
                    "event_id": eid, "claim_id": c["id"], "status": c.get("status"), "value": c.get("value"), "low": c.get("low"),
                    "high": c.get("high"), "unit": c.get("unit"), "reason": c.get("reason"), "doc_id": rep.get("doc_id"),
                    "outlet": rep.get("source"), "text": rep.get("text"), "start": rep.get("start"), "end": rep.get("end"),
                    "reported_value": rep.get("value"), "reported_low": rep.get("low"), "reported_high": rep.get("high"),
                    "asserted_by": rep.get("asserted_by"), "sentence": rep.get("sentence"),
                })
    elif kind == "event_members":
        for m in ev.get("members", []):
            rows.append({"event_id": eid, "doc_id": m["doc_id"], "outlet": m.get("source"), "score": m.get("score"), "reasons": _join(m.get("reasons", []))})
    else:
        raise ValueError(f"unknown event table {kind!r}; choose from {', '.join(EVENT_KINDS)}")
    return rows


def rows(source: Source, kind: str = "claims") -> List[Dict[str, Any]]:
    """Flat rows of one kind from records (objects, dicts or a JSONL path)."""
    fn = event_rows if kind in EVENT_KINDS else document_rows
    out: List[Dict[str, Any]] = []
    for rec in _records(source):
        out.extend(fn(rec, kind))
    return out


def to_dataframe(source: Source, kind: str = "claims") -> Any:
    """A pandas DataFrame of one kind (see :data:`KINDS`) from records or a JSONL path."""
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the install
        from .errors import Errors

        raise ImportError(Errors.E061.format(feature="to_dataframe", extra="tables")) from err
    data = rows(source, kind)
    return pd.DataFrame(data) if data else pd.DataFrame(columns=list(_empty_columns(kind)))


def _empty_columns(kind: str) -> List[str]:
    probe_doc = {"id": "", "officials": [], "persons": [], "organisations": [], "dates": [], "claims": [], "quotes": []}
    if kind == "documents":
        return list(document_rows(probe_doc, kind)[0])
    return []
