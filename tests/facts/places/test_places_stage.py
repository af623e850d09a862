"""PlaceStage on real parses: the motivating page and metonymy."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.facts.base import FactContext
from tidings.facts.places.stage import PlaceStage
from tidings.nlp import Parser
from tidings.records import Article, Paragraph, Place


def _ctx(parser: Parser, text: str) -> FactContext:
    art = Article(id="a1", source="test", url=None, title=None, text=text, paragraphs=(Paragraph("paragraph", text),))
    return FactContext(article=art, doc=parser.parse(text), published=date(2023, 6, 18))


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage()


@pytest.fixture(scope="module")
def blinken_places(parser: Parser, blinken_text: str, stage: PlaceStage) -> list[Place]:
    return list(stage(_ctx(parser, blinken_text))["places"])


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Beijing", "CHN", 39.9, 116.4),
        ("Vienna", "AUT", 48.2, 16.4),
        ("Singapore", "SGP", 1.3, 103.8),
        ("Bali", "IDN", -8.4, 115.1),
        ("New Delhi", "IND", 28.6, 77.2),
        ("San Francisco", "USA", 37.8, -122.4),
        ("Cuba", "CUB", 21.5, -79.5),
    ],
)
def test_blinken_places(blinken_places: list[Place], name: str, country: str, lat: float, lon: float) -> None:
    hits = [p for p in blinken_places if p.text == name]
    assert hits, name
    for p in hits:
        assert p.country == country
        assert p.lat is not None and p.lon is not None
        assert abs(p.lat - lat) < 1.5 and abs(p.lon - lon) < 1.5


def test_blinken_seas_and_offsets(blinken_places: list[Place], blinken_text: str) -> None:
    features = {p.name: p.feature for p in blinken_places}
    assert features.get("South China Sea") == "sea"
    assert features.get("Taiwan Strait") == "sea"
    for p in blinken_places:
        assert blinken_text[p.start : p.end] == p.text
        assert p.stage == "tidings.places.gazetteer.v3"


def test_blinken_metonyms(blinken_places: list[Place], blinken_text: str) -> None:
    def at(needle: str) -> Place:
        pos = blinken_text.index(needle)
        return next(p for p in blinken_places if p.start <= pos < p.end)

    assert at("Washington carries out").metonym
    assert at("Beijing is attempting").metonym
    assert at("China rejected").metonym
    assert not at("Vienna in May").metonym
    assert not at("Singapore, a sign").metonym


@pytest.mark.parametrize(
    ("sentence", "needle", "metonym"),
    [
        ("Beijing rejected the proposal on Tuesday.", "Beijing", True),
        ("Blinken arrived in Beijing on Sunday.", "Beijing", False),
        ("Russia accused Ukraine of shelling the plant.", "Russia", True),
        ("Floods hit Bali last week.", "Bali", False),
    ],
)
def test_metonymy(parser: Parser, stage: PlaceStage, sentence: str, needle: str, metonym: bool) -> None:
    places = stage(_ctx(parser, sentence))["places"]
    hit = [p for p in places if p.text == needle]
    assert hit and hit[0].metonym is metonym


def test_works_with_entity_mentions_and_without(parser: Parser, stage: PlaceStage) -> None:
    from tidings.records import Mention

    text = "Officials met in Tbilisi."
    ctx = _ctx(parser, text)
    ctx.found["mentions"] = [Mention(id="m1", article_id="a1", start=17, end=24, text="Tbilisi", label="GPE")]
    places = stage(ctx)["places"]
    assert [p.name for p in places] == ["Tbilisi"] and places[0].country == "GEO"


def test_uses_entity_spans_when_present(parser: Parser, stage: PlaceStage) -> None:
    from tidings.records import Entity, Span

    text = "Talks were held in the city of Batumi."
    ctx = _ctx(parser, text)
    start = text.index("Batumi")
    ctx.found["entities"] = [
        Entity(id="e1", article_id="a1", name="Batumi", kind="GPE", mentions=(Span(start, start + 6),))
    ]
    places = stage(ctx)["places"]
    assert any(p.start == start and p.country == "GEO" for p in places)


def test_a_name_modifying_a_noun_is_a_place_only_in_the_articles_area(parser: Parser, stage: PlaceStage) -> None:
    text = "KANSAS CITY, Mo. - Police in Independence found the boys in a Raytown apartment near a Toyota truck."
    places = {p.text: p for p in stage(_ctx(parser, text))["places"]}
    assert places["Raytown"].admin1 == "Missouri"  # a town next to the story's others
    assert "Toyota" not in places  # a brand, though Toyota is a city in Japan
    text = "He bought a Toyota truck from a Ford dealer in Detroit last year."
    assert not {"Toyota", "Ford"} & {p.text for p in stage(_ctx(parser, text))["places"]}
