"""A virtual table: thousands of rows, only the visible ones drawn (Textual's Line API).

Rows are any objects; ``cells(row)`` turns one into the texts of its columns when it
is drawn, so 10,000 articles cost a list, not 10,000 widgets or 60,000 measured
cells.  Every string is made inert (``sanitize.one_line``) before it is drawn.  The
header stays on the first line; clicking it, or ``s``/``r``, asks the screen to sort.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui_reader.reading.sanitize import inert, one_line


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int = 0  # 0: shares the room left by the fixed columns
    right: bool = False  # numbers line up on the right


Cell = "str | Text | int | float | None"


class VirtualTable(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    VirtualTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("down,j,о", "move(1)", "Down", show=False),
        Binding("up,k,л", "move(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b,и", "page(-1)", "Page up", show=False),
        Binding("home,g,п", "edge(0)", "First", show=False),
        Binding("end,G,П", "edge(1)", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Chosen(Message):
        def __init__(self, table: VirtualTable, row: Any) -> None:
            super().__init__()
            self.table = table
            self.row = row

    class CursorMoved(Message):
        def __init__(self, table: VirtualTable) -> None:
            super().__init__()
            self.table = table

    class HeaderClicked(Message):
        def __init__(self, table: VirtualTable, column: int) -> None:
            super().__init__()
            self.table = table
            self.column = column

    def __init__(self, columns: Sequence[Column], cells: Callable[[Any], Sequence[Any]], *,
                 row_style: Callable[[Any], str | None] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self.cells = cells
        self.row_style = row_style
        self.rows: list[Any] = []
        self.sort_column: int | None = None
        self.sort_reverse = False

    # --- content ------------------------------------------------------------------

    def set_rows(self, rows: list[Any], *, keep: Any = None) -> None:
        """Show ``rows``; the cursor stays on ``keep`` (a row) if it is among them."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        at = 0
        if keep is not None:
            try:
                at = rows.index(keep)
            except ValueError:
                at = 0
        self.cursor = min(at, max(len(rows) - 1, 0))
        self.refresh()

    @property
    def current(self) -> Any:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def sort_mark(self, column: int | None, reverse: bool) -> None:
        self.sort_column, self.sort_reverse = column, reverse
        self.refresh()

    # --- drawing ------------------------------------------------------------------

    def _widths(self, total: int) -> list[int]:
        gaps = len(self.columns) - 1
        fixed = sum(c.width for c in self.columns)
        flexible = [c for c in self.columns if not c.width]
        room = max(total - fixed - gaps, len(flexible) * 8)
        share = room // max(len(flexible), 1)
        return [c.width or share for c in self.columns]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        widths = self._widths(width)
        if y == 0:
            labels = []
            for i, c in enumerate(self.columns):
                mark = (" ▼" if self.sort_reverse else " ▲") if i == self.sort_column else ""
                labels.append(c.label + mark)
            return self._strip(labels, widths, Style(bold=True, underline=True), width)
        index = int(self.scroll_offset.y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width)
        row = self.rows[index]
        style = Style.parse(self.row_style(row) or "") if self.row_style else Style()
        if index == self.cursor:
            style = style + self._cursor_style()
        return self._strip(self.cells(row), widths, style, width)

    def _cursor_style(self) -> Style:
        theme = self.app.current_theme
        colour = (theme.primary if self.has_focus else theme.panel) or "blue"
        return Style(bgcolor=colour, color=theme.foreground if not self.has_focus else "#ffffff")

    def _strip(self, cells: Sequence[Any], widths: list[int], style: Style, width: int) -> Strip:
        line = Text(no_wrap=True, end="")
        for i, (cell, w, column) in enumerate(zip(cells, widths, self.columns, strict=True)):
            text = _as_text(cell)
            text.truncate(w, overflow="ellipsis", pad=False)
            pad = w - text.cell_len
            if column.right:
                line.append(" " * pad)
                line.append_text(text)
            else:
                line.append_text(text)
                line.append(" " * pad)
            if i < len(widths) - 1:
                line.append(" ")
        line.truncate(width, pad=True)
        segments = [Segment(s.text, style + s.style if s.style else style) for s in line.render(self.app.console)]
        return Strip(segments, width).crop(0, width)

    # --- moving ---------------------------------------------------------------------

    def watch_cursor(self, cursor: int) -> None:
        self._show_cursor()
        self.refresh()
        self.post_message(self.CursorMoved(self))

    def _show_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self._show_cursor()

    def action_move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(self.scrollable_content_region.height - 2, 1))

    def action_edge(self, end: int) -> None:
        if self.rows:
            self.cursor = len(self.rows) - 1 if end else 0

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self, self.current))

    def on_click(self, event: Click) -> None:
        y = event.y
        if y == 0:
            x, widths = event.x, self._widths(self.scrollable_content_region.width)
            for i, w in enumerate(widths):
                if x < w + 1:
                    self.post_message(self.HeaderClicked(self, i))
                    return
                x -= w + 1
            return
        index = int(self.scroll_offset.y) + y - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_choose()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _as_text(cell: Any) -> Text:
    if isinstance(cell, Text):
        copy = cell.copy()
        copy.plain = inert(copy.plain.replace("\n", " "))  # same length: the spans still fit
        return copy
    if cell is None:
        return Text("—", style="dim")
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 1e18:
            return Text(f"{int(cell):,}".replace(",", "\u2009"))  # 52 000 000 000, thin spaces
        return Text(f"{cell:,.6g}".replace(",", "\u2009"))
    if isinstance(cell, int):
        return Text(str(cell))
    return Text(one_line(str(cell)))
