"""The ``dates`` component: every time expression, with TimeML extents and TIMEX3 values.

Candidates come from two places:

* the model's DATE and TIME entities, with their extents fixed to TimeML conventions:
  leading words that are not part of the expression are dropped (prepositions,
  "about the", "the age of", possessive "'s", trailing punctuation) while determiners and
  modifiers that belong to it are kept ("the last week", "last year", "every day",
  "more than four years"); an entity holding two expressions ("Friday and Saturday") is
  split; a date followed by its clock time ("13 December 2023, 17:54") is joined;
* a spaCy Matcher for what the model misses: "now", "currently", "recently", weekdays,
  month names, fiscal years ("2016/17"), durations ("20 months", "30-year"), sets
  ("every month", "daily", "twice a week"), quarters ("third-quarter"), "earlier this
  year", "the past decade".

Each candidate is normalised by :func:`extractors.normalize.timex.normalise`, anchored on
``doc._.published`` with the tense of its governing verb (VBD -> past, will -> future);
candidates the normaliser cannot read are dropped. "a year" after a count or a noun
("40,000 cases a year") is a rate: TIMEX3 SET. Results: :class:`TimeExpression` records in
``doc._.dates`` and a ``doc.spans[span_key]`` group labelled by type.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import extensions
from ..normalize.timex import HOLIDAYS, MONTHS, PARTS_OF_DAY, UNITS, WEEKDAYS, Timex, normalise
from ..records import TimeExpression
from .anchors import AnchoredMatcher
from .sentences import sent_of, text_of

# --------------------------------------------------------------------------- vocab

#: words before a time expression that are never part of it (TimeML extents)
_MOD_BEFORE = [("no", "more", "than"), ("no", "less", "than"), ("more", "than"), ("less", "than"),
               ("fewer", "than"), ("at", "least"), ("at", "most"), ("up", "to"), ("nearly",),
               ("almost",), ("upwards", "of")]
_MOD_LAST_WORDS = {words[-1] for words in _MOD_BEFORE}
_LEAD_DROP = {
    "in", "on", "at", "since", "for", "during", "by", "until", "till", "til", "from", "of",
    "to", "within", "throughout", "about", "through", "after", "before", "over", "into", "between",
    "as", "than", "like", "per", "and", "or", "but", "with", "around", "toward", "towards",
    "these", "those", "its", "their", "his", "her", "our", "my", "your", "this's",
    ",", ";", ":", "(", ")", "-", "--", '"', "'", "``", "''", "\u2018", "\u2019", "\u201c", "\u201d",
}
#: words the tagger sometimes reads as prepositions that belong to the expression ("next
#: week" with "next" as IN)
_IN_KEEP = {"around", "over", "under", "after", "before", "next", "last", "past", "this", "later", "earlier"}
#: phrases that end a leading non-temporal stretch ("the age of 18": not a TIMEX)
_AGE_WORDS = {"age", "aged", "ages"}
_TRAIL_DROP = {",", ";", ":", ".", "(", ")", "-", "--", '"', "'", "'s", "\u2019s", "``", "''",
               "\u2019", "\u201d", "\u201c", "and", "or", "to"}
_UNIT_WORDS = set(UNITS) | {u + "s" for u in UNITS} | {"centuries", "millennia", "yrs", "hrs", "mins"}
_TEMPORAL_NOUNS = _UNIT_WORDS | set(MONTHS) | set(WEEKDAYS) | {
    "today", "yesterday", "tomorrow", "tonight", "now", "morning", "afternoon", "evening",
    "night", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
    "weekend", "weekends", "noon", "midnight", "period", "half", "season",
}
#: reference words the Matcher adds ("soon", "previously", "formerly" are left to the
#: model: TimeML corpora annotate them only sometimes)
_REF_WORDS = ["now", "currently", "recently", "nowadays", "lately"]
_SET_ADVERBS = ["daily", "weekly", "monthly", "yearly", "annually", "quarterly", "hourly",
                "nightly", "fortnightly", "biannually", "biennially", "everyday"]
_SEASONS = ["spring", "summer", "autumn", "fall", "winter"]
_ORD = ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "final", "last", "latest"]
_REL = ["last", "this", "next", "past", "previous", "coming", "current", "following", "recent"]
_VAGUE = ["few", "several", "many", "some", "recent", "coming", "next", "past", "last"]
_UNITS_L = sorted(_UNIT_WORDS)
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_AMPM = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock"]
_ZONES = ["gmt", "bst", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest"]
_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_ABBR = sorted(set(MONTHS) | {m + "." for m in MONTHS if len(m) <= 4})
_MONTH_FULL = [m for m in MONTHS if len(m) > 3]
_PARTS = ["morning", "afternoon", "evening", "night"]
_HOLIDAY_FIRST = ["christmas", "thanksgiving", "easter", "halloween"]
#: first words of the named days that end in a weekday (the normaliser's holidays)
_DAY_NAME_FIRST = ["good", "black", "cyber", "ash", "shrove", "palm", "maundy", "mothering"]
#: spelled-out days of the month ("March eighth"; "first" / "second" are too common alone)
_ORD_DAYS = ["third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth", "thirtieth"]
#: single words that are time expressions only in some uses ("a fall in prices",
#: "night" as a noun, "annual" as an adjective)
_NEEDS_CONTEXT = {"fall", "spring", "night", "nights", "annual", "quarterly", "daily", "weekly",
                  "monthly", "yearly", "second", "seconds"}
_CONTEXT_BEFORE = {"this", "last", "next", "the", "early", "late", "in", "during", "by", "until",
                   "since", "mid", "that", "each", "every", "of", "past", "coming"}


def _patterns() -> Dict[str, List[List[dict]]]:
    """Matcher patterns for what the model misses. No pattern starts with an optional
    token and token shapes replace regular expressions, to keep the Matcher cheap; a
    leading "the" is added afterwards (:meth:`DateExtractor._with_the`)."""
    num = {"LIKE_NUM": True}
    unit = {"LOWER": {"IN": _UNITS_L}}
    year = {"SHAPE": "dddd"}
    rel_adj = ["past", "last", "next", "coming", "previous", "following", "first", "latest", "final", "recent"]
    return {
        "REF": [
            [{"LOWER": {"IN": _REF_WORDS}}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future", "present"]}}],
            [{"LOWER": {"IN": ["these", "those"]}}, {"LOWER": "days"}],
            [{"LOWER": "at"}, {"LOWER": "present"}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["years", "months", "weeks", "days"]}}, {"LOWER": {"IN": ["ahead"]}}],
            [{"LOWER": "current", "TAG": "JJ"}],
            [{"LOWER": "then"}, {"LOWER": "current"}],
            [{"LOWER": "the"}, {"LOWER": "near"}, {"LOWER": {"IN": ["future", "term"]}}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["short", "long"]}}, {"LOWER": "term"}],
        ],
        "SET": [
            [{"LOWER": {"IN": ["every", "each", "per"]}}, {"LOWER": "other", "OP": "?"}, {"LIKE_NUM": True, "OP": "?"},
             {"LOWER": {"IN": _UNITS_L + list(WEEKDAYS) + ["weekend"] + _MONTH_FULL + _SEASONS}}],
            [{"LOWER": {"IN": _SET_ADVERBS}, "TAG": {"IN": ["RB", "RBR"]}}],
            [{"LOWER": {"IN": ["once", "twice"]}}, {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}}, unit],
            [num, {"LOWER": "times"}, {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}}, unit],
            [{"LOWER": "per"}, {"LOWER": "annum"}],
        ],
        "FISCAL": [
            [{"SHAPE": {"IN": ["dddd/dd", "dddd-dd", "dddd/dddd"]}}],
            [year, {"ORTH": {"IN": ["/", "-"]}}, {"SHAPE": {"IN": ["dd", "dddd"]}}],
            [{"LOWER": {"IN": ["fiscal", "financial"]}}, {"LOWER": "year", "OP": "?"}, year],
            # seasons of a sport: "the 2019-20 season", "the 2021/22 season" (July-June), "the
            # 2005 season", "this season", "last season"
            [{"LOWER": "the"}, {"SHAPE": {"IN": ["dddd/dd", "dddd-dd", "dddd/dddd", "dddd"]}}, {"LOWER": "season"}],
            [{"LOWER": "the"}, year, {"ORTH": {"IN": ["/", "-"]}}, {"SHAPE": {"IN": ["dd", "dddd"]}}, {"LOWER": "season"}],
            [{"LOWER": {"IN": ["this", "last", "next", "current", "coming"]}}, {"LOWER": "season"}],
        ],
        "DURATION": [
            [{"LOWER": {"IN": rel_adj}}, num, unit],
            [num, unit],
            # "two more weeks", "eight trading days", "an additional year", "a hundred years"
            [num, {"LOWER": {"IN": ["more", "additional", "extra", "further", "trading", "business", "working"]}}, unit],
            [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["additional", "extra", "further", "hundred", "thousand"]}}, unit],
            # "a full year", "an entire month", "a whole 12 months"
            [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["full", "entire", "whole"]}}, {"LIKE_NUM": True, "OP": "?"}, unit],
            [{"LOWER": {"IN": rel_adj}}, {"LOWER": {"IN": ["few", "several", "many"]}, "OP": "?"}, unit],
            [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["few", "couple"]}}, {"LOWER": "of", "OP": "?"}, unit],
            [{"LOWER": {"IN": ["several", "many"]}}, unit],
            [num, {"ORTH": "-"}, unit],
            # "for a while", "for some time": a vague duration (PXX)
            [{"LOWER": {"IN": ["a", "some"]}}, {"LOWER": {"IN": ["while", "time"]}}],
            # "a day-long meeting", "a decades-long battle"
            [unit, {"ORTH": "-"}, {"LOWER": "long"}],
            [num, {"SHAPE": "d/d"}, unit],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["fiscal", "full", "entire", "whole", "calendar"]}, "OP": "?"}, {"LOWER": "year"}],
            [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["year", "month", "week", "day", "decade", "hour", "fortnight", "century"]}}],
        ],
        "REL": [
            [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": {"IN": ["this", "that", "last", "next"]}}, {"LOWER": {"IN": ["year", "month", "week", "quarter", "morning", "afternoon", "evening", "night"]}}],
            # "that night", "that morning": the day the text is talking about
            [{"LOWER": "that"}, {"LOWER": {"IN": ["morning", "afternoon", "evening", "night"]}}],
            [{"LOWER": "that"}, {"LOWER": "same"}, {"LOWER": {"IN": ["day", "night", "morning", "week", "month", "year"]}}],
            [{"LOWER": "mid"}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["morning", "afternoon", "evening"]}},
             {"LOWER": {"IN": ["yesterday", "today", "tomorrow"]}, "OP": "?"}],
            [{"LOWER": "election"}, {"LOWER": "day", "IS_TITLE": True}],
            [{"LOWER": {"IN": _REL}}, {"LOWER": {"IN": ["year", "month", "week", "weekend", "quarter", "decade", "century", "fortnight"]}}],
            [{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight"]}}],
            [{"LOWER": "year"}, {"ORTH": {"IN": ["-", "'s", "\u2019s"]}, "OP": "?"}, {"LOWER": "end"}],
            [{"LOWER": {"IN": ["year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades"]}}, {"LOWER": {"IN": ["ago", "earlier", "later"]}}],
            [{"LOWER": {"IN": ["a", "one", "two", "three", "four", "five", "six", "ten"]}}, {"LOWER": {"IN": ["year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades"]}}, {"LOWER": {"IN": ["ago", "earlier", "later"]}}],
            [{"LOWER": "year"}, {"ORTH": "-"}, {"LOWER": {"IN": ["earlier", "ago"]}}],
            [{"LOWER": "year"}, {"ORTH": "-"}, {"LOWER": {"IN": ["earlier", "ago"]}}, {"LOWER": {"IN": ["quarter", "period"]}}],
            [{"LOWER": {"IN": _SEASONS}}],
            [{"LOWER": {"IN": ["this", "last", "next"]}}, {"LOWER": {"IN": _SEASONS}}],
        ],
        "TIME": [
            [{"SHAPE": {"IN": ["d:dd", "dd:dd"]}}, {"LOWER": {"IN": _AMPM}, "OP": "?"}, {"LOWER": {"IN": _ZONES}, "OP": "?"}],
            [{"SHAPE": {"IN": ["d", "dd", "d.dd", "dd.dd"]}}, {"LOWER": {"IN": _AMPM}}, {"LOWER": {"IN": _ZONES}, "OP": "?"}],
            [{"LOWER": {"IN": ["noon", "midnight", "midday"]}}],
            # "from 1900 GMT": a four-digit clock with a zone (not the year 1900)
            [{"SHAPE": "dddd"}, {"LOWER": {"IN": _ZONES}}],
            # "at 4 in the morning"
            [{"SHAPE": {"IN": ["d", "dd"]}}, {"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": {"IN": ["morning", "afternoon", "evening"]}}],
        ],
        "QUARTER": [
            [{"LOWER": {"IN": _ORD}}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["quarter", "half"]}}],
            [{"LOWER": "fiscal"}, {"LOWER": {"IN": _ORD}}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": ["quarter", "half"]}}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["quarter", "period"]}}],
            [{"LOWER": {"IN": ["latest", "comparable", "same", "year-ago", "year-earlier"]}}, {"LOWER": {"IN": ["quarter", "period"]}}],
            # "the 1989 period" ("the corresponding period last year": see DateExtractor._trim)
            [{"LOWER": "the"}, {"SHAPE": "dddd"}, {"LOWER": {"IN": ["quarter", "period"]}}],
        ],
        "CAL": [
            # numeric dates: "22/08/2023" (day first, as in British news, unless only the
            # second number can be a day: "08/22/2023"), "22.08.2023", ISO "2023-08-22"
            [{"SHAPE": {"IN": ["dd/dd/dddd", "d/dd/dddd", "dd/d/dddd", "d/d/dddd",
                               "dd.dd.dddd", "d.dd.dddd", "dd.d.dddd", "d.d.dddd"]}}],
            [{"SHAPE": "dddd"}, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}],
            [{"LOWER": {"IN": _WEEKDAY_NAMES}, "IS_TITLE": True}],
            [{"LOWER": {"IN": ["last", "this", "next", "coming", "following", "previous", "preceding"]}}, {"LOWER": {"IN": _WEEKDAY_NAMES}, "IS_TITLE": True}],
            [{"LOWER": "this"}, {"LOWER": {"IN": ["coming", "past"]}}, {"LOWER": {"IN": _WEEKDAY_NAMES}, "IS_TITLE": True}],
            # transcripts: "March eighth"
            [{"LOWER": {"IN": _MONTH_FULL}, "IS_TITLE": True}, {"LOWER": {"IN": _ORD_DAYS}}],
            [{"LOWER": {"IN": _WEEKDAY_NAMES}, "IS_TITLE": True}, {"LOWER": {"IN": _PARTS + ["mornings", "afternoons", "evenings", "nights"]}}],
            [{"LOWER": {"IN": ["early", "late"]}}, {"LOWER": {"IN": _WEEKDAY_NAMES}, "IS_TITLE": True}, {"LOWER": {"IN": _PARTS}}],
            [{"LOWER": {"IN": _MONTH_ABBR}}, {"SHAPE": {"IN": ["d", "dd", "dxx", "ddxx"]}},
             {"ORTH": ",", "OP": "?"}, {"SHAPE": "dddd", "OP": "?"}],
            [{"LOWER": {"IN": _HOLIDAY_FIRST}, "IS_TITLE": True}, {"LOWER": {"IN": ["day", "eve", "sunday", "monday", "week"]}, "OP": "?"}],
            [{"LOWER": {"IN": ["last", "this", "next"]}}, {"LOWER": {"IN": _HOLIDAY_FIRST}, "IS_TITLE": True}],
            # named days written as a word and a weekday ("Good Friday", "Black Friday")
            [{"LOWER": {"IN": _DAY_NAME_FIRST}, "IS_TITLE": True}, {"LOWER": {"IN": _WEEKDAY_NAMES}, "IS_TITLE": True}],
            # "the New Year", "New Year's Eve", "Boxing Day" (title case only: "a new year" is a noun)
            [{"LOWER": "new", "IS_TITLE": True}, {"LOWER": "year", "IS_TITLE": True}, {"ORTH": {"IN": ["'s", "\u2019s"]}, "OP": "?"},
             {"LOWER": {"IN": ["day", "eve"]}, "IS_TITLE": True, "OP": "?"}],
            [{"LOWER": "boxing", "IS_TITLE": True}, {"LOWER": "day", "IS_TITLE": True}],
            [{"LOWER": {"IN": _MONTH_FULL}, "TAG": {"IN": ["NNP", "NN"]}}],
            [{"LOWER": {"IN": ["last", "this", "next", "early", "late", "mid"]}}, {"LOWER": {"IN": _MONTH_FULL}, "TAG": {"IN": ["NNP", "NN"]}}],
            # "March 2005", "30 September 2004" (the model sometimes leaves them inside a longer
            # entity it cannot read, "the year to March 2005")
            [{"LOWER": {"IN": _MONTH_ABBR}, "IS_TITLE": True}, {"SHAPE": "dddd"}],
            [{"SHAPE": {"IN": ["d", "dd", "dxx", "ddxx"]}}, {"LOWER": {"IN": _MONTH_ABBR}, "IS_TITLE": True}, {"SHAPE": "dddd", "OP": "?"}],
            # "the 5th of May"
            [{"SHAPE": {"IN": ["dxx", "ddxx"]}}, {"LOWER": "of"}, {"LOWER": {"IN": _MONTH_ABBR}, "IS_TITLE": True}, {"SHAPE": "dddd", "OP": "?"}],
            [{"SHAPE": "dddd", "TAG": "CD"}],
            [{"SHAPE": {"IN": ["dddds", "dddd's"]}}],
            # "post-1959", "pre-1990" (the normaliser reads only pre-/post-/mid-)
            [{"SHAPE": {"IN": ["xxxx-dddd", "xxx-dddd"]}}],
        ],
    }


#: words after which a leading "the" belongs to the expression ("the past three years")
_THE_BEFORE = {"past", "last", "next", "coming", "previous", "following", "first", "second",
               "third", "fourth", "final", "latest", "recent", "fiscal", "same", "comparable",
               "year-ago", "year-earlier", "preceding", "spring", "summer", "autumn", "fall", "winter", "early",
               "late", "current", "weekend", "week", "month", "year", "day", "new"}


#: words too common to anchor a pattern: each pattern has a rarer required token
_VERY_COMMON = {"the", "a", "an", "at", "of", "per", "every", "each", "this", "that", "these", "those", "one", "two", "then"}
_NOT_ANCHORS = {"last", "next", "other", "past", "first", "second", "final", "latest", "current",
                "early", "late", "mid", "once", "twice", "earlier", "later", "few", "several", "many",
                "three", "four", "five", "six", "ten", "same", "coming", "previous",
                "following", "recent", "fiscal", "financial", "full", "entire", "whole", "calendar",
                # common words of the round-4 patterns: the anchor is their unit word instead
                "in", "more", "business", "working", "trading", "further", "additional",
                "extra", "hundred", "thousand"}


# --------------------------------------------------------------------------- factory


@Language.factory(
    "dates",
    assigns=["doc._.dates_data", "doc.spans"],
    requires=["doc.ents", "token.tag", "token.dep"],
    default_config={"fiscal_year_start": 4, "day_first": True, "span_key": "dates", "keep_unnormalised": False},
)
def make_dates(
    nlp: Language, name: str, *, fiscal_year_start: int = 4, day_first: bool = True,
    span_key: str = "dates", keep_unnormalised: bool = False,
) -> "DateExtractor":
    """Build the dates component.

    fiscal_year_start: first month of a fiscal year ("2016/17" runs April-March by default).
    day_first: all-numeric dates put the day first ("08/07/2023" is 8 July, as in British
        news; False: 7 August, as in American news). A number over 12 is a day either way.
    span_key: the ``doc.spans`` key of the results.
    keep_unnormalised: keep DATE/TIME entities the normaliser cannot read (value None).
    """
    return DateExtractor(nlp, name, fiscal_year_start=fiscal_year_start, day_first=day_first,
                         span_key=span_key, keep_unnormalised=keep_unnormalised)


class DateExtractor(Pipe):
    """Finds and normalises time expressions (TIMEX3)."""

    def __init__(self, nlp: Language, name: str = "dates", *, fiscal_year_start: int = 4,
                 day_first: bool = True, span_key: str = "dates", keep_unnormalised: bool = False):
        self.name = name
        self.fiscal_year_start = fiscal_year_start
        self.day_first = day_first
        self.span_key = span_key
        self.keep_unnormalised = keep_unnormalised
        self.matcher = Matcher(nlp.vocab)
        patterns = _patterns()
        for label, pats in patterns.items():
            self.matcher.add(label, pats)
        self._anchors = AnchoredMatcher(self.matcher, patterns, common=_NOT_ANCHORS, very_common=_VERY_COMMON)
        extensions.register()

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.published
        cands: List[Tuple[Span, str]] = []
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                for sp in self._fix(ent):
                    cands.append((sp, "ner"))
        for match_id, s, e in self._anchors(doc):
            if s > 0 and doc[s - 1].lower_ == "the" and (doc[s].lower_ in _THE_BEFORE or (doc[s].like_num and doc[s].shape_ != "dddd")) \
                    and not (doc[s].like_num and s + 1 < e and doc[s + 1].lower_.rstrip(".") in MONTHS):
                # ("the [14 December] meeting": the article belongs to the noun)
                s -= 1
            sp = self._trim(doc[s:e])
            if sp is not None:
                cands.append((sp, "rule"))
        results: List[Tuple[Span, Timex]] = []
        chosen = self._choose(doc, cands, anchor)
        for sp, tx in chosen:
            results.append((sp, tx))
        results = self._join_date_time(doc, results, anchor)
        results = _join_weekday_date(doc, results)
        results = self._coordinated(doc, results, anchor)
        results = _days_of_one_month(doc, results)
        results = self._or_so(doc, results, anchor)
        results = _ordered_lists(doc, results)
        results = _share_year(doc, results)
        results = _resolve_in_context(doc, results)
        results = _quarter_ended(doc, results)
        records: List[TimeExpression] = []
        spans: List[Span] = []
        for sp, tx in results:
            records.append(TimeExpression(
                text=sp.text, start=sp.start_char, end=sp.end_char, type=tx.type, value=tx.value,
                mod=tx.mod, anchored=bool(tx.anchored and anchor), begin=tx.begin, finish=tx.finish))
            spans.append(Span(doc, sp.start, sp.end, label=tx.type))
        extensions.set_records(doc, "dates", records)
        doc.spans[self.span_key] = spans
        return doc

    # ------------------------------------------------------------------ candidates
    def _choose(self, doc: Doc, cands: List[Tuple[Span, str]], anchor) -> List[Tuple[Span, Timex]]:
        """Normalise every candidate and keep the longest non-overlapping readable ones."""
        seen: Dict[Tuple[int, int], Tuple[Span, Optional[Timex], str]] = {}
        for sp, src in cands:
            key = (sp.start, sp.end)
            if key in seen:
                continue
            if not _plausible(sp):
                continue
            tx = self._normalise(sp, anchor)
            if tx is None and not (self.keep_unnormalised and src == "ner"):
                continue
            seen[key] = (sp, tx, src)
        ordered = sorted(seen.values(), key=lambda x: (-(x[0].end - x[0].start), x[0].start))
        taken = set()
        out = []
        for sp, tx, src in ordered:
            if any(i in taken for i in range(sp.start, sp.end)):
                continue
            taken.update(range(sp.start, sp.end))
            out.append((sp, tx if tx is not None else Timex(sp.label_ if sp.label_ in ("DATE", "TIME") else "DATE", None)))
        out.sort(key=lambda x: x[0].start)
        return out

    def _normalise(self, sp: Span, anchor) -> Optional[Timex]:
        tense = "future" if _future_cue(sp) else ("past" if _past_cue(sp) else tense_of(sp))
        text = sp.text
        low = text.lower()
        if low in _THE_YEAR:
            return _the_year(sp, anchor)
        if low in _THE_PERIOD and _runs_to_a_date(sp):
            # "the week to 25 December", "the month to November": a stretch that ends on the
            # date after it (DURATION, as "the year to June" and "the year ended Sept. 30")
            return Timex("DURATION", _THE_PERIOD[low])
        if low in _VAGUE_SPANS:
            # only as the object of "for": "live without it for a while", "in the gulf region
            # for some time" ("once in a while", "some time ago" are not durations)
            prev = sp.doc[sp.start - 1] if sp.start > 0 else None
            nxt = sp.doc[sp.end] if sp.end < len(sp.doc) else None
            if prev is None or prev.lower_ != "for" or (nxt is not None and nxt.lower_ in ("ago", "now", "later", "earlier")):
                return None
            return Timex("DURATION", "PXX")
        if low == "the day" and sp.end + 1 < len(sp.doc) and sp.doc[sp.end].lower_ in ("of", "after", "before", "when") \
                and sp.doc[sp.end + 1].lower_ not in _TEMPORAL_NOUNS and not sp.doc[sp.end + 1].like_num \
                and sp.doc[sp.end + 1].lower_ not in ("yesterday", "tomorrow", "today"):
            # "the day after the vote", "on the day of the test": the day of an event, not
            # the publication day (TimeML: a date the text does not resolve here)
            return Timex("DATE", "XXXX-XX-XX")
        tx = normalise(text, anchor, tense=tense, fiscal_year_start=self.fiscal_year_start, day_first=self.day_first)
        if tx is None and _ORDINAL_DAY.fullmatch(low) and _is_today(sp):
            # "today is the eighth day of Desert Shield", "It's the second day of an offensive"
            return Timex("DATE", str(anchor)[:10], anchored=True) if anchor else Timex("DATE", "XXXX-XX-XX")
        if tx is None:
            return None
        if low == "one day" and _someday(sp):
            return Timex("DATE", "FUTURE_REF")
        # "a year" / "an hour" after a count or a noun is a rate: "800 reports a month"
        if tx.type == "DURATION" and sp[0].lower_ in ("a", "an", "per") and len(sp) == 2 and sp.start > 0:
            prev = _rate_owner(sp)
            if prev is not None and (prev.tag_ in ("CD", "NN", "NNS", "$") or prev.lower_ in ("times", "once", "twice") or prev.like_num):
                return Timex("SET", tx.value)
        return tx

    def _trim(self, sp: Span) -> Optional[Span]:
        """TimeML extent: drop leading prepositions/possessives and trailing punctuation."""
        doc = sp.doc
        s, e = sp.start, sp.end
        # "as early as next year's first quarter", "no later than Friday": the comparison
        # is a signal, not part of the expression (the tense cue still reads it)
        if s < e and doc[s].lower_ in _FUTURE_FIRST:
            for words in _FUTURE_BEFORE:
                n = len(words)
                if e - s > n and all(doc[s + j].lower_ == words[j] for j in range(n)):
                    s += n
                    break
        while s < e:
            t = doc[s]
            low = t.lower_
            if not (low in _LEAD_DROP or t.is_punct or t.is_space or t.tag_ in ("PRP$", "POS", "IN") and low not in _IN_KEEP):
                break
            # "these days" / "those days" is one expression (PRESENT_REF / PAST_REF)
            if low in ("these", "those") and e - s == 2 and doc[s + 1].lower_ == "days":
                break
            s += 1
        # TimeML extents include the quantifying modifier ("more than four years", "up to
        # 10 years", "nearly two weeks"); the value carries it as ``mod``
        if 0 < s < e and (doc[s].like_num or doc[s].lower_ in ("a", "an", "the")) and doc[s - 1].lower_ in _MOD_LAST_WORDS:
            for words in _MOD_BEFORE:
                n = len(words)
                if s - n >= 0 and tuple(t.lower_ for t in doc[s - n:s]) == words:
                    s -= n
                    break
        # "the age of 18", "aged 18": not a time expression
        for i in range(s, e):
            if doc[i].lower_ in _AGE_WORDS:
                return None
        # possessive owner before the expression: "the company's third quarter"
        for i in range(s, e):
            if doc[i].tag_ == "POS" and i + 1 < e:
                left = doc[s:i]
                if not any(t.lower_ in _TEMPORAL_NOUNS or t.like_num for t in left):
                    s = i + 1
        # a determiner before a time expression used as a premodifier belongs to the noun
        # it modifies: "the [third-quarter] loss", "the [two-day] meeting"
        if e - s >= 2 and doc[s].lower_ in ("the", "a", "an") and e < len(doc):
            last = doc[e - 1]
            if last.dep_ in ("compound", "amod", "nmod", "npadvmod") and last.head.i >= e and last.head.tag_.startswith("NN") \
                    and (any(t.text == "-" for t in doc[s:e]) or "-" in last.text or last.tag_ == "JJ"
                         or (last.lower_ in UNITS and e - s >= 3 and doc[e - 2].tag_ == "CD")):
                # "the 15 year embargo": a singular unit after a number is a premodifier too
                s += 1
        while e > s and (doc[e - 1].lower_ in _TRAIL_DROP or doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].tag_ == "POS"):
            if doc[e - 1].text in ("a.m.", "p.m."):
                break
            e -= 1
        # "the day on [Tuesday]": a preposition the model left before the next time is not
        # part of this one
        while e - s >= 2 and doc[e - 1].lower_ in ("on", "in", "at", "of", "by", "for") and e < len(doc) \
                and (doc[e].like_num or doc[e].lower_ in _WEEKDAY_WORDS or doc[e].lower_.rstrip(".") in MONTHS):
            e -= 1
        if e <= s:
            return None
        # "a year later than planned": the comparison leaves a duration ("a year")
        if e - s >= 3 and doc[e - 1].lower_ in ("later", "earlier", "sooner", "longer") and e < len(doc) and doc[e].lower_ == "than":
            e -= 1
        # "three days later, ...": TimeML marks "later" as a signal and the expression as
        # the duration ("three days", DURATION P3D)
        if e - s >= 2 and doc[e - 1].lower_ == "later" and doc[e - 2].lower_ in _UNIT_WORDS \
                and not (e < len(doc) and doc[e].lower_ == "than"):
            e -= 1
        # "the corresponding period [last year]", "the quarter [a year ago]": one expression,
        # the year-ago quarter (read here rather than by a long Matcher pattern)
        if doc[s].lower_ in ("last", "a") and s >= 2 and doc[s - 1].lower_ in ("quarter", "period", "month", "day"):
            k = s - 2
            if k >= 1 and doc[k].lower_ in ("same", "corresponding", "comparable"):
                k -= 1
            elif doc[s - 1].lower_ in ("month", "day"):
                k = -1  # only "the same month last year", not "the month last year"
            if k >= 0 and doc[k].lower_ == "the" and doc[s:e].text.lower() in ("last year", "a year ago", "a year earlier"):
                s = k
        # "[a minute] and a half": one duration (PT1M30S)
        if e + 3 <= len(doc) and doc[e - 1].lower_ in _UNIT_WORDS and doc[e].lower_ == "and" \
                and doc[e + 1].lower_ == "a" and doc[e + 2].lower_ == "half":
            e += 3
        # "the week of [March 6]": the week (TimeML: the ISO week holding the day)
        if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ == "week" and e - s <= 4 \
                and doc[s].lower_.rstrip(".") in MONTHS:
            s -= 2
            if s > 0 and doc[s - 1].lower_ == "the":
                s -= 1
        # "$2 [per year]": the rate word belongs to the set (SET P1Y); "per second", "per
        # hour" are mostly units of measure ("miles per hour"), left out
        if e - s == 1 and s > 0 and doc[s - 1].lower_ == "per" and doc[s].lower_ in ("day", "week", "month", "quarter", "year"):
            s -= 1
        # "up from seven [a year ago]": a count before "a year ago" is not part of it
        # (nor before "the year before": "compared with 23 the year before")
        if e - s >= 3 and doc[s].like_num and doc[s + 1].lower_ in ("a", "an", "the") and doc[s + 2].lower_ in _UNIT_WORDS:
            s += 1
        # a day number the model left out: "15 [November 2023]"
        if s > 0 and doc[s].lower_.rstrip(".") in MONTHS and doc[s - 1].text.isdecimal() and len(doc[s - 1].text) <= 2 \
                and 1 <= int(doc[s - 1].text) <= 31:
            s -= 1
        # a range or a list of days of one month: "5-6 March", "between 5 and 6 March", "16 or 17
        # March", "March 5-6": TimeML marks each day; the day named without its month is added
        # back after normalisation with the month and year of the other (_days_of_one_month)
        while e - s >= 4 and _day_number(doc[s]) and doc[s + 1].lower_ in _DAY_LINKS and _day_number(doc[s + 2]) \
                and _month_word(doc[s + 3]):
            s += 2
        if e - s == 4 and _month_word(doc[s]) and _day_number(doc[s + 1]) and doc[s + 2].lower_ in _DAY_LINKS \
                and _day_number(doc[s + 3]):
            e -= 2
        return doc[s:e]

    def _fix(self, ent: Span) -> List[Span]:
        """Trim an entity and split it on coordinations ("Friday and Saturday", "1990,
        1991"). Iterative: a list of thousands of coordinated numbers must not recurse."""
        out: List[Span] = []
        todo: List[Span] = [ent]
        while todo:
            sp = self._trim(todo.pop())
            if sp is None:
                continue
            parts = self._split(sp)
            if parts is None:
                out.append(sp)
            elif parts[0].end - parts[0].start < sp.end - sp.start:
                todo.extend(reversed(parts))
            else:
                out.extend(parts)
        return out

    def _split(self, sp: Span) -> Optional[Tuple[Span, Span]]:
        """The two trimmed sides of the first coordination in ``sp``, or None."""
        if sp[0].lower_ in ("between", "from"):
            return None
        doc = sp.doc
        for i in range(sp.start + 1, sp.end - 1):
            low = doc[i].lower_
            if low in ("-", "--", "\u2013", "\u2014") and doc[i - 1].whitespace_ and doc[i].whitespace_ \
                    and not (i - sp.start == 1 and doc[i - 1].like_num and len(doc[i - 1].text) < 4):
                # a spaced dash between clauses: "in 2004 - a year of change" (but "two - three
                # weeks" is one range of amounts)
                left = self._trim(doc[sp.start:i])
                right = self._trim(doc[i + 1:sp.end])
                if left is not None and right is not None:
                    return left, right
            if low in ("and", "or", ",", ";") and not (low == "," and _is_date_comma(doc, i)):
                left = self._trim(doc[sp.start:i])
                right = self._trim(doc[i + 1:sp.end])
                if left is not None and right is not None:
                    return left, right
            elif low in ("ending", "ended") and doc[i - 1].lower_ in _UNIT_WORDS:
                # "the week ending 25 December": the stretch and its last day (as "the year ended
                # Sept. 30", "the year to June")
                left = self._trim(doc[sp.start:i])
                right = self._trim(doc[i + 1:sp.end])
                if left is not None and right is not None and _is_point(right.text):
                    return left, right
            elif low in _RANGE_WORDS:
                # TimeML marks the two ends of a range of dates separately ("from [Sept. 14]
                # to [Thursday]", "[1991] to [1997]"); a range of amounts stays one duration
                # ("two to six days")
                k = sp.start
                for j in range(sp.start, i):
                    if doc[j].lower_ in ("from", "between"):
                        k = j + 1  # "the years from [2006] to [2015]": the range starts at "from"
                left = self._trim(doc[k:i]) if k < i else None
                right = self._trim(doc[i + 1:sp.end])
                if left is not None and right is not None and _is_point(left.text) and _is_point(right.text):
                    return left, right
        return None

    def _join_date_time(self, doc: Doc, results: List[Tuple[Span, Timex]], anchor) -> List[Tuple[Span, Timex]]:
        """Join a date and the clock time right after it ("13 December 2023, 17:54"), or a
        clock time and the day right after it ("5 p.m. EST Nov. 9", "noon Saturday")."""
        out: List[Tuple[Span, Timex]] = []
        for sp, tx in results:
            if out:
                psp, ptx = out[-1]
                gap = doc[psp.end:sp.start]
                date_time = (ptx.type == "DATE" and tx.type == "TIME" and len(gap) <= 1
                             and all(t.text in (",", "at") for t in gap) and tx.value and "T" in tx.value)
                time_date = (ptx.type == "TIME" and tx.type == "DATE" and len(gap) <= 1
                             and all(t.text in (",", "on") for t in gap) and ptx.value and "T" in ptx.value
                             and tx.value and _DAY_VALUE.match(tx.value))
                if (date_time or time_date) and ptx.value:
                    joined = doc[psp.start:sp.end]
                    tense = "future" if _future_cue(joined) else ("past" if _past_cue(joined) else tense_of(joined))
                    jtx = normalise(joined.text, anchor, tense=tense, fiscal_year_start=self.fiscal_year_start, day_first=self.day_first)
                    if jtx is not None and jtx.type == "TIME":
                        out[-1] = (joined, jtx)
                        continue
            out.append((sp, tx))
        return out


    def _coordinated(self, doc: Doc, results: List[Tuple[Span, Timex]], anchor) -> List[Tuple[Span, Timex]]:
        """The first of two coordinated times shares what only the second says (TimeML marks
        each conjunct): "on [Monday] and [Tuesday nights]" -> Monday nights (SET
        ``XXXX-WXX-1TNI``); "[April 24] and [25]" -> the 25th of that month (a bare day number
        is not a candidate on its own)."""
        out: List[Tuple[Span, Timex]] = []
        n = len(results)
        for i, (sp, tx) in enumerate(results):
            if i + 1 < n and len(sp) == 1 and sp[0].shape_ == "dddd" and tx.type == "DATE":
                # "between [2000] and [2100 GMT]": the first is a clock time too
                nsp, ntx = results[i + 1]
                if nsp.start == sp.end + 1 and doc[sp.end].lower_ in ("and", "to", "-", "until", "till") \
                        and len(nsp) == 2 and nsp[0].shape_ == "dddd" and nsp[1].lower_ in _ZONES \
                        and ntx.type == "TIME" and ntx.value and "T" in ntx.value:
                    jtx = normalise(f"{sp.text} {nsp[1].text}", anchor, fiscal_year_start=self.fiscal_year_start, day_first=self.day_first)
                    if jtx is not None and jtx.type == "TIME" and jtx.value:
                        tx = Timex("TIME", ntx.value.split("T")[0] + "T" + jtx.value.split("T")[1], anchored=ntx.anchored)
            if i > 0 and len(sp) == 2 and sp[0].shape_ == "dddd" and sp[1].lower_ in _ZONES and tx.type == "TIME" \
                    and sp.start > 0 and doc[sp.start - 1].text == "(" and tx.value and "T" in tx.value:
                # "10:35 a.m. Friday (0735 GMT)": the conversion is on the day of the time before it
                psp, ptx = out[-1] if out else results[i - 1]
                if psp.end == sp.start - 1 and ptx.type == "TIME" and ptx.value and "T" in ptx.value:
                    tx = Timex("TIME", ptx.value.split("T")[0] + "T" + tx.value.split("T")[1], anchored=ptx.anchored)
            if i + 1 < n and len(sp) == 1 and sp[0].lower_ in _WEEKDAY_WORDS:
                nsp, ntx = results[i + 1]
                if nsp.start == sp.end + 1 and doc[sp.end].lower_ in ("and", "or") and len(nsp) == 2 \
                        and nsp[0].lower_ in _WEEKDAY_WORDS and nsp[1].lower_ in _PART_WORDS:
                    tense = "future" if _future_cue(sp) else ("past" if _past_cue(sp) else tense_of(sp))
                    jtx = normalise(f"{sp.text} {nsp[1].text}", anchor, tense=tense,
                                    fiscal_year_start=self.fiscal_year_start, day_first=self.day_first)
                    if jtx is not None and jtx.value:
                        tx = jtx
            out.append((sp, tx))
            k = sp.end
            if tx.type == "DATE" and tx.value and _DAY.match(tx.value) and sp[-1].text.isdecimal() \
                    and k + 1 < len(doc) and doc[k].lower_ in {"and", "or"} | _DAY_RANGE_LINKS and doc[k + 1].text.isdecimal() \
                    and len(doc[k + 1].text) <= 2 and 1 <= int(doc[k + 1].text) <= 31 \
                    and (doc[k].lower_ in ("and", "or") or int(doc[k + 1].text) > int(sp[-1].text)) \
                    and (i + 1 >= n or results[i + 1][0].start > k + 1):
                # "[April 24] and [25]", "[March 5]-[6]": the second day of the same month
                after = doc[k + 2] if k + 2 < len(doc) else None
                if after is None or (after.is_punct and after.text not in ("%", "-", "/")) \
                        or after.tag_ in ("VB", "VBD", "VBZ", "VBP", "VBN", "MD", "IN", "CC", "RB"):
                    try:
                        import datetime as _dt
                        _dt.date(int(tx.value[:4]), int(tx.value[5:7]), int(doc[k + 1].text))
                    except ValueError:
                        continue
                    out.append((doc[k + 1:k + 2], Timex("DATE", f"{tx.value[:8]}{int(doc[k + 1].text):02d}",
                                                        anchored=tx.anchored)))
        return out

    def _or_so(self, doc: Doc, results: List[Tuple[Span, Timex]], anchor) -> List[Tuple[Span, Timex]]:
        """ "or so" after an amount of time belongs to the expression and makes it approximate
        (TimeML extents: "the next two years or so", "a week or so ago")."""
        out: List[Tuple[Span, Timex]] = []
        n = len(results)
        for i, (sp, tx) in enumerate(results):
            k = sp.end
            if k + 1 < len(doc) and doc[k].lower_ == "or" and doc[k + 1].lower_ == "so" \
                    and sp[-1].lower_ in _UNIT_WORDS and tx.value:
                e = k + 2
                tail = ""
                if e < len(doc) and doc[e].lower_ == "ago":
                    tail = " " + doc[e].lower_
                    e += 1
                if i + 1 >= n or results[i + 1][0].start >= e:
                    tense = "future" if _future_cue(sp) else ("past" if _past_cue(sp) else tense_of(sp))
                    jtx = normalise(sp.text + tail, anchor, tense=tense, fiscal_year_start=self.fiscal_year_start, day_first=self.day_first)
                    if jtx is not None and jtx.value:
                        out.append((doc[sp.start:e], jtx.with_(mod=jtx.mod or "APPROX")))
                        continue
            out.append((sp, tx))
        return out


def _join_weekday_date(doc: Doc, results: List[Tuple[Span, Timex]]) -> List[Tuple[Span, Timex]]:
    """A weekday right before the date it names is one expression, valued by the date
    ("Friday Oct. 13", "on Monday, 7 March 2005"): TimeML marks the whole."""
    out: List[Tuple[Span, Timex]] = []
    for sp, tx in results:
        if out:
            psp, ptx = out[-1]
            gap = doc[psp.end:sp.start]
            if len(psp) == 1 and psp[0].lower_ in _WEEKDAY_WORDS and len(gap) <= 1 and all(t.text == "," for t in gap) \
                    and tx.type in ("DATE", "TIME") and tx.value and _DAY.match(tx.value[:10]) \
                    and sp[0].lower_ not in _WEEKDAY_WORDS:
                out[-1] = (doc[psp.start:sp.end], tx)
                continue
        out.append((sp, tx))
    return out


_PART_WORDS = {"morning", "afternoon", "evening", "night", "mornings", "afternoons", "evenings", "nights"}
_THE_YEAR = {"the year", "the fiscal year", "the current year", "the current fiscal year", "this fiscal year"}
#: words after "the year" that make it a span of twelve months ("the year ended Sept. 30")
_YEAR_SPAN_AFTER = {"ended", "ending", "ends", "end", "through", "to", "that", "which", "before", "after",
                    "earlier", "ago", "later", "long", "-", "--"}
_YEAR_SPAN_BEFORE = {"throughout", "over", "a", "per", "each", "every"}


#: "the week" / "the month" before "to <date>": the stretch of that length up to the date
_THE_PERIOD = {"the week": "P1W", "the month": "P1M", "the fortnight": "P2W"}
_TO_A_DATE = {"to", "ending", "ended", "through", "until", "till", "thru"}


def _runs_to_a_date(sp: Span) -> bool:
    """ "the week [to] 25 December", "the month [ending] Sunday": the span ends a stretch whose
    last day follows (a day number, a month, a weekday, "yesterday", "today")."""
    doc = sp.doc
    if sp.end + 1 >= len(doc) or doc[sp.end].lower_ not in _TO_A_DATE:
        return False
    t = doc[sp.end + 1]
    return bool(_day_number(t)) or t.lower_.rstrip(".") in MONTHS or t.lower_ in _WEEKDAY_WORDS \
        or t.lower_ in ("yesterday", "today", "tomorrow")


#: words between two days of one month ("5-6 March", "16 or 17 March", "5 to 6 March")
_DAY_LINKS = {"-", "\u2013", "--", "to", "and", "or", "until", "till", "through", "thru", ","}
#: the links that make a range (two ends; a list goes on with "," / "and" / "or")
_DAY_RANGE_LINKS = {"-", "\u2013", "--", "to", "until", "till", "through", "thru"}
_DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")


def _day_number(tok: Token) -> int:
    """The day of the month a token names ("5", "17th"), or 0."""
    m = _DAY_NUMBER.fullmatch(tok.lower_)
    if not m:
        return 0
    n = int(m.group(1))
    return n if 1 <= n <= 31 else 0


def _month_word(tok: Token) -> bool:
    return tok.is_title and tok.lower_.rstrip(".") in MONTHS


def _days_of_one_month(doc: Doc, results: List[Tuple[Span, Timex]]) -> List[Tuple[Span, Timex]]:
    """The days of a range or a list before one month ("[5]-[6 March]", "between [5] and [6
    March]", "[16] or [17 March]", "[3], [4] and [5 May]") are one expression each, as the
    two ends of a range of dates are (TimeML); the bare day takes the month and the year of the
    date after it. The days must rise, and a range has two ends."""
    taken = set()
    for sp, _ in results:
        taken.update(range(sp.start, sp.end))
    added: List[Tuple[Span, Timex]] = []
    for sp, tx in results:
        if tx.type != "DATE" or not tx.value or not _DAY_OR_XDAY.match(tx.value) or len(sp) < 2 \
                or not _day_number(sp[0]) or not _month_word(sp[1]):
            continue
        cur = _day_number(sp[0])
        p = sp.start
        listed = False
        found: List[Tuple[Span, Timex]] = []
        while p >= 2:
            link, tok = doc[p - 1].lower_, doc[p - 2]
            n = _day_number(tok)
            if link not in _DAY_LINKS or not n or n >= cur or tok.i in taken:
                break
            if link == "," and not listed:
                break  # "on 16, 17 March": no list without "and" / "or"
            if link in _DAY_RANGE_LINKS and (listed or found):
                break
            before = doc[p - 3] if p >= 3 else None
            if before is not None and (before.tag_ == "$" or before.text in ("£", "$", "\u20ac", "#") or _month_word(before)):
                break  # "£5 to 6 March", "April 30 - 2 May"
            if not _day_ok(tx.value, n):
                break
            found.append((doc[p - 2:p - 1], tx.with_(value=f"{tx.value[:8]}{n:02d}")))
            listed = listed or link in ("and", "or")
            cur = n
            p -= 2
            if link in _DAY_RANGE_LINKS:
                break
        added.extend(found)
    if not added:
        return results
    return sorted(results + added, key=lambda x: x[0].start)


_DAY_OR_XDAY = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}$")


