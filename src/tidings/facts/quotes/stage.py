"""Quotes: who said what, with which cue, in which sentence.

Rules over the single spaCy parse (GenderGapTracker-style design, our own code):

1. quoted spans come from :mod:`quote_marks` (paired per paragraph, malformed marks isolated);
2. each quoted span is hung on its cue: the nearest speech verb (or nominal cue, or
   *according to*) above it in the dependency tree, else a cue verb in the same or next
   sentence of the paragraph, else, for a paragraph that is only a quote, the speaker of the
   previous paragraph's quote is carried over (or of the report right before it, indirect ones
   too, once they are found: :meth:`_Run.carry_from_reports`);
3. a cue whose complement holds words outside the marks yields a *mixed* quote over the whole
   complement, otherwise a *direct* quote over the marks; speech verbs with a clausal
   complement and no marks yield *indirect* quotes, as do nominal cues and *according to*;
4. the speaker is the cue's subject (see :mod:`quote_speakers`); a cue above the speaker's cue
   gives the *reporter* (China said Qin urged ...: Qin speaks, China reports).

Every quote and every sentence is handled in isolation: one that breaks is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tidings.facts.base import FactContext
from tidings.facts.quotes.chain import chain_speakers
from tidings.facts.quotes.coordinated import coordinated_act, cut_before_act
from tidings.facts.quotes.cues import (
    CLAUSE_FIRST_VERBS,
    MESSAGE_VERBS,
    OBJECT_IDIOMS,
    OBJECT_VERBS,
    PARTICLE_VERBS,
    QUOTE_ONLY_VERBS,
    SPEECH_NOUNS,
    THOUGHT_VERBS,
    is_clutter,
    is_cue_lemma,
)
from tidings.facts.quotes.drafts import (
    STAGE_NAME,
    Draft,
    dedupe,
    has_that,
    rest_of_sentence,
    subtree_span,
    text_words,
    to_record,
    tokens_in,
    trim,
)
from tidings.facts.quotes.marks import QuotedSpan, find_quotes, paragraph_spans
from tidings.facts.quotes.objects import AUDIENCE, noun_topic, object_content, passive_message
from tidings.facts.quotes.speakers import (
    SpeakerResolver,
    according_source,
    apposed_speaker,
    beside_quote,
    inverted_after_comma,
    noun_source,
    signed_by,
    subject_of,
)
from tidings.nlp import doc_text
from tidings.records import ActorRef, Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A quote with no cue at all is kept (speaker unknown) only when it is this long (words).
MIN_UNATTRIBUTED_WORDS = 8
DASHES = frozenset({"—", "―", "--", "–"})
# A cue-less quotation continues the quote before it when at most this many words of its own
# sentence precede it ("“A,” said X. And “B.”").
MAX_LEAD_WORDS = 3
# Words outside the marks (inside the cue's complement) that make a quote "mixed".
MIXED_MIN_WORDS = 2
# Indirect speech needs a complement of at least this many tokens ...
MIN_INDIRECT_TOKENS = 3
# ... or, as the object of a speech act, a noun phrase this long: a single noun names what was
# said as well as a longer phrase does ("mentioned Machado", "shouting profanities", "did not
# recommend prosecution", as "promised a veto") when its speaker is named in the cue's own clause
# and it is not the one addressed (``_says_one_word``).
MIN_OBJECT_TOKENS = 1
# Object + infinitive complements ("urged the US to ...") count for these cue lemmas.
DIRECTIVE_LEMMAS = frozenset({"urge", "ask", "tell", "warn", "advise", "demand", "call", "press"})
# Objects that join a quote into a "call X “Y”" content.
OBJECT_DEPS = frozenset({"dobj", "oprd", "prep", "attr", "acomp", "ccomp", "xcomp"})
ADVERBIAL = ("npadvmod", "advmod")
# What may follow a speech verb that closes its sentence: when, where, how (and to whom, see _aside).
TRAILING_DEPS = frozenset({"prep", "npadvmod", "advmod"})
# The attribution's own words: never counted as paraphrase around a quote.
SUBJ_OR_ADV = ("nsubj", "nsubjpass", "npadvmod", "advmod", "aux", "neg", "prep", "dative")
# Complements through which a quote makes a mixed quote (a paraphrase with quoted words).
CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "acl"})


# Clauses with a predicate of their own (a relative, adverbial or complement clause).
CLAUSE_DEPS = frozenset({"relcl", "advcl", "xcomp", "ccomp", "conj", "acl"})

# Subjects that name a thing, never a speaker ("it would tell an American story").
THING_PRONOUNS = frozenset({"it", "this", "that", "what"})

# A content runs over at most this many sentence breaks the parse made without a full stop.
MAX_FALSE_BREAKS = 2

# "Name: words" (headline, transcript): at most this many words of name before the colon ...
MAX_COLON_NAME = 3
# A title in quotation marks ("This Week", "The Art of the Deal"): a few capitalised words, the
# short function words English titles leave in lower case, after a preposition of where
# something was said or written.
MAX_TITLE_WORDS = 6
TITLE_MINOR_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "by", "or"})
VENUE_PREPS = frozenset({"on", "in", "at", "during"})
# ... and not a place or time (a dateline) nor a label of the page.
PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
COLON_LABELS = frozenset(
    {"update", "updated", "editor", "note", "photo", "photos", "video", "watch", "related", "source", "sources",
     "read", "breaking", "exclusive", "live", "opinion", "analysis", "correction", "transcript", "q", "a"}
)  # fmt: skip


def _name_word(tok: Token) -> bool:
    """A word of a speaker's name or title before a colon ("Pence", "SEN. WARREN", "Mr. Obama";
    not "The Latest")."""
    return tok.pos_ != "DET" and (
        tok.pos_ == "PROPN"
        or (tok.is_alpha and (tok.is_upper or tok.is_title) and tok.pos_ != "VERB")
        or (tok.text.endswith(".") and tok.text[:1].isupper())
    )


# Nouns of a point of view: "in his view", "in Trump's words", "by her own account".
VIEWPOINT_NOUNS = frozenset({"view", "eyes", "opinion", "words", "estimation", "account", "admission", "telling"})


def _viewpoint(prep: Token) -> Token | None:
    """The owner of a point of view the sentence is given in ("in his eyes", "by Trump's own
    admission"): a source like *according to*'s, None when ``prep`` is no such phrase."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "by"):
        return None
    for obj in prep.children:
        if obj.dep_ == "pobj" and obj.lower_ in VIEWPOINT_NOUNS:
            owner = [c for c in obj.children if c.dep_ == "poss"]
            return owner[0] if owner else None
    return None


