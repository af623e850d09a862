"""Which words of a parse are an event trigger's actor arguments.

Direct arguments come from the trigger's own dependents (subject, passive agent, object,
with/to/against/... objects). When those name no actor, the coder reads further, as a
human coder of the CAMEO manual does:

* the subject is inherited through "plans to meet", "is ready to contribute", "is
  scheduled to attend" (stative passives keep their subject as the doer);
* the target may sit inside the object phrase: "granted asylum **to Panamanian officers**",
  "a suspension of air links **with Serbia**", "agreed to **US** mediation", "an
  investigation into crimes committed **by Croat forces**";
* or in the complement clause: "offered to hand over **to Great Britain**", and the
  subject of a demanded act is the target of the demand: "demanded that **the US** cancel".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tidings.facts.events.rules import active

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.records import Event

TARGET_PREPS = frozenset(
    {"with", "to", "against", "from", "on", "at", "toward", "towards", "into", "over", "between", "of", "for"}
)
SOURCE_PREPS = frozenset({"by", "from"})
# Participles whose passive subject is the doer: "X is committed to", "X is scheduled to attend".
STATIVE = frozenset(
    {
        "commit",
        "prepare",
        "schedule",
        "engage",
        "determine",
        "expect",
        "set",
        "involve",
        "oblige",
        "poise",
        "dispose",
        "resolve",
        "due",
        "inclined",
        "willing",
        "ready",
    }
)
# Where-and-when prepositions name a venue, not a target: "a meeting in Singapore".
_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "across",
        "around",
        "during",
        "before",
        "after",
        "since",
        "until",
        "within",
        "throughout",
        "amid",
        "via",
        "through",
    }
)
# Verbs whose complement's subject is the one they act on: the asked, the pressed, the accused.
DIRECTIVE = frozenset(
    {
        "demand",
        "want",
        "urge",
        "ask",
        "call",
        "request",
        "order",
        "press",
        "push",
        "appeal",
        "force",
        "pressure",
        "encourage",
        "invite",
        "persuade",
        "allow",
        "permit",
        "help",
        "warn",
        "require",
        "insist",
        "claim",
        "allege",
        "accuse",
        "blame",
        "wish",
        "need",
        "expect",
    }
)
# Journeys whose purpose phrase names what the traveller came to do ("flew in for talks").
TRAVEL = frozenset({"arrive", "come", "go", "travel", "fly", "head", "visit", "return", "land", "reach"})
_DEEP_DEPS = frozenset({"prep", "pobj", "compound", "amod", "poss", "nmod", "acl", "agent", "appos"})


def is_stative(verb: Token) -> bool:
    return verb.lemma_.lower() in STATIVE or verb.lower_ in STATIVE


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited through xcomp/conj/advcl/acomp chains ("plans to meet",
    "held talks and agreed", "is ready to contribute")."""
    node = verb
    for _ in range(5):
        subj = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        if not subj and is_stative(node):
            subj = [c for c in node.children if c.dep_ == "nsubjpass"]
        if subj:
            return past_dateline(subj[0])
        if node.dep_ in ("xcomp", "conj", "advcl", "acomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "relcl":
            return node.head
        return None
    return None


_DATELINE_MARKS = frozenset({"_", "-", "--", "—", "–"})


def past_dateline(subj: Token) -> Token:
    """The real subject when the parse took a wire dateline for it ("MOSCOW (AP) _ Russia and
    Switzerland signed": Russia, not Moscow): a capitalised place opening the sentence whose
    apposition follows a dash or underscore."""
    if not (subj.i == subj.sent.start and subj.is_upper and len(subj.text) > 2):
        return subj
    for app in subj.children:
        if app.dep_ == "appos" and app.pos_ in ("PROPN", "NOUN") and not app.is_upper:
            between = subj.doc[subj.i + 1 : app.i]
            if any(t.text in _DATELINE_MARKS for t in between):
                return app
    return subj


def verb_args(verb: Token, is_trigger: Callable[[Token], bool]) -> tuple[list[Token], list[Token], list[Token]]:
    """(source heads, target heads, event-noun objects to read into) of a verb trigger."""
    src: list[Token] = []
    tgt: list[Token] = []
    inner: list[Token] = []
    subj = subject_of(verb)
    stative = is_stative(verb)
    passive = not stative and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "nsubjpass" and not stative:
            tgt.append(c)
        elif c.dep_ in ("dobj", "dative", "attr"):
            (inner if is_trigger(c) else tgt).append(c)
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and passive):
            src.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    (inner if is_trigger(g) else tgt).append(g)
    if subj is not None and not passive:
        src.insert(0, subj)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not tgt and verb.head.pos_ in ("NOUN", "PROPN"):
        tgt.append(verb.head)  # "10 Russian soldiers killed in Ukraine": the noun is the one acted on
    return src, tgt, inner


