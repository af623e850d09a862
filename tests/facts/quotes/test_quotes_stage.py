"""QuoteStage on small articles: each speaker rule, with the real parser and entities stage."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tidings.extract.build import make_article
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import EntityStage
from tidings.facts.quotes.stage import QuoteStage
from tidings.nlp import Parser
from tidings.records import Paragraph, Quote


def run(parser: Parser, paragraphs: Sequence[str], *, entities: bool = True) -> list[Quote]:
    article = make_article(source="test", paragraphs=[Paragraph("paragraph", p) for p in paragraphs])
    ctx = FactContext(article, parser.parse(article.text), None, {"entities": ()})
    if entities:
        ctx.found.update(EntityStage()(ctx))
    quotes = list(QuoteStage()(ctx)["quotes"])
    for q in quotes:  # offsets always point at the words
        assert article.text[q.start : q.end] == q.text
    return quotes


def one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, (fragment, [q.text for q in quotes])
    return found[0]


def test_contract() -> None:
    stage = QuoteStage()
    assert stage.name == "tidings.quotes.rules.v2"
    assert stage.requires == ("entities",) and stage.provides == ("quotes",)


def test_inverted_speaker_with_apposition(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "“We are coming with a realistic approach to manage our competition,” said Daniel Kritenbrink, "
            "the top US diplomat for East Asia."
        ],
    )
    q = one(quotes, "realistic approach")
    assert q.kind == "direct" and q.cue == "said"
    assert q.speaker is not None and q.speaker.name == "Daniel Kritenbrink" and q.speaker.entity_id


def test_carried_over_speaker_and_continuation(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Mayor Jane Holloway spoke at the opening of the new bridge on Tuesday.",
            "“This bridge connects two halves of our city,” Holloway said. “It took ten years to build.”",
            "“We will open a second one before the end of the decade.”",
            "The council did not comment on the plans for the second bridge.",
        ],
    )
    first = one(quotes, "two halves")
    assert first.speaker is not None and first.speaker.name == "Jane Holloway"
    assert "ten years" in first.text  # the cue-less second quote continues the first
    carried = one(quotes, "second one before")
    assert carried.speaker is not None and carried.speaker.entity_id == first.speaker.entity_id
    assert carried.cue is None and carried.kind == "direct"


def test_speaker_carried_from_an_indirect_report(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Patriots wanted the country to be strong at home and abroad, Foreign Secretary Jack Straw said. "
            "“Our role as a leading member of the union is a crucial part of securing that.”",
            "“We will argue for it in every town and city across the country before the vote.”",
            "It has been claimed the vote will be held in the spring.",
            "“Nobody has told the voters anything about the date of the referendum so far.”",
        ],
    )
    report = one(quotes, "Patriots wanted")
    assert report.kind == "indirect" and report.speaker is not None and report.speaker.name == "Jack Straw"
    same_paragraph = one(quotes, "leading member")  # the quotation opens the sentence after the report
    assert same_paragraph.speaker is not None and same_paragraph.speaker.entity_id == report.speaker.entity_id
    next_paragraph = one(quotes, "every town")  # a paragraph that is only the quotation
    assert next_paragraph.speaker is not None and next_paragraph.speaker.entity_id == report.speaker.entity_id
    after_speakerless = one(quotes, "Nobody has told")  # "it has been claimed" names no one
    assert after_speakerless.speaker is None


def test_nested_attribution_speaker_and_reporter(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "China said Qin had in a phone call with Blinken urged the United States to respect "
            "“China’s core concerns” such as the issue of Taiwan."
        ],
    )
    q = next(x for x in quotes if x.cue == "urged")
    assert q.kind == "mixed" and q.text.startswith("the United States to respect")
    assert q.speaker is not None and "Qin" in q.speaker.name
    assert q.reporter is not None and q.reporter.name == "China"
    # China's report is an attribution of its own, over the whole reported clause (not half of it)
    outer = [x for x in quotes if x is not q and x.start <= q.start and q.end <= x.end]
    assert len(outer) == 1 and outer[0].cue == "said" and outer[0].kind == "mixed"
    assert outer[0].speaker is not None and outer[0].speaker.name == "China" and outer[0].reporter is None
    assert outer[0].text.startswith("Qin had") and outer[0].text.endswith("the issue of Taiwan")
    assert len(quotes) == 2


def test_pronoun_speaker_resolved(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Shortly before leaving, Antony Blinken emphasized the importance of communication. The US wants "
            "to make sure “that the competition doesn’t veer into conflict,” he told reporters."
        ],
    )
    q = one(quotes, "veer into conflict")
    assert q.kind == "mixed" and q.text.startswith("The US wants")
    assert q.speaker is not None and q.speaker.name == "Antony Blinken"
    assert q.speaker.start is not None and q.speaker.end is not None  # points at "he"


def test_unknown_speaker_is_not_guessed(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "The report was released on Monday.",
            "“Nobody expected the numbers to rise this fast in a single quarter,” read a sign held "
            "outside the building, while a crowd gathered.",
            "“What we need now is a plan that works for every family in the state and not just a few.”",
        ],
    )
    lone = one(quotes, "What we need now")
    assert lone.speaker is None and lone.cue is None  # no cue, no previous speaker


def test_malformed_quote_does_not_lose_others(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Austin said Friday he was confident they would meet “at some point in time, but we’re not "
            "there yet. ”Underscoring the situation, China rejected a report by a security firm as "
            "“far-fetched and unprofessional”",
            "A stray ” mark sits here, and the minister said “we will respond in kind.”",
        ],
    )
    austin = one(quotes, "at some point")
    assert austin.speaker is not None and austin.speaker.name == "Austin"
    china = one(quotes, "far-fetched")
    assert china.speaker is not None and china.speaker.name == "China"
    minister = one(quotes, "respond in kind")
    assert minister.speaker is not None and "minister" in minister.speaker.name


def test_multi_paragraph_quote_is_one_record(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Senator Maria Ortiz said: “We have waited long enough for this law.",
            "“Today we finally vote, and I expect it to pass with a wide margin,” she added.",
        ],
    )
    q = one(quotes, "waited long enough")
    assert "wide margin" in q.text and q.kind == "direct"
    assert q.speaker is not None and q.speaker.name == "Maria Ortiz"


def test_indirect_and_nominal_cues(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "US officials said before the departure on Friday that he would raise each of the issues.",
            "Tensions rose over allegations from Washington that Beijing is boosting its surveillance.",
            "Blinken plans to meet Qin Gang on Sunday, according to US officials.",
        ],
    )
    said = one(quotes, "would raise")
    assert said.kind == "indirect" and said.speaker is not None and said.speaker.actor_code == "USAGOV"
    alleged = one(quotes, "boosting its surveillance")
    assert alleged.cue == "allegations" and alleged.speaker is not None
    assert alleged.speaker.name == "Washington" and alleged.speaker.actor_code == "USAGOV"
    according = one(quotes, "plans to meet")
    assert according.cue == "according to" and according.speaker is not None
    assert according.speaker.name.endswith("US officials")


def test_without_entities_stage_degrades_to_words(parser: Parser) -> None:
    quotes = run(parser, ["“The plan is sound and we will fund it,” Governor Tim Walz said on Monday."], entities=False)
    q = one(quotes, "plan is sound")
    assert q.speaker is not None and q.speaker.entity_id is None and q.speaker.name == "Governor Tim Walz"


@pytest.mark.parametrize("lead", ["Also read- ", "Read more: "])
def test_clutter_lines_are_ignored(parser: Parser, lead: str) -> None:
    quotes = run(
        parser,
        [
            "The visit went ahead as planned on Sunday.",
            lead + "NASA official urges India to join US-led Artemis Accords ahead of the visit",
        ],
    )
    assert quotes == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["“"],
        ["” ” “ said he", "“ ''"],
        ['"a" "b" "c', "He said “" + "word " * 200],
        ["Said.", "“Said,” said said."],
    ],
)
def test_odd_input_never_breaks_the_stage(parser: Parser, paragraphs: list[str]) -> None:
    for q in run(parser, paragraphs):
        assert q.kind in ("direct", "mixed", "indirect") and q.end > q.start


def test_paraphrases_longer_than_a_long_paragraph_are_dropped() -> None:
    """A parse that runs over a text without sentence breaks makes "indirect quotes" of
    thousands of characters: spans have a sane upper bound (issue 19)."""
    from tidings.facts.quotes.drafts import Draft, dedupe
    from tidings.facts.quotes.marks import MAX_PAIR_CHARS, QuotedSpan

    long_direct = QuotedSpan(0, 4000, 1, 3999, ((0, 2000), (2002, 4000)))
    drafts = [
        Draft(0, MAX_PAIR_CHARS + 1, "indirect", None, None),
        Draft(10, 200, "indirect", None, None),
        Draft(0, 4000, "direct", None, None, quotes=[long_direct]),  # continued over paragraphs
    ]
    assert [(d.start, d.end) for d in dedupe(drafts)] == [(0, 4000), (10, 200)]


def test_signed_quotes_listed_in_one_paragraph(parser: Parser) -> None:
    # one signed quote per line, the lines joined into one paragraph by extraction
    quotes = run(
        parser,
        [
            "“Mr. Trump embodies the lasting legacy of racism in the United States, and we all see it.” "
            "― Sonya Herridge “He is ignorant of our culture and lives, and he said so on the stage tonight.”"
            "― Pamela Padilla"
        ],
    )
    first, second = one(quotes, "lasting legacy"), one(quotes, "ignorant of our culture")
    assert first.speaker is not None and first.speaker.name == "Sonya Herridge"
    assert second.speaker is not None and second.speaker.name == "Pamela Padilla"


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("Clinton cited derogatory comments Trump had made about Machado.", "derogatory comments", "Clinton"),
        ("The mayor called for a moratorium on new charter schools.", "a moratorium on new charter", "mayor"),
        ("Trump also vowed to form a joint federal task force on hackers.", "to form a joint", "Trump"),
        ("Chief Justice John Roberts spoke of the legacy of racism in America.", "the legacy of racism", "Roberts"),
    ],
)
def test_speech_acts_about_something(parser: Parser, sentence: str, content: str, speaker: str) -> None:
    q = one(run(parser, [sentence]), content)
    assert q.kind == "indirect" and q.speaker is not None and speaker in q.speaker.name


def test_an_audience_or_a_pronoun_is_not_what_was_said(parser: Parser) -> None:
    quotes = run(parser, ["The senator praised him on Monday. She thanked reporters and left."])
    assert not quotes


def test_a_speech_act_that_takes_in_a_short_quotation_is_mixed(parser: Parser) -> None:
    quotes = run(parser, ["Trump encouraged his supporters to watch polling places to make sure all is “on the up.”"])
    q = one(quotes, "his supporters")
    assert q.kind == "mixed" and "“on the up.”" in q.text
    assert q.speaker is not None and q.speaker.name.endswith("Trump")


def test_quotation_inside_what_a_speech_act_is_about_is_mixed(parser: Parser) -> None:
    quotes = run(parser, ["The mayor stressed the need to repair the old bridges under “constant strain” from trucks."])
    q = one(quotes, "constant strain")
    assert q.kind == "mixed" and q.text.startswith("the need to repair") and q.text.endswith("from trucks")
    assert q.speaker is not None and "mayor" in q.speaker.name


def test_according_to_content_is_the_clause_it_modifies(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Bread prices will rise, according to the bakers' guild, well above the rise that the ministry "
            "had forecast for the whole of next year."
        ],
    )
    q = one(quotes, "Bread prices")  # the clause, though the side after the phrase is longer
    assert q.text == "Bread prices will rise" and q.cue == "according to"


def test_according_to_with_only_a_quotation_is_direct(parser: Parser) -> None:
    quotes = run(parser, ["According to the harbour master, “the ferry left two hours late.”"])
    q = one(quotes, "ferry left")
    assert q.kind == "direct" and q.text.startswith("“") and q.speaker is not None


def test_short_noun_phrase_object_of_a_speech_act(parser: Parser) -> None:
    quotes = run(parser, ["The governor has promised a veto.", "The senator said it."])
    q = one(quotes, "veto")
    assert q.kind == "indirect" and q.text == "a veto" and q.cue == "promised"
    assert not any(x.text == "it" for x in quotes)  # a pronoun alone is no content


def test_single_noun_object_of_a_speech_act_but_not_the_one_addressed(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Clinton has not mentioned Machado since the debate.",
            "The president urged Congress on Monday.",
            "The village school is being threatened with closure.",
        ],
    )
    q = one(quotes, "Machado")
    assert q.kind == "indirect" and q.text == "Machado" and q.cue == "mentioned"
    assert not any("Congress" in x.text for x in quotes)  # "urged Congress": who was addressed
    assert not any(x.text == "closure" for x in quotes)  # no speaker in the cue's own clause


def test_admitted_and_noted_take_their_object_as_content(parser: Parser) -> None:
    quotes = run(parser, ["The minister admitted using the wrong figures.", "The auditor noted the rise in costs."])
    assert one(quotes, "wrong figures").cue == "admitted"
    assert one(quotes, "rise in costs").cue == "noted"


def test_parenthetical_cue_with_the_person_told_and_a_time(parser: Parser) -> None:
    quotes = run(parser, ["The new line, the engineer told me on Friday, will open before the winter."])
    q = one(quotes, "new line")
    assert q.kind == "indirect" and q.cue == "told" and q.text.endswith("before the winter")
    assert q.speaker is not None and "engineer" in q.speaker.name


def test_object_content_runs_over_a_phrase_the_parse_hung_on_the_verb(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "The survey revealed a yawning gulf in the way the two parties see the economy.",
            "The senator criticized the budget plan at a rally in Ohio on Monday.",
        ],
    )
    assert one(quotes, "yawning gulf").text == "a yawning gulf in the way the two parties see the economy"
    assert one(quotes, "budget plan").text == "the budget plan"  # where and when it was said are not content


def test_quotation_in_the_prepositional_object_of_a_cue_is_mixed(parser: Parser) -> None:
    quotes = run(parser, ["The mayor has called for taxing so-called “empty homes” at a far higher rate."])
    q = one(quotes, "empty homes")
    assert q.kind == "mixed" and q.cue == "called" and "far higher rate" in q.text  # not "so-called"


def test_said_with_a_noun_phrase_object_and_said_with_a_clause(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Several former ministers have said the same thing about the pension reform.",
            "The mayor said on Twitter that the parade would be moved.",
        ],
    )
    q = one(quotes, "same thing")
    assert q.cue == "said" and q.text == "the same thing about the pension reform"
    assert one(quotes, "parade").text == "that the parade would be moved"  # the clause, not "Twitter"


def test_passive_message_verb_reports_its_subject(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "The water shortage was first reported by The Denver Post.",
            "The officers were told to leave the building.",
        ],
    )
    q = one(quotes, "water shortage")
    assert q.text == "The water shortage" and q.cue == "reported"
    assert q.speaker is not None and "Denver Post" in q.speaker.name
    assert not any("officers" in x.text for x in quotes)  # who was told is no message


def test_speech_noun_with_a_that_clause_and_a_name_in_front(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Warren is seizing upon a Boston Globe report that Charlie Baker had a net loss of more than "
            "$915 million in 1995.",  # the clause parsed as a relative clause
            "The senator pointed to a Washington Post report that the agency had hidden its losses for years.",
        ],
    )
    q = one(quotes, "net loss")
    assert q.cue == "report" and q.text.startswith("that Charlie Baker")
    q = one(quotes, "hidden its losses")
    assert q.speaker is not None and "Washington Post" in q.speaker.name


def test_speech_noun_about_a_topic(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "The governor has faced questions about hiring practices at the state lottery.",
            "The statement of the ministry was short.",
        ],
    )
    assert one(quotes, "hiring practices").cue == "questions"
    assert not any(x.text == "the ministry" for x in quotes)  # "of" names whose statement, not its topic


def test_speech_noun_that_a_speech_verb_takes_is_the_verbs_content(parser: Parser) -> None:
    quotes = run(
        parser, ["Lynch agreed to an interview, answering questions about how gender has affected her career."]
    )
    q = one(quotes, "gender")
    assert q.cue == "answering" and q.speaker is not None and q.speaker.name == "Lynch"


def test_a_name_and_a_colon_lead_a_headline_or_a_transcript_turn(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Pence: Gennifer Flowers Won’t Be at Debate, Trump Was Mocking Clinton Camp",
            "Partial transcript as follows:",
            '"WALLACE: Let’s start with breaking news on the debate story tonight.',
            "WASHINGTON: The Senate met today and passed the bill.",
            "Update: The story was changed after publication.",
        ],
    )
    headline = one(quotes, "Gennifer Flowers")
    assert headline.kind == "indirect" and headline.cue == ":" and headline.speaker is not None
    assert headline.speaker.name == "Pence" and headline.text.startswith("Gennifer")
    turn = one(quotes, "breaking news")
    assert turn.speaker is not None and turn.speaker.name == "WALLACE" and turn.text.startswith("Let’s")
    assert not [q for q in quotes if "Senate" in q.text or "publication" in q.text]


def test_what_follows_a_cue_and_its_colon_is_the_content(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Limbaugh added:",
            "And from a supposed front-runner, this reeks of some of the greatest fear that I have ever seen.",
        ],
    )
    q = one(quotes, "greatest fear")
    assert q.cue == "added" and q.speaker is not None and q.speaker.name == "Limbaugh"


def test_a_cue_with_a_quotation_still_reports_its_own_content(parser: Parser) -> None:
    quotes = run(parser, ['Bemoaning the "phony system," Trump accused Holt of being a Democrat.'])
    q = one(quotes, "being a Democrat")
    assert q.kind == "indirect" and q.cue == "accused" and q.speaker is not None and q.speaker.name == "Trump"


def test_a_trailing_relative_clause_is_the_writers_not_the_speakers(parser: Parser) -> None:
    quotes = run(parser, ["He cited criticism of NBC's Matt Lauer, who took heat for his questioning at a forum."])
    q = one(quotes, "criticism")
    assert q.text == "criticism of NBC's Matt Lauer"


def test_coordinated_gerunds_and_a_pronoun_with_its_clause_are_content(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Donald Trump has mentioned refinancing student loans and forcing universities to spend more.",
            "Mr. Trump has proposed nothing that would probably increase his own taxes.",
        ],
    )
    assert one(quotes, "refinancing").text.endswith("to spend more")
    assert one(quotes, "nothing that").cue == "proposed"


def test_a_closing_speech_verb_read_as_a_noun_is_still_a_cue(parser: Parser) -> None:
    quotes = run(parser, ["Secrecy is not a stranger to her health issues, the candidate’s former doctor maintains."])
    q = one(quotes, "Secrecy")
    assert q.cue == "maintains" and q.speaker is not None and "doctor" in q.speaker.name


def test_a_single_dash_sets_off_the_writers_comment(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Trump spoke to industry leaders, promising to lift environmental regulations and open more federal "
            "land to drilling ― probably not exactly what Graham had in mind.",
            "He said the plan -- which was approved last year -- would cut taxes for most families.",
        ],
    )
    assert one(quotes, "to lift").text.endswith("to drilling")
    assert one(quotes, "the plan").text.endswith("for most families")  # a pair of dashes: an aside inside


def test_quotations_in_sentences_of_their_own_are_not_one_quote(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, "
            "“I just want to know, where do we go from here?”",
            "“That's Mexico's vulnerability,” said Luis Rubio, who heads a research center in Mexico City. "
            "“There is nothing more important in Mexico than Nafta.”",
        ],
    )
    assert one(quotes, "Promise mama").text.endswith("in sight,”")
    assert one(quotes, "where do we go").text.startswith("“I just")
    rubio = one(quotes, "vulnerability")  # the sequel after the attribution is the same quote
    assert "Nafta" in rubio.text


def test_a_point_of_view_and_a_speech_nouns_infinitive_are_attributions(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "By Trump's own admission, his tax returns in most years are far thicker than his disclosure report.",
            "The senator's pledge to block every nominee angered the White House.",
        ],
    )
    admission = one(quotes, "tax returns")
    assert admission.speaker is not None and admission.speaker.name == "Trump"
    assert one(quotes, "to block every nominee").cue == "pledge"


def test_a_quotation_under_a_verb_of_thought_is_attributed(parser: Parser) -> None:
    quotes = run(parser, ['The nominee has repeatedly wondered whether the moderators will be "fair" to him.'])
    q = one(quotes, "moderators")
    assert q.kind == "mixed" and q.cue == "wondered" and q.speaker is not None and q.speaker.name == "nominee"


def test_by_a_named_doer_belongs_to_what_was_described(parser: Parser) -> None:
    quotes = run(parser, ["They described crass behavior by Trump behind the scenes of the hit show."])
    assert one(quotes, "crass behavior").text.endswith("of the hit show")


def test_a_name_the_parse_took_into_the_phrase_before_the_cue_still_speaks(parser: Parser) -> None:
    quotes = run(parser, ["In a meeting with the board of the Chamber of Commerce Trump said that taxes must fall."])
    q = one(quotes, "taxes must fall")
    assert q.speaker is not None and q.speaker.name.endswith("Trump")


def test_a_participle_on_the_occasion_speaks_for_the_speaker(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            '"We will get there together," she said at a recent news conference announcing that her '
            "department was suing North Carolina over its law."
        ],
    )
    q = one(quotes, "suing North Carolina")
    assert q.cue == "announcing" and q.speaker is not None and q.speaker.name == "she"


def test_a_bare_quotation_under_a_verb_of_thought_is_a_scare_quote(parser: Parser) -> None:
    quotes = run(parser, ["Voters know him as “The Donald.”", "He considers the plan “a disaster.”"])
    assert not [q for q in quotes if q.cue in ("know", "considers")]


def test_a_content_runs_over_a_sentence_break_the_parse_made_without_a_full_stop(parser: Parser) -> None:
    # the parse ends a sentence after "13th" ("she felt the 13th | Amendment was ...")
    quotes = run(
        parser, ["DuVernay said she felt the 13th Amendment was worth examining because most people do not know it."]
    )
    assert one(quotes, "she felt").text.endswith("do not know it")


def test_a_real_full_stop_still_ends_the_content(parser: Parser) -> None:
    quotes = run(
        parser, ["Officials said the bridge would close on Monday. Traffic will be diverted through the town."]
    )
    assert one(quotes, "bridge would close").text == "the bridge would close on Monday"


def test_a_speech_verb_whose_phrase_opens_the_quotation_is_its_cue(parser: Parser) -> None:
    footage = (
        "The spot concludes with footage of Trump saying during the debate last week, “That makes me smart,” "
        "when Clinton blasted him for not paying income tax."
    )
    q = one(run(parser, [footage]), "makes me smart")
    assert q.kind == "direct" and q.cue == "saying" and q.speaker is not None and q.speaker.name == "Trump"


@pytest.mark.parametrize(
    ("text", "fragment", "ending"),
    [
        # a noun phrase after the comma that sums up the act is the writer's
        (
            "NBC News moderator Matt Lauer asked the candidates to discuss their own ideas and refrain from "
            "attacking their opponent, a request not always honored.",
            "candidates to discuss",
            "attacking their opponent",
        ),
        # a question clause coordinated with the object is content too
        (
            "Chief Justice John G. Roberts Jr. spoke of the legacy of racism, enshrined in Jim Crow laws, and how "
            "the fight for justice flowed through landmark court rulings.",
            "legacy of racism",
            "landmark court rulings",
        ),
    ],
)
def test_where_an_object_content_ends(parser: Parser, text: str, fragment: str, ending: str) -> None:
    assert one(run(parser, [text]), fragment).text.endswith(ending)


def test_a_that_clause_the_parse_hung_on_the_person_told_is_content(parser: Parser) -> None:
    quotes = run(parser, ["Rakeyia Scott can be heard yelling to the officers that her husband was unarmed."])
    q = one(quotes, "her husband was unarmed")
    assert q.cue == "yelling" and q.speaker is not None and q.speaker.name == "Rakeyia Scott"


def test_a_headline_speech_act_read_as_a_noun_reports_its_infinitive(parser: Parser) -> None:
    quotes = run(
        parser, ["Railing Against Trump, Sanders Vows To Eliminate Tax Breaks Used By Real Estate Developers."]
    )
    q = one(quotes, "Eliminate Tax Breaks")
    assert q.cue == "Vows" and q.speaker is not None and q.speaker.name == "Sanders"


# Whose words a quotation is, and which cue takes it: (paragraphs, fragment of the quote, cue,
# speaker, a fragment no quote may hold).
SPEAKER_CASES = [
    # a thing for the inner cue's subject: the quoted words are the outer speaker's
    (
        [
            "Mayor Jane Holloway, opening the new city museum on Saturday, said it would tell a story "
            "of the harbour, one of “hard work and quiet courage in every generation.”"
        ],
        "hard work", "said", "Jane Holloway", None,
    ),
    # a speech noun whose source is a thing
    (
        ["Senator Maria Lopez said the vote sends a message that “the farmers of this state are not alone any more.”"],
        "farmers of this state", "said", "Maria Lopez", None,
    ),
    # the parse hangs "going on to say" on a verb inside the later quotation
    (
        [
            '"To go back to a time when we fought about that again is insane," Sanders said, going on to '
            'say that the country has spent "hundreds of years fighting against racism and all that stuff, '
            'to have that debate again, young people do not want to see that…."'
        ],
        "hundreds of years", "say", "Sanders", None,
    ),
    # a dateline is not the subject
    (
        [
            "WASHINGTON -- President Barack Obama, opening the new museum on Saturday, said it would tell "
            "an American story, one of “suffering and delight, one of fear, but also of hope.”"
        ],
        "suffering and delight", "said", "Barack Obama", None,
    ),
    # "as X put it" with a quotation; "put it on the agenda" reports nothing
    (
        [
            "As Jane Holloway, a tax lawyer at the city bar, recently put it, “Did the company lower its "
            "taxes legally, or not?” The council put it on the agenda for May."
        ],
        "lower its taxes", "put", "Jane Holloway", "agenda",
    ),
    # likening words with a quotation is a cue; without one it is not
    (
        [
            "Mayor Jane Holloway compared the council to a referee who is “asleep at the whistle” during "
            "the budget talks.",
            "The engineers compared the two bridges before the vote.",
        ],
        "asleep at the whistle", "compared", "Jane Holloway", "two bridges",
    ),
    # an inverted lead: the past-tense verb opens the sentence, the name follows
    (
        ["Critics say the plan is vague. Said Mayor Jane Holloway: “I don’t get the sense she is interested in it.”"],
        "interested in it", "Said", "Jane Holloway", None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("paragraphs", "fragment", "cue", "speaker", "absent"), SPEAKER_CASES)
def test_whose_words_a_quotation_is(
    parser: Parser, paragraphs: list[str], fragment: str, cue: str, speaker: str, absent: str | None
) -> None:
    quotes = run(parser, paragraphs)
    q = one(quotes, fragment)
    assert q.cue == cue and q.speaker is not None and q.speaker.name == speaker
    assert absent is None or not any(absent in x.text for x in quotes)


def test_report_within_a_report_keeps_both_speakers(parser: Parser) -> None:
    # the inner mixed quote is the governor's; the report around it, not a clause of "cited"
    # (no reporter), is Lopez's own attribution
    quotes = run(
        parser,
        [
            "Senator Maria Lopez cited reports that the governor called the new tax “a gift to the rich” "
            "in a private meeting."
        ],
    )
    by_cue = {q.cue: q for q in quotes}
    assert "cited" in by_cue and "called" in by_cue, [(q.cue, q.text) for q in quotes]
    outer, inner = by_cue["cited"], by_cue["called"]
    assert outer.speaker is not None and outer.speaker.name == "Maria Lopez"
    assert inner.speaker is not None and inner.speaker.name == "governor"
    assert outer.start <= inner.start and inner.end <= outer.end and outer.kind == "mixed"
    # under a clause of the outer verb, the outer speaker is also the inner quote's reporter
    text = (
        "Donald Trump said during a rally in Michigan that Hillary Clinton once described the trade "
        "deal as “the gold standard” of trade deals when she was secretary of state."
    )
    by_cue = {q.cue: q for q in run(parser, [text])}
    assert set(by_cue) == {"described", "said"}, list(by_cue)
    q, report = by_cue["described"], by_cue["said"]
    assert q.speaker is not None and q.speaker.name == "Hillary Clinton" and q.text.startswith("the trade deal")
    assert q.reporter is not None and q.reporter.name == "Donald Trump"
    assert report.speaker is not None and report.speaker.name == "Donald Trump" and report.reporter is None
    assert report.text.startswith("that Hillary Clinton") and report.start <= q.start and q.end <= report.end


def test_a_person_under_the_outer_verb_keeps_the_quote(parser: Parser) -> None:
    # officials are speakers: the quotation stays theirs, reported by the minister
    quotes = run(
        parser,
        ["The minister said officials warned that the dam was “close to breaking” after the storm."],
    )
    warned = [q for q in quotes if q.cue == "warned"]
    assert len(warned) == 1 and "close to breaking" in warned[0].text
    assert warned[0].speaker is not None and warned[0].speaker.name == "officials"


# One attribution each: (paragraph, a fragment of the quote, how its text opens (or all of it, when
# it ends with "$"), its cue, how its speaker's name ends). Rules of the sixth quotes round.
ATTRIBUTIONS = [
    # a trailing speaker read as an apposition to the last noun: the sentence before it
    (
        "China will strengthen financing and tax support to better serve the Belt and Road "
        "Initiative, a deputy finance minister said on Wednesday.",
        "Belt and Road",
        "China will strengthen financing and tax support to better serve the Belt and Road Initiative$",
        "said",
        "minister",
    ),
    (
        "The trade war between China and the United States has brought damage to the global value "
        "chain and exerted a negative impact on normal trade, Vice-Minister of Commerce Wang Shouwen "
        "said at the press conference.",
        "trade war",
        "The trade war between China",
        "said",
        "Wang Shouwen",
    ),
    # the object of a fronted phrase read as the subject, the speaker as its apposition
    (
        "The museum opened in Washington on Saturday. To understand the real Dred Scott, Chief "
        "Justice Roberts said, one should visit this museum. Donna Sampson Rawlings, 59, came too.",
        "one should visit this museum",
        "To understand the real Dred Scott",
        "said",
        "Roberts",
    ),
    # an inverted parenthetical given the sentence's own subject too
    (
        "Labour has a plan. The tone of the campaign, said Mr Milburn, would be more conversational "
        "than rhetorical; more spontaneous less scripted.",
        "more conversational",
        "The tone of the campaign",
        "said",
        "Milburn",
    ),
    # a trailing verb the parse made a conjunct of the main clause: all of the sentence before it
    (
        "The escort left. Clinton had told police officials that she didn’t want the escort at all, "
        "but the NYPD overruled that request, the source added.",
        "the NYPD overruled",
        "Clinton had told police officials",
        "added",
        "source",
    ),
    # a title-case headline closed by its speaker
    (
        "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says",
        "Clean Energy",
        "Trump ‘The Dealmaker’ Could Address Clean Energy$",
        "Says",
        "Lindsey Graham",
    ),
    # a relative clause inside the content's subject is no aside
    (
        "Banks are merging. The deal, which requires regulatory approval, is expected to be completed "
        "by April 2005, Standard Chartered said.",
        "The deal",
        "The deal, which requires regulatory approval, is expected to be completed by April 2005$",
        "said",
        "Standard Chartered",
    ),
    # a statement or remark as the subject speaks for whoever made it
    (
        "The ministry issued a note. A statement from the Foreign Ministry said the talks had been "
        "useful and would continue next month.",
        "talks had been useful",
        "the talks had been useful",
        "said",
        "Foreign Ministry",
    ),
    (
        "Exports rose in May. The remarks by the governor suggested interest rates would rise soon.",
        "rates would rise soon",
        "interest rates would rise soon$",
        "suggested",
        "governor",
    ),
    # a cue set off by commas reports the sentence around its quotation
    (
        "The museum opened. The museum, Mr. Obama said, was “a place of truth” for every American.",
        "a place of truth",
        "The museum, Mr. Obama said, was",
        "said",
        "Obama",
    ),
    # "as X said", "As X reported, ...": the clause it modifies
    (
        "The video was released. It also does not answer whether Scott had a gun, as police have said.",
        "It also does not answer",
        "It also does not answer whether Scott had a gun$",
        "said",
        "police",
    ),
    (
        "Talks resumed. As Reuters reported on Monday, the two sides agreed to extend the truce by a month.",
        "extend the truce",
        "the two sides agreed to extend the truce by a month$",
        "reported",
        "Reuters",
    ),
    # who was asked did not ask
    (
        "The senator spoke on Tuesday. Trump was asked by a reporter: “Will you run again?” He left.",
        "run again",
        "“Will you run again?”$",
        "asked",
        "reporter",
    ),
    # a that-clause the parse hung on the occasion of the verb
    (
        "Prices rose. Spokeswoman Hua Chunying said at a daily news briefing that China firmly opposes the move.",
        "firmly opposes",
        "that China firmly opposes the move$",
        "said",
        "Hua Chunying",
    ),
    (
        "Prices rose. The White House said in a statement that the president had signed the bill.",
        "had signed the bill",
        "that the president had signed the bill$",
        "said",
        "White House",
    ),
    # "..., Trump said, adding that ...": a closing cue, no parenthetical
    (
        "Prices rose. The economy is booming, Trump said, adding that jobs were coming back.",
        "booming",
        "The economy is booming$",
        "said",
        "Trump",
    ),
    # a role named in apposition speaks as its holder
    (
        "The debate ended. Trump's campaign manager, Kellyanne Conway, said on CNN that the polls were wrong.",
        "the polls were wrong",
        "that the polls were wrong$",
        "said",
        "Kellyanne Conway",
    ),
    (
        "The debate ended. Obama's spokesman, Josh Earnest, told reporters the president would veto the bill.",
        "veto the bill",
        "the president would veto the bill$",
        "told",
        "Josh Earnest",
    ),
]


@pytest.mark.parametrize(("paragraph", "fragment", "opening", "cue", "speaker"), ATTRIBUTIONS)
def test_attribution(parser: Parser, paragraph: str, fragment: str, opening: str, cue: str, speaker: str) -> None:
    q = one(run(parser, [paragraph]), fragment)
    assert q.text == opening[:-1] if opening.endswith("$") else q.text.startswith(opening), q.text
    assert q.cue == cue
    assert q.speaker is not None and q.speaker.name.endswith(speaker), q.speaker


def test_a_quotation_in_a_parenthetical_sentence_is_mixed_not_between_two_quotations(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "The museum opened. The museum, Mr. Obama said, was “a place of truth” for every American.",
            "The museum opened. “This is a great day,” the president said, “and we will remember it.”",
        ],
    )
    assert one(quotes, "a place of truth").kind == "mixed"
    assert one(quotes, "a great day").kind == "direct"  # the attribution's own words between quotations


def test_words_that_are_no_content(parser: Parser) -> None:
    """Its own object, a relative clause ending the content, the terms or the channel of speaking."""
    quotes = run(
        parser,
        [
            "The senator spoke on Monday. Taxes will rise, he proposed nothing that would stop it.",
            "The vote came. It is believed that ASEAN would like to conclude negotiations of RCEP in 2017, "
            "but still, some analysts urged for cautious optimism.",
            "Clinton cited criticism of NBC's Matt Lauer, who took heat for his questioning of the candidate.",
            "Prices rose. Officials, speaking on condition of anonymity, said the deal was close.",
            "Exports rose. The commission will impose additional tariffs of 25 percent, the Ministry of "
            "Finance said in a statement on its website.",
            "Exports rose. The union issued a statement on the new tariffs that called them unfair.",
        ],
    )
    texts = [q.text for q in quotes]
    assert "Taxes will rise" not in texts
    assert one(quotes, "optimism").text == "cautious optimism"
    assert one(quotes, "Lauer").text == "criticism of NBC's Matt Lauer"
    assert "condition of anonymity" not in texts and "its website" not in texts
    assert one(quotes, "the deal was close").cue == "said"
    assert one(quotes, "the new tariffs").cue == "statement"


def test_a_closing_cue_keeps_a_participle_whose_content_the_parse_left_off(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Prices rose. The increase also reflected the rise in labor costs, while the influence from food "
            "prices was quite limited, he said, adding food-price increases affected CPI by about 0.03 "
            "percentage point, and nonfood price increases affected CPI by about 0.28 percentage point."
        ],
    )
    assert any("labor costs" in q.text and "0.28 percentage point" in q.text for q in quotes)


def test_it_resolved_by_the_entities_stage_speaks_for_the_organisation(parser: Parser) -> None:
    review = "The European Commission published its review of the budget rules on Tuesday."
    statement = "“The two countries appear to be on track to correct their deficits by 2005,” it said in a statement."
    q = one(run(parser, [review, statement]), "on track")
    assert q.speaker is not None and q.speaker.name == "European Commission" and q.speaker.entity_id
    # the speaker's span stays on the word that names it in the sentence
    assert q.speaker.start is not None and q.speaker.end is not None and q.speaker.end - q.speaker.start == 2


# ---- the speaker chain (facts/quotes/chain.py)
def test_he_after_an_unnamed_role_holder_is_that_speaker(parser: Parser) -> None:
    text = (
        "A spokesman for the British Casino Association, which represents the UK industry, said the "
        'government was trying to allay fears over a "UK Las Vegas". He said the way the licences were '
        "being awarded meant UK firms were at a massive disadvantage."
    )
    by_fragment = {f: one(run(parser, [text]), f) for f in ("allay fears", "massive disadvantage")}
    first, second = by_fragment["allay fears"], by_fragment["massive disadvantage"]
    assert first.speaker is not None and second.speaker is not None
    assert second.speaker.name == first.speaker.name == "spokesman"
    # the pronoun keeps its own place in the text
    assert second.speaker.start is not None and second.speaker.start > (first.speaker.start or 0)


STATEMENT = "The measures were protectionism, according to a statement on the ministry's website. "
ADVOCATES = "Voting rights advocates said the policy was unfair to poor voters. "
CUMMINGS = "David Cummings, head of UK equities at Standard Life, said the bid would be enough. "


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (STATEMENT + "It said steel industry woes were global challenges.", "ministry"),  # the statement's maker
        (STATEMENT + "She said steel industry woes were global challenges.", "She"),  # not the statement
        (ADVOCATES + "They said steel industry woes were global challenges.", "Voting rights advocates"),
        # "they" only for the speaker of the sentence before: plurals abound
        (
            ADVOCATES + "The state disagrees. Republicans want lower rates. They said steel industry woes were bad.",
            "They",
        ),
        # the nearest speaker is a person: "it" stands for someone who has not spoken
        (
            "The Financial Times reported the talks. "
            + CUMMINGS
            + "The board approved the plan, it said of steel industry woes.",
            "it",
        ),
    ],
)
def test_open_pronoun_takes_the_nearest_speaker_only_of_its_kind(parser: Parser, text: str, speaker: str) -> None:
    quotes = [q for q in run(parser, [text]) if "steel industry woes" in q.text or "board approved" in q.text]
    assert quotes and all(q.speaker is not None and q.speaker.name == speaker for q in quotes), [
        (q.text, q.speaker) for q in quotes
    ]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "A report released by the central bank said growth would slow to 6 percent next year.",
            "growth would slow",
            "central bank",
        ),
        (
            "Trade remedy measures were protectionism, according to a statement on the ministry's website.",
            "Trade remedy",
            "ministry",
        ),
        # "of" names the maker only when a name follows it
        ("Reports of fraud said the vote had been rigged in several districts.", "vote had been rigged", "Reports"),
    ],
)
def test_a_statement_speaks_for_whoever_the_phrase_names_as_its_maker(
    parser: Parser, text: str, fragment: str, speaker: str
) -> None:
    assert _spoken_by(parser, text, fragment) == speaker


def _spoken_by(parser: Parser, text: str, fragment: str) -> str | None:
    """The speaker's name of the one quote of ``text`` holding ``fragment``."""
    q = one(run(parser, [text]), fragment)
    return q.speaker.name if q.speaker is not None else None


