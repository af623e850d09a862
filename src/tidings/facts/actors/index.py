"""Look up the entity or actor behind a character span (used by the quotes and events stages).

Stable interface -- other stages code against exactly these names::

    index = EntityIndex(ctx.found)          # found["entities"] from tidings.entities.rules.v1;
                                            # neuter_pronouns=True: "it" resolved to states/orgs too
    entity = index.entity_at(start, end)    # Entity | None: the entity one of whose mentions
                                            # (names, roles, resolved pronouns) overlaps the span best
    ref = index.actor_ref(entity)           # ActorRef(name, entity_id, actor_code, country, sector,
                                            #          start/end of the entity's first mention)
    index.actors_before(pos)                # [(start, end, Entity)] of actor mentions before pos,
                                            # nearest first ("the two sides": whose?)
    ref = index.actor_for_span(doc, start, end)
                                            # ActorRef | None for any phrase: the entity there if any
                                            # (start/end set to the given span), else the phrase
                                            # coded from the tables: "Washington" -> USAGOV (capital
                                            # = government), "China" -> CHN, "US officials" -> USAGOV,
                                            # "the United Nations" -> IGOUNO; None if nothing codes.

"Best" overlap prefers the mention that ends closest to the span's end (English noun phrases are
head-final: in "Chinese Foreign Minister Qin Gang" the person, not "Chinese"), then the longer
overlap. Works without the entities stage too (``found`` without "entities": phrase coding only).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tidings.facts.actors.names import clean_key
from tidings.facts.actors.roles import code_phrase
from tidings.facts.actors.tables import NONSTATE, ActorTables, load_tables, nonstate, org_country_sector
from tidings.facts.actors.usage import region_code
from tidings.facts.switches import active
from tidings.records import ActorRef, Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


GOVERNMENT_WORDS = frozenset({"government", "administration", "regime", "authorities"})
NEUTER = frozenset({"it", "itself"})


def neuter_spans(found: Mapping[str, Sequence[Any]]) -> set[tuple[int, int]]:
    """Spans of "it"/"itself" that the entities stage resolved to a state or organisation."""
    return {
        (m.start, m.end)
        for m in found.get("mentions", ())
        if isinstance(m, Mention) and m.label == "PRON" and m.text.lower() in NEUTER
    }


class EntityIndex:
    """Span -> entity lookups over one article's entities (immutable after construction)."""

    def __init__(
        self, found: Mapping[str, Sequence[Any]], tables: ActorTables | None = None, *, neuter_pronouns: bool = False
    ) -> None:
        entities = [e for e in found.get("entities", ()) if isinstance(e, Entity)]
        self._by_id = {e.id: e for e in entities}
        # "it" resolved to a state or organisation ("China said it would ...") points to it only when
        # asked: the event coder's choice of candidates was tuned without it
        skip = set() if neuter_pronouns else neuter_spans(found)
        # a mention used as a place or a qualifier ("talks in Beijing") does not point to the actor
        self._spans = sorted(
            (sp.start, sp.end, e.id)
            for e in entities
            for sp in e.mentions
            if (not e.not_actor or sp not in e.not_actor) and (sp.start, sp.end) not in skip
        )
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)
        self._tables = tables

    @property
    def tables(self) -> ActorTables:
        if self._tables is None:
            self._tables = load_tables()
        return self._tables

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps ``[start, end)`` best (see module docstring)."""
        if end <= start:
            end = start + 1
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        best: tuple[int, int] | None = None
        best_id: str | None = None
        for s, e, eid in self._spans[lo:hi]:
            overlap = min(e, end) - max(s, start)
            if overlap <= 0:
                continue
            score = (-abs(end - e), overlap)
            if best is None or score > best:
                best, best_id = score, eid
        return self._by_id.get(best_id) if best_id else None

    def actors_before(self, pos: int) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) of the actor mentions that end before character ``pos``, nearest
        first (named states, organisations and people; not the ones used as places)."""
        out = [(s, e, self._by_id[eid]) for s, e, eid in self._spans if e <= pos and self._by_id[eid].actor_code]
        return sorted(out, key=lambda x: -x[0])

    def gender(self, ref: ActorRef) -> str | None:
        """The gender the entities stage gives the person ``ref`` points to (``Entity.gender``)."""
        entity = self._by_id.get(ref.entity_id) if ref.entity_id else None
        return entity.gender if entity is not None else None

    def actor_ref(self, entity: Entity) -> ActorRef:
        return ActorRef(
            name=entity.name,
            entity_id=entity.id,
            actor_code=entity.actor_code,
            country=entity.country,
            sector=entity.sector,
            start=entity.start,
            end=entity.end,
        )

    def _government_words(self, doc: Doc, start: int, end: int) -> bool:
        """The phrase names a government, not a country: a capital, a seat ("the White House"),
        or "government"/"administration" ("the Obama administration", "Beijing")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        key = clean_key(span.text)
        hit = self.tables.country(key)
        if hit is not None:
            return hit.kind == "capital"
        return self.tables.seat(key) is not None or any(t.lemma_.lower() in GOVERNMENT_WORDS for t in span)

    def actor_for_span(self, doc: Doc, start: int, end: int) -> ActorRef | None:
        """The actor behind any phrase (see module docstring); ``start/end`` are the given span."""
        entity = self.entity_at(start, end)
        if entity is not None and entity.actor_code:
            ref = self.actor_ref(entity)
            if ref.sector is None and ref.country and self._government_words(doc, start, end):
                # a state acting through its capital, seat or government: CAMEO codes the government
                return ActorRef(ref.name, ref.entity_id, ref.country + "GOV", ref.country, "GOV", start, end)
            return ActorRef(ref.name, ref.entity_id, ref.actor_code, ref.country, ref.sector, start, end)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        text = span.text.strip()
        words = [t.text for t in span if (not t.is_punct or t.text in ("-", ".")) and not pronoun_not_name(t)]
        key = clean_key(text) if not (len(span) == 1 and pronoun_not_name(span[0])) else ""  # "to us": no US
        hit = self.tables.country(key)
        if hit is not None:
            sector = "GOV" if hit.kind == "capital" else None
            return ActorRef(text, None, hit.code + (sector or ""), hit.code, sector, start, end)
        known = self.tables.known_code(key)
        if known is not None:
            country, sector = org_country_sector(known)
            code = known if nonstate(known) and known[:3] != "MNC" else (country or "") + (sector or "")
            return ActorRef(text, None, code or None, country, sector, start, end)
        pc = code_phrase(words, self.tables)
        if pc.countries == 1 and pc.country:
            sector = pc.sector if pc.sector not in NONSTATE else None
            return ActorRef(text, None, pc.country + (sector or ""), pc.country, sector, start, end)
        if pc.org_code:
            return ActorRef(text, None, pc.org_code, None, pc.org_code[:3], start, end)
        if entity is not None:
            # a group named by a region's adjective ("Asian and African countries") acts as the
            # region (CAMEO's region codes), never as the article's home country
            region = region_code(entity.name) if entity.kind == "NORP" and entity.country is None else None
            return ActorRef(entity.name, entity.id, region, entity.country, entity.sector, start, end)
        return None


def pronoun_not_name(tok: Token) -> bool:
    """A personal pronoun not written in capitals ("to us", "Us"): never the acronym of the
    country its letters spell ("US"), which the case-folded tables cannot tell apart. Rule
    pronoun-not-country."""
    return tok.pos_ == "PRON" and not tok.text.isupper() and active("pronoun-not-country")
