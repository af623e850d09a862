"""Cue lexicon for attributed speech: which words introduce what someone said.

The word lists live in ``tidings/data/quotes/cues.txt`` (our own; the source is noted there).
Tiers, because a verb like ``reject`` marks speech only when a quotation hangs on it
("rejected the report as “far-fetched”"), while ``say`` introduces indirect speech too
("officials said that he would ...").
"""

from __future__ import annotations

from importlib import resources


def _lists() -> dict[str, frozenset[str]]:
    """The word lists of ``data/quotes/cues.txt`` (``[name]`` headers, ``#`` comments)."""
    text = resources.files("tidings.data.quotes").joinpath("cues.txt").read_text("utf-8")
    lists: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.lower().split())
    return {name: frozenset(words) for name, words in lists.items()}


_LISTS = _lists()
# Verbs that report speech, with or without quotation marks (lemmas).
SPEECH_VERBS: frozenset[str] = _LISTS["speech_verbs"]
# Verbs that count as a cue only when a quotation depends on them.
QUOTE_ONLY_VERBS: frozenset[str] = _LISTS["quote_only_verbs"]
# Speech acts whose content may be an object, a prepositional object or a to-infinitive.
OBJECT_VERBS: frozenset[str] = _LISTS["object_verbs"]
# Object verbs whose clause, when they have one, is all of the content.
CLAUSE_FIRST_VERBS: frozenset[str] = _LISTS["clause_first_verbs"]
# Verbs whose subject in the passive is the message ("a curfew was announced").
MESSAGE_VERBS: frozenset[str] = _LISTS["message_verbs"]
# Verbs whose complement is a thought (used only when asked to).
THOUGHT_VERBS: frozenset[str] = _LISTS["thought_verbs"]
# Nouns that introduce reported content.
SPEECH_NOUNS: frozenset[str] = _LISTS["speech_nouns"]

# Two-word particle verbs: lemma -> required particle.
PARTICLE_VERBS: dict[str, str] = {"point": "out", "sum": "up", "go": "on", "read": "out"}

# Verbs that report speech with a fixed object: "as one analyst put it, “...”".
OBJECT_IDIOMS: dict[str, str] = {"put": "it"}

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
    if with_quote and (lemma in QUOTE_ONLY_VERBS or lemma in THOUGHT_VERBS):
        return True  # "wondered whether the moderators will be “fair”": the marks make it words
    return thoughts and lemma in THOUGHT_VERBS


def is_clutter(paragraph: str) -> bool:
    head = paragraph.lstrip().lower()
    return head.startswith(CLUTTER_PREFIXES)
