"""The direction a temporal expression's governing verb points (detection: ``detect.py``).

Direction is read off the verb a span hangs from: past tense -> "past"; will/shall, modals,
present progressive, "is/are to" + verb, and infinitives under plan/expect/schedule or a request
(ask/urge/order) -> "future";
a date after "ahead of" / "in the run-up to" -> "future"; a date under a participle of planning
that modifies a noun ("the vote, set for Friday, ...") -> the direction of the noun's clause, else
"future"; otherwise None. A date between a verb
of saying and its complement ("said Tuesday it will ...") goes with the saying. What something is
put off to ("postponed until Saturday") or has been set for ("has been set for Thursday") lies
ahead, what something has lasted since ("since July") lies behind; a conditional clause ("if it
did not reach the floor by June 1, it is going to be hard") takes the future of the clause it
conditions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.facts.lemmas import verb_lemma
from tidings.facts.times.calendar import WEEKDAYS
from tidings.nlp import doc_text, spelt

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FUTURE_HEADS = {
    "plan", "expect", "intend", "schedule", "hope", "want", "aim", "prepare", "set", "due", "seek",
    "vow", "pledge", "promise", "propose", "threaten", "go", "likely", "poise", "slate", "consider",
    "decide", "agree", "try", "look", "wish", "need", "would", "will",
}  # fmt: skip
# "were asked to resubmit it before July", "urged Japan to act by April": what is asked of someone
# lies after the asking
REQUESTS = {"ask", "urge", "order", "invite", "require", "persuade", "encourage", "instruct", "direct",
            "authorize", "press", "request", "call", "tell", "advise", "appeal", "force"}  # fmt: skip
PLANNING = {"plan", "schedule", "postpone", "delay", "slate", "reschedule", "set"}
# "postponed until Saturday", "adjourned to Monday", "pushed back to May": the new date of what is
# put off lies after the putting off, and news reports it before it comes
POSTPONING = {"postpone", "delay", "adjourn", "defer", "reschedule", "move", "push", "put", "suspend", "extend"}
STATIVE = {"say", "be", "have", "tell", "know", "think", "believe", "show", "report", "remain", "seem",
           "appear", "mean", "include", "hold", "own", "need", "want", "add", "note", "estimate", "like",
           "see", "feel", "stand", "continue", "keep", "account", "compare", "represent"}  # fmt: skip
# "Investors await Friday's jobs report", "prepare for Sunday's vote": a day's event waited for lies ahead
AWAITING = {"await", "anticipate", "expect", "prepare", "brace"}
MODALS = {"would", "could", "may", "might", "should", "can", "must", "ca", "'d"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}


_AHEAD = re.compile(r"\b(?:ahead of|in advance of|in the run-up to|in the lead-up to)(?: (?:the|this|next))?\s*$", re.I)


def _aux_words(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def verb_direction(verb: Token, depth: int = 0) -> str | None:
    """past|future|None for a verb token, from its tense, auxiliaries and what governs it."""
    auxes = _aux_words(verb)
    words = {spelt(a) for a in auxes}
    if words & FUTURE_AUX or (verb.lower_ in FUTURE_AUX and verb.tag_ == "MD"):
        return "future"
    if words & MODALS and verb.tag_ != "VBD":
        # "would have met" looks back; "would meet" forward (no modal takes a past tense: in
        # "May sent a letter in March" the "modal" is a name the tagger missed)
        return "past" if "have" in words and verb.tag_ == "VBN" else "future"
    if any(a.tag_ == "VBD" for a in auxes):  # did / was / had
        if verb.tag_ == "VBG" and verb.lower_ == "going":
            return "future"
        return "past"
    if verb.tag_ == "VBD":
        # "postponed plans to visit in February": the plan's date may lie either side of now
        return None if verb_lemma(verb) in PLANNING else "past"
    if verb.tag_ in ("VB", "VBN") and "to" in words and verb.dep_ == "xcomp" and verb_lemma(verb.head) == "be":
        # "are to meet Friday", "is to be sentenced Thursday": arranged, ahead of now ("was to
        # testify Thursday" is arranged in a past narrative: either side)
        return "future" if verb.head.tag_ in ("VBZ", "VBP") else None
    if verb.tag_ == "VBN" and "to" in words and verb.dep_ == "xcomp" and depth < 4:
        # "is scheduled to be sentenced Thursday": the verb the infinitive hangs from decides
        return "future" if verb_lemma(verb.head) in FUTURE_HEADS else verb_direction(verb.head, depth + 1)
    if verb.tag_ == "VBN":
        if words & {"has", "have", "'ve", "'s"}:
            return "past"
        if words & {"is", "are", "am", "'re", "be"}:  # "is scheduled for Monday"
            if verb_lemma(verb) in FUTURE_HEADS:
                return "future"
            if "to" in words and verb.dep_ in ("acl", "relcl"):
                # "the vote, to be held Sunday", "the accord to be signed Friday": a passive infinitive
                # that modifies a noun tells what is still to be done to it (the noun is its object)
                return "future"
            if "be" in words and verb.dep_ in ("ccomp", "xcomp") and depth < 4 and verb.head is not verb:
                # "can demand that the singles be moved to Monday": an untensed clause is as its governor
                return verb_direction(verb.head, depth + 1)
            return None
        if not auxes and verb.dep_ == "acl" and verb_lemma(verb) not in FUTURE_HEADS | PLANNING:
            return "past"  # "the year ended March 31", "the plan announced Monday": done before
        if not auxes and verb.dep_ == "acl" and verb_lemma(verb) in PLANNING and depth < 4:
            # "the vote, set for Friday, may be delayed": what is scheduled is ahead, unless the
            # clause around the noun tells it is over ("the vote, scheduled for Tuesday, was held")
            clause = _clause_verb(verb.head)
            if clause is not None and _present_perfect(clause):
                return "future"  # "the election, set for Sunday, has drawn attention": the attention runs to now
            return (verb_direction(clause, depth + 1) if clause is not None else None) or "future"
        return "past" if not auxes and verb.dep_ in ("ROOT", "conj", "ccomp") else None
    if verb.tag_ == "VBG" and words & {"has", "have", "'ve"} and "been" in words:
        return "past"  # "have been searching since the Oct. 23 slaying": the present perfect looks back
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'re", "'s"}:
        return "future"  # "is meeting on Monday"
    if verb.tag_ in ("VB", "VBG") and depth < 4 and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "xcomp" and verb_lemma(head) in FUTURE_HEADS | REQUESTS:
            return "future"
        if head.pos_ in ("VERB", "AUX"):
            return verb_direction(head, depth + 1)
        if head.pos_ == "NOUN" and head.lemma_ in ("plan", "intention", "bid", "effort", "hope"):
            return None  # "postponed plans to visit in February": either side of now
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        # "plans to", "meets Monday": a scheduled or intended event; "says", "is": no tense signal
        return None if verb_lemma(verb) in STATIVE else "future"
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and not auxes:
        # an untensed main verb is an imperative ("Call Monday") or a present the tagger missed
        # ("Tickets go on sale Friday"): both look ahead, as the present above
        return None if verb_lemma(verb) in STATIVE else "future"
    return None


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a noun belongs to (None for a verbless fragment)."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def direction_for(doc: Doc, start: int, end: int, *, headline: bool = False) -> str | None:
    """Direction ("past"/"future"/None) of the verb governing the span ``[start, end)``. In a
    ``headline`` the simple present tells what happened ("Senate passes bill on Monday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    before = doc_text(doc)[max(0, start - 8) : start].split()
    until = bool(before) and before[-1].casefold() in ("until", "till")
    if before and before[-1].casefold() == "since":
        # "changes in the weather since July", "has risen since Tuesday": what a state has lasted
        # since began before the time of telling, whatever the clause's tense (or with no verb)
        return "past"
    if _AHEAD.search(doc_text(doc)[max(0, start - 30) : start]):
        # "calm ahead of Sunday's election", "in the run-up to the March vote": what news is
        # written ahead of is still to come, whatever the tense of the clause
        return "future"
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        if tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ in ("VERB", "AUX"):
        tok = _saying_verb(tok, span) or tok
        if (  # (an untensed main verb in a headline is its present the tagger missed)
            headline
            and (tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VB" and tok.dep_ == "ROOT"))
            and not _aux_words(tok)
        ):
            return "past"
        if headline and tok.tag_ == "VB" and tok.dep_ == "ROOT" and any(a.lower_ == "to" for a in _aux_words(tok)):
            return "future"  # "Senate to vote on bill Thursday": the headline's will
        if _reported_present(tok, span):
            return "past"
    found = verb_direction(tok) if tok.pos_ in ("VERB", "AUX") else None
    if tok.pos_ in ("VERB", "AUX") and (_put_off_to(tok, span) or _conditions_a_future(tok)):
        found = "future"
    if found is None and _scheduled_by_copula(tok, span):
        found = "future"
    awaited = verb_lemma(tok) in AWAITING and span.root.lower_ in WEEKDAYS
    if found == "future" and _names_a_thing(span) and not _willed(tok) and not awaited:
        # "follows Tuesday's declaration", "is trying to sell itself under a June agreement":
        # a date that names a thing dates the thing, not the act the verb looks ahead to; only
        # a will or a modal on the verb itself puts the thing ahead ("will attend the June summit"), as
        # does waiting for a day's event ("await Friday's jobs report"; "expect the December
        # figures" awaits a report on a month gone)
        found = None
    if (
        found == "past"
        and _names_a_thing(span)
        and span.root.lower_ in WEEKDAYS
        and not _thing_before(span)
        and not _thing_acted(span, tok)
    ):
        # "the draw for Saturday's long program", "with just Sunday's race left" in a Friday's or a
        # Saturday's news: the clause's past is the telling's, not the thing's; with no tense the
        # weekday is the one just gone unless it is the next day (calendar.weekday). What the clause
        # tells came after ("tightened after Tuesday's attack") lies behind it: still the past
        found = None
    return "future" if found is None and until else found


def _present_perfect(verb: Token) -> bool:
    """ "has drawn", "have been set": a present auxiliary "have" on a past participle."""
    return verb.tag_ == "VBN" and any(
        spelt(a) in ("has", "have", "'ve", "'s") for a in _aux_words(verb) if a.tag_ in ("VBZ", "VBP")
    )


def _put_off_to(verb: Token, span: Span) -> bool:
    """ "postponed until Saturday", "adjourned to Monday": the date what is put off is moved to;
    "has been set for Thursday": what is arranged and still stands (a present perfect) lies ahead
    ("was scheduled for Tuesday" may be over)."""
    if span.start == 0:
        return False
    prep = span.doc[span.start - 1]
    if prep.head != verb or prep.dep_ != "prep":
        return False
    if verb_lemma(verb) in POSTPONING and prep.lower_ in ("until", "till", "to"):
        return True
    return verb_lemma(verb) in PLANNING and prep.lower_ == "for" and _present_perfect(verb)


def _conditions_a_future(verb: Token) -> bool:
    """ "if the bill did not reach the floor by June 1, it is going to be hard": the tense of a
    condition is no time of its own; it lies where the clause it conditions does."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    head = verb.head
    return head.pos_ in ("VERB", "AUX") and verb_direction(head) == "future"


SAYING = {"say", "tell", "announce", "report", "state", "add", "confirm", "claim", "insist", "warn",
          "predict", "indicate", "disclose", "reveal", "declare", "note", "argue", "acknowledge", "deny",
          "write", "estimate", "forecast", "promise", "pledge", "vow"}  # fmt: skip


def _saying_verb(verb: Token, span: Span) -> Token | None:
    """ "China said on Tuesday it would send ...", "the ministry said Tuesday it will ...": a date
    between a verb of saying and its complement's subject, with no "that", dates the saying (the
    parser hangs it on the complement's verb)."""
    head = verb.head
    if verb.dep_ != "ccomp" or verb_lemma(head) not in SAYING or not head.i < span.start:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or span.end > subjects[0].left_edge.i:
        return None
    if any(t.lower_ == "that" for t in span.doc[head.i + 1 : span.start]):
        return None  # "said that on Tuesday it would ...": the date is the complement's
    return head


def _reported_present(verb: Token, span: Span) -> bool:
    """ "The Australian Senate on Monday passes the bill", "China on Tuesday unveils ...": a date
    between the subject and a simple-present verb is the wire's (and a caption's) way of telling
    what happened; what is arranged puts the date after the verb ("the board meets Monday")."""
    if verb.tag_ not in ("VBZ", "VBP") or _aux_words(verb) or verb_lemma(verb) in STATIVE or span.end > verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and subjects[0].i < span.start and span.root.head.i < verb.i


def _scheduled_by_copula(verb: Token, span: Span) -> bool:
    """ "The deadline is Friday", "the election is on Sunday": a present "is" whose complement is
    the date says when something is to happen (what is over reads "was")."""
    root = span.root
    if verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP") or _aux_words(verb):
        return False
    if root.dep_ == "attr" and root.head == verb:
        return not any(t.lower_ in ("today", "now", "it") for t in verb.children if t.dep_ == "nsubj")
    return root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head == verb


def _names_a_thing(span: Span) -> bool:
    """The expression modifies a noun ("Tuesday's declaration", "a June agreement")."""
    root = span.root
    return root.dep_ in ("poss", "compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN")


def _thing_before(span: Span) -> bool:
    """The thing the expression dates is what the clause came after ("after Tuesday's attack",
    "since Monday's vote", "following Friday's ruling")."""
    noun = span.root.head
    return noun.dep_ == "pobj" and noun.head.lower_ in ("after", "following", "since")


def _thing_acted(span: Span, verb: Token) -> bool:
    """The thing the expression dates is the subject of the clause's past verb: it did what the clause
    tells, so it was ("Thursday's blast killed six", "Monday's attack was the worst in years"); a
    passive subject may be what did not take place ("Saturday's race was called off")."""
    noun = span.root.head
    return noun.dep_ == "nsubj" and noun.head == verb


def _willed(verb: Token) -> bool:
    """The verb itself carries will/shall or a modal ("will attend", "would sign")."""
    words = {a.lower_ for a in _aux_words(verb)}
    return bool(words & (FUTURE_AUX | MODALS)) or (verb.tag_ == "MD")
