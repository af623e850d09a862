"""EventStage: who did what to whom, when and where.

Per sentence (cut at line breaks, page furniture such as "Also read" teasers skipped):
candidates from the dependency parse (:mod:`event_candidates`), event type from the
verb lexicon + learned model (:mod:`event_typing`), factuality (:mod:`factuality`), the
time and place attached to the trigger (:mod:`event_attach`). The same event told
several times in the article becomes one :class:`Event` with several mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tidings.facts.actors.coder import ActorCoder, has_country
from tidings.facts.actors.tables import load_tables
from tidings.facts.base import FactContext
from tidings.facts.entities.stage import dateline_country
from tidings.facts.events import conjuncts, rules, speech
from tidings.facts.events.arguments import (
    absorb_objects,
    background_noun,
    doerless_gerund,
    empty_support_verb,
    partnerless_cooperation,
    thing_subject,
)
from tidings.facts.events.attach import Attacher, home_actors, home_country, is_historical, place_actors
from tidings.facts.events.candidates import (
    Candidate,
    CandidateFinder,
    figurative,
    own_intent,
    resolve_frames,
    statistic,
)
from tidings.facts.events.decide import (
    TypeDecision,
    by_courts,
    by_protesters,
    decide,
    decide_lexicon_only,
    lexicon_code,
    modal,
)
from tidings.facts.events.detect import article_features, load_detector
from tidings.facts.events.factuality import Factuality, assess
from tidings.facts.events.identity import cluster_key
from tidings.facts.events.lexicon import LexiconMatch, load_lexicon
from tidings.facts.events.modality import expressed_intent
from tidings.facts.events.model import EventTypeModel, candidate_features, load_model
from tidings.facts.events.not_events import (
    accord_as_thing,
    corporate_dealing,
    doerless_cooperation,
    force_on_abstraction,
    market_demand,
    nonpolitical_statement,
    owned_thing_subject,
    routine_movement,
    unaffiliated_speaker,
)
from tidings.facts.events.rules import active
from tidings.ids import fact_id
from tidings.ontology.codebook import load_codebook
from tidings.records import ActorRef, Event, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

STAGE = "tidings.events.coder.v1"
_FURNITURE = re.compile(
    r"^\s*(also read|read more|read also|see also|also see|latest \w+ news|source link|please enter|"
    r"image source|click here|subscribe|follow us)",
    re.I,
)
MIN_MODEL_CONFIDENCE = 0.25  # a trigger the dictionary does not know needs the model fairly sure (17 classes)
LEDE_SENTENCES = 6


def segments(doc: Doc) -> list[SpacySpan]:
    """spaCy sentences, cut again at line breaks (paragraphs, headline vs body)."""
    out: list[SpacySpan] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_:
                end = tok.i if tok.is_space else tok.i + 1
                if end > start:
                    out.append(doc[start:end])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return [s for s in out if any(not t.is_space for t in s)]


def sentence_candidates(
    ctx: FactContext, sent: SpacySpan, finder: CandidateFinder | None = None, attacher: Attacher | None = None
) -> list[Candidate]:
    """The candidate events of one sentence, actors coded from the entity stages' output, the
    times and places of the sentence attached, and actors the words leave without a country
    placed where the event happened (marked ``basis="place"``)."""
    finder = finder or CandidateFinder(load_lexicon(), ActorCoder(ctx.found, ctx.doc), _quotes(ctx))
    attacher = attacher or Attacher(ctx.doc, ctx.found, ctx.published)
    cands = finder.find(sent)
    attacher.prepare(sent, cands)
    for cand in cands:
        place_actors(cand, attacher.place_of(cand.trigger))
    return cands


def speech_candidates(
    sent: SpacySpan,
    finder: CandidateFinder,
    others: list[Candidate],
    commentators: set[str] | None = None,
    speakers_met: dict[str, list[ActorRef]] | None = None,
) -> list[Candidate]:
    """Statements by actors (:mod:`speech`): the speaker is the source, the first other actor
    named in what was said the target. A plain statement or appeal whose content holds an
    event of its own yields to it (the content is what happened); stances stay events.
    ``commentators`` and ``speakers_met`` keep the article's commentators and last speakers
    across its sentences."""

    def speakers(tok: Token) -> list[ActorRef]:
        return [r for r in finder.actors(tok) if r.country or r.sector or r.entity_id]

    out: list[Candidate] = []
    for act, sources in speech.speech_acts(sent, speakers, commentators, speakers_met, finder.coder.gender):
        inside = {t.i for t in act.content}
        if act.code in ("010", "020") and any(
            o.trigger.i in inside
            and not (act.code == "020" and (speech.obliged_act(o.trigger) or speech.asked_act(act, o.trigger)))
            for o in others
        ):
            continue  # an appeal stands beside the act it asks for ("Y should discuss")
        if act.code == "020" and any(o.trigger.i == act.verb.i for o in others):
            continue  # the verb already codes the obligation (:func:`candidates.obligation`)
        if act.code == "010" and any(o.trigger.i == act.verb.i and _statement_root(o) for o in others):
            continue  # the verb already codes its own statement ("Hamas claimed responsibility": 015), no second
        speaker_keys = {(r.start, r.end) for r in sources}
        targets: list[ActorRef] = []
        told_heads = speech.addressees(act.verb)
        told = {t.i for t in told_heads}
        for tok in speech.target_heads(act, told_heads):
            refs = [r for r in finder.actors(tok) if (r.start, r.end) not in speaker_keys and (r.country or r.sector)]
            if tok.i in told:  # the press or an outlet told in an interview is no party to the act
                refs = [r for r in refs if speech.political(r)]
            if not refs and act.code == "020":  # "We hope that the two sides can meet": the other one
                refs = finder.other_side(tok, list(sources))
            if refs:
                targets = refs[:1]
                break
        lex = LexiconMatch(act.code, act.rule, act.verb.lemma_.lower(), 1)
        out.append(Candidate(act.verb, sent, list(sources), targets, lex, preset=True))
    return out


def _statement_root(cand: Candidate) -> bool:
    """The candidate's verb codes a statement more specific than a plain one (CAMEO root 01 but
    not 010: a claim of responsibility, 015): a plain statement read off the same verb would be
    its double. A plain 010 of the dictionary stays beside the speech rules' own, which can
    outlive it (the dictionary's is dropped by other rules where the speech rules' is not)."""
    return cand.lexicon is not None and cand.lexicon.code[:2] == "01" and cand.lexicon.code != "010"


def filed_from(ctx: FactContext) -> str | None:
    """The country of the article's dateline ("DUBLIN —", "BELFAST, Northern Ireland _"), the home
    of its actors with no country of their own when no country dominates the story (rule
    dateline-home): a story filed from Dublin about an Irish candidate's views on NATO, Russia
    and Israel is about Irish actors ("Connolly", "the prime minister" of a Belfast story)."""
    if not active("dateline-home"):
        return None
    return dateline_country(ctx.article.extras.get("dateline"), load_tables())


def _quotes(ctx: FactContext) -> list[Quote]:
    """The quotes stage's quotations, when it ran before (their speakers stand for "we"/"I")."""
    return [q for q in ctx.found.get("quotes", ()) if isinstance(q, Quote)]


