"""The benches' shared argument reader: a typo or a missing folder stops before any work."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench_loader import load_bench


def test_half_and_flags_are_read_and_the_rest_kept() -> None:
    e2e = load_bench("end_to_end")
    assert e2e.half_arg(["some/dir", "--half", "tune", "--errors"], "", ("--errors",)) == (
        "tune",
        ["some/dir", "--errors"],
    )
    assert e2e.half_arg([], "")[0] == "test"


def test_unknown_option_and_bad_half_are_errors() -> None:
    e2e = load_bench("end_to_end")
    with pytest.raises(SystemExit, match="unknown option --erors"):
        e2e.half_arg(["--erors"], "", ("--errors",))
    with pytest.raises(SystemExit, match="--half must be one of"):
        e2e.half_arg(["--half", "dev"], "")


def test_help_prints_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    e2e = load_bench("end_to_end")
    with pytest.raises(SystemExit) as stop:
        e2e.half_arg(["--help"], "  bench usage line\n")
    assert stop.value.code == 0
    assert capsys.readouterr().out == "bench usage line\n"


def test_data_folder_must_exist(tmp_path: Path) -> None:
    e2e = load_bench("end_to_end")
    assert e2e.data_dir_arg([str(tmp_path)], Path("/nowhere")) == tmp_path
    assert e2e.data_dir_arg([], tmp_path) == tmp_path
    with pytest.raises(SystemExit, match="no such data folder"):
        e2e.data_dir_arg([str(tmp_path / "missing")], tmp_path)
