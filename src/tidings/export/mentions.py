"""GDELT 2.0 Mentions table: one row per telling of each exported event.

GDELT's event table holds an event once; its Mentions table lists every article that told it,
joined on GLOBALEVENTID. Ours: for every row of the event export (:func:`gdelt_events`), one
mention per stored event of its cluster (each article's telling), with that article's time,
source, URL, the character offsets of the actors and the trigger in its text, the coder's
confidence, the document's length and tone. 16 tab-separated columns, no header (a header
file beside it), in the GDELT 2.0 codebook's order.

- ``MentionType``: 1 (WEB) for an article with an http(s) URL, else 2 (CITATIONONLY; the
  identifier is then the file it came from).
- ``SentenceID``: the sentence's number in the article (1 = first), counting sentence ends
  (``.``, ``!``, ``?`` before white space, and paragraph breaks) before it.
- ``Actor1CharOffset``/``Actor2CharOffset``: where the row's actor is named in that telling
  (-1 when that telling does not name it), ``ActionCharOffset`` the trigger's offset.
- ``InRawText``: 1 when both actors are named by their own words in the text, 0 when one was
  inferred (from a pronoun or the event's place).
- ``Confidence``: the coder's confidence in percent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tidings.export.events import ArticleFacts, roles
from tidings.export.gdelt import GdeltRow, gdelt_events
from tidings.export.tables import atomic_writer
from tidings.store.event_index import source_site

MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
MENTION_INTEGER = frozenset(
    {"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "SentenceID", "Actor1CharOffset",
     "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen"}
)  # fmt: skip
MENTION_FLOAT = frozenset({"MentionDocTone"})
WEB, CITATION_ONLY = 1, 2
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")
PRONOUNS = frozenset(
    ["he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "we", "us", "our", "i"]
)


def sentence_number(text: str, sentence_start: int) -> int:
    return len(_SENTENCE_END.findall(text, 0, max(0, sentence_start))) + 1


def gdelt_time(value: str | None) -> str:
    """An ISO date or time as GDELT's YYYYMMDDHHMMSS (UTC); '' when there is none."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%d%H%M%S")


def cluster_events(store: Any, row: GdeltRow) -> list[dict[str, Any]]:
    """Every stored telling of the row's event (its cluster), in article order."""
    if row.cluster is None:
        return [row.event]
    found = store.conn.execute(
        "SELECT f.data FROM event_index e JOIN facts f ON f.id = e.id WHERE e.cluster_id = ?"
        " ORDER BY f.article_id, f.start",
        (row.cluster.cluster_id,),
    )
    return [json.loads(data) for (data,) in found] or [row.event]


def _same_actor(ref: dict[str, Any] | None, candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The candidate naming the row's actor: same actor code, else the only candidate."""
    if not ref:
        return None
    code = ref.get("actor_code")
    for cand in candidates:
        if code and cand.get("actor_code") == code:
            return cand
    return candidates[0] if len(candidates) == 1 else None


def _in_raw_text(wanted: dict[str, Any] | None, found: dict[str, Any] | None, text: str) -> bool:
    """Is the row's actor named by its own words in this telling (not a pronoun, not inferred)?"""
    if wanted is None:
        return True  # no such actor in the row: nothing to find
    if found is None or found.get("start") is None:
        return False
    if found.get("basis"):
        return False  # e.g. "place": inferred from where the event happened
    return text[found["start"] : found["end"]].strip().lower() not in PRONOUNS


def mention_cells(row: GdeltRow, telling: dict[str, Any], facts: ArticleFacts) -> list[str]:
    aid = telling["article_id"]
    meta, text = facts.meta(aid), facts.text(aid)
    url = meta.get("url") or ""
    web = url.startswith(("http://", "https://"))
    sources, targets = roles(telling)
    actor1, actor2 = _same_actor(row.source, sources), _same_actor(row.target, targets)
    raw = _in_raw_text(row.source, actor1, text) and _in_raw_text(row.target, actor2, text)
    tone = facts.tone(aid)
    confidence = telling.get("confidence")
    cells = [
        str(row.event_id),
        row.cells[59],  # the event row's DATEADDED
        gdelt_time(meta.get("published")) or gdelt_time(meta.get("ingested_at")),
        str(WEB if web else CITATION_ONLY),
        source_site(meta.get("site"), meta.get("url"), meta.get("source")) or "",
        url if web else (url or meta.get("source") or ""),
        str(sentence_number(text, int(telling.get("sentence_start") or 0))),
        str(actor1["start"]) if actor1 and actor1.get("start") is not None else "-1",
        str(actor2["start"]) if actor2 and actor2.get("start") is not None else "-1",
        str(telling.get("start", -1)),
        "1" if raw else "0",
        "" if confidence is None else str(round(100 * float(confidence))),
        str(len(text)),
        "" if tone is None else f"{tone:.4f}",
        "",
        "",
    ]  # fmt: skip
    return [cell.replace("\t", " ").replace("\n", " ") for cell in cells]


def gdelt_mentions(store: Any, rows: Iterable[GdeltRow]) -> Iterator[list[str]]:
    facts = ArticleFacts(store)
    for row in rows:
        for telling in cluster_events(store, row):
            yield mention_cells(row, telling, facts)


def export_mentions(store: Any, output: Path, *, include_all: bool = False, min_confidence: float = 0.0) -> int:
    """The Mentions table of the events :func:`export_gdelt` writes (same filters, same ids)."""
    n = 0
    with atomic_writer(output) as fh:
        for cells in gdelt_mentions(store, gdelt_events(store, include_all=include_all, min_confidence=min_confidence)):
            fh.write("\t".join(cells) + "\n")
            n += 1
    header = output.with_name(output.name + ".header.tsv")
    with atomic_writer(header) as fh:
        fh.write("\t".join(MENTION_COLUMNS) + "\n")
    return n
