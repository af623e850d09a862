"""The issue taxonomy (``data/issues/issues.toml``) and a cue matcher over spaCy tokens.

Cues match a token sequence when every token equals the cue word in either its lower-cased
surface form or its lemma, so "tariff" matches "tariffs" and "sanction" "sanctioned".
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.nlp import spelt

_CUE_TOKENS = re.compile(r"'s\b|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Issue:
    id: str
    label: str
    description: str
    broad: bool


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]
    issue: str
    weight: float
    veto: bool


@dataclass(frozen=True, slots=True)
class CueHit:
    issue: str
    weight: float
    veto: bool
    start: int  # char offsets into the doc text
    end: int


def cue_words(phrase: str) -> tuple[str, ...]:
    """Split a cue the way spaCy splits text (punctuation and 's apart), lower-cased."""
    return tuple(_CUE_TOKENS.findall(phrase.lower().replace("’", "'")))


class Taxonomy:
    def __init__(self, data: dict[str, Any]) -> None:
        self.issues: dict[str, Issue] = {}
        self._by_first: dict[str, list[Cue]] = defaultdict(list)
        for item in data["issue"]:
            issue = Issue(item["id"], item["label"], item["description"], bool(item.get("broad", False)))
            self.issues[issue.id] = issue
            for raw, veto in [(c, False) for c in item.get("cues", [])] + [(v, True) for v in item.get("vetoes", [])]:
                phrase, _, weight = raw.partition("|")
                words = cue_words(phrase)
                if words:
                    self._by_first[words[0]].append(Cue(words, issue.id, float(weight or 1.0), veto))
        for cues in self._by_first.values():
            cues.sort(key=lambda c: -len(c.words))  # longest first

    def hits(self, tokens: Sequence[Any]) -> Iterator[CueHit]:
        """Every cue (and veto) occurrence in a token sequence (spaCy tokens or a Span)."""
        lowers = [spelt(t) for t in tokens]
        lemmas = [t.lemma_.lower().replace("’", "'") for t in tokens]
        n = len(lowers)
        for i in range(n):
            for first in {lowers[i], lemmas[i]}:
                for cue in self._by_first.get(first, ()):
                    k = len(cue.words)
                    if i + k <= n and all(w in (lowers[i + j], lemmas[i + j]) for j, w in enumerate(cue.words)):
                        last = tokens[i + k - 1]
                        yield CueHit(cue.issue, cue.weight, cue.veto, tokens[i].idx, last.idx + len(last.text))


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    text = resources.files("tidings").joinpath("data/issues/issues.toml").read_text("utf-8")
    return Taxonomy(tomllib.loads(text))
