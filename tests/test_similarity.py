"""Pair scores with reasons: names, organisations, figures, dates, keywords."""

from __future__ import annotations

import pytest

from extractors.records import Claim, DocumentRecord, Official, Organisation
from extractors.reconcile.similarity import (
    Stats,
    first_names_compatible,
    name_parts,
    org_key,
    profile,
    score,
    surname,
)


def rec(doc_id, *, published=None, officials=(), orgs=(), claims=(), keywords=(), persons=()):
    return DocumentRecord(
        id=doc_id,
        published=published,
        officials=[Official(id=f"P{i}", name=n, title=t) for i, (n, t) in enumerate(officials)],
        persons=[Official(id=f"X{i}", name=n, is_official=False) for i, n in enumerate(persons)],
        organisations=[Organisation(id=f"O{i}", name=n, acronym=a) for i, (n, a) in enumerate(orgs)],
        claims=[Claim(id=f"C{i}", text=t, start=0, end=len(t), value=v, low=lo, high=hi, unit=u) for i, (t, v, lo, hi, u) in enumerate(claims)],
        keywords=list(keywords),
    )


NCA_1 = rec(
    "lbc",
    published="2023-12-13",
    officials=[("Graeme Biggar", "Director General"), ("Rob Jones", "Director General of Operations")],
    orgs=[("National Crime Agency", "NCA"), ("Home Office", None)],
    claims=[("80%", 80, None, None, "percent"), ("680,000-830,000 adults", None, 680000, 830000, "adults")],
    keywords="images children offenders jail nca biggar sentences abuse platforms".split(),
)
NCA_2 = rec(
    "other",
    published=None,
    officials=[("Biggar", "director general"), ("Rob Jones", "director of operations")],
    orgs=[("NCA", "NCA")],
    claims=[("80%", 80, None, None, "percent"), ("830,000 adults", 830000, None, None, "adults")],
    keywords="images nca children biggar imprisonment abuse offenders websites".split(),
)
BUCKLAND = rec(
    "i2018",
    published="2018-08-07",
    officials=[("Robert Buckland", "Solicitor General")],
    orgs=[("Ministry of Justice", None)],
    claims=[("2,528 individuals", 2528, None, None, "individuals")],
    keywords="images children sentences internet offences crime".split(),
)
UNRELATED = rec("quake", published="2023-12-14", persons=["Maria Lopez"], keywords="earthquake magnitude coast tsunami".split())


def stats_of(*recs):
    st = Stats()
    profs = [profile(r, i) for i, r in enumerate(recs)]
    for p in profs:
        st.add(p)
    return st, profs


@pytest.mark.parametrize(
    "name,parts",
    [("Mr Graeme Biggar's", ("graeme", "biggar")), ("Dr. José Martínez", ("jose", "martinez")), ("Martin Luther King Jr", ("martin", "luther", "king")), ("", ())],
)
def test_name_parts(name, parts):
    assert name_parts(name) == parts


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Graeme Biggar", "Biggar", True),
        ("Graeme Biggar", "G. Biggar", True),
        ("Rob Jones", "Robert Jones", True),
        ("Rob Jones", "Tom Jones", False),
        ("Hugh Jackman", "Hugh Jackman", True),
    ],
)
def test_first_names_compatible(a, b, same):
    assert surname(a) == surname(b)
    assert first_names_compatible(name_parts(a), name_parts(b)) is same


@pytest.mark.parametrize("name,key", [("the National Crime Agency's", "national crime agency"), ("NCA", "nca"), ("Ministry of Justice (MoJ)", "ministry of justice moj")])
def test_org_key(name, key):
    assert org_key(name) == key


def test_two_reports_of_one_briefing_score_high_with_reasons():
    st, (a, b, c, d) = stats_of(NCA_1, NCA_2, BUCKLAND, UNRELATED)
    ps = score(a, b, st)
    assert 0.6 <= ps.score <= 1.0
    reasons = " | ".join(ps.reasons)
    assert "shared officials: Graeme Biggar, Rob Jones" in reasons
    assert "shared organisations: National Crime Agency (NCA)" in reasons
    assert "830,000 adults" in reasons and "80 percent" in reasons
    assert "keyword cosine" in reasons
    assert not ps.incompatible


def test_similar_topic_other_event_scores_low():
    st, (a, b, c, d) = stats_of(NCA_1, NCA_2, BUCKLAND, UNRELATED)
    same = score(a, b, st).score
    other = score(a, c, st)
    assert other.score < 0.3 < same
    assert other.incompatible  # published five years apart
    assert any(r.startswith("published 1954 days apart") for r in other.reasons)
    assert score(a, d, st).score < 0.15


