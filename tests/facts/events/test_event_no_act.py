"""Verbs that report no act of anyone: a support verb with a plain thing as object, an active verb
whose subject is a thing (rules ``support-verb``, ``thing-subject``, ``owned-thing-subject``),
market demand, corporate dealings and statements of bare names (``market-demand``,
``corporate-dealing``, ``speech-unaffiliated``)."""

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
    (
        "market-demand",
        "India's biggest carmaker Maruti has reported a sharp increase in quarterly profit after a booming "
        "economy and low interest rates boosted demand.",
        "demand",
    ),
    ("market-demand", "To boost domestic demand, China has begun large infrastructure projects.", "demand"),
    (
        "corporate-dealing",
        "Boeing is to supply Japan Airlines with up to 50 of its 7E7 planes in a deal worth $6bn.",
        "supply",
    ),
    (
        "owned-thing-subject",
        "Xi's upcoming visit to Indonesia for the Asian-African summit demonstrates China's determination in "
        "promoting cooperation, he added.",
        "demonstrates",
    ),
    (
        "force-on-abstraction",  # WordNet knows an initiative only as an abstraction: nothing is seized
        "The Kenyan government seized the initiative in the talks on Monday.",
        "seized",
    ),
    ("force-on-abstraction", "Police reached the spot and took custody of the infant.", "took"),
    (
        "doerless-cooperation",  # no one estimates: a figure
        "The number of overnight stays by Chinese tourists in Switzerland is estimated to reach 2 million by 2022.",
        "estimated",
    ),
    (
        "accord-as-thing",  # an accord named as a standing document, object of a preposition
        "Interest rates have been cut twice by France since the Paris agreement.",
        "agreement",
    ),
    (
        "accord-as-thing",  # its passive subject, of a verb other than one of making it
        "The Swiss government has resisted suggestions that the Washington agreement should be reopened.",
        "agreement",
    ),
    (
        "speech-unaffiliated",  # a bare name in a story with no home country: a commentator
        "Beijing and Washington held talks in Geneva on Monday. US automakers may miss a golden chance "
        "in China if the Trump administration sticks to trade protectionism, Wei said.",
        "said",
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
    (
        "Pritzker threatened trade action if Beijing does not act enough to satisfy Washington's demands.",
        "demands",
    ),  # someone's demand
    ("The Chinese delegation criticized the United States on Monday.", "criticized"),  # the subject is the actor
    ("Boeing agreed to supply the Japanese government with 50 planes.", "supply"),  # a state is party to it
    ("The United States imposed sanctions on China's biggest telecom company.", "imposed"),  # no cooperation
    ("The Chinese government urged residents to stay vigilant.", "urged"),  # its doer found
    ("Police seized black gloves and a knife from the house.", "seized"),  # physical things: confiscation
    ("An agreement was signed in Hong Kong on Friday between the Chinese mainland and Hong Kong.", "agreement"),
    (
        "Under an agreement with the United States reached in 1946, the Swiss authorities paid back $58 million.",
        "agreement",
    ),  # an accord with a participle of making
]


@pytest.mark.parametrize(("rule", "text", "trigger"), DROPPED)
def test_a_verb_reporting_no_act_is_no_event(parser: Parser, rule: str, text: str, trigger: str) -> None:
    assert trigger not in triggers(parser, text)
    assert trigger in triggers(parser, text, (rule,))  # the coder alone codes it


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_a_reported_act_stays(parser: Parser, text: str, trigger: str) -> None:
    assert trigger in triggers(parser, text)
