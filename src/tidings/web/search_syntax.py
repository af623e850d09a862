"""What people type into a search box -> a safe SQLite FTS5 expression.

    Blinken Beijing          both words (AND)
    "South China Sea"        the phrase
    Taiwan OR Tibet          either
    tariff*                  any word starting with "tariff"
    -Trump                   not this word (needs at least one word that is not excluded)

Every word and phrase is passed to FTS5 quoted, so nothing typed is ever FTS5 syntax of its own;
a query that cannot be read raises :class:`SearchSyntaxError` with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'\s*(?:(-)?"([^"]*)("?)|(\S+))')
MAX_TERMS = 32


class SearchSyntaxError(ValueError):
    """A search that cannot be read; the message says why, in words for the page."""


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    phrase: bool = False
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + (" *" if self.prefix else "")


def parse(text: str) -> list[list[Term]]:
    """Groups of alternatives (OR inside a group, AND between groups); NOT terms are their own
    one-term groups."""
    groups: list[list[Term]] = []
    pending_or = False
    for m in _TOKEN.finditer(text):
        neg_phrase, phrase, closed, word = m.groups()
        if phrase is not None:
            if not closed:
                raise SearchSyntaxError("a quotation mark is not closed")
            if not phrase.strip():
                continue
            term = Term(" ".join(phrase.split()), phrase=True, negated=bool(neg_phrase))
        else:
            if word == "OR":
                if not groups or pending_or:
                    raise SearchSyntaxError("OR needs a word on each side")
                pending_or = True
                continue
            negated = word.startswith("-") and len(word) > 1
            word = word[1:] if negated else word
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if not re.search(r"\w", word):
                if prefix:
                    raise SearchSyntaxError("* must follow the start of a word, as in tariff*")
                continue
            term = Term(word, prefix=prefix, negated=negated)
        if pending_or:
            if term.negated or groups[-1][0].negated:
                raise SearchSyntaxError("OR cannot join an excluded word")
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
    if pending_or:
        raise SearchSyntaxError("OR needs a word on each side")
    if sum(len(g) for g in groups) > MAX_TERMS:
        raise SearchSyntaxError(f"at most {MAX_TERMS} words")
    return groups


def to_fts(text: str) -> str:
    groups = parse(text)
    wanted = [g for g in groups if not g[0].negated]
    excluded = [g[0] for g in groups if g[0].negated]
    if not wanted:
        raise SearchSyntaxError("a search needs at least one word that is not excluded with -")
    expr = " AND ".join("(" + " OR ".join(t.fts() for t in g) + ")" if len(g) > 1 else g[0].fts() for g in wanted)
    for t in excluded:
        expr = f"({expr}) NOT {t.fts()}"
    return expr


def highlight_terms(text: str) -> list[str]:
    """The words and phrases a search looks for (for marking them in titles)."""
    try:
        return [t.text for g in parse(text) for t in g if not t.negated]
    except SearchSyntaxError:
        return []
