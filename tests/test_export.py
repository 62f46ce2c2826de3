import csv

import pytest

from extractors.io.export import export
from extractors.io.writers import JsonlWriter


@pytest.fixture()
def files(tmp_path, sample_docs, sample_events):
    r, e = tmp_path / "r.jsonl", tmp_path / "e.jsonl"
    with JsonlWriter(r) as w:
        w.write_all(sample_docs)
    with JsonlWriter(e) as w:
        w.write_all(sample_events)
    return r, e


def test_csv(files, tmp_path):
    counts = export(files[0], tmp_path / "csv", format="csv", events=files[1])
    assert counts["claims"] == 1 and counts["event_claims"] == 2
    with open(tmp_path / "csv" / "claims.csv", encoding="utf-8") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["unit"] == "percent" and row["value"] == "80.0"


def test_parquet(files, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(files[0], tmp_path / "pq", format="parquet", events=files[1])
    assert pq.read_table(tmp_path / "pq" / "officials.parquet").column("name").to_pylist() == ["Graeme Biggar"]


def test_duckdb_answers_which_official_cited_which_figure(files, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    db = tmp_path / "x.duckdb"
    export(files[0], db, format="duckdb", events=files[1])
    con = duckdb.connect(str(db), read_only=True)
    got = con.execute(
        "SELECT o.name, c.value, c.unit FROM claims c JOIN officials o ON o.doc_id = c.doc_id "
        "WHERE c.source = o.organisation OR c.source = o.name"
    ).fetchall()
    assert got == [("Graeme Biggar", 80.0, "percent")]
    assert con.execute("SELECT count(*) FROM event_claims").fetchone() == (2,)
    con.close()
