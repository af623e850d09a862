"""Attributions whose content is not (only) a clause but what a speech act is about.

"Clinton cited Trump's remarks about Machado as examples of ...", "Trump called for female
contestants to wear shorter dresses", "He vowed to crack down on hackers", "Roberts spoke of the
legacy of racism": news readers (and PolNeAR) take these as reported speech. The content runs from
the verb's first argument after it (direct object, object of about/of/for/against/on/with/over,
to-infinitive, clause, "as ...") to the end of its last one; a pronoun before the rest ("urged
them to ...") is left out, and an audience or a pronoun alone is no content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.facts.quotes.drafts import subtree_span

if TYPE_CHECKING:
    from spacy.tokens import Token

# Entity types of a passive subject that is a person or a body told or asked, not a message.
ADDRESSEES = frozenset({"PERSON", "ORG", "NORP", "GPE"})

OBJECT_PREPS = frozenset({"about", "of", "for", "against", "on", "with", "over", "as"})
# Prepositions through which a speech noun names its topic ("questions about", "calls for").
NOUN_TOPIC_PREPS = frozenset({"about", "over", "on", "for", "against"})  # not "of": "the statement of the ministry"
ARGUMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "oprd", "attr"})
# Prepositions and entity types of phrases that say when, where or on which occasion something
# was said, not what ("at a rally", "in Ohio", "on Monday").
SETTING_PREPS = frozenset({"at", "during", "after", "before", "since", "until", "while", "on", "by", "via"})
SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
# Words that open a question clause coordinated with an object ("spoke of X and how Y").
QUESTION_WORDS = frozenset({"how", "why", "what", "whether"})
# The terms someone speaks on ("on condition of anonymity", "on the record", "on behalf of").
SPEAKING_TERMS = frozenset({"condition", "record", "background", "behalf"})
# Where a statement appears (after "on"), not what it is about.
MEDIA = frozenset(
    {"website", "site", "web", "webpage", "page", "account", "blog", "twitter", "facebook", "weibo", "wechat",
     "instagram", "television", "tv", "radio", "channel", "broadcast", "programme", "program", "show", "air"}
)  # fmt: skip
# Objects that are the audience, not what was said.
AUDIENCE = frozenset({"reporters", "journalists", "supporters", "voters", "audience", "crowd", "viewers"})


def object_content(verb: Token) -> tuple[int, int] | None:
    """Character span of what ``verb`` (a speech act that takes an object) is about."""
    args = [c for c in verb.children if c.i > verb.i and _is_argument(c)]
    for n, arg in enumerate(args[1:], 1):
        if _sums_up(arg):
            args = args[:n]  # "asked them to ..., a request not always honored": the writer's gloss
            break
    while len(args) > 1 and args[0].pos_ == "PRON" and not _predicated(args[0], args[1]):
        args = args[1:]  # "encouraged them to ...": the infinitive is what was urged
    lone_pronoun = args and args[0].pos_ == "PRON" and not any(c.dep_ == "relcl" for c in args[0].children)
    if not args or (len(args) == 1 and (lone_pronoun or args[0].lower_ in AUDIENCE)):
        return None  # "proposed nothing that would ..." says something; "cited it" does not
    start = subtree_span(args[0])[0]
    if args[0].dep_ == "prep":  # the content starts after "about"/"of"/"for"
        objs = [g for g in args[0].children if g.dep_ in ("pobj", "pcomp")]
        start = subtree_span(objs[0])[0] if objs else start
    end = subtree_span(args[-1])[1]
    for tok in verb.rights:  # "revealed a gulf in the way the candidates see it": the parse hung
        if tok.i <= args[-1].i or tok.is_punct or tok.dep_ == "cc":  # the rest of the object on the verb
            continue
        if not (_continues(tok) or _coordinated_gerund(verb, tok)):
            break
        end = subtree_span(tok)[1]
    return start, end


def _predicated(obj: Token, nxt: Token) -> bool:
    """An object pronoun the next argument says something of ("cited it as an example of ...",
    "described them as “thugs”"): the thing spoken of is part of what was said, not an
    addressee."""
    return obj.dep_ == "dobj" and (nxt.dep_ == "oprd" or (nxt.dep_ == "prep" and nxt.lower_ == "as"))


def _sums_up(arg: Token) -> bool:
    """A noun phrase after a comma at the end of the clause that names what the clause did (", a
    request not always honored", ", a claim the campaign denies"): the writer's, not the speaker's."""
    return (
        arg.dep_ in ("dobj", "npadvmod", "attr")
        and arg.pos_ == "NOUN"
        and arg.left_edge.i > 0
        and arg.doc[arg.left_edge.i - 1].text == ","
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in arg.children)
    )


