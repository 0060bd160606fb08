"""Keys that arrive together go where the reader meant them, in order, none lost.

A terminal hands the app every key of one read at once (a paste, SSH, a busy
machine).  Textual forwards each key to the focused widget as it arrives, and a
binding runs only when the key has bubbled back up to the app, so in ``/abc``
the letters were forwarded to the article before ``/`` had opened the search
box, and ran as commands there.  The same race made ``m`` + ``ab`` dismiss the
mark prompt twice (a crash).

The router sits where the app first sees each key (``on_event``) and queues them:

- a key whose binding opens something that takes the following keys (an input,
  a prompt, a list, a screen; ``OPENERS``) runs its action at once, and the keys
  after it wait until the focus or the screen has changed (or a short while has
  passed), then go on to the new target in order;
- a screen or a reader that takes exactly one key (the mark prompt, a count, a
  ``:`` command) gets it here, synchronously, so the key after it already sees
  the state that key left.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from time import monotonic
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

# Actions after which the next keys belong to something new (an input, a list, a screen).
OPENERS = frozenset({
    "search", "topics", "speakers", "switch_focus", "help", "speakers_view", "numbers_view",
    "command_palette", "mark_set", "mark_jump", "colon", "close", "clear", "focus_next",
    "focus_previous", "edit", "show_keys", "dismiss",
})
SETTLE_LIMIT = 0.15  # seconds to hold keys at most for an opener that moves no focus


def _takes_text(widget: Widget | None) -> bool:
    """An input box or text area has the focus (by class name: importing TextArea to
    ask isinstance would cost start-up ~5 ms, and the reader has none until a pane opens)."""
    return widget is not None and any(cls.__name__ in ("Input", "TextArea") for cls in type(widget).__mro__)


class KeyRouter(App[int]):
    _key_queue: deque[events.Key]
    _holding: bool = False
    count_digits: str = ""  # a count being typed (5 in 5j)
    count: int | None = None  # the count, while the counted key's action runs
    # a one-key reader (mark prompt, count, ':'): gets the next key; True means it took it
    key_reader: Callable[[events.Key], bool] | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if not hasattr(self, "_key_queue"):
                self._key_queue = deque()
            self._key_queue.append(event)
            if not self._holding:
                await self._drain_keys()
            return
        await super().on_event(event)

    async def _drain_keys(self) -> None:
        while self._key_queue and not self._holding:
            event = self._key_queue.popleft()
            if self._to_reader(event) or self._count_digit(event):
                continue
            if self.count_digits and await self._run_counted(event):
                continue
            opener = self._opener(event)
            if opener is None:
                await super().on_event(event)
                continue
            node, action = opener
            before = (self.screen, self.focused)
            self._holding = True
            try:
                await self.run_action(action, node)
            finally:
                self.call_later(self._settle, before, monotonic())

    def _to_reader(self, event: events.Key) -> bool:
        """Give the key to a one-key reader: the app's own, or the screen's ``take_key``."""
        reader = self.key_reader
        if reader is not None:
            self.key_reader = None
            if reader(event):
                return True
        take_key = getattr(self.screen, "take_key", None)
        if take_key is not None:
            take_key(event)
            return True
        return False

    def _count_digit(self, event: events.Key) -> bool:
        """A digit typed in the text (not in a box or a pop-up) starts or extends a count."""
        char = event.character
        if not char or char not in "0123456789" or (char == "0" and not self.count_digits):
            return False
        if len(self.screen_stack) > 1 or _takes_text(self.focused):
            return False
        self.count_digits += char
        self._count_changed()
        return True

    async def _run_counted(self, event: events.Key) -> bool:
        """The key after a count: run its binding with ``self.count`` set.  Esc drops the count."""
        count, self.count_digits = int(self.count_digits), ""
        self._count_changed()
        if event.key == "escape":
            return True
        active = self.screen.active_bindings.get(event.key)
        if active is None or not active.enabled:
            return False  # no binding takes a count: the key goes on as usual
        self.count = count
        try:
            await self.run_action(active.binding.action, active.node)
        finally:
            self.count = None
        return True

    def _count_changed(self) -> None:
        """Show the count being typed (the app draws it where it likes)."""

    def _opener(self, event: events.Key) -> tuple[DOMNode, str] | None:
        """The (namespace, action) of the binding this key runs, if it opens something."""
        if event.is_printable and _takes_text(self.focused):
            return None  # a letter typed into a box
        active = self.screen.active_bindings.get(event.key)
        if active is None or not active.enabled:
            return None
        action = active.binding.action
        if action.split("(", 1)[0].rsplit(".", 1)[-1] not in OPENERS:
            return None
        return active.node, action

    async def _settle(self, before: tuple[Screen[Any], Widget | None], started: float) -> None:
        """Let the held keys go once the opener has taken the focus (or a screen is up).

        The first call comes after whatever the action queued (``focus()`` is queued);
        a pane that hands the focus back through a message needs a few more turns."""
        waiting = (self.screen, self.focused) == before and self.key_reader is None
        if waiting and monotonic() - started < SETTLE_LIMIT:
            self.set_timer(0.01, lambda: self.call_later(self._settle, before, started))
            return
        self._holding = False
        await self._drain_keys()
