"""Rules of who acts and as whom, on sentences of our own: governments of coordinated
nationalities, qualifiers of named people, names used for things, places and statistics, groups
of several countries, media and their writers, spokespeople named later."""

from __future__ import annotations

from tidings.facts.entities.stage import find_entities
from tidings.facts.switches import switched_off
from tidings.nlp import Parser
from tidings.records import Entity


class Judged:
    """An article's entities with the words each uses as an actor and the words it refuses."""

    def __init__(self, parser: Parser, text: str, home: str | None = None) -> None:
        _, self.found = find_entities(parser.parse(text), "a1", "2018-07-17", home=home)
        self.uses: dict[str, tuple[list[str], list[str]]] = {}
        for e in self.found:
            refused = set(e.not_actor)
            acts = [text[m.start : m.end] for m in e.mentions if m not in refused]
            self.uses[e.id] = (acts, [text[m.start : m.end] for m in e.mentions if m in refused])

    def acting(self, e: Entity | None = None) -> list[str]:
        return [w for x in ([e] if e else self.found) for w in self.uses[x.id][0]]

    def refused(self) -> set[str]:
        return {w for x in self.found for w in self.uses[x.id][1]}


def test_coordinated_nationalities_of_governments_are_both_states(parser: Parser) -> None:
    j = Judged(
        parser, "Canada and Mexico held talks. The Canadian and Mexican governments signed a water deal in Ottawa."
    )
    canada = next(e for e in j.found if e.kind == "GPE" and e.country == "CAN" and e.name == "Canada")
    mexico = next(e for e in j.found if e.kind == "GPE" and e.country == "MEX" and e.name == "Mexico")
    assert "Canadian" in j.acting(canada) and "Mexican" in j.acting(mexico)


def test_a_country_qualifying_a_named_persons_title_is_no_actor(parser: Parser) -> None:
    j = Judged(
        parser,
        "The envoy brought fresh messages of good will from Kim Jong-un, North Korea’s leader: promises to talk.",
    )
    assert "North Korea" in j.refused()


def test_a_hyphenated_korean_given_name_stays_whole(parser: Parser) -> None:
    j = Judged(parser, "President Moon Jae-in of South Korea flew to Tokyo on Monday.")
    moon = next(e for e in j.found if e.kind == "PERSON")
    assert moon.name == "Moon Jae-in" and moon.country == "KOR"
    assert "South Korea" in j.refused()  # it qualifies the president


def test_an_organisation_named_for_a_document_or_a_product_is_no_actor(parser: Parser) -> None:
    j = Judged(parser, "The meeting would also deal on the APEC Strategic Blueprint for Promoting Growth.")
    assert "APEC" in j.refused()
    j = Judged(parser, "Delegates at an annual United Nations climate summit expressed dismay.")
    assert "United Nations" not in j.refused()  # it convenes the summit
    j = Judged(parser, "Regulators would remove the popular messaging apps WhatsApp and Telegram from stores.")
    assert {"WhatsApp", "Telegram"} <= j.refused()
    j = Judged(parser, "Regulators ordered stores to drop the video app TikTok on Sunday.")
    assert "TikTok" in j.refused()
    j = Judged(parser, "The WTO rules forbid it, and the WTO said so on Monday.")
    assert "WTO" in set(j.acting()) and "WTO" not in j.refused()  # its rules stay its own


def test_a_hyphenated_pair_is_judged_by_the_noun_it_modifies(parser: Parser) -> None:
    j = Judged(parser, "The Japan-Australia free trade agreement took effect last year.")
    assert "Japan" in j.refused() and "Japan" not in set(j.acting())
    j = Judged(parser, "Talks are the only way to settle Japan-U.S. trade disputes, the minister said.")
    assert {"Japan", "U.S."} <= set(j.acting())


def test_goods_bought_from_a_country_make_it_a_place(parser: Parser) -> None:
    j = Judged(parser, "Sanctions would punish refiners that continue to buy oil from Venezuela.")
    assert "Venezuela" in j.refused() and "Venezuela" not in set(j.acting())


def test_a_region_adjective_makes_a_group_of_no_one_country(parser: Parser) -> None:
    j = Judged(
        parser,
        "German officials met the French government on Monday. "
        "European governments are preparing for a shift in trade policy.",
    )
    group = next(e for e in j.found if not e.named and e.name == "European governments")
    assert group.country is None and group.sector == "GOV"


