"""Shared fixtures: one spaCy parser per test session, paths to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.nlp import Parser

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
BLINKEN = SHARED / "examples" / "blinken-beijing-2023-06-18.txt"


@pytest.fixture(scope="session")
def parser() -> Parser:
    return Parser()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def blinken_text() -> str:
    return BLINKEN.read_text("utf-8")
