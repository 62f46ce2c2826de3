"""TIMEX3 normalisation of a time expression already found in a text (no spaCy).

:func:`normalise` takes the words of one expression ("last year", "the third quarter",
"Tuesday, 7th August 2018, 11:07 am", "2016/17", "every month") and the anchor (the
publication date) and returns a :class:`Timex`: its TimeML ``type`` (DATE, TIME,
DURATION, SET), its ``value`` in TIMEX3 form keeping the granularity of the words
(``2017``, ``2018-03``, ``2013-W11``, ``2013-Q1``, ``2013-SU``, ``199``, ``P20M``,
``PRESENT_REF``), a TimeML ``mod`` (``START``, ``END``, ``APPROX``, ``MORE_THAN``, ...)
and, for ranges and fiscal years, the first and last day (``begin``/``finish``).

With no anchor, values that depend on it stay unresolved in TIMEX3 style (``XXXX-07`` for
"July", ``XXXX-WXX-5`` for "Friday", ``XXXX`` for "last year") instead of being guessed
from today's date. ``tense`` ("past", "present", "future") of the governing verb picks
between the previous and the next occurrence of a weekday, a month or a quarter.

The rules follow the TimeML 1.2.1 / TIMEX3 guidelines. dateparser is only a fallback
for spans these rules do not read, and only on the span itself.

>>> import datetime
>>> normalise("last year", datetime.date(2018, 8, 7)).value
'2017'
>>> normalise("in March", datetime.date(2018, 8, 7)).value
'2018-03'
>>> normalise("2016/17", None).value
'FY2016'
>>> normalise("every month", None).type
'SET'
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, List, NamedTuple, Optional, Tuple, Union

__all__ = ["Timex", "normalise", "parse_number", "shift"]


@dataclass(frozen=True)
class Timex:
    """A normalised time expression (TIMEX3 attributes)."""

    type: str  # DATE, TIME, DURATION, SET
    value: Optional[str]
    mod: Optional[str] = None
    begin: Optional[str] = None  # ranges and fiscal years: first day (ISO)
    finish: Optional[str] = None  # ranges and fiscal years: last day (ISO, inclusive)
    anchored: bool = False  # the value was computed from the anchor

    def with_(self, **kw) -> "Timex":
        d = dict(type=self.type, value=self.value, mod=self.mod, begin=self.begin,
                 finish=self.finish, anchored=self.anchored)
        d.update(kw)
        return Timex(**d)


# --------------------------------------------------------------------------- words

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
#: month in which each season starts (northern hemisphere, meteorological)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "midday": "MI"}

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "single": 1, "dozen": 12,
}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty first": 21, "twenty-first": 21, "21st": 21,
}
#: vague quantities: "a few years" PXY
VAGUE = ("a few", "few", "several", "some", "many", "a couple of", "couple of", "a couple",
         "a number of", "dozens of", "hundreds of", "a handful of", "numerous", "countless")

#: unit word -> (TIMEX3 designator, is a time-of-day unit, granularity name)
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("2W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "millennium": ("ML", False), "yr": ("Y", False),
    "hr": ("H", True), "min": ("M", True), "sec": ("S", True),
}
_UNIT_PLURAL = {"centuries": "century", "millennia": "millennium", "yrs": "year",
                "hrs": "hour", "mins": "minute", "secs": "second"}

PRESENT = {"now", "currently", "current", "present", "the present", "at present",
           "nowadays", "these days", "today's", "at the moment", "right now", "just now",
           "presently", "the present time", "present day", "the present day",
           "this time", "at this time", "contemporary", "so far", "to date", "as yet"}
PAST = {"the past", "recently", "recent", "previously", "formerly", "earlier", "once",
        "then current", "the then current", "in the past", "lately", "the recent past", "former times", "before", "past",
        "in recent times", "recent times", "hitherto", "of late", "historically"}
FUTURE = {"the future", "future", "soon", "in the future", "shortly", "later",
          "the near future", "the coming", "eventually", "someday", "in future",
          "the years ahead", "the months ahead", "the weeks ahead", "the days ahead",
          "the years to come", "years to come", "the time being", "forthcoming",
          "upcoming", "in due course", "the long term", "the long run", "the short term",
          "the near term", "a later date", "future quarters", "the future years"}

MODS_PREFIX: Tuple[Tuple[str, str], ...] = (
    ("no more than ", "EQUAL_OR_LESS"), ("not more than ", "EQUAL_OR_LESS"),
    ("no less than ", "EQUAL_OR_MORE"), ("not less than ", "EQUAL_OR_MORE"),
    ("more than ", "MORE_THAN"), ("over ", "MORE_THAN"), ("in excess of ", "MORE_THAN"),
    ("upwards of ", "MORE_THAN"), ("at least ", "EQUAL_OR_MORE"), ("less than ", "LESS_THAN"),
    ("fewer than ", "LESS_THAN"), ("under ", "LESS_THAN"), ("almost ", "LESS_THAN"),
    ("nearly ", "LESS_THAN"), ("just under ", "LESS_THAN"), ("just over ", "MORE_THAN"),
    ("up to ", "EQUAL_OR_LESS"), ("at most ", "EQUAL_OR_LESS"), ("as many as ", "EQUAL_OR_LESS"),
    ("as long as ", "EQUAL_OR_LESS"), ("about ", "APPROX"), ("around ", "APPROX"),
    ("approximately ", "APPROX"), ("roughly ", "APPROX"), ("some ", "APPROX"),
    ("nearly ", "APPROX"), ("circa ", "APPROX"), ("c. ", "APPROX"), ("an estimated ", "APPROX"),
    ("the beginning of ", "START"), ("the start of ", "START"), ("the dawn of ", "START"),
    ("the early part of ", "START"), ("the first part of ", "START"), ("early in ", "START"),
    ("the early ", "START"), ("early ", "START"), ("the end of ", "END"),
    ("the close of ", "END"), ("the latter part of ", "END"), ("the late ", "END"),
    ("late in ", "END"), ("the later part of ", "END"), ("late ", "END"),
    ("earlier in ", "START"), ("later in ", "END"),
    ("the middle of ", "MID"), ("the mid ", "MID"), ("the height of ", "MID"), ("mid ", "MID"),
    ("post ", "AFTER"), ("pre ", "BEFORE"), ("the turn of ", "START"),
)
MODS_SUFFIX: Tuple[Tuple[str, str], ...] = (
    (" or so", "APPROX"), (" or more", "EQUAL_OR_MORE"), (" or longer", "EQUAL_OR_MORE"),
    (" or less", "EQUAL_OR_LESS"), (" or fewer", "EQUAL_OR_LESS"), (" at most", "EQUAL_OR_LESS"),
    (" at least", "EQUAL_OR_MORE"), (" or two", "APPROX"), (" and beyond", "EQUAL_OR_MORE"),
)

_WORD_NUM = "|".join(sorted((re.escape(w) for w in SMALL), key=len, reverse=True))
_NUM = rf"(?:\d[\d,]*(?:\.\d+)?(?: \d/\d)?|(?:{_WORD_NUM})(?: (?:{_WORD_NUM}|hundred|thousand))*(?: and a half)?|half an?|a half)"
_UNIT_RE = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|yrs?|decades?|century|centuries|millennium|millennia)"


def _unit_name(word: str) -> Optional[str]:
    w = _UNIT_PLURAL.get(word, word)
    if w in UNITS:
        return w
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return None


# --------------------------------------------------------------------------- numbers


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Optional[float]:
    """A cardinal written in digits or words ("20", "2,528", "twenty-five", "a", "one and
    a half", "5 1/2"); None when it is not one."""
    t = text.strip().lower().replace("-", " ")
    if not t:
        return None
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if m:
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v
    if t in ("half a", "half an", "a half"):
        return 0.5
    half = 0.0
    if t.endswith(" and a half"):
        half = 0.5
        t = t[: -len(" and a half")]
    total = 0.0
    current = 0.0
    seen = False
    words = t.split()
    if len(words) > 1 and words[0] in ("a", "an") and words[1] in SMALL and words[1] not in ("a", "an", "dozen", "hundred", "thousand"):
        words = words[1:]  # "a two-day meeting": the article belongs to the noun
    for w in words:
        if w == "and":
            continue
        if w == "dozen":
            current = (current or 1) * 12  # "a dozen", "two dozen"
            seen = True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        else:
            return None
    return (total + current + half) if seen else None


# --------------------------------------------------------------------------- calendar


def _add_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    month = m + 1
    day = min(d.day, [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return _dt.date(year, month, day)


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _last_day(y: int, m: int) -> _dt.date:
    return _add_months(_dt.date(y, m, 1), 1) - _dt.timedelta(days=1)


def shift(anchor: _dt.date, unit: str, n: int) -> _dt.date:
    """The anchor moved by ``n`` units (day, week, month, quarter, half, year, decade, century)."""
    if unit in ("day", "night"):
        return anchor + _dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return anchor + _dt.timedelta(weeks=n)
    if unit == "fortnight":
        return anchor + _dt.timedelta(weeks=2 * n)
    if unit == "month":
        return _add_months(anchor, n)
    if unit == "quarter":
        return _add_months(anchor, 3 * n)
    if unit == "half":
        return _add_months(anchor, 6 * n)
    if unit == "year":
        return _add_months(anchor, 12 * n)
    if unit == "decade":
        return _add_months(anchor, 120 * n)
    if unit == "century":
        return _add_months(anchor, 1200 * n)
    raise ValueError(unit)


def _fmt(d: _dt.date, unit: str) -> str:
    """The TIMEX3 value of the ``unit`` that holds ``d``."""
    if unit in ("day", "night"):
        return d.isoformat()
    if unit in ("week", "fortnight"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit == "millennium":
        return f"{d.year // 1000:01d}"
    raise ValueError(unit)


_UNRESOLVED = {"day": "XXXX-XX-XX", "night": "XXXX-XX-XX", "week": "XXXX-WXX",
               "weekend": "XXXX-WXX-WE", "fortnight": "XXXX-WXX", "month": "XXXX-XX",
               "quarter": "XXXX-QX", "half": "XXXX-HX", "year": "XXXX", "decade": "XXX",
               "century": "XX", "millennium": "X"}


def _rel(anchor: Optional[_dt.date], unit: str, n: int, typ: str = "DATE") -> Timex:
    if anchor is None:
        return Timex(typ, _UNRESOLVED[unit])
    return Timex(typ, _fmt(shift(anchor, unit, n), unit), anchored=True)


def _year_of_month(month: int, anchor: _dt.date, tense: Optional[str]) -> int:
    """The year of a bare month name: past tense takes the last such month up to the
    publication month, future tense the next one from it; present tense the nearest (within
    six months either way); with no tense at all, news looks back further than ahead: the
    month within the seven months before and the four after the publication month ("from
    $29.75 in March" in October is the last March, "by February" the next one)."""
    if tense == "past":
        return anchor.year - 1 if month > anchor.month else anchor.year
    if tense == "future":
        return anchor.year + 1 if month < anchor.month else anchor.year
    diff = month - anchor.month
    ahead, back = (6, 6) if tense == "present" else (4, 7)
    if diff > ahead:
        return anchor.year - 1
    if diff < -back:
        return anchor.year + 1
    return anchor.year


def _weekday_date(wd: int, anchor: _dt.date, tense: Optional[str], which: Optional[str]) -> _dt.date:
    diff = wd - anchor.isoweekday()  # -6..6
    if which == "last":
        back = (anchor.isoweekday() - wd) % 7 or 7
        return anchor - _dt.timedelta(days=back)
    if which in ("next", "coming"):
        fwd = (wd - anchor.isoweekday()) % 7 or 7
        return anchor + _dt.timedelta(days=fwd)
    if which == "this":
        return anchor + _dt.timedelta(days=diff)  # the same ISO week
    if tense in ("future", "present"):
        return anchor + _dt.timedelta(days=(wd - anchor.isoweekday()) % 7)
    # past, present or unknown tense: news reports what happened; the most recent such day
    return anchor - _dt.timedelta(days=(anchor.isoweekday() - wd) % 7)


def _easter(y: int) -> _dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return _dt.date(y, month, day)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> _dt.date:
    """The n-th (n<0: from the end) ISO weekday ``wd`` of a month."""
    if n > 0:
        d = _dt.date(y, month, 1)
        d += _dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + _dt.timedelta(weeks=n - 1)
    d = _last_day(y, month)
    return d - _dt.timedelta(days=(d.isoweekday() - wd) % 7)


#: holidays: name -> function(year) -> date (fixed dates and a few computed ones)
HOLIDAYS: dict = {
    "christmas": lambda y: _dt.date(y, 12, 25), "christmas day": lambda y: _dt.date(y, 12, 25),
    "christmas eve": lambda y: _dt.date(y, 12, 24), "boxing day": lambda y: _dt.date(y, 12, 26),
    "new year's day": lambda y: _dt.date(y, 1, 1), "new year's eve": lambda y: _dt.date(y, 12, 31),
    "new year": lambda y: _dt.date(y, 1, 1), "new years day": lambda y: _dt.date(y, 1, 1),
    "new year day": lambda y: _dt.date(y, 1, 1), "new year eve": lambda y: _dt.date(y, 12, 31),
    "halloween": lambda y: _dt.date(y, 10, 31), "valentine's day": lambda y: _dt.date(y, 2, 14),
    "independence day": lambda y: _dt.date(y, 7, 4), "bonfire night": lambda y: _dt.date(y, 11, 5),
    "guy fawkes night": lambda y: _dt.date(y, 11, 5), "armistice day": lambda y: _dt.date(y, 11, 11),
    "veterans day": lambda y: _dt.date(y, 11, 11), "st patrick's day": lambda y: _dt.date(y, 3, 17),
    "easter": _easter, "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + _dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - _dt.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    # US federal elections: the Tuesday after the first Monday of November
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + _dt.timedelta(days=1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "mothers day": lambda y: _nth_weekday(y, 5, 7, 2),
    # named days of the calendar written as a word and a weekday (the component reads the
    # other such compounds, "Sheffield Wednesday", "Bloody Sunday", as names)
    "black friday": lambda y: _nth_weekday(y, 11, 4, 4) + _dt.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 4, 4) + _dt.timedelta(days=4),
    "ash wednesday": lambda y: _easter(y) - _dt.timedelta(days=46),
    "shrove tuesday": lambda y: _easter(y) - _dt.timedelta(days=47),
    "palm sunday": lambda y: _easter(y) - _dt.timedelta(days=7),
    "maundy thursday": lambda y: _easter(y) - _dt.timedelta(days=3),
    "mothering sunday": lambda y: _easter(y) - _dt.timedelta(days=21),
}


# --------------------------------------------------------------------------- text prep


def _clean(text: str) -> str:
    t = text.strip().lower()
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^[\s,;:(\[\"']+|[\s,;:)\]\"'!?]+$", "", t)
    if t.endswith(".") and not re.search(r"(?:a\.m|p\.m|\b[a-z])\.$", t):
        t = t[:-1].rstrip()
    t = re.sub(r"'s\b", "", t)  # "this year's third quarter"
    # months with dots: "sept." -> "sept"
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.", r"\1", t)
    return t


_MONTH_RE_WORDS = "(?:" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True)) + ")"
_SPOKEN_TENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SPOKEN_YEAR = re.compile(
    rf"\b(?P<lead>{_MONTH_RE_WORDS}|spring|summer|autumn|fall|winter|of|in) (?P<c>nineteen|eighteen) "
    rf"(?P<y>{_SPOKEN_TENS}(?: (?:one|two|three|four|five|six|seven|eight|nine))?|hundred)$")


def _spoken_year(t: str) -> str:
    """Broadcast transcripts spell years after a month or season: "january nineteen ninety
    seven" -> "january 1997", "the winter of nineteen ninety four" -> "... of 1994"."""
    if "nineteen" not in t and "eighteen" not in t:
        return t
    m = _SPOKEN_YEAR.search(t)
    if not m:
        return t
    if m.group("y") == "hundred":
        rest = 0.0
    else:
        rest = parse_number(m.group("y"))
    if rest is None or not (0 <= rest < 100) or rest != int(rest):
        return t
    year = {"nineteen": 19, "eighteen": 18}[m.group("c")] * 100 + int(rest)
    return t[:m.start("c")] + f"{year:04d}"


def _dehyphen(t: str) -> str:
    """Word hyphens to spaces ("third-quarter", "30-year", "mid-1990s"), keeping numeric
    ranges and ISO dates ("2010-2012", "2016-17", "2023-08-03")."""
    return re.sub(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " ", t)


# --------------------------------------------------------------------------- the rules

class Conventions(NamedTuple):
    """Reading conventions a publication may differ in (hashable: part of the cache key).

    fiscal_year_start: first month of a fiscal year ("2016/17" starts in April in the UK).
    day_first: "08/07/2023" is 8 July (British) rather than 7 August (American); either way a
        first number over 12 can only be a day, and a second one over 12 only a day too.
    """

    fiscal_year_start: int = 4
    day_first: bool = True


Rule = Callable[[str, Optional[_dt.date], Optional[str], "Conventions"], Optional[Timex]]


def _refs(t, anchor, tense, conv):
    if t in PRESENT:
        return Timex("DATE", "PRESENT_REF", anchored=anchor is not None)
    if t in PAST:
        return Timex("DATE", "PAST_REF", anchored=anchor is not None)
    if t in FUTURE:
        return Timex("DATE", "FUTURE_REF", anchored=anchor is not None)
    if re.fullmatch(r"(?:in )?recent times|(?:in )?(?:recent|past) (?:years|decades)", t):
        # "in recent years": a vague past, not a measurable stretch (TimeBank and corpus)
        return Timex("DATE", "PAST_REF", anchored=anchor is not None)
    if re.fullmatch(r"(?:the )?(?:years|months|decades|weeks|days) (?:ahead|to come)", t):
        return Timex("DATE", "FUTURE_REF", anchored=anchor is not None)
    return None


_SET_ADVERBS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M",
    "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H",
    "biannually": "P6M", "biennially": "P2Y", "every day": "P1D", "everyday": "P1D",
    "per day": "P1D", "per week": "P1W", "per month": "P1M", "per year": "P1Y", "per annum": "P1Y",
    "a day": "P1D", "a week": "P1W", "a month": "P1M", "a year": "P1Y", "an hour": "PT1H",
    "each day": "P1D", "each week": "P1W", "each month": "P1M", "each year": "P1Y",
}


def _set(t, anchor, tense, conv):
    m = re.fullmatch(r"(?:(?:once|twice|\w+ times) )?(every|each|per|a|an) (other )?(?:(" + _NUM + r") )?(\w+)", t)
    if m and (m.group(1) in ("every", "each", "per") or m.group(2) or t.split()[0] in ("once", "twice") or re.search(r"\btimes\b", t)):
        unit = _unit_name(m.group(4))
        n = parse_number(m.group(3)) if m.group(3) else 1
        if m.group(2):
            n = 2 * (n or 1)
        if unit and n and unit not in ("weekend",):
            return Timex("SET", _duration_value(n, unit))
        wd = WEEKDAYS.get(m.group(4).rstrip("s"))
        if wd:
            return Timex("SET", f"XXXX-WXX-{wd}")
        if m.group(4) == "weekend":
            return Timex("SET", "XXXX-WXX-WE")
        if m.group(4) in MONTHS:
            return Timex("SET", f"XXXX-{MONTHS[m.group(4)]:02d}")
        if m.group(4) in SEASONS and m.group(1) in ("every", "each"):
            return Timex("SET", f"XXXX-{SEASONS[m.group(4)]}")
        pod = PARTS_OF_DAY.get(m.group(4))
        if pod:
            return Timex("SET", f"XXXX-XX-XXT{pod}")
    core = re.sub(r"^(?:once|twice|\w+ times) ", "", t)
    # "a year" alone is a duration; it is a rate only after a count ("twice a year"),
    # which the caller knows from the context ("800 reports a month")
    if core in _SET_ADVERBS and (core != t or core.split()[0] not in ("a", "an")):
        return Timex("SET", _SET_ADVERBS[core])
    m = re.fullmatch(rf"({_WD_RE})s? (mornings|afternoons|evenings|nights)", t)
    if m:
        # "Tuesday nights": every Tuesday night
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[m.group(1)]}T{PARTS_OF_DAY[m.group(2)[:-1]]}")
    m = re.fullmatch(r"(mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends)", t)
    if m:
        wd = WEEKDAYS.get(t[:-1])
        return Timex("SET", f"XXXX-WXX-{wd}" if wd else "XXXX-WXX-WE")
    return None


def _duration_value(n: float, unit: str) -> str:
    """P-form of ``n`` units ("P20M", "PT3H", "P10Y" for a decade, "P1.5Y" kept exact as "P18M")."""
    if unit in ("second", "sec"):
        return f"PT{_n(n)}S"
    if unit in ("minute", "min"):
        if n != int(n):
            return f"PT{int(n)}M{round((n - int(n)) * 60)}S" if n > 1 else f"PT{round(n * 60)}S"
        return f"PT{_n(n)}M"
    if unit in ("hour", "hr"):
        if n != int(n):
            return f"PT{int(n)}H{round((n - int(n)) * 60)}M" if n > 1 else f"PT{round(n * 60)}M"
        return f"PT{_n(n)}H"
    if unit in ("day", "night"):
        return f"P{_n(n)}D"
    if unit in ("week",):
        if n != int(n):
            return f"P{_n(n * 7)}D"
        return f"P{_n(n)}W"
    if unit == "fortnight":
        return f"P{_n(2 * n)}W"
    if unit == "weekend":
        return f"P{_n(2 * n)}D"
    if unit == "month":
        return f"P{_n(n)}M"
    if unit == "quarter":
        return f"P{_n(n)}Q" if n == int(n) else f"P{_n(3 * n)}M"
    if unit in ("year", "yr"):
        if n != int(n):
            months = round((n - int(n)) * 12)
            return f"P{int(n)}Y{months}M" if n > 1 else f"P{months}M"
        return f"P{_n(n)}Y"
    if unit == "decade":
        return f"P{_n(10 * n)}Y"
    if unit == "century":
        return f"P{_n(100 * n)}Y"
    if unit == "millennium":
        return f"P{_n(1000 * n)}Y"
    raise ValueError(unit)


def _vague_value(unit: str) -> str:
    return {"second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "night": "PXD",
            "week": "PXW", "weekend": "PXD", "fortnight": "PXW", "month": "PXM", "quarter": "PXQ",
            "year": "PXY", "decade": "PXY", "century": "PXC", "millennium": "PXY"}[unit]


def _n(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


_TIME_UNITS = ("second", "minute", "hour")
_DUR = re.compile(
    r"(?:the )?(?P<adj>(?:(?:past|last|next|coming|previous|preceding|following|first|latest|final|"
    r"recent|additional|initial|remaining|further|another|other|full|entire|whole|same|ensuing|"
    r"subsequent|intervening|current|upcoming|succeeding|extra|consecutive|straight|few) )*)"
    rf"(?P<num>{_NUM}|a few|few|several|some|many|a couple of|couple of|a number of|dozens of|hundreds of|a handful of|numerous|countless)? ?"
    rf"(?P<unit>{_UNIT_RE})"
    r"(?: (?P<post>ago|earlier|later|before|after|from now|hence|back|old|long|running|in a row|straight|"
    r"since|or so|ahead|before that|after that|on|later on|previously|prior|before then))?"
)
_PAST_ADJ = {"past", "last", "previous", "preceding", "recent", "latest"}
_NEXT_ADJ = {"next", "coming", "following", "ensuing", "subsequent", "upcoming", "succeeding"}


def _durations(t, anchor, tense, conv):
    t = re.sub(rf"^(.*?) ?({_UNIT_RE}) and a half$", r"\1 and a half \2", t)
    # "two more weeks", "eight trading days", "an additional year": the count of units
    t = re.sub(rf"^((?:{_NUM}) )(?:more|additional|extra|further|trading|business|working) (?={_UNIT_RE}$)", r"\1", t)
    m = _DUR.fullmatch(t)
    if not m:
        return None
    adjs = m.group("adj").split()
    num = m.group("num")
    word = m.group("unit")
    unit = _unit_name(word)
    if unit is None:
        return None
    plural = word.endswith("s") and word not in ("hrs", "mins", "secs", "yrs") or word in ("centuries", "millennia")
    post = m.group("post")
    definite = t.startswith("the ")
    if num in ("a couple of", "couple of"):
        num = "two"
    vague = num is not None and num in VAGUE or "few" in adjs
    n = None
    if num and not vague:
        n = parse_number(num)
        if n is None:
            return None
    # "N units ago / earlier / later": a point
    if post in ("ago", "earlier", "before", "back", "previously", "prior", "before that", "before then"):
        if vague or (n is None and plural):
            return Timex("DATE", "PAST_REF", anchored=anchor is not None)
        k = int(n) if n is not None and n == int(n) else None
        if n is None:
            k = 1
        if k is None:
            return None
        if unit in _TIME_UNITS:
            return Timex("TIME", "PAST_REF", anchored=anchor is not None)
        return _rel(anchor, _granule(unit), -k * _scale(unit))
    if post in ("later", "after", "from now", "hence", "ahead", "after that", "later on", "on"):
        if vague or (n is None and plural):
            return Timex("DATE", "FUTURE_REF", anchored=anchor is not None)
        k = int(n) if n is not None and n == int(n) else (1 if n is None else None)
        if k is None:
            return None
        if unit in _TIME_UNITS:
            return Timex("TIME", "FUTURE_REF", anchored=anchor is not None)
        return _rel(anchor, _granule(unit), k * _scale(unit))
    if vague or (n is None and plural):
        return Timex("DURATION", _vague_value(unit))
    if n is not None:
        return Timex("DURATION", _duration_value(n, unit))
    # no number, singular: "the past year", "the last week", "the year", "the next decade"
    adj = [a for a in adjs if a not in ("full", "entire", "whole", "same")]
    if any(a in _PAST_ADJ for a in adj) and definite:
        if unit in ("decade", "century", "millennium") or unit in _TIME_UNITS:
            return Timex("DURATION", _duration_value(1, unit))
        return _rel(anchor, unit, -1)
    if any(a in _NEXT_ADJ for a in adj) and definite:
        if unit in ("decade", "century", "millennium") or unit in _TIME_UNITS:
            return Timex("DURATION", _duration_value(1, unit))
        return _rel(anchor, unit, 1)
    if adj and adj[0] in ("first",) and definite:
        return Timex("DURATION", _duration_value(1, unit))
    if "full" in adjs and definite and unit in ("year", "quarter", "month", "week"):
        return _rel(anchor, unit, 0)  # "the full year": the current one, as a whole
    if ("entire" in adjs or "whole" in adjs) and unit not in _TIME_UNITS:
        return Timex("DURATION", _duration_value(1, unit))
    if definite and not adj and unit in ("day", "week", "month", "year", "quarter", "weekend"):
        if unit == "year":
            return Timex("DURATION", "P1Y")
        return _rel(anchor, unit, 0)
    if not definite and not adj and post in (None, "long", "old", "running", "in a row", "straight"):
        if post in ("long", "old", "running") or unit in _TIME_UNITS or unit in UNITS:
            return Timex("DURATION", _duration_value(1, unit))
    if post in ("long", "old"):
        return Timex("DURATION", _duration_value(1, unit))
    return None


def _granule(unit: str) -> str:
    """The granularity of "N units ago": decades and centuries ago name a year."""
    return {"fortnight": "week", "weekend": "week", "night": "day", "decade": "year",
            "century": "year", "millennium": "year"}.get(unit, unit)


def _scale(unit: str) -> int:
    return {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}.get(unit, 1)


_REL = re.compile(r"(?P<which>this|last|next|past|previous|coming|current|the current|the previous|the coming|the past|the last|the next|the following|the same|that|the preceding|the latest) (?P<unit>day|week|weekend|month|quarter|year|decade|century|fortnight)")


def _relative(t, anchor, tense, conv):
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2, "tonight": 0, "this day": 0, "the same day": 0,
              "that day": 0, "the day": 0, "day": 0, "the next day": 1, "the following day": 1,
              "the previous day": -1, "the day before": -1, "the day after": 1,
              "the next morning": 1, "the following morning": 1, "overnight": 0,
              "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
              "yesterday evening": -1, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "tomorrow morning": 1, "tomorrow night": 1, "tomorrow evening": 1,
              "tomorrow afternoon": 1, "yesterday night": -1, "earlier today": 0,
              "later today": 0, "earlier that day": 0, "later that day": 0, "the same night": 0,
              "that same day": 0, "that same night": 0, "later this morning": 0, "earlier this morning": 0,
              "later this afternoon": 0, "earlier this afternoon": 0, "later this evening": 0,
              "earlier this evening": 0, "mid morning": 0, "mid afternoon": 0, "mid evening": 0,
              "mid morning today": 0, "mid afternoon today": 0, "mid morning yesterday": -1,
              "mid afternoon yesterday": -1, "mid evening yesterday": -1, "mid morning tomorrow": 1,
              "mid afternoon tomorrow": 1,
              # anaphoric parts of a day: the day the text is talking about (the component
              # re-anchors them on the last date mentioned; alone, the publication date)
              "that morning": 0, "that afternoon": 0, "that evening": 0, "that night": 0,
              "later that morning": 0, "later that afternoon": 0, "later that evening": 0,
              "later that night": 0, "earlier that morning": 0, "earlier that afternoon": 0,
              "earlier that evening": 0, "earlier that night": 0}
    if t in simple:
        k = simple[t]
        part = None
        for w, code in PARTS_OF_DAY.items():
            if w in t.split() or (w == "night" and t in ("tonight", "last night")):
                part = code
        if t in ("overnight", "that same night"):
            part = "NI"
        if t in ("the next morning", "the following morning"):
            part = None  # TimeML: the day
        if anchor is None:
            return Timex("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""))
        d = anchor + _dt.timedelta(days=k)
        mod = "START" if t.startswith("earlier") else ("END" if t.startswith("later") else None)
        if part:
            return Timex("TIME", f"{d.isoformat()}T{part}", mod=mod, anchored=True)
        return Timex("DATE", d.isoformat(), mod=mod, anchored=True)
    m = re.fullmatch(r"the (?:same|corresponding) (month|day) (?:last year|a year ago|a year earlier)", t)
    if m:
        # "the same month last year" with no month named before it: the publication month
        return _rel(shift(anchor, "year", -1) if anchor else None, m.group(1), 0)
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|last|final) (week|weekend) of (.+)", t)
    if m:
        # "the first week of March": the ISO week holding its first (8th, ...; last) day
        r = _absolute(m.group(3), anchor, tense, conv)
        if r is not None and r.value and re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}", r.value):
            if r.value.startswith("XXXX"):
                return Timex("DATE", "XXXX-WXX" + ("-WE" if m.group(2) == "weekend" else ""))
            y, mo = int(r.value[:4]), int(r.value[5:7])
            if m.group(1) in ("last", "final"):
                d = _last_day(y, mo)
                if m.group(2) == "weekend":
                    d -= _dt.timedelta(days=(d.isoweekday() - 6) % 7)  # the last Saturday
            else:
                n = ORDINALS[m.group(1)]
                d = _dt.date(y, mo, 1)
                if m.group(2) == "weekend":
                    d += _dt.timedelta(days=(6 - d.isoweekday()) % 7)  # the first Saturday
                d += _dt.timedelta(weeks=n - 1)
            return Timex("DATE", _fmt(d, m.group(2)), anchored=r.anchored)
        return None
    m = re.fullmatch(r"(?:the )?week of (.+)", t)
    if m:
        r = _absolute(m.group(1), anchor, tense, conv)
        if r is not None and r.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.value):
            return Timex("DATE", _fmt(_dt.date.fromisoformat(r.value), "week"), anchored=r.anchored)
        if r is not None and r.value and r.value.startswith("XXXX"):
            return Timex("DATE", "XXXX-WXX")
        return None
    if t in ("year end", "the year end", "this year end", "around year end"):
        # "by year-end", "by year's end": the end of the current year (of the last one in
        # the past tense: "since year-end"), TimeML value the year, mod END
        r = _rel(anchor, "year", -1 if tense == "past" else 0)
        return r.with_(mod="END" if not t.startswith("around") else "APPROX")
    m = re.fullmatch(r"(earlier|later) (this|that|last|next) (week|month|year|quarter|decade|century)", t)
    if m:
        k = {"this": 0, "that": 0, "last": -1, "next": 1}[m.group(2)]
        r = _rel(anchor, m.group(3), k)
        return r.with_(mod="START" if m.group(1) == "earlier" else "END")
    m = _REL.fullmatch(t)
    if m:
        which = m.group("which").replace("the ", "")
        unit = m.group("unit")
        k = {"this": 0, "current": 0, "same": 0, "that": 0, "last": -1, "past": -1, "previous": -1,
             "preceding": -1, "latest": -1, "next": 1, "coming": 1, "following": 1}[which]
        if unit == "fortnight":
            return _rel(anchor, "week", 2 * k)
        if unit in ("decade", "century") and which in ("last", "past", "previous", "next", "coming", "following"):
            return Timex("DURATION", _duration_value(1, unit))
        if unit == "weekend" and anchor is not None and k == 0:
            # "this weekend": the coming one, or the one just past in past tense
            d = anchor
            if tense == "past" and anchor.isoweekday() < 6:
                d = anchor - _dt.timedelta(weeks=1)
            return Timex("DATE", _fmt(d, "weekend"), anchored=True)
        return _rel(anchor, unit, k)
    m = re.fullmatch(r"(?:the |a )?(?:year|twelve months|12 months) (?:earlier|ago|before)|(?:the )?year (?:ago|earlier)(?: (?:level|levels|time|figure|figures|results))?", t)
    if m:
        return _rel(anchor, "year", -1)
    if t in ("the weekend", "weekend", "this weekend", "over the weekend"):
        if anchor is None:
            return Timex("DATE", "XXXX-WXX-WE")
        d = anchor
        if tense == "past" and anchor.isoweekday() < 6:
            d = anchor - _dt.timedelta(weeks=1)
        return Timex("DATE", _fmt(d, "weekend"), anchored=True)
    return None


