"""Answer "what's going on?" from stored facts: briefs for an article, a story, an actor or a
pair of countries. Every line is built from extracted facts and carries its evidence (article id
and character offsets); nothing is written that is not in a stored fact or the words it points at.
"""

from __future__ import annotations

import json
from typing import Any

from tidings.briefs.actor import actor_brief
from tidings.briefs.article import article_brief
from tidings.briefs.dyad import dyad_brief
from tidings.errors import UsageError
from tidings.store.sqlite import Store


def build_brief(store: Store, target: str, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """``target``: an article id, ``story:ID``, ``actor:NAME`` or ``dyad:AAA-BBB``."""
    kind, _, value = target.partition(":")
    if not value:
        return article_brief(store, target)
    if kind == "story":
        rows = store.conn.execute(
            "SELECT id, site, url, title, published FROM articles WHERE story_id=? ORDER BY published, id",
            (value,),
        ).fetchall()
        if not rows:
            raise UsageError(f"no story {value!r}", code="T211")
        brief = article_brief(store, rows[0][0])
        brief.update(
            kind="story",
            target=value,
            copies=[{"article_id": r[0], "site": r[1], "url": r[2], "title": r[3], "published": r[4]} for r in rows],
        )
        return brief
    if kind == "dyad":
        return dyad_brief(store, value, since=since, until=until)
    if kind == "actor":
        return actor_brief(store, value, since=since, until=until)
    raise UsageError(f"unknown brief target {target!r}: use ID, story:ID, actor:NAME or dyad:AAA-BBB", code="T212")


def to_json(brief: dict[str, Any]) -> str:
    return json.dumps(brief, ensure_ascii=False, indent=2)
