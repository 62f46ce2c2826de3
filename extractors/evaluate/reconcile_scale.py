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
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from typing import Dict, List, Optional, Tuple

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


def synthetic_records(n: int, *, per_day: int = 150, seed: int = 1) -> Tuple[List[DocumentRecord], Dict[str, str]]:
    """``n`` records and their gold event per record id."""
    first, last, words, orgs, units = vocabulary(seed)
    rng = random.Random(seed + 1)
    start = date(2020, 1, 1)
    days = max(1, n // per_day)
    zipf_weights = [1.0 / (r + 1) for r in range(len(words))]
    out: List[DocumentRecord] = []
    gold: Dict[str, str] = {}
    ev = 0
    while len(out) < n:
        ev += 1
        size = min(n - len(out), rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8]))
        day = start + timedelta(days=rng.randrange(days))
        people = [f"{rng.choice(first)} {rng.choice(last)}" for _ in range(rng.randint(1, 3))]
        event_orgs = [orgs[min(len(orgs) - 1, int(rng.paretovariate(1.2)) - 1)] for _ in range(rng.randint(1, 2))]
        figures = [(rng.choice([round(rng.uniform(1, 99), rng.choice([0, 1])), rng.randint(100, 900000)]), rng.choice(units)) for _ in range(rng.randint(0, 4))]
        topic = rng.choices(words, weights=zipf_weights, k=6) + rng.sample(words, 4)
        for k in range(size):
            doc_id = f"d{len(out):07d}"
            pub = None if rng.random() < 0.2 else (day + timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))).isoformat()
            kw = [w for w in topic if rng.random() < 0.7] + rng.choices(words, weights=zipf_weights, k=12)
            seen = set()
            kw = [w for w in kw if not (w in seen or seen.add(w))]
            officials = [Official(id=f"P{i}", name=(p if rng.random() < 0.7 else p.split()[-1]), title="director") for i, p in enumerate(people) if rng.random() < 0.8]
            organisations = [Organisation(id=f"O{i}", name=o[0] if rng.random() < 0.6 else o[1], acronym=o[1]) for i, o in enumerate(event_orgs) if rng.random() < 0.8]
            claims = []
            for i, (v, u) in enumerate(figures):
                if rng.random() < 0.6:
                    unit = "percent" if v < 100 else u
                    claims.append(Claim(id=f"C{i}", text=f"{v} {unit}", start=i * 20, end=i * 20 + 8, value=float(v), unit=unit, sentence=f"{v} {unit} {' '.join(topic[:3])}"))
            out.append(DocumentRecord(id=doc_id, published=pub, source=f"outlet{rng.randrange(40)}", officials=officials, organisations=organisations, claims=claims, keywords=kw))
            gold[doc_id] = f"e{ev}"
    return out, gold


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_one(n: int, per_day: int) -> Dict[str, float]:
    from ..reconcile import reconcile
    from .metrics import bcubed

    base = _rss_mb()
    records, gold = synthetic_records(n, per_day=per_day)
    with_records = _rss_mb()
    t0 = time.perf_counter()
    events = reconcile(records)
    seconds = time.perf_counter() - t0
    peak = _rss_mb()
    pred = {d: e.event_id for e in events for d in e.doc_ids}
    p, r, f = bcubed(gold, pred)
    return {
        "records": n,
        "events": len(events),
        "gold_events": len(set(gold.values())),
        "seconds": round(seconds, 2),
        "us_per_record": round(1e6 * seconds / n, 1),
        "peak_rss_mb": round(peak, 1),
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
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print one JSON object per size")
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.per_day)))
        return 0
    rows = []
    for n in args.sizes:
        # each size in a fresh interpreter, so that its peak memory is its own
        res = subprocess.run([sys.executable, "-m", __name__ if __name__ != "__main__" else "extractors.evaluate.reconcile_scale", "--one", str(n), "--per-day", str(args.per_day)], capture_output=True, text=True)
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            return res.returncode
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
        if args.json:
            print(json.dumps(rows[-1]), flush=True)
    if not args.json:
        print(f"{'records':>8} {'events':>7} {'seconds':>8} {'us/rec':>7} {'peak MB':>8} {'recs MB':>8} {'recon MB':>8} {'B3 F1':>6}")
        for r in rows:
            print(f"{r['records']:>8} {r['events']:>7} {r['seconds']:>8.2f} {r['us_per_record']:>7.1f} {r['peak_rss_mb']:>8.1f} {r['records_rss_mb']:>8.1f} {r['reconcile_rss_mb']:>8.1f} {r['bcubed_f1']:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
