"""The cross-article actor bench: its scoring on hand-made cases (fast) and the pinned floors on
the test split of our actor gold, ingested through the CLI (slow)."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from bench_loader import load_bench
from paths import ROOT


def _bench() -> ModuleType:
    return load_bench("actors")


def test_bcubed_and_codes_on_a_hand_made_case() -> None:
    b = _bench()
    gold = ["obama", "obama", "china", "china"]
    assert b.bcubed(gold, ["a", "a", "c", "c"]) == (1.0, 1.0, 1.0)
    p, r, f = b.bcubed(gold, ["a", "b", "c", "c"])  # one Obama split off: precision stays whole
    assert p == 1.0 and r == pytest.approx(0.75) and f == pytest.approx(6 / 7)
    state = b.GoldMention("d", 0, 7, "Beijing", "state:CHN", "CHN", None, True)
    assert b.code_right(state, b.Prediction("state:CHN", "CHN", "GOV"))  # a capital codes as the government
    group = b.GoldMention("d", 0, 7, "Chinese", "group:CHN-GOV", "CHN", "GOV", True)
    assert not b.code_right(group, b.Prediction("state:CHN", "CHN", None))


def test_offsets_carry_across_a_dropped_dateline_and_refusals_count() -> None:
    b = _bench()
    gold_text = "BEIJING — China said it would retaliate."
    ours = "China said it would retaliate."
    omap = b.offset_map(gold_text, ours)
    assert b.carry((0, 7), omap) is None  # the dateline is metadata in our text: refused
    china = b.carry((gold_text.index("China"), gold_text.index("China") + 5), omap)
    assert china == (0, 5)
    entities = [
        {"actor": "state:CHN", "country": "CHN", "sector": None, "mentions": [{"start": 0, "end": 5, "actor": True}]},
        {
            "actor": "state:CHN",
            "country": "CHN",
            "sector": None,
            "mentions": [{"start": 11, "end": 13, "actor": False}],
        },
    ]
    assert b.predict(china, entities).actor == "state:CHN"
    assert b.predict((11, 13), entities).actor is None  # a mention we do not use as an actor
    mentions = [
        b.GoldMention("d", 0, 7, "BEIJING", None, None, None, True),
        b.GoldMention("d", 10, 15, "China", "state:CHN", "CHN", None, True),
    ]
    preds = [b.Prediction(None, None, None), b.Prediction("state:CHN", "CHN", None)]
    res = b.score(mentions, preds)
    assert res["not_actor_p"] == 1.0 and res["not_actor_r"] == 1.0 and res["code"] == 1.0


def test_a_gold_mention_in_the_moved_dateline_is_read_against_the_credit() -> None:
    b = _bench()
    gold_text = "BEIJING, Dec. 16 (Xinhua) -- China said it would retaliate."
    dateline = "BEIJING, Dec. 16 (Xinhua)"
    xinhua = (gold_text.index("Xinhua"), gold_text.index("Xinhua") + 6)
    assert b.in_dateline(xinhua, gold_text, dateline) == (18, 24)
    assert b.in_dateline((29, 34), gold_text, dateline) is None  # "China": in the text, not the dateline
    assert b.in_dateline(xinhua, gold_text, "") is None
    credited = {
        "actor": "ORG:xinhua",
        "country": "CHN",
        "sector": "MED",
        "mentions": [],
        "credit": {"start": 18, "end": 24},
    }
    assert b.predict_credit((18, 24), [credited]) == b.Prediction("ORG:xinhua", "CHN", "MED")
    assert b.predict_credit((0, 7), [credited]).actor is None  # the dateline's place: refused


@pytest.mark.slow
@pytest.mark.timeout(1800)  # ingests 77 gold articles through the CLI: ~30 s on a quiet 2-core box
def test_actor_bench_meets_floors() -> None:
    b = _bench()
    if not b.DEFAULT_CORPUS.resolve().exists():
        pytest.skip("../shared/data/corpus is not beside the project")
    result = b.evaluate()
    assert b.check_floors(result) == [], b.check_floors(result)
    floors = json.loads((ROOT / "bench" / "floors" / "actors.json").read_text("utf-8"))
    for key, margin in floors.get("margins", {}).items():
        assert result["tidings"][key] - result["baseline"][key] >= margin, key
