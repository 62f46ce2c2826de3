"""Property-based tests (hypothesis) on every extractor: never raises, offsets valid,
numbers finite or None, types right.

The strategies and checks live in :mod:`extractors.fuzz`, which runs the same
properties for a time budget (``python -m extractors.fuzz --minutes 10``). Here each
property gets a small, derandomised run so the suite stays fast and deterministic;
inputs that once failed are pinned with ``@example``.
"""

import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors import fuzz
from extractors.records import Claim, DocumentRecord, Mention, Organisation, TimeExpression

PURE = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
MODEL = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


# --------------------------------------------------------------------------- pure normalisers


@PURE
@given(st.one_of(fuzz.number_strings, fuzz.short_text))
@example("1e309")
@example("10^999")
@example("99999999999999999999999")
@example("£-3bn")
@example("9" * 400)
@example("NaN")
@example("-inf")
@example("1×10^999")
@example("٣٤٥")
def test_numbers_parse_finite_or_none(text):
    fuzz.check_numbers(text)


@PURE
@given(st.one_of(fuzz.date_strings, fuzz.short_text), fuzz.anchors, fuzz.tenses)
@example("99999999 years ago", datetime.date(2000, 1, 1), None)  # once raised ValueError (year out of range)
@example("next year", datetime.date(9999, 12, 31), "future")
@example("last year", datetime.date(1, 1, 1), "past")
@example("in 10^999 years", "2023-12-13", None)
@example("the 53rd week of 2021", None, None)
def test_timex_normalise_with_and_without_anchor(text, anchor, tense):
    fuzz.check_timex(text, anchor, tense)


@PURE
@given(st.one_of(
    st.tuples(st.sampled_from(("", "By Jane Smith, ", "Updated: ", "LONDON, ")), fuzz.date_strings, fuzz.separators,
              fuzz.mixed_text).map("".join),
    fuzz.mixed_text))
@example("31 February 2023, 17:54\nText.")
@example("0 Smarch 99999\n")
@example("\u202e13 December 2023\u202c\nBody")
def test_find_dateline_valid_date_and_span(text):
    fuzz.check_dateline(text)


@PURE
@given(st.one_of(fuzz.news_words, fuzz.short_text, st.sampled_from(fuzz.UNICODE_SPECIALS)))
@example("km/h/h/h/h")
@example("per per per")
@example("")
def test_units_names_and_kinds(text):
    fuzz.check_units(text)


# --------------------------------------------------------------------------- full pipeline


@pytest.mark.model
@MODEL
@given(fuzz.pipeline_text, fuzz.published_values)
@example("It cost £-3bn, or 1e309 or 10^999 or 99999999999999999999999 people, in 99999999 years ago.", "2023-12-13")
@example("\u202eDirector General Graeme Biggar said 80% \u0301\u200d😀 avoid jail.\x00", None)
@example("", None)
@example("\n\n\n", "9999-12-31")
def test_pipeline_record_is_valid(nlp, text, published):
    fuzz.check_pipeline(nlp, text, published)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # found by python -m extractors.fuzz: int() on str.isdigit() tokens such as "²" raised
    "Arrests rose by ²³ January 1, 2000.",
    "On ² March the ONS said.",
    "It was ²³⁴⁵ in total.",
    "In ²⁰²³ the NCA said ³ in ⁴ cases rose ²%.",
    "There were ²³ people, ¹ in ² cases, ①② arrests, ٣٤ arrests in ٢٠٢٣.",
])
def test_pipeline_on_unicode_digits(nlp, text):
    fuzz.check_pipeline(nlp, text, None)


@pytest.mark.model
@settings(MODEL, max_examples=25)
@given(st.one_of(fuzz.news_text, st.tuples(fuzz.news_text, fuzz.mixed_text).map("\n".join)),
       st.integers(min_value=30, max_value=200))
def test_text_in_pieces_keeps_offsets(nlp, text, piece_chars):
    fuzz.check_pieces(nlp, text, piece_chars)


# --------------------------------------------------------------------------- the checks can fail


TEXT = "Inflation fell to 4.6% in October."


def _good():
    return DocumentRecord(id="x", length=len(TEXT),
                          claims=[Claim(id="C1", text="4.6%", start=18, end=22, value=4.6, unit="percent")],
                          dates=[TimeExpression(text="October", start=26, end=33, type="DATE", value="XXXX-10")],
                          organisations=[Organisation(id="O1", name="X", mentions=[Mention(0, 9, "Inflation")])])


def test_check_document_accepts_a_valid_record():
    fuzz.check_document(TEXT, _good())


@pytest.mark.parametrize("spoil", [
    lambda r: setattr(r.claims[0], "start", 17),  # offset no longer matches the text
    lambda r: setattr(r.claims[0], "value", float("nan")),
    lambda r: setattr(r.claims[0], "high", float("inf")),
    lambda r: (setattr(r.claims[0], "low", 5.0), setattr(r.claims[0], "high", 4.0)),
    lambda r: setattr(r.dates[0], "type", "MONTH"),
    lambda r: setattr(r.dates[0], "end", 99),
    lambda r: setattr(r, "published", "2023-02-30"),
    lambda r: setattr(r.organisations[0].mentions[0], "text", "inflation"),
    lambda r: setattr(r, "length", 3),
])
def test_check_document_rejects_a_spoiled_record(spoil):
    rec = _good()
    spoil(rec)
    with pytest.raises((AssertionError, ValueError)):
        fuzz.check_document(TEXT, rec)


def test_fuzz_runner_reports_a_failure_with_its_input():
    prop = fuzz.Property("always-fails", lambda s: (_ for _ in ()).throw(AssertionError("boom")), (st.just("x"),))
    out = fuzz.run_property(prop, max_examples=5, seed=0)
    assert out.failure is not None and out.failure[0] == ("x",) and "boom" in out.failure[1]
    assert "reproduce('numbers', 'x')" in fuzz.reproducer("numbers", ("x",))


def test_fuzz_command_runs_briefly(capsys):
    assert fuzz.main(["--minutes", "0.02", "--only", "numbers", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "numbers" in out and "0 properties failed" in out
