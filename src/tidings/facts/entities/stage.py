"""Named-entity mentions and in-article canonical entities (stage ``tidings.entities.rules.v1``).

Layers, in order, over the one spaCy parse of the clean text:

1. spaCy NER spans (PERSON ORG GPE NORP LOC FAC EVENT), trimmed: leading articles, breadcrumb words
   ("Home World US" -> "US"), titles inside PERSON spans ("Secretary Antony Blinken" -> "Antony
   Blinken"), trailing possessives/punctuation; relabelled by the country and organisation tables.
2. Country names, capitals and demonyms spaCy missed (table lookup over capitalised tokens).
3. Clustering: countries by code, then full names, then single-word names that equal the first or last
   word of exactly one (else the nearest earlier) multi-word PERSON name ("Blinken", "Yi" -> Wang Yi),
   acronyms of organisation names, corporate suffixes ignored.
4. Re-finding: later occurrences of a cluster's names and PERSON surnames spaCy did not tag (the first word of a
   two-word name the article uses alone and never its last: family name first, "Niu Li ... Niu added").
5. Majority label per cluster (a "Blinken" tagged GPE becomes PERSON), applied to every mention.
6. Pronouns (he/she/his/her anywhere, I/me/my in quotes) resolved to PERSON clusters, a he/she never to
   a person the article marks as of the other gender (honorifics, possessives bound by the person);
   each person's gender (``Entity.gender``) is read once from the honorifics, role nouns and the
   pronouns tied to it, for quotes and events to read.
7. Roles, actor codes and unnamed role-holders (:mod:`tidings.facts.actors.roles`).

Output: ``mentions`` (labels as above plus ROLE and PRON; every mention's ``entity_id`` set) and
``entities`` (named and unnamed; ``mentions`` holds every span incl. pronouns; ``start/end`` = first).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from tidings.facts.actors.names import acronyms, clean_key, person_key
from tidings.facts.actors.roles import Cluster, article_home, code_named, find_role_holders
from tidings.facts.actors.tables import ActorTables, load_tables
from tidings.facts.entities.credit import with_credit
from tidings.facts.entities.layers import RawMention, gazetteer_mentions, refind, spacy_mentions
from tidings.facts.entities.pronouns import (
    PersonSpan,
    person_genders,
    quote_regions,
    resolve_neuter,
    resolve_pronouns,
)
from tidings.facts.entities.uses import apply_uses
from tidings.ids import fact_id
from tidings.nlp import doc_text
from tidings.records import Entity, Mention, Role, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.facts.base import FactContext

T = TypeVar("T")
STAGE = "tidings.entities.rules.v1"
TIE_ORDER = ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_VOTES = 3  # place tags that make a one-word name a place (see _Clusterer.run)


class _Clusterer:
    def __init__(self, doc: Doc, tables: ActorTables) -> None:
        self.doc = doc
        self.tables = tables
        self.clusters: list[list[RawMention]] = []
        self.by_key: dict[str, int] = {}
        self.places: set[str] = set()  # one-word keys spaCy tags as places again and again

    def key_of(self, m: RawMention) -> str:
        text = self.doc[m.start : m.end].text
        return person_key(text) if m.label == "PERSON" else clean_key(text)

    def add(self, m: RawMention, n: int | None = None) -> None:
        if n is None:
            n = len(self.clusters)
            self.clusters.append([])
        m.cluster = n
        self.clusters[n].append(m)
        self.by_key.setdefault(m.key, n)
        abbrs = acronyms(self.doc[m.start : m.end].text) if m.label in ("ORG", "FAC", "EVENT") else set()
        for abbr in sorted(abbrs):
            if len(abbr) >= 3:
                self.by_key.setdefault(abbr, n)

    def is_person(self, n: int) -> bool:
        return any(m.label == "PERSON" and len(m.key.split()) > 1 for m in self.clusters[n])

    def run(self, mentions: list[RawMention]) -> None:
        for m in mentions:
            m.key = self.key_of(m)
            hit = self.tables.country(m.key)
            if hit is not None and m.label == "NORP" and hit.kind == "demonym":
                m.key = "N:" + hit.code
            elif hit is not None and m.label == "GPE" and hit.names_country(m.key):
                m.key = "C:" + hit.code
        multi = [m for m in mentions if len(m.key.split()) > 1 or m.key.startswith(("C:", "N:"))]
        single = [m for m in mentions if m not in multi]
        # a one-word name spaCy tags a place again and again ("Swansea" six times GPE, twice PERSON)
        # is the place, not the first word of a longer name that begins with it ("Swansea Unite");
        # one or two place tags are the tagger's slips on a surname ("Scholz" tagged GPE once)
        votes: dict[str, Counter[bool]] = {}
        for m in single:
            votes.setdefault(m.key, Counter())[m.label in PLACE_LABELS] += 1
        self.places = {key for key, c in votes.items() if c[True] > c[False] and c[True] >= PLACE_VOTES}
        for m in multi:
            self.add(m, self.by_key.get(m.key))
        for m in single:
            if m.key in self.by_key:
                self.add(m, self.by_key[m.key])
                continue
            self.add(m, self._surname_cluster(m))

    def _surname_cluster(self, m: RawMention) -> int | None:
        hit = self.tables.country(m.key)
        if m.label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") or (
            hit is not None and (hit.kind in ("capital", "demonym") or hit.names_country(m.key))
        ):
            return None
        cands = []
        for n, members in enumerate(self.clusters):
            if not self.is_person(n):
                continue
            for other in members:
                words = other.key.split()
                # a place's name begins no one's name it might join ("Swansea" of "Swansea Unite");
                # it may end one (a surname the tagger calls a place: "Abacha", "Kiriyenko")
                ends = (words[-1],) if m.key in self.places else (words[0], words[-1])
                if len(words) > 1 and m.key in ends:
                    cands.append((n, other.start))
                    break
        ids = {n for n, _ in cands}
        if len(ids) == 1:
            return cands[0][0]
        before = [(start, n) for n, start in cands if start < m.start]
        return max(before)[1] if before else None


def _vote(members: Sequence[RawMention]) -> str:
    """Majority label; multi-word mentions outvote one-word ones ("Kofi Annan" PERSON beats three
    "Annan" tagged ORG), since spaCy's errors concentrate on bare surnames."""
    multi = [m for m in members if m.end - m.start > 1 and not m.key.startswith(("C:", "N:"))]
    members = multi or members
    counts: Counter[str] = Counter(m.label for m in members)
    best = max(counts.values())
    tied = [label for label, n in counts.items() if n == best]
    if len(tied) > 1 and any(m.key.startswith(("C:", "N:")) for m in members):
        return "GPE" if "GPE" in tied else tied[0]
    return min(tied, key=TIE_ORDER.index)  # a tie: names are people/orgs more often than places


