"""Fuzz target: the export writers (JSONL, CSV, Parquet) and the id-derived file names.

Expected outcomes: the writer returns the row count and the file holds exactly those
rows (JSONL round-trips; CSV has one record per row, its text cells equal the input
except that formula-like cells carry a leading quote, and no cell starts a formula;
Parquet has the row count and the columns); a bad derived name is a coded UsageError and
nothing is written outside the output root. Inputs: rows whose columns each keep one type
(as store rows do) with None anywhere, hostile text (formulas, CR/LF, NUL, quotes, RTL,
astral), nested values; chunk sizes small enough to cross chunk boundaries.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pyarrow.parquet as pq
import pytest
from fuzz_common import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from tidings.errors import UsageError
from tidings.export.tables import (
    FORMULA_PREFIXES,
    csv_safe,
    flat_cell,
    safe_child,
    write_csv,
    write_jsonl,
    write_parquet,
)

# tmpfs where there is one: the writers fsync, and thousands of fsyncs on disk are slow
FAST_TMP = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
hostile = st.text(max_size=30) | st.sampled_from(
    ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")', "a,b", 'a"b', "a\nb", "\x00", "\u202e"]
)
COLUMN_TYPES = {
    "text": hostile,
    "int": st.integers(-(2**63), 2**63 - 1),
    "float": st.floats(allow_nan=False),
    "bool": st.booleans(),
    "json": st.lists(hostile, max_size=3) | st.dictionaries(st.text(max_size=5), hostile, max_size=2),
}


@st.composite
def tables(draw: st.DrawFn) -> list[dict[str, Any]]:
    columns = draw(
        st.dictionaries(
            st.text("abcdefgh_", min_size=1, max_size=6), st.sampled_from(sorted(COLUMN_TYPES)), min_size=1, max_size=5
        )
    )
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        row = {}
        for name, kind in columns.items():
            if draw(st.integers(0, 3)) == 0:
                row[name] = None
            elif draw(st.integers(0, 9)) > 0:  # a key may be missing from some rows
                row[name] = draw(COLUMN_TYPES[kind])
        rows.append(row)
    return rows


def _expected_csv_cell(value: Any) -> str:
    value = csv_safe(flat_cell(value))
    return "" if value is None else str(value)


@fuzz_settings(0.8)
@given(tables(), st.integers(1, 5))
def test_fuzz_export_writers(rows: list[dict[str, Any]], chunk: int) -> None:
    with TemporaryDirectory(dir=FAST_TMP) as tmp:
        out = Path(tmp)
        assert write_jsonl(rows, out / "t.jsonl") == len(rows)
        # split on \n only: U+0085/U+2028 inside a JSON string are not line breaks in JSONL
        back = [json.loads(line) for line in (out / "t.jsonl").read_text("utf-8").split("\n")[:-1]]
        assert back == rows

        assert write_csv(rows, out / "t.csv") == len(rows)
        with (out / "t.csv").open(newline="", encoding="utf-8") as fh:
            records = list(csv.reader(fh))
        if rows:
            header = list(rows[0])
            assert records[0] == header and len(records) == len(rows) + 1
            for row, rec in zip(rows, records[1:], strict=True):
                assert rec == [_expected_csv_cell(row.get(k)) for k in header]
                for key, cell in zip(header, rec, strict=True):
                    if isinstance(row.get(key), str):  # numbers stay numbers (-1 is not a formula)
                        assert not cell.startswith(FORMULA_PREFIXES), cell
        else:
            assert records == []

        assert write_parquet(rows, out / "t.parquet", chunk=chunk) == len(rows)
        table = pq.read_table(out / "t.parquet")
        assert table.num_rows == (len(rows) if table.column_names else 0)  # no columns, no rows
        assert set(table.column_names) == {k for r in rows for k in r}
        assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no temp files left


@fuzz_settings(0.2)
@given(
    st.text(max_size=40)
    | st.sampled_from(["../x", "/abs", "a/../../b", "CON", "nul.json", "x\x00y", ".hidden", "ok.json"])
)
def test_fuzz_export_derived_names_stay_under_the_root(name: str) -> None:
    with TemporaryDirectory(dir=FAST_TMP) as tmp:
        root = Path(tmp) / "out"
        root.mkdir()
        try:
            path = safe_child(root, name)
        except UsageError as exc:
            assert exc.code in ("T203", "T204")
            return
        assert path.resolve().is_relative_to(root.resolve()) and path.parent == root.resolve()


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a/b", "CON", "lpt1.txt", "x\x00y", ".x", ""])
def test_export_bad_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError):
        safe_child(tmp_path, name)