def _no_act(cand: Candidate, finder: CandidateFinder) -> bool:
    """A verb that reports no act of anyone: a support verb with a plain thing as object, or
    (when no actor is found as its doer) an active verb whose subject is a thing or a gerund
    used as a noun, and an eventive noun only talked about (:mod:`~tidings.facts.events.arguments`:
    ``empty_support_verb``, ``thing_subject``, ``doerless_gerund``, ``background_noun``); market
    demand and a thing owned by the actor acting (:mod:`~tidings.facts.events.not_events`)."""
    if cand.preset:
        return False
    if market_demand(cand.trigger):
        return True
    if cand.noun:
        return background_noun(cand.trigger) or accord_as_thing(cand.trigger)

    def codes(tok: Token) -> bool:
        return any(r.country or r.sector for r in finder.actors(tok))

    if empty_support_verb(cand.trigger, codes):
        return True
    if owned_thing_subject(cand.trigger, cand.sources, finder.actors):
        return True

    def named(tok: Token) -> bool:  # the subject's own word names an actor, not only a word before it
        refs = finder.actors(tok)
        if not active("thing-subject-reach"):
            return any(r.country or r.sector for r in refs)
        return any((r.country or r.sector) and tok.text in r.name.split() for r in refs)

    return not cand.sources and (thing_subject(cand.trigger, named) or doerless_gerund(cand.trigger))


