"""Typed records: what the pipeline produces, what the CLI writes, what reconcile reads.

Every record is a small dataclass with ``to_dict`` / ``from_dict``. Dicts are plain
JSON types only, so they travel through ``Doc.to_bytes`` (msgpack), ``DocBin``,
``nlp.pipe(n_process>1)`` and JSONL unchanged. Field names listed in the README's
"Output schema v1" are a contract: add fields, never rename them.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, ClassVar, Dict, List, Optional, Tuple, Type, TypeVar

SCHEMA_VERSION = "1"

T = TypeVar("T", bound="Record")


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> Tuple[str, ...]:
    """The field names of a record class, once (``dataclasses.fields`` rebuilds them per call)."""
    return tuple(f.name for f in dataclasses.fields(cls))


class Record:
    """Mixin: dict round-trip for nested dataclasses."""

    _nested: ClassVar[Dict[str, Type["Record"]]] = {}
    _nested_list: ClassVar[Dict[str, Type["Record"]]] = {}

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for name in _field_names(type(self)):
            v = getattr(self, name)
            if isinstance(v, Record):
                v = v.to_dict()
            elif isinstance(v, list):
                v = [x.to_dict() if isinstance(x, Record) else x for x in v]
            elif isinstance(v, dict):
                v = dict(v)
            out[name] = v
        return out

    @classmethod
    def from_dict(cls: Type[T], data: Dict[str, Any]) -> T:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: Dict[str, Any] = {}
        for k, v in data.items():
            if k not in names:
                continue  # forward compatible: ignore fields from newer versions
            if k in cls._nested and isinstance(v, dict):
                v = cls._nested[k].from_dict(v)
            elif k in cls._nested_list and isinstance(v, list):
                sub = cls._nested_list[k]
                v = [sub.from_dict(x) if isinstance(x, dict) else x for x in v]
            kwargs[k] = v
        return cls(**kwargs)


# --------------------------------------------------------------------------- input


@dataclass
class InputRecord(Record):
    """One article to process. ``published`` is an ISO date (``YYYY-MM-DD``) or None."""

    id: str
    text: str
    published: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    meta: Dict[str, Any] = field(default_factory=dict)
    # where the record came from, for error records: file path and line number
    origin: Optional[str] = None
    line: Optional[int] = None


# --------------------------------------------------------------------------- parts


@dataclass
class Mention(Record):
    """A character span of the input text: ``text == input_text[start:end]``."""

    start: int
    end: int
    text: str
    kind: Optional[str] = None  # name | acronym | alias | description | pronoun (officials/organisations)


@dataclass
class Role(Record):
    """One role of a person: a title and the organisation it belongs to, as worded."""

    title: Optional[str]
    organisation: Optional[str] = None
    start: Optional[int] = None  # where the role is stated
    end: Optional[int] = None
    pattern: Optional[str] = None  # how it was found: "title-before", "apposition", ...
    organisation_id: Optional[str] = None  # Organisation.id of ``organisation`` in the same doc
    implied_organisation: Optional[str] = None  # body a self-contained office belongs to (Home Secretary -> Home Office), from the gazetteer


@dataclass
class Official(Record):
    """A named person; ``is_official`` is False for persons with no role (offenders, victims)."""

    id: str
    name: str
    title: Optional[str] = None
    organisation: Optional[str] = None
    mentions: List[Mention] = field(default_factory=list)
    roles: List[Role] = field(default_factory=list)
    is_official: bool = True
    organisation_id: Optional[str] = None

    _nested_list: ClassVar[Dict[str, Type[Record]]] = {"mentions": Mention, "roles": Role}


@dataclass
class Organisation(Record):
    id: str
    name: str
    acronym: Optional[str] = None
    aliases: List[str] = field(default_factory=list)
    mentions: List[Mention] = field(default_factory=list)
    type: Optional[str] = None  # government department, police force, agency, charity, ...
    relations: List[Dict[str, str]] = field(default_factory=list)  # {"relation": "branch_of", "target": "O1"}

    _nested_list: ClassVar[Dict[str, Type[Record]]] = {"mentions": Mention}


@dataclass
class TimeExpression(Record):
    """A TIMEX3-style time expression. ``value`` keeps granularity (``2017``, ``2018-03``,
    ``2023-12-13``, ``P20M``, ``PRESENT_REF``, ``XXXX-07`` when no anchor)."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: Optional[str]
    mod: Optional[str] = None  # TIMEX3 mod: APPROX, BEFORE, AFTER, START, END, ...
    anchored: bool = False  # resolved relative to the publication date
    begin: Optional[str] = None  # ranges and fiscal years: first point
    finish: Optional[str] = None  # ranges and fiscal years: last point (inclusive)


