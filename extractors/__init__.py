"""extractors: officials, organisations, dates and numeric claims from English news,
reconciled across outlets.

>>> import extractors                                        # doctest: +SKIP
>>> nlp = extractors.load()                                   # the spaCy pipeline
>>> records = extractors.extract(["..."], published="2023-12-13")
>>> events = extractors.reconcile(records)

Names are imported lazily: ``import extractors`` loads neither spaCy nor a model.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load": "extractors.pipeline",
    "extract": "extractors.api",
    "iter_extract": "extractors.api",
    "reconcile": "extractors.api",
    "InputRecord": "extractors.records",
    "DocumentRecord": "extractors.records",
    "EventRecord": "extractors.records",
    "ErrorRecord": "extractors.records",
    "Official": "extractors.records",
    "Organisation": "extractors.records",
    "TimeExpression": "extractors.records",
    "Claim": "extractors.records",
    "Quote": "extractors.records",
    "EventClaim": "extractors.records",
    "Mention": "extractors.records",
    "Role": "extractors.records",
    "to_dataframe": "extractors.tables",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extractors' has no attribute {name!r}")


def __dir__() -> list:
    return __all__
