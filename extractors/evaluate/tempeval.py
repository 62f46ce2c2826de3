"""TempEval-3 time expression scoring (Task A: TIMEX3 extents, types and values).

Reads TimeML files (``*.tml``; TBAQ-cleaned: TimeBank + AQUAINT), takes the plain text
inside ``<TEXT>`` (the only part scored), runs our pipeline on it with the document
creation time (``<DCT>``) as the publication date, maps our character offsets onto the
gold TIMEX3 mentions and scores as the TempEval-3 entity scorer does:

* strict match: identical extent; relaxed match: any overlap;
* P, R and F1 over TIMEX3 mentions, for strict and relaxed matching;
* value accuracy = correct ``value`` / relaxed matches; value F1 = relaxed F1 x value
  accuracy; type F1 likewise.

Extents are compared after trimming white space; matching pairs one system mention with
one gold mention (largest overlap first).

    extractors evaluate tempeval ../shared/corpora/tempeval3-tbaq
    python -m extractors.evaluate.tempeval ../shared/corpora/tempeval3-tbaq --errors
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..errors import Errors

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: Optional[str]
    value: Optional[str]
    mod: Optional[str] = None


@dataclass
class TimeMLDoc:
    id: str
    part: str
    dct: Optional[str]
    text: str
    gold: List[Mention] = field(default_factory=list)


# --------------------------------------------------------------------------- reading


def parse_timeml(source: str, doc_id: str = "", part: str = "") -> TimeMLDoc:
    """Plain text of ``<TEXT>`` and its gold TIMEX3 mentions (offsets into that text)."""
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", source, re.S)
    if m:
        v = re.search(r'value="([^"]+)"', m.group(1))
        if v:
            dct = v.group(1)[:10]
    m = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    body = m.group(1) if m else ""
    out: List[str] = []
    length = 0
    gold: List[Mention] = []
    open_timex: List[Tuple[int, Dict[str, str]]] = []
    pos = 0
    for tm in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tm.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tm.end()
        closing, name = tm.group(1) == "/", tm.group(2)
        if name != "TIMEX3":
            continue
        if not closing and tm.group(4) != "/":
            open_timex.append((length, dict(_ATTR.findall(tm.group(3)))))
        elif closing and open_timex:
            start, attrs = open_timex.pop()
            gold.append(Mention(start, length, "", attrs.get("type"), attrs.get("value"), attrs.get("mod")))
    tail = html.unescape(body[pos:])
    out.append(tail)
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
        _trim(g, text)
    return TimeMLDoc(doc_id, part, dct, text, gold)


def _trim(m: Mention, text: str) -> None:
    while m.start < m.end and text[m.start].isspace():
        m.start += 1
    while m.end > m.start and text[m.end - 1].isspace():
        m.end -= 1
    m.text = text[m.start:m.end]


def read_folder(folder: Path) -> List[TimeMLDoc]:
    """Every ``.tml`` file under ``folder``; the part is the sub-folder name (TimeBank, AQUAINT)."""
    docs = []
    for p in sorted(folder.rglob("*.tml")):
        part = p.parent.name if p.parent != folder else folder.name
        docs.append(parse_timeml(p.read_text(encoding="utf-8", errors="replace"), p.stem, part))
    return docs


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0  # system mentions with an identical gold extent
    relaxed_sys: int = 0  # system mentions overlapping a gold one (paired)
    relaxed_gold: int = 0
    value: int = 0  # paired relaxed matches with the right value
    type: int = 0

    def add(self, other: "Counts") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> Dict[str, float]:
        def prf(tp_p: int, tp_r: int) -> Tuple[float, float, float]:
            p = tp_p / self.system if self.system else 0.0
            r = tp_r / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return 100 * p, 100 * r, 100 * f

        sp, sr, sf = prf(self.strict, self.strict)
        rp, rr, rf = prf(self.relaxed_sys, self.relaxed_gold)
        acc_v = self.value / self.relaxed_sys if self.relaxed_sys else 0.0
        acc_t = self.type / self.relaxed_sys if self.relaxed_sys else 0.0
        return {"gold": self.gold, "system": self.system,
                "strict_p": sp, "strict_r": sr, "strict_f1": sf,
                "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                "value_acc": 100 * acc_v, "value_f1": rf * acc_v,
                "type_acc": 100 * acc_t, "type_f1": rf * acc_t}


def score_document(gold: Sequence[Mention], system: Sequence[Mention]) -> Tuple[Counts, List[tuple]]:
    """Counts for one document, and the pairs/misses for error analysis."""
    c = Counts(gold=len(gold), system=len(system))
    gold_extents = {(g.start, g.end) for g in gold}
    c.strict = sum(1 for s in system if (s.start, s.end) in gold_extents)
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((ov, gi, si))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_s = set(), set()
    matched = []
    for ov, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        matched.append((gold[gi], system[si]))
    c.relaxed_sys = len(used_s)
    c.relaxed_gold = len(used_g)
    c.value = sum(1 for g, s in matched if g.value == s.value)
    c.type = sum(1 for g, s in matched if g.type == s.type)
    errors: List[tuple] = [("pair", g, s) for g, s in matched]
    errors += [("miss", gold[i], None) for i in range(len(gold)) if i not in used_g]
    errors += [("spurious", None, system[i]) for i in range(len(system)) if i not in used_s]
    return c, errors


def run_system(docs: Sequence[TimeMLDoc], nlp=None, *, batch_size: int = 16) -> List[List[Mention]]:
    """Our pipeline's time expressions for each document (offsets into its plain text)."""
    from .. import extensions, pipeline
    from ..records import InputRecord

    if nlp is None:
        nlp = pipeline.load(components=("dates",))
    records = [InputRecord(id=d.id, text=d.text, published=d.dct) for d in docs]
    out: List[List[Mention]] = []
    for doc in pipeline.pipe_records(nlp, records, batch_size=batch_size):
        ms = []
        for r in extensions.get_data(doc, "dates"):
            m = Mention(r["start"], r["end"], r["text"], r["type"], r["value"], r.get("mod"))
            _trim(m, doc.text)
            ms.append(m)
        out.append(ms)
    return out


