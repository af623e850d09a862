"""One read model: the CLI, the briefs and the JSON API give the same numbers for the same
question, on a real store of NYT leads (../shared), driven the way a user drives them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from web_store import serve

TIDINGS = str(Path(sys.executable).parent / "tidings")
LEADS = Path("text") / "nyt_us_china_leads" / "nyt_us_china_leads.jsonl"


def run(*args: str) -> str:
    done = subprocess.run([TIDINGS, *args], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def leads_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """400 leads of 2018-2019 (the trade war: many dyads, many repeated actors), ingested by the CLI."""
    work = tmp_path_factory.mktemp("leads")
    rows = [json.loads(line) for line in (shared / "data" / "corpus" / LEADS).open(encoding="utf-8")]
    picked = [r for r in rows if (r.get("date") or "")[:4] in ("2018", "2019")][:400]
    src = work / "leads.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for r in picked:
            fh.write(json.dumps({"title": r["title"], "text": r["text"], "published": r["date"], "source": r["source"],
                                 "url": r.get("url")}) + "\n")  # fmt: skip
    db = work / "leads.db"
    run("ingest", str(src), "--db", str(db))
    return db


@pytest.fixture(scope="module")
def api(leads_db: Path) -> Iterator[httpx.Client]:
    with serve(leads_db) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def top_dyads(db: Path, n: int = 3) -> list[str]:
    rows = [json.loads(line) for line in run("events", "--clusters", "--db", str(db), "--format", "jsonl").splitlines()]
    counts: dict[str, int] = {}
    for r in rows:
        if (
            r["factuality"] == "asserted"
            and len(r["dyad"].split("-")) == 2
            and all(len(p) == 3 for p in r["dyad"].split("-"))
        ):
            counts[r["dyad"]] = counts.get(r["dyad"], 0) + 1
    return [d for d, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


@pytest.mark.slow
def test_dyad_counts_agree_across_cli_brief_and_api(leads_db: Path, api: httpx.Client) -> None:
    dyads = top_dyads(leads_db)
    assert len(dyads) == 3
    for dyad in dyads:
        clusters = run("events", "--clusters", "--dyad", dyad, "--factuality", "asserted", "--db", str(leads_db),
                       "--format", "jsonl").splitlines()  # fmt: skip
        brief = json.loads(run("brief", f"dyad:{dyad}", "--db", str(leads_db), "--format", "json"))
        series = api.get(f"/api/dyads/{dyad}/series", params={"interval": "month"}).json()
        assert len(clusters) == brief["events"] == series["events"] > 0, dyad
        assert brief["copies"] == series["copies"] and brief["counts"] == series["counts"]
        assert sum(p["events"] for p in series["series"]) + series["undated"] == series["events"]


def profile_of(db: Path, api: httpx.Client, name: str) -> list[dict[str, Any]]:
    cli = json.loads(run("actors", name, "--db", str(db), "--format", "json"))
    web = api.get(f"/api/actors/{name}").json()
    brief = json.loads(run("brief", f"actor:{name}", "--db", str(db), "--format", "json"))
    return [cli, web, brief]


@pytest.mark.slow
def test_actor_views_agree(leads_db: Path, api: httpx.Client) -> None:
    table = json.loads("[" + ",".join(run("actors", "--db", str(leads_db), "--format", "jsonl").splitlines()) + "]")
    people = [r for r in table if r["kind"] == "PERSON"][:3]
    assert len(people) == 3
    for row in people:
        cli, web, brief = profile_of(leads_db, api, row["key"])
        assert cli["key"] == web["key"] == brief["key"] == row["key"]
        assert cli["aliases"] == web["aliases"] == brief["aliases"] == row["aliases"]
        assert cli["roles"] == web["roles"] == row["roles"]
        assert [r["title"] for r in cli["roles"]] == [r.split(" (")[0] for r in brief["roles"]]
        assert cli["events"] == web["events"] == brief["events"]
        assert cli["articles"] == web["articles"] == brief["articles"] == row["articles"]
