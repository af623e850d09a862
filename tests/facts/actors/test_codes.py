"""The code of an actor mention (country + sector): titles, organisations' officers, legal forms,
and office terms by the person key."""

from __future__ import annotations

from tidings.extract.record import extract_record
from tidings.facts.actors.names import person_key
from tidings.facts.actors.roles import code_phrase, longer_name_head
from tidings.facts.actors.tables import load_tables
from tidings.facts.entities.stage import find_entities, range_day
from tidings.nlp import Parser
from tidings.records import Article, Entity, RawDoc
from tidings.sources.jsonl import parse_line


def entities(parser: Parser, text: str, day: str = "2018-06-01") -> list[Entity]:
    return find_entities(parser.parse(text), "a1", day)[1]


def named(found: list[Entity], name: str) -> Entity:
    return next(e for e in found if e.name == name)


def test_general_after_its_noun_is_no_rank() -> None:
    tables = load_tables()
    assert tables.role_sector("secretary general") == "GOV"  # the secretary's office, not a general
    assert tables.role_sector("secretaries general") == "GOV"
    assert tables.role_sector("major general") == "MIL"  # a rank word before it: a general
    assert tables.role_sector("general") == "MIL"
    assert tables.role_sector("army general") is None  # no office: the phrase coder reads "general"
    assert code_phrase(["army", "general"], tables).sector == "MIL"
    assert code_phrase(["deputy", "secretary", "general"], tables).sector == "GOV"


def test_general_before_another_word_is_an_adjective() -> None:
    tables = load_tables()
    assert code_phrase(["general", "manager"], tables).sector is None  # no rank; the manager of what decides
    assert code_phrase(["general", "representative"], tables).sector is None
    assert code_phrase(["general", "motors"], tables).sector is None
    assert code_phrase(["chinese", "general"], tables).sector == "MIL"  # the head noun: a rank
    assert code_phrase(["general", "whose", "campaigns"], tables).sector == "MIL"


def test_two_letter_acronyms_name_only_intergovernmental_bodies() -> None:
    tables = load_tables()
    assert code_phrase(["eu", "trade", "commissioner"], tables).org_code == "IGOEUREEC"
    assert code_phrase(["ca", "manager"], tables).org_code is None  # "ca" is no company here


def test_an_organisations_officer_takes_its_code(parser: Parser) -> None:
    found = entities(parser, "EU Trade Commissioner Cecilia Malmstrom said the tariffs were illegal.")
    malmstrom = named(found, "Cecilia Malmstrom")
    assert (malmstrom.country, malmstrom.sector) == (None, "IGO")  # not Sweden's government
    found = entities(parser, "UN Ambassador Nikki Haley said the council would vote on Monday.")
    haley = named(found, "Nikki Haley")
    assert haley.sector == "GOV"  # a post accredited to the UN serves a state


def test_officials_of_an_intergovernmental_body_are_the_body(parser: Parser) -> None:
    found = entities(parser, "The EU asked for talks with the United States, a WTO official said on Friday.")
    official = next(e for e in found if not e.named and "official" in e.name)
    assert official.sector == "IGO" and official.country is None


def test_office_terms_are_read_by_the_person_key() -> None:
    tables = load_tables()
    key = person_key("George W. Bush")
    assert key == "george w bush"
    assert tables.code_on(key, "2009-07-22") == "USAELI"  # half a year after his term
    assert tables.code_on(key, "2005-07-22") == "USAGOV"


def test_british_prime_ministers_are_coded_by_their_terms() -> None:
    tables = load_tables()
    assert tables.code_on("tony blair", "2004-11-02") == "GBRGOV"
    assert tables.code_on("tony blair", "2011-03-17") == "GBRELI"  # the dictionary's code was of 2014
    assert tables.code_on("margaret thatcher", "2004-11-02") == "GBRELI"
    assert tables.code_on("tony blair", None) == "GBRGOV"  # undated: the latest term's code


def test_us_parties_are_coded_by_the_tables() -> None:
    tables = load_tables()
    assert tables.known_code("republican party") == tables.known_code("democratic party") == "USAPTY"


