"""Place-name mentions: spaCy's GPE/LOC/FAC entities and the places news names elsewhere.

The small model misses places that sit inside other names or that it takes for people, and
local news is full of them. Besides GPE/LOC/FAC entities (and the entities stage's mentions of
those kinds) a mention is proposed for

* a place that begins or ends the name of an organisation, building or team ("the Gainesville
  Police Department", "Kanawha County Commission", "University of Georgia", "The Washington
  Post", "Metro Nashville"), or follows its "of" ("the Association of Georgia Educators"), also
  when the model saw no entity there at all;
* a one-word "person" that is a place and is never the surname of anyone named in full
  ("55 Gainesville residents", "Daniel Hufstetler of Roswell");
* a name the model took for an organisation right after a locative preposition ("a restaurant
  in Cross Lanes"), villages and townships included ("Readington Township", "Tewksbury Twp.");
* an organisation whose whole name is a state, country or region ("Karnataka wants ...",
  "Sub-Saharan Africa"), and a one-word person or organisation that is a town or county the
  article marks as a place elsewhere ("in Gainesville" ... "protecting Gainesville"), kept
  only where it lies in the state of another place the article names;
* names listed before "counties"/"parishes" ("Barrow and Jackson counties": each a county);
* the town after a street address ("of 420 Augusta St., Alexandria");
* a dateline inside the text ("... struck by car . ROSWELL - A man ...", "SALINA, Kan. Strong
  winds ...") and a lawmaker's home after the party letter ("Sen. Jane Doe, D-Beachwood",
  "D-McDowell");
* a demonym, which stands for its country or region ("Sudanese officials", "the Syrians",
  "Kurdish fighters"), also joined by a hyphen ("anti-Russian", "the Syrian-Turkish border");
  not inside an organisation's name ("the American Red Cross", "the Indonesian Health
  Ministry"): gold sets disagree on those, and they are no place an event happened.

Never a place or people that names a disease ("Marburg virus", "Lyme disease", "Spanish flu").

Every proposal must name something the gazetteer knows; resolution (``toponyms.resolve``) then
picks which place. A proposal carries the name to look up when it differs from the words
("Barrow" in a list of counties is looked up as "Barrow County").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from tidings.facts.places.gazetteer import Gazetteer, name_key
from tidings.facts.places.toponyms import candidates_for, clean_name, township_base
from tidings.nlp import doc_text, english_adjectives

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _words(block: str) -> list[str]:
    return block.split()


PLACE_LABELS = ("GPE", "LOC", "FAC")
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"})
# Kinds of gazetteer entry a name inside another name may stand for.
PLACE_KINDS = frozenset({"country", "adm1", "adm2", "capital", "city", "region", "sea", "island"})
# Kinds of place an organisation's whole name may be ("Karnataka wants ...").
WIDE_KINDS = frozenset({"country", "adm1", "region", "sea", "island"})
# Demonyms that, inside a US name, are mostly another sense ("Indian River", "Indian Trail").
AMBIGUOUS_DEMONYMS = frozenset({"Indian", "Native"})
# A first word that qualifies the place after it ("Metro Nashville", "Greater Atlanta").
LEAD_MODIFIERS = frozenset(
    _words(
        """
        metro greater metropolitan downtown northern southern eastern western central suburban
        rural upstate north south east west northeast northwest southeast southwest
        """
    )
)
# Words that, right after a place name, make the run an institution or group of that place
# (needed where the model saw a person or nothing: "McMinn County Sheriff", "Flemington Elks").
INSTITUTION_WORDS = frozenset(
    _words(
        """
        police sheriff sheriff's sheriffs county city town township twp borough village council
        department fire school schools high middle elementary university college state chamber
        board club hospital medical library park parks recreation airport court courthouse circuit coroner jail
        commission commissioners commissioner public transit herald times news post journal
        tribune gazette star observer daily festival church center centre museum zoo symphony
        historical society authority regional municipal mayor manager superintendent residents
        resident native natives republican republicans democrat democrats democratic party elks
        lions rotary scouts guides film riding environmental services adult education office
        bureau agency utilities water electric power port harbor harbour turnpike highway area
        region metro division district community volunteer emergency health housing senior
        memorial national international youth arena stadium theater theatre team cathedral mosque
        temple market bank
        """
    )
)
# Street and building words: never a place name on their own ("Street Superintendent").
STREET_WORDS = frozenset(
    _words(
        """
        street avenue road drive lane court boulevard way place hall house plaza square trail
        parkway circle terrace pike row alley union law labor god home world news
        """
    )
)
GENERIC = INSTITUTION_WORDS | LEAD_MODIFIERS | STREET_WORDS
# Prepositions before a one-word name that make it a place rather than a person.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "of", "to", "outside", "around", "across", "into", "toward"})
# Nouns after a one-word name that make it a place ("Gainesville residents", "Newberry home").
PLACE_NOUNS = INSTITUTION_WORDS | frozenset(
    _words(
        """
        home homes man woman men women boy girl teen family families business businesses
        neighborhood streets roads officials leaders voters students parents couple citywide
        countywide
        """
    )
)
_DATELINE = re.compile(
    r"\b([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"(?: \((?:AP|Reuters|AFP|UPI|CNN)\))?\s*(?:—|–|-{1,3})\s*(?=[A-Z\"“])"
)
# "SALINA, Kan. Strong winds ...": a dateline without a dash, told by the AP state abbreviation
_STATE_DATELINE = re.compile(
    r"(?:^|(?<=[.!?\n] ))([A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]+){0,2}), (?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill"
    r"|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.[CDHJMY]|Okla|Ore|Pa|R\.I|S\.[CD]|Tenn|Tex|Va|Vt"
    r"|Wash|W\.Va|Wis|Wyo)\.(?= [A-Z])"
)
_PARTY_HOME = re.compile(r"\b[DRI]-([A-Z][a-z]*\.(?: ?[A-Z][a-z]*\.)*|[A-Z][a-z]+(?:[A-Z][a-z]+)?(?: [A-Z][a-z]+)?)")
# "of 420 Augusta St., Alexandria": the town after a street address (police and court news).
_ADDRESS_TOWN = re.compile(
    r"\b\d+ (?:[NSEW]\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)* (?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Hwy|Street|Avenue|Road|Drive"
    r"|Lane|Court|Way|Circle|Boulevard|Highway|Pike)\.?, ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,.;])"
)
_BASED = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})-based\b")
_COUNTY_LIST = re.compile(
    r"((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,? )+(?:and|or) [A-Z][a-z]+(?: [A-Z][a-z]+)?) (counties|parishes)\b"
)
_NAMED_COUNTY = re.compile(r"(?<![\w.'’-])((?:[A-Z][A-Za-z'’.]*(?: |-)){1,3}(?:County|Parish))\b")

_LIST_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")
_NAME_LIST = re.compile(
    r"(?<![\w.'’-])((?:[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}, )*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2},? "
    r"(?:and|or) [A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?![\w-])"
)


class Proposal(NamedTuple):
    """A place mention: its span and the name to look up (None: the words themselves).
    ``local``: only a place of the article's own area ("a Raytown apartment" is Raytown, Mo.,
    in a Kansas City story; "a Toyota truck" is no town in Japan): the stage keeps it only
    where it lies in the state of another place the article names."""

    start: int
    end: int
    lookup: str | None = None
    local: bool = False


def find_places(doc: Doc, found: Mapping[str, Sequence[Any]], gaz: Gazetteer) -> list[Proposal]:
    """Non-overlapping place mentions, sorted (the longer of two overlapping proposals wins)."""
    text = doc_text(doc)
    finder = _Finder(doc, gaz)
    out: list[Proposal] = []
    for span in _entity_spans(doc, found):
        out.extend(finder.from_entity(span))
    out.extend(finder.from_runs(out))
    out.extend(_county_lists(text, gaz))
    out.extend(_named_counties(text, finder))
    out.extend(_datelines(text, gaz))
    out.extend(_party_homes(text, gaz))
    out.extend(Proposal(m.start(1), m.end(1)) for m in _BASED.finditer(text) if finder.knows(m.group(1)))
    out.extend(
        Proposal(m.start(1), m.end(1)) for m in _ADDRESS_TOWN.finditer(text) if finder.knows(m.group(1), minor=True)
    )
    out.extend(_hyphened(text, _non_overlapping(out), finder))
    out.extend(_coordinated(text, _non_overlapping(out), finder))
    out.extend(_repeats(doc, text, _non_overlapping(out), finder.person_words))
    return [p for p in _non_overlapping(out) if not _DISEASE.match(text, p.end)]


# "Marburg virus", "Lyme disease", "West Nile fever", "Spanish flu": a disease named after a place
# (or people) is no mention of it; news on outbreaks names them all the time.
_DISEASE = re.compile(
    r"(?:['’]s)?\s+(?:(?:hemorrhagic|haemorrhagic|virus|river) )?"
    r"(?:virus|viruses|fever|flu|influenza|disease|encephalitis|strain|variant)\b",
    re.IGNORECASE,
)


_HYPHENED = re.compile(r"(?<![\w’'-])([A-Za-z]+(?:-[A-Za-z]+)+)(?![\w’'-])")


def _hyphened(text: str, props: Sequence[Proposal], finder: _Finder) -> list[Proposal]:
    """Places and demonyms joined by hyphens: "the Syrian-Turkish border", "the Amsterdam-London
    leg", "anti-Russian", "inter-Palestinian". A demonym counts wherever it stands (after a
    lower-case prefix too); a place name only beside another place name; "African-American"
    is a heritage, neither."""
    spans = [(p.start, p.end) for p in props]
    out: list[Proposal] = []
    for m in _HYPHENED.finditer(text):
        parts = [(m.start(1) + w.start(), m.start(1) + w.end()) for w in re.finditer(r"[A-Za-z]+", m.group(1))]
        kinds: list[str | None] = []
        for s, e in parts:
            word = text[s:e]
            if not word[0].isupper() or word.isupper():
                kinds.append(None)
            elif finder.knows_demonym(word):
                kinds.append("demonym")
            elif any(a < e and s < b for a, b in spans) or finder.knows(word, kinds=_PAIR_KINDS):
                kinds.append("place")
            else:
                kinds.append(None)
        words = [text[s:e] for s, e in parts]
        if words[-1] == "American" and words[-2][0].isupper():
            continue  # "African-American", "Irish-American": a heritage, not two places
        if kinds.count("place") < 2:  # "Arab-Israeli": a town Arab, Ala., only beside places
            kinds = [k if k == "demonym" else None for k in kinds]
        for (s, e), kind in zip(parts, kinds, strict=True):
            if kind is not None and not any(a < e and s < b for a, b in spans):
                out.append(Proposal(s, e))
    return out


_PAIR_KINDS = frozenset({"country", "adm1", "capital", "city", "region"})
_OF_KINDS = frozenset({"country", "adm1", "capital", "city", "adm2"})


def _coordinated(text: str, props: Sequence[Proposal], finder: _Finder) -> list[Proposal]:
    """Names listed with a place are places of the same kind ("Cornwall and Kent will see
    decreases" after "in Cornwall"; "Cleveland, Columbus, Dayton and Cincinnati") when the
    gazetteer knows them and nobody in the article bears them as a name."""
    spans = [(p.start, p.end) for p in props]
    out: list[Proposal] = []
    for m in _NAME_LIST.finditer(text):
        names = [(m.start(1) + n.start(), m.start(1) + n.end()) for n in _LIST_NAME.finditer(m.group(1))]
        if not any(a < e and s < b for s, e in names for a, b in spans):
            continue
        for start, end in names:
            if any(a < end and start < b for a, b in spans):
                continue
            while True:  # "Only Cornwall": the known name may follow a capitalised first word
                name = text[start:end]
                person = " " not in name and name.lower() in finder.person_words
                if name.split()[0].lower() not in GENERIC and not person and finder.knows(name):
                    out.append(Proposal(start, end))
                    break
                if " " not in name:
                    break
                start += name.index(" ") + 1
    return out


def _repeats(doc: Doc, text: str, props: Sequence[Proposal], person_words: set[str]) -> list[Proposal]:
    """Other mentions of a name the model took for a place: one sense per article, so
    "Gainesville's mayor" or "protecting Gainesville" is the place found in "in Gainesville",
    even where the model saw a person. Not inside a person's full name ("Jackson" in
    "Lisa Jackson"), nor a one-word name someone in the article bears ("Jackson said")."""
    # Only names the model itself took for a place somewhere: a name our looser rules found
    # once ("SOS Children's Villages") is not trusted everywhere.
    model = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC")}
    names = {text[p.start : p.end] for p in props if p.lookup is None and (p.start, p.end) in model}
    names = {n for n in names if len(n) >= 4}
    names = {n for n in names if n[0].isupper() and n.split()[0].lower() not in GENERIC}
    names = {n for n in names if " " in n or n.lower() not in person_words}
    if not names:
        return []
    # Inside another kind of name the entity rules have already judged it ("China Daily").
    people = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if (e.label_ == "PERSON" and len(e) > 1) or e.label_ not in ("PERSON", *PLACE_LABELS)
    ]
    taken = [(p.start, p.end) for p in props]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w.'’-])(" + alternatives + r")(?![\w-])")
    out: list[Proposal] = []
    for m in pattern.finditer(text):
        s, e = m.span(1)
        if any(a < e and s < b for a, b in taken) or any(a <= s and e <= b for a, b in people):
            continue
        out.append(Proposal(s, e))
    return out


def _entity_spans(doc: Doc, found: Mapping[str, Sequence[Any]]) -> list[Span]:
    """spaCy's entities plus the entities stage's place mentions (which may relabel one)."""
    spans = [e for e in doc.ents if e.label_ not in NOT_NAMES]
    known = {(e.start_char, e.end_char) for e in spans}
    marked = [(m.start, m.end, getattr(m, "label", None)) for m in found.get("mentions", ())]
    for ent in found.get("entities", ()):
        marked += [(sp.start, sp.end, getattr(ent, "kind", None)) for sp in getattr(ent, "mentions", ())]
    for start, end, label in marked:
        if label in PLACE_LABELS and (start, end) not in known:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                known.add((start, end))
    return spans


class _Finder:
    def __init__(self, doc: Doc, gaz: Gazetteer) -> None:
        self.doc, self.gaz = doc, gaz
        # Words of people named in full: "Jackson" is a person where "Lisa Jackson" is (not
        # where the model took "Huntsville Fire" for a person).
        self.person_words = {
            t.lower_
            for e in doc.ents
            if e.label_ == "PERSON" and len(e) > 1 and not any(w.lower_ in GENERIC for w in e)
            for t in e
            if t.is_alpha
        }
        self.marked = _marked_names(doc)
        # "coach Ripley", "Sgt. Nelson": a name after a rank or role is a person's, whatever the
        # model says (not after "Mr.", which also makes a nickname of a town: "Mr. Springfield")
        self.person_words |= {t.lower_ for t in doc if _capitalised(t) and _after_title(t)}

    def knows(self, name: str, *, kinds: frozenset[str] = PLACE_KINDS, exact: bool = True, minor: bool = False) -> bool:
        """The gazetteer has a place of these kinds by this name (``exact``: as its main name,
        not one of its alternate names, which hold old names and translations; ``minor``:
        villages and post-office names count too, for mentions the text marks as places)."""
        name = clean_name(name)
        keys = {name_key(name)}
        base = township_base(name)
        if base:  # "Readington Township": the town of that name, a village too (the word says "place")
            keys.add(name_key(base))
            minor = True
        # "S.C. Highway Patrol", "Calif. Department of ...": a state's abbreviation is as good as
        # its name (not the short ones that are also titles or words: "Del.", "Ind.", "Pa.")
        state_abbrev = name.count(".") >= 2 or (name.endswith(".") and len(name) >= 5)
        for c in candidates_for(self.gaz, name):
            if c.minor and not minor:
                continue
            same = name_key(c.name.split(",")[0]) in keys or (state_abbrev and c.feature == "adm1" and c.cc == "US")
            if c.feature in kinds and (not exact or same):
                return True
        return False

    def from_entity(self, ent: Span) -> list[Proposal]:
        toks = _strip_det(list(ent))
        if not toks:
            return []
        label = ent.label_
        whole = Proposal(toks[0].idx, _end(toks[-1]))
        if len(toks) == 1 and _after_title(toks[0]):
            return []  # "coach Ripley"
        if label == "NORP":  # a demonym, or a place the model took for one ("a Palmdale park")
            if self._demonym(_text(toks)):
                return [whole]
            lone = len(toks) == 1 and toks[0].pos_ == "PROPN" and self._adjectival(toks[0])
            return [whole._replace(local=True)] if lone else []
        if label in PLACE_LABELS and self.knows(_text(toks), kinds=PLACE_KINDS | {"other"}, exact=False, minor=True):
            return [whole]
        if len(toks) == 1 and self._lone_place_word(toks[0]):
            return [whole]  # "55 Gainesville residents" (a person to the model), "in Frankston" (an org)
        if len(toks) > 1 and self._after_locative(toks[0]) and self._known_whole(toks):
            return [whole]  # "a restaurant in Cross Lanes" (an organisation to the model)
        if len(toks) == 1 and self._adjectival(toks[0]):
            return [whole._replace(local=True)]
        if label == "PERSON" and self.knows(_text(toks), kinds=frozenset({"country", "adm1"})):
            return [whole]  # "Sri Lanka's former president"
        generic = len(toks) == 1 and toks[0].lower_ in GENERIC  # "the Centre" (India's government)
        if label != "PERSON" and not generic and self.knows(_text(toks), kinds=WIDE_KINDS):
            return [whole]  # "Sub-Saharan Africa", "Karnataka wants ..." (an organisation to the model)
        if len(toks) > 1 and self._demonym(_text(toks)):
            return [whole]  # "Sri Lankan President ...": the model saw a person
        county = self._county_base(toks)
        after = ent.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(ent.doc) else None
        if county and after is not None and after.lower_ in PLACE_NOUNS:
            return [whole._replace(lookup=county, local=True)]  # "Pointe Coupee teen"
        inside = self._inside(toks, institution_needed=label == "PERSON", other_kind=label not in PLACE_LABELS)
        if not inside and len(toks) <= 3 and self._named_place(toks):
            inside = [whole._replace(local=True)]
        return inside

    def _known_whole(self, toks: list[Token]) -> bool:
        """A several-word name that is a place's own (villages too: a locative marks it) and
        holds no word of a person named in the article nor an institution word."""
        if not _is_name(toks) or any(t.lower_ in self.person_words or t.lower_ in INSTITUTION_WORDS for t in toks):
            return False
        return self.knows(_text(toks), minor=True)

    def _named_place(self, toks: list[Token]) -> bool:
        """A person's or organisation's name (up to three words) that is a town's or county's own
        name, that the article marks as a place elsewhere ("in Gainesville" ... "protecting
        Gainesville"; "in East Bank" ... "East Bank Mayor Chuck Blair") and that is nobody's name
        in the article; the caller keeps it ``local``."""
        if any(t.lower_ in self.person_words or not t.is_title for t in toks):
            return False
        if len(toks) == 1 and toks[0].lower_ in GENERIC:  # "East Bank" is a name, "East" none
            return False
        if name_key(_text(toks)) not in self.marked:
            return False
        return self.knows(_text(toks), kinds=frozenset({"city", "capital", "adm2", "island"}), minor=len(toks) > 1)

    def from_runs(self, taken: Iterable[Proposal]) -> list[Proposal]:
        """Capitalised runs the model gave no entity: places inside institution names, and
        one-word places after a locative preposition."""
        covered = {i for e in self.doc.ents for i in range(e.start, e.end)}
        covered |= {t.i for p in taken for t in self.doc.char_span(p.start, p.end, alignment_mode="expand") or ()}
        out: list[Proposal] = []
        for run in _capitalised_runs(self.doc, covered):
            found = self._inside(run, institution_needed=True)
            lone = len(run) == 1 and run[0].lower_ in GENERIC
            if not found and not lone and self._after_locative(run[0]) and self.knows(_text(run), minor=True):
                found = [Proposal(run[0].idx, _end(run[-1]))]
            out.extend(found)
        return out

    def _inside(self, toks: list[Token], *, institution_needed: bool, other_kind: bool = True) -> list[Proposal]:
        """The place that begins (or, after "of" or a modifier, ends) a longer name; ``other_kind``:
        the longer name is no place's own (an organisation, a work, a person: not "Golden State
        Freeway", "Evergreen Lake")."""
        for k in range(len(toks) - 1, 0, -1):
            head, rest = toks[:k], toks[k]
            if not _is_name(head) or (institution_needed and rest.lower_ not in INSTITUTION_WORDS):
                continue
            if len(head) == 1 and (head[0].lower_ in self.person_words or head[0].lower_ in GENERIC):
                continue  # "Reagan Middle School": named after a person; "City Hall": no place
            if other_kind and len(head) == 1 and self._adjective_word(head[0]):
                continue  # "the Supreme Court", "Real Madrid", "Moody's Analytics": the word's own sense
            if self.knows(_text(head), minor=name_key(_text(head)) in self.marked):
                return [Proposal(head[0].idx, _end(head[-1]))]
            county = self._county_base(head) if rest.lower_ in INSTITUTION_WORDS else None
            if county:  # "Kanawha Circuit Court", "the Pointe Coupee Sheriff's Office"
                return [Proposal(head[0].idx, _end(head[-1]), county, local=True)]
        of = [i for i, t in enumerate(toks) if t.lower_ == "of"]
        tails = [toks[of[-1] + 1 :]] if of else []
        if toks[0].lower_ in LEAD_MODIFIERS:
            tails.append(toks[1:])
        for tail in tails:
            tail = _strip_det(tail)
            for k in range(len(tail)):
                part = tail[k:]
                if len(part) == 1 and part[0].lower_ in GENERIC:
                    continue
                if part and _is_name(part) and self.knows(_text(part)):
                    return [Proposal(part[0].idx, _end(part[-1]))]
        if of:  # "the Professional Association of Georgia Educators": the place right after "of"
            tail = _strip_det(toks[of[-1] + 1 :])
            for k in range(min(len(tail) - 1, 3), 0, -1):
                part = tail[:k]
                if len(part) == 1 and part[0].lower_ in GENERIC:
                    continue
                if _is_name(part) and self.knows(_text(part), kinds=_OF_KINDS):
                    return [Proposal(part[0].idx, _end(part[-1]))]
        return []

    def _adjective_word(self, tok: Token) -> bool:
        """A one-word name heading a longer name of another kind that is an English adjective
        (WordNet's, as the model's lemmatiser carries them) reads as the adjective, titling the
        organisation ("Supreme", "Federal", "Superior", "Real", "Noble", "Centennial"), unless the
        article marks the word as a place elsewhere ("in Mobile": "the Mobile Police") or it is
        a demonym ("the Canadian Press")."""
        if tok.lower_ not in english_adjectives() or name_key(tok.text) in self.marked:
            return False
        return not self.knows_demonym(tok.text)

    def _lone_place_word(self, tok: Token) -> bool:
        """A one-word "person" that is a place: nobody in the article bears it as a name, and
        it stands where places stand ("of Roswell", "in Delano", "Gainesville residents")."""
        if tok.lower_ in self.person_words or tok.lower_ in GENERIC:
            return False
        if self._after_locative(tok):
            return self.knows(tok.text, minor=True)
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return after is not None and after.lower_ in PLACE_NOUNS and self.knows(tok.text)

    def _adjectival(self, tok: Token) -> bool:
        """A one-word name modifying a noun ("a Raytown apartment", "a Palmdale park") that is a
        place and nobody's name here; brands stand there too, so the proposal is ``local``."""
        if tok.lower_ in self.person_words or tok.lower_ in GENERIC:
            return False
        return _modifies_next_noun(tok) and self.knows(tok.text)

    def _county_base(self, toks: Sequence[Token]) -> str | None:
        """ "X County" (or Parish) when the words are a county's name without the word: local
        news leaves it off before an institution ("Kanawha Circuit Court"). Many such names
        are surnames too ("Nelson"), so the caller proposes them as ``local`` only."""
        if len(toks) == 1 and (toks[0].lower_ in self.person_words or toks[0].lower_ in GENERIC):
            return None
        if not _is_name(toks) or toks[-1].lower_ in ("county", "parish"):
            return None
        for unit in ("County", "Parish"):
            name = f"{_text(toks)} {unit}"
            if self.knows(name, kinds=frozenset({"adm2"})):
                return name
        return None

    def _after_locative(self, tok: Token) -> bool:
        return tok.i > 0 and self.doc[tok.i - 1].lower_ in LOCATIVE_PREPS

    def knows_demonym(self, word: str) -> bool:
        """A singular demonym the gazetteer ties to a country or region ("Syrian", "European")."""
        return word not in AMBIGUOUS_DEMONYMS and self._demonym(word, plural=False)

    def _demonym(self, text: str, *, plural: bool = True) -> bool:
        name = clean_name(text)
        if self.gaz.demonym(name) is not None:
            return True
        return plural and name.endswith("s") and self.gaz.demonym(name[:-1]) is not None


def _modifies_next_noun(tok: Token) -> bool:
    """ "a Raytown apartment", "his Godfrey funeral business": a name between an article (or
    possessive, or adjective) and the common noun it modifies."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        before is not None
        and after is not None
        and tok.is_title  # not an acronym ("the EU project") nor a common word
        and before.pos_ in ("DET", "PRON", "ADJ")
        and before.dep_ in ("det", "poss", "amod")
        and tok.dep_ in ("compound", "amod", "nmod")
        and after.pos_ == "NOUN"
        and after.is_lower
    )


TITLES = frozenset(_words("sgt. lt. capt. cpl. det. officer detective deputy trooper coach"))


def _after_title(tok: Token) -> bool:
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.text == "." and tok.i > 1:  # "Sgt" "." "Nelson"
        return tok.doc[tok.i - 2].lower_ + "." in TITLES
    return before is not None and before.lower_ in TITLES


def _marked_names(doc: Doc) -> set[str]:
    """Keys of the names the text itself marks as places: place entities and capitalised names
    right after a locative preposition ("in East Bank"). A village or post-office name the
    article marks so is that place inside other names too ("East Bank Middle School")."""
    marked = {name_key(e.text) for e in doc.ents if e.label_ in PLACE_LABELS}
    for tok in doc:
        if tok.lower_ not in LOCATIVE_PREPS:
            continue
        run = list(itertools.takewhile(_capitalised, doc[tok.i + 1 : tok.i + 4]))
        after = doc[run[-1].i + 1] if run and run[-1].i + 1 < len(doc) else None
        if not run or any(t.ent_type_ not in ("", *PLACE_LABELS) for t in run):
            continue  # "at Dow Chemical": the start of another kind of name
        if after is None or not (_capitalised(after) or after.like_num):  # "in Section 2AA": not a whole name
            marked.add(name_key(_text(run)))
    return marked


def _strip_det(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in ("'s", "’s")):
        toks = toks[:-1]
    return toks


_ABBREV = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][a-z]{0,3}\.$")  # "U.S.", "N.J.", "Va."


def _is_name(toks: Sequence[Token]) -> bool:
    """Capitalised words (and abbreviations) only."""
    return all(_capitalised(t) or _ABBREV.match(t.text) for t in toks)


def _capitalised(tok: Token) -> bool:
    """A word that begins with a capital: "Gainesville", "ROSWELL", and "McLean" or "DeKalb"
    (which ``str.istitle`` refuses)."""
    return tok.is_alpha and tok.text[0].isupper()


def _text(toks: Sequence[Token]) -> str:
    return doc_text(toks[0].doc)[toks[0].idx : _end(toks[-1])]


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _capitalised_runs(doc: Doc, covered: set[int]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    run: list[Token] = []
    for tok in doc:
        name_like = _capitalised(tok) and tok.i not in covered
        name_like = name_like and (tok.pos_ == "PROPN" or tok.i != tok.sent.start)
        if name_like:
            run.append(tok)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _county_lists(text: str, gaz: Gazetteer) -> list[Proposal]:
    """ "Barrow and Jackson counties": every name of the list is a county (or parish)."""
    out: list[Proposal] = []
    for m in _COUNTY_LIST.finditer(text):
        unit = "County" if m.group(2) == "counties" else "Parish"
        for name in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", m.group(1)):
            lookup = f"{name.group(0)} {unit}"
            if gaz.candidates(lookup):
                out.append(Proposal(m.start(1) + name.start(), m.start(1) + name.end(), lookup))
    return out


def _named_counties(text: str, finder: _Finder) -> list[Proposal]:
    """ "Madison County", "Pointe Coupee Parish": a county named in full is a place wherever it
    stands, also where the model ran it into another name ("Decatur McLean County Coroner")."""
    out: list[Proposal] = []
    for m in _NAMED_COUNTY.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        for w in words[:-1]:  # the longest name the gazetteer knows ("St. Louis County", not "Louis County")
            name = text[m.start(1) + w.start() : m.end(1)]
            if w.group(0) not in ("The", "A", "An") and finder.knows(name, kinds=frozenset({"adm2"})):
                out.append(Proposal(m.start(1) + w.start(), m.end(1)))
                break
    return out


def _datelines(text: str, gaz: Gazetteer) -> list[Proposal]:
    """ "ROSWELL - A man ...", and "SALINA, Kan. Strong winds ..." (no dash: the state says it)."""
    out: list[Proposal] = []
    for m in _STATE_DATELINE.finditer(text):
        if gaz.candidates(m.group(1)):
            out.append(Proposal(m.start(1), m.end(1)))
    for m in _DATELINE.finditer(text):
        name = m.group(1).strip(" .-")
        if len(name) >= 3 and gaz.candidates(name):
            out.append(Proposal(m.start(1), m.start(1) + len(name)))
    return out


def _party_homes(text: str, gaz: Gazetteer) -> list[Proposal]:
    """ "Linda Sumner, R-Raleigh": a lawmaker's party and home district."""
    out: list[Proposal] = []
    for m in _PARTY_HOME.finditer(text):
        if text[max(0, m.start() - 2) : m.start()] not in (", ", "(") and text[m.start() - 1 : m.start()] != "(":
            continue
        if candidates_for(gaz, m.group(1)):
            out.append(Proposal(m.start(1), m.end(1)))
    return out


def _non_overlapping(props: list[Proposal]) -> list[Proposal]:
    out: list[Proposal] = []
    for p in sorted(props, key=lambda p: (p.start, -(p.end - p.start))):
        if not out or p.start >= out[-1].end:
            out.append(p)
    return out