def score_tempeval(folder, nlp=None, *, limit: Optional[int] = None,
                   return_errors: bool = False) -> Dict:
    """Score the pipeline on a TimeML folder.

    Returns ``{"overall": scores, "<part>": scores, ...}`` where each ``scores`` dict has
    strict/relaxed P/R/F1, value and type accuracy and F1 (percentages), plus the counts of
    gold and system mentions. With ``return_errors`` the dict also has ``"errors"``: a list
    of ``(doc_id, kind, gold, system)`` for error analysis.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(Errors.E050.format(path=folder, hint="expected a folder of TimeML .tml files"))
    docs = read_folder(folder)
    if limit:
        docs = docs[:limit]
    if not docs:
        raise FileNotFoundError(Errors.E050.format(path=folder, hint="no .tml files in it"))
    systems = run_system(docs, nlp)
    per_part: Dict[str, Counts] = {}
    total = Counts()
    errors = []
    for d, sysm in zip(docs, systems):
        c, errs = score_document(d.gold, sysm)
        per_part.setdefault(d.part, Counts()).add(c)
        total.add(c)
        errors.extend((d.id, kind, g, s) for kind, g, s in errs)
    result: Dict = {part: c.scores() for part, c in sorted(per_part.items())}
    result["overall"] = total.scores()
    result["documents"] = len(docs)
    if return_errors:
        result["errors"] = errors
    return result


def format_table(result: Dict) -> str:
    parts = [k for k in result if isinstance(result[k], dict)]
    head = f"{'part':<10} {'gold':>5} {'sys':>5} | {'strict P':>8} {'R':>6} {'F1':>6} | {'relax P':>7} {'R':>6} {'F1':>6} | {'value F1':>8} {'type F1':>7}"
    lines = [head, "-" * len(head)]
    for k in parts:
        s = result[k]
        lines.append(
            f"{k:<10} {s['gold']:>5} {s['system']:>5} | {s['strict_p']:>8.2f} {s['strict_r']:>6.2f} {s['strict_f1']:>6.2f} | "
            f"{s['relaxed_p']:>7.2f} {s['relaxed_r']:>6.2f} {s['relaxed_f1']:>6.2f} | {s['value_f1']:>8.2f} {s['type_f1']:>7.2f}")
    return "\n".join(lines)


def gold_conventions(docs: Sequence[TimeMLDoc], pattern: str) -> Dict[str, object]:
    """How the gold annotates the expressions whose whole text matches ``pattern``
    (case-insensitive): how often the words occur in the text, how often they are tagged
    exactly, and the shapes of the tagged values (digits as 9: "1988-Q3" -> "9999-Q9")."""
    rx = re.compile(pattern, re.I)
    shapes: Dict[str, int] = {}
    tagged = occurring = 0
    for d in docs:
        occurring += sum(1 for m in re.finditer(rf"\b(?:{pattern})\b", d.text, re.I))
        for m in d.gold:
            if rx.fullmatch(m.text.strip()):
                tagged += 1
                shape = f"{m.type} " + re.sub(r"\d", "9", m.value or "-")
                shapes[shape] = shapes.get(shape, 0) + 1
    return {"occurrences": occurring, "tagged": tagged,
            "shapes": dict(sorted(shapes.items(), key=lambda kv: (-kv[1], kv[0])))}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="extractors evaluate tempeval",
        description="TempEval-3 TIMEX3 scoring of the dates component on a folder of TimeML files "
                    "(e.g. ../shared/corpora/tempeval3-tbaq): strict and relaxed P/R/F1, value F1, type F1, "
                    "per sub-folder and overall.")
    parser.add_argument("path", help="folder of .tml files (searched recursively; sub-folders are reported as parts)")
    parser.add_argument("--model", default=None, help="spaCy pipeline to use (default: the installed English model)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--errors", action="store_true", help="also print wrong values, misses and spurious mentions")
    parser.add_argument("--gold-conventions", metavar="REGEX", default=None,
                        help="no scoring: how the gold annotates expressions matching REGEX (occurrences, "
                             "tagged, value shapes), e.g. 'a year (ago|earlier)'")
    args = parser.parse_args(argv)
    if args.gold_conventions:
        try:
            docs = read_folder(Path(args.path))
        except FileNotFoundError as err:
            print(str(err), file=sys.stderr)
            return 2
        res = gold_conventions(docs, args.gold_conventions)
        print(f"{args.gold_conventions!r}: {res['occurrences']} occurrences in the text, {res['tagged']} tagged")
        for shape, n in res["shapes"].items():
            print(f"  {n:5d}  {shape}")
        return 0
    from .. import pipeline

    t0 = time.perf_counter()
    nlp = pipeline.load(args.model, components=("dates",))
    try:
        result = score_tempeval(args.path, nlp, limit=args.limit, return_errors=args.errors)
    except FileNotFoundError as err:
        print(str(err), file=sys.stderr)
        return 2
    if args.errors:
        for doc_id, kind, g, s in result.pop("errors"):
            if kind == "pair" and g.value == s.value and (g.start, g.end) == (s.start, s.end):
                continue
            gs = f"{g.text!r} {g.type} {g.value}" if g else "-"
            ss = f"{s.text!r} {s.type} {s.value}" if s else "-"
            if kind == "pair":
                kind = "value" if g.value != s.value else "extent"
            print(f"{kind:<8} {doc_id:<28} gold {gs:<45} sys {ss}")
    print(format_table(result))
    print(f"{result['documents']} documents in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
