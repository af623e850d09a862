"""Speech acts and expressed intents the coder proposes (issue 17, recall): an intent or threat
its actor expressed is an asserted 03x/13x event; a pronoun speaker is the article's last
speaker of its kind; an appeal stands beside the act it asks for; words of blame in what a
political actor says make a criticism."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tidings.extract.build import make_article
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.facts.events import rules
from tidings.facts.events.arguments import occasion_verb
from tidings.facts.events.stage import EventStage
from tidings.facts.places.stage import PlaceStage
from tidings.facts.times.stage import TimeStage
from tidings.nlp import Parser
from tidings.records import Event, Paragraph


def coded(parser: Parser, text: str, disabled: Sequence[str] = ()) -> Sequence[Event]:
    """The coder's events of ``text`` before detection (some rules switched off)."""
    article = make_article(source="recall", paragraphs=[Paragraph("paragraph", text)], published="2020-01-01")
    ctx = FactContext(article, parser.parse(article.text), dt.date(2020, 1, 1))
    for stage in (EntityStage(), TimeStage(), PlaceStage()):
        ctx.found.update(stage(ctx))
    return EventStage(detect=False, disabled_rules=disabled)(ctx)["events"]  # type: ignore[return-value]


def roots(events: Sequence[Event], factuality: str = "asserted") -> set[str]:
    return {(e.cameo_code or "")[:2] for e in events if e.factuality == factuality}


def test_a_pledge_to_act_is_an_asserted_intent(parser: Parser) -> None:
    events = coded(parser, "China pledged to expand cooperation with Switzerland.")
    intent = [e for e in events if (e.cameo_code or "").startswith("03")]
    assert intent and intent[0].factuality == "asserted"
    assert intent[0].source is not None and intent[0].source.country == "CHN"
    assert intent[0].target is not None and intent[0].target.country == "CHE"
    off = coded(parser, "China pledged to expand cooperation with Switzerland.", ["expressed-intent"])
    assert "03" not in roots(off) and "03" in roots(off, "planned")


def test_readiness_is_an_expressed_intent(parser: Parser) -> None:
    assert "03" in roots(coded(parser, "Xi said that China stands ready to discuss cooperation with Switzerland."))


def test_an_act_the_writer_announces_stays_planned(parser: Parser) -> None:
    events = coded(parser, "Obama will visit Japan next week.")
    assert "03" not in roots(events) and "04" not in roots(events)


def test_what_others_will_do_is_no_expressed_intent(parser: Parser) -> None:
    # the speaker tells of someone else's future act: not the speaker's own intent
    text = "Indonesian President Joko Widodo said Chinese President Xi Jinping's speech will help promote cooperation."
    assert "03" not in roots(coded(parser, text))


def test_a_pronoun_speaker_is_the_last_speaker_of_its_kind(parser: Parser) -> None:
    text = (
        "The Chinese Ministry of Commerce said on Thursday that China opposed the tariffs. "
        "It added that the United States should resume talks with China."
    )
    appeals = [e for e in coded(parser, text) if e.cameo_code == "020" and e.trigger == "added"]
    assert appeals, [(e.trigger, e.cameo_code) for e in coded(parser, text)]
    assert appeals[0].source is not None and appeals[0].source.country == "CHN"
    assert appeals[0].target is not None and appeals[0].target.country == "USA"
    off = coded(parser, text, ["speaker-pronoun"])
    assert not [e for e in off if e.trigger == "added" and e.cameo_code == "020"]


def test_an_appeal_stands_beside_the_act_it_asks_for(parser: Parser) -> None:
    # "resume talks" is a candidate of its own (hypothetical); the appeal does not yield to it
    text = (
        "The Chinese Ministry of Commerce said on Thursday that China opposed the tariffs. "
        "It added that the United States should resume talks with China."
    )
    events = coded(parser, text)
    assert [e for e in events if e.trigger == "resume" and e.factuality == "hypothetical"]
    assert [e for e in events if e.trigger == "added" and e.cameo_code == "020"]
    assert not [e for e in coded(parser, text, ["appeal-beside-act"]) if e.trigger == "added"]


def test_words_of_blame_make_a_criticism(parser: Parser) -> None:
    events = coded(parser, "The British prime minister said the proposals of the Irish government were biased.")
    criticism = [e for e in events if e.cameo_code == "111"]
    assert criticism and criticism[0].target is not None and criticism[0].target.country == "IRL"


