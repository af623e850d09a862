"""Who is behind a cue: the speaker phrase in the parse and the actor it stands for.

Syntax first (subject of the cue, inherited through ``and``-coordination, participles and
relative clauses; the object of *according to*; *from*/*by* or possessive of a nominal
cue), then the actor via the entity index that the entities stage leaves in
``ctx.found``. When that index is absent the speaker is kept as its own words, and a
pronoun falls back to the nearest preceding person named in the text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tidings.facts.actors.index import EntityIndex
from tidings.facts.entities.pronouns import may_refer
from tidings.facts.quotes.cues import SPEECH_NOUNS, SPEECH_VERBS
from tidings.facts.quotes.holders import (
    after_fronted_participle,
    is_role,
    name_closing_fronted_clause,
    named_holder,
    own_name_start,
    titled_holder,
)
from tidings.facts.quotes.marks import NEUTRAL, OPENERS, find_quotes, mark_role
from tidings.nlp import doc_text
from tidings.records import ActorRef, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Left dependents that belong to a speaker's name phrase ("A Chinese foreign ministry spokesperson").
NAME_DEPS = ("compound", "amod", "det", "nummod", "poss", "nmod", "flat", "quantmod", "case", "prt")
RELATIVE = frozenset({"that", "who", "which", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})  # "his" owns a nominal cue ("his pledge")
PRONOUNS = PERSONAL_PRONOUNS | {"hers", "himself", "herself", "they", "them", "it", "i", "we", "you"}
IMPERSONAL = frozenset({"there", "this", "what", "i", "we", "you", "me", "us"})
# "I" and "we" as the subject of a speech verb in the narrative, outside quotation marks, are the
# writer ("as I've suggested, ...", "We asked whether ..."): an opinion piece's or a reporter's
# own statement, kept as written (no actor), as news quote lists and PolNeAR count them.
WRITER_PRONOUNS = frozenset({"i", "we"})
# Quantifier pronouns that stand for people or sources as a subject ("some note that ...", "each
# saying the other ...", "both said"): the speaker as written, as "Many said" and "Others argued"
# are (the parse reads those as nouns or adjectives; these it tags as pronouns).
QUANTIFIER_PRONOUNS = frozenset(
    {"some", "each", "both", "all", "many", "most", "several", "few", "none", "one", "another"}
)
QUOTE_TOKENS = frozenset({'"', "“", "”", "''", "``", "«", "»"})
# Verbs whose subject is the source of the speech noun they take ("repeated accusations").
UTTERING_VERBS = frozenset(
    {
        "repeat",
        "make",
        "level",
        "renew",
        "issue",
        "echo",
        "voice",
        "raise",
        "reiterate",
        "publish",
        "release",
        "deliver",
        "file",
        "send",
        "post",
    }
)
# Speech verbs whose object is the person spoken to: in the passive their subject is the
# addressee ("officers were told to leave", "Trump was asked ..."), never the speaker.
ADDRESSING_VERBS = frozenset(
    {"ask", "tell", "urge", "warn", "advise", "question", "press", "inform", "instruct", "remind", "caution"}
)
# Verbs of asking, urging, causing and letting whose object does what their infinitive says
# (object control: "prompted his wife to make a comment", "urged supporters to chant"); not a
# verb with a purpose infinitive ("telephoned people to encourage them": the caller encourages).
OBJECT_CONTROL = frozenset(
    {
        "ask", "tell", "urge", "order", "invite", "persuade", "convince", "encourage", "instruct",
        "prompt", "lead", "cause", "force", "compel", "press", "pressure", "push", "spur", "inspire",
        "motivate", "drive", "allow", "permit", "enable", "get", "advise", "warn", "remind", "challenge",
        "dare", "request", "require", "beg", "implore",
    }
)  # fmt: skip
# Written or recorded things that carry someone's message, besides the speech nouns of the cue
# lexicon: "sent a letter urging him to veto the bill", "issued a policy paper calling for bases".
DOCUMENT_NOUNS = frozenset(
    {
        "letter", "paper", "document", "memo", "memorandum", "communique", "declaration", "resolution",
        "petition", "notice", "circular", "release", "advertisement", "ad", "video", "post", "editorial",
        "article", "column", "filing", "brief", "proposal", "motion", "bulletin", "leaflet", "manifesto",
        "commentary", "essay", "book", "memoir",
    }
)  # fmt: skip
# Entity types of a name in front of a speech noun that says whose it is ("a Pentagon statement").
SOURCE_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP"})
DASHES = frozenset({"--", "—", "–", "―", "-"})
# How far back (characters) the fallback looks for a person to resolve he/she.
PRONOUN_WINDOW = 700


def load_index(found: Mapping[str, Sequence[Any]]) -> EntityIndex:
    """The entity index over the entities stage's output (phrase coding only without it).

    An "it" the entities stage resolved to a state or organisation speaks for it ("the ministry
    ... It said ...", "China said it would ..."): the speaker is that actor, not the bare word."""
    return EntityIndex(found, neuter_pronouns=True)


# Prepositions of the absolute construction: "with officials saying ...", "despite critics arguing".
ABSOLUTE_PREPS = frozenset({"with", "without", "despite"})


def _impersonal(tok: Token) -> bool:
    """A pronoun that names no speaker ("there", "this", "us"); not a name spelt like one: "The US
    said it would add tariffs" is the country, tagged a proper name (or written in capitals)."""
    if tok.lower_ not in IMPERSONAL:
        return False
    return tok.pos_ != "PROPN" and tok.ent_type_ not in SOURCE_ENTITIES and not (len(tok) > 1 and tok.is_upper)


# Nouns of a body of people that "they" takes up ("the campaign ... what they call").
COLLECTIVE_NOUNS = frozenset(
    {"campaign", "government", "administration", "party", "committee", "council", "company", "group",
     "team", "union", "ministry", "department", "agency", "board", "police", "staff", "crowd"}
)  # fmt: skip
# Clauses through which a pronoun subject is bound by the subject of the clause above it.
EMBEDDING_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "pcomp", "pobj", "prep", "acl", "dobj"})


