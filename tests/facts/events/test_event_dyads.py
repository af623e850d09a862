"""Who did it to whom when the words name the doer away from the trigger (events.arguments):
"talks between A and B", a journey made for talks, a wire dateline, and events that only
restate another as its argument. End to end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from facts.events.test_events_coding_rules import code, one
from facts.events.test_events_recall import coded
from tidings.extract.build import make_article
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.facts.events.stage import EventStage
from tidings.facts.places.stage import PlaceStage
from tidings.facts.quotes.stage import QuoteStage
from tidings.facts.times.stage import TimeStage
from tidings.nlp import Parser
from tidings.records import Event, Paragraph


def _dyad(parser: Parser, text: str, trigger: str) -> tuple[str | None, str | None]:
    event = one(code(parser, text), trigger)
    return (
        event.source.country if event.source else None,
        event.target.country if event.target else None,
    )


def test_talks_between_two_parties_are_a_dyad(parser: Parser) -> None:
    text = "The FTA talks between China and South Korea began in May 2012."
    assert _dyad(parser, text, "talks") == ("CHN", "KOR")


def test_a_journey_made_for_talks_names_who_talks(parser: Parser) -> None:
    # the consultations are Liu's: one consultation of China with Australia, told twice
    text = "Chinese Vice Premier Liu He arrived on Tuesday for consultations with the Australian government."
    events = code(parser, text)
    assert len(events) == 1, [(e.trigger, e.cameo_code, e.source, e.target) for e in events]
    event = events[0]
    assert len(event.mentions) == 2 and (event.cameo_code or "").startswith("04")
    assert event.source is not None and event.source.country == "CHN"
    assert event.target is not None and event.target.country == "AUS"


def test_a_phrase_object_is_no_second_event(parser: Parser) -> None:
    text = "The European Union signed an agreement with Japan."
    events = code(parser, text)
    assert [e.trigger for e in events] == ["signed"], [(e.trigger, e.cameo_code) for e in events]
    assert (events[0].cameo_code or "").startswith("05")
    assert events[0].target is not None and events[0].target.country == "JPN"


def test_a_verb_done_by_an_act_is_that_act(parser: Parser) -> None:
    events = code(parser, "Iran retaliated by firing missiles at Israel.")
    assert [e.trigger for e in events] == ["firing"], [(e.trigger, e.cameo_code) for e in events]
    assert events[0].target is not None and events[0].target.country == "ISR"


def test_a_wire_dateline_is_not_the_subject(parser: Parser) -> None:
    text = "ATHENS (AP) _ Greece and Turkey signed an agreement on Friday to cooperate against smuggling."
    assert _dyad(parser, text, "signed") == ("GRC", "TUR")


def test_a_support_verb_holds_the_target_of_its_eventive_object(parser: Parser) -> None:
    # the parser hangs "to residents" on "issued", not on "warnings": the warning is aimed there
    text = "The South African government issued urgent warnings to residents of Johannesburg."
    event = one(code(parser, text), "warnings")
    assert event.target is not None and (event.target.country, event.target.sector) == ("ZAF", "CVL")
    off = one(coded(parser, text, ["support-verb-target"]), "warnings")
    assert off.target is None


def test_northern_ireland_is_in_the_united_kingdom(parser: Parser) -> None:
    text = "British Prime Minister Tony Blair flew into Northern Ireland on Tuesday."
    assert _dyad(parser, text, "flew") == ("GBR", "GBR")


def test_a_conjoined_participle_shares_the_passive_subject(parser: Parser) -> None:
    # "was" and "the mother" are written once, on "identified": the arrest is of the mother too
    text = "The Indian police said the 22-year-old mother was later identified and arrested in Mumbai."
    event = one(code(parser, text), "arrested")
    assert (event.cameo_code or "").startswith("17")
    assert event.target is not None and event.target.sector == "CVL"
    assert not [e for e in coded(parser, text, ["passive-conjunct"]) if e.trigger == "arrested"]


def test_criticism_drawn_from_someone_is_theirs_against_the_subject(parser: Parser) -> None:
    text = "The Irish president drew rebukes from British Prime Minister Keir Starmer."
    event = one(code(parser, text), "rebukes")
    assert (event.cameo_code or "").startswith("11")
    assert _dyad(parser, text, "rebukes") == ("GBR", "IRL")
    off = one(coded(parser, text, ["received-act"]), "rebukes")
    assert (off.source and off.source.country, off.target and off.target.country) != ("GBR", "IRL")


def test_a_pair_cooperating_together_does_it_with_each_other(parser: Parser) -> None:
    text = "China and Switzerland on Monday pledged to develop their strategic partnership."
    mutual = [e for e in code(parser, text) if (e.cameo_code or "").startswith("03")]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in mutual] == [("CHN", "CHE")]
    off = [e for e in coded(parser, text, ["mutual-cooperation"]) if (e.cameo_code or "").startswith("03")]
    assert all(e.target is None for e in off)


def test_a_pair_in_conflict_does_not_turn_on_each_other(parser: Parser) -> None:
    # both condemn a third party: no dyad between the two
    events = code(parser, "China and Russia condemned the missile strike.")
    assert not [e for e in events if e.source and e.target and {e.source.country, e.target.country} == {"CHN", "RUS"}]


def _with_quotes(parser: Parser, text: str, disabled: Sequence[str] = ()) -> Sequence[Event]:
    """The coder's events (before detection) with the quotes stage run first, as in a pipeline."""
    article = make_article(source="dyads", paragraphs=[Paragraph("paragraph", text)], published="2020-01-01")
    ctx = FactContext(article, parser.parse(article.text), dt.date(2020, 1, 1))
    for stage in (EntityStage(), TimeStage(), PlaceStage(), QuoteStage()):
        ctx.found.update(stage(ctx))
    return EventStage(detect=False, disabled_rules=disabled)(ctx)["events"]  # type: ignore[return-value]


