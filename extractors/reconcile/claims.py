"""Claim alignment within one event: which reports state the same figure, and do they agree?

Each claim is normalised to a :class:`Quantity`: its kind of unit (``pct`` for every
proportion, ``cur:<code>`` for money, ``n`` for counts and the rest), the counted thing,
and its value as a point and/or a range. "eight in 10", "80%" and "four in five" all
become 80 percent (the claims component normally does this already; a small fallback
here reads "N in M" / "N out of M" and fractions when it did not).

Two reports are the *same quantity* when their kinds and counted things are compatible
(the same, or one generic: "people", "times"), their times (read only when the time
stands next to the figure) overlap, and their values are compatible:

* equal values -> the same figure (**agreed** when every report gives it);
* a point that is a bound of, or inside, the other's range; overlapping ranges; a figure
  that satisfies a bound ("more than 2,500" and 2,528); a rounded form (hedged, a bound,
  or 3 significant digits) -> **variant** (one report gives the upper bound / a rounded
  figure);
* figures of the same counted thing, the same time and the same context (the words of
  their sentences overlap), same order of magnitude, but values that cannot both be
  true -> **conflict**, with the reason;
* a figure only one document states -> **single-source**.

Alignment links items best first with complete linkage (see :func:`align`). Two figures
of one document share an event claim only when one is a loose form of the other (the
headline's "above 11%" and the body's 11.1%); they are never in conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from spacy.lang.en.stop_words import STOP_WORDS

from ..records import Claim, ClaimReport, DocumentRecord, EventClaim
from .similarity import fmt_number, fold, unit_class

#: relative tolerance under which two values are the same figure
SAME_TOL = 1e-6
#: a hedged or rounded figure may differ this much from a precise one and still be a variant
ROUND_TOL = 0.05
#: a bound ("more than 20,000") and a figure that satisfies it within this distance are
#: the same quantity stated loosely (beyond it, "more than 5 million" is a threshold)
BOUND_TOL = 0.1
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


@lru_cache(maxsize=1 << 13)
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


@lru_cache(maxsize=1 << 13)
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
    def start(self) -> int:
        return self.claim.start

    @property
    def end(self) -> int:
        return self.claim.end

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


#: words that make a time the start of a period or a point of comparison, not the time
#: the figure refers to ("the highest since 2008", "up 16% on October 2021")
_NOT_OWN_TIME = frozenset({"since", "than", "on", "from", "before", "after", "until", "till"})
#: how far (characters) a time expression may be from the figure it dates
TIME_WINDOW = 30


def _time_is_near(claim: Claim) -> bool:
    """Does the claim's time qualify the figure itself? It must stand next to it in the
    sentence ("7.9% in June", "In 2022, 2,087 people"), not be introduced by "since",
    "than" or "on" (a period start or a comparison). Without the sentence: trusted."""
    sent, tt = claim.sentence, claim.time_text
    if not sent or not tt or claim.sentence_start is None:
        return True
    s0, s1 = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    for m in re.finditer(re.escape(tt), sent):
        if m.start() >= s1:
            gap = sent[s1:m.start()]
        elif m.end() <= s0:
            gap = sent[m.end():s0]
        else:
            continue
        if len(gap) > TIME_WINDOW or any(ch in gap for ch in ";:"):
            continue
        before = _WORDS.findall(fold(sent[max(0, m.start() - 12):m.start()]))
        if before and before[-1] in _NOT_OWN_TIME:
            continue
        return True
    return False


def normalise(claim: Claim, doc_id: str, doc_rank: int = 0, outlet: Optional[str] = None) -> Optional[Quantity]:
    """A claim as a :class:`Quantity`, or None when it holds no number or is a length of
    time given as context (kind ``period``: "for two months"), not a reported figure."""
    if claim.kind == "period":
        return None
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
    time = claim.time if claim.time and re.match(r"\d{4}", claim.time) and _time_is_near(claim) else None
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


def _bound(q: Quantity) -> bool:
    """A one-sided figure: "more than 2,500" (value = low), "up to 10" (value = high)."""
    return q.point is not None and ((q.low is not None) != (q.high is not None))


def _rounds_to(precise: float, rounded: float) -> bool:
    """Does ``precise`` rounded to the significant digits of ``rounded`` give ``rounded``?
    (7.75 million -> 7.8 million, 2,087 -> 2,100; not 5.25 -> 5.5)"""
    from decimal import ROUND_HALF_UP, Decimal

    digits = _sig_digits(rounded)
    if precise == 0:
        return rounded == 0
    exp = Decimal(repr(abs(precise))).adjusted() - digits + 1
    q = Decimal(repr(abs(precise))).scaleb(-exp).quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(exp)
    return _close(float(q), abs(rounded), SAME_TOL)


def _inside(x: float, low: Optional[float], high: Optional[float]) -> bool:
    lo = -float("inf") if low is None else low * (1 - 1e-9) - 1e-12
    hi = float("inf") if high is None else high * (1 + 1e-9) + 1e-12
    return lo <= x <= hi


#: lower bounds that include their figure ("at least 42 years" is met by 42 years; "more than
#: 20,000" is not met by 20,000)
_INCLUSIVE_LOW = re.compile(r"\b(?:at least|no (?:fewer|less) than|a minimum of|minimum of|or more|or above)\b", re.I)


def relation(a: Quantity, b: Quantity) -> Tuple[Optional[str], str]:
    """``("same" | "variant" | None, reason)`` for two reports' values."""
    if a.point is not None and b.point is not None:
        if _close(a.point, b.point, SAME_TOL):
            if _bound(a) == _bound(b):
                return "same", ""
            # "more than 20,000" does not include 20,000 itself; "up to 830,000" does
            bd = a if _bound(a) else b
            if bd.low is not None and bd.claim.change == ">" and not _INCLUSIVE_LOW.search(bd.claim.text or ""):
                return None, ""  # ("at least 42 years" does include 42 years)
            return "variant", f"{(b if bd is a else a).show()} ({(b if bd is a else a).doc_id}) is the limit of {bd.claim.text!r} ({bd.doc_id})"
        rounded, precise = (a, b) if _sig_digits(a.point) < _sig_digits(b.point) or (_sig_digits(a.point) == _sig_digits(b.point) and a.approximate and not b.approximate) else (b, a)
        assert rounded.point is not None and precise.point is not None
        if _close(rounded.point, precise.point, ROUND_TOL) and _rounds_to(precise.point, rounded.point) and (rounded.approximate or _bound(rounded) or _sig_digits(rounded.point) >= 3):
            return "variant", f"{rounded.show()} ({rounded.doc_id}) is a rounded form of {precise.show()} ({precise.doc_id})"
        if _bound(a) or _bound(b):
            # "more than 2,500" and 2,528: a bound and a figure that satisfies it
            bd, other = (a, b) if _bound(a) else (b, a)
            assert other.point is not None
            if _inside(other.point, bd.low, bd.high) and _close(other.point, bd.point or 0.0, BOUND_TOL):
                side = "lower" if bd.low is not None else "upper"
                return "variant", f"{other.show()} ({other.doc_id}) satisfies the {side} bound {bd.claim.text!r} ({bd.doc_id})"
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