def _collective_above(pronoun: Token) -> Token | None:
    """ "Clinton's campaign is seeking to contrast her approach with what they call ...": a "they"
    that speaks in a clause embedded under another clause of its sentence stands for that
    clause's subject when that is a plural or a body of people (a collective noun, a people's
    name); the nearest subject above decides, and a singular name there ("Trump said they ...")
    leaves it open."""
    node = pronoun.head
    while node.dep_ in EMBEDDING_DEPS and node.head.i != node.i:
        node = node.head
        verb = node.pos_ in ("VERB", "AUX")
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
        if not subjects:
            continue
        subj = subjects[0]
        plural = subj.tag_ in ("NNS", "NNPS") and subj.pos_ in ("NOUN", "PROPN")
        # (not a name the parser calls an organisation: it calls "Trump" one now and then)
        body = subj.ent_type_ == "NORP" or (subj.pos_ == "NOUN" and subj.lemma_.lower() in COLLECTIVE_NOUNS)
        return subj if plural or body else None
    return None


def _right_before_its_verb(subj: Token) -> bool:
    """A subject whose phrase runs up to its verb but for auxiliaries, adverbs and commas ("some have
    long argued"): with other words between them (", Councilor Smith on Tuesday said") the parse
    may have taken a stray word for the subject."""
    verb = subj.head
    between = subj.doc[subj.right_edge.i + 1 : verb.i] if verb.i > subj.i else None
    return between is not None and all(t.dep_ in ("aux", "auxpass", "neg", "advmod", "punct") for t in between)


def subject_of(cue: Token, depth: int = 0) -> Token | None:
    """The syntactic subject of a cue verb, following coordination and participles."""
    if depth > 4:
        return None
    inverted_aside = _inverted_aside_subject(cue)
    if inverted_aside is not None:
        return inverted_aside
    for child in _subjects_nearest_first(cue):
        if child.dep_ == "nsubjpass" and cue.lemma_.lower() in ADDRESSING_VERBS:
            return _agent(cue)  # "Trump was asked by a reporter: “...”": the subject was spoken to
        if child.dep_ == "nsubjpass" and _agent(cue) is not None:
            # "“American Skin” was written by Springsteen", "Trump was criticized by Clinton as
            # “reckless”": in the passive the one who speaks is the agent, not the subject
            return _agent(cue)
        if child.dep_ in SUBJECT_DEPS:
            if child.text in DASHES:  # "The film ― which weaves ... ― explains": a dash read as a verb
                child = next((c for c in child.children if c.dep_ in SUBJECT_DEPS and c.i < child.i), child)
            if _after_opening_mark(child):
                continue  # a title in quotes misparsed as a second subject
            if child.ent_type_ in ("TIME", "DATE") and not _month_name_alone(child):
                return None  # live-blog time stamps ("5:45 p.m. Clinton says ...")
            if child.dep_ == "csubj" and child.tag_ == "VBG" and child.i == child.sent.start:
                return after_fronted_participle(child)
            if child.lower_ in RELATIVE and cue.dep_ == "relcl":
                antecedent = _antecedent(cue, child)
                return _document_owner(antecedent) or antecedent
            headline = _name_after_colon(child, cue)
            if headline is not None:
                return headline
            return (
                _object_read_as_subject(child, cue)
                or _document_owner(child)
                or titled_holder(child, cue)
                or _past_dateline(child)
            )
    # "Qin had in a phone call ... urged": the subject hangs on the split-off auxiliary.
    for aux in cue.lefts:
        if aux.dep_ in ("aux", "auxpass"):
            subj = [c for c in aux.children if c.dep_ in SUBJECT_DEPS]
            if subj:
                return subj[0]
            if _name_read_as_modal(aux, cue):
                return aux
    apposed = apposed_speaker(cue) or name_closing_fronted_clause(cue)
    if apposed is not None:
        return apposed
    agent = _agent(cue) if cue.dep_ == "acl" and cue.tag_ == "VBN" else None
    if agent is not None:
        return agent  # "The decision, called “a betrayal” by union leaders, ...": its agent
    reported = _as_reported_by(cue)
    if reported is not None:
        return reported
    inverted = inverted_after_comma(cue)
    if inverted is not None:
        return inverted
    # Inverted order after a quote: “...,” said Daniel Kritenbrink.
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.pos_ == "PROPN":
            first = next(iter(cue.doc[cue.i + 1 : child.i + 1]), None)
            if first is not None and first.pos_ == "PROPN" and cue.i > 0 and _quote_before(cue):
                return child
    if cue.dep_ == "relcl":
        return _document_owner(cue.head) or cue.head
    if cue.dep_ == "ccomp":
        # "China said Qin had in a call ... urged": the parser splits one clause into two
        # sibling complements; the subject sits on the earlier one.
        for sib in reversed([c for c in cue.head.children if c.dep_ == "ccomp" and c.i < cue.i]):
            subj = [c for c in sib.children if c.dep_ in SUBJECT_DEPS]
            if subj and not any(c.dep_ == "dobj" for c in sib.children):
                return subj[0]
        return None
    head = cue.head
    if (
        cue.dep_ == "conj"
        and head.dep_ in ("ccomp", "acl")
        and (head.lemma_.lower() not in SPEECH_VERBS or _tense_apart(cue, head))
    ):
        # "X repeated accusations that Y does Z and complained ...": the parser hangs the
        # second speech verb on the reported clause; its speaker is the outer source.
        outer = head.head
        if outer.pos_ == "NOUN" and outer.lemma_.lower() in SPEECH_NOUNS:
            return noun_source(outer)
        if outer.pos_ in ("VERB", "AUX") and outer.lemma_.lower() in SPEECH_VERBS:
            return subject_of(outer, depth + 1)
    pcomp = cue.tag_ == "VBG" and cue.dep_ == "pcomp" and head.dep_ == "prep"
    if pcomp and head.head.pos_ in ("VERB", "AUX"):  # "responded ... by saying", "after saying"
        return subject_of(head.head, depth + 1)
    absolute = _absolute_subject(cue)
    if absolute is not None:
        return absolute
    occasion = cue.tag_ == "VBG" and cue.dep_ == "acl" and head.dep_ == "pobj" and head.head.dep_ == "prep"
    if occasion and head.head.head.pos_ in ("VERB", "AUX"):
        # "she said at a news conference announcing that ...": the occasion is the speaker's
        return subject_of(head.head.head, depth + 1)
    inverted = _inverted_lead(cue)
    if inverted is not None:
        return inverted
    misplaced = _subject_taken_by_head(cue)
    if misplaced is not None:
        return misplaced
    if cue.dep_ == "advcl" and cue.tag_ == "VBG":
        said = _speech_verb_before(cue)
        if said is not None:
            return subject_of(said, depth + 1)
    shown = _shown_saying(cue)
    if shown is not None:
        return shown
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and _carries_message(cue.head):
        return noun_source(cue.head)  # "issued a statement calling for calm": the statement's maker
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and _can_speak(cue.head):
        return cue.head  # "supporters of the bill now saying ...", "one saying that ...": who says it
    controller = _object_controller(cue)
    if controller is not None:
        return controller
    if cue.dep_ in ("conj", "xcomp") or (cue.dep_ == "advcl" and cue.tag_ == "VBG"):
        head = _head_outside_dashes(cue)
        climbed = subject_of(head, depth + 1)
        if climbed is not None and climbed.lower_ == "which" and head.head.i != head.i:
            # "He ruled out free care - which is on offer in Wales, saying ...": "which" stands for
            # a thing, which says nothing; the participle continues the clause the thing's clause
            # hangs on
            return subject_of(head.head, depth + 1)
        return climbed
    return _name_swallowed(cue)