def deep_targets(roots: Iterable[Token], codes: Callable[[Token], bool], max_depth: int = 3) -> list[Token]:
    """The first phrase heads below ``roots`` (breadth first, through prepositions,
    modifiers, participle clauses and their agents) that code as actors."""
    frontier = [(r, 0) for r in roots]
    seen = {r.i for r, _ in frontier}
    while frontier:
        tok, depth = frontier.pop(0)
        for c in tok.children:
            if c.i in seen or c.dep_ not in _DEEP_DEPS or (c.dep_ == "prep" and c.lower_ in _LOCATIVE):
                continue
            seen.add(c.i)
            if c.dep_ not in ("prep", "agent", "acl") and codes(c):
                return [c, *[x for x in c.conjuncts if x.i > c.i]]
            if depth + 1 < max_depth or c.dep_ in ("prep", "agent"):
                frontier.append((c, depth + (0 if c.dep_ in ("prep", "agent") else 1)))
    return []


def complement_targets(verb: Token, is_trigger: Callable[[Token], bool], codes: Callable[[Token], bool]) -> list[Token]:
    """Targets read from a verb's complement clause: the subject of a demanded or proposed act
    ("demanded that the US cancel", "wants Putin to attack"), else the complement's own
    targets ("offered to hand over to Great Britain", "agreed to lift sanctions on Iran")."""
    own_subject = subject_of(verb)
    for comp in verb.children:
        if comp.dep_ not in ("xcomp", "ccomp") or comp.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        if (
            subj
            and verb.lemma_.lower() in DIRECTIVE
            and (own_subject is None or subj[0].i != own_subject.i)
            and codes(subj[0])
        ):
            return subj[:1]
        _src, tgt, inner = verb_args(comp, is_trigger)
        found = [t for t in tgt if codes(t)] or deep_targets([*tgt, *inner], codes)
        if found:
            return found
    return []


def shared_objects(verb: Token, is_trigger: Callable[[Token], bool]) -> list[Token]:
    """Objects of a conjoined verb ("donated and delivered goods to X"): conjuncts share them."""
    out: list[Token] = []
    for other in (*verb.conjuncts,):
        if other.pos_ != "VERB":
            continue
        _src, tgt, _inner = verb_args(other, is_trigger)
        out.extend(t for t in tgt if t.dep_ != "nsubjpass")
    return out


def noun_doer(noun: Token) -> Token | None:
    """The doer of an eventive noun that names none itself: the subject of the verb that
    holds it as object ("the advisers held talks") or of the journey made for it ("Liu arrived
    in Washington for consultations with the US side")."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head)
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in TRAVEL:
        return subject_of(head.head)
    return None


def between_pair(noun: Token) -> tuple[list[Token], list[Token]]:
    """ "Talks between China and South Korea": the first party is the source and the others
    the targets, as for a conjoined subject of a mutual verb (empty when not so phrased)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            first = [g for g in prep.children if g.dep_ == "pobj"]
            if first and first[0].conjuncts:
                return first[:1], [c for c in first[0].conjuncts if c.i > first[0].i]
    return [], []


def _is_pattern(rule: str) -> bool:
    """Coded by a PETRARCH-2 phrase pattern (``petr2:VERB:id``), not the verb's block alone."""
    return "petr2:" in rule and rule.rsplit("petr2:", 1)[1].count(":") > 0


def absorb_objects(doc: Doc, events: Sequence[tuple[Event, int]]) -> list[tuple[Event, int]]:
    """Events of a sentence that only restate another as its argument: an eventive noun that
    is the object of a verb the dictionary coded as a phrase ("signed an agreement" is the
    signing, 057, not also an agreement, 030; "held talks with Xi" is one consultation), and a
    verb done "by ...ing" something that is itself an event ("China hit back by suspending
    concessions": the suspension). The event kept takes the other's target when it has none."""
    if not (active("noun-object") or active("by-means")):
        return list(events)
    by_start = {e.start: i for i, (e, _) in enumerate(events)}
    drop: set[int] = set()
    out = list(events)
    for i, (event, number) in enumerate(events):
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span.root
        means = _means_of(tok) if active("by-means") else None
        k = by_start.get(means.idx) if means is not None else None
        if k is not None and k != i and events[k][1] == number:
            drop.add(i)  # "hit back at US tariffs by suspending concessions": the suspension is the act
            _fill_target(out, k, event)
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "dobj" or not active("noun-object"):
            continue
        j = by_start.get(tok.head.idx)
        if j is None or j == i or not _is_pattern(events[j][0].rule) or events[j][1] != number:
            continue
        drop.add(i)
        _fill_target(out, j, event)
    return [item for i, item in enumerate(out) if i not in drop]


def _fill_target(out: list[tuple[Event, int]], j: int, donor: Event) -> None:
    kept = out[j][0]
    if kept.target is None and donor.target is not None:
        out[j] = (replace(kept, target=donor.target, targets=donor.targets), out[j][1])


def _means_of(verb: Token) -> Token | None:
    """The gerund of a "by ...ing" phrase on a verb: the concrete act by which it was done
    ("retaliated by expelling diplomats", "escalated the dispute by imposing tariffs")."""
    if verb.pos_ != "VERB":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for g in prep.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG":
                    return g
    return None
