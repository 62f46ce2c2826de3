"""PER and ORG F1 on CoNLL-2003: the whole pipeline against the bare model.

Each CoNLL document becomes one text: the tokens of a sentence joined with single spaces,
sentences joined with newlines; gold entities are mapped to character offsets in that text.
Two systems are scored on the same parse:

- ``model``: the base model's entities, PERSON -> PER and ORG -> ORG;
- ``pipeline``: our components' mentions, officials and persons (names only, not pronouns
  or descriptions) -> PER, organisations (names, aliases, acronyms) -> ORG.

Scores are entity-level exact match (conlleval style), per type: a prediction counts only
when its type, start and end all agree with a gold entity. The data is research-only and
is read from ``../shared/corpora/conll2003`` (see its PROVENANCE.md), never copied.

    extractors evaluate conll ../shared/corpora/conll2003/conllpp_test.txt
    python -m extractors.evaluate.conll ../shared/corpora/conll2003/eng.testb --limit 50
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from ..errors import Errors
from .metrics import PRF

TYPES = ("PER", "ORG")
MODEL_MAP = {"PERSON": "PER", "ORG": "ORG"}
PIPELINE_KEYS = {"officials": "PER", "organisations": "ORG"}
DEFAULT_FILES = ("conllpp_test.txt", "eng.testb")

Entity = Tuple[int, int, str]  # start char, end char, type


@dataclass
class ConllDoc:
    """One CoNLL document as text with gold entities by character offsets."""

    text: str
    gold: Set[Entity] = field(default_factory=set)
    tokens: int = 0


def read_conll(path: Path) -> List[ConllDoc]:
    """Documents of a CoNLL-2003 file (IOB1 or IOB2, LF or CRLF; a missing first -DOCSTART- is fine)."""
    docs: List[ConllDoc] = []
    sentences: List[List[Tuple[str, str]]] = []
    current: List[Tuple[str, str]] = []

    def flush_sentence() -> None:
        nonlocal current
        if current:
            sentences.append(current)
            current = []

    def flush_doc() -> None:
        nonlocal sentences
        flush_sentence()
        if sentences:
            docs.append(build_doc(sentences))
            sentences = []

    with open(path, encoding="utf-8", newline=None) as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                flush_sentence()
                continue
            parts = line.split()
            if parts[0] == "-DOCSTART-":
                flush_doc()
                continue
            current.append((parts[0], parts[-1]))
    flush_doc()
    return docs


def build_doc(sentences: Sequence[Sequence[Tuple[str, str]]]) -> ConllDoc:
    """Text from tokens (spaces within a sentence, newlines between) and gold spans from IOB tags."""
    pieces: List[str] = []
    gold: Set[Entity] = set()
    offset = 0
    n_tokens = 0
    for s_i, sent in enumerate(sentences):
        if s_i:
            pieces.append("\n")
            offset += 1
        open_ent: Optional[List] = None  # [start, end, type]
        prev_type = None
        for t_i, (tok, tag) in enumerate(sent):
            if t_i:
                pieces.append(" ")
                offset += 1
            start, end = offset, offset + len(tok)
            pieces.append(tok)
            offset = end
            n_tokens += 1
            if tag == "O" or "-" not in tag:
                if open_ent:
                    gold.add(tuple(open_ent))  # type: ignore[arg-type]
                open_ent, prev_type = None, None
                continue
            prefix, etype = tag.split("-", 1)
            # a new entity at B-, or at I- after O or after another type (IOB1)
            if prefix == "B" or open_ent is None or prev_type != etype:
                if open_ent:
                    gold.add(tuple(open_ent))  # type: ignore[arg-type]
                open_ent = [start, end, etype]
            else:
                open_ent[1] = end
            prev_type = etype
        if open_ent:
            gold.add(tuple(open_ent))  # type: ignore[arg-type]
    return ConllDoc("".join(pieces), gold, n_tokens)


def score(gold: Iterable[Entity], pred: Iterable[Entity], types: Sequence[str] = TYPES) -> Dict[str, PRF]:
    """Exact-match P/R/F1 per type."""
    g, p = set(gold), set(pred)
    out = {}
    for t in types:
        gt = {e for e in g if e[2] == t}
        pt = {e for e in p if e[2] == t}
        out[t] = PRF(tp=len(gt & pt), fp=len(pt - gt), fn=len(gt - pt))
    return out


def model_entities(doc) -> Set[Entity]:
    return {(e.start_char, e.end_char, MODEL_MAP[e.label_]) for e in doc.ents if e.label_ in MODEL_MAP}


def pipeline_entities(doc) -> Set[Entity]:
    out: Set[Entity] = set()
    for key, etype in PIPELINE_KEYS.items():
        if key in doc.spans:
            out.update((s.start_char, s.end_char, etype) for s in doc.spans[key])
    return out


def _load(model: Optional[str]):
    from ..pipeline import COMPONENTS, load

    available = []
    for comp in COMPONENTS:
        try:
            importlib.import_module(f"extractors.components.{comp}")
        except ImportError:
            continue
        available.append(comp)
    return load(model, components=available)


def _load_bare(model: Optional[str]):
    """The trained model as shipped (only the unused lemmatizer/attribute_ruler left out)."""
    import spacy

    from ..pipeline import UNUSED_BASE, resolve_model

    return spacy.load(resolve_model(model), exclude=list(UNUSED_BASE))


def evaluate(path: Path, *, model: Optional[str] = None, limit: Optional[int] = None, nlp=None, bare=None) -> Dict[str, Dict[str, Dict[str, float]]]:
    """Scores of the bare model and of the pipeline on one CoNLL file.

    ``nlp`` is the whole pipeline, ``bare`` the base model alone (both loaded when not given);
    the bare model runs separately so that no component can change what it is credited with.
    """
    if not Path(path).is_file():
        raise FileNotFoundError(Errors.E050.format(path=path, hint="pass the path of a CoNLL-2003 file such as conllpp_test.txt"))
    docs = read_conll(Path(path))
    if limit:
        docs = docs[:limit]
    nlp = nlp or _load(model)
    bare = bare or _load_bare(model)
    totals = {"model": {t: PRF() for t in TYPES}, "pipeline": {t: PRF() for t in TYPES}}
    t0 = time.perf_counter()
    texts = [d.text for d in docs]
    for system, pipe, extract in (("model", bare, model_entities), ("pipeline", nlp, pipeline_entities)):
        for cdoc, doc in zip(docs, pipe.pipe(texts, batch_size=16)):
            for t, prf in score(cdoc.gold, extract(doc)).items():
                totals[system][t].add(prf.tp, prf.tp + prf.fp, prf.tp + prf.fn)
    out: Dict[str, Dict[str, Dict[str, float]]] = {s: {t: v.as_dict() for t, v in d.items()} for s, d in totals.items()}
    out["meta"] = {"file": str(path), "documents": len(docs), "tokens": sum(d.tokens for d in docs),
                   "seconds": round(time.perf_counter() - t0, 1)}  # type: ignore[dict-item]
    return out


def format_scores(scores: Dict) -> str:
    meta = scores["meta"]
    lines = [f"{meta['file']}: {meta['documents']} documents, {meta['tokens']} tokens, {meta['seconds']} s",
             f"{'system':10s} {'type':4s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>6s} {'fp':>6s} {'fn':>6s}"]
    for system in ("model", "pipeline"):
        for t in TYPES:
            v = scores[system][t]
            lines.append(f"{system:10s} {t:4s} {100 * v['p']:6.2f} {100 * v['r']:6.2f} {100 * v['f1']:6.2f} {v['tp']:6d} {v['fp']:6d} {v['fn']:6d}")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="extractors evaluate conll", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="CoNLL-2003 files (default: conllpp_test.txt and eng.testb in ../shared/corpora/conll2003)")
    parser.add_argument("--model", default=None, help="spaCy pipeline to use (default: the installed small English model)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents of each file")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.paths]
    if not paths:
        base = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "conll2003"
        paths = [base / name for name in DEFAULT_FILES]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(Errors.E050.format(path=missing[0], hint="pass the path of a CoNLL-2003 file such as conllpp_test.txt"), file=sys.stderr)
        return 2
    nlp = _load(args.model)
    bare = _load_bare(args.model)
    results = [evaluate(p, model=args.model, limit=args.limit, nlp=nlp, bare=bare) for p in paths]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print("\n\n".join(format_scores(r) for r in results))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
