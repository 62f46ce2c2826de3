"""Score the pipeline against the bundled gold corpus (``corpus/``).

Reports, over all articles: official triples (name + title + organisation) P/R/F1,
organisation P/R/F1, date extents and values, claims (value and value+unit, and the
accuracy of each matched claim's ``time`` and ``source``), quote speaker accuracy,
published-date accuracy, and for reconciliation: event clustering (exact events, B-cubed)
and claim status accuracy.

    extractors evaluate corpus corpus/          # or: python -m extractors.evaluate.corpus corpus/
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from ..records import DocumentRecord, EventRecord
from .metrics import PRF, bcubed

_THE = re.compile(r"^(the)\s+", re.I)
_POSS = re.compile(r"['’]s$")


def norm(s: Optional[str]) -> str:
    """Lower case, no leading 'the', no possessive, single spaces."""
    if not s:
        return ""
    s = " ".join(s.replace("’", "'").split()).strip(" .,;:")
    s = _THE.sub("", s)
    s = _POSS.sub("", s)
    return s.lower()


def load_corpus(folder: Path) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]], List[Dict[str, Any]]]:
    def rows(name: str) -> List[Dict[str, Any]]:
        with open(folder / name, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    return rows("articles.jsonl"), rows("gold.jsonl"), rows("events.jsonl")


# --------------------------------------------------------------------------- per kind


def _org_names(rec: DocumentRecord) -> Dict[str, Set[str]]:
    """Each predicted organisation's name -> every way the doc refers to it."""
    out: Dict[str, Set[str]] = {}
    for o in rec.organisations:
        forms = {norm(o.name)} | {norm(a) for a in o.aliases}
        if o.acronym:
            forms.add(norm(o.acronym))
        for f in list(forms):
            out.setdefault(f, set()).update(forms)
    return out


def _same_org(pred: Optional[str], gold: Optional[str], gold_acronyms: Dict[str, str], forms: Dict[str, Set[str]]) -> bool:
    p, g = norm(pred), norm(gold)
    if not g:
        return not p
    if not p:
        return False
    if p == g:
        return True
    g_forms = {g} | ({norm(gold_acronyms[g])} if gold_acronyms.get(g) else set())
    p_forms = forms.get(p, {p})
    return bool(g_forms & p_forms)