def test_recall_rules_are_named_in_the_table() -> None:
    for name in ("expressed-intent", "speaker-pronoun", "appeal-beside-act"):
        assert name in rules.NAMES


def test_wanting_is_an_expression_only_when_said(parser: Parser) -> None:
    said = coded(parser, "The Chinese government has said it wants to expand cooperation with Switzerland.")
    assert "03" in roots(said), [(e.trigger, e.cameo_code, e.factuality) for e in said]
    aim = coded(parser, "The Chinese government wants to expand cooperation with Switzerland.")
    assert "03" not in roots(aim)


def test_hoping_another_named_actor_acts_is_an_appeal_to_it(parser: Parser) -> None:
    text = "The Ministry of Commerce said China hopes that the US would repeal the new tariffs."
    appeal = [e for e in coded(parser, text) if e.trigger == "hopes"]
    assert appeal and appeal[0].cameo_code == "020" and appeal[0].factuality == "asserted"
    assert appeal[0].target is not None and appeal[0].target.country == "USA"  # the one hoped to act
    expects = [
        e for e in coded(parser, "China expects the United States to take concrete action.") if e.trigger == "expects"
    ]
    assert expects and expects[0].cameo_code == "020"
    assert expects[0].target is not None and expects[0].target.country == "USA"
    # no named actor to appeal to: a forecast, no appeal
    assert not [e for e in coded(parser, "The Chinese government expects exports to rise.") if e.cameo_code == "020"]


def test_stock_words_of_retaliation_are_an_asserted_threat(parser: Parser) -> None:
    text = "China will take all necessary measures to defend its companies, the ministry said."
    threat = [e for e in coded(parser, text) if e.trigger == "take"]
    assert threat and threat[0].cameo_code == "130" and threat[0].factuality == "asserted"
    plain = coded(parser, "The Chinese government will take steps to improve the railways.")
    assert not [e for e in plain if (e.cameo_code or "").startswith("13")]


def test_a_participle_of_saying_speaks_for_its_clause_subject(parser: Parser) -> None:
    text = "Beijing's ambassador was quoted as saying that the tariffs were unfair."
    events = coded(parser, text)
    criticism = [e for e in events if e.trigger == "saying"]
    assert criticism and criticism[0].cameo_code == "111", [(e.trigger, e.cameo_code) for e in events]
    assert criticism[0].source is not None and criticism[0].source.country == "CHN"
    assert not [e for e in coded(parser, text, ["participle-speaker"]) if e.trigger == "saying"]


def test_an_announced_act_the_dictionary_codes_as_a_threat_is_asserted_when_expressed(parser: Parser) -> None:
    text = "The Chinese ministry said it would take firm countermeasures against the US move."
    threat = [e for e in coded(parser, text) if e.trigger == "take"]
    assert threat and (threat[0].cameo_code or "").startswith("13") and threat[0].factuality == "asserted"
    off = [e for e in coded(parser, text, ["expressed-own-code"]) if e.trigger == "take"]
    assert off and off[0].factuality != "asserted"
    # the writer's own account of a plan stays planned
    assert "13" not in roots(coded(parser, "The Chinese ministry will take firm countermeasures against the US move."))


def test_a_criticism_is_aimed_at_the_author_of_what_is_blamed(parser: Parser) -> None:
    text = "The Chinese Commerce Ministry said China's exporters were hurt by the unfair tariffs of the United States."
    criticism = [e for e in coded(parser, text) if e.cameo_code == "111"]
    assert criticism and criticism[0].target is not None and criticism[0].target.country == "USA"
    off = [e for e in coded(parser, text, ["speech-aimed-target"]) if e.cameo_code == "111"]
    assert off and off[0].target is not None and off[0].target.country == "CHN"  # the first name said
    # the author of what is blamed (the agent), not the one it was done to
    text = "Russia said the sanctions imposed on Moscow by the European Union were illegal."
    criticism = [e for e in coded(parser, text) if e.cameo_code == "111"]
    assert criticism and criticism[0].target is not None and criticism[0].target.country != "RUS"


