"""The built-in fact stages, in the order they run (each stage's needs come first)."""

from __future__ import annotations

from tidings.facts.base import FactStage


def default_stages() -> list[FactStage]:
    """A fresh list of the built-in stages (fresh objects: no state shared across runs)."""
    from tidings.facts.entities import EntityStage
    from tidings.facts.events import EventStage
    from tidings.facts.issues import IssueStage
    from tidings.facts.places import PlaceStage
    from tidings.facts.quotes import QuoteStage
    from tidings.facts.times import TimeStage

    return [EntityStage(), TimeStage(), PlaceStage(), QuoteStage(), EventStage(), IssueStage()]
