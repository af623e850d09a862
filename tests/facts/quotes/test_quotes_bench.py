"""The quotes bench: its scoring on a hand-made case (fast) and the pinned floors (slow)."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest

from bench_loader import load_bench
from paths import ROOT
from tidings.nlp import Parser


def _bench() -> ModuleType:
    return load_bench("quotes")


def test_scoring_on_a_hand_made_case() -> None:
    b = _bench()
    text = "“We will win,” Ann said. Bob said that taxes would rise. Cy thinks it “odd” today."
    q1 = (0, text.index(" Ann"))
    ind = (text.index("that taxes"), text.index(" rise") + 5)
    mixed = (text.index("it “odd”"), text.index("” today") + 1)
    ann, bob, cy = (text.index("Ann"),), (text.index("Bob"),), (text.index("Cy"),)
    gold = [
        b.Gold([q1], [(ann[0], ann[0] + 3)], [(ann[0] + 4, ann[0] + 8)], b.gold_kind(text, [q1])),
        b.Gold([ind], [(bob[0], bob[0] + 3)], [], b.gold_kind(text, [ind])),
        b.Gold([mixed], [(cy[0], cy[0] + 2)], [], b.gold_kind(text, [mixed])),
    ]
    assert [g.kind for g in gold] == ["direct", "indirect", "mixed"]
    case = b.DocCase("t", text, gold)
    preds = [
        b.Pred(q1[0], q1[1], "direct", (ann[0], ann[0] + 3), None, (ann[0] + 4, ann[0] + 8)),
        b.Pred(ind[0], ind[0] + 10, "indirect", (0, 2), None, None),  # 10 of 22 chars, wrong speaker
        b.Pred(0, 1, "direct", None, None, None),  # overlaps a gold quote already taken: unmatched
    ]
    res = b.score([case], [preds])
    assert res["direct@0.3"]["R"] == 1.0 and res["direct@0.3"]["speaker"] == 1.0
    assert res["indirect@0.3"]["R"] == 1.0 and res["indirect@0.3"]["speaker"] == 0.0
    assert res["indirect@0.8"]["R"] == 0.0  # 45% overlap is lenient-only
    assert res["all@0.3"]["P"] == pytest.approx(2 / 3, abs=1e-3)
    assert res["quoted@0.3"]["R"] == 0.5 and res["all@0.3"]["cue"] == 1.0


def test_split_keeps_half_of_each_outlet_and_is_stable() -> None:
    b = _bench()
    cases = [b.DocCase(f"{outlet}_{k}", "", [], None, outlet) for outlet in ("nyt", "wapo") for k in range(6)]
    side = b.split(cases)
    assert side == b.split(list(reversed(cases)))  # blind to order
    for outlet in ("nyt", "wapo"):
        halves = [side[c.name] for c in cases if c.group == outlet]
        assert sorted(halves) == ["test"] * 3 + ["tune"] * 3


def test_headline_scopes_and_speaker_figures() -> None:
    b = _bench()
    text = "“We will win,” Ann said. Bob believes taxes would rise. Cy said that it “works” today."
    q1 = (0, text.index(" Ann"))
    thought = (text.index("taxes"), text.index(" rise") + 5)
    mixed = (text.index("that it"), text.index("” today") + 1)
    ann, bob, cy = text.index("Ann"), text.index("Bob"), text.index("Cy")
    gold = [
        b.Gold([q1], [(ann, ann + 3)], [(ann + 4, ann + 8)], "direct", "say", True),
        b.Gold([thought], [(bob, bob + 3)], [(bob + 4, bob + 12)], "indirect", "believe", True),
        b.Gold([mixed], [(cy, cy + 2)], [(cy + 3, cy + 7)], "mixed", "say", True),
    ]
    case = b.DocCase("t", text, gold)
    preds = [
        b.Pred(q1[0], q1[1], "direct", (ann, ann + 3), None, None),
        b.Pred(mixed[0], mixed[1], "mixed", (bob, bob + 3), None, None),  # found, wrong speaker
    ]
    res = b.headline([case], [preds])
    assert res["named_direct"] == pytest.approx({"n": 1, "found": 1.0, "speaker_of_found": 1.0, "speaker_of_all": 1.0})
    # the belief is not speech: speech = the direct and the mixed quote, both found, one speaker right
    assert res["speech"]["n"] == 2 and res["speech"]["found"] == 1.0
    assert res["speech"]["speaker_of_found"] == 0.5 and res["speech"]["speaker_of_all"] == 0.5
    assert res["all"]["n"] == 3 and res["all"]["found"] == pytest.approx(2 / 3)
    assert res["all"]["speaker_of_all"] == pytest.approx(1 / 3)


def test_errors_list_the_missed_speech_attributions() -> None:
    b = _bench()
    text = "“We will win,” Ann said. Bob believes taxes would rise. Cy promised a veto."
    q1 = (0, text.index(" Ann"))
    thought = (text.index("taxes"), text.index(" rise") + 5)
    veto = (text.index("a veto"), text.index("a veto") + 6)
    gold = [
        b.Gold([q1], [], [], "direct", "say"),
        b.Gold([thought], [], [], "indirect", "believe"),  # not speech: never listed
        b.Gold([veto], [], [(veto[0] - 9, veto[0] - 1)], "indirect", "promise"),
    ]
    case = b.DocCase("doc", text, gold)
    rows = b.missed([case], [[b.Pred(q1[0], q1[1], "direct", None, None, None)]])
    assert rows == [
        {
            "doc": "doc",
            "kind": "indirect",
            "cue_lemma": "promise",
            "cue": "promised",
            "content": "a veto",
            "best_overlap": 0.0,
        }
    ]


@pytest.mark.slow
def test_quotes_floors_hold() -> None:
    b = _bench()
    data = b.DEFAULT_DIR.resolve()
    if not data.exists():
        pytest.skip("../shared/data/quotes/polnear_dev is not beside the project")
    res = b.evaluate(data, "test")
    floors = json.loads((ROOT / "bench" / "floors" / "quotes.json").read_text("utf-8"))
    assert not b.floor_failures(res["tidings"], floors)
    ours, textacy = res["tidings"], res["textacy"]
    assert ours["direct"]["F1"] > textacy["direct"]["F1"]
    assert ours["speech"]["speaker_of_all"] > textacy["speech"]["speaker_of_all"]


def test_a_relative_pronoun_source_stands_for_the_noun_right_before_it(parser: Parser) -> None:
    b = _bench()
    text = (
        "The plan has critics, among them some economists, who argue that taxes should fall. "
        "The video became a focal point for demonstrators here, who have called for footage to be released."
    )
    doc = parser.parse(text)

    def at(word: str, nth: int = 0) -> tuple[int, int]:
        start = text.index(word, text.index(word) + 1) if nth else text.index(word)
        return start, start + len(word)

    case = b.DocCase("t", text, [])
    case.doc = doc
    argue = b.Gold([at("that taxes should fall")], [at("who")], [at("argue")], "indirect")
    called = b.Gold([at("footage to be released")], [at("who", 1)], [at("called")], "indirect")

    def pred(gold: Any, speaker: str) -> Any:
        return b.Pred(*gold.content[0], "indirect", at(speaker), None, None)

    assert b._speaker_ok(case, pred(argue, "some economists"), argue)
    assert not b._speaker_ok(case, pred(argue, "The plan"), argue)
    # the parse may hang "who" on "a focal point": only a noun right before the pronoun counts
    assert not b._speaker_ok(case, pred(called, "a focal point"), called)


def test_a_relative_pronoun_after_an_apposition_or_a_list_stands_for_the_name_before_it(parser: Parser) -> None:
    # the parse hangs "who" on "wife" and on "Smith": the name next to the pronoun is the Source
    b = _bench()
    text = (
        "The speakers included George W. Bush and his wife, Laura, who spoke of her early talks. "
        "The crowd included celebrities like Oprah Winfrey, Will Smith and Stevie Wonder, who joked of the museum."
    )
    case = b.DocCase("t", text, [])
    case.doc = parser.parse(text)

    def at(word: str) -> tuple[int, int]:
        start = text.index(word)
        return start, start + len(word)

    def who(verb: str) -> tuple[int, int]:
        start = text.index("who " + verb)
        return start, start + 3

    spoke = b.Gold([at("her early talks")], [who("spoke")], [at("spoke")], "indirect")
    joked = b.Gold([at("the museum")], [who("joked")], [at("joked")], "indirect")

    def pred(gold: Any, speaker: str) -> Any:
        return b.Pred(*gold.content[0], "indirect", at(speaker), None, None)

    assert b._speaker_ok(case, pred(spoke, "Laura"), spoke)
    assert b._speaker_ok(case, pred(joked, "Stevie Wonder"), joked)
    # the list's other members and the man named before are not the Source
    assert not b._speaker_ok(case, pred(joked, "Oprah Winfrey"), joked)
    assert not b._speaker_ok(case, pred(spoke, "George W. Bush"), spoke)
