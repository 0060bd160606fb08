"""The library screens: articles, people, a person's statements, search and figures.

``run_library`` alternates two apps in one process: the library app, and the reader
(``tui_reader.app.reader_app``, unchanged but for a small subclass here) for the
article chosen.  Leaving the reader (q, or Esc with nothing to clear) comes back to
the library exactly where it was: each screen keeps its state in a ``Session``
that outlives the app.
"""
from __future__ import annotations

from pathlib import Path


def run_library(db_path: Path, notice: str | None = None) -> int:
    from tui_reader.app.library.app import run

    return run(db_path, notice)
