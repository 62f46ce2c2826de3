"""Score our claims on NewsQuant (and the Recognizers-Text unit specs) the way the
NewsQuant/CQE authors score quantity extractors.

The data: a JSON array of ``{"text", "quantities": [{"value", "normalized_unit",
"change"?, ...}]}``, one item per sentence (see ``../shared/corpora/newsquant-dev/
PROVENANCE.md``). The metric, as the authors' evaluation script computes it:

- per sentence, gold quantities and predictions are both sorted by normalised unit;
- for each gold quantity the predictions are scanned in order; a value matches when
  ``isclose(gold, pred, rtol=1e-5, atol=1e-8)``; a range ``"a-b"`` matches only a range
  with both ends close (in the order written);
- every value match adds a value hit (at most as many as the sentence has gold
  quantities) and, when the change labels are equal, a change hit; when the lower-cased
  normalised units are also equal it adds a value+unit hit, the prediction is consumed
  and the scan moves to the next gold quantity;
- P = hits / predictions, R = hits / gold quantities, reported x100 and rounded to 0.1.

Our claims are mapped to their conventions here, and only here: units by name
(:func:`extractors.normalize.units.newsquant_unit`), proportions in words as fractions
("two-thirds" 0.667, unit "% <what>"), vague plurals as one to ten of the unit
("dozens" 12-120), ranges in the order written. Lengths of time are time expressions in
our records, not claims; the lengths of time among the record's time expressions are scored
with the claims (:func:`time_quantities`), since NewsQuant counts them as quantities.

Run: ``python -m extractors.evaluate.newsquant ../shared/corpora/newsquant-dev`` or
``extractors evaluate newsquant PATH``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ..errors import Errors
from ..normalize import numbers as N
from ..normalize import units as U

Value = Union[float, Tuple[float, float]]


# --------------------------------------------------------------------------- the metric


def _isclose(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def values_match(gold: Value, pred: Value) -> bool:
    """The authors' value test: ranges match ranges (both ends), numbers match numbers."""
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return _isclose(gold[0], pred[0]) and _isclose(gold[1], pred[1])
    if isinstance(gold, tuple) or isinstance(pred, tuple):
        return False
    return _isclose(gold, pred)


def decode_value(value: Any) -> Value:
    """A gold value: ``"12.5"`` -> 12.5, ``"680000-830000"`` -> (680000.0, 830000.0)
    (a leading minus or an exponent is a number, not a range)."""
    if isinstance(value, (tuple, list)):
        return (float(value[0]), float(value[1]))
    if isinstance(value, str) and "E" not in value and not value.startswith("-") and "-" in value:
        a, b = value.split("-")[:2]
        return (float(a), float(b))
    return float(value)


def score_items(items: Sequence[Dict[str, Any]], predictions: Sequence[Sequence[Dict[str, Any]]]) -> Dict[str, Dict[str, float]]:
    """Score predictions (per item: dicts with ``value``, ``normalized_unit``, ``change``)
    against the gold items. Returns ``{"value": {...}, "value+unit": {...}, "value+change": {...}}``
    with p, r, f1 (x100, rounded to 0.1) and the raw counts."""
    total_gold = total_pred = 0
    hit_value = hit_unit = hit_change = 0
    has_change = any("change" in q for it in items for q in it.get("quantities", []))
    for item, preds in zip(items, predictions):
        gold = sorted(item.get("quantities", []), key=lambda q: q["normalized_unit"])
        tags = sorted(list(preds), key=lambda q: q["normalized_unit"])
        total_gold += len(gold)
        total_pred += len(tags)
        left = len(gold)
        for g in gold:
            gv = decode_value(g["value"])
            gu = g["normalized_unit"].lower()
            for p in list(tags):
                pv = decode_value(p["value"])
                if not values_match(gv, pv):
                    continue
                if left > 0:
                    hit_value += 1
                    left -= 1
                if has_change and p.get("change") == g.get("change"):
                    hit_change += 1
                if p["normalized_unit"].lower() == gu:
                    hit_unit += 1
                    tags.remove(p)
                    tags.sort(key=lambda q: q["normalized_unit"])
                    break
    out = {
        "value": _prf(hit_value, total_gold, total_pred),
        "value+unit": _prf(hit_unit, total_gold, total_pred),
    }
    if has_change:
        out["value+change"] = _prf(hit_change, total_gold, total_pred)
    return out


def _prf(tp: int, gold: int, pred: int) -> Dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p * 100, 1), "r": round(r * 100, 1), "f1": round(f * 100, 1),
            "tp": tp, "gold": gold, "pred": pred}


# --------------------------------------------------------------------------- our side


_VAGUE_RE = re.compile(r"\b(" + "|".join(N.VAGUE) + r")\b((?:\s+of\s+(?:" + "|".join(list(N.SCALES) + list(N.VAGUE)) + r"))*)", re.I)


