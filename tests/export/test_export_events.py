"""GDELT 2.0 and PLOVER exports of events; the GDELT reader also reads GDELT's own rows."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.export.gdelt import GDELT_COLUMNS, fips_by_iso3, parse_gdelt
from tidings.run.ingest import ingest


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    d = tmp_path_factory.mktemp("events")
    shutil.copy(shared / "examples/blinken-beijing-2023-06-18.txt", d / "blinken.txt")
    ingest([str(d / "blinken.txt")], db=str(d / "t.db"), published="2023-06-18")
    return d / "t.db"


def export(db: Path, fmt: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tidings.cli.app",
            "export",
            "--table",
            "events",
            "--format",
            fmt,
            "-o",
            str(out),
            "--db",
            str(db),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_gdelt_export_round_trips_with_61_typed_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt", out).returncode == 0
    lines = out.read_text().splitlines()
    rows = list(parse_gdelt(lines))
    assert rows and all(len(line.split("\t")) == 61 for line in lines)
    header = (tmp_path / "events.tsv.header.tsv").read_text().rstrip("\n").split("\t")
    assert tuple(header) == GDELT_COLUMNS
    visit = [r for r in rows if r["EventCode"] == "042" and (r["ActionGeo_FullName"] or "").startswith("Beijing, ")]
    assert visit and visit[0]["SQLDATE"] == 20230618 and visit[0]["Actor1Code"] == "USAGOV"
    assert visit[0]["ActionGeo_CountryCode"] == "CH" and visit[0]["ActionGeo_ADM1Code"] == "CH22"
    assert visit[0]["Actor2CountryCode"] == "CHN"
    assert all(r["EventRootCode"] == r["EventCode"][:2] for r in rows)
    everything = tmp_path / "all.tsv"
    export(db, "gdelt", everything, "--all-events")
    assert len(everything.read_text().splitlines()) > len(lines)  # planned/negated kept out by default


def test_gdelt_reader_parses_real_gdelt_rows(shared: Path) -> None:
    path = shared / "data/gdelt_sample/v2/20191024143000.export.CSV"
    rows = list(parse_gdelt(path.read_text("utf-8").splitlines()))
    assert len(rows) == 2111
    assert all(isinstance(r["GLOBALEVENTID"], int) and isinstance(r["EventCode"], str) for r in rows)


def test_fips_table_agrees_with_real_gdelt_rows(shared: Path) -> None:
    """For country-level geo fields (type 1) GDELT's full name is the country's name: our
    gazetteer maps that name to ISO3, and our table must give GDELT's FIPS code for it."""
    from tidings.facts.places.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    table = fips_by_iso3()
    checked: set[str] = set()
    path = shared / "data/gdelt_sample/v2/20191024143000.export.CSV"
    for r in parse_gdelt(path.read_text("utf-8").splitlines()):
        for side in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            if r[f"{side}_Type"] != 1 or not r[f"{side}_CountryCode"] or not r[f"{side}_FullName"]:
                continue
            countries = [c for c in gaz.candidates(r[f"{side}_FullName"]) if c.feature == "country"]
            if len(countries) == 1 and countries[0].code in table:
                assert table[countries[0].code] == r[f"{side}_CountryCode"], r[f"{side}_FullName"]
                checked.add(countries[0].code)
    assert len(checked) >= 30


