"""Actor uses inside one article: which mentions stand for an actor, and for which state.

Runs after clustering, coding and role-holders (see :mod:`tidings.facts.entities.stage`):

* each mention of a country, city, nationality, region or seat is judged by
  :func:`tidings.facts.actors.usage.mention_use`; places, qualifiers and adjectives of things are
  kept as mentions (the places stage reads them) but flagged ``not_actor``;
* a state acts through its government, so phrases that stand for it join the country's one
  entity (created if the article never names the country): a nationality modifying an act
  ("American participation"), government phrases ("the Chinese government", "the government of
  Yemen", "the Obama administration"; a bare "the administration" is the last one named); a
  capital or seat used as an actor ("Beijing said", "the White House announced") keeps its own
  entity, coded as the government, and joins the state across articles
  (:func:`tidings.facts.actors.identity.fixed_key`);
* a nationality standing alone for people ("Americans", "a jailed American") is that country's
  civilians; names inside a role-holder's phrase ("Chinese officials") qualify the group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.facts.actors.names import clean_key, person_key
from tidings.facts.actors.roles import Cluster
from tidings.facts.actors.tables import ActorTables, CountryHit, load_tables, org_country_sector
from tidings.facts.actors.usage import (
    REFUSED,
    REGION_ADJECTIVES,
    STATE_NOUNS,
    is_dateline,
    mention_use,
    names_document,
    names_thing_of,
    region_code,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_ONLY = frozenset({"LOC", "FAC", "EVENT"})
GOVERNMENT_NOUNS = frozenset({"administration", "government", "regime"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
TokSpan = tuple[int, int]


class _States:
    """The article's one entity per state, found or created on demand."""

    def __init__(self, doc: Doc, clusters: list[Cluster], tables: ActorTables) -> None:
        self.doc, self.tables = doc, tables
        self.by_code: dict[str, Cluster] = {}
        for c in clusters:
            if c.label == "GPE" and c.country and c.spans and self._names_country(c):
                self.by_code.setdefault(c.country, c)
        self.new_clusters: list[Cluster] = []

    def _names_country(self, c: Cluster) -> bool:
        for s, e in c.spans:
            key = clean_key(self.doc[s:e].text)
            hit = self.tables.country(key)
            if hit is not None and hit.names_country(key):
                return True
        return False

    def add(self, code: str, span: TokSpan, label: str = "ROLE") -> None:
        """Add ``span`` to the state's entity; ``label``: its mention label (a moved name keeps
        its own; a government phrase is a ROLE, not a name)."""
        c = self.by_code.get(code)
        if c is None:
            c = Cluster("GPE", [], name=self.tables.country_name(code))
            c.country, c.code, c.confidence = code, code, 0.9
            self.by_code[code] = c
            self.new_clusters.append(c)
        if span not in c.spans:
            c.spans.append(span)
            c.spans.sort()
            c.span_labels[span] = label


def _move(c: Cluster, span: TokSpan) -> None:
    if span in c.spans:
        c.spans.remove(span)


def _covered(span: TokSpan, spans: list[TokSpan]) -> bool:
    return any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in spans)


