"""``library add``: find documents, analyse what is new in a process pool, store each.

The parent process walks the paths, skips what the library already holds (same path,
size and time; or the same bytes, by sha256) and hands the rest to a pool of
analysis processes, one per core.  Each child returns an ``ArticleRecord`` (or a
one-line failure) and the parent alone writes the database, one article per
transaction, so Ctrl-C or ``kill -9`` loses at most the articles in flight, and a
rerun picks up where it stopped.

``analyse_bytes`` / ``add_bytes`` add one document from bytes (a fetched page): the
same analysis and storage without a file.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tui_reader.i18n import _
from tui_reader.library.records import ArticleRecord
from tui_reader.library.store import known_sha, store_record, update_path
from tui_reader.load import HTML_EXT, MARKDOWN_EXT, MAX_BYTES, TEXT_EXT, LoadError

DOCUMENT_SUFFIXES = TEXT_EXT | MARKDOWN_EXT | HTML_EXT


class Skipped(Exception):
    """A file that is not added, with its one-line reason."""


@dataclass
class Candidate:
    path: str
    size: int
    mtime: float


@dataclass
class Outcome:
    path: str
    status: str  # "added", "known", "moved", "failed"
    detail: str = ""


def collect(paths: Iterable[str]) -> tuple[list[Candidate], list[Outcome]]:
    """The documents under ``paths`` (folders recursively: text, Markdown, HTML; hidden
    entries skipped) and a failure for each path that cannot be used."""
    found: list[Candidate] = []
    problems: list[Outcome] = []
    seen: set[str] = set()
    for name in paths:
        p = Path(name)
        if p.is_dir():
            files = sorted(f for f in _walk(p) if f.suffix.lower() in DOCUMENT_SUFFIXES)
            if not files:
                problems.append(Outcome(name, "failed", _("no documents (text, Markdown or HTML) in this folder")))
        else:
            files = [p]
        for f in files:
            key = str(f.resolve()) if f.exists() else str(f.absolute())
            if key in seen:
                continue
            seen.add(key)
            try:
                info = f.stat()
            except OSError as e:
                problems.append(Outcome(str(f), "failed", _os_reason(e)))
                continue
            if not stat.S_ISREG(info.st_mode):
                problems.append(Outcome(str(f), "failed", _("not a regular file")))
                continue
            found.append(Candidate(key, info.st_size, info.st_mtime))
    return found, problems


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if not f.startswith("."):
                yield Path(root) / f


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return _("no such file")
    if isinstance(e, PermissionError):
        return _("permission denied")
    return e.strerror or str(e)


# --- the analysis (runs in a pool process, or in-process for add_bytes) ---------------

def read_checked(path: str) -> bytes:
    """The file's bytes, or ``Skipped`` with why not (empty, too large, unreadable)."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise Skipped(_os_reason(e)) from None
    if len(data) > MAX_BYTES:
        raise Skipped(_("too large (over {mb} MB)").format(mb=MAX_BYTES // (1024 * 1024)))
    return data


def analyse_bytes(data: bytes, name: str, *, mtime: float | None = None, source: str | None = None) -> ArticleRecord:
    """The library's record of one document given as bytes (``name``: its path or URL,
    for the format guess and the list).  The full model goes to the model cache, so the
    reader opens it at once.  Raises ``Skipped`` for what is not an article."""
    from tui_reader.library.meta import article_meta
    from tui_reader.library.records import build_record
    from tui_reader.load import load_bytes
    from tui_reader.pipeline import cached_model, store_model
    from tui_reader.store import cache

    if not data.strip():
        raise Skipped(_("empty file"))
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix if "://" not in name else ""
    key = cache.cache_key(sha, suffix=suffix)
    entry = cached_model(key)
    if entry is not None and entry.doc.analysis.level != "structure":
        doc = entry.doc
        doc.source.path = name
    else:
        try:
            loaded = load_bytes(data, name)
        except LoadError as e:
            raise Skipped(str(e).removeprefix(f"{name}: ")) from None
        if not loaded.text.strip():
            raise Skipped(_("no text in it"))
        from tui_reader.analysis import analyse

        doc = analyse(loaded.text, loaded.source, loaded.heading_hints)
        store_model(key, doc, loaded)
    meta = article_meta(data, doc.text, doc.source.format, name, mtime)
    if source:
        meta.source = source
    return build_record(doc, cache_key=key, meta=meta, size=len(data), mtime=mtime)


def add_bytes(conn: sqlite3.Connection, data: bytes, name: str, *, source: str | None = None) -> int | None:
    """Analyse and store one document from bytes (``library add URL`` calls this with a
    fetched page); its article id, or None if the library already holds these bytes.
    Raises ``Skipped`` with a one-line reason."""
    if known_sha(conn, hashlib.sha256(data).hexdigest()):
        return None
    return store_record(conn, analyse_bytes(data, name, source=source))


def _analyse_file(candidate: Candidate) -> tuple[Candidate, ArticleRecord | None, str]:
    """A pool task: never raises (a failure is a message), so one bad file stops nothing."""
    try:
        data = read_checked(candidate.path)
        return candidate, analyse_bytes(data, candidate.path, mtime=candidate.mtime), ""
    except Skipped as e:
        return candidate, None, str(e)
    except Exception as e:  # noqa: BLE001 - a bug in the analysis of one file: report it, go on
        return candidate, None, _("analysis failed: {error}").format(error=f"{type(e).__name__}: {e}"[:200])


def _start_worker(environment: dict[str, str]) -> None:
    """Pool processes leave Ctrl-C to the parent, which stops them (no tracebacks), and use
    the parent's directories as they are now (its environment may have changed since it began)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.update(environment)
    # One thread of numerical code per process (natasha's models use numpy): the pool
    # already has a process per core, and each process's BLAS spreading over every core
    # too made two processes slower than one.
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")


# --- the run ------------------------------------------------------------------------

def plan(conn: sqlite3.Connection, candidates: list[Candidate], *, force: bool = False
         ) -> tuple[list[Candidate], list[Outcome]]:
    """What must be analysed, and what is already known (same path, size and time, or
    the same bytes somewhere else, which is then remembered at this path)."""
    todo: list[Candidate] = []
    done: list[Outcome] = []
    by_path = {row[0]: (row[1], row[2]) for row in conn.execute("SELECT path, size, mtime FROM articles")}
    for c in candidates:
        if not force and by_path.get(c.path) == (c.size, c.mtime):
            done.append(Outcome(c.path, "known"))
            continue
        try:
            with open(c.path, "rb") as f:
                sha = hashlib.file_digest(f, "sha256").hexdigest() if hasattr(hashlib, "file_digest") \
                    else hashlib.sha256(f.read()).hexdigest()
        except OSError:
            todo.append(c)  # the analysis reports it
            continue
        if not force and known_sha(conn, sha):
            update_path(conn, sha, c.path, c.size, c.mtime)
            done.append(Outcome(c.path, "known"))
            continue
        if force:
            conn.execute("DELETE FROM articles WHERE sha256 = ?", (sha,))
        todo.append(c)
    return todo, done


def run_add(conn: sqlite3.Connection, todo: list[Candidate], *, jobs: int | None = None,
            on_outcome: Callable[[Outcome], None] = lambda o: None) -> list[Outcome]:
    """Analyse ``todo`` in ``jobs`` processes (default: one per core) and store each as it
    comes.  KeyboardInterrupt stops the pool at once and propagates; what was stored stays."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    outcomes: list[Outcome] = []
    if not todo:
        return outcomes
    # spawn, not fork: the parent has threads (Rich's refresh) and an open database, which
    # a forked child would inherit mid-state; a spawned child imports only what its task
    # needs, and nothing of the pool outlives the command (a forkserver would, briefly)
    context = multiprocessing.get_context("spawn")
    environment = {k: v for k, v in os.environ.items() if k.startswith("SUMMIT_READER_")}
    pool = context.Pool(min(jobs, len(todo)), initializer=_start_worker, initargs=(environment,))
    try:
        for candidate, record, problem in pool.imap_unordered(_analyse_file, todo, chunksize=1):
            if record is None:
                outcome = Outcome(candidate.path, "failed", problem)
            else:
                record.path = candidate.path
                stored = store_record(conn, record)
                outcome = Outcome(candidate.path, "added" if stored is not None else "known")
            outcomes.append(outcome)
            on_outcome(outcome)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return outcomes
