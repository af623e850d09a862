"""Intended and refused acts, coded as the codebooks code them.

CAMEO and PLOVER do not code "X will meet Y" as a meeting: an announced or planned
cooperative act is an *expression of intent* (CAMEO 03, PLOVER AGREE: "036 Express
intent to meet or negotiate"), an announced hostile act is a *threat* (CAMEO 13, PLOVER
THREATEN: "1312 Threaten to boycott, embargo, or sanction"), and a refusal to cooperate
is a *rejection* (CAMEO 12, PLOVER REJECT: "refusing to lift the blockade"). The mapping
below goes from the CAMEO code of the act itself to the code of its intent, threat or
refusal, by the CAMEO 1.1b3 code names; the factuality label stays on the event
(``planned`` / ``hypothetical``), so such events still never reach the asserted-only GDELT
export as if the act had happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidings.facts.events.factuality import FUTURE_AUX, is_purpose
from tidings.facts.events.rules import active
from tidings.facts.events.speech import political
from tidings.nlp import spelt
from tidings.ontology.codebook import load_codebook

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.records import ActorRef

# CAMEO code of an act -> code of the intent to do it (looked up by the code, its base, its root).
INTENT = {
    "04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343",
    "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
}  # fmt: skip
# CAMEO code of a hostile act -> code of the threat to do it.
THREAT = {
    "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
    "165": "135", "166": "136", "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324", "18": "138", "19": "138", "20": "1385",
}  # fmt: skip
# CAMEO code of a cooperative act -> code of declining it.
REFUSAL = {
    "03": "120", "04": "125", "05": "120", "06": "121", "061": "1211", "062": "1212", "063": "1213",
    "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "082": "1242", "083": "123", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246",
}  # fmt: skip
_REFUSING = frozenset({"refuse", "refusal", "decline", "reject", "rebuff", "spurn", "oppose"})
# the future auxiliaries factuality reads, and "would" (the past's future: "would not provide")
_FUTURE = FUTURE_AUX | {"would"}
_CONDITIONAL = frozenset({"if", "unless", "whether"})


def _lookup(table: dict[str, str], code: str) -> str | None:
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def intent_code(code: str) -> str | None:
    """The intent (03) or threat (13) code of an act's code; None for verbal acts (01-02, 09-13),
    which are coded as themselves when announced."""
    root = code[:2]
    if "04" <= root <= "08":
        return _lookup(INTENT, code)
    if "14" <= root <= "20":
        return _lookup(THREAT, code)
    return None


def refusal_code(code: str) -> str | None:
    """The rejection (12) code of refusing a cooperative act; None for other acts."""
    return _lookup(REFUSAL, code) if "03" <= code[:2] <= "08" else None


def is_intent(trigger: Token, factuality: str) -> bool:
    """An announced own act: planned ("will meet", "plans to meet", "is ready to host") or a
    reported future ("said they would boycott"), not a condition ("if they would ...")."""
    if is_purpose(trigger):
        return False  # a purpose ("struck to protest"), not an announced act
    if factuality == "planned":
        return True
    if factuality != "hypothetical":
        return False
    chain = [trigger, *trigger.ancestors][:4]
    if any(c.lower_ in _CONDITIONAL for t in chain for c in t.children if c.dep_ == "mark"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in trigger.children)


def is_refusal(trigger: Token, factuality: str) -> bool:
    """A refused act: "refusing to lift", "refusal to help", "will not provide"."""
    if factuality != "negated":
        return False
    if any(t.lemma_.lower() in _REFUSING for t in list(trigger.ancestors)[:3]):
        return True
    kids = {spelt(c) for c in trigger.children if c.dep_ in ("aux", "neg")}
    return bool(kids & _FUTURE) and bool(kids & {"not", "n't"})


def recode(code: str, trigger: Token, factuality: str) -> tuple[str, str] | None:
    """(new CAMEO code, rule) for an intended, threatened or refused act, else None."""
    book = load_codebook()
    new: str | None = None
    rule = ""
    if active("intent") and is_intent(trigger, factuality):
        new, rule = intent_code(code), "tidings:intent"
    elif active("refusal") and is_refusal(trigger, factuality):
        new, rule = refusal_code(code), "tidings:refusal"
    if new is None or not book.is_valid_cameo(new):
        return None
    return new, rule


# Words by which an actor states its own intent, threat or readiness ("pledged to", "vowed to",
# "is ready to", "was prepared to"): CAMEO codes the statement itself (03x/13x), asserted.
EXPRESSING = frozenset(
    {"pledge", "promise", "vow", "offer", "threaten", "commit", "undertake", "ready", "willing", "prepared",
     "determined", "resolve", "resolved", "eager", "keen"}
)  # fmt: skip
# Words of wanting: an expression only when the actor said so ("has said it wants to curb"); "the
# Kremlin wants to invade" is the writer's account of an aim, the invasion planned.
WANTING = frozenset({"want", "intend", "aim", "plan", "hope"})
# Verbs of saying under which a "will/would" clause is the speaker's announced intent or threat.
SAYING = frozenset(
    {"say", "tell", "announce", "declare", "insist", "add", "state", "confirm", "stress", "reiterate", "indicate",
     "signal", "warn", "vow", "pledge", "promise", "assure", "write", "tweet"}
)  # fmt: skip


def _frame_chain(trigger: Token) -> list[Token]:
    """The trigger and the words it hangs from through conjunction, complements and the copula's
    adjective ("stands ready to discuss": discuss <- ready <- stands), nearest first."""
    chain = [trigger]
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in ("conj", "xcomp", "acomp") or tok.head.i == tok.i:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def expressed(trigger: Token) -> bool:
    """Whether an intended or threatened act is one its actor expressed: governed by a word of own
    intent ("pledged to expand", "was prepared to veto", "stands ready to discuss") or a "will/would"
    clause under a verb of saying ("said it would retaliate", "China will take all necessary
    measures, the ministry said"). The expression happened, so the 03x/13x event is asserted (the
    conventions); a plain "X will visit Y" told by the writer stays a planned act."""
    if not active("expressed-intent"):
        return False
    chain = _frame_chain(trigger)
    if any(t.dep_ == "relcl" for t in (*chain, *list(chain[-1].ancestors)[:3])):
        return False  # told in passing of something else ("the families his government says it wants to help")
    if any(_expresses(t) for t in chain[1:]):
        return True
    if any(t.lemma_.lower() in WANTING and t.dep_ == "ccomp" and t.head.lemma_.lower() in SAYING for t in chain[1:]):
        return True  # "has said it wants to curb subsidies"
    top = chain[-1]
    future = any(c.dep_ == "aux" and spelt(c) in _FUTURE for t in chain for c in t.children)
    if not future:
        return False
    subj = [c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in SAYING:
        saying: Token | None = top.head  # "said it would retaliate"
    else:
        saying = next(
            (c for c in top.children if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in SAYING), None
        )
    if saying is None:
        return False
    # the speaker speaks of itself ("said it would"), not of what others will do; "China will take
    # countermeasures, the ministry said": an unnamed organ speaks for the state it names
    if subj[0].pos_ == "PRON":
        return _is_speaker(subj[0], saying)
    return subj[0].ent_type_ in _STATES and _unnamed_organ(saying)


# Words of readiness: an expression only as what the actor is ("is ready to", "stands ready to"),
# not the verb of getting ready ("Yushchenko prepared to head to Brussels") nor a fronted
# description ("Eager to meet domestic demand, the government ...").
READINESS = frozenset({"ready", "willing", "prepared", "determined", "resolved", "eager", "keen"})


def _expresses(tok: Token) -> bool:
    word = tok.lower_
    if word in READINESS or tok.lemma_.lower() in READINESS:
        return not active("expressed-readiness") or (
            tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "xcomp", "conj")
        )
    return tok.lemma_.lower() in EXPRESSING or word in EXPRESSING


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _is_speaker(pron: Token, saying: Token) -> bool:
    """The pronoun can stand for the speaker of ``saying`` by number and person: "the ministry
    said it would", not "the ministry said they (the tariff cuts) would"; "he" for a person."""
    if not active("expressed-readiness"):
        return True
    speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ == "PRON":
        return True
    low = pron.lower_
    if low == "they":
        return speaker.tag_ in _PLURAL_TAGS or speaker.lemma_.lower() in ("government", "police")
    if low == "it":  # an official may speak of the state as "it" ("It will sign an FTA, Qian said")
        return speaker.tag_ not in _PLURAL_TAGS
    if low in ("he", "she"):
        return speaker.ent_type_ == "PERSON" or speaker.tag_ == "NN"
    return True  # "we", "I": the speaker's own