def _continues(tok: Token) -> bool:
    """A phrase after the verb's last argument that still tells what was said: a prepositional
    phrase other than one of time, place or occasion."""
    if tok.dep_ != "prep" or (tok.lower_ in SETTING_PREPS and not _whose(tok)):
        return False
    objs = [g for g in tok.children if g.dep_ in ("pobj", "pcomp")]
    return bool(objs) and objs[0].ent_type_ not in SETTING_ENTITIES


def _whose(prep: Token) -> bool:
    """ "described crass behavior by Trump": after an active verb's object, *by* a named doer
    says whose the thing described is (not how it was said: "by phone")."""
    verb = prep.head
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return (
        prep.lower_ == "by"
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and bool(objs)
        and objs[0].ent_type_ in ADDRESSEES
    )


def _coordinated_gerund(verb: Token, tok: Token) -> bool:
    """ "mentioned refinancing student loans and forcing universities to ...": a gerund the parse
    coordinated with the verb (no subject of its own, not the verb's own form) is a second object;
    so is a question clause ("spoke of the legacy of racism, and how the fight for justice ...")."""
    if tok.dep_ != "conj":
        return False
    if tok.left_edge.lower_ in QUESTION_WORDS and tok.left_edge.i > verb.i:
        return True
    return tok.tag_ == "VBG" and verb.tag_ != "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _is_argument(tok: Token) -> bool:
    if tok.dep_ in ARGUMENT_DEPS:
        return True
    if tok.dep_ != "prep" or tok.lower_ not in OBJECT_PREPS:
        return False
    objs = [g for g in tok.children if g.dep_ in ("pobj", "pcomp")]
    if objs and tok.lower_ == "on" and objs[0].lower_ in SPEAKING_TERMS:
        return False  # "speaking on condition of anonymity", "on behalf of": how, not what
    return bool(objs) and objs[0].ent_type_ not in ("DATE", "TIME")  # "on Thursday" is when, not what


def passive_message(verb: Token) -> tuple[tuple[int, int], Token | None] | None:
    """A message verb in the passive: its subject is what was said, the agent who said it
    ("The registration issue was first reported by The Washington Post", "a curfew was
    announced"), as content span and source (None without a *by* phrase)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = subjects[0]
    if subj.pos_ != "NOUN" or subj.ent_type_ in ADDRESSEES:
        return None  # a pronoun or a person is who was told, not what
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return subtree_span(subj), agents[0] if agents else None


def noun_topic(noun: Token) -> tuple[int, int] | None:
    """What a speech noun is about: the object of its about/over/on/for/against phrase
    ("questions about business practices", "calls for a ceasefire"); not where it was published
    ("a statement on its website", "comments on Twitter")."""
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in NOUN_TOPIC_PREPS and _is_argument(prep):
            objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
            if prep.lower_ == "on" and _medium(objs[0]):
                continue
            return subtree_span(objs[0])
    return None


def _medium(tok: Token) -> bool:
    """A channel that carries a statement rather than its topic ("on its website", "on Twitter")."""
    return tok.lemma_.lower() in MEDIA or tok.lower_ in MEDIA
