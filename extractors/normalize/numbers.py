"""Numbers as news writes them: digits, scales, words, fractions, ranges, bounds, hedges.

Pure functions (no spaCy), cached. The claims component finds the span of a figure in
the parsed text; this module reads the span's text and says what number it states.

>>> parse_number("2,087")
2087.0
>>> parse_number("£1.2bn") is None          # a currency sign is not part of a bare number
True
>>> parse_phrase("between 680,000-830,000").low
680000.0
>>> parse_phrase("eight in 10").value, parse_phrase("eight in 10").unit
(80.0, 'percent')

Every value returned is a finite float or None; nothing here raises on odd input.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

# --------------------------------------------------------------------------- word tables

UNITS: Dict[str, int] = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS: Dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: words that multiply what precedes them
SCALES: Dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
#: abbreviated scales glued to or following a number ("1.2bn", "3m", "5k", "£4.5 mln")
SCALE_ABBREVIATIONS: Dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "million": 1e6,
    "bn": 1e9, "b": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trn": 1e12, "trillion": 1e12,
}
#: plural scale words used vaguely: "dozens", "hundreds of thousands"
VAGUE: Dict[str, float] = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 1e2, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}
DOZEN = {"dozen": 12, "gross": 144}

#: denominators of fractions in words, singular and plural
FRACTIONS: Dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}

#: words before a figure that make it a lower bound (">"), an upper bound ("<") or
#: approximate ("~"); longest phrases are matched first
BOUND_PHRASES: Dict[str, str] = {
    "more than": ">", "over": ">", "at least": ">", "above": ">", "in excess of": ">",
    "upwards of": ">", "upward of": ">", "greater than": ">", "exceeding": ">",
    "no less than": ">", "no fewer than": ">", "not less than": ">", "a minimum of": ">",
    "just over": ">", "well over": ">", "well above": ">", "north of": ">",
    "more than double": ">", "higher than": ">", "a record": "=", "as many as": "<",
    "as much as": "<", "as high as": "<",
    "up to": "<", "less than": "<", "fewer than": "<", "under": "<", "below": "<",
    "no more than": "<", "not more than": "<", "at most": "<", "a maximum of": "<",
    "just under": "<", "just below": "<", "lower than": "<", "as few as": "<",
    "sub": "<", "within": "<", "shy of": "<", "just shy of": "<",
    "approximately": "~", "approx": "~", "about": "~", "around": "~", "roughly": "~",
    "an estimated": "~", "estimated": "~", "nearly": "~", "almost": "~", "some": "~",
    "circa": "~", "close to": "~", "roughly some": "~",
    "an approximate": "~", "approximate": "~", "near": "~", "nigh on": "~",
    "the best part of": "~", "getting on for": "~", "or so": "~", "~": "~", "≈": "~",
}
#: hedge words that are not bounds
HEDGES = {k for k, v in BOUND_PHRASES.items() if v == "~"}
#: words after a figure: "200 or more", "10 or so", "5 and above"
TRAILING_BOUNDS: Dict[str, str] = {
    "or more": ">", "and more": ">", "or above": ">", "and above": ">", "plus": ">",
    "or over": ">", "and over": ">", "or fewer": "<", "or less": "<", "and under": "<",
    "or under": "<", "and below": "<", "or so": "~", "odd": "~", "or thereabouts": "~",
}

#: change cues: words before a figure that make it a change ("rose 8%", "fell by 3")
UP_WORDS = {
    "up", "rose", "rise", "rises", "rising", "risen", "increase", "increased", "increases",
    "increasing", "gain", "gained", "gains", "gaining", "climb", "climbed", "climbs",
    "climbing", "jump", "jumped", "jumps", "jumping", "grew", "grow", "grows", "growing",
    "grown", "surge", "surged", "surges", "surging", "soar", "soared", "soars", "soaring",
    "advance", "advanced", "advances", "added", "adds", "rallied", "rally", "boost",
    "boosted", "higher", "raise", "raised", "raises", "lift", "lifted", "spiked",
    "rebounded", "increment", "+", "raising", "hike", "hiked", "hikes", "hiking", "doubled",
    "trebled", "tripled", "quadrupled", "accelerated", "widened",
}
DOWN_WORDS = {
    "down", "fell", "fall", "falls", "falling", "fallen", "drop", "dropped", "drops",
    "dropping", "decline", "declined", "declines", "declining", "decrease", "decreased",
    "decreases", "decreasing", "lost", "lose", "loses", "losing", "slid", "slide", "slides",
    "sliding", "slip", "slipped", "slips", "shed", "sheds", "plunged", "plunge", "plunges",
    "plummeted", "plummet", "tumbled", "tumble", "sank", "sink", "sunk", "dipped", "dip",
    "dips", "eased", "ease", "eases", "cut", "cuts", "reduced", "reduce", "reduction",
    "lower", "shrank", "shrink", "shrunk", "contracted", "slumped", "slump", "retreated",
    "crashed", "tanked", "downgraded", "-", "lowered", "lowering", "lowers", "cutting", "slowed",
    "slow", "slows", "slowing", "halved", "narrowed", "trimmed", "reducing",
}
#: verbs and nouns of a change that name no direction: "revised from 5 to 7 per cent"
CHANGE_WORDS = {
    "change", "changed", "changes", "changing", "revise", "revised", "revises", "revising",
    "revision", "move", "moved", "moves", "moving", "shift", "shifted", "shifts", "shifting",
    "went", "go", "goes", "going", "gone", "adjust", "adjusted", "adjusts", "switch", "switched",
    "turn", "turned", "upgraded", "swing", "swung",
}
#: verbs and nouns that make "from X to Y" a span of values, not a change ("ranging from")
RANGE_WORDS = {"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying",
               "span", "spans", "spanning", "anywhere", "somewhere"}

PERCENT_WORDS = ("per cent", "percent", "pct", "pc", "%", "per-cent", "percentage")

# --------------------------------------------------------------------------- helpers

_NUM_RE = re.compile(r"^[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
_GLUED_RE = re.compile(
    r"^(?P<sign>[+\-−]|minus-?)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?P<frac>\.\d+)?"
    r"(?:[×x\*]10(?:\^|\*\*)?(?P<exp>[\-−]?\d+)|[eE](?P<eexp>[+\-]?\d+))?$"
)
_MAX = 1e300


def finite(x: Optional[float]) -> Optional[float]:
    """``x`` when it is a finite float within a sane range, else None."""
    if x is None:
        return None
    try:
        x = float(x)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isnan(x) or math.isinf(x) or abs(x) > _MAX:
        return None
    return x


@lru_cache(maxsize=8192)
def parse_digits(text: str) -> Optional[float]:
    """A number written in digits: ``"2,087"``, ``"1.3"``, ``".001"``, ``"-5"``,
    ``"minus-5"``, ``"1.99×10−30"``, ``"1e3"``. None when ``text`` is not one."""
    t = text.strip().replace("\u2212", "-").replace("\u2009", "").replace("\u202f", "")
    if not t or len(t) > 64:
        return None
    m = _GLUED_RE.match(t)
    if not m or not (m.group("int") or m.group("frac")):
        return None
    num = (m.group("int") or "0").replace(",", "") + (m.group("frac") or "")
    try:
        value = float(num)
        exp = m.group("exp") or m.group("eexp")
        if exp is not None:
            e = int(exp.replace("−", "-"))
            if abs(e) > 300:
                return None
            value = value * (10.0 ** e)
    except (ValueError, OverflowError):
        return None
    if m.group("sign") and m.group("sign") not in ("+",):
        value = -value
    return finite(value)


@lru_cache(maxsize=4096)
def parse_fraction_digits(text: str) -> Optional[float]:
    """``"1/16"`` or ``"1⁄32"`` as a number (0.0625); None for dates and fiscal years
    (``"2016/17"``, ``"12/05"`` are not fractions: the numerator must be small)."""
    m = re.match(r"^(\d{1,2})\s*[/⁄]\s*(\d{1,4})$", text.strip())
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if b == 0 or a >= b:
        return None
    return a / b


def mixed_fraction(text: str) -> Optional[float]:
    """The fraction part of a mixed number as written after a whole number ("1/2", "3/4",
    "7/8", "1/16" in "10 1/2"): halves, thirds, quarters and binary parts only; else None."""
    m = re.match(r"^(\d{1,2})[/⁄](2|3|4|8|16|32|64)$", text)
    if not m or int(m.group(1)) >= int(m.group(2)):
        return None
    return int(m.group(1)) / int(m.group(2))


#: an upper-case M or B glued to a number is a scale ("4.3M sales", "$5B"), never metres or bits
_SCALE_CASE = re.compile(r"(\d)\s?([MB])(?![A-Za-z])")


def _words(text: str) -> List[str]:
    """Lower-case words and numbers of a phrase; hyphens and 'and' kept as words."""
    found = re.findall(
        r"\d{1,2}[/⁄]\d{1,4}(?![\d/])|\d[\d,]*(?:\.\d+)?(?:[×x]10[\-−]?\d+)?|\.\d+|[a-zμµ]+\.?|[%$£€¥~≈+=\-−–—/⁄]",
        _SCALE_CASE.sub(r"\1 \2n", text).lower().replace("’", "'"),
    )
    # a full stop after a word ends the sentence or an abbreviation ("£2.7m.", "approx.")
    return [w[:-1] if len(w) > 1 and w.endswith(".") and w[0].isalpha() else w for w in found]


def words_value(words: Sequence[str]) -> Optional[float]:
    """The value of a number written as words, digits with scale words, or both:
    ``["twenty", "-", "five"]`` 25, ``["4", "hundred", "million"]`` 4e8,
    ``["a", "dozen"]`` 12, ``["one", "hundred", "and", "twenty"]`` 120. None if not one."""
    ws = [w for w in words if w not in ("-", "and", ",")]
    if not ws:
        return None
    if ws[0] in ("a", "an", "one") and len(ws) > 1 and (ws[1] in SCALES or ws[1] in DOZEN):
        ws = ["1"] + ws[1:]
    total, current, seen = 0.0, 0.0, False
    for w in ws:
        d = parse_digits(w)
        if d is not None:
            if seen and current and current % 1 == 0 and d < 10 and current >= 20 and current % 10 == 0:
                current += d  # "twenty 5": rare, but harmless
            elif seen and current:
                return None  # two numbers in a row: not one number
            else:
                current = d
            seen = True
        elif w in UNITS:
            if seen and current and (current % 10 or current >= 100 and current % 100 and current % 100 < 10):
                return None
            current += UNITS[w]
            seen = True
        elif w in TENS:
            if seen and current % 100:
                return None
            current += TENS[w]
            seen = True
        elif w in DOZEN:
            current = (current or 1) * DOZEN[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in SCALES or (w in SCALE_ABBREVIATIONS and w not in ("m", "b")):
            scale = SCALES.get(w) or SCALE_ABBREVIATIONS[w]
            if not seen:
                return None
            if current == 0 and total:
                total *= scale
            else:
                total += (current or 1) * scale
            current = 0.0
        else:
            return None
    return finite(total + current) if seen else None


@lru_cache(maxsize=8192)
def parse_number(text: str) -> Optional[float]:
    """A single number in digits, words, or digits with a scale: ``"2,087"`` 2087,
    ``"1.2bn"`` 1.2e9, ``"3m"`` 3e6, ``"5k"`` 5000, ``"2.5 million"`` 2.5e6,
    ``"twenty-five"`` 25, ``"a dozen"`` 12, ``"1/16"`` 0.0625. None when not a number
    (including absurd input such as ``"1e309"`` or ``"10^999"``)."""
    t = text.strip()
    if not t or len(t) > 80:
        return None
    d = parse_digits(t)
    if d is not None:
        return d
    f = parse_fraction_digits(t)
    if f is not None:
        return f
    m = re.match(r"^([+\-−]?\d[\d,]*(?:\.\d+)?|\.\d+)\s*([a-zA-Z]+)$", t)
    if m and m.group(2).lower() in SCALE_ABBREVIATIONS:
        base = parse_digits(m.group(1))
        return finite(base * SCALE_ABBREVIATIONS[m.group(2).lower()]) if base is not None else None
    return words_value(_words(t))


# --------------------------------------------------------------------------- glued tokens


@dataclass(frozen=True)
class NumToken:
    """One token that holds a number with letters or signs glued to it:
    ``"£1.2bn"`` -> prefix "£", value 1.2e9; ``"118.5p"`` -> value 118.5, suffix "p";
    ``"1.3%-1.6"`` -> value 1.3, value2 1.6, percent."""

    value: float
    prefix: str = ""
    suffix: str = ""
    value2: Optional[float] = None  # second end of a range written in one token
    scaled: bool = False  # a scale abbreviation was applied ("bn", "m", "k")
    percent: bool = False
    approximate: bool = False
    fraction: bool = False  # written as a/b


_TOKEN_RE = re.compile(
    r"^(?P<pre>[A-Za-z$£€¥₹₩₪#=~≈]*?[$£€¥₹₩₪=]?)"
    r"(?P<approx>[~≈])?"
    r"(?P<num>(?:minus-?|[+\-−])?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[×x]10[\-−]?\d+)?)"
    r"(?P<pct>%)?"
    r"(?:(?P<dash>[\-–—])(?P<num2>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?))?"
    r"(?P<suf>[A-Za-z°″′\"'/%μµΩ²³\-\.]*[23]?)$"
)


@lru_cache(maxsize=16384)
def split_token(text: str) -> Optional[NumToken]:
    """Read one token that contains a number. None when it holds no usable number."""
    if not text or len(text) > 40 or not any(c.isdecimal() for c in text):
        return None
    f = parse_fraction_digits(text)
    if f is not None:
        return NumToken(value=f, fraction=True)
    m = _TOKEN_RE.match(text)
    if not m or not re.search(r"\d", m.group("num") or ""):
        return None
    value = parse_digits(m.group("num"))
    if value is None:
        return None
    suffix = m.group("suf") or ""
    scaled = False
    sl = suffix.lower().rstrip(".")
    if sl in SCALE_ABBREVIATIONS and sl not in ("thousand", "million", "billion", "trillion"):
        value = finite(value * SCALE_ABBREVIATIONS[sl])
        if value is None:
            return None
        scaled = True
    value2 = parse_digits(m.group("num2")) if m.group("num2") else None
    pct = bool(m.group("pct")) or suffix.startswith("%")
    return NumToken(
        value=value, prefix=m.group("pre") or "", suffix=suffix, value2=value2,
        scaled=scaled, percent=pct, approximate=bool(m.group("approx")),
    )


# --------------------------------------------------------------------------- phrases


@dataclass(frozen=True)
class Parsed:
    """What a phrase states. ``value`` is None for two-sided ranges; a bound sets one of
    ``low``/``high``. ``unit`` is "percent" for proportions and percentages, or what the
    phrase's own words say (currency sign, scale) is left to :mod:`units`."""

    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    approximate: bool = False
    bound: Optional[str] = None  # ">" (at least), "<" (at most), "~"
    unit: Optional[str] = None  # "percent" / "percentage point" when the phrase says so
    proportion: bool = False  # written as a fraction or "x in y"
    vague: bool = False  # "dozens", "hundreds of thousands"
    is_range: bool = False
    first: Optional[float] = None  # "from X to Y": X (the range in the order written)
    second: Optional[float] = None
    rest: str = ""  # words after the number (the unit as written)
    lead: str = ""  # words before the number (currency signs, bounds)


