"""Whether a mention of a country, city or nationality stands for an actor where it is used.

"China said" and "talks with China" name an actor; "talks in China", "Chinese goods" and "President
Xi Jinping of China" do not: the same name is a place, an adjective of a thing, or a qualifier of
another name there. :func:`mention_use` reads this off the mention's place in the parse and returns
a :data:`USES` value; everything but ``actor`` and ``state`` is a refusal with its reason.

Rules (in order), for the mention's syntactic head (the first conjunct for a coordination, so
"between the United States and China" and "in Syria, Iraq and Yemen" are decided together):

* a dateline ("BEIJING, Dec. 16 --") is a place;
* a name after "anti-"/"pro-" ("anti-American statements") is a stance (topic);
* a country set off after a city ("in Brussels, Belgium") is a place;
* a possessive or modifier of a named person or organisation, or of a title or apposition that
  names one ("China's Vice Minister Fu", "Chinese President Xi", "Putin of Russia", "David
  Cameron, Britain's prime minister"), is a qualifier;
* a possessive or modifier of a statistic ("China's GDP", "97 percent of China's imports") is a
  statistic; of another noun that already has a possessor ("the administration's new Afghanistan
  policy") a topic;
* a modifier (not a possessive) of goods, money, places, facilities, documents or events is an
  adjective of a thing ("Chinese goods", "U.S. dollars", "U.S. app stores"); of any other noun it
  names who acts ("U.S. strategy", "American participation", "the U.S. side"); a region's
  adjective of countries or buyers ("Southeast Asian countries", "Asian buyers") names a group;
* the object of a locating preposition ("in", "at", "across") is a place, and so is "from" after
  a movement or goods ("returned from Pyongyang", "oil from Iran", "buy oil from Iran"; but "a
  threat from North Korea" is an actor), and "of" after a place noun ("the province of Aklan");
  "out of" is a place too; "like"/"such as" and "a map/picture of" make a topic, "ambassador to Japan" a post;
* anything else (subject, object, possessor of an act, "with", "against", "on", "between",
  "to", "of" an act) is an actor.

A capital or seat of government used as an actor stands for its state (``state``: "Beijing
said", "the White House announced").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.facts.actors.names import clean_key
from tidings.facts.actors.tables import word_classes
from tidings.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.facts.actors.tables import ActorTables

USES = ("actor", "state", "place", "qualifier", "thing", "statistic", "topic", "post", "dateline")
REFUSED = frozenset(USES) - {"actor", "state"}

LOCATING = frozenset(
    {"in", "at", "inside", "within", "across", "throughout", "near", "around", "outside", "into",
     "beyond", "via", "through", "above", "below", "off", "along"}
)  # fmt: skip
TOPICAL = frozenset({"like", "as", "than", "about", "regarding", "concerning"})
# Our word lists (data/actors/word_classes.tsv): nouns of things a nationality or country only
# describes ("Chinese goods", "U.S. dollars"; any other noun it modifies is an act, stance or body
# of that country: "U.S. strategy", "the U.S. side"), of quantities ("China's GDP growth"), heads
# that make "from X" a place ("returned from Pyongyang", "oil from Iran"), and head nouns of names
# of documents, plans and events ("the U.S. Trade Act", "the Free Trade Area of the Asia-Pacific").
WORDS = word_classes()
THING_NOUNS, STATISTIC_NOUNS = WORDS["thing"], WORDS["statistic"]
MOTION_VERBS, GOODS_NOUNS, DOCUMENT_NOUNS = WORDS["motion"], WORDS["goods"], WORDS["document"]
ACT_NOUNS = WORDS["act"]
COUNTRY_GROUPS = frozenset(
    {"country", "nation", "state", "partner", "ally", "member", "importer", "exporter", "economy", "power",
     "government", "neighbor", "neighbour", "rival", "signatory", "party", "buyer", "supplier"}
)  # fmt: skip
# Adjectives of regions: a group they qualify spans several countries ("European governments")
REGION_ADJECTIVES = frozenset(
    {"european", "asian", "african", "arab", "western", "nordic", "scandinavian", "baltic", "balkan", "gulf",
     "latin", "pacific", "caribbean", "mideast"}
)  # fmt: skip
# The CAMEO region code a group named by a region's adjective acts as ("European countries": EUR),
# from the CAMEO codebook's regional actor codes (Schrodt, CAMEO manual 1.1b3, ch. 4); regions
# without a code ("Arab", "Baltic", "Pacific") stay uncoded
REGION_CODES = {
    "european": "EUR", "asian": "ASA", "african": "AFR", "western": "WST", "nordic": "SCN",
    "scandinavian": "SCN", "balkan": "BLK", "gulf": "PGS", "latin": "LAM", "caribbean": "CRB",
    "mideast": "MEA", "southeast asian": "SEA", "south asian": "SAS", "central asian": "CAS",
    "latin american": "LAM", "east african": "EAF", "west african": "WAF", "north african": "NAF",
    "eastern european": "EEU", "central european": "CEU",
}  # fmt: skip


def region_code(name: str) -> str | None:
    """The CAMEO region code of a region's adjective ("Southeast Asian": SEA, "European": EUR)."""
    key = clean_key(name)
    return REGION_CODES.get(key) or REGION_CODES.get(key.rsplit(" ", 1)[-1])


