"""Faults with real processes: kill -9 and Ctrl-C during ``library add``, two adds at once.

Each drives the installed command in a subprocess against a real SQLite file."""
from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.library_fixtures import many_articles

COMMAND = [sys.executable, "-m", "tui_reader", "library"]


@pytest.fixture
def env(tmp_path) -> dict:
    return {**os.environ, "SUMMIT_READER_DATA_DIR": str(tmp_path / "data"),
            "SUMMIT_READER_CACHE_DIR": str(tmp_path / "cache")}


def count(db_file: Path) -> int:
    if not db_file.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet


def check_whole(db_file: Path) -> int:
    """The database opens, passes SQLite's integrity check, and every article is whole."""
    from tui_reader.library import db

    conn = db.connect(db_file)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("INSERT INTO sentence_lemmas(sentence_lemmas) VALUES ('integrity-check')") is not None
    articles = conn.execute("SELECT id, statements FROM articles").fetchall()
    for article, statements in articles:
        assert conn.execute("SELECT count(*) FROM sentences WHERE article = ?", (article,)).fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM statements WHERE article = ?", (article,)).fetchone()[0] \
            == statements
    assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM sentence_lemmas").fetchone()[0]
    conn.close()
    return len(articles)


def start_add(folder: Path, env: dict, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*COMMAND, "add", str(folder), "--jobs", "1", *extra], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for_articles(db_file: Path, at_least: int, process: subprocess.Popen, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = count(db_file)
        if n >= at_least:
            return n
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    raise AssertionError("library add never committed an article")


def end_group(process: subprocess.Popen) -> None:
    """The pool's processes, which a kill of the parent alone leaves to end by themselves."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


# Enough articles that the kill lands mid-run even when the machine is quick (with 10, an
# idle moment let all of them commit between the poll and the kill).
MANY = 24


def test_kill_9_keeps_every_committed_article_and_a_rerun_finishes(tmp_path, env):
    folder = tmp_path / "articles"
    many_articles(folder, MANY)
    db_file = tmp_path / "data" / "library.sqlite3"
    adding = start_add(folder, env)
    try:
        committed = wait_for_articles(db_file, 2, adding)
        os.kill(adding.pid, signal.SIGKILL)  # kill -9 of the command, mid-run
        adding.wait(timeout=30)
    finally:
        end_group(adding)
    kept = check_whole(db_file)
    assert committed <= kept < MANY
    rerun = subprocess.run([*COMMAND, "add", str(folder), "--jobs", "1"], env=env, capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(f"{MANY - kept} added, {kept} already in the library")
    assert check_whole(db_file) == MANY


def test_ctrl_c_stops_cleanly_and_a_rerun_continues(tmp_path, env):
    folder = tmp_path / "articles"
    many_articles(folder, 10)
    db_file = tmp_path / "data" / "library.sqlite3"
    adding = start_add(folder, env)
    try:
        wait_for_articles(db_file, 1, adding)
        os.killpg(adding.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
        _out, err = adding.communicate(timeout=60)
    finally:
        end_group(adding)
    assert adding.returncode == 130
    assert "Traceback" not in err and "run the same command again to continue" in err
    kept = check_whole(db_file)
    rerun = subprocess.run([*COMMAND, "add", str(folder), "--jobs", "1"], env=env, capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 0 and f"{kept} already in the library" in rerun.stdout
    assert check_whole(db_file) == 10


def test_two_adds_at_once_do_not_corrupt(tmp_path, env):
    folder = tmp_path / "articles"
    many_articles(folder, 6)
    db_file = tmp_path / "data" / "library.sqlite3"
    first, second = start_add(folder, env), start_add(folder, env)
    try:
        results = [p.communicate(timeout=300) for p in (first, second)]
    finally:
        end_group(first)
        end_group(second)
    assert first.returncode == 0 and second.returncode == 0, results
    assert check_whole(db_file) == 6
    added = sum(int(out.split()[0]) for out, _err in results)
    assert added == 6  # each article added once, by one of them


def _open_when_all_are_ready(path: Path, start) -> str:
    from tui_reader.library import db

    start.wait()
    try:
        db.connect(path).close()
    except db.LibraryError as error:
        return str(error)
    return ""


def test_many_opening_a_new_library_at_once_all_see_it_as_ours(tmp_path):
    # Every opener reads the file's header while another may be committing the schema: read
    # field by field, one in four rounds saw the tables without their application_id and
    # called the new library foreign.  Threads, each with its own connection, race as processes do.
    import threading
    from concurrent.futures import ThreadPoolExecutor

    openers = 6
    for round_ in range(40):
        path = tmp_path / f"library-{round_}.sqlite3"
        start = threading.Barrier(openers)
        with ThreadPoolExecutor(openers) as pool:
            answers = list(pool.map(_open_when_all_are_ready, [path] * openers, [start] * openers))
        assert [a for a in answers if a] == [], round_