def _match_phrase(ws: Sequence[str], i: int, table) -> Tuple[Optional[str], int]:
    """Longest phrase of ``table`` starting at word ``i``: (phrase, number of words)."""
    best, n_best = None, 0
    for n in (4, 3, 2, 1):
        if i + n <= len(ws):
            cand = " ".join(ws[i:i + n])
            if cand in table and n > n_best:
                best, n_best = cand, n
                break
    return best, n_best


def vague_bounds(words: Sequence[str], convention: str = "ours") -> Optional[Tuple[float, float]]:
    """Bounds of a vague plural scale: "dozens", "hundreds of thousands", "tens of millions".

    ``convention="ours"``: a plural means at least two: "hundreds of thousands" is
    200,000 to 1,000,000. ``convention="newsquant"``: the NewsQuant annotators' reading,
    one to ten of the unit ("dozens" 12-120)."""
    ws = [w for w in words if w not in ("of",)]
    if not ws or ws[0] not in VAGUE:
        return None
    unit = VAGUE[ws[0]]
    for w in ws[1:]:
        if w in SCALES:
            unit *= SCALES[w]
        elif w in VAGUE and w != "dozens":
            unit *= VAGUE[w]
        else:
            return None
    low = unit if convention == "newsquant" else 2 * unit
    return finite(low), finite(10 * unit)


