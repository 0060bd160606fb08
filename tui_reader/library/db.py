"""The library database: one SQLite file in the user's data directory.

``$SUMMIT_READER_DATA_DIR`` (else platformdirs' user data dir) ``/library.sqlite3``.
WAL mode, so the screens read while ``library add`` writes, and a ``kill -9`` loses
only the article being written; ``busy_timeout``, so two writers wait for each other
rather than fail.  ``PRAGMA application_id`` marks the file as ours and
``PRAGMA user_version`` is the schema version: ``MIGRATIONS[n]`` takes a database
from version n to n + 1, each in one transaction.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from tui_reader.i18n import _
from tui_reader.store.files import user_dir

ENV_DIR = "SUMMIT_READER_DATA_DIR"
FILE_NAME = "library.sqlite3"
APPLICATION_ID = 0x53524C42  # "SRLB": tells our file from any other SQLite database
BUSY_TIMEOUT_MS = 30_000

_SCHEMA_1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,      -- of the raw bytes: the article's identity
    cache_key TEXT NOT NULL,          -- its model in the model cache
    path TEXT,                        -- where it was last seen
    title TEXT NOT NULL,
    date TEXT,                        -- ISO yyyy-mm-dd
    date_from TEXT NOT NULL,          -- 'text', 'html' or 'file'
    source TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT 'text',
    words INTEGER NOT NULL DEFAULT 0,
    speakers INTEGER NOT NULL DEFAULT 0,
    statements INTEGER NOT NULL DEFAULT 0,
    figures INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL DEFAULT 0,
    mtime REAL,
    analyser TEXT NOT NULL DEFAULT '',
    added REAL NOT NULL,
    read INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_path ON articles(path);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,         -- the folded normal name
    name TEXT NOT NULL,               -- as the analysis gives it ("Владимир Путин")
    last TEXT NOT NULL,               -- the key's last word, to find "Путин" for "Владимир Путин"
    same_as INTEGER REFERENCES people(id)  -- "Путин" → "Владимир Путин" where that is unambiguous
);
CREATE INDEX people_last ON people(last);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX sentences_article ON sentences(article, n);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person INTEGER NOT NULL REFERENCES people(id),
    date TEXT,                        -- the article's (kept here: a person's statements, newest first, from one index)
    speaker_id TEXT NOT NULL,         -- the speaker's id inside the article's model
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence INTEGER NOT NULL,        -- sentences.id
    kind TEXT NOT NULL,
    cue TEXT,
    confidence REAL,
    text TEXT NOT NULL
);
CREATE INDEX statements_person ON statements(person, date);
CREATE INDEX statements_article ON statements(article);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value REAL,
    unit TEXT,
    text TEXT NOT NULL,
    sentence INTEGER                  -- sentences.id
);
CREATE INDEX figures_article ON figures(article);
CREATE INDEX figures_kind_value ON figures(kind, value);
-- One row per sentence (rowid = sentences.id): every lemma of every word, and the
-- lemmas of the words written with a capital, so "Песков" is one FTS lookup.
CREATE VIRTUAL TABLE sentence_lemmas USING fts5(
    lemmas, caps, tokenize = "unicode61 remove_diacritics 0 tokenchars '-'"
);
CREATE TRIGGER sentences_gone AFTER DELETE ON sentences BEGIN
    DELETE FROM sentence_lemmas WHERE rowid = old.id;
END;
"""

# MIGRATIONS[n]: the SQL that takes version n to n + 1.  Never edit a shipped entry; append.
MIGRATIONS: list[str] = ["", _SCHEMA_1]
SCHEMA_VERSION = len(MIGRATIONS) - 1


class LibraryError(Exception):
    """The library cannot be used as it is: the message is one line, with what to do."""


def data_dir() -> Path:
    return user_dir(ENV_DIR, "data")


def default_path() -> Path:
    return data_dir() / FILE_NAME


def rebuild_hint(path: Path) -> str:
    db = "" if path == default_path() else f" --db {path}"
    return _("rebuild it with: summit-reader library{db} reset && summit-reader library{db} add FOLDER…").format(db=db)


def connect(path: Path | None = None, *, create: bool = True) -> sqlite3.Connection:
    """The library database, migrated to the current schema.  Raises ``LibraryError``
    (one line, with the command that rebuilds it) for a damaged or foreign file."""
    path = path or default_path()
    if not create and not path.exists():
        raise LibraryError(_("no library yet ({path}): add articles with: summit-reader library add FOLDER")
                           .format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except (OSError, sqlite3.Error) as e:
        raise LibraryError(_("cannot open the library {path}: {reason}").format(path=path, reason=e)) from None
    try:
        _prepare_when_free(conn, path)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise LibraryError(_("the library {path} is damaged ({reason}); {hint}")
                           .format(path=path, reason=e, hint=rebuild_hint(path))) from None
    except LibraryError:
        conn.close()
        raise
    return conn


def _prepare_when_free(conn: sqlite3.Connection, path: Path) -> None:
    """``_prepare``, waiting while another process creates or migrates the library: switching
    to WAL needs the file to itself, and SQLite answers "locked" at once rather than waiting."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _prepare(conn, path)
        except sqlite3.OperationalError as e:
            if ("locked" not in str(e) and "busy" not in str(e)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # One statement, so one snapshot: read one by one, another process creating the library
    # could commit in between, and its tables would be seen without its application_id.
    app_id, version, tables = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id),"
        " (SELECT user_version FROM pragma_user_version),"
        " (SELECT count(*) FROM sqlite_master)").fetchone()
    has_tables = tables > 0
    if app_id != APPLICATION_ID and (has_tables or version):
        raise LibraryError(_("{path} is not a summit-reader library; {hint}")
                           .format(path=path, hint=rebuild_hint(path)))
    if version > SCHEMA_VERSION:
        raise LibraryError(_("the library {path} was written by a newer summit-reader (schema {found}, "
                             "this one knows {known}); upgrade summit-reader")
                           .format(path=path, found=version, known=SCHEMA_VERSION))
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a crash loses no committed article
    conn.execute("PRAGMA foreign_keys = ON")
    if version < SCHEMA_VERSION:
        _migrate(conn, path)
    else:
        conn.execute("SELECT count(*) FROM articles").fetchone()  # a damaged file fails here, not later


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("BEGIN IMMEDIATE")  # two processes creating the library at once: one waits
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for step in range(version, SCHEMA_VERSION):
            # statement by statement: executescript would commit in the middle
            for statement in _statements(MIGRATIONS[step + 1]):
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """A script split into complete statements (a trigger body holds semicolons)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())  # the last statement needs no semicolon
    return out


def reset(path: Path | None = None) -> Path | None:
    """Move the database (and its WAL files) aside so the next ``connect`` starts afresh;
    returns where the old file went (None if there was none)."""
    import time

    path = path or default_path()
    if not path.exists():
        return None
    aside = path.with_name(f"{path.name}.old-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    return aside
