"""File → text: decoding, newline normalisation and format extraction (HTML, Markdown).

``load_path`` returns a ``Loaded``: the text the offsets point into, its ``Source``
and, for formats that mark headings (HTML, Markdown), the heading spans found
(``heading_hints``: ``(start, end, level)`` into ``text``).  Anything that cannot
be read raises ``LoadError`` with a one-line message.  ``-`` reads standard input.

What ``text`` is: the decoded text with ``\\r\\n`` and ``\\r`` turned into ``\\n``
and nothing else changed, as the contract says.  Control characters (ESC, BEL,
…) and Rich/Textual markup such as ``[bold]`` stay in the text as data: the model
must point into what the file says, and it is the app's job to show them inert.
Only for Markdown and HTML is ``text`` the extracted plain text, not the source.

Nothing here writes anywhere.
"""
from __future__ import annotations

import hashlib
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.fingerprint import fingerprint
from tui_reader.i18n import _
from tui_reader.load.decode import NotText, decode
from tui_reader.model import Source, SourceFormat
from tui_reader.terminal_text import quote_name

__all__ = [
    "HTML_EXT",
    "LOADER_VERSION",
    "MARKDOWN_EXT",
    "MAX_BYTES",
    "TEXT_EXT",
    "HeadingHint",
    "LoadError",
    "Loaded",
    "load_bytes",
    "load_path",
    "no_article_note",
    "normalise_newlines",
]

# The loader decides the text every model offset points into, so a change to its
# code must retire cached models too (the pipeline puts this in the model version).
LOADER_VERSION = fingerprint(Path(__file__).resolve().parent.glob("*.py"), 8)

# Past this the analysis would take minutes and hold gigabytes; a news reader
# has no business opening it.  The 3 MB novel is well inside.
MAX_BYTES = 20 * 1024 * 1024

MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_EXT = {".txt", ".text"}

def no_article_note() -> str:
    """The note for a page without an article (all of its text is shown); a function:
    the language is chosen after import, and the pipeline looks for this note."""
    return _("No article was found in this page; this is all of its text.")

HeadingHint = tuple[int, int, int]  # (start, end, level) of a heading the format marks, 1 for "#"/<h1>


class LoadError(Exception):
    """A file that cannot be opened as text; the message is one line for the user."""


@dataclass
class Loaded:
    text: str
    source: Source
    heading_hints: list[HeadingHint] | None = None
    notes: list[str] = field(default_factory=list)
    code_spans: list[tuple[int, int]] = field(default_factory=list)  # Markdown code blocks


