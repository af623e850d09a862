"""tidings: news pages in, clean articles and checkable facts out.

>>> import tidings
>>> result = tidings.extract(b"<html>...</html>", url="https://example.com/a")
>>> isinstance(result, (tidings.Article, tidings.Rejected))
True
"""

from __future__ import annotations

from tidings.config import Options
from tidings.errors import TidingsError
from tidings.extract import extract
from tidings.records import (
    ActorRef,
    Article,
    Caption,
    Entity,
    Event,
    IssueTag,
    Mention,
    Paragraph,
    Place,
    Quote,
    RawDoc,
    Rejected,
    Role,
    Span,
    TimeExpr,
)
from tidings.run.batch import annotate
from tidings.run.ingest import IngestReport, ingest
from tidings.version import __version__ as __version__

__all__ = [
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