def is_denominator(b: float) -> bool:
    """Could ``b`` be the "y" of "x in y"? Small whole numbers and round powers of ten
    ("one in five", "eight in 10", "one in 1,000"), never a year ("1,731 in 2003")."""
    if b != int(b) or b <= 0:
        return False
    if b <= 100:
        return True
    return math.log10(b) == int(math.log10(b))


@lru_cache(maxsize=4096)
def fraction_percent(text: str) -> Optional[float]:
    """A proportion in words as a percentage: "a quarter" 25, "two-thirds" 66.67,
    "half" 50, "a fifth" 20, "three quarters" 75, "eight in 10" 80, "one in five" 20,
    "four out of five" 80. None otherwise."""
    ws = [w for w in _words(text) if w not in ("-",)]
    if not ws:
        return None
    # "x in y" / "x out of y"
    for sep in (("in",), ("out", "of")):
        n = len(sep)
        for i in range(1, len(ws) - n):
            if tuple(ws[i:i + n]) == sep:
                a, b = parse_number(" ".join(ws[:i])), parse_number(" ".join(ws[i + n:]))
                if a is not None and b and 0 <= a <= b and is_denominator(b):
                    return finite(100.0 * a / b)
                return None
    if ws[-1] in FRACTIONS:
        num_words = ws[:-1]
        if not num_words and ws[-1] not in ("half",):
            return None
        if not num_words or num_words in (["a"], ["an"], ["one"]):
            num = 1.0
        else:
            num = parse_number(" ".join(num_words))
            if num is None:
                return None
        den = FRACTIONS[ws[-1]]
        if num >= den:
            return None
        return finite(100.0 * num / den)
    return None


