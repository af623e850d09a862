"""The shipped gazetteer and the context-aware resolver, without a parse."""

from __future__ import annotations

from tidings.facts.places.gazetteer import Gazetteer, haversine_km, name_key
from tidings.facts.places.toponyms import candidates_for, resolve


def test_name_key_folds_accents_case_dots() -> None:
    assert name_key("São Paulo") == name_key("SAO PAULO") == "sao paulo"
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("the United States") == "united states"
    assert name_key("De Soto Parish") == name_key("DeSoto Parish") and name_key("La Grange") == name_key("LaGrange")
    assert name_key("Rio de Janeiro") == "rio de janeiro"  # only a leading particle


def test_shipped_table_covers_news_places() -> None:
    gaz = Gazetteer.load()
    assert len(gaz) > 150_000
    bali = gaz.candidates("Bali")
    assert bali[0].cc == "ID"  # not the town in Cameroon
    assert any(c.cc == "CM" for c in bali)  # which is still a candidate
    assert gaz.candidates("South China Sea")[0].feature == "sea"
    assert gaz.candidates("Indo-Pacific")[0].feature == "region"
    assert gaz.candidates("Taiwan Strait")[0].feature == "sea"
    assert gaz.candidates("U.S.")[0].code == "USA"
    assert gaz.iso3("cn") == "CHN"
    assert gaz.demonym("Chinese") is not None and gaz.demonym("Chinese").cc == "CN"  # type: ignore[union-attr]


def test_us_state_abbreviations_and_demonyms() -> None:
    gaz = Gazetteer.load()
    assert [c.name for c in candidates_for(gaz, "W.Va.")] == ["West Virginia"]
    assert candidates_for(gaz, "Calif.")[0].code == "US-CA"
    assert candidates_for(gaz, "Georgian")[0].cc == "GE"


def test_context_beats_population() -> None:
    gaz = Gazetteer.load()
    text = "Alexandria, La. -- A fire in Rapides Parish near Pineville and Alexandria left two homeless."
    spans = [(0, 10), (29, 43), (49, 58), (63, 73)]
    ours = resolve(gaz, text, spans)
    base = resolve(gaz, text, spans, context=False)
    assert base[0] is not None and base[0].cc == "EG"  # the population prior picks Egypt
    assert all(e is not None and e.cc == "US" and e.admin1 == "LA" for e in (ours[0], ours[3]))
    la = ours[0]
    assert la is not None and haversine_km(la.lat, la.lon, 31.31, -92.45) < 30


def test_country_context_for_georgia() -> None:
    gaz = Gazetteer.load()
    text = "Russian tanks rolled into Georgia as Tbilisi appealed to Moscow and Ukraine."
    got = resolve(gaz, text, [(26, 33), (37, 44), (57, 63), (68, 75)])
    assert got[0] is not None and got[0].feature == "country" and got[0].cc == "GE"
    text2 = "Atlanta police said the storm hit Georgia and Macon overnight."
    got2 = resolve(gaz, text2, [(0, 7), (34, 41), (46, 51)])
    assert got2[1] is not None and got2[1].feature == "adm1" and got2[1].cc == "US"


def test_small_us_places_and_post_office_names_are_in_the_table() -> None:
    gaz = Gazetteer.load()
    village = [c for c in gaz.candidates("East Bank") if c.cc == "US"]  # about 900 inhabitants (GeoNames)
    assert village and village[0].admin1 == "WV" and village[0].minor
    town = [c for c in gaz.candidates("Harwinton") if c.admin1 == "CT"]  # a New England town: a post office only
    assert town and town[0].fcode == "PPLZ" and town[0].population == 0 and town[0].minor
    assert haversine_km(town[0].lat, town[0].lon, 41.77, -73.06) < 15
    assert not any(c.minor for c in gaz.candidates("Atlanta")[:1])
    township = candidates_for(gaz, "Readington Township")  # no townships in the table: the place of that name
    assert township and {c.cc for c in township} == {"US"} and township[0].admin1 == "NJ"


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_places_near_the_articles_other_places_beat_bigger_namesakes() -> None:
    gaz = Gazetteer.load()
    text = "The storm closed schools in Athens, Etowah and Englewood on Monday."
    spans = _spans(text, ["Athens", "Etowah", "Englewood"])
    base = resolve(gaz, text, spans, context=False)
    assert base[0] is not None and base[0].cc == "GR"
    ours = resolve(gaz, text, spans)
    assert [(e.cc, e.admin1) for e in ours if e is not None] == [("US", "TN")] * 3  # three towns of one county
    text = "Crews from Springfield, Chatham and Rochester worked through the night."
    ours = resolve(gaz, text, _spans(text, ["Springfield", "Chatham", "Rochester"]))
    assert [(e.cc, e.admin1) for e in ours if e is not None] == [("US", "IL")] * 3


def test_states_stay_states_among_small_namesakes() -> None:
    gaz = Gazetteer.load()
    text = "Colonies collapsed in Georgia, Oklahoma, Pennsylvania, Wisconsin and California."
    names = ["Georgia", "Oklahoma", "Pennsylvania", "Wisconsin", "California"]
    assert all(e is not None and e.feature == "adm1" for e in resolve(gaz, text, _spans(text, names)))


def test_a_name_inside_another_is_no_context_for_it() -> None:
    """ "Dublin City Council" says nothing about which Dublin "Dublin" is: without it, the
    Ohio address decides."""
    gaz = Gazetteer.load()
    text = "Dublin City Council met in Dublin."
    spans = [(0, 11), (27, 33)]
    with_council = resolve(gaz, text, spans, hints=["columbus", "dublin"])
    alone = resolve(gaz, "Council met in Dublin.", [(15, 21)], hints=["columbus", "dublin"])
    assert alone[0] is not None and with_council[1] is not None
    assert with_council[1].cc == alone[0].cc


def test_a_state_named_among_nearby_towns_stays_the_state() -> None:
    """Florida, N.Y., lies among the towns of this story; "Florida" is still the state."""
    gaz = Gazetteer.load()
    text = "Lottery winners from Vernon, Sparta and Warwick moved to Florida."
    got = resolve(gaz, text, _spans(text, ["Vernon", "Sparta", "Warwick", "Florida"]))
    assert got[1] is not None and got[1].admin1 == "NJ"  # Sparta, N.J., not Sparta, Greece
    assert got[-1] is not None and got[-1].feature == "adm1" and got[-1].admin1 == "FL"


def test_regions_have_their_adjectives_and_continents_their_geonames_points() -> None:
    gaz = Gazetteer.load()
    kurdish = gaz.demonym("Kurdish")
    assert kurdish is not None and kurdish.name == "Kurdistan"
    assert gaz.demonym("European") is None  # a people or a style more than a place
    europe = next(c for c in gaz.candidates("Europe") if c.name == "Europe")
    assert all(c.name != "Europe" for c in gaz.candidates("EU"))  # the European Union, an actor
    assert haversine_km(europe.lat, europe.lon, 48.69, 9.14) < 5  # GeoNames' point for Europe
