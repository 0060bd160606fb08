"""Quoted stretches of a paragraph, for attributing direct speech.

This is the speaker analysis's own, lenient view of quotation marks: it only
needs to know which sentences one quotation covers, so that a quote spanning
several sentences gets the speaker named after (or before) it.  The exported
``doc.quotes`` come from ``quotes.py``.
"""
from __future__ import annotations

import re

# Opening mark → closing marks.  „…“ and “…” share a closing mark, as do « and ».
PAIRS = {"«": "»", "„": "“”", "“": "”"}
STRAIGHT = '"'


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost quotations in ``text[start:end]`` as (start, end), marks included.

    Guillemets nest; straight quotes pair up in order.  An unclosed quotation
    runs to the end of the paragraph (a quote continued in the next paragraph
    usually opens again there).
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    open_at = -1
    closers = ""
    i = start
    while i < end:
        ch = text[i]
        if depth == 0:
            if ch in PAIRS or (ch == STRAIGHT and opens_straight(text, i, start)):
                depth, open_at = 1, i
                closers = PAIRS.get(ch, STRAIGHT)
        elif ch in closers and not (ch == STRAIGHT and not closes_straight(text, i, end)):
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1))
        elif ch == text[open_at] and ch in PAIRS:
            depth += 1
        i += 1
    if depth and end - open_at > 2:
        spans.append((open_at, end))
    return spans


def opens_straight(text: str, i: int, start: int) -> bool:
    """A straight quote opens when it is not glued to the end of a word."""
    return i == start or not text[i - 1].isalnum() or text[i - 1] in "(["


def closes_straight(text: str, i: int, end: int) -> bool:
    """A straight quote closes when the next character is not a letter or digit."""
    return i + 1 >= end or not text[i + 1].isalnum()


# Where the speaker's words of a dialogue line stop and the author's begin: '…, — сказал он'.
AUTHOR_BREAK = re.compile(r"[,.!?…]\s+[—–-]\s")


def dash_speech(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first turn of a dialogue line ('— Мы готовы, — сказал он.' → '— Мы готовы,').

    Only a fallback for when the quote finder found nothing: it knows the later turns.
    """
    stripped = text[start:end].lstrip()
    if not (stripped[:1] in "—–-" and len(stripped) > 2 and stripped[1] == " " and not stripped[2:3].islower()):
        return None
    begin = end - len(stripped)
    stop = AUTHOR_BREAK.search(text, begin + 2, end)
    return (begin, stop.start() + 1 if stop else end)
