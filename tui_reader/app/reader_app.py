"""The reader: header, sidebar (sections, speakers), the article, details, footer.

The reader's state (document, chosen speaker and statement, search hits, the
filters, marks) is one ``ReaderState`` in ``self.state``; widgets ask for changes
with messages, the handlers here replace the state, and ``watch_state`` hands each
new state to the widgets that draw it.  The keys live in mixins: ``navigation``
(moving, marks), ``less_keys`` (counts, files, the editor), ``copying``.

Every key also has the letter on the same physical key of the Russian ЙЦУКЕН
layout, and every binding has an id so a keymap file can rebind it.
"""
from __future__ import annotations

import gc
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import var
from textual.widgets import Tree

from tui_reader.app.commands import Palette
from tui_reader.app.copying import Copying
from tui_reader.app.full_analysis import FullAnalysis
from tui_reader.app.key_router import KeyRouter
from tui_reader.app.less_keys import LessKeys
from tui_reader.app.messages import AnalysisDone, JumpTo, OnlyHits, SearchHighlights
from tui_reader.app.navigation import Navigation
from tui_reader.app.place_keeping import PlaceKeeping
from tui_reader.app.reader_bindings import READER_BINDINGS, help_binding_ids
from tui_reader.app.settings import apply_settings
from tui_reader.app.tools import ToolPanes
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.footer import ReaderFooter
from tui_reader.app.widgets.sidebar import Sidebar, SpeakersList
from tui_reader.app.widgets.status_bars import AnalysisStatus, DetailsBar
from tui_reader.app.widgets.title_bar import TitleBar, reader_titles
from tui_reader.i18n import _, ngettext
from tui_reader.model import Document
from tui_reader.reading.marks import Marks
from tui_reader.reading.place import ReadingPlace
from tui_reader.reading.sanitize import inert
from tui_reader.reading.state import ReaderState

if TYPE_CHECKING:
    from tui_reader.app.widgets.search_pane import SearchPane
    from tui_reader.app.widgets.topic_pane import TopicPane
    from tui_reader.pipeline import Opened

# the bars live in status_bars; tests and callers know them from here
__all__ = ["AnalysisStatus", "DetailsBar", "ReaderApp"]

NARROW = 100  # below this many columns the sidebar starts hidden


def _no_state() -> ReaderState:
    raise RuntimeError("ReaderApp sets its state in __init__")


