"""``summit-reader cache info|clear``: where the model cache is, how big, and emptying it."""
from __future__ import annotations

import sys


def add_arguments(p) -> None:
    actions = p.add_subparsers(dest="action", required=True, metavar="info|clear")
    actions.add_parser("info", help="the cache directory, its entries and their size")
    actions.add_parser("clear", help="delete every cached model")


def run(args) -> int:
    from tui_reader.store import cache

    from tui_reader.cli.main import UsageError
    from tui_reader.i18n import ngettext
    from tui_reader.store.files import reason
    from tui_reader.terminal_text import for_stream, quote_name

    if args.action == "info":
        info = cache.info()
        print(for_stream(f"directory: {quote_name(info.directory)}", sys.stdout))
        print(f"entries:   {info.entries}")
        print(f"size:      {_human(info.size)}")
        return 0
    directory = cache.cache_dir()
    failed: list = []
    removed = cache.clear(failed=failed)
    print(for_stream(f"removed {removed} {'entry' if removed == 1 else 'entries'} from {quote_name(directory)}",
                     sys.stdout))
    if failed:
        n = len(failed)
        raise UsageError(ngettext("could not remove {n} entry from {directory} ({reason})",
                                  "could not remove {n} entries from {directory} ({reason})", n).format(
                                      n=n, directory=quote_name(directory), reason=reason(failed[0][1])))
    return 0


def _human(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"
