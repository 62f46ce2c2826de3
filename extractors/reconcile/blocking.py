"""Blocking: which pairs of documents are worth comparing, without comparing all pairs.

Every document gets a handful of *blocking keys*:

* ``p:`` surnames of the officials and other persons it names,
* ``o:`` its organisations' names, acronyms and aliases (normalised),
* ``f:`` its distinctive figures (the number with its kind of unit: ``pct:80``),
* ``d:`` specific dates it mentions (day granularity),
* ``k:`` its most frequent keywords,
* ``l:`` MinHash-LSH band signatures over its keyword and entity shingles (near duplicates).

An inverted index maps each key to the documents that have it. A new document's
candidates are the documents that share keys with it; keys held by more than
``max_key_docs`` documents are too common to say anything (think "police" or
"government") and are skipped. When both documents are dated, the posting lists are
split into publication-date buckets and only documents within ``max_days`` of each
other are candidates; undated documents are compared with every bucket of a key
(still under the frequency cut-off). Of the remaining candidates, those sharing a
strong key (a person, a figure, an LSH band) or at least two keys are kept, at most
``max_candidates`` per document, the ones sharing most first.

The cost per document is bounded by (number of keys) x (cut-off), so the whole pass is
linear in the number of documents for a fixed cut-off. MinHash is implemented with
``hashlib`` and NumPy, so results do not depend on ``PYTHONHASHSEED`` or the machine.
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np

from .similarity import CACHE_SIZE, MAX_DAYS, Profile

#: MinHash permutations = bands x rows
LSH_BANDS = 10
LSH_ROWS = 3
_PRIME = (1 << 32) + 15  # a prime above every 32-bit token hash
_rng = np.random.RandomState(20231213)
_A = _rng.randint(1, 1 << 31, size=LSH_BANDS * LSH_ROWS).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=LSH_BANDS * LSH_ROWS).astype(np.uint64)

#: how much sharing one key of each kind counts when choosing candidates
KEY_WEIGHT = {"p": 1.5, "o": 1.0, "f": 1.5, "d": 1.0, "k": 1.0, "l": 2.0}
#: a candidate must reach this weight (one strong key, or two keys)
MIN_WEIGHT = 1.5
#: keywords used as blocking keys (the most frequent ones of each document)
KEYWORD_KEYS = 12


@lru_cache(maxsize=CACHE_SIZE)
def token_hash(token: str) -> int:
    """A stable 32-bit hash of a string."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "little")


