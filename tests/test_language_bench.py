"""The language bench (bench/language.py): its scoring on hand-made cases (fast) and the
pinned floors on a fifth of the English records and every non-English set (slow)."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from bench_loader import load_bench
from paths import ROOT, SHARED
from tidings.extract.record import extract_record
from tidings.records import Article


def _bench() -> ModuleType:
    return load_bench("language")


def _case(b: ModuleType, text: str, english: bool) -> object:
    article = extract_record({"text": text}, source="t")
    assert isinstance(article, Article)
    return b.Case("t", english, article, None)


def test_scoring_on_hand_made_cases() -> None:
    b = _bench()
    cases = [
        _case(b, "The ministers met in Geneva on Tuesday to discuss the ceasefire and prisoners. " * 5, True),
        _case(b, "GENERAL SIGNAL CORP SETS QTLY DIVIDEND", True),
        _case(b, "Die Außenminister trafen sich am Dienstag in Genf, um über die Waffenruhe zu beraten. " * 3, False),
    ]
    res = b.score(cases)
    assert res["tidings"] == {"english_read": 1.0, "english_skipped_n": 0.0, "other_skipped": 1.0}
    assert res["150 words + lang"]["other_skipped"] == 0.0  # records had no language before


@pytest.mark.slow
def test_language_floors_hold() -> None:
    b = _bench()
    corpus = SHARED / "data" / "corpus"
    if not corpus.exists():
        pytest.skip("../shared/data/corpus is not beside the project")
    res = b.evaluate(corpus, every=5)[1]["tidings"]
    floors = json.loads((ROOT / "bench" / "floors" / "language.json").read_text("utf-8"))
    low = {k: (res[k], v) for k, v in floors.items() if res[k] < v}
    assert not low, low
