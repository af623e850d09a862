"""Briefs on the web: :func:`tidings.briefs.build_brief` (``target``: an article id, ``story:ID``,
``actor:NAME`` or ``dyad:AAA-BBB``) and its page view: headings, one line per fact in words
(human names for every code), the dyad chart, and evidence links that open the article scrolled
to the quoted span."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from tidings.briefs import build_brief
from tidings.errors import UsageError
from tidings.store.sqlite import Store
from tidings.web.chart import fill_gaps, layout
from tidings.web.labels import FACTUALITY_NAMES, Labels

LOGGER = logging.getLogger(__name__)


def load_brief(store: Store, target: str) -> dict[str, Any] | None:
    """The brief as a JSON-ready dict, or None when there is no such article, story, actor or dyad."""
    try:
        return build_brief(store, target)
    except UsageError as exc:  # an unknown article, story, actor or dyad: no brief to show
        LOGGER.info("no brief for %r: %s", target, exc)
        return None


def evidence_links(line: dict[str, Any]) -> list[dict[str, str]]:
    out = []
    for ev in line.get("evidence") or ():
        if int(ev["end"]) <= int(ev["start"]):  # no words to point at
            continue
        href = f"/articles/{quote(str(ev['article_id']), safe='')}?span={int(ev['start'])}-{int(ev['end'])}#evidence"
        out.append({"href": href, "text": str(ev.get("text") or "")})
    return out


def _who(ref: dict[str, Any] | None, labels: Labels) -> str:
    if not ref:
        return "someone"
    name = str(ref.get("name") or ref.get("actor_code") or "someone")
    country = ref.get("country")
    return f"{name} ({labels.country(country)})" if country and labels.country(country) not in name else name


def event_words(line: dict[str, Any], labels: Labels) -> str:
    """An event line in words: who, did what (PLOVER type, CAMEO name), to whom, when, where."""
    what = labels.plover_name(line.get("plover_event"))
    if line.get("cameo_code"):
        what += f" ({labels.cameo(line['cameo_code'])})"
    words = f"{_who(line.get('source'), labels)} — {what}"
    if line.get("target"):
        words += f" — {_who(line['target'], labels)}"
    if line.get("date"):
        words += f", {line['date']}"
    if line.get("place"):
        words += f", in {line['place']}"
    if line.get("factuality") and line["factuality"] != "asserted":
        words += f" [{FACTUALITY_NAMES.get(line['factuality'], line['factuality']).lower()}]"
    return words


def _lines(items: Any, labels: Labels, events: bool = False) -> list[dict[str, Any]]:
    out = []
    for x in items or ():
        if not isinstance(x, dict):
            continue
        text = event_words(x, labels) if events and "event_id" in x else str(x.get("text") or "")
        out.append({"text": text, "evidence": evidence_links(x)})
    return out


def brief_view(brief: dict[str, Any], labels: Labels) -> dict[str, Any]:
    """Headline, facts line and sections of a brief, in the order a reader wants them."""
    kind = brief.get("kind")
    sections: list[tuple[str, list[dict[str, Any]]]] = []
    chart = None
    facts: list[str] = []
    if kind in ("article", "story"):
        title = str(brief.get("title") or brief.get("target"))
        facts = [f"published {brief.get('published') or 'on an unknown day'}"]
        main = [brief["main_event"]] if brief.get("main_event") else []
        sections = [
            ("Main event", _lines(main, labels, events=True)),
            ("Planned meetings", _lines(brief.get("planned_meetings"), labels)),
            ("Agenda", _lines([brief["agenda"]] if brief.get("agenda") else [], labels)),
            ("Key quotes", _lines(brief.get("quotes"), labels)),
            ("Upcoming", _lines(brief.get("upcoming"), labels)),
            ("Background, oldest first", _lines(brief.get("background"), labels, events=True)),
            (
                "Themes",
                [{"text": f"{t['label']} (score {t['score']})", "evidence": []} for t in brief.get("themes", ())],
            ),
        ]
        if kind == "story":
            copies = [
                {"text": f"{c.get('site') or '?'} — {c.get('title') or ''} ({c.get('published') or '?'})",
                 "evidence": [{"href": f"/articles/{quote(str(c['article_id']), safe='')}", "text": "read"}]}
                for c in brief.get("copies", ())
            ]  # fmt: skip
            sections.append(("Copies of this story", copies))
    elif kind == "dyad":
        a, _, b = str(brief["target"]).partition("-")
        title = f"{labels.country(a)} and {labels.country(b)}"
        span = " – ".join(x for x in (brief.get("since"), brief.get("until")) if x)
        facts = [
            f"{brief['events']} {'/'.join(brief['factuality'])} events ({brief['copies']} copies) in "
            f"{brief['articles']} articles, per {brief['period']}" + (f", {span}" if span else ""),
            str(brief.get("counts") or ""),
        ]
        series = [{**p, "bucket": p["period"]} for p in brief.get("series", ())]
        chart = layout(fill_gaps(series, brief.get("period") or "month"))
        sections = [
            ("Top issues", [{"text": f"{i['label']} ({i['sentences']} sentences)", "evidence": []}
                            for i in brief.get("top_issues", ())]),
            ("Key quotes", _lines(brief.get("quotes"), labels)),
            ("Latest events", _lines(list(reversed(brief.get("timeline", ()))), labels, events=True)),
        ]  # fmt: skip
    else:  # actor
        title = str(brief.get("name") or brief.get("target"))
        ev = brief.get("events") or {}
        facts = [
            f"actor code {brief.get('actor_code') or 'unknown'}; seen in {brief.get('articles')} articles; "
            f"{ev.get('as_source', 0)} events as source, {ev.get('as_target', 0)} as target",
        ]
        sections = [
            ("Also known as", [{"text": a, "evidence": []} for a in brief.get("aliases", ())]),
            ("Roles", [{"text": r, "evidence": []} for r in brief.get("roles", ())]),
            ("Key quotes", _lines(brief.get("quotes"), labels)),
            ("Events as source", _lines(brief.get("events_as_source"), labels, events=True)),
            ("Events as target", _lines(brief.get("events_as_target"), labels, events=True)),
        ]
    return {
        "title": title,
        "kind": kind,
        "facts": [f for f in facts if f],
        "chart": chart,
        "sections": [(h, lines) for h, lines in sections if lines],
        "url": brief.get("url"),
    }
