"""The entities stage's layers on small texts: pronouns, surnames, majority label, metonymy, lookups."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.facts.actors.index import EntityIndex
from tidings.facts.actors.names import clean_key, person_key
from tidings.facts.actors.tables import load_tables, org_country_sector, sector_of
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage, RawMention, _Clusterer, _vote, find_entities
from tidings.facts.switches import switched_off
from tidings.nlp import Parser
from tidings.records import Article, Entity, Mention


def run(parser: Parser, text: str) -> tuple[list[Mention], list[Entity], Any]:
    doc = parser.parse(text)
    mentions, entities = find_entities(doc, "a1", "2024-01-02")
    return mentions, entities, doc


def by_name(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.name == name)


def referent(parser: Parser, text: str, word: str) -> str:
    """The name of the entity the first mention written ``word`` (a pronoun) resolves to."""
    mentions, entities, _ = run(parser, text)
    mention = next(m for m in mentions if m.text == word)
    return next(e.name for e in entities if e.id == mention.entity_id)


def test_stage_contract(parser: Parser) -> None:
    stage = EntityStage()
    assert stage.name == "tidings.entities.rules.v1"
    assert stage.requires == () and stage.provides == ("mentions", "entities")
    text = "Chancellor Olaf Scholz visited Paris on Monday."
    art = Article(id="a9", source="t", url=None, title=None, text=text, paragraphs=())
    out = stage(FactContext(art, parser.parse(text)))
    assert set(out) == {"mentions", "entities"}
    scholz = by_name([e for e in out["entities"] if isinstance(e, Entity)], "Olaf Scholz")
    assert scholz.article_id == "a9" and scholz.stage == stage.name


def test_pronouns_resolve_to_person_antecedents(parser: Parser) -> None:
    text = (
        "German Chancellor Olaf Scholz met Polish officials in Warsaw on Tuesday. "
        "He said the talks had gone well.\n\n"
        "“I am confident we will agree,” Scholz told reporters after his meeting."
    )
    mentions, entities, _ = run(parser, text)
    scholz = by_name(entities, "Olaf Scholz")
    pron = {m.text: m.entity_id for m in mentions if m.label == "PRON"}
    assert pron["He"] == scholz.id
    assert pron["I"] == scholz.id
    assert pron["his"] == scholz.id
    assert scholz.country == "DEU" and scholz.actor_code == "DEUGOV"


def test_pronoun_outside_quotes_first_person_is_not_resolved(parser: Parser) -> None:
    mentions, _, _ = run(parser, "I think Olaf Scholz will win, wrote the columnist.")
    assert not [m for m in mentions if m.text == "I"]


def test_surname_only_mentions_link_to_the_full_name(parser: Parser) -> None:
    text = (
        "Japanese Prime Minister Fumio Kishida arrived in Seoul on Sunday. "
        "Kishida will meet President Yoon Suk Yeol. Yoon said Kishida’s visit mattered."
    )
    mentions, entities, _ = run(parser, text)
    kishida = by_name(entities, "Fumio Kishida")
    assert "Kishida" in kishida.aliases
    kishida_mentions = [m for m in mentions if m.text.startswith("Kishida")]
    assert len(kishida_mentions) == 2 and all(m.entity_id == kishida.id for m in kishida_mentions)
    assert kishida.country == "JPN" and any("Prime Minister" in r.title for r in kishida.roles)
    assert len([e for e in entities if e.kind == "PERSON"]) == 2


def test_majority_label_and_multiword_names_outvote_surnames() -> None:
    def m(start: int, end: int, label: str, key: str) -> RawMention:
        return RawMention(start, end, label, key)

    # "Kofi Annan" (PERSON) + three bare "Annan" tagged ORG: the full name wins
    assert _vote([m(0, 2, "PERSON", "kofi annan"), *(m(i, i + 1, "ORG", "annan") for i in (5, 9, 14))]) == "PERSON"
    # one-word names only: plain majority
    assert _vote([m(0, 1, "GPE", "blinken"), m(3, 4, "PERSON", "blinken"), m(6, 7, "PERSON", "blinken")]) == "PERSON"
    # a tie prefers an organisation over a place
    assert _vote([m(0, 1, "LOC", "scientology"), m(3, 4, "ORG", "scientology")]) == "ORG"


def test_a_one_word_name_tagged_mostly_as_a_place_is_not_part_of_a_persons_name(parser: Parser) -> None:
    doc = parser.parse("Swansea Unite marched in Swansea . Swansea was calm . Police in Swansea watched Swansea .")
    words = [t.text for t in doc]
    at = [i for i, w in enumerate(words) if w == "Swansea"]  # 0 (the group), then four bare names
    labels = ["GPE", "GPE", "GPE", "PERSON"]  # the tagger calls the bare name a place mostly
    mentions = [RawMention(0, 2, "PERSON"), *(RawMention(i, i + 1, lab) for i, lab in zip(at[1:], labels, strict=True))]
    clusterer = _Clusterer(doc, load_tables())
    clusterer.run(mentions)
    assert mentions[0].cluster != mentions[1].cluster  # the town is not the group "Swansea Unite"
    assert len({m.cluster for m in mentions[1:]}) == 1  # every bare "Swansea" is one place
    person = parser.parse("Sani Abacha flew in . Abacha spoke . Abacha left . Abacha came .")
    mentions = [RawMention(0, 2, "PERSON"), *(RawMention(i, i + 1, "GPE") for i in (5, 8, 11))]
    _Clusterer(person, load_tables()).run(mentions)
    assert len({m.cluster for m in mentions}) == 1  # a surname the tagger calls a place still ends its name


def test_capital_and_country_metonyms_code_as_actors(parser: Parser) -> None:
    text = "Beijing rejected the report. Washington carries out hacking attacks, China said. US officials disagreed."
    _, entities, doc = run(parser, text)
    index = EntityIndex({"entities": entities})

    def code(phrase: str) -> str | None:
        at = text.index(phrase)
        ref = index.actor_for_span(doc, at, at + len(phrase))
        return ref.actor_code if ref else None

    assert code("Beijing") == "CHNGOV"
    assert code("Washington") == "USAGOV"
    assert code("China") == "CHN"
    assert code("US officials") == "USAGOV"
    # un-clustered phrases are coded from the tables alone
    empty = EntityIndex({})
    at = text.index("US officials")
    ref = empty.actor_for_span(doc, at, at + len("US officials"))
    assert ref is not None and ref.actor_code == "USAGOV" and ref.entity_id is None
    assert empty.actor_for_span(doc, text.index("rejected"), text.index("rejected") + 8) is None


def test_entity_at_prefers_the_head_of_a_titled_name(parser: Parser) -> None:
    text = "Chinese Foreign Minister Qin Gang met Microsoft co-founder Bill Gates."
    _, entities, _ = run(parser, text)
    index = EntityIndex({"entities": entities})
    whole = index.entity_at(0, text.index(" met"))
    assert whole is not None and whole.name == "Qin Gang" and whole.actor_code == "CHNGOV"
    gates = index.entity_at(text.index("Microsoft"), len(text) - 1)
    assert gates is not None and gates.name == "Bill Gates" and gates.actor_code == "USABUS"
    ref = index.actor_ref(gates)
    assert (ref.name, ref.entity_id, ref.country, ref.sector) == ("Bill Gates", gates.id, "USA", "BUS")
    assert index.entity_at(text.index("met"), text.index("met") + 3) is None


def test_clutter_breadcrumb_and_title_words_are_not_entities(parser: Parser) -> None:
    text = (
        "Home World US Secretary of State Antony Blinken arrives in Beijing\n\nUS Defense Secretary Lloyd Austin spoke."
    )
    _, entities, _ = run(parser, text)
    names = {e.name for e in entities}
    assert "Antony Blinken" in names and "Lloyd Austin" in names
    assert not names & {"Home World US", "Home", "State", "Defense", "World"}


def test_tables_and_name_keys() -> None:
    assert sector_of("GOVMIL") == "MIL" and sector_of("GOVAGR") == "GOV"
    assert org_country_sector("MNCUSA") == ("USA", "BUS")
    assert org_country_sector("USAGOVLEG") == ("USA", "LEG")
    assert org_country_sector("IGOUNO") == (None, "IGO")
    tables = load_tables()
    assert tables.role_sector("defense minister") == "GOV"  # a minister is the executive (CAMEO GOVMIL)
    assert tables.role_sector("general") == "MIL"
    assert tables.role_sector("spokesperson") == "GOV"
    assert tables.role_sector("co-founder") == "BUS"
    hit = tables.country("beijing")
    assert hit is not None and (hit.code, hit.kind) == ("CHN", "capital")
    assert clean_key("Microsoft Corp.") == clean_key("Microsoft") == "microsoft"
    assert clean_key("the U.S.") == "us"
    assert person_key("President Joe Biden’s") == "joe biden"


def test_empty_and_entity_free_texts(parser: Parser) -> None:
    for text in ("", "   \n\n  ", "It rained all day and nobody came."):
        mentions, entities, _ = run(parser, text)
        assert (mentions, entities) == ([], [])


def test_codes_without_a_country_never_pose_as_one() -> None:
    assert org_country_sector("MED") == (None, "MED")  # PETRARCH's code for news agencies
    assert sector_of("PPL") == "CVL"  # PETRARCH's "people": civilians in CAMEO and PLOVER
    assert sector_of("XYZ") == ""  # not a CAMEO/PLOVER sector


def test_government_title_without_country_falls_back_to_the_article_country(parser: Parser) -> None:
    text = (
        "France will raise taxes, the French cabinet said in Paris on Monday. "
        "President Jean Dupontel told reporters that France had no choice."
    )
    _, entities, _ = run(parser, text)
    person = next(e for e in entities if e.kind == "PERSON")
    assert person.name == "Jean Dupontel"
    assert (person.country, person.actor_code) == ("FRA", "FRAGOV")
    assert person.confidence < 1.0  # a guess from context, flagged as such


def test_a_one_word_organisation_tagged_twice_is_found_where_the_parser_missed_it(parser: Parser) -> None:
    from tidings.facts.entities.layers import RawMention, refind

    doc = parser.parse("Tesla said it would build cars. Officials met Tesla on Friday. Tesla, meanwhile, hired staff.")
    at = [t.i for t in doc if t.text == "Tesla"]
    twice = [[RawMention(at[0], at[0] + 1, "ORG", "tesla", 0), RawMention(at[1], at[1] + 1, "ORG", "tesla", 0)]]
    found = refind(doc, twice, {at[0], at[1]}, ["ORG"])
    assert [(m.start, m.cluster) for m in found] == [(at[2], 0)]
    once = [[RawMention(at[0], at[0] + 1, "ORG", "tesla", 0)]]  # once may be a common word read as a name
    assert refind(doc, once, {at[0]}, ["ORG"]) == []


def test_a_picture_credit_keeps_the_agency(parser: Parser) -> None:
    text = "Officials met in Beijing on Monday. [Photo/VCG] China said on Monday it would respond."
    _, entities, _ = run(parser, text)
    names = {e.name for e in entities}
    assert "VCG" in names and not any("/" in n or "Photo" in n for n in names)


def test_a_name_with_a_slash_that_is_no_credit_stays_whole(parser: Parser) -> None:
    text = "The firm is a unit of Royal Dutch/Shell, Shell said. (Xinhua/Fan Jun) Xinhua reported it."
    _, entities, _ = run(parser, text)
    names = {e.name for e in entities}
    assert "Royal Dutch" not in names and "Xinhua" in names and not any("Fan Jun" in n for n in names)


def test_possessives_bound_by_their_subject_tell_a_persons_gender(parser: Parser) -> None:
    # "Clinton defended her record" twice and "Trump repeated his attacks" twice: "She" is Clinton
    # though Trump is the subject of the sentence before
    text = (
        "Hillary Clinton defended her record in Ohio. Clinton thanked her supporters. "
        "Donald Trump repeated his attacks on Monday. Trump praised his voters. "
        "She said the plan would help families."
    )
    assert referent(parser, text, "She") == "Hillary Clinton"
    mentions, entities, _ = run(parser, text)
    his = [m for m in mentions if m.text == "his"]
    assert his and all(m.entity_id == by_name(entities, "Donald Trump").id for m in his)


def test_a_gendered_role_noun_beside_a_name_tells_the_persons_gender(parser: Parser) -> None:
    # "actress" before Streep and "the chairwoman" in apposition to Lee mark both as women, so
    # each "He" goes back past the subject of the sentence before to the man named before her
    text = (
        "David Hare praised actress Meryl Streep on Monday. "
        "Meryl Streep thanked the festival. "
        "He said the film would open in May. "
        "Tom Allen met Anna Lee, the chairwoman of the board, in London. "
        "Anna Lee signed the deal. "
        "He said the deal was fair."
    )
    mentions, entities, _ = run(parser, text)
    he = [m.entity_id for m in mentions if m.text == "He"]
    assert he == [by_name(entities, "David Hare").id, by_name(entities, "Tom Allen").id]


def test_a_persons_gender_is_carried_on_the_entity(parser: Parser) -> None:
    # one home for gender: an honorific (Mr Blair), a role noun (actress Streep), the pronouns
    # tied to the person (Clinton's "her" twice); a name with no such mark has none
    text = (
        "Mr Blair said he would stay. Hillary Clinton defended her record. Clinton thanked her voters. "
        "Blair praised actress Meryl Streep. Pat Kumar met Blair in London."
    )
    _, entities, _ = run(parser, text)
    genders = {e.name: e.gender for e in entities if e.kind == "PERSON"}
    assert genders["Blair"] == "m" and genders["Hillary Clinton"] == "f" and genders["Meryl Streep"] == "f"
    assert genders["Pat Kumar"] is None
    assert all(e.gender is None for e in entities if e.kind != "PERSON")


def test_the_person_noun_lexicon_genders_only_nouns_of_one_gender() -> None:
    from tidings.facts.entities.pronouns import person_nouns

    nouns = person_nouns()
    assert nouns["actress"] == nouns["widow"] == nouns["spokeswoman"] == nouns["chairwoman"] == "f"
    assert nouns["widower"] == nouns["boy"] == "m"
    # ungendered roles, words with a sense that is no person, and the "-man" forms said of women too
    assert {nouns[w] for w in ("doctor", "president", "chairman", "spokesperson", "official")} == {"-"}
    assert not {"government", "ministry", "company", "statement", "police"} & nouns.keys()


def test_a_pronoun_after_an_unnamed_person_stands_for_that_person(parser: Parser) -> None:
    # "a spokeswoman" brings in a person left unnamed: "She" of the next sentence is she, not Tom
    # Allen further back; "the diplomat" with no "a diplomat" before takes up Zhang Wei, and so
    # does the "He" after it
    text = (
        "Tom Allen met voters in Leeds on Monday. "
        "A spokeswoman for the city council said the plan was fair. "
        "She added that the council would vote in May. "
        "Zhang Wei met reporters in Geneva on Tuesday. "
        "The diplomat noted that talks would go on. "
        "He said the two sides were close."
    )
    mentions, entities, _ = run(parser, text)
    she = next(m for m in mentions if m.text == "She")
    role = next(e for e in entities if e.id == she.entity_id)
    assert not role.named and "spokeswoman" in role.name
    assert referent(parser, text, "He") == "Zhang Wei"


@pytest.mark.parametrize(
    ("text", "pronoun", "person"),
    [
        pytest.param(
            "Elizabeth Warren met Mr. Sanders in Iowa on Monday. Mr. Sanders thanked the voters of Iowa. "
            "She said the race was not over.",
            "She",
            "Elizabeth Warren",
            id="Mr. marks Sanders a man: She goes back past him to Warren",
        ),
        pytest.param(
            "John Smith spoke to the party in Leeds on Monday. “The record of Michael Howard is very mixed.” "
            "He said the party would fight on.",
            "He",
            "John Smith",
            id="the writer's He skips Howard, named only inside Smith's quotation",
        ),
        pytest.param(
            'John Smith spoke to the party in Leeds. He said: "This was more talk from Tom Baker. '
            '"We have heard it all before. Instead of acting he kept on talking about the past."',
            "he",
            "Tom Baker",
            id="a quote reopened at each sentence stays one quotation: its he is the speaker's word",
        ),
        pytest.param(
            "Gordon Brown spoke at the rally in Leeds. While praising Tony Blair's leadership of the party, "
            "he criticised the Conservatives.",
            "he",
            "Gordon Brown",
            id="principle C: he praised Blair's leadership, so he is not Blair",
        ),
        pytest.param(
            "Gordon Brown spoke at the rally in Leeds. While Tony Blair was speaking, he said the party would win.",
            "he",
            "Tony Blair",
            id="a clause before it with a subject of its own: its name can be the he",
        ),
    ],
)
def test_a_pronoun_resolves_to_the_person_it_can_stand_for(
    parser: Parser, text: str, pronoun: str, person: str
) -> None:
    assert referent(parser, text, pronoun) == person


def test_a_family_name_first_is_found_where_the_article_uses_it_alone(parser: Parser) -> None:
    # "Niu Li ... Niu added": the article never calls him "Li", so "Niu" is his family name
    text = (
        "Niu Li, an economist at the State Information Center, said prices might rise. "
        "Demand will weaken in the months ahead, Niu added. Niu said services drove the increase."
    )
    mentions, entities, _ = run(parser, text)
    niu = by_name(entities, "Niu Li")
    found = [m for m in mentions if m.entity_id == niu.id and m.text == "Niu"]
    assert len(found) == 2
    # the other way round: a name whose last word stands alone keeps the first word to itself
    text = "Gary Johnson spoke on Monday. Johnson said taxes would fall. Gary Hart said nothing."
    mentions, entities, _ = run(parser, text)
    johnson = by_name(entities, "Gary Johnson")
    assert not [m for m in mentions if m.entity_id == johnson.id and m.text == "Gary"]


def test_a_pronoun_before_anyone_is_named_stands_for_the_next_person_named(parser: Parser) -> None:
    text = (
        "She has slammed NATO and voted against EU treaties, and now she is on track to become president. "
        "Catherine Connolly, a former mayor of Galway, leads the polls."
    )
    assert referent(parser, text, "She") == "Catherine Connolly"
    with switched_off(frozenset({"lede-cataphor"})):
        mentions, _, _ = run(parser, text)
    assert not [m for m in mentions if m.text == "She"]
    # a person left unnamed before the pronoun is its antecedent: no name after it stands for it
    text = "An MP has had his passport stolen in a park in Kenya. Conservative MP Quentin Davies was unhurt."
    his = next((m for m in run(parser, text)[0] if m.text == "his" and m.entity_id), None)
    assert his is None or referent(parser, text, "his") != "Quentin Davies"
