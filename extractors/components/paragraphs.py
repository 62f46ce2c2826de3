"""Sentence starts at line breaks, set before the parser runs.

News dumps put headlines, datelines, bylines and paragraphs on lines of their own; the
parser left alone often runs a headline into the dateline and the first sentence. This
component marks the first token after a line break as a sentence start (the parser keeps
boundaries that are already set), so rules that look within a sentence do not reach
across lines, and the token after it as no sentence start (the parser would otherwise cut
"Graeme | Souness believes ..." after a headline).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc


@Language.factory("paragraphs", assigns=["token.is_sent_start"], default_config={})
def make_paragraphs(nlp: Language, name: str) -> "Paragraphs":
    return Paragraphs(nlp, name)


class Paragraphs(Pipe):
    def __init__(self, nlp: Language, name: str = "paragraphs"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        line_first = 0 if len(doc) and not doc[0].is_space else -1  # the first token of the current line
        for tok in doc:
            if after_break and not tok.is_space:
                tok.is_sent_start = True
                after_break = False
                line_first = tok.i
            elif tok.i == line_first + 1 and line_first >= 0 and not tok.is_space and _prose_line(doc, line_first):
                # the parser, left free here, often makes the first word of a line a
                # sentence of its own when the line before is a headline ("Graeme" |
                # "Souness believes ...", "Tony" | "Blair has said ..."), which also keeps the
                # entity recogniser from seeing the whole name; no sentence is one word long
                # with more of the line after it (in prose: not in tables or all-capitals
                # lines, "LEEDS 2 CHELSEA 1", where the parser's own cut is as good)
                tok.is_sent_start = False
            if "\n" in tok.text_with_ws[len(tok.text):] or (tok.is_space and "\n" in tok.text):
                after_break = True
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
