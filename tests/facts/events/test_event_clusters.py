"""Event clusters: the same event told by articles from different sites is one cluster, with
GDELT's NumMentions/NumSources/NumArticles; re-ingests and new versions never double count;
the key ignores article-local entity ids and ingest order; the migration backfills old stores."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tidings.config import Options
from tidings.export.gdelt import export_gdelt, parse_gdelt
from tidings.export.plover import export_plover
from tidings.extract.build import make_article
from tidings.facts.events.identity import cluster_key, date_bucket, event_cluster_id
from tidings.ids import fact_id
from tidings.records import ActorRef, Event, Paragraph, Span
from tidings.run.batch import Annotator
from tidings.run.ingest import ingest
from tidings.store.clusters import cluster_stats, events_with_clusters
from tidings.store.migrations import MIGRATIONS
from tidings.store.sqlite import BatchItem, Store

SUMMONED = {  # two sites telling the same event in their own words
    "a": (
        "Baltic Ledger",
        "https://balticledger.example/europe/envoy",
        "Lithuania summons Belarus envoy",
        [
            "Lithuania summoned the Belarusian ambassador on Monday over a wave of smuggling balloons from Belarus.",
            "Vilnius airport was closed several times this month while the balloons drifted over the city.",
            "Airlines diverted a dozen flights to Riga and Kaunas, and hundreds of passengers waited for buses"
            " that took them back to the capital late at night.",
        ],
    ),
    "b": (
        "Vilnius Times",
        "https://vilniustimes.example/news/ambassador",
        "Belarus ambassador called in over balloons",
        [
            "Lithuania summoned Belarus's ambassador on Monday over balloons carrying contraband cigarettes.",
            "Border guards counted more than forty balloons in a single night, a spokesperson told reporters.",
            "Smugglers have used weather balloons for years to move cheap cigarettes across the frontier, and"
            " customs officers say the trade has grown since the border crossings were closed.",
        ],
    ),
    "c": (
        "Pacific Wire",
        "https://pacificwire.example/asia/defence-pact",
        "Japan and Australia sign defence pact",
        [
            "Japan and Australia signed a defence agreement in Tokyo on Tuesday to expand joint military exercises.",
            "The agreement lets troops of each country train on the other's territory, the two governments said.",
            "It is the second such pact for Tokyo, which has been building security ties across the region as"
            " tensions in the East China Sea have grown over the past decade.",
        ],
    ),
}


def page(site: str, url: str, title: str, paragraphs: list[str], extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in [*paragraphs, extra] if p)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} - {site}</title>'
        f'<meta property="og:site_name" content="{site}"><meta property="og:url" content="{url}">'
        '<meta property="article:published_time" content="2024-10-08T09:00:00Z"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def index(db: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()
    finally:
        conn.close()


def summon_events(store: Store) -> dict[str, dict[str, Any]]:
    """The asserted Lithuania-Belarus event of each article, by site."""
    found: dict[str, dict[str, Any]] = {}
    for aid, site, cid, day in store.conn.execute(
        "SELECT e.article_id, e.site, e.cluster_id, e.date FROM event_index e"
        " WHERE e.dyad = 'BLR-LTU' AND e.factuality = 'asserted'"
    ):
        found[site] = {"article_id": aid, "cluster_id": cid, "date": day}
    return found


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    # every coded event is emitted: these tests are about clustering, not detection
    return Annotator(Options().with_overrides(events__min_confidence=0.0))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, annotator: Annotator) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("clusters")
    pages = d / "pages"
    pages.mkdir()
    for name, (site, url, title, paragraphs) in SUMMONED.items():
        (pages / f"{name}.html").write_text(page(site, url, title, paragraphs))
    report = ingest([str(pages)], db=str(d / "t.db"), annotator=annotator)
    assert report.stored == 3
    return pages, d / "t.db"


def test_the_same_event_from_two_sites_is_one_cluster(corpus: tuple[Path, Path]) -> None:
    _pages, db = corpus
    with Store.open(db, readonly=True) as store:
        summons = summon_events(store)
        assert set(summons) == {"Baltic Ledger", "Vilnius Times"}
        a, b = summons["Baltic Ledger"], summons["Vilnius Times"]
        assert a["article_id"] != b["article_id"] and a["cluster_id"] == b["cluster_id"]
        stats = cluster_stats(store.conn, a["cluster_id"])
        assert stats is not None
        assert (stats.num_articles, stats.num_sources, stats.num_mentions) == (2, 2, 2)
        assert stats.first_date == stats.last_date == "2024-10-07"  # "on Monday", published Tuesday
        pact = store.conn.execute("SELECT DISTINCT cluster_id FROM event_index WHERE dyad = 'AUS-JPN'").fetchall()
        assert pact and a["cluster_id"] not in {c for (c,) in pact}
        by_event = {event["id"]: cluster for event, cluster in events_with_clusters(store.conn)}
        assert all(by_event[eid] is not None and by_event[eid].num_articles == 1 for (eid,) in store.conn.execute(
            "SELECT id FROM event_index WHERE dyad = 'AUS-JPN'"))  # fmt: skip


def test_exports_and_event_rows_carry_the_cluster_counts(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    _pages, db = corpus
    with Store.open(db, readonly=True) as store:
        cid = summon_events(store)["Baltic Ledger"]["cluster_id"]
        assert export_gdelt(store, tmp_path / "e.tsv") > 0
        assert export_plover(store, tmp_path / "e.jsonl") > 0
        ids = {eid for (eid,) in store.conn.execute("SELECT id FROM event_index WHERE cluster_id = ?", (cid,))}
    rows = list(parse_gdelt((tmp_path / "e.tsv").read_text().splitlines()))
    summon = [r for r in rows if r["Actor1CountryCode"] in ("LTU", "BLR") and r["Actor2CountryCode"] in ("LTU", "BLR")]
    assert len(summon) == 1  # GDELT's event table holds one row per event, with the whole cluster's counts
    assert all((r["NumMentions"], r["NumSources"], r["NumArticles"]) == (2, 2, 2) for r in summon)
    assert all(r["NumArticles"] == 1 for r in rows if r["Actor1CountryCode"] == "JPN")
    plover = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    mine = [r for r in plover if r["Event ID"] in ids]
    assert len(mine) == 2 and all(r["cluster_id"] == cid and r["num_sources"] == 2 for r in mine)
    assert all(r["cluster_id"] and r["num_articles"] >= 1 for r in plover)
    cli = [sys.executable, "-m", "tidings.cli.app", "events", "--db", str(db), "--format", "jsonl"]
    events = [json.loads(line) for line in subprocess.run(cli, capture_output=True, text=True, check=True,
                                                          timeout=300).stdout.splitlines()]  # fmt: skip
    assert {r["id"] for r in events if r["cluster_id"] == cid} == ids
    assert all(r["num_articles"] == 2 and r["mentions"] for r in events if r["cluster_id"] == cid)
    listed = subprocess.run([*cli, "--clusters", "--dyad", "LTU-BLR"], capture_output=True, text=True, check=True,
                            timeout=300).stdout.splitlines()  # fmt: skip
    clusters = [json.loads(line) for line in listed]
    top = clusters[0]
    assert top["cluster_id"] == cid and (top["num_articles"], top["num_sources"], top["num_mentions"]) == (2, 2, 2)
    assert "LTU" in top["dyad"] and "BLR" in top["dyad"]
    assert top["example"]["article_id"] and "Lithuania summoned" in top["example"]["sentence"]
    wide = {**os.environ, "COLUMNS": "250"}
    table = subprocess.run([*cli[:-2], "--clusters"], capture_output=True, text=True, check=True, timeout=300, env=wide)
    assert cid[:8] in table.stdout


def test_reingest_and_a_new_version_do_not_double_count(
    corpus: tuple[Path, Path], annotator: Annotator, tmp_path: Path
) -> None:
    pages, built = corpus
    db = tmp_path / "copy.db"
    src = sqlite3.connect(built)
    try:
        src.execute(f"VACUUM INTO '{db}'")  # the module's store stays as the other tests read it
    finally:
        src.close()
    before = index(db)
    ingest([str(pages)], db=str(db), annotator=annotator)
    assert index(db) == before
    site, url, title, paragraphs = SUMMONED["a"]
    revised = tmp_path / "a-revised.html"
    revised.write_text(page(site, url, title, paragraphs, "This story has been updated with the airport closures."))
    ingest([str(revised)], db=str(db), annotator=annotator)
    with Store.open(db, readonly=True) as store:
        aid = summon_events(store)["Baltic Ledger"]["article_id"]
        assert (
            store.conn.execute("SELECT count(*) FROM article_versions WHERE article_id = ?", (aid,)).fetchone()[0] == 2
        )
        assert store.counts()["articles"] == 3
        stats = cluster_stats(store.conn, summon_events(store)["Vilnius Times"]["cluster_id"])
        assert stats is not None and (stats.num_articles, stats.num_sources, stats.num_mentions) == (2, 2, 2)


# ------------------------------------------------------------------ the key, without NLP


def ref(name: str, entity: str | None, code: str | None, country: str | None) -> ActorRef:
    return ActorRef(name, entity, code, country)


def ev(
    aid: str,
    n: int,
    src: ActorRef | None,
    tgt: ActorRef | None,
    day: str | None = "2023-06-18",
    code: str = "042",
    factuality: str = "asserted",
    mentions: int = 1,
) -> Event:
    return Event(
        fact_id("events", aid, n), aid, 0, 4, "met", "They met.", 0, 9, source=src, target=tgt,
        cameo_code=code, factuality=factuality, date=day, date_precision="day" if day else None,
        mentions=tuple(Span(0, 4) for _ in range(mentions)),
    )  # fmt: skip


BLINKEN = ref("Antony Blinken", "e1", "USAGOV", "USA")
XI = ref("Xi Jinping", "e2", "CHNGOV", "CHN")


def test_key_ignores_entity_ids_and_actor_order() -> None:
    one = ev("a1", 0, BLINKEN, XI)
    other = ev("a2", 7, replace(XI, entity_id="e99"), replace(BLINKEN, entity_id="e42"))  # reversed, new ids
    assert cluster_key(one) == cluster_key(other) and event_cluster_id(one) == event_cluster_id(other)
    named = ev("a3", 0, ref("Aung San", "e5", None, None), XI)
    renamed = ev("a4", 0, ref("  aung  SAN. ", "e6", None, None), XI)
    assert cluster_key(named) == cluster_key(renamed)  # no code, no country: the normalised name
    assert cluster_key(ev("a1", 1, BLINKEN, XI, factuality="planned")) != cluster_key(one)
    assert cluster_key(ev("a1", 1, BLINKEN, XI, code="190")) != cluster_key(one)
    assert cluster_key(ev("a1", 1, BLINKEN, XI, code="043")) == cluster_key(one)  # same root
    officials = ref("officials", None, "GOV", None)
    assert cluster_key(ev("a1", 0, officials, None)) != cluster_key(ev("a2", 0, officials, None))


def test_dates_bucket_into_fixed_windows_from_the_epoch() -> None:
    assert date_bucket("2023-06-16", None) == date_bucket("2023-06-18", None) == "2023-06-16+3d"
    assert date_bucket("2023-06-19", None) == "2023-06-19+3d"  # the next window, whatever came first
    assert date_bucket("2023-06-17T10:00:00Z", None) == "2023-06-16+3d"
    assert date_bucket("2023-06", "2023-06-18") == "2023-06" and date_bucket("2023-W24", None) == "2023-W24"
    assert date_bucket(None, "2023-06-18T08:00:00+08:00") == "2023-06-16+3d"  # the article's day
    assert date_bucket("P2D", None) == "" and date_bucket("2023-02-30", None) == ""
    undated = ev("a1", 0, BLINKEN, XI, day=None)
    assert cluster_key(undated, "2023-06-17") == cluster_key(ev("a2", 0, XI, BLINKEN), "2023-06-20")


def article(n: int, site: str) -> Any:
    return make_article(
        source="t", paragraphs=[Paragraph("paragraph", f"Story {n}.")], url=f"https://{site}/{n}",
        published="2023-06-18", site=site,
    )  # fmt: skip


def items() -> list[BatchItem]:
    arts = [article(1, "one.example"), article(2, "one.example"), article(3, "two.example")]
    return [
        BatchItem(f"o{i}", f"r{i}", a, facts={"events": [ev(a.id, 0, BLINKEN, XI, mentions=i + 1),
                                                         ev(a.id, 1, XI, None, code="010")]})
        for i, a in enumerate(arts)
    ]  # fmt: skip


def test_ids_and_counts_do_not_depend_on_ingest_order(tmp_path: Path) -> None:
    with Store.open(tmp_path / "f.db") as forward, Store.open(tmp_path / "b.db") as backward:
        forward.write_batch(items())
        for item in reversed(items()):
            backward.write_batch([item])
        rows = forward.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()
        assert rows == backward.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()
        meet = event_cluster_id(items()[0].facts["events"][0], "2023-06-18")
        stats = cluster_stats(forward.conn, meet)
        assert stats is not None  # three articles, two of them from one site
        assert (stats.num_articles, stats.num_sources, stats.num_mentions) == (3, 2, 6)


def downgrade(new: Path, old: Path, before: int) -> None:
    """``old``: the store ``new`` as the code of migration ``before`` wrote it."""
    Store.open(old, migrations=MIGRATIONS[:before]).close()
    conn = sqlite3.connect(old)
    conn.execute(f"ATTACH '{new}' AS new")
    conn.execute("INSERT INTO articles SELECT * FROM new.articles")
    conn.execute("INSERT INTO facts SELECT * FROM new.facts")
    if before >= 4:  # the index as the old code wrote it: base columns only
        conn.execute(
            "INSERT INTO event_index SELECT id, article_id, date, source_country, target_country, quad_class,"
            " goldstein, cameo_root, plover_event, factuality, source_name, target_name, source_entity,"
            " target_entity, dyad FROM new.event_index"
        )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("before", [3, 5])  # written before the event index / before clusters
def test_migration_backfills_a_store_written_before_clusters(tmp_path: Path, before: int) -> None:
    new = tmp_path / "new.db"
    with Store.open(new) as store:
        store.write_batch(items())
        want = store.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()
    downgrade(new, tmp_path / "old.db", before)
    with Store.open(tmp_path / "old.db") as store:
        assert store.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall() == want
        assert all(r[15] and r[16] and r[17] for r in want)  # cluster_id, mentions, site


def test_migration_backfill_agrees_with_the_write_path_on_ingested_events(
    corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    """The backfill reads events as JSON, the write path as records: same columns."""
    _pages, db = corpus
    downgrade(db, tmp_path / "old.db", 5)
    assert all(len(row) == 15 for row in index(tmp_path / "old.db"))  # no cluster columns yet
    with Store.open(tmp_path / "old.db") as store:
        got = store.conn.execute("SELECT * FROM event_index ORDER BY id").fetchall()
    assert got == index(db) and len(got) > 3
