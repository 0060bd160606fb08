"""Messages the app's panes send to the reader, so panes stay independent widgets.

A pane never reaches into the article view: it posts one of these and the app
decides what to do (scroll, highlight, record the jump for '' in marks).
"""
from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message


class JumpTo(Message):
    """Scroll the article so that ``offset`` (a code point in ``Document.text``) is in view.

    ``end`` (optional) lets the article select/flash the span ``offset:end``.
    ``record`` says whether this jump goes into the jump history ('' returns from it).
    """

    def __init__(self, offset: int, end: int | None = None, *, record: bool = True) -> None:
        super().__init__()
        self.offset = offset
        self.end = end
        self.record = record


class SearchHighlights(Message):
    """The current search's hits, to be highlighted in the article.

    ``spans`` are (start, end) code-point ranges in text order (a list, or a lazy
    view: the article reads only the ones it draws); ``current`` is the
    index of the hit the reader is on (or None); ``only_matching`` asks the article
    to show only the paragraphs that hold a hit (the filter toggle).
    An empty ``spans`` clears the highlights.
    """

    def __init__(self, spans: Sequence[tuple[int, int]], current: int | None = None,
                 only_matching: bool = False) -> None:
        super().__init__()
        self.spans = spans
        self.current = current
        self.only_matching = only_matching
