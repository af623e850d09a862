"""The CAMEO / PLOVER codebook shipped in ``tidings/data/events`` (sources in its README).

One immutable :class:`Codebook` per process (``load_codebook`` is an lru_cache over
shipped data). It answers: is a CAMEO code valid, what is its root/base code, Goldstein
value, GDELT QuadClass, PentaClass, and which PLOVER event type and mode it maps to;
and the reverse: the default CAMEO code for a PLOVER type.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from importlib import resources

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The 16 PLOVER/POLECAT event types, in the manual's order (cooperative to conflictual)."""

# Default CAMEO code for each PLOVER type when no finer code is known: the base code
# of the type's first CAMEO root (CONCEDE/RETREAT share root 08, so use their own bases).
_PLOVER_DEFAULT_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "087", "REQUEST": "100", "ACCUSE": "111", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "190",
}  # fmt: skip

_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    base: str
    name: str
    goldstein: float
    quad_class: int
    penta_class: int
    plover_event: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Codebook:
    codes: dict[str, CameoCode]
    plover_modes: dict[str, frozenset[str]] = field(default_factory=dict)
    plover_scores: dict[str, float] = field(default_factory=dict)

    def is_valid_cameo(self, code: str | None) -> bool:
        return code is not None and bool(_CODE.match(code)) and code in self.codes

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"not a CAMEO code: {code!r}") from None

    def root(self, code: str) -> str:
        return self.get(code).root

    def base(self, code: str) -> str:
        return self.get(code).base

    def goldstein(self, code: str) -> float:
        return self.get(code).goldstein

    def quad_class(self, code: str) -> int:
        return self.get(code).quad_class

    def penta_class(self, code: str) -> int:
        return self.get(code).penta_class

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """(PLOVER event type, mode) for a CAMEO code; (None, None) for 01/02 statements."""
        entry = self.get(code)
        return entry.plover_event, entry.plover_mode

    def default_cameo(self, plover_event: str) -> str:
        return _PLOVER_DEFAULT_CAMEO[plover_event]

    def is_valid_mode(self, plover_event: str, mode: str | None) -> bool:
        return mode is None or mode in self.plover_modes.get(plover_event, frozenset())

    def normalise(self, code: str) -> str | None:
        """A valid code for ``code`` (dictionary codes may be finer than the codebook:
        fall back to the longest valid prefix of at least the root), else None."""
        for cut in range(len(code), 1, -1):
            if code[:cut] in self.codes:
                return code[:cut]
        return None


def _data(name: str) -> str:
    return resources.files("tidings.data.events").joinpath(name).read_text("utf-8")


@functools.lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    codes: dict[str, CameoCode] = {}
    plover_map = {r["cameo_code"]: r for r in csv.DictReader(_data("cameo_to_plover_2021.csv").splitlines())}
    rows = list(csv.DictReader(_data("cameo_event_codes.csv").splitlines()))
    # two CAMEO 1.1b3 codes (1213, 1214) lack a GDELT Goldstein value: use their base's
    given = {r["cameo_code"]: float(r["goldstein"]) for r in rows if r["goldstein"]}
    for row in rows:
        code = row["cameo_code"]
        event = row["plover_event"] or None
        mode = row["plover_mode"] or None
        if event is None and code in plover_map:
            event = plover_map[code]["plover_event"] or None
        if event is None and row["root_code"] not in ("01", "02"):
            # codes the 2021 table omits (e.g. 2-digit roots): the root's type
            root_row = plover_map.get(row["root_code"])
            event = root_row["plover_event"] if root_row and root_row["plover_event"] else None
        if event is not None and "|" in event:  # root 08 is "CONCEDE|RETREAT": take the first
            event = event.split("|")[0]
        codes[code] = CameoCode(
            code=code,
            root=row["root_code"],
            base=row["base_code"] or code,
            name=row["name_cameo_1_1b3"] or row["name_gdelt_lookup"],
            goldstein=given.get(code, given.get(row["base_code"], 0.0)),
            quad_class=int(row["gdelt_quad_class"]),
            penta_class=int(row["penta_class"]),
            plover_event=event,
            plover_mode=mode,
        )
    modes: dict[str, set[str]] = {}
    for row in csv.DictReader(_data("plover_modes.csv").splitlines()):
        modes.setdefault(row["plover_event"], set()).add(row["mode"])
    scores = {
        row["plover_event"]: float(row["plover_score"])
        for row in csv.DictReader(_data("plover_event_types.csv").splitlines())
    }
    return Codebook(codes, {k: frozenset(v) for k, v in modes.items()}, scores)


def is_valid_cameo(code: str | None) -> bool:
    return load_codebook().is_valid_cameo(code)
