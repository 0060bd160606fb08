"""Quoted spans.  (Stub.)"""
from __future__ import annotations

from tui_reader.model import Document, Quote


def find_quotes(doc: Document) -> list[Quote]:
    return []
