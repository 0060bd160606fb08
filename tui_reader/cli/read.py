"""``summit-reader [FILE|URL]...``: open the reader app (a feed's URL alone opens the feed's list,
a folder alone the library of its articles)."""
from __future__ import annotations

import argparse
import gc
import os
import sys

from tui_reader.seeds import seed_path
from tui_reader.web.fetch import is_url


def run(args: argparse.Namespace) -> int:
    targets = args.file or [str(seed_path())]
    if len(targets) == 1 and targets[0] != "-" and os.path.isdir(targets[0]):
        from tui_reader.cli.library import open_library

        return open_library(targets[0])  # a folder is a library of its articles
    from tui_reader.app import run_app

    if len(targets) == 1 and is_url(targets[0]):
        return _run_url(targets[0], args)
    # several: each is opened when reached (:n, :p); a URL among them goes through the
    # URL door (a feed's address there is one line: ``summit-reader feed URL`` lists it)
    # The garbage collector rests until the reader is about to draw (``run_frozen``):
    # while Textual and the model load it ran ~100 times (~14 ms of a ~200 ms start,
    # measured) and found nothing to free.
    gc.disable()
    return run_app(targets, encoding=args.encoding, use_cache=not args.no_cache, offline=args.offline)


def _run_url(url: str, args: argparse.Namespace) -> int:
    """Fetch first (FetchError, LoadError: one line from ``main``), then read the
    article, or list the feed's items if that is what the address holds."""
    from tui_reader.app import run_opened
    from tui_reader.i18n import _
    from tui_reader.pipeline import open_page
    from tui_reader.web.article import fetch_article
    from tui_reader.web.feeds import is_feed

    if sys.stderr.isatty() and not args.offline:
        print(_("Fetching {url}…").format(url=url), file=sys.stderr, flush=True)
    page = fetch_article(url, offline=args.offline, use_cache=not args.no_cache)
    if is_feed(page):
        from tui_reader.cli.feed import show_feed
        from tui_reader.web.feeds import parse_feed

        feed = parse_feed(page.content, page.final_url, name=url, charset=page.charset)
        return show_feed(feed, args)
    return run_opened(open_page(page, encoding=args.encoding, use_cache=not args.no_cache))
