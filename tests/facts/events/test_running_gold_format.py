"""The shipped running-news event gold is well formed (scripts/gold/check_events.py), so a bench
never scores against a mistyped code, a PLOVER type that contradicts its root or a lost sentence."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_events", ROOT / "scripts" / "gold" / "check_events.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_sampled_article_is_annotated_and_well_formed(capsys) -> None:  # type: ignore[no-untyped-def]
    gold = ROOT / "bench" / "gold" / "running_news"
    rows = [json.loads(line) for line in (gold / "sample.jsonl").read_text("utf-8").splitlines()]
    assert all((gold / "ann" / f"{r['doc_id']}.json").exists() for r in rows)
    assert _checker().main([]) == 0, capsys.readouterr().out


def test_checker_flags_a_plover_type_that_contradicts_its_root() -> None:
    row = {"doc_id": "d", "sentences": [{"sid": 0}]}
    event = {"eid": "s0e1", "trigger": "imposed", "cameo": "163", "plover": "COERCE", "source": None,
             "target": None, "factuality": "asserted", "background": False}  # fmt: skip
    problems = _checker().check(row, {"sentences": [{"sid": 0, "events": [event]}], "main_events": ["s0e9"]})
    assert any("SANCTION" in p for p in problems)
    assert any("s0e9" in p for p in problems)
