"""Cross-article entity table: merge one article's entities into the rows seen so far.

The store calls :func:`merge_entities` with the rows it holds (plain dicts, e.g. from SQLite) and
the :class:`~tidings.records.Entity` records of a new article; it gets back the complete new list of
rows (inputs are not mutated) and writes what changed. Row shape (all JSON-ready)::

    {"key": "PERSON:antony blinken",   # stable: kind + normalised canonical name
     "name": "Antony Blinken", "kind": "PERSON",
     "aliases": ["Blinken", ...], "actor_code": "USAGOV", "country": "USA", "sector": "GOV",
     "roles": [{"title": "US Secretary of State", "seen": "2023-06-18"}, ...],
     "articles": 3, "first_seen": "2023-06-18", "last_seen": "2023-06-20"}

Matching (same kind only): the normalised canonical name or any alias equals a row's name or alias
key, with compatible countries (equal, or one unknown); a one-word PERSON name ("Blinken") joins the
single row whose full name ends or starts with it. Unnamed role-holders ("China's defense minister")
stay per article and are skipped. The longest name form becomes the row's name; the key stays.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from tidings.facts.actors.names import clean_key, person_key
from tidings.records import Entity


def _key(name: str, kind: str) -> str:
    return person_key(name) if kind == "PERSON" else clean_key(name)


def _compatible(row: Mapping[str, Any], entity: Entity) -> bool:
    return not row.get("country") or not entity.country or row["country"] == entity.country


def _find(rows: list[dict[str, Any]], index: dict[tuple[str, str], int], entity: Entity) -> int | None:
    forms = [_key(entity.name, entity.kind), *(_key(a, entity.kind) for a in entity.aliases)]
    for form in forms:
        pos = index.get((entity.kind, form))
        if pos is not None and _compatible(rows[pos], entity):
            return pos
    own = forms[0].split()
    if entity.kind == "PERSON" and len(own) == 1:
        cands = [
            n
            for n, row in enumerate(rows)
            if row["kind"] == "PERSON"
            and _compatible(row, entity)
            and own[0] in (_key(row["name"], "PERSON").split()[0], _key(row["name"], "PERSON").split()[-1])
            and len(_key(row["name"], "PERSON").split()) > 1
        ]
        if len(cands) == 1:
            return cands[0]
    return None


def merge_entities(
    existing: Sequence[Mapping[str, Any]], new: Sequence[Entity], seen: str | None = None
) -> list[dict[str, Any]]:
    """Rows after adding one article's named entities (see the module docstring).

    ``seen`` is the article date (ISO); it defaults to the roles' ``seen`` dates."""
    rows = [copy.deepcopy(dict(r)) for r in existing]
    index: dict[tuple[str, str], int] = {}

    def remember(pos: int) -> None:
        row = rows[pos]
        for form in (row["name"], *row.get("aliases", ())):
            index.setdefault((row["kind"], _key(form, row["kind"])), pos)

    for existing_pos in range(len(rows)):
        remember(existing_pos)
    for entity in new:
        if not entity.named:
            continue
        date = seen or next((r.seen for r in entity.roles if r.seen), None)
        found = _find(rows, index, entity)
        if found is None:
            rows.append(
                {
                    "key": f"{entity.kind}:{_key(entity.name, entity.kind)}",
                    "name": entity.name,
                    "kind": entity.kind,
                    "aliases": [],
                    "actor_code": None,
                    "country": None,
                    "sector": None,
                    "roles": [],
                    "articles": 0,
                    "first_seen": date,
                    "last_seen": date,
                }
            )
            found = len(rows) - 1
        pos = found
        row = rows[pos]
        names = [row["name"], *row["aliases"], entity.name, *entity.aliases]
        longest = max(names, key=lambda n: (len(_key(n, entity.kind).split()), len(n)))
        row["name"] = longest
        row["aliases"] = sorted({n for n in names if n != longest})
        for field in ("actor_code", "country", "sector"):
            row[field] = row.get(field) or getattr(entity, field)
        titles = {(r["title"], r.get("seen")) for r in row["roles"]}
        for role in entity.roles:
            item = (role.title, role.seen or date)
            if item not in titles:
                titles.add(item)
                row["roles"].append({"title": item[0], "seen": item[1]})
        row["articles"] = int(row.get("articles", 0)) + 1
        if date:
            row["first_seen"] = min(filter(None, (row.get("first_seen"), date)))
            row["last_seen"] = max(filter(None, (row.get("last_seen"), date)))
        remember(pos)
    return rows
