"""What the subcommands share: opening a FILE (or URL) argument as a document, with one-line errors."""
from __future__ import annotations

import argparse

from tui_reader.cli.main import UsageError
from tui_reader.load import LoadError
from tui_reader.model import Document
from tui_reader.web.fetch import FetchError


def open_for_cli(path: str, args: argparse.Namespace) -> Document:
    from tui_reader.pipeline import open_document

    try:
        return open_document(path, encoding=args.encoding, use_cache=not args.no_cache,
                             offline=getattr(args, "offline", False))
    except (LoadError, FetchError) as e:
        raise UsageError(str(e)) from None
