"""HTML → the article's own text + heading spans, with trafilatura.

Why trafilatura: it is the best-scoring open main-content extractor on news
pages (it drops navigation, scripts, styles, comments, share buttons and
related-article lists), it works on a bare fragment as well as on a saved
page, and its XML output keeps what the reader needs: headings (``<head>``),
paragraphs, list items, bold runs (``<hi rend="#b">``) and links (``<ref>``,
whose text is kept and whose targets are dropped).  Many Russian
sites mark subheadings as a paragraph that is all bold (``<p><strong>…</strong></p>``),
so such a short paragraph becomes a heading too.  selectolax is smaller but
only parses: the boilerplate removal would be ours to write and maintain.

trafilatura is imported here only, when an HTML file is opened.
"""
from __future__ import annotations

import re
from typing import Any

from tui_reader.load import HeadingHint

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|article|div|p|h[1-6]|section|table)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(r"</?(p|div|br|h[1-6]|span|a|strong|em|b|i|ul|ol|li|table|tr|td|article|section|body|head|html"
                       r"|script|style|meta|link|title|img)\b[^<>]*>", re.I)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)

# A bold-only paragraph longer than this is an emphasised lead, not a subheading.
BOLD_HEADING_MAX = 160


def looks_like_html(text: str) -> bool:
    sample = text[:20_000]
    if _HTML_START.match(sample):
        return len(_HTML_TAG.findall(sample)) >= 2
    return len(_HTML_TAG.findall(sample)) >= 10


def declared_charset(data: bytes) -> str | None:
    """The ``<meta charset>`` of a page, if it declares one."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def html_to_text(html: str) -> tuple[str, list[HeadingHint] | None, str | None]:
    """Return (text, heading hints, page title or None); hints are None when no
    article was found and the text is all of the page's."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", include_formatting=True, include_comments=False,
                              include_links=True, include_images=False, include_tables=True,
                              favor_recall=True, with_metadata=True)
    if not xml:
        # Too little for the extractor to call it an article: plain text of the page,
        # with no heading hints (None: the structure pass finds headings as in a text file).
        return (trafilatura.html2txt(html) or "").strip(), None, None
    root = etree.fromstring(xml.encode("utf-8"))
    title = (root.get("title") or "").strip() or None
    main = root.find("main")
    writer = _Writer()
    if title is not None:
        writer.block(title)
    for el in (main if main is not None else root):
        _emit(el, writer)
    if title is not None and writer.first_after_title_is(title):
        writer.drop_first()
    return writer.text(), writer.headings, title


def _emit(el: Any, writer: _Writer) -> None:
    tag = el.tag
    if tag == "head":
        level = _head_level(el.get("rend"))
        writer.block(_text(el), heading_level=level)
    elif tag == "p":
        text = _text(el)
        level = 2 if _is_bold_only(el, text) else 0
        writer.block(text, heading_level=level)
    elif tag == "list":
        for item in el.iter("item"):
            writer.block("• " + _text(item), tight=True)
    elif tag == "table":
        for row in el.iter("row"):
            writer.block(" | ".join(_text(c) for c in row), tight=True)
    elif tag in ("quote", "code"):
        writer.block(_text(el))
    else:
        text = _text(el)
        if text:
            writer.block(text)


def _text(el: Any) -> str:
    # trafilatura marks line breaks with <lb/>; itertext drops them, so rebuild.
    parts: list[str] = []
    for node in el.iter():
        if node.tag == "lb":
            parts.append("\n")
        if node is not el and node.tag in ("item",):
            continue
        if node.text and node.tag != "lb":
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _is_bold_only(el: Any, text: str) -> bool:
    if not text or len(text) > BOLD_HEADING_MAX or "\n" in text:
        return False
    bold = "".join("".join(hi.itertext()) for hi in el.iter("hi") if (hi.get("rend") or "").startswith("#b"))
    if _squeeze(bold) != _squeeze(text):
        return False
    # A bold paragraph that is all one link is a "read also" teaser, not a heading.
    linked = "".join("".join(ref.itertext()) for ref in el.iter("ref"))
    return _squeeze(linked) != _squeeze(text)


def _squeeze(s: str) -> str:
    """``s`` without any whitespace (to compare texts however they were spaced)."""
    return re.sub(r"\s+", "", s)


def _head_level(rend: str | None) -> int:
    m = re.match(r"h([1-6])", rend or "")
    return int(m.group(1)) if m else 2


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.headings: list[HeadingHint] = []
        self.starts: list[int] = []
        self.last_tight = False

    def block(self, text: str, heading_level: int = 0, tight: bool = False) -> None:
        text = text.strip()
        if not text or text == "•":
            return
        if self.length:
            self._append("\n" if (tight and self.last_tight) else "\n\n")
        self.last_tight = tight
        start = self.length
        self.starts.append(start)
        self._append(text)
        if heading_level:
            self.headings.append((start, self.length, heading_level))

    def first_after_title_is(self, title: str) -> bool:
        text = self.text()
        if len(self.starts) < 2:
            return False
        second = text[self.starts[1]:].split("\n", 1)[0]
        return second.strip() == title

    def drop_first(self) -> None:
        """The page title was repeated as the article's first block: keep one copy."""
        text = self.text()
        cut = self.starts[1]
        self.parts = [text[cut:]]
        self.length = len(self.parts[0])
        self.headings = [(s - cut, e - cut, lv) for s, e, lv in self.headings if s >= cut]
        self.starts = [s - cut for s in self.starts[1:]]

    def _append(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def text(self) -> str:
        return "".join(self.parts)