def _unit_ok(a: Quantity, b: Quantity) -> bool:
    if a.cls != b.cls:
        return False
    if a.cls != "n":
        return True
    return not a.unit or not b.unit or a.unit == b.unit


def _jaccard(a: FrozenSet[str], b: FrozenSet[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


# --------------------------------------------------------------------------- alignment

#: counted things that say nothing about what is counted ("people", "times"): compatible
#: with any counted thing when the sentences agree
GENERIC_UNITS = frozenset({"", "people", "person", "individual", "time", "count", "number", "figure", "total"})
#: equal values with different counted things (or one missing) are the same figure
#: when their sentences overlap at least this much
SAME_VALUE_CONTEXT = 0.2


@dataclass
class _Item:
    """The reports of one figure in one document (a headline and the body can repeat it)."""

    members: List[Quantity]

    @property
    def q(self) -> Quantity:
        return self.members[0]

    @property
    def doc_id(self) -> str:
        return self.q.doc_id

    def context(self) -> FrozenSet[str]:
        out: FrozenSet[str] = frozenset()
        for m in self.members:
            out = out | m.context
        return out

    def times(self) -> Set[str]:
        return {m.time for m in self.members if m.time}

    def units(self) -> Set[str]:
        return {m.unit for m in self.members if m.unit}


@dataclass
class _Group:
    items: List[_Item]
    reasons: List[str] = field(default_factory=list)
    conflict: bool = False

    @property
    def members(self) -> List[Quantity]:
        return sorted((m for it in self.items for m in it.members), key=lambda q: (q.doc_rank, q.start, q.end))

    @property
    def docs(self) -> List[str]:
        out: List[str] = []
        for q in self.members:
            if q.doc_id not in out:
                out.append(q.doc_id)
        return out

    def context(self) -> FrozenSet[str]:
        out: FrozenSet[str] = frozenset()
        for it in self.items:
            out = out | it.context()
        return out


_PART = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14), "H1": (1, 6), "H2": (7, 12), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}