_STATES = frozenset({"GPE", "ORG"})
# Organs that speak for a state or body without being named: "the ministry said", "a spokesman said".
ORGANS = frozenset(
    {"ministry", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "government", "statement",
     "department", "embassy", "office", "commission", "ministries", "minister", "administration", "cabinet"}
)  # fmt: skip


def _unnamed_organ(saying: Token) -> bool:
    """The verb of saying has an organ as speaker and names no one in its phrase ("the ministry
    said", "a spokesman said in a statement"; not "a US official said", "Trump said")."""
    speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if speaker is None or (speaker.lemma_.lower() not in ORGANS and speaker.lower_ not in ORGANS):
        return False
    return not any(t.ent_type_ in ("GPE", "NORP", "PERSON", "ORG") for t in speaker.subtree)


def expressed_intent(code: str, rule: str, trigger: Token, sources: Sequence[ActorRef], factuality: str) -> bool:
    """An intended or threatened act whose intent a political actor expressed (:func:`expressed`;
    a company announcing its plans is no political act): an act recoded as its intent or threat
    (:func:`recode`), or an announced act the dictionary already codes as one ("vowed to take
    countermeasures" 13x, "said it would retaliate" 138, "stands ready to work with" 03x,
    "said it was ready to impose tariffs" 1312)."""
    if not any(political(s) for s in sources):
        return False
    if "tidings:threat-measures" in rule:
        return active("expressed-intent")  # stock words only ever said by the one who threatens
    if "tidings:intent" in rule:
        return expressed(trigger)
    own_code = code[:2] in ("03", "13") and active("expressed-own-code")
    return own_code and is_intent(trigger, factuality) and expressed(trigger)
