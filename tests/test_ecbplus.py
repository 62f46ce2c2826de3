"""ECB+ evaluation: documents from tokens, B-cubed scoring, a smoke run on two topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.evaluate.ecbplus import DEV_TOPICS, detokenise, evaluate, load_documents, main, parse_topics, read_document, score_clustering
from extractors.records import EventRecord


def test_bcubed_on_a_toy_clustering():
    gold = {"a": "t1", "b": "t1", "c": "t2", "d": "t2"}
    events = [EventRecord(event_id="e1", doc_ids=["a", "b", "c"]), EventRecord(event_id="e2", doc_ids=["d"])]
    s = score_clustering(events, gold)
    assert s["p"] == pytest.approx(100 * (2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert s["r"] == pytest.approx(75.0)
    assert s["f1"] == pytest.approx(2 * s["p"] * s["r"] / (s["p"] + s["r"]))
    perfect = score_clustering([EventRecord(event_id="x", doc_ids=["a", "b"]), EventRecord(event_id="y", doc_ids=["c", "d"])], gold)
    assert perfect["f1"] == pytest.approx(100.0)
    # a document the reconciler never saw is its own cluster
    assert score_clustering([EventRecord(event_id="x", doc_ids=["a", "b", "c"])], gold)["r"] == pytest.approx(75.0)


@pytest.mark.parametrize(
    "tokens,text",
    [
        (["Reid", "'s", "rep", "said", ":", "``", "We", "appreciate", "it", "''", "."], 'Reid\'s rep said: "We appreciate it".'),
        (["(", "AP", ")", "Prices", "rose", "5", "%", ",", "he", "did", "n't", "say", "."], "(AP) Prices rose 5%, he didn't say."),
    ],
)
def test_detokenise(tokens, text):
    assert detokenise(tokens) == text


def test_parse_topics():
    assert parse_topics("1-3,5, 7-8") == {1, 2, 3, 5, 7, 8}
    assert DEV_TOPICS == {2, 5, 12, 18, 21, 23, 34, 35}


def _write(path: Path, sentences):
    toks = []
    n = 1
    for s, words in enumerate(sentences):
        for w in words:
            toks.append(f'<token t_id="{n}" sentence="{s}" number="{n}">{w}</token>')
            n += 1
    path.write_text(f'<Document doc_name="{path.name}">{"".join(toks)}</Document>', encoding="utf-8")


def test_documents_from_tokens(tmp_path):
    topic = tmp_path / "ECB+" / "3"
    topic.mkdir(parents=True)
    _write(topic / "3_1ecb.xml", [["Quake", "hits", "town"], ["Two", "died", "."]])
    _write(topic / "3_1ecbplus.xml", [["http", ":", "//x.com"], ["Another", "quake", "."]])
    assert read_document(topic / "3_1ecbplus.xml") == "Another quake."
    docs = load_documents(tmp_path)
    assert docs == [("3_1ecb", "Quake hits town\nTwo died.", "3_ecb"), ("3_1ecbplus", "Another quake.", "3_ecbplus")]
    with pytest.raises(FileNotFoundError):
        load_documents(tmp_path, [4])
    assert main([str(tmp_path / "missing")]) == 2


@pytest.mark.model
def test_smoke_two_topics_bare(shared_dir, tmp_path):
    """The base model's entities and keywords alone already separate two topics' events."""
    scores = evaluate(shared_dir / "corpora" / "ecbplus", topics=[1, 3], bare=True, cache_dir=tmp_path)
    assert scores["all"]["docs"] == len(list((shared_dir / "corpora" / "ecbplus" / "ECB+").glob("[13]/*.xml")))
    assert scores["all"]["f1"] >= 80.0
    # the cache is used on the second run
    assert len(list(tmp_path.glob("ecbplus-bare-*.jsonl"))) == 1


@pytest.mark.model
def test_smoke_two_topics_pipeline(shared_dir, tmp_path):
    try:
        from extractors.pipeline import load

        load()
    except ImportError as err:  # the components are not installed in this checkout
        pytest.skip(f"pipeline components unavailable: {err}")
    scores = evaluate(shared_dir / "corpora" / "ecbplus", topics=[1, 3], cache_dir=tmp_path)
    assert scores["all"]["f1"] >= 80.0
