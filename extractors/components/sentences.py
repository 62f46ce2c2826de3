"""The sentence of a token, in O(log n).

``Token.sent`` and ``Span.sent`` walk ``doc.sents`` from the start of the document at every
call, so a component asking for the sentence of many tokens pays for the whole document
each time (on long articles this was most of the quotes component's time).
:func:`sent_of` lists ``doc.sents`` once per document and finds a token's sentence by
bisection. It remembers the last document only (by weak reference), which is all a
component running over one document at a time needs.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from typing import List, Optional

from spacy.tokens import Doc, Span


class _Index:
    __slots__ = ("ref", "length", "starts", "sents")

    def __init__(self, doc: Doc):
        self.ref = weakref.ref(doc)
        self.length = len(doc)
        self.sents: List[Span] = list(doc.sents)
        self.starts: List[int] = [s.start for s in self.sents]


_last: Optional[_Index] = None


def sent_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i`` of ``doc`` (as ``doc[i].sent``; for a span that
    crosses sentences, pass its first token, as ``Span.sent`` does)."""
    global _last
    idx = _last
    if idx is None or idx.ref() is not doc or idx.length != len(doc):
        idx = _Index(doc)
        _last = idx
    k = bisect_right(idx.starts, i) - 1
    return idx.sents[max(k, 0)]


def forget() -> None:
    """Drop the remembered document (call when a document's sentences are changed)."""
    global _last
    _last = None
