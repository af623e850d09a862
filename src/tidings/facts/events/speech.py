"""Speech acts: what a political actor said, coded as CAMEO codes speech.

A reporting verb (say, tell, insist, argue ...) with a speaker who is an actor is a statement;
CAMEO codes the speech act, with the speaker as source: a criticism (111), an accusation
(112), an appeal (02x), a denial (016), a pessimistic or optimistic comment (012/013), or a
plain statement (010) when the words say nothing more specific. The act is read off the
content (the that-clause or the quotation) with small lexicons of evaluative English; the
verbs that name their act themselves (criticise, accuse, urge ...) are the verb dictionary's.
A statement that only reports facts (numbers, results) is not coded.

Which candidates survive is decided later by the event detector (:mod:`detect`), which
learned from whole articles how often each kind of speech act is a real event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.facts.entities.pronouns import may_refer
from tidings.facts.events.arguments import PERSON_NOUNS
from tidings.facts.events.factuality import FUTURE_AUX, MODAL_AUX
from tidings.facts.events.rules import active
from tidings.facts.lemmas import verb_lemma
from tidings.nlp import spelt

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from tidings.records import ActorRef

RULE_PREFIX = "tidings:speech-"  # every speech act's rule name starts so ("tidings:speech-denial")


def speech_rule(rule: str | None) -> str | None:
    """The speech rule's own name in an event's rule ("denial" of "tidings:speech-denial+..."),
    or None for an event no verb of saying coded."""
    if not rule or RULE_PREFIX not in rule:
        return None
    return rule.split(RULE_PREFIX, 1)[1].split("+")[0]


# Reporting verbs whose own meaning says no more than "made a statement".
GENERIC = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "note",
        "argue",
        "insist",
        "stress",
        "claim",
        "maintain",
        "explain",
        "declare",
        "announce",
        "reiterate",
        "suggest",
        "write",
        "remark",
        "reply",
        "respond",
        "comment",
        "emphasize",
        "emphasise",
        "contend",
        "assert",
        "told",
    ]
)
# Content words that make a statement a criticism (CAMEO 111): negative evaluation of an act,
# a policy or an actor. General evaluative English, not tied to any article.
CRITICAL = frozenset(
    [
        "abuse",
        "absurd",
        "appalling",
        "arrogant",
        "arrogance",
        "baseless",
        "betrayal",
        "betray",
        "blunder",
        "bully",
        "bullying",
        "charade",
        "chaos",
        "chaotic",
        "contempt",
        "damaging",
        "dangerous",
        "deplorable",
        "despicable",
        "disastrous",
        "disgrace",
        "disgraceful",
        "dishonest",
        "disrespect",
        "failure",
        "failed",
        "farce",
        "fiasco",
        "flawed",
        "groundless",
        "harmful",
        "hypocrisy",
        "hypocritical",
        "illegal",
        "illegitimate",
        "incompetent",
        "incompetence",
        "irresponsible",
        "interference",
        "meddling",
        "mess",
        "mistake",
        "misguided",
        "nonsense",
        "outrageous",
        "outrage",
        "provocation",
        "provocative",
        "reckless",
        "ridiculous",
        "scandal",
        "scandalous",
        "shameful",
        "shame",
        "slap",
        "stunt",
        "unacceptable",
        "unfair",
        "unjust",
        "unjustified",
        "unlawful",
        "unreasonable",
        "unwarranted",
        "wrong",
        "wrongly",
        "protectionism",
        "protectionist",
        "hegemony",
        "hegemonic",
        "coercion",
        "coercive",
        "blackmail",
        "hysteria",
        "smear",
        "violation",
        "violate",
        "discriminatory",
        "discrimination",
        "undermine",
        "undermining",
        "sabotage",
        "irresponsibly",
        "condemnable",
        "deceitful",
        "lie",
        "lies",
        "lying",
        "illogical",
        "bad",
        "terrible",
        "awful",
        "garbage",
        "toxic",
        "foolish",
        "stupid",
        "senseless",
        "pointless",
        "counterproductive",
        "inappropriate",
        "unconstitutional",
        "cruel",
        "inhumane",
        "indefensible",
        "unjustifiable",
        "ludicrous",
        "pathetic",
        "shortsighted",
        "short-sighted",
        "bullshit",
        # more of the same class: general words of blame for an act or its author
        "sham",
        "biased",
        "crass",
        "insensitive",
        "thuggish",
        "brutal",
        "petty",
        "nonsensical",
        "racist",
        "offensive",
        "unilateralism",
        "corrupt",
        "callous",
        "disingenuous",
        "misleading",
        "wasteful",
        "reneged",
        "betrayed",
        "bigoted",
        "xenophobic",
        "fantasy",
    ]
)
# Positive evaluations whose negation is a criticism ("the tariff is not justified", "it is not
# logical", "this is not fair").
NEGATABLE = frozenset(
    [
        "logical",
        "justified",
        "justifiable",
        "fair",
        "acceptable",
        "legitimate",
        "reasonable",
        "appropriate",
        "helpful",
        "legal",
        "lawful",
        "constructive",
        "responsible",
        "sensible",
        "wise",
        "credible",
    ]
)
# Wrongdoing a speaker alleges of someone (CAMEO 112).
ACCUSING = frozenset(
    [
        "lie",
        "cheat",
        "steal",
        "spy",
        "interfere",
        "meddle",
        "violate",
        "breach",
        "manipulate",
        "smear",
        "rig",
        "bribe",
        "hack",
        "infringe",
        "plunder",
        "exploit",
        "persecute",
        "torture",
        "kill",
        "murder",
        "oppress",
    ]
)
# The speaker's own worry (CAMEO 012): words of stance, not of the things reported ("risk",
# "threat", "serious" describe facts a statement may only report).
PESSIMISTIC = frozenset(
    [
        "worried",
        "worry",
        "worries",
        "concern",
        "concerned",
        "concerns",
        "fear",
        "fears",
        "afraid",
        "alarm",
        "alarmed",
        "alarming",
        "troubling",
        "pessimistic",
        "dismayed",
        "dismay",
    ]
)
OPTIMISTIC = frozenset(
    [
        "confident",
        "optimistic",
        "hopeful",
        "hope",
        "positive",
        "progress",
        "encouraging",
        "constructive",
        "fruitful",
        "productive",
        "successful",
        "candid",
        "friendly",
    ]
)
OBLIGATION = frozenset({"should", "must", "ought"})
# Things said or alleged: rejecting one, or calling it groundless, is a denial (016).
CLAIMS = frozenset(
    {"claim", "allegation", "accusation", "assertion", "report", "charge", "suggestion", "rumour", "rumor",
     "speculation", "criticism", "idea", "notion"}
)  # fmt: skip
# Things put to someone to accept: rebuffing one, or calling it unacceptable, is a rejection (12x).
ASKED = frozenset({"request", "offer", "proposal", "invitation", "call", "bid", "overture"})
DENIED = frozenset(
    [
        "ploy",
        "stunt",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "claim",
        "claims",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "report",
        "reports",
        "speculation",
    ]
)
# Speakers whose statements are commentary, not political acts (CAMEO codes actors, and the
# codebooks leave analysts, academics and other experts out): the EDU sector of our coder.
COMMENTATOR_SECTORS = frozenset({"EDU"})
# The speaker's own description that makes them a commentator whoever employs them (an economist
# at a bank, a research fellow at a state academy, a journalist, a sports coach): the conventions
# leave them out as actors, and what they say is commentary, not a report of events.
COMMENTATOR_WORDS = frozenset(
    {
        "analyst", "economist", "expert", "researcher", "scholar", "professor", "academic", "fellow",
        "strategist", "commentator", "columnist", "correspondent", "journalist", "editor", "reporter",
        "scientist", "lecturer", "historian", "observer", "pundit", "consultant", "coach", "player",
        "trader", "dealer", "broker",
    }
)  # fmt: skip
# Sectors whose members' statements are no political act: businesses, civilians, media, health
# workers, academics (a speech act needs a political speaker; GDELT rows need an actor code).
NONPOLITICAL_SECTORS = frozenset({"BUS", "CVL", "MED", "HLH", "EDU", "JRN"})
NUMERIC = frozenset({"percent", "%", "billion", "million", "bn", "mn"})


@dataclass(frozen=True, slots=True)
class SpeechAct:
    verb: Token
    code: str
    rule: str
    content: list[Token]  # the words said (clause or quote), for targets and features
    focus: Token | None = None  # the word that made the code (the blame, the accusing verb, "should")


def _content(verb: Token) -> list[Token]:
    """The words said: the verb's clausal complement, else the quotation it attributes."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "parataxis"):
            return sorted(c.subtree, key=lambda t: t.i)
    sent = verb.sent
    quoted = [t for t in sent if t.i != verb.i and not _in_subtree_of_subject(t, verb)]
    return [t for t in quoted if not t.is_punct]


