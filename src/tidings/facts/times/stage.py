"""Fact stage: temporal expressions, normalised against the article's anchor date.

Expressions come from :func:`tidings.facts.times.detect.find_expressions` (spaCy DATE/TIME
plus our own patterns, cut at range ends and list items); each is resolved in reading order by
:func:`tidings.facts.times.resolve.resolve_timex` with the direction of its governing verb and
what the article dated before it (``anaphora.Discourse``: "that year", "the year-ago quarter");
a year written once at the end of a list or range then dates its earlier items (``year_of_the_list``),
and the end of a range is put no earlier than its start (``range_in_order``).
The anchor is ``ctx.published`` (the runner fills it from the page, a WARC capture date or
``--published``), or the day an agency dateline at the article's head names a few days before it
("BRUSSELS, December 2 (Xinhua) --" in a record stamped December 3: ``dateline_anchor``). Without an anchor only
expressions whose value does not depend on one ("June 18, 2023", "1998") get a value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from tidings.extract.dateline import split_dateline
from tidings.facts.base import FactContext
from tidings.facts.times.anaphora import Discourse, period_ended, quarter_ended
from tidings.facts.times.calendar import MONTHS
from tidings.facts.times.detect import STRETCH, Found, find_expressions
from tidings.facts.times.resolve import resolve_timex
from tidings.facts.times.rules import direction_for
from tidings.ids import fact_id
from tidings.records import Paragraph, TimeExpr

__all__ = ["TimeStage", "direction_for", "resolve_timex"]

# Two far-apart anchors: a value that is the same under both does not depend on the anchor.
_PROBES = (date(2001, 2, 14), date(2012, 9, 3))


_TERMINAL = (".", "!", "?", '"', "\u201d", ":", ";", ",", ")")


def headlines(text: str, paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """Where the article's headlines are: paragraphs marked as headings, and a short first line
    without a full stop (the title a record's text starts with). Their simple present is the
    news' past ("Australian Senate passes FTA on Monday")."""
    out: list[tuple[int, int]] = []
    pos = 0
    for k, para in enumerate(paragraphs):
        at = text.find(para.text, pos)
        if at < 0:
            continue
        pos = at + len(para.text)
        line = para.text.strip()
        if para.kind == "heading" or (k == 0 and len(line.split()) <= 15 and not line.endswith(_TERMINAL)):
            out.append((at, pos))
    return out


# Between the items of a list or the ends of a range: "September 7 and October 3, 2013",
# "from January to November 2014", "March-April 1998", "June 5, 6 or 7, 1999".
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|till|-|\u2013)\s*|\s*,\s*", re.I)
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", re.I)
_NAMED_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|'\d\d\b")


