"""Quotes and their speakers on PolNeAR dev, end to end from raw text: tidings vs textacy.

    .venv/bin/python bench/quotes.py [POLNEAR_DIR] [--half test|tune|all] [--detail] [--errors]

POLNEAR_DIR defaults to ../shared/data/quotes/polnear_dev (``text/*.txt`` +
``attributions/*.ann``, brat standoff). Each text goes the way a user's does (record body ->
article -> one parse -> entities -> quotes, ``end_to_end.Runner``) and the gold offsets are
carried onto the article text. The documents are split by a stable hash, half of each outlet
each side (``end_to_end.halves``): the rules are tuned on *tune*, the bench reports *test*
unless asked and the floors pin *test*.

Matching follows the GenderGapTracker recipe in the data README: a predicted quote matches a
gold content span when it covers >= 30% of the gold content characters (one-to-one, best
overlap first). A speaker is right when its span overlaps the gold Source span or it names the
same entity (the entity the entities stage finds at the gold Source); a Source that is a relative
pronoun ("who", "which") stands for the noun phrase its clause hangs on. Figures:

* *found*: gold attributions matched, over all of them (recall);
* *speaker right of found*: matched gold with a Source whose speaker is right, over matched
  gold with a Source; *of all*: over all gold with a Source;
* groups: *direct* (content starts and ends with a quotation mark), *named direct* (direct
  with a Source whose head is a proper name), *speech* (every direct or mixed quote, and every
  indirect one whose cue is a verb or noun of communication, ``SPEECH_CUES``: the bench's
  own fixed list, not the stage's lexicon), and *PolNeAR all* (thoughts, plans and findings
  too: "X believes that", "polls show").

textacy's ``direct_quotations`` is run paragraph by paragraph on the same parse (it raises
ValueError on a paragraph with unbalanced marks; that paragraph then yields nothing).
``--detail`` adds P/R/F1, speaker and cue accuracy per kind at 30% and 80% overlap.
``--errors`` runs tidings only and lists the *speech* attributions it misses on the chosen half
(kind, cue lemma, cue words, content, and the best overlap any predicted quote reached), the
material for grouping misses into kinds; tune on ``--half tune``.
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
sys.path.insert(0, str(ROOT / "bench"))  # end_to_end, gold_text: shared by the benches
DEFAULT_DIR = ROOT / ".." / "shared" / "data" / "quotes" / "polnear_dev"
FLOORS = ROOT / "bench" / "floors" / "quotes.json"
QUOTE_CHARS = '“”"„«»'
THRESHOLDS = (0.3, 0.8)
GROUPS = ("direct", "quoted", "indirect", "all")  # quoted = direct + mixed
MATCH = 0.3  # the headline figures' overlap threshold (lenient, as GenderGapTracker reports)


# Verbs and nouns of communication that make an indirect attribution reported *speech*
# (rather than a belief, a plan or a finding). Fixed here, independent of the stage's cue
# lexicon so that growing the lexicon cannot move the denominator: Levin (1993) class 37
# (verbs of communication: transfer of message, tell, manner of speaking, instrument of
# communication, talk, say, complain, advise), the speech acts news reports with them
# (assert, deny, promise, urge, accuse, ...), "according to", and the nouns of a statement.
def _words(block: str) -> list[str]:
    return block.split()


SPEECH_CUES = frozenset(
    _words(
        """
    ask cite dictate explain quote read recite relay teach tell write
    bark bellow cry groan growl grumble holler howl moan mumble murmur mutter scream shout
    shriek snap snarl whisper yell chant sing
    cable email e-mail fax phone radio telephone telegraph wire tweet post text
    speak talk chat confer converse debate
    announce articulate blurt claim confess confide convey declare disclose divulge express hint
    insinuate mention note observe proclaim propose recount remark repeat report reveal say
    state suggest
    boast brag complain gripe lament
    admonish advise alert caution counsel instruct warn
    accuse acknowledge add admit affirm allege answer argue assert assure charge comment
    concede confirm contend counter criticize criticise condemn denounce deny describe emphasize
    emphasise insist joke maintain object pledge praise predict promise protest question quip
    recall reiterate reply respond retort stress swear testify threaten urge vow demand call
    accord
    statement remark comment claim announcement testimony speech interview tweet message
    allegation accusation warning promise pledge demand denial admission assertion
    """
    )
)

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans
    source: Spans
    cue: Spans
    kind: str
    cue_lemma: str = ""  # set from the parse (``_describe_gold``)
    named: bool = False  # the Source's head is a proper name


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
    group: str = ""  # the outlet: the split keeps half of each outlet's documents each side
    entity_of: Callable[[int, int], str | None] | None = field(default=None, repr=False)
    doc: Any = field(default=None, repr=False)


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
    meta: dict[str, dict[str, str]] = {}
    meta_path = data_dir / "metadata.tsv"
    if meta_path.exists():
        rows = meta_path.read_text("utf-8").splitlines()
        header = rows[0].split("\t")
        for row in rows[1:]:
            rec = dict(zip(header, row.split("\t"), strict=False))
            meta[rec.get("filename", "")] = rec
    cases = []
    for txt in sorted((data_dir / "text").glob("*.txt")):
        anns = sorted((data_dir / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text("utf-8")
        # Inter-annotator documents carry several annotations: score against the first.
        rec = meta.get(txt.stem, {})
        group = rec.get("publisher") or txt.stem.split("_")[0]
        cases.append(DocCase(txt.stem, text, read_ann(anns[0], text), rec.get("publication_date") or None, group))
    return cases


def split(cases: Sequence[DocCase]) -> dict[str, str]:
    """``{doc name: "tune" | "test"}``, half of each outlet each side."""
    from end_to_end import halves

    return halves([(c.group, c.name) for c in cases])


# --------------------------------------------------------------------------- systems
def annotate(cases: Sequence[DocCase], *, thoughts: bool = False) -> tuple[list[DocCase], list[list[Pred]]]:
    """tidings end to end (raw text -> article -> entities -> quotes); the cases come back on the
    article text (gold offsets carried over), each with its parse and entity look-up."""
    from end_to_end import Runner
    from tidings.facts.entities.stage import EntityStage
    from tidings.facts.quotes.stage import QuoteStage

    runner = Runner([EntityStage(), QuoteStage(thoughts=thoughts)])
    done = runner.run([{"text": c.text, "published": c.published} for c in cases])
    out_cases, out_preds = [], []
    for case, got in zip(cases, done, strict=True):
        gold = [g for g in (_carried(g, got.offsets) for g in case.gold) if g is not None]
        clean = DocCase(case.name, got.article.text, gold, case.published, case.group)
        clean.doc = got.doc
        clean.entity_of = _entity_lookup(got.facts)
        _describe_gold(clean)
        out_cases.append(clean)
        out_preds.append([_pred(q) for q in got.facts["quotes"]])
    return out_cases, out_preds


def _carried(gold: Gold, offsets: Any) -> Gold | None:
    def move(spans: Spans) -> Spans:
        return [m for m in (offsets.span(s, e) for s, e in spans) if m is not None]

    content = move(gold.content)
    if not content:
        return None  # extraction dropped it (a dateline): a user can never get it
    return Gold(content, move(gold.source), move(gold.cue), gold.kind)


def _pred(q: Any) -> Pred:
    sp = q.speaker
    has_span = sp is not None and sp.start is not None and sp.end is not None
    speaker = (sp.start, sp.end) if sp is not None and has_span else None
    cue = (q.cue_start, q.cue_end) if q.cue_start is not None and q.cue_end is not None else None
    return Pred(q.start, q.end, q.kind, speaker, sp.entity_id if sp else None, cue)


def _describe_gold(case: DocCase) -> None:
    """Cue lemma and whether the source is a name, read off the article's parse."""
    for g in case.gold:
        if g.cue:
            span = case.doc.char_span(*g.cue[0], alignment_mode="expand")
            g.cue_lemma = span.root.lemma_.lower() if span is not None and len(span) else ""
        if g.source:
            span = case.doc.char_span(*g.source[0], alignment_mode="expand")
            g.named = span is not None and len(span) > 0 and span.root.pos_ == "PROPN"


