"""The one way from a path to a document model: load → (cache) → analyse → (cache).

The CLI and the app both come through here, so a document is analysed the same
way whichever door it came in by.
"""
from __future__ import annotations

from pathlib import Path

from tui_reader.load import Loaded, load_path
from tui_reader.model import Document


def analyse_loaded(loaded: Loaded) -> Document:
    from tui_reader.analysis import analyse

    return analyse(loaded.text, loaded.source, loaded.heading_hints)


def open_document(path: str | Path, *, encoding: str | None = None, use_cache: bool = True) -> Document:
    loaded = load_path(path, encoding)
    return analyse_loaded(loaded)
