"""The dates component on the trained model: extents, types and values, anchored on the
publication date (metadata or the article's own dateline)."""

from __future__ import annotations

import pytest

from extractors import extensions
from extractors.records import InputRecord, TimeExpression

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp_dates():
    from extractors.pipeline import load

    return load(components=("dateline", "dates"))


def run(nlp, text, published=None):
    from extractors.pipeline import make_doc

    doc = make_doc(nlp, InputRecord(id="t", text=text, published=published))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def dates(doc):
    return [(d["text"], d["type"], d["value"]) for d in extensions.get_data(doc, "dates")]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Official figures show that last year 2,528 individuals were sentenced.", "2018-08-07", ("last year", "DATE", "2017")),
        ("He told MPs in March that the law would change.", "2018-08-07", ("March", "DATE", "2018-03")),
        ("Some 2,087 people were convicted in 2022.", "2023-12-13", ("2022", "DATE", "2022")),
        ("The site receives new images every month.", "2023-12-13", ("every month", "SET", "P1M")),
        ("There were 400 arrests in 2016/17, the ministry said.", "2018-08-07", ("2016/17", "DATE", "FY2016")),
        ("She was given a suspended sentence of 20 months.", None, ("20 months", "DURATION", "P20M")),
        ("The agency is currently in discussions.", None, ("currently", "DATE", "PRESENT_REF")),
        ("The minister spoke on Tuesday about the plans.", "2018-08-09", ("Tuesday", "DATE", "2018-08-07")),
        ("The minister will speak on Tuesday about the plans.", "2018-08-09", ("Tuesday", "DATE", "2018-08-14")),
        ("Crime fell over the past three years, police said.", "2018-08-07", ("the past three years", "DURATION", "P3Y")),
        ("The offenders face up to 10 years in prison.", None, ("up to 10 years", "DURATION", "P10Y")),
        ("The talks collapsed in July.", None, ("July", "DATE", "XXXX-07")),
        ("Profit rose 5% in the third quarter.", "1989-10-27", ("the third quarter", "DATE", "1989-Q3")),
        ("Crime rose during the 1990s.", None, ("the 1990s", "DATE", "199")),
    ],
)
def test_dates_component(nlp_dates, text, published, expected):
    got = dates(run(nlp_dates, text, published))
    assert expected in got, got


def test_offsets_and_records(nlp_dates):
    text = "About the time of the raid last year, police said, 80 people were held every day."
    doc = run(nlp_dates, text, "2018-08-07")
    recs = extensions.get_records(doc, "dates")
    assert recs and all(isinstance(r, TimeExpression) for r in recs)
    for r in recs:
        assert text[r.start:r.end] == r.text
        assert not r.text.lower().startswith(("about", "the time"))
    assert [s.label_ for s in doc.spans["dates"]] == [r.type for r in recs]
    anchored = {r.text: r.anchored for r in recs}
    assert anchored.get("last year") is True and anchored.get("every day") is False


def test_rate_is_a_set(nlp_dates):
    got = dates(run(nlp_dates, "The agency receives 800 reports a month.", None))
    assert ("a month", "SET", "P1M") in got


def test_age_is_not_a_time_expression(nlp_dates):
    got = dates(run(nlp_dates, "A 52-year-old man and a ten-year-old boy were hurt.", None))
    assert got == []


def test_no_anchor_leaves_relative_unresolved(nlp_dates):
    doc = run(nlp_dates, "No header here.\nThe law changed last year and again in July.")
    assert doc._.published is None
    got = dates(doc)
    assert ("last year", "DATE", "XXXX") in got and ("July", "DATE", "XXXX-07") in got


def test_context_year_earlier(nlp_dates):
    text = "Profit rose in the third quarter. A year earlier, the company lost money."
    got = dates(run(nlp_dates, text, "1989-10-27"))
    assert ("A year earlier", "DATE", "1988-Q3") in got


def test_fiscal_year_start_config():
    from extractors.pipeline import load

    nlp = load(components=("dates",), config={"dates": {"fiscal_year_start": 7, "span_key": "timex"}})
    doc = run(nlp, "Spending rose in 2016/17.", "2018-08-07")
    rec = [r for r in extensions.get_records(doc, "dates") if r.text == "2016/17"][0]
    assert (rec.begin, rec.finish) == ("2016-07-01", "2017-06-30")
    assert "timex" in doc.spans


# --------------------------------------------------------------------------- seeds

SEED_GOLD = {
    # seed: (published inferred from the dateline, expected (text, type, value) ...)
    "000_2c6540ea96e3f154": ("2023-12-13", [("2022", "DATE", "2022"), ("every month", "SET", "P1M"),
                                            ("13 December 2023, 17:54", "TIME", "2023-12-13T17:54"),
                                            ("now", "DATE", "PRESENT_REF")]),
    "002_224bc2a0da9a5c12": ("2018-08-07", [("last year", "DATE", "2017"), ("Last year", "DATE", "2017"),
                                            ("March", "DATE", "2018-03"), ("2016/17", "DATE", "FY2016"),
                                            ("every day", "SET", "P1D"), ("2017", "DATE", "2017"),
                                            ("earlier this year", "DATE", "2018"),
                                            ("Tuesday, 7th August 2018, 11:07 am", "TIME", "2018-08-07T11:07")]),
    "001_b803fd18010042b4": (None, [("20 months", "DURATION", "P20M"), ("currently", "DATE", "PRESENT_REF")]),
    "004_35d2a727a001a6df": (None, [("2010", "DATE", "2010"), ("2003", "DATE", "2003")]),
    "003_0cc09721841d4aae": (None, [("last week", "DATE", "XXXX-WXX"), ("July", "DATE", "XXXX-07")]),
}


@pytest.mark.parametrize("seed", sorted(SEED_GOLD))
def test_seed_dates(nlp_dates, seed_texts, seed):
    published, expected = SEED_GOLD[seed]
    doc = run(nlp_dates, seed_texts[seed])
    assert doc._.published == published
    assert doc._.published_source == ("text" if published else "none")
    got = dates(doc)
    for item in expected:
        assert item in got, (item, got)
    text = seed_texts[seed]
    for d in extensions.get_data(doc, "dates"):
        assert text[d["start"]:d["end"]] == d["text"]
