import pytest
import spacy

from extractors.components.paragraphs import Paragraphs


def test_line_breaks_start_sentences():
    nlp = spacy.blank("en")
    doc = nlp("Headline here\n13 December 2023, 17:54\n\nThe body starts. It goes on")
    doc = Paragraphs(nlp)(doc)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Headline", "13", "The"]


def test_the_second_word_of_a_line_never_starts_a_sentence():
    nlp = spacy.blank("en")
    doc = Paragraphs(nlp)(nlp("Cup hopes fade\n\nGraeme Souness believes the side can recover."))
    i = next(t.i for t in doc if t.text == "Graeme")
    assert doc[i].is_sent_start and doc[i + 1].text == "Souness" and doc[i + 1].is_sent_start is False
    # the first line of the text too
    doc = Paragraphs(nlp)(nlp("Jane Smith wins\nBody."))
    assert doc[1].is_sent_start is False


@pytest.mark.model
def test_a_name_after_a_headline_stays_whole(nlp):
    # the parser used to cut "Tony" | "Blair has said ..." after a headline, which also kept
    # the entity recogniser from seeing the name
    doc = nlp("No debate, says Blair\n\nTony Blair has said he will not take part in a debate.")
    assert [s.text.strip() for s in doc.sents][1].startswith("Tony Blair has said")
    assert "Tony Blair" in [e.text for e in doc.ents]


@pytest.mark.model
def test_runs_before_the_parser_in_the_pipeline(nlp):
    assert nlp.pipe_names.index("paragraphs") < nlp.pipe_names.index("parser")
    doc = nlp("Police chief warns on knife crime\n7 March 2024\nThe chief constable said crime rose.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Police chief warns on knife crime", "7 March 2024"]


def test_tables_and_capitals_lines_are_left_to_the_parser():
    nlp = spacy.blank("en")
    doc = Paragraphs(nlp)(nlp("SOCCER - LEEDS BEAT CHELSEA\nLeeds 2 Chelsea 1\nThe home side won."))
    second = {t.text: t.is_sent_start for t in doc}
    # no lower-case word on the line: the second token is not forced either way
    assert doc[1].is_sent_start is None
    assert second["2"] is None
