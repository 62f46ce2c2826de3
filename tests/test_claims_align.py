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


# --------------------------------------------------------------------------- alignment rules

from extractors.reconcile.claims import time_months  # noqa: E402


def sclaim(cid, text, sentence, value=None, low=None, high=None, unit=None, *, approx=False, change="=", time=None, time_text=None):
    """A claim placed inside its sentence (offsets relative to the sentence at 0)."""
    start = sentence.index(text)
    return Claim(id=cid, text=text, start=start, end=start + len(text), value=value, low=low, high=high, unit=unit, approximate=approx, sentence=sentence, sentence_start=0, change=change, time=time, time_text=time_text)


def test_more_than_is_a_variant_of_the_figure_not_of_its_threshold():
    s_target = "The government pledged to recruit 20,000 extra police officers by March 2023."
    s_a = "Forces recruited 20,951 additional police officers under the programme."
    s_b = "Forces recruited more than 20,000 additional officers under the programme."
    a = doc("a", sclaim("C1", "20,000", s_target, 20000, unit="officers"), sclaim("C2", "20,951", s_a, 20951, unit="officers"))
    b = doc("b", sclaim("C1", "20,000", s_target, 20000, unit="officers"), sclaim("C2", "more than 20,000", s_b, 20000, low=20000, unit="officers", change=">"))
    claims = align([a, b])
    by_text = {tuple(sorted(r.text for r in c.reports)): c.status for c in claims}
    assert by_text[("20,000", "20,000")] == "agreed"
    assert by_text[("20,951", "more than 20,000")] == "variant"


def test_a_documents_loose_and_precise_forms_are_one_claim():
    s1 = "UK inflation has climbed above 11% for the first time in decades."
    s2 = "Consumer price inflation reached 11.1% in October, official figures show."
    a = doc("a", sclaim("C1", "above 11%", s1, 11, low=11, unit="percent", change=">"), sclaim("C2", "11.1%", s2, 11.1, unit="percent"))
    b = doc("b", sclaim("C1", "11.1%", s2, 11.1, unit="percent"))
    [ec] = align([a, b])
    assert ec.status == "variant"
    assert sorted(r.text for r in ec.reports) == ["11.1%", "11.1%", "above 11%"]


def test_a_loose_figure_in_the_body_is_a_statement_of_its_own():
    s1 = "The population stood at 5,123,536 on census night."
    s2 = "It is the first time the population has been above five million since 1851."
    precise = sclaim("C1", "5,123,536", s1, 5123536, unit="people")
    precise.sentence_start = 60  # both in the body
    loose = sclaim("C2", "above five million", s2, 5000000, low=5000000, unit="people", change=">")
    loose.start += 200
    loose.end += 200
    loose.sentence_start = 200  # in the body, not the headline
    a = doc("a", precise, loose)
    b = doc("b", sclaim("C1", "more than 5.1 million", "Census puts the population at more than 5.1 million.",
                        5100000, low=5100000, unit="people", change=">"))
    by_text = {tuple(sorted(r.text for r in c.reports)): c.status for c in align([a, b])}
    assert by_text[("5,123,536", "more than 5.1 million")] == "variant"
    assert by_text[("above five million",)] == "single-source"


def test_unhedged_one_digit_figure_is_not_a_rounding():
    s = "The Bank raised rates from 5% to 5.25%, the highest level in years."
    a = doc("a", sclaim("C1", "5%", s, 5, unit="percent"), sclaim("C2", "5.25%", s, 5.25, unit="percent"))
    b = doc("b", sclaim("C1", "5.25%", "Rates rose to 5.25% on Thursday.", 5.25, unit="percent"))
    claims = align([a, b])
    assert sorted((c.status, c.value) for c in claims) == [("agreed", 5.25), ("single-source", 5.0)]


@pytest.mark.parametrize(
    "sentence,text,time_text,trusted",
    [
        ("Inflation fell to 7.9% in June from 8.7% in May.", "7.9%", "June", True),
        ("In 2022, 2,087 people were convicted.", "2,087", "2022", True),
        ("Rates rose to 5.25%, the highest since 2008.", "5.25%", "2008", False),
        ("Food prices were up more than 16% on October 2021.", "more than 16%", "October 2021", False),
        ("The Bank has raised borrowing costs 14 times in a row as it tries to bring inflation back to target, a run that began in December 2021.", "14 times", "December 2021", False),
    ],
)
def test_only_a_time_next_to_the_figure_dates_it(sentence, text, time_text, trusted):
    q = normalise(sclaim("C1", text, sentence, 1.0, unit="percent", time="2021", time_text=time_text), "a")
    assert (q.time is not None) is trusted


@pytest.mark.parametrize(
    "value,months",
    [("2022", (12 * 2022 + 1, 12 * 2022 + 12)), ("2022-10", (12 * 2022 + 10,) * 2), ("2022-FA", (12 * 2022 + 9, 12 * 2022 + 11)), ("FY2016", (12 * 2016 + 4, 12 * 2017 + 3)), ("2023-06-13", (12 * 2023 + 6,) * 2), ("PRESENT_REF", None)],
)
def test_time_months(value, months):
    assert time_months(value) == months


def test_season_and_month_agree():
    s1 = "Inflation has fallen from a peak of 11.1% last October."
    s2 = "Inflation is down from a peak above 11% last autumn."
    a = doc("a", sclaim("C1", "11.1%", s1, 11.1, unit="percent", time="2022-10", time_text="last October"))
    b = doc("b", sclaim("C1", "above 11%", s2, 11, low=11, unit="percent", change=">", time="2022-FA", time_text="last autumn"))
    [ec] = align([a, b])
    assert ec.status == "variant"


def test_uncommon_small_figure_joins_without_shared_words():
    a = doc("a", sclaim("C1", "29%", "Of those, 609 offenders, or 29%, were given a custodial sentence.", 29, unit="percent"))
    b = doc("b", sclaim("C1", "29%", "Data shows that 29% of them were jailed.", 29, unit="percent"))
    [ec] = align([a, b])
    assert ec.status == "agreed"


def test_generic_counted_thing_matches_a_specific_one():
    a = doc("a", sclaim("C1", "2,528", "In 2017, 2,528 people were sentenced for indecent image offences.", 2528, unit="people"))
    b = doc("b", sclaim("C1", "more than 2,500 offenders", "Last year more than 2,500 offenders were sentenced for indecent image offences.", 2500, low=2500, unit="offenders", change=">"))
    [ec] = align([a, b])
    assert ec.status == "variant"


@pytest.mark.parametrize("bound_text,status", [
    # an inclusive lower bound is met by its own figure; a strict one is not
    ("at least 42 years", "variant"),
    ("a minimum of 42 years", "variant"),
    ("more than 42 years", None),
])
def test_inclusive_lower_bounds(bound_text, status):
    s = "The killer was told he must serve {} before release."
    a = doc("a", sclaim("C1", bound_text, s.format(bound_text), 42, low=42, unit="year", change=">"))
    b = doc("b", sclaim("C1", "42 years", s.format("42 years"), 42, unit="year"))
    qa, qb = normalise(a.claims[0], "a"), normalise(b.claims[0], "b")
    assert relation(qa, qb)[0] == status
