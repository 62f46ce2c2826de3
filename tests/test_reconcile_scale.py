"""The scale benchmark runs as a module and its synthetic records reconcile sensibly."""

from extractors.evaluate.reconcile_scale import run_one, synthetic_records


def test_synthetic_records_are_deterministic():
    a, gold_a = synthetic_records(300, per_day=50)
    b, gold_b = synthetic_records(300, per_day=50)
    assert [r.to_dict() for r in a] == [r.to_dict() for r in b]
    assert len(a) == 300 and set(gold_a) == {r.id for r in a} and gold_a == gold_b


def test_small_run_recovers_the_synthetic_events():
    row = run_one(400, 50)
    assert row["records"] == 400
    assert row["bcubed_f1"] >= 90.0
    assert row["seconds"] > 0 and row["peak_rss_mb"] > 0