def test_relative_clause_after_a_list_is_the_last_members(parser: Parser) -> None:
    # the parse hangs ", who joked" on an earlier member of the list
    text = (
        "The ceremony featured celebrities like Oprah Winfrey, Will Smith, Robert DeNiro, Patti LaBelle and "
        "Stevie Wonder, who joked of the museum, “I haven't seen it yet, but I'm going to.”"
    )
    q = one(run(parser, [text]), "seen it yet")
    assert q.speaker is not None and q.speaker.name == "Stevie Wonder"


def test_a_quantifier_pronoun_subject_is_the_speaker_as_written(parser: Parser) -> None:
    # "some", "each", "both" name their speakers as much as "Many said" does; "this" names none
    quotes = run(
        parser,
        [
            "But some note that the governor has proposed little to reform the breaks. "
            "Some of the senators said the plan was too costly. "
            "The two men traded barbs, each saying the other lacks the judgment to lead the army. "
            "This suggests that the plan will fail."
        ],
    )
    speakers = {q.cue: q.speaker.name if q.speaker else None for q in quotes}
    assert speakers["note"] == "some"
    assert speakers["said"] == "Some of the senators"
    assert speakers["saying"] == "each"
    assert speakers.get("suggests") is None


def test_an_object_pronoun_that_an_as_phrase_speaks_of_is_content(parser: Parser) -> None:
    # "cited it as an example": "it" is what was cited; "encouraged them to": "them" was told
    quotes = run(
        parser,
        ["Clinton cited it as an example of his disrespect toward women. Trump encouraged them to vote early."],
    )
    texts = {q.cue: q.text for q in quotes}
    assert texts["cited"] == "it as an example of his disrespect toward women"
    assert texts["encouraged"] == "to vote early"


