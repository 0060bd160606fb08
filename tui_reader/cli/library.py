"""``summit-reader library …``: many articles, and who said what across them.

    library                      open the library screen
    library add PATH…            analyse and add documents (folders recursively)
    library remove PATH|ID…      forget articles (the files stay)
    library rescan               re-add what changed, drop what is gone
    library info | reset
    library people|statements|search|figures … [--format text|json|csv]

Text output is for people (inert: no control codes or markup from the articles),
JSON and CSV for scripts.  A problem is one line on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.cli import library_queries
from tui_reader.cli.library_queries import connect as _connect
from tui_reader.cli.library_queries import database_path as _path
from tui_reader.cli.main import UsageError, error_line  # error_line: re-exported
from tui_reader.i18n import _
from tui_reader.reading.sanitize import inert, one_line
from tui_reader.search.modes import MODES

if TYPE_CHECKING:
    from tui_reader.library.adding import Candidate, Outcome

FORMATS = ("text", "json", "csv")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", help=_("the library database (default: in the user data dir; "
                   "SUMMIT_READER_DATA_DIR overrides)"))
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    a = sub.add_parser("add", help=_("analyse and add documents; folders are searched recursively, "
                                     "web addresses fetched"))
    a.add_argument("paths", nargs="*", metavar="PATH|URL")
    a.add_argument("--feed", action="append", default=[], metavar="URL|FILE",
                   help=_("add every article an RSS/Atom feed links to (may be given several times)"))
    a.add_argument("--jobs", "-j", type=int, default=None, help=_("analysis processes (default: one per core)"))
    a.add_argument("--force", action="store_true", help=_("analyse again what is already there"))
    r = sub.add_parser("remove", help=_("forget articles (by path, folder or id); the files stay"))
    r.add_argument("targets", nargs="+", metavar="PATH|ID")
    s = sub.add_parser("rescan", help=_("re-add changed files, drop articles whose file is gone"))
    s.add_argument("--jobs", "-j", type=int, default=None)
    sub.add_parser("info", help=_("what the library holds, and where"))
    sub.add_parser("reset", help=_("move the database aside and start an empty one"))
    o = sub.add_parser("open", help=_("open the library screen (the default)"))
    o.add_argument("folder", nargs="?", help=_("add this folder first"))

    pe = sub.add_parser("people", help=_("people across articles, most statements first"))
    _filters(pe)
    st = sub.add_parser("statements", help=_("who said what across the library, newest article first"))
    st.add_argument("--person", default="", help=_("a piece of the speaker's name"))
    _filters(st, name=False)
    se = sub.add_parser("search", help=_("sentences across the library, by word forms"))
    se.add_argument("query")
    se.add_argument("--mode", choices=MODES, default="lemma")
    se.add_argument("--limit", type=int, default=None)
    se.add_argument("--format", choices=FORMATS, default="text")
    fi = sub.add_parser("figures", help=_("every figure across the library"))
    fi.add_argument("--kind", help=_("money, percent, year, date, duration, count, ordinal or other"))
    fi.add_argument("--word", default="", help=_("only figures in a sentence with this word (any form)"))
    fi.add_argument("--sort", choices=["date", "value"], default="date")
    fi.add_argument("--limit", type=int, default=None)
    fi.add_argument("--format", choices=FORMATS, default="text")


def _filters(p: argparse.ArgumentParser, *, name: bool = True) -> None:
    if name:
        p.add_argument("--name", default="", help=_("a piece of the name"))
    p.add_argument("--from", dest="date_from", metavar="YYYY[-MM[-DD]]", help=_("from this date on"))
    p.add_argument("--to", dest="date_to", metavar="YYYY[-MM[-DD]]", help=_("up to this date (inclusive)"))
    p.add_argument("--word", default="", help=_("a word in the statement (any form)"))
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--format", choices=FORMATS, default="text")


def run(args: argparse.Namespace) -> int:
    from tui_reader.library.db import LibraryError

    action = args.action or "open"
    try:
        runner = globals().get(f"_run_{action}") or getattr(library_queries, f"run_{action}")
        status: int = runner(args)
        return status
    except LibraryError as e:
        return library_error(e)


def library_error(e: Exception) -> int:
    """The library's one line, whole: it ends with the command that rebuilds it, which the
    usual 300-character cut of an error line could lose."""
    print(f"summit-reader: {one_line(str(e))}", file=sys.stderr)
    return 2


# --- keeping it current ---------------------------------------------------------------

def _run_add(args: argparse.Namespace) -> int:
    from tui_reader.library import adding
    from tui_reader.web.fetch import is_url

    if not args.paths and not args.feed:
        raise UsageError(_("library add: give files, folders, web addresses or --feed URL"))
    conn = _connect(args)
    urls = [p for p in args.paths if is_url(p)]
    web_failed = _add_from_web(conn, urls, args.feed) if urls or args.feed else 0
    paths = [p for p in args.paths if not is_url(p)]
    if not paths:
        return 2 if web_failed else 0
    candidates, problems = adding.collect(paths)
    for problem in problems:
        _fail_line(problem)
    todo, known = adding.plan(conn, candidates, force=args.force)
    status = _analyse(conn, args.jobs, _path(args), todo, len(known), len(problems))
    return 2 if web_failed and status == 0 else status


def _add_from_web(conn: sqlite3.Connection, urls: list[str], feeds: list[str]) -> int:
    """Fetch each page (and each item of each feed) through the page cache and add it; a line
    per page; the number that failed."""
    from tui_reader.library.adding import Skipped, add_bytes
    from tui_reader.web.article import fetch_article
    from tui_reader.web.feeds import load_feed
    from tui_reader.web.fetch import FetchError

    failed = 0
    todo = list(urls)
    for where in feeds:
        try:
            todo += [item.link for item in load_feed(where).items if item.link]
        except FetchError as e:
            print(f"summit-reader: {one_line(str(e))}", file=sys.stderr)
            failed += 1
    for url in todo:
        try:
            page = fetch_article(url)
            added = add_bytes(conn, page.content, page.final_url, source=None)
        except (FetchError, Skipped) as e:
            print(f"summit-reader: {inert(url)}: {one_line(str(e).removeprefix(f'{url}: '))}", file=sys.stderr)
            failed += 1
            continue
        line = _("added: {url}") if added is not None else _("already in the library: {url}")
        print(line.format(url=inert(url)))
    return failed


def _analyse(conn: sqlite3.Connection, jobs: int | None, db_path: Path, todo: list[Candidate], known: int,
             failed: int) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from tui_reader.library import adding

    err = Console(stderr=True)
    counts = {"added": 0, "known": known, "failed": failed}
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=not err.is_terminal or not todo)

    def done(outcome: Outcome) -> None:
        counts[outcome.status if outcome.status in counts else "known"] += 1
        if outcome.status == "failed":
            _fail_line(outcome)
        progress.advance(task)

    with progress:
        task = progress.add_task(_("analysing"), total=len(todo))
        try:
            adding.run_add(conn, todo, jobs=jobs, on_outcome=done)
        except KeyboardInterrupt:
            progress.stop()
            print(_("stopped: {added} added so far (kept); run the same command again to continue")
                  .format(added=counts["added"]), file=sys.stderr)
            return 130
    print(_("{added} added, {known} already in the library, {failed} failed (library: {path})").format(
        path=db_path, **counts))
    return 2 if counts["failed"] else 0


def _fail_line(outcome: Outcome) -> None:
    print(f"summit-reader: {inert(outcome.path)}: {one_line(outcome.detail)}", file=sys.stderr)


def _run_remove(args: argparse.Namespace) -> int:
    from tui_reader.library.store import remove_articles

    conn = _connect(args, create=False)
    ids: list[int] = []
    unmatched = []
    for target in args.targets:
        if target.isdigit() and not Path(target).exists():
            found = [row[0] for row in conn.execute("SELECT id FROM articles WHERE id = ?", (int(target),))]
        else:
            full = str(Path(target).expanduser().absolute())
            resolved = str(Path(target).expanduser().resolve())
            found = [row[0] for row in conn.execute(
                "SELECT id FROM articles WHERE path IN (?, ?) OR path LIKE ? OR path LIKE ?",
                (full, resolved, full.rstrip("/") + "/%", resolved.rstrip("/") + "/%"))]
        if not found:
            unmatched.append(target)
        ids.extend(found)
    removed = remove_articles(conn, sorted(set(ids)))
    for target in unmatched:
        print(f"summit-reader: {inert(target)}: " + _("not in the library"), file=sys.stderr)
    print(_("{n} removed").format(n=removed))
    return 2 if unmatched else 0


def _run_rescan(args: argparse.Namespace) -> int:
    from tui_reader.analysis import ANALYSER_VERSION as analyser
    from tui_reader.library import adding
    from tui_reader.library.store import remove_articles

    conn = _connect(args, create=False)
    rows = conn.execute("SELECT id, path, analyser FROM articles").fetchall()
    gone = [(i, p) for i, p, _a in rows if not p or not Path(p).is_file()]
    for _i, p in gone:
        print(f"{inert(p or '?')}: " + _("gone, removed from the library"))
    remove_articles(conn, [i for i, _p in gone])
    present = [(i, p, a) for i, p, a in rows if p and Path(p).is_file()]
    candidates, problems = adding.collect([p for _i, p, _a in present])
    for problem in problems:
        _fail_line(problem)
    todo, known = adding.plan(conn, candidates)
    stale = {p for _i, p, a in present if a != analyser}
    redo = [c for c in candidates if c.path in stale and c not in todo]
    if redo:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM articles WHERE path = ?", [(c.path,) for c in redo])
        conn.execute("COMMIT")
    return _analyse(conn, args.jobs, _path(args), todo + redo, len(known) - len(redo), len(problems))


def _run_info(args: argparse.Namespace) -> int:
    from tui_reader.library.queries import info

    path = _path(args)
    i = info(_connect(args, create=False), path)
    print(_("library: {path} ({mb:.1f} MB, schema {schema})").format(path=path, mb=i.size / 1e6, schema=i.schema))
    print(_("{articles} articles ({unread} unread), {people} people, {statements} statements, {figures} figures, "
            "{sentences} sentences").format(**vars(i)))
    return 0


def _run_reset(args: argparse.Namespace) -> int:
    from tui_reader.library import db

    aside = db.reset(_path(args))
    print(_("the old library is now {aside}; add articles with: summit-reader library add FOLDER").format(aside=aside)
          if aside else _("there was no library; add articles with: summit-reader library add FOLDER"))
    return 0


def _run_open(args: argparse.Namespace) -> int:
    folder = getattr(args, "folder", None)
    return open_library(folder, db_path=_path(args))


def open_library(folder: str | None, *, db_path: Path | None = None) -> int:
    """``summit-reader DIR`` and ``summit-reader library``: add DIR (if given), then the screen."""
    from tui_reader.library import db

    db_path = db_path or db.default_path()
    try:
        conn = db.connect(db_path)
    except db.LibraryError as e:
        return library_error(e)
    notice = None
    if folder:
        from tui_reader.library import adding

        candidates, problems = adding.collect([folder])
        for problem in problems:
            _fail_line(problem)
        todo, known = adding.plan(conn, candidates)
        code = _analyse(conn, None, db_path, todo, len(known), len(problems)) if todo or problems else 0
        if code == 130:
            return 130
        if code:
            notice = _("Some files of {folder} could not be added: see the lines above the library "
                       "(or run summit-reader library add {folder}).").format(folder=folder)
    conn.close()
    from tui_reader.app.library import run_library

    return run_library(db_path, notice=notice)


__all__ = ["add_arguments", "error_line", "open_library", "run"]
