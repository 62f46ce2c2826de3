"""Throughput and memory benchmark on a folder of real articles (e.g. the BBC News set).

    extractors bench ../shared/corpora/bbc-news [--limit N] [--rounds 3] [--json OUT]

Measures, on the same articles:

* words/s of our full extraction (``process_batch``: base model + every component +
  records) against plain spaCy running its own default pipeline of the same model
  (``nlp.pipe`` with every component), alternating the two in one run; the ratio
  ours/plain (time) is the number that matters (<= 1.0 means we are not slower);
* each component's share of pipeline time (base components and ours);
* peak memory (max RSS of a fresh process) at two input sizes, and the resident memory of
  one long run sampled as it goes (the articles passed through several times), to show it
  stays flat as input grows;
* ``--n-process`` scaling (1 vs 2 workers) and the Dask engine on a LocalCluster.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional


def read_folder(folder: Path, limit: Optional[int] = None) -> List[Dict[str, str]]:
    """Articles of a folder tree of .txt files (sorted), decoded like the readers do."""
    from .io.readers import decode_bytes

    files = sorted(p for p in folder.rglob("*.txt") if p.name.upper() != "README.TXT")
    if limit:
        files = files[:limit]
    out = []
    for p in files:
        text, _ = decode_bytes(p.read_bytes())
        out.append({"id": str(p.relative_to(folder).with_suffix("")), "text": text})
    return out


def _words(articles: List[Dict[str, str]]) -> int:
    return sum(len(a["text"].split()) for a in articles)


def time_plain(model: str, articles: List[Dict[str, str]], batch_size: int) -> float:
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe((a["text"] for a in articles), batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_ours(nlp: Any, articles: List[Dict[str, str]], batch_size: int) -> float:
    from .api import as_input_records, process_batch

    items = list(as_input_records(articles))
    start = time.perf_counter()
    for i in range(0, len(items), batch_size):
        process_batch(nlp, items[i : i + batch_size], batch_size=batch_size)
    return time.perf_counter() - start


def component_shares(nlp: Any, articles: List[Dict[str, str]], batch_size: int) -> Dict[str, float]:
    """Seconds per component, by running the pipeline one component at a time per batch."""
    from .api import as_input_records
    from .pipeline import make_doc

    items = list(as_input_records(articles))
    spent: Dict[str, float] = {"tokenizer": 0.0}
    spent.update({name: 0.0 for name in nlp.pipe_names})
    for i in range(0, len(items), batch_size):
        t = time.perf_counter()
        docs = [make_doc(nlp, r) for r in items[i : i + batch_size]]
        spent["tokenizer"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=batch_size))
            else:
                docs = [proc(d) for d in docs]
            spent[name] += time.perf_counter() - t
    total = sum(spent.values())
    return {k: round(100 * v / total, 1) for k, v in spent.items()}


_RSS_CHILD = """
import json, resource, sys
from pathlib import Path
from extractors.bench import read_folder
from extractors.jobs import extract_file
import jsonlines
folder, n, batch, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
arts = read_folder(Path(folder), n)
inp = Path(out).with_suffix('.in.jsonl')
with jsonlines.open(inp, 'w') as w:
    w.write_all(arts)
