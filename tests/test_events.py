"""Building an event: merged officials and organisations, date, title, ids, claims."""

from __future__ import annotations

from extractors.records import Claim, DocumentRecord, Official, Organisation, Role, TimeExpression
from extractors.reconcile.events import build_event, event_date, merge_officials, merge_organisations, natural_key


def off(name, title=None, org=None, roles=()):
    return Official(id="P", name=name, title=title, organisation=org, roles=[Role(title=t, organisation=o) for t, o in roles])


def test_officials_merged_across_documents_with_every_wording():
    a = DocumentRecord(id="a", officials=[off("Graeme Biggar", "Director General", "National Crime Agency"), off("Rob Jones", "Director General of Operations")])
    b = DocumentRecord(id="b", officials=[off("Biggar", "director general", "NCA"), off("Rob Jones", "director of operations", "NCA", roles=[("director of operations", "NCA")])])
    c = DocumentRecord(id="c", officials=[off("Tom Jones", "singer")])
    merged = merge_officials([a, b, c])
    by_name = {m["name"]: m for m in merged}
    assert set(by_name) == {"Graeme Biggar", "Rob Jones", "Tom Jones"}
    assert by_name["Rob Jones"]["titles"] == ["Director General of Operations", "director of operations"]
    assert by_name["Rob Jones"]["doc_ids"] == ["a", "b"]
    assert by_name["Graeme Biggar"]["titles"] == ["Director General"]  # same wording up to case
    assert by_name["Graeme Biggar"]["organisations"] == ["National Crime Agency", "NCA"]
    assert by_name["Tom Jones"]["doc_ids"] == ["c"]


def test_non_officials_are_not_listed_as_officials():
    a = DocumentRecord(id="a", officials=[Official(id="P1", name="Keren Smith", is_official=False)])
    assert merge_officials([a]) == []


def test_organisations_merged_by_acronym_and_name():
    a = DocumentRecord(id="a", organisations=[Organisation(id="O1", name="National Crime Agency", acronym="NCA"), Organisation(id="O2", name="Home Office")])
    b = DocumentRecord(id="b", organisations=[Organisation(id="O1", name="NCA", acronym="NCA")])
    c = DocumentRecord(id="c", organisations=[Organisation(id="O1", name="the National Crime Agency")])
    merged = merge_organisations([a, b, c])
    assert merged[0]["name"] == "National Crime Agency" and merged[0]["acronym"] == "NCA"
    assert merged[0]["doc_ids"] == ["a", "b", "c"]
    assert [m["name"] for m in merged] == ["National Crime Agency", "Home Office"]


def test_event_date_earliest_publication_else_most_common_mention():
    a = DocumentRecord(id="a", published="2023-12-14")
    b = DocumentRecord(id="b", published="2023-12-13T17:54:00")
    c = DocumentRecord(id="c")
    assert event_date([a, b, c]) == "2023-12-13"
    d = DocumentRecord(id="d", dates=[TimeExpression(text="Tuesday", start=0, end=7, type="DATE", value="2008-12-09")])
    e = DocumentRecord(id="e", dates=[TimeExpression(text="9 December", start=0, end=7, type="DATE", value="2008-12-09"), TimeExpression(text="2007", start=0, end=4, type="DATE", value="2007")])
    assert event_date([d, e]) == "2008-12-09"
    assert event_date([c]) is None


def test_build_event_ids_title_and_claims():
    a = DocumentRecord(id="a", published="2023-12-13", title="Eight in 10 avoid jail", claims=[Claim(id="C1", text="80%", start=5, end=8, value=80, unit="percent", sentence="80% avoid jail")])
    b = DocumentRecord(id="b", claims=[Claim(id="C1", text="eight in 10", start=0, end=11, sentence="eight in 10 avoid jail")])
    ev = build_event("ev-0007", [b, a], {})
    assert ev.event_id == "ev-0007" and ev.doc_ids == ["a", "b"]
    assert ev.title == "Eight in 10 avoid jail"
    assert [c.id for c in ev.claims] == ["ev-0007-c01"]
    assert ev.claims[0].status == "agreed" and ev.claims[0].doc_ids == ["a", "b"]
    assert EventRecordRoundTrip(ev)


def EventRecordRoundTrip(ev):
    from extractors.records import EventRecord

    return EventRecord.from_dict(ev.to_dict()).to_dict() == ev.to_dict()


def test_title_without_titles_is_a_label():
    a = DocumentRecord(id="a", officials=[off("Graeme Biggar", "Director General")], organisations=[Organisation(id="O1", name="National Crime Agency", acronym="NCA")], keywords=["images", "jail"])
    ev = build_event("ev-0001", [a], {})
    assert ev.title == "Graeme Biggar; NCA; images, jail"


def test_natural_key_orders_numbers():
    assert sorted(["1_10ecb", "1_2ecb", "10_1ecb"], key=natural_key) == ["1_2ecb", "1_10ecb", "10_1ecb"]
