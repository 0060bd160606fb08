"""Which model spans touch a line: quotes, numbers, speaker mentions, statements, search hits.

Spans are sorted by start and found by bisection.  The few very long spans (a
quote running over paragraphs) are kept apart and always checked, so one long
span does not make every lookup scan backwards through thousands of short ones.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, TypeVar

from tui_reader.model import Document, Number, Quote, Statement

T = TypeVar("T")

_LONG = 2_000  # spans longer than this go to the always-checked list


class SpanIndex(Generic[T]):
    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        short: list[tuple[int, int, T]] = []
        self.long: list[tuple[int, int, T]] = []
        for start, end, item in items:
            (self.long if end - start > _LONG else short).append((start, end, item))
        short.sort(key=lambda t: (t[0], t[1]))
        self.items = short
        self.starts = [s for s, _, _ in short]
        self.max_len = max((e - s for s, e, _ in short), default=0)

    def __len__(self) -> int:
        return len(self.items) + len(self.long)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, T]]:
        """Spans with ``s < end`` and ``e > start`` (an empty range still finds spans around it)."""
        end = max(end, start + 1)
        hi = bisect_left(self.starts, end)
        lo = bisect_left(self.starts, start - self.max_len)
        found = [t for t in self.items[lo:hi] if t[1] > start]
        found.extend(t for t in self.long if t[0] < end and t[1] > start)
        return found

    def at(self, offset: int) -> list[T]:
        return [item for _, _, item in self.overlapping(offset, offset + 1)]


class Highlights:
    """The model's spans, indexed for rendering; rebuilt when the model is swapped."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.speaker_ids = [sp.id for sp in doc.speakers]
        self.colour_of = {sp_id: i for i, sp_id in enumerate(self.speaker_ids)}
        self.mentions: SpanIndex[str] = SpanIndex(
            (m.start, m.end, sp.id) for sp in doc.speakers for m in sp.mentions
        )
        self.numbers: SpanIndex[Number] = SpanIndex((n.start, n.end, n) for n in doc.numbers)
        self.quotes: SpanIndex[Quote] = SpanIndex((q.start, q.end, q) for q in doc.quotes)
        self.statements: SpanIndex[Statement] = SpanIndex((s.start, s.end, s) for s in doc.statements)
        self.statement_count: dict[str, int] = {}
        for st in doc.statements:
            self.statement_count[st.speaker] = self.statement_count.get(st.speaker, 0) + 1

    def statements_of(self, speaker_id: str | None) -> list[Statement]:
        chosen = [s for s in self.doc.statements if speaker_id is None or s.speaker == speaker_id]
        return sorted(chosen, key=lambda s: (s.start, s.end))
