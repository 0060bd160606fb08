"""``summit-reader [FILE]``: open the reader app."""
from __future__ import annotations

import os

from tui_reader.seeds import seed_path


def run(args) -> int:
    if args.file and args.file != "-" and os.path.isdir(args.file):
        from tui_reader.cli.library import open_library

        return open_library(args.file)  # a folder is a library of its articles
    from tui_reader.app import run_app

    return run_app(args.file or str(seed_path()), encoding=args.encoding, use_cache=not args.no_cache)
