"""Reconciliation of a long stream in bounded memory: a sliding window over time.

:func:`reconcile_stream` takes records in publication-date order (undated records
anywhere: each counts as arriving on the newest date seen so far) and yields events as
they close. An event closes when every member arrived more than ``horizon`` days before
the newest date: no later dated record can be within ``max_days`` of it any more, so it
can no longer gain members. Its records, profiles, postings, links and document
frequencies are then dropped, so memory holds one window (about ``horizon + step``
days of records), whatever the length of the stream. Document frequencies (IDF) are
those of the window.

What the window gives up: an undated record can only join an event that is still open;
a record that arrives out of order (dated before a closed window) starts a new event;
duplicate ids are only detected within the window. When the whole input fits in one
window (nothing closes before the end) the events are those of one incremental run.

:func:`reconcile_jsonl` (behind ``extractors reconcile RECORDS.jsonl -o EVENTS.jsonl``)
applies this to a JSONL file of any size: a first pass reads
only each line's id, date and byte offset, sorts the lines by date (undated lines keep
their place: they take the date of the dated line before them), and a second pass reads
the records one by one in that order. Files of at most ``batch_limit`` records are
reconciled in one batch instead (exactly :func:`extractors.reconcile.reconcile`).
"""

from __future__ import annotations

import json
from array import array
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Union

from ..errors import Errors
from ..records import DocumentRecord, EventRecord
from .cluster import Reconciler, reconcile
from .similarity import parse_day

#: files with at most this many records are reconciled in one batch (exact, in memory)
BATCH_LIMIT = 20_000


class StreamReconciler:
    """Feed records in date order; get back the events that close.

    >>> s = StreamReconciler()                        # doctest: +SKIP
    >>> for r in records: write_all(s.feed(r))        # doctest: +SKIP
    >>> write_all(s.finish())                         # doctest: +SKIP

    horizon: days after its newest member's arrival before an event closes (default
        2 x ``max_days``); step: how often (days) to close events (default ``max_days``).
    Event ids are ``ev-0001``, ... in the order events close. Options: see :class:`Reconciler`.
    """

    def __init__(self, *, horizon: Optional[int] = None, step: Optional[int] = None, **options: Any) -> None:
        self.reconciler = Reconciler(**options)
        max_days = self.reconciler.max_days
        self.horizon = 2 * max_days if horizon is None else horizon
        self.step = max(1, max_days if step is None else step)
        if self.horizon < max_days:
            raise ValueError(Errors.E071.format(name="horizon", value=self.horizon, hint=f">= max_days ({max_days})"))
        #: the newest publication day seen
        self.clock: Optional[int] = None
        self._next_close: Optional[int] = None
        self.events_out = 0
        self.records_in = 0

    def feed(self, record: Union[DocumentRecord, Dict[str, Any]]) -> List[EventRecord]:
        """Add one record; returns the events that closed (often none)."""
        if not isinstance(record, DocumentRecord):
            record = DocumentRecord.from_dict(record)
        day = parse_day(record.published)
        if day is not None and (self.clock is None or day > self.clock):
            self.clock = day
        self.reconciler.add([record], arrival=self.clock)
        self.records_in += 1
        if self.clock is None:
            return []
        if self._next_close is None:
            self._next_close = self.clock + self.horizon + self.step
        if self.clock < self._next_close:
            return []
        self._next_close = self.clock + self.step
        return self._count(self.reconciler.close(before=self.clock - self.horizon, first_number=self.events_out + 1))

    def finish(self) -> List[EventRecord]:
        """Close every event still open."""
        return self._count(self.reconciler.close(first_number=self.events_out + 1))

    def _count(self, events: List[EventRecord]) -> List[EventRecord]:
        self.events_out += len(events)
        return events


def reconcile_stream(
    records: Iterable[Union[DocumentRecord, Dict[str, Any]]],
    *,
    horizon: Optional[int] = None,
    step: Optional[int] = None,
    **options: Any,
) -> Iterator[EventRecord]:
    """Yield events from records in date order, holding only a window in memory
    (see :class:`StreamReconciler`)."""
    s = StreamReconciler(horizon=horizon, step=step, **options)
    for r in records:
        yield from s.feed(r)
    yield from s.finish()


def _date_order(path: Path) -> array:
    """Byte offsets of the non-blank lines of a JSONL file, in date order (stable;
    an undated line takes the date of the dated line before it)."""
    days = array("l")
    offsets = array("q")
    last = -1
    with open(path, "rb") as fh:
        pos = 0
        for lineno, raw in enumerate(fh, 1):
            start, pos = pos, pos + len(raw)
            line = raw.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except ValueError as err:
                raise ValueError(Errors.E041.format(path=path, line=lineno, reason=err)) from None
            if not isinstance(d, dict) or "id" not in d:
                raise ValueError(Errors.E041.format(path=path, line=lineno, reason="no 'id'"))
            day = parse_day(d.get("published"))
            if day is not None:
                last = day
            days.append(last)
            offsets.append(start)
    order = sorted(range(len(days)), key=days.__getitem__)
    return array("q", (offsets[i] for i in order))


def _read_at(path: Path, offsets: Iterable[int]) -> Iterator[DocumentRecord]:
    with open(path, "rb") as fh:
        for off in offsets:
            fh.seek(off)
            yield DocumentRecord.from_dict(json.loads(fh.readline()))


def reconcile_jsonl(
    path: Union[str, Path],
    output: Union[str, Path, Callable[[EventRecord], None]],
    *,
    batch_limit: int = BATCH_LIMIT,
    **options: Any,
) -> Dict[str, Any]:
    """Reconcile the records of a JSONL file into ``output`` (a JSONL path, written once
    the records are checked, or a function called with each event); returns counts
    (documents, events, multi_document_events, claims by status)."""
    path = Path(path)
    offsets = _date_order(path)
    if len(offsets) <= batch_limit:
        events: Iterable[EventRecord] = reconcile(list(_read_at(path, sorted(offsets))), **options)
    else:
        events = reconcile_stream(_read_at(path, offsets), **options)
    counts: Dict[str, Any] = {"documents": len(offsets), "events": 0, "multi_document_events": 0, "claims": {}}
    writer = None
    if callable(output):
        write = output
    else:
        from ..io.writers import JsonlWriter

        writer = JsonlWriter(output, flush_every=1000)
        write = writer.write
    try:
        for ev in events:
            write(ev)
            counts["events"] += 1
            counts["multi_document_events"] += len(ev.doc_ids) > 1
            for c in ev.claims:
                counts["claims"][c.status] = counts["claims"].get(c.status, 0) + 1
    finally:
        if writer is not None:
            writer.close()
    return counts
