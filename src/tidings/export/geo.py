"""Places as GDELT writes them: geo type, "City, Region, Country" full names, FIPS 10-4 country
and ADM1 codes, built from the gazetteer's codes (never from names).

A stored place carries its GeoNames id; the gazetteer gives its country (ISO alpha-2), its
first-level division code and that division's name. GDELT's ADM1 code is the FIPS country code
followed by the FIPS 10-4 code of the division (``CA08`` Ontario, ``TU34`` Istanbul, ``CH22``
Beijing); for the US it is ``US`` + the state's postal code (``USNY``), and a country-level place
has the bare FIPS country code. GeoNames keeps FIPS division codes for most countries, so ours
are GDELT's there; for the countries in :data:`NON_FIPS_ADMIN1` GeoNames switched to other
codes, and we write ``<FIPS>00``, GDELT's own "(general)" code for a place whose division it
does not give, rather than a code that means another place in FIPS.

Feature ids are GeoNames ids (GDELT uses GNS/GNIS ids, which we do not have); for countries
and US states they are the FIPS and postal codes, as in GDELT.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.facts.places.gazetteer import GazEntry, Gazetteer

# Countries whose GeoNames first-level codes are not FIPS 10-4 division codes: ISO 3166-2
# codes (GB ENG, BE BRU, CH GE, ME), statistical or reformed regions (GR ESYE31, FR 11 = INSEE
# region, IE/UG provinces, PH regions, KE counties since 2013). Found by comparing our codes
# with GDELT's on the real rows in ../shared/data/gdelt_sample (tests/export/test_gdelt_geo.py).
NON_FIPS_ADMIN1 = frozenset({"GB", "BE", "CH", "ME", "GR", "FR", "IE", "UG", "PH", "KE"})
_FIPS_ADMIN1 = re.compile(r"^[A-Z0-9]{2}$")
GENERAL = "00"  # GDELT's ADM1 code for "the country, no division given"


@dataclass(frozen=True, slots=True)
class GeoFields:
    """The eight GDELT geo columns of one place."""

    type: int  # 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1
    full_name: str
    country: str  # FIPS 10-4
    adm1: str
    lat: float
    lon: float
    feature_id: str

    def cells(self) -> list[str]:
        """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
        return [str(self.type), self.full_name, self.country, self.adm1, "",
                f"{self.lat:.4f}", f"{self.lon:.4f}", self.feature_id]  # fmt: skip


EMPTY_GEO = ["0", "", "", "", "", "", "", ""]


@lru_cache(maxsize=1)
def fips_by_iso2() -> Mapping[str, str]:
    text = resources.files("tidings").joinpath("data/events/fips10_4.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]
    return {iso2: fips for iso2, _iso3, fips in rows}


@lru_cache(maxsize=1)
def fips_by_iso3() -> Mapping[str, str]:
    text = resources.files("tidings").joinpath("data/events/fips10_4.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")][1:]
    return {iso3: fips for _iso2, iso3, fips in rows if iso3}


class GeoCoder:
    """GDELT geo fields for stored places and actors' countries (one gazetteer index per export)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or Gazetteer.load()
        self._by_id = {e.id: e for e in self.gaz.entries}
        self._by_iso3 = {e.code: e for e in self.gaz.entries if e.fcode == "PCLI" and e.code}
        # a division's name: some countries have several ADM1 rows under one code (Lithuania's
        # municipalities under their county's code); the most populous names the division
        self._regions: dict[tuple[str, str], GazEntry] = {}
        for e in self.gaz.entries:
            key = (e.cc, e.admin1)
            if e.fcode == "ADM1" and (key not in self._regions or e.population > self._regions[key].population):
                self._regions[key] = e

    def entry(self, place: Mapping[str, Any] | None) -> GazEntry | None:
        """The gazetteer entry of a stored place (by GeoNames id), if it has one."""
        if not place or place.get("geonameid") is None:
            return None
        return self._by_id.get(int(place["geonameid"]))

    def country_entry(self, iso3: str | None) -> GazEntry | None:
        return self._by_iso3.get(iso3 or "")

    def region_name(self, entry: GazEntry) -> str:
        admin = self._regions.get((entry.cc, entry.admin1)) if entry.admin1 else None
        return admin.name if admin is not None else ""

    def country_name(self, cc: str) -> str:
        country = self.gaz.country(cc)
        return country.name if country is not None else cc

    def adm1_code(self, entry: GazEntry) -> str:
        """GDELT's ADM1 code for a gazetteer entry (see the module docstring)."""
        fips = fips_by_iso2().get(entry.cc, "")
        if not fips or entry.feature == "country":
            return fips
        code = entry.admin1
        if entry.cc in NON_FIPS_ADMIN1 or not _FIPS_ADMIN1.match(code or ""):
            return fips + GENERAL
        return fips + code

    def fields(self, entry: GazEntry) -> GeoFields | None:
        """GDELT geo fields of a gazetteer entry; None for places outside any country (seas)."""
        fips = fips_by_iso2().get(entry.cc)
        if not fips:
            return None
        country = self.country_name(entry.cc)
        feature = entry.feature
        if feature == "country":
            return GeoFields(1, country, fips, fips, entry.lat, entry.lon, fips)
        adm1 = self.adm1_code(entry)
        if entry.cc == "US" and feature == "adm1":
            return GeoFields(2, f"{entry.name}, {country}", fips, adm1, entry.lat, entry.lon, entry.admin1)
        region = entry.name if feature == "adm1" else self.region_name(entry)
        full = ", ".join(part for part in (entry.name, region, country) if part)
        if entry.cc == "US":
            return GeoFields(3, full, fips, adm1, entry.lat, entry.lon, str(entry.id))
        return GeoFields(5 if feature == "adm1" else 4, full, fips, adm1, entry.lat, entry.lon, str(entry.id))

    def place_cells(self, place: Mapping[str, Any] | None) -> list[str]:
        entry = self.entry(place)
        geo = self.fields(entry) if entry is not None else None
        return geo.cells() if geo is not None else list(EMPTY_GEO)

    def actor_cells(self, actor: Mapping[str, Any] | None, places: Sequence[Mapping[str, Any]]) -> list[str]:
        """Where an actor is, as the text gives it: the place that names it ("Beijing said"),
        else its country; empty for actors of no country (IGOs, unnamed groups)."""
        if not actor:
            return list(EMPTY_GEO)
        start, end = actor.get("start"), actor.get("end")
        if start is not None and end is not None:
            for place in places:
                if place["start"] < end and start < place["end"]:
                    cells = self.place_cells(place)
                    if cells[0] != "0":
                        return cells
        entry = self.country_entry(actor.get("country"))
        geo = self.fields(entry) if entry is not None else None
        return geo.cells() if geo is not None else list(EMPTY_GEO)
