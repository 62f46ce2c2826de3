"""A spaCy Matcher run only where its patterns can match.

spaCy's ``Matcher`` tries the first token of every pattern at every token of the document,
so a component with fifty patterns pays for fifty predicate checks per token, though
almost every token can start no match. :class:`AnchoredMatcher` picks, for each pattern, a
required token that every match must contain (its *anchor*: a word from a short list, a
shape, or a number), finds the anchor tokens of a document in one pass over its lexemes,
and runs the Matcher only on the windows of ``width - 1`` tokens either side of them
(``width`` = the longest pattern), merged where they overlap.

A match holds its pattern's anchor and is at most ``width`` tokens long, so it lies inside
one window; matches of different windows cannot overlap, so ``greedy`` filtering gives the
same result too. The matches, and their order, are those of the whole document
(``tests/test_anchors.py`` checks this on real text).

Without a ``greedy`` filter the patterns are also split by anchor: each group of patterns
that share an anchor list gets a Matcher of its own, run only on the windows of its own
anchors, so a window around "2016" is not tried with the patterns anchored on "week". The
matches are then those of the whole document, sorted by start, end and key (the plain
Matcher's own order, which depends on its internal states, is not kept: callers without a
greedy filter use the matches as a set).
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.attrs import ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

#: lexemes whose anchor test is cached (the cache is keyed by the lexeme's hash)
_CACHE_LIMIT = 200_000


class _Group:
    """Patterns that share an anchor list, with their own Matcher."""

    __slots__ = ("kind", "values", "width", "matcher")

    def __init__(self, kind: str, values: FrozenSet[str], width: int, matcher: Matcher):
        self.kind, self.values, self.width, self.matcher = kind, values, width, matcher


class AnchoredMatcher:
    """Call like a Matcher on a Doc: ``(match_id, start, end)`` triples.

    matcher: the Matcher holding ``patterns`` (added by the caller).
    patterns: ``{key: [pattern, ...]}`` as given to ``Matcher.add``.
    common / very_common: words that make a poor anchor (a token whose word list holds
        one is chosen only when the pattern has nothing rarer).
    greedy: the ``greedy`` filter the patterns were added with ("FIRST", "LONGEST" or
        None), so that the matches come back in the Matcher's own order (for one filtered
        key, exactly; keys in the order they are first found).
    """

    def __init__(self, matcher: Matcher, patterns: Dict[str, Sequence[List[Dict[str, Any]]]], *,
                 common: Iterable[str] = (), very_common: Iterable[str] = (), greedy: Optional[str] = None):
        self.matcher = matcher
        self.greedy = greedy
        self.common = {w.lower() for w in common}
        self.very_common = {w.lower() for w in very_common}
        self.words: Set[str] = set()
        self.shapes: Set[str] = set()
        self.like_num = False
        self.width = 1
        #: a pattern with "+" or "*" has no longest match: the whole document is matched
        self.unbounded = False
        #: (anchor kind, anchor values) -> [(rank, key, pattern)]: the groups of the split mode
        groups: Dict[Tuple[str, Tuple[str, ...]], List[Tuple[int, str, List[Dict[str, Any]]]]] = {}
        rank = 0
        for key, pats in patterns.items():
            for pat in pats:
                self.width = max(self.width, len(pat))
                self.unbounded = self.unbounded or any(t.get("OP") in ("+", "*") for t in pat)
                kind, values = self._add(pat)
                groups.setdefault((kind, tuple(sorted(set(values)))), []).append((rank, key, pat))
            rank += 1
        self._cache: Dict[int, bool] = {}
        #: split mode: one Matcher per anchor group (not with a greedy filter, which works
        #: across all the patterns of a key)
        self._groups: List[_Group] = []
        self._key_rank: Dict[int, int] = {}
        if greedy is None and not self.unbounded and len(groups) > 1:
            vocab = matcher.vocab
            for (kind, values), members in groups.items():
                sub = Matcher(vocab)
                for _, key, pat in members:
                    sub.add(key, [pat])
                self._groups.append(_Group(kind, frozenset(values), max(len(p) for _, _, p in members), sub))
                for r, key, _ in members:
                    self._key_rank.setdefault(vocab.strings.add(key), r)

    @staticmethod
    def _values(spec: Any) -> List[str]:
        if isinstance(spec, dict):
            return [str(v).lower() for v in spec.get("IN", [])]
        return [str(spec).lower()]

    def _add(self, pat: List[Dict[str, Any]]) -> Tuple[str, List[str]]:
        """Choose the pattern's rarest required token as its anchor: a word list with the
        fewest common words, else a shape, else any number."""
        best: Optional[Tuple[float, str, List[str]]] = None
        for t in pat:
            if "OP" in t and t["OP"] not in ("1", "+"):
                continue  # optional or negated: not in every match
            if "LOWER" in t and (not isinstance(t["LOWER"], dict) or "IN" in t["LOWER"]):
                words = self._values(t["LOWER"])
                ws = set(words)
                cand = (100.0 * len(ws & self.very_common) + 10.0 * len(ws & self.common) + len(words) / 1000, "words", words)
            elif "SHAPE" in t and (not isinstance(t["SHAPE"], dict) or "IN" in t["SHAPE"]):
                cand = (3.0, "shapes", self._values(t["SHAPE"]))
            elif t.get("LIKE_NUM") is True:
                cand = (20.0, "like_num", [])
            else:
                continue
            if best is None or cand[0] < best[0]:
                best = cand
        if best is None:
            raise ValueError(f"a pattern with no token to anchor it (a word list, a shape or LIKE_NUM): {pat}")
        _, kind, values = best
        if kind == "words":
            self.words.update(values)
        elif kind == "shapes":
            self.shapes.update(values)
        else:
            self.like_num = True
        return kind, values

    def is_anchor(self, tok: Token) -> bool:
        """Can ``tok`` be the anchor of some pattern? (lexical: cached per word)"""
        return self._anchor_orth(tok.vocab, tok.orth)

    def _anchor_orth(self, vocab: Any, orth: int) -> bool:
        hit = self._cache.get(orth)
        if hit is None:
            lex = vocab[orth]
            hit = lex.lower_ in self.words or lex.shape_.lower() in self.shapes or (self.like_num and lex.like_num)
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[orth] = hit
        return hit

    def _anchor_positions(self, doc: Doc) -> List[int]:
        """Token indices that can be the anchor of some pattern."""
        cache, vocab = self._cache, doc.vocab
        out: List[int] = []
        # over the token hashes, not Token objects (creating those costs more than the test)
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            hit = cache.get(orth)
            if hit is None:
                hit = self._anchor_orth(vocab, orth)
            if hit:
                out.append(i)
        return out

    @staticmethod
    def _merge(positions: Iterable[int], width: int, n: int) -> List[Tuple[int, int]]:
        """Windows of ``width - 1`` tokens either side of each position, merged where they overlap."""
        out: List[Tuple[int, int]] = []
        w = width - 1
        for i in positions:
            s, e = max(0, i - w), min(n, i + w + 1)
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return out

    def windows(self, doc: Doc) -> List[Tuple[int, int]]:
        """Disjoint token windows, in order, that hold every possible match."""
        return self._merge(self._anchor_positions(doc), self.width, len(doc))

    def _split_matches(self, doc: Doc) -> List[Tuple[int, int, int]]:
        """Each anchor group's Matcher on the windows of its own anchors."""
        hits = self._anchor_positions(doc)
        if not hits:
            return []
        keyed = [(i, t.lower_, t.shape_.lower(), t.like_num) for i, t in ((i, doc[i]) for i in hits)]
        found: List[Tuple[int, int, int]] = []
        for g in self._groups:
            if g.kind == "words":
                at = [i for i, low, _, _ in keyed if low in g.values]
            elif g.kind == "shapes":
                at = [i for i, _, shape, _ in keyed if shape in g.values]
            else:
                at = [i for i, _, _, num in keyed if num]
            for a, b in self._merge(at, g.width, len(doc)):
                found.extend((m, a + ms, a + me) for m, ms, me in g.matcher(doc[a:b]))
        return sorted(set(found), key=lambda m: (m[1], m[2], self._key_rank.get(m[0], 0)))

    def __call__(self, doc: Doc) -> List[Tuple[int, int, int]]:
        if self.unbounded:
            return list(self.matcher(doc))
        if self._groups:
            return self._split_matches(doc)
        found: List[Tuple[int, int, int]] = []
        for s, e in self.windows(doc):
            found.extend((m, s + ms, s + me) for m, ms, me in self.matcher(doc[s:e]))
        if self.greedy is None:
            return found
        # the Matcher's order for filtered keys: key by key, FIRST by start, LONGEST by
        # length (longest first) then start
        by_key: Dict[int, List[Tuple[int, int, int]]] = {}
        for m in found:
            by_key.setdefault(m[0], []).append(m)
        if self.greedy == "LONGEST":
            order = lambda m: (-(m[2] - m[1]), m[1])  # noqa: E731
        else:
            order = lambda m: (m[1], -m[2])  # noqa: E731
        return [m for ms in by_key.values() for m in sorted(ms, key=order)]
