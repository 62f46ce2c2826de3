"""Package data: gazetteers, word lists and the JSON Schemas.

Files are read lazily (on first use) and cached; nothing is loaded at import time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, List


def path(name: str):
    """A traversable for a file shipped in ``extractors/data``."""
    return resources.files(__name__).joinpath(name)


def read_text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> List[Any]:
    """Rows of a JSONL data file (blank lines and ``#`` comments skipped)."""
    rows = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(json.loads(line))
    return rows


@lru_cache(maxsize=None)
def load_lines(name: str) -> List[str]:
    """Non-empty, non-comment lines of a text data file."""
    out = []
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    return json.loads(read_text(name))
