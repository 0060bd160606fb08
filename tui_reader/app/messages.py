"""Messages the app's panes send to the reader, so panes stay independent widgets.

A pane never reaches into the article view: it posts one of these and the app
decides what to do (scroll, record the jump for '' in marks) and keeps what they
say in the reader's state (``reading.state``), which every widget then draws.
"""
from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from tui_reader.model import Document


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
    index of the hit the reader is on (or None).  An empty ``spans`` clears the highlights.
    """

    def __init__(self, spans: Sequence[tuple[int, int]], current: int | None = None) -> None:
        super().__init__()
        self.spans = spans
        self.current = current


class OnlyHits(Message):
    """Show only the paragraphs that hold a search hit (``on``), or all of them: the
    search pane's filter chip and ctrl+o ask for it; the reader's state keeps it."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on


class AnalysisProgress(Message):
    """The background analysis reached ``stage``, ``share`` (0..1) of the way (posted
    from its thread: posting a message is safe there, calling into the app is not)."""

    def __init__(self, stage: str, share: float) -> None:
        super().__init__()
        self.stage = stage
        self.share = share


class AnalysisDone(Message):
    """The full model of the text being read."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc


class AnalysisFailed(Message):
    """The background analysis failed; ``error`` says how, in one line."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