def test_plover_export_keeps_actor_lists_and_factuality(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(db, "plover", out).returncode == 0
    recs = [json.loads(ln) for ln in out.read_text().splitlines()]
    assert {r["factuality"] for r in recs} >= {"asserted", "planned"}
    for r in recs:
        assert r["trigger"]["text"] and r["Event ID"]
        assert r["Event Type"] is None or r["Event Type"].isupper()


def test_fact_commands_show_stored_facts(db: Path) -> None:
    def run(*args: str) -> list[dict[str, object]]:
        res = subprocess.run(
            [sys.executable, "-m", "tidings.cli.app", *args, "--db", str(db), "--format", "jsonl"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert res.returncode == 0, res.stderr
        return [json.loads(ln) for ln in res.stdout.splitlines()]

    ents = run("entities")
    blinken = next(e for e in ents if e["name"] == "Antony Blinken")
    assert blinken["actor_code"] == "USAGOV" and all(m["text"] for m in blinken["mentions"])
    assert any(q["speaker"] and q["speaker"]["name"] == "Kurt Campbell" for q in run("quotes", "--speaker", "Campbell"))
    assert {"early Sunday", "Monday"} <= {t["text"] for t in run("times")}
    assert any(p["text"] == "Vienna" and p["country"] == "AUT" for p in run("places"))
    dyad = run("events", "--dyad", "USA-CHN")
    assert dyad and all(
        {(e["source"] or {}).get("country"), (e["target"] or {}).get("country")} == {"USA", "CHN"} for e in dyad
    )
    assert run("actors", "--search", "Wang Yi")[0]["actor_code"] == "CHNGOV"


def test_fips_table_is_well_formed() -> None:
    table = fips_by_iso3()
    assert len(table) > 230 and table["USA"] == "US" and table["DEU"] == "GM" and table["RUS"] == "RS"
    assert all(len(v) == 2 for v in table.values())


def test_compound_events_expand_to_gdelt_dyads_by_role(db: Path, tmp_path: Path) -> None:
    """A planned meeting with two people is two GDELT rows with Blinken as Actor1 in both, and the
    three-party agreement pairs its actors with one another; PLOVER keeps the lists by role."""
    out = tmp_path / "all.tsv"
    assert export(db, "gdelt", out, "--all-events").returncode == 0
    rows = list(parse_gdelt(out.read_text().splitlines()))
    meet = [r for r in rows if r["Actor1Name"] == "ANTONY BLINKEN" and r["EventCode"] == "036"]
    assert {"QIN GANG", "WANG YI"} <= {r["Actor2Name"] for r in meet}
    agree = [r for r in rows if r["EventCode"] == "0312"]
    pairs = {frozenset((r["Actor1CountryCode"], r["Actor2CountryCode"])) for r in agree}
    assert pairs >= {frozenset(("USA", "JPN")), frozenset(("USA", "PHL")), frozenset(("JPN", "PHL"))}
    plover = tmp_path / "events.jsonl"
    assert export(db, "plover", plover).returncode == 0
    recs = [json.loads(ln) for ln in plover.read_text().splitlines()]
    meeting = next(r for r in recs if r["cameo_code"] == "036" and len(r["recipients"]) >= 2)
    assert [a["name"] for a in meeting["actors"]] == ["Antony Blinken"]
    assert {"Qin Gang", "Wang Yi"} <= {a["name"] for a in meeting["recipients"]}


def test_exports_keep_only_events_above_the_asked_confidence(demo_db: Path, tmp_path: Path) -> None:
    from tidings.export.gdelt import export_gdelt
    from tidings.export.plover import export_plover
    from tidings.store.sqlite import Store

    with Store.open(demo_db, readonly=True) as store:
        confidences = [e["confidence"] for e in store.facts("events")]
        cut = sorted(confidences)[len(confidences) // 2]
        everything = export_plover(store, tmp_path / "all.jsonl")
        upper = export_plover(store, tmp_path / "upper.jsonl", min_confidence=cut)
        assert everything == len(confidences) and 0 < upper < everything
        assert upper == sum(c >= cut for c in confidences)
        assert export_gdelt(store, tmp_path / "none.tsv", min_confidence=1.01) == 0


def test_event_exports_default_to_the_detectors_export_threshold(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Without --min-confidence the GDELT/PLOVER exports keep the events the shipped detector
    scores at least its export threshold; --min-confidence 0 exports every stored event (here a
    store ingested with no emission floor, so it holds events under the threshold)."""
    from tidings.config import Options
    from tidings.facts.events.detect import load_detector
    from tidings.store.sqlite import Store

    detector = load_detector()
    assert detector is not None
    d = tmp_path_factory.mktemp("unfloored")
    shutil.copy(shared / "examples/blinken-beijing-2023-06-18.txt", d / "blinken.txt")
    options = Options().with_overrides(events__min_confidence=0.0)
    ingest([str(d / "blinken.txt")], db=str(d / "t.db"), published="2023-06-18", options=options)
    with Store.open(d / "t.db", readonly=True) as store:
        confidences = [float(e["confidence"]) for e in store.facts("events")]
    default, everything = d / "default.jsonl", d / "all.jsonl"
    assert export(d / "t.db", "plover", default).returncode == 0
    assert export(d / "t.db", "plover", everything, "--min-confidence", "0").returncode == 0
    kept = default.read_text().splitlines()
    assert len(kept) == sum(c >= detector.export_min_confidence for c in confidences) > 0
    assert len(everything.read_text().splitlines()) == len(confidences) > len(kept)
