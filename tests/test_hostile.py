"""Hostile input through the real pipeline (issue 9): every input is accounted for by
exactly one record or one error line, nothing crashes, offsets and numbers stay valid.

Each kind of bad input named in the issue is a test here, run through
:func:`extractors.jobs.extract_file` (or the CLI) with the trained model.
Reader-level checks without the model are in ``test_readers.py``; resume after a kill
in ``test_jobs.py``; ``--n-process`` and Dask equality in ``test_local.py`` /
``test_dask.py``; the network ban in ``test_safety.py``.
"""

import base64
import json
import os
import random
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from extractors import cli
from extractors.fuzz import check_document
from extractors.jobs import default_errors_path, extract_file
from extractors.records import DocumentRecord

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
GOOD = "The Office for National Statistics (ONS) said inflation fell to 4.6% in October, down from 6.7%."


def _strict_json(line: str):
    """json.loads that refuses NaN and Infinity (what a strict consumer does)."""
    def refuse(name):
        raise ValueError(f"non-finite number {name} in the output")
    return json.loads(line, parse_constant=refuse)


def _run(tmp_path, nlp, name, content, **kw):
    """extract_file over one input file; returns (summary, records, errors)."""
    inp = tmp_path / name
    inp.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    summary = extract_file(inp, out, nlp=nlp, progress=False, force=True, **kw)
    recs = [_strict_json(x) for x in out.read_text(encoding="utf-8").splitlines()]
    errs = [_strict_json(x) for x in default_errors_path(out).read_text(encoding="utf-8").splitlines()]
    assert summary.documents == len(recs) and summary.errors == len(errs)
    return summary, recs, errs


def _jsonl(*lines):
    return "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines)


def _valid(text, rec_dict):
    check_document(text, DocumentRecord.from_dict(rec_dict))


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("content, code", [
    (b"", "E027"),                                                  # empty file
    (" \n\t\r\n \u00a0\u2003 ".encode("utf-8"), "E024"),           # whitespace only
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "E028"),  # binary
])
def test_bad_text_file_is_one_error_line(tmp_path, nlp, content, code):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(content)
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    s = extract_file(tmp_path / "in", out, nlp=nlp, progress=False)
    assert (s.documents, s.errors, s.error_codes) == (1, 1, {code: 1})
    [err] = [json.loads(x) for x in default_errors_path(out).read_text(encoding="utf-8").splitlines()]
    assert err["id"] == "bad" and "bad.txt" in err["input"] and err["error"] == code and err["reason"]


def test_non_utf8_file_is_decoded_and_offsets_index_the_decoded_text(tmp_path, nlp):
    text = "Chancellor Jeremy Hunt said the scheme would cost \u00a3300m, a \u201crecord\u201d sum \u2013 up 12%."
    s, [rec], errs = _run(tmp_path, nlp, "cp.txt", text.encode("cp1252"))
    assert not errs and rec["meta"]["encoding"] == "cp1252"
    _valid(text, rec)
    assert any(c["text"].startswith("\u00a3300") for c in rec["claims"])


def test_non_utf8_bytes_inside_a_jsonl_line(tmp_path, nlp):
    raw = _jsonl({"id": "ok", "text": GOOD}).encode() + b'{"id": "cp", "text": "It cost \xa35bn, \x93a lot\x94."}\n'
    s, recs, errs = _run(tmp_path, nlp, "in.jsonl", raw)
    assert [r["id"] for r in recs] == ["ok", "cp"] and not errs
    _valid("It cost \u00a35bn, \u201ca lot\u201d.", recs[1])


# --------------------------------------------------------------------------- JSON lines


@pytest.mark.parametrize("line, code", [
    ("{not json", "E022"),
    ('{"id": "t", "text": "unterminated', "E022"),
    ("[" * 100000 + "]" * 100000, "E022"),                  # nesting deep enough to hit the recursion limit
    ('{"id": "m"}', "E024"),                                # text missing
    ('{"id": "n", "text": null}', "E024"),
    ('{"id": "i", "text": 42}', "E024"),
    ('{"id": "l", "text": ["a", "b"]}', "E024"),
    ('{"id": "o", "text": {"body": "x"}}', "E024"),
    ('{"id": "b", "text": true}', "E024"),
    ('[{"id": "arr", "text": "In an array."}]', "E023"),    # JSON array instead of an object
    ('"just a string"', "E023"),
    ("null", "E023"),
    ("3.14", "E023"),
])
def test_bad_jsonl_line_is_one_error_line_naming_it(tmp_path, nlp, line, code):
    s, recs, [err] = _run(tmp_path, nlp, "in.jsonl", _jsonl({"id": "a", "text": GOOD}, line, {"id": "z", "text": GOOD}))
    assert [r["id"] for r in recs] == ["a", "z"]
    assert err["error"] == code and err["line"] == 2 and err["input"].endswith("in.jsonl:2")
    assert s.error_codes == {code: 1}


