"""Actor uses inside one article: states through their governments, groups per country and from
context, descriptions and pronouns of organisations and states, refused mentions flagged."""

from __future__ import annotations

from tidings.facts.actors.coder import ActorCoder
from tidings.facts.entities.stage import find_entities
from tidings.nlp import Parser
from tidings.records import Entity


def entities(parser: Parser, text: str, home: str | None = None) -> tuple[list[Entity], str]:
    doc = parser.parse(text)
    _, found = find_entities(doc, "a1", "2018-07-17", home=home)
    return found, text


def words(e: Entity, text: str, actor: bool = True) -> list[str]:
    refused = set(e.not_actor)
    return [text[m.start : m.end] for m in e.mentions if (m not in refused) == actor]


def test_governments_join_their_state_and_places_are_flagged(parser: Parser) -> None:
    found, text = entities(
        parser,
        "The Obama administration criticized the Chinese government's trade policies on Thursday, "
        "as talks in Beijing stalled. China said it would respond.",
    )
    usa = next(e for e in found if e.kind == "GPE" and e.country == "USA")
    assert usa.name == "United States" and words(usa, text) == ["Obama administration"]
    china = next(e for e in found if e.kind == "GPE" and e.country == "CHN" and e.name == "China")
    assert {"Chinese government", "China", "it"} <= set(words(china, text))
    beijing = next(e for e in found if e.name == "Beijing")
    assert words(beijing, text) == [] and words(beijing, text, actor=False) == ["Beijing"]
    obama = next(e for e in found if e.kind == "PERSON")
    assert words(obama, text) == []  # "Obama" here only names the administration


def test_groups_per_country_from_context_and_definite_descriptions(parser: Parser) -> None:
    found, text = entities(
        parser,
        "Chinese and American officials met in Geneva. China's Ministry of Commerce said an official "
        "with the ministry would attend. The ministry did not say when.",
    )
    groups: dict[tuple[str | None, str | None], list[str]] = {}
    for e in found:
        if not e.named:
            groups.setdefault((e.country, e.sector), []).extend(words(e, text))
    assert groups[("USA", "GOV")] == ["American"]
    assert {"Chinese", "official"} <= set(groups[("CHN", "GOV")])  # "an official with the ministry": China's
    ministry = next(e for e in found if e.name == "Ministry of Commerce")
    assert ministry.country == "CHN" and words(ministry, text).count("ministry") == 2


def test_titles_and_appositions_are_mentions_of_their_person(parser: Parser) -> None:
    found, text = entities(parser, "Gao Feng, spokesman of the Ministry of Commerce, said China would respond.", "CHN")
    gao = next(e for e in found if e.kind == "PERSON")
    assert "spokesman" in words(gao, text) and gao.country == "CHN" and gao.sector == "GOV"
    assert text[gao.start : gao.end] == "Gao Feng"


def test_the_two_sides_and_hyphenated_pairs_give_both_actors(parser: Parser) -> None:
    text = "China and the United States held talks on Friday. The two sides agreed on the China-U.S. trade plan."
    doc = parser.parse(text)
    _, found = find_entities(doc, "a1", "2019-05-10")
    coder = ActorCoder({"entities": found}, doc)
    sides = next(t for t in doc if t.text == "sides")
    assert [r.country for r in coder.code_all(sides)] == ["CHN", "USA"]
    plan = next(t for t in doc if t.text == "plan")
    assert sorted(r.country or "" for r in coder.code_all(plan)) == ["CHN", "USA"]
    head = next(t for t in doc if t.text == "China")
    assert [r.country for r in coder.code_all(head)] == ["CHN", "USA"]  # the subject's conjuncts


def test_it_resolves_to_its_state_when_the_coder_asks(parser: Parser) -> None:
    text = "China said on Monday that it would retaliate."
    doc = parser.parse(text)
    mentions, found = find_entities(doc, "a1", "2019-05-10")
    it = next(t for t in doc if t.text == "it")
    ref = ActorCoder({"entities": found, "mentions": mentions}, doc, neuter_pronouns=True).code(it)
    assert ref is not None and ref.country == "CHN"
    plain = ActorCoder({"entities": found, "mentions": mentions}, doc).code(it)
    assert plain is None or plain.country is None  # off by default


def actor_words(found: list[Entity], text: str) -> set[str]:
    return {w for e in found for w in words(e, text)}


def refused_words(found: list[Entity], text: str) -> set[str]:
    return {w for e in found for w in words(e, text, actor=False)}


def test_coordinated_nationalities_of_governments_are_both_states(parser: Parser) -> None:
    found, text = entities(
        parser, "Canada and Mexico held talks. The Canadian and Mexican governments signed a water deal in Ottawa."
    )
    canada = next(e for e in found if e.kind == "GPE" and e.country == "CAN" and e.name == "Canada")
    mexico = next(e for e in found if e.kind == "GPE" and e.country == "MEX" and e.name == "Mexico")
    assert "Canadian" in words(canada, text) and "Mexican" in words(mexico, text)


def test_a_country_qualifying_a_named_persons_title_is_no_actor(parser: Parser) -> None:
    found, text = entities(
        parser,
        "The envoy brought fresh messages of good will from Kim Jong-un, North Korea’s leader: promises to talk.",
    )
    assert "North Korea" in refused_words(found, text)


