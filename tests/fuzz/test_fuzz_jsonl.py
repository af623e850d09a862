"""Fuzz target: JSONL lines -> ``tidings.sources.files.read_jsonl`` -> ``extract_raw``.

Expected outcomes: every non-blank line yields exactly one item, a ``RawDoc(kind="record")``
or a ``Rejected(code="bad_jsonl")``; every RawDoc then extracts to an :class:`Article` or a
coded :class:`Rejected`. The same bytes through ``read_bytes`` (sniffing) keep the contract.
Inputs: JSON values of any shape and type in the record fields, broken JSON, invalid UTF-8,
NUL and control characters, odd line endings.
"""

from __future__ import annotations

import json

from fuzz_common import check_outcome, check_source_items, fuzz_settings, run_timed
from hypothesis import given
from hypothesis import strategies as st

from tidings.config import InputOptions
from tidings.extract import extract_raw
from tidings.records import RawDoc
from tidings.sources.files import read_bytes, read_jsonl

TEXT = "Ministers met in Vienna on Monday to discuss trade, sanctions and the war in the region. " * 4
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=4,
)
field_value = json_values | st.sampled_from([TEXT, "2023-06-18", "https://news.example/a", "", " ", "\x00"])


@st.composite
def record_line(draw: st.DrawFn) -> bytes:
    keys = draw(st.lists(st.sampled_from(["url", "title", "text", "published", "source", "date", "x"]), max_size=6))
    obj = {k: draw(field_value) for k in keys}
    if draw(st.booleans()):
        obj["text"] = draw(st.sampled_from([TEXT, TEXT[:50], TEXT + "\x00\x07", "\u202e" + TEXT, "\ud800" + TEXT]))
    encoded = json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 5)) == 0:  # damage: cut or splice in bytes
        at = draw(st.integers(0, len(encoded)))
        encoded = encoded[:at] + draw(st.binary(max_size=6))
    return encoded


lines = st.lists(record_line() | st.binary(max_size=60) | st.just(b""), min_size=1, max_size=6)


@fuzz_settings()
@given(lines, st.sampled_from([b"\n", b"\r\n", b"\r"]))
def test_fuzz_jsonl_lines(parts: list[bytes], sep: bytes) -> None:
    data = sep.join(parts)
    items = run_timed("read_jsonl", lambda: list(read_jsonl(data, "fuzz.jsonl")))
    check_source_items(items)
    assert len(items) == sum(1 for ln in data.splitlines() if ln.strip())
    for item in items:
        if isinstance(item, RawDoc):
            assert item.kind == "record"
            check_outcome(run_timed("extract_raw", lambda i=item: extract_raw(i)))
        else:
            assert item.code == "bad_jsonl", item
    sniffed = list(read_bytes(data, "fuzz.jsonl", "fuzz.jsonl", InputOptions()))
    check_source_items(sniffed)
