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
from typing import Protocol, cast

from tui_reader import __version__
from tui_reader.i18n import _, set_language
from tui_reader.load import LoadError
from tui_reader.reading.errors import error_line as reading_error_line
from tui_reader.terminal_text import for_stream
from tui_reader.web.fetch import FetchError

# command name → module (imported only when that command runs, to keep start-up light)
COMMANDS = {
    "export": "tui_reader.cli.export",
    "search": "tui_reader.cli.search",
    "index": "tui_reader.cli.index",
    "cache": "tui_reader.cli.cache",
    "feed": "tui_reader.cli.feed",
    "feeds": "tui_reader.cli.feeds",
    "library": "tui_reader.cli.library",
}


class UsageError(Exception):
    """A mistake on the command line or an unreadable input: one line, exit 2."""


def _reader_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="summit-reader",
        description=_("Read a Russian news article in the terminal. "
                      "Commands: export, search, index, cache, feed, feeds, library (summit-reader COMMAND --help). "
                      "A folder opens it as a library."),
    )
    p.add_argument("file", nargs="*", help=_("articles to open (text, Markdown or HTML; - for standard input; "
                   "an http(s) URL, or an RSS/Atom feed's); without one, the bundled article; "
                   ":n and :p move between several"))
    _add_opening_options(p)
    p.add_argument("--version", action="version", version=f"summit-reader {__version__}")
    return p


class Command(Protocol):
    """What a subcommand's module offers (``cli/export.py``, ``cli/search.py`` …)."""

    def add_arguments(self, p: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, Command]:
    module = cast(Command, import_module(COMMANDS[name]))
    p = argparse.ArgumentParser(prog=f"summit-reader {name}")
    # only the options a command takes: cache and library open no file (library add reads
    # files its own way), index always writes the cache
    _add_opening_options(p, encoding=name not in ("cache", "library"), no_cache=name not in ("cache", "index", "library"))
    module.add_arguments(p)
    return p, module


def _add_opening_options(p: argparse.ArgumentParser, *, encoding: bool = True, no_cache: bool = True) -> None:
    """How a file is opened: the same options for the reader and every command that opens one."""
    if encoding:
        p.add_argument("--encoding", help=_("override the detected encoding"))
    if no_cache:
        p.add_argument("--no-cache", action="store_true", help=_("neither read nor write the model cache "
                                                                  "(nor the cache of fetched pages)"))
    if encoding:  # every command that opens a file may open a web address
        p.add_argument("--offline", action="store_true", help=_("web pages and feeds from the cache only"))
    p.add_argument("--lang", metavar="LANG", help=_("interface language: ru or en (default: config.toml's "
                                                     "language, else the locale's)"))


def _choose_language(argv: list[str]) -> list[str]:
    """Before any parser is built (their help is translated): --lang, config.toml, the
    locale.  Returns ``argv`` without ``--lang`` (it may come before the command)."""
    lang, rest, skip = None, [], False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--lang" and i + 1 < len(argv):
            lang, skip = argv[i + 1], True
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    if lang is None:
        from tui_reader.store.config import load_config

        lang = load_config().language
    set_language(lang)
    return rest


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv = _choose_language(argv)
    from tui_reader.store.cleanup import clean_in_background

    clean_in_background()  # temporary files a killed run left behind
    try:
        if argv and argv[0] in COMMANDS:
            parser, module = _command_parser(argv[0])
            args = parser.parse_args(argv[1:])
            return module.run(args)
        args = _reader_parser().parse_args(argv)
        from tui_reader.cli.read import run as run_reader

        return run_reader(args)
    except (UsageError, LoadError, FetchError) as e:  # a command that opened a file or URL by itself
        print(for_stream(f"summit-reader: {error_line(e)}", sys.stderr), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug must still be one line, not a traceback
        if os.environ.get("SUMMIT_READER_DEBUG"):
            raise
        print(for_stream("summit-reader: " + _("internal error: {error} (run with SUMMIT_READER_DEBUG=1 for the "
                                               "traceback)").format(error=f"{type(e).__name__}: {error_line(e)}"),
                         sys.stderr), file=sys.stderr)
        return 1


def error_line(e: BaseException) -> str:
    """An error as one line for stderr (a multi-line message would break a log's one line per problem)."""
    return reading_error_line(e, whole=True)
