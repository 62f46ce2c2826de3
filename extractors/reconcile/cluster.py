"""Clustering candidate pairs into events, in batch or incrementally.

:class:`Reconciler` holds the records seen so far, their profiles, the corpus statistics
(IDF), the blocking index and the scored links between documents. ``add(records)``
profiles and indexes the new records and finds their candidates (cheap, linear);
``events()`` scores the pending candidate pairs, then re-clusters only the *region*
the new records touch: the new documents plus every existing event linked to one of
them. Events outside that region are kept as they are.

Clustering inside a region is average-linkage agglomeration over the sparse link graph
(a missing link counts as 0): two groups merge only when their *average* similarity is
at least ``threshold``, so one strong link between two otherwise unrelated groups does
not chain them together (two earthquakes in the same region, the 2018 and the 2023
statements on sentencing). Groups whose dated members would span more than
``max_days`` days never merge, nor do groups the group evidence tells apart: a dated
group and a group of undated documents that mostly refer to years long before it
(written years apart), two groups of at least 4 documents whose leads mostly name other
people. Afterwards small groups (at most 3 documents) join the group they are sparsely
but well linked to (:func:`attach_small`): short reports share few words with anything.
Last, single documents move to the group they agree with clearly more (:func:`refine`):
an undated report that agglomeration paired with a later report of the same story stays
there, though most of its links agree with the story's main group.
Ties are broken by the canonical document order, so the result does not depend on the
order the records arrive in.

Batch: :func:`reconcile` sorts the records canonically and runs one ``add`` and one
``events``. Incremental adds give the same events as a batch run whenever the events
outside the touched region are not changed by the shift in IDF statistics;
``refresh()`` re-clusters everything with the current statistics, which is exactly the
batch result for the records in their arrival order. An event whose members did not
change is not rebuilt, so its membership scores are those of the statistics at the time
it was built (``refresh()`` rebuilds them).
"""

from __future__ import annotations

import heapq
from array import array
from datetime import date
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple, Union

from ..errors import Errors
from ..records import DocumentRecord, EventRecord
from .blocking import BlockingIndex
from .events import build_event, member_order
from .similarity import MAX_DAYS, YEARS_APART, PairScore, Profile, Stats, keyword_vector, profile, score

#: default merge threshold on the average pair score
THRESHOLD = 0.25
#: links below this score are dropped (they cannot help a group reach the threshold much)
LINK_MIN = 0.15

#: after agglomeration, a group of at most ATTACH_SIZE documents joins the larger group it
#: is most linked to when it is linked to at least ATTACH_COVER of the document pairs
#: between them, with links of ATTACH_MEAN on average (short reports share few words
#: with each other: their links are sparse, not weak)
ATTACH_SIZE = 3
ATTACH_COVER = 0.3
ATTACH_MEAN = 0.25
#: ... by at least ATTACH_MIN_LINKS links (one link is a chain, not a membership), and
#: at least ATTACH_COHESION of the average link inside either group (missing = 0)
ATTACH_MIN_LINKS = 2
ATTACH_COHESION = 0.5

#: last, a document moves to another group when its agreement with that group (the sum,
#: over the group's members, of its link minus the merge threshold; a missing link is 0)
#: exceeds its agreement with its own group by at least REFINE_MARGIN (what three links
#: of 0.5 add at the default threshold), in at most REFINE_PASSES passes over the documents
REFINE_MARGIN = 0.75
REFINE_PASSES = 3

#: group evidence (what single documents do not say, a group does):
#: years of writing: a group with dated members does not merge with a group whose undated
#: members (at least GROUP_YEARS_MIN of them referring to some year) mostly (GROUP_SHARE)
#: refer to no year later than YEARS_APART before the first publication year
GROUP_YEARS_MIN = 4
#: lead participants: two groups of at least GROUP_LEAD_MIN documents whose leads mostly
#: (GROUP_SHARE of each group) name people, and none the same, do not merge
GROUP_LEAD_MIN = 4
#: groups whose every lead names a body, none shared: at least this many documents each
GROUP_ORG_MIN = 2
GROUP_SHARE = 2 / 3


