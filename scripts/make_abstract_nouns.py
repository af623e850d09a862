"""Build ``src/tidings/data/events/abstract_nouns.txt`` from Princeton WordNet 3.0.

Run once by a developer (not at run time)::

    .venv/bin/python scripts/make_abstract_nouns.py [/usr/share/wordnet]

(the Debian package ``wordnet-base`` installs the database there). A one-word noun is written when
WordNet files its first (most frequent) sense under an abstract lexicographer class — an attribute,
a thought, a communication, a feeling, a motive, a relation, a state, a time, a quantity or a
shape ("tactic", "stance", "question", "reputation", "chance") — and none of its senses under a
class of things one can hit, seize or hold: an artifact, an object, a body, a place, a group, a
person, an animal, a plant, food, a substance or a possession ("house", "item", "trust", "right").
Only nouns with a sense tagged in WordNet's sense-tagged corpus are kept (its common words).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "tidings" / "data" / "events" / "abstract_nouns.txt"
DEFAULT = Path("/usr/share/wordnet")
# lexicographer file numbers (WordNet's lexnames)
# attribute cognition communication feeling motive relation state time quantity shape
ABSTRACT = {7, 9, 10, 12, 16, 24, 26, 28, 23, 25}
# Tops animal artifact body food group location object person plant possession substance
PHYSICAL = {3, 5, 6, 8, 13, 14, 15, 17, 18, 20, 21, 27}
HEADER = """# Nouns whose first WordNet sense is abstract and none of whose senses is a thing one can hit,
# seize or hold (an artifact, object, place, group, person, possession ...); from Princeton
# WordNet 3.0 (WordNet 3.0 licence, see README.md); built by scripts/make_abstract_nouns.py
"""


def classes(wordnet: Path) -> dict[str, list[int]]:
    """noun -> the lexicographer class of each sense, most frequent first (tagged nouns only)."""
    lexfile: dict[str, int] = {}
    for line in (wordnet / "data.noun").read_text("latin-1").splitlines():
        if not line.startswith("  "):
            offset, number = line.split(" ", 2)[:2]
            lexfile[offset] = int(number)
    out: dict[str, list[int]] = {}
    for line in (wordnet / "index.noun").read_text("latin-1").splitlines():
        if line.startswith("  "):
            continue
        f = line.split()
        senses, pointers = int(f[2]), int(f[3])
        tagged = int(f[5 + pointers])
        if tagged > 0 and f[0].isalpha():
            out[f[0]] = [lexfile[o] for o in f[6 + pointers : 6 + pointers + senses]]
    return out


def main() -> None:
    wordnet = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    words = sorted(w for w, c in classes(wordnet).items() if c and c[0] in ABSTRACT and not set(c) & PHYSICAL)
    OUT.write_text(HEADER + "\n".join(words) + "\n", "utf-8")
    print(f"{len(words)} nouns -> {OUT}")


if __name__ == "__main__":
    main()
