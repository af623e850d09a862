"""`tidings extract`: one-shot extraction to stdout (like `trafilatura -i`), no store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli.app import app
from tidings.demo import sample_dir

ENVOY = sample_dir() / "sample-envoy-summoned-2024-10-08.html"
GRAIN = sample_dir() / "sample-grain-talks-2024-05-21.txt"


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)  # where a store would appear if one were made
    return CliRunner()


def test_one_page_to_json_on_stdout_and_nothing_stored(tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "tidings.cli.app", "extract", str(ENVOY), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr
    article = json.loads(res.stdout)
    assert article["title"] == "Lithuania summons Belarusian envoy over balloon incursions"
    assert article["text"].startswith("VILNIUS") and article["published"].startswith("2024-10-08")
    assert [p["kind"] for p in article["paragraphs"]].count("heading") >= 1
    assert "Rasa Vaitkutė" in article["authors"]
    assert list(tmp_path.iterdir()) == []  # no store, no files


def test_several_inputs_stdin_and_every_format(runner: CliRunner, tmp_path: Path) -> None:
    many = runner.invoke(app, ["extract", str(ENVOY), str(GRAIN), "--format", "json"])
    titles = [a["title"] for a in json.loads(many.stdout)]
    assert many.exit_code == 0 and len(titles) == 2 and titles[0].startswith("Lithuania")
    lines = runner.invoke(app, ["extract", str(ENVOY), str(GRAIN), "--format", "jsonl"]).stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["text"] for line in lines)
    text = runner.invoke(app, ["extract", str(ENVOY), "--format", "text"]).stdout
    assert text.startswith("VILNIUS") and "\n\nBorder crossings may close\n\n" in text
    markdown = runner.invoke(app, ["extract", str(ENVOY), "--format", "markdown"]).stdout
    assert markdown.startswith("# Lithuania summons") and "\n## Border crossings may close\n" in markdown
    piped = runner.invoke(app, ["extract", "-", "--format", "json"], input=ENVOY.read_bytes())
    assert piped.exit_code == 0 and json.loads(piped.stdout)["title"].startswith("Lithuania")
    assert list(tmp_path.iterdir()) == []


def test_bad_inputs_are_named_with_their_code_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.html"), str(ENVOY)])
    assert missing.exit_code == 1 and "not_found" in missing.stderr
    assert json.loads(missing.stdout)["title"].startswith("Lithuania")  # the good one still comes out
    empty = tmp_path / "empty.html"
    empty.write_text("")
    got = runner.invoke(app, ["extract", str(empty)])
    assert got.exit_code == 1 and "empty" in got.stderr and got.stdout == ""
    url = runner.invoke(app, ["extract", "https://example.invalid/page"])  # never fetched
    assert url.exit_code == 1 and "fetch_disabled" in url.stderr
