"""Build src/tidings/data/events/event_type_model.npz from the development data.

    .venv/bin/python scripts/train_event_model.py [EVENTS_DIR]

EVENTS_DIR defaults to ../shared/data/events. Deterministic: the same data gives the
same weights (lbfgs logistic regression, no random state involved).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from tidings.facts.event_model import MODEL_FILE
from tidings.facts.event_training import featurise, fit, load_gold, load_silver
from tidings.nlp import Parser

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    events_dir = Path(argv[0]) if argv else ROOT / ".." / "shared" / "data" / "events"
    start = time.time()
    examples = load_gold(events_dir) + load_silver(events_dir)
    featurise(examples, Parser())
    arrays = fit(examples)
    out = ROOT / "src" / "tidings" / "data" / "events" / MODEL_FILE
    np.savez_compressed(out, **arrays)
    print(f"trained on {len(examples)} examples in {time.time() - start:.0f}s -> {out} "
          f"({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
