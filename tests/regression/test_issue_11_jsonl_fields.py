"""Regressions found by tests/fuzz/test_fuzz_jsonl.py (issue 11).

1. A JSONL ``text`` with NUL/control characters became an Article text containing NUL.
2. A JSON-escaped lone surrogate (``"\\ud800"``) in ``text``/``title``/``url`` made
   ``extract_raw`` raise UnicodeEncodeError (ids hash UTF-8) and could not be stored.
"""

from __future__ import annotations

import json
from pathlib import Path

from tidings.config import Options
from tidings.extract import extract_raw
from tidings.records import Article, RawDoc
from tidings.run.ingest import ingest
from tidings.sources.files import read_jsonl

TEXT = "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region. " * 4


def _extract(obj: dict[str, str]) -> Article:
    (raw,) = list(read_jsonl(json.dumps(obj).encode(), "reg.jsonl"))
    assert isinstance(raw, RawDoc)
    out = extract_raw(raw)
    assert isinstance(out, Article), out
    return out


def test_control_characters_are_dropped_from_record_text() -> None:
    article = _extract({"text": TEXT + "\x00\x07", "title": "T\x00itle"})
    assert "\x00" not in article.text and "\x07" not in article.text
    assert article.title == "Title"


def test_lone_surrogates_become_replacement_characters() -> None:
    article = _extract({"text": "\ud800" + TEXT, "title": "\udfffx", "url": "https://x.example/\ud800"})
    assert article.text.startswith("\ufffd") and article.title == "\ufffdx"
    article.text.encode("utf-8")  # must not raise


def test_such_records_are_stored(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "\ud800" + TEXT + "\x00", "url": "https://x.example/\udc00"}) + "\n")
    report = ingest([str(src)], db=str(tmp_path / "t.db"), options=Options().with_overrides(nlp__facts=False))
    assert report.stored == 1 and not report.rejected
