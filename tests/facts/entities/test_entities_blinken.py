"""Acceptance points of the entities stage on the motivating AP story (Blinken in Beijing)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.extract.text import extract_text
from tidings.facts.actors.index import EntityIndex
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.nlp import Parser
from tidings.records import Article, Entity, Mention


@pytest.fixture(scope="module")
def found(parser: Parser, blinken_text: str) -> tuple[Article, dict[str, list[object]]]:
    article = extract_text(blinken_text, source="test", published="2023-06-18")
    assert isinstance(article, Article)
    ctx = FactContext(article, parser.parse(article.text), dt.date(2023, 6, 18))
    out = EntityStage()(ctx)
    return article, {k: list(v) for k, v in out.items()}


def _entities(found: tuple[Article, dict[str, list[object]]]) -> list[Entity]:
    return [e for e in found[1]["entities"] if isinstance(e, Entity)]


def _person(found: tuple[Article, dict[str, list[object]]], surname: str) -> Entity:
    hits = [e for e in _entities(found) if e.kind == "PERSON" and e.name.split()[-1] == surname]
    assert len(hits) == 1, [e.name for e in hits]
    return hits[0]


PEOPLE = {  # surname -> (country, actor code or None when only the country is asserted)
    "Blinken": ("USA", "USAGOV"),
    "Biden": ("USA", "USAGOV"),
    "Gang": ("CHN", "CHNGOV"),
    "Yi": ("CHN", "CHNGOV"),
    "Jinping": ("CHN", "CHNGOV"),
    "Gates": ("USA", "USABUS"),
    "Burns": ("USA", None),
    "Sullivan": ("USA", "USAGOV"),
    "Austin": ("USA", "USAMIL"),
    "Kritenbrink": ("USA", "USAGOV"),
    "Campbell": ("USA", "USAGOV"),
}


def test_every_named_person_is_one_entity_with_country_and_code(
    found: tuple[Article, dict[str, list[object]]],
) -> None:
    persons = [e for e in _entities(found) if e.kind == "PERSON"]
    assert sorted(e.name.split()[-1] for e in persons) == sorted(PEOPLE)
    for surname, (country, code) in PEOPLE.items():
        entity = _person(found, surname)
        assert entity.country == country, entity
        if code:
            assert entity.actor_code == code, entity


def test_roles_come_from_titles_and_appositions(found: tuple[Article, dict[str, list[object]]]) -> None:
    def roles(surname: str) -> str:
        return " | ".join(r.title for r in _person(found, surname).roles)

    assert "Secretary of State" in roles("Blinken")
    assert "Foreign Minister" in roles("Gang")
    assert "co-founder" in roles("Gates")
    assert "CIA chief" in roles("Burns")
    assert "National Security Council" in roles("Campbell")
    assert "diplomat" in roles("Kritenbrink")
    assert all(r.seen == "2023-06-18" for r in _person(found, "Blinken").roles)


def test_yi_and_possessives_point_back_to_full_names(found: tuple[Article, dict[str, list[object]]]) -> None:
    article, out = found
    wang = _person(found, "Yi")
    assert wang.name == "Wang Yi"
    yi_at = article.text.index("met with Yi") + len("met with ")
    index = EntityIndex(out)
    assert index.entity_at(yi_at, yi_at + 2) == wang
    blinken = _person(found, "Blinken")
    possessive = article.text.index("Blinken’s trip")
    assert index.entity_at(possessive, possessive + 7) == blinken
    assert len(blinken.mentions) >= 10  # names + resolved pronouns


def test_unnamed_role_holders_are_coded_actors(parser: Parser, found: tuple[Article, dict[str, list[object]]]) -> None:
    unnamed = {e.name: e for e in _entities(found) if not e.named}
    minister = next(e for n, e in unnamed.items() if "defense minister" in n)
    assert minister.actor_code == "CHNGOV" and minister.country == "CHN"  # a minister is the executive
    assert not any("commerce minister" in n for n in [minister.name, *minister.aliases])  # another person
    spokes = next(e for n, e in unnamed.items() if "spokesperson" in n)
    assert spokes.actor_code == "CHNGOV"
    officials = next(e for n, e in unnamed.items() if n.endswith("US officials"))
    assert officials.actor_code == "USAGOV"
    article, out = found
    at = article.text.index("A Chinese foreign ministry spokesperson")
    doc = parser.parse(article.text)
    ref = EntityIndex(out).actor_for_span(doc, at, at + len("A Chinese foreign ministry spokesperson"))
    assert ref is not None and ref.actor_code == "CHNGOV" and ref.entity_id == spokes.id


def test_mentions_are_consistent_with_text_and_entities(
    found: tuple[Article, dict[str, list[object]]],
) -> None:
    article, out = found
    ids = {e.id for e in _entities(found)}
    mentions = [m for m in out["mentions"] if isinstance(m, Mention)]
    assert mentions
    for m in mentions:
        assert article.text[m.start : m.end] == m.text
        assert m.entity_id in ids
    for e in _entities(found):
        assert (e.start, e.end) == (e.mentions[0].start, e.mentions[0].end)
    pronouns = [m for m in mentions if m.label == "PRON"]
    blinken = _person(found, "Blinken")
    first_he = next(m for m in pronouns if m.text == "He")
    assert first_he.entity_id == blinken.id
    biden_i = article.text.index("I’ll be meeting")
    assert any(m.start == biden_i and m.entity_id == _person(found, "Biden").id for m in pronouns)


def test_blinken_mislabelled_by_spacy_is_fixed_by_majority(
    parser: Parser, found: tuple[Article, dict[str, list[object]]]
) -> None:
    article, out = found
    doc = parser.parse(article.text)
    assert any(e.text == "Blinken" and e.label_ != "PERSON" for e in doc.ents), "spaCy no longer errs here"
    blinken_mentions = [m for m in out["mentions"] if isinstance(m, Mention) and m.text.startswith("Blinken")]
    assert blinken_mentions and all(m.label == "PERSON" for m in blinken_mentions)


def test_no_clutter_entity_even_on_the_raw_page(parser: Parser, blinken_text: str) -> None:
    article = Article(id="raw", source="t", url=None, title=None, text=blinken_text, paragraphs=())
    out = EntityStage()(FactContext(article, parser.parse(blinken_text)))
    names = [e.name for e in out["entities"] if isinstance(e, Entity)]
    for e in out["entities"]:
        assert isinstance(e, Entity)
        assert not any(w in (e.name, *e.aliases) for w in ("Home World US", "Home", "Home World")), e
    assert not any("Home" in n or n in ("State", "Defense", "Group") for n in names), names
