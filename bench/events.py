"""Event-coding benchmark: tidings vs a dictionary-only ("PETRARCH-lite") baseline.

    .venv/bin/python bench/events.py [EVENTS_DIR] [--exclude penta,plover]

EVENTS_DIR defaults to ../shared/data/events. Both systems read the same spaCy parses and
the same candidates and actors; the baseline ("PETRARCH-lite") codes the candidate nearest the
root that the PETRARCH-2 verb dictionary alone codes, with that code (no own rules, no framing,
no model, no factuality); tidings codes its main candidate exactly as the event stage does:
own rules, learned type model, modality and factuality. The type model is the shipped one's
cross-validation twin: `scripts/train_event_model.py` freezes, beside the shipped model, five
models each trained without one fold of this gold (bench/models/event_type_folds.npz), and every
gold sentence is predicted by the twin that never saw it. So a new rule is measured as it ships —
on the sentences it changes, with the model users have — and not through a model retrained on
its changed training features, which moved the 47-sentence CAMEO check by whole sentences far
from the rule. `--retrain` retrains the twins on today's features (silver stories always in
training unless excluded) to judge a retrained model before shipping it; `--exclude` implies it.
The log says how many gold training sentences have other features today than when frozen.
Actor scores count only the actors of events a system emits.

Scores: event type accuracy / macro-F1 for PLOVER 16 (PLOVER GSR dev), CAMEO root 20
(PETRARCH-2 GSR dev), PentaClass 5 (ConfliBERT train file); source/target country and
sector on PLOVER + PETR2 gold, two ways: ``*_acc`` = of the actor slots the coder fills, the
share whose actor is right (what GDELT's manual checks report: "Actor1 79% correct"), and
``*_recall`` = of all gold slots, the share with a right actor among the first three (an
empty slot counts as wrong); no-event precision/recall (PETR2 sentences marked no_events);
share of emitted CAMEO codes valid in the codebook. Gold actor codes in CAMEO's legacy
spelling (JAP, ITL, VTN) are read as the ISO codes the coder emits.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / ".." / "shared" / "data" / "events"
sys.path.insert(0, str(ROOT / "scripts"))  # the training helpers live with the training script

from event_training import (  # noqa: E402
    FOLDS,
    FOLDS_FILE,
    Example,
    feature_print,
    featurise,
    fit_folds,
    load_folds,
    load_gold,
    load_silver,
)
from sklearn.metrics import f1_score  # noqa: E402

from tidings.facts.events.candidates import Candidate  # noqa: E402
from tidings.facts.events.decide import TypeDecision, decide_lexicon_only  # noqa: E402
from tidings.facts.events.model import EventTypeModel  # noqa: E402
from tidings.facts.events.rules import disabled  # noqa: E402
from tidings.facts.events.stage import code_candidate  # noqa: E402
from tidings.nlp import Parser  # noqa: E402
from tidings.ontology.codebook import load_codebook  # noqa: E402

NONSTATE = {"IGO", "NGO", "MNC", "UNO", "EUR", "ISM", "IMG"}
SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "REB",
    "OPP",
    "CVL",
    "BUS",
    "MED",
    "EDU",
    "LEG",
    "SPY",
    "CRM",
    "IGO",
    "NGO",
    "LAB",
    "REF",
    "HLH",
    "AGR",
    "ELI",
    "PTY",
    "UAF",
    "INS",
    "MOD",
    "RAD",
}


def _split_code(code: str) -> tuple[str | None, str | None]:
    """('USA', 'GOV') from a CAMEO actor code like USAGOV; IGO... codes have no country."""
    code = (code or "").strip().upper()
    if len(code) < 3 or code.startswith("---") or code[:3] in SECTORS:
        return None, code[:3] if code[:3] in SECTORS else None
    sector = next((code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3] in SECTORS), None)
    return code[:3], sector


# CAMEO legacy country codes in the gold (the CAMEO manual predates ISO usage) -> the codes we emit
LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TMP": "TLS", "GMW": "DEU", "UKG": "GBR"}


def _norm(code: str | None) -> str | None:
    return LEGACY.get(code, code) if code else None


def gold_dyad(ex: Example) -> tuple[list[tuple[str | None, str | None]], list[tuple[str | None, str | None]]]:
    if ex.corpus == "plover":
        src = [(_norm(a.get("code")), a.get("sector") or None) for a in ex.gold.get("actors", [])]
        tgt = [(_norm(a.get("code")), a.get("sector") or None) for a in ex.gold.get("recipients", [])]
        return src, tgt
    if ex.corpus == "petr2" and ex.gold.get("events"):
        ev = ex.gold["events"][0]
        (sc, ss), (tc, ts) = _split_code(ev["source"]), _split_code(ev["target"])
        return [(_norm(sc), ss)], [(_norm(tc), ts)]
    return [], []


def actor_field(ref: Any, attr: str) -> str | None:
    """Country (or the IGO/NGO/... prefix of a non-state code) or sector of a coded actor."""
    code = ref.actor_code or ""
    if attr == "country":
        return _norm(ref.country or (code[:3] if code[:3] in NONSTATE else None))
    return ref.sector or (code[:3] if code[:3] in NONSTATE else None)


def _macro(gold: Sequence[Any], pred: Sequence[Any]) -> float:
    labels = sorted({g for g in gold if g is not None}, key=str)
    return float(
        f1_score(
            [str(g) for g in gold],
            [str(p) for p in pred],
            labels=[str(x) for x in labels],
            average="macro",
            zero_division=0,
        )
    )


def _acc(gold: Sequence[Any], pred: Sequence[Any]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))


def _emits(ex: Example, decision: TypeDecision | None, factuality: dict[str, str] | None) -> bool:
    """Whether the coder puts an event for the sentence into the (asserted-only) event table."""
    if decision is None:
        return False
    return factuality is None or factuality.get(ex.id) == "asserted"


def evaluate(
    examples: Sequence[Example],
    decisions: dict[str, TypeDecision | None],
    factuality: dict[str, str] | None,
    pentas: dict[str, int | None],
    mains: dict[str, Candidate | None],
) -> dict[str, float]:
    book = load_codebook()
    out: dict[str, float] = {}
    plover = [ex for ex in examples if ex.corpus == "plover"]
    g = [ex.type_label for ex in plover]
    p = [(decisions[ex.id].plover_event if decisions[ex.id] else None) for ex in plover]  # type: ignore[union-attr]
    out["plover16_acc"], out["plover16_macro_f1"] = _acc(g, p), _macro(g, p)
    petr = [ex for ex in examples if ex.corpus == "petr2" and ex.gold.get("events")]
    g_root, p_root = [], []
    for ex in petr:
        roots = [e["cameo_code"][:2] for e in ex.gold["events"]]
        d = decisions[ex.id]
        pr = book.root(d.cameo_code) if d else None
        g_root.append(pr if pr in roots else roots[0])
        p_root.append(pr)
    out["cameo_root20_acc"], out["cameo_root20_macro_f1"] = _acc(g_root, p_root), _macro(g_root, p_root)
    penta = [ex for ex in examples if ex.corpus == "penta"]
    g5 = [ex.penta for ex in penta]
    p5 = [pentas[ex.id] for ex in penta]
    out["penta5_acc"], out["penta5_macro_f1"] = _acc(g5, p5), _macro(g5, p5)
    # dyads: per gold side (source, target) that names a country / sector.
    #   accuracy: of the sides tidings fills, the share whose first actor is right (GDELT-style: are the
    #             actor codes we output correct?);  recall: the share of all gold sides with a right actor
    #             among the first three (a side left empty counts as wrong).
    hits = {f"{side}_{attr}": [0, 0, 0, 0] for side in ("source", "target") for attr in ("country", "sector")}
    for ex in examples:
        if ex.corpus not in ("plover", "petr2"):
            continue
        gsrc, gtgt = gold_dyad(ex)
        main = mains.get(ex.id) if decisions.get(ex.id) is not None else None  # actors of emitted events only
        psrc = main.sources if main else []
        ptgt = main.targets if main else []
        if main is not None and main.reciprocal:
            ptgt = psrc
        for side, gold_list, pred_list in (("source", gsrc, psrc), ("target", gtgt, ptgt)):
            for idx, attr in ((0, "country"), (1, "sector")):
                wanted = {x[idx] for x in gold_list if x[idx]}
                if not wanted:
                    continue
                got = [v for v in (actor_field(a, attr) for a in pred_list[:3]) if v]
                h = hits[f"{side}_{attr}"]  # gold sides, filled, first right, any of three right
                h[0] += 1
                h[1] += bool(got)
                h[2] += bool(got) and got[0] in wanted
                h[3] += bool(wanted & set(got))
    for key, (_n, filled, right, _any) in hits.items():
        out[f"{key}_acc"] = right / max(1, filled)
    for key, (n, _filled, _right, any_right) in hits.items():
        out[f"{key}_recall"] = any_right / max(1, n)
    src, tgt = hits["source_country"], hits["target_country"]
    out["actor_country_acc"] = (src[2] + tgt[2]) / max(1, src[1] + tgt[1])
    out["actor_country_recall"] = (src[3] + tgt[3]) / max(1, src[0] + tgt[0])
    # no-event precision / recall on PETR2
    petr_all = [ex for ex in examples if ex.corpus == "petr2"]
    none_pred = [ex for ex in petr_all if not _emits(ex, decisions[ex.id], factuality)]
    none_gold = [ex for ex in petr_all if ex.gold.get("no_events")]
    both = [ex for ex in none_pred if ex.gold.get("no_events")]
    out["no_event_precision"] = len(both) / max(1, len(none_pred))
    out["no_event_recall"] = len(both) / max(1, len(none_gold))
    codes = [d.cameo_code for d in decisions.values() if d is not None]
    out["valid_codes"] = sum(book.is_valid_cameo(c) for c in codes) / max(1, len(codes))
    return out


def score(
    events_dir: Path = DEFAULT_DIR,
    parser: Parser | None = None,
    log: Callable[[str], None] = lambda s: None,
    exclude: frozenset[str] = frozenset(),
    dump: Path | None = None,
    retrain: bool = False,
    folds_file: Path = FOLDS_FILE,
) -> dict[str, dict[str, float]]:
    """Both systems' figures (cross-validated for tidings). ``exclude`` names corpora kept out
    of training (plover, petr2, penta, silver): every gold sentence is still scored."""
    start = time.time()
    gold = load_gold(events_dir)
    retrain = retrain or bool(exclude) or not folds_file.exists()
    silver = load_silver(events_dir) if retrain and "silver" not in exclude else []
    featurise(gold + silver, parser or Parser())
    log(f"parsed {len(gold)} gold + {len(silver)} silver sentences in {time.time() - start:.0f}s")
    if retrain:
        models = [EventTypeModel(arrays) for arrays in fit_folds(gold, silver, exclude)]
        log(f"retrained {FOLDS} fold models at {time.time() - start:.0f}s")
    else:
        frozen, prints = load_folds(folds_file)
        models = [EventTypeModel(arrays) for arrays in frozen]
        moved = sum(1 for ex in gold if ex.id in prints and prints[ex.id] != feature_print(ex))
        log(f"frozen fold models of the shipped type model; {moved} of {len(prints)} gold training sentences "
            "have other features today (--retrain scores a model retrained on them)")  # fmt: skip
    learned: dict[str, TypeDecision | None] = {}
    factuality: dict[str, str] = {}
    pentas: dict[str, int | None] = {}
    for ex in gold:
        model = models[ex.fold]
        pentas[ex.id] = model.predict(ex.feats).best_penta  # the sentence-level PentaClass head
        if ex.main is None:
            learned[ex.id] = None
            continue
        learned[ex.id], fact = code_candidate(ex.main, model)  # exactly what the event stage emits
        factuality[ex.id] = fact.value
    book = load_codebook()
    lexical = {ex.id: decide_lexicon_only(ex.base_lex) for ex in gold}
    base_penta = {k: (book.penta_class(d.cameo_code) if d else None) for k, d in lexical.items()}
    if dump is not None:  # per sentence: gold label and both systems' decisions, to read the errors
        rows = {ex.id: {"corpus": ex.corpus, "gold": ex.type_label, "trigger": getattr(ex.main, "trigger", None) and
                        ex.main.trigger.text, "tidings": (learned.get(ex.id) or None) and learned[ex.id].cameo_code,
                        "tidings_plover": (learned.get(ex.id) or None) and learned[ex.id].plover_event,
                        "rule": (learned.get(ex.id) or None) and learned[ex.id].rule,
                        "dict": (lexical[ex.id] or None) and lexical[ex.id].cameo_code} for ex in gold}  # fmt: skip
        dump.write_text(json.dumps(rows, indent=1), "utf-8")
    return {
        "tidings": evaluate(gold, learned, factuality, pentas, {ex.id: ex.main for ex in gold}),
        "baseline": evaluate(gold, lexical, None, base_penta, {ex.id: ex.base_main for ex in gold}),
    }


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("events_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    args.add_argument(
        "--exclude",
        default="",
        help="corpora kept out of training, e.g. penta,plover (the MIT-only model: petr2 + silver)",
    )
    args.add_argument("--disable", default="", help="own rules or rule groups to switch off (events/rules.py)")
    args.add_argument("--dump", type=Path, help="write each gold sentence's decisions here (JSON)")
    args.add_argument("--retrain", action="store_true", help="retrain the fold models on today's features")
    args.add_argument("--folds", type=Path, default=FOLDS_FILE, help="the frozen fold models to score with")
    opts = args.parse_args(argv)
    exclude = frozenset(x.strip() for x in opts.exclude.split(",") if x.strip())
    off = [x.strip() for x in opts.disable.split(",") if x.strip()]
    with disabled(off):
        result = score(
            opts.events_dir,
            log=lambda s: print(s, file=sys.stderr),
            exclude=exclude,
            dump=opts.dump,
            retrain=opts.retrain,
            folds_file=opts.folds,
        )
    t, b = result["tidings"], result["baseline"]
    print(f"{'metric':28} {'tidings':>9} {'dict-only':>9} {'diff':>8}")
    for key in t:
        diff = t[key] - b[key]
        print(f"{key:28} {t[key]:9.3f} {b[key]:9.3f} {diff:+8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
