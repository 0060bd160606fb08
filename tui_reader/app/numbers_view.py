"""The numbers view: every figure in a sortable table; Enter jumps to it in the text.

    self.push_screen(NumbersView(doc), on_jump)   # on_jump(JumpTo | None)

Columns: figure, kind, value, unit, context (the figure's sentence, cut around it).
Sort by clicking a column header (again: reverse), or with ``s`` (next column) and
``r`` (reverse).  Enter (or clicking the highlighted row) dismisses the view with a
``JumpTo(start, end)`` of the figure; Escape/q dismisses with None.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui_reader.app.messages import JumpTo
from tui_reader.digest import KIND_LABELS, format_value, one_line, sentence_of
from tui_reader.model import NUMBER_KINDS, Document, Number

CONTEXT_CHARS = 40  # of the sentence on each side of the figure
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class NumberColumn:
    key: str
    label: str
    sort_key: Callable[[Number], Any]  # text position breaks ties, so sorting is stable


def _kind_rank(n: Number) -> int:
    return NUMBER_KINDS.index(n.kind) if n.kind in NUMBER_KINDS else len(NUMBER_KINDS)


COLUMNS = (
    NumberColumn("figure", "Число", lambda n: (n.start,)),
    NumberColumn("kind", "Вид", lambda n: (_kind_rank(n), n.start)),
    # Unknown values and units sort last whichever way: (is-missing, value).
    NumberColumn("value", "Значение", lambda n: (n.value is None, n.value or 0.0, n.start)),
    NumberColumn("unit", "Единица", lambda n: (n.unit is None, (n.unit or "").casefold(), n.start)),
    NumberColumn("context", "Контекст", lambda n: (n.start,)),
)


class NumbersView(ModalScreen[JumpTo | None]):
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="numbers.close"),
        Binding("s", "next_sort", "Sort by next column", id="numbers.sort"),
        Binding("r", "reverse_sort", "Reverse order", id="numbers.reverse"),
    ]

    DEFAULT_CSS = """
    NumbersView {
        align: center middle;
    }
    NumbersView > Vertical {
        width: 95%;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    NumbersView DataTable {
        height: 1fr;
    }
    NumbersView #hint {
        height: 1;
        color: $text-muted;
    }
    """

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.numbers = list(doc.numbers)
        self.sort_column = 0  # index into COLUMNS
        self.reverse = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Цифры: {len(self.numbers)}"
            if self.numbers:
                yield DataTable(cursor_type="row", zebra_stripes=True, id="numbers")
                hint = "Enter — перейти · клик по заголовку или s — сортировка · r — обратный порядок · Esc — закрыть"
            else:
                pending = self.doc.analysis.level == "structure"
                yield Static("Анализ ещё идёт: цифры появятся, когда он закончится." if pending
                             else "В тексте не найдено цифр.")
                hint = "Esc — закрыть"
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
        return sorted(range(len(self.numbers)), key=lambda i: key(self.numbers[i]), reverse=self.reverse)

    def _fill(self) -> None:
        # Rebuilt rather than DataTable.sort: our sort keys are the model's values
        # (a figure's float, the kind's order), not the cells' display text.
        table = self.query_one(DataTable)
        keep = self._current_index(table)
        table.clear(columns=True)
        for i, column in enumerate(COLUMNS):
            arrow = (" ▼" if self.reverse else " ▲") if i == self.sort_column else ""
            table.add_column(Text(column.label + arrow), key=column.key)
        order = self.ordered()
        for i in order:
            table.add_row(*self._cells(self.numbers[i]), key=str(i))
        if keep is not None:
            table.move_cursor(row=order.index(keep))

    @staticmethod
    def _current_index(table: DataTable) -> int | None:
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def _cells(self, n: Number) -> tuple[Text, ...]:
        return (
            Text(one_line(self.doc.text[n.start:n.end]), style="bold"),
            Text(KIND_LABELS.get(n.kind, n.kind)),
            Text(format_value(n), justify="right"),
            Text(n.unit or ""),
            self._context(n),
        )

    def _context(self, n: Number) -> Text:
        start, end = sentence_of(self.doc, n.start)
        left_from = max(start, n.start - CONTEXT_CHARS)
        right_to = min(max(end, n.end), n.end + CONTEXT_CHARS)
        # Whitespace runs become one space but are kept at the edges, so "(52 млрд)"
        # reads as written and a figure mid-word stays mid-word.
        text = Text("…" if left_from > start else "")
        text.append(_WHITESPACE.sub(" ", self.doc.text[left_from:n.start]).lstrip())
        text.append(one_line(self.doc.text[n.start:n.end]), style="reverse")
        text.append(_WHITESPACE.sub(" ", self.doc.text[n.end:right_to]).rstrip())
        if right_to < end:
            text.append("…")
        return text

    # --- jumping -------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        n = self.numbers[int(event.row_key.value)]
        self.dismiss(JumpTo(n.start, n.end))

    def action_close(self) -> None:
        self.dismiss(None)
