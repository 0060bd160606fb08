"""Make text from a file inert for the terminal, without changing its length.

Every character maps to exactly one character so that model offsets still point
at the same places in what is drawn.  C0 controls become their Unicode "control
picture" (ESC → ␛), DEL → ␡, C1 controls and bidi overrides → U+FFFD; a tab is a space.
"""
from __future__ import annotations

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
