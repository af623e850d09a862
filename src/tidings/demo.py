"""`tidings demo`: ingest the bundled sample pages (written for tidings) and show what was
found: articles, the actors, quotes and events of one story, and its brief."""

from __future__ import annotations

from importlib import resources
from itertools import islice
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from tidings.briefs import build_brief
from tidings.briefs.render import render
from tidings.cli.facts import event_rows, place_rows, quote_rows, time_rows
from tidings.config import Options
from tidings.run.ingest import ingest
from tidings.store import reads
from tidings.store.clusters import cluster_rows
from tidings.store.sqlite import Store


def sample_dir() -> Path:
    return Path(str(resources.files("tidings").joinpath("samples")))


def run_demo(db: str, out: Console, err: Console, folder: Path | None = None) -> int:
    """Ingest the samples (of ``folder``, default the bundled ones) and show them; 1 when any
    sample was rejected or had its facts skipped."""
    folder = folder or sample_dir()
    samples = sorted(p for p in folder.iterdir() if p.suffix in (".html", ".txt", ".jsonl"))
    err.print(f"ingesting {len(samples)} sample pages from {folder} into {db}")
    report = ingest([str(p) for p in samples], db=db, options=Options())
    err.print(
        f"{report.stored} stored, {sum(report.rejected.values())} rejected in {report.seconds:.1f}s; "
        "facts: " + ", ".join(f"{k} {v}" for k, v in sorted(report.facts.items()))
    )
    failed = {**report.rejected, **{f"facts {code}": n for code, n in report.facts_skipped.items()}}
    if failed:
        # every sample is an English news page that must go through: anything else is a broken
        # install (a missing dependency rejects every page) or a bug, never a demo
        err.print("[red]demo failed:[/red] " + ", ".join(f"{code} {n}" for code, n in sorted(failed.items())))
        with Store.open(db, readonly=True) as store:
            for origin, code, detail in store.rejections(limit=10):
                err.print(f"  {origin}: {code} {detail}", markup=False)
        return 1
    with Store.open(db, readonly=True) as store:
        table = Table("id", "published", "from", "site", "section", "wire", "title", title="Articles")
        for row in store.articles():
            art = store.article(row["id"])
            assert art is not None
            table.add_row(
                art.id,
                (art.published or "")[:10],
                art.published_from or "",
                art.site or "",
                art.section or "",
                ",".join(art.wire),
                art.title or "",
            )
        out.print(table)
        visit = next((r for r in store.articles() if "visit" in (r["title"] or "").lower()), None)
        if visit is None:
            return 0
        art_id = visit["id"]
        out.rule(f"One story: {visit['title']}")
        ents = Table("entity", "kind", "actor code", "roles", title="Who (tidings entities ID)")
        for e in list(store.facts("entities", art_id))[:12]:
            ents.add_row(e["name"], e["kind"], e.get("actor_code") or "", "; ".join(r["title"] for r in e["roles"]))
        out.print(ents)
        quotes = Table("speaker", "kind", "quote", title="Who said what (tidings quotes ID)")
        for q in list(quote_rows(store, art_id, None))[:8]:
            quotes.add_row((q["speaker"] or {}).get("name") or "(unknown)", q["kind"], q["text"][:100])
        out.print(quotes)
        when = Table("words", "date", "place", "country", title="When and where (tidings times ID / places ID)")
        times = [(t["text"], t["value"] or "") for t in time_rows(store, art_id)][:6]
        places = list(
            dict.fromkeys((p["text"], p["name"] or "", p["country"] or "") for p in place_rows(store, art_id))
        )[:6]
        for text, value in times:
            when.add_row(text, value, "", "")
        for text, name, country in places:
            when.add_row(text, "", name, country)
        out.print(when)
        events = Table(
            "date",
            "source",
            "event",
            "target",
            "CAMEO",
            "factuality",
            "place",
            title="Who did what to whom (tidings events ID)",
        )
        for e in list(event_rows(store, art_id, None, None))[:12]:
            events.add_row(
                e["date"] or "",
                (e["source"] or {}).get("name") or "",
                f"{e['trigger']} ({e['plover_event']})",
                (e["target"] or {}).get("name") or "",
                e["cameo_code"] or "",
                e["factuality"],
                (e["place"] or {}).get("name") or "",
            )
        out.print(events)
        out.rule("The brief (tidings brief ID --format markdown)")
        out.print(render(build_brief(store, art_id), markdown=True), markup=False)
        _clusters(store, out)
        _actors(store, out)
    out.print(
        "Try: tidings articles --search trade | tidings show ID --format json | tidings brief ID --format json"
        " | tidings events --clusters | tidings actors NAME"
    )
    return 0


def _clusters(store: Store, out: Console, limit: int = 8) -> None:
    """The most-told events of the store: two sample sites report Donovan's arrival in Beijing,
    so that visit is one cluster of two articles from two sources."""
    table = Table(title="Events across articles (tidings events --clusters)", box=box.SIMPLE_HEAD, pad_edge=False)
    for name, width in (
        ("date", 10),
        ("dyad", 7),
        ("root", 4),
        ("PLOVER", 9),
        ("articles", 4),
        ("sites", 5),
        ("mentions", 4),
        ("trigger", 8),
    ):
        table.add_column(name, no_wrap=True, min_width=width)
    for c in islice(cluster_rows(store.conn, factuality="asserted"), limit):
        kind = ((c["first_date"] or "")[:10], c["dyad"], c["cameo_root"] or "", c["plover_event"] or "")
        counts = (str(c["num_articles"]), str(c["num_sources"]), str(c["num_mentions"]))
        table.add_row(*kind, *counts, c["example"].get("trigger") or "")
    out.print(table)


def _actors(store: Store, out: Console, limit: int = 8) -> None:
    """The cross-article actor table: one actor whatever name an article used ("Wang Yi",
    "Wang", "China's foreign minister"), with its code and the articles it is in."""
    table = Table("actor", "code", "articles", "aliases", title="Actors across articles (tidings actors)")
    for a in reads.actor_list(store.conn, None, limit):
        table.add_row(a["name"], a["actor_code"] or "", str(a["articles"]), ", ".join(a["aliases"][:4]))
    out.print(table)
