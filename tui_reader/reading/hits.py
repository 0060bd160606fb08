"""Search hits as the reader shows them: a lazy view of their spans, and the stretch
of text shown around one in the list of hits."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import pairwise
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


Piece = tuple[str, bool]  # a run of text and whether it is the hit


def context_rows(left: str, hit: str, right: str, width: int, rows: int = 2) -> list[list[Piece]]:
    """``left`` + ``hit`` + ``right`` in ``rows`` rows of ``width`` characters, the hit
    always in view: the left side keeps at most a third of the room when the whole does
    not fit, the right side what is left; a cut side shows "…".  Rows break after a
    space when one is near the row's end.  Each row is its runs of (text, is the hit)."""
    width = max(1, width)
    room = width * rows
    if len(hit) > room:
        hit, left, right = hit[: room - 1] + "…", "", ""
    if len(left) + len(hit) + len(right) > room:
        keep = max(room // 3, room - len(hit) - len(right))
        if len(left) > keep:
            left = "…" + left[len(left) - keep + 1:] if keep > 1 else ""
        keep = room - len(left) - len(hit)
        if len(right) > keep:
            right = right[: keep - 1] + "…" if keep > 1 else ""
    line = left + hit + right
    hit_from, hit_to = len(left), len(left) + len(hit)
    out: list[list[Piece]] = []
    at = 0
    for row in range(rows):
        end = min(len(line), at + width)
        if row < rows - 1 and end < len(line) and line[end] != " ":
            space = line.rfind(" ", max(at, end - width // 2), end)
            if space >= 0:
                end = space + 1
        text = line[at:end]
        if row == rows - 1 and end < len(line) and text:  # an early break pushed the tail out: say so
            text = text[:-1] + "…"
        out.append(_runs(text, at, hit_from, hit_to))
        at = end
    return out


def _runs(text: str, at: int, hit_from: int, hit_to: int) -> list[Piece]:
    """``text`` (which starts at ``at`` of the whole line) cut where the hit starts and ends."""
    cuts = sorted({0, len(text), *(c - at for c in (hit_from, hit_to) if 0 < c - at < len(text))})
    return [(text[a:b], hit_from <= at + a < hit_to) for a, b in pairwise(cuts) if b > a]