_SAME_PERIOD = re.compile(
    r"(?:the )?(?:same |corresponding |comparable |year ago |year earlier )?(quarter|period|half) "
    r"(?:a year (?:ago|earlier)|last year|of last year|of the previous year|the previous year|the year before)")


def _quarters(t, anchor, tense, conv):
    # "the last half of the '80s", "the first half of the century": the decade (century),
    # mod START / END
    m = re.fullmatch(r"(?:the )?(first|second|last|latter|early|earlier|later) half of (.+)", t)
    if m and not re.search(r"\d{4}$|year", m.group(2)):
        r = normalise(m.group(2), anchor, tense=tense, fiscal_year_start=conv.fiscal_year_start, day_first=conv.day_first)
        if r is not None and r.type == "DATE" and r.value and re.fullmatch(r"\d{2,3}|XXX?", r.value):
            return r.with_(mod="START" if m.group(1) in ("first", "early", "earlier") else "END")
    # "the corresponding period last year", "the quarter a year ago": the year-ago quarter
    sm = _SAME_PERIOD.fullmatch(t)
    if sm:
        t = f"the year ago {sm.group(1)}"
    m = re.fullmatch(
        r"(?:the )?(?:(?P<pre>this year|last year|next year|fiscal \d{4}|\d{4}|this|last|next|the|same|comparable|year ago|year earlier) )?"
        r"(?:fiscal )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past|last|recent|most recent|next|coming|same|year ago|year earlier|comparable|)"
        r" ?(?:fiscal )?(?P<unit>quarter|half|period|three months)"
        r"(?: (?:of|in|for) (?:the )?(?:fiscal )?(?:year )?(?P<post>\d{4}|this year|last year|next year|the year|the previous year|the same year|a year earlier|a year ago|fiscal \d{4}))?",
        t)
    if not m:
        m2 = re.fullmatch(r"(?:q([1-4])|([1-4])q) ?(?:of )?(?:fy ?)?('?\d{2,4})?|(\d{4}) ?q([1-4])", t)
        if not m2:
            return None
        q = int(m2.group(1) or m2.group(2) or m2.group(5))
        ys = m2.group(3) or m2.group(4)
        if ys:
            y = _full_year(ys.lstrip("'"), anchor)
            return Timex("DATE", f"{y:04d}-Q{q}")
        if anchor is None:
            return Timex("DATE", f"XXXX-Q{q}")
        return Timex("DATE", f"{anchor.year:04d}-Q{q}", anchored=True)
    unit = m.group("unit")
    ordw = m.group("ord") or ""
    pre = m.group("pre")
    post = m.group("post")
    if unit == "three months" and ordw not in ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"):
        return None
    if unit in ("period", "three months") and not ordw and pre not in ("year ago", "year earlier", "same", "comparable", "this", "last", "this year", "last year") and post is None:
        if not (pre and re.fullmatch(r"\d{4}", pre)):
            return None
    if unit == "three months" and ordw in ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"):
        return Timex("DURATION", "P3M")
    size = 6 if unit == "half" else 3
    nmax = 2 if unit == "half" else 4
    letter = "H" if unit == "half" else "Q"
    gran = "half" if unit == "half" else "quarter"
    num = ORDINALS.get(ordw)
    if ordw == "final" or (ordw == "last" and post) or (pre == "last" and not ordw and post):
        num = nmax
    year_words = {"this year": 0, "last year": -1, "next year": 1, "a year earlier": -1,
                  "a year ago": -1, "the previous year": -1}
    year = None
    yr_from_anchor = False
    for y_txt in (post, pre):
        if not y_txt:
            continue
        yt = y_txt.replace("fiscal ", "")
        if re.fullmatch(r"\d{4}", yt):
            year = int(yt)
        elif yt in year_words:
            if anchor is None:
                return Timex("DATE", f"XXXX-{letter}{num}" if num else f"XXXX-{letter}X")
            year = anchor.year + year_words[yt]
            yr_from_anchor = True
        if year is not None:
            break
    ago = pre in ("year ago", "year earlier") or ordw in ("year ago", "year earlier")
    if num and num <= nmax:
        if year is None:
            if anchor is None:
                return Timex("DATE", f"XXXX-{letter}{num}")
            cur = (anchor.month - 1) // size + 1
            year = anchor.year
            if tense == "past" and num >= cur and post != "the year":
                # ("the second quarter of the year" names this year's, whatever the tense)
                year -= 1 if num > cur else 0
            elif tense != "future" and cur == 1 and num == nmax:
                # "the fourth quarter" in a January story: the one just ended
                year -= 1
            if ago:
                year -= 1
            yr_from_anchor = True
        return Timex("DATE", f"{year:04d}-{letter}{num}", anchored=yr_from_anchor)
    # relative quarter without a number
    if anchor is None:
        return Timex("DATE", f"XXXX-{letter}X")
    if year is not None and pre and (re.fullmatch(r"\d{4}", pre) or pre in year_words) and not ordw:
        # "the 1988 period": the same quarter of that year as the one just reported
        cur = (anchor.month - 1) // size
        prev = cur - 1 if cur > 0 else nmax - 1
        return Timex("DATE", f"{year:04d}-{letter}{prev + 1}", anchored=True)
    k = {"latest": -1, "previous": -1, "past": -1, "last": -1, "recent": -1, "most recent": -1,
         "next": 1, "coming": 1, "current": 0, "same": -1, "comparable": -1, "": -1}.get(ordw, None)
    if ordw in ("year ago", "year earlier") or pre in ("year ago", "year earlier", "same", "comparable"):
        d = shift(shift(anchor, gran, -1), "year", -1)
        return Timex("DATE", _fmt(d, gran), anchored=True)
    if pre == "this" and not ordw:
        k = 0
    if pre == "last" and not ordw:
        k = -1
    if pre == "next" and not ordw:
        k = 1
    if k is None:
        return None
    return Timex("DATE", _fmt(shift(anchor, gran, k), gran), anchored=True)