def _in_subtree_of_subject(tok: Token, verb: Token) -> bool:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(tok.i in {t.i for t in s.subtree} for s in subj)


def _lemmas(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _negated(tok: Token) -> bool:
    """The evaluation ``tok`` is said not to hold: "is not justified", "was not a fair deal"."""
    if tok.dep_ in ("acomp", "attr", "ROOT", "ccomp", "conj") and any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head if tok.dep_ in ("acomp", "attr", "amod") else None
    if head is not None and head.dep_ == "attr" and any(c.dep_ == "neg" for c in head.head.children):
        return True  # "is not a fair deal"
    return head is not None and any(c.dep_ == "neg" for c in head.children)


def _blame(content: list[Token]) -> Token | None:
    """The first word of negative evaluation not itself negated ("not bad" is none), or of a
    positive one negated: what makes the words a criticism."""
    for t in content:
        word = _lemmas((t,))
        if word & CRITICAL and not _negated(t) and not _worried_about(t) and not _lie_of_position(t):
            return t
        if word & NEGATABLE and _negated(t):
            return t
    return None


def _worried_about(tok: Token) -> bool:
    """The blame word is what a worry is about ("concerns over the rise of protectionism",
    "worried about chaos"): the speaker's worry (012), not a criticism."""
    if not active("speech-worry-over-blame"):
        return False
    return any(_lemmas((a,)) & PESSIMISTIC for a in list(tok.ancestors)[:6])


def _judged(blame: Token) -> str | None:
    """The lemma of the noun a word of blame is said of: the subject it is predicated of ("the
    charges are groundless", "the proposals were unacceptable") or the noun it qualifies
    ("groundless charges")."""
    said_of = blame
    if blame.dep_ == "amod" and blame.head.pos_ == "NOUN":
        said_of = blame.head
        if said_of.dep_ not in ("attr", "oprd"):
            return said_of.lemma_.lower()
    # a predicate ("are groundless", "are a bad idea"): what it is said of is the subject
    if said_of.dep_ in ("acomp", "attr", "oprd"):
        subj = next((c for c in said_of.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return _collected(subj).lemma_.lower() if subj is not None and subj.pos_ == "NOUN" else None
    return None


# Nouns that only gather or count what their of-phrase names ("a set of proposals", "a package
# of measures"): what is judged is the thing gathered.
COLLECTIVE = frozenset({"set", "package", "series", "list", "raft", "number", "batch", "bundle", "string"})


def _collected(noun: Token) -> Token:
    """The noun a collective noun gathers ("a set of proposals": proposals), else the noun itself
    (rule ``speech-collective``)."""
    if not active("speech-collective") or noun.lemma_.lower() not in COLLECTIVE:
        return noun
    of = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return of[0] if of and of[0].pos_ == "NOUN" else noun


def _criticises(content: list[Token]) -> bool:
    return _blame(content) is not None


def obliged_act(tok: Token) -> bool:
    """The act an appeal asks for: a verb under "should", "must" or "ought to" ("Y should
    discuss", "Y should resume talks": the talks too), not an event that happened; the appeal
    does not yield to it."""
    if not active("appeal-beside-act"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION for t in (tok, *tok.ancestors) for c in t.children)


def asked_act(act: SpeechAct, tok: Token) -> bool:
    """The act a "time for" appeal asks for ("it is time for China to open its markets": open), which
    stands beside the appeal as the act asked for does under "should"."""
    return act.rule == "tidings:speech-time-for" and act.focus is not None and tok.i == act.focus.head.i


# Verbs by which someone else's words or ruling are told inside a statement.
RELAYING = frozenset({"say", "rule", "order", "decide", "find", "argue", "claim", "report", "tell", "write", "insist",
                      "state", "declare", "hold", "demand", "ask"})  # fmt: skip


def _told_by_another(aux: Token, verb: Token) -> bool:
    """ "He said the court had ruled that Zuma must go to jail": the "must" is the court's, told
    by the speaker, not the speaker's own appeal (a verb of saying or ruling with a subject of its
    own stands between)."""
    tok = aux.head
    if any(
        c.dep_ == "advcl" and c.lemma_.lower() in RELAYING and any(g.dep_ == "nsubj" for g in c.children)
        for c in tok.children
    ):
        return True  # the parser hung "after the court had ruled (that)" on the obligation's verb
    for _ in range(8):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == verb.i or not verb.is_ancestor(tok):
            return False  # out of what this verb says ("Commenting on ..., a spokesman said: ...")
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if tok.pos_ == "VERB" and own and tok.lemma_.lower() in RELAYING:
            return True
    return False


def _obliges_actor(aux: Token, is_actor: Callable[[Token], bool]) -> bool:
    """ "Y should act" puts the obligation on an actor Y (an appeal needs an addressee), not on a
    thing ("the tragedy should persuade", "adherence should not be a game")."""
    subj = [c for c in aux.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and is_actor(subj[0]) and not undergoes(aux.head)


# Adjectives after "be" that ask the subject to act ("must be ready to mediate"), unlike a
# capacity or a state ("should be able to decide", "should be clear").
WILLING = frozenset({"ready", "willing", "prepared", "eager", "determined", "careful"})


def undergoes(clause: Token) -> bool:
    """The obliged clause says what should happen to its subject or be so, not what it should do:
    a passive ("people should be guaranteed free care", "the Tories must not be allowed to win")
    or a state ("the citizen should be in charge", "elderly people should be able to decide").
    CAMEO's appeals and demands ask an actor to act; a wish about how things should be is an
    opinion. "Must be ready to mediate" asks an act. Dev half: no coded event changes; 150
    unlabelled articles: 6 appeals or demands removed, all opinions ("should be in charge",
    "should be clear to the voter", "must not be allowed to win")."""
    if not active("obliged-act"):
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children):
        return True
    if clause.lemma_.lower() != "be":
        return False
    return not any(c.dep_ == "acomp" and c.lemma_.lower() in WILLING for c in clause.children)


# Entity types of a named actor: the subject of a hoped-for act ("hopes the US would repeal").
NAMED_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Verbs of hoping for another's act, by lemma (verb_lemma: the small model makes "hopes" "hop").
HOPING = frozenset({"hope", "expect"})


_POSITIONS = frozenset({"ahead", "behind", "idle", "dormant", "low", "still", "there", "here", "empty", "unused"})


def _lie_of_position(verb: Token) -> bool:
    """ "Six ships lay idle", "the town lies in ruins", "the answer lies in reform": the verb of
    position, whose past is "lay" and which takes a state or a place, not the telling of untruths
    ("he lied to Parliament", "lied about the war") that accuses (112) or blames (111) (rule
    ``lie-of-position``)."""
    if not active("lie-of-position") or verb.lemma_.lower() != "lie" or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lower_ in ("lay", "lain"):
        return True
    return any(
        c.dep_ in ("acomp", "oprd")
        or (c.dep_ == "advmod" and c.lower_ in _POSITIONS)
        or (c.dep_ == "prep" and c.lower_ not in ("about", "to", "over"))
        for c in verb.children
    )


def named_other_acts(token: Token) -> bool:
    """The verb's complement is an act of a named actor other than its own subject: "hopes (that)
    the US would repeal", "expects the United States to take action" (not "expects rates to fall":
    no name; not "hopes to visit": the subject's own act; not "Expecting China to compromise is
    a misjudgment": no one hopes there)."""
    if token.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    for comp in token.children:
        if comp.dep_ not in ("ccomp", "xcomp") or comp.pos_ not in ("VERB", "AUX"):
            continue
        for subj in comp.children:
            if subj.dep_ in ("nsubj", "nsubjpass") and subj.pos_ == "PROPN" and subj.ent_type_ in NAMED_TYPES:
                return True
            if subj.dep_ == "nsubj" and parties(subj):
                return True
    return False


def parties(subj: Token) -> bool:
    """ "the two sides", "both countries", "all parties": the parties to a dispute, named by a plural
    noun of actors (:data:`~tidings.facts.events.arguments.PERSON_NOUNS`) — rule ``hope-parties``."""
    if not (active("hope-parties") and subj.tag_ == "NNS" and subj.lemma_.lower() in PERSON_NOUNS):
        return False
    # rule parties-determined: the parties are a definite set ("the two sides", "both countries",
    # "all parties", "their members"); a bare plural is people in general ("we hope that young
    # people will develop the enthusiasm"), whom no one appeals to
    return not active("parties-determined") or any(
        c.dep_ in ("det", "nummod", "predet", "poss") and c.lower_ not in ("a", "an", "some", "many", "more", "most")
        for c in subj.children
    )


# Words that praise what they are said of ("China's decision was positive", "the reform is
# vital"); not the words of a legal or factual defence ("was lawful", "is justified", "is fair"),
# which answer a charge rather than endorse.
APPROVING = frozenset(
    {"positive", "good", "favourable", "favorable", "vital", "crucial", "welcome", "beneficial", "great",
     "excellent", "commendable", "admirable", "courageous", "brave", "useful", "helpful", "constructive", "wise"}
)  # fmt: skip
# a forecast or a wish ("will be positive", "would be good"): the auxiliaries of the planned and
# the hypothetical, as factuality reads them
_FORECAST = FUTURE_AUX | MODAL_AUX


def _praised(content: list[Token], is_actor: Callable[[Token], bool] | None) -> Token | None:
    """A word of approval predicated of an actor or of a thing an actor did or holds ("Calenda said
    China's recent decision to reduce tariffs was positive", "said Beijing's reform is vital to the
    stability of the global economy", "said he was a great leader"): the speaker endorses it, CAMEO
    051 (praise or endorse), aimed at that actor; the speaker's optimism (013) is a hope about what
    is to come. Only a judgement of what is: not negated ("is not fair" is criticism), not a
    forecast or a wish ("will be positive", "would be good"). Rule speech-praise."""
    if is_actor is None or not active("speech-praise"):
        return None
    for tok in content:
        if not (_lemmas((tok,)) & APPROVING) or tok.dep_ not in _COPULAR or _negated(tok):
            continue
        verb = tok.head
        if any(c.dep_ == "aux" and spelt(c) in _FORECAST for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("it", "this", "that", "there"):
            continue
        # the actor is the subject or names it ("China's decision"): not one the clause only
        # hangs under ("I explained my view that military action was lawful")
        if is_actor(subj) or any(c.dep_ in ("poss", *NAMING_DEPS) and is_actor(c) for c in subj.children):
            return tok
    return None


def _hopes_other_acts(content: list[Token]) -> Token | None:
    """The words said hope that another named actor or the parties will act ("We hope that the two
    sides can meet each other halfway"): an appeal to them (020), as ``hope-other`` codes the same
    hope reported ("China hopes that the US would repeal"), not the speaker's optimism (013) —
    rule ``speech-hope-other``."""
    if not active("speech-hope-other"):
        return None
    return next((t for t in content if t.pos_ == "VERB" and verb_lemma(t) in HOPING and named_other_acts(t)), None)


def _no_said_of(tok: Token) -> bool:
    """ "This is no stunt", "there is no truth in the reports": the determiner "no" denies the
    noun it stands on, as "not" does a verb (rule ``speech-no-denial``)."""
    return active("speech-no-denial") and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _time_for(content: list[Token], is_actor: Callable[[Token], bool] | None) -> Token | None:
    """ "It is time for Mr Livingstone to say sorry", "it was high time the government acted": a
    clause on "time" after "it is" whose subject is an actor asks that actor to act now, an
    appeal (020) the way "should" is (rule ``speech-time-for``). The focus is the clause's
    "to" (or its verb), so the appeal's target is the clause's subject."""
    if not active("speech-time-for"):
        return None
    for tok in content:
        if tok.lemma_.lower() != "time" or tok.dep_ != "attr" or tok.head.lemma_.lower() != "be":
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.head.children):
            continue
        for clause in tok.children:
            if clause.dep_ not in ("relcl", "acl") or clause.pos_ != "VERB":
                continue
            subj = [c for c in clause.children if c.dep_ == "nsubj"]
            if subj and (is_actor is None or is_actor(subj[0])):
                return next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), subj[0])
    return None


def classify(
    verb: Token, content: list[Token], is_actor: Callable[[Token], bool] | None = None
) -> tuple[str, str] | None:
    coded = classify_with_focus(verb, content, is_actor)
    return None if coded is None else (coded[0], coded[1])


def classify_with_focus(
    verb: Token, content: list[Token], is_actor: Callable[[Token], bool] | None = None
) -> tuple[str, str, Token | None] | None:
    """(CAMEO code, rule, focus word) of what a generic reporting verb reports, or None for a
    report of facts (no evaluation, appeal or stance). ``is_actor`` tells whether a word names an
    actor (an appeal's addressee); without it any subject will do. The focus is the word that
    made the code, which :func:`target_heads` reads the target around."""
    words = _lemmas(content)
    negated = any(t.dep_ == "neg" for t in content)
    if active("speech-denial") and negated and words & DENIED:
        return "016", "tidings:speech-denial", None
    if active("speech-denial") and any(_lemmas((t,)) & DENIED and _no_said_of(t) for t in content):
        return "016", "tidings:speech-denial", None  # "This is no stunt"
    obliged = [t for t in content if t.lower_ in OBLIGATION and t.dep_ == "aux"]
    if is_actor is not None and active("appeal-addressee"):
        obliged = [t for t in obliged if _obliges_actor(t, is_actor)]
    if active("appeal-own-words"):
        obliged = [t for t in obliged if not _told_by_another(t, verb)]
    if active("speech-appeal") and obliged:
        return "020", "tidings:speech-appeal", obliged[0]
    time_for = _time_for(content, is_actor)
    if time_for is not None:
        return "020", "tidings:speech-time-for", time_for
    accusing = [
        t
        for t in content
        if t.lemma_.lower() in ACCUSING
        and t.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in t.children)
        and not _lie_of_position(t)
    ]
    if active("speech-accusation") and accusing:
        return "112", "tidings:speech-accusation", accusing[0]
    blame = _blame(content)
    judged = _judged(blame) if blame is not None and active("speech-judged-claim") else None
    if judged in CLAIMS:  # "charges of infringement are groundless": a denial of the claim
        return "016", "tidings:speech-judged-claim", blame
    if judged in ASKED:  # "the proposals were unacceptable": a rejection of what was put to them
        return "120", "tidings:speech-judged-claim", blame
    if active("speech-criticism") and blame is not None:
        return "111", "tidings:speech-criticism", blame
    praised = _praised(content, is_actor)
    if praised is not None:
        return "051", "tidings:speech-praise", praised
    hope = _hopes_other_acts(content)
    if hope is not None:
        return "020", "tidings:speech-hope-other", hope
    if active("speech-pessimism") and words & PESSIMISTIC:
        return "012", "tidings:speech-pessimism", None
    if active("speech-optimism") and words & OPTIMISTIC:
        return "013", "tidings:speech-optimism", None
    if words & NUMERIC or any(t.like_num for t in content):
        return None  # a report of figures
    if active("speech-statement"):
        return "010", "tidings:speech-statement", None
    return None


