"""Shared fixtures. The trained pipeline is loaded once per session; tests that need
``../shared`` (real seed articles, external corpora) skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractors.records import Claim, ClaimReport, DocumentRecord, EventClaim, EventRecord, Membership, Official, Role

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EXTRACTORS_SHARED", ROOT.parent / "shared"))
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (real seed articles and external corpora)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is absent")
    return seeds


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict:
    """Seed articles by id (file name without extension), read byte-exact."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline (base model + every component), loaded once."""
    from extractors.pipeline import load

    return load()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


# small hand-built records for table/export tests
@pytest.fixture()
def sample_docs():
    return [
        DocumentRecord(id="a", source="Wire", published="2023-12-13",
                       officials=[Official(id="P1", name="Graeme Biggar", title="Director General", organisation="National Crime Agency", roles=[Role("Director General", "National Crime Agency")])],
                       claims=[Claim(id="C1", text="80%", start=0, end=3, value=80.0, unit="percent", source="National Crime Agency", time="2022", sentence="80% avoid jail.")]),
        DocumentRecord(id="b"),
    ]


@pytest.fixture()
def sample_events():
    return [EventRecord(event_id="ev-1", doc_ids=["a", "b"], members=[Membership("a", 1.0, ["shared officials"])],
                        claims=[EventClaim(id="1", value=80.0, low=None, high=None, unit="percent", doc_ids=["a", "b"], status="agreed",
                                           reports=[ClaimReport(doc_id="a", claim_id="C1", text="80%", start=0, end=3, value=80.0), ClaimReport(doc_id="b", claim_id="C4", text="eight in 10", start=5, end=16, value=80.0)])])]
