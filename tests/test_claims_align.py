"""Claim alignment within an event: agreed, variant, conflict, single-source."""

from __future__ import annotations

import pytest

from extractors.records import Claim, DocumentRecord
from extractors.reconcile.claims import align, normalise, proportion_of, relation, unit_key


def claim(cid, text, value=None, low=None, high=None, unit=None, *, approx=False, sentence=None, time=None, start=0):
    return Claim(id=cid, text=text, start=start, end=start + len(text), value=value, low=low, high=high, unit=unit, approximate=approx, sentence=sentence or text, time=time)


def doc(doc_id, *claims, source=None):
    return DocumentRecord(id=doc_id, source=source, claims=list(claims))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("eight in 10", 80.0),
        ("four in five", 80.0),
        ("four out of five", 80.0),
        ("one in every five", 20.0),
        ("a quarter", 25.0),
        ("three quarters", 75.0),
        ("half", 50.0),
        ("80%", None),
        ("2,087 people", None),
    ],
)
def test_proportion_of(text, expected):
    assert proportion_of(text) == expected


@pytest.mark.parametrize("unit,key", [("adults", "adult"), ("people", "people"), ("child sex offences", "offence"), (None, ""), ("cities", "city")])
def test_unit_key(unit, key):
    assert unit_key(unit) == key


def test_eighty_percent_three_wordings_agreed():
    ctx = "of those convicted of possessing indecent images avoid jail"
    a = doc("a", claim("C1", "eight in 10", 8, unit="in 10", sentence=f"eight in 10 {ctx}"), claim("C2", "80%", 80, unit="percent", sentence=f"80% {ctx}", start=50))
    b = doc("b", claim("C1", "80%", 80, unit="percent", sentence=f"80% {ctx}"))
    c = doc("c", claim("C1", "four in five", None, unit=None, sentence=f"four in five {ctx}"))
    claims = align([a, b, c])
    assert len(claims) == 1
    ec = claims[0]
    assert ec.status == "agreed"
    assert ec.value == 80.0 and ec.unit == "percent"
    assert ec.doc_ids == ["a", "b", "c"]
    assert [(r.doc_id, r.claim_id) for r in ec.reports] == [("a", "C1"), ("a", "C2"), ("b", "C1"), ("c", "C1")]
    assert not ec.variant and not ec.conflict


def test_point_is_upper_bound_of_range_variant():
    a = doc("a", claim("C1", "between 680,000-830,000 adults", None, 680000, 830000, "adults", sentence="The NCA estimates there are between 680,000-830,000 adults in the UK that pose a risk to children"), source="LBC")
    b = doc("b", claim("C1", "approximately 830,000 adults", 830000, unit="adults", approx=True, sentence="The NCA estimates that approximately 830,000 adults in the UK pose a threat to children"), source="Other")
    [ec] = align([a, b])
    assert ec.status == "variant" and ec.variant
    assert ec.low == 680000 and ec.high == 830000 and ec.value == 830000
    assert "upper bound" in ec.reason
    assert {r.source for r in ec.reports} == {"LBC", "Other"}


def test_percent_range_variant():
    a = doc("a", claim("C1", "1.3%-1.6%", None, 1.3, 1.6, "percent", sentence="equivalent to 1.3%-1.6% of the UK adult population"))
    b = doc("b", claim("C1", "1.6%", 1.6, unit="percent", sentence="or 1.6% of the population"))
    [ec] = align([a, b])
    assert ec.status == "variant"
    assert ec.doc_ids == ["a", "b"]


def test_rounded_figure_is_variant():
    a = doc("a", claim("C1", "2,087 people", 2087, unit="people", sentence="2,087 people were convicted of possessing indecent images in 2022", time="2022"))
    b = doc("b", claim("C1", "about 2,100 people", 2100, unit="people", approx=True, sentence="about 2,100 people were convicted of possessing indecent images last year", time="2022"))
    [ec] = align([a, b])
    assert ec.status == "variant"
    assert "rounded" in ec.reason


def test_same_counted_thing_different_values_conflict():
    a = doc("a", claim("C1", "2,087 people", 2087, unit="people", sentence="Figures show 2,087 people were convicted of possessing indecent images of children in 2022", time="2022"))
    b = doc("b", claim("C1", "2,078 people", 2078, unit="people", sentence="Figures show 2,078 people were convicted of possessing indecent images of children in 2022", time="2022"))
    [ec] = align([a, b])
    assert ec.status == "conflict" and ec.conflict
    assert ec.value is None and ec.low == 2078 and ec.high == 2087
    assert "2,087" in ec.reason and "2,078" in ec.reason
    assert ec.doc_ids == ["a", "b"]


def test_different_years_are_different_quantities():
    a = doc("a", claim("C1", "2,087 people", 2087, unit="people", sentence="2,087 people were convicted of possessing indecent images in 2022", time="2022"))
    b = doc("b", claim("C1", "2,528 people", 2528, unit="people", sentence="2,528 people were convicted of possessing indecent images in 2017", time="2017"))
    claims = align([a, b])
    assert [c.status for c in claims] == ["single-source", "single-source"]


def test_one_document_never_conflicts_with_itself():
    a = doc(
        "a",
        claim("C1", "1,246 offenders", 1246, unit="offenders", sentence="In 2010, 1,246 offenders were found guilty of taking indecent images"),
        claim("C2", "1,048 offenders", 1048, unit="offenders", sentence="compared with the previous high of 1,048 offenders found guilty of taking indecent images", start=100),
    )
    claims = align([a])
    assert [c.status for c in claims] == ["single-source", "single-source"]


def test_complementary_percentages_stay_apart():
    a = doc("a", claim("C1", "80%", 80, unit="percent", sentence="80% of those convicted avoid a custodial sentence"))
    b = doc("b", claim("C1", "29%", 29, unit="percent", sentence="29% of those convicted received a custodial sentence"))
    claims = align([a, b])
    assert sorted(c.status for c in claims) == ["single-source", "single-source"]


def test_relation_reasons():
    qa = normalise(claim("C1", "1.3%-1.6%", None, 1.3, 1.6, "percent"), "a")
    qb = normalise(claim("C1", "1.45%", 1.45, unit="percent"), "b")
    rel, why = relation(qa, qb)
    assert rel == "variant" and "inside" in why
    qc = normalise(claim("C1", "2%", 2.0, unit="percent"), "c")
    assert relation(qa, qc) == (None, "")


def test_claims_without_numbers_are_ignored():
    a = doc("a", claim("C1", "many people", None, unit="people"))
    assert align([a]) == []
