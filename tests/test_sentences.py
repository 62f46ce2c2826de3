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


def test_text_of_is_the_doc_text_and_follows_the_doc():
    import spacy

    from extractors.components.sentences import text_of

    nlp = spacy.blank("en")
    a, b = nlp("First text here."), nlp("Another one.")
    assert text_of(a) == a.text and text_of(b) == b.text and text_of(a) == a.text


def test_positions_of_lower_case_words():
    import spacy

    from extractors.components.sentences import positions_of

    doc = spacy.blank("en")("He said she Said it.")
    assert positions_of(doc, {"said"}) == [1, 3]
    assert positions_of(doc, {"he", "she"}) == [0, 2]
    assert positions_of(doc, {"nobody"}) == []


def test_sentence_before_skips_whitespace_and_stops_at_the_start():
    from extractors.components.sentences import sentence_before

    doc = _doc("One two.\n\nThree four.")
    second = list(doc.sents)[-1]
    assert sentence_before(doc, second.start).text.strip() == "One two."
    assert sentence_before(doc, 0) is None
