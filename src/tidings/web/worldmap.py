"""The map, drawn on the server as SVG: Natural Earth country shapes (the ``world-atlas`` npm
package, vendored into ``static/`` by ``make web-assets``) in the Natural Earth projection, and
event points sized by their number of events. No tiles, no scripts, nothing from another host:
the page keeps its strict CSP, and works without JavaScript.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASEMAP = Path(__file__).with_name("static") / "world-countries-110m.json"
WIDTH, HEIGHT = 960, 500
# (west, south, east, north) in degrees
VIEWS: dict[str, tuple[str, tuple[float, float, float, float]]] = {
    "world": ("World", (-180.0, -60.0, 180.0, 85.0)),
    "americas": ("Americas", (-170.0, -58.0, -30.0, 75.0)),
    "europe": ("Europe", (-25.0, 34.0, 45.0, 71.0)),
    "africa": ("Africa", (-20.0, -36.0, 55.0, 38.0)),
    "middle-east": ("Middle East", (25.0, 12.0, 65.0, 43.0)),
    "asia": ("Asia", (60.0, -12.0, 150.0, 55.0)),
    "east-asia": ("East Asia", (95.0, 15.0, 150.0, 50.0)),
}


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič, Jenny, Patterson & Hurni 2011), in radians-scaled
    units: x in about [-2.73, 2.73], y in about [-1.42, 1.42] (north up)."""
    lam, phi = math.radians(lon), math.radians(lat)
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return x, y


@dataclass(frozen=True, slots=True)
class Frame:
    """Maps projected coordinates of one view onto the SVG canvas."""

    x0: float
    y0: float
    scale: float

    @classmethod
    def of(cls, view: str) -> Frame:
        west, south, east, north = VIEWS.get(view, VIEWS["world"])[1]
        xs, ys = [], []
        for lon in (west, (west + east) / 2, east):
            for lat in (south, 0.0 if south < 0 < north else south, north):
                x, y = natural_earth(lon, lat)
                xs.append(x)
                ys.append(y)
        scale = min(WIDTH / (max(xs) - min(xs)), HEIGHT / (max(ys) - min(ys)))
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        return cls(cx - WIDTH / 2 / scale, cy + HEIGHT / 2 / scale, scale)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = natural_earth(lon, lat)
        return round((x - self.x0) * self.scale, 1), round((self.y0 - y) * self.scale, 1)


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Decode the quantized, delta-encoded arcs of a TopoJSON topology to (lon, lat) lists."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(arcs: list[list[tuple[float, float]]], refs: Sequence[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def country_rings(topology: dict[str, Any]) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(country name, rings in lon/lat) for every country of the topology."""
    arcs = _arcs(topology)
    out = []
    for geom in topology["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs") or []
        if geom["type"] == "Polygon":
            polys = [polys]
        rings = [_ring(arcs, ring) for poly in polys for ring in poly]
        name = str((geom.get("properties") or {}).get("name") or "")
        if name != "Antarctica":  # off every view, and the largest shape to draw
            out.append((name, rings))
    return out


def _path(rings: Iterable[list[tuple[float, float]]], frame: Frame) -> str:
    """SVG path data. A ring that crosses the antimeridian is unwrapped (its longitudes kept
    continuous past +-180), so it is drawn whole and the canvas edge clips it."""
    parts = []
    for ring in rings:
        shift = 0.0
        prev = None
        for k, (lon, lat) in enumerate(ring):
            if prev is not None and abs(lon + shift - prev) > 180:
                shift += 360.0 if prev > lon + shift else -360.0
            prev = lon + shift
            x, y = frame.point(prev, lat)
            parts.append(f"{'M' if k == 0 else 'L'}{x},{y}")
        parts.append("Z")
    return "".join(parts)


class Basemap:
    """Country outlines per view, projected once (None when the shapes are not installed)."""

    def __init__(self, path: Path = BASEMAP) -> None:
        self.rings = country_rings(json.loads(path.read_text("utf-8"))) if path.exists() else None
        self._paths: dict[str, list[tuple[str, str]]] = {}

    def paths(self, view: str) -> list[tuple[str, str]] | None:
        if self.rings is None:
            return None
        if view not in self._paths:
            frame = Frame.of(view)
            self._paths[view] = [(name, _path(rings, frame)) for name, rings in self.rings]
        return self._paths[view]


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    point: dict[str, Any]


def dots(points: Sequence[dict[str, Any]], view: str, max_radius: float = 22.0) -> list[Dot]:
    """Circles for the points inside the view, area proportional to the events; big ones first so
    small ones stay clickable on top."""
    frame = Frame.of(view)
    peak = max([p["events"] for p in points] + [1])
    out = []
    for p in points:
        x, y = frame.point(float(p["lon"]), float(p["lat"]))
        if 0 <= x <= WIDTH and 0 <= y <= HEIGHT:
            out.append(Dot(x, y, round(3 + (max_radius - 3) * math.sqrt(p["events"] / peak), 1), p))
    return sorted(out, key=lambda d: -d.r)


def graticule(view: str) -> str:
    """Meridians and parallels every 30 degrees (the map's frame when no shapes are installed)."""
    frame = Frame.of(view)
    lines = [[(float(m), float(p)) for p in range(-90, 91, 5)] for m in range(-180, 181, 30)]
    lines += [[(float(m), float(p)) for m in range(-180, 181, 5)] for p in range(-60, 61, 30)]
    parts = []
    for line in lines:
        for k, (lon, lat) in enumerate(line):
            x, y = frame.point(lon, lat)
            parts.append(f"{'M' if k == 0 else 'L'}{x},{y}")
    return "".join(parts)
