"""Queries over a document: by lemma (the default), literal text, or regular expression.

Query language, lemma mode:

* a word matches every form of its lemma ("безопасность" → "безопасности",
  "заявить" → "заявил"); an inflected query word stands for every lemma it may
  come from ("стали" → стать and сталь), a dictionary form only for itself;
* several words match the sentences holding all of them; the hits are each
  matched word in those sentences;
* a quoted phrase ("…" or «…») matches those words in a row, each in any form
  ("общее пространство" → "общего пространства"); phrases and words mix;
* smart case: a lowercase word ignores case; capitals in a query word must be
  capitals in the text at the same places ("Песков" finds "Пескова", not
  "песков"; "НАТО" only in capitals).  Lowercase letters never filter, since a
  sentence start capitalises any word;
* ё and е are the same letter, everywhere.

``exact`` matches the literal query and ``regex`` a Python regular expression,
both smart-case (case-insensitive unless the query has a capital letter).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from itertools import compress, islice
from typing import Any, NamedTuple, overload

from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.morph import WORD_RE, query_lemmas, yo_as_ye
from tui_reader.search.context import SearchContext, context_for
from tui_reader.search.modes import MODES
from tui_reader.search.suggest import complete, suggest  # the app finds everything here

__all__ = ["MODES", "Hit", "HitList", "SearchError", "SlowPattern", "complete", "parse_terms", "search", "suggest", "warm_up"]


_PHRASE_RE = re.compile(r'"([^"]*)"?|«([^»]*)»?|“([^”]*)”?|„([^“”]*)[“”]?')


class Hit(NamedTuple):
    start: int
    end: int
    sentence: int


class HitList(Sequence[Hit]):
    """The hits of a query: a read-only, list-like sequence built lazily.

    A frequent word in the novel has ~20k forms in the text; making 20k ``Hit``
    objects costs more than a keystroke may take, so a single-word query hands
    out the index's own token list and builds each ``Hit`` when it is read.
    Supports ``len``, indexing, slicing (gives a list), iteration and ``==``
    with any sequence; ``list(hits)`` for a real list.
    """

    __slots__ = ("_get", "_length")

    def __init__(self, length: int, get: Callable[[int], Hit]):
        self._length = length
        self._get = get

    @classmethod
    def of(cls, hits: list[Hit]) -> HitList:
        return cls(len(hits), hits.__getitem__)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> Hit: ...
    @overload
    def __getitem__(self, i: slice) -> list[Hit]: ...
    def __getitem__(self, i: int | slice) -> Hit | list[Hit]:
        if isinstance(i, slice):
            return [self._get(k) for k in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("hit index out of range")
        return self._get(i)

    def __iter__(self) -> Iterator[Hit]:
        get = self._get
        return (get(k) for k in range(self._length))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(other) == self._length and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"HitList({list(self)!r})" if self._length <= 20 else f"HitList(<{self._length} hits>)"

    def limited(self, limit: int | None) -> HitList:
        return self if limit is None or limit >= self._length else HitList(max(limit, 0), self._get)


class SearchError(ValueError):
    """A query that cannot run (bad regular expression, unknown mode); the message is one line."""


class SlowPattern(SearchError):
    """A regular expression stopped after ``REGEX_TIMEOUT`` seconds (catastrophic backtracking)."""


# A regular expression may backtrack for ever (``(\w+\s?)+$``): the ``regex`` module
# stops it after this long, and releases the interpreter lock while it matches, so
# the reader's keys keep working meanwhile (Python's ``re`` can do neither).
REGEX_TIMEOUT = 3.0


def search(doc: Document, query: str, mode: str = "lemma", *, limit: int | None = None) -> HitList:
    """The hits of ``query`` in ``doc``, in text order (the first ``limit`` if given).

    Raises ``SearchError`` for an unknown mode or an invalid regular expression.
    """
    if mode not in MODES:
        raise SearchError(_("unknown search mode {mode} (use {modes})").format(mode=repr(mode), modes=", ".join(MODES)))
    if not query.strip():
        return HitList.of([])
    ctx = context_for(doc)
    if mode == "lemma":
        hits = _lemma_hits(ctx, query)
    elif mode == "exact":
        hits = _exact_hits(ctx, query)
    else:
        hits = _regex_hits(ctx, query, limit)
    return hits.limited(limit)


def warm_up(doc: Document | None = None) -> None:
    """Load the morphology and prepare ``doc``'s context now (e.g. in a worker), so the
    first keystroke does not pay for it."""
    query_lemmas("проверка")
    if doc is not None:
        ctx = context_for(doc)
        ctx.token_sentences()
        ctx.vocabulary()
        ctx.folded_text(True)


# --- lemma mode -------------------------------------------------------------------

def parse_terms(query: str) -> list[list[str]]:
    """The query's terms: each a list of words — one for a bare word, several for a phrase."""
    terms: list[list[str]] = []
    rest_at = 0
    for m in _PHRASE_RE.finditer(query):
        terms.extend([w] for w in WORD_RE.findall(query[rest_at:m.start()]))
        words = WORD_RE.findall(next(g for g in m.groups() if g is not None))
        if words:
            terms.append(words)
        rest_at = m.end()
    terms.extend([w] for w in WORD_RE.findall(query[rest_at:]))
    return terms