def test_a_partys_members_and_adjective_name_the_party_the_tables_place(parser: Parser) -> None:
    tables = load_tables()
    assert tables.party_code("democrats") == tables.party_code("republican") == "USAPTY"
    assert tables.party_code("tories") == "GBRPTY"  # the Tory Party of the tables: the UK's Conservatives
    assert tables.party_code("liberal democrats") is None  # another party's name, not its members
    found = entities(parser, "Democrats in Congress said on Tuesday that they would block the bill.")
    democrats = next(e for e in found if e.name == "Democrats")
    assert (democrats.country, democrats.sector) == ("USA", "PTY")
    found = entities(parser, "The Liberal Democrats say the Conservatives cannot win.")
    cut = next(e for e in found if e.name == "Democrats")  # the tagger cut "Liberal" off: a British party
    assert (cut.country, cut.sector) == ("GBR", "PTY")  # the longer name's party, not the US Democrats
    found = entities(parser, "Senior Democrats said on Tuesday that they would block the bill.")
    assert next(e for e in found if e.name == "Democrats").country is None  # no party of that longer name


def test_british_parties_bodies_and_hamas_are_in_the_tables() -> None:
    tables = load_tables()
    for name in ("labour party", "conservative party", "liberal democrats", "snp", "plaid cymru", "ukip"):
        assert tables.known_code(name) == "GBRPTY", name
    assert tables.known_code("hamas") == "PSEREB"
    assert tables.known_code("law society") == "GBRNGO"
    assert tables.publisher_country("BBC News", None) == "GBR"  # as news feeds name the BBC's site


def test_a_spokesperson_speaks_for_the_body_the_phrase_names() -> None:
    tables = load_tables()
    agency = code_phrase(["a", "xinhua", "spokesman"], tables)
    assert agency.sector == "MED"  # the news agency's, not a government's
    party = code_phrase(["a", "labour", "party", "spokesman"], tables)
    assert (party.country, party.sector) == ("GBR", "PTY")
    assert code_phrase(["foreign", "ministry", "spokesman"], tables).sector == "GOV"  # a ministry: the executive
    spokesmen = code_phrase(["white", "house", "spokesmen"], tables)
    assert (spokesmen.country, spokesmen.sector) == ("USA", "GOV")  # not PETRARCH's media plural
    assert code_phrase(["spokeswoman"], tables).sector == "GOV"  # alone: a government's


def test_a_title_set_off_by_a_comma_before_the_name_codes_the_person(parser: Parser) -> None:
    found = entities(parser, "The Chinese foreign minister, Liu Zhenmin, said on Monday that talks would resume.")
    assert (named(found, "Liu Zhenmin").country, named(found, "Liu Zhenmin").sector) == ("CHN", "GOV")
    text = "Tariffs hurt trade, said Chinese Ambassador to the World Trade Organization (WTO), Zhang Xiangchen."
    zhang = named(entities(parser, text), "Zhang Xiangchen")
    assert (zhang.country, zhang.sector) == ("CHN", "GOV")  # the host after "to" is no country of his
    text = "The deal was the work of China's ambassador to Washington and Mr. Trump's son-in-law, Jared Kushner."
    assert named(entities(parser, text), "Jared Kushner").country is None  # a list: not his title


def test_a_firms_officer_after_a_bare_apostrophe_is_of_the_firms_country(parser: Parser) -> None:
    text = (
        "Australian pharmaceutical company Blackmores will expand. "
        "Blackmores' chief executive Christine Holgate said the group would grow."
    )  # (spaCy reads "Blackmores" as a person, coded AUS BUS by its title)
    holgate = named(entities(parser, text), "Christine Holgate")
    assert (holgate.country, holgate.sector) == ("AUS", "BUS")


def test_abbreviated_titles_and_the_trade_representative(parser: Parser) -> None:
    found = entities(parser, "Gov. Jerry Brown of California met Sen. Marco Rubio and the trade representative.")
    assert (named(found, "Jerry Brown").country, named(found, "Jerry Brown").sector) == ("USA", "GOV")
    assert named(found, "Marco Rubio").sector == "LEG"
    found = entities(parser, "Robert Lighthizer, the United States trade representative, said talks would resume.")
    assert (named(found, "Robert Lighthizer").country, named(found, "Robert Lighthizer").sector) == ("USA", "GOV")


def test_parties_and_their_organs_are_parties_of_their_own_country(parser: Parser) -> None:
    found = entities(parser, "The Democratic Progressive Party won the election in Taiwan on Saturday.")
    dpp = named(found, "Democratic Progressive Party")  # not the US Democrats, nor a firm called Progressive
    assert (dpp.country, dpp.sector) == (None, "PTY")
    found = entities(parser, "Taiwan's Democratic Progressive Party won the election on Saturday.")
    assert named(found, "Democratic Progressive Party").country == "TWN"
    found = entities(parser, "Liu He sits on the Communist Party of China Central Committee, which met on Monday.")
    organ = next(e for e in found if e.kind == "ORG")
    assert (organ.country, organ.sector) == ("CHN", "PTY")  # PETRARCH codes the ruling party GOV


