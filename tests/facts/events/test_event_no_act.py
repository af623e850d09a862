"""Verbs that report no act of anyone: a support verb with a plain thing as object, and an active
verb whose subject is a thing (rules ``support-verb`` and ``thing-subject``)."""

from __future__ import annotations

import datetime as dt

import pytest

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


# (rule, sentence, trigger): the rule drops the trigger, which the coder codes with the rule off
DROPPED = [
    ("support-verb", "China's State Council Information Office held a press conference on Thursday.", "held"),
    ("thing-subject", "The figures contradict a survey from the British Bankers' Association.", "contradict"),
    ("partnerless-cooperation", "China promotes inclusive development and protects the environment.", "promotes"),
    (
        "doerless-gerund",
        "He was unpopular for his policy of charging students tuition fees.",
        "charging",
    ),
    (
        "background-noun",
        "The trade agreement between China and Korea will take effect on December 20.",
        "agreement",
    ),
]
# (sentence, trigger): reported acts the rules keep
KEPT = [
    ("Premier Li Keqiang held talks with Prime Minister Malcolm Turnbull.", "held"),  # the object names an act
    ("US President Barack Obama paid a state visit to China on Monday.", "paid"),
    ("The United States pressed China on Monday.", "pressed"),  # the object is an actor
    ("In the 1980s, western countries imposed sanctions on China.", "imposed"),  # people as subject
    ("A car bomb killed six people in the town on Friday.", "killed"),  # a weapon: an unknown attacker
    ("Germany welcomed the decision on Tuesday.", "welcomed"),  # endorsing a decision
    ("President Trump praised President Erdogan of Turkey on Tuesday.", "praised"),
    ("The White House escalated the dispute by levying tariffs on Chinese products.", "levying"),  # the means
    ("Bryan Kohberger is accused of fatally stabbing four students in Idaho.", "stabbing"),  # what is alleged
    ("The talks between China and South Korea began in May 2012.", "talks"),  # reported as happening
    ("New American sanctions against Iran took effect on Monday.", "sanctions"),  # a measure taking effect
]


@pytest.mark.parametrize(("rule", "text", "trigger"), DROPPED)
def test_a_verb_reporting_no_act_is_no_event(parser: Parser, rule: str, text: str, trigger: str) -> None:
    assert trigger not in triggers(parser, text)
    assert trigger in triggers(parser, text, (rule,))  # the coder alone codes it


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_a_reported_act_stays(parser: Parser, text: str, trigger: str) -> None:
    assert trigger in triggers(parser, text)
