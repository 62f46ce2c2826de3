"""Numeric claims: the figures a news article states, with their structure.

The component runs last. For every sentence it finds the tokens that hold a number
(digits, number words, proportions in words), drops those that are dates, clock times,
fiscal years, identifiers, ordinals or parts of names, and grows each remaining number
into the minimal span that states the figure: bound and hedge words before it
("more than", "an estimated"), a currency sign, a range ("680,000-830,000",
"between 5 and 10"), the unit after it ("per cent", "km/h", "Australian dollars").
The span's text is read by the pure parser in :mod:`extractors.normalize.numbers`
(cached by text) and the unit by :mod:`extractors.normalize.units`; the parse tree
gives what a count counts ("2,087 people ..."). Dates of the same sentence
(``doc._.dates_data``), quotes and reporting verbs give the time and the source.

Each claim is a :class:`extractors.records.Claim` in ``doc._.claims_data`` and a span
labelled ``CLAIM`` in ``doc.spans["claims"]``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence, Tuple

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from .. import extensions
from ..normalize import numbers as N
from ..normalize import units as U
from ..normalize.timex import WEEKDAYS
from ..records import Claim
from .quotes import RECIPIENT_CUES
from .sentences import sent_of, sentence_before, text_of

# --------------------------------------------------------------------------- word lists

NUMBER_WORDS = set(N.UNITS) | set(N.TENS) | set(N.SCALES) | set(N.DOZEN) | set(N.VAGUE)
NUMBER_WORDS -= {"nil", "zero", "gross", "scores"}
FRACTION_WORDS = set(N.FRACTIONS)
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
}
CLOCK_WORDS = {"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "bst", "utc", "et", "est",
               "edt", "pt", "pst", "pdt", "cet", "cest", "ct", "cdt", "aest", "hrs", "o'clock"}
#: words that may follow a stated age ("will be 35 by then", "turned 40 last week"), not a score ("3 under par")
_AFTER_AGE = {"by", "in", "on", "at", "last", "next", "this", "when", "and", "but", "today", "tomorrow", "yesterday"}
#: forms of "be" (the pipeline runs no lemmatizer)
_BE = {"be", "is", "am", "are", "was", "were", "been", "being"}
#: copulas before a complement ("are now one continuum")
_COPULAS = _BE | {"become", "became", "becomes", "'s", "\u2019s", "'re"}
#: verbs that state a person's age: "he will be 35", "she turned 40"
_BE_TURN = _BE | {"turn", "turns", "turned", "turning"}
#: "year-on-year", "month on month", "quarter-on-quarter"
_PERIOD_ON_PERIOD = {"year", "month", "week", "quarter", "day"}
#: second halves of number compounds that describe rather than count ("two-way", "one-off")
_NOT_COUNTED_COMPOUNDS = {"way", "off", "tier", "horse", "sided", "stop", "liner", "party", "seater", "track",
                          "nil", "all", "love", "up", "to", "on", "time"}
#: words of a result next to a scoreline ("a 2-0 lead", "lost 17-28", "voted 48-52")
_SCORE_NOUNS = {"lead", "win", "victory", "defeat", "loss", "draw", "scoreline", "score", "thrashing",
                "drubbing", "home", "away", "aggregate", "vote", "votes", "verdict", "decision", "majority",
                "margin", "split", "ruling", "count", "tally"}
_SCORE_VERBS = {"beat", "beats", "beaten", "beating", "won", "win", "wins", "winning", "lost", "lose", "loses",
                "losing", "drew", "draw", "draws", "drawn", "defeated", "trailed", "trailing", "led", "leading",
                "thrashed", "edged", "routed", "voted", "vote", "votes", "passed", "rejected", "approved",
                "ruled", "score", "scored", "finished", "ended"}
#: capitalised words before a number that make it an identifier ("Section 427")
ID_WORDS = {
    "section", "row", "room", "no", "no.", "number", "flight", "route", "channel", "chapter",
    "article", "category", "level", "stage", "phase", "page", "episode", "season", "series",
    "model", "version", "gate", "platform", "terminal", "unit", "apartment", "suite",
    "highway", "interstate", "paragraph", "clause", "rule", "grade", "class", "tier", "type",
    "mark", "mk", "covid", "covid-19", "act", "bill", "part", "schedule", "figure", "table",
    "appendix", "box", "lot", "block", "floor", "door", "bus", "line", "track", "vol",
    "volume", "issue", "year", "week", "day", "game", "round", "match", "step", "band",
    "size", "#", "top",
}
ID_WORDS_LOWER = {"section", "row", "room", "no", "number", "flight", "route", "channel", "chapter",
                  "article", "category", "level", "stage", "phase", "page", "episode", "version",
                  "model", "gate", "platform", "terminal", "grade", "class", "tier", "type", "mark",
                  "covid", "paragraph", "clause", "appendix", "size"}
STREET_WORDS = {"road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "drive", "dr",
                "way", "boulevard", "blvd", "place", "square", "court", "crescent", "close",
                "terrace", "parkway", "highway"}
DURATION_WORDS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                  "week", "weeks", "fortnight", "fortnights", "month", "months", "year",
                  "years", "decade", "decades", "century", "centuries", "year-old",
                  "years-old", "month-old", "week-old", "day-old", "night", "nights"}
REPORTING = {
    "say", "said", "says", "saying", "estimate", "estimates", "estimated", "show", "shows",
    "showed", "shown", "report", "reports", "reported", "found", "find", "finds", "reveal",
    "reveals", "revealed", "suggest", "suggests", "suggested", "claim", "claims", "claimed",
    "tell", "told", "tells", "warn", "warned", "warns", "announce", "announced",
    "announces", "state", "stated", "states", "note", "noted", "notes", "add", "added",
    "adds", "confirm", "confirmed", "confirms", "indicate", "indicates", "indicated",
    "calculate", "calculated", "calculates", "forecast", "forecasts", "predict",
    "predicted", "predicts", "project", "projected", "projects", "expect", "expects",
    "believe", "believes", "believed", "put", "puts", "count", "counted", "counts",
    "record", "recorded", "records", "publish", "published", "explain", "explained",
    "disclose", "discloses", "disclosed", "disclosing", "revealing", "warning", "showing",
    "estimating", "reporting", "claiming", "suggesting", "confirming", "announcing", "adding",
}
#: reporting verbs whose object is not what they report ("migration added 190,333 people")
_ADD_VERBS = {"add", "added", "adds", "adding"}
#: subjects of a reporting verb that name no one ("the figures showed")
GENERIC_SOURCES = {"figures", "figure", "data", "statistics", "stats", "numbers", "it", "this", "that",
                   "they", "which", "who", "results", "research", "analysis", "estimates", "totals",
                   "speculation", "rumours", "rumors", "talk", "evidence", "experience", "history"}
#: words that make a span a date or time whatever its numbers
DATE_WORDS = MONTHS | CLOCK_WORDS | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "year", "years",
    "month", "months", "week", "weeks", "day", "days", "quarter", "season", "century", "decade",
    "morning", "afternoon", "evening", "night", "today", "yesterday", "tomorrow", "spring",
    "summer", "autumn", "winter", "fiscal", "fy", "q1", "q2", "q3", "q4", "h1", "h2", "noon", "midnight",
}
MONEY_WORDS = {"sterling", "paid", "pay", "pays", "cost", "costs", "costing", "worth", "price", "prices",
               "priced", "fine", "fined", "fee", "fees", "salary", "wage", "wages", "spend", "spent",
               "earn", "earned", "earns", "raise", "raised", "bought", "sold", "sell", "buy", "budget",
               "fund", "funding", "loan", "debt", "tax", "profit", "revenue", "pension", "bill",
               "charge", "charged", "award", "compensation", "donated", "invest", "invested", "bonus"}
NAME_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "NORP", "GPE", "LOC"}
DET_SKIP = {"the", "a", "an", "these", "those", "this", "that", "his", "her", "its", "their",
            "our", "my", "your", "all", "some"}


#: between the two figures of "from X to Y" / "to Y from X"
_TO_GAP = re.compile(r"^[^0-9.;:]{0,40}?\bto\s+$")
_TO_GAP_BARE = re.compile(r"^\s*to\s+$")
_FROM_GAP = re.compile(r"^[^0-9;:]{0,40}?\bfrom\s+$")


_LENGTHS = {"metre", "kilometre", "centimetre", "millimetre", "foot", "inch", "yard", "mile"}
# Standard running and swimming distances in metres ("the 800m", "the 4x100m").
_APOS_S = {"'s", "\u2019s"}
_SCORE_TOKEN = re.compile(r"\d{1,3}[-\u2013]\d{1,3}")


def _glued_pair(doc: Doc, sent: Span, k: int) -> bool:
    """Two whole numbers written as three glued tokens from ``k``: "3", "-", "6"."""
    return k + 2 < sent.end and doc[k].text.isdecimal() and doc[k + 1].text in ("-", "\u2013") \
        and doc[k + 2].text.isdecimal() and not doc[k].whitespace_ and not doc[k + 1].whitespace_


def _score_at(doc: Doc, sent: Span, k: int) -> bool:
    """Does a pair of whole numbers ("7-6", one token or three) start at token ``k``?"""
    return k < sent.end and (bool(_SCORE_TOKEN.fullmatch(doc[k].text)) or _glued_pair(doc, sent, k))
_RELAY = re.compile(r"\d+x\d+m?")
_RACE_DISTANCES = {"50", "60", "100", "110", "200", "400", "800", "1000", "1500", "3000", "5000", "10000"}


@lru_cache(maxsize=None)
def _metre_words() -> frozenset:
    """Words after "<number>m" that make it metres ("tall", "sprint"), from
    ``extractors/data/metre_words.txt``."""
    from ..data import load_lines

    return frozenset(w.lower() for w in load_lines("metre_words.txt"))


@lru_cache(maxsize=None)
def _dimension_nouns() -> frozenset:
    """Nouns of a length before "<number>m" that make it metres ("a depth of 30m"), from
    ``extractors/data/dimension_nouns.txt``."""
    from ..data import load_lines

    return frozenset(w.lower() for w in load_lines("dimension_nouns.txt"))


@lru_cache(maxsize=None)
def _penal_words() -> frozenset:
    """Words that make a length of time a penalty ("prison", "sentenced"), from
    ``extractors/data/penal_words.txt``."""
    from ..data import load_lines

    return frozenset(w.lower() for w in load_lines("penal_words.txt"))



def _text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins every token on each access)."""
    return text_of(doc)


#: multiplier words and their factors
_MULTIPLIERS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
#: words after a multiplier that make it a frequency ("twice a week", "twice yearly")
_FREQUENCY_AFTER = {"a", "an", "per", "each", "every", "daily", "weekly", "monthly", "yearly", "annually", "over"}
#: words before "double"/"triple" that make it a figure ("more than double", "nearly treble")
_MULTIPLIER_LEADS = {"than", "nearly", "almost", "about", "around", "roughly", "over", "some", "approximately"}
#: words after them that make it a figure ("double the level", "triple its 2019 total")
_MULTIPLIER_OBJECTS = {"the", "its", "their", "his", "her", "our", "that", "what", "this", "those"}


def _lex_kind(tok: Token) -> int:
    """0: not a number; 1: holds digits; 2: a number word; 3: a fraction word; 4: a
    multiplier word ("twice", "double")."""
    low = tok.lower_
    if low in FRACTION_WORDS:
        return 3
    if low in _MULTIPLIERS:
        return 4
    if tok.like_num:
        if tok.is_alpha and low not in NUMBER_WORDS:
            return 0  # ordinal words ("third-round", "second"): spaCy calls them like_num
        return 2 if tok.is_alpha else 1
    t = tok.text
    for c in t:
        if c.isdecimal():
            return 1
    if low in NUMBER_WORDS:
        return 2
    if len(low) > 2 and low.endswith("-") and low[:-1] in NUMBER_WORDS and low[:-1] not in N.SCALES:
        return 2  # the first of a suspended compound: "four-, five- and six-cylinder"
    return 0


# --------------------------------------------------------------------------- factory


@Language.factory(
    "claims",
    assigns=["doc._.claims_data", "doc.spans"],
    requires=["token.dep", "token.tag", "doc.ents", "doc.sents"],
    default_config={"span_key": "claims", "use_quantulum": False, "keep_one": True, "keep_periods": True},
)
def make_claims(nlp: Language, name: str, *, span_key: str, use_quantulum: bool, keep_one: bool,
                keep_periods: bool = True) -> "ClaimFinder":
    """Find numeric claims. ``use_quantulum``: ask quantulum3 about unit tokens our tables
    do not know (cached per token text). ``keep_one``: keep "one" when it counts a noun
    ("one solution"); the pronoun "one" is never a claim. ``keep_periods``: keep a stated
    length of time that is not a penalty ("for two months", "in more than four years") as
    a claim of kind ``period`` (it is also a DURATION time expression); prison terms are
    always claims (kind ``duration``)."""
    return ClaimFinder(nlp, name, span_key=span_key, use_quantulum=use_quantulum, keep_one=keep_one,
                       keep_periods=keep_periods)


