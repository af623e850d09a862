"""Verbs that report no act of anyone: a support verb with a plain thing as object, and an active
verb whose subject is a thing (rules ``support-verb`` and ``thing-subject``)."""

from __future__ import annotations

import datetime as dt

from tidings.extract.build import make_article
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.facts.events.stage import EventStage
from tidings.facts.places.stage import PlaceStage
from tidings.facts.times.stage import TimeStage
from tidings.nlp import Parser
from tidings.records import Event, Paragraph


def triggers(parser: Parser, text: str, off: tuple[str, ...] = ()) -> set[str]:
    """The triggers the coder (before detection) codes in ``text``, the rules ``off`` disabled."""
    article = make_article(source="rules", paragraphs=[Paragraph("paragraph", text)], published="2008-08-06")
    ctx = FactContext(article, parser.parse(article.text), dt.date(2008, 8, 6))
    for stage in (EntityStage(), TimeStage(), PlaceStage()):
        ctx.found.update(stage(ctx))
    events: list[Event] = list(EventStage(detect=False, disabled_rules=off)(ctx)["events"])
    return {e.trigger for e in events}


def test_support_verb_with_a_thing_as_object_is_no_event(parser: Parser) -> None:
    text = "China's State Council Information Office held a press conference on Thursday."
    assert "held" not in triggers(parser, text)
    assert "held" in triggers(parser, text, ("support-verb",))  # the dictionary alone codes it


def test_support_verb_whose_object_names_an_act_stays(parser: Parser) -> None:
    assert "held" in triggers(parser, "Premier Li Keqiang held talks with Prime Minister Malcolm Turnbull.")
    assert "paid" in triggers(parser, "US President Barack Obama paid a state visit to China on Monday.")


def test_support_verb_whose_object_is_an_actor_stays(parser: Parser) -> None:
    assert "pressed" in triggers(parser, "The United States pressed China on Monday.")


def test_thing_as_subject_is_no_event(parser: Parser) -> None:
    text = "The figures contradict a survey from the British Bankers' Association."
    assert "contradict" not in triggers(parser, text)
    assert "contradict" in triggers(parser, text, ("thing-subject",))


def test_people_as_subject_keep_the_event(parser: Parser) -> None:
    assert "imposed" in triggers(parser, "In the 1980s, western countries imposed sanctions on China.")


def test_cooperation_in_the_abstract_is_no_event(parser: Parser) -> None:
    text = "China promotes inclusive development and protects the environment."
    assert "promotes" not in triggers(parser, text)
    assert "promotes" in triggers(parser, text, ("partnerless-cooperation",))


def test_endorsing_a_decision_or_an_actor_stays(parser: Parser) -> None:
    assert "welcomed" in triggers(parser, "Germany welcomed the decision on Tuesday.")
    assert "praised" in triggers(parser, "President Trump praised President Erdogan of Turkey on Tuesday.")


def test_gerund_used_as_a_noun_is_no_event(parser: Parser) -> None:
    text = "He was unpopular for his policy of charging university students for tuition fees."
    assert "charging" not in triggers(parser, text)
    assert "charging" in triggers(parser, text, ("doerless-gerund",))


def test_gerund_of_means_keeps_its_doer(parser: Parser) -> None:
    events = triggers(parser, "The White House escalated the dispute by levying tariffs on Chinese products.")
    assert "levying" in events


def test_the_act_someone_is_accused_of_stays(parser: Parser) -> None:
    assert "stabbing" in triggers(parser, "Bryan Kohberger is accused of fatally stabbing four students in Idaho.")


def test_an_eventive_noun_only_talked_about_is_no_event(parser: Parser) -> None:
    text = "The free trade agreement between China and South Korea will take effect on December 20."
    assert "agreement" not in triggers(parser, text)
    assert "agreement" in triggers(parser, text, ("background-noun",))


def test_an_eventive_noun_reported_as_happening_stays(parser: Parser) -> None:
    assert "talks" in triggers(parser, "The talks between China and South Korea began in May 2012.")
    assert "sanctions" in triggers(parser, "New American sanctions against Iran took effect on Monday.")
