"""The one way from a path to a document model: load → (cache) → analyse → (cache).

The CLI and the app both come through here, so a document is analysed the same
way whichever door it came in by.

* ``open_document`` — the full model (from the cache, or analysed and cached): the CLI.
* ``open_for_reading`` — whatever can be shown *now*: the cached full model, or a
  structure-only model that ``finish_analysis`` later completes (the app runs that
  in a background worker).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui_reader.load import Loaded, load_path
from tui_reader.model import Document


@dataclass
class Opened:
    doc: Document
    loaded: Loaded
    complete: bool  # False: structure only, call finish_analysis


def open_for_reading(path: str | Path, *, encoding: str | None = None, use_cache: bool = True) -> Opened:
    loaded = load_path(path, encoding)
    from tui_reader.analysis import analyse_structure

    doc = analyse_structure(loaded.text, loaded.source, loaded.heading_hints)
    return Opened(doc=doc, loaded=loaded, complete=False)


def finish_analysis(opened: Opened, progress=None) -> Document:
    """The full model for an ``Opened`` that is not complete (runs the NLP; may take seconds)."""
    if opened.complete:
        return opened.doc
    from tui_reader.analysis import analyse

    loaded = opened.loaded
    return analyse(loaded.text, loaded.source, loaded.heading_hints, progress=progress)


def open_document(path: str | Path, *, encoding: str | None = None, use_cache: bool = True) -> Document:
    opened = open_for_reading(path, encoding=encoding, use_cache=use_cache)
    return finish_analysis(opened)
