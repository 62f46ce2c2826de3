"""Dask engine: sharding (no cluster) and a real LocalCluster run equal to the local run."""

import json

import pytest

from extractors.engines.dask import plan_shards
from extractors.io.readers import read_jsonl
from pathlib import Path


def _jsonl(path, n):
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Article number {i}."}) + "\n" for i in range(n)), encoding="utf-8")
    return path


def test_plan_shards_slices_a_jsonl_file_by_byte_offset(tmp_path):
    p = _jsonl(tmp_path / "in.jsonl", 10)
    shards = plan_shards(p, shard_size=4)
    assert [s.max_lines for s in shards] == [4, 4, 2]
    ids = []
    for s in shards:
        ids += [r.id for r in read_jsonl(p, offset=s.offset, first_line=s.first_line, max_lines=s.max_lines)]
    assert ids == [f"d{i}" for i in range(10)]
    assert [s.first_line for s in shards] == [1, 5, 9]


def test_plan_shards_exact_multiple(tmp_path):
    p = _jsonl(tmp_path / "in.jsonl", 8)
    assert [s.max_lines for s in plan_shards(p, shard_size=4)] == [4, 4]


def test_plan_shards_txt_folder(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text("x", encoding="utf-8")
    shards = plan_shards(tmp_path, shard_size=2)
    assert [len(s.files) for s in shards] == [2, 2, 1]
    assert [s.id for s in shards] == ["000000", "000001", "000002"]


@pytest.mark.model
@pytest.mark.slow
def test_dask_local_cluster_matches_local_run(tmp_path, corpus_dir):
    distributed = pytest.importorskip("distributed")
    from extractors.engines.dask import run_dask
    from extractors.jobs import extract_file

    src = corpus_dir / "articles.jsonl"
    lines = src.read_text(encoding="utf-8").splitlines()[:12]
    lines.insert(3, "{broken json")
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")

    extract_file(inp, tmp_path / "local.jsonl", progress=False)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with distributed.Client(cluster) as client:
            res = run_dask(inp, tmp_path / "dask.jsonl", shard_size=5, client=client)
            assert res["shards"] == 3 and res["documents"] == 12 and res["errors"] == 1
            # a rerun skips every finished shard
            again = run_dask(inp, tmp_path / "dask.jsonl", shard_size=5, client=client)
            assert again["skipped"] == 3
    finally:
        cluster.close()
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (tmp_path / "local.errors.jsonl").read_bytes()


def test_plan_shards_mixed_folder_keeps_name_order(tmp_path):
    for name in ("a.txt", "b.txt", "c.jsonl", "d.txt", "e.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    shards = plan_shards(tmp_path, shard_size=10)
    assert [(s.kind, s.files or Path(s.path).name) for s in shards] == [
        ("txt-files", ("a.txt", "b.txt")), ("file", "c.jsonl"), ("txt-files", ("d.txt",)), ("file", "e.html")]
