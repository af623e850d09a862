"""Finding temporal expressions in a parsed article.

Spans come from spaCy's DATE/TIME entities plus patterns the small model misses (bare
weekdays and months, "earlier this month", "last year's", "two-day", spoken years, and the
fuzzy references TimeML also counts as dates: "now", "currently", "recently", "the future"); a
pattern that starts before an entity it overlaps takes the entity's start back: "This year's"
where the model tagged "year").
Then each span is cut the way TimeML annotates it: the two ends of a range or the items of
a list are separate expressions ("from 1991 to 1997", "1994, 1995 and 1997", "the year ended
Sept. 30", a date and the stretch after it: "on Feb. 3 after months of talks"), a trailing day
after "and" inherits its month ("April 24 and 25"). Spans that hold no temporal word (ages such as
"Henry, 19,", quantities) are dropped, as are ages in the plural ("17-year-olds") and shares written
as a hyphenated fraction ("Three-quarters said"); so is a year that is part of a name ("Made in
China 2025", "Tokyo 2020"), but not the year of a yearly event ("the Developers Conference 2010"),
and a weekday or "Today" in a newspaper's or a programme's title ("the Sunday Times", "the Mail on
Sunday", "Radio 4's Today programme"). Words the model takes in at a date's edges are left out (a
name before a day: "on Twitter Sunday", an age before "this year", a comparative: "spend more next
year", a verb after: "Dec. 11 marks"), and so is a basis of comparison ("year-on-year", "month on month").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from tidings.facts.times.calendar import MONTHS, NUMBERS, SEASONS, WEEKDAYS
from tidings.facts.times.rules import REQUESTS, SAYING
from tidings.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TEMPORAL_WORDS = (
    set(WEEKDAYS) | set(MONTHS) | set(SEASONS) | {
        "today", "tonight", "yesterday", "tomorrow", "now", "day", "days", "week", "weeks", "weekend",
        "month", "months", "year", "years", "decade", "decades", "century", "quarter", "quarters",
        "morning", "afternoon", "evening", "night", "hour", "hours", "minute", "minutes", "ago",
        "recently", "currently", "daily", "weekly", "monthly", "annually", "yearly", "future", "past",
        "a.m.", "p.m.", "am", "pm", "noon", "midnight", "overnight", "fiscal", "season", "period",
        "times", "time", "present", "era", "earlier", "later", "current", "recent", "previously",
        "nowadays", "term", "thanksgiving", "christmas", "easter", "halloween", "fy",
    }
)  # fmt: skip
_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:s|'s|/\d\d)?$|^'\d\ds?$|^\d0s$|^\d{1,2}[:/]\d{1,2}")  # "1987/88": a split year
_UNITS = r"(?:week|month|year|quarter|decade|century|weekend|spring|summer|fall|autumn|winter)"
_TENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"  # noqa: E501

_EXTRA = re.compile(
    r"\b(?:(?:early|late|earlier|later|last|next|this)\s+)?(?:"
    + "|".join(w.capitalize() for w in WEEKDAYS)
    + r")\b(?:\s+(?:morning|afternoon|evening|night))?"
    # "the following Monday", "the previous Friday": counted from the narrated day (the model tags the day)
    + r"|\bthe\s+(?:following|previous|preceding)\s+(?:"
    + "|".join(w.capitalize() for w in WEEKDAYS)
    + r")\b"
    + r"|\b(?:earlier|later|late|early)\s+(?:this|last|next)\s+(?:week|month|year)\b"
    + r"|\b(?:earlier|later)\s+in\s+the\s+(?:week|month|year)\b"
    + r"|\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+"
    + _UNITS
    + r"\b"
    + r"|\b(?:yesterday|today|tomorrow|tonight)\b"
    + r"|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"
    + r"|\bFY ?'?(?:\d\d){1,2}(?:[-/]\d\d)?\b"
    + r"|\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?:Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|"
    + r"Independence Day|Memorial Day|Labor Day|Veterans Day|Election Day|Halloween|Valentine's Day|"
    + r"Easter(?: Sunday| Monday)?|Good Friday|Palm Sunday)\b"
    + r"|\b(?:the\s+)?(?:year|month|week)'s\s+end\b"
    + r"|(?<=\b[Ii]n )the\s+(?:spring|summer|autumn|fall|winter)\b"  # "due in the autumn"
    + r"|\bthe\s+(?:latest|most\s+recent)\s+(?:quarter|period)\b"
    # the analysts' shorthand: "in Q3", "for Q3 2009", "2009 Q3", "H1 profit"; after a word that opens a
    # time phrase or with a year, so a model name ("the Audi Q3") is not one
    + r"|(?:(?<=\b[Ii]n )|(?<=\bfor )|(?<=\bduring )|(?<=\bof )|(?<=\bthe )|(?<=\bits )|(?<=\btheir ))"
    + r"[QH][1-4](?:\s+(?:19|20)\d\d)?\b|\b[QH][1-4]\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+[QH][1-4]\b"
    + r"|\b(?:[Nn]ineteen|[Tt]wenty|[Ee]ighteen)\s+"
    + _TENS
    + r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?\b"
    + r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)-"
    + r"(?:day|week|month|year|hour)(?:-old|-long)?\b",
)
_YEAR_BACK_END = re.compile(r"\b(?:year[- ](?:ago|earlier)|prior[- ]year|previous[- ]year)$", re.I)
_PERIOD_AFTER = re.compile(r"\s+(?:(?:first|second|third|fourth|fiscal)\s+)?(?:quarter|period)\b", re.I)
_UNITS_END = re.compile(r"(?:[Tt]he\s+)?(?:days|weeks|months|quarters|years|decades)")
_TO_COME = re.compile(r"\s+(?:ahead(?!\s+of)|to come)\b")
_AGO = re.compile(r"\s+(?:or so\s+)?(?:ago|earlier|later|from now)\b(?!\s+(?:than|in|on|that|this)\b)")
# A person's or a thing's age is not a time ("a 44-year-old nurse", "52 years old").
_AGE = re.compile(r"^(?:an? |the )?[\w-]+[- ](?:year|month|week|day)s?[- ]olds?(?:$|,?\s+)", re.I)  # "17-year-olds"
# "when Kopp was in his 30s", "women in their early twenties": a person's age, not a decade.
_AGE_DECADE = re.compile(r"\b(?:his|her|their|my|our|your)\s+(?:(?:early|mid|late)[- ])?$", re.I)
_DECADE = re.compile(
    r"(?:(?:early|mid|late)[- ])?(?:\d0'?s|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies)", re.I
)
# A fraction spelt with a hyphen, as style guides write one ("three-quarters of voters"), is a share,
# not three quarters of a year (those the news writes apart: "in the first three quarters").
_FRACTION = re.compile(r"(?:one|two|three)-quarters?", re.I)
_TRAILING = re.compile(r"(?:,|\s+(?:and|or|to|through))+$")
_SPOKEN_YEAR = re.compile(r"\b(?:nineteen|twenty|eighteen) " + _TENS + r"\b")
# Fuzzy references (TimeML DATE with PRESENT_REF / PAST_REF / FUTURE_REF values).
_REFS = re.compile(
    r"\b(?:(?:[Rr]ight\s+)?[Nn]ow(?!-)|[Cc]urrently|[Nn]owadays|[Rr]ecently|[Ll]ately|[Cc]urrent(?=\s+[a-z])|"
    r"(?:the\s+)?(?:(?:near|distant|immediate|foreseeable)\s+)?future(?!\s+(?:of|tense))|the\s+near\s+term|"
    r"the\s+(?:recent\s+)?past(?!\s+(?:few|several|\d|two|three|four|five|six|seven|eight|nine|ten|week|month|year|"
    r"decade|day|quarter|century)))\b"
)
# A decade written with an apostrophe, as older style had it ("in the 1960's", "the late 1970's"): a year's
# possessive takes no article ("1990's budget"), so after "the" it is the decade.
_APOSTROPHE_DECADE = re.compile(
    r"(?:\b[Tt]he\s+(?:(?:early|mid|late)[- ]?\s*)?|\b(?:[Ee]arly|[Mm]id|[Ll]ate)[- ]?\s*)(?:1[0-9]|20)\d0['\u2019]s\b"
)
# Company news compares with "the 1988 period" / "the 1988 quarter": the quarter reported, that year.
_YEAR_PERIOD = re.compile(r"\bthe\s+((?:1[89]|20)\d\d)\s+(?:fiscal\s+)?(?:period|quarter)\b", re.I)
# The far end of a span of years ("from 2009 to 2011"), not a number that goes on ("2011-12", "2011%").
_YEAR_RANGE_END = re.compile(
    r"\b(?:1[89]|20)\d\d\s+(?:to|through|until|till|and|or)\s+((?:1[89]|20)\d\d)\b(?![-/]|\s*%)"
)
# "up 6% year-on-year", "month on month": a basis of comparison, no time of its own.
_COMPARISON = re.compile(r"\b(?:year|month|quarter|week|day)[- ]on[- ](?:year|month|quarter|week|day)\b", re.I)


def _without_comparison(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a basis of comparison at either end ("month on month in July": July)."""
    m = _COMPARISON.search(text, start, end)
    if m is None:
        return start, end
    if m.start() - start <= end - m.end():
        rest = re.match(r"[\s,]*(?:in|on|for|and)?\s*", text[m.end() : end])
        return m.end() + (rest.end() if rest else 0), end
    return start, len(text[start : m.start()].rstrip(" ,")) + start


