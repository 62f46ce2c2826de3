"""The five real seed articles, end to end (skipped when ../shared is absent).

The foundation's acceptance: the two reports of the 13 December 2023 NCA briefing form
one event and the other three articles one each; the 80% figure both state is one
claim of that event with both documents in its doc_ids.
"""

import pytest

from extractors.io.readers import read_inputs

pytestmark = pytest.mark.model

BRIEFING = {"000_2c6540ea96e3f154", "001_b803fd18010042b4"}


@pytest.fixture(scope="module")
def seed_records(seeds_dir, nlp):
    from extractors.api import extract

    return extract(list(read_inputs(seeds_dir)), nlp=nlp)


@pytest.fixture(scope="module")
def seed_events(seed_records):
    from extractors.api import reconcile

    return reconcile(seed_records)


def test_every_offset_indexes_the_input(seed_records, seed_texts):
    for rec in seed_records:
        text = seed_texts[rec.id]
        spans = [*rec.dates, *rec.claims, *rec.quotes]
        spans += [m for o in [*rec.officials, *rec.persons, *rec.organisations] for m in o.mentions]
        assert spans
        for s in spans:
            assert text[s.start:s.end] == s.text, (rec.id, s)


def test_datelines_are_inferred(seed_records):
    by_id = {r.id: r for r in seed_records}
    assert by_id["000_2c6540ea96e3f154"].published == "2023-12-13"
    assert by_id["000_2c6540ea96e3f154"].published_source == "text"
    assert by_id["002_224bc2a0da9a5c12"].published == "2018-08-07"


def test_briefing_is_one_event_and_others_are_alone(seed_events):
    groups = sorted(sorted(ev.doc_ids) for ev in seed_events)
    assert sorted(BRIEFING) in groups
    assert len(seed_events) == 4
    assert all(len(g) == 1 for g in groups if set(g) != BRIEFING)


def test_eighty_percent_is_one_claim_stated_by_both(seed_events):
    [ev] = [e for e in seed_events if set(e.doc_ids) == BRIEFING]
    eighty = [c for c in ev.claims if c.unit == "percent" and c.value == pytest.approx(80)]
    assert len(eighty) == 1
    assert set(eighty[0].doc_ids) == BRIEFING
    assert eighty[0].status == "agreed"


def test_officials_have_titles_and_organisations(seed_records):
    rec = next(r for r in seed_records if r.id == "000_2c6540ea96e3f154")
    biggar = next(o for o in rec.officials if o.name == "Graeme Biggar")
    assert biggar.title and "director general" in biggar.title.lower()
    assert biggar.organisation in ("National Crime Agency", "NCA")
    assert not any("12pm" in o.name or "Miraj" in o.name for o in rec.officials)
