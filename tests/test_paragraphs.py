import pytest
import spacy

from extractors.components.paragraphs import Paragraphs


def test_line_breaks_start_sentences():
    nlp = spacy.blank("en")
    doc = nlp("Headline here\n13 December 2023, 17:54\n\nThe body starts. It goes on")
    doc = Paragraphs(nlp)(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Headline", "13", "The"]


@pytest.mark.model
def test_runs_before_the_parser_in_the_pipeline(nlp):
    assert nlp.pipe_names.index("paragraphs") < nlp.pipe_names.index("parser")
    doc = nlp("Police chief warns on knife crime\n7 March 2024\nThe chief constable said crime rose.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Police chief warns on knife crime", "7 March 2024"]
