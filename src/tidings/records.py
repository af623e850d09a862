"""Record types that flow through tidings.

Immutable, slotted, picklable dataclasses with no logic beyond validation and
conversion to plain JSON-ready dicts. Every fact carries the article id, character
offsets into ``Article.text`` (half-open ``[start, end)``), the versioned name of the
stage that made it and a confidence, so a user can always see the words behind it.

Ids are derived from content or canonical URLs (see :mod:`tidings.ids`), never from
counters: re-runs and parallel workers produce the same ids.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

ParagraphKind = Literal["heading", "paragraph"]


_SCALARS = (str, int, float, type(None))


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}  # per type; a memo of a pure lookup


def _field_names(cls: type) -> tuple[str, ...] | None:
    """Field names of a dataclass type (None for any other type); one lookup per type."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
    return _FIELD_NAMES[cls]


def to_plain(value: Any) -> Any:
    """Convert a record (or nested records/tuples) into JSON-ready Python values."""
    if isinstance(value, _SCALARS):  # most values: checked first, this runs per stored fact
        return value
    names = _field_names(type(value))
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def from_plain(cls: type[Any], data: Any) -> Any:
    """Rebuild a record of type ``cls`` from :func:`to_plain` output (nested records and
    tuples included); unknown keys are ignored so older rows still load."""
    if data is None:
        return None
    kwargs: dict[str, Any] = {}
    for name, coerce in _coercers(cls):  # type: ignore[arg-type]
        if name in data:
            kwargs[name] = coerce(data[name])
    return cls(**kwargs)


@functools.cache
def _coercers(cls: type[Any]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Per field, how to rebuild its value (type hints resolved once per class: resolving them
    per record cost ~0.3 ms, most of the time of reading facts back)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _coercer(hints[f.name])) for f in dataclasses.fields(cls))