def _entity_lookup(found: dict[str, Any]) -> Callable[[int, int], str | None] | None:
    from tidings.facts.quotes.speakers import load_index

    index = load_index(found)

    def lookup(start: int, end: int) -> str | None:
        ent = index.entity_at(start, end)
        return getattr(ent, "id", None) if ent is not None else None

    return lookup


def run_textacy(cases: Sequence[DocCase]) -> list[list[Pred]]:
    from textacy.extract.triples import direct_quotations

    from tidings.facts.quotes.marks import paragraph_spans

    out = []
    for case in cases:
        doc = case.doc
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
    sources = gold.source + _antecedents(case, gold.source)
    if _overlaps(pred.speaker, sources):
        return True
    if pred.speaker_entity is not None and case.entity_of is not None:
        return any(case.entity_of(s, e) == pred.speaker_entity for s, e in sources)
    return False


RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def _antecedents(case: DocCase, source: Spans) -> Spans:
    """The noun phrase a relative pronoun Source stands for ("some economists, who argue that
    ..." is annotated with the Source "who"): a speaker is a name, never "who", so the noun phrase
    the relative clause hangs on, when it ends right before the pronoun, is the gold speaker too.
    Read off the article's parse."""
    out: Spans = []
    if case.doc is None:
        return out
    for start, end in source:
        span = case.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].lower_ not in RELATIVE_PRONOUNS:
            continue
        pronoun, clause = span[0], span[0].head
        noun = clause.head
        # only a noun right before the pronoun (and its comma): "a focal point for demonstrators
        # here, who ..." leaves it open whom "who" stands for, whatever the parse hung it on
        if clause.dep_ == "relcl" and noun.i in (pronoun.i - 1, pronoun.i - 2) and noun.pos_ in ("NOUN", "PROPN"):
            out.append((noun.left_edge.idx, noun.idx + len(noun.text)))
        elif clause.dep_ == "relcl" and (named := _member_before(pronoun, noun)) is not None:
            out.append(named)
    return out