def _describes_commentator(name: Token) -> bool:
    """The phrase headed by ``name`` calls its bearer a commentator: "Dong Yan, a research
    fellow at ...", "England coach Andy Robinson" (titles, appositions, not relative clauses)."""
    todo = [name]
    while todo:
        tok = todo.pop()
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in COMMENTATOR_WORDS:
            return True
        todo.extend(c for c in tok.children if c.dep_ in ("compound", "appos", "amod", "nmod"))
    return False


def is_commentator(subj: Token, speakers: list[ActorRef], known: set[str]) -> bool:
    """Whether the speaker is a commentator (:data:`COMMENTATOR_WORDS`), described here or where
    the article named them (``known`` holds the entity ids of commentators met so far)."""
    heads = [subj]
    for ref in speakers:
        if ref.start is not None and ref.end is not None:
            span = subj.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is not None and len(span) and span.root.i != subj.i:
                heads.append(span.root)
    if any(_describes_commentator(h) for h in heads):
        known.update(r.entity_id for r in speakers if r.entity_id)
        return True
    return any(r.entity_id in known for r in speakers if r.entity_id)


def political(ref: ActorRef) -> bool:
    """A speaker whose statement can be a political act: not of a sector of private life
    (:data:`NONPOLITICAL_SECTORS`); a named person with no code yet may take the article's home
    country later (:func:`attach.home_actors`)."""
    return bool(ref.country or ref.actor_code or ref.entity_id) and ref.sector not in NONPOLITICAL_SECTORS