# Where one span holds two expressions: range ends, list items, a period and its end date,
# a recurrence and its start ("every year since 1995").
_CUT = re.compile(
    r"\s+(?:to|and(?!\s+an?\s+half\b)|through|thru|until|till|since|or(?!\s+so\b))\s+|,\s+(?:and\s+)?|\s+(?:ended|ending)\s+"
)
_RANGE_START = re.compile(r"^(?:between|from)\s+", re.I)
_DAY_ONLY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d\d)?$")  # "25", "6, 1998"
_MONTH_DAY = re.compile(r"(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?$", re.I)


class Found(NamedTuple):
    """One expression: its span, and whether it is a bare day that takes the month of the
    expression before it ("April 24 and 25")."""

    start: int
    end: int
    day_of_previous: bool = False


def is_temporal(text: str) -> bool:
    """Whether a candidate span names a time at all (drops ages, amounts, bare numbers)."""
    folded = text.casefold().replace("-", " ")
    words = [re.sub(r"'s$", "", w) for w in re.findall(r"[a-z.']+|\d[\d:/']*s?", folded)]
    if any(w.strip(".") in _TEMPORAL_WORDS or w in _TEMPORAL_WORDS or _YEAR.match(w) for w in words):
        return True
    if re.search(r"\b(?:q[1-4]|h[12])\b", folded):  # "Q3", "H1 2009": a quarter, a half
        return True
    return _SPOKEN_YEAR.search(folded) is not None