def test_score_is_symmetric_and_bounded():
    st, profs = stats_of(NCA_1, NCA_2, BUCKLAND, UNRELATED)
    for x in profs:
        for y in profs:
            s1, s2 = score(x, y, st).score, score(y, x, st).score
            assert 0.0 <= s1 <= 1.0
            assert s1 == pytest.approx(s2)


def test_common_keys_weigh_less():
    # "police" appears in every document: sharing it says little; a rare surname says more
    docs = [rec(f"d{i}", orgs=[("Police", None)], keywords=["police", f"word{i}"]) for i in range(8)]
    docs.append(rec("x1", orgs=[("Police", None)], persons=["Ana Quispe"], keywords=["police", "quispe"]))
    docs.append(rec("x2", orgs=[("Police", None)], persons=["Ana Quispe"], keywords=["police", "quispe"]))
    st, profs = stats_of(*docs)
    assert score(profs[-1], profs[-2], st).score > 2 * score(profs[0], profs[1], st).score


def test_profile_reads_every_field():
    p = profile(NCA_1)
    assert set(p.people) == {"biggar", "jones"} and p.officials == {"biggar", "jones"}
    assert frozenset({"national crime agency", "nca"}) in p.orgs
    assert {"pct:80", "n:680000", "n:830000"} <= set(p.figures)
    assert p.published is not None and p.keywords[0] == "images"


# --------------------------------------------------------------------------- negative evidence

from extractors.records import Mention, TimeExpression  # noqa: E402


def _stats(*profiles):
    st = Stats()
    for p in profiles:
        st.add(p)
    return st


def _dated(doc_id, published, years, keywords):
    r = rec(doc_id, published=published, keywords=keywords)
    r.dates = [TimeExpression(text=y, start=0, end=4, type="DATE", value=y) for y in years]
    return r


SENTENCING = "offenders images sentences prison justice ministry children abuse".split()


@pytest.mark.parametrize(
    "pub_b,years_b,apart,change",
    [
        (None, ["2010", "2003"], True, "lower"),  # undated, refers to 2010: written about 2010-2011, not 2018
        (None, ["2017", "2018"], False, "higher"),  # undated, refers to the same years: the years agree
        (None, [], False, "same"),  # no clue when it was written
        (None, ["2019"], False, "slightly lower"),  # one year after: a follow-up written days later? barely counts
    ],
)
def test_years_of_writing(pub_b, years_b, apart, change):
    a = profile(_dated("a", "2018-08-07", ["2017"], SENTENCING), 0)
    b = profile(_dated("b", pub_b, years_b, SENTENCING), 1)
    ps = score(a, b, _stats(a, b))
    assert any(r.startswith("written years apart") for r in ps.reasons) is apart
    plain = score(a, profile(_dated("c", None, [], SENTENCING), 2), _stats(a, b))
    diff = ps.score - plain.score
    if change == "lower":
        assert diff < -0.2
    elif change == "higher":
        assert diff > 0
    elif change == "same":
        assert diff == pytest.approx(0.0)
    else:
        assert -0.05 < diff < 0


@pytest.mark.parametrize(
    "years_a,years_b,sign",
    [
        (["2009", "2009", "2009", "2008"], ["2009", "2009", "2009"], "+"),  # two undated reports of one 2009 event
        (["2009", "2009", "2009"], ["2005", "2005", "2003"], "-"),  # the 2005 quake vs the 2009 one
        (["2009", "2009", "2009"], ["2010", "2010"], "-0"),  # adjacent years: at most a small doubt
        (["2009"], [], "0"),  # one gives no year: no evidence
    ],
)
def test_years_referred_to_between_undated_documents(years_a, years_b, sign):
    a = profile(_dated("a", None, years_a, SENTENCING), 0)
    b = profile(_dated("b", None, years_b, SENTENCING), 1)
    c = profile(_dated("c", None, [], SENTENCING), 2)
    st = _stats(a, b, c)
    diff = score(a, b, st).score - score(a, c, st).score
    if sign == "+":
        assert diff > 0.05
    elif sign == "-":
        assert diff < -0.15
        assert any(r.startswith("refer to other years") for r in score(a, b, st).reasons)
    elif sign == "-0":
        assert -0.05 <= diff <= 0.0
    else:
        assert diff == pytest.approx(0.0)


def test_dated_pairs_ignore_the_years_referred_to():
    a = profile(_dated("a", "2023-07-26", ["2023", "2022"], SENTENCING), 0)
    b = profile(_dated("b", "2023-08-03", ["2008", "2021"], SENTENCING), 1)
    c = profile(_dated("c", "2023-08-03", [], SENTENCING), 2)
    st = _stats(a, b, c)
    assert score(a, b, st).score == pytest.approx(score(a, c, st).score)


