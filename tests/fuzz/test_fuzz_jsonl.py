"""Fuzz target: JSONL lines -> ``tidings.sources.files.read_jsonl`` -> ``extract_raw``.

Expected outcomes: every non-blank line yields exactly one item, a ``RawDoc(kind="record")``
or a ``Rejected(code="bad_jsonl")``; every RawDoc then extracts to an :class:`Article` or a
coded :class:`Rejected`. The same bytes through ``read_bytes`` (sniffing) keep the contract.
Inputs: JSON values of any shape and type in the record fields, broken JSON, invalid UTF-8,
NUL and control characters, odd line endings; JSON nested up to 100,000 deep (as a line and
as a field); the same lines gzipped in several members split at any byte, with NUL padding
or junk after them.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import tempfile
from pathlib import Path

from fuzz_common import check_outcome, check_source_items, fuzz_settings, run_timed
from hypothesis import given
from hypothesis import strategies as st

from tidings.config import InputOptions
from tidings.extract import extract_raw
from tidings.records import RawDoc, Rejected
from tidings.sources.files import read_bytes, read_file, read_jsonl
from tidings.sources.jsonl import wide_encoding

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


def _non_blank_lines(data: bytes) -> int:
    """Lines as the reader splits them: bytes for UTF-8; decoded text when the file starts
    like UTF-16/32 (a BOM, or NULs around a first "{")."""
    wide = wide_encoding(data)
    if wide is None:
        return sum(1 for ln in data.splitlines() if ln.strip())
    text = data.decode(wide, "replace")
    return sum(1 for ln in re.split(r"\r\n|\r|\n", text) if ln.encode("utf-8", "surrogatepass").strip())


@fuzz_settings()
@given(lines, st.sampled_from([b"\n", b"\r\n", b"\r"]))
def test_fuzz_jsonl_lines(parts: list[bytes], sep: bytes) -> None:
    data = sep.join(parts)
    items = run_timed("read_jsonl", lambda: list(read_jsonl(data, "fuzz.jsonl")))
    check_source_items(items)
    assert len(items) == _non_blank_lines(data)
    for item in items:
        if isinstance(item, RawDoc):
            assert item.kind == "record"
            check_outcome(run_timed("extract_raw", lambda i=item: extract_raw(i)))
        else:
            assert item.code == "bad_jsonl", item
    sniffed = list(read_bytes(data, "fuzz.jsonl", "fuzz.jsonl", InputOptions()))
    check_source_items(sniffed)


def _nested(depth: int, kind: str) -> str:
    return {"list": "[" * depth + "]" * depth, "dict": '{"a":' * depth + "1" + "}" * depth}[kind]


depths = st.sampled_from([1, 50, 999, 1_000, 5_000, 100_000]) | st.integers(1, 20_000)


@fuzz_settings(0.15)
@given(st.lists(st.tuples(depths, st.sampled_from(["list", "dict"]), st.sampled_from(["line", "field"])), max_size=3))
def test_fuzz_jsonl_nesting_depth(nests: list[tuple[int, str, str]]) -> None:
    """Issue 22: a line nested deeper than the parser recurses is that line's bad_jsonl
    (it was a RecursionError out of the whole run); the other lines are read."""
    lines = [json.dumps({"text": TEXT, "url": "https://news.example/ok"}).encode()]
    for depth, kind, where in nests:
        value = _nested(depth, kind)
        lines.append((value if where == "line" else '{"text": "x", "title": ' + value + "}").encode())
    lines.append(lines[0])
    data = b"\n".join(lines)
    items = run_timed("read_jsonl", lambda: list(read_jsonl(data, "deep.jsonl")))
    check_source_items(items)
    assert len(items) == len(lines)
    assert isinstance(items[0], RawDoc) and isinstance(items[-1], RawDoc)
    sniffed = run_timed("read_bytes", lambda: list(read_bytes(data, "deep.jsonl", "deep.jsonl", InputOptions())))
    check_source_items(sniffed)
    assert [type(i) for i in sniffed] == [type(i) for i in items]


@fuzz_settings(0.15)
@given(lines, st.lists(st.integers(0, 1 << 16), max_size=4), st.sampled_from([b"", b"\0" * 8, b"junk"]))
def test_fuzz_jsonl_gzip_members(parts: list[bytes], cuts: list[int], tail: bytes) -> None:
    """Issue 22: a .jsonl.gz of several gzip members (``cat a.gz b.gz``) reads every member,
    whatever byte offsets the members split the lines at; NUL padding after the last member
    is ignored and junk is one bad_gzip after the records."""
    first = json.dumps({"text": TEXT}).encode()  # a UTF-8 file: encodings are the test above's
    data = b"\n".join([first, *parts]) + b"\n"
    bounds = sorted({c % (len(data) + 1) for c in cuts} | {0, len(data)})
    packed = b"".join(gzip.compress(data[a:b]) for a, b in itertools.pairwise(bounds)) + tail
    expected = [(type(i).__name__, getattr(i, "id", None)) for i in read_jsonl(data, "x")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.jsonl.gz"
        path.write_bytes(packed)
        items = run_timed("read_file", lambda: list(read_file(path, InputOptions(input_format="jsonl"))))
    check_source_items(items)
    got = [(type(i).__name__, getattr(i, "id", None)) for i in items]
    if tail == b"junk":
        assert got[:-1] == expected and isinstance(items[-1], Rejected) and items[-1].code == "bad_gzip"
    else:
        assert got == expected
