"""Detection on real parses: TimeML DATE forms in news, ranges cut in two, names with numbers."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.facts.base import FactContext
from tidings.facts.times.detect import find_expressions
from tidings.facts.times.stage import TimeStage
from tidings.nlp import Parser
from tidings.records import Article, Paragraph


def _texts(parser: Parser, text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_expressions(parser.parse(text))]


def _values(parser: Parser, text: str, published: date) -> dict[str, str | None]:
    art = Article(id="a", source="t", url=None, title=None, text=text, paragraphs=(Paragraph("paragraph", text),))
    times = TimeStage()(FactContext(article=art, doc=parser.parse(text), published=published))["times"]
    return {t.text: t.value for t in times}


def test_a_year_that_numbers_a_name_is_not_a_date(parser: Parser) -> None:
    text = "Beijing is pushing its Made in China 2025 plan, and the Tokyo 2020 Olympics were postponed."
    assert not [t for t in _texts(parser, text) if "2025" in t or "2020" in t]
    assert "2025" in _texts(parser, "Sales will recover in 2025, the company said.")
    named = "Microsoft shipped Windows 2000 to stores, and Flight 2012 was delayed."
    assert not [t for t in _texts(parser, named) if "2000" in t or "2012" in t]
    assert "Christmas 1999" in _texts(parser, "The store opened on Christmas 1999, he said.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was arrested twice from 1991 to 1997 in Miami.", ["1991", "1997"]),
        ("Aer Lingus will receive six A330 jets from 2009 to 2011, it said.", ["2009", "2011"]),
        ("Abortions declined between 1982 and 1992, the report said.", ["1982", "1992"]),
        ("Doctors crossed the border in 1994, 1995 and 1997 to work.", ["1994", "1995", "1997"]),
        ("It earned $2 million in the year ended Sept. 30.", ["the year", "Sept. 30"]),
        ("The talks resumed on Monday, Oct. 26, in Geneva.", ["Monday, Oct. 26"]),
        ("The deal closed on Oct. 26, 1998, after a long fight.", ["Oct. 26, 1998"]),
        ("The strike lasted two to three weeks.", ["two to three weeks"]),
        ("Prices have risen every year since 1995.", ["every year", "1995"]),  # a recurrence and its start
    ],
)
def test_ranges_and_lists_are_cut_where_timeml_cuts_them(parser: Parser, text: str, expected: list[str]) -> None:
    assert _texts(parser, text) == expected


def test_a_trailing_day_takes_the_month_before_it(parser: Parser) -> None:
    got = _values(parser, "The summit is held in Washington on April 24 and 25.", date(1999, 2, 10))
    assert got["April 24"] == "1999-04-24" and got["25"] == "1999-04-25"


def test_fuzzy_references_and_missed_forms_are_found(parser: Parser) -> None:
    text = (
        "Iraq now controls the port. The party recently took 13 percent. Its current wife stayed. "
        "Last year's blasts killed 12. It may happen in the future. Atlanta, nineteen ninety-six."
    )
    got = _values(parser, text, date(1998, 2, 27))
    assert got["now"] == "PRESENT_REF" and got["recently"] == "PAST_REF" and got["current"] == "PRESENT_REF"
    assert got["the future"] == "FUTURE_REF" and got["nineteen ninety-six"] == "1996"
    assert any(v == "1997" for k, v in got.items() if k.startswith("Last year"))


def test_ages_are_not_times(parser: Parser) -> None:
    text = "A 44-year-old nurse, 52 years old last month, met the 6-year-old boy."
    assert _texts(parser, text) == ["last month"]


def test_quarters_follow_the_article(parser: Parser) -> None:
    text = (
        "Citadel posted a third-quarter net loss of $2.3 million. In the year-ago quarter it earned "
        "$1 million. Sales in the latest quarter fell, and a year earlier they rose."
    )
    got = _values(parser, text, date(1989, 11, 2))
    assert got["third-quarter"] == "1989-Q3"
    assert got["the year-ago quarter"] == "1988-Q3"
    assert got["the latest quarter"] == "1989-Q3"
    assert got["a year earlier"] == "1988-Q3"


def test_the_next_day_follows_the_story(parser: Parser) -> None:
    text = "Police arrested him on Tuesday. The next day, a judge released him."
    got = _values(parser, text, date(1998, 8, 7))
    assert got["Tuesday"] == "1998-08-04" and got["The next day"] == "1998-08-05"


def test_that_year_points_back(parser: Parser) -> None:
    text = "She fled to Florida in June 1998 and returned to Cuba later that year. The following year she left."
    got = _values(parser, text, date(2000, 1, 28))
    assert got["later that year"] == "1998" and got["The following year"] == "1999"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # after a stretch of months, "a year earlier" is the year before, not the quarter
            "Bolt Corp. said third-quarter profit rose 8%. For the first nine months, sales reached $2 billion, "
            "compared with $1.7 billion a year earlier.",
            date(1995, 10, 20),
            {"third-quarter": "1995-Q3", "a year earlier": "1994"},
        ),
        (  # a quarter named by its end: the calendar quarter holding most of it
            "In the quarter ended July 31, the retailer lost $3 million.",
            date(1995, 9, 12),
            {"the quarter": "1995-Q2"},
        ),
        (  # ... unless the article named the quarter before
            "The retailer posted a first-quarter loss. In the quarter ended July 31, it lost $3 million.",
            date(1995, 9, 12),
            {"the quarter": "1995-Q1"},
        ),
        (  # a day and its part are one expression (a Saturday anchor)
            "The march began early Friday morning. The mayor spoke Wednesday night to the crowd.",
            date(2004, 6, 12),
            {"early Friday morning": "2004-06-11TMO", "Wednesday night": "2004-06-09TNI"},
        ),
        (  # ... and so are an hour and its day, the wire's way
            "The ferry will leave at 6 a.m. EDT Monday, the company said.",
            date(2004, 6, 12),
            {"6 a.m. EDT Monday": "2004-06-14T06:00"},
        ),
        (  # Easter Sunday 2004 was 11 April
            "The ferry sank last Thanksgiving. Officials expect delays in the near term. "
            "Repairs should be done by year's end. Pilgrims arrived as Easter week began.",
            date(2004, 4, 8),
            {
                "last Thanksgiving": "2003-11-27",
                "the near term": "FUTURE_REF",
                "year's end": "2004",
                "Easter week": "2004-W15",
            },
        ),
        (  # the period compared with is part of the expression; "or so" does not cut it
            "Crane Co. posted a third-quarter loss. It earned $2 million in the corresponding period last year. "
            "Sales in the latest period fell. A month or so ago it cut jobs.",
            date(1995, 10, 20),
            {
                "the corresponding period last year": "1994-Q3",
                "the latest period": "1995-Q3",
                "A month or so ago": "1995-09",
            },
        ),
        (  # the quarter before the one the article named
            "Alcan's first-quarter profit fell. Sales fell 4% from the previous quarter.",
            date(1995, 6, 2),
            {"the previous quarter": "1994-Q4"},
        ),
    ],
)
def test_news_dates_in_context(parser: Parser, text: str, published: date, expected: dict[str, str]) -> None:
    got = _values(parser, text, published)
    assert {k: got.get(k) for k in expected} == expected


def test_a_stretch_after_a_comma_is_its_own_expression(parser: Parser) -> None:
    text = "The plane arrives on November 11, three days later than planned."
    values = _values(parser, text, date(2005, 11, 5))
    assert values.get("November 11") == "2005-11-11"


def test_numeric_dates_are_found(parser: Parser) -> None:
    values = _values(parser, "The date matches its number written as 7/8/07 in the American way.", date(2007, 7, 9))
    assert values.get("7/8/07") == "2007-07-08"


def test_a_day_that_names_a_thing_is_not_put_ahead_by_the_present_tense(parser: Parser) -> None:
    # Friday 1989-10-27: "Tuesday's declaration" is the Tuesday gone, not the one to come
    values = _values(parser, "The GM move follows Tuesday's declaration by Ford.", date(1989, 10, 27))
    assert values.get("Tuesday") == "1989-10-24"
    assert _values(parser, "The board meets Tuesday in Detroit.", date(1989, 10, 27)).get("Tuesday") == "1989-10-31"


def test_a_month_that_names_a_thing_dates_the_thing_not_the_aim(parser: Parser) -> None:
    # Friday 1989-10-27: an infinitive under "try" looks ahead, the June agreement is the one made;
    # a will on the verb itself still puts the thing ahead
    text = "Poughkeepsie is continuing to try to sell itself under a June agreement with its holders."
    assert _values(parser, text, date(1989, 10, 27)).get("June") == "1989-06"
    text = "The ministers will attend the June summit in Paris."
    assert _values(parser, text, date(1989, 10, 27)).get("June") == "1990-06"


def test_the_present_perfect_progressive_looks_back(parser: Parser) -> None:
    text = "Investigators have been searching for him since shortly after the Oct. 23 slaying."
    assert _values(parser, text, date(1999, 5, 6)).get("Oct. 23") == "1998-10-23"


def test_a_season_after_in_the_is_found(parser: Parser) -> None:
    got = _values(parser, "Elections are due in the autumn, officials said.", date(1999, 4, 14))
    assert got["the autumn"] == "1999-FA"
    assert "the fall" not in _texts(parser, "He broke a hip in a fall at home.")


def test_the_year_period_is_the_quarter_reported_in_that_year(parser: Parser) -> None:
    text = (
        "Net income in the first quarter rose to $20.6 million. In the 1988 period, the company "
        "earned $15 million. Sales in the quarter rose."
    )
    got = _values(parser, text, date(1989, 5, 10))
    assert got["the 1988 period"] == "1988-Q1"
    assert got["the quarter"] == "1989-Q1"  # the comparison does not replace the quarter reported


def test_words_the_model_took_in_at_a_dates_edges_are_left_out(parser: Parser) -> None:
    said = _texts(parser, "Pelosi said on Twitter Sunday morning that she agreed.")
    assert "Sunday morning" in said and not [t for t in said if "Twitter" in t]
    assert "Dec. 11" in _texts(parser, "However, Dec. 11 marks the 15th anniversary of the entry.")
    assert "this year" in _texts(parser, "As ASEAN turns 50 this year, the world turns away from trade.")


def test_a_basis_of_comparison_is_no_date(parser: Parser) -> None:
    found = _texts(parser, "Output rose 6.1 percent year-on-year and 0.3 percent month on month in July.")
    assert found == ["July"]


def test_a_count_with_a_half_stays_one_expression(parser: Parser) -> None:
    found = _texts(parser, "Henniges added three new plants in the past two and a half years.")
    assert found == ["the past two and a half years"]


def test_a_yearly_event_named_with_its_year_is_dated(parser: Parser) -> None:
    got = _values(parser, "Apple showed the phone at the Worldwide Developers Conference 2010.", date(2010, 6, 8))
    assert got.get("2010") == "2010"
    assert not [t for t in _texts(parser, "Beijing backs its Made in China 2025 plan.") if "2025" in t]


def test_fiscal_years_written_fy_are_found(parser: Parser) -> None:
    got = _values(parser, "Sales rose in FY99 and will rise in FY2003/04.", date(1998, 8, 14))
    assert got.get("FY99") == "1999" and got.get("FY2003/04") == "2003"


def test_an_age_is_no_decade_and_no_duration(parser: Parser) -> None:
    assert _texts(parser, "His stepmother married his father when Kopp was in his 30s, she said.") == []
    assert _texts(parser, "Women in their late 40s voted for him.") == []
    assert _texts(parser, "He flew with their 6-month-old son on Thursday.") == ["Thursday"]
    assert "the 1930s" in _texts(parser, "Prices fell in the 1930s, the report said.")


def test_the_year_ago_period_takes_in_its_noun(parser: Parser) -> None:
    text = "Net income in the third quarter rose 5%. Earnings were $3 million in the year-ago period."
    got = _values(parser, text, date(1989, 11, 2))
    assert got.get("the year-ago period") == "1988-Q3"  # the quarter reported, a year back


def test_the_weeks_to_come_look_ahead(parser: Parser) -> None:
    got = _values(parser, "Growth will slow in the weeks to come, and for years to come.", date(2018, 8, 10))
    assert got == {"the weeks to come": "FUTURE_REF", "years to come": "FUTURE_REF"}


def test_the_year_at_the_end_of_a_list_or_range_dates_its_earlier_items(parser: Parser) -> None:
    text = "Xi put forward the proposal on September 7 and October 3, 2013, officials said."
    got = _values(parser, text, date(2018, 10, 8))
    assert got["September 7"] == "2013-09-07" and got["October 3, 2013"] == "2013-10-03"
    got = _values(parser, "From January to November 2014, trade rose 9 percent.", date(2015, 1, 23))
    assert got["January"] == "2014-01"
    # a month with its own year, or no list between, keeps its value
    got = _values(parser, "Sales fell in March. In June 1998 they rose.", date(1999, 10, 7))
    assert got["March"] == "1999-03"


def test_a_bare_day_tagged_apart_takes_the_month_before_it(parser: Parser) -> None:
    got = _values(parser, "The talks were held on June 5 and 6, 1998.", date(1999, 10, 7))
    assert got["June 5"] == "1998-06-05" and got["6, 1998"] == "1998-06-06"


def test_this_before_a_unit_the_model_left_out_is_taken_in(parser: Parser) -> None:
    # the model tags "year" alone in "This year's results" after a sentence of figures
    text = "Net rose 8.9% from $387.8 million, or $5.63 a share. This year's results included a gain."
    assert "This year" in _texts(parser, text)


def test_a_comparison_basis_is_no_time(parser: Parser) -> None:
    # the model tags each "year" of "year on year": neither dates anything
    text = "Trade between Switzerland and China increased 126 percent year on year to 59.5 billion dollars."
    assert _texts(parser, text) == []


def test_may_the_subject_of_a_verb_is_a_person(parser: Parser) -> None:
    anchor = date(2017, 10, 12)
    assert "May" not in _values(parser, "Tusk spoke a day after May told Britain to prepare for no deal.", anchor)
    assert "May" not in _values(parser, '"We will leave the EU," said May.', anchor)
    # the May contract of a market report is the month
    assert _values(parser, "Corn closed higher, with May settling at 1.59 dlrs.", anchor).get("May") == "2017-05"
    assert _values(parser, "The rate rose in May from April.", anchor).get("May") == "2017-05"
    # a "modal" before a past tense is the name: "late March" is the March before, not after
    got = _values(parser, "May sent a notification letter to the EU in late March.", anchor)
    assert got.get("late March") == "2017-03"


def test_a_span_ending_in_of_takes_in_the_year_after_it(parser: Parser) -> None:
    # the model tags "the fall of" and "2009" apart
    got = _values(parser, "In the fall of 2009, relations between Serbia and Bosnia were slipping.", date(2011, 3, 1))
    assert got == {"the fall of 2009": "2009-FA"}
    # and a split year the year it names: "1990-91" + "fiscal year" is no fiscal year of now
    assert _values(parser, "In the 1990-91 fiscal year, sales fell.", date(2006, 3, 8)) == {
        "1990-91 fiscal year": "1990"
    }


def test_the_end_of_a_range_is_not_before_its_start(parser: Parser) -> None:
    # said in April, a past "June" alone is last June; as the end of a range from May it is June after
    got = _values(parser, "From mid-May to the end of June, Little Rock was destined to be busy.", date(1998, 4, 3))
    assert got == {"mid-May": "1998-05", "the end of June": "1998-06"}
    got = _values(parser, "The exhibit ran from Nov. 3 to Feb. 2, officials said.", date(1998, 4, 3))
    assert got == {"Nov. 3": "1997-11-03", "Feb. 2": "1998-02-02"}


def test_a_year_earlier_counts_from_the_month_reported_not_the_one_compared_with(parser: Parser) -> None:
    text = "Feed output fell to 2.06 mln tonnes in January from 2.57 mln in December, against 2.04 mln a year earlier."
    got = _values(parser, text, date(1987, 3, 18))
    assert got["December"] == "1986-12" and got["a year earlier"] == "1986-01"
    # with no comparison before it, the last month named is the one reported
    assert _values(parser, "Sales rose in July from a year earlier.", date(1987, 9, 1))["a year earlier"] == "1986-07"
    # nor does a month a year back, nor "current": February stays the month reported
    text = (
        "Exports rose to 21.6 billion baht in February from 20.4 billion in January compared with 17.4 billion a "
        "year ago. February's current account showed a deficit compared with 1.7 billion in January and 263 mln "
        "a year ago."
    )
    times = TimeStage()(
        FactContext(
            article=Article(
                id="a", source="t", url=None, title=None, text=text, paragraphs=(Paragraph("paragraph", text),)
            ),
            doc=parser.parse(text),
            published=date(1987, 3, 18),
        )
    )["times"]
    assert [t.value for t in times if t.text == "a year ago"] == ["1986-02", "1986-02"]


def test_a_split_year_is_its_first_year(parser: Parser) -> None:
    text = "The surplus is expected to narrow to 90.2 billion dlrs in 1987/88 ending March 31."
    assert _values(parser, text, date(1987, 3, 18)).get("1987/88") == "1987"


def test_midnight_and_the_day_after_it_are_one_expression(parser: Parser) -> None:
    # "midnight" alone would be the anchor's day
    got = _values(parser, "The ban took effect at midnight on Sunday.", date(2006, 3, 8))
    assert got == {"midnight on Sunday": "2006-03-05"}


def test_a_weekday_that_names_a_thing_in_a_past_clause_may_be_tomorrow(parser: Parser) -> None:
    # Friday 1998-04-03: the program of "Saturday's" is tomorrow's, though the draw for it is told
    # in the past; the attack the clause came after is the Tuesday gone
    text = "Kwan's only problem came in the draw for Saturday's long program."
    assert _values(parser, text, date(1998, 4, 3)).get("Saturday") == "1998-04-04"
    text = "Security was tightened after Thursday's attack."
    assert _values(parser, text, date(1998, 4, 3)).get("Thursday") == "1998-04-02"


def test_an_expression_inside_a_stretched_one_is_not_its_own(parser: Parser) -> None:
    # the model tags "two weeks"; " from now" is taken in, and the "now" found apart goes with it
    assert _texts(parser, "The decision is expected two weeks from now.") == ["two weeks from now"]


def test_a_bare_half_is_a_half_year_where_figures_are_reported(parser: Parser) -> None:
    got = _values(parser, "Profit in the first half rose 12% to $3 million.", date(1998, 10, 14))
    assert got.get("the first half") == "1998-H1"
    # a half of a game: no amount or rate is reported in the sentence
    assert not [t for t in _texts(parser, "Arsenal scored twice in the first half.") if "half" in t]


def test_the_words_the_model_took_in_before_a_count_back_are_left_out(parser: Parser) -> None:
    got = _values(parser, "The rebels attacked the town days ago, police said.", date(1998, 10, 14))
    assert got == {"days ago": "PAST_REF"}
    assert "a few days ago" in _texts(parser, "The rebels attacked the town a few days ago.")


def test_the_following_weekday_counts_from_the_narrated_day(parser: Parser) -> None:
    text = "The talks opened on Oct. 5 and ended the following Monday, after a raid the previous Saturday."
    got = _values(parser, text, date(1998, 10, 14))
    assert got.get("the following Monday") == "1998-10-12"
    assert got.get("the previous Saturday") == "1998-10-10"  # the last before the narrated day, Monday


def test_a_decade_written_with_an_apostrophe_is_the_decade(parser: Parser) -> None:
    got = _values(parser, "Prices rose in the late 1970's and early 1980's, and in the 1960's.", date(1989, 10, 26))
    assert got == {"the late 1970's": "197", "early 1980's": "198", "the 1960's": "196"}


def test_a_part_of_a_day_and_the_day_it_is_of_are_one_expression(parser: Parser) -> None:
    assert _texts(parser, "The bill passed on the morning of Oct. 5, officials said.") == ["the morning of Oct. 5"]


def test_a_date_and_the_stretch_after_it_are_two_expressions(parser: Parser) -> None:
    # TimeML tags the date (DATE) and how long before it (DURATION) apart; the model ran them together
    # and the whole had no value
    said = date(1998, 3, 18)
    got = _values(parser, "The deal closed on Feb. 3 after months of talks.", said)
    assert got["Feb. 3"] == "1998-02-03" and "months" in got
    got = _values(parser, "He was freed on March 9 after 10 years in prison.", said)
    assert got["March 9"] == "1998-03-09" and got["10 years"] == "P10Y"
    got = _values(parser, "The ruling came on Monday, days after the vote.", said)
    assert got["Monday"] == "1998-03-16"
    # counted from what follows, one expression
    assert _values(parser, "Shops were shut the day after Christmas.", said)["the day after Christmas"] == "1997-12-26"


def test_a_weekday_naming_the_subject_of_a_past_verb_is_gone(parser: Parser) -> None:
    # said on a Wednesday: the blast that killed was last Thursday, not tomorrow
    said = date(1998, 3, 18)
    assert _values(parser, "Officials said Thursday's blast killed six.", said)["Thursday"] == "1998-03-12"
    # a thing a past clause only mentions keeps no tense: the next day is tomorrow
    text = "The skaters trained ahead of the draw for Thursday's long program."
    assert _values(parser, text, said)["Thursday"] == "1998-03-19"


def test_a_comparative_before_next_year_is_no_part_of_it(parser: Parser) -> None:
    # the model takes "more" in ("more next year"), which then had no value
    said = date(1999, 1, 4)
    assert _values(parser, "The firm plans to spend more next year.", said) == {"next year": "2000"}
    assert _values(parser, "Exports rose earlier this year.", said) == {"earlier this year": "1999"}


def test_a_thing_waited_for_lies_ahead(parser: Parser) -> None:
    said = date(1998, 3, 18)  # a Wednesday
    assert _values(parser, "Investors await Friday's jobs report.", said)["Friday"] == "1998-03-20"
    assert _values(parser, "Markets are bracing for Sunday's election.", said)["Sunday"] == "1998-03-22"
    # a month's figures awaited report on a month gone
    text = "Economists expect the December figures to show growth."
    assert _values(parser, text, date(1998, 2, 20))["December"] == "1997-12"
    # what follows a thing named comes after it: the thing is gone
    assert _values(parser, "The decision follows Tuesday's declaration.", said)["Tuesday"] == "1998-03-17"


@pytest.mark.parametrize(
    "text",
    [
        "Some 63% of respondents in the Sunday Times poll said he should return.",
        "A second poll for the Independent on Sunday found that support fell.",
        "The claim was made by Sunday Telegraph journalist Robert Peston.",
        "He told BBC Radio 4's Today programme that the plan would work.",
        "She appeared on NBC's Today show to defend the bill.",
    ],
)
def test_a_weekday_or_today_in_a_title_is_no_date(parser: Parser, text: str) -> None:
    # a masthead or a programme's name: TimeML marks no temporal word inside a proper name
    assert _texts(parser, text) == []


def test_a_weekday_before_a_title_word_it_dates_stays(parser: Parser) -> None:
    said = date(2005, 1, 19)  # a Wednesday
    got = _values(parser, "He said on Sunday Post Office workers had gone on strike.", said)
    assert got["Sunday"] == "2005-01-16"
    assert _texts(parser, "The Mail on Sunday reported on Monday that he had resigned.") == ["Monday"]
    assert _texts(parser, "Today, the company said it would cut jobs.") == ["Today"]


def test_shares_ages_and_a_demonstrative_are_no_part_of_a_date(parser: Parser) -> None:
    # a fraction written with a hyphen is a share of people; quarters of a year are written apart
    assert _texts(parser, "Three-quarters said the minister was right to go.") == []
    assert _texts(parser, "Profit in the first three quarters rose 5%.") == ["the first three quarters"]
    # an age in the plural is an age as the singular is
    assert _texts(parser, "It set a minimum wage for 16 and 17-year-olds.") == []
    # the object of the verb the model took in before a count back
    said = date(2005, 1, 10)
    assert _values(parser, "I dealt with this six months ago, he said.", said) == {"six months ago": "2004-07"}