def _attribution(sent: Span) -> list[tuple[Token, Token]]:
    """(reporting word, speaker's head) pairs of a sentence: "X said", "according to X"."""
    out: list[tuple[Token, Token]] = []
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in GENERIC:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                out.append((tok, subj))
        elif tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                out.append((tok, obj))
    return out


def commentary(sent: Span, speaker_of: Callable[[Token], list[ActorRef]], known: set[str]) -> set[int]:
    """Token indices of what commentators say in this sentence: the words of the sentence outside
    the commentator's own phrase. Analysis is no report of events (the conventions), so events
    read off these words are not coded."""
    if not active("commentary-content"):
        return set()
    out: set[int] = set()
    for verb, speaker in _attribution(sent):
        if is_commentator(speaker, speaker_of(speaker), known):
            own = {t.i for t in speaker.subtree} | {verb.i}
            out |= {t.i for t in sent if t.i not in own}
    return out


# Pronouns that stand for a speaker of an earlier sentence, by the kind of speaker they fit.
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})


def _kind(subj: Token, refs: list[ActorRef]) -> str:
    """ "person" for a speaker named as a person, else "group" (a government, party, ministry)."""
    for ref in refs:
        if ref.start is not None and ref.end is not None:
            span = subj.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is not None and len(span) and span.root.ent_type_ == "PERSON":
                return "person"
    if subj.ent_type_ == "PERSON":
        return "person"
    return "groups" if subj.tag_ in ("NNS", "NNPS") and active("speaker-number") else "group"


