"""The CoNLL-2003 scorer on hand-made snippets, and a small smoke run on the real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.evaluate import conll

IOB2 = """-DOCSTART- -X- -X- O

Graeme NNP B-NP B-PER
Biggar NNP I-NP I-PER
of IN B-PP O
the DT B-NP O
National NNP I-NP B-ORG
Crime NNP I-NP I-ORG
Agency NNP I-NP I-ORG
spoke VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

NCA NNP B-NP B-ORG
UK NNP I-NP B-LOC
"""

# IOB1, CRLF, no leading -DOCSTART-; B- only between two entities of one type
IOB1 = "Rob NNP I-NP I-PER\r\nJones NNP I-NP I-PER\r\nKeith NNP I-NP B-PER\r\nBristow NNP I-NP I-PER\r\nsaid VBD I-VP O\r\n\r\nHome NNP I-NP I-ORG\r\nOffice NNP I-NP I-ORG\r\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


def test_read_iob2_documents_and_offsets(tmp_path):
    docs = conll.read_conll(_write(tmp_path, "a.txt", IOB2))
    assert len(docs) == 2
    d = docs[0]
    assert d.text == "Graeme Biggar of the National Crime Agency spoke ."
    assert {(d.text[s:e], t) for s, e, t in d.gold} == {("Graeme Biggar", "PER"), ("National Crime Agency", "ORG")}
    assert {(docs[1].text[s:e], t) for s, e, t in docs[1].gold} == {("NCA", "ORG"), ("UK", "LOC")}


def test_read_iob1_crlf_without_docstart(tmp_path):
    docs = conll.read_conll(_write(tmp_path, "b.txt", IOB1))
    assert len(docs) == 1
    d = docs[0]
    assert d.text == "Rob Jones Keith Bristow said\nHome Office"
    assert sorted((d.text[s:e], t) for s, e, t in d.gold) == [("Home Office", "ORG"), ("Keith Bristow", "PER"), ("Rob Jones", "PER")]


def test_score_is_exact_match_per_type():
    gold = {(0, 13, "PER"), (21, 42, "ORG"), (50, 52, "LOC")}
    pred = {(0, 13, "PER"), (17, 42, "ORG"), (50, 52, "LOC"), (60, 65, "PER")}
    s = conll.score(gold, pred)
    assert (s["PER"].tp, s["PER"].fp, s["PER"].fn) == (1, 1, 0)
    assert (s["ORG"].tp, s["ORG"].fp, s["ORG"].fn) == (0, 1, 1)
    assert set(s) == {"PER", "ORG"}


def test_missing_file_is_reported(tmp_path, capsys):
    assert conll.main([str(tmp_path / "nope.txt")]) == 2
    assert "not found" in capsys.readouterr().err


@pytest.mark.model
def test_smoke_on_the_real_test_set(shared_dir, nlp):
    path = shared_dir / "corpora" / "conll2003" / "conllpp_test.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    scores = conll.evaluate(path, limit=5, nlp=nlp)
    assert scores["meta"]["documents"] == 5
    for system in ("model", "pipeline"):
        for t in ("PER", "ORG"):
            v = scores[system][t]
            assert 0.0 <= v["f1"] <= 1.0 and v["tp"] + v["fn"] > 0
