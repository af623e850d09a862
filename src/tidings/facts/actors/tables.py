"""Actor coding tables shipped in ``tidings/data/actors`` (see its README for sources).

* ``countries.tsv`` (+ ``extra_countries.tsv``): name, alias, capital or demonym -> CAMEO country code;
* ``agents.tsv``: PETRARCH-2 agent nouns -> agent code (``defense minister`` -> ``GOVMIL``);
* ``roles.tsv``: our role titles -> sector, consulted before ``agents.tsv``;
* ``known_actors.tsv`` (+ ``extra_actors.tsv``): organisations, institutions and (2014-era) office
  holders -> PETRARCH code (``microsoft`` -> ``MNCUSA``, ``white house`` -> ``USAGOV``);
* ``seats.tsv``: seats of government that stand for their state (``white house`` -> USA);
* ``publishers.tsv``: home countries of news publishers;
* ``word_classes.tsv``: nouns of things, quantities, documents (who may be an actor);
* ``office_terms.tsv``: people's codes by date (``hillary clinton`` GOV 2009-2013, PTY 2015-2016).

Tables are immutable after loading; :func:`load_tables` caches the one shipped set per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

from tidings.facts.actors.names import clean_key, given_name_key, party_stem, person_key

# Codes that are not countries: first three letters of an org code that name its kind.
NONSTATE = frozenset({"IGO", "NGO", "MNC", "ISM", "IMG", "UNO", "EUR"})
SECURITY = ("MIL", "SPY", "COP")


def nonstate(code: str | None) -> bool:
    """Whether an actor code is of a non-state kind (IGO, NGO, MNC, ...): coded, with no country."""
    return (code or "")[:3] in NONSTATE


# Valid role/sector segments: CAMEO actor type codes and PLOVER sector codes (shared events ontology
# cameo_actor_type_codes.csv / plover_sector_codes.csv) plus CAMEO religion codes; PETRARCH's
# agent list has a few others (e.g. PPL) that no coder would expect.
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "SPY",
        "OPP",
        "PTY",
        "REB",
        "INS",
        "SEP",
        "UAF",
        "CRM",
        "CVL",
        "ELI",
        "BUS",
        "AGR",
        "LAB",
        "EDU",
        "MED",
        "HLH",
        "HRI",
        "ENV",
        "DEV",
        "REF",
        "REL",
        "RAD",
        "MOD",
        "PRM",
        "UNK",
        "JRN",
        "PRE",
        "SOC",
        "MUS",
        "CHR",
        "HIN",
        "BUD",
        "JEW",
    ]
)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("tidings.data.actors").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


# PETRARCH-2's agent list codes plain "people" PPL, which is no CAMEO sector: people acting as a
# group are civilians (CVL) in CAMEO and PLOVER.
SECTOR_ALIASES = {"PPL": "CVL"}


def sector_of(agent_code: str) -> str:
    """Primary sector of a (possibly compound) agent code: a security sub-sector wins over GOV
    (``GOVMIL`` -> ``MIL``), otherwise the first segment (``GOVAGR`` -> ``GOV``)."""
    segments = [
        SECTOR_ALIASES.get(agent_code[i : i + 3], agent_code[i : i + 3]) for i in range(0, len(agent_code) - 2, 3)
    ]
    for seg in segments:
        if seg in SECURITY:
            return seg
    valid = [seg for seg in segments if seg in SECTORS]
    return valid[0] if valid else ""


@dataclass(frozen=True)
class CountryHit:
    code: str
    iso3: str
    kind: str  # name | capital | demonym | alias | place (a city or province of the country)

    def names_country(self, key: str) -> bool:
        """The alias names the country itself ("US", "the United States"), not a place in it."""
        return self.kind == "name" or (self.kind == "alias" and (len(key) <= 5 or key.startswith("the ")))


@dataclass(frozen=True)
class ActorTables:
    countries: dict[str, CountryHit]
    agents: dict[str, str]
    roles: dict[str, str]
    known: dict[str, str]
    max_role_words: int
    regions: frozenset[str] = frozenset()  # seas, oceans, regions (keys): LOC, never ORG/PERSON
    seats: dict[str, str] = field(default_factory=dict)  # seat of government -> country code
    terms: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)  # name -> (code, from, to)
    publishers: dict[str, str] = field(default_factory=dict)  # site name or domain -> home country
    names: dict[str, str] = field(default_factory=dict)  # country code -> display name
    parties: dict[str, str] = field(default_factory=dict)  # party stem ("democrat") -> the party's code
    party_names: dict[str, str] = field(default_factory=dict)  # "tories" -> "conservative party"
    # surname -> every term of the people under it, built from ``terms`` once at load
    surname_terms: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)  # a known person's last word -> their one country

    def country(self, key: str) -> CountryHit | None:
        hit = self.countries.get(key)
        if hit is None and key.endswith("s") and len(key) > 4:  # "Americans", "Iranians"
            single = self.countries.get(key[:-1])
            return single if single is not None and single.kind == "demonym" else None
        return hit

    def publisher_country(self, site: str | None, url: str | None) -> str | None:
        """The home country of a publisher, by its site name or its web domain."""
        if site and (code := self.publishers.get(clean_site(site))):
            return code
        host = (url or "").split("//", 1)[-1].split("/", 1)[0].lower()
        while host:
            if host in self.publishers:
                return self.publishers[host]
            host = host.partition(".")[2] if "." in host else ""
        return None

    def known_code(self, key: str) -> str | None:
        return self.known.get(key)

    def party_code(self, key: str) -> str | None:
        """The code of the country's party a one-word name calls by its members or its adjective
        ("democrats", "democratic", "republicans": the known "democratic party", "republican
        party", USAPTY); None for any other word."""
        stem = party_stem(key) if " " not in key else None
        return self.parties.get(stem) if stem else None

    def party_name(self, key: str) -> str | None:
        """The party a name calls by another of its names ("tories", "lib dems", "gop": the
        Conservative Party, the Liberal Democrats, the Republican Party; party_names.tsv)."""
        return self.party_names.get(key)

    def seat(self, key: str) -> str | None:
        """The country whose government a seat stands for ("white house" -> USA)."""
        return self.seats.get(key[4:] if key.startswith("the ") else key)

    def code_on(self, key: str, day: str | None) -> str | None:
        """A person's code on ``day`` (ISO date) from ``office_terms.tsv``: the term that holds
        it; after a term and outside any other, a former office holder (``ELI``); before the
        first, the country alone. Without a day, the latest term's code; None for anyone else."""
        rows = self.terms.get(key)
        if not rows:
            return None
        if not day:
            return max(rows, key=lambda r: r[1])[0]
        day = day[:10]
        for code, start, end in rows:
            if (not start or start <= day) and (not end or day < end):
                return code
        country = rows[0][0][:3]
        return country + "ELI" if any(end and end <= day for _, _, end in rows) else country

    def surname_country(self, surname: str) -> str | None:
        """The one country every known actor (dictionary and our tables) whose name ends in this
        word (lower-case) serves ("chirac": FRA; "clarke": none, British and Barbadian); None
        when they serve several or none."""
        return self.surnames.get(surname) or None

    def office_holder_country(self, surname: str, day: str | None, any_term: bool = False) -> str | None:
        """The country of whoever ``office_terms.tsv`` has in a term on ``day`` under this surname
        (lower-case), if they all serve one country ("Bush" in 2004: the United States);
        ``any_term``: of whoever held any term under it, for an undated story."""
        found = {code[:3] for code in self._codes_on(surname, day, any_term)}
        return found.pop() if len(found) == 1 else None

    def office_holder_code(self, surname: str, day: str | None) -> str | None:
        """The code of the office held on ``day`` under this surname, if every term then held
        under it has one code ("Blair" in 2004: GBRGOV, the prime minister); None otherwise."""
        found = set(self._codes_on(surname, day, False))
        return found.pop() if len(found) == 1 else None

    def _codes_on(self, surname: str, day: str | None, any_term: bool) -> list[str]:
        if not day and not any_term:
            return []
        day = (day or "")[:10]
        return [
            code
            for code, start, end in self.surname_terms.get(surname, ())
            if any_term or ((not start or start <= day) and (not end or day < end))
        ]

    def country_name(self, code: str) -> str:
        """A display name for a country code ("CHN" -> "China")."""
        return self.names.get(code, code)

    def role_sector(self, phrase: str) -> str | None:
        """Sector of a role phrase (lower-case): our table first, then PETRARCH agents, each
        also tried in the singular ("officials", "companies")."""
        plural = phrase[:-3] + "y" if phrase.endswith("ies") else phrase[:-1] if phrase.endswith("s") else ""
        tail = (
            phrase.split("-", 1)[1] if "-" in phrase.strip("-") and " " not in phrase else ""
        )  # "vice-secretary-general"
        for cand in (phrase, plural, *([tail] if tail else [])):
            if not cand:
                continue
            if cand in self.roles:
                return self.roles[cand]
            if cand in self.agents:
                return sector_of(self.agents[cand]) or None
        if phrase.endswith("-elect") and self.role_sector(phrase[:-6]):
            # "president-elect", "governor-elect": elected to an office not yet held, a party
            # figure (as office_terms.tsv codes a president-elect)
            return "PTY"
        office, _, general = phrase.rpartition(" ")
        if general in ("general", "generals") and office:
            # "general" after its noun is an adjective, no rank: a "secretary general" holds the
            # noun's office; after a rank word the tables know the general ("major general")
            sector = self.role_sector(office)
            return sector if sector != "MIL" else None
        return None


def org_country_sector(code: str) -> tuple[str | None, str | None]:
    """Split a PETRARCH actor code into (country, sector): ``MNCUSA`` -> (USA, BUS),
    ``USAGOVLEG`` -> (USA, LEG), ``IGOUNO`` -> (None, IGO)."""
    head = code[:3]
    if head == "MNC":
        return (code[3:6] or None), "BUS"
    if head in NONSTATE:
        return None, head
    if head not in country_codes():  # e.g. "MED" for a news agency: a sector, no country
        return None, sector_of(code) or None
    rest = code[3:]
    if not rest:
        return head, None
    segs = [rest[i : i + 3] for i in range(0, len(rest) - 2, 3)]
    if segs[:1] == ["GOV"] and len(segs) > 1 and segs[1] in (*SECURITY, "LEG", "JUD"):
        return head, segs[1]
    return head, sector_of(rest) or None


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(hit.code for hit in load_tables().countries.values())


@functools.lru_cache(maxsize=1)
def load_tables() -> ActorTables:
    """The shipped tables (immutable data, loaded once per process)."""
    countries: dict[str, CountryHit] = {}
    for row in _rows("extra_countries.tsv") + _rows("countries.tsv"):
        if len(row) >= 4:
            countries.setdefault(row[0], CountryHit(row[1], row[2], row[3]))
    # Lookups use clean_key(), which reads "people's" as "people s": each name is also
    # filed under its own clean key so table and text meet on the same normalisation.
    for key, hit in list(countries.items()):
        countries.setdefault(clean_key(key), hit)
    agents = {r[0]: r[1] for r in _rows("agents.tsv") if len(r) >= 2}
    roles = {r[0]: r[1] for r in _rows("roles.tsv") if len(r) >= 2}
    known: dict[str, str] = {}
    for row in _rows("extra_actors.tsv") + _rows("office_holders.tsv") + _rows("known_actors.tsv"):
        if len(row) >= 2:
            known.setdefault(row[0], row[1])
    # a company named by a common word and its legal form ("News Corp", "Citizens Inc") is not
    # filed under the bare word, which phrases use as the word ("a news conference", "Chinese citizens")
    company_words = word_classes().get("companyword", frozenset())
    for key, code in list(known.items()):
        cleaned = clean_key(key)
        if cleaned != key and cleaned in company_words:
            continue
        known.setdefault(cleaned, code)
    longest = max(len(p.split()) for p in (*roles, *agents))
    seats = {r[0]: r[1] for r in _rows("seats.tsv") if len(r) >= 2}
    terms: dict[str, list[tuple[str, str, str]]] = {}
    for r in _rows("office_terms.tsv"):
        if len(r) >= 4:
            short = len(r[0].split()) == 2  # "joe biden" also as "joseph biden"; "george w. bush" only so
            # filed under the person key names are read by too ("George W. Bush" -> "george w bush")
            for key in dict.fromkeys((r[0], person_key(r[0]), given_name_key(r[0]) if short else r[0])):
                terms.setdefault(key, []).append((r[1], r[2], r[3]))
    frozen = {k: tuple(v) for k, v in terms.items()}
    by_surname: dict[str, list[tuple[str, str, str]]] = {}
    for key, rows in frozen.items():
        by_surname.setdefault(key.rsplit(" ", 1)[-1], []).extend(rows)
    publishers = {r[0]: r[1] for r in _rows("publishers.tsv") if len(r) >= 2}
    # a known party of one country, by the stem its members' and its adjective's words share
    # (indexed once: a lookup per name, not a scan of every known actor)
    parties = {
        stem: code
        for key, code in known.items()
        if key.endswith(" party") and code.endswith("PTY") and code[:3] not in NONSTATE and (stem := party_stem(key))
    }
    # the country of each last word of a known actor's name, "" when names of several countries
    # (or a non-state body) end in it: one index, not a scan of every known actor per name
    surnames: dict[str, str] = {}
    for key, code in known.items():
        words = key.split()
        if len(words) >= 2 and words[-1].isalpha():
            country = "" if code[:3] in NONSTATE else code[:3]
            surnames[words[-1]] = country if surnames.get(words[-1], country) == country else ""
    return ActorTables(
        countries,
        agents,
        roles,
        known,
        longest,
        _regions(),
        seats=seats,
        terms=frozen,
        publishers=publishers,
        names=_display_names(countries),
        parties=parties,
        party_names={r[0]: r[1] for r in _rows("party_names.tsv") if len(r) >= 2},
        surname_terms={k: tuple(v) for k, v in by_surname.items()},
        surnames=surnames,
    )


SMALL_WORDS = frozenset({"of", "the", "and"})


def clean_site(site: str) -> str:
    """A site name as the publishers table keys it ("People's Daily Online (English)" -> "people's daily")."""
    low = " ".join(site.lower().replace("’", "'").split())
    for tail in (" (english)", " online"):
        low = low.removesuffix(tail)
    return low


def _display_names(countries: dict[str, CountryHit]) -> dict[str, str]:
    """Per code, the first country-name row of the table of at most two words and five letters
    ("united states", not "united states of america" or "usa"), title-cased; a short form in
    ``extra_countries.tsv`` ("britain", "russia") comes first."""
    rows: dict[str, list[str]] = {}
    for key, hit in countries.items():
        if hit.kind == "name" and "," not in key:
            rows.setdefault(hit.code, []).append(key)
    names: dict[str, str] = {}
    for code, keys in rows.items():
        short = [k for k in keys if len(k.split()) <= 2 and len(k) >= 5]  # "united states", not "usa"
        key = (short or keys)[0]
        names[code] = " ".join(w if w in SMALL_WORDS else w.capitalize() for w in key.split())
    return names


@functools.lru_cache(maxsize=1)
def word_classes() -> dict[str, frozenset[str]]:
    """Our word lists for who may be an actor (``word_classes.tsv``): class -> words."""
    out: dict[str, set[str]] = {}
    for row in _rows("word_classes.tsv"):
        if len(row) >= 2:
            out.setdefault(row[0], set()).update(row[1].split())
    return {k: frozenset(v) for k, v in out.items()}


def _regions() -> frozenset[str]:
    """Region/sea names from the places gazetteer (``tidings/data/geo/regions.tsv``), if shipped."""
    try:
        text = resources.files("tidings.data.geo").joinpath("regions.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset()
    names: set[str] = set()
    for line in text.splitlines()[1:]:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 7 or cols[0] == "name":
            continue
        names.update(n.strip().casefold() for n in [cols[0], *cols[6].split("|")] if n.strip())
    return frozenset(names)
