"""Word-form search across the library, with the in-article search's query language.

Lemma mode (the default) asks the FTS5 table of sentence lemmas: each query word
becomes the set of lemmas it stands for (``query_lemmas``, as in the reader), a
capitalised word is looked up among the lemmas of capitalised words, and every
term must be in the sentence.  Where FTS5 cannot decide alone — a "phrase" (words
in a row), capitals inside a word ("НАТО") — the candidate sentences are checked
with the reader's own ``search`` on the sentence, so both searches agree.
``exact`` and ``regex`` scan the sentences' text (no index can serve a regex).

Hits are sentences: the result is every matching sentence, newest article first.
``sentence_spans`` gives the matched words in one sentence, for highlighting.
"""
from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tui_reader.i18n import _
from tui_reader.morph import yo_as_ye
from tui_reader.search.query import MODES, SearchError, has_capitals, parse_terms

__all__ = ["MODES", "SearchError", "SentenceHit", "match_expression", "search_library", "sentence_spans"]


@dataclass(slots=True)
class SentenceHit:
    sentence: int  # sentences.id
    article: int
    n: int  # the sentence's number in its article
    start: int
    end: int
    text: str


def _quoted(lemma: str) -> str:
    return '"' + lemma.replace('"', '""') + '"'


def _simple_capitals(word: str) -> bool:
    """No capitals, or just the first letter: the FTS columns decide it exactly."""
    return word == word.lower() or (word[0].isupper() and word[1:] == word[1:].lower())


# A word's lemmas sit side by side in the lemmas column (a word has 1–4), so two adjacent
# words' lemmas are at most this many FTS tokens apart: NEAR narrows a phrase's candidates.
_NEAR_PER_WORD = 8
_NEAR_COMBINATIONS = 32  # beyond this many lemma combinations a phrase is checked without NEAR


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a lemma-mode query (None for a query with no word)."""
    from itertools import product

    from tui_reader.morph import query_lemmas

    parts = []
    for words in parse_terms(query):
        sets = []
        for word in words:
            lemmas = sorted(query_lemmas(word))
            if not lemmas:
                return None
            sets.append(lemmas)
            column = "caps" if word[:1].isupper() else "lemmas"
            parts.append(f"{column} : ({' OR '.join(map(_quoted, lemmas))})")
        combinations = 1
        for lemmas in sets:
            combinations *= len(lemmas)
        if len(words) > 1 and combinations <= _NEAR_COMBINATIONS:
            distance = _NEAR_PER_WORD * (len(words) - 1)
            near = [f"NEAR({' '.join(map(_quoted, combo))}, {distance})" for combo in product(*sets)]
            parts.append(f"lemmas : ({' OR '.join(near)})")
    return " AND ".join(parts) if parts else None


def _needs_check(query: str) -> bool:
    return any(len(words) > 1 or not _simple_capitals(words[0]) for words in parse_terms(query))


def _needs_morphology(query: str) -> bool:
    """Capitals inside a word ("НАТО", "МакДональдс"): only the reader's search on the text decides."""
    return any(not _simple_capitals(word) for words in parse_terms(query) for word in words)


def _row_tokens(lemmas: str) -> list[tuple[frozenset[str], bool, bool]]:
    """The stored lemmas column back as words: (lemmas, capitalised, joined to the one before)."""
    from tui_reader.library.records import CAPITAL

    return [(frozenset(group.removeprefix(CAPITAL).split()), group.startswith(CAPITAL), joined)
            for group, joined in _split_groups(lemmas)]


def _split_groups(lemmas: str) -> Iterator[tuple[str, bool]]:
    from tui_reader.library.records import BROKEN, JOINED

    joined = False
    for piece in lemmas.split(f" {BROKEN} "):
        for k, group in enumerate(piece.split(f" {JOINED} ")):
            yield group, (joined if k == 0 else True)
        joined = False


def _phrases_hold(lemmas: str, phrases: list[list[tuple[frozenset[str], bool]]]) -> bool:
    """Each phrase's words in a row (any form, capitals where typed, only spacing between)."""
    tokens = _row_tokens(lemmas)
    for phrase in phrases:
        size = len(phrase)
        if not any(all(tokens[t + k][0] & wanted and (tokens[t + k][1] or not capital) and (k == 0 or tokens[t + k][2])
                       for k, (wanted, capital) in enumerate(phrase))
                   for t in range(len(tokens) - size + 1)):
            return False
    return True