def claim_to_newsquant(claim: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """One of our claims (a dict) in the NewsQuant prediction format."""
    unit = claim.get("unit")
    text = claim.get("text") or ""
    value: Optional[Value]
    if claim.get("value") is not None and claim.get("low") is None and claim.get("high") is None or \
            claim.get("value") is not None and (claim.get("low") is None or claim.get("high") is None):
        value = float(claim["value"])
    elif claim.get("low") is not None and claim.get("high") is not None:
        lo, hi = float(claim["low"]), float(claim["high"])
        m = _VAGUE_RE.search(text)
        if m:
            b = N.vague_bounds(m.group(0).lower().split(), convention="newsquant")
            if b:
                lo, hi = b
        if claim.get("written_first") is not None and math.isclose(claim["written_first"], hi):
            value = (hi, lo)
        else:
            value = (lo, hi)
    else:
        return None
    # proportions in words: NewsQuant writes them as fractions, unit "% <what>"
    words_prop = unit == "percent" and not re.search(r"%|per\s*cent|pc\b|pct", text, re.I)
    if words_prop and not isinstance(value, tuple):
        value = value / 100.0
        what = claim.get("surface_unit")
        name = "% " + (U.newsquant_unit(None, what) if what else "-")
    else:
        counted = claim.get("surface_unit") if U.unit_kind(unit) == "count" else None
        name = U.newsquant_unit(unit, counted)
        if unit and U.unit_kind(unit) == "count" and not counted:
            # a count whose noun is not written next to it ("609 of them", "Two backed ..."):
            # NewsQuant annotates the unit as written, so none
            name = "-"
    return {"value": value, "normalized_unit": name, "change": claim.get("change") or "="}


def load_items(path: Union[str, Path]) -> List[Dict[str, Any]]:
    """The items of one JSON file, or of every ``*.json`` file of a folder."""
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(Errors.E050.format(path=p, hint="give a NewsQuant-format .json file or a folder of them"))
    files = [p] if p.is_file() else sorted(f for f in p.glob("*.json") if not f.name.startswith("predictions_"))
    items: List[Dict[str, Any]] = []
    for f in files:
        items.extend(json.loads(f.read_text(encoding="utf-8")))
    return items


def load_pipeline(model: Optional[str] = None):
    """The base model with the dates and claims components (claims alone when the dates
    component is not available)."""
    from ..pipeline import load

    try:
        return load(model, components=("dates", "claims"))
    except ImportError:
        return load(model, components=("claims",))


_FROM_RE = re.compile(r"\bfrom\s+$", re.I)
_TO_GAP_RE = re.compile(r"^[^0-9.;:]{0,40}?\bto\s+$", re.I)


def merge_from_to(claims: List[Dict[str, Any]], text: str) -> List[Dict[str, Any]]:
    """NewsQuant writes "from X ... to Y" as one range in the order written ("dropping
    from 208 pounds to 193": 208-193); our records keep the two figures apart."""
    out: List[Dict[str, Any]] = []
    k = 0
    while k < len(claims):
        a = claims[k]
        b = claims[k + 1] if k + 1 < len(claims) else None
        if (b is not None and a.get("value") is not None and b.get("value") is not None
                and a.get("low") is None and b.get("high") is None
                and _FROM_RE.search(text[max(0, a["start"] - 12): a["start"]])
                and _TO_GAP_RE.match(text[a["end"]: b["start"]])
                and (b.get("unit") in (None, a.get("unit")) or U.unit_kind(b.get("unit")) == "count")):
            merged = dict(a)
            merged.update(value=None, low=min(a["value"], b["value"]), high=max(a["value"], b["value"]),
                          end=b["end"], text=text[a["start"]: b["end"]], unit=a.get("unit") or b.get("unit"),
                          written_first=a["value"] if a["value"] > b["value"] else None)
            out.append(merged)
            k += 2
            continue
        out.append(a)
        k += 1
    return out


_MOD_CHANGE = {"MORE_THAN": ">", "EQUAL_OR_MORE": ">", "LESS_THAN": "<", "EQUAL_OR_LESS": "<", "APPROX": "~"}


def time_quantities(dates: Sequence[Dict[str, Any]], claims: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Lengths of time as NewsQuant quantities, read from the time expressions of the record.

    Our records keep a length of time ("for two months", "every 33 years", "in about 8
    seconds") as a time expression of the dates component, not as a claim; NewsQuant's
    annotators count it as a quantity with a time unit. So the score of the pipeline on
    NewsQuant is over its claims and the lengths of time among its time expressions: each
    time expression whose words state a number of a time unit, and that no claim already
    covers, adds that number (its ``mod`` gives the change label). Points in time ("two
    months later") and adjectives ("a five-year plan") are left out. Nothing is found here
    that the record does not hold."""
    out: List[Dict[str, Any]] = []
    for d in dates:
        s, e = d.get("start"), d.get("end")
        if d.get("type") not in ("DURATION", "SET") or s is None or e is None \
                or any(c["start"] < e and s < c["end"] for c in claims):
            continue
        if re.search(r"\d-|[a-z]-(?:year|month|week|day|hour|minute|second)", d.get("text") or "", re.I):
            continue  # "a five-year plan", "41-year high": an adjective, not a stated length of time
        words = (d.get("text") or "").split()
        for k in range(len(words)):
            p = N.parse_phrase(" ".join(words[k:]))
            if p is None:
                continue
            rest = p.rest.lstrip("- ").split()
            unit = U.normalize_unit(rest[0]) if rest else None
            if unit not in U.DURATIONS:
                break
            q = {"text": d.get("text"), "start": s, "end": e, "value": p.value, "low": p.low, "high": p.high,
                 "unit": unit, "approximate": p.approximate, "written_first": None,
                 "change": _MOD_CHANGE.get(d.get("mod") or "", "~" if p.approximate else "=")}
            if p.is_range:
                q.update(value=None, low=p.low, high=p.high)
            elif p.bound:
                q.update(change=p.bound)
            out.append(q)
            break
    return out


def predict(texts: Iterable[str], nlp=None, *, batch_size: int = 64) -> List[List[Dict[str, Any]]]:
    """Run our pipeline on each sentence and map its claims (and the lengths of time among
    its time expressions, see :func:`time_quantities`) to NewsQuant predictions."""
    from .. import extensions

    if nlp is None:
        from ..pipeline import load

        nlp = load_pipeline()
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        preds = []
        claims = extensions.get_data(doc, "claims")
        found = merge_from_to(claims, doc.text) + time_quantities(extensions.get_data(doc, "dates"), claims)
        for c in sorted(found, key=lambda c: c["start"]):
            q = claim_to_newsquant(c)
            if q is not None:
                preds.append(q)
        out.append(preds)
    return out


def score_newsquant(path: Union[str, Path], nlp=None, *, limit: Optional[int] = None) -> Dict[str, Any]:
    """Score our pipeline on a NewsQuant-format file or folder.

    Returns ``{"path", "items", "scores": {"value": {p, r, f1, ...}, "value+unit": ...},
    "seconds", "errors": [per-sentence mismatches for inspection]}``."""
    items = load_items(path)
    if limit:
        items = items[:limit]
    t0 = time.perf_counter()
    preds = predict([it["text"] for it in items], nlp)
    seconds = time.perf_counter() - t0
    scores = score_items(items, preds)
    errors = []
    for it, pr in zip(items, preds):
        s = score_items([it], [pr])
        if s["value+unit"]["tp"] < max(len(it.get("quantities", [])), len(pr)):
            errors.append({"text": it["text"],
                           "gold": [(q["value"], q["normalized_unit"]) for q in it.get("quantities", [])],
                           "pred": [(q["value"], q["normalized_unit"]) for q in pr]})
    return {"path": str(path), "items": len(items), "scores": scores, "seconds": round(seconds, 2), "errors": errors}


def format_table(result: Dict[str, Any]) -> str:
    lines = [f"{result['path']}  ({result['items']} sentences, {result['seconds']} s)",
             f"{'metric':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'gold':>6}{'pred':>6}"]
    for name, s in result["scores"].items():
        lines.append(f"{name:<14}{s['p']:>7.1f}{s['r']:>7.1f}{s['f1']:>7.1f}{s['tp']:>6}{s['gold']:>6}{s['pred']:>6}")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(
        prog="extractors evaluate newsquant",
        description="Score numeric claims on NewsQuant-format data (value, value+unit, value+change P/R/F1).",
    )
    ap.add_argument("paths", nargs="+", help="NewsQuant-format .json files or folders of them "
                    "(e.g. ../shared/corpora/newsquant-dev ../shared/corpora/cqe-recognizers-specs)")
    ap.add_argument("--model", default=None, help="spaCy pipeline to load (default: the installed English model)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the first N sentences that were not fully right")
    ap.add_argument("--per-file", action="store_true", help="score each .json file of a folder separately")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    nlp = load_pipeline(args.model)
    results = []
    for path in args.paths:
        p = Path(path)
        targets = sorted(f for f in p.glob("*.json") if not f.name.startswith("predictions_")) if (p.is_dir() and args.per_file) else [p]
        for t in targets:
            try:
                results.append(score_newsquant(t, nlp))
            except FileNotFoundError as err:
                print(str(err), file=sys.stderr)
                return 2
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "errors"} for r in results], indent=2))
    else:
        for r in results:
            print(format_table(r))
            for e in r["errors"][: args.errors]:
                print("  -", e["text"][:160])
                print("     gold:", e["gold"])
                print("     pred:", e["pred"])
            print()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
