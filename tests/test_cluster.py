"""Clustering into events: similar events stay apart, incremental = batch, deterministic."""

from __future__ import annotations

import random

import pytest

from extractors.records import Claim, DocumentRecord, Mention, Official, Organisation
from extractors.reconcile import Reconciler, reconcile
from extractors.reconcile.cluster import average_linkage, refine


def rec(doc_id, *, published=None, people=(), orgs=(), figures=(), keywords=(), source=None):
    return DocumentRecord(
        id=doc_id,
        published=published,
        source=source,
        officials=[Official(id=f"P{i}", name=n, title=t) for i, (n, t) in enumerate(people)],
        organisations=[Organisation(id=f"O{i}", name=n, acronym=a) for i, (n, a) in enumerate(orgs)],
        claims=[Claim(id=f"C{i}", text=f"{v} {u}", start=10 * i, end=10 * i + 5, value=v, unit=u, sentence=s) for i, (v, u, s) in enumerate(figures)],
        keywords=list(keywords),
    )


NCA = ("National Crime Agency", "NCA")
MOJ = ("Ministry of Justice", "MoJ")


def corpus():
    """Two reports of a 2023 briefing (one undated), a 2018 statement on the same topic
    by the same ministry, two reports of a 2010 statistics release, and an unrelated story."""
    return [
        rec("nca-a", published="2023-12-13", source="LBC", people=[("Graeme Biggar", "Director General"), ("Rob Jones", "Director General of Operations")], orgs=[NCA, ("Home Office", None)],
            figures=[(80, "percent", "80% of those convicted avoid jail"), (830000, "adults", "830,000 adults pose a risk")], keywords="images children offenders jail nca biggar sentences abuse platforms".split()),
        rec("nca-b", published=None, source="Blog", people=[("Biggar", "director general"), ("Rob Jones", "director of operations")], orgs=[NCA],
            figures=[(80, "percent", "80% of individuals avoid prison"), (830000, "adults", "approximately 830,000 adults")], keywords="images nca children biggar imprisonment abuse offenders websites".split()),
        rec("moj-2018", published="2018-08-07", source="i", people=[("Robert Buckland", "Solicitor General")], orgs=[MOJ],
            figures=[(2528, "individuals", "2,528 individuals were sentenced")], keywords="images children sentences internet offences crime ministry justice".split()),
        rec("moj-2010-a", published="2012-01-10", source="HuffPost", people=[("Jon Brown", "head of strategy")], orgs=[MOJ, ("NSPCC", "NSPCC")],
            figures=[(1781, "offenders", "1,781 offenders were convicted or cautioned"), (1246, "offenders", "1,246 offenders were found guilty")], keywords="images children offenders convictions cautions record ministry justice".split()),
        rec("moj-2010-b", published="2012-01-11", source="Sky", people=[("Jon Brown", None)], orgs=[MOJ],
            figures=[(1781, "offenders", "a record 1,781 offenders"), (155, "offenders", "155 offenders were cautioned")], keywords="images offenders convictions record children cautions".split()),
        rec("quake", published="2023-12-13", people=[("Maria Lopez", "mayor")], keywords="earthquake magnitude coast tsunami".split()),
    ]


def groups(events):
    return sorted(tuple(e.doc_ids) for e in events)


def test_events_of_the_corpus():
    events = reconcile(corpus())
    assert groups(events) == [("moj-2010-a", "moj-2010-b"), ("moj-2018",), ("nca-a", "nca-b"), ("quake",)]


def test_document_without_date_joins_its_event():
    events = reconcile(corpus())
    nca = next(e for e in events if "nca-a" in e.doc_ids)
    assert nca.doc_ids == ["nca-a", "nca-b"]  # dated first
    assert nca.date == "2023-12-13"


