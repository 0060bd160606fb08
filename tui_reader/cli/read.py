"""``summit-reader [FILE]``: open the reader app."""
from __future__ import annotations

from tui_reader.seeds import seed_path


def run(args) -> int:
    from tui_reader.app import run_app

    return run_app(args.file or [str(seed_path())], encoding=args.encoding, use_cache=not args.no_cache)
