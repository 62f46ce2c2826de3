"""Local engine: --n-process output equals the single-process output, byte for byte."""

import pytest

from extractors.jobs import extract_file

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_n_process_2_is_identical_to_1_and_deterministic(tmp_path, corpus_dir):
    src = corpus_dir / "articles.jsonl"
    lines = src.read_text(encoding="utf-8").splitlines()[:10]
    lines.insert(4, '{"id": "bad", "text": null}')
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    extract_file(inp, tmp_path / "one.jsonl", progress=False, batch_size=3)
    extract_file(inp, tmp_path / "again.jsonl", progress=False, batch_size=3)
    extract_file(inp, tmp_path / "two.jsonl", progress=False, batch_size=3, n_process=2)
    one = (tmp_path / "one.jsonl").read_bytes()
    assert one == (tmp_path / "again.jsonl").read_bytes()
    assert one == (tmp_path / "two.jsonl").read_bytes()
    assert (tmp_path / "one.errors.jsonl").read_bytes() == (tmp_path / "two.errors.jsonl").read_bytes()
    assert one.count(b"\n") == 10