def _told(tok: Token) -> bool:
    """Who was told, after a verb that closes its sentence ("..., he told Xinhua.", "..., she told
    reporters."): a name or an audience, not a pronoun that may be what was said ("nothing")."""
    return tok.dep_ in ("dobj", "dative") and (tok.pos_ == "PROPN" or tok.lower_ in AUDIENCE)


def _to_infinitive(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _verb_read_as_noun(tok: Token) -> bool:
    """A speech verb in the present that the parse read as a plural noun heading the sentence,
    the speaker its compound and what was said its clause ("Trump charges that ...", "Secrecy is
    not a stranger ..., the former doctor maintains.")."""
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "ROOT"
        and tok.tag_ == "NNS"
        and is_cue_lemma(tok.lower_[:-1], with_quote=False)
        and any(_clause_of_misread(c) for c in tok.children)
        and any(c.dep_ == "compound" for c in tok.lefts)
    )


def _clause_of_misread(child: Token) -> bool:
    """The clause of a speech verb read as a noun: before it, or after it with "that", or a
    to-infinitive after a speech act that takes one ("Sanders Vows To Eliminate Tax Breaks")."""
    if child.dep_ == "ccomp" and child.i < child.head.i:
        return all(t.is_punct for t in child.doc[child.head.i + 1 : child.sent.end])
    if child.i < child.head.i:
        return False
    if child.dep_ in ("advcl", "acl", "xcomp") and _to_infinitive(child):
        return child.head.lower_[:-1] in OBJECT_VERBS
    return child.dep_ in ("ccomp", "acl", "relcl") and has_that(child)


def _described_name(verb: Token, subj: Token) -> Token | None:
    """ "Exports fell 5 percent, the state news agency Xinhua reported.", "..., the newspaper The
    Times reported.": a trailing speaker named after a noun that says what it is, which the
    parse read as a relative clause without a pronoun ("the agency [that] Xinhua reported") on
    that noun. A relative clause with no pronoun never has a name right after its noun in
    apposition; the noun and the name are one speaker phrase. The noun, or None."""
    head = verb.head
    if verb.dep_ != "relcl" or head.pos_ != "NOUN" or subj.pos_ != "PROPN" or subj.left_edge.i != head.i + 1:
        return None
    return head


# Subordinators of a clause set against the one before ("..., while another said ...").
CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although", "as"})


def _contrasted_report(clause: Token) -> bool:
    """An adverbial clause after a comma, opened by a subordinator of contrast, with a subject of
    its own (whether its verb reports speech is the caller's test)."""
    left = clause.left_edge.i
    return (
        clause.dep_ == "advcl"
        and left > 0
        and clause.doc[left - 1].text == ","
        and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def _bare_clause(cue: Token, toks: Sequence[Token]) -> bool:
    """A content of two words that is a whole clause of the cue, its subject and its verb ("The
    company said profits fell.", "He said he agreed."): a proposition however short, unlike two
    words of a phrase. Not an auxiliary left alone by ellipsis ("said he would", "said it was")."""
    if len(toks) != 2:
        return False
    subj, verb = toks
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "ccomp"
        and verb.head.i == cue.i
        and subj.head.i == verb.i
        and subj.dep_ in ("nsubj", "nsubjpass")
    )


def _further_act(tok: Token) -> bool:
    """A participle clause set off by a comma after a trailing cue (", citing customs data"):
    the speaker's further act, not the cue's content."""
    left = tok.left_edge.i
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and left > 0 and tok.doc[left - 1].text == ","


def _that_clause(tok: Token) -> bool:
    """A clause a speech noun introduces with "that" ("a report that he had a loss"), also when
    the parse took it for a relative clause (its "that" is then a conjunction, not a pronoun)."""
    if tok.dep_ in ("acl", "ccomp"):
        return has_that(tok)
    # "that" as a conjunction, or read as a relative adverb ("reported at the time that the editor
    # conveyed ...": no gap in the clause for it to fill, so it opens what was said)
    return tok.dep_ == "relcl" and any(
        c.lower_ == "that" and (c.dep_ == "mark" or (c.dep_ == "advmod" and c.i == tok.left_edge.i))
        for c in tok.children
    )


class QuoteStage:
    """Fact stage: direct, mixed and indirect quotes with speaker, reporter and cue."""

    name = STAGE_NAME
    requires: tuple[str, ...] = ("entities",)
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, *, thoughts: bool = False) -> None:
        # thoughts=True also treats "believe/think/expect that ..." as attributions (PolNeAR does).
        self.thoughts = thoughts

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        return {"quotes": self.extract(ctx)}

    def extract(self, ctx: FactContext) -> list[Quote]:
        text, doc = ctx.article.text, ctx.doc
        paras = [p for p in paragraph_spans(text) if not is_clutter(text[p[0] : p[1]])]
        marks = find_quotes(text, paras)
        run = _Run(self, ctx, doc, paras, marks)
        marked = run.from_marks()
        indirect = run.indirect()
        # a quotation a mixed attribution takes in is no longer a quote on its own
        taken = [(d.start, d.end) for d in indirect if d.kind == "mixed"]
        marked = [d for d in marked if d.cue is not None or not any(s <= d.start and d.end <= e for s, e in taken)]
        turns = run.colon_turns()
        # the mark that opens a transcript turn ("“PENCE: Well, ...") is the turn's, not a quote's
        opened = {run.para_of(t.start) for t in turns}
        marked = [d for d in marked if d.cue is not None or run.para_of(d.start) not in opened]
        drafts = dedupe(marked + indirect + turns)
        kinds = {e.id: e.kind for e in ctx.found.get("entities", ()) if isinstance(e, Entity)}
        chain_speakers(doc, drafts, kinds)
        run.carry_from_reports(drafts)
        return [to_record(ctx.article.id, doc, d) for d in drafts]