def _member_before(pronoun: Any, head: Any) -> tuple[int, int] | None:
    """The name right before a relative pronoun when the parse hung the clause on the head of a
    longer phrase that name belongs to: an apposition ("his wife, Laura, who spoke": Laura is his
    wife) or the last member of a list ("Oprah Winfrey ... and Stevie Wonder, who joked": the
    member next to "who", as a singular verb and English's nearest-noun reading give it; the
    list's head is not accepted). Read off the parse, whatever the system under test chose."""
    before = pronoun.doc[pronoun.i - 1] if pronoun.i > 0 else None
    if before is not None and before.text == "," and before.i > 0:
        before = pronoun.doc[before.i - 1]
    if before is None or before.pos_ != "PROPN":
        return None
    while before.dep_ in ("compound", "flat") and before.head.i > before.i:
        before = before.head
    if not (before.dep_ == "appos" and before.head.i == head.i) and before not in head.conjuncts:
        return None
    names = [c for c in before.lefts if c.dep_ in ("compound", "flat")]
    start = names[0].idx if names else before.idx
    return (start, before.idx + len(before.text))


def _matches(case: DocCase, ps: Sequence[Pred], thr: float) -> dict[int, int]:
    """One-to-one matching, best coverage first: {pred index: gold index}."""
    pairs = sorted(
        ((c, i, j) for i, p in enumerate(ps) for j, g in enumerate(case.gold) if (c := _coverage(p, g)) >= thr),
        reverse=True,
    )
    used: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if i not in used and j not in taken:
            used[i] = j
            taken.add(j)
    return used