def test_same_org_different_years_and_figures_stay_apart():
    a = rec("y2018", published="2018-08-07", people=[("Robert Buckland", "Solicitor General")], orgs=[MOJ], figures=[(2528, "individuals", "2,528 individuals were sentenced in 2017")], keywords="images children sentences ministry justice offenders".split())
    b = rec("y2023", published="2023-12-13", people=[("Robert Buckland", "Solicitor General")], orgs=[MOJ], figures=[(2087, "people", "2,087 people were convicted in 2022")], keywords="images children sentences ministry justice offenders".split())
    assert groups(reconcile([a, b])) == [("y2018",), ("y2023",)]
    # undated: no date to tell them apart, but different figures and wordings keep them
    # apart; the topic's words ("images", "children") are common in the record set
    a2 = rec("u1", orgs=[MOJ], figures=[(2528, "individuals", "2,528 individuals were sentenced in 2017")], keywords="images children sentences justice internet crime".split())
    b2 = rec("u2", orgs=[MOJ], figures=[(2087, "people", "2,087 people were convicted in 2022")], keywords="images prison jail platforms paedophiles agency".split())
    background = [rec(f"bg{i}", keywords=[f"story{i}", f"place{i}", f"thing{i}", "images", "children"]) for i in range(6)]
    out = groups(reconcile([a2, b2] + background))
    assert not any("u1" in g and "u2" in g for g in out)


def test_incremental_add_equals_batch():
    recs = corpus()
    batch = reconcile(recs)
    r = Reconciler()
    r.add(recs[:2])
    first = r.events()
    assert groups(first) == [("nca-a", "nca-b")]
    r.add(recs[2:4])
    r.events()
    r.add(recs[4:])
    inc = r.events()
    assert [(e.event_id, e.doc_ids) for e in inc] == [(e.event_id, e.doc_ids) for e in batch]
    assert [[c.to_dict() for c in e.claims] for e in inc] == [[c.to_dict() for c in e.claims] for e in batch]
    r.refresh()
    assert [e.to_dict() for e in r.events()] == [e.to_dict() for e in batch]


def test_shuffled_input_gives_the_same_events():
    recs = corpus()
    expected = [e.to_dict() for e in reconcile(recs)]
    for seed in range(5):
        shuffled = recs[:]
        random.Random(seed).shuffle(shuffled)
        assert [e.to_dict() for e in reconcile(shuffled)] == expected


def test_average_linkage_does_not_chain():
    # a-b and b-c are strong, a-c unknown: {a,b} to c averages 0.35 < 0.4
    links = {0: {1: 0.9}, 1: {0: 0.9, 2: 0.7}, 2: {1: 0.7}}
    rank = {0: 0, 1: 1, 2: 2}
    days = {0: None, 1: None, 2: None}
    assert sorted(map(tuple, average_linkage([0, 1, 2], links, 0.4, rank, days, 10))) == [(0, 1), (2,)]
    # single linkage would join all three; with a-c known and moderate they do join
    links = {0: {1: 0.9, 2: 0.5}, 1: {0: 0.9, 2: 0.7}, 2: {1: 0.7, 0: 0.5}}
    assert sorted(map(tuple, average_linkage([0, 1, 2], links, 0.4, rank, days, 10))) == [(0, 1, 2)]


def test_average_linkage_respects_date_span():
    links = {0: {1: 0.9}, 1: {0: 0.9, 2: 0.9}, 2: {1: 0.9, 0: 0.9}}
    rank = {0: 0, 1: 1, 2: 2}
    days = {0: 100, 1: None, 2: 130}
    out = sorted(map(tuple, average_linkage([0, 1, 2], links, 0.4, rank, days, 10)))
    assert out == [(0, 1), (2,)]


def test_memberships_explain():
    events = reconcile(corpus())
    nca = next(e for e in events if "nca-a" in e.doc_ids)
    m = {x.doc_id: x for x in nca.members}
    assert m["nca-b"].score > 0.5
    assert "with nca-a" in m["nca-b"].reasons
    assert any(r.startswith("shared officials: Graeme Biggar") for r in m["nca-b"].reasons)
    quake = next(e for e in events if e.doc_ids == ["quake"])
    assert quake.members[0].reasons == ["no other report of this event"]


def test_duplicate_ids_and_bad_options_raise():
    with pytest.raises(ValueError, match="given twice"):
        reconcile([rec("a"), rec("a")])
    with pytest.raises(ValueError, match="threshold"):
        Reconciler(threshold=0)


