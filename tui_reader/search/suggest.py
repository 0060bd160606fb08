"""Completing what the reader types in the search box from the document's own words.

``suggest(doc, prefix)`` offers words of the document that start with the word
being typed, most frequent first, one per lemma ("Пут" → "Путин", not also
"Путина", "Путину"); ``complete(doc, value)`` gives the whole input with its last
word completed (the shape Textual's ``Suggester`` wants).
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Sequence

from tui_reader.model import Document
from tui_reader.morph import WORD_RE, first_lemma, fold, yo_as_ye
from tui_reader.search.context import Vocabulary, context_for

# Forms looked at per keystroke: the most frequent this many of those matching the prefix.
_CANDIDATES = 60


def suggest(doc: Document, prefix: str, limit: int = 10) -> list[str]:
    """Words of ``doc`` completing ``prefix`` (its last word), most frequent first.

    Smart case: a prefix with a capital offers only words usually written with it.
    """
    last = _last_word(prefix)
    if last is None:
        return []
    typed = last.group()
    key = fold(typed)
    vocab = context_for(doc).vocabulary()
    lo = bisect_left(vocab.forms, key)
    hi = bisect_left(vocab.forms, key + "\U0010ffff", lo)
    matching: Sequence[int] = range(lo, hi)
    if typed != typed.lower():
        matching = [i for i in matching if _keeps_capitals(vocab.spellings[i], typed)]
    best = heapq.nlargest(_CANDIDATES, matching, key=vocab.counts.__getitem__)

    groups: dict[str, list[int]] = {}  # lemma → candidate positions, most frequent first
    for i in best:
        groups.setdefault(first_lemma(vocab.forms[i]), []).append(i)
    ranked = sorted(groups.items(), key=lambda item: -sum(vocab.counts[i] for i in item[1]))

    out: list[str] = []
    for lemma, members in ranked:
        word = _shown(lemma, members, vocab, key)
        if fold(word) == key or (typed != typed.lower() and not _keeps_capitals(word, typed)):
            continue  # nothing to complete, or loses the capitals typed
        if word not in out:
            out.append(word)
        if len(out) >= limit:
            break
    return out


def complete(doc: Document, value: str) -> str | None:
    """``value`` with its last word completed by the best suggestion (None if there is none)."""
    options = suggest(doc, value, limit=1)
    word = _last_word(value)
    if not options or word is None:
        return None
    return value[:word.start()] + options[0]


def _last_word(value: str) -> re.Match[str] | None:
    """The word being typed: the last word, if the input ends inside it (not after a space)."""
    words = list(WORD_RE.finditer(value))
    last = words[-1] if words else None
    return last if last is not None and last.end() == len(value) else None


def _shown(lemma: str, members: list[int], vocab: Vocabulary, key: str) -> str:
    """The dictionary form if it completes the prefix, else the group's most frequent form.

    The dictionary form is spelt as the text spells it where the text has it, else
    with the capitals of the group's usual spelling ("Путина" → "Путин")."""
    top = vocab.spellings[members[0]]
    if not lemma.startswith(key):
        return top
    at = bisect_left(vocab.forms, lemma)
    if at < len(vocab.forms) and vocab.forms[at] == lemma:
        return vocab.spellings[at]
    if top.isupper() and len(top) > 1:
        return lemma.upper()
    return lemma.capitalize() if top[:1].isupper() else lemma


def _keeps_capitals(word: str, typed: str) -> bool:
    return yo_as_ye(word).startswith(yo_as_ye(typed))
