"""Units of a figure: currencies to ISO codes, percentages, measurement units.

Pure functions (no spaCy), cached. Our own tables decide first; quantulum3 is a
fallback for an unknown unit token, called on that short text only, guarded so the
project works whether or not scikit-learn is installed.

Unit names follow one scheme: singular, British spelling ("kilometre", "mile per
hour", "square metre"), "percent" for every proportion, ISO 4217 codes for money
("GBP", "USD"). :func:`newsquant_unit` maps them to the NewsQuant annotation names
("pound sterling", "percentage") for evaluation only.

>>> currency_code("£"), currency_code("US$"), currency_code("euros")
('GBP', 'USD', 'EUR')
>>> normalize_unit("km/h")
'kilometre per hour'
>>> normalize_unit("per cent")
'percent'
"""

from __future__ import annotations

import logging
import re
import warnings
from functools import lru_cache
from typing import Dict, Optional

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------- currencies

#: symbols, codes and words -> ISO 4217 code (keys lower case, except case-sensitive ones below)
CURRENCIES: Dict[str, str] = {
    "$": "USD", "us$": "USD", "$us": "USD", "us $": "USD", "usd": "USD", "us dollar": "USD",
    "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD", "dollar": "USD",
    "dollars": "USD", "buck": "USD", "bucks": "USD", "$ us": "USD", "$ u.s.": "USD",
    "£": "GBP", "gbp": "GBP", "ps": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP",
    "sterling": "GBP", "quid": "GBP", "pounds": "GBP", "pound": "GBP", "stg": "GBP",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY", "y=": "JPY", "y": "JPY",
    "a$": "AUD", "$a": "AUD", "au$": "AUD", "aud": "AUD", "australian dollar": "AUD",
    "australian dollars": "AUD",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD", "canadian dollar": "CAD", "canadian dollars": "CAD",
    "nz$": "NZD", "nzd": "NZD", "new zealand dollar": "NZD", "new zealand dollars": "NZD",
    "hk$": "HKD", "hk $": "HKD", "hkd": "HKD", "hong kong dollar": "HKD", "hong kong dollars": "HKD",
    "s$": "SGD", "sgd": "SGD", "singapore dollar": "SGD", "singapore dollars": "SGD",
    "₪": "ILS", "ils": "ILS", "nis": "ILS", "shekel": "ILS", "shekels": "ILS",
    "new shekels": "ILS", "new israeli shekels": "ILS",
    "rm": "MYR", "myr": "MYR", "ringgit": "MYR",
    "dkk": "DKK", "danish crown": "DKK", "danish crowns": "DKK", "danish krone": "DKK",
    "danish kroner": "DKK",
    "sek": "SEK", "swedish krona": "SEK", "swedish kronor": "SEK", "kronor": "SEK",
    "nok": "NOK", "norwegian krone": "NOK", "norwegian kroner": "NOK",
    "chf": "CHF", "swiss franc": "CHF", "swiss francs": "CHF", "francs": "CHF", "franc": "CHF",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY", "元": "CNY",
    "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "rupee": "INR", "rupees": "INR",
    "indian rupee": "INR", "indian rupees": "INR", "crore": "INR",
    "₩": "KRW", "krw": "KRW", "won": "KRW",
    "zar": "ZAR", "rand": "ZAR",
    "try": "TRY", "lira": "TRY", "liras": "TRY", "turkish lira": "TRY",
    "rub": "RUB", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "mxn": "MXN", "mexican peso": "MXN", "mexican pesos": "MXN", "pesos": "MXN", "peso": "MXN",
    "brl": "BRL", "real": "BRL", "reais": "BRL",
    "kn": "HRK", "kuna": "HRK", "hrk": "HRK",
    "lari": "GEL", "gel": "GEL",
    "btc": "BTC", "bitcoin": "BTC", "bitcoins": "BTC",
    "pln": "PLN", "zloty": "PLN", "zlotys": "PLN",
    "egp": "EGP", "naira": "NGN", "ngn": "NGN", "kes": "KES", "shillings": "KES",
    "php": "PHP", "thb": "THB", "baht": "THB", "idr": "IDR", "rupiah": "IDR",
}
#: minor units: value in the minor unit, named apart ("19 cents", "118.5p")
MINOR_CURRENCIES: Dict[str, str] = {
    "cent": "cent", "cents": "cent", "c": "cent", "¢": "cent",
    "p": "penny", "pence": "penny", "penny": "penny",
    "sen": "sen",
}
#: ISO code -> NewsQuant / CQE unit name
CURRENCY_NAMES: Dict[str, str] = {
    "USD": "dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "NZD": "new zealand dollar",
    "HKD": "hong kong dollar", "SGD": "singapore dollar", "ILS": "shekel",
    "MYR": "malaysian ringgit", "DKK": "danish krone", "SEK": "swedish krona",
    "NOK": "norwegian krone", "CHF": "swiss franc", "CNY": "chinese yuan", "INR": "rupee",
    "KRW": "south korean won", "ZAR": "south african rand", "TRY": "turkish lira",
    "RUB": "russian ruble", "MXN": "mexican peso", "BRL": "brazilian real",
    "HRK": "croatian kuna", "GEL": "georgian lari", "BTC": "bitcoin", "PLN": "polish zloty",
    "EGP": "egyptian pound", "NGN": "nigerian naira", "KES": "kenyan shilling",
    "PHP": "philippine peso", "THB": "thai baht", "IDR": "indonesian rupiah",
}
#: a qualifier written before "$": "US $", "HK $", "A$"
DOLLAR_QUALIFIERS: Dict[str, str] = {
    "us": "USD", "u.s.": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD",
    "nz": "NZD", "hk": "HKD", "s": "SGD", "sg": "SGD",
}


