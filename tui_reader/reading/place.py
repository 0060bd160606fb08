"""Keeps the reader's place and marks for a document across runs (``store.state``).

The app restores ``position`` once the article is laid out and calls ``save`` at
the moments that matter (a mark, quitting); a timer calls ``flush`` every few
seconds, which writes only when the place has moved, so a killed process loses at
most that much reading.
"""
from __future__ import annotations

from tui_reader.model import Document
from tui_reader.reading.marks import Marks
from tui_reader.store.state import DocState, StateStore


class ReadingPlace:
    def __init__(self, doc: Document, store: StateStore | None = None) -> None:
        self.store = store or StateStore()
        self.sha = doc.source.sha256
        self.text_length = len(doc.text)
        self.warning: str | None = None
        state = self.store.load(self.sha)
        self.warning = state.warning
        state = state.clamped(self.text_length)
        self.position = state.position
        self.marks = Marks(state.marks)
        self._saved = self.position

    def flush(self, position: int) -> str | None:
        """Save if the place moved since the last save; a warning the first time saving fails."""
        if position == self._saved:
            return None
        return self.save(position)

    def save(self, position: int) -> str | None:
        self.position = self._saved = position
        problem = self.store.save(self.sha, DocState(position, self.marks.as_dict()))
        merged = self.store.merged
        if merged is not None:  # marks another reader of this document set meanwhile
            known = self.marks.as_dict()
            for name, offset in merged.marks.items():
                if name not in known and offset < self.text_length:
                    self.marks.set(name, offset)
        return problem
