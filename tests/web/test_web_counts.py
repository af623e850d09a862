"""One filter, one number: the event browser, the map, the timeline, the dyad page, the brief,
the JSON API, the export and the CLI count the same events for the same filter (a country pair,
with and without a date range), each read the way its user reads it (pages over HTTP, the CLI as
a process)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import lxml.html
import pytest

from web_store import blinken_item, serve, synthetic_items, write_store

TIDINGS = str(Path(sys.executable).parent / "tidings")
LEADS = Path("text") / "nyt_us_china_leads" / "nyt_us_china_leads.jsonl"


def cli(*args: str) -> str:
    done = subprocess.run([TIDINGS, *args], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return done.stdout


COUNT_LINE = "//*[contains(concat(' ', @class, ' '), ' count-line ')]//*[@data-events]"


def page_count(client: httpx.Client, path: str, params: Any, where: str = COUNT_LINE) -> int:
    r = client.get(path, params=params)
    assert r.status_code == 200, (path, r.text[:300])
    found = lxml.html.document_fromstring(r.text).xpath(where)
    assert found, (path, where)
    return int(found[0].get("data-events"))


def counts(client: httpx.Client, db: Path, dyad: str, since: str | None, until: str | None) -> dict[str, int]:
    rng = [(k, v) for k, v in (("since", since), ("until", until)) if v]
    api_rng = [(k, v) for k, v in (("date_from", since), ("date_to", until)) if v]
    brief_rng = [a for k, v in (("--since", since), ("--until", until)) if v for a in (k, v)]
    out = {
        "browser": page_count(client, "/events", [("dyad", dyad), *rng]),
        "map": page_count(client, "/map", [("dyad", dyad), *rng]),
        "timeline": page_count(client, "/timeline", [("dyad", dyad), *rng]),
        "dyad page": page_count(client, f"/dyads/{dyad}", api_rng, "//*[@id='dyad-count']//*[@data-events]"),
        "api summary": client.get("/api/events/summary", params=[("dyad", dyad), *rng]).json()["events"],
        "api series": client.get(f"/api/dyads/{dyad}/series", params=api_rng).json()["events"],
        "api places": client.get("/api/events/places", params=[("dyad", dyad), *rng]).json()["events"],
        "api clusters": len(
            client.get("/api/events/clusters", params=[("dyad", dyad), ("limit", "1000"), *rng]).json()["items"]
        ),
        "csv export": len(
            client.get("/api/events/export", params=[("dyad", dyad), ("format", "csv"), *rng]).text.splitlines()
        )
        - 1,
        "api brief": client.get(f"/api/briefs/dyad:{dyad}").json()["events"] if not rng else -1,
        "cli brief": json.loads(cli("brief", f"dyad:{dyad}", "--db", str(db), "--format", "json", *brief_rng))[
            "events"
        ],
    }
    if not rng:  # `tidings events --clusters` has no date range
        rows = cli("events", "--clusters", "--dyad", dyad, "--factuality", "asserted", "--db", str(db), "--format",
                   "jsonl").splitlines()  # fmt: skip
        out["cli clusters"] = len(rows)
    else:
        del out["api brief"]
    return out


def assert_agree(found: dict[str, int]) -> None:
    assert len(set(found.values())) == 1, found


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory, blinken_text: str) -> Iterator[tuple[httpx.Client, Path]]:
    db = tmp_path_factory.mktemp("counts") / "c.db"
    write_store(db, [blinken_item(blinken_text), *synthetic_items(200, seed=21)])
    with serve(db) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client, db


@pytest.mark.parametrize(("since", "until"), [(None, None), ("2023-03-01", "2023-08-31")])
def test_web_counts_agree_on_a_synthetic_store(
    synthetic: tuple[httpx.Client, Path], since: str | None, until: str | None
) -> None:
    client, db = synthetic
    found = counts(client, db, "USA-CHN", since, until)
    assert found["browser"] > 0
    assert_agree(found)


@pytest.fixture(scope="module")
def leads(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Iterator[tuple[httpx.Client, Path]]:
    """400 NYT leads of 2018-2019 through the real `tidings ingest` (every fact stage)."""
    work = tmp_path_factory.mktemp("leads")
    rows = [json.loads(line) for line in (shared / "data" / "corpus" / LEADS).open(encoding="utf-8")]
    picked = [r for r in rows if (r.get("date") or "")[:4] in ("2018", "2019")][:400]
    src = work / "leads.jsonl"
    src.write_text("".join(json.dumps({"title": r["title"], "text": r["text"], "published": r["date"],
                                       "source": r["source"]}) + "\n" for r in picked))  # fmt: skip
    db = work / "leads.db"
    cli("ingest", str(src), "--db", str(db))
    with serve(db) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client, db


@pytest.mark.slow
def test_web_counts_agree_on_real_news(leads: tuple[httpx.Client, Path]) -> None:
    client, db = leads
    top = client.get("/api/events/summary").json()["facets"]["dyad"]
    dyads = [d["value"] for d in top if len(set(d["value"].split("-"))) == 2][:3]
    assert len(dyads) == 3
    for dyad in dyads:
        months = [p["bucket"] for p in client.get(f"/api/dyads/{dyad}/series", params={"interval": "month"}).json()
                  ["series"]]  # fmt: skip
        inside = (months[len(months) // 3] + "-01", months[2 * len(months) // 3] + "-28")  # a range inside the data
        for since, until in ((None, None), inside):
            found = counts(client, db, dyad, since, until)
            assert_agree(found)
            assert found["browser"] > 0, (dyad, since, until)
