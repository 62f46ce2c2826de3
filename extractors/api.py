"""Plain functions over the pipeline: extract records from texts, reconcile them into events."""

from __future__ import annotations

import logging
import weakref
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from spacy.language import Language

from . import pipeline as _pipeline
from .errors import Errors, InputError
from .io.readers import normalise_published, record_from_object
from .records import (
    Claim,
    DocumentRecord,
    ErrorRecord,
    EventRecord,
    InputRecord,
    Mention,
    Official,
    Organisation,
    Quote,
    Role,
    TimeExpression,
)

logger = logging.getLogger(__name__)

# Pipelines whose components have built their lazy matchers (outside any memory zone).
_WARM: "weakref.WeakSet[Language]" = weakref.WeakSet()
_WARM_UP_TEXT = (
    "LONDON, 13 December 2023 - Director General Graeme Biggar of the National Crime Agency (NCA) "
    'said on Tuesday that "up to 830,000 adults", about 1.6% of the population, posed a risk, '
    "up from 680,000 last year. Mr Biggar said eight in 10 cases rose in 2016/17."
)


def _warm_up(nlp: Language) -> None:
    """Run the pipeline once outside a memory zone, so that strings components add when
    they first run (their matchers' patterns) are kept for good."""
    if nlp in _WARM:
        return
    nlp(_WARM_UP_TEXT)
    _WARM.add(nlp)

#: documents per nlp.pipe batch; small enough to keep a worker well under 500 MB
DEFAULT_BATCH_SIZE = 16
#: longer texts are processed in pieces of at most this many characters (the parser's
#: and NER's working memory grows with the longest text of a batch)
MAX_PIECE_CHARS = 10_000
#: at most this many characters go through the model in one batch, whatever the batch
#: size, so peak memory does not depend on how long the articles are
MAX_BATCH_CHARS = 50_000

InputLike = Union[str, InputRecord, Dict[str, Any]]


# --------------------------------------------------------------------------- inputs


def as_input_records(inputs: Union[InputLike, Iterable[InputLike]], published: Any = None) -> Iterator[Union[InputRecord, ErrorRecord]]:
    """Coerce strings, dicts and InputRecords to InputRecords (ids ``"0"``, ``"1"``... for
    bare strings); ErrorRecords (from a reader) pass through unchanged."""
    if isinstance(inputs, (str, InputRecord, dict)):
        inputs = [inputs]
    default_pub, problem = normalise_published(published)
    if problem:
        raise ValueError(Errors.E025.format(input="published=", id=None, key="published", value=published))
    for i, item in enumerate(inputs):
        if isinstance(item, str):
            rec: Union[InputRecord, ErrorRecord] = InputRecord(id=str(i), text=item, origin="<input>", line=i)
        elif isinstance(item, (InputRecord, ErrorRecord)):
            rec = item
        else:
            rec = record_from_object(item, origin="<input>", line=i)
        if isinstance(rec, InputRecord) and rec.published is None and default_pub:
            rec.published = default_pub
        yield rec


# --------------------------------------------------------------------------- long texts


