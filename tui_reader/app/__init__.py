"""The Textual reader app.  Kept light: Textual and the widgets load only in ``run_app``."""
from __future__ import annotations

import sys


def run_app(paths: str | list[str], encoding: str | None = None, use_cache: bool = True) -> int:
    """Open ``paths`` (``-`` is standard input) in the reader, the first one first;
    ``:n``/``:p`` move between them and ``v`` reopens one after editing.  2 if a file
    cannot be opened."""
    from tui_reader.load import LoadError
    from tui_reader.pipeline import open_for_reading

    files = [paths] if isinstance(paths, str) else list(paths)
    index, start_line, stdin_opened = 0, None, None
    while True:
        path = files[index]
        try:
            # standard input can be read once: coming back to it shows what was read
            opened = stdin_opened if path == "-" and stdin_opened else \
                open_for_reading(path, encoding=encoding, use_cache=use_cache)
        except LoadError as e:
            print(f"summit-reader: {e}", file=sys.stderr)
            return 2
        if path == "-" and stdin_opened is None:
            _reattach_stdin()
            stdin_opened = opened
        from tui_reader.app.reader_app import ReaderApp

        app = ReaderApp(opened.doc, opened=opened, complete=opened.complete, files=files,
                        file_index=index, start_line=start_line)
        result = app.run()
        if app.switch_to is None:
            return result if isinstance(result, int) else (app.return_code or 0)
        index, start_line = app.switch_to, app.start_line if app.switch_to == index else None


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
