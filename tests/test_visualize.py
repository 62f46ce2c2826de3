import spacy
from spacy.tokens import Span

from extractors.visualize import VIEW_KEY, combined_spans, render


def test_render_shows_overlapping_spans_of_every_key():
    nlp = spacy.blank("en")
    doc = nlp("Director General Graeme Biggar said 80% avoid jail in 2022.")
    doc.spans["officials"] = [Span(doc, 0, 4, label="OFFICIAL")]
    doc.spans["claims"] = [Span(doc, 5, 7, label="CLAIM")]
    doc.spans["dates"] = [Span(doc, 10, 11, label="DATE"), Span(doc, 10, 11, label="DATE")]
    group = combined_spans(doc)
    assert [(s.text, s.label_) for s in group] == [("Director General Graeme Biggar", "OFFICIAL"), ("80%", "CLAIM"), ("2022", "DATE")]
    html = render(doc)
    assert "OFFICIAL" in html and "CLAIM" in html and "DATE" in html
    assert VIEW_KEY in doc.spans