def _day_ok(value: str, day: int) -> bool:
    import datetime as _dt
    try:
        _dt.date(int(value[:4]) if value[:4].isdigit() else 2000, int(value[5:7]), day)
        return True
    except ValueError:
        return False


_VAGUE_SPANS = {"a while", "some time"}
_ORDINAL_DAY = re.compile(r"(?:the )?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
                          r" (?:straight |consecutive )?day")


def _is_today(sp: Span) -> bool:
    """The span is what "today" / "it" is: "today is the eighth day of ...", "It's the second
    day of an offensive" (a present-tense copula)."""
    root = sp.root
    verb = root.head
    if root.dep_ != "attr" or verb.lower_ not in ("is", "'s") or verb.tag_ != "VBZ":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("today", "it", "this") for c in verb.children)


def _rate_owner(sp: Span) -> Optional[Token]:
    """The word a rate ("a year", "per day") follows, past a bracketed conversion or a
    closing quote ("$10bn (£5bn) a year") and past a comparative after an amount ("£600
    worse off a year"); None at the start of the document."""
    doc = sp.doc
    k = sp.start - 1
    while k >= 0 and doc[k].text in _QUOTES:
        k -= 1
    if k >= 0 and doc[k].text == ")":
        j = k - 1
        while j >= 0 and k - j <= 8 and doc[j].text != "(":
            j -= 1
        if j >= 1 and doc[j].text == "(":
            k = j - 1
    if k < 0:
        return None
    if (doc[k].tag_ in ("RP", "JJR", "RBR", "NNP") or doc[k].lower_ == "off") and doc[k].lower_ not in ("later", "earlier", "sooner"):
        # "£600 worse off a year", "5 million tonnes of LNG a year": the amount before it
        for j in range(k - 1, max(-1, k - 5), -1):
            if doc[j].like_num or doc[j].tag_ == "$":
                return doc[j]
            if doc[j].tag_.startswith(("VB", "MD")):
                break
    return doc[k]


