"""Errors and rejection codes.

Expected bad input is never an exception: it becomes a :class:`tidings.records.Rejected`
value with one of the codes in :data:`REJECTION_CODES`. Exceptions are for bugs and for
misuse of the API, and every message starts with a code (``[T012] ...``)::

    TidingsError                 base; never raised directly
     +-- ConfigError     [T1xx]  bad options or config file
     +-- UsageError      [T2xx]  bad arguments to an API call or command
     +-- ModelError      [T3xx]  a required NLP model is not installed
     +-- StoreError      [T4xx]  the database is unusable (schema, integrity, locked)
     +-- StageError      [T5xx]  a stage broke its contract (a bug in tidings)
     +-- FetchError      [T6xx]  network policy misconfiguration (not per-URL failures)
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base of all tidings exceptions; ``code`` is a stable ``T###`` identifier."""

    code = "T000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {message}")


class ConfigError(TidingsError):
    code = "T100"


class UsageError(TidingsError):
    code = "T200"


class ModelError(TidingsError):
    code = "T300"


class StoreError(TidingsError):
    code = "T400"


class StageError(TidingsError):
    code = "T500"


class FetchError(TidingsError):
    code = "T600"


REJECTION_CODES: dict[str, str] = {
    # sources / reading
    "empty": "the input has no bytes or no text",
    "too_large": "the input is larger than the configured size budget",
    "binary": "the input is a binary format (PDF, image, executable, archive), not a page",
    "bad_gzip": "the gzip stream is truncated or corrupt",
    "decompression_bomb": "the decompressed size exceeds the budget",
    "bad_jsonl": "a JSONL line is not valid JSON or lacks the required fields",
    "unreadable": "the file could not be read",
    "not_found": "the path does not exist or matched nothing",
    "outside_input": "a symlink in an input directory points outside it (not followed by default)",
    "unsupported": "the input kind is not supported",
    # extraction
    "not_html": "the bytes do not parse as an HTML document",
    "no_content": "no main text could be extracted",
    "too_short": "the extracted text is shorter than the minimum",
    "timeout": "a per-document time budget was exceeded",
    "not_article": "the page is not an article (listing, paywall, block page)",
    # feeds / archives / web
    "bad_feed": "the feed could not be parsed",
    "xml_entities": "the XML declares entities (refused: entity-expansion attacks)",
    "bad_warc": "the WARC/ARC stream is damaged",
    "blocked_url": "the URL is refused by the SSRF guard",
    "robots": "robots.txt disallows the URL",
    "http_error": "the server answered with an error status",
    "fetch_failed": "the page could not be fetched",
    "fetch_disabled": "fetching is disabled",
    "redirects": "too many redirects",
    # pipeline
    "duplicate": "the same article (or a newer version of it) is already stored",
    "unsupported_language": "the article is not in English; its facts are skipped (the article is stored)",
    "unreachable": "the network or the host cannot be reached (no DNS answer, no route, refused, timed out)",
    "internal": "a bug in tidings, caught at the per-item boundary",
}
