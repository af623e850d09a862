from __future__ import annotations

import tidings


def test_public_api_is_pinned() -> None:
    assert tidings.__all__ == [
        "ActorRef",
        "Article",
        "Caption",
        "Entity",
        "Event",
        "IngestReport",
        "IssueTag",
        "Mention",
        "Options",
        "Paragraph",
        "Place",
        "Quote",
        "RawDoc",
        "Rejected",
        "Role",
        "Span",
        "TidingsError",
        "TimeExpr",
        "annotate",
        "extract",
        "ingest",
    ]
    for name in tidings.__all__:
        assert hasattr(tidings, name)


def test_article_round_trips_through_its_json_shape() -> None:
    art = tidings.extract("Some headline words here\n\n" + "A sentence of a news story. " * 20)
    assert isinstance(art, tidings.Article)
    assert tidings.Article.from_dict(art.to_dict()) == art


def test_annotate_gives_facts_without_a_store() -> None:
    text = "US Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday."
    facts = tidings.annotate(text, published="2023-06-18")
    assert {e.name for e in facts["entities"]} >= {"Antony Blinken", "Qin Gang"}
    assert "Beijing" in [p.name for p in facts["places"]]
    assert [t.value for t in facts["times"]] == ["2023-06-18"]
    (meeting,) = facts["events"]
    assert (meeting.cameo_code or "")[:2] == "04" and 0 < meeting.confidence < 1
    assert (meeting.source.country, meeting.target.country) == ("USA", "CHN")