def find_entities(
    doc: Doc,
    article_id: str,
    published: str | None = None,
    tables: ActorTables | None = None,
    home: str | None = None,
    publisher: str | None = None,
) -> tuple[list[Mention], list[Entity]]:
    """Mentions and canonical entities of one parsed article (see the module docstring);
    ``home``: the country the story was filed from (its dateline), if known; ``publisher``: the
    publisher's home country, if known (used when the article names no country clearly most)."""
    tables = tables or load_tables()
    mentions = spacy_mentions(doc, tables)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += gazetteer_mentions(doc, taken, tables)
    mentions.sort(key=lambda m: m.start)
    clusterer = _Clusterer(doc, tables)
    clusterer.run(mentions)
    groups = clusterer.clusters
    labels = [_vote(g) for g in groups]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    no_mentions: list[RawMention] = []
    for m in _isolated(lambda: refind(doc, groups, taken, labels), no_mentions):
        groups[m.cluster].append(m)
    clusters: list[Cluster] = []
    for g, label in zip(groups, labels, strict=True):
        g.sort(key=lambda m: m.start)
        for m in g:
            m.label = label
        clusters.append(Cluster(label, [(m.start, m.end) for m in g], name=_canonical(doc, g, label)))
    _isolated(lambda: code_named(doc, clusters, tables, published, home, publisher), None)
    home = article_home(clusters, home, publisher)  # officials with no country of their own (uses)
    persons = [PersonSpan(m.start, m.end, m.cluster) for g in groups for m in g if m.label == "PERSON"]
    persons.sort(key=lambda p: p.tok_start)
    no_pronouns: list[tuple[Token, int]] = []
    unnamed: list[tuple[Token, Token]] = []
    pronouns = _isolated(lambda: resolve_pronouns(doc, persons, quote_regions(doc_text(doc)), unnamed), no_pronouns)
    no_genders: dict[int, str] = {}
    genders = _isolated(lambda: person_genders(doc, persons, pronouns), no_genders)
    taken = {i for g in groups for m in g for i in range(m.start, m.end)}
    no_roles: list[Cluster] = []
    people = {i for p in persons for i in range(p.tok_start, p.tok_end)}
    roles = _isolated(lambda: find_role_holders(doc, taken, tables, people), no_roles)
    no_extra: list[Cluster] = []
    roles += _isolated(lambda: apply_uses(doc, clusters, roles, tables, home), no_extra)
    pronouns += _role_pronouns(unnamed, roles, len(clusters))
    pronouns += _isolated(lambda: _neuter_pronouns(doc, [*clusters, *roles]), [])
    return _records(doc, article_id, published, clusters, roles, pronouns, genders)


