"""Claim alignment within one event: which reports state the same figure, and do they agree?

Each claim is normalised to a :class:`Quantity`: its kind of unit (``pct`` for every
proportion, ``cur:<code>`` for money, ``n`` for counts and the rest), the counted thing,
and its value as a point and/or a range. "eight in 10", "80%" and "four in five" all
become 80 percent (the claims component normally does this already; a small fallback
here reads "N in M" / "N out of M" and fractions when it did not).

Two reports are the *same quantity* when their kinds and counted things are compatible,
their times (the year or date the figure refers to) do not differ, and their values are
compatible:

* equal values -> the same figure (**agreed** when every report gives it);
* a point that is a bound of, or inside, the other's range; overlapping ranges; a
  rounded or hedged ("about", "nearly") figure within 5% of a precise one ->
  **variant** (one report gives the upper bound / a rounded figure);
* figures of the same counted thing, the same time and the same context (the words of
  their sentences overlap), same order of magnitude, but values that cannot both be
  true -> **conflict**, with the reason;
* a figure only one document states -> **single-source**.

Claims of the same document are never in conflict with each other: one article stating
two different figures of the same unit is stating two quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from ..records import Claim, ClaimReport, DocumentRecord, EventClaim
from .similarity import fmt_number, fold, unit_class

#: relative tolerance under which two values are the same figure
SAME_TOL = 1e-6
#: a hedged or rounded figure may differ this much from a precise one and still be a variant
ROUND_TOL = 0.05
#: context overlap (Jaccard of sentence words) above which unequal figures conflict
CONFLICT_CONTEXT = 0.25
#: unequal figures conflict only within this ratio (beyond it they are different quantities)
CONFLICT_RATIO = 2.0

_NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
}
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "tenth": 10, "tenths": 10}
_IN = re.compile(r"\b(\d+(?:\.\d+)?|[a-z]+)\s+(?:in|out\s+of)\s+(?:every\s+)?(\d+|[a-z]+)\b")
_FRAC = re.compile(r"\b(a|an|one|two|three|four|nine|three)[\s-]+(half|halves|third|thirds|quarter|quarters|fifth|fifths|sixth|tenth|tenths)\b")
_WORDS = re.compile(r"[a-z]+")


def _num(word: str) -> Optional[float]:
    try:
        return float(word)
    except ValueError:
        return float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else None


@lru_cache(maxsize=50_000)
def proportion_of(text: str) -> Optional[float]:
    """A proportion written as words, as a percentage: ``"eight in 10"`` -> 80.0,
    ``"four out of five"`` -> 80.0, ``"a quarter"`` -> 25.0; else None."""
    t = fold(text)
    m = _IN.search(t)
    if m:
        a, b = _num(m.group(1)), _num(m.group(2))
        if a is not None and b and 0 < a <= b:
            return round(100.0 * a / b, 6)
    m = _FRAC.search(t)
    if m:
        a, b = _num(m.group(1)), _FRACTION_WORDS[m.group(2)]
        if a is not None and 0 < a <= b:
            return round(100.0 * a / b, 6)
    if re.search(r"\bhalf\b", t):
        return 50.0
    return None


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def unit_key(unit: Optional[str]) -> str:
    """The counted thing, reduced to its head noun: ``"adults"`` -> ``"adult"``."""
    words = _WORDS.findall(fold(unit or ""))
    return _singular(words[-1]) if words else ""


@lru_cache(maxsize=50_000)
def context_words(sentence: str) -> FrozenSet[str]:
    return frozenset(w for w in _WORDS.findall(fold(sentence)) if len(w) > 2 and w not in STOP_WORDS and w not in _NUMBER_WORDS)


@dataclass
class Quantity:
    """One report of a figure, normalised."""

    doc_id: str
    doc_rank: int
    claim: Claim
    outlet: Optional[str]
    cls: str
    unit: str  # "percent", currency, or the counted thing's head noun
    point: Optional[float]
    low: Optional[float]
    high: Optional[float]
    approximate: bool
    time: Optional[str]
    context: FrozenSet[str] = field(default_factory=frozenset)

    @property
    def is_range(self) -> bool:
        return self.point is None

    def values(self) -> Tuple[Optional[float], Optional[float], Optional[float]]:
        return (self.point, self.low, self.high)

    def show(self) -> str:
        u = "percent" if self.cls == "pct" else (self.claim.unit or "")
        if self.point is not None:
            s = fmt_number(self.point)
        elif self.low is not None and self.high is not None:
            s = f"{fmt_number(self.low)}-{fmt_number(self.high)}"
        elif self.low is not None:
            s = f"at least {fmt_number(self.low)}"
        elif self.high is not None:
            s = f"at most {fmt_number(self.high)}"
        else:
            s = "?"
        return f"{'about ' if self.approximate and self.point is not None else ''}{s} {u}".strip()


def normalise(claim: Claim, doc_id: str, doc_rank: int = 0, outlet: Optional[str] = None) -> Optional[Quantity]:
    """A claim as a :class:`Quantity`, or None when it holds no number."""
    cls = unit_class(claim.unit, claim.kind)
    point, low, high = claim.value, claim.low, claim.high
    if cls != "pct":
        pct = proportion_of(claim.text or "")
        if pct is not None:
            cls, point, low, high = "pct", pct, None, None
    if point is None and low is None and high is None:
        return None
    if point is not None and low is not None and high is not None and low == high == point:
        low = high = None
    unit = "percent" if cls == "pct" else (cls[4:] if cls.startswith("cur:") else unit_key(claim.unit or claim.counted))
    time = claim.time if claim.time and re.match(r"\d{4}", claim.time) else None
    return Quantity(
        doc_id=doc_id,
        doc_rank=doc_rank,
        claim=claim,
        outlet=outlet,
        cls=cls,
        unit=unit,
        point=float(point) if point is not None else None,
        low=float(low) if low is not None else None,
        high=float(high) if high is not None else None,
        approximate=bool(claim.approximate),
        time=time,
        context=context_words(claim.sentence or claim.text or ""),
    )


# --------------------------------------------------------------------------- relations


def _close(x: float, y: float, tol: float) -> bool:
    return abs(x - y) <= tol * max(abs(x), abs(y), 1e-12)


def _sig_digits(x: float) -> int:
    s = f"{abs(x):.10g}".replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(s))


def _inside(x: float, low: Optional[float], high: Optional[float]) -> bool:
    lo = -float("inf") if low is None else low * (1 - 1e-9) - 1e-12
    hi = float("inf") if high is None else high * (1 + 1e-9) + 1e-12
    return lo <= x <= hi


def relation(a: Quantity, b: Quantity) -> Tuple[Optional[str], str]:
    """``("same" | "variant" | None, reason)`` for two reports' values."""
    if a.point is not None and b.point is not None:
        if _close(a.point, b.point, SAME_TOL):
            return "same", ""
        if _close(a.point, b.point, ROUND_TOL) and (a.approximate or b.approximate or _sig_digits(a.point) != _sig_digits(b.point)):
            rounded, precise = (a, b) if _sig_digits(a.point) < _sig_digits(b.point) or (a.approximate and not b.approximate) else (b, a)
            return "variant", f"{rounded.show()} ({rounded.doc_id}) is a rounded form of {precise.show()} ({precise.doc_id})"
        return None, ""
    if a.point is None and b.point is None:
        if a.low == b.low and a.high == b.high:
            return "same", ""
        lo = max(x for x in (a.low, b.low, -float("inf")) if x is not None)
        hi = min(x for x in (a.high, b.high, float("inf")) if x is not None)
        if lo <= hi:
            return "variant", f"ranges {a.show()} ({a.doc_id}) and {b.show()} ({b.doc_id}) overlap"
        return None, ""
    pt, rg = (a, b) if a.point is not None else (b, a)
    assert pt.point is not None
    if _inside(pt.point, rg.low, rg.high):
        if rg.high is not None and _close(pt.point, rg.high, SAME_TOL):
            where = "the upper bound of"
        elif rg.low is not None and _close(pt.point, rg.low, SAME_TOL):
            where = "the lower bound of"
        else:
            where = "inside"
        return "variant", f"{pt.show()} ({pt.doc_id}) is {where} {rg.show()} ({rg.doc_id})"
    return None, ""


