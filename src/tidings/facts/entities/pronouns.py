"""Rule-based resolution of personal pronouns to PERSON entities.

Only ``he/him/his/she/her/...`` (anywhere) and ``I/me/my`` (inside quotation marks) are resolved, and
only to clustered PERSON mentions: that is what quote speakers and event actors need, and no offline
coreference model is available. Third person: the nearest preceding PERSON that is the subject in the
same sentence, else the nearest preceding PERSON in the sentence, else the subject (or nearest) PERSON of
the closest earlier sentence within :data:`WINDOW` sentences. First person in a quote: the PERSON subject of
the sentence outside the quote (``"I believe ...," Xi said``), else the nearest PERSON outside it.

A "he" or a "she" skips a person the article itself marks as of the other gender (:func:`person_genders`):
no names list, only the honorifics before the person's name ("Mr.", "Ms."), a gendered role noun
right before it or in apposition ("actress Meryl Streep", "his widow, Coretta", "Jane Doe, the
chairwoman"; nouns from WordNet, ``data/entities/person_nouns.tsv``) and the pronouns a first
pass of the same rules already ties to the person.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from tidings.facts.actors.names import FEMININE, FIRST_PERSON, MASCULINE, PRONOUNS_PERSONAL
from tidings.facts.quotes.marks import find_quotes
from tidings.facts.switches import active

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WINDOW = 3  # sentences back to look for a third-person antecedent
# How clearly a first pass's pronouns must lean one way to fix a person's gender: a wrong link
# now and then ("she" given to the man the sentence before named) must not outvote the rest.
MIN_VOTES = 2
MIN_RATIO = 3


@dataclass(frozen=True)
class PersonSpan:
    """A PERSON mention already clustered: token span, char span, cluster index."""

    tok_start: int
    tok_end: int
    cluster: int


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Char ranges inside quotation marks, paired as the quotes stage pairs them
    (:func:`~tidings.facts.quotes.marks.find_quotes`: by each mark's glyph and neighbours, a quote
    reopened at each of its paragraphs or sentences read as one: '"A. "B," he said')."""
    return [(q.start, q.end) for q in find_quotes(text)]


def _inside(char: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in regions)


def _is_subject(doc: Doc, span: PersonSpan) -> bool:
    root = doc[span.tok_start : span.tok_end].root
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "conj" and root.head.dep_ == "nsubj")


def gender_of(word: str) -> str | None:
    """ "m" or "f" for a gendered third-person pronoun or honorific, else None."""
    low = word.lower().strip(".")
    return "m" if low in MASCULINE else "f" if low in FEMININE else None


def may_refer(word: str, gender: str | None) -> bool:
    """Whether a pronoun may stand for a person of ``gender`` ("m"/"f"; anything else, "-" of a
    noun of either sex or None, is unknown): "he" not for a woman, "her" not for a man; any other
    word, or a person of no known gender, may."""
    own = gender_of(word)
    return own is None or gender not in ("m", "f") or own == gender


