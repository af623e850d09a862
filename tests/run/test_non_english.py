"""Non-English articles never reach the English fact stages (issue 19: 4 German pages gave 43
GDELT rows, all CAMEO 190, "die" read as a verb). Their facts are skipped with the coded
reason unsupported_language, one per article, counted in the ingest summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paths import ROOT
from tidings.config import Options
from tidings.run.ingest import ingest
from tidings.store.sqlite import Store

OWN_PAGES = ROOT / "tests" / "data" / "languages"  # French, Spanish and Chinese pages written for tidings
GERMAN_FEEDS = ("heise-developer.atom", "transfermarkt-news.rss")
PORTUGUESE_FEEDS = ("jn-pt.rss", "uol-noticias.rss")
# declares Kannada, but its items are English (/article/english/...): the text decides
KANNADA_FEED = "varthabharati.rss"
READABILITY_OTHER = ("aktualne", "folha", "heise", "lemonde-1", "liberation-1", "qq", "gmw", "yahoo-4")


def _inputs(shared: Path, tmp_path: Path) -> list[str]:
    corpus = shared / "data" / "corpus"
    pages = [p for cc in ("de", "at", "ch") for p in sorted((corpus / "html" / "fundus" / cc).glob("*.html.gz"))]
    for name in READABILITY_OTHER:  # every readability page is called source.html.gz: copy them apart
        target = tmp_path / f"{name}.html.gz"
        shutil.copy(corpus / "html" / "readability" / name / "source.html.gz", target)
        pages.append(target)
    feeds = [corpus / "feeds" / name for name in (*GERMAN_FEEDS, *PORTUGUESE_FEEDS, KANNADA_FEED)]
    return [str(p) for p in (*pages, *feeds, *sorted(OWN_PAGES.glob("*.html")))]


@pytest.mark.slow
def test_non_english_articles_get_no_facts(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "langs.db"
    options = Options().with_overrides(fetch__enabled=False)
    report = ingest(_inputs(shared, tmp_path), db=str(db), options=options)
    with Store.open(str(db), readonly=True) as store:
        conn = store.conn
        rows = conn.execute("SELECT id, language, source FROM articles").fetchall()
        other = {i: (lang, src) for i, lang, src in rows if lang not in (None, "en")}
        english = {i: src for i, lang, src in rows if lang in (None, "en")}
        with_facts = {
            a
            for (a,) in conn.execute(
                "SELECT DISTINCT article_id FROM facts WHERE kind IN ('events', 'quotes', 'entities')"
            )
        }
        skipped = {
            a: d
            for a, d in conn.execute(
                "SELECT article_id, detail FROM fact_rejections WHERE code = 'unsupported_language'"
            )
        }
        gdelt_rows = conn.execute("SELECT count(*) FROM event_index").fetchone()[0]
    # every German, Portuguese, French, Spanish, Chinese, Czech and Japanese article was seen as such
    assert len(other) >= 0.97 * (len(rows) - 15)
    assert all("varthabharati" in src for src in english.values()), sorted(english.values())[:5]
    assert not with_facts & set(other)  # 0 events, quotes and actors from them
    assert set(skipped) == set(other) and all("read English only" in d for d in skipped.values())
    assert report.facts_skipped["unsupported_language"] >= len(other)  # re-told copies count again
    langs = {lang for lang, _ in other.values()}
    assert {"de", "pt", "fr", "es", "zh"} <= langs
    # the English items of the feed that declares Kannada do get facts, and events
    assert english and set(english) & with_facts and gdelt_rows > 0
