"""``summit-reader feed URL|FILE|NAME``: a feed's items; Enter reads one.

NAME is a feed named in config.toml's ``[feeds]``.  A feed that cannot be fetched
or parsed is one line on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

if TYPE_CHECKING:
    from tui_reader.pipeline import Opened
    from tui_reader.web.feeds import Feed, Item


def add_arguments(p: argparse.ArgumentParser) -> None:
    from tui_reader.i18n import _

    p.add_argument("feed", metavar="URL|FILE|NAME", help=_("an RSS/Atom feed: its URL, a file, "
                                                           "or a name from [feeds] in config.toml"))


def run(args: argparse.Namespace) -> int:
    from tui_reader.store.config import load_config
    from tui_reader.web.feeds import load_feed

    where = load_config().feeds.get(args.feed, args.feed)
    feed = load_feed(where, offline=args.offline, use_cache=not args.no_cache)
    return show_feed(feed, args, where)


def show_feed(feed: Feed, args: argparse.Namespace, where: str | None = None) -> int:
    from tui_reader.app import run_feed
    from tui_reader.web.feeds import load_feed

    use_cache = not args.no_cache

    def open_item(item: Item) -> Opened:
        from tui_reader.pipeline import open_for_reading

        link = item.link or ""  # the feed screen opens only items that have a link
        if urlparse(link).scheme == "file":  # a feed read from a file may point at files
            return open_for_reading(unquote(urlparse(link).path), encoding=args.encoding, use_cache=use_cache)
        return open_for_reading(link, encoding=args.encoding, use_cache=use_cache, offline=args.offline)

    def reload() -> Feed:
        return load_feed(where or feed.url, offline=args.offline, use_cache=use_cache)

    return run_feed(feed, open_item=open_item, reload=reload)