def find_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of temporal expressions in ``doc`` (sorted, non-overlapping)."""
    return [(f.start, f.end) for f in find_expressions(doc)]


def find_expressions(doc: Doc) -> list[Found]:
    """Temporal expressions in ``doc``, cut as TimeML annotates them (sorted, non-overlapping)."""
    text = doc_text(doc)
    spans: list[tuple[int, int]] = []
    comparisons = [(m.start(), m.end()) for m in _COMPARISON.finditer(text)]
    for ent in doc.ents:
        if any(a <= ent.start_char and ent.end_char <= b for a, b in comparisons) or _may_the_person(ent):
            continue  # "rose 12 percent year on year": the basis of a comparison, no time of its own
        if ent.label_ in ("DATE", "TIME") and is_temporal(ent.text) and not _year_in_name(ent):
            first, last = _trimmed(ent)
            start = doc[first].idx
            # the model often leaves out "early"/"late" before a weekday or month
            prev = doc[first - 1] if first > 0 else None
            if prev is not None and prev.lower_ in ("early", "late", "mid", "earlier", "later"):
                start = prev.idx
            spans.append((start, doc[last].idx + len(doc[last].text)))
    for rx in (_EXTRA, _REFS):
        for m in rx.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
            else:  # "This year's results": the model often tags "year" alone at a sentence's start
                spans = [(min(s, m.start()), e) if s < m.end() and m.start() < s else (s, e) for s, e in spans]
    halves = _reported_halves(doc, text, spans)
    spans.extend(halves)
    for m in _YEAR_RANGE_END.finditer(text):  # "from 2009 to 2011": the model often tags the first year only
        if any(s <= m.start() < e for s, e in spans) and not any(s < m.end() and m.start(1) < e for s, e in spans):
            spans.append((m.start(1), m.end(1)))
    for m in _APOSTROPHE_DECADE.finditer(text):  # "the 1960's": the model tags "1960" alone
        if not any(s < m.end() and m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
        spans = [(min(s, m.start()), max(e, m.end())) if s < m.end() and m.start() < e else (s, e) for s, e in spans]
    for m in _YEAR_PERIOD.finditer(text):  # "the 1988 period": the model tags the year alone
        spans = [(m.start(), m.end()) if (s, e) == (m.start(1), m.end(1)) else (s, e) for s, e in spans]
    out: list[Found] = []
    for start, end in _with_part_of_day(text, _joined_at_of(text, sorted(spans))):
        if _AGE_DECADE.search(text, max(0, start - 20), start) and _DECADE.fullmatch(text, start, end):
            continue
        age = _AGE.match(text[start:end])
        if age:  # "52 years old last month": the age is not a time, the rest may be
            start += age.end()
        trailing = _TRAILING.search(text, start, end)  # "1994, 1995 and" + "1997": two entities
        end = trailing.start() if trailing else end
        dangling = _DANGLING.search(text, start, end)
        end = dangling.start(1) if dangling else end
        start, end = _without_comparison(text, start, end)
        if end <= start or not (is_temporal(text[start:end]) or (start, end) in halves):
            continue
        if _FRACTION.fullmatch(text, start, end):  # "Three-quarters said he was right": a share of people
            continue
        noun = _PERIOD_AFTER.match(text, end) if _YEAR_BACK_END.search(text, start, end) else None
        end = noun.end() if noun else end  # "the year-ago" + " period": the model stops short
        ahead = _TO_COME.match(text, end) if _UNITS_END.fullmatch(text, start, end) else None
        end = ahead.end() if ahead else end  # "the weeks" + " to come": the model stops short
        tail = _AGO.match(text, end)  # "a week" + " or so ago": the model stops short
        out.extend(_cut(text, _compared_period(text, start, end), tail.end() if tail else end))
    # an expression taken in by one its tail was stretched over ("two weeks" + " from now" holds the
    # "now" found on its own) is no expression of its own
    out = [f for f in out if not any(o.start <= f.start and f.end <= o.end and o != f for o in out)]
    return _days_of_previous(text, [f for f in out if not _in_a_title(text, f.start, f.end)])


# TimeML marks no temporal word inside a proper name. The press names its weekend editions after
# the day ("the Sunday Times", "Sunday Telegraph journalist", "the Mail on Sunday") and a morning
# programme after the day ("BBC Radio 4's Today programme", "NBC's Today show", "USA Today"): the
# words of a masthead or a programme, not a weekday's or today's date. A weekday before a person's
# name ("said Friday Smith had fled") stays a date: the parse alone cannot tell the two apart.
_MASTHEAD_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Herald|Express|Mirror|Post|Tribune|Star|People|Sport|Mail|Independent|"
    r"Observer|Age|Sun|Business Post)\b(?!-)"
)
_EDITION_OF = re.compile(r"\b[Tt]he\s+(?:Mail|Independent)\s+on\s+$")
_PROGRAMME = re.compile(r"\s+(?:programme|program|show|newspaper)\b")


def _in_a_title(text: str, start: int, end: int) -> bool:
    """A weekday or "Today" that is a word of a newspaper's or a programme's title."""
    word = text[start:end]
    if word == "Today":
        return (
            _PROGRAMME.match(text, end) is not None
            or re.search(r"\bUSA\s+$", text[max(0, start - 8) : start]) is not None
        )
    if word.lower() not in WEEKDAYS or not word[:1].isupper():
        return False
    if _EDITION_OF.search(text[max(0, start - 30) : start]):
        return True
    # after a word that dates ("on Sunday Post Office workers struck", "late Sunday Times Square") it is the day
    dated = re.search(
        r"\b(?:on|since|until|till|late|early|last|next|this|every)\s+$", text[max(0, start - 8) : start], re.I
    )
    return _MASTHEAD_AFTER.match(text, end) is not None and dated is None


# A half named bare ("profit rose in the first half", "sales will pick up in the second half") is
# a half-year where figures are reported (TimeML 1998-H1); in a match report it is a half of the
# game, which no sentence prices. "The first half of 1998" the model tags itself.
_BARE_HALF = re.compile(
    r"\b[Tt]he\s+(?:first|second)\s+half\b(?!\s+of\b|[- ](?:hours?|points?|century|decade|dozen|time)\b)"
)
_FIGURES = ("MONEY", "PERCENT")


def _reported_halves(doc: Doc, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Bare halves ("the first half") in a sentence that reports an amount or a rate."""
    out: list[tuple[int, int]] = []
    for m in _BARE_HALF.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        words = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if words is not None and any(ent.label_ in _FIGURES for ent in words.sent.ents):
            out.append((m.start(), m.end()))
    return out


