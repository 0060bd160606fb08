"""People across the library, and one person's statements (newest article first).

Filters: a piece of the name, a date range (YYYY-MM-DD, either end may be empty)
and a word in the statement (any form).  The person's screen inherits the dates and
the word; Enter there opens the article at the statement, its speaker marked.
"""
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
from tui_reader.library.queries import PersonRow, StatementRow, date_bound, fill, people, statements
from tui_reader.morph import fold
from tui_reader.reading.sanitize import one_line


class _FilteredScreen(LibraryScreen):
    """A screen with the name / dates / word filters above a table."""


    FILTERS: tuple[str, ...] = ()

    def filter_row(self) -> Horizontal:
        placeholders = {"name": _("name"), "from": _("from YYYY-MM-DD"), "to": _("to YYYY-MM-DD"),
                        "word": _("a word in the statement")}
        return Horizontal(*(Input(value=self.state.get(f, ""), placeholder=placeholders[f], id=f"f-{f}")
                            for f in self.FILTERS), classes="filters")

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        self.state[(event.input.id or "").removeprefix("f-")] = event.value
        self.refill()

    @on(Input.Submitted)
    def _filter_done(self, event: Input.Submitted) -> None:
        self.table.focus()

    def filters(self) -> dict[str, Any]:
        return {"date_from": date_bound(self.state.get("from", ""), end=False),
                "date_to": date_bound(self.state.get("to", ""), end=True),
                "word": self.state.get("word", "")}

    def action_filter(self) -> None:
        self.query_one(f"#f-{self.FILTERS[0]}", Input).focus()

    def action_back(self) -> None:
        if self.focused is not None and isinstance(self.focused, Input):
            self.table.focus()
        else:
            self.app.pop_screen()



class PeopleScreen(_FilteredScreen):
    kind = "people"
    FILTERS = ("name", "from", "to", "word")
    COLUMNS = [Column("name", _("Person")), Column("statements", _("Statements"), 12, right=True),
               Column("articles", _("Articles"), 10, right=True), Column("last", _("Latest"), 10)]
    SORT_KEYS = [lambda r: fold(r.name), lambda r: r.statements, lambda r: r.articles, lambda r: r.last_date]
    BINDINGS = [
        Binding("escape,q,й", "back", _("Back")),
        Binding("f,а", "filter", _("Filter")),
        Binding("s,ы", "sort", _("Sort")),
        Binding("r,к", "reverse", _("Reverse"), show=False),
    ]

    def compose(self) -> ComposeResult:
        self.heading = Label("", classes="title-line")
        self.table = VirtualTable(self.COLUMNS, lambda r: (r.name, r.statements, r.articles, r.last_date), id="people")
        yield self.heading
        yield self.filter_row()
        yield self.table
        yield Label(_("Enter: their statements · f filter (Tab to the next) · s r sort · Esc back"),
                    classes="status-line")

    def on_mount(self) -> None:
        self.state.setdefault("sort", 1)
        self.state.setdefault("reverse", True)
        self.refill(keep_id=self.state.get("cursor"))
        self.table.focus()

    def refill(self, keep_id: int | None = None) -> None:
        rows: list[PersonRow] = people(self.conn, self.state.get("name", ""), **self.filters())
        rows = self.sort_rows(self.table, rows)
        if keep_id is None and self.table.current is not None:
            keep_id = self.table.current.id
        self.table.set_rows(rows, keep=next((r for r in rows if r.id == keep_id), None))
        total = sum(r.statements for r in rows)
        self.heading.update(_("People: {n}, {statements} statements").format(n=len(rows), statements=total))

    def on_virtual_table_chosen(self, message: VirtualTable.Chosen) -> None:
        person: PersonRow = message.row
        self.library.show("person", {"person": person.id, "person_name": person.name,
                                 "from": self.state.get("from", ""), "to": self.state.get("to", ""),
                                 "word": self.state.get("word", "")})


class PersonScreen(_FilteredScreen):
    kind = "person"
    FILTERS = ("from", "to", "word")
    COLUMNS = [Column("date", _("Date"), 10), Column("article", _("Article"), 24), Column("kind", _("Kind"), 8),
               Column("sentence", _("Statement"))]
    SORT_KEYS = [lambda r: r.date, None, lambda r: r.kind, None]
    BINDINGS = PeopleScreen.BINDINGS

    def compose(self) -> ComposeResult:
        self.heading = Label("", classes="title-line")
        self.table = VirtualTable(self.COLUMNS, self._cells, id="statements")
        yield self.heading
        yield self.filter_row()
        yield self.table
        self.detail = Label("", classes="status-line")
        yield self.detail

    def _cells(self, row: StatementRow) -> tuple[str | None, str | None, str, Text]:
        fill(self.conn, row)  # only the rows drawn are read in full
        sentence = Text(row.sentence or "")
        at = row.sentence.find(row.text) if row.sentence and row.text else -1
        if at >= 0:
            sentence.stylize("bold", at, at + len(row.text))
        return (row.date, row.title, row.kind, sentence)

    def on_mount(self) -> None:
        self.refill(keep_id=self.state.get("cursor"))
        self.table.focus()

    def refill(self, keep_id: int | None = None) -> None:
        rows = statements(self.conn, self.state["person"], light=True, **self.filters())
        rows = self.sort_rows(self.table, rows)
        if keep_id is None and self.table.current is not None:
            keep_id = self.table.current.id
        self.table.set_rows(rows, keep=next((r for r in rows if r.id == keep_id), None))
        articles = len({r.article for r in rows})
        self.heading.update(Text(_("{name}: {n} statements in {articles} articles, newest first").format(
            name=one_line(self.state.get("person_name", ""), 60), n=len(rows), articles=articles)))
        self._describe()

    def on_virtual_table_cursor_moved(self) -> None:
        self._describe()

    def _describe(self) -> None:
        row = self.table.current
        if row is None:
            self.detail.update(_("No statements match."))
            return
        fill(self.conn, row)
        cue = f" · {row.cue}" if row.cue else ""
        if row.confidence is not None:
            cue += " · " + _("confidence {value:.0%}").format(value=row.confidence)
        self.detail.update(Text(one_line(f"{row.source or ''} · {row.kind}{cue}") + " · " +
                                _("Enter: open the article at this statement · Esc back")))

    def on_virtual_table_chosen(self, message: VirtualTable.Chosen) -> None:
        row: StatementRow = message.row
        self.library.open_article(OpenRequest(article=row.article, offset=row.start, end=row.end,
                                          speaker_id=row.speaker_id))