@pytest.mark.parametrize(
    "text",
    [
        # a quotation that runs on after its attribution, and one opened by a colon
        'French Foreign Minister Jean-Noel Barrot spoke on Monday. "The talks have failed," Barrot said. '
        '"We will impose new sanctions on Iran."',
        'French Foreign Minister Jean-Noel Barrot said on Monday: "The talks have failed. We will impose new '
        'sanctions on Iran next week."',
    ],
)
def test_we_in_a_quotation_is_its_speaker(parser: Parser, text: str) -> None:
    event = one(_with_quotes(parser, text), "impose")
    assert event.source is not None and event.source.actor_code == "FRAGOV"
    assert one(_with_quotes(parser, text, ["quoted-first-person"]), "impose").source is None


def test_a_passive_with_an_inherited_subject_acts_on_it(parser: Parser) -> None:
    # "having been charged" and "were attacked" have no subject of their own: the subject they
    # inherit is the one acted on, not the doer (rule passive-inherited)
    text = "Russian oil tycoon Mikhail Khodorkovsky is in prison, having been charged with fraud."
    event = one(code(parser, text), "charged")
    assert event.source is None and event.target is not None and event.target.country == "RUS"
    assert not [e for e in coded(parser, text, ["passive-inherited"]) if e.trigger == "charged"]
    text = "Israeli police arrived at the border and were attacked by Hezbollah fighters."
    attack = one(code(parser, text), "attacked")
    assert attack.target is not None and attack.target.actor_code == "ISRCOP"
    assert one(coded(parser, text, ["passive-inherited"]), "attacked").target is None


def test_actors_without_a_country_are_of_the_datelines_country(parser: Parser) -> None:
    # no country dominates one sentence: the story was filed from Dublin (rule dateline-home)
    text = "Catherine Connolly condemned Russia on Tuesday."
    article = make_article(
        source="dyads", paragraphs=[Paragraph("paragraph", text)], published="2020-01-01", extras={"dateline": "DUBLIN"}
    )
    ctx = FactContext(article, parser.parse(article.text), dt.date(2020, 1, 1))
    for stage in (EntityStage(), TimeStage(), PlaceStage()):
        ctx.found.update(stage(ctx))
    for disabled, country in (((), "IRL"), (("dateline-home",), None)):
        event = one(EventStage(detect=False, disabled_rules=disabled)(ctx)["events"], "condemned")  # type: ignore[arg-type]
        assert (event.source.country if event.source else None) == country


def test_a_by_agent_hung_on_the_of_object_is_the_nouns_doer(parser: Parser) -> None:
    # the parser hangs "by U.S. officials" on "policies": the accusations are the officials'
    text = "Beijing rejected the accusations of China's trade policies by U.S. officials."
    assert _dyad(parser, text, "accusations") == ("USA", "CHN")
    off = one(coded(parser, text, ["noun-agent-reach"]), "accusations")
    assert off.source is not None and off.source.country == "CHN"


