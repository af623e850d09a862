"""Issues per sentence, article-level themes, and the agenda of a meeting or visit.

Tagging: cue phrases from the taxonomy matched on surface forms and lemmas; a sentence gets
an issue when its non-overlapping cue weights add up to >= 1.0 and no veto phrase of that
issue occurs (a "trade war" is not armed conflict). Each tag keeps its strongest cue as the
evidence span.

Agenda: issues said to be on the table at a meeting or visit. An enumeration of two or more
specific issues, in a sentence that speaks of a list/issues/disagreements or next to one
with an agenda verb ("raise", "discuss", "agenda"), is an agenda; so is a sentence with an
agenda verb and a specific issue. Agenda tags link to the article's main meeting event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tidings.facts.base import FactContext
from tidings.facts.issues.taxonomy import CueHit, Taxonomy, load_taxonomy
from tidings.ids import fact_id
from tidings.records import Event, IssueTag

TAG_THRESHOLD = 1.0  # a sentence is about an issue
WEAK_THRESHOLD = 0.3  # weaker evidence is kept (low confidence) for article-level themes
# Lemmas that say issues are (to be) discussed at a meeting.
AGENDA_VERBS = frozenset({"raise", "discuss", "agenda", "address", "press", "broach", "tackle", "cover"})
# Words that introduce an enumeration of issues.
LIST_WORDS = frozenset(
    {
        "list",
        "issue",
        "disagreement",
        "topic",
        "point",
        "concern",
        "agenda",
        "range",
        "difference",
        "dispute",
        "matter",
    }
)
MEETING_EVENTS = frozenset({"CONSULT"})
ARTICLE_THRESHOLD = 2.0


@dataclass(slots=True)
class SentenceTags:
    start: int
    end: int
    lemmas: frozenset[str]
    scores: dict[str, float]
    evidence: dict[str, CueHit]


def tag_sentence(taxonomy: Taxonomy, sent: Any) -> SentenceTags:
    hits = list(taxonomy.hits(sent))
    vetoed = {h.issue for h in hits if h.veto}
    vetoed_spans = [(h.start, h.end) for h in hits if h.veto]
    by_issue: dict[str, list[CueHit]] = defaultdict(list)
    for h in hits:
        inside_veto = any(s <= h.start and h.end <= e for s, e in vetoed_spans)
        if not h.veto and h.issue not in vetoed and not inside_veto:
            by_issue[h.issue].append(h)
    scores: dict[str, float] = {}
    evidence: dict[str, CueHit] = {}
    for issue, issue_hits in by_issue.items():
        taken: list[CueHit] = []
        for h in sorted(issue_hits, key=lambda x: (-x.weight, -(x.end - x.start))):
            if all(h.end <= t.start or h.start >= t.end for t in taken):
                taken.append(h)
        scores[issue] = sum(h.weight for h in taken)
        evidence[issue] = taken[0]
    lemmas = frozenset(t.lemma_.lower() for t in sent)
    return SentenceTags(sent.start_char, sent.end_char, lemmas, scores, evidence)


def sentence_score(total: float) -> float:
    """Confidence from summed cue weight: one strong cue 0.6, two 0.84, three ~0.94."""
    return round(1.0 - float(0.4**total), 3)


class IssueStage:
    name = "tidings.issues.cues.v1"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("issues",)

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy or load_taxonomy()

    def __call__(self, ctx: FactContext) -> dict[str, Sequence[Any]]:
        sentences = [tag_sentence(self.taxonomy, s) for s in ctx.doc.sents]
        agenda = agenda_sentences(self.taxonomy, sentences)
        meeting = main_meeting(ctx.found.get("events", ()))
        text = ctx.article.text
        tags: list[IssueTag] = []
        for idx, st in enumerate(sentences):
            for issue, total in sorted(st.scores.items()):
                if total < WEAK_THRESHOLD:
                    continue
                ev = st.evidence[issue]
                on_agenda = issue in agenda.get(idx, set())
                tags.append(
                    IssueTag(
                        id=fact_id("issues", ctx.article.id, issue, st.start),
                        article_id=ctx.article.id,
                        start=ev.start,
                        end=ev.end,
                        issue=issue,
                        label=self.taxonomy.issues[issue].label,
                        score=round(total, 3),
                        evidence=text[ev.start : ev.end],
                        sentence_start=st.start,
                        sentence_end=st.end,
                        on_agenda=on_agenda,
                        event_id=meeting.id if (on_agenda and meeting) else None,
                        stage=self.name,
                        confidence=sentence_score(total),
                    )
                )
        return {"issues": tags}


def _specific(taxonomy: Taxonomy, st: SentenceTags) -> set[str]:
    return {i for i, s in st.scores.items() if s >= TAG_THRESHOLD and not taxonomy.issues[i].broad}


def agenda_sentences(taxonomy: Taxonomy, sentences: Sequence[SentenceTags]) -> dict[int, set[str]]:
    """Sentence index -> issues on the agenda in it."""
    out: dict[int, set[str]] = {}
    for i, st in enumerate(sentences):
        specific = _specific(taxonomy, st)
        if not specific:
            continue
        verb_here = bool(st.lemmas & AGENDA_VERBS)
        verb_near = any(sentences[j].lemmas & AGENDA_VERBS for j in (i - 1, i + 1) if 0 <= j < len(sentences))
        listing = len(specific) >= 2 and bool(st.lemmas & LIST_WORDS)
        if (len(specific) >= 2 and (verb_here or verb_near)) or listing or (verb_here and st.lemmas & LIST_WORDS):
            out[i] = specific
    return out


def main_meeting(events: Iterable[Any]) -> Event | None:
    """The article's main meeting or visit: its first non-historical CONSULT event."""
    candidates = [e for e in events if isinstance(e, Event) and e.plover_event in MEETING_EVENTS]
    current = [e for e in candidates if not e.historical and e.factuality in ("asserted", "planned")]
    pool = current or candidates
    return min(pool, key=lambda e: e.start) if pool else None


def article_themes(tags: Iterable[IssueTag], *, min_score: float = ARTICLE_THRESHOLD) -> list[tuple[str, float]]:
    """Article-level themes from sentence tags: summed cue weight, strongest first.

    A theme needs evidence worth more than a passing mention (``min_score``, chosen on the
    dev half of bench/themes.py)."""
    totals: dict[str, float] = defaultdict(float)
    for t in tags:
        totals[t.issue] += t.score
    return sorted(((k, round(v, 3)) for k, v in totals.items() if v >= min_score), key=lambda kv: -kv[1])
