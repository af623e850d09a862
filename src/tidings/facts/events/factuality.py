"""Factuality of an event trigger from the dependency tree.

Dictionary coders code "plans to meet", "would meet" and "refusal to condemn" as if they
happened; this module reads the trigger's own modifiers and the chain of words that
govern it (``meet`` <- xcomp ``plans``) and returns one of ``asserted``, ``planned``,
``hypothetical``, ``negated`` or ``alleged``, plus the attribution ("according to US
officials") when the sentence names one. The order of checks matters: the nearest
governing cue decides ("postponed plans to visit" is a planned visit).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.facts.events.arguments import occasion_verb
from tidings.facts.events.rules import active
from tidings.nlp import spelt

if TYPE_CHECKING:
    from spacy.tokens import Token

PLAN_CUES = frozenset({
    "plan", "intend", "expect", "schedule", "prepare", "aim", "due", "agree", "promise", "pledge",
    "vow", "decide", "offer", "propose", "seek", "try", "want", "set", "hope", "invite", "urge",
    "request", "ask", "call", "demand", "mission", "effort", "commitment", "threaten",
    "willing", "ready", "prepared", "determined", "eager", "poised", "intent",
})  # fmt: skip
# Words of a capacity: what an actor can do is no act done ("has the ability to safeguard").
CAPACITY = frozenset({"ability", "capability", "capacity", "capable"})
# Verbs of deciding: an authority that decided (opted, voted) to act has taken the act, as CAMEO
# codes it ("decided to impose a tariff" is the sanction, not an intent to sanction).
DECISIONS = frozenset({"decide", "opt", "vote", "resolve", "choose"})
ALLEGE_CUES = frozenset(
    {
        "allege",
        "allegation",
        "allegedly",
        "accuse",
        "accusation",
        "claim",
        "blame",
        "reportedly",
        "purportedly",
        "suspect",
        "charge",
    }
)
ADJUNCT_PREPS = frozenset(
    {"after", "before", "since", "following", "despite", "amid", "during", "over", "because", "due"}
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "must"})
# Subordinators after which English uses the present tense for what is still to come.
FUTURE_MARKS = frozenset({"before", "until", "till", "once"})
# Dependency relations through which a governing word scopes over the trigger.
_SCOPE_DEPS = frozenset(
    {
        "xcomp",
        "acomp",  # "would be happy to meet": the copula's modal (see _own_scope)
        "ccomp",
        "acl",
        "advcl",
        "pcomp",
        "pobj",
        "prep",
        "dobj",
        "conj",
        "relcl",
        "csubj",
        "nsubjpass",
        "nsubj",
        "attr",
        "compound",
        "amod",
    }
)
# Cues that, as the trigger's own lemma, do not make the trigger itself non-factual.
_SELF_OK = frozenset(
    {
        "refusal",
        "refuse",
        "reject",
        "deny",
        "cancel",
        "cancellation",
        "decline",
        "fail",
        "failure",
        "allege",
        "allegation",
        "accuse",
        "accusation",
        "blame",
        "claim",
        "agree",
        "promise",
        "pledge",
        "vow",
        "decide",
        "offer",
        "propose",
        "seek",
        "request",
        "ask",
        "call",
        "demand",
        "urge",
        "invite",
        "plan",
        "hope",
        "want",
        "try",
        "mission",
    }
)


@dataclass(frozen=True, slots=True)
class Factuality:
    value: str  # asserted|planned|hypothetical|negated|alleged
    cue: str | None = None
    attribution: str | None = None


def is_purpose(tok: Token) -> bool:
    """An infinitive adverbial clause: "... to protest the decision", "... to demand reforms"."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _auxiliary(child: Token) -> str | None:
    """What an auxiliary child says of its verb: "will" planned, "could" hypothetical."""
    if child.dep_ not in ("aux", "auxpass"):
        return None
    low = spelt(child)
    if low in FUTURE_AUX:
        return "planned"
    return "hypothetical" if low in MODAL_AUX else None


