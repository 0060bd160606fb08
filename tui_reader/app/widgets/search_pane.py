"""The search pane: an input, a "k/N" count and a list of hits with their context.

The pane is a self-contained widget.  It never touches the article view: it posts
``SearchHighlights`` (every hit, the current one, the filter toggle) and ``JumpTo``
(Enter, click, n/N) and the app decides what to do with them.

The search itself (``tui_reader.search.query``) is imported on the first search, and
the morphology it loads is warmed up in a thread when the pane opens.  Hits stay lazy
(``HitList``): the pane reads the few it lists and passes the article a view of them.
"""
from __future__ import annotations

import asyncio
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any, Protocol

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui_reader.app.messages import JumpTo, SearchHighlights
from tui_reader.app.widgets.vim_keys import VimOptionList
from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.reading.errors import error_line
from tui_reader.reading.sanitize import one_line

MODES = ("lemma", "exact", "regex")
# The list is filled in steps: a first screenful at once, more as the cursor reaches
# its end (or on a click on "… more").  Laying out an option costs ~0.2 ms, so listing
# every hit of a common word in a novel would take far more than a frame per keystroke;
# n/N visit every hit anyway and the count always gives the full number.
FIRST_LISTED = 40
MORE_LISTED = 100
# How much of the sentence to show either side of a hit in the list.
CONTEXT_BEFORE = 40
CONTEXT_AFTER = 60


class HitLike(Protocol):
    start: int
    end: int
    sentence: int | None


def _engine() -> Any:
    """The search module, imported on the first search: it loads the morphology,
    which neither the first frame nor a reader who never searches needs."""
    from tui_reader.search import query

    return query


def _completer() -> Any:
    """``complete(doc, value)``: the input with its last word completed."""
    from tui_reader.search.suggest import complete

    return complete