def year_of_the_list(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """The year written once at the end of a list or range dates its earlier items that name a
    month or day without one ("on September 7 and October 3, 2013": 2013-09-07, not the September
    nearest the anchor; "from January to November 2014"). Read from the end, so a year carries
    through a chain ("June 5, 6 and 7, 1999")."""
    out = list(times)
    for k in range(len(out) - 2, -1, -1):
        item, after = out[k], out[k + 1]
        if (
            item.value is None
            or item.precision not in ("month", "day")
            or _NAMED_YEAR.search(item.text)
            or not _MONTH_WORD.search(item.text)
            or after.value is None
            or after.precision not in ("month", "day")
            or not _LIST_GAP.fullmatch(text, item.end, after.start)
        ):
            continue
        year = after.value[:4]
        if item.value[:4] == year or not (_NAMED_YEAR.search(after.text) or after.text.strip().isdigit()):
            continue
        try:  # 29 February of a year without one stays as it was
            date(int(year), int(item.value[5:7]), int(item.value[8:10]) if item.precision == "day" else 1)
        except ValueError:
            continue
        out[k] = replace(item, value=year + item.value[4:])
    return out


# What a figure is compared with, right before the month it was in: "fell to 2.06 mln tonnes in January
# from 2.57 mln in December", "against 2.59 mln in December", "compared with $3.1 billion in March".
_COMPARED_WITH = re.compile(
    r"\b(?:from|against|versus|vs\.?|compared (?:with|to))\s+(?:[^\s,;()]+\s+){1,4}in\s+$", re.I
)


# Between the two ends of a range: "from mid-May to the end of June", "between December and March".
_RANGE_GAP = re.compile(r"\s*(?:to|through|thru|until|till|-|\u2013)\s*", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


def range_in_order(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """The end of a range does not come before its start: a month or day named without a year
    at the end of a range, that the tense put in an earlier year than the start ("from mid-May
    to the end of June" said in April: June pulled into last year), is the first such month or day
    at or after the start."""
    out = list(times)
    for k in range(1, len(out)):
        start, end = out[k - 1], out[k]
        gap = text[start.end : end.start]
        if not (
            _RANGE_GAP.fullmatch(gap)
            or (re.fullmatch(r"\s*and\s*", gap) and _BETWEEN.search(text, max(0, start.start - 12), start.start))
        ):
            continue
        if (
            start.value is None
            or end.value is None
            or end.precision not in ("month", "day")
            or start.precision not in ("month", "day")
            or _NAMED_YEAR.search(end.text)
            or end.value[4:] == ""
            or end.value >= start.value[: len(end.value)]
        ):
            continue
        year = int(start.value[:4]) + (end.value[5:] < start.value[5 : len(end.value)])
        try:  # 29 February of a year without one stays as it was
            date(year, int(end.value[5:7]), int(end.value[8:10]) if end.precision == "day" else 1)
        except ValueError:
            continue
        out[k] = replace(end, value=f"{year}{end.value[4:]}")
    return out


# A photo credit in brackets before the dateline: "(Xinhua/Huang Jingwen) SEOUL, Oct. 31 --".
_CREDIT = re.compile(r"^\([^()]{1,80}\)\s*")
_DATELINE_REACH = 600  # the head of the article: a caption or byline may come before the dateline
# The day a dateline or a page's date line names: "BRUSSELS, December 2 (Xinhua)", "Updated: May 21, 2024
# 18:40 GMT", "Published 21 May 2024".
_MONTH_RE = r"(?:" + "|".join(MONTHS) + r")\.?"
_DAY_NAMED = re.compile(
    rf"\b(?:{_MONTH_RE} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}} {_MONTH_RE}(?:,? \d{{4}})?)(?!\d)", re.I
)


def _filed_on(line: str, published: date) -> date | None:
    """The day ``line`` names (the nearest one not after ``published`` when it names no year)."""
    m = _DAY_NAMED.search(line)
    if m is None:
        return None
    value = resolve_timex(m.group(), published, direction="past")[0]
    if value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    return date.fromisoformat(value)


def dateline_anchor(text: str, published: date, dateline: str | None = None) -> date:
    """The day the story was filed, when its dateline names one up to three days before the
    record's date (or the day after, a time zone apart): the record's date is then the archive's or the
    wire's stamp, and the story's "today", "yesterday" and weekdays are counted from its dateline, as
    the reporter wrote them (TimeML's creation time is the story's). Else ``published``.

    ``dateline`` is the extractor's record of it (``Article.extras["dateline"]``: an agency dateline
    it took off the first paragraph, or a page's date line, "Updated: May 21, 2024"), read first;
    else an agency dateline left in the head of the text."""
    filed = _filed_on(dateline, published) if dateline else None
    if filed is None:  # a dateline left at the head of a line (the extractor's pattern), after a photo credit
        lines = (_CREDIT.sub("", line.strip()) for line in text[:_DATELINE_REACH].splitlines())
        heads = (split_dateline(line)[0] for line in lines)
        filed = next((day for day in (_filed_on(h, published) for h in heads if h) if day), None)
    if filed is None:
        return published
    return filed if -1 <= (published - filed).days <= 3 else published


# A stretch counted from another time ("three days later", "two days before the launch").
_COUNTED_FROM = re.compile(r"\s+(?:later|earlier|before|after)\b", re.I)


def restates(text: str, previous: TimeExpr | None, start: int, end: int) -> TimeExpr | None:
    """The date a stretch counted from another time restates when it stands in apposition to it,
    set off by a comma right after it ("arrives on November 11, three days later than originally
    planned", "on June 17, two days before the launch", "finished in 1970, four decades later"):
    the stretch tells how the date lies to another time, the date itself is the value. Counted from
    the narrated date instead, it was the date just named moved again (November 14)."""
    if (
        previous is None
        or previous.value is None
        or previous.precision not in ("day", "month", "year")
        or text[previous.end : start].strip() != ","
    ):
        return None
    stretch = STRETCH.match(text, start, end)
    if stretch is None or not _COUNTED_FROM.match(text, stretch.end(), end):
        return None
    return previous


class TimeStage:
    name = "tidings.times.rules.v2"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("times",)

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        text = ctx.article.text
        out: list[TimeExpr] = []
        said = Discourse()
        heads = headlines(text, ctx.article.paragraphs)
        line = ctx.article.extras.get("dateline")
        dateline = line if isinstance(line, str) else None
        anchor = dateline_anchor(text, ctx.published, dateline) if ctx.published is not None else None
        for found in find_expressions(ctx.doc):
            in_headline = any(a <= found.start and found.end <= b for a, b in heads)
            try:  # one odd expression must not cost the article its other times
                record = self._one(ctx, text, found, said, out[-1] if out else None, in_headline, anchor)
            except Exception as exc:
                ctx.recover(self.name, exc)
                continue
            base = _COMPARED_WITH.search(text, max(0, found.start - 60), found.start) is not None
            said.note(record.text, record.value, base=base)
            out.append(record)
        return {"times": range_in_order(text, year_of_the_list(text, out))}

    def _one(
        self,
        ctx: FactContext,
        text: str,
        found: Found,
        said: Discourse,
        previous: TimeExpr | None,
        headline: bool,
        anchor: date | None,
    ) -> TimeExpr:
        start, end = found.start, found.end
        span = text[start:end]
        direction = direction_for(ctx.doc, start, end, headline=headline)
        value: str | None
        precision: str | None
        if found.day_of_previous and previous is not None and previous.precision == "day" and previous.value:
            # "April 24 and 25": the bare day takes the month of the expression before it ("June 5 and
            # 6, 1998": and the year it names)
            day = re.match(r"\d+", span)
            year = _NAMED_YEAR.search(span)
            year_part = year.group() if year else previous.value[:4]
            value = f"{year_part}{previous.value[4:8]}{int(day.group() if day else 0):02d}"
            precision, kind = "day", "date"
        elif (restated := restates(text, previous, start, end)) is not None:
            value, precision, kind = restated.value, restated.precision, "date"
        elif anchor is not None:
            value, precision, kind = resolve_timex(span, anchor, direction=direction, context=said)
            if precision == "quarter" and said.quarter is None:  # "the quarter ended July 31": those months
                value = quarter_ended(span, text[end : end + 40], anchor) or value
            if precision in ("year", "month"):  # "the year ended Dec. 31": the year of that day
                value = period_ended(span, text[end : end + 40], anchor) or value
        else:
            first = resolve_timex(span, _PROBES[0], direction=direction, context=said)
            second = resolve_timex(span, _PROBES[1], direction=direction, context=said)
            value, precision, kind = first if first == second else (None, None, first[2])
        confidence = 0.9 if precision in ("day", "month", "year") else 0.7 if value else 0.4
        if kind == "date" and direction is None and precision == "day" and anchor is not None:
            confidence = 0.75  # a bare weekday with no tense signal: we assumed the past
        return TimeExpr(
            id=fact_id("times", ctx.article.id, start, end),
            article_id=ctx.article.id,
            start=start,
            end=end,
            text=span,
            value=value,
            precision=precision,
            kind=kind,
            anchor=anchor.isoformat() if anchor is not None else None,
            direction=direction,
            stage=self.name,
            confidence=confidence,
        )