def apply_uses(
    doc: Doc, clusters: list[Cluster], roles: list[Cluster], tables: ActorTables, home: str | None = None
) -> list[Cluster]:
    """Flag and move mentions in place (see the module docstring); returns the clusters it added
    (states the article names only through their government, groups of civilians)."""
    named = frozenset(i for c in clusters if c.label in ("PERSON", "ORG") for s, e in c.spans for i in range(s, e))
    states = _States(doc, clusters, tables)
    people: dict[str, Cluster] = {}
    _definites(doc, clusters, roles)
    moved: set[TokSpan] = set()
    for r in roles:
        head = doc[r.nouns[0]] if r.nouns else None
        if head is not None and head.lemma_.lower() in STATE_NOUNS and r.country:
            kept = [k for k, span in enumerate(r.spans) if _local(doc, span, tables)]
            for span in [sp for k, sp in enumerate(r.spans) if k not in kept]:
                states.add(r.country, span)
                moved.add(span)
            if len(r.nouns) == len(r.spans):
                r.nouns = [r.nouns[k] for k in kept]
            r.spans = [r.spans[k] for k in kept]
            if r.spans:  # named by a phrase it keeps, not by the state's it gave away
                r.name = doc[r.spans[0][0] : r.spans[0][1]].text
                r.roles = [r.name]
    _leaders_of(doc, clusters, moved)
    _administrations(doc, clusters, states, tables, home)
    _in_context(doc, roles, [*clusters, *states.new_clusters], home)
    _named_spokespeople(doc, clusters, roles)
    _located_people(doc, clusters, roles)
    state_spans = [sp for c in states.by_code.values() for sp in c.spans]
    government = [sp for c in states.by_code.values() for sp in c.spans if c.span_labels.get(sp) == "ROLE"]
    _members_of_bodies(roles, government)
    _halves_of_a_divided_country(doc, clusters, states)
    group_spans = [sp for r in roles for sp in r.spans]
    for c in clusters:
        for span in list(c.spans):
            if c.label not in ("GPE", "NORP", "LOC", "FAC", "EVENT", "ORG") or span in c.not_actor:
                continue
            if span in moved:
                continue  # a government phrase already read as its state ("the Australian and Chinese governments")
            if _covered(span, group_spans) or _covered(span, state_spans):
                c.not_actor.add(span)  # "Chinese officials", "the Chinese government": the phrase acts
                continue
            key = clean_key(doc[span[0] : span[1]].text)
            if _pair(key, tables):
                c.not_actor.add(span)  # "the United States-China relationship": two actors, not one
                continue
            seat = tables.seat(key)
            if c.label == "ORG" and seat is None:
                if _not_an_organisation(doc, c, span, tables) or _party_of_a_named_person(doc, c, span, named):
                    c.not_actor.add(span)
                continue
            use = mention_use(doc, span[0], span[1], named, tables)
            if use == "place" and span in government:
                use = "actor"  # a government phrase is a body, never a place: "positions in the administration"
            if use in REFUSED or (c.label in PLACE_ONLY and seat is None):
                c.not_actor.add(span)
                continue
            if c.label == "NORP" and c.country is None and c.sector is None:
                c.sector = _region_group_sector(doc, span, tables)
            hit = tables.country(key)
            # a capital or seat used as an actor keeps its own entity (the government: "Beijing"
            # CHNGOV); the cross-article fold makes it the state's (state:CHN)
            if span[0] > 0 and doc[span[0] - 1].lower_ == "ethnic":
                continue  # "ethnic Albanians in Serbia": a people, not a nationality
            if seat is None and hit is not None and hit.kind == "demonym" and c.label == "NORP":
                _move(c, span)
                root = doc[span[0] : span[1]].root
                if root.dep_ in ("amod", "compound", "poss", "nmod"):
                    states.add(hit.code, span, "NORP")  # "American participation"
                else:
                    _civilians(people, hit.code, span, doc[span[0] : span[1]].text)
    return [*states.new_clusters, *people.values()]


COMPASS = frozenset({"north", "south"})


def _halves_of_a_divided_country(doc: Doc, clusters: list[Cluster], states: _States) -> None:
    """A bare "the North" / "the South" in a story that names one country called by that word and
    another ("North Korea", "South Sudan") is that country's short name ("sanctions on the North"):
    it joins the state's entity, whose use is then judged like any mention of it."""
    for c in clusters:
        if c.label not in ("LOC", "GPE", "NORP") or c.country:
            continue
        for span in list(c.spans):
            word = clean_key(doc[span[0] : span[1]].text).removeprefix("the ")
            if word not in COMPASS:
                continue
            codes = {
                code
                for code, state in states.by_code.items()
                if any(clean_key(doc[s:e].text).removeprefix("the ").startswith(word + " ") for s, e in state.spans)
            }
            if len(codes) == 1:
                c.spans.remove(span)
                states.add(codes.pop(), span, "GPE")


