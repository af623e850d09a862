"""One identity per person and organisation across articles: fold each article's entities into
canonical actors.

The fold is order-independent: entities are read in (date, article) order, and surname-only
people are resolved only after every full name of the corpus is known, so "Obama" in an early
article joins "Barack Obama" seen later. Rules:

* PERSON: the key is the name without honorifics and single-letter middle initials
  ("Barack H. Obama" -> "barack obama"); one full name is one person, whatever country an
  article coded (a miscoded country is likelier than a namesake). A one-word name joins the
  one full-name actor whose last (or first) name it is, among actors of a compatible country;
  with several candidates, the one active nearest in time wins when it is clearly nearer, else
  it stays ``ambiguous:<name>`` and says so. An in-article alias that is a full name ("Clinton"
  clustered with "Hillary Clinton") already carries the article's own decision.
* other kinds: the cleaned name or any alias, and acronyms of multi-word names, join an actor of
  the same kind and a compatible country.
* unnamed groups are one actor per country and sector (``group:CHN-GOV``), per international
  body, or per region ("European governments": ``group:EUR-GOV``); others stay with their article.
* the actor's country and sector are the most frequent among its entities (a person carries one
  nationality, not every place they were seen in); roles keep the first and the last date they were seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tidings.facts.actors.names import (
    acronyms,
    clean_key,
    fold_accents,
    given_name_key,
    is_name,
    joined_person_key,
    middles_agree,
    party_stem,
    person_key,
    person_parts,
    plain_person_key,
)
from tidings.facts.actors.tables import SECTORS, load_tables, nonstate, org_country_sector
from tidings.facts.actors.usage import region_in

NEAR_DAYS = 365 * 2  # a surname is decided by time only when one candidate is this much nearer


@dataclass
class Actor:
    """A canonical actor under construction (JSON-ready via :meth:`to_row`)."""

    key: str
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    roles: dict[str, str | None] = field(default_factory=dict)  # title -> latest date seen
    roles_from: dict[str, str | None] = field(default_factory=dict)  # title -> first date seen
    countries: Counter[str] = field(default_factory=Counter)
    sectors: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)
    ambiguous: bool = False
    middles: set[tuple[str, ...]] = field(default_factory=set)  # middle names seen ("rodham",), ("w",)
    names: Counter[str] = field(default_factory=Counter)  # entity names, how often

    def absorb(self, entity: Mapping[str, Any], seen: str | None) -> None:
        name = str(entity["name"])
        self.names[name] += 1
        if _better_name(name, self.name, self.kind, self.names):
            self.aliases.add(self.name)
            self.name = name
        self.aliases.update(a for a in [name, *entity.get("aliases", ())] if a)
        self.aliases.discard(self.name)
        for role in entity.get("roles") or ():
            title = role.get("title") if isinstance(role, Mapping) else getattr(role, "title", None)
            when = (role.get("seen") if isinstance(role, Mapping) else getattr(role, "seen", None)) or seen
            if title and (title not in self.roles or (when or "") > (self.roles[title] or "")):
                self.roles[title] = when
            if title and (title not in self.roles_from or (when or "") < (self.roles_from[title] or "9")):
                self.roles_from[title] = when
        for attr, counter in (("country", self.countries), ("sector", self.sectors), ("actor_code", self.codes)):
            if entity.get(attr):
                counter[str(entity[attr])] += 1
        self.articles.add(str(entity["article_id"]))
        if seen:
            self.dates.append(seen)
        self.entity_ids.append(str(entity["id"]))

    def to_row(self) -> dict[str, Any]:
        dates = sorted(self.dates)
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "aliases": sorted(self.aliases),
            "actor_code": _top(self.codes),
            "country": _top(self.countries),
            "sector": _top(self.sectors),
            "roles": [
                {"title": t, "first_seen": self.roles_from.get(t), "seen": s}
                for t, s in sorted(self.roles.items(), key=_by_date)
            ],
            "articles": len(self.articles),
            "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None,
            "ambiguous": self.ambiguous,
        }


def _by_date(item: tuple[str, str | None]) -> tuple[str, str]:
    return (item[1] or "", item[0])


def _top(counter: Counter[str]) -> str | None:
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else None


def full_key(name: str, kind: str) -> str:
    """The identity key of a name: people without honorifics, middle initials and diacritics."""
    return plain_person_key(fold_accents(name)) if kind == "PERSON" else clean_key(name)


def _better_name(new: str, old: str, kind: str, seen: Counter[str] | None = None) -> bool:
    """The name an actor shows: the most words in its key (a full name), then the one most
    articles use, then the shorter text."""
    n, o = len(full_key(new, kind).split()), len(full_key(old, kind).split())
    count = seen or Counter()
    return n > o or (n == o and (count[new], -len(new)) > (count[old], -len(old)))


def _without_own_country(form: str, country: object) -> str | None:
    """An organisation's name without a leading name or adjective of its own country ("chinese
    ministry of commerce" is China's "ministry of commerce"), if at least two words are left, or
    one word the tables give to that same country ("us congress" is "congress", USALEG; not
    "uk treasury", which the tables do not place)."""
    words = form.split()
    tables = load_tables()
    if len(words) >= 4 and words[-2] == "of":  # "state council information office of china"
        hit = tables.country(words[-1])
        if hit is not None and hit.code == country and hit.names_country(words[-1]):
            return " ".join(words[:-2])
    for size in (1, 2, 3):
        hit = tables.country(" ".join(words[:size]))
        if hit is None or hit.code != country or len(words) <= size:
            continue
        rest = " ".join(words[size:])
        code = tables.known_code(rest) if len(words) - size == 1 else None
        if len(words) - size >= 2 or (code is not None and org_country_sector(code)[0] == country):
            return rest
    return None


BODY_HEADS = frozenset({"ministry", "department", "bureau", "office", "agency", "commission", "committee"})


def _head_first(form: str) -> str | None:
    """A government body's name with its head noun first ("commerce ministry" -> "ministry of
    commerce", "treasury department" / "department of the treasury" -> "department of treasury"),
    without a closing "affairs", a light noun such names drop ("ministry of foreign affairs" is the
    "foreign ministry"): one name whichever way an article words it."""
    words = form.split()
    out: list[str] | None = None
    if len(words) >= 3 and words[0] in BODY_HEADS and words[1:3] == ["of", "the"]:
        out = [words[0], "of", *words[3:]]
    elif 2 <= len(words) <= 4 and words[-1] in BODY_HEADS and not {"of", "and", "for"} & set(words):
        out = [words[-1], "of", *words[:-1]]
    elif len(words) >= 3 and words[0] in BODY_HEADS and words[1] == "of":
        out = words
    if out is not None and len(out) >= 4 and out[-1] == "affairs":
        out = out[:-1]
    return " ".join(out) if out is not None and out != words else None


# words naming the kind of a company after its name ("Alibaba Group", "Huawei Technologies",
# "Shanghai Lingang Holdings", "Xinhua News Agency"), which articles drop after the first mention
# ("Alibaba", "Xinhua")
COMPANY_WORDS = frozenset({"group", "holding", "holdings", "company", "limited", "technologies", "news agency"})


def _without_company_word(form: str) -> str | None:
    words = form.split()
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]) in COMPANY_WORDS:
            return " ".join(words[:-size])
    return None


def _outlet_of(name: str) -> str | None:
    """The broadcaster a channel, programme arm or bureau is named after: a news organisation's
    acronym the tables know as media, then more words ("BBC News", "BBC Radio 4", "BBC One", "BBC
    Delhi", "CNN International" are the BBC and CNN; rule broadcaster-outlet). Only an acronym
    (upper case) heads such a name: "Times Educational Supplement" is a paper of its own."""
    words = name.split()
    if len(words) < 2 or not (words[0].isupper() and words[0].isalpha() and len(words[0]) >= 2):
        return None
    head = clean_key(words[0])
    code = load_tables().known_code(head)
    return head if code is not None and org_country_sector(code)[1] == "MED" else None


def _looked_up(form: str) -> tuple[str, ...]:
    """The registered forms a name form is looked up under: a party's name ("party:") and a one-word
    name that may be its members' ("member:") meet each other, never two one-word names ("Times"
    and "Time" are no party and its members)."""
    if form.startswith("party:"):
        return (form, "member:" + form[6:])
    if form.startswith("member:"):
        return ("party:" + form[7:],)
    return (form,)


def fold_kind(kind: str) -> str:
    """The kind a name form is filed under: a nationality-less NORP name and an organisation's are
    one namespace ("Liberal Democrats", "ChAFTA" are tagged either way by the tagger)."""
    return "ORG" if kind == "NORP" else kind


def trusted_country(entity: Mapping[str, Any]) -> str | None:
    """The entity's country unless the article only guessed it (confidence below 0.9: its most-named
    country given to a name nothing else places, "Financial Times" in a story about China)."""
    country = entity.get("country")
    return str(country) if country and float(entity.get("confidence") or 1.0) >= 0.9 else None


def _letters(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _body_code(key: str) -> str | None:
    """The tables' code of an international or non-governmental body's name."""
    code = load_tables().known_code(key)
    return code if code is not None and code[:3] in BODY_PREFIXES else None


BODY_PREFIXES = frozenset({"IGO", "NGO"})
MINOR_WORDS = frozenset({"of", "the", "and", "for", "on", "in"})


def abbreviates(short: str, long: str) -> bool:
    """``short`` (one upper-case word) abbreviates ``long``: its letters run through the long
    name in order, every main word giving at least one ("ASEAN": Association of SouthEast Asian
    Nations; "UN" does not abbreviate "Security Council", nor "EU" "European Commission")."""
    if " " in short.strip() or not short.replace(".", "").isupper():
        return False
    letters = short.replace(".", "").lower()
    words = [w for w in clean_key(long).split() if w not in MINOR_WORDS]
    if len(words) < 2 or len(letters) < len(words):
        return False

    def fit(k: int, w: int) -> bool:  # letters[k:] spread over words[w:], each word its first letter first
        if w == len(words):
            return k == len(letters)
        word = words[w]
        if k >= len(letters) or letters[k] != word[0]:
            return False
        pos, k2 = 1, k + 1
        while True:
            if fit(k2, w + 1):
                return True
            if k2 >= len(letters):
                return False
            pos = word.find(letters[k2], pos)
            if pos < 0:
                return False
            pos, k2 = pos + 1, k2 + 1

    return fit(0, 0)


def _abbreviated(names: list[str], actor: Actor) -> bool:
    """One of ``names`` abbreviates one of the actor's names, or the other way round."""
    theirs = [actor.name, *actor.aliases]
    return any(abbreviates(a, b) or abbreviates(b, a) for a in names for b in theirs)