def _someday(sp: Span) -> bool:
    """ "one day" as an adverb of the verb it stands before or after a modal ("Islam will one
    day be the second largest religion", "the hope he one day follow ..."): some time ahead
    (TimeML FUTURE_REF), not a duration of one day."""
    doc = sp.doc
    prev = doc[sp.start - 1] if sp.start > 0 else None
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if prev is None or nxt is None:
        return False  # "One day is enough": the subject, a day
    if prev.tag_ == "MD":
        return True  # "will one day be"
    if prev.lower_ == "to":
        return nxt.tag_ == "VB"  # "to one day be captain"
    # between a subject and its verb: "the hope he one day follow ..."
    return nxt.tag_ in ("VB", "VBP", "VBZ") and prev.tag_ in ("PRP", "NN", "NNS", "NNP", "NNPS")


def _the_year(sp: Span, anchor) -> Timex:
    """ "the year" names the current year ("a high for the year", "earlier in the year",
    "for the year, volume was flat": DATE) unless it is a span of twelve months ("the year
    ended Sept. 30", "throughout the year": DURATION P1Y)."""
    doc = sp.doc
    nxt = doc[sp.end].lower_ if sp.end < len(doc) else ""
    prev = doc[sp.start - 1].lower_ if sp.start > 0 else ""
    low = sp.text.lower()
    current = low.startswith(("the current", "this"))
    if not current and (nxt in _YEAR_SPAN_AFTER or prev in _YEAR_SPAN_BEFORE):
        return Timex("DURATION", "P1Y")
    d = None
    if anchor:
        try:
            d = int(str(anchor)[:4])
        except ValueError:
            d = None
    if d is None:
        return Timex("DATE", "XXXX")
    return Timex("DATE", f"{d:04d}", anchored=True)


