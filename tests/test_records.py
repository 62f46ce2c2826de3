import json

import pytest

from extractors.records import (
    Claim,
    DocumentRecord,
    EventClaim,
    EventRecord,
    Mention,
    Official,
    Organisation,
    Role,
    TimeExpression,
)


def _doc():
    return DocumentRecord(
        id="a",
        published="2023-12-13",
        published_source="text",
        officials=[Official(id="P1", name="Graeme Biggar", title="Director General", organisation="National Crime Agency",
                            mentions=[Mention(10, 23, "Graeme Biggar")], roles=[Role("Director General", "National Crime Agency")])],
        organisations=[Organisation(id="O1", name="National Crime Agency", acronym="NCA", aliases=["NCA"], mentions=[Mention(0, 3, "NCA")])],
        dates=[TimeExpression(text="last year", start=1, end=10, type="DATE", value="2022", anchored=True)],
        claims=[Claim(id="C1", text="80%", start=5, end=8, value=80.0, unit="percent")],
    )


def test_round_trip_through_json():
    doc = _doc()
    data = json.loads(json.dumps(doc.to_dict()))
    back = DocumentRecord.from_dict(data)
    assert back == doc
    assert isinstance(back.officials[0].mentions[0], Mention)
    assert isinstance(back.officials[0].roles[0], Role)


def test_from_dict_ignores_unknown_fields():
    data = _doc().to_dict()
    data["added_in_a_later_version"] = 1
    data["claims"][0]["another_new_field"] = "x"
    assert DocumentRecord.from_dict(data) == _doc()


def test_contract_field_names():
    d = _doc().to_dict()
    for key in ("id", "published", "officials", "organisations", "dates", "claims"):
        assert key in d
    assert set(d["officials"][0]) >= {"name", "title", "organisation", "mentions"}
    assert set(d["organisations"][0]) >= {"name", "acronym", "aliases", "mentions"}
    assert set(d["dates"][0]) >= {"text", "start", "end", "type", "value"}
    assert set(d["claims"][0]) >= {"text", "start", "end", "value", "low", "high", "unit", "approximate", "sentence"}
    ev = EventRecord(event_id="ev-1", doc_ids=["a"], claims=[EventClaim(id="1", value=80.0, low=None, high=None, unit="percent", doc_ids=["a"], status="single-source")]).to_dict()
    assert set(ev) >= {"event_id", "doc_ids", "officials", "organisations", "claims"}
    assert set(ev["claims"][0]) >= {"value", "low", "high", "unit", "doc_ids", "status"}


def test_mutable_defaults_are_not_shared():
    a, b = DocumentRecord(id="a"), DocumentRecord(id="b")
    a.claims.append(Claim(id="C1", text="1", start=0, end=1))
    assert b.claims == []


@pytest.mark.parametrize("cls", [DocumentRecord, EventRecord])
def test_schema_version_present(cls):
    rec = cls(id="x") if cls is DocumentRecord else cls(event_id="x", doc_ids=[])
    assert rec.to_dict()["schema_version"] == "1"
