"""The sentence of a token, in O(log n); the text of a doc, once.

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


def sentence_before(doc: Doc, start: int) -> Optional[Span]:
    """The sentence before the one starting at token ``start`` (past whitespace tokens), or
    None at the start of the document."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return sent_of(doc, k) if k >= 0 else None


def forget() -> None:
    """Drop the remembered document (call when a document's sentences are changed)."""
    global _last
    _last = None


_last_text: Optional[tuple] = None


#: ``doc.user_data`` key of the input text, kept by ``pipeline.make_doc`` (popped by
#: ``pipeline.doc_to_record``)
TEXT_KEY = ("extractors", "text")


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token on each access, and a
    component that slices the text per quote or per token paid for the whole document each
    time. The text the document was made from when ``make_doc`` kept it (the tokenizer keeps
    every character, so it is ``doc.text``); else built and remembered for the last document
    only (by weak reference)."""
    global _last_text
    kept = doc.user_data.get(TEXT_KEY) if doc.user_data else None
    if kept is not None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(kept):
        return kept
    cached = _last_text
    if cached is None or cached[0]() is not doc or cached[1] != len(doc):
        cached = (weakref.ref(doc), len(doc), doc.text)
        _last_text = cached
    return cached[2]


def positions_of(doc: Doc, words) -> List[int]:
    """Indices of the tokens whose lower-case form is one of ``words``, without making a
    Token object per token (a component looking for a few cue words in a long article)."""
    import numpy

    from spacy.attrs import LOWER

    strings = doc.vocab.strings
    keys = numpy.fromiter((strings.add(w) for w in words), dtype="uint64", count=len(words))
    lowers = doc.to_array(LOWER)
    return numpy.nonzero(numpy.isin(lowers, keys))[0].tolist()
