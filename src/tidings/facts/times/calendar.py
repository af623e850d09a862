"""Calendar arithmetic and text folding for temporal expressions (used by timex_resolve).

Weekday/month/holiday tables, number words and spoken years ("nineteen ninety-six"), ISO
weeks, and the tense-aware choice of which occurrence of an under-specified date is meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

Result = tuple[str | None, str | None, str]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# TimeML's parts of a day: "Wednesday night" is 2000-01-05TNI
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
         "hour": "H", "minute": "MIN", "quarter": "Q", "night": "D", "weekend": "WE"}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "couple": 2,
    "half": 0, "several": -1, "few": -1, "many": -1, "some": -1,
}  # fmt: skip
ORDINAL_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|since|until|till|through|during|for|from|between|of|over|within|to|as of|before|after)\s+)+"
)


def number(word: str) -> int | None:
    """Digits or number words ("twenty four" -> 24); -1 for "several"/"few"."""
    word = word.strip()
    if re.fullmatch(r"\d+", word):
        return int(word)
    total = 0
    for part in re.split(r"[ -]", word):
        if part not in NUMBERS:
            return None
        if NUMBERS[part] == -1:
            return -1
        total += NUMBERS[part]
    return total


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q([1-4])))?$")


def value_start(value: str | None) -> date | None:
    """First day of a normalised value: 2023-06-18, 2023-06, 2023-W24 (its Monday),
    2023-Q3, 2023. None for durations, fuzzy values and anything malformed."""
    match = _VALUE.match(value or "")
    if not match:
        return None
    year, month, day, week, quarter = match.groups()
    try:
        if week:
            return date.fromisocalendar(int(year), max(1, int(week)), 1)
        if quarter:
            return date(int(year), 3 * int(quarter) - 2, 1)
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def value_end(value: str | None) -> date | None:
    """Last day of a normalised value (see :func:`value_start`)."""
    match = _VALUE.match(value or "")
    start = value_start(value)
    if not match or start is None:
        return None
    _, month, day, week, quarter = match.groups()
    if day:
        return start
    if week:
        return start + timedelta(days=6)
    if quarter:
        y, m = add_months(start.year, start.month, 3)
    elif month:
        y, m = add_months(start.year, start.month, 1)
    else:
        y, m = start.year + 1, 1
    return date(y, m, 1) - timedelta(days=1)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


# How much farther an occurrence against the tense may be and still win: "changed ... in
# December" said in October is last December, "a mission in December" said in March this one;
# the tense read off a parse is wrong often enough that a date a month or so against it still
# wins ("directors authorized a dividend payable Dec. 7" said in late October), but not two months
# ahead (at 4.0 "changed ... in December" said on Oct. 27 was this December; at 6.0 two tune-half
# gold-span month errors go and none comes, and MEANTIME's are unchanged).
WRONG_SIDE = 6.0


def pick_year(anchor: date, month: int, day: int | None, direction: str | None) -> int:
    """Year of an under-specified month (and day): the occurrence nearest the anchor, where
    one on the wrong side of the tense's direction counts WRONG_SIDE times ("in September" said of a
    coming summit in June is this September; "in October" said in January, last October)."""
    best_year, best_cost = anchor.year, float("inf")
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            diff = float((year * 12 + month) - (anchor.year * 12 + anchor.month))
        else:
            try:
                diff = (date(year, month, day) - anchor).days / 30.4
            except ValueError:  # 29 February
                diff = (date(year, month, 28) - anchor).days / 30.4
        wrong = (direction == "past" and diff > 0) or (direction == "future" and diff < 0)
        cost = abs(diff) * (WRONG_SIDE if wrong else 1.0)
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def weekday(anchor: date, wd: int, direction: str | None, shift: str | None) -> date:
    """The weekday nearest the anchor in ``direction`` (the anchor itself when it is that
    weekday); "last"/"next"/"this" override the tense."""
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if shift == "last":
        return anchor - timedelta(days=back or 7)
    if shift == "next":
        return anchor + timedelta(days=fwd or 7)
    if shift == "this" or direction == "future":
        return anchor + timedelta(days=fwd)
    if direction is None and fwd == 1:
        # with no tense to go by, the day after the anchor ("boycott Saturday's polls" on a Friday)
        # is far likelier meant than the same weekday six days back
        return anchor + timedelta(days=1)
    return anchor - timedelta(days=back)


def duration(n: int | None, unit: str) -> str:
    code = UNITS[unit]
    count = "X" if n is None or n < 0 else str(n)
    if code in ("H", "MIN"):
        return f"PT{count}{code[0]}"
    if code == "DE":
        return f"P{'X' if count == 'X' else int(count) * 10}Y"
    if code == "CE":
        return f"P{'X' if count == 'X' else int(count) * 100}Y"
    if code == "Q":
        return f"P{'X' if count == 'X' else int(count) * 3}M"
    return f"P{count}{'D' if code == 'WE' else code}"


def shifted(anchor: date, unit: str, delta: int) -> Result:
    """The unit (day/week/month/quarter/year) ``delta`` steps from the anchor's."""
    if unit in ("day", "night"):
        return ((anchor + timedelta(days=delta)).isoformat(), "day", "date")
    if unit in ("week", "weekend"):
        d = anchor + timedelta(weeks=delta)
        return (iso_week(d) + ("-WE" if unit == "weekend" else ""), "week", "date")
    if unit == "month":
        y, m = add_months(anchor.year, anchor.month, delta)
        return (f"{y}-{m:02d}", "month", "date")
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + delta
        return (f"{anchor.year + q // 4}-Q{q % 4 + 1}", "quarter", "date")
    if unit == "year":
        return (str(anchor.year + delta), "year", "date")
    if unit == "decade":
        return (str(anchor.year // 10 + delta), "decade", "date")
    if unit == "century":
        return (f"{anchor.year // 100 + delta:02d}", "century", "date")
    return (None, None, "fuzzy")


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SPOKEN_YEAR = re.compile(
    r"\b(?:(?P<c>nineteen|eighteen|twenty) (?P<t>"
    + "|".join(_TENS)
    + r")(?:[ -](?P<o>"
    + "|".join(_ONES)
    + r"))?|two thousand(?: and)?(?: (?P<o2>"
    + "|".join(_ONES)
    + r"))?)\b"
)
# TimeML keeps a hedge out of the value (its ``mod``: APPROX, MORE_THAN, LESS_THAN): "more than 20
# years ago" is 1978 as "20 years ago" is, so is "a little over 20 years ago"; "some" only before a count
# ("some 30 years ago", not "some years ago"); nor does a focus particle ("only yesterday", "only a
# few years ago": the day, the past)
_HEDGES = re.compile(r"^(?:(?:around|about|approximately|roughly|almost|nearly|just|only|"
                     r"as (?:soon|early|late) as|so far|(?:a )?little|(?:more|less|fewer) than|well over|"
                     r"some(?= (?:\d|(?:" + "|".join(_TENS | _ONES) + r")\b))|"
                     r"at (?:least|most)|least|"
                     r"a good part of|"
                     r"sometime|some time|as recently as|as long ago as|no later than|not until)\s+)+|"
                     r"\s+(?:or so|or later|or earlier|and beyond|or two)$")  # fmt: skip


_ARTICLE_BEFORE_DATE = re.compile(r"^an? (?=(?:" + "|".join(MONTHS) + r")\.? \d)")


def _spoken_year(m: re.Match[str]) -> str:
    if m.group("c"):
        return str({"nineteen": 19, "eighteen": 18, "twenty": 20}[m.group("c")] * 100 + _TENS[m.group("t")]
                   + _ONES.get(m.group("o") or "", 0))  # fmt: skip
    return str(2000 + _ONES.get(m.group("o2") or "", 0))


# The analysts' shorthand for a quarter or half ("Q3", "Q3 2009", "2009 Q3", "H1 of 2010"), said in words.
_SHORT_PERIOD = re.compile(r"^(?:(?P<y1>(?:19|20)\d\d) )?(?P<k>[qh])(?P<n>[1-4])(?: (?:of )?(?P<y2>(?:19|20)\d\d))?$")
_ORDINAL_WORDS = ("first", "second", "third", "fourth")


def _short_period(m: re.Match[str]) -> str:
    if m.group("k") == "h" and m.group("n") not in ("1", "2"):
        return m.group()
    year = m.group("y1") or m.group("y2")
    words = f"the {_ORDINAL_WORDS[int(m.group('n')) - 1]} {'quarter' if m.group('k') == 'q' else 'half'}"
    return f"{words} of {year}" if year else words


def normalise(text: str) -> str:
    t = text.casefold().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,.;:()\"'")
    # "the 1960's", "the late 1970's": the decade (a year's possessive takes no article: "1990's budget")
    t = re.sub(r"^(the (?:(?:early|mid|late)[- ])?|(?:early|mid|late)[- ])(\d{3}0)'s$", r"\1\2s", t)
    t = re.sub(r"'s$", "", t)
    t = re.sub(r" or so(?= (?:ago|earlier|later)$)", "", t)
    t = _SPOKEN_YEAR.sub(_spoken_year, t)
    t = re.sub(r"^(?:the )?year (\d{4})$", r"\1", t)
    t = _ARTICLE_BEFORE_DATE.sub("", t)  # "an Aug. 10, 1988, agreement"
    # "this past summer", "this coming Sunday": the last and the next one, for every named unit
    t = re.sub(r"\bthis past (?!\d|year|decade|century)", "last ", t)  # "this past year": the one ending
    t = re.sub(r"\bthis coming (?!\d)", "next ", t)
    t = _SHORT_PERIOD.sub(_short_period, t)  # "q3 2009", "2009 q3", "h1": the quarter or half
    t = re.sub(r"\ba couple of\b", "two", t)
    t = re.sub(r"\ba few\b", "few", t)  # "a few years ago": PAST_REF, as "several years ago"
    for _ in range(2):
        t = _HEDGES.sub("", _LEAD.sub("", t).strip()).strip()
    return t


def _nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    """The n-th (1-based; -1 = last) weekday ``wd`` of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return nxt - timedelta(days=(nxt.weekday() - wd) % 7)


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the computus: the Sunday after the ecclesiastical full
    moon on or after 21 March, in the anonymous Gregorian form published in Nature, 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month = (h + el - 7 * m + 90) // 25
    return date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


# US/Western holidays common in English news (fixed dates and weekday rules).
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31), "independence day": lambda y: date(y, 7, 4),
    "fourth of july": lambda y: date(y, 7, 4), "july fourth": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31), "valentine's day": lambda y: date(y, 2, 14),
    "veterans day": lambda y: date(y, 11, 11), "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4), "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter": easter, "easter sunday": easter, "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1), "palm sunday": lambda y: easter(y) - timedelta(days=7),
}  # fmt: skip


def holiday(core: str, anchor: date, direction: str | None) -> date | None:
    # "the Fourth of July", "the Labor Day (weekend)": the article is no part of the name
    m = re.fullmatch(r"(?:the )?(?:(last|next|this) )?(.+?)(?: (\d{4}))?", core)
    if not m or m.group(2) not in HOLIDAYS:
        return None
    rule = HOLIDAYS[m.group(2)]
    if m.group(3):
        return rule(int(m.group(3)))
    days = [rule(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if m.group(1) == "last":
        return max(d for d in days if d < anchor)
    if m.group(1) == "next":
        return min(d for d in days if d > anchor)

    def cost(d: date) -> float:
        diff = (d - anchor).days
        wrong = (direction == "past" and diff > 0) or (direction == "future" and diff < 0)
        return abs(diff) * (WRONG_SIDE if wrong else 1.0)

    return min(days, key=cost)
