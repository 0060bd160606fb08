"""The article as display lines: blocks (headline, headings, paragraphs) wrapped to a measure.

Pure Python (no Textual) so it can be tested alone and stays cheap: the 3 MB novel
is wrapped with one compiled regular expression per width, which runs in C.
Every display line keeps the code-point range of ``Document.text`` it shows, so
offsets (jumps, highlights, the current section) map to lines by bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from tui_reader.i18n import _
from tui_reader.model import Document

# Line kinds.
HEADLINE, HEADING, PARA, BLANK, RULE, NOTICE = range(6)


@dataclass(slots=True)
class Block:
    kind: int
    start: int  # offsets into Document.text (for a synthetic block: where it stands)
    end: int
    section: int
    text: str | None = None  # set when the block's text is not in Document.text (a title only in metadata)


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def build_blocks(doc: Document) -> list[Block]:
    """Headline, headings and paragraphs in reading order."""
    text = doc.text
    paragraphs = list(doc.paragraphs)
    if not paragraphs and text.strip():
        # No structure pass (or an empty one): still show the text.
        from tui_reader.model import Paragraph

        paragraphs = [Paragraph(0, len(text), 0)]
    if not text.strip():
        return [Block(NOTICE, 0, 0, 0, text=_("(This document is empty: there is no text to show.)"))]

    blocks: list[Block] = []
    first = 0
    if doc.title:
        head = paragraphs[0]
        if _norm(text[head.start:head.end]) == _norm(doc.title):
            blocks.append(Block(HEADLINE, head.start, head.end, head.section))
            first = 1
        else:
            blocks.append(Block(HEADLINE, 0, 0, 0, text=doc.title))
    headline_norm = _norm(doc.title) if doc.title else None

    sections = doc.sections
    next_section = 0  # the next section whose heading has not been placed yet

    def place_headings_up_to(offset: int, para_text: str | None) -> bool:
        """Emit headings of sections starting at or before ``offset``; True if the
        paragraph itself is the last one's heading."""
        nonlocal next_section
        is_heading = False
        while next_section < len(sections) and sections[next_section].start <= offset:
            sec = sections[next_section]
            idx = next_section
            next_section += 1
            if not sec.title:
                continue
            title_norm = _norm(sec.title)
            if para_text is not None and title_norm == _norm(para_text) and not _is_last_section_before(idx, offset):
                is_heading = True
            elif blocks and blocks[-1].kind == HEADLINE and title_norm == headline_norm and idx == 0:
                continue  # the first section's title is the headline: don't repeat it
            else:
                blocks.append(Block(HEADING, sec.start, sec.start, idx, text=sec.title))
        return is_heading

    def _is_last_section_before(idx: int, offset: int) -> bool:
        # the paragraph is this section's heading only if no later section also starts before it
        return next_section < len(sections) and sections[next_section].start <= offset

    for p in paragraphs[first:]:
        para_text = text[p.start:p.end]
        if place_headings_up_to(p.start, para_text):
            blocks.append(Block(HEADING, p.start, p.end, p.section))
        else:
            blocks.append(Block(PARA, p.start, p.end, p.section))
    place_headings_up_to(len(text), None)
    return blocks


@lru_cache(maxsize=16)
def _wrapper(width: int, reflow: bool = False) -> re.Pattern[str]:
    # A line: the longest run of at most ``width`` characters that ends before a
    # space/tab or the end; failing that (a longer word), exactly ``width`` characters.
    # No-break spaces are not break points ("3 млрд" stays together).  With ``reflow``
    # a newline is one more space to break at, not a forced break.
    w = max(1, width)
    if reflow:
        return re.compile(rf"([^ \t\n][\s\S]{{0,{w - 1}}}(?=[ \t\n]|$)|[\s\S]{{1,{w}}})[ \t\n]*")
    return re.compile(rf"([^ \t][^\n]{{0,{w - 1}}}(?=[ \t]|$)|[^\n]{{1,{w}}})[ \t]*")


