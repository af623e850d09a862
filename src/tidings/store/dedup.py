"""Duplicates in layers: canonical URL, exact text hash, MinHash-LSH near-duplicates.

``assign(conn, article_id, url, text)`` files one article into a *story* (a cluster of
copies of the same piece: syndicated, re-headlined, truncated or lightly edited):

1. same article id or same canonical URL -> ``exact`` if the text is one we have, else a
   new ``version`` of that article (a changed text at one URL is not a new article);
2. same normalised text anywhere -> ``exact`` copy;
3. MinHash (128 permutations over word 5-shingles) LSH candidates whose estimated
   similarity passes the threshold -> ``near`` copy;
4. otherwise ``new``: the article starts its own story, whose id is its own id.

Everything lives in SQLite (:data:`DEDUP_SCHEMA`): signatures and LSH band keys are rows,
so detection is incremental across runs and memory does not grow with the corpus.
Similarity is max(Jaccard, containment), both estimated from the signatures and the
shingle counts: containment catches truncated copies, whose Jaccard is only the kept
fraction.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
from dataclasses import dataclass
from typing import Literal, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from courlan.clean import normalize_url, scrub_url
from datasketch import MinHash

from tidings.ids import digest, normalise_text

NUM_PERM = 128
BANDS = 42
ROWS = 3  # 42 bands x 3 rows = 126 of the 128 permutations
SHINGLE = 5
THRESHOLD = 0.6
MIN_SHINGLES_FOR_CONTAINMENT = 25
# A text this short ("To the Editor:", "Photo", a bare dateline) says nothing about which piece it
# belongs to: it joins a story only through its URL, never by its words.
MIN_WORDS_FOR_COPY = 8
SEED = 1

DedupKind = Literal["new", "exact", "near", "version"]

DEDUP_SCHEMA = """
CREATE TABLE IF NOT EXISTS dedup_article (
    article_id    TEXT PRIMARY KEY,
    story_id      TEXT NOT NULL,
    canonical_url TEXT,
    kind          TEXT NOT NULL,   -- how it joined its story: new | exact | near | version
    duplicate_of  TEXT             -- the article it matched (NULL for new)
);
CREATE INDEX IF NOT EXISTS dedup_article_url ON dedup_article(canonical_url);
CREATE INDEX IF NOT EXISTS dedup_article_story ON dedup_article(story_id);
CREATE TABLE IF NOT EXISTS dedup_text (
    text_hash  TEXT NOT NULL,      -- digest of the normalised text (one row per version)
    article_id TEXT NOT NULL,
    shingles   INTEGER NOT NULL,   -- number of distinct shingles (for containment)
    signature  BLOB,               -- 128 x uint32 MinHash values; NULL for empty texts
    PRIMARY KEY (text_hash, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dedup_text_article ON dedup_text(article_id);
CREATE TABLE IF NOT EXISTS dedup_band (
    band_key   INTEGER NOT NULL,   -- 64-bit hash of (band number, that band's MinHash values)
    text_hash  TEXT NOT NULL,
    PRIMARY KEY (band_key, text_hash)
) WITHOUT ROWID;
"""

# ----------------------------------------------------------------------------- URLs

# Query parameters that do not change a news page and that courlan's tracker list (utm_*,
# fbclid, gclid, ref, source, ...) leaves in: syndication, AMP and share markers of news sites.
NEWS_PARAMS = frozenset(
    {
        "amp", "amp_js_v", "usqp", "outputtype", "rss", "smid", "smtyp", "cmp", "cmpid", "ocid", "ito",
        "maca", "src", "feature", "partner", "share", "sr_share", "spm", "guccounter", "wt_mc", "wt.mc_id",
        "__twitter_impression",
    }
)  # fmt: skip
NEWS_PREFIXES = ("at_", "ns_", "hsa_", "_hs", "__s")
HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.")
_AMP_PATH = re.compile(r"(/amp)(?=/|$)|\.amp(?=\.html?$)|(/amp\.html?)$", re.IGNORECASE)


def canonical_url(url: str, *, declared: str | None = None) -> str:
    """A key under which variants of one page's URL collide.

    ``declared`` is the page's ``<link rel=canonical>``; it wins when it is an absolute
    http(s) URL that is not a bare home page (a common CMS mistake). courlan normalises the
    URL (scheme and host case, default ports, path, tracking parameters, sorted query); the
    key then treats http and https alike and drops what makes one story several URLs:
    www./m./amp. host prefixes, AMP path forms, news sites' share parameters, fragments and
    trailing slashes."""
    chosen = url
    if declared and declared.startswith(("http://", "https://")) and urlsplit(declared).path.strip("/"):
        chosen = declared
    with contextlib.suppress(AttributeError, ValueError):  # an unparseable port or host: keep it as given
        chosen = normalize_url(scrub_url(chosen.strip()), strict=False, trailing_slash=False)
    parts = urlsplit(chosen)
    host = (parts.hostname or "").rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = _AMP_PATH.sub("", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in NEWS_PARAMS and not k.lower().startswith(NEWS_PREFIXES)
    ]
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


# ----------------------------------------------------------------------------- text


def text_hash(text: str) -> str:
    """Digest of the normalised text (NFKC, case-folded, whitespace collapsed)."""
    return digest("dedup-text", normalise_text(text))


_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word ``size``-grams of the normalised text (the whole text if it is shorter)."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@dataclass(frozen=True, slots=True)
class Signature:
    values: np.ndarray  # uint32[NUM_PERM]
    size: int  # distinct shingles

    def to_blob(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @staticmethod
    def from_blob(blob: bytes, size: int) -> Signature:
        return Signature(np.frombuffer(blob, dtype="<u4"), size)

    def band_keys(self) -> list[int]:
        keys = []
        for band in range(BANDS):
            chunk = self.values[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes()
            raw = hashlib.blake2b(band.to_bytes(2, "big") + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(raw, "big", signed=True))
        return keys


def signature(text: str) -> Signature | None:
    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch(list(grams))
    return Signature(mh.hashvalues.astype(np.uint32), len(grams))


def similarity(a: Signature, b: Signature) -> float:
    """max(estimated Jaccard, estimated containment of the smaller in the larger)."""
    jaccard = float(np.mean(a.values == b.values))
    small = min(a.size, b.size)
    if small < MIN_SHINGLES_FOR_CONTAINMENT:
        return jaccard
    overlap = jaccard / (1.0 + jaccard) * (a.size + b.size)
    return max(jaccard, min(1.0, overlap / small))


# ----------------------------------------------------------------------------- index


@dataclass(frozen=True, slots=True)
class DedupResult:
    story_id: str
    duplicate_of: str | None
    kind: DedupKind
    similarity: float = 1.0


class DedupIndex(Protocol):
    def assign(self, conn: sqlite3.Connection, article_id: str, url: str | None, text: str) -> DedupResult: ...


class MinHashDedup:
    """The layered index above. ``threshold`` is the similarity needed for ``near``."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold

    def assign(self, conn: sqlite3.Connection, article_id: str, url: str | None, text: str) -> DedupResult:
        """File the article; writes rows but does not commit (the caller owns the transaction)."""
        key = canonical_url(url) if url else None
        thash = text_hash(text)
        same = _same_article(conn, article_id, key)
        if same is not None:
            known_id, story = same
            if conn.execute(
                "SELECT 1 FROM dedup_text WHERE text_hash = ? AND article_id = ?", (thash, known_id)
            ).fetchone():
                return DedupResult(story, known_id, "exact")
            _add_text(conn, thash, known_id, signature(text))
            return DedupResult(story, known_id, "version")
        if len(_WORD.findall(normalise_text(text))) < MIN_WORDS_FOR_COPY:
            _insert_article(conn, article_id, article_id, key, "new", None)
            _add_text(conn, thash, article_id, None)
            return DedupResult(article_id, None, "new", 0.0)
        row = conn.execute(
            "SELECT t.article_id, a.story_id, t.shingles, t.signature FROM dedup_text t "
            "JOIN dedup_article a ON a.article_id = t.article_id WHERE t.text_hash = ? LIMIT 1",
            (thash,),
        ).fetchone()
        if row is not None:
            _insert_article(conn, article_id, row[1], key, "exact", row[0])
            conn.execute("INSERT OR IGNORE INTO dedup_text VALUES (?, ?, ?, ?)", (thash, article_id, row[2], row[3]))
            return DedupResult(row[1], row[0], "exact")
        sig = signature(text)
        match = self._nearest(conn, sig) if sig is not None else None
        if match is not None and match[2] >= self.threshold:
            _insert_article(conn, article_id, match[1], key, "near", match[0])
            _add_text(conn, thash, article_id, sig)
            return DedupResult(match[1], match[0], "near", match[2])
        _insert_article(conn, article_id, article_id, key, "new", None)
        _add_text(conn, thash, article_id, sig)
        return DedupResult(article_id, None, "new", match[2] if match else 0.0)

    def _nearest(self, conn: sqlite3.Connection, sig: Signature) -> tuple[str, str, float] | None:
        """(article id, story id, similarity) of the most similar LSH candidate."""
        keys = sig.band_keys()
        marks = ",".join("?" * len(keys))
        rows = conn.execute(
            "SELECT t.article_id, a.story_id, t.shingles, t.signature FROM dedup_text t "
            "JOIN dedup_article a ON a.article_id = t.article_id "
            f"WHERE t.text_hash IN (SELECT DISTINCT text_hash FROM dedup_band WHERE band_key IN ({marks})) "
            "AND t.signature IS NOT NULL",
            keys,
        ).fetchall()
        best: tuple[str, str, float] | None = None
        for cand_id, story, size, blob in rows:
            score = similarity(sig, Signature.from_blob(blob, size))
            if best is None or score > best[2] or (score == best[2] and cand_id < best[0]):
                best = (cand_id, story, score)
        return best


def _same_article(conn: sqlite3.Connection, article_id: str, key: str | None) -> tuple[str, str] | None:
    row = conn.execute("SELECT article_id, story_id FROM dedup_article WHERE article_id = ?", (article_id,)).fetchone()
    if row is None and key:
        row = conn.execute(
            "SELECT article_id, story_id FROM dedup_article WHERE canonical_url = ? ORDER BY rowid LIMIT 1",
            (key,),
        ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def _insert_article(
    conn: sqlite3.Connection, article_id: str, story: str, key: str | None, kind: str, dup: str | None
) -> None:
    conn.execute("INSERT INTO dedup_article VALUES (?, ?, ?, ?, ?)", (article_id, story, key, kind, dup))


def _add_text(conn: sqlite3.Connection, thash: str, article_id: str, sig: Signature | None) -> None:
    blob = sig.to_blob() if sig is not None else None
    conn.execute(
        "INSERT OR IGNORE INTO dedup_text VALUES (?, ?, ?, ?)",
        (thash, article_id, sig.size if sig else 0, blob),
    )
    if sig is not None:
        conn.executemany("INSERT OR IGNORE INTO dedup_band VALUES (?, ?)", [(k, thash) for k in sig.band_keys()])


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the dedup tables if missing (the store also runs DEDUP_SCHEMA as a migration)."""
    conn.executescript(DEDUP_SCHEMA)


def assign(
    conn: sqlite3.Connection, article_id: str, url: str | None, text: str, *, index: DedupIndex | None = None
) -> DedupResult:
    """Convenience wrapper: file one article with the default index."""
    return (index or MinHashDedup()).assign(conn, article_id, url, text)


def story_count(conn: sqlite3.Connection) -> int:
    """Number of distinct stories (what briefs and counts report, not copies)."""
    return int(conn.execute("SELECT COUNT(DISTINCT story_id) FROM dedup_article").fetchone()[0])
