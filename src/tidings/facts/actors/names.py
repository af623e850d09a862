"""Name-form normalisation for in-article entity clustering.

``name_key("US Secretary of State Antony Blinken’s")`` -> ``"antony blinken"`` once the caller has cut
the title off; :func:`clean_key` handles possessives, leading articles, dots in acronyms and corporate
suffixes so "Microsoft Corp." and "Microsoft" share a key, and "U.S." and "US" too.
"""

from __future__ import annotations

import functools
import re
import unicodedata

POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_PUNCT = re.compile(r"[\"“”‘’'`()\[\],;:!?]")
_WS = re.compile(r"\s+")
ARTICLES = ("the ", "a ", "an ")
CORP_SUFFIXES = frozenset(
    {
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "ag",
        "sa",
        "n.v.",
    }
)
# Honorifics and titles that precede personal names; stripped from PERSON mentions' keys.
HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "president",
        "vice",
        "secretary",
        "minister",
        "premier",
        "chancellor",
        "senator",
        "sen",
        "rep",
        "gov",
        "governor",
        "mayor",
        "gen",
        "general",
        "adm",
        "admiral",
        "col",
        "colonel",
        "capt",
        "captain",
        "lt",
        "sgt",
        "judge",
        "justice",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "chairman",
        "chairwoman",
        "councilor",  # "State Councilor Wang Yong"
        "councillor",
        "ceo",
        "ambassador",
        "pm",
    }
)
# Words that, right before a capitalised name, say the name is a person's ("Chancellor Olaf Scholz").
PERSON_TITLES = HONORIFICS | frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "diplomat",
        "founder",
        "co-founder",
        "cofounder",
        "envoy",
        "adviser",
        "advisor",
        "lawmaker",
        "leader",
        "chief",
        "director",
        "coach",
        "dean",
        "miss",
        "commissioner",
        "superintendent",
        "inspector",
        "detective",
        "officer",
        "sheriff",
    }
)
PRONOUNS_PERSONAL = frozenset(
    {"he", "him", "his", "himself", "she", "her", "hers", "herself", "i", "me", "my", "mine", "myself"}
)
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
# Grammatical gender of third-person pronouns and of the honorifics that carry one: the article's
# own evidence of which person a "he" or a "she" can stand for.
MASCULINE = frozenset({"he", "him", "his", "himself", "mr"})
FEMININE = frozenset({"she", "her", "hers", "herself", "mrs", "ms", "miss"})
# Breadcrumb / page-furniture words that never start a real name in clean news text.
NAV_WORDS = frozenset({"home", "latest", "news", "world", "top", "stories", "section", "menu"})


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text.rstrip())


@functools.lru_cache(maxsize=16384)  # pure; called for every n-gram of every phrase
def clean_key(text: str) -> str:
    """Case-folded comparison key: no possessive, article, punctuation, acronym dots or corp suffix."""
    t = strip_possessive(_WS.sub(" ", text).strip())
    t = _PUNCT.sub(" ", t).casefold().strip()
    for art in ARTICLES:
        if t.startswith(art):
            t = t[len(art) :]
    words = [w for w in t.split() if w]
    while len(words) > 1 and words[-1] in CORP_SUFFIXES:
        words.pop()
    words = [w.replace(".", "") if re.fullmatch(r"(?:[a-z]\.){2,}[a-z]?\.?", w) else w for w in words]
    return " ".join(w.strip(".") if w != "." else w for w in words if w.strip("."))


# "H.E. Xi Jinping": His (or Her) Excellency, the diplomatic honorific; told by its dots, as the
# key would read it as the Chinese surname He ("He Lifeng")
_EXCELLENCY = re.compile(r"^\s*H\.\s?E\.\s+")


def person_key(text: str) -> str:
    """Key of a person name with leading honorifics/titles removed."""
    words = clean_key(_EXCELLENCY.sub("", text)).split()
    while len(words) > 1 and words[0].strip(".") in HONORIFICS:
        words.pop(0)
    return " ".join(words)


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Common English short forms of given names (ours, MIT; the usual hypocorisms), so "Tim Geithner"
# and "Timothy Geithner", "Joe Biden" and "Joseph R. Biden Jr." are one person.
NICKNAMES = {
    "tim": "timothy", "bill": "william", "will": "william", "hank": "henry", "bob": "robert",
    "rob": "robert", "mike": "michael", "jim": "james", "jimmy": "james", "joe": "joseph",
    "dick": "richard", "rick": "richard", "chuck": "charles", "charlie": "charles", "ted": "edward",
    "ed": "edward", "tom": "thomas", "dan": "daniel", "dave": "david", "steve": "steven",
    "ben": "benjamin", "nick": "nicholas", "sam": "samuel", "tony": "anthony", "andy": "andrew",
    "alex": "alexander", "larry": "lawrence", "jerry": "gerald", "ron": "ronald", "don": "donald",
    "pat": "patrick", "chris": "christopher", "matt": "matthew", "kate": "katherine",
    "liz": "elizabeth", "sue": "susan", "jeff": "jeffrey", "greg": "gregory", "ken": "kenneth",
    "fred": "frederick", "vlad": "vladimir", "al": "albert",
}  # fmt: skip


