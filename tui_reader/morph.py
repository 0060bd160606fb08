"""Word forms → lemmas with pymorphy3: the one dictionary of the process, shared by the
search index, the queries, the library and the analysers (``word_parses``, cached).

Its own low module (below ``search`` and ``analysis``, above ``model``), so the
analysers need not import the search package to ask about a word.  pymorphy3 is
imported lazily (on the first word to lemmatise), so importing this module — or
opening a cached model — never pays for it.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

__all__ = [
    "WORD_RE", "analyzer", "first_lemma", "fold", "normal_forms", "query_lemmas", "word_parses", "yo_as_ye",
]

# A word token: letters/digits, with inner hyphens ("из-за", "Нью-Йорк", "северо-запад").
# Underscores are not word characters for a reader.
WORD_RE = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
_HYPHENS_RE = re.compile(r"[-‐‑]")
_CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)

_analyzer: Any = None  # a pymorphy3.MorphAnalyzer (pymorphy3 has no type information)
_analyzer_lock = threading.Lock()  # the app's search and analysis threads may both ask first


def analyzer() -> Any:
    """The process-wide pymorphy3 analyser (loaded once, ~0.1 s), shared by search and
    the analysers, so a process holds one dictionary, not two."""
    global _analyzer
    if _analyzer is not None:
        return _analyzer
    with _analyzer_lock:
        if _analyzer is None:
            _analyzer = _load_analyzer()
    return _analyzer


def _load_analyzer() -> Any:
    import pymorphy3

    class SafeMorphAnalyzer(pymorphy3.MorphAnalyzer):  # type: ignore[misc]  # untyped base
        """pymorphy3 asks ``unicodedata.name`` about every character of a word it does
        not know, and some characters have no name (unassigned code points; Tangut on
        Python 3.13): it raises ValueError.  Any text must open, so parse such a word
        with those characters replaced."""

        def parse(self, word: str) -> Any:
            try:
                return super().parse(word)
            except ValueError:
                return super().parse(_named_only(word))

    return SafeMorphAnalyzer()


@lru_cache(maxsize=200_000)
def word_parses(word: str) -> tuple[Any, ...]:
    """Every pymorphy3 parse of ``word``, most likely first; cached, since the analysers
    and the search box ask about the same few thousand words over and over."""
    return tuple(analyzer().parse(word))


def _named_only(word: str) -> str:
    import unicodedata

    return "".join(c if unicodedata.name(c, "") else "\ufffd" for c in word)


def fold(word: str) -> str:
    """The key every comparison uses: lower case, ё read as е."""
    return word.lower().replace("ё", "е")


def yo_as_ye(text: str) -> str:
    """ё read as е, case kept (Russian prints ё as е more often than not)."""
    return text.replace("ё", "е").replace("Ё", "Е")


def normal_forms(folded: str) -> tuple[str, ...]:
    """Every normal form pymorphy3 offers for a folded word (folded too), the word itself last.

    All of them, not just the first parse: pymorphy's best guess for "песков" is
    "песок", and a reader searching for the surname must still find it.  A
    hyphenated word also gets its parts' forms, so "запад" finds "северо-запад".
    """
    if not _CYRILLIC_RE.search(folded):
        return (folded,)  # numbers, Latin words: pymorphy would give the word itself
    out: dict[str, None] = dict.fromkeys(_parse_forms(folded))
    if _HYPHENS_RE.search(folded):
        for part in _HYPHENS_RE.split(folded):
            if part:
                for form in _parse_forms(part):
                    out.setdefault(form, None)
    out.setdefault(folded, None)  # a word always matches itself, known to the dictionary or not
    return tuple(out)


@lru_cache(maxsize=4096)
def query_lemmas(word: str) -> frozenset[str]:
    """The lemmas a query word stands for.

    A word typed in its dictionary form means that word ("стать" ≠ "сталь"); an
    inflected form stands for every lemma it could come from ("стали" → стать,
    сталь), since the query has no context to choose by.
    """
    folded = fold(word)
    if folded in _parse_forms(folded):
        return frozenset({folded})
    return frozenset(normal_forms(folded))


def _parse_forms(folded: str) -> tuple[str, ...]:
    """The normal forms of a folded word's parses (order: dictionary order, not likelihood).

    Dictionary words — the great majority — are looked up directly in the DAWG,
    skipping what ``parse`` adds on top (tags, probabilities, Parse objects), which
    cuts the cost of indexing a novel by half or more.  Words the dictionary lacks go through the
    full ``parse`` with its suffix predictor ("Болконского" → "болконский").
    """
    morph = analyzer()
    found = morph.dictionary.words.similar_items(folded, morph.char_substitutes)
    if found:
        build = morph.dictionary.build_normal_form
        return tuple(dict.fromkeys(
            fold(build(para_id, idx, fixed)) for fixed, parses in found for para_id, idx in parses))
    return tuple(dict.fromkeys(fold(p.normal_form) for p in morph.parse(folded)))


def first_lemma(folded: str) -> str:
    """pymorphy's most likely lemma of a folded word (for grouping suggestions and topics)."""
    return fold(word_parses(folded)[0].normal_form)
