"""AnchoredMatcher finds exactly what the Matcher finds on the whole document."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher

from extractors.components.anchors import AnchoredMatcher

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpora" / "bbc-news"


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _in_order(matches):
    """Without a greedy filter the anchored matcher gives the matches sorted by start, end
    and key (its patterns are split by anchor); the set is the Matcher's."""
    return sorted(set(matches), key=lambda m: (m[1], m[2]))


def _pair(nlp, patterns, greedy=None, greedy_anchor=False, **kw):
    m = Matcher(nlp.vocab)
    for key, pats in patterns.items():
        m.add(key, pats, greedy=greedy)
    return m, AnchoredMatcher(m, patterns, greedy=greedy if greedy_anchor else None, **kw)


PATTERNS = {
    "DUR": [[{"LIKE_NUM": True}, {"LOWER": {"IN": ["year", "years", "second"]}}]],
    "REF": [[{"LOWER": "the"}, {"LOWER": {"IN": ["past", "future"]}}]],
    "OPT": [[{"LOWER": "every"}, {"LOWER": "other", "OP": "?"}, {"LOWER": {"IN": ["week", "day"]}}]],
    "SHAPE": [[{"SHAPE": "dddd"}, {"ORTH": "/"}, {"SHAPE": "dd"}]],
}


@pytest.mark.parametrize("text", [
    "In the past two years, every other week, spending in 2016/17 fell for 3 years.",
    "the the the past future every day every other day 1 second 2 years",
    "",
    "No match here at all.",
    "years 10 years 10 years 10",
])
def test_same_matches_as_the_whole_document(blank, text):
    m, am = _pair(blank, PATTERNS, common=["past", "second"], very_common=["the", "every"])
    doc = blank(text)
    assert am(doc) == _in_order(m(doc))


@pytest.mark.parametrize("greedy", ["LONGEST", "FIRST"])
def test_greedy_filters_in_the_matchers_order(blank, greedy):
    cap, head = {"IS_TITLE": True}, {"LOWER": {"IN": ["agency", "office"]}}
    pats = {"CAP": [[cap, head], [cap, cap, head], [cap, cap, cap, head]]}
    m, am = _pair(blank, pats, greedy=greedy, greedy_anchor=True)
    doc = blank("The National Crime Agency and the Home Office said the Foreign Office and Border Agency agreed.")
    assert am(doc) == m(doc) and len(m(doc)) == 4


def test_unbounded_patterns_match_the_whole_document(blank):
    pats = {"CAP": [[{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["agency", "office"]}}]]}
    m, am = _pair(blank, pats, greedy="LONGEST", greedy_anchor=True)
    doc = blank("The Very Long Named National Crime Agency said.")
    assert am.unbounded and am(doc) == m(doc)


def test_anchor_choice_avoids_common_words(blank):
    _, am = _pair(blank, PATTERNS, common=["past", "second"], very_common=["the", "every"])
    assert "the" not in am.words and "every" not in am.words
    assert {"past", "future", "week", "day"} <= am.words and "dddd" in am.shapes


def test_windows_are_disjoint_and_ordered(blank):
    _, am = _pair(blank, PATTERNS)
    doc = blank("a b c 2 years d e f g h i j k l m n o the past p q")
    ws = am.windows(doc)
    assert ws == sorted(ws) and all(a[1] < b[0] for a, b in zip(ws, ws[1:]))


def test_a_pattern_without_an_anchor_is_refused(blank):
    m = Matcher(blank.vocab)
    with pytest.raises(ValueError):
        AnchoredMatcher(m, {"X": [[{"IS_TITLE": True}, {"IS_PUNCT": True}]]})


@pytest.mark.model
def test_components_match_as_on_the_whole_document_on_real_text(nlp):
    """The dates and organisation-head matchers, anchored, against the plain Matcher, on the
    bundled corpus and (when ../shared is there) a slice of the BBC News articles."""
    texts = [json.loads(line)["text"] for line in (ROOT / "corpus" / "articles.jsonl").open(encoding="utf-8")]
    if BBC.is_dir():
        files = sorted(BBC.rglob("*.txt"))[::25]
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in files if p.name.upper() != "README.TXT"]
    ours = [n for n in ("dateline", "organisations", "officials", "quotes", "dates", "claims") if n in nlp.pipe_names]
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe(texts, batch_size=16))
    dates = nlp.get_pipe("dates")._anchors
    heads = nlp.get_pipe("organisations")._setup()[2]
    for doc in docs:
        assert dates(doc) == sorted(set(dates.matcher(doc)), key=lambda m: (m[1], m[2], dates._key_rank[m[0]]))
        assert heads(doc) == heads.matcher(doc)
