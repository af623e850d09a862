"""The cross-article identity fold: one actor per person and organisation, whatever the order."""

from __future__ import annotations

from typing import Any

from tidings.facts.actors.identity import fold_entities


def ent(
    name: str,
    art: str,
    kind: str = "PERSON",
    *,
    aliases: tuple[str, ...] = (),
    country: str | None = None,
    code: str | None = None,
    roles: tuple[tuple[str, str], ...] = (),
    named: bool = True,
) -> dict[str, Any]:
    return {
        "id": f"e-{art}-{name}",
        "article_id": art,
        "name": name,
        "kind": kind,
        "aliases": list(aliases),
        "roles": [{"title": t, "seen": s} for t, s in roles],
        "actor_code": code,
        "country": country,
        "sector": code[3:] if code else None,
        "named": named,
    }


def fold(items: list[tuple[dict[str, Any], str | None]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    return fold_entities(items)


def test_surname_first_still_joins_the_full_name_seen_later() -> None:
    rows, link = fold(
        [
            (ent("Obama", "a1", country="USA"), "2009-02-01"),
            (
                ent("Barack H. Obama", "a2", country="USA", code="USAGOV", roles=(("President", "2009-03-01"),)),
                "2009-03-01",
            ),
            (ent("President Obama", "a3", aliases=("Barack Obama",), country="USA"), "2009-04-01"),
        ]
    )
    assert len(rows) == 1
    (obama,) = rows
    assert obama["name"] == "Barack H. Obama" or obama["name"] == "Barack Obama"
    assert obama["articles"] == 3 and obama["country"] == "USA"
    assert set(link.values()) == {obama["key"]} and obama["key"] == "PERSON:barack obama"
    assert obama["roles"] == [{"title": "President", "first_seen": "2009-03-01", "seen": "2009-03-01"}]


def test_two_clintons_stay_two_and_a_bare_surname_is_decided_by_time_or_marked_ambiguous() -> None:
    rows, link = fold(
        [
            (ent("Bill Clinton", "a1", country="USA"), "1998-03-01"),
            (ent("Hillary Rodham Clinton", "a2", country="USA", aliases=("Hillary Clinton",)), "2010-05-01"),
            (ent("Clinton", "a3", country="USA"), "2010-06-01"),  # a decade from Bill: Hillary
            (ent("Clinton", "a4", country="USA"), None),  # no date: cannot tell
        ]
    )
    by_key = {r["key"]: r for r in rows}
    assert "PERSON:bill clinton" in by_key and "PERSON:hillary clinton" in by_key
    assert link["e-a3-Clinton"] == "PERSON:hillary clinton"
    assert link["e-a4-Clinton"] == "ambiguous:clinton" and by_key["ambiguous:clinton"]["ambiguous"]


def test_an_organisation_name_in_another_country_is_another_actor_and_unnamed_roles_are_groups() -> None:
    rows, link = fold(
        [
            (ent("Ministry of Commerce", "a1", "ORG", country="USA"), "2023-06-18"),
            (ent("Ministry of Commerce", "a2", "ORG", country="CHN"), "2023-06-19"),
            (ent("China's defense minister", "a1", "ROLE", country="CHN", code="CHNMIL", named=False), "2023-06-18"),
            (ent("Chinese military", "a3", "ROLE", country="CHN", code="CHNMIL", named=False), "2023-06-20"),
        ]
    )
    orgs = [r for r in rows if r["kind"] == "ORG"]
    assert len(orgs) == 2 and {r["country"] for r in orgs} == {"USA", "CHN"}
    assert {r["key"] for r in orgs} == {"ORG:ministry of commerce", "ORG:ministry of commerce (CHN)"}
    (group,) = [r for r in rows if r["kind"] == "GROUP"]  # one country and sector across articles
    assert group["key"] == "group:CHN-MIL" and group["articles"] == 2 and len(link) == 4


def test_organisations_join_by_name_alias_and_acronym_and_take_the_most_common_country() -> None:
    rows, _ = fold(
        [
            (ent("World Trade Organization", "a1", "ORG", code="IGOWTO"), "2018-01-01"),
            (ent("WTO", "a2", "ORG"), "2018-02-01"),
            (ent("the World Trade Organization", "a3", "ORG", code="IGOWTO"), "2018-03-01"),
        ]
    )
    assert len(rows) == 1 and rows[0]["articles"] == 3 and rows[0]["actor_code"] == "IGOWTO"


def test_country_is_the_majority_not_the_first_seen() -> None:
    rows, _ = fold(
        [
            (ent("Xi Jinping", "a1", country="USA"), "2018-01-01"),  # a miscoded article
            (ent("Xi Jinping", "a2", country="CHN"), "2018-01-02"),
            (ent("Xi Jinping", "a3", country="CHN"), "2018-01-03"),
        ]
    )
    assert len(rows) == 1 and rows[0]["country"] == "CHN"


def test_an_organisation_named_with_its_own_countrys_adjective_is_the_same_organisation() -> None:
    _, link = fold(
        [
            (ent("Japanese Ministry of Finance", "a1", "ORG", country="JPN", code="JPNGOV"), "2019-01-01"),
            (ent("Ministry of Finance", "a2", "ORG", country="JPN", code="JPNGOV"), "2019-02-01"),
            (ent("Ministry of Finance", "a3", "ORG", country="DEU", code="DEUGOV"), "2019-03-01"),
        ]
    )
    assert link["e-a1-Japanese Ministry of Finance"] == link["e-a2-Ministry of Finance"]
    assert link["e-a3-Ministry of Finance"] != link["e-a2-Ministry of Finance"]  # Germany's is another


def test_a_bodys_acronym_and_full_name_are_one_actor_where_one_abbreviates_the_other() -> None:
    from tidings.facts.actors.identity import abbreviates

    _rows, link = fold(
        [
            (ent("EU", "a1", "ORG", code="IGOEUREEC"), "2018-06-01"),
            (ent("European Union", "a2", "ORG", code="IGOEUREEC"), "2018-06-02"),
            (ent("European Commission", "a3", "ORG", code="IGOEUREEC"), "2018-06-03"),
            (ent("Association of Southeast Asian Nations", "a4", "ORG", code="IGOSEAASN"), "2015-02-28"),
            (ent("ASEAN", "a5", "ORG", code="IGOSEAASN"), "2015-03-01"),
        ]
    )
    assert link["e-a1-EU"] == link["e-a2-European Union"] != link["e-a3-European Commission"]
    assert link["e-a4-Association of Southeast Asian Nations"] == link["e-a5-ASEAN"]
    assert abbreviates("NATO", "North Atlantic Treaty Organization")
    assert not abbreviates("UN", "Security Council") and not abbreviates("EU", "Eurasian Economic Union")


def test_unnamed_officials_of_an_international_body_are_that_body() -> None:
    # "a WTO official said" (group:IGOBUSWTO) before the WTO is named in a later article: one actor
    _rows, link = fold(
        [
            (ent("official", "a1", "ROLE", code="IGOBUSWTO", named=False), "2018-06-01"),
            (ent("World Trade Organization", "a2", "ORG", code="IGOBUSWTO"), "2018-06-02"),
            (ent("officials", "a3", "ROLE", code="CHNGOV", country="CHN", named=False), "2018-06-03"),
        ]
    )
    assert link["e-a1-official"] == link["e-a2-World Trade Organization"]
    assert link["e-a3-officials"] == "group:CHN-GOV"  # a state's officials stay the state's group


def test_name_variants_sources_spell_differently_are_one_actor() -> None:
    """Diacritics, a given name split or hyphenated, a country's letters in an acronym, a country
    prefix before a one-word body the tables place, a NORP/ORG tag."""
    base = "2018-05-01"
    rows, link = fold(
        [
            (ent("Cecilia Malmström", "a1", country="SWE"), base),
            (ent("Cecilia Malmstrom", "a2"), base),
            (ent("Kim Jong-un", "a1", country="PRK"), base),
            (ent("Kim Jong Un", "a2", country="PRK"), base),
            (ent("Kim Jong-il", "a3", country="PRK"), base),
            (ent("U.S. International Trade Commission", "a1", "ORG", country="USA"), base),
            (ent("USITC", "a2", "ORG"), base),
            (ent("U.S. Congress", "a1", "ORG", country="USA", code="USALEG"), base),
            (ent("Congress", "a2", "ORG", country="USA", code="USALEG"), base),
            (ent("UK Treasury", "a1", "ORG", country="GBR"), base),
            (ent("Treasury", "a2", "ORG", country="USA"), base),
            (ent("Liberal Democrats", "a1", "NORP"), base),
            (ent("Liberal Democrats", "a2", "ORG"), base),
        ]
    )
    same = [
        ("e-a1-Cecilia Malmström", "e-a2-Cecilia Malmstrom"),
        ("e-a1-Kim Jong-un", "e-a2-Kim Jong Un"),
        ("e-a1-U.S. International Trade Commission", "e-a2-USITC"),
        ("e-a1-U.S. Congress", "e-a2-Congress"),
        ("e-a1-Liberal Democrats", "e-a2-Liberal Democrats"),
    ]
    for a, b in same:
        assert link[a] == link[b], (a, b)
    assert link["e-a3-Kim Jong-il"] != link["e-a1-Kim Jong-un"]  # his father: another name
    assert link["e-a1-UK Treasury"] != link["e-a2-Treasury"]  # the tables place no "treasury"
    assert len(rows) == 8


def test_a_news_agency_tagged_as_a_person_is_the_organisation() -> None:
    rows, link = fold(
        [
            (ent("Xinhua", "a1", "ORG", code="MED"), "2018-05-01"),
            (ent("Xinhua", "a2", "PERSON"), "2018-05-02"),  # the tagger's guess: a surname
            (ent("Obama", "a3", "PERSON", country="USA"), "2018-05-02"),  # a person the tables code
        ]
    )
    assert link["e-a1-Xinhua"] == link["e-a2-Xinhua"] == "ORG:xinhua"
    assert link["e-a3-Obama"].startswith("PERSON:") and len(rows) == 2


def test_groups_named_by_a_region_are_one_actor_across_articles() -> None:
    _, link = fold(
        [
            (dict(ent("European governments", "a1", "ROLE", code="GOV", named=False), sector="GOV"), "2018-05-01"),
            (dict(ent("European officials", "a2", "ROLE", code="GOV", named=False), sector="GOV"), "2018-05-02"),
            (dict(ent("the officials", "a3", "ROLE", code="GOV", named=False), sector="GOV"), "2018-05-02"),
        ]
    )
    assert link["e-a1-European governments"] == link["e-a2-European officials"] == "group:EUR-GOV"
    assert link["e-a3-the officials"] == "group:GOV@a3"  # nothing places them: their article's


def test_a_government_bodys_name_either_way_round_is_one_actor_within_its_country() -> None:
    day = "2018-05-01"
    rows, link = fold(
        [
            (ent("Ministry of Commerce", "a1", "ORG", country="CHN"), day),
            (ent("Chinese Commerce Ministry", "a2", "ORG", country="CHN"), day),
            (ent("Commerce Department", "a3", "ORG", country="USA"), day),
            (ent("Department of Commerce", "a4", "ORG", country="USA"), day),
            (ent("Department of the Treasury", "a5", "ORG", country="USA"), day),
            (ent("Treasury Department", "a6", "ORG", country="USA"), day),
            (ent("State Council Information Office of China", "a7", "ORG", country="CHN"), day),
            (ent("State Council Information Office", "a8", "ORG", country="CHN"), day),
        ]
    )
    assert link["e-a1-Ministry of Commerce"] == link["e-a2-Chinese Commerce Ministry"]
    assert link["e-a3-Commerce Department"] == link["e-a4-Department of Commerce"] != link["e-a1-Ministry of Commerce"]
    assert link["e-a5-Department of the Treasury"] == link["e-a6-Treasury Department"]
    assert link["e-a7-State Council Information Office of China"] == link["e-a8-State Council Information Office"]
    assert len(rows) == 4


def test_a_name_tagged_both_as_a_nationality_and_as_an_organisation_is_an_organisation() -> None:
    rows, _ = fold([(ent("ChAFTA", "a1", "NORP"), "2018-05-01"), (ent("ChAFTA", "a2", "ORG"), "2018-05-02")])
    assert [r["kind"] for r in rows] == ["ORG"]


def test_a_foreign_affairs_ministry_is_the_foreign_ministry_within_its_country() -> None:
    day = "2018-05-01"
    _, link = fold(
        [
            (ent("Ministry of Foreign Affairs", "a1", "ORG", country="CHN"), day),
            (ent("Foreign Ministry", "a2", "ORG", country="CHN"), day),
            (ent("Foreign Ministry", "a3", "ORG", country="FRA"), day),
        ]
    )
    assert link["e-a1-Ministry of Foreign Affairs"] == link["e-a2-Foreign Ministry"] != link["e-a3-Foreign Ministry"]


def test_a_company_named_without_its_group_word_is_the_same_company() -> None:
    day = "2018-05-01"
    _, link = fold(
        [
            (ent("Alibaba Group", "a1", "ORG", country="CHN"), day),
            (ent("Alibaba", "a2", "ORG"), day),
            (ent("Huawei", "a3", "ORG", country="CHN"), day),
            (ent("Huawei Technologies", "a4", "ORG", country="CHN"), day),
            (ent("Xinhua News Agency", "a5", "ORG", country="CHN"), day),
            (ent("Xinhua", "a6", "ORG", country="CHN"), day),
        ]
    )
    assert link["e-a5-Xinhua News Agency"] == link["e-a6-Xinhua"]
    assert link["e-a1-Alibaba Group"] == link["e-a2-Alibaba"]
    assert link["e-a3-Huawei"] == link["e-a4-Huawei Technologies"] != link["e-a1-Alibaba Group"]


def test_a_party_its_bare_name_and_its_members_plural_are_one_actor_but_two_one_word_names_are_not() -> None:
    day = "2018-05-01"
    _, link = fold(
        [
            (ent("Democrats", "a1", "NORP"), day),
            (ent("Democratic Party", "a2", "ORG", country="USA"), day),
            (ent("Republicans", "a3", "NORP"), day),
            (ent("Tories", "a4", "NORP"), day),
            (ent("Tory Party", "a5", "ORG"), day),
            (ent("Labour", "a6", "ORG"), day),
            (ent("Labour Party", "a7", "ORG"), day),
            (ent("Times", "a8", "ORG"), day),
            (ent("Time", "a9", "ORG"), day),
            (ent("Liberal Democrats", "a10", "NORP"), day),
        ]
    )
    assert link["e-a1-Democrats"] == link["e-a2-Democratic Party"] != link["e-a3-Republicans"]
    assert link["e-a4-Tories"] == link["e-a5-Tory Party"]
    assert link["e-a6-Labour"] == link["e-a7-Labour Party"]
    assert link["e-a8-Times"] != link["e-a9-Time"]  # one-word names meet only a party's name
    assert link["e-a10-Liberal Democrats"] != link["e-a1-Democrats"]


def test_a_partys_members_coded_with_its_country_are_the_party_not_the_state() -> None:
    day = "2018-05-01"
    _, link = fold(
        [
            (ent("Democrats", "a1", "NORP", country="USA", code="USAPTY"), day),
            (ent("Democratic Party", "a2", "ORG", country="USA", code="USAPTY"), day),
            (ent("Americans", "a3", "NORP", country="USA"), day),
        ]
    )
    assert link["e-a1-Democrats"] == link["e-a2-Democratic Party"] != link["e-a3-Americans"] == "state:USA"


def test_the_office_of_a_post_is_named_by_its_post() -> None:
    day = "2018-05-01"
    _, link = fold(
        [
            (ent("Office of the United States Trade Representative", "a1", "ORG", country="USA"), day),
            (ent("U.S. Trade Representative", "a2", "ORG", country="USA"), day),
            (ent("Office of the Historian", "a3", "ORG", country="USA"), day),
            (ent("Historian", "a4", "ORG", country="USA"), day),
        ]
    )
    assert link["e-a1-Office of the United States Trade Representative"] == link["e-a2-U.S. Trade Representative"]
    assert link["e-a3-Office of the Historian"] != link["e-a4-Historian"]  # one word after it: no post's name


def test_a_party_by_another_of_its_names_is_one_actor_within_its_country() -> None:
    day = "2005-01-10"
    _, link = fold(
        [
            (ent("Tories", "a1", "NORP", country="GBR", code="GBRPTY"), day),
            (ent("Conservatives", "a2", "NORP", country="GBR", code="GBRPTY"), day),
            (ent("Lib Dems", "a3", "ORG", country="GBR", code="GBRPTY"), day),
            (ent("Liberal Democrats", "a4", "NORP", country="GBR", code="GBRPTY"), day),
            (ent("New Labour", "a5", "ORG", country="GBR", code="GBRPTY"), day),
            (ent("Labour", "a6", "ORG", country="GBR", code="GBRPTY"), day),
            (ent("GOP", "a7", "ORG", country="USA", code="USAPTY"), day),
            (ent("Republicans", "a8", "NORP", country="USA", code="USAPTY"), day),
            (ent("Conservatives", "a9", "NORP", country="CAN", code="CANPTY"), day),
        ]
    )
    assert link["e-a1-Tories"] == link["e-a2-Conservatives"]
    assert link["e-a3-Lib Dems"] == link["e-a4-Liberal Democrats"] != link["e-a1-Tories"]
    assert link["e-a5-New Labour"] == link["e-a6-Labour"] != link["e-a3-Lib Dems"]
    assert link["e-a7-GOP"] == link["e-a8-Republicans"]
    assert link["e-a9-Conservatives"] != link["e-a2-Conservatives"]  # Canada's is another party


def test_a_broadcasters_channel_or_bureau_is_the_broadcaster() -> None:
    day = "2005-01-10"
    _, link = fold(
        [
            (ent("BBC", "a1", "ORG", country="GBR", code="GBRMED"), day),
            (ent("BBC News", "a2", "ORG", country="GBR", code="GBRMED"), day),
            (ent("BBC Radio Scotland", "a3", "ORG", country="GBR", code="GBRMED"), day),
            (ent("Times Educational Supplement", "a4", "ORG", country="GBR", code="GBRMED"), day),
            (ent("Times", "a5", "ORG", country="GBR", code="GBRMED"), day),
            (ent("NHS Direct", "a6", "ORG", country="GBR"), day),
            (ent("NHS", "a7", "ORG", country="GBR"), day),
        ]
    )
    assert link["e-a1-BBC"] == link["e-a2-BBC News"] == link["e-a3-BBC Radio Scotland"]
    assert link["e-a4-Times Educational Supplement"] != link["e-a5-Times"]  # no acronym: a paper of its own
    assert link["e-a6-NHS Direct"] != link["e-a7-NHS"]  # not a news organisation
