"""Quote-mark pairing: paragraphs, continuation, malformed marks (no parser needed)."""

from __future__ import annotations

from tidings.facts.quotes.marks import find_quotes, mark_role, paragraph_spans


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_pairs() -> None:
    text = 'He said “first one,” and then "second one" before leaving.'
    assert _texts(text) == ["“first one,”", '"second one"']


def test_quote_continued_over_paragraphs() -> None:
    text = "She said: “We will win.\n\n“And we will win big,” she added.\n\nThe end."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert text[q.start : q.end] == "“We will win.\n\n“And we will win big,”"
    assert len(q.pieces) == 2 and q.closed


def test_misused_closer_still_closes_and_later_quotes_survive() -> None:
    # The motivating page's scrape: `yet. ”Underscoring` (a closer glued to the next word).
    text = (
        "Austin said they would meet “at some point in time, but we’re not there yet. ”Underscoring "
        "the situation, China rejected a report as “far-fetched and unprofessional”"
    )
    assert mark_role(text, text.index("”Under")) == "either"
    assert _texts(text) == [
        "“at some point in time, but we’re not there yet. ”",
        "“far-fetched and unprofessional”",
    ]


def test_stray_marks_are_isolated() -> None:
    text = "A stray ” closer here. Then “a real quote” follows.\n\nAnd “another one” too."
    assert _texts(text) == ["“a real quote”", "“another one”"]


def test_unclosed_opener_reads_to_paragraph_end_only() -> None:
    text = "He said “this never closes\n\nNext paragraph has “its own quote” intact."
    texts = _texts(text)
    assert texts == ["“this never closes", "“its own quote”"]
    assert not find_quotes(text)[0].closed


def test_paragraph_spans_skip_blank_lines() -> None:
    text = "  One.\n\n\nTwo.\nThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two.", "Three."]


def test_any_text_gives_ordered_disjoint_spans_that_start_on_a_mark() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from([*"ab .,\n“”\"'`", "''", "``", "\n\n"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(alphabet, max_size=60).map("".join))
    def check(text: str) -> None:
        last_end = 0
        for q in find_quotes(text):
            assert last_end <= q.start < q.end <= len(text)
            assert q.start <= q.inner_start <= q.inner_end <= q.end
            assert text[q.start] in "“”\"„«»'`"
            last_end = q.end

    check()


# --------------------------------------------------------------------- sane bounds (issue 19)

FILLER = "The delegation toured the port, met local officials and visited two factories that day. "


def test_a_stray_opener_does_not_pair_with_a_closer_pages_away() -> None:
    # a text without line breaks: one unbalanced mark, then a real quote ~3,000 characters on
    text = "He called it “remarkable. " + FILLER * 35 + "Later he said “we are ready,” and left."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["“we are ready,”"]
    assert all(q.end - q.start <= 2000 for q in quotes)


def test_a_far_pair_with_nothing_in_between_is_isolated() -> None:
    text = "“" + FILLER * 30 + "”"
    assert find_quotes(text) == []


def test_a_quote_stops_at_its_paragraph_end() -> None:
    text = "The minister said “we will not move an inch.\n\nOfficials later denied the report.\n\n“No,” she said."
    assert _texts(text) == ["“we will not move an inch.", "“No,”"]


def test_a_continued_quote_stops_growing_past_the_bound() -> None:
    paragraph = "“" + FILLER * 6  # ~540 characters, each paragraph opening again, never closed
    text = "\n\n".join([paragraph] * 20)
    quotes = find_quotes(text)
    assert quotes and all(q.end - q.start <= 5000 + len(paragraph) for q in quotes)
    assert sum(len(q.pieces) for q in quotes) == 20  # every paragraph still quoted, in bounded runs