def test_a_hyphenated_korean_given_name_stays_whole(parser: Parser) -> None:
    found, text = entities(parser, "President Moon Jae-in of South Korea flew to Tokyo on Monday.")
    moon = next(e for e in found if e.kind == "PERSON")
    assert moon.name == "Moon Jae-in" and moon.country == "KOR"
    assert "South Korea" in refused_words(found, text)  # it qualifies the president


def test_an_organisation_named_for_a_document_or_a_product_is_no_actor(parser: Parser) -> None:
    found, text = entities(parser, "The meeting would also deal on the APEC Strategic Blueprint for Promoting Growth.")
    assert "APEC" in refused_words(found, text)
    found, text = entities(parser, "Delegates at an annual United Nations climate summit expressed dismay.")
    assert "United Nations" not in refused_words(found, text)  # it convenes the summit
    found, text = entities(
        parser, "Regulators would remove the popular messaging apps WhatsApp and Telegram from stores."
    )
    assert {"WhatsApp", "Telegram"} <= refused_words(found, text)
    found, text = entities(parser, "Regulators ordered stores to drop the video app TikTok on Sunday.")
    assert "TikTok" in refused_words(found, text)
    found, text = entities(parser, "The WTO rules forbid it, and the WTO said so on Monday.")
    assert "WTO" in actor_words(found, text) and "WTO" not in refused_words(found, text)  # its rules stay its own


def test_a_hyphenated_pair_is_judged_by_the_noun_it_modifies(parser: Parser) -> None:
    found, text = entities(parser, "The Japan-Australia free trade agreement took effect last year.")
    assert "Japan" in refused_words(found, text) and "Japan" not in actor_words(found, text)
    found, text = entities(parser, "Talks are the only way to settle Japan-U.S. trade disputes, the minister said.")
    assert {"Japan", "U.S."} <= actor_words(found, text)


def test_goods_bought_from_a_country_make_it_a_place(parser: Parser) -> None:
    found, text = entities(parser, "Sanctions would punish refiners that continue to buy oil from Venezuela.")
    assert "Venezuela" in refused_words(found, text) and "Venezuela" not in actor_words(found, text)


def test_a_region_adjective_makes_a_group_of_no_one_country(parser: Parser) -> None:
    found, _ = entities(
        parser,
        "German officials met the French government on Monday. "
        "European governments are preparing for a shift in trade policy.",
    )
    group = next(e for e in found if not e.named and e.name == "European governments")
    assert group.country is None and group.sector == "GOV"


def test_news_outlets_and_their_writers_are_media(parser: Parser) -> None:
    found, _ = entities(
        parser, "Chen Ming, an exporter in Ningbo, told National Business Daily that prices rose.", "CHN"
    )
    daily = next(e for e in found if e.name == "National Business Daily")
    assert (daily.country, daily.sector) == ("CHN", "MED")
    found, _ = entities(parser, "Prices rose again in May, Rachel Goodwin writes in The New York Times.")
    writer = next(e for e in found if e.kind == "PERSON")
    assert (writer.country, writer.sector) == ("USA", "MED")
    found, _ = entities(parser, "Indonesia and the IMF reached agreement on the loan, officials told Reuters.", "IDN")
    reuters = next(e for e in found if e.name == "Reuters")
    assert reuters.country is None  # an agency the tables know reports from everywhere


def test_a_role_word_tagged_as_an_adjective_in_a_nouns_slot_is_a_role_holder(parser: Parser) -> None:
    found, text = entities(parser, "The strike was ordered to kill Syria’s most powerful general, the report said.")
    group = next(e for e in found if not e.named and e.sector == "MIL")
    assert group.country == "SYR" and "Syria" in refused_words(found, text)


def test_a_place_noun_or_an_economy_makes_a_country_no_actor(parser: Parser) -> None:
    found, text = entities(parser, "The talks were held in Boracay, in the central province of Aklan.")
    assert "Aklan" not in actor_words(found, text)
    found, text = entities(parser, "Officials said Vietnam's economy has been growing fast through opening-up.")
    assert "Vietnam" in refused_words(found, text) and "Vietnam" not in actor_words(found, text)


def test_an_organisations_name_is_coded_by_its_head() -> None:
    from tidings.facts.actors.roles import code_phrase
    from tidings.facts.actors.tables import load_tables

    pc = code_phrase(["islamic", "revolutionary", "guards"], load_tables())
    assert (pc.country, pc.head_sector) == ("IRN", "MIL")


def test_an_unnamed_spokesperson_is_the_articles_one_named_spokesperson(parser: Parser) -> None:
    found, text = entities(
        parser,
        "Japan will respond in kind, a spokesperson for the Ministry of Finance said Monday. "
        '"We will act," said Sato Kenji, the ministry\'s spokesperson.',
    )
    sato = next(e for e in found if e.kind == "PERSON")
    assert words(sato, text).count("spokesperson") == 2  # the unnamed one and his own title
    assert not any(not e.named and e.sector == "GOV" and "spokesperson" in words(e, text) for e in found)
