"""``summit-reader`` — the command line.

``summit-reader [FILE]`` opens the reader; ``export``, ``search``, ``index`` and
``cache`` are subcommands.  Each subcommand lives in its own module with
``add_arguments(parser)`` and ``run(args) -> int``.  Errors the user can fix
are one line on stderr and exit status 2, never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from tui_reader import __version__
from tui_reader.digest import one_line
from tui_reader.load import LoadError

# command name → module (imported only when that command runs, to keep start-up light)
COMMANDS = {
    "export": "tui_reader.cli.export",
    "search": "tui_reader.cli.search",
    "index": "tui_reader.cli.index",
    "cache": "tui_reader.cli.cache",
    "library": "tui_reader.cli.library",
}


class UsageError(Exception):
    """A mistake on the command line or an unreadable input: one line, exit 2."""


def _reader_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="summit-reader",
        description="Read a Russian news article in the terminal. "
        "Commands: export, search, index, cache, library (summit-reader COMMAND --help). "
        "A folder opens it as a library.",
    )
    p.add_argument("file", nargs="?", help="article to open (text, Markdown or HTML; - for standard input); "
                   "without it, the bundled article")
    _add_opening_options(p)
    p.add_argument("--version", action="version", version=f"summit-reader {__version__}")
    return p


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = import_module(COMMANDS[name])
    p = argparse.ArgumentParser(prog=f"summit-reader {name}")
    _add_opening_options(p)
    module.add_arguments(p)
    return p, module


def _add_opening_options(p: argparse.ArgumentParser) -> None:
    """How a file is opened: the same options for the reader and every command."""
    p.add_argument("--encoding", help="override the detected encoding")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the model cache")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            parser, module = _command_parser(argv[0])
            args = parser.parse_args(argv[1:])
            return module.run(args)
        args = _reader_parser().parse_args(argv)
        from tui_reader.cli.read import run as run_reader

        return run_reader(args)
    except (UsageError, LoadError) as e:  # LoadError: a command that opened a file by itself
        print(f"summit-reader: {error_line(e)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - a bug must still be one line, not a traceback
        if os.environ.get("SUMMIT_READER_DEBUG"):
            raise
        print(f"summit-reader: internal error: {type(e).__name__}: {error_line(e)} "
              "(run with SUMMIT_READER_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


def error_line(e: BaseException) -> str:
    """An error as one line for stderr (a multi-line message would break a log's one line per problem)."""
    return one_line(str(e))[:300] or type(e).__name__
