"""Name forms of people and organisations, and what may name an actor at all."""

from __future__ import annotations

from tidings.facts.actors.names import (
    acronyms,
    given_name_key,
    is_clean,
    is_name,
    middles_agree,
    person_parts,
    plain_person_key,
)
from tidings.facts.actors.tables import load_tables


def test_person_forms() -> None:
    assert person_parts("President Joseph R. Biden Jr.") == ("joseph", ("r",), "biden")
    assert plain_person_key("Barack H. Obama") == plain_person_key("Mr. Barack Obama") == "barack obama"
    assert plain_person_key("Hillary Rodham Clinton") == "hillary clinton"
    # His Excellency, told by its dots from the surname He; a councilor's title
    assert plain_person_key("H.E. Xi Jinping") == "xi jinping" and plain_person_key("He Lifeng") == "he lifeng"
    assert plain_person_key("Councilor Wang Yong") == "wang yong"
    assert given_name_key("Tim Geithner") == given_name_key("Timothy F. Geithner") == "timothy geithner"
    assert middles_agree(("rodham",), ("r",)) and middles_agree((), ("w",))
    assert not middles_agree(("w",), ("h", "w"))  # George W. Bush is not George H. W. Bush
    assert acronyms("Ministry of Commerce") == {"mc", "moc"} and acronyms("World Trade Organization") == {"wto"}
    # an agency named with its country's abbreviation in front is also known without it
    assert "sec" in acronyms("U.S. Securities and Exchange Commission")
    assert acronyms("UN Security Council") >= {"usc", "sc"} and "un" not in acronyms("UN Security Council")


def test_what_may_name_an_actor() -> None:
    assert is_name("Group of 20") and is_name("G20") and is_name("Barack Obama")
    assert not is_name("2019") and not is_name("Section 301") and not is_name("\x97")
    assert not is_name("Dominican Republic \x97") and not is_name("var addthis_config")
    assert is_clean("Channel 4") and not is_clean("--")


def test_codes_by_date_seats_and_publishers() -> None:
    t = load_tables()
    assert t.code_on("hillary clinton", "2010-05-01") == "USAGOV"
    assert t.code_on("hillary clinton", "2016-03-01") == "USAPTY"
    assert t.code_on("hillary clinton", "2014-01-01") == "USAELI"  # between terms: a former office holder
    assert t.code_on("donald trump", "2016-11-16") == "USAPTY" and t.code_on("donald trump", "2019-01-01") == "USAGOV"
    assert t.code_on("caroline kennedy", "2013-07-24") == "USA"  # before her first term: the country alone
    assert t.code_on("nobody at all", "2013-07-24") is None
    assert t.seat("the white house") == "USA" and t.seat("kremlin") == "RUS"
    assert t.seat("the vatican") == "VAT" and t.country("holy see") is not None  # a state with no CAMEO alias
    assert t.publisher_country("People's Daily Online (English)", None) == "CHN"
    assert t.publisher_country(None, "https://www.nytimes.com/2019/01/01/world/x.html") == "USA"
    assert t.publisher_country("BBC News", None) == "GBR" and t.publisher_country("TimesLive", None) == "ZAF"
    assert t.publisher_country(None, "https://www.mirror.co.uk/news/x") == "GBR"
    assert t.publisher_country("Reuters", None) is None  # an agency reports from everywhere
    assert t.country("iranians") is not None and t.country_name("USA") == "United States"