_RANGE_WORDS = {"to", "through", "thru", "until", "till", "til"}


def _is_point(text: str) -> bool:
    tx = normalise(text, None)
    return tx is not None and tx.type in ("DATE", "TIME") and bool(tx.value) and not tx.value.startswith("P") \
        and not tx.value.endswith("_REF")


def _plausible(sp: Span) -> bool:
    """Filters for spans that look temporal but are not TIMEX3 in TimeML practice: ages
    ("6-year-old", "52 years old"), adjectives ("annual report", "quarterly dividend"),
    and ambiguous single nouns with no temporal context ("a fall in prices")."""
    doc = sp.doc
    nxt = doc[sp.end] if sp.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("old", "-old"):
        return False
    if any(t.lower_ in ("old", "-old") or t.lower_.endswith(("-old", "-olds")) for t in sp):
        return False
    if nxt is not None and nxt.text == "-" and sp.end + 1 < len(doc) and doc[sp.end + 1].lower_ == "old":
        return False
    if not _year_plausible(sp):
        return False
    # "5% year on year", "month on month": a comparison of periods, not a time expression
    if len(sp) == 1 and sp[0].lower_ in ("year", "month", "week", "quarter", "day"):
        prev = doc[sp.start - 1] if sp.start > 0 else None
        if (nxt is not None and nxt.lower_ == "on" and sp.end + 1 < len(doc) and doc[sp.end + 1].lower_ == sp[0].lower_) \
                or (prev is not None and prev.lower_ == "on" and sp.start > 1 and doc[sp.start - 2].lower_ == sp[0].lower_):
            return False
    if not _not_a_name(sp) or _other_sense(sp):
        return False
    last = sp[-1]
    if last.lower_ in _SEASON_WORDS:
        # "the autumn statement", "spring budget": a name, not a time; "the fall in prices",
        # "the spring of hope": a noun
        if nxt is not None and last.dep_ == "compound" and nxt.tag_.startswith("NN") and nxt.lower_ not in _TEMPORAL_NOUNS:
            return False
        if last.lower_ in ("fall", "spring") and (len(sp) == 1 or sp[0].lower_ == "the"):
            # "the fall" is a season only after a preposition ("in the fall"), and never
            # before "in"/"of" + a non-year ("the fall in prices")
            prev = doc[sp.start - 1] if sp.start > 0 else None
            if prev is None or prev.lower_ not in _CONTEXT_BEFORE or prev.lower_ == "the":
                return False
            if nxt is not None and nxt.lower_ in ("in", "of") \
                    and not (sp.end + 1 < len(doc) and (doc[sp.end + 1].shape_ == "dddd" or doc[sp.end + 1].lower_ in ("this", "last", "next"))):
                return False
    if last.lower_ in ("quarter", "quarters", "half") and nxt is not None:
        # "more than a quarter of the market" (a fraction), "the quarter-to-quarter
        # comparison" (a modifier): not the calendar quarter
        named = any(t.lower_ in _ORD or t.lower_ in ("this", "last", "next", "same", "comparable") for t in sp)
        if nxt.lower_ == "of" and not named and sp[0].lower_ not in ("the", "that", "this") \
                and sp.end + 1 < len(doc) and doc[sp.end + 1].lower_ in ("the", "a", "an", "its", "their", "all"):
            return False
        if nxt.text in ("-", "\u2013") and sp.end + 1 < len(doc) and doc[sp.end + 1].lower_ == "to":
            return False
    if sp[-1].lower_ == "past" and nxt is not None and (nxt.like_num or nxt.lower_ in ("few", "several", "many")):
        return False  # "the past three summers": not "the past" (PAST_REF)
    if _FRACTION.match(sp.text):
        return False  # "a quarter of", "three-quarters": a fraction
    if len(sp) == 1:
        tok = sp[0]
        low = tok.lower_
        if low in _NEEDS_CONTEXT:
            if low in ("annual", "quarterly", "daily", "weekly", "monthly", "yearly") and tok.tag_ == "JJ":
                return False
            if low in ("fall", "spring", "night", "nights", "second", "seconds"):
                prev = doc[sp.start - 1] if sp.start > 0 else None
                if prev is None or prev.lower_ not in _CONTEXT_BEFORE:
                    return False
        if tok.like_num and not tok.is_digit:
            return True
        if tok.is_digit and len(tok.text) < 4:
            return False  # a bare day or two-digit number: not a date on its own
    return True