def _strip_lead(ws: List[str]) -> Tuple[List[str], Optional[str], bool, List[str]]:
    """Remove bound and hedge phrases from the front: (rest, bound, approximate, removed)."""
    bound, approx, removed = None, False, []
    i = 0
    while i < len(ws):
        p, n = _match_phrase(ws, i, BOUND_PHRASES)
        if not p:
            break
        kind = BOUND_PHRASES[p]
        if kind == "~":
            approx = True
        elif kind in (">", "<"):
            bound = kind
        removed.extend(ws[i:i + n])
        i += n
        if p == "sub" and i < len(ws) and ws[i] == "-":
            i += 1  # "sub-7": the hyphen of the prefix, not a minus
    return ws[i:], bound, approx, removed


_CURRENCY_LEAD = {"$", "£", "€", "¥", "us", "usd", "a", "au", "nz", "hk", "c", "ca", "s", "rs",
                  "rm", "ps", "gbp", "eur", "jpy", "inr", "y", "=", "r", "kr", "chf", "cny",
                  "rmb", "aud", "cad", "nzd", "sgd", "hkd", "₹", "₩", "₪", "sek", "nok", "dkk",
                  "zar", "mxn", "brl", "krw", "rub", "try", "pln", "myr", "idr", "php", "thb"}