@dataclass
class Claim(Record):
    """A numeric claim. ``value`` is None for a two-sided range; bounds are one-sided ranges."""

    id: str
    text: str
    start: int
    end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None  # "percent" for every proportion; currency code; or the thing counted
    approximate: bool = False
    sentence: Optional[str] = None
    change: str = "="  # NewsQuant labels: = ~ > < up down
    counted: Optional[str] = None  # the phrase the number counts
    surface_unit: Optional[str] = None  # the unit as written
    kind: Optional[str] = None  # count, percent, money, quantity, duration
    time: Optional[str] = None  # TIMEX3 value of the time the claim refers to
    time_text: Optional[str] = None
    source: Optional[str] = None  # who asserts it (official name, organisation name)
    source_id: Optional[str] = None  # Official.id or Organisation.id
    quote_id: Optional[str] = None
    sentence_start: Optional[int] = None
    written_first: Optional[float] = None  # a range written from its higher end ("from 208 to 193"): 208


@dataclass
class Quote(Record):
    id: str
    text: str  # the quoted content
    start: int
    end: int
    speaker: Optional[str] = None
    speaker_id: Optional[str] = None
    cue: Optional[str] = None  # said, told, warned, ...
    direct: bool = True


@dataclass
class DocumentRecord(Record):
    id: str
    published: Optional[str] = None
    published_source: str = "none"  # metadata | text | none
    source: Optional[str] = None  # the outlet
    title: Optional[str] = None
    url: Optional[str] = None
    officials: List[Official] = field(default_factory=list)
    organisations: List[Organisation] = field(default_factory=list)
    dates: List[TimeExpression] = field(default_factory=list)
    claims: List[Claim] = field(default_factory=list)
    quotes: List[Quote] = field(default_factory=list)
    persons: List[Official] = field(default_factory=list)  # named persons who are not officials
    keywords: List[str] = field(default_factory=list)  # content lemmas for reconciliation
    places: List[str] = field(default_factory=list)  # GPE/LOC names (normalised), most mentioned first
    lead_end: Optional[int] = None  # where the lead ends (character offset): the headline and the first two sentences
    length: int = 0  # characters of the input text
    meta: Dict[str, Any] = field(default_factory=dict)
    warnings: List[str] = field(default_factory=list)  # problems with the input that did not stop it
    schema_version: str = SCHEMA_VERSION

    _nested_list: ClassVar[Dict[str, Type[Record]]] = {
        "officials": Official,
        "organisations": Organisation,
        "dates": TimeExpression,
        "claims": Claim,
        "quotes": Quote,
        "persons": Official,
    }


@dataclass
class ErrorRecord(Record):
    """One input that produced no document record, and why."""

    id: Optional[str]
    input: str  # file path (and line) of the input
    reason: str
    error: str  # short machine-readable code, see extractors.errors
    line: Optional[int] = None
    schema_version: str = SCHEMA_VERSION


# --------------------------------------------------------------------------- events


@dataclass
class ClaimReport(Record):
    """Where one document states an event claim."""

    doc_id: str
    claim_id: str
    text: str
    start: int
    end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    approximate: bool = False
    source: Optional[str] = None  # the outlet
    asserted_by: Optional[str] = None
    sentence: Optional[str] = None


@dataclass
class EventClaim(Record):
    id: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    unit: Optional[str]
    doc_ids: List[str]
    status: str  # agreed | variant | conflict | single-source
    variant: bool = False
    conflict: bool = False
    reason: Optional[str] = None
    reports: List[ClaimReport] = field(default_factory=list)
    time: Optional[str] = None
    asserted_by: List[str] = field(default_factory=list)

    _nested_list: ClassVar[Dict[str, Type[Record]]] = {"reports": ClaimReport}


@dataclass
class Membership(Record):
    doc_id: str
    score: float
    reasons: List[str] = field(default_factory=list)
    source: Optional[str] = None


@dataclass
class EventRecord(Record):
    event_id: str
    doc_ids: List[str]
    members: List[Membership] = field(default_factory=list)
    officials: List[Dict[str, Any]] = field(default_factory=list)
    organisations: List[Dict[str, Any]] = field(default_factory=list)
    claims: List[EventClaim] = field(default_factory=list)
    date: Optional[str] = None
    title: Optional[str] = None
    schema_version: str = SCHEMA_VERSION

    _nested_list: ClassVar[Dict[str, Type[Record]]] = {"members": Membership, "claims": EventClaim}
