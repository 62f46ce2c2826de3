"""Quotes: quotation-mark logic on a blank pipeline; speakers on the model and the seed articles."""

from __future__ import annotations

import pytest
import spacy

from extractors import extensions
from extractors.components.quotes import Quotes


def _spans(text):
    nlp = spacy.blank("en")
    q = Quotes(nlp, indirect=False, max_quote_chars=3000)
    return [(text[a:b], cont) for a, b, cont in q._direct(nlp.make_doc(text))]


@pytest.mark.parametrize("text,expected", [
    ('She said: "We will act." Then she left.', [("We will act.", False)]),
    ("He called it “striking” and “wrong”.", [("striking", False), ("wrong", False)]),
    # a paragraph that opens a quote and does not close it; the next one continues it
    ('He said: "First part.\n\n"Second part."\nAfter.', [("First part.", False), ("Second part.", True)]),
    # a curly opening mark inside an open curly quote closes the previous quote
    ("A spokesperson said: “One. “Two.”", [("One. ", False), ("Two.", True)]),
    ("No quotes here, only the NCA’s figures.", []),
])
def test_direct_quote_marks(text, expected):
    assert _spans(text) == expected


def test_unbalanced_mark_does_not_swallow_the_article():
    text = 'He said "this\n' + "x " * 2000
    nlp = spacy.blank("en")
    q = Quotes(nlp, indirect=False, max_quote_chars=100)
    assert all(b - a <= 100 for a, b, _ in q._direct(nlp.make_doc(text)))


# --------------------------------------------------------------------------- with the model


def _quotes(nlp, text):
    doc = nlp(text)
    return doc, extensions.get_records(doc, "quotes"), extensions.get_records(doc, "officials") + extensions.get_records(doc, "persons")


def _seed(seed_texts, prefix):
    return next(t for k, t in seed_texts.items() if k.startswith(prefix))


def _quote(quotes, start_of_text):
    hits = [q for q in quotes if q.text.startswith(start_of_text)]
    assert hits, f"no quote starting {start_of_text!r} in {[q.text[:30] for q in quotes]}"
    return hits[0]


@pytest.mark.model
@pytest.mark.parametrize("seed,quote,speaker,direct", [
    ("000", "striking", "Graeme Biggar", True),
    ("000", "These platforms are very secure", "Rob Jones", True),
    ("000", "underplayed", "Rob Jones", True),
    ("000", "We are committed to tackling", "government spokesperson", True),
    ("000", "We have also increased sentences", "government spokesperson", True),
    ("002", "as insidious a crime", "Robert Buckland", True),
    ("002", "I'm talking about people", "Robert Buckland", True),
    ("002", "Online child sexual exploitation is sickening", "Ministry of Justice", True),
    ("002", "However, sentencing is a matter", "Ministry of Justice", True),
    ("002", "As set out in the manifesto", "Attorney General's Office", True),
    ("003", "The idea that every single one", "Keith Bristow", True),
    ("004", "These figures confirm", "Jon Brown", True),
    ("004", "While it's positive", "Jon Brown", True),
    ("004", "It's not unusual now", "Jon Brown", True),
    ("004", "While the statistics show", "Jon Brown", True),
    ("004", "All sexual offences are abhorrent", "Ministry of Justice", True),
])
def test_seed_quote_speakers(nlp, seed_texts, seed, quote, speaker, direct):
    text = _seed(seed_texts, seed)
    _, quotes, people = _quotes(nlp, text)
    q = _quote(quotes, quote)
    assert (q.speaker, q.direct) == (speaker, direct)
    assert text[q.start:q.end] == q.text
    if q.speaker_id and q.speaker_id.startswith("P"):
        assert {p.id: p.name for p in people}[q.speaker_id] == speaker


