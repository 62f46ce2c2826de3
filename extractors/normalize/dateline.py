"""The publication date of an article from its header (no spaCy).

News pages put the date in a line of its own near the top ("13 December 2023, 17:54 |
Updated: 14 December 2023, 12:30", "Tuesday, 7th August 2018, 11:07 am"), after a marker
("Published: 3 August 2023", "Posted on August 3, 2023") or after a byline
("By Jane Smith | 12 Jan 2022"). :func:`find_dateline` looks only at the first lines
(``HEADER_CHARS`` characters) and only takes a full calendar date (day, month and year)
that stands as a header line or next to such a marker, so a date mentioned in a body
sentence ("was arrested on 13 December 2022 in Leeds") is not taken.

>>> find_dateline("Headline\\n13 December 2023, 17:54 | Updated: 14 December 2023, 12:30\\nBody.")
('2023-12-13', 9, 32)
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Optional, Tuple

__all__ = ["find_dateline", "HEADER_CHARS"]

#: how far into the text a dateline may start
HEADER_CHARS = 600
#: how many lines from the top
HEADER_LINES = 12

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TIME = r"(?:(?:,|\s|\bat\b|-|\|)+(?:[0-2]?\d[:.][0-5]\d(?:\s?[ap]\.?m\.?)?|[01]?\d\s?[ap]\.?m\.?)(?:\s+(?:GMT|BST|UTC|[A-Z]{2,4}))?)?"

_PATTERNS = [
    # 13 December 2023 / Tuesday, 7th August 2018 / 7th of August, 2018
    re.compile(rf"{_WEEKDAY}?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}", re.I),
    # August 3, 2023 / Thursday, Aug. 3rd 2023
    re.compile(rf"{_WEEKDAY}?{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}", re.I),
    # 2023-08-03 (optionally with a time)
    re.compile(r"(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    # 03/08/2023 (day first) and 2023/08/03
    re.compile(r"(?P<num>[0-3]?\d[/.][01]?\d[/.](?:19|20)\d{2}|(?:19|20)\d{2}/[01]?\d/[0-3]?\d)" + _TIME, re.I),
]

#: a clock time written before the date of a header field ("Published: 13:45 GMT, 7 August
#: 2018", "Last updated at 10:03 on 3 May 2012")
_CLOCK_FIRST = (r"(?:(?:at\s+)?(?:[0-2]?\d[:.][0-5]\d(?:\s?[ap]\.?m\.?)?|[01]?\d\s?[ap]\.?m\.?)"
                r"(?:\s+(?:GMT|BST|UTC|[A-Z]{2,4}))?\s*(?:,|on)?\s*)?")
#: a marker that opens a header field ("Published:", "Posted on", "Last updated"): the
#: whole text before the date in its field (after the last '|') must be the marker
_MARKER = re.compile(
    r"^\W*(?:first |last )?(?:published|posted|date(?:d)?|created|filed|issued|released|"
    r"modified|updated)\s*(?:on|at)?\s*[:\-]?\s*" + _CLOCK_FIRST + r"$", re.I)
_BYLINE = re.compile(r"(?:^|\|)\s*by\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*[|,\-\u2013\u2014]\s*$", re.I)
_UPDATED = re.compile(r"(?:updated|modified)\s*(?:on|at)?\s*:?\s*" + _CLOCK_FIRST + r"$", re.I)
#: words allowed around a header date besides the date itself
_HEADER_WORDS = re.compile(
    r"^(?:published|posted|first|last|updated|update|modified|on|at|date|dated|by|am|pm|"
    r"gmt|bst|utc|est|edt|cet|et|pt|uk|time|read|min|mins|minute|minutes|share|comments?|and|"
    r"[|/\-\u2013\u2014\u00b7\u2022:,.]+)$", re.I)


def _to_iso(m: re.Match, day_first: bool = True) -> Optional[str]:
    g = m.groupdict()
    try:
        if g.get("iso"):
            return _dt.date.fromisoformat(g["iso"]).isoformat()
        if g.get("num"):
            parts = re.split(r"[/.]", g["num"])
            if len(parts[0]) == 4:
                y, mo, d = int(parts[0]), int(parts[1]), int(parts[2])
            else:
                d, mo, y = int(parts[0]), int(parts[1]), int(parts[2])
                if not day_first:
                    d, mo = mo, d
                if mo > 12 and d <= 12:
                    d, mo = mo, d
            return _dt.date(y, mo, d).isoformat()
        mo = _MONTHS[g["mon"].lower().rstrip(".")]
        return _dt.date(int(g["year"]), mo, int(g["day"])).isoformat()
    except (ValueError, KeyError, TypeError):
        return None


def _is_header(line: str, ls: int, m: re.Match) -> bool:
    """Does the date at ``m`` (offsets in the text; the line starts at ``ls``) stand as a
    header: a line of its own (bar markers, times, bylines), or right after a marker?"""
    before = line[: m.start() - ls]
    after = line[m.end() - ls:]
    if _MARKER.search(before.split("|")[-1]) or _BYLINE.search(before):
        return True
    # the rest of the line: nothing but header words, or a second header field after '|'
    rest_after = after.split("|")[0] if "|" in after else after
    words = before.split() + rest_after.split()
    if "|" in before:
        # "By X | date" handled above; "Section | date" is a header too if short
        words = before.split("|")[-1].split() + rest_after.split()
    leftovers = [w for w in words if not _HEADER_WORDS.match(w)]
    if not leftovers:
        return True
    # a short byline on the same line: "Jane Smith, 13 December 2023"
    if len(leftovers) <= 3 and not before.strip().endswith((".", "!", "?")) and all(w[:1].isupper() for w in leftovers) and not after.strip():
        return True
    return False


@lru_cache(maxsize=1024)
def find_dateline(text: str, day_first: bool = True) -> Optional[Tuple[str, int, int]]:
    """The publication date stated in the header of an article.

    Returns ``(iso_date, start, end)`` with the character span of the date as written
    (with its weekday and time, if any), or None when the header has no dateline. The
    first header date wins ("13 December 2023, 17:54 | Updated: 14 December 2023" gives
    2023-12-13); an "Updated" date is taken only when it is the only one. ``day_first``:
    "03/08/2023" is 3 August (False: 8 March; a number over 12 is a day either way).
    """
    if not text:
        return None
    head = text[:HEADER_CHARS]
    best_updated: Optional[Tuple[str, int, int]] = None
    pos = 0
    for i, line in enumerate(head.split("\n")):
        ls = pos
        pos += len(line) + 1
        if i >= HEADER_LINES:
            break
        if not line.strip() or len(line) > 200:
            continue
        found = []
        for pat in _PATTERNS:
            for m in pat.finditer(text, ls, ls + len(line)):
                found.append(m)
        found.sort(key=lambda m: m.start())
        for m in found:
            iso = _to_iso(m, day_first)
            if iso is None or not _is_header(line, ls, m):
                continue
            end = m.end()
            while end > m.start() and text[end - 1] in " ,|-":
                end -= 1
            hit = (iso, m.start(), end)
            if _UPDATED.search(line[: m.start() - ls]):
                best_updated = best_updated or hit
                continue
            return hit
    return best_updated
