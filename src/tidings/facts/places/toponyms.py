"""Toponym resolution: pick one gazetteer entry per place name using the article's context.

The prior is population (log-scaled) with small bonuses for the kind of place a news
story means by a bare name (countries, capitals, exact rather than alternate names),
then three document-level signals: the countries the article is mostly about, the
first-level divisions of places already resolved (local news stays local: "Alexandria"
near "Rapides Parish" is the Louisiana one), and how many of the article's other names can
lie near a candidate (``proximity``: "Athens, Etowah and Englewood" are three Tennessee
towns). A name never counts as context for itself or a name that holds it ("Dublin City"
for "Dublin"). A following qualifier ("Alexandria, La.", "Paris, Texas") overrides them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from tidings.facts.places.gazetteer import GazEntry, Gazetteer, name_key
from tidings.facts.places.proximity import Neighbours, same_name

# AP-style and postal abbreviations of US states, for "City, ST" qualifiers (USPS / AP Stylebook).
US_STATES = {
    "ala": "AL", "alaska": "AK", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA",
    "colo": "CO", "conn": "CT", "del": "DE", "fla": "FL", "ga": "GA", "hawaii": "HI",
    "idaho": "ID", "ill": "IL", "ind": "IN", "iowa": "IA", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "maine": "ME", "md": "MD", "mass": "MA", "mich": "MI",
    "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE",
    "nev": "NV", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY", "nc": "NC", "nd": "ND",
    "ohio": "OH", "okla": "OK", "ore": "OR", "pa": "PA", "ri": "RI", "sc": "SC", "sd": "SD",
    "tenn": "TN", "tex": "TX", "texas": "TX", "utah": "UT", "vt": "VT", "va": "VA",
    "wash": "WA", "wva": "WV", "wis": "WI", "wyo": "WY", "dc": "DC",
}  # fmt: skip
_POSTAL = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
           "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
           "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
           "VA", "WA", "WV", "WI", "WY"}  # fmt: skip
_QUALIFIER = re.compile(r",\s*([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]+)?)")

_TOWNSHIP = re.compile(r"(.+?)\s+(?:Township|Twp\.?|TOWNSHIP|TWP\.?)$")

FEATURE_BONUS = {"country": 1.0, "capital": 1.5, "adm1": 0.3, "adm2": -1.5, "sea": 0.5, "region": 0.5,
                 "island": 0.5}  # fmt: skip
EXACT_BONUS = 1.0
ALTERNATE_PENALTY = 2.0
COUNTRY_CONTEXT = 3.0
ADMIN1_CONTEXT = 3.0
QUALIFIER_BONUS = 6.0
PROXIMITY = 1.0  # per doubling of the other names that can lie near a candidate


def clean_name(text: str) -> str:
    """The place name inside a mention: no possessive, no surrounding punctuation."""
    text = text.strip().strip('"“”‘’()[],;:')
    for tail in ("'s", "’s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text.strip()


def prior(entry: GazEntry, key: str) -> float:
    """Context-free score: size plus what a bare name usually means in the news."""
    score = math.log10(entry.population + 10)
    score += FEATURE_BONUS.get(entry.feature, 0.0)
    if entry.fcode == "PPLA":
        score += 0.5  # seats of first-level divisions: the Atlanta, not the Atlanta, Texas
    if entry.fcode in ("PPLX", "PPLL", "PPLQ", "PPLH"):
        score -= 0.5  # neighbourhoods, localities and abandoned places
    main = name_key(entry.name.split(",")[0])
    if main == key:  # "Washington, D.C." is exact for "Washington"
        score += EXACT_BONUS
    elif entry.feature not in ("country", "adm1") and key not in main and main not in key:
        # an alternate name only (old names, translations: "Maryville" for Beeville, "Lake
        # Lanier" for a Lake County): the place by that name, if there is one, is likelier
        score -= ALTERNATE_PENALTY
    return score


def qualifier_of(text: str, end: int, gaz: Gazetteer) -> tuple[str, str] | None:
    """``(cc, admin1)`` (admin1 may be "") named right after a mention: ", La." / ", Texas"."""
    m = _QUALIFIER.match(text, end, min(len(text), end + 40))
    if not m:
        return None
    word = m.group(1).rstrip(".")
    if word.upper() in _POSTAL and len(word) == 2:
        return ("US", word.upper())
    code = US_STATES.get(word.replace(".", "").casefold())
    if code:
        return ("US", code)
    for cand in gaz.candidates(word):
        if cand.feature == "country":
            return (cand.cc, "")
        if cand.feature == "adm1":
            return (cand.cc, cand.admin1)
    return None


def township_base(name: str) -> str | None:
    """ "Readington" for "Readington Township" or "Tewksbury Twp." (None for other names)."""
    m = _TOWNSHIP.match(name)
    return m.group(1) if m else None


def candidates_for(gaz: Gazetteer, name: str) -> list[GazEntry]:
    """Gazetteer candidates, else a US state abbreviation ("W.Va.", "Calif."), else the
    country of a demonym ("Georgian", "Americans": news gold data tags them as the country)."""
    cands = gaz.candidates(name)
    if name in ("L.A.", "LA"):
        return gaz.candidates("Los Angeles")[:1]
    abbrev = name.replace(".", "").replace(" ", "")
    if ("." in name or abbrev.isupper()) and len(abbrev) <= 5:
        code = US_STATES.get(abbrev.casefold()) or (abbrev if abbrev in _POSTAL else None)
        if code == "DC":
            cands = [c for c in gaz.candidates("Washington, D.C.") if c.fcode == "PPLC"] or cands
        elif code:
            state = gaz.admin1("US", code)
            cands = [state] if state is not None else cands
    township = _TOWNSHIP.match(name)
    if not cands and township:  # the table has no townships: the town or post office of that name
        cands = [c for c in gaz.candidates(township.group(1)) if c.cc in ("US", "CA") and c.feature == "city"]
    if not cands and name[:1].isupper():
        country = gaz.demonym(name) or (gaz.demonym(name[:-1]) if name.endswith("s") else None)
        if country is not None:
            cands = [country]
    if any(c.feature in ("country", "adm1") for c in cands):
        cands = [c for c in cands if not c.minor]  # "California" is the state, not California, Pa.
    return cands


def _vote(entry: GazEntry) -> int:
    return 2 if entry.feature in ("country", "adm1", "capital") else 1


def resolve(
    gaz: Gazetteer,
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    context: bool = True,
    names: Sequence[str | None] | None = None,
    hints: Sequence[str] = (),
) -> list[GazEntry | None]:
    """One entry (or None) per ``[start, end)`` place mention of ``text``; ``names`` may give
    the name to look up for a mention instead of its words ("Barrow" -> "Barrow County").

    ``hints`` are place names the article's metadata points at (``locale.locale_hints``): they
    count as context like mentions do, and get no entry of their own.

    With ``context=False`` this is the population-only baseline over the same gazetteer.
    """
    looked = [(names[i] if names is not None else None) or clean_name(text[s:e]) for i, (s, e) in enumerate(spans)]
    keys = [name_key(n) for n in looked]
    cands = [candidates_for(gaz, n) for n in looked]
    if not context:
        return [c[0] if c else None for c in cands]
    quals = [qualifier_of(text, e, gaz) for _, e in spans]
    shown = len(spans)  # mentions in the text; hints follow them as context only
    for hint in hints:
        keys.append(name_key(hint))
        cands.append(_hint_candidates(gaz, hint))
        quals.append(None)

    # countries the article is about: each distinct name votes for the country of its best prior
    by_key: dict[str, GazEntry] = {}
    for key, cs in zip(keys, cands, strict=True):
        top = max(cs, key=lambda c: prior(c, key)) if cs else None
        if top is not None and top.cc:
            by_key[key] = top
    votes: Counter[str] = Counter()
    for top in by_key.values():
        votes[top.cc] += _vote(top)
    total = sum(votes.values()) or 1
    # no name votes for itself, nor through a name that holds it ("Dublin City" for "Dublin")
    own_votes: dict[str, Counter[str]] = {key: Counter() for key in keys}
    for key in own_votes:
        for other, top in by_key.items():
            if same_name(other, key):
                own_votes[key][top.cc] += _vote(top)

    near = Neighbours(keys, cands)
    # "Florida" in a New Jersey story is still the state, though a town of that name lies near
    # the others: no namesake of a country, or of a state of the article's main country, gains
    # from nearness ("Magdalena" in a story about Peru may well be the Peruvian town)
    main_cc = votes.most_common(1)[0][0] if votes else ""
    realm = [
        any(
            name_key(c.name) == key and (c.feature == "country" or (c.feature == "adm1" and c.cc == main_cc))
            for c in cs
        )
        for key, cs in zip(keys, cands, strict=True)
    ]

    def score(i: int, c: GazEntry, admin: Counter[tuple[str, str]] | None) -> float:
        s = prior(c, keys[i])
        s += 0.0 if realm[i] else PROXIMITY * math.log2(1 + near.support(c, keys[i]))
        s += COUNTRY_CONTEXT * (votes[c.cc] - own_votes[keys[i]][c.cc]) / total if c.cc else 0.0
        if admin is not None and c.admin1 and admin[(c.cc, c.admin1)] > 0:
            s += ADMIN1_CONTEXT + math.log2(admin[(c.cc, c.admin1)])
        q = quals[i]
        if q is not None and c.cc == q[0] and (not q[1] or c.admin1 == q[1]):
            s += QUALIFIER_BONUS
        return s

    def best(i: int, admin: Counter[tuple[str, str]] | None) -> GazEntry | None:
        cs = cands[i]
        return max(cs, key=lambda c: score(i, c, admin)) if cs else None

    chosen = [best(i, None) for i in range(len(cands))]
    # second pass: first-level divisions of the places chosen elsewhere in the article
    resolved: list[GazEntry | None] = []
    for i in range(len(cands)):
        admin: Counter[tuple[str, str]] = Counter(
            (c.cc, c.admin1)
            for j, c in enumerate(chosen)
            if j != i and c is not None and c.admin1 and not same_name(keys[j], keys[i])
        )
        resolved.append(best(i, admin))
    return resolved[:shown]


def _hint_candidates(gaz: Gazetteer, hint: str) -> list[GazEntry]:
    """A dateline ("CHARLESTON, W.Va.") with its qualifier applied; else the name's candidates."""
    name, _, qual = hint.partition(",")
    cands = candidates_for(gaz, name.strip().title())
    if qual.strip():
        q = qualifier_of(", " + qual.strip(), 0, gaz)
        kept = [c for c in cands if q is not None and c.cc == q[0] and (not q[1] or c.admin1 == q[1])]
        cands = kept or cands
    return cands