def _lemma_hits(ctx: SearchContext, query: str) -> HitList:
    terms = parse_terms(query)
    if not terms:
        return HitList.of([])
    found = [_term_tokens(ctx, words) for words in terms]
    if len(found) == 1:
        return _token_hits(ctx, *found[0])
    # Several terms: only the sentences that hold every one of them.  Sentences come
    # from the per-token table and the filtering runs in ``map``/``compress`` (C), so a
    # frequent word among the terms ("князь и": 21k forms of "и" in the novel) stays cheap.
    # The hits stay (first token, last token) pairs, made in C, until read: building a
    # Hit for each (21k for "князь Андрей с" in the novel) was half a keystroke's search.
    # Rarest term first: once few sentences are left, a frequent term ("что", "она": tens
    # of thousands of tokens) is looked up in just those sentences' token ranges (binary
    # searches) instead of mapped token by token — a query's later words cost next to nothing.
    sentence_of_token = ctx.token_sentences()
    found.sort(key=lambda term: len(term[0]))
    common = set(map(sentence_of_token.__getitem__, found[0][0]))
    for firsts, _lasts in found[1:]:
        if len(firsts) <= _FEW_PER_SENTENCE * len(common):
            common &= set(map(sentence_of_token.__getitem__, firsts))
        else:
            common = {s for s in common if _in_sentence(sentence_of_token, firsts, s)}
    runs: set[tuple[int, int]] = set()
    for firsts, lasts in found:
        if len(firsts) <= _FEW_PER_SENTENCE * len(common):
            keep = map(common.__contains__, map(sentence_of_token.__getitem__, firsts))
            runs.update(compress(zip(firsts, lasts), keep))
            continue
        for sentence in common:
            lo, hi = _sentence_tokens(sentence_of_token, firsts, sentence)
            runs.update(zip(firsts[lo:hi], lasts[lo:hi]))
    ordered = sorted(runs)  # token order is text order
    return _token_hits(ctx, [f for f, _ in ordered], [last for _, last in ordered])


# A term with more tokens than this per sentence still in question is looked up by sentence.
_FEW_PER_SENTENCE = 8


def _sentence_tokens(sentence_of_token: Sequence[int], firsts: Sequence[int], sentence: int) -> tuple[int, int]:
    """The slice of ``firsts`` (ascending token numbers) that lies in ``sentence``."""
    begin = bisect_left(sentence_of_token, sentence)
    end = bisect_left(sentence_of_token, sentence + 1, begin)
    lo = bisect_left(firsts, begin)
    return lo, bisect_left(firsts, end, lo)


def _in_sentence(sentence_of_token: Sequence[int], firsts: Sequence[int], sentence: int) -> bool:
    lo, hi = _sentence_tokens(sentence_of_token, firsts, sentence)
    return hi > lo


def _token_hits(ctx: SearchContext, firsts: Sequence[int], lasts: Sequence[int]) -> HitList:
    """Hits for runs of tokens, made only when read (see ``HitList``)."""
    starts, ends, sentence_of_token = ctx.index.starts, ctx.index.ends, ctx.token_sentences()

    def hit(k: int) -> Hit:
        first = firsts[k]
        return Hit(starts[first], ends[lasts[k]], sentence_of_token[first])

    return HitList(len(firsts), hit)


def _term_tokens(ctx: SearchContext, words: list[str]) -> tuple[Sequence[int], Sequence[int]]:
    """(first tokens, last tokens) of one term's matches: a word's tokens (first = last),
    or a phrase's runs of adjacent tokens."""
    text, starts, ends = ctx.doc.text, ctx.index.starts, ctx.index.ends
    first = _word_tokens(ctx, words[0])
    if len(words) == 1:
        return first, first
    rest = [set(_word_tokens(ctx, w)) for w in words[1:]]
    firsts, lasts = [], []
    for t in first:
        for k, allowed in enumerate(rest, 1):
            if t + k not in allowed or not _joins(text, ends[t + k - 1], starts[t + k]):
                break
        else:
            firsts.append(t)
            lasts.append(t + len(rest))
    return firsts, lasts


def _joins(text: str, gap_start: int, gap_end: int) -> bool:
    """Adjacent words of a phrase: nothing but spacing between them."""
    return gap_start == gap_end or text[gap_start:gap_end].isspace()


