"""List commands: --limit documented everywhere, tables cut at 50 with a note, machine formats
never silently cut."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli.app import app

LISTS = ["articles", "entities", "actors", "quotes", "times", "places", "events"]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> tuple[str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout, result.stderr


@pytest.mark.parametrize("command", LISTS)
def test_every_list_command_documents_its_limit_and_formats(runner: CliRunner, command: str) -> None:
    shown, _ = run(runner, command, "--help")
    assert "--limit" in shown and "default: 50 with --format table" in shown
    assert "table|json|jsonl|csv" in shown


def test_machine_formats_get_every_row_and_tables_say_when_cut(runner: CliRunner, demo_db: Path) -> None:
    db = ["--db", str(demo_db)]
    lines, note = run(runner, "places", *db, "--format", "jsonl")
    total = len(lines.splitlines())
    assert total > 50 and note == ""  # all rows, nothing to tell
    assert all(json.loads(line)["text"] for line in lines.splitlines())
    table, note = run(runner, "places", *db, "--format", "table")
    assert table.count("\n") > 50  # the table itself: 50 rows plus its frame
    assert "showing the first 50 rows" in note and "--limit 0" in note
    _, note = run(runner, "places", *db, "--format", "table", "--limit", "0")
    assert note == ""
    rows, note = run(runner, "places", *db, "--format", "csv", "--limit", "5")
    assert len(list(csv.DictReader(io.StringIO(rows)))) == 5 and "first 5 rows" in note
    rows, note = run(runner, "places", *db, "--format", "csv", "--limit", str(total))
    assert len(list(csv.DictReader(io.StringIO(rows)))) == total and note == ""  # exactly all: no note
    listed = json.loads(run(runner, "places", *db, "--format", "json")[0])
    assert len(listed) == total  # a JSON array is whole too


def test_articles_speak_every_format(runner: CliRunner, demo_db: Path) -> None:
    db = ["--db", str(demo_db)]
    rows = list(csv.DictReader(io.StringIO(run(runner, "articles", *db, "--format", "csv")[0])))
    assert len(rows) == 7 and {"id", "title", "published"} <= set(rows[0])
    found = json.loads(run(runner, "articles", *db, "--search", "grain", "--format", "json")[0])
    assert 0 < len(found) < 7 and "grain" in found[0]["title"].lower()  # best match first
    first, note = run(runner, "articles", *db, "--limit", "2", "--format", "jsonl")
    assert len(first.splitlines()) == 2 and "first 2 rows" in note
