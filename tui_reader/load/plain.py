"""Plain text out of HTML or Markdown when the structured parse gives up.

trafilatura (through lxml) stops at a nesting depth of 256 and markdown-it at 20:
a paragraph inside 10,000 ``<div>``s, or a list nested 3,000 deep, came out as
nothing, in silence.  These readers have no depth at all: they walk the source
once, keep every piece of text, and break paragraphs where blocks end.  The
loader uses them where the structured result lost the text, and says so.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
               "section", "article", "blockquote", "pre", "header", "footer", "main", "dd", "dt", "hr"}
_SKIPPED = {"script", "style", "template", "noscript", "head", "title", "svg"}


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\f\v]+")
_BREAKS = re.compile(r"\s*\n\s*\n\s*")


def tidy(text: str) -> str:
    """Runs of spaces to one, paragraphs separated by one blank line, ends trimmed."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BREAKS.sub("\n\n", "\n".join(lines)).strip()


def html_plain_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return tidy("".join(parser.parts))


# A Markdown line's block markers: quote marks, list bullets or numbers, heading hashes.
_MD_PREFIX = re.compile(r"^[ \t]*(?:(?:>[ \t]?)+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)*")


def markdown_plain_text(source: str) -> str:
    """Each line without its block markers (``>``, ``-``, ``1.``, ``#``); inline marks stay."""
    return tidy("\n".join(_MD_PREFIX.sub("", line) for line in source.split("\n")))


_WORD = re.compile(r"[^\W\d_]{2,}")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[^>\n]*>|https?://\S+")


def words(text: str) -> int:
    return len(_WORD.findall(text))


def markdown_words(source: str) -> int:
    """Words a reader of the Markdown would see (link targets and tags are not text)."""
    return words(_LINK_TARGET.sub(" ", source))
