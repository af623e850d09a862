"""Attach times and places (from the times/places stages) to event triggers.

A time expression belongs to the first trigger met walking up the dependency tree from
its head word ("met with Yi in Vienna in May" -> met). A trigger with no time of its own
takes the time of the trigger that governs it ("the shootdown" inside "postponed ...
after the shootdown"), else of a trigger it governs ("postponed plans to visit in
February"), else the article date at ``week`` precision (not explicit: never
``historical``). Places attach the same way but only through in/at/near/to phrases or a
movement verb's object, never from an actor slot or a metonym ("Beijing said").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tidings.facts.actors.tables import NONSTATE
from tidings.facts.actors.usage import REGION_CODES
from tidings.facts.events.lexicon import MOVEMENT
from tidings.facts.events.rules import active
from tidings.facts.times.calendar import value_end
from tidings.records import ActorRef, Place, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tidings.facts.events.candidates import Candidate

FALLBACK_PRECISION = "week"
HISTORICAL_MARGIN = timedelta(days=7)
_PLACE_PREPS = frozenset({"in", "at", "near", "to", "inside", "outside", "across", "over", "into", "on"})
_DATEISH = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|Q\d))?(-\d{2})?$")  # dates, not durations


def is_historical(value: str | None, precision: str | None, published: date | None) -> bool:
    """Before the article's time window: the whole period ends over a week before publication."""
    end = value_end(value)  # None for malformed values and anything that is not a date
    return published is not None and end is not None and end < published - HISTORICAL_MARGIN


class Attacher:
    def __init__(self, doc: Doc, found: Mapping[str, Sequence[Any]], published: date | None) -> None:
        self.doc = doc
        self.published = published
        self.times = [
            t for t in found.get("times", ()) if isinstance(t, TimeExpr) and t.value and _DATEISH.match(t.value)
        ]
        self.places = [p for p in found.get("places", ()) if isinstance(p, Place) and not p.metonym]
        self._time_of: dict[int, TimeExpr] = {}
        self._place_of: dict[int, Place] = {}
        self._triggers: set[int] = set()

    def _head(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _owner(self, tok: Token, via_prep_only: bool) -> Token | None:
        node, prev = tok, tok
        for _ in range(8):
            if node.i in self._triggers and node.i != tok.i:
                if via_prep_only and not _place_path(prev, node):
                    return None
                return node
            if node.head.i == node.i:
                return None
            prev, node = node, node.head
        return None

    def prepare(self, sent: Span, cands: Sequence[Candidate]) -> None:
        self._triggers = {c.trigger.i for c in cands}
        for t in self.times:
            if sent.start_char <= t.start < sent.end_char:
                head = self._head(t.start, t.end)
                owner = self._owner(head, False) if head is not None else None
                if owner is not None:
                    self._time_of.setdefault(owner.i, t)
        for p in self.places:
            if sent.start_char <= p.start < sent.end_char:
                head = self._head(p.start, p.end)
                owner = self._owner(head, True) if head is not None else None
                if owner is not None:
                    self._place_of.setdefault(owner.i, p)

    def date_of(self, trig: Token) -> tuple[str | None, str | None, bool]:
        """(ISO value, precision, explicit) for a trigger."""
        t = self._time_of.get(trig.i)
        if t is None:
            node = trig
            for _ in range(6):  # a governing trigger's time
                if node.head.i == node.i:
                    break
                node = node.head
                if node.i in self._time_of:
                    t = self._time_of[node.i]
                    break
        if t is None:  # a governed trigger's time
            t = next((self._time_of[d.i] for d in trig.subtree if d.i in self._time_of and d.i != trig.i), None)
        if t is not None:
            return t.value, t.precision, True
        if self.published is None:
            return None, None, False
        return self.published.isoformat(), FALLBACK_PRECISION, False

    def place_of(self, trig: Token) -> Place | None:
        return self._place_of.get(trig.i)


def _place_path(child: Token, trigger: Token) -> bool:
    """The place reaches the trigger through a locative phrase or a movement object."""
    if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
        return True
    return child.dep_ in ("dobj", "npadvmod", "compound") and trigger.lemma_.lower() in MOVEMENT


def _placed(ref: ActorRef, place: Place) -> ActorRef:
    code = (place.country or "") + (ref.sector or "")
    return replace(ref, country=place.country, actor_code=code or None, basis="place")


def place_actors(cand: Candidate, place: Place | None) -> None:
    """Fill what the words leave open from where the event happened, as event coders do:
    an actor with a role but no country ("prisoners rioted at a jail in Dili") is of the
    place's country, and an event with no named target is aimed at the place's country
    ("imposed a curfew in Cizre in southeastern Turkey"); a passive with no agent ("was
    arrested in Lebanon") has the place's country as its doer. Every such actor is marked
    ``basis="place"``; movement events already have the place as their target."""
    if place is None or not place.country or cand.reciprocal:
        return
    cand.sources = [_placed(a, place) if not _coded(a) and a.sector else a for a in cand.sources]
    cand.targets = [_placed(a, place) if not _coded(a) and a.sector else a for a in cand.targets]
    where = ActorRef(
        place.name or place.text, None, place.country, place.country, None, place.start, place.end, basis="place"
    )
    if not cand.targets and not cand.hedged:
        if cand.sources:  # a doer, no named target: aimed at the place's country
            cand.targets = [where]
    elif not cand.sources and _agentless_passive(cand.trigger):
        cand.sources = [where]


def home_country(found: Mapping[str, Sequence[Any]]) -> str | None:
    """The article's home country: the country its named actors and places belong to most
    (by mentions), when it clearly dominates (three mentions or more, at least 60% of them; an
    international story with two sides has none)."""
    counts: Counter[str] = Counter()
    for e in found.get("entities", ()):
        if getattr(e, "named", True) and getattr(e, "country", None):
            counts[e.country] += max(1, len(getattr(e, "mentions", ()) or ()))
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return top if n >= 3 and n >= 0.6 * total else None


def home_actors(refs: list[ActorRef], home: str | None) -> list[ActorRef]:
    """Actors named with a role or an entity but no country take the article's home country,
    as event coders read "Mr Clarke", "ministers" or "the Tories" in a British story (marked
    ``basis="home"``); IGOs and other non-state codes keep none."""
    if home is None or not active("home-country"):
        return refs
    out = []
    for ref in refs:
        if _coded(ref) or not (ref.entity_id or ref.sector):
            out.append(ref)
            continue
        code = home + (ref.sector or "") if ref.sector not in NONSTATE else ref.actor_code
        out.append(replace(ref, country=home, actor_code=code or home, basis="home"))
    return out


def _coded(ref: ActorRef) -> bool:
    code = (ref.actor_code or "")[:3]
    return bool(ref.country or code in NONSTATE or code in REGIONS)


REGIONS = frozenset(REGION_CODES.values())  # "Asian countries" (ASA) are no home-country actor


def _agentless_passive(trig: Token) -> bool:
    kids = {c.dep_ for c in trig.children}
    return "auxpass" in kids and "agent" not in kids