def test_year_span():
    assert profile(_dated("a", "2018-08-07", ["2010"], []), 0).year_span() == (2018, 2018)
    assert profile(_dated("a", None, ["2003", "2010", "FY2009", "2222"], []), 0).year_span() == (2010, 2011)
    assert profile(_dated("a", None, [], []), 0).year_span() is None


def _person(name, n):
    return Official(id=name, name=name, is_official=False, mentions=[Mention(i * 10, i * 10 + 5, name) for i in range(n)])


def test_different_main_participants_lower_the_score():
    kw = "rehab actress clinic promises treatment".split()
    a = rec("a", keywords=kw)
    a.persons = [_person("Tara Reid", 4), _person("John Smith", 1)]
    b = rec("b", keywords=kw)
    b.persons = [_person("Lindsay Lohan", 3)]
    c = rec("c", keywords=kw)
    c.persons = [_person("Reid", 2)]
    pa, pb, pc = profile(a, 0), profile(b, 1), profile(c, 2)
    st = _stats(pa, pb, pc)
    other = score(pa, pb, st)
    same = score(pa, pc, st)
    assert any(r.startswith("different main participants") for r in other.reasons)
    assert not any(r.startswith("different main participants") for r in same.reasons)
    assert other.score < same.score


def test_no_shared_figure_between_figure_rich_reports():
    kw = "census population results statistics office".split()
    a = rec("a", claims=[("5,123,536", 5123536, None, None, "people"), ("7.6%", 7.6, None, None, "percent"), ("361,671", 361671, None, None, "people")], keywords=kw)
    b = rec("b", claims=[("59,597,300", 59597300, None, None, "people"), ("6.3%", 6.3, None, None, "percent"), ("3.5 million", 3500000, None, None, "people")], keywords=kw)
    pa, pb = profile(a, 0), profile(b, 1)
    ps = score(pa, pb, _stats(pa, pb))
    assert any(r.startswith("no figure in common") for r in ps.reasons)


def _lead_rec(doc_id, lead, body, lead_end=100):
    """Persons named in the lead (before ``lead_end``) and only in the body (after it)."""
    a = rec(doc_id, keywords="arrested suspicion driving chargers receiver tackle".split())
    a.persons = [Official(id=f"L{i}", name=n, is_official=False, mentions=[Mention(10, 20, n), Mention(300, 310, n)]) for i, n in enumerate(lead)]
    a.persons += [Official(id=f"B{i}", name=n, is_official=False, mentions=[Mention(400, 410, n)]) for i, n in enumerate(body)]
    a.lead_end = lead_end
    return a


@pytest.mark.parametrize(
    "a,b,reason,change",
    [
        ((["Vincent Jackson"], []), (["Jackson"], ["Jamal Williams"]), "same people in the lead: Vincent Jackson", +1),
        ((["Vincent Jackson"], []), (["Jamal Williams"], ["Vincent Jackson"]), "leads name other people: Vincent Jackson vs Jamal Williams", -1),
        ((["Vincent Jackson"], []), (["Jamal Williams"], []), "leads about other people: Vincent Jackson vs Jamal Williams", -1),
        ((["Vincent Jackson"], []), ([], ["Vincent Jackson"]), None, 0),  # the other lead names nobody
    ],
)
def test_who_the_leads_name(a, b, reason, change):
    ra, rb = _lead_rec("a", *a), _lead_rec("b", *b)
    pa, pb = profile(ra, 0), profile(rb, 1)
    assert pa.lead_people == {"jackson"}
    ps = score(pa, pb, _stats(pa, pb))
    lead_reasons = [r for r in ps.reasons if r.startswith(("same people in the lead", "leads "))]
    assert lead_reasons == ([reason] if reason else [])
    # the same records without a lead: no lead evidence at all
    ra.lead_end = rb.lead_end = None
    qa, qb = profile(ra, 0), profile(rb, 1)
    assert qa.lead_people == set()
    base = score(qa, qb, _stats(qa, qb)).score
    assert (ps.score > base) - (ps.score < base) == change


@pytest.mark.parametrize("unit,kind,cls", [
    ("percent", "percent", "pct"),
    ("GBP", "money", "cur:gbp"),
    # a rate of money is the amount reported another way ("£1,971 a year" / "£1,971")
    ("GBP per year", "money", "cur:gbp"),
    ("USD per barrel", "money", "cur:usd"),
    ("offenders", "count", "n"),
])
def test_unit_class(unit, kind, cls):
    from extractors.reconcile.similarity import unit_class

    assert unit_class(unit, kind) == cls
