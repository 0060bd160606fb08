"""What the library's screens share: their state for the session, the database, sorting."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from tui_reader.app.library.app import LibraryApp
from tui_reader.app.library.table import VirtualTable
from tui_reader.i18n import _

# Bindings every Textual table or app has, that do nothing a reader of the list needs to know
# (the rows fit the width; one list has the focus; the text is selected with the mouse).
TEXTUAL_GENERIC = frozenset({"scroll_left", "scroll_right", "page_left", "page_right", "app.focus_next",
                             "app.focus_previous", "focus_next", "focus_previous", "screen.copy_text"})


class LibraryScreen(Screen[None]):
    kind = ""
    # column index → a sort key of a row (None: the column does not sort)
    SORT_KEYS: list[Callable[[Any], Any] | None] = []
    BINDINGS = [Binding("question_mark,comma,f1", "help", _("Help"), key_display="?")]

    def __init__(self, state: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.state: dict[str, Any] = dict(state or {})

    @property
    def library(self) -> LibraryApp:
        app = self.app
        assert isinstance(app, LibraryApp)
        return app

    @property
    def conn(self) -> sqlite3.Connection:
        return self.library.conn

    table: VirtualTable  # made in each screen's compose

    def save_state(self) -> dict[str, Any]:
        """What to restore the screen with, coming back from the reader: the row under
        the cursor (by its id) with the filters and the sort."""
        current = self.table.current
        self.state["cursor"] = current.id if current is not None else None
        return self.state

    def action_help(self) -> None:
        """``?``: every key this screen answers now (its own, its table's, the app's), read
        off the active bindings, so the help cannot drift from what the keys do."""
        from tui_reader.app.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen([], keys=self.key_rows()))

    def key_rows(self) -> list[tuple[str, str]]:
        rows: dict[tuple[str, str], tuple[list[str], str]] = {}
        for key, active in self.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action == "help" or binding.action in TEXTUAL_GENERIC:
                continue
            keys, _what = rows.setdefault((binding.action, binding.description), ([], _(binding.description)))
            shown = binding.key_display if binding.key_display else self.app.get_key_display(
                Binding(key, binding.action))
            if shown not in keys:
                keys.append(shown)
        rows[("help", "")] = (["?", "F1", ","], _("this help"))
        return [("  ".join(keys), what) for keys, what in rows.values()]

    # --- sorting a VirtualTable (s: next column, r: reverse, or a header click) ------

    def sort_rows(self, table: VirtualTable, rows: list[Any]) -> list[Any]:
        column = self.state.get("sort")
        if column is None or column >= len(self.SORT_KEYS) or self.SORT_KEYS[column] is None:
            table.sort_mark(None, False)
            return rows
        key = self.SORT_KEYS[column]
        reverse = bool(self.state.get("reverse"))
        # rows without a value (no date, no figure value) go last either way
        present = [r for r in rows if key(r) is not None]
        missing = [r for r in rows if key(r) is None]
        present.sort(key=key, reverse=reverse)
        table.sort_mark(column, reverse)
        return present + missing

    def action_sort(self) -> None:
        """s: sort by the next column that sorts."""
        columns = [i for i, k in enumerate(self.SORT_KEYS) if k is not None]
        current = self.state.get("sort")
        later = [i for i in columns if current is None or i > current]
        self.state["sort"] = later[0] if later else columns[0]
        self.state["reverse"] = False
        self.refill()

    def action_reverse(self) -> None:
        """r: the other way round."""
        self.state["reverse"] = not self.state.get("reverse")
        if self.state.get("sort") is None:
            self.state["sort"] = next(i for i, k in enumerate(self.SORT_KEYS) if k is not None)
        self.refill()

    def on_virtual_table_header_clicked(self, message: VirtualTable.HeaderClicked) -> None:
        """A click on a column's header: sort by it (again: the other way round)."""
        column = message.column
        if column >= len(self.SORT_KEYS) or self.SORT_KEYS[column] is None:
            return
        if self.state.get("sort") == column:
            self.state["reverse"] = not self.state.get("reverse")
        else:
            self.state["sort"], self.state["reverse"] = column, False
        self.refill()

    def refill(self) -> None:
        """Fill the table again from the screen's rows (sorting or filtering changed)."""
        raise NotImplementedError
