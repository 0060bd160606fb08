"""Make text from a file inert for the terminal, without changing its length.

Every character maps to exactly one character so that model offsets still point
at the same places in what is drawn.  C0 controls become their Unicode "control
picture" (ESC → ␛), DEL → ␡, C1 controls and bidi overrides → U+FFFD; a tab is a space.
Every piece of the file shown anywhere (the article, lists, labels, views) goes
through here: an ESC or OSC sequence from a file must not reach the terminal.
"""
from __future__ import annotations

import re

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x09] = " "
del _TABLE[0x0A]  # the newline separates lines; layout never hands one to the renderer
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# Bidi embeddings/overrides/isolates can reorder what follows on the line.
_TABLE.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def inert(text: str) -> str:
    """``text`` with every control character replaced by a visible, harmless one."""
    return text.translate(_TABLE)


# What ``strip_controls`` drops: every C0 control but tab and newline, DEL, C1, bidi overrides.
_STRIP = {code: None for code in _TABLE if code not in (0x09, 0x0A)}


def strip_controls(text: str) -> str:
    """``text`` without control characters, for text that leaves the reader (the
    clipboard): there a visible ␛ would be noise, and a real ESC a hazard; the
    invisible characters go too (``for_clipboard``)."""
    return for_clipboard(text.translate(_STRIP))


# Characters that draw nothing but can make two names look alike or one name look like
# another ("Пут\u200bин", a right-to-left mark): in names and lists they are shown.
# Zero-width spaces and joiners as ␣, direction marks as the replacement character.
_INVISIBLE: dict[int, str] = {code: "\u2423" for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)}
_INVISIBLE.update({code: "\ufffd" for code in (0x200E, 0x200F, 0x061C)})
_INVISIBLE.update({code: " " for code in (0x2028, 0x2029)})


def name_text(text: str) -> str:
    """A name, label or list entry from the file: inert, and its invisible characters
    shown (one character each, so offsets into it still hold)."""
    return inert(text).translate(_INVISIBLE)


_SPACES = re.compile(r"\s+")


def one_line(text: str, limit: int | None = None, *, keep_edges: bool = False) -> str:
    """Text from the file as one inert line, for a label or a list entry (invisible
    characters shown, see ``name_text``).

    Whitespace runs (line breaks included) become one space; the ends are trimmed
    unless ``keep_edges`` (a piece joined to a highlighted word keeps its space);
    a line longer than ``limit`` is cut with "…"."""
    line = name_text(_SPACES.sub(" ", text))
    if not keep_edges:
        line = line.strip()
    if limit is not None and len(line) > limit:
        line = line[: limit - 1] + "…"
    return line


_CLIPBOARD_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]")


def for_clipboard(text: str) -> str:
    """Text to copy: control, bidi and invisible characters removed (a tab and a
    newline kept), so what is pasted is what was read and cannot act on a terminal."""
    return _CLIPBOARD_DROP.sub("", text)
