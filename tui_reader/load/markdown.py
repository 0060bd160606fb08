"""Markdown → plain text + heading spans, with markdown-it-py (already installed by Rich).

The reader shows text, not markup: ``#``, ``**``, ``[text](url)`` and the like
must not leak into the model.  Blocks become paragraphs separated by a blank
line; list items keep a bullet ("• ") or their number so a list still reads as
one; headings become their text, and their spans go to the structure pass as
heading hints ``(start, end, level)``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui_reader.load import HeadingHint

if TYPE_CHECKING:
    from markdown_it.token import Token

# Lines that only a Markdown file starts: "# Title", "## Section", "---" front matter.
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_MARKUP = re.compile(r"\*\*\S|\[[^\]\n]+\]\([^)\s]+\)|^```|^\s*[-*+] \S", re.M)


def looks_like_markdown(text: str) -> bool:
    """For stdin and files without a telling extension."""
    sample = text[:20_000]
    headings = len(_MD_HEADING.findall(sample))
    return headings >= 2 or (headings >= 1 and bool(_MD_MARKUP.search(sample))) or (
        sample.lstrip().startswith("# ") and headings >= 1)


def markdown_parts(source: str) -> tuple[str, list[HeadingHint], list[tuple[int, int]]]:
    """The text, its headings and the spans of its code blocks (shown as written, but
    their digits are no figures)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = _Writer()
    front_title, source = _front_matter(source)
    if front_title:
        out.write(front_title)  # the headline: the structure pass takes a short first line for it
    tokens = md.parse(source)
    cell = 0
    list_stack: list[list[int | None]] = []  # per open list: [next number or None for bullets]
    for tok in tokens:
        kind = tok.type
        if kind == "heading_open":
            out.start_block()
            out.heading_level = int(tok.tag[1])
        elif kind == "heading_close":
            out.end_heading()
        elif kind == "bullet_list_open":
            list_stack.append([None])
        elif kind == "ordered_list_open":
            start = tok.attrGet("start")
            list_stack.append([int(start) if start is not None else 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if list_stack:
                list_stack.pop()
        elif kind == "list_item_open":
            out.start_block(tight=True)
            number = list_stack[-1][0] if list_stack else None
            indent = "  " * max(0, len(list_stack) - 1)
            if number is None:
                out.pending_prefix = indent + "• "
            else:
                out.pending_prefix = f"{indent}{number}. "
                list_stack[-1][0] = number + 1
        elif kind == "paragraph_open":
            if not tok.hidden:
                out.start_block()
        elif kind == "tr_open":
            out.start_block(tight=True)
            cell = 0
        elif kind in ("th_open", "td_open"):
            if cell:
                out.write(" | ")
            cell += 1
        elif kind == "inline":
            out.write(_inline_text(tok))
        elif kind in ("fence", "code_block"):
            out.start_block()
            code = tok.content.rstrip("\n")
            out.write(code)
            out.code.append((out.length - len(code), out.length))
        elif kind == "hr":
            out.start_block()
    return out.text(), out.headings, out.code


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)


def _front_matter(source: str) -> tuple[str | None, str]:
    """YAML front matter (``---`` … ``---`` at the top) is metadata, not text;
    its ``title:`` is the headline."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return None, source
    title = _FRONT_TITLE.search(m.group(1))
    value = title.group(1).strip("\"'") if title else None
    return value or None, source[m.end():]


def _inline_text(tok: Token) -> str:
    parts: list[str] = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)  # the alt text
        # link_open/close, em/strong, html_inline: markup only, dropped
    return "".join(parts)


class _Writer:
    """Collects blocks, separating them by a blank line (list items by one newline)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.headings: list[HeadingHint] = []
        self.code: list[tuple[int, int]] = []
        self.heading_level = 0
        self.heading_start = 0
        self.pending_sep = ""
        self.pending_prefix = ""
        self.tight = False

    def start_block(self, tight: bool = False) -> None:
        if self.length:
            self.pending_sep = "\n" if (tight and self.tight) else "\n\n"
        self.tight = tight

    def write(self, s: str) -> None:
        if not s and not self.pending_prefix:
            return
        if self.pending_sep:
            self._append(self.pending_sep)
            self.pending_sep = ""
        if self.pending_prefix:
            self._append(self.pending_prefix)
            self.pending_prefix = ""
        if self.heading_level:
            self.heading_start = self.length
        self._append(s)

    def end_heading(self) -> None:
        if self.heading_level and self.length > self.heading_start:
            self.headings.append((self.heading_start, self.length, self.heading_level))
        self.heading_level = 0

    def _append(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def text(self) -> str:
        return "".join(self.parts)