def _full_year(ys: str, anchor: Optional[_dt.date]) -> int:
    y = int(ys)
    if len(ys) <= 2:
        base = anchor.year if anchor else 2000
        century = base // 100 * 100
        y = century + y
        if y > base + 20:
            y -= 100
    return y


def _seasons(t, anchor, tense, conv):
    m = re.fullmatch(r"(?:(this|last|next|the|past|coming|that) )?(spring|summer|autumn|fall|winter)(?:time)?(?: (?:of )?(\d{4}|this year|last year|next year))?", t)
    if not m:
        m = re.fullmatch(r"(\d{4}) (spring|summer|autumn|fall|winter)", t)
        if not m:
            return None
        return Timex("DATE", f"{int(m.group(1)):04d}-{SEASONS[m.group(2)]}")
    which, season, ys = m.group(1), SEASONS[m.group(2)], m.group(3)
    if ys and ys.isdecimal():
        return Timex("DATE", f"{int(ys):04d}-{season}")
    if anchor is None:
        return Timex("DATE", f"XXXX-{season}")
    if ys:
        k = {"this year": 0, "last year": -1, "next year": 1}[ys]
        return Timex("DATE", f"{anchor.year + k:04d}-{season}", anchored=True)
    start = SEASON_START[season]
    cur_year = anchor.year
    if which in ("last", "past"):
        y = cur_year - 1
    elif which in ("next", "coming"):
        y = cur_year + 1 if anchor.month >= start else cur_year
    else:
        y = cur_year
        if tense == "past" and start > anchor.month:
            y -= 1
        if tense == "future" and start + 2 < anchor.month and season != "WI":
            y += 1
    return Timex("DATE", f"{y:04d}-{season}", anchored=True)


_MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_WD_RE = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
_DAY_RE = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:\d{4}|'\d{2})"


def _day_ok(y: Optional[int], mo: int, d: int) -> bool:
    try:
        _dt.date(y or 2000, mo, d)
        return True
    except ValueError:
        return False


_ORD_WORD_RE = re.compile(r"\b(" + "|".join(sorted((w for w in ORDINALS if w.isalpha() or "-" in w or " " in w),
                                                     key=len, reverse=True)) + r")$")


def _absolute(t, anchor, tense, conv):
    # transcripts spell the day: "march eighth", "sunday, march twenty-first"
    if re.search(_MONTH_RE + r" ", t):
        t = _ORD_WORD_RE.sub(lambda m: str(ORDINALS[m.group(1)]), t)
    t2 = re.sub(rf"^(?:on )?(?:(?:last|this|next|on|this coming|this past|coming) )?{_WD_RE},? (?:the )?", "", t)
    weekday_given = t2 != t
    # day month year / month day year
    m = (re.fullmatch(rf"(?:the )?(?P<d>{_DAY_RE}) (?:of )?(?P<m>{_MONTH_RE}),?(?: (?P<y>{_YEAR_RE}))?", t2)
         or re.fullmatch(rf"(?P<m>{_MONTH_RE}) (?:the )?(?P<d>{_DAY_RE}),?(?: (?P<y>{_YEAR_RE}))?", t2))
    if m:
        d = int(re.match(r"\d+", m.group("d")).group())
        mo = MONTHS[m.group("m")]
        if m.group("y"):
            y = _full_year(m.group("y").lstrip("'"), anchor)
            if not _day_ok(y, mo, d):
                return None
            return Timex("DATE", f"{y:04d}-{mo:02d}-{d:02d}")
        if not _day_ok(None, mo, d):
            return None
        if anchor is None:
            return Timex("DATE", f"XXXX-{mo:02d}-{d:02d}")
        y = anchor.year
        if weekday_given:
            # the year in which that day falls on the weekday named, near the anchor
            wd = WEEKDAYS[re.search(_WD_RE, t).group()]
            for cand in (anchor.year, anchor.year - 1, anchor.year + 1):
                if _day_ok(cand, mo, d) and _dt.date(cand, mo, d).isoweekday() == wd:
                    y = cand
                    break
            else:
                y = _year_of_day(mo, d, anchor, tense)
        else:
            y = _year_of_day(mo, d, anchor, tense)
        if not _day_ok(y, mo, d):
            return None
        return Timex("DATE", f"{y:04d}-{mo:02d}-{d:02d}", anchored=True)
    # month year
    m = re.fullmatch(rf"(?P<m>{_MONTH_RE}),? (?:of )?(?P<y>\d{{4}}|'\d{{2}}|this year|last year|next year)", t)
    if m:
        mo = MONTHS[m.group("m")]
        ys = m.group("y")
        if ys[0].isdecimal() or ys[0] == "'":
            return Timex("DATE", f"{_full_year(ys.lstrip(chr(39)), anchor):04d}-{mo:02d}")
        if anchor is None:
            return Timex("DATE", f"XXXX-{mo:02d}")
        k = {"this year": 0, "last year": -1, "next year": 1}[ys]
        return Timex("DATE", f"{anchor.year + k:04d}-{mo:02d}", anchored=True)
    # month alone, "last March", "next May"
    m = re.fullmatch(rf"(?:(?P<w>last|this|next|in|that|the month of|past|coming) )?(?P<m>{_MONTH_RE})", t)
    if m:
        mo = MONTHS[m.group("m")]
        if anchor is None:
            return Timex("DATE", f"XXXX-{mo:02d}")
        w = m.group("w")
        if w in ("last", "past"):
            y = anchor.year if mo < anchor.month else anchor.year - 1
        elif w in ("next", "coming"):
            y = anchor.year if mo > anchor.month else anchor.year + 1
        elif w == "this":
            y = anchor.year  # "this September": the one of the current year
        else:
            y = _year_of_month(mo, anchor, tense)
        return Timex("DATE", f"{y:04d}-{mo:02d}", anchored=True)
    return None


