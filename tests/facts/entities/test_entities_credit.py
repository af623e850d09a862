"""A news agency credited in a wire dateline kept as metadata is an actor mention of its article."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tidings.cli.app import app
from tidings.facts.actors.tables import load_tables
from tidings.facts.entities.credit import credit_span, with_credit
from tidings.records import Entity, Span


def test_the_credit_is_the_known_agency_in_the_closing_brackets() -> None:
    assert credit_span("BEIJING, Dec. 16 (Xinhua)") == ("Xinhua", Span(18, 24))
    assert credit_span("WASHINGTON (Reuters)") == ("Reuters", Span(12, 19))
    assert credit_span("SEOUL, South Korea") is None  # no credit
    assert credit_span("PARIS (Agencies)") is None  # no one agency
    assert credit_span("LONDON (Smith)") is None  # brackets, but no agency
    assert credit_span(None) is None


def test_the_credit_joins_the_agency_named_in_the_text_else_is_an_entity_of_its_own() -> None:
    tables = load_tables()
    alone = with_credit([], "a1", "BEIJING, Dec. 16 (Xinhua)", tables, "s")
    assert [(e.name, e.kind, e.country, e.sector, e.credit, e.mentions) for e in alone] == [
        ("Xinhua", "ORG", "CHN", "MED", Span(18, 24), ())
    ]
    named = Entity("e1", "a1", "Xinhua", "ORG", mentions=(Span(0, 6),))
    joined = with_credit([named], "a1", "BEIJING, Dec. 16 (Xinhua)", tables, "s")
    assert len(joined) == 1 and joined[0].credit == Span(18, 24) and joined[0].mentions == (Span(0, 6),)
    assert with_credit([named], "a1", "BEIJING", tables, "s") == [named]


def test_the_cli_shows_the_credit_as_a_mention_of_one_cross_article_actor(tmp_path: Path) -> None:
    rows = [
        {"id": "t1", "text": "BEIJING, Dec. 16 (Xinhua) -- China's Ministry of Commerce expressed regret on Friday."},
        {"id": "t2", "text": "BEIJING, Dec. 17 (Xinhua) -- Xinhua reported that the ministry would appeal."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(dict(r, published="2016-12-16")) + "\n" for r in rows), "utf-8")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(src), "--db", db]).exit_code == 0
    out = runner.invoke(app, ["entities", "--db", db, "--format", "jsonl"]).stdout
    credited = [e for e in map(json.loads, out.splitlines()) if e["credit"]]
    assert [(e["actor"], e["credit"]["text"], e["credit"]["field"]) for e in credited] == [
        ("ORG:xinhua", "Xinhua", "dateline"),
        ("ORG:xinhua", "Xinhua", "dateline"),
    ]
    assert sorted(len(e["mentions"]) for e in credited) == [0, 1]  # one also named in its text
