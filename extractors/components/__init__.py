"""spaCy components, one module each. A module registers its factory when imported;
spaCy imports them on demand through the ``spacy_factories`` entry points, and
:func:`extractors.pipeline.load` imports the ones it adds."""

MODULES = ("dateline", "organisations", "officials", "quotes", "dates", "claims")