def _compatible(actor: Actor, country: str | None) -> bool:
    top = _top(actor.countries)
    return not top or not country or top == country


def _organisation_name(name: str) -> bool:
    """A one-word name the tables give an organisation's code, with no country or person to it
    ("Xinhua": MED, a news agency the tagger often takes for a person's surname)."""
    key = clean_key(name)
    if " " in key:
        return False
    code = load_tables().known_code(key)
    return code is not None and (nonstate(code) or code in SECTORS)


def _days(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return NEAR_DAYS * 10


class ActorFold:
    """Entities in, canonical actors out (see the module docstring)."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self._forms: dict[tuple[str, str], list[str]] = {}  # (kind, name form) -> actor keys
        self._surnames: dict[str, set[str]] = {}  # one name word -> keys of full-name people
        self.entity_actor: dict[str, str] = {}

    def fold(self, entities: Iterable[tuple[Mapping[str, Any], str | None]]) -> list[dict[str, Any]]:
        """``entities``: (entity JSON, its article's date) in (date, article) order."""
        pending: list[tuple[Mapping[str, Any], str | None]] = []
        for entity, seen in entities:
            if not may_be_actor(entity):
                continue
            if entity["kind"] == "PERSON" and _organisation_name(str(entity["name"])):
                entity = dict(entity, kind="ORG")  # "Xinhua" tagged as a person
            fixed = fixed_key(entity)
            if fixed is not None:
                self._place_fixed(fixed, entity, seen)
            elif not entity.get("named", True):
                continue
            elif entity["kind"] == "PERSON" and not self._full_forms(entity):  # (one word: no joined form)
                pending.append((entity, seen))  # a surname alone: decided once all full names are known
            else:
                self._place(entity, seen)
        for entity, seen in pending:
            self._place_surname(entity, seen)
        self._bodies_of_their_officials()
        return [a.to_row() for a in sorted(self.actors.values(), key=lambda a: (-len(a.articles), a.name))]

    def _bodies_of_their_officials(self) -> None:
        """Unnamed people of one international or non-governmental body ("a WTO official said",
        "officials of APEC", ``group:IGOBUSWTO``) are that body: they join the named organisation
        the tables give the same code (the one in most articles where several share it)."""
        for key in [k for k in self.actors if k.startswith("group:") and k[6:9] in BODY_PREFIXES]:
            code = key[6:]
            named = [a for a in self.actors.values() if a.kind == "ORG" and _top(a.codes) == code]
            if named:
                self._merge(key, max(named, key=lambda a: (len(a.articles), a.key)).key)

    def _merge(self, key: str, into: str) -> None:
        gone, actor = self.actors.pop(key), self.actors[into]
        actor.aliases |= {gone.name, *gone.aliases} - {actor.name}
        for mine, theirs in ((actor.countries, gone.countries), (actor.sectors, gone.sectors)):
            mine.update(theirs)
        actor.articles |= gone.articles
        actor.dates += gone.dates
        actor.entity_ids += gone.entity_ids
        for eid in gone.entity_ids:
            self.entity_actor[eid] = into

    def _place_fixed(self, key: str, entity: Mapping[str, Any], seen: str | None) -> None:
        """States and groups: one actor per key (``state:CHN``, ``group:USA-GOV``)."""
        if key not in self.actors:
            name = group_name(key) if key.startswith(("state:", "group:")) else str(entity["name"])
            self.actors[key] = Actor(key, name, "STATE" if key.startswith("state:") else "GROUP")
        actor = self.actors[key]
        name = actor.name
        actor.absorb(entity, seen)
        # "China", "United States officials", whatever words an article used ("Beijing", "the
        # government", "two senior American officials"): those are aliases
        actor.aliases.add(actor.name)
        actor.name = name
        actor.aliases.discard(name)
        self.entity_actor[str(entity["id"])] = key

    def _full_forms(self, entity: Mapping[str, Any]) -> list[str]:
        """A person's full-name forms: first and last name, and with a short given name spelled
        out ("bill clinton", "william clinton")."""
        names = [str(entity["name"]), *entity.get("aliases", ())]
        forms = [f for n in names for f in (full_key(n, "PERSON"), given_name_key(fold_accents(n)))]
        full = [f for f in dict.fromkeys(forms) if len(f.split()) > 1]
        # "Kim Jong-un" / "Kim Jong Un": the whole name run together (never a key: see _place)
        return full + [f"joined:{j}" for n in names if (j := joined_person_key(n))]

    def _forms_of(self, entity: Mapping[str, Any]) -> list[str]:
        """Name forms an entity is found by: a person's full names; an organisation's names, and
        ("acr", ...) the acronyms of its long names, which only a short name matches."""
        kind = str(entity["kind"])
        names = [str(entity["name"]), *entity.get("aliases", ())]
        if kind == "PERSON":
            return self._full_forms(entity)
        forms = [full_key(n, kind) for n in names]
        # "the Office of the U.S. Trade Representative" is named by its post ("the U.S. Trade
        # Representative said", "USTR")
        office = "office of the "
        forms += [f.removeprefix(office) for f in forms if f.startswith(office) and len(f.split()) > 4]
        forms += [rest for f in forms if (rest := _without_own_country(f, entity.get("country")))]
        if trusted_country(entity):  # "Commerce Ministry" is "Ministry of Commerce" only within one country
            forms += [v for f in forms if (v := _head_first(f))]
        if kind == "ORG":
            forms += [v for f in forms if (v := _without_company_word(f))]
            forms += [v for n in names if (v := _outlet_of(n))]
        stems = [(f, stem) for f in forms if (stem := party_stem(f))]
        forms += [("member:" if " " not in f else "party:") + stem for f, stem in stems]
        # a party by another of its names ("the Tories" and "the Conservatives", "Lib Dems" and
        # "Liberal Democrats", "GOP" and "Republicans"): one actor, as its stems already fold
        # "Democrats" and "the Democratic Party"; the country must still agree (see _place)
        tables = load_tables()
        forms += ["party:" + p for f in forms if (p := tables.party_name(f))]
        forms += ["acr:" + a for n in names if len(n.split()) > 1 for a in acronyms(n) if len(a) >= 3]
        # "E&Y", "U.S.T.R.": an upper-case word, its letters only ("ey" of "Ernst & Young")
        forms += ["acr:" + _letters(n) for n in names if len(n.split()) == 1 and n.isupper() and len(_letters(n)) >= 2]
        # an international body by its tables code ("ASEAN" and "Association of Southeast Asian
        # Nations", IGOSEAASN); matched only where one name abbreviates the other (see _place)
        forms += ["code:" + c for n in names if (c := _body_code(full_key(n, kind)))]
        return [f for f in dict.fromkeys(forms) if f]

    def _place(self, entity: Mapping[str, Any], seen: str | None) -> None:
        kind = str(entity["kind"])
        forms = self._forms_of(entity)
        names = [str(entity["name"]), *entity.get("aliases", ())]
        middles = {person_parts(n)[1] for n in names} - {()}
        key = None
        for f in (g for form in forms for g in _looked_up(form)):
            # a full personal name is one person whatever country an article gave it (a miscoded
            # country is likelier than a namesake) unless the middle names differ ("George W." and
            # "George H. W. Bush"); other names must agree on the country
            cands = [
                k
                for k in self._forms.get((fold_kind(kind), f), ())
                if (kind == "PERSON" and all(middles_agree(m, n) for m in middles for n in self.actors[k].middles))
                or (
                    kind != "PERSON"
                    and _compatible(self.actors[k], entity.get("country"))
                    and (not f.startswith("code:") or _abbreviated(names, self.actors[k]))
                )
            ]
            if cands:
                key = max(cands, key=lambda k: (len(self.actors[k].articles), k))
                break
        if key is None:
            # the shortest full form names the key ("Hillary Rodham Clinton" a.k.a. "Hillary Clinton")
            if kind == "PERSON":
                names_only = [f for f in forms if not f.startswith("joined:")]
                short = (
                    min(names_only, key=lambda f: (len(f.split()), len(f)))
                    if names_only
                    else clean_key(str(entity["name"]))
                )
            else:  # the name itself, not one of its acronyms
                short = full_key(str(entity["name"]), kind) or (forms[0] if forms else "")
            key = f"{kind}:{short}"
            if key in self.actors and kind == "PERSON":  # a namesake ("george bush": W. and H. W.)
                key = f"{kind}:{person_key(str(entity['name']))}"
            if key in self.actors:  # the same name in another country: a different actor
                key = f"{kind}:{short} ({entity.get('country') or '-'})"
            while key in self.actors:
                key += "'"
            self.actors[key] = Actor(key, str(entity["name"]), kind)
        self.actors[key].middles.update(middles)
        self._attach(key, entity, seen, forms)

    def _attach(self, key: str, entity: Mapping[str, Any], seen: str | None, forms: list[str]) -> None:
        actor = self.actors[key]
        if actor.kind == "NORP" and entity["kind"] == "ORG":
            actor.kind = "ORG"  # one namespace (see fold_kind): an organisation's tag outranks a nationality's
        actor.absorb(entity, seen)
        self.entity_actor[str(entity["id"])] = key
        for f in forms:
            keys = self._forms.setdefault((fold_kind(actor.kind), f), [])
            if key not in keys:
                keys.append(key)
            if actor.kind == "PERSON" and len(f.split()) > 1:
                for word in (f.split()[0], f.split()[-1]):
                    self._surnames.setdefault(word, set()).add(key)

    def _place_surname(self, entity: Mapping[str, Any], seen: str | None) -> None:
        word = full_key(str(entity["name"]), "PERSON")
        # a country the article only guessed (its most-named country) does not rule a person out
        country = trusted_country(entity)
        cands = sorted(
            k
            for k in self._surnames.get(word, ())
            if not self.actors[k].ambiguous and _compatible(self.actors[k], country)
        )
        if len(cands) > 1 and seen:  # "Clinton" in 2010 is the secretary of state, not the 1990s president
            nearest = sorted(cands, key=lambda k: min((_days(seen, d) for d in self.actors[k].dates), default=10**6))
            gaps = [min((_days(seen, d) for d in self.actors[k].dates), default=10**6) for k in nearest]
            if gaps[0] + NEAR_DAYS <= gaps[1]:
                cands = nearest[:1]
        if len(cands) == 1:
            self._attach(cands[0], entity, seen, [])
            return
        key = f"PERSON:{word}" if not cands else f"ambiguous:{word}"
        if key not in self.actors:
            self.actors[key] = Actor(key, str(entity["name"]), "PERSON", ambiguous=bool(cands))
        self._attach(key, entity, seen, [word] if not cands else [])


Dated = tuple[Mapping[str, Any], str | None]
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "SPY": "intelligence", "OPP": "opposition", "PTY": "political parties", "REB": "rebels", "BUS": "business",
    "CVL": "civilians", "MED": "media", "EDU": "academics", "LAB": "labour", "AGR": "agriculture",
    "HLH": "health", "REL": "religious groups", "ELI": "elites", "NGO": "NGOs", "IGO": "international bodies",
    "ENV": "environmental groups", "HRI": "human rights groups", "REF": "refugees", "CRM": "criminals",
}  # fmt: skip


def group_name(key: str) -> str:
    """The display name of a state or group key ("state:CHN" -> "China", "group:USA-GOV" ->
    "United States government")."""
    tables = load_tables()
    body = key.split(":", 1)[1].split("@")[0]
    if key.startswith("state:"):
        return tables.country_name(body)
    country, _, sector = body.partition("-")
    if not sector:  # "group:IGOUNO", "group:GOV@article"
        return SECTOR_NAMES.get(country, country)
    return f"{tables.country_name(country)} {SECTOR_NAMES.get(sector, sector)}"


ACTOR_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP", "ROLE", "FAC"})


def may_be_actor(entity: Mapping[str, Any]) -> bool:
    """An entity of an actor kind with at least one mention used as an actor, whose name is a
    name (no control characters, not only digits and punctuation)."""
    if entity.get("kind") not in ACTOR_KINDS:
        return False
    refused = {(m["start"], m["end"]) for m in entity.get("not_actor") or ()}
    if refused and all((m["start"], m["end"]) in refused for m in entity.get("mentions") or ()):
        return False
    return is_name(str(entity.get("name") or ""))


def fixed_key(entity: Mapping[str, Any]) -> str | None:
    """The key of a state (``state:CHN``: a country, its capital or government acting) or an unnamed
    group of a country and sector (``group:USA-GOV``); None for named people and organisations."""
    country = entity.get("country")
    kind = entity.get("kind")
    if kind == "GPE" and country:
        tables = load_tables()
        key = clean_key(str(entity["name"]))
        hit = tables.country(key)
        if hit is not None and hit.code == country and (hit.names_country(key) or hit.kind == "capital"):
            return f"state:{country}"
        if hit is None and key == clean_key(tables.country_name(country)):
            return f"state:{country}"
        return None
    if kind == "NORP" and country and entity.get("sector") == "PTY":
        return None  # "Democrats": the party, found by its name (see _forms_of), not the state
    if kind == "NORP" and country:
        return f"state:{country}"
    if kind == "NORP" and entity.get("sector") and (region := region_in(str(entity["name"]))):
        return f"group:{region}-{entity['sector']}"  # "European" in "10 European nations": EUR's states
    if kind in ("ORG", "FAC") and (seat := load_tables().seat(clean_key(str(entity["name"])))):
        return f"state:{seat}"  # "the White House", "the Kremlin"
    if (
        kind == "ORG"
        and country
        and clean_key(str(entity["name"])).split()[-1:] in (["administration"], ["government"])
    ):
        return f"state:{country}"  # "the Obama Administration" tagged as an organisation
    if not entity.get("named", True):
        code = str(entity.get("actor_code") or "")
        sector = entity.get("sector")
        if country and sector:
            return f"group:{country}-{sector}"
        if nonstate(code):
            return f"group:{code}"
        region = region_in(str(entity["name"]))
        if region and sector:
            return f"group:{region}-{sector}"  # "European governments" in every article: EUR's
        return f"group:{sector or 'UNK'}@{entity['article_id']}" if sector else None
    return None


def fold_entities(entities: Iterable[Dated]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """(actor rows, entity id -> actor key) for entities in (date, article) order."""
    fold = ActorFold()
    rows = fold.fold(entities)
    return rows, fold.entity_actor
