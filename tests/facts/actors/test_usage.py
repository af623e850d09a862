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


def test_stances_countries_after_a_city_and_out_of_are_no_actors(parser: Parser) -> None:
    assert use(parser, "Russia issued strident anti-American statements on Monday.", "American") == "topic"
    assert use(parser, "The talks were held in Brussels, Belgium, on Friday.", "Belgium") == "place"
    assert use(parser, "The general drove France out of Vietnam in 1954.", "Vietnam") == "place"
    assert use(parser, "The general drove France out of Vietnam in 1954.", "France") == "actor"
