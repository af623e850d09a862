"""Whether a mention of a country, city or nationality stands for an actor where it is used.

"China said" and "talks with China" name an actor; "talks in China", "Chinese goods" and "President
Xi Jinping of China" do not: the same name is a place, an adjective of a thing, or a qualifier of
another name there. :func:`mention_use` reads this off the mention's place in the parse and returns
a :data:`USES` value; everything but ``actor`` and ``state`` is a refusal with its reason.

Rules (in order), for the mention's syntactic head (the first conjunct for a coordination, so
"between the United States and China" and "in Syria, Iraq and Yemen" are decided together):

* a dateline ("BEIJING, Dec. 16 --") is a place;
* a possessive or modifier of a named person or organisation, or of a title or apposition that
  names one ("China's Vice Minister Fu", "Chinese President Xi", "Putin of Russia", "David
  Cameron, Britain's prime minister"), is a qualifier;
* a possessive or modifier of a statistic ("China's GDP", "97 percent of China's imports") is a
  statistic; of another noun that already has a possessor ("the administration's new Afghanistan
  policy") a topic;
* a modifier (not a possessive) of goods, money, places, facilities, documents or events is an
  adjective of a thing ("Chinese goods", "U.S. dollars", "U.S. app stores"); of any other noun it
  names who acts ("U.S. strategy", "American participation", "the U.S. side");
* the object of a locating preposition ("in", "at", "across") is a place, and so is "from" after
  a movement or goods ("returned from Pyongyang", "oil from Iran"; but "a threat from North
  Korea" is an actor); "like"/"such as" make a topic, "ambassador to Japan" a post;
* anything else (subject, object, possessor of an act, "with", "against", "on", "between",
  "to", "of" an act) is an actor.

A capital or seat of government used as an actor stands for its state (``state``: "Beijing
said", "the White House announced").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.facts.actors.tables import ActorTables

USES = ("actor", "state", "place", "qualifier", "thing", "statistic", "topic", "post", "dateline")
REFUSED = frozenset(USES) - {"actor", "state"}

LOCATING = frozenset(
    {"in", "at", "inside", "within", "across", "throughout", "near", "around", "outside", "into", "across",
     "beyond", "via", "through", "above", "below", "off", "along", "among", "amid"}
)  # fmt: skip
TOPICAL = frozenset({"like", "as", "than", "about", "regarding", "concerning"})
# Nouns of things a nationality or country only describes: goods, money, places, facilities,
# documents and events ("Chinese goods", "U.S. dollars", "U.S. app stores", "the Iran nuclear
# agreement"); any other noun it modifies is an act, stance or body of that country ("U.S.
# strategy", "American participation", "the U.S. side").
THING_NOUNS = frozenset(
    """goods good product products commodity commodities item items brand brands import imports export
    exports shipment shipments steel aluminum soybeans soybean beef pork grain corn wheat oil gas coal
    crude car cars vehicles phone phones chips chip technology technologies app apps store stores
    software equipment weapons weapon missile missiles defenses defences system systems dollar dollars
    yuan renminbi yen euro euros currency currencies bond bonds treasuries treasury securities stocks
    stock shares assets debt economy economies market markets soil territory territories waters
    airspace border borders coast city cities region regions province provinces town towns capital
    embassy embassies consulate base bases port ports facility facilities plant plants site sites
    interests interest agreement agreements accord accords treaty treaties deal deals pact law laws
    act acts rules rule regulation regulations document documents constitution summit summits meeting
    meetings conference conferences forum election elections war wars conflict conflicts crisis
    history culture language languages food cuisine art film films holiday holidays model models
    version versions dream""".split()
)
# Nouns of a quantity: "China's GDP growth", "97 percent of China's imports".
STATISTIC_NOUNS = frozenset(
    """gdp growth imports import exports export percent percentage share output
    production consumption population surplus deficit reserves lines volume value figures figure
    data numbers sales prices price market markets revenue spending budget debt""".split()
)
# Heads that make "from X" a place: movement and trade in goods ("returned from Pyongyang", "oil
# from Iran", "imports from China").
MOTION_VERBS = frozenset(
    """return come arrive fly travel flee leave depart move emigrate migrate escape head drive sail
    ship smuggle import export evacuate deport expel extradite repatriate""".split()
)
GOODS_NOUNS = frozenset(
    """oil gas goods products imports import exports export shipments shipment steel soybeans beef
    grain coal crude cargo visitors tourists students migrants refugees immigrants flights flight
    investment investments supplies supply""".split()
)
# Head nouns of names that are documents, laws, plans, events or products, not organisations:
# "Understanding on Rules", "the U.S. Trade Act", "the Free Trade Area of the Asia-Pacific",
# "the APEC List of Environmental Goods", "the Morning Briefing".
DOCUMENT_NOUNS = frozenset(
    """act acts law laws bill code agreement agreements accord accords treaty treaties pact deal
    partnership area zone list statement declaration resolution understanding rules rule protocol
    plan plans program programme programs initiative strategy report index briefing newsletter app
    meeting summit conference games olympics cup expo fair festival award prize integration round
    framework arrangement scheme standard standards campaign war crisis doctrine policy visa tariff
    tariffs convention communique communiqué charter manifesto budget""".split()
)
POST_NOUNS = frozenset({"ambassador", "envoy", "emissary", "representative", "consul", "delegate", "minister"})
STATE_NOUNS = frozenset({"government", "administration", "regime", "authorities", "cabinet", "state", "leadership", "side"})
# An upper-case place (maybe with a region: "ST. ANDREWS, Scotland"), then a dash, a date
# ("BEIJING, Dec. 16 (Xinhua) --"), the wide gap old NYT leads keep after a dateline, or the
# sentence's first capitalised word (the gap collapsed). U+0096/U+0097 are dashes of a page
# decoded as Latin-1 instead of cp1252.
_DATELINE = re.compile(
    r"[ \t]*((?:[A-Z][A-Z.'-]+)(?: [A-Z][A-Z.'-]+)*(?:, (?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*)*)?)"
    r"(?=[ \t]{2,}|[ \t]*(?:[—–\x96\x97]|--)|, [A-Z][a-z]{2,4}\.? \d{1,2}\b| (?:The|A|An|[A-Z][a-z]+) )"
)


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _names_named(tok: Token, named: frozenset[int]) -> bool:
    """``tok`` is a named person/organisation, a title or apposition of one ("Minister" in
    "Vice Minister Fu Ziying", "minister" in "David Cameron, Britain's prime minister")."""
    if tok.i in named:
        return True
    if any(c.i in named and c.dep_ in ("appos", "compound", "flat") for c in tok.children):
        return True
    return tok.dep_ in ("appos", "compound") and tok.head.i in named


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """The mention sits in a dateline opening a paragraph: an upper-case place, maybe a region,
    then a dash, a date or a wide gap ("BEIJING, Dec. 16 (Xinhua) --", "KHARTOUM, Sudan  The")."""
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


def mention_use(doc: Doc, start: int, end: int, named: frozenset[int], tables: ActorTables | None = None) -> str:
    """How the mention at tokens ``[start, end)`` is used (see the module docstring); ``named``
    holds the token indices of the article's named people and organisations; with ``tables``, a
    modifier of a role noun no group was made of qualifies a person ("a former American president")."""
    if is_dateline(doc, start, end):
        return "dateline"
    span = doc[start:end]
    root = _first_conjunct(span.root)
    head = root.head
    dep = root.dep_
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
        if any(c.dep_ == "poss" and c.i != root.i for c in head.children):
            return "topic"  # "the administration's new Afghanistan policy"
        if head.pos_ in ("NOUN", "PROPN") and (low in THING_NOUNS or head.lemma_.lower() in THING_NOUNS):
            return "thing"
        if tables is not None and head.pos_ == "NOUN" and tables.role_sector(low) is not None:
            return "qualifier"
        return "actor"
    if dep == "pobj":
        prep = head
        word = prep.lower_
        noun = prep.head
        if word == "of":
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
            return "actor"
        if word in TOPICAL or (word == "as" and noun.lower_ == "such"):
            return "topic"
        if word == "to" and noun.lemma_.lower() in POST_NOUNS:
            return "post"
        if word == "from":  # "returned from Pyongyang", "oil from Iran"; but "a threat from North Korea"
            lemma = noun.lemma_.lower()
            if lemma in MOTION_VERBS or lemma in GOODS_NOUNS or noun.lower_ in GOODS_NOUNS:
                return "place"
            return "actor"
        if word in LOCATING:
            return "place"
    return "actor"
