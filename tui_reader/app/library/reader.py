"""The reader, opened from the library: at a statement (its speaker's statements marked)
or at a search hit (the hits lit); q — or Esc when there is nothing left to clear —
goes back to the library."""
from __future__ import annotations

from tui_reader.app.library.session import OpenRequest
from tui_reader.app.reader_app import ReaderApp
from tui_reader.app.widgets.sidebar import SpeakersList
from tui_reader.library.queries import ArticleRow


def opened_article(row: ArticleRow):
    """The article as the reader opens it: from its file (usually a cache hit), else from the
    model cache alone (the file moved away); None if neither is there."""
    from tui_reader.load import Loaded, LoadError
    from tui_reader.pipeline import Opened, open_for_reading
    from tui_reader.store import cache

    if row.path:
        try:
            opened = open_for_reading(row.path)
            if opened.doc.source.sha256 == row.sha256:
                return opened
        except LoadError:
            pass
    entry = cache.load(row.cache_key)
    if entry is None:
        return None
    doc = entry.doc
    loaded = Loaded(text=doc.text, source=doc.source, heading_hints=None, notes=[])
    return Opened(doc=doc, loaded=loaded, complete=True, cache_key=row.cache_key)


class LibraryReaderApp(ReaderApp):
    def __init__(self, doc, *, target: OpenRequest, **kwargs) -> None:
        super().__init__(doc, **kwargs)
        self.target = target

    def _restore_place(self) -> None:
        """Go where the library sent us, instead of the place kept from the last reading."""
        t = self.target
        if t.offset is None:
            super()._restore_place()
            return
        if t.speaker_id and self.doc.speaker(t.speaker_id) is not None:
            self.on_speakers_list_speaker_chosen(SpeakersList.SpeakerChosen(t.speaker_id))
            self.query_one(SpeakersList).set_chosen(t.speaker_id)
            starts = [s.start for s in self.article.highlights.statements_of(t.speaker_id)]
            if t.offset in starts:
                self.statement_index = starts.index(t.offset)
        if t.query:
            self.run_worker(self._show_search(t.query, t.mode, t.offset), exclusive=False)
        self.article.scroll_to_offset(t.offset, t.end)

    async def _show_search(self, query: str, mode: str, offset: int) -> None:
        pane = await self._mounted_pane("search")
        self._open_tool(pane, "topics")
        while pane.mode != mode:  # through the pane's own toggle, so its label follows
            pane.action_cycle_mode()
        with pane.input.prevent(pane.input.Changed):
            pane.input.value = query
        pane.open(offset)
        self.article.focus()  # n / N step through the hits, as after Enter in the pane

    def action_clear(self) -> None:
        search = self._pane("search")
        if (search is None or not search.display) and self.article.selected_speaker is None:
            self.exit()  # nothing to clear: back to the library
            return
        super().action_clear()