def _bare_intent(cand: Candidate) -> bool:
    """ "The US wants to make sure ...": an own intent whose act is no event is no event either
    (when the act is one, the frame already yielded to it); the dictionary's bare verb entry
    (want -> 192) is not a reading of the phrase."""
    if not own_intent(cand.trigger) or (cand.lexicon is not None and cand.lexicon.words > 1):
        return False
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in cand.trigger.children)


def type_candidate(
    cand: Candidate, model: EventTypeModel | None, *, lexicon_only: bool = False, factuality: str | None = None
) -> TypeDecision | None:
    """The coded type of a candidate as the stage emits it (before modality), or None when
    it is not coded: a trigger the dictionary knows is always coded (the model picks the
    type), one it does not know needs a confident model, and statements (CAMEO 01/02) of
    unknown triggers are never coded."""
    if lexicon_only or model is None or cand.preset:
        return decide_lexicon_only(cand.lexicon)
    if _bare_intent(cand):
        return None
    if factuality is None:
        factuality = assess(cand.trigger).value
    pred = model.predict(candidate_features(cand, factuality))
    decision = decide(pred, cand.lexicon)
    if decision is None or lexicon_code(cand.lexicon) is not None:
        return decision
    if decision.confidence < MIN_MODEL_CONFIDENCE or decision.plover_event is None:
        return None
    if not any(has_country(ref) for ref in (*cand.sources, *cand.targets)):
        return None  # the model alone, about nobody we can code ("with AP inputs"): too weak to emit
    return decision


def code_candidate(
    cand: Candidate, model: EventTypeModel | None, *, lexicon_only: bool = False, factuality: str | None = None
) -> tuple[TypeDecision | None, Factuality]:
    """Type and factuality of a candidate, intended/refused acts recoded (the one path the
    stage and the benchmark share)."""
    fact = assess(cand.trigger)
    value = factuality or fact.value
    decision = type_candidate(cand, model, lexicon_only=lexicon_only, factuality=fact.value)
    if lexicon_only or cand.preset:
        return decision, replace(fact, value=value)
    decision, value = modal(decision, cand.trigger, value)
    if (
        factuality is None
        and decision is not None
        and expressed_intent(decision.cameo_code, decision.rule, cand.trigger, cand.sources, value)
    ):
        value = "asserted"  # the intent or threat was expressed: that is the event (CAMEO 03x/13x)
    return by_courts(by_protesters(decision, cand.sources), cand.trigger, cand.sources), replace(fact, value=value)


