"""``summit-reader feeds``: the feeds named in config.toml with their unread counts;
``summit-reader feeds import FILE.opml`` adds a feed reader's subscriptions there.

Every feed is fetched (through the page cache; ``--offline``: from it only), a few
at a time.  A feed that fails is one line on stderr, the others are still listed,
and the exit status is 2.
"""
from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from tui_reader.cli.main import UsageError, error_line
from tui_reader.i18n import _

if TYPE_CHECKING:
    from tui_reader.web.feeds import Feed

PARALLEL = 4


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", nargs="?", choices=["list", "import"], default="list",
                   help=_("list (default): the feeds and their unread items; import: add the feeds of an OPML file"))
    p.add_argument("file", nargs="?", metavar="FILE.opml", help=_("for import: the OPML file"))


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    if args.file:
        raise UsageError(_("feeds: unexpected argument {arg!r} (did you mean: feeds import FILE.opml?)").format(
            arg=args.file))
    return _list(args)


def _list(args: argparse.Namespace) -> int:
    from tui_reader.reading.sanitize import one_line
    from tui_reader.store.config import load_config
    from tui_reader.web.feeds import load_feed
    from tui_reader.web.read_state import ReadItems

    config = load_config()
    for warning in config.warnings:
        print(f"summit-reader: {warning}", file=sys.stderr)
    if not config.feeds:
        print(_("No feeds yet: name them under [feeds] in {path} (name = \"URL\"), "
                "or summit-reader feeds import FILE.opml").format(path=config.path))
        return 0

    def load(where: str) -> tuple[Feed | None, str | None]:
        try:
            return load_feed(where, offline=args.offline, use_cache=not args.no_cache), None
        except Exception as e:  # noqa: BLE001 - one bad feed must not hide the others
            return None, error_line(e)

    with ThreadPoolExecutor(PARALLEL) as pool:
        results = list(pool.map(load, config.feeds.values()))
    read = ReadItems()
    width = min(30, max(len(name) for name in config.feeds))
    failed = 0
    for (name, where), (feed, problem) in zip(config.feeds.items(), results):
        if feed is None:
            failed += 1
            print(f"summit-reader: {one_line(name)}: {one_line(problem or '')}", file=sys.stderr)
            continue
        counts = _("{unread:>4} unread of {total:<4}").format(unread=read.unread(feed.items), total=len(feed.items))
        print(f"{one_line(name, width):<{width}}  {counts}  {one_line(where)}")
    return 2 if failed else 0


def _import(args: argparse.Namespace) -> int:
    from tui_reader.store.config import add_feeds, config_path
    from tui_reader.web.feeds import FeedError
    from tui_reader.web.opml import read_opml

    if not args.file:
        raise UsageError(_("feeds import: which OPML file? (summit-reader feeds import FILE.opml)"))
    try:
        found = read_opml(args.file)
    except FeedError as e:
        raise UsageError(str(e)) from None
    if not found:
        raise UsageError(_("{path}: no feeds in this OPML file").format(path=args.file))
    added, problem = add_feeds(found)
    if problem:
        raise UsageError(problem)
    print(_("{added} feeds added to {path} ({known} already there)").format(
        added=len(added), path=config_path(), known=len(found) - len(added)))
    return 0
