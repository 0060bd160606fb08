"""The reader for a page from the web: the URL (and byline) in the title bar, ``o``
copies the URL, and what the fetch had to say (a stale copy, a page cut at the
cap) as notifications.  Everything else is the file reader's."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from tui_reader.app.reader_app import ReaderApp
from tui_reader.i18n import _
from tui_reader.model import Source

if TYPE_CHECKING:
    from tui_reader.pipeline import Opened
from tui_reader.reading.sanitize import one_line


def source_label(source: Source) -> str:
    """"URL · date · author", as much of it as the page gave."""
    parts = [source.url or source.path or ""]
    parts += [p for p in (source.date, source.author) if p]
    return one_line(" · ".join(parts), 300)


class WebReaderApp(ReaderApp):
    BINDINGS = [Binding("o,щ", "copy_url", _("Copy URL"), show=False, id="web.copy-url"),
                Binding("a,ф", "add_to_library", _("Add to library"), show=False, id="web.add-to-library")]

    def __init__(self, opened: Opened, **kwargs: Any) -> None:
        super().__init__(opened.doc, opened=opened, complete=opened.complete,
                         source_label=source_label(opened.doc.source), **kwargs)
        # what the fetch had to say is in opened.loaded.notes: ReaderApp says those on opening
        self.url = opened.doc.source.url or opened.doc.source.path or ""

    def help_keys(self) -> list[tuple[str, str]]:
        from tui_reader.app.screens.help_screen import keys

        base = keys()
        at = next((i for i, (key, _what) in enumerate(base) if key.startswith("y")), len(base)) + 1
        return [*base[:at], ("o", _("copy the page's URL")), ("a", _("add the page to the library")), *base[at:]]

    def action_add_to_library(self) -> None:
        self.run_worker(self._add_to_library, thread=True, exclusive=True, group="library")

    def _add_to_library(self) -> None:
        """The page as fetched (from the page cache: no second download) into the library."""
        from tui_reader.library import db
        from tui_reader.library.adding import Skipped, add_bytes
        from tui_reader.web.article import fetch_article
        from tui_reader.web.fetch import FetchError

        try:
            page = fetch_article(self.url, offline=True)
            conn = db.connect()
            try:
                added = add_bytes(conn, page.content, page.final_url)
            finally:
                conn.close()
        except (FetchError, Skipped, db.LibraryError, OSError) as e:
            message, severity = _("Not added to the library: {error}").format(error=one_line(str(e), 200)), "error"
        else:
            message = _("Added to the library") if added is not None else _("Already in the library")
            severity = "information"
        self.call_from_thread(self.notify, message, markup=False, severity=severity, timeout=4)

    def action_copy_url(self) -> None:
        self.copy_to_clipboard(self.url)
        self.notify(_("Copied: {url}").format(url=one_line(self.url, 200)), markup=False, timeout=3)


class FeedItemReaderApp(WebReaderApp):
    """An item opened from a feed's list: ``q`` goes back to the list (``app.run_feed``)."""

    BINDINGS = [Binding("q,й", "quit", _("Back to the feed"), id="reader.quit")]
