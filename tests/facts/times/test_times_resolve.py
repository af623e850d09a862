"""resolve_timex: anchored normalisation, weekday direction, months, durations, fuzzy."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.facts.times.resolve import resolve_timex

SUNDAY = date(2023, 6, 18)  # the motivating page's publication date


@pytest.mark.parametrize(
    ("text", "direction", "value", "precision"),
    [
        ("early Sunday", "past", "2023-06-18", "day"),
        ("on Monday", "future", "2023-06-19", "day"),
        ("Friday", "past", "2023-06-16", "day"),
        ("in February", "past", "2023-02", "month"),
        ("in February", None, "2023-02", "month"),
        ("last year", "past", "2022", "year"),
        ("in September", "future", "2023-09", "month"),
        ("earlier this month", "past", "2023-06", "month"),
        ("earlier in the week", "past", "2023-W24", "week"),
    ],
)
def test_blinken_acceptance_values(text: str, direction: str | None, value: str, precision: str) -> None:
    got = resolve_timex(text, SUNDAY, direction=direction)
    assert got[:2] == (value, precision)
    assert got[2] == "date"


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("Sunday", "past", "2023-06-18"),  # the anchor's own weekday is the anchor itself
        ("Sunday", "future", "2023-06-18"),
        ("Monday", "past", "2023-06-12"),  # "met on Monday": the Monday before
        ("Monday", "future", "2023-06-19"),  # "will meet on Monday": the Monday after
        ("Saturday", "future", "2023-06-24"),
        ("Saturday", None, "2023-06-17"),  # no tense signal: news reports the past
        ("last Sunday", None, "2023-06-11"),
        ("next Sunday", None, "2023-06-25"),
        ("Friday night", "past", "2023-06-16"),
    ],
)
def test_weekday_direction(text: str, direction: str | None, value: str) -> None:
    assert resolve_timex(text, SUNDAY, direction=direction)[0] == value


def test_month_without_year_prefers_the_tense_side() -> None:
    anchor = date(1998, 1, 8)
    assert resolve_timex("October", anchor, direction=None)[0] == "1997-10"
    assert resolve_timex("in March", anchor, direction="future")[0] == "1998-03"
    assert resolve_timex("in December", anchor, direction="past")[0] == "1997-12"
    assert resolve_timex("Oct. 23", date(1999, 5, 6), direction="past")[0] == "1998-10-23"
    assert resolve_timex("Monday, Oct. 26", date(1998, 10, 25), direction="past")[0] == "1998-10-26"


@pytest.mark.parametrize(
    ("text", "value", "precision", "kind"),
    [
        ("two-day", "P2D", None, "duration"),
        ("18-month-old", "P18M", None, "duration"),
        ("five years", "P5Y", None, "duration"),
        ("the next several months", "FUTURE_REF", None, "fuzzy"),
        ("recent years", "PAST_REF", None, "fuzzy"),
        ("weekly", "P1W", None, "set"),
        ("June 18, 2023", "2023-06-18", "day", "date"),
        ("nineteen ninety-six", "1996", "year", "date"),
        ("June last year", "2022-06", "month", "date"),
        ("the third quarter of 2022", "2022-Q3", "quarter", "date"),
        ("two years ago", "2021", "year", "date"),
        ("yesterday", "2023-06-17", "day", "date"),
        ("the 1990s", "199", "decade", "date"),
        ("10 a.m.", "2023-06-18T10:00", "time", "time"),
        ("Thanksgiving", "2022-11-24", "day", "date"),
    ],
)
def test_other_kinds(text: str, value: str, precision: str | None, kind: str) -> None:
    assert resolve_timex(text, SUNDAY, direction="past") == (value, precision, kind)


def test_unparseable_is_fuzzy_without_value() -> None:
    assert resolve_timex("the era of good feelings", SUNDAY, direction=None) == (None, None, "fuzzy")
