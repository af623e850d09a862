"""merge_entities: the cross-article entity table the store keeps."""

from __future__ import annotations

import copy

from tidings.facts.actors.identity import merge_entities
from tidings.records import Entity, Role


def ent(
    name: str,
    kind: str = "PERSON",
    *,
    aliases: tuple[str, ...] = (),
    country: str | None = None,
    code: str | None = None,
    roles: tuple[Role, ...] = (),
    named: bool = True,
    art: str = "a1",
) -> Entity:
    return Entity(
        id=f"e-{art}-{name}",
        article_id=art,
        name=name,
        kind=kind,
        aliases=aliases,
        roles=roles,
        actor_code=code,
        country=country,
        sector=code[3:] if code else None,
        named=named,
    )


def test_new_article_adds_rows_and_skips_unnamed() -> None:
    rows = merge_entities(
        [],
        [
            ent(
                "Antony Blinken",
                aliases=("Blinken",),
                country="USA",
                code="USAGOV",
                roles=(Role("US Secretary of State", "2023-06-18"),),
            ),
            ent("China’s defense minister", "ROLE", country="CHN", code="CHNMIL", named=False),
            ent("China", "GPE", country="CHN", code="CHN"),
        ],
        seen="2023-06-18",
    )
    assert [r["name"] for r in rows] == ["Antony Blinken", "China"]
    blinken = rows[0]
    assert blinken["key"] == "PERSON:antony blinken"
    assert blinken["roles"] == [{"title": "US Secretary of State", "seen": "2023-06-18"}]
    assert (blinken["actor_code"], blinken["country"], blinken["articles"]) == ("USAGOV", "USA", 1)
    assert blinken["first_seen"] == blinken["last_seen"] == "2023-06-18"


def test_later_articles_merge_by_name_alias_and_surname() -> None:
    first = merge_entities(
        [],
        [
            ent(
                "Antony Blinken",
                aliases=("Blinken",),
                country="USA",
                code="USAGOV",
                roles=(Role("US Secretary of State", "2023-06-18"),),
            )
        ],
        seen="2023-06-18",
    )
    before = copy.deepcopy(first)
    second = merge_entities(
        first,
        [
            ent("Blinken", country="USA", roles=(Role("Secretary of State", "2023-06-20"),), art="a2"),
            ent("Tony Blinken", country="GBR", art="a2"),  # different country: another person
        ],
        seen="2023-06-20",
    )
    assert first == before  # inputs are not mutated
    assert len(second) == 2
    row = second[0]
    assert row["name"] == "Antony Blinken" and row["articles"] == 2
    assert [r["seen"] for r in row["roles"]] == ["2023-06-18", "2023-06-20"]
    assert (row["first_seen"], row["last_seen"]) == ("2023-06-18", "2023-06-20")
    assert second[1]["country"] == "GBR"


def test_orgs_merge_by_alias_key_and_kind_matters() -> None:
    rows = merge_entities([], [ent("Microsoft Corp.", "ORG", aliases=("Microsoft",), code="MNCUSA")])
    rows = merge_entities(rows, [ent("Microsoft", "ORG", art="a2"), ent("Microsoft", "PERSON", art="a2")])
    assert [(r["name"], r["kind"], r["articles"]) for r in rows] == [
        ("Microsoft Corp.", "ORG", 2),
        ("Microsoft", "PERSON", 1),
    ]
