"""An article's date and source, for the library's list.

In order: the HTML page's metadata (``article:published_time``, ``<time datetime>``,
``og:site_name``, the canonical URL), then the first lines of the text (an ISO or
Russian date, a URL line as news dumps carry), then the file's modification time
and its folder's name.  Pure functions of the bytes, text and path: no NLP.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlparse

# How far into the text a date or URL still describes the article (header lines).
_HEAD_CHARS = 600
_HTML_HEAD_BYTES = 200_000

_MONTHS = {name: i for i, names in enumerate((
    ("январ",), ("феврал",), ("март", "марта"), ("апрел",), ("мая", "май"), ("июн",), ("июл",),
    ("август",), ("сентябр",), ("октябр",), ("ноябр",), ("декабр",)), 1) for name in names}

_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_ISO_STAMP = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")  # in metadata: "2024-06-01T10:00:00Z"
_DOTTED = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b")
_WORDS = re.compile(r"\b(\d{1,2})\s+([а-яё]+)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"']+")
_META = re.compile(rb"<meta\s[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_TIME = re.compile(rb"""<time\s[^>]*datetime\s*=\s*["']?([0-9T:+\-. Z]+)""", re.IGNORECASE)
_CANONICAL = re.compile(rb"""<link\s[^>]*rel\s*=\s*["']?canonical[^>]*>""", re.IGNORECASE)

_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "date", "dc.date", "dc.date.issued", "article:modified_time")


@dataclass
class ArticleMeta:
    date: str | None  # ISO yyyy-mm-dd
    date_from: str  # "html", "text" or "file"
    source: str


def article_meta(data: bytes, text: str, fmt: str, path: str | None, mtime: float | None) -> ArticleMeta:
    date = source = None
    date_from = "file"
    if fmt == "html":
        date, source = _from_html(data[:_HTML_HEAD_BYTES])
        if date:
            date_from = "html"
    head = text[:_HEAD_CHARS]
    if date is None:
        date = date_in_text(head)
        if date:
            date_from = "text"
    if not source:
        url = _URL.search(head)
        source = _host(url.group()) if url else None
    if date is None and mtime is not None:
        date = dt.datetime.fromtimestamp(mtime).date().isoformat()
    if not source and path and path != "-":
        parts = path.replace("\\", "/").rstrip("/").split("/")
        source = parts[-2] if len(parts) > 1 else ""
    return ArticleMeta(date=date, date_from=date_from, source=source or "")


def date_in_text(head: str) -> str | None:
    """The first plausible date in ``head``: 2018-09-20, 04/08/2008, 20.09.2018, 4 августа 2008."""
    found: list[tuple[int, str | None]] = []
    for m in _ISO.finditer(head):
        found.append((m.start(), _iso(m.group(1), m.group(2), m.group(3))))
    for m in _DOTTED.finditer(head):
        found.append((m.start(), _iso(m.group(3), m.group(2), m.group(1))))
    for m in _WORDS.finditer(head):
        month = _month(m.group(2))
        if month:
            found.append((m.start(), _iso(m.group(3), str(month), m.group(1))))
    good = sorted((at, d) for at, d in found if d)
    return good[0][1] if good else None


def _month(word: str) -> int | None:
    word = word.lower()
    for stem, number in _MONTHS.items():
        if word.startswith(stem):
            return number
    return None


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _from_html(head: bytes) -> tuple[str | None, str | None]:
    date = site = url = None
    for tag in _META.finditer(head):
        attrs = {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or b"") for m in _ATTR.finditer(tag.group())}
        key = (attrs.get(b"property") or attrs.get(b"name") or attrs.get(b"itemprop") or b"").lower()
        value = attrs.get(b"content", b"").decode("utf-8", "replace").strip()
        if not value:
            continue
        name = key.decode("ascii", "replace")
        if date is None and name in _DATE_META:
            stamp = _ISO_STAMP.search(value)
            date = _iso(*stamp.groups()) if stamp else None
        elif name == "og:site_name" and not site:
            site = value
        elif name == "og:url" and not url:
            url = value
    if date is None:
        m = _TIME.search(head)
        if m:
            iso = _ISO_STAMP.search(m.group(1).decode("ascii", "replace"))
            date = _iso(*iso.groups()) if iso else None
    if not url:
        m = _CANONICAL.search(head)
        href = re.search(rb"""href\s*=\s*["']?([^"'\s>]+)""", m.group(), re.IGNORECASE) if m else None
        url = href.group(1).decode("utf-8", "replace") if href else None
    return date or None, site or (_host(url) if url else None)


def _host(url: str) -> str | None:
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
