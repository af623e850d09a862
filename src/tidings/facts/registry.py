"""The built-in fact stages, in the order they run (each stage's needs come first)."""

from __future__ import annotations

from tidings.facts.base import FactStage


def default_stages() -> list[FactStage]:
    """A fresh list of the built-in stages (fresh objects: no state shared across runs)."""
    stages: list[FactStage] = []
    return stages
