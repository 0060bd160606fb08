"""The Textual reader app.  Kept light: Textual and the widgets load only in ``run_app``."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from tui_reader.app.reader_app import ReaderApp
    from tui_reader.pipeline import Opened
    from tui_reader.web.feeds import Feed, Item


def run_app(paths: str | list[str], encoding: str | None = None, use_cache: bool = True,
            offline: bool = False) -> int:
    """Open ``paths`` (``-`` is standard input; a web address is fetched) in the reader, the first one first;
    ``:n``/``:p`` move between them and ``v`` reopens one after editing.  2 if a file
    cannot be opened."""
    from tui_reader.load import LoadError
    from tui_reader.pipeline import open_for_reading
    from tui_reader.web.fetch import FetchError

    files = [paths] if isinstance(paths, str) else list(paths)
    index, start_line, stdin_opened = 0, None, None
    while True:
        path = files[index]
        try:
            # standard input can be read once: coming back to it shows what was read;
            # a web address goes through the URL door (open_url_for_reading)
            opened = stdin_opened if path == "-" and stdin_opened else \
                open_for_reading(path, encoding=encoding, use_cache=use_cache, offline=offline)
        except (LoadError, FetchError) as e:
            from tui_reader.terminal_text import for_stream

            print(for_stream(f"summit-reader: {e}", sys.stderr), file=sys.stderr)
            return 2
        if path == "-" and stdin_opened is None:
            _reattach_stdin()
            stdin_opened = opened
        app = reader_for(opened, files=files, file_index=index, start_line=start_line)
        result = run_frozen(app)
        if app.switch_to is None:
            return result if isinstance(result, int) else (app.return_code or 0)
        index, start_line = app.switch_to, app.start_line if app.switch_to == index else None


def run_opened(opened: Opened, *, from_feed: bool = False) -> int:
    """Read an opened document (``pipeline.Opened``); a web page gets the web reader."""
    app = reader_for(opened, from_feed=from_feed)
    result = run_frozen(app)
    return result if isinstance(result, int) else (app.return_code or 0)


def run_frozen(app: App[Any]) -> Any:
    """Run ``app`` with what is loaded so far out of the garbage collector's sight, and
    the collector on (``cli.read`` turns it off while the reader starts).

    The modules, the document and the app live as long as the process, yet a full
    collection re-scanned them all: one ran on the way to the first frame (~13 ms of a
    ~240 ms start, measured), and on the novel's model (millions of objects) one takes
    far longer, whenever it comes.  Frozen, they are never scanned (``gc.freeze``)."""
    import gc

    gc.freeze()
    gc.enable()
    return app.run()


def reader_for(opened: Opened, *, from_feed: bool = False, **files: Any) -> ReaderApp:
    """The reader app for ``opened``: with the URL in the title bar and ``o`` for a web
    page; ``q`` says "back" for an item of a feed.  ``files``: ReaderApp's ``files``,
    ``file_index`` and ``start_line`` when several were given (``:n``/``:p``)."""
    if from_feed:
        from tui_reader.app.web_reader import FeedItemReaderApp

        return FeedItemReaderApp(opened, **files)
    if opened.doc.source.url:
        from tui_reader.app.web_reader import WebReaderApp

        return WebReaderApp(opened, **files)
    from tui_reader.app.reader_app import ReaderApp

    return ReaderApp(opened.doc, opened=opened, complete=opened.complete, **files)


def _reattach_stdin() -> None:
    """After reading the article from a pipe, read keys from the terminal instead."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the process's stdin for its lifetime


def run_feed(feed: Feed, *, open_item: Callable[[Item], Opened], reload: Callable[[], Feed] | None = None) -> int:
    """The feed's list; an item chosen there is read, and quitting the reader comes
    back to the list (at the same item) until the list itself is quit."""
    from tui_reader.app.screens.feed_screen import FeedApp

    highlighted = 0
    notes: list[str] | None = None  # the feed's own notes: shown the first time only
    while True:
        app = FeedApp(feed, open_item=open_item, reload=reload, highlighted=highlighted, notes=notes)
        app.run()
        chosen = app.return_value
        if chosen is None:
            return app.return_code or 0
        feed, highlighted, notes = app.feed, chosen.index, []
        run_opened(chosen.opened, from_feed=True)
