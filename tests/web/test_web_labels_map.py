"""Human names for codes, codes for typed names, and the map's projection."""

from __future__ import annotations

import itertools

from tidings.web.labels import Labels
from tidings.web.worldmap import HEIGHT, WIDTH, Basemap, Frame, dots, natural_earth


def test_labels_name_every_code_and_read_names() -> None:
    labels = Labels.load()
    assert labels.country("CHN") == "China" and labels.country("USA") == "United States"
    assert labels.dyad("CHN-USA") == "China – United States"
    assert {labels.country_code(t) for t in ("China", "chinese", "CHN", "chn")} == {"CHN"}
    assert {labels.country_code(t) for t in ("the United States", "US", "America")} == {"USA"}
    assert labels.country_code("Chna") is None
    assert labels.cameo("043") and labels.cameo("043") != "043"
    assert labels.facet_value("cameo_root", "04") == "04 Consult"
    assert labels.theme_id("Taiwan") == "taiwan" and labels.theme_id("TRADE AND TARIFFS") == "trade_tariffs"
    assert labels.theme_id("Taiwann") is None
    assert labels.plover_type("consult") == "CONSULT" and labels.plover_name("CONSULT") == "Consult"


def test_map_projection_and_points() -> None:
    assert natural_earth(0, 0) == (0.0, 0.0)
    west, _ = natural_earth(-180, 0)
    east, _ = natural_earth(180, 0)
    assert west == -east and east > 2.5
    world = Frame.of("world")
    x, y = world.point(116.4, 39.9)  # Beijing: right of the centre, above the equator
    assert WIDTH / 2 < x < WIDTH and 0 < y < HEIGHT / 2
    points = [{"lat": 39.9, "lon": 116.4, "events": 9}, {"lat": 38.9, "lon": -77.0, "events": 1},
              {"lat": 51.5, "lon": -0.1, "events": 4}]  # fmt: skip
    drawn = dots(points, "world")
    assert [d.point["events"] for d in drawn] == [9, 4, 1]  # big first: small ones stay on top
    assert drawn[0].r > drawn[1].r > drawn[2].r >= 3
    assert [d.point["events"] for d in dots(points, "europe")] == [4]  # a view shows its region only


def test_basemap_shapes_do_not_streak_across_the_map() -> None:
    basemap = Basemap()
    if basemap.rings is None:  # not vendored (make web-assets): the page draws a grid instead
        return
    paths = dict(basemap.paths("world") or [])
    assert len(paths) > 150 and "Antarctica" not in paths
    for name, d in paths.items():  # no edge of a shape jumps across the map (antimeridian)
        for sub in d.split("M")[1:]:
            xs = [float(p.split(",")[0]) for p in sub.rstrip("Z").split("L")]
            assert all(abs(a - b) < WIDTH / 3 for a, b in itertools.pairwise(xs)), name
