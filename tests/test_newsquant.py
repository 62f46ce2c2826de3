"""The NewsQuant scorer, replicated from the authors' evaluation script, on hand-made items."""

from __future__ import annotations

import json

import pytest

from extractors.evaluate import newsquant as NQ


def q(value, unit, change="="):
    return {"value": value, "normalized_unit": unit, "change": change}


def test_exact_match():
    items = [{"text": "x", "quantities": [q("6.0", "dollar"), q("40.0", "yard")]}]
    s = NQ.score_items(items, [[q(6.0, "dollar"), q(40.0, "yard")]])
    assert s["value"]["f1"] == 100.0 and s["value+unit"]["f1"] == 100.0


def test_unit_mismatch_and_extra_prediction():
    items = [{"text": "x", "quantities": [q("6.0", "dollar")]}]
    s = NQ.score_items(items, [[q(6.0, "euro"), q(7.0, "-")]])
    assert s["value"]["tp"] == 1 and s["value"]["pred"] == 2
    assert s["value+unit"]["tp"] == 0
    assert s["value"]["p"] == 50.0 and s["value"]["r"] == 100.0


def test_ranges_match_only_ranges_in_order():
    items = [{"text": "x", "quantities": [q("680000-830000", "-")]}]
    assert NQ.score_items(items, [[q((680000.0, 830000.0), "-")]])["value"]["tp"] == 1
    assert NQ.score_items(items, [[q(755000.0, "-")]])["value"]["tp"] == 0
    assert NQ.score_items(items, [[q((830000.0, 680000.0), "-")]])["value"]["tp"] == 0


def test_tolerance_and_negative_and_exponent():
    assert NQ.values_match(1.0, 1.000001)
    assert not NQ.values_match(1.0, 1.001)
    assert NQ.decode_value("-5.0") == -5.0
    assert NQ.decode_value("1.99E-29") == pytest.approx(1.99e-29)
    assert NQ.decode_value("3.0 - 4.0") == (3.0, 4.0)


def test_value_hits_capped_per_sentence_like_the_authors():
    # two predictions with the gold value but the wrong unit: the authors' loop counts a value
    # hit for each, capped at the number of gold quantities of the sentence
    items = [{"text": "x", "quantities": [q("5", "mile"), q("9", "mile")]}]
    s = NQ.score_items(items, [[q(5.0, "-"), q(5.0, "km")]])
    assert s["value"]["tp"] == 2 and s["value+unit"]["tp"] == 0


def test_change_counter():
    items = [{"text": "x", "quantities": [q("8", "percentage", "up")]}]
    s = NQ.score_items(items, [[q(8.0, "percentage", "up")]])
    assert s["value+change"]["tp"] == 1


def test_claim_mapping():
    c = {"text": "two-thirds", "value": 200 / 3, "low": None, "high": None, "unit": "percent",
         "surface_unit": "voters", "change": "~"}
    p = NQ.claim_to_newsquant(c)
    assert p["value"] == pytest.approx(0.6667, rel=1e-3) and p["normalized_unit"] == "% voter"
    c = {"text": "dozens", "value": None, "low": 24.0, "high": 120.0, "unit": "people", "surface_unit": "people"}
    assert NQ.claim_to_newsquant(c)["value"] == (12.0, 120.0)
    c = {"text": "£5", "value": 5.0, "low": None, "high": None, "unit": "GBP"}
    assert NQ.claim_to_newsquant(c)["normalized_unit"] == "pound sterling"
    c = {"text": "from 208 to 193", "value": None, "low": 193.0, "high": 208.0, "unit": None, "written_first": 208.0}
    assert NQ.claim_to_newsquant(c)["value"] == (208.0, 193.0)


def test_merge_from_to():
    text = "dropping from 208 pounds to 193 by exercising"
    a = {"text": "208 pounds", "start": 14, "end": 24, "value": 208.0, "low": None, "high": None, "unit": "pound-mass"}
    b = {"text": "193", "start": 28, "end": 31, "value": 193.0, "low": None, "high": None, "unit": None}
    merged = NQ.merge_from_to([a, b], text)
    assert len(merged) == 1 and merged[0]["written_first"] == 208.0


def test_merge_from_to_change_pair():
    # "raised Bank Rate from 5% to 5.25%": two claims in our records, one range in NewsQuant's
    text = "raised Bank Rate from 5% to 5.25% on Thursday"
    a = {"text": "5%", "start": 22, "end": 24, "value": 5.0, "low": None, "high": None, "unit": "percent", "change": "="}
    b = {"text": "5.25%", "start": 28, "end": 33, "value": 5.25, "low": None, "high": None, "unit": "percent", "change": "up"}
    merged = NQ.merge_from_to([a, b], text)
    assert len(merged) == 1 and (merged[0]["low"], merged[0]["high"]) == (5.0, 5.25)
    assert NQ.claim_to_newsquant(merged[0])["value"] == (5.0, 5.25)


def test_time_quantities_from_time_expressions():
    dates = [{"text": "every 33 years", "start": 20, "end": 34, "type": "SET", "value": "P33Y", "mod": None},
             {"text": "more than three months", "start": 40, "end": 62, "type": "DURATION", "value": "P3M", "mod": "MORE_THAN"},
             {"text": "a five-year", "start": 70, "end": 81, "type": "DURATION", "value": "P5Y", "mod": None},
             {"text": "two months later", "start": 90, "end": 106, "type": "DATE", "value": "XXXX", "mod": None},
             {"text": "up to 10 years", "start": 110, "end": 124, "type": "DURATION", "value": "P10Y", "mod": "EQUAL_OR_LESS"}]
    claims = [{"start": 110, "end": 124}]  # the prison term is a claim already
    found = NQ.time_quantities(dates, claims)
    assert [(q["value"], q["unit"], q["change"]) for q in found] == [(33.0, "year", "="), (3.0, "month", ">")]
    assert NQ.claim_to_newsquant(found[0])["normalized_unit"] == "year"


def test_count_without_written_noun_has_no_newsquant_unit():
    c = {"text": "609", "value": 609.0, "low": None, "high": None, "unit": "people", "surface_unit": None}
    assert NQ.claim_to_newsquant(c)["normalized_unit"] == "-"
    c = {"text": "2,087", "value": 2087.0, "low": None, "high": None, "unit": "people", "surface_unit": "people"}
    assert NQ.claim_to_newsquant(c)["normalized_unit"] == "people"


def test_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError):
        NQ.load_items(tmp_path / "nope.json")


@pytest.mark.model
def test_score_file_end_to_end(tmp_path):
    items = [{"text": "Shares rose 8% to $84.", "quantities": [q("8", "percentage", "up"), q("84", "dollar")]},
             {"text": "The debut was in 2011.", "quantities": []}]
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(items))
    result = NQ.score_newsquant(path)
    assert result["scores"]["value+unit"]["f1"] == 100.0
    assert result["items"] == 2


@pytest.mark.model
def test_smoke_on_newsquant_dev(shared_dir):
    path = shared_dir / "corpora" / "newsquant-dev" / "NewsQuant-dev.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    items = json.loads(path.read_text())[:40]
    preds = NQ.predict([it["text"] for it in items])
    s = NQ.score_items(items, preds)
    assert s["value"]["f1"] >= 80.0  # a smoke floor on 40 sentences; the full run is in docs/claims.md
