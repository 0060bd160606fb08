"""The one way from a path to a document model: load → (cache) → analyse → (cache).

The CLI and the app both come through here, so a document is analysed the same
way whichever door it came in by.

* ``open_document`` — the full model (from the cache, or analysed and cached): the CLI.
* ``open_for_reading`` — whatever can be shown *now*: the cached full model, or a
  structure-only model that ``finish_analysis`` later completes (the app runs that
  in a background worker) and stores in the cache.

A cache hit costs reading the file, hashing it and decoding the stored model: no
text decoding, no analysis and no import of razdel, natasha or pymorphy3.
"""
from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from tui_reader.load import MAX_BYTES, Loaded, load_bytes, load_path
from tui_reader.model import Document
from tui_reader.store import cache


# Above this many characters the NLP models are let go before the index is built, so a
# text near the 20 MB limit is analysed within ~500 MB (measured: 455 MB at the peak).
FREE_MODELS_ABOVE = 1_000_000


@dataclass
class Opened:
    doc: Document
    loaded: Loaded
    complete: bool  # False: structure only, call finish_analysis
    cache_key: str | None = None  # where finish_analysis stores the full model; None: nowhere
    stored: bool = False  # set by finish_analysis once the full model is in the cache


def open_for_reading(path: str | Path, *, encoding: str | None = None, use_cache: bool = True) -> Opened:
    data = _read_regular_file(path)
    suffix = "" if str(path) == "-" else Path(path).suffix
    if use_cache and data is not None:
        # The fast way: hash the bytes and look up the model before decoding anything.
        key = cache.cache_key(hashlib.sha256(data).hexdigest(), encoding=encoding, suffix=suffix)
        hit = _from_cache(key, str(Path(path)))
        if hit is not None:
            return hit
    loaded = load_path(path, encoding) if data is None else load_bytes(data, str(Path(path)), encoding)
    key = None
    if use_cache:
        # Keyed on the bytes actually decoded (standard input is cached too).
        key = cache.cache_key(loaded.source.sha256 or "", encoding=encoding, suffix=suffix)
        if data is None:
            hit = _from_cache(key, loaded.source.path)
            if hit is not None:
                return hit
    from tui_reader.analysis import analyse_structure

    doc = analyse_structure(loaded.text, loaded.source, loaded.heading_hints)
    return Opened(doc=doc, loaded=loaded, complete=False, cache_key=key)


def finish_analysis(opened: Opened, progress=None, *, keep_models: bool = True) -> Document:
    """The full model for an ``Opened`` that is not complete (runs the NLP; may take
    seconds), stored in the cache unless the document was opened without it.
    ``keep_models=False``: a process analysing just this document frees natasha's
    models as soon as they have served (see ``analysis.enrich``)."""
    if opened.complete:
        return opened.doc
    loaded = opened.loaded
    if len(loaded.text) > FREE_MODELS_ABOVE:
        # A big text's index and topics need the memory the models hold: free them once
        # the speakers are found (a later document loads them again; a big one is rare).
        keep_models = False
    from tui_reader.analysis.nlp import MAX_MODEL_TOKENS, inputs_cut

    cut_before = inputs_cut()
    if opened.doc.analysis.level == "structure":
        from tui_reader.analysis import enrich

        # Enrich a copy that shares the structure: the structure pass is not run (and
        # held) twice — on the novel that is seconds and ~15 MB — and the reader may be
        # showing ``opened.doc`` meanwhile, so nothing of it changes under its feet.
        structure = opened.doc
        doc = enrich(replace(structure, speakers=[], statements=[], quotes=[], numbers=[], entities=[],
                             topics=[], index=None), progress=progress, keep_models=keep_models)
    else:
        from tui_reader.analysis import analyse

        doc = analyse(loaded.text, loaded.source, loaded.heading_hints, progress=progress)
    cut = inputs_cut() - cut_before
    if cut > 0:
        from tui_reader.i18n import ngettext

        doc.analysis.notes.append(ngettext(
            "{n} sentence longer than {limit} words was analysed in pieces (its speakers may be missed).",
            "{n} sentences longer than {limit} words were analysed in pieces (their speakers may be missed).",
            cut).format(n=cut, limit=MAX_MODEL_TOKENS))
    # What the loader had to say (text it could not read as it should) travels with the
    # model, so the export and the digest say it too.
    doc.analysis.notes = [*(n for n in loaded.notes if n not in doc.analysis.notes), *doc.analysis.notes]
    if opened.cache_key:
        opened.stored = cache.save(opened.cache_key, doc, {"heading_hints": loaded.heading_hints,
                                                            "notes": loaded.notes})
    return doc


def stored_model(opened: Opened) -> Document | None:
    """The full model that ``finish_analysis`` stored for ``opened`` (another process
    may have run it), or None.  Reading it back is far cheaper than passing it over."""
    if not (opened.cache_key and opened.stored):
        return None
    hit = _from_cache(opened.cache_key, opened.loaded.source.path)
    return hit.doc if hit is not None else None


def open_document(path: str | Path, *, encoding: str | None = None, use_cache: bool = True) -> Document:
    opened = open_for_reading(path, encoding=encoding, use_cache=use_cache)
    return finish_analysis(opened)


def _read_regular_file(path: str | Path) -> bytes | None:
    """The bytes of a plain readable file within the size limit; None for anything
    else (standard input, errors, …), which ``load_path`` then reads or reports."""
    if str(path) == "-":
        return None
    try:
        p = Path(path)
        info = p.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        data = p.read_bytes()
    except OSError:
        return None
    return data if len(data) <= MAX_BYTES else None


def _from_cache(key: str, path_now: str | None) -> Opened | None:
    entry = cache.load(key)
    if entry is None:
        return None
    doc = entry.doc
    doc.source.path = path_now  # the same bytes may have moved since they were cached
    hints = entry.extra.get("heading_hints")
    loaded = Loaded(text=doc.text, source=doc.source,
                    heading_hints=[tuple(h) for h in hints] if hints is not None else None,
                    notes=list(entry.extra.get("notes") or []))
    return Opened(doc=doc, loaded=loaded, complete=True, cache_key=key)
