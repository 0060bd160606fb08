"""Numbers written with digits.  (Stub.)"""
from __future__ import annotations

from tui_reader.model import Number


def find_numbers(text: str) -> list[Number]:
    return []