def test_a_second_speech_act_hung_on_the_reported_clause_is_the_speakers_own(parser: Parser) -> None:
    # "wrote that X was “...” and encouraged Y to ...": the parse coordinates "encouraged" with
    # "was", inside what was written; it is the writer's second act, with content of its own
    quotes = run(
        parser,
        [
            "Mayor Jane Holloway wrote late on Sunday that the council was “reckless” and “a disgrace” and "
            "encouraged residents to “show up” at the next public meeting.",
            "The union went on the radio to accuse the company of being “greedy” and “cruel” and urge "
            "workers to stay home on Friday.",
        ],
    )
    by_cue = {q.cue: q for q in quotes}
    assert by_cue["wrote"].text == "that the council was “reckless” and “a disgrace”"
    assert by_cue["encouraged"].text == "to “show up” at the next public meeting"
    speaker = by_cue["encouraged"].speaker
    assert speaker is not None and speaker.name == "Jane Holloway"
    assert by_cue["accuse"].text == "the company of being “greedy” and “cruel”"
    assert by_cue["urge"].text == "workers to stay home on Friday"


def test_a_speech_verb_in_another_form_than_the_outer_one_is_not_its_conjunct(parser: Parser) -> None:
    # "wants to accuse X of having “cheated” ... and urges": "urges" (present) cannot be coordinated
    # with the infinitive "accuse"; the verbs of one coordination agree in form
    from tidings.facts.quotes.coordinated import coordinated_act

    doc = parser.parse(
        "The union wants to accuse the company of having “cheated” its workers and urges them to stay home."
    )
    urges = next(t for t in doc if t.text == "urges")
    assert urges.dep_ == "conj" and coordinated_act(urges) is None
    doc = parser.parse(
        "The union went on the radio to accuse the company of being “greedy” and urge workers to stay home."
    )
    outer = coordinated_act(next(t for t in doc if t.text == "urge"))
    assert outer is not None and outer.text == "accuse"


