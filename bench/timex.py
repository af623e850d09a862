"""Dates in news, end to end from raw text, on TBAQ dev (TimeBank + AQUAINT): tidings vs dateparser.

    .venv/bin/python bench/timex.py [DATA_DIR] [--half test|tune|all] [--errors]   # default ../shared/data/time
    .venv/bin/python bench/timex.py ../shared/data/entities/meantime_dev --half all --errors

DATA_DIR holds ``tbaq_dev/`` (TimeML ``.tml``) or is a MEANTIME folder (``corpus_*/*.xml``,
tokens with TIMEX3 markables; 2004-2011 Wikinews, a second development set in another era and
genre: its text is rebuilt from the tokens, the title and the body as paragraphs, the dateline
that is the creation time left out).

Beside the figures, a table by the kind of the gold value (full date, month, year, week,
quarter/half, season, decade/century, PAST/PRESENT/FUTURE_REF, other): gold count, found, value
right; on any half (the test half's kind counts may be read, its errors not).

``--errors`` also lists every DATE timex we missed or gave a wrong value (document, gold text,
gold value, our text and value, the text around): look at it on *tune* only.

Each document's text goes the way a user's does (record body -> article -> parse -> times stage,
``end_to_end.Runner``), anchored on its creation time; gold offsets are carried onto the article
text. The documents are split by a stable hash, half of TimeBank and half of AQUAINT each side
(``end_to_end.halves``): rules are tuned on *tune*; the bench reports *test* unless asked and
the floors pin *test*.

1. End to end, over every in-text DATE timex (TimeML DATE: days, months, years, weeks, quarters,
   seasons, decades, PRESENT_REF/PAST_REF/FUTURE_REF): *found* = one of our expressions overlaps
   it; *value right* = that expression's value is the gold value (a time of day on the right
   day counts: a DATE has no time part), of found and of all gold. The anchor is dateparser's
   ``search_dates`` over the same text (values compared at the gold's granularity, which is
   generous to it: it always answers a full date). *P* = our expressions that overlap a gold
   TIMEX3 of any type.
2. Gold spans given (the former bench, a second line): value accuracy on DATE timexes whose
   gold value is a day, month or year, tidings vs dateparser on the same span; detection of all
   TIMEX3 types, strict and relaxed.
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

from tidings.facts.times.detect import find_spans
from tidings.facts.times.resolve import resolve_timex
from tidings.facts.times.rules import direction_for

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))  # end_to_end, gold_text: shared by the benches
DEFAULT = ROOT / ".." / "shared" / "data" / "time"
FLOORS = ROOT / "bench" / "floors" / "time.json"
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
    group: str = ""  # TimeBank | AQUAINT: the split keeps half of each


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
    return TmlDoc(path.stem, dt.date(y, mo, d), "".join(out), timexes, path.parent.name)


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "$", "``"}


def parse_meantime(path: Path) -> TmlDoc:
    """A MEANTIME document: text rebuilt from its tokens (sentence 0 the title, sentence 1 the
    dateline holding the creation time, left out), its in-text TIMEX3 on that text."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    dateline = {t.get("t_id") for t in root.iter("token") if t.get("sentence") == "1"}
    # the creation time; two documents only tag it as a date in the dateline
    dct_el = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"
                  or (t.find("token_anchor") is not None
                      and t.find("token_anchor").get("t_id") in dateline))  # fmt: skip
    dct_ids = {a.get("t_id") for a in dct_el.iter("token_anchor")}
    y, mo, d = (int(x) for x in (dct_el.get("value") or "")[:10].split("-"))
    out: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    sentence, glue = None, False
    for tok in root.iter("token"):
        t_id, word = tok.get("t_id") or "", tok.text or ""
        if t_id in dct_ids:
            continue
        if tok.get("sentence") != sentence:
            if out:
                out.append("\n\n" if sentence == "0" else " ")
            sentence, glue = tok.get("sentence"), True
        length = sum(map(len, out))
        if not glue and word not in _NO_SPACE_BEFORE:
            out.append(" ")
            length += 1
        out.append(word)
        where[t_id] = (length, length + len(word))
        glue = word in _NO_SPACE_AFTER
    timexes = []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") or "" for a in tx.iter("token_anchor")]
        if tx is dct_el or not ids or any(i not in where for i in ids):
            continue
        timexes.append(Timex(where[ids[0]][0], where[ids[-1]][1], tx.get("type", ""), tx.get("value", "")))
    return TmlDoc(path.stem, dt.date(y, mo, d), "".join(out), timexes, path.parent.name)


def load(data_dir: Path, half: str = "all") -> list[TmlDoc]:
    from end_to_end import halves, pick

    if (data_dir / "tbaq_dev").is_dir():
        docs = [parse_tml(p) for p in sorted((data_dir / "tbaq_dev").rglob("*.tml"))]
    else:  # MEANTIME
        docs = [parse_meantime(p) for p in sorted(data_dir.glob("corpus_*/*.xml"))]
    side = halves([(d.group, d.name) for d in docs])
    return pick(docs, side, lambda d: d.name, half)


