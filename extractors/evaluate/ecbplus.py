"""ECB+ sub-topic document clustering: does reconciliation tell similar events apart?

Each ECB+ topic holds two similar but distinct seminal events (files ``N_Mecb.xml`` and
``N_Mecbplus.xml``, e.g. two different earthquakes). We rebuild one plain-text document
per file from its tokens (in ``ecbplus`` files sentence 0 is the source URL and is
dropped), extract records with our pipeline, reconcile ALL topics together (no topic
information is given to the reconciler) and score the predicted events against the gold
sub-topic events (topic + ecb/ecbplus) with B-cubed precision, recall and F1.

    extractors evaluate ecbplus ../shared/corpora/ecbplus
    python -m extractors.evaluate.ecbplus ../shared/corpora/ecbplus --topics 1-35

Extracted records are cached (``--cache``; default: a folder in the system temp dir,
keyed by the texts, the model and the code of the pipeline), so reruns only reconcile.
The documents carry no publication metadata; the pipeline infers a date from a dateline
when the text has one (170 of the 772 documents of topics 1-35). Standard split (Cybulska & Vossen 2015):
dev = topics 2, 5, 12, 18, 21, 23, 34, 35; train = the other topics 1-35.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from ..errors import Errors
from ..records import DocumentRecord, EventRecord
from .metrics import bcubed

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}
_FILE = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")


# --------------------------------------------------------------------------- documents


def detokenise(tokens: Sequence[str]) -> str:
    """Join tokens into readable text: no space before closing punctuation and clitics."""
    out: List[str] = []
    prev = ""
    quote_open = False
    for tok in tokens:
        if tok in ("``", "''"):
            tok = '"'
        if not out:
            space = False
        elif tok == '"':
            space = not quote_open and prev not in _NO_SPACE_AFTER
        else:
            space = tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER and not (prev == '"' and quote_open)
        if tok == '"':
            quote_open = not quote_open
        out.append((" " if space else "") + tok)
        prev = tok
    return "".join(out)


def read_document(path: Path) -> str:
    """One ECB+ file as plain text: one line per sentence; sentence 0 of ecbplus files
    (the source URL) is dropped."""
    root = ET.parse(path).getroot()
    sentences: Dict[int, List[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    plus = path.name.endswith("ecbplus.xml")
    lines = [detokenise(toks) for s, toks in sorted(sentences.items()) if not (plus and s == 0)]
    return "\n".join(line for line in lines if line.strip())


def parse_topics(spec: str) -> Set[int]:
    """``"1-35"`` or ``"1,3,5-7"`` -> a set of topic numbers."""
    out: Set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.update(range(int(a), int(b) + 1))
        else:
            out.add(int(part))
    return out


def load_documents(folder: Path, topics: Optional[Iterable[int]] = None) -> List[Tuple[str, str, str]]:
    """``(doc_id, text, gold sub-topic)`` for every file of the chosen topics, sorted.

    folder: the ECB+ release folder (holding ``ECB+/``) or the ``ECB+`` folder itself.
    """
    base = folder / "ECB+" if (folder / "ECB+").is_dir() else folder
    if not base.is_dir():
        raise FileNotFoundError(Errors.E050.format(path=folder, hint="expected a folder with ECB+/<topic>/<topic>_<n>ecb.xml files"))
    wanted = set(topics) if topics is not None else None
    out = []
    for path in sorted(base.glob("*/*.xml")):
        m = _FILE.match(path.name)
        if not m:
            continue
        topic = int(m.group(1))
        if wanted is not None and topic not in wanted:
            continue
        out.append((path.stem, read_document(path), f"{topic}_{m.group(3)}"))
    out.sort(key=lambda t: (int(t[0].split("_")[0]), t[0]))
    if not out:
        raise FileNotFoundError(Errors.E050.format(path=folder, hint="no ECB+ documents for the chosen topics"))
    return out


# --------------------------------------------------------------------------- extraction


def _code_fingerprint() -> str:
    """A hash of the pipeline's code, so cached records are redone when it changes."""
    pkg = Path(__file__).resolve().parents[1]
    h = hashlib.sha1()
    for sub in ("components", "normalize", "data"):
        for p in sorted((pkg / sub).rglob("*")):
            if p.is_file() and p.suffix in (".py", ".txt", ".jsonl", ".json"):
                h.update(p.name.encode())
                h.update(p.read_bytes())
    for name in ("pipeline.py", "api.py", "extensions.py"):
        p = pkg / name
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _cache_path(cache_dir: Path, docs: Sequence[Tuple[str, str, str]], model: Optional[str], mode: str) -> Path:
    h = hashlib.sha1()
    h.update(f"{mode}|{model}|{_code_fingerprint() if mode == 'pipeline' else ''}".encode())
    for doc_id, text, _ in docs:
        h.update(doc_id.encode())
        h.update(text.encode())
    return cache_dir / f"ecbplus-{mode}-{h.hexdigest()[:16]}.jsonl"


