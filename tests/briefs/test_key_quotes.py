"""Key quotes of a brief: a report of a report does not list the quoted words a second time."""

from __future__ import annotations

from typing import Any

from tidings.briefs.evidence import key_quotes

TEXT = "China said Qin urged the US to respect “China’s core concerns” on Taiwan. Lee said “no”."


def _quote(start: int, end: int, kind: str, speaker: str | None) -> dict[str, Any]:
    return {
        "article_id": "a",
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "kind": kind,
        "speaker": {"name": speaker} if speaker else None,
    }


def test_the_report_around_a_quote_is_not_listed_twice() -> None:
    outer = _quote(TEXT.index("Qin urged"), TEXT.index(" on Taiwan"), "mixed", "China")
    inner = _quote(TEXT.index("the US"), TEXT.index(" on Taiwan"), "mixed", "Qin Gang")
    other = _quote(TEXT.index("“no”"), TEXT.index("“no”") + 4, "direct", "Lee")
    lines = key_quotes([outer, inner, other], {"a": TEXT})
    assert [ln["speaker"]["name"] for ln in lines] == ["Qin Gang", "Lee"]
    # without a named inner quote to show, the report is listed (it is China's only quote)
    unnamed = dict(inner, speaker=None)
    assert [ln["speaker"]["name"] for ln in key_quotes([outer, unnamed], {"a": TEXT})] == ["China"]
