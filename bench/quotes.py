"""Quote extraction and speaker attribution on PolNeAR dev: tidings vs textacy.

    .venv/bin/python bench/quotes.py [POLNEAR_DIR]

POLNEAR_DIR defaults to ../shared/data/quotes/polnear_dev (``text/*.txt`` +
``attributions/*.ann``, brat standoff). Scoring follows the GenderGapTracker recipe in the
data README: a predicted quote matches a gold content span when it covers >= 30% (lenient)
or >= 80% (strict) of the gold content characters (one-to-one, best overlap first); speaker
accuracy = matched quotes whose predicted speaker span overlaps the gold Source span (or
resolves to the same entity), over matched quotes that have a gold Source; speaker_R = gold
quotes both found and given the right speaker, over all gold quotes of the group (fair across
systems that match different numbers of quotes); cue accuracy = predicted cue overlaps the gold Cue.

Gold kinds: *direct* = content starting and ending with a quotation mark, *mixed* = other
content with a quotation mark, *indirect* = the rest (PolNeAR also counts thoughts, "X
believes that", as attributions; tidings does not extract those by default).
textacy's ``direct_quotations`` is run paragraph by paragraph (it raises ValueError on a
paragraph with unbalanced marks; that paragraph then yields nothing).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / ".." / "shared" / "data" / "quotes" / "polnear_dev"
FLOORS = ROOT / "bench" / "floors" / "quotes.json"
QUOTE_CHARS = '“”"„«»'
THRESHOLDS = (0.3, 0.8)
GROUPS = ("direct", "quoted", "indirect", "all")  # quoted = direct + mixed

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans
    source: Spans
    cue: Spans
    kind: str


@dataclass
class Pred:
    start: int
    end: int
    kind: str
    speaker: tuple[int, int] | None
    speaker_entity: str | None
    cue: tuple[int, int] | None


@dataclass
class DocCase:
    name: str
    text: str
    gold: list[Gold]
    published: str | None = None
    entity_of: Callable[[int, int], str | None] | None = field(default=None, repr=False)


# --------------------------------------------------------------------------- data
def _spans(field_text: str) -> Spans:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def gold_kind(text: str, content: Spans) -> str:
    body = " ".join(text[a:b] for a, b in content).strip()
    stripped = body.rstrip(".,;:!? ")
    opens = body[:1] in QUOTE_CHARS or body.startswith(("''", "``"))
    closes = stripped[-1:] in QUOTE_CHARS or stripped.endswith("''")
    if opens and closes:
        return "direct"
    return "mixed" if any(ch in body for ch in QUOTE_CHARS) or "''" in body else "indirect"


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, Spans] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, where = cols[1].partition(" ")
            if label in ("Source", "Cue", "Content"):
                spans[cols[0]] = _spans(where)
        elif line.startswith("E") and len(cols) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    out = []
    for roles in events:
        content = [s for ref in roles.get("Content", []) for s in spans.get(ref, [])]
        if not content:
            continue
        source = [s for ref in roles.get("Source", []) for s in spans.get(ref, [])]
        cue = [s for ref in roles.get("Cue", []) for s in spans.get(ref, [])]
        out.append(Gold(content, source, cue, gold_kind(text, content)))
    return out


def load_cases(data_dir: Path) -> list[DocCase]:
    meta: dict[str, str] = {}
    meta_path = data_dir / "metadata.tsv"
    if meta_path.exists():
        rows = meta_path.read_text("utf-8").splitlines()
        header = rows[0].split("\t")
        for row in rows[1:]:
            rec = dict(zip(header, row.split("\t"), strict=False))
            meta[rec.get("filename", "")] = rec.get("publication_date", "")
    cases = []
    for txt in sorted((data_dir / "text").glob("*.txt")):
        anns = sorted((data_dir / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text("utf-8")
        # Inter-annotator documents carry several annotations: score against the first.
        cases.append(DocCase(txt.stem, text, read_ann(anns[0], text), meta.get(txt.stem) or None))
    return cases


# --------------------------------------------------------------------------- systems
def run_tidings(cases: Sequence[DocCase], docs: Sequence[Any], *, thoughts: bool = False) -> list[list[Pred]]:
    from datetime import date

    from tidings.facts.base import FactContext
    from tidings.facts.quotes.stage import QuoteStage
    from tidings.records import Article, Paragraph

    entity_stage = _entity_stage()
    stage = QuoteStage(thoughts=thoughts)
    out = []
    for case, doc in zip(cases, docs, strict=True):
        paras = tuple(Paragraph("paragraph", p) for p in case.text.split("\n\n") if p.strip())
        article = Article(id=case.name, source="polnear", url=None, title=None, text=case.text, paragraphs=paras)
        published = date.fromisoformat(case.published) if case.published else None
        ctx = FactContext(article, doc, published, {"entities": ()})
        if entity_stage is not None:
            ctx.found.update(entity_stage(ctx))
            case.entity_of = _entity_lookup(ctx.found)
        preds = []
        for q in stage(ctx)["quotes"]:
            sp = q.speaker
            has_span = sp is not None and sp.start is not None and sp.end is not None
            speaker = (sp.start, sp.end) if sp is not None and has_span else None
            cue = (q.cue_start, q.cue_end) if q.cue_start is not None and q.cue_end is not None else None
            preds.append(Pred(q.start, q.end, q.kind, speaker, sp.entity_id if sp else None, cue))
        out.append(preds)
    return out


def _entity_stage() -> Any:
    try:
        from tidings.facts.entities.stage import EntityStage  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return EntityStage()


def _entity_lookup(found: dict[str, Any]) -> Callable[[int, int], str | None] | None:
    from tidings.facts.quotes.speakers import load_index

    index = load_index(found)
    if index is None:
        return None

    def lookup(start: int, end: int) -> str | None:
        ent = index.entity_at(start, end)
        return getattr(ent, "id", None) if ent is not None else None

    return lookup


def run_textacy(cases: Sequence[DocCase], docs: Sequence[Any]) -> list[list[Pred]]:
    from textacy.extract.triples import direct_quotations

    from tidings.facts.quotes.marks import paragraph_spans

    out = []
    for case, doc in zip(cases, docs, strict=True):
        preds = []
        for p_start, p_end in paragraph_spans(case.text):
            span = doc.char_span(p_start, p_end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            base = span.start_char
            try:
                triples = list(direct_quotations(span.as_doc()))
            except Exception:
                continue
            for t in triples:
                sp = None
                if t.speaker:
                    sp = (base + t.speaker[0].idx, base + t.speaker[-1].idx + len(t.speaker[-1]))
                cue = (base + t.cue[0].idx, base + t.cue[-1].idx + len(t.cue[-1])) if t.cue else None
                c = t.content
                preds.append(Pred(base + c.start_char, base + c.end_char, "direct", sp, None, cue))
        out.append(preds)
    return out


# --------------------------------------------------------------------------- scoring
def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _coverage(pred: Pred, gold: Gold) -> float:
    total = sum(e - s for s, e in gold.content)
    hit = sum(max(0, min(e, pred.end) - max(s, pred.start)) for s, e in gold.content)
    return hit / total if total else 0.0


def _in_group(kind: str, group: str) -> bool:
    if group == "all":
        return True
    if group == "quoted":
        return kind in ("direct", "mixed")
    return kind == group


def score(cases: Sequence[DocCase], preds: Sequence[Sequence[Pred]]) -> dict[str, Any]:
    """Per threshold and gold group: P, R, F1, speaker and cue accuracy on matched quotes."""
    res: dict[str, Any] = {}
    for thr in THRESHOLDS:
        counts = {
            g: {"pred": 0, "pred_ok": 0, "gold": 0, "gold_ok": 0, "spk_n": 0, "spk_ok": 0, "cue_n": 0, "cue_ok": 0}
            for g in GROUPS
        }
        for case, ps in zip(cases, preds, strict=True):
            pairs = sorted(
                ((c, i, j) for i, p in enumerate(ps) for j, g in enumerate(case.gold) if (c := _coverage(p, g)) >= thr),
                reverse=True,
            )
            p_used: dict[int, int] = {}
            g_used: set[int] = set()
            for _, i, j in pairs:
                if i not in p_used and j not in g_used:
                    p_used[i] = j
                    g_used.add(j)
            for g in GROUPS:
                for i, p in enumerate(ps):
                    if _in_group(p.kind, g):
                        counts[g]["pred"] += 1
                        counts[g]["pred_ok"] += i in p_used
                counts[g]["gold"] += sum(_in_group(x.kind, g) for x in case.gold)
                counts[g]["gold_ok"] += sum(_in_group(case.gold[j].kind, g) for j in g_used)
            for i, j in p_used.items():
                gold, pred = case.gold[j], ps[i]
                for g in GROUPS:
                    if not _in_group(gold.kind, g):
                        continue
                    if gold.source:
                        counts[g]["spk_n"] += 1
                        counts[g]["spk_ok"] += _speaker_ok(case, pred, gold)
                    if gold.cue:
                        counts[g]["cue_n"] += 1
                        counts[g]["cue_ok"] += pred.cue is not None and _overlaps(pred.cue, gold.cue)
        for g, c in counts.items():
            p = c["pred_ok"] / c["pred"] if c["pred"] else 0.0
            r = c["gold_ok"] / c["gold"] if c["gold"] else 0.0
            res[f"{g}@{thr}"] = {
                "P": round(p, 4),
                "R": round(r, 4),
                "F1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                "speaker": round(c["spk_ok"] / c["spk_n"], 4) if c["spk_n"] else 0.0,
                # end to end: gold quotes found AND given the right speaker (not just the matched ones)
                "speaker_R": round(c["spk_ok"] / c["gold"], 4) if c["gold"] else 0.0,
                "cue": round(c["cue_ok"] / c["cue_n"], 4) if c["cue_n"] else 0.0,
                "n_gold": c["gold"],
                "n_pred": c["pred"],
            }
    return res


def _speaker_ok(case: DocCase, pred: Pred, gold: Gold) -> bool:
    if pred.speaker is None:
        return False
    if _overlaps(pred.speaker, gold.source):
        return True
    if pred.speaker_entity is not None and case.entity_of is not None:
        return any(case.entity_of(s, e) == pred.speaker_entity for s, e in gold.source)
    return False


def evaluate(data_dir: Path = DEFAULT_DIR) -> dict[str, dict[str, Any]]:
    """Run both systems on one PolNeAR folder; {"tidings": scores, "textacy": scores, ...}."""
    from tidings.nlp import Parser

    cases = load_cases(data_dir)
    parser = Parser()
    docs = list(parser.pipe(c.text for c in cases))
    t0 = time.perf_counter()
    ours = run_tidings(cases, docs)
    t1 = time.perf_counter()
    base = run_textacy(cases, docs)
    t2 = time.perf_counter()
    broad = run_tidings(cases, docs, thoughts=True)
    return {
        "tidings": score(cases, ours),
        "textacy": score(cases, base),
        # PolNeAR also counts thoughts ("X believes that ..."): tidings with those cues on.
        "tidings+thoughts": score(cases, broad),
        "meta": {
            "docs": len(cases),
            "gold": sum(len(c.gold) for c in cases),
            "seconds_tidings": round(t1 - t0, 2),
            "seconds_textacy": round(t2 - t1, 2),
        },
    }


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DEFAULT_DIR
    res = evaluate(data_dir.resolve())
    meta = res["meta"]
    print(
        f"PolNeAR {data_dir.name}: {meta['docs']} docs, {meta['gold']} gold attributions; "
        f"stage time tidings {meta['seconds_tidings']} s, textacy {meta['seconds_textacy']} s"
    )
    head = f"{'group@overlap':<16}{'metric':<10}{'tidings':>9}{'textacy':>9}{'ratio':>8}{'+thoughts':>11}"
    print(head)
    print("-" * len(head))
    for key in res["tidings"]:
        a, b, c = res["tidings"][key], res["textacy"][key], res["tidings+thoughts"][key]
        for m in ("P", "R", "F1", "speaker", "speaker_R", "cue"):
            ratio = f"{a[m] / b[m]:.2f}" if b[m] >= 0.01 else "-"
            print(f"{key:<16}{m:<10}{a[m]:>9.3f}{b[m]:>9.3f}{ratio:>8}{c[m]:>11.3f}")
        print(f"{'':<16}{'n_gold':<10}{a['n_gold']:>9}   n_pred {a['n_pred']} / {b['n_pred']} / {c['n_pred']}")
    if FLOORS.exists():
        floors = json.loads(FLOORS.read_text("utf-8"))
        low = [
            f"{k}.{m}={res['tidings'][k][m]} < {v}"
            for k, ms in floors.items()
            for m, v in ms.items()
            if res["tidings"][k][m] < v
        ]
        print("floors:", "OK" if not low else "BELOW " + "; ".join(low))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
