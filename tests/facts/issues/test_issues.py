"""Issue tags and the agenda, on the motivating page and on small texts."""

from __future__ import annotations

import pytest

from tidings.extract import extract
from tidings.facts.base import FactContext
from tidings.facts.issues.stage import IssueStage, article_themes, main_meeting
from tidings.facts.issues.taxonomy import load_taxonomy
from tidings.ids import fact_id
from tidings.nlp import Parser
from tidings.records import Article, Event, IssueTag


def tags_for(parser: Parser, text: str) -> list[IssueTag]:
    art = extract(text, published="2023-06-18")
    assert isinstance(art, Article)
    out = IssueStage()(FactContext(art, parser.parse(art.text)))
    return list(out["issues"])


@pytest.fixture(scope="module")
def blinken_tags(parser: Parser, blinken_text: str) -> list[IssueTag]:
    return tags_for(parser, blinken_text)


def test_blinken_agenda_is_the_listed_disagreements(blinken_tags: list[IssueTag]) -> None:
    agenda = {t.issue for t in blinken_tags if t.on_agenda}
    assert agenda == {
        "trade_tariffs",
        "taiwan",
        "human_rights",
        "hong_kong",
        "south_china_sea",
        "russia_ukraine_war",
    }


def test_every_tag_points_at_its_evidence(blinken_tags: list[IssueTag], blinken_text: str) -> None:
    art = extract(blinken_text)
    assert isinstance(art, Article)
    for t in blinken_tags:
        assert art.text[t.start : t.end] == t.evidence
        assert t.sentence_start <= t.start < t.end <= t.sentence_end
        assert t.issue in load_taxonomy().issues


def test_article_themes_rank_the_story(blinken_tags: list[IssueTag]) -> None:
    themes = [issue for issue, _ in article_themes(blinken_tags)]
    assert "diplomacy" in themes[:3]
    assert "sport" not in themes and "culture_entertainment" not in themes


def test_lemmas_match_inflections_and_vetoes_disambiguate(parser: Parser) -> None:
    body = (
        "Washington sanctioned three banks and raised tariffs on steel. "
        "Separately, a price war among airlines hit fares. "
    ) * 3
    tags = tags_for(parser, "Headline here\n\n" + body)
    issues = {t.issue for t in tags if t.score >= 1.0}
    assert {"sanctions", "trade_tariffs"} <= issues
    assert "military_conflict" not in issues  # "price war" is not armed conflict


def test_agenda_links_to_the_main_meeting() -> None:
    def event(start: int, plover: str, factuality: str = "asserted", historical: bool = False) -> Event:
        return Event(
            id=fact_id("events", "a", start),
            article_id="a",
            start=start,
            end=start + 3,
            trigger="met",
            sentence="",
            sentence_start=0,
            sentence_end=10,
            plover_event=plover,
            factuality=factuality,
            historical=historical,
        )

    events = [event(50, "CONSULT", historical=True), event(90, "ACCUSE"), event(120, "CONSULT", "planned")]
    main = main_meeting(events)
    assert main is not None and main.start == 120
    assert main_meeting([event(5, "ASSAULT")]) is None
