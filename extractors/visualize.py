"""displaCy views of a processed doc: officials, organisations, dates and claims as
(overlapping) highlighted spans.

>>> from extractors import load
>>> from extractors.visualize import render
>>> html = render(load()("Director General Graeme Biggar said 80% avoid jail."))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Optional

from spacy import displacy
from spacy.tokens import Doc, SpanGroup

KEYS = ("officials", "organisations", "dates", "claims")
COLORS: Dict[str, str] = {
    "OFFICIAL": "#a5d8ff",
    "PERSON": "#d0ebff",
    "ORG": "#b2f2bb",
    "DATE": "#ffec99",
    "TIME": "#ffe066",
    "DURATION": "#ffd8a8",
    "SET": "#ffc078",
    "CLAIM": "#fcc2d7",
}
VIEW_KEY = "extractors_view"


def combined_spans(doc: Doc, keys: Iterable[str] = KEYS) -> SpanGroup:
    """One SpanGroup holding the spans of every key (sorted, duplicates dropped)."""
    seen = set()
    spans = []
    for key in keys:
        for span in doc.spans.get(key, []):
            sig = (span.start, span.end, span.label_)
            if sig not in seen:
                seen.add(sig)
                spans.append(span)
    spans.sort(key=lambda s: (s.start, -s.end))
    return SpanGroup(doc, name=VIEW_KEY, spans=spans)


def render(doc: Doc, *, keys: Iterable[str] = KEYS, page: bool = False, jupyter: Optional[bool] = False, colors: Optional[Dict[str, str]] = None) -> Any:
    """HTML of the doc with our spans highlighted (displaCy ``span`` style)."""
    doc.spans[VIEW_KEY] = combined_spans(doc, keys)
    options = {"spans_key": VIEW_KEY, "colors": {**COLORS, **(colors or {})}}
    return displacy.render(doc, style="span", options=options, page=page, jupyter=jupyter)
