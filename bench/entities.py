"""Named-entity mentions and in-article clustering: tidings vs raw spaCy, on three gold sets.

    .venv/bin/python bench/entities.py [GUM_DIR] [MEANTIME_DIR] [IEER_JSONL]

Defaults: ../shared/data/entities/gum_news_dev, ../shared/data/entities/meantime_dev,
../shared/data/corpus/text/ieer/ieer.jsonl (GUM news dev 14 docs, MEANTIME airbus+apple 60 docs,
NIST IE-ER 94 docs).

Mentions. Gold = named mentions only: GUM mentions with a Wikipedia ``identity`` (types person,
organization, place, event) whose first word (after a determiner) is capitalised and part of the
Wikipedia title (GUM gives the identity to every mention of the entity, pronouns included);
MEANTIME ``NAM``/``PRE.NAM`` mentions of PER/ORG/LOC instances; IEER ENAMEX
PERSON/ORGANIZATION/LOCATION. Types compared: PER, ORG, LOC (= spaCy GPE+LOC+FAC) and, on GUM,
EVENT; NORP, ROLE and PRON predictions are not scored (no set annotates them as names). A prediction
matches a gold span when both are equal after dropping a leading "the" and a trailing possessive, or
one contains the other and they end together ("Cres Eastman" in "Professor Cres Eastman").
MEANTIME annotates only the entities that take part in its annotated events, so there a
prediction is judged only when it overlaps an annotated mention of any kind. Predictions that match a
gold mention outside the scored set (GUM non-identity mentions, MEANTIME
nominals/pronouns, IEER optional tags) are neither right nor wrong. Micro P/R/F1 need span AND type.

Clustering. B-cubed over the gold named mentions that the system found (so NER misses do not count
twice), gold chains from GUM coref/appos links and MEANTIME REFERS_TO instances. Baseline: raw
spaCy mentions clustered by identical text.
"""

from __future__ import annotations

import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
DEFAULTS = (
    SHARED / "entities" / "gum_news_dev",
    SHARED / "entities" / "meantime_dev",
    SHARED / "corpus" / "text" / "ieer" / "ieer.jsonl",
)
FLOORS = ROOT / "bench" / "floors" / "entities.json"
SPACY_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "EVENT"}
Span = tuple[int, int]


@dataclass
class Gold:
    start: int
    end: int
    type: str
    chain: str | None = None


@dataclass
class Case:
    name: str
    text: str
    gold: list[Gold]
    dont_care: list[Span] = field(default_factory=list)
    partial: bool = False  # only some entities are annotated: unannotated text is not judged


@dataclass
class Pred:
    start: int
    end: int
    type: str
    cluster: str


# ----------------------------------------------------------------------------- loaders


def _union(parent: dict[str, str], a: str, b: str) -> None:
    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    parent[find(a)] = find(b)


def _root(parent: dict[str, str], x: str) -> str:
    while parent.get(x, x) != x:
        x = parent[x]
    return x


