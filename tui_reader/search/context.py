"""What a document's searches share, computed once per document and kept.

The app queries on every keystroke, so anything proportional to the text —
sentence starts, the ё/case-folded copies for literal matching, the vocabulary
for completion — is built on first use and then reused.  A few documents are
kept (the reader has one open; tests make many small ones).
"""
from __future__ import annotations

import threading
from array import array
from bisect import bisect_right
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from itertools import repeat
from operator import ne

from tui_reader.model import Document, WordIndex
from tui_reader.morph import fold, yo_as_ye

_KEEP = 4
_contexts: OrderedDict[int, SearchContext] = OrderedDict()
_lock = threading.Lock()


@dataclass
class Vocabulary:
    """Distinct folded word forms, sorted for prefix lookup, with counts and usual spelling."""

    forms: list[str]
    counts: list[int]
    spellings: list[str]


@dataclass
class SearchContext:
    doc: Document
    text: str  # the text this context was built for (a replaced text means rebuild)
    index: WordIndex
    sentence_starts: list[int]
    _folded: dict[bool, str | None] = field(default_factory=dict)
    _vocabulary: Vocabulary | None = None
    _token_sentences: array[int] | None = None

    def sentence_of(self, offset: int) -> int:
        """The sentence holding ``offset`` (the one before it, between sentences; -1 if none)."""
        if not self.sentence_starts:
            return -1
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    def token_sentences(self) -> array[int]:
        """The sentence of every word token (built once, in C: ~0.1 s on the novel)."""
        if self._token_sentences is None:
            if self.sentence_starts:
                # Counting the starts after the first that lie at or before a token gives
                # its sentence, 0 for anything before the first: max(bisect - 1, 0) for free.
                later = self.sentence_starts[1:]
                tokens = self.index.starts
                self._token_sentences = array("i", map(bisect_right, repeat(later, len(tokens)), tokens))
            else:
                self._token_sentences = array("i", [-1]) * len(self.index.starts)
        return self._token_sentences

    def folded_text(self, ignore_case: bool) -> str | None:
        """The text with ё read as е (and lower-cased if ``ignore_case``), same offsets;
        None if lower-casing would change the length (then offsets would not map)."""
        if ignore_case not in self._folded:
            folded = yo_as_ye(self.doc.text)
            text: str | None = folded
            if ignore_case:
                lowered = folded.lower()
                text = lowered if len(lowered) == len(folded) else None
            self._folded[ignore_case] = text
        return self._folded[ignore_case]

    def vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = _build_vocabulary(self.doc.text, self.index, self.token_sentences())
        return self._vocabulary


def context_for(doc: Document) -> SearchContext:
    """The (cached) search context of ``doc``; rebuilt if its text or index was replaced."""
    key = id(doc)
    with _lock:
        ctx = _contexts.get(key)
        if ctx is not None and ctx.doc is doc and ctx.text is doc.text and ctx.index is (doc.index or ctx.index) \
                and len(ctx.sentence_starts) == len(doc.sentences):
            _contexts.move_to_end(key)
            return ctx
        # The same text seen before (the app's structure-only model, now replaced by the
        # full one): take over what does not depend on the model, and forget the old one.
        previous = next((c for k, c in _contexts.items() if c.text is doc.text or c.text == doc.text), None)
        if previous is not None:
            del _contexts[id(previous.doc)]
    ctx = _build_context(doc, previous)
    with _lock:
        _contexts[key] = ctx
        while len(_contexts) > _KEEP:
            _contexts.popitem(last=False)
    return ctx


def _build_context(doc: Document, previous: SearchContext | None = None) -> SearchContext:
    index = doc.index
    if index is None and previous is not None:
        index = previous.index
    if index is None:  # a structure-only model (analysis still running): index it here
        from tui_reader.search.index import build_index

        index = build_index(doc.text)
    ctx = SearchContext(doc=doc, text=doc.text, index=index, sentence_starts=[s.start for s in doc.sentences])
    if previous is not None:
        ctx._folded = previous._folded
        if previous.index is index:
            ctx._vocabulary = previous._vocabulary
    return ctx


def _build_vocabulary(text: str, index: WordIndex, token_sentences: array[int]) -> Vocabulary:
    """Forms with their counts and usual spelling.  The spelling is judged inside sentences
    where the text has any there: a sentence start capitalises every word ("Ну", "Натянув")."""
    starts_sentence = [True] + list(map(ne, token_sentences[1:], token_sentences[:-1]))
    spellings = Counter(zip((text[s:e] for s, e in zip(index.starts, index.ends)), starts_sentence))
    total: Counter[str] = Counter()
    usual: dict[str, tuple[bool, int, str]] = {}  # form → (seen mid-sentence, count, spelling)
    for (spelling, initial), n in spellings.items():
        form = fold(spelling)
        total[form] += n
        rank = (not initial, n, spelling)
        if rank > usual.get(form, (False, 0, "")):
            usual[form] = rank
    forms = sorted(total)
    return Vocabulary(forms=forms, counts=[total[f] for f in forms], spellings=[usual[f][2] for f in forms])