_SPLIT_YEAR_END = re.compile(r"\b(?:1[89]|20)\d\d ?[-/] ?\d\d$")
_YEAR_NOUN = re.compile(r"(?:(?:fiscal|financial|budget|crop|marketing|academic|school) )?(?:year|season)$", re.I)


_PART_ALONE = re.compile(r"(?:[Tt]he\s+)?(?:morning|afternoon|evening|night)")


def _joined_at_of(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A span that ends in "of" and the one right after it are one expression: the model tags
    "the fall of" and "2009" apart in "In the fall of 2009"; so are a split year and the year
    it names ("1990-91" + "fiscal year": not this fiscal year), and a part of a day and the day
    it is "of" ("the morning" + "Oct. 5": TimeML's extent "the morning of Oct. 5")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        last = text[out[-1][0] : out[-1][1]] if out else ""
        gap = text[out[-1][1] : start] if out else ""
        joined = (
            (re.search(r"\bof$", last) and gap.isspace())
            or (_SPLIT_YEAR_END.search(last) and _YEAR_NOUN.fullmatch(text, start, end) and gap.isspace())
            or (_PART_ALONE.fullmatch(last) and re.fullmatch(r"\s+of\s+", gap))
        )
        if joined:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _may_the_person(ent: Span) -> bool:
    """A bare "May" that is the subject of a verb of saying or asking is a person ("May told
    Britain", "said May": Theresa May), not the month, which news puts after a preposition ("in
    May"), or makes the subject of a copula ("May was the warmest month") or of a market's verb
    (the May contract: "with May settling at 1.59 dlrs")."""
    if len(ent) != 1 or ent[0].text != "May":
        return False
    tok = ent[0]
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SAYING | REQUESTS


_DAY_GAP = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|-|\u2013)\s*", re.I)


def _days_of_previous(text: str, found: list[Found]) -> list[Found]:
    """A bare day the model tagged apart from the month before it ("June 5" + "6, 1998") takes
    that month, as one it tagged together does ("April 24 and 25")."""
    out = list(found)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if (
            not cur.day_of_previous
            and _DAY_ONLY.match(text[cur.start : cur.end])
            and _MONTH_DAY.search(text[prev.start : prev.end])
            and _DAY_GAP.fullmatch(text, prev.end, cur.start)
        ):
            out[k] = cur._replace(day_of_previous=True)
    return out


# Company news names the period it compares with around a bare "last year" or "year-ago quarter"
# the model tags alone: "the corresponding period last year", "the comparable year-ago quarter".
_PERIOD_WORDS = r"(?:\bthe\s+)?(?:(?:comparable|corresponding|same)\s+)"
_BEFORE_YEAR_BACK = re.compile(_PERIOD_WORDS + r"*(?:quarter|period)\s+$", re.I)
_BEFORE_QUARTER = re.compile(_PERIOD_WORDS + r"+$", re.I)


_DAY_WORDS = set(WEEKDAYS) | set(MONTHS) | {"today", "yesterday", "tomorrow", "tonight"}
_THIS_UNIT = {"this", "last", "next"}


def _trimmed(ent: Span) -> tuple[int, int]:
    """First and last token of a DATE/TIME entity without the words the model took in at its
    edges: a name before a day ("said on Twitter Sunday morning"), a count before "this year"
    ("as ASEAN turns 50 this year": an age), a comparative ("spend more next year"), a verb after a
    date ("Dec. 11 marks the ...")."""
    first, last = ent.start, ent.end - 1
    doc = ent.doc
    while first < last:
        tok, nxt = doc[first], doc[first + 1]
        name = tok.pos_ == "PROPN" and not is_temporal(tok.text) and nxt.lower_.rstrip(".") in _DAY_WORDS
        count = tok.like_num and not _YEAR.match(tok.text) and nxt.lower_ in _THIS_UNIT
        # the object of a comparison before "next year" ("plans to spend more next year", "sold less this
        # month") is no part of the date; "earlier this year" is one
        more = tok.tag_ in ("JJR", "RBR") and not is_temporal(tok.text) and nxt.lower_ in _THIS_UNIT
        if not (name or count or more):
            break
        first += 1
    while last > first and doc[last].tag_ in ("VBZ", "VBD", "VBP") and not is_temporal(doc[last].text):
        last -= 1
    if doc[last].lower_ == "ago":  # "was arrested days ago", "attacked the town days ago", "from 17.35 mln a
        # year ago": the verb, or a noun of the clause (its head outside the expression), the model took in
        # before a count back is not part of it; "a couple of weeks ago", "a dozen years ago" count within it
        taken = [t.i for t in doc[first:last] if _of_the_clause(t, first, last)]
        first = taken[-1] + 1 if taken else first
    return first, last


def _of_the_clause(tok: Token, first: int, last: int) -> bool:
    """A word the model took in before a count back that belongs to the clause, not the count."""
    if is_temporal(tok.text) or tok.like_num or tok.lower_ in NUMBERS or tok.lower_ in ("dozen", "score"):
        return False
    if tok.pos_ in ("VERB", "AUX", "PRON", "PROPN"):
        return True
    if tok.lower_ in ("this", "that") and (tok.nbor().like_num or tok.nbor().lower_ in NUMBERS):
        return True  # "dealt with this six months ago": a demonstrative determines no count back
    return tok.pos_ == "NOUN" and not first <= tok.head.i <= last and tok.nbor().lower_ != "of"


def _compared_period(text: str, start: int, end: int) -> int:
    """Where an expression starts once the period words before it are taken in."""
    span = text[start:end].casefold()
    before = text[max(0, start - 40) : start]
    if re.fullmatch(r"last year|an? year (?:ago|earlier)", span):
        m = _BEFORE_YEAR_BACK.search(before)
    elif re.match(r"(?:year[- ](?:ago|earlier)|prior[- ]year)\s+(?:quarter|period)\b", span):
        m = _BEFORE_QUARTER.search(before)
    else:
        m = None
    return start - (len(before) - m.start()) if m else start


_DAY_NAME = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"|today|yesterday|tomorrow)$", re.I)
_PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$", re.I)
_CLOCK_END = re.compile(r"\b(?:[ap]\.?m\.?(?:\s+(?:[A-Z]{2,3}T|GMT))?|midnight|noon)$", re.I)
_THEN_WEEKDAY = re.compile(r",?\s+(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r")$", re.I)


