"""resolve_timex: anchored normalisation, weekday direction, months, durations, fuzzy."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.facts.times.anaphora import Discourse
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
        ("Friday night", "past", "2023-06-16TNI"),  # TimeML: the part of that day
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


@pytest.mark.parametrize(
    ("text", "anchor", "direction", "value"),
    [
        ("the weekend", date(1990, 8, 13), "past", "1990-W32-WE"),  # said on a Monday: the one just gone
        ("the weekend", date(1990, 8, 13), "future", "1990-W33-WE"),
        ("a decade ago", date(1999, 3, 12), "past", "1989"),
        ("nearly four years ago", date(1998, 2, 27), "past", "1994"),
        ("this century", date(1999, 3, 12), None, "19"),
        ("the 20th century", date(1999, 3, 12), None, "19"),
        ("FY2025", date(2024, 3, 1), None, "2025"),
        ("the nineties", date(2005, 3, 1), None, "199"),
        ("last Oct. 23", date(1999, 4, 19), None, "1998-10-23"),
        ("the first half of 1989", date(1989, 10, 26), "past", "1989-H1"),
        ("the third quarter", date(1989, 10, 27), "future", "1989-Q3"),  # "expects to report": just ended
        ("the first quarter", date(1989, 10, 27), "future", "1990-Q1"),
        ("the quarter", date(1989, 10, 26), "past", "1989-Q3"),  # reporting season: the one just ended
    ],
)
def test_news_forms(text: str, anchor: date, direction: str | None, value: str) -> None:
    assert resolve_timex(text, anchor, direction=direction)[0] == value


def test_the_tense_side_outweighs_a_nearer_month_against_it() -> None:
    # "a doctor was shot in January" said in October: last January, not the coming one
    assert resolve_timex("in January", date(2003, 10, 20), direction="past")[0] == "2003-01"
    # "will fly a mission in December" said in March: this December
    assert resolve_timex("in December", date(2003, 3, 4), direction="future")[0] == "2003-12"
    # a date just past the anchor against the tense stays the near one (the parse may be wrong)
    assert resolve_timex("Oct. 22", date(2003, 10, 20), direction="past")[0] == "2003-10-22"
    # "changed to a calendar year in December" said on Oct. 27: two months ahead is too far against it
    assert resolve_timex("in December", date(1989, 10, 27), direction="past")[0] == "1988-12"
    # "a dividend payable Dec. 7" under "authorized" said on Oct. 27: near enough to win
    assert resolve_timex("Dec. 7", date(1989, 10, 27), direction="past")[0] == "1989-12-07"


@pytest.mark.parametrize(
    ("text", "anchor", "direction", "value"),
    [
        ("last week", date(2005, 5, 15), "past", "2005-W19"),  # a Sunday: the week ending that day
        ("this week", date(2005, 5, 15), "future", "2005-W20"),  # ... and the one it begins
        ("last week", date(2005, 5, 18), "past", "2005-W19"),  # a Wednesday: the ISO week before
        ("a month ago", date(2005, 5, 18), "past", "2005-04"),
        ("later in the day", date(2005, 5, 18), "past", "2005-05-18"),
        ("the first nine months of the year", date(2005, 5, 18), "past", "2005"),
        ("the early hours of Tuesday morning", date(2005, 5, 18), "past", "2005-05-17TMO"),
        ("the last half of the '70s", date(2005, 5, 18), None, "197"),
        ("an Oct. 3, 2004", date(2005, 5, 18), None, "2004-10-03"),
        ("a few years ago", date(2005, 5, 18), "past", "PAST_REF"),
        ("a couple of days", date(2005, 5, 18), None, "P2D"),
        ("the end of the decade", date(2005, 5, 18), None, "200"),
        ("Good Friday", date(2005, 5, 18), "past", "2005-03-25"),
        ("Easter", date(2006, 3, 1), "future", "2006-04-16"),
        ("Thursday evening", date(2005, 5, 18), "future", "2005-05-19TEV"),
        ("the previous quarter", date(2005, 10, 20), "past", "2005-Q2"),  # before the one reported, Q3
        ("future quarters", date(2005, 10, 20), "future", "FUTURE_REF"),
        ("10 p.m. Tuesday", date(2005, 5, 18), "past", "2005-05-17T22:00"),
        ("Friday at 9:30 a.m.", date(2005, 5, 18), "future", "2005-05-20T09:30"),
        ("this past weekend", date(2005, 5, 18), "past", "2005-W19-WE"),
        ("this coming week", date(2005, 5, 18), None, "2005-W21"),
        ("years ago", date(2005, 5, 18), "past", "PAST_REF"),
    ],
)
def test_more_news_forms(text: str, anchor: date, direction: str | None, value: str) -> None:
    assert resolve_timex(text, anchor, direction=direction)[0] == value


def test_the_financial_year_is_the_fiscal_year() -> None:
    assert resolve_timex("the financial year", date(2007, 1, 18))[0] == "2007"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fiscal year 1998", "1998"),
        ("the 1999 fiscal year", "1999"),
        ("fiscal 1997 fourth quarter", "1997-Q4"),
        ("the 1997 third quarter", "1997-Q3"),
        ("the first half", "1998-H1"),
        ("the second half of fiscal 1997", "1997-H2"),
        ("the September quarter", "1998-Q3"),  # named by the month it ends in
        ("a century ago", "1898"),  # the year a hundred back, as "a decade ago" is ten
        ("the past weekend", "1998-W31-WE"),  # a named stretch, not a measure as "the past year" is
        ("the December quarter of 1997", "1997-Q4"),
        ("Oct. 12-14", "1998-10-12"),  # a span of days: from its first day, not a year "14"
    ],
)
def test_fiscal_years_quarters_halves_and_day_spans(text: str, value: str) -> None:
    assert resolve_timex(text, date(1998, 8, 7))[0] == value


def test_the_next_day_counts_from_the_narrated_day() -> None:
    told = Discourse()
    told.note("Tuesday", "1998-08-04")
    friday = date(1998, 8, 7)
    assert resolve_timex("the next day", friday, context=told)[0] == "1998-08-05"
    assert resolve_timex("the day before", friday, context=told)[0] == "1998-08-03"
    assert resolve_timex("that week", friday, context=told)[0] == "1998-W32"
    assert resolve_timex("the following week", friday, context=told)[0] == "1998-W33"
    # nothing narrated yet: the anchor is the reference
    assert resolve_timex("the next day", friday, context=Discourse())[0] == "1998-08-08"


@pytest.mark.parametrize(
    "text", ["30 -- 40 days", "two a month", "six, seven years", "its 59th month", "the 100th day"]
)
def test_a_count_of_units_is_not_read_as_a_day(text: str) -> None:
    assert resolve_timex(text, date(2009, 6, 10), direction="past")[0] is None


@pytest.mark.parametrize("text", ["fiscal 1987 year", "the entire 1987 year", "the 1987 fiscal year", "fiscal 1987"])
def test_a_year_named_with_its_noun(text: str) -> None:
    assert resolve_timex(text, date(1988, 3, 16), direction="past")[0] == "1987"


def test_a_hedged_year_is_that_year() -> None:
    assert resolve_timex("at least 2014", date(2011, 6, 10), direction="future")[0] == "2014"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("more than 20 years ago", "1978"),  # TimeML: the hedge is the mod, the value is "20 years ago"
        ("some 30 years ago", "1968"),
        ("a little over two years ago", "1996"),
        ("less than two weeks", "P2W"),
        ("some years ago", "PAST_REF"),  # "some" is no hedge without a count after it
    ],
)
def test_a_hedge_leaves_the_value(text: str, value: str) -> None:
    assert resolve_timex(text, date(1998, 3, 15), direction="past")[0] == value


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("a year ago", "2022", "year"),  # the year, as "two years ago" (no quarter or month named before)
        ("a year earlier", "2022", "year"),
        ("a month ago", "2023-05", "month"),
        ("two days ago", "2023-06-16", "day"),
        ("two years ago", "2021", "year"),  # TimeML: the unit's granularity
        ("the 1800s", "18", "century"),  # a century, not the decade 180
        ("the early 1900s", "19", "century"),
        ("the 2000s", "200", "decade"),  # said of the 2000s it is the decade
    ],
)
def test_counted_back_at_the_units_granularity(text: str, value: str, precision: str) -> None:
    assert resolve_timex(text, SUNDAY, direction="past")[:2] == (value, precision)


def test_later_and_earlier_count_from_the_narrated_time() -> None:
    told = Discourse()
    told.note("Oct. 12", "2023-10-12")
    told.note("in 2001", "2001")
    assert resolve_timex("two days earlier", SUNDAY, context=told)[0] == "2023-10-10"
    assert resolve_timex("three weeks later", SUNDAY, context=told)[0] == "2023-W44"
    assert resolve_timex("two years later", SUNDAY, context=told)[0] == "2003"
    # "ago" counts from the anchor, whatever was narrated
    assert resolve_timex("two days ago", SUNDAY, context=told)[0] == "2023-06-16"
    # "a year earlier" compares with the period reported: the year just named, else the anchor's
    assert resolve_timex("a year earlier", SUNDAY, context=told)[0] == "2000"
    told.note("on Tuesday", "2023-06-13")
    assert resolve_timex("a year earlier", SUNDAY, context=told)[0] == "2022"
    # nothing narrated: from the anchor
    assert resolve_timex("two days later", SUNDAY, context=Discourse())[0] == "2023-06-20"


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("last week", "past", "2005-W19"),  # the week ending that Sunday
        ("this week", "future", "2005-W20"),  # the one beginning
        ("this week", "past", "2005-W19"),  # "the law took effect this week": the week ending that day
        ("next week", "future", "2005-W20"),  # the week starting tomorrow
    ],
)
def test_weeks_said_on_a_sunday(text: str, direction: str, value: str) -> None:
    assert resolve_timex(text, date(2005, 5, 15), direction=direction)[0] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the day after Christmas", "2022-12-26"),
        ("the day before Thanksgiving", "2022-11-23"),
        ("the week after Easter", "2023-W15"),  # Easter 2023 is Sunday, April 9 (ISO week 14)
    ],
)
def test_a_day_or_week_counted_from_a_named_day(text: str, value: str) -> None:
    assert resolve_timex(text, SUNDAY, direction="past")[0] == value


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("this past summer", "past", "1998-SU"),  # said in October: the summer just gone
        ("this past September", "past", "1998-09"),
        ("this coming spring", "future", "1999-SP"),
        ("the summer months", "past", "1998-SU"),
        ("this past Sunday", None, "1998-10-11"),
    ],
)
def test_this_past_and_this_coming_name_the_last_and_next(text: str, direction: str | None, value: str) -> None:
    assert resolve_timex(text, date(1998, 10, 14), direction=direction)[0] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the 30th of this month", "2023-06-30"),
        ("the 5th of next month", "2023-07-05"),
        ("the 31st of this month", None),  # June has 30 days: no such day
    ],
)
def test_a_numbered_day_of_a_month_named(text: str, value: str | None) -> None:
    assert resolve_timex(text, SUNDAY, direction="future")[0] == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Nov. 1 this year", date(2018, 9, 27), "2018-11-01"),  # a day of the year named
        ("March 5 last year", date(2018, 9, 27), "2017-03-05"),
        ("2015-2016", date(2017, 3, 26), "2015"),  # a span of years written in full: its first year
        ("2003-04", date(2005, 1, 10), "2003"),  # a second year one on from the first: not April
        ("2018-04", date(2018, 9, 27), "2018-04"),  # a month stays a month
        ("fiscal 1998-99", date(1998, 8, 14), "1998"),
        ("FY99", date(1998, 8, 14), "1999"),
        ("FY2003/04", date(2003, 8, 14), "2003"),
        ("March-May", date(1998, 8, 14), "1998-03"),  # a stretch of months: from its first
        ("July/August 1997", date(1998, 8, 14), "1997-07"),
        ("January/December 1986", date(1987, 4, 1), "1986"),  # all its months: the year
        ("nine consecutive years", date(2018, 10, 23), "P9Y"),  # a stretch, however counted
        ("only 90 days", date(2018, 12, 4), "P90D"),
        ("the week of March 16", date(1998, 8, 14), "1998-W12"),  # the ISO week of that day
        ("the whole year", date(2018, 8, 10), "2018"),
        ("the full-year", date(2018, 8, 10), "2018"),
        ("the months ahead", date(2018, 8, 10), "FUTURE_REF"),
        ("the coming quarters", date(2018, 8, 10), "FUTURE_REF"),
        ("the twentieth century", date(2016, 12, 1), "19"),
        ("the mid-nineteenth century", date(2016, 12, 1), "18"),
    ],
)
def test_news_dates_in_other_spellings(text: str, anchor: date, value: str) -> None:
    assert resolve_timex(text, anchor, direction="past")[0] == value


@pytest.mark.parametrize(
    ("before", "text", "value"),
    [
        ("the end of October", "a month earlier", "2016-09"),  # "down from a month earlier": September
        ("the end of October", "the previous month", "2016-09"),
        ("the end of October", "the following month", "2016-11"),
        (None, "the previous month", "2016-10"),  # nothing dated before: the anchor's month
    ],
)
def test_a_month_counts_from_the_last_month_dated(before: str | None, text: str, value: str) -> None:
    told = Discourse()
    if before is not None:
        told.note(before, "2016-10")
    assert resolve_timex(text, date(2016, 11, 16), context=told)[0] == value


def test_a_year_earlier_after_a_month_is_that_month_a_year_back() -> None:
    told = Discourse()
    told.note("in July", "2018-07")
    assert resolve_timex("a year earlier", date(2018, 8, 10), context=told)[0] == "2017-07"
    told.note("the third quarter", "2018-Q2")  # a quarter named last: that quarter a year back
    assert resolve_timex("a year earlier", date(2018, 8, 10), context=told)[0] == "2017-Q2"


def test_the_period_compared_after_a_month_is_that_month() -> None:
    told = Discourse()
    told.note("in March", "1998-03")  # "sales rose in March, compared with the 1997 period"
    assert resolve_timex("the 1997 period", date(1998, 4, 3), context=told)[0] == "1997-03"
    assert resolve_timex("the period a year earlier", date(1998, 4, 3), context=told)[0] == "1997-03"
    assert resolve_timex("the year-ago quarter", date(1998, 4, 3), context=told)[0] == "1997-Q1"  # a quarter is one
    told.note("the third quarter", "1998-Q3")
    assert resolve_timex("the year-earlier period", date(1998, 4, 3), context=told)[0] == "1997-Q3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the latest fiscal year", "1988"),  # a whole one: the last one ended
        ("the previous fiscal year", "1988"),
        ("the most recent fiscal year", "1988"),
        ("next fiscal year", "1990"),
        ("the current fiscal year", "1989"),
        ("the 2019-20 fiscal year", "2019"),  # by its first year, as "fiscal 1998-99"
        ("the 2020/21 season", "2020"),
    ],
)
def test_fiscal_years(text: str, value: str) -> None:
    assert resolve_timex(text, date(1989, 11, 2))[0] == value


def test_a_modifier_is_a_whole_word() -> None:
    # "latest" is not "late" + "st", "midnight" not "mid" + "night"
    assert resolve_timex("the latest fiscal year", date(1989, 11, 2))[:2] == ("1988", "year")
    assert resolve_timex("late Friday", date(1989, 11, 2), direction="past")[0] == "1989-10-27"
    assert resolve_timex("mid-2020", date(1989, 11, 2))[0] == "2020"


def test_end_hyphen_and_the_same_month_a_year_back() -> None:
    assert resolve_timex("end-1982", date(1987, 3, 16))[:2] == ("1982", "year")
    said = Discourse()
    said.note("January", "1987-01")  # "prices fell in January ..."
    got = resolve_timex("the same month a year earlier", date(1987, 3, 4), context=said)
    assert got[:2] == ("1986-01", "month")
    assert resolve_timex("the same month last year", date(1987, 3, 4), context=said)[0] == "1986-01"


def test_a_bare_weekday_with_no_tense_is_tomorrow_before_six_days_back() -> None:
    # "vowed to boycott Saturday's polls" on a Friday: no tense of its own; the day after the
    # anchor is meant far more often than the same weekday six days back
    assert resolve_timex("Monday", SUNDAY)[0] == "2023-06-19"
    assert resolve_timex("Monday", SUNDAY, direction="past")[0] == "2023-06-12"
    assert resolve_timex("Tuesday", SUNDAY)[0] == "2023-06-13"  # two days on: the past still


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("the last quarter of 1997", "1997-Q4", "quarter"),  # a year's last quarter is its fourth
        ("the final quarter of last year", "2022-Q4", "quarter"),
        ("the January-March quarter", "2023-Q1", "quarter"),  # a quarter named by its months
        ("the July-September period of 2022", "2022-Q3", "quarter"),
        ("the summer of last year", "2022-SU", "season"),
        ("the 1999 season", "1999", "year"),
        ("the coming 2023/24 season", "2023", "year"),
        ("June 19-July 10, 1999", "1999-06-19", "day"),  # a stretch across months, from its first day
        ("between July 8, 1986", "1986-07-08", "day"),
    ],
)
def test_quarters_seasons_and_ranges_named_in_other_words(text: str, value: str, precision: str) -> None:
    assert resolve_timex(text, SUNDAY, direction="past")[:2] == (value, precision)


def test_decades_later_count_from_the_narrated_year() -> None:
    told = Discourse()
    told.note("in 1930", "1930")
    assert resolve_timex("four decades later", SUNDAY, context=told)[0] == "1970"
    assert resolve_timex("two decades earlier", SUNDAY, context=told)[0] == "1910"


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("the Fourth of July", "future", "2023-07-04"),  # a feast's name with its article
        ("the Labor Day", "past", "2022-09-05"),
        ("the year before last", "past", "2021"),  # two back
        ("the week before last", "past", "2023-W22"),
        ("the month before last", None, "2023-04"),
    ],
)
def test_feasts_with_their_article_and_the_unit_before_last(text: str, direction: str | None, value: str) -> None:
    assert resolve_timex(text, SUNDAY, direction=direction)[0] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("only yesterday", "2023-06-17"),  # a focus particle, as a hedge, has no time of its own
        ("only a few years ago", "PAST_REF"),
        ("only two days ago", "2023-06-16"),
    ],
)
def test_only_leaves_the_value(text: str, value: str) -> None:
    assert resolve_timex(text, SUNDAY, direction="past")[0] == value


def test_a_part_of_the_narrated_day() -> None:
    told = Discourse()
    told.note("Jan. 5", "2023-01-05")
    assert resolve_timex("that night", SUNDAY, direction="past", context=told)[:2] == ("2023-01-05TNI", "day")
    assert resolve_timex("the next morning", SUNDAY, direction="past", context=told)[0] == "2023-01-06TMO"
    assert resolve_timex("the previous evening", SUNDAY, direction="past", context=told)[0] == "2023-01-04TEV"
    assert resolve_timex("that same afternoon", SUNDAY, direction="past")[0] == "2023-06-18TAF"  # nothing narrated


def test_a_quarter_after_an_article() -> None:
    # "had a first quarter operating profit": the quarter, whatever the determiner
    assert resolve_timex("a first quarter", date(1987, 4, 21), direction="past")[:2] == ("1987-Q1", "quarter")
    assert resolve_timex("a third-quarter", date(1989, 10, 26), direction="past")[0] == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the current financial quarter", "2023-Q2"),  # a financial quarter is a fiscal one
        ("the last financial quarter", "2023-Q1"),
        ("21st-century", "20"),  # the hyphen of the adjective
    ],
)
def test_financial_quarters_and_hyphenated_centuries(text: str, value: str) -> None:
    assert resolve_timex(text, SUNDAY)[0] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the week after next", "2023-W26"),  # two ahead, as "the week before last" is two back
        ("the weekend before last", "2023-W22-WE"),
        ("month-end", "2023-06"),  # the anchor's, as "year-end"
        ("quarter-end", "2023-Q2"),
        ("midweek", "2023-W24"),
    ],
)
def test_units_two_away_and_their_ends(text: str, value: str) -> None:
    assert resolve_timex(text, SUNDAY)[0] == value


def test_a_year_back_after_a_year_named_is_the_year_before_it() -> None:
    # "handled in 2017, up 15.1 percent from a year ago" said in 2018: 2016, as "rose in July from
    # a year earlier" is July a year back
    told = Discourse()
    told.note("in 2017", "2017")
    assert resolve_timex("a year ago", date(2018, 8, 16), direction="past", context=told)[:2] == ("2016", "year")
    # a year counted ("by year end") or compared with ("up from 45.3 mln in 1985") is not the one reported
    counted = Discourse()
    counted.note("by year end", "2018")
    assert resolve_timex("a year ago", date(2018, 8, 16), context=counted)[0] == "2017"
    compared = Discourse()
    compared.note("in 1985", "1985", base=True)
    assert resolve_timex("a year earlier", date(1987, 3, 12), context=compared)[0] == "1986"


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        # a page updated the day after its date, in a past-tense story: that day, not a year back
        ("July 23, 8:50 a.m.", "past", "2009-07-23T08:50"),
        ("July 23 at 9 a.m.", "past", "2009-07-23T09:00"),
        ("9 a.m. on July 23", "past", "2009-07-23T09:00"),
        ("Wednesday, July 22, 2009, 10:15 a.m.", None, "2009-07-22T10:15"),
        ("Oct. 5, 11:30 a.m. EDT", "past", "2008-10-05T11:30"),  # months ahead: last October's
    ],
)
def test_a_clock_time_on_a_named_day_is_that_hour_of_that_day(text: str, direction: str | None, value: str) -> None:
    assert resolve_timex(text, date(2009, 7, 22), direction=direction) == (value, "time", "time")


def test_the_present_is_the_present_reference() -> None:
    assert resolve_timex("the present", SUNDAY)[0] == "PRESENT_REF"


def test_tonight_is_the_night_of_the_anchor() -> None:
    assert resolve_timex("tonight", SUNDAY) == ("2023-06-18TNI", "day", "time")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the 24-hour clock of wire copy is a time of the anchor's day, whatever the tense
        ("18:00 UTC", "2009-12-16T18:00"),
        ("08:30 GMT", "2009-12-16T08:30"),
        ("16:30 local time", "2009-12-16T16:30"),
        ("16:30 on Dec. 17", "2009-12-17T16:30"),
        ("Tuesday, 16:30", "2009-12-15T16:30"),
    ],
)
def test_a_24_hour_clock_is_a_time_of_the_day_named(text: str, value: str) -> None:
    assert resolve_timex(text, date(2009, 12, 16), direction="past") == (value, "time", "time")
