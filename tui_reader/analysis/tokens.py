"""razdel's tokens, found faster: the same tokens, computed once per piece of text.

razdel (``razdel.tokenize``) cuts a text into atoms — runs of letters, of digits, single
other characters — and joins neighbouring atoms into one token only when nothing
separates them: an atom after whitespace always starts a token.  So a text's tokens are
those of its whitespace-separated pieces, and pieces repeat (the same words with the same
punctuation), so each piece is tokenised by razdel once and remembered.

One thing reaches across the whitespace: the rules for a dash, an underscore, a decimal
point or a comma, a fraction bar between two atoms ('кто-то', '2,5', '1/2') look at the
atom beyond that character, which for a piece that begins or ends with one of them lies
in the neighbouring piece.  Such a piece is remembered together with the kind of that
neighbouring atom (letters, digits, punctuation…), which is all those rules read.
"""
from __future__ import annotations

import re

from razdel import tokenize
from razdel.segmenters.punct import DASHES
from razdel.segmenters.tokenize import ATOM

Token = tuple[int, int, str]  # start, stop, text

_PIECE = re.compile(r"\S+")
# What razdel's two-sided rules (``Rule2112``: dash, underscore, float, fraction) sit between.
_REACHING = frozenset(DASHES + "_.,/\\")
# razdel's atom kinds, each by a character of that kind: all those rules read of a neighbour.
_STANDS_FOR = {"RU": "я", "LAT": "z", "INT": "7", "PUNCT": ",", "OTHER": "§"}


# A piece that is one atom (letters of one alphabet, or digits) is one token: most are.
_ONE_ATOM = re.compile(r"[а-яё]+|[a-z]+|\d+", re.I)
_NEXT = re.compile(r"\S")
# Pieces seen, with their tokens (cleared when full: a few MB at most).
_seen: dict[tuple[str, str, str], tuple[Token, ...]] = {}
_SEEN_MAX = 100_000


# Sentences seen, with their tokens: the NER tagger and the speaker rules tokenise the same
# sentences one after the other.  Bounded by characters (~2,000 news sentences, a few MB),
# cleared when full and when an analysis ends (``forget_texts``); a text longer than a
# sentence is not kept (markup, a text without full stops: tokenised once anyway).
_texts: dict[str, list[Token]] = {}
_texts_size = 0
_TEXTS_CHARS = 300_000
_TEXT_KEPT_UP_TO = 2_000


def tokens(text: str) -> list[Token]:
    """``razdel.tokenize(text)`` as (start, stop, text) triples (a list to read, not to change:
    the same one is given again for the same sentence)."""
    global _texts_size
    found = _texts.get(text)
    if found is None:
        found = _tokens(text)
        if len(text) <= _TEXT_KEPT_UP_TO:
            if _texts_size + len(text) > _TEXTS_CHARS:
                forget_texts()
            _texts[text] = found
            _texts_size += len(text)
    return found


def forget_texts() -> None:
    """Let the remembered sentences go (an analysis has ended: the next text's differ)."""
    global _texts_size
    _texts.clear()
    _texts_size = 0


def _tokens(text: str) -> list[Token]:
    out: list[Token] = []
    before = ""  # the last character of the piece before
    for m in _PIECE.finditer(text):
        piece = m.group()
        base = m.start()
        if len(piece) == 1 or _ONE_ATOM.fullmatch(piece):
            out.append((base, m.end(), piece))
            before = piece[-1]
            continue
        left = _kind(before) if before and piece[0] in _REACHING else ""
        right = ""
        if piece[-1] in _REACHING:
            after = _NEXT.search(text, m.end())
            right = _kind(after.group()) if after else ""
        key = (piece, left, right)
        found = _seen.get(key)
        if found is None:
            if len(_seen) >= _SEEN_MAX:
                _seen.clear()
            found = _seen[key] = _piece_tokens(piece, left, right)
        out.extend([(base + a, base + b, t) for a, b, t in found])
        before = piece[-1]
    return out


def _kind(char: str) -> str:
    """A character of the same kind of atom as ``char`` (for razdel)."""
    m = ATOM.match(char)
    return _STANDS_FOR.get(m.lastgroup or "", "§") if m else "§"


def _piece_tokens(piece: str, left: str, right: str) -> tuple[Token, ...]:
    """razdel's tokens of ``piece`` with an atom of kind ``left`` / ``right`` beside it (or none)."""
    shift = len(left) + 1 if left else 0
    probe = (left + " " if left else "") + piece + (" " + right if right else "")
    found = [(t.start - shift, t.stop - shift, t.text) for t in tokenize(probe)]
    return tuple(t for t in found if t[0] >= 0 and t[1] <= len(piece))


def forget() -> None:
    """Let the remembered pieces and texts go (a process analysing a big text in chunks does
    after each)."""
    _seen.clear()
    forget_texts()
