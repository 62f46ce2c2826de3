"""Every word list and gazetteer in extractors/data loads and has the expected shape."""

from __future__ import annotations

import pytest

from extractors import data
from extractors.components.organisations import Gazetteer, load_gazetteer, load_not_orgs, load_titles

ORG_TYPES = {
    "government department", "police force", "agency", "charity", "company", "political party", "court",
    "media outlet", "central bank", "legislature", "international organisation", "regulator", "committee",
    "health body", "university", "trade union",
}


def test_organisations_rows_have_the_documented_fields():
    rows = data.load_jsonl("organisations.jsonl")
    assert len(rows) >= 200
    names = set()
    for row in rows:
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"] and row["name"]
        assert row["name"] not in names, f"duplicate {row['name']}"
        names.add(row["name"])
        acr = row["acronym"]
        # "NCA", "MoJ", and word-like ones ("Defra", "Fed"): one capitalised word of at most 10 characters
        assert acr is None or (acr[0].isupper() and " " not in acr and len(acr) <= 10), row
        assert isinstance(row["aliases"], list) and all(isinstance(a, str) and a for a in row["aliases"])
        assert row["type"] in ORG_TYPES, row
        for key in ("titles", "offices"):
            assert all(isinstance(t, str) and t for t in row.get(key, []))
        assert set(row) <= {"name", "acronym", "aliases", "type", "country", "titles", "offices", "place", "distinct", "short"}
        # short forms: one capitalised word that is a word of the name ("Forest" of "Nottingham Forest")
        assert all(" " not in f and f[:1].isupper() and (f in row["name"].split() or f in " ".join(row["aliases"]).split()
                                                         or f in ("Boro", "Wolves", "Hammers"))
                   for f in row.get("short", [])), row


@pytest.mark.parametrize("name,acronym,type_", [
    ("National Crime Agency", "NCA", "agency"),
    ("Ministry of Justice", "MoJ", "government department"),
    ("Crown Prosecution Service", "CPS", "agency"),
    ("National Society for the Prevention of Cruelty to Children", "NSPCC", "charity"),
    ("Child Exploitation and Online Protection Centre", "CEOP", "agency"),
    ("Office for National Statistics", "ONS", "agency"),
    ("Home Office", None, "government department"),
    ("Bank of England", "BoE", "central bank"),
    ("Metropolitan Police Service", "MPS", "police force"),
    ("Federal Bureau of Investigation", "FBI", "agency"),
])
def test_seed_bodies_are_in_the_gazetteer(name, acronym, type_):
    gaz = load_gazetteer()
    idx = gaz.lookup(name)
    assert idx is not None
    entry = gaz.entries[idx]
    assert (entry.acronym, entry.type) == (acronym, type_)
    if acronym:
        assert gaz.lookup(acronym) == idx


def test_gazetteer_offices_and_places():
    gaz = load_gazetteer()
    assert gaz.entries[gaz.office_of["home secretary"]].name == "Home Office"
    assert gaz.entries[gaz.police_by_place["norfolk"]].name == "Norfolk Constabulary"
    assert isinstance(gaz, Gazetteer)


def test_titles_are_lower_case_unique_and_cover_the_seed_titles():
    lines = data.load_lines("titles.txt")
    assert len(lines) == len({t.lower() for t in lines}), "duplicate titles"
    titles = set(load_titles())
    for t in ("director general", "chief constable", "home secretary", "solicitor general", "governor",
              "chancellor", "prime minister", "chief executive", "head of strategy", "spokesperson"):
        assert t in titles
    # longest first, so the phrase matcher's longest match wins in any order of use
    lengths = [len(t.split()) for t in load_titles()]
    assert lengths == sorted(lengths, reverse=True)


def test_not_organisations():
    words = load_not_orgs()
    assert "cctv" in words and "government" in words
    assert "national crime agency" not in words


def test_distinct_names_are_one_word_and_no_ordinary_word():
    gaz = load_gazetteer()
    distinct = [e for e in gaz.entries if e.distinct]
    assert any(e.name == "Ofgem" for e in distinct)
    for e in distinct:
        forms = [f for f in [e.name] + e.aliases if " " not in f]
        assert forms and all(f[:1].isupper() or f[:1].islower() and any(c.isupper() for c in f) for f in forms), e.name