class ClaimFinder(Pipe):
    def __init__(self, nlp: Language, name: str = "claims", *, span_key: str = "claims",
                 use_quantulum: bool = False, keep_one: bool = True, keep_periods: bool = True):
        self.name = name
        self.span_key = span_key
        self.use_quantulum = use_quantulum
        self.keep_one = keep_one
        self.keep_periods = keep_periods
        self._kinds: Dict[int, int] = {}  # lexeme orth -> _lex_kind, filled as docs arrive
        self._ctx: Optional["_Context"] = None  # the doc being read
        extensions.register()

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        ctx = _Context(doc)
        self._ctx = ctx
        claims: List[Claim] = []
        spans: List[Span] = []
        kinds = self._kinds
        orths = doc.to_array(ORTH).tolist()  # (no Token object for the words that are no number)
        for sent in doc.sents:
            i = sent.start
            while i < sent.end:
                k = kinds.get(orths[i])
                if k is None:
                    k = kinds[orths[i]] = _lex_kind(doc[i])
                if not k:
                    i += 1
                    continue
                found = self._claim_at(doc, sent, i, k, ctx)
                if found is None:
                    i += 1
                    continue
                claim, start, end = found
                if claim is not None and self._keep(doc, sent, start, end, claim):
                    claim.id = f"C{len(claims) + 1}"
                    claims.append(claim)
                    spans.append(Span(doc, start, end, label="CLAIM"))
                    ctx.claims.append((claim, start, end))
                i = max(end, i + 1)
        self._changes_between(doc, claims, spans)
        first_line = _text(doc).find("\n")
        _same_figure_units(claims, first_line if first_line >= 0 else 0)
        extensions.set_records(doc, "claims", claims)
        doc.spans[self.span_key] = spans
        self._ctx = None
        return doc

    # ------------------------------------------------------------------ after the scan
    def _keep(self, doc: Doc, sent: Span, start: int, end: int, claim: Claim) -> bool:
        """Drop what is not a claim once its span and unit are known: a bare number alone on
        its line (a page number, list marker or headline fragment) and a length of time that
        is not a penalty ("highest in 41 years", "for two months", "every 10 years" are time
        expressions; "up to 10 years in prison" is a claim)."""
        text = _text(doc)
        if all(c.isdecimal() or c in ",." for c in claim.text):
            ls = text.rfind("\n", 0, claim.start) + 1
            le = text.find("\n", claim.end)
            line = text[ls: le if le >= 0 else len(text)].strip(" \t\r.,;:-–—|*#•()[]")
            if line == claim.text:
                return False
        if claim.kind == "count" and claim.surface_unit is None and start > sent.start \
                and doc[start - 1].lower_ in ("top", "bottom") and start + 1 == end:
            return False  # "in the top 10", "slipped into the bottom three": a rank, not a count
        if claim.kind == "count" and claim.text[:4].lower() == "sub-":
            return False  # "the sub-20 squad": an age group; "sub-" bounds a measure ("sub-7 nanometre")
        if claim.kind == "duration" and not self._penal(doc, sent, start, end):
            if not self.keep_periods or not self._stated_period(doc, start, end, claim):
                return False
            claim.kind = "period"
        return True

    def _stated_period(self, doc: Doc, start: int, end: int, claim: Claim) -> bool:
        """A length of time stated as a quantity: inside a DURATION or SET time expression
        ("for two months", "every 10 years", "highest in 41 years"), not an adjective ("a
        five-year plan", "a 41-year high") and not an offset to a point in time ("two months
        later", "two years after the tip-off")."""
        if "-" in claim.text or (end < len(doc) and doc[end].text in ("-", "–")) \
                or (start < end and doc[end - 1].tag_ == "JJ"):
            return False
        if end < len(doc) and doc[end].lower_ in ("after", "before", "later", "earlier", "ago"):
            return False  # an offset to a point in time: "more than two years after the tip-off"
        if start > 0 and doc[start - 1].lower_ in ("first", "last", "final", "opening", "closing") \
                and end < len(doc) and doc[end].lower_ == "of":
            return False  # a part of the calendar: "the final three months of 2023"
        ctx = self._ctx
        if ctx is None:
            return False
        for d in ctx.dates:
            ds, de = d.get("start"), d.get("end")
            if ds is None or de is None or not (ds < claim.end and claim.start < de):
                continue
            return d.get("type") in ("DURATION", "SET") and "-" not in (d.get("text") or "")
        return False

    def _penal(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        """Is the length of time ``doc[start:end]`` a prison term or sentence ("up to 10 years
        in prison", "jailed for 20 months", "a suspended sentence of 20 months")?"""
        words = _penal_words()
        for k in range(end, min(sent.end, end + 3)):
            if doc[k].lower_ in words:
                return True
            if doc[k].lower_ not in ("in", "behind", "'", "'s", "of", "the", "a", "an", "custodial"):
                break
        if any(t.lower_ in words for t in doc[max(sent.start, start - 5): start]):
            return True  # "sent to prison for up to 10 years", "jailed for 20 months"
        before = doc[max(sent.start, start - 5): start]
        if any(t.lower_ == "term" and t.i > 0 and doc[t.i - 1].lower_ == "minimum" for t in before):
            return True  # "a minimum term of 42 years": the least time a life sentence is served
        if any(t.lower_ in ("serve", "serving", "served") for t in doc[max(sent.start, start - 3): start]) \
                and "-" not in doc[start:end].text and not (end < len(doc) and doc[end].text in ("-", "–")):
            return True  # "must serve at least 42 years" (not "will serve a five-year term")
        head = doc[end - 1]
        for _ in range(4):
            if head.lower_ in words and not (start <= head.i < end):
                return True
            if head.head.i == head.i:
                break
            head = head.head
        return False

    def _changes_between(self, doc: Doc, claims: List[Claim], spans: List[Span]) -> None:
        """A change between two figures ("from 5% to 5.25%", "to 5.25% from 5%") is two
        claims: the old value keeps its own label and the new value says which way it went."""
        text = _text(doc)
        for k in range(len(claims) - 1):
            a, b = claims[k], claims[k + 1]
            if a.sentence_start != b.sentence_start or a.value is None or b.value is None:
                continue
            if a.low is not None and a.high is not None or b.low is not None and b.high is not None:
                continue
            before_a = text[max(0, a.start - 6): a.start].lower()
            gap = text[a.end: b.start].lower()
            old = new = None
            if before_a.endswith("from ") and _TO_GAP.match(gap) and self._from_is_change(doc, spans[k].start - 1):
                old, new = a, b
            elif before_a.endswith("to ") and _FROM_GAP.match(gap):
                old, new = b, a
            if old is None or new is None:
                continue
            if old is a and old.unit is None and new.unit is not None and _TO_GAP_BARE.match(gap) \
                    and all(c.isdecimal() or c in ",." for c in old.text):
                # "from 4.8 to 4.7 percent", "from 24.2 to 33 billion euros": the old value is
                # written bare and takes the unit (and scale) written after the new one
                scale = next((N.SCALES[w] for w in new.text.lower().split() if w in N.SCALES), None)
                if scale and old.value < 1000 and old.value * scale <= new.value * 100:
                    old.value *= scale
                old.unit, old.kind, old.surface_unit = new.unit, new.kind, new.surface_unit
            if old.unit != new.unit and new.unit is not None:
                continue
            if new.value > old.value:
                new.change = "up"
            elif new.value < old.value:
                new.change = "down"
            if old.change in ("up", "down"):
                old.change = "~" if old.approximate else "="

    def _from_is_change(self, doc: Doc, k: int) -> bool:
        """Is the "from" at token ``k`` the start of a change ("raised ... from 5% to 5.25%",
        "jumped from 240 to 273") rather than of a span of values ("ranging from $200 to
        $4 million", "homes from $750,000 to $1 million")?"""
        if k < 0 or doc[k].lower_ != "from":
            return False
        sent = sent_of(doc, k)
        cands = [doc[k].head, doc[k].head.head] + list(doc[max(sent.start, k - 6): k])
        change = N.UP_WORDS | N.DOWN_WORDS | N.CHANGE_WORDS
        if any(t.lower_ in N.RANGE_WORDS for t in cands):
            return False
        return any(t.lower_ in change and t.text not in ("+", "-") for t in cands)

    # ------------------------------------------------------------------ one claim
    def _claim_at(self, doc: Doc, sent: Span, i: int, kind: int, ctx: "_Context"):
        """(claim or None, start token, end token) for the number at token ``i``, or None
        to move on by one token."""
        tok = doc[i]
        low = tok.lower_
        if kind == 3:
            return self._proportion_word(doc, sent, i, ctx)
        if kind == 4:
            return self._multiplier(doc, sent, i, ctx)
        if kind == 2 and low == "one" and not self._one_counts(doc, i):
            return None
        if kind == 2 and low in N.SCALES and not (i > sent.start and doc[i - 1].lower_ in ("a", "an")):
            return None  # a scale word on its own ("million") continues a number, never starts one
        if kind == 2 and (low in N.SCALES or low in N.DOZEN) and i > sent.start and doc[i - 1].lower_ in ("a", "an"):
            i -= 1  # "a million", "a dozen": the article is the number one
        if kind == 2 and low in N.DOZEN and i > sent.start and doc[i - 1].tag_ == "POS":
            return None  # "a baker's dozen"
        if kind == 2 and i + 1 < sent.end and (doc[i + 1].lower_ in FRACTION_WORDS or (
                doc[i + 1].text == "-" and i + 2 < sent.end and doc[i + 2].lower_ in FRACTION_WORDS)):
            return None  # "two-thirds": the fraction word reads it
        if kind == 2 and i > sent.start and doc[i - 1].lower_ in ("number", "no", "no."):
            return None  # "fell to number four": a rank
        if i + 2 < sent.end and doc[i + 1].text == "-" and not tok.whitespace_ and not doc[i + 1].whitespace_ \
                and doc[i + 2].lower_ in _NOT_COUNTED_COMPOUNDS and (kind == 2 or tok.text.isdecimal()):
            return None  # "two-way trade", "a one-off payment", "a three-horse race": an adjective, not a count
        if kind == 2 and tok.text[:1].isupper() and i > sent.start and tok.ent_type_ in NAME_LABELS \
                and not doc[i - 1].is_punct and tok.ent_iob_ != "B":
            return None  # "Three Lions", "Catch Twenty"
        if kind == 1:
            skip = self._not_a_figure(doc, sent, i, ctx)
            if skip:
                return (None, i, skip) if skip > i else None
        # the number run
        j = self._number_run_end(doc, sent, i)
        # second number of a range
        start = self._left_edge(doc, sent, i)
        end = j
        end = self._percent_end(doc, sent, end)
        range_end = self._range_end(doc, sent, start, end)
        if range_end:
            end = self._percent_end(doc, sent, range_end)
        elif doc[start].lower_ in ("between", "from"):
            start += 1
        # proportions "eight in 10", "one out of five"
        prop_end = self._x_in_y_end(doc, sent, i, j)
        if prop_end:
            end = prop_end
        unit_end, unit, surface = self._unit(doc, sent, start, end)
        if unit_end > end:
            end = unit_end
        end = self._trailing_bound_end(doc, sent, end)
        while end - 1 > start and doc[end - 1].is_space:
            end -= 1  # a span never ends on a line break ("41 years\n\n")
        if self._street_after(doc, sent, end):
            return None, start, end  # "16-18 Industrial Avenue": an address
        if end + 2 < sent.end and doc[end].text in ("-", "–") and doc[end + 1].text.isdecimal() \
                and self._street_after(doc, sent, end + 2):
            return None, start, end + 2  # the second number of "16-18" was taken for a street number
        text = _text(doc)[doc[start].idx: doc[end - 1].idx + len(doc[end - 1].text)]
        parse_text = text
        for t in doc[i + 1: j]:
            if t.text == "m" and t.idx == doc[t.i - 1].idx + len(doc[t.i - 1].text):
                # "3m people": the number run took the "m" as millions (see _number_run_end)
                k = t.idx - doc[start].idx
                parse_text = text[:k] + "mn" + text[k + 1:]
        parsed = N.parse_phrase(parse_text)
        if parsed is None:
            # glued tokens the phrase reader does not know ("10kW", "~25", "5G")
            parsed = self._glued(doc, i, end)
            if parsed is None:
                return None
        return self._make(doc, sent, start, end, i, j, parsed, unit, surface, ctx), start, end

    def _multiplier(self, doc: Doc, sent: Span, i: int, ctx: "_Context"):
        """"more than twice the $19.3bn it earned", "nearly double its 2021 figure", "twice as
        high": a claim of so many times; not a frequency ("twice a week"), a compound
        ("double-digit"), a verb ("plans to double the fleet") or a noun ("a double bed")."""
        tok = doc[i]
        value = _MULTIPLIERS[tok.lower_]
        nxt = doc[i + 1] if i + 1 < sent.end else None
        if nxt is not None and (nxt.lower_ in _FREQUENCY_AFTER or nxt.text in ("-", "\u2013")):
            return None
        led = i > sent.start and doc[i - 1].lower_ in _MULTIPLIER_LEADS
        objects = _MULTIPLIER_OBJECTS | ({"as"} if tok.lower_ == "twice" else set())
        if tok.tag_.startswith("VB") or not (led or nxt is not None and nxt.lower_ in objects):
            return None  # ("think twice", "won the title twice": no figure)
        start = self._left_edge(doc, sent, i)
        parsed = N.parse_phrase(_text(doc)[doc[start].idx: tok.idx] + f"{value:g} times")
        if parsed is None:
            return None
        return self._build(doc, sent, start, i + 1, parsed, "times", None, None, ctx), start, i + 1

    # ------------------------------------------------------------------ filters
    def _one_counts(self, doc: Doc, i: int) -> bool:
        """Is this "one" a count ("one solution", "one of the best speakers")?"""
        if not self.keep_one:
            return False
        tok = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.lower_ in ("no", "each", "every", "any", "the", "this",
                                                "that", "which", "another", "some", "someone",
                                                "anyone", "everyone", "at"):
            return False
        if nxt is not None and nxt.lower_ in ("another", "by", "day", "time", "way"):
            return False
        if nxt is not None and nxt.lower_ in ("in", "out"):
            return True
        if i >= 3 and prev is not None and prev.lower_ == "to" and doc[i - 2].lower_ in ("votes", "vote") \
                and doc[i - 3].like_num:
            return True  # a tally: "by eight votes to one"
        if nxt is not None and nxt.is_alpha and len(nxt.text) > 2 and nxt.is_lower:
            # "one mile", "one kilogram", "is one year old": one of a unit of measure or an age
            two = U.normalize_unit(f"{nxt.text} {doc[i + 2].text}") if i + 2 < len(doc) else None
            if U.unit_kind(U.normalize_unit(nxt.text)) == "quantity" and nxt.lower_ != "point" \
                    or (two or "").endswith(" of age"):  # ("made one point": not a unit)
                return True
        if tok.dep_ in ("nsubj", "nsubjpass") and self._ctx is not None:
            # "Two backed a larger increase, while one voted to keep rates on hold": "one" in a
            # series of bare counts of the same thing
            for c, _, _ in self._ctx.claims:
                bare = all(ch.isdecimal() or ch in ",." for ch in c.text) or c.text.lower() in N.UNITS
                if c.sentence_start == sent_of(doc, tok.i).start_char and c.kind == "count" and c.unit and bare:
                    return True
        if nxt is not None and nxt.lower_ == "of" and i + 2 < len(doc) and doc[i + 2].lower_ in DET_SKIP | {"its"}:
            return True
        if nxt is not None and nxt.lower_ == "of" and i + 3 < len(doc) and doc[i + 3].tag_ == "POS":
            return True  # "one of Britain's biggest banks"
        if tok.head.tag_ == "NN" and (tok.head.dep_ in ("attr", "oprd", "acomp") or self._after_copula(doc, i)):
            # "one" on a singular complement says unity, not a count: "the two had become
            # one continuum", "it's all one world", 'are now "one continuum"' (whatever the parse)
            return False
        return tok.dep_ == "nummod" and tok.head.tag_.startswith("NN") and tok.head.i > i

    @staticmethod
    def _after_copula(doc: Doc, i: int) -> bool:
        """Does a form of "be"/"become" come right before token ``i``, past adverbs and quote marks?"""
        k = i - 1
        while k >= 0 and i - k <= 4 and (doc[k].is_quote or doc[k].tag_ in ("RB", "PDT") or doc[k].lower_ == "all"):
            k -= 1
        # "there is one solution" counts; "they are one continuum" does not
        return k >= 0 and doc[k].lower_ in _COPULAS and not (k > 0 and doc[k - 1].lower_ == "there")

    @staticmethod
    def _past_id(doc: Doc, sent: Span, i: int) -> int:
        """The token after an identifier at ``i`` and its glued continuation ("737-800")."""
        if i + 2 < sent.end and doc[i + 1].text == "-" and doc[i].whitespace_ == "" and doc[i + 1].whitespace_ == "" \
                and doc[i + 2].text[:1].isdecimal():
            return i + 3
        return i + 1

    @staticmethod
    def _scoreline(doc: Doc, sent: Span, i: int, st: "N.NumToken") -> int:
        """The token after a score or vote tally starting at ``i`` ("28-17", "28 - 17"), or 0
        when it is not one. Two whole numbers joined by a dash with no space, written high to
        low (or equal), or next to a word of winning, losing or voting: a range is written low
        to high, a result is not a range."""
        if st.prefix or st.percent or st.scaled:
            return 0
        if st.value2 is not None and not st.suffix:
            a, b, end = st.value, st.value2, i + 1
        elif not st.suffix and st.value2 is None and _glued_pair(doc, sent, i):
            a, b, end = st.value, float(doc[i + 2].text), i + 3
        else:
            return 0
        if a != int(a) or b != int(b) or a > 999 or b > 999 or any(c in doc[i].text for c in ",."):
            return 0
        nxt = doc[end] if end < sent.end else None
        if nxt is not None and nxt.lower_ in _SCORE_NOUNS:
            return end
        # a run of set scores: "3-6 7-6 (7-3) 6-1", or a tie-break after its set: "4-6 (3-7)"
        if _score_at(doc, sent, end) or (nxt is not None and nxt.text == "(" and _score_at(doc, sent, end + 1)):
            return end
        k = i - 1
        if k > sent.start and doc[k].text in ("(", ")"):
            k -= 1
        if k >= sent.start and (_SCORE_TOKEN.fullmatch(doc[k].text) or k - 2 >= sent.start and _glued_pair(doc, sent, k - 2)):
            return end
        if nxt is not None and (nxt.lower_ in ("%", "percent", "per", "pc")
                                or not nxt.is_stop and U.normalize_unit(nxt.text) is not None):
            return 0
        if a >= b:
            return end
        window = doc[max(sent.start, i - 4): i]
        return end if any(t.lower_ in _SCORE_VERBS or t.lower_ in _SCORE_NOUNS for t in window) else 0

    def _not_a_figure(self, doc: Doc, sent: Span, i: int, ctx: "_Context") -> int:
        """0 when token ``i`` may state a figure; else the token index to resume from
        (``i`` itself to skip just this token)."""
        tok = doc[i]
        text = tok.text
        nxt = doc[i + 1] if i + 1 < sent.end else None
        prev = doc[i - 1] if i > sent.start else None
        nlow = nxt.lower_ if nxt is not None else ""
        # clock times: "12:30", "12pm", "10.45pm", "5 a.m."
        if ":" in text and any(c.isdecimal() for c in text.split(":")[-1]):
            return i + 1
        low = text.lower()
        if low.endswith(("am", "pm", "a.m.", "p.m.")) and low[0].isdecimal():
            return i + 1
        if nlow in CLOCK_WORDS:
            return i + 2
        st = N.split_token(text)
        if st is None:
            return i + 1
        # a relay named by its legs: "4x100m", "4x400m" (mobile generations, "5G", stay: NewsQuant
        # annotates them as quantities)
        if _RELAY.fullmatch(low):
            return i + 1
        # decades written with an apostrophe: "the 80's", "1960's"
        if nxt is not None and nxt.text in _APOS_S and text.isdecimal() and text.endswith("0") and (
                len(text) == 2 or len(text) == 4 and 1000 <= int(text) <= 2100):
            return i + 2
        # a letter glued before the digits: a model, road or code ("A320", "M25", "B52", "G7");
        # currencies written so ("Rs500", "R500") keep their figure
        if st.prefix and 1 <= len(st.prefix.rstrip("-")) <= 2 and st.prefix.rstrip("-").isalpha() \
                and st.prefix.rstrip("-").isupper() and U.currency_code(st.prefix) is None and st.prefix != "R" \
                and not (prev is not None and prev.whitespace_ == "" and prev.text in ("$", "£", "€", "¥")):
            return i + 1
        # scorelines and tallies: "beat England 28-17", "a 2-0 lead", "passed 52-48"; a
        # range is written low to high, a result is not a range
        k = self._scoreline(doc, sent, i, st)
        if k:
            return k
        # a number inside an organisation's name: "Four Seasons", "Group of 20"
        if any(s <= tok.idx < e for s, e in ctx.org_names):
            return i + 1
        # a number already seen as an identifier after a name: "Boeing 737-800" ... "the 737-800"
        if text in ctx.ids:
            return self._past_id(doc, sent, i)
        # ordinals "21st", "96th-minute"; decades "1990s"
        suf = st.suffix.lower()
        if suf[:2] in ("st", "nd", "rd", "th") and suf not in ("st", "stone") or suf == "s" and not st.prefix:
            if not (suf.startswith("st") and len(suf) > 2):
                return i + 1
        # identifiers glued to letters: "COVID-19", "TA-35", "M21", "A2"
        if st.prefix:
            pre = st.prefix.lower()
            if not (U.currency_code(st.prefix) or pre in U.DOLLAR_QUALIFIERS or "$" in pre
                    or U.currency_code(pre.rstrip("=")) or pre in ("~", "≈")
                    or pre == "sub" and text[3:4] == "-"):  # "sub-7 nanometre chips": below 7
                return i + 1
        if st.suffix and not st.scaled and not st.percent and st.suffix != "-":
            s = st.suffix.strip("-.")
            if s and U.normalize_unit(s) is None and U.currency_code(s) is None \
                    and s.lower() not in N.SCALE_ABBREVIATIONS and not (self.use_quantulum and U.quantulum_unit(f"{text}")):
                return i + 1
        # phone numbers and codes: leading zero, three or more bare digit groups
        if len(text) >= 3 and text[0] == "0" and text.isdecimal():
            k = i + 1
            while k < sent.end and doc[k].text.replace("-", "").isdecimal():
                k += 1
            return k
        if text.isdecimal() and nxt is not None and nxt.text.isdecimal() and i + 2 < sent.end \
                and doc[i + 2].text.isdecimal() and not nxt.whitespace_ == "":
            return i + 3
        # years and fiscal years: "2022", "2016/17", "2016-17"
        if text.isdecimal() and len(text) == 4 and 1800 <= int(text) <= 2100:
            money_before = prev is not None and (U.currency_code(prev.text) is not None or prev.text in ("$", "£", "€"))
            unit_after = nxt is not None and (nlow in ("%", "percent") or (U.normalize_unit(nxt.text) is not None and nlow not in ("a", "in", "s", "h", "t", "m", "b"))
                                              or self._unit(doc, sent, i, i + 1)[1] is not None and nlow not in ("a", "in"))
            if not money_before and not unit_after:
                if nxt is not None and nlow in ("-", "/", "–", "to") and i + 2 < sent.end and doc[i + 2].text.isdecimal() \
                        and len(doc[i + 2].text) in (2, 4) and nlow != "to":
                    return i + 3
                return i + 1
        if "/" in text and N.parse_fraction_digits(text) is None:
            return i + 1
        # day of month next to a month name: "13 December", "September 8"
        if text.isdecimal() and int(text) <= 31:
            dnext = doc[i + 1] if i + 1 < len(doc) else None  # a headline can end the sentence mid-date
            if nlow in MONTHS or (prev is not None and prev.lower_ in MONTHS) \
                    or (dnext is not None and dnext.lower_ in MONTHS and dnext.text[:1].isupper()) \
                    or (nlow == "of" and i + 2 < sent.end and doc[i + 2].lower_ in MONTHS):
                return i + 1
        # inside a date or time expression (not a duration): the dates component's spans
        money = bool(st.prefix) and ("$" in st.prefix or U.currency_code(st.prefix) is not None) or (
            prev is not None and prev.text in ("$", "£", "€", "¥", "₹", "₩", "₪"))
        if ctx.in_date(tok) and not money and not (nlow in DURATION_WORDS or nlow.rstrip("s") in DURATION_WORDS):
            return i + 1  # ("$2000" is money even when a date tagger takes it for a year)
        # identifiers: "Section 427", "Boeing 737", "S&P 500", "COVID - 19"
        if prev is not None and not prev.is_punct or (prev is not None and prev.text == "-" and prev.whitespace_ == ""):
            p = prev
            if p.text == "-" and p.whitespace_ == "" and p.i > sent.start and doc[p.i - 1].is_alpha \
                    and doc[p.i - 1].whitespace_ == "" and doc[p.i - 1].lower_ != "minus":
                return i + 1
            if p.lower_ in ID_WORDS and (p.text[:1].isupper() or p.lower_ in ID_WORDS_LOWER) or p.lower_ in ("no.", "#", "nos."):
                return i + 1
            if (p.tag_ in ("NNP", "NNPS") and any(c.isalpha() for c in p.text) and p.lower_ not in MONTHS
                    and not self._quantity_follows(doc, sent, i)
                    and not U.currency_code(p.text) and p.lower_ not in U.DOLLAR_QUALIFIERS
                    and not st.percent and nlow not in ("%", "percent", "per", "pc")
                    and not (nxt is not None and (U.normalize_unit(nxt.text) or "").startswith("percent"))):
                if len(text) >= 3 and text.isdecimal():
                    ctx.ids.add(text)
                return self._past_id(doc, sent, i)
        # "575 Wilbraham Road": a street number
        if text.isdecimal() and nxt is not None and (nxt.tag_ == "NNP" or nxt.is_title):
            for k in range(i + 1, min(sent.end, i + 4)):
                if doc[k].lower_.rstrip(".") in STREET_WORDS and doc[k].text[:1].isupper():
                    return k + 1
                if doc[k].tag_ != "NNP" and not (doc[k].tag_ == "CD" or any(c.isdecimal() for c in doc[k].text)) \
                        and doc[k].text not in ("N", "S", "E", "W", "NE", "NW", "SE", "SW"):
                    break
        # a model number before a name: "787 Dreamliner", "737 Max jets", "11 Pro" (not before
        # a maker's name: "70 Boeing planes", "12 Airbus A320 jets" count its products)
        if text.isdecimal() and nxt is not None and nxt.tag_ == "NNP" and nxt.text[:1].isupper() and nxt.is_alpha \
                and nxt.ent_type_ not in ("NORP", "GPE", "DATE", "ORG") and nlow not in MONTHS \
                and U.normalize_unit(nxt.text) is None and U.currency_code(nxt.text) is None \
                and not (prev is not None and (prev.text in ("$", "£", "€") or U.currency_code(prev.text))):
            return i + 1
        # a number inside a name: "787 Dreamliner", "3M" (the entity continues with a name word)
        if tok.ent_type_ in ("PRODUCT", "ORG", "WORK_OF_ART", "EVENT", "FAC", "LAW") and nxt is not None \
                and nxt.ent_iob_ == "I" and nxt.text[:1].isupper() and nxt.is_alpha \
                and U.normalize_unit(nxt.text) is None and U.currency_code(nxt.text) is None:
            return i + 1
        return 0

    def _street_after(self, doc: Doc, sent: Span, end: int) -> bool:
        for k in range(end, min(sent.end, end + 3)):
            t = doc[k]
            if not t.is_title:
                return False
            if t.lower_.rstrip(".") in STREET_WORDS and k > end:
                return True
        return False

    def _quantity_follows(self, doc: Doc, sent: Span, i: int) -> bool:
        """Does a scale word, unit, currency or plural noun follow the number at ``i``
        ("Israel's 9 billion shekels", "Tylenol 500mg")? Then it is not an identifier."""
        st = N.split_token(doc[i].text)
        if st is not None and (st.scaled or st.percent or (st.suffix and U.normalize_unit(st.suffix.strip("-")))):
            return True
        if i + 1 >= sent.end:
            return False
        nxt = doc[i + 1]
        nl = nxt.lower_
        if nl in N.SCALES or nl in N.SCALE_ABBREVIATIONS and nxt.whitespace_ == "" or nl in ("%", "percent", "per"):
            return True
        if nxt.tag_ in ("NNS",) and nxt.is_lower:
            return True
        u = U.normalize_unit(nxt.text)
        return bool(u) and nxt.text not in ("a", "A", "in", "s", "h", "t", "m", "b", "l") and nl not in ("point", "points", "time", "times", "year", "day", "week", "month")

    # ------------------------------------------------------------------ span growth
    def _number_run_end(self, doc: Doc, sent: Span, i: int) -> int:
        """End (exclusive) of the number that starts at ``i``: "4 hundred million",
        "twenty - five", "1.2 billion", "hundreds of thousands"."""
        j = i + 1
        if j < sent.end and doc[i].text.isdecimal() and doc[i].whitespace_ and N.mixed_fraction(doc[j].text) is not None:
            return j + 1  # a mixed number: "10 1/2 miles"
        while j < sent.end:
            t = doc[j]
            low = t.lower_
            if low in N.SCALES or low in N.DOZEN or (low in N.SCALE_ABBREVIATIONS and low not in ("m", "b") and not t.is_title):
                j += 1
            elif low.rstrip(".") in ("m", "b", "mn", "bn", "k") and t.idx == doc[j - 1].idx + len(doc[j - 1].text) and (
                    self._moneyish(doc, i) or t.text.rstrip(".") in ("M", "B", "bn", "mn", "k")
                    or (low == "m" and not self._metre_context(doc, sent, j))):
                j += 1
            elif low in N.UNITS or low in N.TENS:
                if doc[j - 1].lower_ in N.TENS or doc[j - 1].lower_ in ("-", "and") or doc[j - 1].lower_ in N.SCALES:
                    j += 1
                else:
                    break
            elif low in ("-", "and") and j + 1 < sent.end and (doc[j + 1].lower_ in N.UNITS or doc[j + 1].lower_ in N.TENS) \
                    and (doc[j - 1].lower_ in N.TENS or low == "and" and doc[j - 1].lower_ in N.SCALES):
                j += 1
            elif low == "of" and j + 1 < sent.end and doc[j - 1].lower_ in N.VAGUE and (
                    doc[j + 1].lower_ in N.SCALES or doc[j + 1].lower_ in N.VAGUE) and doc[j + 1].lower_ != "dozens":
                j += 2
            else:
                break
        return j

    def _metre_context(self, doc: Doc, sent: Span, j: int) -> bool:
        """Is the "m" glued to a number at token ``j`` metres? In news a glued "m" is a
        million ("7.75m treatments", "a record 7.75m"), unless a measurement says metres:
        "7.75m tall", "the 37m (121ft)-long skeleton", "a 100m sprint", "m/s", "m2",
        "a depth of 30m"."""
        words = _metre_words()
        k = j + 1
        if k < len(doc) and doc[j].whitespace_ == "" and doc[k].text[:1] in ("/", "2", "²", "³", "3"):
            return True
        if k < sent.end and doc[k].text == "(":
            # a conversion in brackets: "37m (121ft)"
            for m in range(k + 1, min(sent.end, k + 6)):
                if doc[m].text == ")":
                    k = m + 1
                    break
                inner = doc[m].text.split(")")[0]  # "121ft)-long" is one token
                st = N.split_token(inner) if any(c.isdecimal() for c in inner) else None
                u = U.normalize_unit(st.suffix) if st is not None and st.suffix else U.normalize_unit(inner)
                if u in _LENGTHS:
                    return True
        num = doc[j - 1]
        if any(t.lower_ in _dimension_nouns() for t in doc[max(sent.start, num.i - 4): num.i]):
            return True  # "a depth of 30m", "the outreach is 48m"
        if self._race_distance(doc, sent, num.i, k):
            return True
        if k < sent.end and doc[k].text == "-" and k + 1 < sent.end:
            k += 1
        return k < sent.end and (doc[k].lower_ in words or U.normalize_unit(doc[k].text) in _LENGTHS and doc[k].is_alpha and len(doc[k].text) > 2)

    def _race_distance(self, doc: Doc, sent: Span, n: int, k: int) -> bool:
        """A race named by its distance: "won the 800m", "in the 800m and 1000m". Only the
        standard track and pool distances, with "the" right before and no noun after (as a
        million, "the 800m" would be followed by what it counts or pays for)."""
        if doc[n].text not in _RACE_DISTANCES or n <= sent.start:
            return False
        nxt = doc[k] if k < sent.end else None
        if nxt is not None and (nxt.tag_.startswith(("NN", "JJ", "CD")) or nxt.lower_ in ("of", "in", "for", "from", "on")):
            return False
        prev = doc[n - 1]
        if prev.lower_ == "the" or prev.tag_ == "POS" and n - 2 >= sent.start and doc[n - 2].lower_ in ("men", "women", "boys", "girls"):
            return True  # "won the 800m", "the women's 1500m"
        # the second of a coordination: "the 800m and 1000m"
        return prev.lower_ in ("and", "or", ",") and n - 3 >= sent.start and doc[n - 2].lower_ == "m" \
            and doc[n - 3].text in _RACE_DISTANCES and n - 4 >= sent.start and doc[n - 4].lower_ == "the"

    def _moneyish(self, doc: Doc, i: int) -> bool:
        k = i - 1
        while k >= 0 and i - k <= 2:
            if U.currency_code(doc[k].text) and not doc[k].tag_.startswith("VB") or "$" in doc[k].text or doc[k].text in ("£", "€"):
                return True  # ("Bolt won the 100m": a verb, not the Korean currency)
            k -= 1
        st = N.split_token(doc[i].text)
        return bool(st and st.prefix and ("$" in st.prefix or U.currency_code(st.prefix)))

    def _time_unit_after(self, doc: Doc, sent: Span, i: int) -> bool:
        """Does a unit of time ("years", "months") follow the number run at ``i``?"""
        j = self._number_run_end(doc, sent, i)
        return j < sent.end and (doc[j].lower_ in DURATION_WORDS or doc[j].lower_.rstrip("s") in DURATION_WORDS)

    def _left_edge(self, doc: Doc, sent: Span, i: int) -> int:
        """Grow left over currency signs, a minus, "between"/"from", bound and hedge words."""
        s = i
        while s > sent.start:
            p = doc[s - 1]
            pl = p.lower_
            if pl in ("$", "£", "€", "¥", "₹", "₩", "₪", "~", "≈", "minus", "+") or U.currency_code(p.text) and p.whitespace_ == "" \
                    or (pl in U.DOLLAR_QUALIFIERS and s - 1 > sent.start and False):
                s -= 1
                continue
            if pl in U.DOLLAR_QUALIFIERS and doc[s].text.startswith("$") or (pl in U.DOLLAR_QUALIFIERS and doc[s].text == "$"):
                if p.text.isupper() or p.text in ("U.S.",):
                    s -= 1
                    continue
            if p.text.isupper() and U.currency_code(p.text) and len(p.text) == 3:
                s -= 1
                continue
            break
        # bound and hedge phrases (longest first), possibly several ("just over", "some 30")
        while s > sent.start:
            matched = 0
            for n in (3, 2, 1):
                if s - n < sent.start:
                    continue
                words = " ".join(t.lower_ for t in doc[s - n: s])
                if n == 1 and words in ("about", "around") and self._preposition_after_noun(doc[s - 1]):
                    continue  # "information about 2,345 abusers": a preposition, not a hedge
                if n == 2 and words == "up to" and s - 3 >= sent.start and doc[s - 3].tag_.startswith("VB") \
                        and (doc[s - 3].lower_ in N.CHANGE_WORDS or doc[s - 3].lower_ in N.UP_WORDS):
                    continue  # "wanted rates to go up to 5.5%": the verb's particle, not a bound
                if n == 1 and words == "over" and doc[s - 1].dep_ == "prep" and doc[s - 1].head.tag_.startswith("VB") \
                        and self._time_unit_after(doc, sent, i):
                    continue  # "ran over three years", "phased in over two years": during, not more than
                if words in N.BOUND_PHRASES:
                    # "over" / "under" / "some" / "about" as prepositions of a verb still bound the figure
                    matched = n
                    break
            if not matched:
                break
            s -= matched
        if s > sent.start and doc[s - 1].lower_ in ("between", "from"):
            # only when a range follows, and "from" only when it is not a change ("rose from 5 to 7")
            s2 = s - 1
            if doc[s2].lower_ == "from" and self._from_is_change(doc, s2):
                j = self._percent_end(doc, sent, self._number_run_end(doc, sent, i))
                if not (j < sent.end and doc[j].lower_ == "to" and self._range_then_to(doc, sent, j)):
                    return s
            return s2 if self._has_range_after(doc, sent, i) else s
        return s

    @staticmethod
    def _preposition_after_noun(tok: Token) -> bool:
        """"about"/"around" as the preposition of the noun or adjective before it
        ("information about two teachers", "concerns around 300 jobs"), not a hedge."""
        if tok.i == 0 or tok.dep_ != "prep":
            return False
        prev = tok.doc[tok.i - 1]
        return prev.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ") and prev.dep_ not in ("nsubj", "nsubjpass")

    def _has_range_after(self, doc: Doc, sent: Span, i: int) -> bool:
        j = self._percent_end(doc, sent, self._number_run_end(doc, sent, i))
        for k in range(j, min(sent.end, j + 6)):
            if doc[k].lower_ in ("and", "to", "-", "–"):
                return any(_lex_kind(doc[m]) in (1, 2) for m in range(k + 1, min(sent.end, k + 4)))
        return False

    def _percent_end(self, doc: Doc, sent: Span, j: int) -> int:
        if j < sent.end:
            t = doc[j]
            low = t.lower_
            if low in ("%", "percent", "pc", "pct", "per-cent"):
                if low == "percent" and j + 1 < sent.end and doc[j + 1].lower_ in ("points",):
                    return j + 2
                return j + 1
            if low == "per" and j + 1 < sent.end and doc[j + 1].lower_ == "cent":
                return j + 2
            if low == "percentage" and j + 1 < sent.end and doc[j + 1].lower_ in ("point", "points"):
                return j + 2
        return j

    def _range_end(self, doc: Doc, sent: Span, start: int, j: int) -> int:
        """End of the second number when ``[start, j)`` opens a range; else 0."""
        if j >= sent.end:
            return 0
        t = doc[j]
        low = t.lower_
        between = doc[start].lower_ == "between"
        from_ = doc[start].lower_ == "from"
        cues = [t.lower_ for t in doc[max(sent.start, start - 3): start]]
        from_ = from_ or "from" in cues
        if from_ and low == "to":
            k_from = start if doc[start].lower_ == "from" else start - 1
            # "from" right before the figure; "down from the $89 to $93 billion": a range inside a noun phrase;
            # "from 5 to 7 per cent to 3 to 5 per cent": a change from one range to another
            if self._from_is_change(doc, k_from) and not self._range_then_to(doc, sent, j):
                return 0  # a change between two values: two claims, not a range
        if low == "to" and not (between or from_):
            # "rose 8% to $84", "increased by $43.6 billion to $419.2 billion": an end point, not a range;
            # "fell by 1 to 1.5 degrees" (a bare first end) is a range
            first_has_unit = j - start > 1 or any(not c.isdecimal() and c not in ",." for c in doc[j - 1].text)
            if first_has_unit and (any(w in N.UP_WORDS or w in N.DOWN_WORDS for w in cues if w not in ("+", "-"))
                                   or cues[-1:] == ["by"]):
                return 0
            if doc[j - 1].lower_ in ("point", "points"):
                return 0  # "by 0.75 percentage points to 3%": the change, then where it ended
            if doc[j - 1].lower_ in ("%", "percent", "cent", "pc") and j + 1 < sent.end and (
                    doc[j + 1].text in ("$", "£", "€", "¥") or U.currency_code(doc[j + 1].text)):
                return 0
        if low in ("-", "–", "—", "to") or (between and low == "and") or (low == "or" and not between):
            k = j + 1
            # a currency sign repeated on the second end
            while k < sent.end and (doc[k].text in ("$", "£", "€", "¥") or (doc[k].text.isupper() and U.currency_code(doc[k].text))):
                k += 1
            if k < sent.end and doc[k].lower_ in ("minus", "-"):
                k += 1
            if k < sent.end and _lex_kind(doc[k]) in (1, 2) and not (low == "-" and t.whitespace_ and not doc[j - 1].whitespace_ and False):
                if _lex_kind(doc[k]) == 1 and self._not_a_figure(doc, sent, k, _NO_CTX):
                    return 0
                if low == "or" and doc[k].lower_ in N.VAGUE:
                    return 0
                if low == "to" and not (from_ or between) and doc[j - 1].lower_ in ("%",) and False:
                    return 0
                return self._number_run_end(doc, sent, k)
        # "from X to Y" with a unit between ("from 208 pounds to 193")
        if from_:
            for k in range(j, min(sent.end, j + 4)):
                if doc[k].lower_ == "to" and k + 1 < sent.end and _lex_kind(doc[k + 1]) in (1, 2):
                    return 0  # handled by the evaluation adapter through the two claims
        return 0

    def _range_then_to(self, doc: Doc, sent: Span, j: int) -> bool:
        """At the "to" of token ``j``: does "<number> to <number>" follow, so that "from 5 to 7
        per cent to 3 to 5 per cent" changes from one range to another?"""
        k = j + 1
        if k >= sent.end or _lex_kind(doc[k]) not in (1, 2):
            return False
        k = self._percent_end(doc, sent, self._number_run_end(doc, sent, k))
        return k + 1 < sent.end and doc[k].lower_ == "to" and _lex_kind(doc[k + 1]) in (1, 2)

    def _x_in_y_end(self, doc: Doc, sent: Span, i: int, j: int) -> int:
        """"eight in 10", "one in five", "four out of five": end of the proportion (not
        "$1bn in one-off charges": money is no numerator, "one-" no denominator)."""
        if i > sent.start and doc[i - 1].text in ("$", "£", "€", "¥") or any(ch in doc[i].text for ch in "$£€¥"):
            return 0
        for k in ((j + 1) if j < sent.end and doc[j].lower_ == "in" else None,
                  (j + 2) if j + 1 < sent.end and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of" else None):
            if k is None or k >= sent.end or _lex_kind(doc[k]) not in (1, 2):
                continue
            e = self._number_run_end(doc, sent, k)
            if e < len(doc) and doc[e].text in ("-", "\u2013") and doc[e - 1].whitespace_ == "":
                continue
            b = N.parse_number(_text(doc)[doc[k].idx: doc[e - 1].idx + len(doc[e - 1].text)])
            if b is not None and N.is_denominator(b):
                return e
        return 0

    def _trailing_bound_end(self, doc: Doc, sent: Span, end: int) -> int:
        for n in (2, 1):
            if end + n <= sent.end:
                words = " ".join(t.lower_ for t in doc[end: end + n])
                if words in N.TRAILING_BOUNDS and words not in ("plus", "odd"):
                    return end + n
        return end

    # ------------------------------------------------------------------ units
    def _unit(self, doc: Doc, sent: Span, start: int, end: int) -> Tuple[int, Optional[str], Optional[str]]:
        """(end, unit, surface) of a unit written right after the number, else (end, None, None)."""
        best = (end, None, None)
        if end + 2 < sent.end and doc[end].lower_ in _PERIOD_ON_PERIOD and (
                doc[end + 1].lower_ == "on" and doc[end + 2].lower_ == doc[end].lower_
                or end + 3 < sent.end and doc[end + 1].text == "-" and doc[end + 2].lower_ == "on"):
            return best  # "10% year-on-year", "3% month on month": a comparison, not a unit
        code = self._currency_before(doc, start, end)
        if code is not None:
            n_end = end  # money: only a rate can follow ("$58.24 per barrel", "$3,500 a month")
            for n in (2, 1):
                if end + n <= sent.end:
                    w = _text(doc)[doc[end].idx: doc[end + n - 1].idx + len(doc[end + n - 1].text)]
                    if U.currency_code(w) and not doc[end].text.islower():
                        n_end = end + n  # "$1.1396 EUR": a code repeated after the number
                        break
            return self._rate(doc, sent, end, n_end, code, None)
        # a hyphenated unit: "6.1-inch", "400 million-year-old", "5-mpg", "52,000 barrel-a-day"
        if end + 1 < sent.end and doc[end].text == "-" and doc[end - 1].whitespace_ == "" and doc[end].whitespace_ == "":
            k = end + 1
            while k < sent.end and doc[k - 1].whitespace_ == "" and k - end <= 5:
                k += 1
            for e2 in range(k, end + 1, -1):
                surface = _text(doc)[doc[end + 1].idx: doc[e2 - 1].idx + len(doc[e2 - 1].text)]
                u = U.normalize_unit(surface)
                if u and u not in ("million",) and len(surface) > 1:
                    return self._rate(doc, sent, end, e2, u, surface)
        for n in (4, 3, 2, 1):
            if end + n > sent.end:
                continue
            toks = doc[end: end + n]
            if any(t.is_punct and t.text not in ("/", "-", "°", "″", "%") or t.is_space for t in toks):
                continue
            surface = _text(doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
            if n == 1 and toks[0].lower_ in ("a", "an", "in", "s", "h", "t", "m", "b", "l", "c", "f", "g") \
                    and not (toks[0].whitespace_ == "" or doc[end - 1].whitespace_ == ""):
                # a lone letter after a space is a unit only when glued ("37m") or a known case ("12 C")
                if toks[0].text not in ("C", "F", "W", "V", "A", "G") and not self._inches_after_feet(doc, sent, start, end):
                    continue
            if toks[-1].lower_ == "won" and toks[-1].tag_ in ("VBD", "VBN"):
                continue  # "Halo 2 won the award": the verb, not the Korean currency
            u = U.normalize_unit(surface)
            if u is None and n == 1 and (toks[0].lower_ in U.MINOR_CURRENCIES):
                u = U.MINOR_CURRENCIES[toks[0].lower_]
            if u and u not in ("million",):
                if n == 1 and toks[0].lower_ in ("pounds", "pound") and not self._money_context(doc, sent, start, end):
                    u = "pound-mass"
                if u in ("USD",) and end - 1 >= start and doc[end - 1].lower_ not in ("$",) and n == 1 \
                        and toks[0].lower_ in ("dollars", "dollar") and end - 2 >= 0:
                    pass
                best = (end + n, u, surface)
                break
        e, u, surface = best
        # qualified currency words: "Australian dollars", "Danish crowns", "US dollars"
        if u is None and end + 2 <= sent.end:
            surface2 = _text(doc)[doc[end].idx: doc[end + 1].idx + len(doc[end + 1].text)]
            code = U.currency_code(surface2)
            if code:
                return end + 2, code, surface2
        # compound: "$58.24 per barrel", "$3,500 a month", "63 cents per share"
        if u is not None:
            return self._rate(doc, sent, end, e, u, surface)
        return self._unit_by_quantulum(doc, sent, end)

    @staticmethod
    def _inches_after_feet(doc: Doc, sent: Span, start: int, end: int) -> bool:
        """Is the "in" at token ``end`` inches, the second part of a length in feet and inches
        ("6 ft 2 in tall", "5 feet 10 in")? Only right after "<number> ft/feet", and not
        before what a preposition would take ("6 ft 2 in the pool")."""
        if doc[end].lower_ != "in" or start - 2 < sent.start or doc[start - 1].lower_ not in ("ft", "feet", "foot"):
            return False
        if not any(c.isdecimal() for c in doc[start - 2].text) and doc[start - 2].lower_ not in N.UNITS:
            return False
        nxt = doc[end + 1] if end + 1 < sent.end else None
        return nxt is None or not (nxt.tag_ in ("DT", "PRP$", "PRP", "CD", "NNP", "NNPS") or nxt.like_num)

    def _rate(self, doc: Doc, sent: Span, end: int, e: int, u: str, surface: Optional[str]) -> Tuple[int, Optional[str], Optional[str]]:
        """A unit followed by "per X" / "a X": the rate unit ("USD per barrel")."""
        if True:
            if e + 1 < sent.end and doc[e].lower_ in ("per", "a", "an", "each") and doc[e + 1].is_alpha \
                    and e + 1 < sent.end \
                    and not (e + 2 < sent.end and doc[e + 2].lower_ in ("earlier", "ago", "before", "later", "previously", "after")):
                for n in (3, 2, 1):
                    if e + 1 + n > sent.end or any(t.is_punct and t.text != "/" for t in doc[e + 1: e + 1 + n]):
                        continue
                    second = _text(doc)[doc[e + 1].idx: doc[e + n].idx + len(doc[e + n].text)]
                    u2 = U.normalize_unit(second)
                    if u2 is None and n == 1 and doc[e + 1].tag_ in ("NN", "NNS") and doc[e + 1].is_alpha and doc[e].lower_ != "each":
                        u2 = U.singular(doc[e + 1].lower_)
                    if u2:
                        return e + 1 + n, f"{u} per {u2}", _text(doc)[doc[end].idx: doc[e + n].idx + len(doc[e + n].text)] if e > end else None
            if e + 3 < sent.end and doc[e].text == "-" and doc[e + 1].lower_ in ("a", "an", "per") \
                    and doc[e + 2].text == "-" and doc[e + 3].is_alpha:
                # hyphenated: "a 12-cent-a-share dividend", "a 52,000 barrel-a-day refinery"
                t3 = doc[e + 3]
                u2 = U.normalize_unit(t3.text) or (U.singular(t3.lower_) if t3.is_lower and not t3.tag_.startswith("VB") else None)
                if u2 and u2 not in ("percent",):
                    return e + 4, f"{u} per {u2}", surface
            if e + 3 < sent.end and doc[e].text == "(" and U.unit_kind(u) in ("quantity", "money"):
                # a rate after a conversion in brackets: "9 billion shekels ($2.4 billion) a year"
                close = next((m for m in range(e + 1, min(sent.end, e + 10)) if doc[m].text == ")"), None)
                if close is not None and close + 2 < sent.end and doc[close + 1].lower_ in ("a", "an", "per") \
                        and U.normalize_unit(doc[close + 2].text) in U.DURATIONS and not (
                            close + 3 < sent.end and doc[close + 3].lower_ in ("earlier", "ago", "before", "later", "after")):
                    return e, f"{u} per {U.normalize_unit(doc[close + 2].text)}", surface
            if e + 2 < sent.end and doc[e].lower_ == "of" and U.unit_kind(u) in ("quantity", "money"):
                # the rate after what is measured: "2.4 billion gallons of jet fuel a year",
                # "34,500 tonnes of copper per year" (the span stays on the figure and its unit)
                pobj = next((c for c in doc[e].children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    m = max(t.i for t in pobj.subtree) + 1
                    if m + 1 < sent.end and m - e <= 6 and doc[m].lower_ in ("a", "an", "per", "each"):
                        u2 = U.normalize_unit(doc[m + 1].text)
                        if u2 in U.DURATIONS and not (m + 2 < sent.end and doc[m + 2].lower_ in (
                                "earlier", "ago", "before", "later", "previously", "after")):
                            return e, f"{u} per {u2}", surface
            return e, u, surface

    def _unit_by_quantulum(self, doc: Doc, sent: Span, end: int) -> Tuple[int, Optional[str], Optional[str]]:
        """quantulum3 for an unknown short unit token right after the number ("5 lx")."""
        if self.use_quantulum and end < sent.end:
            t = doc[end]
            if (not t.is_alpha or len(t.text) <= 4 and not t.is_lower) and not t.is_punct and not t.like_num \
                    and t.tag_ not in ("DT", "IN", "CC", "PRP", "PRP$") and t.ent_type_ not in ("DATE", "TIME"):
                q = U.quantulum_unit(f"1 {t.text}")
                if q:
                    return end + 1, q, t.text
        return end, None, None

    def _is_age(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        """"Maddon, 66, has ...", "a 50-year-old": a bare number set off by commas after a person;
        "at the age of eight", "aged 64", "a man of age 87": a bare number that an age word governs."""
        if start > sent.start and (doc[start - 1].lower_ in ("aged", "age", "ages") or start - 2 >= sent.start
                                   and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in ("age", "ages")
                                   or any(t.lower_ == "expectancy" for t in doc[max(sent.start, start - 3): start])
                                   or any(h.lower_ in _COPULAS and any(c.dep_ == "nsubj" and c.lower_ == "expectancy"
                                                                       for c in h.children)
                                          for h in (doc[end - 1].head, doc[end - 1].head.head))):
            # ("a life expectancy of 81", "life expectancy ... is around 73": an age)
            st = N.split_token(doc[end - 1].text)
            if st is None or not st.prefix and not st.suffix:
                return True
        if start - 2 < sent.start or end >= sent.end:
            return False
        if doc[start - 1].text == "," and doc[end].text == "," and (
                doc[start - 2].ent_type_ == "PERSON" or doc[start - 2].tag_ == "NNP" and doc[start - 2].ent_type_ != "ORG"):
            st = N.split_token(doc[start].text)
            return bool(st and not st.prefix and not st.suffix and 0 < st.value < 120 and st.value == int(st.value))
        # "He will be 35 by the end of the year", "I am 25", "she turned 40": a person's age
        num = doc[end - 1]
        if end - start == 1 and num.dep_ in ("attr", "acomp", "dobj", "npadvmod") and num.head.lower_ in _BE_TURN:
            subj = next((c for c in num.head.children if c.dep_ == "nsubj"), None)
            after = doc[end] if end < len(doc) else None
            if subj is not None and (subj.lower_ in ("he", "she", "i") or subj.ent_type_ == "PERSON") and (
                    after is None or after.is_punct or after.lower_ in _AFTER_AGE):
                st = N.split_token(num.text)
                return bool(st and not st.prefix and not st.suffix and 0 < st.value < 120 and st.value == int(st.value))
        return False

    def _money_context(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        """Are "pounds" money here? Yes with a scale word ("2 million pounds"), "sterling",
        a pound sign in the sentence, or words of money; otherwise they weigh."""
        if any(t.lower_ in N.SCALES or t.lower_ in ("bn", "m") for t in doc[start:end]):
            return True
        return any(t.lower_ in MONEY_WORDS or t.text == "£" for t in sent)

    def _currency_before(self, doc: Doc, start: int, end: int) -> Optional[str]:
        """ISO code of a currency written before or glued to the number."""
        toks = [t for t in doc[start:end]]
        # "US $", "HK $", "$US", "A$", "Y=", "£", "PS8.1bn", "RM23.50"
        for k, t in enumerate(toks):
            if t.text in ("$", "£", "€", "¥", "₹", "₩", "₪"):
                prev = toks[k - 1].text if k > 0 else (doc[start - 1].text if start > 0 else "")
                nxt = toks[k + 1].text if k + 1 < len(toks) else ""
                if prev and prev.lower() in U.DOLLAR_QUALIFIERS and t.text == "$" and (
                        prev.isupper() or prev in ("hk", "nz", "au", "sg", "c")):  # lower-cased text: "hk $ 10"
                    return U.DOLLAR_QUALIFIERS[prev.lower()]
                st = N.split_token(nxt) if nxt else None
                if st and st.prefix and st.prefix.lower() in U.DOLLAR_QUALIFIERS and t.text == "$":
                    return U.DOLLAR_QUALIFIERS[st.prefix.lower()]
                return U.currency_code(t.text)
            if t.text.isupper() and len(t.text) == 3 and U.currency_code(t.text):
                return U.currency_code(t.text)
            if any(c.isdecimal() for c in t.text):
                st = N.split_token(t.text)
                if st and st.prefix:
                    pre = st.prefix
                    code = U.currency_code(pre) or U.currency_code(pre.rstrip("="))
                    if pre.endswith("=") and pre[:-1].upper() == "Y":
                        code = "JPY"
                    if code:
                        return code
                if st and st.suffix and st.suffix in ("€", "£", "$"):
                    return U.currency_code(st.suffix)
                break
        # "1,200€": the sign after the number
        if end < len(doc) and doc[end].text in ("€", "£", "$") and doc[end - 1].whitespace_ == "":
            return U.currency_code(doc[end].text)
        return None

    # ------------------------------------------------------------------ special cases
    def _proportion_word(self, doc: Doc, sent: Span, i: int, ctx: "_Context"):
        """"a quarter", "two-thirds", "half", "a fifth": proportions in words."""
        tok = doc[i]
        low = tok.lower_
        nxt = doc[i + 1] if i + 1 < sent.end else None
        prev = doc[i - 1] if i > sent.start else None
        start = i
        if prev is not None and (prev.lower_ in ("a", "an", "one") or prev.lower_ in N.UNITS or
                                 (prev.text == "-" and i - 2 >= sent.start and doc[i - 2].lower_ in N.UNITS)):
            start = i - 1 if prev.text != "-" else i - 2
        elif low not in ("half",) and not (nxt is not None and nxt.lower_ in N.SCALES):
            return None  # ("quarter million": a part of a scale word, below)
        # "half" needs "of"/"the", a bound or hedge ("nearly half"), or to stand as a noun phrase
        # of its own ("half received a suspended sentence"); a fraction needs "of" or a number before it
        hedged = self._left_edge(doc, sent, start) < start
        nominal = tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "conj") and tok.tag_.startswith("NN") \
            and (nxt is None or not nxt.tag_.startswith("NN"))
        if low in ("half",) and start == i:
            ok = (nxt is not None and nxt.lower_ in ("of", "the", "a", "an", "their", "its", "his", "her", "all")) \
                or hedged or nominal or (nxt is not None and nxt.lower_ in N.SCALES)
            if not ok:
                return None
        scaled = self._fraction_of_scale(doc, sent, i)
        if scaled is not None:
            return self._fraction_of_scale_claim(doc, sent, start, i, scaled, ctx)
        unit_of = self._fraction_of_unit(doc, sent, i)
        if unit_of is not None:
            return self._fraction_of_unit_claim(doc, sent, start, i, unit_of, ctx)
        if nxt is not None and nxt.lower_ in ("-", "final", "finals", "time", "century", "year", "way", "hour",
                                              "point", "term", "marathon", "backs", "back", "brother", "sister",
                                              "dozen", "mile", "price", "measures", "past", "after", "to"):
            return None
        if low in ("quarter", "quarters") and (nxt is None or nxt.lower_ != "of") and not (
                nominal and tok.dep_ in ("nsubj", "nsubjpass") and nxt is not None and (nxt.tag_[:2] in ("VB", "MD") or nxt.text == ",")):
            return None  # "the first quarter", "a quarter ended": periods, not proportions; "a quarter were jailed" is one
        if prev is not None and prev.lower_ in ("first", "second", "third", "fourth", "last", "final", "next", "this", "the", "that"):
            return None
        s = self._left_edge(doc, sent, start)
        text = _text(doc)[doc[s].idx: tok.idx + len(tok.text)]
        parsed = N.parse_phrase(text)
        if parsed is None or parsed.unit != "percent":
            return None
        counted = None
        surface = None
        if nxt is not None and nxt.lower_ == "of":
            counted, surface = self._of_phrase(doc, sent, i + 1)
        claim = self._build(doc, sent, s, i + 1, parsed, "percent", None, counted, ctx)
        claim.surface_unit = surface
        claim.kind = "percent"
        return claim, s, i + 1

    @staticmethod
    def _fraction_of_scale(doc: Doc, sent: Span, i: int) -> Optional[Tuple[int, float]]:
        """"half a billion", "a quarter of a million", "half a dozen": (end, scale) when the
        fraction at ``i`` takes a part of a scale word, a number rather than a proportion."""
        k = i + 1
        if k < sent.end and doc[k].lower_ in N.SCALES and doc[k].lower_ != "gross":
            return k + 1, float(N.SCALES[doc[k].lower_])  # "a quarter million", "half million"
        if k < sent.end and doc[k].lower_ == "of":
            k += 1
        if k + 1 >= sent.end or doc[k].lower_ not in ("a", "an"):
            return None
        w = doc[k + 1].lower_
        scale = N.SCALES.get(w) or N.DOZEN.get(w)
        if not scale or w == "gross":
            return None
        return k + 2, float(scale)

    def _fraction_of_scale_claim(self, doc: Doc, sent: Span, start: int, i: int,
                                 scaled: Tuple[int, float], ctx: "_Context"):
        end, scale = scaled
        s = self._left_edge(doc, sent, start)
        frac = N.parse_phrase(_text(doc)[doc[s].idx: doc[i].idx + len(doc[i].text)])
        if frac is None or frac.value is None:
            return None
        value = frac.value / 100.0 * scale
        parsed = N.Parsed(value=value, approximate=frac.approximate, bound=frac.bound,
                          low=value if frac.bound == ">" else None, high=value if frac.bound == "<" else None)
        unit_end, unit, surface = self._unit(doc, sent, s, end)
        claim = self._make(doc, sent, s, unit_end, i, end, parsed, unit, surface, ctx)
        return claim, s, unit_end

    def _fraction_of_unit(self, doc: Doc, sent: Span, i: int) -> Optional[Tuple[int, str, Optional[str]]]:
        """"a quarter of a percentage point", "half a mile", "three-quarters of a percentage
        point": (end, unit, surface) of the unit the fraction at ``i`` takes a part of."""
        k = i + 1
        if k < sent.end and doc[k].lower_ == "of":
            k += 1
        if k >= sent.end or doc[k].lower_ not in ("a", "an"):
            return None
        e, unit, surface = self._unit(doc, sent, k + 1, k + 1)
        if unit is None or e <= k + 1 or U.unit_kind(unit) == "count":
            return None
        return e, unit, surface

    def _fraction_of_unit_claim(self, doc: Doc, sent: Span, start: int, i: int,
                                unit_of: Tuple[int, str, Optional[str]], ctx: "_Context"):
        end, unit, surface = unit_of
        s = self._left_edge(doc, sent, start)
        frac = N.parse_phrase(_text(doc)[doc[s].idx: doc[i].idx + len(doc[i].text)])
        if frac is None or frac.value is None:
            return None
        parsed = N.Parsed(value=frac.value / 100.0, approximate=frac.approximate, bound=frac.bound,
                          low=frac.value / 100.0 if frac.bound == ">" else None,
                          high=frac.value / 100.0 if frac.bound == "<" else None)
        claim = self._build(doc, sent, s, end, parsed, unit, surface, None, ctx)
        claim.surface_unit = surface
        return claim, s, end

    def _of_phrase(self, doc: Doc, sent: Span, k: int) -> Tuple[Optional[str], Optional[str]]:
        """The noun phrase after "of" (k is the "of" token): (phrase text, modifier+head words)."""
        of = doc[k]
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None, None
        toks = [t for t in pobj.subtree if t.i > k]
        if not toks:
            return None, None
        phrase = _text(doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
        if pobj.tag_.startswith("JJ"):
            # "of the digital and physical sales" parsed with the adjective as the object
            pobj = next((c for c in pobj.children if c.dep_ == "conj" and c.tag_.startswith("NN")), pobj)
        return phrase, _modifier_words(doc, k + 1, pobj.i + 1)

    def _glued(self, doc: Doc, i: int, end: int) -> Optional[N.Parsed]:
        st = N.split_token(doc[i].text)
        if st is None:
            return None
        if st.value2 is not None:
            lo, hi = st.value, st.value2
            return N.Parsed(low=min(lo, hi), high=max(lo, hi), first=lo, second=hi, is_range=True,
                            unit="percent" if st.percent else None, approximate=st.approximate)
        return N.Parsed(value=st.value, unit="percent" if st.percent else None, approximate=st.approximate)

    # ------------------------------------------------------------------ record
    def _make(self, doc: Doc, sent: Span, start: int, end: int, i: int, j: int, parsed: N.Parsed,
              unit: Optional[str], surface: Optional[str], ctx: "_Context") -> Claim:
        num_tok = doc[j - 1]
        if parsed.unit in ("percent", "percentage point"):
            unit, surface = parsed.unit, surface or None
            if parsed.proportion and surface is None:
                # "one in three Germans", "eight out of 10 voters": the proportion is of the noun after it
                for k in range(end, min(sent.end, end + 4)):
                    if doc[k].tag_ in ("NNS", "NNPS"):
                        surface = _modifier_words(doc, end, k + 1)
                        break
                    if doc[k].tag_ not in ("JJ", "NN", "NNP", "HYPH"):
                        break
        elif unit is None:
            code = self._currency_before(doc, start, end)
            if code:
                unit = code
            else:
                for idx in sorted({end - 1, j - 1, i}, reverse=True):
                    if idx < start or not any(c.isdecimal() for c in doc[idx].text):
                        continue
                    st = N.split_token(doc[idx].text)
                    if st is not None and st.suffix and not st.scaled:
                        suf = st.suffix.strip("-")
                        unit = U.normalize_unit(suf) or U.currency_code(suf) or U.MINOR_CURRENCIES.get(suf.lower())
                        # "100km/hr": the unit goes on over the next tokens
                        for n in (3, 2):
                            if idx + n < sent.end + 1 and idx + n <= sent.end and all(t.whitespace_ == "" for t in doc[idx: idx + n - 1]):
                                longer = suf + "".join(t.text for t in doc[idx + 1: idx + n])
                                u2 = U.normalize_unit(longer)
                                if u2:
                                    unit, suf, end = u2, longer, max(end, idx + n)
                                    break
                        if unit is None and self.use_quantulum:
                            unit = U.quantulum_unit(doc[idx].text)
                        surface = suf
                        break
        if unit == "million":
            unit = None
        if unit is None and parsed.value is not None and 0 < parsed.value < 1 and end + 2 < sent.end \
                and doc[end].lower_ == "of" and doc[end + 1].lower_ in ("a", "an"):
            # "1/16 of a US pint", "0.5 of a mile": the fraction is of a unit
            for k in range(end + 2, min(sent.end, end + 5)):
                u = U.normalize_unit(doc[k].text) if doc[k].is_alpha and doc[k].is_lower else None
                if u and U.unit_kind(u) != "count":
                    unit, surface = u, doc[k].text
                    break
        counted = None
        if unit is None or U.unit_kind(unit) == "count":
            head_unit, counted, surface_c = self._counted(doc, sent, i, j, end)
            if unit is None and head_unit:
                known = U.normalize_unit(head_unit)
                words_c = (surface_c or "").split()
                if known and len(words_c) >= 2 and words_c[-1][:1].isupper() and words_c[-2][:1].isupper() \
                        and not words_c[-1].isupper():
                    known = None  # "eight straight World Cups": a word of a name, not the unit (cups)
                if known and U.unit_kind(known) != "count":
                    unit, surface = known, head_unit  # "517 rushing yards": yards are the unit
                else:
                    unit, surface = head_unit, surface_c
                    pre = self._modifier_before(doc, sent, i, end)
                    if pre and surface:
                        surface = f"{pre} {surface}"
        if unit is None and parsed.unit is None and not self._is_age(doc, sent, start, end):
            own = parsed.value if parsed.value is not None else (parsed.high or parsed.low)
            unit, counted_e, surface_e = self._elliptic_unit(doc, sent, j, end, ctx, own)
            if unit is not None:
                counted, surface = counted_e, surface_e
        if unit is None and self._is_age(doc, sent, start, end):
            unit = "year of age"
        elif parsed.unit == "percent" and end < sent.end and doc[end].lower_ == "of":
            counted, _ = self._of_phrase(doc, sent, end)
        claim = self._build(doc, sent, start, end, parsed, unit, surface, counted, ctx)
        return claim

    @staticmethod
    def _modifier_before(doc: Doc, sent: Span, i: int, end: int) -> Optional[str]:
        """A word that describes what is counted written between the article and the number
        at ``i`` ("the top three seeds", "a record 32 goals"); not words of order, amount or
        tone ("the last three games", "a whopping 40 cases", "an additional 20 officers")."""
        k = i - 1
        if k - 1 < sent.start:
            return None
        t = doc[k]
        if t.tag_ not in ("JJ", "NN") or not t.is_alpha or not t.is_lower or t.lower_ in _NOT_DESCRIBING \
                or doc[k - 1].tag_ not in ("DT", "PRP$") or t.dep_ not in ("amod", "compound", "nmod") \
                or t.head.i < end or not t.head.tag_.startswith("NN"):
            return None
        return t.text

    def _elliptic_unit(self, doc: Doc, sent: Span, j: int, end: int, ctx: "_Context",
                       own_value: Optional[float] = None) -> Tuple[Optional[str], Optional[str], Optional[str]]:
        """What a bare number counts when no noun follows it: (unit, counted, surface).

        - a partitive: "Five of the nine members" -> members;
        - the noun phrase a verb puts at the number: "put the number of adults ... at up to
          830,000", "the total number of officers ... at 149,656" -> adults, officers;
        - otherwise a number that stands as a noun phrase of its own (subject, object, object
          of a preposition, apposition: "Two backed a larger increase", "609 of them",
          "Of these 29% (609)", "up from 7.68 million") repeats the noun of the nearest count
          before it (in this sentence or the two before) of a like size (within a factor of 100)."""
        num = doc[j - 1]
        if end < sent.end and doc[end].lower_ == "of":
            pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.tag_ in ("NNS", "NNPS") and pobj.is_lower:
                phrase, surface = self._of_phrase(doc, sent, end)
                return _hyphened_word(doc, pobj, end + 1), phrase, surface  # "of the nine rate-setters"
            if pobj is not None and pobj.tag_ not in ("PRP", "DT", "WP", "WDT") and not pobj.tag_.startswith("NN"):
                return None, None, None
        elif num.dep_ in ("nummod", "quantmod", "compound", "amod") and num.head.i > num.i and num.head.tag_.startswith("NN") \
                and num.head.lower_ not in ("others", "more") \
                and not (num.head.tag_ == "NN" and num.head.lower_.endswith("ing")) \
                and not (num.head.lower_ in DATE_WORDS and any(t.lower_ in ("last", "next", "this", "previous")
                                                              for t in doc[num.i + 1: num.head.i])):
            # ("2.1 last year": the parser's head is the time, not a noun the number counts)
            return None, None, None  # it modifies a noun after it: not a noun phrase of its own
        if num.dep_ != "conj":
            # the size of a population is a number of people: "the population of Ireland stood at
            # 5,123,536", "England's population was 56,489,800", "a town with a population of 9,000"
            # (so is net migration, unemployment or a crowd: "net migration reached a record
            # 606,000", "leaving net migration at 606,000", "emigration was about 508,000"; and
            # a figure for one: "the migration figure was revised up by 139,000")
            for n_anc, anc in enumerate(num.ancestors):
                if n_anc >= 3:
                    break
                if _counts_people(anc) or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i < num.i and _counts_people(c)
                                              for c in anc.children):
                    return "people", None, None
        if num.dep_ in ("pobj", "attr", "dobj"):
            # "put the number of adults ... at up to 830,000": a number-of noun phrase governs it
            for n_anc, anc in enumerate(num.ancestors):
                if n_anc >= 6:
                    break
                cands = [anc] + [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i < num.i]
                for c in cands:
                    if c.lower_ not in _QUANTITY_NOUNS or c.i > num.i:
                        continue
                    of = next((x for x in c.children if x.dep_ == "prep" and x.lower_ == "of"), None)
                    pobj = next((x for x in of.children if x.dep_ == "pobj"), None) if of is not None else None
                    if pobj is not None and pobj.tag_ in ("NNS", "NNPS") and pobj.is_lower:
                        return pobj.lower_, None, _modifier_words(doc, of.i + 1, pobj.i + 1)
        if num.i - 3 >= sent.start and doc[num.i - 1].lower_ == "or" and doc[num.i - 2].tag_ == "NN" \
                and doc[num.i - 2].is_alpha and doc[num.i - 3].lower_ in ("a", "an", "another", "one") \
                and own_value is not None and 1 < own_value <= 10:
            # "another pick or two", "a game or three": the number counts the noun before "or"
            noun = doc[num.i - 2]
            known = U.normalize_unit(noun.text)
            if known is None:
                return noun.lower_, None, noun.text
        # the nearest count before it, in this sentence or the two before
        here = doc[j - 1].idx
        first_sent = sent
        for _ in range(2):
            k = first_sent.start - 1
            while k >= 0 and doc[k].is_space:
                k -= 1
            if k < 0:
                break
            first_sent = sent_of(doc, k)
        for claim, cs, ce in reversed(ctx.claims):
            if claim.start >= here:
                continue
            if cs < first_sent.start:
                break
            if claim.kind == "count" and claim.unit and claim.unit not in ("times",):
                v, w = own_value, claim.value if claim.value is not None else (claim.high or claim.low)
                if v and w and not (0.01 <= abs(v) / abs(w) <= 100):
                    continue  # "4.6 million" does not count the "five pledges" before it
                # nothing is written next to the number: no surface unit
                return claim.unit, claim.counted, None
            if claim.kind == "quantity" and claim.unit and cs >= sent.start and claim.unit not in ("year of age",) \
                    and j - ce <= 25 and not (end < sent.end and doc[end].text == ")"):
                # a measure the sentence goes on with: "ended at 1,463.78 points ... at 1,334.20",
                # "113 gigapascals, while diamonds score between 50 and 70"
                v, w = own_value, claim.value if claim.value is not None else (claim.high or claim.low)
                if v and w and 0.01 <= abs(v) / abs(w) <= 100:
                    return claim.unit, None, None
        return None, None, None

    @staticmethod
    def _hyphen_noun(doc: Doc, sent: Span, j: int, end: int) -> Optional[Token]:
        """The noun a number is hyphened to, which it counts: "a 12-member panel" (members),
        "a six-cylinder engine" (cylinders); also for the first numbers of a suspended
        compound: "four-, five- and six-cylinder engines", "two- and three-bedroom homes"."""
        num = doc[j - 1]
        k = None
        if end + 1 < sent.end and end == j and doc[end].text == "-" and num.whitespace_ == "" and doc[end].whitespace_ == "":
            k = end + 1
        elif num.text.endswith("-") and len(num.text) > 1 and end == j:
            m = end
            while m + 2 < sent.end and m - end < 10:
                t = doc[m]
                if t.text in (",", "and", "or", "to") or t.text.endswith("-") and _lex_kind(t) in (1, 2):
                    m += 1
                    continue
                if _lex_kind(t) in (1, 2) and doc[m + 1].text == "-" and not t.whitespace_ and not doc[m + 1].whitespace_:
                    k = m + 2
                break
        if k is None or k >= sent.end:
            return None
        noun = doc[k]
        if not noun.is_alpha or not noun.is_lower or noun.tag_ not in ("NN", "NNS") or noun.lower_ in _NOT_COUNTED_COMPOUNDS \
                or (k + 1 < sent.end and doc[k + 1].text == "-" and not noun.whitespace_):
            return None  # "a 30-strong squad", "a 50-year-old" (an age, read as a unit)
        return noun

    def _counted(self, doc: Doc, sent: Span, i: int, j: int, end: int) -> Tuple[Optional[str], Optional[str], Optional[str]]:
        """(head noun lower case, counted phrase, modifier words + head) of a count."""
        num = doc[j - 1]
        noun = self._hyphen_noun(doc, sent, j, end)
        if noun is not None:
            return noun.lower_, noun.text, noun.text
        head = None
        if num.dep_ in ("nummod", "quantmod", "compound") and num.head.tag_ in ("NNS", "NN", "NNPS", "NNP") and num.head.i >= end \
                and all(t.tag_ in _BETWEEN_TAGS for t in doc[end: num.head.i]):
            head = num.head
            # "3 people" vs "3 million people": the head is the noun after the number;
            # "the 50,000 regularly viewing indecent images": a verb between, not the thing counted
        if head is None:
            # "one of the best speakers", "millions of Americans"
            if end < sent.end and doc[end].lower_ == "of" and (doc[i].lower_ in N.VAGUE or doc[i].lower_ == "one"
                                                               or doc[end - 1].lower_ in N.VAGUE or doc[end - 1].lower_ in N.SCALES):
                of = doc[end]
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.tag_.startswith("NN"):
                    head = pobj
        if head is None:
            # the next noun within a short stretch of modifiers ("seven European countries")
            for k in range(end, min(sent.end, end + 4)):
                t = doc[k]
                if t.tag_ in ("NNS", "NNPS") or (t.tag_ == "NN" and t.lower_ not in ("%",) and num.lower_ == "one") \
                        or (k == end and _plural_tagged_verb(t)):  # "came from 13,000 overflows[VBZ] last year"
                    head = t
                    break
                if t.tag_ == "CC" and k > end and doc[k - 1].tag_ == "JJ" and k + 1 < sent.end and doc[k + 1].tag_ == "JJ":
                    continue  # "4.3M digital and physical sales"
                if t.tag_ not in ("JJ", "JJR", "JJS", "NN", "NNP", "VBG", "VBN", "HYPH") or t.is_punct and t.text != "-":
                    break
        if head is None or head.i < end or head.i - end > 5:
            return None, None, None
        if head.lower_ in ("others", "more"):
            return None, None, None  # "seven babies and ... six others": the noun of the count before
        if head.tag_ == "NN" and head.lower_.endswith("ing") and num.lower_ not in ("one", "1"):
            return None, None, None  # "with four voting to hold": a gerund is not what is counted
        # "11 member trade agreement": the number counts the head of the compound
        while head.dep_ in ("compound",) and head.head.i > head.i and head.head.tag_.startswith("NN") and head.head.i - end <= 5:
            head = head.head
        if head.ent_type_ in ("DATE", "TIME") and (head.lower_ not in DURATION_WORDS or any(
                t.lower_ in ("last", "next", "this", "previous", "coming", "same") for t in doc[end: head.i])):
            return None, None, None
        # a head split at a hyphen: "12 million e-mails" (the parser's head is "e")
        if head.i + 2 < sent.end and doc[head.i + 1].text == "-" and not head.whitespace_ \
                and not doc[head.i + 1].whitespace_ and doc[head.i + 2].is_alpha:
            head = doc[head.i + 2]
            word = _text(doc)[doc[head.i - 2].idx: head.idx + len(head.text)].lower()
        else:
            # (the parser's head may be the last part: "nine rate-setters", "300 care-workers")
            word = _hyphened_word(doc, head, end)
        surface = _modifier_words(doc, end, head.i + 1)
        if not surface:
            return None, None, None
        tail = _completing_words(doc, sent, head)
        if tail:
            surface = f"{surface} {tail}"
        if head.i + 2 < sent.end and doc[head.i + 1].lower_ in ("per", "a", "an", "each") and \
                U.unit_kind(U.normalize_unit(doc[head.i + 2].text)) == "duration":
            surface = f"{surface} per {U.normalize_unit(doc[head.i + 2].text)}"
        # the counted phrase: the head noun and what follows it in its subtree
        sub = [t for t in head.subtree if t.i >= end and not t.is_punct or t.i > head.i]
        sub = [t for t in sub if t.i >= end]
        phrase_end = max(t.i for t in sub) + 1 if sub else head.i + 1
        phrase_start = end
        while phrase_start < head.i and doc[phrase_start].lower_ in DET_SKIP | {"of"}:
            phrase_start += 1
        # passive or copular clause whose subject is the count: "2,087 people were convicted of ..."
        if head.dep_ in ("nsubjpass", "nsubj") and head.head.tag_.startswith("VB"):
            verb = head.head
            if verb.tag_ in ("VBN",) and verb.i > head.i:
                tail = [t for c in verb.children if c.dep_ in ("prep", "agent", "xcomp", "advcl") and c.i > verb.i
                        for t in c.subtree]
                if tail:
                    prefix = _text(doc)[doc[phrase_start].idx: doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text)]
                    last = max(t.i for t in tail)
                    # stop before a trailing date ("in 2022")
                    while last > verb.i and (doc[last].ent_type_ in ("DATE", "TIME") or doc[last].is_punct):
                        last -= 1
                    if doc[last].lower_ in ("in", "on", "at", "during", "since", "by"):
                        last -= 1
                    rest = _text(doc)[verb.idx: doc[last].idx + len(doc[last].text)]
                    return word, f"{prefix} {rest}", surface
        phrase = _text(doc)[doc[phrase_start].idx: doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text)]
        return word, phrase, surface

    def _build(self, doc: Doc, sent: Span, start: int, end: int, parsed: N.Parsed, unit: Optional[str],
               surface: Optional[str], counted: Optional[str], ctx: "_Context") -> Claim:
        first_char = doc[start].idx
        last = doc[end - 1]
        end_char = last.idx + len(last.text)
        if len(last.text) > 1 and last.text.endswith(".") and last.text[-2].isalpha() and end - 1 > start \
                and (end >= len(doc) or doc[end].is_space or doc[end].text[:1].isupper() or last.whitespace_):
            core = last.text[:-1]
            if core.lower() in N.SCALE_ABBREVIATIONS or U.normalize_unit(core) and len(core) <= 3:
                end_char -= 1  # "48m." at the end of a sentence: the full stop is not part of the figure
        before = [t.lower_ for t in doc[max(sent.start, start - 5): start]]
        # the lead words of the span (bounds, hedges) also count for the change
        after = [t.lower_ for t in doc[end: min(sent.end, end + 2)]]
        change = N.change_label(before, after, bound=parsed.bound, approximate=parsed.approximate)
        if doc[start].text.startswith("+") or (start < end and doc[start].text == "+"):
            change = "up"
        if before[-2:] in (["up", "from"], ["down", "from"]):
            change = "up" if before[-2] == "up" else "down"
        kind = U.unit_kind(unit)
        if parsed.proportion:
            kind = "percent"
        written_first = None
        if parsed.is_range and parsed.first is not None and parsed.second is not None and parsed.first > parsed.second:
            written_first = parsed.first
        if kind == "duration" or _is_target(doc, start, end):
            # a length of time is no point in time ("the highest level in 15 years", "up to
            # 10 years"), and a target is not dated by the sentence ("the Bank's 2% target")
            time, time_text = None, None
        else:
            time, time_text = ctx.time_for(doc, sent, first_char, end_char)
        source, source_id, quote_id = ctx.source_for(doc, sent, start, end)
        link = _partitive(doc, sent, start, end, kind) if time is None or source is None else 0
        if link:
            # "Of those, 609 ...", "A quarter of them ...": the figure is a part of the last
            # figure of the sentence before, and shares its time and its source
            prev = ctx.previous_sentence_claim(doc, sent, across_paragraph=link == 2)
            if prev is not None and link == 1 and time is not None and time != prev.time:
                prev = None  # a share of that figure would share its time ("In 2010 only 7% were ...")
            if prev is not None:
                if time is None:
                    time, time_text = prev.time, prev.time_text
                if source is None:
                    source, source_id = prev.source, prev.source_id
        return Claim(
            id="",
            text=_text(doc)[first_char:end_char],
            start=first_char,
            end=end_char,
            value=parsed.value,
            low=parsed.low,
            high=parsed.high,
            unit=unit,
            approximate=bool(parsed.approximate),
            sentence=sent.text,
            change=change,
            counted=counted,
            surface_unit=surface,
            kind=kind,
            time=time,
            time_text=time_text,
            source=source,
            source_id=source_id,
            quote_id=quote_id,
            sentence_start=sent.start_char,
            written_first=written_first,
        )


# --------------------------------------------------------------------------- context


def _gap(a0: int, a1: int, b0: int, b1: int) -> int:
    """Characters between two non-overlapping spans."""
    return b0 - a1 if b0 >= a1 else a0 - b1


#: words that make a date after "since" a baseline, not the start of the figure's period:
#: "its highest level since 2008", "the first cut since March 2020" (but "14 rises since
#: December 2021" counts from it)
_RECORD_WORDS = {"first", "record", "ever", "highest", "lowest", "biggest", "largest", "smallest",
                 "fastest", "slowest", "strongest", "weakest", "most", "least", "best", "worst", "sharpest"}


def _baseline(span: Span) -> bool:
    """Is the date a point of comparison rather than the figure's time?"""
    doc, sent = span.doc, span.sent
    window = doc[max(sent.start, span.start - 7):span.start]
    # the stretch right before the date, back to the last punctuation or figure
    k = len(window)
    while k > 0 and not window[k - 1].is_punct and not window[k - 1].like_num and window[k - 1].tag_ not in ("CD", "$"):
        k -= 1  # (a figure in between: "compared with $19.3bn a year earlier" dates the $19.3bn)
    # ("more than half last year": the "than" of a bound on a figure compares nothing)
    before = [t.lower_ for t in window[k:] if not _bound_than(t)]
    if "than" in before or "compared" in before or before[-1:] == ["against"]:
        return True  # "higher than a year earlier", "than at the census in April 2016", "compared with 2019"
    if "since" in before:
        # a record since a date: the date is the baseline ("its highest level since 2008",
        # "the first time ... since the census of 1851"); "14 rises since December 2021" counts from it
        pre = doc[sent.start:span.start]
        return any(t.lower_ in _RECORD_WORDS or t.tag_ in ("JJS", "RBS") and t.lower_ != "latest" for t in pre)
    if before[-1:] == ["on"]:
        # "up 16% on October 2021", "down 3% on last year": a change on a month or a year
        words = [t.lower_ for t in doc[max(sent.start, span.start - 6):span.start - 1]]
        month_or_year = not any(t.lower_ in WEEKDAYS or t.like_num and len(t.text) <= 2 for t in span)
        return month_or_year and any(w in ("up", "down", "higher", "lower", "rise", "fall") or w.endswith("%") for w in words)
    return False


def _bound_than(t: Token) -> bool:
    """Is ``t`` the "than" of a bound written on a figure ("more than half", "fewer than 10")?"""
    if t.lower_ != "than" or t.i + 1 >= len(t.doc):
        return False
    nxt = t.doc[t.i + 1]
    if nxt.shape_ == "dddd" and 1800 <= int(nxt.text) <= 2200 or nxt.ent_type_ in ("DATE", "TIME"):
        return False  # a year or a date compared with: "higher than 2019"
    return t.dep_ == "quantmod" or nxt.like_num or nxt.lower_ in NUMBER_WORDS or nxt.lower_ in FRACTION_WORDS \
        or nxt.lower_ in _MULTIPLIERS


#: words that open a comparison whose figures are the baseline of the sentence's figure
_COMPARING = {"against", "versus", "vs", "vs.", "than"}


def _compared_figures(span: Span) -> Optional[Tuple[int, int]]:
    """Token range of the figures of a comparison that the date ends ("against 5% and 13% in
    2021", "compared with 23 in 2022", "down from 372,533 the year before"): the date is the
    time of those figures, and a baseline for any other figure of the sentence."""
    doc, sent = span.doc, span.sent
    k = span.start - 1
    if k >= sent.start and doc[k].lower_ in ("in", "on", "at", "during"):
        k -= 1  # the date's preposition
    figure = False
    while k >= max(sent.start, span.start - 10):
        t = doc[k]
        if t.like_num or t.tag_ == "CD":
            figure = True
        elif t.lower_ in _COMPARING and not _bound_than(t):
            return (k, span.start) if figure else None
        elif t.lower_ in ("with", "to") and k > sent.start and doc[k - 1].lower_ in ("compared", "comparison"):
            return (k - 1, span.start) if figure else None
        elif t.lower_ == "from" and k > sent.start and doc[k - 1].lower_ in ("up", "down"):
            return (k - 1, span.start) if figure else None
        elif not (t.tag_ in ("NN", "NNS", "$", "CC", "JJ", "RB", "JJR", "IN") and t.lower_ not in ("in", "on", "of", "for")
                  or t.text in (",", "%")):
            return None
        k -= 1
    return None


def _date_groups(text: str, points: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Character spans of the dates of a sentence, those joined into one span merged
    ("between 2010 and 2015", "in May and June", "2019 to 2021", "the same period of 2003")."""
    out: List[Tuple[int, int]] = []
    for x, y in sorted(points):
        if out and text[out[-1][1]:x].strip().lower() in ("and", "to", "-", "\u2013", "or", "until", "of", "in"):
            out[-1] = (out[-1][0], y)
        else:
            out.append((x, y))
    return out


def _attached_verb(span: Span) -> Optional[int]:
    """The verb a date modifies (through its preposition), as a token index."""
    t = span.root
    for _ in range(3):
        if t.head.i == t.i:
            return t.i
        t = t.head
        if t.tag_.startswith("VB"):  # (the pipeline sets fine tags only)
            return t.i
    return None


#: nouns whose figure is aimed at, not stated for a time: "the 2% target", "a target of 20,000"
_TARGET_NOUNS = {"target", "targets", "goal", "goals", "aim", "ambition", "pledge", "objective"}
_PARTITIVE_PRONOUNS = {"those", "these", "them", "whom", "which"}


def _is_target(doc: Doc, start: int, end: int) -> bool:
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in _TARGET_NOUNS:
        return True
    head = doc[end - 1].head
    return head.lower_ == "of" and head.head.lower_ in _TARGET_NOUNS


def _hyphened_word(doc: Doc, head: Token, floor: int) -> str:
    """The lower-case word a noun ends, with the part before a hyphen when the parser split
    it there and made the last part the head ("rate-setters"; the part is at ``floor`` or after)."""
    k = head.i
    if k - 2 >= floor and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_ \
            and doc[k - 2].is_alpha:
        return _text(doc)[doc[k - 2].idx: head.idx + len(head.text)].lower()
    return head.lower_


#: nouns of a figure a possessive owner states ("the Met Office's provisional figure of 40.3C")
_OWNED_FIGURES = frozenset({"figure", "figures", "estimate", "estimates", "forecast", "forecasts", "count", "tally",
                            "projection", "projections", "reading", "calculation", "calculations"})

#: "the final three months of [2023]", "the first six months of the year [2024]"
_MONTHS_OF = re.compile(r"\b(?:the )?(first|last|final|opening|closing) (three|six) months of (?:the year )?$")
#: "the three months to [June 2024]"
_MONTHS_TO = re.compile(r"\b(?:the )?three months (?:to|ending|ended) (?:the end of )?$")


def _partitive(doc: Doc, sent: Span, start: int, end: int, kind: str) -> int:
    """Is the figure a part of something the sentence before counted? 2 for an explicit
    link ("Of those, 609 ...", "A quarter of them ..."), which may open a paragraph; 1 for
    a share as the subject with nothing said of what it is a share of ("Almost half received
    suspended sentences"); 0 otherwise."""
    first = []
    for t in sent:
        if not t.is_space:
            first.append(t)
            if len(first) == 2:
                break
    if len(first) == 2 and first[0].lower_ == "of" and first[1].lower_ in _PARTITIVE_PRONOUNS:
        # (not a measure of what the part does: "Of those, 3% spilled more than 100 times")
        return 0 if doc[end - 1].dep_ in ("npadvmod", "advmod") else 2
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in _PARTITIVE_PRONOUNS:
        return 2
    if kind == "percent":
        root = doc[end - 1]
        # ("Almost half paid ...": the parser may make the share the root)
        if root.dep_ in ("nsubj", "nsubjpass", "ROOT") and not any(c.lower_ == "of" for c in root.children):
            return 1
    return 0


def _through_conj(verb: Token, anc: set) -> bool:
    """Does the way up from ``verb`` to the claim's clause pass a conjunct ("were cautioned,
    and would have been placed ...")?"""
    t = verb
    for _ in range(8):
        if t.i in anc:
            return False
        if t.dep_ == "conj":
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _fronted_or_own(span: Span, anc: set, clause: Optional[int]) -> bool:
    i = _attached_verb(span)
    if i is None:
        return False
    if i not in anc:
        # the date of a subjectless infinitive or participle under the claim's own verb ("1.2
        # million people arrived to live in the country in 2022, while 557,000 left")
        v = span.doc[i]
        return clause is not None and v.head.i == clause and v.dep_ in ("advcl", "xcomp") \
            and v.tag_ in ("VB", "VBG") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
    return i == clause or span.start < i


_RESTATE_WORDS = {",", ";", "or", "(", "-", "about", "around", "roughly", "nearly", "almost", "some", "just", "over", "under"}


def _joined(t: Token, root: Token, in_date=None) -> bool:
    """Is the number ``t`` a second wording of the figure headed by ``root`` ("more than 3.5
    million, or 6.3%", "609 offenders, or 29%", "13,000 sites last year, or 91%"), which
    shares its time?"""
    a, b = (t, root) if t.i < root.i else (root, t)
    between = list(t.doc[a.i + 1:b.i])
    while between and (between[0].tag_ in ("NN", "NNS", "CD") or _plural_tagged_verb(between[0])
                       or between[0].lower_ in N.SCALE_ABBREVIATIONS):
        between.pop(0)  # the first figure's own noun: "2,000 people, or 8%" (and its scale: "77m euros")
    if in_date is not None:
        between = [w for w in between if not in_date(w)]
    # (the other wordings of an amount in a bracket: "77m euros (£53m; $100m)")
    words = {w.lower_ for w in between if not (w.tag_ in ("CD", "$") or w.text in ("£", "$", "€", "¥")
                                               or w.lower_ in N.SCALE_ABBREVIATIONS)}
    if words & {"or", "("} and words <= _RESTATE_WORDS:
        return True
    if _bracket_of(t) is not None and _bracket_of(t) == _bracket_of(root):
        return True  # two wordings in one bracket: "77m euros (£53m; $100m)"
    for a, b in ((t, root), (root, t)):
        x = a
        for _ in range(2):
            if x.dep_ in ("conj", "appos", "nummod", "compound") or x.head.dep_ in ("conj", "appos"):
                x = x.head
                if x.i == b.i:
                    return True
            else:
                break
    return False


def _bracket_of(t: Token) -> Optional[int]:
    """The index of the open bracket ``t`` sits in (within a few tokens), or None."""
    doc = t.doc
    for k in range(t.i - 1, max(-1, t.i - 8), -1):
        if doc[k].text in (")", "]") or doc[k].is_sent_end:
            return None
        if doc[k].text in ("(", "["):
            return k
    return None


#: verbs that are never a plural noun after a number
_FUNCTION_VERBS = frozenset({"does", "goes", "gets", "says", "seems", "remains", "means", "makes", "takes", "comes",
                             "gives", "keeps", "needs", "looks", "stays", "becomes"})


def _plural_tagged_verb(tok: Token) -> bool:
    """A plural noun the tagger took for a verb ("from 13,000 overflows last year",
    "spills from storm overflows"): a VBZ right after a number or a noun, with no subject
    of its own and not said of the number before it."""
    if tok.tag_ != "VBZ" or not tok.lower_.endswith("s") or tok.i == 0 or not tok.is_alpha or len(tok) < 4 \
            or tok.lower_ in _FUNCTION_VERBS or any(c.dep_ in ("attr", "acomp", "dobj", "ccomp", "xcomp", "prep")
                                                     and c.i > tok.i for c in tok.children):
        return False  # ("32 is the quantity", "5.6 mm is ..."; a verb with a complement is a verb)
    prev = tok.doc[tok.i - 1]
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children) or prev.dep_ in ("nsubj", "nsubjpass"):
        return False
    return prev.tag_ in ("CD", "NN") and prev.head.i != tok.i


def _when_clause(t: Token) -> bool:
    """A clause of time on a verb ("set when the firm was sentenced in 2017"): its date is
    the time of the verb it hangs on."""
    return t.dep_ == "advcl" and any(c.lower_ in ("when", "while") and c.dep_ in ("advmod", "mark") for c in t.children)


def _conjoined_away(span: Span, root: Token) -> bool:
    """Is the date on the first of two coordinated clauses, and the figure in the second
    ("Every overflow now has a monitor, and data came from 14,000 of them")? A date written
    before the first clause's subject dates both ("In 2021, 120 ships docked and 40 left")."""
    i = _attached_verb(span)
    if i is None or any(t.tag_.startswith("NN") for t in span.root.ancestors if t.i != i and t.is_ancestor(span.root)
                        and span.doc[i].is_ancestor(t)):
        return False  # (a date inside a noun phrase: "The first estimate for 2022, released ...")
    verb = span.doc[i]
    clause = next((t for t in [root, *root.ancestors] if t.tag_.startswith("VB")), None)
    if clause is None or clause.i == verb.i or verb not in clause.ancestors:
        return False
    t = clause
    while t.i != verb.i:
        if t.dep_ == "conj" and t.head.i == verb.i and t.i > span.end:
            if not any(c.dep_ in ("prep", "dobj", "attr", "acomp", "dative", "agent") for c in t.children):
                return False  # the rest is shared: "1.2 million people moved to the UK in 2022 and 557,000 left"
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            front = min([c.left_edge.i for c in subj] + [verb.i])
            return span.start > front
        t = t.head
    return False


def _dates_clause(span: Span, anc: set, root: Optional[Token] = None) -> bool:
    """Does the date modify the clause the claim is in? Yes when its verb governs the claim,
    or sits below the claim's verb with no noun and no clause with a subject of its own on
    the way ("were convicted of taking or possessing images in 2022"); no for "meeting the
    target of halving it this year" (about "dropped to 4.6%") or "although it has been
    slowing for several months"."""
    i = _attached_verb(span)
    if i is None or i in anc:
        return True
    if root is None:
        return False
    # (no verb above the figure: a headline of a noun phrase, "Over 400 spills recorded last year")
    verb = next((t for t in [root, *root.ancestors] if t.tag_.startswith("VB")), None)
    t = span.doc[i]
    for _ in range(12):
        if (verb is not None and t.i == verb.i) or t.head.i == root.i or (t.head.i in anc and t.head.tag_.startswith("NN")) \
                or (t.head.dep_ == "appos" and t.head.head.i == root.i):
            # (a clause on the figure's own noun: "treatments waiting to start in August", or on
            # a noun in apposition: "£1,971, the level that took effect in April")
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and not _when_clause(t) or t.head.i == t.i:
            # (a clause of time dates the verb it hangs on: "the record of £20m, set when
            # the firm was sentenced in 2017")
            return False
        t = t.head
        if t.tag_.startswith("NN"):
            return False
    return False


#: verbs whose date is when something was said or published ("put the total at 149,566 on
#: 31 March" dates the figure)
_REPORT_VERBS = {"say", "said", "says", "saying", "tell", "told", "tells", "announce", "announced",
                 "announces", "publish", "published", "publishes", "release", "released", "releases",
                 "issue", "issued", "report", "reported", "reports", "confirm", "confirmed", "confirms",
                 "add", "added", "warn", "warned", "warns", "state", "stated", "disclose", "disclosed",
                 "reveal", "revealed", "reveals", "claim", "claimed", "claims",
                 # a forecast's date is when it was made: "the 1.5% it forecast in November"
                 "forecast", "forecasts", "predicted", "predicts", "projected"}
#: ... but a whole year on a forecast verb is what is forecast: "it predicts growth of 3% in 2023"
_FORECAST_VERBS = {"forecast", "forecasts", "predicted", "predicts", "projected", "predict", "project", "projects",
                   "expect", "expects", "expected"}


#: participles that give the result of the clause they follow ("..., leaving net migration at 606,000")
#: what may stand between a figure and its own date: nothing, or one preposition ("3.2% in 2024")
_ADJACENT = re.compile(r"\s*(?:(?:in|for|during|by|over|through|at|on)\s+)?")

_RESULT_PARTICIPLES = {"leaving", "taking", "bringing", "pushing", "putting", "lifting", "raising", "making",
                       "lowering", "cutting", "sending", "driving"}

_REPORT_NOUNS = {"announcement", "statement", "briefing", "release", "publication", "speech", "interview"}


#: words that count events besides ordinals ("its second reduction this year", "the latest rise")
_COUNT_ORDINALS = frozenset({"latest", "last"})


#: nouns of events an ordinal counts ("the second cut since August")
_COUNTED_EVENTS = frozenset({"cut", "reduction", "rise", "increase", "hike", "fall", "drop", "decline", "time",
                             "raise", "move", "change", "deduction", "fine", "strike", "rate"})


def _in_counted_apposition(span: Span, root: Token) -> bool:
    """Does the date hang on a noun that counts events, other than the figure ("taking it to
    4.75%, its second reduction this year", "to 4.75%, the second cut since August")? The
    date belongs to the count, not to the figure (an apposition that says when the figure
    took effect does date it: "£1,971, the level that took effect in April")."""
    doc = span.doc
    if span.root.is_ancestor(root) or (span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "when"
                                       and root.i > span.end):
        return False  # the figure is in a clause on the date: "since August, when the Bank began cutting from 5.25%"
    t = span.root
    for _ in range(4):
        if t.head.i == t.i or t.dep_ not in ("pobj", "prep", "npadvmod", "tmod"):
            return False
        t = t.head
        if t.tag_.startswith("NN"):
            return t.i != root.i and t.lower_ in _COUNTED_EVENTS \
                and any(m.dep_ == "amod" and m.i < t.i and (m.ent_type_ == "ORDINAL" or m.lower_ in _COUNT_ORDINALS)
                        for m in t.children)
    return False


def _change_partner(doc: Doc, claim_span: Optional[Span]) -> Optional[Tuple[int, int]]:
    """The other figure of a change "from X to Y" (tokens of the few words after "to", or
    before "from"): a date of the change dates both ("an increase from 13.8% to 15% in
    April")."""
    if claim_span is None:
        return None
    a, b = claim_span.start, claim_span.end
    if a > 0 and doc[a - 1].lower_ == "from" and b + 1 < len(doc) and doc[b].lower_ == "to" and doc[b + 1].like_num:
        return b + 1, min(len(doc), b + 4)
    if a > 0 and doc[a - 1].lower_ == "to":
        k = a - 2
        while k >= max(0, a - 6) and doc[k].lower_ != "from":
            k -= 1
        if k >= 0 and doc[k].lower_ == "from" and k + 1 < a - 1 and doc[k + 1].like_num:
            return k + 1, a - 1
    return None


def _outside_earlier_value(span: Span, claim_span: Optional[Span]) -> bool:
    """Is the figure the earlier value of a change or the figure compared with ("0.75% this
    year, down from the 1.5% it forecast in November", "up from 3%", "against the 1.5% it
    predicted") and the date outside its phrase? The sentence's date is the new value's (a
    change "from 5% to 4.75% on Thursday" dates both)."""
    if claim_span is None:
        return False
    doc = span.doc
    k = claim_span.start - 1
    while k > 0 and doc[k].lower_ in ("the", "a", "an", "its", "their"):
        k -= 1
    if k < 1:
        return False
    if doc[k].lower_ == "against" or doc[k].lower_ in ("with", "to") and doc[k - 1].lower_ == "compared":
        # "0.75% in 2025, against the 1.5% it predicted": a date before the comparison is the
        # first figure's (one after it dates the figures compared: "against 5% and 13% in 2021")
        return span.end <= k
    if doc[k].lower_ != "from" or doc[k - 1].lower_ not in ("down", "up", "higher", "lower"):
        return False
    prep = doc[k]
    return not (prep.left_edge.i <= span.start and span.end - 1 <= prep.right_edge.i)


def _outside_relative_clause(span: Span, root: Token) -> bool:
    """Is the figure inside a relative clause and the date outside it ("Services, which make
    up about four-fifths of the economy, shrank in the final quarter": the quarter is when
    services shrank, not when they made up four-fifths)?"""
    verb = next((t for t in [root, *root.ancestors] if t.tag_.startswith("VB")), None)
    if verb is None or verb.dep_ != "relcl" or verb.left_edge.i <= span.start and span.end - 1 <= verb.right_edge.i:
        return False
    # only a clause on the subject of the verb the date hangs on (not a clause on the date
    # itself, "December 2021, when Bank Rate stood at 0.1%", nor on a noun the date dates,
    # "a pause in June, which ended a run of 10 increases")
    antecedent = verb.head
    att = _attached_verb(span)
    return antecedent.dep_ in ("nsubj", "nsubjpass") and att is not None and att == antecedent.head.i


def _after(value: Optional[str], published: Optional[str]) -> bool:
    """Is the TIMEX3 date ``value`` wholly after the publication date? A report is made by
    then, so a later date on a report verb is what is forecast ("it forecasts growth of
    2.9% in 2024" in October 2023), not when it was said."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?!\d)", value or "")
    if not m or not published or not re.match(r"\d{4}-\d{2}-\d{2}", published):
        return False
    n = len([g for g in m.groups() if g])
    return "-".join(g for g in m.groups() if g) > "-".join(published[:10].split("-")[:n])


def _report_time(span: Span, value: Optional[str] = None) -> bool:
    """Is the date the time of the report ("the NCA said on Wednesday", "figures published
    today") rather than of the figure? (A whole year, ``value`` "2023", on a forecast verb is
    the figure's.)"""
    t = span.root
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.lower_ in _REPORT_NOUNS:
        return True  # "the regulator's announcement on Friday means ..."
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        verb = t.head.head  # "said on Wednesday"
    elif t.dep_ in ("npadvmod", "advmod", "tmod"):
        verb = t.head  # "said Wednesday", "published today"
    else:
        return False  # "showed 2019 was the worst year": the date is what is reported
    if verb.lower_ in _FORECAST_VERBS and re.fullmatch(r"\d{4}", value or ""):
        return False
    return verb.tag_.startswith("VB") and verb.lower_ in _REPORT_VERBS


class _Context:
    """What other components stored on the doc, indexed for the claims of one doc."""

    def __init__(self, doc: Optional[Doc]):
        self.doc = doc
        self.dates: List[Dict[str, Any]] = []
        self.quotes: List[Dict[str, Any]] = []
        self.mentions: List[Tuple[int, int, str, str]] = []  # start, end, name, id
        self.org_types: Dict[str, Optional[str]] = {}  # organisation id -> type
        self.org_names: List[Tuple[int, int]] = []  # char spans of organisation names ("Four Seasons")
        self.ids: set = set()  # numbers seen as identifiers after a name ("Boeing 737")
        self.date_chars: List[Tuple[int, int]] = []
        self.claims: List[Tuple[Claim, int, int]] = []  # claims found so far, with their token spans
        self.have_dates = False
        if doc is None:
            return
        self.dates = extensions.get_data(doc, "dates")
        self.have_dates = doc.has_extension("dates_data") and doc._.dates_data is not None
        self.quotes = extensions.get_data(doc, "quotes")
        for kind in ("officials", "organisations"):
            for rec in extensions.get_data(doc, kind):
                if kind == "organisations":
                    self.org_types[rec.get("id")] = rec.get("type")
                for m in rec.get("mentions") or []:
                    self.mentions.append((m["start"], m["end"], rec.get("name"), rec.get("id")))
                    if kind == "organisations" and m.get("kind") in (None, "name", "alias"):
                        self.org_names.append((m["start"], m["end"]))
        for d in self.dates:
            if d.get("type") in ("DATE", "TIME", "SET"):
                words = set((d.get("text") or "").lower().replace(",", " ").split())
                numeric = bool(re.search(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}", d.get("text") or ""))  # "2023-08-22"
                self.date_chars.append((d["start"], d["end"], bool(words & DATE_WORDS) or numeric or d.get("type") == "TIME"))
        self._date_tokens: Optional[set] = None

    def in_date(self, tok: Token) -> bool:
        """Is the token part of a point in time (a date or clock time, not a duration)?"""
        if self.doc is None:
            return False
        if self.have_dates:
            for s, e, worded in self.date_chars:
                if s <= tok.idx < e:
                    if worded or not tok.text.replace(",", "").isdecimal():
                        return True
                    # a bare number is a date only as a year ("in 2022"), not "more than 1000"
                    v = int(tok.text.replace(",", ""))
                    return "," not in tok.text and 1800 <= v <= 2200
            return False
        return tok.ent_type_ == "TIME"

    def time_for(self, doc: Doc, sent: Span, start: int, end: int) -> Tuple[Optional[str], Optional[str]]:
        """The claim's time (see :meth:`_time_for`), as a quarter or half when the date is the
        year or month a span of months is counted in ("the final three months of 2023" is
        2023-Q4, "the first six months of 2024" 2024-H1, "the three months to June 2024"
        2024-Q2; the dates component keeps TimeML's two expressions, a duration and a date)."""
        value, text = self._time_for(doc, sent, start, end)
        if value is None or text is None:
            return value, text
        d = next((d for d in self.dates if d.get("value") == value and d.get("text") == text
                  and sent.start_char <= d["start"] < sent.end_char), None)
        if d is None:
            return value, text
        before = _text(doc)[max(sent.start_char, d["start"] - 60):d["start"]].lower()
        m = _MONTHS_OF.search(before)
        if m and re.fullmatch(r"\d{4}", value):
            which, size = m.group(1), m.group(2)
            first = which in ("first", "opening")
            if size == "three":
                return f"{value}-Q{1 if first else 4}", m.group(0).strip() + " " + text
            return f"{value}-H{1 if first else 2}", m.group(0).strip() + " " + text
        m = _MONTHS_TO.search(before)
        if m and re.fullmatch(r"\d{4}-(03|06|09|12)", value):
            return f"{value[:4]}-Q{int(value[5:]) // 3}", m.group(0).strip() + " " + text
        return value, text

    def _time_for(self, doc: Doc, sent: Span, start: int, end: int) -> Tuple[Optional[str], Optional[str]]:
        """TIMEX3 value of the time the claim is stated for: the nearest date of its sentence
        that is not a baseline ("the highest since 2008", "up 16% on October 2021", "higher
        than a year earlier"), not the time of the report ("the agency said on Wednesday",
        "figures published today") and not another figure's ("from 10.1% in September");
        failing that, a frequency or a "for" period ("1,000 children every month", "at 5.25%
        for a year")."""
        best = None
        best_d = None
        s0, s1 = sent.start_char, sent.end_char
        if self.have_dates:
            cands, periods = [], []
            if not any(d.get("value") and s0 <= d["start"] < s1 for d in self.dates):
                return None, None  # (no date in the sentence: the loops below find nothing)
            claim_span = doc.char_span(start, end, alignment_mode="expand")
            root = claim_span.root if claim_span is not None else doc[0]
            anc = {a.i for a in root.ancestors} | {root.i}
            rate = None  # a frequency inside the claim's own span: "£174.50 a year" (P1Y)
            for d in self.dates:
                if not d.get("value") or not (s0 <= d["start"] < s1):
                    continue
                if d["start"] < end and start < d["end"]:
                    if d.get("type") == "SET" and start < d["start"] and rate is None:
                        rate = d
                    continue
                if d.get("type") in ("SET", "DURATION"):
                    periods.append((_gap(start, end, d["start"], d["end"]), d))
                    continue
                if d.get("type") not in ("DATE", "TIME"):
                    continue  # (a clock time is a point too: "reached 40.2C at 12:50")
                span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
                if span is not None and span.root.dep_ in ("poss", "compound", "nummod", "amod") \
                        and span.root.head.i in anc and span.root.head.i != root.i and span.root.head.tag_.startswith("NN"):
                    return d["value"], d["text"]  # "June's rise of 0.5 points", "its 2021 figure of $12.8bn"
                if span is not None and (_baseline(span) or (_report_time(span, d["value"]) and not _after(d["value"], doc._.published))
                                         or not _dates_clause(span, anc, root)):
                    continue
                if span is not None and (_in_counted_apposition(span, root) or _outside_relative_clause(span, root)
                                         or _outside_earlier_value(span, claim_span)):
                    continue
                if span is not None:
                    cmp = _compared_figures(span)
                    if cmp is not None and claim_span is not None and not (cmp[0] <= claim_span.start < cmp[1]):
                        continue  # "18% did not spill, against 5% and 13% in 2021": the others' time
                    if _conjoined_away(span, root):
                        continue  # "Every overflow now has a monitor, and data came from 14,318 of them"
                cands.append((_gap(start, end, d["start"], d["end"]), d, span))
            if cands:
                # a date that sits closer to another figure of the sentence is that figure's
                # ("2010 had the highest number - 1,246, compared with 1,048 in 2003": 2003
                # is the year of 1,048), unless it dates the clause the claim is in ("In
                # 2021, 120 ships docked and 40 left early")
                partner = _change_partner(doc, claim_span)
                others = [(t.idx, t.idx + len(t.text)) for t in sent
                          if t.tag_ == "CD" and t.text[:1].isdigit() and not (start <= t.idx < end)
                          and not self.in_date(t) and not _joined(t, root, self.in_date)
                          and not (partner is not None and partner[0] <= t.i < partner[1])]
                # (another figure takes only the date nearest to it: "301,091 spills ... in
                # 2022, down from 372,533 the year before" leaves 2022 to the 301,091)
                # (dates joined into one span are one: "6,971 discharges between 2010 and 2015")
                points = _date_groups(_text(doc), [(d["start"], d["end"]) for d in self.dates
                                                   if d.get("type") in ("DATE", "TIME") and d.get("value") and s0 <= d["start"] < s1])

                def group(c):
                    return next(((x, y) for x, y in points if x <= c[1]["start"] < y), (c[1]["start"], c[1]["end"]))

                # (only for a date on the claim's own verb: "Nortel shares, which have lost
                # nearly 50% since last year, climbed 1.46% on Tuesday" - Tuesday is the 1.46%'s)
                own_verb = next((t.i for t in [root, *root.ancestors] if t.tag_.startswith("VB")), None)

                def own(c):
                    # the date hangs below the claim's verb, with no clause of its own between
                    if c[2] is None or own_verb is None:
                        return False
                    t = c[2].root
                    for _ in range(12):
                        if t.i == own_verb:
                            return True
                        if t.tag_.startswith("VB") and any(x.dep_ in ("nsubj", "nsubjpass") for x in t.children):
                            return False
                        if t.head.i == t.i:
                            return False
                        t = t.head
                    return False

                free = [c for c in cands if not any(
                    _gap(a, b, c[1]["start"], c[1]["end"]) < c[0]
                    and (_gap(a, b, *group(c)) <= min((_gap(a, b, x, y) for x, y in points), default=0) or not own(c))
                    for a, b in others)]
                if not free and others:
                    # a date of the clause above the claim's, fronted when that clause is only
                    # conjoined ("In 2021, 120 ships docked and 40 left"; not "hit 6% in May
                    # and has stayed at 4%"); a participle of result shares the time of what it
                    # follows from ("moved to the UK in 2022 and 557,000 left, leaving net
                    # migration at 606,000", "rose 5% in March, taking the rate to 10%")
                    clause = next((t for t in [root, *root.ancestors] if t.tag_.startswith("VB")), None)
                    if clause is not None and clause.tag_ == "VBG" and clause.dep_ == "advcl" \
                            and clause.lower_ in _RESULT_PARTICIPLES:
                        free = cands
                    else:
                        free = [c for c in cands if c[2] is None
                                or _fronted_or_own(c[2], anc, clause.i if clause is not None else None)]
                cands = free
            if cands:
                # a date right after the figure, with at most a preposition between, is its own,
                # even when another date ends just before it: in a list of forecasts "5.6% this
                # year, 3.2% in 2024 and 2.1% in 2025" the 3.2% is 2024's
                text = _text(doc)
                after = [c for c in cands if c[1]["start"] >= end and _ADJACENT.fullmatch(text[end:c[1]["start"]])]
                if after and any(c[1]["end"] <= start for c in cands):
                    cands = after
                # on a tie the date after the figure ("from 50 tonnes in 2001 to 90 tonnes in 2004")
                g, d, _ = min(cands, key=lambda x: (x[0], x[1]["start"] < start))
                return d["value"], d["text"]
            for g, d in sorted(periods, key=lambda x: x[0]):
                words = _text(doc)[max(s0, d["start"] - 30):d["start"]].lower().split()
                span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
                if span is not None and d.get("type") == "SET" and claim_span is not None \
                        and claim_span.start <= span.root.head.i < claim_span.end and span.start >= claim_span.end:
                    return d["value"], d["text"]  # a rate on the figure itself: "£174.50 a year", "about 350 a day"
                if span is None or not _dates_clause(span, anc, root) or _attached_verb(span) is None \
                        or d.get("type") == "DURATION" and _through_conj(doc[_attached_verb(span)], anc):
                    # the period of the figure's own clause: not "it has been slowing for several
                    # months", nor "155 were cautioned and would have been placed on the register
                    # for two years" (a verb joined to the figure's: the placing, not the 155)
                    continue
                if any(w in _RECORD_WORDS for w in words[-4:]):
                    continue  # "its highest rate for 41 years": how long the record stands
                if d.get("type") == "SET" or (words and words[-1] == "for"):
                    return d["value"], d["text"]
            if rate is not None:
                return rate["value"], rate["text"]
            return None, None
        for ent in sent.ents:
            if ent.label_ == "DATE":
                txt = ent.text
                years = [w for w in txt.split() if w.isdecimal() and len(w) == 4]
                if years:
                    dist = abs(ent.start_char - end)
                    if best_d is None or dist < best_d:
                        best, best_d = (years[-1], txt), dist
        return best if best else (None, None)

    def previous_sentence_claim(self, doc: Doc, sent: Span, across_paragraph: bool = False) -> Optional[Claim]:
        """The last claim of the sentence before ``sent`` (across a paragraph break only when
        asked: an explicit "Of those, ..." may open a paragraph)."""
        k = sent.start - 1
        while k >= 0 and doc[k].is_space:
            if "\n\n" in doc[k].text and not across_paragraph:
                return None
            k -= 1
        if k < 0 or "\n\n" in doc[k].whitespace_ and not across_paragraph:
            return None
        prev = sent_of(doc, k)
        if across_paragraph:
            # an explicit link may also pass a few lines with no figure (a "Sign up to our
            # newsletter" line the page put between)
            for _ in range(3):
                if any(prev.start <= cs < sent.start for _, cs, _ in self.claims) or prev.start == 0:
                    break
                if _text(doc)[prev.start_char:prev.end_char].rstrip()[-1:] in (".", "!", "?", '"', "\u201d") \
                        or "\n" not in doc[prev.start - 1].text + doc[prev.start - 1].whitespace_:
                    break  # a sentence of the article, not a line of the page (no figure: no link)
                k = prev.start - 1
                while k > 0 and doc[k].is_space:
                    k -= 1
                prev = sent_of(doc, k)
        for claim, cs, ce in reversed(self.claims):
            if cs < prev.start:
                break
            if cs < sent.start:
                return claim
        return None

    def _previous_subject_body(self, doc: Doc, sent: Span) -> Optional[Token]:
        """The subject of the sentence before ``sent`` (over one paragraph break at most) when
        it names an organisation: what a sentence-opening "It" refers to ("But the Bank now
        expects it to pick up. It estimates that ..."); through a chain of such "It"s ("The
        IMF cut its outlook. It now forecasts ... In the euro area it predicts ...")."""
        prev = sentence_before(doc, sent.start)
        for _ in range(3):
            if prev is None:
                return None
            body = self._subject_body(prev.root)
            if body is not None:
                return body
            subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.lower_ != "it":
                return None
            prev = sentence_before(doc, prev.start)
        return None

    def _subject_body(self, verb: Token) -> Optional[Token]:
        """The subject of ``verb`` when it names an organisation."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.tag_ in ("PRP", "WP", "DT", "EX"):
            return None
        toks = list(subj.subtree)
        rid = self._canonical(toks[0].idx, toks[-1].idx + len(toks[-1].text))[1]
        return subj if rid is not None and rid.startswith("O") else None

    def _canonical(self, start: int, end: int) -> Tuple[Optional[str], Optional[str]]:
        for s, e, name, rid in self.mentions:
            if s < end and start < e:
                return name, rid
        return None, None

    def source_for(self, doc: Doc, sent: Span, start: int, end: int) -> Tuple[Optional[str], Optional[str], Optional[str]]:
        """Who asserts the claim: the speaker of the quote it sits in, the subject of a
        reporting verb of its sentence ("The NCA estimates ...", "Figures from the
        Ministry of Justice show ..."), or the object of "according to"."""
        c0, c1 = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        for q in self.quotes:
            if q.get("start", 0) <= c0 and c1 <= q.get("end", 0) and q.get("speaker"):
                return q["speaker"], q.get("speaker_id"), q.get("id")
        # "according to X" (the sentence's text first: most have none)
        for t in (sent if "ccording" in text_of(doc)[sent.start_char:sent.end_char].lower() else ()):
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
                pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._who(doc, pobj)
        # a body's figure: "the Met Office's provisional figure of 40.3C"
        num = doc[start]
        top = num
        while start <= top.head.i < end and top.head.i != top.i:
            top = top.head
        if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lower_ in _OWNED_FIGURES:
            owner = next((c for c in top.head.head.children if c.dep_ == "poss" and c.tag_ not in ("PRP$", "WP$")), None)
            if owner is not None:
                who = self._who(doc, owner)
                if who[0]:
                    return who
        # the tagger took a present-tense forecast verb for a noun, with the body before it:
        # "the IMF forecasts[NNS] growth of 0.5% this year" (both modifiers of "growth")
        for a in [top, *top.ancestors]:
            if a.tag_.startswith("VB"):
                break
            mods = [c for c in a.children if c.dep_ == "compound" and c.i < a.i]
            verb = next((c for c in mods if c.lower_ in _MISTAKEN_FORECASTS and c.tag_ in ("NNS", "NN")), None)
            if verb is not None:
                owner = next((c for c in reversed(mods) if c.i < verb.i and c.tag_ in ("NNP", "NNPS")), None)
                who = self._who(doc, owner) if owner is not None else (None, None, None)
                if who[0]:
                    return who
        # a closing ", figures from NHS England show." that the parser could not read as a clause
        m = _TRAILING_FIGURES.search(text_of(doc), c1, sent.end_char)
        if m is not None:
            name, rid = self._canonical(m.start(1), m.end(1))
            if name:
                return name, rid, None
        # reporting verbs: the subject of the verb that governs the claim, or of the sentence root
        verbs = []
        below = num  # the token under each ancestor on the way up from the figure
        clause_of_time = False  # passed a clause of time or cause ("... as inflation drops to 4.6%")
        for a in num.ancestors:
            # (the root also when the tagger took it for a noun: "Figures ... show[NN] that ...")
            # ("sees" too when a body's forecast is its subject: "The ECB's staff projections see
            # inflation averaging 2.5%")
            if (a.tag_.startswith("VB") or a.dep_ == "ROOT") and _reports(a, below) and (a.lower_ in REPORTING or (
                    a.lower_ in ("see", "sees") and any(c.dep_ == "nsubj" and c.lower_ in _OWNED_FIGURES for c in a.children))) \
                    and not clause_of_time and not _record_high(a):
                verbs.append(a)
            # (a clause with a conjunction of its own: "as", "after", "when"; not a participle
            # of the reported clause, "..., taking more than 2,600 calls, the mayor said")
            clause_of_time = clause_of_time or a.dep_ == "advcl" and (
                any(c.dep_ == "mark" for c in a.children) or a.tag_ != "VBG")
            below = a
        if not verbs:
            # a relative clause of report on the figure: "the 1.5% it predicted in November"
            verbs = [c for c in top.children if c.dep_ == "relcl" and c.lower_ in REPORTING and c.tag_.startswith("VB")]
            verbs += [v for v in _trailing_report(sent, end) if v not in verbs]
        for v in verbs:
            if any(c.dep_ == "auxpass" for c in v.children) or (
                    v.dep_ == "conj" and v.lower_ in RECIPIENT_CUES
                    and any(c.dep_ == "auxpass" for c in v.head.children)
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)):
                continue  # "were found guilty", "was jailed ... and told he must serve": not a report
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is None and v.dep_ == "ROOT" and v.tag_.startswith("NN") \
                    and any(c.dep_ == "ccomp" and c.is_ancestor(num) for c in v.children):
                # the tagger took the verb for a noun and its subject for a modifier: "The
                # Office for Budget Responsibility forecast[NN] in November that ..."
                subj = next((c for c in v.children if c.dep_ in ("nmod", "compound", "amod") and c.i < v.i
                             and c.tag_ in ("NNP", "NNPS", "NN", "NNS")), None)
            governor = v
            for _ in range(2):
                # "..., after disclosing that 80% ...": the subject of the clause it hangs on (a
                # participle or an infinitive; a finite verb with no subject is a parse slip)
                if subj is not None or governor.dep_ not in ("advcl", "pcomp", "xcomp", "conj") \
                        or governor.head.i == governor.i or governor.tag_ not in ("VBG", "VBN", "VB"):
                    break
                governor = governor.head
                if governor.tag_ == "IN" and governor.head.i != governor.i:
                    governor = governor.head
                subj = next((c for c in governor.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if subj.tag_ == "PRP" and subj.lower_ in ("it", "they"):
                # "The agency wants a new law, as it warned that ...": the body named as the
                # subject of the clause it hangs on
                up = governor
                while up.dep_ in ("advcl", "conj", "ccomp") and up.head.i != up.i:
                    up = up.head
                    named = next((c for c in up.children if c.dep_ == "nsubj" and c.tag_ != "PRP"), None)
                    if named is not None:
                        # "it" is a body, never a person ("It ... said it would buy back ...")
                        if not any(t.ent_type_ == "PERSON" or (self._canonical(t.idx, t.idx + len(t.text))[1] or "").startswith("P")
                                   for t in named.subtree):
                            subj = named
                        break
            if subj.tag_ == "PRP" and subj.lower_ == "it" and governor.dep_ == "relcl":
                # "The Bank ... forecasts 0.75%, against the 1.5% it predicted": the body that
                # is the subject of the sentence
                subj = self._subject_body(sent.root) or subj
            if subj.tag_ == "PRP" and subj.lower_ == "it":
                # "It estimates that ...": the body that is the subject of the sentence before
                subj = self._previous_subject_body(doc, sent) or subj
            if start <= subj.i < end or any(start <= t.i < end or t.like_num and not self.in_date(t) for t in subj.subtree):
                continue  # the claim (or another figure, not a year: "data for 2022") is the subject
            who = self._who(doc, subj, line_start=_text(doc).rfind("\n", 0, v.idx) + 1)
            if who[0]:
                return who
        return None, None, None

    def _who(self, doc: Doc, head: Token, line_start: int = 0) -> Tuple[Optional[str], Optional[str], Optional[str]]:
        # a subject never reaches back over a line break (headlines run into the next line)
        toks = [t for t in head.subtree if t.idx >= line_start] or [head]
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        name, rid = self._canonical(s, e)
        if name:
            return name, rid, None
        # a named organisation or person inside the subject ("Figures from the Ministry of Justice")
        # the named organisation or person of the subject nearest to its head
        ents = [ent for ent in head.doc.ents if ent.start_char >= s and ent.end_char <= e
                and ent.label_ in ("ORG", "PERSON", "GPE", "NORP") and not _asked_by(ent, head)]
        ent = None
        if ents:
            # prefer names at or after the head ("Figures from the Ministry of Justice")
            ent = min(ents, key=lambda x: (x.label_ not in ("ORG", "PERSON"), x.end <= head.i, abs(x.root.i - head.i)))
            if ent.label_ in ("GPE", "NORP") and not (ent.start <= head.i < ent.end) \
                    and head.tag_ in ("NN", "NNP", "NNS", "NNPS") and head.ent_type_ == "":
                # a place or nationality qualifying the source: "the Indonesian Economics
                # Minister", "forces in England and Wales"
                ent = None
        if ent is not None:
            name, rid = self._canonical(ent.start_char, ent.end_char)
            text = ent.text
            for det in ("the ", "The "):
                if text.startswith(det):
                    text = text[len(det):]
            return (name or text), rid, None
        if head.lower_ in GENERIC_SOURCES:
            # "police figures": the noun that says whose figures they are
            owner = [c for c in head.children if c.dep_ == "compound" and c.tag_ in ("NN", "NNS") and c.is_lower]
            if owner:
                return " ".join(c.text for c in owner), None, None
        if head.tag_ in ("PRP", "WP", "DT", "EX") or head.lower_ in GENERIC_SOURCES or not _agent_noun(head.lower_):
            # no name: only who can assert something is a source ("the chancellor", "police",
            # "economists"); not what is measured ("Net arrivals put at 672,000") nor a
            # document ("The earlier estimate ... had put the figure at 606,000")
            return None, None, None
        words = [t for t in toks if t.lower_ not in ("the", "a", "an")]
        if not words:
            return None, None, None
        named = self._described(words, head)
        if named[0]:
            return named
        return _text(doc)[words[0].idx: words[-1].idx + len(words[-1].text)], None, None

    def _described(self, words: List[Token], head: Token) -> Tuple[Optional[str], Optional[str], Optional[str]]:
        """The one organisation of the article whose name holds every word of a description
        ("agency" -> Environment Agency, "the statistics office" -> Office for National
        Statistics); none when no organisation or several fit."""
        if head.tag_ != "NN" or len(words) > 3 or any(t.dep_ == "poss" or t.tag_ in ("PRP$", "NNP", "NNPS", "CD")
                                                       for t in words):
            return None, None, None
        wanted = {t.lower_ for t in words}
        fits = {}
        for _, _, name, rid in self.mentions:
            if not name or not rid or (rid or "").startswith("P"):
                continue
            have = {w.lower() for w in name.split()}
            have |= {w[:-1] for w in have if w.endswith("s")} | {w + "s" for w in have}
            if wanted <= have:
                fits[name] = rid
        if len(fits) != 1:
            return None, None, None
        name, rid = next(iter(fits.items()))
        # another body of the kind the head word names, mentioned as often: "the bank" after
        # "The Bank of England raised rates. NatWest said ..." may be either
        from .organisations import DESCRIPTION_TYPES

        kinds = DESCRIPTION_TYPES.get(head.lower_, frozenset())
        counts: Dict[str, int] = {}
        for _, _, _, r in self.mentions:
            counts[r] = counts.get(r, 0) + 1
        if any(r != rid and self.org_types.get(r) in kinds and counts[r] >= counts[rid] for r in self.org_types):
            return None, None, None
        return name, rid, None


_NO_CTX = _Context(None)

#: nouns for people or bodies that can assert a figure without being named
_AGENT_NOUNS = frozenset({
    "government", "governments", "police", "ministers", "minister", "officials", "official", "analysts", "analyst",
    "economists", "economist", "experts", "expert", "researchers", "researcher", "campaigners", "campaigner",
    "critics", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "unions", "authorities", "scientists",
    "statisticians", "forecasters", "investors", "traders", "sources", "insiders", "opponents", "organisers",
    "organizers", "doctors", "lawyers", "prosecutors", "judge", "investigators", "inspectors", "auditors",
    "academics", "commentators", "bosses", "executives", "regulators", "charities", "councils", "mps", "peers",
    "treasury", "whitehall", "downing", "ministry", "department", "office", "parliament"})


_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ent", "ents", "ant", "ants", "eer", "eers")
_PEOPLE_WORDS = frozenset({"airline", "police", "staff", "families", "parents", "patients", "fans", "locals", "people",
                           "public", "industry", "firm", "firms", "business", "businesses", "shops", "bank", "banks",
                           "charity", "charities", "union", "unions", "team", "club", "league", "school", "schools",
                           "university", "universities", "hospital", "hospitals", "trust", "trusts", "ministry"})


@lru_cache(maxsize=4096)
def _agent_noun(word: str) -> bool:
    """Can a noun phrase headed by ``word`` be who asserts a figure: a person's role
    (officials' titles), a description of a body ("the regulator"), or a noun for people
    or bodies in general?"""
    from .organisations import DESCRIPTION_TYPES, ORG_HEADS, load_titles

    titles = load_titles()
    forms = {word, U.singular(word)}  # ("forces in England and Wales")
    if forms & (_PEOPLE_NOUNS | _FIGURE_NOUNS | GENERIC_SOURCES | DATE_WORDS):
        return False  # what is measured or counted, a figure, a time
    if any(w in _AGENT_NOUNS or w in DESCRIPTION_TYPES or w in ORG_HEADS or w in titles for w in forms):
        return True
    # a noun for people who do something ("the retailer", "the lender", "growers",
    # "economists", "residents", "the airline")
    return word.endswith(_AGENT_ENDINGS) or bool(forms & _PEOPLE_WORDS)

#: nouns whose "by X" names who asked, not who published: "figures released after a request
#: by a campaigner show ..." (the campaigner asserts nothing)
_ASKING_NOUNS = {"request", "requests", "question", "questions", "demand", "demands", "application",
                 "applications", "petition", "query", "queries", "call", "calls", "motion"}


#: forecast verbs the tagger may take for plural nouns after a body's name ("the IMF forecasts growth")
_MISTAKEN_FORECASTS = {"forecasts", "predicts", "estimates", "projects", "expects"}
#: a closing ", figures from BODY show." (group 1: the body)
_TRAILING_FIGURES = re.compile(
    r",\s+(?:(?:the|new|latest|official|provisional)\s+)*(?:figures|data|statistics|estimates)\s+"
    r"(?:from|by|published\s+by|released\s+by)\s+(?:the\s+)?([^,.;]+?)\s+(?:show|shows|showed|suggest|suggests|reveal|reveals|indicate|indicates)\s*[.!]?\s*$",
    re.I)


def _trailing_report(sent: Span, end: int) -> List[Token]:
    """A reporting clause closing the sentence after the figure, which the parser joined to the
    main verb as a conjunct: "More than 30,000 people were infected ..., the Inquiry said on
    Monday" (", SUBJECT said" with nothing reported after it)."""
    doc = sent.doc
    for t in sent:
        if t.i < end or t.lower_ not in REPORTING or not t.tag_.startswith("VB") or t.dep_ not in ("conj", "parataxis", "ROOT"):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i > t.i:
            continue
        first = min(x.i for x in subj.subtree)
        if first - 1 < end or doc[first - 1].text != ",":
            continue
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in t.children):
            continue  # it reports something of its own
        return [t]
    return []


def _record_high(verb: Token) -> bool:
    """"climbs to record 7.75 million": "record" is an adjective the parser took for a verb."""
    doc = verb.doc
    return verb.lower_ == "record" and verb.i > 0 and doc[verb.i - 1].lower_ in ("to", "a", "new") \
        and verb.i + 1 < len(doc) and doc[verb.i + 1].like_num


def _reports(verb: Token, below: Token) -> bool:
    """Is what hangs under ``verb`` through ``below`` what the verb reports? Its clause or
    object is ("figures show that 2,087 ...", "estimates the number at 830,000"); a clause
    of time or cause is not ("claims win as inflation drops to 4.6%", "claimed success after
    figures showed ..."), nor the object of "added" ("migration added 190,333 people")."""
    if below.dep_ == "advcl" or below.dep_ == "prep" and below.lower_ not in ("at", "of", "to"):
        return False
    if below.dep_ in ("dobj", "nsubj") and verb.lower_ in _ADD_VERBS:
        return False
    return True


def _asked_by(ent: Span, head: Token) -> bool:
    """Is the name inside the subject only the asker of a request on the way to its head?"""
    t = ent.root
    for _ in range(12):
        if t.i == head.i or t.head.i == t.i:
            return False
        t = t.head
        if t.lower_ in _ASKING_NOUNS and t.i != head.i:
            return True
    return False

_MOD_TAGS = {"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "HYPH"}
#: words between an article and a number that order, size or weigh a count rather than say
#: what is counted ("the last three games", "a whopping 40 cases")
_NOT_DESCRIBING = {"last", "first", "next", "past", "previous", "same", "only", "other", "few", "many",
                   "several", "whole", "entire", "full", "total", "mere", "whopping", "staggering",
                   "massive", "huge", "additional", "extra", "further", "remaining", "estimated", "final",
                   "current", "latest", "initial", "combined", "average", "net", "gross", "approximate",
                   "reported", "recent", "cool", "impressive", "modest", "paltry", "meagre", "meager",
                   "healthy", "hefty", "respective", "collective"}
#: collective nouns whose size is a number of people ("the population stood at 5.1 million")
_PEOPLE_NOUNS = {"population", "populations", "migration", "immigration", "emigration", "unemployment", "workforce",
                 "headcount", "crowd", "crowds", "attendance", "electorate"}


def _counts_people(tok: Token) -> bool:
    """A noun whose size is a number of people ("population", "net migration"), or a noun of
    amount for one ("the migration figure", "population estimates")."""
    if tok.lower_ in _PEOPLE_NOUNS:
        return True
    return tok.lower_ in _FIGURE_NOUNS and any(c.dep_ in ("compound", "amod") and c.lower_ in _PEOPLE_NOUNS and c.i < tok.i
                                               for c in tok.children)
#: nouns that name a count of what their "of" phrase says ("the number of adults")
_QUANTITY_NOUNS = {"number", "numbers", "total", "count", "counts", "tally"}
#: nouns for a stated amount, which a noun before them may say the subject of ("migration figure")
_FIGURE_NOUNS = _QUANTITY_NOUNS | {"figure", "figures", "estimate", "estimates", "level", "levels"}
#: what may stand between a number and the noun it counts ("20,951 additional police officers")
_BETWEEN_TAGS = _MOD_TAGS | {"CD", "VBN", "VBG", "POS", "``", "''", ",", "CC", "RBS"}  # RBS: "the 10 most popular apps"


def _same_figure_units(claims: List[Claim], headline_end: int) -> None:
    """A bare figure of the headline ("Waiting list climbs to record 7.75 million") counts
    what the same figure counts where the article states it with its noun ("7.75 million
    treatments"). Only headline figures, and only figures too particular to match by chance
    (not small whole numbers); nothing is written next to the bare one, so its surface unit
    stays empty. (In the body a bare figure may be a price or a level: "rose to 1,250".)"""
    named = [c for c in claims if c.kind == "count" and c.unit and c.value]
    if not named:
        return
    for c in claims:
        v = c.value
        if c.start >= headline_end or c.unit is not None or c.kind != "count" or not v or (v < 100 and v == int(v)):
            continue
        same = next((d for d in named if abs(d.value - v) <= 1e-3 * abs(v)), None)
        if same is not None:
            c.unit, c.counted = same.unit, same.counted


def _completing_words(doc: Doc, sent: Span, head: Token) -> Optional[str]:
    """Words after the counted noun that say what it is: an "of" phrase of a common noun
    ("65 snaps of man coverage", "the proudest moment of my life"; not a name: "five seasons
    of Sesame Street"), and the clause that completes a superlative ("one of the finest
    goals ever to win a final", "the largest animals to ever live")."""
    words: List[str] = []
    k = head.i + 1
    if k + 1 < sent.end and doc[k].lower_ == "of" and doc[k].head.i == head.i and head.lower_ not in _QUANTITY_NOUNS:
        # (not after a noun of amount: "one count of fraud" counts counts)
        pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.tag_ in ("NN", "NNS") and pobj.is_lower and pobj.i - k <= 4:
            w = _modifier_words(doc, k + 1, pobj.i + 1)
            if w:
                words.append(w)
    superlative = any(c.tag_ == "JJS" or c.lower_ == "most" or any(g.lower_ == "most" for g in c.children)
                      for c in head.children if c.i < head.i)
    if superlative:
        for c in head.children:
            if c.dep_ in ("acl", "relcl") and c.i > head.i and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                toks = [t for t in c.subtree if t.i < sent.end and t.tag_ in ("VB", "NN", "NNS", "NNP", "NNPS", "JJ")
                        and t.lower_ not in DET_SKIP]
                if 0 < len(toks) <= 6:
                    words.append(" ".join(t.text for t in toks))
                break
    return " ".join(words) or None


def _modifier_words(doc: Doc, s: int, e: int) -> Optional[str]:
    """The adjectives and nouns of ``doc[s:e]`` (a noun phrase up to its head), hyphenated
    words kept whole: "different bosses", "first-team players", "new 737 Max jets"."""
    # start after the last number of the stretch ("the combined 4.3M digital sales")
    for k in range(e - 1, s - 1, -1):
        if doc[k].tag_ == "CD" and k < e - 1 and not doc[k + 1].text[:1].isupper():
            s = k + 1
            break
        if doc[k].tag_ == "CD" and k < e - 1 and doc[k].whitespace_ == "" and doc[k + 1].lower_ in N.SCALE_ABBREVIATIONS:
            s = k + 2  # "the combined 4.3M digital sales": "M" is the scale of the number
            break
    words: List[str] = []
    glue = False
    for t in doc[s:e]:
        keep = t.tag_ in _MOD_TAGS or _plural_tagged_verb(t) or (t.tag_ == "CD" and t.text[:1].isdecimal() and (
            words or t.whitespace_ == "" and t.i + 1 < e and doc[t.i + 1].is_alpha)) or t.text == "-"  # "3G phones"
        if t.lower_ in DET_SKIP or t.lower_ in ("of", "and", "or") or t.is_punct and t.text != "-":
            keep = False
        if t.tag_ in ("VBN", "VBG") and not glue:
            keep = False
        if not keep:
            glue = False
            continue
        if glue and words:
            words[-1] += t.text
        else:
            words.append(t.text)
        glue = t.whitespace_ == ""
    words = [w.strip("-") for w in words if w.strip("-")]
    return " ".join(words) or None