@pytest.mark.model
def test_indirect_speech_and_pronoun_speaker(nlp):
    text = ("Home Secretary Jane Hale said that the scheme would be extended to every force. "
            "She told reporters the first results were encouraging.")
    _, quotes, people = _quotes(nlp, text)
    hale = next(p for p in people if p.name == "Jane Hale")
    first = _quote(quotes, "the scheme would be extended")
    assert (first.speaker, first.speaker_id, first.cue, first.direct) == ("Jane Hale", hale.id, "said", False)
    second = _quote(quotes, "the first results")
    assert (second.speaker, second.cue) == ("Jane Hale", "told")


@pytest.mark.model
def test_quote_after_the_attribution_and_ids(nlp):
    text = '"We will not stop until the site is closed," said Detective Inspector Omar Said of Thames Valley Police.'
    doc, quotes, _ = _quotes(nlp, text)
    q = _quote(quotes, "We will not stop")
    assert q.speaker == "Omar Said" and q.cue == "said" and q.id == "Q1"
    assert [s.label_ for s in doc.spans["quotes"]] == ["QUOTE"]


@pytest.mark.model
@pytest.mark.parametrize("text,quote,speaker", [
    # the same paragraph goes on quoting the same person
    ('"There is no offence," Mr Dunn said. "If Parliament wanted it, it should have said so."', "If Parliament", "Dunn"),
    ('Mr Howard said his team had reached a "collective view" after holding a "good discussion", but admitted '
     'it was "not an easy issue".', "good discussion", "Howard"),
    # ... unless someone else is named in between
    ('"We will win," Mr Dunn said. Ms Lee disagreed. "They will lose."', "They will lose", None),
])
def test_quotes_that_follow_in_a_paragraph(nlp, text, quote, speaker):
    _, quotes, _ = _quotes(nlp, text)
    assert _quote(quotes, quote).speaker == speaker


@pytest.mark.model
@pytest.mark.parametrize("text,quote,speaker", [
    # the speaker named in reported speech goes on in the next quote of the paragraph
    ('Maria Keane, from the trust, said the ward would reopen. "We owe it to the patients."', "We owe it", "Maria Keane"),
    # a headline before the first line does not hide the speaker ("he" is the man named above)
    ('No debate, says Blair\n\nTony Blair has said he will not take part in a debate.\n\n'
     '"We answer this every campaign," he said.', "We answer this", "Tony Blair"),
    # a spokesman's phrase is written as in the text
    ('"The claims are false," the singer\'s spokesman said.', "The claims are false", "singer's spokesman"),
    # the subject of a relative clause is the noun the clause is on
    ('The ICO had announced its intention to fine the company £183.39m in July last year. Elizabeth Denham, who '
     'leads the ICO as information commissioner, called the airline\'s failure to act "careless" and said it had '
     'affected thousands of people.', "careless", "Elizabeth Denham"),
])
def test_speakers_in_context(nlp, text, quote, speaker):
    _, quotes, _ = _quotes(nlp, text)
    assert _quote(quotes, quote).speaker == speaker


@pytest.mark.model
def test_it_goes_on_only_a_body(nlp):
    text = ("Chief executive Tom Hale said the plan was working. It raised its dividend and said it would buy "
            "back shares.")
    _, quotes, _ = _quotes(nlp, text)
    assert _quote(quotes, "it would buy back").speaker != "Tom Hale"


@pytest.mark.model
def test_a_title_is_not_a_missed_name(nlp):
    _, quotes, _ = _quotes(nlp, "The Indonesian Economics Minister explained that the fund was for rebuilding.")
    assert not any(q.speaker == "Economics Minister" for q in quotes)


@pytest.mark.model
def test_a_definite_title_with_no_name_is_the_speaker(nlp):
    _, quotes, _ = _quotes(nlp, '"We will act," the home secretary said.')
    q = _quote(quotes, "We will act")
    assert (q.speaker, q.speaker_id) == ("home secretary", None)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Tom Hale was jailed for life on Monday, and told he must serve at least 42 years before release.",
    "Tom Hale was told that he must serve at least 42 years before release.",
])
def test_the_one_told_is_not_the_speaker(nlp, text):
    _, quotes, _ = _quotes(nlp, text)
    assert not any(q.speaker == "Tom Hale" for q in quotes)
