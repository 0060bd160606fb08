"""The library screen: one row per article; sort, filter as you type, Enter to read."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from tui_reader.app.library.base import LibraryScreen
from tui_reader.app.library.session import OpenRequest
from tui_reader.app.library.table import Column, VirtualTable
from tui_reader.i18n import _
from tui_reader.library.queries import ArticleRow, articles, counts
from tui_reader.library.store import set_read
from tui_reader.morph import fold


def fuzzy_filter(query: str) -> Callable[[str], bool]:
    """A test of a row's folded "headline source" text: each word of ``query`` is in it, or
    its letters are, in order, within one word ("лкшнк" finds "Лукашенко")."""
    patterns = [re.compile("[^\\s]*?".join(map(re.escape, word))) for word in fold(query).split()]
    return lambda haystack: all(p.search(haystack) for p in patterns)


FIRST_ROWS = 200  # rows read before the first frame (a tall terminal's screenful, and more)


class ArticlesScreen(LibraryScreen):
    kind = "articles"
    COLUMNS = [
        Column("read", " ", 1),
        Column("title", _("Headline")),
        Column("date", _("Date"), 10),
        Column("source", _("Source"), 16),
        Column("words", _("Words"), 6, right=True),
        Column("speakers", _("Spk"), 4, right=True),
        Column("statements", _("Stmt"), 5, right=True),
    ]
    SORT_KEYS = [lambda r: r.read, lambda r: fold(r.title), lambda r: r.date, lambda r: fold(r.source),
                 lambda r: r.words, lambda r: r.speakers, lambda r: r.statements]

    BINDINGS = [
        Binding("q,й", "app.quit", _("Quit")),
        Binding("f,а", "filter", _("Filter")),
        Binding("slash,full_stop", "search", _("Search"), key_display="/"),
        Binding("p,з", "people", _("People")),
        Binding("number_sign,numero_sign", "figures", _("Figures"), key_display="#"),
        Binding("s,ы", "sort", _("Sort")),
        Binding("r,к", "reverse", _("Reverse"), show=False),
        Binding("u,г", "toggle_read", _("Read/unread"), show=False),
        Binding("escape", "clear_filter", _("Clear filter"), show=False),
    ]

    def compose(self) -> ComposeResult:
        self.heading = Label("", classes="title-line")
        self.filter_input = Input(value=self.state.get("filter", ""), placeholder=_("filter: words of the headline or source"),
                                  id="filter", classes="" if self.state.get("filter") else "-hidden")
        self.table = VirtualTable(self.COLUMNS, self._cells, row_style=lambda r: None if not r.read else "dim",
                                  id="articles")
        yield self.heading
        yield self.filter_input
        yield self.table
        yield Label(_("Enter read · f filter · / search · p people · # figures · s r sort · u read/unread · q quit"),
                    classes="status-line")

    def on_mount(self) -> None:
        self._haystacks: dict[int, str] | None = None  # built on the first filter keystroke
        self.state.setdefault("sort", 2)
        self.state.setdefault("reverse", True)
        self.table.focus()
        fresh = self.state["sort"] == 2 and self.state["reverse"] and not self.state.get("filter") \
            and self.state.get("cursor") is None
        if fresh:
            # The first screenful first (newest, as the list is sorted when it opens), the rest
            # just after it is drawn: reading and building 10,000 rows is ~0.1 s of a start.
            self.all_rows = articles(self.conn, limit=FIRST_ROWS)
            self._counts: tuple[int, int] | None = counts(self.conn)
            self.refill()
            self.call_after_refresh(self._load_all)
        else:
            self._load_all()

    def _load_all(self) -> None:
        self.all_rows = articles(self.conn)
        self._counts = None
        self.refill(keep_id=self.state.get("cursor"))

    @staticmethod
    def _cells(row: ArticleRow) -> tuple[Any, ...]:
        return ("" if row.read else "●", row.title, row.date, row.source, row.words, row.speakers, row.statements)

    def refill(self, keep_id: int | None = None) -> None:
        query = self.state.get("filter", "")
        rows = self.all_rows
        if query.strip():
            if self._haystacks is None:
                self._haystacks = {r.id: fold(f"{r.title} {r.source}") for r in self.all_rows}
            test = fuzzy_filter(query)
            rows = [r for r in rows if test(self._haystacks[r.id])]
        rows = self.sort_rows(self.table, list(rows))
        keep_id = keep_id if keep_id is not None else (self.table.current.id if self.table.current else None)
        keep = next((r for r in rows if r.id == keep_id), None) if keep_id is not None else None
        self.table.set_rows(rows, keep=keep)
        total, unread = self._counts or (len(self.all_rows), sum(not r.read for r in self.all_rows))
        shown = f"{len(rows)}/{total}" if query.strip() else str(total)
        self.heading.update(_("Library: {shown} articles, {unread} unread").format(shown=shown, unread=unread))
        if not total:
            self.heading.update(_("The library is empty: add articles with  summit-reader library add FOLDER"))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.state["filter"] = event.value
        self.refill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        if self.focused is self.filter_input and event.key in ("down", "up", "escape"):
            event.stop()
            if event.key == "escape" and not self.filter_input.value:
                self.filter_input.add_class("-hidden")
            self.table.focus()
            if event.key in ("down", "up"):
                self.table.action_move(1 if event.key == "down" else -1)

    def action_filter(self) -> None:
        self.filter_input.remove_class("-hidden")
        self.filter_input.focus()

    def action_clear_filter(self) -> None:
        if self.filter_input.value:
            self.filter_input.value = ""
        self.filter_input.add_class("-hidden")

    def on_virtual_table_chosen(self, message: VirtualTable.Chosen) -> None:
        self.library.open_article(OpenRequest(article=message.row.id))

    def action_toggle_read(self) -> None:
        row = self.table.current
        if row is None:
            return
        row.read = not row.read
        set_read(self.conn, row.id, row.read)
        self.refill()

    def action_search(self) -> None:
        self.library.show("search")

    def action_people(self) -> None:
        self.library.show("people")

    def action_figures(self) -> None:
        self.library.show("figures")
