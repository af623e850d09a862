"""Briefs built from stored facts: the motivating article, a dyad, evidence offsets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tidings.briefs import build_brief
from tidings.briefs.render import render
from tidings.config import Options
from tidings.errors import UsageError
from tidings.run.ingest import ingest
from tidings.store.sqlite import Store


@pytest.fixture(scope="module")
def blinken_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    d = tmp_path_factory.mktemp("brief")
    page = d / "blinken.txt"
    shutil.copy(shared / "examples/blinken-beijing-2023-06-18.txt", page)
    ingest([str(page)], db=str(d / "t.db"), published="2023-06-18")
    return d / "t.db"


@pytest.fixture(scope="module")
def brief(blinken_db: Path) -> dict[str, Any]:
    with Store.open(blinken_db, readonly=True) as store:
        (article_id,) = [r["id"] for r in store.articles()]
        return build_brief(store, article_id)


def test_main_event_is_the_arrival_in_beijing(brief: dict[str, Any]) -> None:
    main = brief["main_event"]
    assert main["place"] == "Beijing" and main["date"] == "2023-06-18"
    assert main["plover_event"] == "CONSULT" and main["source"]["name"] == "Antony Blinken"


def test_planned_meetings_with_dates_and_hedges(brief: dict[str, Any]) -> None:
    (meeting,) = [m for m in brief["planned_meetings"] if len(m["with"]) >= 3]
    who = {c["name"]: c for c in meeting["with"]}
    assert who["Qin Gang"]["date"] == "2023-06-18" and not who["Qin Gang"]["possibly"]
    assert who["Wang Yi"]["date"] == "2023-06-19"
    assert who["Xi Jinping"]["date"] == "2023-06-19" and who["Xi Jinping"]["possibly"]


def test_agenda_upcoming_and_quotes(brief: dict[str, Any]) -> None:
    assert {i["issue"] for i in brief["agenda"]["issues"]} == {
        "trade_tariffs",
        "taiwan",
        "human_rights",
        "hong_kong",
        "south_china_sea",
        "russia_ukraine_war",
    }
    upcoming = {(u["date"], u["place"]) for u in brief["upcoming"]}
    assert {("2023-09", "New Delhi"), ("2023-11", "San Francisco")} <= upcoming
    speakers = {q["speaker"]["name"] for q in brief["quotes"]}
    assert {
        "Antony Blinken",
        "Xi Jinping",
        "Joe Biden",
        "Lloyd Austin",
        "Daniel Kritenbrink",
        "Kurt Campbell",
    } <= speakers
    # China's report of Qin's words is a quote of its own, but the brief shows the words once
    held = [(a["quote"], b["quote"]) for a in brief["quotes"] for b in brief["quotes"] if a is not b]
    assert not [pair for pair in held if pair[1] in pair[0]], held


def test_background_is_oldest_first(brief: dict[str, Any]) -> None:
    dates = [b["date"] for b in brief["background"]]
    assert dates == sorted(dates) and dates and dates[0] < "2023-06"


def test_every_line_points_at_the_words_it_came_from(brief: dict[str, Any], blinken_db: Path) -> None:
    with Store.open(blinken_db, readonly=True) as store:
        text = store.article(brief["target"]).text  # type: ignore[union-attr]

    def walk(node: Any) -> int:
        n = 0
        if isinstance(node, dict):
            if {"article_id", "start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
                assert text[node["start"] : node["end"]] == node["text"]
                n += 1
            n += sum(walk(v) for v in node.values())
        elif isinstance(node, list):
            n += sum(walk(v) for v in node)
        return n

    assert walk(brief) >= 20
    rendered = render(brief, markdown=True)
    assert "## Agenda" in rendered and "Hong Kong" in rendered


def test_unknown_targets_are_usage_errors(blinken_db: Path) -> None:
    with Store.open(blinken_db, readonly=True) as store:
        for target in ("nope", "story:nope", "dyad:USA", "actor:Nobody Atall", "planet:Mars"):
            with pytest.raises(UsageError):
                build_brief(store, target)


@pytest.mark.slow
def test_dyad_brief_over_us_china_leads(tmp_path: Path, shared: Path) -> None:
    """The 2018 NYT US-China leads: a monthly series across the year, tariff months included."""
    lines = (shared / "data/corpus/text/nyt_us_china_leads/nyt_us_china_leads.jsonl").read_text().splitlines()
    sample = [ln for ln in lines if json.loads(ln).get("date", "")[:4] == "2018"]
    src = tmp_path / "nyt.jsonl"
    src.write_text("\n".join(sample) + "\n")
    options = Options().with_overrides(extract__min_chars=40)
    ingest([str(src)], db=str(tmp_path / "d.db"), options=options, workers=2)
    with Store.open(tmp_path / "d.db", readonly=True) as store:
        brief = build_brief(store, "dyad:USA-CHN", since="2018-01-01", until="2018-12-31")
    months = {p["period"]: p for p in brief["series"]}
    assert brief["events"] >= 20 and len(months) >= 8
    assert all(period.startswith("2018-") for period in months)
    assert all(p["cooperation"] + p["conflict"] <= p["events"] for p in brief["series"])
    assert sum(p["conflict"] for p in brief["series"]) > 0 and sum(p["cooperation"] for p in brief["series"]) > 0
    svg = tmp_path / "plot.svg"
    md = render(brief, markdown=True, plot_path=svg)
    assert f"]({svg.name})" in md and svg.read_text().startswith("<svg")
