"""Reconciliation at scale: time and peak memory for N synthetic document records.

    python -m extractors.evaluate.reconcile_scale                # N = 1,000 / 10,000 / 100,000
    python -m extractors.evaluate.reconcile_scale --sizes 1000 5000 --per-day 150

Synthetic records imitate a news stream: events (a briefing, a release, an incident)
with 1-8 reports each, spread over time at ``--per-day`` documents a day (so 100,000
records cover about two years at 150 a day); every report names some of its event's
officials and organisations, states some of its figures, and has keywords drawn from
the event's own words plus a Zipf-distributed background vocabulary shared by all
events; a fifth of the reports are undated. Names, organisations and vocabulary are
shared across events, so blocking has common keys to cope with.

Each size runs in its own process, so its peak resident memory (``ru_maxrss``) is its
own. Reported: records, events found, seconds, microseconds per record, peak memory,
the memory the records themselves take, and B-cubed F1 against the synthetic events.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from typing import Dict, Iterator, List, Optional, Tuple

from ..records import Claim, DocumentRecord, Official, Organisation

SYLLABLES = ["ka", "lo", "ri", "mu", "te", "sa", "no", "vi", "da", "pe", "ro", "li", "ma", "tu", "ne", "ba", "go", "fi", "ze", "hu"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def vocabulary(seed: int) -> Tuple[List[str], List[str], List[str], List[Tuple[str, str]], List[str]]:
    rng = random.Random(seed)
    first = sorted({_word(rng, 2).title() for _ in range(400)})
    last = sorted({_word(rng, 3).title() for _ in range(5000)})
    words = sorted({_word(rng, 3) for _ in range(30000)})
    orgs = []
    for _ in range(800):
        name = f"{_word(rng, 2).title()} {rng.choice(['Agency', 'Office', 'Council', 'Police', 'Ministry', 'Trust', 'Bank', 'Court'])}"
        orgs.append((name, "".join(w[0] for w in name.split()).upper() + _word(rng, 1).upper()[:1]))
    units = ["people", "adults", "children", "offenders", "cases", "homes", "jobs", "patients"]
    return first, last, words, orgs, units


def synthetic_stream(n: int, *, per_day: int = 150, seed: int = 1) -> Iterator[Tuple[DocumentRecord, int, int]]:
    """``n`` synthetic records in publication-date order, one at a time, each with its
    gold event number and that event's size. Events start day after day (``per_day``
    documents a day); their reports appear on the start day or up to two days later, a
    fifth undated (placed at the start day). Only a few days of records are held."""
    first, last, words, orgs, units = vocabulary(seed)
    rng = random.Random(seed + 1)
    start = date(2020, 1, 1)
    zipf_weights = [1.0 / (r + 1) for r in range(len(words))]
    cum = list(itertools.accumulate(zipf_weights))
    made = 0
    ev = 0
    day = 0
    today = 0  # documents of events started on ``day``
    pending: List[Tuple[int, int, DocumentRecord, int, int]] = []  # (day, seq, record, event, size)
    while made < n:
        ev += 1
        size = min(n - made, rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8]))
        if today >= per_day:
            day += 1
            today = 0
            while pending and pending[0][0] < day:
                _, _, r, e, k = heapq.heappop(pending)
                yield r, e, k
        today += size
        people = [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(rng.randint(1, 3))]
        event_orgs = [orgs[min(len(orgs) - 1, int(rng.paretovariate(1.2)) - 1)] for _ in range(rng.randint(1, 2))]
        figures = [(rng.choice([round(rng.uniform(1, 99), rng.choice([0, 1])), rng.randint(100, 900000)]), rng.choice(units)) for _ in range(rng.randint(0, 4))]
        topic = rng.choices(words, cum_weights=cum, k=6) + rng.sample(words, 4)
        for k in range(size):
            doc_id = f"d{made:07d}"
            offset = rng.choice([0, 0, 0, 1, 1, 2])
            undated = rng.random() < 0.2
            pub = None if undated else (start + timedelta(days=day + offset)).isoformat()
            kw = [w for w in topic if rng.random() < 0.7] + rng.choices(words, cum_weights=cum, k=12)
            seen: set = set()
            kw = [w for w in kw if not (w in seen or seen.add(w))]
            officials = [Official(id=f"P{i}", name=(p if rng.random() < 0.7 else p.split()[-1]), title="director") for i, p in enumerate(people) if rng.random() < 0.8]
            organisations = [Organisation(id=f"O{i}", name=o[0] if rng.random() < 0.6 else o[1], acronym=o[1]) for i, o in enumerate(event_orgs) if rng.random() < 0.8]
            claims = []
            for i, (v, u) in enumerate(figures):
                if rng.random() < 0.6:
                    unit = "percent" if v < 100 else u
                    claims.append(Claim(id=f"C{i}", text=f"{v} {unit}", start=i * 20, end=i * 20 + 8, value=float(v), unit=unit, sentence=f"{v} {unit} {' '.join(topic[:3])}"))
            r = DocumentRecord(id=doc_id, published=pub, source=f"outlet{rng.randrange(40)}", officials=officials, organisations=organisations, claims=claims, keywords=kw)
            heapq.heappush(pending, (day + (0 if undated else offset), made, r, ev, size))
            made += 1
    while pending:
        _, _, r, e, k = heapq.heappop(pending)
        yield r, e, k


def synthetic_records(n: int, *, per_day: int = 150, seed: int = 1) -> Tuple[List[DocumentRecord], Dict[str, str]]:
    """``n`` records (in date order) and their gold event per record id, as one list."""
    out: List[DocumentRecord] = []
    gold: Dict[str, str] = {}
    for r, e, _ in synthetic_stream(n, per_day=per_day, seed=seed):
        out.append(r)
        gold[r.id] = f"e{e}"
    return out, gold


class StreamingBCubed:
    """B-cubed P/R over events as they are written, without keeping them: each record's
    gold event and its size are known when it is generated; an event's members are
    scored when the event is written."""

    def __init__(self) -> None:
        self.gold: Dict[str, Tuple[int, int]] = {}  # live records only: id -> (event, size)
        self.p = self.r = 0.0
        self.n = 0

    def record(self, doc_id: str, event: int, size: int) -> None:
        self.gold[doc_id] = (event, size)

    def event(self, doc_ids: List[str]) -> None:
        labels = [self.gold.pop(d) for d in doc_ids]
        counts: Dict[int, int] = {}
        for e, _ in labels:
            counts[e] = counts.get(e, 0) + 1
        for e, size in labels:
            self.p += counts[e] / len(labels)
            self.r += counts[e] / size
            self.n += 1

    def scores(self) -> Tuple[float, float, float]:
        p, r = self.p / max(1, self.n), self.r / max(1, self.n)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_one(n: int, per_day: int, *, batch: bool = False) -> Dict[str, float]:
    """Reconcile ``n`` streamed synthetic records (``batch``: all in memory at once, the
    way ``reconcile()`` works) and measure time, peak memory and B-cubed."""
    from ..reconcile import reconcile
    from ..reconcile.stream import reconcile_stream

    score = StreamingBCubed()
    events = 0
    base = _rss_mb()
    t0 = time.perf_counter()

    def feed() -> Iterator[DocumentRecord]:
        for r, e, k in synthetic_stream(n, per_day=per_day):
            score.record(r.id, e, k)
            yield r

    if batch:
        records = list(feed())
        with_records = _rss_mb()
        t0 = time.perf_counter()
        for ev in reconcile(records):
            score.event(ev.doc_ids)
            events += 1
    else:
        with_records = base
        for ev in reconcile_stream(feed()):
            score.event(ev.doc_ids)
            events += 1
    seconds = time.perf_counter() - t0
    peak = _rss_mb()
    p, r, f = score.scores()
    return {
        "records": n,
        "mode": "batch" if batch else "stream",
        "events": events,
        "seconds": round(seconds, 2),
        "us_per_record": round(1e6 * seconds / n, 1),
        "peak_rss_mb": round(peak, 1),
        "base_rss_mb": round(base, 1),
        "records_rss_mb": round(with_records - base, 1),
        "reconcile_rss_mb": round(peak - with_records, 1),
        "bcubed_p": round(100 * p, 1),
        "bcubed_r": round(100 * r, 1),
        "bcubed_f1": round(100 * f, 1),
    }


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractors.evaluate.reconcile_scale", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="numbers of records (default: 1000 10000 100000)")
    parser.add_argument("--per-day", type=int, default=150, help="synthetic documents per publication day (default: 150)")
    parser.add_argument("--batch", action="store_true", help="hold all records and reconcile them in one batch (the unbounded way, for comparison)")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print one JSON object per size")
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.per_day, batch=args.batch)))
        return 0
    rows = []
    for n in args.sizes:
        # each size in a fresh interpreter, so that its peak memory is its own
        res = subprocess.run([sys.executable, "-m", __name__ if __name__ != "__main__" else "extractors.evaluate.reconcile_scale", "--one", str(n), "--per-day", str(args.per_day)] + (["--batch"] if args.batch else []), capture_output=True, text=True)
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            return res.returncode
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
        if args.json:
            print(json.dumps(rows[-1]), flush=True)
    if not args.json:
        print(f"{'mode':>6} {'records':>8} {'events':>7} {'seconds':>8} {'us/rec':>7} {'peak MB':>8} {'base MB':>8} {'recs MB':>8} {'recon MB':>8} {'B3 F1':>6}")
        for r in rows:
            print(f"{r['mode']:>6} {r['records']:>8} {r['events']:>7} {r['seconds']:>8.2f} {r['us_per_record']:>7.1f} {r['peak_rss_mb']:>8.1f} {r['base_rss_mb']:>8.1f} {r['records_rss_mb']:>8.1f} {r['reconcile_rss_mb']:>8.1f} {r['bcubed_f1']:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
