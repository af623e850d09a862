"""Language of an article (tidings.language): the classifier when it is sure, else what the
page or feed declares; only articles known not to be English skip the fact stages."""

from __future__ import annotations

from tidings.language import declared_language, detect_language, reads_english

ENGLISH = "The foreign ministers met in Geneva on Tuesday to discuss the ceasefire and the release of prisoners. "


def test_long_text_wins_over_a_wrong_declaration() -> None:
    found = detect_language(ENGLISH * 20, "fr")
    assert (found.code, found.source) == ("en", "text") and found.confidence >= 0.9


def test_confident_non_english_text() -> None:
    german = "Die Außenminister trafen sich am Dienstag in Genf, um über die Waffenruhe zu beraten. " * 3
    assert detect_language(german).code == "de"
    chinese = "中国外交部长九日在东京与日本外务大臣举行会谈，双方就地区安全形势交换了意见。"
    assert detect_language(chinese).code == "zh"


def test_short_text_defers_to_the_declared_language() -> None:
    found = detect_language("Bundesliga: Bayern gegen Dortmund", "de-AT")
    assert (found.code, found.source) == ("de", "declared")
    assert detect_language("Bundesliga: Bayern gegen Dortmund").code is None  # unsure, nothing declared


def test_short_english_headlines_are_never_called_another_language() -> None:
    # capitalised wire headlines and two-word titles fool language identifiers (Nigerian Pidgin,
    # French, Danish): unsure answers leave the language unknown, which the stages still read
    for text in ("GENERAL SIGNAL CORP <GSX> SETS QTLY DIVIDEND", "Bigger and badder", "Food for fungi"):
        found = detect_language(text)
        assert found.code in (None, "en"), (text, found)
        assert reads_english(found.code)


def test_tables_have_no_language() -> None:
    table = "NY COMEX GOLD 7-APR\n OPEN HIGH LOW CLOSE\n APR7 4205 4210 4180 4185\n JUN7 4250 4262 4230 4236"
    assert detect_language(table).code in (None, "en")


def test_declared_codes_are_normalised() -> None:
    assert [declared_language(h) for h in ("en-US", "pt_BR", " DE ", "x-default", "und", "", None)] == [
        "en",
        "pt",
        "de",
        None,
        None,
        None,
        None,
    ]


def test_only_known_non_english_skips() -> None:
    assert reads_english("en") and reads_english(None)
    assert not reads_english("de") and not reads_english("zh")