class ReaderApp(KeyRouter, LessKeys, Navigation, PlaceKeeping, Copying, FullAnalysis, Palette, App[int]):
    TITLE = "summit-reader"

    CSS = """
    #body { height: 1fr; }
    #main { width: 1fr; }
    #tools { width: 48%; max-width: 60; border-left: vkey $foreground 10%; display: none; }
    #tools.-shown { display: block; }
    Screen.-narrow #sidebar { display: none; }
    Screen.-sidebar-shown #sidebar { display: block; }
    Screen.-sidebar-hidden #sidebar { display: none; }
    /* search/topics open on a terminal too small for three columns: the text keeps its room */
    Screen.-tools-crowded #sidebar { display: none; }
    """

    BINDINGS = READER_BINDINGS

    state: var[ReaderState] = var(_no_state, init=False)

    def __init__(self, doc: Document, *, opened: Opened | None = None, complete: bool = True,
                 source_label: str = "", analysis_mode: str = "process", files: list[str] | None = None,
                 file_index: int = 0, start_line: int | None = None) -> None:
        super().__init__()
        # several files on the command line: :n / :p exit with ``switch_to`` set, and
        # run_app opens that one; ``start_line``: reopened after the editor, at that line
        self.files = files or [doc.source.path or ""]
        self.file_index = file_index
        self.switch_to: int | None = None
        self.start_line = start_line
        self.opened = opened
        self.source_label = source_label
        self.analysis_mode = analysis_mode
        self._notes_said: set[str] = set()
        # the reader's place and marks, kept per document content across runs
        self.place = ReadingPlace(doc)
        self.set_reactive(ReaderApp.state, ReaderState(doc, complete, self.place.marks))
        self.tools = ToolPanes(self)

    # --- the state ---------------------------------------------------------------------

    @property
    def doc(self) -> Document:
        return self.state.doc

    @property
    def complete(self) -> bool:
        return self.state.complete

    @property
    def marks(self) -> Marks:
        return self.state.marks

    def watch_state(self, old: ReaderState, new: ReaderState) -> None:
        """Every widget that draws part of the state draws the new one."""
        self.article.show_state(new)
        if new.speaker != old.speaker:
            self.sidebar.speakers.set_chosen(new.speaker)
        if new.doc is not old.doc:
            self.sidebar.set_document(new.doc, self.article.highlights)
            for pane in self.tools.shown():
                pane.doc = new.doc
        search = self.search_pane()
        if search is not None:
            search.only_hits = new.only_hits

    def on_search_highlights(self, message: SearchHighlights) -> None:
        self.state = self.state.with_hits(message.spans, message.current)

    def on_only_hits(self, message: OnlyHits) -> None:
        self.state = replace(self.state, only_hits=message.on)

    def on_speakers_list_speaker_chosen(self, message: SpeakersList.SpeakerChosen) -> None:
        self.choose_speaker(message.speaker_id)

    def choose_speaker(self, speaker_id: str | None, *, at: int | None = None) -> None:
        """Mark ``speaker_id``'s statements (None: nobody's) and say how many there are;
        ``at``: the offset of the statement that n / N step on from."""
        statements = self.article.highlights.statements_of(speaker_id) if speaker_id is not None else []
        starts = [s.start for s in statements]
        self.state = replace(self.state.with_speaker(speaker_id),
                             statement=starts.index(at) if at in starts else None)
        speaker = self.doc.speaker(speaker_id) if speaker_id is not None else None
        if speaker_id is None:
            self.show_details(None)
            return
        note = Text()
        note.append(inert(speaker.name) if speaker else speaker_id, style="bold")
        note.append(": " + ngettext("{count} statement marked in the text (n / N to step, ctrl+o only "
                                    "these paragraphs, esc to clear)",
                                    "{count} statements marked in the text (n / N to step, ctrl+o only "
                                    "these paragraphs, esc to clear)", len(statements)).format(count=len(statements)))
        self.show_details(note)

    def show_offset(self, offset: int, end: int | None = None) -> None:
        """Bring ``offset`` into view (``end``: underline the span).  A place the filter
        hides turns the filter off first, in the state, so every widget says so."""
        if not self.article.shows(offset):
            self.state = replace(self.state, only_hits=False, only_speaker=False)
        self.article.scroll_to_offset(offset, end)

    def show_details(self, details: Text | None) -> None:
        self.query_one(DetailsBar).show(details)

    # --- building ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Only what the first screen shows: every widget costs start-up time (styles,
        # layout, a message queue), so the search and topics panes are mounted into
        # #tools when first opened (``ToolPanes``), and the title is one widget.
        yield TitleBar(id="title")
        self._article = article = ArticleView(self.state, id="article")
        self.sidebar = Sidebar(self.doc, article.highlights, id="sidebar")
        with Horizontal(id="body"):
            yield self.sidebar
            with Vertical(id="main"):
                yield article
                yield DetailsBar(id="details")
                if not self.complete:
                    yield AnalysisStatus(id="analysis")
            yield Vertical(id="tools")
        yield ReaderFooter(show_command_palette=False, compact=True)  # room for the reader's keys at 70 columns

    @property
    def article(self) -> ArticleView:
        return self._article  # kept, not queried: most keys use it, some several times

    def on_mount(self) -> None:
        self._set_titles()
        # the position (42%, END) in the title bar follows the scrolling
        def position_moved() -> None:
            self.query_one(TitleBar).refresh()

        for attribute in ("scroll_y", "virtual_size"):  # scrolled, or laid out (again)
            self.watch(self.article, attribute, position_moved, init=False)
        self.article.focus()
        self._apply_width(self.size.width)
        # mark the section being read from the start (later, scrolling moves the mark)
        self.call_after_refresh(lambda: self.sidebar.sections.follow(self.article.current_section))
        if not self.complete and self.opened is not None:
            # now, not after the first frame: started later, it finished ~0.3 s later
            # (measured), for ~0.05 s sooner text on screen
            self._analyse()
        apply_settings(self)
        self._say_loader_notes()
        self.call_after_refresh(self.restore_place)
        self.set_interval(3.0, self.save_place)

    def _say_loader_notes(self) -> None:
        """What the loader noticed (text shown as plain, bytes not valid…), said on opening."""
        notes = list(getattr(getattr(self.opened, "loaded", None), "notes", None) or [])
        self._notes_said = set(notes)
        for note in notes:
            self.notify(inert(note), severity="warning", markup=False, timeout=8)

    def _set_titles(self) -> None:
        self.title, self.sub_title = reader_titles(self.doc, self.source_label)
        for bar in self.query(TitleBar):
            bar.refresh()

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.screen.set_class(width < NARROW, "-narrow")

    async def action_quit(self) -> None:
        self.save_place(now=True)
        await super().action_quit()

    # --- the full model, from the background analysis (``full_analysis``) -------------------

    def on_analysis_done(self, message: AnalysisDone) -> None:
        self.swap_document(message.doc)

    def swap_document(self, doc: Document) -> None:
        """Show the full model: highlights, speakers and topics appear; the place stays."""
        self.state = self.state.with_document(doc)
        gc.freeze()  # the full model stays: out of the collector's sight, as at start (run_frozen)
        self.call_after_refresh(lambda: self.sidebar.sections.follow(self.article.current_section))
        for status in self.query(AnalysisStatus):
            status.remove()
        self._set_titles()
        for note in doc.analysis.notes:
            if note not in self._notes_said:  # the loader's were said on opening
                self.notify(inert(note), markup=False, timeout=8)

    # --- messages from the widgets -------------------------------------------------------

    def on_jump_to(self, message: JumpTo) -> None:
        self.jump_from_view(message)

    def on_article_view_section_changed(self, message: ArticleView.SectionChanged) -> None:
        self.sidebar.sections.follow(message.section)

    def on_tree_node_selected(self, message: Tree.NodeSelected[int]) -> None:
        if message.node.data is not None:
            self.record_jump()
            self.article.scroll_to_section(message.node.data)

    def on_article_view_item_chosen(self, message: ArticleView.ItemChosen) -> None:
        from tui_reader.app.widgets.details import describe  # imported when first needed, not at start

        details = describe(self.doc, message.hover.number, message.hover.statement)
        self.article.tooltip = details
        if message.clicked:
            self.show_details(details)

    # --- actions -------------------------------------------------------------------

    def action_switch_focus(self) -> None:
        if self.focused is self.article:
            self.sidebar.show()
            self.sidebar.focus_list(self.sidebar.sections)
        else:
            self.article.focus()

    def action_speakers(self) -> None:
        self.sidebar.show()
        speakers = self.sidebar.speakers
        self.sidebar.focus_list(speakers)
        if not self.doc.speakers:
            note = _("No speakers found yet: the analysis is still running.") if not self.complete \
                else _("No speakers were found in this text.")
            self.notify(note, timeout=3)
        elif speakers.highlighted is None:
            speakers.highlighted = 0

    def action_toggle_sidebar(self) -> None:
        if self.sidebar.toggle() and self.focused is not None \
                and self.sidebar in self.focused.ancestors_with_self:
            self.article.focus()

    # --- the search and topics panes ---------------------------------------------------

    def search_pane(self) -> SearchPane | None:
        """The search pane, or None if it has not been opened yet."""
        return self.tools.search

    async def action_search(self) -> None:
        pane = await self.tools.open_search()
        pane.open(self.article.top_offset())

    async def open_search(self, query: str, mode: str, origin: int) -> None:
        """Show the hits of ``query`` (searched in ``mode``), the first after ``origin``
        current, with the focus in the text so that n / N step through them."""
        pane = await self.tools.open_search()
        pane.set_query(query, mode)
        pane.open(origin)
        self.article.focus()

    def search_again(self, direction: int) -> None:
        """``n`` / ``N`` after Esc closed the search: its hits again, from here (as less)."""
        search = self.tools.search
        if search is not None:
            self.tools.show(search)
            search.repeat(direction, self.article.top_offset())

    async def action_topics(self) -> None:
        pane = await self.tools.open_topics()
        pane.open()

    def on_search_pane_closed(self, message: SearchPane.Closed) -> None:
        self.tools.closed()

    def on_topic_pane_closed(self, message: TopicPane.Closed) -> None:
        self.tools.closed()

    def on_search_pane_accepted(self, message: SearchPane.Accepted) -> None:
        self.article.focus()  # so that n / N step through the hits
        # (TopicPane.Chosen needs nothing: its JumpTo came first, and focus stays in
        # the pane so that Enter again steps to the topic's next occurrence)

    # --- clearing, filters, the palette, help -----------------------------------------------

    def action_clear(self) -> None:
        """Esc: close the search, forget the chosen speaker and the underlined target."""
        if self.screen.query("HelpPanel"):  # the palette's "Keys" panel: Esc closes it first
            self.action_hide_help_panel()
            return
        search = self.search_pane()
        if self.state.speaker is None and not (search is not None and search.display):
            self.nothing_to_clear()
        if search is not None and search.display:
            search.close()
        self.state = self.state.with_speaker(None)
        self.article.target = None
        self.article.refresh()
        self.show_details(None)

    def nothing_to_clear(self) -> None:
        """Esc with no search shown and no speaker chosen (the library's reader goes back)."""

    def action_only(self) -> None:
        """``ctrl+o``: only the paragraphs with search hits, or with the chosen speaker's words."""
        search = self.search_pane()
        if search is not None and search.active:
            search.action_toggle_filter()
            return
        if self.state.speaker is None:
            self.notify(_("Choose a speaker (s) or search (/) first: ctrl+o then shows only those paragraphs."),
                        timeout=3)
            return
        on = not self.state.only_speaker
        self.state = replace(self.state, only_speaker=on)
        self.notify(_("Only this speaker's paragraphs (ctrl+o again: all).") if on else _("All paragraphs."),
                    timeout=2)

    def _count_changed(self) -> None:
        self.query_one(TitleBar).refresh()

    def help_keys(self) -> list[tuple[str, str]] | None:
        """The help's keys: None for the file reader's (``help_screen.keys``); a reader
        with keys of its own (the web reader) adds them."""
        return None

    def action_help(self) -> None:
        from tui_reader.app.screens.help_screen import HelpScreen, legend

        self.push_screen(HelpScreen(legend(self.article.style_named), help_binding_ids(type(self), ReaderApp),
                                    keys=self.help_keys()))
