"""Regression found by tests/fuzz/test_fuzz_export.py (issue 11): the Parquet writer took
its schema from the first chunk of rows, so a column that was None throughout the first
chunk (null type) and text later, or int then float, or a key first seen later, made the
export fail with an Arrow cast error. (On real stores: any optional field that is empty
for the first 10,000 rows.)"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from tidings.export.tables import write_parquet


def test_types_that_settle_after_the_first_chunk(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "section": None, "score": 1},
        {"id": "b", "section": None, "score": 2},
        {"id": "c", "section": "World", "score": 2.5, "late": True},
        {"id": "d", "section": "Asia", "score": 3, "late": None},
    ]
    out = tmp_path / "t.parquet"
    assert write_parquet(rows, out, chunk=2) == 4
    table = pq.read_table(out).to_pylist()
    assert [r["section"] for r in table] == [None, None, "World", "Asia"]
    assert [r["score"] for r in table] == [1.0, 2.0, 2.5, 3.0]
    assert [r["late"] for r in table] == [None, None, True, None]


def test_conflicting_types_fall_back_to_text(tmp_path: Path) -> None:
    rows = [{"x": 1}, {"x": "one"}, {"x": [1, 2]}]
    out = tmp_path / "t.parquet"
    assert write_parquet(rows, out, chunk=1) == 3
    assert [r["x"] for r in pq.read_table(out).to_pylist()] == ["1", "one", "[1, 2]"]


def test_no_rows_is_still_a_parquet_file(tmp_path: Path) -> None:
    out = tmp_path / "t.parquet"
    assert write_parquet([], out) == 0
    assert pq.read_table(out).num_rows == 0