def _phrases(query: str) -> list[list[tuple[frozenset[str], bool]]]:
    from tui_reader.morph import query_lemmas

    return [[(query_lemmas(w), w[:1].isupper()) for w in words] for words in parse_terms(query) if len(words) > 1]


_ORDER = "ORDER BY a.date DESC, a.id DESC, s.n"
_names = itertools.count()
_COLUMNS = "s.id, s.article, s.n, s.start, s.end, s.text"


def search_library(conn: sqlite3.Connection, query: str, mode: str = "lemma", *,
                   limit: int | None = None) -> list[SentenceHit]:
    """The sentences matching ``query``, newest article first.  Raises ``SearchError``
    (one line) for an unknown mode or a bad regular expression.  ``conn`` must not be in
    use by another thread meanwhile (a scan registers an SQL function on it)."""
    if mode not in MODES:
        raise SearchError(_("unknown search mode {mode} (use {modes})").format(mode=mode, modes=", ".join(MODES)))
    if not query.strip():
        return []
    if mode == "lemma":
        expression = match_expression(query)
        if expression is None:
            return []
        check = _needs_check(query)
        lemmas = ", f.lemmas" if check else ""
        sql = (f"SELECT {_COLUMNS}{lemmas} FROM sentence_lemmas f JOIN sentences s ON s.id = f.rowid "
               f"JOIN articles a ON a.id = s.article WHERE sentence_lemmas MATCH ? {_ORDER}")
        rows = conn.execute(sql + (f" LIMIT {int(limit)}" if limit and not check else ""), (expression,))
        if not check:
            hits = [SentenceHit(*row) for row in rows]
        elif _needs_morphology(query):
            hits = [SentenceHit(*row[:-1]) for row in rows]
            hits = [h for h in hits if sentence_spans(h.text, query, mode)]
        else:  # phrases: checked on the stored words' lemmas, no morphology per sentence
            phrases = _phrases(query)
            hits = [SentenceHit(*row[:-1]) for row in rows if _phrases_hold(row[-1], phrases)]
        return hits[:limit] if limit else hits
    test = _text_test(query, mode)
    # a name of its own per query: replacing a function while another thread's scan uses it fails
    name = f"library_match_{next(_names)}"
    conn.create_function(name, 1, test, deterministic=True)
    sql = (f"SELECT {_COLUMNS} FROM sentences s JOIN articles a ON a.id = s.article "
           f"WHERE {name}(s.text) {_ORDER}" + (f" LIMIT {int(limit)}" if limit else ""))
    try:
        return [SentenceHit(*row) for row in conn.execute(sql)]
    finally:
        conn.create_function(name, 1, None)  # gone with its query


def _text_test(query: str, mode: str) -> Callable[[str], bool]:
    """A predicate on a sentence's text for exact or regex mode (smart case, ё = е)."""
    if mode == "exact":
        ignore_case = not has_capitals(query)
        needle = yo_as_ye(query.lower() if ignore_case else query)
        if ignore_case:
            return lambda text: needle in yo_as_ye(text.lower())
        return lambda text: needle in yo_as_ye(text)
    literal = re.sub(r"\\.", "", query)
    flags = 0 if has_capitals(literal) else re.IGNORECASE
    try:
        compiled = re.compile(yo_as_ye(query), flags)
    except re.error as e:
        raise SearchError(_("invalid regular expression {pattern}: {reason}").format(pattern=repr(query), reason=e.msg)) \
            from None
    except (OverflowError, RecursionError):
        raise SearchError(_("invalid regular expression {pattern}: too large").format(pattern=repr(query))) from None
    return lambda text: compiled.search(yo_as_ye(text)) is not None


def sentence_spans(text: str, query: str, mode: str = "lemma") -> list[tuple[int, int]]:
    """Where ``query`` matches in one sentence (offsets into ``text``), by the reader's own search."""
    from tui_reader.model import Document, Sentence
    from tui_reader.search.query import search

    doc = Document(text=text, sentences=[Sentence(0, len(text), 0)])
    if mode == "lemma":
        from tui_reader.search.index import build_index

        doc.index = build_index(text)
    return [(h.start, h.end) for h in search(doc, query, mode)]
