"""Stores for the web tests, written through the real write path (Store.write_batch), and a
real uvicorn server on a free loopback port."""

from __future__ import annotations

import random
import re
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from tidings.extract.build import make_article
from tidings.ids import fact_id
from tidings.records import ActorRef, Article, Entity, Event, IssueTag, Paragraph, Quote, Role, Span, TimeExpr
from tidings.store.sqlite import BatchItem, Store
from tidings.web.app import create_app

STAGE = "tests.web.fixture.v1"


@contextmanager
def serve(db: Path, query_seconds: float = 2.0) -> Iterator[str]:
    """A real uvicorn server for ``db`` on 127.0.0.1:<free port>; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        create_app(db, query_seconds=query_seconds),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def paragraphs_of(text: str) -> list[Paragraph]:
    return [Paragraph("paragraph", p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _span_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    start = starts[nth]
    return start, start + len(needle)


def blinken_item(raw_text: str) -> BatchItem:
    """The motivating page with hand-made facts at the right offsets."""
    article = make_article(
        source="example",
        paragraphs=paragraphs_of(raw_text),
        title="US Secretary Antony Blinken arrives in Beijing",
        url="https://www.indiatvnews.com/news/world/blinken-beijing",
        published="2023-06-18",
        site="indiatvnews.com",
        origin="blinken",
    )
    text, aid = article.text, article.id
    blinken_spans = [Span(m.start(), m.end()) for m in re.finditer("Blinken", text)]
    blinken = Entity(
        fact_id("entities", aid, "Antony Blinken"),
        aid,
        "Antony Blinken",
        "PERSON",
        aliases=("Blinken",),
        roles=(Role("Secretary of State", "2023-06-18"),),
        actor_code="USAGOV",
        country="USA",
        mentions=tuple(blinken_spans),
        start=blinken_spans[0].start,
        end=blinken_spans[0].end,
        stage=STAGE,
        confidence=0.97,
    )
    qs, qe = _span_of(text, "Qin Gang")
    qin = Entity(
        fact_id("entities", aid, "Qin Gang"),
        aid,
        "Qin Gang",
        "PERSON",
        roles=(Role("Foreign Minister", "2023-06-18"),),
        actor_code="CHNGOV",
        country="CHN",
        mentions=(Span(qs, qe),),
        start=qs,
        end=qe,
        stage=STAGE,
        confidence=0.95,
    )
    speaker = ActorRef("Antony Blinken", blinken.id, "USAGOV", "USA")
    quotes = []
    for words in (
        "that the competition we have with China doesn’t veer into conflict",
        "precisely so that we can make sure we are communicating as clearly as possible to avoid"
        " possible misunderstandings and miscommunications,",
    ):
        s, e = _span_of(text, words)
        quotes.append(
            Quote(
                fact_id("quotes", aid, s, e),
                aid,
                s,
                e,
                words,
                "direct",
                speaker=speaker,
                cue="said",
                stage=STAGE,
                confidence=0.9,
            )
        )
    china = ActorRef("China", None, "CHN", "CHN")
    events = []
    for trigger, nth, plover, cameo, gold, quad, day in (
        ("reached", 0, "CONSULT", "043", 2.8, 1, "2023-06-18"),
        ("meet", 0, "CONSULT", "036", 4.0, 1, "2023-06-18"),
        ("shootdown", 0, "ASSAULT", "190", -10.0, 4, "2023-02-04"),
    ):
        s, e = _span_of(text, trigger, nth)
        sent_s = text.rfind("\n", 0, s) + 1
        sent_e = text.find("\n", e) if text.find("\n", e) > 0 else len(text)
        src, tgt = (speaker, china) if plover != "ASSAULT" else (ActorRef("US", None, "USA", "USA"), china)
        events.append(
            Event(
                fact_id("events", aid, s, e, cameo),
                aid,
                s,
                e,
                trigger,
                text[sent_s:sent_e],
                sent_s,
                sent_e,
                source=src,
                target=tgt,
                plover_event=plover,
                cameo_code=cameo,
                goldstein=gold,
                quad_class=quad,
                date=day,
                date_precision="day",
                rule="fixture",
                stage=STAGE,
                confidence=0.8,
            )
        )
    ts, te = _span_of(text, "Sunday")
    times = [TimeExpr(fact_id("times", aid, ts, te), aid, ts, te, "Sunday", "2023-06-18", "day", "date", stage=STAGE)]
    issue = IssueTag(fact_id("issues", aid, "taiwan"), aid, 0, 10, "taiwan", "Taiwan", 0.9, stage=STAGE)
    return BatchItem(
        "blinken",
        "raw-blinken",
        article,
        facts={
            "entities": [blinken, qin],
            "quotes": quotes,
            "events": events,
            "times": times,
            "issues": [issue],
        },
    )


# ---------------------------------------------------------------------- synthetic corpus
WORDS = ("talks", "trade", "balloon", "summit", "tariff", "visit", "border", "ceasefire", "grain", "chips")
NAMES = ("Antony Blinken", "Qin Gang", "Wang Yi", "Xi Jinping", "Joe Biden", "Olaf Scholz", "ANTONY BLINKEN")
COUNTRIES = ("USA", "CHN", "RUS", "UKR", "DEU", None)
SITES = ("a.example", "b.example", "c.example", None)
THEMES = ("taiwan", "trade", "climate", "ukraine")
PLOVER = ("CONSULT", "ASSAULT", "AID", "COERCE", None)
FACTUALITY = ("asserted", "planned", "negated")
KINDS = ("PERSON", "ORG", "GPE")


def synthetic_items(n: int, seed: int = 7) -> list[BatchItem]:
    rng = random.Random(seed)
    items = []
    for i in range(n):
        words = rng.sample(WORDS, 3)
        text = f"Report {i}: " + " ".join(words) + ". " + rng.choice(NAMES) + " spoke about " + words[0] + "."
        published = None if rng.random() < 0.1 else f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = make_article(
            source="synthetic",
            paragraphs=[Paragraph("paragraph", text)],
            title=f"{words[1].title()} story {i}",
            url=f"https://news.example/{i}",
            published=published,
            site=rng.choice(SITES),
            origin=f"syn{i}",
        )
        items.append(
            BatchItem(
                f"syn{i}",
                f"raw{i}",
                article,
                facts=synthetic_facts(article, rng),
                story_id=f"s{i % 7}" if i % 3 == 0 else None,
            )
        )
    return items


def synthetic_facts(article: Article, rng: random.Random) -> dict[str, Sequence[Any]]:
    aid, n = article.id, len(article.text)
    entities, quotes, events, issues = [], [], [], []
    for j in range(rng.randint(0, 3)):
        s = rng.randint(0, n - 5)
        entities.append(
            Entity(
                fact_id("entities", aid, j),
                aid,
                rng.choice(NAMES),
                rng.choice(KINDS),
                country=rng.choice(COUNTRIES),
                actor_code=rng.choice(("USAGOV", "CHNGOV", None)),
                start=s,
                end=s + 4,
                stage=STAGE,
                confidence=round(rng.random(), 2),
            )
        )
    for j in range(rng.randint(0, 2)):
        s = rng.randint(0, n - 5)
        who = rng.choice(NAMES)
        quotes.append(
            Quote(
                fact_id("quotes", aid, j),
                aid,
                s,
                s + 5,
                article.text[s : s + 5],
                rng.choice(("direct", "indirect")),
                speaker=ActorRef(who, None) if rng.random() < 0.8 else None,
                stage=STAGE,
                confidence=round(rng.random(), 2),
            )
        )
    for j in range(rng.randint(0, 3)):
        s = rng.randint(0, n - 5)
        quad = rng.choice((1, 2, 3, 4, None))
        events.append(
            Event(
                fact_id("events", aid, j),
                aid,
                s,
                s + 3,
                article.text[s : s + 3],
                article.text,
                0,
                n,
                source=ActorRef(rng.choice(NAMES), None, None, rng.choice(COUNTRIES)),
                target=ActorRef(rng.choice(NAMES), None, None, rng.choice(COUNTRIES)) if rng.random() < 0.9 else None,
                plover_event=rng.choice(PLOVER),
                cameo_code=rng.choice(("042", "190", "036", None)),
                goldstein=rng.choice((None, -10.0, -2.5, 0.0, 3.4, 7.0)),
                quad_class=quad,
                factuality=rng.choice(FACTUALITY),
                date=rng.choice((None, f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "2023-05")),
                stage=STAGE,
                confidence=round(rng.random(), 2),
            )
        )
    for j in range(rng.randint(0, 2)):
        theme = rng.choice(THEMES)
        issues.append(
            IssueTag(
                fact_id("issues", aid, j, theme),
                aid,
                0,
                5,
                theme,
                theme.title(),
                round(rng.random(), 2),
                on_agenda=rng.random() < 0.5,
                stage=STAGE,
            )
        )
    return {"entities": entities, "quotes": quotes, "events": events, "issues": issues}


def write_store(db: Path, items: Sequence[BatchItem]) -> None:
    """Write the items and rebuild the cross-article actor table, as the end of an ingest run does."""
    with Store.open(db) as store:
        store.write_batch(items)
        store.end_run()
