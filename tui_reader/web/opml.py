"""OPML (the feed readers' export format) → (name, URL) of each feed it lists."""
from __future__ import annotations

from pathlib import Path

from tui_reader.i18n import _
from tui_reader.web.feeds import FeedError, refuse_entities
from tui_reader.web.fetch import MAX_BYTES


def read_opml(path: str | Path) -> list[tuple[str, str]]:
    """Every ``<outline xmlUrl=…>`` (nested folders too); FeedError for a file that
    cannot be read or is not OPML."""
    from xml.etree import ElementTree

    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise FeedError(_("{path}: cannot read ({reason})").format(path=path, reason=e.strerror or e)) from None
    refuse_entities(data, str(path))
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        raise FeedError(_("{path}: not valid OPML ({reason})").format(path=path, reason=e)) from None
    feeds = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            name = (outline.get("title") or outline.get("text") or url).strip()
            feeds.append((" ".join(name.split()), url))
    if root.tag.lower() != "opml" and not feeds:
        raise FeedError(_("{path}: not an OPML file").format(path=path))
    return feeds
