"""Text from files (and file names) made safe for a terminal the CLI prints to.

The app draws through ``reading/sanitize.py``; the command line prints plain lines, so
it has its own rule, as ``less`` and ``ls`` have:

* ``visible(text)`` — where the stream is a terminal, control characters are shown
  in caret notation (ESC → ``^[``, DEL → ``^?``) and C1 controls, bidi controls and
  invisible characters as ``<U+202E>``; the newline stays (it separates records).
  Into a pipe or a file the text goes as it is: that is data, not a screen.
* ``quote_name(name)`` — a file name for a message, quoted as ``ls`` quotes it
  (shell-escape style): plain names as they are, others in '…', and names with
  control characters (a newline, say) as $'…' with escapes, so one record stays
  one line whatever the name.

Nothing here imports anything heavy; ``load`` and ``cli`` both use it.
"""
from __future__ import annotations

import re
from typing import TextIO

# Characters a terminal acts on or that change how a line reads without showing:
# C0 (but the newline) and DEL, C1, and the bidi and invisible format characters.
_INVISIBLE = "\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff"
_UNSAFE = re.compile(f"[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_UNSAFE_IN_NAME = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
# What a name may hold and still go unquoted (as ls: letters of any script are fine).
_PLAIN_NAME = re.compile(r"[\w@%+=:,./-]+")


def _shown(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control or invisible character written out visibly."""
    return _UNSAFE.sub(_shown, text)


def is_terminal(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def for_stream(text: str, stream: TextIO | None) -> str:
    """``text`` as it may be written to ``stream``: made visible on a terminal, as it is elsewhere."""
    return visible(text) if is_terminal(stream) else text


_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\E", "\\": "\\\\", "'": "\\'"}


def quote_name(name: object) -> str:
    """A file name for a message, quoted as ``ls`` does (``--quoting-style=shell-escape``)."""
    s = str(name)
    if s and _PLAIN_NAME.fullmatch(s):
        return s
    if not _UNSAFE_IN_NAME.search(s):
        return "'" + s.replace("'", "'\\''") + "'"
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _UNSAFE_IN_NAME.match(ch):
            code = ord(ch)
            out.append(f"\\{code:03o}" if code < 0x100 else f"\\u{code:04X}")
        else:
            out.append(ch)
    return "$'" + "".join(out) + "'"


def json_for_terminal(text: str) -> str:
    """JSON text (``ensure_ascii=False``) with the characters a terminal would act on
    written as ``\\uXXXX`` escapes: the same JSON, safe to show.  (JSON already escapes
    C0; C1 and the bidi characters it leaves as they are.)  They can only be inside
    strings, since everything else in JSON is ASCII."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
