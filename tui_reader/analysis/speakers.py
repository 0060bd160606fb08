"""Speakers and statements.  (Stub.)"""
from __future__ import annotations

from tui_reader.model import Document


def find_speakers(doc: Document, limit: int | None = None) -> None:
    """Fill doc.entities, doc.speakers, doc.statements and the quotes' speakers."""
