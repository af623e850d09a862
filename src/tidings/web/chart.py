"""Layout of the dyad timeline chart, drawn as inline SVG by the template.

Cooperation (QuadClass 1-2) counts rise above the axis, conflict (3-4) hang below it,
and the mean Goldstein score (-10..+10) is a line on its own scale. Only numbers and
bucket labels reach the template, which escapes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_Y = 900, 320, 48, 40, 24


@dataclass(frozen=True, slots=True)
class Bar:
    bucket: str
    x: float
    width: float
    coop_y: float
    coop_h: float
    conflict_y: float
    conflict_h: float
    events: int
    cooperation: int
    conflict: int
    goldstein: float | None


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    axis_y: float
    bars: tuple[Bar, ...]
    line: str  # SVG polyline points of the mean Goldstein score
    max_count: int
    ticks: tuple[tuple[float, str], ...]  # x position, label
    gold_ticks: tuple[tuple[float, str], ...]  # y position, label


def next_bucket(bucket: str, interval: str) -> str:
    if interval == "year":
        return f"{int(bucket) + 1:04d}"
    if interval == "month":
        year, month = int(bucket[:4]), int(bucket[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    step = 7 if interval == "week" else 1
    return (date.fromisoformat(bucket) + timedelta(days=step)).isoformat()


def fill_gaps(series: Sequence[dict[str, Any]], interval: str, max_points: int = 2000) -> list[dict[str, Any]]:
    """The series with empty buckets added, so the time axis is linear (unless that would
    take more than ``max_points`` buckets, or a label is not a date)."""
    if len(series) < 2:
        return list(series)
    have = {p["bucket"]: p for p in series}
    out: list[dict[str, Any]] = []
    bucket, last = series[0]["bucket"], series[-1]["bucket"]
    try:
        while bucket <= last:
            out.append(
                have.get(bucket)
                or {"bucket": bucket, "events": 0, "cooperation": 0, "conflict": 0, "goldstein_mean": None}
            )
            if len(out) > max_points:
                return list(series)
            bucket = next_bucket(bucket, interval)
    except ValueError:
        return list(series)
    return out


def shared_peak(many: Sequence[Sequence[dict[str, Any]]]) -> int:
    """The tallest bar of several series, so charts side by side share one scale."""
    return int(max([max(p["cooperation"], p["conflict"]) for s in many for p in s] + [1]))


def layout(series: Sequence[dict[str, Any]], peak: int | None = None) -> Chart:
    n = max(len(series), 1)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    half = (HEIGHT - 2 * PAD_Y) / 2
    axis = PAD_Y + half
    peak = peak or shared_peak([series])
    step = inner_w / n
    bar_w = max(step * 0.8, 1.0)
    bars, points = [], []
    for i, p in enumerate(series):
        x = PAD_LEFT + i * step + (step - bar_w) / 2
        up = half * p["cooperation"] / peak
        down = half * p["conflict"] / peak
        gold = p["goldstein_mean"]
        bars.append(
            Bar(
                str(p["bucket"]),
                round(x, 2),
                round(bar_w, 2),
                round(axis - up, 2),
                round(up, 2),
                round(axis, 2),
                round(down, 2),
                p["events"],
                p["cooperation"],
                p["conflict"],
                gold,
            )
        )
        if gold is not None:
            points.append(f"{x + bar_w / 2:.2f},{axis - half * max(-10.0, min(10.0, gold)) / 10:.2f}")
    every = max(1, n // 8)
    ticks = tuple(
        (round(PAD_LEFT + i * step + step / 2, 2), str(p["bucket"])) for i, p in enumerate(series) if i % every == 0
    )
    gold_ticks = tuple((round(axis - half * g / 10, 2), f"{g:+d}") for g in (10, 5, 0, -5, -10))
    return Chart(WIDTH, HEIGHT, axis, tuple(bars), " ".join(points), peak, ticks, gold_ticks)
