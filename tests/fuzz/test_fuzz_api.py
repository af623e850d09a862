"""Fuzz target: the web API's query parameters and path parameters (FastAPI TestClient,
in process, over a store written through the real write path).

Expected outcomes: 200 (JSON, or CSV/JSONL downloads), 400 with a JSON ``error`` naming the
problem, or 404 for unknown ids; never a 5xx, never a traceback. Inputs: the declared
filter, sort, order, limit, cursor and format parameters and unknown ones, with values
that are valid, near-valid (dates, codes, numbers at the edges) or hostile (SQL and FTS
syntax, NUL, quotes, huge numbers, RTL, astral characters; cursors of JSON nested up to
3,000 deep); random path segments.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fuzz_common import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from tidings.web.app import create_app
from tidings.web.resources import RESOURCES
from web_store import synthetic_items, write_store

RESERVED = ["sort", "order", "limit", "cursor", "format"]
values = st.text(max_size=40) | st.sampled_from(
    [
        "2023-06-18",
        "2023-02-30",
        "USA",
        "USA-CHN",
        "USA-",
        "-1",
        "0",
        "1",
        "1e308",
        "nan",
        "inf",
        "999999999999",
        "true",
        "asc",
        "desc",
        "csv",
        "jsonl",
        "json",
        "' OR 1=1 --",
        "\x00",
        "%",
        "_",
        "NEAR(",
        "*",
        '"',
        "a" * 600,
        "eyJ4IjoxfQ",
        "\u202e",
        "𝔘",
    ]
)


@st.composite
def cursors(draw: st.DrawFn) -> str:
    """Cursor-shaped tokens: base64 of JSON nested up to 3,000 deep (issue 22: a deep one was
    a RecursionError and a 500), of other JSON values, of cursors for other sorts."""
    depth = draw(st.sampled_from([1, 2, 50, 990, 1_000, 1_500, 3_000]) | st.integers(1, 3_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    raw = draw(
        st.sampled_from([opener * depth + "1" + closer * depth, opener * depth])
        | st.builds(json.dumps, st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5)), max_size=5))
    )
    token = base64.urlsafe_b64encode(raw.encode()).decode()
    return token.rstrip("=") if draw(st.booleans()) else token


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db: Path = tmp_path_factory.mktemp("fuzzapi") / "api.db"
    write_store(db, synthetic_items(60, seed=3))
    # a generous query time limit: this target is about parameters, not the 503 on timeouts
    with TestClient(create_app(db, query_seconds=30.0), raise_server_exceptions=False) as c:
        yield c


def _ok(response: object) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert status in (200, 400, 404), (status, response.text[:300])  # type: ignore[attr-defined]
    if status == 400:
        assert response.json()["error"]  # type: ignore[attr-defined]


@fuzz_settings(0.6)
@given(st.sampled_from(sorted(RESOURCES)), st.data())
def test_fuzz_api_list_parameters(client: TestClient, kind: str, data: st.DataObject) -> None:
    names = [*sorted(RESOURCES[kind].filters), *RESERVED]
    chosen = data.draw(st.lists(st.sampled_from(names) | st.text(max_size=10), max_size=4, unique=True))
    params = {name: data.draw(values) for name in chosen}
    _ok(client.get(f"/api/{kind}", params=params))


@fuzz_settings(0.1)
@given(st.sampled_from(sorted(RESOURCES)), cursors(), st.sampled_from([None, "asc", "desc"]))
def test_fuzz_api_cursors(client: TestClient, kind: str, cursor: str, order: str | None) -> None:
    _ok(client.get(f"/api/{kind}", params={"cursor": cursor, **({"order": order} if order else {})}))


@fuzz_settings(0.3)
@given(
    st.sampled_from(["articles/{}", "actors/{}", "dyads/{}/series", "stories/{}", "briefs/{}"]),
    st.text(min_size=1, max_size=30).filter(lambda t: t not in (".", "..")),
    st.dictionaries(st.sampled_from(["interval", "direction", "date_from", "date_to", "x"]), values, max_size=2),
)
def test_fuzz_api_path_parameters(client: TestClient, template: str, segment: str, params: dict[str, str]) -> None:
    from urllib.parse import quote

    _ok(client.get("/api/" + template.format(quote(segment, safe="")), params=params))
