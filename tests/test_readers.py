import gzip
import json

import pytest

from extractors.io.readers import decode_bytes, normalise_published, read_inputs
from extractors.records import ErrorRecord, InputRecord


def _write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_txt_folder_ids_order_and_exact_text(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"Second\r\narticle")
    (tmp_path / "a.txt").write_text("First article", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    recs = list(read_inputs(tmp_path))
    assert [r.id for r in recs] == ["a", "b"]
    assert recs[1].text == "Second\r\narticle"  # line endings kept: offsets index the stored text


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "E027"),
        (b"   \n\t  ", "E024"),
        (b"\x00\x01\x02binary\x00", "E028"),
    ],
)
def test_bad_txt_files_become_error_records(tmp_path, content, code):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("A real article.", encoding="utf-8")
    recs = list(read_inputs(tmp_path))
    assert len(recs) == 2
    bad = recs[0]
    assert isinstance(bad, ErrorRecord) and bad.error == code and bad.id == "bad" and "bad.txt" in bad.input
    assert isinstance(recs[1], InputRecord)


def test_latin1_text_is_decoded(tmp_path):
    (tmp_path / "x.txt").write_bytes("It cost \u00a3300.".encode("latin-1"))
    [rec] = read_inputs(tmp_path)
    assert rec.text == "It cost \u00a3300."
    assert rec.meta["encoding"] == "cp1252"


def test_jsonl_fields_and_passthrough(tmp_path):
    p = _write_jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "x1", "text": "Hello.", "published": "2023-12-13T17:54:00Z", "source": "Wire", "lang": "en"})])
    [rec] = read_inputs(p)
    assert rec.id == "x1" and rec.published == "2023-12-13" and rec.source == "Wire"
    assert rec.meta == {"lang": "en"}
    assert rec.origin == str(p) and rec.line == 1


@pytest.mark.parametrize(
    "line, code",
    [
        ("{not json", "E022"),
        ("[1, 2]", "E023"),
        ('"a string"', "E023"),
        ('{"id": "a"}', "E024"),
        ('{"id": "a", "text": null}', "E024"),
        ('{"id": "a", "text": 42}', "E024"),
        ('{"id": "a", "text": "   "}', "E024"),
    ],
)
def test_bad_jsonl_lines_become_error_records(tmp_path, line, code):
    p = _write_jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "ok", "text": "Fine."}), line, json.dumps({"id": "ok2", "text": "Also fine."})])
    recs = list(read_inputs(p))
    assert [type(r).__name__ for r in recs] == ["InputRecord", "ErrorRecord", "InputRecord"]
    err = recs[1]
    assert err.error == code and err.line == 2 and f"{p}:2" in err.input


def test_invalid_published_is_reported_not_fatal(tmp_path):
    p = _write_jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": "Text.", "published": "yesterday-ish"})])
    [rec] = read_inputs(p)
    assert isinstance(rec, InputRecord) and rec.published is None
    assert "yesterday-ish" in rec.meta["warnings"][0]


def test_duplicate_ids_are_renamed_and_noted(tmp_path):
    rows = [json.dumps({"id": "a", "text": f"Text {i}."}) for i in range(3)]
    recs = list(read_inputs(_write_jsonl(tmp_path / "in.jsonl", rows)))
    assert [r.id for r in recs] == ["a", "a~2", "a~3"]
    assert recs[1].meta["original_id"] == "a" and recs[1].meta["warnings"]


def test_missing_id_uses_file_and_line(tmp_path):
    p = _write_jsonl(tmp_path / "feed.jsonl", [json.dumps({"text": "No id here."})])
    [rec] = read_inputs(p)
    assert rec.id == "feed:1"


def test_gzip_jsonl(tmp_path):
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": "Zipped."}) + "\n")
    [rec] = read_inputs(p)
    assert rec.text == "Zipped."


def test_text_and_id_keys(tmp_path):
    p = _write_jsonl(tmp_path / "in.jsonl", [json.dumps({"doc": "k", "body": "Body text."})])
    [rec] = read_inputs(p, text_key="body", id_key="doc")
    assert (rec.id, rec.text) == ("k", "Body text.")


def test_missing_input_and_unknown_format(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(read_inputs(tmp_path / "nope"))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(ValueError):
        list(read_inputs(tmp_path / "x.pdf"))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-12-13", ("2023-12-13", None)),
        ("2023-12-13T17:54:00+01:00", ("2023-12-13", None)),
        (None, (None, None)),
        ("", (None, None)),
        # RSS / e-mail dates and written dates as the whole value
        ("Wed, 13 Dec 2023 17:54:00 GMT", ("2023-12-13", None)),
        ("13 December 2023", ("2023-12-13", None)),
        ("December 13, 2023 5:54 pm", ("2023-12-13", None)),
    ],
)
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["2023-13-01", "13/12/2023", "07/08/2018", 20231213, "soon",
                                   "Published on 13 December 2023 by the agency"])
def test_normalise_published_rejects(value):
    iso, problem = normalise_published(value)
    assert iso is None and problem


def test_decode_bytes_bom():
    assert decode_bytes("\ufeffHi".encode("utf-8")) == ("Hi", "utf-8-sig")


PAGE = """<html><head><title>Police chief warns</title>
<meta property="article:published_time" content="2024-03-07T10:00:00Z"></head>
<body><nav>Home | News | Sport</nav><article><h1>Police chief warns</h1>
<p>Chief Constable Jane Smith of Kent Police said knife offences rose by 12% last year, the force's annual report shows.</p>
<p>She said officers had made 1,200 arrests in the county over the same period.</p></article>
<script>document.write("injected")</script><footer>Copyright notice</footer></body></html>"""


