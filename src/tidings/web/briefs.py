"""The hook to the brief builder (issue "agenda and brief").

``tidings.briefs.build_brief(store, target) -> dict`` builds it (``target``: an article id,
``story:ID``, ``actor:NAME`` or ``dyad:AAA-BBB``); when that module is missing or knows no
such target, the pages say "brief not available".
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from tidings.errors import UsageError
from tidings.records import to_plain
from tidings.store.sqlite import Store

LOGGER = logging.getLogger(__name__)


def load_brief(store: Store, target: str) -> dict[str, Any] | None:
    """The brief as a JSON-ready dict, or None when no brief builder or no brief exists."""
    try:
        module = importlib.import_module("tidings.briefs.article")
    except ModuleNotFoundError as exc:
        if exc.name != "tidings.briefs.article":
            raise  # a broken brief module is a bug, not "no brief"
        return None
    build = getattr(module, "build_brief", None)
    if build is None:
        return None
    try:
        brief = build(store, target)
    except UsageError as exc:  # an unknown article, story, actor or dyad: no brief to show
        LOGGER.info("no brief for %r: %s", target, exc)
        return None
    if not brief:
        return None
    if not isinstance(brief, dict):
        brief = to_plain(brief)
    return brief if isinstance(brief, dict) else {"brief": brief}