def test_a_country_in_a_phrase_nested_in_a_roles_of_phrase_does_not_place_it(parser: Parser) -> None:
    # Iraq is in the topic of the advice, two phrases below "publication": no Iraqi media outlet
    text = "Tony Blair has rejected calls for the publication of advice on the legality of the Iraq war."
    assert not [e for e in Judged(parser, text).found if e.country == "IRQ" and e.sector == "MED"]
    with switched_off(frozenset({"role-cue-phrase"})):
        assert [e for e in Judged(parser, text).found if e.country == "IRQ" and e.sector == "MED"]
    # the role's own of-phrase and its of-chain still place it
    j = Judged(parser, "Officials of the government of the Republic of Korea left on Monday.")
    assert any(e.name.startswith("Officials") and e.country == "KOR" for e in j.found)


def test_news_outlets_and_their_writers_are_media(parser: Parser) -> None:
    j = Judged(parser, "Chen Ming, an exporter in Ningbo, told National Business Daily that prices rose.", "CHN")
    daily = next(e for e in j.found if e.name == "National Business Daily")
    assert (daily.country, daily.sector) == ("CHN", "MED")
    j = Judged(parser, "Prices rose again in May, Rachel Goodwin writes in The New York Times.")
    writer = next(e for e in j.found if e.kind == "PERSON")
    assert (writer.country, writer.sector) == ("USA", "MED")
    j = Judged(parser, "Indonesia and the IMF reached agreement on the loan, officials told Reuters.", "IDN")
    reuters = next(e for e in j.found if e.name == "Reuters")
    assert reuters.country is None  # an agency the tables know reports from everywhere


def test_a_role_word_tagged_as_an_adjective_in_a_nouns_slot_is_a_role_holder(parser: Parser) -> None:
    j = Judged(parser, "The strike was ordered to kill Syria’s most powerful general, the report said.")
    group = next(e for e in j.found if not e.named and e.sector == "MIL")
    assert group.country == "SYR" and "Syria" in j.refused()


def test_a_place_noun_or_an_economy_makes_a_country_no_actor(parser: Parser) -> None:
    j = Judged(parser, "The talks were held in Boracay, in the central province of Aklan.")
    assert "Aklan" not in set(j.acting())
    j = Judged(parser, "Officials said Vietnam's economy has been growing fast through opening-up.")
    assert "Vietnam" in j.refused() and "Vietnam" not in set(j.acting())


def test_an_organisations_name_is_coded_by_its_head() -> None:
    from tidings.facts.actors.roles import code_phrase
    from tidings.facts.actors.tables import load_tables

    pc = code_phrase(["islamic", "revolutionary", "guards"], load_tables())
    assert (pc.country, pc.head_sector) == ("IRN", "MIL")


def test_an_unnamed_spokesperson_is_the_articles_one_named_spokesperson(parser: Parser) -> None:
    j = Judged(
        parser,
        "Japan will respond in kind, a spokesperson for the Ministry of Finance said Monday. "
        '"We will act," said Sato Kenji, the ministry\'s spokesperson.',
    )
    sato = next(e for e in j.found if e.kind == "PERSON")
    assert j.acting(sato).count("spokesperson") == 2  # the unnamed one and his own title
    assert not any(not e.named and e.sector == "GOV" and "spokesperson" in j.acting(e) for e in j.found)


def test_a_government_noun_after_a_possessive_pronoun_or_its_national_level_is_the_state(parser: Parser) -> None:
    j = Judged(
        parser,
        "President Obama spoke on Monday. Facing the first challenge to his administration, he said he would act.",
    )
    usa = next(e for e in j.found if e.kind == "GPE" and e.country == "USA")
    assert j.acting(usa) == ["administration"]
    j = Judged(parser, "Prime Minister Malcolm Turnbull spoke. Last year, the federal government removed its tariff.")
    aus = next(e for e in j.found if e.kind == "GPE" and e.country == "AUS")
    assert j.acting(aus) == ["government"]
    j = Judged(parser, "Reporters often fail to report the actions of our own government.", home="USA")
    assert "government" in j.acting(next(e for e in j.found if e.country == "USA" and e.kind == "GPE"))
    # a demonstrative or an adjective of time places the government in time, not elsewhere
    j = Judged(parser, "Mr Lishman urged the next government to act. It is a failure of this government.", home="GBR")
    gbr = next(e for e in j.found if e.country == "GBR" and e.kind == "GPE")
    assert j.acting(gbr) == ["government", "government"]
    # a government another word qualifies is not the story's state ("a local government")
    j = Judged(parser, "Prime Minister Malcolm Turnbull spoke. The local government removed its tariff.")
    assert not any(e.country == "AUS" and e.kind == "GPE" for e in j.found)


