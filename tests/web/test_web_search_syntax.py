"""What people type into a search box becomes a safe FTS5 expression, or a reason in words."""

from __future__ import annotations

import sqlite3

import pytest

from tidings.web.search_syntax import SearchSyntaxError, highlight_terms, to_fts


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("Blinken Beijing", '"Blinken" AND "Beijing"'),
        ('"South China Sea"', '"South China Sea"'),
        ("Taiwan OR Tibet", '("Taiwan" OR "Tibet")'),
        ("tariff*", '"tariff" *'),
        ("trade -Trump", '("trade") NOT "Trump"'),
        ('talks "trade war" OR tariff* -Trump', '(("talks" AND ("trade war" OR "tariff" *)) NOT "Trump")'),
        ('say "hi', None),
        ("OR Taiwan", None),
        ("-Trump", None),
        ("*", None),
        ('a"b', '"a""b"'),
    ],
)
def test_search_syntax(typed: str, fts: str | None) -> None:
    if fts is None:
        with pytest.raises(SearchSyntaxError):
            to_fts(typed)
        return
    got = to_fts(typed)
    assert got.replace("(", "").replace(")", "") == fts.replace("(", "").replace(")", "")


def test_search_syntax_runs_in_fts5() -> None:
    """Every expression is valid FTS5 and finds what a person means."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    rows = ["trade talks in Beijing", "tariffs on steel", "the South China Sea", "Trump on trade", 'quote "x" NEAR y']
    conn.executemany("INSERT INTO t VALUES (?)", [(r,) for r in rows])

    def find(typed: str) -> list[str]:
        return sorted(r[0] for r in conn.execute("SELECT body FROM t WHERE t MATCH ?", (to_fts(typed),)))

    assert find("trade") == ["Trump on trade", "trade talks in Beijing"]
    assert find("trade -Trump") == ["trade talks in Beijing"]
    assert find("tariff*") == ["tariffs on steel"]
    assert find('"China Sea" OR steel') == ["tariffs on steel", "the South China Sea"]
    assert find("NEAR") == ['quote "x" NEAR y']  # an FTS5 keyword typed is just a word
    assert highlight_terms('"South China Sea" OR steel -x') == ["South China Sea", "steel"]
