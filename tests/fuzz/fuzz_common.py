"""Shared settings and the outcome contract of the fuzz targets.

Every target states its expected outcomes; anything else (an exception, a wrong type, an
uncoded rejection, an input over the time limit) is a finding. ``TIDINGS_FUZZ_EXAMPLES``
sets the number of inputs per target: ``make test`` runs 5,000, ``make fuzz`` 200,000;
a bare ``pytest`` run uses a small default so local runs stay quick.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

from tidings.errors import REJECTION_CODES
from tidings.extract.build import join_paragraphs
from tidings.records import Article, RawDoc, Rejected

EXAMPLES = int(os.environ.get("TIDINGS_FUZZ_EXAMPLES", "300"))
PER_INPUT_SECONDS = float(os.environ.get("TIDINGS_FUZZ_SECONDS", "2.0"))

T = TypeVar("T", bound=Callable[..., Any])
R = TypeVar("R")


def fuzz_settings(share: float = 1.0) -> Callable[[T], T]:
    """Hypothesis settings for a target; ``share`` scales the example count (a target
    split into several tests gives each a share of the per-target figure)."""
    return settings(  # type: ignore[return-value]
        max_examples=max(1, int(EXAMPLES * share)),
        deadline=None,  # time is checked by `run_timed` (CPU seconds, repeated once)
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,
            HealthCheck.large_base_example,
        ],
        derandomize=os.environ.get("TIDINGS_FUZZ_RANDOM") is None,
        print_blob=True,
    )


def run_timed(what: str, call: Callable[[], R], limit: float = PER_INPUT_SECONDS) -> R:
    """``call()``, failing when it needs more than ``limit`` seconds of this process's CPU.

    CPU time, not wall time: the CI box (2 cores) is shared, and other jobs must not turn
    into findings. A first slow call is repeated once, so one-off costs (a lazily loaded
    model, a GC pause) are not findings either; slowness that reproduces is."""
    started = time.process_time()
    result = call()
    if time.process_time() - started <= limit:
        return result
    started = time.process_time()
    result = call()
    elapsed = time.process_time() - started
    assert elapsed <= limit, f"{what} took {elapsed:.2f}s of CPU twice (limit {limit}s)"
    return result


def check_rejected(item: Rejected) -> None:
    assert isinstance(item, Rejected)
    assert item.code in REJECTION_CODES, f"uncoded rejection: {item}"
    assert isinstance(item.detail, str) and isinstance(item.stage, str)


def check_article(item: Article) -> None:
    assert isinstance(item, Article)
    assert item.text.strip(), "an Article with no text"
    assert "\x00" not in item.text
    assert item.id
    assert item.text == join_paragraphs(item.paragraphs), "text is not its paragraphs joined"


def check_outcome(item: object) -> None:
    """The contract of extraction: an Article or a coded Rejected, nothing else."""
    if isinstance(item, Rejected):
        check_rejected(item)
    else:
        assert isinstance(item, Article), f"not an Article or Rejected: {item!r}"
        check_article(item)


def check_source_items(items: list[RawDoc | Rejected]) -> None:
    """The contract of readers: RawDoc values or coded Rejected values."""
    for item in items:
        if isinstance(item, Rejected):
            check_rejected(item)
        else:
            assert isinstance(item, RawDoc), f"not a RawDoc or Rejected: {item!r}"
            assert item.id and item.origin
