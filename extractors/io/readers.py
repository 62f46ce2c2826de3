"""Readers: turn a path into a stream of :class:`InputRecord` (or :class:`ErrorRecord`).

Every input item yields exactly one of the two, in input order, so nothing is lost
silently. Supported:

* ``.txt``: one article (id = file name without extension);
* ``.jsonl`` / ``.jsonl.gz`` / ``.ndjson``: one ``{"id", "text", "published"?, "source"?,
  "title"?, "url"?}`` object per line; other keys are kept in ``meta``; the date and
  text keys of common crawlers are read when these are absent (``PUBLISHED_ALIASES``,
  ``TEXT_ALIASES``);
* ``.csv`` / ``.csv.gz``: one article per row, text in ``--text-key`` (default ``text``);
* ``.html`` / ``.htm``: main text and publication date from the page (needs the ``html``
  extra: trafilatura, htmldate); nothing is fetched or executed;
* ``.warc`` / ``.warc.gz``: every HTML response in the archive (needs the ``warc`` extra);
* a folder: every supported file in it, sorted by name.
"""

from __future__ import annotations

import datetime as _dt
import email.utils as _email_utils
import gzip
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Set, Tuple, Union

from ..errors import Errors
from ..records import ErrorRecord, InputRecord

Item = Union[InputRecord, ErrorRecord]

KNOWN_KEYS = ("id", "text", "published", "source", "title", "url")
#: where common news dumps keep the publication date when there is no "published" key:
#: news-please ("date_publish"), newspaper3k ("publish_date"), schema.org ("datePublished"),
#: trafilatura's JSON ("date"); the first one present is used
PUBLISHED_ALIASES = ("date_publish", "published_at", "publish_date", "publication_date",
                     "date_published", "datePublished", "pubdate", "date")
#: where they keep the article text when there is no "text" key (only with the default
#: ``text_key``): news-please ("maintext"), others ("body", "content")
TEXT_ALIASES = ("maintext", "body", "content", "article")
#: the largest input record read into memory (a JSONL line, a .txt or .html file, a WARC
#: payload); larger ones are reported (E033) without being loaded, so memory stays bounded
MAX_RECORD_BYTES = 32 * 1024 * 1024
#: a text file whose first 8 KiB hold this share of control bytes is taken as binary
_BINARY_SHARE = 0.1
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
#: a lone UTF-16 surrogate: valid in JSON ("\\ud800") but not encodable as UTF-8
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (nested too) replaced by U+FFFD,
    one character for one, so offsets are unchanged and the output can be written."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {scrub_surrogates(k): scrub_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_surrogates(v) for v in value]
    return value


def normalise_published(value: Any) -> Tuple[Optional[str], Optional[str]]:
    """``(iso_date, problem)``: an ISO ``YYYY-MM-DD`` from a date, datetime or ISO string.

    Returns ``(None, None)`` for a missing value and ``(None, reason)`` for an invalid one.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, _dt.date):
        return value.isoformat(), None
    if not isinstance(value, str):
        return None, f"expected a string, got {type(value).__name__}"
    m = _ISO.match(value)
    if not m:
        # an RSS/e-mail date ("Tue, 07 Aug 2018 11:07:00 GMT") or a written one ("7 August
        # 2018", "August 7, 2018 11:07 am") as the whole value
        try:
            return _email_utils.parsedate_to_datetime(value.strip()).date().isoformat(), None
        except (TypeError, ValueError, IndexError):
            pass
        from ..normalize.dateline import find_dateline

        # all-digit forms other than ISO ("07/08/2018") are left out: day or month first is
        # a guess in metadata
        found = None if re.fullmatch(r"[\d\s/.:-]+", value) else find_dateline(value.strip())
        if found and found[1] == 0 and found[2] >= len(value.strip()) - 1:
            return found[0], None
        return None, "not an ISO date"
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat(), None
    except ValueError as err:
        return None, str(err)


def decode_bytes(data: bytes) -> Tuple[str, str]:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1252, else Latin-1.

    Returns ``(text, encoding)``. Line endings are kept as they are, so offsets
    index the text exactly as stored.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > _BINARY_SHARE


def _error(code: str, message: str, input: str, id: Optional[str] = None, line: Optional[int] = None) -> ErrorRecord:
    return ErrorRecord(id=id, input=input, reason=message, error=code, line=line)


def read_text_file(path: Path, *, id: Optional[str] = None) -> Item:
    """One ``.txt`` article."""
    name = str(path)
    doc_id = id or path.stem
    try:
        size = path.stat().st_size
        if size > MAX_RECORD_BYTES:
            return _error("E033", Errors.E033.format(input=name, size=size, limit=MAX_RECORD_BYTES), name, doc_id)
        data = path.read_bytes()
    except OSError as err:
        return _error("E026", Errors.E026.format(input=name, reason=err), name, doc_id)
    if not data:
        return _error("E027", Errors.E027.format(input=name), name, doc_id)
    if looks_binary(data):
        return _error("E028", Errors.E028.format(input=name), name, doc_id)
    text, encoding = decode_bytes(data)
    if not text.strip():
        return _error("E024", Errors.E024.format(input=name, id=doc_id, reason="whitespace only"), name, doc_id)
    meta: Dict[str, Any] = {} if encoding.startswith("utf-8") else {"encoding": encoding}
    return InputRecord(id=doc_id, text=text, meta=meta, origin=name)


def record_from_object(
    obj: Any,
    *,
    origin: str,
    line: Optional[int] = None,
    text_key: str = "text",
    id_key: str = "id",
) -> Item:
    """Validate one decoded JSON value as an input record."""
    where = f"{origin}:{line}" if line is not None else origin
    obj = scrub_surrogates(obj)
    if not isinstance(obj, dict):
        kind = "array" if isinstance(obj, list) else type(obj).__name__
        return _error("E023", Errors.E023.format(input=origin, line=line, kind=kind), where, None, line)
    raw_id = obj.get(id_key)
    doc_id = str(raw_id) if raw_id not in (None, "") else (f"{Path(origin).stem}:{line}" if line else Path(origin).stem)
    text = obj.get(text_key)
    if text is None and text_key == "text":
        alias = next((k for k in TEXT_ALIASES if isinstance(obj.get(k), str)), None)
        if alias is not None:
            text_key, text = alias, obj[alias]
    if text is None:
        reason = f"'{text_key}' is missing" if text_key not in obj else f"'{text_key}' is null"
        return _error("E024", Errors.E024.format(input=where, id=doc_id, reason=reason), where, doc_id, line)
    if not isinstance(text, str):
        reason = f"'{text_key}' is a {type(text).__name__}, not a string"
        return _error("E024", Errors.E024.format(input=where, id=doc_id, reason=reason), where, doc_id, line)
    if not text.strip():
        return _error("E024", Errors.E024.format(input=where, id=doc_id, reason="empty or whitespace only"), where, doc_id, line)
    # the first key with a readable date ("published", then the aliases); a problem is
    # reported only when no key gives one
    date_key, published, problem = "published", None, None
    for key in ("published",) + PUBLISHED_ALIASES:
        if obj.get(key) in (None, ""):
            continue
        iso, why = normalise_published(obj.get(key))
        if iso is not None:
            date_key, published, problem = key, iso, None
            break
        if problem is None:
            date_key, problem = key, why
    meta = {k: v for k, v in obj.items() if k not in KNOWN_KEYS and k not in (text_key, id_key)}
    if problem:
        # the record is still processed (the date is inferred from the text or left out);
        # the problem is reported on the output record
        meta["warnings"] = [Errors.E025.format(input=where, id=doc_id, key=date_key, value=obj.get(date_key))]

    def _str(key: str) -> Optional[str]:
        v = obj.get(key)
        return v if isinstance(v, str) and v else None

    return InputRecord(
        id=doc_id,
        text=text,
        published=published,
        source=_str("source"),
        title=_str("title"),
        url=_str("url"),
        meta=meta,
        origin=origin,
        line=line,
    )


def read_jsonl(
    path: Path,
    *,
    text_key: str = "text",
    id_key: str = "id",
    offset: int = 0,
    first_line: int = 1,
    max_lines: Optional[int] = None,
) -> Iterator[Item]:
    """Lines of a JSONL (or gzip-compressed JSONL) file; blank lines are skipped.

    ``offset`` (a byte position at a line start), ``first_line`` (its line number) and
    ``max_lines`` read one shard of a large plain JSONL file (see engines.shards).
    """
    name = str(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        fh = opener(path, "rb")
    except OSError as err:
        yield _error("E026", Errors.E026.format(input=name, reason=err), name)
        return
    with fh:
        try:
            if offset:
                fh.seek(offset)
            lineno = first_line - 1
            while True:
                raw = fh.readline(MAX_RECORD_BYTES + 1)
                if not raw:
                    break
                lineno += 1
                if max_lines is not None and lineno - first_line >= max_lines:
                    break
                if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                    size = len(raw)
                    while raw and not raw.endswith(b"\n"):  # skip the rest of the line unread
                        raw = fh.readline(1 << 20)
                        size += len(raw)
                    yield _error("E033", Errors.E033.format(input=f"{name}:{lineno}", size=size, limit=MAX_RECORD_BYTES), f"{name}:{lineno}", None, lineno)
                    continue
                if not raw.strip():
                    continue
                line, _ = decode_bytes(raw)
                try:
                    obj = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as err:
                    yield _error("E022", Errors.E022.format(input=name, line=lineno, reason=err), f"{name}:{lineno}", None, lineno)
                    continue
                yield record_from_object(obj, origin=name, line=lineno, text_key=text_key, id_key=id_key)
        except (OSError, EOFError) as err:  # truncated or corrupt gzip
            yield _error("E026", Errors.E026.format(input=name, reason=err), name)


_SUFFIXES = {
    "jsonl": (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"),
    "txt": (".txt",),
    "csv": (".csv", ".csv.gz"),
    "html": (".html", ".htm"),
    "warc": (".warc", ".warc.gz"),
}


def file_format(path: Path) -> Optional[str]:
    name = path.name.lower()
    for fmt, suffixes in _SUFFIXES.items():
        if name.endswith(suffixes):
            return fmt
    return None


def detect_format(path: Path) -> str:
    if path.is_dir():
        return "dir"
    fmt = file_format(path)
    if fmt is None:
        raise ValueError(Errors.E021.format(input=path))
    return fmt


def read_csv(path: Path, *, text_key: str = "text", id_key: str = "id") -> Iterator[Item]:
    """Rows of a CSV file with a header (streamed; UTF-8, undecodable bytes replaced);
    line numbers count the header as line 1."""
    import csv
    import io

    name = str(path)
    csv.field_size_limit(MAX_RECORD_BYTES)
    try:
        raw = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")
        with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                yield record_from_object(dict(row), origin=name, line=reader.line_num, text_key=text_key, id_key=id_key)
    except (OSError, EOFError, csv.Error) as err:
        yield _error("E026", Errors.E026.format(input=name, reason=err), name)


def html_to_record(html: str, *, id: str, origin: str, url: Optional[str] = None, line: Optional[int] = None) -> Item:
    """Main text, title and publication date of an HTML page (no fetching, no scripts)."""
    try:
        import trafilatura
        from htmldate import find_date
    except ImportError:
        return _error("E031", Errors.E031.format(input=origin), origin, id, line)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None and not isinstance(doc, dict) else (doc or {}).get("text")
    if not text or not text.strip():
        return _error("E024", Errors.E024.format(input=origin, id=id, reason="no main text found in the HTML"), origin, id, line)
    title = getattr(doc, "title", None) if not isinstance(doc, dict) else doc.get("title")
    try:
        published = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate raises many kinds on odd pages; the date is optional
        published = None
    return InputRecord(id=id, text=text, published=published, title=title, url=url, meta={"format": "html"}, origin=origin, line=line)


def read_html(path: Path) -> Item:
    name = str(path)
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            return _error("E033", Errors.E033.format(input=name, size=path.stat().st_size, limit=MAX_RECORD_BYTES), name, path.stem)
        data = path.read_bytes()
    except OSError as err:
        return _error("E026", Errors.E026.format(input=name, reason=err), name, path.stem)
    if not data.strip():
        return _error("E027", Errors.E027.format(input=name), name, path.stem)
    html, _ = decode_bytes(data)
    return html_to_record(html, id=path.stem, origin=name)


def read_warc(path: Path) -> Iterator[Item]:
    """Every HTML response of a WARC file, as one record each (id: the WARC record id)."""
    name = str(path)
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield _error("E032", Errors.E032.format(input=name), name)
        return
    try:
        with open(path, "rb") as fh:
            for n, rec in enumerate(ArchiveIterator(fh), start=1):
                if rec.rec_type != "response":
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                rid = (rec.rec_headers.get_header("WARC-Record-ID") or f"{path.stem}:{n}").strip("<>")
                payload = rec.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(payload) > MAX_RECORD_BYTES:
                    yield _error("E033", Errors.E033.format(input=f"{name}#{n}", size=len(payload), limit=MAX_RECORD_BYTES), f"{name}#{n}", rid, n)
                    continue
                html, _ = decode_bytes(payload)
                yield html_to_record(html, id=rid, origin=f"{name}#{n}", url=url, line=n)
    except Exception as err:  # noqa: BLE001 - a corrupt archive is reported, not raised
        yield _error("E026", Errors.E026.format(input=name, reason=err), name)


def read_file(path: Path, *, text_key: str = "text", id_key: str = "id") -> Iterator[Item]:
    """The records of one input file, by its format."""
    fmt = detect_format(path)
    if fmt == "txt":
        yield read_text_file(path)
    elif fmt == "jsonl":
        yield from read_jsonl(path, text_key=text_key, id_key=id_key)
    elif fmt == "csv":
        yield from read_csv(path, text_key=text_key, id_key=id_key)
    elif fmt == "html":
        yield read_html(path)
    else:
        yield from read_warc(path)


def check_input(path: Union[str, Path]) -> str:
    """The input format of ``path``; raises before any work when it is missing or unknown."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(Errors.E020.format(input=path))
    return detect_format(path)