def split_text(text: str, max_chars: int = MAX_PIECE_CHARS) -> List[Tuple[int, str]]:
    """Split ``text`` into ``(offset, piece)`` pieces of at most ``max_chars``,
    preferring paragraph, then line, then sentence, then word boundaries."""
    if len(text) <= max_chars:
        return [(0, text)]
    pieces: List[Tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep, max_chars // 2)
                if cut != -1:
                    cut += len(sep)
                    break
            if cut > 0:
                end = start + cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _shift(d: Dict[str, Any], offset: int, keys: Sequence[str] = ("start", "end", "sentence_start")) -> None:
    for k in keys:
        if isinstance(d.get(k), int):
            d[k] += offset


def _shifted(m: Mention, offset: int) -> Mention:
    d = m.to_dict()
    _shift(d, offset)
    return Mention.from_dict(d)


_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor"}


def _fold_short_names(people: Dict[Tuple[str, bool], Official]) -> Dict[str, str]:
    """Across pieces, "Mr Biggar" or "Biggar" found alone in a later piece folds onto the
    one full name with that surname (when exactly one has it)."""
    folded: Dict[str, str] = {}
    full: Dict[str, List[Tuple[str, bool]]] = {}
    for key, p in people.items():
        words = p.name.split()
        if len(words) >= 2 and words[0].lower().rstrip(".") not in _HONORIFICS:
            full.setdefault(words[-1].lower(), []).append(key)
    for key in list(people):
        p = people[key]
        words = [w for w in p.name.split() if w.lower().rstrip(".") not in _HONORIFICS]
        if len(words) != 1 or key in sum(full.values(), []):
            continue
        targets = full.get(words[0].lower(), [])
        if len(targets) != 1:
            continue
        target = people[targets[0]]
        target.mentions.extend(p.mentions)
        target.mentions.sort(key=lambda m: m.start)
        target.roles.extend(p.roles)
        target.title = target.title or p.title
        target.organisation = target.organisation or p.organisation
        target.is_official = target.is_official or p.is_official
        folded[p.id] = target.id
        del people[key]
    return folded


def merge_pieces(record: InputRecord, parts: List[Tuple[int, DocumentRecord]]) -> DocumentRecord:
    """One record from the records of a text's pieces: offsets shifted to the whole
    text, persons and organisations of the same name merged, ids renumbered."""
    first = parts[0][1]
    out = DocumentRecord(
        id=record.id,
        published=first.published,
        published_source=first.published_source,
        source=record.source,
        title=record.title,
        url=record.url,
        length=len(record.text),
        lead_end=first.lead_end,
        meta={k: v for k, v in record.meta.items() if k != "warnings"},
        warnings=list(record.meta.get("warnings", [])),
    )
    orgs: Dict[str, Organisation] = {}
    people: Dict[Tuple[str, bool], Official] = {}
    kw_counts: Dict[str, int] = {}
    for offset, part in parts:
        idmap: Dict[str, str] = {}
        for org in part.organisations:
            key = org.name.lower()
            if key not in orgs:
                orgs[key] = Organisation(id=f"O{len(orgs) + 1}", name=org.name, acronym=org.acronym, type=org.type)
            target = orgs[key]
            idmap[org.id] = target.id
            target.acronym = target.acronym or org.acronym
            target.aliases.extend(a for a in org.aliases if a not in target.aliases)
            target.mentions.extend(_shifted(m, offset) for m in org.mentions)
            target.relations.extend(r for r in org.relations if r not in target.relations)
        for group in (part.officials, part.persons):
            for p in group:
                key = (p.name.lower(), p.is_official)
                if key not in people:
                    n = len(people) + 1
                    people[key] = Official(id=f"P{n}", name=p.name, title=p.title, organisation=p.organisation, is_official=p.is_official)
                target = people[key]
                idmap[p.id] = target.id
                target.mentions.extend(_shifted(m, offset) for m in p.mentions)
                for r in p.roles:
                    r2 = Role.from_dict(r.to_dict())
                    if r2.start is not None:
                        r2.start += offset
                    if r2.end is not None:
                        r2.end += offset
                    target.roles.append(r2)
                target.title = target.title or p.title
                target.organisation = target.organisation or p.organisation
        for q in part.quotes:
            d = q.to_dict()
            _shift(d, offset)
            new_id = f"Q{len(out.quotes) + 1}"
            idmap[q.id] = new_id
            d["id"] = new_id
            d["speaker_id"] = idmap.get(d.get("speaker_id") or "", d.get("speaker_id"))
            out.quotes.append(Quote.from_dict(d))
        for t in part.dates:
            d = t.to_dict()
            _shift(d, offset)
            out.dates.append(TimeExpression.from_dict(d))
        for c in part.claims:
            d = c.to_dict()
            _shift(d, offset)
            d["id"] = f"C{len(out.claims) + 1}"
            for k in ("source_id", "quote_id"):
                if d.get(k):
                    d[k] = idmap.get(d[k], d[k])
            out.claims.append(Claim.from_dict(d))
        for rank, w in enumerate(part.keywords):
            kw_counts[w] = kw_counts.get(w, 0) + (len(part.keywords) - rank)
        for p_name in part.places:
            if p_name not in out.places:
                out.places.append(p_name)
    folded = _fold_short_names(people)
    for c in out.claims:
        c.source_id = folded.get(c.source_id or "", c.source_id)
    for q in out.quotes:
        q.speaker_id = folded.get(q.speaker_id or "", q.speaker_id)
    for p in people.values():
        (out.officials if p.is_official else out.persons).append(p)
    out.organisations = list(orgs.values())
    out.keywords = [w for w, _ in sorted(kw_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:40]]
    return out


# --------------------------------------------------------------------------- processing


def _piece_record(record: InputRecord, piece: str, published: Optional[str]) -> InputRecord:
    return InputRecord(id=record.id, text=piece, published=published, source=record.source, title=record.title, url=record.url, meta={}, origin=record.origin, line=record.line)


def char_batches(items: List[InputRecord], max_docs: int, max_chars: int) -> Iterator[List[InputRecord]]:
    """Consecutive groups of at most ``max_docs`` items and ``max_chars`` characters
    (a single longer item forms a group of its own)."""
    group: List[InputRecord] = []
    chars = 0
    for item in items:
        n = len(item.text)
        if group and (len(group) >= max_docs or chars + n > max_chars):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += n
    if group:
        yield group


def _process_docs(nlp: Language, batch: List[InputRecord], batch_size: int) -> List[Union[DocumentRecord, Exception]]:
    """Run the pipeline over a batch; if the batch fails, run its records one by one so
    that one bad article costs only itself."""
    _warm_up(nlp)
    try:
        # strings the batch adds to the vocabulary are freed when the zone closes, so a
        # long run does not grow with every new word it sees (spaCy >= 3.8)
        with nlp.memory_zone():
            docs = list(_pipeline.pipe_records(nlp, batch, batch_size=batch_size))
            return [_pipeline.doc_to_record(doc, rec) for doc, rec in zip(docs, batch)]
    except Exception as err:  # noqa: BLE001 - isolate the failing record below
        if len(batch) == 1:
            return [err]
        logger.warning("a batch failed (%s); retrying its %d records one by one", err, len(batch))
        out: List[Union[DocumentRecord, Exception]] = []
        for rec in batch:
            out.extend(_process_docs(nlp, [rec], batch_size))
        return out


def process_batch(nlp: Language, items: Sequence[Union[InputRecord, ErrorRecord]], *, batch_size: int = DEFAULT_BATCH_SIZE) -> List[Union[DocumentRecord, ErrorRecord]]:
    """Process input items in order: one DocumentRecord or ErrorRecord per item."""
    plan: List[Tuple[int, Union[ErrorRecord, InputRecord], List[Tuple[int, InputRecord]]]] = []
    flat: List[InputRecord] = []
    for idx, item in enumerate(items):
        if isinstance(item, ErrorRecord):
            plan.append((idx, item, []))
            continue
        pieces = split_text(item.text, min(MAX_PIECE_CHARS, nlp.max_length))
        if len(pieces) == 1:
            plan.append((idx, item, [(0, item)]))
            flat.append(item)
            continue
        published = item.published
        if not published:
            from .normalize.dateline import find_dateline

            found = find_dateline(item.text[:2000])
            published = found[0] if found else None
        precs = []
        for offset, piece in pieces:
            pr = _piece_record(item, piece, published)
            precs.append((offset, pr))
            flat.append(pr)
        plan.append((idx, item, precs))
    results: List[Union[DocumentRecord, Exception]] = []
    for group in char_batches(flat, batch_size, MAX_BATCH_CHARS):
        results.extend(_process_docs(nlp, group, len(group)))
    by_piece = {id(rec): res for rec, res in zip(flat, results)}
    out: List[Union[DocumentRecord, ErrorRecord]] = []
    for _, item, precs in plan:
        if isinstance(item, ErrorRecord):
            out.append(item)
            continue
        parts = [(off, by_piece[id(pr)]) for off, pr in precs]
        failed = [r for _, r in parts if isinstance(r, Exception)]
        where = f"{item.origin}:{item.line}" if item.line is not None else str(item.origin)
        if failed:
            reason = f"{type(failed[0]).__name__}: {failed[0]}"
            out.append(ErrorRecord(id=item.id, input=where, reason=Errors.E029.format(input=where, id=item.id, reason=reason), error="E029", line=item.line))
            continue
        if len(parts) == 1:
            out.append(parts[0][1])  # type: ignore[arg-type]
        else:
            merged = merge_pieces(item, parts)  # type: ignore[arg-type]
            if not item.published and merged.published:
                merged.published_source = "text"
            merged.warnings.append(f"processed in {len(parts)} pieces of at most {MAX_PIECE_CHARS} characters")
            out.append(merged)
    return out


def iter_extract(
    inputs: Union[InputLike, Iterable[InputLike]],
    *,
    nlp: Optional[Language] = None,
    model: Optional[str] = None,
    published: Any = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    config: Optional[Dict[str, Dict[str, Any]]] = None,
) -> Iterator[Union[DocumentRecord, ErrorRecord]]:
    """Stream one DocumentRecord or ErrorRecord per input, in input order.

    inputs: a string, a dict ``{"id", "text", "published"?...}``, an InputRecord, or an
        iterable of those.
    published: the publication date (ISO string or date) for inputs that carry none.
    n_process: worker processes (each loads the model once); output order is kept.
    config: per-component config overrides for the pipeline that is loaded (not for a given
        ``nlp``), e.g. ``{"dates": {"day_first": False}, "dateline": {"day_first": False}}``.
    """
    items = as_input_records(inputs, published)
    if n_process != 1:
        from .engines.local import run_parallel

        yield from run_parallel(items, model=model, batch_size=batch_size, n_process=n_process, config=config)
        return
    nlp = nlp or _pipeline.load(model, config=config)
    chunk: List[Union[InputRecord, ErrorRecord]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= batch_size:
            yield from process_batch(nlp, chunk, batch_size=batch_size)
            chunk = []
    if chunk:
        yield from process_batch(nlp, chunk, batch_size=batch_size)


def extract(
    inputs: Union[InputLike, Iterable[InputLike]],
    *,
    nlp: Optional[Language] = None,
    model: Optional[str] = None,
    published: Any = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    config: Optional[Dict[str, Dict[str, Any]]] = None,
) -> List[DocumentRecord]:
    """Extract one :class:`DocumentRecord` per input text.

    >>> from extractors import extract                                  # doctest: +SKIP
    >>> [rec] = extract("Director General Graeme Biggar said 80% avoid jail.",
    ...                 published="2023-12-13")                         # doctest: +SKIP
    >>> rec.claims[0].value, rec.claims[0].unit                         # doctest: +SKIP
    (80.0, 'percent')

    Raises :class:`extractors.errors.InputError` for an input that cannot be processed;
    use :func:`iter_extract` to receive error records instead.
    """
    out: List[DocumentRecord] = []
    for rec in iter_extract(inputs, nlp=nlp, model=model, published=published, batch_size=batch_size, n_process=n_process, config=config):
        if isinstance(rec, ErrorRecord):
            raise InputError(rec.error, rec.reason)
        out.append(rec)
    return out


def reconcile(records: Iterable[Union[DocumentRecord, Dict[str, Any]]], **options: Any) -> List[EventRecord]:
    """Group document records that report the same event and merge them into events.

    Accepts DocumentRecords or their dicts (as read from JSONL).
    """
    from .reconcile import reconcile as _reconcile

    docs = [r if isinstance(r, DocumentRecord) else DocumentRecord.from_dict(r) for r in records]
    return _reconcile(docs, **options)
