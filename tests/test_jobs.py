"""Batch jobs: accounting, resume after a kill, summaries. A blank pipeline stands in
for the trained model: these tests are about files, order and bookkeeping."""

import json

import pytest
import spacy

from extractors.errors import OutputExists
from extractors.jobs import completed_keys, default_errors_path, extract_file, format_summary


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _input(tmp_path, n=6, bad_at=(2,)):
    lines = []
    for i in range(n):
        lines.append("{oops" if i in bad_at else json.dumps({"id": f"d{i}", "text": f"Article {i} text."}))
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _lines(p):
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]


def test_every_input_accounted_for_in_order(tmp_path, blank):
    inp = _input(tmp_path)
    out = tmp_path / "o.jsonl"
    s = extract_file(inp, out, nlp=blank, progress=False)
    assert (s.documents, s.errors) == (5, 1)
    assert [r["id"] for r in _lines(out)] == ["d0", "d1", "d3", "d4", "d5"]
    [err] = _lines(default_errors_path(out))
    assert err["line"] == 3 and err["error"] == "E022" and str(inp) in err["input"]
    assert "5 documents (1 errors)" in format_summary(s)


def test_refuses_to_overwrite(tmp_path, blank):
    inp = _input(tmp_path)
    out = tmp_path / "o.jsonl"
    extract_file(inp, out, nlp=blank, progress=False)
    with pytest.raises(OutputExists):
        extract_file(inp, out, nlp=blank, progress=False)


def test_resume_after_a_kill_loses_and_duplicates_nothing(tmp_path, blank):
    inp = _input(tmp_path, n=8)
    full = tmp_path / "full.jsonl"
    extract_file(inp, full, nlp=blank, progress=False)
    # simulate a run killed mid-write: 3 complete lines and a torn fourth
    out = tmp_path / "o.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:3]) + lines[3][:10], encoding="utf-8")
    default_errors_path(out).write_text(default_errors_path(full).read_text(encoding="utf-8"), encoding="utf-8")
    s = extract_file(inp, out, nlp=blank, progress=False, resume=True)
    assert s.resumed == 4  # 3 documents + 1 error
    assert out.read_bytes() == full.read_bytes()
    assert default_errors_path(out).read_bytes() == default_errors_path(full).read_bytes()


def test_completed_keys_drops_torn_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c', encoding="utf-8")
    assert completed_keys(p) == {"id:a", "id:b"}
    assert p.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'


def test_default_errors_path(tmp_path):
    assert default_errors_path(tmp_path / "r.jsonl").name == "r.errors.jsonl"
