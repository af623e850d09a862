"""Where things are, for tests at any depth: the project root and ../shared beside it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
