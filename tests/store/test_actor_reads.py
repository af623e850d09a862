"""The read model's actor functions on a real store built by ingest: search by any alias or word
of a name, one profile with codes over time, articles and paged events, each entity's actor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.cli.facts import entity_rows
from tidings.run.ingest import ingest
from tidings.store import reads
from tidings.store.sqlite import Store

ARTICLES = [
    ("2010-05-01", "Secretary of State Hillary Rodham Clinton met Chinese officials in Beijing on Monday. "
     "Mrs. Clinton said the talks with China were useful."),
    ("2016-03-01", "Hillary Clinton won the primary on Tuesday. Clinton thanked her voters in Ohio."),
    ("2010-08-27", "Former President Bill Clinton flew to North Korea, where Bill Clinton met Kim Jong-il."),
    ("2010-09-16", "Treasury Secretary Timothy F. Geithner told Congress that China had undervalued its currency."),
    ("2011-01-19", "Tim Geithner said the United States would press China on its currency. "
     "Geithner spoke in Washington."),
]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("actors")
    src = work / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for n, (day, text) in enumerate(ARTICLES):
            fh.write(json.dumps({"url": f"https://news.example/{n}", "title": f"Story {n}", "text": text,
                                 "published": day}) + "\n")  # fmt: skip
    path = work / "news.db"
    report = ingest([str(src)], db=str(path))
    assert report.stored == len(ARTICLES), report.rejected
    return path


def test_search_by_any_alias_offers_every_clinton(db: Path) -> None:
    with Store.open(str(db), readonly=True) as store:
        found = reads.find_actors(store.conn, "Clinton")
        people = {a["name"] for a in found if a["kind"] == "PERSON" and not a["ambiguous"]}
        assert {"Bill Clinton"} <= people and any(n.startswith("Hillary") for n in people)
        assert len(people) == 2
        assert [a["key"] for a in reads.find_actors(store.conn, "Tim Geithner")] == ["PERSON:timothy geithner"]


def test_one_profile_with_codes_over_time_articles_and_paging(db: Path) -> None:
    with Store.open(str(db), readonly=True) as store:
        hillary = reads.actor_profile(store.conn, "Hillary Clinton", limit=1)
        assert hillary is not None and hillary["key"] == "PERSON:hillary clinton" and hillary["articles"] == 2
        codes = {c["code"]: c for c in hillary["codes"]}
        assert codes["USAGOV"]["first_seen"] == "2010-05-01" and codes["USAPTY"]["last_seen"] == "2016-03-01"
        assert len(hillary["article_list"]) == 1 and hillary["article_list"][0]["published"][:10] == "2016-03-01"
        assert len(hillary["article_ids"]) == 2 and hillary["limit"] == 1
        assert any(o["name"] == "Bill Clinton" for o in hillary["others"]) is False  # an exact name is one actor
        geithner = reads.actor_profile(store.conn, "Geithner")
        assert geithner is not None and geithner["articles"] == 2 and "Timothy F. Geithner" in geithner["aliases"]


def test_each_entity_names_its_actor_and_refused_mentions(db: Path) -> None:
    with Store.open(str(db), readonly=True) as store:
        rows = list(entity_rows(store, None))
    beijing = next(r for r in rows if r["name"] == "Beijing")
    assert beijing["actor"] is None and [m["actor"] for m in beijing["mentions"]] == [False]  # "in Beijing"
    china = [r for r in rows if r["actor"] == "state:CHN"]
    assert china and all(r["actor_name"] == "China" for r in china)
