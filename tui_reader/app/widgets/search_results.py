"""The search pane's parts: the list of hits with their context, the completing
suggester of its input, and the clickable chips of its status line."""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.suggester import Suggester
from textual.widgets import Input, Static

from tui_reader.app.widgets.vim_keys import list_keys
from tui_reader.model import Document
from tui_reader.morph import fold
from tui_reader.reading.hits import HitLike, context_bounds, context_rows, section_title
from tui_reader.reading.sanitize import one_line

if TYPE_CHECKING:
    from tui_reader.app.widgets.search_pane import SearchPane


def _completer() -> Callable[[Document, str], str | None]:
    """``complete(doc, value)``: the input with its last word completed."""
    from tui_reader.search.suggest import complete

    return complete


class DocumentSuggester(Suggester):
    """Completes the word being typed (the last one) from the document's words and names.

    Case-sensitive and uncached on purpose: the suggestion must start with exactly
    what was typed (we keep the reader's spelling and add only the missing tail, so
    completing "пут" does not turn the query into a capitalised, case-sensitive one),
    and a replaced document changes the answers.
    """

    def __init__(self, pane: SearchPane) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._pane = pane

    async def get_suggestion(self, value: str) -> str | None:
        doc = self._pane.doc
        if doc is None or self._pane.mode == "regex":
            return None
        if not value or not value[-1].isalnum():
            return None
        await self._pane.results_shown.wait()  # the hits first (see SearchPane._hold_frame)
        try:
            full = await asyncio.to_thread(_completer(), doc, value)
        except Exception:  # noqa: BLE001 - a suggestion is a nicety: never let it disturb typing
            return None
        if not full or len(full) <= len(value) or fold(full[:len(value)]) != fold(value):
            return None
        return value + full[len(value):]


class SearchInput(Input):
    """The search's input.  Its virtual width is at least its box's: Textual's
    ``Input`` sets it to the text's width at every change, so each letter typed laid
    out the whole screen (~3 ms of a keystroke, measured); it needs to grow only when
    the text is longer than the box, to scroll."""

    @property
    def content_width(self) -> int:
        return max(super().content_width, self.scrollable_content_region.width - 1)


class Chip(Static):
    """A one-line clickable status chip (mode, filter)."""

    DEFAULT_CSS = """
    Chip { width: auto; padding: 0 1; color: $text-muted; }
    Chip:hover { background: $boost; }
    Chip.-on { color: $text-accent; text-style: bold; }
    """


