"""Check running-news event annotations against the format of bench/gold/running_news/GUIDELINES.md.

    .venv/bin/python scripts/gold/check_events.py [ANN_DIR] [--sample SAMPLE]

Prints one line per problem and exits 1 if there is any: every sentence of the sample once and in
order, event ids `s<sid>e<n>`, CAMEO codes as 3-4 digit strings, PLOVER from the root table, known
factuality values and sectors, main events that exist.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "bench" / "gold" / "running_news"

PLOVER_OF_ROOT = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "RETREAT", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
    "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
FACTUALITY = {"asserted", "planned", "hypothetical", "negated", "alleged"}
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "IGO", "NGO", "MED", "BUS", "REB", "OPP", "CVL", "EDU", "LAB",
    "REF", "HLH", "AGR", "ELI", "SPY", "CRM",
}  # fmt: skip


def _expected_plover(cameo: str) -> str | None:
    if cameo[:3] in {"081", "082", "083"}:
        return "CONCEDE"
    if cameo[:3] == "163":
        return "SANCTION"
    if cameo[:3] == "172":
        return "COERCE"
    return PLOVER_OF_ROOT.get(cameo[:2])


def _actor_problems(where: str, ref: Any) -> list[str]:
    if ref is None:
        return []
    if not isinstance(ref, dict) or not isinstance(ref.get("text"), str) or not ref["text"].strip():
        return [f"{where}: actor needs a non-empty text"]
    out = []
    country = ref.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
        out.append(f"{where}: country {country!r} is not ISO alpha-3")
    if ref.get("sector") is not None and ref["sector"] not in SECTORS:
        out.append(f"{where}: unknown sector {ref['sector']!r}")
    return out


def check(row: dict[str, Any], ann: dict[str, Any]) -> list[str]:
    doc = row["doc_id"]
    out: list[str] = []
    sids = [s.get("sid") for s in ann.get("sentences", [])]
    if sids != [s["sid"] for s in row["sentences"]]:
        out.append(f"{doc}: sentences must be sids 0..{len(row['sentences']) - 1} once, in order")
    eids = set()
    for sent in ann.get("sentences", []):
        for n, ev in enumerate(sent.get("events", []), start=1):
            where = f"{doc}#{sent.get('sid')}"
            if ev.get("eid") != f"s{sent.get('sid')}e{n}":
                out.append(f"{where}: eid {ev.get('eid')!r} should be s{sent.get('sid')}e{n}")
            eids.add(ev.get("eid"))
            cameo = ev.get("cameo")
            if not isinstance(cameo, str) or not re.fullmatch(r"(0[1-9]|1\d|20)\d{1,2}", cameo):
                out.append(f"{where}: cameo {cameo!r} must be a 3-4 digit string")
                continue
            if ev.get("plover") != _expected_plover(cameo):
                out.append(f"{where}: plover {ev.get('plover')!r} for {cameo}, expected {_expected_plover(cameo)!r}")
            if ev.get("factuality") not in FACTUALITY:
                out.append(f"{where}: factuality {ev.get('factuality')!r}")
            if not isinstance(ev.get("trigger"), str) or not ev["trigger"].strip():
                out.append(f"{where}: trigger missing")
            if not isinstance(ev.get("background"), bool):
                out.append(f"{where}: background must be true or false")
            out += _actor_problems(f"{where} source", ev.get("source"))
            out += _actor_problems(f"{where} target", ev.get("target"))
    for eid in ann.get("main_events", []):
        if eid not in eids:
            out.append(f"{doc}: main event {eid!r} is not an event of the article")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ann", nargs="?", type=Path, default=GOLD / "ann")
    ap.add_argument("--sample", type=Path, default=GOLD / "sample.jsonl")
    args = ap.parse_args(argv)
    problems: list[str] = []
    seen = 0
    for line in args.sample.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        path = args.ann / f"{row['doc_id']}.json"
        if not path.exists():
            continue
        seen += 1
        try:
            ann = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problems.append(f"{row['doc_id']}: not JSON ({exc})")
            continue
        problems += check(row, ann)
    for p in problems:
        print(p)
    print(f"{seen} annotations checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
