"""Regression found by the nasty-input corpus (issue 11): one very long line without
spaces (a 2 MB "word") passed the clutter filter's word-count gate, and its rule regexes
then took ~3 s per MB (6.7 s for 2 MB, over the 5 s budget)."""

from __future__ import annotations

import time

import tidings
from tidings.extract.clutter import clutter_reason
from tidings.records import Rejected


def test_a_two_megabyte_word_is_handled_quickly() -> None:
    started = time.monotonic()
    out = tidings.extract(b"x" * 2_000_000)
    assert time.monotonic() - started < 3
    assert isinstance(out, Rejected) and out.code == "too_short"


def test_long_lines_are_never_clutter_and_short_ones_still_are() -> None:
    started = time.monotonic()
    assert clutter_reason("Also read" + "x" * 1_000_000) is None
    assert time.monotonic() - started < 0.5
    assert clutter_reason("Also read: Ten things to know") is not None
