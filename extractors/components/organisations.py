"""Organisations: canonical name, acronym, aliases, every mention, type and stated relations.

Sources of mentions, merged into one record per body:

- the model's ORG entities, cleaned (no leading "the", no possessive, no trailing
  punctuation; titles such as "the Solicitor General" and the word list
  ``not_organisations.txt`` ("CCTV") rejected);
- a PhraseMatcher over the gazetteer ``organisations.jsonl`` (names, aliases, acronyms);
- capitalised names ending in an organisation head word ("... Protection Centre") that
  the model missed;
- acronyms defined in the text ("the Ministry of Justice (MoJ)"), known from the
  gazetteer, or an upper-case name that is the initialism of another body of the doc;
- definite descriptions ("the agency", "the force", "the Bank") when exactly one body
  of that kind was mentioned before.

Relations come from appositions ("X, a branch of the NCA") and possessives
("the Bank's Monetary Policy Committee").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Pipe
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .. import data, extensions
from ..records import Mention, Organisation
from .anchors import AnchoredMatcher
from .sentences import sent_of, sentence_before


#: letters after a person's name ("Guy Mansfield QC", "Paul Boateng MP"): an entity ending in
#: one is a person, not a body (the officials component drops them from names)
POSTNOMINALS = frozenset({"MP", "MPs", "MSP", "MEP", "AM", "MLA", "TD", "QC", "KC", "SC", "OBE", "MBE", "CBE",
                          "KBE", "DBE", "JP", "PC", "FRS", "VC", "GC"})


def _positions(doc: Doc, attr: int, values: Iterable[str]) -> List[int]:
    """Indices of the tokens whose ``attr`` (ORTH or LOWER) is one of ``values``: one
    vectorised pass over the token hashes instead of a loop over Token objects."""
    wanted = [hash_string(v) for v in values]
    if not wanted or not len(doc):
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), numpy.array(wanted, dtype="uint64"))).tolist()


# --------------------------------------------------------------------------- word lists

#: words that do not count for acronyms and word-set matching of names
FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "&", "on", "in", "at", "to", "de", "du", "des", "la", "le"})
#: a capitalised name ending in one of these is an organisation even when the model missed it
ORG_HEADS = frozenset({
    "agency", "authority", "bank", "board", "bureau", "centre", "center", "college", "command",
    "commission", "committee", "constabulary", "corporation", "council", "court", "department",
    "executive", "federation", "foundation", "fund", "group", "inspectorate", "institute",
    "institution", "ministry", "office", "organisation", "organization", "party", "police",
    "service", "society", "trust", "union", "university", "association", "alliance", "coalition",
    "council", "tribunal", "unit", "plc", "ltd", "inc", "limited", "company", "directorate", "borough", "inquiry",
    "hospital", "infirmary",
})
#: last words of company names that ORG_HEADS leaves out ("Acme Holdings"): never a person's name
COMPANY_WORDS = frozenset({"holdings", "partners", "capital", "industries", "systems", "airways", "airlines",
                           "motors", "energy", "technologies", "pharmaceuticals", "foods", "brands", "media",
                           "resources", "properties", "investments", "securities", "ventures", "solutions"})
#: the head of a definite description ("the agency") -> the kinds of body it can refer to
DESCRIPTION_TYPES: Dict[str, FrozenSet[str]] = {
    "agency": frozenset({"agency", "regulator"}),
    "bureau": frozenset({"agency", "government department"}),
    "force": frozenset({"police force"}),
    "constabulary": frozenset({"police force"}),
    "department": frozenset({"government department"}),
    "ministry": frozenset({"government department"}),
    "bank": frozenset({"central bank", "company"}),
    "charity": frozenset({"charity"}),
    "committee": frozenset({"committee"}),
    "regulator": frozenset({"regulator"}),
    "watchdog": frozenset({"regulator"}),
    "party": frozenset({"political party"}),
    "union": frozenset({"trade union"}),
    "court": frozenset({"court"}),
    "firm": frozenset({"company"}),
    "company": frozenset({"company"}),
    "group": frozenset({"company"}),
    "service": frozenset(),
    "office": frozenset(),
    "commission": frozenset(),
    "authority": frozenset(),
    "council": frozenset(),
    "inquiry": frozenset(),
    "brigade": frozenset(),
    "hospital": frozenset(),
    "trust": frozenset(),
    "college": frozenset(),
    "university": frozenset({"university"}),
    "broadcaster": frozenset({"media outlet"}),
    "newspaper": frozenset({"media outlet"}),
}
#: relation nouns in "X, a branch of Y"
RELATION_NOUNS = {
    "branch": "branch_of", "division": "division_of", "arm": "arm_of", "part": "part_of",
    "subsidiary": "subsidiary_of", "unit": "unit_of", "wing": "part_of", "command": "part_of",
    "department": "part_of", "agency": "part_of", "committee": "part_of", "offshoot": "part_of",
    "member": "member_of", "section": "part_of", "directorate": "part_of",
}
#: type from the head word of a name that is not in the gazetteer
HEAD_TYPES = {
    "police": "police force", "constabulary": "police force", "agency": "agency",
    "ministry": "government department", "department": "government department",
    "party": "political party", "court": "court", "tribunal": "court", "charity": "charity",
    "trust": "charity", "foundation": "charity", "committee": "committee", "university": "university",
    "college": "university", "union": "trade union", "plc": "company", "ltd": "company", "inc": "company",
    "limited": "company", "company": "company", "group": "company", "corporation": "company",
    "authority": "agency", "commission": "agency", "service": "agency", "office": "government department",
    "inspectorate": "regulator", "regulator": "regulator", "bank": "company", "council": "agency",
    "centre": "agency", "command": "agency", "times": "media outlet", "post": "media outlet",
    "telegraph": "media outlet", "herald": "media outlet", "gazette": "media outlet", "news": "media outlet",
    "radio": "media outlet", "tv": "media outlet", "television": "media outlet", "newspaper": "media outlet",
    "magazine": "media outlet", "broadcaster": "media outlet", "journal": "media outlet", "mirror": "media outlet",
    "observer": "media outlet", "chronicle": "media outlet", "tribune": "media outlet",
}
_APOS = ("'s", "’s", "'", "’")
#: words of police titles: a place before them names the force ("Norfolk Chief Constable")
POLICE_TITLE_WORDS = frozenset({"constable", "commissioner", "superintendent", "inspector", "sergeant", "police"})
#: sentence-initial words the model runs into a body's name ("Separate Labor Department data")
_DISCOURSE_WORDS = frozenset({"separate", "additional", "earlier", "later", "latest", "meanwhile", "elsewhere",
                              "separately"})  # (not "Further Education", "Official Monster Raving Loony")
#: lower-case prefixes that make a capitalised word a description ("non-Briton", "anti-EU")
_LOWER_PREFIXES = frozenset({"non", "anti", "pro", "post", "pre", "ex", "former"})
#: bodies named after their address, which may also be the place
_ADDRESS_BODIES = frozenset({"Whitehall", "Westminster", "Holyrood", "Stormont", "Capitol Hill", "Number 10", "No 10"})
_LOCATIVE = frozenset({"in", "at", "outside", "inside", "near", "into", "around", "on"})
_UPPER = re.compile(r"[A-Z]")


def _clean_key(text: str) -> str:
    """Lower case, single spaces, straight apostrophes, no leading 'the', no possessive."""
    s = " ".join(text.replace("’", "'").split()).strip(" .,;:")
    low = s.lower()
    if low.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("'"):
        s = s[:-1]
    # British and American spellings are one key: "Organisation" / "Organization"
    return _ISATION.sub(r"iz\1", s.lower().strip())


_ISATION = re.compile(r"is(ation|ations|ed|ing)\b")


def _word_set(text: str) -> FrozenSet[str]:
    words = re.findall(r"[\w’'&-]+", text.lower().replace("’", "'"))
    return frozenset(w for w in words if w not in FUNCTION_WORDS)


def is_acronym_like(text: str) -> bool:
    """'NCA', 'MoJ', 'CEOP', 'BoE', 'G7': 2-10 characters, starts upper, at least 2 capitals
    making at least half of it (so not a name in camel case: 'McIlroy', 'NatWest')."""
    if not 2 <= len(text) <= 10 or not text[0].isupper() or " " in text:
        return False
    capitals = len(_UPPER.findall(text)) + sum(c.isdecimal() for c in text)
    chars = sum(c.isalnum() for c in text)
    return capitals >= 2 and 2 * capitals >= chars and text.replace("&", "").replace("-", "").isalnum()


def acronym_fits(acronym: str, name: str) -> bool:
    """Whether the capitals of ``acronym`` spell the name: each letter is a word's initial
    (function words may be skipped) or a later letter of the word being spelt
    ("GCHQ" = Government Communications HeadQuarters)."""
    letters = [c.lower() for c in acronym if c.isalnum() and (c.isupper() or c.isdecimal())]
    words = [w.lower() for w in re.findall(r"[\w']+", name.replace("’", "'"))]
    if not letters or not words:
        return False

    @lru_cache(maxsize=None)
    def fit(i: int, j: int, k: int) -> bool:
        # i: next letter; j: current word; k: chars of word j already used (0 = word not started)
        if i == len(letters):
            rest = [w for w in words[j + (1 if k else 0):] if w not in FUNCTION_WORDS]
            return not rest or (len(rest) == 1 and rest[0] in ORG_HEADS)  # "CEOP ... Centre"
        if k:  # continue inside word j
            w = words[j]
            pos = w.find(letters[i], k)
            if pos > 0 and fit(i + 1, j, pos + 1):
                return True
        for jj in range(j + (1 if k else 0), len(words)):
            if words[jj][0] == letters[i] and fit(i + 1, jj, 1):
                return True
            if words[jj] not in FUNCTION_WORDS:
                # a content word may be skipped only after the first letter matched
                if i == 0:
                    return False
                continue
        return False

    return fit(0, 0, 0)


# --------------------------------------------------------------------------- gazetteer


@dataclass
class GazEntry:
    idx: int
    name: str
    acronym: Optional[str]
    aliases: List[str]
    type: Optional[str]
    titles: Set[str] = field(default_factory=set)
    offices: Set[str] = field(default_factory=set)
    place: Optional[str] = None
    distinct: bool = False  # a one-word name that is no ordinary word ("Ofgem")
    #: short forms that name the body only in a text that names it in full ("Forest" after
    #: "Nottingham Forest"): a word that alone means something else
    short: List[str] = field(default_factory=list)


#: last words of the names of laws and taxes ("the General Data Protection Regulation")
_LAW_HEADS = frozenset({"Bill", "Act", "Levy", "Tax", "Duty", "Allowance", "Credit", "Regulation", "Regulations",
                        "Directive", "Treaty"})
#: nouns after a party's adjective that make it the party ("Conservative MPs", "Labour leader")
_PARTY_NOUNS = frozenset({
    "mp", "mps", "member", "members", "leader", "leaders", "leadership", "government", "councillor", "councillors",
    "peer", "peers", "candidate", "candidates", "voters", "manifesto", "party", "backbenchers", "backbencher",
    "minister", "ministers", "donor", "donors", "conference", "whip", "whips", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chair", "activists", "politicians", "politician", "mayor", "council",
    "opposition", "group", "administration", "vote", "majority", "victory", "win", "gain", "gains", "seat", "seats"})


def _acronyms_of_things(doc: Doc) -> Set[str]:
    """Acronyms the text defines in brackets after lower-case words they spell ("profit and
    sustainability rules (PSR)")."""
    out: Set[str] = set()
    for i in _positions(doc, ORTH, ("(",)):
        if i + 2 >= len(doc) or doc[i + 2].text != ")" or not is_acronym_like(doc[i + 1].text) or i == 0:
            continue
        acr = doc[i + 1].text
        k = i
        while k > 0 and i - k < len(acr) + 3 and (doc[k - 1].is_lower and doc[k - 1].is_alpha):
            k -= 1
        if k < i and any(acronym_fits(acr, doc[j:i].text) and doc[j].lower_ not in FUNCTION_WORDS for j in range(k, i)):
            out.add(acr)
    return out


def _dateline_place(doc: Doc, s: int, e: int) -> bool:
    """Is ``doc[s:e]`` the place that opens a dateline line ("MANCHESTER, 21 August 2023",
    "LONDON (Reuters) -")? Upper case, at the start of a line, then a comma and a date or
    a bracket."""
    if s > 0 and "\n" not in doc[s - 1].text and "\n" not in doc[s - 1].whitespace_:
        return False
    if not all(t.is_upper and t.is_alpha for t in doc[s:e]) or e >= len(doc):
        return False
    nxt = doc[e]
    if nxt.text == "(":
        return True
    return nxt.text == "," and e + 1 < len(doc) and (doc[e + 1].ent_type_ in ("DATE", "CARDINAL") or doc[e + 1].like_num)


def named_after_is_title(doc: Doc, s: int, e: int, title_spans) -> bool:
    """A short capitalised name after "TITLE is" and before a comma or full stop ("the new
    home secretary is Shabana Mahmood, ..."): the holder, which the model may take for a body."""
    if not 2 <= e - s <= 3 or s < 2 or doc[s - 1].lower_ not in ("is", "was") \
            or not all(t.is_title and t.is_alpha for t in doc[s:e]) or not (e >= len(doc) or doc[e].text in (",", ".", ";")):
        return False
    return any(te == s - 1 for _, te in title_spans)


def named_before_title(doc: Doc, s: int, e: int, title_spans) -> bool:
    """A short capitalised name followed by an apposition whose head is a title ("Nuno
    Espírito Santo, the Forest manager, ...", "Pascale Jones, a prosecutor with the CPS"),
    with no word of a body's name in it."""
    if not 2 <= e - s <= 3 or e + 2 >= len(doc) or doc[e].text != ",":
        return False
    if any(not t.is_title or t.lower_ in ORG_HEADS or t.lower_ in COMPANY_WORDS for t in doc[s:e]):
        return False
    for ts, te in title_spans:
        if e + 1 <= ts <= e + 4 and te < len(doc) and (doc[te].text in (",", ".", ";") or doc[te].lower_ in ("of", "at", "for", "with")) \
                and all(t.lower_ in ("the", "its", "their", "his", "her", "a", "until", "now", "formerly", "previously")
                        or t.is_title or t.tag_ == "POS" for t in doc[e + 1:ts]):
            return True
    return False


_UK_WORDS = frozenset({"uk", "britain", "british", "england", "english", "scotland", "scottish", "wales", "welsh",
                       "london", "northern"})


def _party_use(doc: Doc, s: int, e: int) -> bool:
    """Is a capitalised party name used for the party, not a nationality or a word of
    another name: a noun ("The Conservatives promised", "Labour said", "backed by Labour"), or
    the adjective of a party noun ("Conservative MPs")?"""
    last = doc[e - 1]
    if not doc[s].text[:1].isupper():
        return False
    k = s - 1
    if k >= 0 and doc[k].tag_ == "POS":
        k -= 1
    if k >= 0 and doc[k].ent_type_ in ("GPE", "NORP") and doc[k].lower_ not in _UK_WORDS:
        return False  # another country's party: "Canada's Conservative leader", "Australian Labor"
    if e < len(doc) and doc[e].lower_ in _PARTY_NOUNS:
        return True
    return last.tag_ in ("NNP", "NNPS") and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT")


class Gazetteer:
    """Well-known bodies, looked up by name, alias, acronym, word set, place or office."""

    def __init__(self, rows: Sequence[dict]):
        self.entries: List[GazEntry] = []
        self.by_form: Dict[str, int] = {}
        self.by_acronym: Dict[str, List[int]] = {}
        self.by_words: Dict[FrozenSet[str], int] = {}
        self.police_by_place: Dict[str, int] = {}
        self.office_of: Dict[str, int] = {}
        for i, row in enumerate(rows):
            e = GazEntry(i, row["name"], row.get("acronym"), list(row.get("aliases") or []), row.get("type"),
                         {t.lower() for t in row.get("titles") or []}, {t.lower() for t in row.get("offices") or []},
                         row.get("place"), bool(row.get("distinct")), list(row.get("short") or []))
            self.entries.append(e)
            for form in [e.name] + e.aliases:
                if is_acronym_like(form) and form.isupper():
                    self.by_acronym.setdefault(form, []).append(i)
                else:
                    self.by_form.setdefault(_clean_key(form), i)
                ws = _word_set(_clean_key(form))
                if len(ws) >= 2:
                    self.by_words.setdefault(ws, i)
            if e.acronym:
                self.by_acronym.setdefault(e.acronym, []).append(i)
            if e.place and e.type == "police force":
                self.police_by_place.setdefault(e.place.lower(), i)
            for off in e.offices:
                self.office_of.setdefault(off, i)

    def forms(self) -> Iterable[Tuple[int, str]]:
        """(entry, surface form) for the phrase matcher."""
        for e in self.entries:
            seen = set()
            for form in [e.name] + e.aliases + ([e.acronym] if e.acronym else []):
                variants = {form}
                if form.lower().startswith("the ") and not form.startswith("the "):
                    variants.add(form[4:])  # "The Daily Telegraph" also as "Daily Telegraph"
                if "'" in form:
                    variants.add(form.replace("'", "’"))
                for v in variants:
                    if v not in seen:
                        seen.add(v)
                        yield e.idx, v

    def lookup(self, text: str) -> Optional[int]:
        """The entry a surface form names (exact acronym, name/alias, or same content words)."""
        t = text.strip()
        key = _clean_key(t)
        stripped = t[4:] if t.lower().startswith("the ") else t
        stripped = re.sub(r"['’]s?$", "", stripped)
        if stripped in self.by_acronym and len(self.by_acronym[stripped]) == 1:
            return self.by_acronym[stripped][0]
        if key in self.by_form:
            return self.by_form[key]
        ws = _word_set(key)
        if len(ws) >= 2 and ws in self.by_words:
            return self.by_words[ws]
        return None


@lru_cache(maxsize=4)
def load_gazetteer(name: str = "organisations.jsonl") -> Gazetteer:
    return Gazetteer(data.load_jsonl(name))


@lru_cache(maxsize=4)
def load_titles(name: str = "titles.txt") -> Tuple[str, ...]:
    """Titles, lower case, longest first."""
    return tuple(sorted({t.lower() for t in data.load_lines(name)}, key=lambda t: (-len(t.split()), t)))


@lru_cache(maxsize=4)
def load_not_orgs(name: str = "not_organisations.txt") -> FrozenSet[str]:
    return frozenset(_clean_key(t) for t in data.load_lines(name))


def type_from_name(name: str) -> Optional[str]:
    words = name.lower().replace("’", "'").split()
    if not words:
        return None
    if "central" in words and "bank" in words:
        return "central bank"
    # "Ministry of Justice": the head is before "of"
    if len(words) > 1 and words[-1].isdecimal():
        words = words[:-1]  # "BBC Radio 4", "Channel 4"
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return HEAD_TYPES.get(head) or HEAD_TYPES.get(words[-1])


# --------------------------------------------------------------------------- component


@dataclass
class _Cand:
    start: int  # token offsets
    end: int
    source: str  # ent | gaz | head | defined
    gaz: Optional[int] = None
    kind: str = "name"  # name | acronym | alias | description


class Organisations(Pipe):
    """Find organisations; store :class:`~extractors.records.Organisation` records."""

    def __init__(self, nlp: Language, name: str = "organisations", *, gazetteer: str, exclude: str, titles: str,
                 descriptions: bool, use_head_words: bool):
        extensions.register()
        self.name = name
        self.vocab = nlp.vocab
        self._tokenizer = nlp.tokenizer
        self.gazetteer_name = gazetteer
        self.exclude_name = exclude
        self.titles_name = titles
        self.descriptions = descriptions
        self.use_head_words = use_head_words
        self._matchers: Optional[Tuple[PhraseMatcher, PhraseMatcher, AnchoredMatcher, Dict[int, List[Tuple[int, str]]]]] = None

    # ------------------------------------------------------------------ set-up (lazy)

    def _setup(self):
        if self._matchers is not None:
            return self._matchers
        gaz = load_gazetteer(self.gazetteer_name)
        orgs = PhraseMatcher(self.vocab, attr="ORTH")
        info: Dict[int, List[Tuple[int, str]]] = {}
        by_form: Dict[str, List[Tuple[int, str]]] = {}
        for idx, form in gaz.forms():
            e = gaz.entries[idx]
            kind = "acronym" if form == e.acronym else ("name" if form in (e.name, e.name[4:]) else "alias")
            by_form.setdefault(form, []).append((idx, kind))
        for form, targets in by_form.items():
            key = f"ORG_GAZ::{form}"
            orgs.add(key, [self._tokenizer(form)])
            info[self.vocab.strings[key]] = targets
        titles = PhraseMatcher(self.vocab, attr="LOWER")
        titles.add("TITLE", [self._tokenizer(t) for t in load_titles(self.titles_name)])
        heads = Matcher(self.vocab)
        cap = {"IS_TITLE": True, "TAG": {"IN": ["NNP", "NNPS"]}}
        link = {"LOWER": {"IN": ["of", "and", "for", "&", "on"]}}
        head = {"IS_TITLE": True, "LOWER": {"IN": sorted(ORG_HEADS)}}
        borough = {"IS_TITLE": True, "LOWER": {"IN": ["royal", "metropolitan", "london"]}}
        head_patterns = {"ORG_HEAD": [
            [cap, head],
            [cap, cap, head], [cap, cap, cap, head], [cap, cap, cap, cap, head],
            [cap, link, cap, head], [cap, cap, link, cap, head], [cap, link, cap, cap, head],
            [cap, cap, link, cap, cap, head], [cap, cap, cap, link, cap, head],
            [{"SHAPE": "dddd"}, head],  # "the 1922 Committee"
            [head, {"LOWER": "of"}, cap], [head, {"LOWER": "of"}, cap, cap],
            [head, {"LOWER": "for"}, cap], [head, {"LOWER": "for"}, cap, cap],
            [head, {"LOWER": "for"}, cap, link, cap], [head, {"LOWER": "of"}, cap, link, cap],
            # "the Royal Borough of Kensington and Chelsea", "the London Borough of Camden" (not any
            # capitalised word before a body: "Senior Bank of England officials")
            [borough, head, {"LOWER": "of"}, cap], [borough, head, {"LOWER": "of"}, cap, link, cap],
        ]}
        for key, pats in head_patterns.items():
            heads.add(key, pats, greedy="LONGEST")
        # every pattern holds an organisation head word: run the Matcher only around them
        anchored = AnchoredMatcher(heads, head_patterns, very_common=("of", "and", "for", "&", "on"), greedy="LONGEST")
        self._matchers = (orgs, titles, anchored, info)
        return self._matchers

    # ------------------------------------------------------------------ main

    def __call__(self, doc: Doc) -> Doc:
        gaz = load_gazetteer(self.gazetteer_name)
        not_orgs = load_not_orgs(self.exclude_name)
        orgs_m, titles_m, heads_m, info = self._setup()
        title_spans = [(s, e) for _, s, e in titles_m(doc)]
        title_end_at: Dict[int, int] = {}
        for s, e in title_spans:
            title_end_at[s] = max(title_end_at.get(s, s), e)

        cands: List[_Cand] = []
        # 1. gazetteer
        for match_id, s, e in orgs_m(doc):
            targets = info[match_id]
            idx, kind = targets[0]
            if len(targets) > 1:
                idx = None  # an ambiguous acronym ("HSE"): resolved below if a long form is in the doc
            if not self._gaz_ok(doc, s, e, kind) and not (idx is not None and gaz.entries[idx].distinct
                                                          and doc[s].ent_type_ != "PERSON") \
                    and not (idx is not None and gaz.entries[idx].type == "political party" and _party_use(doc, s, e)):
                # (a distinct name the model calls a place is still the body: "Ofwat said"; a
                # party the model calls a nationality is the party: "The Conservatives promised",
                # "Labour said", "Conservative MPs")
                continue
            if self._place_use(doc, s, e):
                continue
            cands.append(_Cand(s, e, "gaz", idx, kind if idx is not None else "acronym"))
        # a place right before a police title names its force: "Lancashire Chief Constable"
        for ts, te in title_spans:
            if not any(doc[k].lower_ in POLICE_TITLE_WORDS for k in range(ts, te)):
                continue
            for width in (1, 2, 3):
                ps = ts - width
                if ps < 0 or not all(doc[k].is_title for k in range(ps, ts)):
                    break
                place = doc[ps:ts].text.lower()
                if place in gaz.police_by_place:
                    cands.append(_Cand(ps, ts, "gaz", gaz.police_by_place[place], "alias"))
                    break
        # 2. model entities
        other_labels: Set[str] = set()
        person_tails: Set[str] = set()  # "Kilroy-Silk" of "Robert Kilroy-Silk", and whole names
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "PERSON", "NORP"):
                other_labels.update(t.text for t in ent if t.is_title)
            if ent.label_ == "PERSON":
                person_tails.add(ent.text)
                if len(ent) > 1:
                    first_tok = 1 if ent[0].text[:1].isupper() else 0
                    person_tails.add(ent[first_tok:].text)
        for ent in doc.ents:
            if ent.label_ in ("ORG", "GPE") and ent.end < len(doc):
                # "Norfolk Chief Constable": the place names its police force
                place = _clean_key(ent.text)
                te = title_end_at.get(ent.end)
                if place in gaz.police_by_place and te and any(
                        doc[k].lower_ in POLICE_TITLE_WORDS for k in range(ent.end, te)):
                    s, e = self._clean(doc, ent.start, ent.end) or (ent.start, ent.end)
                    cands.append(_Cand(s, e, "ent", gaz.police_by_place[place], "alias"))
                    continue
            if ent.label_ != "ORG":
                continue
            span = self._clean(doc, ent.start, ent.end)
            if span is None:
                continue
            s, e = span
            # a title inside or after the entity: "the Solicitor General", "NCA Director General"
            covered = any(ts <= s and e <= te and te - ts > 1 for ts, te in title_spans)
            if covered or self._is_title_only(doc, s, e, title_spans):
                continue
            if (self._named_after_title(doc, s, e, title_spans) or named_before_title(doc, s, e, title_spans)) \
                    and gaz.lookup(doc[s:e].text) is None:
                continue  # "Environment Secretary Thérèse Coffey", "Nuno Espírito Santo, the Forest
                # manager,": a person the model took for a body
            for ts, te in title_spans:
                # "NCA Director General Graeme Biggar", "Bank of England Governor Andrew Bailey"
                if s < ts < e and (te - ts > 1 or te == e) and (te > e or (te < len(doc) and (
                        doc[te].ent_type_ == "PERSON" or doc[te].is_title and doc[te].tag_ == "NNP"))):
                    e = ts
                elif s < ts and te == e and te - ts > 1:
                    e = ts  # "Refugee Council Chief Executive": the body, then a title
            span = self._clean(doc, s, e)
            if span is None:
                continue
            s, e = span
            at = next((k for k in range(s + 1, e - 1) if doc[k].text == "at"), None)
            if at is not None and doc[e - 1].is_title and doc[e - 1].lower_ in ORG_HEADS and doc[at - 1].text[:1].isupper():
                # two bodies the model ran together: "NatWest at Southwark Crown Court" (not "in":
                # "the Institute for Research in Social Policy Unit" is one name)
                for a, b in ((s, at), (at + 1, e)):
                    if _clean_key(doc[a:b].text) not in not_orgs and not self._not_org_shape(doc, a, b):
                        cands.append(_Cand(a, b, "ent", gaz.lookup(doc[a:b].text), "name"))
                continue
            text = doc[s:e].text
            if _clean_key(text) in not_orgs or self._not_org_shape(doc, s, e) or self._place_use(doc, s, e):
                continue
            if _dateline_place(doc, s, e):
                continue  # "MANCHESTER, 21 August 2023": the place of a dateline
            if any(doc[k].lower_ == "in" for k in range(s + 1, e - 1)) and gaz.lookup(text) is None \
                    and not any(t.lower_ in ORG_HEADS or t.lower_ in COMPANY_WORDS for t in doc[s:e]):
                continue  # "Coningsby in Lincolnshire": a place in a place
            if e - s == 1 and text in other_labels:
                continue  # "Wales", "Sunak": the model calls the same word a place or a person elsewhere
            if text in person_tails and gaz.lookup(text) is None:
                continue  # "Kilroy-Silk", "Nicola Sturgeon": a person elsewhere in the article
            if doc[e - 1].text in POSTNOMINALS and gaz.lookup(text) is None:
                continue  # "Guy Mansfield QC": a person
            if e < len(doc) and doc[e].lower_ in ("secretary", "minister") and any(t.lower_ == "and" for t in doc[s:e]) \
                    and gaz.lookup(text) is None:
                continue  # a portfolio: "Trade and Industry Secretary", "Work and Pensions Minister"
            kind = "alias" if e - s == 1 and doc[s].lower_ in DESCRIPTION_TYPES else "name"
            cands.append(_Cand(s, e, "ent", gaz.lookup(text), kind))
        # 3. capitalised names ending in an organisation word
        if self.use_head_words:
            for _, s, e in heads_m(doc):
                of_at = next((i for i in range(s + 1, e) if doc[i].lower_ in ("of", "for") and doc[i - 1].lower_ in ORG_HEADS), e)
                if any(doc[i].ent_type_ in ("PERSON", "GPE", "DATE", "TIME", "EVENT")
                       and not (doc[i].shape_ == "dddd" and i == s) and not (doc[i].ent_type_ == "GPE" and i > of_at)
                       for i in range(s, e)):
                    continue  # (but "the 1922 Committee", whose year the model calls a date, and the
                    # place a body is of: "the Royal Borough of Kensington and Chelsea")
                if doc[s].shape_ == "dddd" and s > 0 and doc[s - 1].lower_ in ("in", "since", "by", "from", "until", "during"):
                    continue  # "in 1998 Committee members met": the year of something
                if self._in_headline(doc, s):
                    continue
                span = self._clean(doc, s, e)
                if span is None:
                    continue
                s, e = span
                text = doc[s:e].text
                if _clean_key(text) in not_orgs or any(ts <= s and e <= te for ts, te in title_spans):
                    continue
                if any(s < ts and te == e and te - ts > 1 for ts, te in title_spans):
                    continue  # "Refugee Council Chief Executive": a title ends it, not a body's name
                cut = next((ts for ts, te in title_spans if s + 1 < ts and te == e and doc[ts - 1].lower_ not in FUNCTION_WORDS), None)
                if cut is not None and gaz.lookup(doc[s:cut].text) is not None:
                    continue  # "Bank of England Governor": the body (found as itself) and its title
                cands.append(_Cand(s, e, "head", gaz.lookup(text)))
        # 4. acronyms defined in brackets
        defined: Dict[str, Tuple[int, int]] = {}
        for i in _positions(doc, ORTH, ("(",)):
            tok = doc[i]
            if tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
                continue
            acr = doc[tok.i + 1].text
            # (or a word-like acronym spelt by the initials: "Special Interest Group of Municipal
            # Authorities (Sigoma)", "(Defra)")
            wordlike = not is_acronym_like(acr) and acr.istitle() and acr.isalpha() and 3 <= len(acr) <= 8
            if not is_acronym_like(acr) and not wordlike:
                continue
            long_span = self._long_form_before(doc, tok.i, cands)
            if long_span is None:
                continue
            ls, le = long_span
            if not acronym_fits(acr.upper() if wordlike else acr, doc[ls:le].text):
                continue
            defined[acr] = long_span
            if not any(c.start == ls and c.end == le for c in cands):
                cands.append(_Cand(ls, le, "defined", gaz.lookup(doc[ls:le].text)))
            if not any(c.start == tok.i + 1 for c in cands):
                cands.append(_Cand(tok.i + 1, tok.i + 2, "defined", None, "acronym"))
            elif wordlike:
                # the model's own entity for a word-like acronym ("Sigoma") is the acronym
                for c in cands:
                    if c.start == tok.i + 1 and c.end == tok.i + 2 and c.gaz is None:
                        c.kind = "acronym"

        # an acronym of lower-case words names a thing, not a body: "the profit and
        # sustainability rules (PSR)", "gross domestic product (GDP)"
        things = _acronyms_of_things(doc)
        if things:
            cands = [c for c in cands if doc[c.start:c.end].text not in things or c.source == "gaz"]
        chosen = self._resolve_overlaps(cands, doc)
        records = self._cluster(doc, chosen, defined, gaz)
        if self.descriptions:
            self._descriptions(doc, records, gaz, {i for c in chosen for i in range(c.start, c.end)})
        self._relations(doc, records)
        out = self._to_records(doc, records, gaz)
        extensions.set_records(doc, "organisations", out)
        doc.spans["organisations"] = [Span(doc, s, e, label="ORG") for r in records for (s, e, kind) in r["tok_mentions"] if kind != "description"]
        return doc

    # ------------------------------------------------------------------ candidates

    @staticmethod
    def _in_headline(doc: Doc, i: int) -> bool:
        """Whether token i is in a title-case line (a headline), where every word is capitalised."""
        sent = sent_of(doc, i)
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        return len(words) >= 4 and all(t.is_title or t.is_upper for t in words)

    def _gaz_ok(self, doc: Doc, s: int, e: int, kind: str) -> bool:
        if e - s > 1:
            return True
        tok = doc[s]
        if tok.ent_type_ == "ORG":
            return True
        if tok.ent_type_ in ("PERSON", "GPE", "NORP", "LOC"):
            return False
        text = tok.text
        if is_acronym_like(text) and text.isupper() and len(text) >= 3 and tok.tag_ in ("NNP", "NNPS"):
            # not inside an all-capitals line
            neighbours = [t for t in doc[max(0, s - 3): s + 4] if t.is_alpha and t.i != s]
            return not neighbours or not all(t.is_upper for t in neighbours)
        if is_acronym_like(text) and len(text) >= 3 and text[1:].lower() != text[1:] and tok.tag_ in ("NNP", "NNPS"):
            return True  # MoJ, BoE, DfE
        return s > 0 and doc[s - 1].lower_ == "the" and tok.tag_ in ("NNP", "NNPS") and tok.is_title

    @staticmethod
    def _clean(doc: Doc, s: int, e: int) -> Optional[Tuple[int, int]]:
        while s < e and (doc[s].lower_ in ("the", "a", "an", "ex", "ex-", "former", "next", "outgoing", "incoming")
                         or doc[s].is_punct or doc[s].is_space
                         or doc[s].is_sent_start and doc[s].tag_ in ("JJ", "RB", "NNP") and doc[s].lower_ in _DISCOURSE_WORDS):
            s += 1  # "Ex-Downing Street media chief": the body is Downing Street; "next Bank of England governor"
        while e > s and (doc[e - 1].text in _APOS or doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct or doc[e - 1].is_space):
            if doc[e - 1].text in (")", "]") and any(t.text in ("(", "[") for t in doc[s:e - 1]):
                break
            e -= 1
        # an opening bracket with no closing one: "International Labour Organisation (ILO"
        for k in range(s, e):
            if doc[k].text in ("(", "[") and not any(t.text in (")", "]") for t in doc[k + 1:e]):
                e = k
                break
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if e <= s:
            return None
        return s, e

    @staticmethod
    def _named_after_title(doc: Doc, s: int, e: int, title_spans) -> bool:
        """A short capitalised name right after a title ("Environment Secretary Thérèse
        Coffey"; "The Environment Secretary, Thérèse Coffey, ..."), with no word of a body's
        name in it: the holder, not a body."""
        if not 2 <= e - s <= 3 or any(not t.is_title or t.lower_ in ORG_HEADS or t.lower_ in COMPANY_WORDS for t in doc[s:e]):
            return False
        for ts, te in title_spans:
            if te == s or (te == s - 1 and doc[te].text == "," and e < len(doc) and doc[e].text == ","):
                return True
        return named_after_is_title(doc, s, e, title_spans)

    @staticmethod
    def _is_title_only(doc: Doc, s: int, e: int, title_spans) -> bool:
        """Every word of the span is part of a multiword title ("Solicitor General", "Home")."""
        covered = set()
        for ts, te in title_spans:
            if te - ts > 1 and ts < e and te > s:
                covered.update(range(max(ts, s), min(te, e)))
        return len(covered) == e - s

    @staticmethod
    def _place_use(doc: Doc, s: int, e: int) -> bool:
        """A body named after its address, used as the place: "gatherings in Downing Street
        and Whitehall" (but "Downing Street said" is the body)."""
        name = doc[s:e].text
        if not (name.endswith(" Street") or name in _ADDRESS_BODIES):
            return False
        k = s - 1
        while k >= 0 and doc[k].lower_ in ("and", ",", "the"):
            k -= 1  # "in Downing Street and [Whitehall]"
            while k >= 0 and doc[k].is_title:
                k -= 1
        return k >= 0 and doc[k].lower_ in _LOCATIVE

    @staticmethod
    def _not_org_shape(doc: Doc, s: int, e: int) -> bool:
        toks = doc[s:e]
        if not any(t.is_alpha for t in toks):
            return True
        if all(t.is_lower for t in toks if t.is_alpha):
            return True
        first, last = toks[0], toks[-1]
        if first.lower_.rstrip(".") in ("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rt", "rev", "reverend"):
            return True  # "Ms Ellis" is a person
        if first.lower_ == "operation" and e - s > 1:
            return True  # police operations are not bodies
        if e - s > 1 and last.tag_ == "NNPS" and last.lower_.endswith("s") and last.lower_[:-1] in ORG_HEADS:
            return True  # "Crown Courts", "County Councils": a kind of body, not one body
        if last.text in _LAW_HEADS and e - s > 1 and not any(t.lower_ in ORG_HEADS for t in doc[s:e - 1]):
            return True  # laws and taxes ("the Energy Profits Levy"), not "the Office of Tax Simplification"
        if e - s == 1 and (first.like_num or (first.tag_ in ("NN", "NNS", "JJ", "VB", "VBZ", "VBD", "VBP") and not is_acronym_like(first.text))):
            return True  # "Households" at the start of a sentence
        if e - s == 1 and first.is_sent_start and first.tag_ == "NNPS" and first.text[1:].islower() \
                and load_gazetteer().lookup(first.text) is None:
            return True  # ("Households in Great Britain face ...", tagged as a proper plural)
        if ("-" in first.text and first.text.split("-")[0] in _LOWER_PREFIXES) \
                or (first.text in _LOWER_PREFIXES and e - s > 1 and doc[s + 1].text == "-"):
            return True  # "the first non-Briton", "pro-Kremlin": a description, not a body
        if last.text in ("Room", "Rooms", "Chamber") and e - s > 1:
            return True  # "the Cabinet Room": a place in a building
        return False

    @staticmethod
    def _long_form_before(doc: Doc, paren: int, cands: List[_Cand]) -> Optional[Tuple[int, int]]:
        """The name just before "(": a candidate ending there, else a capitalised run."""
        best = None
        for c in cands:
            if c.end == paren and c.kind != "acronym":
                if best is None or c.end - c.start > best[1] - best[0]:
                    best = (c.start, c.end)
        if best:
            return best
        i = paren - 1
        start = None
        while i >= 0 and paren - i <= 10:
            t = doc[i]
            if t.is_title or t.is_upper and t.is_alpha:
                start = i
            elif t.lower_ in FUNCTION_WORDS and t.lower_ != "the":
                pass
            else:
                break
            i -= 1
        if start is None:
            return None
        while start < paren and doc[start].lower_ in FUNCTION_WORDS:
            start += 1
        return (start, paren) if paren - start >= 2 else None

    @staticmethod
    def _resolve_overlaps(cands: List[_Cand], doc: Optional[Doc] = None) -> List[_Cand]:
        rank = {"gaz": 0, "defined": 1, "ent": 2, "head": 3}

        def words(c: _Cand) -> int:
            # a leading "the" does not make a name longer: "the Met Office" is the Met Office,
            # not "the Met" (the Metropolitan Police) and "Office"
            lead = 1 if doc is not None and doc[c.start].lower_ == "the" else 0
            return c.end - c.start - lead

        order = sorted(cands, key=lambda c: (-words(c), -(c.end - c.start), rank[c.source], c.start))
        taken: Set[int] = set()
        out: List[_Cand] = []
        for c in order:
            if any(i in taken for i in range(c.start, c.end)):
                continue
            taken.update(range(c.start, c.end))
            out.append(c)
        # an entity and a gazetteer match of the same span: keep the gazetteer entry
        return sorted(out, key=lambda c: c.start)

    # ------------------------------------------------------------------ clustering

    def _cluster(self, doc: Doc, chosen: List[_Cand], defined: Dict[str, Tuple[int, int]], gaz: Gazetteer) -> List[dict]:
        clusters: List[dict] = []
        by_key: Dict[str, dict] = {}

        def new(key: str, gidx: Optional[int]) -> dict:
            c = {"key": key, "gaz": gidx, "tok_mentions": [], "forms": [], "acronym": None, "relations": []}
            clusters.append(c)
            by_key[key] = c
            return c

        span_cluster: Dict[Tuple[int, int], dict] = {}
        pending_acronyms: List[_Cand] = []
        for c in chosen:
            text = doc[c.start:c.end].text
            if c.gaz is None and text in defined and (c.kind == "acronym" or c.end - c.start == 1):
                pending_acronyms.append(c)
                continue
            if c.gaz is None and is_acronym_like(text) and c.end - c.start == 1:
                pending_acronyms.append(c)
                continue
            key = f"g{c.gaz}" if c.gaz is not None else "t:" + _clean_key(text)
            if c.gaz is None and key not in by_key:
                # a short form of a body named before: "the Bank" after "the Bank of England"
                words = _word_set(_clean_key(text))
                longer = [cl for cl in clusters if words and words < _word_set(self._cluster_name(doc, cl, gaz).lower())]
                if len(longer) == 1:
                    longer[0]["tok_mentions"].append((c.start, c.end, "alias"))
                    span_cluster[(c.start, c.end)] = longer[0]
                    continue
                if c.kind == "alias":
                    continue  # a bare "Bank"/"Agency" with nothing to refer to
            cl = by_key.get(key) or new(key, c.gaz)
            kind = c.kind
            if c.gaz is not None:
                e = gaz.entries[c.gaz]
                kind = "acronym" if text == e.acronym else ("name" if _clean_key(text) == _clean_key(e.name) else "alias")
            cl["tok_mentions"].append((c.start, c.end, kind))
            span_cluster[(c.start, c.end)] = cl
        # acronyms: defined in the text, else the initialism of a body of the doc
        for c in pending_acronyms:
            text = doc[c.start:c.end].text
            target = None
            if text in defined:
                target = span_cluster.get(defined[text])
            if target is None:
                fits = [cl for cl in clusters if acronym_fits(text, self._cluster_name(doc, cl, gaz))]
                if len(fits) == 1:
                    target = fits[0]
            if target is None and text in gaz.by_acronym:
                ids = gaz.by_acronym[text]
                present = [by_key[f"g{i}"] for i in ids if f"g{i}" in by_key]
                if len(present) == 1:
                    target = present[0]
                elif len(ids) == 1:
                    target = new(f"g{ids[0]}", ids[0])
            if target is None:
                key = "t:" + text.lower()
                target = by_key.get(key) or new(key, None)
            target["tok_mentions"].append((c.start, c.end, "acronym"))
            target["acronym"] = target["acronym"] or text
        self._short_forms(doc, clusters, gaz)
        # every other use of an acronym the doc defined or used for a body ("SOFU said ...")
        by_acronym = {cl["acronym"]: cl for cl in clusters if cl["acronym"]}
        if by_acronym:
            taken = {i for cl in clusters for s, e, _ in cl["tok_mentions"] for i in range(s, e)}
            for i in _positions(doc, ORTH, by_acronym):
                cl = by_acronym[doc[i].text]
                if i not in taken:
                    cl["tok_mentions"].append((i, i + 1, "acronym"))
        for cl in clusters:
            cl["tok_mentions"].sort()
        clusters.sort(key=lambda cl: cl["tok_mentions"][0][0] if cl["tok_mentions"] else 0)
        return clusters

    @staticmethod
    def _short_forms(doc: Doc, clusters: List[dict], gaz: Gazetteer) -> None:
        """The gazetteer's short forms of the bodies the doc names ("Forest manager Nuno
        Espírito Santo" after "Nottingham Forest"): a capitalised word that stands alone (no
        capitalised word either side: not "Forest Green Rovers", "Villa Park", "Sherwood
        Forest"), not part of a person's name, and the short form of only one body of the doc."""
        owners: Dict[str, List[dict]] = {}
        for cl in clusters:
            if cl["gaz"] is not None and cl["tok_mentions"]:
                for form in gaz.entries[cl["gaz"]].short:
                    owners.setdefault(form, []).append(cl)
        if not owners:
            return
        taken = {i for cl in clusters for s, e, _ in cl["tok_mentions"] for i in range(s, e)}
        n = len(doc)
        for i in _positions(doc, ORTH, owners):
            if len(owners[doc[i].text]) != 1 or i in taken or doc[i].ent_type_ == "PERSON":
                continue
            prev_cap = i > 0 and doc[i - 1].is_title and not doc[i - 1].is_sent_start and doc[i - 1].tag_ == "NNP"
            next_cap = i + 1 < n and doc[i + 1].is_title and doc[i + 1].tag_ in ("NNP", "NNPS")
            if prev_cap or next_cap:
                continue
            owners[doc[i].text][0]["tok_mentions"].append((i, i + 1, "alias"))

    @staticmethod
    def _cluster_name(doc: Doc, cl: dict, gaz: Gazetteer) -> str:
        if cl["gaz"] is not None:
            return gaz.entries[cl["gaz"]].name
        names = [doc[s:e].text for s, e, k in cl["tok_mentions"] if k != "acronym"]
        return max(names, key=len) if names else ""

    # ------------------------------------------------------------------ descriptions

    def _descriptions(self, doc: Doc, clusters: List[dict], gaz: Gazetteer, taken: Set[int]) -> None:
        """'the agency', 'the force', 'the Bank': one body of that kind mentioned before."""
        if not clusters:
            return
        types = [self._type_of(doc, cl, gaz) for cl in clusters]
        heads = [self._head_words(doc, cl, gaz) for cl in clusters]
        for i in _positions(doc, LOWER, ("the",)):
            tok = doc[i]
            if tok.i + 1 >= len(doc):
                continue
            j = tok.i + 1
            if doc[j].lower_ == "central" and j + 1 < len(doc) and doc[j + 1].lower_ == "bank":
                noun, end, want = "bank", j + 2, frozenset({"central bank"})
            else:
                noun, end = doc[j].lower_, j + 1
                if noun not in DESCRIPTION_TYPES and j + 1 < len(doc) and doc[j].is_lower and doc[j].is_alpha \
                        and doc[j].tag_ in ("NN", "JJ") and doc[j + 1].lower_ in DESCRIPTION_TYPES and doc[j + 1].is_lower:
                    noun, end = doc[j + 1].lower_, j + 2  # "the energy regulator", "the financial watchdog"
                elif noun not in DESCRIPTION_TYPES and j + 3 < len(doc) and doc[j + 1].text == "-" \
                        and doc[j + 2].lower_ in ("based", "owned", "listed", "run", "backed") \
                        and doc[j + 3].lower_ in DESCRIPTION_TYPES and doc[j + 3].is_lower:
                    noun, end = doc[j + 3].lower_, j + 4  # "the London-based company", "the state-owned firm"
                if noun not in DESCRIPTION_TYPES:
                    continue
                want = DESCRIPTION_TYPES[noun]
            if j in taken or end - 1 in taken or doc[end - 1].tag_ not in ("NN", "NNP"):
                continue
            nxt = doc[end] if end < len(doc) else None
            # "the agency's", "the force said" - but not "the Bank of ...", "the department store"
            if nxt is not None and (nxt.lower_ == "of" or nxt.tag_ in ("NN", "NNS", "NNP", "NNPS") or nxt.text == "("):
                continue
            before = [i for i, cl in enumerate(clusters) if cl["tok_mentions"] and cl["tok_mentions"][0][0] < tok.i]
            fits = [i for i in before if (types[i] in want) or noun in heads[i]]
            if not fits and doc[end - 1].dep_ in ("nsubj", "nsubjpass"):
                # a lead that names the body only in the next sentence: "The energy regulator
                # has confirmed ... Ofgem said on Thursday ..." (the one body of that kind; as
                # the subject, not "the agency's head of investigations")
                sent_end = sent_of(doc, tok.i).end
                later = [i for i, cl in enumerate(clusters) if cl["tok_mentions"]
                         and tok.i < cl["tok_mentions"][0][0] <= sent_end + 40]
                fits = [i for i in later if types[i] in want] if len(clusters) == 1 or \
                    sum(1 for k in range(len(clusters)) if types[k] in want) == 1 else []
            if len(fits) > 1:
                # several bodies of the kind: the subject of the sentence before, when it is one
                # ("Reform also made big gains ... Nigel Farage, the party's leader, said ...")
                # (only a possessive, the body of a title: "The bank said ..." after two banks
                # stays open)
                prev_subject = self._previous_subject_cluster(doc, clusters, tok.i) \
                    if nxt is not None and (nxt.tag_ == "POS" or nxt.text in _APOS) else None
                if prev_subject in fits:
                    fits = [prev_subject]
            if len(fits) > 1:
                # several bodies of the kind: the one the noun names, when the story is about it
                # (named more often before): "the agency" is the Environment Agency, not the Met
                # Office named once; but after "The Bank of England raised rates. NatWest said
                # ...", "the bank" may be either
                named = [i for i in fits if noun in heads[i]]

                def seen(i):
                    return sum(1 for m in clusters[i]["tok_mentions"] if m[0] < tok.i)

                if len(named) == 1 and all(seen(named[0]) > seen(i) for i in fits if i != named[0]):
                    fits = named
            if len(fits) == 1:
                clusters[fits[0]]["tok_mentions"].append((j, end, "description"))
        for cl in clusters:
            cl["tok_mentions"].sort()

    @staticmethod
    def _previous_subject_cluster(doc: Doc, clusters: List[dict], i: int) -> Optional[int]:
        """The cluster whose mention is the subject of the main clause of the sentence before
        token ``i`` (None when that subject is no body)."""
        prev = sentence_before(doc, sent_of(doc, i).start)
        if prev is None:
            return None
        root = prev.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        for n, cl in enumerate(clusters):
            if any(s <= subj.i < e for s, e, _ in cl["tok_mentions"]):
                return n
        return None

    def _type_of(self, doc: Doc, cl: dict, gaz: Gazetteer) -> Optional[str]:
        if cl["gaz"] is not None and gaz.entries[cl["gaz"]].type:
            return gaz.entries[cl["gaz"]].type
        return type_from_name(self._cluster_name(doc, cl, gaz))

    def _head_words(self, doc: Doc, cl: dict, gaz: Gazetteer) -> Set[str]:
        name = self._cluster_name(doc, cl, gaz).lower()
        words = name.split()
        if not words:
            return set()
        out = {words[-1]}
        if "of" in words[1:]:
            out.add(words[words.index("of") - 1])
        return out

    # ------------------------------------------------------------------ relations

    @staticmethod
    def _relations(doc: Doc, clusters: List[dict]) -> None:
        at: Dict[int, int] = {}  # token start -> cluster index
        ends: Dict[int, int] = {}  # token end -> cluster index
        for i, cl in enumerate(clusters):
            for s, e, k in cl["tok_mentions"]:
                at[s] = i
                ends[e] = i
        n = len(doc)
        for e, i in list(ends.items()):
            # "X, a branch of (the) Y" / "X, part of Y"
            j = e
            if j < n and doc[j].text == ",":
                j += 1
                if j < n and doc[j].lower_ in ("a", "an", "the", "now", "itself"):
                    j += 1
                while j < n and doc[j].tag_ in ("JJ", "JJS") and j - e < 5:
                    j += 1
                if j + 1 < n and doc[j].lower_ in RELATION_NOUNS and doc[j + 1].lower_ == "of":
                    k = j + 2
                    if k < n and doc[k].lower_ == "the":
                        k += 1
                    if k in at and at[k] != i:
                        rel = {"relation": RELATION_NOUNS[doc[j].lower_], "target": at[k]}
                        if rel not in clusters[i]["relations"]:
                            clusters[i]["relations"].append(rel)
            # "the Bank's Monetary Policy Committee"
            if j < n and e < n and doc[e].tag_ == "POS" and e + 1 in at and at[e + 1] != i:
                child = clusters[at[e + 1]]
                rel = {"relation": "part_of", "target": i}
                if rel not in child["relations"]:
                    child["relations"].append(rel)

    # ------------------------------------------------------------------ output

    def _to_records(self, doc: Doc, clusters: List[dict], gaz: Gazetteer) -> List[Organisation]:
        out: List[Organisation] = []
        for n, cl in enumerate(clusters, 1):
            cl["id"] = f"O{n}"
        for cl in clusters:
            mentions = [Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text, kind) for s, e, kind in cl["tok_mentions"]]
            forms: List[str] = []
            for s, e, kind in cl["tok_mentions"]:
                if kind == "description":
                    continue
                t = doc[s:e].text
                if t not in forms:
                    forms.append(t)
            entry = gaz.entries[cl["gaz"]] if cl["gaz"] is not None else None
            acronym = cl["acronym"] or next((m.text for m in mentions if m.kind == "acronym"), None)
            if entry is not None:
                name = entry.name
                if acronym is None and entry.acronym and any(f == entry.acronym for f in forms):
                    acronym = entry.acronym  # the acronym only when the text uses it
            else:
                full = [f for f in forms if not is_acronym_like(f) or " " in f]
                name = max(full, key=lambda f: (len(f.split()), len(f))) if full else (forms[0] if forms else "")
            aliases = [f for f in forms if f != name and f != acronym]
            for s, e, k in cl["tok_mentions"]:
                if k == "description" and doc[s:e].text not in aliases:
                    aliases.append(doc[s:e].text)  # ("the agency": once, however often it is used)
            rels = [{"relation": r["relation"], "target": clusters[r["target"]]["id"]} for r in cl["relations"]]
            out.append(Organisation(id=cl["id"], name=name, acronym=acronym, aliases=aliases, mentions=mentions,
                                    type=self._type_of(doc, cl, gaz), relations=rels))
        return out


@Language.factory(
    "organisations",
    assigns=["doc._.organisations_data", "doc.spans"],
    requires=["doc.ents", "token.tag", "token.dep"],
    default_config={
        "gazetteer": "organisations.jsonl",
        "exclude": "not_organisations.txt",
        "titles": "titles.txt",
        "descriptions": True,
        "use_head_words": True,
    },
)
def make_organisations(nlp: Language, name: str, *, gazetteer: str, exclude: str, titles: str, descriptions: bool,
                       use_head_words: bool) -> Organisations:
    """Organisations with canonical names, acronyms, aliases, mentions, types and relations.

    gazetteer: JSONL file in ``extractors/data`` of known bodies.
    exclude: word list of strings the model tags ORG that are not bodies ("CCTV").
    titles: word list of titles (an ORG entity that is a title, "the Solicitor General", is dropped).
    descriptions: link "the agency"/"the force" to the one body of that kind mentioned before.
    use_head_words: add capitalised names ending in an organisation word the model missed.
    """
    return Organisations(nlp, name, gazetteer=gazetteer, exclude=exclude, titles=titles,
                         descriptions=descriptions, use_head_words=use_head_words)
