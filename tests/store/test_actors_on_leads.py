"""The cross-article actor table on 400 NYT US-China leads (../shared, the 2009 ones that name
Obama, both Clintons and Geithner), ingested by the CLI as a user would: one actor per person,
whatever name variant an article used, and no actor named by a control character or a number."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

TIDINGS = str(Path(sys.executable).parent / "tidings")
LEADS = Path("data") / "corpus" / "text" / "nyt_us_china_leads" / "nyt_us_china_leads.jsonl"


def run(*args: str) -> str:
    done = subprocess.run([TIDINGS, *args], capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def actors(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> list[dict[str, Any]]:
    work = tmp_path_factory.mktemp("leads2009")
    with (shared / LEADS).open(encoding="utf-8") as fh:
        rows = [r for r in map(json.loads, fh) if r["text"].strip()][:400]  # a few leads are empty
    src = work / "leads.jsonl"
    with src.open("w", encoding="utf-8") as out:
        for r in rows:
            rec = {
                "title": r["title"],
                "text": r["text"],
                "published": r["date"],
                "source": r["source"],
                "url": r.get("url"),
            }
            out.write(json.dumps(rec) + "\n")
    db = work / "leads.db"
    run("ingest", str(src), "--db", str(db))
    return [
        json.loads(line) for line in run("actors", "--db", str(db), "--limit", "0", "--format", "jsonl").splitlines()
    ]


def people(actors: list[dict[str, Any]], surname: str) -> list[dict[str, Any]]:
    """Decided people (not ``ambiguous:``) whose name or an alias ends with the surname."""
    return [
        a
        for a in actors
        if a["kind"] == "PERSON"
        and not a["ambiguous"]
        and any(n.split()[-1:] == [surname] for n in [a["name"], *a["aliases"]])
    ]


@pytest.mark.slow
@pytest.mark.timeout(1800)  # 400 leads through the CLI: ~1 min on a quiet 2-core box
def test_one_actor_per_person_across_name_variants(actors: list[dict[str, Any]]) -> None:
    (obama,) = people(actors, "Obama")  # "Obama", "President Obama", "Barack H. Obama", "Mr. Obama"
    assert obama["name"] == "Barack Obama" and obama["articles"] >= 60 and obama["country"] == "USA"
    clintons = {a["name"].split()[0]: a for a in people(actors, "Clinton")}  # the name most articles use
    assert len(people(actors, "Clinton")) == 2 and set(clintons) == {"Hillary", "Bill"}, sorted(clintons)
    assert clintons["Hillary"]["actor_code"] == "USAGOV"  # Secretary of State in 2009
    assert clintons["Bill"]["actor_code"] == "USAELI"  # a former president by then
    (geithner,) = people(actors, "Geithner")  # "Timothy F. Geithner", "Tim Geithner", "Geithner"
    assert geithner["actor_code"] == "USAGOV"
    bushes = {a["name"] for a in people(actors, "Bush")}
    assert len(bushes) == 2  # George W. and George H. W. Bush are two people
    for a in actors:  # a surname no article decided stays ambiguous and says so
        assert not a["key"].startswith("ambiguous:") or a["ambiguous"]
    (obama_roles,) = [a["roles"] for a in actors if a["key"] == obama["key"]]
    assert {r["title"] for r in obama_roles} <= {"President", "U.S. President", "American President"}, obama_roles


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_no_actor_is_a_control_character_or_a_number(actors: list[dict[str, Any]]) -> None:
    assert len(actors) > 100
    for a in actors:
        for name in [a["name"], *a["aliases"]]:
            assert not any(unicodedata.category(ch) == "Cc" for ch in name), a
        words = a["name"].split()
        assert not any(
            w.strip(".,()").isdigit() and (k == 0 or words[k - 1].lower() != "of") for k, w in enumerate(words)
        ), a
    states = {a["key"]: a for a in actors if a["kind"] == "STATE"}
    assert states["state:USA"]["name"] == "United States" and states["state:CHN"]["name"] == "China"
    assert not any("dollar" in n.lower() for a in actors for n in [a["name"], *a["aliases"]])