class HitList(ScrollView, can_focus=True):
    """The hits, three lines each (its section; the words around it, the hit marked),
    drawn only where the list is scrolled to.

    A common word in a novel has thousands of hits and each keystroke brings a new
    set.  The ``OptionList`` this replaces laid out every option it was given (so it
    listed 40 and grew on demand) and drew each visible one through ``Content``
    wrapping: ~5 ms of every keystroke on the novel.  Here a set of hits costs nothing
    until drawn, and a line is a few segments (``context_rows`` lays the context out)."""

    ITEM = 3  # lines per hit

    BINDINGS = [
        *list_keys("first", "last"),  # the lists' vim keys, as everywhere in the reader
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Go to the hit", show=False),
    ]
    COMPONENT_CLASSES = {"hit-list--section", "hit-list--hit", "hit-list--cursor"}
    # No scroll bar (the count says where the cursor is, "k/N"): drawing it was a
    # fifth of a keystroke's frame (~1 ms, measured), and one that came and went
    # with the number of hits laid the screen out again.  The wheel still scrolls.
    DEFAULT_CSS = """
    HitList { background: $surface; color: $foreground; overflow-x: hidden; overflow-y: hidden; }
    HitList:focus { background-tint: $foreground 5%; }
    HitList > .hit-list--section { color: $text-muted; text-style: italic; }
    HitList > .hit-list--hit { text-style: bold reverse; }
    HitList > .hit-list--cursor {
        color: $block-cursor-blurred-foreground; background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    HitList:focus > .hit-list--cursor {
        color: $block-cursor-foreground; background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    highlighted: reactive[int | None] = reactive(None, init=False)

    class _AboutHit(Message):
        def __init__(self, hit_list: HitList, index: int) -> None:
            super().__init__()
            self.hit_list = hit_list
            self.index = index

        @property
        def control(self) -> HitList:  # what ``@on(..., "#id")`` matches
            return self.hit_list

    # Siblings, not one the other's subclass: a handler of a message class also gets
    # its subclasses' messages.
    class Highlighted(_AboutHit):
        """The cursor moved to hit ``index``."""

    class Selected(_AboutHit):
        """Enter or a click chose hit ``index``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc: Document | None = None
        self.hits: Sequence[HitLike] = []
        self._section_starts: list[int] = []
        self._rows: dict[tuple[int, bool], list[Strip]] = {}  # (hit, under the cursor) → its lines
        self._styles: dict[str, Style] = {}

    @property
    def allow_vertical_scroll(self) -> bool:
        """The wheel scrolls the list, though it shows no scroll bar."""
        return self.max_scroll_y > 0

    # --- what the pane calls ---------------------------------------------------------

    def show(self, doc: Document | None, hits: Sequence[HitLike], current: int | None) -> None:
        """A new set of hits, the cursor on ``current``."""
        if doc is not self.doc:
            self.doc = doc
            self._section_starts = [s.start for s in doc.sections] if doc is not None else []
        self.hits = hits
        self._rows.clear()
        self._set_height(self.ITEM * len(hits))
        self.set_reactive(HitList.highlighted, current)  # the pane knows: no Highlighted back
        self.scroll_to(y=0, animate=False, immediate=True)
        if current is not None:
            self._bring_into_view(current)
        self.refresh()

    def follow(self, index: int) -> None:
        """Put the cursor on hit ``index`` (n/N moved there) and scroll it into view."""
        if 0 <= index < len(self.hits) and self.highlighted != index:
            self.set_reactive(HitList.highlighted, index)
            self._bring_into_view(index)
            self.refresh()

    @property
    def hit_count(self) -> int:
        return len(self.hits)

    def prompt_text(self, index: int) -> str:
        """Hit ``index`` as its lines say it, uncut: the section, then the words around it."""
        section, (left, hit, right) = self._parts(self.hits[index])
        return f"{section}\n{left}{hit}{right}"

    def section_title(self, offset: int) -> str:
        return section_title(self.doc, self._section_starts, offset) if self.doc is not None else ""

    # --- moving ----------------------------------------------------------------------

    def watch_highlighted(self, index: int | None) -> None:
        if index is not None:
            self._bring_into_view(index)
            self.post_message(self.Highlighted(self, index))
        self.refresh()

    def _move_to(self, index: int) -> None:
        if self.hits:
            self.highlighted = max(0, min(len(self.hits) - 1, index))

    def action_cursor_down(self) -> None:
        self._move_to(0 if self.highlighted is None else self.highlighted + 1)

    def action_cursor_up(self) -> None:
        self._move_to((self.highlighted or 0) - 1)

    def _page(self, direction: int) -> None:
        per_page = max(1, self.scrollable_content_region.height // self.ITEM)
        self._move_to((self.highlighted or 0) + direction * per_page)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.hits) - 1)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: Click) -> None:
        index = (int(self.scroll_y) + event.y) // self.ITEM
        if 0 <= index < len(self.hits):
            event.stop()
            self.highlighted = index
            self.post_message(self.Selected(self, index))

    def _bring_into_view(self, index: int) -> None:
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        first, last = index * self.ITEM, index * self.ITEM + self.ITEM - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif height and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    # --- drawing ---------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._rows.clear()

    def on_resize(self, event: Resize) -> None:
        self._rows.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self.ITEM * len(self.hits))

    def _set_height(self, height: int) -> None:
        """The list's new length, without laying out the screen: setting ``virtual_size``
        lays out every widget (~4 ms a keystroke, measured), though only the scroll
        bar changes, and the screen's layout only if the bar appears or goes (which
        ``_scroll_update`` asks for: Textual's own path when a size is updated without
        a layout, ``Widget._size_updated``)."""
        size = Size(self.scrollable_content_region.width, height)
        update = getattr(self, "_scroll_update", None)
        if update is None or not self.is_mounted:  # another Textual: the public way
            self.virtual_size = size
            return
        self.set_reactive(HitList.virtual_size, size)
        update(size)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.rich_style if not name else self.get_component_rich_style(f"hit-list--{name}", partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, row = divmod(int(self.scroll_y) + y, self.ITEM)
        if index >= len(self.hits):
            return Strip.blank(width, self._style(""))
        cursor = index == self.highlighted
        rows = self._rows.get((index, cursor))
        if rows is None:
            if len(self._rows) > 600:
                self._rows.clear()
            rows = self._rows[(index, cursor)] = self._item_lines(index, cursor, width)
        return rows[row]

    def _parts(self, hit: HitLike) -> tuple[str, tuple[str, str, str]]:
        doc = self.doc
        assert doc is not None
        text = doc.text
        lo, hi, cut_left, cut_right = context_bounds(doc, hit)
        section = f"§ {one_line(self.section_title(hit.start) or '(lead)')}"
        left = ("…" if cut_left else "") + one_line(text[lo:hit.start], keep_edges=True).lstrip()
        right = one_line(text[hit.end:hi], keep_edges=True).rstrip() + ("…" if cut_right else "")
        return section, (left, one_line(text[hit.start:hit.end], keep_edges=True), right)

    def _item_lines(self, index: int, cursor: bool, width: int) -> list[Strip]:
        base = self._style("") + self._style("cursor") if cursor else self._style("")
        section, (left, hit, right) = self._parts(self.hits[index])
        lines = [Strip([Segment(" " + section, base + self._style("section"))])]
        marked = base + self._style("hit")
        for pieces in context_rows(left, hit, right, width - 3, self.ITEM - 1):
            lines.append(Strip([Segment("   ", base), *(Segment(text, marked if is_hit else base)
                                                        for text, is_hit in pieces)]))
        return [line.crop_extend(0, width, base) for line in lines]