def _role_pronouns(unnamed: list[tuple[Token, Token]], roles: list[Cluster], offset: int) -> list[tuple[Token, int]]:
    """A pronoun that stands for a person left unnamed ("A spokeswoman said ... . She added")
    joins the role-holder whose mention the noun heads; ``offset``: the named clusters before
    the role-holders in the entity list."""
    out: list[tuple[Token, int]] = []
    for pronoun, noun in unnamed:
        k = next((k for k, c in enumerate(roles) if any(s <= noun.i < e for s, e in c.spans)), None)
        if k is not None:
            out.append((pronoun, offset + k))
    return out


def _neuter_pronouns(doc: Doc, clusters: list[Cluster]) -> list[tuple[Token, int]]:
    """ "it"/"its" resolved to states and organisations used as actors (after the actor uses)."""
    actors = [
        PersonSpan(s, e, n)
        for n, c in enumerate(clusters)
        if c.label == "ORG" or (c.label == "GPE" and c.country is not None)
        for s, e in c.spans
        if (s, e) not in c.not_actor
    ]
    actors.sort(key=lambda a: a.tok_start)
    return resolve_neuter(doc, actors, quote_regions(doc_text(doc)))


def _isolated(layer: Callable[[], T], fallback: T) -> T:
    """Run an enrichment layer (re-finding, codes, pronouns, role-holders); if an odd parse breaks
    it, the article keeps its mentions and entities without that layer instead of failing whole."""
    try:
        return layer()
    except (IndexError, KeyError, ValueError, AttributeError, TypeError):
        return fallback


def _canonical(doc: Doc, members: Sequence[RawMention], label: str) -> str:
    def text(m: RawMention) -> str:
        return str(doc[m.start : m.end].text).replace("\n", " ")

    if label == "PERSON":
        best = max(members, key=lambda m: (len(m.key.split()), m.end - m.start, -m.start))
        return text(best)
    return text(max(members, key=lambda m: (len(text(m)), -m.start)))