def _word_tokens(ctx: SearchContext, word: str) -> list[int]:
    """Token numbers (ascending) of the forms of ``word``, filtered by its capitals."""
    lemmas = ctx.index.lemmas
    lists = [lemmas[lemma] for lemma in query_lemmas(word) if lemma in lemmas]
    if not lists:
        return []
    tokens = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
    if word == word.lower():
        return tokens
    text, starts, ends = ctx.doc.text, ctx.index.starts, ctx.index.ends
    if word[0].isupper() and (len(word) == 1 or word[1:] == word[1:].lower()):
        # The usual case, a capitalised word: only the first letter to check.
        return [t for t in tokens if text[starts[t]].isupper()]
    keep = _case_filter(word)
    return [t for t in tokens if keep(text[starts[t]:ends[t]])]


def _case_filter(word: str) -> Callable[[str], bool]:
    """A test that a surface form keeps the capitals of query ``word``."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return lambda surface: surface.isupper()  # an acronym: "НАТО", "США"
    capitals = [i for i, c in enumerate(word) if c.isupper()]
    return lambda surface: all(i < len(surface) and surface[i].isupper() for i in capitals)


# --- exact and regex modes --------------------------------------------------------

def has_capitals(query: str) -> bool:
    return any(c.isupper() for c in query)


def _exact_hits(ctx: SearchContext, query: str) -> HitList:
    ignore_case = not has_capitals(query)
    needle = yo_as_ye(query)
    haystack = ctx.folded_text(ignore_case)
    if haystack is None:  # lower-casing changed the length: let the regex engine fold case
        return _pattern_hits(ctx, re.compile(re.escape(needle), re.IGNORECASE), None)
    if ignore_case:
        needle = needle.lower()
    # Counted in C at once; the positions are found as they are read (a one-letter query
    # on the novel has ~100k hits, and the reader looks at a few dozen).
    count = haystack.count(needle)
    positions: list[int] = []
    size = len(needle)

    def hit(k: int) -> Hit:
        while len(positions) <= k:
            positions.append(haystack.find(needle, positions[-1] + size if positions else 0))
        at = positions[k]
        return Hit(at, at + size, ctx.sentence_of(at))

    return HitList(count, hit)


def _regex_hits(ctx: SearchContext, pattern: str, limit: int | None) -> HitList:
    # Smart case looks at literal letters only: "\S" or "\B" is not a capital.
    literal = re.sub(r"\\.", "", pattern)
    ignore_case = not has_capitals(literal)
    # Ignoring case by matching the lower-cased text is much faster than re.IGNORECASE.
    lowered = ctx.folded_text(True) if ignore_case else None
    import regex

    # VERSION0: the same syntax and meaning as Python's ``re``, which the help describes.
    flags = regex.VERSION0 | (regex.IGNORECASE if ignore_case and lowered is None else 0)
    try:
        compiled = regex.compile(yo_as_ye(pattern), flags)
    except regex.error as e:
        where = " " + _("at position {pos}").format(pos=e.pos) if getattr(e, "pos", None) is not None else ""
        raise SearchError(_("invalid regular expression {pattern}: {error}").format(
            pattern=repr(pattern), error=f"{getattr(e, 'msg', e)}{where}")) from None
    except (OverflowError, RecursionError, ValueError):
        raise SearchError(_("invalid regular expression {pattern}: too large").format(pattern=repr(pattern))) from None
    try:
        return _pattern_hits(ctx, compiled, limit, lowered)
    except TimeoutError:
        raise SlowPattern(_("the regular expression {pattern} was too slow and was stopped after {seconds:g} s; "
                            "try a simpler one (no nested repeats like (a+)+)").format(
            pattern=repr(pattern), seconds=REGEX_TIMEOUT)) from None


def _pattern_hits(ctx: SearchContext, compiled: re.Pattern[str] | Any, limit: int | None,
                  haystack: str | None = None) -> HitList:
    """Hits of a compiled ``re`` or ``regex`` pattern (the latter stopped after ``REGEX_TIMEOUT``)."""
    if haystack is None:
        haystack = ctx.folded_text(False) or ""  # ё read as е, case kept: same offsets (never None uncased)
    if isinstance(compiled, re.Pattern):
        matches = compiled.finditer(haystack)
    else:
        matches = compiled.finditer(haystack, timeout=REGEX_TIMEOUT, concurrent=True)
    # Only the spans now (an empty match marks no text); a Hit, with its sentence, is made when read.
    found = (span for span in (m.span() for m in matches) if span[0] != span[1])
    spans = list(found if limit is None else islice(found, max(limit, 0)))

    def hit(k: int) -> Hit:
        start, end = spans[k]
        return Hit(start, end, ctx.sentence_of(start))

    return HitList(len(spans), hit)
