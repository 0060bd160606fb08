"""The reader for a page from the web: the URL (and byline) in the title bar, ``o``
copies the URL, and what the fetch had to say (a stale copy, a page cut at the
cap) as notifications.  Everything else is the file reader's."""
from __future__ import annotations

from textual.binding import Binding

from tui_reader.app.reader_app import ReaderApp
from tui_reader.app.sanitize import one_line
from tui_reader.i18n import _


def source_label(source) -> str:
    """"URL · date · author", as much of it as the page gave."""
    parts = [source.url or source.path or ""]
    parts += [p for p in (source.date, source.author) if p]
    return one_line(" · ".join(parts), 300)


class WebReaderApp(ReaderApp):
    BINDINGS = [Binding("o,щ", "copy_url", _("Copy URL"), show=False, id="web.copy-url")]

    def __init__(self, opened, **kwargs) -> None:
        super().__init__(opened.doc, opened=opened, complete=opened.complete,
                         source_label=source_label(opened.doc.source), **kwargs)
        # what the fetch had to say is in opened.loaded.notes: ReaderApp says those on opening
        self.url = opened.doc.source.url or opened.doc.source.path or ""

    def help_keys(self) -> list[tuple[str, str]]:
        from tui_reader.app.help_screen import keys

        base = keys()
        at = next((i for i, (key, _what) in enumerate(base) if key.startswith("y")), len(base)) + 1
        return [*base[:at], ("o", _("copy the page's URL")), *base[at:]]

    def action_copy_url(self) -> None:
        self.copy_to_clipboard(self.url)
        self.notify(_("Copied: {url}").format(url=one_line(self.url, 200)), markup=False, timeout=3)


class FeedItemReaderApp(WebReaderApp):
    """An item opened from a feed's list: ``q`` goes back to the list (``app.run_feed``)."""

    BINDINGS = [Binding("q,й", "quit", _("Back to the feed"), id="reader.quit")]