def test_a_hyphenated_pair_of_countries_and_one_shop_of_a_chain_are_no_actors(parser: Parser) -> None:
    j = Judged(parser, "The visit will show the complexities of the United States-China relationship.")
    assert "United States-China" in j.refused()
    j = Judged(parser, "Telecommuting is working from home, or maybe from a Starbucks, said Reuters.")
    assert "Starbucks" in j.refused() and "Reuters" in j.acting()
    # "a" with a word between, or before a body of a state, still names the body that acts
    j = Judged(parser, "Its decision was upheld by a unanimous Supreme Court on Friday.")
    assert "Supreme Court" in j.acting()
    j = Judged(parser, "The ouster leaves a State Department angry and adrift.")
    assert "State Department" in j.acting()


def test_a_citys_government_is_local_officials_not_the_state(parser: Parser) -> None:
    j = Judged(parser, "Tesla said it is in talks with Shanghai's government about a factory.")
    local = next(e for e in j.found if e.kind == "ROLE" and "government" in e.name)
    assert (local.country, local.sector, local.named) == ("CHN", "GOV", False)
    assert not any(e.kind == "GPE" and e.country == "CHN" and "government" in j.acting(e) for e in j.found)


def test_an_office_holder_elect_and_a_trade_representative_are_role_holders(parser: Parser) -> None:
    j = Judged(parser, "It was the first meeting between the U.S. president-elect and a Chinese businessman.")
    elect = next(e for e in j.found if not e.named and e.sector == "PTY")  # elected, not yet in office
    assert elect.country == "USA" and j.acting(elect) == ["U.S. president-elect"]
    j = Judged(parser, "The statement said the U.S. trade representative should decide on the tariffs.")
    trade = next(e for e in j.found if not e.named and e.sector == "GOV")
    assert trade.country == "USA" and j.acting(trade) == ["U.S. trade representative"]
    j = Judged(parser, "Gao Guan, vice-secretary-general of the China Meat Association, told reporters so.")
    assert not [e for e in j.found if not e.named and e.sector == "MIL"]  # "general" of the whole word: no general


def test_the_official_after_an_international_bodys_official_is_that_bodys(parser: Parser) -> None:
    text = "The EU asked for talks, a WTO official said. The request came, said the official, who declined to be named."
    j = Judged(parser, text, "CHN")  # filed from Beijing: still not a Chinese official
    later = next(e for e in j.found if j.acting(e) == ["official"])
    assert (later.country, later.sector, later.actor_code) == (None, "IGO", "IGOBUSWTO")


def test_an_administration_named_for_an_unplaced_leader_is_the_american_state(parser: Parser) -> None:
    text = "Relations are as chilly as they have been since the early days of the Reagan administration."
    j = Judged(parser, text, home="USA")
    state = next(e for e in j.found if e.kind == "GPE" and e.country == "USA")
    assert "Reagan administration" in j.acting(state)  # English names American presidencies so
    j = Judged(parser, "Relations were chilly during the Kohl government.", home="USA")
    assert not any(e.country == "USA" for e in j.found)  # a "government" is no American presidency


def test_the_north_is_the_divided_country_the_story_names(parser: Parser) -> None:
    j = Judged(parser, "The envoy discussed North Korea with China, including sanctions on the North.")
    north = next(e for e in j.found if e.country == "PRK")
    assert "North" in j.acting(north)  # the counterpart of sanctions: the state
    j = Judged(parser, "Voters in the South backed Mr Bush over North Korea policy.")
    assert not any(e.country == "PRK" and "South" in j.acting(e) for e in j.found)  # no "South X" named


def test_foreign_and_world_groups_are_not_of_the_storys_country(parser: Parser) -> None:
    text = "Israeli officials briefed foreign ambassadors on Monday. Foreign ministers met in Geneva."
    j = Judged(parser, text, home="GBR")
    ambassadors = next(e for e in j.found if e.name == "foreign ambassadors")
    assert ambassadors.country is None  # serving other countries than the one the story was filed from
    ministers = next(e for e in j.found if e.name == "Foreign ministers")
    assert ministers.country == "GBR"  # "foreign minister" is a title: the story's country, as before


def test_a_party_qualifying_a_named_person_is_no_actor_but_its_unnamed_member_is(parser: Parser) -> None:
    text = (
        "Labour's Paul Flynn said the pair had had a row. Alan Milburn, Labour's head of elections strategy,"
        " has played a role. A Labour source said the plan was dead. Labour's refusal to admit it hurts."
    )
    j = Judged(parser, text, home="GBR")
    labour = next(e for e in j.found if e.name == "Labour")
    assert j.acting(labour)[:2] == ["Labour", "Labour"]  # the source's party and its refusal
    assert len(j.uses[labour.id][1]) == 2  # Flynn's and Milburn's party only qualify them
