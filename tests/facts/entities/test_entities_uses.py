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


def test_a_name_after_the_is_no_person_unless_titled(parser: Parser) -> None:
    found, _ = entities(
        parser,
        "The Club Mandela opened on Friday in Lagos. The Rev. Jesse Jackson spoke at the opening.",
    )
    kinds = {e.name: e.kind for e in found}
    assert not any(k == "PERSON" and "Club" in n for n, k in kinds.items()), kinds
    assert kinds.get("Jesse Jackson") == "PERSON", kinds


def test_a_country_placing_a_group_of_private_people_names_the_group(parser: Parser) -> None:
    found, text = entities(
        parser,
        "We argued that the news media in the United States often fail to inform readers. "
        "Chinese and foreign enterprises in China were hurt. American troops in Iraq were attacked.",
    )
    # the group's own phrase may take in its place ("news media in the United States", as "media in
    # the United States" and "small businesses in the U.S." always did): either way the country's
    # name there is the group's, not the state's
    media = next(e for e in found if e.name.startswith("news media"))
    assert media.country == "USA" and media.sector == "MED"
    assert any("United States" in w for w in words(media, text))
    for name in ("China", "Iraq"):  # placed by the group's own words; a state's forces are not the place's
        place = next(e for e in found if e.name == name)
        assert all(name not in words(e, text) for e in found if not e.named), name
        assert words(place, text) == [] and words(place, text, actor=False) == [name]


def test_government_phrases_are_bodies_and_their_people_a_group(parser: Parser) -> None:
    found, text = entities(
        parser,
        "Officials in the Obama administration were optimistic about the United States. Donald Trump "
        "named China critics to important positions in the administration.",
    )
    usa = next(e for e in found if e.kind == "GPE" and e.country == "USA")
    # "in the administration" is membership of a body, never a place
    assert {"Obama administration", "administration"} <= set(words(usa, text))
    group = next(e for e in found if not e.named and e.sector == "GOV")
    assert words(group, text) == ["Officials"]  # the people end at their noun; the state is its own mention


def test_the_administration_of_a_leader_is_the_state(parser: Parser) -> None:
    found, text = entities(
        parser, "Policy will change under the administration of Donald J. Trump, officials said.", "USA"
    )
    usa = next(e for e in found if e.kind == "GPE" and e.country == "USA")
    assert words(usa, text) == ["administration of Donald J. Trump"]
    trump = next(e for e in found if e.kind == "PERSON")
    assert words(trump, text) == []  # neither the name nor "administration" is the person here


def test_a_bare_administration_is_the_american_government_in_a_story_of_the_united_states(parser: Parser) -> None:
    text = "Mr. Trump will meet President Xi Jinping of China, and an administration short of experts is worried."
    found, text = entities(parser, text, "USA")  # filed from Washington: Xi, the last leader named, is no matter
    state = next(e for e in found if any(text[m.start : m.end] == "administration" for m in e.mentions))
    assert state.country == "USA"
    found, text = entities(parser, "Prime Minister Theresa May said the administration would act.", "GBR")
    state = next(e for e in found if any(text[m.start : m.end] == "administration" for m in e.mentions))
    assert state.country == "GBR"  # no American story: the leader's


def test_people_of_a_country_named_after_their_noun_keep_their_phrase(parser: Parser) -> None:
    found, text = entities(parser, "Trade ministers of the United States attend a press conference in Atlanta.")
    usa = next(e for e in found if not e.named and e.country == "USA")
    assert words(usa, text) == ["Trade ministers of the United States"]  # the ministers, not the state


def test_a_government_owning_a_statistic_is_still_a_statistic(parser: Parser) -> None:
    found, text = entities(parser, "About 75% of the U.S. federal government's tax revenues come from income tax.")
    usa = next(e for e in found if e.kind == "GPE" and e.country == "USA")
    assert words(usa, text) == []  # "the government's tax revenues": whose figures, no act