def earlier_speaker(
    subj: Token, last: dict[str, list[ActorRef]] | None, gender: Callable[[ActorRef], str | None] | None = None
) -> list[ActorRef]:
    """The speaker a pronoun subject of a verb of saying stands for when the words do not say:
    the last political speaker of the article of the kind it fits ("he"/"she" a person, not one
    ``gender`` (the entity's) marks as of the other gender; "it"/"they" a government or group).
    News names a speaker once and goes on with "he said"."""
    if last is None or not active("speaker-pronoun") or subj.pos_ != "PRON":
        return []
    low = subj.lower_
    if low in PERSON_PRONOUNS:
        people = last.get("person", [])
        if gender is None or not active("gendered-fallback"):
            return list(people)
        return [r for r in people if may_refer(low, gender(r))]
    if low == "they":  # "officials ... they said", or a government spoken of as they
        return list(last.get("groups", []) or last.get("group", []))
    if low in GROUP_PRONOUNS:  # "it": one body, never "Pentagon officials"
        return list(last.get("group", []))
    return []


def participle_speaker(verb: Token) -> Token | None:
    """The speaker of a participle of saying with no subject of its own: the subject of the
    clause it hangs from ("Tester criticized the bailout, saying ...", "stressed that ...,
    adding that ...", "was quoted as saying")."""
    if not active("participle-speaker") or verb.tag_ != "VBG":
        return None
    if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp"):
        return None
    head = verb.head
    if head.dep_ == "prep":  # "quoted as saying"
        head = head.head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def speech_acts(
    sent: Span,
    speaker_of: Callable[[Token], list[ActorRef]],
    known: set[str] | None = None,
    last: dict[str, list[ActorRef]] | None = None,
    gender: Callable[[ActorRef], str | None] | None = None,
) -> list[tuple[SpeechAct, list[ActorRef]]]:
    """The statements of a sentence whose speaker codes as a political actor, with the speakers
    (``known``: entity ids of the article's commentators; ``last``: the article's last speakers
    by kind, for :func:`earlier_speaker`; both kept across its sentences)."""
    known = set() if known is None else known
    out: list[tuple[SpeechAct, list[ActorRef]]] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in GENERIC:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) or participle_speaker(tok)
        if subj is None:
            continue
        speakers = speaker_of(subj) or earlier_speaker(subj, last, gender)
        if active("speech-commentator"):
            # analysts, academics and experts commenting are not actors, nor their comments events
            if is_commentator(subj, speakers, known):
                continue
            speakers = [r for r in speakers if r.sector not in COMMENTATOR_SECTORS]
        if active("speech-political-speaker"):
            speakers = [r for r in speakers if political(r)]
        if not speakers:
            continue
        if last is not None and subj.pos_ != "PRON":
            last[_kind(subj, speakers)] = speakers
        content = _content(tok)
        if not content:
            continue
        coded = classify_with_focus(tok, content, lambda t: bool(speaker_of(t)))
        if coded is not None:
            out.append((SpeechAct(tok, coded[0], coded[1], content, coded[2]), speakers))
    return out


