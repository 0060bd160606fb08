"""The one-line prompt that reads the key after ``m`` (set a mark) or ``'`` (go to one)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.i18n import _
from tui_reader.reading.marks import APOSTROPHE_KEYS, BACK, mark_name


class MarkPrompt(ModalScreen[str | None]):
    """Reads the key after ``m`` or ``'`` and dismisses with the mark's name, ``BACK``
    (a second apostrophe, jump mode only), or None (Escape or any other key)."""

    DEFAULT_CSS = """
    MarkPrompt {
        background: transparent;
        align: left bottom;
    }
    MarkPrompt > Static {
        width: 100%;
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """

    def __init__(self, mode: Literal["set", "jump"], known: Mapping[str, int] | None = None) -> None:
        super().__init__()
        self.mode = mode
        self.known = dict(known or {})
        self._answered = False

    def compose(self) -> ComposeResult:
        if self.mode == "set":
            hint = _("Mark: press a letter to set it here (Esc cancels)")
        else:
            names = " ".join(sorted(self.known)) or _("none yet")
            hint = _("Go to mark: a letter, or ' to go back (marks: {names}; Esc cancels)").format(names=names)
        yield Static(hint, markup=False)

    def take_key(self, event: events.Key) -> None:
        """The key after ``m`` or ``'``, handed over by the app's key router the moment it
        arrives (not through this screen's queue: with two keys at once, the second
        must already find the prompt gone)."""
        if self._answered:
            return
        self._answered = True
        char = event.character
        if event.key == "escape":
            self.dismiss(None)
        elif self.mode == "jump" and char in APOSTROPHE_KEYS:
            self.dismiss(BACK)
        else:
            self.dismiss(mark_name(char))

    def on_key(self, event: events.Key) -> None:
        # Stop the key here so no binding of the screen below acts on it (a key that
        # reaches the screen rather than through the router: a test posting to it).
        event.stop()
        event.prevent_default()
        self.take_key(event)
