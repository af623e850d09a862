"""Build the actor tables shipped in ``src/tidings/data/actors/`` from public sources.

Run once by a developer (not at run time)::

    .venv/bin/python scripts/make_actor_tables.py [../shared]

Sources (see ``src/tidings/data/actors/README.md`` for licences):
* ``events/ontology/cameo_country_codes.csv`` and ``cameo_agent_nouns.csv`` / ``cameo_agent_macros.csv``
  (derived from PETRARCH-2 ``Phoenix.Countries.actors.txt`` / ``Phoenix.agents.txt``, MIT);
* PETRARCH-2 ``Phoenix.International.actors.txt`` and ``Phoenix.Countries.actors.txt`` (MIT) for
  organisations and dated person/institution codes;
* the ``countryinfo`` package (MIT) for capitals and demonyms.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tidings" / "data" / "actors"
CODE_RE = re.compile(r"\[([A-Z~]{3,})\s*([<>]?[0-9]*-?[0-9]*)\]")
# Country forms that are ordinary English words, which case-folded keys would read as the country
# ("the island" as Iceland's own name, "male workers" as the Maldives' capital, "a pole", "saga",
# "champagne"): the single-word forms the shared news corpus writes lower-case more often than
# capitalised (nyt_us_china_leads + bbc, counted once when the table was rebuilt).
COMMON_WORDS = frozenset({"island", "male", "pole", "saga", "champagne"})
# A form that names no country once a reader's key is made of it: "The Valley" (Anguilla's
# capital) is read without its article as the word "valley"; a place named only by compass words
# ("North West", a South African province) is a region of any country ("Clwyd North West", "the
# North West of England").
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"})


def _reads_as_word(key: str, kind: str) -> bool:
    """Whether a country form is read as an ordinary word or a region of any country."""
    words = key.split()
    if words[:1] == ["the"] and len(words) == 2 and words[1].isalpha() and kind == "capital":
        return True  # "the valley": the key drops the article, leaving a common noun
    return kind in ("place", "alias") and all(w in COMPASS for w in words)


def _ambiguous_capitals(capitals: dict[str, str]) -> set[str]:
    """Capitals (name -> ISO3) whose name names a more populous place of another country in the
    gazetteer ("Hamilton", Bermuda's capital of 900 people and an Ontario city of 500,000;
    "Victoria", the Seychelles' and an Australian state; "George Town" of the Cayman Islands and of
    Penang): the bare name is more often the other place, or a person ("Lord Hamilton"), than the
    state's capital, so it is not read as that state's government."""
    import gzip

    own: dict[str, int] = {}
    other: dict[str, int] = {}
    iso_of: dict[str, str] = {}
    rows: list[tuple[str, str, int]] = []
    with gzip.open(ROOT / "src/tidings/data/geo/gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["fcode"].startswith("PCL"):
                iso_of[rec["cc"]] = rec["code"]
            elif (key := _clean(rec["name"])) in capitals:
                rows.append((key, rec["cc"], int(rec["population"] or 0)))
    for key, cc, pop in rows:
        side = own if iso_of.get(cc) == capitals[key] else other
        side[key] = max(side.get(key, 0), pop)
    # a capital the gazetteer files under another spelling ("Panamá") has no population of its own
    return {k for k, pop in own.items() if pop and other.get(k, 0) > pop}


def _clean(name: str) -> str:
    name = name.split("#", 1)[0].strip().strip("+").strip()
    name = name.replace("_", " ").strip()
    return re.sub(r"\s+", " ", name).lower()


def _gazetteer() -> tuple[set[str], dict[str, list[str]], dict[str, list[str]]]:
    """(city/admin names, ISO3 -> country name variants, ISO3 -> demonyms) from the places
    helper's GeoNames-derived gazetteer shipped in ``tidings/data/geo``."""
    import gzip

    places: set[str] = set()
    names: dict[str, list[str]] = {}
    demonyms: dict[str, list[str]] = {}
    with gzip.open(ROOT / "src/tidings/data/geo/gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["fcode"].startswith("PCL"):
                names[rec["code"]] = [rec["name"], *(rec["alt"] or "").split("|")]
                demonyms[rec["code"]] = [d for d in (rec["demonyms"] or "").split(",") if d]
            else:
                places.add(_clean(rec["name"]))
    return places, names, demonyms


def build_countries(shared: Path) -> None:
    from countryinfo import CountryInfo  # build-time only

    rows: list[tuple[str, str, str, str]] = []
    seen: dict[str, str] = {}
    places, country_names, demonyms = _gazetteer()
    with open(shared / "data/events/ontology/cameo_country_codes.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            code = rec["cameo_code"]
            iso = code if rec["is_iso3166_alpha3"] == "yes" else ""
            capital, demonym = "", ""
            try:
                info = CountryInfo(iso or rec["name"])
                capital = (info.capital() or "").replace(" D.C.", "")
                demonym = info.demonym() or ""
                iso = iso or (info.iso(3) or "")
            except Exception:
                pass
            forms = [("name", rec["name"]), ("name", rec["iso_name"])]
            if capital:
                forms.append(("capital", capital))
            if demonym:
                forms.append(("demonym", demonym))
            forms += [("name", n) for n in country_names.get(iso, ())]
            forms += [("demonym", d) for d in demonyms.get(iso, ())]
            for alias in rec["aliases_and_places"].split("|"):
                alias = alias.split("+")[0].strip()
                if not alias:
                    continue
                if _clean(alias) in places:
                    kind = "place"
                elif re.search(r"(AN|ESE|ISH|I|IC|CH)$", alias) and " " not in alias and len(alias) >= 5:
                    kind = "demonym"
                else:
                    kind = "alias"
                forms.append((kind, alias))
            for kind, form in forms:
                key = _clean(form)
                if len(key) < 2 or key in seen or key in COMMON_WORDS:  # the first country to claim an alias keeps it
                    continue
                if _reads_as_word(key, kind):
                    continue
                seen[key] = code
                rows.append((key, code, iso, kind))
    ambiguous = _ambiguous_capitals({k: iso for k, _, iso, kind in rows if kind == "capital" and iso})
    rows = [r for r in rows if not (r[3] == "capital" and r[0] in ambiguous)]
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# alias\tcameo_code\tiso3\tkind (name|capital|demonym|alias)\n")
        fh.write("# from shared events/ontology/cameo_country_codes.csv (PETRARCH-2, MIT) + countryinfo (MIT)\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def build_agents(shared: Path) -> None:
    macros: dict[str, list[str]] = {}
    with open(shared / "data/events/ontology/cameo_agent_macros.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            macros[rec["macro"]] = rec["expands_to"].split("|")
    out: dict[str, str] = {}
    with open(shared / "data/events/ontology/cameo_agent_nouns.csv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            phrases = [rec["phrase"]]
            for macro, words in macros.items():
                phrases = [p.replace(macro, w) if macro in p else p for p in phrases for w in words]
            for phrase in phrases:
                if phrase.endswith("MINIST"):  # PETRARCH prefix for minister/ministry
                    phrase += "ER"
                out.setdefault(_clean(phrase), rec["agent_code"])
                if phrase.endswith("MINISTER"):
                    out.setdefault(_clean(phrase[:-2] + "RY"), rec["agent_code"])
    with open(OUT / "agents.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# phrase\tagent_code  (PETRARCH-2 Phoenix.agents.txt via shared cameo_agent_nouns.csv, MIT)\n")
        for phrase, code in sorted(out.items()):
            fh.write(f"{phrase}\t{code}\n")


def _pick_code(codes: list[tuple[str, str]]) -> str | None:
    """Latest code of a dictionary entry: open-ended ``>date`` wins, then the latest range, then undated."""
    if not codes:
        return None
    open_ended = [c for c, d in codes if d.startswith(">")]
    if open_ended:
        return open_ended[-1]
    ranged = [(d.split("-")[-1], c) for c, d in codes if "-" in d]
    undated = [c for c, d in codes if not d]
    if undated and not ranged:
        return undated[0]
    if ranged:
        _end, code = max(ranged, key=lambda t: (len(t[0]) >= 8, t[0]))
        return code
    return codes[-1][0]


def parse_dictionary(path: Path) -> list[tuple[str, str]]:
    """(name form, code) pairs of a PETRARCH actor dictionary (entry + ``+`` synonyms share the codes)."""
    pairs: list[tuple[str, str]] = []
    names: list[str] = []
    codes: list[tuple[str, str]] = []

    def flush() -> None:
        code = _pick_code(codes)
        if code:
            pairs.extend((n, code) for n in names if n)

    for raw in path.read_text("utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        found = [(m.group(1), m.group(2)) for m in CODE_RE.finditer(raw.split("#", 1)[0])]
        if raw[0] in " \t":
            codes.extend(found)
            continue
        if raw.startswith("+"):
            names.append(_clean(CODE_RE.sub("", raw)))
            codes.extend(found)
            continue
        flush()
        names, codes = [_clean(CODE_RE.sub("", raw))], list(found)
    flush()
    return pairs


def build_known(shared: Path, country_aliases: set[str]) -> None:
    base = shared / "data/events/dictionaries/petrarch2"
    rows: dict[str, tuple[str, str]] = {}
    for fname, src in (
        ("Phoenix.International.actors.txt", "intl"),
        ("Phoenix.Countries.actors.txt", "ctry"),
    ):
        for name, code in parse_dictionary(base / fname):
            if name in country_aliases or len(name) < 3 or len(name.split()) > 7:
                continue
            if src == "ctry" and len(code) <= 3:
                continue  # plain country entries are in countries.tsv
            rows.setdefault(name, (code, src))
    with open(OUT / "known_actors.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# name\tcode\tsource  (PETRARCH-2 Phoenix.International/Countries.actors.txt, MIT; latest code)\n")
        for name, (code, src) in sorted(rows.items()):
            fh.write(f"{name}\t{code}\t{src}\n")


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared"
    OUT.mkdir(parents=True, exist_ok=True)
    build_countries(shared)
    build_agents(shared)
    aliases = {line.split("\t")[0] for line in (OUT / "countries.tsv").read_text("utf-8").splitlines()}
    build_known(shared, aliases)


if __name__ == "__main__":
    main()
