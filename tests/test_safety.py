"""Safety: nothing reaches the network at run time; input is never evaluated."""

import socket

import pytest


@pytest.fixture()
def no_network(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("network access attempted during a test that forbids it")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls


@pytest.mark.model
def test_load_extract_reconcile_without_network(no_network, tmp_path):
    from extractors.api import extract, reconcile
    from extractors.pipeline import load

    nlp = load()
    recs = extract(["The Office for National Statistics (ONS) said inflation fell to 4.6% in October, down from 6.7%.",
                    "Bank of England Governor Andrew Bailey said rates would stay at 5.25% for now."], nlp=nlp, published="2023-11-15")
    reconcile(recs)
    assert no_network == []


def test_html_reader_fetches_nothing(no_network, tmp_path):
    pytest.importorskip("trafilatura")
    from extractors.io.readers import read_inputs

    page = ("<html><head><link rel='stylesheet' href='http://198.51.100.7/x.css'><script src='http://198.51.100.7/x.js'></script></head>"
            "<body><article><p>The council said 300 homes would be built by 2026 on the former airfield site near the town.</p>"
            "<img src='http://198.51.100.7/pixel.gif'></article></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [rec] = read_inputs(tmp_path / "p.html")
    assert "300 homes" in rec.text
    assert no_network == []


def test_json_input_is_data_not_code(tmp_path):
    import json

    from extractors.io.readers import read_inputs

    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "__import__('os').system('touch pwned')", "text": "{{7*7}} ${7*7} __import__('os')"}) + "\n", encoding="utf-8")
    [rec] = read_inputs(p)
    assert rec.text == "{{7*7}} ${7*7} __import__('os')"
    assert not (tmp_path / "pwned").exists()
