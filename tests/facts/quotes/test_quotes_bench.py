"""The quotes bench: its scoring on a hand-made case (fast) and the pinned floors (slow)."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from bench_loader import load_bench
from paths import ROOT


def _bench() -> ModuleType:
    return load_bench("quotes")


def test_scoring_on_a_hand_made_case() -> None:
    b = _bench()
    text = "“We will win,” Ann said. Bob said that taxes would rise. Cy thinks it “odd” today."
    q1 = (0, text.index(" Ann"))
    ind = (text.index("that taxes"), text.index(" rise") + 5)
    mixed = (text.index("it “odd”"), text.index("” today") + 1)
    ann, bob, cy = (text.index("Ann"),), (text.index("Bob"),), (text.index("Cy"),)
    gold = [
        b.Gold([q1], [(ann[0], ann[0] + 3)], [(ann[0] + 4, ann[0] + 8)], b.gold_kind(text, [q1])),
        b.Gold([ind], [(bob[0], bob[0] + 3)], [], b.gold_kind(text, [ind])),
        b.Gold([mixed], [(cy[0], cy[0] + 2)], [], b.gold_kind(text, [mixed])),
    ]
    assert [g.kind for g in gold] == ["direct", "indirect", "mixed"]
    case = b.DocCase("t", text, gold)
    preds = [
        b.Pred(q1[0], q1[1], "direct", (ann[0], ann[0] + 3), None, (ann[0] + 4, ann[0] + 8)),
        b.Pred(ind[0], ind[0] + 10, "indirect", (0, 2), None, None),  # 10 of 22 chars, wrong speaker
        b.Pred(0, 1, "direct", None, None, None),  # overlaps a gold quote already taken: unmatched
    ]
    res = b.score([case], [preds])
    assert res["direct@0.3"]["R"] == 1.0 and res["direct@0.3"]["speaker"] == 1.0
    assert res["indirect@0.3"]["R"] == 1.0 and res["indirect@0.3"]["speaker"] == 0.0
    assert res["indirect@0.8"]["R"] == 0.0  # 45% overlap is lenient-only
    assert res["all@0.3"]["P"] == pytest.approx(2 / 3, abs=1e-3)
    assert res["quoted@0.3"]["R"] == 0.5 and res["all@0.3"]["cue"] == 1.0


@pytest.mark.slow
def test_quotes_floors_hold() -> None:
    b = _bench()
    data = b.DEFAULT_DIR.resolve()
    if not data.exists():
        pytest.skip("../shared/data/quotes/polnear_dev is not beside the project")
    res = b.evaluate(data)["tidings"]
    floors = json.loads((ROOT / "bench" / "floors" / "quotes.json").read_text("utf-8"))
    low = {f"{k}.{m}": (res[k][m], v) for k, ms in floors.items() for m, v in ms.items() if res[k][m] < v}
    assert not low, low
