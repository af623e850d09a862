"""Acceptance points of issue 6 on the motivating page (published 2023-06-18)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from tidings.extract.build import make_article
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.facts.events.identity import cluster_key
from tidings.facts.events.stage import EventStage
from tidings.facts.places.stage import PlaceStage
from tidings.facts.times.stage import TimeStage
from tidings.nlp import Parser
from tidings.ontology.codebook import load_codebook
from tidings.records import Event, Paragraph


@pytest.fixture(scope="module")
def events(parser: Parser, blinken_text: str) -> Sequence[Event]:
    paras = [Paragraph("paragraph", p.strip()) for p in blinken_text.split("\n\n") if p.strip()]
    article = make_article(source="test", paragraphs=paras, published="2023-06-18")
    ctx = FactContext(article, parser.parse(article.text), dt.date(2023, 6, 18))
    for stage in (EntityStage(), TimeStage(), PlaceStage()):
        ctx.found.update(stage(ctx))
    found = EventStage(detect=False)(ctx)["events"]  # the coder's decisions, before detection
    assert all(isinstance(e, Event) for e in found)
    return found  # type: ignore[return-value]


def _at(events: Sequence[Event], trigger: str) -> list[Event]:
    return [e for e in events if e.trigger == trigger]


def test_main_event_is_the_visit_to_beijing(events: Sequence[Event]) -> None:
    main = [e for e in events if e.is_main]
    assert len(main) == 1
    visit = main[0]
    assert (visit.plover_event, visit.plover_mode, visit.cameo_code) == ("CONSULT", "visit", "042")
    assert visit.date == "2023-06-18" and visit.factuality == "asserted" and not visit.historical
    assert visit.place is not None and visit.place.name == "Beijing"
    assert visit.source is not None and visit.source.country == "USA"
    told = [e for e in events if cluster_key(e, "2023-06-18") == cluster_key(visit, "2023-06-18")]
    assert len(told) >= 2  # headline + lede: the same event, coded in each sentence that tells it


def test_planned_meetings_are_not_asserted(events: Sequence[Event]) -> None:
    meets = _at(events, "meet")
    assert meets and all(e.factuality != "asserted" for e in meets)
    with_qin = [e for e in meets if e.target and "Qin" in e.target.name]
    assert with_qin and with_qin[0].factuality == "planned" and with_qin[0].date == "2023-06-18"
    xi = [e for e in meets if e.target and "Xi" in e.target.name]
    assert xi and xi[0].factuality == "hypothetical"


def test_february_postponement_and_shootdown_are_historical(events: Sequence[Event]) -> None:
    for trigger in ("postponed", "shootdown"):
        found = _at(events, trigger)
        assert found, trigger
        assert found[0].date == "2023-02" and found[0].date_precision == "month"
        assert found[0].historical and found[0].factuality == "asserted"


def test_rebuff_of_austin_is_reject(events: Sequence[Event]) -> None:
    rebuff = _at(events, "rebuffed")
    assert rebuff and rebuff[0].plover_event == "REJECT" and rebuff[0].factuality == "asserted"
    assert rebuff[0].source is not None and rebuff[0].source.country == "CHN"
    assert rebuff[0].target is not None and rebuff[0].target.country == "USA"


def test_three_party_agreement_has_a_compound_actor(events: Sequence[Event]) -> None:
    agreed = [e for e in _at(events, "agreed") if len(e.actors) >= 3]
    assert agreed
    event = agreed[0]
    assert event.plover_event in ("AGREE", "COOPERATE") and event.factuality == "asserted"
    assert {a.country for a in event.actors} >= {"USA", "JPN", "PHL"}


def test_refusal_to_condemn_is_negated(events: Sequence[Event]) -> None:
    condemn = _at(events, "condemn")
    assert condemn, "China's refusal to condemn Russia yields no event"
    assert all(e.factuality == "negated" and (e.cameo_code or "")[:2] == "11" for e in condemn)


def test_nothing_from_the_teaser_and_all_codes_valid(events: Sequence[Event], blinken_text: str) -> None:
    assert not [e for e in events if "Also read" in e.sentence or "NASA" in e.sentence]
    book = load_codebook()
    assert all(e.cameo_code is not None and book.is_valid_cameo(e.cameo_code) for e in events)
    for e in events:
        assert e.goldstein == book.goldstein(e.cameo_code or "")
        assert e.quad_class == book.quad_class(e.cameo_code or "")
        assert e.stage == "tidings.events.coder.v1" and 0.0 < e.confidence <= 1.0
        assert e.sentence_start <= e.start < e.end <= e.sentence_end


def test_cluster_key_groups_same_dyad_type_and_window(events: Sequence[Event]) -> None:
    from dataclasses import replace

    from tidings.facts.events.identity import cluster_key

    main = next(e for e in events if e.is_main)
    retold = replace(main, id="other", article_id="other-article", date="2023-06-17")
    assert cluster_key(main, "2023-06-18", window_days=30) == cluster_key(retold, "2023-06-17", window_days=30)
    far = replace(main, date="2023-01-02")
    assert cluster_key(main, "2023-06-18") != cluster_key(far, "2023-06-18")


def test_detection_keeps_the_visit_and_drops_most_of_the_rest(parser: Parser, blinken_text: str) -> None:
    paras = [Paragraph("paragraph", p.strip()) for p in blinken_text.split("\n\n") if p.strip()]
    article = make_article(source="test", paragraphs=paras, published="2023-06-18")
    ctx = FactContext(article, parser.parse(article.text), dt.date(2023, 6, 18))
    for stage in (EntityStage(), TimeStage(), PlaceStage()):
        ctx.found.update(stage(ctx))
    everything = EventStage(detect=False)(ctx)["events"]
    kept = EventStage()(ctx)["events"]
    assert 0 < len(kept) < len(everything)
    assert {e.id for e in kept} <= {e.id for e in everything}
    main = [e for e in kept if e.is_main]
    assert len(main) == 1 and main[0].cameo_code is not None and main[0].cameo_code[:2] == "04"