def _year_of_day(mo: int, d: int, anchor: _dt.date, tense: Optional[str]) -> int:
    """The year of a day and month: the date nearest the publication date, unless the
    tense clearly points the other way (past tense and more than two months ahead, future
    tense and more than two months back)."""
    y = anchor.year
    if not _day_ok(y, mo, d):
        return y
    diff = (_dt.date(y, mo, d) - anchor).days
    if tense == "past":
        return y - 1 if diff > 61 else y
    if tense == "future":
        return y + 1 if diff < -61 else y
    if diff > 183:
        return y - 1
    if diff < -183:
        return y + 1
    return y


def _weekdays(t, anchor, tense, conv):
    m = re.fullmatch(rf"(?:(?P<w>last|this|next|coming|on|this past|this coming|past|the following|the previous|the preceding) )?(?P<wd>{_WD_RE})"
                     r"(?: (?P<part>morning|afternoon|evening|night|overnight|midday))?"
                     r"(?: (?P<w2>last|next|week|this week|next week|last week|a week ago))?", t)
    if not m:
        m = re.fullmatch(rf"(?:(?:late|early) )?(?P<part>morning|afternoon|evening|night|overnight) (?:of |on )?(?P<wd>{_WD_RE})", t)
        if not m:
            return None
    gd = m.groupdict()
    wd = WEEKDAYS[gd["wd"]]
    which = gd.get("w")
    w2 = gd.get("w2")
    part = PARTS_OF_DAY.get(gd.get("part") or "")
    if which in ("this past",):
        which = "last"
    if which in ("this coming",):
        which = "next"
    if which == "on":
        which = None
    if which in ("past", "the previous", "the preceding"):
        which = "last"
    if which == "the following":
        which = "next"  # "the following Monday": the first one after the reference day
    if w2 in ("last", "last week", "a week ago"):
        which = "last"
    elif w2 in ("next", "next week"):
        which = "next"
    elif w2 in ("this week",):
        which = "this"
    if anchor is None:
        v = f"XXXX-WXX-{wd}"
        return Timex("TIME" if part else "DATE", v + (f"T{part}" if part else ""))
    d = _weekday_date(wd, anchor, tense, which)
    if w2 in ("last week",):
        d = anchor - _dt.timedelta(weeks=1) + _dt.timedelta(days=wd - anchor.isoweekday())
    if w2 in ("next week",):
        d = anchor + _dt.timedelta(weeks=1) + _dt.timedelta(days=wd - anchor.isoweekday())
    if part:
        return Timex("TIME", f"{d.isoformat()}T{part}", anchored=True)
    return Timex("DATE", d.isoformat(), anchored=True)


