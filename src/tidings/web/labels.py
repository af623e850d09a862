"""Human names for every code a page shows, and codes for the names people type.

Country names come from the CAMEO country table shipped in ``tidings/data/events`` (ISO name where
there is one), names typed into a search are read with the actor coder's country table
(``tidings/data/actors``: names, demonyms, capitals, aliases); CAMEO and PLOVER names from the
codebook; theme labels from the issue taxonomy. Loaded once per app (:class:`Labels`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from typing import Any

from tidings.facts.actors.tables import load_tables
from tidings.facts.issues.taxonomy import load_taxonomy
from tidings.ontology.codebook import PLOVER_TYPES, load_codebook

QUAD_NAMES = {
    "1": "Verbal cooperation",
    "2": "Material cooperation",
    "3": "Verbal conflict",
    "4": "Material conflict",
}
FACTUALITY_NAMES = {
    "asserted": "Asserted (happened)",
    "planned": "Planned or announced",
    "hypothetical": "Hypothetical",
    "negated": "Negated (did not happen)",
    "alleged": "Alleged",
}
FACET_TITLES = {
    "plover": "Event type (PLOVER)",
    "cameo_root": "CAMEO root",
    "quad": "Cooperation / conflict",
    "dyad": "Country pair",
    "actor": "Actor",
    "factuality": "Factuality",
    "place": "Place",
    "site": "Source outlet",
    "year": "Year",
}


def _csv(name: str) -> list[dict[str, str]]:
    text = resources.files("tidings.data.events").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _title(upper: str) -> str:
    """'EXPRESS INTENT TO COOPERATE' -> 'Express intent to cooperate'."""
    return upper[:1].upper() + upper[1:].lower() if upper.isupper() else upper


@dataclass(frozen=True)
class Labels:
    countries: dict[str, str]  # code -> name
    country_keys: dict[str, str]  # lower-case name, demonym, alias or code -> code
    cameo_roots: dict[str, str]
    plover: dict[str, str]  # type -> definition
    themes: dict[str, str]  # issue id -> label

    @classmethod
    def load(cls) -> Labels:
        countries = {r["cameo_code"]: r["iso_name"] or r["name"] for r in _csv("cameo_country_codes.csv")}
        keys = {name: hit.iso3 or hit.code for name, hit in load_tables().countries.items() if hit.kind != "place"}
        keys.update({code.lower(): code for code in countries})
        keys.update({name.lower(): code for code, name in countries.items()})
        roots = {r["cameo_root"]: _title(r["name"]) for r in _csv("cameo_root_classes.csv")}
        plover = {r["plover_event"]: r["definition"] for r in _csv("plover_event_types.csv")}
        themes = {i.id: i.label for i in load_taxonomy().issues.values()}
        return cls(countries, keys, roots, plover, themes)

    # ------------------------------------------------------------------ code -> name
    def country(self, code: str | None) -> str:
        if not code:
            return "unknown"
        return self.countries.get(code, code)

    def dyad(self, key: str | None) -> str:
        if not key:
            return "no country pair"
        a, _, b = key.partition("-")
        return f"{self.country(a)} – {self.country(b)}"

    def cameo(self, code: str | None) -> str:
        if not code:
            return ""
        book = load_codebook()
        if book.is_valid_cameo(code):
            return _title(book.get(code).name)
        return self.cameo_roots.get(code[:2], code)

    def plover_name(self, event_type: str | None) -> str:
        return event_type.capitalize() if event_type else "untyped"

    def theme(self, issue: str | None) -> str:
        return self.themes.get(issue or "", issue or "")

    def facet_value(
        self, facet: str, value: str, frame_places: dict[str, dict[str, Any]] | None = None, name: str | None = None
    ) -> str:
        """The label of one facet value (``name``: what the read model calls it, e.g. an actor's name)."""
        if name:
            return name
        if facet == "plover":
            return self.plover_name(value)
        if facet == "cameo_root":
            return f"{value} {self.cameo_roots.get(value, '')}".strip()
        if facet == "quad":
            return QUAD_NAMES.get(value, value)
        if facet == "dyad":
            return self.dyad(value)
        if facet == "factuality":
            return FACTUALITY_NAMES.get(value, value)
        if facet == "place" and frame_places and value in frame_places:
            p = frame_places[value]
            return f"{p.get('name')}, {self.country(p.get('country'))}" if p.get("country") else str(p.get("name"))
        return value

    # ------------------------------------------------------------------ name -> code
    def country_code(self, text: str) -> str | None:
        """ "China", "chinese", "CHN", "the United States", "US" -> ISO3 code; None if unknown."""
        key = " ".join(text.lower().split())
        return self.country_keys.get(key) or self.country_keys.get(key.removeprefix("the "))

    def theme_id(self, text: str) -> str | None:
        """A theme by its id or its label, any case ("Taiwan", "trade and tariffs")."""
        key = " ".join(text.lower().split())
        for issue, label in self.themes.items():
            if key in (issue, label.lower(), issue.replace("_", " ")):
                return issue
        return None

    def plover_type(self, text: str) -> str | None:
        key = text.strip().upper()
        return key if key in PLOVER_TYPES else None

    def theme_options(self) -> list[tuple[str, str]]:
        return sorted(self.themes.items(), key=lambda kv: kv[1])
