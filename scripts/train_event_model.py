"""Build src/tidings/data/events/event_type_model.npz from the development data.

    .venv/bin/python scripts/train_event_model.py [EVENTS_DIR] [--exclude penta,plover] [-o FILE]

EVENTS_DIR defaults to ../shared/data/events. Deterministic: the same data gives the
same weights (lbfgs logistic regression, no random state involved). In the same run it
freezes the model's five cross-validation twins (each trained without one fold of the gold)
in bench/models/event_type_folds.npz: bench/events.py scores every gold sentence with the twin
that never saw it, so the bench measures the model that ships, on today's rules.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from event_training import FOLDS, FOLDS_FILE, featurise, fit, fit_folds, load_gold, load_silver, save_folds

from tidings.facts.events.model import MODEL_FILE
from tidings.nlp import Parser

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description="Build the shipped event-type model.")
    args.add_argument("events_dir", nargs="?", type=Path, default=ROOT / ".." / "shared" / "data" / "events")
    args.add_argument(
        "--exclude",
        default="",
        help="corpora to leave out: plover, petr2, penta, silver (penta,plover leaves MIT-licensed data only)",
    )
    args.add_argument("-o", "--output", type=Path, default=ROOT / "src" / "tidings" / "data" / "events" / MODEL_FILE)
    args.add_argument("--folds", type=Path, default=FOLDS_FILE, help="where the cross-validation twins go")
    args.add_argument("--no-folds", action="store_true", help="train the shipped model only")
    opts = args.parse_args(argv)
    exclude = {x.strip() for x in opts.exclude.split(",") if x.strip()}
    start = time.time()
    examples = [ex for ex in load_gold(opts.events_dir) + load_silver(opts.events_dir) if ex.corpus not in exclude]
    featurise(examples, Parser())
    arrays = fit(examples)
    out: Path = opts.output
    np.savez_compressed(out, **arrays)
    if not opts.no_folds:
        gold = [ex for ex in examples if ex.corpus != "silver"]
        silver = [ex for ex in examples if ex.corpus == "silver"]
        save_folds(opts.folds, fit_folds(gold, silver), gold)
        print(f"froze {FOLDS} cross-validation twins -> {opts.folds}")
    print(
        f"trained on {len(examples)} examples in {time.time() - start:.0f}s -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
