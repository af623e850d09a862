"""Expressions dated by what the article said before them, and the quarter arithmetic of
company news.

"that year", "the following year" and "later that year" point back to the last year the article
named; "the next day", "the day before", "that day", "that week" and "that month" to the last day it
dated (the narrated date, TimeML's reference time), else to the anchor; so do "three days later" and
"two years later" ("ago" counts from the anchor); "a month earlier" and "the previous month" count
from the last month dated, by a day or a month ("in July ... the previous month's" is June), and "a
year earlier" right after a month, or "the same month a year earlier", is that month a year back,
and right after a year named in figures ("in 2017, up 15 percent from a year ago") the year before it.
"The quarter", "the latest quarter" and "this quarter" point to the last quarter it dated (else to
the quarter being reported: the one before the anchor's, early in a quarter), "the previous quarter"
to the one before that; "the year-ago quarter", "the year-earlier period", "the 1988 period" (that
year; right after a month, "the 1997 period" and "the year-earlier period" are that month, in
that year or a year back) and, after a quarter was named, "a year earlier" to that quarter one year back (with no
quarter named, "a year ago" is left to the other rules), and after a stretch of months ("the first
nine months") to the year before. A quarter named without a year ("third-quarter profit") is the
nearest such quarter, one still to come counting more in a past-tense sentence; one named by its end
("the quarter ended July 31") the calendar quarter holding most of it.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from tidings.facts.times.calendar import (
    MONTHS,
    NUMBERS,
    ORDINAL_Q,
    PARTS,
    WEEKDAYS,
    Result,
    normalise,
    number,
    pick_year,
    shifted,
)

_ORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_QUARTER_REF = re.compile(
    r"(?:the |this |that |its |their )?(?:(?:latest|most recent|recent|same|just[- ]ended|just[- ]completed|"
    r"fiscal|reporting) )*quarter"
)
_YEAR_BACK_QUARTER = (
    re.compile(
        r"(?:the |its )?(?:comparable |corresponding |same |fiscal )*(?:year[- ](?:ago|earlier)|prior[- ]year|"
        r"previous[- ]year) (?:fiscal )?(?:" + _ORD + r" )?(?:fiscal )?(?:quarter|period)"
    ),
    re.compile(
        r"(?:the |its )?(?:comparable |corresponding |same )*(?:" + _ORD + r" )?(?:quarter|period) "
        r"(?:a year (?:ago|earlier)|of (?:the )?(?:previous|prior) year|last year)"
    ),
    re.compile(r"last year'?s (?:" + _ORD + r" )?(?:quarter|period)"),
)
_SAME_MONTH_BACK = re.compile(
    r"(?:the )?(?:same|corresponding|comparable) month "
    r"(?:last year|a year (?:ago|earlier)|of (?:the )?(?:previous|prior) year)"
)
_YEAR_BACK = re.compile(r"(?:a |one |the )?year[- ](?:ago|earlier)(?: (?:results|figures))?")
_THIS_YEARS_QUARTER = re.compile(
    r"(?:(?P<rel>this|last|next) year'?s?|(?P<year>\d{4})(?:'s)?) (?:fiscal )?" + _ORD + r"[- ](?:fiscal )?quarter"
)
_YEAR_PERIOD = re.compile(r"(?:the )?(?P<year>1[89]\d\d|20\d\d) (?:fiscal )?(?:period|quarter)")
_ORD_QUARTER = re.compile(r"(?:the |its |their |an? )?(?:fiscal )?" + _ORD + r"[- ](?:fiscal )?(?:quarter|period)")
_HALF = re.compile(
    r"(?:the )?(?P<h>first|second|last|latter) half(?: of (?:the (?:fiscal )?year|(?:fiscal )?(?P<year>\d{4})|"
    r"(?P<rel>this|last|next) (?:fiscal )?year))?"
)


@dataclass
class Discourse:
    """What the article has dated so far (one per article, filled in reading order)."""

    year: int | None = None  # the last year named in so many words
    quarter: str | None = None  # the last quarter dated: "1989-Q3"
    months: bool = False  # a stretch of months ("the nine months") was named after that quarter
    day: date | None = None  # the last day dated ("Tuesday", "Oct. 23"): what "the next day" counts from
    month: date | None = None  # the first day of the last month dated (by a day or a month): "a month earlier"
    by_month: bool = False  # the last expression dated was a month ("in July"): "a year earlier" is July before
    by_year: int | None = None  # the last expression dated was this year ("in 2017"): "a year ago" is the one before

    def note(self, text: str, value: str | None, *, base: bool = False) -> None:
        """Take in one expression; ``base`` when it is what a figure is compared with ("rose to
        2.06 mln in January from 2.57 mln in December"): the period reported stays the one a
        later "a year earlier" or "the previous month" counts from (as it does past a month
        "a year earlier" named)."""
        if _MONTHS_STRETCH.search(text.casefold()):
            self.months = True
        back = _YEAR_BACK.fullmatch(normalise(text)) or _SAME_MONTH_BACK.fullmatch(normalise(text))
        if value is None or value.endswith("_REF") or ((base or back) and re.fullmatch(r"\d{4}(?:-\d\d)?", value)):
            # "a year earlier" is itself what is compared with, not the period reported; "now",
            # "current" date no period ("February's current account ... a year ago": February)
            return
        self.by_month = re.fullmatch(r"\d{4}-\d\d", value) is not None
        # a year named in figures ("in 2017", "fiscal 1988"), not one counted ("by year end", "last year")
        self.by_year = int(value) if re.fullmatch(r"\d{4}", value) and value in text else None
        day = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value)
        if day:
            with contextlib.suppress(ValueError):  # a malformed day is no reference
                self.day = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
        month = re.match(r"^(\d{4})-(\d\d)(?:-\d\d)?(?:T|$)", value)
        if month and 1 <= int(month.group(2)) <= 12 and not _COUNTED.fullmatch(normalise(text)):
            self.month = date(int(month.group(1)), int(month.group(2)), 1)
        if re.match(r"^\d{4}-Q[1-4]$", value) and not _looks_back(text):
            self.quarter = value  # "the year-ago quarter" compares with it, it does not replace it
            self.months = False
        explicit = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
        if explicit:
            self.year = int(explicit.group(1))


# "the first nine months", "the latest six months": results to date, compared with the same
# months a year before ("... compared with $1.1 billion a year earlier" is that year, not a quarter)
_MONTHS_STRETCH = re.compile(r"\b(?:six|nine|6|9)[- ]months?\b")


def _looks_back(text: str) -> bool:
    t = text.casefold()
    return bool(
        re.search(r"year[- ](?:ago|earlier)|(?:prior|previous) year|last year|a year", t)
        or _YEAR_PERIOD.fullmatch(normalise(t))
    )


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


# A quarter still to come counts this much farther in a past-tense sentence ("earned ... in the
# first quarter"). No penalty the other way: results are reported, and expected, after a
# quarter ends ("expects to report a third-quarter loss" in October is the quarter just gone).
QUARTER_WRONG_SIDE = 4.0


def nearest_quarter_year(anchor: date, q: int, direction: str | None) -> int:
    """Year of "the third quarter" said on ``anchor``: the nearest one (see QUARTER_WRONG_SIDE)."""
    now = anchor.year * 4 + quarter_of(anchor) - 1
    best, best_cost = anchor.year, float("inf")
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        diff = year * 4 + q - 1 - now
        cost = abs(diff) * (QUARTER_WRONG_SIDE if direction == "past" and diff > 0 else 1.0)
        if cost < best_cost:
            best, best_cost = year, cost
    return best


def reported_quarter(anchor: date, direction: str | None) -> str:
    """The quarter "the quarter" means with nothing named before: early in a quarter (the
    reporting season) and not looking ahead, the one just ended; else the anchor's."""
    q, year = quarter_of(anchor), anchor.year
    days_in = (anchor - date(year, 3 * q - 2, 1)).days
    if direction != "future" and days_in < 45:
        q, year = (q - 1, year) if q > 1 else (4, year - 1)
    return f"{year}-Q{q}"


_ENDED = re.compile(
    r"\s*,?\s*(?:that |which )?(?:ended|ending|ends)\s+(?P<mon>[a-z]+)\.?\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>\d{4}))?"
)


def _end_day(after: str) -> tuple[int, int, str | None, bool] | None:
    """The end day the text after a period names (", which ended Dec. 31, 1998"): its month, day,
    year when written, and whether the period is over ("ended", not "ending"/"ends")."""
    m = _ENDED.match(after.casefold())
    if not m or m.group("mon") not in MONTHS:
        return None
    return MONTHS[m.group("mon")], int(m.group("day")), m.group("year"), "ended" in m.group()


def quarter_ended(span: str, after: str, anchor: date) -> str | None:
    """The calendar quarter of a fiscal quarter named only by its end ("the quarter ended July 31"
    is May to July: 1989-Q2, the quarter holding most of it); None unless ``span`` is such a
    quarter without an ordinal and ``after`` (the text following it) names the end day."""
    end = _end_day(after)
    if not _QUARTER_REF.fullmatch(normalise(span)) or end is None:
        return None
    month, day, written, _ = end
    year = int(written) if written else pick_year(anchor, month, day, "past")
    try:
        middle = date(year, month, day) - timedelta(days=45)
    except ValueError:
        return None
    return f"{middle.year}-Q{quarter_of(middle)}"


_PERIOD_REF = re.compile(r"(?:the |its |their )?(?:(?:latest|most recent|fiscal|financial|business) )*(year|month)")


def period_ended(span: str, after: str, anchor: date) -> str | None:
    """The year or month a year or month named only by its end is ("for the year ended Dec. 31" said
    in March is the year before the anchor's, "the month ended Feb. 28" February; TimeML values it
    by the day it ends); None unless ``span`` is such a period and ``after`` names the end day."""
    end = _end_day(after)
    period = _PERIOD_REF.fullmatch(normalise(span))
    if not period or end is None:
        return None
    month, day, written, over = end
    # one that "ended" is over; one "ending" is still running ("a profit for the year ending Dec. 31")
    year = written or str(pick_year(anchor, month, day, "past" if over else "future"))
    return year if period.group(1) == "year" else f"{year}-{month:02d}"


def _back_a_year(quarter: str, q: str | None) -> str:
    year, num = int(quarter[:4]), quarter[-1]
    return f"{year - 1}-Q{ORDINAL_Q[q] if q else num}"


def resolve_anaphor(t: str, anchor: date, direction: str | None, ctx: Discourse | None) -> Result | None:
    """The value of ``t`` (normalised text) when it is a quarter, a half or an expression that
    points back; None when it is none of these."""
    ref_quarter = (ctx.quarter if ctx else None) or reported_quarter(anchor, direction)
    if (
        ctx is not None
        and ctx.by_month
        and ctx.month is not None
        and re.search(r"\bperiod\b", t)
        and not re.search(_ORD, t)
    ):
        # "sales rose in March, compared with the 1997 period / the year-earlier period": the period
        # compared is the one just dated, a month, not a quarter
        m = _YEAR_PERIOD.fullmatch(t)
        if m:
            return (f"{m.group('year')}-{ctx.month.month:02d}", "month", "date")
        if any(rx.fullmatch(t) for rx in _YEAR_BACK_QUARTER):
            return (f"{ctx.month.year - 1}-{ctx.month.month:02d}", "month", "date")
    for rx in _YEAR_BACK_QUARTER:
        m = rx.fullmatch(t)
        if m:
            return (_back_a_year(ref_quarter, m.group("q")), "quarter", "date")
    m = _YEAR_PERIOD.fullmatch(t)
    if m:  # "up from $1.2 million in the 1988 period": the quarter reported, in that year
        return (f"{m.group('year')}-Q{ref_quarter[-1]}", "quarter", "date")
    m = _THIS_YEARS_QUARTER.fullmatch(t)
    if m:
        rel = {"this": 0, "last": -1, "next": 1}
        year = int(m.group("year")) if m.group("year") else anchor.year + rel[m.group("rel")]
        return (f"{year}-Q{ORDINAL_Q[m.group('q')]}", "quarter", "date")
    m = _ORD_QUARTER.fullmatch(t)
    if m:
        q = ORDINAL_Q[m.group("q")]
        return (f"{nearest_quarter_year(anchor, q, direction)}-Q{q}", "quarter", "date")
    if _QUARTER_REF.fullmatch(t) or re.fullmatch(r"the (?:latest|most recent) period", t):
        return (ref_quarter, "quarter", "date")
    if re.fullmatch(r"(?:the )?(?:previous|preceding|prior) (?:fiscal )?quarter|the quarter before", t):
        year, num = int(ref_quarter[:4]), int(ref_quarter[-1])  # the one before the quarter reported
        return (f"{year - (num == 1)}-Q{4 if num == 1 else num - 1}", "quarter", "date")
    if _SAME_MONTH_BACK.fullmatch(t) and ctx is not None and ctx.month is not None:
        # "fell 0.8 pct against the same month a year earlier", after "in January": last January
        return (f"{ctx.month.year - 1}-{ctx.month.month:02d}", "month", "date")
    if _YEAR_BACK.fullmatch(t):
        if ctx is not None and ctx.by_month and ctx.month is not None:  # "rose in July from a year earlier"
            return (f"{ctx.month.year - 1}-{ctx.month.month:02d}", "month", "date")
        if ctx is not None and ctx.by_year is not None:  # "handled in 2017, up 15 percent from a year ago": 2016
            return (str(ctx.by_year - 1), "year", "date")
        if ctx is not None and ctx.quarter is not None and ctx.months:
            return (str(int(ctx.quarter[:4]) - 1), "year", "date")
        if ctx is not None and ctx.quarter is not None:
            return (_back_a_year(ctx.quarter, None), "quarter", "date")
        return None  # no quarter named: the rules for "a year ago" and "year-earlier" decide
    m = _HALF.fullmatch(t)
    if m and (m.group("year") or m.group("rel") or t.endswith("the year")):
        year = (
            int(m.group("year"))
            if m.group("year")
            else anchor.year + {"this": 0, "last": -1, "next": 1}.get(m.group("rel") or "this", 0)
        )
        return (f"{year}-H{1 if m.group('h') == 'first' else 2}", "half", "date")
    if m and t.startswith("the "):  # "the first half": the anchor's year's (the second, said in the first: last year's)
        half = 1 if m.group("h") == "first" else 2
        year = anchor.year - (half == 2 and anchor.month <= 6 and direction == "past")
        return (f"{year}-H{half}", "half", "date")
    return _counted_from_narrated(t, ctx) or _back_to_day(t, anchor, ctx) or _back_to_year(t, anchor, ctx)


_COUNTED = re.compile(
    r"(?P<num>\d{1,3}|(?:" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")(?:[ -]\w+)?) "
    r"(?P<unit>day|week|month|year|decade)s? (?P<way>later|after|earlier|before)"
)


def _counted_from_narrated(t: str, ctx: Discourse | None) -> Result | None:
    """ "three days later", "two weeks before", "a year later", "four decades later": counted from the narrated time
    (TimeML's reference time: the last day the article dated, for years the last year it named),
    where "ago" counts from the anchor. None with nothing narrated (then the anchor: resolve.py),
    and for "a year earlier" (company news compares with the period reported: the other rules)."""
    m = _COUNTED.fullmatch(t)
    if m is None or ctx is None:
        return None
    n, unit, later = number(m.group("num")), m.group("unit"), m.group("way") in ("later", "after")
    if n is None or n <= 0:
        return None
    sign = 1 if later else -1
    if unit == "decade":  # "begun in 1930 and completed four decades later": 1970, ten years a decade
        unit, n = "year", 10 * n
    if unit == "year":
        if ctx.year is None or (n == 1 and not later):
            return None
        return (str(ctx.year + sign * n), "year", "date")
    if unit == "month" and ctx.month is not None:  # "down from a month earlier" after "in October": September
        return shifted(ctx.month, unit, sign * n)
    if ctx.day is None:
        return None
    return shifted(ctx.day, unit, sign * n)


_NEIGHBOUR_WEEKDAY = re.compile(r"the (following|next|previous|preceding) (" + "|".join(WEEKDAYS) + ")")
_DAY_STEPS = {"the next day": 1, "the following day": 1, "the day after": 1,
              "the previous day": -1, "the day before": -1, "the preceding day": -1, "the prior day": -1,
              "that day": 0, "the same day": 0, "that same day": 0, "earlier that day": 0,
              "later that day": 0}  # fmt: skip


_PART_OF_DAY = re.compile(
    r"(?:that|(?:that|the) same|the (next|following|previous|preceding)) "
    r"(morning|afternoon|evening|night)"
)


def _back_to_day(t: str, anchor: date, ctx: Discourse | None) -> Result | None:
    """A day, week or month counted from the narrated date (the last day the article dated;
    without one, the anchor): "the next day", "that week"."""
    ref = ctx.day if ctx is not None and ctx.day is not None else anchor
    if t in _DAY_STEPS:
        return ((ref + timedelta(days=_DAY_STEPS[t])).isoformat(), "day", "date")
    m = _NEIGHBOUR_WEEKDAY.fullmatch(t)
    if m:  # "the following Monday": the first Monday after the narrated day, "the previous Friday" the last before
        gap = (WEEKDAYS.index(m.group(2)) - ref.weekday()) % 7 or 7
        day = ref + timedelta(days=gap if m.group(1) in ("following", "next") else gap - 7)
        return (day.isoformat(), "day", "date")
    part = _PART_OF_DAY.fullmatch(t)
    if part:  # "that night", "the next morning": TimeML's part of the narrated day (1998-04-02TNI)
        day = ref + timedelta(days=_DAY_STEPS.get(f"the {part.group(1)} day", 0) if part.group(1) else 0)
        return (f"{day.isoformat()}T{PARTS[part.group(2)]}", "day", "time")
    m = re.fullmatch(r"(?:(?:earlier|later|early|late) )?(?:in )?(?:that|the same) (week|month)|"
                     r"the (following|next|previous|preceding) (week|month)|"
                     r"the (week|month) (before|after)", t)  # fmt: skip
    unit = m.group(1) or m.group(3) or m.group(4) if m else None
    if unit == "month" and ctx is not None and ctx.month is not None:
        ref = ctx.month  # "rose in July, cooling from the previous month's": June
    elif m is None or (m.group(2) and (ctx is None or ctx.day is None)):
        return None  # "the next week" with no day narrated: the anchor's next week (resolve.py)
    assert m is not None and unit is not None
    step = {"following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}
    return shifted(ref, unit, step.get(m.group(2) or m.group(5) or "", 0))


def _back_to_year(t: str, anchor: date, ctx: Discourse | None) -> Result | None:
    ref = ctx.year if ctx is not None and ctx.year is not None else None
    if re.fullmatch(r"(?:(?:earlier|later|early|late) )?(?:in )?(?:that|the same) year", t):
        return (str(ref), "year", "date") if ref is not None else None
    if re.fullmatch(r"the (?:following|next|subsequent) year|a year later", t):
        return (str((ref or anchor.year) + 1), "year", "date")
    if re.fullmatch(r"the (?:previous|preceding|prior) year|the year before", t):
        return (str((ref or anchor.year) - 1), "year", "date")
    return None