def _number_run(ws: List[str], i: int) -> Tuple[Optional[float], int, dict]:
    """Read the longest number starting at word ``i``: (value, words used, flags)."""
    flags: dict = {}
    # vague plural scales
    j = i
    if j < len(ws) and ws[j] in VAGUE:
        k = j + 1
        run = [ws[j]]
        while k + 1 < len(ws) and ws[k] == "of" and (ws[k + 1] in SCALES or ws[k + 1] in VAGUE):
            run += [ws[k], ws[k + 1]]
            k += 2
        b = vague_bounds(run)
        if b:
            flags["vague"] = b
            flags["vague_words"] = run
            return None, k - i, flags
    best: Tuple[Optional[float], int] = (None, 0)
    for k in range(i + 1, min(len(ws), i + 8) + 1):
        seg = ws[i:k]
        if seg[-1] in ("-", "and"):
            continue
        v = None
        if k - i == 1:
            v = parse_digits(seg[0])
            if v is None:
                v = parse_fraction_digits(seg[0])
        if v is None:
            v = words_value(seg)
        if v is not None:
            best = (v, k - i)
        elif k - i >= 2 and seg[-1] not in SCALES and seg[-1] not in SCALE_ABBREVIATIONS \
                and seg[-1] not in UNITS and seg[-1] not in TENS and seg[-1] not in DOZEN:
            break
    if best[1] == 1 and i + 1 < len(ws) and ws[i].isdecimal() and mixed_fraction(ws[i + 1]) is not None:
        # a mixed number: "10 1/2 miles", "7 3/4 %"
        return finite(best[0] + mixed_fraction(ws[i + 1])), 2, flags
    if best[0] is not None and best[1] >= 1:
        # glued abbreviation right after digits: "1.2 bn", "4.5 mln"
        k = i + best[1]
        if k < len(ws) and ws[k] in SCALE_ABBREVIATIONS and ws[k] not in SCALES and best[1] == 1 \
                and parse_digits(ws[i]) is not None:
            if ws[k] in ("m", "b") and not flags.get("money"):
                flags["maybe_scale"] = ws[k]
            else:
                return finite(best[0] * SCALE_ABBREVIATIONS[ws[k]]), best[1] + 1, flags
    return best[0], best[1], flags