_QUOTES = {'"', "``", "''", "`", "\u201c", "\u201d", "'", "\u2018", "\u2019"}
#: nouns after "today's" that make it the present in general, not the day ("today's youth",
#: "in today's world"): TimeML corpora leave these out
_GENERIC_AFTER_TODAY = {"world", "youth", "society", "generation", "economy", "market", "standards",
                        "age", "times", "culture", "climate", "environment"}


def _not_a_name(sp: Span) -> bool:
    """False for words that look temporal but name something else: the noun "march" ("this
    march", "the annual March for Life", "the March of the Combatant Mothers"), titles in
    quotes ("This Week With David Brinkley", "60 Minutes", "High Noon"), and "today's"
    before a generic noun ("today's youth", "in today's world")."""
    doc = sp.doc
    first = sp[0]
    months = [t for t in sp if t.lower_ in ("march", "may")]
    if months and len(sp) <= 2 and not any(t.like_num for t in sp):
        m = months[0]
        if m.text.islower() and not text_of(doc).islower():
            return False  # "this march", "the march": the noun
        k = sp.start - 1
        while k >= 0 and doc[k].text in _QUOTES:
            k -= 1
        nxt = doc[sp.end] if sp.end < len(doc) else None
        if len(sp) == 1 and k >= 0 and doc[k].lower_ in ("the", "a", "an", "annual", "first", "second") \
                and nxt is not None and nxt.lower_ in ("for", "of", "on", "against", "to", "through"):
            return False  # "the annual March for Life"
    # a title in quotes: a unit word or "noon" capitalised inside the sentence
    prev = doc[sp.start - 1] if sp.start > 0 else None
    for t in sp:
        if t.lower_ in _UNIT_WORDS or t.lower_ in ("noon", "midnight"):
            sent_first = t.i == 0 or t.is_sent_start
            if t.text[:1].isupper() and not t.text.isupper() and not sent_first and t.i > sp.start \
                    and prev is not None and prev.text in _QUOTES:
                return False  # "This Week With David Brinkley", ''60 Minutes''
            if t.lower_ == "noon" and t.i > 0 and doc[t.i - 1].lower_ == "high":
                return False  # "High Noon", "high noon comes today"
    if len(sp) == 1 and first.lower_ == "today" and sp.end + 1 < len(doc) and doc[sp.end].tag_ == "POS":
        after = doc[sp.end + 1]
        if after.lower_ in _GENERIC_AFTER_TODAY:
            return False  # not "today's editions", "today's meeting"
    return True


#: capitalised words after a weekday that make it a newspaper or programme title ("the
#: Sunday Times", "Sunday Telegraph", "Sunday Mirror")
_TITLE_AFTER_WEEKDAY = {"times", "telegraph", "mirror", "express", "herald", "post", "mail", "people",
                        "tribune", "independent", "observer", "sport", "business", "journal", "sun"}
#: capitalised words before "on <weekday>" in a newspaper title ("The Mail on Sunday",
#: "the Independent on Sunday", "Scotland on Sunday")
_TITLE_BEFORE_ON = {"Mail", "Independent", "Scotland", "Wales"}
_PROGRAMME = {"programme", "programmes", "program", "show"}
#: nouns a holiday modifies without naming a date ("a Christmas tree", "Easter eggs")
_HOLIDAY_THINGS = {"tree", "trees", "card", "cards", "carol", "carols", "single", "singles", "song", "songs",
                   "number", "track", "tracks", "album", "decorations", "lights", "cracker", "crackers",
                   "pudding", "jumper", "jumpers", "special", "specials", "cheer", "spirit", "stocking",
                   "stockings", "egg", "eggs", "bunny", "island", "rising", "greeting", "greetings",
                   "e-mail", "email", "message", "messages"}
_HOLIDAY_WORDS = {"christmas", "easter", "halloween", "thanksgiving"}
_AGE_DECADE = re.compile(r"^(?:mid-|early-|late-)?(?:\d0s|'\d0s|teens|twenties|thirties|forties|fifties|sixties"
                         r"|seventies|eighties|nineties)$")
#: words of a report on a game: a bare "first half" / "second half" there is a half of the
#: match, not of the year ("struggled in the first half", "a second-half revival")
_GAME_WORDS = {"goal", "goals", "referee", "penalty", "penalties", "striker", "midfielder", "goalkeeper",
               "keeper", "scrum", "wicket", "touchdown", "touchdowns", "quarterback", "inning", "innings",
               "equaliser", "equalizer", "fixture", "fixtures", "rebounds", "free-kick", "tries", "try-line",
               "defender", "defenders", "kick", "match", "game"}


def _game_report(doc: Doc) -> bool:
    """The document reports a game: two different game words (computed once per doc)."""
    key = "dates_game_report"
    if key not in doc.user_data:
        seen = {t.lower_ for t in doc if t.lower_ in _GAME_WORDS}
        doc.user_data[key] = len(seen) >= 2 or "half-time" in text_of(doc).lower() and len(seen) >= 1
    return doc.user_data[key]


