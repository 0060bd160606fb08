"""Lazy, cached access to the natasha/slovnet models.

Nothing is imported at module import time: opening a cached document must not
pay for the NLP stack.  The first call to :func:`models` imports natasha and
loads the embeddings and taggers once per process.

natasha 1.6 (and yargy, which it imports) still do ``import pymorphy2``.  On
Python >= 3.12 pymorphy2 is broken (it needs ``pkg_resources`` and an
``inspect`` API that is gone), so before importing natasha we point the
``pymorphy2`` module names at pymorphy3, its maintained drop-in fork.  We do
this on every Python, so all versions use the same dictionary.
"""
from __future__ import annotations

import importlib
import itertools
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# Every pymorphy2 module that natasha or yargy import (directly or through the
# package ``__init__``), mapped to the pymorphy3 module that replaces it.
_PYMORPHY_MODULES = ("", ".analyzer", ".tagset", ".units", ".units.base", ".shapes", ".utils")

BATCH_SIZE = 32

# The most tokens one model input may have.  The syntax parser scores every pair of
# words of a sentence (memory grows with the square of its length: 16,000 words
# without a full stop asked for 18 GiB), and a batch is padded to its longest
# input; news sentences stay far below this, so cutting longer ones into pieces
# costs their parse little and bounds every batch to a few megabytes.
MAX_MODEL_TOKENS = 200

# How many words the taggers' lookups remember at most (a few MB), between ``forget_words``.
REMEMBERED_WORDS = 50_000

_lock = threading.Lock()
_models: Models | None = None


def alias_pymorphy2() -> bool:
    """Make ``import pymorphy2...`` resolve to pymorphy3.  Returns True when aliased.

    Leaves things alone when pymorphy3 is missing (then a working pymorphy2 is
    the only hope) or when natasha is already imported (too late to matter).
    """
    if "natasha" in sys.modules:
        return False
    try:
        importlib.import_module("pymorphy3")
    except ImportError:
        return False
    for suffix in _PYMORPHY_MODULES:
        target = importlib.import_module("pymorphy3" + suffix)
        sys.modules["pymorphy2" + suffix] = target
    return True


def single_threaded_blas() -> None:
    """Ask OpenBLAS for one thread, if numpy is not loaded yet (the variable is read then).

    slovnet multiplies small matrices: a second BLAS thread buys nothing, and on a
    busy machine its spin-waiting made the analysis three times slower (measured:
    ~30 KB/s with the default, ~90 KB/s with one thread, on 2 shared cores).
    An explicit setting by the user is left alone.
    """
    if "numpy" in sys.modules:
        return
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


# How many inputs each capped model has cut into pieces in this process (the
# pipeline turns the difference over one analysis into a note for the reader).
_cut = {"syntax": 0, "ner": 0}


def count_cut(counts: dict[str, int]) -> None:
    """Add inputs cut in another process (a chunk's helper) to this one's counts."""
    for model, n in counts.items():
        _cut[model] += n


def cut_counts() -> dict[str, int]:
    return dict(_cut)


def inputs_cut() -> int:
    """Long sentences cut into pieces so far (the larger count of the two models: both
    usually see the same long sentence)."""
    return max(_cut.values())


