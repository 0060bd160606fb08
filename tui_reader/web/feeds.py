"""RSS and Atom feeds → items to read, with feedparser.

``load_feed(URL or FILE)`` gives a ``Feed``: its title and its items (title, link,
date, source, summary as plain text; newest first).  Titles and summaries are
stripped of HTML here; they may still hold control codes, which whoever draws them
makes inert.

XML entity declarations are refused before feedparser sees the bytes: a feed has
no use for them, and nested ones (the "billion laughs") expand to gigabytes.
feedparser does drop them itself, but a refusal costs a regex and is clearer.
"""
from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from tui_reader.i18n import _
from tui_reader.web.fetch import MAX_BYTES, Fetched, FetchError, is_url

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s/>]", re.I)
_PROLOG_JUNK = re.compile(rb"(\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>)", re.S | re.I)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_ENTITY = re.compile(rb"<!ENTITY", re.I)
SUMMARY_CHARS = 600
_EPOCH = datetime.fromtimestamp(0, UTC)  # a sort key for "no date" (only dated items are sorted by it)


class FeedError(FetchError):
    """A feed that cannot be read; the message is one line for the user."""


@dataclass
class Item:
    key: str  # what read/unread is kept by: the item's id, else its link, else its title
    title: str
    link: str | None
    date: datetime | None
    source: str
    summary: str


@dataclass
class Feed:
    title: str
    url: str  # where it was read from (a URL or a file path)
    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def is_feed(page: Fetched) -> bool:
    """Whether a fetched page is RSS/Atom (by its type, else by its first element)."""
    if page.content_type in FEED_TYPES:
        return True
    return _root_tag(_as_utf8(page.content[:8192])) is not None


def load_feed(where: str, *, offline: bool = False, use_cache: bool = True, timeout: float | None = None) -> Feed:
    """The feed at a URL (through the page cache) or in a file."""
    if is_url(where):
        from tui_reader.web.article import fetch_article

        page = fetch_article(where, offline=offline, use_cache=use_cache, timeout=timeout)
        if not is_feed(page) and page.content_type in ("text/html", "application/xhtml+xml"):
            # A site's page: follow the feed it announces (<link rel="alternate" type="…rss+xml">).
            links = feed_links(page.content[:500_000].decode("utf-8", errors="replace"))
            if not links:
                raise FeedError(_("{url}: a web page that names no feed (summit-reader URL reads the page)").format(
                    url=where))
            page = fetch_article(urljoin(page.final_url, links[0]), offline=offline, use_cache=use_cache,
                                 timeout=timeout)
        feed = parse_feed(page.content, page.final_url, name=where, charset=page.charset)
        feed.notes.extend(page.notes)
        return feed
    where = str(Path(where).expanduser())
    try:
        with open(where, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise FeedError(_("{where}: no such file").format(where=where)) from None
    except OSError as e:
        raise FeedError(_("{where}: cannot read ({reason})").format(where=where, reason=e.strerror or e)) from None
    if len(data) > MAX_BYTES:
        raise FeedError(_("{where}: too large for a feed (over 10 MB)").format(where=where))
    return parse_feed(data, str(Path(where).resolve().as_uri()), name=where)


def parse_feed(data: bytes, base_url: str, name: str | None = None, charset: str | None = None) -> Feed:
    """Items of the RSS/Atom document ``data``; links resolved against ``base_url``;
    ``charset``: what the HTTP header said (the XML declaration says it otherwise)."""
    name = name or base_url
    refuse_entities(data, name)
    import feedparser

    # Whatever type the server gave, the bytes are parsed as the XML they are (feedparser
    # would otherwise flag a feed served as text/html); the base resolves relative links.
    content_type = "application/xml" + (f"; charset={charset}" if charset else "")
    parsed = feedparser.parse(data, response_headers={"content-location": base_url, "content-type": content_type})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = _one_line(str(parsed.get("bozo_exception") or _("no RSS or Atom items")))
        raise FeedError(_("{where}: not a readable feed ({reason})").format(where=name, reason=reason))
    title = plain(parsed.feed.get("title", "")) or name
    items = [_item(entry, title, base_url) for entry in parsed.entries]
    dated = sorted((i for i in items if i.date), key=lambda i: i.date or _EPOCH, reverse=True)
    feed = Feed(title=title, url=name, items=dated + [i for i in items if not i.date])
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.bozo and not isinstance(parsed.get("bozo_exception"), harmless):
        feed.notes.append(_("The feed is not well-formed XML; some items may be missing."))
    return feed


def refuse_entities(data: bytes, name: str = "feed") -> None:
    """Raise ``FeedError`` for a document that declares entities (a DOCTYPE with an
    internal subset): what an entity-expansion bomb needs."""
    head = _as_utf8(data)
    if _INTERNAL_SUBSET.search(head) or _ENTITY.search(head[:_prolog_end(head)]):
        raise FeedError(_("{where}: refused: the document declares XML entities (a feed has no need of "
                          "them, and they can expand without limit)").format(where=name))


def _prolog_end(data: bytes) -> int:
    root = _ROOT.search(data)
    return root.start() if root else len(data)


def _root_tag(data: bytes) -> str | None:
    pos = 0
    while m := _PROLOG_JUNK.match(data, pos):
        if m.end() == pos:
            break
        pos = m.end()
    root = _ROOT.match(data, pos)
    return root.group(1).decode("ascii").lower() if root else None


def _as_utf8(data: bytes) -> bytes:
    """UTF-16/32 documents (with a mark or NULs between ASCII) as UTF-8, so the
    byte patterns above see them; anything else as it is."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace").encode("utf-8")
    if b"\x00" in data[:64]:
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(codec, errors="replace").encode("utf-8")
    return data.removeprefix(b"\xef\xbb\xbf")


def _item(entry: Any, feed_title: str, base_url: str) -> Item:
    title = plain(entry.get("title", ""))
    link = entry.get("link") or None
    if link:
        link = urljoin(base_url, link)
    summary = plain(entry.get("summary", ""))
    if len(summary) > SUMMARY_CHARS:
        summary = summary[:SUMMARY_CHARS - 1].rstrip() + "…"
    source = plain((entry.get("source") or {}).get("title", "")) or feed_title
    parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
    date = datetime.fromtimestamp(calendar.timegm(parsed_date), UTC) if parsed_date else None
    key = entry.get("id") or link or title
    return Item(key=key, title=title or summary[:80] or _("(untitled)"), link=link, date=date,
                source=source, summary=summary)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p", "div", "li"):
            self.parts.append(" ")


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        a = {k: (v or "") for k, v in attrs}
        if "alternate" in a.get("rel", "").lower().split() and a.get("type", "").lower() in FEED_TYPES and a.get("href"):
            self.links.append(a["href"].strip())


def feed_links(page_html: str) -> list[str]:
    """The feeds an HTML page announces in its ``<link rel="alternate">`` tags, in order."""
    parser = _FeedLinks()
    parser.feed(page_html)
    parser.close()
    return parser.links


def plain(text: str) -> str:
    """HTML (or text with entities) as one line of plain text."""
    if "<" in text:
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    else:
        text = html.unescape(text)
    return _one_line(text)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
