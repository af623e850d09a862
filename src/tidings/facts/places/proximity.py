"""Which of a name's candidates lie near the places the article's *other* names can be.

Local news names several places of one area ("Alexandria", "Brandon", "Kensington", "Douglas
County" in a Minnesota paper), each of which, taken alone, is a bigger town elsewhere. What
the small ones share is that they lie close together; the big namesakes are scattered. So a
candidate is supported by every other name of the article (and every locale hint) that has
some candidate within ``NEAR_KM`` of it; a name that holds the other ("Dublin City" for
"Dublin") is the same name and backs nothing up. Only point-like places count (towns, capitals,
counties): a country's or state's centroid says nothing about nearness.

Points are bucketed in one-degree cells, so a look-up reads a few cells instead of every pair.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from tidings.facts.places.gazetteer import GazEntry, haversine_km

NEAR_KM = 50.0  # about a county and its neighbours: the area one local paper covers
POINT_FEATURES = frozenset({"city", "capital", "adm2"})


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat), math.floor(lon))


class Neighbours:
    """Candidate points of an article's names, for "how many other names can be near here"."""

    def __init__(self, keys: Sequence[str], cands: Sequence[Sequence[GazEntry]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, GazEntry]]] = defaultdict(list)
        self._known: dict[tuple[int, str], int] = {}
        seen: set[tuple[str, int]] = set()
        for key, cs in zip(keys, cands, strict=True):
            for c in cs:
                if c.feature in POINT_FEATURES and (key, c.id) not in seen:
                    seen.add((key, c.id))
                    self._cells[_cell(c.lat, c.lon)].append((key, c))

    def support(self, entry: GazEntry, key: str) -> int:
        """How many names other than ``key`` have a candidate (not ``entry`` itself) within
        ``NEAR_KM`` of ``entry``; 0 for places that are not point-like."""
        if entry.feature not in POINT_FEATURES:
            return 0
        if (entry.id, key) not in self._known:
            self._known[(entry.id, key)] = self._count(entry, key)
        return self._known[(entry.id, key)]

    def _count(self, entry: GazEntry, key: str) -> int:
        lat_cell, lon_cell = _cell(entry.lat, entry.lon)
        # one degree of longitude shrinks towards the poles: look far enough east and west
        span = 1 + int(NEAR_KM / max(20.0, 111.0 * math.cos(math.radians(entry.lat))))
        near: set[str] = set()
        for dlat in (-1, 0, 1):
            for dlon in range(-span, span + 1):
                for other_key, other in self._cells.get((lat_cell + dlat, lon_cell + dlon), ()):
                    if other_key in near or other.id == entry.id or same_name(key, other_key):
                        continue
                    if haversine_km(entry.lat, entry.lon, other.lat, other.lon) <= NEAR_KM:
                        near.add(other_key)
        return len(near)


def same_name(a: str, b: str) -> bool:
    """One name inside the other ("dublin" and "dublin city", "kanawha" and "kanawha county"):
    two spellings of one place back nothing up."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "
