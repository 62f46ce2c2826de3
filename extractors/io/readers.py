"""Readers: turn a path into a stream of :class:`InputRecord` (or :class:`ErrorRecord`).

Every input item yields exactly one of the two, in input order, so nothing is lost
silently. Supported: a folder of ``.txt`` files (id = file name without extension,
sorted by name), a single ``.txt`` file, ``.jsonl`` / ``.jsonl.gz`` with one
``{"id", "text", "published"?, "source"?, "title"?, "url"?}`` object per line.
Other keys are kept in ``meta`` and passed through to the output record.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Set, Tuple, Union

from ..errors import Errors
from ..records import ErrorRecord, InputRecord

Item = Union[InputRecord, ErrorRecord]

KNOWN_KEYS = ("id", "text", "published", "source", "title", "url")
#: a text file whose first 8 KiB hold this share of control bytes is taken as binary
_BINARY_SHARE = 0.1
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


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
    if not isinstance(obj, dict):
        kind = "array" if isinstance(obj, list) else type(obj).__name__
        return _error("E023", Errors.E023.format(input=origin, line=line, kind=kind), where, None, line)
    raw_id = obj.get(id_key)
    doc_id = str(raw_id) if raw_id not in (None, "") else (f"{Path(origin).stem}:{line}" if line else Path(origin).stem)
    text = obj.get(text_key)
    if text is None:
        reason = f"'{text_key}' is missing" if text_key not in obj else f"'{text_key}' is null"
        return _error("E024", Errors.E024.format(input=where, id=doc_id, reason=reason), where, doc_id, line)
    if not isinstance(text, str):
        reason = f"'{text_key}' is a {type(text).__name__}, not a string"
        return _error("E024", Errors.E024.format(input=where, id=doc_id, reason=reason), where, doc_id, line)
    if not text.strip():
        return _error("E024", Errors.E024.format(input=where, id=doc_id, reason="empty or whitespace only"), where, doc_id, line)
    published, problem = normalise_published(obj.get("published"))
    meta = {k: v for k, v in obj.items() if k not in KNOWN_KEYS and k not in (text_key, id_key)}
    if problem:
        # the record is still processed (the date is inferred from the text or left out);
        # the problem is reported on the output record
        meta["warnings"] = [Errors.E025.format(input=where, id=doc_id, value=obj.get("published"))]

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
            for lineno, raw in enumerate(fh, start=first_line):
                if max_lines is not None and lineno - first_line >= max_lines:
                    break
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


def detect_format(path: Path) -> str:
    if path.is_dir():
        return "txt-dir"
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if name.endswith(".txt"):
        return "txt"
    raise ValueError(Errors.E021.format(input=path))


def check_input(path: Union[str, Path]) -> str:
    """The input format of ``path``; raises before any work when it is missing or unknown."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(Errors.E020.format(input=path))
    return detect_format(path)


def read_inputs(path: Union[str, Path], *, text_key: str = "text", id_key: str = "id", dedupe_ids: bool = True) -> Iterator[Item]:
    """Stream the input records of ``path`` (a folder of .txt, a .txt, or JSONL).

    Duplicate ids: the first keeps its id; a later one is renamed ``<id>~2``, ``<id>~3``...
    and the rename is noted in its ``meta["warnings"]`` (reconciliation needs unique ids).
    """
    path = Path(path)
    fmt = check_input(path)
    if fmt == "txt-dir":
        stream: Iterator[Item] = (read_text_file(p) for p in sorted(path.glob("*.txt")) if p.is_file())
    elif fmt == "txt":
        stream = iter([read_text_file(path)])
    else:
        stream = read_jsonl(path, text_key=text_key, id_key=id_key)
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
