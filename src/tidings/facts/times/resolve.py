"""Normalise one temporal expression against an anchor date (TimeML-style values).

``resolve_timex("on Monday", date(2023, 6, 18), direction="future")`` ->
``("2023-06-19", "day", "date")``. Values: ``2023-06-18`` (day), ``2023-06`` (month),
``2023`` (year), ``2023-W24`` (week), ``2023-Q3`` (quarter), ``2023-SU`` (season),
``199`` (decade), ``P2D`` (duration), ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` (fuzzy).
``direction`` (``past``/``future``/None, from the governing verb; see timex_rules) says
which way an under-specified name points: "met on Friday" is the Friday before the
anchor, "will meet on Monday" the Monday after, and the anchor's own weekday is the
anchor itself. Our own rules first; dateparser only parses what is left of an explicit date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tidings.facts.times.anaphora import Discourse, nearest_quarter_year, resolve_anaphor
from tidings.facts.times.calendar import (
    MONTHS,
    NUMBERS,
    ORDINAL_Q,
    PARTS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    Result,
    duration,
    holiday,
    iso_week,
    normalise,
    number,
    pick_year,
    shifted,
    weekday,
)

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_NUM = (
    r"(?P<num>\d+(?:\.\d+)?|(?:"
    + "|".join(sorted(NUMBERS, key=len, reverse=True))
    + r")(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_UNIT = r"(?P<unit>" + "|".join(UNITS) + r")s?"
_MODS = re.compile(r"^(?:(?:the\s+)?(?:earlier|early|later|late|middle of|mid|end of|start of|beginning of|end(?=-)|"
                   r"first half of|second half of)(?![a-z])\s*-?\s*(?:in\s+)?(?:the\s+)?)+")  # fmt: skip


FUZZY = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "present": "PRESENT_REF",
    "the present": "PRESENT_REF", "the present day": "PRESENT_REF",
    "these days": "PRESENT_REF", "nowadays": "PRESENT_REF", "the moment": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF",
    "lately": "PAST_REF", "once": "PAST_REF", "formerly": "PAST_REF", "earlier": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF", "future": "FUTURE_REF", "later": "FUTURE_REF",
    "shortly": "FUTURE_REF", "the coming": "FUTURE_REF", "current": "PRESENT_REF", "right now": "PRESENT_REF",
    "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF", "the immediate future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "near future": "FUTURE_REF", "the recent past": "PAST_REF",
    "the near term": "FUTURE_REF",
}  # fmt: skip
SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D"}  # fmt: skip
# "tonight" is not here: it is the anchor's night, TimeML 1998-03-18TNI (the parts-of-day rule below)
DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}  # fmt: skip


def resolve_timex(text: str, anchor: date, *, direction: str | None = None, context: Discourse | None = None) -> Result:
    """(value, precision, kind) of one expression; (None, None, "fuzzy") when we cannot say.
    ``context`` carries what the article dated before (see :mod:`anaphora`)."""
    t = normalise(text)
    if not t:
        return (None, None, "fuzzy")
    found = resolve_anaphor(t, anchor, direction, context)
    if found is not None:
        return found
    found = _own_rules(t, anchor, direction)
    if found is not None:
        return found
    week = re.fullmatch(r"(?:the )?week (?:of|beginning|starting|ending) (?P<date>.+)", t)
    if week:  # "the week of March 16": the (ISO) week holding that day
        found = _own_rules(week.group("date"), anchor, direction)
        if found is not None and found[1] == "day" and found[0] is not None:
            return (iso_week(date.fromisoformat(found[0][:10])), "week", "date")
    step = re.fullmatch(r"the (?P<unit>day|week) (?P<way>after|before) (?P<date>.+)", t)
    if step:  # "the day after Christmas", "the week before Easter": counted from the day named
        found = _own_rules(step.group("date"), anchor, direction)
        if found is not None and found[1] == "day" and found[0] is not None:
            named = date.fromisoformat(found[0][:10])
            return shifted(named, step.group("unit"), 1 if step.group("way") == "after" else -1)
    nth = re.fullmatch(r"(?:the )?(?P<day>\d{1,2})(?:st|nd|rd|th) of (?P<month>.+)", t)
    if nth:  # "the 30th of this month", "the 5th of next month": that day of the month named
        found = _own_rules(nth.group("month"), anchor, direction)
        if found is not None and found[1] == "month" and found[0] is not None:
            try:
                return (date(int(found[0][:4]), int(found[0][5:7]), int(nth.group("day"))).isoformat(), "day", "date")
            except ValueError:
                return (None, None, "fuzzy")
    part = re.fullmatch(r".+? of (?P<date>.+)", t)
    if part:  # "the first nine months of the year", "the early hours of Thursday morning": the date named
        found = _own_rules(part.group("date"), anchor, direction)
        if found is not None and found[2] in ("date", "time"):
            return found
    at_hour = _clock_on_date(t, anchor, direction)
    if at_hour is not None:
        return at_hour
    return _fallback(t, anchor, direction)


def _own_rules(t: str, anchor: date, direction: str | None) -> Result | None:
    for rule in (_relative, _named, _explicit, _durations):
        found = rule(t, anchor, direction)
        if found is not None:
            return found
    return None


def _relative(t: str, anchor: date, direction: str | None) -> Result | None:
    if t in FUZZY:
        return (FUZZY[t], None, "fuzzy")
    if t in SETS or re.fullmatch(r"(?:every|each|per) (?:single )?(day|week|month|year|quarter)", t):
        m = re.fullmatch(r"(?:every|each|per) (?:single )?(\w+)", t)
        return (SETS.get(t) or duration(1, m.group(1) if m else "day"), None, "set")
    core = _MODS.sub("", t).strip()
    m = re.fullmatch(_CLOCK, core)
    if m:
        return (f"{anchor.isoformat()}T{clock(m)}", "time", "time")
    if core in DAY_WORDS:
        return ((anchor + timedelta(days=DAY_WORDS[core])).isoformat(), "day", "date")
    m = re.fullmatch(
        r"(this|last|yesterday|tomorrow|today'?s?) (morning|afternoon|evening|night)|tonight|overnight", core
    )
    if m:
        word = m.group(1) or "this"
        delta = {"yesterday": -1, "tomorrow": 1}.get(word, -1 if (word == "last" and m.group(2) == "night") else 0)
        part = PARTS.get(m.group(2) or ("night" if core != "overnight" else "overnight"), "NI")
        return (f"{(anchor + timedelta(days=delta)).isoformat()}T{part}", "day", "time")
    m = re.fullmatch(r"(?:the )?(this|last|next|previous|prior|preceding|current|coming|following|latest|"
                     r"most recent) (?:fiscal|financial|budget) year", core)  # fmt: skip
    if m:  # "the previous fiscal year", "the latest fiscal year": a whole one, the last one ended
        step = {"next": 1, "coming": 1, "following": 1, "this": 0, "current": 0}.get(m.group(1), -1)
        return (str(anchor.year + step), "year", "date")
    m = re.fullmatch(r"(?:the )?(this past|this coming|this|last|next|past|previous|coming|current|same|following|"
                     r"present) (?:(?:fiscal|financial) (?=quarter))?"  # "the last financial quarter": a quarter
                     r"(day|week|weekend|month|quarter|year|decade|century)", core)  # fmt: skip
    if m:
        rel, unit = m.groups()
        rel = {"this past": "last", "this coming": "next"}.get(rel, rel)  # "this past weekend": the one just gone
        if rel in ("past",) and t.startswith("the ") and unit != "weekend":  # "the past year": a stretch of time
            # (a weekend is no measure of time but a named stretch: "over the past weekend" is the last one)
            return (duration(1, unit), None, "duration")
        delta = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        if unit == "weekend" and delta == 0 and direction == "past" and anchor.weekday() < 5:
            delta = -1  # "said over this weekend" on a Monday: the one just gone
        if unit == "week" and anchor.weekday() == 6 and delta <= 0 and not (delta == 0 and direction == "past"):
            # a Sunday starts a news week: "last week" is the one ending that day (ISO weeks
            # run Monday to Sunday), "this week" the one beginning; but what "happened this
            # week" is the week ending that day, and "next week" the one starting tomorrow
            return shifted(anchor + timedelta(days=1), unit, delta)
        return shifted(anchor, unit, delta)
    m = re.fullmatch(r"(?:the )?(year|month|week|weekend) (before last|after next)", core)
    if m:  # "the year before last": two back; "the week after next": two ahead
        return shifted(anchor, m.group(1), -2 if m.group(2) == "before last" else 2)
    m = re.fullmatch(r"(?:the )?(month|quarter)[- ]end|mid-?(week)", core)
    if m:  # "by month-end", "at quarter-end" (as "year-end"), "midweek": the anchor's
        return shifted(anchor, m.group(1) or m.group(2), 0)
    m = re.fullmatch(r"(?:(?:this|current|present) )?(year|month|week|day)", core)
    if m and core != t:  # "earlier this month", "late this year", "later in the day"
        return shifted(anchor, m.group(1), 0)
    m = re.fullmatch(r"(?:the )?(?:(last|past|next|previous|coming|recent|first|final) )?" + _NUM + r" " + _UNIT, t)
    if m and (m.group(1) or number(m.group("num")) not in (None, 1)):
        rel, n = m.group(1), number(m.group("num"))
        if rel in ("recent",) or (n is not None and n < 0 and rel in ("last", "past", "next", "coming")):
            kind_ref = "FUTURE_REF" if rel in ("next", "coming") else "PAST_REF"
            return (kind_ref, None, "fuzzy")
        return (duration(n, m.group("unit")), None, "duration")
    m = re.fullmatch(_NUM + r" " + _UNIT + r" (ago|earlier|before|later|after|from now|hence)", t)
    if m:
        n = number(m.group("num"))
        unit = m.group("unit")
        counted = ("day", "week", "month", "year", "decade", "quarter") + (("century",) if m.group(3) == "ago" else ())
        if n is None or n < 0 or unit not in counted:  # "a century later" is counted from the narrated time
            return ("PAST_REF" if m.group(3) in ("ago", "earlier", "before") else "FUTURE_REF", None, "fuzzy")
        sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
        if unit in ("decade", "century"):  # "a decade ago": the year ten years back ("a century ago" a hundred)
            return (str(anchor.year + sign * (10 if unit == "decade" else 100) * n), "year", "date")
        # "a year ago" with no quarter or month named before (then it is that period a year back:
        # anaphora.py) is the year, as "two years ago": TimeML gives a value the granularity of the
        # unit counted ("three days ago" a day, "a month ago" a month), not a day the text never names
        return shifted(anchor, unit, sign * n)
    m = re.fullmatch(r"(?:in )?recent (days|weeks|months|years|decades)|(?:the )?(?:last|past) (?:few|several) \w+|"
                     r"(?:many |some )?(?:days|weeks|months|years|decades) (?:ago|earlier|before)", t)  # fmt: skip
    if m:
        return ("PAST_REF", None, "fuzzy")
    m = re.fullmatch(
        r"(?:the )?(?:next|coming) (?:few|several) \w+|(?:in )?future (?:days|weeks|months|quarters|years|decades)|"
        r"(?:in )?(?:the )?(?:coming|next) (days|weeks|months|quarters|years)|"
        r"(?:the )?(?:days|weeks|months|years|decades) (?:ahead|to come)",
        t,
    )
    if m:
        return ("FUTURE_REF", None, "fuzzy")
    return None


# "8:50 a.m.", "10 p.m. EDT", and the 24-hour clock of wire and agency copy ("18:00 UTC", "16:30 local
# time"): left to dateparser, a 24-hour time was the day before the anchor in a past-tense sentence
_CLOCK = (r"(?:(?P<h>\d{1,2})(?::(?P<mi>\d\d))? ?(?P<ap>a\.?m|p\.?m)\.?|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d))"
          r"(?: (?:\w+ )?(?:time|edt|est|gmt|et|pt|pdt|utc|cet|bst))?")  # fmt: skip


def clock(m: re.Match[str]) -> str:
    """ "HH:MM" of a match of ``_CLOCK``."""
    if m.group("h24") is not None:
        return f"{int(m.group('h24')):02d}:{m.group('mi24')}"
    hour = int(m.group("h")) % 12 + (12 if m.group("ap").startswith("p") else 0)
    return f"{hour:02d}:{m.group('mi') or '00'}"


_CLOCK_DAY = (re.compile(_CLOCK + r",? (?:on )?" + _WD), re.compile(_WD + r",? (?:at )?" + _CLOCK))


def _clock_on_weekday(core: str, anchor: date, direction: str | None) -> Result | None:
    """ "10 p.m. Tuesday", "Tuesday at 10 p.m." (the wire's way): that hour of that day."""
    m = _CLOCK_DAY[0].fullmatch(core) or _CLOCK_DAY[1].fullmatch(core)
    if not m:
        return None
    d = weekday(anchor, WEEKDAYS.index(m.group("wd")), direction, None)
    return (f"{d.isoformat()}T{clock(m)}", "time", "time")


# "July 23, 8:50 a.m.", "Oct. 5 at 11:30 a.m. EDT", "9 a.m. on July 23": a clock time on a named day
_CLOCK_DATE = (re.compile(r"(?P<date>.+?),? (?:at )?" + _CLOCK), re.compile(_CLOCK + r",? (?:on )?(?P<date>.+)"))


def _clock_on_date(t: str, anchor: date, direction: str | None) -> Result | None:
    """A clock time on a day our rules date: that hour of that day (TimeML 2009-07-23T08:50). The
    day is read as any day is (the year nearest the anchor, the tense weighing); left to dateparser
    whole, "July 23, 8:50 a.m." said on July 22 in a past-tense sentence was the July 23 a year back."""
    for rx in _CLOCK_DATE:
        m = rx.fullmatch(t)
        if not m:
            continue
        day = _own_rules(m.group("date"), anchor, direction)
        if day is None or day[1] != "day" or day[0] is None:
            return None
        return (f"{day[0][:10]}T{clock(m)}", "time", "time")
    return None


def _named(t: str, anchor: date, direction: str | None) -> Result | None:
    core = _MODS.sub("", t).strip()
    at_hour = _clock_on_weekday(core, anchor, direction)
    if at_hour is not None:
        return at_hour
    m = re.fullmatch(
        r"(?:(last|next|this|past|coming) )?" + _WD + r"(?:'s)?(?: (?P<part>morning|afternoon|evening|night))?",
        core,
    )
    if m:
        d = weekday(
            anchor,
            WEEKDAYS.index(m.group("wd")),
            direction,
            m.group(1) if m.group(1) in ("last", "next", "this") else None,
        )
        if m.group("part"):  # "Wednesday night": TimeML's part of that day, 2000-01-05TNI
            return (f"{d.isoformat()}T{PARTS[m.group('part')]}", "day", "time")
        return (d.isoformat(), "day", "date")
    m = re.fullmatch(_MON + r" ?[-\u2013/] ?(?:" + _MON.replace("<mon>", "<mon2>") + r")(?: (?P<year>\d{4}))?", core)
    if m:  # "March-May", "July/August 1998": a stretch of months, dated by its first (as "Oct. 12-14")
        month = MONTHS[m.group("mon")]
        year = int(m.group("year")) if m.group("year") else pick_year(anchor, month, None, direction)
        if (month, MONTHS[m.group("mon2")]) == (1, 12):  # "January/December 1986": the whole year
            return (str(year), "year", "date")
        return (f"{year}-{month:02d}", "month", "date")
    m = re.fullmatch(_MON + r",? (?P<rel>this|last|next) year", core)
    if m:
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
        return (f"{year}-{MONTHS[m.group('mon')]:02d}",
                "month", "date")  # fmt: skip
    m = re.fullmatch(r"(?:the )?(?:year[- ](?:earlier|ago)|prior[- ]year|previous year|last)", core)
    if m:
        return (str(anchor.year - 1), "year", "date")
    m = re.fullmatch(r"(?:the )?(?:(?:current|full|whole|entire|this)[- ])?(?:fiscal |financial |calendar )?year(?:'s)?"
                     r"(?:[- ]end| end| to date)?|"
                     r"(?:the )?year[- ]to[- ]date|(?:the )?end of the year", core)  # fmt: skip
    if m and core not in ("year", "the year"):
        return (str(anchor.year), "year", "date")
    feast = holiday(core, anchor, direction)
    if feast is not None:
        return (feast.isoformat(), "day", "date")
    m = re.fullmatch(r"(?P<feast>.+) week", core)
    feast = holiday(m.group("feast"), anchor, direction) if m else None
    if feast is not None:  # "Easter week", "Christmas week": the (ISO) week of that day
        return (iso_week(feast), "week", "date")
    m = re.fullmatch(r"(?:(last|next|this|past|coming) )?" + _MON + r"(?: (?:of )?(?P<year>\d{4}|'\d\d))?", core)
    if m and not (m.group("mon") == "may" and core == t and not m.group(1) and not m.group("year")):
        month = MONTHS[m.group("mon")]
        if m.group("year"):
            y = m.group("year")
            year = int(y) if len(y) == 4 else 1900 + int(y[1:]) if int(y[1:]) > 30 else 2000 + int(y[1:])
        elif m.group(1) in ("last", "past"):
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif m.group(1) in ("next", "coming"):
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year if m.group(1) == "this" else pick_year(anchor, month, None, direction)
        return (f"{year}-{month:02d}", "month", "date")
    m = re.fullmatch(
        r"(?:the )?(?:(last|next|this|past|coming) )?(?P<season>spring|summer|fall|autumn|winter)"
        r"(?: months)?(?: (?:of )?(?P<year>\d{4})| of (?P<rel>this|last|next) year)?",
        core,
    )
    if m:  # "the summer months": the season; "the summer of last year": that year's
        s = SEASONS[m.group("season")]
        order = ["WI", "SP", "SU", "FA"]
        now = order[(anchor.month % 12) // 3]
        year = int(m.group("year")) if m.group("year") else anchor.year
        if m.group("rel"):
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
        elif not m.group("year"):
            later = order.index(s) > order.index(now)
            if (m.group(1) in ("last", "past") or (direction == "past" and not m.group(1))) and (later or m.group(1)):
                year -= 1 if (later or s == now) and m.group(1) else (1 if later else 0)
            elif (m.group(1) in ("next", "coming") or (direction == "future" and not m.group(1))) and not later:
                year += 1 if (s != now or m.group(1)) else 0
        return (f"{year}-{s}", "season", "date")
    m = re.fullmatch(  # "fiscal 1998 second quarter", "the 1997 third quarter": that year's quarter
        r"(?:the )?(?:fiscal |fy ?)?(?P<year>1[89]\d\d|20\d\d)(?:'s)? (?:fiscal )?(?P<q>first|second|third|fourth|"
        r"1st|2nd|3rd|4th)[- ](?:fiscal )?quarter",
        core,
    )
    if m:
        return (f"{m.group('year')}-Q{ORDINAL_Q[m.group('q')]}", "quarter", "date")
    m = re.fullmatch(r"(?:the )?(?:last|final) (?:fiscal )?quarter of "
                     r"(?:(?P<year>\d{4})|(?:the )?(?P<rel>this|last|next|the) year)", core)  # fmt: skip
    if m:  # "the last quarter of 1997", "the final quarter of last year": the year's fourth
        year = int(m.group("year")) if m.group("year") else anchor.year + {"last": -1, "next": 1}.get(m.group("rel"), 0)
        return (f"{year}-Q4", "quarter", "date")
    m = _MONTHS_QUARTER.fullmatch(core)
    if m and MONTHS[m.group("mon")] % 3 == 1 and MONTHS[m.group("mon2")] == MONTHS[m.group("mon")] + 2:
        # "the January-March quarter", "the July-September period" (Asian and wire company news):
        # the calendar quarter those months make
        q = (MONTHS[m.group("mon")] - 1) // 3 + 1
        year = int(m.group("year")) if m.group("year") else nearest_quarter_year(anchor, q, direction)
        return (f"{year}-Q{q}", "quarter", "date")
    m = _MONTH_QUARTER.fullmatch(core)
    if m and MONTHS[m.group("mon")] % 3 == 0:
        # "the September quarter", "the June quarter of 1998": a quarter named by the month it ends
        # in (company news), the calendar quarter that month closes
        q = MONTHS[m.group("mon")] // 3
        year = int(m.group("year")) if m.group("year") else nearest_quarter_year(anchor, q, direction)
        return (f"{year}-Q{q}", "quarter", "date")
    m = re.fullmatch(
        r"(?:the )?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th) (?:fiscal )?quarter"
        r"(?: (?:of )?(?:fiscal )?(?:(?P<year>\d{4})|(?P<rel>this|last|next) year))?",
        core,
    )
    if m:
        q = ORDINAL_Q[m.group("q")]
        cur = (anchor.month - 1) // 3 + 1
        if m.group("year"):
            year = int(m.group("year"))
        elif m.group("rel"):
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
        elif direction == "past" and q > cur:
            year = anchor.year - 1
        elif direction == "future" and q < cur:
            year = anchor.year + 1
        else:
            year = anchor.year
        return (f"{year}-Q{q}", "quarter", "date")
    # "fiscal 1990", "the 1990 fiscal year", "fiscal 1987 year", "the entire 1986 year", "the 1999
    # season": that year
    m = re.fullmatch(r"(?:the )?(?:(?:entire|whole|full) )?(?:(?:fiscal|calendar|year|fy) ?(?:year )?)?"
                     r"(?P<year>1[89]\d\d|20\d\d)(?:'s)?(?: (?:(?:fiscal|financial|calendar|budget) )?year| season)?",
                     core)  # fmt: skip
    if m:
        return (m.group("year"), "year", "date")
    m = re.fullmatch(r"(?:the |an? )?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century", core)
    if m:
        return (f"{int(m.group('n')) - 1:02d}", "century", "date")
    m = re.fullmatch(r"(?:the )?(?P<w>" + "|".join(_CENTURY_WORDS) + r")[- ]century", core)
    if m:  # "the twentieth century", "the mid-nineteenth century" (the modifier is cut above)
        return (f"{_CENTURY_WORDS[m.group('w')] - 1:02d}", "century", "date")
    m = re.fullmatch(r"(?:the )?(?:fy|fiscal year|fiscal) ?'?(?P<yy>\d\d)", core)
    if m:
        return (f"{19 if int(m.group('yy')) > 50 else 20}{m.group('yy')}", "year", "date")
    m = re.fullmatch(r"(?:the )?(" + "|".join(_DECADE_WORDS) + r")", core)
    if m:
        return (f"19{_DECADE_WORDS.index(m.group(1)) + 2}", "decade", "date")
    m = re.fullmatch(r"(?:the )?(?P<c>1[1-9])00'?s", core)
    if m:  # "the 1800s": the century (TimeML "18"), not its first decade; "the 2000s" is a decade
        return (m.group("c"), "century", "date")
    m = re.fullmatch(r"(?:the )?(?:(?P<c>1[89]|20)(?P<d>\d)0'?s|'?(?P<d2>\d)0'?s)", core)
    if m:
        if m.group("c"):
            return (f"{m.group('c')}{m.group('d')}", "decade", "date")
        d2 = int(m.group("d2"))
        return (f"{19 if d2 >= 3 else 20}{d2}", "decade", "date")
    return None


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTHS_QUARTER = re.compile(r"(?:the )?" + _MON + r" ?(?:[-\u2013/]|to) ?" + _MON.replace("<mon>", "<mon2>")
                             + r" (?:quarter|period)(?: (?:of )?(?P<year>\d{4}))?")  # fmt: skip
_MONTH_QUARTER = re.compile(r"(?:the |its |their )?" + _MON + r" quarter(?: (?:of )?(?P<year>\d{4}))?")
_CENTURY_WORDS = {"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                  "twentieth": 20, "twenty-first": 21, "twenty first": 21}  # fmt: skip
_DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]


def _explicit(t: str, anchor: date, direction: str | None) -> Result | None:
    core = re.sub(r"^(?:" + "|".join(WEEKDAYS) + r"),? ", "", _MODS.sub("", t).strip())
    shift = re.match(r"^(?:(last|this past)|(next|this coming)) ", core)
    if shift:  # "last Oct. 23": the one before the anchor, whatever the tense
        core, direction = core[shift.end() :], "past" if shift.group(1) else "future"
    rel_year = re.search(r",? (this|last|next) year$", core)
    if rel_year:  # "Nov. 1 this year", "on March 5 next year": that day of the year named
        core = core[: rel_year.start()]
        forced = anchor.year + {"this": 0, "last": -1, "next": 1}[rel_year.group(1)]
    for pat in (
        _MON + r" " + _DAY + r"(?:,? (?P<year>\d{4}))?",
        _DAY + r" (?:of )?" + _MON + r",?(?: (?P<year>\d{4}))?",
        _MON + r" " + _DAY + r" ?[-\u2013] ?\d{1,2}(?:,? (?P<year>\d{4}))?",  # "Oct. 12-14": from its first day
        # "June 19-July 10, 1999": a stretch across two months, from its first day
        _MON + r" " + _DAY + r" ?[-\u2013] ?" + _MON.replace("<mon>", "<mon2>") + r" \d{1,2}(?:,? (?P<year>\d{4}))?",
    ):
        m = re.fullmatch(pat, core)
        if m:
            month, day = MONTHS[m.group("mon")], int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else pick_year(anchor, month, day, direction)
            year = forced if rel_year else year
            try:
                return (date(year, month, day).isoformat(), "day", "date")
            except ValueError:
                return None
    if rel_year:
        return None
    m = re.fullmatch(r"(?:the )?(?:(?:coming|current|new|next|last|past|previous) )?"
                     r"(?P<y>1[89]\d\d|20\d\d) ?[-/] ?(?:\d\d|\d{4}) (?:(?:fiscal|financial|budget|"
                     r"academic|school|marketing|crop) )?(?:year|season)", core)  # fmt: skip
    if m:  # "the 2019-20 fiscal year", "the coming 2020/21 season": by its first year, as "2011-12" below
        return (m.group("y"), "year", "date")
    m = re.fullmatch(r"(?P<y>1[89]\d\d|20\d\d)/(?P<y2>\d\d)", core)
    if m and int(m.group("y2")) == (int(m.group("y")) + 1) % 100:
        return (m.group("y"), "year", "date")  # "in 1987/88": a split (fiscal, crop) year, by its first year
    m = re.fullmatch(r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?", core)
    if m and not m.group("d") and int(m.group("m")) == (int(m.group("y")) + 1) % 100:
        return (m.group("y"), "year", "date")  # "during 2003-04", "the 2011-12 season": a span of years
    if m and 1 <= int(m.group("m")) <= 12:
        if m.group("d"):
            return (core, "day", "date")
        return (core, "month", "date")
    if m and not m.group("d"):  # "1950-53", "2018-19": a span of years, dated by its first year
        return (m.group("y"), "year", "date")
    m = re.fullmatch(r"(?:fiscal (?:year )?|fy ?)(?P<y>1[89]\d\d|20\d\d) ?[-/] ?\d\d", core)
    if m:  # "fiscal 1998-99", "FY 2003/04": the fiscal year, by its first year (as "1950-53")
        return (m.group("y"), "year", "date")
    m = re.fullmatch(r"(?P<y>1[89]\d\d|20\d\d) ?- ?(?P<y2>1[89]\d\d|20\d\d)", core)
    if m and m.group("y") < m.group("y2"):  # "2015-2016", "1912-1949": as "1950-53", by its first year
        return (m.group("y"), "year", "date")
    m = re.fullmatch(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})", core)
    if m:
        y = int(m.group("y"))
        y = y if y > 99 else (1900 + y if y > 30 else 2000 + y)
        try:
            return (date(y, int(m.group("m")), int(m.group("d"))).isoformat(), "day", "date")
        except ValueError:
            return None
    return None


def _durations(t: str, anchor: date, direction: str | None) -> Result | None:
    m = re.fullmatch(
        r"(?:(?:more|less|fewer) than |about |nearly |almost |over |some |up to |at least |only |the )?"
        r"(?:(?:first|last|past|next) )?"
        + _NUM
        + r"(?: (?:consecutive|straight|successive))?[ -]"
        + _UNIT
        + r"(?:[ -]old|[ -]long)?",
        t,
    )
    if m:
        return (duration(number(m.group("num")), m.group("unit")), None, "duration")
    m = re.fullmatch(r"(?:an?|one) (?:full |whole )?(day|week|month|year|decade|hour)", t)
    if m:
        return (duration(1, m.group(1)), None, "duration")
    m = re.fullmatch(r"(?:the )?(day|week|weekend|month|year|quarter|decade|century)", t)
    if m:  # "the week": the anchor's ("the weekend" in a past report on a weekday: the one just gone)
        back = m.group(1) == "weekend" and direction == "past" and anchor.weekday() < 5
        return shifted(anchor, m.group(1), -1 if back else 0)
    return None


# a count of units, or a place in a count ("in its 59th month", "the 100th day"): no day to guess
_COUNTED = re.compile(r"(?:\d(?:st|nd|rd|th)?|\b(?:" + "|".join(NUMBERS) + r"|few|several|many))\b.*\b(?:"
                      + "|".join(UNITS) + r")s?\b")  # fmt: skip


def _fallback(t: str, anchor: date, direction: str | None) -> Result:
    """Whatever our rules did not parse: dateparser, on this expression only. Not a count of
    units ("30 -- 40 days", "two a month", "six, seven years"): dateparser reads those as a day."""
    import datetime as dt

    if _COUNTED.search(t):
        return (None, None, "fuzzy")

    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day),
                "PREFER_DATES_FROM": direction if direction in ("past", "future") else "current_period",
                "RETURN_AS_TIMEZONE_AWARE": False}  # fmt: skip
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(t)
    except Exception:  # dateparser raises on odd input; an unparsed timex is not an error
        return (None, None, "fuzzy")
    if data is None or data.date_obj is None:
        return (None, None, "fuzzy")
    d, period = data.date_obj.date(), data.period
    if period == "year":
        return (str(d.year), "year", "date")
    if period == "month":
        return (f"{d.year}-{d.month:02d}", "month", "date")
    if period == "week":
        return (iso_week(d), "week", "date")
    if period == "time":
        return (data.date_obj.strftime("%Y-%m-%dT%H:%M"), "time", "time")
    return (d.isoformat(), "day", "date")
