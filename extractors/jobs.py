"""Batch jobs behind the CLI, as plain functions: files in, files out, a summary back."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Union

from .errors import Errors, OutputExists
from .io.readers import check_input, read_inputs
from .io.writers import JsonlWriter, check_writable, read_jsonl
from .records import DocumentRecord, ErrorRecord, EventRecord

logger = logging.getLogger(__name__)


@dataclass
class ExtractSummary:
    input: str
    output: str
    errors_path: str
    documents: int = 0
    errors: int = 0
    officials: int = 0
    organisations: int = 0
    dates: int = 0
    claims: int = 0
    quotes: int = 0
    seconds: float = 0.0
    error_codes: Dict[str, int] = field(default_factory=dict)
    resumed: int = 0  # inputs found done by an earlier run (with resume)

    def add(self, rec: Union[DocumentRecord, ErrorRecord]) -> None:
        if isinstance(rec, ErrorRecord):
            self.errors += 1
            self.error_codes[rec.error] = self.error_codes.get(rec.error, 0) + 1
            return
        self.documents += 1
        self.officials += len(rec.officials)
        self.organisations += len(rec.organisations)
        self.dates += len(rec.dates)
        self.claims += len(rec.claims)
        self.quotes += len(rec.quotes)


@dataclass
class ReconcileSummary:
    records: str
    output: str
    documents: int = 0
    events: int = 0
    multi_document_events: int = 0
    claims: Dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class Progress:
    """A progress line on stderr, at most once a second; silent when ``enabled`` is False."""

    def __init__(self, label: str, enabled: bool = True, stream: Any = None):
        self.label = label
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.last = 0.0
        self.count = 0
        self.errors = 0

    def update(self, n: int = 1, errors: int = 0) -> None:
        self.count += n
        self.errors += errors
        now = time.monotonic()
        if self.enabled and now - self.last >= 1.0:
            self.last = now
            self._print(end="\r")

    def _print(self, end: str) -> None:
        rate = self.count / max(1e-9, time.monotonic() - self.start)
        self.stream.write(f"{self.label}: {self.count} done, {self.errors} errors, {rate:.1f}/s{end}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._print(end="\n")


def default_errors_path(output: Path) -> Path:
    name = output.name
    for suffix in (".jsonl", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return output.with_name(name + ".errors.jsonl")


def extract_file(
    input: Union[str, Path],
    output: Union[str, Path],
    *,
    errors: Optional[Union[str, Path]] = None,
    model: Optional[str] = None,
    batch_size: Optional[int] = None,
    n_process: int = 1,
    force: bool = False,
    published: Optional[str] = None,
    text_key: str = "text",
    id_key: str = "id",
    progress: bool = True,
    engine: str = "local",
    scheduler: Optional[str] = None,
    shard_size: int = 1000,
    resume: bool = False,
    nlp: Any = None,
    config: Optional[Dict[str, Dict[str, Any]]] = None,
) -> ExtractSummary:
    """Extract every article of ``input`` to JSONL at ``output``; failures go to ``errors``.

    Every input item yields exactly one line in one of the two files, in input order.
    ``engine="dask"`` runs one task per input shard on a Dask cluster (see engines.dask).
    ``resume=True`` continues a run that was killed: inputs already in ``output`` or
    ``errors`` are skipped and new lines are appended (a torn last line is dropped first).
    """
    from .api import DEFAULT_BATCH_SIZE, iter_extract

    input, output = Path(input), Path(output)
    check_input(input)
    errors_path = Path(errors) if errors else default_errors_path(output)
    done: set = set()
    if resume:
        done = completed_keys(output) | completed_keys(errors_path)
    else:
        check_writable(output, force)
        check_writable(errors_path, force)
    summary = ExtractSummary(input=str(input), output=str(output), errors_path=str(errors_path))
    if engine == "dask":
        from .engines.dask import run_dask

        start = time.monotonic()
        res = run_dask(input, output, errors=errors_path, scheduler=scheduler, n_workers=None if n_process in (1, -1) else n_process,
                       shard_size=shard_size, model=model, config=config, batch_size=batch_size or DEFAULT_BATCH_SIZE, text_key=text_key, id_key=id_key)
        for d in read_jsonl(output):
            summary.add(DocumentRecord.from_dict(d))
        for d in read_jsonl(errors_path):
            summary.add(ErrorRecord.from_dict(d))
        summary.seconds = round(time.monotonic() - start, 3)
        logger.info("dask: %s", res)
        return summary
    items = read_inputs(input, text_key=text_key, id_key=id_key)
    if done:
        summary.resumed = len(done)
        items = (it for it in items if input_key(it) not in done)
    start = time.monotonic()
    bar = Progress("extract", enabled=progress)
    mode = "a" if resume else "w"
    with JsonlWriter(output, mode=mode) as out, JsonlWriter(errors_path, mode=mode) as err:
        for rec in iter_extract(items, nlp=nlp, model=model, published=published, batch_size=batch_size or DEFAULT_BATCH_SIZE, n_process=n_process, config=config):
            if isinstance(rec, ErrorRecord):
                err.write(rec)
                logger.info("skipped %s: %s", rec.input, rec.reason)
            else:
                out.write(rec)
            summary.add(rec)
            bar.update(1, errors=int(isinstance(rec, ErrorRecord)))
    bar.close()
    summary.seconds = round(time.monotonic() - start, 3)
    return summary


def input_key(item: Union[DocumentRecord, ErrorRecord, Any]) -> str:
    """What identifies an input across runs: its id, or for an input with no id
    (e.g. a malformed JSON line) where it came from."""
    if isinstance(item, ErrorRecord):
        return f"id:{item.id}" if item.id else f"at:{item.input}"
    return f"id:{item.id}"


def completed_keys(path: Path) -> set:
    """Keys of the inputs already written to ``path``; drops a torn (unterminated) last
    line left by a killed run so appending keeps the file valid JSONL."""
    import json

    keys: set = set()
    if not path.exists():
        return keys
    with open(path, "rb+") as fh:
        data = fh.read()
        cut = data.rfind(b"\n") + 1
        if cut < len(data):
            fh.truncate(cut)
    for line in data[:cut].decode("utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        if "error" in d and "reason" in d:
            keys.add(input_key(ErrorRecord.from_dict(d)))
        else:
            keys.add(f"id:{d['id']}")
    return keys


def load_records(path: Union[str, Path]) -> List[DocumentRecord]:
    """Document records from a JSONL file written by ``extract``."""
    out = []
    for i, d in enumerate(read_jsonl(path), start=1):
        if not isinstance(d, dict) or "id" not in d:
            raise ValueError(Errors.E041.format(path=path, line=i, reason="no 'id'"))
        out.append(DocumentRecord.from_dict(d))
    return out


def summarise_events(events: Iterable[EventRecord]) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for ev in events:
        for c in ev.claims:
            counts[c.status] = counts.get(c.status, 0) + 1
    return counts


def reconcile_file(records: Union[str, Path], output: Union[str, Path], *, force: bool = False, **options: Any) -> ReconcileSummary:
    """Reconcile the document records in ``records`` into events written to ``output``."""
    from .reconcile.stream import reconcile_jsonl

    records, output = Path(records), Path(output)
    check_writable(output, force)
    start = time.monotonic()
    # up to reconcile.stream.BATCH_LIMIT records in one batch; more streamed by date in
    # a sliding window (bounded memory)
    counts = reconcile_jsonl(records, output, **options)
    return ReconcileSummary(
        records=str(records),
        output=str(output),
        documents=counts["documents"],
        events=counts["events"],
        multi_document_events=counts["multi_document_events"],
        claims=counts["claims"],
        seconds=round(time.monotonic() - start, 3),
    )


def table_destination(outdir: Path, format: str) -> Path:
    """Where ``run --format`` puts its tables: a folder, or one DuckDB file."""
    return outdir / "extractors.duckdb" if format == "duckdb" else outdir / "tables"


def run_job(input: Union[str, Path], outdir: Union[str, Path], *, force: bool = False, format: str = "jsonl", **options: Any):
    """The main job: extract ``input`` into ``outdir/records.jsonl`` (errors in
    ``outdir/errors.jsonl``), then reconcile into ``outdir/events.jsonl``; with
    ``format`` csv, parquet or duckdb also write the flat tables of both."""
    outdir = Path(outdir)
    records = outdir / "records.jsonl"
    events = outdir / "events.jsonl"
    if events.exists() and not force:
        raise OutputExists(Errors.E040.format(path=events))
    ex = extract_file(input, records, errors=outdir / "errors.jsonl", force=force, **options)
    rc = reconcile_file(records, events, force=force)
    if format != "jsonl":
        from .io.export import export

        export(records, table_destination(outdir, format), format=format, events=events)
    return ex, rc


def extract_tables(input: Union[str, Path], output: Union[str, Path], *, format: str, force: bool = False, **options: Any) -> ExtractSummary:
    """``extract --format csv|parquet|duckdb``: the JSONL records are streamed first (so a
    killed run can resume), then turned into tables. csv/parquet: ``output`` is a folder
    holding ``records.jsonl``, ``errors.jsonl`` and one file per table; duckdb: ``output``
    is the database file, with ``<name>.records.jsonl`` and ``<name>.errors.jsonl`` beside it."""
    from .io.export import export

    output = Path(output)
    if format == "duckdb":
        records, errors = output.with_name(output.name + ".records.jsonl"), output.with_name(output.name + ".errors.jsonl")
        if output.exists() and not force and not options.get("resume"):
            raise OutputExists(Errors.E040.format(path=output))
    else:
        records, errors = output / "records.jsonl", output / "errors.jsonl"
    summary = extract_file(input, records, errors=errors, force=force, **options)
    export(records, output, format=format)
    summary.output = str(output)
    return summary


def format_summary(ex: Optional[ExtractSummary] = None, rc: Optional[ReconcileSummary] = None) -> str:
    lines = []
    if ex is not None:
        lines.append(
            f"extracted {ex.documents} documents ({ex.errors} errors) in {ex.seconds:.1f}s: "
            f"{ex.officials} officials, {ex.organisations} organisations, {ex.dates} dates, "
            f"{ex.claims} claims, {ex.quotes} quotes"
        )
        lines.append(f"  records: {ex.output}")
        lines.append(f"  errors:  {ex.errors_path}" + (f" ({', '.join(f'{k}: {v}' for k, v in sorted(ex.error_codes.items()))})" if ex.error_codes else ""))
    if rc is not None:
        status = ", ".join(f"{v} {k}" for k, v in sorted(rc.claims.items())) or "no claims"
        lines.append(
            f"reconciled {rc.documents} documents into {rc.events} events "
            f"({rc.multi_document_events} reported by more than one document); claims: {status}"
        )
        lines.append(f"  events:  {rc.output}")
    return "\n".join(lines)
