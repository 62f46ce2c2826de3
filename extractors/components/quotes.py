"""Quotes and attributions: who said what.

Direct quotes are read from quotation marks (straight ``"`` and curly ``“ ”``), paragraph by
paragraph: a paragraph that opens a quote and does not close it ends the quote at the
paragraph's end, and the next paragraph opening with a quote mark continues the same
speaker (the news convention for multi-paragraph quotes). A curly opening mark inside an
open quote closes the previous one.

The speaker is the subject of the nearest speech verb outside the quote in the same
sentence (``said``, ``told``, ``warned`` ...; a participle such as "saying" takes the subject of
the verb it hangs on), resolved to an official or person (names and the pronouns the officials
component folded), to an organisation, or to a role such as "government spokesperson"
("A Ministry of Justice spokesman" is the Ministry of Justice). A quote whose sentence gives
no speaker inherits the speaker of a quote in the previous paragraph.

Indirect speech: "X said (that) ...", "X told reporters ...", "According to X, ..." give
quotes with ``direct=False`` whose text is the reported clause.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from .. import extensions
from ..records import Quote
from .organisations import load_titles
from .sentences import positions_of, sent_of, text_of


def _titles() -> frozenset:
    return _title_set(load_titles())


@lru_cache(maxsize=2)
def _title_set(titles: Tuple[str, ...]) -> frozenset:
    return frozenset(titles)

@lru_cache(maxsize=2)
def _title_heads(titles: Tuple[str, ...]) -> frozenset:
    """The last words of the known titles ("minister", "secretary", "chief")."""
    return frozenset(t.split()[-1] for t in titles if t.strip())


CUE_VERBS = frozenset({
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "warned", "warns",
    "warning", "explained", "explains", "explaining", "stated", "states", "insisted", "insists", "argued", "argues",
    "claimed", "claims", "claiming", "admitted", "admits", "acknowledged", "acknowledges", "noted", "notes", "noting",
    "emphasised", "emphasized", "emphasising", "emphasizing", "stressed", "stresses", "stressing", "revealed", "reveals",
    "announced", "announces", "suggested", "suggests", "urged", "urges", "urging", "criticised", "criticized",
    "described", "describes", "called", "calls", "asked", "asks", "replied", "responded", "commented", "continued",
    "wrote", "writes", "declared", "conceded", "concedes", "confirmed", "confirms", "predicted", "believes",
    "believed", "thinks", "expressed", "highlighted", "pointed", "went", "mentioned", "maintained", "reiterated",
    "remarked", "recalled", "accepted", "cautioned", "vowed", "pledged", "promised", "denied", "estimated",
    "estimates", "believes", "feared", "hoped", "welcomed", "branded", "dismissed", "labelled", "labeled",
})
#: cues of indirect speech: "X said (that) ..."
INDIRECT_CUES = frozenset({
    "said", "says", "told", "tells", "added", "warned", "warns", "explained", "stated", "insisted", "argued",
    "claimed", "claims", "admitted", "acknowledged", "noted", "emphasised", "emphasized", "stressed", "revealed",
    "announced", "suggested", "confirmed", "believes", "predicted", "conceded", "estimates", "estimated",
})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
#: entity labels a missed speaker's name may carry (none, or a person the recogniser split)
_NAME_ENTS = frozenset({"", "PERSON"})
#: cues whose passive subject is the one spoken to ("was told that ..."; also read by claims)
RECIPIENT_CUES = frozenset({"told", "warned", "advised", "informed", "asked", "reminded", "assured"})
OPEN_QUOTES = {"“": "”", '"': '"', "„": "”", "«": "»"}
CLOSE_QUOTES = {"”", '"', "»"}
SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "source", "sources",
                    "official", "officials", "statement"})


class Quotes(Pipe):
    """Direct and indirect quotes with speaker, cue verb and content span."""

    def __init__(self, nlp: Language, name: str = "quotes", *, indirect: bool, max_quote_chars: int):
        extensions.register()
        self.name = name
        self.indirect = indirect
        self.max_quote_chars = max_quote_chars

    def __call__(self, doc: Doc) -> Doc:
        people = extensions.get_data(doc, "officials") + extensions.get_data(doc, "persons")
        orgs = extensions.get_data(doc, "organisations")
        self._person_tok: Dict[int, dict] = {}
        for p in people:
            for m in p.get("mentions", []):
                sp = doc.char_span(m["start"], m["end"], alignment_mode="expand")
                if sp is not None:
                    for t in sp:
                        self._person_tok[t.i] = p
        self._org_tok: Dict[int, dict] = {}
        for o in orgs:
            for m in o.get("mentions", []):
                sp = doc.char_span(m["start"], m["end"], alignment_mode="expand")
                if sp is not None:
                    for t in sp:
                        self._org_tok[t.i] = o
        self._it_starts: Set[int] = set()
        quotes: List[Quote] = []
        spans: List[Span] = []
        items: List[Tuple[int, int, bool, Optional[Span], Optional[Quote]]] = []
        inside: Set[int] = set()
        for (a, b, cont) in self._direct(doc):
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            inside.update(range(span.start, span.end))
            items.append((a, b, cont, span, None))
        if self.indirect:
            for q, sp in self._indirect(doc, inside):
                items.append((q.start, q.end, False, sp, q))
        items.sort(key=lambda it: it[0])
        last_speaker: Tuple[Optional[str], Optional[str], int] = (None, None, -10)
        last_end = -1  # token end of the last quote with a speaker
        para_of = self._paragraph_index(doc)
        for a, b, cont, span, indirect in items:
            para = para_of(a)
            if indirect is not None:
                q = indirect
                if q.speaker is None and para - last_speaker[2] <= 1 and not (
                        q.start in self._it_starts and not (last_speaker[1] or "").startswith("O")):
                    # ("It raised its dividend and said it would ...": "it" goes on only a body)
                    q.speaker, q.speaker_id = last_speaker[0], last_speaker[1]
                if q.speaker is not None:
                    last_speaker = (q.speaker, q.speaker_id, para)
                    last_end = span.end  # 'X said the plans were late. "We warned them."'
                quotes.append(q)
                spans.append(Span(doc, span.start, span.end, label="INDIRECT"))
                continue
            speaker, speaker_id, cue, pronoun = self._speaker_of(doc, span)
            if speaker is None and (cont or pronoun or (para - last_speaker[2] <= 1 and self._bare_paragraph(doc, span))):
                if para - last_speaker[2] <= 1 or cont:
                    speaker, speaker_id = last_speaker[0], last_speaker[1]
            if speaker is None and para == last_speaker[2] and last_end >= 0 and not self._someone_between(doc, last_end, span.start, last_speaker[0]):
                # the same paragraph goes on quoting the same person: '"...," he said. "If ..."',
                # 'reached a "collective view" after a "good discussion"'
                speaker, speaker_id = last_speaker[0], last_speaker[1]
            if speaker is not None:
                last_speaker = (speaker, speaker_id, para)
                last_end = span.end
            quotes.append(Quote(id="", text=text_of(doc)[a:b], start=a, end=b, speaker=speaker, speaker_id=speaker_id,
                                cue=cue, direct=True))
            spans.append(Span(doc, span.start, span.end, label="QUOTE"))
        quotes.sort(key=lambda q: q.start)
        for n, q in enumerate(quotes, 1):
            q.id = f"Q{n}"
        extensions.set_records(doc, "quotes", quotes)
        doc.spans["quotes"] = sorted(spans, key=lambda s: s.start)
        return doc

    # ------------------------------------------------------------------ direct quotes

    def _direct(self, doc: Doc) -> List[Tuple[int, int, bool]]:
        """(start, end, continues_previous) of quoted text, by character offsets."""
        text = text_of(doc)
        out: List[Tuple[int, int, bool]] = []
        pos = 0
        carried = False  # the previous paragraph left a quote open
        n = len(text)
        while pos <= n:
            nl = text.find("\n", pos)
            end = n if nl < 0 else nl
            line = text[pos:end]
            opened: Optional[int] = None
            closer = None
            first_quote = True
            for i, ch in enumerate(line):
                if opened is None:
                    if ch in OPEN_QUOTES and self._is_opening(line, i):
                        cont = carried and first_quote and not line[:i].strip()
                        opened, closer = i + 1, OPEN_QUOTES[ch]
                        open_cont = cont
                        first_quote = False
                else:
                    if ch == '"' and closer == '"' and self._straight_opens(line, i):
                        # paragraphs run together: '... months. "We are ...' - the old quote ended
                        self._emit(out, pos + opened, pos + i, open_cont)
                        opened, open_cont = i + 1, True
                    elif ch == closer or (ch in CLOSE_QUOTES and closer != '"' and ch != '"'):
                        self._emit(out, pos + opened, pos + i, open_cont)
                        opened = None
                    elif ch == "“":  # a new opening mark inside an open curly quote: the old one ended
                        self._emit(out, pos + opened, pos + i, open_cont)
                        opened, closer, open_cont = i + 1, "”", True
            carried = False
            if opened is not None:
                self._emit(out, pos + opened, pos + len(line), open_cont)
                carried = True
            elif line.strip():
                carried = False
            if nl < 0:
                break
            pos = nl + 1
            # blank lines between paragraphs keep an open quote open
            while pos < n and text[pos] == "\n":
                pos += 1
        return out

    @staticmethod
    def _straight_opens(line: str, i: int) -> bool:
        """A straight mark that can only open: after a space and a sentence end, before a word."""
        prev = line[i - 1] if i else " "
        before = line[:i].rstrip()
        nxt = line[i + 1] if i + 1 < len(line) else " "
        return prev.isspace() and before[-1:] in (".", "!", "?", ":") and not nxt.isspace()

    @staticmethod
    def _is_opening(line: str, i: int) -> bool:
        ch = line[i]
        if ch == '"':
            return True
        prev = line[i - 1] if i else " "
        return ch != "”" and (prev.isspace() or prev in "([—–-:,'‘" or i == 0)

    def _emit(self, out: List[Tuple[int, int, bool]], a: int, b: int, cont: bool) -> None:
        text_len = b - a
        if text_len <= 0 or text_len > self.max_quote_chars:
            return
        out.append((a, b, cont))

    @staticmethod
    def _paragraph_index(doc: Doc):
        text = text_of(doc)
        # one break per run of newlines: a blank line between paragraphs is one step
        breaks = [i for i, ch in enumerate(text) if ch == "\n" and (i == 0 or text[i - 1] != "\n")] if "\n" in text else []
        import bisect

        def index(offset: int) -> int:
            return bisect.bisect_right(breaks, offset)

        return index

    def _someone_between(self, doc: Doc, a: int, b: int, speaker: Optional[str]) -> bool:
        """Is a person or a body other than ``speaker`` named between tokens ``a`` and ``b``?"""
        for i in range(a, b):
            who = self._person_tok.get(i) or self._org_tok.get(i)
            if who is not None and who.get("name") != speaker:
                return True
        return False

    @staticmethod
    def _bare_paragraph(doc: Doc, span: Span) -> bool:
        """The quote is the whole of its paragraph (no attribution around it)."""
        text = text_of(doc)
        a = text.rfind("\n", 0, span.start_char) + 1
        b = text.find("\n", span.end_char)
        b = len(text) if b < 0 else b
        outside = (text[a:span.start_char] + text[span.end_char:b]).strip(" \"“”.,")
        return not outside

    # ------------------------------------------------------------------ speakers

    def _speaker_of(self, doc: Doc, span: Span) -> Tuple[Optional[str], Optional[str], Optional[str]]:
        """Speaker name, id and cue verb of a quote span."""
        inside = set(range(span.start, span.end))
        first = sent_of(doc, span.start)
        sents = {first.start: first}
        last = sent_of(doc, span.end - 1)
        sents[last.start] = last
        # a quote at the end of a sentence followed by '" he said.' may run into the next sentence
        if span.end + 1 < len(doc):
            nxt = sent_of(doc, min(len(doc) - 1, span.end + 1))
            sents.setdefault(nxt.start, nxt)
        best: Optional[Tuple[int, Token]] = None
        for sent in sents.values():
            for tok in sent:
                if tok.i in inside or tok.lower_ not in CUE_VERBS or not tok.tag_.startswith("VB"):
                    continue
                dist = span.start - tok.i if tok.i < span.start else tok.i - span.end
                # after the quote only in the quote's own sentence or right after it
                if dist > 40:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, tok)
        pronoun = False
        if best is not None:
            verb = best[1]
            who = self._subject(doc, verb, inside)
            if who is not None and who[0] is not None:
                return who[0], who[1], verb.text, False
            pronoun = who is not None
        # no cue: the subject of a clause the quote sits in ("Sunak has met his pledge ... to "halve ..."")
        anc = doc[span.start]
        for _ in range(8):
            if anc.head.i == anc.i:
                break
            anc = anc.head
            if anc.i in inside or not anc.tag_.startswith("VB"):
                continue
            subj = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
            if subj:
                who = self._resolve(doc, subj[0])
                if who is not None and who[0] is not None:
                    return who[0], who[1], anc.text if anc.lower_ in CUE_VERBS else None, False
                pronoun = pronoun or subj[0].tag_ == "PRP"
                break
        return None, None, None, pronoun

    def _subject(self, doc: Doc, verb: Token, inside: Set[int]) -> Optional[Tuple[str, Optional[str]]]:
        v: Optional[Token] = verb
        for _ in range(3):
            if v is None:
                break
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
            if subj and subj[0].tag_ in ("WP", "WDT") and v.dep_ == "relcl" and v.head.i not in inside:
                # "Ann Rhys, who leads the office, called it "careless"": the relative pronoun
                # is the noun the clause is on
                subj = [v.head]
            if subj and subj[0].dep_ == "nsubjpass" and verb.lower_ in RECIPIENT_CUES:
                return None  # "Cashman was jailed ... and told he must serve": the one told, not a speaker
            if subj:
                who = self._resolve(doc, subj[0])
                if who is None and subj[0].tag_ == "PRP" and subj[0].lower_ in ("he", "she", "they", "it", "we"):
                    return None, None  # an unresolved pronoun: the caller may use the previous speaker
                return who
            # "according to X"
            for c in v.children:
                if c.lower_ == "according" and c.i not in inside:
                    objs = [g for cc in c.children for g in cc.children if g.dep_ == "pobj"]
                    if objs:
                        return self._resolve(doc, objs[0])
            # "..., saying ..." / "..., adding ..." hang on the main verb
            if v.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl") and v.head.i != v.i:
                v = v.head
            else:
                break
        return None

    def _resolve(self, doc: Doc, head: Token) -> Optional[Tuple[str, Optional[str]]]:
        """The speaker an NP headed by ``head`` names."""
        toks = list(head.subtree)
        for t in [head] + toks:
            p = self._person_tok.get(t.i)
            if p is not None:
                return p["name"], p["id"]
        lowers = {t.lower_ for t in toks}
        org = next((self._org_tok[t.i] for t in [head] + toks if t.i in self._org_tok), None)
        if head.lower_ in SPOKES or lowers & SPOKES:
            if org is not None:
                return org["name"], org["id"]
            words = [t for t in toks if t.dep_ != "det" and not t.is_punct]
            # as written between the kept words: "the rapper's spokesman", not "rapper 's"
            return "".join(t.text_with_ws for t in words).strip(), None
        if org is not None and head.i in self._org_tok:
            return org["name"], org["id"]
        # a definite title with no name: "the foreign secretary said" -> "foreign secretary"
        det = [t for t in toks if t.dep_ == "det"]
        if det and det[0].lower_ == "the" and all(t.i <= head.i for t in toks):
            words = [t for t in toks if t.dep_ != "det" and not t.is_punct]
            phrase = " ".join(t.lower_ for t in words)
            if words and phrase in _titles():
                return " ".join(t.text for t in words), None
        # a name the entity recogniser missed: the proper nouns of the subject's head
        # ("Mike Hobday, from the league, said"); never a date, a place or a number
        if head.tag_ == "NNP" and head.ent_type_ in _NAME_ENTS:
            name = [t for t in head.lefts if t.dep_ == "compound" and t.tag_ == "NNP"
                    and t.i == head.i - 1 - sum(1 for u in head.lefts if u.dep_ == "compound" and u.tag_ == "NNP" and u.i > t.i)]
            name.append(head)
            title_words = _title_heads(load_titles())
            if 2 <= len(name) <= 4 and all(t.text[:1].isupper() and t.text[1:].islower() and t.ent_type_ in _NAME_ENTS
                                           and (t.lower_ not in title_words or name[0].lower_ in _HONORIFICS)
                                           for t in name[1:]) \
                    and name[0].text[:1].isupper() and name[0].ent_type_ in _NAME_ENTS:
                # (a title is not a name: "Economics Minister"; a title before a name is kept,
                # "Gen Musharraf")
                return " ".join(t.text for t in name), None
        return None

    # ------------------------------------------------------------------ indirect speech

    def _indirect(self, doc: Doc, inside: Set[int]):
        self._it_starts = set()
        for i in positions_of(doc, INDIRECT_CUES):
            tok = doc[i]
            if not tok.tag_.startswith("VB") or tok.i in inside:
                continue
            clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
            if clause is None:
                continue
            left, right = clause.left_edge.i, clause.right_edge.i + 1
            if left > 0 and doc[left].lower_ == "that":
                left += 1
            if any(i in inside for i in range(left, right)) or right - left < 3:
                continue
            who = self._subject(doc, tok, inside)
            if who is None:
                continue
            span = doc[left:right]
            if "\n" in text_of(doc)[span.start_char:span.end_char] or "\n" in text_of(doc)[min(tok.idx, span.start_char):max(tok.idx, span.start_char)]:
                continue
            while span and span[-1].is_punct:
                span = span[:-1]
            if not span:
                continue
            v = tok
            for _ in range(3):
                subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None or v.dep_ != "conj" or v.head.i == v.i:
                    break
                v = v.head
            if subj is not None and subj.lower_ == "it":
                self._it_starts.add(span.start_char)
            yield (Quote(id="", text=span.text, start=span.start_char, end=span.end_char, speaker=who[0],
                         speaker_id=who[1], cue=tok.text, direct=False),
                   Span(doc, span.start, span.end, label="INDIRECT"))


@Language.factory(
    "quotes",
    assigns=["doc._.quotes_data", "doc.spans"],
    requires=["token.dep", "doc.sents"],
    default_config={"indirect": True, "max_quote_chars": 3000},
)
def make_quotes(nlp: Language, name: str, *, indirect: bool, max_quote_chars: int) -> Quotes:
    """Direct and indirect quotes with their speakers (reads officials and organisations).

    indirect: also report indirect speech ("X said that ...") with ``direct=False``.
    max_quote_chars: a longer "quote" is an unbalanced quotation mark, not a quote.
    """
    return Quotes(nlp, name, indirect=indirect, max_quote_chars=max_quote_chars)
