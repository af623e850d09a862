"""Who may be an actor where a name is used: places, qualifiers, things and documents refused."""

from __future__ import annotations

from tidings.facts.actors.tables import load_tables
from tidings.facts.actors.usage import is_dateline, mention_use, names_document
from tidings.nlp import Parser


def use(parser: Parser, text: str, word: str, named: tuple[str, ...] = ()) -> str:
    doc = parser.parse(text)
    at = text.index(word)
    span = doc.char_span(at, at + len(word), alignment_mode="expand")
    assert span is not None
    named_toks = frozenset(
        t.i for n in named for t in doc.char_span(text.index(n), text.index(n) + len(n), alignment_mode="expand")
    )
    return mention_use(doc, span.start, span.end, named_toks, load_tables())


def test_acting_and_counterpart_countries_are_actors(parser: Parser) -> None:
    assert use(parser, "China said on Monday that it would retaliate.", "China") == "actor"
    assert use(parser, "The two sides held talks with China on Monday.", "China") == "actor"
    assert use(parser, "The United States imposed tariffs on China last year.", "China") == "actor"
    assert use(parser, "Analysts warned about the U.S. strategy in Asia.", "U.S.") == "actor"


def test_places_things_statistics_and_qualifiers_are_refused(parser: Parser) -> None:
    assert use(parser, "The talks were held in Beijing on Friday.", "Beijing") == "place"
    assert use(parser, "Tariffs rose on Chinese goods and U.S. dollars fell.", "Chinese") == "thing"
    assert use(parser, "Tariffs rose on Chinese goods and U.S. dollars fell.", "U.S.") == "thing"
    assert use(parser, "The tariffs hit US-made vehicles.", "US") == "thing"
    text = "President Vladimir Putin of Russia met Chinese President Xi Jinping."
    assert use(parser, text, "Russia", ("Vladimir Putin", "Xi Jinping")) == "qualifier"
    assert use(parser, text, "Chinese", ("Vladimir Putin", "Xi Jinping")) == "qualifier"
    assert use(parser, "Beef exports to China fell by a third.", "China") == "statistic"
    assert use(parser, "Oil from Iran became cheaper last year.", "Iran") == "place"
    assert use(parser, "The minister returned from Pyongyang on Sunday.", "Pyongyang") == "place"
    assert use(parser, "She met the ambassador to Japan.", "Japan") == "post"


def test_datelines_and_documents(parser: Parser) -> None:
    text = "BEIJING, Dec. 16 (Xinhua) -- China regretted the move."
    doc = parser.parse(text)
    assert is_dateline(doc, 0, 1) and not is_dateline(doc, doc.char_span(29, 34).start, doc.char_span(29, 34).end)
    text = (
        "The two countries signed a free trade agreement (FTA) and the FTA enters into force under the U.S. Trade Act."
    )
    doc = parser.parse(text)
    fta = [t.i for t in doc if t.text == "FTA"][-1]
    assert names_document(doc, fta, fta + 1)
    act = doc.char_span(text.index("U.S. Trade Act"), text.index("U.S. Trade Act") + len("U.S. Trade Act"))
    assert act is not None and names_document(doc, act.start, act.end)


def test_a_regions_countries_or_buyers_are_actors(parser: Parser) -> None:
    text = "Kerry urged Southeast Asian countries to stick together."
    assert use(parser, text, "Southeast Asian", ("Kerry",)) == "actor"
    assert use(parser, "Asian buyers now make up half of the sales.", "Asian") == "actor"
    assert use(parser, "Prices of European cars rose.", "European") == "thing"  # a region's things stay things
    # a noun between: the members of a body named there, not the region's countries
    text = "Denmark accepted a formula for ending its fisheries dispute with its European common market partners."
    assert use(parser, text, "European", ("Denmark",)) != "actor"


def test_stances_countries_after_a_city_and_out_of_are_no_actors(parser: Parser) -> None:
    assert use(parser, "Russia issued strident anti-American statements on Monday.", "American") == "topic"
    assert use(parser, "The talks were held in Brussels, Belgium, on Friday.", "Belgium") == "place"
    assert use(parser, "The general drove France out of Vietnam in 1954.", "Vietnam") == "place"
    assert use(parser, "The general drove France out of Vietnam in 1954.", "France") == "actor"


# a country set off after another country is the next one of a list, not where the first lies;
# people after a place are people; a state after a town is where the town lies
AFTER_A_PLACE = [
    ("China signed the pact with Brunei, Indonesia, Malaysia and Singapore on Monday.", "Indonesia", "actor"),
    ("But in Kosovo, Serbs, too, are victims.", "Serbs", "actor"),
    ("The firm is based in Bellevue, Wash., and sells paint.", "Wash.", "place"),
]


def test_a_list_of_countries_and_people_after_a_place_stay_actors(parser: Parser) -> None:
    assert [use(parser, text, word) for text, word, _ in AFTER_A_PLACE] == [want for *_, want in AFTER_A_PLACE]


def test_one_country_of_a_region_is_no_group_of_the_region(parser: Parser) -> None:
    text = "Almost all Chinese exports to the European country are exempt from tariffs."
    assert use(parser, text, "European") != "actor"
    assert use(parser, "Many European countries no longer make steel.", "European") == "actor"


def test_an_agencys_credit_after_the_city_is_a_dateline(parser: Parser) -> None:
    text = "VATICAN CITY (AP) _ The Vatican said Saturday the document was ready."
    doc = parser.parse(text)
    city = doc.char_span(0, len("VATICAN CITY"))
    assert city is not None and is_dateline(doc, city.start, city.end)


def test_a_regions_group_acts_as_the_region_not_the_home_country(parser: Parser) -> None:
    from tidings.facts.actors.index import EntityIndex
    from tidings.facts.actors.usage import region_code
    from tidings.facts.events.attach import home_actors
    from tidings.records import Entity, Span

    assert (region_code("Southeast Asian"), region_code("European"), region_code("Arab")) == ("SEA", "EUR", None)
    text = "Many European countries no longer make steel."
    doc = parser.parse(text)
    at = text.index("European")
    europe = Entity("e1", "a1", "European", "NORP", mentions=(Span(at, at + 8),), start=at, end=at + 8)
    ref = EntityIndex({"entities": [europe]}).actor_for_span(doc, at, at + 8)
    assert ref is not None and (ref.actor_code, ref.country) == ("EUR", None)
    assert home_actors([ref], "CHN") == [ref]  # a story filed from China does not make Europe Chinese


def test_what_a_map_or_picture_shows_is_no_actor(parser: Parser) -> None:
    text = "The group posted an illustration with inaccurate maps of both China and the U.S. on Monday."
    assert use(parser, text, "China") == "topic"
    assert use(parser, "The talks with China resumed.", "China") == "actor"


def test_a_country_after_at_is_what_an_act_aims_at(parser: Parser) -> None:
    # English places people "in" a country; "at" a country marks the goal of an act
    assert use(parser, "Australia should put down the stones it is throwing at China.", "China") == "actor"
    assert use(parser, "Foreigners now look at America in a different way.", "America") == "actor"
    assert use(parser, "The summit opened at Geneva on Monday.", "Geneva") == "place"  # a city: a place


def test_a_list_after_the_verbs_object_names_its_members(parser: Parser) -> None:
    text = "Cafod wants Britain to pressure countries like the US to make firm commitments."
    assert use(parser, text, "US") == "actor"  # the parser hung "like" on the verb, after "countries"
    assert use(parser, "He likes films like Titanic and places like China.", "China") == "topic"
