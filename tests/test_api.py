"""api: input coercion, long-text splitting and merging (no model), end to end (model)."""

import pytest

from extractors.api import as_input_records, merge_pieces, split_text
from extractors.records import Claim, DocumentRecord, InputRecord, Mention, Official, Organisation, Quote


@pytest.mark.parametrize("size", [50, 120, 1000])
def test_split_text_covers_text_exactly(size):
    text = ("A short sentence here. " * 20 + "\n\n") * 5
    pieces = split_text(text, size)
    assert "".join(p for _, p in pieces) == text
    for off, piece in pieces:
        assert text[off:off + len(piece)] == piece
        assert len(piece) <= size


def test_split_prefers_paragraphs():
    text = "x" * 60 + "\n\n" + "y" * 60
    pieces = split_text(text, 100)
    assert pieces[0][1].endswith("\n\n") and pieces[1][1] == "y" * 60


def test_split_without_any_separator():
    text = "9" * 250
    assert [len(p) for _, p in split_text(text, 100)] == [100, 100, 50]


def test_merge_pieces_shifts_offsets_and_remaps_ids():
    text = "Graeme Biggar said 80%. " + "pad " * 10 + "Graeme Biggar said 29%."
    off = text.rindex("Graeme")
    p1 = DocumentRecord(
        id="x",
        published="2023-12-13",
        officials=[Official(id="P1", name="Graeme Biggar", mentions=[Mention(0, 13, "Graeme Biggar")])],
        organisations=[Organisation(id="O1", name="NCA", mentions=[])],
        claims=[Claim(id="C1", text="80%", start=19, end=22, value=80, source_id="P1")],
    )
    p2 = DocumentRecord(
        id="x",
        officials=[Official(id="P1", name="Graeme Biggar", mentions=[Mention(0, 13, "Graeme Biggar")])],
        quotes=[Quote(id="Q1", text="x", start=0, end=1, speaker_id="P1")],
        claims=[Claim(id="C1", text="29%", start=19, end=22, value=29, source_id="P1", quote_id="Q1")],
    )
    merged = merge_pieces(InputRecord(id="x", text=text), [(0, p1), (off, p2)])
    assert [o.name for o in merged.officials] == ["Graeme Biggar"]
    assert [(m.start, m.end) for m in merged.officials[0].mentions] == [(0, 13), (off, off + 13)]
    for m in merged.officials[0].mentions:
        assert text[m.start:m.end] == m.text
    assert [c.id for c in merged.claims] == ["C1", "C2"]
    c2 = merged.claims[1]
    assert text[c2.start:c2.end] == "29%" and c2.source_id == "P1" and c2.quote_id == "Q1"
    assert merged.published == "2023-12-13" and merged.length == len(text)


def test_as_input_records_coerces_and_applies_published():
    recs = list(as_input_records(["one", {"id": "k", "text": "two"}, InputRecord(id="r", text="three", published="2020-01-01")], published="2023-12-13"))
    assert [(r.id, r.published) for r in recs] == [("0", "2023-12-13"), ("k", "2023-12-13"), ("r", "2020-01-01")]


def test_as_input_records_rejects_bad_published():
    with pytest.raises(ValueError):
        list(as_input_records(["x"], published="not a date"))


def test_char_batches_bound_documents_and_characters():
    from extractors.api import char_batches

    items = [InputRecord(id=str(i), text="x" * n) for i, n in enumerate([10, 10, 50, 5, 200, 1, 1])]
    groups = [[r.id for r in g] for g in char_batches(items, max_docs=3, max_chars=60)]
    assert groups == [["0", "1"], ["2", "3"], ["4"], ["5", "6"]]
    assert [r.id for g in char_batches(items, 3, 60) for r in g] == [r.id for r in items]


def test_merge_pieces_folds_a_surname_onto_the_full_name():
    text = "Graeme Biggar spoke. " + "x " * 20 + "Mr Biggar added."
    off = text.index("Mr Biggar")
    p1 = DocumentRecord(id="x", officials=[Official(id="P1", name="Graeme Biggar", title="Director General", mentions=[Mention(0, 13, "Graeme Biggar")])])
    p2 = DocumentRecord(id="x", persons=[Official(id="P1", name="Mr Biggar", is_official=False, mentions=[Mention(0, 9, "Mr Biggar")])])
    merged = merge_pieces(InputRecord(id="x", text=text), [(0, p1), (off, p2)])
    assert [o.name for o in merged.officials] == ["Graeme Biggar"] and merged.persons == []
    assert [m.text for m in merged.officials[0].mentions] == ["Graeme Biggar", "Mr Biggar"]


@pytest.mark.model
def test_batches_do_not_grow_the_string_store(nlp):
    """Words seen in a batch are freed after it (spaCy memory zones): a long run over
    ever-new vocabulary keeps the StringStore at its size, and the records are unchanged."""
    from extractors.api import process_batch

    def batch(seed):
        words = " ".join(f"Zorblax{seed}x{i}" for i in range(50))
        return [InputRecord(id=f"d{seed}", text=f"The NCA said {words} rose 12% in 2023.")]

    first = process_batch(nlp, batch(0))
    before = len(nlp.vocab.strings)
    for seed in range(1, 6):
        [rec] = process_batch(nlp, batch(seed))
        assert rec.claims and rec.claims[0].value == 12.0
    assert len(nlp.vocab.strings) == before
    again = process_batch(nlp, batch(0))
    assert [r.to_dict() for r in again] == [r.to_dict() for r in first]


@pytest.mark.model
def test_one_failing_article_costs_only_itself():
    """A component that raises on one document fails that document alone (E029); the
    rest of its batch is retried one by one and comes out as if nothing had happened."""
    from spacy.language import Language

    from extractors.api import process_batch
    from extractors.pipeline import load

    @Language.component("explode_on_marker")
    def explode(doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("boom")
        return doc

    nlp = load()
    good = [InputRecord(id=f"g{i}", text=f"The NCA said {i + 2} people were arrested in 2023.") for i in range(5)]
    expected = [r.to_dict() for r in process_batch(nlp, good)]
    nlp.add_pipe("explode_on_marker", first=True)
    bad = InputRecord(id="bad", text="EXPLODE now.", origin="in.jsonl", line=3)
    out = process_batch(nlp, good[:2] + [bad] + good[2:])
    assert [r.id for r in out] == ["g0", "g1", "bad", "g2", "g3", "g4"]
    assert out[2].error == "E029" and "boom" in out[2].reason and out[2].input == "in.jsonl:3"
    assert [r.to_dict() for r in out if r.id != "bad"] == expected
