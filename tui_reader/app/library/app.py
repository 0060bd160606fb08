"""The library app and the loop that alternates it with the reader."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

from tui_reader.app.library.session import OpenRequest, Session
from tui_reader.i18n import _
from tui_reader.library import db
from tui_reader.library.store import set_read

if TYPE_CHECKING:
    from tui_reader.app.library.base import LibraryScreen


def _screen_class(kind: str) -> type[LibraryScreen]:
    if kind == "articles":
        from tui_reader.app.library.articles import ArticlesScreen
        return ArticlesScreen
    if kind == "people":
        from tui_reader.app.library.people import PeopleScreen
        return PeopleScreen
    if kind == "person":
        from tui_reader.app.library.people import PersonScreen
        return PersonScreen
    if kind == "search":
        from tui_reader.app.library.search import SearchScreen
        return SearchScreen
    from tui_reader.app.library.figures import FiguresScreen
    return FiguresScreen


class LibraryApp(App[OpenRequest | None]):
    TITLE = "summit-reader"
    CSS = """
    .title-line { height: 1; padding: 0 1; background: $panel; color: $foreground; text-style: bold; }
    .status-line { height: 1; padding: 0 1; color: $text-muted; }
    .filters { height: 1; margin: 0 0 1 0; }
    .filters Input { width: 1fr; height: 1; border: none; padding: 0 1; margin: 0 1 0 0; background: $boost; }
    .filters Input:focus { background: $primary 30%; }
    #query { height: 1; border: none; padding: 0 1; background: $boost; }
    Input.-hidden { display: none; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(self, conn: sqlite3.Connection, session: Session, db_path: Path) -> None:
        super().__init__()
        self.conn = conn
        self.session = session
        self.db_path = db_path

    def on_mount(self) -> None:
        from tui_reader.store.config import load_config

        theme = load_config().theme
        if theme and theme in self.available_themes:
            self.theme = theme
        stack = self.session.stack or [("articles", {})]
        for kind, state in stack:
            self.push_screen(_screen_class(kind)(state))
        if self.session.notice:
            self.notify(self.session.notice, severity="warning", markup=False, timeout=6)
            self.session.notice = None

    def show(self, kind: str, state: dict[str, Any] | None = None) -> None:
        self.push_screen(_screen_class(kind)(state or {}))

    def open_article(self, request: OpenRequest) -> None:
        """Leave for the reader; the screens' state is kept for coming back."""
        from tui_reader.app.library.base import LibraryScreen

        self.session.stack = [(screen.kind, screen.save_state()) for screen in self.screen_stack
                              if isinstance(screen, LibraryScreen)]
        set_read(self.conn, request.article)
        self.exit(request)


def run(db_path: Path, notice: str | None = None) -> int:
    session = Session(notice=notice)
    while True:
        try:
            conn = db.connect(db_path)
        except db.LibraryError as e:
            print(f"summit-reader: {e}", file=sys.stderr)
            return 2
        app = LibraryApp(conn, session, db_path)
        try:
            request = app.run()
        finally:
            conn.close()
        if not isinstance(request, OpenRequest):
            return app.return_code or 0
        session.notice = open_in_reader(db_path, request)


def open_in_reader(db_path: Path, request: OpenRequest) -> str | None:
    """Run the reader on the article; a one-line problem to show back in the library, or None."""
    from tui_reader.app.library.reader import LibraryReaderApp, opened_article
    from tui_reader.library.queries import article

    conn = db.connect(db_path)
    try:
        row = article(conn, request.article)
    finally:
        conn.close()
    if row is None:
        return _("That article is no longer in the library.")
    opened = opened_article(row)
    if opened is None:
        return _("{path}: the file is gone and its model is no longer cached; "
                 "remove it with: summit-reader library rescan").format(path=row.path)
    LibraryReaderApp(opened.doc, opened=opened, complete=opened.complete, target=request).run()
    return None