def test_dicts_are_accepted_and_empty_input_gives_no_events():
    assert reconcile([]) == []
    events = reconcile([r.to_dict() for r in corpus()])
    assert len(events) == 4
    assert [e.event_id for e in events] == ["ev-0001", "ev-0002", "ev-0003", "ev-0004"]


# --------------------------------------------------------------------------- small groups


@pytest.mark.parametrize(
    "links,expected",
    [
        # a short report linked (0.3) to 3 of the 4 members of a group that links 0.5 inside
        ({0: {1: 0.5, 2: 0.5, 3: 0.5}, 1: {2: 0.5, 3: 0.5}, 2: {3: 0.5}, 4: {0: 0.3, 1: 0.3, 2: 0.3}}, [(0, 1, 2, 3, 4)]),
        # one link is a chain, not a membership
        ({0: {1: 0.5, 2: 0.5, 3: 0.5}, 1: {2: 0.5, 3: 0.5}, 2: {3: 0.5}, 4: {0: 0.45}}, [(0, 1, 2, 3), (4,)]),
        # links too weak next to the group's own (0.9 inside, 0.3 out)
        ({0: {1: 0.9, 2: 0.9, 3: 0.9}, 1: {2: 0.9, 3: 0.9}, 2: {3: 0.9}, 4: {0: 0.3, 1: 0.3, 2: 0.3}}, [(0, 1, 2, 3), (4,)]),
        # a tight pair of its own (0.9) stays apart from a group it links to at 0.3
        ({0: {1: 0.5, 2: 0.5, 3: 0.5}, 1: {2: 0.5, 3: 0.5}, 2: {3: 0.5}, 4: {5: 0.9, 0: 0.3, 1: 0.3, 2: 0.3}, 5: {0: 0.3, 1: 0.3, 2: 0.3}}, [(0, 1, 2, 3), (4, 5)]),
        # links below the mean (0.2 < 0.25)
        ({0: {1: 0.3, 2: 0.3, 3: 0.3}, 1: {2: 0.3, 3: 0.3}, 2: {3: 0.3}, 4: {0: 0.2, 1: 0.2, 2: 0.2}}, [(0, 1, 2, 3), (4,)]),
    ],
)
def test_small_groups_attach_when_sparsely_but_well_linked(links, expected):
    sym = {}
    for a, row in links.items():
        for b, s in row.items():
            sym.setdefault(a, {})[b] = s
            sym.setdefault(b, {})[a] = s
    nodes = sorted(sym)
    rank = {n: n for n in nodes}
    days = {n: None for n in nodes}
    out = sorted(map(tuple, average_linkage(nodes, sym, 0.25, rank, days, 10)))
    assert out == expected
    # without the attaching step the short report stays alone
    if len(expected) == 1:
        assert len(average_linkage(nodes, sym, 0.25, rank, days, 10, attach=False)) == 2


# --------------------------------------------------------------------------- local moves


def _sym(links):
    out = {}
    for a, row in links.items():
        for b, s in row.items():
            out.setdefault(a, {})[b] = s
            out.setdefault(b, {})[a] = s
    return out


#: an event of five reports (0-4, published on day 100, links 0.5 between them) and a pair:
#: report 5 (published on day ``d5``) and report 6 (published on day ``d6``), linked 0.6
_BIG = {a: {b: 0.5 for b in range(a + 1, 5)} for a in range(5)}


