"""Temporal expression benchmark on TimeBank + AQUAINT (TBAQ-cleaned, TempEval-3 training).

    .venv/bin/python bench/timex.py [DATA_DIR]       # default ../shared/data/time

1. Value accuracy with GOLD spans on DATE timexes whose gold value is a day, month or year
   (anchored on each document's creation time), tidings vs plain dateparser side by side.
   "at gold granularity" truncates a prediction to the gold's precision (how dateparser,
   which always returns a full date, is scored); "exact" also requires our precision to
   equal the gold's.
2. Detection with OUR spans against all gold TIMEX3: strict (same extent) and relaxed
   (overlap) precision/recall/F1.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.facts.times.resolve import resolve_timex
from tidings.facts.times.rules import direction_for, find_spans

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "data" / "time"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
GRAINS = {"day": re.compile(r"^\d{4}-\d\d-\d\d$"), "month": re.compile(r"^\d{4}-\d\d$"),
          "year": re.compile(r"^\d{4}$")}  # fmt: skip


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class TmlDoc:
    name: str
    dct: dt.date
    text: str
    timexes: list[Timex]


def parse_tml(path: Path) -> TmlDoc:
    raw = path.read_text("utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*|<DCT>.*?value="([^"]+)"', raw, re.S)
    dct_value = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', raw, re.S)
    assert dct is not None and dct_value is not None, path
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    pos = 0
    length = 0
    timexes: list[Timex] = []
    open_tx: dict[str, Any] | None = None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag, attrs = m.groups()
        if tag != "TIMEX3":
            continue
        if not closing:
            open_tx = {"start": length, **dict(_ATTR.findall(attrs))}
        elif open_tx is not None:
            timexes.append(Timex(open_tx["start"], length, open_tx.get("type", ""), open_tx.get("value", "")))
            open_tx = None
    out.append(html.unescape(body[pos:]))
    y, mo, d = (int(x) for x in dct_value.group(1).split("-"))
    return TmlDoc(path.stem, dt.date(y, mo, d), "".join(out), timexes)


def load(data_dir: Path) -> list[TmlDoc]:
    return [parse_tml(p) for p in sorted((data_dir / "tbaq_dev").rglob("*.tml"))]


def grain(value: str) -> str | None:
    return next((g for g, rx in GRAINS.items() if rx.match(value)), None)


def at_grain(pred: str | None, gold: str) -> bool:
    return (
        pred is not None
        and re.match(r"^\d{4}(-\d\d){0,2}$", pred) is not None
        and len(pred) >= len(gold)
        and pred[: len(gold)] == gold
    )


def dateparser_value(text: str, dct: dt.date) -> str | None:
    import dateparser

    got = dateparser.parse(text, languages=["en"],
                           settings={"RELATIVE_BASE": dt.datetime(dct.year, dct.month, dct.day)})  # fmt: skip
    return got.date().isoformat() if got else None


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def run(data_dir: Path = DEFAULT) -> dict[str, Any]:
    from tidings.nlp import Parser

    docs = load(data_dir)
    parser = Parser()
    counts: dict[str, dict[str, int]] = {g: {"n": 0, "tidings": 0, "exact": 0, "dateparser": 0} for g in GRAINS}
    det = {"gold": 0, "pred": 0, "strict": 0, "relaxed_p": 0, "relaxed_r": 0}
    t_ours = t_dp = 0.0
    for doc, parsed in zip(docs, parser.pipe(d.text for d in docs), strict=True):
        for tx in doc.timexes:
            g = grain(tx.value) if tx.type == "DATE" else None
            if g is None:
                continue
            span = doc.text[tx.start : tx.end]
            t0 = time.perf_counter()
            value, precision, _ = resolve_timex(span, doc.dct, direction=direction_for(parsed, tx.start, tx.end))
            t1 = time.perf_counter()
            dp = dateparser_value(span, doc.dct)
            t_dp += time.perf_counter() - t1
            t_ours += t1 - t0
            c = counts[g]
            c["n"] += 1
            c["tidings"] += at_grain(value, tx.value)
            c["exact"] += value == tx.value and precision == g
            c["dateparser"] += at_grain(dp, tx.value)
        ours = find_spans(parsed)
        gold = [(t.start, t.end) for t in doc.timexes]
        det["gold"] += len(gold)
        det["pred"] += len(ours)
        det["strict"] += len(set(ours) & set(gold))
        det["relaxed_p"] += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in ours)
        det["relaxed_r"] += sum(any(s < ge and gs < e for s, e in ours) for gs, ge in gold)
    n = sum(c["n"] for c in counts.values())
    total = {k: sum(c[k] for c in counts.values()) for k in ("tidings", "exact", "dateparser")}
    return {
        "n": n,
        "by_grain": counts,
        "value_acc": total["tidings"] / n,
        "value_acc_exact": total["exact"] / n,
        "dateparser_acc": total["dateparser"] / n,
        "ms_per_expr": {"tidings": 1000 * t_ours / n, "dateparser": 1000 * t_dp / n},
        "detect_strict": prf(det["strict"], det["pred"], det["gold"]),
        "detect_relaxed": relaxed(det),
    }


def relaxed(det: dict[str, int]) -> dict[str, float]:
    """Overlap scores: a prediction is right if it overlaps a gold span, and vice versa."""
    p = det["relaxed_p"] / det["pred"] if det["pred"] else 0.0
    r = det["relaxed_r"] / det["gold"] if det["gold"] else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main(argv: list[str]) -> None:
    res = run(Path(argv[0]) if argv else DEFAULT)
    rel = res["detect_relaxed"]
    print(f"TBAQ dev, gold spans: {res['n']} DATE timexes with a day/month/year value")
    print(f"{'grain':8} {'n':>5} {'tidings':>8} {'exact':>7} {'dateparser':>10} {'ratio':>6}")
    for g, c in res["by_grain"].items():
        print(f"{g:8} {c['n']:5} {c['tidings'] / c['n']:8.3f} {c['exact'] / c['n']:7.3f} "
              f"{c['dateparser'] / c['n']:10.3f} {c['tidings'] / max(c['dateparser'], 1):6.2f}")  # fmt: skip
    print(f"{'all':8} {res['n']:5} {res['value_acc']:8.3f} {res['value_acc_exact']:7.3f} "
          f"{res['dateparser_acc']:10.3f} {res['value_acc'] / res['dateparser_acc']:6.2f}")  # fmt: skip
    ms = res["ms_per_expr"]
    print(f"ms/expression: tidings {ms['tidings']:.2f}, dateparser {ms['dateparser']:.2f}")
    s = res["detect_strict"]
    print(f"detection (our spans vs all gold TIMEX3): strict P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}; "
          f"relaxed P {rel['p']:.3f} R {rel['r']:.3f} F1 {rel['f1']:.3f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