def test_a_provinces_government_is_a_group_of_officials_not_the_state(parser: Parser) -> None:
    found = entities(parser, "The Guangdong provincial government cut taxes, and the Chinese government agreed.")
    local = next(e for e in found if e.kind == "ROLE")
    assert (local.country, local.sector, local.name) == ("CHN", "GOV", "Guangdong provincial government")
    china = next(e for e in found if e.kind == "GPE" and e.name == "China")
    assert len(china.mentions) == 1  # only "the Chinese government" stands for the state
    found = entities(parser, "The People's Republic of China government said no.")  # the name's long form
    assert not [e for e in found if e.kind == "ROLE"]


def test_the_official_after_an_intergovernmental_bodys_official_is_of_the_body(parser: Parser) -> None:
    text = "China filed a complaint, a WTO official said. The official said a panel would meet."
    roles = [e for e in entities(parser, text) if e.kind == "ROLE"]
    assert [(e.country, e.sector) for e in roles] == [(None, "IGO"), (None, "IGO")]


def test_bodies_of_an_intergovernmental_organisation_and_of_a_region(parser: Parser) -> None:
    found = entities(parser, "China welcomed the ruling. The WTO's Appellate Body ruled against the United States.")
    body = named(found, "Appellate Body")
    assert (body.country, body.sector) == (None, "IGO")
    found = entities(parser, "China cut rates. China bought bonds. The European Central Bank raised rates.")
    ecb = named(found, "European Central Bank")  # not the country the article names most
    assert (ecb.country, ecb.sector) == (None, "IGO")


def test_an_office_holder_elect_is_not_yet_in_office() -> None:
    tables = load_tables()
    assert tables.role_sector("president-elect") == "PTY"  # as office_terms.tsv codes presidents-elect
    assert tables.role_sector("prime minister-elect") == "PTY"
    assert tables.role_sector("president") == "GOV"


def test_a_surname_alone_is_of_the_country_its_office_holder_served_then(parser: Parser) -> None:
    tables = load_tables()
    assert tables.office_holder_country("bush", "2004-11-05") == "USA"
    assert tables.office_holder_country("clinton", "2010-01-01") == "USA"  # one country, whichever Clinton
    assert tables.office_holder_country("bush", "1990-01-01") is None  # no Bush of the table in office then
    found = find_entities(
        parser.parse("Mr Blair has been closer to President Bush than any other European leader."),
        "a1",
        "2004-11-05",
        home="GBR",  # a British story: its country is no American president's
    )[1]
    assert named(found, "Bush").country == "USA"


def test_a_titled_surname_the_tables_know_is_not_of_the_publishers_country(parser: Parser) -> None:
    tables = load_tables()
    assert tables.office_holder_country("clinton", None) is None  # no date: no term to look up
    assert tables.office_holder_country("clinton", None, any_term=True) == "USA"  # every Clinton of the table
    assert tables.surname_country("chirac") == "FRA"
    assert tables.surname_country("clarke") is None  # British and Barbadian ministers: no one country
    text = "Mr Blair has been closer to President Chirac than any other European leader."
    for day in (None, "2004-11-05"):  # an undated BBC story, a dated one
        found = find_entities(parser.parse(text), "a1", day, publisher="GBR")[1]
        assert named(found, "Chirac").country == "FRA"  # the French president, not the publisher's
    found = find_entities(parser.parse("Prime Minister Koizumi met the press."), "a1", None, publisher="CHN")[1]
    assert named(found, "Koizumi").country == "JPN"  # the actor tables, not a Chinese paper's country
    found = find_entities(parser.parse("Brown scored twice before half-time."), "a1", None, publisher="GBR")[1]
    assert named(found, "Brown").country is None  # no title: whoever of that name, not Gordon Brown