def _time_ok(a: Quantity, b: Quantity) -> bool:
    if not a.time or not b.time:
        return True
    return a.time.startswith(b.time) or b.time.startswith(a.time)


def _unit_ok(a: Quantity, b: Quantity) -> bool:
    if a.cls != b.cls:
        return False
    if a.cls != "n":
        return True
    return not a.unit or not b.unit or a.unit == b.unit


def _jaccard(a: FrozenSet[str], b: FrozenSet[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


# --------------------------------------------------------------------------- alignment


@dataclass
class _Group:
    members: List[Quantity]
    reasons: List[str] = field(default_factory=list)
    conflict: bool = False

    @property
    def docs(self) -> List[str]:
        out: List[str] = []
        for q in self.members:
            if q.doc_id not in out:
                out.append(q.doc_id)
        return out

    def context(self) -> FrozenSet[str]:
        out: FrozenSet[str] = frozenset()
        for q in self.members:
            out = out | q.context
        return out


def _fits(q: Quantity, g: _Group) -> Tuple[int, float, str]:
    """How well q joins group g: (-1 when it cannot, 2 same, 1 variant), context, reason."""
    best = 2
    reason = ""
    for m in g.members:
        if not _unit_ok(q, m) or not _time_ok(q, m):
            return -1, 0.0, ""
        rel, why = relation(q, m)
        if rel is None:
            return -1, 0.0, ""
        if m.doc_id == q.doc_id and rel != "same":
            return -1, 0.0, ""  # one document: two different figures are two quantities
        if rel == "variant":
            best = 1
            reason = reason or why
    return best, _jaccard(q.context, g.context()), reason


def align(records: Sequence[DocumentRecord]) -> List[EventClaim]:
    """Align the claims of an event's documents (in the given order) into event claims."""
    quantities: List[Quantity] = []
    for rank, rec in enumerate(records):
        for c in sorted(rec.claims, key=lambda c: (c.start, c.end)):
            q = normalise(c, rec.id, rank, rec.source)
            if q is not None:
                quantities.append(q)

    groups: List[_Group] = []
    for q in quantities:
        best: Optional[Tuple[int, float, int]] = None
        best_reason = ""
        for gi, g in enumerate(groups):
            fit, ctx, why = _fits(q, g)
            if fit < 0:
                continue
            # a figure of another document must share some context, or be distinctive
            if q.doc_id not in g.docs and ctx == 0.0 and not _distinctive_value(q):
                continue
            key = (fit, ctx, -gi)
            if best is None or key > best:
                best, best_reason = key, why
        if best is None:
            groups.append(_Group([q]))
        else:
            g = groups[-best[2]]
            g.members.append(q)
            if best_reason and best_reason not in g.reasons:
                g.reasons.append(best_reason)

    _mark_conflicts(groups)
    return [_to_event_claim(i, g) for i, g in enumerate(g for g in groups if g.members)]


def _distinctive_value(q: Quantity) -> bool:
    """A figure precise enough that equal values are unlikely to be a coincidence."""
    for x in (q.point, q.low, q.high):
        if x is not None and (x != int(x) or abs(x) >= 100):
            return True
    return False


def _magnitude(g: _Group) -> Optional[float]:
    for q in g.members:
        for x in (q.point, q.high, q.low):
            if x is not None:
                return x
    return None


def _mark_conflicts(groups: List[_Group]) -> None:
    """Merge groups that report the same quantity with values that cannot both be true."""
    candidates: List[Tuple[float, int, int]] = []
    for i, gi in enumerate(groups):
        for j in range(i + 1, len(groups)):
            gj = groups[j]
            if set(gi.docs) & set(gj.docs):
                continue
            a, b = gi.members[0], gj.members[0]
            if a.cls != b.cls or not _time_ok(a, b):
                continue
            if a.cls == "n" and (not a.unit or a.unit != b.unit):
                continue
            ma, mb = _magnitude(gi), _magnitude(gj)
            if not ma or not mb or ma * mb <= 0 or max(ma / mb, mb / ma) > CONFLICT_RATIO:
                continue
            ctx = _jaccard(gi.context(), gj.context())
            if ctx < CONFLICT_CONTEXT:
                continue
            candidates.append((-ctx, i, j))
    used = set()
    for negctx, i, j in sorted(candidates):
        if i in used or j in used:
            continue
        used.update((i, j))
        gi, gj = groups[i], groups[j]
        a, b = gi.members[0], gj.members[0]
        what = a.unit if a.cls != "pct" else "percent"
        when = f" ({a.time or b.time})" if (a.time or b.time) else ""
        diff = abs((_magnitude(gi) or 0) - (_magnitude(gj) or 0)) / max(abs(_magnitude(gi) or 1), abs(_magnitude(gj) or 1))
        reason = (
            f"{a.show()} ({', '.join(gi.docs)}) vs {b.show()} ({', '.join(gj.docs)}): the same {what}{when} "
            f"in the same context (word overlap {-negctx:.2f}), values differ by {100 * diff:.1f}%"
        )
        gi.members.extend(gj.members)
        gi.members.sort(key=lambda q: (q.doc_rank, q.claim.start))
        gi.conflict = True
        gi.reasons.append(reason)
        gj.members = []


def _to_event_claim(i: int, g: _Group) -> EventClaim:
    docs = g.docs
    points = [q.point for q in g.members if q.point is not None]
    lows = [q.low for q in g.members if q.low is not None]
    highs = [q.high for q in g.members if q.high is not None]
    first = g.members[0]
    distinct_values = {q.values() for q in g.members}
    if g.conflict:
        status = "conflict"
    elif len(docs) == 1:
        status = "single-source"
    elif len(distinct_values) == 1:
        status = "agreed"
    else:
        status = "variant"
    value: Optional[float] = None
    if points:
        # the most common point value, the first stated on ties
        counts: Dict[float, int] = {}
        for p in points:
            counts[p] = counts.get(p, 0) + 1
        value = max(counts, key=lambda p: (counts[p], -points.index(p)))
    low = min(lows + points) if (lows or highs) else None
    high = max(highs + points) if (lows or highs) else None
    if status == "conflict":
        value = None
        low, high = min(points + lows) if points + lows else None, max(points + highs) if points + highs else None
    unit = "percent" if first.cls == "pct" else (first.claim.unit or first.unit or None)
    reports = [
        ClaimReport(
            doc_id=q.doc_id,
            claim_id=q.claim.id,
            text=q.claim.text,
            start=q.claim.start,
            end=q.claim.end,
            value=q.point,
            low=q.low,
            high=q.high,
            unit=q.claim.unit,
            approximate=q.approximate,
            source=q.outlet,
            asserted_by=q.claim.source,
            sentence=q.claim.sentence,
        )
        for q in g.members
    ]
    asserted: List[str] = []
    for q in g.members:
        if q.claim.source and q.claim.source not in asserted:
            asserted.append(q.claim.source)
    reason = "; ".join(g.reasons) if g.reasons else None
    if status == "single-source":
        reason = reason or f"stated only by {docs[0]}"
    elif status == "agreed":
        reason = f"stated by {len(docs)} documents with the same value"
    return EventClaim(
        id=f"C{i + 1}",
        value=value,
        low=low,
        high=high,
        unit=unit,
        doc_ids=docs,
        status=status,
        variant=status == "variant",
        conflict=status == "conflict",
        reason=reason,
        reports=reports,
        time=next((q.time for q in g.members if q.time), None),
        asserted_by=asserted,
    )
