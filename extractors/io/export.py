"""Export records (and events) as flat tables: CSV or Parquet files, or a DuckDB database.

Tables: documents, officials, persons, organisations, dates, claims, quotes and, when
events are given, events, event_claims, event_members (see :mod:`extractors.tables`).

    extractors export out/records.jsonl --events out/events.jsonl -o out/db.duckdb --format duckdb
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

from ..errors import Errors
from ..tables import DOCUMENT_KINDS, EVENT_KINDS, rows

FORMATS = ("csv", "parquet", "duckdb")


def _tables(records: Union[str, Path], events: Optional[Union[str, Path]]) -> Dict[str, List[Dict[str, Any]]]:
    out = {kind: rows(records, kind) for kind in DOCUMENT_KINDS}
    if events is not None:
        out.update({kind: rows(events, kind) for kind in EVENT_KINDS})
    return out


def _arrow(data: List[Dict[str, Any]]) -> Any:
    try:
        import pyarrow as pa
    except ImportError as err:  # pragma: no cover
        raise ImportError(Errors.E061.format(feature="Parquet and DuckDB export", extra="tables")) from err
    return pa.Table.from_pylist(data) if data else pa.table({"empty": pa.array([], pa.null())})


def export(records: Union[str, Path], output: Union[str, Path], *, format: str = "parquet", events: Optional[Union[str, Path]] = None) -> Dict[str, int]:
    """Write the tables of ``records`` (and ``events``) to ``output``.

    csv / parquet: ``output`` is a folder with one ``<table>.<format>`` file per table.
    duckdb: ``output`` is a database file with one table per kind.
    Returns the number of rows per table.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    output = Path(output)
    tables = _tables(records, events)
    if format == "csv":
        output.mkdir(parents=True, exist_ok=True)
        for name, data in tables.items():
            with open(output / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
                if not data:
                    continue
                writer = csv.DictWriter(fh, fieldnames=list(data[0]))
                writer.writeheader()
                writer.writerows(data)
    elif format == "parquet":
        import pyarrow.parquet as pq

        output.mkdir(parents=True, exist_ok=True)
        for name, data in tables.items():
            pq.write_table(_arrow(data), output / f"{name}.parquet")
    else:
        try:
            import duckdb
        except ImportError as err:  # pragma: no cover
            raise ImportError(Errors.E061.format(feature="DuckDB export", extra="tables")) from err
        output.parent.mkdir(parents=True, exist_ok=True)
        if output.exists():
            output.unlink()
        con = duckdb.connect(str(output))
        try:
            for name, data in tables.items():
                arrow_table = _arrow(data)  # noqa: F841 - read by DuckDB by name
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM arrow_table')
        finally:
            con.close()
    return {name: len(data) for name, data in tables.items()}
