"""Local engine: worker processes on one machine, each loading the model once.

Input items are cut into batches; ``Pool.imap`` hands batches to workers and returns
their results in input order, so the output is identical to a single-process run.
Records cross process boundaries as plain dicts.
"""

from __future__ import annotations

import multiprocessing as mp
from itertools import islice
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from ..records import DocumentRecord, ErrorRecord, InputRecord

Item = Union[InputRecord, ErrorRecord]
_worker: Dict[str, Any] = {}


def _init_worker(model: Optional[str], config: Optional[dict]) -> None:
    from ..pipeline import load

    _worker["nlp"] = load(model, config=config)


def _run_batch(payload: Tuple[int, List[Tuple[str, Dict[str, Any]]]]) -> Tuple[int, List[Tuple[str, Dict[str, Any]]]]:
    from ..api import process_batch

    batch_size, items = payload
    recs: List[Item] = [InputRecord.from_dict(d) if kind == "in" else ErrorRecord.from_dict(d) for kind, d in items]
    out = process_batch(_worker["nlp"], recs, batch_size=batch_size)
    return batch_size, [("doc" if isinstance(r, DocumentRecord) else "err", r.to_dict()) for r in out]


def _batches(items: Iterable[Item], size: int) -> Iterator[List[Tuple[str, Dict[str, Any]]]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield [("in" if isinstance(x, InputRecord) else "err", x.to_dict()) for x in chunk]


def run_parallel(
    items: Iterable[Item],
    *,
    model: Optional[str] = None,
    batch_size: int = 16,
    n_process: int = 2,
    config: Optional[dict] = None,
) -> Iterator[Union[DocumentRecord, ErrorRecord]]:
    """Process ``items`` with ``n_process`` workers (-1: one per core); ordered output."""
    if n_process == -1:
        n_process = mp.cpu_count()
    ctx = mp.get_context("spawn")
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(model, config)) as pool:
        payloads = ((batch_size, b) for b in _batches(items, batch_size))
        for _, results in pool.imap(_run_batch, payloads, chunksize=1):
            for kind, d in results:
                yield DocumentRecord.from_dict(d) if kind == "doc" else ErrorRecord.from_dict(d)
