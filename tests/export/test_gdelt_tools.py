"""Our GDELT files opened the way GDELT users open GDELT's: DuckDB with the published column list
and types, beside the real rows in ../shared/data/gdelt_sample."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tidings.export.gdelt import GDELT_COLUMNS, export_gdelt
from tidings.export.geo import GENERAL, GeoCoder, fips_by_iso2
from tidings.export.mentions import MENTION_COLUMNS, MENTION_FLOAT, MENTION_INTEGER, export_mentions
from tidings.facts.places.gazetteer import haversine_km
from tidings.store.sqlite import Store

SQL_TYPES = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}
SIDES = ("Actor1Geo", "Actor2Geo", "ActionGeo")


def published_columns(shared: Path) -> dict[str, str]:
    """GDELT 2.0 event columns and types as published (codebook order)."""
    path = shared / "data/events/ontology/gdelt_v2_event_columns.csv"
    with path.open(encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: int(r["position"]))
    return {r["gdelt_column"]: SQL_TYPES[r["type"]] for r in rows}


def mention_columns() -> dict[str, str]:
    """GDELT 2.0 Mentions columns (codebook order and types)."""
    return {c: "BIGINT" if c in MENTION_INTEGER else "DOUBLE" if c in MENTION_FLOAT else "VARCHAR"
            for c in MENTION_COLUMNS}  # fmt: skip


def load(con: duckdb.DuckDBPyConnection, name: str, path: Path, columns: dict[str, str]) -> None:
    """As GDELT users do: tab-separated, no header, the published names and types, strict."""
    spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in columns.items()) + "}"
    con.execute(
        f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', delim='\\t', header=false, quote='',"
        f" escape='', columns={spec}, strict_mode=true, null_padding=false)"
    )


@pytest.fixture(scope="module")
def exported(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("gdelt")
    db = d / "demo.db"
    shutil.copy(demo_db, db)
    with Store.open(db, readonly=True) as store:
        assert export_gdelt(store, d / "events.tsv") > 0
        assert export_mentions(store, d / "mentions.tsv") > 0
    return d / "events.tsv", d / "mentions.tsv"


@pytest.fixture(scope="module")
def con(exported: tuple[Path, Path], shared: Path) -> duckdb.DuckDBPyConnection:
    events, mentions = exported
    con = duckdb.connect()
    columns = published_columns(shared)
    assert tuple(columns) == GDELT_COLUMNS
    load(con, "gdelt", shared / "data/gdelt_sample/v2/20191024143000.export.CSV", columns)
    load(con, "ours", events, columns)
    load(con, "mentions", mentions, mention_columns())
    return con


def test_our_events_load_beside_gdelts_with_the_same_types(con: duckdb.DuckDBPyConnection,
                                                           exported: tuple[Path, Path]) -> None:  # fmt: skip
    gdelt = con.execute("DESCRIBE gdelt").fetchall()
    ours = con.execute("DESCRIBE ours").fetchall()
    assert [(r[0], r[1]) for r in ours] == [(r[0], r[1]) for r in gdelt]
    n = con.execute("SELECT count(*) FROM ours").fetchone()
    assert n is not None and n[0] == len(exported[0].read_text("utf-8").splitlines()) > 20
    both = con.execute("SELECT count(*) FROM (SELECT * FROM gdelt UNION ALL SELECT * FROM ours)").fetchone()
    assert both is not None and both[0] == 2111 + n[0]
    # the codes are strings with their leading zeros, as in GDELT's rows
    assert con.execute("SELECT count(*) FROM ours WHERE EventRootCode <> substr(EventCode, 1, 2)").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM ours WHERE EventCode LIKE '0%'").fetchone()[0] > 0  # type: ignore[index]


def test_every_row_has_an_actor_code_and_a_measured_tone(con: duckdb.DuckDBPyConnection) -> None:
    """GDELT has no row without an actor code; AvgTone is measured or empty, never a made-up 0."""
    for table in ("gdelt", "ours"):
        missing = con.execute(f"SELECT count(*) FROM {table} WHERE Actor1Code IS NULL AND Actor2Code IS NULL")
        assert missing.fetchone() == (0,), table
    low, high, spread = con.execute("SELECT min(AvgTone), max(AvgTone), count(DISTINCT AvgTone) FROM ours").fetchone()  # type: ignore[misc]
    assert -100 <= low < 0 < high <= 100 and spread > 3  # the demo has both sombre and upbeat stories
    spread_sql = "SELECT quantile_cont(AvgTone, 0.05), quantile_cont(AvgTone, 0.95) FROM gdelt"
    g_low, g_high = con.execute(spread_sql).fetchone()  # type: ignore[misc]
    assert g_low - 5 < low and high < g_high + 5  # on GDELT's scale, not VADER's -1..1


def adm1_codes() -> dict[str, set[str]]:
    """FIPS country -> every ADM1 code our gazetteer can produce for it (GeoNames codes)."""
    geo = GeoCoder()
    out: dict[str, set[str]] = {}
    for entry in geo.gaz.entries:
        fips = fips_by_iso2().get(entry.cc)
        if fips and entry.fcode == "ADM1":
            out.setdefault(fips, {fips + GENERAL}).add(geo.adm1_code(entry))
    return out


def test_every_geocoded_row_has_a_valid_adm1_code(con: duckdb.DuckDBPyConnection) -> None:
    known = adm1_codes()
    checked = 0
    for side in SIDES:
        rows = con.execute(
            f"SELECT {side}_Type, {side}_CountryCode, {side}_ADM1Code, {side}_FullName FROM ours WHERE {side}_Type > 0"
        ).fetchall()
        for gtype, country, adm1, full in rows:
            checked += 1
            assert country and re.fullmatch(r"[A-Z]{2}", country), full
            if gtype == 1:
                assert adm1 == country and "," not in full
                continue
            assert re.fullmatch(r"[A-Z]{2}[A-Z0-9]{2}", adm1) and adm1[:2] == country, (full, adm1)
            assert adm1 in known[country], (full, adm1)
            assert full.count(", ") == (1 if gtype == 2 else 2), full  # "City, Region, Country"
            assert not re.search(r"[a-z]", adm1[2:]), adm1  # codes, not the name's letters ("CAOn")
    assert checked > 20


def test_our_adm1_codes_agree_with_gdelts_on_its_own_places(shared: Path, con: duckdb.DuckDBPyConnection) -> None:
    """Each place in GDELT's rows below country level, found in our gazetteer by name within
    50 km, gets our ADM1 code; it must be GDELT's for most. Measured: 192 of 235 (82%). Most of
    the rest are British places (GDELT writes FIPS county codes, UKE4 Essex; GeoNames' first
    level there is England/Scotland/Wales/Northern Ireland, so we write UK00), then codes GDELT
    takes from an older FIPS edition (PL67 Warsaw) or writes as "(general)" (BO00 Minsk)."""
    geo = GeoCoder()
    seen: set[tuple[str, str]] = set()
    agree = total = 0
    for side in SIDES:
        rows = con.execute(
            f"SELECT DISTINCT {side}_FullName, {side}_ADM1Code, {side}_Lat, {side}_Long FROM gdelt"
            f" WHERE {side}_Type IN (2, 3, 4, 5)"
        ).fetchall()
        for full, adm1, lat, lon in rows:
            if (full, adm1) in seen:
                continue
            seen.add((full, adm1))
            named = geo.gaz.candidates(full.split(",")[0])
            near = [e for e in named if e.cc and haversine_km(e.lat, e.lon, lat, lon) < 50]
            if not near:
                continue
            total += 1
            agree += geo.adm1_code(near[0]) == adm1
    assert total > 150
    assert agree / total >= 0.80, (agree, total)


def test_mentions_join_their_events_one_row_per_telling(con: duckdb.DuckDBPyConnection, demo_db: Path) -> None:
    orphans = con.execute("SELECT count(*) FROM mentions WHERE GLOBALEVENTID NOT IN (SELECT GLOBALEVENTID FROM ours)")
    assert orphans.fetchone() == (0,)
    per_event: list[Any] = con.execute(
        "SELECT o.GLOBALEVENTID, o.NumArticles, o.NumSources, count(*), count(DISTINCT m.MentionIdentifier),"
        " count(DISTINCT m.MentionSourceName), min(m.EventTimeDate = o.DATEADDED)"
        " FROM ours o JOIN mentions m USING (GLOBALEVENTID) GROUP BY ALL"
    ).fetchall()
    n_events = con.execute("SELECT count(*) FROM ours").fetchone()
    assert n_events is not None and len(per_event) == n_events[0]  # every event has its mentions
    for _gid, articles, sources, rows, identifiers, sites, same_time in per_event:
        assert identifiers == articles and sites == sources and rows >= articles and same_time
    assert any(articles >= 2 for _g, articles, *_ in per_event)  # the retold visit: two articles
    bad = con.execute(
        "SELECT count(*) FROM mentions WHERE MentionType NOT IN (1, 2) OR SentenceID < 1 OR ActionCharOffset < 0"
        " OR MentionDocLen <= ActionCharOffset OR Confidence NOT BETWEEN 0 AND 100"
    ).fetchone()
    assert bad == (0,)
    # offsets point at the words: the trigger of each telling starts where the mention says
    with Store.open(demo_db, readonly=True) as store:
        texts = dict(store.conn.execute("SELECT coalesce(url, source), text FROM articles"))  # URL, else the file
    rows = con.execute("SELECT MentionIdentifier, ActionCharOffset, Actor1CharOffset FROM mentions").fetchall()
    for ident, action, actor1 in rows:
        text = texts[ident]
        assert text[action].isalpha() and (actor1 == -1 or text[actor1].isalnum())
