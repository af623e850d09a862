"""The language of an article, and whether tidings' (English) fact stages may read it.

py3langid classifies the text (title and body). Short English texts are where language
identifiers go wrong: capitalised wire headlines come out as Nigerian Pidgin, number tables
as "no linguistic content", a two-line lead as Latin. So an article is only called
non-English when the classifier is confident (``CONFIDENT``) or, when it is not, the page or
feed declared that language itself (a feed that declares none is read as a whole: its items
together are long enough to classify, see :mod:`tidings.sources.feeds`). Measured by
``bench/language.py`` on the English and non-English corpora in ../shared.
"""

from __future__ import annotations

import functools
import io
import lzma
import re
from typing import Any, NamedTuple

import numpy as np

ENGLISH = "en"
CONFIDENT = 0.9  # classifier probability from which its answer wins over everything
LIKELY = 0.5  # ... from which an "en" answer (or any answer on a long text) wins over a declared language
LONG_WORDS = 150  # texts this long rarely fool the classifier
SAMPLE_CHARS = 2000  # the classifier reads this much of the text
# langid codes that are not a language a text can be "in": no linguistic content, undetermined
NOT_A_LANGUAGE = frozenset({"zxx", "und", "mul", "mis", "xx"})
# Varieties the model tells apart but that count as one language here: their probabilities
# are added up (Chinese text splits ~2:1 between zh and Wu, so neither part looks sure), and
# Nigerian Pidgin, an English-lexifier creole, is what the model answers for English set in
# capitals ("GENERAL SIGNAL CORP SETS QTLY DIVIDEND": 54 of 55 unsure non-English answers
# on 29,206 English texts).
VARIETY_OF = {"wuu": "zh", "yue": "zh", "ary": "ar", "arz": "ar", "nn": "no", "pcm": ENGLISH}
_WORD = re.compile(r"\w+")
_DECLARED = re.compile(r"^([a-z]{2,3})(?:$|[-_])")


class Language(NamedTuple):
    """``code`` (ISO 639, or None when unknown); ``source``: text | declared | none;
    ``confidence``: the classifier's probability for ``code`` (0 when declared or unknown)."""

    code: str | None
    source: str
    confidence: float


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier, its model read in memory: the library's own loader unpacks the
    model into a temporary file, which fails on a full disk (and would then fail every article)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    with lzma.open(MODEL_DIR / MODEL_FILE) as src, np.load(io.BytesIO(src.read()), allow_pickle=False) as data:
        return LanguageIdentifier(
            data["ptc"], data["pc"], data["classes"].tolist(), _to_array(data["nextmove"]),
            data["out_feat"].tolist(), norm_probs=True, tk_row=_to_array(data["nextmove_row"]),
        )  # fmt: skip


def declared_language(hint: str | None) -> str | None:
    """``en-US`` / ``pt_BR`` / ``de`` -> ``en`` / ``pt`` / ``de``; None for anything else."""
    if not hint:
        return None
    match = _DECLARED.match(hint.strip().lower())
    code = match.group(1) if match else None
    return code if code and code not in NOT_A_LANGUAGE else None


def detect_language(text: str, hint: str | None = None, *, sample_chars: int = SAMPLE_CHARS) -> Language:
    """The language of ``text``; ``hint`` is what the page or feed declares (``lang``,
    ``og:locale``, RSS ``<language>``)."""
    declared = declared_language(hint)
    sample = text[:sample_chars]
    words = len(_WORD.findall(sample))
    if words:
        code, prob = _classify(sample)
        sure = prob >= CONFIDENT or (prob >= LIKELY and (code == ENGLISH or words >= LONG_WORDS))
        if sure and code not in NOT_A_LANGUAGE:
            return Language(code, "text", round(prob, 3))
    if declared:
        return Language(declared, "declared", 0.0)
    return Language(None, "none", 0.0)


def _classify(sample: str) -> tuple[str, float]:
    """The most probable language (varieties folded together) and its probability."""
    folded: dict[str, float] = {}
    for code, prob in _identifier().rank(sample):
        key = VARIETY_OF.get(str(code), str(code))
        folded[key] = folded.get(key, 0.0) + float(prob)
    best = max(folded, key=folded.__getitem__)
    return best, folded[best]


def reads_english(language: str | None) -> bool:
    """May the English fact stages read an article in ``language``? Unknown counts as yes:
    an article is only skipped when it is known not to be English."""
    return language is None or language == ENGLISH
