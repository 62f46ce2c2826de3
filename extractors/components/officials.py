"""Officials and other named persons, with their roles (title + organisation) and mentions.

Names come from the model's PERSON entities, repaired: titles and honorifics the model put
inside the name are moved out ("Constable Simon Bailey"), times and digits cut off
("Ali Miraj 12pm - 3"), split names joined, organisations and titles dropped; "Mr X"
after an honorific is added when the model missed it.

Roles come from
- a title before the name: "Director General Graeme Biggar", "Norfolk Chief Constable
  Simon Bailey", "Bank of England Governor Andrew Bailey", "Director General of Operations Rob Jones";
- an apposition: "Rob Jones, the NCA's director of operations", "Keith Bristow, head of the
  National Crime Agency", "Theresa May, the Home Secretary", "the ONS's chief economist, Grant Fitzner";
- a predicate: "Rachel Reeves became Chancellor", "X has been appointed commissioner of ...";
- a definite description elsewhere ("the head of the National Crime Agency said ... Keith
  Bristow said"; "Mr Buckland said ... The Government minister told ...").

The organisation of a role is the one the phrase names (possessive, premodifier, "of/at the X",
a place before a police title), else a body of the article whose usual titles include it
(Governor -> Bank of England). Self-contained offices (Home Secretary) keep ``organisation``
None, as worded, and carry the body in ``Role.implied_organisation``.

Later mentions ("Mr Biggar", "Biggar", "Director General Biggar", "the director general", and
"he"/"she" when one person fits) fold onto the full name. Persons with no role go to
``doc._.persons`` (``is_official=False``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from .. import extensions
from ..records import Mention, Official, Role
from .sentences import positions_of, sent_of, text_of
from .organisations import (_APOS, _LAW_HEADS, COMPANY_WORDS, ORG_HEADS, POSTNOMINALS, load_gazetteer, load_titles,
                            named_after_is_title, named_before_title)

HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dr": None, "dr.": None,
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "prof": None, "prof.": None, "professor": None,
    "rev": None, "rev.": None, "reverend": None, "mx": None,
}
NAME_PARTICLES = {"de", "van", "von", "der", "den", "bin", "al", "el", "da", "di", "la", "le", "du", "dos", "das", "ibn", "ben", "del", "della", "st"}


def _name_words(doc: Doc, s: int, e: int) -> Tuple[str, ...]:
    """The words of a name, a hyphenated surname kept whole ("Martin Moore-Bick"; the
    tokenizer splits it into "Moore", "-", "Bick")."""
    words: List[str] = []
    glue = False
    for t in doc[s:e]:
        if t.text == "-":
            glue = bool(words) and not doc[t.i - 1].whitespace_ and not t.whitespace_
            continue
        if glue and words:
            words[-1] += "-" + t.text
        else:
            words.append(t.text)
        glue = False
    return tuple(words)


#: words before a place ("in north Kent"): a one-word name after them that the model calls a
#: place elsewhere in the article is that place
_PLACE_WORDS_BEFORE = {"in", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                       "central", "across", "near", "throughout", "around", "rural", "coastal"}
#: nouns for who leads a body ("the ICO's head") and verbs for leading one ("leads the ICO as ...")
_HEAD_NOUNS = {"head", "chief", "boss", "leader"}
_LEAD_VERBS = {"lead", "leads", "led", "leading", "head", "heads", "headed", "heading", "run", "runs", "ran",
               "running", "chair", "chairs", "chaired", "chairing"}
#: dropped from the start of a title: they qualify the time, not the role
TIME_QUALIFIERS = {"former", "then", "outgoing", "incoming", "new", "current", "incumbent", "late", "ex", "ex-", "previous", "erstwhile", "newly", "appointed"}
_SUCCEED_VERBS = {"succeed", "succeeds", "succeeded", "succeeding", "replace", "replaces", "replaced", "replacing"}
#: ordinals and the like before a title, which say which holder, not which office
RANK_QUALIFIERS = {"first", "second", "third", "fourth", "fifth", "next", "last", "latest", "future", "longest-serving",
                   "youngest", "oldest"}
#: modifiers that are part of a title when right before it
TITLE_MODIFIERS = {"acting", "deputy", "interim", "shadow", "assistant", "senior", "junior", "vice", "joint", "co", "principal", "chief", "national", "regional", "executive", "permanent"}
#: words between a name and a predicative title: "has been appointed", "became", "was named"
PREDICATE_SKIP = {"has", "have", "had", "been", "was", "is", "will", "be", "would", "became", "become", "becomes",
                  "appointed", "named", "elected", "made", "as", "to", "serve", "serves", "served", "now", "also", "already", "later", "subsequently"}
PREDICATE_TRIGGERS = {"became", "become", "becomes", "appointed", "named", "elected", "is", "was", "serves", "served", "been"}
#: a body's head word that can open a title ("Council leader", "Union general secretary"): the
#: one body of the article with that word in its name
_BODY_WORDS_IN_TITLES = frozenset({"council", "union", "club", "party", "board"})
#: verbs whose complement is the subject's new office
_BECOME = frozenset({"become", "becomes", "became", "becoming"})
#: "Mr Justice", "Mrs Justice": the style of a High Court judge
_JUDICIAL_STYLE = frozenset({"mr", "mrs", "ms", "miss"})
#: title words that make an official only with the body they are a member of
_MEMBER_WORDS = frozenset({"member", "members"})
#: plural titles a list of names can share ("both external members of the committee")
_PLURAL_TITLES = {"members": "member"}
APPOSITION_SKIP = {"who", "is", "was", "has", "had", "been", "became", "becomes", "now", "then", "currently", "also", "as", "serves", "served", "appointed", "named",
                   "until", "formerly", "previously"}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"}
PREPS = {"of", "for", "at", "to", "on", "in", "with"}
#: titles every kind of body has: tied to a body elsewhere in the article only when it names one
_ANY_BODY_TITLES = {"chief executive", "chief executive officer", "chairman", "chairwoman", "chair", "founder",
                    "co-founder", "president", "director", "managing director", "spokesman", "spokeswoman",
                    "spokesperson", "head", "boss", "chief", "executive", "owner", "partner", "analyst",
                    "economist", "chief economist", "vice president", "deputy chairman", "finance director",
                    "chief financial officer", "chief operating officer", "general manager", "manager",
                    "leader", "deputy leader"}
#: titles of a company's (or any corporate body's) officers (not "chair" or "chief", which
#: committees and forces have too)
_CORPORATE_TITLES = {"chief executive", "chief executive officer", "founder", "co-founder", "managing director",
                     "finance director", "chief financial officer", "chief operating officer", "general manager",
                     "finance chief"}
#: kinds of body that have no such officers
_NO_EXECUTIVES = {"political party", "legislature", "government department", "court", "police force", "committee"}
#: party adjectives before a title ("Tory leader", "Lib Dem spokesman") -> the party
PARTY_ADJECTIVES: Tuple[Tuple[Tuple[str, ...], str], ...] = (
    (("liberal", "democrat"), "Liberal Democrats"), (("lib", "dem"), "Liberal Democrats"),
    (("tory",), "Conservative Party"), (("conservative",), "Conservative Party"),
    (("labour",), "Labour Party"), (("snp",), "Scottish National Party"),
    (("ukip",), "UK Independence Party"), (("plaid",), "Plaid Cymru"),
    (("republican",), "Republican Party"), (("democratic",), "Democratic Party"),
)
#: party words the model sometimes takes into a person's name ("Tory David Heathcoat Amory",
#: "Tories Ken Clarke"): the party adjectives, their plurals, and a few more
_PARTY_WORDS = frozenset({w for words, _ in PARTY_ADJECTIVES for w in words if len(words) == 1}
                         | {w + "s" for words, _ in PARTY_ADJECTIVES for w in words if len(words) == 1}
                         | {"tories", "liberal", "libdem", "democrat", "democrats", "unionist", "nationalist"})
#: letters after a name (POSTNOMINALS) are dropped from the name; the parliamentary ones are a
#: role ("Paul Boateng MP")
POSTNOMINAL_ROLES = frozenset({"MP", "MSP", "MEP", "AM", "MLA", "TD"})
#: offices with one holder at a time: "the prime minister" is never tied to the last person
#: named just because it follows them
SINGLE_OFFICES = {"prime minister", "president", "chancellor", "first minister", "deputy prime minister",
                  "vice president", "vice-president", "home secretary", "foreign secretary", "attorney general",
                  "pope", "king", "queen", "taoiseach", "speaker", "mayor", "governor"}
STOP_TEXT = {",", ".", ";", ":", "(", ")", "\"", "“", "”", "'", "‘", "’", "-", "–", "—", "!", "?", "[", "]"}
PRONOUNS = {"he": "m", "she": "f"}
SPEECH_VERBS = {"said", "says", "told", "added", "warned", "announced", "urged", "called", "claimed", "stated", "insisted", "argued", "revealed", "admitted", "explained"}


@dataclass
class _Mention:
    start: int  # tokens
    end: int
    kind: str = "name"  # name | description | pronoun
    gender: Optional[str] = None


@dataclass
class _Person:
    tokens: Tuple[str, ...]  # the fullest name
    mentions: List[_Mention] = field(default_factory=list)
    roles: List[Tuple[Role, int]] = field(default_factory=list)  # (role, priority: 0 direct, 1 description)
    gender: Optional[str] = None
    byline: bool = False

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


@dataclass
class _RoleParse:
    title_start: int
    title_end: int
    end: int  # end of the whole phrase (title + organisation part)
    org_id: Optional[str] = None
    org_name: Optional[str] = None
    org_start: Optional[int] = None
    title_tokens: List[int] = field(default_factory=list)


class Officials(Pipe):
    """Find persons and their roles; store Official records (officials and persons)."""

    def __init__(self, nlp: Language, name: str = "officials", *, titles: str, gazetteer: str, pronouns: bool,
                 descriptions: bool, max_title_tokens: int):
        extensions.register()
        self.name = name
        self.vocab = nlp.vocab
        self._tokenizer = nlp.tokenizer
        self.titles_name = titles
        self.gazetteer_name = gazetteer
        self.pronouns = pronouns
        self.descriptions = descriptions
        self.max_title_tokens = max_title_tokens
        self._matcher: Optional[PhraseMatcher] = None

    def _titles_matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            m = PhraseMatcher(self.vocab, attr="LOWER")
            m.add("TITLE", [self._tokenizer(t) for t in load_titles(self.titles_name)])
            self._matcher = m
        return self._matcher

    # ================================================================== main

    def __call__(self, doc: Doc) -> Doc:
        self.doc = doc
        n = len(doc)
        # titles: for each token, the longest title match starting there
        self.title_at: Dict[int, int] = {}
        self.in_title = [False] * n
        for _, s, e in self._titles_matcher()(doc):
            if e > self.title_at.get(s, s):
                self.title_at[s] = e
            for i in range(s, e):
                self.in_title[i] = True
        # organisations from the earlier component
        self.orgs = {o["id"]: o for o in extensions.get_data(doc, "organisations")}
        self.org_of_tok: List[Optional[Tuple[str, int, int]]] = [None] * n
        org_names = set()
        for o in self.orgs.values():
            org_names.add(o["name"].lower())
            org_names.update(a.lower() for a in o.get("aliases", []))
            for m in o.get("mentions", []):
                sp = doc.char_span(m["start"], m["end"], alignment_mode="expand")
                if sp is None:
                    continue
                for i in range(sp.start, sp.end):
                    self.org_of_tok[i] = (o["id"], sp.start, sp.end)
        self.gaz = load_gazetteer(self.gazetteer_name)

        names = self._name_spans(org_names)
        persons = self._cluster(names)
        self.person_at: Dict[int, _Person] = {}
        for p in persons:
            for m in p.mentions:
                for i in range(m.start, m.end):
                    self.person_at[i] = p
        self._mark_bylines(persons)
        if self.pronouns:
            self._pronouns(persons)
        used_title_tokens: Set[int] = set()
        for p in persons:
            if p.byline:
                continue
            for m in list(p.mentions):
                for role, used in self._roles_of_mention(m):
                    self._add_role(p, role, 0)
                    used_title_tokens.update(used)
        if self.descriptions:
            self._descriptions(persons, used_title_tokens)
        self._finish(persons)
        self.doc = None
        return doc

    def _mark_bylines(self, persons: List["_Person"]) -> None:
        """A name alone on its line with a time or 'By' ("Ali Miraj 12pm - 3pm", "By Jane Smith"):
        a programme header or byline, not a person of the story."""
        doc = self.doc
        text = text_of(doc)
        for p in persons:
            for m in p.mentions:
                if m.kind != "name":
                    continue
                a = doc[m.start].idx
                b = doc[m.end - 1].idx + len(doc[m.end - 1])
                ls = text.rfind("\n", 0, a) + 1
                le = text.find("\n", b)
                le = len(text) if le < 0 else le
                if le - ls > 160:
                    continue  # a line of prose, not a header or a byline
                rest = (text[ls:a] + " " + text[b:le]).split()
                if not rest and ls == 0:
                    p.byline = True
                elif rest and (rest[0].lower() == "by" or any(any(c.isdecimal() for c in w) for w in rest)) and \
                        not any(w.isalpha() and w.islower() and len(w) > 2 and w not in ("am", "pm") for w in rest):
                    p.byline = True

    # ================================================================== names

    def _name_spans(self, org_names: Set[str]) -> List[_Mention]:
        doc = self.doc
        spans: List[_Mention] = []
        # one-word places of the article that no full name of a person ends in ("in north Kent")
        places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC") and len(e) == 1}
        places -= {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            if len(ent) == 1 and (ent[0].tag_ == "NNS" or ent.text in places and ent.start > 0
                                  and doc[ent.start - 1].lower_ in _PLACE_WORDS_BEFORE):
                continue  # "Campaigners said ...", "in north Kent" with Kent a place elsewhere
            cleaned = self._clean_name(ent.start, ent.end)
            if cleaned is None:
                continue
            s, e, gender = cleaned
            # the last word of a name the model left out: "[Nuno Espírito] Santo"
            if 2 <= e - s <= 3 and e == ent.end and e < len(doc) and doc[e].is_title and doc[e].is_alpha \
                    and doc[e].tag_ == "NNP" and doc[e].ent_type_ == "" and not self.in_title[e] and not self.org_of_tok[e] \
                    and doc[e].whitespace_ != "" and doc[e].lower_ not in HONORIFICS and not doc[e].is_sent_start \
                    and (e + 1 >= len(doc) or not doc[e + 1].is_title or doc[e + 1].tag_ != "NNP"):
                e += 1
            # a surname the model left out: "[Constable Sue] Fish" (a common noun as a surname)
            if e - s == 1 and e == ent.end and e < len(doc) and doc[e].is_title and doc[e].is_alpha \
                    and doc[e].ent_type_ in ("", "PERSON") and not self.in_title[e] and not self.org_of_tok[e] \
                    and doc[e].lower_ not in HONORIFICS and not doc[e].is_sent_start and doc[s].tag_ == "NNP" \
                    and doc[e].tag_ in ("NN", "NNP") and doc[e].lower_ not in SPEECH_VERBS | {"says", "tells", "warns"}:
                e += 1
            if s == ent.start and s > 0 and doc[s - 1].ent_type_ in ("GPE", "NORP", "ORG") and doc[s - 1].ent_iob_ == "B" \
                    and doc[s - 1].is_title and doc[s - 1].tag_ == "NNP" and not self.org_of_tok[s - 1] and not self.in_title[s - 1] \
                    and (s - 1 == sent_of(doc, s).start or doc[s - 2].is_punct or doc[s - 2].tag_ in ("DT", "CC") or doc[s - 2].tag_.startswith("VB")):
                s -= 1  # ", Sadiq Khan" with "Sadiq" tagged as a place
            elif s == ent.start and e - s == 1 and s > 1 and doc[s - 1].is_title and doc[s - 1].tag_ == "NNP" \
                    and doc[s - 1].ent_type_ == "" and not self.org_of_tok[s - 1] and not self.in_title[s - 1] \
                    and doc[s - 1].lower_ not in HONORIFICS and (doc[s - 2].ent_type_ in ("GPE", "LOC") or self.in_title[s - 2]):
                s -= 1  # "Mayor of London [Sadiq] Khan": the first name the model left out after a title
            text = doc[s:e].text
            if text.lower() in org_names or self.gaz.lookup(text) is not None:
                continue
            if any(self.org_of_tok[i] for i in range(s, e)):
                continue
            if e - s == 1 and doc[s].tag_ == "NNPS":
                continue  # "Britons"
            if doc[e - 1].text in _LAW_HEADS:
                continue  # "the General Data Protection Regulation": a law
            if e - s == 1 and any(n.split()[0] == text.lower() and len(n.split()) > 1 for n in org_names):
                continue  # "Altria" after "Altria Group"
            # "Victim's Strategy": a one-word name that is part of a named thing
            if e - s == 1 and e + 1 < len(doc) and (doc[e].tag_ == "POS" or doc[e].text in _APOS) and doc[e + 1].is_title:
                continue
            spans.append(_Mention(s, e, "name", gender))
        # join split names: two person spans with nothing between
        spans.sort(key=lambda m: m.start)
        joined: List[_Mention] = []
        for m in spans:
            if joined and joined[-1].end == m.start and doc[m.start - 1].whitespace_:
                joined[-1] = _Mention(joined[-1].start, m.end, "name", joined[-1].gender or m.gender)
            elif joined and m.start < joined[-1].end:
                continue
            else:
                joined.append(m)
        taken = {i for m in joined for i in range(m.start, m.end)}
        # a name the model took for a body, before an apposition with a title ("Nuno Espírito
        # Santo, the Forest manager, ..."); the organisations component left it out
        title_spans = sorted(self.title_at.items())
        for ent in doc.ents:
            if ent.label_ == "ORG" and not any(self.org_of_tok[i] for i in range(ent.start, ent.end)) \
                    and not any(i in taken for i in range(ent.start, ent.end)) \
                    and (named_before_title(doc, ent.start, ent.end, title_spans) or named_after_is_title(doc, ent.start, ent.end, title_spans)):
                # (without a leading honorific: "Dame Clare Moriarty" is Clare Moriarty, a woman)
                k = ent.start + 1 if doc[ent.start].lower_ in HONORIFICS and ent.end - ent.start > 2 else ent.start
                joined.append(_Mention(k, ent.end, "name", HONORIFICS.get(doc[ent.start].lower_)))
                taken.update(range(ent.start, ent.end))
        # names the model missed after an honorific or a title: "Mr Buckland", "Chancellor Jeremy Hunt"
        # (only those tokens are looked at: no Token object per word of the article)
        for k in sorted(set(positions_of(doc, HONORIFICS)) | set(self.title_at)):
            tok = doc[k]
            low = tok.lower_
            if low in HONORIFICS:
                start = tok.i + 1
                if start < len(doc) and doc[start].text == ".":
                    start += 1
            elif tok.i in self.title_at and (tok.is_title or self.title_at[tok.i] < len(doc)
                                             and (doc[self.title_at[tok.i]].text == ","
                                                  or doc[self.title_at[tok.i]].ent_type_ == "ORG"
                                                  and doc[self.title_at[tok.i]].ent_iob_ == "B")):
                # (a lower-case title before a name the model took for a body: "whose majority
                # shareholder Farhad Moshiri")
                start = self.title_at[tok.i]
                if start + 1 < len(doc) and doc[start].text == ",":
                    start += 1  # "The Environment Secretary, Thérèse Coffey, told ...", "its chief, Ann Rhys, ..."
            else:
                continue
            end = start
            while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].tag_ in ("NNP", "NNPS") \
                    and end not in taken and not self.org_of_tok[end] and not self.in_title[end] and doc[end].is_alpha:
                end += 1
            if end == start or (low not in HONORIFICS and end - start < 2):
                continue
            if doc[end - 1].ent_type_ and doc[end - 1].ent_type_ not in ("PERSON", "ORG", "NORP"):
                continue
            if end < len(doc) and doc[end].is_title and doc[end].tag_ in ("NNP", "NNPS") and end not in taken:
                continue  # a longer capitalised run: not clearly a name
            if low not in HONORIFICS and doc[start - 1].text == "," and (end >= len(doc) or doc[end].text != ","):
                continue  # an apposition is closed by a comma
            if any(t.lower_ in ORG_HEADS or t.lower_ in COMPANY_WORDS for t in doc[start:end]):
                continue  # "The company's chief executive, Acme Holdings, ...": a body, not its holder
            text = doc[start:end].text
            if text.lower() in org_names or self.gaz.lookup(text) is not None or doc[end - 1].text in _LAW_HEADS:
                continue  # (and not a law: "the General Data Protection Regulation")
            joined.append(_Mention(start, end, "name", HONORIFICS.get(low)))
            taken.update(range(start, end))
        joined.sort(key=lambda m: m.start)
        return joined

    def _clean_name(self, s: int, e: int) -> Optional[Tuple[int, int, Optional[str]]]:
        doc = self.doc
        gender = None
        # leading: determiners, honorifics, title words ("Constable Simon Bailey")
        while s < e - 1:
            t = doc[s]
            if t.lower_ in HONORIFICS:
                gender = gender or HONORIFICS[t.lower_]
                s += 1
            elif t.lower_ in DETERMINERS or t.is_punct or (self.in_title[s] and not t.lower_ in NAME_PARTICLES):
                s += 1
            else:
                break
        # a party or nationality the model took into the name: "Tory David Heathcoat Amory",
        # "Tories Ken Clarke", "Labour's Ed Balls"
        while e - s > 2 and doc[s].lower_ in _PARTY_WORDS:
            s += 1
            if s < e - 2 and doc[s].tag_ == "POS":
                s += 1
        # a title phrase the model split from the name that follows: "[Tory Treasurer Lord] [Fenwick]"
        if e < len(doc) and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ == "B" \
                and (doc[e - 1].lower_ in HONORIFICS or self.in_title[e - 1]):
            return None
        # a title or an honorific inside the span ends what comes before it ("Tory Treasurer
        # Lord Ashcroft"): the name is what follows
        for k in range(e - 2, s - 1, -1):
            t = doc[k]
            if (t.lower_ in HONORIFICS or self.in_title[k]) and t.text[:1].isupper() and doc[k + 1].is_title \
                    and not self.in_title[k + 1] and doc[k + 1].lower_ not in HONORIFICS:
                if t.lower_ in HONORIFICS:
                    gender = gender or HONORIFICS[t.lower_]
                s = k + 1
                break
        # letters after the name: "Paul Boateng MP", "Charles Harris QC"
        while e - 1 > s and doc[e - 1].text in POSTNOMINALS:
            e -= 1
        # cut at the first token that cannot be part of a name: digits, times, spaced dashes
        cut = s
        while cut < e:
            t = doc[cut]
            if t.like_num or any(c.isdecimal() for c in t.text) or t.text in _APOS or t.tag_ == "POS":
                break
            if t.is_punct and t.text not in ("-", ".") or (t.text == "-" and (doc[cut - 1].whitespace_ or t.whitespace_)):
                break
            if t.is_alpha and t.is_lower and t.lower_ not in NAME_PARTICLES:
                break
            if t.is_space:
                break
            cut += 1
        e = cut
        while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in NAME_PARTICLES):
            e -= 1
        if e <= s:
            return None
        toks = doc[s:e]
        if not any(t.is_alpha for t in toks):
            return None
        if all(self.in_title[i] for i in range(s, e)) or (e - s == 1 and toks[0].lower_ in HONORIFICS):
            return None
        if not toks[0].text[:1].isupper():
            return None
        return s, e, gender

    # ================================================================== clustering

    def _cluster(self, names: List[_Mention]) -> List[_Person]:
        doc = self.doc
        persons: List[_Person] = []
        by_full: Dict[Tuple[str, ...], _Person] = {}
        shorts: List[_Mention] = []
        for m in names:
            toks = _name_words(doc, m.start, m.end)
            if len(toks) >= 2:
                key = tuple(t.lower() for t in toks)
                p = by_full.get(key)
                if p is None:
                    # the same person with a middle name: first and last word agree
                    p = next((q for q in persons if len(q.tokens) >= 2 and q.tokens[0].lower() == key[0] and q.tokens[-1].lower() == key[-1]), None)
                if p is None:
                    p = _Person(toks)
                    persons.append(p)
                    by_full[key] = p
                elif len(toks) > len(p.tokens):
                    p.tokens = toks
                p.mentions.append(m)
                p.gender = p.gender or m.gender
            else:
                shorts.append(m)
        surnames = {p.tokens[-1].lower() for p in persons if len(p.tokens) >= 2}
        taken = {i for m in names for i in range(m.start, m.end)}
        for ent in doc.ents:
            if ent.label_ in ("ORG", "GPE", "NORP") and len(ent) == 1 and ent.text.lower() in surnames and ent.start not in taken \
                    and not self.org_of_tok[ent.start]:
                shorts.append(_Mention(ent.start, ent.end, "name"))  # "Sunak meets pledge" tagged ORG
        for m in sorted(shorts, key=lambda x: x.start):
            word = (_name_words(doc, m.start, m.end) or (doc[m.start].text,))[0].lower()
            cands = [p for p in persons if len(p.tokens) >= 2 and p.tokens[-1].lower() == word]
            if not cands:
                cands = [p for p in persons if len(p.tokens) >= 2 and p.tokens[0].lower() == word]
            if m.gender:
                cands = [p for p in cands if p.gender in (None, m.gender)] or cands
            if len(cands) > 1:
                # the one mentioned most recently before, else the first after
                before = [(max(x.start for x in p.mentions if x.start < m.start), p) for p in cands if any(x.start < m.start for x in p.mentions)]
                cands = [max(before, key=lambda bp: bp[0])[1]] if before else [min(cands, key=lambda p: p.first)]
            if cands:
                p = cands[0]
            else:
                p = next((q for q in persons if len(q.tokens) == 1 and q.tokens[0].lower() == word), None)
                if p is None:
                    p = _Person(_name_words(doc, m.start, m.end)[:1] or (doc[m.start].text,))
                    persons.append(p)
            p.mentions.append(m)
            p.gender = p.gender or m.gender
        for p in persons:
            p.mentions.sort(key=lambda x: x.start)
        persons.sort(key=lambda p: p.first)
        return persons

    # ================================================================== roles

    def _its_body(self, i: int) -> Optional[Tuple[str, int, int]]:
        """The body "its" at token ``i`` refers to: the nearest body before it, in its sentence
        or the one before, that is the subject of its clause (else the only body named there).
        Never a person ("it" is a body)."""
        doc = self.doc
        sent = sent_of(doc, i)
        lo = sent.start
        if lo > 0:
            lo = sent_of(doc, lo - 1).start
        seen: List[Tuple[str, int, int]] = []
        k = i - 1
        while k >= lo:
            o = self.org_of_tok[k]
            if o is not None:
                if not seen or seen[-1] != o:
                    seen.append(o)
                k = o[1] - 1
                continue
            k -= 1
        def subject(o: Tuple[str, int, int], main: bool) -> bool:
            root = doc[o[1]:o[2]].root
            return root.dep_ in ("nsubj", "nsubjpass") and (not main or root.head.dep_ == "ROOT")

        # the subject of a main clause first ("Nottingham City Council has become ..., after
        # Birmingham City Council issued ...": Nottingham), then any subject
        for main in (True, False):
            for o in seen:
                if subject(o, main):
                    return o
        ids = {o[0] for o in seen}
        if len(ids) == 1:
            return seen[0]
        if ids:
            return None
        # nothing named nearby ("In June it disclosed ... Fiona Greenway, its interim director
        # of finance"): the body the article is about, when one clearly is
        counts = sorted(((len(o.get("mentions", [])), oid) for oid, o in self.orgs.items()), reverse=True)
        if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
            oid = counts[0][1]
            first = next((k for k in range(len(doc)) if self.org_of_tok[k] is not None and self.org_of_tok[k][0] == oid), None)
            if first is not None:
                return self.org_of_tok[first]
        return None

    def _org_at(self, i: int) -> Optional[Tuple[str, int, int]]:
        return self.org_of_tok[i] if 0 <= i < len(self.doc) else None

    def _known_type(self, org_id: str) -> bool:
        """Whether a body is known (gazetteer) or named like one (head word): only those
        premodify a title as its organisation."""
        return bool(self.orgs.get(org_id, {}).get("type"))

    def _title_start_near(self, i: int, limit: int) -> Optional[int]:
        """A title match starting at i, or after up to ``limit`` modifier words."""
        doc = self.doc
        j = i
        while j < len(doc) and j - i <= limit:
            if j in self.title_at:
                return j
            t = doc[j]
            if (t.tag_ in ("JJ", "NN", "NNP", "VBG", "HYPH") or t.tag_ == "NNPS" and t.is_title) and t.text not in STOP_TEXT and not self._org_at(j) and j not in self.person_at:
                j += 1
                continue
            if j > i and self._title_and(j):
                j += 1
                continue
            return None
        return None

    def _named_body_before_title(self, o: Tuple[str, int, int], org_end: int) -> bool:
        """An organisation the model names, right before a title that is not a portfolio:
        "Investec chief economist", "RICS housing spokesman" (not "Trade and Industry Secretary")."""
        doc = self.doc
        if any(t.lower_ == "and" for t in doc[o[1]:org_end]):
            return False
        k = self._title_start_near(org_end, 2)
        if k is None:
            return False
        last = doc[self.title_at[k] - 1].lower_
        return last not in ("secretary", "minister") and doc[o[1]].ent_type_ == "ORG"

    def _title_and(self, j: int) -> bool:
        """An "and" inside a portfolio: "Trade and Industry Secretary", "Work and Pensions
        Secretary" (capitalised words on both sides, the left one not a title itself)."""
        doc = self.doc
        return (doc[j].lower_ == "and" and 0 < j < len(doc) - 2 and doc[j - 1].is_title and doc[j + 1].is_title
                and not self.in_title[j - 1] and j - 1 not in self.person_at and j + 1 not in self.person_at
                and doc[j + 1].lower_ not in HONORIFICS and "PERSON" not in (doc[j - 1].ent_type_, doc[j + 1].ent_type_))

    def _parse_role(self, a: int, b: int) -> Optional[_RoleParse]:
        """A role phrase starting at token a (not past b): [det] [ORG's|ORG] [mods] TITLE [of/at/for ...]."""
        doc = self.doc
        i = a
        org: Optional[Tuple[str, int, int]] = None
        while i < b and (doc[i].lower_ in DETERMINERS or doc[i].lower_ in TIME_QUALIFIERS or doc[i].text in ("-",)):
            i += 1
        o = self._org_at(i)
        if o and i < b:
            org_end = o[2]
            if org_end < b and doc[org_end].tag_ == "POS" or (org_end < len(doc) and doc[org_end].text in _APOS):
                org, i = o, org_end + 1
            elif org_end < b and (org_end in self.title_at or self._title_start_near(org_end, 2) is not None) \
                    and (self._known_type(o[0]) or self._named_body_before_title(o, org_end)):
                org, i = o, org_end  # "NCA Director General"; but "Trade and Industry Secretary" is one title
        # a common-noun possessor: "the agency's head of investigations"
        if org is None and i + 1 < b and doc[i].tag_ in ("NN", "NNP") and doc[i + 1].tag_ == "POS" and not self._org_at(i) \
                and i not in self.person_at:
            i += 2
        # an office as the possessor: "the Prime Minister's independent adviser on ..." (the
        # adviser, not the prime minister)
        elif org is None and i in self.title_at and self.title_at[i] + 1 < b and doc[self.title_at[i]].tag_ == "POS" \
                and self._title_start_near(self.title_at[i] + 1, 3) is not None:
            i = self.title_at[i] + 1
        while i < b and (doc[i].lower_ in TIME_QUALIFIERS or doc[i].lower_ in RANK_QUALIFIERS and i not in self.title_at
                         or i + 2 < b and doc[i].tag_ in ("JJS", "RBS") and doc[i + 1].text == "-" and doc[i + 2].lower_ == "serving"):
            # "the Bank's first governor" is its governor; "First Minister" stays a title; "the
            # shortest-serving prime minister" is a prime minister
            i += 3 if doc[i].tag_ in ("JJS", "RBS") and i + 1 < b and doc[i + 1].text == "-" else 1
        # a party adjective before the title: "Tory leader", "Lib Dem spokesman" (the party's role)
        party = None
        if org is None and i < b and not self._org_at(i):
            for words, name in PARTY_ADJECTIVES:
                n = len(words)
                if i + n < b and tuple(t.lower_ for t in doc[i:i + n]) == words and i + n not in self.person_at:
                    party, i = name, i + n
                    break
        # a place before the title ("US Treasury Secretary"): not part of the title
        if party is None and i < b and doc[i].ent_type_ in ("GPE", "NORP") and i not in self.title_at and not self._org_at(i):
            i += 1
        # a portfolio the model took for a body: "Trade and Industry Secretary" is one title
        portfolio = org is None and o is not None and o[1] == i and o[2] in self.title_at and not self._known_type(o[0]) \
            and doc[o[2]].lower_ in ("secretary", "minister")
        ts = o[2] if portfolio else self._title_start_near(i, 3)
        if ts is None or ts >= b:
            return None
        title_start = i
        te = self.title_at[ts]
        if te > b:
            return None
        # a title that ends in a modifier goes on to the noun it modifies: "chief [investment
        # officer]", "deputy [chief constable]"
        if doc[te - 1].lower_ in TITLE_MODIFIERS and te < b:
            k = self._title_start_near(te, 2)
            if k is not None and self.title_at[k] <= b:
                te = self.title_at[k]
        title_tokens = list(range(title_start, te))
        end = te
        if end < b and doc[end].lower_ == "and" and self._portfolio_and(end, title_start, b) \
                and not any(self.in_title[k] for k in range(end + 1, min(b, end + 4))):
            # a listed title with a second portfolio: "head of policy and research"
            j = end + 1
            while j < b and doc[j].is_lower and doc[j].tag_ in ("NN", "NNS", "JJ"):
                j += 1
            title_tokens.extend(range(end, j))
            end = j
        # prepositional phrases: an organisation ends the title, other nouns extend it
        while end < b and doc[end].lower_ in PREPS:
            prep = end
            k = end + 1
            if k < b and doc[k].lower_ == "the":
                k += 1
            # the body of the phrase, or the body a possessor owns ("chairman of the party's
            # 1922 Committee": the committee, not the party)
            o2 = self._possessed_org(k, b) or self._org_at(k)
            if o2 and doc[prep].lower_ in ("of", "at", "for", "to", "with") and org is None and o2[1] >= k:
                org = o2
                end = o2[2]
                break
            if doc[prep].lower_ == "with":
                break  # "a prosecutor with the Crown Prosecution Service"; not "a director with 20 years' experience"
            if doc[prep].lower_ in ("to", "on", "in") and not (doc[prep].lower_ == "to" and doc[k].is_title):
                break
            j = k
            while j < b and j - k < 6 and (doc[j].text not in STOP_TEXT or self._inner_hyphen(j)) and (not doc[j].tag_.startswith("VB") or doc[j].tag_ == "VBG"):
                glued = j > k and self._inner_hyphen(j - 1)  # "Henley-on-Thames"
                if doc[j].lower_ == "and" and j > k and self._portfolio_and(j, k, b):
                    j += 1  # "executive director of enforcement and market oversight"
                    continue
                if not glued and (doc[j].lower_ in ("and", "or", "but", "who", "which", "that", "said", "says")
                                  or doc[j].tag_ in ("CC", "WDT", "WP", "IN", "CD")) \
                        or self._org_at(j) or j in self.person_at:
                    break
                j += 1
            # a phrase ends on a word: not on a hyphen or an article ("founder of ... group the")
            while j > k and (doc[j - 1].text in ("-", "\u2013") or doc[j - 1].lower_ in ("the", "a", "an")):
                j -= 1
            if j == k:
                break
            title_tokens.extend(range(prep, j))
            end = j
        if org is None and party is None and title_start > 0 and doc[title_start - 1].lower_ == "its":
            org = self._its_body(title_start - 1)  # "Its leader, John Cotton", "Ian Bauckham, its chief regulator"
        if org is None and party is None and title_start > 2 and doc[title_start - 1].lower_ == "whose" \
                and doc[title_start - 2].text == ",":
            org = self.org_of_tok[title_start - 3]  # "Citizens Advice, whose chief executive is ..."
        if org is None and party is None and doc[te - 1].lower_ in _MEMBER_WORDS:
            return None  # "a member of the public": a member is an official only of a body
        parse = _RoleParse(title_start, te, end, title_tokens=title_tokens, org_name=party)
        if org:
            parse.org_id = org[0]
            parse.org_start = org[1]
        return parse

    def _portfolio_and(self, j: int, k: int, b: int) -> bool:
        """An "and" joining two lower-case nouns of one portfolio ("of enforcement and market
        oversight"): the next word is a lower-case noun or adjective that, or whose noun,
        the parser made a conjunct of a word of the phrase."""
        doc = self.doc
        if j + 1 >= b or not doc[j + 1].is_lower or doc[j + 1].tag_ not in ("NN", "NNS", "JJ") \
                or not doc[j - 1].is_lower or doc[j - 1].tag_ not in ("NN", "NNS"):
            return False
        return any(doc[t].dep_ == "conj" and k <= doc[t].head.i < j for t in range(j + 1, min(b, j + 4)))

    def _possessed_org(self, k: int, b: int) -> Optional[Tuple[str, int, int]]:
        """The body after a possessor starting at ``k`` (a body or a common noun): "the
        party's 1922 Committee", "the NCA's Child Exploitation Centre"."""
        doc = self.doc
        o = self._org_at(k)
        end = o[2] if o and o[1] == k else (k + 1 if doc[k].tag_ in ("NN", "NNS") else None)
        if end is None or end + 1 >= b or doc[end].tag_ != "POS":
            return None
        inner = self._org_at(end + 1)
        return inner if inner and inner[1] == end + 1 else None

    def _role(self, parse: _RoleParse, pattern: str, stated: Tuple[int, int]) -> Role:
        doc = self.doc
        toks = parse.title_tokens
        title = doc[toks[0]:toks[-1] + 1].text if toks == list(range(toks[0], toks[-1] + 1)) else " ".join(doc[i].text for i in toks)
        org_id = parse.org_id
        if org_id is None and parse.org_name:
            # a party named by its adjective: its record in this article when there is one
            org_id = next((oid for oid, o in self.orgs.items() if o["name"] == parse.org_name), None)
        elif org_id is None:
            org_id = self._org_for_bare_title(title, toks[0])
        implied = None
        off = self.gaz.office_of.get(title.lower())
        if off is not None:
            implied = self.gaz.entries[off].name
            if org_id is None and not parse.org_name:
                org_id = self._office_body_linked(implied, toks[0])
        words = title.split()
        if org_id is None and not parse.org_name and len(words) > 1 and words[0].lower() in _BODY_WORDS_IN_TITLES:
            # "Council leader John Cotton": the leader of the one council of the article
            fits = [oid for oid, o in self.orgs.items() if words[0].lower() in o["name"].lower().split()]
            if len(fits) == 1:
                org_id, title = fits[0], " ".join(words[1:])
        org_name = self.orgs[org_id]["name"] if org_id else parse.org_name
        start = doc[stated[0]].idx
        end = doc[stated[1] - 1].idx + len(doc[stated[1] - 1])
        return Role(title=title, organisation=org_name, start=start, end=end, pattern=pattern,
                    organisation_id=org_id, implied_organisation=implied)

    def _office_body_linked(self, body: str, at: int) -> Optional[str]:
        """An office named on its own ("Information Commissioner") belongs to its body only
        when the sentence links them: the body's head ("The ICO's head, Information
        Commissioner Elizabeth Denham"), or the body as the object of leading it ("who leads
        the ICO as information commissioner"). Its body named elsewhere is no link ("Home
        Secretary Suella Braverman" with the Home Office in another sentence)."""
        doc = self.doc
        sent = sent_of(doc, at)
        for i in range(sent.start, sent.end):
            o = self.org_of_tok[i]
            if not o or o[2] - 1 != i or self.orgs[o[0]]["name"] != body:
                continue
            t = doc[i]
            while t.head.i != t.i and o[1] <= t.head.i < o[2]:
                t = t.head  # the root of the body's name
            if t.dep_ == "poss" and t.head.lower_ in _HEAD_NOUNS:
                return o[0]
            if t.dep_ == "dobj" and t.head.lower_ in _LEAD_VERBS:
                return o[0]
        return None

    def _org_for_bare_title(self, title: str, at: int) -> Optional[str]:
        """A title with no organisation in its phrase: the body of the article whose usual
        titles include it (the same sentence first, then the whole article)."""
        t = title.lower()
        for q in TIME_QUALIFIERS | {"acting", "interim"}:
            if t.startswith(q + " "):
                t = t[len(q) + 1:]
        if t in self.gaz.office_of:
            return None  # a self-contained office: "Home Secretary"

        def fits(org: dict) -> bool:
            idx = self.gaz.lookup(org["name"])
            return idx is not None and t in self.gaz.entries[idx].titles

        sent = sent_of(self.doc, at)
        in_sent = {self.org_of_tok[i][0] for i in range(sent.start, sent.end) if self.org_of_tok[i]}
        cands = [oid for oid in in_sent if fits(self.orgs[oid])]
        if len(cands) == 1:
            return cands[0]
        if t in _CORPORATE_TITLES:
            # the one body of the story that has such officers, or the one it is about (named
            # at least twice as often as any other): "Shell ... the first results under chief
            # executive Wael Sawan" (a party, a legislature or a tax named in passing does not count)
            eligible = [(oid, o) for oid, o in self.orgs.items() if o.get("type") not in _NO_EXECUTIVES]
            if len(eligible) == 1:
                return eligible[0][0]
            counts = sorted(((len(o.get("mentions") or []), oid) for oid, o in eligible), reverse=True)
            if len(counts) > 1 and counts[0][0] >= 2 * counts[1][0] and counts[0][0] >= 2:
                return counts[0][1]
            return None
        if t in _ANY_BODY_TITLES and len(self.orgs) > 1:
            return None  # "chief executive" in a story naming several companies: which one is not said
        cands = [oid for oid, o in self.orgs.items() if fits(o)]
        if len(cands) == 1:
            return cands[0]
        return None

    def _roles_of_mention(self, m: _Mention) -> List[Tuple[Role, Set[int]]]:
        if m.kind not in ("name", "pronoun"):
            return []
        doc = self.doc
        out: List[Tuple[Role, Set[int]]] = []
        s, e = m.start, m.end
        sent = sent_of(doc, s)
        out.extend(self._as_role(m))
        if m.kind == "pronoun":
            k, trig = e, False
            while k < sent.end and doc[k].lower_ in PREDICATE_SKIP and k - e < 5:
                trig = trig or doc[k].lower_ in PREDICATE_TRIGGERS
                k += 1
            if trig and k > e:
                out.extend(self._role_list(k, sent.end, "predicate", single=True))
            return out
        # --- title before the name (honorific in between allowed: "Chief Constable Mr X" is rare; skip)
        first = s
        if first > 0 and doc[first - 1].lower_ in HONORIFICS:
            first -= 1
        lead = first  # where the name's own title-before begins ("Mrs Justice Amanda Yip")
        if first > 1 and doc[first - 1].lower_ == "justice" and doc[first - 2].lower_ in _JUDICIAL_STYLE:
            # the style of a High Court judge: "Mr Justice James Goss" is a judge
            lead = first - 2
            out.append((Role(title="judge", organisation=None, start=doc[lead].idx, end=doc[first - 1].idx + len(doc[first - 1].text),
                             pattern="title-before"), set(range(lead, first))))
        elif first > sent.start:
            a = self._chunk_start(first, sent.start)
            if a is not None:
                for start in range(a, first):
                    parse = self._parse_role(start, first)
                    if parse and parse.end == first:
                        out.append((self._role(parse, "title-before", (start, first)), set(range(start, first))))
                        lead = start
                        break
        after = e
        while after < sent.end and doc[after].text in POSTNOMINALS:
            after += 1  # "The prosecutor, Nick Johnson KC, had told ..."
        # --- reversed apposition: "the ONS's chief economist, Grant Fitzner", "The judge, Mr
        # Justice James Goss,"
        if lead < first and lead - 1 > sent.start and doc[lead - 1].text == "," \
                and (after >= len(doc) or doc[after].text in (",", ".", ";") or doc[after].tag_.startswith("VB")):
            a = self._chunk_start(lead - 1, sent.start)
            if a is not None:
                for start in range(a, lead - 1):
                    parse = self._parse_role(start, lead - 1)
                    if parse and parse.end == lead - 1 and (start == sent.start or doc[start - 1].lower_ not in ("and", "or")):
                        out.append((self._role(parse, "apposition", (start, lead - 1)), set(range(start, lead - 1))))
                        break
        if first - 1 > sent.start and doc[first - 1].text == "," and (after >= len(doc) or doc[after].text in (",", ".", ";") or doc[after].tag_.startswith("VB")):
            a = self._chunk_start(first - 1, sent.start)
            if a is not None:
                for start in range(a, first - 1):
                    parse = self._parse_role(start, first - 1)
                    if parse and parse.end == first - 1 and (start == sent.start or doc[start - 1].lower_ not in ("and", "or")
                                                             or start >= 2 and doc[start - 2].text == ","):
                        # (", and deputy leader, Sharon Thompson": a second apposition of a list)
                        out.append((self._role(parse, "apposition", (start, first - 1)), set(range(start, first - 1))))
                        break
        # --- reversed predicate: "The club's owner is Evangelos Marinakis", "Its chief executive
        # was Jane Doe." (the name ends its clause)
        # (also in a relative clause on a body: "Citizens Advice, whose chief executive is Dame
        # Clare Moriarty, said ...")
        if first - 2 >= sent.start and doc[first - 1].lower_ in ("is", "was") and (
                doc[first - 1].dep_ in ("ROOT", "ccomp", "conj")
                or doc[first - 1].dep_ == "relcl" and any(t.lower_ == "whose" for t in doc[max(sent.start, first - 6):first - 1])) \
                and (e >= sent.end or doc[e].text in (",", ".", ";", ":") or doc[e].lower_ in ("and", "but")):
            cop = first - 1
            a = self._chunk_start(cop, sent.start)
            if a is not None:
                for start in range(a, cop):
                    parse = self._parse_role(start, cop)
                    if parse and parse.end == cop and any(doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].head.i == cop
                                                          for k in range(start, cop)):
                        out.append((self._role(parse, "predicate", (start, cop)), set(range(start, cop))))
                        break
        # --- letters after the name: "Paul Boateng MP" is an MP
        j = e
        while j < sent.end and doc[j].text in POSTNOMINALS:
            if doc[j].text in POSTNOMINAL_ROLES:
                out.append((Role(title=doc[j].text, organisation=None, start=doc[j].idx, end=doc[j].idx + len(doc[j].text),
                                 pattern="post-nominal"), {j}))
            j += 1
        # --- "Detective Superintendent Mark Baker, of Merseyside Police, ...": the body of the
        # title before the name
        if j + 1 < sent.end and doc[j].text == "," and doc[j + 1].lower_ == "of":
            k = j + 2 + (1 if j + 2 < sent.end and doc[j + 2].lower_ == "the" else 0)
            o = self._org_at(k) if k < sent.end else None
            if o is not None and o[1] == k and (o[2] >= sent.end or doc[o[2]].text in (",", ".", ";") or doc[o[2]].tag_.startswith("VB")):
                body = self.orgs[o[0]]["name"]
                out = [(Role(title=r.title, organisation=body, start=r.start, end=r.end, pattern=r.pattern, organisation_id=o[0],
                             implied_organisation=r.implied_organisation), used)
                       if r.organisation is None and r.pattern == "title-before" else (r, used) for r, used in out]
                return out
        # --- apposition after: "Rob Jones, the NCA's director of operations"
        if j < sent.end and doc[j].text in ("'s", "’s"):
            return out  # "Biggar's comments"
        if j < sent.end and doc[j].text == ",":
            j += 1
            k = j
            while k < sent.end and doc[k].lower_ in APPOSITION_SKIP and k - j < 4:
                k += 1
            if k < sent.end and doc[k].lower_ in ("both", "all") and k > 0:
                # "Catherine Mann and Swati Dhingra, both external members of the committee"
                out.extend(self._plural_roles(k + 1, sent.end))
            else:
                out.extend(self._role_list(k, sent.end, "apposition"))
        elif j + 1 < sent.end and doc[j].lower_ == "and" and j + 1 in self.person_at:
            # the first of two names that share a plural apposition
            other = self.person_at[j + 1]
            f = next((mm.end for mm in other.mentions if mm.start == j + 1), None)
            if f is not None and f + 2 < sent.end and doc[f].text == "," and doc[f + 1].lower_ in ("both", "all"):
                out.extend(self._plural_roles(f + 2, sent.end))
        else:
            # --- predicate: "Rachel Reeves became Chancellor", "X has been appointed commissioner of ..."
            k = j
            trig = False
            while k < sent.end and doc[k].lower_ in PREDICATE_SKIP and k - j < 5:
                trig = trig or doc[k].lower_ in PREDICATE_TRIGGERS
                k += 1
            if trig and k > j:
                out.extend(self._role_list(k, sent.end, "predicate", single=True))
        return out

    def _plural_roles(self, k: int, limit: int) -> List[Tuple[Role, Set[int]]]:
        """A plural title shared by names ("both external members of the committee"), as each
        one's singular title."""
        out = []
        for role, used in self._role_list(k, limit, "apposition", single=True):
            words = (role.title or "").split()
            if not words or not words[-1].endswith("s") or words[-1].lower() not in _PLURAL_TITLES:
                continue
            words[-1] = _PLURAL_TITLES[words[-1].lower()]
            out.append((Role(title=" ".join(words), organisation=role.organisation, start=role.start, end=role.end,
                             pattern=role.pattern, organisation_id=role.organisation_id,
                             implied_organisation=role.implied_organisation), used))
        return out

    def _as_role(self, m: _Mention) -> List[Tuple[Role, Set[int]]]:
        """The subject of a verb with "as TITLE": "Stephen House has led it as acting commissioner"."""
        doc = self.doc
        head = doc[m.end - 1]
        # "Stephen Houghton, who chairs the Special Interest Group ...": the verb names the office
        for c in head.children:
            if c.dep_ == "relcl" and c.lower_ in ("chairs", "chaired") and any(g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children):
                obj = next((g for g in c.children if g.dep_ == "dobj"), None)
                o = self._org_at(obj.i) if obj is not None else None
                if o is not None:
                    return [(Role(title="chair", organisation=self.orgs[o[0]]["name"], start=doc[c.i].idx,
                                  end=doc[o[2] - 1].idx + len(doc[o[2] - 1]), pattern="predicate", organisation_id=o[0]),
                             set())]
        # ... and the object of "succeed"/"replace": "to succeed Boris Johnson as prime minister"
        # (the predecessor held the office)
        # "X becomes Chief Whip", "X moves from the Home Office to become Foreign Secretary",
        # "X, whom Mr Kyle replaces, becomes Chief Whip"
        if head.dep_ in ("nsubj", "nsubjpass"):
            main = head.head
            for v in [main] + [c for c in main.children if c.dep_ in ("xcomp", "advcl") and c.lower_ in _BECOME]:
                if v.lower_ not in _BECOME:
                    continue
                attr = next((c for c in v.children if c.dep_ in ("attr", "oprd", "dobj") and c.i >= m.end), None)
                if attr is None:
                    continue
                a, b = attr.left_edge.i, attr.right_edge.i + 1
                parse = self._parse_role(a, b)
                if parse and parse.end >= attr.i + 1:
                    return [(self._role(parse, "predicate", (a, parse.end)), set(range(a, parse.end)))]
        relcl = next((c for c in head.children if c.dep_ == "relcl"
                      and any(g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children)), None)
        verbs = []
        if relcl is not None:
            verbs.append(relcl)  # "Jeremy Hunt, who replaced Mr Kwarteng as chancellor": Hunt is chancellor
        if head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "dobj" and head.head.lower_ in _SUCCEED_VERBS):
            verbs.append(head.head)  # ("Alan Campbell, who was Chief Whip, replaces X as Commons leader")
        for verb in verbs:
            preps = list(verb.children)
            if verb.lower_ in _SUCCEED_VERBS:
                # (the parser may hang "as" on the one replaced: "X replaces Ian Murray as Scotland
                # Secretary", "replaces Lucy Powell, who was sacked, as Commons leader")
                preps += [g for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i for g in c.children]
            for child in preps:
                if child.lower_ == "as" and child.dep_ == "prep" and child.i >= m.end:
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if not objs:
                        continue
                    end = objs[0].right_edge.i + 1
                    parse = self._parse_role(child.i + 1, end)
                    if parse and parse.title_start <= child.i + 3:
                        return [(self._role(parse, "predicate", (child.i + 1, parse.end)), set(range(child.i + 1, parse.end)))]
        return []

    def _role_list(self, k: int, limit: int, pattern: str, single: bool = False) -> List[Tuple[Role, Set[int]]]:
        """Roles of a phrase starting at k; "X and the Y" gives two."""
        doc = self.doc
        out = []
        while k < limit:
            b = k
            while b < limit and b - k < self.max_title_tokens and (doc[b].text not in STOP_TEXT or self._inner_hyphen(b)) and \
                    not (doc[b].tag_.startswith("VB") and not self.in_title[b] and doc[b].tag_ != "VBG") and b not in self.person_at:
                b += 1
            parse = self._parse_role(k, b)
            if parse is None:
                break
            # a title right before another name is that name's title, not an apposition
            if parse.end < len(doc) and parse.end in self.person_at:
                break
            out.append((self._role(parse, pattern, (k, parse.end)), set(range(k, parse.end))))
            if single:
                break
            nxt = parse.end
            if nxt + 1 < limit and doc[nxt].lower_ == "and" and doc[nxt + 1].lower_ in DETERMINERS | {"a"}:
                k = nxt + 1
                continue
            break
        return out

    def _inner_hyphen(self, i: int) -> bool:
        doc = self.doc
        return doc[i].text in ("-", "–") and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    def _chunk_start(self, end: int, floor: int) -> Optional[int]:
        """Start of the run of title-like tokens ending right before ``end``."""
        doc = self.doc
        i = end - 1
        start = None
        while i >= floor and end - i <= self.max_title_tokens:
            t = doc[i]
            ok = (self.in_title[i] or self._org_at(i) is not None or t.tag_ in ("NNP", "NNPS", "POS")
                  or t.lower_ in ("of", "for", "at", "the", "and", "&") and i < end - 1
                  or t.lower_ in TIME_QUALIFIERS or t.lower_ in TITLE_MODIFIERS
                  or (t.tag_ in ("JJ", "NN", "VBG") and i + 1 < end and (self.in_title[i + 1] or doc[i + 1].tag_.startswith("NN")
                                                                        or self._title_and(i + 1)))
                  # the portfolio of a title: "the agency's director of water, Helen Wakeham"
                  or (t.tag_ in ("NN", "NNS") and t.is_lower and i == end - 1 and i >= 2 and doc[i - 1].lower_ == "of"
                      and self.in_title[i - 2]))
            if not ok or t.text in STOP_TEXT or i in self.person_at:
                break
            if t.ent_type_ in ("DATE", "TIME") and not self.in_title[i] and not self._org_at(i):
                break  # "Earlier this week Home Secretary Suella Braverman ...": a time is no part of a title
            if t.lower_ == "and" and not self._org_at(i) and not self.in_title[i] and not self._title_and(i):
                break
            start = i
            i -= 1
        return start

    def _add_role(self, p: _Person, role: Role, priority: int) -> None:
        key = ((role.title or "").lower(), role.organisation_id)
        for r, _ in p.roles:
            if ((r.title or "").lower(), r.organisation_id) == key:
                return
            if (r.title or "").lower() == key[0] and r.organisation_id is None and role.organisation_id:
                r.organisation, r.organisation_id = role.organisation, role.organisation_id
                return
            if (r.title or "").lower() == key[0] and role.organisation_id is None:
                return
        p.roles.append((role, priority))

    # ================================================================== descriptions

    def _descriptions(self, persons: List[_Person], used: Set[int]) -> None:
        """Definite title phrases with no name: 'the head of the NCA', 'The Government minister'."""
        doc = self.doc
        if not persons:
            return
        sents = list(doc.sents)
        sent_index = {}
        for n, s in enumerate(sents):
            for i in range(s.start, s.end):
                sent_index[i] = n
        mention_sents = [(sent_index[m.start], m.start, p) for p in persons for m in p.mentions if m.kind == "name" and not p.byline]
        for ts in sorted(self.title_at):
            if ts in used or not ts or doc[ts - 1].lower_ != "the":
                continue
            det = ts - 1
            # capitalised titles, or lower-case ones with an organisation ("the head of the NCA")
            parse = self._parse_role(det, min(len(doc), det + self.max_title_tokens))
            if parse is None or parse.title_start != ts:
                continue
            if parse.end < len(doc) and (parse.end in self.person_at or doc[parse.end].text == ","
                                         and any(k in self.person_at for k in range(parse.end + 1, min(len(doc), parse.end + 4))
                                                 if all(doc[x].lower_ in HONORIFICS or self.in_title[x] for x in range(parse.end + 1, k)))):
                continue  # the title of the name that follows ("The judge, Mr Justice James Goss, said")
            nxt = doc[parse.end] if parse.end < len(doc) else None
            if nxt is not None and (nxt.tag_ in ("NNS", "NNPS") or nxt.text in ("'s", "’s") or (nxt.is_title and nxt.tag_ == "NNP")):
                continue  # "the director general's office", "the General Election"
            if not self._description_speaks(det, parse.end):
                continue
            head = doc[self.title_at[ts] - 1]
            if head.tag_ in ("NNS", "NNPS"):
                continue
            role = self._role(parse, "description", (det, parse.end))
            n = sent_index[det]
            target = None
            # a title one person already holds
            holders = [p for p in persons if any((r.title or "").lower() == (role.title or "").lower() and
                                                 (role.organisation_id is None or r.organisation_id in (None, role.organisation_id))
                                                 for r, _ in p.roles)]
            if len(holders) == 1:
                target = holders[0]
            else:
                before = [(sn, st, p) for sn, st, p in mention_sents if st < det and n - sn <= 1]
                after = [(sn, st, p) for sn, st, p in mention_sents if st > parse.end and 0 <= sn - n <= (4 if n <= 6 else 1)]
                single = (role.title or "").lower() in SINGLE_OFFICES and role.organisation_id is None
                if single:
                    # "The prime minister ...": the office holder, not whoever was named last; only
                    # a person who is the subject of their sentence ("Tony Blair is urging ...") and
                    # not described as someone else ("Sue Gray, the senior civil servant ...")
                    before = [x for x in before if self._subject_mention(x[2], x[1]) and not self._described(x[2], x[1])]
                    after = [x for x in after if self._subject_mention(x[2], x[1]) and not self._described(x[2], x[1])]
                # not someone the text has already described as something else ("The
                # customer, Fowler Oldfield, ...")
                before = [x for x in before if not self._introduced(x[1])]
                after = [x for x in after if not self._introduced(x[1])]
                if before and not holders:
                    cand = max(before, key=lambda x: x[1])[2]
                    if all(pr == 1 for _, pr in cand.roles):
                        target = cand
                elif after and not holders:
                    cand = min(after, key=lambda x: x[1])[2]
                    orgs = {r.organisation_id for r, _ in cand.roles}
                    if not cand.roles or role.organisation_id in orgs or all(pr == 1 for _, pr in cand.roles):
                        target = cand
            if target is None:
                continue
            self._add_role(target, role, 1)
            target.mentions.append(_Mention(det + 1, parse.end, "description"))
            used.update(range(det, parse.end))

    def _described(self, p: "_Person", start: int) -> bool:
        """Is the mention at ``start`` followed by an apposition ("Sue Gray, the senior civil
        servant looking into ...")?"""
        doc = self.doc
        for m in p.mentions:
            if m.start == start:
                return m.end + 1 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].lower_ in ("the", "a", "an")
        return False

    def _introduced(self, start: int) -> bool:
        """Is the name at ``start`` in apposition to a common-noun description that is no
        title ("The customer, Fowler Oldfield, paid ...")?"""
        doc = self.doc
        if start < 2 or doc[start - 1].text != ",":
            return False
        noun = doc[start - 2]
        return noun.tag_ in ("NN", "NNS") and not self.in_title[start - 2] \
            and any(t.lower_ in ("the", "a", "an") for t in doc[max(0, start - 5):start - 2])

    def _subject_mention(self, p: "_Person", start: int) -> bool:
        """Is the mention of ``p`` starting at ``start`` the subject of its clause?"""
        doc = self.doc
        for m in p.mentions:
            if m.start == start:
                return doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
        return False

    def _description_speaks(self, start: int, end: int) -> bool:
        """A description names a person of the story when it is the subject of its clause or
        right next to a speech verb: "the head of the NCA (NCA) said", "said the minister"."""
        doc = self.doc
        if any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(start, end)):
            return True
        k = end
        while k < len(doc) and (doc[k].text in ("(", ")") or doc[k - 1].text == "(" or doc[k].lower_ in ("has", "have", "had", "also")):
            k += 1
        after = doc[k] if k < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        return (after is not None and after.tag_.startswith("VB") and after.lower_ in SPEECH_VERBS) or \
            (before is not None and before.lower_ in SPEECH_VERBS)

    # ================================================================== pronouns

    def _pronouns(self, persons: List[_Person]) -> None:
        doc = self.doc
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        import bisect

        events: List[Tuple[int, _Person]] = sorted(((m.start, p) for p in persons for m in p.mentions if m.kind == "name" and not p.byline), key=lambda x: x[0])
        positions = [x[0] for x in events]
        for i in positions_of(doc, PRONOUNS):
            tok = doc[i]
            g = PRONOUNS.get(tok.lower_)
            if g is None or tok.tag_ != "PRP":
                continue
            n = bisect.bisect_right(starts, tok.i) - 1
            lo = starts[n - 1] if n >= 1 else 0
            a = bisect.bisect_left(positions, lo)
            b = bisect.bisect_left(positions, tok.i)
            seen = {id(p): p for _, p in events[a:b]}
            fit = [p for p in seen.values() if p.gender in (None, g)]
            if len(fit) == 1 and (len(seen) == 1 or fit[0].gender == g):
                p = fit[0]
                p.gender = p.gender or g
                p.mentions.append(_Mention(tok.i, tok.i + 1, "pronoun", g))
                # a resolved pronoun is an antecedent for the next one ("... he said. He accepted ...")
                k = bisect.bisect_left(positions, tok.i)
                positions.insert(k, tok.i)
                events.insert(k, (tok.i, p))

    # ================================================================== output

    def _finish(self, persons: List[_Person]) -> None:
        doc = self.doc
        officials: List[Official] = []
        others: List[Official] = []
        spans: List[Span] = []
        for n, p in enumerate(persons, 1):
            p.mentions.sort(key=lambda m: m.start)
            mentions = [Mention(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), doc[m.start:m.end].text, m.kind)
                        for m in p.mentions]
            roles = [r for r, _ in sorted(p.roles, key=lambda rp: (rp[1], rp[0].start or 0))]
            ordered = sorted(p.roles, key=lambda rp: (rp[0].start or 0))
            primary = roles[0] if roles else None
            rec = Official(id=f"P{n}", name=" ".join(p.tokens), title=primary.title if primary else None,
                           organisation=primary.organisation if primary else None, mentions=mentions,
                           roles=[r for r, _ in ordered], is_official=bool(roles),
                           organisation_id=primary.organisation_id if primary else None)
            (officials if roles else others).append(rec)
            label = "OFFICIAL" if roles else "PERSON"
            spans.extend(Span(doc, m.start, m.end, label=label) for m in p.mentions if m.kind == "name")
        extensions.set_records(doc, "officials", officials)
        extensions.set_records(doc, "persons", others)
        doc.spans["officials"] = sorted(spans, key=lambda s: s.start)


@Language.factory(
    "officials",
    assigns=["doc._.officials_data", "doc._.persons_data", "doc.spans"],
    requires=["doc.ents", "token.tag", "token.dep", "doc.sents"],
    default_config={
        "titles": "titles.txt",
        "gazetteer": "organisations.jsonl",
        "pronouns": True,
        "descriptions": True,
        "max_title_tokens": 12,
    },
)
def make_officials(nlp: Language, name: str, *, titles: str, gazetteer: str, pronouns: bool, descriptions: bool,
                   max_title_tokens: int) -> Officials:
    """Persons with roles (officials) and without (persons); reads the organisations component.

    titles: word list of titles in ``extractors/data``.
    gazetteer: organisations gazetteer (offices and usual titles of known bodies).
    pronouns: fold "he"/"she" onto the one person they can refer to.
    descriptions: tie title phrases without a name ("the head of the NCA") to a person.
    max_title_tokens: longest role phrase read.
    """
    return Officials(nlp, name, titles=titles, gazetteer=gazetteer, pronouns=pronouns, descriptions=descriptions,
                     max_title_tokens=max_title_tokens)