@lru_cache(maxsize=10_000)
def time_months(value: str) -> Optional[Tuple[int, int]]:
    """The months a TIMEX3 value covers, as (first, last) month numbers since year 0:
    ``2022`` -> all of 2022, ``2022-FA`` -> Sep-Nov 2022, ``FY2016`` -> Apr 2016-Mar 2017
    (the UK fiscal year), ``2023-06-13`` -> June 2023."""
    m = re.match(r"(FY)?(\d{4})(?:-(\d{2}|SP|SU|FA|WI|H[12]|Q[1-4]))?", value or "")
    if not m:
        return None
    y = int(m.group(2))
    if m.group(1):
        return (12 * y + 4, 12 * y + 15)
    part = m.group(3)
    if part is None:
        return (12 * y + 1, 12 * y + 12)
    if part.isdecimal():
        return (12 * y + int(part), 12 * y + int(part))
    lo, hi = _PART[part]
    return (12 * y + lo, 12 * y + hi)


def _times_agree(a: _Item, b: _Item) -> Optional[bool]:
    """True when both state a time and they overlap, False when they do not, None when one
    states no time."""
    ta = [r for r in (time_months(t) for t in a.times()) if r]
    tb = [r for r in (time_months(t) for t in b.times()) if r]
    if not ta or not tb:
        return None
    return any(x[0] <= y[1] and y[0] <= x[1] for x in ta for y in tb)


def _units_agree(a: _Item, b: _Item) -> Optional[bool]:
    """True: the same counted thing; None: one is generic or missing; False: different."""
    if a.q.cls != "n":
        return True
    ua, ub = a.units() - GENERIC_UNITS, b.units() - GENERIC_UNITS
    if not ua or not ub:
        return None
    return bool(ua & ub)


def _link(a: _Item, b: _Item) -> Optional[Tuple[float, str]]:
    """Can the figures of two documents be the same quantity? (score, reason) or None.

    Same kind of unit; values equal, or compatible (a bound, inside a range, rounded);
    the same counted thing, or, for equal values, sentences that agree; compatible times
    (the time a claim refers to is read from its sentence and can be wrong, so equal values
    in agreeing sentences may still join when the times differ)."""
    qa, qb = a.q, b.q
    if qa.cls != qb.cls:
        return None
    rel, why = relation(qa, qb)
    if rel is None:
        return None
    ctx = _jaccard(a.context(), b.context())
    units = _units_agree(a, b)
    times = _times_agree(a, b)
    if units is False and not (rel == "same" and ctx >= SAME_VALUE_CONTEXT):
        return None
    if times is False and not (rel == "same" and ctx >= SAME_VALUE_CONTEXT):
        return None
    if ctx == 0.0 and not _distinctive_value(qa) and not _distinctive_value(qb):
        return None  # a common number in unrelated sentences: a coincidence
    score = (3.0 if rel == "same" else 2.0) + ctx + (0.5 if times else 0.0) + (0.5 if units else 0.0) - 10.0 * _gap(qa, qb)
    return score, why


def _compatible(a: _Item, b: _Item) -> bool:
    """May two items be in one event claim? Items of different documents: when they can be
    the same quantity (:func:`_link`). Two items of one document: only when one is a loose
    form of the other (a headline's "above 11%" and the body's 11.1%); a document giving
    two different precise figures is stating two quantities."""
    if a.doc_id != b.doc_id:
        return _link(a, b) is not None
    qa, qb = a.q, b.q
    if qa.cls != qb.cls or qa.is_range or qb.is_range or _units_agree(a, b) is False:
        return False
    if not (_in_headline(a) or _in_headline(b)):
        # in the body, a loose figure next to the precise one is a statement of its own:
        # "the population stood at 5,123,536 ... the first time it has been above five million"
        return False
    rel, _ = relation(qa, qb)
    return rel == "variant"


def _in_headline(it: "_Item") -> bool:
    """Is one of the item's reports in the document's first sentence (its headline)?"""
    return any((q.claim.sentence_start or 0) == 0 for q in it.members)


def _gap(a: Quantity, b: Quantity) -> float:
    """Relative distance of two reports' values (0 when equal)."""
    xa = [x for x in a.values() if x is not None]
    xb = [x for x in b.values() if x is not None]
    if not xa or not xb:
        return 1.0
    best = min(abs(x - y) / max(abs(x), abs(y), 1e-12) for x in xa for y in xb)
    return min(1.0, best)


def _items(quantities: Sequence[Quantity]) -> List[_Item]:
    """Group each document's reports of the same value (and compatible counted thing)."""
    items: List[_Item] = []
    for q in quantities:
        for it in items:
            m = it.q
            if m.doc_id == q.doc_id and m.cls == q.cls and m.values() == q.values():
                if m.cls != "n" or not (it.units() - GENERIC_UNITS) or q.unit in GENERIC_UNITS or q.unit in it.units():
                    it.members.append(q)
                    break
        else:
            items.append(_Item([q]))
    return items