class HitSpans(Sequence[tuple[int, int]]):
    """The hits as (start, end) spans, read on demand: the engine builds a hit only
    when it is read, and the article reads only the hits on the lines it draws."""

    def __init__(self, hits: Sequence[HitLike]) -> None:
        self._hits = hits

    def __len__(self) -> int:
        return len(self._hits)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [(h.start, h.end) for h in self._hits[i]]
        hit = self._hits[i]
        return hit.start, hit.end

    def __iter__(self):
        return ((hit.start, hit.end) for hit in self._hits)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same spans (a list in a test, say)."""
        if not isinstance(other, Sequence) or len(other) != len(self):
            return NotImplemented if not isinstance(other, Sequence) else False
        return all(tuple(a) == tuple(b) for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


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
        except Exception:
            return None  # a suggestion is a nicety: never let it disturb typing
        if not full or len(full) <= len(value) or _fold(full[:len(value)]) != _fold(value):
            return None
        return value + full[len(value):]


class _Toggle(Static):
    """A one-line clickable status chip (mode, filter)."""

    DEFAULT_CSS = """
    _Toggle { width: auto; padding: 0 1; color: $text-muted; }
    _Toggle:hover { background: $boost; }
    _Toggle.-on { color: $text-accent; text-style: bold; }
    """


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
    SearchPane #search-count { width: auto; min-width: 7; padding: 0 1; }
    SearchPane #search-count.-error, SearchPane > #search-note.-error { color: $text-error; }
    SearchPane #search-count.-empty, SearchPane > #search-note.-empty { color: $text-warning; }
    /* "nothing found" or an error, on a line of its own: beside the chips it was cut
       to a few letters (on 80 columns the pane is ~38 wide) */
    SearchPane > #search-note { width: 100%; height: auto; padding: 0 1; display: none; }
    SearchPane > #search-note.-shown { display: block; }
    SearchPane > #search-results { height: 1fr; border: none; }
    SearchPane > #search-more { width: 1fr; height: 1; display: none; }
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
        self.only_matching: bool = False
        self.hits: Sequence[HitLike] = []
        self._spans = HitSpans(self.hits)
        self.current: int | None = None
        self.error: str | None = None
        self._origin: int | None = None
        self._listed = 0  # how many hits the list shows (it grows on demand)
        self._repeat = 0  # n/N after Esc: step this way once the results are in
        self._section_starts: list[int] = []
        self._index_sections()

    # --- the document ---------------------------------------------------------------

    @property
    def doc(self) -> Document | None:
        return self._doc

    @doc.setter
    def doc(self, doc: Document | None) -> None:
        """A new model (e.g. the full analysis after the fast pass): search it again."""
        self._doc = doc
        self._index_sections()
        if self.is_mounted and self.display:  # a closed pane keeps quiet until opened again
            self._start_search()

    def _index_sections(self) -> None:
        sections = self._doc.sections if self._doc is not None else []
        self._section_starts = [s.start for s in sections]

    def section_title(self, offset: int) -> str:
        doc = self._doc
        if doc is None or not doc.sections:
            return ""
        i = bisect_right(self._section_starts, offset) - 1
        if i < 0:
            return doc.title or ""
        title = doc.sections[i].title
        return title if title else (doc.title or "")

    # --- the widgets ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Kept as attributes, not queried: every keystroke updates several of them.
        self.input = Input(placeholder=_("Search…"), suggester=DocumentSuggester(self), id="search-input")
        self.count = Label("", id="search-count")
        self.note = Label("", id="search-note")
        self.results = VimOptionList(id="search-results")
        self.more = _Toggle("", id="search-more")
        yield self.input
        with Horizontal(id="search-status"):
            yield self.count
            yield _Toggle(self._mode_text(), id="search-mode")
            yield _Toggle(self._filter_text(), id="search-filter")
        yield self.note
        yield self.results
        yield self.more

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
        return ("✓ " if self.only_matching else "") + _("only hits") + " ^o"

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
        self.display = False
        self.hits = []
        self._spans = HitSpans(self.hits)
        self.current = None
        self.post_message(SearchHighlights([], None, False))
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
        self.only_matching = not self.only_matching
        chip = self.query_one("#search-filter", _Toggle)
        chip.update(self._filter_text())
        chip.set_class(self.only_matching, "-on")
        self._post_highlights()

    def action_cycle_mode(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self.query_one("#search-mode", _Toggle).update(self._mode_text())
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
        elif widget_id == "search-more":
            self.list_more()

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
        except Exception as exc:  # an invalid regex, or any engine failure: say it, don't crash
            self._show([], error_line(exc))
            if type(exc).__name__ == "SlowPattern":  # stopped after its time: say so where it is seen
                self.notify(error_line(exc), severity="warning", markup=False, timeout=6)
            return
        self._show(hits, None)  # hits come in text order; sorting would build every one

    @work(thread=True, group="search-pane-warm-up", description="search warm-up")
    def _warm_up(self, doc: Document | None) -> None:
        """Load the morphology and the document's search context while the reader
        types the first letters, so the first keystroke's search is as quick as the rest."""
        try:
            _engine().warm_up(doc)
        except Exception:
            pass  # the search proper will report whatever is wrong

    def _show(self, hits: Sequence[HitLike], error: str | None) -> None:
        self.hits = hits
        self._spans = HitSpans(hits)  # one object per result set: see ArticleView.set_search
        self.error = error
        self.current = self._first_current() if hits else None
        if self._repeat and hits and self.current is not None:
            if self._repeat < 0:
                self.current = (self.current - 1) % len(hits)
            hit = hits[self.current]
            self.post_message(JumpTo(hit.start, hit.end, record=True))
        self._repeat = 0
        self._fill_results()
        self._update_count()
        self._post_highlights()

    def _first_current(self) -> int:
        if self._origin is None:
            return 0
        i = bisect_left(self._spans, (self._origin,))  # the first hit at or after the origin
        return i if i < len(self.hits) else 0

    # --- the list and the count ---------------------------------------------------------

    def _fill_results(self) -> None:
        self.results.clear_options()
        self._listed = 0
        wanted = FIRST_LISTED
        if self.current is not None and self.current < FIRST_LISTED + MORE_LISTED:
            wanted = max(wanted, self.current + 1)
        self.list_more(wanted - FIRST_LISTED if wanted > FIRST_LISTED else 0, first=True)
        if self.current is not None and self.current < self._listed:
            self.results.highlighted = self.current

    def list_more(self, count: int = MORE_LISTED, *, first: bool = False) -> None:
        """Add the next ``count`` hits to the list (the first call lists a screenful more)."""
        upto = min(len(self.hits), self._listed + count + (FIRST_LISTED if first else 0))
        if upto > self._listed:
            self.results.add_options(Option(self._hit_prompt(self.hits[i]), id=str(i))
                                     for i in range(self._listed, upto))
            self._listed = upto
        more = len(self.hits) - self._listed
        chip = self.more
        chip.display = more > 0
        if more > 0:
            chip.update("… " + _("{more} more hits: click, or move to the end of the list").format(more=more))

    def _hit_prompt(self, hit: HitLike) -> Content:
        doc = self._doc
        assert doc is not None
        text = doc.text
        lo, hi, cut_left, cut_right = self._context_bounds(hit)
        section = self.section_title(hit.start) or "(lead)"
        return Content.assemble(
            (f"§ {one_line(section)}", "dim italic"), "\n",
            "  …" if cut_left else "  ",
            one_line(text[lo:hit.start], keep_edges=True).lstrip(),
            (one_line(text[hit.start:hit.end], keep_edges=True), "bold reverse"),
            one_line(text[hit.end:hi], keep_edges=True).rstrip(),
            "…" if cut_right else "",
        )

    def _context_bounds(self, hit: HitLike) -> tuple[int, int, bool, bool]:
        """The stretch of text shown around a hit: its sentence, cut to a window at
        word boundaries, never across a line break; and whether either side was cut."""
        doc = self._doc
        assert doc is not None
        text = doc.text
        lo, hi = 0, len(text)
        sentence = getattr(hit, "sentence", None)
        if isinstance(sentence, int) and 0 <= sentence < len(doc.sentences):
            s = doc.sentences[sentence]
            if s.start <= hit.start and hit.end <= s.end:
                lo, hi = s.start, s.end
        nl = text.rfind("\n", lo, hit.start)
        if nl != -1:
            lo = nl + 1
        nl = text.find("\n", hit.end, hi)
        if nl != -1:
            hi = nl
        cut_left = hit.start - lo > CONTEXT_BEFORE
        if cut_left:
            lo = hit.start - CONTEXT_BEFORE
            space = text.find(" ", lo, hit.start)
            lo = space + 1 if space != -1 else lo
        cut_right = hi - hit.end > CONTEXT_AFTER
        if cut_right:
            hi = hit.end + CONTEXT_AFTER
            space = text.rfind(" ", hit.end, hi)
            hi = space if space != -1 else hi
        return lo, hi, cut_left, cut_right

    def _update_count(self) -> None:
        label, note = self.count, self.note
        label.remove_class("-error", "-empty")
        note.remove_class("-error", "-empty", "-shown")
        if self.error is not None:
            label.update("⚠")
            note.update(Content(self.error))
            label.add_class("-error")
            note.add_class("-error", "-shown")
        elif not self.input.value.strip():
            label.update("")
        elif not self.hits:
            label.update("0/0")
            note.update(_("nothing found"))
            label.add_class("-empty")
            note.add_class("-empty", "-shown")
        else:
            label.update(f"{(self.current or 0) + 1}/{len(self.hits)}")

    # --- moving between hits ------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#search-results")
    def _list_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            index = int(event.option.id)
            if index != self.current:
                self._set_current(index)
            if index == self._listed - 1:
                self.list_more()  # reached the end of the list: show the next hits

    @on(OptionList.OptionSelected, "#search-results")
    def _list_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._jump(int(event.option.id))

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
        if self._listed <= index < self._listed + MORE_LISTED:
            self.list_more(index + 1 - self._listed)
        if index < self._listed and self.results.highlighted != index:
            self.results.highlighted = index
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
            return  # closed (a late result, a swapped model): the article stays clear
        spans = self._spans
        self.post_message(SearchHighlights(spans, self.current if spans else None,
                                           self.only_matching and bool(spans)))

