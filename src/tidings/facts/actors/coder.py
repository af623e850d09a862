"""Actor coding for event arguments: the actor behind an argument's noun phrase.

The entity index (:mod:`tidings.facts.actors.index`) codes spans the entities stage resolved
(titles, metonymy, surname-only mentions); the phrase's own words fill what it leaves open
("Chinese officials"), read by the same phrase coder and tables as entities
(:func:`tidings.facts.actors.roles.code_phrase`, ``tidings/data/actors``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tidings.facts.actors import roles
from tidings.facts.actors.index import EntityIndex, pronoun_not_name
from tidings.facts.actors.tables import NONSTATE, load_tables, nonstate
from tidings.facts.switches import active
from tidings.nlp import doc_text
from tidings.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head``: its left modifiers and "of"/"'s" complements,
    without conjuncts (coded separately) or relative clauses."""
    keep: list[Token] = []
    for t in head.subtree:
        path_ok = True
        node = t
        while node.i != head.i:
            if node.dep_ in ("conj", "cc", "relcl", "acl", "appos", "advcl", "punct") or (
                node.dep_ == "prep" and node.lower_ not in ("of", "for")
            ):
                path_ok = False
                break
            node = node.head
        if path_ok and not t.is_space:
            lo, hi = sorted((t.idx, head.idx))
            if "\n" not in doc_text(head.doc)[lo:hi]:  # never across a line break (text built once per Doc)
                keep.append(t)
    return keep or [head]


def code_phrase(head: Token) -> ActorRef | None:
    """Country + sector read from the words of the phrase headed by ``head``, by the one phrase
    coder of :mod:`tidings.facts.actors.roles` (the same tables and rules as entities)."""
    toks = phrase_tokens(head)
    # a country word inside a person's name ("Hassan") or after pro-/anti- ("the pro-Iranian
    # Hizbollah") does not give the actor's country, nor a pronoun spelt like one ("what they did
    # to us": the pronoun, not the US; rule pronoun-not-country)
    words = [
        "" if t.ent_type_ == "PERSON" or _stance(t) or pronoun_not_name(t) else t.text  # as written: "Labour"
        for t in toks
        if not t.is_punct or t.text in ("-", ".")
    ]
    said = [w for w in words if w]
    tables = load_tables()
    pc = roles.code_phrase(said, tables, longer_name=roles.longer_name_head(said, tables))
    if pc.country is None and pc.sector is None and pc.org_code is None:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    name = doc_text(head.doc)[start:end]
    if pc.org_code and pc.country is None:
        return ActorRef(name=name, actor_code=pc.org_code, country=None, sector=pc.org_code[:3], start=start, end=end)
    country = pc.country  # the first country named ("US and Chinese officials": the phrase's own first)
    sector = pc.sector if pc.sector not in NONSTATE else None
    code = (country or "") + (sector or "") or None
    return ActorRef(name=name, actor_code=code, country=country, sector=sector, start=start, end=end)


def _stance(tok: Token) -> bool:
    """``tok`` follows "pro-"/"anti-" (tokenised as "pro", "-") or carries it."""
    low = tok.lower_
    if low.startswith(("pro-", "anti-")):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti")


LOCATING_PREPS = frozenset({"in", "from", "at", "inside"})
# Participles that put a group under a leader: "a coalition led by", "countries represented by".
LEADING = frozenset({"lead", "head", "represent", "spearhead", "chair"})


def has_country(ref: ActorRef | None) -> bool:
    """Whether an actor is placed: it has a country, or a non-state code that stands without one."""
    return ref is not None and bool(ref.country or nonstate(ref.actor_code))


