"""Text hygiene (tidings.extract.hygiene): mojibake repaired, control characters dropped before
anything reads the text, facts indexing the cleaned text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.config import Options
from tidings.extract import extract_raw
from tidings.extract.hygiene import clean_text, has_controls
from tidings.records import Article, RawDoc
from tidings.run.batch import Annotator
from tidings.sources.files import read_jsonl


def test_windows_1252_punctuation_read_as_latin1_is_repaired() -> None:
    assert clean_text("Obama\x97the president\x92s aide") == "Obama—the president’s aide"


def test_utf8_read_as_latin1_is_repaired() -> None:
    assert clean_text("Guo Jipingâ\x80\x9d. The cafÃ© reopened.") == "Guo Jiping”. The cafÃ© reopened.".replace(
        "cafÃ©", "café"
    )


def test_controls_are_dropped_and_structure_kept() -> None:
    cleaned = clean_text("a\x00b\x1bc\x7fd\x81e\x9df\tg\r\nh\n\ni")
    assert cleaned == "abcdef\tg\nh\n\ni"
    assert not has_controls(cleaned) and has_controls("x\x9by")


def test_text_is_otherwise_left_alone() -> None:
    kept = "“Quoted” — ＡＢＣ，中文，AT&amp;T, naïve"
    assert clean_text(kept) == kept


def test_lone_surrogates_become_replacement_characters() -> None:
    assert clean_text("a\ud800b") == "a\ufffdb"


def test_facts_index_the_cleaned_text() -> None:
    text = (
        "Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Monday\x97the "
        "first such visit in five years. \x93We want stable relations,\x94 Wang said after the talks.\n\n"
        "Blinken said the two sides agreed to keep talking\x85 and to restore flights."
    )
    (raw,) = read_jsonl(json.dumps({"text": text, "published": "2023-06-19"}).encode(), "t.jsonl")
    assert isinstance(raw, RawDoc)
    article = extract_raw(raw)
    assert isinstance(article, Article)
    assert "Monday—the first" in article.text and "“We want stable relations,” Wang" in article.text
    facts = Annotator(Options()).annotate([article])[0].facts
    assert facts["quotes"] and facts["entities"]
    for kind in ("quotes", "times", "places", "mentions"):
        for fact in facts[kind]:
            assert article.text[fact.start : fact.end] == fact.text, (kind, fact)


@pytest.mark.slow
def test_no_control_character_survives_the_nyt_leads(shared: Path) -> None:
    """266 of the 4,790 NYT leads (5.6%; the issue said ~30%) carry U+0097, an em dash of
    Windows-1252 read as Latin-1; none reaches an article."""
    path = shared / "data" / "corpus" / "text" / "nyt_us_china_leads" / "nyt_us_china_leads.jsonl"
    raws = [r for r in read_jsonl(path.read_bytes(), str(path)) if isinstance(r, RawDoc)]
    dirty = sum(has_controls(f"{r.fields.get('title') or ''}\n{r.fields['text']}") for r in raws)
    assert dirty >= 250  # the damage is really there
    articles = [a for a in (extract_raw(r) for r in raws) if isinstance(a, Article)]
    assert len(articles) == len(raws)
    survivors = [a.id for a in articles if has_controls(a.text) or has_controls(a.title or "")]
    assert survivors == []