def test_readiness_is_a_predicate_and_the_pronoun_fits_the_speaker(parser: Parser) -> None:
    # getting ready to travel is the writer's narrative, not an expressed intent
    text = (
        "The comments came as Viktor Yushchenko prepared to head to Brussels to meet with US President George W Bush."
    )
    assert "03" not in roots(coded(parser, text))
    # "they" are the tariff cuts, not the ministry
    text = (
        "New tariff cuts took effect on Sunday, with China's Ministry of Commerce saying they would "
        "facilitate regional economic integration in Asia."
    )
    assert "03" not in roots(coded(parser, text))
    assert "03" in roots(coded(parser, text, ["expressed-readiness"]))


def test_the_one_hoped_to_act_is_the_target_of_the_hope(parser: Parser) -> None:
    text = "Gao said China hopes the United States can treat the business activities of Chinese companies fairly."
    hope = [e for e in coded(parser, text) if e.trigger == "hopes"]
    assert hope and hope[0].target is not None and hope[0].target.country == "USA"


def test_an_unspecified_threat_answers_the_subject_of_its_condition(parser: Parser) -> None:
    text = "China will take all necessary measures if the US imposes new tariffs, the ministry said."
    threat = [e for e in coded(parser, text) if e.trigger == "take"]
    assert threat and threat[0].cameo_code == "130"
    assert threat[0].target is not None and threat[0].target.country == "USA"
    off = [e for e in coded(parser, text, ["threat-target"]) if e.trigger == "take"]
    assert off and off[0].target is None


def test_an_obligation_the_speaker_tells_of_a_court_is_no_appeal(parser: Parser) -> None:
    text = (
        "South African Police Minister Bheki Cele said after the Constitutional Court had ruled, on June 29, "
        "that Zuma must go to jail, there had been intelligence gathering."
    )
    assert not [e for e in coded(parser, text) if e.cameo_code == "020"]
    assert [e for e in coded(parser, text, ["appeal-own-words"]) if e.cameo_code == "020"]


def test_blame_a_worry_is_about_is_no_criticism(parser: Parser) -> None:
    text = "The Chinese Commerce Ministry said it had serious concerns over the rise of protectionism."
    assert "11" not in roots(coded(parser, text))
    assert "11" in roots(coded(parser, text, ["speech-worry-over-blame"]))


def test_it_said_does_not_stand_for_officials(parser: Parser) -> None:
    text = (
        "Pentagon officials said the contract with Contrack was under review. "
        '"We are committed to the reconstruction of Iraq," it said in a statement.'
    )
    said = [e for e in coded(parser, text) if e.trigger == "said" and "committed" in e.sentence]
    assert not said
    off = [e for e in coded(parser, text, ["speaker-number"]) if e.trigger == "said" and "committed" in e.sentence]
    assert off and off[0].source is not None and off[0].source.country == "USA"


def test_a_criticism_of_what_someone_does_is_aimed_at_the_doer(parser: Parser) -> None:
    text = (
        "Malaysia's former ambassador said the task for the ASEAN leaders is to discuss how to deal with Trump, "
        "who has been sending a signal to abandon multilateralism to focus on unilateralism."
    )
    criticism = [e for e in coded(parser, text) if e.cameo_code == "111"]
    assert criticism and criticism[0].target is not None and criticism[0].target.country == "USA"


def test_a_light_verbs_object_noun_is_the_act(parser: Parser) -> None:
    # "made an offer to": the offer (the dictionary's OFFER, 03x) is the act, Trump its doer and
    # the car makers (the light verb's to-phrase) its target; "make" itself is no trigger
    text = "U.S. President Donald Trump has made an offer to German car makers to eliminate all barriers to trade."
    offers = [e for e in coded(parser, text) if e.trigger == "offer"]
    assert offers and (offers[0].cameo_code or "").startswith("03") and offers[0].factuality == "asserted"
    assert offers[0].source is not None and offers[0].source.country == "USA"
    assert offers[0].target is not None and offers[0].target.country == "DEU"
    assert not [e for e in coded(parser, text, ["light-verb"]) if e.trigger == "offer"]


def test_a_light_verbs_noun_must_be_aimed_at_an_actor(parser: Parser) -> None:
    # "make an impact on the problems", "made the remarks at the opening": no act on anyone
    text = "The British government will make an impact on the problems of poverty, the minister said."
    assert not [e for e in coded(parser, text) if e.trigger == "impact"]
    text = "U.S. President Donald Trump has made an offer to German car makers."
    assert [e for e in coded(parser, text) if e.trigger == "offer"]


