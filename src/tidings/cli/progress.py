"""The ingest progress bar: documents done of the total, rate and time left, on stderr.

The total is known before the run when every input is a file whose document count can be
read cheaply (a page is one document, a JSON-lines file one per non-empty line); with stdin,
URLs, feeds, web archives or compressed files it is not, and the bar shows counts and rate
only. Counting reads each file's first bytes (JSON-lines files whole, as the run will).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from tidings.run.ingest import IngestReport
from tidings.sources.files import expand, is_url
from tidings.sources.sniff import GZIP_MAGIC, sniff
from tidings.sources.warc import is_archive


class RateColumn(ProgressColumn):
    """Documents per second: over rich's moving window of samples, else over the whole run."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if speed is None and task.completed and task.elapsed:
            speed = task.completed / task.elapsed
        return Text("" if speed is None else f"{speed:.1f} docs/s", style="progress.data.speed")


def file_documents(path: Path) -> int | None:
    """How many documents a file holds, when that is cheap to know; else None."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(GZIP_MAGIC) or is_archive(head[:512]):
        return None
    kind = sniff(head, path.name)
    if kind in ("html", "text"):
        return 1
    if kind == "jsonl":
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    return None  # feeds: their items are known once parsed


def input_total(inputs: Iterable[str], input_format: str = "auto") -> int | None:
    """The number of documents the inputs hold, or None when it cannot be known up front."""
    if input_format not in ("auto", "html", "text"):
        return None
    total = 0
    for item in expand(inputs):
        if isinstance(item, str) and (item == "-" or is_url(item)):
            return None
        if not isinstance(item, str):
            total += 1  # a missing input: one rejection
            continue
        try:
            found = 1 if input_format != "auto" else file_documents(Path(item))
        except OSError:
            found = 1  # unreadable: one rejection
        if found is None:
            return None
        total += found
    return total


def done(report: IngestReport) -> int:
    """Documents finished (stored, skipped on resume, or rejected)."""
    return report.stored + report.skipped + sum(report.rejected.values())


def ingest_progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


def describe(report: IngestReport) -> str:
    return f"{report.stored} stored, {sum(report.rejected.values())} rejected"
