"""The search and topics panes beside the text ("#tools"): mounted on first use, one
shown at a time, the sidebar hidden while they would crowd a narrow terminal."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical

if TYPE_CHECKING:
    from tui_reader.app.reader_app import ReaderApp
    from tui_reader.app.widgets.search_pane import SearchPane
    from tui_reader.app.widgets.topic_pane import TopicPane

ROOM_FOR_THREE = 150  # below this, an open search/topics pane hides the sidebar


class ToolPanes:
    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        self.search: SearchPane | None = None  # None until first opened
        self.topics: TopicPane | None = None

    def shown(self) -> list[SearchPane | TopicPane]:
        return [p for p in (self.search, self.topics) if p is not None]

    async def open_search(self) -> SearchPane:
        """The search pane, mounted (hidden) on its first use, shown, the topics hidden."""
        if self.search is None:
            # imported when first opened: neither it nor its widgets are needed for the first frame
            from tui_reader.app.widgets.search_pane import SearchPane

            self.search = pane = SearchPane(self.app.doc, id="search")
            pane.display = False
            pane.only_hits = self.app.state.only_hits
            tools = self.app.query_one("#tools", Vertical)
            await tools.mount(pane, before=0 if tools.children else None)  # above topics
        self.show(self.search)
        return self.search

    async def open_topics(self) -> TopicPane:
        if self.topics is None:
            from tui_reader.app.widgets.topic_pane import TopicPane

            self.topics = pane = TopicPane(self.app.doc, id="topics")
            pane.display = False
            await self.app.query_one("#tools", Vertical).mount(pane)
        self.show(self.topics)
        return self.topics

    def show(self, pane: SearchPane | TopicPane) -> None:
        """Make room for ``pane`` (the pane shows itself when opened): the other one closes."""
        other = self.topics if pane is self.search else self.search
        if other is not None and other.display:
            other.close(notify=False)  # also takes its highlights away
        self.app.query_one("#tools").add_class("-shown")
        self.app.screen.set_class(self.app.size.width < ROOM_FOR_THREE, "-tools-crowded")

    def closed(self) -> None:
        """A pane closed itself: hide the column if neither is shown, back to the text."""
        if not any(p.display for p in self.shown()):
            self.app.query_one("#tools").remove_class("-shown")
            self.app.screen.remove_class("-tools-crowded")
        self.app.article.focus()
