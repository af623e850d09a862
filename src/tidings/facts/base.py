"""The contract every fact stage follows.

A fact stage has a versioned ``name`` (``tidings.quotes.rules.v1``), the fact kinds it
``requires`` from earlier stages, the kinds it ``provides`` (keys of
:data:`tidings.records.FACT_KINDS`), and maps one :class:`FactContext` to a dict
``{kind: sequence of records}`` with exactly those kinds. Stages keep no process-global
state, so they move unchanged to worker processes and Dask workers. The runner checks
``requires`` before the first item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from tidings.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class FactContext:
    """One article, its single spaCy parse, and the facts found so far by kind."""

    article: Article
    doc: Doc
    published: date | None = None
    found: dict[str, Sequence[Any]] = field(default_factory=dict)


class FactStage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]: ...
