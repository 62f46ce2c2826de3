import pytest
import spacy
from spacy.tokens import Doc, DocBin

from extractors import extensions
from extractors.records import Claim, TimeExpression


def test_register_is_idempotent_and_typed_views_work():
    extensions.register()
    extensions.register()
    nlp = spacy.blank("en")
    doc = nlp("80% of them.")
    assert doc._.claims == [] and doc._.published is None
    extensions.set_records(doc, "claims", [Claim(id="C1", text="80%", start=0, end=3, value=80.0, unit="percent")])
    [c] = doc._.claims
    assert isinstance(c, Claim) and c.value == 80.0
    assert extensions.get_data(doc, "claims")[0]["unit"] == "percent"


def test_records_survive_serialisation():
    nlp = spacy.blank("en")
    doc = nlp("Last year.")
    doc._.published = "2018-08-07"
    extensions.set_records(doc, "dates", [TimeExpression(text="Last year", start=0, end=9, type="DATE", value="2017")])
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.dates[0].value == "2017" and restored._.published == "2018-08-07"
    db = DocBin(store_user_data=True, docs=[doc])
    [back] = DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    assert back._.dates == doc._.dates


def test_foreign_extension_is_not_clobbered():
    name = "quotes"
    extensions.register()
    saved = Doc.get_extension(name)
    try:
        Doc.set_extension(name, getter=lambda d: "someone else's", force=True)
        with pytest.raises(ValueError, match="already registered"):
            extensions._set(name, False, getter=lambda d: [])
        assert spacy.blank("en")("x")._.quotes == "someone else's"
    finally:
        Doc.set_extension(name, getter=saved[2], force=True)