def score_officials(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> Dict[str, PRF]:
    triples, names = PRF(), PRF()
    for rec, gold in pairs:
        acr = {norm(o["name"]): o.get("acronym") or "" for o in gold.get("organisations", [])}
        forms = _org_names(rec)
        preds = list(rec.officials)
        golds = list(gold.get("officials", []))
        names.fp += len(preds)
        triples.fp += len(preds)
        names.fn += len(golds)
        triples.fn += len(golds)
        used: Set[int] = set()
        for g in golds:
            for i, p in enumerate(preds):
                if i in used or norm(p.name) != norm(g["name"]):
                    continue
                used.add(i)
                names.tp += 1
                names.fp -= 1
                names.fn -= 1
                roles = [(p.title, p.organisation)] + [(r.title, r.organisation) for r in p.roles]
                if any(norm(t) == norm(g.get("title")) and _same_org(o, g.get("organisation"), acr, forms) for t, o in roles):
                    triples.tp += 1
                    triples.fp -= 1
                    triples.fn -= 1
                break
    return {"official_triples": triples, "official_names": names}


def _org_match(g: Dict[str, Any], preds: Sequence[Any], used: Set[int]) -> Optional[int]:
    """The first predicted organisation not yet used that is the gold one: the same name, or
    a shared form (alias, acronym) when the gold name is one of the prediction's forms."""
    g_forms = {norm(g["name"])} | ({norm(g["acronym"])} if g.get("acronym") else set())
    for i, p in enumerate(preds):
        if i in used:
            continue
        p_forms = {norm(p.name)} | {norm(a) for a in p.aliases} | ({norm(p.acronym)} if p.acronym else set())
        if norm(p.name) in g_forms or (g_forms & p_forms and norm(g["name"]) in p_forms):
            return i
    return None


def entity_errors(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> List[Dict[str, Any]]:
    """Officials and organisations that differ from the gold, for error analysis: a gold
    official missed or given another title or body, a predicted official not in the gold,
    a gold organisation missed, a predicted organisation not in the gold (matched as the
    scores above match them)."""
    out: List[Dict[str, Any]] = []
    for rec, gold in pairs:
        acr = {norm(o["name"]): o.get("acronym") or "" for o in gold.get("organisations", [])}
        forms = _org_names(rec)
        preds = list(rec.officials)
        used: Set[int] = set()
        for g in gold.get("officials", []):
            hit = next((i for i, p in enumerate(preds) if i not in used and norm(p.name) == norm(g["name"])), None)
            want = (g["name"], g.get("title"), g.get("organisation"))
            if hit is None:
                out.append({"doc_id": rec.id, "kind": "official missed", "gold": want, "system": None})
                continue
            used.add(hit)
            p = preds[hit]
            roles = [(p.title, p.organisation)] + [(r.title, r.organisation) for r in p.roles]
            if not any(norm(t) == norm(g.get("title")) and _same_org(o, g.get("organisation"), acr, forms) for t, o in roles):
                out.append({"doc_id": rec.id, "kind": "official role", "gold": want, "system": (p.name, p.title, p.organisation)})
        for i, p in enumerate(preds):
            if i not in used:
                out.append({"doc_id": rec.id, "kind": "official spurious", "gold": None, "system": (p.name, p.title, p.organisation)})
        golds = gold.get("organisations", [])
        orgs = list(rec.organisations)
        taken: Set[int] = set()
        for g in golds:
            hit = _org_match(g, orgs, taken)
            if hit is None:
                out.append({"doc_id": rec.id, "kind": "organisation missed", "gold": (g["name"], g.get("acronym")), "system": None})
            else:
                taken.add(hit)
        for i, p in enumerate(orgs):
            if i not in taken:
                out.append({"doc_id": rec.id, "kind": "organisation spurious", "gold": None, "system": (p.name, p.acronym)})
    return out


def score_organisations(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> Dict[str, PRF]:
    orgs, acronyms = PRF(), PRF()
    for rec, gold in pairs:
        golds = gold.get("organisations", [])
        preds = list(rec.organisations)
        used: Set[int] = set()
        for g in golds:
            hit = _org_match(g, preds, used)
            if hit is None:
                orgs.fn += 1
                if g.get("acronym"):
                    acronyms.fn += 1
                continue
            used.add(hit)
            orgs.tp += 1
            if g.get("acronym"):
                if norm(preds[hit].acronym) == norm(g["acronym"]):
                    acronyms.tp += 1
                else:
                    acronyms.fn += 1
                    if preds[hit].acronym:
                        acronyms.fp += 1
            elif preds[hit].acronym:
                acronyms.fp += 1
        orgs.fp += len(preds) - len(used)
    return {"organisations": orgs, "organisation_acronyms": acronyms}


def _overlap(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _align(golds: List[Dict[str, Any]], preds: List[Any]) -> List[Tuple[Dict[str, Any], Any]]:
    """Greedy one-to-one alignment of spans by overlap (gold order, first best)."""
    used: Set[int] = set()
    out = []
    for g in golds:
        gspan = (g["start"], g["end"])
        best, best_len = None, 0
        for i, p in enumerate(preds):
            if i in used or not _overlap(gspan, (p.start, p.end)):
                continue
            ov = min(gspan[1], p.end) - max(gspan[0], p.start)
            if ov > best_len:
                best, best_len = i, ov
        if best is not None:
            used.add(best)
            out.append((g, preds[best]))
    return out


def score_dates(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> Dict[str, PRF]:
    strict, relaxed, value = PRF(), PRF(), PRF()
    for rec, gold in pairs:
        golds = gold.get("dates", [])
        preds = list(rec.dates)
        matched = _align(golds, preds)
        relaxed.add(len(matched), len(preds), len(golds))
        strict.add(sum(1 for g, p in matched if (g["start"], g["end"]) == (p.start, p.end)), len(preds), len(golds))
        value.add(sum(1 for g, p in matched if g.get("value") == p.value), len(preds), len(golds))
    return {"dates_strict": strict, "dates_relaxed": relaxed, "dates_value": value}


def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-6)


def same_quantity(g: Dict[str, Any], p: Any) -> bool:
    return _close(g.get("value"), p.value) and _close(g.get("low"), p.low) and _close(g.get("high"), p.high)


def same_unit(gold: Optional[str], pred: Optional[str]) -> bool:
    """Units equal up to case and number ("years" = "year", "percentage points"), or two
    names of one unit of measure ("degrees celsius" = "celsius", as NewsQuant normalises)."""
    from ..normalize.units import normalize_unit, singular

    g, p = norm(gold), norm(pred)
    if g == p or " ".join(singular(w) for w in g.split()) == " ".join(singular(w) for w in p.split()):
        return True
    ng = normalize_unit(gold) if gold else None
    if ng is not None and ng == (normalize_unit(pred) if pred else None):
        return True
    # a rate of the gold unit: the corpus writes "£14m a month" as GBP with time P1M, the
    # pipeline (as NewsQuant: "dollar per month") as "GBP per month" with the same time
    return bool(g) and p.startswith(g + " per ") and len(p.split()) == len(g.split()) + 2


def score_claims(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> Dict[str, PRF]:
    spans, values, units, approx = PRF(), PRF(), PRF(), PRF()
    for rec, gold in pairs:
        golds = gold.get("claims", [])
        preds = list(rec.claims)
        matched = _align(golds, preds)
        spans.add(len(matched), len(preds), len(golds))
        ok_values = [(g, p) for g, p in matched if same_quantity(g, p)]
        values.add(len(ok_values), len(preds), len(golds))
        units.add(sum(1 for g, p in ok_values if same_unit(g.get("unit"), p.unit)), len(preds), len(golds))
        approx.add(sum(1 for g, p in matched if bool(g.get("approximate")) == bool(p.approximate)), len(matched), len(matched))
    return {"claims_span": spans, "claims_value": values, "claims_value_unit": units, "claims_hedge": approx}


def same_time(gold: Optional[str], pred: Optional[str]) -> bool:
    """TIMEX3 values equal as written; both null is right."""
    return (gold or None) == (pred or None)


def source_forms(name: Optional[str], gold_orgs: Iterable[Dict[str, Any]]) -> Set[str]:
    """Every normalised way of writing a gold source: its name, plus the acronym and any
    aliases of the article's gold organisation of that name."""
    n = norm(name)
    if not n:
        return set()
    forms = {n}
    for o in gold_orgs:
        names = {norm(o.get("name"))} | ({norm(o["acronym"])} if o.get("acronym") else set()) | {norm(a) for a in o.get("aliases") or []}
        names.discard("")
        if n in names:
            forms |= names
    return forms


def same_source(gold: Optional[str], pred: Optional[str], gold_orgs: Iterable[Dict[str, Any]] = ()) -> bool:
    """Sources equal up to case and a leading 'the'; an organisation's acronym or alias
    (from the article's gold organisations) is the same name. Both null is right."""
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return not g and not p
    return p in source_forms(gold, gold_orgs)


def claim_attribute_errors(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> List[Dict[str, Any]]:
    """Matched claims whose ``time``, ``source`` or (with the right quantity) ``unit`` differs
    from the gold, for error analysis."""
    out = []
    for rec, gold in pairs:
        orgs = gold.get("organisations", [])
        for g, p in _align(gold.get("claims", []), list(rec.claims)):
            bad_time = not same_time(g.get("time"), p.time)
            bad_source = not same_source(g.get("source"), p.source, orgs)
            bad_unit = same_quantity(g, p) and not same_unit(g.get("unit"), p.unit)
            if bad_time or bad_source or bad_unit:
                out.append({"doc_id": rec.id, "text": g["text"], "start": g["start"], "key": g.get("key"),
                            "time": [g.get("time"), p.time] if bad_time else None, "time_text": p.time_text,
                            "source": [g.get("source"), p.source] if bad_source else None,
                            "unit": [g.get("unit"), p.unit] if bad_unit else None, "sentence": p.sentence})
    return out


def score_claim_attributes(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> Dict[str, PRF]:
    """Accuracy of ``time`` and ``source`` over the claims aligned to gold claims (the
    alignment of claims_span/claims_value); P = R = F1 = accuracy, as for claims_hedge."""
    time, source = PRF(), PRF()
    for rec, gold in pairs:
        orgs = gold.get("organisations", [])
        matched = _align(gold.get("claims", []), list(rec.claims))
        time.add(sum(1 for g, p in matched if same_time(g.get("time"), p.time)), len(matched), len(matched))
        source.add(sum(1 for g, p in matched if same_source(g.get("source"), p.source, orgs)), len(matched), len(matched))
    return {"claims_time": time, "claims_source": source}


def score_quotes(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]]) -> Dict[str, PRF]:
    found, speaker = PRF(), PRF()
    for rec, gold in pairs:
        golds = gold.get("quotes", [])  # the gold marks direct quotes only
        preds = [q for q in rec.quotes if q.direct]
        matched = _align(golds, preds)
        found.add(len(matched), len(preds), len(golds))
        speaker.add(sum(1 for g, p in matched if norm(g.get("speaker")) and norm(g.get("speaker")) == norm(p.speaker)), len(matched), len(golds))
    return {"quotes": found, "quote_speakers": speaker}


def score_published(pairs: Sequence[Tuple[DocumentRecord, Dict[str, Any]]], articles: Dict[str, Dict[str, Any]]) -> Dict[str, PRF]:
    """Accuracy of the publication date for articles whose metadata gives none."""
    inferred = PRF()
    for rec, gold in pairs:
        if articles[rec.id].get("published"):
            continue
        inferred.add(int(rec.published == gold.get("published")), int(rec.published is not None), 1)
    return {"published_inferred": inferred}


def score_events(events: Sequence[EventRecord], gold_events: List[Dict[str, Any]], docs: Dict[str, DocumentRecord], gold_by_id: Dict[str, Dict[str, Any]]) -> Dict[str, Any]:
    pred_of = {d: ev.event_id for ev in events for d in ev.doc_ids}
    gold_of = {d: ge["event_id"] for ge in gold_events for d in ge["doc_ids"]}
    p, r, f = bcubed(gold_of, pred_of)
    gold_sets = {frozenset(ge["doc_ids"]) for ge in gold_events}
    pred_sets = {frozenset(ev.doc_ids) for ev in events}
    exact = len(gold_sets & pred_sets)
    # claim status: locate each gold claim's reports among the predicted event claims
    status_total = status_ok = 0
    confusions: Dict[str, int] = defaultdict(int)
    wrong_keys: List[Dict[str, str]] = []
    for ge in gold_events:
        for gc in ge.get("claims", []):
            spans = []
            for doc_id in gc["doc_ids"]:
                for c in gold_by_id[doc_id].get("claims", []):
                    if c.get("key") == gc["key"]:
                        spans.append((doc_id, c["start"], c["end"]))
            statuses = set()
            for ev in events:
                for ec in ev.claims:
                    for rep in ec.reports:
                        if any(rep.doc_id == d and _overlap((s, e), (rep.start, rep.end)) for d, s, e in spans):
                            statuses.add(ec.status)
            status_total += 1
            predicted = statuses.pop() if len(statuses) == 1 else ("split" if statuses else "missing")
            if predicted == gc["status"]:
                status_ok += 1
            else:
                confusions[f"{gc['status']}->{predicted}"] += 1
                wrong_keys.append({"key": gc["key"], "gold": gc["status"], "predicted": predicted})
    return {
        "events_bcubed": {"p": p, "r": r, "f1": f},
        "events_exact": {"matched": exact, "gold": len(gold_sets), "predicted": len(pred_sets)},
        "claim_status": {"correct": status_ok, "total": status_total, "accuracy": status_ok / status_total if status_total else 0.0, "errors": dict(confusions), "wrong": wrong_keys},
    }


# --------------------------------------------------------------------------- driver


def evaluate(folder: Path, *, records: Optional[List[DocumentRecord]] = None, model: Optional[str] = None, claim_errors: bool = False, errors: bool = False) -> Dict[str, Any]:
    """Run the pipeline on ``folder/articles.jsonl`` (unless ``records`` are given) and score.
    With ``claim_errors``, ``scores["claim_attribute_errors"]`` lists the matched claims whose
    time, source or unit differs from the gold; with ``errors``, ``scores["entity_errors"]``
    lists the officials and organisations that differ from the gold."""
    from ..api import extract, reconcile

    articles, gold, gold_events = load_corpus(folder)
    if records is None:
        records = extract(articles, model=model)
    by_id = {r.id: r for r in records}
    gold_by_id = {g["id"]: g for g in gold}
    pairs = [(by_id[g["id"]], g) for g in gold if g["id"] in by_id]
    scores: Dict[str, Any] = {}
    for part in (score_officials(pairs), score_organisations(pairs), score_dates(pairs), score_claims(pairs), score_claim_attributes(pairs), score_quotes(pairs), score_published(pairs, {a["id"]: a for a in articles})):
        scores.update({k: v.as_dict() for k, v in part.items()})
    events = reconcile(records)
    scores.update(score_events(events, gold_events, by_id, gold_by_id))
    scores["documents"] = len(pairs)
    if claim_errors:
        scores["claim_attribute_errors"] = claim_attribute_errors(pairs)
    if errors:
        scores["entity_errors"] = entity_errors(pairs)
    return scores


def format_scores(scores: Dict[str, Any]) -> str:
    lines = [f"{'measure':28s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for k, v in scores.items():
        if isinstance(v, dict) and {"p", "r", "f1"} <= set(v):
            lines.append(f"{k:28s} {100 * v['p']:6.1f} {100 * v['r']:6.1f} {100 * v['f1']:6.1f}")
    ex = scores["events_exact"]
    cs = scores["claim_status"]
    lines.append(f"events exactly right: {ex['matched']}/{ex['gold']} (predicted {ex['predicted']})")
    lines.append(f"claim status accuracy: {cs['correct']}/{cs['total']} {cs['errors'] or ''}")
    errors = scores.get("claim_attribute_errors")
    if errors is not None and cs.get("wrong"):
        lines.append("event claims whose status differs from the gold (gold -> system): "
                     + ", ".join(f"{w['key']} {w['gold']} -> {w['predicted']}" for w in cs["wrong"]))
    if errors is not None:
        lines.append(f"claims whose time, source or unit differs from the gold: {len(errors)}  (gold -> system)")
        for e in errors:
            what = []
            if e["time"]:
                what.append(f"time {e['time'][0]} -> {e['time'][1]}" + (f" ({e['time_text']!r})" if e["time_text"] else ""))
            if e["source"]:
                what.append(f"source {e['source'][0]} -> {e['source'][1]}")
            if e.get("unit"):
                what.append(f"unit {e['unit'][0]} -> {e['unit'][1]}")
            lines.append(f"  {e['doc_id']} {e['text']!r}: {'; '.join(what)}")
            lines.append(f"      {' '.join((e['sentence'] or '').split())}")
    entity = scores.get("entity_errors")
    if entity is not None:
        lines.append(f"officials and organisations that differ from the gold: {len(entity)}")
        for e in entity:
            lines.append(f"  {e['doc_id']} {e['kind']}: gold {e['gold']} system {e['system']}")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="extractors evaluate corpus", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default="corpus", help="the corpus folder (articles.jsonl, gold.jsonl, events.jsonl)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--claim-errors", action="store_true", help="also list the matched claims whose time, source or unit differs from the gold")
    parser.add_argument("--errors", action="store_true", help="also list the officials and organisations that differ from the gold")
    args = parser.parse_args(argv)
    scores = evaluate(Path(args.path), model=args.model, claim_errors=args.claim_errors, errors=args.errors)
    print(json.dumps(scores, indent=2) if args.json else format_scores(scores))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
