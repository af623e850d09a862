"""Fact stage: place names resolved to the shipped gazetteer.

Mentions come from :func:`tidings.facts.places.detect.find_places` (spaCy's GPE/LOC/FAC, the
entities stage's place mentions, places inside other names, one-word "persons" that are places,
county lists, datelines, demonyms). All mentions of an article are resolved together
(``tidings.facts.places.toponyms.resolve``), so its
main countries and the places already named act as a prior over population. A country or
capital that acts (the subject of a verb such as "rejected", "carries out", or the source
in "allegations from Washington") is marked ``metonym=True``: it stands for a government,
so it is an actor, not where an event happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tidings.facts.base import FactContext
from tidings.facts.places.detect import find_places
from tidings.facts.places.gazetteer import GazEntry, Gazetteer
from tidings.facts.places.locale import locale_hints
from tidings.facts.places.toponyms import resolve
from tidings.ids import fact_id
from tidings.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Verbs whose subject is just where something is, not an actor.
LOCATIVE_VERBS = {"be", "lie", "sit", "border", "host", "have", "remain", "stretch", "cover", "include",
                  "become", "seem", "look", "locate", "situate"}  # fmt: skip
# Nouns that make "<noun> from X" a message or act by X's government.
SOURCE_NOUNS = {"allegation", "accusation", "warning", "statement", "criticism", "response", "protest",
                "pressure", "demand", "request", "offer", "support", "sanction", "threat", "message",
                "retort", "rhetoric", "complaint", "proposal", "condemnation", "signal"}  # fmt: skip


def is_metonym(doc: Doc, start: int, end: int, entry: GazEntry) -> bool:
    """A country or capital used for its government: subject of an acting verb, or the
    source of a statement-like noun ("allegations from Washington")."""
    if entry.feature not in ("country", "capital"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if any(c.dep_ in ("poss", "compound", "amod", "nummod") and c not in span for c in root.children):
        return False  # "his two-day China visits": a noun phrase the parser misread as a clause
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.lemma_ not in LOCATIVE_VERBS:
        return True
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Beijing is attempting" parsed with aux as head
        return any(c.dep_ in ("xcomp", "acomp") and c.pos_ == "VERB" for c in root.head.children)
    if root.dep_ == "pobj" and root.head.lower_ == "from":
        noun = root.head.head
        return noun.pos_ == "NOUN" and noun.lemma_ in SOURCE_NOUNS
    return False


class PlaceStage:
    name = "tidings.places.gazetteer.v3"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.load()
        return self._gazetteer

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        gaz = self.gazetteer
        text = ctx.article.text
        found = find_places(ctx.doc, ctx.found, gaz)
        spans = [(p.start, p.end) for p in found]
        names = [p.lookup for p in found]
        hints = locale_hints(ctx.article.url, ctx.article.extras.get("dateline"), gaz)
        try:
            picks = resolve(gaz, text, spans, names=names, hints=hints)
        except Exception as exc:  # a bug in context scoring must not cost the article: fall back per name
            ctx.recover(self.name, exc)
            picks = resolve(gaz, text, spans, context=False, names=names)
        states = {(e.cc, e.admin1) for p, e in zip(found, picks, strict=True) if e is not None and not p.local}
        out: list[Place] = []
        for prop, entry in zip(found, picks, strict=True):
            if entry is None or (prop.local and (not entry.admin1 or (entry.cc, entry.admin1) not in states)):
                continue
            try:
                out.append(self._record(ctx, gaz, prop.start, prop.end, entry, prop.lookup))
            except Exception as exc:
                ctx.recover(self.name, exc)
        return {"places": out}

    def _record(
        self, ctx: FactContext, gaz: Gazetteer, start: int, end: int, entry: GazEntry, lookup: str | None
    ) -> Place:
        admin = gaz.admin1(entry.cc, entry.admin1) if entry.admin1 and entry.feature != "adm1" else None
        n_cands = len(gaz.candidates(lookup or ctx.article.text[start:end]))
        return Place(
            id=fact_id("places", ctx.article.id, start, end),
            article_id=ctx.article.id,
            start=start,
            end=end,
            text=ctx.article.text[start:end],
            name=entry.name,
            feature=entry.feature,
            country=gaz.iso3(entry.cc) if entry.cc else None,
            admin1=admin.name if admin is not None else None,
            lat=entry.lat,
            lon=entry.lon,
            population=entry.population or None,
            geonameid=entry.id if entry.id > 0 else None,
            metonym=is_metonym(ctx.doc, start, end, entry),
            stage=self.name,
            confidence=0.95 if n_cands <= 1 else 0.8,
        )
