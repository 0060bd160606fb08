"""The search pane: an input, a "k/N" count and a list of hits with their context.

The pane is a self-contained widget.  It never touches the article view: it posts
``SearchHighlights`` (every hit and the current one), ``OnlyHits`` (the filter
chip or ctrl+o) and ``JumpTo`` (Enter, click, n/N); the app keeps them in the
reader's state and draws it, the filter chip here included (``only_hits``).

The search itself (``tui_reader.search.query``) is imported on the first search, and
the morphology it loads is warmed up in a thread when the pane opens.  Hits stay lazy
(``HitSpans``): the pane reads the few it lists and passes the article a view of them.
"""
from __future__ import annotations

import asyncio
import gc
from bisect import bisect_left
from collections.abc import Sequence
from contextlib import AbstractContextManager, suppress
from types import ModuleType

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input, Label

from tui_reader.app.messages import JumpTo, OnlyHits, SearchHighlights
from tui_reader.app.widgets.search_results import Chip, DocumentSuggester, HitList, SearchInput
from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.reading.errors import error_line
from tui_reader.reading.hits import HitLike, HitSpans
from tui_reader.search.modes import MODES

__all__ = ["SearchPane"]

COUNT_WIDTH = 9  # the count's room ("1234/5678", min-width less padding): a wider one lays the pane out again
HOLD_FRAME_AT_MOST = 0.03  # seconds the screen waits for a query's results (see _hold_frame)


def _engine() -> ModuleType:
    """The search module, imported on the first search: it loads the morphology,
    which neither the first frame nor a reader who never searches needs."""
    from tui_reader.search import query

    return query


