"""Build ``src/tidings/data/entities/person_nouns.tsv`` from Princeton WordNet 3.0.

Run once by a developer (not at run time)::

    .venv/bin/python scripts/make_person_nouns.py [/usr/share/wordnet/data.noun]

(the Debian package ``wordnet-base`` installs ``data.noun`` there). A one-word noun at least half
the senses of which are persons is written ("official", "minister", "president"), with the gender
"f" or "m" when *every* one of its noun senses is a person of that gender: a hyponym of
``female_person``/``male_person`` (``widow``, ``wife``, ``boy``) or a sense WordNet glosses as "a
female ..."/"a woman ..." ("actress: a female actor"). A word with one ungendered sense ("doctor"),
one of the other gender, or a sense that is no person ("queen" the chess piece) is left out, as
are named individuals (instance senses). Compounds on "-woman" whose synset WordNet shares with the
"-man" form ("chairwoman" with "chairman", "spokeswoman") are feminine by their head; the "-man"
forms are not taken as masculine ("the chairman" is said of women too). Every other person noun
has the gender "-".
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tidings" / "data" / "entities" / "person_nouns.tsv"
DEFAULT = Path("/usr/share/wordnet/data.noun")
PERSON, FEMALE, MALE = "00007846", "09619168", "09624168"  # person.n.01, female.n.02, male.n.02
FEMALE_GLOSS = re.compile(r"^an? (female|woman|girl)\b")
MALE_GLOSS = re.compile(r"^an? (male|man|boy)\b")
HEADER = """# word\tgender (f/m, - for either)
# Nouns at least half the senses of which are persons; f/m where every sense is a person of that
# gender; from Princeton WordNet 3.0 (WordNet 3.0 licence, see README.md); built by
# scripts/make_person_nouns.py
"""


def read(path: Path) -> tuple[dict[str, tuple[list[str], str, bool]], dict[str, list[str]]]:
    """synset offset -> (lemmas, gloss, is an instance); offset -> hypernym offsets."""
    synsets: dict[str, tuple[list[str], str, bool]] = {}
    hypernyms: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text("latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        body, _, gloss = line.partition(" | ")
        f = body.split()
        count = int(f[3], 16)
        lemmas = [f[4 + 2 * i].lower() for i in range(count)]
        i = 4 + 2 * count
        pointers = int(f[i])
        instance = False
        for n in range(pointers):
            symbol, target, pos = f[i + 1 + 4 * n], f[i + 2 + 4 * n], f[i + 3 + 4 * n]
            if symbol in ("@", "@i") and pos == "n":
                hypernyms[f[0]].append(target)
                instance = instance or symbol == "@i"
        synsets[f[0]] = (lemmas, gloss.strip(), instance)
    return synsets, hypernyms


def build(path: Path) -> dict[str, str]:
    synsets, hypernyms = read(path)
    above: dict[str, set[str]] = {}

    def ancestors(offset: str) -> set[str]:
        if offset not in above:
            seen: set[str] = set()
            stack = list(hypernyms[offset])
            while stack:
                h = stack.pop()
                if h not in seen:
                    seen.add(h)
                    stack.extend(hypernyms[h])
            above[offset] = seen
        return above[offset]

    def gender(offset: str) -> str:
        up = ancestors(offset) | {offset}
        _, gloss, instance = synsets[offset]
        if PERSON not in up or instance:
            return "-"
        if FEMALE in up or FEMALE_GLOSS.match(gloss):
            return "f"
        if MALE in up or MALE_GLOSS.match(gloss):
            return "m"
        return "-"

    senses: dict[str, list[str]] = defaultdict(list)
    for offset, (lemmas, _, _) in synsets.items():
        for lemma in lemmas:
            senses[lemma].append(offset)
    out: dict[str, str] = {}
    for word, offsets in senses.items():
        if not word.isalpha():
            continue  # multiword lemmas ("cleaning_lady") and abbreviations
        kinds = {gender(o) for o in offsets}
        persons = sum(PERSON in ancestors(o) and not synsets[o][2] for o in offsets)
        if kinds in ({"f"}, {"m"}):
            out[word] = kinds.pop()
        elif word.endswith("woman") and len(word) > len("woman") and persons == len(offsets):
            out[word] = "f"
        elif 2 * persons >= len(offsets):
            out[word] = "-"  # a person of either gender in at least half its senses ("official")
    return out


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    rows = build(path)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{w}\t{g}\n" for w, g in sorted(rows.items()))
    OUT.write_text(HEADER + body, "utf-8")
    counts = {g: sum(v == g for v in rows.values()) for g in "fm-"}
    print(f"{OUT}: {counts['f']} feminine, {counts['m']} masculine, {counts['-']} of either gender")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
