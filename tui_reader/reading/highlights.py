"""Which model spans touch a line: quotes, numbers, speaker mentions, statements, search hits.

Spans are sorted by start and found by bisection.  The few very long spans (a
quote running over paragraphs) are kept apart and always checked, so one long
span does not make every lookup scan backwards through thousands of short ones.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
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
        self._statements_of: dict[str | None, list[Statement]] = {}
        for st in doc.statements:
            self.statement_count[st.speaker] = self.statement_count.get(st.speaker, 0) + 1

    def statements_of(self, speaker_id: str | None) -> list[Statement]:
        """The speaker's statements (everyone's for None) in text order; kept, as n / N ask on every press."""
        chosen = self._statements_of.get(speaker_id)
        if chosen is None:
            chosen = sorted((s for s in self.doc.statements if speaker_id is None or s.speaker == speaker_id),
                            key=lambda s: (s.start, s.end))
            self._statements_of[speaker_id] = chosen
        return chosen


class TextOrderSpans:
    """Search hits: (start, end) spans in text order, looked up where they lie.

    Built on every keystroke, so unlike ``SpanIndex`` it neither copies nor sorts
    nor reads every span: ``spans`` may be a lazy view over thousands of hits and
    a lookup reads O(log n) of them.  It relies on what a search gives: spans sorted
    by start that do not nest, so their ends are in order too.
    """

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = spans

    def __len__(self) -> int:
        return len(self.spans)

    def read_all(self) -> None:
        """Read every span once into a list: worth it before many lookups (the "only
        hits" filter asks about every paragraph), not for the few lines a frame draws."""
        if not isinstance(self.spans, list):
            self.spans = list(self.spans)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, index) of the spans with ``s < end`` and ``e > start``."""
        spans = self.spans
        end = max(end, start + 1)
        i = bisect_left(spans, (end,)) - 1  # the last span starting before ``end``
        found: list[tuple[int, int, int]] = []
        while i >= 0:
            s, e = spans[i]
            if e <= start:
                break  # ends are in order: every earlier span ends before this line too
            found.append((s, e, i))
            i -= 1
        found.reverse()
        return found

    def touches(self, offset: int) -> bool:
        return bool(self.overlapping(offset, offset + 1))