def region_in(name: str) -> str | None:
    """The CAMEO region code of a region's adjective anywhere in a group's name ("European
    governments", "10 European nations": EUR, "Southeast Asian nations": SEA), longest adjective
    first; :func:`region_code` reads a name that is the adjective itself."""
    words = clean_key(name).split()
    for size in (2, 1):
        for k in range(len(words) - size + 1):
            if (code := REGION_CODES.get(" ".join(words[k : k + size]))) is not None:
                return code
    return None


# Nouns of a place an "of" phrase names ("the province of Aklan", "the streets of Hong Kong")
PLACE_NOUNS = frozenset(
    {"province", "city", "town", "village", "region", "county", "district", "island", "outskirts", "suburb",
     "street", "heart", "centre", "center", "capital", "port"}
)  # fmt: skip
# Nouns of a picture of something: what "of" names there is shown, not acting ("the map of China")
DEPICTION_NOUNS = frozenset({"map", "picture", "photo", "photograph", "image", "portrait", "painting", "drawing"})
POST_NOUNS = frozenset({"ambassador", "envoy", "emissary", "representative", "consul", "delegate", "minister"})
STATE_NOUNS = frozenset(
    {"government", "administration", "regime", "authorities", "cabinet", "state", "leadership", "side"}
)
# An upper-case place (maybe with a region: "ST. ANDREWS, Scotland"), then a dash, a date
# ("BEIJING, Dec. 16 (Xinhua) --"), the wide gap old NYT leads keep after a dateline, or the
# sentence's first capitalised word (the gap collapsed). U+0096/U+0097 are dashes of a page
# decoded as Latin-1 instead of cp1252.
_DATELINE = re.compile(
    r"[ \t]*((?:[A-Z][A-Z.'-]+)(?: [A-Z][A-Z.'-]+)*(?:, (?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*)*)?)"
    r"(?=[ \t]{2,}|[ \t]*(?:[—–\x96\x97]|--)|, [A-Z][a-z]{2,4}\.? \d{1,2}\b| (?:The|A|An|[A-Z][a-z]+) "
    r"| \([A-Z][\w ]*\)[ \t]*(?:[—–_\x96\x97-]|--))"
)


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _names_named(tok: Token, named: frozenset[int]) -> bool:
    """``tok`` is a named person/organisation, a title or apposition of one ("Minister" in
    "Vice Minister Fu Ziying", "minister" in "David Cameron, Britain's prime minister", "leader"
    in "Kim Jong-un, North Korea's leader", where the parser hangs the name on the title)."""
    if tok.i in named:
        return True
    if any(c.i in named and c.dep_ in ("appos", "compound", "flat", "nmod") for c in tok.children):
        return True
    return tok.dep_ in ("appos", "compound") and tok.head.i in named


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """The mention sits in a dateline opening a paragraph: an upper-case place, maybe a region,
    then a dash, a date, a wide gap or an agency's credit ("BEIJING, Dec. 16 (Xinhua) --", "KHARTOUM,
    Sudan  The", "VATICAN CITY (AP) _")."""
    text = doc_text(doc)
    begin = doc[start].idx
    para = text.rfind("\n", 0, begin) + 1
    if begin - para > 60:
        return False
    found = _DATELINE.match(text, para, min(len(text), para + 120))
    return found is not None and found.start(1) <= begin and doc[end - 1].idx + len(doc[end - 1].text) <= found.end(1)


def names_document(doc: Doc, start: int, end: int) -> bool:
    """A capitalised name whose head noun is a document, plan, event or product ("the U.S. Trade
    Act", "Advancing Regional Economic Integration"), or an acronym the article spells out as one
    ("a free trade agreement (FTA)")."""
    span = doc[start:end]
    if end - start > 1:
        return any(t.lemma_.lower() in DOCUMENT_NOUNS or t.lower_ in DOCUMENT_NOUNS for t in (span.root, span[-1]))
    word = span.text.strip(".")
    if not (word.isupper() and 2 <= len(word) <= 6):
        return False
    letters = [ch.lower() for ch in word if ch.isalpha()]
    words = [t for t in doc[max(0, start - 400) : start] if t.is_alpha]
    for k in range(len(words) - len(letters), -1, -1):  # the nearest spelled-out form before it
        run = words[k : k + len(letters)]
        if [t.lower_[0] for t in run] == letters and run[-1].i - run[0].i < 2 * len(letters):
            return run[-1].lemma_.lower() in DOCUMENT_NOUNS
    return False