class _UnionFind:
    def __init__(self) -> None:
        self.parent: Dict[int, int] = {}

    def find(self, x: int) -> int:
        p = self.parent.setdefault(x, x)
        while p != x:
            gp = self.parent.setdefault(p, p)
            self.parent[x] = gp
            x, p = p, gp
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def average_linkage(
    nodes: Sequence[int],
    links: Dict[int, Dict[int, float]],
    threshold: float,
    rank: Dict[int, int],
    days: Dict[int, Optional[int]],
    max_span: Optional[int],
    can_merge: Optional[Callable[[List[int], List[int]], bool]] = None,
    attach: Union[bool, Tuple[int, float, float]] = True,
    refine_moves: bool = True,
) -> List[List[int]]:
    """Agglomerate ``nodes`` by average linkage over sparse ``links`` (missing = 0).

    rank: a canonical order of the nodes, for deterministic ties.
    days: publication day ordinal per node (None when undated); groups whose dated
        members would span more than ``max_span`` days do not merge.
    can_merge: an optional veto on merging two groups (lists of nodes).
    attach: (size, cover, mean): afterwards, groups of at most ``size`` nodes join the
        larger group they are most linked to, when linked to at least ``cover`` of the
        pairs between them with links of ``mean`` on average (True: ATTACH_SIZE,
        ATTACH_COVER, ATTACH_MEAN; False: no attaching).
    refine_moves: last, single documents move to the group they agree with clearly more
        (see :func:`refine`).
    """
    members: Dict[int, List[int]] = {n: [n] for n in nodes}
    span: Dict[int, Tuple[Optional[int], Optional[int]]] = {n: (days.get(n), days.get(n)) for n in nodes}
    adj: Dict[int, Dict[int, float]] = {n: {} for n in nodes}
    node_set = set(nodes)
    for a in nodes:
        for b, s in links.get(a, {}).items():
            if b in node_set and a != b:
                adj[a][b] = s
    version: Dict[int, int] = {n: 0 for n in nodes}
    heap: List[Tuple[float, int, int, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        if rank[b] < rank[a]:
            a, b = b, a
        avg = adj[a][b] / (len(members[a]) * len(members[b]))
        if avg >= threshold:
            heapq.heappush(heap, (-round(avg, 9), rank[a], rank[b], a, b, version[a], version[b]))

    for a in nodes:
        for b in adj[a]:
            if rank[a] < rank[b]:
                push(a, b)
    while heap:
        _, _, _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        lo = [x for x in (span[a][0], span[b][0]) if x is not None]
        hi = [x for x in (span[a][1], span[b][1]) if x is not None]
        if (max_span is not None and lo and hi and max(hi) - min(lo) > max_span) or (can_merge is not None and not can_merge(members[a], members[b])):
            # never the same event: forget the link between these two groups
            adj[a].pop(b, None)
            adj[b].pop(a, None)
            continue
        # merge b into a (a has the lower rank)
        members[a].extend(members.pop(b))
        span[a] = (min(lo) if lo else None, max(hi) if hi else None)
        del span[b]
        for c, s in adj.pop(b).items():
            adj[c].pop(b, None)
            if c == a:
                continue
            adj[a][c] = adj[a].get(c, 0.0) + s
            adj[c][a] = adj[a][c]
        version[a] += 1
        adj[a].pop(a, None)
        for c in adj[a]:
            push(a, c)
    groups = [sorted(m, key=lambda n: rank[n]) for m in members.values()]
    if attach:
        size, cover, mean = (ATTACH_SIZE, ATTACH_COVER, ATTACH_MEAN) if attach is True else attach
        groups = attach_small(groups, links, rank, days, max_span, can_merge, size, cover, mean)
    if refine_moves:
        groups = refine(groups, links, threshold, rank, days, max_span, can_merge)
    return groups


def refine(
    groups: List[List[int]],
    links: Dict[int, Dict[int, float]],
    threshold: float,
    rank: Dict[int, int],
    days: Dict[int, Optional[int]],
    max_span: Optional[int],
    can_merge: Optional[Callable[[List[int], List[int]], bool]],
) -> List[List[int]]:
    """Local moves: a document leaves its group for another when it agrees clearly more
    with the other, counting for each group the sum over its members of (link -
    ``threshold``) (a missing link counts as 0; the objective average linkage
    approximates) and requiring REFINE_MARGIN more. Agglomeration merges whole groups, so
    a report that fits two groups (an undated report of a story told on two dates, most
    of whose reports are in the other group) stays with whichever it met first. The move
    keeps the date span and ``can_merge``; documents are taken in ``rank`` order."""
    groups = [list(g) for g in groups]
    where = {n: i for i, g in enumerate(groups) for n in g}
    order = sorted(where, key=lambda n: rank[n])
    for _ in range(REFINE_PASSES):
        moved = False
        for n in order:
            i = where[n]
            sums: Dict[int, float] = {}
            for m, s in links.get(n, {}).items():
                j = where.get(m)
                if j is not None:
                    sums[j] = sums.get(j, 0.0) + s
            stay = sums.get(i, 0.0) - threshold * (len(groups[i]) - 1)
            best: Optional[Tuple[float, int, int]] = None
            for j, total in sums.items():
                if j == i:
                    continue
                gain = total - threshold * len(groups[j])
                if gain <= stay + REFINE_MARGIN or gain <= 0:
                    continue
                other = groups[j]
                if best is not None and (gain, -rank[other[0]]) <= best[:2]:
                    continue
                dated = [days[x] for x in other + [n] if days.get(x) is not None]
                if max_span is not None and dated and max(dated) - min(dated) > max_span:
                    continue
                if can_merge is not None and not can_merge(other, [n]):
                    continue
                best = (gain, -rank[other[0]], j)
            if best is not None:
                j = best[2]
                groups[i].remove(n)
                groups[j] = sorted(groups[j] + [n], key=lambda x: rank[x])
                where[n] = j
                moved = True
        if not moved:
            break
    return [g for g in groups if g]


def _cohesion(group: List[int], links: Dict[int, Dict[int, float]]) -> float:
    """The average link between the members of a group (a missing link counts as 0)."""
    if len(group) < 2:
        return 0.0
    members = set(group)
    total = sum(s for x in group for y, s in links.get(x, {}).items() if y in members)
    return total / (len(group) * (len(group) - 1))


def attach_small(
    groups: List[List[int]],
    links: Dict[int, Dict[int, float]],
    rank: Dict[int, int],
    days: Dict[int, Optional[int]],
    max_span: Optional[int],
    can_merge: Optional[Callable[[List[int], List[int]], bool]],
    size: int,
    cover: float,
    mean: float,
) -> List[List[int]]:
    """Small groups (at most ``size`` nodes, smallest first) join the larger group they are
    most linked to (their summed links over all pairs), when the links cover at least
    ``cover`` of the pairs and average at least ``mean``, the dated members stay within
    ``max_span`` days and ``can_merge`` agrees. Average linkage counts a missing link as 0,
    which keeps a short report (few words in common with anything) out of its event."""
    groups = [list(g) for g in groups]
    where = {n: i for i, g in enumerate(groups) for n in g}
    host_cohesion: Dict[int, float] = {}
    order = sorted(range(len(groups)), key=lambda i: (len(groups[i]), rank[groups[i][0]]))
    for i in order:
        g = groups[i]
        if not g or len(g) > size:
            continue
        linked: Dict[int, List[float]] = {}
        for n in g:
            for m, s in links.get(n, {}).items():
                j = where.get(m)
                if j is not None and j != i:
                    linked.setdefault(j, []).append(s)
        # links much weaker than those inside either group do not make a member: a small
        # group that holds together more tightly is an event of its own (two reports of
        # one announcement); a group whose members link more tightly has its own story
        own = _cohesion(g, links)
        best: Optional[Tuple[float, int, int]] = None
        for j, scores in linked.items():
            other = groups[j]
            if len(other) <= len(g):
                continue
            pairs = len(g) * len(other)
            if len(scores) < max(ATTACH_MIN_LINKS, cover * pairs) or sum(scores) < mean * len(scores):
                continue
            if j not in host_cohesion:
                host_cohesion[j] = _cohesion(other, links)
            if sum(scores) < ATTACH_COHESION * max(own, host_cohesion[j]) * len(scores):
                continue
            dated = [days[n] for n in g + other if days.get(n) is not None]
            if max_span is not None and dated and max(dated) - min(dated) > max_span:
                continue
            if can_merge is not None and not can_merge(other, g):
                continue
            key = (round(sum(scores) / pairs, 9), -rank[other[0]], j)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is not None:
            j = best[2]
            groups[j] = sorted(groups[j] + g, key=lambda n: rank[n])
            host_cohesion.pop(j, None)
            for n in g:
                where[n] = j
            groups[i] = []
    return [g for g in groups if g]


class Reconciler:
    """Group document records into events, incrementally.

    >>> r = Reconciler()                               # doctest: +SKIP
    >>> r.add(records_of_monday)                       # doctest: +SKIP
    >>> r.add(records_of_tuesday)                      # doctest: +SKIP
    >>> events = r.events()                            # doctest: +SKIP

    threshold: the average pair score two groups need to merge (0-1; higher = stricter).
    max_days: publication dates further apart than this are never one event.
    max_key_docs: blocking keys held by more documents than this are ignored.
    max_candidates: candidates scored per new document (the ones sharing most keys).
    attach: after agglomeration, small groups join the group they are sparsely but well
        linked to (see :func:`attach_small`).
    participants: also veto merging groups whose salient people differ (experimental).
    refine: last, single documents move to the group they agree with clearly more (see
        :func:`refine`).
    """

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD,
        max_days: int = MAX_DAYS,
        max_key_docs: int = 40,
        max_candidates: int = 40,
        lsh: bool = True,
        link_min: float = LINK_MIN,
        participants: bool = False,
        attach: bool = True,
        refine: bool = True,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(Errors.E071.format(name="threshold", value=threshold, hint="between 0 and 1"))
        if max_days < 0 or max_key_docs < 2 or max_candidates < 1:
            raise ValueError(Errors.E071.format(name="max_days/max_key_docs/max_candidates", value=(max_days, max_key_docs, max_candidates), hint="max_days >= 0, max_key_docs >= 2, max_candidates >= 1"))
        self.threshold = threshold
        self.max_days = max_days
        self.participants = participants
        self.attach = attach
        self.refine = refine
        self.link_min = min(link_min, threshold)
        self.stats = Stats()
        self.index = BlockingIndex(max_key_docs=max_key_docs, max_days=max_days, max_candidates=max_candidates, lsh=lsh)
        #: the live documents by index (arrival order); closed ones are dropped
        self.records: Dict[int, DocumentRecord] = {}
        self.profiles: Dict[int, Profile] = {}
        self.ids: Dict[str, int] = {}
        #: the day each live document arrived on: its publication day, else the stream's
        #: newest day when it was added (None when nothing dated was seen yet)
        self.arrival: Dict[int, Optional[int]] = {}
        self._next = 0
        #: scored links: doc index -> {doc index: score}
        self.links: Dict[int, Dict[int, float]] = {}
        #: candidate pairs not scored yet (earlier, later), as two int arrays
        self._pending_a = array("l")
        self._pending_b = array("l")
        self._dirty: Set[int] = set()
        self._cluster_of: Dict[int, int] = {}  # doc index -> cluster key (lowest member index)
        self._clusters: Dict[int, List[int]] = {}
        self._built: Dict[Tuple[int, ...], EventRecord] = {}

    def __len__(self) -> int:
        return len(self.records)

    # ------------------------------------------------------------------ adding

    def add(self, records: Iterable[Union[DocumentRecord, Dict[str, Any]]], *, arrival: Optional[int] = None) -> None:
        """Add records (DocumentRecords or their dicts); they join events at the next ``events()``.

        arrival: the day (ordinal) undated records count as arriving on (see ``close``)."""
        for rec in records:
            if not isinstance(rec, DocumentRecord):
                rec = DocumentRecord.from_dict(rec)
            if rec.id in self.ids:
                raise ValueError(Errors.E070.format(id=rec.id))
            i = self._next
            self._next += 1
            self.ids[rec.id] = i
            self.records[i] = rec
            prof = profile(rec, i)
            self.profiles[i] = prof
            self.arrival[i] = prof.published if prof.published is not None else arrival
            self.stats.add(prof)
            for cand in self.index.add(prof):
                self._pending_a.append(cand.other)
                self._pending_b.append(i)
            self._dirty.add(i)

    # ------------------------------------------------------------------ scoring

    def _score_pairs(self, pairs: Iterable[Tuple[int, int]]) -> None:
        vectors: Dict[str, Dict[str, float]] = {}
        for a, b in pairs:
            pa, pb = self.profiles[a], self.profiles[b]
            for p in (pa, pb):
                if p.doc_id not in vectors:
                    if len(vectors) > 5_000:
                        vectors.clear()
                    vectors[p.doc_id] = keyword_vector(p, self.stats)
            ps = score(pa, pb, self.stats, vectors)
            if ps.score >= self.link_min and not ps.incompatible:
                self.links.setdefault(a, {})[b] = ps.score
                self.links.setdefault(b, {})[a] = ps.score
            else:
                self.links.get(a, {}).pop(b, None)
                self.links.get(b, {}).pop(a, None)

    def pair_score(self, a: str, b: str) -> PairScore:
        """The score and reasons of two documents by id (with the current statistics)."""
        return score(self.profiles[self.ids[a]], self.profiles[self.ids[b]], self.stats)

    # ------------------------------------------------------------------ clustering

    def _recluster(self, region: Set[int]) -> None:
        order = sorted(region, key=lambda i: member_order(self.records[i]))
        rank = {n: r for r, n in enumerate(order)}
        days = {n: self.profiles[n].published for n in region}
        uf = _UnionFind()
        for a in order:
            uf.find(a)
            for b, s in self.links.get(a, {}).items():
                if b in region and s >= self.link_min:
                    uf.union(a, b)
        comps: Dict[int, List[int]] = {}
        for a in order:
            comps.setdefault(uf.find(a), []).append(a)
        for old in {self._cluster_of[n] for n in region if n in self._cluster_of}:
            self._clusters.pop(old, None)
        for comp in comps.values():
            if len(comp) == 1:
                groups = [comp]
            else:
                groups = average_linkage(comp, self.links, self.threshold, rank, days, self.max_days, self._can_merge, self.attach, self.refine)
            for g in groups:
                key = min(g)
                self._clusters[key] = g
                for n in g:
                    self._cluster_of[n] = key

    def _can_merge(self, a: List[int], b: List[int]) -> bool:
        """Group evidence against merging two groups: written years apart, leads about
        other people; with ``participants=True`` also different salient people."""
        if self._years_apart(a, b) or self._years_apart(b, a) or self._other_lead_people(a, b) \
                or self._other_lead_orgs(a, b):
            return False
        if not self.participants:
            return True
        sa, sb = self._salient(a), self._salient(b)
        if not sa or not sb:
            return True
        return not (sa - sb and sb - sa)

    def _years_apart(self, dated: List[int], undated: List[int]) -> bool:
        """``dated``'s members were published in some year; most undated members of
        ``undated`` that refer to years refer to none later than YEARS_APART before it
        (an article refers to the current or the previous year): written years apart.
        One undated document may recall old years; a group of them says when it was written."""
        pub = [p.published for p in (self.profiles[n] for n in dated) if p.published is not None]
        if not pub:
            return False
        latest = [p.years[-1] for p in (self.profiles[n] for n in undated) if p.published is None and p.years]
        if len(latest) < GROUP_YEARS_MIN:
            return False
        first = date.fromordinal(min(pub)).year
        return sum(1 for y in latest if y <= first - YEARS_APART) >= GROUP_SHARE * len(latest)

    def _other_lead_people(self, a: List[int], b: List[int]) -> bool:
        """Two groups of at least GROUP_LEAD_MIN documents whose leads mostly name people,
        none of them the same: two stories about different people."""
        if min(len(a), len(b)) < GROUP_LEAD_MIN:
            return False
        la, lb = self._lead_people(a), self._lead_people(b)
        return bool(la and lb and not (la & lb))

    def _other_lead_orgs(self, a: List[int], b: List[int]) -> bool:
        """Two groups of at least GROUP_ORG_MIN documents each, all of whose leads name a
        body, none of them the same: the results of two companies, the decisions of two
        central banks ("Shell profits hit record" / "BP makes record profit")."""
        if min(len(a), len(b)) < GROUP_ORG_MIN:
            return False
        if not all(self.profiles[n].lead_orgs for n in a) or not all(self.profiles[n].lead_orgs for n in b):
            return False
        la = self._shared(a, "lead_orgs", len(a))
        lb = self._shared(b, "lead_orgs", len(b))
        if la and lb and not (la & lb) and not any(self.profiles[n].lead_orgs & lb for n in a) \
                and not any(self.profiles[n].lead_orgs & la for n in b):
            return True
        # every lead of one group names a body that no document of the other names at all,
        # and no lead of that group names the other's own lead bodies (the HSBC fine recalls
        # NatWest's of the same week lower down; the NatWest reports never name HSBC)
        return self._unnamed_in(la, lb, a, b) or self._unnamed_in(lb, la, b, a)

    def _unnamed_in(self, keys: Set[str], other_keys: Set[str], group: List[int], other: List[int]) -> bool:
        """Some of ``keys`` (every lead of ``group`` names them) is named by no document of
        ``other``, whose own lead bodies (``other_keys``, less the shared ones) no lead of
        ``group`` names."""
        own = other_keys - keys
        if not own or any(self.profiles[n].lead_orgs & own for n in group):
            return False
        return any(all(k not in self.profiles[n].org_keys for n in other) for k in keys)

    def _shared(self, group: List[int], attr: str, need: float) -> Set[str]:
        """The values of the profiles' ``attr`` that at least ``need`` documents of the group hold."""
        counts: Dict[str, int] = {}
        for n in group:
            for s in getattr(self.profiles[n], attr):
                counts[s] = counts.get(s, 0) + 1
        return {s for s, c in counts.items() if c >= need}

    def _lead_people(self, group: List[int]) -> Set[str]:
        return self._shared(group, "lead_people", max(1.0, GROUP_SHARE * len(group)))

    def _salient(self, group: List[int]) -> Set[str]:
        return self._shared(group, "salient", max(1, (len(group) + 1) // 2))

    def _update(self, full: bool = False) -> None:
        if not self._dirty and not full and not len(self._pending_a):
            return
        pending_a, pending_b = self._pending_a, self._pending_b
        self._pending_a, self._pending_b = array("l"), array("l")
        self._score_pairs(zip(pending_a, pending_b))
        del pending_a, pending_b
        if full:
            region = set(self.records)
        else:
            region = set(self._dirty)
            touched = set()
            for n in self._dirty:
                for m in self.links.get(n, {}):
                    if m in self._cluster_of:
                        touched.add(self._cluster_of[m])
            for key in touched:
                region.update(self._clusters.get(key, []))
        # links between old documents of the region were scored with older statistics
        # (every pair with a new document was scored just now)
        dirty = self._dirty
        old_pairs = [(a, b) for a in sorted(region) if a not in dirty for b in self.links.get(a, {}) if a < b and b in region and b not in dirty]
        self._score_pairs(old_pairs)
        self._recluster(region)
        self._dirty.clear()

    def close(self, before: Optional[int] = None, *, first_number: int = 1) -> List[EventRecord]:
        """Build and forget the events that can no longer change: every member arrived
        before day ``before`` (all events when None). Their records, profiles, postings,
        links and document frequencies are dropped, so a stream keeps only a window in
        memory. Event ids are numbered from ``first_number`` in the order of their first
        document."""
        self._update()
        done = []
        for g in self._clusters.values():
            if before is None or all((self.arrival[n] if self.arrival[n] is not None else before - 1) < before for n in g):
                done.append(g)
        done.sort(key=lambda g: min(member_order(self.records[n]) for n in g))
        out = []
        for num, g in enumerate(done, first_number):
            key = tuple(sorted(g))
            ev = self._built.pop(key, None)
            event_id = f"ev-{num:04d}"
            if ev is None:
                ev = build_event(event_id, [self.records[n] for n in g], self._member_scores(g))
            elif ev.event_id != event_id:
                ev = _renumber(ev, event_id)
            out.append(ev)
        for g in done:
            self._clusters.pop(min(g), None)
            for n in g:
                self._forget(n)
        return out

    def _forget(self, n: int) -> None:
        rec = self.records.pop(n)
        self.ids.pop(rec.id, None)
        prof = self.profiles.pop(n)
        self.arrival.pop(n, None)
        self.stats.remove(prof)
        self.index.remove(n)
        for m in self.links.pop(n, {}):
            other = self.links.get(m)
            if other is not None:
                other.pop(n, None)
                if not other:
                    del self.links[m]
        self._cluster_of.pop(n, None)
        self._dirty.discard(n)

    def refresh(self) -> None:
        """Re-score every link, re-cluster and rebuild every event with the current statistics."""
        self._update(full=True)
        self._built.clear()

    def events(self) -> List[EventRecord]:
        """The events so far, ordered by their first document (dated first, by date, then by id)."""
        self._update()
        clusters = sorted(self._clusters.values(), key=lambda g: min(member_order(self.records[n]) for n in g))
        out: List[EventRecord] = []
        built: Dict[Tuple[int, ...], EventRecord] = {}
        for num, g in enumerate(clusters, 1):
            event_id = f"ev-{num:04d}"
            key = tuple(sorted(g))
            ev = self._built.get(key)
            if ev is None:
                ev = build_event(event_id, [self.records[n] for n in g], self._member_scores(g))
            elif ev.event_id != event_id:
                ev = _renumber(ev, event_id)
            built[key] = ev
            out.append(ev)
        self._built = built
        return out

    def _member_scores(self, group: List[int]) -> Dict[Tuple[str, str], PairScore]:
        """Pair scores with reasons for the links inside a group (for memberships)."""
        out: Dict[Tuple[str, str], PairScore] = {}
        gs = set(group)
        for a in group:
            for b in self.links.get(a, {}):
                if b in gs and a < b:
                    ps = score(self.profiles[a], self.profiles[b], self.stats)
                    out[(ps.a, ps.b)] = ps
        return out


def _renumber(ev: EventRecord, event_id: str) -> EventRecord:
    old = ev.event_id
    new = EventRecord.from_dict(ev.to_dict())
    new.event_id = event_id
    for c in new.claims:
        if c.id.startswith(old):
            c.id = event_id + c.id[len(old):]
    return new


def reconcile(records: Iterable[Union[DocumentRecord, Dict[str, Any]]], **options: Any) -> List[EventRecord]:
    """Group records that report the same event and build one EventRecord per event.

    Records are taken in a canonical order (dated by date, then undated; ties by id), so
    the result does not depend on the input order. Options: see :class:`Reconciler`.
    """
    recs = [r if isinstance(r, DocumentRecord) else DocumentRecord.from_dict(r) for r in records]
    recs.sort(key=member_order)
    rec = Reconciler(**options)
    rec.add(recs)
    return rec.events()