def read_inputs(path: Union[str, Path], *, text_key: str = "text", id_key: str = "id", dedupe_ids: bool = True) -> Iterator[Item]:
    """Stream the input records of ``path`` (a file or a folder of supported files).

    Duplicate ids: the first keeps its id; a later one is renamed ``<id>~2``, ``<id>~3``...
    and the rename is noted in its ``meta["warnings"]`` (reconciliation needs unique ids).
    """
    path = Path(path)
    fmt = check_input(path)
    if fmt == "dir":
        files = sorted(p for p in path.iterdir() if p.is_file() and file_format(p))
        stream: Iterator[Item] = (item for p in files for item in read_file(p, text_key=text_key, id_key=id_key))
    else:
        stream = read_file(path, text_key=text_key, id_key=id_key)
    if not dedupe_ids:
        yield from stream
        return
    seen: Set[str] = set()
    for item in stream:
        if isinstance(item, InputRecord):
            if item.id in seen:
                n = 2
                while f"{item.id}~{n}" in seen:
                    n += 1
                new_id = f"{item.id}~{n}"
                where = f"{item.origin}:{item.line}" if item.line else str(item.origin)
                item.meta.setdefault("warnings", []).append(Errors.E030.format(input=where, id=item.id, new_id=new_id))
                item.meta["original_id"] = item.id
                item.id = new_id
            seen.add(item.id)
        yield item
