"""The 7 saved feeds of ../shared ingest quickly with no network (issue 19: ~5 minutes and
98 of 219 items stored before). Teaser items are stored as title + summary + link, flagged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tidings.config import Options
from tidings.run.ingest import ingest_items
from tidings.sources.files import read_inputs
from tidings.sources.web import Fetcher
from tidings.store.sqlite import Store

ITEMS = 219


def _feeds(shared: Path) -> list[str]:
    folder = shared / "data" / "corpus" / "feeds"
    return sorted(str(p) for p in folder.iterdir() if p.suffix in (".rss", ".atom", ".rdf"))


def _teasers(db: Path) -> tuple[int, int]:
    with Store.open(str(db), readonly=True) as store:
        rows = store.conn.execute("SELECT data FROM articles").fetchall()
    extras = [json.loads(r[0]).get("extras") or {} for r in rows]
    return len(rows), sum(bool(e.get("teaser")) for e in extras)


def test_no_fetch_keeps_every_item(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "feeds.db"
    started = time.monotonic()
    res = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "ingest", "--no-fetch", "--no-facts", "--db", str(db),
         *_feeds(shared)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert time.monotonic() - started < 60
    stored, teasers = _teasers(db)
    assert stored == ITEMS
    assert 70 <= teasers < ITEMS  # the items without their article's text (77 had no summary at all)
    with Store.open(str(db), readonly=True) as store:
        (title, text, url) = store.conn.execute(
            "SELECT title, text, url FROM articles WHERE json_extract(data, '$.extras.teaser') LIMIT 1"
        ).fetchone()
    assert title and text and url.startswith("http")


class NoDns:
    def __call__(self, host: str, port: int) -> list[str]:
        raise OSError("[Errno -3] Temporary failure in name resolution")


def test_fetching_on_but_offline_fails_fast(shared: Path, tmp_path: Path) -> None:
    options = Options().with_overrides(nlp__facts=False)
    db = tmp_path / "feeds.db"
    started = time.monotonic()
    with Store.open(str(db)) as store, Fetcher(options.fetch, resolver=NoDns()) as fetcher:
        report = ingest_items(read_inputs(_feeds(shared), options.input), store, options, fetcher=fetcher)
    elapsed = time.monotonic() - started
    assert (report.stored, dict(report.rejected)) == (ITEMS, {})
    assert elapsed < 30, elapsed
    assert _teasers(db)[1] >= 70
