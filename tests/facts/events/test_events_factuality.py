"""Factuality and lexicon cases on real parses."""

from __future__ import annotations

import pytest

from tidings.facts.actors.coder import ActorCoder
from tidings.facts.events.candidates import CandidateFinder
from tidings.facts.events.factuality import assess
from tidings.facts.events.lexicon import load_lexicon
from tidings.facts.events.rules import disabled
from tidings.nlp import Parser


def _trigger(parser: Parser, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = parser.parse(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Blinken plans to meet with Chinese Foreign Minister Qin Gang on Sunday.", "meet", "planned"),
        ("The minister will visit Paris next week.", "visit", "planned"),
        ("He said the two leaders would meet at some point.", "meet", "hypothetical"),
        ("They criticized China's refusal to condemn Russia for its war.", "condemn", "negated"),
        ("Israel did not attack the convoy on Monday.", "attack", "negated"),
        ("Rebels allegedly attacked a police station in the north.", "attacked", "alleged"),
        ("Washington alleges that Beijing attacked its networks.", "attacked", "alleged"),
        ("China's defense minister rebuffed a request from Lloyd Austin.", "rebuffed", "asserted"),
        ("The trip comes after he postponed plans to visit after the shootdown of a balloon.", "shootdown", "asserted"),
        ("The trip comes after he postponed plans to visit in February.", "visit", "planned"),
        ("Troops fired on protesters in the capital on Friday.", "fired", "asserted"),
        ("The statement comes a day before Sarkozy heads to Beijing for the Olympic Games.", "heads", "planned"),
        ("Blinken met Wang before he flew to Seoul.", "flew", "asserted"),
        ("The talks come ahead of a meeting between the ministers in Tokyo.", "meeting", "planned"),
        ("The talks came after a meeting between the ministers in Tokyo.", "meeting", "asserted"),
        ("The administration threatened to slap a 10 percent tariff on Chinese imports.", "slap", "planned"),
        ("Mr Chirac says he would be happy to meet Mr Allawi.", "meet", "hypothetical"),
        ("Mr Chirac was happy to meet Mr Allawi in Paris.", "meet", "asserted"),
        ("Today, China has the ability to safeguard the rights of African countries.", "safeguard", "hypothetical"),
        ("Mr McConnell went on to promise that Scotland would play its part.", "promise", "asserted"),
        ("The minister went to Paris to meet the French president.", "meet", "planned"),
        # shared-modal: a bare conjunct shares the modal or 'will' of the verb it is conjoined to
        ("Under a 2001 land law, the government can tax or seize unused farm sites.", "seize", "hypothetical"),
        ("The president will fly to Kampala and meet President Museveni.", "meet", "planned"),
        ("The police arrested him and charged him with fraud.", "charged", "asserted"),
        ("They would not provide aid and refused talks.", "refused", "asserted"),
    ],
)
def test_factuality(parser: Parser, text: str, word: str, expected: str) -> None:
    assert assess(_trigger(parser, text, word)).value == expected


def test_attribution(parser: Parser) -> None:
    trig = _trigger(parser, "Blinken will meet Qin Gang on Sunday, according to US officials.", "meet")
    assert assess(trig).attribution == "US officials"


def test_rebuff_request_is_reject_against_the_asker(parser: Parser) -> None:
    doc = parser.parse(
        "China's defense minister rebuffed a request from US Defense Secretary Lloyd Austin for a meeting."
    )
    finder = CandidateFinder(load_lexicon(), ActorCoder({}, doc))
    cand = next(c for c in finder.find(doc[:]) if c.trigger.text == "rebuffed")
    assert cand.lexicon is not None and cand.lexicon.code.startswith("12")
    assert cand.sources[0].country == "CHN"
    assert cand.targets and cand.targets[0].country == "USA"


def test_compound_reciprocal_actor(parser: Parser) -> None:
    doc = parser.parse(
        "The national security advisers of the United States, Japan and the Philippines "
        "held their first joint talks Friday and agreed to strengthen their defense cooperation."
    )
    finder = CandidateFinder(load_lexicon(), ActorCoder({}, doc))
    agreed = next(c for c in finder.find(doc[:]) if c.trigger.text == "agreed")
    assert [a.country for a in agreed.sources] == ["USA", "JPN", "PHL"]
    assert agreed.reciprocal
    assert agreed.lexicon is not None and agreed.lexicon.code.startswith("03")


def test_hedged_object_is_split_off(parser: Parser) -> None:
    doc = parser.parse(
        "Blinken plans to meet with Chinese Foreign Minister Qin Gang on Sunday, top diplomat "
        "Wang Yi, and possibly President Xi Jinping on Monday."
    )
    finder = CandidateFinder(load_lexicon(), ActorCoder({}, doc))
    meet = next(c for c in finder.find(doc[:]) if c.trigger.text == "meet")
    assert any("Xi" in a.name for a in meet.hedged)
    assert not any("Xi" in a.name for a in meet.targets)


def test_shared_modal_switched_off(parser: Parser) -> None:
    trig = _trigger(parser, "Under a 2001 land law, the government can tax or seize unused farm sites.", "seize")
    with disabled(("shared-modal",)):
        assert assess(trig).value == "asserted"
    assert assess(trig).value == "hypothetical"
