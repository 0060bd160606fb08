"""The numbers view: every figure in a sortable table; Enter jumps to it in the text.

    self.push_screen(NumbersView(doc), on_jump)   # on_jump(JumpTo | None)

Columns: figure, kind, value, unit, context (the figure's sentence, cut around it).
Sort by clicking a column header (again: reverse), or with ``s`` (next column) and
``r`` (reverse).  Enter (or clicking the highlighted row) dismisses the view with a
``JumpTo(start, end)`` of the figure; Escape/q dismisses with None.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui_reader.app.messages import JumpTo
from tui_reader.app.screens.view_modal import ViewModal
from tui_reader.app.widgets.vim_keys import list_keys
from tui_reader.i18n import _
from tui_reader.model import NUMBER_KINDS, Document, Number
from tui_reader.model_queries import SentenceFinder, format_value
from tui_reader.reading.sanitize import one_line

OTHER_COLUMNS = 64  # cells the figure/kind/value/unit columns and the frame take, roughly
MIN_CONTEXT = 30    # code points of context shown however narrow the terminal


class VimDataTable(DataTable[Text]):
    BINDINGS = list_keys("scroll_top", "scroll_bottom")


@dataclass(frozen=True)
class NumberColumn:
    key: str
    label: str
    sort_key: Callable[[Number], Any]  # text position breaks ties, so sorting is stable


def _kind_rank(n: Number) -> int:
    return NUMBER_KINDS.index(n.kind) if n.kind in NUMBER_KINDS else len(NUMBER_KINDS)


def _figure_key(text: str) -> Callable[[Number], tuple[str, int]]:
    def key(n: Number) -> tuple[str, int]:
        return (text[n.start:n.end].casefold(), n.start)
    return key


COLUMNS = (
    # the figure as written, alphabetically (its position is the Context column's order)
    NumberColumn("figure", "Figure", lambda n: (n.start,)),
    NumberColumn("kind", "Kind", lambda n: (_kind_rank(n), n.start)),
    # Unknown values and units sort last whichever way: (is-missing, value).
    NumberColumn("value", "Value", lambda n: (n.value is None and not n.date, n.date or "", n.value or 0.0, n.start)),
    NumberColumn("unit", "Unit", lambda n: (n.unit is None, (n.unit or "").casefold(), n.start)),
    NumberColumn("context", "Context", lambda n: (n.start,)),  # text order
)
TEXT_ORDER = len(COLUMNS) - 1  # the Context column: the order the figures come in the text


class NumbersView(ViewModal):
    BINDINGS = [
        Binding("escape,q,й", "close", "Close", id="numbers.close"),
        Binding("s,ы", "next_sort", "Sort by next column", id="numbers.sort"),
        Binding("r,к", "reverse_sort", "Reverse order", id="numbers.reverse"),
    ]

    DEFAULT_CSS = """
    NumbersView > Vertical { width: 95%; }  /* five columns: the context column wants every cell */
    NumbersView DataTable {
        height: 1fr;
    }
    """

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.numbers = list(doc.numbers)
        self.sentence_of = SentenceFinder(doc)
        self.sort_column = TEXT_ORDER  # index into COLUMNS: text order until the reader sorts
        self.reverse = False
        self._filled_room = 0  # the context width the rows were cut for

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Figures: {count}").format(count=len(self.numbers))
            if self.numbers:
                yield VimDataTable(cursor_type="row", zebra_stripes=True, id="numbers")
                hint = _("Enter: go to it in the text · s, r or click a header: sort · Esc: close")
            else:
                pending = self.doc.analysis.level == "structure"
                yield Static(_("Still analysing: the figures appear when the analysis is done.") if pending
                             else _("No figures found in this text."))
                hint = _("Esc: close")
            yield Static(hint, id="hint")

    def on_mount(self) -> None:
        if self.numbers:
            self._fill()

    # --- sorting -----------------------------------------------------------------

    def sort_by(self, column: int, reverse: bool = False) -> None:
        self.sort_column, self.reverse = column, reverse
        self._fill()

    def action_next_sort(self) -> None:
        self.sort_by((self.sort_column + 1) % len(COLUMNS))

    def action_reverse_sort(self) -> None:
        self.sort_by(self.sort_column, not self.reverse)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        index = event.column_index
        self.sort_by(index, not self.reverse if index == self.sort_column else False)

    def ordered(self) -> list[int]:
        """Indices into ``doc.numbers`` in the current display order."""
        key = COLUMNS[self.sort_column].sort_key
        if COLUMNS[self.sort_column].key == "figure":
            key = _figure_key(self.doc.text)
        return sorted(range(len(self.numbers)), key=lambda i: key(self.numbers[i]), reverse=self.reverse)

    def _fill(self) -> None:
        # Rebuilt rather than DataTable.sort: our sort keys are the model's values
        # (a figure's float, the kind's order), not the cells' display text.
        tables = self.query(DataTable)
        if not tables:
            return  # a resize before the table is composed
        table = tables.first()
        keep = self._current_index(table)
        self._filled_room = self._context_room()
        table.clear(columns=True)
        for i, column in enumerate(COLUMNS):
            arrow = (" ▼" if self.reverse else " ▲") if i == self.sort_column else ""
            label = _(column.label) + (" " + _("(text order)") if i == TEXT_ORDER and arrow else "")
            table.add_column(Text(label + arrow), key=column.key)
        order = self.ordered()
        for i in order:
            table.add_row(*self._cells(self.numbers[i]), key=str(i))
        if keep is not None:
            table.move_cursor(row=order.index(keep))

    @staticmethod
    def _current_index(table: DataTable[Text]) -> int | None:
        if table.row_count == 0:
            return None
        row_key, _column = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def _cells(self, n: Number) -> tuple[Text, ...]:
        return (
            Text(one_line(self.doc.text[n.start:n.end]), style="bold"),
            Text(n.kind),
            Text(format_value(n), justify="right"),
            Text(n.unit or ""),
            self._context_cell(n),
        )

    def _context_cell(self, n: Number) -> Text:
        """The figure's sentence, cut to fit the room left by the other columns, with
        the figure in the middle (so the context column rarely needs a scroll)."""
        start, end = self.sentence_of(n.start)
        end = max(end, n.end)
        room = max(self._context_room() - (n.end - n.start) - 2, 10)  # 2: the "…"s
        # Half the room each side; a side the sentence can't fill lends the other its rest.
        left = min(n.start - start, max(room // 2, room - (end - n.end)))
        left_from, right_to = n.start - left, min(end, n.end + room - left)
        left_from, right_to = self._word_edges(left_from, right_to, start, end)
        # Whitespace runs become one space but are kept at the edges, so "(52 млрд)"
        # reads as written and a figure mid-word stays mid-word.
        text = Text("…" if left_from > start else "")
        text.append(one_line(self.doc.text[left_from:n.start], keep_edges=True).lstrip())
        text.append(one_line(self.doc.text[n.start:n.end]), style="reverse")
        text.append(one_line(self.doc.text[n.end:right_to], keep_edges=True).rstrip())
        if right_to < end:
            text.append("…")
        return text

    def _word_edges(self, left: int, right: int, start: int, end: int) -> tuple[int, int]:
        """Move cut points inward to whole words (by at most a few letters)."""
        text = self.doc.text
        if left > start and not text[left - 1].isspace():
            space = text.find(" ", left, left + 12)
            left = space + 1 if space >= 0 else left
        if right < end and not text[right].isspace():
            space = text.rfind(" ", right - 12, right)
            right = space if space > left else right
        return left, right

    def _context_room(self) -> int:
        # The other four columns take about OTHER_COLUMNS cells; the rest is context.
        return max(self.app.size.width - OTHER_COLUMNS, MIN_CONTEXT)

    def on_resize(self) -> None:
        if self.numbers and self._context_room() != self._filled_room:
            self._fill()

    # --- jumping -------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        n = self.numbers[int(event.row_key.value or 0)]  # the rows' keys are their indexes
        self.dismiss(JumpTo(n.start, n.end))