def _title_case_line(sp: Span) -> bool:
    """Is the span on a line whose words are mostly capitalised (a title-case headline)?"""
    text = text_of(sp.doc)
    a = text.rfind("\n", 0, sp.start_char) + 1
    b = text.find("\n", sp.end_char)
    words = [w for w in text[a: b if b >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(1 for w in words if w[:1].isupper()) >= 0.8 * len(words)


#: proper names ending in a weekday that name no day: a football club, a character ("Man
#: Friday"). A place before a weekday is no name by itself: "officials in Tokyo Monday said"
_WEEKDAY_NAME_COMPOUNDS = {("sheffield", "wednesday"), ("man", "friday"), ("girl", "friday")}
#: names of past events made of a word and a weekday: no day of the week in the text's time
_WEEKDAY_EVENT_NAMES = {("bloody", "sunday"), ("black", "wednesday"), ("black", "monday"), ("black", "tuesday"),
                        ("black", "thursday"), ("bloody", "friday")}
#: capitalised words that start a sentence before a weekday without naming anything ("Late
#: Monday", "Earlier Friday", "Last Friday")
_BEFORE_WEEKDAY = {"last", "next", "this", "early", "late", "earlier", "later", "every", "each", "on",
                   "since", "until", "till", "by", "from", "one", "that", "the", "following", "previous",
                   "coming", "past", "before", "after", "also", "but", "and", "or", "come", "through",
                   "midday", "noon", "midnight"}
#: entity labels of a word before a weekday that make it a place or a body, not part of a
#: named day ("in Tanzania Friday", "the Stock Exchange Friday": TBAQ style)
_PLACE_LABELS = {"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"}
#: entity labels of a name holding a temporal word ("the Good Friday Agreement" as LAW)
_NAME_LABELS = {"ORG", "PERSON", "WORK_OF_ART", "FAC", "LAW", "PRODUCT"}
#: nouns before the title of a work ("the film Black Friday", "the single Last Christmas")
_WORK_NOUNS = {"film", "movie", "song", "single", "album", "track", "hit", "book", "novel", "play",
               "drama", "series", "sitcom", "show", "programme", "program", "documentary", "musical",
               "opera", "poem", "record", "ballad", "anthem", "carol", "painting", "story"}
_TITLE_REL = {"Last", "Next", "This"}
#: temporal words that can follow "Last" / "This" / "Next" in a title ("Last Christmas",
#: "This Morning", "Last Night")
_TITLE_TEMPORAL = _HOLIDAY_WORDS | set(_WEEKDAY_NAMES) | _PART_WORDS | set(_MONTH_FULL) | _UNIT_WORDS | set(_SEASONS)


def _entity_bounds(tok: Token) -> Tuple[int, int]:
    """The token range of the named entity holding ``tok``."""
    doc = tok.doc
    a = tok.i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = tok.i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return a, b


def _a_name(sp: Span) -> bool:
    """A weekday, a holiday or a part of day inside a proper name: a title with a capitalised
    "Last" / "This" / "Next" inside the sentence or alone in quotes ("Wham!'s Last Christmas",
    '"Last Christmas"', "ITV1's This Morning"; not at the start of a sentence or in a title-case
    headline), a football club or a character ("Sheffield Wednesday", "Man Friday"), a
    capitalised word before a weekday that makes no named day of the calendar ("Bloody Sunday",
    "Black Wednesday"; "Good Friday", "Black Friday" are days unless they name a thing: "the Good
    Friday Agreement", "the film Black Friday"), a surname ("coach Mike Friday"), or a word of
    a larger ORG / PERSON / WORK_OF_ART / LAW entity."""
    doc = sp.doc
    # a larger named entity that is not a time
    for t in sp:
        if t.ent_type_ in _NAME_LABELS and (t.lower_ in _TITLE_TEMPORAL) and t.text[:1].isupper():
            a, b = _entity_bounds(t)
            # a proper-noun compound: capitalised words only ("the Good Friday Agreement"; the
            # model's "Leeds on Boxing Day" is no name)
            if (a < sp.start or b > sp.end) and all(x.is_title or x.is_upper or not x.is_alpha for x in doc[a:b]
                                                    if x.lower_ != "the"):
                return True
    # a title: "Last Christmas", "This Morning"
    k = sp.start
    if sp[0].text not in _TITLE_REL and k > 0 and doc[k - 1].text in _TITLE_REL:
        k -= 1
    rel = doc[k]
    if rel.text in _TITLE_REL and k + 1 < len(doc) and doc[k + 1].is_title and doc[k + 1].lower_ in _TITLE_TEMPORAL \
            and (k + 1 < sp.end):
        prev = doc[k - 1] if k > 0 else None
        after = doc[k + 2] if k + 2 < len(doc) else None
        if prev is not None and prev.text in _QUOTES and after is not None and after.text in _QUOTES:
            return True  # '"Last Christmas"': alone in quotes
        if prev is not None and not rel.is_sent_start and (prev.is_alpha or prev.like_num or prev.text in (",", "'s", "\u2019s")) \
                and prev.lower_ not in _QUOTES and not _title_case_line(sp):
            return True
        if prev is not None and prev.lower_ in _WORK_NOUNS:
            return True
    # a capitalised word before a weekday
    for w in sp:
        if w.lower_ not in _WEEKDAY_WORDS or not w.is_title or w.i == 0:
            continue
        p = doc[w.i - 1]
        if (p.lower_, w.lower_) in _WEEKDAY_NAME_COMPOUNDS:
            return True  # "Sheffield Wednesday"
        if not p.is_title or p.lower_ in _BEFORE_WEEKDAY or p.lower_ in _WEEKDAY_WORDS or p.lower_.rstrip(".") in MONTHS:
            continue
        if p.ent_type_ == "PERSON" and p.ent_iob_ == "B" and w.i >= 2 and doc[w.i - 2].tag_ == "NN" \
                and doc[w.i - 2].text.islower():
            return True  # "coach Mike Friday": a surname after a role and a first name
        if p.tag_ not in ("NNP", "NNPS", "JJ") or p.ent_type_ in _PLACE_LABELS:
            continue
        before = doc[p.i - 1] if p.i > 0 else None
        if f"{p.lower_} {w.lower_}" in HOLIDAYS:
            # a named day ("on Good Friday"), unless it names a thing
            after = doc[w.i + 1] if w.i + 1 < len(doc) else None
            if after is not None and after.is_title and after.tag_ in ("NNP", "NNPS") and after.lower_ not in _TEMPORAL_NOUNS \
                    and not _title_case_line(sp):
                return True  # "the Good Friday Agreement"
            if before is not None and before.lower_ in _WORK_NOUNS:
                return True  # "the film Black Friday"
            continue
        # any other capitalised word keeps the day: named days are many ("Remembrance Sunday",
        # "Whit Monday", "Super Saturday"); only the known names of events are no day
        if (p.lower_, w.lower_) in _WEEKDAY_EVENT_NAMES and w.dep_ != "npadvmod":
            return True  # "Bloody Sunday", "Black Wednesday": an event or a title, not a day
    return False


def _other_sense(sp: Span) -> bool:
    """True for a temporal word used in a non-temporal sense: a weekday in a newspaper or
    programme title ("the Sunday Times", "The Mail on Sunday", "the Today programme"),
    "every now and then", a holiday naming a thing ("a Christmas tree", "Father
    Christmas"), a quarter-final, meeting "minutes", an age decade ("in his thirties"),
    a number before a hyphenated noun ("a 2048-bit key"), and the half of a game."""
    doc = sp.doc
    first, last = sp[0], sp[-1]
    prev = doc[sp.start - 1] if sp.start > 0 else None
    nxt = doc[sp.end] if sp.end < len(doc) else None
    low = last.lower_
    if low in _WEEKDAY_WORDS and last.text[:1].isupper():
        if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in _TITLE_AFTER_WEEKDAY:
            return True
        if len(sp) == 1 and prev is not None and prev.lower_ == "on" and sp.start >= 2 \
                and doc[sp.start - 2].text in _TITLE_BEFORE_ON:
            return True
        if len(sp) == 1 and nxt is not None and nxt.lower_ in _PROGRAMME and prev is not None and prev.tag_ == "POS":
            return True  # "the channel's Sunday programme"
    if _a_name(sp):
        return True
    if len(sp) == 1 and first.text == "Today" and not first.is_sent_start and nxt is not None \
            and nxt.lower_ in _PROGRAMME:
        return True
    if len(sp) == 1 and first.is_title and first.i > 0 and not first.is_sent_start and prev is not None \
            and prev.text not in _QUOTES and not prev.is_punct:
        low1 = first.lower_
        if low1 in ("day", "noon", "midnight") and not _title_case_line(sp) and (
                prev.tag_ == "NNP" or prev.text[:1].isupper() and len(prev.text) <= 2
                or nxt is not None and nxt.is_title and nxt.lower_ not in _WEEKDAY_WORDS and nxt.lower_ not in MONTHS):
            return True  # "keeper Chris Day", "J Noon", "Midnight Express": a name, a title (not
            # a headline in title case: "Strike Ends At Midnight")
        if low1 in ("today", "tomorrow", "yesterday", "tonight") and (prev.text.islower() or prev.tag_ == "POS" or prev.lower_ == "the"):
            return True  # "The Tomorrow People", "the channel's Today show": a title
    if len(sp) == 1 and first.lower_ == "now" and sp.end + 1 < len(doc) and nxt.lower_ == "and" \
            and doc[sp.end + 1].lower_ in ("then", "again"):
        return True
    if low in _HOLIDAY_WORDS:
        if nxt is not None and nxt.lower_ in _HOLIDAY_THINGS and not any(t.like_num for t in sp):
            return True
        if prev is not None and prev.lower_ in ("father", "merry", "happy") and len(sp) == 1:
            return True  # "Father Christmas", "Merry Christmas": a name, a greeting
    if low in ("quarter", "half") and nxt is not None and nxt.text in ("-", "\u2013") and sp.end + 1 < len(doc) \
            and doc[sp.end + 1].lower_.startswith("final"):
        return True  # "the quarter-finals"
    if low == "minutes" and all(t.lower_ in ("the", "its", "their", "latest") for t in sp[:-1]) \
            and (len(sp) > 1 or (prev is not None and prev.tag_ == "POS")) \
            and not (nxt is not None and nxt.lower_ in ("before", "after", "that", "when", "following", "leading", "since")):
        return True  # "the minutes of the meeting", "the Bank's minutes showed"
    if _AGE_DECADE.match(low) and prev is not None and prev.tag_ == "PRP$":
        return True  # "until his mid-thirties": an age
    if last.shape_ == "dddd" and nxt is not None and nxt.text == "-" and sp.end + 1 < len(doc) \
            and not last.whitespace_ and not nxt.whitespace_ and doc[sp.end + 1].is_alpha and doc[sp.end + 1].lower_ not in _TEMPORAL_NOUNS:
        return True  # "a 2048-bit number"
    if low in ("half", "first-half", "second-half") or (low == "half" and len(sp) >= 2):
        if not (nxt is not None and nxt.lower_ == "of") and not any(t.shape_ == "dddd" for t in sp) \
                and _game_report(doc):
            return True
    return False


#: words before a time that make it a future limit: "as early as Tuesday", "postponed
#: until Tuesday morning"
_FUTURE_BEFORE = (("as", "early", "as"), ("as", "soon", "as"), ("no", "later", "than"), ("not", "before"))
_FUTURE_FIRST = {w[0] for w in _FUTURE_BEFORE}
_FUTURE_LAST = {w[-1] for w in _FUTURE_BEFORE}
_DEFER_VERBS = {"postponed", "postpone", "postpones", "delayed", "delay", "delays", "deferred",
                "extended", "extend", "extends", "adjourned", "adjourn", "put", "pushed", "moved",
                # a deadline granted: "gave Merieux until mid-November to submit"
                "gave", "give", "gives", "given", "granted", "grant", "grants", "deadline"}
#: words of planning whose time argument is the planned event's ("the team planned to leave
#: on Thursday", "the accession was planned for early March")
_PLAN_HEADS = {"planned", "scheduled", "slated", "rescheduled", "intended"}
_WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _future_cue(sp: Span) -> bool:
    """Cues that put the time after the time of speaking whatever the tense of the verb:
    "as early as Tuesday", "postponed until Tuesday morning", a deadline granted "until
    mid-November" or extended "through January", a change "effective Feb. 1", a plan
    reported in the past ("planned to leave on Thursday", "was planned for early March",
    "a summit set for April")."""
    doc = sp.doc
    s = sp.start
    before = doc[s - 1].lower_ if s > 0 else ""
    if before in _FUTURE_LAST:
        for words in _FUTURE_BEFORE:
            n = len(words)
            if s - n >= 0 and tuple(t.lower_ for t in doc[s - n:s]) == words:
                return True
    if before in ("until", "till", "to", "through"):
        prep = doc[s - 1]
        if prep.head.lower_ in _DEFER_VERBS or (before != "to" and prep.head.head.lower_ in _DEFER_VERBS
                                                and prep.head.tag_.startswith("NN")):
            return True
    # "effective Feb. 1", "effective on June 1", "effective as of Jan. 1"
    k = s - 1
    while k >= 0 and s - k <= 3 and doc[k].lower_ in ("on", "as", "of", "from"):
        k -= 1
    if k >= 0 and doc[k].lower_ == "effective":
        return True
    if before == "from" and _from_in_present(sp):
        return True
    if _expected(sp):
        return True
    return _planned(sp)


#: present-tense verbs of expectation: what they govern is ahead ("analysts expect another
#: rise in January")
_EXPECT_VERBS = {"expect", "expects", "forecast", "forecasts", "predict", "predicts", "anticipate",
                 "anticipates", "foresee", "foresees"}


def _expected(sp: Span) -> bool:
    """A month or weekday under a present-tense verb of expectation, through its object."""
    if not any(t.lower_ in MONTHS or t.lower_ in _WEEKDAY_WORDS for t in sp) or any(t.like_num for t in sp):
        return False
    tok = sp.root
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.tag_.startswith("VB"):
            return tok.lower_ in _EXPECT_VERBS and tok.tag_ in ("VBZ", "VBP")
    return False


def _from_in_present(sp: Span) -> bool:
    """"The discount applies from October", "a reduction in bills from October, which
    households will repay": a starting point stated in the present or the future tense is
    ahead (a past or perfect verb, "rose from October", keeps it behind). Only months and
    weekdays, not years or full dates, which need no direction."""
    if not any(t.lower_ in MONTHS or t.lower_ in _WEEKDAY_WORDS for t in sp) or any(t.like_num for t in sp):
        return False
    tok = sp.root
    for _ in range(6):
        if tok.tag_.startswith("VB") or tok.head.i == tok.i:
            break
        tok = tok.head
    if not tok.tag_.startswith("VB"):
        return False
    auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("had", "has", "have", "was", "were", "did", "'ve") for a in auxes):
        return False
    # ("will announce the cap in August, to apply from October": an infinitive of purpose)
    return tok.tag_ in ("VBZ", "VBP") or any(a in _FUTURE_AUX for a in auxes) or (tok.tag_ == "VB" and "to" in auxes)


def _planned(sp: Span) -> bool:
    """The time of a plan reported in the past is the planned event's, ahead of the time of
    speaking: a weekday ("planned to leave Nairobi on Thursday", "planned a demonstration on
    Saturday") or a "for" argument ("was planned for early March", "a summit set for
    Washington in April"). Not a past perfect ("had been scheduled to expire Friday")."""
    doc = sp.doc
    tok: Token = sp.root
    preps = []
    seen = 0
    while not tok.tag_.startswith("VB") and tok.head.i != tok.i and seen < 4:
        if tok.dep_ == "prep":
            preps.append(tok.lower_)
        tok = tok.head
        seen += 1
    if not tok.tag_.startswith("VB") or sp.start < tok.i:
        return False  # "On Friday, the government planned to pay ...": the time of the planning
    if tok.lower_ not in _PLAN_HEADS and tok.lower_ != "set" and tok.head.lower_ not in _PLAN_HEADS:
        return False
    weekday = any(t.lower_ in _WEEKDAY_WORDS for t in sp)
    prep = doc[sp.start - 1] if sp.start > 0 and doc[sp.start - 1].tag_ == "IN" else None
    if prep is not None and prep.lower_ not in preps:
        preps.append(prep.lower_)
    if tok.lower_ == "set" and tok.tag_ == "VBN" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        preps.append("for")  # "a summit set for Washington in April"
    if not (weekday and not (set(preps) - {"on"}) or "for" in preps):
        return False

    def perfect(v: Token) -> bool:
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in v.children) \
            or any(c.lower_ == "previously" for c in v.children)

    if tok.lower_ in _PLAN_HEADS or (tok.lower_ == "set" and tok.tag_ == "VBN" and "for" in preps):
        # "planned a demonstration on Saturday", "was planned for", "a summit set for April"
        # (a reduced relative is read by tense_of)
        return not perfect(tok) and not (tok.dep_ == "acl" and tok.lower_ != "set")
    head = tok.head
    if tok.tag_ == "VB" and tok.dep_ == "xcomp" and head.i != tok.i and head.lower_ in _PLAN_HEADS:
        return not perfect(head) and head.dep_ != "acl"  # "planned to leave on Thursday"
    return False