def load_gum(folder: Path) -> list[Case]:
    gum_type = {"person": "PER", "organization": "ORG", "place": "LOC", "event": "EVENT"}
    cases = []
    for path in sorted((folder / "tsv").glob("*.tsv")):
        spans: dict[str, list[int]] = {}
        types: dict[str, str] = {}
        ident: dict[str, str] = {}
        parent: dict[str, str] = {}
        tokens: list[tuple[int, int, str]] = []
        sent_first: set[int] = set()
        bare: dict[str, list[str]] = defaultdict(list)  # token id -> its bracketless entities
        links: list[tuple[str, str, str, str]] = []
        for line in path.read_text("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            tid, (s, e), form = cols[0], map(int, cols[1].split("-")), cols[2]
            if tid.endswith("-1"):
                sent_first.add(s)
            tokens.append((s, e, form))
            for k, ent in enumerate(cols[3].split("|") if cols[3] != "_" else []):
                m = re.fullmatch(r"([a-z]+)(?:\[(\d+)\])?", ent)
                if not m:
                    continue
                eid = m.group(2) or f"{tid}#{k}"
                if not m.group(2):
                    bare[tid].append(eid)
                span = spans.setdefault(eid, [s, e])
                span[0], span[1] = min(span[0], s), max(span[1], e)
                types[eid] = m.group(1)
            for val in cols[6].split("|") if cols[6] != "_" else []:
                m = re.fullmatch(r"(.+?)(?:\[(\d+)\])?", val)
                if m:
                    ident[m.group(2) or (bare[tid][0] if bare[tid] else "")] = m.group(1)
            if cols[8] != "_":
                for kind, target in zip(cols[8].split("|"), cols[9].split("|"), strict=False):
                    m = re.fullmatch(r"([\d-]+)\[(\d+)_(\d+)\]", target)
                    if m:
                        links.append((kind, tid, m.group(1), f"{m.group(3)}|{m.group(2)}"))
        for kind, tid, target_tid, pair in links:
            src, dst = pair.split("|")
            src = src if src != "0" else (bare[tid][0] if bare[tid] else "")
            dst = dst if dst != "0" else (bare[target_tid][0] if bare[target_tid] else "")
            if src and dst and not kind.startswith(("bridge", "disc")):
                _union(parent, src, dst)
        text = _layout(tokens, sent_first)
        gold, dont = [], []
        for eid, (s, e) in spans.items():
            if eid in ident and types[eid] in gum_type and _named(text[s:e], ident[eid]):
                gold.append(Gold(s, e, gum_type[types[eid]], _root(parent, eid)))
            else:
                dont.append((s, e))
        cases.append(Case(path.stem, text, gold, dont))
    return cases


def _named(mention: str, identity: str) -> bool:
    """A GUM mention is a name when its first word after a determiner is capitalised and occurs in
    the Wikipedia title ("the Google Science Fair" / Google_Science_Fair; not "his father")."""
    words = re.sub(r"^(?i:the|a|an|his|her|its|their)\s+", "", mention).split()
    title = set(re.split(r"[_\s,()]+", identity.casefold()))
    return bool(words) and words[0][:1].isupper() and words[0].casefold() in title and len(words) <= 8


def _layout(tokens: list[tuple[int, int, str]], sent_first: set[int]) -> str:
    chars = [" "] * (max(e for _, e, _ in tokens) if tokens else 0)
    for s, e, form in tokens:
        chars[s:e] = list(form[: e - s].ljust(e - s))
        if s in sent_first and s > 0:
            chars[s - 1] = "\n"
    return "".join(chars)


NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%", "'", "''", "'re", "'ve", "'ll", "'d"}


def load_meantime(folder: Path) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("corpus_*/*.xml")):
        root = ET.parse(path).getroot()
        parts: list[str] = []
        offs: dict[str, Span] = {}
        pos, prev_sent, prev_tok = 0, "0", ""
        for tok in root.iter("token"):
            form, sent = tok.text or "", tok.get("sentence", "0")
            sep = ""
            if parts:
                if sent != prev_sent:
                    sep = "\n\n" if int(prev_sent) < 2 else " "
                elif form not in NO_SPACE_BEFORE and prev_tok not in ("(", "$", "``"):
                    sep = " "
            parts.append(sep + form)
            pos += len(sep)
            offs[tok.get("t_id", "")] = (pos, pos + len(form))
            pos += len(form)
            prev_sent, prev_tok = sent, form
        text = "".join(parts)
        markables = root.find("Markables")
        mentions: dict[str, tuple[Span, str]] = {}
        instances: dict[str, tuple[str, str]] = {}
        for el in markables if markables is not None else []:
            if el.tag == "ENTITY_MENTION":
                anchors = [offs[a.get("t_id", "")] for a in el.findall("token_anchor") if a.get("t_id") in offs]
                if anchors:
                    span = (min(a[0] for a in anchors), max(a[1] for a in anchors))
                    mentions[el.get("m_id", "")] = (span, el.get("syntactic_type", ""))
            elif el.tag == "ENTITY":
                instances[el.get("m_id", "")] = (el.get("ent_type", ""), el.get("instance_id", ""))
        refers: dict[str, str] = {}
        for rel in root.iter("REFERS_TO"):
            target = rel.find("target")
            for src in rel.findall("source"):
                if target is not None:
                    refers[src.get("m_id", "")] = target.get("m_id", "")
        gold, dont = [], []
        for mid, (span, syn) in mentions.items():
            inst = instances.get(refers.get(mid, ""))
            if syn in ("NAM", "PRE.NAM") and inst and inst[0] in ("PER", "ORG", "LOC"):
                gold.append(Gold(span[0], span[1], inst[0], inst[1]))
            else:
                dont.append(span)
        cases.append(Case(path.stem, text, gold, dont, partial=True))
    return cases