def _leaders_of(doc: Doc, clusters: list[Cluster], moved: set[TokSpan]) -> None:
    """A person named in a government phrase after its noun ("the administration of Donald J.
    Trump") stands for the state there, as in "the Trump administration" (see _administrations):
    the name is no mention of the person, nor is the government noun one of the person's titles."""
    governments = [(s, e) for s, e in moved if any(doc[i].lemma_.lower() in GOVERNMENT_NOUNS for i in range(s, e))]
    for c in clusters:
        if c.label != "PERSON":
            continue
        for s, e in governments:
            c.not_actor.update(sp for sp in c.spans if s <= sp[0] and sp[1] <= e)
            c.role_spans = [sp for sp in c.role_spans if not (s <= sp[0] and sp[1] <= e)]


def _members_of_bodies(roles: list[Cluster], government: list[TokSpan]) -> None:
    """A role-holder's phrase that runs on into a government phrase after its head noun
    ("officials in the Obama administration", "an adviser to the Chinese government") ends at its
    head: the people are the group, the government phrase is the state's own mention (the two
    would otherwise end on the same word and stand for one another). Not a country's name:
    "trade ministers of the United States" are the ministers, the name only says whose."""
    for r in roles:
        for k, (s, e) in enumerate(r.spans):
            noun = r.nouns[k] if len(r.nouns) == len(r.spans) else -1
            if s <= noun < e - 1 and any(noun < a and b == e for a, b in government):
                r.spans[k] = (s, noun + 1)


# Nouns of states a region's adjective may qualify ("10 European nations", "Southeast Asian countries")
STATE_GROUP_NOUNS = frozenset(
    {"country", "nation", "state", "ally", "partner", "member", "neighbor", "neighbour", "power", "government"}
)


def _region_group_sector(doc: Doc, span: TokSpan, tables: ActorTables) -> str | None:
    """The sector of a group a region's adjective used as an actor qualifies: its states' ("10
    European nations", "Southeast Asian countries": GOV) or the role noun's ("Asian consumers": CVL);
    the cross-article fold makes it the region's group (``group:EUR-GOV``)."""
    if region_code(doc[span[0] : span[1]].text) is None:
        return None
    root = doc[span[0] : span[1]].root
    noun = root.head
    if root.dep_ not in ("amod", "compound", "nmod") or noun.pos_ != "NOUN" or noun.i < span[1]:
        return None
    if noun.lemma_.lower() in STATE_GROUP_NOUNS:
        return "GOV"
    return tables.role_sector(noun.lower_)


SPOKES_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def _named_spokespeople(doc: Doc, clusters: list[Cluster], roles: list[Cluster]) -> None:
    """ "a spokesperson for the ministry said" is the article's one named spokesperson of that
    country ("said Gao Feng, the ministry's spokesperson"), when it names exactly one: wire copy
    opens with the unnamed title and names the speaker later."""
    holders: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.label == "PERSON":
            for s, _ in c.role_spans:
                if doc[s].lemma_.lower() in SPOKES_NOUNS:
                    holders.setdefault(c.country or "", []).append(c)
                    break
    for r in roles:
        if r.named or r.head < 0 or not r.spans or r.country is None:
            continue
        if not all(doc[i].tag_ == "NN" and doc[i].lemma_.lower() in SPOKES_NOUNS for i in r.nouns):
            continue
        people = holders.get(r.country, [])
        if len(people) == 1:
            person = people[0]
            for span in r.spans:
                person.spans.append(span)
                person.span_labels[span] = "ROLE"  # a description, not a name
            person.spans.sort()
            r.spans.clear()


ELSEWHERE = frozenset({"foreign", "international", "multinational", "overseas", "global"})


