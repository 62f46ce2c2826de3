"""Build one :class:`EventRecord` from the documents of a cluster.

* members: each document with its best link score to another member and the reasons;
* officials: people merged across documents by surname when first names agree, with
  every wording of their titles ("Director General of Operations" and "director of
  operations" are one person with two wordings) and organisations;
* organisations: merged when they share a name, acronym or alias;
* date: the earliest publication date, else the most common specific date mentioned;
* claims: aligned with :func:`extractors.reconcile.claims.align`;
* title: the title of the earliest member that has one, else a label from the officials,
  organisations and keywords the members share.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..records import DocumentRecord, EventRecord, Membership
from .claims import align
from .similarity import PairScore, first_names_compatible, fold, name_parts, org_key, parse_day


def natural_key(doc_id: str) -> Tuple:
    """Sort ids with numbers in numeric order: ``1_2ecb`` before ``1_10ecb``."""
    return tuple((0, int(t), "") if t.isdecimal() else (1, 0, t) for t in re.findall(r"\d+|\D+", doc_id))


def member_order(rec: DocumentRecord) -> Tuple:
    """Canonical order of documents: dated ones by date, then undated; ties by id."""
    day = parse_day(rec.published)
    return (day is None, day or 0, natural_key(rec.id))


# --------------------------------------------------------------------------- officials


def _titles_of(person) -> List[str]:
    out = []
    for t in [person.title] + [r.title for r in person.roles]:
        if t and t.strip():
            out.append(" ".join(t.split()))
    return out


def _orgs_of(person) -> List[str]:
    out = []
    for o in [person.organisation] + [r.organisation for r in person.roles]:
        if o and o.strip():
            out.append(" ".join(o.split()))
    return out


def _add_unique(target: List[str], items: Sequence[str]) -> None:
    seen = {fold(x) for x in target}
    for x in items:
        if fold(x) not in seen:
            seen.add(fold(x))
            target.append(x)


def merge_officials(records: Sequence[DocumentRecord]) -> List[Dict[str, Any]]:
    """Officials of all members, one entry per person."""
    groups: List[Dict[str, Any]] = []
    for rec in records:
        for person in rec.officials:
            if not person.is_official:
                continue
            parts = name_parts(person.name or "")
            if not parts:
                continue
            target = None
            for g in groups:
                if g["_surname"] == parts[-1] and all(first_names_compatible(parts, other) for other in g["_parts"]):
                    target = g
                    break
            if target is None:
                target = {"name": person.name, "title": None, "titles": [], "organisations": [], "doc_ids": [], "mentions": 0, "_surname": parts[-1], "_parts": []}
                groups.append(target)
            target["_parts"].append(parts)
            if len(parts) > len(name_parts(target["name"])):
                target["name"] = person.name
            _add_unique(target["titles"], _titles_of(person))
            _add_unique(target["organisations"], _orgs_of(person))
            if rec.id not in target["doc_ids"]:
                target["doc_ids"].append(rec.id)
            target["mentions"] += max(1, len(person.mentions))
    out = []
    for g in groups:
        g.pop("_surname")
        g.pop("_parts")
        g["title"] = g["titles"][0] if g["titles"] else None
        g["organisation"] = g["organisations"][0] if g["organisations"] else None
        out.append(g)
    out.sort(key=lambda g: (-len(g["doc_ids"]), -g["mentions"], fold(g["name"])))
    return out


# --------------------------------------------------------------------------- organisations


def merge_organisations(records: Sequence[DocumentRecord]) -> List[Dict[str, Any]]:
    """Organisations of all members, merged when they share a name, acronym or alias."""
    parent: Dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    items = []
    for rec in records:
        for org in rec.organisations:
            keys = [k for k in [org_key(org.name or "")] + ([org_key(org.acronym)] if org.acronym else []) + [org_key(a) for a in org.aliases] if k]
            if not keys:
                continue
            for k in keys[1:]:
                ra, rb = find(keys[0]), find(k)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
            items.append((rec.id, org, keys[0]))
    merged: Dict[str, Dict[str, Any]] = {}
    order: List[str] = []
    for doc_id, org, key in items:
        root = find(key)
        name = re.sub(r"^the\s+", "", " ".join(org.name.split()), flags=re.I)
        if root not in merged:
            merged[root] = {"name": name, "acronym": None, "aliases": [], "doc_ids": [], "mentions": 0, "_acr": Counter()}
            order.append(root)
        m = merged[root]
        is_acronym_only = bool(org.acronym) and org_key(org.name) == org_key(org.acronym)
        if (len(name) > len(m["name"]) and not is_acronym_only) or (m["name"].isupper() and not name.isupper()):
            _add_unique(m["aliases"], [m["name"]])
            m["name"] = name
        else:
            _add_unique(m["aliases"], [name])
        if org.acronym:
            m["_acr"][org.acronym] += 1
        _add_unique(m["aliases"], org.aliases)
        if doc_id not in m["doc_ids"]:
            m["doc_ids"].append(doc_id)
        m["mentions"] += max(1, len(org.mentions))
    out = []
    for root in order:
        m = merged[root]
        acr = m.pop("_acr")
        if acr:
            m["acronym"] = sorted(acr.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        m["aliases"] = [a for a in m["aliases"] if fold(a) != fold(m["name"]) and (not m["acronym"] or fold(a) != fold(m["acronym"]))]
        out.append(m)
    out.sort(key=lambda m: (-len(m["doc_ids"]), -m["mentions"], fold(m["name"])))
    return out


# --------------------------------------------------------------------------- date, title


def event_date(records: Sequence[DocumentRecord]) -> Optional[str]:
    """The earliest publication date; without one, the most common specific date mentioned."""
    days = sorted(r.published[:10] for r in records if parse_day(r.published) is not None)
    if days:
        return days[0]
    counts: Counter = Counter()
    for r in records:
        for v in {t.value for t in r.dates if t.type == "DATE" and t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)}:
            counts[v] += 1
    if counts:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return None


def event_title(records: Sequence[DocumentRecord], officials: List[Dict[str, Any]], organisations: List[Dict[str, Any]]) -> Optional[str]:
    for r in records:
        if r.title and r.title.strip():
            return " ".join(r.title.split())
    parts: List[str] = []
    if officials:
        parts.append(officials[0]["name"])
    if organisations:
        o = organisations[0]
        parts.append(o["acronym"] or o["name"])
    kw: Counter = Counter()
    for r in records:
        for w in r.keywords[:10]:
            kw[w] += 1
    words = [w for w, _ in sorted(kw.items(), key=lambda kv: (-kv[1], kv[0]))[:4]]
    if words:
        parts.append(", ".join(words))
    return "; ".join(parts) or None


# --------------------------------------------------------------------------- event


def memberships(records: Sequence[DocumentRecord], scores: Dict[Tuple[str, str], PairScore]) -> List[Membership]:
    """Each member's best link to another member, with its reasons."""
    out = []
    ids = [r.id for r in records]
    for r in records:
        best: Optional[PairScore] = None
        for other in ids:
            if other == r.id:
                continue
            ps = scores.get((r.id, other)) or scores.get((other, r.id))
            if ps is not None and (best is None or ps.score > best.score):
                best = ps
        if len(records) == 1:
            out.append(Membership(doc_id=r.id, score=1.0, reasons=["no other report of this event"], source=r.source))
        elif best is None:
            out.append(Membership(doc_id=r.id, score=0.0, reasons=["joined through other members"], source=r.source))
        else:
            other = best.b if best.a == r.id else best.a
            out.append(Membership(doc_id=r.id, score=round(best.score, 4), reasons=[f"with {other}"] + best.reasons, source=r.source))
    return out


def build_event(event_id: str, records: Sequence[DocumentRecord], scores: Dict[Tuple[str, str], PairScore]) -> EventRecord:
    """One event from its member records (any order; they are sorted canonically)."""
    members = sorted(records, key=member_order)
    officials = merge_officials(members)
    organisations = merge_organisations(members)
    claims = align(members)
    for i, c in enumerate(claims, 1):
        c.id = f"{event_id}-c{i:02d}"
    return EventRecord(
        event_id=event_id,
        doc_ids=[r.id for r in members],
        members=memberships(members, scores),
        officials=officials,
        organisations=organisations,
        claims=claims,
        date=event_date(members),
        title=event_title(members, officials, organisations),
    )
