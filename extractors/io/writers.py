"""Writers: records out as JSONL, a line at a time, flushed as it goes (a crash leaves
a valid prefix)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Any, Dict, Iterable, Optional, Union

from ..errors import Errors, OutputExists
from ..records import Record


# Characters that ``str.splitlines`` (and some JSONL readers) treat as line ends but
# JSON leaves unescaped: written as \u escapes so one record is always one line.
_LINE_BREAKS = re.compile("[\u0085\u2028\u2029]")


def dumps(record: Union[Record, Dict[str, Any]]) -> str:
    """One JSON line: stable key order, UTF-8, no NaN, no bare Unicode line breaks."""
    data = record.to_dict() if isinstance(record, Record) else record
    line = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return _LINE_BREAKS.sub(lambda m: "\\u%04x" % ord(m.group()), line)


def check_writable(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise OutputExists(Errors.E040.format(path=path))
    path.parent.mkdir(parents=True, exist_ok=True)


class JsonlWriter:
    """Append-only JSONL writer; flushes every ``flush_every`` lines."""

    def __init__(self, path: Union[str, Path], *, mode: str = "w", flush_every: int = 1):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: Optional[IO[str]] = open(self.path, mode, encoding="utf-8", newline="\n")
        self.count = 0
        self.flush_every = max(1, flush_every)

    def write(self, record: Union[Record, Dict[str, Any]]) -> None:
        assert self._fh is not None
        self._fh.write(dumps(record) + "\n")
        self.count += 1
        if self.count % self.flush_every == 0:
            self._fh.flush()

    def write_all(self, records: Iterable[Union[Record, Dict[str, Any]]]) -> int:
        for r in records:
            self.write(r)
        return self.count

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def read_jsonl(path: Union[str, Path]) -> Iterable[Dict[str, Any]]:
    """Yield the objects of a JSONL file (used for records and events)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)