def test_duplicate_ids_are_kept_renamed_with_a_warning(tmp_path, nlp):
    s, recs, errs = _run(tmp_path, nlp, "in.jsonl", _jsonl({"id": "a", "text": GOOD}, {"id": "a", "text": GOOD}, {"id": "a", "text": "Other."}))
    assert [r["id"] for r in recs] == ["a", "a~2", "a~3"] and not errs
    assert recs[0]["warnings"] == [] and "a~2" in recs[1]["warnings"][0] and recs[1]["meta"]["original_id"] == "a"


@pytest.mark.parametrize("figure", ["1e309", "10^999", "99999999999999999999999", "\u00a3-3bn", "-\u00a31e309bn",
                                    "1.7976931348623157e308", "9" * 400, "NaN", "Infinity", "1\u00d710^999"])
def test_absurd_numbers_give_finite_values_or_none(tmp_path, nlp, figure):
    text = f"The Treasury said the deficit was {figure} last year, while officials put it at {figure} people."
    s, [rec], errs = _run(tmp_path, nlp, "in.jsonl", _jsonl({"id": "n", "text": text, "published": "2023-12-13"}))
    assert not errs
    _valid(text, rec)  # includes: every value/low/high is a finite float or null


@pytest.mark.parametrize("published", ["2023-02-30", "yesterday-ish", 20231213, ["2023-12-13"], {"y": 2023}, "9999-99-99"])
def test_invalid_published_is_a_warning_not_a_failure(tmp_path, nlp, published):
    text = "13 December 2023, 17:54\n\nThe NCA said 80% of offenders avoided jail last year."
    s, [rec], errs = _run(tmp_path, nlp, "in.jsonl", _jsonl({"id": "p", "text": text, "published": published}))
    assert not errs
    assert "invalid 'published'" in rec["warnings"][0]
    assert rec["published"] == "2023-12-13" and rec["published_source"] == "text"  # from the dateline instead
    _valid(text, rec)


def test_lone_surrogates_in_json_do_not_stop_the_run(tmp_path, nlp):
    """A JSON line may escape a lone surrogate ("\\ud83d" from a cut emoji): valid JSON,
    not encodable as UTF-8. It is replaced by U+FFFD (same length, so offsets hold)."""
    raw = '{"id": "s\\udc00", "text": "Police said 40% \\ud83d of cases \\udfff closed.", "source": "\\ud800"}\n'
    s, [rec], errs = _run(tmp_path, nlp, "in.jsonl", raw)
    assert not errs and rec["id"] == "s\ufffd" and rec["source"] == "\ufffd"
    _valid("Police said 40% \ufffd of cases \ufffd closed.", rec)


# --------------------------------------------------------------------------- text


def _every_category_sample(per_category=3):
    """A few characters of every Unicode general category (lone surrogates excepted:
    they cannot be encoded, see the test above)."""
    seen = {}
    for cp in range(0x110000):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat == "Cs":
            continue
        if len(seen.setdefault(cat, [])) < per_category:
            seen[cat].append(ch)
    return seen


