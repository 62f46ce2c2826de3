import pytest

from extractors import schema
from extractors.records import DocumentRecord


@pytest.mark.parametrize("kind", ["document", "event", "error"])
def test_shipped_schema_matches_the_dataclasses(kind):
    # regenerate with: python -m extractors.schema
    assert schema.shipped(kind) == schema.schema_for(kind)


def test_schema_describes_contract_fields():
    s = schema.schema_for("document")
    assert {"id", "published", "officials", "organisations", "dates", "claims"} <= set(s["properties"])
    claim = s["$defs"]["Claim"]["properties"]
    assert claim["value"]["type"] == ["number", "null"]
    assert claim["approximate"]["type"] == "boolean"


def test_records_validate_against_schema():
    jsonschema = pytest.importorskip("jsonschema")
    rec = DocumentRecord(id="a", published=None)
    jsonschema.validate(rec.to_dict(), schema.schema_for("document"))
    bad = rec.to_dict()
    bad["claims"] = [{"text": "1"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema.schema_for("document"))
