"""The ``dateline`` component: the publication date from the article header.

When the input gave no publication date (``doc._.published`` is None), it looks for a
dateline in the first lines of the text (:func:`extractors.normalize.dateline.find_dateline`)
and, if one is found, sets ``doc._.published`` (ISO date), ``doc._.published_source =
"text"`` and ``doc._.published_span = [start, end]``. A date given as metadata is never
replaced. Later components (dates, claims) anchor relative expressions on it.

>>> nlp = spacy.blank("en"); nlp.add_pipe("dateline")       # doctest: +SKIP
>>> nlp("Title\\n13 December 2023, 17:54\\nBody.")._.published  # doctest: +SKIP
'2023-12-13'
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import extensions
from ..normalize.dateline import find_dateline
from .sentences import text_of


@Language.factory(
    "dateline",
    assigns=["doc._.published", "doc._.published_source", "doc._.published_span"],
    requires=[],
    default_config={"overwrite": False, "day_first": True},
)
def make_dateline(nlp: Language, name: str, *, overwrite: bool = False, day_first: bool = True) -> "Dateline":
    """Build the dateline component.

    overwrite: replace a publication date that came with the input (default False:
        metadata wins over the text).
    day_first: an all-numeric dateline puts the day first ("03/08/2023" is 3 August, as in
        British news; False: month first, as in American news).
    """
    return Dateline(nlp, name, overwrite=overwrite, day_first=day_first)


class Dateline(Pipe):
    """Sets ``doc._.published`` from the article's own dateline when metadata has none."""

    def __init__(self, nlp: Optional[Language] = None, name: str = "dateline", *, overwrite: bool = False,
                 day_first: bool = True):
        self.name = name
        self.overwrite = overwrite
        self.day_first = day_first
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        if doc._.published and not self.overwrite:
            if not doc._.published_source or doc._.published_source == "none":
                doc._.published_source = "metadata"
            return doc
        found = find_dateline(text_of(doc), self.day_first)
        if found is None:
            if not doc._.published:
                doc._.published_source = "none"
            return doc
        iso, start, end = found
        doc._.published = iso
        doc._.published_source = "text"
        doc._.published_span = [start, end]
        return doc