def in_scope(gold: Gold, scope: str) -> bool:
    if scope == "direct":
        return gold.kind == "direct"
    if scope == "named_direct":
        return gold.kind == "direct" and gold.named
    if scope == "speech":
        return gold.kind != "indirect" or gold.cue_lemma in SPEECH_CUES
    return True


SCOPES = ("direct", "named_direct", "speech", "all")


def headline(cases: Sequence[DocCase], preds: Sequence[Sequence[Pred]]) -> dict[str, dict[str, float]]:
    """Per scope: n, found, speaker right of found and of all (and P/F1 of direct spans)."""
    out: dict[str, dict[str, float]] = {}
    for scope in SCOPES:
        n = found = with_src = found_src = right = 0
        for case, ps in zip(cases, preds, strict=True):
            for i, j in _matches(case, ps, MATCH).items():
                gold = case.gold[j]
                if in_scope(gold, scope):
                    found += 1
                    if gold.source:
                        found_src += 1
                        right += _speaker_ok(case, ps[i], gold)
            for gold in case.gold:
                if in_scope(gold, scope):
                    n += 1
                    with_src += bool(gold.source)
        out[scope] = {
            "n": n,
            "found": found / n if n else 0.0,
            "speaker_of_found": right / found_src if found_src else 0.0,
            "speaker_of_all": right / with_src if with_src else 0.0,
        }
    direct = score(cases, preds)[f"direct@{MATCH}"]
    out["direct"].update({"P": direct["P"], "F1": direct["F1"]})
    return out


def evaluate(data_dir: Path = DEFAULT_DIR, half: str = "test") -> dict[str, Any]:
    """tidings and textacy on one half of a PolNeAR folder."""
    from end_to_end import pick

    cases = load_cases(data_dir)
    side = split(cases)
    cases = pick(cases, side, lambda c: c.name, half)
    t0 = time.perf_counter()
    clean, ours = annotate(cases)
    t1 = time.perf_counter()
    base = run_textacy(clean)
    t2 = time.perf_counter()
    _, broad = annotate(cases, thoughts=True)
    return {
        "tidings": headline(clean, ours),
        "textacy": headline(clean, base),
        "tidings+thoughts": headline(clean, broad),
        "detail": {
            "tidings": score(clean, ours),
            "textacy": score(clean, base),
            "tidings+thoughts": score(clean, broad),
        },
        "meta": {
            "half": half,
            "docs": len(clean),
            "gold": sum(len(c.gold) for c in clean),
            "seconds_tidings": round(t1 - t0, 2),
            "seconds_textacy": round(t2 - t1, 2),
        },
    }


HEADLINE = (
    ("direct", "F1", "direct quotes: span F1"),
    ("direct", "found", "direct quotes: found"),
    ("named_direct", "speaker_of_found", "named-speaker direct: speaker right of found"),
    ("named_direct", "speaker_of_all", "named-speaker direct: speaker right of all"),
    ("speech", "found", "speech attributions: found"),
    ("speech", "speaker_of_found", "speech attributions: speaker right of found"),
    ("speech", "speaker_of_all", "speech attributions: speaker right of all"),
    ("all", "found", "PolNeAR all (thoughts too): found"),
    ("all", "speaker_of_found", "PolNeAR all: speaker right of found"),
)


def floor_failures(res: dict[str, dict[str, float]], floors: dict[str, float]) -> list[str]:
    """Floors are ``{"scope.metric": value}`` on the test half."""
    low = []
    for key, floor in floors.items():
        scope, metric = key.split(".")
        if res[scope][metric] < floor:
            low.append(f"{key}={res[scope][metric]:.3f} < {floor}")
    return low


