"""sent_of gives what Token.sent gives."""

import spacy

from extractors.components.sentences import forget, sent_of


def _doc(text):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def test_same_as_token_sent():
    doc = _doc("One two. Three four five! Six? Seven eight nine ten.")
    for tok in doc:
        assert sent_of(doc, tok.i) == tok.sent


def test_switches_between_documents():
    a, b = _doc("Aa bb. Cc dd."), _doc("Ee. Ff gg hh. Ii.")
    for _ in range(2):
        for doc in (a, b):
            assert [sent_of(doc, t.i).start for t in doc] == [t.sent.start for t in doc]


def test_forget_rebuilds():
    doc = _doc("Aa bb. Cc dd.")
    assert sent_of(doc, 3).start == 3
    forget()
    assert sent_of(doc, 0).start == 0
