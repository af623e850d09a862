"""bench/throughput.py still runs end to end and prints every figure issue 10 asks for.

Runs the real bench on two HTML pages and two text records (speed is not asserted: the
input is far too small to amortise anything), then checks the printed structure.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from paths import ROOT

BENCH = ROOT / "bench" / "throughput.py"
NUMBER = r"[-+]?\d+(?:\.\d+)?"


@pytest.mark.slow
def test_throughput_bench_prints_every_run_ratio_and_rss(shared: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--docs", "2"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    inputs = re.search(r"inputs: (\d+) HTML pages .* -> (\d+) articles stored, (\d+) words", out)
    assert inputs is not None, out
    assert int(inputs[1]) == 2 and int(inputs[2]) >= 3 and int(inputs[3]) > 200
    for label in ("(a) spaCy", "(b) trafilatura", "(c) tidings", "(d) tidings", "(e) tidings on Dask"):
        line = next((ln for ln in out.splitlines() if ln.startswith(label)), None)
        assert line is not None, f"{label} missing:\n{out}"
        figures = re.findall(NUMBER, line[46:])
        assert len(figures) >= 2, line  # at least total seconds and steady seconds
        if label != "(b) trafilatura":
            assert float(figures[0]) > 0, line  # words/s
    for ratio in ("(c)/(a)", "(d)/(c)", "(e)/(c)"):
        # steady-state ratio (n/a when start-up outweighs a run this small), then the one with start-up
        found = re.search(re.escape(f"ratio {ratio} = ") + rf"({NUMBER}|n/a) .*with start-up ({NUMBER})", out)
        assert found is not None and float(found[2]) > 0, out
        assert found[1] == "n/a" or float(found[1]) > 0, out
    assert re.search(r"\(b\) trafilatura: \d+\.\d pages/s", out)
    rss = re.search(rf"peak RSS: 1x (\d+) MiB, 10x (\d+) MiB, growth ({NUMBER})%", out)
    assert rss is not None, out
    assert int(rss[1]) > 50 and int(rss[2]) > 50  # a real ingest process was measured