extract_file(inp, out, force=True, progress=False, batch_size=batch)
print(json.dumps({'max_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def peak_rss(folder: Path, n: int, batch_size: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(folder), str(n), str(batch_size), str(Path(tmp) / "o.jsonl")], capture_output=True, text=True, check=True)
    return round(json.loads(out.stdout.strip().splitlines()[-1])["max_rss_mb"], 1)


_CURVE_CHILD = """
import json, resource, sys
from pathlib import Path
from extractors.bench import read_folder, current_rss_mb
from extractors.api import iter_extract
folder, passes, batch, every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
arts = read_folder(Path(folder))
def stream():
    for p in range(passes):
        for a in arts:
            yield {"id": f"{a['id']}#{p}", "text": a["text"]}
points = []
for i, rec in enumerate(iter_extract(stream(), batch_size=batch), 1):
    if i % every == 0:
        points.append([i, round(current_rss_mb(), 1), round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)])
print(json.dumps(points))
"""


def current_rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; else the peak so far)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_curve(folder: Path, passes: int, batch_size: int, every: int = 250) -> List[List[float]]:
    """[documents processed, resident MB now, peak MB so far] of one run over the folder
    ``passes`` times."""
    out = subprocess.run([sys.executable, "-c", _CURVE_CHILD, str(folder), str(passes), str(batch_size), str(every)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_n_process(folder: Path, articles: List[Dict[str, str]], n_process: int, batch_size: int) -> float:
    import jsonlines

    from .jobs import extract_file

    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        with jsonlines.open(inp, "w") as w:
            w.write_all(articles)
        start = time.perf_counter()
        extract_file(inp, Path(tmp) / "o.jsonl", n_process=n_process, batch_size=batch_size, progress=False)
        return time.perf_counter() - start


def time_dask(articles: List[Dict[str, str]], n_workers: int, batch_size: int) -> float:
    import jsonlines

    from .engines.dask import run_dask

    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        with jsonlines.open(inp, "w") as w:
            w.write_all(articles)
        start = time.perf_counter()
        run_dask(inp, Path(tmp) / "o.jsonl", n_workers=n_workers, shard_size=max(1, len(articles) // (4 * n_workers)), batch_size=batch_size)
        return time.perf_counter() - start


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="extractors bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="a folder (tree) of .txt articles, e.g. ../shared/corpora/bbc-news")
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles (default: all)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of plain spaCy vs ours")
    parser.add_argument("--batch-size", type=int, default=None, help="batch size for both (default: ours, 16)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--skip", nargs="*", default=[], choices=["shares", "memory", "scaling", "dask"], help="parts to skip")
    parser.add_argument("--passes", type=int, default=3, help="memory curve: times the folder is run through in one process")
    parser.add_argument("--json", default=None, help="also write the results to this JSON file")
    args = parser.parse_args(argv)

    from .api import DEFAULT_BATCH_SIZE
    from .pipeline import load, resolve_model

    batch = args.batch_size or DEFAULT_BATCH_SIZE
    folder = Path(args.path)
    articles = read_folder(folder, args.limit)
    words = _words(articles)
    model = resolve_model(args.model)
    nlp = load(model)
    res: Dict[str, Any] = {"articles": len(articles), "words": words, "model": model, "batch_size": batch, "cpu_count": os.cpu_count()}
    print(f"{len(articles)} articles, {words} words, model {model}, batch size {batch}", flush=True)

    time_ours(nlp, articles[:20], batch)  # warm up caches and lazy loads on both sides
    plain_t, ours_t = [], []
    for r in range(args.rounds):
        plain_t.append(time_plain(model, articles, batch))
        ours_t.append(time_ours(nlp, articles, batch))
        print(f"round {r + 1}: plain spaCy {words / plain_t[-1]:.0f} words/s, ours {words / ours_t[-1]:.0f} words/s", flush=True)
    res["plain_words_per_s"] = round(words / min(plain_t))
    res["ours_words_per_s"] = round(words / min(ours_t))
    res["ratio_time_ours_to_plain"] = round(min(ours_t) / min(plain_t), 3)
    print(f"best of {args.rounds}: plain {res['plain_words_per_s']} words/s, ours {res['ours_words_per_s']} words/s, time ratio ours/plain {res['ratio_time_ours_to_plain']}", flush=True)

    if "shares" not in args.skip:
        res["component_share_percent"] = component_shares(nlp, articles, batch)
        print("share of pipeline time (%):", res["component_share_percent"], flush=True)
    if "memory" not in args.skip:
        small = min(200, len(articles))
        res["peak_rss_mb"] = {str(small): peak_rss(folder, small, batch), str(len(articles)): peak_rss(folder, len(articles), batch)}
        print("peak RSS (MB) by number of articles:", res["peak_rss_mb"], flush=True)
        curve = rss_curve(folder, args.passes, batch)
        res["rss_curve_mb"] = curve
        if len(curve) >= 4:
            early = curve[len(curve) // 4][1]
            res["rss_growth_after_first_quarter_mb"] = round(curve[-1][1] - early, 1)
        print("[documents, resident MB, peak MB] as documents are processed:", curve, flush=True)
    if "scaling" not in args.skip:
        t1 = time_n_process(folder, articles, 1, batch)
        t2 = time_n_process(folder, articles, 2, batch)
        res["n_process_seconds"] = {"1": round(t1, 2), "2": round(t2, 2)}
        res["n_process_speedup"] = round(t1 / t2, 2)
        print(f"n_process 1: {t1:.1f}s, 2: {t2:.1f}s, speed-up {t1 / t2:.2f}x", flush=True)
    if "dask" not in args.skip:
        td = time_dask(articles, 2, batch)
        res["dask_seconds_2_workers"] = round(td, 2)
        res["dask_words_per_s"] = round(words / td)
        print(f"dask LocalCluster 2 workers: {td:.1f}s, {words / td:.0f} words/s", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
