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


# --------------------------------------------------------------------------- claim time and source


def test_every_gold_claim_has_time_and_source(corpus):
    _, gold, _ = corpus
    for g in gold:
        dates = {d["value"] for d in g["dates"]}
        names = {o["name"] for o in g["organisations"]} | {o["name"] for o in g["officials"]}
        for c in g["claims"]:
            assert list(c)[-2:] == ["time", "source"], (g["id"], c["text"])
            # the time is valued as the article's gold dates value the expression it comes from
            assert c["time"] is None or c["time"] in dates, (g["id"], c["text"], c["time"])
            # a named source is a gold organisation or official; an unnamed one is a lower-case phrase
            s = c["source"]
            assert s is None or s in names or (s == s.lower() and not s.startswith("the ")), (g["id"], c["text"], s)


def test_same_time():
    from extractors.evaluate.corpus import same_time

    assert same_time("2022", "2022") and same_time(None, None) and same_time(None, "")
    assert not same_time("2022", None) and not same_time(None, "2022") and not same_time("2022-10", "2022")


GOLD_ORGS = [{"name": "National Crime Agency", "acronym": "NCA"}, {"name": "Ministry of Justice", "acronym": None, "aliases": ["Justice Ministry"]}]


@pytest.mark.parametrize("gold, pred, same", [
    ("National Crime Agency", "national crime agency", True),  # case
    ("National Crime Agency", "the National Crime Agency", True),  # leading 'the'
    ("National Crime Agency", "NCA", True),  # the article's gold acronym
    ("Ministry of Justice", "the Justice Ministry", True),  # a gold alias
    ("government spokesperson", "Government spokesperson", True),
    ("Graeme Biggar", "Graeme Biggar", True),
    (None, None, True),  # nobody cited, on both sides
    (None, "National Crime Agency", False),
    ("National Crime Agency", None, False),
    ("National Crime Agency", "Ministry of Justice", False),
    ("Ministry of Justice", "NCA", False),  # another organisation's acronym
    ("Graeme Biggar", "Rob Jones", False),
])
def test_same_source(gold, pred, same):
    from extractors.evaluate.corpus import same_source

    assert same_source(gold, pred, GOLD_ORGS) is same


def test_same_source_acronym_only_from_the_articles_gold():
    from extractors.evaluate.corpus import same_source

    assert not same_source("National Crime Agency", "NCA", [])


def test_score_claim_attributes_without_the_model():
    from extractors.evaluate.corpus import claim_attribute_errors, score_claim_attributes
    from extractors.records import Claim, DocumentRecord

    gold = {"id": "d", "organisations": GOLD_ORGS, "claims": [
        {"text": "80%", "start": 0, "end": 3, "value": 80, "time": None, "source": "National Crime Agency"},
        {"text": "2,087 people", "start": 10, "end": 22, "value": 2087, "time": "2022", "source": "Ministry of Justice"},
        {"text": "609", "start": 30, "end": 33, "value": 609, "time": "2022", "source": None, "unit": "offenders"},
        {"text": "29%", "start": 40, "end": 43, "value": 29, "time": "2022", "source": None},  # not found: not scored
    ]}
    rec = DocumentRecord(id="d", claims=[
        Claim(id="C1", text="80%", start=0, end=3, value=80, source="NCA"),  # time right (both null), source right (acronym)
        Claim(id="C2", text="2,087", start=10, end=15, value=2087, time="2022", source="the ministry"),  # time right, source wrong
        Claim(id="C3", text="609", start=30, end=33, value=609, time="2023-12-13", source=None),  # time, unit wrong, source right
        Claim(id="C4", text="5", start=60, end=61, value=5, time="2022"),  # matches no gold claim: not scored
    ])
    scores = score_claim_attributes([(rec, gold)])
    assert (scores["claims_time"].tp, scores["claims_time"].fp, scores["claims_time"].fn) == (2, 1, 1)
    assert (scores["claims_source"].tp, scores["claims_source"].fp, scores["claims_source"].fn) == (2, 1, 1)
    assert scores["claims_time"].f1 == pytest.approx(2 / 3) and scores["claims_source"].p == pytest.approx(2 / 3)
    errors = claim_attribute_errors([(rec, gold)])
    assert [(e["text"], e["time"], e["source"], e["unit"]) for e in errors] == [
        ("2,087 people", None, ["Ministry of Justice", "the ministry"], None),
        ("609", ["2022", "2023-12-13"], None, ["offenders", None]),
    ]