def _numeric(t, anchor, tense, conv):
    # ISO date / time
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::\d{2})?)?", t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _day_ok(y, mo, d):
            return None
        if m.group(4):
            return Timex("TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m.group(4)}:{m.group(5)}")
        return Timex("DATE", f"{y:04d}-{mo:02d}-{d:02d}")
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", t)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return Timex("DATE", f"{y:04d}-{mo:02d}-{d:02d}") if _day_ok(y, mo, d) else None
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", t)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), _full_year(m.group(3), anchor)
        # day first (UK) or month first (US), unless that order cannot be a date
        if conv.day_first:
            d, mo = (a, b) if b <= 12 else (b, a)
        else:
            d, mo = (b, a) if a <= 12 else (a, b)
        if not _day_ok(y, mo, d):
            return None
        return Timex("DATE", f"{y:04d}-{mo:02d}-{d:02d}")
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12 and not _fiscal_like(int(m.group(1)), m.group(2)):
        return Timex("DATE", f"{int(m.group(1)):04d}-{int(m.group(2)):02d}")
    return None


def _fiscal_like(y: int, tail: str) -> bool:
    return int(tail) == (y + 1) % 100


def _fiscal(t, anchor, tense, conv):
    m = re.fullmatch(r"(?:the )?(?:(?:fiscal|financial|academic|school|tax|budget) (?:year )?|fy ?)?(\d{4})(?:/|-| to )(\d{2}|\d{4})(?: (?:fiscal|financial|academic|school|tax) year)?", t)
    if m:
        y1 = int(m.group(1))
        tail = m.group(2)
        y2 = int(tail) if len(tail) == 4 else (y1 // 100 * 100 + int(tail))
        if len(tail) == 2 and y2 < y1:
            y2 += 100
        if y2 == y1 + 1 and (len(tail) == 2 or "/" in t or "fiscal" in t or "financial" in t or "academic" in t or "fy" in t):
            fy = conv.fiscal_year_start
            start = fy if 1 <= fy <= 12 else 4
            if start == 1:
                begin, finish = _dt.date(y1, 1, 1), _dt.date(y1, 12, 31)
            else:
                begin = _dt.date(y1, start, 1)
                finish = _dt.date(y2, start, 1) - _dt.timedelta(days=1)
            return Timex("DATE", f"FY{y1:04d}", begin=begin.isoformat(), finish=finish.isoformat())
        return None
    m = re.fullmatch(r"(?:(?:the )?(?:fiscal|financial) (?:year )?|fy ?)('?\d{2}|\d{4})", t)
    if m:
        # "fiscal 1989" (TimeML: the year as named); "FY2016"
        y = _full_year(m.group(1).lstrip("'"), anchor)
        return Timex("DATE", f"{y:04d}")
    return None


#: first month of a sports season that runs over the new year ("the 2019-20 season": football,
#: rugby, most winter sports, television): July-June holds all of them
SEASON_YEAR_START = 7


def _season_year(y: int) -> Timex:
    """The season that starts in ``y``: value ``FY<y>`` (a year-long period named by its first
    calendar year, as fiscal and academic years are), begin 1 July, finish 30 June."""
    finish = _dt.date(y + 1, SEASON_YEAR_START, 1) - _dt.timedelta(days=1)
    return Timex("DATE", f"FY{y:04d}", begin=_dt.date(y, SEASON_YEAR_START, 1).isoformat(),
                 finish=finish.isoformat())


def _sport_seasons(t, anchor, tense, conv):
    """Seasons of a sport (or of television): "the 2019-20 season", "the 2021/22 season" (July-June,
    not the April-March fiscal year), "this season", "last season", "next season" (the season under
    way at the anchor, the one before, the one after), "the 2005 season" (the year)."""
    if not t.endswith("season"):
        return None
    m = re.fullmatch(r"(?:the )?(\d{4})(?:/|-)(\d{2}|\d{4}) season", t)
    if m:
        y1, tail = int(m.group(1)), m.group(2)
        y2 = int(tail) if len(tail) == 4 else (y1 // 100 * 100 + int(tail))
        if len(tail) == 2 and y2 < y1:
            y2 += 100
        return _season_year(y1) if y2 == y1 + 1 else None
    m = re.fullmatch(r"(?:the )?(\d{4}) season", t)
    if m:
        return Timex("DATE", m.group(1)) if 1900 <= int(m.group(1)) <= 2099 else None
    m = re.fullmatch(r"(this|last|next|(?:the )?current|(?:the )?coming) season", t)
    if m:
        if anchor is None:
            return Timex("DATE", "FYXXXX")
        k = {"last": -1, "next": 1, "coming": 1}.get(m.group(1).replace("the ", ""), 0)
        y = anchor.year if anchor.month >= SEASON_YEAR_START else anchor.year - 1
        return _season_year(y + k).with_(anchored=True)
    return None


def _years(t, anchor, tense, conv):
    m = re.fullmatch(r"(?:in |the year |the calendar year |calendar |the |year )?(\d{4})(?: ad| bc| a\.d\.| b\.c\.)?", t)
    if m:
        y = int(m.group(1))
        if 1000 <= y <= 2999 or t.endswith(("ad", "bc", "a.d.", "b.c.")):
            if t.endswith(("bc", "b.c.")):
                return Timex("DATE", f"BC{y:04d}")
            return Timex("DATE", f"{y:04d}")
        return None
    m = re.fullmatch(r"(?:the )?'(\d{2})", t)
    if m:
        return Timex("DATE", f"{_full_year(m.group(1), anchor):04d}")
    # decades: "the 1990s", "the '90s", "the nineties", "1990's"
    m = re.fullmatch(r"(?:the )?(\d{3})0 ?'?s", t)
    if m:
        return Timex("DATE", m.group(1))
    m = re.fullmatch(r"(?:the '?|')(\d)0 ?'?s", t)
    if m:
        base = anchor.year if anchor else 2000
        y = _full_year(m.group(1) + "0", anchor)
        if y > base:
            y -= 100
        return Timex("DATE", f"{y // 10:03d}")
    decades = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
               "seventies": 7, "eighties": 8, "nineties": 9}
    m = re.fullmatch(r"(?:the )?(?:(nineteen|eighteen|twenty) )?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", t)
    if m:
        cent = {"nineteen": 19, "eighteen": 18, "twenty": 20}.get(m.group(1) or "", 19)
        return Timex("DATE", f"{cent}{decades[m.group(2)]}")
    # centuries: "the 20th century", "the nineteenth century", "this century"
    m = re.fullmatch(r"(?:the )?(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?: [a-z]+)?) century", t)
    if m:
        n = ORDINALS.get(m.group(1))
        if n is None:
            if m.group(1) in ("this", "the current", "current"):
                if anchor is None:
                    return Timex("DATE", "XX")
                return Timex("DATE", f"{anchor.year // 100:02d}", anchored=True)
            if m.group(1) == "past":
                # "the past century": the last hundred years, as "the past decade" is P10Y
                return Timex("DURATION", "P100Y")
            if m.group(1) in ("last", "the last", "previous"):
                if anchor is None:
                    return Timex("DATE", "XX")
                return Timex("DATE", f"{anchor.year // 100 - 1:02d}", anchored=True)
            if m.group(1) in ("next", "coming"):
                if anchor is None:
                    return Timex("DATE", "XX")
                return Timex("DATE", f"{anchor.year // 100 + 1:02d}", anchored=True)
            mm = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", m.group(1))
            if not mm:
                return None
            n = int(mm.group(1))
        return Timex("DATE", f"{n - 1:02d}")
    # written years: "nineteen ninety-one", "two thousand and eight", "the year two thousand"
    m = re.fullmatch(r"(?:the year )?(nineteen|eighteen|twenty) ((?:[a-z]+)(?: [a-z]+)?)", t)
    if m:
        rest = parse_number(m.group(2))
        if rest is not None and 0 <= rest < 100 and rest == int(rest) and m.group(2) not in ("hundred",):
            cent = {"nineteen": 19, "eighteen": 18, "twenty": 20}[m.group(1)]
            return Timex("DATE", f"{cent * 100 + int(rest):04d}")
    m = re.fullmatch(r"(?:the year )?two thousand(?: and)?(?: ([a-z]+(?: [a-z]+)?))?", t)
    if m:
        rest = parse_number(m.group(1)) if m.group(1) else 0
        if rest is not None and rest < 100:
            return Timex("DATE", f"{2000 + int(rest):04d}")
    return None


def _ranges(t, anchor, tense, conv):
    m = (re.fullmatch(r"(?:between |from )?(?:the )?(.+?) (?:and|to|through|until|till|-) (?:the )?(.+)", t)
         or re.fullmatch(r"(\d{4})-(\d{4}|\d{2})", t))
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    if re.fullmatch(r"\d{2}", b) and re.fullmatch(r"\d{4}", a):
        b = a[:2] + b
    # "March 3 to 5", "3 to 5 March": share the month
    mm = re.fullmatch(rf"({_MONTH_RE}) ({_DAY_RE})", a)
    if mm and re.fullmatch(_DAY_RE, b):
        b = f"{mm.group(1)} {b}"
    mm = re.fullmatch(rf"({_MONTH_RE}) ({_DAY_RE})(?:,? (\d{{4}}))?", b)
    if re.fullmatch(_DAY_RE, a) and mm:
        a = f"{mm.group(1)} {a}" + (f" {mm.group(3)}" if mm.group(3) else "")
    mm = re.fullmatch(rf"({_DAY_RE}) ({_MONTH_RE})(?: (\d{{4}}))?", b)
    if re.fullmatch(_DAY_RE, a) and mm:
        a = f"{a} {mm.group(2)}" + (f" {mm.group(3)}" if mm.group(3) else "")
    # "March to May 2013": the year of the second end
    ym = re.search(r"(\d{4})$", b)
    if ym and not re.search(r"\d{4}", a) and re.fullmatch(rf"{_MONTH_RE}|(?:the )?{_DAY_RE} (?:of )?{_MONTH_RE}|{_MONTH_RE} {_DAY_RE}", a):
        a = f"{a} {ym.group(1)}"
    # number ranges of durations: "two to three weeks" (TimeML: the lower bound, EQUAL_OR_MORE)
    mm = re.fullmatch(rf"({_NUM}) ({_UNIT_RE})", b)
    if mm and parse_number(a) is not None:
        lo = parse_number(a)
        hi = parse_number(mm.group(1))
        unit = _unit_name(mm.group(2))
        # the lower bound comes first ("2004 - a year of change" is no range)
        if lo and unit and (hi is None or lo < hi):
            return Timex("DURATION", _duration_value(lo, unit), mod="EQUAL_OR_MORE")
    ta = _core(a, anchor, tense, conv)
    tb = _core(b, anchor, tense, conv)
    if not ta or not tb or ta.type not in ("DATE",) or tb.type not in ("DATE",):
        return None
    if not ta.value or not tb.value or "REF" in ta.value or "REF" in tb.value:
        return None
    start, _ = _bounds(ta.value, conv.fiscal_year_start)
    _, end = _bounds(tb.value, conv.fiscal_year_start)
    if start is None or end is None:
        # unresolved ends: keep the ends' values only
        return Timex("DURATION", _span_value(ta.value, tb.value), begin=None, finish=None,
                     anchored=ta.anchored or tb.anchored)
    if end < start:
        return None
    return Timex("DURATION", _span_value(ta.value, tb.value, start, end), begin=start.isoformat(),
                 finish=end.isoformat(), anchored=ta.anchored or tb.anchored)


def _span_value(va: str, vb: str, start: Optional[_dt.date] = None, end: Optional[_dt.date] = None) -> str:
    """Length of an inclusive range, in the unit of its ends."""
    if start is None or end is None:
        if re.fullmatch(r"X{4}-\d{2}", va) and re.fullmatch(r"X{4}-\d{2}", vb):
            return f"P{(int(vb[5:]) - int(va[5:])) % 12 + 1}M"
        return "PX"
    if re.fullmatch(r"\d{4}", va) and re.fullmatch(r"\d{4}", vb):
        return f"P{int(vb) - int(va) + 1}Y"
    if re.fullmatch(r"\d{4}-\d{2}", va) and re.fullmatch(r"\d{4}-\d{2}", vb):
        return f"P{(end.year - start.year) * 12 + end.month - start.month + 1}M"
    if re.fullmatch(r"FY\d{4}", va) and re.fullmatch(r"FY\d{4}", vb):
        return f"P{int(vb[2:]) - int(va[2:]) + 1}Y"
    return f"P{(end - start).days + 1}D"


def _bounds(value: str, fy: int = 4) -> Tuple[Optional[_dt.date], Optional[_dt.date]]:
    """First and last day of a TIMEX3 date value (None, None when unresolved)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = _dt.date.fromisoformat(value)
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = int(value[:4]), int(value[5:])
            return _dt.date(y, m, 1), _last_day(y, m)
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
        if m:
            y, size, n = int(m.group(1)), 3 if m.group(2) == "Q" else 6, int(m.group(3))
            first = (n - 1) * size + 1
            return _dt.date(y, first, 1), _last_day(y, first + size - 1)
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            d = _dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return d, d + _dt.timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if m:
            y, first = int(m.group(1)), SEASON_START[m.group(2)]
            start = _dt.date(y, first, 1)
            return start, _add_months(start, 3) - _dt.timedelta(days=1)
        m = re.fullmatch(r"FY(\d{4})", value)
        if m:
            y = int(m.group(1))
            start = _dt.date(y, fy, 1)
            return start, _add_months(start, 12) - _dt.timedelta(days=1)
        m = re.fullmatch(r"(\d{3})", value)
        if m:
            y = int(value) * 10
            return _dt.date(y, 1, 1), _dt.date(y + 9, 12, 31)
    except ValueError:
        return None, None
    return None, None


_TIME = re.compile(
    r"(?P<h>[0-2]?\d)(?:[:.](?P<m>[0-5]\d))?(?::[0-5]\d)? ?(?P<ampm>a\.?m\.?|p\.?m\.?|am|pm|o'clock|hrs|h)?"
    r"(?: (?P<tz>gmt|bst|utc|est|edt|cst|cdt|pst|pdt|cet|cest|et|pt|local time|[a-z]{3,4}))?")


_HHMM_ZONE = re.compile(r"([01]\d|2[0-3])([0-5]\d) (?:gmt|bst|utc|est|edt|cst|cdt|pst|pdt|cet|cest)")


def _times(t, anchor, tense, conv):
    """Clock times, alone or with a date before or after: "11:07 am", "9 a.m. Tuesday",
    "Tuesday, 7th August 2018, 11:07 am", "13 December 2023, 17:54"."""
    special = {"noon": "12:00", "midday": "12:00", "midnight": "24:00", "12 noon": "12:00"}
    candidates: List[Tuple[str, str]] = []
    words = t.split(" ")
    for i in range(1, len(words)):
        left = " ".join(words[:i]).rstrip(",")
        right = " ".join(words[i:]).lstrip(",").strip()
        candidates.append((left, right))

    def as_clock(s: str) -> Optional[str]:
        s = re.sub(r"^(?:at|by|around|about|shortly after|shortly before|until) ", "", s).strip()
        if s in special:
            return special[s]
        m = re.fullmatch(r"(\d{1,2}|[a-z]+)(?: o'clock)? in the (morning|afternoon|evening)", s)
        if m:
            # "4 in the morning", "eight in the evening"
            h = int(m.group(1)) if m.group(1).isdecimal() else parse_number(m.group(1))
            if h is None or not 1 <= h <= 12 or h != int(h):
                return None
            h = int(h) % 12 + (12 if m.group(2) != "morning" else 0)
            return f"{h:02d}:00"
        m = _HHMM_ZONE.fullmatch(s)
        if m:
            # "1900 GMT", "0630 BST": a four-digit clock is read only with a time zone
            return f"{m.group(1)}:{m.group(2)}"
        m = _TIME.fullmatch(s)
        if not m:
            return None
        h = int(m.group("h"))
        mi = int(m.group("m")) if m.group("m") else 0
        ap = (m.group("ampm") or "").replace(".", "")
        if not m.group("m") and not ap:
            return None
        if ap in ("h",) and not m.group("m"):
            return None
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        if h > 24 or (ap in ("am", "pm") and int(m.group("h")) > 12):
            return None
        return f"{h:02d}:{mi:02d}"
    clock = as_clock(t)
    if clock is None:
        # a clock time and a day on either side: "13 December 2023, 17:54",
        # "5 p.m. EST Nov. 9" (the split that reads as both wins)
        for left, right in candidates:
            for c, part in ((as_clock(right), re.sub(r"[,|]$|\bat$", "", left).strip()),
                            (as_clock(left), re.sub(r"^(?:on|of|,)\s*", "", right).strip())):
                if c is None or not part:
                    continue
                dt = _core(part, anchor, tense, conv)
                if dt is None or dt.type not in ("DATE", "TIME") or not dt.value or not re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)|XXXX-WXX-\d", dt.value):
                    continue
                return Timex("TIME", f"{dt.value}T{c}", anchored=dt.anchored)
        return None
    if anchor is None:
        return Timex("TIME", f"XXXX-XX-XXT{clock}")
    return Timex("TIME", f"{anchor.isoformat()}T{clock}", anchored=True)


def _holidays(t, anchor, tense, conv):
    m = re.fullmatch(r"(?:the )?(?:(last|this|next) )?(.+?)(?: (\d{4}))?", t)
    if not m:
        return None
    name = m.group(2)
    # "Easter week", "Christmas week": the (ISO) week that holds the holiday
    week = name.endswith(" week") and name != "holy week"
    if week:
        name = name[:-5]
    fn = HOLIDAYS.get(name) or HOLIDAYS.get(name.replace("'", ""))
    if fn is None:
        return None
    unit = "week" if week else "day"
    if m.group(3):
        return Timex("DATE", _fmt(fn(int(m.group(3))), unit))
    if anchor is None:
        d = fn(2001)
        return Timex("DATE", "XXXX-WXX" if week else f"XXXX-{d.month:02d}-{d.day:02d}")
    which = m.group(1)
    y = anchor.year

    def first(x: _dt.date) -> _dt.date:  # the first day of the expression
        return x - _dt.timedelta(days=x.isoweekday() - 1) if week else x

    def last(x: _dt.date) -> _dt.date:  # its last day
        return first(x) + _dt.timedelta(days=6) if week else x

    d = fn(y)
    if which == "last" or (which is None and tense == "past"):
        if first(d) > anchor:
            d = fn(y - 1)
    elif which == "next" or (which is None and tense == "future"):
        if last(d) < anchor:
            d = fn(y + 1)
    elif which is None:
        # no tense: the nearest one ("Thanksgiving" in a January story is the last one)
        d = min((fn(y - 1), d, fn(y + 1)), key=lambda x: abs((x - anchor).days))
    return Timex("DATE", _fmt(d, unit), anchored=True)


RULES: Tuple[Rule, ...] = (
    _refs, _numeric, _fiscal, _sport_seasons, _years, _times, _set, _relative, _quarters, _seasons,
    _weekdays, _absolute, _holidays, _durations, _ranges,
)


def _core(t: str, anchor: Optional[_dt.date], tense: Optional[str], conv: "Conventions") -> Optional[Timex]:
    for rule in RULES:
        r = rule(t, anchor, tense, conv)
        if r is not None:
            return r
    return None


def _strip_mods(t: str) -> Tuple[str, Optional[str]]:
    mod = None
    changed = True
    while changed:
        changed = False
        for pre, code in MODS_PREFIX:
            if t.startswith(pre) and len(t) > len(pre):
                rest = t[len(pre):]
                if pre == "some " and not re.match(_NUM + r" ", rest + " "):
                    continue  # "some years": vague, not approximate
                if pre in ("over ", "under ") and not re.match(rf"(?:the )?(?:{_NUM}|past|last|next)\b", rest):
                    continue
                if code in ("START", "END", "MID") and rest in ("years", "months", "weeks", "days"):
                    continue
                t = rest.lstrip()
                mod = mod or code
                changed = True
                break
        for suf, code in MODS_SUFFIX:
            if t.endswith(suf) and len(t) > len(suf):
                t = t[: -len(suf)]
                mod = mod or code
                changed = True
                break
    return t, mod


_BOUNDS = ("MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS")


def _is_count(t: str, mod: Optional[str], t0: str) -> bool:
    """A bare number with a bound is a quantity, not a year: "more than 1000", "up to
    2000", "about 1500" (but "around 1900" and "circa 1850" read as years)."""
    if not re.fullmatch(r"\d{4}", t):
        return False
    if mod in _BOUNDS:
        return True
    return mod == "APPROX" and not t0.startswith(("around ", "circa ", "c. "))


def _strip_lead(t: str) -> str:
    """Words outside TimeML extents that callers may pass along: prepositions, "of"."""
    return re.sub(r"^(?:in|on|at|during|since|until|till|by|for|from|of|over|within|throughout|through|before|after|around) (?=\S)", "", t)


def _as_date(anchor: Union[None, str, _dt.date, _dt.datetime]) -> Optional[_dt.date]:
    if anchor is None or anchor == "":
        return None
    if isinstance(anchor, _dt.datetime):
        return anchor.date()
    if isinstance(anchor, _dt.date):
        return anchor
    try:
        return _dt.date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


def normalise(
    text: str,
    anchor: Union[None, str, _dt.date] = None,
    *,
    tense: Optional[str] = None,
    fiscal_year_start: int = 4,
    day_first: bool = True,
) -> Optional[Timex]:
    """Normalise one time expression to TIMEX3.

    text: the words of the expression ("last year", "the past three years", "2016/17").
    anchor: the publication date (``date`` or ISO string); None leaves relative values
        unresolved (``XXXX-07``).
    tense: "past", "present" or "future" (the governing verb), used to pick the previous
        or the next weekday, month or quarter.
    fiscal_year_start: first month of the fiscal year ("2016/17" starts in April by default).
    day_first: all-numeric dates put the day first ("08/07/2023" is 8 July; False: 7 August).

    Returns None when the words are not a time expression this normaliser can read.
    """
    try:
        return _normalise(text, _as_date(anchor), tense, Conventions(int(fiscal_year_start), bool(day_first)))
    except (ValueError, OverflowError):  # a date outside years 1-9999 ("99999999 years ago")
        return None


_WHOLE = re.compile(r"^an? (?:full|entire|whole) (?=" + _UNIT_RE + r"$|((?:\d+|" + _WORD_NUM + r") " + _UNIT_RE + r"$))")


@lru_cache(maxsize=16384)
def _normalise(text: str, anchor: Optional[_dt.date], tense: Optional[str], conv: "Conventions") -> Optional[Timex]:
    t = _spoken_year(_dehyphen(_clean(text)))
    if not t:
        return None
    t0 = t
    t, mod = _strip_mods(t)
    if mod is None:
        t = _strip_lead(t)
        t, mod = _strip_mods(t)
    t = _strip_lead(t)
    # "a full year", "an entire month", "a whole 12 months": the amount, said emphatically
    t = _WHOLE.sub(lambda m: "" if m.group(1) else "a ", t)
    if _is_count(t, mod, t0):
        return None
    r = None
    if mod in ("START", "END", "MID"):
        # "the end of the year", "early in the week": a point of the current unit
        m = re.fullmatch(r"(?:the|this) (day|week|month|year|quarter|decade|century)", t)
        if m:
            r = _rel(anchor, m.group(1), 0)
    if r is None:
        r = _core(t, anchor, tense, conv)
    if r is None and t != t0:
        r = _core(t0, anchor, tense, conv)
        mod = None
    if r is None:
        r = _fallback(t, anchor, tense)
    if r is None:
        return None
    if mod and not r.mod:
        r = r.with_(mod=mod)
    return r


# --------------------------------------------------------------------------- fallback


def _fallback(t: str, anchor: Optional[_dt.date], tense: Optional[str]) -> Optional[Timex]:
    """dateparser, only for a span that names a calendar date the rules did not read.

    With no anchor the result is kept only if it does not depend on the base date
    (parsed identically against two different bases)."""
    # only spans that name a calendar date: a month or weekday name, or a 4-digit year
    if not re.search(rf"\b(?:{_MONTH_RE}|{_WD_RE})\b|\b1\d{{3}}\b|\b20\d{{2}}\b", t):
        return None
    if anchor is None:
        a = _dateparser(t, _dt.date(2001, 3, 14), tense)
        b = _dateparser(t, _dt.date(2011, 9, 27), tense)
        if a is None or a != b:
            return None
        return a
    r = _dateparser(t, anchor, tense)
    return r.with_(anchored=True) if r else None


@lru_cache(maxsize=4096)
def _dateparser(t: str, base: _dt.date, tense: Optional[str]) -> Optional[Timex]:
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    parser = _parser(prefer, base)
    try:
        data = parser.get_date_data(t)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    if not data or data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "time":
        return Timex("TIME", d.strftime("%Y-%m-%dT%H:%M"))
    unit = {"day": "day", "week": "week", "month": "month", "year": "year"}.get(period, "day")
    return Timex("DATE", _fmt(d.date(), unit))


@lru_cache(maxsize=64)
def _parser(prefer: str, base: _dt.date):
    from dateparser.date import DateDataParser

    # try_previous_locales: English only either way, and ten times faster per call (it
    # skips dateparser's search over the English locales once one has matched)
    return DateDataParser(languages=["en"], try_previous_locales=True, settings={
        "RELATIVE_BASE": _dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "STRICT_PARSING": False,
    })