def _own(token: Token) -> str | None:
    """Factuality read from the trigger's own children (auxiliaries, negation, adverbs).
    Negation wins over a modal wherever it stands: "would not provide" is a refusal."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in ("no", "never")):
            return "negated"
    for child in token.children:
        low = spelt(child)
        aux = _auxiliary(child)
        if aux is not None:
            return aux
        if child.dep_ in ("advmod", "mark") and low in ("possibly", "perhaps", "maybe", "if", "unless", "whether"):
            return "hypothetical"
        if child.dep_ == "advmod" and low in ("allegedly", "reportedly", "purportedly"):
            return "alleged"
        if child.dep_ == "aux" and low == "to" and token.dep_ == "xcomp" and token.head.lower_ == "going":
            return "planned"
        if child.dep_ == "aux" and low == "to" and token.dep_ == "advcl" and not _went_on_to(token):
            return "planned"  # purpose clause: "agreed ... in part to counter China"
        if child.dep_ == "mark" and low in FUTURE_MARKS and token.tag_ in ("VBZ", "VBP"):
            return "planned"  # a present tense in a temporal clause refers ahead: "a day before Sarkozy heads"
    return None


def _went_on_to(token: Token) -> bool:
    """ "Mr McConnell went on to promise ...": the aspectual phrasal verb "go on to" tells the next
    thing done, which the parse hangs as a purpose clause; the act is as factual as "went" (rule
    ``went-on-to``), not planned ("went on to win the election" happened)."""
    head = token.head
    return (
        active("went-on-to")
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
    )


def _governing(token: Token, steps: int = 5) -> list[Token]:
    chain: list[Token] = []
    node = token
    for _ in range(steps):
        if node.dep_ not in _SCOPE_DEPS or node.head.i == node.i:
            break
        if node.dep_ == "acomp" and not active("modal-copula"):
            break
        node = node.head
        chain.append(node)
    return chain


def _cue_of(gov: Token, via: Token) -> str | None:
    lemma, low = gov.lemma_.lower(), gov.lower_
    if via.dep_ == "conj":  # a conjunct shares its head's frame, not its lexical meaning
        return None
    if lemma in DECISIONS and via.dep_ == "xcomp" and active("decision"):
        return None  # "decided to impose tariffs": the decision's own tense and negation scope
    if lemma in ("refusal", "refuse", "fail", "failure", "decline", "reluctance") and via.dep_ in (
        "xcomp",
        "acl",
        "pcomp",
        "prep",
    ):
        return "negated"
    if lemma in ("deny", "reject") and via.dep_ in ("ccomp",):
        return "negated"
    if lemma in ALLEGE_CUES and via.dep_ in ("ccomp", "acl", "prep", "pobj", "pcomp"):
        return "alleged"
    if lemma in ("hope", "wish", "whether", "if", "possible", "chance") or low in ("possible",):
        return "hypothetical"
    if lemma in CAPACITY and via.dep_ in ("acl", "xcomp", "prep", "pobj", "pcomp") and active("modal-copula"):
        return "hypothetical"  # "has the ability to safeguard": a capacity, not the act
    if lemma in PLAN_CUES and via.dep_ in ("xcomp", "acl", "pcomp", "prep", "pobj", "ccomp", "dobj", "compound"):
        return "planned"
    return None


def _attribution(token: Token) -> str | None:
    sent = token.sent
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                span = t.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1]
                return span.text
    root = sent.root
    if root.i != token.i and root.lemma_ in ("say", "tell", "report", "claim", "state", "add", "note"):
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and token.i in {t.i for t in root.subtree}:
            return token.doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text
    return None


def assess(token: Token) -> Factuality:
    """Factuality of the event whose trigger is ``token``."""
    attribution = _attribution(token)
    own = _own(token)
    if own is not None:
        return Factuality(own, "own", attribution)
    shared = _shared_modal(token)
    if shared is not None:
        return Factuality(shared, "shared", attribution)
    clause = occasion_verb(token)
    if clause is not None:  # "At a meeting with Xi, Blinken said": the meeting took place as the saying did
        return Factuality(assess(clause).value, "occasion", attribution)
    # "the shootdown of what the US says was a spy balloon": nothing special; but the
    # governing chain scopes: "plans to meet", "refusal to condemn", "hoping to meet".
    via = token
    for gov in _governing(token):
        if via.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lower_ == "ahead":
            return Factuality("planned", "ahead of", attribution)  # "talks come ahead of a summit"
        if via.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in ADJUNCT_PREPS:
            break  # "(plans to visit) after the shootdown": the shootdown happened
        if gov.lemma_.lower() in _SELF_OK and gov.i == token.i:
            continue
        cue = _cue_of(gov, via)
        if cue is None:
            cue = _own_scope(gov, via)
        if cue is not None:
            return Factuality(cue, gov.lemma_.lower(), attribution)
        via = gov
    return Factuality("asserted", None, attribution)


def _shared_modal(token: Token) -> str | None:
    """ "the government can tax or seize unused farm sites", "will meet and sign": a bare verb
    conjoined to a verb with a modal or future auxiliary, with no subject or auxiliary of its own,
    is under the same auxiliary (rule ``shared-modal``); a conjunct in a tense of its own ("was
    arrested and has been charged", "would not provide and refused") is not."""
    if not active("shared-modal") or token.dep_ != "conj" or token.tag_ != "VB":
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "neg") for c in token.children):
        return None
    head = token.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return next((aux for aux in map(_auxiliary, head.children) if aux is not None), None)


def _own_scope(gov: Token, via: Token) -> str | None:
    """Auxiliaries and negation of a governing verb scope over its complements
    ("did not agree to meet", "will travel to meet"), but not over conjuncts; a copula's over its
    adjective's ("would be happy to meet": rule ``modal-copula``; dev half 2 events no longer
    asserted, both right: "would never be able to reach agreement", "will be able to meet"; 150
    unlabelled articles 3, all better)."""
    scoping = ("xcomp", "ccomp", "advcl", "pcomp", "prep", "pobj", "dobj", "acl")
    if via.dep_ not in scoping and not (via.dep_ == "acomp" and active("modal-copula")):
        return None
    if via.dep_ in ("dobj", "prep", "pobj") and is_purpose(gov):
        return None  # "struck to protest the seizure": the seizure is what is protested, not planned
    result = _own(gov)
    if result == "negated" and via.dep_ in ("pobj", "prep", "dobj"):
        return "negated"
    return result