def _head_outside_dashes(cue: Token) -> Token:
    """The clause a participle or conjunct continues when the parse hung it inside an aside set
    off by a pair of dashes that closes before it ("Protesters marched around the stadium -
    where the Panthers played the Vikings - while chanting ...": the marchers chant, not the
    Panthers). An aside between dashes is closed at its second dash; what follows belongs to the
    clause around it: the nearest ancestor of the head outside the pair."""
    head, doc = cue.head, cue.doc
    if head.i >= cue.i:
        return head
    closing = [t for t in doc[head.i + 1 : cue.i] if t.text in DASHES]
    opening = [t for t in doc[head.sent.start : head.i] if t.text in DASHES]
    if len(closing) != 1 or not opening:
        return head
    lo, hi = opening[-1].i, closing[0].i
    node = head
    while lo < node.i < hi and node.head.i != node.i:
        node = node.head
    return head if lo < node.i < hi else node


def _month_name_alone(subj: Token) -> bool:
    """ "Prior to her speech, May told the other 27 members ...": a lone capitalised word the
    tagger read as a date ("May", "June", "April") with no number, article or other word of a
    date in its phrase. A month on its own never speaks; as a speech verb's subject such a word
    is a person's name."""
    return subj.left_edge.i == subj.i == subj.right_edge.i and subj.is_title and subj.is_alpha


def _name_read_as_modal(aux: Token, cue: Token) -> bool:
    """ "“...,” May told MPs", "Prior to her speech, May told ...": a name spelt as a modal verb
    ("May", "Will") that the parse made the auxiliary of a past-tense verb. A modal takes a bare
    infinitive, never a past tense, and is not capitalised inside a sentence: such a word is the
    verb's subject."""
    return (
        aux.tag_ in ("MD", "NNP")  # a modal, or a name the tagger saw yet hung as an auxiliary
        and aux.text[:1].isupper()
        and cue.tag_ == "VBD"
        and aux.i + 1 == cue.i
        and not any(c.dep_ in SUBJECT_DEPS for c in cue.children)
    )


def _subjects_nearest_first(cue: Token) -> list[Token]:
    """The cue's children with, when the parse gave it two subjects before it, the one nearer the
    verb first: a clause has one subject, and the farther one is a stray phrase the parse took in
    ("THE BORROWING Back when he wrote his book, Mr. McKinley said", a run-in heading; "the system,
    which advocates say ...", where "which" is the object of the reported clause)."""
    children = list(cue.children)
    before = [c for c in children if c.dep_ in SUBJECT_DEPS and c.i < cue.i]
    # a name first (not a heading in capitals): the nearer is its apposition ("Zhao Ping, deputy
    # director, the ministry explained")
    named_first = bool(before) and before[0].pos_ == "PROPN" and before[0].ent_type_ in SOURCE_ENTITIES
    if len(before) < 2 or (named_first and not before[0].is_upper):
        return children
    return [before[-1]] + [c for c in children if c is not before[-1]]


def _object_controller(cue: Token) -> Token | None:
    """ "prompted his wife to make a comment", "urged supporters to chant ...": an infinitive
    after a verb with a direct object is done by that object (object control), not by the
    subject of the verb it hangs on."""
    if cue.dep_ != "xcomp" or cue.tag_ != "VB" or cue.head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    objs = [c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i]
    if not objs or objs[0].pos_ not in ("NOUN", "PROPN", "PRON") or _impersonal(objs[0]):
        return None
    return objs[0]


def _antecedent(clause: Token, pronoun: Token) -> Token:
    """The noun a relative clause's "who" stands for: the one the parse hung the clause on, or,
    when that is a member of a list, the member right before the pronoun ("celebrities like Oprah
    Winfrey, Will Smith and Stevie Wonder, who joked ...": Wonder, wherever the clause was hung)."""
    head = clause.head
    before = pronoun.doc[pronoun.i - 1] if pronoun.i > 0 else None
    if before is not None and before.text == "," and before.i > 0:
        before = pronoun.doc[before.i - 1]
    if before is None or before.i == head.i or before.pos_ not in ("PROPN", "NOUN"):
        return head
    while before.dep_ in ("compound", "flat") and before.head.i > before.i:
        before = before.head
    return before if before in head.conjuncts else head


