"""``tidings extract``: one-shot extraction to stdout, no store (like ``trafilatura -i``).

Pages, text files, JSON-lines records, feeds and web archives are read as ``tidings ingest``
reads them and extracted the same way; nothing is fetched and nothing is written. A rejected
input is named on stderr with its code, and the exit code is 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from tidings.cli.common import ConfigOpt, err, fail, load_options
from tidings.config import Options
from tidings.records import Article, Rejected


class ExtractFmt(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    markdown = "markdown"


def extracted(inputs: list[str], options: Options, published: str | None) -> Iterator[Article | Rejected]:
    from tidings.extract import extract_raw
    from tidings.sources.files import read_inputs

    for raw in read_inputs(inputs, options.input):
        if isinstance(raw, Rejected):
            yield raw
        elif raw.kind == "url" or raw.fields.get("needs_fetch"):
            detail = "extract reads local inputs only; fetch pages with `tidings ingest`"
            yield Rejected("extract", "fetch_disabled", detail, raw.origin)
        else:
            yield extract_raw(raw, options, published=published)


def as_text(article: Article) -> str:
    return "\n\n".join(p.text for p in article.paragraphs) + "\n"


def as_markdown(article: Article) -> str:
    parts = [f"# {article.title}"] if article.title else []
    meta = [m for m in (article.published, article.site, ", ".join(article.authors), article.url) if m]
    if meta:
        parts.append("*" + " · ".join(meta) + "*")
    for p in article.paragraphs:
        if p.kind == "heading" and p.text == article.title:
            continue
        parts.append(f"## {p.text}" if p.kind == "heading" else p.text)
    return "\n\n".join(parts) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        inputs: Annotated[list[str], typer.Argument(help="files, directories, globs, or - for stdin")],
        fmt: Annotated[
            ExtractFmt,
            typer.Option("--format", help="json (one object, or an array for several), jsonl, text, markdown"),
        ] = ExtractFmt.json,
        published: Annotated[
            str | None, typer.Option(help="publication date to assume (ISO) when a page has none")
        ] = None,
        input_format: Annotated[
            str | None, typer.Option("--input-format", help="auto|html|text|jsonl|feed|warc")
        ] = None,
        config: ConfigOpt = None,
    ) -> None:
        """Extract clean articles (title, text, date, authors, ...) to stdout, without a store."""
        from tidings.sources.sniff import KINDS

        if input_format is not None and input_format not in KINDS:
            fail(f"--input-format must be one of {', '.join(KINDS)}")
        options = load_options(config, input__input_format=input_format, input__published=published)
        articles: list[Article] = []  # for --format json: one object, or one array, at the end
        rejected = written = 0
        for result in extracted(inputs, options, published):
            if isinstance(result, Rejected):
                rejected += 1
                err.print(f"rejected {result.source}: {result.code} ({result.detail})", markup=False, highlight=False)
                continue
            if fmt is ExtractFmt.json:
                articles.append(result)
            elif fmt is ExtractFmt.jsonl:
                sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(
                    ("\n" if written else "") + (as_markdown(result) if fmt is ExtractFmt.markdown else as_text(result))
                )
            written += 1
        if fmt is ExtractFmt.json and articles:
            shown = articles[0].to_dict() if len(articles) == 1 else [a.to_dict() for a in articles]
            sys.stdout.write(json.dumps(shown, ensure_ascii=False, indent=2) + "\n")
        raise typer.Exit(1 if rejected else 0)