@pytest.mark.parametrize(
    "to_big,d5,d6,veto,expected",
    [
        # undated report 6 agrees with all five (0.5 each: 5 x 0.25 = 1.25 against 0.35 with
        # report 5, a margin over 0.75): it moves to the event most of its links agree with
        (0.5, 130, None, False, [(0, 1, 2, 3, 4, 6), (5,)]),
        # linked to three of the five only (3 x 0.5 - 5 x 0.25 = 0.25): it stays
        ({0: 0.5, 1: 0.5, 2: 0.5}, 130, None, False, [(0, 1, 2, 3, 4), (5, 6)]),
        # links just above the threshold (0.3: 5 x 0.05 = 0.25): not clearly more, it stays
        (0.3, 130, None, False, [(0, 1, 2, 3, 4), (5, 6)]),
        # published on day 130: the event of day 100 is too far away
        (0.5, 130, 130, False, [(0, 1, 2, 3, 4), (5, 6)]),
        # published on day 104, within the window of both: it moves
        (0.5, 130, 104, False, [(0, 1, 2, 3, 4, 6), (5,)]),
        # the group evidence vetoes the move
        (0.5, 130, None, True, [(0, 1, 2, 3, 4), (5, 6)]),
    ],
)
def test_reports_move_to_the_event_they_agree_with_clearly_more(to_big, d5, d6, veto, expected):
    links = {a: dict(row) for a, row in _BIG.items()}
    links[5] = {6: 0.6}
    links[6] = {b: to_big for b in range(5)} if isinstance(to_big, float) else dict(to_big)
    links = _sym(links)
    rank = {n: n for n in range(7)}
    days = {**{n: 100 for n in range(5)}, 5: d5, 6: d6}
    can_merge = (lambda a, b: False) if veto else None
    out = refine([[0, 1, 2, 3, 4], [5, 6]], links, 0.25, rank, days, 10, can_merge)
    assert sorted(map(tuple, out)) == expected


def test_average_linkage_refines_unless_asked_not_to():
    # agglomeration pairs report 6 with report 5 first (0.9), then the pair cannot join the
    # event of day 100 (report 5 is on day 130); report 6 agrees with all five reports
    links = {a: dict(row) for a, row in _BIG.items()}
    links[5] = {6: 0.9}
    links[6] = {b: 0.6 for b in range(5)}
    links = _sym(links)
    rank = {n: n for n in range(7)}
    days = {**{n: 100 for n in range(5)}, 5: 130, 6: None}
    nodes = list(range(7))
    assert sorted(map(tuple, average_linkage(nodes, links, 0.25, rank, days, 10, attach=False, refine_moves=False))) == [(0, 1, 2, 3, 4), (5, 6)]
    assert sorted(map(tuple, average_linkage(nodes, links, 0.25, rank, days, 10, attach=False))) == [(0, 1, 2, 3, 4, 6), (5,)]


def _story(doc_id, lead, other=(), *, published=None, years=(), keywords="injured reserve saints running back season knee".split()):
    """A record whose lead (first 100 characters) names ``lead`` and whose body names ``other``."""
    from extractors.records import Mention, TimeExpression

    persons = [Official(id=f"L{i}", name=n, is_official=False, mentions=[Mention(10, 20, n), Mention(150, 160, n)]) for i, n in enumerate(lead)]
    persons += [Official(id=f"B{i}", name=n, is_official=False, mentions=[Mention(200, 210, n)]) for i, n in enumerate(other)]
    dates = [TimeExpression(text=y, start=300, end=304, type="DATE", value=y) for y in years]
    return DocumentRecord(id=doc_id, published=published, persons=persons, dates=dates, keywords=list(keywords), lead_end=100)


def test_groups_whose_leads_name_other_people_do_not_merge():
    bush = [_story(f"bush-{i}", ["Reggie Bush"], ["Pierre Thomas"] if i == 0 else ()) for i in range(4)]
    thomas = [_story(f"thomas-{i}", ["Pierre Thomas"], ["Reggie Bush"]) for i in range(4)]
    r = Reconciler()
    r.add(bush + thomas)
    a = [r.ids[x.id] for x in bush]
    b = [r.ids[x.id] for x in thomas]
    assert r._other_lead_people(a, b)
    assert not r._other_lead_people(a[:3], b)  # groups of 3 say too little
    assert not r._other_lead_people(a, a)


