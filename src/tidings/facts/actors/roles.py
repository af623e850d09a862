"""Roles and CAMEO-style actor codes (country + sector) for entities, and unnamed role-holders.

Roles come from the text only: the title words left of a name inside its noun phrase ("Chinese
Foreign Minister Qin Gang", "Microsoft Corp. co-founder Bill Gates") and appositions ("Kurt Campbell,
the top Asia expert at the National Security Council"). A role phrase is coded by looking up its
n-grams: countries/demonyms/capitals give the country, known organisations give country and sector
(``Microsoft`` -> MNCUSA -> USA/BUS), role nouns give the sector (``roles.tsv`` then PETRARCH agents).
The role noun's sector wins over the organisation's ("co-founder" BUS at Microsoft; "chief" has none,
so "CIA chief" is SPY). A person's country, when the text gives none, comes from (in order) a possessor
("Biden's national security adviser"), a coordinated person ("Chinese Foreign Minister Qin Gang, top
diplomat Wang Yi"), the PETRARCH-2 actor dictionary, or -- for a government title only -- the country
most mentioned in the article (lower confidence).

Unnamed role-holders are noun phrases headed by a role noun with a single country cue and no name
("China's defense minister" -> CHNGOV, "a Chinese foreign ministry spokesperson" -> CHNGOV, "two US
officials" -> USAGOV). Country names alone code as the bare country (CAMEO usage: "China" -> CHN);
capitals used as actors code as the government ("Beijing" -> CHNGOV).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from tidings.facts.actors.names import (
    HONORIFICS,
    clean_key,
    given_name_key,
    person_key,
    plain_person_key,
)
from tidings.facts.actors.tables import NONSTATE, ActorTables, load_tables, nonstate, org_country_sector
from tidings.facts.actors.usage import POST_NOUNS, REGION_CODES, region_in
from tidings.facts.switches import active

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NP_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case", "punct", "quantmod", "advmod"})


@dataclass
class Cluster:
    """An in-article entity under construction (named clusters and unnamed role-holders)."""

    label: str
    spans: list[tuple[int, int]]  # token spans of its name/role mentions, text order
    name: str = ""
    named: bool = True
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    confidence: float = 1.0
    coordinated: set[int] = field(default_factory=set)  # clusters listed alongside (share country)
    possessor: int | None = None  # cluster whose possessive qualifies a role ("Biden's adviser")
    not_actor: set[tuple[int, int]] = field(default_factory=set)  # spans used as a place, qualifier, ...
    head: int = -1  # head token of an unnamed group whose country the context decides
    nouns: list[int] = field(default_factory=list)  # head noun token of each role-holder span
    role_spans: list[tuple[int, int]] = field(default_factory=list)  # "spokesman" of "Gao Feng, spokesman of ..."
    span_labels: dict[tuple[int, int], str] = field(default_factory=dict)  # moved-in spans keep their label


@dataclass(frozen=True)
class PhraseCode:
    country: str | None
    sector: str | None
    org_code: str | None  # a non-state org code found in the phrase (IGOUNO, ...)
    countries: int  # distinct countries cued (a list of several is no single actor)
    head_sector: str | None = None  # the sector of the rightmost cue, role or organisation (a name's head)


def code_phrase(words: Sequence[str], tables: ActorTables, *, longer_name: bool = False) -> PhraseCode:
    """Country/sector cues in a phrase (lower-case words), longest n-grams first, left to right.
    ``longer_name``: the phrase's last word heads a longer proper name (:func:`longer_name_head`),
    read as a common noun of its role, not as the one body the tables name by it alone."""
    countries: list[str] = []
    role_sector: str | None = None
    org_sector: str | None = None
    org_code: str | None = None
    head: str | None = None
    role: str | None = None
    weak = False
    party = shadow = False
    i = 0
    n = len(words)
    while i < n:
        step = 1
        if longer_name and i == n - 1:
            break  # "Trades Union Congress": not the US Congress, nor its sector (rule congress-in-name)
        for size in range(min(6, n - i), 0, -1):
            gram = clean_key(" ".join(words[i : i + size]))
            if not gram:
                continue
            if gram == "shadow":  # "shadow chancellor": the opposition's front bench, a party post
                shadow = True
                break
            hit = tables.country(gram)
            if hit is not None:
                if not (i > 0 and words[i - 1].lower() == "ethnic"):  # "ethnic Albanians": a people
                    countries.append(hit.code)
                step = size
                break
            # a two-letter word is a name only as an intergovernmental body's acronym ("EU", "UN")
            code = tables.known_code(gram) if size > 1 or len(gram) > 2 else _igo_acronym(gram, tables)
            if code is None and size == 1 and words[i][:1].isupper():
                # a capitalised party word alone names the party ("Tory leader", "a Labour source");
                # lower-case it is a common word ("labour costs", "conservative estimates")
                code = tables.party_code(gram)
            if code is not None and not (size == 1 and gram in tables.roles):
                ctry, sec = org_country_sector(code)
                party = party or sec == "PTY"
                if ctry:
                    countries.append(ctry)
                elif nonstate(code):
                    org_code = code
                org_sector = sec if sec not in NONSTATE else org_sector
                head = sec if sec not in NONSTATE else head
                step = size
                break
            sec = tables.role_sector(gram)
            if gram == "general" and i + 1 < n and words[i + 1].isalpha() and words[i + 1] not in STOP_WORDS:
                # "general" before another content word of the phrase is an adjective ("general
                # manager", "General Statistics Office", "General Motors"), a rank only as the head
                # noun ("the North Vietnamese general whose campaigns", "general of the army")
                sec = None
            if sec is not None:
                weak = gram in WEAK_ROLES or gram.rstrip("s") in WEAK_ROLES
                if weak and role_sector and not org_sector:
                    org_sector = role_sector  # "a South Wales Police spokeswoman" speaks for the police
                role_sector = head = sec  # rightmost role noun wins (the head of the title)
                role = gram
                step = size
                break
        i += step
    distinct = list(dict.fromkeys(countries))
    sector = org_sector if weak and org_sector else role_sector or org_sector
    if (shadow and sector in ("GOV", None)) or (party and sector == "GOV" and role in PARTY_OFFICES):
        # an office in a party or in the opposition's shadow cabinet ("Tory leader", "Conservative
        # shadow pensions secretary") is the party's, not the government's (a party's minister,
        # "Labour minister", stays in government)
        sector = head = "PTY"
    return PhraseCode(distinct[0] if distinct else None, sector, org_code, len(distinct), head or sector)


def longer_name_head(words: Sequence[str], tables: ActorTables) -> bool:
    """Rule congress-in-name: the last of the words as written is a one-word name the tables give
    one state's institution ("Congress": USALEG), heading a longer proper name whose word before
    it is capitalised and names no country or party ("Trades Union Congress", "African National
    Congress", "Indian National Congress"): the longer name is a body of its own, and the head is
    only its common noun. A country or party before it keeps the table's body ("U.S. Congress",
    "the Republican Congress"), as does an acronym ("BBC") or a word in lower case ("the new
    Congress")."""
    if len(words) < 2:
        return False
    head, before = words[-1], words[-2]
    if not head[:1].isupper() or head.isupper() or not before[:1].isupper() or before.isupper():
        return False
    key, prev = clean_key(head), clean_key(before)
    code = tables.known_code(key)
    if code is None or not org_country_sector(code)[0] or prev in STOP_WORDS:
        return False
    return tables.country(prev) is None and tables.party_code(prev) is None and tables.known_code(prev) is None


def _igo_acronym(gram: str, tables: ActorTables) -> str | None:
    code = tables.known_code(gram)
    return code if code is not None and code.startswith("IGO") else None


def _subtree_left(root: Token, stop: int) -> list[Token]:
    """Tokens of ``root``'s left dependents' subtrees that sit before token index ``stop``."""
    toks: list[Token] = []
    for child in root.lefts:
        kept = child.dep_ not in ("punct", "cc", "prep", "mark", "aux", "nsubj") or _inner_hyphen(child)
        if child.i < stop and kept:
            toks.extend(t for t in child.subtree if t.i < stop)
    return sorted(set(toks), key=lambda t: t.i)


TITLE_LINK = frozenset({"of", "-", "for"})
# ("party leader", "shadow chancellor": a party's or the opposition's post, see PARTY_OFFICES)
TITLE_WORDS = frozenset(
    {"vice", "deputy", "acting", "former", "chief", "senior", "top", "foreign", "prime", "general", "party", "shadow"}
)
# Professions whose sector is their employer's when the phrase names one ("the top Asia expert at
# the National Security Council" is GOV); alone they keep their own ("Chinese analysts", EDU).
# A spokesperson speaks for whoever the phrase names ("a Labour Party spokesman" is the party's,
# PTY; see the header of roles.tsv); alone the noun stays GOV.
WEAK_ROLES = frozenset(
    {"analyst", "expert", "economist", "researcher", "scholar", "spokesman", "spokeswoman", "spokesperson",
     "spokesmen", "spokeswomen", "spokespeople"}
)  # fmt: skip
# Offices a party confers on its own people (its leadership), which the role table codes by their
# government counterpart: with a party named before them they are the party's ("Conservative
# leader", "Labour chairman", "the party's general secretary"); a minister or an MP is not.
PARTY_OFFICES = frozenset(
    {"leader", "leaders", "deputy leader", "chairman", "chairwoman", "chair", "president", "secretary",
     "general secretary", "treasurer"}
)  # fmt: skip
# Last words of a newspaper's or news agency's name.
MEDIA_WORDS = frozenset(
    {"times", "daily", "post", "news", "journal", "herald", "tribune", "gazette", "telegraph", "chronicle"}
)  # fmt: skip
DESCRIPTIVE = frozenset({"first", "last", "only", "next", "former", "highest-level", "late"})
LIST_GAP = frozenset({"and", "or", "possibly", "also", "including", "as", "well", "on", "in", "at"})


def title_tokens(doc: Doc, start: int, end: int, others: dict[int, int]) -> tuple[list[Token], Token | None]:
    """(title tokens right before the name at tokens [start, end), possessor token).

    Read off the surface, not the parse (which often mis-attaches stacked titles): walk left over
    nouns, adjectives, proper nouns, hyphens and "of" within the sentence, up to a possessive
    ("Biden's") or any other word. ``others`` maps token index -> cluster of other PERSON mentions,
    which end the walk."""
    sent_start = doc[start].sent.start
    toks: list[Token] = []
    possessor: Token | None = None
    i = start - 1
    while i >= sent_start and len(toks) < 10:
        tok = doc[i]
        if (tok.lower_ in ("’s", "'s") or (tok.tag_ == "POS" and tok.text in ("'", "’"))) and i - 1 >= sent_start:
            # "Biden's adviser", "Blackmores' chief executive" (a name ending in s takes a bare apostrophe)
            possessor = doc[i - 1]
            break
        if i in others:
            break
        ok = tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.lower_ in TITLE_LINK or (tok.text == "-" and toks)
        plural = tok.tag_ in ("NNS", "NNPS") and not (toks and toks[0].pos_ == "NOUN")
        if not ok or tok.ent_type_ in ("DATE", "TIME", "CARDINAL") or plural:
            # a plural ("European Union officials President Obama") is no one's title, unless it
            # modifies the title's noun ("shadow pensions secretary", "sports minister")
            break
        if "\n" in tok.whitespace_ or (
            tok.is_upper and len(tok.text) > 3 and tok.i == sent_start and tok.ent_type_ not in ("ORG", "NORP")
        ):
            # a line break or a dateline ("PITTSBURGH President Obama") ends the title; an
            # organisation's acronym opening the sentence is its first word ("UKIP spokesman Mark Croucher")
            break
        toks.insert(0, tok)
        i -= 1
    return _title_core(toks), possessor


def _title_core(toks: list[Token]) -> list[Token]:
    """The title proper of the words before a name: from the last "of"/"for" whose left side is
    no role ("the entirety of President" -> "President"; "Secretary of State" stays), without
    leading words that are neither capitalised nor role or country words."""
    for k in range(len(toks) - 1, -1, -1):
        linked = toks[k].lower_ in ("of", "for") and 0 < k < len(toks) - 1
        after = toks[k + 1] if linked else None
        honorific = after is not None and after.lower_.strip(".") in HONORIFICS  # "a trip to China for Mr."
        if linked and after is not None and (not _role_word(toks[k - 1]) or tables_role(after) or honorific):
            toks = toks[k + 1 :]
            break
    while toks and (
        toks[0].lower_ in TITLE_LINK
        or (toks[0].is_lower and not _role_word(toks[0]))
        or not any(ch.isalnum() for ch in toks[0].text)  # "| President", a stray U+0097
    ):
        toks = toks[1:]
    return toks


def tables_role(tok: Token) -> bool:
    return load_tables().role_sector(tok.lower_) is not None


def _role_word(tok: Token) -> bool:
    tables = load_tables()
    low = tok.lower_
    return tables.role_sector(low) is not None or tables.country(low) is not None or low in TITLE_WORDS


def apposition_tokens(doc: Doc, start: int, end: int, others: dict[int, int]) -> list[Token]:
    """A common-noun apposition right of the name ("Kurt Campbell, the top Asia expert at ...,")."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    sent_end = doc[start].sent.end
    toks: list[Token] = []
    i = end + 1
    while i < sent_end and len(toks) < 16:
        tok = doc[i]
        if tok.text in (",", ";", ".", "(", ")") or tok.pos_ in ("VERB", "AUX") or i in others:
            break
        if tok.is_quote or tok.lower_ in ("who", "which", "that"):
            return []
        toks.append(tok)
        i += 1
    while toks and toks[0].pos_ in ("DET",):
        toks.pop(0)
    if toks and toks[0].pos_ == "CCONJ":
        return []  # "Steven Mnuchin, and other top advisers": a list, not an apposition
    head = next((t for t in toks if t.pos_ == "NOUN"), None)
    if head is not None and head.tag_ == "NNS":
        return []  # "Obama, European Union officials said": other people, not his title
    if any(t.lower_ == "to" for t in toks):  # "advisers to Beijing": where they go, not whose they are
        toks = toks[: next(k for k, t in enumerate(toks) if t.lower_ == "to")]
    if not toks or not any(t.pos_ == "NOUN" for t in toks) or (toks[0].pos_ == "PROPN" and toks[-1].pos_ == "PROPN"):
        return []
    return toks


def title_before_comma(doc: Doc, start: int, end: int, others: dict[int, int]) -> list[Token]:
    """A title set off by a comma before the name, whose apposition the name is ("the Chinese
    foreign minister, Liu Zhenmin, said", "South Korea's president-elect, Moon Jae-in"): the noun
    phrase up to the comma, cut before "to" (an envoy's host is not their country: "the ambassador
    to China, Terry Branstad"); none when the phrase lists or names other people ("China's
    ambassador and Mr. Trump's son-in-law, Jared Kushner")."""
    if start < 2 or doc[start - 1].text != ",":
        return []
    root = doc[start:end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= start - 1 or head.pos_ not in ("NOUN", "PROPN"):
        return []
    if load_tables().role_sector(_hyphenated(head)) is None:
        return []  # a post's noun heads a title ("U.S. unilateral protectionism, Sputnik," is none)
    toks = [t for t in head.subtree if t.i < start - 1]
    if not toks or toks[-1].i != start - 2 or len(toks) != start - 1 - toks[0].i:
        return []  # not one run of words ending at the comma
    if any(t.lower_ in ("and", "or") or t.i in others or t.text in (",", ";") for t in toks):
        return []
    if any(t.lower_ == "to" for t in toks):
        toks = toks[: next(k for k, t in enumerate(toks) if t.lower_ == "to")]
    while toks and toks[0].pos_ == "DET":
        toks.pop(0)
    return toks


def coordinated(doc: Doc, a_end: int, b_start: int) -> bool:
    """Whether only list glue (commas, "and", dates) separates two names in one sentence."""
    if b_start <= a_end or doc[a_end].sent.start != doc[b_start].sent.start or b_start - a_end > 8:
        return False
    gap = doc[a_end:b_start]
    return any(t.text in (",", "and", "or") for t in gap) and all(
        t.is_punct or t.lower_ in LIST_GAP or t.ent_type_ in ("DATE", "TIME") for t in gap
    )


def _words(toks: Sequence[Token], cased: bool = False) -> list[str]:
    """Lower-case words (``cased``: as written, for :func:`code_phrase`, which reads a capitalised
    party word as the party); a hyphenated compound stays one word ("vice-secretary-general" is
    not a "general")."""
    words: list[str] = []
    glue = False
    for t in toks:
        if t.is_punct and t.text not in ("-", "."):
            glue = False
            continue
        if t.text == "-" and words and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_:
            words[-1] += "-"
            glue = True
            continue
        word = t.text if cased else t.lower_
        if glue:
            words[-1] += word
        else:
            words.append(word)
        glue = False
    return words


def _text(toks: Sequence[Token]) -> str:
    if not toks:
        return ""
    doc = toks[0].doc
    return str(doc[toks[0].i : toks[-1].i + 1].text)


def code_named(
    doc: Doc,
    clusters: list[Cluster],
    tables: ActorTables,
    published: str | None = None,
    home: str | None = None,
    publisher: str | None = None,
) -> None:
    """Fill roles, country, sector and actor code of named clusters in place: the article's own
    words first (titles, appositions, "of <country>"), then the office-holder table by the
    article's date (``published``), then the known-actors table, then the people listed with
    them or whose possessive qualifies them; a government title or body, or a news outlet, with no
    country left is of the country the story was filed from (``home``, its dateline), else of the
    article's home country (:func:`article_home`: the one it names clearly most, else its
    publisher's), else of the country the article names most."""
    mention_cluster = {s: n for n, c in enumerate(clusters) for sp in c.spans for s in range(*sp)}
    for c in clusters:
        if c.label == "PERSON":
            _code_person(doc, c, clusters, mention_cluster, tables)
        elif c.label in ("GPE", "NORP", "LOC", "FAC"):
            hit = tables.country(clean_key(c.name))
            if any(s > 0 and doc[s - 1].lower_ == "ethnic" for s, _ in c.spans):
                hit = None  # "ethnic Albanians in Serbia": a people, not a nationality
            if hit is not None:
                c.country = hit.code
                c.sector = "GOV" if hit.kind == "capital" and c.label == "GPE" else None
            elif c.label == "NORP" and (party := tables.party_code(clean_key(c.name))):
                # "Democrats", "Republicans": a party's members (or its adjective) name the party
                # the tables place, as its full name does ("Democratic Party": USAPTY); cut out of
                # a longer name, the longer name's party if the tables know it ("Liberal Democrats")
                longer = _longer_name(doc, c)
                code = party if longer is None else tables.known_code(clean_key(longer))
                if code is not None:
                    c.country, c.sector = org_country_sector(code)
            elif c.label == "NORP" and (known := tables.known_code(clean_key(c.name))) and not nonstate(known):
                c.country, c.sector = org_country_sector(known)  # "the Liberal Democrats": the party the tables know
        else:
            key = clean_key(c.name)
            code = tables.known_code(key)
            if code is None and c.label == "ORG":
                code = tables.party_code(key)  # "Labour", "the Tories": the party, as "Democrats" (one word only)
            if code is None and (seat := tables.seat(key)):
                # rule seat-government: a seat of government the seats table names ("Downing Street
                # said", "Number 10") is its state's government, as the known-actors table codes
                # "the White House" USAGOV and "the Kremlin" RUSGOV; the seats table had only given
                # the cross-article fold its state, leaving the mention without a code. Only as an
                # organisation: tagged a building it is mostly the street ("walking up Downing
                # Street", "the Downing Street grid" in the 150 unlabelled articles)
                code = seat + "GOV"
            if code is not None:
                c.country, c.sector = org_country_sector(code)
                if nonstate(code) and code[:3] != "MNC":
                    c.code = code
            else:
                in_longer = longer_name_head(c.name.split(), tables)
                pc = code_phrase(clean_key(c.name).split(), tables, longer_name=in_longer)
                if pc.countries == 1:  # a name's head decides: "the Islamic Revolutionary Guards Corps" is MIL
                    c.country, c.sector = pc.country, pc.head_sector
                elif pc.org_code is not None:  # "United Nations Security Council": of the UN
                    c.code, c.sector = pc.org_code, pc.org_code[:3]
                else:  # "China's Ministry of Commerce", "the Islamic Revolutionary Guards Corps of Iran"
                    c.country, c.sector = _qualifier_country(doc, c, tables), pc.sector
                    if c.country is None:
                        _regional_or_organ(doc, c, pc, tables)
                if clean_key(c.name).split()[-1:] in ([w] for w in MEDIA_WORDS):
                    c.sector = "MED"  # "Global Times"; the name's head beats its words ("National Business Daily")
            if "party" in clean_key(c.name).split():
                c.country, c.sector = _party_country(doc, c, code, tables), "PTY"
            if c.country is None and c.sector == "MED":
                c.country = tables.publisher_country(c.name, None)  # "The New York Times" -> USA
    for c in clusters:
        if c.label == "PERSON" and c.sector is None:
            _writes_for(doc, c, clusters, mention_cluster)
        if c.label == "PERSON" and c.country is None:
            c.country = _of_country(doc, c, tables)  # "President Vladimir V. Putin of Russia"
        if c.label == "PERSON":  # what the person was on the article's date, where the text is silent
            known = (
                tables.code_on(person_key(c.name), published)  # "george w. bush", not "george bush"
                or tables.code_on(given_name_key(c.name), published)  # "Joseph R. Biden Jr." = "joe biden"
                or tables.known_code(person_key(c.name))
                or tables.known_code(plain_person_key(c.name))  # "Richard Milhous Nixon"
                or _titled_known(c, tables)  # "President Reagan": the dictionary keys titled surnames
            )
            if known is not None:
                country, sector = org_country_sector(known)
                if c.country is None and not nonstate(c.code):  # an IGO officer has none
                    c.country, c.confidence = country, 0.8
                c.sector = c.sector or sector
    for _ in range(2):  # possessors and coordination may depend on each other
        for c in clusters:
            if c.label == "PERSON" and c.country is None and not nonstate(c.code):
                donors = [clusters[n] for n in sorted(c.coordinated)]
                if c.possessor is not None:
                    donors.insert(0, clusters[c.possessor])
                c.country = next((d.country for d in donors if d.country), None)
                c.confidence = 0.8
    for c in clusters:
        if c.label == "PERSON" and c.country is None and not nonstate(c.code) and " " not in c.name.strip():
            # a surname alone ("President Bush", "Mr Brown"): the country of whoever of that name
            # held an office on the article's date, before the story's own country is guessed
            c.country = tables.office_holder_country(clean_key(c.name), published)
            held = tables.office_holder_code(clean_key(c.name), published) if c.sector is None else None
            if held is not None:  # "Mr Blair" in 2004: the prime minister, as his full name would be
                c.sector = org_country_sector(held)[1]
            if c.country is None and c.sector == "GOV":
                # rule titled-surname: a surname under a government title whose office the tables
                # know is of that office's country, not of the publisher's or the story's home
                # ("President Chirac" in a BBC story): in an undated story (the BBC archive) the
                # country every office holder of that name served, else the one country of all
                # known actors whose name ends so
                surname = clean_key(c.name)
                undated = None if published else tables.office_holder_country(surname, None, any_term=True)
                c.country = undated or tables.surname_country(surname)
    dominant = article_home(clusters, home, publisher) or _dominant_country(clusters)
    for c in clusters:
        # a newspaper known only by its name's head word ("National Business Daily"), not an
        # agency the tables know (Reuters reports from everywhere)
        paper = c.label == "ORG" and c.sector == "MED" and tables.known_code(clean_key(c.name)) is None
        home_body = c.sector in HOME_SECTORS or paper or (c.label == "PERSON" and c.sector == "PTY")
        if c.label in ("PERSON", "ORG") and c.country is None and home_body and dominant is not None:
            c.country, c.confidence = dominant, 0.6  # "the Ministry of Commerce", "National Business Daily"
        if c.code is None and c.country:
            c.code = c.country + (c.sector or "") if c.sector not in NONSTATE else c.country


# Sectors of a state's own institutions and of those who hold their posts (government, parliament,
# courts, police): a body or person of one with no country of its own is of the story's home ("the
# House of Commons", "Lord Cullen" the judge in a BBC story); a foreign one is named with its
# country. Companies, experts and civilians are of anywhere; a party is placed by its own name
# only (:func:`_party_country`), but a person holding its post ("party leader Michael Howard") is
# as much of the story's home as an MP.
HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP"})


def _longer_name(doc: Doc, c: Cluster) -> str | None:
    """The longer name a mention was cut out of, when it comes right after a capitalised word that
    modifies it ("Liberal Democrats", "Social Democrat"): another party than the bare word's. (At
    a sentence's head "Senior Democrats" reads so too: left uncoded, as before.)"""
    for start, end in c.spans:
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.is_title and prev.pos_ in ("PROPN", "ADJ") and start <= prev.head.i < end:
            return doc[start - 1 : end].text
    return None


def _titled_known(c: Cluster, tables: ActorTables) -> str | None:
    """The known-actors code of the person's title with the name as written ("President Reagan",
    "Governor Reagan"): the actor dictionary lists office holders by their title and surname, so
    a surname under its title names the one holder the dictionary knows, where the surname alone
    could be anyone's."""
    for role in c.roles:
        code = tables.known_code(clean_key(f"{role} {c.name}"))
        if code is not None:
            return code
    return None


def _regional_or_organ(doc: Doc, c: Cluster, pc: PhraseCode, tables: ActorTables) -> None:
    """An organisation with no country of its own: a body of an intergovernmental organisation
    that qualifies it ("the WTO's Appellate Body", "the Appellate Body of the WTO") is of its
    sector; a government body named by a region's adjective ("the European Central
    Bank") is a regional intergovernmental body (CAMEO IGO + the region), never of the country the
    article names most."""
    for start, end in c.spans:
        root = doc[start:end].root
        quals = [t for t in root.children if t.dep_ in ("poss", "compound", "nmod") and not start <= t.i < end]
        quals += [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        for q in quals:
            ent = next((e for e in doc.ents if e.start <= q.i < e.end and e.label_ == "ORG"), None)
            code = tables.known_code(clean_key(ent.text)) if ent is not None else None
            if code is not None and code.startswith("IGO"):
                # its sector only: the organisation's code would make it the organisation itself
                # across articles (where its unnamed officials join the body of their code)
                c.sector = "IGO"
                return
    region = region_in(c.name)
    if pc.sector == "GOV" and region is not None and clean_key(c.name).startswith(tuple(REGION_CODES)):
        c.code, c.sector = "IGO" + region, "IGO"


def _party_country(doc: Doc, c: Cluster, code: str | None, tables: ActorTables) -> str | None:
    """A political party, or an organ of one ("the Communist Party of China Central Committee"),
    is PTY whether it rules or not (the gold's sector list; PETRARCH codes ruling parties GOV).
    Its country is its known code's, else a country its name or a qualifier names ("Chinese
    Communist Party", "Taiwan's Nationalist Party"); never a company or party word inside the name
    ("the Democratic Progressive Party" is no American firm's, nor the US Democrats'), nor the
    country of the dateline ("HONG KONG — ... the Communist Party"): else none."""
    if code is not None and not nonstate(code):
        return org_country_sector(code)[0]
    words = clean_key(c.name).split()
    for k in range(1, len(words) - 1):  # "the Parliamentary Labour Party": a known party's body
        tail = tables.known_code(" ".join(words[k:]))
        if tail is not None and tail.endswith("PTY") and not nonstate(tail):
            return tail[:3]
    named = {
        hit.code
        for size in (3, 2, 1)
        for i in range(len(words) - size + 1)
        if (hit := tables.country(" ".join(words[i : i + size]))) is not None
    }
    if len(named) == 1:
        return named.pop()
    return _qualifier_country(doc, c, tables) if not named else None


def _qualifier_country(doc: Doc, c: Cluster, tables: ActorTables) -> str | None:
    """The country a possessive, adjective or "of" phrase gives an organisation's name."""
    for start, end in c.spans:
        root = doc[start:end].root
        quals = [t for t in root.children if t.dep_ in ("poss", "amod", "compound", "nmod") and not start <= t.i < end]
        quals += [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        if start > 1 and doc[start - 1].lower_ in ("'s", "’s"):
            quals.append(doc[start - 2])
        for q in quals:
            if q.ent_type_ in ("GPE", "NORP"):
                ent = next((e for e in doc.ents if e.start <= q.i < e.end), None)
                hit = tables.country(clean_key(ent.text if ent is not None else q.text))
                if hit is not None:
                    return hit.code
    return None


WRITING_VERBS = frozenset({"write", "writes", "wrote", "report", "reports", "reported", "reporting"})


def _writes_for(doc: Doc, c: Cluster, clusters: list[Cluster], mention_cluster: dict[int, int]) -> None:
    """A person who writes or reports in or for a news outlet is its journalist ("Steven Lee Myers
    writes in The New York Times"): the outlet's sector (MED) and, if the text gives none, its
    country. Read off the surface (name, verb, "in"/"for", outlet): the parser often hangs a
    trailing credit on the sentence before."""
    for _, end in c.spans:
        if end + 2 >= len(doc) or doc[end].lower_ not in WRITING_VERBS or doc[end + 1].lower_ not in ("in", "for"):
            continue
        for i in (end + 2, end + 3):
            outlet = clusters[mention_cluster[i]] if i in mention_cluster else None
            if outlet is not None and outlet.label == "ORG" and outlet.sector == "MED":
                c.sector, c.country = "MED", c.country or outlet.country
                return


def _of_country(doc: Doc, c: Cluster, tables: ActorTables) -> str | None:
    """The country of an "of" phrase right after the name ("Moon Jae-in of South Korea")."""
    for _, end in c.spans:
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE":
            ent = next((e for e in doc.ents if e.start == end + 1), None)
            hit = tables.country(clean_key(ent.text)) if ent is not None else None
            if hit is not None:
                return hit.code
    return None


def _code_person(
    doc: Doc, c: Cluster, clusters: list[Cluster], mention_cluster: dict[int, int], tables: ActorTables
) -> None:
    me = clusters.index(c)
    others = {i: n for i, n in mention_cluster.items() if n != me and clusters[n].label == "PERSON"}
    for start, end in c.spans:
        title, possessor = title_tokens(doc, start, end, others)
        after = apposition_tokens(doc, start, end, others)
        for toks in (title, after, [] if title else title_before_comma(doc, start, end, others)):
            pc = code_phrase(_words(toks, cased=True), tables)
            if not toks or (pc.sector is None and pc.country is None):
                continue
            role = _text(toks)
            if role and role not in c.roles:
                c.roles.append(role)
            noun = next((t for t in reversed(toks) if t.pos_ == "NOUN" and tables.role_sector(t.lower_)), None)
            if noun is not None and (noun.i, noun.i + 1) not in c.role_spans:
                c.role_spans.append((noun.i, noun.i + 1))  # the title's noun is this person too
            if c.country is None and pc.countries == 1:
                c.country = pc.country
            if _organ_officer(toks, pc) and c.country is None and c.code is None:
                assert pc.org_code is not None
                c.code, c.sector = pc.org_code, pc.org_code[:3]  # "EU Trade Commissioner", "U.N. spokesman"
            if c.sector is None and pc.sector:
                # a former office holder is coded by what they are now (CAMEO ELI, elites)
                c.sector = "ELI" if any(t.lower_ in ("former", "ex", "late") for t in toks) else pc.sector
            if toks is title:  # a titled name in a list of titled names shares their country
                for other, oc in clusters_near(doc, toks[0].i, end, clusters, me):
                    c.coordinated.add(other)
                    oc.coordinated.add(me)
        if possessor is not None and possessor.i in mention_cluster and c.possessor is None:
            c.possessor = mention_cluster[possessor.i]


def _organ_officer(toks: Sequence[Token], pc: PhraseCode) -> bool:
    """The title makes its holder an officer of a non-state organisation it names and no country
    does ("EU Trade Commissioner", "WTO Director-General"): CAMEO codes them by the organisation.
    A post accredited to it ("UN ambassador", "EU envoy") serves a state, which the title leaves out."""
    if pc.org_code is None or pc.countries or pc.org_code[:3] == "MNC" or pc.sector not in (None, "GOV"):
        return False
    return not any(t.lower_ in POST_NOUNS or t.lemma_.lower() in POST_NOUNS for t in toks)


def clusters_near(doc: Doc, start: int, end: int, clusters: list[Cluster], me: int) -> list[tuple[int, Cluster]]:
    """PERSON clusters listed right before/after the name (coordination, both directions)."""
    found: list[tuple[int, Cluster]] = []
    for n, other in enumerate(clusters):
        if n == me or other.label != "PERSON":
            continue
        for s, e in other.spans:
            title = _title_start(doc, s, e)
            if title < s and (coordinated(doc, e, start) or coordinated(doc, end, title)):
                found.append((n, other))
                break
    return found


def _title_start(doc: Doc, start: int, end: int) -> int:
    toks, _ = title_tokens(doc, start, end, {})
    return toks[0].i if toks else start


def article_home(clusters: Sequence[Cluster], dateline: str | None, publisher: str | None) -> str | None:
    """The country an article's unplaced officials belong to: its dateline's; else its publisher's
    home country (``publisher``: "the Ministry of Commerce" of a Chinese paper's story about US
    tariffs is China's; a Mexican paper's story naming the US as often as Mexico quotes Mexico's
    minister; a South African paper's budget story names no country at all), unless the article
    never names the publisher's country and names another clearly most (three mentions or more,
    60% of all country mentions): a foreign story (a British broadcaster's story about Indonesia
    is about Indonesia's government)."""
    if dateline is not None:
        return dateline
    counts = _country_mentions(clusters)
    if counts and (publisher is None or counts[publisher] == 0):
        (top, n), total = counts.most_common(1)[0], sum(counts.values())
        if n >= 3 and n >= 0.6 * total:
            return top
    return publisher


def _country_mentions(clusters: Sequence[Cluster]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for c in clusters:
        if c.label in ("GPE", "NORP") and c.country:
            counts[c.country] += len(c.spans)
    return counts


def _dominant_country(clusters: Sequence[Cluster]) -> str | None:
    """The country most mentioned by name, demonym or capital (the article's home country)."""
    counts = _country_mentions(clusters)
    return counts.most_common(1)[0][0] if counts else None


def _inner_hyphen(tok: Token) -> bool:
    """A hyphen inside one word ("president-elect"): no space on either side."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _hyphenated(tok: Token) -> str:
    """The lower-case hyphenated word ending at ``tok`` ("president-elect", "vice-secretary-general")."""
    i = tok.i
    while i >= 2 and _inner_hyphen(tok.doc[i - 1]):
        i -= 2
    return tok.doc[i : tok.i + 1].text.lower()


def _contiguous(left: list[Token], head: Token) -> list[Token]:
    """The left modifiers that run without a gap, line break or stray punctuation up to ``head``."""
    run: list[Token] = []
    expect = head.i - 1
    for tok in reversed(left):
        if tok.i != expect or "\n" in tok.whitespace_ or "\n" in tok.text:
            break
        if tok.is_punct and tok.text not in ("-", "’", "'"):
            break
        run.insert(0, tok)
        expect -= 1
    return run


GROUP_HEADS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "police", "military", "army"})


def find_role_holders(doc: Doc, taken: set[int], tables: ActorTables, people: set[int] | None = None) -> list[Cluster]:
    """Unnamed role-holders: NPs headed by a role noun with one country cue and no name
    ("China's defense minister"); with several coordinated cues, one group per country ("Chinese
    and American officials"); with none, groups and officials whose country the article's context
    must give ("officials in the Obama administration", "the official": ``country`` None, ``head``
    set; :mod:`tidings.facts.entities.uses` resolves or drops them)."""
    found: dict[str, Cluster] = {}
    for tok in doc:
        # a role word the tagger calls an adjective in a noun's slot is a noun ("to kill Iran's
        # most powerful general")
        nominal = tok.pos_ == "NOUN" or (tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))
        if not nominal or tok.i in taken or tok.dep_ in ("compound", "amod", "poss"):
            continue
        if (tok.dep_ == "appos" and tok.head.i in taken) or tok.dep_ == "attr":
            continue  # a name's apposition or a predicate ("He is the highest-level US official")
        if any(c.dep_ == "appos" and c.i in taken for c in tok.children):
            continue  # "North Korea's leader, Kim Jong-un": the named person
        if tok.dep_ == "conj" and tok.head.dep_ == "attr":
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            continue  # "as the chief diplomat of the United States": what a person is, not who acts
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "inside", "into", "within"):
            continue  # "held in separate prisons in northern China", "at the embassy": a place
        # the last part of a hyphenated word is no head of its own ("general" of "vice-secretary-
        # general"), unless the whole word is a role its modifiers reach ("the U.S. president-elect")
        whole = _hyphenated(tok) if tok.i > 1 and _inner_hyphen(doc[tok.i - 1]) else None
        if whole is not None and not tables.role_sector(whole):
            continue
        left = _contiguous([t for t in _subtree_left(tok, tok.i) if t.dep_ in NP_DEPS or t.head.i != tok.i], tok)
        if whole is not None and _words([*left, tok])[-1:] != [whole]:
            continue  # a broken parse of the word ("vice", "-", "secretary" as appositions)
        # a person's title ("Blair's spokesman" is his); ``people``: the tokens of mentions the
        # entities stage calls persons, else the tagger's (it tags "Lib Dem" a person)
        if any(t.i in people if people is not None else t.i in taken and t.ent_type_ == "PERSON" for t in left):
            continue
        owned = any(t.dep_ == "poss" and t.ent_type_ in ("GPE", "NORP") for t in left)
        if any(t.lower_ in DESCRIPTIVE or (t.tag_ == "JJS" and not owned) for t in left):
            continue  # "the first secretary of state to ...", "the highest-level official": descriptions
            # (but "Iran's most powerful general" is that country's one role-holder)
        words = _words([*left, tok])
        head_words = words[-3:]
        sector = None
        for size in (3, 2, 1):
            if len(head_words) >= size:
                sector = tables.role_sector(" ".join(head_words[-size:]))
                if sector:
                    break
        if sector is None:
            continue
        # one holder per title, not per head noun: "China's commerce minister" and "China's defense
        # minister" are two people of one sector ("a US official" and "US officials" one group)
        title = " ".join([*head_words[-size:-1], tok.lemma_.lower()])
        weak = tok.lower_ in WEAK_ROLES
        of_pp = [t for t in tok.rights if t.dep_ == "prep" and t.lower_ == "of"]
        # "a spokesman for the British Casino Association" speaks for it: its words are cues (the
        # named body stays its own mention)
        for_pp = [t for t in tok.rights if t.dep_ == "prep" and t.lower_ == "for"] if weak else []
        if not of_pp and sector != "MIL" and code_phrase(words, tables).country is None:
            # "protesters in Hong Kong", "the news media in the United States" (troops are sent abroad)
            of_pp = [t for t in tok.rights if t.dep_ == "prep" and t.lower_ == "in"]
        cue_words = _words([*left, tok], cased=True) + [
            w for p in [*of_pp, *for_pp] for w in _words(_complement_phrase(p), cased=True)
        ]
        pc = code_phrase(cue_words, tables)
        if weak and pc.sector:
            sector = pc.sector  # "a Labour Party spokesman" is the party's (PTY), as in a named title
        if pc.countries > 1:
            _per_country(tok, left, sector, tables, found)
            continue
        if pc.countries == 0 and pc.org_code:  # "NATO peacekeeping troops", "Red Cross officials"
            span_toks = [t for t in [*left, tok] if t.dep_ != "det" and not t.is_punct] or [tok]
            if sector == "GOV":  # "a WTO official" serves the organisation, no government: CAMEO's IGO
                sector = pc.org_code[:3]
            cl = _add(found, f"{pc.org_code}|{tok.lemma_.lower()}|{sector}", _text(span_toks), None, sector,
                      (span_toks[0].i, span_toks[-1].i + 1))  # fmt: skip
            cl.code = pc.org_code
            cl.nouns.append(tok.i)
            continue
        if pc.countries != 1 or pc.country is None:
            if tok.lemma_.lower() in GROUP_HEADS or tok.tag_ in ("NNS", "NNPS"):
                _contextual(doc, tok, left, sector, found)
            continue
        span_toks = [*left, tok]
        if (
            code_phrase(words, tables).country is None and of_pp
        ):  # "the government of Germany", "protesters in Hong Kong"
            span_toks += [t for p in of_pp for t in _complement_phrase(p)]
        while span_toks and (span_toks[0].dep_ == "det" or span_toks[0].is_punct):
            span_toks.pop(0)
        start, end = span_toks[0].i, span_toks[-1].i + 1
        if _beside_name(doc, start, end, taken):
            continue  # "Kim Jong-un, North Korea's leader": the named person, described
        cl = _add(found, f"{pc.country}|{title}|{sector}", _text(span_toks), pc.country, sector, (start, end))
        cl.nouns.append(tok.i)
    return list(found.values())


def _complement_phrase(prep: Token) -> list[Token]:
    """The words of a role noun's of/for/in phrase that can place the role-holder: the phrase's
    own noun phrase and its chain of "of" phrases ("the government of the Republic of Korea"),
    not a further phrase nested in it. "the publication of advice on the legality of the Iraq
    war" is no Iraqi publication: Iraq is in the topic of the advice, two phrases down (it was
    read as the country of an Iraqi media outlet). Rule role-cue-phrase."""
    if not active("role-cue-phrase"):
        return list(prep.subtree)
    keep = []
    for t in prep.subtree:
        node = t
        while node.i != prep.i and not (node.dep_ in ("prep", "relcl", "acl") and node.lower_ != "of"):
            node = node.head
        if node.i == prep.i:
            keep.append(t)
    return keep


def _beside_name(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """The phrase is set off by a comma right after or before a PERSON name (an apposition)."""
    before = (
        start >= 2 and doc[start - 1].text == "," and doc[start - 2].i in taken and doc[start - 2].ent_type_ == "PERSON"
    )
    after = (
        end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].i in taken and doc[end + 1].ent_type_ == "PERSON"
    )
    return before or after


def _add(
    found: dict[str, Cluster], key: str, name: str, country: str | None, sector: str, span: tuple[int, int]
) -> Cluster:
    cl = found.get(key)
    if cl is None:
        found[key] = cl = Cluster("ROLE", [], name=name, named=False)
        cl.country, cl.sector = country, sector
        cl.code = country + sector if country else None
        cl.roles.append(name)
        cl.confidence = 0.9
    cl.spans.append(span)
    return cl


def _per_country(tok: Token, left: list[Token], sector: str, tables: ActorTables, found: dict[str, Cluster]) -> None:
    """ "Chinese and American officials": each nationality word names its own group."""
    if not any(t.lower_ in ("and", "or", ",") for t in left):
        return
    runs: list[list[Token]] = []
    for t in left:
        if t.ent_type_ in ("GPE", "NORP") and runs and runs[-1][-1].i == t.i - 1 and runs[-1][-1].ent_type_:
            runs[-1].append(t)
        elif t.ent_type_ in ("GPE", "NORP"):
            runs.append([t])
    for run in runs:
        hit = tables.country(clean_key(_text(run)))
        if hit is not None:
            key = f"{hit.code}|{tok.lemma_.lower()}|{sector}"
            _add(found, key, f"{_text(run)} {tok.text}", hit.code, sector, (run[0].i, run[-1].i + 1)).nouns.append(
                tok.i
            )


def _contextual(doc: Doc, tok: Token, left: list[Token], sector: str, found: dict[str, Cluster]) -> None:
    """A group or official with no country in its own words: kept for the context to decide."""
    span_toks = [t for t in [*left, tok] if t.dep_ != "det" and not t.is_punct] or [tok]
    while span_toks and span_toks[0].pos_ in ("NUM", "DET"):
        span_toks.pop(0)
    span_toks = span_toks or [tok]
    cl = _add(found, f"?{tok.i}", _text(span_toks), None, sector, (span_toks[0].i, span_toks[-1].i + 1))
    cl.head = tok.i
    cl.nouns.append(tok.i)