def _thing_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (tok.lower_ in THING_NOUNS or tok.lemma_.lower() in THING_NOUNS)


def names_thing_of(doc: Doc, start: int, end: int) -> bool:
    """An organisation's name used for a thing: a name in apposition to or titled by a noun of
    things ("the messaging apps WhatsApp and Telegram", "the video app TikTok": products), or a
    modifier of a capitalised document name ("the APEC Strategic Blueprint"). A modifier of a
    gathering stays the organisation ("a United Nations summit": it convenes it)."""
    root = _first_conjunct(doc[start:end].root)
    if root.dep_ == "appos" and not (start <= root.head.i < end):
        return _thing_noun(root.head)
    if any(c.dep_ == "compound" and c.i < start and _thing_noun(c) for c in root.children):
        return True  # "the video app TikTok": the name is titled by its kind of thing
    if root.dep_ not in ("compound", "nmod", "amod") or start <= root.head.i < end:
        return False
    head = root.head
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i and head.pos_ == "PROPN":
        head = head.head  # "the APEC Strategic Blueprint": the name's last word heads it
    return head.pos_ == "PROPN" and (head.lemma_.lower() in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS)


ACT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ure", "al", "ing", "cy", "ism", "ship", "ity", "age")


def is_act(noun: Token) -> bool:
    """A noun of an act, stance or relation of whoever the modifier names: a nominalisation
    ("participation", "commitment", "withdrawal", "bullying", "policy"), a listed act
    ("threat", "tariffs", "side"), or a noun the event lexicon would read as a trigger."""
    lemma = noun.lemma_.lower()
    return lemma in ACT_NOUNS or noun.lower_ in ACT_NOUNS or (len(lemma) > 5 and lemma.endswith(ACT_ENDINGS))


def _country_of_place(doc: Doc, root: Token, head: Token, tables: ActorTables | None) -> bool:
    """``root`` (a place name set off by a comma after the place ``head``) gives the country or state
    of a place below it: "Brussels, Belgium", "Osaka, Japan", "Bellevue, Wash.". Not when ``head``
    is a country itself ("Brunei, Indonesia, Malaysia": a list of countries the parser hung on the
    first as appositions) nor when the mention names people ("in Kosovo, Serbs, too, are victims")."""
    if head.i >= root.i or head.ent_type_ not in ("GPE", "LOC", "FAC") or root.ent_type_ not in ("GPE", "LOC"):
        return False
    if tables is None:
        return True
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    key = clean_key(ent.text if ent is not None else head.text)
    hit = tables.country(key)
    return hit is None or not hit.names_country(key)