def _sides(events: Sequence[Event], trigger: str) -> tuple[str | None, str | None]:
    event = one(events, trigger)
    return (event.source.country if event.source else None, event.target.country if event.target else None)


@pytest.mark.parametrize(
    ("text", "trigger", "rule", "country"),
    [
        # the parser hangs "Connolly" on "gone" as an advmod: word order makes it the subject
        (
            "Irish presidential candidate Catherine Connolly spoke in Dublin. But Connolly has gone farther, "
            "defending Hamas’ right to play a future role in any Palestinian state.",
            "defending",
            "name-subject",
            "IRL",
        ),
        # a relative pronoun subject is the noun it stands for
        (
            "Aaron Bushnell, the active-duty U.S. Air Force airman who set himself on fire Sunday to protest "
            "Israel’s war on Gaza, appears to have grown disillusioned.",
            "set",
            "relative-subject",
            "USA",
        ),
    ],
)
def test_a_subject_the_parse_misplaces_is_found_by_its_rule(
    parser: Parser, text: str, trigger: str, rule: str, country: str
) -> None:
    assert _sides(coded(parser, text), trigger)[0] == country
    # without the rule the act has no doer: coded without a source, or not at all (doerless-cooperation)
    assert [e.source for e in coded(parser, text, [rule]) if e.trigger == trigger and e.source] == []


def test_a_relative_clause_of_a_thing_has_no_doer(parser: Parser) -> None:
    text = "In the long term, the U.S. tariff proposals, which contravene the WTO rules, hurt trade."
    assert not [e for e in coded(parser, text) if e.trigger == "contravene"]


def test_two_people_of_one_code_are_two_actors(parser: Parser) -> None:
    text = "British Prime Minister Tony Blair criticised British Foreign Secretary Jack Straw."
    assert _sides(coded(parser, text), "criticised") == ("GBR", "GBR")
    assert not coded(parser, text, ["two-entities"])  # one code: read as a reflexive dyad


def test_self_harm_as_protest_is_a_protest_with_no_target(parser: Parser) -> None:
    text = "Chinese activist Wang Li set himself on fire to protest."
    assert _sides(coded(parser, text), "set") == ("CHN", None)
    assert not [e for e in coded(parser, text, ["self-protest"]) if e.trigger == "set"]


def test_a_force_deployed_is_the_doer_of_its_show_of_force(parser: Parser) -> None:
    text = "Russian troops were deployed."
    assert _sides(coded(parser, text), "deployed") == ("RUS", None)
    assert _sides(coded(parser, text, ["mobilized-force"]), "deployed") == (None, "RUS")


@pytest.mark.parametrize(
    ("rule", "text", "trigger", "sides"),
    [
        # subject control: "outspoken in condemning" — Connolly condemned Israel
        (
            "adjunct-gerund",
            "Irish presidential candidate Catherine Connolly spoke in Dublin. Like Higgins, Connolly has been "
            "outspoken in condemning Israel for its war in Gaza.",
            "condemning",
            ("IRL", "ISR"),
        ),
        # a common noun with its name in close apposition is the named actor, not a Muslim group
        ("close-apposition", "The militant Muslim group Hamas claimed responsibility.", "claimed", ("PSE", None)),
        # the parse hangs "alleging" on the passive "based": the complaint, filed by U.S. Steel, alleges
        (
            "document-filer",
            "The investigation is based on a complaint filed by U.S. Steel Corporation on April 26, alleging that "
            "major Chinese steel producers conspired to fix prices.",
            "alleging",
            ("USA", "CHN"),
        ),
        # a group led or represented by a state is of that state
        (
            "led-by",
            "In the 1980s, western countries represented by the US imposed sanctions on China.",
            "imposed",
            ("USA", "CHN"),
        ),
    ],
)
def test_a_source_rule_finds_the_doer_and_only_it_does(
    parser: Parser, rule: str, text: str, trigger: str, sides: tuple[str, str | None]
) -> None:
    assert _sides(coded(parser, text), trigger) == sides
    assert _sides(coded(parser, text, [rule]), trigger)[0] != sides[0]


