"""The search pane's parts: the list of hits with their context, the completing
suggester of its input, and the clickable chips of its status line."""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui_reader.app.widgets.vim_keys import VimOptionList
from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.morph import fold
from tui_reader.reading.hits import HitLike, context_bounds, section_title
from tui_reader.reading.sanitize import one_line

if TYPE_CHECKING:
    from tui_reader.app.widgets.search_pane import SearchPane

# The list is filled in steps: a first screenful at once, more as the cursor reaches
# its end (or on a click on "… more").  Laying out an option costs ~0.2 ms, so listing
# every hit of a common word in a novel would take far more than a frame per keystroke;
# n/N visit every hit anyway and the count always gives the full number.
FIRST_LISTED = 40
MORE_LISTED = 100


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
        try:
            full = await asyncio.to_thread(_completer(), doc, value)
        except Exception:  # noqa: BLE001 - a suggestion is a nicety: never let it disturb typing
            return None
        if not full or len(full) <= len(value) or fold(full[:len(value)]) != fold(value):
            return None
        return value + full[len(value):]


class Chip(Static):
    """A one-line clickable status chip (mode, filter)."""

    DEFAULT_CSS = """
    Chip { width: auto; padding: 0 1; color: $text-muted; }
    Chip:hover { background: $boost; }
    Chip.-on { color: $text-accent; text-style: bold; }
    """


class HitList(VimOptionList):
    """The hits, each with its section and the words around it, listed as far as
    they are needed (``list_more``): a common word in a novel has thousands."""

    def __init__(self, more: Chip, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.more = more  # the "… N more hits" chip below the list
        self.doc: Document | None = None
        self.hits: Sequence[HitLike] = []
        self.listed = 0  # how many hits the list shows (it grows on demand)
        self._section_starts: list[int] = []

    def show(self, doc: Document | None, hits: Sequence[HitLike], current: int | None) -> None:
        """List the first hits of a new result set (up to the current one, if near)."""
        if doc is not self.doc:
            self.doc = doc
            self._section_starts = [s.start for s in doc.sections] if doc is not None else []
        self.hits = hits
        self.clear_options()
        self.listed = 0
        wanted = FIRST_LISTED
        if current is not None and current < FIRST_LISTED + MORE_LISTED:
            wanted = max(wanted, current + 1)
        self.list_more(wanted - FIRST_LISTED if wanted > FIRST_LISTED else 0, first=True)
        if current is not None and current < self.listed:
            self.highlighted = current

    def list_more(self, count: int = MORE_LISTED, *, first: bool = False) -> None:
        """Add the next ``count`` hits to the list (the first call lists a screenful more)."""
        upto = min(len(self.hits), self.listed + count + (FIRST_LISTED if first else 0))
        if upto > self.listed:
            self.add_options(Option(self._prompt(self.hits[i]), id=str(i)) for i in range(self.listed, upto))
            self.listed = upto
        more = len(self.hits) - self.listed
        self.more.display = more > 0
        if more > 0:
            self.more.update("… " + _("{more} more hits: click, or move to the end of the list").format(more=more))

    def follow(self, index: int) -> None:
        """Highlight hit ``index`` (listing up to it, when it is not far past the end)."""
        if self.listed <= index < self.listed + MORE_LISTED:
            self.list_more(index + 1 - self.listed)
        if index < self.listed and self.highlighted != index:
            self.highlighted = index

    def section_title(self, offset: int) -> str:
        return section_title(self.doc, self._section_starts, offset) if self.doc is not None else ""

    def _prompt(self, hit: HitLike) -> Content:
        doc = self.doc
        assert doc is not None
        text = doc.text
        lo, hi, cut_left, cut_right = context_bounds(doc, hit)
        section = self.section_title(hit.start) or "(lead)"
        return Content.assemble(
            (f"§ {one_line(section)}", "dim italic"), "\n",
            "  …" if cut_left else "  ",
            one_line(text[lo:hit.start], keep_edges=True).lstrip(),
            (one_line(text[hit.start:hit.end], keep_edges=True), "bold reverse"),
            one_line(text[hit.end:hi], keep_edges=True).rstrip(),
            "…" if cut_right else "",
        )