def test_quotation_set_off_by_dashes_after_a_name_is_that_person_s(parser: Parser) -> None:
    quotes = run(
        parser,
        [
            "Many Republicans have said the same thing, including the former candidate Mitt Romney -- "
            "''It is disqualifying for a nominee to refuse to release tax returns to the voters'' -- "
            "and Fred Goldberg, a former Internal Revenue Service commissioner."
        ],
    )
    q = one(quotes, "disqualifying")
    # the name after the closing dash goes on with the sentence ("-- and Fred Goldberg"): no signature
    assert q.speaker is not None and q.speaker.name == "Mitt Romney"


def test_a_predicate_of_its_own_between_two_quotations_parts_them(parser: Parser) -> None:
    # "going on to contrast ..." is a further act of the speaker: the next quotation is a quote
    # of its own (same speaker); "said, adding nothing" on the verb itself would leave them one
    quotes = run(
        parser,
        [
            "“We are looking at the needs of the people,” Senator Maria Lopez said, going on to contrast "
            "the plans of the two parties. “Look at the issues and stay focused on them.”",
            "“This bridge connects two halves of our city,” Mayor Jane Holloway said, smiling at the crowd. "
            "“It took ten years to build.”",
        ],
    )
    first = one(quotes, "needs of the people")
    assert "issues" not in first.text
    second = one(quotes, "Look at the issues")
    assert second.kind == "direct" and second.speaker is not None and first.speaker is not None
    assert second.speaker.entity_id == first.speaker.entity_id
    assert "ten years" in one(quotes, "two halves").text  # "smiling at the crowd" tells how she said it


