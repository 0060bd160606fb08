"""Marks and the jump history, as in less: ``m``+letter sets, ``'``+letter jumps, ``''`` goes back.

API for the app (offsets are code points into ``Document.text``, never screen lines):

    marks = Marks(state.marks)            # from tui_reader.store.state.DocState
    marks.set("a", offset) -> str | None  # the mark's name, or None if the key is no letter
    marks.get("a") -> int | None          # does not record a jump: the JumpTo handler does
    marks.record_jump(from_offset)        # call for EVERY jump (section, search hit, topic,
                                          # G, g, 'a, view Enter): i.e. in the JumpTo handler
                                          # when message.record is true
    marks.back(current_offset) -> int | None
                                          # '': where you were before the last jump; it records
                                          # `current_offset`, so '' twice returns (toggles) —
                                          # post JumpTo(target, record=False) for it
    marks.as_dict() -> dict[str, int]     # to save: DocState(position, marks.as_dict())

Keys.  A mark is any letter, Cyrillic included, case-sensitive.  A letter typed in the
Russian ЙЦУКЕН layout names the same mark as the Latin letter on that key (``ф`` is
``a``), so a mark set before switching layout is still found after it; Cyrillic letters
with no Latin letter on their key (х ъ ж б ю ё) are marks of their own; э is not a
mark, since it is the ``'`` key.  In that
layout the command keys arrive as ``ь`` (m) and ``э`` ('), so bind those too.

The two-key sequence: ``MarkPrompt`` is a one-line modal that reads the next key:

    BINDINGS = [Binding("m,ь", "mark_set", "Mark", id="marks.set"),
                Binding("apostrophe,э", "mark_jump", "Go to mark", id="marks.jump")]

    def action_mark_set(self):
        def done(name: str | None) -> None:
            if name and name != BACK:
                self.marks.set(name, self.current_offset()); self.save_state()
        self.push_screen(MarkPrompt("set"), done)

    def action_mark_jump(self):
        def done(name: str | None) -> None:
            if name == BACK: target = self.marks.back(self.current_offset()); record = False
            elif name:       target = self.marks.get(name); record = True
            else: return
            if target is None: self.notify(f"No mark {name}") ; return
            self.post_message(JumpTo(target, record=record))
        self.push_screen(MarkPrompt("jump", known=self.marks.as_dict()), done)
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.i18n import _

# What MarkPrompt("jump") returns for a second apostrophe: "go back" ('').
BACK = "'"

# The Russian ЙЦУКЕН layout → the Latin letter on the same physical key (letters only).
_RU_KEYS = "йцукенгшщзфывапролдячсмить"
_EN_KEYS = "qwertyuiopasdfghjklzxcvbnm"
RU_TO_LATIN = {ru: en for ru, en in zip(_RU_KEYS, _EN_KEYS)}
RU_TO_LATIN |= {ru.upper(): en.upper() for ru, en in RU_TO_LATIN.items()}

# Keys that mean "'" (the jump command, or '' after it) in either layout.
APOSTROPHE_KEYS = frozenset({"'", "э", "Э"})


def mark_name(character: str | None) -> str | None:
    """The mark a typed character names, or None if it is not a letter."""
    if not character or len(character) != 1 or not character.isalpha():
        return None
    if character in APOSTROPHE_KEYS:
        return None  # э is the ' key in the Russian layout: after ' it means '' (back)
    return RU_TO_LATIN.get(character, character)


class Marks:
    def __init__(self, marks: Mapping[str, int] | None = None, *, history_limit: int = 100) -> None:
        self._marks: dict[str, int] = {}
        for key, offset in (marks or {}).items():
            name = mark_name(key)
            if name is not None:
                self._marks[name] = int(offset)
        self._history: list[int] = []
        self._limit = history_limit

    def set(self, key: str, offset: int) -> str | None:
        name = mark_name(key)
        if name is not None:
            self._marks[name] = offset
        return name

    def get(self, key: str) -> int | None:
        name = mark_name(key)
        return None if name is None else self._marks.get(name)

    def record_jump(self, from_offset: int) -> None:
        """Remember where a jump left from (repeats of the same place are kept once)."""
        if self._history and self._history[-1] == from_offset:
            return
        self._history.append(from_offset)
        del self._history[:-self._limit]

    def back(self, current_offset: int) -> int | None:
        """Where to go for '': the last place a jump left from, or None if none yet.

        As in less, going back is itself a jump, so '' again returns to ``current_offset``.
        """
        if not self._history:
            return None
        target = self._history.pop()
        if current_offset != target:
            self._history.append(current_offset)
        return target

    def as_dict(self) -> dict[str, int]:
        return dict(self._marks)

    @property
    def history(self) -> tuple[int, ...]:
        return tuple(self._history)

    def __len__(self) -> int:
        return len(self._marks)


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
