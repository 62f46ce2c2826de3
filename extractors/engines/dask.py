"""Dask engine: one task per input shard, one output shard per task, beyond one machine.

* A shard is a whole input file (a JSONL, CSV, HTML or WARC file of a folder, or a
  compressed file), a slice of ``shard_size`` lines of one large plain JSONL file
  (located by byte offset, so no task reads the whole file), or ``shard_size``
  consecutive ``.txt`` files of a folder.
* Each worker loads the model once, on its first task (a per-process cache); no model
  is pickled into tasks: a task carries only paths and options.
* A task writes ``<parts>/<shard>.jsonl`` and ``<shard>.errors.jsonl`` to a temporary name
  and renames them when complete, so shards already done are skipped on a rerun.
* The parts are then merged, in input order, into the output file (or left as a folder
  with ``merge=False``).

Works with any Dask cluster: a ``LocalCluster`` (the default), a scheduler address, or
dask-jobqueue's SLURM/PBS clusters (see docs/scaling.md).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Union

from ..errors import Errors

_MODELS: Dict[Any, Any] = {}


@dataclass(frozen=True)
class Shard:
    id: str  # zero-padded sequence number: merge order
    path: str
    kind: str  # "file" (a whole file) | "jsonl-slice" | "txt-files"
    offset: int = 0
    first_line: int = 1
    max_lines: Optional[int] = None
    files: tuple = field(default_factory=tuple)


def plan_shards(input: Union[str, Path], shard_size: int = 1000) -> List[Shard]:
    """Cut ``input`` into shards, in input order."""
    path = Path(input)
    if not path.exists():
        raise FileNotFoundError(Errors.E020.format(input=path))
    shards: List[Shard] = []

    def add(**kw: Any) -> None:
        shards.append(Shard(id=f"{len(shards):06d}", **kw))

    if path.is_dir():
        from ..io.readers import file_format

        files = sorted(p for p in path.iterdir() if p.is_file() and file_format(p))
        run: List[str] = []  # consecutive .txt files, grouped shard_size at a time
        for p in files + [None]:  # type: ignore[list-item]
            if p is not None and file_format(p) == "txt":
                run.append(p.name)
                if len(run) == shard_size:
                    add(path=str(path), kind="txt-files", files=tuple(run))
                    run = []
                continue
            if run:
                add(path=str(path), kind="txt-files", files=tuple(run))
                run = []
            if p is not None:
                add(path=str(p), kind="file")
        return shards
    if not path.name.endswith((".jsonl", ".ndjson")):
        add(path=str(path), kind="file")
        return shards
    # one plain JSONL file: slices of shard_size lines, located by byte offset
    offset, line = 0, 1
    with open(path, "rb") as fh:
        while True:
            start_offset, start_line, n = offset, line, 0
            for raw in fh:
                offset += len(raw)
                line += 1
                n += 1
                if n >= shard_size:
                    break
            if n == 0:
                break
            add(path=str(path), kind="jsonl-slice", offset=start_offset, first_line=start_line, max_lines=n)
            if n < shard_size:
                break
    return shards


def _items(shard: Shard, text_key: str, id_key: str) -> Iterator[Any]:
    from ..io import readers

    if shard.kind == "txt-files":
        for name in shard.files:
            yield readers.read_text_file(Path(shard.path) / name)
    elif shard.kind == "jsonl-slice":
        yield from readers.read_jsonl(Path(shard.path), text_key=text_key, id_key=id_key, offset=shard.offset, first_line=shard.first_line, max_lines=shard.max_lines)
    else:
        yield from readers.read_file(Path(shard.path), text_key=text_key, id_key=id_key)


def _nlp(model: Optional[str], config: Optional[dict]) -> Any:
    key = (model, json.dumps(config, sort_keys=True))
    if key not in _MODELS:
        from ..pipeline import load

        _MODELS[key] = load(model, config=config)
    return _MODELS[key]


def process_shard(shard: Shard, parts: str, *, model: Optional[str] = None, config: Optional[dict] = None, batch_size: int = 16, text_key: str = "text", id_key: str = "id") -> Dict[str, Any]:
    """Process one shard into ``parts/<id>.jsonl`` (+ ``.errors.jsonl``); skip it if done."""
    from ..api import process_batch
    from ..io.writers import JsonlWriter
    from ..records import ErrorRecord

    out = Path(parts) / f"{shard.id}.jsonl"
    err = Path(parts) / f"{shard.id}.errors.jsonl"
    if out.exists() and err.exists():
        return {"shard": shard.id, "skipped": True}
    nlp = _nlp(model, config)
    tmp_out, tmp_err = out.with_suffix(".jsonl.tmp"), err.with_suffix(".jsonl.tmp")
    docs = errors = 0
    with JsonlWriter(tmp_out, flush_every=100) as w_out, JsonlWriter(tmp_err, flush_every=100) as w_err:
        chunk: List[Any] = []

        def flush() -> None:
            nonlocal docs, errors
            for rec in process_batch(nlp, chunk, batch_size=batch_size):
                if isinstance(rec, ErrorRecord):
                    w_err.write(rec)
                    errors += 1
                else:
                    w_out.write(rec)
                    docs += 1
            chunk.clear()

        for item in _items(shard, text_key, id_key):
            chunk.append(item)
            if len(chunk) >= batch_size:
                flush()
        if chunk:
            flush()
    os.replace(tmp_err, err)
    os.replace(tmp_out, out)  # the data file last: its presence marks the shard done
    return {"shard": shard.id, "skipped": False, "documents": docs, "errors": errors}


def merge_parts(parts: Path, shards: List[Shard], output: Path, errors: Path) -> Dict[str, int]:
    """Concatenate shard outputs, in shard order, into ``output`` and ``errors``."""
    counts = {"documents": 0, "errors": 0}
    with open(output, "w", encoding="utf-8", newline="\n") as out, open(errors, "w", encoding="utf-8", newline="\n") as err:
        for shard in shards:
            for suffix, fh, key in ((".jsonl", out, "documents"), (".errors.jsonl", err, "errors")):
                with open(parts / f"{shard.id}{suffix}", encoding="utf-8") as src:
                    for line in src:
                        fh.write(line)
                        counts[key] += 1
    return counts


def run_dask(
    input: Union[str, Path],
    output: Union[str, Path],
    *,
    errors: Optional[Union[str, Path]] = None,
    scheduler: Optional[str] = None,
    n_workers: Optional[int] = None,
    shard_size: int = 1000,
    merge: bool = True,
    model: Optional[str] = None,
    config: Optional[dict] = None,
    batch_size: int = 16,
    text_key: str = "text",
    id_key: str = "id",
    client: Any = None,
) -> Dict[str, Any]:
    """Extract ``input`` on a Dask cluster.

    scheduler: address of a running scheduler (``tcp://host:8786``); None starts a
        ``LocalCluster`` with ``n_workers`` single-threaded worker processes.
    client: an existing ``distributed.Client`` (e.g. on a dask-jobqueue cluster).
    Output parts go to ``<output>.parts/``; with ``merge`` they are then concatenated
    into ``output`` (and ``errors``) in input order.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - depends on the install
        raise ImportError(Errors.E060) from err
    from ..jobs import default_errors_path

    output = Path(output)
    errors_path = Path(errors) if errors else default_errors_path(output)
    parts = output.with_name(output.name + ".parts")
    parts.mkdir(parents=True, exist_ok=True)
    shards = plan_shards(input, shard_size)
    (parts / "plan.json").write_text(json.dumps([asdict(s) for s in shards], indent=0), encoding="utf-8")

    own_cluster = None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            own_cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(own_cluster)
    try:
        futures = client.map(
            process_shard,
            shards,
            parts=str(parts),
            model=model,
            config=config,
            batch_size=batch_size,
            text_key=text_key,
            id_key=id_key,
            pure=False,
        )
        results = client.gather(futures)
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    summary: Dict[str, Any] = {
        "shards": len(shards),
        "skipped": sum(1 for r in results if r.get("skipped")),
        "parts": str(parts),
    }
    if merge:
        summary.update(merge_parts(parts, shards, output, errors_path))
    return summary