@functools.lru_cache(maxsize=1)
def person_nouns() -> dict[str, str]:
    """Noun -> "f"/"m"/"-": nouns at least half the senses of which are persons ("official"), "f"
    or "m" when every sense is a person of that gender ("actress", "widow", "spokeswoman",
    "widower"); derived from WordNet (``data/entities/person_nouns.tsv``)."""
    text = resources.files("tidings.data.entities").joinpath("person_nouns.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] for row in rows if len(row) == 2}


def role_gender(doc: Doc, span: PersonSpan) -> str | None:
    """The gender a role noun gives a name: right before it ("actress Meryl Streep", "Chairwoman
    Yellen"), or in apposition either way ("his widow, Coretta Scott King", "Jane Doe, the
    chairwoman of the board"). Only the noun the name stands beside: a role further off may be
    someone else's."""
    nouns = person_nouns()
    root = doc[span.tok_start : span.tok_end].root
    beside = [doc[span.tok_start - 1]] if span.tok_start > 0 else []
    if root.dep_ == "appos":
        beside.append(root.head)
    beside.extend(c for c in root.children if c.dep_ == "appos")
    found = {nouns.get(t.lower_) for t in beside if t.pos_ in ("NOUN", "PROPN")} & {"f", "m"}
    return found.pop() if len(found) == 1 else None


def person_genders(doc: Doc, persons: Sequence[PersonSpan], links: Sequence[tuple[Token, int]]) -> dict[int, str]:
    """Cluster -> "m"/"f" where the article says so: an honorific right before one of its names
    ("Mr. Trump", "Ms. Martin") or a gendered role noun beside it (:func:`role_gender`) decides;
    else the pronouns ``links`` tie to it, when at least :data:`MIN_VOTES` of them and
    :data:`MIN_RATIO` times more of one gender than of the other."""
    titled: dict[int, set[str]] = {}
    for p in persons:
        for i in (p.tok_start - 1, p.tok_start):
            tok = doc[i] if 0 <= i < len(doc) else None
            if tok is not None and tok.pos_ != "PRON" and tok.text[:1].isupper() and (g := gender_of(tok.text)):
                titled.setdefault(p.cluster, set()).add(g)
        if (g := role_gender(doc, p)) is not None:
            titled.setdefault(p.cluster, set()).add(g)
    votes: dict[int, Counter[str]] = {}
    for tok, n in links:
        if (g := gender_of(tok.text)) is not None:
            votes.setdefault(n, Counter())[g] += 1
    out: dict[int, str] = {}
    for n, count in votes.items():
        for g, other in (("m", "f"), ("f", "m")):
            if count[g] >= MIN_VOTES and count[g] >= MIN_RATIO * count[other]:
                out[n] = g
    for n, gs in titled.items():
        if len(gs) == 1:
            out[n] = next(iter(gs))
        else:
            out.pop(n, None)  # "Mr. and Mrs. Obama" spread over one name: no evidence either way
    return out


def resolve_pronouns(
    doc: Doc,
    persons: Sequence[PersonSpan],
    regions: Sequence[tuple[int, int]],
    unnamed: list[tuple[Token, Token]] | None = None,
) -> list[tuple[Token, int]]:
    """(pronoun token, cluster index) for each resolvable personal pronoun, in text order; a
    second pass leaves out the persons the first pass shows to be of the pronoun's other gender.
    ``unnamed`` gets (pronoun, noun) for each pronoun that stands for a person left unnamed."""
    first = _resolve(doc, persons, regions, {}, [])
    genders = person_genders(doc, persons, [(tok, n) for tok, n in first if _bound(doc, persons, tok, n)])
    return _resolve(doc, persons, regions, genders, unnamed if unnamed is not None else [])


def _bound(doc: Doc, persons: Sequence[PersonSpan], tok: Token, cluster: int) -> bool:
    """A link the grammar makes sure of: a possessive or reflexive pronoun in the clause whose
    subject is the person ("Trump began his speech", "Clinton defended herself"), not a pronoun
    standing in a clause of its own ("Trump said she had won") nor the object "him"/"her", which
    the clause's own subject never is ("Trump praised him")."""
    if tok.dep_ not in ("poss", "dobj", "pobj", "dative") or (tok.lower_ in ("him", "her") and tok.dep_ != "poss"):
        return False
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and verb.dep_ not in ("ROOT", "ccomp", "advcl"):
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(p.cluster == cluster and p.tok_start <= s.i < p.tok_end for p in persons for s in subjects)


def _commanded(doc: Doc, pronoun: Token, person: PersonSpan) -> bool:
    """A name inside the clause a subject pronoun governs is someone else (binding theory's
    principle C): in the pronoun's own clause ("he praised Blair's record") or in a clause under
    it with no subject of its own, whose unspoken subject is the pronoun's ("While saying he
    admired Mr Blair's leadership, he criticised ...": he said he admired it, so he is not
    Blair). A clause on the way with a subject of its own stops the rule ("While Blair was
    speaking, he ..."; coordinated clauses the parse may have hung under the verb), unless that
    subject is the same pronoun again ("he admired" inside what he says)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = pronoun.head
    node = doc[person.tok_start : person.tok_end].root
    while node.i != verb.i:
        if node.head.i == node.i:
            return False  # not under the pronoun's verb
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if node.pos_ in ("VERB", "AUX") and any(s.lower_ != pronoun.lower_ for s in subjects):
            return False
        node = node.head
    return True


def _resolve(
    doc: Doc,
    persons: Sequence[PersonSpan],
    regions: Sequence[tuple[int, int]],
    genders: dict[int, str],
    blocked: list[tuple[Token, Token]],
) -> list[tuple[Token, int]]:
    by_sent: dict[int, list[PersonSpan]] = {}
    sents: list[Span] = list(doc.sents)
    sent_of: dict[int, int] = {}
    for n, sent in enumerate(sents):
        for tok in sent:
            sent_of[tok.i] = n
    for p in persons:
        by_sent.setdefault(sent_of.get(p.tok_start, 0), []).append(p)
    unnamed = _unnamed_subjects(doc, sent_of)
    out: list[tuple[Token, int]] = []
    for tok in doc:
        low = tok.lower_
        if low not in PRONOUNS_PERSONAL or tok.pos_ not in ("PRON", "DET"):
            continue
        n = sent_of.get(tok.i, 0)
        in_quote = _inside(tok.idx, regions)
        if low in FIRST_PERSON:
            if not in_quote:
                continue
            outside = [p for p in by_sent.get(n, []) if not _inside(doc[p.tok_start].idx, regions)]
            subj = [p for p in outside if _is_subject(doc, p)]
            pick = (subj or outside)[:1]
            if not pick and n > 0:  # quote paragraph continuing the previous speaker's sentence
                prev = [p for p in by_sent.get(n - 1, []) if _is_subject(doc, p)]
                pick = prev[-1:]
            if pick:
                out.append((tok, pick[0].cluster))
            continue

        def fits(p: PersonSpan, low: str = low) -> bool:
            return may_refer(low, genders.get(p.cluster))

        # a pronoun of the writer's own words stands for someone the writer named, never for a
        # person a speaker talks about inside a quotation ('"... Gordon Brown's record is very
        # mixed," he said'), in its own sentence or the ones before
        def told(p: PersonSpan, in_quote: bool = in_quote) -> bool:
            return in_quote or not _inside(doc[p.tok_start].idx, regions)

        same = [
            p for p in by_sent.get(n, []) if p.tok_end <= tok.i and fits(p) and told(p) and not _commanded(doc, tok, p)
        ]
        subj = [p for p in same if _is_subject(doc, p)]
        choice = (subj or same)[-1:] if (subj or same) else []
        back = n - 1
        while not choice and back >= max(0, n - WINDOW):
            cands = [p for p in by_sent.get(back, []) if fits(p) and told(p)]
            subj = [p for p in cands if _is_subject(doc, p)]
            noun = next(
                (
                    t
                    for t in reversed(unnamed.get(back, []))
                    if may_refer(low, person_nouns()[t.lower_]) and (in_quote or not _inside(t.idx, regions))
                ),
                None,
            )
            if not subj and noun is not None:
                # "A spokeswoman said: “...” But she added ...": the subject of the sentence
                # before is a person left unnamed; a name further back is someone else
                blocked.append((tok, noun))
                break
            choice = (subj or cands)[-1:]
            back -= 1
        if (
            not choice
            and not in_quote
            and not any(p.tok_start < tok.i for p in persons)
            and not _person_noun_before(doc, tok)  # "An MP has had his passport stolen"
        ):
            choice = _cataphor(doc, tok, persons, sent_of, n, fits, told)
        if choice:
            out.append((tok, choice[0].cluster))
    return out


def _person_noun_before(doc: Doc, tok: Token) -> bool:
    """Whether a noun of a person (:func:`person_nouns`: "MP", "spokeswoman", "the minister")
    comes before ``tok`` in its sentence: the person a pronoun after it can stand for."""
    nouns = person_nouns()
    return any(t.pos_ in ("NOUN", "PROPN") and t.lower_ in nouns for t in doc[tok.sent.start : tok.i])


def _cataphor(
    doc: Doc,
    tok: Token,
    persons: Sequence[PersonSpan],
    sent_of: dict[int, int],
    n: int,
    fits: Callable[[PersonSpan], bool],
    told: Callable[[PersonSpan], bool],
) -> list[PersonSpan]:
    """A pronoun before anyone is named stands for the person named next (cataphora, as a feature
    lede opens: "She's slammed NATO, voted against EU treaties ... Catherine Connolly, a former
    mayor, ..."; "In his first speech, Obama said"): the first person of its gender the writer
    names after it, in its sentence (not one the pronoun's own clause governs: "she praised Mary"
    is not Mary) or within :data:`WINDOW` sentences, a subject first. Not after a person left
    unnamed in its sentence ("An MP has had his passport stolen"): that is the antecedent, as the
    backward search has it. Rule lede-cataphor."""
    if not active("lede-cataphor"):
        return []
    after = [
        p
        for p in persons
        if p.tok_start > tok.i and n <= sent_of.get(p.tok_start, 0) <= n + WINDOW and fits(p) and told(p)
    ]
    after = [p for p in after if sent_of.get(p.tok_start, 0) > n or not _commanded(doc, tok, p)]
    after.sort(key=lambda p: p.tok_start)
    subj = [p for p in after if _is_subject(doc, p)]
    return (subj or after)[:1]


def _unnamed_subjects(doc: Doc, sent_of: dict[int, int]) -> dict[int, list[Token]]:
    """Sentence -> its subjects that are a person left unnamed: a singular noun of a person
    (:func:`person_nouns`) brought in with "a"/"an" ("A spokeswoman for the office said", "a
    party official said"), or with "the" after such an introduction ("the spokesman said"), and no
    name beside it. "The Chinese diplomat" with no "a diplomat" before most often takes up a
    person named earlier, who stays the pronoun's antecedent."""
    nouns = person_nouns()
    introduced: set[str] = set()
    out: dict[int, list[Token]] = {}
    for tok in doc:
        if tok.tag_ != "NN" or tok.lower_ not in nouns:
            continue
        if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children):
            continue
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        if det in ("a", "an"):
            introduced.add(tok.lower_)
        elif det != "the" or tok.lower_ not in introduced:
            continue
        if tok.dep_ in ("nsubj", "nsubjpass"):
            out.setdefault(sent_of.get(tok.i, 0), []).append(tok)
    return out


NEUTER = frozenset({"it", "itself"})  # not "its": "its nationals" is no act of the state
EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "take", "remain", "happen", "matter", "rain"})


