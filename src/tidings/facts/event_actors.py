"""Actor coding for event arguments: country + sector of a noun phrase.

When the entity stages ran (``ctx.found["entities"]``), ``tidings.facts.actor_index``
codes spans (titles, metonymy, surname-only mentions). Otherwise — and for phrases the
entity index leaves uncoded, such as "Chinese officials" — a small coder reads the
phrase itself: country names, demonyms and capitals from ``cameo_country_codes.csv``
(PETRARCH-2 country dictionary) and role nouns from ``cameo_agent_nouns.csv``
(PETRARCH-2 agents), both shipped in ``tidings/data/events``.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

from tidings.nlp import doc_text
from tidings.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MAX_NGRAM = 7  # "Democratic People 's Republic of Korea"
# Role nouns missing from the PETRARCH agents list (plain heads), our own additions.
_EXTRA_SECTORS = {
    "OFFICIAL": "GOV", "OFFICIALS": "GOV", "ADVISER": "GOV", "ADVISERS": "GOV", "ADVISOR": "GOV",
    "MINISTER": "GOV", "MINISTRY": "GOV", "GOVERNMENT": "GOV", "PRESIDENT": "GOV", "DIPLOMAT": "GOV",
    "ADMINISTRATION": "GOV", "SECRETARY": "GOV", "SPOKESPERSON": "GOV", "SPOKESMAN": "GOV",
    "SPOKESWOMAN": "GOV", "LEADER": "GOV", "LEADERS": "GOV", "PREMIER": "GOV", "CHIEF": "GOV",
    "TROOPS": "MIL", "FORCES": "MIL", "MILITARY": "MIL", "ARMY": "MIL", "DEFENSE": "MIL",
    "POLICE": "COP", "REBELS": "REB", "REBEL": "REB", "INSURGENTS": "REB", "MILITANTS": "REB",
    "HACKERS": "CRM", "FIRM": "BUS", "COMPANY": "BUS", "PROTESTERS": "OPP", "DEMONSTRATORS": "OPP",
    "PROTESTER": "OPP", "PROTESTOR": "OPP", "PROTESTORS": "OPP", "RIOTER": "OPP", "RIOTERS": "OPP",
}  # fmt: skip
# Defense/foreign ministers are GOV in PLOVER's sector scheme; military words only win
# when no government word is in the phrase.
_SECTOR_PRIORITY = ("GOV", "MIL", "COP", "JUD", "REB", "OPP")


class SpanCoder(Protocol):
    def __call__(self, doc: Doc, start: int, end: int) -> ActorRef | None: ...


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    base = resources.files("tidings.data.events")
    countries: dict[str, str] = {}
    for row in csv.DictReader(base.joinpath("cameo_country_codes.csv").read_text("utf-8").splitlines()):
        code = row["cameo_code"]
        names = [row["name"], row["iso_name"], *row["aliases_and_places"].split("|")]
        for name in names:
            key = name.strip().upper()
            if key and len(key) > 1:
                countries.setdefault(key, code)
    macros: dict[str, list[str]] = {}
    for row in csv.DictReader(base.joinpath("cameo_agent_macros.csv").read_text("utf-8").splitlines()):
        macros[row["macro"]] = row["expands_to"].split("|")
    agents: dict[str, str] = dict(_EXTRA_SECTORS)
    for row in csv.DictReader(base.joinpath("cameo_agent_nouns.csv").read_text("utf-8").splitlines()):
        phrase, code = row["phrase"].upper(), row["agent_code"][:3]
        variants = [phrase]
        for macro, expansions in macros.items():
            if macro in phrase:
                variants = [v.replace(macro, e) for v in variants for e in expansions]
        for v in variants:
            agents.setdefault(v.strip(), code)
    return countries, agents


def _ngram_codes(words: Sequence[str], table: dict[str, str]) -> list[tuple[int, str, str]]:
    """(position, phrase, code) of longest-first table matches in ``words``."""
    found: list[tuple[int, str, str]] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_NGRAM, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            if phrase in table:
                found.append((i, phrase, table[phrase]))
                i += n
                break
        else:
            i += 1
    return found


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
    """Country + sector read from the words of the phrase headed by ``head``."""
    countries, agents = _tables()
    toks = phrase_tokens(head)
    words = [t.text.upper().strip(".") if t.text.upper() not in ("U.S.", "U.K.") else t.text.upper()
             for t in toks]
    # a country word inside a person's name ("Hassan") or after pro-/anti- ("the pro-Iranian
    # Hizbollah") does not give the actor's country
    country_words = ["" if t.ent_type_ == "PERSON" or _stance(t) else w for t, w in zip(toks, words, strict=True)]
    country_hits = _ngram_codes(country_words, countries)
    lemmas = [t.lemma_.upper() for t in toks]
    sector_hits = _ngram_codes(words, agents) + _ngram_codes(lemmas, agents)
    if not country_hits and not sector_hits:
        return None
    country = country_hits[0][2] if country_hits else None
    sectors = {code for _, _, code in sector_hits}
    sector = next((s for s in _SECTOR_PRIORITY if s in sectors), None) or (
        sorted(sectors)[0] if sectors else None
    )
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    name = doc_text(head.doc)[start:end]
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
NONSTATE = frozenset({"IGO", "NGO", "MNC", "UNO", "EUR", "ISM", "IMG"})


def _has_country(ref: ActorRef | None) -> bool:
    return ref is not None and bool(ref.country or (ref.actor_code or "")[:3] in NONSTATE)


class ActorCoder:
    """Codes argument heads with ``actor_index.EntityIndex`` (entities, capitals as
    governments, role phrases), filling gaps from the phrase's own words."""

    def __init__(self, found: Mapping[str, Sequence[Any]], doc: Doc) -> None:
        self.doc = doc
        self._index: Any = None
        self._coded: dict[int, ActorRef | None] = {}  # by head token: every candidate of a sentence asks again
        try:
            from tidings.facts.actor_index import EntityIndex

            self._index = EntityIndex(found)
        except ImportError:  # built without the entity stages: phrase coding only
            self._index = None

    def _indexed(self, head: Token) -> ActorRef | None:
        if self._index is None:
            return None
        toks = phrase_tokens(head)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        try:
            ref: ActorRef | None = self._index.actor_for_span(self.doc, start, end)
        except Exception:  # the index must never break event coding
            return None
        return ref

    def code(self, head: Token) -> ActorRef | None:
        if head.doc is not self.doc:
            return self._code_fresh(head)
        if head.i not in self._coded:
            self._coded[head.i] = self._code_fresh(head)
        return self._coded[head.i]

    def _code_fresh(self, head: Token) -> ActorRef | None:
        ref = self._code(head)
        if head.ent_type_ == "PERSON" and ref is not None:
            org = self._affiliation(head)  # "U.N. mediator Diego Cordovez": an official of the UN
            if org is not None:
                return replace(ref, actor_code=org.actor_code, country=None, sector=org.sector)
        if ref is not None and not _has_country(ref):
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
                return ActorRef(ref.name, ref.entity_id, code, own.country, ref.sector or own.sector,
                                ref.start, ref.end)
            return ref
        if own is not None:
            return own
        if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return ActorRef(name=head.text, start=head.idx, end=head.idx + len(head.text))
        return None

    def _affiliation(self, head: Token) -> ActorRef | None:
        """A non-state organisation in a person's title or apposition."""
        for child in head.children:
            if child.dep_ in ("compound", "appos", "nmod") and child.ent_type_ != "PERSON":
                for tok in ([child] if child.dep_ != "appos" else [child, *child.children]):
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
        c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ == "GPE" for g in c.children) for c in head.children)
