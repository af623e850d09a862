"""Structured API filters compiled to SQL with bound parameters.

Each resource declares its filters (name -> SQL fragment with ``?`` placeholders and a
value type) and its sort keys (name -> a non-NULL SQL expression). A request can only pick
from these: unknown parameters, sorts or malformed values are :class:`QueryError` (400).
No text from the request ever becomes SQL; it is only ever bound. Pagination is keyset
("cursor") on ``(sort value, id)``, so pages stay fast and stable under concurrent writes.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tidings.store.sqlite import fts_query

MAX_LIMIT = 1000
MAX_DOWNLOAD = 1_000_000
DEFAULT_LIMIT = 50
MAX_TEXT = 500
RESERVED = ("sort", "order", "limit", "cursor", "format")
FORMATS = ("json", "csv", "jsonl")
_CODE = re.compile(r"^[A-Za-z0-9]{1,16}$")


class QueryError(ValueError):
    """A request the API refuses (HTTP 400); the message names the parameter."""


# ----------------------------------------------------------------------------- value types
def as_text(name: str, raw: str) -> str:
    if len(raw) > MAX_TEXT:
        raise QueryError(f"{name}: longer than {MAX_TEXT} characters")
    if "\x00" in raw:
        raise QueryError(f"{name}: contains NUL")
    return raw


def as_date(name: str, raw: str) -> str:
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise QueryError(f"{name}: expected a date YYYY-MM-DD") from None


def as_int(name: str, raw: str) -> int:
    if not re.fullmatch(r"-?\d{1,9}", raw):
        raise QueryError(f"{name}: expected an integer")
    return int(raw)


def as_float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise QueryError(f"{name}: expected a number") from None
    if not math.isfinite(value) or len(raw) > 40:
        raise QueryError(f"{name}: expected a finite number")
    return value


def as_bool(name: str, raw: str) -> int:
    if raw.lower() in ("true", "1", "yes"):
        return 1
    if raw.lower() in ("false", "0", "no"):
        return 0
    raise QueryError(f"{name}: expected true or false")


def as_code(name: str, raw: str) -> str:
    if not _CODE.match(raw):
        raise QueryError(f"{name}: expected a code of 1-16 letters or digits")
    return raw.upper()


def as_quad(name: str, raw: str) -> int:
    value = as_int(name, raw)
    if value not in (1, 2, 3, 4):
        raise QueryError(f"{name}: QuadClass is 1, 2, 3 or 4")
    return value


def as_dyad(name: str, raw: str) -> tuple[str, str]:
    parts = raw.split("-")
    if len(parts) != 2:
        raise QueryError(f"{name}: expected A-B, e.g. USA-CHN")
    return as_code(name, parts[0]), as_code(name, parts[1])


PARSERS: dict[str, tuple[Callable[[str, str], Any], str, str]] = {
    # type name -> (parser, OpenAPI type, OpenAPI format)
    "text": (as_text, "string", ""),
    "date": (as_date, "string", "date"),
    "int": (as_int, "integer", ""),
    "float": (as_float, "number", ""),
    "bool": (as_bool, "boolean", ""),
    "code": (as_code, "string", ""),
    "quad": (as_quad, "integer", ""),
    "dyad": (as_dyad, "string", ""),
}


@dataclass(frozen=True, slots=True)
class Filter:
    sql: str
    type: str
    doc: str
    bind: Callable[[Any], tuple[Any, ...]] | None = None

    def args(self, value: Any) -> tuple[Any, ...]:
        if self.bind is not None:
            return self.bind(value)
        return (value,) * self.sql.count("?")


@dataclass(frozen=True, slots=True)
class Resource:
    """A listable table: ``source`` is the FROM/JOIN part, ``where`` a fixed condition."""

    name: str
    source: str
    columns: str
    id_sql: str
    filters: Mapping[str, Filter]
    sorts: Mapping[str, str]
    default_sort: str
    default_order: str = "asc"
    where: str = "1"
    row: Callable[[Sequence[Any]], dict[str, Any]] = field(default=lambda r: json.loads(r[0]))


@dataclass(frozen=True, slots=True)
class Query:
    resource: Resource
    clauses: tuple[str, ...]
    args: tuple[Any, ...]
    sort: str
    order: str
    limit: int
    after: tuple[Any, str] | None
    fmt: str
    limit_given: bool = False  # a download streams every row unless ``limit`` was asked for

    def sql(self, limit: int | None = None, after: tuple[Any, str] | None = None) -> tuple[str, tuple[Any, ...]]:
        r = self.resource
        key = r.sorts[self.sort]
        clauses, args = [r.where, *self.clauses], list(self.args)
        after = after if after is not None else self.after
        if after is not None:
            cmp = ">" if self.order == "asc" else "<"
            clauses.append(f"(({key}) {cmp} ? OR (({key}) = ? AND {r.id_sql} {cmp} ?))")
            args += [after[0], after[0], after[1]]
        direction = "ASC" if self.order == "asc" else "DESC"
        sql = (
            f"SELECT {r.columns}, ({key}) AS _sort, {r.id_sql} AS _id FROM {r.source}"
            f" WHERE {' AND '.join(clauses)} ORDER BY _sort {direction}, _id {direction} LIMIT ?"
        )
        return sql, (*args, limit if limit is not None else self.limit)


def compile_query(resource: Resource, params: Sequence[tuple[str, str]]) -> Query:
    """Validate request parameters against ``resource`` and build the query."""
    seen: dict[str, str] = {}
    for name, raw in params:
        if name in seen:
            raise QueryError(f"{name}: given more than once")
        if name not in resource.filters and name not in RESERVED:
            raise QueryError(f"unknown parameter {name!r}; filters: {', '.join(resource.filters)}")
        seen[name] = raw
    sort = seen.pop("sort", resource.default_sort)
    if sort not in resource.sorts:
        raise QueryError(f"sort: one of {', '.join(resource.sorts)}")
    order = seen.pop("order", resource.default_order)
    if order not in ("asc", "desc"):
        raise QueryError("order: asc or desc")
    fmt = seen.pop("format", "json")
    if fmt not in FORMATS:
        raise QueryError(f"format: one of {', '.join(FORMATS)}")
    top = MAX_LIMIT if fmt == "json" else MAX_DOWNLOAD  # a page, or the rows of a download
    limit = min(as_int("limit", seen.pop("limit")), top) if "limit" in seen else DEFAULT_LIMIT
    if limit < 1:
        raise QueryError("limit: at least 1")
    after = decode_cursor(seen.pop("cursor"), sort, order) if "cursor" in seen else None
    clauses: list[str] = []
    args: list[Any] = []
    for name, raw in seen.items():
        flt = resource.filters[name]
        value = PARSERS[flt.type][0](name, raw)
        clauses.append(f"({flt.sql})")
        args.extend(flt.args(value))
    return Query(resource, tuple(clauses), tuple(args), sort, order, limit, after, fmt, "limit" in dict(params))


def encode_cursor(sort: str, order: str, value: Any, row_id: str) -> str:
    raw = json.dumps([sort, order, value, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, sort: str, order: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        s, o, value, row_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, RecursionError):  # RecursionError: "[[[[..." crafted
        raise QueryError("cursor: not a cursor from this API") from None
    if s != sort or o != order or not isinstance(row_id, str):
        raise QueryError("cursor: made for another sort or order")
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise QueryError("cursor: not a cursor from this API")
    return value, row_id


def openapi_parameters(resource: Resource) -> list[dict[str, Any]]:
    """The resource's query parameters, for the OpenAPI document."""
    params: list[dict[str, Any]] = []
    for name, flt in resource.filters.items():
        _, kind, fmt = PARSERS[flt.type]
        schema: dict[str, Any] = {"type": kind}
        if fmt:
            schema["format"] = fmt
        params.append({"name": name, "in": "query", "required": False, "description": flt.doc, "schema": schema})
    params += [
        {
            "name": "sort",
            "in": "query",
            "schema": {"type": "string", "enum": list(resource.sorts), "default": resource.default_sort},
        },
        {
            "name": "order",
            "in": "query",
            "schema": {"type": "string", "enum": ["asc", "desc"], "default": resource.default_order},
        },
        {
            "name": "limit",
            "in": "query",
            "description": f"page size (capped at {MAX_LIMIT}); with format=csv|jsonl: rows of the download",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_DOWNLOAD, "default": DEFAULT_LIMIT},
        },
        {
            "name": "cursor",
            "in": "query",
            "description": "next_cursor of the previous page",
            "schema": {"type": "string"},
        },
        {
            "name": "format",
            "in": "query",
            "description": "json (one page) or a streamed csv/jsonl download",
            "schema": {"type": "string", "enum": list(FORMATS), "default": "json"},
        },
    ]
    return params


def fts_bind(value: str) -> tuple[str]:
    return (fts_query(value),)
