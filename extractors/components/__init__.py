"""spaCy components. Importing this package registers every factory with spaCy
(the same happens lazily through the ``spacy_factories`` entry points)."""

from . import claims, dateline, dates, officials, organisations, quotes  # noqa: F401

__all__ = ["claims", "dateline", "dates", "officials", "organisations", "quotes"]
