"""Speaker rules on parses as the parser gives them, misreadings included (built by hand so
that a parser update cannot hide the case)."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.facts.quotes.speakers import SpeakerResolver, according_source, subject_of
from tidings.nlp import Parser
from tidings.records import Entity, Span


def test_finite_verb_hung_on_the_name_before_it() -> None:
    # "which the founder, Maria Lopez, called ''a tax''": the parse made "called" an acl of "Lopez"
    words = ["which", "the", "founder", ",", "Maria", "Lopez", ",", "called", "''", "a", "tax", "''"]
    heads = [2, 2, 5, 5, 5, 5, 5, 5, 7, 10, 7, 5]
    deps = ["det", "det", "appos", "punct", "compound", "ROOT", "punct", "acl", "punct", "det", "oprd", "punct"]
    tags = ["WDT", "DT", "NN", ",", "NNP", "NNP", ",", "VBD", "``", "DT", "NN", "''"]
    pos = ["DET", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT", "DET", "NOUN", "PUNCT"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        ents=["O"] * 4 + ["B-PERSON", "I-PERSON"] + ["O"] * 6,
    )
    subj = subject_of(doc[7])
    assert subj is not None and subj.text == "Lopez"
    # a thing is never taken for the speaker that way
    ents = ["O"] * 12
    plain = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    assert subject_of(plain[7]) is None


def test_finite_verb_read_as_clause_of_a_participle() -> None:
    # "Protesters marching downtown chanted “No more”": the participle read as the main verb
    words = ["Protesters", "marching", "downtown", "chanted", "“", "No", "more", "”"]
    heads = [1, 1, 1, 1, 6, 6, 3, 6]
    deps = ["nsubj", "ROOT", "advmod", "advcl", "punct", "det", "dobj", "punct"]
    tags = ["NNS", "VBG", "RB", "VBD", "``", "DT", "JJR", "''"]
    pos = ["NOUN", "VERB", "ADV", "VERB", "PUNCT", "DET", "ADJ", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subj = subject_of(doc[3])
    assert subj is not None and subj.text == "Protesters"


def test_pronoun_left_open_by_the_entities_stage_takes_the_person_named_before(parser: Parser) -> None:
    text = (
        "Parul Jain, an economist at Nomura, said spending would rise. "
        "“Consumers continue to retain their strength,” he said."
    )
    doc = parser.parse(text)
    jain = Entity(id="e1", article_id="a", name="Parul Jain", kind="PERSON", mentions=(Span(0, 10),), end=10)
    he = next(t for t in doc if t.lower_ == "he")
    ref = SpeakerResolver(doc, {"entities": [jain]}).resolve(he)
    assert ref is not None and ref.name == "Parul Jain" and ref.entity_id == "e1"
    assert (ref.start, ref.end) == (he.idx, he.idx + 2)
    # no one named before: the pronoun stays a pronoun, with no actor claimed
    alone = parser.parse("“Consumers continue to retain their strength,” he said.")
    he = next(t for t in alone if t.lower_ == "he")
    ref = SpeakerResolver(alone, {"entities": [jain]}).resolve(he)
    assert ref is not None and ref.name == "he" and ref.entity_id is None


def test_finite_verb_after_an_aside_read_as_a_participle() -> None:
    # "Ann Kall, the director of debate, compared Trump to a coach.": the parse made "compared" an
    # acl of the name (the sentence's root), or of the aside's last noun
    words = ["Ann", "Kall", ",", "the", "director", "of", "debate", ",", "compared", "Trump", "to", "a", "coach", "."]
    tags = ["NNP", "NNP", ",", "DT", "NN", "IN", "NN", ",", "VBN", "NNP", "IN", "DT", "NN", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "NOUN", "PUNCT", "VERB", "PROPN", "ADP", "DET", "NOUN"]
    pos.append("PUNCT")
    deps = ["compound", "ROOT", "punct", "det", "appos", "prep", "pobj", "punct", "acl", "dobj", "prep", "det"]
    deps += ["pobj", "punct"]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 7 + ["B-PERSON"] + ["O"] * 4
    on_name = [1, 1, 1, 4, 1, 4, 5, 1, 1, 8, 8, 12, 10, 1]
    on_aside = [1, 1, 1, 4, 1, 4, 5, 1, 6, 8, 8, 12, 10, 1]
    for heads in (on_name, on_aside):
        doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
        subj = subject_of(doc[8])
        assert subj is not None and subj.text == "Kall", heads
        # a common noun before the aside is not taken for a speaker that way
        plain = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=["O"] * 14)
        assert subject_of(plain[8]) is None


def test_headline_label_before_a_colon_is_not_the_speaker() -> None:
    # "The Latest: Trump urges supporters to vote.": the parse took the label for the subject
    words = ["The", "Latest", ":", "Trump", "urges", "supporters", "to", "vote", "."]
    heads = [1, 4, 4, 4, 4, 4, 7, 4, 4]
    deps = ["det", "nsubj", "punct", "npadvmod", "ROOT", "dobj", "aux", "xcomp", "punct"]
    tags = ["DT", "JJ", ":", "NNP", "VBZ", "NNS", "TO", "VB", "."]
    pos = ["DET", "ADJ", "PUNCT", "PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subj = subject_of(doc[4])
    assert subj is not None and subj.text == "Trump"
    # a common noun after the colon is no name: the subject stays
    words[3], tags[3], pos[3] = "report", "NN", "NOUN"
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subj = subject_of(doc[4])
    assert subj is not None and subj.text == "Latest"


def test_past_verb_hung_on_a_modal_reported_clause_is_the_outer_speakers() -> None:
    # "May said that it would declare and suggested that it would go.": "suggested" cannot share
    # "would", so it is May's, not the reported clause's subject's
    words = ["May", "said", "that", "it", "would", "declare", "and", "suggested", "that", "it", "would", "go", "."]
    heads = [1, 1, 5, 5, 5, 1, 5, 5, 11, 11, 11, 7, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "cc", "conj", "mark", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNP", "VBD", "IN", "PRP", "MD", "VB", "CC", "VBD", "IN", "PRP", "MD", "VB", "."]
    pos = ["PROPN", "VERB", "SCONJ", "PRON", "AUX", "VERB", "CCONJ", "VERB", "SCONJ", "PRON", "AUX", "VERB", "PUNCT"]
    lemmas = ["May", "say", "that", "it", "would", "declare", "and", "suggest", "that", "it", "would", "go", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    subj = subject_of(doc[7])
    assert subj is not None and subj.text == "May"
    # "that it declared and suggested ...": the same tense, the clause's own subject
    words[4], tags[4], pos[4], lemmas[4] = "also", "RB", "ADV", "also"
    deps[4] = "advmod"
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    subj = subject_of(doc[7])
    assert subj is not None and subj.text == "it"


def test_participle_of_saying_after_a_named_object_is_that_persons() -> None:
    # "The ad uses footage of Ann Lee asking, “Why?”": "asking" hangs on "uses" as an xcomp
    words = ["The", "ad", "uses", "footage", "of", "Ann", "Lee", "asking", ",", "“", "Why", "?", "”"]
    heads = [1, 2, 2, 2, 3, 6, 4, 2, 7, 7, 7, 7, 7]
    deps = ["det", "nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "xcomp", "punct", "punct", "ccomp"]
    deps += ["punct", "punct"]
    tags = ["DT", "NN", "VBZ", "NN", "IN", "NNP", "NNP", "VBG", ",", "``", "WRB", ".", "''"]
    pos = ["DET", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "VERB", "PUNCT", "PUNCT", "ADV", "PUNCT", "PUNCT"]
    ents = ["O"] * 5 + ["B-PERSON", "I-PERSON"] + ["O"] * 6
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    subj = subject_of(doc[7])
    assert subj is not None and subj.text == "Lee"
    # not a person's name: the participle stays with the verb's subject
    plain = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=["O"] * 13)
    subj = subject_of(plain[7])
    assert subj is not None and subj.text == "ad"


def test_a_quantifier_subject_counts_only_right_before_its_verb(parser: Parser) -> None:
    # "Some have long argued": only auxiliaries, adverbs and commas between; "Some, Councilor Smith said":
    # a name between, the likelier subject (the parse took a stray word for it)
    from tidings.facts.quotes.speakers import _right_before_its_verb

    near = parser.parse("Some have long argued that the tax is unfair.")
    assert _right_before_its_verb(near[0])
    assert _right_before_its_verb(parser.parse("Some of them, however, said the tax is unfair.")[0])
    far = parser.parse("Some, Councilor Smith said on Tuesday, will lose.")
    assert far[0].head.lower_ == "said" and not _right_before_its_verb(far[0])


def _hand_parse(rows: list[tuple[str, int, str, str, str, str]], ents: list[str] | None = None) -> Doc:
    """A parse from (word, head, dep, tag, pos, lemma) rows (English lexical attributes: lower case)."""
    words, heads, deps, tags, pos, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas, ents=ents)


def test_relative_clause_on_a_speech_noun_speaks_for_its_maker() -> None:
    # "Clinton made a comment that described them as “predators”": the comment is Clinton's
    doc = _hand_parse(
        [
            ("Clinton", 1, "nsubj", "NNP", "PROPN", "Clinton"),
            ("made", 1, "ROOT", "VBD", "VERB", "make"),
            ("a", 3, "det", "DT", "DET", "a"),
            ("comment", 1, "dobj", "NN", "NOUN", "comment"),
            ("that", 5, "nsubj", "WDT", "PRON", "that"),
            ("described", 3, "relcl", "VBD", "VERB", "describe"),
            ("them", 5, "dobj", "PRP", "PRON", "they"),
            ("as", 5, "prep", "IN", "ADP", "as"),
            ("“", 9, "punct", "``", "PUNCT", "“"),
            ("predators", 7, "pobj", "NNS", "NOUN", "predator"),
            ("”", 9, "punct", "''", "PUNCT", "”"),
        ]
    )
    subj = subject_of(doc[5])
    assert subj is not None and subj.text == "Clinton"


def test_infinitive_after_an_object_is_the_object_s_act() -> None:
    # "Trump urged supporters to chant slogans": the chanting is the supporters'
    doc = _hand_parse(
        [
            ("Trump", 1, "nsubj", "NNP", "PROPN", "Trump"),
            ("urged", 1, "ROOT", "VBD", "VERB", "urge"),
            ("supporters", 1, "dobj", "NNS", "NOUN", "supporter"),
            ("to", 4, "aux", "TO", "PART", "to"),
            ("chant", 1, "xcomp", "VB", "VERB", "chant"),
            ("slogans", 4, "dobj", "NNS", "NOUN", "slogan"),
        ]
    )
    subj = subject_of(doc[4])
    assert subj is not None and subj.text == "supporters"
    # without an object the infinitive is the subject's ("Trump wanted to chant ...")
    bare = _hand_parse(
        [
            ("Trump", 1, "nsubj", "NNP", "PROPN", "Trump"),
            ("wanted", 1, "ROOT", "VBD", "VERB", "want"),
            ("to", 3, "aux", "TO", "PART", "to"),
            ("chant", 1, "xcomp", "VB", "VERB", "chant"),
            ("slogans", 3, "dobj", "NNS", "NOUN", "slogan"),
        ]
    )
    subj = subject_of(bare[3])
    assert subj is not None and subj.text == "Trump"
    # a purpose infinitive is the subject's too ("Parties phoned people to urge votes")
    purpose = _hand_parse(
        [
            ("Parties", 1, "nsubj", "NNS", "NOUN", "party"),
            ("phoned", 1, "ROOT", "VBD", "VERB", "phone"),
            ("people", 1, "dobj", "NNS", "NOUN", "people"),
            ("to", 4, "aux", "TO", "PART", "to"),
            ("urge", 1, "xcomp", "VB", "VERB", "urge"),
            ("votes", 4, "dobj", "NNS", "NOUN", "vote"),
        ]
    )
    subj = subject_of(purpose[4])
    assert subj is not None and subj.text == "Parties"


def test_of_two_subjects_the_one_nearer_the_verb_speaks() -> None:
    # "THE BORROWING Mr. McKinley said that he erred": a run-in heading taken for a second subject
    doc = _hand_parse(
        [
            ("THE", 1, "det", "DT", "DET", "the"),
            ("BORROWING", 4, "nsubj", "NN", "NOUN", "borrowing"),
            ("Mr.", 3, "compound", "NNP", "PROPN", "Mr."),
            ("McKinley", 4, "nsubj", "NNP", "PROPN", "McKinley"),
            ("said", 4, "ROOT", "VBD", "VERB", "say"),
            ("that", 7, "mark", "IN", "SCONJ", "that"),
            ("he", 7, "nsubj", "PRP", "PRON", "he"),
            ("erred", 4, "ccomp", "VBD", "VERB", "err"),
        ]
    )
    subj = subject_of(doc[4])
    assert subj is not None and subj.text == "McKinley"
    # a name first: the nearer "subject" is its apposition ("Zhao Ping, director, the ministry explained")
    named = _hand_parse(
        [
            ("Zhao", 1, "compound", "NNP", "PROPN", "Zhao"),
            ("Ping", 5, "nsubj", "NNP", "PROPN", "Ping"),
            (",", 1, "punct", ",", "PUNCT", ","),
            ("the", 4, "det", "DT", "DET", "the"),
            ("ministry", 5, "nsubj", "NN", "NOUN", "ministry"),
            ("explained", 5, "ROOT", "VBD", "VERB", "explain"),
        ],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    subj = subject_of(named[5])
    assert subj is not None and subj.text == "Ping"


def test_dash_read_as_the_subject_stands_for_the_noun_before_it() -> None:
    # "The film ― which weaves voices ― explains history": the first dash tagged a verb
    doc = _hand_parse(
        [
            ("The", 1, "det", "DT", "DET", "the"),
            ("film", 2, "nsubj", "NN", "NOUN", "film"),
            ("―", 7, "nsubj", "VBP", "VERB", "―"),
            ("which", 4, "nsubj", "WDT", "PRON", "which"),
            ("weaves", 2, "ccomp", "VBZ", "VERB", "weave"),
            ("voices", 4, "dobj", "NNS", "NOUN", "voice"),
            ("―", 2, "dep", "VBP", "VERB", "―"),
            ("explains", 7, "ROOT", "VBZ", "VERB", "explain"),
            ("history", 7, "dobj", "NN", "NOUN", "history"),
        ]
    )
    subj = subject_of(doc[7])
    assert subj is not None and subj.text == "film"


def test_according_to_a_noun_phrase_read_as_a_verb_phrase() -> None:
    # "Trump demeaned women, according to show insiders": "show" taken for an infinitive
    doc = _hand_parse(
        [
            ("Trump", 1, "nsubj", "NNP", "PROPN", "Trump"),
            ("demeaned", 1, "ROOT", "VBD", "VERB", "demean"),
            ("women", 1, "dobj", "NNS", "NOUN", "woman"),
            (",", 1, "punct", ",", "PUNCT", ","),
            ("according", 1, "prep", "VBG", "VERB", "accord"),
            ("to", 4, "prep", "IN", "ADP", "to"),
            ("show", 5, "pcomp", "VB", "VERB", "show"),
            ("insiders", 6, "dobj", "NNS", "NOUN", "insider"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
    )
    source = according_source(doc[4])
    assert source is not None and source.text == "insiders"


def test_first_person_in_the_narrative_is_the_writer(parser: Parser) -> None:
    text = "As I have suggested, the plan will fail. “We asked him to stop,” the mayor said."
    doc = parser.parse(text)
    writer, quoted = (t for t in doc if t.lower_ in ("i", "we"))
    resolver = SpeakerResolver(doc, {})
    ref = resolver.resolve(writer)
    assert ref is not None and ref.name == "I" and (ref.start, ref.end) == (writer.idx, writer.idx + 1)
    assert resolver.resolve(quoted) is None  # inside the quotation "we" is the mayor's, not the writer
    # two apostrophes quote too (''I can't breathe,'' as Garner said)
    doc = parser.parse("He wore a shirt with the words ''I can't breathe,'' as Garner said before he died.")
    quoted_i = next(t for t in doc if t.lower_ == "i")
    assert SpeakerResolver(doc, {}).resolve(quoted_i) is None


def test_passive_speech_verb_speaks_through_its_agent() -> None:
    # "Trump was criticized by Clinton": Clinton criticized; without a by-phrase the subject stays
    doc = _hand_parse(
        [
            ("Trump", 2, "nsubjpass", "NNP", "PROPN", "Trump"),
            ("was", 2, "auxpass", "VBD", "AUX", "be"),
            ("criticized", 2, "ROOT", "VBN", "VERB", "criticize"),
            ("by", 2, "agent", "IN", "ADP", "by"),
            ("Clinton", 3, "pobj", "NNP", "PROPN", "Clinton"),
        ]
    )
    subj = subject_of(doc[2])
    assert subj is not None and subj.text == "Clinton"


def test_participle_on_a_document_speaks_for_its_maker() -> None:
    # "The union sent a letter urging a veto": the letter's sender urges
    doc = _hand_parse(
        [
            ("The", 1, "det", "DT", "DET", "the"),
            ("union", 2, "nsubj", "NN", "NOUN", "union"),
            ("sent", 2, "ROOT", "VBD", "VERB", "send"),
            ("a", 4, "det", "DT", "DET", "a"),
            ("letter", 2, "dobj", "NN", "NOUN", "letter"),
            ("urging", 4, "acl", "VBG", "VERB", "urge"),
            ("a", 7, "det", "DT", "DET", "a"),
            ("veto", 5, "dobj", "NN", "NOUN", "veto"),
        ]
    )
    subj = subject_of(doc[5])
    assert subj is not None and subj.text == "union"


def test_subordinator_read_as_a_preposition_gives_its_object_as_the_subject() -> None:
    # "He kept on since Ann, at the debate, cited it.": "since" parsed as a preposition with "Ann"
    # as its object, and "cited" as a second main verb with no "and"
    words = ["He", "kept", "on", "since", "Ann", ",", "at", "the", "debate", ",", "cited", "it", "."]
    heads = [1, 1, 1, 1, 3, 1, 1, 8, 6, 1, 1, 10, 1]
    deps = ["nsubj", "ROOT", "prt", "prep", "pobj", "punct", "prep", "det", "pobj", "punct", "conj", "dobj", "punct"]
    tags = ["PRP", "VBD", "RP", "IN", "NNP", ",", "IN", "DT", "NN", ",", "VBD", "PRP", "."]
    pos = ["PRON", "VERB", "ADP", "SCONJ", "PROPN", "PUNCT", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subj = subject_of(doc[10])
    assert subj is not None and subj.text == "Ann"
    # with "and" before the verb it is a real coordination: the first verb's subject speaks
    words2 = [*words[:9], "and", *words[10:]]
    deps2 = [*deps[:9], "cc", *deps[10:]]
    tags2 = [*tags[:9], "CC", *tags[10:]]
    pos2 = [*pos[:9], "CCONJ", *pos[10:]]
    coordinated = Doc(Vocab(), words=words2, heads=heads, deps=deps2, tags=tags2, pos=pos2)
    subj = subject_of(coordinated[10])
    assert subj is not None and subj.text == "He"
    # a true preposition ("at the debate") gives nothing
    pos3 = [*pos[:3], "ADP", *pos[4:]]
    plain = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos3)
    subj = subject_of(plain[10])
    assert subj is not None and subj.text == "He"


def test_name_closing_a_fronted_participle_clause_however_the_parse_hung_it() -> None:
    # "Responding to the speech, shadow chief secretary to the Treasury, George Osborne, said:" as
    # the parser gave it in a whole article: "shadow" a verb hung on the comma, no subject for "said"
    words = ["Responding", "to", "the", "speech", ",", "shadow", "chief", "secretary", "to", "the", "Treasury"]
    words += [",", "George", "Osborne", ",", "said", ":"]
    heads = [15, 0, 3, 1, 15, 4, 7, 5, 5, 10, 8, 5, 13, 5, 15, 15, 15]
    deps = ["advcl", "prep", "det", "pobj", "punct", "prep", "compound", "dobj", "prep", "det", "pobj", "punct"]
    deps += ["compound", "npadvmod", "punct", "ROOT", "punct"]
    tags = ["VBG", "IN", "DT", "NN", ",", "VB", "NN", "NN", "IN", "DT", "NNP", ",", "NNP", "NNP", ",", "VBD", ":"]
    pos = ["VERB", "ADP", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "NOUN", "ADP", "DET", "PROPN", "PUNCT"]
    pos += ["PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"]
    ents = ["O"] * 10 + ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)
    subj = subject_of(doc[15])
    assert subj is not None and subj.text == "Osborne"
    # without the fronted participle clause the verb's missing subject is not guessed this way
    plain = Doc(Vocab(), words=words, heads=heads, deps=["dep", *deps[1:]], tags=tags, pos=pos, ents=ents)
    assert subject_of(plain[15]) is None


def test_a_participle_after_an_aside_between_dashes_continues_the_clause_around_it() -> None:
    # "Protesters marched around the stadium - where the Panthers played - while chanting ...":
    # the parse hung "chanting" on "played", inside the aside
    words = ["Protesters", "marched", "around", "it", "-", "where", "Panthers", "played", "-", "while", "chanting"]
    heads = [1, 1, 1, 2, 1, 7, 7, 1, 7, 10, 7]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "advmod", "nsubj", "advcl", "punct", "mark", "advcl"]
    tags = ["NNS", "VBD", "IN", "PRP", ":", "WRB", "NNPS", "VBD", ":", "IN", "VBG"]
    pos = ["NOUN", "VERB", "ADP", "PRON", "PUNCT", "SCONJ", "PROPN", "VERB", "PUNCT", "SCONJ", "VERB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    subj = subject_of(doc[10])
    assert subj is not None and subj.text == "Protesters"
    # without the closing dash the participle is the aside's own
    no_dash = ["Protesters", "marched", "around", "it", "-", "where", "Panthers", "played", ",", "while", "chanting"]
    tags2 = [*tags[:8], ",", *tags[9:]]
    plain = Doc(Vocab(), words=no_dash, heads=heads, deps=deps, tags=tags2, pos=pos)
    subj = subject_of(plain[10])
    assert subj is not None and subj.text == "Panthers"