class EventStage:
    name = STAGE
    requires: tuple[str, ...] = ("entities", "times", "places")
    provides: tuple[str, ...] = ("events",)

    def __init__(
        self,
        *,
        use_model: bool = True,
        lexicon_only: bool = False,
        detect: bool = True,
        min_confidence: float = -1.0,
        disabled_rules: Sequence[str] = (),
    ) -> None:
        self.use_model = use_model and not lexicon_only
        self.lexicon_only = lexicon_only
        self.detect = detect and not lexicon_only  # the dictionary baseline emits what it codes
        self.min_confidence = min_confidence  # < 0: the shipped detector's threshold
        # the dictionary baseline is the PETRARCH-2 dictionary alone: none of our rules
        self.disabled_rules = rules.NAMES if lexicon_only else rules.expand(disabled_rules)

    def _model(self) -> EventTypeModel | None:
        return load_model() if self.use_model else None

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        with rules.disabled(self.disabled_rules):
            return self._events(ctx)

    def _events(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        doc = ctx.doc
        finder = CandidateFinder(load_lexicon(), ActorCoder(ctx.found, doc), _quotes(ctx))
        attacher = Attacher(doc, ctx.found, ctx.published)
        model = self._model()
        home = home_country(ctx.found) or filed_from(ctx)
        events: list[tuple[Event, int]] = []
        commentators: set[str] = set()
        speakers_met: dict[str, list[ActorRef]] = {}
        copies: dict[str, str] = {}  # a party's copy of an act (conjoined-actors) -> the act
        for number, sent in enumerate(segments(doc)):
            if _FURNITURE.match(sent.text):
                continue
            try:
                cands = resolve_frames(sentence_candidates(ctx, sent, finder, attacher))
                said = speech.commentary(sent, finder.actors, commentators)
                cands = [c for c in cands if c.trigger.i not in said and not figurative(c) and not statistic(c)]
                cands = [c for c in cands if not _no_act(c, finder)]
                cands += speech_candidates(sent, finder, cands, commentators, speakers_met)
                for cand in cands:
                    told_target(cand, finder)
                    cand.sources, cand.targets = home_actors(cand.sources, home), home_actors(cand.targets, home)
                    event = self._code(ctx, cand, model, attacher)
                    if event is not None:
                        events.append((event, number))
                        for copy in self._parties(ctx, cand, event, model, attacher):
                            events.append((copy, number))
                            copies[copy.id] = event.id
                    if cand.hedged:  # "... and possibly President Xi": a separate, hypothetical event
                        alt = Candidate(
                            cand.trigger,
                            cand.sentence,
                            cand.sources,
                            cand.hedged,
                            cand.lexicon,
                            cand.reciprocal,
                            cand.noun,
                        )
                        event = self._code(ctx, alt, model, attacher, factuality="hypothetical")
                        if event is not None:
                            events.append((event, number))
            except Exception as exc:  # one bad sentence never fails the article
                ctx.recover(self.name, exc)
        published = ctx.published.isoformat() if ctx.published else None
        items = one_per_sentence(absorb_objects(doc, events), published)
        if self.detect:
            items = self._detected(doc, items, copies)
        return {"events": mark_main(items, published)}

    def _detected(
        self, doc: Doc, items: list[tuple[Event, int]], copies: dict[str, str] | None = None
    ) -> list[tuple[Event, int]]:
        """Each event's confidence is the detector's probability that it is a real event of
        its root; those below the emission threshold are dropped (:mod:`detect`). ``copies``: a
        party's copy's id -> its act's id."""
        copies = copies or {}
        detector = load_detector()
        if detector is None:
            return items
        threshold = detector.threshold if self.min_confidence < 0 else self.min_confidence
        # a party's copy of an act (conjoined-actors) is no further act of the sentence, and it
        # stands or falls with its act
        crowd = Counter(number for event, number in items if event.id not in copies)
        scores: dict[str, float] = {}
        out = []
        article = article_features(doc) if items and detector.weighs("genre:") else {}
        for event, number in items:
            p = scores.get(copies.get(event.id, ""))
            if p is None:
                p = detector.score(event, doc, number, crowd[number], article)
            scores[event.id] = p
            if p >= threshold:
                out.append((replace(event, confidence=round(p, 3)), number))
        return out

    def _parties(
        self, ctx: FactContext, cand: Candidate, event: Event, model: EventTypeModel | None, attacher: Attacher
    ) -> list[Event]:
        """The event of each further coordinated party of ``cand`` (:mod:`conjuncts`), with an id of
        its own dyad; none that codes to the first event's dyad or to another act."""
        out = []
        for alt in conjuncts.party_candidates(ctx.doc, cand):
            extra = self._code(ctx, alt, model, attacher)
            if extra is None or extra.cameo_code != event.cameo_code:
                continue
            dyad = (_country(extra.source), _country(extra.target))
            if dyad == (_country(event.source), _country(event.target)) or dyad[0] == dyad[1]:
                continue  # the first's dyad again, or the doer's own country among those it acts on
            out.append(
                replace(extra, id=fact_id("events", extra.article_id, extra.start, extra.end, extra.cameo_code, *dyad))
            )
        return out

    def _code(
        self,
        ctx: FactContext,
        cand: Candidate,
        model: EventTypeModel | None,
        attacher: Attacher,
        factuality: str | None = None,
    ) -> Event | None:
        decision, fact = code_candidate(
            cand, model, lexicon_only=self.lexicon_only or model is None, factuality=factuality
        )
        if decision is None:
            return None
        book = load_codebook()
        trig, sent = cand.trigger, cand.sentence
        when = attacher.date_of(trig)
        date, precision, explicit = when
        source, target = _dyad(cand)
        mutual = mutual_cooperation(cand, decision.cameo_code)
        if mutual:  # "China and Switzerland pledged to develop their partnership": each with the other
            source, target = cand.sources[0], cand.sources[1]
        if source is None and mobilized_force(decision.cameo_code, trig, target):
            source, target = target, None  # "Capitol police in riot gear were deployed": the force shown
        if reflexive(source, target):
            if decision.cameo_code[:2] != PROTEST_ROOT or not active("self-protest"):
                return None
            target = None  # "set himself on fire to protest": self-harm as protest (14), aimed at no one
        partnered = cand.reciprocal or mutual
        if target is None and not partnered and partnerless_cooperation(trig, decision.cameo_code):
            return None
        if corporate_dealing(decision.cameo_code, source, target) or (cand.preset and unaffiliated_speaker(source)):
            return None
        if nonpolitical_statement(decision.cameo_code, source, target) or routine_movement(decision.cameo_code, trig):
            return None
        if force_on_abstraction(decision.cameo_code, trig):
            return None
        if doerless_cooperation(decision.cameo_code, trig, source, fact.value):
            return None
        start, end = trig.idx, trig.idx + len(trig.text)
        art = ctx.article.id
        confidence = round(decision.confidence * (1.0 if source and target else 0.8), 3)
        return Event(
            id=fact_id("events", art, start, end, decision.cameo_code),
            article_id=art, start=start, end=end, trigger=trig.text,
            sentence=sent.text, sentence_start=sent.start_char, sentence_end=sent.end_char,
            source=source, target=target, actors=tuple(cand.sources + cand.targets), targets=tuple(cand.targets),
            plover_event=decision.plover_event, plover_mode=decision.plover_mode,
            cameo_code=decision.cameo_code, goldstein=book.goldstein(decision.cameo_code),
            quad_class=book.quad_class(decision.cameo_code), factuality=fact.value,
            historical=explicit and is_historical(date, precision, ctx.published),
            attribution=fact.attribution, date=date, date_precision=precision,
            place=attacher.place_of(trig), mentions=(Span(start, end),),
            rule=decision.rule, stage=STAGE, confidence=confidence,
        )  # fmt: skip


def told_target(cand: Candidate, finder: CandidateFinder) -> None:
    """An act the teller states in what he tells someone, aimed at no one named in it ("Solomon
    told ministry officials he opposes a merger proposal", "Reagan said he would tell Nakasone: 'We
    want ... to lift these restrictions'"), is made to the one told: the addressee is its target,
    as for the statement itself (:func:`speech.addressees`). Only for the teller's own act (the
    same entity as the verb's subject or its apposition), never a third party's act he reports,
    even of the same code ("Kennedy told delegates ... the Tories had failed": two parties).
    Rule told-content."""
    if cand.targets or not cand.sources or cand.preset or not rules.active("told-content"):
        return
    verb = speech.telling_verb(cand.trigger)
    if verb is None:
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    named = [subj, *(c for c in subj.children if c.dep_ == "appos")] if subj is not None else []
    teller = [r for h in named for r in finder.actors(h)]  # "X's director, Jonathan Solomon, told"
    own = cand.sources[0]
    if not any(  # one entity; a code alone only for a doer the entities stage left unresolved
        (own.entity_id and r.entity_id == own.entity_id) or (not own.entity_id and r.actor_code == own.actor_code)
        for r in teller
    ):
        return
    for head in speech.addressees(verb):
        refs = [r for r in finder.actors(head) if (r.country or r.sector) and speech.political(r)]
        if refs:
            cand.targets = refs[:1]
            return


def _country(ref: ActorRef | None) -> str | None:
    return ref.country if ref is not None else None


def _dyad(cand: Candidate) -> tuple[ActorRef | None, ActorRef | None]:
    if cand.reciprocal and len(cand.sources) > 1:
        return cand.sources[0], cand.sources[1]
    return (cand.sources[0] if cand.sources else None, cand.targets[0] if cand.targets else None)


# Cooperative roots (intent, consult, diplomatic and material cooperation): done together by a
# pair, each does it with the other.
MUTUAL_ROOTS = ("03", "04", "05", "06")


def mutual_cooperation(cand: Candidate, code: str) -> bool:
    """Two actors of different countries do a cooperative act together and the sentence names no
    one else as its partner ("China and Switzerland pledged to develop their partnership", "Georgia
    and Turkey launched a project"): like meeting or agreeing, the act is between them. Not for
    conflict ("China and Russia condemned the strike": both against a third party). Dev half: 3
    events gain their partner (2 of a gold root, 1 not), 1 main event found; 150 unlabelled
    articles: 2 partners, 1 right ("China and Switzerland have established"), 1 wrong (an actor
    miscoded in "the United States and 11 other Pacific Rim countries")."""
    if cand.reciprocal or cand.targets or len(cand.sources) < 2 or not code.startswith(MUTUAL_ROOTS):
        return False
    first, second = cand.sources[0].country, cand.sources[1].country
    return active("mutual-cooperation") and first is not None and second is not None and first != second


PROTEST_ROOT = "14"  # the conventions code hunger strikes and self-harm as protest 140/142
# Sectors of a state's forces: what a show of force (CAMEO 15) puts on the streets or the border.
FORCE_SECTORS = frozenset({"MIL", "COP"})


def mobilized_force(code: str, trig: Token, target: ActorRef | None) -> bool:
    """A force put on show with no doer named ("Capitol police in riot gear were deployed",
    "troops were mobilised"): CAMEO's 15 codes a state exhibiting its force, so the force deployed,
    written as the passive's subject, is the doer (its state's show), not the one acted on."""
    if not active("mobilized-force") or target is None or code[:2] != "15" or target.sector not in FORCE_SECTORS:
        return False
    kids = {c.dep_ for c in trig.children}
    return "auxpass" in kids and "agent" not in kids


def reflexive(source: ActorRef | None, target: ActorRef | None) -> bool:
    """Source and target are one actor (the same code): CAMEO codes interactions between two
    actors, and an actor acting on itself ("bills himself", "the bank blamed its margins") is a
    misread dyad, not an event."""
    if source is None or target is None or not active("reflexive"):
        return False
    if source.entity_id and target.entity_id and source.entity_id != target.entity_id and active("two-entities"):
        return False  # two people the article tells apart are two actors, one code or not ("He called
        # Connolly's criticisms fatuous": one Irish former official of another)
    return source.actor_code is not None and source.actor_code == target.actor_code


def one_per_sentence(items: list[tuple[Event, int]], published: str | None) -> list[tuple[Event, int]]:
    """Events are coded per sentence (an event restated in a later sentence is coded again
    there); inside one sentence, predicates that are the same event (:func:`cluster_key`: dyad,
    CAMEO root, factuality, date window) are one event, its tellings kept as mentions."""
    merged: dict[tuple[object, ...], tuple[Event, int]] = {}
    for event, number in items:
        key = (number, *cluster_key(event, published))
        if key in merged:
            first, n = merged[key]
            best = replace(
                first, mentions=first.mentions + event.mentions, confidence=max(first.confidence, event.confidence)
            )
            if best.place is None and event.place is not None:
                best = replace(best, place=event.place)
            merged[key] = (best, n)
        else:
            merged[key] = (event, number)
    return list(merged.values())


def reported_speech(event: Event) -> bool:
    """A speech act read off a verb of saying (:mod:`speech`): its content may hold the act itself."""
    return speech.speech_rule(event.rule) is not None


def mark_main(items: list[tuple[Event, int]], published: str | None) -> list[Event]:
    """Flag the article's main event: an asserted, typed, current event from the lede. With rule
    ``main-statement``: statements (CAMEO 01: denials, warnings, sympathy) count as much as PLOVER
    events (a headline story may be one: "Falconer rebuts 'charade' claims"); one whose doer is
    coded first (the story is who did what to whom: "accusations against China" says nobody's act
    when the next sentence has "Ross labeled China as protectionist"), then the earliest sentence
    (the lede's first sentence states the story), then the act itself over a speech act reporting
    it ("U.S. lawmakers called on Japan to ..., a spokesman said": the call), then the one told
    most often (in how many sentences), then the most confident."""
    told = Counter(cluster_key(e, published) for e, _ in items)
    best: int | None = None
    best_key: tuple[float, ...] = ()
    for pos, (event, number) in enumerate(items):
        if number >= LEDE_SENTENCES or event.factuality != "asserted" or not event.cameo_code:
            continue
        if event.historical:
            continue
        if rules.active("main-statement"):
            key: tuple[float, ...] = (
                has_country(event.source),
                -number,
                not reported_speech(event),
                told[cluster_key(event, published)],
                event.confidence,
            )
        elif event.plover_event is None:
            continue
        else:
            key = (-number, told[cluster_key(event, published)], event.confidence)
        if best is None or key > best_key:
            best, best_key = pos, key
    return [replace(e, is_main=(i == best)) for i, (e, _) in enumerate(items)]