KINDS = (("full date", re.compile(r"^\d{4}-\d\d-\d\d(T.*)?$")), ("month", re.compile(r"^\d{4}-\d\d$")),
         ("year", re.compile(r"^\d{4}$")), ("week", re.compile(r"^\d{4}-W(\d+|XX|E)(-WE)?$")),
         ("quarter/half", re.compile(r"^\d{4}-(Q|H)[1-4X]$")), ("season", re.compile(r"^\d{4}-(SP|SU|FA|WI)$")),
         ("decade/century", re.compile(r"^\d{2,3}$")),
         ("*_REF", re.compile(r"^(PAST|PRESENT|FUTURE)_REF$")))  # fmt: skip


def kind(value: str) -> str:
    """The shape of a gold DATE value (TimeML's unspecified tail, "1998-XX", read as what it says)."""
    plain = _plain(value)
    return next((k for k, rx in KINDS if rx.match(plain)), "other")


def grain(value: str) -> str | None:
    return next((g for g, rx in GRAINS.items() if rx.match(value)), None)


def at_grain(pred: str | None, gold: str) -> bool:
    """``pred`` names the gold day, month or year (as ``value_ok``, a part or time of the gold day
    counts: "Thursday morning" is 1999-10-07TMO in TimeML, 1999-10-07 in some gold)."""
    pred = None if pred is None else re.sub(r"^(\d{4}-\d\d-\d\d)T.*$", r"\1", pred)
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


def value_ok(pred: str | None, gold: str) -> bool:
    """Our value is the gold DATE value (so is a time of day on the gold day; TimeML's
    unspecified parts, "1949-XX", and unpadded weeks, "2000-W7", are read as what they say)."""
    if pred is None:
        return False
    return _plain(pred) == _plain(gold) or _plain(re.sub(r"^(\d{4}-\d\d-\d\d)T.*$", r"\1", pred)) == _plain(gold)


def _plain(value: str) -> str:
    value = re.sub(r"(?:-XX)+$", "", value)
    return re.sub(r"-W(\d)(?=$|-)", r"-W0\1", value)


def _overlapping(spans: list[tuple[int, int, str | None]], start: int, end: int) -> tuple[int, int, str | None] | None:
    """The prediction overlapping ``[start, end)`` most (None if none does)."""
    best = max(spans, key=lambda p: min(p[1], end) - max(p[0], start), default=None)
    return best if best is not None and best[0] < end and start < best[1] else None


def dateparser_found(text: str, dct: dt.date) -> list[tuple[int, int, str | None]]:
    """dateparser's own detection (``search_dates``) with its values, as spans of ``text``."""
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day)
    try:
        hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    except Exception:  # dateparser raises on odd input: then it found nothing
        return []
    out, pos = [], 0
    for words, when in hits:
        at = text.find(words, pos)
        if at < 0:
            continue
        out.append((at, at + len(words), when.date().isoformat()))
        pos = at + len(words)
    return out


def end_to_end(docs: list[TmlDoc]) -> dict[str, Any]:
    """Every in-text DATE timex: found, value right of found and of all; tidings and dateparser.
    ``wrong`` lists the missed ones and the found ones whose value is wrong: (doc and its date,
    gold text, gold value, ours ("" when missed), our value, the text around)."""
    from end_to_end import Runner
    from tidings.facts.times.stage import TimeStage

    t0 = time.perf_counter()
    done = Runner([TimeStage()]).run([{"text": d.text, "published": d.dct.isoformat()} for d in docs])
    t1 = time.perf_counter()
    n = 0
    c = {k: 0 for k in ("found", "right", "dp_found", "dp_right", "pred", "pred_ok")}
    kinds: dict[str, dict[str, int]] = {k: {"n": 0, "found": 0, "right": 0} for k, _ in (*KINDS, ("other", None))}
    wrong: list[tuple[str, str, str, str, str | None, str]] = []
    for doc, got in zip(docs, done, strict=True):
        ours = [(t.start, t.end, t.value) for t in got.facts["times"]]
        dp = [s for s in (_carry(got.offsets, p) for p in dateparser_found(doc.text, doc.dct)) if s is not None]
        gold_all = [m for m in (got.offsets.span(t.start, t.end) for t in doc.timexes) if m is not None]
        c["pred"] += len(ours)
        c["pred_ok"] += sum(any(s < ge and gs < e for gs, ge in gold_all) for s, e, _ in ours)
        for tx in doc.timexes:
            if tx.type != "DATE":
                continue
            n += 1
            k = kinds[kind(tx.value)]
            k["n"] += 1
            where = got.offsets.span(tx.start, tx.end)
            if where is None:
                continue
            hit = _overlapping(ours, *where)
            if hit is None:
                around = " ".join(doc.text[max(0, tx.start - 70) : tx.end + 40].split())
                wrong.append((f"{doc.name} {doc.dct}", doc.text[tx.start : tx.end], tx.value, "", None, around))
            if hit is not None:
                c["found"] += 1
                c["right"] += value_ok(hit[2], tx.value)
                k["found"] += 1
                k["right"] += value_ok(hit[2], tx.value)
                if not value_ok(hit[2], tx.value):
                    said = got.article.text[hit[0] : hit[1]]
                    around = " ".join(doc.text[max(0, tx.start - 70) : tx.end + 40].split())
                    wrong.append((f"{doc.name} {doc.dct}", doc.text[tx.start : tx.end], tx.value, said, hit[2], around))
            hit = _overlapping(dp, *where)
            if hit is not None:
                c["dp_found"] += 1
                c["dp_right"] += at_grain(hit[2], tx.value) if grain(tx.value) else False
    return {
        "n": n,
        "found": c["found"] / n,
        "right_of_found": c["right"] / max(c["found"], 1),
        "right_of_all": c["right"] / n,
        "precision": c["pred_ok"] / max(c["pred"], 1),
        "dateparser": {
            "found": c["dp_found"] / n,
            "right_of_found": c["dp_right"] / max(c["dp_found"], 1),
            "right_of_all": c["dp_right"] / n,
        },
        "seconds": {"tidings": t1 - t0, "dateparser": time.perf_counter() - t1},
        "wrong": wrong,
        "kinds": kinds,
    }