def test_fallback_pronoun_skips_a_person_named_inside_a_quotation(parser: Parser) -> None:
    # without the entities stage "he" is the person named just before, but not one a speaker
    # names inside a quotation: that is whom the speaker talks about
    quotes = run(
        parser,
        [
            "John Smith spoke to the party in Leeds on Monday. “The record of Michael Howard is very mixed.” "
            "He said the party would fight on."
        ],
        entities=False,
    )
    q = one(quotes, "would fight on")
    assert q.speaker is not None and q.speaker.name == "John Smith"


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        # a title read as the subject with the holder's name in apposition
        ("Director, Fiona Marsh, said most applicants came from the region.", "most applicants", "Fiona Marsh"),
        # a partitive: the named member speaks, not "one"
        ("One of the organisers, Maria Lopez, said the march would go ahead.", "march would go", "Maria Lopez"),
        (
            "“Farmers are worried,” one of the delegates, Dr. Peter Hale, a professor of economics, told Xinhua.",
            "Farmers are worried",
            "Peter Hale",
        ),
        # a title with its "of" phrase run into the name: the name, not "President"
        (
            "In the middle of the talks, President of the European Council Donald Tusk said on Tuesday that "
            "talks would resume.",
            "talks would resume",
            "Donald Tusk",
        ),
    ],
)
def test_role_holder_named_after_the_role(parser: Parser, sentence: str, fragment: str, speaker: str) -> None:
    q = one(run(parser, [sentence]), fragment)
    assert q.speaker is not None and q.speaker.name == speaker


