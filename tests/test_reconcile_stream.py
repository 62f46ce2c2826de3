"""Streaming reconciliation: a sliding time window in bounded memory."""

from __future__ import annotations

import json

import pytest

from extractors.evaluate.reconcile_scale import StreamingBCubed, synthetic_records, synthetic_stream
from extractors.evaluate.metrics import bcubed
from extractors.records import Claim, DocumentRecord, Official, Organisation
from extractors.reconcile import StreamReconciler, reconcile, reconcile_jsonl, reconcile_stream
from extractors.reconcile.blocking import BlockingIndex
from extractors.reconcile.similarity import Stats, profile


def rec(doc_id, published=None, people=(), orgs=(), figures=(), keywords=()):
    return DocumentRecord(
        id=doc_id,
        published=published,
        officials=[Official(id=f"P{i}", name=n, title="director") for i, n in enumerate(people)],
        organisations=[Organisation(id=f"O{i}", name=n, acronym=a) for i, (n, a) in enumerate(orgs)],
        claims=[Claim(id=f"C{i}", text=f"{v} {u}", start=0, end=5, value=v, unit=u, sentence=f"{v} {u}") for i, (v, u) in enumerate(figures)],
        keywords=list(keywords),
    )


NCA = dict(people=["Graeme Biggar"], orgs=[("National Crime Agency", "NCA")], figures=[(830000, "adults"), (80, "percent")], keywords="images children offenders nca biggar".split())
QUAKE = dict(people=["Maria Lopez"], figures=[(6.1, "magnitude")], keywords="earthquake magnitude coast tsunami".split())


def small():
    return [
        rec("nca-a", "2023-12-13", **NCA),
        rec("nca-b", "2023-12-14", **NCA),
        rec("nca-u", None, **NCA),
        rec("quake-a", "2023-12-14", **QUAKE),
        rec("quake-b", "2023-12-15", **QUAKE),
    ]


def doc_groups(events):
    return sorted(tuple(e.doc_ids) for e in events)


def test_one_window_gives_the_batch_events():
    recs = small()
    streamed = list(reconcile_stream(recs))
    assert doc_groups(streamed) == doc_groups(reconcile(recs)) == [("nca-a", "nca-b", "nca-u"), ("quake-a", "quake-b")]
    assert [e.event_id for e in streamed] == ["ev-0001", "ev-0002"]


@pytest.mark.parametrize(
    "gap_days,joined",
    [
        (0, True),  # the undated report arrives with the event: it joins
        (45, False),  # it arrives after the event closed: a new event (the window's documented loss)
    ],
)
def test_undated_record_joins_only_open_events(gap_days, joined):
    from datetime import date, timedelta

    start = date(2023, 12, 13)
    recs = [rec("nca-a", start.isoformat(), **NCA), rec("nca-b", (start + timedelta(days=1)).isoformat(), **NCA)]
    recs += [rec(f"other{i}", (start + timedelta(days=i)).isoformat(), people=[f"Person{i} Name{i}"], keywords=[f"w{i}", f"v{i}"]) for i in range(1, gap_days + 1)]
    recs.append(rec("nca-u", None, **NCA))
    events = list(reconcile_stream(recs))
    nca = [e for e in events if any(d.startswith("nca") for d in e.doc_ids)]
    assert (len(nca) == 1) is joined
    assert sorted(d for e in nca for d in e.doc_ids) == ["nca-a", "nca-b", "nca-u"]


def test_state_stays_bounded_on_a_long_stream():
    s = StreamReconciler()
    live = []
    out = []
    for r, _, _ in synthetic_stream(6000, per_day=60):
        out.extend(s.feed(r))
        live.append(len(s.reconciler))
    out.extend(s.finish())
    # 100 days of records; the window holds about horizon + step = 30 days (+ a day of slack)
    assert max(live) <= 60 * 34
    assert max(live[-1000:]) <= max(live[2500:3500]) + 60 * 2  # no growth with the stream's length
    assert len(s.reconciler) == 0 and not s.reconciler.links and not s.reconciler.index.postings
    assert sorted(d for e in out for d in e.doc_ids) == [f"d{i:07d}" for i in range(6000)]
    assert len({e.event_id for e in out}) == len(out)


def test_stream_recovers_the_synthetic_events_like_batch():
    recs, gold = synthetic_records(3000, per_day=50)
    streamed = {d: e.event_id for e in reconcile_stream(recs) for d in e.doc_ids}
    batch = {d: e.event_id for e in reconcile(recs) for d in e.doc_ids}
    f_stream, f_batch = bcubed(gold, streamed)[2], bcubed(gold, batch)[2]
    assert f_stream >= 0.95 and abs(f_stream - f_batch) < 0.01


def test_streaming_bcubed_equals_bcubed():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    pred = [["a", "b", "c"], ["d"], ["e"]]
    s = StreamingBCubed()
    for d, g in gold.items():
        s.record(d, g, sum(1 for v in gold.values() if v == g))
    for ev in pred:
        s.event(ev)
    p, r, f = bcubed(gold, {d: i for i, ev in enumerate(pred) for d in ev})
    assert s.scores() == pytest.approx((p, r, f))


def test_index_and_stats_forget_removed_documents():
    docs = [rec(f"d{i}", "2023-12-13" if i % 3 else None, orgs=[("Police", None)], people=["Graeme Biggar"], keywords=["police", f"unique{i}"]) for i in range(12)]
    profs = [profile(r, i) for i, r in enumerate(docs)]
    index = BlockingIndex(max_key_docs=5)
    st = Stats()
    for p in profs:
        index.add(p)
        st.add(p)
    assert index.common_count
    for p in profs:
        index.remove(p.index)
        st.remove(p)
    assert not index.postings and not index.buckets and not index.common_count and not index.published and len(index) == 0
    assert st.n == 0 and not st.df


def test_jsonl_batch_and_stream_paths(tmp_path):
    recs = small()
    order = [recs[3], recs[2], recs[0], recs[4], recs[1]]  # not in date order; undated in the middle
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in order) + "\n", encoding="utf-8")
    for limit in (10, 0):  # the batch path, and the streamed path
        written = []
        counts = reconcile_jsonl(path, written.append, batch_limit=limit)
        assert counts["documents"] == 5 and counts["events"] == 2 and counts["multi_document_events"] == 2
        assert doc_groups(written) == doc_groups(reconcile(recs))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no id"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="id"):
        reconcile_jsonl(bad, print)


def test_bad_horizon_raises():
    with pytest.raises(ValueError, match="horizon"):
        StreamReconciler(horizon=3)
