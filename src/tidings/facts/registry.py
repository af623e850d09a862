"""The built-in fact stages, in the order they run (each stage's needs come first)."""

from __future__ import annotations

from tidings.config import Options
from tidings.facts.base import FactStage
from tidings.facts.entities.stage import EntityStage
from tidings.facts.events.stage import EventStage
from tidings.facts.issues.stage import IssueStage
from tidings.facts.places.stage import PlaceStage
from tidings.facts.quotes.stage import QuoteStage
from tidings.facts.times.stage import TimeStage


def default_stages(options: Options | None = None) -> list[FactStage]:
    """A fresh list of the built-in stages (fresh objects: no state shared across runs),
    configured by ``options``."""
    options = options or Options()
    return [
        EntityStage(),
        TimeStage(),
        PlaceStage(),
        QuoteStage(),
        EventStage(
            use_model=options.events.use_model,
            lexicon_only=options.events.dictionary_only,
            min_confidence=options.events.min_confidence,
            disabled_rules=options.events.disabled_rules,
        ),
        IssueStage(),
    ]