def _inverted_aside_subject(cue: Token) -> Token | None:
    """ "The tone of the campaign, said Mr Milburn, would be ...": a speech verb set off by
    commas with its name after it, where the parse gave it the sentence's own subject too; the
    subject after the verb is the speaker."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    after = [c for c in subjects if c.i > cue.i]
    if len(subjects) < 2 or not after or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    return after[0]


def _name_after_colon(subj: Token, cue: Token) -> Token | None:
    """ "The Latest: Trump urges supporters to ...", "Brexit: May says ...": a headline's label
    before a colon taken for the subject; the name between the colon and the verb is the speaker."""
    doc = cue.doc
    if subj.i > cue.i:
        return None
    colon = next((t for t in doc[subj.right_edge.i + 1 : cue.i] if t.text == ":"), None)
    if colon is None:
        return None
    name = doc[colon.i + 1 : cue.i]
    if not len(name) or not all(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.is_title) for t in name):
        return None
    return name[-1]


def _tense_apart(cue: Token, head: Token) -> bool:
    """ "May said that the country would declare ... and suggested that ...": a past-tense verb
    cannot share the modal of the reported clause it was hung on, so it is not that clause's
    (and the subject there is not its speaker)."""
    return cue.tag_ == "VBD" and any(c.tag_ == "MD" for c in head.children)


def _shown_saying(cue: Token) -> Token | None:
    """ "The ad uses footage of Hillary Clinton asking, “...”", "showed Trump saying ...": a
    participle of saying right after a named object (no comma between) is that person's, not the
    subject's of the verb that shows it."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("xcomp", "acl", "advcl") or cue.i == 0:
        return None
    before = cue.doc[cue.i - 1]
    if before.pos_ == "PROPN" and before.ent_type_ == "PERSON" and before.dep_ in ("pobj", "dobj"):
        return before
    return None


def _agent(verb: Token) -> Token | None:
    """The object of a passive verb's *by* phrase ("was asked by a reporter"), or None."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents[0] if agents else _agent_hung_low(verb)


def _agent_hung_low(verb: Token) -> Token | None:
    """ "The bill was described as “a disaster” by Democrats", "a move branded a “humiliating
    retreat” by the Tories": the *by* phrase that ends a passive verb's complement, where the parse
    hung it on the complement's noun. After the words a passive verb of saying reports, *by* and a
    person or a body (a name, a person noun of the lexicon, a plural) is who said them; not "by any
    measure", "by Monday"."""
    passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children))
    if not passive:
        return None
    for comp in verb.rights:
        if comp.dep_ not in ("oprd", "dobj", "attr", "prep") or (comp.dep_ == "prep" and comp.lower_ != "as"):
            continue
        by = next((t for t in comp.subtree if t.dep_ == "prep" and t.lower_ == "by"), None)
        objs = [g for g in by.children if g.dep_ == "pobj"] if by is not None else []
        if by is None or not objs or by.right_edge.i != comp.right_edge.i:
            continue
        who = objs[0]
        if who.ent_type_ in ("DATE", "TIME") or any(c.lower_ in ("any", "every", "all") for c in who.lefts):
            return None
        if who.pos_ == "PROPN" or who.ent_type_ in SOURCE_ENTITIES or who.tag_ == "NNS" or is_role(who):
            return who
    return None


def _as_reported_by(cue: Token) -> Token | None:
    """ "As reported by the Associated Press, ...", "As stated in Davis' commentary, ...", "as noted
    in a Treasury report": a passive participle of saying in an *as* clause names who said it in its
    *by* phrase, or in the statement or document its *in* phrase names (that document's maker
    when the phrase names one, else the document)."""
    if cue.tag_ != "VBN" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    agent = _agent(cue)
    if agent is not None:  # who can say it, not "as indicated by a series of tariff actions"
        return agent if _can_speak(agent) else None
    for prep in cue.children:
        objs = [g for g in prep.children if g.dep_ == "pobj"] if prep.dep_ == "prep" and prep.lower_ == "in" else []
        if objs and _carries_message(objs[0]):
            return noun_source(objs[0]) or objs[0]
    return None


def _absolute_subject(cue: Token) -> Token | None:
    """ "Prices rose, with officials saying ...", "The bill passed despite some Democrats arguing
    that ...", "..., with Smith, the bank's economist, saying ...": a participle after the object
    of *with*, *without* or *despite* is said by that object (the absolute construction), not by
    the subject of the clause the phrase hangs on, whether the parse hung the participle on the
    object or on that clause's verb. Only an object that can speak (``_can_speak``)."""
    if cue.tag_ != "VBG":
        return None
    head = cue.head
    if cue.dep_ == "acl" and head.dep_ == "pobj" and head.head.lower_ in ABSOLUTE_PREPS:
        return head if _can_speak(head) else None
    if cue.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    doc = cue.doc
    start = cue.left_edge.i
    while start < cue.i and doc[start].dep_ in ("advmod", "punct"):
        start += 1  # "now saying", "still insisting"
    if start != cue.i:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ABSOLUTE_PREPS or prep.i > cue.i:
            continue
        between = doc[prep.right_edge.i + 1 : cue.i]
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if objs and all(t.text == "," or t.dep_ == "advmod" for t in between) and _can_speak(objs[0]):
            return objs[0]
    return None


