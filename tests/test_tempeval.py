"""TempEval-3 entity scoring: on a hand-made TimeML string, and a smoke run on TBAQ."""

from __future__ import annotations

import pytest

from extractors.evaluate.tempeval import Mention, format_table, gold_conventions, main, parse_timeml, score_document

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TITLE>Not scored: <TIMEX3 tid="t9" type="DATE" value="1998">1998</TIMEX3></TITLE>
<TEXT>
Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; <TIMEX3 tid="t2" type="DATE" value="1997">last year</TIMEX3> prices rose for <TIMEX3 tid="t3" type="DURATION" value="P3Y">the past three years</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_timeml():
    d = parse_timeml(TML, "test", "part")
    assert d.dct == "1998-08-07"
    assert [(g.text, g.type, g.value) for g in d.gold] == [
        ("Friday", "DATE", "1998-08-07"), ("last year", "DATE", "1997"), ("the past three years", "DURATION", "P3Y")]
    for g in d.gold:
        assert d.text[g.start:g.end] == g.text
    assert "&" in d.text and "<" not in d.text and "1998\n" not in d.text  # only <TEXT>


def _m(text, body, type_, value):
    s = body.index(text)
    return Mention(s, s + len(text), text, type_, value)


def test_score_document():
    d = parse_timeml(TML)
    body = d.text
    system = [
        _m("Friday", body, "DATE", "1998-08-07"),  # strict, right value
        _m("last", body, "DATE", "1996"),  # relaxed only, wrong value, right type
        _m("past three years", body, "DURATION", "P3Y"),  # relaxed only, right value
        _m("prices", body, "DATE", "X"),  # spurious
    ]
    c, errors = score_document(d.gold, system)
    s = c.scores()
    assert (c.gold, c.system, c.strict, c.relaxed_sys, c.relaxed_gold, c.value, c.type) == (3, 4, 1, 3, 3, 2, 3)
    assert s["strict_p"] == pytest.approx(25.0) and s["strict_r"] == pytest.approx(100 / 3)
    assert s["relaxed_p"] == pytest.approx(75.0) and s["relaxed_r"] == pytest.approx(100.0)
    rf = 2 * 0.75 * 1.0 / 1.75 * 100
    assert s["relaxed_f1"] == pytest.approx(rf)
    assert s["value_f1"] == pytest.approx(rf * 2 / 3)
    assert s["type_f1"] == pytest.approx(rf)
    kinds = sorted(k for k, _, _ in errors)
    assert kinds == ["pair", "pair", "pair", "spurious"]


def test_one_system_mention_matches_one_gold():
    d = parse_timeml(TML)
    body = d.text
    whole = body.index("Friday")
    end = body.index("last year") + len("last year")
    c, _ = score_document(d.gold, [Mention(whole, end, body[whole:end], "DATE", "1998-08-07")])
    assert (c.relaxed_sys, c.relaxed_gold, c.strict) == (1, 1, 0)


def test_format_table():
    d = parse_timeml(TML)
    c, _ = score_document(d.gold, [])
    table = format_table({"overall": c.scores()})
    assert "overall" in table and "value F1" in table


@pytest.mark.model
def test_smoke_on_tbaq(shared_dir, tmp_path, capsys):
    src = shared_dir / "corpora" / "tempeval3-tbaq" / "AQUAINT"
    if not src.is_dir():
        pytest.skip("TBAQ is absent")
    for p in sorted(src.glob("*.tml"))[:3]:
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    from extractors.evaluate.tempeval import score_tempeval

    result = score_tempeval(tmp_path)
    assert result["documents"] == 3
    assert result["overall"]["gold"] > 0
    assert result["overall"]["relaxed_f1"] > 50
    assert main([str(tmp_path)]) == 0
    assert "overall" in capsys.readouterr().out


def test_missing_folder(tmp_path):
    from extractors.evaluate.tempeval import score_tempeval

    with pytest.raises(FileNotFoundError):
        score_tempeval(tmp_path / "nope")


def test_gold_conventions_counts_occurrences_tags_and_value_shapes():
    src = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02">1989-11-02</TIMEX3></DCT><TEXT>'
           'Sales rose from <TIMEX3 tid="t1" type="DATE" value="1988-Q3">a year ago</TIMEX3>; profit fell from '
           '<TIMEX3 tid="t2" type="DATE" value="1988">a year earlier</TIMEX3>, and costs from a year ago.</TEXT></TimeML>')
    res = gold_conventions([parse_timeml(src)], "a year (ago|earlier)")
    assert res == {"occurrences": 3, "tagged": 2, "shapes": {"DATE 9999": 1, "DATE 9999-Q9": 1}}
