"""The reader, opened from the library: at a statement (its speaker's statements marked)
or at a search hit (the hits lit); q — or Esc when there is nothing left to clear —
goes back to the library."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui_reader.app.library.session import OpenRequest
from tui_reader.app.reader_app import ReaderApp
from tui_reader.library.queries import ArticleRow
from tui_reader.model import Document

if TYPE_CHECKING:
    from tui_reader.pipeline import Opened


def opened_article(row: ArticleRow) -> Opened | None:
    """The article as the reader opens it: from its file (usually a cache hit), else from the
    model cache alone (the file moved away); None if neither is there."""
    from tui_reader.load import Loaded, LoadError
    from tui_reader.pipeline import Opened, cached_model, open_for_reading

    if row.path:
        try:
            opened = open_for_reading(row.path)
            if opened.doc.source.sha256 == row.sha256:
                return opened
        except LoadError:
            pass
    entry = cached_model(row.cache_key)
    if entry is None:
        return None
    doc = entry.doc
    loaded = Loaded(text=doc.text, source=doc.source, heading_hints=None, notes=[])
    return Opened(doc=doc, loaded=loaded, complete=True, cache_key=row.cache_key)


class LibraryReaderApp(ReaderApp):
    def __init__(self, doc: Document, *, target: OpenRequest, **kwargs: Any) -> None:
        super().__init__(doc, **kwargs)
        self.target = target

    def restore_place(self) -> None:
        """Go where the library sent us, instead of the place kept from the last reading."""
        t = self.target
        if t.offset is None:
            super().restore_place()
            return
        if t.speaker_id and self.doc.speaker(t.speaker_id) is not None:
            self.choose_speaker(t.speaker_id, at=t.offset)
        if t.query:
            self.run_worker(self.open_search(t.query, t.mode, t.offset), exclusive=False)
        self.show_offset(t.offset, t.end)

    def nothing_to_clear(self) -> None:
        self.exit()  # Esc with nothing to clear: back to the library
