"""Precision rules of the event coder (events.decide): what the learned model may not code alone."""

from __future__ import annotations

from facts.events.test_events_coding_rules import code
from tidings.facts.events.decide import TypeDecision, model_alone_may
from tidings.facts.events.rules import disabled
from tidings.nlp import Parser


def test_the_model_alone_codes_no_force_or_rejection() -> None:
    force = TypeDecision("COERCE", None, "170", 0.6, "tidings.events.linear.v1")
    sanction = TypeDecision("SANCTION", None, "160", 0.6, "tidings.events.linear.v1")
    assert not model_alone_may(force)
    assert model_alone_may(sanction)
    with disabled(["model-alone-force"]):
        assert model_alone_may(force)


def test_a_service_launched_by_a_government_is_no_coercion(parser: Parser) -> None:
    text = "A new cyber alert service is being launched by the French government."
    events = code(parser, text)
    assert not [e for e in events if (e.cameo_code or "")[:2] in ("17", "18", "19", "20")], [
        (e.trigger, e.cameo_code) for e in events
    ]