TAG = re.compile(r"<b_enamex[^>]*>|<e_enamex>|<b_timex[^>]*>|<e_timex>|<b_numex[^>]*>|<e_numex>")


def load_ieer(path: Path) -> list[Case]:
    types = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
    cases = []
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        raw: str = rec["text"]
        # leftover optional tags: remove them, keep the words as "don't care", shift gold offsets
        shift = [0] * (len(raw) + 1)
        out: list[str] = []
        dont: list[Span] = []
        removed, i, opt_start = 0, 0, None
        for m in TAG.finditer(raw):
            out.append(raw[i : m.start()])
            for k in range(i, m.start() + 1):
                shift[k] = removed
            removed += m.end() - m.start()
            if m.group().startswith("<b_"):
                opt_start = m.start() - (removed - (m.end() - m.start()))
            elif opt_start is not None:
                dont.append((opt_start, m.start() - (removed - (m.end() - m.start()))))
                opt_start = None
            i = m.end()
        out.append(raw[i:])
        for k in range(i, len(raw) + 1):
            shift[k] = removed
        text = "".join(out)
        gold = [
            Gold(e["start"] - shift[e["start"]], e["end"] - shift[e["end"]], types[e["type"]])
            for e in rec["entities"]
            if e["type"] in types
        ]
        cases.append(Case(rec["id"], text, gold, dont))
    return cases


# ----------------------------------------------------------------------------- scoring


def _norm(text: str, s: int, e: int) -> Span:
    seg = text[s:e]
    m = re.match(r"(?i)(the|a|an)\s+", seg)
    if m:
        s += m.end()
    seg = text[s:e]
    m2 = re.search(r"(\s*['’]s|['’]|\s*[.,;:])$", seg)
    if m2 and e - len(m2.group()) > s:
        e -= len(m2.group())
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _match(text: str, a: Span, b: Span) -> bool:
    a, b = _norm(text, *a), _norm(text, *b)
    if a == b:
        return True
    return a[1] == b[1] and (a[0] <= b[0] or b[0] <= a[0]) and min(a[1] - a[0], b[1] - b[0]) >= 2


@dataclass
class Counts:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    b3: list[tuple[float, float]] = field(default_factory=list)  # per mention (precision, recall)

    def prf(self, typ: str | None = None) -> tuple[float, float, float]:
        keys = [typ] if typ else sorted(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp[k] for k in keys)
        fp = sum(self.fp[k] for k in keys)
        fn = sum(self.fn[k] for k in keys)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def bcubed(self) -> tuple[float, float, float]:
        if not self.b3:
            return 0.0, 0.0, 0.0
        p = sum(x for x, _ in self.b3) / len(self.b3)
        r = sum(y for _, y in self.b3) / len(self.b3)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_case(case: Case, preds: Sequence[Pred], types: frozenset[str], counts: Counts) -> None:
    preds = [p for p in preds if p.type in types]
    if case.partial:  # judge only predictions that touch an annotated mention
        marked = [(g.start, g.end) for g in case.gold] + case.dont_care
        preds = [p for p in preds if any(p.start < e and s < p.end for s, e in marked)]
    used: set[int] = set()
    pairs: list[tuple[Gold, Pred]] = []
    for g in case.gold:
        best = None
        for n, p in enumerate(preds):
            if n in used or not _match(case.text, (g.start, g.end), (p.start, p.end)):
                continue
            if best is None or p.type == g.type:
                best = n
                if p.type == g.type:
                    break
        if best is not None:
            used.add(best)
            pairs.append((g, preds[best]))
            if preds[best].type == g.type:
                counts.tp[g.type] += 1
                continue
            counts.fp[preds[best].type] += 1
        counts.fn[g.type] += 1
    for n, p in enumerate(preds):
        if n in used or any(_match(case.text, d, (p.start, p.end)) for d in case.dont_care):
            continue
        counts.fp[p.type] += 1
    chained = [(g, p) for g, p in pairs if g.chain is not None]
    for g, p in chained:
        same_gold = [q for h, q in chained if h.chain == g.chain]
        same_resp = [h for h, q in chained if q.cluster == p.cluster]
        both = sum(1 for h, q in chained if h.chain == g.chain and q.cluster == p.cluster)
        counts.b3.append((both / len(same_resp), both / len(same_gold)))


