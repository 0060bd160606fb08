"""``summit-reader search QUERY FILE... [--mode lemma|exact|regex] [--format text|json]``.

Text output reads like grep: one line per sentence holding hits, prefixed with its
line number (and, with several files, the file's name: ``file:line:``), the hits lit
when standard output is a terminal (``--color`` as grep's).  Exit 0 when something
was found, 1 when nothing was, 2 on an error, as grep.  JSON is the contract's
``{"query", "mode", "hits": [{"start", "end", "sentence"}]}``, hits in text order;
with several files, one such object per line with its ``"file"``.

The old order ``search FILE QUERY`` still works when FILE is a file and QUERY is not.
"""
from __future__ import annotations

import argparse
import os
import sys
from bisect import bisect_right
from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING

from tui_reader.cli.common import open_for_cli
from tui_reader.cli.main import UsageError
from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.search.modes import MODES

if TYPE_CHECKING:
    from rich.console import Console

    from tui_reader.search.query import Hit


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help=_('words (matched in any form), a "quoted phrase", literal text or a regex'))
    p.add_argument("files", nargs="+", metavar="FILE", help=_("articles to search (- for standard input, or URLs)"))
    p.add_argument("--mode", choices=MODES, default="lemma",
                   help=_("lemma: any form of the words (default); exact: the literal text; regex: a Python regex"))
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help=_("text: grep-like lines; json: the contract's hits"))
    p.add_argument("--color", "--colour", choices=["auto", "always", "never"], default="auto",
                   help=_("light the hits: auto (when the output is a terminal), always, never"))


def run(args: argparse.Namespace) -> int:
    from tui_reader.search.query import SearchError, search

    query, files = args.query, list(args.files)
    if len(files) == 1 and os.path.isfile(query) and not os.path.exists(files[0]):
        query, files = files[0], [query]  # the old order: search FILE QUERY
    console = _console(args.color)
    found = False
    for path in files:
        doc = open_for_cli(path, args)
        try:
            hits = search(doc, query, args.mode)
        except SearchError as e:
            raise UsageError(str(e)) from None
        found = found or bool(hits)
        if args.format == "json":
            from tui_reader.cli.export import write_json

            out = {"query": query, "mode": args.mode,
                   "hits": [{"start": h.start, "end": h.end, "sentence": h.sentence} for h in hits]}
            write_json({"file": path, **out} if len(files) > 1 else out)
        else:
            print_hits(doc, hits, console, prefix=f"{path}:" if len(files) > 1 else "")
    return 0 if found else 1


def _console(color: str) -> Console:
    from rich.console import Console

    forced = {"always": True, "never": False}.get(color)
    if forced is None:  # auto: a terminal gets colour, a pipe or a file plain text
        forced = sys.stdout.isatty()
    return Console(highlight=False, soft_wrap=True, force_terminal=forced, no_color=not forced,
                   color_system="standard" if forced else None)


def print_hits(doc: Document, hits: Iterable[Hit], console: Console | None = None, prefix: str = "") -> None:
    """One line per sentence with hits (its line number first), the hits lit."""
    from rich.text import Text

    from tui_reader.terminal_text import for_stream

    console = console or _console("auto")
    line_starts = [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]
    for sentence, same_sentence in groupby(hits, key=lambda h: h.sentence):
        group = list(same_sentence)
        start, end = _context_span(doc, sentence, group)
        # One line, the hits lit; on a terminal each piece is made inert (which may
        # lengthen it, so the pieces are shown one by one rather than styled by offset).
        body, at = Text(), start
        for h in group:
            a, b = max(h.start, at), min(h.end, end)
            if b <= a:
                continue
            body.append(for_stream(doc.text[at:a].replace("\n", " "), sys.stdout))
            body.append(for_stream(doc.text[a:b].replace("\n", " "), sys.stdout), style="bold red")
            at = b
        body.append(for_stream(doc.text[at:end].replace("\n", " "), sys.stdout))
        console.print(Text.assemble((for_stream(prefix, sys.stdout), "magenta"),
                                    (f"{bisect_right(line_starts, start)}:", "green"), " ", body))


def _context_span(doc: Document, sentence: int, group: list[Hit]) -> tuple[int, int]:
    """The sentence around a group of hits, widened if a hit runs past it."""
    if 0 <= sentence < len(doc.sentences):
        s = doc.sentences[sentence]
        start, end = s.start, s.end
    else:
        start, end = group[0].start, group[0].end
    return min(start, group[0].start), max(end, max(h.end for h in group))