@lru_cache(maxsize=8192)
def parse_phrase(text: str) -> Optional[Parsed]:
    """Read a figure as written in a news sentence.

    >>> p = parse_phrase("more than 200"); (p.value, p.low, p.bound)
    (200.0, 200.0, '>')
    >>> p = parse_phrase("1.3%-1.6%"); (p.low, p.high, p.unit)
    (1.3, 1.6, 'percent')
    >>> parse_phrase("hundreds of thousands").low
    200000.0
    """
    if not text or len(text) > 300:
        return None
    ws = _words(text)
    if not ws:
        return None
    ws, bound, approx, lead = _strip_lead(ws)
    between = False
    from_to = False
    if ws and ws[0] == "between":
        between, ws = True, ws[1:]
    elif ws and ws[0] == "from":
        from_to, ws = True, ws[1:]
    # proportions in words
    pct = fraction_percent(" ".join(ws))
    if pct is not None:
        return _bounded(Parsed(value=pct, unit="percent", proportion=True, approximate=approx, lead=" ".join(lead)), bound)
    # currency before the number
    i = 0
    money = False
    while i < len(ws) and ws[i] in _CURRENCY_LEAD and parse_digits(ws[i]) is None and parse_fraction_digits(ws[i]) is None:
        if ws[i] in ("a", "c", "s", "r", "y") and not (i + 1 < len(ws) and ws[i + 1] in ("$", "=", "£")) and not money:
            break
        money = True
        i += 1
    lead += ws[:i]
    ws = ws[i:]
    neg = False
    if ws and ws[0] in ("minus", "-", "−") and len(ws) > 1:
        neg, ws = True, ws[1:]
    elif ws and ws[0] == "+" and len(ws) > 1:
        ws = ws[1:]
    v1, n1, f1 = _number_run(ws, 0)
    if f1.get("vague"):
        lo, hi = f1["vague"]
        rest = ws[n1:]
        return _bounded(Parsed(low=lo, high=hi, approximate=True, vague=True, is_range=True,
                               rest=" ".join(rest), lead=" ".join(lead)), bound)
    if v1 is None:
        return None
    if neg:
        v1 = -v1
    k = n1
    unit = None
    if f1.get("maybe_scale") and money:
        v1 = finite(v1 * SCALE_ABBREVIATIONS[f1["maybe_scale"]])
        k += 1

    def read_percent(k: int) -> Tuple[Optional[str], int]:
        if k < len(ws):
            if ws[k] == "%":
                return "percent", k + 1
            if ws[k] in ("percent", "pct", "pc", "percentage") and not (k + 1 < len(ws) and ws[k + 1] == "points"):
                return "percent", k + 1
            if ws[k] == "per" and k + 1 < len(ws) and ws[k + 1] == "cent":
                return "percent", k + 2
            if ws[k] in ("percentage",) and k + 1 < len(ws) and ws[k + 1] in ("point", "points"):
                return "percentage point", k + 2
        return None, k

    unit, k = read_percent(k)
    # second end of a range
    v2 = None
    if k < len(ws) and (ws[k] in ("-", "–", "—", "to") or (between and ws[k] == "and") or (ws[k] == "or" and not between)):
        j = k + 1
        while j < len(ws) and ws[j] in _CURRENCY_LEAD and parse_digits(ws[j]) is None and ws[j] not in ("a",):
            j += 1
        if j < len(ws) and ws[j] in ("-", "minus"):
            j2 = j + 1
        else:
            j2 = j
        cand, n2, f2 = _number_run(ws, j2)
        if cand is not None and not (ws[k] == "or" and f2.get("vague")):
            if j2 != j:
                cand = -cand
            if f2.get("maybe_scale") and money:
                cand = finite(cand * SCALE_ABBREVIATIONS[f2["maybe_scale"]])
                n2 += 1
            k2 = j2 + n2
            # "1.2 to 1.5 billion": the scale of the second end applies to the first
            if n1 == 1 and cand is not None and k2 - j2 >= 2 and ws[k2 - 1] in SCALES \
                    and abs(v1) < 1000 and parse_digits(ws[0]) is not None \
                    and cand is not None and abs(v1) <= abs(cand) / SCALES[ws[k2 - 1]]:
                v1 = finite(v1 * SCALES[ws[k2 - 1]])
            u2, k2 = read_percent(k2)
            unit = unit or u2
            v2 = cand
            k = k2
    rest = " ".join(ws[k:])
    trailing = None
    for phrase, kind in TRAILING_BOUNDS.items():
        if rest == phrase or rest.startswith(phrase + " "):
            trailing = kind
            rest = rest[len(phrase):].strip()
            break
    if trailing == "~":
        approx = True
    elif trailing:
        bound = bound or trailing
    if v2 is not None:
        lo, hi = (v1, v2)
        return Parsed(low=min(lo, hi), high=max(lo, hi), first=lo, second=hi, approximate=approx,
                      unit=unit, is_range=True, rest=rest, lead=" ".join(lead),
                      bound=None)
    return _bounded(Parsed(value=v1, unit=unit, approximate=approx, rest=rest, lead=" ".join(lead)), bound)


