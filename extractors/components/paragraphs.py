"""Sentence starts at line breaks, set before the parser runs.

News dumps put headlines, datelines, bylines and paragraphs on lines of their own; the
parser left alone often runs a headline into the dateline and the first sentence. This
component marks the first token after a line break as a sentence start (the parser keeps
boundaries that are already set), so rules that look within a sentence do not reach
across lines, and the token after it as no sentence start (the parser would otherwise cut
"Graeme | Souness believes ..." after a headline).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .sentences import text_of


@Language.factory("paragraphs", assigns=["token.is_sent_start"], default_config={})
def make_paragraphs(nlp: Language, name: str) -> "Paragraphs":
    return Paragraphs(nlp, name)


class Paragraphs(Pipe):
    def __init__(self, nlp: Language, name: str = "paragraphs"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # the first token of each line: the first non-space token after a line break (found
        # from the text, without a Token object per word)
        text = text_of(doc)
        starts = doc.to_array(IDX)
        firsts = [0]
        p = text.find("\n")
        while p >= 0:
            k = int(numpy.searchsorted(starts, p, side="right"))
            while k < len(doc) and doc[k].is_space:
                k += 1
            if k < len(doc) and k != firsts[-1]:
                firsts.append(k)
            p = text.find("\n", p + 1)
        n = len(doc)
        for j, k in enumerate(firsts):
            tok = doc[k]
            if tok.is_space:
                continue  # (a document that starts with a line break)
            if j:
                tok.is_sent_start = True
            if k + 1 < n and not doc[k + 1].is_space and (j + 1 >= len(firsts) or firsts[j + 1] > k + 1) \
                    and _prose_line(doc, k):
                # the parser, left free here, often makes the first word of a line a
                # sentence of its own when the line before is a headline ("Graeme" |
                # "Souness believes ...", "Tony" | "Blair has said ..."), which also keeps the
                # entity recogniser from seeing the whole name; no sentence is one word long
                # with more of the line after it (in prose: not in tables or all-capitals
                # lines, "LEEDS 2 CHELSEA 1", where the parser's own cut is as good)
                if "\n" not in tok.whitespace_:
                    doc[k + 1].is_sent_start = False
        return doc


def _prose_line(doc: Doc, start: int, look: int = 40) -> bool:
    """Does the line starting at token ``start`` hold a lower-case word (prose or a headline
    in sentence case), within its first ``look`` tokens?"""
    for t in doc[start: min(len(doc), start + look)]:
        if t.is_space and "\n" in t.text or "\n" in t.whitespace_:
            return t.is_alpha and t.is_lower and len(t) > 2
        if t.is_alpha and t.is_lower and len(t) > 2:
            return True
    return False
