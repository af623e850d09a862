"""Which own coding rules apply in this run: one switch read by every stage that has rules.

The rule tables (their names, groups and what each generalises) live with the stages that own
them (events/rules.py); the switch lives here, below them all, so the actor coder — which the
event stage calls, not the other way round — can ask about a rule without importing the event
package.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_off: ContextVar[frozenset[str]] = ContextVar("tidings_disabled_rules", default=frozenset())


def active(name: str) -> bool:
    """Whether an own rule applies now (all do unless switched off for this run)."""
    return name not in _off.get()


def disabled_now() -> frozenset[str]:
    """The rules switched off now (part of memo keys, so a memo never mixes two settings)."""
    return _off.get()


@contextmanager
def switched_off(names: frozenset[str]) -> Iterator[None]:
    """Switch exactly these rule names off inside the block (names already checked by the caller)."""
    token = _off.set(names)
    try:
        yield
    finally:
        _off.reset(token)
