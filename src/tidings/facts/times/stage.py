"""Fact stage: temporal expressions, normalised against the article's anchor date.

Spans come from :func:`tidings.facts.times.rules.find_spans` (spaCy DATE/TIME plus our
own patterns); each is resolved by :func:`tidings.facts.times.resolve.resolve_timex`
with the direction of its governing verb. The anchor is ``ctx.published`` (the runner
fills it from the page, a WARC capture date or ``--published``). Without an anchor only
expressions whose value does not depend on one ("June 18, 2023", "1998") get a value.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from tidings.facts.base import FactContext
from tidings.facts.times.resolve import resolve_timex
from tidings.facts.times.rules import direction_for, find_spans
from tidings.ids import fact_id
from tidings.records import TimeExpr

__all__ = ["TimeStage", "direction_for", "resolve_timex"]

# Two far-apart anchors: a value that is the same under both does not depend on the anchor.
_PROBES = (date(2001, 2, 14), date(2012, 9, 3))


class TimeStage:
    name = "tidings.times.rules.v1"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("times",)

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        text = ctx.article.text
        out: list[TimeExpr] = []
        for start, end in find_spans(ctx.doc):
            try:  # one odd expression must not cost the article its other times
                record = self._one(ctx, text, start, end)
            except Exception as exc:
                ctx.recover(self.name, exc)
                continue
            out.append(record)
        return {"times": out}

    def _one(self, ctx: FactContext, text: str, start: int, end: int) -> TimeExpr:
        span = text[start:end]
        direction = direction_for(ctx.doc, start, end)
        anchor = ctx.published
        if anchor is not None:
            value, precision, kind = resolve_timex(span, anchor, direction=direction)
        else:
            first = resolve_timex(span, _PROBES[0], direction=direction)
            second = resolve_timex(span, _PROBES[1], direction=direction)
            value, precision, kind = first if first == second else (None, None, first[2])
        confidence = 0.9 if precision in ("day", "month", "year") else 0.7 if value else 0.4
        if kind == "date" and direction is None and precision == "day" and anchor is not None:
            confidence = 0.75  # a bare weekday with no tense signal: we assumed the past
        return TimeExpr(
            id=fact_id("times", ctx.article.id, start, end),
            article_id=ctx.article.id,
            start=start,
            end=end,
            text=span,
            value=value,
            precision=precision,
            kind=kind,
            anchor=anchor.isoformat() if anchor is not None else None,
            direction=direction,
            stage=self.name,
            confidence=confidence,
        )
