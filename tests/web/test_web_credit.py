"""An entity named only in the article's dateline credit: listed with where it is named, never
marked in the text it has no words in."""

from __future__ import annotations

from tidings.web.facts_view import article_marks, fact_panels


def test_a_dateline_credit_is_listed_but_not_marked_in_the_text() -> None:
    credited = {"id": "e1", "name": "Xinhua", "kind": "ORG", "mentions": [], "credit": {"start": 18, "end": 24}}
    named = {"id": "e2", "name": "China", "kind": "GPE", "mentions": [{"start": 0, "end": 5}]}
    facts = {"entities": [credited, named]}
    assert [(m.start, m.end, m.fact_id) for m in article_marks(facts)] == [(0, 5, "e2")]
    panels = {p.id: p for p in fact_panels(facts, "China said so.", "v1")}
    assert ("Named in", "the dateline's credit") in [(d.label, d.value) for d in panels["e1"].details]
    assert "Named in" not in [d.label for d in panels["e2"].details]