def test_owner_before_a_titled_name_is_not_the_speaker(parser: Parser) -> None:
    # "Brunei's Sultan ... said": the sultan speaks, the state is what he speaks for
    quotes = run(
        parser, ["Trade will grow by a third next year, Brunei's Sultan Haji Hassanal Bolkiah said at the expo."]
    )
    q = one(quotes, "Trade will grow")
    assert q.speaker is not None and "Bolkiah" in q.speaker.name and "Brunei" not in q.speaker.name


def test_name_read_as_a_modal_verb(parser: Parser) -> None:
    # "May told MPs": a capitalised modal before a past tense is a name, the verb's subject
    quotes = run(
        parser,
        [
            "Theresa May spoke in London on Monday.",
            "“The ball is in their court,” May told MPs in her first statement since the speech.",
        ],
    )
    q = one(quotes, "ball is in their court")
    assert q.speaker is not None and q.speaker.name.endswith("May") and q.speaker.entity_id


@pytest.mark.parametrize(
    ("paragraphs", "fragment", "name_ending"),
    [
        pytest.param(
            [
                "The committee published its findings on Tuesday.",
                "“We do not believe that such a departure would be sensible,” says its report.",
            ],
            "such a departure",
            "report",
            id="a document owned by a pronoun speaks as written",
        ),
        pytest.param(
            [
                "Agreeing with Niu, Lu Ting, chief economist at Nomura Securities, wrote in a note that planned "
                'US tariffs will squeeze demand, but "the impact should be quite small".'
            ],
            "impact should be",
            "Lu Ting",
            # the parse made "Agreeing" the clausal subject: a participle cannot speak
            id="a fronted participle read as the subject is not the speaker",
        ),
        pytest.param(
            [
                "Gordon Brown gave a speech on Monday.",
                "Responding to the speech, shadow chief secretary to the Treasury, George Osborne, said: "
                "“This was more talk from Gordon Brown.”",
            ],
            "more talk",
            "George Osborne",
            # the parse let "Responding to ..." run on over the speaker ("shadow" read as a verb)
            id="a name closing a fronted participle clause speaks",
        ),
    ],
)
def test_the_speaker_is_the_words_that_can_speak(
    parser: Parser, paragraphs: list[str], fragment: str, name_ending: str
) -> None:
    q = one(run(parser, paragraphs), fragment)
    assert q.speaker is not None and q.speaker.name.endswith(name_ending)