def test_format_lists_claim_attribute_errors():
    from extractors.evaluate.corpus import format_scores

    acc = {"p": 0.5, "r": 0.5, "f1": 0.5}
    scores = {"claims_time": acc, "claims_source": acc, "events_exact": {"matched": 1, "gold": 1, "predicted": 1},
              "claim_status": {"correct": 1, "total": 2, "errors": {"agreed->split": 1},
                               "wrong": [{"key": "e1.jailed", "gold": "agreed", "predicted": "split"}]},
              "claim_attribute_errors": [{"doc_id": "d", "text": "609", "start": 30, "key": None, "time": ["2022", None], "time_text": None,
                                          "source": None, "unit": ["offenders", None], "sentence": "Of those, 609 were jailed."}]}
    out = format_scores(scores)
    assert "claims_time" in out and "claims_source" in out
    assert "d '609': time 2022 -> None; unit offenders -> None" in out and "Of those, 609 were jailed." in out
    assert "e1.jailed agreed -> split" in out


def test_entity_errors_list_officials_and_organisations_without_the_model():
    from extractors.evaluate.corpus import entity_errors, format_scores
    from extractors.records import DocumentRecord, Official, Organisation

    gold = {"id": "d", "organisations": [{"name": "National Crime Agency", "acronym": "NCA"}, {"name": "Home Office"}],
            "officials": [{"name": "Graeme Biggar", "title": "Director General", "organisation": "National Crime Agency"},
                          {"name": "Rob Jones", "title": "director", "organisation": "National Crime Agency"},
                          {"name": "Ann Rhys", "title": "Home Secretary", "organisation": None}]}
    rec = DocumentRecord(id="d", organisations=[Organisation(id="O1", name="NCA", acronym="NCA"),
                                                Organisation(id="O2", name="Downing Street")],
                         officials=[Official(id="P1", name="Graeme Biggar", title="Director General", organisation="NCA"),
                                    Official(id="P2", name="Rob Jones", title="chief", organisation="NCA"),
                                    Official(id="P3", name="Tom Reed", title="judge")])
    errors = entity_errors([(rec, gold)])
    assert [(e["kind"], e["gold"], e["system"]) for e in errors] == [
        ("official role", ("Rob Jones", "director", "National Crime Agency"), ("Rob Jones", "chief", "NCA")),
        ("official missed", ("Ann Rhys", "Home Secretary", None), None),
        ("official spurious", None, ("Tom Reed", "judge", None)),
        ("organisation missed", ("Home Office", None), None),
        ("organisation spurious", None, ("Downing Street", None)),
    ]
    acc = {"p": 1.0, "r": 1.0, "f1": 1.0}
    out = format_scores({"official_triples": acc, "events_exact": {"matched": 1, "gold": 1, "predicted": 1},
                         "claim_status": {"correct": 1, "total": 1, "errors": {}, "wrong": []}, "entity_errors": errors})
    assert "officials and organisations that differ from the gold: 5" in out and "d official spurious" in out


@pytest.mark.parametrize("gold,pred,same", [
    ("years", "year", True),
    ("percentage points", "percentage point", True),
    ("degrees celsius", "celsius", True),
    ("GBP", "GBP", True),
    ("people", "offenders", False),
    ("celsius", "fahrenheit", False),
    ("GBP", "GBP per month", True),
    ("GBP per month", "GBP", False),
    ("GBP", "USD per month", False),
    (None, None, True),
])
def test_same_unit(gold, pred, same):
    from extractors.evaluate.corpus import same_unit

    assert same_unit(gold, pred) is same
