"""Toponym resolution benchmark: tidings vs a population-only baseline over the same gazetteer.

    .venv/bin/python bench/geo.py [DATA_DIR]        # default ../shared/data/geo

Gold spans are given (LGL dev, GeoWebNews dev, GeoVirus); every gold toponym with
coordinates counts, so a name with no gazetteer candidate is an error. Metrics:
accuracy within 161 km (100 miles, Gritta et al.), a country-level answer to a
country-level toponym counts as correct whatever the two representative points (the
gold country points are GeoNames', ours come from another source), and country accuracy
(LGL's gold country; for the other sets the country of the populated place nearest the
gold point).
"""

from __future__ import annotations

import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tidings.facts.places.gazetteer import GazEntry, Gazetteer, haversine_km
from tidings.facts.places.toponyms import clean_name, resolve

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "data" / "geo"
SETS = {"lgl_dev": "lgl_dev.xml", "gwn_dev": "gwn_dev.xml", "geovirus": "geovirus.xml"}


@dataclass
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    cc: str | None
    is_country: bool | None


def _f(el: ET.Element, tag: str) -> str:
    return (el.findtext(tag) or "").strip()


def align(text: str, start: int, name: str) -> int:
    for delta in (0, -1, 1, -2, 2):
        if text[start + delta : start + delta + len(name)] == name:
            return start + delta
    return start


def load_set(path: Path) -> list[tuple[str, list[Gold]]]:
    root = ET.parse(path).getroot()
    docs: list[tuple[str, list[Gold]]] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds: list[Gold] = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is not None:  # LGL
                if not _f(gaz, "lat"):
                    continue
                country = gaz.find("country")
                cc_id = None if country is None else country.get("geonameid")
                is_country = _f(gaz, "fcode").startswith("PCL")
                golds.append(Gold(int(_f(t, "start")), int(_f(t, "end")), float(_f(gaz, "lat")),
                                  float(_f(gaz, "lon")), cc_id, is_country))  # fmt: skip
            elif _f(t, "latitude"):  # GeoWebNews
                golds.append(Gold(int(_f(t, "start")), int(_f(t, "end")), float(_f(t, "latitude")),
                                  float(_f(t, "longitude")), None, None))  # fmt: skip
        for loc in art.iter("location"):  # GeoVirus: offsets are one off; re-anchor on the name
            if _f(loc, "lat"):
                start = align(text, int(_f(loc, "start")), _f(loc, "name"))
                golds.append(Gold(start, start + len(_f(loc, "name")), float(_f(loc, "lat")),
                                  float(_f(loc, "lon")), None, None))  # fmt: skip
        if golds:
            docs.append((text, golds))
    return docs


class Nearest:
    """Country of the populated place nearest a point (to label gold points with a country)."""

    def __init__(self, gaz: Gazetteer):
        pts = [e for e in gaz.entries if e.feature in ("city", "capital")]
        self.cc = [e.cc for e in pts]
        self.xyz = self._xyz(np.array([e.lat for e in pts]), np.array([e.lon for e in pts]))
        self.by_geonameid = {str(e.id): e.cc for e in gaz.entries if e.feature == "country"}

    @staticmethod
    def _xyz(lat: Any, lon: Any) -> Any:
        la, lo = np.radians(lat), np.radians(lon)
        return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)

    def country(self, lat: float, lon: float) -> str:
        v = self._xyz(np.array([lat]), np.array([lon]))[0]
        return self.cc[int(np.argmax(self.xyz @ v))]


def score_set(gaz: Gazetteer, docs: list[tuple[str, list[Gold]]], near: Nearest) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for label, use_context in (("tidings", True), ("population", False)):
        n = hit161 = hit_cc = covered = 0
        t0 = time.perf_counter()
        for text, golds in docs:
            picks = resolve(gaz, text, [(g.start, g.end) for g in golds], context=use_context)
            for g, p in zip(golds, picks, strict=True):
                n += 1
                gold_cc = near.by_geonameid.get(g.cc or "") or near.country(g.lat, g.lon)
                is_country = g.is_country
                if is_country is None:  # no gold feature code: a country name resolving to that country
                    is_country = any(c.feature == "country" and c.cc == gold_cc
                                     for c in gaz.candidates(clean_name(text[g.start:g.end])))  # fmt: skip
                if p is None:
                    continue
                covered += 1
                hit_cc += p.cc == gold_cc
                ok = haversine_km(p.lat, p.lon, g.lat, g.lon) <= 161.0
                hit161 += ok or (is_country and p.feature == "country" and p.cc == gold_cc)
        out[label] = {
            "n": n,
            "acc161": hit161 / n,
            "country": hit_cc / n,
            "coverage": covered / n,
            "ms_per_toponym": 1000 * (time.perf_counter() - t0) / n,
        }
    return out


def run(data_dir: Path = DEFAULT) -> dict[str, dict[str, dict[str, float]]]:
    gaz = Gazetteer.load()
    near = Nearest(gaz)
    return {name: score_set(gaz, load_set(data_dir / fn), near) for name, fn in SETS.items()
            if (data_dir / fn).exists()}  # fmt: skip


def describe(entry: GazEntry | None) -> str:
    return "-" if entry is None else f"{entry.name} ({entry.fcode}, {entry.cc})"


def main(argv: list[str]) -> None:
    data_dir = Path(argv[0]) if argv else DEFAULT
    results = run(data_dir)
    print(f"{'set':10} {'n':>5}  {'acc@161 tidings':>15} {'population':>10} {'ratio':>6}   "
          f"{'country tidings':>15} {'population':>10}   {'coverage':>8}")  # fmt: skip
    for name, r in results.items():
        t, b = r["tidings"], r["population"]
        print(f"{name:10} {int(t['n']):5}  {t['acc161']:15.3f} {b['acc161']:10.3f} "
              f"{t['acc161'] / max(b['acc161'], 1e-9):6.2f}   {t['country']:15.3f} {b['country']:10.3f}   "
              f"{t['coverage']:8.3f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
