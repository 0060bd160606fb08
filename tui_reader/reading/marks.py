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

The two-key sequence: ``app.screens.mark_prompt.MarkPrompt`` is a one-line modal that reads the next key:

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

# What MarkPrompt("jump") returns for a second apostrophe: "go back" ('').
BACK = "'"

# The Russian ЙЦУКЕН layout → the Latin letter on the same physical key (letters only).
_RU_KEYS = "йцукенгшщзфывапролдячсмить"
_EN_KEYS = "qwertyuiopasdfghjklzxcvbnm"
RU_TO_LATIN = {ru: en for ru, en in zip(_RU_KEYS, _EN_KEYS, strict=True)}
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