@pytest.mark.parametrize(
    "years,published,apart",
    [
        (["2008", "2008", "2007", "2008"], "2013-09-18", True),  # four undated reports of 2008 vs a 2013 group
        (["2012", "2013", "2008", "2013"], "2013-09-18", False),  # they mostly refer to recent years
        (["2008", "2008", "2007"], "2013-09-18", False),  # three say too little
        (["2008", "2008", "2007", "2008"], "2009-03-01", False),  # a year apart: the next year
    ],
)
def test_groups_written_years_apart_do_not_merge(years, published, apart):
    undated = [_story(f"u{i}", ["Ballmer"], years=[y]) for i, y in enumerate(years)]
    dated = [_story("d0", ["Ballmer"], published=published), _story("d1", ["Ballmer"], published=published)]
    r = Reconciler()
    r.add(undated + dated)
    a = [r.ids[x.id] for x in dated]
    b = [r.ids[x.id] for x in undated]
    assert r._years_apart(a, b) is apart
    assert not r._years_apart(b, a)


def _results(doc_id, lead_body, other_body=None):
    """A company-results record whose lead (first 100 characters) names ``lead_body`` and
    whose body may name ``other_body``."""
    orgs = [Organisation(id="O1", name=lead_body, mentions=[Mention(0, 5, lead_body, "name"), Mention(150, 155, lead_body, "name")])]
    if other_body:
        orgs.append(Organisation(id="O2", name=other_body, mentions=[Mention(200, 205, other_body, "name")]))
    return DocumentRecord(id=doc_id, published="2023-02-03", organisations=orgs, lead_end=100,
                          keywords="record profit oil gas dividend buyback shares".split())


def test_groups_whose_leads_name_other_bodies_do_not_merge():
    shell = [_results(f"shell-{i}", "Shell") for i in range(2)]
    bp = [_results("bp-0", "BP", "Shell"), _results("bp-1", "BP")]
    r = Reconciler()
    r.add(shell + bp)
    a = [r.ids[x.id] for x in shell]
    b = [r.ids[x.id] for x in bp]
    assert r._other_lead_orgs(a, b)
    assert not r._other_lead_orgs(a[:1], b)  # one document says too little
    assert not r._other_lead_orgs(a, a)
    # a lead that names both bodies: no veto
    both = [_results("mix-0", "BP"), _results("mix-1", "BP")]
    both[0].organisations.append(Organisation(id="O3", name="Shell", mentions=[Mention(40, 45, "Shell", "name")]))
    r2 = Reconciler()
    r2.add(shell + both)
    assert not r2._other_lead_orgs([r2.ids[x.id] for x in shell], [r2.ids[x.id] for x in both])


def _fine(doc_id, lead_bodies, other_bodies=()):
    """A regulator-fine record whose lead names ``lead_bodies`` and whose body names ``other_bodies``."""
    orgs = [Organisation(id=f"L{i}", name=b, mentions=[Mention(10 * i, 10 * i + 5, b, "name")]) for i, b in enumerate(lead_bodies)]
    orgs += [Organisation(id=f"B{i}", name=b, mentions=[Mention(300 + 10 * i, 305 + 10 * i, b, "name")]) for i, b in enumerate(other_bodies)]
    return DocumentRecord(id=doc_id, published="2021-12-13", organisations=orgs, lead_end=100,
                          keywords="fined money laundering watchdog bank failures".split())


@pytest.mark.parametrize(
    "first_body, veto",
    [
        ((), True),  # the first reports never name the body the second ones lead with
        (("Harbour Bank",), False),  # they name it somewhere: no veto from leads alone
    ],
)
def test_a_body_every_lead_names_and_the_other_group_never_names(first_body, veto):
    # both groups' leads name the same regulator, so the leads do share a body
    first = [_fine(f"nw-{i}", ["Conduct Agency", "Northgate Bank"], first_body) for i in range(2)]
    second = [_fine(f"hb-{i}", ["Conduct Agency", "Harbour Bank"], ["Northgate Bank"]) for i in range(2)]
    r = Reconciler()
    r.add(first + second)
    a = [r.ids[x.id] for x in first]
    b = [r.ids[x.id] for x in second]
    assert r._other_lead_orgs(a, b) is veto
    assert r._other_lead_orgs(b, a) is veto
    assert not r._other_lead_orgs(a, a)
