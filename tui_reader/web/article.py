"""A web page for reading: fetched through the page cache, its encoding, format and byline.

``fetch_article(url)`` is the one call that gets a page's bytes (the reader, the
CLI commands and, later, ``library add URL`` all use it):

    page = fetch_article(url)                # FetchError: one line for the user
    page.content, page.final_url, page.headers

With a cached copy it asks the server whether the page changed (ETag /
Last-Modified) and reuses the copy on a 304, or when the new page holds the same
article text (dynamic pages differ from fetch to fetch around the article);
``offline`` never asks; a site that cannot be reached (not one that answers with
an error) falls back to the copy with a note.
"""
from __future__ import annotations

import time

from tui_reader.i18n import _
from tui_reader.web import page_cache
from tui_reader.web.fetch import Fetched, FetchError, fetch

# Content types → the suffix that tells the loader (and the model cache key) the format.
FORMAT_SUFFIX = {
    "text/html": ".html", "application/xhtml+xml": ".html",
    "text/plain": ".txt", "text/markdown": ".md", "text/x-markdown": ".md",
}


def fetch_article(url: str, *, offline: bool = False, use_cache: bool = True,
                  timeout: float | None = None) -> Fetched:
    """The page at ``url`` (see the module's docstring).  ``notes`` on the result
    say what the reader should know (a stale copy, a page cut at the cap)."""
    cached = page_cache.load(url) if use_cache else None
    if offline:
        if cached is None:
            raise FetchError(_("{url}: not in the cache (offline)").format(url=url))
        return _noted(cached)
    try:
        page = fetch(url, timeout=timeout, headers=page_cache.validators(cached))
    except FetchError as e:
        if cached is None or getattr(e, "status", None):
            raise
        cached.notes.append(_("Could not reach the site ({error}); showing the copy from {when}.").format(
            error=str(e).removeprefix(f"{url}: "), when=_when(page_cache.fetched_at(url))))
        return _noted(cached)
    if page.status == 304 and cached is not None:
        page_cache.save(url, cached)  # fresh again: pruned last
        return _noted(cached)
    if cached is not None and page.content != cached.content and _same_article(cached, page):
        # Only the page around the article changed (a counter, an ad, a token): keep the
        # bytes whose model is cached, so the article reopens at once and where it was left.
        page = Fetched(cached.content, page.final_url, {**cached.headers, **page.headers}, page.status,
                       cached.truncated, from_cache=True, url=url)
    if use_cache:
        page_cache.save(url, page)
    return _noted(page)


def _same_article(old: Fetched, new: Fetched) -> bool:
    """Whether two versions of an HTML page hold the same article text."""
    if format_suffix(old) != ".html" or format_suffix(new) != ".html" or new.truncated:
        return False
    from tui_reader.load import load_bytes
    from tui_reader.web.charset import encoding_for

    def text(page: Fetched) -> str:
        return load_bytes(page.content, page.final_url, encoding_for(page.content, page.charset), suffix=".html").text

    try:
        return text(old) == text(new)
    except Exception:  # noqa: BLE001 - undecidable: take the new page
        return False


def _noted(page: Fetched) -> Fetched:
    if page.truncated:
        note = _("Only the first 10 MB of this page were read.")
        if note not in page.notes:
            page.notes.append(note)
    return page


def _when(stamp: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else "?"


def format_suffix(page: Fetched) -> str:
    """".html", ".txt", ".md" by the Content-Type; "" lets the loader sniff."""
    return FORMAT_SUFFIX.get(page.content_type, "")


def byline(html: str) -> tuple[str | None, str | None]:
    """The page's (author, date) as its metadata says, or None for each."""
    try:
        from trafilatura import extract_metadata

        meta = extract_metadata(html)
    except Exception:  # noqa: BLE001 - a byline is a nicety; a page that defeats it still opens
        return None, None
    if meta is None:
        return None, None
    return (meta.author or None), (meta.date or None)
