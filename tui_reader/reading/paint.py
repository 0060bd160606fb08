"""How one display line of the article is painted: the model's spans as styles.

The article view asks for a style by name (``article--quote`` and friends follow the
theme: ``ArticleView.style_named``); here is which span gets which style, and the
mark in the gutter that says who is speaking.  Rich only, no Textual.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from tui_reader.model import Number, Statement
from tui_reader.reading.highlights import Highlights, TextOrderSpans
from tui_reader.reading.state import ReaderState

SPEAKER_THEME_COLOURS = ("primary", "accent", "success", "error", "secondary", "warning")
SPEAKER_COLOURS = len(SPEAKER_THEME_COLOURS)


def selected_mark(st: Statement, lo: int, hi: int) -> str:
    """The chosen speaker's gutter: ┏ where a statement starts, ┗ where it ends, ┃
    between, so its edges show inside a long paragraph."""
    starts, ends = lo <= st.start < hi, lo < st.end <= hi
    if starts and not ends:
        return "┏ "
    if ends and not starts:
        return "┗ "
    return "┃ "


@dataclass
class LinePaint:
    highlights: Highlights
    search: TextOrderSpans | None
    state: ReaderState
    style: Callable[[str], Style]  # a style by its name ("quote", "speaker-2", …)
    base: Style  # the article's own style, under every span

    def line(self, text: Text, lo: int, hi: int, target: tuple[int, int] | None,
             hover: Number | Statement | None) -> Segment | None:
        """Paint the line showing ``lo:hi`` (``text``); return its gutter mark, if any."""
        hl, style, speaker = self.highlights, self.style, self.state.speaker

        def paint(start: int, end: int, with_style: Style) -> None:
            a, b = max(start, lo) - lo, min(end, hi) - lo
            if b > a:
                text.stylize(with_style, a, b)

        gutter = None
        for start, end, st in hl.statements.overlapping(lo, hi):
            if gutter is None or st.speaker == speaker:
                gutter = self._gutter(st, lo, hi)
            if speaker is not None and st.speaker == speaker:
                paint(start, end, style("statement-selected"))
        for name, spans in (("quote", hl.quotes), ("mention", hl.mentions), ("number", hl.numbers)):
            for start, end, _item in spans.overlapping(lo, hi):
                paint(start, end, style(name))
        if self.search is not None:
            current = self.state.current_hit
            for start, end, i in self.search.overlapping(lo, hi):
                paint(start, end, style("search-current" if i == current else "search"))
        if target is not None:
            paint(*target, style("target"))
        if hover is not None:
            paint(hover.start, hover.end, style("hover"))
        return gutter

    def _gutter(self, st: Statement, lo: int, hi: int) -> Segment:
        colour = self.style(f"speaker-{self.highlights.colour_of.get(st.speaker, 0) % SPEAKER_COLOURS}")
        if st.speaker == self.state.speaker:
            mark = selected_mark(st, lo, hi)
            if st.unsure:  # the chosen speaker's edges stay, dim: the attribution is a guess
                colour = colour + Style(dim=True)
        elif st.unsure:
            # a guessed attribution: a dashed, dim bar ('?' after the name in the details)
            mark, colour = "╎ ", colour + Style(dim=True)
        else:
            mark = "▎ "
        return Segment(mark, self.base + colour)
