"""How alike two document records are: a score in [0, 1] with the reasons for it.

Each record is first reduced to a :class:`Profile` (normalised people, organisations,
figures, dates and keywords), computed once. Corpus statistics (how many records use
each key: the document frequency behind every IDF weight) live in :class:`Stats`, which
is updated as records arrive. :func:`score` compares two profiles:

* shared people (officials and other named persons; surnames match when the first
  names do not contradict each other: "Graeme Biggar" = "Biggar" = "G. Biggar"),
* shared organisations (by name, acronym or alias),
* shared figures (the same number with the same kind of unit; a bound of a range counts),
* shared specific dates (day or month granularity) and the distance of publication dates,
* shared places (GPE/LOC names),
* the TF-IDF cosine of the keyword lists,
* who the leads name (headline and first two sentences): the same people, or other people,
* negative evidence: both dated far apart (incompatible); one dated and the other
  written (by the most recent year it mentions) years apart; different main participants
  or main organisations (each names its most mentioned ones and neither names the
  other's); two figure-rich reports with no figure in common.

Every piece of evidence is weighted by how rare it is (IDF), so that "police" or
"80 percent" matter less than "Graeme Biggar" or "830,000".
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from ..records import DocumentRecord

# --------------------------------------------------------------------------- weights

#: how much each kind of evidence adds to the score (before saturation)
W_PEOPLE = 0.10
W_ORGS = 0.08
W_FIGURES = 0.30
W_DATES = 0.10
W_KEYWORDS = 0.90
W_PUBLISHED = 0.06
W_PLACES = 0.10
#: penalties
P_DISJOINT_PEOPLE = 0.0  # both name people, none shared (0: NER misses make it unreliable)
P_FAR_APART = 0.5  # both dated, more than MAX_DAYS apart

#: both have main participants (most mentioned people) and neither names the other's
P_OTHER_PARTICIPANTS = 0.15
#: the same for the most mentioned organisations
P_OTHER_ORGS = 0.10
#: the most mentioned places differ and neither names the other's
P_OTHER_PLACES = 0.0
#: the leads (headline and first two sentences) name people: some in common adds W_LEAD_PEOPLE;
#: none in common takes P_LEAD_PEOPLE, or P_LEAD_OTHERS when neither document names the
#: other's lead people anywhere (a report is about the people its lead names)
W_LEAD_PEOPLE = 0.05
P_LEAD_PEOPLE = 0.10
P_LEAD_OTHERS = 0.20
#: both state at least FIGURES_EXPECTED distinctive figures and share none
P_NO_SHARED_FIGURES = 0.15
FIGURES_EXPECTED = 3
P_YEARS_APART = 0.4  # (at most) one undated, their estimated years of writing far apart
#: estimated years of writing this far apart count against being one event
YEARS_APART = 2

#: the years two documents refer to (at least one undated): year counts, the publication
#: year counting PUB_YEAR_WEIGHT. Agreement (cosine of the counts) adds up to W_YEARS;
#: disagreement (1 - the cosine when adjacent years count YEAR_NEAR as equal) takes up to
#: P_YEARS; both scaled by the references of the sparser one, up to YEAR_MASS
W_YEARS = 0.1
P_YEARS = 0.3
YEAR_MASS = 3.0
YEAR_NEAR = 1.0
PUB_YEAR_WEIGHT = 3.0

#: publication dates further apart than this are not the same event (days)
MAX_DAYS = 10
#: keywords used per document (the lists are ordered, most frequent first)
KEYWORDS_USED = 40


# --------------------------------------------------------------------------- normalising

#: entries kept by each memo cache (names, keys): bounded, so a long stream does not grow
CACHE_SIZE = 1 << 15

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "hon"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "qc", "kc", "mp", "obe", "mbe", "cbe"}
_ORG_STOP = {"the", "of", "and", "for", "&"}
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=CACHE_SIZE)
def fold(text: str) -> str:
    """Lower case, accents removed, curly quotes straightened, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").lower()
    return " ".join(text.split())


@lru_cache(maxsize=CACHE_SIZE)
def name_parts(name: str) -> Tuple[str, ...]:
    """A person's name as lower-case word tokens without honorifics, possessives or
    suffixes: ``"Mr Graeme Biggar's"`` -> ``("graeme", "biggar")``."""
    text = fold(name)
    text = re.sub(r"'s\b", "", text)
    words = _WORD.findall(text)
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return tuple(words)


