"""`tidings reannotate`: a new stage version recomputes only that stage's facts, once."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from tidings.config import Options
from tidings.facts.base import FactContext
from tidings.facts.events.stage import EventStage
from tidings.facts.registry import default_stages
from tidings.run.batch import Annotator
from tidings.run.ingest import ingest
from tidings.run.reannotate import reannotate
from tidings.store.sqlite import Store

TEXT = (
    "Chinese Foreign Minister Qin Gang met US Secretary of State Antony Blinken in Beijing on Sunday.\n\n"
    "Blinken criticised Beijing over its support for Russia, a State Department spokesman said."
)


class EventStageV2(EventStage):
    """The event stage after a version bump (its facts carry the new name)."""

    name = "tidings.events.coder.v2"

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        return {"events": [replace(e, stage=self.name) for e in super().__call__(ctx)["events"]]}


def facts_by_kind(store: Store) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for kind, fid, data in store.conn.execute("SELECT kind, id, data FROM facts ORDER BY kind, id"):
        out.setdefault(kind, []).append((fid, data))
    return out


def test_reannotate_replaces_only_the_bumped_stage(tmp_path: Path) -> None:
    page = tmp_path / "talks.txt"
    page.write_text(TEXT, "utf-8")
    db = tmp_path / "r.db"
    options = Options().with_overrides(store__db=str(db), extract__min_chars=1)
    report = ingest([str(page)], options=options, published="2023-06-18")
    assert report.stored == 1
    with Store.open(db) as store:
        before = facts_by_kind(store)
        assert before["events"]
        # nothing is stale for the stages that made the facts
        assert reannotate(store, options).stale == 0
        stages = [EventStageV2() if isinstance(s, EventStage) else s for s in default_stages(options)]
        bumped = Annotator(options, stages)
        done = reannotate(store, options, annotator=bumped)
        assert (done.stale, done.done) == (1, 1)
        after = facts_by_kind(store)
        assert {k: v for k, v in after.items() if k != "events"} == {k: v for k, v in before.items() if k != "events"}
        assert [json.loads(d)["stage"] for _, d in after["events"]] == ["tidings.events.coder.v2"] * len(
            after["events"]
        )
        assert len(after["events"]) == len(before["events"])
        assert store.conn.execute("SELECT stage FROM annotations WHERE kind='events'").fetchone()[0].endswith("v2")
        index = store.conn.execute("SELECT count(*) FROM event_index").fetchone()[0]
        assert index == len(after["events"])
        # idempotent: a second run finds nothing stale
        again = reannotate(store, options, annotator=bumped)
        assert (again.stale, again.done) == (0, 0)
        runs = [r[0] for r in store.conn.execute("SELECT command FROM runs ORDER BY started_at, rowid")]
        assert runs[0] == "ingest" and runs.count("reannotate") == 3


def test_a_stage_by_short_name_limits_what_is_recomputed(tmp_path: Path) -> None:
    page = tmp_path / "talks.txt"
    page.write_text(TEXT, "utf-8")
    db = tmp_path / "s.db"
    options = Options().with_overrides(store__db=str(db), extract__min_chars=1)
    ingest([str(page)], options=options, published="2023-06-18")
    with Store.open(db) as store:
        stages = [EventStageV2() if isinstance(s, EventStage) else s for s in default_stages(options)]
        done = reannotate(store, options, stage="quotes", annotator=Annotator(options, stages))
        assert (done.kinds, done.stale) == (["quotes"], 0)  # the events bump is not asked for
