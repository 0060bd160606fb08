"""``summit-reader search FILE QUERY [--mode lemma|exact|regex] [--format text|json]``.

Text output reads like grep: one line per sentence holding hits, prefixed with
its line number, the hits lit.  JSON is the contract's
``{"query", "mode", "hits": [{"start", "end", "sentence"}]}``, hits in text order.
"""
from __future__ import annotations

import json
import sys
from bisect import bisect_right
from itertools import groupby

from tui_reader.cli.common import open_for_cli
from tui_reader.cli.main import UsageError
from tui_reader.model import Document


def add_arguments(p) -> None:
    p.add_argument("file", help="article to search (- for standard input, or a URL)")
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
        out = {"query": args.query, "mode": args.mode,
               "hits": [{"start": h.start, "end": h.end, "sentence": h.sentence} for h in hits]}
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_hits(doc, hits)
    return 0


def print_hits(doc: Document, hits) -> None:
    """One line per sentence with hits (its line number first), the hits lit."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    line_starts = [0] + [i + 1 for i, c in enumerate(doc.text) if c == "\n"]
    for sentence, group in groupby(hits, key=lambda h: h.sentence):
        group = list(group)
        start, end = _context_span(doc, sentence, group)
        body = Text(doc.text[start:end].replace("\n", " "))
        for h in group:
            body.stylize("bold red", max(h.start, start) - start, min(h.end, end) - start)
        console.print(Text.assemble((f"{bisect_right(line_starts, start)}:", "green"), " ", body))


def _context_span(doc: Document, sentence: int, group) -> tuple[int, int]:
    """The sentence around a group of hits, widened if a hit runs past it."""
    if 0 <= sentence < len(doc.sentences):
        s = doc.sentences[sentence]
        start, end = s.start, s.end
    else:
        start, end = group[0].start, group[0].end
    return min(start, group[0].start), max(end, max(h.end for h in group))