def resolve_neuter(
    doc: Doc, actors: Sequence[PersonSpan], regions: Sequence[tuple[int, int]]
) -> list[tuple[Token, int]]:
    """(pronoun token, cluster index) for "it"/"its" standing for a state or organisation
    ("China said it would retaliate", "the ministry and its spokesman"): the nearest such actor
    before it in the sentence, the subject first, else the subject of the sentence before.
    ``actors``: the mentions of states and organisations used as actors. An expletive "it" ("it
    is likely that") and "it" inside a quotation are left alone."""
    sents: list[Span] = list(doc.sents)
    sent_of = {tok.i: n for n, sent in enumerate(sents) for tok in sent}
    by_sent: dict[int, list[PersonSpan]] = {}
    for a in actors:
        by_sent.setdefault(sent_of.get(a.tok_start, 0), []).append(a)
    out: list[tuple[Token, int]] = []
    for tok in doc:
        if tok.lower_ not in NEUTER or tok.pos_ not in ("PRON", "DET") or _inside(tok.idx, regions):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in EXPLETIVE_HEADS:
            continue
        n = sent_of.get(tok.i, 0)
        same = [a for a in by_sent.get(n, []) if a.tok_end <= tok.i]
        subj = [a for a in same if _is_subject(doc, a)]
        choice = (subj or same)[-1:]
        if not choice and n > 0:
            choice = [a for a in by_sent.get(n - 1, []) if _is_subject(doc, a)][-1:]
        if choice:
            out.append((tok, choice[0].cluster))
    return out
