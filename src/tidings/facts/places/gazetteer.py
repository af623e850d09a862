"""The offline gazetteer: GeoNames-derived places shipped in ``tidings/data/geo``.

The table (built by ``scripts/build_gazetteer.py``; sources and licenses in the README
beside it) holds countries, first- and second-level divisions, every populated place with
at least 1000 inhabitants with its Latin-script alternate names, US places of 500 or more,
US post-office place names (villages, New England towns, city neighbourhoods), and
hand-made seas, straits, regions and islands. Names are matched on a folded key (no accents, case,
dots or hyphens), so "Sao Paulo", "São Paulo" and "SAO PAULO" meet.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

_FEATURES = {
    "PCL": "country",
    "ADM1": "adm1",
    "ADM2": "adm2",
    "SEA": "sea",
    "OCN": "sea",
    "STRT": "sea",
    "GULF": "sea",
    "CNL": "sea",
    "RGN": "region",
    "CONT": "region",
    "PEN": "region",
    "ISL": "island",
}


MINOR_FCODES = frozenset({"PPL", "PPLZ"})  # PPLZ: ours, a US post-office name (see the data README)
MINOR_POPULATION = 1000


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer place. ``cc`` is ISO 3166-1 alpha-2 ("" for seas and regions that
    span countries); ``admin1`` the GeoNames first-level code within ``cc``."""

    id: int
    name: str
    fcode: str
    cc: str
    admin1: str
    code: str
    lat: float
    lon: float
    population: int

    @property
    def feature(self) -> str:
        """country|adm1|adm2|capital|city|sea|region|island."""
        if self.fcode == "PPLC":
            return "capital"
        if self.fcode.startswith(("PPL", "STLMT")):
            return "city"
        return _FEATURES.get(self.fcode, _FEATURES.get(self.fcode[:3], "other"))

    @property
    def minor(self) -> bool:
        """A village or post-office name under 1000 inhabitants (or of unknown size: ``PPLZ``).
        Many bear ordinary words and first names ("United", "Section", "Michael"), so detection
        takes them only where the text itself says "place"."""
        return self.fcode in MINOR_FCODES and self.population < MINOR_POPULATION


_DOTS = re.compile(r"[.\u2019'`]")
_SEPS = re.compile(r"[\s\-\u2010-\u2015/]+")


def name_key(name: str) -> str:
    """Folded lookup key: no accents, lower case, no dots/apostrophes, single spaces,
    "Saint"/"Mount"/"Fort" as their abbreviations, a leading particle joined to the next word
    and no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _SEPS.sub(" ", _DOTS.sub("", text)).strip()
    if text.startswith("the "):
        text = text[4:]
    words = text.split(" ")
    if words and words[0] in ("saint", "mount", "fort", "sainte"):
        words[0] = {"saint": "st", "mount": "mt", "fort": "ft", "sainte": "ste"}[words[0]]
    if len(words) > 1 and words[0] in _PARTICLES:  # "De Soto Parish" is "DeSoto Parish"
        words[:2] = [words[0] + words[1]]
    return " ".join(words)


# Leading particles that US names write both apart and joined ("La Grange", "LaGrange")
_PARTICLES = frozenset({"mc", "mac", "de", "la", "le", "du"})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def default_table() -> Path:
    return Path(str(resources.files("tidings") / "data" / "geo" / "gazetteer.tsv.gz"))


class Gazetteer:
    """Name -> candidate places, plus country and first-level-division look-ups."""

    def __init__(self, entries: list[GazEntry], names: dict[str, list[int]], demonyms: dict[str, int]):
        self.entries = entries
        self._names = names
        self._demonyms = demonyms
        self._countries = {e.cc: e for e in entries if e.fcode == "PCLI"}
        self._admin1 = {(e.cc, e.admin1): e for e in entries if e.fcode == "ADM1"}

    @staticmethod
    def load(path: Path | None = None) -> Gazetteer:
        """The shipped table (cached per process: it is immutable data)."""
        return _load(str(path or default_table()))

    def candidates(self, name: str) -> list[GazEntry]:
        """Every entry whose name or alternate name folds to ``name``'s key, largest first."""
        idx = self._names.get(name_key(name), [])
        return sorted((self.entries[i] for i in idx), key=lambda e: -e.population)

    def country(self, cc: str) -> GazEntry | None:
        return self._countries.get(cc.upper())

    def iso3(self, cc: str) -> str | None:
        entry = self._countries.get(cc.upper())
        return entry.code if entry else None

    def admin1(self, cc: str, admin1: str) -> GazEntry | None:
        return self._admin1.get((cc, admin1))

    def demonym(self, word: str) -> GazEntry | None:
        """The country of a demonym ("Chinese" -> China), if the table knows it."""
        idx = self._demonyms.get(name_key(word))
        return self.entries[idx] if idx is not None else None

    def __len__(self) -> int:
        return len(self.entries)


@lru_cache(maxsize=2)
def _load(path: str) -> Gazetteer:
    entries: list[GazEntry] = []
    names: dict[str, list[int]] = {}
    demonyms: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {c: i for i, c in enumerate(header)}
        for line in fh:
            f = line.rstrip("\n").split("\t")
            i = len(entries)
            entries.append(
                GazEntry(
                    id=int(f[col["id"]]),
                    name=f[col["name"]],
                    fcode=f[col["fcode"]],
                    cc=f[col["cc"]],
                    admin1=f[col["admin1"]],
                    code=f[col["code"]],
                    lat=float(f[col["lat"]]),
                    lon=float(f[col["lon"]]),
                    population=int(f[col["population"]] or 0),
                )
            )
            alts = f[col["alt"]].split("|") if f[col["alt"]] else []
            # names are stored as folded keys already (see scripts/build_gazetteer.py)
            for key in alts:
                names.setdefault(key, []).append(i)
            for dem in f[col["demonyms"]].split("|") if f[col["demonyms"]] else []:
                # "American" is also the demonym of US territories: keep the largest country
                key = name_key(dem)
                if key not in demonyms or entries[demonyms[key]].population < entries[i].population:
                    demonyms[key] = i
    return Gazetteer(entries, names, demonyms)
