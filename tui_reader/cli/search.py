"""``summit-reader search FILE QUERY [--mode lemma|exact|regex] [--format text|json]``.

Text output reads like grep: one line per sentence holding hits, prefixed with
its line number, the hits lit.  JSON is the contract's
``{"query", "mode", "hits": [{"start", "end", "sentence"}]}``, hits in text order.
"""
from __future__ import annotations

import sys
from bisect import bisect_right
from itertools import groupby

from tui_reader.cli.common import open_for_cli
from tui_reader.cli.main import UsageError
from tui_reader.model import Document


def add_arguments(p) -> None:
    p.add_argument("file", help="article to search (- for standard input)")
    p.add_argument("query", help='words (matched in any form), a "quoted phrase", literal text or a regex')
    p.add_argument("--mode", choices=["lemma", "exact", "regex"], default="lemma",
                   help="lemma: any form of the words (default); exact: the literal text; regex: a Python regex")
    p.add_argument("--format", choices=["text", "json"], default="text")


def run(args) -> int:
    from tui_reader.search.query import SearchError, search

    doc = open_for_cli(args.file, args)
    try:
        hits = search(doc, args.query, args.mode)
    except SearchError as e:
        raise UsageError(str(e)) from None
    if args.format == "json":
        from tui_reader.cli.export import write_json

        write_json({"query": args.query, "mode": args.mode,
                    "hits": [{"start": h.start, "end": h.end, "sentence": h.sentence} for h in hits]})
    else:
        print_hits(doc, hits)
    return 0


def print_hits(doc: Document, hits) -> None:
    """One line per sentence with hits (its line number first), the hits lit."""
    from rich.console import Console
    from rich.text import Text

    from tui_reader.terminal_text import for_stream

    console = Console(highlight=False, soft_wrap=True)
    line_starts = [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]
    for sentence, group in groupby(hits, key=lambda h: h.sentence):
        group = list(group)
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
        console.print(Text.assemble((f"{bisect_right(line_starts, start)}:", "green"), " ", body))


def _context_span(doc: Document, sentence: int, group) -> tuple[int, int]:
    """The sentence around a group of hits, widened if a hit runs past it."""
    if 0 <= sentence < len(doc.sentences):
        s = doc.sentences[sentence]
        start, end = s.start, s.end
    else:
        start, end = group[0].start, group[0].end
    return min(start, group[0].start), max(end, max(h.end for h in group))
