"""Place names in news, end to end from raw text: tidings vs a population prior.

    .venv/bin/python bench/geo.py [DATA_DIR] [--half test|tune|all] [--errors]   # default ../shared/data/geo

``--errors`` lists every gold toponym no place of ours covers (on the half asked; tune to write rules
from), with its context, what spaCy saw there and whether the gazetteer knows the name.

Sets: LGL dev (local US newspapers), GeoWebNews dev, GeoVirus (Wikinews). Each article's text
goes the way a user's does (record body -> article -> parse -> entities -> places,
``end_to_end.Runner``; LGL's download time is the publication date) and gold offsets are carried
onto the article text. Articles are split by a stable hash, half of each set each side
(``end_to_end.halves``): rules are tuned on *tune*; the bench reports *test* unless asked and the
floors pin *test*.

Gold = every toponym with coordinates. *found* = one of our places overlaps it; *right* = that
place lies within 161 km (100 miles, Gritta et al.) of the gold point, or both are the same
country (the gold country points are GeoNames', ours may differ); of found and of all. The
anchor resolves the same found spans by population alone over the same gazetteer; spaCy's own
GPE/LOC/FAC entities are the detection anchor. *P* = our places that overlap a gold toponym
(LGL and GeoWebNews annotate every toponym; GeoVirus only the outbreak's locations).
The former bench (gold spans given; also country accuracy) stays as a second table.
"""

from __future__ import annotations

import hashlib
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tidings.facts.places.gazetteer import GazEntry, Gazetteer, haversine_km
from tidings.facts.places.toponyms import candidates_for, clean_name, resolve

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))  # end_to_end, gold_text: shared by the benches
FLOORS = ROOT / "bench" / "floors" / "geo.json"
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


@dataclass
class GeoDoc:
    id: str
    text: str
    golds: list[Gold]  # toponyms with coordinates
    spans: list[tuple[int, int]]  # every annotated toponym (for precision)
    published: str | None = None
    url: str | None = None


def load_docs(path: Path) -> list[GeoDoc]:
    root = ET.parse(path).getroot()
    docs: list[GeoDoc] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        golds: list[Gold] = []
        spans: list[tuple[int, int]] = []
        for t in art.iter("toponym"):
            if _f(t, "type") not in ("Non_Toponym", "Homonym", "Literal_Expression", "Non_Lit_Expression"):
                spans.append((int(_f(t, "start")), int(_f(t, "end"))))
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
                spans.append((start, start + len(_f(loc, "name"))))
        if golds:
            doc_id = art.get("docid") or art.get("file") or hashlib.sha256(text.encode()).hexdigest()[:16]
            published, url = (_f(art, "dltime") or "")[:10] or None, _f(art, "url") or _f(art, "link") or None
            docs.append(GeoDoc(f"{path.stem}:{doc_id}", text, golds, spans, published, url))
    return docs


def load_set(path: Path, half: str = "all") -> list[GeoDoc]:
    """One set's articles of one half (split by article, half of every set each side)."""
    from end_to_end import halves, pick

    docs = load_docs(path)
    return pick(docs, halves([(path.stem, d.id) for d in docs]), lambda d: d.id, half)


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


def is_right(gaz: Gazetteer, near: Nearest, text: str, g: Gold, p: Any) -> tuple[bool, bool]:
    """(within 161 km or the same country for a country-level toponym, same country)."""
    gold_cc = near.by_geonameid.get(g.cc or "") or near.country(g.lat, g.lon)
    is_country = g.is_country
    if is_country is None:  # no gold feature code: a country name resolving to that country
        is_country = any(c.feature == "country" and c.cc == gold_cc
                         for c in gaz.candidates(clean_name(text[g.start:g.end])))  # fmt: skip
    cc = p.cc if isinstance(p, GazEntry) else _cc2(gaz, p.country)
    feature = p.feature
    ok = haversine_km(p.lat, p.lon, g.lat, g.lon) <= 161.0
    return ok or bool(is_country and feature == "country" and cc == gold_cc), cc == gold_cc


def _cc2(gaz: Gazetteer, iso3: str | None) -> str | None:
    if not iso3:
        return None
    return next((e.cc for e in gaz.entries if e.fcode == "PCLI" and e.code == iso3), None)


