import json
import math

import pytest

from extractors.errors import OutputExists
from extractors.io.writers import JsonlWriter, check_writable, dumps, read_jsonl
from extractors.records import Claim, DocumentRecord


def test_writer_round_trip_and_flush(tmp_path):
    p = tmp_path / "sub" / "out.jsonl"
    with JsonlWriter(p) as w:
        w.write(DocumentRecord(id="a", claims=[Claim(id="C1", text="£1.2bn", start=0, end=6, value=1.2e9, unit="GBP")]))
        # flushed line by line: a reader sees the complete line before close
        assert p.read_text(encoding="utf-8").endswith("\n")
        w.write({"id": "b"})
    rows = list(read_jsonl(p))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["claims"][0]["text"] == "£1.2bn"  # UTF-8, not escaped
    assert "£" in p.read_text(encoding="utf-8")


def test_dumps_refuses_nan():
    with pytest.raises(ValueError):
        dumps({"value": math.nan})


def test_check_writable(tmp_path):
    p = tmp_path / "x.jsonl"
    check_writable(p, force=False)
    p.write_text("{}\n")
    with pytest.raises(OutputExists, match="--force"):
        check_writable(p, force=False)
    check_writable(p, force=True)


def test_dumps_is_stable():
    rec = DocumentRecord(id="a")
    assert dumps(rec) == dumps(DocumentRecord.from_dict(json.loads(dumps(rec))))


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_dumps_is_one_line_for_every_line_splitter(char):
    """str.splitlines (and some JSONL readers) split on these: each must stay escaped."""
    line = dumps({"text": f"a{char}b"})
    assert len(line.splitlines()) == 1 and json.loads(line) == {"text": f"a{char}b"}
