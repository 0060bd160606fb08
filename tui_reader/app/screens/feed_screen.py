"""A feed's items to choose from: title, date, source and summary, newest first,
unread ones marked.  Enter fetches the item and hands it to the reader; ``r``
fetches the feed again; ``u`` marks an item read or unread.

The list is an app of its own (``FeedApp``): choosing an item exits it with the
opened article, the reader runs, and when the reader quits the list comes back
(``app.run_feed``).  That keeps the reader app as it is.  A fetch that fails is a
notification; the list stays as it was.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from tui_reader.app.widgets.title_bar import TitleBar
from tui_reader.i18n import _
from tui_reader.reading.errors import error_line
from tui_reader.reading.sanitize import one_line
from tui_reader.store.config import load_config
from tui_reader.web.feeds import Feed, Item
from tui_reader.web.read_state import ReadItems

if TYPE_CHECKING:
    from tui_reader.pipeline import Opened

SUMMARY_SHOWN = 220


class ItemList(OptionList):
    """The items; Enter (OptionList's "select") is named in the footer."""

    BINDINGS = [Binding("enter", "select", _("Open"), id="feed.open")]


@dataclass
class Chosen:
    index: int  # which item, to come back to it
    opened: Opened


class FeedApp(App[Chosen]):
    TITLE = "summit-reader"
    CSS = """
    #items { height: 1fr; border: none; }
    #items > .option-list--option { padding: 0 1; }
    """
    BINDINGS = [
        Binding("r,к", "refresh", _("Refresh"), id="feed.refresh"),
        Binding("u,г", "toggle_read", _("Read/unread"), id="feed.toggle-read"),
        Binding("j,о", "cursor(1)", _("Down"), show=False, id="feed.down"),
        Binding("k,л", "cursor(-1)", _("Up"), show=False, id="feed.up"),
        Binding("q,й,escape", "quit", _("Quit"), id="feed.quit"),
    ]

    def __init__(self, feed: Feed, *, open_item: Callable[[Item], Opened], reload: Callable[[], Feed] | None = None,
                 highlighted: int = 0, read: ReadItems | None = None, notes: list[str] | None = None) -> None:
        super().__init__()
        self.feed = feed
        self.open_item = open_item
        self.reload = reload
        self.read = read or ReadItems()
        self.start_at = highlighted
        self.notes = list(notes if notes is not None else feed.notes)
        self.busy = False

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield ItemList(id="items")
        yield Footer(show_command_palette=False)

    @property
    def items_list(self) -> OptionList:
        return self.query_one("#items", OptionList)

    def on_mount(self) -> None:
        config = load_config()
        if config.theme and config.theme in self.available_themes:
            self.theme = config.theme
        self._fill(self.start_at)
        self.items_list.focus()
        for note in self.notes:
            self.notify(note, severity="warning", markup=False, timeout=6)
        if not self.feed.items:
            self.notify(_("This feed has no items."), timeout=4)

    # --- drawing --------------------------------------------------------------------

    def _fill(self, highlighted: int | None = None) -> None:
        items = self.items_list
        keep = items.highlighted if highlighted is None else highlighted
        items.clear_options()
        items.add_options(Option(self._prompt(item), id=str(i)) for i, item in enumerate(self.feed.items))
        if self.feed.items:
            items.highlighted = min(max(keep or 0, 0), len(self.feed.items) - 1)
        self._set_titles()

    def _set_titles(self) -> None:
        unread = self.read.unread(self.feed.items)
        self.title = one_line(self.feed.title, 120) or "summit-reader"
        self.sub_title = one_line(_("{url} · {unread} unread of {total}").format(
            url=self.feed.url, unread=unread, total=len(self.feed.items)), 300)
        for bar in self.query(TitleBar):
            bar.refresh()

    def _prompt(self, item: Item) -> Text:
        unread = not self.read.is_read(item.key)
        line = Text()
        line.append("● " if unread else "  ", style="bold cyan")
        line.append(one_line(item.title, 300), style="bold" if unread else "")
        meta = [item.date.astimezone().strftime("%Y-%m-%d %H:%M") if item.date else "", one_line(item.source, 80)]
        line.append("\n  " + " · ".join(m for m in meta if m), style="dim")
        if item.summary:
            line.append("\n  " + one_line(item.summary, SUMMARY_SHOWN), style="italic")
        return line

    def _refresh_item(self, index: int) -> None:
        self.items_list.replace_option_prompt_at_index(index, self._prompt(self.feed.items[index]))
        self._set_titles()

    # --- actions --------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        if step > 0:
            self.items_list.action_cursor_down()
        else:
            self.items_list.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def _open(self, index: int) -> None:
        if self.busy:
            return
        item = self.feed.items[index]
        if not item.link:
            self.notify(_("This item has no link to open."), severity="warning", timeout=4)
            return
        self.busy = True
        self.notify(_("Fetching {url}…").format(url=one_line(item.link, 200)), markup=False, timeout=3)
        self._fetch_item(index, item)

    @work(thread=True, exclusive=True, group="fetch")
    def _fetch_item(self, index: int, item: Item) -> None:
        try:
            opened = self.open_item(item)
        except Exception as e:  # noqa: BLE001 - any failure is one line; the list stays usable
            self.call_from_thread(self._failed, error_line(e))
            return
        self.call_from_thread(self._chosen, index, item, opened)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.notify(one_line(message, 300), severity="error", markup=False, timeout=8)

    def _chosen(self, index: int, item: Item, opened: Opened) -> None:
        self.busy = False
        problem = self.read.mark(item.key)
        if problem:
            self.notify(problem, severity="warning", markup=False)
        self.exit(Chosen(index, opened))

    def action_toggle_read(self) -> None:
        index = self.items_list.highlighted
        if index is None:
            return
        key = self.feed.items[index].key
        problem = self.read.mark(key, read=not self.read.is_read(key))
        if problem:
            self.notify(problem, severity="warning", markup=False)
        self._refresh_item(index)

    def action_refresh(self) -> None:
        if self.reload is None or self.busy:
            return
        self.busy = True
        self.notify(_("Refreshing the feed…"), timeout=2)
        self._reload()

    @work(thread=True, exclusive=True, group="fetch")
    def _reload(self) -> None:
        assert self.reload is not None  # action_refresh starts this only with a reload
        try:
            feed = self.reload()
        except Exception as e:  # noqa: BLE001
            self.call_from_thread(self._failed, error_line(e))
            return
        self.call_from_thread(self._reloaded, feed)

    def _reloaded(self, feed: Feed) -> None:
        self.busy = False
        key = None
        if self.items_list.highlighted is not None and self.feed.items:
            key = self.feed.items[self.items_list.highlighted].key
        self.feed = feed
        keys = [item.key for item in feed.items]
        self._fill(keys.index(key) if key in keys else 0)
        for note in feed.notes:
            self.notify(note, severity="warning", markup=False, timeout=6)
        self.notify(_("{n} items, {unread} unread").format(n=len(feed.items), unread=self.read.unread(feed.items)),
                    timeout=3)
