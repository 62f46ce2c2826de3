"""Fuzzing: the robustness properties of every extractor, run for a time budget.

    python -m extractors.fuzz --minutes 10            # all properties, random seeds
    python -m extractors.fuzz --minutes 1 --only timex numbers
    python -m extractors.fuzz --no-model              # pure normalisers only

The properties are the ones ``tests/test_properties.py`` runs with a few dozen examples;
here hypothesis draws many more, round after round with fresh seeds, until the time is
up. Each property states what must hold for *any* input:

* the function never raises;
* every offset is valid: ``text == input[start:end]`` for each span it reports;
* every number is a finite float or None (no NaN, no infinity, no overflow), ranges have
  ``low <= high``, and the record serialises to strict JSON;
* types are right (TIMEX3 types, ISO dates that exist, strings where strings belong).

Inputs mix news-like words, numbers in every spelling (``£-3bn``, ``1e309``,
``99999999999999999999999``, ``10^999``), percentages, dates, and arbitrary Unicode:
every category except lone surrogates (which cannot be encoded; the readers replace them
with U+FFFD), control characters, right-to-left marks, emoji, combining marks.

A failure prints the property, the smallest failing input hypothesis found, the error,
and a one-line reproducer; the exit status is 1 if any property failed, else 0.
Needs hypothesis (``pip install "extractors[test]"``).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import random
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

try:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as _seed
    from hypothesis import strategies as st
except ImportError as _err:  # pragma: no cover - hypothesis is a test dependency
    from .errors import Errors

    raise ImportError(Errors.E061.format(feature="The fuzz command", extra="test")) from _err

from .records import DocumentRecord, ErrorRecord, InputRecord

# --------------------------------------------------------------------------- strategies

NEWS_WORDS = (
    "the", "a", "of", "and", "in", "to", "by", "from", "at", "on", "was", "were", "is", "said",
    "told", "warned", "according", "police", "Home", "Office", "National", "Crime", "Agency",
    "NCA", "ONS", "BBC", "Director", "General", "Chief", "Constable", "Secretary", "Minister",
    "Mr", "Ms", "Dr", "Sir", "Jane", "Smith", "Graeme", "Biggar", "council", "government",
    "rose", "fell", "up", "down", "increase", "cut", "about", "around", "almost", "nearly",
    "more", "than", "fewer", "less", "at least", "up to", "between", "million", "billion",
    "bn", "m", "k", "thousand", "hundreds", "dozens", "per", "cent", "percent", "%",
    "percentage", "points", "£", "$", "€", "US$", "pounds", "dollars", "euros", "pence",
    "people", "arrests", "homes", "offences", "last", "next", "this", "year", "years",
    "week", "month", "months", "quarter", "decade", "ago", "since", "until", "Monday",
    "Friday", "December", "March", "July", "summer", "Christmas", "Easter", "1990s",
    "fiscal", "early", "late", "mid", "every", "twice", "daily", "one", "two", "three",
    "twenty-five", "half", "a third", "two-thirds", "one in five", "eight in 10",
    "\"", "'", "“", "”", "‘", "’", "(", ")", ",", ".", ";", ":", "-", "–", "—", "...", "'s",
    "/", "&", "|", "#", "@", "*", "km", "mph", "kg", "°C", "tonnes", "hours", "days",
)

ABSURD_NUMBERS = (
    "1e309", "-1e309", "1e-400", "10^999", "10**308", "1×10^999", "1.99×10−30", "1e308",
    "1.7976931348623157e308", "99999999999999999999999", "9" * 120, "0." + "0" * 80 + "1",
    "£-3bn", "-£3bn", "£1e309bn", "$1e300trillion", "1,2,3,4", "1,,000", "1.2.3", "-0", "+-5",
    "1/0", "0/0", "NaN", "nan", "inf", "Infinity", "-inf", "1_000", "٣٤٥", "１２３", "²³", "½",
    "Ⅻ", "𝟗𝟗", "4.5m%", "50%%", "%50", "£", "bn", "1bn-2bn", "10-", "-10-", "2016/17",
    "1/16", "99/100000", "0.5 per cent", "minus-5", "−7", "a million billion trillion",
)

UNICODE_SPECIALS = (
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\t", "\r", "\r\n", "\x0b", "\x0c", "\u00a0",
    "\u2028", "\u2029", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b",
    "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\ufffd",
    "\u0301", "e\u0301", "\u0338", "\u20dd", "😀", "👩‍👩‍👧", "🇬🇧", "🏳️‍🌈", "\U000e0001",
    "\U0010ffff", "\uffff", "\ue000", "ﷺ", "שלום", "مرحبا", "中文", "ｆｕｌｌ", "ǅ", "ß",
    "İ", "ﬁ", "Ω", "µ", "℃", "№", "™", "…", "‰", "‱", "₹", "₩", "¥", "€",
)

#: any character that can be encoded (every category but Cs, the lone surrogates)
any_char = st.characters(blacklist_categories=("Cs",))
unicode_text = st.text(any_char, max_size=60)
separators = st.sampled_from((" ", " ", " ", "", "\n", "\n\n", "\t", "  ", "\u00a0", ", ", ". "))


def _number_strings() -> st.SearchStrategy[str]:
    ints = st.integers(min_value=-(10 ** 30), max_value=10 ** 30)
    floats = st.floats(allow_nan=True, allow_infinity=True)
    return st.one_of(
        ints.map(str),
        ints.map(lambda n: f"{n:,}"),
        floats.map(repr),
        floats.map(lambda f: f"{f:.3f}" if math.isfinite(f) else str(f)),
        st.sampled_from(ABSURD_NUMBERS),
        st.tuples(st.sampled_from(("", "", "£", "$", "€", "-", "~", "US$", "about ", "minus ")), ints.map(str),
                  st.sampled_from(("", "", "%", "bn", "m", "k", "p", " per cent", " million", " billion", "s", "th", "x10^9")))
        .map("".join),
    )


number_strings = _number_strings()


def _date_strings() -> st.SearchStrategy[str]:
    d = st.dates()
    return st.one_of(
        d.map(lambda x: x.isoformat()),
        d.map(lambda x: f"{x.day} {x.strftime('%B')} {x.year}"),
        d.map(lambda x: f"{x.strftime('%A')}, {x.day} {x.strftime('%B')} {x.year}, 17:54"),
        d.map(lambda x: f"{x.strftime('%B')} {x.day}, {x.year}"),
        d.map(lambda x: f"{x.day:02d}/{x.month:02d}/{x.year}"),
        st.tuples(st.integers(0, 99), st.sampled_from(("January", "Feb", "Sept.", "Smarch", "december")),
                  st.integers(-5, 100000)).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
        st.sampled_from((
            "last year", "next year", "this month", "in March", "the third quarter", "Q3 2023",
            "2016/17", "every month", "the past three years", "20 months", "the 1990s", "early 2020",
            "the end of the year", "Tuesday, 7th August 2018, 11:07 am", "yesterday", "tomorrow",
            "last Friday", "next week", "a decade ago", "since 2010", "until 31 February 2023",
            "between 2019 and 2021", "FY2024", "the summer of 2022", "Christmas", "Easter 9999",
            "the next 10,000 years", "99999999 years ago", "in 10^999 years", "1e309 days",
            "week 53", "the 53rd week of 2021", "Q5", "year 0", "0000-00-00", "9999-12-31",
            "the 31st", "25:61", "midnight", "noon", "24/7", "mid-2020s", "two-and-a-half years",
        )),
    )


date_strings = _date_strings()
news_words = st.sampled_from(NEWS_WORDS)

#: one "word" of the mixed text
chunks = st.one_of(
    news_words, news_words, news_words, number_strings, date_strings,
    st.sampled_from(UNICODE_SPECIALS), unicode_text,
    # short runs of one character: punctuation, digits, letters, whitespace
    st.tuples(st.sampled_from(("!", ".", "-", "9", "0", "%", "£", "=", "*", "a", "A", " ", "\n", "’", "😀")),
              st.integers(1, 40)).map(lambda t: t[0] * t[1]),
)


def _join(parts: Sequence[Tuple[str, str]]) -> str:
    return "".join(w + s for w, s in parts)


mixed_text = st.lists(st.tuples(chunks, separators), max_size=40).map(_join)


def _sentence(t: Tuple[str, str, str, str, str, str]) -> str:
    who, verb, num, unit, when, extra = t
    return f"{who} {verb} {num}{unit} {when}{extra}."


#: news-like sentences with officials, organisations, figures and dates in the usual slots
news_sentence = st.tuples(
    st.sampled_from(("Director General Graeme Biggar of the National Crime Agency (NCA) said",
                     "Home Secretary Jane Smith told the BBC that", "The Office for National Statistics (ONS) said",
                     "Chief Constable Ann Lee, of Kent Police, warned", "A spokesperson said", "Officials said")),
    st.sampled_from(("arrests rose by", "inflation fell to", "about", "between 5 and", "more than", "some",
                     "the cost was", "one in five people, or", "the force made")),
    number_strings,
    st.sampled_from(("", "%", " per cent", " people", "bn", "m", " homes", " arrests", " years")),
    date_strings,
    st.sampled_from(("", ", up from 10", " compared with last year", ", it said", " in \"the worst year\"")),
).map(_sentence)

news_text = st.lists(st.tuples(news_sentence, separators), min_size=1, max_size=6).map(_join)
#: what the pipeline properties run on
pipeline_text = st.one_of(mixed_text, news_text, unicode_text,
                          st.tuples(news_text, mixed_text, news_text).map(lambda t: "\n\n".join(t)))
published_values = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
anchors = st.one_of(st.none(), st.dates(), st.dates().map(lambda d: d.isoformat()))
tenses = st.sampled_from((None, "past", "present", "future"))
short_text = st.one_of(number_strings, date_strings, mixed_text, news_words, unicode_text)

# --------------------------------------------------------------------------- checks

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
CHANGE_LABELS = ("=", "~", ">", "<", "up", "down")
UNIT_KINDS = ("percent", "money", "duration", "quantity", "count")


def check_number(x: Any, what: str = "value") -> None:
    """``x`` is None or a finite float (bools and NaN are not numbers)."""
    if x is None:
        return
    assert isinstance(x, (int, float)) and not isinstance(x, bool), f"{what} is a {type(x).__name__}: {x!r}"
    assert math.isfinite(x), f"{what} is not finite: {x!r}"


def check_iso_date(s: Any, what: str) -> None:
    assert isinstance(s, str), f"{what} is not a string: {s!r}"
    _dt.date.fromisoformat(s)


def check_numbers(text: str) -> None:
    """normalize.numbers: every parser returns a finite float or None, never raises."""
    from .normalize import numbers as n

    for fn in (n.parse_digits, n.parse_number, n.parse_fraction_digits, n.fraction_percent):
        check_number(fn(text), f"{fn.__name__}({text!r})")
    check_number(n.words_value(text.split()), f"words_value({text!r})")
    tok = n.split_token(text)
    if tok is not None:
        check_number(tok.value, "split_token().value")
        assert tok.value is not None
        check_number(tok.value2, "split_token().value2")
    p = n.parse_phrase(text)
    if p is not None:
        for name in ("value", "low", "high", "first", "second"):
            check_number(getattr(p, name), f"parse_phrase({text!r}).{name}")
        if p.low is not None and p.high is not None:
            assert p.low <= p.high, f"parse_phrase({text!r}): low {p.low} > high {p.high}"
        assert p.bound in (None, ">", "<", "~")
        assert isinstance(p.rest, str) and isinstance(p.lead, str)
    words = text.lower().split()
    assert n.change_label(words[:4], words[4:8]) in CHANGE_LABELS
    vb = n.vague_bounds(words)
    if vb is not None:
        check_number(vb[0], "vague_bounds low")
        check_number(vb[1], "vague_bounds high")


def check_timex(text: str, anchor: Any, tense: Optional[str]) -> None:
    """normalize.timex.normalise: None or a well-typed Timex; dates it names exist."""
    from .normalize.timex import Timex, normalise

    r = normalise(text, anchor, tense=tense)
    if r is None:
        return
    assert isinstance(r, Timex)
    assert r.type in TIMEX_TYPES, f"type {r.type!r}"
    assert r.value is None or (isinstance(r.value, str) and r.value), f"value {r.value!r}"
    assert r.mod is None or isinstance(r.mod, str)
    assert isinstance(r.anchored, bool)
    if r.value and len(r.value) == 10 and r.value[4] == "-" and r.value[:4].isdigit() and r.value[5:7].isdigit() and r.value[8:].isdigit():
        check_iso_date(r.value, "value")
    for name in ("begin", "finish"):
        v = getattr(r, name)
        if v is not None:
            check_iso_date(v, name)
    if r.begin and r.finish:
        assert r.begin <= r.finish, f"begin {r.begin} after finish {r.finish}"
    if anchor is None:
        assert not r.anchored, "a value computed from an anchor that was not given"


def check_dateline(text: str) -> None:
    """normalize.dateline.find_dateline: None or (an existing ISO date, a valid span)."""
    from .normalize.dateline import find_dateline

    r = find_dateline(text)
    if r is None:
        return
    iso, start, end = r
    check_iso_date(iso, "dateline")
    assert 0 <= start < end <= len(text), f"span {start}:{end} of a {len(text)}-char text"


def check_units(text: str) -> None:
    """normalize.units: names are strings or None, kinds from the fixed set, never raises."""
    from .normalize import units as u

    for fn in (u.currency_code, u.normalize_unit, u.quantulum_unit):
        v = fn(text)
        assert v is None or isinstance(v, str), f"{fn.__name__}({text!r}) = {v!r}"
    assert u.unit_kind(u.normalize_unit(text)) in UNIT_KINDS
    assert u.unit_kind(text or None) in UNIT_KINDS
    assert isinstance(u.singular(text.lower()), str)
    assert isinstance(u.newsquant_unit(u.normalize_unit(text), text or None), str)


def _span(text: str, start: Any, end: Any, what: str, stext: Optional[str] = None, empty_ok: bool = False) -> None:
    assert isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool), f"{what}: offsets {start!r}:{end!r}"
    assert 0 <= start <= end <= len(text), f"{what}: span {start}:{end} outside a {len(text)}-char text"
    assert empty_ok or start < end, f"{what}: empty span at {start}"
    if stext is not None:
        assert text[start:end] == stext, f"{what}: text {stext!r} != input[{start}:{end}] {text[start:end]!r}"


def check_document(text: str, rec: Any) -> None:
    """A document record from the pipeline: offsets, numbers, types, strict JSON."""
    assert isinstance(rec, DocumentRecord), f"not a document record: {rec!r}"
    json.dumps(rec.to_dict(), allow_nan=False, ensure_ascii=False).encode("utf-8")
    assert rec.length == len(text)
    if rec.published is not None:
        check_iso_date(rec.published, "published")
    assert rec.published_source in ("metadata", "text", "none"), rec.published_source
    for kind in ("officials", "persons", "organisations"):
        ids = [x.id for x in getattr(rec, kind)]
        assert len(ids) == len(set(ids)), f"duplicate {kind} ids {ids}"
        for x in getattr(rec, kind):
            assert isinstance(x.name, str) and x.name.strip(), f"{kind}: empty name"
            for m in x.mentions:
                _span(text, m.start, m.end, f"{kind} mention", m.text)
            for r in getattr(x, "roles", []):
                if r.start is not None or r.end is not None:
                    _span(text, r.start, r.end, "role")
    for t in rec.dates:
        _span(text, t.start, t.end, "date", t.text)
        assert t.type in TIMEX_TYPES, f"date type {t.type!r}"
        assert t.value is None or (isinstance(t.value, str) and t.value), f"date value {t.value!r}"
        for name in ("begin", "finish"):
            if getattr(t, name) is not None:
                check_iso_date(getattr(t, name), f"date {name}")
    for c in rec.claims:
        _span(text, c.start, c.end, "claim", c.text)
        for name in ("value", "low", "high", "written_first"):
            check_number(getattr(c, name), f"claim {c.text!r} {name}")
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, f"claim {c.text!r}: low {c.low} > high {c.high}"
        assert isinstance(c.approximate, bool)
        assert c.unit is None or isinstance(c.unit, str)
        if c.sentence is not None and c.sentence_start is not None:
            _span(text, c.sentence_start, c.sentence_start + len(c.sentence), "claim sentence", c.sentence)
    for q in rec.quotes:
        _span(text, q.start, q.end, "quote", q.text, empty_ok=True)


def run_text(nlp: Any, text: str, published: Optional[str] = None) -> DocumentRecord:
    """The full pipeline on one text, exceptions propagating (no error-record isolation)."""
    from . import pipeline as _pipeline

    rec = InputRecord(id="fuzz", text=text, published=published)
    [doc] = list(_pipeline.pipe_records(nlp, [rec], batch_size=1))
    return _pipeline.doc_to_record(doc, rec)


def check_pipeline(nlp: Any, text: str, published: Optional[str]) -> None:
    """Every component through the full pipeline: never raises, valid record."""
    check_document(text, run_text(nlp, text, published))


def check_pieces(nlp: Any, text: str, piece_chars: int) -> None:
    """A text processed in pieces (as a long article is) and merged: offsets still index
    the whole text, nothing fails."""
    from . import api

    saved = api.MAX_PIECE_CHARS
    api.MAX_PIECE_CHARS = piece_chars
    try:
        [out] = api.process_batch(nlp, [InputRecord(id="fuzz", text=text)], batch_size=4)
    finally:
        api.MAX_PIECE_CHARS = saved
    assert not isinstance(out, ErrorRecord), out.reason if isinstance(out, ErrorRecord) else ""
    check_document(text, out)


# --------------------------------------------------------------------------- properties


@dataclass(frozen=True)
class Property:
    name: str
    check: Callable[..., None]
    strategies: Tuple[st.SearchStrategy, ...]
    model: bool = False
    #: examples per round in the fuzz command (a round of a model property is slower)
    round_examples: int = 500


PROPERTIES: Dict[str, Property] = {p.name: p for p in (
    Property("numbers", check_numbers, (st.one_of(number_strings, short_text),)),
    Property("timex", check_timex, (st.one_of(date_strings, short_text), anchors, tenses), round_examples=300),
    Property("dateline", check_dateline, (st.one_of(
        st.tuples(st.sampled_from(("", "By Jane Smith, ", "Published: ", "Updated: ", "LONDON, ", "13:05 | ")), date_strings,
                  separators, mixed_text).map("".join),
        mixed_text),)),
    Property("units", check_units, (st.one_of(news_words, short_text, st.sampled_from(UNICODE_SPECIALS)),), round_examples=300),
    Property("pipeline", check_pipeline, (pipeline_text, published_values), model=True, round_examples=60),
    Property("pieces", check_pieces, (st.one_of(news_text, st.tuples(news_text, mixed_text).map("\n".join)),
                                      st.integers(min_value=30, max_value=200)), model=True, round_examples=30),
)}


def reproduce(name: str, *args: Any) -> None:
    """Run one property on one input (what a failure report tells you to paste)."""
    prop = PROPERTIES[name]
    if prop.model:
        from .pipeline import load

        prop.check(load(), *args)
    else:
        prop.check(*args)
    print(f"{name}: passed on {args!r}")


@dataclass
class Outcome:
    name: str
    examples: int
    seconds: float
    failure: Optional[Tuple[Tuple[Any, ...], str]] = None  # (args, traceback)
    signature: Optional[str] = None  # where it failed: "file:line ErrorType"


def signature(err: BaseException) -> str:
    """Where an error comes from: the innermost frame in the package outside this module
    (a check's assertion names its message instead), so one bug is reported once."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if "extractors" in f.filename]
    inner = [f for f in frames if not f.filename.endswith("fuzz.py")]
    if inner:
        f = inner[-1]
        return f"{Path(f.filename).name}:{f.lineno} {type(err).__name__}"
    msg = str(err).split(":")[0][:60]
    return f"{type(err).__name__}: {msg}"


def run_property(prop: Property, *, max_examples: int, seed: Optional[int] = None, nlp: Any = None,
                 shrink: bool = True) -> Outcome:
    """One hypothesis run of ``prop``; the failing input (shrunk) is captured, not raised."""
    count = [0]
    failing: List[Tuple[Tuple[Any, ...], BaseException]] = []

    def body(args: Tuple[Any, ...]) -> None:
        count[0] += 1
        try:
            if prop.model:
                prop.check(nlp, *args)
            else:
                prop.check(*args)
        except BaseException as err:
            failing.append((args, err))
            raise

    phases = (Phase.generate, Phase.shrink) if shrink else (Phase.generate,)
    test = given(st.tuples(*prop.strategies))(body)
    test = settings(max_examples=max_examples, deadline=None, database=None, print_blob=False,
                    report_multiple_bugs=False, phases=phases, suppress_health_check=list(HealthCheck))(test)
    if seed is not None:
        test = _seed(seed)(test)
    start = time.monotonic()
    try:
        test()
    except Exception as err:  # noqa: BLE001 - reported with its input below
        if not failing:
            failing.append(((), err))
    out = Outcome(prop.name, count[0], time.monotonic() - start)
    if failing:
        args, err = failing[-1]  # hypothesis replays the shrunk example last
        out.failure = (args, "".join(traceback.format_exception(type(err), err, err.__traceback__)))
        out.signature = signature(err)
    return out


def reproducer(name: str, args: Tuple[Any, ...]) -> str:
    call = ", ".join([repr(name)] + [repr(a) for a in args])
    return f'python -c "import datetime; from extractors.fuzz import reproduce; reproduce({call})"'


def fuzz(minutes: float, *, only: Optional[Sequence[str]] = None, model: bool = True, seed: Optional[int] = None,
         stream: Any = None) -> Dict[str, Any]:
    """Run the properties round-robin until ``minutes`` have passed; returns the totals.

    Each round gives every property ``round_examples`` fresh examples (a new seed per
    round). A failure is printed in full the first time its signature (where it was
    raised) is seen; the property keeps running (without shrinking) to find others."""
    stream = stream or sys.stdout
    names = list(only) if only else list(PROPERTIES)
    unknown = [n for n in names if n not in PROPERTIES]
    if unknown:
        raise ValueError(f"unknown properties {unknown}; choose from {sorted(PROPERTIES)}")
    props = [PROPERTIES[n] for n in names if model or not PROPERTIES[n].model]
    nlp = None
    if any(p.model for p in props):
        from .pipeline import load

        nlp = load()
    rng = random.Random(seed)
    totals: Dict[str, Dict[str, Any]] = {p.name: {"examples": 0, "seconds": 0.0, "rounds": 0, "failures": {}} for p in props}
    deadline = time.monotonic() + minutes * 60
    started = _dt.datetime.now().isoformat(timespec="seconds")
    print(f"fuzz: {started}; properties {[p.name for p in props]}; {minutes:g} minutes", file=stream, flush=True)
    rnd = 0
    while time.monotonic() < deadline:
        rnd += 1
        for p in props:
            if time.monotonic() >= deadline:
                break
            s = rng.randrange(2 ** 32)
            t = totals[p.name]
            out = run_property(p, max_examples=p.round_examples, seed=s, nlp=nlp, shrink=not t["failures"])
            t["examples"] += out.examples
            t["seconds"] += out.seconds
            t["rounds"] += 1
            new = out.signature is not None and out.signature not in t["failures"]
            status = "ok" if out.failure is None else ("FAILED (new)" if new else f"failed again ({out.signature})")
            print(f"round {rnd} {p.name}: {out.examples} examples in {out.seconds:.1f}s (seed {s}) {status}", file=stream, flush=True)
            if out.failure is not None:
                args, tb = out.failure
                if new:
                    t["failures"][out.signature] = {"seed": s, "count": 0, "args": repr(args),
                                                    "reproducer": reproducer(p.name, args) if args else None}
                    print(f"\nFAILURE in {p.name} (seed {s}): {out.signature}\ninput: {args!r}\n{tb}\nreproduce with:\n  "
                          f"{reproducer(p.name, args)}\n", file=stream, flush=True)
                t["failures"][out.signature]["count"] += 1
    failed = [n for n, t in totals.items() if t["failures"]]
    print("\nfuzz summary (" + started + f", {rnd} rounds):", file=stream)
    for n, t in totals.items():
        print(f"  {n:9s} {t['examples']:7d} examples {t['seconds']:7.1f}s  "
              + ("; ".join(f"FAILED {k} x{v['count']}" for k, v in t["failures"].items()) or "ok"), file=stream)
    print(f"  total     {sum(t['examples'] for t in totals.values()):7d} examples; "
          f"{len(failed)} properties failed" + (f": {failed}" if failed else ""), file=stream, flush=True)
    return {"started": started, "minutes": minutes, "rounds": rnd, "properties": totals, "failed": failed}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractors.fuzz", description=__doc__.split("\n\n")[0],
                                     epilog="Exit status: 0 no property failed, 1 a property failed, 2 usage error.")
    parser.add_argument("--minutes", type=float, default=10.0, help="time budget (default 10)")
    parser.add_argument("--only", nargs="+", metavar="NAME", default=None, help=f"run only these properties: {', '.join(PROPERTIES)}")
    parser.add_argument("--no-model", action="store_true", help="skip the properties that need the trained pipeline")
    parser.add_argument("--seed", type=int, default=None, help="seed of the per-round seeds (default: random)")
    parser.add_argument("--json", default=None, metavar="PATH", help="also write the totals as JSON")
    args = parser.parse_args(argv)
    try:
        res = fuzz(args.minutes, only=args.only, model=not args.no_model, seed=args.seed)
    except ValueError as err:
        print(f"fuzz: {err}", file=sys.stderr)
        return 2
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=2)
    return 1 if res["failed"] else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
