"""Topics for the jump-to-topic pane.  (Stub.)"""
from __future__ import annotations

from tui_reader.model import Document, Topic


def build_topics(doc: Document) -> list[Topic]:
    return []
