"""``summit-reader library people|statements|search|figures``: the library for scripts.

Text output is for people (inert: no control codes or markup from the articles), JSON and
CSV for scripts; each command reads the database the ``library`` commands keep.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

from tui_reader.cli.main import UsageError
from tui_reader.i18n import _
from tui_reader.reading.sanitize import inert, one_line


def database_path(args: argparse.Namespace) -> Path:
    """``--db`` if given, else the library in the user's data directory."""
    from tui_reader.library import db

    return Path(args.db).expanduser() if args.db else db.default_path()


def connect(args: argparse.Namespace, *, create: bool = True) -> sqlite3.Connection:
    from tui_reader.library import db

    return db.connect(database_path(args), create=create)


# --- queries ------------------------------------------------------------------------

def _dates(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """--from/--to as inclusive bounds ("2024", "2024-03" or a day); anything else is a usage error."""
    from tui_reader.library.queries import date_bound

    bounds = []
    for value, end in ((args.date_from, False), (args.date_to, True)):
        bound = date_bound(value, end=end)
        if value and bound is None:
            raise UsageError(_("{value}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)").format(value=value))
        bounds.append(bound)
    return bounds[0], bounds[1]


def run_people(args: argparse.Namespace) -> int:
    from tui_reader.library.queries import people

    rows = people(connect(args, create=False), args.name, *_dates(args), args.word)
    rows = rows[:args.limit] if args.limit else rows
    _emit(args.format, ["person", "statements", "articles", "last_date"],
          [(r.name, r.statements, r.articles, r.last_date) for r in rows])
    return 0


def run_statements(args: argparse.Namespace) -> int:
    from tui_reader.library.queries import statements

    date_from, date_to = _dates(args)
    rows = statements(connect(args, create=False), name=args.person, date_from=date_from,
                      date_to=date_to, word=args.word, limit=args.limit)
    _emit(args.format, ["speaker", "date", "article", "kind", "cue", "sentence", "path", "start", "end", "confidence"],
          [(r.speaker, r.date, r.title, r.kind, r.cue, r.sentence, r.path, r.start, r.end, r.confidence)
           for r in rows],
          text_columns=["speaker", "date", "article", "sentence"])
    return 0


def run_search(args: argparse.Namespace) -> int:
    from tui_reader.library.search import SearchError, search_library

    conn = connect(args, create=False)
    try:
        hits = search_library(conn, args.query, args.mode, limit=args.limit)
    except SearchError as e:
        raise UsageError(str(e)) from None
    titles = dict(conn.execute("SELECT id, title FROM articles"))
    dates = dict(conn.execute("SELECT id, date FROM articles"))
    _emit(args.format, ["article", "date", "sentence", "start", "end", "text"],
          [(titles[h.article], dates[h.article], h.n, h.start, h.end, h.text) for h in hits],
          text_columns=["date", "article", "text"])
    return 0


def run_figures(args: argparse.Namespace) -> int:
    from tui_reader.library.queries import figures

    rows = figures(connect(args, create=False), args.kind, args.word)
    if args.sort == "value":
        rows.sort(key=lambda r: (r.value is None, -(r.value or 0)))
    rows = rows[:args.limit] if args.limit else rows
    _emit(args.format, ["figure", "kind", "value", "unit", "date", "article", "sentence"],
          [(r.text, r.kind, r.value, r.unit, r.date, r.title, r.sentence) for r in rows],
          text_columns=["figure", "kind", "value", "unit", "date", "sentence"])
    return 0


# --- output -------------------------------------------------------------------------

# Characters JSON leaves raw that a terminal would still obey (C1 controls, bidi overrides).
_UNSAFE_IN_JSON = re.compile("[\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


def _emit(fmt: str, columns: list[str], rows: list[tuple[Any, ...]], text_columns: list[str] | None = None) -> None:
    out = sys.stdout
    if fmt == "json":
        text = json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=1)
        out.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([inert(str(v)) if isinstance(v, str) else ("" if v is None else v) for v in row])
    else:
        shown = text_columns or columns
        picks = [columns.index(c) for c in shown]
        for row in rows:
            cells = [row[i] for i in picks]
            out.write("\t".join(one_line(_cell(v), 400) for v in cells) + "\n")
        if not rows:
            print(_("nothing found"), file=sys.stderr)


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)