def _located_people(doc: Doc, clusters: list[Cluster], roles: list[Cluster]) -> None:
    """A plural group of private people placed by "in" a country ("the news media in the United
    States", "small businesses in the U.S.", "customers in China"): the country's name there names
    the group's people (their country, if nothing else gave one), so it is a mention of the group
    (the linking guidelines' ``group:USA-MED``), kept as a place of the country's entity too. Not a
    state's officials or forces ("troops in Iraq" are not Iraq's)."""
    for r in roles:
        if not r.sector or r.sector in STATE_SECTORS:
            continue
        for s, e in list(r.spans):
            noun = doc[e - 1]
            if noun.tag_ not in ("NNS", "NNPS") and noun.lemma_.lower() != "media":
                continue
            if any(t.ent_type_ in ("NORP", "GPE") or t.lower_ in ELSEWHERE for t in doc[s:e]):
                continue  # "Chinese and foreign enterprises in China": their own words place them
            for prep in noun.children:
                if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i < e:
                    continue
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    for c in clusters:
                        span = next((sp for sp in c.spans if sp[0] <= obj.i < sp[1]), None)
                        if c.label != "GPE" or not c.country or span is None or span in r.spans:
                            continue
                        if r.country is None:  # "customers in China", a country nothing else gave them
                            r.country, r.code = c.country, c.country + r.sector
                        if c.country == r.country:
                            r.spans.append(span)
                            r.spans.sort()
                            r.span_labels[span] = "ROLE"  # where the group is, not its name


def _civilians(people: dict[str, Cluster], code: str, span: TokSpan, text: str) -> None:
    c = people.get(code)
    if c is None:
        c = people[code] = Cluster("ROLE", [], name=text, named=False)
        c.country, c.sector, c.code, c.confidence = code, "CVL", code + "CVL", 0.8
    c.spans.append(span)
    c.span_labels[span] = "NORP"


def _administrations(doc: Doc, clusters: list[Cluster], states: _States, tables: ActorTables, home: str | None) -> None:
    """Government phrases the role-holder finder leaves: "the Obama administration" (the state of
    the named leader), "the Chinese government's policies", "U.S. government challenge"; a bare
    "the administration" is the state of the last one named (or of the last head of government)."""
    person_at = {i: c for c in clusters if c.label == "PERSON" for s, e in c.spans for i in range(s, e)}
    last: str | None = None
    for tok in doc:
        if tok.lemma_.lower() not in GOVERNMENT_NOUNS or not (tok.pos_ == "NOUN" or _capitalised_government(tok)):
            continue
        inside = [code for code, c in states.by_code.items() for s, e in c.spans if s <= tok.i < e]
        if inside:
            last = inside[0]
            continue
        if tok.i > 0 and doc[tok.i - 1].text == "-":
            continue  # "anti-government protesters"
        left = [t for t in tok.lefts if t.dep_ in ("compound", "det", "amod", "poss", "nmod")]
        people = [t for t in left if t.i in person_at]
        places = [t for t in left if t.ent_type_ in ("GPE", "NORP") and t.i not in person_at]
        if any(c.dep_ == "conj" for t in left for c in t.children):
            continue  # "the Australian and Chinese governments": one state each, made with the groups
        code: str | None = None
        start = tok.i
        if people:
            person = person_at[people[0].i]
            # "the Reagan administration": a leader the article does not place names an American
            # presidency, as English calls it (see _american_administration)
            code = person.country or _person_country(person, tables) or _american_administration(tok, states, home)
            start = min(s for s, e in person.spans if s <= people[0].i < e)
            for span in [sp for sp in person.spans if sp[0] >= start and sp[1] <= tok.i]:
                person.not_actor.add(span)
        elif places:
            ent = next((e for e in doc.ents if e.start <= places[0].i < e.end), None)
            hit = tables.country(clean_key(ent.text if ent is not None else places[0].text))
            start = ent.start if ent is not None else places[0].i
            local = _local(doc, (start, tok.i + 1), tables)  # "Shanghai's government"
            code = hit.code if hit is not None and not local else None
        elif left and all(_unqualified(t, tok) for t in left):
            # "the administration", "his administration", "our own government", "the federal
            # government": the last one named, else the last head of government's, else the
            # government of the country the story was filed from
            code = last or _american_administration(tok, states, home) or _leader_country(doc, tok, clusters) or home
        if code is not None:
            states.add(code, (start, tok.i + 1))
            last = code