def test_every_unicode_category(tmp_path, nlp):
    cats = _every_category_sample()
    assert len(cats) == 29  # 30 general categories minus Cs
    texts = {}
    for cat, chars in sorted(cats.items()):
        texts[cat] = f"Chief Constable Ann Lee said {''.join(chars)} crime rose 12%{chars[0]} in 2023.{''.join(chars)}\n{GOOD}"
    texts["all"] = " ".join("".join(c) for c in cats.values()) + " " + GOOD
    texts["rtl"] = "\u202e\u05e9\u05dc\u05d5\u05dd 40% \u0645\u0631\u062d\u0628\u0627 \u200f\u00a32bn\u200e \u2066" + GOOD + "\u2069"
    texts["emoji"] = "\U0001F469\u200d\U0001F469\u200d\U0001F467 \U0001F1EC\U0001F1E7 said 3\ufe0f\u20e3 in 10 \U0001F600 rose 5%\U0001F4C8."
    texts["combining"] = "The Directo\u0301r Genera\u0308l said 8\u03050% o\u0336f 1\u20dd2 cases."
    lines = _jsonl(*({"id": k, "text": v} for k, v in texts.items()))
    s, recs, errs = _run(tmp_path, nlp, "in.jsonl", lines)
    assert not errs and [r["id"] for r in recs] == list(texts)
    for rec in recs:
        _valid(texts[rec["id"]], rec)
    # the same texts as UTF-8 .txt files
    folder = tmp_path / "txt"
    folder.mkdir()
    for k, v in texts.items():
        (folder / f"{k}.txt").write_text(v, encoding="utf-8", newline="")
    s2 = extract_file(folder, tmp_path / "t.jsonl", nlp=nlp, progress=False)
    # a NUL byte marks a file as binary (as git and grep decide): "Cc" and "all" hold one
    control_heavy = [k for k, v in texts.items() if "\x00" in v]
    assert s2.documents + s2.errors == len(texts) and set(s2.error_codes) <= {"E028"} and s2.errors <= len(control_heavy)


@pytest.mark.parametrize("run", ["!", "?", ".", "-", "\u2014", "\u00a3", "%", "=", "*", "'", "\"", "/", "\u2026", ",", "()", "!?"])
def test_long_runs_of_punctuation(tmp_path, nlp, run):
    text = f"Officials said 12% {run * (800 // len(run))} of 300 homes {run * 200}.{run * 300}\n\n{GOOD} {run * 500}"
    s, [rec], errs = _run(tmp_path, nlp, "in.jsonl", _jsonl({"id": "p", "text": text}))
    assert not errs
    _valid(text, rec)


@pytest.mark.parametrize("text", [
    "9" * 100_000,
    ("1234567890" * 10_000) + " people, or " + "0." + "0" * 5000 + "1%",
    " ".join(["99"] * 20_000),
    "\n".join(["1,000,000,000,000"] * 5000),
    "Between " + "1 and " * 2000 + "2 people.",
])
def test_long_runs_of_digits(tmp_path, nlp, text):
    s, [rec], errs = _run(tmp_path, nlp, "in.jsonl", _jsonl({"id": "d", "text": text}))
    assert not errs
    _valid(text, rec)


@pytest.mark.xfail(reason="spaCy's tokenizer is quadratic on a long run of punctuation with no spaces "
                          "(8,000 '!' take ~9 s, 100,000 about half an hour): pipeline.make_doc needs a "
                          "linear path for long whitespace-free runs (see docs/robustness.md)", strict=False)
def test_a_long_punctuation_run_is_tokenised_in_linear_time(nlp):
    from extractors.pipeline import make_doc
    from extractors.records import InputRecord

    start = time.monotonic()
    doc = make_doc(nlp, InputRecord(id="x", text="!" * 5000))
    assert doc.text == "!" * 5000
    assert time.monotonic() - start < 1.0


def _big_article(target_chars=3_000_000):
    """~3 MB: 30 sections of news prose, each followed by an inline image as a data URI
    (what scraped pages leave behind); the prose is where the extractors work."""
    rnd = random.Random(9)
    sections, size, i = [], 0, 0
    while size < target_chars:
        prose = (
            f"Section {i}. Chief Constable Ann Lee of Kent Police said {i * 7 + 3}% of the {1000 + i} cases "
            f"reported in March {2000 + i} were closed within 20 months, costing \u00a3{i + 1}.5bn. "
            f"The Home Office said about {i + 2},000 officers would be recruited by next year.\n\n"
        ) * 3
        blob = base64.b64encode(rnd.randbytes(72_000)).decode()
        sections.append(prose + f"![figure {i}](data:image/png;base64,{blob})\n\n")
        size += len(sections[-1])
        i += 1
    return "".join(sections)