def _past_cue(sp: Span) -> bool:
    """ "since Oct. 23", "since the Oct. 23 slaying", "ever since March": the time is before
    the time of speaking."""
    doc = sp.doc
    k = sp.start - 1
    stop = max(-1, k - 4)
    while k > stop and doc[k].lower_ in _SINCE_FILLER:
        k -= 1
    return k >= 0 and doc[k].lower_ == "since"


_SINCE_FILLER = {"the", "its", "their", "his", "her", "shortly", "just", "soon", "right", "after", "ever"}


#: words after which a four-digit number reads as a year
_YEAR_CONTEXT = {"in", "since", "by", "until", "till", "from", "of", "before", "after", "during",
                 "circa", "c.", "to", "and", "between", "through", "year", "early", "late", "mid",
                 "around", "the", "fiscal", "calendar", "-", "(", ",", "or", "summer", "spring",
                 "autumn", "winter", "fall", "ad", "a.d."}
_YEAR_DET = {"the", "fiscal", "calendar", "its", "their", "his", "her", "our", "this", "that"}
#: before a year outside 1900-2099: only words that introduce a year ("in 1492")
_OLD_YEAR_CONTEXT = {"in", "since", "by", "until", "till", "from", "before", "after", "during",
                     "circa", "c.", "year", "early", "late", "mid", "of"}
_COUNT_AFTER = {"%", "percent", "per", "times", "people", "others", "km", "miles",
                "metres", "meters", "feet", "tons", "tonnes", "units", "points", "cases"}
_COUNT_BEFORE = {"$", "£", "€", "#", "no.", "number", "nos.", "than", "about", "some",
                 "nearly", "almost", "approximately", "roughly", "over", "under", "least", "most"}


def _year_plausible(sp: Span) -> bool:
    """A bare four-digit number ("1000", "2,000" never gets here) is a year only in a year
    context: not a count ("1500 people", "more than 1000", "$2000"), and, outside
    1900-2099, only after a word that introduces a year ("in 1492", "since 1850")."""
    doc = sp.doc
    last = sp[-1]
    if last.shape_ != "dddd" or not last.text.isdecimal():
        return True
    core = [t for t in sp if t.lower_ not in _YEAR_CONTEXT and not t.is_punct]
    if len(core) != 1 and not all(t.lower_ in ("more", "less", "fewer", "than", "up", "at", "least", "most", "about", "nearly", "almost", "some") for t in core[:-1]):
        return True  # part of a longer expression ("March 1989", "fiscal 1989")
    nxt = doc[sp.end] if sp.end < len(doc) else None
    first = sp[0]
    year = int(last.text)
    before = doc[last.i - 1] if last.i > 0 else None
    if 1900 <= year <= 2099 and before is not None and before.lower_ in ("in", "since", "during", "until", "till"):
        return True  # "convicted in 2022 of making ..."
    if first.lower_ in _COUNT_BEFORE:
        return False  # (a count word before a lone year, "than 2010", is read by the context rules)
    if nxt is not None and nxt.lower_ in _COUNT_AFTER:
        return False
    if nxt is not None and nxt.is_title and nxt.lower_ in _NAMED_BODY_HEADS:
        return False  # "the 1922 Committee", "the 1970 Group": a name
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS"):
        # "1500 people" is a count; "the 1992 protests", "fiscal 1989 sales" name a year
        return 1900 <= year <= 2099 and before is not None and (before.lower_ in _YEAR_DET or before.tag_ == "POS")
    if 1900 <= year <= 2099:
        return True
    return before is not None and before.lower_ in _OLD_YEAR_CONTEXT


#: head words of bodies named by a year ("the 1922 Committee")
_NAMED_BODY_HEADS = {"committee", "club", "group", "society", "foundation", "commission", "campaign", "movement",
                     "fund", "trust", "network", "association", "alliance", "coalition"}
_SEASON_WORDS = {"spring", "summer", "autumn", "fall", "winter"}
_FRACTION = re.compile(r"^(?:a|one|two|three)[ -]?quarters?$|^(?:two|one)[ -]?thirds?$", re.I)


def _is_date_comma(doc: Doc, i: int) -> bool:
    """A comma inside one date: "Aug. 7, 1998", "Tuesday, 7th August", "Dec. 13, 17:54"."""
    prev, nxt = doc[i - 1], doc[i + 1]
    if prev.lower_ in WEEKDAYS or prev.lower_.rstrip(".") in WEEKDAYS:
        return True
    if nxt.like_num and len(nxt.text) == 4 and nxt.text.isdecimal():
        return True
    if prev.like_num and nxt.like_num and ":" in nxt.text:
        return True
    if ":" in nxt.text or nxt.lower_ in ("a.m.", "p.m."):
        return True
    return False


_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)$|^XXXX-WXX-\d$")
_POINT = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{2})(?:-(\d{2}))?)?$")
_YEAR_AGO = re.compile(
    r"^(?:(?:a|one|the|some) )?(?:full )?(?:year|12 months|twelve months)[ -](?:ago|earlier|before)$|"
    r"^(?:the )?(?:comparable |same |corresponding )?year[ -](?:ago|earlier)(?: (?:quarter|period|results?))?$|"
    r"^(?:the )?(?:comparable |same |corresponding )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)$|"
    r"^the (?:same|corresponding) (?:month|day) (?:a year (?:ago|earlier)|last year)$|"
    r"^last year's (?:quarter|period)$", re.I)
#: "the 1989 period": the quarter under discussion, in that year
_YEAR_PERIOD = re.compile(r"^the (\d{4}) (?:quarter|period)$", re.I)
#: anaphoric expressions: resolved against the last date mentioned nearby
_ANAPHORA = {
    "that year": ("year", 0), "the same year": ("year", 0), "the following year": ("year", 1),
    "the previous year": ("year", -1), "the year before": ("year", -1), "the prior year": ("year", -1),
    "that month": ("month", 0), "the same month": ("month", 0), "the following month": ("month", 1),
    "the previous month": ("month", -1), "that day": ("day", 0), "the same day": ("day", 0),
    "that same day": ("day", 0), "the following day": ("day", 1), "the next day": ("day", 1),
    "the day before": ("day", -1), "the previous day": ("day", -1), "the day after": ("day", 1),
    "that quarter": ("quarter", 0), "the same quarter": ("quarter", 0), "that week": ("week", 0),
    "the previous quarter": ("quarter", -1), "the preceding quarter": ("quarter", -1),
    "the prior quarter": ("quarter", -1), "the following quarter": ("quarter", 1),
    "later that year": ("year", 0), "earlier that year": ("year", 0), "later that day": ("day", 0),
    "earlier that day": ("day", 0), "later that month": ("month", 0), "earlier that month": ("month", 0),
    "the following week": ("week", 1), "the previous week": ("week", -1), "the week before": ("week", -1),
    "the week after": ("week", 1), "later that week": ("week", 0), "earlier that week": ("week", 0),
    "the preceding week": ("week", -1), "the preceding year": ("year", -1), "the preceding month": ("month", -1),
}
#: anaphoric parts of a day ("that night", "later that evening") and weekdays counted from
#: the day the text is talking about ("the following Monday", "the previous Friday")
_ANAPHORIC_PART = re.compile(r"(?:(?:later|earlier) )?that (morning|afternoon|evening|night)")
_ANAPHORIC_WEEKDAY = re.compile(r"the (following|previous|preceding) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)")


#: expressions that name the quarter under discussion without saying which
_THE_QUARTER = {"the quarter", "the latest quarter", "the latest period", "that quarter",
                "the period", "the same quarter", "the most recent quarter", "the recent quarter"}


#: nouns of reported results: "this quarter's loss" is the quarter the story reports on
_RESULT_NOUNS = {"loss", "losses", "profit", "profits", "earnings", "results", "net", "income", "sales",
                 "revenue", "revenues", "performance", "figures", "charge", "charges"}