def _with_part_of_day(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A day and the part or hour of it the model tagged apart ("Friday" + "morning", "4 a.m.
    EDT" + "Thursday", "midnight" + "on Sunday") are one expression."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        last = out[-1] if out else None
        if last and (
            (_DAY_NAME.search(text, last[0], last[1]) and _PART_OF_DAY.fullmatch(text, last[1], end))
            or (_CLOCK_END.search(text, last[0], last[1]) and _THEN_WEEKDAY.fullmatch(text, last[1], end))
        ):
            out[-1] = (last[0], end)
        else:
            out.append((start, end))
    return out


_YEAR_PREFIXES = {"mid", "early", "late", "fy", "fiscal", "calendar", "model", "season", "class"}
# A yearly event named with its year is dated by it ("the Developers Conference 2010", "the Beijing
# Olympics 2008", "Election 2016"): the year says when that edition takes place.
_EDITION_NOUNS = {"conference", "summit", "expo", "games", "olympics", "cup", "championship", "championships",
                  "forum", "festival", "congress", "election", "elections", "convention", "fair", "show",
                  "week", "session", "assembly", "meeting"}  # fmt: skip


def _year_in_name(ent: object) -> bool:
    """A year that numbers a name ("Made in China 2025", "Tokyo 2020", "Windows 2000"): right
    after a proper noun that is not a month, or modifying one, or tagged with the name."""
    toks: list[Token] = list(ent)  # type: ignore[call-overload]
    last = toks[-1] if toks else None
    if last is not None and re.fullmatch(r"\d{4}", last.text) and last.i > 0 and last.nbor(-1).lower_ in _EDITION_NOUNS:
        return False
    if len(toks) > 1 and re.fullmatch(r"\d{4}", toks[-1].text):
        # the model took the name in ("Windows 2000", "Flight 2012", "H.R. 2001"): capitalised
        # words that say nothing of time before the number
        words = toks[:-1]
        return all(
            t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") and t.lower_.rstrip(".") not in _YEAR_PREFIXES
            for t in words
        ) and not is_temporal(" ".join(t.text for t in words))
    if len(toks) != 1 or not re.fullmatch(r"\d{4}", toks[0].text):
        return False
    year = toks[0]
    before = year.doc[year.i - 1] if year.i > 0 else None
    head = year.head
    return any(
        tok is not None and tok.pos_ == "PROPN" and tok.lower_.rstrip(".") not in MONTHS and tok.i < year.i
        for tok in (before, head if year.dep_ in ("nummod", "compound", "appos") else None)
    )


def _cut(text: str, start: int, end: int) -> list[Found]:
    """Split one span at range and list connectors when every part is an expression itself."""
    stretch = _AFTER_STRETCH.search(text, start, end)
    if stretch and is_temporal(text[start : stretch.start()]):
        return [*_cut(text, start, stretch.start()), Found(stretch.end(), end)]
    span = text[start:end]
    lead = _RANGE_START.match(span)
    offset = lead.end() if lead else 0
    parts: list[tuple[int, int]] = []
    pos = offset
    for m in _CUT.finditer(span, offset):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(span)))
    if len(parts) == 1:
        return [Found(start + offset, end)] if offset and is_temporal(span[offset:]) else [Found(start, end)]
    parts = _rejoin_commas(span, parts)
    if len(parts) == 1:
        return [Found(start, end)]
    out: list[Found] = []
    for k, (a, b) in enumerate(parts):
        piece = span[a:b]
        before = span[parts[k - 1][0] : parts[k - 1][1]] if k else ""
        day = bool(k and _DAY_ONLY.match(piece) and _MONTH_DAY.search(before))
        if not (is_temporal(piece) or day):
            return [Found(start, end)]  # "two to three weeks": one expression
        out.append(Found(start + a, start + b, day))
    return out