@lru_cache(maxsize=2048)
def currency_code(text: str) -> Optional[str]:
    """ISO code of a currency as written ("£", "US$", "HK $", "euros", "Y="); else None."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    if t in CURRENCIES:
        return CURRENCIES[t]
    compact = t.replace(" ", "")
    if compact in CURRENCIES:
        return CURRENCIES[compact]
    m = re.match(r"^([a-z.]+)\s*\$$|^\$\s*([a-z.]+)$", t)
    if m:
        q = m.group(1) or m.group(2)
        return DOLLAR_QUALIFIERS.get(q)
    return None


# --------------------------------------------------------------------------- measurement units

#: case-sensitive abbreviations (checked first)
UNITS_CASED: Dict[str, str] = {
    "m": "metre", "M": "million", "g": "gram", "G": "generation wireless", "C": "celsius",
    "F": "fahrenheit", "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
    "TW": "terawatt", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "Wh": "watt hour", "V": "volt", "kV": "kilovolt", "A": "ampere",
    "mA": "milliampere", "mAh": "milliampere-hour", "Hz": "hertz", "kHz": "kilohertz",
    "MHz": "megahertz", "GHz": "gigahertz", "Pa": "pascal", "kPa": "kilopascal",
    "MPa": "megapascal", "GPa": "gigapascal", "b": "bit", "B": "byte", "kb": "kilobit",
    "Mb": "megabit", "Gb": "gigabit", "KB": "kilobyte", "kB": "kilobyte", "MB": "megabyte",
    "GB": "gigabyte", "TB": "terabyte", "PB": "petabyte", "Mbps": "megabit per second",
    "Gbps": "gigabit per second", "PS": "horsepower", "N": "newton", "Nm": "newton metre",
    "J": "joule", "kJ": "kilojoule", "ml": "millilitre", "mL": "millilitre", "l": "litre",
    "L": "litre", "t": "metric ton", "T": "tesla", "K": "kelvin", "Ω": "ohm", "mm": "millimetre",
    "cm": "centimetre", "km": "kilometre", "nm": "nanometre", "μm": "micrometre",
    "µm": "micrometre", "mg": "milligram", "kg": "kilogram", "μg": "microgram",
    "µg": "microgram", "ft": "foot", "in": "inch", "″": "inch", "\"": "inch", "′": "foot",
    "'": "foot", "a": "year", "F.": "fahrenheit", "WAR": "win above replacement",
    "dm": "decimetre",
}
#: lower-case words and abbreviations
UNITS: Dict[str, str] = {
    # percent
    "%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent",
    "pct": "percent", "per-cent": "percent", "percentage": "percent",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "points": "point", "point": "point", "pts": "point", "basis point": "basis point",
    "basis points": "basis point", "bps": "basis point", "bp": "basis point",
    # length
    "metre": "metre", "metres": "metre", "meter": "metre", "meters": "metre",
    "kilometre": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre",
    "kilometers": "kilometre", "km": "kilometre", "kms": "kilometre",
    "centimetre": "centimetre", "centimetres": "centimetre", "centimeter": "centimetre",
    "centimeters": "centimetre", "cm": "centimetre", "millimetre": "millimetre",
    "millimetres": "millimetre", "millimeter": "millimetre", "millimeters": "millimetre",
    "mm": "millimetre", "micrometre": "micrometre", "micrometer": "micrometre",
    "micrometres": "micrometre", "micrometers": "micrometre", "micron": "micrometre",
    "microns": "micrometre", "nanometre": "nanometre", "nanometer": "nanometre",
    "nanometres": "nanometre", "nanometers": "nanometre", "nm": "nanometre",
    "decimetre": "decimetre", "decimeter": "decimetre", "decimetres": "decimetre",
    "decimeters": "decimetre", "picometre": "picometre",
    "picometer": "picometre", "mile": "mile", "miles": "mile", "mi": "mile",
    "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "inches": "inch",
    "yard": "yard", "yards": "yard", "yd": "yard", "yds": "yard",
    "nautical mile": "nautical mile", "nautical miles": "nautical mile",
    "light year": "light-year", "light years": "light-year", "light-year": "light-year",
    "light-years": "light-year",
    # area
    "square metre": "square metre", "square metres": "square metre",
    "square meter": "square metre", "square meters": "square metre", "sq m": "square metre",
    "sqm": "square metre", "m2": "square metre", "m²": "square metre",
    "square kilometre": "square kilometre", "square kilometres": "square kilometre",
    "square kilometer": "square kilometre", "square kilometers": "square kilometre",
    "km2": "square kilometre", "km²": "square kilometre", "sq km": "square kilometre",
    "cm2": "square centimetre", "cm²": "square centimetre", "square centimetre": "square centimetre",
    "square centimetres": "square centimetre", "square centimeter": "square centimetre",
    "square centimeters": "square centimetre", "mm2": "square millimetre", "mm²": "square millimetre",
    "square mile": "square mile", "square miles": "square mile", "sq mi": "square mile",
    "square foot": "square foot", "square feet": "square foot", "sq ft": "square foot",
    "sq feet": "square foot", "acre": "acre", "acres": "acre", "hectare": "hectare",
    "hectares": "hectare", "ha": "hectare",
    # volume
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre",
    "millilitre": "millilitre", "millilitres": "millilitre", "milliliter": "millilitre",
    "milliliters": "millilitre", "ml": "millilitre", "gallon": "gallon", "gallons": "gallon",
    "pint": "pint", "pints": "pint", "quart": "quart", "quarts": "quart",
    "cubic metre": "cubic metre", "cubic metres": "cubic metre", "cubic meter": "cubic metre",
    "cubic meters": "cubic metre", "cubic foot": "cubic foot", "cubic feet": "cubic foot",
    "barrel": "barrel", "barrels": "barrel", "bbl": "barrel", "cup": "cup", "cups": "cup",
    "tablespoon": "tablespoon", "tablespoons": "tablespoon", "teaspoon": "teaspoon",
    "teaspoons": "teaspoon", "fluid ounce": "ounce", "fluid ounces": "ounce",
    # mass
    "gram": "gram", "grams": "gram", "gramme": "gram", "grammes": "gram",
    "kilogram": "kilogram", "kilograms": "kilogram", "kilogramme": "kilogram",
    "kilogrammes": "kilogram", "kg": "kilogram", "kgs": "kilogram", "kilo": "kilogram",
    "kilos": "kilogram", "milligram": "milligram", "milligrams": "milligram",
    "mg": "milligram", "microgram": "microgram", "micrograms": "microgram",
    "tonne": "metric ton", "tonnes": "metric ton", "metric ton": "metric ton",
    "metric tons": "metric ton", "ton": "ton", "tons": "ton", "lb": "pound-mass",
    "lbs": "pound-mass", "ounce": "ounce", "ounces": "ounce", "oz": "ounce", "stone": "stone",
    # speed
    "mph": "mile per hour", "miles per hour": "mile per hour", "miles an hour": "mile per hour",
    "mile per hour": "mile per hour", "km/h": "kilometre per hour", "kmh": "kilometre per hour",
    "kph": "kilometre per hour", "km/hr": "kilometre per hour", "kmph": "kilometre per hour",
    "kilometres per hour": "kilometre per hour", "kilometers per hour": "kilometre per hour",
    "kilometres an hour": "kilometre per hour", "kilometers an hour": "kilometre per hour",
    "m/s": "metre per second", "metres per second": "metre per second",
    "meters per second": "metre per second", "knot": "knot", "knots": "knot",
    "mpg": "mile per gallon", "miles per gallon": "mile per gallon",
    "rpm": "revolutions per minute", "revolutions per minute": "revolutions per minute",
    "mmbtu": "mega british thermal unit", "btus": "british thermal unit",
    # temperature
    "°c": "celsius", "ºc": "celsius", "degrees celsius": "celsius", "degree celsius": "celsius",
    "celsius": "celsius", "centigrade": "celsius", "degrees centigrade": "celsius",
    "°f": "fahrenheit", "ºf": "fahrenheit", "degrees fahrenheit": "fahrenheit",
    "degree fahrenheit": "fahrenheit", "fahrenheit": "fahrenheit", "degrees c": "celsius",
    "degrees f": "fahrenheit", "degree": "degree", "degrees": "degree", "°": "degree",
    "kelvin": "kelvin", "celcius": "celsius", "degrees celcius": "celsius", "deg": "degree",
    "degs": "degree", "deg c": "celsius", "deg f": "fahrenheit", "microgramme": "microgram",
    "microgrammes": "microgram",
    # time
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "s": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year",
    "yrs": "year", "annum": "year", "decade": "decade", "decades": "decade", "century": "century",
    "centuries": "century", "millisecond": "millisecond", "milliseconds": "millisecond",
    "ms": "millisecond",
    # ages
    "year-old": "year of age", "years-old": "year of age", "years old": "year of age",
    "year old": "year of age", "years of age": "year of age", "month-old": "month of age",
    "months old": "month of age", "month old": "month of age", "week-old": "week of age",
    "weeks old": "week of age", "day-old": "day of age", "days old": "day of age",
    "week old": "week of age", "day old": "day of age", "months of age": "month of age",
    "weeks of age": "week of age", "days of age": "day of age", "year of age": "year of age",
    "yo": "year of age", "y.o": "year of age", "y/o": "year of age",
    # energy, power, electricity
    "watt": "watt", "watts": "watt", "kilowatt": "kilowatt", "kilowatts": "kilowatt",
    "kw": "kilowatt", "megawatt": "megawatt", "megawatts": "megawatt", "mw": "megawatt",
    "gigawatt": "gigawatt", "gigawatts": "gigawatt", "gw": "gigawatt",
    "kilowatt hour": "kilowatt hour", "kilowatt hours": "kilowatt hour",
    "kilowatt-hour": "kilowatt hour", "kilowatt-hours": "kilowatt hour", "kwh": "kilowatt hour",
    "megawatt hour": "megawatt hour", "megawatt hours": "megawatt hour",
    "megawatt-hours": "megawatt hour", "mwh": "megawatt hour",
    "gigawatt hour": "gigawatt hour", "gigawatt hours": "gigawatt hour",
    "gigawatt-hours": "gigawatt hour", "gwh": "gigawatt hour", "terawatt hours": "terawatt hour",
    "twh": "terawatt hour", "horsepower": "horsepower", "hp": "horsepower", "bhp": "brake horsepower",
    "volt": "volt", "volts": "volt", "amp": "ampere", "amps": "ampere", "ampere": "ampere",
    "amperes": "ampere", "mah": "milliampere-hour", "farad": "farad", "farads": "farad",
    "joule": "joule", "joules": "joule", "calorie": "calorie", "calories": "calorie",
    "kcal": "kilocalorie", "btu": "british thermal unit",
    "newton metre": "newton metre", "newton metres": "newton metre", "nm": "nanometre",
    "lb-ft": "pound-foot", "pound-feet": "pound-foot", "pound-foot": "pound-foot",
    "lb ft": "pound-foot",
    # frequency, pressure, data, sound, concentration
    "hz": "hertz", "hertz": "hertz", "khz": "kilohertz", "mhz": "megahertz", "ghz": "gigahertz",
    "gigahertz": "gigahertz", "megahertz": "megahertz", "psi": "pound per square inch",
    "bar": "bar", "pascal": "pascal", "pascals": "pascal", "gigapascal": "gigapascal",
    "gigapascals": "gigapascal", "megapascal": "megapascal", "megapascals": "megapascal",
    "gpa": "gigapascal", "mpa": "megapascal", "kpa": "kilopascal",
    "bit": "bit", "bits": "bit", "byte": "byte", "bytes": "byte", "kilobyte": "kilobyte",
    "kilobytes": "kilobyte", "megabyte": "megabyte", "megabytes": "megabyte",
    "gigabyte": "gigabyte", "gigabytes": "gigabyte", "terabyte": "terabyte",
    "terabytes": "terabyte", "gb": "gigabyte", "mb": "megabyte", "tb": "terabyte",
    "megabit": "megabit", "megabits": "megabit", "gigabit": "gigabit", "gigabits": "gigabit",
    "mbps": "megabit per second", "gbps": "gigabit per second",
    "megabits per second": "megabit per second", "decibel": "decibel", "decibels": "decibel",
    "db": "decibel", "ppm": "part per million", "parts per million": "part per million",
    "ppb": "parts-per-billion", "parts per billion": "parts-per-billion",
    "radian": "radian", "radians": "radian", "turn": "turn", "turns": "turn",
    "times": "times", "time": "times", "fold": "times", "x": "times",
    "calibre": "calibre",
}
#: our units whose kind is a duration (the claim's kind), and whose plural reads naturally
DURATIONS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
             "century", "millisecond"}

#: NewsQuant's names where ours differ
NEWSQUANT_NAMES: Dict[str, str] = {
    "percent": "percentage", "percentage point": "percentage", "penny": "penny",
    "million": "-", "part per million": "part per million", "times": "count",
}

_QUANTULUM_FIXES: Dict[str, str] = {
    # quantulum3 names we read differently
    "per cent": "percent", "percentage": "percent", "dimensionless": "", "unk": "",
    "picometre": "",  # "12pm" is a clock time, never a picometre in news
    "degree angle": "degree", "degree celsius": "celsius", "degree fahrenheit": "fahrenheit",
    "united states dollar": "USD", "dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
    "tonne": "metric ton", "second of arc": "", "minute of arc": "", "barn": "",
    "gauss": "", "coulomb": "", "year": "",
}


@lru_cache(maxsize=4096)
def normalize_unit(text: str) -> Optional[str]:
    """Our name of a measurement unit or percent as written ("km/h", "per cent",
    "degrees Celsius", "sq m"); a currency gives its ISO code; None when unknown."""
    t = re.sub(r"\s+", " ", (text or "").strip())
    if t.endswith("=") or t.endswith(".") and len(t) <= 3:
        t = t[:-1]  # "JPY=" (a wire-service quote code), "b." at the end of a sentence
    if not t:
        return None
    if t in UNITS_CASED:
        return UNITS_CASED[t]
    low = t.lower().rstrip(".")
    if low in UNITS:
        return UNITS[low]
    code = currency_code(t)
    if code:
        return code
    if low in MINOR_CURRENCIES:
        return MINOR_CURRENCIES[low]
    # "degrees Celsius" with odd spacing, the degree sign glued or spelt out ("100° Celsius",
    # "40 deg celsius"), and the scale's common misspellings ("farenheit", "centigrate")
    m = re.match(r"^(?:°|º|deg\.?|degrees?)?\s*(c|f|cel[cs]ius|centigra[dt]e|fahrenheit|farenheit|farhenheit|fahrenhiet)$", low)
    if m and (m.group(1) not in ("c", "f") or low != m.group(1)):
        return "celsius" if m.group(1)[0] == "c" else "fahrenheit"
    # "X per Y", "X/Y", "X a Y": compound units
    m = re.match(r"^(.+?)\s*(?:/| per | an? |-an?-|-per-)\s*(.+)$", t)
    if m:
        a, b = normalize_unit(m.group(1)), normalize_unit(m.group(2))
        if a and b and b not in ("percent",):
            return f"{a} per {b}"
    return None


def _quiet_quantulum_parse(text: str):
    from quantulum3 import parser  # imported on first use only

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            # classifier off: no scikit-learn pickle is loaded (works with or without it)
            return parser.parse(text, classifier_path=None)
        except TypeError:
            return parser.parse(text)


@lru_cache(maxsize=2048)
def quantulum_unit(text: str) -> Optional[str]:
    """quantulum3's reading of the unit in a short span such as ``"10 kn"`` or
    ``"5 lx"``, mapped to our names; None when it finds no dimensioned unit or fails.

    Only for unit tokens our tables do not know; never on whole sentences."""
    if not text or len(text) > 60:
        return None
    try:
        found = _quiet_quantulum_parse(text)
    except Exception as err:  # quantulum3 raises many kinds of errors on odd input
        logger.debug("quantulum3 failed on %r: %s", text, err)
        return None
    for q in found:
        name = (q.unit.name or "").strip().lower()
        entity = getattr(q.unit.entity, "name", "") or ""
        name = _QUANTULUM_FIXES.get(name, name)
        if not name or entity in ("dimensionless", "unknown") and name not in ("percent",):
            continue
        return name
    return None


def unit_kind(unit: Optional[str]) -> str:
    """The claim kind of a unit: percent, money, duration, quantity, or count."""
    if not unit:
        return "count"
    if unit in ("percent", "percentage point", "basis point"):
        return "percent"
    if unit in CURRENCY_NAMES or unit in ("cent", "penny", "sen") or unit.split(" per ")[0] in CURRENCY_NAMES:
        return "money"
    if unit in DURATIONS:
        return "duration"
    if unit in UNITS.values() or unit in UNITS_CASED.values():
        return "quantity"
    return "count"


# --------------------------------------------------------------------------- evaluation names

_IRREGULAR_PLURALS = {
    "people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "fishermen": "fisherman",
    "policemen": "policeman", "data": "data", "media": "media", "criteria": "criterion",
    "analyses": "analysis", "crises": "crisis", "series": "series", "species": "species",
    "news": "news", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
    "halves": "half", "shelves": "shelf", "thieves": "thief", "wolves": "wolf",
    "viruses": "virus", "buses": "bus", "bonuses": "bonus", "campuses": "campus",
    "statuses": "status", "gases": "gas", "aircraft": "aircraft", "sheep": "sheep",
    "deer": "deer", "police": "police", "staff": "staff", "cattle": "cattle",
}


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """A cheap English singular of a lower-case plural noun ("bosses" -> "boss",
    "countries" -> "country", "people" stays)."""
    w = word
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if len(w) <= 3 or not w.endswith("s") or w.endswith("ss") or w.endswith("us") or w.endswith("is"):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(ches|shes|sses|xes|zzes)$", w):
        return w[:-2]
    return w[:-1]


#: superlatives whose positive is not their stem
_IRREGULAR_SUPERLATIVES = {"best": "good", "worst": "bad", "furthest": "far", "farthest": "far",
                           "largest": "large", "strangest": "strange"}
#: words ending in "-est" that are not superlatives ("forest fires", "interest rates")
_NOT_SUPERLATIVES = {"forest", "interest", "protest", "test", "west", "midwest", "guest", "request",
                     "contest", "chest", "nest", "pest", "quest", "vest", "rest", "crest", "harvest",
                     "conquest", "inquest", "arrest", "manifest", "priest", "tempest", "behest", "bequest",
                     "digest", "earnest", "honest", "modest", "everest", "southwest", "northwest", "unrest",
                     "suggest", "invest", "fest", "zest", "jest", "lest"}


@lru_cache(maxsize=4096)
def positive(word: str) -> str:
    """The positive of a lower-case superlative adjective ("best" -> "good", "largest" ->
    "large", "biggest" -> "big", "busiest" -> "busy", "proudest" -> "proud"); other
    words as they are. NewsQuant names what is counted by its lemmas ("one of the best
    speakers": "good speaker")."""
    w = word
    if w in _IRREGULAR_SUPERLATIVES:
        return _IRREGULAR_SUPERLATIVES[w]
    if len(w) < 6 or not w.endswith("est") or not w.isalpha() or w in _NOT_SUPERLATIVES:
        return w
    stem = w[:-3]
    if stem.endswith("i"):
        return stem[:-1] + "y"  # "busiest", "earliest"
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]  # "biggest", "hottest" (not "smallest", "tallest")
    vowels = "aeiou"
    if len(stem) >= 3 and stem[-1] not in vowels + "wxy" and stem[-2] in vowels and stem[-3] not in vowels:
        return stem + "e"  # "latest", "finest", "widest", "safest", "closest"
    return stem


