"""Text hygiene: repair mojibake and drop control characters before anything reads the text.

Real inputs carry encoding damage: texts converted through Windows-1252 keep its dashes
and quotes as C1 control characters (U+0097 for an em dash in ~30% of the NYT leads),
UTF-8 read as Latin-1 turns "”" into "â\\x80\\x9d" (which then pairs with the wrong quote
mark), and JSON or XML parsers hand out NUL bytes and lone surrogates. ftfy (a maintained
library for exactly this) repairs what can be repaired; whatever control character is
left is dropped. Tab and newline stay: paragraph structure depends on them.

Every input kind (HTML, text, JSONL records, feed items) goes through :func:`clean_text`
before extraction or assembly, so facts index the cleaned ``Article.text``.
"""

from __future__ import annotations

import re

import ftfy

# C0 (except tab and newline), DEL and C1 controls: never text (U+0085 NEL included, as
# ftfy has already mapped the C1 range to Windows-1252 where that is what was meant).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# ftfy settings: repair encodings and C1 controls, keep the text's own characters otherwise
# (no unescaping of literal "&amp;", no quote uncurling, no full-width folding, which would
# rewrite CJK punctuation).
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    explain=False,
)


def clean_text(text: str) -> str:
    """``text`` with mojibake repaired, CR/LF unified and control characters removed."""
    if not text:
        return text
    fixed = ftfy.fix_text(text, config=_CONFIG)
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", fixed))


def has_controls(text: str) -> bool:
    """True when ``text`` holds a C0/C1 control character other than tab and newline."""
    return _CONTROL.search(text) is not None