def _shape(piece: str) -> str:
    word = piece.strip().casefold().rstrip(".")
    if re.fullmatch(r"\d{4}s?", word):
        return "year"
    if word in MONTHS:
        return "month"
    return "weekday" if word in WEEKDAYS else "other"


# A stretch of time after a comma is an expression of its own ("on November 11, three days later
# than planned", "June 17, two days before the launch").
STRETCH = re.compile(
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+"
    r"(?:days?|weeks?|months?|years?|hours?|decades?)\b",
    re.I,
)


# The same with no count, plural: "on Monday, days after the vote", "in 1995 after decades of debate".
_STRETCH_OR_UNITS = re.compile(STRETCH.pattern + r"|(?:days|weeks|months|years|decades|hours)\b", re.I)
# A date the model ran on over "after"/"before" and how long ("closed on Feb. 3 after months of talks",
# "freed on March 9 after 10 years"): the date and the stretch are two expressions (TimeML: a DATE and a
# DURATION); "the day after Christmas", "two days before the vote" count from what follows and stay whole.
_AFTER_STRETCH = re.compile(r"\s+(?:after|before)\s+(?=(?:" + _STRETCH_OR_UNITS.pattern + r")\W*$)", re.I)
# ... and one the model closed on the preposition ("ended on May 8 after" + "six years")
_DANGLING = re.compile(
    r"(?:\d|\b(?:" + "|".join(MONTHS) + "|" + "|".join(WEEKDAYS) + r")\.?)(\s+(?:after|before))$", re.I
)


def _rejoin_commas(span: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A comma separates list items only between two of a kind ("1994, 1995") or before a
    stretch of time ("November 11, three days later"); elsewhere it belongs to one expression
    ("Monday, Oct. 26", "Oct. 26, 1998")."""
    out = [parts[0]]
    for a, b in parts[1:]:
        gap = span[out[-1][1] : a]
        same = _shape(span[out[-1][0] : out[-1][1]]) == _shape(span[a:b]) != "other"
        if gap.strip() == "," and not same and not _STRETCH_OR_UNITS.match(span, a, b):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
