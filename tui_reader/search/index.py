"""The word index.  (Stub.)"""
from __future__ import annotations

from tui_reader.model import WordIndex


def build_index(text: str) -> WordIndex:
    return WordIndex()
