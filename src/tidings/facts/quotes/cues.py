"""Cue lexicon for attributed speech: which words introduce what someone said.

Our own lists, written for news English. Three tiers, because a verb like ``reject`` marks
speech only when a quotation hangs on it ("rejected the report as “far-fetched”"), while
``say`` introduces indirect speech too ("officials said that he would ...").
"""

from __future__ import annotations


def _words(block: str) -> list[str]:
    return block.split()


# Verbs that report speech, with or without quotation marks (lemmas).
SPEECH_VERBS: frozenset[str] = frozenset(
    _words(
        """
    say tell add state announce declare claim argue assert explain note warn urge insist
    stress emphasize emphasise complain repeat reiterate accuse deny acknowledge admit confirm
    report write tweet post reply respond answer ask suggest predict promise vow pledge recall
    contend maintain observe remark comment mention reveal disclose concede boast joke quip
    caution demand propose recommend estimate testify inform allege charge counter retort
    lament concur agree object protest assure advise speculate
    conclude describe underscore underline highlight signal indicate hint
    predict threaten forecast proclaim exclaim shout yell cry whisper mutter murmur
        """
    )
)

# Verbs that count as a cue only when a quotation depends on them.
QUOTE_ONLY_VERBS: frozenset[str] = frozenset(
    _words(
        """
    call describe label brand term dub reject dismiss denounce condemn criticize criticise
    slam blast hail praise welcome decry characterize characterise summarize
    continue read sing chant
        """
    )
)

# Speech acts whose content may be an object, a prepositional object or a to-infinitive rather
# than a clause ("cited his remarks", "called for a moratorium", "vowed to cut taxes").
OBJECT_VERBS: frozenset[str] = frozenset(
    _words(
        """
    cite mention question propose describe criticize criticise praise announce demand promise vow
    pledge threaten repeat reiterate reveal disclose confirm acknowledge deny discuss debate warn
    complain speak talk write accuse encourage urge respond protest denounce dismiss reject blame
    defend echo express stress emphasize emphasise highlight voice call recommend condemn slam blast
    attack challenge applaud endorse hail lament
        """
    )
)

# Verbs whose complement is a thought rather than speech; PolNeAR counts them, news
# quote lists usually do not, so the stage uses them only when asked to.
THOUGHT_VERBS: frozenset[str] = frozenset(
    _words(
        """
    believe think feel expect hope fear worry know doubt suspect consider assume
    learn find realize realise understand wonder
        """
    )
)

# Nouns that introduce reported content: "allegations from Washington that ...".
SPEECH_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    allegation accusation claim statement assertion warning charge suggestion insistence
    promise pledge assurance announcement comment remark denial admission argument
    report testimony message demand call vow threat prediction contention
        """
    )
)

# Two-word particle verbs: lemma -> required particle.
PARTICLE_VERBS: dict[str, str] = {"point": "out", "sum": "up", "go": "on", "read": "out"}

# Reporting preposition phrases whose object is the source.
ACCORDING = ("according", "to")

# Heads of paragraphs that are page furniture, never reported speech.
CLUTTER_PREFIXES: tuple[str, ...] = (
    "also read",
    "read more",
    "read also",
    "related:",
    "related stories",
    "recommended",
    "watch:",
    "click here",
    "subscribe",
    "sign up",
)


def is_cue_lemma(lemma: str, *, with_quote: bool, thoughts: bool = False) -> bool:
    """Whether ``lemma`` can be a cue (``with_quote``: a quotation depends on it)."""
    lemma = lemma.lower()
    if lemma in SPEECH_VERBS:
        return True
    if with_quote and lemma in QUOTE_ONLY_VERBS:
        return True
    return thoughts and lemma in THOUGHT_VERBS


def is_clutter(paragraph: str) -> bool:
    head = paragraph.lstrip().lower()
    return head.startswith(CLUTTER_PREFIXES)
