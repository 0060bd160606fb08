"""``summit-reader index FILE|DIR...``: analyse documents ahead of time and cache their models.

A directory is searched recursively for the formats the reader opens (text,
Markdown, HTML).  One line per file says what happened; a file that fails is
one line on stderr and the exit status is 2, the others are still indexed.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.cli.main import error_line
from tui_reader.i18n import _
from tui_reader.load import HTML_EXT, MARKDOWN_EXT, TEXT_EXT, LoadError
from tui_reader.pipeline import Opened, finish_analysis, open_for_reading
from tui_reader.store import cache
from tui_reader.terminal_text import for_stream, is_terminal, quote_name, visible
from tui_reader.web.fetch import FetchError, is_url

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

# What a directory is searched for; a file named on the command line is indexed whatever its name.
DOCUMENT_SUFFIXES = TEXT_EXT | MARKDOWN_EXT | HTML_EXT
# Above this a single file gets a progress bar of its own stages.
LONG_FILE_BYTES = 200_000


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="FILE|DIR|URL", help=_("documents, directories to search for them, "
                                                                       "or web addresses"))
    p.add_argument("--force", action="store_true", help=_("analyse again even where a model is cached"))


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    files, failures = _collect(args.paths)
    # Results go to standard output, progress and problems to standard error, so
    # ``index DIR > log`` logs every result.  Results are plain lines (a log must not
    # get Rich's 80-column wrapping); on the terminal of a live bar Rich shows them above it.
    err = Console(stderr=True)
    counts = {"analysed": 0, "cached": 0}
    with _progress(err, files) as progress:
        overall = progress.add_task("files", total=len(files))
        for path in files:
            stage = progress.add_task(_short(path), total=1.0)
            def on_progress(name: str, share: float, stage: TaskID = stage, path: Path | str = path) -> None:
                progress.update(stage, completed=share, description=f"{_short(path)}: {name}")

            try:
                what = _index_one(path, args.encoding, args.force, args.offline, on_progress)
            except Exception as e:  # noqa: BLE001 - one bad file must not stop the others
                failures.append(f"{quote_name(path)}: {error_line(e)}")
                progress.console.print(for_stream(f"summit-reader: {failures[-1]}", sys.stderr),
                                       markup=False, highlight=False, soft_wrap=True)
            else:
                counts["analysed" if what != "cached" else "cached"] += 1
                _result(progress, f"{quote_name(path)}: {_('cached') if what == 'cached' else what}")
            progress.remove_task(stage)
            progress.advance(overall)
    where = cache.cache_dir()
    print(for_stream(_("{analysed} analysed, {cached} already cached, {failed} failed (cache: {where})").format(
        analysed=counts["analysed"], cached=counts["cached"], failed=len(failures), where=quote_name(where)),
        sys.stdout))
    return 2 if failures else 0


def _index_one(path: Path | str, encoding: str | None, force: bool, offline: bool,
               progress: Callable[[str, float], None]) -> str:
    started = time.perf_counter()
    url = isinstance(path, str) and is_url(path)
    try:
        # --force: a file is read afresh (the cached model is not read: a big one costs its
        # size twice); a page goes through its caches, for the key its model is kept under
        opened = open_for_reading(path, encoding=encoding, use_cache=url or not force, offline=offline)
    except (LoadError, FetchError) as e:
        raise RuntimeError(str(e).removeprefix(f"{quote_name(path)}: ").removeprefix(f"{path}: ")) from None
    if opened.complete and not force:
        return "cached"
    if force:  # analysed afresh
        key = opened.cache_key if url else cache.cache_key(opened.loaded.source.sha256 or "", encoding=encoding,
                                                           suffix="" if str(path) == "-" else Path(path).suffix)
        opened = Opened(doc=opened.doc, loaded=opened.loaded, complete=False, cache_key=key)
    finish_analysis(opened, progress=progress)
    if not opened.stored:
        raise RuntimeError(_("analysed, but the cache in {where} cannot be written").format(where=quote_name(cache.cache_dir())))
    return _("analysed in {seconds:.2f} s").format(seconds=time.perf_counter() - started)


def _collect(paths: list[str]) -> tuple[list[Path | str], list[str]]:
    files: list[Path | str] = []
    problems: list[str] = []
    for name in paths:
        p = Path(name)
        if is_url(name):
            files.append(name)  # fetched when its turn comes
        elif p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                problems.append(f"{quote_name(name)}: " + _("no documents (text, Markdown or HTML) in this directory"))
            files.extend(found)
        else:
            files.append(p)  # a missing file fails as one line when its turn comes
    for problem in problems:
        print(for_stream(f"summit-reader: {problem}", sys.stderr), file=sys.stderr)
    return files, problems


def _progress(console: Console, files: list[Path | str]) -> Progress:
    """A bar for many files or a long one, on a terminal only (a log gets the lines alone)."""
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    long = any(_size(f) > LONG_FILE_BYTES for f in files)
    show = console.is_terminal and (len(files) > 1 or long)
    return Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn(),
                    console=console, transient=True, disable=not show, redirect_stdout=False, redirect_stderr=False)


def _result(progress: Progress, line: str) -> None:
    """One result line on standard output (above the bar when both are the same terminal)."""
    if progress.live.is_started and is_terminal(sys.stdout):
        progress.console.print(visible(line), markup=False, highlight=False, soft_wrap=True)
    else:
        print(for_stream(line, sys.stdout), flush=True)


def _size(path: Path | str) -> int:
    if isinstance(path, str):
        return 0  # a URL: its size is not known before fetching
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _short(path: Path | str) -> str:
    """The file's name (or URL) for the progress bar (a terminal only): inert, and never Rich markup."""
    from rich.markup import escape

    name = visible(quote_name(path if isinstance(path, str) else path.name))
    return escape(name if len(name) <= 40 else name[:39] + "…")
