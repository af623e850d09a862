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
    facts = tidings.annotate("Blinken met Wang Yi in Beijing on Sunday.", published="2023-06-18")
    assert {e.name for e in facts["entities"]} >= {"Blinken", "Wang Yi"}
    assert [p.name for p in facts["places"]] == ["Beijing"]
    assert [t.value for t in facts["times"]] == ["2023-06-18"]
    assert [(e.cameo_code or "")[:2] for e in facts["events"]] == ["04"]
