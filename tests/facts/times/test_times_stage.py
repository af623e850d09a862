"""TimeStage on real parses: the motivating page, tense direction, no anchor."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.facts.base import FactContext
from tidings.facts.times.anaphora import period_ended
from tidings.facts.times.stage import TimeStage, dateline_anchor, direction_for
from tidings.nlp import Parser
from tidings.records import Article, Paragraph, TimeExpr


def _ctx(parser: Parser, text: str, published: date | None) -> FactContext:
    art = Article(id="a1", source="test", url=None, title=None, text=text, paragraphs=(Paragraph("paragraph", text),))
    return FactContext(article=art, doc=parser.parse(text), published=published)


def _at(times: list[TimeExpr], text: str, needle: str, nth: int = 0) -> TimeExpr:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    hits = [t for t in times if t.start < pos + len(needle) and pos < t.end]
    assert hits, f"no time expression over {needle!r}"
    return hits[0]


@pytest.fixture(scope="module")
def blinken_times(parser: Parser, blinken_text: str) -> list[TimeExpr]:
    out = TimeStage()(_ctx(parser, blinken_text, date(2023, 6, 18)))
    return list(out["times"])


@pytest.mark.parametrize(
    ("needle", "nth", "value"),
    [
        ("early Sunday", 0, "2023-06-18"),
        ("Monday", 0, "2023-06-19"),
        ("Washington on Friday", 0, "2023-06-16"),
        ("visit in February", 0, "2023-02"),
        ("last year", 0, "2022"),
        ("in September", 0, "2023-09"),
        ("earlier this month", 0, "2023-06"),
        ("two-day", 0, "P2D"),
    ],
)
def test_blinken_acceptance(
    blinken_times: list[TimeExpr], blinken_text: str, needle: str, nth: int, value: str
) -> None:
    assert _at(blinken_times, blinken_text, needle, nth).value == value


def test_records_are_well_formed(blinken_times: list[TimeExpr], blinken_text: str) -> None:
    assert len(blinken_times) >= 20
    for t in blinken_times:
        assert blinken_text[t.start : t.end] == t.text
        assert t.stage == "tidings.times.rules.v2"
        assert t.kind in ("date", "time", "duration", "set", "fuzzy")
        assert t.anchor == "2023-06-18"
    assert len({t.id for t in blinken_times}) == len(blinken_times)


@pytest.mark.parametrize(
    ("sentence", "needle", "direction"),
    [
        ("The ministers met on Friday in Vienna.", "Friday", "past"),
        ("The ministers will meet on Monday in Vienna.", "Monday", "future"),
        ("Blinken plans to meet Xi on Monday.", "Monday", "future"),
        ("He said he could visit in September.", "September", "future"),
        ("She has worked there since March.", "March", "past"),
        ("The meeting is about trade policy, officials say, and nothing on Monday.", "Monday", None),
        ("The two sides are to meet Friday in Cairo.", "Friday", "future"),  # be + to-infinitive
        ("He is scheduled to be sentenced Thursday.", "Thursday", "future"),  # the infinitive's governor
        ("Markets were calm ahead of Sunday's election.", "Sunday", "future"),  # what news is ahead of
        ("Security was tightened after Tuesday's attack.", "Tuesday", "past"),
        ("Her only problem came in the draw for Saturday's long program.", "Saturday", None),  # the thing's own day
        ("China said on Tuesday it would send a delegation.", "Tuesday", "past"),  # the saying's day
        ("Police said Monday they will release the names.", "Monday", "past"),
        ("He said that on Friday the talks would resume.", "Friday", "future"),  # the complement's
        ("Officials said the talks would resume on Friday.", "Friday", "future"),
        ("The deadline is Friday.", "Friday", "future"),  # a present "is" with the date as complement
        ("The election is on Sunday, officials say.", "Sunday", "future"),
        ("The deadline was Friday.", "Friday", "past"),
        ("It is the third attack since Monday.", "Monday", "past"),  # what has gone on since a day began before
        ("Blazes have been blamed on changes in the weather, since July.", "July", "past"),  # with no verb too
        ("The Australian Senate on Monday passes the bill.", "Monday", "past"),  # the wire's present
        ("The board meets Monday in Sydney.", "Monday", "future"),  # arranged: the date after the verb
        ("On Monday, Congress returns from recess.", "Monday", "future"),
        ("The vote, set for Friday, may be delayed.", "Friday", "future"),  # what is scheduled is ahead
        ("They were asked to resubmit the plan before July.", "July", "future"),  # what is asked comes after
        ("The summit, scheduled for Tuesday, was held without incident.", "Tuesday", "past"),  # unless it is over
        ("The election, set for Sunday, has drawn wide attention.", "Sunday", "future"),  # the attention runs to now
        ("A deadline has been set for midnight Thursday.", "midnight Thursday", "future"),  # arranged, still standing
        ("A vote has been scheduled for Thursday.", "Thursday", "future"),
        ("Both matches were postponed until Saturday.", "Saturday", "future"),  # what is put off comes later
        ("The hearing was adjourned to Monday.", "Monday", "future"),
        ("If the bill did not reach the floor by June 1, it is going to be hard.", "June 1", "future"),
        ("If he did not pay by Friday, he was fined.", "Friday", "past"),  # a condition on the past
        ("Russia can demand that the match be moved to Monday.", "Monday", "future"),  # untensed: its governor's
        ("Tickets go on sale Friday.", "Friday", "future"),
        # "hoped" is hope's past, not hop's (the lemmatiser's slip): what was hoped for lies ahead
        ("Officials said they hoped to reach a deal by Friday.", "Friday", "future"),
        ("The rabbit hopped across the lawn on Friday.", "Friday", "past"),
        ("The vote, to be held Sunday, will be close.", "Sunday", "future"),  # a passive infinitive on a noun
        ("The accord to be signed on Friday covers trade.", "Friday", "future"),
        ("The vote, held Sunday, was a landslide.", "Sunday", "past"),
        # typographic apostrophes: the clitic auxiliary reads as its ASCII spelling
        ("He\u2019s meeting Xi on Friday.", "Friday", "future"),
        ("They\u2019re meeting on Monday in Vienna.", "Monday", "future"),
        ("A vote\u2019s been scheduled for Thursday.", "Thursday", "future"),
    ],
)
def test_direction_from_governing_verb(parser: Parser, sentence: str, needle: str, direction: str | None) -> None:
    doc = parser.parse(sentence)
    start = sentence.index(needle)
    assert direction_for(doc, start, start + len(needle)) == direction


def test_without_anchor_only_absolute_values(parser: Parser) -> None:
    text = "The treaty was signed on June 18, 2023, and the talks resume on Friday."
    times = list(TimeStage()(_ctx(parser, text, None))["times"])
    by_text = {t.text: t for t in times}
    assert by_text["June 18, 2023"].value == "2023-06-18"
    friday = [t for t in times if "Friday" in t.text]
    assert friday and friday[0].value is None and friday[0].anchor is None


def test_ages_and_amounts_are_not_times(parser: Parser) -> None:
    text = "Chiquita Henry, 19, of Alexandria, was arrested with 300 others."
    times = TimeStage()(_ctx(parser, text, date(2009, 3, 20)))["times"]
    assert all("19" not in t.text and "300" not in t.text for t in times)


def test_a_headlines_simple_present_is_the_news_past(parser: Parser) -> None:
    text = "Australian senate passes trade deal on Monday\n\nThe board meets Friday in Canberra."
    art = Article(
        id="a1",
        source="test",
        url=None,
        title=None,
        text=text,
        paragraphs=(Paragraph("paragraph", text.split("\n\n")[0]), Paragraph("paragraph", text.split("\n\n")[1])),
    )
    times = TimeStage()(FactContext(article=art, doc=parser.parse(text), published=date(2015, 11, 10)))["times"]
    got = {t.text: t.value for t in times}
    assert got["Monday"] == "2015-11-09"  # the Monday gone, though "passes" is present
    assert got["Friday"] == "2015-11-13"  # the body's present still looks ahead
    ahead = "Senate to vote on trade bill Thursday\n\nThe vote was called by the leader."
    art = Article(id="a2", source="t", url=None, title=None, text=ahead,
                  paragraphs=tuple(Paragraph("paragraph", p) for p in ahead.split("\n\n")))  # fmt: skip
    times = TimeStage()(FactContext(article=art, doc=parser.parse(ahead), published=date(2015, 11, 10)))["times"]
    assert {t.text: t.value for t in times}["Thursday"] == "2015-11-12"  # "to vote": the headline's will


def test_an_agency_dateline_dates_the_story(parser: Parser) -> None:
    # a Xinhua story filed on December 2 in a record stamped December 3: its "today" is its dateline's
    text = "BRUSSELS, December 2 (Xinhua) -- NATO ambassadors met today and will meet again tomorrow."
    times = list(TimeStage()(_ctx(parser, text, date(1998, 12, 3)))["times"])
    assert _at(times, text, "today").value == "1998-12-02"
    assert _at(times, text, "tomorrow").value == "1998-12-03"
    assert _at(times, text, "today").anchor == "1998-12-02"


@pytest.mark.parametrize(
    ("text", "published", "anchor"),
    [
        ("WARSAW, Poland, Feb. 26 (AP) _ The presidents signed.", date(1999, 2, 27), date(1999, 2, 26)),
        ("(Xinhua/Huang Jingwen) SEOUL, Oct. 31 -- China and the ROK", date(2015, 11, 1), date(2015, 10, 31)),
        ("NAIROBI, Kenya (AP) _ Terrorist bombings", date(1998, 8, 8), date(1998, 8, 8)),  # no day named
        ("BEIJING, June 1 (Xinhua) -- A report", date(2015, 11, 1), date(2015, 11, 1)),  # months off: a stale line
        ("The talks ended, Oct. 31 - a Saturday.", date(2015, 11, 1), date(2015, 11, 1)),  # no capitals: no dateline
    ],
)
def test_dateline_anchor(text: str, published: date, anchor: date) -> None:
    assert dateline_anchor(text, published) == anchor


def _record_times(parser: Parser, fields: dict[str, str]) -> tuple[str, list[TimeExpr]]:
    """A JSONL record or feed item the way the CLI takes it: the extractor first, then the stage."""
    from tidings.extract.record import extract_record

    art = extract_record(fields, source="test")
    assert isinstance(art, Article)
    published = date.fromisoformat(fields["published"])
    ctx = FactContext(article=art, doc=parser.parse(art.text), published=published)
    return art.text, list(TimeStage()(ctx)["times"])


def test_the_extractors_dateline_dates_a_record(parser: Parser) -> None:
    # the extractor takes the dateline off the record's first paragraph (extras["dateline"]): the stage
    # reads its day there, so "today" is still December 2, the story's day, not the wire's stamp
    fields = {"text": "BRUSSELS, December 2 (Xinhua) -- NATO ambassadors met today.", "published": "1998-12-03"}
    text, times = _record_times(parser, fields)
    assert "Xinhua" not in text
    assert _at(times, text, "today").value == "1998-12-02"


def test_a_record_without_a_day_in_its_dateline_keeps_its_date(parser: Parser) -> None:
    fields = {"text": "NAIROBI, Kenya (AP) _ Officials met today.", "published": "1998-08-08"}
    text, times = _record_times(parser, fields)
    assert _at(times, text, "today").value == "1998-08-08"


@pytest.mark.parametrize(
    ("line", "published", "anchor"),
    [
        ("BRUSSELS, December 2 (Xinhua)", date(1998, 12, 3), date(1998, 12, 2)),  # a record's agency dateline
        ("Updated: July 23, 2024 18:40 GMT", date(2024, 7, 22), date(2024, 7, 23)),  # a page's date line
        ("Published 21 May 2024", date(2024, 5, 24), date(2024, 5, 21)),
        ("Published 3 hours ago", date(2024, 5, 24), date(2024, 5, 24)),  # no day named
        ("Updated: May 2, 2023", date(2024, 5, 24), date(2024, 5, 24)),  # a year off: not this story's day
    ],
)
def test_dateline_anchor_reads_the_extractors_line_first(line: str, published: date, anchor: date) -> None:
    assert dateline_anchor("The council met today.", published, line) == anchor


@pytest.mark.parametrize(
    ("text", "stretch", "value"),
    [
        # set off by a comma right after a date, the stretch restates it (apposition)
        ("The airliner will arrive on November 11, three days later than originally planned.", "three days later",
         "2010-11-11"),
        ("The bridge was begun in 1930 and finished in 1970, four decades later.", "four decades later", "1970"),
        # in a clause of its own it is counted from the narrated day
        ("The talks began on Monday, and two days later they collapsed.", "two days later", "2010-01-27"),
    ],
)  # fmt: skip
def test_a_stretch_in_apposition_restates_its_date(parser: Parser, text: str, stretch: str, value: str) -> None:
    times = list(TimeStage()(_ctx(parser, text, date(2010, 1, 27)))["times"])
    assert _at(times, text, stretch).value == value


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("Profits rose in Q3.", "Q3", "2009-Q3"),  # the quarter just gone, as "the third quarter"
        ("The company reported Q3 2009 results.", "Q3 2009", "2009-Q3"),
        ("Revenue in H1 2009 rose.", "H1 2009", "2009-H1"),
    ],
)
def test_the_analysts_shorthand_is_a_quarter_or_half(parser: Parser, text: str, needle: str, value: str) -> None:
    times = list(TimeStage()(_ctx(parser, text, date(2010, 1, 27)))["times"])
    assert _at(times, text, needle).value == value


def test_a_model_name_is_no_quarter(parser: Parser) -> None:
    text = "Sales of the Audi Q3 rose."
    times = list(TimeStage()(_ctx(parser, text, date(2010, 1, 27)))["times"])
    assert not any("Q3" in t.text for t in times)


def test_a_year_or_month_named_by_the_day_it_ends_is_that_days() -> None:
    said = date(1998, 3, 18)
    assert period_ended("the year", " ended Dec. 31, Acme earned", said) == "1997"
    assert period_ended("the fiscal year", " ended June 30", said) == "1997"
    assert period_ended("the year", " ending Dec. 31", said) == "1998"  # still running
    assert period_ended("the year", " ended Sept. 30, 1996", said) == "1996"
    assert period_ended("this year", " so far", said) is None
    assert period_ended("the month", " ended Feb. 28", said) == "1998-02"