@pytest.mark.parametrize(
    ("paragraphs", "fragment", "speaker", "starts"),
    [
        # a trailing wire attribution whose name follows a noun saying what it is, read as a
        # relative clause on that noun; the participle after it is a further act, not content
        (
            ["Exports fell 5 percent, the state news agency Xinhua reported on Monday, citing customs data."],
            "Exports fell",
            "Xinhua",
            "Exports fell 5 percent",
        ),
        # a subject spelt as a month (tagged a date, or hung as an auxiliary) is a name
        (
            ["Prior to her speech in the House of Commons, May told the other leaders that the deal was fair."],
            "the deal was fair",
            "May",
            "that the deal was fair",
        ),
        (
            ["Theresa May arrived in Brussels on Monday. May said the deal was fair."],
            "the deal was fair",
            "May",
            "the deal was fair",
        ),
        # a participle after a quotation closed with a comma is the speaker's next act
        (
            ['The senator said the plan was "a disaster from start to finish," calling for a new vote.'],
            "a new vote",
            "senator",
            "a new vote",
        ),
        # the inverted attribution after a comma: the noun phrase after the verb speaks
        (
            ["Millions of public workers could strike if ministers scrap their pension scheme, warn union leaders."],
            "Millions of public workers",
            "union leaders",
            "Millions of public workers could strike",
        ),
        (
            ["The reforms will cut costs, argue supporters of the bill."],
            "The reforms",
            "supporters",
            "The reforms will cut costs",
        ),
        # a name opening the sentence, an aside with a clause of its own, then the verb
        (
            [
                'Dr Brian Gibbons, on his first full day in the job after Jane Hutt was sacked, admitted "big '
                'challenges" but insisted the "essentials" were in place.'
            ],
            "essentials",
            "Brian Gibbons",
            'the "essentials"',
        ),
    ],
)
def test_speakers_of_running_news_constructions(
    parser: Parser, paragraphs: list[str], fragment: str, speaker: str, starts: str
) -> None:
    found = [q for q in run(parser, paragraphs) if fragment in q.text and q.text.startswith(starts)]
    assert len(found) == 1, [q.text for q in found]
    assert found[0].speaker is not None and found[0].speaker.name == speaker


def test_a_past_verb_of_addressing_after_a_comma_keeps_its_object_as_the_one_told(parser: Parser) -> None:
    # "told reporters" after a comma is no inverted attribution: reporters are told, not speaking
    quotes = run(parser, ["The minister said the talks had failed, and told reporters."])
    assert all(q.speaker is None or q.speaker.name != "reporters" for q in quotes)


@pytest.mark.parametrize(
    "sentence",
    [
        'Mook said on ABC\'s "This Week" that the campaign would not comment.',
        'On "Face the Nation," Sanders said the race was close.',
    ],
)
def test_a_programme_named_in_quotation_marks_is_no_quote(parser: Parser, sentence: str) -> None:
    quotes = run(parser, [sentence])
    assert quotes and all(q.kind == "indirect" for q in quotes)
    assert not any("This Week" in q.text or "Face the Nation" in q.text for q in quotes)


def test_capitalised_words_quoted_as_an_object_are_still_a_quote(parser: Parser) -> None:
    # only the object of a preposition of where it was said is a title: "called it X" is content
    q = one(run(parser, ['Trump called the wall "A Great Idea" at a rally.']), "A Great Idea")
    assert q.kind == "mixed" and q.speaker is not None and q.speaker.name == "Trump"


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        ('The bill was described as "a disaster" by Democrats.', "a disaster", "Democrats"),
        ('The decision, called "a betrayal" by union leaders, will cost 500 jobs.', "a betrayal", "union leaders"),
    ],
)
def test_a_by_phrase_the_parse_hung_on_a_passive_verbs_words_names_who_said_them(
    parser: Parser, sentence: str, fragment: str, speaker: str
) -> None:
    assert _spoken_by(parser, sentence, fragment) == speaker


def test_by_a_measure_after_a_passive_verbs_words_is_no_speaker(parser: Parser) -> None:
    quotes = run(parser, ['The plan was described as "a disaster" by any measure.'])
    assert all(q.speaker is None or "measure" not in q.speaker.name for q in quotes)


