"""Mention layers of the entities stage: spaCy spans trimmed and relabelled, table lookups for
names spaCy missed, and re-finding of a cluster's names (see :mod:`tidings.facts.entities.stage`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.facts.actors.names import HONORIFICS, NAV_WORDS, PERSON_TITLES, clean_key, is_clean
from tidings.facts.actors.tables import ActorTables, nonstate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
DATE_LIKE = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s*\d{1,2}(?:-\d{1,2})?")
TITLE_WORDS = frozenset({"of", "state", "foreign", "defense", "defence", "national", "security", "top", "deputy"})


@dataclass
class RawMention:
    """A mention under construction (token span, label, comparison key, cluster index)."""

    start: int  # token indices [start, end)
    end: int
    label: str
    key: str = ""
    cluster: int = -1


def _is_title_token(low: str, tables: ActorTables) -> bool:
    word = low.strip(".")
    return (
        word in HONORIFICS
        or word in TITLE_WORDS
        or tables.role_sector(word) is not None
        or tables.country(word) is not None
    )


def _trim(doc: Doc, start: int, end: int, label: str, tables: ActorTables) -> tuple[int, int, str] | None:
    # A personal name heading its phrase takes no article: "the Club Obama" tagged PERSON names
    # a place or a body ("the Rev. Jesse Jackson" keeps its title and stays a person; in "the
    # Obama administration" the article belongs to "administration").
    the = start if doc[start].lower_ == "the" else start - 1
    heads = doc[end - 1].dep_ not in ("compound", "amod", "nmod", "poss") or doc[end - 1].head.i < end
    if label == "PERSON" and heads and the >= 0 and doc[the].lower_ == "the" and the + 1 < end:
        nxt = doc[the + 1].lower_.strip(".")
        if nxt not in PERSON_TITLES:
            label = "ORG"
    if doc[start].lower_ == "home":  # a breadcrumb glued to a name: "Home World US"
        while start < end and doc[start].lower_ in NAV_WORDS:
            start += 1
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or doc[start].is_punct
        or doc[start].is_space
        or not any(ch.isalnum() for ch in doc[start].text)
    ):
        start += 1
    start, end = _credit(doc, start, end, tables)
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in ("'s", "’s", "'", "’")
        or not any(ch.isalnum() for ch in doc[end - 1].text)  # a stray U+0097 glued to a name
    ):
        end -= 1
    if label == "PERSON":
        end = _hyphenated_given_name(doc, end)
    titled = start > 0 and doc[start - 1].lower_.strip(".") in PERSON_TITLES and doc[start - 1].is_title
    if end - start > 1 and (label == "PERSON" or doc[start].lower_.strip(".") in PERSON_TITLES):
        cut = end
        while cut > start and not _is_title_token(doc[cut - 1].lower_, tables):
            cut -= 1
        if start < cut < end:
            titled, start = titled or label != "PERSON", cut
    text = doc[start:end].text
    if start >= end or not is_clean(text) or DATE_LIKE.fullmatch(text):
        return None  # nothing left, or no name at all: page code, a stray control character, "Oct.5"
    key = clean_key(doc[start:end].text)
    if titled and label != "PERSON" and end - start <= 3 and tables.country(key) is None:
        known = tables.known_code(key) or ""
        if all(t.is_title and t.pos_ == "PROPN" for t in doc[start:end]) and not nonstate(known):
            label = "PERSON"  # "Chancellor Olaf Scholz" tagged ORG: a personal title says person
    one_org = end - start == 1 and label == "ORG"
    if one_org and (key in TITLE_WORDS or key in tables.roles) and not _legislature_alone(doc[start], key):
        return None  # "State" of "Secretary of State", "Defense" of "Defense Secretary"
    if label == "ORG" and end < len(doc) and doc[end].lower_ == "of":  # "Group" + "of 20"
        for size in (3, 2):
            longer = clean_key(doc[start : end + size].text)
            if end + size <= len(doc) and tables.known_code(longer):
                end, key = end + size, longer
                break
    hit = tables.country(key)
    if key in tables.regions and label in ("ORG", "PERSON", "GPE", "FAC", "NORP"):
        label = "LOC"
    elif hit is not None and label not in ("GPE", "NORP", "LOC", "FAC"):
        if label != "PERSON" or (end - start == 1 and hit.kind in ("name", "capital", "demonym")):
            label = "NORP" if hit.kind == "demonym" else "GPE"
    elif hit is None and label in ("FAC", "GPE", "LOC", "EVENT", "PERSON", "NORP"):
        code = tables.known_code(key)
        if nonstate(code) and end - start <= 6:
            label = "ORG"
        elif label == "PERSON" and ((end - start == 1 and tables.party_code(key)) or (code or "").endswith("PTY")):
            label = "ORG"  # "Labour", "Lib Dem" tagged PERSON: a party's name is no one's name
    return start, end, label


# A country's legislature called by its common noun alone, capitalised as a name ("Parliament
# voted", "a vote in the Commons"): the story's own country's body, not a word of a title
LEGISLATURE_NOUNS = frozenset({"parliament", "legislature", "commons"})


def _legislature_alone(tok: Token, key: str) -> bool:
    """``tok`` is a legislature's noun heading its own phrase ("rushed through Parliament"), not
    a word inside another name ("Parliament Square", "the Parliament building")."""
    return key in LEGISLATURE_NOUNS and tok.dep_ not in ("compound", "amod", "nmod")


def _hyphenated_given_name(doc: Doc, end: int) -> int:
    """The end of a person's name past the lower-case second syllable of a hyphenated given name
    spaCy cut off ("Moon Jae" + "-in", "Kang Kyung" + "-wha": Korean given names)."""
    last = doc[end - 1]
    if end + 1 < len(doc) and last.is_title and not last.whitespace_ and doc[end].text == "-":
        syllable = doc[end + 1]
        if not doc[end].whitespace_ and syllable.is_alpha and syllable.is_lower and len(syllable.text) <= 4:
            return end + 2
    return end


CREDIT_WORDS = frozenset({"photo", "photos", "image", "file", "video"})


def _credit(doc: Doc, start: int, end: int, tables: ActorTables) -> tuple[int, int]:
    """A span over a picture credit keeps the agency: "Photo/VCG] China" -> "VCG", "Photo/
    Kankannews.com" -> "Kankannews.com", "Xinhua/Ye Pingfan" (a known news medium, then its
    photographer) -> "Xinhua". Other names with a slash are one name ("Royal Dutch/Shell",
    "TBWA Chiat/Day", "Moss/Dragoti")."""
    slash = next((i for i in range(start, end) if doc[i].text == "/"), None)
    if slash is None:
        return start, end
    if slash > start and doc[slash - 1].lower_ in CREDIT_WORDS:
        start = slash + 1
    elif (code := tables.known_code(clean_key(doc[start:slash].text))) is not None and code.endswith("MED"):
        end = slash
    else:
        return start, end
    close = next((i for i in range(start, end) if doc[i].text in ("]", ")")), None)
    return start, close if close is not None else end


def spacy_mentions(doc: Doc, tables: ActorTables) -> list[RawMention]:
    out: list[RawMention] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        trimmed = _trim(doc, ent.start, ent.end, ent.label_, tables)
        if trimmed is not None:
            out.append(RawMention(*trimmed))
    return out


def _free_standing(doc: Doc, start: int, end: int) -> bool:
    """Not glued to a longer name or compound: no capitalised proper noun or hyphen right beside."""
    for j in (start - 1, end):
        if 0 <= j < len(doc):
            tok = doc[j]
            if tok.text in ("-", "–") and not (tok.whitespace_ if j == start - 1 else doc[end - 1].whitespace_):
                return False
            if tok.pos_ == "PROPN" and tok.is_title and not doc[j].is_sent_start:
                return False
    return True


def gazetteer_mentions(doc: Doc, taken: set[int], tables: ActorTables) -> list[RawMention]:
    """Country names, capitals and demonyms that spaCy did not tag."""
    out: list[RawMention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not (tok.is_title or tok.is_upper) or tok.is_punct:
            i += 1
            continue
        for size in (3, 2, 1):
            span = doc[i : i + size]
            if len(span) < size or any(t.i in taken for t in span):
                continue
            hit = tables.country(clean_key(span.text))
            if hit is not None and hit.kind in ("name", "capital", "demonym") and _free_standing(doc, i, i + size):
                out.append(RawMention(i, i + size, "NORP" if hit.kind == "demonym" else "GPE"))
                i += size - 1
                break
        i += 1
    return out


def _family_name_first(name: tuple[str, ...], words_at: Sequence[str]) -> bool:
    """A two-word name whose article calls the person by the first word and never by the second
    alone: the family name comes first ("Niu Li, an economist, said ... Niu added"), as in Chinese,
    Korean and Vietnamese names; a name whose last word stands alone ("Gary Johnson ... Johnson
    said") is read the other way."""
    if len(name) != 2:
        return False
    first, last = name
    alone = [i for i, w in enumerate(words_at) if w == last and (i == 0 or words_at[i - 1] != first)]
    return not alone and any(
        w == first and (i + 1 == len(words_at) or words_at[i + 1] != last) for i, w in enumerate(words_at)
    )


ORG_TAGGED = 2  # times a one-word organisation name must be tagged before it is re-found


def refind(doc: Doc, clusters: list[list[RawMention]], taken: set[int], labels: list[str]) -> list[RawMention]:
    """Untagged later occurrences of a cluster's names (and PERSON surnames). A one-word
    organisation name in mixed case ("Tesla", "Huawei") is re-found only where the parser tagged it
    as an organisation at least twice: once may be a common word read as a name ("Solar")."""
    forms: dict[tuple[str, ...], int] = {}
    clash: set[tuple[str, ...]] = set()
    words_at = [t.text for t in doc]
    for n, members in enumerate(clusters):
        if labels[n] not in ("PERSON", "ORG"):
            continue
        tagged = Counter(tuple(t.text for t in doc[m.start : m.end]) for m in members)
        for m in members:
            words = tuple(t.text for t in doc[m.start : m.end])
            variants = (
                [words]
                if labels[n] == "PERSON" or len(words) > 1 or words[0].isupper() or tagged[words] >= ORG_TAGGED
                else []
            )
            if labels[n] == "PERSON" and len(words) > 1:
                variants.append(words[-1:])
            if labels[n] == "PERSON" and _family_name_first(words, words_at):
                variants.append(words[:1])
            for v in variants:
                if v in forms and forms[v] != n:
                    clash.add(v)
                forms.setdefault(v, n)
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(words_at):
        starts.setdefault(word, []).append(i)
    out: list[RawMention] = []
    for form, n in forms.items():
        if form in clash or not form[0][:1].isupper() or (len(form) == 1 and len(form[0]) < 2):
            continue
        size = len(form)
        for i in starts.get(form[0], []):
            if any(j in taken for j in range(i, i + size)):
                continue
            same = tuple(words_at[i : i + size]) == form
            if same and (not doc[i].is_sent_start or doc[i].pos_ == "PROPN") and _free_standing(doc, i, i + size):
                m = RawMention(i, i + size, labels[n], cluster=n)
                out.append(m)
                taken.update(range(i, i + size))
    return out
