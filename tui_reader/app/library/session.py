"""What the library keeps while an article is open in the reader: the screens that
were open and where each was (cursor, filter, sort), so coming back restores them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class OpenRequest:
    """Open an article in the reader, at ``offset`` (and, optionally, a speaker's statements
    marked, or a search's hits lit)."""

    article: int
    offset: int | None = None
    end: int | None = None
    speaker_id: str | None = None
    query: str | None = None
    mode: str = "lemma"


@dataclass
class Session:
    # (screen kind, its state) from the bottom of the stack up
    stack: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    notice: str | None = None  # to show once the library is back (e.g. "file gone")