# Argument positions a target is read from, and the modifiers that name one inside the phrase
# of the focus word ("US protectionism", "American meddling", "Washington's bullying").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss"})
NAMING_DEPS = frozenset({"compound", "amod", "nmod"})
NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_COPULAR = frozenset({"acomp", "attr", "oprd"})
AUTHOR_PREPS = frozenset({"by", "from"})  # not "of": "contempt of court" is aimed at the court


def _author_heads(noun: Token, skip: Token) -> list[Token]:
    """Who a blamed thing is of, best first: names modifying it ("US tariffs", "Washington's
    bullying"), the one it is by or from ("imposed by the EU", "the move from Washington"),
    then the subject of the clause it is part of ("The US ... by imposing unreasonable tariffs");
    not whom it is on or against, who suffers it."""
    own = [c for c in noun.children if c.i != skip.i and c.dep_ in ("poss", *NAMING_DEPS) and c.ent_type_ in NAMED]
    own += [c for c in noun.children if c.i != skip.i and c.dep_ == "poss"]
    by: list[Token] = []
    for tok in noun.subtree:
        if tok.dep_ == "pobj" and (
            tok.head.dep_ == "agent" or (tok.head.head.i == noun.i and tok.head.lower_ in AUTHOR_PREPS)
        ):
            by.append(tok)
    up = noun
    clause_subj: list[Token] = []
    for _ in range(6):
        if up.head.i == up.i:
            break
        up = up.head
        subj = [c for c in up.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != noun.i]
        if up.pos_ in ("VERB", "AUX") and subj:
            relative = subj[0].lower_ in ("who", "which", "that") and up.dep_ == "relcl"
            clause_subj = [up.head] if relative else subj  # "Trump, who has been sending ...": Trump
            break
    return own + by + clause_subj