def person_parts(text: str) -> tuple[str, tuple[str, ...], str]:
    """(first name, middle names and initials, last name) of a person's name, without honorifics
    and suffixes ("Joseph R. Biden Jr." -> ("joseph", ("r",), "biden")); a one-word name is its last."""
    words = [w for w in person_key(text).split() if w.strip(".") not in SUFFIXES]
    if len(words) < 2:
        return "", (), words[0] if words else ""
    return words[0], tuple(w.strip(".") for w in words[1:-1]), words[-1]


def fold_accents(text: str) -> str:
    """``text`` without diacritics ("Malmström" -> "Malmstrom", "Erdoğan" -> "Erdogan"): one
    spelling whether a source kept the accents or not."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def joined_person_key(text: str) -> str:
    """A person's whole name without spaces and hyphens, for names whose parts sources split
    differently ("Kim Jong-un", "Kim Jong Un" -> "kimjongun"); "" for a plain two-word name, which
    :func:`plain_person_key` already matches."""
    words = [w for w in person_key(fold_accents(text)).split() if w.strip(".") not in SUFFIXES]
    if any(len(w.strip(".")) == 1 for w in words):
        return ""  # initials ("George W. Bush") are middle names, which other rules compare
    if len(words) < 2 or (len(words) < 3 and not any("-" in w for w in words)):
        return ""
    return "".join(ch for ch in "".join(words) if ch.isalpha())


def plain_person_key(text: str) -> str:
    """First and last name ("Barack H. Obama", "Hillary Rodham Clinton" -> "barack obama", "hillary clinton")."""
    first, _, last = person_parts(text)
    return f"{first} {last}".strip()


def given_name_key(text: str) -> str:
    """:func:`plain_person_key` with a short given name spelled out ("Tim Geithner" -> "timothy geithner")."""
    first, _, last = person_parts(text)
    return f"{NICKNAMES.get(first, first)} {last}".strip()


def middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two people's middle names can be one person's: either has none, or they match word
    for word, an initial matching its name ("Rodham" / "R."); "George W. Bush" is not "George H. W. Bush"."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
        for x, y in zip(a, b, strict=True)
    )


def acronym(text: str) -> str:
    """Initials of the capitalised words ("International Monetary Fund" -> "imf"); "" if < 2."""
    words = [w for w in re.split(r"[\s\-]+", text) if w and w[0].isupper()]
    return "".join(w[0] for w in words).casefold() if len(words) >= 2 else ""


def acronyms(text: str) -> set[str]:
    """:func:`acronym`, and the initials with "of"/"for"/"and" kept ("Ministry of Commerce" -> "mc",
    "moc"), as organisations abbreviate both ways; also without a leading country abbreviation."""
    out = {acronym(text)}
    words = [w for w in re.split(r"[\s\-]+", text) if w and (w[0].isupper() or w in ("of", "for", "and"))]
    if len(words) >= 3 and words[0][0].isupper():
        out.add("".join(w[0] for w in words).casefold())
    first, _, rest = text.partition(" ")
    if rest and first.replace(".", "").isupper() and len(first.replace(".", "")) <= 3:
        inner = acronyms(rest)  # "U.S. Securities and Exchange Commission" is also "SEC"
        # and the country's letters in full: "U.S. International Trade Commission" is "USITC",
        # "U.S. Trade Representative" "USTR"
        out |= inner | {first.replace(".", "").casefold() + a for a in inner}
    return {a for a in out if a}


CODE_CHARS = frozenset("_={}<>|\\#")


def is_clean(text: str) -> bool:
    """Whether ``text`` can be a name at all: a letter, and no control or private-use character (a
    stray U+0097 from a mis-decoded page) or page code ("var addthis_config")."""
    return any(ch.isalpha() for ch in text) and not any(
        unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") or ch in CODE_CHARS for ch in text
    )


def is_name(text: str) -> bool:
    """Whether ``text`` can name an actor: :func:`is_clean`, and no word made only of digits unless
    it counts members after "of" ("Group of 20"; "2019" or "Section 301" name no one)."""
    if not is_clean(text) or ";" in text or text.lower().strip(" .,") in CORP_SUFFIXES:
        return False  # "A&amp;E" half-decoded, a bare "Inc."
    words = text.split()
    return all(
        not w.strip(".,;:'’()").isdigit() or (k > 0 and words[k - 1].lower() == "of") for k, w in enumerate(words)
    )


def party_stem(form: str) -> str | None:
    """What a political party and its members are called by ("democratic party", "democrats" and
    "democratic": "democrat"; "tory party", "tories": "tory"; "labour party", "labour": "labour"):
    a party's name drops its head noun ("Labour", "the Communists"), and its members' plural
    names the party ("Democrats won the House")."""
    words = form.split()
    if len(words) >= 2 and words[-1] == "party":
        words = words[:-1]
    elif len(words) != 1:
        return None
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    if last.endswith("tic"):  # "democratic": the adjective of "democrat"
        last = last[:-2]
    return " ".join([*words[:-1], last])
