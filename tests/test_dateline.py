"""Datelines: the publication date from an article's header, never from its body."""

from __future__ import annotations

import pytest
import spacy

from extractors.normalize.dateline import find_dateline


@pytest.mark.parametrize(
    "text, iso, span",
    [
        ("Ali Miraj 12pm - 3pm\nHeadline about something\n13 December 2023, 17:54 | Updated: 14 December 2023, 12:30\nThe head of the agency said.",
         "2023-12-13", "13 December 2023, 17:54"),
        ("Solicitor General urges tougher sentences\n\nTuesday, 7th August 2018, 11:07 am\nUpdated Tuesday, 7th August 2018, 12:13 pm\nBody.",
         "2018-08-07", "Tuesday, 7th August 2018, 11:07 am"),
        ("A headline\nPublished: 3 August 2023\nText of the story.", "2023-08-03", "3 August 2023"),
        ("A headline\nPosted on August 3, 2023 at 9:15 am\nText.", "2023-08-03", "August 3, 2023 at 9:15 am"),
        ("A headline\nAugust 3, 2023\nText.", "2023-08-03", "August 3, 2023"),
        ("2023-08-03\nHeadline\nText.", "2023-08-03", "2023-08-03"),
        ("Headline\nBy Jane Smith | 12 Jan 2022\nBody text here.", "2022-01-12", "12 Jan 2022"),
        ("Headline\nThursday 12 October 2023\nBody.", "2023-10-12", "Thursday 12 October 2023"),
        # only an Updated date: taken, as the best the header offers
        ("Headline\nUpdated: 14 December 2023, 12:30\nBody.", "2023-12-14", "14 December 2023, 12:30"),
        # the clock time written before the date
        ("Headline\nPublished: 13:45 GMT, 7 August 2018\nBody.", "2018-08-07", "7 August 2018"),
        ("Headline\nLast updated at 10:03 on 3 May 2012\nBody.", "2012-05-03", "3 May 2012"),
        ("Headline\nPUBLISHED: 10:03, 3 May 2012 | UPDATED: 12:00, 4 May 2012\nBody.", "2012-05-03", "3 May 2012"),
        ("Headline\nPosted at 9am on 3 May 2012\nBody.", "2012-05-03", "3 May 2012"),
    ],
)
def test_find_dateline(text, iso, span):
    found = find_dateline(text)
    assert found is not None
    assert found[0] == iso
    assert text[found[1]:found[2]] == span


@pytest.mark.parametrize(
    "text",
    [
        "The man was arrested on 13 December 2022 in Leeds and charged the next day.\nMore text.",
        "Figures for 2022 show a rise.\nOn 13 December the agency spoke.",
        "According to the NCA, most offenders avoid prison.\n\nThe agency is urging tougher sentences.",
        "Headline\nThe report, published on 3 August 2023 by the ministry, found that crime rose sharply.",
        "Headline\nThe meeting at 10:03 on 3 May 2012 was tense.\nBody.",
        "",
        "Headline only",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_header_only():
    body = "x" * 700 + "\n13 December 2023\n"
    assert find_dateline(body) is None


def test_seed_headers(seed_texts):
    got = {k: (find_dateline(v) or (None,))[0] for k, v in seed_texts.items()}
    assert got["000_2c6540ea96e3f154"] == "2023-12-13"
    assert got["002_224bc2a0da9a5c12"] == "2018-08-07"
    # articles without a header date
    assert got["001_b803fd18010042b4"] is None
    assert got["003_0cc09721841d4aae"] is None
    assert got["004_35d2a727a001a6df"] is None


def test_component_sets_published_from_text():
    from extractors.components import dateline  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline")
    text = "Headline\n13 December 2023, 17:54 | Updated: 14 December 2023, 12:30\nBody."
    doc = nlp(text)
    assert doc._.published == "2023-12-13"
    assert doc._.published_source == "text"
    s, e = doc._.published_span
    assert text[s:e] == "13 December 2023, 17:54"


def test_component_leaves_metadata_alone():
    from extractors.components import dateline  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline")
    doc = nlp.make_doc("Headline\n13 December 2023\nBody.")
    doc._.published = "2023-12-14"
    doc._.published_source = "metadata"
    doc = nlp.get_pipe("dateline")(doc)
    assert (doc._.published, doc._.published_source, doc._.published_span) == ("2023-12-14", "metadata", None)


def test_component_without_dateline():
    from extractors.components import dateline  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline")
    doc = nlp("No header here. The agency spoke in 2022.")
    assert doc._.published is None and doc._.published_source == "none"


@pytest.mark.parametrize("day_first, iso", [(True, "2023-08-03"), (False, "2023-03-08")])
def test_component_numeric_dateline_order(day_first, iso):
    from extractors.components import dateline  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline", config={"day_first": day_first})
    assert nlp("Headline\n03/08/2023 09:15\nBody.")._.published == iso
