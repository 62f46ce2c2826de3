"""Shared scoring helpers: precision/recall/F1 counters and B-cubed clustering scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Hashable, Mapping, Tuple


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, correct: int, predicted: int, gold: int) -> None:
        """Add ``correct`` hits out of ``predicted`` predictions and ``gold`` gold items."""
        self.tp += correct
        self.fp += predicted - correct
        self.fn += gold - correct

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> Dict[str, float]:
        return {"p": self.p, "r": self.r, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def bcubed(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> Tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering.

    ``gold`` and ``pred`` map each item to its cluster id. Items missing from ``pred``
    count as singletons; items missing from ``gold`` are ignored.
    """
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    pred = {i: pred.get(i, ("__singleton__", i)) for i in items}
    g_members: Dict[Hashable, set] = {}
    p_members: Dict[Hashable, set] = {}
    for i in items:
        g_members.setdefault(gold[i], set()).add(i)
        p_members.setdefault(pred[i], set()).add(i)
    p_sum = r_sum = 0.0
    for i in items:
        g, p = g_members[gold[i]], p_members[pred[i]]
        both = len(g & p)
        p_sum += both / len(p)
        r_sum += both / len(g)
    P, R = p_sum / len(items), r_sum / len(items)
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)