class _Run:
    """State of one article's extraction (not shared between articles)."""

    def __init__(
        self,
        stage: QuoteStage,
        ctx: FactContext,
        doc: Doc,
        paras: list[tuple[int, int]],
        marks: list[QuotedSpan],
    ) -> None:
        self.stage, self.ctx, self.doc, self.paras, self.marks = stage, ctx, doc, paras, marks
        self.speakers = SpeakerResolver(doc, ctx.found, [(q.start, q.end) for q in marks])
        self.in_quote = [-1] * len(doc)
        for n, q in enumerate(marks):
            for tok in tokens_in(doc, q.start, q.end):
                self.in_quote[tok.i] = n
        self.used_cues: dict[int, list[tuple[int, int]]] = {}  # cue token -> the spans of its quotations' drafts
        self.attributed: set[int] = set()  # quotations (by index in ``marks``) hung on a cue or a name
        self.cue_of: dict[int, int] = {}  # quotation (index in ``marks``) -> the cue of its unreported mixed quote

    # ------------------------------------------------------------------ quoted spans
    def from_marks(self) -> list[Draft]:
        by_cue: dict[int, list[QuotedSpan]] = {}
        out: list[Draft] = []
        for q in self.marks:
            try:
                signed = self._signature(q)  # a name after a dash signs it, whatever verbs are near
                if signed is not None:
                    self.attributed.add(self.marks.index(q))
                    out.append(signed)
                    continue
                if self._venue_title(q):
                    out.append(self._uncued(q))  # a show's or a book's name, no one's words
                    continue
                cue = self._lead_in_cue(q) or self._tree_cue(q) or self._near_cue(q)
                if cue is not None:
                    by_cue.setdefault(cue.i, []).append(q)
                    continue
                out.append(self._uncued(q))
            except Exception as exc:
                self.ctx.recover(self.stage.name, exc)
        for cue_i, quotes in by_cue.items():
            for run in self._runs(self.doc[cue_i], quotes):
                try:
                    draft = self._attach(self.doc[cue_i], run)
                except Exception as exc:
                    self.ctx.recover(self.stage.name, exc)
                    continue
                if draft.kind == "direct" and self._thought_only(self.doc[cue_i]):
                    out.extend(self._uncued(q) for q in run)  # "considers it “a disaster”": a scare quote
                    continue
                self.used_cues.setdefault(cue_i, []).append((draft.start, draft.end))
                self.attributed.update(self.marks.index(q) for q in run)
                if draft.kind == "mixed":  # the outer report of a report holds it too, see _nested
                    self.cue_of.update((self.marks.index(q), cue_i) for q in run)
                out.append(draft)
        out.sort(key=lambda d: d.start)
        return self._carry(out)

    def _uncued(self, q: QuotedSpan) -> Draft:
        """A quotation no cue took (kept if long, or if a speaker is carried to it)."""
        words = len(text_words(doc_text(self.doc)[q.inner_start : q.inner_end]))
        carry = self._only_quote(q, self.para_of(q.start))
        return Draft(q.start, q.end, "direct", None, None, None, 0.4, [q], carry, words)

    def _venue_title(self, q: QuotedSpan) -> bool:
        """'Mook said on ABC's "This Week" that ...', 'Sanders said on CNN's "State of the Union."',
        'wrote in "The Art of the Deal" that ...': a short quotation of capitalised words (a title)
        that is the object of a preposition of place or occasion names where something was said,
        a programme or a book, not words anyone said."""
        toks = [t for t in tokens_in(self.doc, q.inner_start, q.inner_end) if not t.is_space]
        words = [t for t in toks if t.is_alpha]
        if not words or len(words) > MAX_TITLE_WORDS or not words[0].is_title:
            return False
        if not all(t.is_title or t.is_upper or t.lower_ in TITLE_MINOR_WORDS for t in words):
            return False
        heads = [t for t in toks if not t.is_punct and not q.start <= t.head.idx < q.end]
        # the object of the preposition ("on “Face the Nation”": a title's verb read as its pcomp)
        return bool(heads) and all(h.dep_ in ("pobj", "pcomp") and h.head.lower_ in VENUE_PREPS for h in heads)

    def _thought_only(self, cue: Token) -> bool:
        """A verb of thought, which takes a quotation as a cue only inside a clause of its own
        ("wondered whether the moderators will be “fair”"), not alone."""
        return (
            not self.stage.thoughts and not self._is_cue(cue, with_quote=False) and cue.lemma_.lower() in THOUGHT_VERBS
        )

    def _opens_its_sentence(self, d: Draft) -> bool:
        """A quotation with at most a few words of its sentence before it: the sequel of the
        quote before ("“A,” said X, who heads Y. “B.”"), not one set in a sentence of its own
        ("She gives credit to ... because to her, “B.”")."""
        first = tokens_in(self.doc, d.start, d.end)
        if not first:
            return True
        before = self.doc[first[0].sent.start : first[0].i]
        return len([t for t in before if t.is_alpha and self.in_quote[t.i] == -1]) <= MAX_LEAD_WORDS

    def _runs(self, cue: Token, quotes: list[QuotedSpan]) -> list[list[QuotedSpan]]:
        """The quotations a cue took, split where another speech verb lies between two
        (“A,” Blige sings to Clinton before asking her, “B”: two quotes)."""
        runs = [[quotes[0]]]
        for q in quotes[1:]:
            between = tokens_in(self.doc, runs[-1][-1].end, q.start)
            if not any(t.i != cue.i and t.pos_ == "VERB" and self._is_cue(t, with_quote=False) for t in between):
                runs[-1].append(q)
            else:
                runs.append([q])
        return runs

    def _carry(self, drafts: list[Draft]) -> list[Draft]:
        """A paragraph that is only a quote takes the speaker of the previous paragraph's quote."""
        out: list[Draft] = []
        last: tuple[int, ActorRef | None] = (-1, None)
        for d in drafts:
            prev = out[-1] if out else None
            para = self.para_of(d.start)
            same_para = prev is not None and self.para_of(prev.end - 1) == para
            near = prev is not None and self._opens_its_sentence(d)
            if d.cue is None and prev is not None and prev.speaker is not None and same_para and near:
                # “A,” said X. “B.” — B continues X's quote (PolNeAR keeps both in one attribution).
                if prev.kind == "direct" and not self._predicate_between(prev, d):
                    prev.end = d.end
                    prev.quotes.append(d.quotes[0])
                    continue
                d.speaker, d.cue, d.confidence = prev.speaker, prev.cue, 0.7
            elif d.carry and last[1] is not None and last[0] == para - 1:
                d.speaker, d.confidence = last[1], 0.7
            elif d.cue is None and d.speaker is None and d.words < MIN_UNATTRIBUTED_WORDS:
                continue  # a short unattributed quote is a scare quote or a title
            out.append(d)
            if d.speaker is not None:
                last = (self.para_of(d.end - 1), d.speaker)
        return out

    def carry_from_reports(self, drafts: list[Draft]) -> None:
        """A quotation no cue took, after a report of any kind (in place): news reports a speaker
        first and quotes them next, in a sentence the quotation opens ("..., Mr Straw said. “Our
        role ...”") or in a paragraph that is only the quotation ("He said ... .¶“We do need
        ...”"). :meth:`_carry` does so after a quotation; this does it after an indirect or mixed
        report, found after it. Only the report right before counts, and only when it names its
        speaker: a speakerless report ("it has been claimed") leaves the quotation open."""
        ordered = sorted(drafts, key=lambda d: (d.end, d.start))
        for d in sorted(drafts, key=lambda d: d.start):
            if d.cue is not None or d.speaker is not None or d.kind != "direct":
                continue
            prev = next((p for p in reversed(ordered) if p.end <= d.start and p is not d), None)
            if prev is None or prev.speaker is None:
                continue
            para, prev_para = self.para_of(d.start), self.para_of(prev.end - 1)
            if (prev_para == para and self._opens_its_sentence(d)) or (d.carry and prev_para == para - 1):
                d.speaker, d.confidence = prev.speaker, 0.6

    def _predicate_between(self, prev: Draft, d: Draft) -> bool:
        """A predicate of its own between two quotations, set deeper than the speech act's own
        modifiers: in the topic of the speech ("she said of the election, in which she was sure
        ... “B.”") or in a further act the speaker goes on to ("Sanders said, going on to contrast
        X with Y. “B.”"). The second quotation then follows another proposition, reported apart.
        A clause right on the speech verb only tells how or when it was said ("said, emphasizing
        why ...", "said as they marched"), and one on the speaker who speaks ("said X, who heads
        Y"): those leave the quotations one attribution, as PolNeAR keeps them."""
        cue = prev.cue
        if cue is None or not prev.quotes:
            return False
        speaker = {t.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        for tok in tokens_in(self.doc, prev.quotes[-1].end, d.start):
            if tok.pos_ != "VERB" or tok.i == cue.i or tok.i in speaker or self.in_quote[tok.i] != -1:
                continue
            if tok.dep_ in CLAUSE_DEPS and tok.head.i != cue.i and cue in tok.ancestors:
                return True
        return False

    def _signature(self, q: QuotedSpan) -> Draft | None:
        """“Quote.” ― Jane Doe: a name after a dash that closes the paragraph, or that the next
        quotation follows (signed quotes listed one per line run into one paragraph)."""
        end = self.paras[self.para_of(q.end - 1)][1]
        end = min([m.start for m in self.marks if q.end <= m.start < end] + [end])
        found = signed_by(self.doc, q.end, end) or self._name_aside(q)
        if found is None:
            return None
        dash, head = found
        return Draft(q.start, q.end, "direct", dash, self.speakers.resolve(head), None, 0.75, [q])

    def _name_aside(self, q: QuotedSpan) -> tuple[Token, Token] | None:
        """(dash, name) for a quotation set off by dashes right after a person's name, an aside
        that gives the words of the one just named ("including the former candidate Mitt Romney --
        ''It is disqualifying ...'' -- and Fred Goldberg")."""
        toks = tokens_in(self.doc, q.start, q.end)
        if not toks or toks[0].i < 2:
            return None
        dash, name = self.doc[toks[0].i - 1], self.doc[toks[0].i - 2]
        if dash.text not in DASHES or name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
            return None
        after = self.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(self.doc) else None
        closed = after is None or after.text in DASHES or after.text in (".", ")")
        return (dash, name) if closed else None

    def _tree_cue(self, q: QuotedSpan) -> Token | None:
        """The nearest cue above the quote in the dependency tree (outside all quotes); past a
        cue that names no one (see :meth:`_speakerless`) to a speech verb with a subject above it."""
        best: tuple[int, Token] | None = None
        lo, hi = self.paras[self.para_of(q.start)][0], self.paras[self.para_of(q.end - 1)][1]
        for tok in tokens_in(self.doc, q.inner_start, q.inner_end):
            node, steps, found = tok, 0, None
            while node.head.i != node.i and steps < 12:
                child, node, steps = node, node.head, steps + 1
                if not lo <= node.idx < hi:
                    break  # the parse ran over a paragraph break
                if self.in_quote[node.i] != -1:
                    continue
                if node.pos_ == "NOUN" and child.dep_ not in ("acl", "ccomp", "appos"):
                    continue  # "a report ... as “far-fetched”": the noun does not own the quote
                if coordinated_act(node) is not None:
                    found = node  # "... and encouraged Americans to “check out” ...": its own act
                    break
                if not self._is_cue(node, with_quote=True):
                    continue
                if found is None:
                    found = node
                    if self._speakerless(node):
                        continue  # look on for a speaker's verb above it
                elif node.pos_ not in ("VERB", "AUX") or subject_of(node) is None:
                    continue
                found = node
                break
            if found is not None:
                dist = min(abs(found.idx - q.start), abs(found.idx - q.end))
                if best is None or dist < best[0]:
                    best = (dist, found)
        return best[1] if best else None

    def _speakerless(self, cue: Token) -> bool:
        """A cue that names no one who speaks: a speech noun with no source or a thing for one
        ("said the vote sends a message that “...”") or a verb whose subject is a thing ("said it would tell an
        American story, one of “...”", "said the advertisement “wrongfully” suggests that ...": a
        common noun the actor coder gives no actor).
        A quotation under such a cue is the words of the speaker whose verb is above it."""
        if cue.lower_ == "according":
            return False
        source = noun_source(cue) if cue.pos_ == "NOUN" else subject_of(cue)
        if source is None:
            return cue.pos_ == "NOUN"  # "“...,” said Smith": a verb's speaker sits beside it, not above
        if source.lower_ in THING_PRONOUNS:
            return True
        if source.pos_ != "NOUN" or source.ent_type_:
            return False
        ref = self.speakers.resolve(source)  # "officials", "the ministry" are actors; "the advertisement" is none
        return ref is None or (ref.actor_code is None and ref.entity_id is None)

    def _lead_in_cue(self, q: QuotedSpan) -> Token | None:
        """A speech verb whose phrase ends at the comma or colon that opens the quotation
        ("footage of Trump saying during the debate last week, “That makes me smart,”"), also
        when the parse hung the quotation on some other verb."""
        opener = tokens_in(self.doc, q.start, q.start + 1)
        if not opener or opener[0].i < 2:
            return None
        comma = self.doc[opener[0].i - 1]
        if comma.text not in (",", ":") or self.in_quote[comma.i] != -1:
            return None
        for verb in self.doc[comma.i - 1].ancestors:
            if verb.pos_ not in ("VERB", "AUX") or not self._is_cue(verb, with_quote=False):
                continue
            said = any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i < comma.i for c in verb.children)
            return None if said or verb.right_edge.i >= opener[0].i else verb
        return None

    def _near_cue(self, q: QuotedSpan) -> Token | None:
        """A cue verb with a subject in the quote's own or neighbouring sentence, same paragraph."""
        p = self.paras[self.para_of(q.start)]
        first = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        if first is None:
            return None
        sents = {first[0].sent.start, first[-1].sent.start}
        after = first[-1].sent.end
        if after < len(self.doc):
            sents.add(self.doc[after].sent.start)
        best: tuple[int, Token] | None = None
        for tok in tokens_in(self.doc, p[0], p[1]):
            if self.in_quote[tok.i] != -1 or tok.sent.start not in sents or tok.pos_ not in ("VERB", "AUX"):
                continue
            if not self._is_cue(tok, with_quote=True) or subject_of(tok) is None:
                continue
            if any(self.in_quote[c.i] == -1 and c.dep_ == "ccomp" for c in tok.children):
                continue  # it has its own (unquoted) content
            dist = tok.idx - q.end if tok.idx >= q.end else q.start - tok.idx
            if best is None or dist < best[0]:
                best = (dist, tok)
        return best[1] if best else None

    def _attach(self, cue: Token, quotes: list[QuotedSpan]) -> Draft:
        q_start, q_end = min(q.start for q in quotes), max(q.end for q in quotes)
        start, end, about = q_start, q_end, None
        children = self._complement_children(cue, quotes)
        for child in children:
            left, right = child.left_edge, child.right_edge
            start, end = min(start, left.idx), max(end, right.idx + len(right.text))
        if not children:
            # "stressed the need to ... under “constant attack”", "according to X, the move reeks
            # of “fear”": what the speech act is about holds the quotation
            about = self._about(cue)
            if about is not None and about[0] <= q_start and q_end <= about[1]:
                start, end = about
            else:
                about = None
                # "Acts of protest, Mr. Obama said, are ... the words “I can't breathe”": a cue set
                # off by commas reports the sentence around it, quotation and all
                around = self._parenthetical(cue, cue.sent) if cue.pos_ in ("VERB", "AUX") else None
                if around is not None and around[0] <= q_start and q_end <= around[1]:
                    start, end = around
        start, end = trim(doc_text(self.doc), start, cut_before_act(cue, start, end))
        toks = tokens_in(self.doc, start, end)
        # Words of the attribution itself ("“A,” the president said, “B.”") are not paraphrase.
        own = {cue.i, *(t.i for c in cue.children if c.dep_ in SUBJ_OR_ADV and c not in children for t in c.subtree)}
        if about is not None:  # the content was cut out of the sentence: all of it is paraphrase
            own = {cue.i}
        outside = [t for t in toks if self.in_quote[t.i] == -1 and t.is_alpha and t.i not in own]
        kind = "mixed" if len(outside) >= MIXED_MIN_WORDS else "direct"
        if kind == "direct":
            start, end = q_start, q_end
        else:
            start, end = trim(doc_text(self.doc), *self._without_aside((start, end)))
            end = max(self._over_false_break(end), q_end)  # never cut into the quotation itself
        speaker, reporter = self._speaker_and_reporter(cue)
        conf = 0.85 if speaker is not None else 0.5
        return Draft(start, end, kind, cue, speaker, reporter, conf, quotes)

    def _about(self, cue: Token) -> tuple[int, int] | None:
        """The content a cue without a clausal complement reports: the rest of the sentence for
        *according to*, the object of a speech act that takes one."""
        if cue.lower_ == "according":
            return rest_of_sentence(cue.sent, cue)
        if cue.pos_ == "VERB" and cue.lemma_.lower() in OBJECT_VERBS:
            return object_content(cue)
        return None

    def _complement_children(self, cue: Token, quotes: list[QuotedSpan]) -> list[Token]:
        """Children of the cue whose subtrees hold the quotes (plus the object of "urge X to")."""
        found: list[Token] = []
        spans = [(q.start, q.end) for q in quotes]
        for child in cue.children:
            if child.dep_ not in CLAUSAL_DEPS:
                continue  # "rejected X as “...”", "called it “...”": the marks are the content
            left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            if any(s < right and left < e for s, e in spans):
                found.append(child)
        if cue.lemma_ in DIRECTIVE_LEMMAS and any(c.dep_ == "xcomp" for c in found):
            found += [c for c in cue.children if c.dep_ == "dobj" and c not in found]
        if not found and cue.lemma_.lower() in QUOTE_ONLY_VERBS:
            # "called half of Trump's supporters “deplorables”": the object is part of the content.
            end = max(e for _, e in spans)
            found = [c for c in cue.rights if c.dep_ in OBJECT_DEPS and c.left_edge.idx < end]
        return found

    # ------------------------------------------------------------------ "Name: words"
    def colon_turns(self) -> list[Draft]:
        """A paragraph led by a name and a colon: a headline ("Pence: Flowers Won't Be at
        Debate") or a transcript turn ("WALLACE: Let's start ..."); the rest of the paragraph
        is what the name said (the colon is the cue)."""
        out: list[Draft] = []
        for p_start, p_end in self.paras:
            try:
                draft = self._colon_turn(p_start, p_end)
            except Exception as exc:
                self.ctx.recover(self.stage.name, exc)
                continue
            if draft is not None:
                out.append(draft)
        return out

    def _colon_turn(self, p_start: int, p_end: int) -> Draft | None:
        toks = [t for t in tokens_in(self.doc, p_start, p_end) if not t.is_space]
        while toks and toks[0].is_quote:
            toks = toks[1:]  # a transcript's turns may open with a quotation mark
        colon = next((n for n, t in enumerate(toks[: MAX_COLON_NAME + 1]) if t.text == ":"), None)
        if colon is None or colon == 0 or colon + 1 >= len(toks):
            return None
        name = toks[:colon]
        if not all(_name_word(t) for t in name) or not any(t.pos_ == "PROPN" or t.is_upper for t in name):
            return None
        if name[-1].ent_type_ in PLACE_OR_TIME or any(t.lower_ in COLON_LABELS for t in name):
            return None  # a dateline ("WASHINGTON:") or page furniture ("Update:", "Editor's note:")
        words = [t for t in toks[colon + 1 :] if t.is_alpha]
        if len(words) < MIN_INDIRECT_TOKENS:
            return None
        start, end = trim(doc_text(self.doc), toks[colon].idx + 1, p_end)
        quoted = {self.in_quote[t.i] for t in tokens_in(self.doc, start, end)} - {-1}
        kind = "mixed" if quoted else "indirect"  # words said without marks: never a direct quote
        return Draft(start, end, kind, toks[colon], self.speakers.resolve(name[-1]), None, 0.6)

    # ------------------------------------------------------------------ indirect speech
    def indirect(self) -> list[Draft]:
        out: list[Draft] = []
        for sent in self.doc.sents:
            if self.para_of(sent.start_char) == -1:  # clutter
                continue
            try:
                out.extend(self._indirect_in(sent))
            except Exception as exc:
                self.ctx.recover(self.stage.name, exc)
        return out

    def _indirect_in(self, sent: Span) -> list[Draft]:
        out: list[Draft] = []
        for tok in sent:
            if self.in_quote[tok.i] != -1:
                continue
            content: tuple[int, int] | None = None
            about: tuple[int, int] | None = None
            source: Token | None = None
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                content = rest_of_sentence(sent, tok)
                source = according_source(tok)
            elif _viewpoint(tok) is not None:  # "in his eyes, ...", "by Trump's own admission, ..."
                content, source = rest_of_sentence(sent, tok), _viewpoint(tok)
            elif _verb_read_as_noun(tok):  # "Trump charges that ...", "..., the former doctor maintains."
                content = subtree_span(next(c for c in tok.children if _clause_of_misread(c)))
                source = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "compound"), None)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
                comp = [c for c in tok.children if _that_clause(c)]
                infinitive = [c for c in tok.children if c.dep_ == "acl" and _to_infinitive(c)]
                if comp or infinitive:  # "the claim that ...", "his promises to stick it to the rich"
                    content = self._clause_span((comp or infinitive)[0])
                    source = noun_source(tok)
                elif not (tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in OBJECT_VERBS):
                    # "questions about business practices"; not "answering questions about ...",
                    # where the noun is part of what the verb reports
                    content = about = noun_topic(tok)
                    source = noun_source(tok) if content else None
            elif tok.pos_ in ("VERB", "AUX") and self._is_cue(tok, with_quote=False):
                content = self._verb_content(tok, sent)
                source = subject_of(tok) if content else None
            if content is None and tok.lemma_.lower() in MESSAGE_VERBS:
                passive = passive_message(tok)  # "the issue was first reported by the Post"
                if passive is not None:
                    (content, source), about = passive, passive[0]
            if tok.pos_ == "VERB" and tok.lemma_.lower() in OBJECT_VERBS:
                obj = object_content(tok)  # "cited his remarks", "called for a moratorium"
                if obj is not None and content is not None and tok.lemma_.lower() in CLAUSE_FIRST_VERBS:
                    obj = None  # "said on Twitter that ...": the clause is what was said
                if obj is not None and inverted_after_comma(tok) is not None:
                    obj = None  # "..., warn union leaders.": the object the parse saw is the speaker
                if obj is not None:  # with a clause too (often a misparse), both are the content
                    content = obj if content is None else (min(content[0], obj[0]), max(content[1], obj[1]))
                    source, about = subject_of(tok), obj
            if content is None:
                continue
            outer = coordinated_act(tok)
            if outer is not None:  # "tweeted that ... and encouraged Americans to ...": one speaker
                source = subject_of(outer)
            content = content[0], cut_before_act(tok, *content)
            if tok.i in self.used_cues:
                # a cue that took a quotation reports more only when its own content lies
                # elsewhere ("Bemoaning the “phony system,” Trump accused Holt of being ..."),
                # and not what "said" is said of (“...,” she said of the election)
                said_of = content == about and tok.lemma_.lower() in CLAUSE_FIRST_VERBS
                if said_of or any(content[0] < e and s < content[1] for s, e in self.used_cues[tok.i]):
                    continue
            start, end = trim(doc_text(self.doc), *self._without_aside(content))
            end = self._over_false_break(end)
            toks = tokens_in(self.doc, start, end)
            quoted = {self.in_quote[t.i] for t in toks} - {-1}
            # a noun phrase that is all the content (object or passive subject) may be short
            nominal = content == about and self._speaks(tok) and any(t.pos_ in ("NOUN", "PROPN") for t in toks)
            if nominal and len(toks) == 1 and not self._says_one_word(tok):
                continue
            own = {n for n in quoted & self.attributed if not self._nested(n, tok, toks)}
            shortest = MIN_OBJECT_TOKENS if nominal or _bare_clause(tok, toks) else MIN_INDIRECT_TOKENS
            if len(toks) < shortest or own:
                continue  # too short, or its quotation already has its own attribution
            speaker = self.speakers.resolve(source) if source is not None else None
            reporter = self._reporter(tok)
            kind = "mixed" if quoted else "indirect"  # "encouraged his supporters to make sure it is “on the up”"
            if quoted and not any(t.is_alpha and self.in_quote[t.i] == -1 for t in toks):
                kind = "direct"  # "According to Smith, “the plan is dead.”": the quotation is all of it
            end = max([end] + [self.marks[n].end for n in quoted])  # the closing mark belongs to it
            out.append(Draft(start, end, kind, tok, speaker, reporter, 0.7 if speaker else 0.5))
        return out

    def _nested(self, mark: int, cue: Token, toks: Sequence[Token]) -> bool:
        """Whether quotation ``mark`` belongs to a mixed quote whose cue lies inside this content,
        a report within the report ("Lopez cited reports that the governor called the tax “a gift
        to the rich”", "China said Qin urged ... “China's core concerns”"): the outer speaker's
        attribution covers it too (who reported what is a fact of its own, and PolNeAR counts
        both), the inner one stays as it is, with the outer speaker as its reporter when the
        inner cue is a clause of the outer verb."""
        inner = self.cue_of.get(mark)
        return inner is not None and inner != cue.i and toks[0].i <= inner <= toks[-1].i

    def _without_aside(self, content: tuple[int, int]) -> tuple[int, int]:
        """The content up to the writer's own addition: a single dash and what follows it, a
        non-restrictive relative clause that ends it or is followed by another aside
        (", who took heat for ...", ", which he said were at his side")."""
        start, end = content
        toks = tokens_in(self.doc, start, end)
        dashes = [t for t in toks if t.text in DASHES and self.in_quote[t.i] == -1]
        if len(dashes) == 1 and dashes[0].i - toks[0].i >= MIN_INDIRECT_TOKENS and dashes[0].idx < end:
            # "promising to lift regulations ― probably not what Graham had in mind": a single
            # dash sets off the writer's comment (a pair of dashes is an aside inside the content)
            return start, dashes[0].idx
        for tok in toks:
            if tok.dep_ != "relcl" or tok.left_edge.i == 0 or tok.left_edge.i <= tok.head.i:
                continue
            first, comma = tok.left_edge, self.doc[tok.left_edge.i - 1]
            tail_end = tok.right_edge.idx + len(tok.right_edge.text)
            if comma.text == "," and first.lower_ in ("who", "which", "whom", "whose") and comma.idx > start:
                tail = [t for t in tokens_in(self.doc, tail_end, end) if not t.is_space]
                if tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head in tail:
                    continue  # "The deal, which requires approval, is expected ...": on its subject
                if not tail or tail[0].text == ",":  # it ends the content, or an aside follows it
                    return start, comma.idx
        return content

    def _over_false_break(self, end: int) -> int:
        """A content that ends where the parse broke a sentence in two without a full stop
        ("Clinton cited disparaging remarks | Trump had made about Machado as ...", "she felt the
        13th | Amendment was ...") runs on to the end of the next sentence of its paragraph."""
        for _ in range(MAX_FALSE_BREAKS):
            last = tokens_in(self.doc, end - 1, end)
            if not last:
                break
            tok = last[-1]
            words = [t for t in tok.sent if not t.is_space]
            if tok.i != words[-1].i or tok.is_punct or tok.sent.end >= len(self.doc) or "\n" in tok.whitespace_:
                break  # not the end of its sentence, a real end, or the end of the paragraph
            nxt = self.doc[tok.sent.end]
            if nxt.is_space or self.para_of(nxt.idx) != self.para_of(tok.idx):
                break
            end = trim(doc_text(self.doc), nxt.idx, nxt.sent.end_char)[1]
        return end

    def _verb_content(self, verb: Token, sent: Span) -> tuple[int, int] | None:
        parenthetical = self._parenthetical(verb, sent)
        if parenthetical is not None:
            return parenthetical
        trailing = self._trailing(verb, sent) or self._as_reported(verb, sent)
        if trailing is not None:
            return trailing
        comps = [c for c in verb.children if c.dep_ == "ccomp"] or self._told_that(verb)
        if any(c.i > verb.i and c.left_edge.dep_ == "mark" and c.left_edge.lower_ == "that" for c in comps):
            # "..., in response to the U.S. claims that China's policies ...": a clause opened by
            # "that" after the verb is its content; one the parse hung on it from before is not
            comps = [c for c in comps if c.i > verb.i]
        if comps:
            return subtree_span(comps[0])[0], self._clause_span(comps[-1])[1]
        if verb.lemma_ in DIRECTIVE_LEMMAS:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
            if objs and xcomps:
                return objs[0].left_edge.idx, subtree_span(xcomps[0])[1]
        # "..., sources said." parsed as a parenthetical on the main clause.
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and subject_of(verb) is not None:
            left, right = verb.left_edge, verb.right_edge
            tail_is_punct = all(t.is_punct for t in self.doc[right.i + 1 : sent.end])
            if left.i > sent.start and self.doc[left.i - 1].text == "," and tail_is_punct:
                return sent.start_char, left.idx
        return self._after_colon(verb, sent)

    @staticmethod
    def _as_reported(verb: Token, sent: Span) -> tuple[int, int] | None:
        """ "It does not answer whether Scott had a gun, as police have said.", "As Reuters
        reported, the talks ...", "If, as I've suggested, he ...": a speech verb in an *as* clause,
        with a subject and no content of its own, reports the clause it modifies."""
        if verb.head.i == verb.i or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return None
        if subject_of(verb) is None or any(c.dep_ in ("ccomp", "dobj", "xcomp", "dative") for c in verb.children):
            return None  # "as he said goodbye", "as he said he would": not a report of the clause
        return rest_of_sentence(sent, verb)

    def _trailing(self, verb: Token, sent: Span) -> tuple[int, int] | None:
        """A speech verb that ends its sentence (but for words of when, where and how) after a
        comma and its speaker, which the parse coordinated with the main clause: "China will
        strengthen ..., a deputy finance minister said on Wednesday." (the speaker read as an
        apposition, :func:`apposed_speaker`), "Clinton had told police ..., but the NYPD overruled
        that request, the source added." (the verb a conjunct of the first clause, the last
        clause its complement), "Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham
        Says" (a headline whose first word the parse took for a verb). The content is the
        sentence up to the comma before the speaker."""
        if inverted_after_comma(verb) is not None:  # "..., warn union leaders."
            return sent.start_char, self.doc[verb.i - 1].idx
        speaker = apposed_speaker(verb)
        if speaker is None and (verb.dep_ == "ROOT" or verb.head.i < verb.i):
            subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
            between = self.doc[subjects[-1].right_edge.i + 1 : verb.i] if subjects else None
            if between is not None and all(t.head.i == verb.i and t.dep_ in ("advmod", "aux", "neg") for t in between):
                speaker = subjects[-1]  # "..., the source added.", "..., the minister also said."
        if speaker is None:
            return None
        lead = speaker.left_edge
        described = _described_name(verb, speaker)
        if described is not None:
            lead = described.left_edge
        if lead.i - 1 <= sent.start or self.doc[lead.i - 1].text != ",":
            return None
        further = {c.i for c in verb.rights if described is not None and _further_act(c)}
        own = [c for c in verb.rights if c.i not in further]
        if not all(c.is_punct or c.is_space or c.dep_ in TRAILING_DEPS or _told(c) for c in own):
            return None  # "..., the minister said that ...", "..., he proposed nothing": its own content
        if self._told_that(verb):
            return None  # "Still, the Times reported at the time that ...": a that-clause hung on its occasion
        if verb.lemma_.lower() in OBJECT_VERBS and object_content(verb) is not None:
            return None  # "..., but still, some analysts urged for cautious optimism"
        if not all(t.is_punct or t.is_space for t in self.doc[verb.right_edge.i + 1 : sent.end]):
            return None
        return sent.start_char, self.doc[lead.i - 1].idx

    @staticmethod
    def _told_that(verb: Token) -> list[Token]:
        """The "that" clause the parse hung on the person told ("yelling to the officers that
        her husband was unarmed", "told the crowd that ..." read as a relative clause) or on the
        occasion ("said at a daily news briefing that ...", "said in a statement that ..."): a
        clause with a subject of its own whose "that" is a conjunction."""
        for child in verb.rights:
            told = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            if child.dep_ not in ("prep", "dobj", "dative") or not told:
                continue
            for clause in told[0].rights:
                own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
                if clause.dep_ in ("relcl", "acl") and _that_clause(clause) and own_subject:
                    return [clause]
        return []

    def _after_colon(self, verb: Token, sent: Span) -> tuple[int, int] | None:
        """ "Limbaugh added: ...", "the ministry said in a statement: ...": what follows the colon,
        to the end of its paragraph, or the next paragraph when the colon ends this one."""
        if subject_of(verb) is None:
            return None
        colon = next((t for t in self.doc[verb.i + 1 : sent.end] if t.text == ":"), None)
        if colon is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i < colon.i for c in verb.children):
            return None
        if not all(verb.is_ancestor(t) for t in self.doc[verb.i + 1 : colon.i]):
            return None  # the colon closes some other clause
        para = self.para_of(colon.idx)
        if para < 0:
            return None
        after = (colon.idx + 1, self.paras[para][1])
        if not any(ch.isalnum() for ch in doc_text(self.doc)[after[0] : after[1]]) and para + 1 < len(self.paras):
            after = self.paras[para + 1]
        return after

    def _parenthetical(self, verb: Token, sent: Span) -> tuple[int, int] | None:
        """ "Back home, Mr. Clarke said, he decided ...": a cue clause set off by commas inside
        its sentence; the content is the sentence around it."""
        subj = subject_of(verb)
        if subj is None or (subj.head.i != verb.i and subj.right_edge.i != verb.i - 1):
            return None
        lo = min(subj.left_edge.i, verb.i)
        hi = max(subj.right_edge.i, verb.i)
        while hi + 1 < sent.end and self.doc[hi + 1].head == verb and self._aside(self.doc[hi + 1]):
            hi = self.doc[hi + 1].right_edge.i  # "Mr. Clarke said Monday,", "he told me on Friday,"
        if lo - 1 <= sent.start or hi + 2 >= sent.end:
            return None
        if self.doc[lo - 1].text != "," or self.doc[hi + 1].text != ",":
            return None
        follow = self.doc[hi + 2]
        if follow.head.i == verb.i and follow.tag_ == "VBG" and follow.dep_ in ("advcl", "xcomp", "conj"):
            # "The economy is booming, Trump said, adding that ...": no parenthetical but a
            # closing cue and a participle of its own; the content is the clause before it (unless
            # the participle is a cue whose own content the parse did not hang on it, which
            # the whole sentence then keeps: "..., he said, adding food prices rose ...")
            lost = self._is_cue(follow, with_quote=False) and not any(c.dep_ == "ccomp" for c in follow.children)
            if not lost:
                return sent.start_char, self.doc[lo - 1].idx
        return sent.start_char, sent.end_char

    # ------------------------------------------------------------------ helpers
    def _is_cue(self, tok: Token, *, with_quote: bool) -> bool:
        if tok.lower_ == "according":
            return any(c.lower_ == "to" for c in tok.children)
        if tok.pos_ == "NOUN":
            return tok.lemma_.lower() in SPEECH_NOUNS and with_quote
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "amod":
            return False  # a participle as an adjective ("so-called", "the stated aim") reports nothing
        lemma = tok.lemma_.lower()
        particle = PARTICLE_VERBS.get(lemma)
        if particle is not None and any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
            return True
        idiom = OBJECT_IDIOMS.get(lemma)
        if with_quote and idiom is not None and any(c.dep_ == "dobj" and c.lower_ == idiom for c in tok.children):
            return True  # "as Rosenthal put it, “...”": only with a quotation (not "put it on the table")
        return is_cue_lemma(lemma, with_quote=with_quote, thoughts=self.stage.thoughts)

    @staticmethod
    def _aside(tok: Token) -> bool:
        """A word after a parenthetical cue that still belongs to it: an adverbial, the person
        told ("me", "reporters") or a short prepositional phrase ("on Friday")."""
        if tok.dep_ in ADVERBIAL:
            return True
        if tok.dep_ in ("dobj", "dative"):
            return tok.pos_ in ("PRON", "PROPN") or tok.lower_ in AUDIENCE
        return tok.dep_ == "prep" and tok.right_edge.i - tok.i <= 4

    @staticmethod
    def _says_one_word(cue: Token) -> bool:
        """Whether a one-word object ("mentioned Machado", "remarks about concessions") is what
        ``cue`` reports: only of a speaker in the cue's own clause, the verb's active subject or
        the noun's owner (not "a letter writing campaign", "a school threatened with closure",
        "hoped to announce proposals", whose word names no message of anyone's), and not after a
        verb whose object is the one addressed ("urged Congress")."""
        if cue.pos_ == "NOUN":
            return noun_source(cue) is not None
        return cue.lemma_.lower() not in DIRECTIVE_LEMMAS and any(c.dep_ == "nsubj" for c in cue.children)

    def _speaks(self, verb: Token) -> bool:
        """A verb that is a speech act on its own ("promised a veto"), not one that may be done
        by other means ("attacked their opponent", "discussed their ideas")."""
        return self._is_cue(verb, with_quote=True)

    def _clause_span(self, tok: Token) -> tuple[int, int]:
        """A complement's span, stopping before a coordinated speech verb ("... and complained")
        or a report set against it: a clause of contrast after a comma with a speech verb and a
        subject of its own ("said the deal was close, while another said it was far off", "...,
        though she noted that ..."); a condition or a cause ("said it was marketing if parties
        telephoned people") is part of what was said."""
        start, end = subtree_span(tok)
        for child in tok.children:
            if (
                (child.dep_ == "conj" or _contrasted_report(child))
                and child.i > tok.i
                and self._is_cue(child, with_quote=False)
            ):
                cut = child.left_edge
                while cut.i > tok.i and cut.nbor(-1).dep_ in ("cc", "punct"):
                    cut = cut.nbor(-1)
                end = min(end, cut.idx)
        return start, end

    def _speaker_and_reporter(self, cue: Token) -> tuple[ActorRef | None, ActorRef | None]:
        if cue.lower_ == "according":
            src = according_source(cue)
        elif cue.pos_ == "NOUN":
            src = noun_source(cue)
        else:
            outer = coordinated_act(cue)  # a second act of the outer verb's speaker
            src = subject_of(outer if outer is not None else cue)
            if src is None or self.in_quote[src.i] != -1:
                src = beside_quote(cue, self.in_quote)
            if outer is not None:
                return self.speakers.resolve(src) if src is not None else None, self._reporter(outer)
        speaker = self.speakers.resolve(src) if src is not None else None
        return speaker, self._reporter(cue)

    def _reporter(self, cue: Token) -> ActorRef | None:
        """The subject of a speech verb that the cue's clause is reported under."""
        node, steps = cue, 0
        while node.head.i != node.i and steps < 6 and node.dep_ in ("ccomp", "conj", "xcomp", "advcl"):
            node, steps = node.head, steps + 1
            lo, hi = sorted((node.i, cue.i))
            if any(t.is_quote or "\n" in t.text_with_ws for t in self.doc[lo:hi]):
                return None  # a quotation or paragraph break between them: not one report
            if node.pos_ in ("VERB", "AUX") and self._is_cue(node, with_quote=False):
                src = subject_of(node)
                inner = subject_of(cue)
                if src is not None and (inner is None or src.i != inner.i):
                    return self.speakers.resolve(src)
                return None
        return None

    def para_of(self, pos: int) -> int:
        for n, (s, e) in enumerate(self.paras):
            if s <= pos < e:
                return n
        return -1

    def _only_quote(self, q: QuotedSpan, para: int) -> bool:
        """The quote starts its paragraph and nothing but punctuation follows it."""
        if para < 0:
            return False
        p_start, p_end = self.paras[para]
        tail = doc_text(self.doc)[q.end : self.paras[self.para_of(max(q.end - 1, q.start))][1]]
        return q.start == p_start and not any(ch.isalnum() for ch in tail) and p_end > p_start