def spacy_preds(doc: Any) -> list[Pred]:
    return [
        Pred(e.start_char, e.end_char, SPACY_TYPE[e.label_], " ".join(e.text.lower().split()))
        for e in doc.ents
        if e.label_ in SPACY_TYPE
    ]


def tidings_preds(doc: Any, name: str) -> list[Pred]:
    from tidings.facts.entities.stage import find_entities

    mentions, _ = find_entities(doc, name)
    return [Pred(m.start, m.end, SPACY_TYPE[m.label], m.entity_id or "") for m in mentions if m.label in SPACY_TYPE]


SETS: dict[str, tuple[Callable[[Path], list[Case]], frozenset[str]]] = {
    "gum": (load_gum, frozenset({"PER", "ORG", "LOC", "EVENT"})),
    "meantime": (load_meantime, frozenset({"PER", "ORG", "LOC"})),
    "ieer": (load_ieer, frozenset({"PER", "ORG", "LOC"})),
}


def evaluate(paths: Sequence[Path] = DEFAULTS, parser: Any = None) -> dict[str, dict[str, Any]]:
    """Scores per set: {"gum": {"spacy": {...}, "tidings": {...}, "docs": n}, ...}."""
    from tidings.nlp import Parser

    parser = parser or Parser()
    results: dict[str, dict[str, Any]] = {}
    for (name, (loader, types)), path in zip(SETS.items(), paths, strict=True):
        cases = loader(Path(path))
        base, ours = Counts(), Counts()
        for case, doc in zip(cases, parser.pipe(c.text for c in cases), strict=True):
            score_case(case, spacy_preds(doc), types, base)
            score_case(case, tidings_preds(doc, case.name), types, ours)
        results[name] = {"docs": len(cases), "gold": sum(len(c.gold) for c in cases)}
        for label, counts in (("spacy", base), ("tidings", ours)):
            row: dict[str, Any] = {"all": counts.prf()}
            row.update({t: counts.prf(t) for t in sorted(types)})
            row["b3"] = counts.bcubed()
            results[name][label] = row
    return results


def _fmt(prf: Iterable[float]) -> str:
    return "/".join(f"{x * 100:5.1f}" for x in prf)


def check_floors(results: dict[str, dict[str, Any]], floors_path: Path = FLOORS) -> list[str]:
    """Failures against the pinned floors: figure below its floor, tidings F1 not above spaCy's."""
    floors = json.loads(floors_path.read_text("utf-8"))
    failures = []
    for name, floor in floors.items():
        ours, base = results[name]["tidings"], results[name]["spacy"]
        got = {"f1": ours["all"][2], "b3_f1": ours["b3"][2]}
        failures += [f"{name} {k} {got[k]:.3f} < floor {v}" for k, v in floor.items() if got[k] < v]
        if ours["all"][2] <= base["all"][2]:
            failures.append(f"{name} tidings F1 {ours['all'][2]:.3f} <= spaCy {base['all'][2]:.3f}")
    return failures


def main(argv: Sequence[str]) -> None:
    paths = [Path(a) for a in argv] + list(DEFAULTS[len(argv) :])
    t0 = time.perf_counter()
    res = evaluate(paths)
    print(f"{'set':9} {'type':6} {'spaCy P/R/F1':>20} {'tidings P/R/F1':>20}  F1 ratio")
    for name, r in res.items():
        for key in ["all", *sorted(k for k in r["tidings"] if k not in ("all", "b3"))]:
            sp, td = r["spacy"][key], r["tidings"][key]
            ratio = td[2] / sp[2] if sp[2] else float("nan")
            print(f"{name:9} {key:6} {_fmt(sp):>20} {_fmt(td):>20}  {ratio:5.2f}")
        sp, td = r["spacy"]["b3"], r["tidings"]["b3"]
        if any(td):
            print(f"{name:9} {'B3':6} {_fmt(sp):>20} {_fmt(td):>20}  (spaCy = exact-string clusters)")
        print(f"{'':9} docs={r['docs']} gold named mentions={r['gold']}")
    print(f"elapsed {time.perf_counter() - t0:.1f}s")
    for failure in check_floors(res) if FLOORS.exists() and not argv else []:
        print("BELOW FLOOR:", failure)


if __name__ == "__main__":
    main(sys.argv[1:])