def surname(name: str) -> Optional[str]:
    parts = name_parts(name)
    return parts[-1] if parts and len(parts[-1]) > 1 else None


def first_names_compatible(a: Tuple[str, ...], b: Tuple[str, ...]) -> bool:
    """"Graeme Biggar" ~ "Biggar" ~ "G Biggar"; "Rob Jones" !~ "Tom Jones"."""
    fa, fb = a[:-1], b[:-1]
    if not fa or not fb:
        return True
    x, y = fa[0], fb[0]
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    # nicknames and short forms: "rob" / "robert", "tom" / "thomas"
    return len(x) >= 3 and len(y) >= 3 and (x.startswith(y) or y.startswith(x))


@lru_cache(maxsize=CACHE_SIZE)
def org_key(name: str) -> str:
    """``"the National Crime Agency's"`` -> ``"national crime agency"``."""
    text = re.sub(r"'s\b", "", fold(name))
    words = _WORD.findall(text)
    while words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def fmt_number(x: float) -> str:
    """``830000.0`` -> ``"830,000"``; ``1.6`` -> ``"1.6"``."""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1000 else f"{x:.6g}"


def unit_class(unit: Optional[str], kind: Optional[str] = None) -> str:
    """The kind of a claim's unit used for matching figures across documents:
    ``pct`` for proportions, ``cur:<code>`` for money, ``n`` for counts and the rest."""
    u = fold(unit or "")
    if u in ("percent", "%", "per cent", "percentage point", "percentage points") or kind == "percent":
        return "pct"
    # a rate of money is the same figure as the amount: "a cap of £1,971 a year" (GBP per year)
    # and "a cap of £1,971" (GBP) are one claim reported two ways
    if kind == "money":
        u = re.split(r" per | a ", u)[0].strip()
    if kind == "money" or (len(u) == 3 and u.isalpha() and u.isupper()):
        return f"cur:{u}"
    if u in {"gbp", "usd", "eur", "jpy", "cny", "inr", "aud", "cad"}:
        return f"cur:{u}"
    return "n"


def _distinctive(x: float, cls: str) -> bool:
    """Numbers worth matching across documents: not tiny counts, not bare years."""
    if cls == "pct":
        return 0 < x < 100 or x != int(x)
    if x != int(x):
        return True
    if cls == "n" and 1900 <= x <= 2100:
        return False
    return abs(x) >= 10


