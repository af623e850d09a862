"""How the event stage codes sentences the CAMEO/PLOVER manuals are explicit about, end to end
(entity, time and place stages, then the event stage with the shipped model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from tidings.extract.build import make_article
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.facts.events.decide import decide, parallel_code
from tidings.facts.events.lexicon import LexiconMatch
from tidings.facts.events.model import TYPE_LABELS, Prediction
from tidings.facts.events.not_events import nonpolitical_statement
from tidings.facts.events.stage import EventStage, reflexive
from tidings.facts.places.stage import PlaceStage
from tidings.facts.times.stage import TimeStage
from tidings.nlp import Parser
from tidings.records import ActorRef, Event, Paragraph


def code(parser: Parser, text: str, published: str = "2008-08-06", disabled: Sequence[str] = ()) -> Sequence[Event]:
    article = make_article(source="rules", paragraphs=[Paragraph("paragraph", text)], published=published)
    ctx = FactContext(article, parser.parse(article.text), dt.date.fromisoformat(published))
    for stage in (EntityStage(), TimeStage(), PlaceStage()):
        ctx.found.update(stage(ctx))
    return EventStage(detect=False, disabled_rules=disabled)(ctx)["events"]  # type: ignore[return-value]  # the coder, before detection


def one(events: Sequence[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.cameo_code) for e in events]
    return found[0]


def test_refused_act_is_an_asserted_rejection(parser: Parser) -> None:
    # negation wins over the modal: "would not provide" is a refusal (CAMEO 12), not a plan
    event = one(code(parser, "Obama said he would not provide support to Israel."), "provide")
    assert event.cameo_code is not None and event.cameo_code.startswith("12")
    assert event.plover_event == "REJECT" and event.factuality == "asserted"


def test_own_intent_frames_the_act_it_announces(parser: Parser) -> None:
    events = code(parser, "The Kremlin wants to invade Finland.")
    assert not [e for e in events if e.trigger == "wants"]  # the frame yields to the act
    attack = one(events, "invade")
    assert (
        attack.plover_event == "THREATEN" and (attack.cameo_code or "")[:2] == "13"
    )  # an announced attack is a threat
    assert attack.factuality == "planned"
    assert attack.source is not None and attack.source.country == "RUS"
    assert attack.target is not None and attack.target.country == "FIN"


def test_naming_is_no_event(parser: Parser) -> None:
    events = code(parser, "The agreement is part of a nuclear partnership given the acronym AUKUS by Australia.")
    assert not [e for e in events if e.trigger == "given"], [(e.trigger, e.cameo_code) for e in events]


def test_a_wish_whose_act_is_no_event_is_no_event(parser: Parser) -> None:
    events = code(parser, "The US wants to make sure that the competition with China does not veer into conflict.")
    assert not [e for e in events if e.trigger in ("wants", "make")], [(e.trigger, e.cameo_code) for e in events]


def test_wanting_someone_else_to_act_is_an_appeal_to_them(parser: Parser) -> None:
    wants = one(code(parser, "Macron wants Erdogan to release the detained journalists."), "wants")
    assert (wants.cameo_code or "")[:2] == "02" and wants.plover_event in (None, "REQUEST")
    assert wants.target is not None and wants.target.country == "TUR"


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Seoul urged Tokyo to lift its export curbs on chip materials.", "urged", "JPN"),
        ("The Kenyan government called on Uganda to reopen the border crossing.", "called", "UGA"),
        ("Brazil encouraged Argentina to join the new regional fund.", "encouraged", "ARG"),
    ],
)
def test_asking_someone_to_act_is_an_appeal_to_them(parser: Parser, text: str, trigger: str, target: str) -> None:
    asks = one(code(parser, text), trigger)
    assert (asks.cameo_code or "")[:2] == "02", asks.cameo_code
    assert asks.target is not None and asks.target.country == target


def test_encouraging_someone_without_an_act_is_not_an_appeal(parser: Parser) -> None:
    events = code(parser, "The prime minister encouraged the Kenyan athletes before the final.")
    assert not [e for e in events if (e.cameo_code or "").startswith("02")], [(e.trigger, e.cameo_code) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"This levy is not justified," the Canadian trade minister said.', "111"),
        ("The German chancellor said the new border checks were a terrible idea.", "111"),
        ("The French minister said the harvest was not bad this year.", None),
    ],
)
def test_negative_evaluation_in_speech_is_criticism(parser: Parser, text: str, expected: str | None) -> None:
    said = [e for e in code(parser, text) if e.trigger == "said"]
    got = [e.cameo_code for e in said]
    assert (expected in got) if expected else ("111" not in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of approval said of an actor's act: praise (051) aimed at the actor, not optimism
        ("The Italian minister said China's decision to reduce tariffs was positive for trade.", "051"),
        # a forecast of the same act stays optimism
        ("The Italian minister said China's decision to reduce tariffs would be positive for trade.", "013"),
    ],
)
def test_approval_of_an_actors_act_in_speech_is_praise(parser: Parser, text: str, expected: str) -> None:
    said = one(code(parser, text), "said")
    assert said.cameo_code == expected
    assert said.target is not None and said.target.country == "CHN"
    off = one(code(parser, text, disabled=("speech-praise",)), "said")
    assert off.cameo_code == "013"


def test_expressing_support_for_anothers_position_is_endorsement(parser: Parser) -> None:
    text = "The Kenyan government expressed support for the Ugandan position on the sugar tariff."
    # stating support is praise or endorsement (051), not an intent to support (032) nor bare support (050)
    assert one(code(parser, text), "expressed").cameo_code == "051"
    assert one(code(parser, text, disabled=("express-support",)), "expressed").cameo_code != "051"


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government issued a statement condemning the Ugandan attack.",
        "The Kenyan parliament passed a resolution condemning the Ugandan attack.",
    ],
)
def test_a_documents_act_is_its_authors(parser: Parser, text: str) -> None:
    condemning = one(code(parser, text), "condemning")
    assert condemning.source is not None and condemning.source.country == "KEN"
    off = one(code(parser, text, disabled=("document-author",)), "condemning")
    assert off.source is None


def test_commentators_make_no_speech_act(parser: Parser) -> None:
    analyst = code(parser, "Analysts in Nairobi said the new tariffs were a grave mistake.")
    assert not [e for e in analyst if e.trigger == "said"], [(e.trigger, e.cameo_code) for e in analyst]
    minister = code(parser, "The Kenyan trade minister said the new tariffs were a grave mistake.")
    assert [e.cameo_code for e in minister if e.trigger == "said"] == ["111"]


def test_speaker_described_as_commentator_makes_no_speech_act_nor_events(parser: Parser) -> None:
    # an economist at a government-owned bank is still a commentator; what he says is analysis
    text = (
        "Wang Lei, a senior economist at the Bank of China, said Washington had imposed the tariffs on "
        "Beijing to bully it. The tariffs were a grave mistake, Wang told reporters."
    )
    events = code(parser, text)
    assert not events, [(e.trigger, e.cameo_code) for e in events]
    minister = code(parser, "The Chinese commerce minister said the tariffs were a grave mistake.")
    assert [e.cameo_code for e in minister if e.trigger == "said"] == ["111"]


def test_speech_act_needs_a_political_speaker(parser: Parser) -> None:
    coach = code(parser, "Kenya's football coach said the referee's decision was a disgraceful mistake.")
    assert not [e for e in coach if e.trigger == "said"], [(e.trigger, e.cameo_code) for e in coach]
    firm = code(parser, "The chief executive of Safaricom said the new Kenyan levy was unfair.")
    assert not [e for e in firm if e.trigger == "said"], [(e.trigger, e.cameo_code) for e in firm]


def test_a_decision_to_act_is_the_act(parser: Parser) -> None:
    events = code(parser, "Japan's cabinet decided on Monday to impose tariffs on South Korean steel.")
    act = one(events, "impose")
    assert (act.cameo_code or "")[:2] == "16" and act.factuality == "asserted"
    assert act.source is not None and act.source.country == "JPN"
    plan = one(code(parser, "Japan plans to impose tariffs on South Korean steel."), "impose")
    assert plan.factuality != "asserted"


def test_intent_frame_hands_its_objects_to_the_act(parser: Parser) -> None:
    events = code(
        parser,
        "Blinken plans to meet with Chinese Foreign Minister Qin Gang on Sunday, top diplomat "
        "Wang Yi, and possibly President Xi Jinping on Monday.",
        "2023-06-18",
    )
    assert not [e for e in events if e.trigger == "plans"]
    planned = [e for e in events if e.trigger == "meet" and e.factuality == "planned"]
    names = " | ".join(a.name for a in planned[0].targets) if planned else ""
    assert "Qin Gang" in names and "Wang Yi" in names
    assert [e for e in events if e.trigger == "meet" and e.factuality == "hypothetical"]


def test_protesters_destroying_property_riot(parser: Parser) -> None:
    event = one(code(parser, "The Russian building was demolished by Ukrainian protesters."), "demolished")
    assert (event.plover_event, event.cameo_code) == ("PROTEST", "145")
    assert event.source is not None and event.source.sector == "OPP"


def test_rejecting_what_the_dictionary_does_not_list_is_still_a_rejection(parser: Parser) -> None:
    event = one(code(parser, "Serbia on Thursday flatly rejected an Australian ultimatum."), "rejected")
    assert event.plover_event == "REJECT"
    assert event.source is not None and event.source.country == "SRB"


def test_participle_noun_is_the_one_acted_on(parser: Parser) -> None:
    event = one(code(parser, "Four Syrian policemen were killed in Idlib on Tuesday."), "killed")
    assert event.plover_event == "ASSAULT"
    assert event.target is not None and event.target.country == "SYR"


def test_claim_that_clause_is_not_a_claim_of_responsibility(parser: Parser) -> None:
    # the dictionary's "claim * attack" (015) is for "claimed the attack", not "claimed that X attacked"
    events = code(parser, "The US claimed that ISIL had attacked Iraq.")
    assert not [e for e in events if e.trigger == "claimed" and e.cameo_code == "015"]
    # the claimed attack itself is coded as what the US alleges, not as a claim of responsibility
    attacked = [e for e in events if e.trigger == "attacked"]
    assert attacked and all(e.factuality == "alleged" for e in attacked)
    attacked = one(events, "attacked")
    assert attacked.factuality == "alleged"


def test_purpose_clause_is_not_an_announced_intent(parser: Parser) -> None:
    events = code(
        parser,
        "Kenyan teachers staged a sit-in outside the ministry on Friday to protest the closure of their schools.",
    )
    assert not [e for e in events if e.plover_event in ("THREATEN", "AGREE")]


def _pred(best: str, second: str | None = None, p_second: float = 0.0) -> Prediction:
    probs = dict.fromkeys(TYPE_LABELS, 0.001)
    probs[best] = 0.8
    if second is not None:
        probs[second] = p_second
    return Prediction(probs, (0.2,) * 5)


@pytest.mark.parametrize(
    ("code_", "kind", "expected"),
    [
        ("022", "REQUEST", "102"),
        ("042", "AGREE", "036"),
        ("190", "THREATEN", "138"),
        ("070", "REJECT", "122"),
        ("190", "AGREE", None),
        ("022", "ASSAULT", None),
    ],
)
def test_parallel_codes(code_: str, kind: str, expected: str | None) -> None:
    assert parallel_code(code_, kind) == expected


def test_model_type_with_the_dictionary_code_of_the_same_act() -> None:
    demand = LexiconMatch("022", "petr2:DEMAND:1", "demand", 1)
    decision = decide(_pred("REQUEST"), demand)
    assert decision is not None and (decision.plover_event, decision.cameo_code) == ("REQUEST", "102")
    # the dictionary's own type wins when the model gives it a fair share
    decision = decide(_pred("REQUEST", "STATEMENT", 0.3), demand)
    assert decision is not None and decision.cameo_code == "022"


def test_the_model_does_not_replace_an_own_construction_rule_code() -> None:
    # "has called China a currency manipulator, threatened tariffs": naming, whatever the context says
    naming = LexiconMatch("010", "tidings:call-names", "call", 1)
    decision = decide(_pred("SANCTION"), naming)
    assert decision is not None and decision.cameo_code == "010"
    # nor by the same act's code in the model's family: "asked the court to" stays an appeal (020, not 100)
    appeal = LexiconMatch("020", "tidings:appeal-to-act", "ask", 1)
    decision = decide(_pred("REQUEST"), appeal)
    assert decision is not None and decision.cameo_code == "020"
    # a dictionary pattern the model is sure is of another type still gives way (rule own-over-model)
    pattern = LexiconMatch("010", "petr2:SAY:1", "call", 1)
    decision = decide(_pred("SANCTION"), pattern)
    assert decision is not None and decision.plover_event == "SANCTION"


def test_an_actor_acting_on_itself_is_no_event() -> None:
    senate = ActorRef("the Senate", actor_code="USALEG", country="USA", sector="LEG")
    senator = ActorRef("Senator Smith", actor_code="USALEG", country="USA", sector="LEG")
    court = ActorRef("the Supreme Court", actor_code="USAJUD", country="USA", sector="JUD")
    assert reflexive(senator, senate)
    assert not reflexive(court, senate)
    assert not reflexive(senator, None)


def test_exchanging_is_between_both_sides(parser: Parser) -> None:
    events = code(
        parser, "The foreign minister of Chile and the foreign minister of Peru exchanged letters on Tuesday."
    )
    event = one(events, "exchanged")
    assert {event.source and event.source.country, event.target and event.target.country} == {"CHL", "PER"}


def test_lifting_sanctions_on_someone_eases_them(parser: Parser) -> None:
    event = one(code(parser, "The European Union lifted sanctions on Belarusian potash on Friday."), "lifted")
    assert event.cameo_code == "085" and event.factuality == "asserted"
    assert event.target is not None and event.target.country == "BLR"
    general = code(parser, "The Kenyan government cut fuel duties on Friday.")
    assert not [e for e in general if e.cameo_code == "085"], [(e.trigger, e.cameo_code) for e in general]


def test_figurative_violence_is_no_event(parser: Parser) -> None:
    trade = code(parser, "Washington escalated its trade war against Beijing on Monday.")
    assert not [e for e in trade if (e.cameo_code or "")[:2] in ("18", "19", "20", "13")], [
        (e.trigger, e.cameo_code) for e in trade
    ]
    real = code(parser, "Russian troops attacked Ukrainian positions near Kharkiv on Monday.")
    assert [e for e in real if (e.cameo_code or "")[:2] in ("18", "19", "20")], [
        (e.trigger, e.cameo_code) for e in real
    ]


def test_a_quantity_changing_is_a_statistic(parser: Parser) -> None:
    events = code(parser, "Kenyan tea exports to Pakistan rose 12 percent in March.")
    assert not [e for e in events if e.trigger == "rose"], [(e.trigger, e.cameo_code) for e in events]
    refusal = code(parser, "The Kenyan government declined to provide aid to Somalia.")
    assert [e for e in refusal if (e.cameo_code or "").startswith("12")], [(e.trigger, e.cameo_code) for e in refusal]


def test_denying_that_something_is_so_is_a_denial(parser: Parser) -> None:
    event = one(code(parser, "The Kenyan interior minister denied that the police had used force."), "denied")
    assert event.cameo_code == "016"


def test_insisting_that_something_is_so_is_no_demand(parser: Parser) -> None:
    events = code(parser, "The Kenyan interior minister insisted the new law would not restrict protests.")
    assert not [e for e in events if (e.cameo_code or "").startswith("10")], [(e.trigger, e.cameo_code) for e in events]


def test_dubbing_something_a_bad_name_is_criticism(parser: Parser) -> None:
    event = one(code(parser, "The Kenyan opposition dubbed the government's budget a fraud."), "dubbed")
    assert event.cameo_code == "111"


def test_charged_with_a_crime_is_a_legal_act(parser: Parser) -> None:
    event = one(code(parser, "Kenyan police charged the opposition leader with incitement on Monday."), "charged")
    assert event.cameo_code == "173"


def test_suing_is_a_lawsuit_not_an_arrest(parser: Parser) -> None:
    text = "Earlier this month Yukos sued the Russian government for $28.3bn."
    assert one(code(parser, text), "sued").cameo_code == "115"
    assert one(code(parser, text, disabled=["sue-lawsuit"]), "sued").cameo_code == "173"  # the dictionary's SUE


def test_a_court_overturning_a_decision_is_a_ruling(parser: Parser) -> None:
    event = one(code(parser, "Kenya's Supreme Court overturned the decision of a lower court on Monday."), "overturned")
    assert event.cameo_code == "116"
    assert event.source is not None and event.source.sector == "JUD"


def test_an_appeal_needs_an_actor_to_address(parser: Parser) -> None:
    thing = code(parser, "The Kenyan president said the drought should persuade everyone to save water.")
    assert not [e for e in thing if (e.cameo_code or "").startswith("02")], [(e.trigger, e.cameo_code) for e in thing]
    actor = code(parser, "The Kenyan president said Uganda should withdraw its troops from the border.")
    assert [e for e in actor if e.trigger == "said" and (e.cameo_code or "")[:2] in ("02", "10")], [
        (e.trigger, e.cameo_code) for e in actor
    ]


def test_reporting_a_risk_is_no_pessimistic_comment(parser: Parser) -> None:
    events = code(parser, "The Kenyan health minister said the outbreak was serious.")
    assert not [e for e in events if e.cameo_code == "012"], [(e.trigger, e.cameo_code) for e in events]
    worried = code(parser, "The Kenyan health minister said she was worried about the outbreak in Uganda.")
    assert [e for e in worried if e.cameo_code == "012"], [(e.trigger, e.cameo_code) for e in worried]


def test_labelling_something_as_a_bad_name_is_criticism(parser: Parser) -> None:
    text = 'U.S. Commerce Secretary Wilbur Ross labeled China as "the most protectionist of the big countries".'
    event = one(code(parser, text), "labeled")
    assert event.cameo_code == "111"
    assert not [e for e in code(parser, text, disabled=["name-as"]) if e.cameo_code == "111"]
    assert event.target is not None and event.target.country == "CHN"


def test_calling_something_by_a_critical_adjective_is_criticism(parser: Parser) -> None:
    text = 'French president Jacques Chirac has called the UK\'s rebate from the European Union "unjustified".'
    assert one(code(parser, text), "called").cameo_code == "111"


def test_the_main_event_is_the_act_not_the_speech_reporting_it(parser: Parser) -> None:
    text = (
        "U.S. legislators called on Japan to open its financial markets to foreign firms, "
        "a Japanese Foreign Ministry spokesman said."
    )
    main = [e for e in code(parser, text) if e.is_main]
    assert [(e.trigger, e.cameo_code) for e in main] == [("called", "020")]
    old = [e for e in code(parser, text, disabled=["main-statement"]) if e.is_main]
    assert [e.trigger for e in old] != ["called"]


def test_a_statement_in_the_lede_can_be_the_main_event(parser: Parser) -> None:
    text = (
        "The Gauteng Provincial Government has issued urgent warnings to residents as severe weather continues. "
        "Later, the province's officials held a meeting with the national government."
    )
    events = code(parser, text)
    main = [e for e in events if e.is_main]
    assert [(e.trigger, (e.cameo_code or "")[:2]) for e in main] == [("warnings", "01")]
    assert not [e for e in code(parser, text, disabled=["main-statement"]) if e.is_main and e.trigger == "warnings"]


def test_the_main_event_has_a_coded_doer(parser: Parser) -> None:
    text = (
        "The accusations against China were repeated on Monday. "
        'U.S. Commerce Secretary Wilbur Ross labeled China as "the most protectionist of the big countries".'
    )
    events = code(parser, text)
    assert [e.trigger for e in events if e.is_main] == ["labeled"]
    assert [e.trigger for e in code(parser, text, disabled=["main-statement"]) if e.is_main] != ["labeled"]


def test_a_statement_read_off_any_verb_needs_a_political_speaker(parser: Parser) -> None:
    # "expressed optimism" is the dictionary's 013, not a speech rule's: the speaker test is the same
    scholar = code(
        parser,
        "Joseph Mwangi, a political scientist at the University of Nairobi, expressed optimism about ties with China.",
    )
    assert not [e for e in scholar if e.trigger == "expressed"], [(e.trigger, e.cameo_code) for e in scholar]
    minister = code(parser, "Kenyan Foreign Minister Raychelle Omamo expressed optimism about ties with China.")
    assert [(e.cameo_code or "")[:2] for e in minister if e.trigger == "expressed"] == ["01"]


@pytest.mark.parametrize(("text", "expected"), [
    ('French President Jacques Chirac has called the British rebate "unjustified".', "111"),
    ('Chirac called the rebate "a relic of the past".', "010"),
])  # fmt: skip
def test_a_name_that_judges_is_a_criticism(parser: Parser, text: str, expected: str) -> None:
    assert one(code(parser, text), "called").cameo_code == expected


def test_a_visit_needs_a_place_to_go_to(parser: Parser) -> None:
    errand = code(parser, "Police officers rushed to the spot and rescued the infant.")
    assert not [e for e in errand if (e.cameo_code or "").startswith("042")], [
        (e.trigger, e.cameo_code) for e in errand
    ]
    trip = code(parser, "Chinese Vice Premier Liu He rushed to Washington on Tuesday for trade talks.")
    assert [e.cameo_code for e in trip if e.trigger == "rushed"] == ["042"]


@pytest.mark.parametrize(("text", "expected"), [
    ('"Charges of intellectual property theft are groundless," the Chinese commerce ministry spokesman said.', "016"),
    ("The Irish foreign minister said the British proposals were unacceptable.", "120"),
    ("The Irish foreign minister said the British plan was a dangerous mistake.", "111"),
])  # fmt: skip
def test_blame_said_of_a_claim_or_a_proposal(parser: Parser, text: str, expected: str) -> None:
    assert [e.cameo_code for e in code(parser, text) if e.trigger == "said"] == [expected]


def test_blame_said_of_a_measure_stays_a_criticism(parser: Parser) -> None:
    # "idea" is the predicate, the tariffs are what is judged
    text = '"These tariffs are a bad idea," the Mexican economy minister said.'
    assert [e.cameo_code for e in code(parser, text) if e.trigger == "said"] == ["111"]


def test_arguing_that_something_is_so_is_no_opposition(parser: Parser) -> None:
    events = code(parser, "Some Labour MPs argue the situation is still unclear.")
    assert not [e for e in events if (e.cameo_code or "").startswith("11")], [(e.trigger, e.cameo_code) for e in events]
    # without a that-clause the dictionary's reading stands: opposing the plan, no statement
    against = code(parser, "Senior Tory MPs argued vociferously against the plan of the Labour government.")
    roots = [(e.cameo_code or "")[:2] for e in against if e.trigger == "argued"]
    assert roots and roots[0] in ("11", "12"), roots


def test_a_business_addressing_a_state_actor_makes_an_event() -> None:
    firm = ActorRef("Yukos", actor_code="RUSBUS", country="RUS", sector="BUS")
    court = ActorRef("the US court", actor_code="USAJUD", country="USA", sector="JUD")
    scholar = ActorRef("Joseph Mwangi", actor_code="KENEDU", country="KEN", sector="EDU")
    assert not nonpolitical_statement("020", firm, court)  # "Yukos asked the US court to ..."
    assert nonpolitical_statement("020", firm, None)  # "he stressed the need for platforms to ..."
    assert nonpolitical_statement("013", scholar, court)  # a commentator is no actor whoever he addresses
    assert not nonpolitical_statement("112", firm, None)  # other acts by businesses stay


def test_a_quoted_it_or_they_is_not_the_person_quoted(parser: Parser) -> None:
    # "it" cannot be Yu Lu: the complement's acts are no acts of the speaker (reporter-pronoun)
    quoted = code(
        parser,
        '"It violates the rules of the World Trade Organization and sabotages the global trading order," '
        "said Yu Lu, deputy director of the China Chamber of Commerce.",
    )
    assert not [e for e in quoted if e.source is not None and "Yu Lu" in e.source.name], [
        (e.trigger, e.cameo_code, e.source) for e in quoted
    ]
    # a country's "it" is the country
    country = code(parser, "Hungary has said it will veto the new sanctions on Russia.")
    assert [e.source.country for e in country if e.trigger == "veto" and e.source is not None] == ["HUN"]


@pytest.mark.parametrize("text", [
    "Building on the existing FTA framework, the upgrade further reduces trade restrictions that some ASEAN "
    "members imposed on certain service sectors, simplifies customs procedures, and encourages companies to "
    "explore new opportunities arising from e-commerce.",
    "The U.S. tariff proposals, which contravene the World Trade Organization rules, undermine the trade system.",
])  # fmt: skip
def test_a_thing_shared_or_only_qualified_by_an_actor_does_not_act(parser: Parser, text: str) -> None:
    events = code(parser, text)
    acts = {"encourages", "contravene", "undermine"}
    assert not [e for e in events if e.trigger in acts], [(e.trigger, e.cameo_code) for e in events]


@pytest.mark.parametrize(("text", "appeal"), [
    ("The Tories say people who pay for long-term care should be guaranteed free care.", False),
    ("Ministers say elderly people should be able to decide on their care.", False),
    ("The prime minister said the law-abiding citizen should be in charge of the community.", False),
    ("The foreign minister said the US must be ready to mediate between the two sides.", True),
    ("The foreign minister said the US should lift its sanctions on Cuba.", True),
])  # fmt: skip
def test_an_obligation_asks_an_actor_to_act(parser: Parser, text: str, appeal: bool) -> None:
    events = [e for e in code(parser, text) if e.trigger in ("say", "said")]
    assert bool([e for e in events if (e.cameo_code or "")[:2] in ("02", "10")]) == appeal, [
        (e.trigger, e.cameo_code) for e in events
    ]


@pytest.mark.parametrize(("text", "trigger", "appeal"), [
    ('Asked if she was a member of the group, Ms Kelly said: "I do have spiritual support from Opus Dei and '
     'that is right."', "Asked", False),
    ("Vince Cable asked why ministers attacked the plans for a new tax rate.", "asked", False),
    ("The Iraqi foreign minister asked the United Nations to lift the sanctions.", "asked", True),
    ("Japan asked the United States for help with the crisis.", "asked", True),
])  # fmt: skip
def test_a_question_is_no_appeal(parser: Parser, text: str, trigger: str, appeal: bool) -> None:
    events = [e for e in code(parser, text) if e.trigger == trigger]
    assert bool([e for e in events if (e.cameo_code or "").startswith("02")]) == appeal, [
        (e.trigger, e.cameo_code) for e in events
    ]
    if trigger == "Asked":  # the interviewer's question is no event at all
        assert not events, [(e.trigger, e.cameo_code) for e in events]


@pytest.mark.parametrize(("text", "root"), [
    ("During the election campaign, Donald Trump claimed that China was raping American industry.", "11"),
    ("Hamas claimed responsibility for the attack in Jerusalem.", "01"),
    ("Universities Scotland claimed that an increase in applications did not amount to a squeeze.", None),
    ("Mr Johnson also claimed Tony Blair's intervention was an attempt to reassure voters.", "11"),
    ("The island is in disputed waters claimed by both countries.", None),
])  # fmt: skip
def test_a_claim_accuses_only_of_a_deed(parser: Parser, text: str, root: str | None) -> None:
    roots = [(e.cameo_code or "")[:2] for e in code(parser, text) if e.trigger == "claimed"]
    assert roots == ([root] if root else []), roots


def test_the_noun_a_relative_clause_modifies_is_its_object(parser: Parser) -> None:
    events = code(parser, "Kenya said the tariffs it imposed on Ugandan sugar were lawful.")
    assert [e.cameo_code for e in events if e.trigger == "imposed"] == ["163"], [
        (e.trigger, e.cameo_code) for e in events
    ]


def test_signing_an_agreement_is_the_signing_whatever_its_field(parser: Parser) -> None:
    text = "Kenya and Uganda signed an accord on Saturday launching a joint oil pipeline project."
    assert [e.cameo_code for e in code(parser, text) if e.trigger == "signed"] == ["057"]


def test_hoping_that_the_parties_act_is_an_appeal_to_them(parser: Parser) -> None:
    text = "The Kenyan foreign minister expressed hope that the two sides would resolve their dispute."
    events = [e for e in code(parser, text) if e.trigger == "expressed"]
    assert [(e.cameo_code or "")[:2] for e in events] == ["02"], [(e.trigger, e.cameo_code) for e in events]


def test_hitting_someone_with_tariffs_is_a_sanction(parser: Parser) -> None:
    text = "The United States hit Kenyan tea with tariffs on Friday."
    assert [(e.cameo_code or "")[:2] for e in code(parser, text) if e.trigger == "hit"] == ["16"]
    off = code(parser, text, disabled=("penalty-with",))
    assert [(e.cameo_code or "")[:2] for e in off if e.trigger == "hit"] != ["16"]


def test_rebuffing_is_a_rejection(parser: Parser) -> None:
    text = "Kenya's attempts to mediate were rebuffed by the Ugandan government on Monday."
    events = [e for e in code(parser, text) if e.trigger == "rebuffed"]
    assert [(e.cameo_code or "")[:2] for e in events] == ["12"], [(e.trigger, e.cameo_code) for e in events]


def _roots(events: Sequence[Event], trigger: str) -> list[str]:
    return [(e.cameo_code or "")[:2] for e in events if e.trigger == trigger]


@pytest.mark.parametrize(
    ("rule", "trigger", "not_coded", "coded_root", "coded"),
    [
        # checking a thing is no 090; inspecting what an actor owns still is
        (
            "thing-inspected",
            "inspected",
            ["The Kenyan finance minister inspected the site of the fire on Friday."],
            "09",
            ["The Kenyan finance minister inspected Uganda's border posts on Friday."],
        ),
        # a person accused of a crime by no one is a charge reported; an actor's accusation is 112
        (
            "accused-unnamed",
            "accused",
            ["John Kamau, 28, is accused of fatally stabbing a Kenyan soldier in Nairobi."],
            "11",
            [
                "The Kenyan government accused Uganda of stealing cattle.",
                "John Kamau has been accused of criticising the Kenyan president in a private address.",
            ],
        ),
    ],
)
def test_a_lexicon_rule_removes_only_its_sense(
    parser: Parser, rule: str, trigger: str, not_coded: list[str], coded_root: str, coded: list[str]
) -> None:
    for text in not_coded:
        assert _roots(code(parser, text), trigger) == []
        assert _roots(code(parser, text, disabled=(rule,)), trigger) == [coded_root]
    for text in coded:
        assert _roots(code(parser, text), trigger) == [coded_root]


def test_a_quoted_hope_that_the_parties_act_is_an_appeal(parser: Parser) -> None:
    text = '"We hope that the two sides can resolve their disputes," Kenyan foreign minister Raychelle Omamo said.'
    # the saying is the appeal the hope already codes (one event of a root per sentence), no optimism
    assert sorted((e.cameo_code or "")[:2] for e in code(parser, text)) == ["02"]
    assert _roots(code(parser, text, disabled=("speech-hope-other",)), "said") == ["01"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # speech-time-for: "it is time for Y to act" asks Y to act (020)
        ("The Chinese minister said it was time for the United States to open its markets.", "said", "020"),
        # speech-no-denial: "no" denies a claim word as "not" does (016), no criticism (111)
        ('"This is no stunt," said British Foreign Secretary Jack Straw.', "said", "016"),
        # speech-collective: "a set of proposals ... was unacceptable" rejects the proposals (120)
        (
            "British Foreign Secretary Jack Straw said a set of proposals given to the parties was unacceptable.",
            "said",
            "120",
        ),
    ],
)
def test_speech_constructions(parser: Parser, text: str, trigger: str, expected: str) -> None:
    assert one(code(parser, text), trigger).cameo_code == expected


@pytest.mark.parametrize(
    ("text", "trigger", "rule", "without"),
    [
        ('"This is no stunt," said British Foreign Secretary Jack Straw.', "said", "speech-no-denial", "111"),
    ],
)  # fmt: skip
def test_speech_constructions_switched_off(parser: Parser, text: str, trigger: str, rule: str, without: str) -> None:
    codes = [e.cameo_code for e in code(parser, text, disabled=[rule]) if e.trigger == trigger]
    assert without in codes, codes


@pytest.mark.parametrize(
    ("rule", "text", "trigger", "on", "off"),
    [
        # prep-pattern: 'to' deep in the praise's for-phrase hosts no visit (043): praise (051)
        (
            "prep-pattern",
            "The Kenyan president praised the Ugandan army for flying water to the disaster zone.",
            "praised",
            ["05"],
            ["04"],
        ),
        # consider-option: considering an option is 014, not the CONSIDER block's 040
        (
            "consider-option",
            "The Kenyan government considers an additional tariff on Ugandan sugar.",
            "considers",
            ["01"],
            ["04"],
        ),
        # consider-option: regarding X as Y is an opinion, no event
        ("consider-option", "Kenya considers Migingo Island part of its territory.", "considers", [], ["04"]),
        # face-thing: facing a thing is no meeting
        ("face-thing", "The Kenyan government is facing uproar in parliament.", "facing", [], ["04"]),
        # personnel-object: a person fired is removed from a post, no attack (190)
        ("personnel-object", "The Kenyan president fired the police chief on Friday.", "fired", [], ["19"]),
        # personnel-participle: the noun a passive participle modifies is the one fired
        (
            "personnel-participle",
            "The newspaper, edited by John Kamau, the politician fired by President Ruto last year, said voters were "
            "unhappy.",
            "fired",
            [],
            ["11"],
        ),
        # membership-change: a person quitting a party changes his post; a state quitting a body keeps its event
        ("membership-change", "Kenyan MP John Kamau has quit the Orange Democratic Party.", "quit", [], ["16"]),
        ("membership-change", "Kenya has quit the party of East African states.", "quit", ["16"], ["16"]),
        (
            "membership-change",
            "But he joined the shadow cabinet in 1980, and he was elected leader in 1983.",
            "joined",
            [],
            ["04"],
        ),
        # join-act: joining calls is taking part in the calls (coded on the noun), no gathering
        ("join-act", "Kenyan MP John Kamau joined calls for a probe into the deal.", "joined", [], ["04"]),
        # call-for-noun: calls for an act are an appeal (020); calls rejected are no appeal reported
        ("call-for-noun", "Kenyan MPs renewed calls for an investigation into the war.", "calls", ["02"], ["09"]),
        (
            "call-for-noun",
            "The Kenyan president rejected calls for an investigation into the war.",
            "calls",
            [],
            ["09"],
        ),
        # unspecified-act: a step taken is no one seized (17x)
        (
            "unspecified-act",
            "The Kenyan government had taken a bold step to stimulate the economy.",
            "taken",
            [],
            ["17"],
        ),
        # striving: a person fighting to do something strives, no one is fought
        (
            "striving",
            "President Moi, fighting to recover politically from the Goldenberg scandal, plans to acknowledge his "
            "mistakes tonight.",
            "fighting",
            [],
            ["19"],
        ),
        # refuse-to-say: refusing to answer is declining comment (011), not a rejection (12x)
        (
            "refuse-to-say",
            "Kenyan MP John Kamau refused to answer further questions on the issue.",
            "refused",
            ["01"],
            ["12"],
        ),
        # suggest-that: suggesting something could be so is no appeal; suggesting someone should act is
        (
            "suggest-that",
            "Kenyan President William Ruto suggested that the Ugandan oil company could play a role in the project.",
            "suggested",
            [],
            ["02"],
        ),
        (
            "suggest-that",
            "Kenyan President William Ruto suggested that Uganda should lift the tariffs.",
            "suggested",
            ["02"],
            ["02"],
        ),
        # opposed-meeting: opposing a summit is refusing to meet (125), and the summit opposed is no meeting
        (
            "opposed-meeting",
            "The Kenyan government continued to oppose a budget summit with the Ugandan parliament.",
            "oppose",
            ["12"],
            ["11"],
        ),
        (
            "opposed-meeting",
            "The Kenyan government continued to oppose a budget summit with the Ugandan parliament.",
            "summit",
            [],
            ["04"],
        ),
        # refuse-to-say: refusing to respond to a request rejects it, no declining of comment
        (
            "refuse-to-say",
            "The United States refused to respond to the Kenyan request for consultations.",
            "refused",
            ["12"],
            ["12"],
        ),
        # refute-denies: refuting is a denial (016), not disapproval (110)
        ("refute-denies", "A Kenyan government spokesman totally refuted any wrongdoing.", "refuted", ["01"], ["11"]),
        # argue-for: arguing for something is no opposition (110)
        (
            "argue-for",
            "Kenyan minister John Mbadi said he had backed the plans when President Ruto argued for them in cabinet.",
            "argued",
            [],
            ["11"],
        ),
        # table-document: a budget or motion tabled is lawmaking, no delay
        (
            "table-document",
            "Kenyan finance minister John Mbadi tabled the budget in parliament on Wednesday.",
            "tabled",
            [],
            ["12"],
        ),
        # thing-agent: a thing doing the bothering reports no act
        (
            "thing-agent",
            "Kenyan residents are normally bothered by the dust pollution from the mining.",
            "bothered",
            [],
            ["01"],
        ),
        # thing-advcl: a participle of result has its clause's thing subject
        (
            "thing-advcl",
            "Widescale smuggling of basic goods has bankrupted several local manufacturers, throwing hundreds of "
            "thousands of Kenyans out of work.",
            "throwing",
            [],
            ["16"],
        ),
        # deny-gerund: denying a deed of one's own is a denial (016), not a refusal (12x)
        (
            "deny-gerund",
            "Kenyan minister John Mbadi denied being in a relationship with the Ugandan envoy.",
            "denied",
            ["01"],
            [],
        ),
    ],
)
def test_a_sense_rule_codes_the_argument_class(
    parser: Parser, rule: str, text: str, trigger: str, on: list[str], off: list[str]
) -> None:
    assert _roots(code(parser, text), trigger) == on
    assert _roots(code(parser, text, disabled=(rule,)), trigger) == off


def test_a_denied_allegation_names_no_accusation(parser: Parser) -> None:
    # denied-claim: the allegations an unnamed accuser made are only what is denied (016)
    text = "Kenyan minister John Mbadi denied allegations he had taken bribes."
    assert _roots(code(parser, text), "allegations") == []
    assert _roots(code(parser, text, disabled=("denied-claim",)), "allegations") != []
    assert _roots(code(parser, text), "denied") == ["01"]


def test_lying_idle_accuses_no_one(parser: Parser) -> None:
    # lie-of-position: "lay idle" is where the ships are, no lie told (112) nor blame (111)
    text = "Six Kenyan ships lay idle in Mombasa, Kenyan union official John Kamau said."
    assert not [r for r in _roots(code(parser, text), "said") if r == "11"]
    assert [r for r in _roots(code(parser, text, disabled=("lie-of-position",)), "said") if r == "11"]


def test_a_hope_for_people_in_general_is_no_appeal(parser: Parser) -> None:
    # parties-determined: a bare plural of people is no party appealed to; "the two sides" is
    text = "Kenyan minister John Mbadi said he hoped that young people would vote."
    assert "02" not in _roots(code(parser, text), "hoped")
    assert "02" in _roots(code(parser, text, disabled=("parties-determined",)), "hoped")
    text = "Kenyan minister John Mbadi said he hoped that the two sides would talk."
    assert "02" in _roots(code(parser, text), "hoped")


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("China and the United States will hold talks next week. Gao said China hopes the two sides can work "
         "together to advance business ties.", "hopes", "USA"),
        ('China and the United States will hold talks next week. "We hope that the two sides can meet each other '
         'halfway," Chinese commerce ministry spokesperson Gao Feng said.', "hope", "USA"),
        # a third party's hope for both sides names no single target
        ("Russia and Ukraine held talks on Monday. France hopes the two sides can reach a deal.", "hopes", None),
    ],
)  # fmt: skip
def test_one_partys_appeal_to_both_sides_is_aimed_at_the_other(
    parser: Parser, text: str, trigger: str, target: str | None
) -> None:
    event = one(code(parser, text), trigger)
    assert event.cameo_code == "020"
    assert (event.target.country if event.target else None) == target
    off = one(code(parser, text, disabled=["pair-other-side"]), trigger)
    assert off.target is None


def test_a_target_is_read_into_a_coordinated_object(parser: Parser) -> None:
    text = ("The Trump administration has decided to impose a 25-percent tariff on steel imports and a 10-percent "
            "tariff on aluminum from China.")  # fmt: skip
    event = one(code(parser, text), "impose")
    assert event.target is not None and event.target.country == "CHN"
    assert one(code(parser, text, disabled=["conjoined-object"]), "impose").target is None


def test_a_purpose_clause_naming_no_one_is_aimed_at_the_one_called(parser: Parser) -> None:
    text = "German Chancellor Angela Merkel called Vladimir Putin on Friday to press for a ceasefire."
    event = one(code(parser, text), "press")
    assert event.target is not None and event.target.country == "RUS"
    assert one(code(parser, text, disabled=["purpose-partner"]), "press").target is None


def test_an_organisation_in_a_persons_title_is_the_affiliation(parser: Parser) -> None:
    # the article's Argentine story gives the bare name its country (the entities stage): not the title's body
    text = ("Argentine President Raul Alfonsin met for more than an hour with International Monetary Fund Managing "
            "Director Michel Camdessus, and Argentine economy minister Juan Sourrouille said the two men discussed "
            "Argentina's economy.")  # fmt: skip
    event = one(code(parser, text), "met")
    assert event.target is not None and event.target.country is None
    assert (event.target.actor_code or "").startswith("IGO")
    off = one(code(parser, text, disabled=["title-organisation"]), "met")
    assert off.target is not None and off.target.country == "ARG"
