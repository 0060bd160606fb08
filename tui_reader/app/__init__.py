"""The Textual reader app.  Kept light: Textual and the widgets load only in ``run_app``."""
from __future__ import annotations

import sys


def run_app(path: str, encoding: str | None = None, use_cache: bool = True) -> int:
    """Open ``path`` (``-`` is standard input) in the reader; 2 if it cannot be opened."""
    from tui_reader.load import LoadError
    from tui_reader.pipeline import open_for_reading

    try:
        opened = open_for_reading(path, encoding=encoding, use_cache=use_cache)
    except LoadError as e:
        from tui_reader.terminal_text import for_stream

        print(for_stream(f"summit-reader: {e}", sys.stderr), file=sys.stderr)
        return 2
    if path == "-":
        _reattach_stdin()
    from tui_reader.app.reader_app import ReaderApp

    app = ReaderApp(opened.doc, opened=opened, complete=opened.complete)
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)


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
