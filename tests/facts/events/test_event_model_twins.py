"""The type model's frozen cross-validation twins (bench/models) belong to the shipped model."""

from __future__ import annotations

import numpy as np

from bench_loader import load_bench
from tidings.facts.events.model import load_model


def test_the_twins_are_five_models_of_the_shipped_models_shape_and_labels() -> None:
    bench = load_bench("events")  # puts scripts/ on the path, as the bench does
    twins, prints = bench.load_folds(bench.FOLDS_FILE)
    shipped = load_model()
    assert shipped is not None
    assert len(twins) == bench.FOLDS
    for twin in twins:
        assert tuple(str(x) for x in twin["labels"]) == shipped.labels
        assert np.asarray(twin["w_type"]).shape == shipped.w_type.shape
        # each was trained without one fold, so none is the shipped model itself
        assert not np.array_equal(np.asarray(twin["w_type"], dtype=np.float32), shipped.w_type)
    # every gold sentence the twins saw has its feature fingerprint, so the bench can say what moved since
    assert len(prints) > 1000 and all(isinstance(p, int) for p in prints.values())