class CappedSyntax:
    """The syntax parser with a bound on input length: ``.map`` takes token lists as
    the parser does; a list longer than ``limit`` is parsed in pieces whose markups
    are joined back (ids and heads shifted; each piece's root stays a root)."""

    def __init__(self, parser: Any, limit: int = MAX_MODEL_TOKENS) -> None:
        self.parser = parser
        self.limit = limit
        self.pieces_cut = 0  # how many inputs were cut (for a note; tests read it)

    @property
    def batch_size(self) -> int:
        return int(self.parser.batch_size)

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        self.parser.batch_size = value
        # (slovnet's encoder still feeds the parser 8 sentences at a time: 32 was ~20 % faster
        # on the novel's sentences alone, but not measurably in the whole analysis, and its
        # batches of long sentences held ~20 MB more at the peak)

    def map(self, items: Iterable[list[str]]) -> Iterator[Any]:
        items = list(items)
        counts = [max(1, -(-len(item) // self.limit)) for item in items]
        self.pieces_cut += sum(1 for c in counts if c > 1)
        _cut["syntax"] += sum(1 for c in counts if c > 1)
        pieces = (list(item[i:i + self.limit]) for item in items for i in range(0, max(len(item), 1), self.limit))
        markups = self.parser.map(pieces)
        for count in counts:
            if count == 1:
                yield next(markups)
                continue
            yield _join_syntax([next(markups) for _ in range(count)], self.limit)


def _join_syntax(parts: list[Any], step: int) -> Any:
    from natasha.syntax import SyntaxMarkup, SyntaxToken

    tokens = []
    for n, part in enumerate(parts):
        shift = n * step
        for tok in part.tokens:
            head = int(tok.head_id)
            tokens.append(SyntaxToken(str(int(tok.id) + shift), tok.text,
                                      str(head + shift) if head else "0", tok.rel))
    return SyntaxMarkup(tokens)


_WORD = re.compile(r"\S+")


class CappedNER:
    """The NER tagger with the same bound: a text of more than ``limit`` words is
    tagged in pieces cut at spaces, the spans shifted back to the whole text's offsets."""

    def __init__(self, tagger: Any, limit: int = MAX_MODEL_TOKENS) -> None:
        self.tagger = tagger
        self.limit = limit
        self.pieces_cut = 0
        self._seen: dict[str, tuple[int, int]] = {}  # word → its ids (see ``_encode``)

    @property
    def batch_size(self) -> int:
        return int(self.tagger.batch_size)

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        # (slovnet's encoder still feeds the model 8 sentences at a time, and that is the
        # fastest on news: ~20 % faster than 32, whose batches of a short text's sentences
        # differ much in length, all padded to the longest; on a novel 32 is ~9 % faster
        # but holds ~30 MB more per process)
        self.tagger.batch_size = value

    def map(self, texts: Iterable[str]) -> Iterator[Any]:
        texts = list(texts)
        cuts = [self._cuts(text) for text in texts]
        self.pieces_cut += sum(1 for c in cuts if len(c) > 1)
        _cut["ner"] += sum(1 for c in cuts if len(c) > 1)
        pieces = (text[a:b] for text, spans in zip(texts, cuts) for a, b in spans)
        markups = self._tag(pieces)
        for text, spans in zip(texts, cuts):
            if len(spans) == 1:
                yield next(markups)
                continue
            from natasha.ner import NERMarkup
            from natasha.span import Span

            found: list[Any] = []
            for a, _b in spans:
                found.extend(Span(s.start + a, s.stop + a, s.type) for s in next(markups).spans)
            yield NERMarkup(text, found)

    def _tag(self, texts: Iterable[str]) -> Iterator[Any]:
        """natasha's ``NewsNERTagger.map``, step by step as slovnet's ``NERInfer`` takes it,
        but with the tokens from ``analysis.tokens`` (razdel's, remembered per piece of text)
        instead of razdel run again on every sentence, and its last steps on plain integers
        (``ner_decode``)."""
        from natasha.ner import NERMarkup
        from natasha.span import Span
        from slovnet.chop import chop

        from tui_reader.analysis.ner_decode import best_tags, bio_spans
        from tui_reader.analysis.tokens import tokens

        infer = self.tagger.infer
        model, encoder = infer.model, infer.encoder
        transitions = model.head.crf.transitions.array
        names = infer.decoder.tags_vocab.items  # tag id → "B-PER", …
        for batch in chop(texts, self.tagger.batch_size):
            items = [tokens(text) for text in batch]
            tags: list[list[int]] = []
            for part in chop((self._encode([t for _, _, t in item]) for item in items), encoder.batch_size):
                given = encoder.input(part)
                emissions = model(given.word_id, given.shape_id, given.pad_mask)
                tags.extend(best_tags(transitions, emissions, ~given.pad_mask))
            for text, item, ids in zip(batch, items, tags, strict=True):
                found = [Span(start, stop, kind) for start, stop, kind in bio_spans(item, [names[i] for i in ids])]
                yield NERMarkup(text, found)

    def _encode(self, words: list[str]) -> tuple[list[int], list[int]]:
        """slovnet's ``WordShapeEncoder.item`` (a word's id and the id of its shape), each word
        worked out once until ``forget``."""
        from slovnet.shape import word_shape

        encoder = self.tagger.infer.encoder
        pairs = []
        for word in words:
            pair = self._seen.get(word)
            if pair is None:
                if len(self._seen) >= REMEMBERED_WORDS:  # a long-lived process (the library's)
                    self._seen.clear()
                pair = self._seen[word] = (encoder.words_vocab.encode(word.lower()),
                                           encoder.shapes_vocab.encode(word_shape(word)))
            pairs.append(pair)
        return [p[0] for p in pairs], [p[1] for p in pairs]

    def forget(self) -> None:
        self._seen.clear()

    def _cuts(self, text: str) -> list[tuple[int, int]]:
        """(start, end) pieces of ``text`` holding at most ``limit`` words each.  Words
        are counted by spaces; the tagger splits off punctuation too, so a piece may have
        up to about twice as many tokens, still far below what costs memory."""
        if len(text) < self.limit * 2:  # cannot hold more words than that: the usual case, no scan
            return [(0, len(text))]
        starts = [m.start() for m in _WORD.finditer(text)]
        if len(starts) <= self.limit:
            return [(0, len(text))]
        bounds = starts[self.limit::self.limit]
        edges = [0, *bounds, len(text)]
        return list(itertools.pairwise(edges))


@dataclass(slots=True)
class Models:
    """The loaded models.  ``ner``/``syntax`` take batches (``.map``).

    No slovnet morph tagger: nothing reads it, and leaving it out saves ~40 MB at
    the novel's peak and ~0.15 s of loading (pymorphy3 gives the lemmas we need).
    """

    ner: Any  # CappedNER: .map(list[str]) -> markups with .spans (start, stop, type)
    syntax: Any  # CappedSyntax: .map(list[list[str]]) -> markups with .tokens (id, head_id, rel)


def forget_words() -> None:
    """Let the word ids looked up so far go (see ``PackedWords``), if the models are loaded."""
    if _models is not None:
        _models.ner.forget()
        vocab = _models.ner.tagger.infer.encoder.words_vocab
        forget = getattr(vocab, "forget", None)  # a PackedWords (slovnet's own Vocab keeps nothing)
        if forget is not None:
            forget()
        for model in (_models.ner.tagger.infer.model, _models.syntax.parser.infer.model):
            forget = getattr(model.encoder, "forget", None)  # a first_layer.ProjectedEncoder
            if forget is not None:
                forget()


def release_models() -> None:
    """Let the models go (a later ``models()`` loads them again)."""
    global _models
    with _lock:
        _models = None
    import gc

    gc.collect()  # their numpy arrays are freed now, not at some later collection
    return_freed_memory()


def return_freed_memory() -> None:
    """Hand the memory freed so far back to the system (glibc keeps freed pages for reuse).

    Loading the models builds and drops ~35 MB (the vocabularies no one keeps, file
    buffers): without this the process keeps it resident, and so, shared, do the helpers
    it forks (``speakers/chunks.py``).  Elsewhere than glibc this does nothing."""
    import contextlib
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def models() -> Models:
    """Load the models once (thread-safe) and return them."""
    global _models
    if _models is not None:
        return _models
    with _lock:
        if _models is None:
            single_threaded_blas()
            alias_pymorphy2()
            from natasha import NewsNERTagger, NewsSyntaxParser

            from tui_reader.analysis import first_layer
            from tui_reader.analysis.vocabulary import news_vectors, pack_vocabulary

            # Each step lets go of what the next does not need before it loads more: the
            # process's peak is no more than one model's (see ``PackedWords``).
            emb = news_vectors()
            ner = NewsNERTagger(emb)
            pack_vocabulary(ner)
            syntax = NewsSyntaxParser(emb)
            pack_vocabulary(syntax, like=ner)
            for tagger in (ner, syntax):  # their convolutions' first layer, once per word
                first_layer.install(tagger.infer.model)
            loaded = Models(ner=CappedNER(ner), syntax=CappedSyntax(syntax))
            # Callers sort sentences by length before batching, so bigger batches cost
            # little padding and save per-batch overhead (default is 8).
            for model in (loaded.ner, loaded.syntax):
                model.batch_size = BATCH_SIZE
            del emb, ner, syntax
            _models = loaded
            return_freed_memory()
    return _models
