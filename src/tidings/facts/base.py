"""The contract every fact stage follows.

A fact stage has a versioned ``name`` (``tidings.quotes.rules.v1``), the fact kinds it
``requires`` from earlier stages, the kinds it ``provides`` (keys of
:data:`tidings.records.FACT_KINDS`), and maps one :class:`FactContext` to a dict
``{kind: sequence of records}`` with exactly those kinds. Stages keep no process-global
state, so they move unchanged to worker processes and Dask workers. The runner checks
``requires`` before the first item.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from tidings.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

LOGGER = logging.getLogger("tidings.facts")


@dataclass(slots=True)
class FactContext:
    """One article, its single spaCy parse, and the facts found so far by kind."""

    article: Article
    doc: Doc
    published: date | None = None
    found: dict[str, Sequence[Any]] = field(default_factory=dict)
    # exceptions a stage recovered from inside the article (one sentence, one name), by
    # "stage: ExceptionType": counted into the ingest summary instead of vanishing
    recovered: Counter[str] = field(default_factory=Counter)

    def recover(self, stage: str, exc: BaseException) -> None:
        """Count (and log) an exception a stage survives by skipping one part of the article."""
        self.recovered[f"{stage}: {type(exc).__name__}"] += 1
        LOGGER.debug("%s recovered from %r in %s", stage, exc, self.article.id, exc_info=exc)


class FactStage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]: ...