def _detail(res: dict[str, Any]) -> None:
    head = f"{'group@overlap':<16}{'metric':<10}{'tidings':>9}{'textacy':>9}{'ratio':>8}{'+thoughts':>11}"
    print(head)
    print("-" * len(head))
    det = res["detail"]
    for key in det["tidings"]:
        a, b, c = det["tidings"][key], det["textacy"][key], det["tidings+thoughts"][key]
        for m in ("P", "R", "F1", "speaker", "speaker_R", "cue"):
            print(f"{key:<16}{m:<10}{a[m]:>9.3f}{b[m]:>9.3f}{ratio(a[m], b[m]):>8}{c[m]:>11.3f}")
        print(f"{'':<16}{'n_gold':<10}{a['n_gold']:>9}   n_pred {a['n_pred']} / {b['n_pred']} / {c['n_pred']}")


def missed(cases: Sequence[DocCase], preds: Sequence[Sequence[Pred]], scope: str = "speech") -> list[dict[str, Any]]:
    """Gold attributions of ``scope`` that no prediction matches (at the headline overlap)."""
    out: list[dict[str, Any]] = []
    for case, ps in zip(cases, preds, strict=True):
        taken = set(_matches(case, ps, MATCH).values())
        for j, gold in enumerate(case.gold):
            if j in taken or not in_scope(gold, scope):
                continue
            best = max((_coverage(p, gold) for p in ps), default=0.0)
            out.append(
                {
                    "doc": case.name,
                    "kind": gold.kind,
                    "cue_lemma": gold.cue_lemma,
                    "cue": " ".join(case.text[a:b] for a, b in gold.cue),
                    "content": " ".join(case.text[a:b] for a, b in gold.content),
                    "best_overlap": round(best, 2),
                }
            )
    return out


def print_errors(data_dir: Path, half: str) -> None:
    from end_to_end import pick

    cases = load_cases(data_dir)
    clean, ours = annotate(pick(cases, split(cases), lambda c: c.name, half))
    rows = missed(clean, ours)
    print(f"PolNeAR {data_dir.name}, {half} half: {len(rows)} speech attributions missed")
    for r in sorted(rows, key=lambda r: (r["cue_lemma"], r["doc"])):
        content = " ".join(r["content"].split())
        content = content if len(content) <= 160 else content[:157] + "..."
        print(
            f"{r['kind']:<9}{r['cue_lemma'] or '-':<14}{r['best_overlap']:>5.2f}  [{r['cue']}] {content}  ({r['doc']})"
        )


def main(argv: list[str]) -> int:
    from end_to_end import data_dir_arg, half_arg

    half, rest = half_arg(argv, __doc__ or "", ("--detail", "--errors"))
    detail = "--detail" in rest
    errors = "--errors" in rest
    rest = [a for a in rest if a not in ("--detail", "--errors")]
    data_dir = data_dir_arg(rest, DEFAULT_DIR)
    if errors:
        print_errors(data_dir.resolve(), half)
        return 0
    res = evaluate(data_dir.resolve(), half)
    meta, ours, base, broad = res["meta"], res["tidings"], res["textacy"], res["tidings+thoughts"]
    print(
        f"PolNeAR {data_dir.name}, {half} half, end to end from raw text: {meta['docs']} docs, "
        f"{meta['gold']} gold attributions ({ours['speech']['n']} speech, {ours['direct']['n']} direct, "
        f"{ours['named_direct']['n']} named direct); time tidings {meta['seconds_tidings']} s "
        f"(parse included), textacy {meta['seconds_textacy']} s"
    )
    head = f"{'':<46}{'tidings':>8}{'textacy':>9}{'ratio':>7}{'+thoughts':>11}"
    print(head)
    print("-" * len(head))
    for scope, metric, label in HEADLINE:
        a, b, c = ours[scope][metric], base[scope][metric], broad[scope][metric]
        print(f"{label:<46}{a:>8.3f}{b:>9.3f}{ratio(a, b):>7}{c:>11.3f}")
    if detail:
        _detail(res)
    if FLOORS.exists() and half == "test":
        low = floor_failures(ours, json.loads(FLOORS.read_text("utf-8")))
        print("floors:", "OK" if not low else "BELOW " + "; ".join(low))
    return 0


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b >= 0.01 else "-"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