def bare_records(texts: Sequence[Tuple[str, str]], model: Optional[str] = None) -> List[DocumentRecord]:
    """Records from the base model alone (named entities and keywords, no components):
    a baseline, and a fallback while the pipeline's components are not installed."""
    import spacy

    from ..pipeline import keywords, resolve_model
    from ..records import Mention, Official, Organisation

    nlp = spacy.load(resolve_model(model), exclude=["lemmatizer", "attribute_ruler"])
    out = []
    for (doc_id, _), doc in zip(texts, nlp.pipe((t for _, t in texts), batch_size=16)):
        persons: Dict[str, Official] = {}
        orgs: Dict[str, Organisation] = {}
        for ent in doc.ents:
            name = " ".join(ent.text.split())
            mention = Mention(ent.start_char, ent.end_char, ent.text)
            if ent.label_ == "PERSON":
                persons.setdefault(name, Official(id=f"P{len(persons) + 1}", name=name, is_official=False)).mentions.append(mention)
            elif ent.label_ == "ORG":
                orgs.setdefault(name, Organisation(id=f"O{len(orgs) + 1}", name=name)).mentions.append(mention)
        out.append(DocumentRecord(id=doc_id, persons=list(persons.values()), organisations=list(orgs.values()), keywords=keywords(doc), length=len(doc.text)))
    return out


def extract_records(
    docs: Sequence[Tuple[str, str, str]],
    *,
    model: Optional[str] = None,
    cache_dir: Optional[Path] = None,
    bare: bool = False,
    n_process: int = 1,
    progress: bool = True,
) -> List[DocumentRecord]:
    """Extract (or load from the cache) one record per document."""
    mode = "bare" if bare else "pipeline"
    path = None
    if cache_dir is not None:
        path = _cache_path(cache_dir, docs, model, mode)
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                recs = [DocumentRecord.from_dict(json.loads(line)) for line in fh if line.strip()]
            if [r.id for r in recs] == [d[0] for d in docs]:
                return recs
    t0 = time.perf_counter()
    if bare:
        recs = bare_records([(d[0], d[1]) for d in docs], model)
    else:
        from ..api import extract

        recs = extract([{"id": d[0], "text": d[1]} for d in docs], model=model, n_process=n_process)
    if progress:
        print(f"extracted {len(recs)} documents in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    return recs


# --------------------------------------------------------------------------- scoring


def score_clustering(events: Sequence[EventRecord], gold: Dict[str, str]) -> Dict[str, float]:
    """B-cubed P/R/F1 (x100) of predicted events against gold clusters (doc id -> cluster)."""
    pred = {d: ev.event_id for ev in events for d in ev.doc_ids}
    p, r, f = bcubed(gold, pred)
    return {"p": 100 * p, "r": 100 * r, "f1": 100 * f, "docs": len(gold), "gold_clusters": len(set(gold.values())), "events": len({pred[d] for d in gold if d in pred})}


def evaluate(
    folder: Path,
    *,
    topics: Optional[Iterable[int]] = None,
    model: Optional[str] = None,
    cache_dir: Optional[Path] = None,
    bare: bool = False,
    n_process: int = 1,
    options: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]:
    """Extract, reconcile all chosen topics together, and score: overall and per split."""
    from ..reconcile import reconcile

    docs = load_documents(folder, topics)
    records = extract_records(docs, model=model, cache_dir=cache_dir, bare=bare, n_process=n_process)
    gold = {d[0]: d[2] for d in docs}
    t0 = time.perf_counter()
    events = reconcile(records, **(options or {}))
    seconds = time.perf_counter() - t0
    out: Dict[str, Any] = {"all": score_clustering(events, gold), "reconcile_seconds": seconds}
    for split, keep in (("train", lambda t: t not in DEV_TOPICS), ("dev", lambda t: t in DEV_TOPICS)):
        sub = {d: g for d, g in gold.items() if keep(int(d.split("_")[0]))}
        if sub:
            out[split] = score_clustering(events, sub)
    return out


def format_scores(scores: Dict[str, Any]) -> str:
    lines = [f"{'split':<6} {'docs':>5} {'gold':>5} {'events':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"]
    for split in ("all", "train", "dev"):
        s = scores.get(split)
        if s:
            lines.append(f"{split:<6} {s['docs']:>5} {s['gold_clusters']:>5} {s['events']:>6} {s['p']:>6.1f} {s['r']:>6.1f} {s['f1']:>6.1f}")
    lines.append(f"reconcile time: {scores['reconcile_seconds']:.2f}s")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="extractors evaluate ecbplus", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="the ECB+ folder (holding ECB+/<topic>/*.xml)")
    parser.add_argument("--topics", default="1-35", help="topics to use, e.g. 1-35 or 1,3,5-7 (default: 1-35)")
    parser.add_argument("--model", default=None, help="spaCy pipeline to extract with (default: the installed small English model)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "extractors-cache", help="folder for cached records (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="extract again and do not write the cache")
    parser.add_argument("--bare", action="store_true", help="records from the base model's entities only (a baseline; no components)")
    parser.add_argument("--n-process", type=int, default=1, help="extraction processes (default: 1)")
    parser.add_argument("--threshold", type=float, default=None, help="reconciliation merge threshold (default: the library default)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    options: Dict[str, Any] = {}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    try:
        scores = evaluate(args.path, topics=parse_topics(args.topics), model=args.model, cache_dir=None if args.no_cache else args.cache, bare=args.bare, n_process=args.n_process, options=options)
    except FileNotFoundError as err:
        print(str(err), file=sys.stderr)
        return 2
    print(json.dumps(scores, indent=2) if args.json else format_scores(scores))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
