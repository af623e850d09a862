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

from tidings.facts.events.nouns import is_event_noun, is_meeting_noun
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
        if not subj:
            subj = [c for c in node.children if misparsed_subject(c)]
        if subj:
            return past_dateline(subj[0])
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            document = document_before(node)
            if document is not None:  # "based on a complaint filed by X, alleging that": the complaint alleges
                return document
        if node.dep_ in ("xcomp", "conj", "advcl", "acomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ == "by" and active("gerund-doer"):
            node = node.head.head  # "the US put domestic law above international law by imposing tariffs"
            continue
        if node.dep_ == "pcomp" and node.tag_ == "VBG" and _controlled_gerund(node):
            node = node.head.head  # "Connolly has been outspoken in condemning Israel": Connolly condemned
            continue
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ == "acl" and node.tag_ == "VBG":
            return document_author(node)
        return None
    return None


def _controlled_gerund(gerund: Token) -> bool:
    """A gerund after "in" completing a verb or adjective ("outspoken in condemning Israel",
    "joined them in denouncing") has no subject of its own: English subject control makes the
    clause's subject its doer, as for "by ...ing". Not "to ...ing": after an adjective of
    disposition ("devoted to promoting free trade", "committed to resolving") it names a stance,
    no act done (150 unlabelled articles: 'France and Germany are devoted to promoting' became a
    cooperation event). Rule adjunct-gerund."""
    prep = gerund.head
    if prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "ADJ", "AUX"):
        return False
    return active("adjunct-gerund")


# Documents that speak for whoever filed, issued or wrote them: "a complaint filed by U.S. Steel".
DOCUMENTS = frozenset(
    {"statement", "report", "complaint", "resolution", "filing", "letter", "declaration", "communique",
     "petition", "lawsuit", "suit", "injunction", "order", "ruling", "verdict", "decree", "directive"}
)  # fmt: skip


