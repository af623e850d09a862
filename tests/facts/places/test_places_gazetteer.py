"""The shipped gazetteer and the context-aware resolver, without a parse."""

from __future__ import annotations

from tidings.facts.places.gazetteer import Gazetteer, haversine_km, name_key
from tidings.facts.places.toponyms import candidates_for, resolve


def test_name_key_folds_accents_case_dots() -> None:
    assert name_key("São Paulo") == name_key("SAO PAULO") == "sao paulo"
    assert name_key("St. Louis") == name_key("Saint Louis")
    assert name_key("the United States") == "united states"


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