_BARE_CLOCK = re.compile(r"^(?:about |around |at |approximately |shortly (?:before|after) )?"
                         r"(?:\d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?| o'clock)?|noon|midnight)(?: [a-z]{3})?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_PAIR_WORDS = {"and", "or", "to", "through", "thru", "until", "till", "-", "\u2013", "--"}
_YEARLESS = re.compile(r"^(?:XXXX|\d{4})-(\d{2})(-\d{2})?$")
_HAS_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")


_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")


def _ordered_lists(doc: Doc, results: List[Tuple[Span, Timex]]) -> List[Tuple[Span, Timex]]:
    """A list of bare months or weekdays names them in order of time ("rises in June,
    August and September", "races on Tuesday and Wednesday"); when the values resolved one by
    one contradict that order, the list is put back together: months take the year most of
    them got, weekdays count on from the first."""
    out = list(results)
    k = 0
    n = len(out)
    while k < n:
        j = k
        while j + 1 < n and out[j + 1][0].start - out[j][0].end == 1 \
                and doc[out[j][0].end].lower_ in (",", "and", "or"):
            j += 1
        chain = out[k:j + 1]
        k = j + 1
        if len(chain) < 2 or not all(len(sp) == 1 and tx.type == "DATE" and tx.value for sp, tx in chain):
            continue
        words = [sp[0].lower_.rstrip(".") for sp, _ in chain]
        values = [tx.value for _, tx in chain]
        start = k - len(chain)
        if all(w in MONTHS for w in words) and all(_MONTH_VALUE.match(v) for v in values):
            months = [int(v[5:7]) for v in values]
            if months != sorted(set(months)) or values == sorted(values):
                continue
            years = [v[:4] for v in values]
            best = max(set(years), key=lambda y: (years.count(y), -years[::-1].index(y)))
            for i, (sp, tx) in enumerate(chain):
                out[start + i] = (sp, tx.with_(value=f"{best}-{months[i]:02d}"))
        elif all(w in _WEEKDAY_WORDS for w in words) and all(_DAY.match(v) for v in values):
            import datetime as _dt
            days = [_WEEKDAY_NAMES.index(w) for w in words]
            if days != sorted(set(days)) or values == sorted(values):
                continue
            first = _dt.date.fromisoformat(values[0])
            new = [(first + _dt.timedelta(days=d - days[0])).isoformat() for d in days]
            anchor = str(doc._.published or "")[:10]
            if anchor and values[0] < anchor < new[-1]:
                continue  # "held on Monday and Friday": a past list does not run into the future
            for i, (sp, tx) in enumerate(chain[1:], 1):
                out[start + i] = (sp, tx.with_(value=new[i]))
    return out


def _quarter_ended(doc: Doc, results: List[Tuple[Span, Timex]]) -> List[Tuple[Span, Timex]]:
    """"the quarter ending [September 30]": the quarter is the one that closes on that day,
    not the story's latest quarter (ordinal quarters keep their own, possibly fiscal, number)."""
    out = list(results)
    for k in range(len(out) - 1):
        (a, atx), (b, btx) = out[k], out[k + 1]
        if a.text.lower() not in ("the quarter", "that quarter") or atx.type != "DATE" or not btx.value:
            continue
        gap = [t.lower_ for t in doc[a.end:b.start]]
        if gap not in (["ended"], ["ending"], ["that", "ended"], ["which", "ended"], ["to"]) or not _DAY.match(btx.value):
            continue
        q = (int(btx.value[5:7]) - 1) // 3 + 1
        out[k] = (a, atx.with_(value=f"{btx.value[:4]}-Q{q}"))
    return out


def _share_year(doc: Doc, results: List[Tuple[Span, Timex]]) -> List[Tuple[Span, Timex]]:
    """The first of two paired dates takes its year from the second when it names none:
    "between March and May 2018" -> 2018-03, "from December to March 2019" -> 2018-12."""
    out = list(results)
    for k in range(len(out) - 1):
        (a, atx), (b, btx) = out[k], out[k + 1]
        if b.start - a.end != 1 or doc[a.end].lower_ not in _PAIR_WORDS:
            continue
        if not (atx.value and btx.value and atx.type == "DATE" and btx.type == "DATE"):
            continue
        ma = _YEARLESS.match(atx.value)
        mb = _YEARLESS.match(btx.value)
        if not (ma and mb) or _HAS_YEAR.search(a.text) or not _HAS_YEAR.search(b.text):
            continue
        year = int(btx.value[:4])
        if int(ma.group(1)) > int(mb.group(1)) and doc[a.end].lower_ not in ("and", "or"):
            year -= 1  # a range running over the new year
        out[k] = (a, atx.with_(value=f"{year:04d}{atx.value[4:]}", anchored=False))
    return out


def _resolve_in_context(doc: Doc, results: List[Tuple[Span, Timex]]) -> List[Tuple[Span, Timex]]:
    """Relative expressions that take their reference from the text, not the publication
    date (TimeML: the anchor is the last time mentioned): "a year earlier" after "the third
    quarter" is the same quarter a year before (``1988-Q3``), "that day" / "the next day"
    after "on Friday" is that Friday / the Saturday after. Only a date mentioned in the same
    or the previous sentence is used; otherwise the value from the publication date stays."""
    out: List[Tuple[Span, Timex]] = []
    last: Optional[Tuple[str, int]] = None  # (value, sentence start token)
    last_quarter: Optional[str] = None  # the first quarter the text names ("the third quarter")
    #: the last stretch of months named ("the first nine months"): "a year earlier" after it
    #: is the year, not the story's quarter
    months_period: Optional[Tuple[str, int]] = None
    prev_sent_start = -1
    cur_sent_start = -1
    for sp, tx in results:
        sent_start = sent_of(doc, sp.start).start if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else 0
        if sent_start != cur_sent_start:
            prev_sent_start, cur_sent_start = cur_sent_start, sent_start
        near = last is not None and last[1] in (cur_sent_start, prev_sent_start)
        low = sp.text.lower().replace("\u2019", "'")
        new = tx
        if near and tx.value and tx.type == "DATE":
            ref_value = last[0]
            ref = _POINT.match(ref_value)
            if ref and _YEAR_AGO.match(low) and last_quarter and ("quarter" in low or "period" in low):
                # "the year-earlier period": the story's quarter a year before, not the last
                # quarter mentioned ("after a flat second quarter, ... the year-earlier period")
                new = tx.with_(value=f"{int(last_quarter[:4]) - 1:04d}{last_quarter[4:]}")
            elif ref and _YEAR_AGO.match(low) and (ref.group(2) or ref.group(3)):
                y = int(ref.group(1)) - 1
                part = ref.group(2)
                rest = ref_value[4:]
                if re.match(r"the (?:same|corresponding) (?:month|day) ", low):
                    # "December sales fell 0.7% on the same month last year": the month (day) a
                    # year before
                    rest = ref_value[4:7] if " month " in low else (ref_value[4:10] if ref.group(3) else None)
                elif low.endswith(("quarter", "period")) or low.startswith(("the quarter", "the period", "the same", "the corresponding", "the comparable", "quarter", "period")):
                    # "the year-ago quarter": the quarter of the date mentioned, a year before
                    q = part if part.startswith("Q") else (f"Q{(int(part) - 1) // 3 + 1}" if not part.startswith("H") else None)
                    rest = f"-{q}" if q else None
                if rest and not rest.endswith("-02-29"):
                    new = tx.with_(value=f"{y:04d}{rest}")
            elif ref and re.fullmatch(r"\d{4}", ref_value) and re.fullmatch(
                    r"(?:a|one|the) year (?:earlier|before)|the (?:previous|preceding|prior) year", low):
                # "$39.9bn in 2022, compared with $19.3bn a year earlier": the year before the
                # year just named ("a year ago" counts from the time of writing and stays)
                new = tx.with_(value=f"{int(ref_value) - 1:04d}")
            elif ref and low in _ANAPHORA:
                unit, k = _ANAPHORA[low]
                v = _shift_value(last[0], unit, k)
                if v is not None:
                    new = tx.with_(value=v)
        if near and tx.value and _DAY.match(last[0]) and new is tx:
            mp = _ANAPHORIC_PART.fullmatch(low)
            mw = _ANAPHORIC_WEEKDAY.fullmatch(low)
            if mp:
                # "Slepian was shot on Oct. 23 ... That night, ...": that day's night
                new = tx.with_(value=f"{last[0]}T{PARTS_OF_DAY[mp.group(1)]}")
            elif mw:
                import datetime as _dt

                from ..normalize.timex import _weekday_date
                which = "next" if mw.group(1) == "following" else "last"
                d = _weekday_date(WEEKDAYS[mw.group(2)], _dt.date.fromisoformat(last[0]), None, which)
                new = tx.with_(value=d.isoformat())
        if near and tx.type == "TIME" and tx.value and _BARE_CLOCK.match(low) and _DAY.match(last[0]) \
                and tx.value[:10] != last[0]:
            # a clock time with no day of its own is on the day the text is talking about
            # ("Slepian was shot Oct. 23 ... at 10 p.m."), not on the publication date
            new = tx.with_(value=last[0] + tx.value[10:])
        if new is tx and last_quarter and tx.value and tx.type == "DATE" and low == "this quarter" \
                and sp.end + 1 < len(doc) and doc[sp.end].tag_ == "POS" and doc[sp.end + 1].lower_ in _RESULT_NOUNS:
            # "This quarter's loss includes ...": the results the story reports, its quarter
            new = tx.with_(value=last_quarter)
        elif new is tx and last_quarter and tx.value and tx.type == "DATE" and low in _THE_QUARTER:
            # earnings prose: "the quarter", "the latest period" are the quarter the story
            # reports on: the first one it names
            new = tx.with_(value=last_quarter)
        elif new is tx and last_quarter and tx.type == "DATE" and _YEAR_PERIOD.match(low):
            new = tx.with_(value=_YEAR_PERIOD.match(low).group(1) + last_quarter[4:])
        elif new is tx and last_quarter and tx.type == "DATE" and _YEAR_AGO.match(low) and not near \
                and ("quarter" in low or "period" in low
                     or not (months_period and months_period[1] in (cur_sent_start, prev_sent_start))):
            # "the year-ago quarter", "a year ago" with no date nearby: the story's quarter, a
            # year before (not right after "the first nine months")
            new = tx.with_(value=f"{int(last_quarter[:4]) - 1:04d}{last_quarter[4:]}")
        if last_quarter is None and new.value and re.fullmatch(r"\d{4}-Q[1-4]", new.value) \
                and low not in _THE_QUARTER and not _YEAR_AGO.match(low) and not _YEAR_PERIOD.match(low):
            last_quarter = new.value
        out.append((sp, new))
        if new.type == "DURATION" and new.value and re.fullmatch(r"P\d+M", new.value):
            # "In the first nine months, net rose 10% from a year earlier": the stretch of
            # months is what "a year earlier" refers to, not a quarter named before it
            months_period = (new.value, cur_sent_start)
            last = None
        elif new.value and new.type in ("DATE", "TIME") and not _YEAR_AGO.match(low):
            months_period = None
        # a year-ago period ("in the 1988 period") is not a reference for "a year ago"
        past_period = bool(_YEAR_PERIOD.match(low)) and last_quarter is not None and new.value[:4] != last_quarter[:4]
        if new.value and new.type in ("DATE", "TIME") and _POINT.match(new.value[:10].rstrip("T")) and not _YEAR_AGO.match(low) \
                and not past_period:
            last = (new.value[:10] if new.type == "TIME" else new.value, cur_sent_start)
    return out


def _shift_value(value: str, unit: str, k: int) -> Optional[str]:
    """Move a TIMEX3 point value by ``k`` units, at the granularity ``unit`` (which must not
    be finer than the value's own)."""
    import datetime as _dt

    from ..normalize.timex import _fmt, shift

    m = _POINT.match(value)
    if not m:
        return None
    y = int(m.group(1))
    part, day = m.group(2), m.group(3)
    if unit == "year":
        return f"{y + k:04d}"
    if unit == "day":
        if not day:
            return None
        d = _dt.date(y, int(part), int(day))
        return (d + _dt.timedelta(days=k)).isoformat()
    if unit == "week" and not day:
        return None  # a week counted from a month or a year: not known
    if part is None or part.startswith(("Q", "H")):
        if unit == "quarter" and part and part.startswith("Q"):
            q = int(part[1]) - 1 + k
            return f"{y + q // 4:04d}-Q{q % 4 + 1}"
        return None
    d = _dt.date(y, int(part), int(day) if day else 1)
    if unit in ("month", "quarter", "week"):
        return _fmt(shift(d, unit, k), unit)
    return None


_REPORTING = {"said", "say", "says", "told", "tell", "tells", "reported", "reports", "announced",
              "announces", "added", "adds", "noted", "notes", "stated", "states", "estimated",
              "predicted", "forecast", "expected", "expects", "believes", "believed", "thinks",
              "thought", "according"}


#: verbs and adjectives whose time argument is a scheduled (future) time: "is scheduled to
#: close Monday", "planned to leave on Thursday", "set to resume Monday", "is due to
#: arrive Friday", "postponed until Tuesday"
_SCHEDULING = {"plan", "plans", "planned", "planning", "schedule", "schedules", "scheduled",
               "set", "slated", "due", "expected", "expect", "expects", "intend", "intends",
               "intended", "prepare", "prepares", "preparing", "prepared", "going", "ready",
               "postpone", "postpones", "postponed", "delay", "delays", "delayed", "adjourned",
               "rescheduled", "about", "decided", "agreed", "promised", "vowed", "pledged",
               "threatened", "threatens", "hopes", "hope", "wants", "want", "seeks", "seek"}
_SCHEDULING_HEADS = {"scheduled", "planned", "postponed", "rescheduled", "slated", "adjourned"}
#: modals that put a base-form verb after the time of speaking ("may come as soon as Tuesday")
_MODAL_FUTURE = {"may", "might", "could", "should", "must", "can", "ca"}


def _scheduled(tok: Token, auxes: List[Token]) -> bool:
    """The verb is the complement of a scheduling word ("scheduled to close", "is to
    resume") or is itself one ("has scheduled a news conference Thursday")."""
    if tok.lower_ in _SCHEDULING_HEADS:
        # "has scheduled", "is scheduled", "are planned"; not a past "planned" or "had been"
        return any(a.lower_ in ("has", "have", "is", "are", "am", "'s", "'re") for a in auxes) and not _past_perfect(auxes)
    to_inf = tok.tag_ == "VB" and (any(a.lower_ == "to" for a in auxes) or tok.dep_ == "xcomp")
    if not to_inf:
        return False
    head = tok.head
    if head.i == tok.i:
        return False
    chain = [head] + ([head.head] if head.dep_ in ("acomp", "attr", "xcomp", "ccomp") and head.head.i != head.i else [])
    head_aux = [c for h in chain for c in h.children if c.dep_ in ("aux", "auxpass")]
    if head.tag_ == "VBD" or _past_perfect(head_aux) or any(h.lower_ == "had" for h in chain):
        return False  # "planned to pay on Friday", "had been due to expire Friday"
    if head.lower_ in _SCHEDULING:
        return True
    # "is to resume trading": be + to-infinitive
    return head.lower_ in ("is", "are", "am", "'s", "'re") and tok.dep_ == "xcomp"


def _past_perfect(auxes: List[Token]) -> bool:
    return any(a.lower_ == "had" for a in auxes)


#: verbs whose past tense is spelled as the present: a VBP tag on them is a guess
_SAME_PAST = {"hurt", "put", "set", "cut", "hit", "cost", "let", "quit", "shut", "spread", "split",
              "bid", "cast", "beat", "burst", "read", "rid", "shed", "slit", "thrust", "upset", "bet",
              "broadcast", "forecast", "fit", "offset", "reset", "wed"}


def tense_of(sp: Span) -> Optional[str]:
    """The tense of the verb governing a span: "past" (VBD, perfect), "future" (will/shall,
    going to), "present" (VBZ/VBP) or None."""
    tok: Token = sp.root
    if tok.dep_ == "poss" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in ("after", "since", "following"):
        return "past"  # "set out today how victims will be paid, after Monday's report": a day gone by
    seen = 0
    while not tok.tag_.startswith("VB") and tok.head.i != tok.i and seen < 8:
        tok = tok.head
        seen += 1
    if not tok.tag_.startswith("VB"):
        return None
    # a reporting verb reached through a noun or adjective ("said the dividend is payable
    # Dec. 1"): its tense is the report's, not the event's
    if seen > 2 and tok.lower_ in _REPORTING:
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        if a.lower_ in _FUTURE_AUX:
            return "future"
    # cues read only when the expression hangs on the verb itself (not through a noun)
    if seen <= 2 and any(a.lower_ in _MODAL_FUTURE for a in auxes) and tok.tag_ == "VB" or _scheduled(tok, auxes):
        return "future"
    if any(a.lower_ == "would" for a in auxes) and tok.tag_ == "VB" and tok.dep_ == "ccomp" \
            and tok.head.lower_ in _REPORTING and tok.head.tag_ == "VBD":
        # the future of a past report: "told MPs that every household would get £200 in
        # October" (a conditional "would" elsewhere says nothing)
        return "future"
    for a in auxes:
        if a.tag_ == "VBD" or a.lower_ in ("had", "was", "were", "did"):
            return "past"
        if a.lower_ in ("has", "have", "'ve") and tok.tag_ == "VBN":
            return "past"
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and not auxes:
        # a reduced relative: "the pledge, made in January" (past), "the vote planned for
        # May" (scheduled: future)
        return "future" if tok.lower_ in _SCHEDULING_HEADS else "past"
    if tok.tag_ == "VBN" and tok.dep_ not in ("amod", "acl"):
        return "past" if not auxes else None
    # present tense: a weekday modifying the verb itself is the coming one ("meet separately
    # Monday", "On Tuesday, the league plans to ..."); not through a possessive ("Friday's
    # close") or a noun, nor with a reporting verb ("says Monday")
    direct = seen <= 2 and sp.root.dep_ != "poss" and not (sp.end < len(sp.doc) and sp.doc[sp.end].tag_ == "POS") \
        and tok.lower_ not in _REPORTING and tok.lower_ not in _SAME_PAST
    if tok.tag_ in ("VBZ", "VBP"):
        return "present" if direct else None
    if tok.tag_ == "VBG" and auxes:
        a = auxes[0].lower_
        return "past" if a in ("was", "were") else ("present" if direct else None)
    return None
