"""Blocking: candidate pairs from shared keys, without comparing all pairs."""

from __future__ import annotations

import numpy as np

from extractors.records import Claim, DocumentRecord, Official, Organisation
from extractors.reconcile.blocking import BlockingIndex, blocking_keys, candidate_pairs, lsh_keys, minhash
from extractors.reconcile.similarity import profile


def rec(doc_id, *, published=None, people=(), orgs=(), figures=(), keywords=()):
    return DocumentRecord(
        id=doc_id,
        published=published,
        officials=[Official(id=f"P{i}", name=n) for i, n in enumerate(people)],
        organisations=[Organisation(id=f"O{i}", name=n, acronym=a) for i, (n, a) in enumerate(orgs)],
        claims=[Claim(id=f"C{i}", text=str(v), start=0, end=1, value=v, unit=u) for i, (v, u) in enumerate(figures)],
        keywords=list(keywords),
    )


def profiles(*recs):
    return [profile(r, i) for i, r in enumerate(recs)]


def test_keys_cover_every_kind():
    p = profile(rec("a", published="2023-12-13", people=["Graeme Biggar"], orgs=[("National Crime Agency", "NCA")], figures=[(830000, "adults"), (80, "percent"), (3, "children")], keywords=["images", "children"]))
    keys = blocking_keys(p)
    assert {"p:biggar", "o:nca", "o:national crime agency", "f:n:830000", "f:pct:80", "k:images"} <= set(keys)
    assert "f:n:3" not in keys  # tiny counts are not distinctive
    assert any(k.startswith("l:") for k in keys)
    assert keys == sorted(keys)


def test_shared_people_and_figures_make_candidates():
    a = rec("a", published="2023-12-13", people=["Graeme Biggar"], figures=[(830000, "adults")], keywords=["images"])
    b = rec("b", published="2023-12-14", people=["Biggar"], figures=[(830000, "adults")], keywords=["prison"])
    c = rec("c", published="2023-12-13", people=["Maria Lopez"], keywords=["earthquake"])
    assert candidate_pairs(profiles(a, b, c)) == [(0, 1)]


def test_publication_window_blocks_far_apart_documents():
    a = rec("a", published="2018-08-07", people=["Robert Buckland"], orgs=[("Ministry of Justice", "MoJ")], keywords=["images", "sentences"])
    b = rec("b", published="2023-12-13", people=["Robert Buckland"], orgs=[("Ministry of Justice", "MoJ")], keywords=["images", "sentences"])
    assert candidate_pairs(profiles(a, b)) == []


def test_undated_document_meets_dated_ones():
    a = rec("a", published="2018-08-07", people=["Robert Buckland"], keywords=["images", "sentences"])
    b = rec("b", published=None, people=["Robert Buckland"], keywords=["images", "sentences"])
    c = rec("c", published="2023-12-13", people=["Robert Buckland"], keywords=["images", "sentences"])
    pairs = candidate_pairs(profiles(a, b, c))
    assert (0, 1) in pairs and (1, 2) in pairs and (0, 2) not in pairs


def test_frequency_cut_off_drops_common_keys():
    docs = [rec(f"d{i}", orgs=[("Police", None)], keywords=["police", f"unique{i}"]) for i in range(12)]
    index = BlockingIndex(max_key_docs=5, lsh=False)
    found = [index.add(p) for p in profiles(*docs)]
    # the first five share "police"; after that the key is too common to block on
    assert all(len(c) == 0 for c in found[6:])
    assert "o:police" in index.common


def test_not_all_pairs():
    docs = [rec(f"d{i}", people=[f"Person{i} Surname{i}"], keywords=[f"topic{i}", f"word{i}"]) for i in range(300)]
    assert candidate_pairs(profiles(*docs)) == []


def test_candidates_per_document_are_capped():
    docs = [rec(f"d{i}", people=["Graeme Biggar"], keywords=["images", "nca"]) for i in range(30)]
    index = BlockingIndex(max_candidates=5, max_key_docs=100)
    sizes = [len(index.add(p)) for p in profiles(*docs)]
    assert max(sizes) == 5


def test_minhash_is_deterministic_and_order_free():
    s1 = minhash(["k:images", "p:biggar", "o:nca"])
    s2 = minhash(["o:nca", "k:images", "p:biggar", "o:nca"])
    assert s1 is not None and np.array_equal(s1, s2)
    assert lsh_keys(s1) == lsh_keys(s2)
    assert minhash([]) is None
    # similar sets share some bands, disjoint sets none
    big = [f"k:w{i}" for i in range(20)]
    near = lsh_keys(minhash(big + ["k:extra"]))
    assert set(lsh_keys(minhash(big))) & set(near)
    assert not set(lsh_keys(minhash(big))) & set(lsh_keys(minhash([f"k:v{i}" for i in range(20)])))