def document_filer(noun: Token) -> Token | None:
    """Who filed, issued or wrote a document ("a complaint filed by U.S. Steel Corporation", "a
    statement issued by the ministry"): the agent of a participle on the document noun. The
    document acts for its filer, so the filer is the doer of what the document does (alleges,
    demands). Rule document-filer."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DOCUMENTS or not active("document-filer"):
        return None
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


# Texts and motions an actor puts out, whose words act for it.
AUTHORED = DOCUMENTS | frozenset({"motion", "amendment", "note", "memorandum", "memo", "editorial"})


def document_author(participle: Token) -> Token | None:
    """The author of the document a participle describes ("the Tories and Lib Dems have tabled a
    motion opposing the new bill", "the government issued a statement condemning the attack",
    "MPs signed a letter criticising the president"): what the document does, its author does, so
    the doer is the document's possessor, its filer ("a statement issued by the ministry") or the
    subject of the verb that puts it out (the document its object). Rule document-author."""
    noun = participle.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in AUTHORED or not active("document-author"):
        return None
    own = next((c for c in noun.children if c.dep_ == "poss"), None) or document_filer(noun)
    if own is not None:
        return own
    return subject_of(noun.head) if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None


def document_before(participle: Token) -> Token | None:
    """The filed document a participle set off by a comma describes when the parse hung it on a
    passive verb ("The investigation is based on a complaint filed by U.S. Steel on April 26,
    alleging that ..."): the participle has no subject, the passive's subject undergoes the verb
    and cannot be its doer, and the phrase closing right before the comma is a document with a
    filer (:func:`document_filer`), whose claim the participle tells."""
    head, doc = participle.head, participle.doc
    if participle.i < 2 or doc[participle.i - 1].text != "," or not any(c.dep_ == "auxpass" for c in head.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children):
        return None
    node = doc[participle.i - 2]
    while node.i != head.i and node.head.i != node.i:
        if document_filer(node) is not None:
            return node
        node = node.head
    return None


# Words that may stand between a clause's subject and its verb: auxiliaries, "not", adverbs.
_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})


def misparsed_subject(tok: Token) -> bool:
    """A name the parser hung on a verb as an adverb ("But Connolly has gone farther": Connolly an
    advmod of "gone") where the verb has no subject: a proper name standing right before the verb
    and its auxiliaries is the clause's subject, as English word order puts it. Rule
    name-subject."""
    verb = tok.head
    if tok.dep_ not in ("advmod", "npadvmod") or tok.pos_ != "PROPN" or tok.i > verb.i or not active("name-subject"):
        return False
    if tok.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    between = tok.doc[tok.right_edge.i + 1 : verb.i]
    return all(t.dep_ in _BEFORE_VERB and t.head.i == verb.i for t in between)


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
    shared = shared_passive_subject(verb)
    if shared is not None and not stative:  # "was identified and arrested": the one arrested
        tgt.append(shared)
        passive = True
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
        elif c.dep_ == "prep" and c.lower_ == "in":
            inner.extend(meeting_taken_part_in(c))
    if subj is not None and not passive:
        src.insert(0, subj)
    patient = inherited_patient(verb) if shared is None else None
    if patient is not None and not stative:  # "having been charged with fraud": the one charged
        tgt.insert(0, patient)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not tgt and verb.head.pos_ in ("NOUN", "PROPN"):
        tgt.append(verb.head)  # "10 Russian soldiers killed in Ukraine": the noun is the one acted on
    return src, tgt, inner


def meeting_taken_part_in(prep: Token) -> list[Token]:
    """The meeting an "in" phrase of a verb names as what its subject takes part in ("would be
    willing to participate personally in any negotiations with Congress", "engaged in talks with
    Iran"): a meeting is no venue, so its partner ("with Congress") is the one the act is aimed at,
    read into as into an object phrase. Only meeting nouns (nouns.MEETING_NOUNS): "killed in an
    attack by rebels" names the attack's doer, not a target. Rule meeting-part."""
    if not active("meeting-part"):
        return []
    return [g for g in prep.children if g.dep_ == "pobj" and is_meeting_noun(g)]


def inherited_patient(verb: Token) -> Token | None:
    """The one a passive verb with no subject of its own acts on: the subject it inherits from the
    clause it hangs on ("Khodorkovsky is in prison, having been charged with fraud"; "the police
    arrived and were attacked"; "Iran wants to be recognised"), who undergoes the act as a written
    passive subject would. None for an active verb or one with its own subject. Dev half: 1 charge
    found (Khodorkovsky "having been charged"), 1 event no longer of the one it was done to
    (Indonesia's government "was forced to back down")."""
    if not active("passive-inherited") or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass") for c in verb.children):
        return None
    return subject_of(verb)


def shared_passive_subject(verb: Token) -> Token | None:
    """The passive subject a conjoined participle shares with the passive verb it is conjoined to
    ("the couple was identified and arrested", "were arrested and charged"): the auxiliary and the
    subject are written once, on the first verb, and the parse hangs them there. Dev half: 1 event
    found ("was later identified and arrested"); test half and 150 unlabelled articles: no change."""
    if not active("passive-conjunct") or verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.head.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj", "auxpass", "aux") for c in verb.children):
        return None  # its own clause
    head = verb.head
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None) or inherited_patient(head)
    owned = subj is not None and any(c.dep_ == "poss" for c in subj.children)
    if owned and subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() not in PERSON_NOUNS:
        return None  # "his comments had been distorted and taken": a thing of his, not him
    return subj


def deep_targets(roots: Iterable[Token], codes: Callable[[Token], bool], max_depth: int = 3) -> list[Token]:
    """The first phrase heads below ``roots`` (breadth first, through prepositions,
    modifiers, participle clauses and their agents) that code as actors. A coordinated object is
    as much the verb's as the first ("impose a tariff on steel imports and a tariff on aluminum
    from China": China), so the roots' later conjuncts are read too (rule conjoined-object)."""
    roots = list(roots)
    if active("conjoined-object"):
        roots += [c for r in roots for c in r.conjuncts if c.i > r.i and c not in roots]
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
        out.extend(t for t in tgt if t.dep_ not in ("nsubjpass", "nsubj"))  # a subject is no shared object
    return out


# Verbs whose subject undergoes or provokes the act their eventive object names, done by someone
# else ("drew rebukes from the prime minister", "faced criticism from MPs", "sparked protests"):
# the subject is the one acted on, and the doer is the from-phrase, if any.
RECEIVING = frozenset({"draw", "attract", "face", "receive", "incur", "earn", "spark", "provoke", "prompt", "trigger"})


def received_act(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """(doers, those acted on) of an eventive noun that is the object of a receiving verb
    (:data:`RECEIVING`); None when the noun is not so held. Dev half: 1 event found ("drew rebukes
    from Prime Minister Micheál Martin"); 150 unlabelled articles: 1 criticism found ("delivering
    sharp rebukes against U.S. unilateral protectionism")."""
    held = received_conjunct(noun)
    head = held.head
    if not active("received-act") or held.dep_ != "dobj" or head.pos_ != "VERB" or head.lemma_.lower() not in RECEIVING:
        return None
    doers = [c for c in noun.children if c.dep_ == "poss"] + [
        g
        for holder in (noun, head)
        for p in holder.children
        if p.dep_ == "prep"
        and (p.lower_ == "from" or (p.lower_ == "by" and holder is noun and active("received-reach")))
        for g in p.children
        if g.dep_ == "pobj"
    ]
    subj = subject_of(head)
    return doers, [subj] if subj is not None else []


def received_conjunct(noun: Token) -> Token:
    """The first of the coordinated objects an eventive noun is a later conjunct of ("is facing
    shareholder lawsuits and a probe by the US Securities and Exchange Commission"): a coordinated
    object is as much the receiving verb's as the first, so its subject undergoes the probe too, and
    the probe's by-agent is its doer (a by-phrase on a noun names who does it, as on a passive:
    "faced a probe by the SEC"; only "from" was read). The noun itself when it is no later
    conjunct. Rule received-reach."""
    if noun.dep_ != "conj" or not active("received-reach"):
        return noun
    first = noun.head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first


def agent_under_of(noun: Token, is_trigger: Callable[[Token], bool]) -> list[Token]:
    """The agent of an eventive noun that the parser hung on its "of" object ("accusations of
    China's trade policies by U.S. officials", "the invasion of the island by Turkish troops"):
    a "by" phrase on a plain noun that is no act and no participle is the act's, not the
    object's."""
    if not active("noun-agent-reach"):
        return []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "NOUN" or is_trigger(obj):
                continue  # "condemnation of the invasion by Russia": the invasion is Russia's
            for by in obj.children:
                if by.dep_ == "prep" and by.lower_ == "by":
                    return [g for g in by.children if g.dep_ == "pobj"]
    return []


def noun_doer(noun: Token) -> Token | None:
    """The doer of an eventive noun that names none itself: the subject of the verb that
    holds it as object ("the advisers held talks") or of the journey made for it ("Liu arrived
    in Washington for consultations with the US side")."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head)
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in TRAVEL:
        return subject_of(head.head)
    verb = occasion_verb(noun)
    if verb is not None:  # "At a meeting with Xi, Blinken said ...": Blinken met Xi
        return subject_of(verb)
    return None


# Prepositions that make a meeting (nouns.MEETING_NOUNS) the occasion of a clause: "during a
# secret meeting", "in talks with", "at a summit with".
OCCASION_PREPS = frozenset({"during", "in", "at"})


def occasion_verb(noun: Token) -> Token | None:
    """The active verb of the clause a meeting is the occasion of (rule ``meeting-occasion``): "at
    a meeting with Xi, Blinken said", "informed Volkswagen during a secret meeting", "gave the same
    message to Abe in talks here". Whoever spoke or acted there took part: the meeting is an event
    of its own (CAMEO 04) between the clause's subject and the meeting's other party. Not a passive
    clause ("was approved at a meeting": the subject is what was dealt with, not a party)."""
    head = noun.head
    if not active("meeting-occasion") or noun.dep_ != "pobj" or head.lower_ not in OCCASION_PREPS:
        return None
    if not is_meeting_noun(noun):
        return None
    verb = head.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    return verb


def occasion_partners(verb: Token) -> list[Token]:
    """The other party of a meeting that is the occasion of ``verb``'s clause (:func:`occasion_verb`)
    and names none itself: the verb's objects ("informed Volkswagen, Daimler and BMW during a secret
    meeting") or the one it was aimed at ("gave the same message to Abe in talks")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "with") for g in p.children
        if g.dep_ == "pobj"
    ]  # fmt: skip
    return objects


# Prepositions a support verb takes for the one its eventive object is aimed at ("issued warnings
# to residents", "imposed sanctions on Iran", "took action against the firm"); not "from" (the
# giver of what is received) nor "of"/"for" (what or why).
SUPPORT_TARGET_PREPS = frozenset({"to", "against", "on", "with", "toward", "towards"})


def support_verb_targets(noun: Token) -> list[Token]:
    """The targets of an eventive noun that the parser hung on the verb holding it as object
    ("has issued urgent warnings to residents": residents): the noun's own phrase names none,
    and the verb only supports it."""
    head = noun.head
    if not active("support-verb-target") or noun.dep_ != "dobj" or head.pos_ != "VERB":
        return []
    return [
        g
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in SUPPORT_TARGET_PREPS and p.i > noun.i
        for g in p.children
        if g.dep_ == "pobj"
    ]


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
        if k is not None and k != i and events[k][1] == number and _same_mood(events[k][0], event):
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


def _same_mood(means: Event, event: Event) -> bool:
    """The means stands for the act only when both are told alike: "vowed to protect the rice
    industry by imposing tariffs" is an asserted intent (the vow) whose means is only planned,
    and the vow is the event (rule ``gerund-doer``, which gives the means its doer)."""
    return means.factuality == event.factuality or not active("gerund-doer")


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


# Support verbs: the act is named by their object ("held talks", "paid a visit", "drew
# criticism", "carried out strikes"); with a plain thing as object they report no act
# ("held a press conference", "set up an airline", "marks the anniversary", "won the prize").
SUPPORT_VERBS = frozenset(
    {"take", "hold", "set", "mark", "draw", "carry", "pay", "press", "receive", "build", "conduct", "grab",
     "win", "gain", "obtain", "lead", "run", "engage"}
)  # fmt: skip
# Nouns that name an act (besides the lexicon's eventive nouns): "took steps", "carried out drills".
ACT_NOUNS = frozenset(
    {"step", "measure", "action", "move", "tariff", "duty", "levy", "sanction", "embargo", "penalty", "aid",
     "assistance", "loan", "exercise", "drill", "test", "fire", "custody", "control", "power", "part", "vote",
     "hostage", "prisoner", "captive", "stance", "position", "office"}
)  # fmt: skip
# Nouns of people and groups the actor coder may leave uncoded: such a subject can be an actor.
PERSON_NOUNS = frozenset(
    {"country", "nation", "state", "side", "party", "people", "member", "leader", "official", "minister",
     "government", "authority", "administration", "group", "force", "troop", "soldier", "police", "officer",
     "protester", "demonstrator", "worker", "company", "firm", "bank", "lawmaker", "legislator", "delegation",
     "council", "committee", "court", "judge", "prosecutor", "militant", "rebel", "fighter", "activist",
     "pair", "ally", "partner", "neighbour", "neighbor", "regime", "opposition", "critic", "supporter", "man",
     "woman", "resident", "citizen", "student", "voter", "agency", "ministry", "department", "body", "team",
     "organization", "organisation", "participant", "association", "union", "commission", "board", "institute",
     "regulator", "watchdog", "panel", "parliament", "assembly", "congress"}
)  # fmt: skip
# Gatherings and documents act for the people behind them: "the meeting called for", "a complaint
# which alleged" (subjects, never the object of a support verb: "held a press conference").
SPEAKING_THINGS = frozenset({"meeting", "summit", "conference", "session"}) | DOCUMENTS
# Weapons and attacks stand for an unknown attacker: "an explosion killed six people" is an attack
# whose source is empty (the conventions), not a thing acting.
WEAPONS = frozenset(
    {"explosion", "blast", "bomb", "bombing", "missile", "rocket", "shell", "shelling", "drone", "strike",
     "airstrike", "attack", "gunfire", "shooting", "grenade", "mine", "explosive", "device", "artillery",
     "raid", "assault", "gunman", "bullet", "shot", "fire"}
)  # fmt: skip
# Quantities of people: "the majority of participants opposed" — the people are the subject.
QUANTIFIERS = frozenset({"majority", "most", "some", "number", "half", "many", "all", "rest", "bulk", "third", "share"})


def _names_act(noun: Token) -> bool:
    """The noun (or the noun its "of" phrase quantifies: "four days of talks") names an act."""
    if noun.lemma_.lower() in ACT_NOUNS or noun.lower_ in ACT_NOUNS or is_event_noun(noun):
        return True
    return any(
        g.dep_ == "pobj" and (g.lemma_.lower() in ACT_NOUNS or is_event_noun(g))
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
    )


def empty_support_verb(verb: Token, codes: Callable[[Token], bool]) -> bool:
    """A support verb ("hold", "take", "set", "mark", ...) whose direct object is a plain thing:
    no act of the verb's own, so no event ("held a press conference", "took 21 months", "set up
    a court", "drew a media flurry"). An object that names an act ("held talks"), is an actor
    ("held ministers to account", "pressed China") or a pronoun keeps the event. Dev half: 2 coded
    events removed, both wrong ("won the prize", "win backing")."""
    if not active("support-verb") or verb.pos_ != "VERB" or verb.lemma_.lower() not in SUPPORT_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    obj = objects[0]
    if obj.pos_ != "NOUN" or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    return not (_names_act(obj) or obj.lemma_.lower() in PERSON_NOUNS or codes(obj))


def thing_subject(verb: Token, codes: Callable[[Token], bool]) -> bool:
    """An active verb whose subject is a thing, not an actor: "the figures contradict a survey",
    "fighting has hit the headlines", "the tsunami which killed 30,000" — a statistic, a state
    or a natural event, no act of anyone. Pronouns, names and nouns of people or groups (which
    the actor coder may leave uncoded: "western countries imposed sanctions") keep the event.
    Dev half: 2 coded events removed, both wrong ("charges levelled", "an explosion has rocked").
    With ``thing-subject-reach`` a coordinated verb shares its head's subject ("the upgrade reduces
    ..., and encourages companies") and the caller's ``codes`` asks the subject's own word to name
    the actor ("the U.S. tariff proposals, which contravene"): dev half no change; 150 unlabelled
    articles 4 coded events removed, all wrong."""
    if not active("thing-subject") or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        agents = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        # rule thing-agent: a passive's by-agent is its doer ("Residents are bothered by the dust
        # pollution": the pollution, a thing, does the bothering)
        return bool(agents) and active("thing-agent") and _a_thing(agents[0], codes)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and verb.dep_ == "conj" and active("thing-subject-reach"):
        return thing_subject(verb.head, codes)  # "the upgrade reduces ..., and encourages": one subject
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and active("thing-advcl"):
        # "smuggling has lowered prices ..., throwing hundreds of thousands out of work": a
        # participle of result has the subject of the clause it follows
        return verb.head.pos_ == "VERB" and thing_subject(verb.head, codes)
    if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
        subj = verb.head  # "the tsunami which killed ...": the noun the clause describes
    if subj is not None and subj.lemma_.lower() in QUANTIFIERS:
        of = [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        subj = of[0] if of else subj
    return subj is not None and _a_thing(subj, codes)


def _a_thing(subj: Token, codes: Callable[[Token], bool]) -> bool:
    """A common noun of no actor: not a name, not a noun of people or groups, of a gathering or
    document that speaks for people, nor of a weapon standing for its unknown user."""
    if subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    if {subj.lemma_.lower(), subj.lower_} & (PERSON_NOUNS | SPEAKING_THINGS | WEAPONS):
        return False
    return not codes(subj)


# What a one-sided cooperative act (05x: praise, endorse, defend, engage) may be about without a
# partner: a decision, policy or act of someone ("welcomed the decision", "defended the measures").
POLICY_NOUNS = frozenset(
    {"decision", "plan", "proposal", "measure", "move", "policy", "bill", "law", "legislation", "resolution",
     "deal", "agreement", "accord", "treaty", "pact", "initiative", "idea", "stance", "position", "call",
     "step", "effort", "reform", "ruling", "verdict", "candidate", "candidacy", "bid", "nomination", "remark"}
)  # fmt: skip
PARTNERLESS_CODES = frozenset({"055", "056", "057"})  # apologise, forgive, sign: an act with or without a named partner


def partnerless_cooperation(verb: Token, code: str) -> bool:
    """A diplomatic-cooperation code (05x) with no partner and nothing of anyone's as its object:
    cooperation in the abstract ("promotes inclusive development", "protect intellectual property
    rights", "strengthened dialogues", "integrates the principle") is policy talk, no event.
    Dev half: 7 coded events removed, all wrong ("backed use of wire-tap evidence", "stood firm")."""
    if not active("partnerless-cooperation") or not code.startswith("05") or code in PARTNERLESS_CODES:
        return False
    if verb.pos_ != "VERB":
        return False
    subj = subject_of(verb)
    if subj is not None and any(t.dep_ == "conj" for t in subj.subtree):
        return False  # "Ma and Adams exchanged notes": the partner is in the subject
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    for obj in objects:
        if obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return False
        if obj.lemma_.lower() in POLICY_NOUNS or obj.lemma_.lower() in PERSON_NOUNS or is_event_noun(obj):
            return False
    return True


# Prepositions before a gerund that keep the main clause's doer as the gerund's doer: "hit back
# by suspending" (the means), "outspoken in condemning Israel", "committed to resolving".
_DOER_PREPS = frozenset({"by", "in", "to"})
# Words whose "of"/"for" gerund is the act someone is accused of: "accused of stabbing", "arrested for spying".
_ACCUSING = frozenset(
    {"accuse", "charge", "convict", "suspect", "blame", "arrest", "sentence", "guilty", "acquit", "indict",
     "jail", "detain", "fine", "punish", "allegation", "accusation", "suspicion"}
)  # fmt: skip


def doerless_gerund(verb: Token) -> bool:
    """A gerund or infinitive with no doer of its own used as a noun: the object of a preposition
    ("his policy of charging students", "after first contesting the seat", "held back from
    retaliating", "how to establish ties") or a clausal subject ("Safeguarding the right to
    development is ..."). It names an activity in general or in the background, not an act
    this sentence reports; "by ...ing", "in ...ing" and "to ...ing" keep the main clause's doer.
    Dev half: 2 coded events removed, both wrong ("the wisdom of taking that position")."""
    if not active("doerless-gerund") or verb.pos_ != "VERB" or verb.tag_ not in ("VBG", "VB"):
        return False
    if verb.dep_ == "csubj":
        return True
    if verb.dep_ != "pcomp":
        return False
    prep = verb.head
    return prep.lower_ not in _DOER_PREPS and prep.head.lemma_.lower() not in _ACCUSING


# Predicates that report an eventive noun's act as happening: "talks began", "the meeting ended".
HAPPENING = frozenset(
    {"begin", "start", "open", "end", "conclude", "continue", "resume", "close", "collapse", "fail", "stall",
     "succeed", "last", "occur", "happen", "produce", "yield", "result", "kill", "wound", "injure",
     "destroy", "damage", "hit", "target", "leave", "break", "follow", "come", "go", "run", "focus", "cover",
     "center", "centre", "see", "bring", "mark", "drag", "wrap"}
)  # fmt: skip


_MEASURES = frozenset({"sanction", "tariff", "ban", "embargo", "blockade", "duty", "restriction", "curfew"})


def background_noun(noun: Token) -> bool:
    """An eventive noun that is talked about rather than reported: in apposition or a list ("other
    issues: immigration, the war on Iraq"), a predicate noun ("the reaction would be rejection"),
    or the subject of a predicate that is no happening ("the agreement will take effect",
    "the deal involves the biggest trade volume", "any agreement would require consensus").
    Reported acts stay: objects ("held talks"), time phrases ("during the visit") and subjects
    of a happening ("talks began"). Dev half: 8 coded events removed, all wrong ("the war on
    Iraq" in a list of issues, "the deal with the ROK involves the biggest trade volume")."""
    if not active("background-noun") or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ in ("appos", "attr"):
        return True
    if noun.dep_ != "nsubj":
        return False
    head = noun.head
    if head.lemma_.lower() == "take" and any(c.lower_ == "place" for c in head.children):
        return False  # "the meeting took place"
    if noun.lemma_.lower() in _MEASURES and head.lemma_.lower() in ("take", "go", "come"):
        return False  # "the sanctions took effect": a measure acts when it takes effect (an accord does not)
    return head.lemma_.lower() not in HAPPENING or head.pos_ == "AUX"
