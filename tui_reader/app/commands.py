"""The command palette's (ctrl+p) commands: what the reader's keys do, by name.

A palette that held only Textual's Theme/Quit/Keys and the topics hid the reader's
own commands; here each is listed with its key, in the user's language.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand

from tui_reader.i18n import _

if TYPE_CHECKING:  # textual.command is imported when the palette opens, not at start-up
    from textual.command import Provider
    from textual.screen import Screen


def _topics_provider() -> type[Provider]:
    """The palette's topics provider, imported when the palette first opens (Textual
    calls a COMMANDS entry that is not a class): it imports the topics pane and its
    widgets, which the first frame does not need."""
    from tui_reader.app.screens.palette import TopicsProvider

    return TopicsProvider


def palette_commands() -> set[type[Provider] | Callable[[], type[Provider]]]:
    """The reader's COMMANDS: Textual's and the topics."""
    return set(App.COMMANDS) | {_topics_provider}


def reader_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    def run(action: str) -> Callable[[], None]:
        def call() -> None:
            app.call_later(app.run_action, action)

        return call

    table = [
        (_("Help"), _("Every key and the legend of the highlights (? h F1)"), "help"),
        (_("Speakers"), _("The speakers list: Enter marks one's statements (s)"), "speakers"),
        (_("Who said what"), _("Each speaker's share and statements (S)"), "speakers_view"),
        (_("Figures"), _("Every figure in a sortable table (#)"), "numbers_view"),
        (_("Topics"), _("Jump to a section, person, place or key phrase (t)"), "topics"),
        (_("Search"), _("Search by word forms (/)"), "search"),
        (_("Export digest"), _("Save who said what and the figures as Markdown"), "export_digest"),
        (_("Toggle sidebar"), _("Show or hide the sections and speakers (\\)"), "toggle_sidebar"),
        (_("Copy quote"), _("Copy the quote or statement being read, with its speaker (y)"), "copy"),
        (_("File and line"), _("Where you are: file, section, line, percent (=)"), "file_info"),
        (_("Edit"), _("Open the file in $VISUAL or $EDITOR at this line (v)"), "edit"),
        (_("Theme"), _("Change the colours"), "change_theme"),
    ]
    for title, help_text, action in table:
        yield SystemCommand(title, help_text, run(action))
    if screen.query("HelpPanel"):
        yield SystemCommand(_("Keys panel"), _("Hide the keys panel (Esc)"), app.action_hide_help_panel)
    else:
        yield SystemCommand(_("Keys panel"), _("Show the keys of the focused part"), app.action_show_help_panel)
    yield SystemCommand(_("Quit"), _("Quit; your place is kept (q)"), run("quit"))


class Palette(App[int]):
    """The reader's palette: Textual's commands, the topics, and the reader's own
    (``reader_commands``).  A mixin of ``ReaderApp``."""

    COMMANDS = palette_commands()

    def action_command_palette(self) -> None:
        """Textual's palette, its placeholder in the user's language, with a guard for
        keys pressed before it is laid out (``palette.SafeCommandPalette``)."""
        from tui_reader.app.screens.palette import (
            SafeCommandPalette,  # with the topics: not for the first frame
        )

        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):  # is_open
            self.push_screen(SafeCommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return reader_commands(self, screen)
