"""TIMEX3 normaliser: gold cases, anchored and unanchored."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.normalize.timex import Timex, normalise, parse_number

A2018 = dt.date(2018, 8, 7)  # a Tuesday
A2013 = dt.date(2013, 3, 20)  # a Wednesday, ISO week 12
A1989 = dt.date(1989, 10, 27)  # a Friday, Q4


@pytest.mark.parametrize(
    "text, anchor, tense, type_, value",
    [
        # absolute dates at every granularity
        ("2022", A2018, None, "DATE", "2022"),
        ("in 2022", A2018, None, "DATE", "2022"),
        ("March 2020", A2018, None, "DATE", "2020-03"),
        ("13 December 2023", None, None, "DATE", "2023-12-13"),
        ("December 13, 2023", None, None, "DATE", "2023-12-13"),
        ("Sept. 27, 1989", None, None, "DATE", "1989-09-27"),
        ("7th of August, 2018", None, None, "DATE", "2018-08-07"),
        ("Tuesday, 7th August 2018", None, None, "DATE", "2018-08-07"),
        ("2023-08-03", None, None, "DATE", "2023-08-03"),
        ("03/08/2023", None, None, "DATE", "2023-08-03"),
        ("the year 2000", None, None, "DATE", "2000"),
        ("nineteen ninety-one", None, None, "DATE", "1991"),
        # month names anchored on the publication year, with the tense
        ("March", A2018, None, "DATE", "2018-03"),
        ("in March", A2018, "past", "DATE", "2018-03"),
        ("November", A2018, "past", "DATE", "2017-11"),
        ("November", A2018, "future", "DATE", "2018-11"),
        ("January", A2018, "future", "DATE", "2019-01"),
        ("January", dt.date(1989, 11, 20), None, "DATE", "1990-01"),
        ("last October", dt.date(2023, 8, 3), None, "DATE", "2022-10"),
        ("last June", dt.date(2023, 8, 3), None, "DATE", "2023-06"),
        ("August last year", dt.date(2024, 8, 1), None, "DATE", "2023-08"),
        ("Aug. 7", A2018, None, "DATE", "2018-08-07"),
        ("Dec. 1", dt.date(1989, 11, 2), "past", "DATE", "1989-12-01"),
        ("Dec. 1", dt.date(1989, 3, 2), "past", "DATE", "1988-12-01"),
        # weekdays: the most recent one unless the verb is in the future
        ("Tuesday", A2018, None, "DATE", "2018-08-07"),
        ("Friday", A2018, "past", "DATE", "2018-08-03"),
        ("Friday", A2018, "future", "DATE", "2018-08-10"),
        ("next Monday", A2018, None, "DATE", "2018-08-13"),
        ("last Tuesday", A2018, None, "DATE", "2018-07-31"),
        ("Friday morning", A1989, None, "TIME", "1989-10-27TMO"),
        # relative units
        ("last year", A2018, None, "DATE", "2017"),
        ("Last year", dt.date(2023, 12, 13), None, "DATE", "2022"),
        ("next year", A2018, None, "DATE", "2019"),
        ("this year", A2018, None, "DATE", "2018"),
        ("last month", A2018, None, "DATE", "2018-07"),
        ("this week", A2013, None, "DATE", "2013-W12"),
        ("the last week", A2013, None, "DATE", "2013-W11"),
        ("last week", A2013, None, "DATE", "2013-W11"),
        ("yesterday", A2018, None, "DATE", "2018-08-06"),
        ("today", A2018, None, "DATE", "2018-08-07"),
        ("tomorrow", A2018, None, "DATE", "2018-08-08"),
        ("tonight", A2018, None, "TIME", "2018-08-07TNI"),
        ("two years ago", A2018, None, "DATE", "2016"),
        ("a decade ago", A1989, None, "DATE", "1979"),
        ("three days ago", A2018, None, "DATE", "2018-08-04"),
        ("earlier this year", A2018, None, "DATE", "2018"),
        ("earlier this month", dt.date(2022, 11, 16), None, "DATE", "2022-11"),
        # decades, centuries
        ("the 1990s", None, None, "DATE", "199"),
        ("the '90s", A2018, None, "DATE", "199"),
        ("the nineties", None, None, "DATE", "199"),
        ("the 20th century", None, None, "DATE", "19"),
        ("the nineteenth century", None, None, "DATE", "18"),
        # quarters, halves, seasons
        ("the third quarter", A1989, None, "DATE", "1989-Q3"),
        ("third-quarter", A1989, None, "DATE", "1989-Q3"),
        ("the first quarter of 2013", None, None, "DATE", "2013-Q1"),
        ("Q1 2013", None, None, "DATE", "2013-Q1"),
        ("the latest quarter", A1989, None, "DATE", "1989-Q3"),
        ("the second half of this year", dt.date(2024, 8, 1), None, "DATE", "2024-H2"),
        ("the last half of 1989", None, None, "DATE", "1989-H2"),
        ("summer 2013", None, None, "DATE", "2013-SU"),
        ("this summer", A2013, None, "DATE", "2013-SU"),
        ("last autumn", dt.date(2023, 8, 3), None, "DATE", "2022-FA"),
        ("this winter", dt.date(2023, 10, 12), None, "DATE", "2023-WI"),
        # references
        ("now", A2018, None, "DATE", "PRESENT_REF"),
        ("currently", None, None, "DATE", "PRESENT_REF"),
        ("the past", A2018, None, "DATE", "PAST_REF"),
        ("recently", A2018, None, "DATE", "PAST_REF"),
        ("the future", A2018, None, "DATE", "FUTURE_REF"),
        ("the years ahead", A2018, None, "DATE", "FUTURE_REF"),
        # durations
        ("20 months", None, None, "DURATION", "P20M"),
        ("two years", None, None, "DURATION", "P2Y"),
        ("a decade", None, None, "DURATION", "P10Y"),
        ("a month", None, None, "DURATION", "P1M"),
        ("a year", None, None, "DURATION", "P1Y"),
        ("the past three years", A2018, None, "DURATION", "P3Y"),
        ("the next two years", A2018, None, "DURATION", "P2Y"),
        ("the first nine months", A1989, None, "DURATION", "P9M"),
        ("30-year", None, None, "DURATION", "P30Y"),
        ("five-hour", None, None, "DURATION", "PT5H"),
        ("5 1/2 hours", None, None, "DURATION", "PT5H30M"),
        ("2 1/2 years", None, None, "DURATION", "P2Y6M"),
        ("a minute and a half", None, None, "DURATION", "PT1M30S"),
        ("several months", None, None, "DURATION", "PXM"),
        ("weeks", None, None, "DURATION", "PXW"),
        ("the next few years", A2018, None, "DURATION", "PXY"),
        ("the past two quarters", A1989, None, "DURATION", "P2Q"),
        ("the past decade", A2018, None, "DURATION", "P10Y"),
        ("two to three weeks", None, None, "DURATION", "P2W"),
        # sets
        ("every day", None, None, "SET", "P1D"),
        ("every month", None, None, "SET", "P1M"),
        ("each month", None, None, "SET", "P1M"),
        ("each day", None, None, "SET", "P1D"),
        ("every 10 years", None, None, "SET", "P10Y"),
        ("weekly", None, None, "SET", "P1W"),
        ("annually", None, None, "SET", "P1Y"),
        ("twice a week", None, None, "SET", "P1W"),
        ("every Monday", None, None, "SET", "XXXX-WXX-1"),
        # fiscal and academic years, ranges
        ("2016/17", A2018, None, "DATE", "FY2016"),
        ("2016-17", None, None, "DATE", "FY2016"),
        ("fiscal 1989", None, None, "DATE", "1989"),
        ("2010-2012", None, None, "DURATION", "P3Y"),
        ("between March and May", A2018, None, "DURATION", "P3M"),
        ("from 1990 to 1995", None, None, "DURATION", "P6Y"),
        # times
        ("12:30", A2018, None, "TIME", "2018-08-07T12:30"),
        ("11:07 am", A2018, None, "TIME", "2018-08-07T11:07"),
        ("5 p.m.", A2018, None, "TIME", "2018-08-07T17:00"),
        ("Tuesday, 7th August 2018, 11:07 am", None, None, "TIME", "2018-08-07T11:07"),
        ("13 December 2023, 17:54", None, None, "TIME", "2023-12-13T17:54"),
        ("9 a.m. Tuesday", A2018, None, "TIME", "2018-08-07T09:00"),
        ("noon", A2018, None, "TIME", "2018-08-07T12:00"),
        # holidays
        ("Christmas", A2018, None, "DATE", "2018-12-25"),
        ("Easter 2000", None, None, "DATE", "2000-04-23"),
        ("Thanksgiving Day", dt.date(1999, 11, 20), None, "DATE", "1999-11-25"),
    ],
)
def test_normalise(text, anchor, tense, type_, value):
    tx = normalise(text, anchor, tense=tense)
    assert tx is not None, text
    assert (tx.type, tx.value) == (type_, value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("in July", "XXXX-07"),
        ("July", "XXXX-07"),
        ("Friday", "XXXX-WXX-5"),
        ("last year", "XXXX"),
        ("yesterday", "XXXX-XX-XX"),
        ("this week", "XXXX-WXX"),
        ("the third quarter", "XXXX-Q3"),
        ("Aug. 7", "XXXX-08-07"),
        ("summer", "XXXX-SU"),
        ("11:07 am", "XXXX-XX-XXT11:07"),
        ("2022", "2022"),
        ("2016/17", "FY2016"),
    ],
)
def test_unanchored_values_stay_unresolved(text, value):
    tx = normalise(text, None)
    assert tx is not None and tx.value == value
    assert not tx.anchored


@pytest.mark.parametrize(
    "text, mod",
    [
        ("early 1991", "START"),
        ("late November", "END"),
        ("mid-November", "MID"),
        ("the end of 1989", "END"),
        ("up to 10 years", "EQUAL_OR_LESS"),
        ("more than four years", "MORE_THAN"),
        ("at least 72 hours", "EQUAL_OR_MORE"),
        ("about three years", "APPROX"),
        ("the next year or so", "APPROX"),
        ("post-1959", "AFTER"),
    ],
)
def test_mods(text, mod):
    tx = normalise(text, A1989)
    assert tx is not None and tx.mod == mod


def test_mod_keeps_value():
    assert normalise("more than four years", None).value == "P4Y"
    assert normalise("early 1991", None).value == "1991"
    assert normalise("the end of the year", A1989).value == "1989"


@pytest.mark.parametrize("start, begin, finish", [(4, "2016-04-01", "2017-03-31"), (7, "2016-07-01", "2017-06-30"), (1, "2016-01-01", "2016-12-31")])
def test_fiscal_year_bounds_configurable(start, begin, finish):
    tx = normalise("2016/17", None, fiscal_year_start=start)
    assert (tx.value, tx.begin, tx.finish) == ("FY2016", begin, finish)


def test_range_bounds():
    tx = normalise("between March and May", A2018)
    assert (tx.begin, tx.finish) == ("2018-03-01", "2018-05-31")
    tx = normalise("2010-2012", None)
    assert (tx.begin, tx.finish) == ("2010-01-01", "2012-12-31")


def test_fiscal_year_is_never_a_day_or_fraction():
    tx = normalise("2016/17", A2018)
    assert tx.value == "FY2016" and "05-17" not in (tx.begin or "")


@pytest.mark.parametrize("text", ["the age of 18", "hello", "", "52", "about the", "a fall in prices", "six"])
def test_not_time_expressions(text):
    assert normalise(text, A2018) is None


def test_anchor_as_iso_string_and_caching():
    a = normalise("last year", "2018-08-07")
    b = normalise("last year", A2018)
    assert a == b and a.anchored
    assert isinstance(a, Timex)


@pytest.mark.parametrize("text, value", [("20", 20), ("2,528", 2528), ("twenty-five", 25), ("a", 1), ("one and a half", 1.5), ("5 1/2", 5.5), ("word", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_dateparser_fallback_only_for_calendar_spans():
    # a form the rules do not read, with a month name: dateparser, anchored
    tx = normalise("the 4th of July", A2018)
    assert tx is not None and tx.value == "2018-07-04"
    # unanchored: kept only when independent of the base date
    assert normalise("the 4th of July 1776", None).value == "1776-07-04"


# --------------------------------------------------------------------------- issue 4, round 2


ROUND2 = [
    # a clock time and the day after it (either order, with a time zone)
    ("5 p.m. EST Nov. 9", A1989, None, "TIME", "1989-11-09T17:00"),
    ("5 p.m. EST, Nov. 6", A1989, "future", "TIME", "1989-11-06T17:00"),
    ("noon Thursday", dt.date(1998, 2, 13), "past", "TIME", "1998-02-12T12:00"),
    ("9 a.m. Tuesday", dt.date(2000, 4, 3), "future", "TIME", "2000-04-04T09:00"),
    ("13 December 2023, 17:54", None, None, "TIME", "2023-12-13T17:54"),
    # holidays with no tense: the nearest one
    ("Thanksgiving Day", dt.date(2000, 1, 7), None, "DATE", "1999-11-25"),
    ("Christmas", dt.date(2018, 12, 20), None, "DATE", "2018-12-25"),
    ("last Thanksgiving", dt.date(2000, 2, 10), None, "DATE", "1999-11-25"),
    # "this September": the one of the current year, whatever the tense
    ("this September", dt.date(1998, 2, 5), "past", "DATE", "1998-09"),
    # "in recent years" is a vague past (TimeBank, corpus README); other units stay vague durations
    ("recent years", A2018, None, "DATE", "PAST_REF"),
    ("in recent years", A2018, None, "DATE", "PAST_REF"),
    ("recent months", A2018, None, "DURATION", "PXM"),
    ("the past three years", A2018, None, "DURATION", "P3Y"),
    # a bare number with an "around"/"circa" reads as a year
    ("around 1900", None, None, "DATE", "1900"),
    ("circa 1850", None, None, "DATE", "1850"),
]


@pytest.mark.parametrize("text", ["more than 1000", "up to 2000", "at least 1500", "about 1500", "nearly 2000", "over 1990"])
def test_bounded_bare_number_is_not_a_year(text):
    assert normalise(text, A2018) is None


# --------------------------------------------------------------------------- issue 4, round 3


ROUND3 = [
    # broadcast transcripts spell the year after a month or a season
    ("January nineteen ninety-seven", dt.date(1998, 2, 27), None, "DATE", "1997-01"),
    ("the winter of nineteen ninety-four", dt.date(1998, 2, 23), None, "DATE", "1994-WI"),
    # "a two-day meeting": the article belongs to the noun, not to the number
    ("a two day", None, None, "DURATION", "P2D"),
    # "earlier in the year" is the current year's start, like "earlier this year"
    ("earlier in the year", A1989, None, "DATE", "1989"),
    ("later in the month", A1989, None, "DATE", "1989-10"),
    # sets of months and seasons
    ("each July", None, None, "SET", "XXXX-07"),
    ("every winter", None, None, "SET", "XXXX-WI"),
    # the year-ago quarter in its other wordings
    ("the corresponding period last year", dt.date(1989, 11, 1), None, "DATE", "1988-Q3"),
    ("the quarter a year ago", dt.date(1989, 11, 1), None, "DATE", "1988-Q3"),
    ("last year's quarter", dt.date(1989, 11, 1), None, "DATE", "1988-Q3"),
    ("next year's first quarter", A1989, None, "DATE", "1990-Q1"),
    # a weekday with a present-tense verb is the coming one ("meet separately Monday")
    ("Monday", dt.date(1998, 5, 1), "present", "DATE", "1998-05-04"),
    ("Monday", dt.date(1998, 5, 1), "past", "DATE", "1998-04-27"),
]


@pytest.mark.parametrize("text, value", [("a two", 2), ("a dozen", 12), ("two dozen", 24), ("a hundred", 100)])
def test_parse_number_articles_and_dozens(text, value):
    assert parse_number(text) == value


# --------------------------------------------------------------------------- issue 4, round 4


@pytest.mark.parametrize(
    "text, anchor, tense, type_, value, mod",
    [
        # a bare month with no tense: news looks back up to seven months, ahead up to four
        ("March", dt.date(1989, 10, 30), None, "DATE", "1989-03", None),
        ("February", dt.date(1989, 10, 30), None, "DATE", "1990-02", None),
        ("January", dt.date(1989, 11, 20), None, "DATE", "1990-01", None),
        ("March", dt.date(1989, 10, 30), "present", "DATE", "1990-03", None),
        # "the fourth quarter" in a January story is the one just ended (unless future)
        ("the fourth quarter", dt.date(1998, 1, 26), None, "DATE", "1997-Q4", None),
        ("the fourth quarter", dt.date(1998, 1, 26), "future", "DATE", "1998-Q4", None),
        # year-end: the year, mod END (the last one in the past tense: "since year-end")
        ("year-end", A1989, None, "DATE", "1989", "END"),
        ("year's end", A1989, None, "DATE", "1989", "END"),
        ("year-end", A1989, "past", "DATE", "1988", "END"),
        # "the week of March 6": the ISO week holding the day
        ("the week of March 6", dt.date(2000, 2, 24), None, "DATE", "2000-W10", None),
        ("the week of March 6", None, None, "DATE", "XXXX-WXX", None),
        # parts of a day with a modifier or a clock hour in words
        ("later this afternoon", dt.date(1998, 2, 22), None, "TIME", "1998-02-22TAF", "END"),
        ("mid-afternoon yesterday", dt.date(1989, 11, 2), None, "TIME", "1989-11-01TAF", None),
        ("mid afternoon", dt.date(1998, 3, 6), None, "TIME", "1998-03-06TAF", None),
        ("4 in the morning", dt.date(2000, 4, 5), None, "TIME", "2000-04-05T04:00", None),
        ("eight in the evening", None, None, "TIME", "XXXX-XX-XXT20:00", None),
        ("that same day", dt.date(1999, 2, 6), None, "DATE", "1999-02-06", None),
        # spelled-out days in transcripts; "this coming Sunday"
        ("March eighth", dt.date(1998, 3, 5), None, "DATE", "1998-03-08", None),
        ("this coming Sunday, March eighth", dt.date(1998, 3, 5), None, "DATE", "1998-03-08", None),
        ("this coming Sunday", dt.date(1998, 3, 5), None, "DATE", "1998-03-08", None),
        # US Election Day: the Tuesday after the first Monday of November
        ("Election Day", dt.date(1998, 10, 26), None, "DATE", "1998-11-03", None),
        ("Election Day 2000", None, None, "DATE", "2000-11-07", None),
        # counts of units with a word between ("two more weeks", "eight trading days")
        ("at least two more weeks", None, None, "DURATION", "P2W", "EQUAL_OR_MORE"),
        ("an additional year", None, None, "DURATION", "P1Y", None),
        ("Eight trading days", None, None, "DURATION", "P8D", None),
        ("almost a hundred years", None, None, "DURATION", "P100Y", "LESS_THAN"),
        ("a minute and a half", None, None, "DURATION", "PT1M30S", None),
        # a set of parts of days; "the then current" is a past present
        ("Tuesday nights", None, None, "SET", "XXXX-WXX-2TNI", None),
        ("then current", A1989, None, "DATE", "PAST_REF", None),
        # "the same month last year" with no month before it: the publication month, a year back
        ("the same month last year", dt.date(2005, 1, 14), None, "DATE", "2004-01", None),
        ("the same month last year", None, None, "DATE", "XXXX-XX", None),
    ],
)
def test_normalise_round4(text, anchor, tense, type_, value, mod):
    tx = normalise(text, anchor, tense=tense)
    assert tx is not None and (tx.type, tx.value, tx.mod) == (type_, value, mod), tx


# --------------------------------------------------------------------------- issue 4, round 5


ROUND5 = [
    # "Easter week", "Christmas week": the ISO week that holds the holiday; a week under
    # way is this year's even in the past tense ("as Easter week began" on its Monday)
    ("Easter week", dt.date(2000, 4, 17), "past", "DATE", "2000-W16"),
    ("Easter week", dt.date(2000, 4, 17), None, "DATE", "2000-W16"),
    ("Easter week", dt.date(2000, 4, 10), "past", "DATE", "1999-W13"),
    ("Christmas week", dt.date(2004, 12, 1), "future", "DATE", "2004-W52"),
    ("Easter week 2001", None, None, "DATE", "2001-W15"),
    ("Easter week", None, None, "DATE", "XXXX-WXX"),
    # the holiday itself is unchanged
    ("Easter", dt.date(2000, 4, 17), "past", "DATE", "1999-04-04"),
    ("Easter", dt.date(2000, 4, 17), "future", "DATE", "2000-04-23"),
    # "the past century" is a stretch of a hundred years (as "the past decade" is P10Y);
    # "the last century" stays the century before
    ("the past century", dt.date(1989, 11, 1), None, "DURATION", "P100Y"),
    ("the last century", dt.date(2005, 3, 15), None, "DATE", "19"),
    # "the first week of March": the ISO week that holds its first (8th, ...; last) day
    ("the first week of March", dt.date(2005, 3, 15), None, "DATE", "2005-W09"),
    ("the first week of March 2004", None, None, "DATE", "2004-W10"),
    ("the last week of March", dt.date(2005, 3, 15), None, "DATE", "2005-W13"),
    ("the first weekend of May", dt.date(2005, 3, 15), None, "DATE", "2005-W18-WE"),
    ("the first week of March", None, None, "DATE", "XXXX-WXX"),
    # anaphoric parts of a day and weekdays: from the publication date when read alone
    ("that night", dt.date(2005, 3, 15), None, "TIME", "2005-03-15TNI"),
    ("later that afternoon", dt.date(2005, 3, 15), None, "TIME", "2005-03-15TAF"),
    ("that morning", None, None, "TIME", "XXXX-XX-XXTMO"),
    ("the following Monday", dt.date(2005, 3, 15), None, "DATE", "2005-03-21"),
    ("the previous Friday", dt.date(2005, 3, 15), None, "DATE", "2005-03-11"),
    ("the previous Tuesday", dt.date(2005, 3, 15), None, "DATE", "2005-03-08"),
    # a half of a decade: the decade, mod START / END (a half of a year stays H1 / H2)
    ("the last half of the '80s", dt.date(1989, 10, 26), None, "DATE", "198"),
    ("the first half of the 1990s", None, None, "DATE", "199"),
    ("the last half of 1989", None, None, "DATE", "1989-H2"),
]


ROUND6 = [
    # a four-digit clock with a time zone is a time of the anchor day, not a year
    ("1900 GMT", dt.date(2005, 3, 15), None, "TIME", "2005-03-15T19:00"),
    ("at 0630 BST", dt.date(2005, 3, 15), None, "TIME", "2005-03-15T06:30"),
    ("2130 gmt", None, None, "TIME", "XXXX-XX-XXT21:30"),
    # "a full year", "an entire month", "a whole 12 months": the amount itself
    ("a full year", None, None, "DURATION", "P1Y"),
    ("an entire month", None, None, "DURATION", "P1M"),
    ("a whole 12 months", None, None, "DURATION", "P12M"),
    ("a full two weeks", None, None, "DURATION", "P2W"),
    # New Year (with or without "the", "'s Day", "'s Eve")
    ("the New Year", dt.date(2005, 3, 15), "future", "DATE", "2006-01-01"),
    ("New Year's Day", dt.date(2005, 3, 15), "past", "DATE", "2005-01-01"),
    ("New Year\u2019s Eve", dt.date(2005, 3, 15), "past", "DATE", "2004-12-31"),
]


@pytest.mark.parametrize("text", ["2460 GMT", "1975 gmt lease", "a full moon", "a whole lot"])
def test_round6_not_read(text):
    assert normalise(text, dt.date(2005, 3, 15)) is None


@pytest.mark.parametrize("text, anchor, tense, type_, value", ROUND2 + ROUND3 + ROUND5 + ROUND6)
def test_normalise_in_rounds(text, anchor, tense, type_, value):
    tx = normalise(text, anchor, tense=tense)
    assert tx is not None and (tx.type, tx.value) == (type_, value), tx



# --------------------------------------------------------------------------- round 8 (audit leftovers)

A2020 = dt.date(2020, 3, 10)  # mid-season

ROUND8 = [
    # sports seasons: a season over the new year is FY<first year>, running July-June (not
    # the April-March fiscal year); this / last / next season from the season under way
    ("the 2019-20 season", None, None, "DATE", "FY2019"),
    ("the 2021/22 season", None, None, "DATE", "FY2021"),
    ("2019-20 season", None, None, "DATE", "FY2019"),
    ("this season", A2020, None, "DATE", "FY2019"),
    ("last season", A2020, None, "DATE", "FY2018"),
    ("next season", A2020, None, "DATE", "FY2020"),
    ("last season", dt.date(2020, 8, 10), None, "DATE", "FY2019"),
    ("the current season", A2020, None, "DATE", "FY2019"),
    ("this season", None, None, "DATE", "FYXXXX"),
    ("the 2005 season", None, None, "DATE", "2005"),
    # a fiscal year after "the" is still a fiscal year (was read by dateparser as a day)
    ("the 2021/22", None, None, "DATE", "FY2021"),
    ("the 2016-17", None, None, "DATE", "FY2016"),
    # named days written as a word and a weekday
    ("Black Friday", dt.date(2020, 12, 15), None, "DATE", "2020-11-27"),
    ("Black Friday", A2020, None, "DATE", "2019-11-29"),
    ("Cyber Monday 2019", None, None, "DATE", "2019-12-02"),
    ("Ash Wednesday 2005", None, None, "DATE", "2005-02-09"),
    ("Shrove Tuesday 2005", None, None, "DATE", "2005-02-08"),
    ("Palm Sunday 2005", None, None, "DATE", "2005-03-20"),
    ("Mothering Sunday 2005", None, None, "DATE", "2005-03-06"),
]


@pytest.mark.parametrize("text, anchor, tense, type_, value", ROUND8)
def test_normalise_round8(text, anchor, tense, type_, value):
    tx = normalise(text, anchor, tense=tense)
    assert tx is not None and (tx.type, tx.value) == (type_, value), tx


@pytest.mark.parametrize(
    "text, anchor, begin, finish",
    [
        ("the 2019-20 season", None, "2019-07-01", "2020-06-30"),
        ("the 2021/22 season", None, "2021-07-01", "2022-06-30"),
        ("last season", A2020, "2018-07-01", "2019-06-30"),
        # the fiscal year keeps its own start (April by default)
        ("2019-20", None, "2019-04-01", "2020-03-31"),
        ("the 2021/22", None, "2021-04-01", "2022-03-31"),
    ],
)
def test_season_and_fiscal_year_bounds(text, anchor, begin, finish):
    tx = normalise(text, anchor)
    assert (tx.begin, tx.finish) == (begin, finish), tx


@pytest.mark.parametrize("text", ["the season", "the holiday season", "the last season", "the 2019-21 season"])
def test_round8_seasons_not_read(text):
    assert normalise(text, A2020) is None


@pytest.mark.parametrize(
    "text, day_first, value",
    [
        ("08/07/2023", True, "2023-07-08"),  # British: day first
        ("08/07/2023", False, "2023-08-07"),  # American: month first
        ("22/08/2023", False, "2023-08-22"),  # 22 can only be a day, whichever order is set
        ("08/22/2023", True, "2023-08-22"),
        ("2023-08-07", False, "2023-08-07"),  # ISO is year-month-day in both
    ],
)
def test_numeric_date_order(text, day_first, value):
    assert normalise(text, "2023-09-01", day_first=day_first).value == value