def score_set(gaz: Gazetteer, docs: list[GeoDoc], near: Nearest) -> dict[str, dict[str, float]]:
    """Gold spans given: resolution alone (the former bench)."""
    out: dict[str, dict[str, float]] = {}
    for label, use_context in (("tidings", True), ("population", False)):
        n = hit161 = hit_cc = covered = 0
        t0 = time.perf_counter()
        for doc in docs:
            text, golds = doc.text, doc.golds
            picks = resolve(gaz, text, [(g.start, g.end) for g in golds], context=use_context)
            for g, p in zip(golds, picks, strict=True):
                n += 1
                if p is None:
                    continue
                covered += 1
                ok, same_cc = is_right(gaz, near, text, g, p)
                hit_cc += same_cc
                hit161 += ok
        out[label] = {
            "n": n,
            "acc161": hit161 / n,
            "country": hit_cc / n,
            "coverage": covered / n,
            "ms_per_toponym": 1000 * (time.perf_counter() - t0) / n,
        }
    return out


def end_to_end(gaz: Gazetteer, docs: list[GeoDoc], near: Nearest, misses: list[str] | None = None) -> dict[str, Any]:
    """Detection and resolution together, from raw text; the anchors on the same articles.
    ``misses``: filled with one line per gold toponym not found (``--errors``)."""
    from end_to_end import Runner
    from tidings.facts.entities.stage import EntityStage
    from tidings.facts.places.stage import PlaceStage

    t0 = time.perf_counter()
    records = [{"text": d.text, "published": d.published, "url": d.url} for d in docs]
    done = Runner([EntityStage(), PlaceStage(gaz)]).run(records)
    seconds = time.perf_counter() - t0
    c = {k: 0 for k in ("n", "found", "right", "pop_right", "ner_found", "pred", "pred_ok")}
    for doc, got in zip(docs, done, strict=True):
        text = got.article.text
        places = list(got.facts["places"])
        pop = resolve(gaz, text, [(p.start, p.end) for p in places], context=False)
        ner = [(e.start_char, e.end_char) for e in got.doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        annotated = [m for m in (got.offsets.span(s, e) for s, e in doc.spans) if m is not None]
        c["pred"] += len(places)
        c["pred_ok"] += sum(any(p.start < e and s < p.end for s, e in annotated) for p in places)
        for g in doc.golds:
            c["n"] += 1
            where = got.offsets.span(g.start, g.end)
            if where is None:
                continue
            moved = Gold(where[0], where[1], g.lat, g.lon, g.cc, g.is_country)
            c["ner_found"] += any(s < moved.end and moved.start < e for s, e in ner)
            k = _best(places, moved)
            if k is None:
                if misses is not None:
                    misses.append(_miss_line(gaz, doc.id, text, moved, got.doc.ents))
                continue
            c["found"] += 1
            c["right"] += is_right(gaz, near, text, moved, places[k])[0]
            alt = pop[k]
            c["pop_right"] += alt is not None and is_right(gaz, near, text, moved, alt)[0]
    n, found = c["n"], max(c["found"], 1)
    return {
        "n": n,
        "found": c["found"] / n,
        "right_of_found": c["right"] / found,
        "right_of_all": c["right"] / n,
        "precision": c["pred_ok"] / max(c["pred"], 1),
        "population": {
            "found": c["found"] / n,
            "right_of_found": c["pop_right"] / found,
            "right_of_all": c["pop_right"] / n,
        },
        "spacy_found": c["ner_found"] / n,
        "seconds": seconds,
    }


def _miss_line(gaz: Gazetteer, doc_id: str, text: str, g: Gold, ents: Any) -> str:
    """ "known|unknown  spaCy labels  doc  ...context [[toponym]] context..." """
    name = text[g.start : g.end]
    labels = ",".join(sorted({e.label_ for e in ents if e.start_char < g.end and g.start < e.end_char})) or "-"
    known = "known" if candidates_for(gaz, clean_name(name)) else "unknown"
    before = text[max(0, g.start - 60) : g.start].replace("\n", " ")
    after = text[g.end : g.end + 40].replace("\n", " ")
    return f"{known:7} {labels:12} {doc_id:24} {before}[[{name}]]{after}"


def _best(places: list[Any], g: Gold) -> int | None:
    """Index of the place overlapping the gold span most."""
    best, size = None, 0
    for k, p in enumerate(places):
        over = min(p.end, g.end) - max(p.start, g.start)
        if over > size:
            best, size = k, over
    return best


def run(data_dir: Path = DEFAULT, half: str = "test", errors: bool = False) -> dict[str, dict[str, Any]]:
    gaz = Gazetteer.load()
    near = Nearest(gaz)
    out: dict[str, dict[str, Any]] = {}
    for name, fn in SETS.items():
        if not (data_dir / fn).exists():
            continue
        docs = load_set(data_dir / fn, half)
        misses: list[str] | None = [] if errors else None
        e2e = end_to_end(gaz, docs, near, misses)
        out[name] = {**score_set(gaz, docs, near), "end_to_end": e2e, "docs": len(docs), "misses": misses or []}
    return out


def describe(entry: GazEntry | None) -> str:
    return "-" if entry is None else f"{entry.name} ({entry.fcode}, {entry.cc})"


def main(argv: list[str]) -> None:
    import json

    from end_to_end import data_dir_arg, half_arg, ratio

    half, rest = half_arg(argv, __doc__ or "", ("--errors",))
    errors = "--errors" in rest
    rest = [a for a in rest if a != "--errors"]
    data_dir = data_dir_arg(rest, DEFAULT)
    results = run(data_dir, half, errors)
    print(f"{half} half, end to end from raw text (anchor: population prior on the same spans; "
          f"spaCy GPE/LOC/FAC for detection)")  # fmt: skip
    print(f"{'set':10} {'docs':>4} {'n':>5}  {'found':>6} {'spaCy':>6}   {'right of found':>14} {'population':>10} "
          f"{'ratio':>5}   {'right of all':>12} {'population':>10}   {'P':>5}")  # fmt: skip
    for name, r in results.items():
        e, pop = r["end_to_end"], r["end_to_end"]["population"]
        print(f"{name:10} {r['docs']:4} {e['n']:5}  {e['found']:6.3f} {e['spacy_found']:6.3f}   "
              f"{e['right_of_found']:14.3f} {pop['right_of_found']:10.3f} "
              f"{ratio(e['right_of_found'], pop['right_of_found']):>5}   {e['right_of_all']:12.3f} "
              f"{pop['right_of_all']:10.3f}   {e['precision']:5.3f}")  # fmt: skip
    print()
    print("gold spans given (resolution alone):")
    print(f"{'set':10} {'n':>5}  {'acc@161 tidings':>15} {'population':>10} {'ratio':>6}   "
          f"{'country tidings':>15} {'population':>10}   {'coverage':>8}")  # fmt: skip
    for name, r in results.items():
        t, b = r["tidings"], r["population"]
        print(f"{name:10} {int(t['n']):5}  {t['acc161']:15.3f} {b['acc161']:10.3f} "
              f"{t['acc161'] / max(b['acc161'], 1e-9):6.2f}   {t['country']:15.3f} {b['country']:10.3f}   "
              f"{t['coverage']:8.3f}")  # fmt: skip
    for name, r in results.items():
        if errors:
            print(f"\n{name}: {len(r['misses'])} gold toponyms not found (gazetteer knows the name?, spaCy labels)")
            print("\n".join(sorted(r["misses"])))
    if FLOORS.exists() and half == "test":
        low = floor_failures(results, json.loads(FLOORS.read_text("utf-8")))
        print("floors:", "OK" if not low else "BELOW " + "; ".join(low))


def floor_failures(results: dict[str, dict[str, Any]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Floors: ``{set: {metric: value}}``; end-to-end metrics by name, gold-span ones as
    ``gold_spans_acc161`` / ``gold_spans_country``."""
    low = []
    for name, metrics in floors.items():
        for key, floor in metrics.items():
            if key.startswith("gold_spans_"):
                got = results[name]["tidings"][key.removeprefix("gold_spans_")]
            else:
                got = results[name]["end_to_end"][key]
            if got < floor:
                low.append(f"{name}.{key}={got:.3f} < {floor}")
    return low


if __name__ == "__main__":
    main(sys.argv[1:])
