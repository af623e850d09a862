"""Render a brief (the dict from :func:`tidings.briefs.build_brief`) as plain text or
Markdown; dyad series are drawn as an SVG chart (cooperation up, conflict down, mean
Goldstein as a line) written beside the Markdown."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any


def _ref(line: dict[str, Any]) -> str:
    ev = line.get("evidence") or []
    return f"[{ev[0]['article_id']}:{ev[0]['start']}-{ev[0]['end']}]" if ev else ""


def _section(title: str, lines: list[str], md: bool) -> list[str]:
    if not lines:
        return []
    head = f"## {title}" if md else title.upper()
    bullet = "- " if md else "  * "
    return [head, *[bullet + ln for ln in lines], ""]


def render(brief: dict[str, Any], *, markdown: bool = False, plot_path: Path | None = None) -> str:
    md = markdown
    out: list[str] = []
    kind = brief["kind"]
    if kind in ("article", "story"):
        out += [
            f"# {brief.get('title') or brief['target']}" if md else (brief.get("title") or brief["target"]),
            f"published {brief.get('published') or 'unknown'}" + (f" · {brief['url']}" if brief.get("url") else ""),
            "",
        ]
        if brief.get("main_event"):
            out += _section("Main event", [f"{brief['main_event']['text']} {_ref(brief['main_event'])}"], md)
        out += _section("Planned meetings", [f"{m['text']} {_ref(m)}" for m in brief["planned_meetings"]], md)
        agenda = brief["agenda"]
        out += _section("Agenda", [f"{agenda['text']} {_ref(agenda)}"], md)
        out += _section("Key quotes", [f"{q['text']} {_ref(q)}" for q in brief["quotes"]], md)
        out += _section("Upcoming", [f"{u['text']} {_ref(u)}" for u in brief["upcoming"]], md)
        out += _section("Background (oldest first)", [f"{b['text']} {_ref(b)}" for b in brief["background"]], md)
        out += _section("Themes", [f"{t['label']} ({t['score']})" for t in brief["themes"]], md)
        if kind == "story":
            out += _section(
                "Copies of this story",
                [f"{c['site'] or '?'} — {c['title'] or ''} ({c['published'] or '?'})" for c in brief["copies"]],
                md,
            )
    elif kind == "dyad":
        out += [
            f"# {brief['target']}" if md else brief["target"],
            f"{brief['events']} {'/'.join(brief['factuality'])} events ({brief['copies']} copies) in "
            f"{brief['articles']} articles, per {brief['period']}",
            f"({brief['counts']})",
            "",
        ]
        if md and plot_path is not None and brief["series"]:
            plot_path.write_text(series_svg(brief["series"], title=brief["target"]), "utf-8")
            out += [
                f"![{brief['target']} cooperation and conflict per {brief['period']}]({plot_path.name})",
                "",
            ]
        rows = [
            f"{p['period']}: {p['events']} events, cooperation {p['cooperation']}, conflict {p['conflict']}, "
            f"mean Goldstein {p['goldstein_mean']:+.1f}"
            for p in brief["series"]
        ]
        out += _section("Cooperation and conflict over time", rows, md)
        out += _section("Top issues", [f"{i['label']} ({i['sentences']} sentences)" for i in brief["top_issues"]], md)
        out += _section("Key quotes", [f"{q['text']} {_ref(q)}" for q in brief["quotes"]], md)
    elif kind == "actor":
        out += [
            f"# {brief['name']}" if md else brief["name"],
            f"actor code {brief['actor_code'] or '?'}; seen in {brief['articles']} articles; "
            f"{brief['events']['as_source']} events as source, {brief['events']['as_target']} as target",
            "",
        ]
        out += _section("Aliases", brief["aliases"], md)
        out += _section("Roles", brief["roles"], md)
        out += _section("Events as source", [f"{e['text']} {_ref(e)}" for e in brief["events_as_source"]], md)
        out += _section("Events as target", [f"{e['text']} {_ref(e)}" for e in brief["events_as_target"]], md)
        out += _section("Quotes", [f"{q['text']} {_ref(q)}" for q in brief["quotes"]], md)
    return "\n".join(out).rstrip() + "\n"


def series_svg(series: list[dict[str, Any]], *, title: str, width: int = 720, height: int = 260) -> str:
    """Bars: cooperation above the axis, conflict below; a line for mean Goldstein (-10..10)."""
    pad, n = 40, max(1, len(series))
    top = max(1, max(max(p["cooperation"], p["conflict"]) for p in series))
    mid = height / 2
    bw = (width - 2 * pad) / n
    scale = (mid - pad / 2) / top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10">',
        f"<title>{escape(title)}: cooperation (up) and conflict (down)</title>",
        f'<line x1="{pad}" y1="{mid}" x2="{width - pad}" y2="{mid}" stroke="#444"/>',
    ]
    points = []
    for i, p in enumerate(series):
        x = pad + i * bw
        up, down = p["cooperation"] * scale, p["conflict"] * scale
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{mid - up:.1f}" width="{max(bw - 2, 1):.1f}" height="{up:.1f}" '
            f'fill="#2a9d8f"><title>{escape(p["period"])}: {p["cooperation"]} cooperation</title></rect>'
        )
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{mid:.1f}" width="{max(bw - 2, 1):.1f}" height="{down:.1f}" '
            f'fill="#e76f51"><title>{escape(p["period"])}: {p["conflict"]} conflict</title></rect>'
        )
        points.append(f"{x + bw / 2:.1f},{mid - p['goldstein_mean'] / 10 * (mid - pad / 2):.1f}")
        if n <= 24 or i % max(1, n // 12) == 0:
            parts.append(
                f'<text x="{x + bw / 2:.1f}" y="{height - 6}" text-anchor="middle">{escape(p["period"])}</text>'
            )
    if len(points) > 1:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#264653" stroke-width="1.5"/>')
    parts.append(
        f'<text x="{pad}" y="14">{escape(title)} — cooperation ▲ / conflict ▼ per period; '
        "line: mean Goldstein</text></svg>"
    )
    return "\n".join(parts)
