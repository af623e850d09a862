"""Every own event-coding rule in one table: its name, its group, what it generalises.

The PETRARCH-2 dictionary and the learned models are not rules of ours; everything we added on
top is listed here, and every place that applies one asks :func:`active` first (the switch lives
in tidings.facts.switches, below the actor coder that also reads it), so a rule can be switched
off (``[events] disabled_rules`` in the options) and `bench/events_running.py --ablate` measures
what each group adds on data it was not written for. A rule that only fixed one sentence has no
place here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tidings.facts.switches import active, disabled_now, switched_off

__all__ = ["GROUPS", "NAMES", "RULES", "Rule", "active", "disabled", "disabled_now", "expand"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    group: str
    generalises: str


RULES: tuple[Rule, ...] = (
    Rule("visit", "lexicon", "travel to a place (arrive in, fly to, reach) is a visit (042), whatever the verb"),
    Rule("idiom", "lexicon", "verb + object idioms that are no event: take office, take place, give a name"),
    Rule("agree-to", "lexicon", "agreeing to do something is an intent (030; 0312 when military), not support"),
    Rule("want-other", "lexicon", "wanting someone else to act is an appeal to them (020)"),
    Rule("appeal-to-act", "lexicon", "urging, calling on or encouraging someone to do something is an appeal (020)"),
    Rule("reject", "lexicon", "rejecting, refusing or rebuffing anything the dictionary does not list is 120"),
    Rule(
        "reject-request", "lexicon", "rebuffing a request, offer or invitation is a rejection (12x), of a meeting 125"
    ),
    Rule("tariffs", "lexicon", "imposing or raising tariffs, duties or sanctions on someone is a sanction (163)"),
    Rule("ease-sanctions", "lexicon", "lifting, cutting or suspending tariffs or sanctions on someone is 085"),
    Rule("stop-aid", "lexicon", "suspending, halting or cutting aid, loans or funding is a sanction (162)"),
    Rule("warn-risk", "lexicon", "a warning with no force or punishment in it is a pessimistic comment (012)"),
    Rule(
        "call-names",
        "lexicon",
        "calling (dubbing, labelling) something a name is a comment on it (111 when the name judges), not a phone call",
    ),
    Rule("reject-claim", "lexicon", "rejecting or denying a claim, allegation or report is a denial (016)"),
    Rule("deny-that", "lexicon", "denying that something is so is a denial (016), not a refusal (12x)"),
    Rule(
        "insist-that",
        "lexicon",
        "insisting, arguing or contending that something is so is a statement (speech rules), "
        "not a demand (10x) nor opposition (110)",
    ),
    Rule("legal-charge", "lexicon", "being charged with a crime is a legal act (173), not verbal blame (112)"),
    Rule("sue-lawsuit", "lexicon", "suing someone is bringing a lawsuit (115), not an arrest or charge (173)"),
    Rule("obliged", "speech", "X said Y must/should do: a demand on Y (the obligation clause)"),
    Rule("should-appeal", "speech", "X said Y should (ought to) act: an appeal (020); 'must' stays a demand (100)"),
    Rule("intent", "modality", "an announced cooperative act is an expression of intent (03x), asserted"),
    Rule("decision", "modality", "deciding (opting, voting) to act is the act, asserted: not an intent"),
    Rule("refusal", "modality", "refusing to act is a rejection (12x) of that act, asserted"),
    Rule(
        "figurative",
        "typing",
        "violence said of no fighting ('trade war', 'slapped that aside': a thing, not an actor hit) is no event",
    ),
    Rule("statistic", "typing", "a quantity rising or falling (intransitive rise, fall, increase ...) is a statistic"),
    Rule("court-ruling", "typing", "a court upholding, overturning, quashing or ruling is a legal ruling (116)"),
    Rule("riot", "typing", "violence by protesters is a violent protest (145)"),
    Rule("speech-statement", "speech", "a political actor's statement with no more specific act: 010"),
    Rule("speech-criticism", "speech", "a statement evaluating an act, policy or actor negatively: 111"),
    Rule("speech-accusation", "speech", "a statement alleging someone's wrongdoing: 112"),
    Rule("speech-appeal", "speech", "a statement that someone should or must act: an appeal, 020"),
    Rule("appeal-addressee", "speech", "an appeal needs an addressee: 'should' on an actor, not on a thing"),
    Rule("speech-denial", "speech", "a statement that a claim or allegation is untrue: 016"),
    Rule("speech-pessimism", "speech", "a statement of the speaker's worry or fear: 012"),
    Rule("speech-optimism", "speech", "a statement of confidence or progress: 013"),
    Rule(
        "speech-commentator",
        "speech",
        "analysts, academics, experts, journalists (EDU, or so described) commenting make no speech act",
    ),
    Rule(
        "speech-political-speaker",
        "speech",
        "a speech act needs a political speaker: coded, not a business, civilian, media or health speaker",
    ),
    Rule("commentary-content", "speech", "what a commentator says is analysis: no event is read off it"),
    Rule("reflexive", "actors", "an event whose source and target are the same actor (same code) is a misread dyad"),
    Rule("home-country", "actors", "political actors with no country in the words take the article's home country"),
    Rule(
        "dateline-home",
        "actors",
        "when no country dominates the story, the home country of actors with none of their own is its dateline's",
    ),
    Rule(
        "quoted-first-person",
        "actors",
        "'we'/'I' inside a direct quotation is the quotation's speaker, also in the sentences a quotation "
        "runs on after its attribution",
    ),
    Rule(
        "noun-object",
        "actors",
        "an eventive noun that is the object of a dictionary phrase ('signed an agreement') is its argument",
    ),
    Rule("by-means", "typing", "a verb done 'by ...ing' an act ('hit back by suspending concessions') is that act"),
    Rule(
        "support-verb",
        "typing",
        "a support verb (hold, take, set, mark, draw ...) with a plain thing as object reports no act: "
        "'held a press conference', 'set up a court', 'marks the anniversary'",
    ),
    Rule(
        "thing-subject",
        "typing",
        "an active verb whose subject is a thing, not an actor, reports no act: 'the figures contradict', "
        "'the tsunami which killed'",
    ),
    Rule(
        "partnerless-cooperation",
        "typing",
        "diplomatic cooperation (05x) with no partner and no decision or act as object is policy talk: "
        "'promotes inclusive development', 'protect intellectual property rights'",
    ),
    Rule(
        "doerless-gerund",
        "typing",
        "a gerund with no doer used as a noun (object of a preposition other than by/in, or a clausal "
        "subject) names an activity, not a reported act: 'his policy of charging students'",
    ),
    Rule(
        "background-noun",
        "typing",
        "an eventive noun in apposition, as predicate noun or as subject of no happening is talked about, "
        "not reported: 'the agreement will take effect', 'the reaction would be rejection'",
    ),
    Rule(
        "force-on-abstraction",
        "typing",
        "force or coercion (17-20) done to an abstraction only ('used the tactic', 'batted away questions', "
        "'took custody'; WordNet's abstract nouns) is a figure of speech: no one is seized, hit or fought",
    ),
    Rule(
        "doerless-cooperation",
        "typing",
        "a statement or cooperative act (01-09) read off a verb with no doer found ('is estimated to reach', "
        "'was designed to provide') describes, it reports no act: CAMEO codes an act by its source",
    ),
    Rule(
        "accord-as-thing",
        "typing",
        "an agreement or deal only named ('since the Paris agreement', 'the Iran nuclear deal') is a standing "
        "document, no agreeing: an accord reported made (object of a verb, 'was signed', 'reached in 1946') stays",
    ),
    Rule(
        "expressed-intent",
        "modality",
        "an intent or threat its actor expressed (pledged to, was ready to, said it would) is asserted 03x/13x",
    ),
    Rule(
        "support-verb-target",
        "actors",
        "an eventive noun held as object by a support verb takes the verb's to/against/on/with phrase as its "
        "target: 'issued warnings to residents', 'imposed sanctions on Iran'",
    ),
    Rule(
        "expressed-own-code",
        "modality",
        "an announced act the dictionary codes as intent or threat ('vowed to take countermeasures') is asserted",
    ),
    Rule(
        "speech-addressee",
        "speech",
        "the one a verb of telling speaks to ('told MPs', 'tell Nakasone') is a statement's target when its words "
        "aim at no one; a news outlet or the press told in an interview is not",
    ),
    Rule(
        "told-content",
        "speech",
        "the teller's own act in what he tells someone, aimed at no one named ('told ministry officials he opposes "
        "a merger'), is made to the one told",
    ),
    Rule(
        "speech-aimed-target",
        "speech",
        "a speech act's target is read first where it is aimed: the one told 'should', the accused, the thing blamed",
    ),
    Rule(
        "appeal-own-words",
        "speech",
        "'said the court ruled X must go': an obligation told of another's words or ruling is not the speaker's appeal",
    ),
    Rule(
        "expressed-readiness",
        "modality",
        "readiness is a predicate ('is ready to'); in 'said it/they would' the pronoun must fit the speaker",
    ),
    Rule(
        "speech-worry-over-blame",
        "speech",
        "a word of blame that a worry is about ('concerns over protectionism') makes a worry (012), not a criticism",
    ),
    Rule(
        "speaker-number",
        "speech",
        "'it said' stands for a body named in the singular, not for 'officials'; 'they' prefers a plural speaker",
    ),
    Rule(
        "threat-target",
        "actors",
        "an unspecified threat answers someone: the subject of its condition ('if the US ...'), 'in response to X'",
    ),
    Rule(
        "speaker-pronoun",
        "speech",
        "'he said', 'it added': a pronoun speaker the words leave unresolved is the article's last speaker of its kind",
    ),
    Rule(
        "appeal-beside-act",
        "speech",
        "'X said Y should do Z': the appeal to Y stands beside the act Z it asks for, not yielding to it",
    ),
    Rule(
        "participle-speaker",
        "speech",
        "'criticized X, saying ...', 'adding that ...': a participle of saying speaks for its clause's subject",
    ),
    Rule("market-demand", "typing", "'demand' as a market quantity ('boost domestic demand'): no request (10x)"),
    Rule(
        "corporate-dealing",
        "typing",
        "a business agreeing, meeting, supplying or helping another business (or nobody named) is a corporate "
        "transaction: no event",
    ),
    Rule(
        "owned-thing-subject",
        "typing",
        "a thing acting is no act also when its owner or maker is named inside it: "
        "'Xi's visit demonstrates', 'the China-proposed initiative has grabbed'",
    ),
    Rule(
        "speech-unaffiliated",
        "speech",
        "a statement by a bare name (no country, not even the article's home, no sector) is a commentator's",
    ),
    Rule(
        "own-over-model",
        "typing",
        "a code an own construction rule read off the verb and its arguments is not replaced by the type "
        "model's default code of another type, nor by the same act's code in the model's family",
    ),
    Rule("hope-other", "lexicon", "hoping or expecting that another named actor will act is an appeal to it (020)"),
    Rule(
        "visit-destination",
        "typing",
        "a visit (042) read off a verb of movement needs a place to go to: 'police rushed to the spot' is an errand",
    ),
    Rule(
        "speech-judged-claim",
        "speech",
        "a word of blame said of a claim is a denial (016: 'the charges are groundless'), of a proposal, "
        "offer or request a rejection (120: 'the proposals were unacceptable'), not a criticism",
    ),
    Rule(
        "verbal-nonpolitical",
        "speech",
        "a statement or appeal (01x/02x) read off any verb needs a political speaker, as speech acts do: "
        "an analyst 'expressed optimism', a business 'stressed the need'",
    ),
    Rule(
        "thing-subject-reach",
        "typing",
        "the thing-subject rule reaches the subject a coordinated verb shares ('the upgrade reduces ... and "
        "encourages companies') and a thing an actor only qualifies ('the U.S. tariff proposals, which "
        "contravene WTO rules'): the subject's own word must name the actor",
    ),
    Rule(
        "ask-question",
        "lexicon",
        "asking a question ('asked whether', 'asked about') asks for an answer, not an act: a statement "
        "(010), no appeal (02x); an interviewer's question ('Asked if ..., she said') is no event",
    ),
    Rule(
        "claim-accuses",
        "lexicon",
        "claiming is disapproval (11x) only of a named actor's or group's deed ('claimed China was raping "
        "American industry'); a claim about a state of things or to land is no accusation",
    ),
    Rule(
        "gerund-doer",
        "typing",
        "a gerund of means ('by ...ing') has the doer of the clause it modifies: 'the US put domestic law "
        "above international law by imposing tariffs'; a planned means leaves the asserted vow its event",
    ),
    Rule(
        "adjunct-gerund",
        "actors",
        "a gerund after 'in' completing a verb or adjective ('outspoken in condemning Israel', 'joined them in "
        "denouncing') has the clause's subject as its doer (subject control)",
    ),
    Rule(
        "pronoun-not-country",
        "actors",
        "a pronoun not written in capitals ('to us') is never the country its letters spell (US)",
    ),
    Rule(
        "close-apposition",
        "actors",
        "a common noun with its name in close apposition, no comma between ('the militant group Hamas', 'the "
        "carmaker Toyota') is the named actor: the name's code beats the describing words'",
    ),
    Rule(
        "document-filer",
        "actors",
        "a document with its filer in a participle ('a complaint filed by U.S. Steel') acts for the filer, also "
        "in a participle the parse hung on a passive verb ('based on a complaint filed by X, alleging that')",
    ),
    Rule(
        "led-by",
        "actors",
        "a group naming no country of its own led, headed or represented by a state ('a coalition led by Saudi "
        "Arabia', 'western countries represented by the US') is of that state",
    ),
    Rule(
        "modal-copula",
        "factuality",
        "a modal on a copula scopes over its adjective's complement ('would be happy to meet' is "
        "hypothetical), and a capacity is no act ('has the ability to safeguard')",
    ),
    Rule(
        "obliged-act",
        "speech",
        "'Y should/must ...' is an appeal or demand on Y only when Y is to act: not a passive ('should be "
        "guaranteed free care') nor a state ('should be in charge', 'should be able to decide')",
    ),
    Rule(
        "reporter-pronoun",
        "typing",
        "a pronoun is the reporting verb's subject only when it can refer to it: 'it' to no person, "
        "'they' to no single person, 'he'/'she' to no country or organisation",
    ),
    Rule(
        "threat-measures",
        "lexicon",
        "'will take all necessary measures', 'will resolutely defend its interests': an unspecified threat (130)",
    ),
    Rule(
        "passive-conjunct",
        "actors",
        "'was identified and arrested', 'were arrested and charged': a conjoined participle shares the passive "
        "subject (the one acted on) written once on the first verb",
    ),
    Rule(
        "passive-inherited",
        "actors",
        "a passive verb with no subject of its own ('..., having been charged with fraud', 'arrived and were "
        "attacked') acts on the subject it inherits, and the inherited subject is not its doer",
    ),
    Rule(
        "name-subject",
        "actors",
        "a proper name the parser hung on a subjectless verb as an adverb, right before the verb and its "
        "auxiliaries ('But Connolly has gone farther'), is its subject",
    ),
    Rule(
        "relative-subject",
        "actors",
        "a relative pronoun subject ('the airman who set himself on fire', 'the ministry, which rejected') "
        "is the noun its relative clause modifies",
    ),
    Rule(
        "meeting-part",
        "actors",
        "a meeting a verb's in-phrase names ('participate personally in any negotiations with Congress') is "
        "read into for the verb's target, as an object phrase is",
    ),
    Rule(
        "received-reach",
        "actors",
        "an eventive noun coordinated after the object of a receiving verb ('is facing shareholder lawsuits "
        "and a probe by the SEC') is received by the verb's subject too; its by-phrase is its doer",
    ),
    Rule(
        "relative-object",
        "actors",
        "a relative pronoun object ('the party, which he labelled a joke', 'the Guildford Four, for which "
        "Blair apologised') is the noun its relative clause modifies, when that noun can be acted on as an actor",
    ),
    Rule(
        "two-entities",
        "actors",
        "two entities the article tells apart are two actors even when their codes agree: no reflexive dyad",
    ),
    Rule(
        "self-protest",
        "actors",
        "a protest (14) done to oneself ('set himself on fire to protest', a hunger strike) is a protest with no "
        "target, not a misread reflexive dyad",
    ),
    Rule(
        "mobilized-force",
        "actors",
        "a show of force (15) in the passive with no agent ('police in riot gear were deployed') is done by the "
        "force deployed, not to it",
    ),
    Rule(
        "noun-agent-reach",
        "actors",
        "an eventive noun's 'by' agent hung on its 'of' object ('accusations of China's trade policies by "
        "U.S. officials') is the noun's doer",
    ),
    Rule(
        "received-act",
        "actors",
        "'drew rebukes from X', 'faced criticism from X', 'sparked protests': the subject is the one acted on, "
        "the from-phrase the doer",
    ),
    Rule(
        "mutual-cooperation",
        "actors",
        "two actors of different countries doing a cooperative act (03-06) together with no partner named do it "
        "with each other ('China and Switzerland pledged to develop their partnership')",
    ),
    Rule(
        "lede-cataphor",
        "actors",
        "a he/she before anyone is named stands for the next person named of its gender ('She's slammed NATO, "
        "voted against EU treaties ... Catherine Connolly, a former mayor'; 'In his first speech, Obama said')",
    ),
    Rule(
        "gendered-fallback",
        "actors",
        "a he/she left open by the entities stage is the last person named or the last who spoke only when the "
        "article does not mark that person as of the other gender (Entity.gender: 'Mr Xi ... She added')",
    ),
    Rule(
        "conjoined-actors",
        "actors",
        "coordinated targets of different countries are each a party of their own: 'talks with both Iraq and "
        "Afghanistan' are two events, one to each",
    ),
    Rule(
        "main-statement",
        "main",
        "the main event is the lede's earliest asserted event with a coded doer, statements (01) included; in its "
        "sentence the act over the speech act reporting it",
    ),
    Rule(
        "relative-gap",
        "lexicon",
        "a relative clause with a subject and no object has the noun it modifies as its object: 'the tariffs "
        "he imposed' are imposed tariffs (163)",
    ),
    Rule(
        "sign-agreement",
        "lexicon",
        "signing a treaty, accord, pact or agreement is CAMEO 057 (sign formal agreement) whatever its field, "
        "not the intent to cooperate in that field (0311/0312) the dictionary's SIGN patterns give",
    ),
    Rule(
        "hope-parties",
        "lexicon",
        "hope-other also reads the parties to a dispute named by a plural noun of actors ('hopes that the two "
        "sides can meet each other halfway') and a hope expressed ('expressed hope that the two sides would')",
    ),
    Rule(
        "penalty-with",
        "lexicon",
        "hitting, slapping or targeting someone with tariffs, duties or sanctions is a sanction (163), not force",
    ),
    Rule(
        "rebuff-rejects",
        "lexicon",
        "to rebuff is to reject (120): the REBUFF block's default (110) fits its synonyms slight and snub",
    ),
    Rule(
        "light-verb",
        "lexicon",
        "the object noun of a light verb the dictionary does not code names the act when aimed at an actor "
        "('made an offer to German car makers'): the noun is coded as the dictionary verb it derives from, the "
        "light verb's subject its doer and the to/with/on/against phrase its target",
    ),
    Rule(
        "meeting-occasion",
        "actors",
        "a meeting that is the occasion of an active clause ('at a meeting with Xi, Blinken said', 'informed "
        "Volkswagen during a secret meeting') is itself an event (04) of the clause's subject with the meeting's "
        "other party, or the clause verb's object; as factual as its clause",
    ),
    Rule(
        "went-on-to",
        "modality",
        "the act after aspectual 'go on to' ('went on to promise', 'went on to win') was done, as factual as "
        "'went': not a purpose clause's planned act",
    ),
    Rule("name-as", "lexicon", "'labelled (branded, termed) X as Y' names X as 'called X Y' does: a comment on it"),
    Rule(
        "thing-inspected",
        "lexicon",
        "checking or inspecting a thing with no actor in it ('checks the information') is no 090 investigation",
    ),
    Rule(
        "accused-unnamed",
        "lexicon",
        "a person 'accused of' a crime with no accuser named reports the case's charge, not 112 between two actors",
    ),
    Rule(
        "speech-hope-other",
        "speech",
        "a quote hoping that another named actor or the parties will act ('We hope that the two sides can meet') "
        "is an appeal (020), not optimism",
    ),
    Rule(
        "conjoined-object",
        "actors",
        "a target read into the object phrase is read into its coordinated objects too ('a tariff on X and "
        "a tariff on Y from China')",
    ),
    Rule(
        "purpose-partner",
        "actors",
        "an act in a purpose clause naming no one ('visited Ms Essex to lobby for funds') is aimed at the one "
        "met, visited or called",
    ),
    Rule(
        "role-cue-phrase",
        "actors",
        "a role noun's of-phrase places the role-holder by its own noun phrase and of-chain, not by a phrase "
        "nested in it ('the publication of advice on the legality of the Iraq war' is no Iraqi publication)",
    ),
    Rule(
        "title-organisation",
        "actors",
        "an intergovernmental or non-governmental body modifying a person's title ('International Monetary Fund "
        "Managing Director Michel Camdessus') is the person's affiliation, as right before the name",
    ),
    Rule(
        "pair-other-side",
        "actors",
        "one party's appeal to 'the two sides' or 'both countries' it is one of is aimed at the other party",
    ),
    Rule(
        "speech-time-for",
        "speech",
        "'it is time for Y to act' in the words said asks Y to act: an appeal (020) to Y",
    ),
    Rule(
        "speech-collective",
        "speech",
        "a word of blame said of 'a set of proposals', 'a package of measures' judges the proposals, the measures",
    ),
    Rule(
        "prep-pattern",
        "lexicon",
        "a dictionary pattern of a bare preposition ('welcome * (TO)': hosting) needs that preposition on the "
        "trigger or its object, not deep in its clause ('praised X for flying water to the zone' is praise)",
    ),
    Rule(
        "consider-option",
        "lexicon",
        "considering (weighing, mulling) an option is 014, not the CONSIDER block's 040; regarding X as Y is no event",
    ),
    Rule("face-thing", "lexicon", "facing a thing (uproar, criticism, charges) is no meeting (040), an actor is"),
    Rule(
        "personnel-object",
        "lexicon",
        "firing, dismissing or sacking a person removes him from a post, no event (not a weapon fired, 190)",
    ),
    Rule(
        "personnel-participle",
        "lexicon",
        "personnel-object reads a passive participle's noun as its object: 'the politician fired by May'",
    ),
    Rule(
        "membership-change",
        "lexicon",
        "a person joining or quitting a party, government or cabinet changes his post: no meeting (040), no "
        "cutting of ties (160); a state joining or leaving a body keeps its event",
    ),
    Rule(
        "call-for-noun",
        "lexicon",
        "the noun 'call(s) for' an act is an appeal (020), not the act asked for; rejected calls are no appeal "
        "reported, the rejection is",
    ),
    Rule(
        "striving",
        "typing",
        "a person fighting or struggling to do something ('fighting to recover politically', 'struggling to "
        "explain') strives: no one is fought (figurative)",
    ),
    Rule(
        "refuse-to-say",
        "lexicon",
        "refusing or declining to say, confirm, answer or disclose is declining comment (011), not a rejection "
        "of cooperation (12x)",
    ),
    Rule(
        "join-act",
        "lexicon",
        "joining an act ('joined calls for a probe', 'joined the protest') is taking part in the noun's event, "
        "coded on the noun: no gathering (040) of its own",
    ),
    Rule(
        "suggest-that",
        "lexicon",
        "suggesting that something is or could be so is a statement (speech rules), not an appeal (020)",
    ),
    Rule(
        "opposed-meeting",
        "lexicon",
        "opposing or rejecting a meeting, summit or talks is refusing to meet (125), and the meeting opposed is "
        "no meeting",
    ),
    Rule("refute-denies", "lexicon", "refuting or rebutting anything is saying it is untrue: a denial (016)"),
    Rule("argue-for", "lexicon", "arguing for something advocates it: no opposition (110), which is arguing against"),
    Rule(
        "table-document",
        "lexicon",
        "tabling a motion, bill or budget puts it before a house (or shelves it): domestic lawmaking, "
        "no delay (12x/16x)",
    ),
    Rule(
        "thing-agent",
        "typing",
        "a passive whose by-agent is a thing ('bothered by the dust pollution') reports no act, as a thing subject",
    ),
    Rule(
        "thing-advcl",
        "typing",
        "a participle of result ('..., throwing thousands out of work') has its clause's subject: a thing's, no act",
    ),
    Rule(
        "unspecified-act",
        "typing",
        "force-on-abstraction also reads a taken step, measure or move ('had taken a bold step to stimulate "
        "the economy'): a noun of an act not said is no one seized (17x)",
    ),
    Rule("denied-claim", "lexicon", "a claim noun that is the object of a denial ('denied allegations') is no 11x"),
    Rule("deny-gerund", "lexicon", "denying having done something ('denied being in ...') is a denial (016)"),
    Rule(
        "lie-of-position",
        "speech",
        "'six ships lay idle', 'lies in ruins': the verb of position (past 'lay', a state or place after it) "
        "is no lying, no accusation (112)",
    ),
    Rule(
        "parties-determined",
        "speech",
        "the parties hoped to act are a definite set ('the two sides', 'both countries'), not a bare plural "
        "of people in general ('young people')",
    ),
    Rule(
        "shared-modal",
        "factuality",
        "a bare verb conjoined to a verb with a modal or 'will' ('can tax or seize', 'will meet and sign') "
        "shares the auxiliary: hypothetical or planned, not asserted",
    ),
    Rule(
        "speech-praise",
        "speech",
        "a word of approval predicated of an actor or of what an actor did ('China's decision was positive', "
        "'the reform is vital') is praise (051) aimed at that actor; a forecast ('will be good') stays optimism",
    ),
    Rule(
        "express-support",
        "lexicon",
        "expressing (voicing, reiterating) support for something is endorsing it (051), not an intent (032)",
    ),
    Rule(
        "document-author",
        "actors",
        "an act a participle tells of a document or motion ('tabled a motion opposing the bill', 'issued a "
        "statement condemning') is done by the document's author: its possessor, filer or issuer",
    ),
    Rule(
        "speech-no-denial",
        "speech",
        "'This is no stunt': a claim word denied by the determiner 'no' is a denial (016), as by 'not'",
    ),
)
NAMES = frozenset(r.name for r in RULES)
GROUPS = frozenset(r.group for r in RULES)


def expand(names: Iterable[str]) -> frozenset[str]:
    """Rule names from names and group names; unknown names raise ValueError."""
    out: set[str] = set()
    for name in names:
        if name in GROUPS:
            out |= {r.name for r in RULES if r.group == name}
        elif name in NAMES:
            out.add(name)
        else:
            raise ValueError(f"unknown event rule or group {name!r}; known: {', '.join(sorted(NAMES | GROUPS))}")
    return frozenset(out)


@contextmanager
def disabled(names: Iterable[str]) -> Iterator[None]:
    """Switch the named rules (or groups) off inside the block."""
    with switched_off(expand(names)):
        yield