def test_a_noun_not_held_by_a_light_verb_stays_a_thing(parser: Parser) -> None:
    # the same noun as a subject is no act read off the dictionary's verb
    text = "The offer to German car makers was reported by a newspaper in Berlin."
    assert not [e for e in coded(parser, text) if e.trigger == "offer"]


def test_a_meeting_that_is_a_clauses_occasion_is_an_event_of_its_speaker(parser: Parser) -> None:
    text = (
        "At a meeting with Chinese President Xi Jinping, Secretary of State Antony Blinken said the talks were useful."
    )
    meeting = [e for e in coded(parser, text) if e.trigger == "meeting"]
    assert meeting and (meeting[0].cameo_code or "")[:2] == "04" and meeting[0].factuality == "asserted"
    assert meeting[0].source is not None and meeting[0].source.country == "USA"
    assert meeting[0].target is not None and meeting[0].target.country == "CHN"
    off = [e for e in coded(parser, text, ["meeting-occasion"]) if e.trigger == "meeting"]
    assert not off or off[0].source is None or (off[0].source.country, off[0].factuality) != ("USA", "asserted")


def test_a_meeting_occasion_of_a_passive_clause_or_of_a_body_alone_has_no_doer(parser: Parser) -> None:
    doc = parser.parse("The plan was approved at a meeting with the unions on Monday.")
    assert occasion_verb(next(t for t in doc if t.lower_ == "meeting")) is None  # the plan is no party
    doc = parser.parse("In talks with Kiichi Miyazawa, the U.S. group urged Japan to open its markets.")
    verb = occasion_verb(next(t for t in doc if t.lower_ == "talks"))
    assert verb is not None and verb.lemma_ == "urge"
    # "decided at an executive meeting": nobody else met, so the body consults no one
    events = coded(parser, "The Chinese cabinet decided at an executive meeting to cut fuel taxes.")
    assert not [e for e in events if e.trigger == "meeting"]
    # "In the meeting, Li urged the two nations ...": the meeting told before, no partner coded here
    text = "In the meeting, Chinese Premier Li Keqiang urged the two nations to launch maritime talks soon."
    assert not [e for e in coded(parser, text) if e.trigger == "meeting"]


def test_each_coordinated_target_of_another_country_is_an_event_of_its_own(parser: Parser) -> None:
    text = "The World Trade Organisation (WTO) is to hold membership talks with both Iraq and Afghanistan."
    talks = {e.target.country for e in coded(parser, text) if e.cameo_code == "046" and e.target is not None}
    assert talks == {"IRQ", "AFG"}
    off = {e.target.country for e in coded(parser, text, ["conjoined-actors"]) if e.target is not None}
    assert off == {"IRQ"}
    # coordinated doers are left as they are: one event, the first named its doer
    pledged = [e for e in coded(parser, "Georgia and Turkey signed an accord on Saturday.") if e.trigger == "signed"]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in pledged] == [("GEO", "TUR")]


def test_a_he_or_she_fallback_skips_a_person_of_the_other_gender(parser: Parser) -> None:
    # Xi is a man (Entity.gender from "Mr Xi"): an open "She" is not his; "He" still is
    said = (
        "Chinese President Xi Jinping said China opposed the tariffs. Mr Xi spoke in Beijing. "
        "{} added that the US should resume talks."
    )
    added = [e for e in coded(parser, said.format("He")) if e.trigger == "added"]
    assert added and added[0].source is not None and added[0].source.name == "Xi Jinping"
    assert not [e for e in coded(parser, said.format("She")) if e.trigger == "added"]
    acted = "Chinese President Xi Jinping met Mr Obama on Thursday. Mr Xi thanked him. {} criticised Japan."
    for pronoun, source in (("He", "Xi Jinping"), ("She", None)):
        criticism = [e for e in coded(parser, acted.format(pronoun)) if e.trigger == "criticised"]
        assert criticism and (criticism[0].source.name if criticism[0].source else None) == source
    off = [e for e in coded(parser, said.format("She"), ["gendered-fallback"]) if e.trigger == "added"]
    assert off and off[0].source is not None and off[0].source.name == "Xi Jinping"