def test_html_main_text_and_date(tmp_path):
    pytest.importorskip("trafilatura")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [rec] = read_inputs(tmp_path / "page.html")
    assert isinstance(rec, InputRecord)
    assert "Chief Constable Jane Smith" in rec.text and "injected" not in rec.text and "Copyright" not in rec.text
    assert rec.published == "2024-03-07" and rec.title == "Police chief warns" and rec.id == "page"


def test_html_without_text_is_an_error(tmp_path):
    pytest.importorskip("trafilatura")
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    [rec] = read_inputs(tmp_path / "empty.html")
    assert isinstance(rec, ErrorRecord) and rec.error == "E024"


def test_csv_rows(tmp_path):
    p = tmp_path / "in.csv"
    p.write_text('id,text,published,source\nc1,"First, with a comma.",2023-01-02,Wire\nc2,,,\n', encoding="utf-8")
    recs = list(read_inputs(p))
    assert recs[0].id == "c1" and recs[0].text == "First, with a comma." and recs[0].published == "2023-01-02"
    assert isinstance(recs[1], ErrorRecord) and recs[1].line == 3


def test_warc_html_responses(tmp_path):
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in [("https://example.org/a", "text/html", PAGE), ("https://example.org/logo.png", "image/png", "PNG")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=BytesIO(body.encode("utf-8")), http_headers=headers)
            writer.write_record(rec)
    [rec] = read_inputs(p)
    assert rec.url == "https://example.org/a" and "Jane Smith" in rec.text


def test_folder_mixes_formats_in_name_order(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "j1", "text": "From JSONL."}) + "\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,text\nc1,From CSV.\n", encoding="utf-8")
    assert [r.id for r in read_inputs(tmp_path)] == ["a", "j1", "c1"]


def test_oversized_line_is_skipped_unread_and_reading_goes_on(tmp_path, monkeypatch):
    from extractors.io import readers

    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 1000)
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "big", "text": "x" * 5000}) + "\n" + json.dumps({"id": "ok", "text": "Fine."}) + "\n", encoding="utf-8")
    recs = list(read_inputs(p))
    assert isinstance(recs[0], ErrorRecord) and recs[0].error == "E033" and recs[0].line == 1
    assert recs[1].id == "ok" and recs[1].line == 2


def test_gzip_bomb_line_is_bounded(tmp_path, monkeypatch):
    import tracemalloc

    from extractors.io import readers

    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 1 << 20)
    p = tmp_path / "bomb.jsonl.gz"
    with gzip.open(p, "wb") as fh:
        fh.write(b'{"id": "bomb", "text": "')
        chunk = b"0" * (1 << 20)
        for _ in range(64):  # 64 MiB of one line, a few dozen KiB compressed
            fh.write(chunk)
        fh.write(b'"}\n' + json.dumps({"id": "after", "text": "Still read."}).encode() + b"\n")
    assert p.stat().st_size < 1 << 20
    tracemalloc.start()
    recs = list(read_inputs(p))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [type(r).__name__ for r in recs] == ["ErrorRecord", "InputRecord"]
    assert peak < 16 * (1 << 20)


def test_oversized_text_file(tmp_path, monkeypatch):
    from extractors.io import readers

    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 100)
    (tmp_path / "big.txt").write_text("y" * 500, encoding="utf-8")
    [rec] = read_inputs(tmp_path)
    assert rec.error == "E033"


@pytest.mark.parametrize("obj, text, published", [
    # news-please, newspaper3k, schema.org and trafilatura keys, when "text"/"published" are absent
    ({"maintext": "Body.", "date_publish": "2018-08-07 11:07:00"}, "Body.", "2018-08-07"),
    ({"text": "Body.", "publish_date": "2018-08-07T11:07:00+01:00"}, "Body.", "2018-08-07"),
    ({"text": "Body.", "datePublished": "2018-08-07"}, "Body.", "2018-08-07"),
    ({"content": "Body.", "date": "Tue, 07 Aug 2018 11:07:00 GMT"}, "Body.", "2018-08-07"),
    # "published" wins over an alias; an empty or null one gives way to the alias
    ({"text": "Body.", "published": "2019-01-02", "date": "2018-08-07"}, "Body.", "2019-01-02"),
    ({"text": "Body.", "published": "", "date": "2018-08-07"}, "Body.", "2018-08-07"),
    ({"text": "Body.", "published": None, "date_publish": "2018-08-07 11:07:00"}, "Body.", "2018-08-07"),
    # a key that cannot be read gives way to the next one
    ({"text": "Body.", "date_publish": "garbage", "publish_date": "2018-08-07"}, "Body.", "2018-08-07"),
])
def test_common_dump_keys(obj, text, published):
    from extractors.io.readers import record_from_object

    rec = record_from_object(obj, origin="dump.jsonl", line=1)
    assert isinstance(rec, InputRecord) and (rec.text, rec.published) == (text, published)


def test_invalid_alias_date_names_its_key():
    from extractors.io.readers import record_from_object

    rec = record_from_object({"text": "Body.", "date": "last week"}, origin="dump.jsonl", line=2)
    assert rec.published is None and "'date'" in rec.meta["warnings"][0]


def test_custom_text_key_has_no_aliases():
    from extractors.io.readers import record_from_object

    rec = record_from_object({"body": "Body."}, origin="dump.jsonl", line=1, text_key="article_text")
    assert isinstance(rec, ErrorRecord) and "article_text" in rec.reason