def minhash(tokens: Iterable[str]) -> Optional[np.ndarray]:
    """The MinHash signature (``LSH_BANDS * LSH_ROWS`` values) of a set of strings."""
    hashes = np.fromiter((token_hash(t) for t in sorted(set(tokens))), dtype=np.uint64)
    if hashes.size == 0:
        return None
    table = (hashes[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)
    return table.min(axis=0)


def lsh_keys(signature: Optional[np.ndarray]) -> List[str]:
    """One key per band: the band's rows hashed together."""
    if signature is None:
        return []
    out = []
    for band in range(LSH_BANDS):
        chunk = signature[band * LSH_ROWS : (band + 1) * LSH_ROWS].tobytes()
        out.append(f"l:{band}:{hashlib.blake2b(chunk, digest_size=6).hexdigest()}")
    return out


def blocking_keys(p: Profile, *, keyword_keys: int = KEYWORD_KEYS, lsh: bool = True) -> List[str]:
    """The blocking keys of one document profile, sorted."""
    keys: Set[str] = set()
    keys.update(f"p:{s}" for s in p.people)
    keys.update(f"o:{k}" for k in p.org_keys)
    keys.update(f"f:{k}" for k in p.figures)
    keys.update(f"d:{d}" for d in p.dates if len(d) == 10)
    keys.update(f"k:{w}" for w in p.keywords[:keyword_keys])
    if lsh and len(p.entity_tokens()) >= 3:
        keys.update(lsh_keys(minhash(p.entity_tokens())))
    return sorted(keys)


@dataclass
class Candidate:
    other: int  # index of the earlier document
    weight: float  # how much they share
    keys: Tuple[str, ...]  # which keys


_UNDATED = -1
#: at most this many common keys are remembered by name (for inspection)
COMMON_SHOWN = 1000
_MASK = (1 << 63) - 1
_COMMON = -1  # posting value of a key that went over the cut-off


def key_hash(key: str) -> int:
    """A stable 63-bit integer for a blocking key (ints take less memory than strings)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little") & _MASK


def _slot(h: int, bucket: int) -> int:
    return (h ^ ((bucket + 2) * 0x9E3779B97F4A7C15)) & _MASK


class BlockingIndex:
    """An inverted index from blocking keys to documents, split by publication date.

    ``add(profile)`` returns the earlier documents worth comparing with it. Postings are
    stored compactly: a key held by one document maps to that document's index, a key
    held by several to a list, a key over the cut-off to a marker.
    """

    def __init__(self, *, max_key_docs: int = 40, max_days: int = MAX_DAYS, max_candidates: int = 40, keyword_keys: int = KEYWORD_KEYS, lsh: bool = True) -> None:
        self.max_key_docs = max_key_docs
        self.max_days = max_days
        self.max_candidates = max_candidates
        self.keyword_keys = keyword_keys
        self.lsh = lsh
        #: (key, bucket) slot -> doc index | [doc indices] | _COMMON
        self.postings: Dict[int, object] = {}
        #: slots over the cut-off -> how many live documents hold them
        self.common_count: Dict[int, int] = {}
        #: key -> the buckets that hold it (an int, or a list when several)
        self.buckets: Dict[int, object] = {}
        #: live documents: publication day and the key hashes they are indexed under
        self.published: Dict[int, Optional[int]] = {}
        self.doc_keys: Dict[int, array] = {}
        #: keys that went over the cut-off in some bucket (for inspection; at most COMMON_SHOWN)
        self.common: Set[str] = set()

    def _bucket(self, day: Optional[int]) -> int:
        return _UNDATED if day is None else day // max(1, self.max_days)

    def _docs(self, slot: int) -> List[int]:
        v = self.postings.get(slot)
        if v is None or v == _COMMON:
            return []
        return [v] if isinstance(v, int) else v  # type: ignore[list-item]

    def add(self, p: Profile) -> List[Candidate]:
        """Index ``p`` and return its candidates among the documents added before it."""
        me = p.index
        day = p.published
        bucket = self._bucket(day)
        self.published[me] = day
        mine_keys = self.doc_keys[me] = array("q")
        shared: Dict[int, List[str]] = {}
        for key in blocking_keys(p, keyword_keys=self.keyword_keys, lsh=self.lsh):
            h = key_hash(key)
            slot = _slot(h, bucket)
            mine = self.postings.get(slot)
            mine_keys.append(h)
            if mine == _COMMON:
                self.common_count[slot] += 1
                continue
            size = 0 if mine is None else (1 if isinstance(mine, int) else len(mine))  # type: ignore[arg-type]
            if size >= self.max_key_docs:
                # too common to block on (in this period): forget its postings
                self.postings[slot] = _COMMON
                self.common_count[slot] = size + 1
                if len(self.common) < COMMON_SHOWN:
                    self.common.add(key)
                continue
            # the buckets to look in
            held = self.buckets.get(h)
            held_list = [] if held is None else ([held] if isinstance(held, int) else held)  # type: ignore[list-item]
            if bucket == _UNDATED:
                look = held_list
            else:
                look = [b for b in held_list if b in (bucket - 1, bucket, bucket + 1, _UNDATED)]
            others: List[int] = []
            for b in look:
                others.extend(self._docs(_slot(h, b)))
                if len(others) > self.max_key_docs:
                    break
            if len(others) <= self.max_key_docs:
                for other in others:
                    shared.setdefault(other, []).append(key)
            # index me
            if mine is None:
                self.postings[slot] = me
                if held is None:
                    self.buckets[h] = bucket
                elif isinstance(held, int):
                    if held != bucket:
                        self.buckets[h] = [held, bucket]
                elif bucket not in held:  # type: ignore[operator]
                    held.append(bucket)  # type: ignore[union-attr]
            elif isinstance(mine, int):
                self.postings[slot] = [mine, me]
            else:
                mine.append(me)  # type: ignore[union-attr]
        out: List[Candidate] = []
        for other, keys in shared.items():
            od = self.published.get(other)
            if day is not None and od is not None and abs(day - od) > self.max_days:
                continue
            w = sum(KEY_WEIGHT[k[0]] for k in keys)
            if w >= MIN_WEIGHT:
                out.append(Candidate(other, w, tuple(keys)))
        out.sort(key=lambda c: (-c.weight, c.other))
        return out[: self.max_candidates]

    def remove(self, index: int) -> None:
        """Forget a document: its postings, and the keys and buckets only it held."""
        keys = self.doc_keys.pop(index, None)
        if keys is None:
            return
        bucket = self._bucket(self.published.pop(index, None))
        for h in keys:
            slot = _slot(h, bucket)
            v = self.postings.get(slot)
            if v is None:
                continue
            if v == _COMMON:
                left = self.common_count[slot] - 1
                if left > 0:
                    self.common_count[slot] = left
                    continue
                del self.common_count[slot]
            elif isinstance(v, int):
                if v != index:
                    continue
            else:
                if index in v:  # type: ignore[operator]
                    v.remove(index)  # type: ignore[union-attr]
                if len(v) > 1:  # type: ignore[arg-type]
                    continue
                if v:
                    self.postings[slot] = v[0]  # type: ignore[index]
                    continue
            # the slot is empty now
            del self.postings[slot]
            held = self.buckets.get(h)
            if isinstance(held, int):
                if held == bucket:
                    del self.buckets[h]
            elif held is not None:
                if bucket in held:  # type: ignore[operator]
                    held.remove(bucket)  # type: ignore[union-attr]
                if len(held) == 1:  # type: ignore[arg-type]
                    self.buckets[h] = held[0]  # type: ignore[index]
                elif not held:
                    del self.buckets[h]

    def __len__(self) -> int:
        return len(self.doc_keys)


def candidate_pairs(profiles: Sequence[Profile], **options) -> List[Tuple[int, int]]:
    """All candidate pairs ``(earlier, later)`` of a list of profiles (by their index)."""
    index = BlockingIndex(**options)
    pairs: List[Tuple[int, int]] = []
    for p in profiles:
        for c in index.add(p):
            pairs.append((c.other, p.index))
    return pairs
