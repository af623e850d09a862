"""Document tone on GDELT's scale, from a published sentiment lexicon.

GDELT's ``AvgTone``/``MentionDocTone`` is the share of an article's words with a positive
connotation minus the share with a negative one, in percent (-100..+100, news mostly -10..+5).
We count words with the VADER lexicon: C.J. Hutto and E. Gilbert (2014), "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM; the word list ships in the
``vaderSentiment`` package (MIT licence), from which only ``vader_lexicon.txt`` is read. A word
is positive or negative by the sign of its mean human rating.

Only English text is scored: the lexicon is English. Other languages get no tone (an empty
column), never a made-up 0.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

LEXICON_PACKAGE = "vaderSentiment"
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*")


@lru_cache(maxsize=1)
def polarity() -> dict[str, int]:
    """word -> +1 or -1 (the sign of its mean rating in the VADER lexicon)."""
    text = resources.files(LEXICON_PACKAGE).joinpath("vader_lexicon.txt").read_text("utf-8")
    out: dict[str, int] = {}
    for line in text.splitlines():
        token, _, rest = line.partition("\t")
        mean = rest.partition("\t")[0]
        if not token or not _WORD.fullmatch(token):
            continue  # emoticons and other non-word entries
        value = float(mean)
        if value:
            out[token] = 1 if value > 0 else -1
    return out


def document_tone(text: str, language: str | None = None) -> float | None:
    """(positive words - negative words) / words * 100; None when the text is not English
    (``language`` given and not ``en``) or has no words."""
    if language and not language.lower().startswith("en"):
        return None
    words = _WORD.findall(text.lower().replace("’", "'"))
    if not words:
        return None
    lex = polarity()
    score = sum(lex.get(w, 0) for w in words)
    return 100.0 * score / len(words)