def _records(
    doc: Doc,
    article_id: str,
    published: str | None,
    clusters: list[Cluster],
    roles: list[Cluster],
    pronouns: Sequence[tuple[Any, int]],
    genders: dict[int, str],
) -> tuple[list[Mention], list[Entity]]:
    text = doc_text(doc)  # Doc.text re-joins every token on each access
    mentions: list[Mention] = []
    entities: list[Entity] = []
    extra: dict[int, list[tuple[int, int, str]]] = {}
    for tok, n in pronouns:
        extra.setdefault(n, []).append((tok.idx, tok.idx + len(tok.text), tok.text))
    for n, c in enumerate(clusters):
        for s, _ in c.role_spans:  # "spokesman" in "Gao Feng, spokesman of the ministry"
            tok = doc[s]
            extra.setdefault(n, []).append((tok.idx, tok.idx + len(tok.text), "ROLE"))
    for n, c in enumerate([*clusters, *roles]):
        if not c.spans:
            continue  # every mention moved to another entity (a capital that stood for its state)
        spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in c.spans]
        refused = sorted(
            (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in c.not_actor if (s, e) in c.spans
        )
        first = min(spans)
        eid = fact_id("entities", article_id, c.label, clean_key(c.name), first[0])
        all_spans = sorted([*spans, *((a, b) for a, b, _ in extra.get(n, []))])
        head = min([first, *((a, b) for a, b, w in extra.get(n, []) if w == "ROLE")])
        names = [sp for sp, tok_span in zip(spans, c.spans, strict=True) if c.span_labels.get(tok_span) != "ROLE"]
        aliases = tuple(dict.fromkeys(alias for a, b in names if (alias := _alias(text[a:b])) and alias != c.name))
        entities.append(
            Entity(
                id=eid,
                article_id=article_id,
                name=c.name,
                kind=c.label,
                aliases=aliases,
                roles=tuple(Role(r, published) for r in c.roles),
                actor_code=c.code,
                country=c.country,
                sector=c.sector,
                named=c.named,
                mentions=tuple(Span(a, b) for a, b in all_spans),
                start=head[0],  # the first name or title ("MOC spokesperson Gao Feng"), not a pronoun
                end=head[1],
                stage=STAGE,
                confidence=c.confidence,
                not_actor=tuple(Span(a, b) for a, b in refused),
                gender=genders.get(n),  # keys are named clusters, before the role-holders
            )
        )
        for (a, b), tok_span in zip(spans, c.spans, strict=True):
            label = c.span_labels.get(tok_span, c.label)  # a capital or phrase that joined its state
            mentions.append(
                Mention(
                    fact_id("mentions", article_id, a, b, label), article_id, a, b, text[a:b], label, eid, STAGE, 1.0
                )
            )
        for a, b, word in extra.get(n, []):
            label = "ROLE" if word == "ROLE" else "PRON"
            mentions.append(
                Mention(
                    fact_id("mentions", article_id, a, b, label), article_id, a, b, text[a:b], label, eid, STAGE, 0.7
                )
            )
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions, entities


class EntityStage:
    """Fact stage: ``mentions`` and ``entities`` of one article (stateless; tables are shipped data)."""

    name = STAGE
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("mentions", "entities")

    def __init__(self, tables: ActorTables | None = None) -> None:
        self._tables = tables

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        published = ctx.published.isoformat() if ctx.published else (ctx.article.published or "")[:10] or None
        published = published or range_day(ctx.article.extras.get("date_range"))
        tables = self._tables or load_tables()
        article = ctx.article
        home = dateline_country(article.extras.get("dateline"), tables)
        publisher = tables.publisher_country(article.site, article.url)
        mentions, entities = find_entities(ctx.doc, ctx.article.id, published, tables, home, publisher)
        entities = with_credit(entities, article.id, article.extras.get("dateline"), tables, STAGE)
        return {"mentions": mentions, "entities": entities}


_RANGE = re.compile(r"\s*(\d{4})(?:-(\d{2})-(\d{2}))?\s*[/–-]\s*(\d{4})(?:-(\d{2})-(\d{2}))?\s*")


def range_day(date_range: object) -> str | None:
    """The middle day of an undated story's corpus span ("2004/2005" -> "2004-12-31",
    "2004-03-01/2004-05-01" -> "2004-03-31"), as its date for who held an office then: a
    story of the BBC's 2004-2005 set is coded as of that time, not as of the office holders'
    latest terms (Thatcher a former prime minister, not a prime minister)."""
    m = _RANGE.fullmatch(date_range) if isinstance(date_range, str) else None
    if m is None:
        return None
    y1, m1, d1, y2, m2, d2 = m.groups()
    try:
        first = date(int(y1), int(m1 or 1), int(d1 or 1))
        last = date(int(y2), int(m2 or 12), int(d2 or 31))
    except ValueError:
        return None
    if last < first:
        return None
    return (first + (last - first) / 2).isoformat()


def _alias(text: str) -> str:
    """A mention's words as an alias: one line, no quote marks or brackets at the edges."""
    return " ".join(text.split()).strip("\"'“”‘’()[],;:")


def dateline_country(dateline: object, tables: ActorTables) -> str | None:
    """The country of a dateline ("BEIJING", "KABUL, Afghanistan"): its last part that names a
    country or one of its cities."""
    if not isinstance(dateline, str):
        return None
    for part in reversed(dateline.split(",")):
        hit = tables.country(clean_key(part))
        if hit is not None:
            return hit.code
    return None
