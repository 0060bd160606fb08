"""``summit-reader cache info|clear``: where the model cache (and the cache of fetched
web pages) is, how big, and emptying it."""
from __future__ import annotations


def add_arguments(p) -> None:
    actions = p.add_subparsers(dest="action", required=True, metavar="info|clear")
    actions.add_parser("info", help="the cache directory, its entries and their size")
    actions.add_parser("clear", help="delete every cached model and fetched page")


def run(args) -> int:
    from tui_reader.store import cache
    from tui_reader.web import page_cache

    if args.action == "info":
        info = cache.info()
        print(f"directory: {info.directory}")
        print(f"entries:   {info.entries}")
        print(f"size:      {_human(info.size)}")
        pages, count, size = page_cache.info()
        print(f"web pages: {count} ({_human(size)}) in {pages}")
    else:
        directory = cache.cache_dir()
        removed = cache.clear()
        print(f"removed {removed} {'entry' if removed == 1 else 'entries'} from {directory}")
        pages = page_cache.clear()
        if pages:
            print(f"removed {pages} web {'page' if pages == 1 else 'pages'} from {page_cache.pages_dir()}")
    return 0


def _human(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"
