"""The bundled corpus is well-formed: offsets index the texts, ids line up, the counts the
project promises hold, and no article repeats a seed article's wording."""

import json
import re
from collections import Counter

import pytest


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    return _rows(corpus_dir / "articles.jsonl"), _rows(corpus_dir / "gold.jsonl"), _rows(corpus_dir / "events.jsonl")


def test_counts(corpus):
    articles, gold, events = corpus
    assert len(articles) >= 30
    assert len(events) >= 8
    assert sum(1 for e in events if len(e["doc_ids"]) >= 2) >= 5
    assert len({a["source"] for a in articles}) >= 3
    assert any(c["status"] == "conflict" for e in events for c in e["claims"])


def test_ids_line_up(corpus):
    articles, gold, events = corpus
    assert [a["id"] for a in articles] == [g["id"] for g in gold]
    assert len({a["id"] for a in articles}) == len(articles)
    in_events = Counter(d for e in events for d in e["doc_ids"])
    assert set(in_events) == {a["id"] for a in articles} and max(in_events.values()) == 1
    by_event = {e["event_id"]: set(e["doc_ids"]) for e in events}
    for g in gold:
        assert g["id"] in by_event[g["event"]]


def test_every_gold_span_indexes_its_text(corpus):
    articles, gold, _ = corpus
    texts = {a["id"]: a["text"] for a in articles}
    for g in gold:
        t = texts[g["id"]]
        for kind in ("dates", "claims", "quotes"):
            for item in g.get(kind, []):
                assert t[item["start"]:item["end"]] == item["text"], (g["id"], kind, item)


def test_event_claim_keys_exist(corpus):
    _, gold, events = corpus
    keys = {(g["id"], c["key"]) for g in gold for c in g["claims"] if "key" in c}
    for e in events:
        for c in e["claims"]:
            assert c["status"] in {"agreed", "variant", "conflict", "single-source"}
            for d in c["doc_ids"]:
                assert (d, c["key"]) in keys, (e["event_id"], c["key"], d)


def _shingles(text, n=12):
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_own_words_no_seed_sentence_reused(corpus, seed_texts):
    articles, _, _ = corpus
    seed = set().union(*(_shingles(t) for t in seed_texts.values()))
    for a in articles:
        shared = _shingles(a["text"]) & seed
        assert not shared, (a["id"], sorted(shared)[:2])