def align(records: Sequence[DocumentRecord]) -> List[EventClaim]:
    """Align the claims of an event's documents (in the given order) into event claims.

    1. each document's reports of one value are one item (headline and body);
    2. items of different documents that can be the same quantity are linked, with a score
       (same value > compatible value; sentences that overlap; agreeing times and counted
       things; closer values);
    3. links are taken best first; two groups join when they hold no document in common
       and every pair of their items can be the same quantity (no chaining from 5% through
       a 5%-5.25% range to 5.25%);
    4. groups of the same quantity whose values cannot both be true are conflicts.
    """
    quantities: List[Quantity] = []
    for rank, rec in enumerate(records):
        for c in sorted(rec.claims, key=lambda c: (c.start, c.end)):
            q = normalise(c, rec.id, rank, rec.source)
            if q is not None:
                quantities.append(q)
    items = _items(quantities)
    links: List[Tuple[float, int, int, str]] = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.doc_id == b.doc_id:
                continue
            got = _link(a, b)
            if got is not None:
                links.append((-got[0], i, j, got[1]))
    links.sort()
    group_of = list(range(len(items)))
    groups: Dict[int, _Group] = {i: _Group([it]) for i, it in enumerate(items)}
    for _, i, j, why in links:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = groups[gi], groups[gj]
        if not all(_compatible(x, y) for x in a.items for y in b.items):
            continue
        keep, drop = (gi, gj) if gi < gj else (gj, gi)
        groups[keep].items.extend(groups[drop].items)
        for r in groups[drop].reasons + ([why] if why else []):
            if r not in groups[keep].reasons:
                groups[keep].reasons.append(r)
        for it in groups[drop].items:
            group_of[items.index(it)] = keep
        del groups[drop]
    ordered = sorted(groups.values(), key=lambda g: min((q.doc_rank, q.start) for q in g.members))
    _mark_conflicts(ordered)
    return [_to_event_claim(i, g) for i, g in enumerate(g for g in ordered if g.items)]


def _distinctive_value(q: Quantity) -> bool:
    """A figure precise enough that equal values are unlikely to be a coincidence: not a
    small or round number (2, 10, 25, 80 turn up everywhere; 29, 14, 7.9, 2,087 do not)."""
    for x in (q.point, q.low, q.high):
        if x is None:
            continue
        if x != int(x) or abs(x) >= 100 or (abs(x) > 10 and int(x) % 5 != 0):
            return True
    return False


def _magnitude(g: _Group) -> Optional[float]:
    for q in g.members:
        for x in (q.point, q.high, q.low):
            if x is not None:
                return x
    return None


def _mark_conflicts(groups: List[_Group]) -> None:
    """Merge groups that report the same quantity with values that cannot both be true:
    the same kind of unit and counted thing (or one unnamed), the same time, the same
    context (the words of their sentences overlap), values of the same order."""
    candidates: List[Tuple[float, int, int]] = []
    for i, gi in enumerate(groups):
        for j in range(i + 1, len(groups)):
            gj = groups[j]
            if not gi.items or not gj.items or set(gi.docs) & set(gj.docs):
                continue
            a, b = gi.items[0], gj.items[0]
            if a.q.cls != b.q.cls or _times_agree(a, b) is False:
                continue
            units = _units_agree(a, b)
            if units is False:
                continue
            ma, mb = _magnitude(gi), _magnitude(gj)
            if not ma or not mb or ma * mb <= 0 or max(ma / mb, mb / ma) > CONFLICT_RATIO:
                continue
            ctx = _jaccard(gi.context(), gj.context())
            # an unnamed counted thing needs more agreement of the sentences
            if ctx < (CONFLICT_CONTEXT if units else 1.5 * CONFLICT_CONTEXT):
                continue
            candidates.append((-ctx, i, j))
    used: Set[int] = set()
    for negctx, i, j in sorted(candidates):
        if i in used or j in used:
            continue
        used.update((i, j))
        gi, gj = groups[i], groups[j]
        a, b = gi.items[0].q, gj.items[0].q
        what = (a.unit if a.unit not in GENERIC_UNITS else b.unit) if a.cls != "pct" else "percent"
        when = f" ({a.time or b.time})" if (a.time or b.time) else ""
        diff = abs((_magnitude(gi) or 0) - (_magnitude(gj) or 0)) / max(abs(_magnitude(gi) or 1), abs(_magnitude(gj) or 1))
        reason = (
            f"{a.show()} ({', '.join(gi.docs)}) vs {b.show()} ({', '.join(gj.docs)}): the same {what or 'figure'}{when} "
            f"in the same context (word overlap {-negctx:.2f}), values differ by {100 * diff:.1f}%"
        )
        gi.items.extend(gj.items)
        gi.conflict = True
        gi.reasons.append(reason)
        gj.items = []


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