def mention_use(doc: Doc, start: int, end: int, named: frozenset[int], tables: ActorTables | None = None) -> str:
    """How the mention at tokens ``[start, end)`` is used (see the module docstring); ``named``
    holds the token indices of the article's named people and organisations; with ``tables``, a
    modifier of a role noun no group was made of qualifies a person ("a former American president")."""
    if is_dateline(doc, start, end):
        return "dateline"
    span = doc[start:end]
    if span.text.lower().startswith(("anti-", "pro-")) or (
        start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "pro")
    ):
        return "topic"  # "anti-American statements", "pro-Beijing lawmakers": a stance, not who acts
    if end + 2 <= len(doc) and doc[end].text in ("-", "–") and doc[end + 1].tag_ in ("VBN", "VBD", "JJ"):
        return "thing"  # "US-made vehicles", "Chinese-owned apps", "an Oregon-based weekly": an adjective
    root = _first_conjunct(span.root)
    if (
        root.head.i == root.i + 2
        and doc[root.i + 1].text in ("-", "–")
        and (root.head.ent_type_ in ("GPE", "NORP") or root.head.pos_ == "PROPN")
        and root.head.head.i != root.head.i
    ):
        root = root.head  # "the China-Australia free trade agreement": the pair modifies the agreement
    head = root.head
    dep = root.dep_
    if dep == "appos" and doc[start - 1].text == "," and _country_of_place(doc, root, head, tables):
        return "place"  # "in Brussels, Belgium", "Qingdao, China": the country of a place named before
    if dep in ("poss", "compound", "amod", "nmod", "npadvmod") and head.i != root.i and not (start <= head.i < end):
        target = head
        while target.dep_ in ("compound", "amod") and target.head.i != target.i and target.pos_ != "VERB":
            if _names_named(target, named):
                break
            target = target.head
        if _names_named(target, named) or _names_named(head, named):
            return "qualifier"
        low = head.lower_
        if low in STATISTIC_NOUNS or head.lemma_.lower() in STATISTIC_NOUNS:
            return "statistic"
        if dep == "poss":
            return "actor"
        if (
            head.lemma_.lower() in COUNTRY_GROUPS
            and head.tag_ in ("NNS", "NNPS")
            and any(t.lower_ in REGION_ADJECTIVES for t in span)
            and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[end : head.i])
        ):
            # "Southeast Asian countries", "Asian buyers": a group of the region's states or people
            # (plural only: "the European country" is one country the article named before; a noun
            # between makes them the members of that body: "its European common market partners")
            return "actor"
        if any(c.dep_ == "poss" and c.i != root.i for c in head.children):
            return "topic"  # "the administration's new Afghanistan policy"
        if head.pos_ in ("NOUN", "PROPN") and (low in THING_NOUNS or head.lemma_.lower() in THING_NOUNS):
            return "thing"
        if tables is not None and head.pos_ == "NOUN" and tables.role_sector(low) is not None:
            return "qualifier"
        between = [t for t in doc[root.i + 1 : head.i] if t.pos_ in ("NOUN", "PROPN")]  # "US tariff hikes"
        if head.pos_ == "NOUN" and not any(is_act(t) for t in [*between, head]):
            return "thing"
        return "actor"
    if dep == "pobj":
        prep = head
        word = prep.lower_
        noun = prep.head
        if word == "of":
            if noun.lower_ == "out":
                return "place"  # "drove France out of Vietnam", "pulled out of Afghanistan"
            if _names_named(noun, named):
                return "qualifier"
            if (
                tables is not None
                and noun.tag_ == "NN"
                and any(c.lower_ == "the" for c in noun.lefts)
                and tables.role_sector(noun.lower_) is not None
            ):
                return "qualifier"  # "the chief diplomat of the United States": one person, described
            if noun.lower_ in STATISTIC_NOUNS:
                return "statistic"
            if noun.lemma_.lower() in PLACE_NOUNS:
                return "place"  # "the province of Aklan", "the outskirts of Kabul"
            if noun.lemma_.lower() in DEPICTION_NOUNS:
                return "topic"  # "maps of both China and the U.S.", "a portrait of Mao": what is shown
            return "actor"
        if word in TOPICAL or (word == "as" and noun.lower_ == "such"):
            holder = noun.head if noun.lower_ == "such" else noun  # "countries such as China"
            if holder.lemma_.lower() in COUNTRY_GROUPS or _listed_after_object(prep, noun):
                return "actor"  # "importers like China", "partners such as Japan": the countries act
            return "topic"
        if word == "to" and noun.lemma_.lower() in POST_NOUNS:
            return "post"
        if word in ("to", "into") and (noun.lemma_.lower() in GOODS_NOUNS or noun.lower_ in GOODS_NOUNS):
            return "statistic"  # "beef exports to China", "investment into the U.S." (ruling 7 of the gold)
        if word == "from":  # "returned from Pyongyang", "oil from Iran"; but "a threat from North Korea"
            lemma = noun.lemma_.lower()
            if lemma in MOTION_VERBS or lemma in GOODS_NOUNS or noun.lower_ in GOODS_NOUNS:
                return "place"
            if noun.pos_ == "VERB" and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in GOODS_NOUNS or c.lower_ in GOODS_NOUNS) for c in noun.children
            ):
                return "place"  # "countries that buy oil from Iran": where the goods come from
            return "actor"
        if word == "at" and tables is not None and _names_a_country(span.text, tables):
            # English places a country with "in"; "at" a country marks what an act is aimed at
            # ("stones it is throwing at China", "the way foreigners look at America")
            return "actor"
        if word in LOCATING:
            return "place"
    return "actor"


def _names_a_country(text: str, tables: ActorTables) -> bool:
    """The words name a country itself ("China", "the United States"), not a city or a people."""
    key = clean_key(text)
    hit = tables.country(key)
    return hit is not None and hit.names_country(key)


def _listed_after_object(prep: Token, attached: Token) -> bool:
    """A "like"/"such as" the parser hung on the verb, right after the verb's object naming a group
    of countries ("to pressure countries like the US to act"): the list's members are that group's.
    ``attached`` is the word the preposition hangs on ("such" for "such as", whose head is then
    the word the list hangs on)."""
    such = attached.lower_ == "such"
    hung_on = attached.head if such else attached  # the verb, when the parser misattached the list
    lead = prep.doc[(attached.i if such else prep.i) - 1]
    return lead.lemma_.lower() in COUNTRY_GROUPS and lead.dep_ == "dobj" and lead.head.i == hung_on.i
