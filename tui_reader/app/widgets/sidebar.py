"""The sidebar: the document's sections (a tree) and its speakers (a list with counts).

Labels are ``rich.text.Text`` built from file text, never markup strings.
"""
from __future__ import annotations

from contextlib import suppress

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.widgets.tree import TreeNode

from tui_reader.app.widgets.vim_keys import VimOptionList, VimTree
from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.reading.highlights import Highlights
from tui_reader.reading.paint import SPEAKER_THEME_COLOURS
from tui_reader.reading.sanitize import one_line

LABEL_WIDTH = 31  # the sidebar's width less its border and the tree's guides


class SectionsTree(VimTree[int]):
    """Sections, nested by level; node data is the section index."""

    DEFAULT_CSS = """
    SectionsTree { height: 1fr; background: $panel; }
    /* the section being read stays marked while the article has focus */
    SectionsTree > .tree--cursor { background: $primary-muted; text-style: bold; }
    """

    def __init__(self, doc: Document, *, id: str | None = None) -> None:
        super().__init__(Text(_("Sections")), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.nodes_by_section: dict[int, TreeNode[int]] = {}
        self._follow_on_mount: int | None = None
        self.fill(doc)

    def on_mount(self) -> None:
        if self._follow_on_mount is not None:
            self.follow(self._follow_on_mount)

    def fill(self, doc: Document) -> None:
        self.clear()
        self.nodes_by_section = {}
        stack: list[tuple[int, TreeNode[int]]] = [(-1, self.root)]  # (level, node)
        for index, section in enumerate(doc.sections):
            if section.title:
                label = Text(one_line(section.title, LABEL_WIDTH))
            else:
                label = Text(_("Lead") if index == 0 else _("(untitled {n})").format(n=index + 1),
                             style="italic")
            level = max(1, section.level)  # the lead (level 0) sits beside the first headings
            while len(stack) > 1 and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1]
            node = parent.add(label, data=index, expand=True)
            node.allow_expand = False
            stack.append((level, node))
            self.nodes_by_section[index] = node
        # nodes with children may expand
        for node in self.nodes_by_section.values():
            node.allow_expand = bool(node.children)

    def follow(self, section: int) -> None:
        """Put the cursor on ``section`` (the article scrolled there); no jump back."""
        if not self.is_mounted:  # the sidebar's lists come a frame after the text
            self._follow_on_mount = section
            return
        node = self.nodes_by_section.get(section)
        if node is None:
            return
        parent = node.parent
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        self.move_cursor(node, animate=False)