def _carry(offsets: Any, pred: tuple[int, int, str | None]) -> tuple[int, int, str | None] | None:
    moved = offsets.span(pred[0], pred[1])
    return None if moved is None else (moved[0], moved[1], pred[2])


def run(data_dir: Path = DEFAULT, half: str = "test") -> dict[str, Any]:
    from tidings.nlp import Parser

    docs = load(data_dir, half)
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
        "end_to_end": end_to_end(docs),
        "docs": len(docs),
    }


def relaxed(det: dict[str, int]) -> dict[str, float]:
    """Overlap scores: a prediction is right if it overlaps a gold span, and vice versa."""
    p = det["relaxed_p"] / det["pred"] if det["pred"] else 0.0
    r = det["relaxed_r"] / det["gold"] if det["gold"] else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


HEADLINE = (("found", "DATE timexes found"), ("right_of_found", "value right, of found"),
            ("right_of_all", "value right, of all gold"))  # fmt: skip


def floor_values(res: dict[str, Any]) -> dict[str, float]:
    e2e = res["end_to_end"]
    return {
        "found": e2e["found"],
        "right_of_all": e2e["right_of_all"],
        "right_of_found": e2e["right_of_found"],
        "precision": e2e["precision"],
        "gold_spans_value_acc": res["value_acc"],
        "detect_relaxed_f1": res["detect_relaxed"]["f1"],
    }


def main(argv: list[str]) -> None:
    import json

    from end_to_end import data_dir_arg, half_arg, ratio

    half, rest = half_arg(argv, __doc__ or "", ("--errors",))
    errors = "--errors" in rest
    rest = [a for a in rest if a != "--errors"]
    res = run(data_dir_arg(rest, DEFAULT), half)
    e2e, dp = res["end_to_end"], res["end_to_end"]["dateparser"]
    name = "TBAQ dev" if rest == [] or (Path(rest[0]) / "tbaq_dev").is_dir() else Path(rest[0]).name
    print(f"{name}, {half} half, end to end from raw text: {res['docs']} docs, {e2e['n']} DATE timexes "
          f"(time: tidings {e2e['seconds']['tidings']:.1f} s with the parse, dateparser "
          f"{e2e['seconds']['dateparser']:.1f} s)")  # fmt: skip
    print(f"{'':30} {'tidings':>8} {'dateparser':>10} {'ratio':>6}")
    for key, label in HEADLINE:
        print(f"{label:30} {e2e[key]:8.3f} {dp[key]:10.3f} {ratio(e2e[key], dp[key]):>6}")
    print(f"{'our expressions that are gold':30} {e2e['precision']:8.3f}")
    print(f"\nby kind of gold value: {'gold':>5} {'found':>6} {'right':>6} {'right/all':>9}")
    for label, k in e2e["kinds"].items():
        if k["n"]:
            print(f"{label:22} {k['n']:5} {k['found']:6} {k['right']:6} {k['right'] / k['n']:9.3f}")
    print()
    rel = res["detect_relaxed"]
    print(f"gold spans given: {res['n']} DATE timexes with a day/month/year value")
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
    if errors:
        print(f"\nmissed or wrong ({len(e2e['wrong'])}): document date | gold text = gold value | ours = our value")
        for name, gold_text, gold_value, ours, value, around in e2e["wrong"]:
            print(f"{name} | {gold_text!r} = {gold_value} | {ours!r} = {value}\n    ... {around}")
    if FLOORS.exists() and half == "test" and name == "TBAQ dev":
        got = floor_values(res)
        floors = json.loads(FLOORS.read_text("utf-8"))
        low = [f"{k}={got[k]:.3f} < {v}" for k, v in floors.items() if got[k] < v]
        print("floors:", "OK" if not low else "BELOW " + "; ".join(low))


if __name__ == "__main__":
    main(sys.argv[1:])
