"""The web bench's budgets (bench/floors/web.json): readers during a real `tidings ingest`
see no error and a bounded p95; the dyad series answers in budget on a 1M-event index; the
analyst pages (event browser with three facets, map, search, 10-year dyad timeline) answer in
budget on a real store (here 1,500 articles of ../shared; `bench/web.py` reports 10,000)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from bench_loader import load_bench
from paths import ROOT

BUDGET = json.loads((ROOT / "bench" / "floors" / "web.json").read_text())


def bench() -> ModuleType:
    return load_bench("web")


@pytest.mark.slow
def test_web_bench_readers_during_ingest(tmp_path: Path, shared: Path) -> None:
    b = bench()
    inputs = [p for p in b.DEFAULT_INPUTS if p.exists()]
    if not inputs:
        pytest.skip("Reuters-21578 sample not in ../shared")
    idle, busy, _, info = b.readers_during_ingest(inputs, 5000, 20.0, 180.0, False, tmp_path)
    assert info["stored"] >= 4500 and busy["requests"] >= 100
    assert busy["errors"] <= BUDGET["ingest_errors_max"]
    assert busy["p95"] < BUDGET["ingest_p95_ms_max"], (idle, busy)


@pytest.mark.slow
def test_web_bench_dyad_series_on_a_million_events(tmp_path: Path) -> None:
    n, _, rows = bench().dyad_latency(1_000_000, tmp_path)
    assert n == 1_000_000
    for row in rows:
        assert row["points"] > 100
        assert row["http_median"] < BUDGET["dyad_series_http_ms_max"], row


@pytest.mark.slow
def test_web_bench_analyst_pages_on_a_real_store(tmp_path: Path, shared: Path) -> None:
    b = bench()
    built = b.build_analyst_store(tmp_path / "analyst.db", b.ANALYST_CORPORA, 1500)
    assert built["articles"] >= 1500
    found = b.analyst_latency(tmp_path / "analyst.db", runs=5)
    assert {r["route"] for r in found["rows"]} == {"/events, 3 facets", "map", "search", "10-year dyad timeline"}
    for row in found["rows"]:
        assert row["p95"] < BUDGET["analyst_p95_ms_max"], row
