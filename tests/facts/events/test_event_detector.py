"""The detector file keeps everything its weights were fitted with."""

from __future__ import annotations

import json
import math

from tidings.facts.events.detect import Detector, prior_feature


def test_detector_json_keeps_the_trigger_track_record() -> None:
    fitted = Detector({"trigger_prior": 0.5, "bias": 0.1}, -1.0, 0.3, "note", {"said|01": [10.0, 1.0]}, 0.2)
    data = json.loads(fitted.to_json())
    loaded = Detector(data["weights"], data["intercept"], data["threshold"], data["note"], data["triggers"],
                      data["base_rate"])  # fmt: skip
    assert loaded.triggers == {"said|01": [10.0, 1.0]} and loaded.base_rate == 0.2
    prior = prior_feature(loaded.triggers["said|01"], loaded.base_rate)
    assert prior < math.log(0.2 / 0.8)  # a trigger rarely real scores below the base rate
    feats = {"bias": 1.0, "trigger_prior": prior}
    assert math.isclose(loaded.probability(feats), fitted.probability(feats))


def test_detector_json_keeps_the_export_threshold_never_below_emission() -> None:
    fitted = Detector({"bias": 0.1}, -1.0, 0.25, "note", {}, 0.2, 0.4)
    data = json.loads(fitted.to_json())
    assert data["export_threshold"] == 0.4 and fitted.export_min_confidence == 0.4
    # an export floor under the emission threshold would promise events that were never stored
    assert Detector({}, 0.0, 0.3, export_threshold=0.1).export_min_confidence == 0.3
    assert Detector({}, 0.0, 0.3).export_min_confidence == 0.3