class SpeakersList(VimOptionList):
    """Each speaker with the number of their statements; selecting one marks them in the text."""

    DEFAULT_CSS = """
    SpeakersList { height: auto; max-height: 50%; background: $panel; border: none; }
    """

    class SpeakerChosen(Message):
        def __init__(self, speaker_id: str | None) -> None:
            super().__init__()
            self.speaker_id = speaker_id

    def __init__(self, doc: Document, highlights: Highlights, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chosen: str | None = None
        self._colours: list[str] | None = None  # per theme, see _colour
        self.fill(doc, highlights)

    def fill(self, doc: Document, highlights: Highlights) -> None:
        self.clear_options()
        speakers = sorted(doc.speakers, key=lambda sp: -highlights.statement_count.get(sp.id, 0))
        for sp in speakers:
            count = highlights.statement_count.get(sp.id, 0)
            colour = highlights.colour_of.get(sp.id, 0)
            self.add_option(Option(self._prompt(sp.name, count, colour, sp.id == self.chosen), id=sp.id))
        self._names = {sp.id: (sp.name, highlights.statement_count.get(sp.id, 0), highlights.colour_of.get(sp.id, 0))
                       for sp in speakers}

    def _prompt(self, name: str, count: int, colour: int, chosen: bool) -> Text:
        text = Text()
        text.append("● " if chosen else "○ ", style=self._colour(colour))
        text.append(one_line(name, 40))
        text.append(f"  {count}", style="dim")
        return text

    def _colour(self, index: int) -> str:
        """The theme colour of speaker ``index``: the same one its gutter mark has in the article."""
        if self._colours is None:
            # get_css_variables() builds the theme's whole palette: once per theme, not per speaker
            try:
                variables = self.app.get_css_variables()
            except RuntimeError:  # no app to ask yet (Textual's NoActiveAppError)
                return "bold"
            self._colours = ["bold " + variables.get(name, "") for name in SPEAKER_THEME_COLOURS]
        return self._colours[index % len(self._colours)]

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._names:  # the prompts were built before the theme's colours were known
            self.set_chosen(self.chosen)

    def _theme_changed(self, _theme: Theme) -> None:
        self._colours = None
        self.set_chosen(self.chosen)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        speaker_id = event.option.id  # chosen again: unchosen (the app's state answers: set_chosen)
        self.post_message(self.SpeakerChosen(None if speaker_id == self.chosen else speaker_id))

    def set_chosen(self, speaker_id: str | None) -> None:
        """Mark ``speaker_id`` as the chosen one (the reader's state says who it is)."""
        self.chosen = speaker_id
        if not self.is_mounted:  # on_mount draws the prompts
            return
        for sp_id, (name, count, colour) in self._names.items():
            with suppress(OptionDoesNotExist):  # an option vanished while the model was swapped
                self.replace_option_prompt(sp_id, self._prompt(name, count, colour, sp_id == speaker_id))




class Sidebar(Vertical):
    """The sections and the speakers.  Its frame is on the first screen; the lists are
    mounted just after it (``_build``): registering and drawing a tree and a list
    (their CSS parsed, their styles applied) held the text back by ~10 ms of the
    ~50 ms the reader's start takes beyond a bare Textual app's.  Until then the
    methods here keep what they are asked (the section to mark, the list to focus)."""

    # Tab leaves the sidebar for the article (the app's switch_focus), not the next list.
    BINDINGS = [Binding("tab", "app.switch_focus", "To the text", show=False, id="sidebar.to-article")]
    DEFAULT_CSS = """
    Sidebar { width: 34; height: 1fr; background: $panel; border-right: vkey $foreground 10%; }
    Sidebar > Label { width: 100%; padding: 0 1; background: $panel-lighten-1; color: $text-muted; text-style: bold; }
    """

    def __init__(self, doc: Document, highlights: Highlights, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc = doc
        self.highlights = highlights
        self.sections = SectionsTree(doc, id="sections")
        self.speakers = SpeakersList(doc, highlights, id="speakers")
        self._speakers_label = Label(self._speakers_label_text(doc), id="speakers-label")
        self._focus_when_built: Widget | None = None

    def on_mount(self) -> None:
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        await self.mount_all([Label(_("Sections"), id="sections-label"), self.sections,
                              self._speakers_label, self.speakers])
        if self._focus_when_built is not None:
            self._focus_when_built.focus()

    def focus_list(self, which: SectionsTree | SpeakersList) -> None:
        """Focus one of the lists (a key pressed before they are mounted: once they are)."""
        if which.is_mounted:
            which.focus()
        else:
            self._focus_when_built = which

    @staticmethod
    def _speakers_label_text(doc: Document, share: float | None = None) -> str:
        if doc.speakers:
            return _("Speakers ({count})").format(count=len(doc.speakers))
        if doc.analysis.level == "structure":  # the analysis is still looking for them
            percent = f" {round(share * 100)}%" if share is not None else ""
            return _("Speakers (analysing…{percent})").format(percent=percent)
        return _("Speakers (none found)")

    def show(self) -> None:
        """Show the sidebar, even on a narrow screen or after ``\\`` hid it."""
        if not self.display or self.screen.has_class("-sidebar-hidden"):
            self.screen.remove_class("-sidebar-hidden")
            self.screen.add_class("-sidebar-shown")

    def toggle(self) -> bool:
        """Hide the sidebar if it shows, else show it; True if it was hidden.  (The
        screen's classes say it, as they say when a narrow screen hides it.)"""
        screen = self.screen
        shown = (self.display and not screen.has_class("-narrow")) or screen.has_class("-sidebar-shown")
        if screen.has_class("-sidebar-hidden"):
            shown = False
        screen.set_class(not shown, "-sidebar-shown")
        screen.set_class(shown, "-sidebar-hidden")
        return shown

    def analysis_failed(self) -> None:
        self._speakers_label.update(Text(_("Speakers (analysis failed)")))

    def analysis_progress(self, share: float) -> None:
        """The background analysis moved on: say how far, until the speakers arrive."""
        if not self.doc.speakers and self.doc.analysis.level == "structure":
            self._speakers_label.update(Text(self._speakers_label_text(self.doc, share)))

    def set_document(self, doc: Document, highlights: Highlights) -> None:
        self.doc = doc
        self.sections.fill(doc)
        self.speakers.fill(doc, highlights)
        self._speakers_label.update(Text(self._speakers_label_text(doc)))
