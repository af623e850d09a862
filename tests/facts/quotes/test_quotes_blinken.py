"""Acceptance on the motivating page: every quoted sentence goes to the right person."""

from __future__ import annotations

import re

import pytest

from tidings.extract.build import make_article
from tidings.extract.text import extract_text
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.facts.quotes.marks import find_quotes
from tidings.facts.quotes.stage import QuoteStage
from tidings.nlp import Parser
from tidings.records import Article, Entity, Paragraph, Quote

# Words inside each pair of quotation marks on the page -> who said them.
EXPECTED = {
    "the competition we have with China": "Antony Blinken",
    "precisely so that we can make sure": "Antony Blinken",
    "benefit our two countries.”": "Xi Jinping",
    "I believe that the foundation": "Xi Jinping",
    "Under the current world situation": "Xi Jinping",
    "hoping that over the next several months": "Joe Biden",
    "at some point in time": "Lloyd Austin",
    "far-fetched and unprofessional": "China",
    "China’s core concerns": "Qin Gang",
    "stop interfering in China’s internal affairs": "Qin Gang",
    "We’re coming to Beijing": "Daniel Kritenbrink",
    "intense competition requires intense diplomacy": "Kurt Campbell",
}


def _run(parser: Parser, article: Article) -> tuple[list[Quote], list[Entity]]:
    ctx = FactContext(article, parser.parse(article.text), None, {"entities": ()})
    ctx.found.update(EntityStage()(ctx))
    return list(QuoteStage()(ctx)["quotes"]), list(ctx.found["entities"])


@pytest.fixture(scope="module")
def cleaned(parser: Parser, blinken_text: str) -> tuple[Article, list[Quote], list[Entity]]:
    article = extract_text(blinken_text, source="test", published="2023-06-18")
    assert isinstance(article, Article)
    quotes, entities = _run(parser, article)
    return article, quotes, entities


Found = tuple[Article, list[Quote], list[Entity]]


def test_every_quoted_span_goes_to_the_right_speaker(cleaned: Found) -> None:
    article, quotes, _ = cleaned
    spans = find_quotes(article.text)
    assert len(spans) == len(EXPECTED)
    for span in spans:
        inner = article.text[span.start : span.end]
        key = next(k for k in EXPECTED if k in inner)
        holders = [q for q in quotes if q.start <= span.start and span.end <= q.end]
        # A report of a report holds the quotation twice (China said Qin urged ... “...”): the
        # innermost holder, which holds no other holder (twins hold each other, so none of them
        # is innermost), is the speaker's; every outer one is a report whose content holds the
        # innermost quote's cue and whose speaker is that quote's reporter.
        innermost = [h for h in holders if not any(o is not h and _within(o, h) for o in holders)]
        assert len(innermost) == 1, (inner, [h.text for h in holders])
        speaker, own = innermost[0].speaker, innermost[0]
        assert speaker is not None and speaker.name == EXPECTED[key], (inner, speaker)
        assert speaker.entity_id is not None
        for outer in holders:
            if outer is not own:
                assert own.cue_start is not None and outer.start <= own.cue_start < outer.end, outer.text
                assert outer.speaker is not None and own.reporter is not None
                assert outer.speaker.entity_id == own.reporter.entity_id, (outer.speaker, own.reporter)


def _within(inner: Quote, outer: Quote) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def test_nested_report_and_speaker_entities(cleaned: Found) -> None:
    _, quotes, _ = cleaned
    qin = next(q for q in quotes if "core concerns" in q.text and q.cue == "urged")
    assert qin.reporter is not None and qin.reporter.name == "China"
    # China's report of it is an attribution of its own: China speaks, over all of Qin's words
    china = [q for q in quotes if q.start < qin.start and qin.end <= q.end]
    assert [(q.cue, q.speaker.name if q.speaker else None) for q in china] == [("said", "China")]
    assert china[0].text.startswith("Qin had in a phone call") and china[0].reporter is None
    blinken = {q.speaker.entity_id for q in quotes if q.speaker and q.speaker.name == "Antony Blinken"}
    assert len(blinken) == 1  # "he told reporters" and "Blinken said" are one person
    kinds = {q.kind for q in quotes}
    assert kinds == {"direct", "mixed", "indirect"}


def test_spokesperson_is_an_unnamed_chinese_government_speaker(
    cleaned: tuple[Article, list[Quote], list[Entity]],
) -> None:
    _, quotes, entities = cleaned
    said = [q for q in quotes if q.cue in ("accusations", "complained")]
    assert {q.cue for q in said} == {"accusations", "complained"}
    by_id = {e.id: e for e in entities}
    for q in said:
        assert q.speaker is not None and "spokesperson" in q.speaker.name
        assert q.speaker.actor_code == "CHNGOV"
        assert q.speaker.entity_id is not None and by_id[q.speaker.entity_id].named is False


def test_nothing_from_the_clutter(
    parser: Parser, blinken_text: str, cleaned: tuple[Article, list[Quote], list[Entity]]
) -> None:
    # The raw page, every line a paragraph (menus, captions, teasers, comment form included).
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", blinken_text) if p.strip()]
    raw = make_article(source="test", paragraphs=[Paragraph("paragraph", p) for p in paras])
    body_start = raw.text.index("US Secretary of State Antony Blinken reached")
    body_end = raw.text.index("(With AP inputs)")
    raw_quotes, _ = _run(parser, raw)
    assert all(body_start <= q.start and q.end <= body_end for q in raw_quotes)
    _, clean_quotes, _ = cleaned

    def norm(qs: list[Quote]) -> list[str]:  # the cleaner normalises spaces (nbsp -> space)
        return sorted(" ".join(q.text.split()) for q in qs)

    assert norm(raw_quotes) == norm(clean_quotes)
