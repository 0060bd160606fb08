"""Search hits as the reader shows them: a lazy view of their spans, and the stretch
of text shown around one in the list of hits."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Protocol, overload

from tui_reader.model import Document

# How much of the sentence to show either side of a hit in the list.
CONTEXT_BEFORE = 40
CONTEXT_AFTER = 60


class HitLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence(self) -> int | None: ...


class HitSpans(Sequence[tuple[int, int]]):
    """The hits as (start, end) spans, read on demand: the engine builds a hit only
    when it is read, and the article reads only the hits on the lines it draws."""

    def __init__(self, hits: Sequence[HitLike]) -> None:
        self._hits = hits

    def __len__(self) -> int:
        return len(self._hits)

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[int, int]]: ...

    def __getitem__(self, i: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(i, slice):
            return [(h.start, h.end) for h in self._hits[i]]
        hit = self._hits[i]
        return hit.start, hit.end

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return ((hit.start, hit.end) for hit in self._hits)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same spans (a list in a test, say)."""
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(other) == len(self) and all(tuple(a) == tuple(b) for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


def section_title(doc: Document, section_starts: Sequence[int], offset: int) -> str:
    """The title of the section holding ``offset`` (the document's title for the lead)."""
    if not doc.sections:
        return ""
    i = bisect_right(section_starts, offset) - 1
    title = doc.sections[i].title if i >= 0 else None
    return title or doc.title or ""


def context_bounds(doc: Document, hit: HitLike) -> tuple[int, int, bool, bool]:
    """The stretch of text shown around a hit: its sentence, cut to a window at
    word boundaries, never across a line break; and whether either side was cut."""
    text = doc.text
    lo, hi = 0, len(text)
    sentence = getattr(hit, "sentence", None)
    if isinstance(sentence, int) and 0 <= sentence < len(doc.sentences):
        s = doc.sentences[sentence]
        if s.start <= hit.start and hit.end <= s.end:
            lo, hi = s.start, s.end
    nl = text.rfind("\n", lo, hit.start)
    if nl != -1:
        lo = nl + 1
    nl = text.find("\n", hit.end, hi)
    if nl != -1:
        hi = nl
    cut_left = hit.start - lo > CONTEXT_BEFORE
    if cut_left:
        lo = hit.start - CONTEXT_BEFORE
        space = text.find(" ", lo, hit.start)
        lo = space + 1 if space != -1 else lo
    cut_right = hi - hit.end > CONTEXT_AFTER
    if cut_right:
        hi = hit.end + CONTEXT_AFTER
        space = text.rfind(" ", hit.end, hi)
        hi = space if space != -1 else hi
    return lo, hi, cut_left, cut_right
