"""`tidings demo`: ingest the bundled sample pages and show what was found."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tidings.config import Options
from tidings.pipeline import ingest
from tidings.store.sqlite import Store


def sample_dir() -> Path:
    return Path(str(resources.files("tidings").joinpath("samples")))


def run_demo(db: str, out: Console, err: Console) -> int:
    samples = sorted(p for p in sample_dir().iterdir() if p.suffix in (".html", ".txt", ".jsonl"))
    err.print(f"ingesting {len(samples)} sample pages from {sample_dir()} into {db}")
    report = ingest([str(p) for p in samples], db=db, options=Options())
    err.print(f"{report.stored} stored, {sum(report.rejected.values())} rejected in {report.seconds:.1f}s")
    with Store.open(db, readonly=True) as store:
        table = Table("id", "published", "site", "section", "title", title="Articles")
        for row in store.articles():
            art = store.article(row["id"])
            assert art is not None
            table.add_row(
                art.id, (art.published or "")[:10], art.site or "", art.section or "", art.title or ""
            )
        out.print(table)
        counts = store.counts()
        out.print("stored: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        for row in list(store.articles())[:1]:
            art = store.article(row["id"])
            assert art is not None
            wire = ", ".join(art.wire) or "-"
            out.print(
                f"\n{art.title}  ({len(art.paragraphs)} blocks, wire: {wire})", style="bold", markup=False
            )
            for p in art.paragraphs[:3]:
                out.print(("## " if p.kind == "heading" else "") + p.text, markup=False)
    out.print("\nTry: tidings articles --search <words>   tidings show <id> --format json")
    return 0
