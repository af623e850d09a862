"""The theme tagger's quality floors (bench/themes.py at the pinned sample size)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from paths import ROOT


@pytest.mark.slow
def test_theme_macro_f1_stays_above_floors(shared: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import themes

    floors = json.loads((ROOT / "bench/floors/themes.json").read_text())
    text = shared / "data/corpus/text"
    sets = themes.load(
        sorted((text / "bbc").glob("*.jsonl")),
        sorted((text / "reuters21578").glob("*.jsonl"))[:2],
        floors["_limit"],
    )
    results = themes.evaluate(sets)
    for name in ("bbc", "reuters"):
        assert results[name]["tidings"]["macroF1"] >= floors[name], results[name]
