"""File → text: decoding, newline normalisation and format extraction (HTML, Markdown).

``load_path`` returns a ``Loaded``: the text the offsets point into, its ``Source``
and, for formats that mark headings (HTML, Markdown), the heading spans found.
Anything that cannot be read raises ``LoadError`` with a one-line message.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.model import Source


class LoadError(Exception):
    """A file that cannot be opened as text; the message is one line for the user."""


@dataclass
class Loaded:
    text: str
    source: Source
    heading_hints: list[tuple[int, int]] | None = None
    raw_sha256: str = ""
    notes: list[str] = field(default_factory=list)


def load_path(path: str | Path, encoding: str | None = None) -> Loaded:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{path}: is a directory, not a file") from None
    except OSError as e:
        raise LoadError(f"{path}: cannot read ({e.strerror or e})") from None
    return load_bytes(data, str(p), encoding)


def load_bytes(data: bytes, path: str | None = None, encoding: str | None = None) -> Loaded:
    sha = hashlib.sha256(data).hexdigest()
    text = data.decode(encoding or "utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Loaded(text=text, source=Source(path=path, sha256=sha, encoding=encoding or "utf-8", format="text"),
                  raw_sha256=sha)
