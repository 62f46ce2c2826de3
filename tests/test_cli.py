"""The command line, end to end on small inputs (the trained model is needed)."""

import json
import subprocess
import sys

import pytest

from extractors.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, build_parser, main


def test_help_explains_every_option(capsys):
    for cmd in ("extract", "reconcile", "run", "evaluate", "schema"):
        with pytest.raises(SystemExit):
            main([cmd, "--help"])
        out = capsys.readouterr().out
        assert "usage: extractors " + cmd in out
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        for action in p._actions:
            assert action.help, f"{name} {action.dest} has no help"


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == EXIT_USAGE


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl"), "-q"]) == EXIT_USAGE
    assert "not found" in capsys.readouterr().err


def test_schema_command(capsys):
    assert main(["schema", "event"]) == EXIT_OK
    assert "event_id" in json.loads(capsys.readouterr().out)["properties"]


def test_python_dash_m_entry_point():
    out = subprocess.run([sys.executable, "-m", "extractors", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("extractors ")


@pytest.fixture()
def small_input(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Police chief warns on knife crime\n7 March 2024\n"
        "Chief Constable Jane Smith of Kent Police said knife offences rose 12% last year.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("", encoding="utf-8")
    return folder


@pytest.mark.model
def test_extract_writes_records_and_errors_and_refuses_overwrite(tmp_path, small_input, capsys):
    out = tmp_path / "r.jsonl"
    code = main(["extract", str(small_input), "-o", str(out), "-q"])
    assert code == EXIT_SOME_FAILED  # b.txt is empty
    [rec] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    [err] = [json.loads(line) for line in (tmp_path / "r.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rec["id"] == "a" and err["id"] == "b" and err["error"] == "E027"
    text = (small_input / "a.txt").read_text(encoding="utf-8")
    for kind in ("dates", "claims"):
        for item in rec[kind]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert main(["extract", str(small_input), "-o", str(out), "-q"]) == EXIT_USAGE
    assert "--force" in capsys.readouterr().err
    assert main(["extract", str(small_input), "-o", str(out), "-q", "--force"]) == EXIT_SOME_FAILED


@pytest.mark.model
def test_run_then_reconcile(tmp_path, small_input, capsys):
    (small_input / "b.txt").unlink()
    outdir = tmp_path / "out"
    assert main(["run", str(small_input), "-o", str(outdir), "-q"]) == EXIT_OK
    summary = capsys.readouterr().out
    assert "extracted 1 documents (0 errors)" in summary and "reconciled 1 documents into 1 events" in summary
    assert main(["reconcile", str(outdir / "records.jsonl"), "-o", str(tmp_path / "e.jsonl"), "-q"]) == EXIT_OK
    [ev] = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert ev["doc_ids"] == ["a"]


@pytest.mark.model
@pytest.mark.parametrize("fmt, produced", [("parquet", "tables/claims.parquet"), ("csv", "tables/event_claims.csv"), ("duckdb", "extractors.duckdb")])
def test_run_with_table_formats(tmp_path, small_input, fmt, produced):
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    (small_input / "b.txt").unlink()
    outdir = tmp_path / "out"
    assert main(["run", str(small_input), "-o", str(outdir), "-q", "--format", fmt]) == EXIT_OK
    assert (outdir / produced).exists() and (outdir / "records.jsonl").exists()


@pytest.mark.model
def test_extract_to_duckdb(tmp_path, small_input):
    duckdb = pytest.importorskip("duckdb")
    (small_input / "b.txt").unlink()
    db = tmp_path / "x.duckdb"
    assert main(["extract", str(small_input), "-o", str(db), "-q", "--format", "duckdb"]) == EXIT_OK
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    con.close()


@pytest.mark.model
def test_month_first_reads_american_numeric_dates(tmp_path):
    folder = tmp_path / "us"
    folder.mkdir()
    (folder / "a.txt").write_text("Council vote set\n\nThe council will vote on 08/07/2023 on the budget.\n", encoding="utf-8")
    values = {}
    for flag in ([], ["--month-first"]):
        out = tmp_path / f"r{len(flag)}.jsonl"
        assert main(["extract", str(folder), "-o", str(out), "-q", *flag]) == EXIT_OK
        [rec] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        values[bool(flag)] = [d["value"] for d in rec["dates"] if d["text"] == "08/07/2023"]
    assert values == {False: ["2023-07-08"], True: ["2023-08-07"]}