def _capitalised_government(tok: Token) -> bool:
    """ "the Government", as British English writes its own country's: the noun capitalised and
    alone, no name of its own ("the Government of India" is named by its "of" phrase)."""
    if tok.pos_ != "PROPN" or not tok.is_title or any(c.dep_ == "prep" for c in tok.children):
        return False
    doc = tok.doc
    return tok.ent_iob_ != "I" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")


def _american_administration(tok: Token, states: _States, home: str | None) -> str | None:
    """A bare "the administration" in a story naming the United States, or filed from there, is its
    government: English calls a national executive an administration for the American presidency
    ("the Trump administration"); other countries have governments."""
    if tok.lemma_.lower() == "administration" and ("USA" in states.by_code or home == "USA"):
        return "USA"
    return None


# "the federal government", "the central government": a country's own government, not a local one
NATIONAL_LEVEL = frozenset({"federal", "central", "national"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our"})


# Adjectives that place a government in time, not in another country: "the next government", "the
# current administration" are the story's own state's, before or after ("new", "incoming" and
# "outgoing" mostly tell of a change of government abroad, and are left to the phrase's context)
TIME_ADJECTIVES = frozenset({"next", "current", "present", "previous", "future"})


def _unqualified(t: Token, noun: Token) -> bool:
    """A word before a government noun that names no one else's government: an article ("the",
    "an") or a demonstrative ("this government", "that administration"), a possessive pronoun
    ("his administration", "our own government": the one the text is about), an adjective of time
    ("the next government", "the current administration"), or, before "government", its national
    level ("the federal government")."""
    low = t.lower_
    if t.dep_ == "det":
        return low in ("the", "a", "an", "this", "that")
    if t.dep_ == "poss":
        return low in POSSESSIVE_PRONOUNS
    if t.dep_ == "amod" and low in TIME_ADJECTIVES:
        return True
    return t.dep_ == "amod" and (low == "own" or (low in NATIONAL_LEVEL and noun.lemma_.lower() == "government"))


def _person_country(person: Cluster, tables: ActorTables) -> str | None:
    known = tables.known_code(person_key(person.name))
    return org_country_sector(known)[0] if known else None


def _leader_country(doc: Doc, tok: Token, clusters: list[Cluster]) -> str | None:
    """The country of the last government person named before ``tok`` (whose administration)."""
    best: tuple[int, str] | None = None
    for c in clusters:
        if c.label == "PERSON" and c.country and c.sector == "GOV":
            for s, _ in c.spans:
                if s < tok.i and (best is None or s > best[0]):
                    best = (s, c.country)
    return best[1] if best else None


def _country_at(i: int, clusters: list[Cluster], bodies_only: bool = False) -> str | None:
    """The country of the entity at token ``i``; ``bodies_only``: an organisation or a government
    phrase, not a country or city named as a place ("troops in Montenegro" are not Montenegro's)."""
    for c in clusters:
        for s, e in c.spans:
            body = c.label == "ORG" or c.span_labels.get((s, e)) == "ROLE"
            if s <= i < e and c.country and c.label != "NORP" and (body or not bodies_only):
                return c.country
    return None


def _in_context(doc: Doc, roles: list[Cluster], clusters: list[Cluster], home: str | None) -> None:
    """Countries of groups and officials their own words leave open: an organisation or state
    they belong to ("an official with the ministry", "officials in the Obama administration",
    "the MOC official"), else an earlier group of the same kind ("the official"), else, for a
    state's officials, the country the story was filed from (``home``); else none (the group
    is still an actor, of its sector only, as is a group a region's adjective qualifies:
    "European governments")."""
    seen: dict[str, Cluster] = {}  # head noun -> the last group or official of it placed
    placed = (r for r in roles if r.head >= 0 or r.country or r.code)
    for r in sorted(placed, key=lambda r: r.spans[0] if r.spans else (0, 0)):
        if r.head < 0:
            if r.nouns:
                seen[doc[r.nouns[0]].lemma_.lower()] = r
            continue
        head = doc[r.head]
        places = [c for c in head.children if c.dep_ in ("compound", "nmod")]
        bodies: list[Token] = []  # "officials in the Obama administration": only a body, not a place
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "at", "of", "from", "for", "to"):
                places += [o for o in prep.children if o.dep_ == "pobj"]
            elif prep.dep_ == "prep" and prep.lower_ == "in":
                bodies += [o for o in prep.children if o.dep_ == "pobj"]
        country = next((code for t in places if (code := _country_at(t.i, clusters))), None)
        country = country or next(
            (code for t in bodies if (code := _country_at(t.i, clusters, bodies_only=True))), None
        )
        if country is None and any(t.lower_ in REGION_ADJECTIVES for t in head.lefts):
            r.code, r.confidence = r.sector, 0.5  # "European governments": several countries, none of them
            continue
        before = seen.get(head.lemma_.lower())
        if country is None and before is not None and not before.country and before.code and r.sector in STATE_SECTORS:
            # "a WTO official said ... said the official": the one of the body named before
            r.code, r.sector, r.confidence = before.code, before.sector, 0.7
            seen[head.lemma_.lower()] = r
            continue
        country = country or (before.country if before is not None else None) or None
        if country is None and r.sector in STATE_SECTORS and home and not _of_other_countries(doc, head):
            country, r.confidence = home, 0.6  # "officials said" in a story filed from Beijing
        if not r.sector:
            r.spans.clear()
            continue
        if country is None:  # a group whose country nothing tells: an actor all the same
            r.code, r.confidence = r.sector, 0.5
            continue
        r.country, r.code = country, country + r.sector
        seen[head.lemma_.lower()] = r


# Adjectives that set a group apart from the story's own country ("foreign ministers", "world leaders")
OTHER_COUNTRIES = frozenset({"foreign", "world", "international", "global"})


def _of_other_countries(doc: Doc, head: Token) -> bool:
    """The group's own words say its members serve other countries than the story's ("foreign
    ambassadors were briefed", "world leaders"): the country it was filed from is not theirs. Not
    a title the adjective is part of ("the foreign minister", "foreign ministers")."""
    tables = load_tables()
    return any(
        t.lower_ in OTHER_COUNTRIES and tables.role_sector(f"{t.lower_} {head.lower_}") is None for t in head.lefts
    )


def _definites(doc: Doc, clusters: list[Cluster], roles: list[Cluster]) -> None:
    """ "the ministry", "the agency": a definite noun that is the head of an organisation named
    earlier in the article is that organisation (the nearest one)."""
    heads: list[tuple[int, str, Cluster]] = []
    for c in clusters:
        if c.label == "ORG":
            for s, e in c.spans:
                if e - s > 1:
                    heads.append((e, doc[s:e].root.lemma_.lower(), c))
    if not heads:
        return
    taken = {i for c in [*clusters, *roles] for s, e in c.spans for i in range(s, e)}
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.i in taken or tok.dep_ in ("compound", "amod"):
            continue
        left = list(tok.lefts)
        if len(left) != 1 or left[0].lower_ != "the":
            continue
        before = [(end, c) for end, lemma, c in heads if end <= tok.i and lemma == tok.lemma_.lower()]
        if before:
            c = max(before, key=lambda x: x[0])[1]
            c.spans.append((tok.i, tok.i + 1))
            c.spans.sort()
            c.span_labels[(tok.i, tok.i + 1)] = "ROLE"  # a description, not a name


# Adjectives of a government below the state's ("the provincial government", "local authorities")
LOCAL_LEVEL = frozenset({"provincial", "municipal", "local", "regional", "city", "county", "prefectural"})


def _local(doc: Doc, span: TokSpan, tables: ActorTables) -> bool:
    """The group's country comes from a city, province or state ("Shanghai's government", "the
    California government", "the Guangdong provincial government": the tables list some
    provinces as aliases of their country, which do not name it), or a word of its level says so:
    a local government, a group of the country's officials, not the state."""
    s, e = span
    if any(t.lower_ in LOCAL_LEVEL for t in doc[s:e]):
        return True
    for ent in doc.ents:
        if s <= ent.start < e and ent.label_ == "GPE":
            key = clean_key(ent.text)
            hit = tables.country(key)
            if hit is not None and (hit.kind == "place" or (hit.kind == "alias" and _province(key, hit, tables))):
                return True
    return False


def _province(key: str, hit: CountryHit, tables: ActorTables) -> bool:
    """An alias of the tables that is a province ("guangdong"), not another form of the country's
    name ("the us", "people's republic of china": short, with "the", or containing its name)."""
    return not hit.names_country(key) and clean_key(tables.country_name(hit.code)) not in key


def _pair(key: str, tables: ActorTables) -> bool:
    """A name made of two hyphenated names of countries or organisations ("united states-china",
    "sino-us", "u.s.-asean"): a pair (the event coder reads each member), no one actor."""
    parts = [p.strip() for p in key.replace("–", "-").split("-")]
    if len(parts) != 2 or not all(parts) or tables.country(key) is not None or tables.known_code(key) is not None:
        return False  # "Guinea-Bissau" is one country
    return all(tables.country(p) is not None or tables.known_code(p) is not None for p in parts)


def _one_of_its_products(doc: Doc, span: TokSpan, tables: ActorTables) -> bool:
    """ "a Starbucks", "a Boeing", "an iPod": the article "a"/"an" right before a company's name
    heading its phrase makes it one shop or product of it. Not a capitalised "A" (a list's
    initial, "A United States Marine"), not with a word between ("a unanimous Supreme Court"),
    not for a body of a state or an international one ("a State Department angry and adrift")."""
    s, e = span
    root = doc[s:e].root
    if s == 0 or doc[s - 1].text not in ("a", "an") or doc[s - 1].head.i != root.i:
        return False
    if root.dep_ in ("compound", "nmod", "amod", "poss") and root.head.i >= e:
        return False  # "a Department for Education spokeswoman": the name modifies the noun after it
    code = tables.known_code(clean_key(doc[s:e].text))
    return code is None or code[3:6] in ("BUS", "") or code[:3] == "MNC"


def _party_of_a_named_person(doc: Doc, c: Cluster, span: TokSpan, named: frozenset[int]) -> bool:
    """A party's name that qualifies a named person, as a nationality does ("Labour's Paul Flynn",
    "Alan Milburn, Labour's head of elections strategy", "Tory leader Michael Howard"): it tells
    whose member the person is, and the person acts (the gold's hard case 12); the party's own acts
    ("Labour said", "a Labour source") and its unnamed members' ("Labour MPs") are untouched."""
    if c.sector != "PTY" or doc[span[0] : span[1]].root.dep_ not in ("poss", "compound", "amod", "nmod"):
        return False  # a party in an "of" phrase names a body of its own ("the Political Bureau of the ... Party")
    # without the tables: a role noun with no name ("a Labour source") is the party's member, not
    # a qualified person
    own = {i for s, e in c.spans for i in range(s, e)}  # the party's own words name no one it qualifies
    return mention_use(doc, span[0], span[1], named - own) == "qualifier"


def _not_an_organisation(doc: Doc, c: Cluster, span: TokSpan, tables: ActorTables) -> bool:
    """An ORG mention that names no organisation: a dateline ("UNITED NATIONS --"), one of its
    shops or products ("a Starbucks"), a document,
    plan or event (:func:`names_document`, for the whole cluster), a name used for a thing
    (:func:`names_thing_of`: "a United Nations summit meeting", "the apps WeChat and TikTok"), or one word of a title
    ("Treasury" in "Treasury Secretary", "House" in "House speaker")."""
    if is_dateline(doc, *span):
        return True
    if _one_of_its_products(doc, span, tables):
        return True
    if tables.known_code(clean_key(c.name)) is None and any(names_document(doc, s, e) for s, e in c.spans):
        return True
    if names_thing_of(doc, *span):
        return True
    s, e = span
    if e - s == 1 and e < len(doc) and not doc[s].is_upper and tables.known_code(clean_key(doc[s].text)) is None:
        nxt = doc[e]
        return nxt.pos_ in ("NOUN", "PROPN") and tables.role_sector(nxt.lower_) is not None
    return False
