"""Fuzz target: scraped page text -> ``tidings.extract.text.extract_text`` (the text
page cleaner), and the same text as bytes through ``tidings.extract()``.

Expected outcomes: an :class:`Article` whose text is its paragraphs joined (no NUL) or a
coded :class:`Rejected`, within 2 s per input. Inputs: arbitrary unicode, and pages built
from news-like lines mixed with the clutter the cleaner removes (share bars, "Also read",
bylines, datelines, captions, repeated headlines), odd line endings and control bytes.
"""

from __future__ import annotations

from fuzz_common import check_outcome, fuzz_settings, run_timed
from hypothesis import given
from hypothesis import strategies as st

import tidings
from tidings.extract.text import extract_text

LINES = [
    "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region.",
    "“We made progress,” the foreign minister told reporters after the talks.",
    "BEIJING, June 18 (Reuters) - Secretary of State Antony Blinken arrived in Beijing.",
    "By Jane Doe and John Roe",
    "Also read: Ten things to know",
    "Share this article",
    "Source link",
    "Please enter your comment!",
    "Photo: AP",
    "Advertisement",
    "Updated: 18 June 2023, 10:05 IST",
    "Talks in Vienna",
    "Home | World | Politics",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "",
    "   ",
    "-",
    "*" * 80,
]
line = st.sampled_from(LINES) | st.text(max_size=120)
endings = st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\u2028", "\x0c", "\n\x00"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line, min_size=1, max_size=30))
    ending = draw(endings)
    return ending.join(lines)


@fuzz_settings(0.5)
@given(pages() | st.text(max_size=3000), st.sampled_from([None, "Talks in Vienna", "", " "]))
def test_fuzz_text_cleaner(text: str, title: str | None) -> None:
    check_outcome(
        run_timed("extract_text()", lambda: extract_text(text, source="fuzz", title=title, published="2023-06-18"))
    )


@fuzz_settings(0.5)
@given(pages(), st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]))
def test_fuzz_text_bytes_through_extract(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    check_outcome(run_timed("extract()", lambda: tidings.extract(data)))
