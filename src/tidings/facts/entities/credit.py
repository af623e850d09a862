"""The news agency a wire dateline credits ("BEIJING, Dec. 16 (Xinhua)"), as an actor of the article.

The extractor keeps a dateline as metadata (``Article.extras["dateline"]``), out of the text, so
that a place in capitals heading a story is not read as an actor. The agency in its brackets is
still named by the article as its source: it is kept as an entity mention whose span indexes the
dateline (``Entity.credit``), not the text. An entity of the text with the same name ("Xinhua
reported") takes the credit; else the agency is an entity of its own, with no text mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tidings.extract.agencies import AGENCIES
from tidings.facts.actors.names import clean_key
from tidings.facts.actors.tables import ActorTables, org_country_sector
from tidings.ids import fact_id
from tidings.records import Entity, Span

# the bracketed credit closing a dateline: "(Xinhua)", "(AP)"
_CREDIT = re.compile(r"\((?P<name>[^()]{2,40})\)\s*$")
_GENERIC = frozenset({"agencies"})  # "(Agencies)" credits no one agency


def credit_span(dateline: object) -> tuple[str, Span] | None:
    """The agency a dateline credits (its name as the agencies table spells it) and its span in the
    dateline; None when the brackets hold no known agency."""
    if not isinstance(dateline, str):
        return None
    match = _CREDIT.search(dateline)
    if match is None:
        return None
    name = AGENCIES.get(" ".join(match.group("name").lower().split()))
    if name is None or name in _GENERIC:
        return None
    return name, Span(match.start("name"), match.end("name"))


def with_credit(
    entities: Sequence[Entity], article_id: str, dateline: object, tables: ActorTables, stage: str
) -> list[Entity]:
    """``entities`` with the dateline's credited agency: set on the text entity of the same name,
    else a new organisation entity coded as a news medium of the agency's home country."""
    found = credit_span(dateline)
    out = list(entities)
    if found is None:
        return out
    name, span = found
    key = clean_key(name)
    for n, e in enumerate(out):
        if e.kind == "ORG" and key in {clean_key(e.name), *(clean_key(a) for a in e.aliases)}:
            out[n] = replace(e, credit=span)
            return out
    known = tables.known_code(key)
    country, sector = org_country_sector(known) if known else (None, None)
    country = country or tables.publisher_country(name, None)  # Xinhua: CHN, by the publishers table
    sector = sector or "MED"  # an agency credited for a story is a news medium
    out.append(
        Entity(
            id=fact_id("entities", article_id, "ORG", key, -1),
            article_id=article_id,
            name=name,
            kind="ORG",
            actor_code=f"{country or ''}{sector}",
            country=country,
            sector=sector,
            stage=stage,
            credit=span,
        )
    )
    return out
