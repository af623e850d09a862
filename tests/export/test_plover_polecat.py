"""The PLOVER export speaks POLECAT: its published field names in its order, its contexts where
we have them, and a tab-separated file a POLECAT reader loads unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from tidings.export.plover import (
    PLOVER_CONTEXTS,
    POLECAT_FIELDS,
    QUAD_NAMES,
    cameo_contexts,
    export_plover,
    export_polecat,
    intensities,
)
from tidings.store.sqlite import Store


@pytest.fixture(scope="module")
def exported(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    d = tmp_path_factory.mktemp("plover")
    db = d / "demo.db"
    shutil.copy(demo_db, db)
    with Store.open(db, readonly=True) as store:
        n = store.conn.execute("SELECT count(*) FROM facts WHERE kind = 'events'").fetchone()[0]
        assert export_plover(store, d / "events.jsonl") == n
        assert export_polecat(store, d / "events.tsv") == n
    return db, d / "events.jsonl", d / "events.tsv"


def test_records_lead_with_polecats_fields_in_its_order(exported: tuple[Path, Path, Path]) -> None:
    db, jsonl, _tsv = exported
    records = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    with Store.open(db, readonly=True) as store:
        texts = dict(store.conn.execute("SELECT id, text FROM articles"))
    assert len(POLECAT_FIELDS) == 40
    for r in records:
        assert tuple(r)[:40] == POLECAT_FIELDS
        assert r["Quad Code"] in (None, *QUAD_NAMES.values())
        assert set(r["Contexts"]) <= PLOVER_CONTEXTS
        if r["Event Type"]:
            assert r["Event Intensity"] == intensities().get(
                (r["Event Type"], r["Event Mode"]), intensities()[r["Event Type"], None]
            )
        for raw in (r["Actor Name Raw"], r["Recipient Name Raw"], r["Raw Placename"]):
            assert raw is None or raw in texts[r["article_id"]]  # the words as the article has them
    # a CAMEO code with a published context carries it (030 "express intent to cooperate" -> diplomatic)
    coded = [r for r in records if r["cameo_code"] in cameo_contexts()]
    assert coded and all(set(cameo_contexts()[r["cameo_code"]]) <= set(r["Contexts"]) for r in coded)
    # issues tagged on the event's sentence add theirs (the demo's trade and climate stories)
    assert any(set(r["Contexts"]) - set(cameo_contexts().get(r["cameo_code"] or "", ())) for r in records)
    placed = [r for r in records if r["Placename"]]
    assert placed and all(r["Country"] and r["Latitude"] is not None and r["Feature Type"] for r in placed)
    assert all(r["Story People"] is not None and r["Version"].startswith("tidings ") for r in records)


def test_the_tab_separated_file_loads_as_polecat_files_do(exported: tuple[Path, Path, Path]) -> None:
    _db, jsonl, tsv = exported
    con = duckdb.connect()
    con.execute(
        f"CREATE TABLE p AS SELECT * FROM read_csv('{tsv}', delim='\\t', header=true, quote='', all_varchar=true)"
    )
    assert tuple(r[0] for r in con.execute("DESCRIBE p").fetchall()) == POLECAT_FIELDS
    n = con.execute("SELECT count(*) FROM p").fetchone()
    assert n is not None and n[0] == len(jsonl.read_text("utf-8").splitlines())
    contexts = [c for (c,) in con.execute('SELECT "Contexts" FROM p WHERE "Contexts" IS NOT NULL').fetchall()]
    assert contexts and all(set(c.split("|")) <= PLOVER_CONTEXTS for c in contexts)
