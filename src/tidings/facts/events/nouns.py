"""Eventive nouns: the nouns that name an act, and the verb whose dictionary block codes each.

Its own module so that argument picking (which meetings are a clause's occasion) and the
lexicon (which noun codes as which verb) read one table; the lexicon imports arguments, so the
table cannot live in either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Eventive nouns -> the verb whose dictionary block codes them (our own list).
EVENT_NOUNS: dict[str, str] = {
    "visit": "visit", "trip": "visit", "talk": "talk", "talks": "talk", "meeting": "meet",
    "summit": "meet", "negotiation": "negotiate", "shootdown": "shoot", "refusal": "refuse",
    "allegation": "allege", "accusation": "accuse", "agreement": "agree", "deal": "agree",
    "attack": "attack", "postponement": "postpone", "cancellation": "cancel", "request": "request",
    "protest": "protest", "strike": "strike", "sanction": "sanction", "invasion": "invade",
    "condemnation": "condemn", "threat": "threaten", "criticism": "criticize", "call": "call",
    "bombing": "bomb", "killing": "kill", "arrest": "arrest", "rebuff": "rebuff", "war": "fight",
    "offensive": "attack", "ceasefire": "cease", "withdrawal": "withdraw", "demand": "demand",
    "appeal": "appeal", "warning": "warn", "pledge": "pledge", "promise": "promise",
    "commitment": "commit", "embargo": "embargo", "blockade": "blockade", "raid": "raid",
    "airstrike": "bomb", "clash": "clash", "boycott": "boycott", "rejection": "reject",
    "denial": "deny", "condolence": "condole", "apology": "apologize", "phone call": "call",
    "retort": "retort", "assault": "assault", "invitation": "invite", "mediation": "mediate",
    "suspension": "suspend", "expulsion": "expel", "ban": "ban", "release": "release", "deployment": "deploy",
    "resignation": "resign", "surrender": "surrender", "evacuation": "evacuate", "investigation": "investigate",
    "inquiry": "investigate", "probe": "investigate", "crackdown": "crack", "donation": "donate",
    "veto": "veto", "demonstration": "demonstrate", "rally": "rally", "riot": "riot",
    "mobilization": "mobilize", "execution": "execute", "assassination": "assassinate", "abduction": "abduct",
    "kidnapping": "kidnap", "detention": "detain", "deportation": "deport", "shelling": "shell",
    "bombardment": "bombard", "occupation": "occupy", "seizure": "seize", "recognition": "recognize",
    "concession": "concede", "ultimatum": "threaten", "negotiations": "negotiate", "consultation": "consult",
    "rebuke": "rebuke",
}  # fmt: skip

# The verbs of a meeting (CAMEO 04 consult: meet, talk, negotiate, consult) and the nouns that
# name one ("meeting", "summit", "talks", "negotiations", "consultation").
MEETING_VERBS = frozenset({"meet", "talk", "negotiate", "consult"})
MEETING_NOUNS = frozenset(noun for noun, verb in EVENT_NOUNS.items() if verb in MEETING_VERBS)


def is_event_noun(tok: Token) -> bool:
    """The word, or its lemma ("talks" -> "talk"), names an act."""
    return tok.lower_ in EVENT_NOUNS or tok.lemma_.lower() in EVENT_NOUNS


def is_meeting_noun(tok: Token) -> bool:
    """The word, or its lemma, names a meeting."""
    return tok.lower_ in MEETING_NOUNS or tok.lemma_.lower() in MEETING_NOUNS
