"""``summit-reader cache info|clear``: where the model cache (and the cache of fetched
web pages) is, how big, and emptying it."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui_reader.i18n import _, ngettext


def add_arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", required=True, metavar="info|clear")
    actions.add_parser("info", help=_("the cache directory, its entries and their size"))
    actions.add_parser("clear", help=_("delete every cached model and fetched page"))


def run(args: argparse.Namespace) -> int:
    from tui_reader.cli.main import UsageError
    from tui_reader.store import cache
    from tui_reader.store.files import reason
    from tui_reader.terminal_text import for_stream, quote_name
    from tui_reader.web import page_cache

    if args.action == "info":
        info = cache.info()
        pages, count, size = page_cache.info()
        rows = [(_("directory:"), quote_name(info.directory)), (_("entries:"), info.entries),
                (_("size:"), _human(info.size)),
                (_("web pages:"), _("{count} ({size}) in {directory}").format(count=count, size=_human(size),
                                                                              directory=quote_name(pages)))]
        width = max(len(label) for label, _value in rows)
        for label, value in rows:
            print(for_stream(f"{label.ljust(width)} {value}", sys.stdout))
        return 0
    directory = cache.cache_dir()
    failed: list[tuple[Path, OSError]] = []
    removed = cache.clear(failed=failed)
    print(for_stream(ngettext("removed {count} entry from {directory}", "removed {count} entries from {directory}",
                              removed).format(count=removed, directory=quote_name(directory)), sys.stdout))
    pages_removed = page_cache.clear()
    if pages_removed:
        print(for_stream(ngettext("removed {count} web page from {directory}",
                                  "removed {count} web pages from {directory}",
                                  pages_removed).format(count=pages_removed, directory=quote_name(page_cache.pages_dir())), sys.stdout))
    if failed:
        n = len(failed)
        raise UsageError(ngettext("could not remove {count} entry from {directory} ({reason})",
                                  "could not remove {count} entries from {directory} ({reason})", n).format(
            count=n, directory=quote_name(directory), reason=reason(failed[0][1])))
    return 0


def _human(size: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"
