"""Shared fixtures. The trained pipeline is loaded once per session; tests that need
``../shared`` (real seed articles, external corpora) skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
