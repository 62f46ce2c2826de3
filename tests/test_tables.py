import pytest

from extractors.tables import KINDS, rows, to_dataframe


def test_claims_table_has_the_researcher_columns(sample_docs):
    [row] = rows(sample_docs, "claims")
    assert {k: row[k] for k in ("doc_id", "value", "low", "high", "unit", "source", "time", "sentence", "outlet")} == {
        "doc_id": "a", "value": 80.0, "low": None, "high": None, "unit": "percent", "source": "National Crime Agency",
        "time": "2022", "sentence": "80% avoid jail.", "outlet": "Wire"}


def test_documents_table_has_one_row_per_document(sample_docs):
    assert [r["doc_id"] for r in rows(sample_docs, "documents")] == ["a", "b"]


def test_event_claims_one_row_per_report(sample_events):
    assert [r["text"] for r in rows(sample_events, "event_claims")] == ["80%", "eight in 10"]
    [ev] = rows(sample_events, "events")
    assert ev["agreed"] == 1 and ev["documents"] == 2


def test_unknown_kind(sample_docs):
    with pytest.raises(ValueError):
        rows(sample_docs, "nonsense")


def test_to_dataframe_from_jsonl(tmp_path, sample_docs):
    pytest.importorskip("pandas")
    from extractors.io.writers import JsonlWriter

    p = tmp_path / "r.jsonl"
    with JsonlWriter(p) as w:
        w.write_all(sample_docs)
    df = to_dataframe(p, "officials")
    assert list(df["name"]) == ["Graeme Biggar"]
    assert len(to_dataframe(p, "documents")) == 2
    assert set(KINDS) >= {"claims", "event_claims"}


def test_to_dataframe_is_exported_at_the_top_level():
    import extractors

    assert extractors.to_dataframe is to_dataframe and "to_dataframe" in dir(extractors)