def test_a_3mb_article_is_processed_in_pieces_with_whole_text_offsets(tmp_path, nlp):
    text = _big_article()
    assert len(text.encode("utf-8")) >= 3_000_000
    start = time.monotonic()
    s, [rec], errs = _run(tmp_path, nlp, "big.jsonl", _jsonl({"id": "big", "text": text, "published": "2023-12-13"}))
    seconds = time.monotonic() - start
    assert not errs and rec["length"] == len(text)
    assert any("pieces" in w for w in rec["warnings"])
    _valid(text, rec)
    # the last section's figures are found at their place in the whole text
    last = text.rfind("Section ")
    assert any(c["start"] > last for c in rec["claims"]) and any(d["start"] > last for d in rec["dates"])
    assert seconds < 120, f"3 MB article took {seconds:.0f}s"


# --------------------------------------------------------------------------- accounting, exit status, determinism


def _mixed_input(tmp_path):
    lines = [
        {"id": "a", "text": GOOD, "published": "2023-11-15"},
        "{broken",
        {"id": "b", "text": None},
        [1, 2],
        {"id": "a", "text": "Home Secretary James Cleverly said 1e309 migrants, or \u00a3-3bn, in 10^999 years."},
        {"id": "c", "text": "\u202e\U0001F600 " + "!" * 300 + " 99999999999999999999999 " + GOOD, "published": "not a date"},
        "",
        {"text": "No id: the ONS said 5% rose."},
    ]
    p = tmp_path / "mixed.jsonl"
    p.write_text(_jsonl(*lines), encoding="utf-8")
    return p


def test_summary_accounts_for_every_input(tmp_path, nlp):
    inp = _mixed_input(tmp_path)
    out = tmp_path / "o.jsonl"
    s = extract_file(inp, out, nlp=nlp, progress=False)
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    errs = [json.loads(x) for x in default_errors_path(out).read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a", "a~2", "c", "mixed:8"]
    assert [(e["line"], e["error"]) for e in errs] == [(2, "E022"), (3, "E024"), (4, "E023")]
    assert (s.documents, s.errors, s.error_codes) == (4, 3, {"E022": 1, "E023": 1, "E024": 1})
    assert s.claims == sum(len(r["claims"]) for r in recs) and s.dates == sum(len(r["dates"]) for r in recs)
    # 7 non-blank lines in, 7 lines out (the blank line is not an input)
    assert len(recs) + len(errs) == 7


def test_cli_exit_status(tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    good.write_text(_jsonl({"id": "g", "text": GOOD}), encoding="utf-8")
    assert cli.main(["extract", str(good), "-o", str(tmp_path / "g.jsonl"), "-q"]) == cli.EXIT_OK == 0
    mixed = _mixed_input(tmp_path)
    assert cli.main(["extract", str(mixed), "-o", str(tmp_path / "m.jsonl"), "-q"]) == cli.EXIT_SOME_FAILED == 1
    assert (tmp_path / "m.errors.jsonl").read_text(encoding="utf-8").count("\n") == 3
    # usage errors: output exists without --force, missing input, unknown format, bad option
    assert cli.main(["extract", str(good), "-o", str(tmp_path / "g.jsonl"), "-q"]) == cli.EXIT_USAGE == 2
    assert cli.main(["extract", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "x.jsonl"), "-q"]) == 2
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    assert cli.main(["extract", str(tmp_path / "doc.pdf"), "-o", str(tmp_path / "y.jsonl"), "-q"]) == 2
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", str(good), "--batch-size", "many"])
    assert exc.value.code == 2
    capsys.readouterr()


def test_hostile_output_is_byte_identical_in_a_fresh_process(tmp_path, nlp):
    """Same input, same bytes: in this process (warm caches) and in a new one with a
    different hash seed (set and dict order must not leak into the output)."""
    inp = _mixed_input(tmp_path)
    extract_file(inp, tmp_path / "here.jsonl", nlp=nlp, progress=False)
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run([sys.executable, "-m", "extractors", "extract", str(inp), "-o", str(tmp_path / "there.jsonl"), "-q"],
                   check=False, env=env, cwd=tmp_path, timeout=300)
    assert (tmp_path / "here.jsonl").read_bytes() == (tmp_path / "there.jsonl").read_bytes()
    assert (tmp_path / "here.errors.jsonl").read_bytes() == (tmp_path / "there.errors.jsonl").read_bytes()