def _aimed_heads(act: SpeechAct) -> list[Token]:
    """The heads the speech act is aimed at, around its focus word: the one the speaker wants
    to act (the subject of "should"), the one accused (the subject of "violated"), or the author
    of the thing criticised (:func:`_author_heads` of the noun blamed, of the noun an adjective
    of blame qualifies, or of the subject a predicate of blame is said of: "the move from
    Washington was not acceptable")."""
    focus = act.focus
    if focus is None or not active("speech-aimed-target"):
        return []
    if act.code == "020" and focus.dep_ == "nsubj":  # "it is time the government acted"
        return [focus]
    if act.code == "020" or act.code == "112":
        verb = focus if act.code == "112" else focus.head
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if focus.dep_ in ("amod", "compound") and focus.head.pos_ in ("NOUN", "PROPN"):
        return _author_heads(focus.head, focus)  # "unfair tariffs by the US"
    if focus.dep_ in _COPULAR:
        subj = [c for c in focus.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [*_author_heads(subj[0], focus), subj[0]] if subj else []
    if focus.pos_ in ("NOUN", "PROPN"):
        return _author_heads(focus, focus)  # "US protectionism", "bullying by Washington"
    return []


# Verbs of saying whose object is the one spoken to ("told MPs", "tell Nakasone").
ADDRESSING = frozenset({"tell"})


def addressees(verb: Token) -> list[Token]:
    """The one a verb of telling speaks to, its object ("he told MPs", "Reagan said he would tell
    Nakasone: ..."): CAMEO's target of a statement is the actor it is made to, when the words
    aim at no one else. Rule speech-addressee."""
    if verb.lemma_.lower() not in ADDRESSING or not active("speech-addressee"):
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON")]


_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "conj", "parataxis"})


