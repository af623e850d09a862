"""The parser reads typographic apostrophes as ASCII ones; the Doc keeps the stored text."""

from __future__ import annotations

import pytest

from tidings.nlp import Parser, parser_text, spelt

TEXT = (
    "She’s slammed NATO and China’s trade policy, but they don’t care.\n\n"
    "‘We oppose the new taxes’ he said. The Jones’ house and the G7’s plan.\n"
    "‘We’re ready,’ said the envoy."
)


def test_only_apostrophes_change_and_every_offset_stays() -> None:
    copy = parser_text(TEXT)
    assert len(copy) == len(TEXT)
    changed = [i for i, (a, b) in enumerate(zip(TEXT, copy, strict=True)) if a != b]
    assert all(TEXT[i] == "’" and copy[i] == "'" for i in changed)
    assert "She's" in copy and "China's" in copy and "don't" in copy and "We're" in copy
    assert "Jones' house" in copy and "G7's" in copy
    # quote marks stay: the opening ‘, the ’ closing it after 'taxes' and after 'ready,'
    assert "‘We oppose the new taxes’ he said" in copy
    assert "ready,’ said" in copy


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He called it ‘the houses’ and left.", "houses’ and"),  # closes the open quote
        ("‘Yes’, she said.", "Yes’,"),
        ("No apostrophe here.", ""),
    ],
)
def test_quote_marks_are_not_apostrophes(text: str, kept: str) -> None:
    assert parser_text(text) == text
    assert kept in parser_text(text)


def test_doc_is_the_stored_text_with_the_parse_of_the_copy(parser: Parser) -> None:
    doc = parser.parse(TEXT)
    assert doc.text == TEXT
    by_text = {t.idx: t for t in doc}
    she_s = by_text[TEXT.index("’s")]
    assert she_s.text == "’s" and she_s.lemma_ == "be"  # a verb, not the lemma '’s'
    nt = by_text[TEXT.index("n’t")]
    assert nt.text == "n’t" and nt.lemma_ == "not" and nt.dep_ == "neg"
    china = by_text[TEXT.index("China")]
    assert china.dep_ == "poss" and china.head.text == "policy"
    for tok in doc:
        assert TEXT[tok.idx : tok.idx + len(tok.text)] == tok.text
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["China"]
    assert doc[len(doc) - 1].sent.text == "‘We’re ready,’ said the envoy."


def test_long_text_parsed_in_chunks_keeps_its_text() -> None:
    chunked = Parser(max_chunk_chars=80)
    doc = chunked.parse(TEXT)
    assert doc.text == TEXT
    assert any(t.text == "n’t" and t.lemma_ == "not" for t in doc)


def test_spelt_reads_clitics_in_ascii_over_the_stored_text(parser: Parser) -> None:
    doc = parser.parse("They won’t sign, and she’ll say it’s over.")
    assert doc.text == "They won’t sign, and she’ll say it’s over."
    clitics = [spelt(t) for t in doc if "’" in t.text]
    assert clitics == ["n't", "'ll", "'s"]