def load_path(path: str | Path, encoding: str | None = None) -> Loaded:
    """Read ``path`` (``-``: standard input) and return its text."""
    if str(path) == "-":
        return load_bytes(_read_stdin(), "-", encoding)
    p = Path(path)
    try:
        info = p.stat()
    except OSError as e:
        raise _os_error(path, e, "cannot open") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(f"{quote_name(path)}: " + _("is a directory, not a file"))
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise LoadError(f"{quote_name(path)}: " + _("too large ({size}; the limit is {limit})").format(
            size=_mb(info.st_size), limit=_mb(MAX_BYTES)))
    try:
        with open(p, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # a pipe or device has no size to check beforehand
    except OSError as e:
        raise _os_error(path, e, "cannot read") from None
    if len(data) > MAX_BYTES:
        raise LoadError(f"{quote_name(path)}: " + _("too large (over {limit})").format(limit=_mb(MAX_BYTES)))
    return load_bytes(data, str(p), encoding)


def load_bytes(data: bytes, path: str | None = None, encoding: str | None = None, *,
               suffix: str | None = None) -> Loaded:
    """Decode ``data`` (named ``path``, for the format guess and messages);
    ``suffix`` stands for the name's (a URL's format comes from its Content-Type)."""
    name = path or "input"
    sha = hashlib.sha256(data).hexdigest()
    notes: list[str] = []
    try:
        text, used = decode(data, encoding, notes)
    except NotText as e:
        raise LoadError(f"{quote_name(name)}: {e}") from None
    fmt = _guess_format(path, text, suffix)
    if fmt == "html" and not encoding:
        text, used = _honour_declared_charset(data, text, used)
    text = normalise_newlines(text)
    hints: list[HeadingHint] | None = None
    code: list[tuple[int, int]] = []
    if fmt == "markdown":
        from tui_reader.load.markdown import markdown_parts
        from tui_reader.load.plain import markdown_plain_text, markdown_words, words

        source_text = text
        text, hints, code = markdown_parts(source_text)
        # markdown-it drops what is nested past its limit: if words went missing, read the lines instead
        if words(text) < 0.8 * markdown_words(source_text):
            text, hints, code = markdown_plain_text(source_text), None, []
            notes.append(_("The Markdown is nested too deeply to keep its structure: shown as plain text."))
    elif fmt == "html":
        from tui_reader.load.html import html_to_text
        from tui_reader.load.plain import html_plain_text

        source_text = text
        try:
            text, hints, _title = html_to_text(source_text)
        except Exception:  # noqa: BLE001 - a parser failure on a broken page must not be a traceback: plain text then
            text, hints = "", []
        text = normalise_newlines(text)
        if not text.strip():
            # the extractor gave up (10,000 nested <div>s stop lxml); the page's plain text, if any
            text, hints = html_plain_text(source_text), None
            if text.strip():
                notes.append(_("No article could be extracted from this HTML page: all its text is shown."))
        elif hints is None:  # a page with no article in it: all its text (see pipeline._no_article)
            notes.append(no_article_note())
        if not text.strip():
            notes.append(_("No article text was found in this HTML page."))
    if "\ufffd" in text and encoding:
        notes.append(_("Some bytes are not valid {encoding} and are shown as \ufffd.").format(encoding=used))
    source = Source(path=path, sha256=sha, encoding=used, format=fmt)
    return Loaded(text=text, source=source, heading_hints=hints, notes=notes, code_spans=code)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess_format(path: str | None, text: str, suffix: str | None = None) -> SourceFormat:
    """By extension first; sniff the content for stdin and unknown extensions."""
    from tui_reader.load.html import looks_like_html
    from tui_reader.load.markdown import looks_like_markdown

    ext = suffix.lower() if suffix is not None else Path(path).suffix.lower() if path and path != "-" else ""
    if ext in MARKDOWN_EXT:
        return "markdown"
    if ext in HTML_EXT:
        return "html"
    if ext in TEXT_EXT:
        return "text"
    if looks_like_html(text):
        return "html"
    if looks_like_markdown(text):
        return "markdown"
    return "text"


def _honour_declared_charset(data: bytes, text: str, used: str) -> tuple[str, str]:
    """A page that says ``<meta charset=windows-1251>`` and is not valid UTF-8 means it."""
    if used in ("utf-8", "utf-8-sig") or used.startswith("utf-16") or used.startswith("utf-32"):
        return text, used
    from tui_reader.load.html import declared_charset

    declared = declared_charset(data)
    if not declared or declared.lower().replace("_", "-") in ("utf-8", "utf8"):
        return text, used  # a page claiming UTF-8 that is not valid UTF-8 is wrong, not us
    try:
        return data.decode(declared, errors="replace"), declared.lower()
    except LookupError:
        return text, used


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
    if stream is None:
        raise LoadError("-: " + _("standard input is not available"))
    if sys.stdin.isatty():
        raise LoadError("-: " + _("standard input is a terminal; pipe a file in (summit-reader export - < article.txt)"))
    data: bytes = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise LoadError("-: " + _("standard input is too large (over {limit})").format(limit=_mb(MAX_BYTES)))
    return data


def _os_error(path: str | Path, e: OSError, doing: str) -> LoadError:
    """A failed stat or open as the one line the user reads."""
    if isinstance(e, FileNotFoundError):
        return LoadError(f"{quote_name(path)}: " + _("no such file"))
    if isinstance(e, PermissionError):
        return LoadError(f"{quote_name(path)}: " + _("permission denied"))
    if isinstance(e, IsADirectoryError):
        return LoadError(f"{quote_name(path)}: " + _("is a directory, not a file"))
    return LoadError(f"{quote_name(path)}: {doing} ({e.strerror or e})")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
