from __future__ import annotations

import pytest

from tidings.extract.dateline import split_dateline
from tidings.extract.record import extract_record


@pytest.mark.parametrize(
    "text, dateline, rest",
    [
        ("SEOUL, South Korea — Beyond a declaration", "SEOUL, South Korea", "Beyond a declaration"),
        ("SALVADOR, Feb 26 - Brazil said", "SALVADOR, Feb 26", "Brazil said"),
        ("WASHINGTON (Reuters) - The Fed held", "WASHINGTON (Reuters)", "The Fed held"),
        ("NEW YORK — Stocks fell", "NEW YORK", "Stocks fell"),
        ("CANCÚN, Mexico — Would Americans", "CANCÚN, Mexico", "Would Americans"),
        ("YAN’AN, China — In 1944", "YAN’AN, China", "In 1944"),
        ("NASSAU, the Bahamas — A brand new", "NASSAU, the Bahamas", "A brand new"),
        ("KOTA BHARU, MALAYSIA, Feb. 28 --- The economic", "KOTA BHARU, MALAYSIA, Feb. 28", "The economic"),
        ("BEIJING, Oct.5 (Xinhua) -- China and", "BEIJING, Oct.5 (Xinhua)", "China and"),
        ("BEIJING, July 20 (Xinhuanet) -- Unilateral", "BEIJING, July 20 (Xinhuanet)", "Unilateral"),
        ("ANTALYA, Turkey, Nov. 15-- There have", "ANTALYA, Turkey, Nov. 15", "There have"),
        ("YES, it’s true — a crisis", None, "YES, it’s true — a crisis"),
        ("TWO Russias are emerging — one", None, "TWO Russias are emerging — one"),
        ("BELFAST, Northern Ireland _ British Prime Minister", "BELFAST, Northern Ireland", "British Prime Minister"),
        ("LAGOS, Nigeria (AP) _ Opposition groups", "LAGOS, Nigeria (AP)", "Opposition groups"),
        ("The snake_case name _ here", None, "The snake_case name _ here"),
        ("US officials said - no", None, "US officials said - no"),
        ("The U.S. - China talks", None, "The U.S. - China talks"),
    ],
)
def test_split_dateline(text: str, dateline: str | None, rest: str) -> None:
    assert split_dateline(text) == (dateline, rest)


def test_records_keep_the_dateline_as_metadata_not_text() -> None:
    art = extract_record({"text": "BANGKOK — For the first time, a carrier called at a port in Vietnam."}, source="t")
    assert not isinstance(art, type(None)) and hasattr(art, "extras")
    assert art.extras["dateline"] == "BANGKOK"  # type: ignore[union-attr]
    assert art.text.startswith("For the first time")  # type: ignore[union-attr]