def reflow_span(source: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Like ``wrap``, but the newlines inside the range are spaces: a paragraph that the
    file hard-wrapped at its own width (the novel's 78 columns) reads as one paragraph
    at the reader's measure instead of ragged lines.  The structure pass has already
    made every line that stands alone (a heading, a list item, a verse) a paragraph."""
    p = start
    while p < end and source[p] in " \t\n":
        p += 1
    if p >= end:
        return [(p, p)]
    return [m.span(1) for m in _wrapper(width, True).finditer(source, p, end)]


def wrap(source: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """(start, end) ranges of ``source[start:end]`` wrapped to ``width`` cells.

    Explicit newlines inside the range break lines; an empty piece gives an empty line.
    Characters are counted as one cell each (Russian text); wider ones are cropped on screen.
    """
    pattern = _wrapper(width)
    out: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = source.find("\n", pos, end)
        piece_end = end if nl < 0 else nl
        # skip indentation: a wrapped line starting with spaces looks like a mistake
        p = pos
        while p < piece_end and source[p] in " \t":
            p += 1
        if p >= piece_end:
            out.append((p, p))
        else:
            for m in pattern.finditer(source, p, piece_end):
                out.append(m.span(1))
        if nl < 0:
            break
        pos = nl + 1
    return out


class Layout:
    """The display lines of ``blocks`` at a given measure (text width in cells)."""

    def __init__(self, doc: Document, blocks: list[Block], measure: int) -> None:
        self.doc = doc
        self.blocks = blocks
        self.measure = max(10, measure)
        self.kinds: list[int] = []
        self.block_of: list[int] = []
        self.los: list[int] = []  # start of the line's text in its block's source
        self.his: list[int] = []
        self.anchors: list[int] = []  # the Document.text offset the line stands at (non-decreasing)
        self.section_line: dict[int, int] = {}  # section index → its first line (heading or first text)
        self._section_starts = [s.start for s in doc.sections]
        self._build()

    def _add(self, kind: int, block: int, lo: int, hi: int, anchor: int) -> None:
        self.kinds.append(kind)
        self.block_of.append(block)
        self.los.append(lo)
        self.his.append(hi)
        self.anchors.append(anchor)

    def _build(self) -> None:
        text = self.doc.text
        last_end = 0
        for b_index, block in enumerate(self.blocks):
            if b_index:
                self._add(BLANK, b_index, 0, 0, last_end)
            anchor = block.start
            if block.kind == HEADING:
                self.section_line.setdefault(block.section, len(self.kinds))
            if block.text is not None:
                for lo, hi in wrap(block.text, 0, len(block.text), self.measure):
                    self._add(block.kind, b_index, lo, hi, anchor)
            else:
                first_line = len(self.kinds)
                for lo, hi in reflow_span(text, block.start, block.end, self.measure):
                    self._add(block.kind, b_index, lo, hi, lo)
                if len(self.kinds) == first_line:
                    self._add(block.kind, b_index, block.start, block.start, block.start)
            if block.kind == HEADLINE:
                self._add(RULE, b_index, 0, 0, block.end)
            last_end = max(last_end, block.end)
        for index in range(len(self._section_starts)):
            if index not in self.section_line:
                self.section_line[index] = self.line_for_offset(self._section_starts[index])

    def __len__(self) -> int:
        return len(self.kinds)

    def source_of(self, line: int) -> str:
        block = self.blocks[self.block_of[line]]
        return block.text if block.text is not None else self.doc.text

    def line_text(self, line: int) -> str:
        # a reflowed line may hold the file's own line break: show it as the space it
        # stands for (one character for one, so offsets still line up)
        return self.source_of(line)[self.los[line]:self.his[line]].replace("\n", " ")

    def in_document(self, line: int) -> bool:
        """True when the line's text is a slice of Document.text (highlights apply)."""
        kind = self.kinds[line]
        return kind not in (BLANK, RULE) and self.blocks[self.block_of[line]].text is None

    def line_for_offset(self, offset: int) -> int:
        """The display line that shows ``offset`` (or the nearest one before it)."""
        if not self.anchors:
            return 0
        i = bisect_right(self.anchors, offset) - 1
        i = max(0, i)
        # several lines can share an anchor (a blank before a block): prefer a text line
        while i > 0 and self.kinds[i] == BLANK and self.anchors[i - 1] == self.anchors[i]:
            i -= 1
        return i

    def section_at_line(self, line: int) -> int:
        if not self._section_starts or not self.anchors:
            return 0
        line = min(max(0, line), len(self.anchors) - 1)
        if self.kinds[line] == BLANK and line + 1 < len(self.kinds):
            line += 1  # a blank line belongs to what follows it (the gap above a heading)
        block = self.blocks[self.block_of[line]]
        if block.kind == HEADING and block.text is not None:
            return block.section
        return max(0, bisect_right(self._section_starts, self.anchors[line]) - 1)
