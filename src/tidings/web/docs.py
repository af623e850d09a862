"""/docs: the API documentation as a page of our own, rendered on the server from the OpenAPI
document (the stock pages load scripts from a CDN, which the CSP forbids)."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from tidings.web.context import render

router = APIRouter(include_in_schema=False)


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    kind = str(schema.get("type", "any"))
    if kind == "array":
        return f"list of {_type(schema.get('items') or {})}"
    if schema.get("enum"):
        return " | ".join(str(v) for v in schema["enum"])
    return kind + (f" ({schema['format']})" if schema.get("format") else "")


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    components = (spec.get("components") or {}).get("schemas") or {}
    out = []
    for path, ops in sorted(spec.get("paths", {}).items()):
        for method, op in ops.items():
            params = [
                {
                    "name": p["name"],
                    "in": p.get("in", "query"),
                    "type": _type(p.get("schema") or {}),
                    "description": p.get("description", ""),
                }
                for p in op.get("parameters", ())
            ]
            schema = (((op.get("responses") or {}).get("200") or {}).get("content") or {}).get("application/json", {})
            response = _type(schema.get("schema") or {}) if schema.get("schema") else ""
            ref = response.removeprefix("list of ")
            fields = list((components.get(ref) or {}).get("properties", {}))
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "anchor": re.sub(r"[^a-z0-9]+", "-", f"{method} {path}".lower()).strip("-"),
                    "params": params,
                    "response": response,
                    "fields": fields,
                }
            )
    return out


@router.get("/docs")
def docs_page(request: Request) -> Response:
    spec = request.app.openapi()
    return render(request, "docs.html", spec=spec, endpoints=endpoints(spec))