def _bounded(p: Parsed, bound: Optional[str]) -> Parsed:
    """Apply a one-sided bound: ">" sets ``low``, "<" sets ``high``."""
    if bound == ">" and p.value is not None:
        return replace(p, low=p.value, bound=">")
    if bound == "<" and p.value is not None:
        return replace(p, high=p.value, bound="<")
    if bound == ">" and p.vague:
        return replace(p, bound=">")
    return p


# --------------------------------------------------------------------------- change


def change_label(before: Sequence[str], after: Sequence[str] = (), *, bound: Optional[str] = None,
                 approximate: bool = False) -> str:
    """The NewsQuant change label of a figure from the words around it.

    ``before``: up to four lower-case words right before the figure (nearest last);
    ``after``: words right after it. "rose 8%" / "up 9.4 per cent" / "an increase of 5"
    / "up from 1,731" -> "up"; "fell by 3" -> "down"; a bound -> ">" / "<"; a hedge -> "~";
    else "=". A figure that is the end point ("rose to $84") is not a change.
    """
    b = [w.lower() for w in before]
    a = [w.lower() for w in after]
    # the figure's own sign: "+0.2%"
    if b and b[-1] == "+":
        return "up"
    # skip "by", "of", "a", "an", "some", "about", "from" between cue and figure
    skip = {"by", "of", "a", "an", "just", "only", "nearly", "almost", "about", "around",
            "some", "roughly", "approximately", "more", "than", "over", "another", "further",
            "sharply", "marginally", "slightly", "steeply", "from", "was", "were", "is", "are",
            "been", "has", "have", "had", "be", "to"}
    to_seen = False
    for w in reversed(b[-5:]):
        if w == "to":
            to_seen = True
            break
        if w in UP_WORDS and w not in ("+", "-"):
            return "up"
        if w in DOWN_WORDS and w not in ("+", "-"):
            return "down"
        if w not in skip:
            break
    if not to_seen and a[:1] == ["higher"]:
        return "up"
    if not to_seen and a[:1] == ["lower"]:
        return "down"
    if bound in (">", "<"):
        return bound
    if approximate:
        return "~"
    return "="