def parse_day(value: Optional[str]) -> Optional[int]:
    """An ISO ``YYYY-MM-DD`` (or longer) string as a day ordinal, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10])).toordinal()
    except ValueError:
        return None


# --------------------------------------------------------------------------- profiles

_YEAR = re.compile(r"(?:FY)?(\d{4})(?![\d])")
#: plausible years of news events (OCR and NER noise gives "2222", "1300")
YEAR_RANGE = (1900, 2100)


def _year_of(value: str) -> Optional[int]:
    """The year of a TIMEX3 value (``2010``, ``2018-03``, ``FY2016``), else None."""
    m = _YEAR.match(value or "")
    if not m:
        return None
    y = int(m.group(1))
    return y if YEAR_RANGE[0] <= y <= YEAR_RANGE[1] else None



@dataclass
class Profile:
    """What reconciliation needs from one document record, normalised once."""

    doc_id: str
    index: int  # position in the reconciler (arrival order)
    published: Optional[int]  # day ordinal
    source: Optional[str]
    #: surname -> name tuples that use it (``("graeme", "biggar")``)
    people: Dict[str, Set[Tuple[str, ...]]] = field(default_factory=dict)
    #: display names by surname, for reasons
    people_display: Dict[str, str] = field(default_factory=dict)
    officials: Set[str] = field(default_factory=set)  # surnames of officials (not other persons)
    #: the people the document is about: mentioned at least twice (else the first named)
    salient: Set[str] = field(default_factory=set)
    #: the people most mentioned (the main participants), by surname
    main_people: Set[str] = field(default_factory=set)
    #: the people the lead names (headline and first two sentences), by surname; empty
    #: when the record does not say where its lead ends
    lead_people: Set[str] = field(default_factory=set)
    #: the organisation groups most mentioned (indexes into ``orgs``)
    main_orgs: List[int] = field(default_factory=list)
    #: the organisations the lead names by name (not by a description), by their name key
    lead_orgs: Set[str] = field(default_factory=set)
    #: organisation groups: each a frozenset of keys (name, acronym, aliases)
    orgs: List[FrozenSet[str]] = field(default_factory=list)
    org_display: Dict[str, str] = field(default_factory=dict)
    #: figure keys ``"pct:80"`` -> display text ``"80 percent"``
    figures: Dict[str, str] = field(default_factory=dict)
    #: specific dates mentioned (``YYYY-MM-DD`` or ``YYYY-MM``)
    dates: Set[str] = field(default_factory=set)
    keywords: Tuple[str, ...] = ()
    #: places named (GPE/LOC), most mentioned first
    places: Tuple[str, ...] = ()
    #: years the document refers to (DATE values and claim times), oldest first
    years: Tuple[int, ...] = ()
    #: how often each year is referred to (its publication year counts PUB_YEAR_WEIGHT more)
    year_weights: Dict[int, float] = field(default_factory=dict)

    def year_span(self) -> Optional[Tuple[int, int]]:
        """When the document was (probably) written, in years: its publication year; without
        one, from the most recent year it mentions (a news report mentions the current or
        previous year: written in that year or the next). None when it gives no clue."""
        if self.published is not None:
            y = date.fromordinal(self.published).year
            return (y, y)
        if self.years:
            return (self.years[-1], self.years[-1] + 1)
        return None

    @property
    def org_keys(self) -> Set[str]:
        return {k for g in self.orgs for k in g}

    def entity_tokens(self) -> Set[str]:
        """Shingles for MinHash: keywords plus entity keys."""
        out = {f"k:{w}" for w in self.keywords[:KEYWORDS_USED]}
        out.update(f"p:{s}" for s in self.people)
        out.update(f"o:{k}" for k in self.org_keys)
        out.update(f"f:{k}" for k in self.figures)
        return out


#: a main participant is mentioned at least this often, and at least this share of the
#: mentions of the most mentioned one
MAIN_MIN_MENTIONS = 2
MAIN_SHARE = 0.5


def _most_mentioned(counts: Dict) -> Set:
    """The keys mentioned most: at least MAIN_MIN_MENTIONS times and MAIN_SHARE of the top."""
    if not counts:
        return set()
    top = max(counts.values())
    if top < MAIN_MIN_MENTIONS:
        return set()
    return {k for k, n in counts.items() if n >= max(MAIN_MIN_MENTIONS, MAIN_SHARE * top)}


def profile(record: DocumentRecord, index: int = 0) -> Profile:
    """Reduce a document record to the features reconciliation compares."""
    prof = Profile(doc_id=record.id, index=index, published=parse_day(record.published), source=record.source)
    mentions: Dict[str, int] = {}
    first_named: List[Tuple[int, str]] = []
    lead = getattr(record, "lead_end", None)
    for group, official in ((record.officials, True), (record.persons, False)):
        for person in group:
            parts = name_parts(person.name or "")
            if not parts:
                continue
            sur = parts[-1]
            if len(sur) < 2:
                continue
            mentions[sur] = mentions.get(sur, 0) + max(1, len(person.mentions))
            first_named.append((min((m.start for m in person.mentions), default=1 << 30), sur))
            prof.people.setdefault(sur, set()).add(parts)
            shown = prof.people_display.get(sur)
            if shown is None or len(person.name) > len(shown):
                prof.people_display[sur] = " ".join(person.name.split())
            if official and person.is_official:
                prof.officials.add(sur)
            if lead is not None and any(m.start < lead for m in person.mentions):
                prof.lead_people.add(sur)
    prof.salient = {s for s, n in mentions.items() if n >= 2} or ({min(first_named)[1]} if first_named else set())
    prof.main_people = _most_mentioned(mentions)
    org_mentions: Dict[int, int] = {}
    for org in record.organisations:
        keys = {org_key(org.name or "")}
        if org.acronym:
            keys.add(org_key(org.acronym))
        # (a description, "the company", "the London-based company", is no key of the body)
        described = {m.text for m in org.mentions if m.kind == "description"}
        keys.update(org_key(a) for a in org.aliases if not a.islower() and a not in described)
        keys.discard("")
        if not keys:
            continue
        group = frozenset(keys)
        if group not in prof.orgs:
            prof.orgs.append(group)
        gi = prof.orgs.index(group)
        org_mentions[gi] = org_mentions.get(gi, 0) + max(1, len(org.mentions))
        if lead is not None and org_key(org.name or "") and any(m.start < lead and m.kind != "description" for m in org.mentions):
            prof.lead_orgs.add(org_key(org.name or ""))
        shown = org.name + (f" ({org.acronym})" if org.acronym and org.acronym != org.name else "")
        for k in group:
            prof.org_display.setdefault(k, shown)
    prof.main_orgs = sorted(_most_mentioned(org_mentions))
    for claim in record.claims:
        if claim.kind == "period":
            continue  # a length of time ("for two months") is context, not a reported figure
        cls = unit_class(claim.unit, claim.kind)
        for x in (claim.value, claim.low, claim.high):
            if x is None or not isinstance(x, (int, float)) or math.isnan(x) or not _distinctive(float(x), cls):
                continue
            key = f"{cls}:{float(x):.6g}"
            if key not in prof.figures:
                unit = "percent" if cls == "pct" else (claim.unit or "").strip()
                prof.figures[key] = f"{fmt_number(float(x))} {unit}".strip()
    years: Set[int] = set()
    yw: Dict[int, float] = {}
    for t in record.dates:
        v = t.value or ""
        if t.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", v):
            prof.dates.add(v)
        y = _year_of(v) if t.type in ("DATE", "TIME") else None
        if y is not None:
            years.add(y)
            yw[y] = yw.get(y, 0.0) + 1.0
    for claim in record.claims:
        y = _year_of(claim.time or "")
        if y is not None:
            years.add(y)
            yw[y] = yw.get(y, 0.0) + 1.0
    prof.years = tuple(sorted(years))
    if prof.published is not None:
        y = date.fromordinal(prof.published).year
        yw[y] = yw.get(y, 0.0) + PUB_YEAR_WEIGHT
    prof.year_weights = yw
    pl: List[str] = []
    for name in getattr(record, "places", None) or []:
        k = org_key(name)
        if k and k not in pl:
            pl.append(k)
    prof.places = tuple(pl)
    seen: Set[str] = set()
    kws: List[str] = []
    for w in record.keywords:
        w = fold(w)
        if w and w not in seen:
            seen.add(w)
            kws.append(w)
    prof.keywords = tuple(kws[:KEYWORDS_USED])
    return prof


# --------------------------------------------------------------------------- statistics


class Stats:
    """Document frequencies of every key, for IDF weights. Updated as records arrive."""

    def __init__(self) -> None:
        self.n = 0
        self.df: Dict[str, int] = {}

    @staticmethod
    def keys(p: Profile) -> Set[str]:
        out = {f"k:{w}" for w in p.keywords}
        out.update(f"p:{s}" for s in p.people)
        out.update(f"o:{k}" for k in p.org_keys)
        out.update(f"f:{k}" for k in p.figures)
        out.update(f"d:{d}" for d in p.dates)
        out.update(f"g:{g}" for g in p.places)
        return out

    def add(self, p: Profile) -> None:
        self.n += 1
        for k in self.keys(p):
            self.df[k] = self.df.get(k, 0) + 1

    def remove(self, p: Profile) -> None:
        """Forget a document (a stream keeps the frequencies of its window only)."""
        self.n -= 1
        for k in self.keys(p):
            left = self.df.get(k, 0) - 1
            if left > 0:
                self.df[k] = left
            else:
                self.df.pop(k, None)

    def idf(self, key: str) -> float:
        """Smoothed IDF, in [1, 1 + log(n + 1)]."""
        return 1.0 + math.log((self.n + 1) / (self.df.get(key, 0) + 1))

    def rarity(self, key: str) -> float:
        """IDF scaled to [0, 1]: 1 for a key seen in one document, near 0 for a key in all."""
        top = math.log(self.n + 1) if self.n > 1 else 1.0
        return max(0.0, min(1.0, (self.idf(key) - 1.0) / top)) if top > 0 else 1.0


#: keyword term weight from its rank: "log" (1/log2(rank+2)), "sqrt" or "binary";
#: IDF exponent. "log" and 1.0 scored best on ECB+ (binary or IDF^2 were worse).
TF_MODE = "log"
IDF_POWER = 1.0


def _tf(rank: int) -> float:
    if TF_MODE == "binary":
        return 1.0
    if TF_MODE == "sqrt":
        return 1.0 / math.sqrt(rank + 1)
    return 1.0 / math.log2(rank + 2)


def keyword_vector(p: Profile, stats: Stats) -> Dict[str, float]:
    vec = {w: _tf(r) * stats.idf(f"k:{w}") ** IDF_POWER for r, w in enumerate(p.keywords)}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def cosine(a: Dict[str, float], b: Dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)


# --------------------------------------------------------------------------- scoring


def _top_years(weights: Dict[int, float]) -> str:
    top = max(weights.values())
    return ", ".join(str(y) for y in sorted(y for y, w in weights.items() if w >= 0.5 * top))


def year_cosine(a: Dict[int, float], b: Dict[int, float], near: float = 0.0) -> float:
    """Cosine of two year-count vectors; ``near``: how much adjacent years count as equal."""

    def dot(x: Dict[int, float], y: Dict[int, float]) -> float:
        out = sum(v * y.get(k, 0.0) for k, v in x.items())
        if near:
            out += near * sum(v * (y.get(k - 1, 0.0) + y.get(k + 1, 0.0)) for k, v in x.items())
        return out

    na, nb = math.sqrt(dot(a, a)), math.sqrt(dot(b, b))
    if not na or not nb:
        return 0.0
    return min(1.0, dot(a, b) / (na * nb))


@dataclass
class PairScore:
    a: str
    b: str
    score: float
    reasons: List[str]
    #: both dated and too far apart: never the same event
    incompatible: bool = False


def _show_span(span: Tuple[int, int]) -> str:
    return str(span[0]) if span[0] == span[1] else f"{span[0]}-{span[1]}"


def _saturate(x: float) -> float:
    """0 -> 0, 1 -> 0.63, 2 -> 0.86, 3 -> 0.95."""
    return 1.0 - math.exp(-x)


def _mentions_any(surnames: Set[str], other: Profile) -> bool:
    """Does ``other`` name any of these people (surname, first names compatible)?"""
    return any(s in other.people for s in surnames)


def shared_people(a: Profile, b: Profile) -> List[str]:
    out = []
    for sur in sorted(set(a.people) & set(b.people)):
        if any(first_names_compatible(x, y) for x in a.people[sur] for y in b.people[sur]):
            out.append(sur)
    return out


def shared_orgs(a: Profile, b: Profile) -> List[Tuple[str, FrozenSet[str]]]:
    """Matching organisation groups, as (display key, the keys both use)."""
    out = []
    bkeys = b.org_keys
    for g in a.orgs:
        common = g & bkeys
        if common:
            out.append((sorted(common)[0], frozenset(common)))
    return out


def score(a: Profile, b: Profile, stats: Stats, vectors: Optional[Dict[str, Dict[str, float]]] = None) -> PairScore:
    """Score two profiles: evidence weighted by rarity, with the reasons."""
    reasons: List[str] = []
    total = 0.0

    # people
    people = shared_people(a, b)
    if people:
        ev = sum(0.4 + 0.6 * stats.rarity(f"p:{s}") for s in people)
        total += W_PEOPLE * _saturate(1.5 * ev)
        names = [a.people_display.get(s) or b.people_display.get(s) or s for s in people]
        reasons.append(("shared officials: " if any(s in a.officials and s in b.officials for s in people) else "shared people: ") + ", ".join(names))
    elif a.people and b.people:
        total -= P_DISJOINT_PEOPLE
        reasons.append("no person in common")
    if a.main_people and b.main_people and not _mentions_any(a.main_people, b) and not _mentions_any(b.main_people, a):
        total -= P_OTHER_PARTICIPANTS
        reasons.append("different main participants: " + ", ".join(sorted(a.people_display.get(s, s) for s in a.main_people)) + " vs " + ", ".join(sorted(b.people_display.get(s, s) for s in b.main_people)))

    # who the leads are about
    if a.lead_people and b.lead_people:
        common = a.lead_people & b.lead_people
        if common:
            total += W_LEAD_PEOPLE
            reasons.append("same people in the lead: " + ", ".join(sorted(a.people_display.get(s, s) for s in common)))
        else:
            others = not _mentions_any(a.lead_people, b) and not _mentions_any(b.lead_people, a)
            total -= P_LEAD_OTHERS if others else P_LEAD_PEOPLE
            shown = ", ".join(sorted(a.people_display.get(s, s) for s in a.lead_people)) + " vs " + ", ".join(sorted(b.people_display.get(s, s) for s in b.lead_people))
            reasons.append(("leads about other people: " if others else "leads name other people: ") + shown)

    # organisations
    orgs = shared_orgs(a, b)
    if orgs:
        ev = sum(max(stats.rarity(f"o:{k}") for k in common) for _, common in orgs)
        total += W_ORGS * _saturate(1.5 * ev)
        reasons.append("shared organisations: " + ", ".join(a.org_display.get(k, k) for k, _ in orgs))

    ma, mb = [a.orgs[i] for i in a.main_orgs], [b.orgs[i] for i in b.main_orgs]
    if ma and mb and not any(g & b.org_keys for g in ma) and not any(g & a.org_keys for g in mb):
        total -= P_OTHER_ORGS
        reasons.append("different main organisations: " + ", ".join(a.org_display.get(sorted(g)[0], sorted(g)[0]) for g in ma) + " vs " + ", ".join(b.org_display.get(sorted(g)[0], sorted(g)[0]) for g in mb))

    # places
    places = [g for g in a.places if g in b.places]
    if places:
        ev = sum(stats.rarity(f"g:{g}") for g in places)
        total += W_PLACES * _saturate(ev)
        reasons.append("shared places: " + ", ".join(places))
    if P_OTHER_PLACES and a.places and b.places and a.places[0] not in b.places and b.places[0] not in a.places:
        total -= P_OTHER_PLACES
        reasons.append(f"different main places: {a.places[0]} vs {b.places[0]}")

    # figures
    figs = sorted(set(a.figures) & set(b.figures))
    if not figs and min(len(a.figures), len(b.figures)) >= FIGURES_EXPECTED:
        # two reports of one release or briefing repeat its headline figures
        total -= P_NO_SHARED_FIGURES
        reasons.append(f"no figure in common ({len(a.figures)} and {len(b.figures)} figures)")
    if figs:
        ev = sum(0.3 + 0.7 * stats.rarity(f"f:{k}") for k in figs)
        total += W_FIGURES * _saturate(1.2 * ev)
        reasons.append("shared figures: " + ", ".join(a.figures[k] for k in figs))

    # dates mentioned
    dates = sorted(a.dates & b.dates)
    if dates:
        ev = sum(0.5 * stats.rarity(f"d:{d}") + (0.5 if len(d) == 10 else 0.2) for d in dates)
        total += W_DATES * _saturate(ev)
        reasons.append("shared dates: " + ", ".join(dates))

    # publication dates
    incompatible = False
    if a.published is not None and b.published is not None:
        gap = abs(a.published - b.published)
        reasons.append(f"published {gap} days apart")
        if gap > MAX_DAYS:
            incompatible = True
            total -= P_FAR_APART
        else:
            total += W_PUBLISHED * (1.0 - gap / (MAX_DAYS + 1))
    else:
        # at least one is undated: compare the years each was written in (estimated from
        # the most recent year it mentions); reports of one event are written together
        # (one must be dated: two estimates from mentioned years alone are too loose, an
        # article often recalls earlier years)
        sa, sb = a.year_span(), b.year_span()
        if sa is not None and sb is not None and (a.published is not None or b.published is not None):
            gap = max(0, sb[0] - sa[1], sa[0] - sb[1])
            if gap >= YEARS_APART:
                total -= P_YEARS_APART * min(1.0, gap / (2.0 * YEARS_APART))
                reasons.append(f"written years apart: {_show_span(sa)} vs {_show_span(sb)}")

    # the years each refers to
    if (W_YEARS or P_YEARS) and (a.published is None or b.published is None) and a.year_weights and b.year_weights:
        yc = year_cosine(a.year_weights, b.year_weights)
        loose = year_cosine(a.year_weights, b.year_weights, YEAR_NEAR)
        conf = min(1.0, min(sum(a.year_weights.values()), sum(b.year_weights.values())) / YEAR_MASS)
        total += conf * (W_YEARS * yc - P_YEARS * (1.0 - loose))
        if loose < 0.5:
            reasons.append(f"refer to other years: {_top_years(a.year_weights)} vs {_top_years(b.year_weights)}")
        else:
            reasons.append(f"years referred to agree ({yc:.2f})")

    # keywords
    if vectors is not None:
        va = vectors.get(a.doc_id) or keyword_vector(a, stats)
        vb = vectors.get(b.doc_id) or keyword_vector(b, stats)
    else:
        va, vb = keyword_vector(a, stats), keyword_vector(b, stats)
    cos = cosine(va, vb)
    total += W_KEYWORDS * cos
    reasons.append(f"keyword cosine {cos:.2f}")

    return PairScore(a.doc_id, b.doc_id, max(0.0, min(1.0, total)), reasons, incompatible)