def telling_verb(trigger: Token) -> Token | None:
    """The verb of telling whose words hold ``trigger`` ("told ministry officials he opposes a
    merger": told), climbing the clauses of the content (at most four: "tell Nakasone: 'We want to
    continue ... and want to lift ...'")."""
    node = trigger
    for _ in range(4):
        if node.dep_ not in _CONTENT_DEPS or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in ADDRESSING:
            return node
    return None


# Roots of acts aimed at what they are about (disapprove, reject): the actor the words name is
# their target before the one they are told to ("He told delegates that Labour had abused the
# public's trust": Labour).
ABOUT_ROOTS = ("11", "12")


def target_heads(act: SpeechAct, told_heads: Sequence[Token]) -> list[Token]:
    """Heads of the phrases a speech act's target is read from, best first: where it is aimed
    (:func:`_aimed_heads`), then the one told (``told_heads``, the caller's :func:`addressees` of
    the act's verb) and the arguments of the words
    said in order: the one told first for a statement or an appeal, which is made to them, last
    for a criticism or a rejection, which is about the actor it names."""
    near = _aimed_heads(act)
    told = [t for t in told_heads if t.i not in {n.i for n in near}]
    seen = {t.i for t in near + told}
    rest = [
        t for t in act.content if t.i not in seen and t.dep_ in ARGUMENT_DEPS and t.pos_ in ("PROPN", "NOUN", "PRON")
    ]
    return near + (rest + told if act.code.startswith(ABOUT_ROOTS) else told + rest)