def test_an_acronym_opening_the_sentence_is_no_dateline_before_a_title(parser: Parser) -> None:
    found = entities(parser, "CNN spokesman Matt Dornic said the network would sue.", "2018-11-05")
    assert named(found, "Matt Dornic").sector == "MED"  # the network's spokesman, not a government's
    found = entities(parser, "UKIP spokesman Mark Croucher said the party had suspended him.", "2004-11-05")
    croucher = named(found, "Mark Croucher")
    assert (croucher.country, croucher.sector) == ("GBR", "PTY")  # the party's spokesman, not a government's
    found = entities(parser, "PITTSBURGH President Obama said on Friday that the talks went well.", "2009-09-25")
    assert named(found, "Obama").sector == "GOV"  # a dateline still ends the title


def test_an_unplaced_minister_is_of_the_publishers_country_in_a_two_sided_story(parser: Parser) -> None:
    text = (
        "The United States imposed tariffs on Mexico. Washington said the United States would not back down. "
        "Economy Minister Marcelo Ebrard said the tariffs on Mexico were a bad idea for Mexico and the US."
    )
    doc = parser.parse(text)
    assert named(find_entities(doc, "a1", "2025-04-15")[1], "Marcelo Ebrard").country == "USA"  # the most named
    mexican = find_entities(doc, "a1", "2025-04-15", publisher="MEX")[1]
    assert named(mexican, "Marcelo Ebrard").country == "MEX"  # no country clearly most: the paper's


def test_a_country_named_clearly_most_beats_the_publishers(parser: Parser) -> None:
    text = (
        "Indonesia raised fuel prices. Indonesia's president defended the move. "
        "Finance Minister Sri Mulyani said Indonesia could not afford the subsidies."
    )
    found = find_entities(parser.parse(text), "a1", "2005-03-01", publisher="GBR")[1]
    assert named(found, "Sri Mulyani").country == "IDN"  # a British broadcaster's story about Indonesia


def test_a_titled_surname_the_dictionary_lists_is_its_office_holder(parser: Parser) -> None:
    text = (
        "Japan and Japanese officials met. Japan said Japan would act. "
        "President Reagan warned Congress against protectionist trade legislation aimed at Japan."
    )
    reagan = named(entities(parser, text, "1987-04-25"), "Reagan")
    assert (reagan.country, reagan.actor_code) == ("USA", "USAGOV")  # not the country named most


def test_a_paper_naming_its_own_country_keeps_its_officials(parser: Parser) -> None:
    text = (
        "The United States announced tariffs. The United States said the United States would go further. "
        "Vice Minister of Commerce Wang Shouwen said the tariffs on Chinese goods hurt the US."
    )
    found = find_entities(parser.parse(text), "a1", "2018-07-01", publisher="CHN")[1]
    assert named(found, "Wang Shouwen").country == "CHN"  # a Chinese paper's story about the US


def test_an_office_in_a_party_or_the_shadow_cabinet_is_the_partys(parser: Parser) -> None:
    tables = load_tables()
    leader = code_phrase(["Tory", "leader"], tables)  # a capitalised party word names the party
    assert (leader.country, leader.sector) == ("GBR", "PTY")
    assert code_phrase(["shadow", "chancellor"], tables).sector == "PTY"  # the opposition's front bench
    mp = code_phrase(["Labour", "MP"], tables)
    assert (mp.country, mp.sector) == ("GBR", "LEG")  # a party's MP sits in parliament
    assert code_phrase(["labour", "costs"], tables).country is None  # lower-case: a common word
    assert code_phrase(["Prime", "Minister"], tables).sector == "GOV"
    found = entities(parser, "The plan was attacked by Conservative shadow pensions secretary David Willetts.")
    willetts = named(found, "David Willetts")  # a plural modifying the title's noun stays in the title
    assert (willetts.country, willetts.sector) == ("GBR", "PTY")
    found = entities(parser, "Tory leader Michael Howard said the government had failed.")
    assert (named(found, "Michael Howard").country, named(found, "Michael Howard").sector) == ("GBR", "PTY")


def test_a_spokesperson_without_a_name_speaks_for_the_body_the_phrase_names(parser: Parser) -> None:
    def holder(text: str) -> Entity:
        return next(e for e in entities(parser, text) if not e.named and "spokes" in e.name.lower())

    lib_dem = holder("A Lib Dem spokesman said the party would fight every seat.")
    assert (lib_dem.country, lib_dem.sector) == ("GBR", "PTY")  # not a government's spokesman
    police = holder("A South Wales Police spokeswoman said officers were looking at the leaflet.")
    assert police.sector == "COP"
    alone = holder("A Chinese foreign ministry spokesperson said the talks would go on.")
    assert (alone.country, alone.sector) == ("CHN", "GOV")