class ActorCoder:
    """Codes argument heads with ``actor_index.EntityIndex`` (entities, capitals as
    governments, role phrases), filling gaps from the phrase's own words."""

    def __init__(self, found: Mapping[str, Sequence[Any]], doc: Doc, *, neuter_pronouns: bool = False) -> None:
        """``neuter_pronouns``: read "it" as the state or organisation the entities stage resolved
        it to ("China said it would retaliate"); off by default (see :class:`EntityIndex`)."""
        self.doc = doc
        self._index = EntityIndex(found, neuter_pronouns=neuter_pronouns)
        self._coded: dict[int, ActorRef | None] = {}  # by head token: every candidate of a sentence asks again

    def _indexed(self, head: Token) -> ActorRef | None:
        toks = phrase_tokens(head)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return self._index.actor_for_span(self.doc, start, end)

    def gender(self, ref: ActorRef) -> str | None:
        """ "m"/"f" for a person the article marks as such (``Entity.gender``), else None."""
        return self._index.gender(ref)

    def code(self, head: Token) -> ActorRef | None:
        if head.doc is not self.doc:
            return self._code_fresh(head)
        if head.i not in self._coded:
            self._coded[head.i] = self._code_fresh(head)
        return self._coded[head.i]

    def _code_fresh(self, head: Token) -> ActorRef | None:
        named = self._close_apposition(head)
        if named is not None:  # "the militant Muslim group Hamas": Hamas, not a Muslim group
            return named
        ref = self._code(head)
        if head.ent_type_ == "PERSON" and ref is not None:
            org = self._affiliation(head)  # "U.N. mediator Diego Cordovez": an official of the UN
            if org is not None:
                return replace(ref, actor_code=org.actor_code, country=None, sector=org.sector)
        if (ref is None or not has_country(ref)) and head.pos_ == "NOUN":
            leader = self._led_by(head)  # "western countries represented by the US", "a coalition led by Saudi Arabia"
            if leader is not None:
                sector = ref.sector if ref is not None else None
                name = ref.name if ref is not None else head.text
                led = (leader.country or "") + (sector or "")
                return ActorRef(name, None, led, leader.country, sector, head.idx, head.idx + len(head.text))
        if ref is not None and not has_country(ref) and ref.sector != "MIL":  # troops serve abroad
            where = self._located(head)  # "demonstrators in Baghdad", "doctors from American aid groups"
            if where is not None:
                code = where.country + (ref.sector or "") if where.country else ref.actor_code
                return replace(ref, country=where.country, actor_code=code)
        return ref

    def _code(self, head: Token) -> ActorRef | None:
        own = code_phrase(head)
        ref = self._indexed(head)
        if ref is not None and (ref.country or ref.sector or own is None):
            if own is not None and (ref.country is None or ref.sector is None):
                country = ref.country or own.country
                sector = ref.sector or own.sector
                code = ref.actor_code or ((country or "") + (sector or "")) or None
                return ActorRef(ref.name, ref.entity_id, code, country, sector, ref.start, ref.end)
            if own is not None and own.country and ref.country and own.country != ref.country and _explicit(head):
                # the phrase's own words ("King Hassan of Morocco", "Rwanda's Senate") beat a name table
                code = own.country + (ref.sector or own.sector or "")
                return ActorRef(
                    ref.name, ref.entity_id, code, own.country, ref.sector or own.sector, ref.start, ref.end
                )
            return ref
        if own is not None:
            return own
        if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return ActorRef(name=head.text, start=head.idx, end=head.idx + len(head.text))
        return None

    def code_all(self, head: Token) -> list[ActorRef]:
        """Every actor the phrase headed by ``head`` names, for events one phrase gives both sides
        of ("China and the United States agreed", "the two sides met", "China-U.S. talks"): the two
        actors "the two sides" / "both countries" stand for (the last two named together before
        it), else the phrase's conjuncts and the parts of a hyphenated pair, each coded."""
        if is_pair(head):
            pair = self.pair_before(head)
            if pair:
                return pair
        refs: list[ActorRef] = []
        for h in (head, *(c for c in head.conjuncts if c.i > head.i)):
            parts = _hyphen_pair(h)
            for part in parts or [h]:
                ref = (
                    self._index.actor_for_span(self.doc, part.idx, part.idx + len(part.text)) if parts else self.code(h)
                )
                if ref is not None and all(ref.entity_id != r.entity_id or not ref.entity_id for r in refs):
                    refs.append(ref)
        return refs

    def pair_before(self, head: Token) -> list[ActorRef]:
        """The two actors a phrase like "the two sides" stands for: the nearest two different
        actors named before it in one list, pair or "between" phrase ("China and the United
        States", "between Beijing and Washington") within the last three sentences."""
        doc = self.doc
        sent_starts = [s.start_char for s in doc.sents if s.start_char <= head.idx][-3:]
        floor = sent_starts[0] if sent_starts else 0
        found = [m for m in self._index.actors_before(head.idx) if m[0] >= floor]
        text = doc_text(doc)
        for k, (s2, _, e2) in enumerate(found):
            for s1, end1, e1 in found[k + 1 :]:
                if e1.id == e2.id or (e1.country and e1.country == e2.country):
                    continue
                gap = text[end1:s2].strip().lower()
                if gap in ("and", "-", "–", "and the", ",") or (gap.endswith((" and", " and the")) and len(gap) < 12):
                    r1, r2 = self._index.actor_ref(e1), self._index.actor_ref(e2)
                    return [replace(r1, start=s1, end=end1), replace(r2, start=s2, end=s2 + (e2.end - e2.start))]
                break  # only the nearest mention before each candidate second member
        return []

    def _close_apposition(self, head: Token) -> ActorRef | None:
        """The name a common noun is called by in a close apposition, with no comma between ("the
        militant group Hamas", "the rights group Amnesty International", "the carmaker Toyota"): the
        name identifies the actor and its code beats the describing words'. A name set off by commas
        is a loose apposition, which only adds a description (not read here). Rule close-apposition."""
        if head.pos_ != "NOUN" or not active("close-apposition"):
            return None
        for app in head.children:
            if app.dep_ == "appos" and app.pos_ == "PROPN" and app.ent_type_ in ("ORG", "NORP", "GPE"):
                if app.left_edge.i != head.i + 1:
                    return None  # something (a comma) between: a loose apposition
                ref = self._code(app)
                return ref if has_country(ref) else None
        return None

    def _led_by(self, head: Token) -> ActorRef | None:
        """The state leading a group that names no country of its own: the agent of "led by",
        "headed by", "represented by" on the group's noun ("western countries represented by the
        US", "a coalition led by Saudi Arabia"). CAMEO codes a bloc's act by its leading state when
        the text names one. Rule led-by."""
        if not active("led-by"):
            return None
        for acl in head.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in LEADING:
                for agent in acl.children:
                    for obj in agent.children if agent.dep_ == "agent" else ():
                        ref = self._code(obj)
                        if ref is not None and ref.country:
                            return ref
        return None

    def _affiliation(self, head: Token) -> ActorRef | None:
        """A non-state organisation in a person's title or apposition."""
        for child in head.children:
            if child.dep_ in ("compound", "appos", "nmod") and child.ent_type_ != "PERSON":
                # the organisation may modify the title rather than the name ("International Monetary
                # Fund Managing Director Michel Camdessus": Fund -> Director -> Camdessus); rule
                # title-organisation
                deep = active("title-organisation") and child.dep_ == "compound"
                inner = [g for g in child.subtree if g.dep_ == "compound" and g.i < child.i] if deep else []
                for tok in [child, *inner] if child.dep_ != "appos" else [child, *child.children]:
                    ref = self._indexed(tok) if tok.ent_type_ == "ORG" else None
                    if ref is not None and (ref.actor_code or "")[:3] in ("IGO", "NGO"):
                        return ref
        return None

    def _located(self, head: Token) -> ActorRef | None:
        """The country of an in/from/at phrase inside the actor's noun phrase."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATING_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        ref = self._code(obj)
                        if ref is not None and ref.country:
                            return ref
        return None


def _explicit(head: Token) -> bool:
    """The phrase names a country by its own words: a possessive, an adjective or an "of" complement."""
    return any(c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP") for c in head.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ == "GPE" for g in c.children) for c in head.children
    )


# "the two sides", "both countries", "the two leaders": two actors named before, together
PAIR_NOUNS = frozenset(
    {"side", "sides", "country", "countries", "nation", "nations", "government", "governments", "leader",
     "leaders", "party", "parties", "capital", "capitals", "economy", "economies", "delegation",
     "delegations", "president", "presidents", "power", "powers", "neighbor", "neighbors", "neighbour",
     "neighbours"}
)  # fmt: skip


def is_pair(head: Token) -> bool:
    """The phrase is "the two sides", "both countries", "the two leaders" and the like."""
    return head.lower_ in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in head.lefts)


def _hyphen_pair(head: Token) -> list[Token]:
    """The country words of a hyphenated pair modifying ``head`` ("China-U.S. talks", "US-China
    trade war"): both members, or nothing."""
    doc = head.doc
    for child in (t for t in head.subtree if t.i < head.i):
        if child.ent_type_ in ("GPE", "NORP") and child.i + 2 < head.i and doc[child.i + 1].text in ("-", "–"):
            other = doc[child.i + 2]
            if other.ent_type_ in ("GPE", "NORP"):
                return [child, other]
    return []
