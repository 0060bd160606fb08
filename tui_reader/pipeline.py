"""The one way from a path or a web address to a document model: load → (cache) → analyse → (cache).

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

from tui_reader import __version__
from tui_reader.analysis import ANALYSER_VERSION, Progress
from tui_reader.i18n import _
from tui_reader.load import (
    LOADER_VERSION,
    MAX_BYTES,
    Loaded,
    LoadError,
    load_bytes,
    load_path,
    no_article_note,
)
from tui_reader.model import Document
from tui_reader.store import cache
from tui_reader.web.fetch import Fetched, is_url

__all__ = [
    "MODEL_VERSION",
    "Opened",
    "cached_model",
    "finish_analysis",
    "open_document",
    "open_for_reading",
    "open_page",
    "open_url_for_reading",
    "store_model",
    "stored_model",
]

# What made a cached model, written in its entry and checked on reading: the
# analysers' version (a fingerprint of their source), the loader's (it decides the
# text every offset points into) and the package version as a safety net.  A new
# analyser or loader thus never meets models cached before it.
MODEL_VERSION = f"{ANALYSER_VERSION}/{LOADER_VERSION}/{__version__}"

# A web page whose article, title aside, is fewer words than this is a menu, a
# login wall or an error page: nothing to read.  Where the extractor found no
# article at all and shows all the page's text, the bar is higher.
MIN_ARTICLE_WORDS = 15
MIN_WORDS_WITHOUT_ARTICLE = 60


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


def open_for_reading(path: str | Path, *, encoding: str | None = None, use_cache: bool = True,
                     offline: bool = False) -> Opened:
    """``path`` may be a web address (http/https): see ``open_url_for_reading``."""
    if isinstance(path, str) and is_url(path):
        return open_url_for_reading(path, encoding=encoding, use_cache=use_cache, offline=offline)
    data = _read_regular_file(path)
    suffix = "" if str(path) == "-" else Path(path).suffix
    return _open(data, str(Path(path)) if str(path) != "-" else "-", path, encoding, suffix, use_cache)


def open_url_for_reading(url: str, *, encoding: str | None = None, use_cache: bool = True,
                         offline: bool = False, timeout: float | None = None) -> Opened:
    """The web door: the page at ``url`` fetched through the URL cache
    (``web.article.fetch_article``), then the same load → model cache → analysis
    way as a file, keyed on the page's bytes, so an unchanged page reopens at once
    and where it was left.  ``FetchError`` when it cannot be fetched; ``LoadError``
    when it holds no article text."""
    from tui_reader.web.article import fetch_article

    page = fetch_article(url, offline=offline, use_cache=use_cache, timeout=timeout)
    return open_page(page, encoding=encoding, use_cache=use_cache)


def open_page(page: Fetched, *, encoding: str | None = None, use_cache: bool = True) -> Opened:
    """An ``Opened`` for a fetched page (``web.fetch.Fetched``)."""
    from tui_reader.web.article import byline, format_suffix
    from tui_reader.web.charset import encoding_for
    from tui_reader.web.feeds import is_feed

    if is_feed(page):
        raise LoadError(_("{url}: a news feed, not an article (summit-reader feed URL lists its items)").format(
            url=page.final_url))

    encoding = encoding or encoding_for(page.content, page.charset)
    suffix = format_suffix(page)
    opened = _open(page.content, page.final_url, page.final_url, encoding, suffix, use_cache)
    source = opened.doc.source
    if _no_article(opened):
        raise LoadError(_("{url}: no article text on this page").format(url=page.final_url))
    source.url = page.final_url
    if source.format == "html" and not opened.complete:  # a cached model has its byline already
        source.author, source.date = byline(page.content.decode(source.encoding or "utf-8", errors="replace"))
    opened.loaded.source = source
    opened.loaded.notes.extend(page.notes)
    return opened


def _no_article(opened: Opened) -> bool:
    words = len(opened.doc.text.split()) - len((opened.doc.title or "").split())
    if no_article_note() in opened.loaded.notes:
        return words < MIN_WORDS_WITHOUT_ARTICLE
    return words < MIN_ARTICLE_WORDS


def _open(data: bytes | None, name: str, path: str | Path, encoding: str | None, suffix: str, use_cache: bool) -> Opened:
    """Bytes already read (``data``), or ``path`` for the loader to read, → ``Opened``."""
    key: str | None = None
    if use_cache and data is not None:
        # The fast way: hash the bytes and look up the model before decoding anything.
        key = cache.cache_key(hashlib.sha256(data).hexdigest(), encoding=encoding, suffix=suffix)
        hit = _from_cache(key, name)
        if hit is not None:
            return hit
    loaded = load_path(path, encoding) if data is None else load_bytes(data, name, encoding, suffix=suffix)
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


def finish_analysis(opened: Opened, progress: Progress | None = None, *, keep_models: bool = True) -> Document:
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
    if loaded.code_spans:  # digits in a Markdown code block are code, not figures
        doc.numbers = [n for n in doc.numbers
                       if not any(start <= n.start < end for start, end in loaded.code_spans)]
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
        opened.stored = store_model(opened.cache_key, doc, loaded)
    return doc


def stored_model(opened: Opened) -> Document | None:
    """The full model that ``finish_analysis`` stored for ``opened`` (another process
    may have run it), or None.  Reading it back is far cheaper than passing it over."""
    if not (opened.cache_key and opened.stored):
        return None
    hit = _from_cache(opened.cache_key, opened.loaded.source.path)
    return hit.doc if hit is not None else None


def open_document(path: str | Path, *, encoding: str | None = None, use_cache: bool = True,
                  offline: bool = False) -> Document:
    opened = open_for_reading(path, encoding=encoding, use_cache=use_cache, offline=offline)
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


def cached_model(key: str) -> cache.Entry | None:
    """The model cache's entry for ``key`` if this analyser and loader made it, else None."""
    return cache.load(key, version=MODEL_VERSION)


def store_model(key: str, doc: Document, loaded: Loaded) -> bool:
    """Keep ``doc`` in the model cache under ``key``, with what reopening it needs of
    ``loaded``; False where the cache cannot be written."""
    extra = {"heading_hints": loaded.heading_hints, "notes": loaded.notes}
    return cache.save(key, doc, extra, version=MODEL_VERSION)


def _from_cache(key: str, path_now: str | None) -> Opened | None:
    entry = cached_model(key)
    if entry is None:
        return None
    doc = entry.doc
    doc.source.path = path_now  # the same bytes may have moved since they were cached
    hints = entry.extra.get("heading_hints")
    loaded = Loaded(text=doc.text, source=doc.source,
                    heading_hints=[tuple(h) for h in hints] if hints is not None else None,
                    notes=list(entry.extra.get("notes") or []))
    return Opened(doc=doc, loaded=loaded, complete=True, cache_key=key)