class SearchPane(Vertical):
    """Search the document as you type.

    The app mounts ``SearchPane(doc)``, calls ``open()`` on ``/``, Ctrl+F (and ``.``
    on a Russian layout) and, while ``active`` is true, maps n/N to ``next_hit()``
    and ``previous_hit()``.  Replace ``pane.doc`` when the full model arrives; the
    current query is run again on it.
    """

    DEFAULT_CSS = """
    SearchPane { height: 1fr; width: 1fr; }
    SearchPane > #search-input { margin: 0; }
    SearchPane > #search-status { height: 1; }
    /* the count first and whole; a chip that finds no room is cut at the right edge */
    SearchPane #search-count { width: auto; min-width: 11; padding: 0 1; }
    SearchPane #search-count.-error, SearchPane > #search-note.-error { color: $text-error; }
    SearchPane #search-count.-empty, SearchPane > #search-note.-empty { color: $text-warning; }
    /* "nothing found" or an error, on a line of its own: beside the chips it was cut
       to a few letters (on 80 columns the pane is ~38 wide) */
    SearchPane > #search-note { width: 100%; height: auto; padding: 0 1; display: none; }
    SearchPane > #search-note.-shown { display: block; }
    SearchPane > #search-results { height: 1fr; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close search"),
        Binding("ctrl+o", "toggle_filter", "Only hits"),
        Binding("ctrl+r", "cycle_mode", "Mode"),
        # In the input, up/down walk the hits (the list has its own up/down).
        Binding("down", "move(1)", "Next in list", show=False),
        Binding("up", "move(-1)", "Previous in list", show=False),
        # While the results list has focus n/N work here too (in the input they are letters).
        Binding("n,т", "next_hit", "Next hit", show=False),
        Binding("N,Т", "previous_hit", "Previous hit", show=False),
    ]

    # "only hits", as the reader's state has it: the app sets it, the chip shows it
    only_hits: reactive[bool] = reactive(False, init=False)

    class Closed(Message):
        """The pane closed itself (Esc): the app may give focus back to the article."""

    class Accepted(Message):
        """Enter/click chose a hit (``JumpTo`` was posted just before): the app may move
        focus to the article so that n/N reach ``next_hit``/``previous_hit``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, doc: Document | None = None, *, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._doc = doc
        self.mode: str = "lemma"
        self.hits: Sequence[HitLike] = []
        self._spans = HitSpans(self.hits)
        self.current: int | None = None
        self.error: str | None = None
        self._origin: int | None = None
        self._repeat = 0  # n/N after Esc: step this way once the results are in
        self._held: AbstractContextManager[None] | None = None  # the screen held for a result (_hold_frame)
        self._hold_timer: Timer | None = None
        # set while no frame is held: the suggester waits for it, so that completing the
        # word never competes with the search for the interpreter before the hits are shown
        self.results_shown = asyncio.Event()
        self.results_shown.set()

    # --- the document ---------------------------------------------------------------

    @property
    def doc(self) -> Document | None:
        return self._doc

    @doc.setter
    def doc(self, doc: Document | None) -> None:
        """A new model (e.g. the full analysis after the fast pass): search it again."""
        self._doc = doc
        if self.is_mounted and self.display:  # a closed pane keeps quiet until opened again
            self._start_search()

    def section_title(self, offset: int) -> str:
        return self.results.section_title(offset)

    # --- the widgets ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Kept as attributes, not queried: every keystroke updates several of them.
        self.input = SearchInput(placeholder=_("Search…"), suggester=DocumentSuggester(self), id="search-input")
        self.count = Label("", id="search-count")
        self.note = Label("", id="search-note")
        self.results = HitList(id="search-results")
        yield self.input
        with Horizontal(id="search-status"):
            yield self.count
            yield Chip(self._mode_text(), id="search-mode")
            yield Chip(self._filter_text(), id="search-filter")
        yield self.note
        yield self.results

    @property
    def count_text(self) -> str:
        """What the count says, with its note ("3/12", "0/0 · nothing found", "⚠ · an error")."""
        count = str(self.count.content)
        return f"{count} · {self.note.content}" if self.note.has_class("-shown") else count

    @property
    def active(self) -> bool:
        """Whether a search is showing: the app should route n/N here only then."""
        return self.display and bool(self.hits)

    def _mode_text(self) -> str:
        names = {"lemma": _("forms"), "exact": _("exact"), "regex": _("regex")}
        return f"{names.get(self.mode, self.mode)} ^r"

    def _filter_text(self) -> str:
        return ("✓ " if self.only_hits else "") + _("only hits") + " ^o"

    def on_mount(self) -> None:
        self.watch(self.input, "value", self._typed, init=False)

    def watch_only_hits(self, on: bool) -> None:
        chip = self.query_one("#search-filter", Chip)
        chip.update(self._filter_text())
        chip.set_class(on, "-on")

    # --- what the app calls -----------------------------------------------------------

    def open(self, origin: int | None = None) -> None:
        """Show the pane and focus the input.  ``origin`` (the reader's offset) makes the
        first hit after it the current one, as in a pager's search."""
        self._origin = origin
        self.display = True
        self.input.focus()
        if self.input.value:
            self._start_search()
        else:
            self._warm_up(self._doc)

    def set_query(self, query: str, mode: str) -> None:
        """Put ``query`` in the input and search in ``mode`` (searched when opened)."""
        self.mode = mode if mode in MODES else self.mode
        self.query_one("#search-mode", Chip).update(self._mode_text())
        with self.input.prevent(Input.Changed):
            self.input.value = query

    @property
    def last_query(self) -> str:
        return self.input.value.strip() if self.is_mounted else ""

    def repeat(self, direction: int, origin: int) -> None:
        """``n``/``N`` after Esc closed the search: search the last query again and go
        to the hit after (before) ``origin``, as less does; the focus stays in the text."""
        self._origin = origin + 1 if direction > 0 else origin
        self._repeat = direction
        self.display = True
        self._start_search()

    def close(self, *, notify: bool = True) -> None:
        """Hide the pane and clear the highlights (the query is kept for the next open).

        ``notify=False`` skips the ``Closed`` message, for an app that hides this pane
        to show another one and must not get focus handed back to the article.
        """
        self.workers.cancel_group(self, "search-pane")
        self._release_frame()
        self.display = False
        self.hits = []
        self._spans = HitSpans(self.hits)
        self.current = None
        self.post_message(SearchHighlights([], None))
        if notify:
            self.post_message(self.Closed())

    def next_hit(self) -> None:
        self._step(1)

    def previous_hit(self) -> None:
        self._step(-1)

    # --- actions ------------------------------------------------------------------

    def action_close(self) -> None:
        self.close()

    def action_next_hit(self) -> None:
        self.next_hit()

    def action_previous_hit(self) -> None:
        self.previous_hit()

    def action_toggle_filter(self) -> None:
        """Ask for the other filter: the app answers by setting ``only_hits``."""
        self.post_message(OnlyHits(not self.only_hits))

    def action_cycle_mode(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self.query_one("#search-mode", Chip).update(self._mode_text())
        self._start_search()

    def action_move(self, delta: int) -> None:
        """Up/down in the input: make the previous/next hit current (no jump yet)."""
        if self.hits:
            self._set_current(((self.current or 0) + delta) % len(self.hits))

    def on_click(self, event: Click) -> None:
        widget_id = event.widget.id if event.widget is not None else None
        if widget_id == "search-mode":
            self.action_cycle_mode()
        elif widget_id == "search-filter":
            self.action_toggle_filter()

    # --- searching ----------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._start_search()

    @on(Input.Submitted, "#search-input")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.hits:
            self._jump(self.current or 0)

    def _start_search(self) -> None:
        query = self.input.value
        if not query.strip():
            self.workers.cancel_group(self, "search-pane")
            self._show([], None)
            return
        self._search(query, self.mode, self._doc)

    def _typed(self, value: str) -> None:
        """The input changed (a watcher: called as the value changes, before the screen
        can draw the new letter)."""
        if value.strip() and self.display and self.input.has_focus:
            self._hold_frame()

    def _hold_frame(self) -> None:
        """Hold the screen until this query's results are shown, for at most
        ``HOLD_FRAME_AT_MOST``: the letter typed and its hits then reach the screen in one
        frame.  Else the letter's own frame went first and Textual's frame timer put
        the next one, with the hits, 1–2 frame periods later (~30 ms at 60 fps,
        measured), though the search takes ~2 ms.  The limit keeps typing visible
        whatever the search costs (a first search on the novel, a slow regex)."""
        if self._held is None:
            self.results_shown.clear()
            self._held = self.app.batch_update()
            self._held.__enter__()
            self._hold_timer = self.set_timer(HOLD_FRAME_AT_MOST, self._release_frame)

    def _release_frame(self) -> None:
        held, self._held = self._held, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        if held is not None:
            held.__exit__(None, None, None)
            self.call_after_refresh(self.results_shown.set)  # the suggester after the frame is drawn
        else:
            self.results_shown.set()

    # An explicit description: by default Textual reprs the arguments, and the repr
    # of a novel's Document costs a tenth of a second per keystroke.
    @work(exclusive=True, group="search-pane", description="search")
    async def _search(self, query: str, mode: str, doc: Document | None) -> None:
        """Run one query off the event loop; a newer keystroke cancels this worker,
        so only the newest query's results are ever shown."""
        if doc is None:
            self._show([], _("no document yet"))
            return
        try:
            hits = await asyncio.to_thread(_engine().search, doc, query, mode)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - an invalid regex, or any engine failure: said, in the pane
            self._show([], error_line(exc))
            if type(exc).__name__ == "SlowPattern":  # stopped after its time: say so where it is seen
                self.notify(error_line(exc), severity="warning", markup=False, timeout=6)
            return
        self._show(hits, None)  # hits come in text order; sorting would build every one

    @work(thread=True, group="search-pane-warm-up", description="search warm-up")
    def _warm_up(self, doc: Document | None) -> None:
        """Load the morphology and the document's search context while the reader
        types the first letters, so the first keystroke's search is as quick as the rest."""
        with suppress(Exception):  # the search proper will report whatever is wrong
            _engine().warm_up(doc)
            # The document's search context (hundreds of thousands of objects on the
            # novel) lives as long as the document: out of the collector's sight, as the
            # model is (``run_frozen``).  Else a full collection scanned it now and then,
            # ~28 ms in the middle of a keystroke (measured).
            gc.freeze()

    def _show(self, hits: Sequence[HitLike], error: str | None) -> None:
        self.hits = hits
        self._spans = HitSpans(hits)  # one object per result set: see ArticleView.show_state
        self.error = error
        self.current = self._first_current() if hits else None
        if self._repeat and hits and self.current is not None:
            if self._repeat < 0:
                self.current = (self.current - 1) % len(hits)
            hit = hits[self.current]
            self.post_message(JumpTo(hit.start, hit.end, record=True))
        self._repeat = 0
        self.results.show(self._doc, hits, self.current)
        self._update_count()
        self._post_highlights()

    def _first_current(self) -> int:
        if self._origin is None:
            return 0
        i = bisect_left(self._spans, (self._origin,))  # the first hit at or after the origin
        return i if i < len(self.hits) else 0

    # --- the list and the count ---------------------------------------------------------

    def _update_count(self) -> None:
        """The count and the note, touching only what changed: a label laid out again
        (its width, a class, the note shown or hidden) costs the whole screen a layout,
        which was much of a keystroke's time on the novel."""
        if self.error is not None:
            count, note, kind = "⚠", Content(self.error), "-error"
        elif not self.input.value.strip():
            count, note, kind = "", None, ""
        elif not self.hits:
            count, note, kind = "0/0", Content(_("nothing found")), "-empty"
        else:
            count, note, kind = f"{(self.current or 0) + 1}/{len(self.hits)}", None, ""
        label = self.count
        old = str(label.content)
        if count != old:  # laid out only past its minimum width
            label.update(count, layout=max(len(count), len(old)) > COUNT_WIDTH)
        for widget in (label, self.note):
            for name in ("-error", "-empty"):
                if widget.has_class(name) != (name == kind):
                    widget.set_class(name == kind, name)
        if note is not None and str(self.note.content) != str(note):
            self.note.update(note)
        if self.note.has_class("-shown") != (note is not None):
            self.note.set_class(note is not None, "-shown")

    # --- moving between hits ------------------------------------------------------------

    @on(HitList.Highlighted, "#search-results")
    def _list_moved(self, event: HitList.Highlighted) -> None:
        event.stop()
        if event.index != self.current:
            self._set_current(event.index)

    @on(HitList.Selected, "#search-results")
    def _list_chosen(self, event: HitList.Selected) -> None:
        event.stop()
        self._jump(event.index)

    def _step(self, delta: int) -> None:
        if not self.hits:
            return
        start = self.current if self.current is not None else (-1 if delta > 0 else 0)
        index = (start + delta) % len(self.hits)
        if len(self.hits) > 1 and index != start + delta:  # round the end, as vim says
            self.notify(_("Search reached the end: continued from the top.") if delta > 0
                        else _("Search reached the top: continued from the end."), timeout=2)
        self._set_current(index)
        hit = self.hits[index]
        self.post_message(JumpTo(hit.start, hit.end, record=True))

    def _set_current(self, index: int) -> None:
        self.current = index
        self.results.follow(index)
        self._update_count()
        self._post_highlights()

    def _jump(self, index: int) -> None:
        if not 0 <= index < len(self.hits):
            return
        if index != self.current:
            self._set_current(index)
        hit = self.hits[index]
        self.post_message(JumpTo(hit.start, hit.end, record=True))
        self.post_message(self.Accepted(index))

    def _post_highlights(self) -> None:
        if not self.display:
            self._release_frame()
            return  # closed (a late result, a swapped model): the article stays clear
        spans = self._spans
        message = SearchHighlights(spans, self.current if spans else None)
        if self._held is None:
            self.post_message(message)
            return
        # Held for this result: straight to the app (no bubbling through the panes'
        # queues), and the screen released after the app has drawn the hits into the
        # article, so that the article's marks come in the same frame as the count.
        self.app.post_message(message)
        self.app.call_later(self._release_frame)

