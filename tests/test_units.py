"""Pure unit normalisation: currencies, percent, measurement units, NewsQuant names."""

import pytest

from extractors.normalize import units as U


@pytest.mark.parametrize("text,code", [
    ("£", "GBP"), ("$", "USD"), ("US$", "USD"), ("US $", "USD"), ("$US", "USD"), ("€", "EUR"),
    ("euros", "EUR"), ("HK $", "HKD"), ("HK$", "HKD"), ("A$", "AUD"), ("$A", "AUD"),
    ("Australian dollars", "AUD"), ("yen", "JPY"), ("Y=", "JPY"), ("shekels", "ILS"),
    ("RM", "MYR"), ("Danish crowns", "DKK"), ("PS", "GBP"), ("USD", "USD"), ("C$", "CAD"),
    ("pounds sterling", "GBP"),
])
def test_currency_code(text, code):
    assert U.currency_code(text) == code


@pytest.mark.parametrize("text", ["people", "", "miles", "12pm"])
def test_not_currency(text):
    assert U.currency_code(text) is None


@pytest.mark.parametrize("text,unit", [
    ("per cent", "percent"), ("percent", "percent"), ("%", "percent"), ("pc", "percent"),
    ("percentage points", "percentage point"), ("km/h", "kilometre per hour"),
    ("mph", "mile per hour"), ("miles per hour", "mile per hour"), ("km/hr", "kilometre per hour"),
    ("degrees Celsius", "celsius"), ("°F", "fahrenheit"), ("sq m", "square metre"),
    ("m2", "square metre"), ("kg", "kilogram"), ("lbs", "pound-mass"), ("feet", "foot"),
    ("″", "inch"), ("kW", "kilowatt"), ("kWh", "kilowatt hour"), ("mAh", "milliampere-hour"),
    ("GB", "gigabyte"), ("ppb", "parts-per-billion"), ("bhp", "brake horsepower"),
    ("year-old", "year of age"), ("years old", "year of age"), ("μm", "micrometre"),
    ("basis points", "basis point"), ("rpm", "revolutions per minute"), ("mpg", "mile per gallon"),
    ("barrel-a-day", "barrel per day"), ("JPY=", "JPY"), ("b.", "bit"), ("m", "metre"),
    ("tonnes", "metric ton"), ("years", "year"), ("times", "times"), ("fold", "times"),
])
def test_normalize_unit(text, unit):
    assert U.normalize_unit(text) == unit


@pytest.mark.parametrize("text", ["people", "", "widgets", "pm"])
def test_unknown_units(text):
    assert U.normalize_unit(text) is None


def test_quantulum_fallback_is_guarded():
    # works with or without scikit-learn; "12pm" is a clock time, never picometres
    assert U.quantulum_unit("12pm") in (None, "")
    assert U.quantulum_unit("") is None
    assert U.quantulum_unit("x" * 200) is None
    assert U.quantulum_unit("5 volts") == "volt"


@pytest.mark.parametrize("unit,kind", [
    ("percent", "percent"), ("GBP", "money"), ("USD per barrel", "money"), ("cent", "money"),
    ("year", "duration"), ("kilometre", "quantity"), ("people", "count"), (None, "count"),
])
def test_unit_kind(unit, kind):
    assert U.unit_kind(unit) == kind


@pytest.mark.parametrize("word,sing", [
    ("bosses", "boss"), ("countries", "country"), ("people", "people"), ("players", "player"),
    ("viruses", "virus"), ("fishermen", "fisherman"), ("sales", "sale"), ("status", "status"),
    ("matches", "match"), ("gas", "gas"),
])
def test_singular(word, sing):
    assert U.singular(word) == sing


@pytest.mark.parametrize("unit,counted,name", [
    ("percent", None, "percentage"), ("GBP", None, "pound sterling"), ("USD", None, "dollar"),
    ("JPY", None, "japanese yen"), ("USD per barrel", None, "dollar per barrel"),
    ("mile per hour", None, "mile per hour"), ("revolutions per minute", None, "revolutions per minute"),
    ("bosses", "different bosses", "different boss"), ("people", "people", "people"),
    ("tests", "tests per day", "test per day"), (None, None, "-"),
])
def test_newsquant_unit(unit, counted, name):
    assert U.newsquant_unit(unit, counted) == name


def test_times_is_count_for_newsquant():
    assert U.newsquant_unit("times") == "count"


@pytest.mark.parametrize("text,unit", [
    # the degree sign or word before a spelt-out or misspelt scale
    ("° Celsius", "celsius"), ("deg celsius", "celsius"), ("degrees farenheit", "fahrenheit"),
    ("centigrate", "celsius"), ("° F", "fahrenheit"),
    # small lengths and areas, ages as written in records, a year in Latin
    ("dm", "decimetre"), ("decimetres", "decimetre"), ("cm2", "square centimetre"),
    ("mA/cm2", "milliampere per square centimetre"), ("weeks of age", "week of age"),
    ("day old", "day of age"), ("yo", "year of age"), ("per annum", None), ("annum", "year"),
])
def test_more_units(text, unit):
    assert U.normalize_unit(text) == unit


@pytest.mark.parametrize("text", ["c", "f", "degrees"])
def test_a_lone_scale_letter_is_not_a_temperature(text):
    assert U.normalize_unit(text) not in ("celsius", "fahrenheit")


@pytest.mark.parametrize("word,base", [
    ("best", "good"), ("worst", "bad"), ("largest", "large"), ("biggest", "big"), ("busiest", "busy"),
    ("proudest", "proud"), ("finest", "fine"), ("highest", "high"), ("smallest", "small"),
    ("wettest", "wet"), ("newest", "new"),
    # words that only end like a superlative
    ("forest", "forest"), ("interest", "interest"), ("protest", "protest"), ("contest", "contest"),
    ("best-selling", "best-selling"), ("nest", "nest"), ("new", "new"),
])
def test_positive_of_superlatives(word, base):
    assert U.positive(word) == base


@pytest.mark.parametrize("counted,name", [
    ("best mobile games", "good mobile game"), ("busiest airports", "busy airport"),
    ("interest rates", "interest rate"), ("forest fires", "forest fire"),
    ("largest sharks swim", "large shark swim"), ("batches blood samples", "batch blood sample"),
])
def test_newsquant_names_counts_by_lemmas(counted, name):
    assert U.newsquant_unit(counted.split()[-1], counted) == name