def _carries_message(noun: Token) -> bool:
    """A speech noun ("statement") or a document ("letter", "policy paper")."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in SPEECH_NOUNS or lemma in DOCUMENT_NOUNS)


def _can_speak(noun: Token) -> bool:
    """A noun a participle of saying may hang on as a reduced relative clause ("protesters
    chanting ...", "early supporters of the bill now saying ...", "a series of postings that
    included one saying ..."): the participle's understood subject is that noun, as "who say"
    would make it. Only a noun that can say anything: a name of a person, a body or a place, a
    person noun of the lexicon, a plural (a group), or a pronoun standing for people or things
    said ("one", "some", "those"); not a place or an occasion ("a news conference announcing")."""
    if noun.pos_ == "PROPN":
        return noun.ent_type_ in SOURCE_ENTITIES
    if noun.pos_ in ("PRON", "NUM"):  # "one" is tagged a number as often as a pronoun
        return noun.lower_ in QUANTIFIER_PRONOUNS or noun.lower_ in ("those", "others")
    return noun.pos_ == "NOUN" and (noun.ent_type_ in SOURCE_ENTITIES or noun.tag_ == "NNS" or is_role(noun))


def _document_owner(subj: Token) -> Token | None:
    """ "A statement from the Foreign Ministry said ...", "The ministry's statement said ...",
    "a Pentagon report said ...": a statement, report or remark as the subject speaks for
    whoever made it (the actor a user looks for), when the phrase names them. An owner left as
    "its" or "their" names no one the speaker resolver can read ("..., says its report"): the
    document stays the speaker, as written."""
    if subj.pos_ != "NOUN" or subj.lemma_.lower() not in SPEECH_NOUNS:
        return None
    owner = noun_source(subj)
    if owner is not None and owner.dep_ == "poss" and owner.lower_ in ("its", "their"):
        return None
    return owner


def _object_read_as_subject(subj: Token, cue: Token) -> Token | None:
    """ "To understand the real Dred Scott, Chief Justice Roberts said, one should ...": the
    object of a fronted phrase taken for the cue's subject, the speaker hung on it as an
    apposition that ends right before the cue; the apposition is the speaker."""
    left = subj.left_edge.i
    if left <= subj.sent.start or subj.doc[left - 1].pos_ not in ("VERB", "ADP"):
        return None  # a subject that opens its clause is the speaker ("Xi, the president, said")
    return next((c for c in subj.rights if _apposed_before(c, cue)), None)


def _apposed_before(node: Token, cue: Token) -> bool:
    """A name or noun phrase set off by a comma that ends right before ``cue``."""
    left = node.left_edge.i
    return (
        node.dep_ == "appos"
        and node.pos_ in ("NOUN", "PROPN")
        and node.right_edge.i == cue.i - 1
        and left > 0
        and node.doc[left - 1].text == ","
    )


def apposed_speaker(cue: Token) -> Token | None:
    """ "China will ..., a deputy finance minister said on Wednesday.", "To understand the real
    Dred Scott, Chief Justice Roberts said, one should ...": a finite speech verb without a
    subject of its own right after a noun phrase set off by a comma, which the parse read as an
    apposition to the noun before the comma; that noun phrase is the speaker."""
    if cue.i == 0 or cue.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    before = cue.doc[cue.i - 1]
    for node in (before, *before.ancestors):
        if node.i >= cue.i or node.right_edge.i != cue.i - 1:
            return None
        if node.dep_ == "appos":
            return node if _apposed_before(node, cue) else None
    return None


def inverted_after_comma(cue: Token) -> Token | None:
    """ "Public service workers could strike ..., warn union leaders.", "The reforms will cut costs,
    argue supporters of the bill.": news's inverted attribution after the words it reports, which
    the parse read as a predicate coordinated with the clause before and the speaker as its object.
    A speech verb right after a comma, with no subject of its own, whose one argument is a noun
    phrase right after it that ends the sentence: that noun phrase is the speaker. (Not a past
    verb of addressing, "..., told reporters.", whose object is the one told.)"""
    doc, sent = cue.doc, cue.sent
    if cue.i - 3 < sent.start or doc[cue.i - 1].text != "," or cue.lemma_.lower() not in SPEECH_VERBS:
        return None
    if cue.tag_ not in ("VB", "VBP", "VBZ", "VBD") or (cue.tag_ == "VBD" and cue.lemma_.lower() in ADDRESSING_VERBS):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in cue.children):
        return None
    args = [c for c in cue.rights if not (c.is_punct or c.is_space)]
    if len(args) != 1 or args[0].dep_ not in ("dobj", "attr", "npadvmod", "appos", "dative"):
        return None
    speaker = args[0]
    if speaker.pos_ not in ("NOUN", "PROPN") or speaker.left_edge.i != cue.i + 1:
        return None
    rest = doc[speaker.right_edge.i + 1 : sent.end]
    return speaker if all(t.is_punct or t.is_space for t in rest) else None


def _past_dateline(subj: Token) -> Token:
    """ "WASHINGTON -- President Obama, dedicating ..., said": the parse may take the dateline (a
    place in capitals before a dash) for the subject and the speaker for its apposition."""
    doc = subj.doc
    dash = doc[subj.i + 1] if subj.i + 1 < len(doc) else None
    if not subj.is_upper or subj.ent_type_ not in ("GPE", "LOC") or dash is None or dash.text not in DASHES:
        return subj
    named = [c for c in subj.rights if c.dep_ == "appos" and c.ent_type_ in SOURCE_ENTITIES]
    return named[0] if named else subj


def _inverted_lead(cue: Token) -> Token | None:
    """ "Said Ellis: “...”", "Added Jane Doe, “...”": a past-tense speech verb that opens its
    sentence, a name right after it and a colon or comma after the name."""
    doc = cue.doc
    if cue.i != cue.sent.start or cue.tag_ not in ("VBD", "VBN") or cue.i + 2 >= len(doc):
        return None
    k = cue.i + 1
    while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
        k += 1
    if doc[cue.i + 1].pos_ != "PROPN" or k + 1 >= len(doc) or doc[k + 1].text not in (":", ","):
        return None
    return doc[k]


def _subject_taken_by_head(cue: Token) -> Token | None:
    """A finite verb the parse hung under its own subject or under a participle that took the
    subject: "Tim Cook, called “total political crap”" (the verb an ``acl`` of the name),
    "Protesters marching through the streets chanted “...”" (the participle read as the main
    verb, the finite one as its adverbial clause)."""
    named = _name_before_aside(cue) or _opening_name_of_two_subjects(cue)
    if named is not None:
        return named
    if cue.tag_ not in ("VBD", "VBZ"):
        return None
    head = cue.head
    if cue.dep_ == "acl" and head.i < cue.i and head.pos_ == "PROPN" and head.ent_type_ in SOURCE_ENTITIES:
        return head  # a name only: "the efforts, called “...”" is a participle on a thing
    if cue.dep_ == "advcl" and head.tag_ == "VBG" and head.i < cue.i:
        subj = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
        return subj[0] if subj else None
    if cue.dep_ == "conj":
        return _subject_of_subordinator(cue)
    return None


def _subject_of_subordinator(cue: Token) -> Token | None:
    """ "Trump has been targeting Machado since Clinton, at Monday's debate, cited ...": the parse
    read the subordinator as a preposition with the subject as its object, and the finite verb of
    the subordinate clause as a second main verb (a ``conj`` with no "and" or "but"). A
    subordinating conjunction heads a clause, not a noun phrase, so its "object" is the subject of
    the verb its clause goes on to: the name right before that verb, but for an aside in commas."""
    head = cue.head
    if any(c.dep_ in ("cc", "preconj") and head.i < c.i < cue.i for c in head.children):
        return None  # a real coordination: the head's subject is the cue's too
    preps = [c for c in head.children if c.dep_ == "prep" and c.pos_ == "SCONJ" and head.i < c.i < cue.i]
    objs = [o for p in preps[-1:] for o in p.children if o.dep_ == "pobj"]
    if not objs or objs[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    # only commas and an aside (prepositional phrases) between the object and the verb
    between = cue.doc[objs[0].right_edge.i + 1 : cue.i]
    aside = all(
        t.dep_ == "punct" or any(a.dep_ == "prep" and a.head == head for a in [t, *t.ancestors]) for t in between
    )
    return objs[0] if aside else None


def _name_before_aside(cue: Token) -> Token | None:
    """ "Aaron Kall, the director of debate at ..., compared Trump to ...", "Roy Cooper, McCrory's
    opponent in the election, called for ..., saying ...": a name, an apposition set off by commas,
    then the finite verb, which the parse read as a participle on the apposition's last noun; the
    sentence then has no finite main verb (the root is the name or a participle), so this verb is
    it, and the name is its speaker."""
    root = cue.sent.root
    if cue.dep_ != "acl" or cue.tag_ not in ("VBD", "VBN") or root.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return None
    if cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    node, child = cue.head, cue
    while node.i < cue.i:
        # the name the aside hangs on, not one inside it ("director at Michigan, compared")
        hung = child.dep_ == "appos" or (child is cue and node.dep_ in ("ROOT", *SUBJECT_DEPS))
        if hung and node.pos_ == "PROPN" and node.ent_type_ in SOURCE_ENTITIES:
            return node
        if node.dep_ not in ("appos", "pobj", "prep", "poss") or node.head.i == node.i:
            return None
        node, child = node.head, node
    return None


def _opening_name_of_two_subjects(cue: Token) -> Token | None:
    """ "Dr Brian Gibbons, on his first full day in the job after Jane Hutt was sacked, admitted
    ...": a name set off by a comma opens the sentence, an aside with a clause of its own follows,
    and the parse made the name a second subject of the aside's verb (which has its own) and the
    finite speech verb after the aside a loose dependent of it. A verb has one subject: the
    opening name is the subject of the speech verb that has none."""
    if cue.tag_ not in ("VBD", "VBZ") or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children) or cue.dep_ not in ("dep", "conj", "parataxis", "advcl"):
        return None
    sent, doc = cue.sent, cue.doc
    first = next((t for t in sent if t.dep_ in SUBJECT_DEPS and t.left_edge.i == sent.start), None)
    if first is None or first.pos_ != "PROPN" or first.ent_type_ not in SOURCE_ENTITIES:
        return None
    if first.right_edge.i + 1 >= cue.i or doc[first.right_edge.i + 1].text != ",":
        return None
    verb = first.head
    others = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != first.i]
    if not others or not first.i < verb.i < cue.i or verb not in cue.ancestors:
        return None
    return first


def _speech_verb_before(participle: Token) -> Token | None:
    """ "“...,” Sanders said, going on to say that ...", "the minister said, adding that ...": a
    participle clause right after a comma that follows a speech verb continues that verb's
    speaker, whatever head the parse gave it."""
    left = participle.left_edge.i
    closed = _after_closed_quotation(participle)
    if closed is not None:
        return closed
    if left < 2 or participle.doc[left - 1].text != ",":
        return None
    verb = participle.doc[left - 2]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or verb.i == participle.head.i:
        return None
    return verb if any(c.dep_ in SUBJECT_DEPS for c in verb.children) else None


def _after_closed_quotation(participle: Token) -> Token | None:
    """ "May told the members that “the ball is in the EU's court,” calling on the EU to act": a
    participle clause right after a quotation closed with a comma, which the parse hung inside
    the reported clause. The closing mark ends the quoted words, so the participle is the
    speaker's next act: the speech verb the clause is reported under, when it has a subject."""
    doc, left = participle.doc, participle.left_edge.i
    before = [t.text for t in doc[max(0, left - 2) : left]]
    if before not in ([",", "”"], [",", '"'], [",", "''"], ["”", ","], ['"', ","], ["''", ","]):
        return None
    node = participle.head
    while node.dep_ in ("ccomp", "conj", "advcl", "xcomp") and node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.pos_ == "VERB" and node.head.lemma_.lower() in SPEECH_VERBS:
            verb = node.head
            return verb if verb.i < participle.i and any(c.dep_ in SUBJECT_DEPS for c in verb.children) else None
        node = node.head
    return None


def _name_swallowed(cue: Token) -> Token | None:
    """ "In a meeting with the editorial board of the Washington Post Trump said ...": a finite
    cue without a subject right after a name the parse took into the phrase before it."""
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.dep_ != "ROOT" or cue.tag_ not in ("VBD", "VBZ") or before is None:
        return None
    return before if before.pos_ == "PROPN" and before.ent_type_ in SOURCE_ENTITIES else None


def beside_quote(cue: Token, in_quote: Sequence[int]) -> Token | None:
    """The speaker right beside a cue that follows a quotation: “...,” X said / said X.

    Before the cue: the first noun run after the closing mark ("” Flynn, a top Trump
    surrogate, said" -> Flynn), provided no other verb sits between them.
    """
    doc = cue.doc
    stretch: list[Token] = []
    for i in range(cue.i - 1, max(-1, cue.i - 14), -1):
        if in_quote[i] != -1:
            break
        if doc[i].pos_ in ("VERB", "AUX") and doc[i].dep_ not in ("amod", "compound", "dep"):
            stretch = []
            break
        stretch.insert(0, doc[i])
    else:
        stretch = []
    if stretch and stretch[0].i > 0:
        nouns = [t for t in stretch if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if nouns:
            head = nouns[0]
            while head.i + 1 < cue.i and doc[head.i + 1].pos_ in ("PROPN", "NOUN") and head.pos_ != "PRON":
                head = doc[head.i + 1]
            return head
    k = cue.i + 1
    if k < len(doc) and in_quote[k] == -1 and doc[k].pos_ in ("PROPN", "PRON") and _quote_before(cue):
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and in_quote[k + 1] == -1:
            k += 1
        return doc[k]
    return None


def signed_by(doc: Doc, q_end: int, p_end: int) -> tuple[Token, Token] | None:
    """(dash, name head) when a quote's paragraph ends "― Jane Doe" after it."""
    stripped = doc_text(doc)[q_end:p_end].lstrip()
    if not stripped[:1] or stripped[0] not in "―—–-" or len(stripped.split()) > 10:
        return None
    span = doc.char_span(q_end, p_end, alignment_mode="expand") if p_end > q_end else None
    toks = list(span) if span is not None else []
    dash = next((t for t in toks if any(ch in "―—–-" for ch in t.text)), None)
    names = [t for t in toks if t.pos_ == "PROPN" and t.text[:1].isalpha()]
    if dash is None or not names:
        return None
    if dash.i + 1 < len(doc) and doc[dash.i + 1].is_alpha and doc[dash.i + 1].pos_ != "PROPN":
        return None  # "'' -- and Fred Goldberg, a former commissioner": the sentence goes on, no signature
    head = names[0]
    while head.i < names[-1].i and doc[head.i + 1].pos_ == "PROPN":
        head = doc[head.i + 1]
    return dash, head


def _after_opening_mark(tok: Token) -> bool:
    left = tok.left_edge
    if left.i == 0:
        return False
    prev = tok.doc[left.i - 1]
    return prev.text in OPENERS or (prev.text in NEUTRAL and mark_role(doc_text(tok.doc), prev.idx) == "open")


def _quote_before(cue: Token) -> bool:
    """Whether a closing mark (or comma after one) sits just before the cue."""
    return any(tok.text in ("”", '"', "»", "''") for tok in cue.doc[max(0, cue.i - 3) : cue.i])


def noun_source(noun: Token) -> Token | None:
    """Source of a nominal cue: allegations *from Washington*, *China's* claim, or the
    subject of the verb that makes it (*the spokesperson* repeated accusations)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    owner = _owner_after(noun)
    if owner is not None:
        return owner
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in UTTERING_VERBS:
        return subject_of(noun.head)
    # "a New York Times report", "a Pentagon statement": a name in front of the noun
    names = [c for c in noun.lefts if c.dep_ == "compound" and c.ent_type_ in SOURCE_ENTITIES]
    return names[-1] if names else None


# Where a statement is published: "a statement on the website of the council", "on its website".
VENUE_NOUNS = frozenset({"website", "site", "page", "account", "blog", "feed"})


def _owner_after(noun: Token) -> Token | None:
    """The maker of a statement named after it: "a statement issued by the ministry", "a report
    released by the bank" (a participle's agent), "a statement on the website of the National Pork
    Producers Council", "a statement on the ministry's website" (the venue's owner), "a statement of
    the ministry" (a name after "of": not "reports of fraud")."""
    for child in noun.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = _agent(child)
            if agent is not None:
                return agent
        if child.dep_ != "prep":
            continue
        objs = [g for g in child.children if g.dep_ == "pobj"]
        if not objs:
            continue
        obj = objs[0]
        if child.lower_ == "of" and obj.ent_type_ in ("ORG", "PERSON", "GPE"):
            return obj
        if child.lower_ == "on" and obj.lemma_.lower() in VENUE_NOUNS:
            for grand in obj.children:
                if grand.dep_ == "poss":
                    return grand
                if grand.dep_ == "prep" and grand.lower_ == "of":
                    owner = [g for g in grand.children if g.dep_ == "pobj"]
                    if owner:
                        return owner[0]
    return None


def according_source(according: Token) -> Token | None:
    """The object of *according to*; for a statement or report, whoever made it when the phrase
    names them ("according to a statement on the ministry's website": the ministry)."""
    for child in according.children:
        if child.lower_ == "to":
            objs = [g for g in child.children if g.dep_ == "pobj"] or _misread_object(child)
            if not objs:
                return None
            return _document_owner(objs[0]) or _name_after_role(objs[0]) or objs[0]
    return None


def _name_after_role(role: Token) -> Token | None:
    """ "According to a spokesman for the company, John Doe, ...": a person's name set off by
    commas right after a role names its holder, however the parse hung it (here often as a
    second subject of the clause the phrase modifies)."""
    doc = role.doc
    comma = role.right_edge.i + 1
    if not is_role(role) or comma >= len(doc) or doc[comma].text != ",":
        return None
    end = comma + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ == "PERSON":
        end += 1
    if end == comma + 1 or end >= len(doc) or doc[end].text != ",":
        return None
    return doc[end - 1]


def _misread_object(to: Token) -> list[Token]:
    """ "according to show insiders": a noun phrase after "to" the parse read as a verb phrase
    (a noun taken for an infinitive); the noun that ends the phrase right after "to", when the
    phrase holds no verb but that misread first word, is its head."""
    phrase = [t for t in to.subtree if t.i > to.i]
    run: list[Token] = []
    for tok in phrase:
        if tok.is_punct or tok.i != to.i + 1 + len(run):
            break
        run.append(tok)
    if len(run) < 2 or any(t.pos_ in ("VERB", "AUX") for t in run[1:]) or run[-1].pos_ not in ("NOUN", "PROPN"):
        return []
    return [run[-1]]


def name_span(head: Token) -> tuple[int, int]:
    """Character span of the speaker's name phrase: the head and its name-like left dependents."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in NAME_DEPS and child.pos_ != "VERB":  # not the cue of "Said Ellis:"
            left = min(left, child.left_edge.i)
    # Keep flat/compound names that spaCy hangs to the right ("Qin Gang").
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat") and child.i == right + 1:
            right = child.i
    doc = head.doc
    # Never reach back over a line break or a quotation mark (sentences can run over
    # paragraphs when a paragraph ends without a full stop).
    for i in range(head.i - 1, left - 1, -1):
        tok = doc[i]
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in QUOTE_TOKENS:
            left = i + 1
            break
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _named_speaker(tok: Token) -> bool:
    """A name as the subject of a speech verb ("Glyn Davies said")."""
    return (
        tok.dep_ == "nsubj"
        and tok.pos_ == "PROPN"
        and tok.head.lemma_.lower() in SPEECH_VERBS
        and tok.ent_type_ in ("", "PERSON")
    )


def _strip_det(text: str) -> str:
    words = text.split(" ", 1)
    if len(words) == 2 and words[0].lower() in ("a", "an", "the"):
        return words[1]
    return text


class SpeakerResolver:
    """Turns a speaker head token into an :class:`ActorRef` (or None when unknowable)."""

    def __init__(
        self, doc: Doc, found: Mapping[str, Sequence[Any]], quoted: Sequence[tuple[int, int]] | None = None
    ) -> None:
        """``quoted``: the article's quotations (character spans), found here when not given."""
        self.doc = doc
        self.index = load_index(found)
        # Without the entities stage there is no pronoun resolution: fall back to our own.
        self.has_entities = bool(found.get("entities"))
        self._persons = [e for e in doc.ents if e.label_ == "PERSON"]
        # where people are named: the parser's names and the entities stage's person names (not
        # its pronouns: one wrongly resolved "he" would pass its error on)
        named = {(e.start_char, e.end_char) for e in self._persons}
        text = doc_text(doc)
        for entity in found.get("entities", ()):
            if isinstance(entity, Entity) and entity.kind == "PERSON":
                named.update((m.start, m.end) for m in entity.mentions if text[m.start : m.end][:1].isupper())
        named = {(s, e) for s, e in named if text[s:e].lower() not in PRONOUNS}
        # and a named speaker ("Glyn Davies said ... He added: ...") the parser did not tag as a person
        named.update(name_span(t) for t in doc if _named_speaker(t))
        self._person_spans = sorted(named)
        self._quoted = list(quoted) if quoted is not None else [(q.start, q.end) for q in find_quotes(text)]

    def resolve(self, head: Token) -> ActorRef | None:
        if head.lower_ in WRITER_PRONOUNS and head.dep_ == "nsubj" and self._narrative(head):
            return ActorRef(name=head.text, start=head.idx, end=head.idx + len(head.text))
        if _impersonal(head) or (head.lower_ == "it" and head.dep_ != "nsubj"):
            return None
        head = named_holder(head)
        start, end = name_span(head)
        own = own_name_start(head) if head.pos_ == "PROPN" else None
        if own is not None:  # "Brunei's Sultan Hassanal Bolkiah": the sultan, not Brunei
            start = max(start, self.doc[own].idx)
        if head.pos_ == "PRON" and head.lower_ in QUANTIFIER_PRONOUNS and _right_before_its_verb(head):
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights):  # "some of the senators"
                start, end = head.idx, head.right_edge.idx + len(head.right_edge.text)
            return ActorRef(name=doc_text(self.doc)[start:end], start=start, end=end)
        if head.pos_ == "PRON" and head.lower_ not in PERSONAL_PRONOUNS and head.lower_ not in ("they", "it"):
            return None
        if head.pos_ == "PRON" and not self.has_entities:
            return self._fallback_pronoun(head, start, end) or ActorRef(name=head.text, start=start, end=end)
        entity = self.index.entity_at(start, end)
        if entity is None and (start, end) != (head.idx, head.idx + len(head.text)):
            entity = self.index.entity_at(head.idx, head.idx + len(head.text))
        if entity is not None:
            return dataclasses.replace(self.index.actor_ref(entity), start=start, end=end)
        if head.pos_ == "PRON":  # left open by the entities stage: the person named just before
            return self._fallback_pronoun(head, start, end) or ActorRef(name=head.text, start=start, end=end)
        ref = self.index.actor_for_span(self.doc, start, end)
        if ref is not None:
            return dataclasses.replace(ref, name=_strip_det(ref.name), start=start, end=end)
        text = _strip_det(doc_text(self.doc)[start:end])
        return ActorRef(name=text, start=start, end=end)

    def _is_person(self, tok: Token) -> bool:
        """Whether the entities stage (or, without it, the parser) makes ``tok`` a single person."""
        entity = self.index.entity_at(tok.idx, tok.idx + len(tok.text))
        if entity is not None:
            return entity.kind == "PERSON"
        return tok.ent_type_ == "PERSON"

    def _gender(self, start: int, end: int) -> str | None:
        """ "m" or "f" where the article marks the person named at ``[start, end)`` as such: the
        entities stage's ``Entity.gender``; None without evidence or without an entity."""
        entity = self.index.entity_at(start, end)
        return entity.gender if entity is not None else None

    def _narrative(self, tok: Token) -> bool:
        """Whether ``tok`` stands outside every quotation (the writer's words, not a speaker's)."""
        return not any(a <= tok.idx < b for a, b in self._quoted)

    def _fallback_pronoun(self, head: Token, start: int, end: int) -> ActorRef | None:
        """he/she -> the nearest person named shortly before: without the entities stage, or where
        it left the pronoun open ("..., he said." after a paragraph that names one person)."""
        if head.lower_ == "they":
            higher = _collective_above(head)
            if higher is None or self._is_person(higher):
                return None  # the parser's ORG on a person's name ("Trump said they ...") is no body
            ref = self.resolve(higher)
            return dataclasses.replace(ref, start=start, end=end) if ref is not None else None
        if head.lower_ not in PERSONAL_PRONOUNS:
            return None
        before = [(s, e) for s, e in self._person_spans if e <= start and start - e <= PRONOUN_WINDOW]
        if self._narrative(head):  # not a person a speaker names inside a quotation
            before = [(s, e) for s, e in before if not any(a <= s < b for a, b in self._quoted)]
        # "Mr Blair said ... . “...,” a Labour spokeswoman said. She added ...": "she" is not a
        # man; with no person of its gender left, the speaker chain may still find its antecedent
        before = [span for span in before if may_refer(head.text, self._gender(*span))]
        if not before:
            return None
        last = max(before, key=lambda span: span[1])
        entity = self.index.entity_at(*last)
        if entity is not None:
            return dataclasses.replace(self.index.actor_ref(entity), start=start, end=end)
        words = doc_text(self.doc)[last[0] : last[1]]
        surname = words.split()[-1]
        full = max((e.text for e in self._persons if e.text.split()[-1] == surname), key=len, default=words)
        return ActorRef(name=full, start=start, end=end)
