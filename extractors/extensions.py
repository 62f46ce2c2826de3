"""``doc._`` extensions, registered on demand and never clobbering someone else's.

Components store their results as plain dicts (``doc._.<kind>_data``) so docs keep
them through ``Doc.to_bytes``, ``DocBin`` and ``nlp.pipe(n_process>1)``; the typed
views (``doc._.claims`` etc.) rebuild dataclasses from those dicts on access.
Nothing here runs at import time: call :func:`register` (every component does).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Type

from spacy.tokens import Doc

from . import records
from .errors import Errors

#: kind -> record class; ``doc._.<kind>`` is the typed list, ``doc._.<kind>_data`` the dicts
KINDS: Dict[str, Type[records.Record]] = {
    "officials": records.Official,
    "persons": records.Official,
    "organisations": records.Organisation,
    "dates": records.TimeExpression,
    "claims": records.Claim,
    "quotes": records.Quote,
}

#: plain attributes: name -> default
ATTRIBUTES: Dict[str, Any] = {
    "doc_id": None,
    "published": None,  # ISO date string used as anchor
    "published_source": "none",  # metadata | text | none
    "published_span": None,  # [start, end] of the dateline when inferred from text
}

_OWNER = "extractors"
_registered = False


def _typed_getter(kind: str, cls: Type[records.Record]) -> Callable[[Doc], List[Any]]:
    data_attr = f"{kind}_data"

    def getter(doc: Doc) -> List[Any]:
        return [cls.from_dict(d) for d in (getattr(doc._, data_attr) or [])]

    getter.__name__ = f"get_{kind}"
    getter.__doc__ = f"Typed {cls.__name__} records of the doc (rebuilt from ``doc._.{data_attr}``)."
    getter._extractors_owner = _OWNER  # type: ignore[attr-defined]
    return getter


def _set(name: str, force: bool, **kwargs: Any) -> None:
    if Doc.has_extension(name) and not force:
        default, method, getter, setter = Doc.get_extension(name)
        if "getter" in kwargs and getattr(getter, "_extractors_owner", None) != _OWNER:
            raise ValueError(Errors.E001.format(name=name))
        if "default" in kwargs and (getter is not None or method is not None):
            raise ValueError(Errors.E001.format(name=name))
        return
    Doc.set_extension(name, force=True, **kwargs)


def register(force: bool = False) -> None:
    """Register every ``doc._`` extension this package uses.

    Idempotent. An extension of the same name that another package registered is
    left alone and reported (``ValueError``) unless ``force=True``.
    """
    global _registered
    if _registered and not force:
        return
    for name, default in ATTRIBUTES.items():
        _set(name, force, default=default)
    for kind, cls in KINDS.items():
        _set(f"{kind}_data", force, default=None)
        _set(kind, force, getter=_typed_getter(kind, cls))
    _registered = True


def set_records(doc: Doc, kind: str, items: List[records.Record]) -> None:
    """Store typed records on the doc (as dicts)."""
    register()
    setattr(doc._, f"{kind}_data", [r.to_dict() for r in items])


def get_data(doc: Doc, kind: str) -> List[Dict[str, Any]]:
    """The stored dicts of one kind (empty when the component did not run)."""
    register()
    return list(getattr(doc._, f"{kind}_data") or [])


def get_records(doc: Doc, kind: str) -> List[Any]:
    register()
    return list(getattr(doc._, kind))
