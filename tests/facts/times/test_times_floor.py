"""Quality floors for dates (bench/timex.py on the test half of TBAQ dev, end to end)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench_loader import load_bench
from paths import ROOT


def test_value_scoring_and_the_split(shared: Path) -> None:
    bench = load_bench("timex")
    assert bench.value_ok("1998-08-07", "1998-08-07") and bench.value_ok("1998-08-07TMO", "1998-08-07")
    assert not bench.value_ok("1998-08", "1998-08-07") and not bench.value_ok(None, "PAST_REF")
    data = shared / "data" / "time"
    if not (data / "tbaq_dev").exists():
        pytest.skip("TBAQ dev slice not present")
    test, tune = bench.load(data, "test"), bench.load(data, "tune")
    assert not {d.name for d in test} & {d.name for d in tune}
    assert abs(len(test) - len(tune)) <= 2  # half of TimeBank and half of AQUAINT each side


def test_meantime_documents_load_as_a_second_development_set(shared: Path) -> None:
    bench = load_bench("timex")
    data = shared / "data" / "entities" / "meantime_dev"
    if not data.exists():
        pytest.skip("MEANTIME dev slice not present")
    docs = bench.load(data, "all")
    assert len(docs) == 60
    dates = [(d, t) for d in docs for t in d.timexes if t.type == "DATE"]
    assert len(dates) >= 100
    # the gold offsets land on the rebuilt text, and the creation time's dateline is left out
    assert all(d.text[t.start : t.end].strip() for d, t in dates)
    assert not any(d.text.split("\n\n")[1].startswith(d.dct.strftime("%B")) for d in docs)


@pytest.mark.slow
def test_time_bench_floor(shared: Path) -> None:
    data = shared / "data" / "time"
    if not (data / "tbaq_dev").exists():
        pytest.skip("TBAQ dev slice not present")
    bench = load_bench("timex")
    res = bench.run(data, "test")
    floors = json.loads((ROOT / "bench" / "floors" / "time.json").read_text())
    got = bench.floor_values(res)
    for key, floor in floors.items():
        assert got[key] >= floor, f"{key}: {got[key]:.3f} < floor {floor}"
    e2e = res["end_to_end"]
    assert e2e["right_of_all"] > e2e["dateparser"]["right_of_all"]
    assert res["value_acc"] > res["dateparser_acc"]