def test_a_partys_one_word_name_is_the_party_whatever_the_tagger_calls_it(parser: Parser) -> None:
    found = entities(parser, "Labour has promised to cut waiting lists, but Labour has failed before.")
    labour = next(e for e in found if e.name == "Labour")
    assert (labour.kind, labour.country, labour.sector) == ("ORG", "GBR", "PTY")
    found = entities(parser, "The Liberal Democrats have said they would scrap the tax.")
    libdems = next(e for e in found if "Democrats" in e.name)
    assert (libdems.country, libdems.sector) == ("GBR", "PTY")


def test_a_states_own_institution_without_a_country_is_of_the_storys_home(parser: Parser) -> None:
    doc = parser.parse("The House of Commons voted against the bill, and Lord Justice Smith heard the appeal.")
    found = find_entities(doc, "a1", None, None, None, "GBR")[1]  # an undated story of a British outlet
    commons = next(e for e in found if "Commons" in e.name)
    assert (commons.country, commons.sector) == ("GBR", "LEG")
    doc = parser.parse("The leaflet shows party leader Nick Griffin. The Parliamentary Labour Party met.")
    found = find_entities(doc, "a1", None, None, None, "GBR")[1]
    griffin = named(found, "Nick Griffin")  # a party's post holder, as an MP, is of the story's home
    assert (griffin.country, griffin.sector) == ("GBR", "PTY")
    plp = next(e for e in found if "Labour Party" in e.name)  # a known party's body, by its name's end
    assert (plp.country, plp.sector) == ("GBR", "PTY")
    doc = parser.parse("Shares in Acme Widgets rose after analyst Jane Doe praised the firm.")
    found = find_entities(doc, "a1", None, None, None, "GBR")[1]
    assert all(e.country is None for e in found if e.name == "Acme Widgets")  # a firm is of anywhere


def test_a_common_word_naming_a_company_only_with_its_legal_form_stays_a_word() -> None:
    tables = load_tables()
    assert tables.known_code("news") is None  # "News Corp": not every "news conference"
    assert code_phrase(["chinese", "citizens"], tables).sector == "CVL"  # not Citizens Inc
    assert code_phrase(["news", "conference"], tables).country is None
    assert tables.known_code("apple") is not None  # a name the news capitalises stays the company


def test_a_legislature_or_government_named_by_its_capitalised_noun_is_the_storys_own(parser: Parser) -> None:
    text = (
        "The bill would be rushed through Parliament to allow the Government to go on collecting revenue. "
        "The vote in the Commons was close. The Government of India said nothing."
    )
    found = find_entities(parser.parse(text), "a1", None, None, None, "GBR")[1]  # a British outlet's story
    parliament = next(e for e in found if e.name == "Parliament")
    assert (parliament.country, parliament.sector) == ("GBR", "LEG")
    commons = next(e for e in found if e.name == "Commons")
    assert (commons.country, commons.sector) == ("GBR", "LEG")
    britain = next(e for e in found if e.country == "GBR" and e.kind == "GPE")  # "the Government" is the state
    assert [text[m.start : m.end] for m in britain.mentions] == ["Government"]
    india = next(e for e in found if "India" in e.name)  # a government named by its "of" phrase is not ours
    assert india.country == "IND"
    found = find_entities(parser.parse("Crowds gathered in Parliament Square."), "a1", None, None, None, "GBR")[1]
    assert all(e.name != "Parliament" for e in found)  # a word of another name


def test_an_undated_story_of_a_corpus_span_is_coded_as_of_that_span(parser: Parser) -> None:
    assert range_day("2004/2005") == "2004-12-31"
    assert range_day("2004-03-01/2004-05-01") == "2004-03-31"
    assert range_day("2005/2004") is None and range_day("last year") is None and range_day(None) is None
    text = "Margaret Thatcher backed Michael Howard, and Mr Blair mocked Mr Howard."
    found = find_entities(parser.parse(text), "a1", range_day("2004/2005"), None, None, "GBR")[1]
    thatcher, howard, blair = (named(found, n) for n in ("Margaret Thatcher", "Michael Howard", "Blair"))
    assert (thatcher.country, thatcher.sector) == ("GBR", "ELI")  # a former prime minister by then
    assert (howard.country, howard.sector) == ("GBR", "PTY")  # the opposition's leader in 2004
    assert blair.country == "GBR"  # a surname alone: whoever of that name held office then
    undated = find_entities(parser.parse(text), "a1", None, None, None, "GBR")[1]
    assert named(undated, "Margaret Thatcher").sector == "GOV"  # no span: her latest term