def newsquant_unit(unit: Optional[str], counted_words: Optional[str] = None) -> str:
    """The NewsQuant ``normalized_unit`` name of one of our units.

    Currencies by name ("GBP" -> "pound sterling"), "percent" -> "percentage", units as
    they are; for counts the singular of the counted noun phrase (``counted_words``:
    the modifiers and head noun between the number and the end of its noun phrase),
    "-" when nothing is counted."""
    if unit:
        if unit in UNITS.values() or unit in UNITS_CASED.values():
            return NEWSQUANT_NAMES.get(unit, unit)
        if " per " in unit:
            a, b = unit.split(" per ", 1)
            return f"{newsquant_unit(a)} per {newsquant_unit(b)}"
        if unit in CURRENCY_NAMES:
            return CURRENCY_NAMES[unit]
        if unit in NEWSQUANT_NAMES:
            return NEWSQUANT_NAMES[unit]
        if unit in UNITS.values() or unit in UNITS_CASED.values() or unit in MINOR_CURRENCIES.values():
            return unit
    if counted_words:
        head, _, rate = counted_words.lower().partition(" per ")
        words = head.split()
        if words:
            # lemmas, as NewsQuant names what is counted: "the largest dinosaurs to ever live"
            # -> "large dinosaur live" (a word is singular, a superlative positive)
            words = [positive(singular(w)) for w in words[:-1]] + [singular(words[-1])]
            return " ".join(words) + (f" per {rate}" if rate else "")
    if unit:
        return singular(unit.lower())
    return "-"