def _coercer(tp: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = next((_coercer(a) for a in typing.get_args(tp) if a is not type(None)), _same)
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        (item, *_) = typing.get_args(tp) or (Any,)
        each = _coercer(item)
        return lambda v: None if v is None else tuple(each(x) for x in v)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda v: from_plain(tp, v) if isinstance(v, dict) else v
    return _same


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character span ``[start, end)`` into an article's clean text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class RawDoc:
    """What we got, before extraction.

    ``kind`` is the sniffed (or forced) input kind: ``html``, ``text`` or ``record``
    (a JSONL/feed record whose fields are already split out in ``fields``).
    ``origin`` says where in the source it sits (a file path, ``path#line``, a WARC
    offset, a feed item id); it doubles as the resume key.
    """

    id: str
    uri: str
    origin: str
    kind: str
    data: bytes = b""
    fields: dict[str, Any] = field(default_factory=dict)
    headers: tuple[tuple[str, str], ...] = ()
    fetched_at: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An expected failure, as a value: which stage, a stable code, and why."""

    stage: str
    code: str
    detail: str
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ParagraphKind
    text: str


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article. ``text`` is the paragraphs joined by blank lines; every fact's
    offsets index into it. ``title`` is kept apart from the body."""

    id: str
    source: str
    url: str | None
    title: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    published: str | None = None
    published_from: str | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None
    section: str | None = None
    wire: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    language: str | None = None
    version: str = ""
    origin: str = ""
    extractor: str = ""
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape shown by ``tidings show --format json``."""
        return to_plain(self)  # type: ignore[no-any-return]

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Article:
        return Article(
            id=data["id"],
            source=data.get("source") or "",
            url=data.get("url"),
            title=data.get("title"),
            text=data.get("text") or "",
            paragraphs=tuple(Paragraph(p["kind"], p["text"]) for p in data.get("paragraphs") or ()),
            published=data.get("published"),
            published_from=data.get("published_from"),
            authors=tuple(data.get("authors") or ()),
            site=data.get("site"),
            section=data.get("section"),
            wire=tuple(data.get("wire") or ()),
            captions=tuple(Caption(c["text"], c.get("credit")) for c in data.get("captions") or ()),
            language=data.get("language"),
            version=data.get("version") or "",
            origin=data.get("origin") or "",
            extractor=data.get("extractor") or "",
            extras=dict(data.get("extras") or {}),
        )


# --------------------------------------------------------------------------- facts
# Every fact has: id, article_id, start, end (into Article.text), stage, confidence.


@dataclass(frozen=True, slots=True)
class Mention:
    """A named (or role) mention of an entity in the text."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON ORG GPE NORP LOC FAC EVENT ROLE PRON
    entity_id: str | None = None
    stage: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    seen: str | None = None  # ISO date the role was seen (article date)


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity within one article (clustered mentions)."""

    id: str
    article_id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    actor_code: str | None = None
    country: str | None = None
    sector: str | None = None
    named: bool = True
    mentions: tuple[Span, ...] = ()
    start: int = 0
    end: int = 0
    stage: str = ""
    confidence: float = 1.0
    # mentions (also in ``mentions``) whose words do not stand for the actor: a place ("talks in
    # Beijing"), a qualifier of another name ("Chinese President Xi"), an adjective of a thing
    # ("Chinese goods"); an entity with every mention here is not an actor at all
    not_actor: tuple[Span, ...] = ()
    # the span of the entity's name in the article's wire dateline (``extras["dateline"]``, kept out
    # of the text): the agency it credits ("BEIJING, Dec. 16 (Xinhua)"), a mention of the article
    credit: Span | None = None
    # "m" or "f" where the article marks the person so: an honorific before a name ("Mr Blair"), a
    # gendered role noun beside it ("actress Meryl Streep"), the pronouns tied to it
    # (entities/pronouns.person_genders, computed once here; quotes and events read it)
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A pointer to an actor as used by quotes and events."""

    name: str
    entity_id: str | None = None
    actor_code: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    basis: str | None = None  # None: named by these words; "place": inferred from where the event happened


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: str  # direct | mixed | indirect
    speaker: ActorRef | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    reporter: ActorRef | None = None
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    stage: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class TimeExpr:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    value: str | None  # ISO value (2023-06-18, 2023-06, 2023-W24, 2023-Q3, P2D) or None
    precision: str | None  # day|week|month|quarter|season|year|decade|None
    kind: str  # date|time|duration|set|fuzzy
    anchor: str | None = None
    direction: str | None = None  # past|future|same|None
    stage: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    name: str | None = None
    feature: str | None = None  # country|adm1|city|region|sea|...
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonameid: int | None = None
    metonym: bool = False
    stage: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    start: int  # trigger start
    end: int  # trigger end
    trigger: str
    sentence: str
    sentence_start: int
    sentence_end: int
    source: ActorRef | None = None
    target: ActorRef | None = None
    actors: tuple[ActorRef, ...] = ()  # every actor of a compound event, sources first
    targets: tuple[ActorRef, ...] = ()  # the recipients among them ("met Qin, Wang Yi"); sources are the rest
    plover_event: str | None = None
    plover_mode: str | None = None
    cameo_code: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    factuality: str = "asserted"  # asserted|planned|hypothetical|negated|alleged
    historical: bool = False
    attribution: str | None = None
    date: str | None = None
    date_precision: str | None = None
    place: Place | None = None
    mentions: tuple[Span, ...] = ()
    rule: str = ""
    stage: str = ""
    confidence: float = 1.0
    is_main: bool = False  # the article's main event (cf. GDELT IsRootEvent)


@dataclass(frozen=True, slots=True)
class IssueTag:
    id: str
    article_id: str
    start: int
    end: int
    issue: str
    label: str
    score: float
    evidence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    on_agenda: bool = False
    event_id: str | None = None
    stage: str = ""
    confidence: float = 1.0


FACT_KINDS: dict[str, type] = {
    "mentions": Mention,
    "entities": Entity,
    "quotes": Quote,
    "times": TimeExpr,
    "places": Place,
    "events": Event,
    "issues": IssueTag,
}
"""Fact kind (as stored and as named by stages' ``provides``) -> record type."""
