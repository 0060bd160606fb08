"""Every figure in the library: sortable (by value above all), filtered by kind (k) and
by a word of the sentence (any form)."""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label

from tui_reader.app.library.base import LibraryScreen
from tui_reader.app.library.session import OpenRequest
from tui_reader.app.library.table import Column, VirtualTable
from tui_reader.i18n import _
from tui_reader.library.queries import FigureRow, figures
from tui_reader.model import NUMBER_KINDS
from tui_reader.morph import fold


class FiguresScreen(LibraryScreen):
    kind = "figures"
    COLUMNS = [Column("figure", _("Figure"), 22), Column("kind", _("Kind"), 9), Column("value", _("Value"), 16, right=True),
               Column("unit", _("Unit"), 6), Column("date", _("Date"), 10), Column("article", _("Article"), 24),
               Column("sentence", _("Sentence"))]
    SORT_KEYS = [lambda r: fold(r.text), lambda r: r.kind, lambda r: r.value, lambda r: r.unit or "",
                 lambda r: r.date, lambda r: fold(r.title), None]
    BINDINGS = [
        Binding("escape,q,й", "back", _("Back")),
        Binding("c,с", "next_kind", _("Kind")),
        Binding("f,а", "filter", _("Word")),
        Binding("s,ы", "sort", _("Sort")),
        Binding("r,к", "reverse", _("Reverse"), show=False),
        Binding("v,м", "by_value", _("By value")),
    ]

    def compose(self) -> ComposeResult:
        self.heading = Label("", classes="title-line")
        self.word = Input(value=self.state.get("word", ""), placeholder=_("a word in the sentence (any form)"),
                          id="f-word")
        self.table = VirtualTable(self.COLUMNS, self._cells, id="figures")
        yield self.heading
        yield Horizontal(self.word, classes="filters")
        yield self.table
        yield Label(_("c kind · f word · v by value · s r sort · Enter open at the figure · Esc back"),
                    classes="status-line")

    @staticmethod
    def _cells(row: FigureRow) -> tuple[Any, ...]:
        return (row.text, row.kind, row.value, row.unit, row.date, row.title, Text(row.sentence))

    def on_mount(self) -> None:
        self._load()
        self.table.focus()

    def _load(self) -> None:
        self.all_rows = figures(self.conn, self.state.get("kind"), self.state.get("word", ""))
        self.refill(keep_id=self.state.get("cursor"))

    def refill(self, keep_id: int | None = None) -> None:
        rows = self.sort_rows(self.table, list(self.all_rows))
        if keep_id is None and self.table.current is not None:
            keep_id = self.table.current.id
        self.table.set_rows(rows, keep=next((r for r in rows if r.id == keep_id), None))
        kind = self.state.get("kind") or _("all kinds")
        self.heading.update(_("Figures: {n} ({kind})").format(n=len(rows), kind=kind))

    @on(Input.Changed, "#f-word")
    def _word_changed(self, event: Input.Changed) -> None:
        self.state["word"] = event.value
        self._load()

    @on(Input.Submitted, "#f-word")
    def _word_done(self, event: Input.Submitted) -> None:
        self.table.focus()

    def action_filter(self) -> None:
        self.word.focus()

    def action_next_kind(self) -> None:
        kinds = [None, *NUMBER_KINDS]
        self.state["kind"] = kinds[(kinds.index(self.state.get("kind")) + 1) % len(kinds)]
        self._load()

    def action_by_value(self) -> None:
        self.state["sort"], self.state["reverse"] = 2, True
        self.refill()

    def on_virtual_table_chosen(self, message: VirtualTable.Chosen) -> None:
        row: FigureRow = message.row
        self.library.open_article(OpenRequest(article=row.article, offset=row.start, end=row.end))

    def action_back(self) -> None:
        if self.focused is self.word:
            self.table.focus()
        else:
            self.app.pop_screen()