@pytest.mark.parametrize(
    ("rule", "text", "trigger", "sides"),
    [
        # the one a statement is told to is its target; an outlet told in an interview is not
        (
            "speech-addressee",
            "French Foreign Minister Michel Barnier told British MPs that the talks had failed.",
            "told",
            ("FRA", "GBR"),
        ),
        # the teller's own act in what he tells someone is made to the one told
        (
            "told-content",
            "British executive Jonathan Solomon told Japanese ministry officials he opposes a merger proposal.",
            "opposes",
            ("GBR", "JPN"),
        ),
    ],
)
def test_a_target_rule_finds_the_target_and_only_it_does(
    parser: Parser, rule: str, text: str, trigger: str, sides: tuple[str, str]
) -> None:
    assert _sides(coded(parser, text), trigger) == sides
    assert _sides(coded(parser, text, [rule]), trigger)[1] != sides[1]


def test_an_outlet_told_is_no_target(parser: Parser) -> None:
    text = "Chinese Foreign Minister Wang Yi told Reuters the talks had been useful."
    assert [e.target for e in coded(parser, text) if e.trigger == "told"] in ([], [None])


@pytest.mark.parametrize(
    "text",
    [
        "British Foreign Secretary Jack Straw told Japanese officials that Iran opposes the plan.",
        # two parties of one code (GBRPTY): still two actors
        "Liberal Democrat leader Charles Kennedy told delegates that the Tories had failed to oppose the war.",
    ],
)
def test_a_third_partys_act_the_teller_reports_is_not_made_to_the_one_told(parser: Parser, text: str) -> None:
    told = {"Japanese officials", "delegates"}
    assert all(e.target is None or e.target.name not in told for e in coded(parser, text) if e.trigger != "told")


def test_the_pronoun_us_is_not_the_united_states(parser: Parser) -> None:
    text = "“What they did to us is illegal,” Philippine fisheries spokesman Nazario Briguera said."

    def targets(disabled: Sequence[str] = ()) -> set[str | None]:
        return {e.target.country if e.target else None for e in coded(parser, text, disabled)}

    assert "USA" not in targets()
    assert "USA" in targets(["pronoun-not-country"])


def test_a_criticism_told_to_someone_is_aimed_at_the_actor_it_names(parser: Parser) -> None:
    # the one told is the target of a statement, not of a criticism of another actor (speech-addressee)
    text = "Liberal Democrat leader Charles Kennedy told delegates that Labour had abused the public's trust."
    event = one(coded(parser, text), "told")
    assert event.target is not None and event.target.name == "Labour"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russian President Vladimir Putin met German Chancellor Olaf Scholz, whom he later criticised.", "criticised"),
        (
            "The Japanese army massacred Chinese civilians, for which the Japanese government has never apologised.",
            "apologised",
        ),
    ],
)
def test_a_relative_pronoun_object_is_the_noun_it_stands_for(parser: Parser, text: str, trigger: str) -> None:
    # the pronoun holds the object place (direct, or after a fronted preposition) of the noun
    on = _sides(coded(parser, text), trigger)
    assert on[1] in ("DEU", "CHN"), on
    assert [e.target for e in coded(parser, text, ["relative-object"]) if e.trigger == trigger and e.target] == []


def test_a_probe_coordinated_after_a_received_object_is_received_too(parser: Parser) -> None:
    # "a probe" is a conjunct of "lawsuits", the object of "facing"; the by-phrase is its doer
    text = "Chinese carmaker Geely is facing shareholder lawsuits and a probe by the US Justice Department."
    assert _sides(coded(parser, text), "probe") == ("USA", "CHN")
    assert _sides(coded(parser, text, ["received-reach"]), "probe")[1] != "CHN"
    # a by-phrase on the received noun itself is its doer too
    alone = "Huawei faces an investigation by the US Justice Department."
    assert _sides(coded(parser, alone), "investigation")[0] == "USA"
    assert _sides(coded(parser, alone, ["received-reach"]), "investigation")[0] is None


def test_a_meeting_taken_part_in_names_the_target(parser: Parser) -> None:
    # "in talks" is no venue: the talks' partner is the one the participation is aimed at
    text = "The French government will participate in talks with Iran next week."
    assert _sides(coded(parser, text), "participate") == ("FRA", "IRN")
    assert _sides(coded(parser, text, ["meeting-part"]), "participate") == ("FRA", None)
