"""Search across the library: the in-article query language (words in any form,
"phrase", exact, regex; ctrl+r cycles), results grouped by article with the hits lit."""
from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label

from tui_reader.app.library.base import LibraryScreen
from tui_reader.app.library.session import OpenRequest
from tui_reader.app.library.table import Column, VirtualTable
from tui_reader.i18n import _
from tui_reader.library import db
from tui_reader.library.search import MODES, SearchError, SentenceHit, search_library, sentence_spans
from tui_reader.reading.sanitize import one_line

CONTEXT_BEFORE = 30  # characters of a long sentence kept before its first hit
SCAN_DELAY = 0.15  # seconds of no typing before an exact or regex scan starts
SHOWN = 5000  # sentences listed at most (a word in every article would list the library)


@dataclass(eq=False)
class ArticleGroup:
    article: int
    title: str
    date: str | None
    hits: list[SentenceHit]


class SearchScreen(LibraryScreen):
    kind = "search"
    COLUMNS = [Column("where", _("Date / #"), 11), Column("text", _("Article, then each sentence with a hit"))]
    BINDINGS = [
        Binding("escape", "back", _("Back")),
        Binding("ctrl+r", "cycle_mode", _("Mode")),
        Binding("ctrl+f", "edit", _("Edit query"), show=False),
    ]

    def compose(self) -> ComposeResult:
        self.input = Input(value=self.state.get("query", ""), placeholder=_(
            'words in any form, "a phrase", or exact text / a regex (ctrl+r)'), id="query")
        self.count = Label("", classes="title-line")
        self.table = VirtualTable(self.COLUMNS, self._cells, row_style=self._style, id="hits")
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._numbers: dict[int, int] = {}
        self._titles: dict[int, tuple[str, str | None]] | None = None  # read on the first answer
        self.error: str | None = None
        self.total = 0
        yield self.count
        yield self.input
        yield self.table
        yield Label(_("type to search · ↓ to the results · Enter open at the hit · ctrl+r mode · Esc back"),
                    classes="status-line")

    def on_mount(self) -> None:
        # Queries run in threads, on a connection of their own: SQLite functions (the exact and
        # regex scans) must not be registered on a connection another thread is reading with.
        self._search_conn: sqlite3.Connection | None = None
        self._search_lock = threading.Lock()
        self._db_file = self.conn.execute("PRAGMA database_list").fetchone()[2]
        self.state.setdefault("mode", "lemma")
        self._show_count()
        if self.state.get("query"):
            self._run(self.state["query"], self.state["mode"], self.state.get("cursor"))
        self.input.focus()

    # --- running the query (in a thread: a regex over the library takes a while) ---------

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self.state["query"] = event.value
        self._run(event.value, self.state["mode"], None)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.table.focus()
        if self.table.rows and isinstance(self.table.current, ArticleGroup):
            self.table.action_move(1)

    @work(exclusive=True, thread=True, group="library-search")
    def _run(self, query: str, mode: str, keep: int | None) -> None:
        if mode != "lemma":
            # a scan of every sentence: wait for the typing to pause, and only the newest query runs
            time.sleep(SCAN_DELAY)
            if query != self.state.get("query") or mode != self.state.get("mode"):
                return
        try:
            with self._search_lock:  # one query at a time on the screen's own connection
                if self._search_conn is None:  # the same file as the app's connection
                    self._search_conn = db.connect(Path(self._db_file))
                hits, error = search_library(self._search_conn, query, mode, limit=SHOWN + 1), None
        except SearchError as e:
            hits, error = [], str(e)
        except sqlite3.Error as e:  # e.g. a scan still running from a keystroke before
            hits, error = [], _("the search could not run: {reason}").format(reason=e)
        self.app.call_from_thread(self._show, query, hits, error, keep)

    def _show(self, query: str, hits: list[SentenceHit], error: str | None, keep: int | None) -> None:
        if query != self.state.get("query"):
            return  # an older keystroke's answer
        if self._titles is None:  # read once per screen, not per keystroke
            self._titles = {row[0]: (row[1], row[2]) for row in self.conn.execute("SELECT id, title, date FROM articles")}
        titles = self._titles
        rows: list[ArticleGroup | SentenceHit] = []
        groups: dict[int, ArticleGroup] = {}
        self._numbers = {}
        for number, hit in enumerate(hits[:SHOWN], 1):
            group = groups.get(hit.article)
            if group is None:
                title, date = titles.get(hit.article, ("?", None))
                group = groups[hit.article] = ArticleGroup(hit.article, title, date, [])
                rows.append(group)
            group.hits.append(hit)
            rows.append(hit)
            self._numbers[hit.sentence] = number
        self._spans = {}
        self.more = len(hits) > SHOWN
        hits = hits[:SHOWN]
        self.total = len(hits)
        self.error = error
        self.articles = len(groups)
        target = next((r for r in rows if isinstance(r, SentenceHit) and r.sentence == keep), None)
        self.table.set_rows(rows, keep=target)
        self._show_count()

    def _show_count(self) -> None:
        if self.error:
            self.count.update(Text("⚠ " + one_line(self.error)))
            return
        if not self.state.get("query", "").strip():
            self.count.update(_("Search the library ({mode})").format(mode=self.state["mode"]))
            return
        current = self.table.current
        k = self._numbers.get(current.sentence, 0) if isinstance(current, SentenceHit) else 0
        n = f"{self.total}+" if getattr(self, "more", False) else str(self.total)
        self.count.update(_("{k}/{n} sentences in {articles} articles · {mode}").format(
            k=k, n=n, articles=getattr(self, "articles", 0), mode=self.state["mode"]))

    def on_virtual_table_cursor_moved(self) -> None:
        self._show_count()

    # --- drawing ------------------------------------------------------------------------

    def _cells(self, row: ArticleGroup | SentenceHit) -> tuple[str | None, Text]:
        if isinstance(row, ArticleGroup):
            label = Text(f"▸ {one_line(row.title)}", style="bold")
            label.append(f"  ({len(row.hits)})", style="dim")
            return (row.date, label)
        spans = self._spans.get(row.sentence)
        if spans is None:  # computed for the rows drawn, not for all of them
            try:
                spans = sentence_spans(row.text, self.state.get("query", ""), self.state["mode"])
            except SearchError:
                spans = []
            self._spans[row.sentence] = spans
        # a hit far into a long sentence: start the line a little before it, so it shows
        cut = max(0, spans[0][0] - CONTEXT_BEFORE) if spans and spans[0][0] > CONTEXT_BEFORE * 2 else 0
        lead = "  …" if cut else "  "
        text = Text(lead + row.text[cut:])
        for start, end in spans:
            text.stylize("bold reverse", start - cut + len(lead), end - cut + len(lead))
        return (f"#{self._numbers.get(row.sentence, '')}", text)

    @staticmethod
    def _style(row: ArticleGroup | SentenceHit) -> str | None:
        return None if isinstance(row, SentenceHit) else "bold"

    # --- actions ------------------------------------------------------------------------

    def on_virtual_table_chosen(self, message: VirtualTable.Chosen) -> None:
        row = message.row
        hit = row.hits[0] if isinstance(row, ArticleGroup) else row
        spans = self._spans.get(hit.sentence)
        if spans is None:
            spans = sentence_spans(hit.text, self.state.get("query", ""), self.state["mode"])
        first = spans[0] if spans else (0, hit.end - hit.start)
        self.library.open_article(OpenRequest(article=hit.article, offset=hit.start + first[0],
                                          end=hit.start + first[1], query=self.state.get("query"),
                                          mode=self.state["mode"]))

    def save_state(self) -> dict[str, Any]:
        current = self.table.current
        self.state["cursor"] = current.sentence if isinstance(current, SentenceHit) else None
        return self.state

    def on_key(self, event: events.Key) -> None:
        if self.focused is self.input and event.key == "down":
            event.stop()
            self.table.focus()

    def action_edit(self) -> None:
        self.input.focus()

    def action_cycle_mode(self) -> None:
        self.state["mode"] = MODES[(MODES.index(self.state["mode"]) + 1) % len(MODES)]
        self._run(self.state.get("query", ""), self.state["mode"], None)
        self._show_count()

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_unmount(self) -> None:
        conn, self._search_conn = self._search_conn, None
        if conn is not None:
            with self._search_lock:
                conn.close()

    def refill(self) -> None:
        pass