def test_an_undated_records_corpus_span_is_kept_only_without_a_date() -> None:
    undated = extract_record({"text": "Body text here.", "date_range": "2004/2005"}, source="x")
    assert isinstance(undated, Article) and undated.extras.get("date_range") == "2004/2005"
    dated = extract_record({"text": "Body.", "date_range": "2004/2005", "published": "2005-03-01"}, source="x")
    assert isinstance(dated, Article) and "date_range" not in dated.extras


def test_a_jsonl_record_carries_its_corpus_span() -> None:
    raw = parse_line(b'{"text": "Body.", "date_range": "2004/2005"}', 1, "x#L1")
    assert isinstance(raw, RawDoc) and raw.fields["date_range"] == "2004/2005"


def test_a_surname_alone_takes_the_office_its_one_holder_held_that_day(parser: Parser) -> None:
    tables = load_tables()
    assert tables.office_holder_code("blair", "2004-06-01") == "GBRGOV"
    assert tables.office_holder_code("howard", "2004-06-01") == "GBRPTY"  # the opposition's leader then
    assert tables.office_holder_code("blair", None) is None  # no day, no office
    found = entities(parser, "Mr Blair said the plan was right.", day="2004-06-01")
    assert (named(found, "Blair").country, named(found, "Blair").sector) == ("GBR", "GOV")
    later = entities(parser, "Mr Blair said the plan was right.", day="2012-06-01")
    assert named(later, "Blair").sector != "GOV"  # out of office by then


def test_a_country_form_read_as_a_word_or_another_place_names_no_country() -> None:
    tables = load_tables()
    assert tables.country("valley") is None  # "The Valley", Anguilla's capital, keyed without "the"
    assert tables.country("hamilton") is None  # Bermuda's, and an Ontario city and a surname
    assert tables.country("victoria") is None  # the Seychelles', and an Australian state
    assert code_phrase(["clwyd", "north", "west"], tables).country is None  # a region of any country
    assert tables.country("kingston") is not None  # Jamaica's is the largest Kingston
    assert tables.country("washington") is not None
    assert code_phrase(["democratic", "people", "s", "republic", "of", "korea"], tables).country == "PRK"


def test_a_seat_of_government_is_its_governments(parser: Parser) -> None:
    # rule seat-government: the seats table's "Downing Street" is the UK government, as the
    # known-actors table's "the White House" is the US one
    found = entities(parser, "But Downing Street said she was speaking in her capacity as a lawyer.", "2005-01-10")
    seat = named(found, "Downing Street")
    assert (seat.country, seat.sector, seat.actor_code) == ("GBR", "GOV", "GBRGOV")


def test_congress_heading_a_longer_name_is_not_the_us_congress(parser: Parser) -> None:
    # rule congress-in-name: "Congress" alone is the US Congress; the head of a longer proper name
    # is a body of its own
    tables = load_tables()
    for name, country in (("Trades Union Congress", None), ("Indian National Congress", "IND")):
        words = name.split()
        pc = code_phrase([w.lower() for w in words], tables, longer_name=longer_name_head(words, tables))
        assert pc.country == country and pc.sector != "LEG"
    for name in ("U.S. Congress", "the Republican Congress", "the new Congress", "Congress"):
        assert not longer_name_head(name.split(), tables)
        assert code_phrase(name.lower().split(), tables).country == "USA"
    found = entities(parser, "The Trades Union Congress said the plan would cost jobs.", "2005-01-10")
    tuc = next(e for e in found if "Trades Union Congress" in e.name)
    assert tuc.country != "USA" and tuc.sector != "LEG"  # was USALEG


def test_a_historical_states_demonym_is_its_country(parser: Parser) -> None:
    # the CAMEO list names West Germany but not its adjective, which Reuters' 1987 wire uses
    tables = load_tables()
    hit = tables.country("west german")
    assert hit is not None and (hit.code, hit.kind) == ("DEU", "demonym")
    assert tables.country("west germans") is not None  # a demonym's plural: the people
    found = entities(parser, "West German officials said the Bundesbank would not cut rates.", "1987-03-02")
    officials = named(found, "West German officials")
    assert (officials.country, officials.sector) == ("DEU", "GOV")
