"""The reader: header, sidebar (sections, speakers), the article, details, footer.

Every key also has the letter on the same physical key of the Russian ЙЦУКЕН
layout, and every binding has an id so a keymap file can rebind it.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widgets import Tree

from tui_reader.app.key_router import KeyRouter
from tui_reader.app.less_keys import LessKeys, offset_of_line
from tui_reader.app.messages import JumpTo, SearchHighlights
from tui_reader.app.navigation import Navigation
from tui_reader.app.screens.mark_prompt import MarkPrompt
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.details import describe
from tui_reader.app.widgets.footer import ReaderFooter
from tui_reader.app.widgets.sidebar import SectionsTree, Sidebar, SpeakersList
from tui_reader.app.widgets.status_bars import AnalysisStatus, DetailsBar
from tui_reader.app.widgets.title_bar import TitleBar
from tui_reader.i18n import _, ngettext
from tui_reader.model import Document
from tui_reader.reading.marks import BACK
from tui_reader.reading.place import ReadingPlace
from tui_reader.reading.sanitize import inert, one_line, strip_controls
from tui_reader.store.config import load_config, save_theme

# the bars live in status_bars; tests and callers know them from here
__all__ = ["AnalysisStatus", "DetailsBar", "ReaderApp"]

NARROW = 100  # below this many columns the sidebar starts hidden
ROOM_FOR_THREE = 150  # below this, an open search/topics pane hides the sidebar


def _topics_provider():
    """The palette's topics provider, imported when the palette first opens (Textual
    calls a COMMANDS entry that is not a class): it imports the topics pane and its
    widgets, which the first frame does not need."""
    from tui_reader.app.screens.palette import TopicsProvider

    return TopicsProvider


def _commands() -> set:
    return set(App.COMMANDS) | {_topics_provider}


def _pane_class(pane_id: str) -> type:
    """The class of the search or topics pane, imported when first opened (they and
    their widgets are not needed for the first frame)."""
    if pane_id == "search":
        from tui_reader.app.widgets.search_pane import SearchPane
        return SearchPane
    from tui_reader.app.widgets.topic_pane import TopicPane
    return TopicPane


class ReaderApp(KeyRouter, LessKeys, Navigation, App[int]):
    TITLE = "summit-reader"
    COMMANDS = _commands()

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

    BINDINGS = [
        # as in less: j/ctrl+e a line, space/f/ctrl+f a page, d/ctrl+d half a page; a count
        # typed before (5j, 10G, 50%) repeats or aims the move (see key_router)
        Binding("j,о,ctrl+e", "scroll_lines(1)", "Down", show=False, id="reader.down"),
        Binding("k,л,ctrl+y", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
        Binding("space,f,а,ctrl+f", "page(1)", "Page down", show=False, id="reader.page-down"),
        Binding("b,и,ctrl+b", "page(-1)", "Page up", show=False, id="reader.page-up"),
        Binding("d,в,ctrl+d", "half_page(1)", "Half page down", show=False, id="reader.half-down"),
        Binding("u,г,ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half-up"),
        Binding("g,п", "top", "Top", show=False, id="reader.top"),
        Binding("G,П", "bottom", "End", show=False, id="reader.bottom"),
        Binding("percent_sign,p,з", "percent", "Percent", show=False, id="reader.percent"),
        Binding("equals_sign,ctrl+g", "file_info", "File and line", show=False, id="reader.file-info"),
        Binding("left_square_bracket,х", "section(-1)", "Prev section", show=False, id="reader.section-prev"),
        Binding("right_square_bracket,ъ", "section(1)", "Sections", key_display="[ ]", id="reader.section-next"),
        Binding("s,ы", "speakers", "Speakers", id="reader.speakers"),
        Binding("n,т", "step(1)", "Next", show=False, id="reader.next"),
        Binding("N,Т", "step(-1)", "Previous", show=False, id="reader.previous"),
        Binding("slash,full_stop", "search", "Search", key_display="/", id="reader.search"),
        Binding("ctrl+o", "only", "Only these paragraphs", show=False, id="reader.only"),
        Binding("t,е", "topics", "Topics", id="reader.topics"),
        Binding("S,Ы", "speakers_view", "Who said what", show=False, id="reader.speakers-view"),
        Binding("number_sign,numero_sign", "numbers_view", "Figures", key_display="#", id="reader.numbers-view"),
        Binding("backslash", "toggle_sidebar", "Sidebar", show=False, id="reader.sidebar"),
        Binding("escape", "clear", "Clear", show=False, id="reader.clear"),
        Binding("question_mark,comma,h,р,f1", "help", "Help", key_display="?", id="reader.help"),
        Binding("y,н", "copy", "Copy quote", show=False, id="reader.copy"),
        Binding("v,м", "edit", "Edit", show=False, id="reader.edit"),
        Binding("colon,Ж", "colon", "Next/previous file", show=False, id="reader.files"),
        Binding("q,й", "quit", "Quit", id="reader.quit"),
        Binding("m,ь", "mark_set", "Mark", show=False, id="marks.set"),
        Binding("apostrophe,э", "mark_jump", "Go to mark", show=False, id="marks.jump"),
    ]

    def __init__(self, doc: Document, *, opened=None, complete: bool = True, source_label: str = "",
                 analysis_mode: str = "process", files: list[str] | None = None, file_index: int = 0,
                 start_line: int | None = None) -> None:
        super().__init__()
        # several files on the command line: :n / :p exit with ``switch_to`` set, and
        # run_app opens that one; ``start_line``: reopened after the editor, at that line
        self.files = files or [doc.source.path or ""]
        self.file_index = file_index
        self.switch_to: int | None = None
        self.start_line = start_line
        self.doc = doc
        self.opened = opened
        self.complete = complete
        self.source_label = source_label
        self.statement_index: int | None = None
        self.analysis = None
        self.analysis_mode = analysis_mode
        # the reader's place and marks, kept per document content across runs
        self.place = ReadingPlace(doc)
        self.marks = self.place.marks

    # --- building ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Only what the first screen shows: every widget costs start-up time (styles,
        # layout, a message queue), so the search and topics panes are mounted into
        # #tools when first opened (``_mounted_pane``), and the title is one widget.
        yield TitleBar(id="title")
        self._article = article = ArticleView(self.doc, id="article")
        with Horizontal(id="body"):
            yield Sidebar(self.doc, article.highlights, id="sidebar")
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
        for attribute in ("scroll_y", "virtual_size"):  # scrolled, or laid out (again)
            self.watch(self.article, attribute, lambda *_: self.query_one(TitleBar).refresh(), init=False)
        self.article.focus()
        self._apply_width(self.size.width)
        # mark the section being read from the start (later, scrolling moves the mark)
        self.call_after_refresh(lambda: self.query_one(SectionsTree).follow(self.article.current_section))
        if not self.complete and self.opened is not None:
            # now, not after the first frame: started later, it finished ~0.3 s later
            # (measured), for ~0.05 s sooner text on screen
            self._analyse()
        self._apply_config()
        self._say_loader_notes()
        self.call_after_refresh(self._restore_place)
        self.set_interval(3.0, self._save_place)

    def _say_loader_notes(self) -> None:
        """What the loader noticed (text shown as plain, bytes not valid…), said on opening."""
        notes = list(getattr(getattr(self.opened, "loaded", None), "notes", None) or [])
        self._notes_said = set(notes)
        for note in notes:
            self.notify(inert(note), severity="warning", markup=False, timeout=8)

    # --- settings and the place kept across runs -------------------------------------

    def _apply_config(self) -> None:
        config = load_config()
        for warning in config.warnings:
            self.notify(inert(warning), severity="warning", markup=False, timeout=6)
        if config.keys or config.theme:  # after the first frame: the check imports every pane
            self.call_after_refresh(self._say_unusable_settings, config)
        if config.keys:
            self.set_keymap(config.keys)
        if config.theme and config.theme in self.available_themes:
            self.theme = config.theme
        # subscribe after applying, so only the reader's own choice is written back
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _say_unusable_settings(self, config) -> None:
        from tui_reader.app.keymap_check import keymap_problems

        for problem in keymap_problems(config.theme, self.available_themes, config.keys):
            self.notify(inert(problem), severity="warning", markup=False, timeout=6)

    def _theme_changed(self, theme) -> None:
        problem = save_theme(theme.name)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def _restore_place(self) -> None:
        if self.place.warning:
            self.notify(self.place.warning, severity="warning", markup=False, timeout=6)
        if self.start_line is not None:  # back from the editor: the line it was at
            offset = offset_of_line(self.doc.text, self.start_line)
            self.article.scroll_to_line(self.article.layout.line_for_offset(offset))
            return
        line = self.article.layout.line_for_offset(self.place.position) if self.place.position > 0 else 0
        if line > 0:  # a place on the first line is the top: nothing to say
            self.article.scroll_to_line(line)
            self.notify(_("Back where you left off (g for the top)."), timeout=3)

    def _save_place(self, *, now: bool = False) -> None:
        try:
            offset = self.article.top_offset()
        except NoMatches:  # the article is gone (shutting down): nothing new to save
            return
        problem = self.place.save(offset) if now else self.place.flush(offset)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    async def action_quit(self) -> None:
        self._save_place(now=True)
        await super().action_quit()

    def action_copy(self) -> None:
        """Copy the quote or statement being read (the chosen one, else the one at the top)."""
        from tui_reader.digest import citation_at

        statements = self.article.highlights.statements_of(self.article.selected_speaker)
        offset = self.article.top_offset()
        if self.statement_index is not None and 0 <= self.statement_index < len(statements):
            offset = statements[self.statement_index].start
        text = citation_at(self.doc, offset)
        if not text:
            self.notify(_("Nothing to copy here: no quote or statement at the top of the view."), timeout=2)
            return
        self.run_worker(lambda: self._copy(strip_controls(text)), thread=True, group="copy")

    def _copy(self, text: str) -> None:
        """In a thread: a clipboard tool may take a moment (or hang until its timeout)."""
        from tui_reader.reading.clipboard import copy_with_tools

        used = copy_with_tools(text)
        self.call_from_thread(self._copied, text, used)

    def _copied(self, text: str, used: str | None) -> None:
        if used is None:
            # the last resort: the terminal may copy it, or not (tmux, by default, does not)
            self.copy_to_clipboard(text)
            how = _("sent to the terminal (OSC 52): copied only if the terminal accepts it")
        elif used == "tmux":
            how = _("into tmux's paste buffer (prefix ] pastes)")
        else:
            how = _("with {tool}").format(tool=used)
        shown = one_line(text, 60)
        self.notify(_("Copied {how}: {text}").format(how=how, text=shown), markup=False, timeout=4)

    def _set_titles(self) -> None:
        first = self.doc.paragraphs[0] if self.doc.paragraphs else None
        title = self.doc.title or (self.doc.text[first.start:first.end][:200] if first else "")
        self.title = one_line(title, 200) or "summit-reader"
        source = self.source_label or (self.doc.source.path or "")
        if source == "-":
            source = _("standard input")
        extra = []
        if self.doc.source.format and self.doc.source.format != "text":
            extra.append(self.doc.source.format)
        if self.doc.source.encoding and self.doc.source.encoding.lower() not in ("utf-8", "utf8"):
            extra.append(self.doc.source.encoding)
        self.sub_title = inert(source + (f" ({', '.join(extra)})" if extra else ""))
        for bar in self.query(TitleBar):
            bar.refresh()

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.screen.set_class(width < NARROW, "-narrow")

    # --- background analysis -------------------------------------------------------

    def _analyse(self) -> None:
        """Start the full analysis in the background (see ``background``)."""
        from tui_reader.reading.background import Analysis

        def to_app(callback):
            def call(*args) -> None:
                try:
                    self.call_from_thread(callback, *args)
                except Exception:  # the app has exited meanwhile: nothing to show it on
                    pass
            return call

        self.analysis = Analysis(self.opened, to_app(self._progress), to_app(self.swap_document),
                                 to_app(self._analysis_failed), mode=self.analysis_mode)
        self.analysis.start()

    @property
    def analysis_thread(self):
        """The thread that runs or relays the analysis (tests wait on it)."""
        return self.analysis.thread if self.analysis is not None else None

    def on_unmount(self) -> None:
        if self.analysis is not None:
            self.analysis.stop()

    def _progress(self, stage: str, share: float) -> None:
        for status in self.query(AnalysisStatus):
            status.report(stage, share)
        self.query_one(Sidebar).analysis_progress(share)

    def _analysis_failed(self, message: str) -> None:
        for status in self.query(AnalysisStatus):
            status.remove()
        self.query_one(Sidebar).analysis_failed()
        self.notify(_("Analysis failed: {message}").format(message=message), severity="error", markup=False)

    def swap_document(self, doc: Document) -> None:
        """Show the full model: highlights, speakers and topics appear; the place stays."""
        self.doc = doc
        self.complete = True
        self.article.set_document(doc)
        self.query_one(Sidebar).set_document(doc, self.article.highlights)
        self.call_after_refresh(lambda: self.query_one(SectionsTree).follow(self.article.current_section))
        for pane in self._panes():
            pane.doc = doc
        for status in self.query(AnalysisStatus):
            status.remove()
        self._set_titles()
        self.statement_index = None
        for note in doc.analysis.notes:
            if note not in getattr(self, "_notes_said", ()):  # the loader's were said on opening
                self.notify(inert(note), markup=False, timeout=8)

    def _panes(self) -> list:
        return [p for p in (self._pane("search"), self._pane("topics")) if p is not None]

    def _pane(self, pane_id: str):
        """The search or topics pane, or None if it has not been opened yet."""
        found = self.query(f"#{pane_id}")
        return found.first() if found else None

    async def _mounted_pane(self, pane_id: str):
        """The pane, mounted (hidden) on its first use."""
        pane = self._pane(pane_id)
        if pane is None:
            pane = _pane_class(pane_id)(self.doc, id=pane_id)
            pane.display = False
            tools = self.query_one("#tools")
            if pane_id == "search":  # search above topics, whichever was opened first
                await tools.mount(pane, before=0 if tools.children else None)
            else:
                await tools.mount(pane)
        return pane

    # --- messages from the panes ---------------------------------------------------

    def on_jump_to(self, message: JumpTo) -> None:
        if message.record:
            self._record_jump()
        self.article.scroll_to_offset(message.offset, message.end)

    def action_mark_set(self) -> None:
        def done(name: str | None) -> None:
            if name and name != BACK:
                self.marks.set(name, self.article.top_offset())
                self._save_place(now=True)
                self.notify(_("Mark {name} set").format(name=name), timeout=2, markup=False)

        self.push_screen(MarkPrompt("set"), done)

    def action_mark_jump(self) -> None:
        def done(name: str | None) -> None:
            if name == BACK:
                target, record = self.marks.back(self.article.top_offset()), False
            elif name:
                target, record = self.marks.get(name), True
            else:
                return
            if target is None:
                self.notify(_("No mark {name}").format(name=name) if name != BACK
                            else _("No jump to go back to"),
                            timeout=2, markup=False)
                return
            # a mark is a reading place: put it back at the top, exactly (no context lines)
            if record:
                self._record_jump()
            self.article.scroll_to_line(self.article.layout.line_for_offset(target))

        self.push_screen(MarkPrompt("jump", known=self.marks.as_dict()), done)

    def on_search_highlights(self, message: SearchHighlights) -> None:
        self.article.set_search(message.spans, message.current, message.only_matching)

    def _close_tools(self) -> None:
        search, topics = self._pane("search"), self._pane("topics")
        if not ((search and search.display) or (topics and topics.display)):
            self.query_one("#tools").remove_class("-shown")
            self.screen.remove_class("-tools-crowded")
        self.article.focus()

    def on_search_pane_closed(self, message) -> None:
        self._close_tools()

    def on_topic_pane_closed(self, message) -> None:
        self._close_tools()

    def on_search_pane_accepted(self, message) -> None:
        self.article.focus()  # so that n / N step through the hits
        # (TopicPane.Chosen needs nothing: its JumpTo came first, and focus stays in
        # the pane so that Enter again steps to the topic's next occurrence)

    def on_article_view_section_changed(self, message: ArticleView.SectionChanged) -> None:
        self.query_one(SectionsTree).follow(message.section)

    def on_tree_node_selected(self, message: Tree.NodeSelected) -> None:
        if message.node.data is not None:
            self._record_jump()
            self.article.scroll_to_section(message.node.data)

    def on_speakers_list_speaker_chosen(self, message: SpeakersList.SpeakerChosen) -> None:
        self.article.set_selected_speaker(message.speaker_id)
        self.statement_index = None
        if message.speaker_id is not None:
            speaker = self.doc.speaker(message.speaker_id)
            count = len(self.article.highlights.statements_of(message.speaker_id))
            name = inert(speaker.name) if speaker else message.speaker_id
            note = Text()
            note.append(name, style="bold")
            note.append(": " + ngettext("{count} statement marked in the text (n / N to step, ctrl+o only "
                                        "these paragraphs, esc to clear)",
                                        "{count} statements marked in the text (n / N to step, ctrl+o only "
                                        "these paragraphs, esc to clear)", count).format(count=count))
            self.query_one(DetailsBar).show(note)
        else:
            self.query_one(DetailsBar).show(None)

    def on_article_view_item_chosen(self, message: ArticleView.ItemChosen) -> None:
        details = describe(self.doc, message.hover.number, message.hover.statement)
        self.article.tooltip = details
        if message.clicked:
            self.query_one(DetailsBar).show(details)

    # --- actions -------------------------------------------------------------------

    def action_switch_focus(self) -> None:
        if self.focused is self.article:
            self._show_sidebar()
            self.query_one(SectionsTree).focus()
        else:
            self.article.focus()

    def action_speakers(self) -> None:
        self._show_sidebar()
        speakers = self.query_one(SpeakersList)
        speakers.focus()
        if not self.doc.speakers:
            note = _("No speakers found yet: the analysis is still running.") if not self.complete \
                else _("No speakers were found in this text.")
            self.notify(note, timeout=3)
        elif speakers.highlighted is None:
            speakers.highlighted = 0

    def _show_sidebar(self) -> None:
        if not self.query_one(Sidebar).display or self.screen.has_class("-sidebar-hidden"):
            self.screen.remove_class("-sidebar-hidden")
            self.screen.add_class("-sidebar-shown")

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        shown = (sidebar.display and not self.screen.has_class("-narrow")) \
            or self.screen.has_class("-sidebar-shown")
        if self.screen.has_class("-sidebar-hidden"):
            shown = False
        self.screen.set_class(not shown, "-sidebar-shown")
        self.screen.set_class(shown, "-sidebar-hidden")
        if shown and self.focused is not None and sidebar in self.focused.ancestors_with_self:
            self.article.focus()

    async def action_search(self) -> None:
        pane = await self._mounted_pane("search")
        self._open_tool(pane, "topics")
        pane.open(self.article.top_offset())

    async def action_topics(self) -> None:
        pane = await self._mounted_pane("topics")
        self._open_tool(pane, "search")
        pane.open()

    def _open_tool(self, pane, other_id: str) -> None:
        other = self._pane(other_id)
        if other is not None and other.display:
            other.close(notify=False)  # also takes its highlights away
        self.query_one("#tools").add_class("-shown")
        self.screen.set_class(self.size.width < ROOM_FOR_THREE, "-tools-crowded")

    def action_speakers_view(self) -> None:
        """The full-screen speakers view (shares of statements, what each said)."""
        from tui_reader.app.views.speakers_view import SpeakersView

        self.push_screen(SpeakersView(self.doc), self._jump_from_view)

    def action_numbers_view(self) -> None:
        """Every figure in a sortable table."""
        from tui_reader.app.views.numbers_view import NumbersView

        self.push_screen(NumbersView(self.doc), self._jump_from_view)

    def _jump_from_view(self, jump: JumpTo | None) -> None:
        if jump is not None:
            self.on_jump_to(jump)

    def action_clear(self) -> None:
        if self.screen.query("HelpPanel"):  # the palette's "Keys" panel: Esc closes it first
            self.action_hide_help_panel()
            return
        search = self._pane("search")
        if search is not None and search.display:
            search.close()
        self.article.set_selected_speaker(None)
        self.query_one(SpeakersList).set_chosen(None)
        self.article.target = None
        self.article.refresh()
        self.statement_index = None
        self.query_one(DetailsBar).show(None)

    def _count_changed(self) -> None:
        self.query_one(TitleBar).refresh()

    def action_command_palette(self) -> None:
        """Textual's palette, its placeholder in the user's language, with a guard for
        keys pressed before it is laid out (``palette.SafeCommandPalette``)."""
        from textual.command import CommandPalette

        from tui_reader.app.screens.palette import SafeCommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(SafeCommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen):
        from tui_reader.app.commands import reader_commands

        return reader_commands(self, screen)

    def action_export_digest(self) -> None:
        """The who-said-what digest as Markdown, beside the file (or here, for stdin)."""
        from pathlib import Path

        from tui_reader.digest import render_markdown

        source = self.doc.source.path
        target = Path(source).with_suffix(".digest.md") if source and source != "-" else Path("digest.md")
        try:
            target.write_text(render_markdown(self.doc), encoding="utf-8")
        except OSError as e:
            self.notify(_("Digest not saved: {error}").format(error=e.strerror or type(e).__name__),
                        severity="warning", markup=False)
            return
        self.notify(_("Digest saved: {path}").format(path=inert(str(target))), markup=False, timeout=5)

    def action_only(self) -> None:
        """``ctrl+o``: only the paragraphs with search hits, or with the chosen speaker's words."""
        search = self._pane("search")
        if search is not None and search.active:
            search.action_toggle_filter()
            return
        if self.article.selected_speaker is None:
            self.notify(_("Choose a speaker (s) or search (/) first: ctrl+o then shows only those paragraphs."),
                        timeout=3)
            return
        on = not self.article.only_speaker
        self.article.set_only_speaker(on)
        self.notify(_("Only this speaker's paragraphs (ctrl+o again: all).") if on else _("All paragraphs."),
                    timeout=2)

    def help_keys(self) -> list[tuple[str, str]] | None:
        """The help's keys: None for the file reader's (``help_screen.keys``); a reader
        with keys of its own (the web reader) adds them."""
        return None

    def action_help(self) -> None:
        from tui_reader.app.screens.help_screen import HelpScreen

        # a subclass's BINDINGS add to ReaderApp's (the web reader's o): all of them, by id
        by_id: dict[str, str] = {}
        for cls in reversed(type(self).__mro__):
            if issubclass(cls, ReaderApp):
                by_id.update((b.id, b.key) for b in cls.__dict__.get("BINDINGS", ())
                             if isinstance(b, Binding) and b.id)
        self.push_screen(HelpScreen(self.article.legend(), list(by_id.items()), keys=self.help_keys()))