def test_a_that_clause_after_the_verb_is_its_content_not_a_clause_hung_on_it_from_before(parser: Parser) -> None:
    # "claims" read as the main verb, the sentence's first clause hung on it as a second complement
    sentence = (
        "Zhang was speaking at a session of the WTO, in response to the U.S. claims that China's "
        "policies coerce foreign companies."
    )
    q = one(run(parser, [sentence]), "coerce")
    assert q.text == "that China's policies coerce foreign companies"


def test_a_participle_of_saying_on_a_noun_is_said_by_that_noun(parser: Parser) -> None:
    # a reduced relative clause: "protesters chanting" is "protesters who chant"
    q = one(run(parser, ["The rally drew hundreds of protesters chanting “No more wars.”"]), "No more wars")
    assert q.cue == "chanting" and q.speaker is not None and q.speaker.name.startswith("hundreds")


def test_the_us_spelt_in_capitals_is_the_country_not_the_pronoun(parser: Parser) -> None:
    q = one(run(parser, ["The US said it would add tariffs on $34 billion of Chinese imports."]), "add tariffs")
    assert q.speaker is not None and q.speaker.name == "US"
    q = one(run(parser, ["He told us that the plan was dead."]), "plan was dead")
    assert q.speaker is not None and q.speaker.name == "He"


def test_a_pronoun_left_open_skips_a_person_of_the_other_gender(parser: Parser) -> None:
    # "Mr Blair" is a man: "She" is the spokeswoman quoted just before (the speaker chain)
    paragraphs = [
        "Mr Blair said he would not resign.",
        "“We will fight,” a Labour spokeswoman said.",
        "She added that the party would appeal.",
    ]
    q = one(run(parser, paragraphs), "would appeal")
    assert q.speaker is not None and q.speaker.name == "Labour spokeswoman"


def test_a_that_clause_read_as_a_relative_clause_on_the_occasion_is_the_content(parser: Parser) -> None:
    # "at the time that ...": the parse read "that" as a relative adverb on "time"; the report is
    # the Times's, over the clause, with the editor's mixed quote inside it
    sentence = (
        "Still, The New York Times reported at the time that the RT editor in chief, Margarita Simonyan, "
        "conveyed to Ms. Martin that her statement was ''not in line with our editorial policy.''"
    )
    quotes = run(parser, [sentence])
    outer = [q for q in quotes if q.cue == "reported"]
    assert len(outer) == 1 and outer[0].text.startswith("that the RT editor")
    assert outer[0].speaker is not None and outer[0].speaker.name == "New York Times"
    assert not any(q.text == "Still" for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        ("As reported by the Associated Press, the talks collapsed on Monday.", "talks collapsed", "Associated Press"),
        ("As stated in Davis' commentary, there are conflicting stories.", "conflicting stories", "Davis"),
    ],
)
def test_an_as_clause_with_a_passive_verb_of_saying_names_its_source_after_by_or_in(
    parser: Parser, sentence: str, fragment: str, speaker: str
) -> None:
    q = one(run(parser, [sentence]), fragment)
    assert q.speaker is not None and q.speaker.name == speaker


def test_as_indicated_by_things_is_no_report(parser: Parser) -> None:
    quotes = run(parser, ["And, as indicated by a series of tariff actions, China is clearly the target."])
    assert not any(q.cue == "indicated" for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        ("The campaigners unveiled a poster before they announced their plans.", "their plans", "campaigners"),
        ("Police said they asked the man to drop the gun.", "drop the gun", "Police"),
    ],
)
def test_they_speaking_under_a_plural_or_a_body_is_that_subject(
    parser: Parser, sentence: str, fragment: str, speaker: str
) -> None:
    q = one([q for q in run(parser, [sentence]) if q.text.startswith(("their", "the man"))], fragment)
    assert q.speaker is not None and q.speaker.name == speaker


def test_they_under_a_singular_person_is_left_open(parser: Parser) -> None:
    q = one(run(parser, ["Trump said they had called him “a liar.”"]), "a liar")
    assert q.speaker is None or q.speaker.name == "they"


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("The company said profits fell.", "profits fell", "company"),
        ("Brown said he agreed.", "he agreed", "Brown"),
    ],
)
def test_a_two_word_clause_with_its_own_subject_is_content(
    parser: Parser, sentence: str, content: str, speaker: str
) -> None:
    q = one(run(parser, [sentence]), content)
    assert q.text == content and q.kind == "indirect"
    assert q.speaker is not None and q.speaker.name == speaker


def test_an_auxiliary_left_by_ellipsis_is_no_content(parser: Parser) -> None:
    assert not run(parser, ["Brown said he would."])


@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        ("The death toll rose to 40 on Monday, with officials saying it could climb further.", "climb", "officials"),
        ("The bill passed despite some Democrats arguing that it went too far.", "too far", "Democrats"),
        (
            "Prices rose, with Smith, the chief economist at the bank, saying the trend would continue.",
            "trend",
            "Smith",
        ),
    ],
)
def test_a_participle_after_the_object_of_with_or_despite_is_said_by_that_object(
    parser: Parser, sentence: str, fragment: str, speaker: str
) -> None:
    q = one(run(parser, [sentence]), fragment)
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A spokeswoman for the State Department, Heather Nauert, said the United States was concerned.",
            "Heather Nauert",
        ),
        ("A spokesman for Trump, Jason Miller, said the campaign would not comment.", "Jason Miller"),
    ],
)
def test_a_name_the_parse_hung_on_the_body_a_role_serves_is_the_role_holder(
    parser: Parser, sentence: str, speaker: str
) -> None:
    (q,) = run(parser, [sentence])
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("sentence", "first", "second", "speaker"),
    [
        (
            "One official said the deal was close, while another said it was far off.",
            "the deal was close",
            "it was far off",
            "another",
        ),
        (
            "Smith said the economy was strong, even as Jones warned that a recession loomed.",
            "the economy was strong",
            "that a recession loomed",
            "Jones",
        ),
    ],
)
def test_an_adverbial_clause_reporting_with_its_own_subject_ends_the_content_before_it(
    parser: Parser, sentence: str, first: str, second: str, speaker: str
) -> None:
    quotes = run(parser, [sentence])
    assert sorted(q.text for q in quotes) == sorted([first, second])
    q = one(quotes, second)
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Smith said the economy was strong because exports rose.", "the economy was strong because exports rose"),
        (
            "Phil Jones said it was marketing if political parties telephoned people to ask for their votes.",
            "it was marketing if political parties telephoned people to ask for their votes",
        ),
    ],
)
def test_a_condition_or_a_cause_stays_in_the_content_even_with_a_verb_of_saying(
    parser: Parser, sentence: str, content: str
) -> None:
    q = one(run(parser, [sentence]), content.split()[1])
    assert q.text == content


def test_a_participle_after_a_clause_of_which_continues_the_clause_that_hangs_on(parser: Parser) -> None:
    sentence = 'He ruled out free care in England - which is on offer in Wales, saying it was "unsustainable".'
    q = one(run(parser, [sentence]), "unsustainable")
    assert q.speaker is not None and q.speaker.name == "He"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("According to Jane Smith, the mayor of Leeds, the plant will close.", "Jane Smith"),
        ("According to a spokesman for the company, John Doe, the plant will close.", "John Doe"),
    ],
)
def test_a_fronted_according_to_phrase_ends_after_the_apposition_of_its_object(
    parser: Parser, sentence: str, speaker: str
) -> None:
    (q,) = run(parser, [sentence])
    assert q.text == "the plant will close"
    assert q.speaker is not None and q.speaker.name == speaker


def test_a_subject_between_commas_after_according_to_stays_in_the_content(parser: Parser) -> None:
    (q,) = run(parser, ["According to the report, the plant, which opened in 1990, will close."])
    assert q.text.startswith("the plant")
