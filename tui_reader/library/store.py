"""Writing the library: one article per transaction, so a killed ``library add`` leaves
every article it committed and nothing half-written."""
from __future__ import annotations

import sqlite3
import time

from tui_reader.library.records import ArticleRecord, person_key


def known_sha(conn: sqlite3.Connection, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone() is not None


def store_record(conn: sqlite3.Connection, record: ArticleRecord) -> int | None:
    """Insert the article (replacing an older version at the same path); its id, or None
    if another process stored the same bytes meanwhile."""
    conn.execute("BEGIN IMMEDIATE")  # the write lock now: the checks below hold until COMMIT
    try:
        if known_sha(conn, record.sha256):
            conn.execute("ROLLBACK")
            return None
        if record.path:
            # the file changed since it was added: its old version goes
            conn.execute("DELETE FROM articles WHERE path = ?", (record.path,))
        meta = record.meta
        cur = conn.execute(
            "INSERT INTO articles (sha256, cache_key, path, title, date, date_from, source, format, words, speakers,"
            " statements, figures, size, mtime, analyser, added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (record.sha256, record.cache_key, record.path, record.title, meta.date, meta.date_from, meta.source,
             record.format, record.words, record.speakers, len(record.statements), len(record.figures), record.size,
             record.mtime, record.analyser, time.time()))
        article = cur.lastrowid
        first = (conn.execute("SELECT coalesce(max(id), 0) FROM sentences").fetchone()[0]) + 1
        ids = {row.n: first + i for i, row in enumerate(record.sentences)}  # we hold the write lock
        conn.executemany("INSERT INTO sentences (id, article, n, start, end, text) VALUES (?,?,?,?,?,?)",
                         [(ids[r.n], article, r.n, r.start, r.end, r.text) for r in record.sentences])
        conn.executemany("INSERT INTO sentence_lemmas (rowid, lemmas, caps) VALUES (?,?,?)",
                         [(ids[r.n], r.lemmas, r.caps) for r in record.sentences])
        people = _people(conn, {row.name for row in record.statements})
        conn.executemany(
            "INSERT INTO statements (article, person, date, speaker_id, start, end, sentence, kind, cue, confidence,"
            " text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(article, people[person_key(r.name)], meta.date, r.speaker_id, r.start, r.end, ids.get(r.sentence), r.kind, r.cue,
              r.confidence, r.text) for r in record.statements if r.sentence in ids])
        conn.executemany(
            "INSERT INTO figures (article, start, end, kind, value, unit, text, sentence) VALUES (?,?,?,?,?,?,?,?)",
            [(article, r.start, r.end, r.kind, r.value, r.unit, r.text, None if r.sentence is None else ids.get(r.sentence))
             for r in record.figures])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return article


def _people(conn: sqlite3.Connection, names: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for name in sorted(names, key=len, reverse=True):  # the fullest spelling names a new person
        key = person_key(name)
        if key in out:
            continue
        conn.execute("INSERT OR IGNORE INTO people (key, name, last) VALUES (?, ?, ?)", (key, name, key.split()[-1]))
        out[key] = conn.execute("SELECT id FROM people WHERE key = ?", (key,)).fetchone()[0]
    link_people(conn, {key.split()[-1] for key in out})
    return out


def link_people(conn: sqlite3.Connection, surnames: set[str] | None = None) -> None:
    """A one-word name ("Путин") is the same person as the one full name ending in it
    ("Владимир Путин") where exactly one such full name is known; otherwise it stays apart.
    ``surnames``: only those one-word names (None: all)."""
    if surnames is None:
        surnames = {row[0] for row in conn.execute("SELECT key FROM people WHERE instr(key, ' ') = 0")}
    for word in surnames:
        fuller = [row[0] for row in conn.execute(
            "SELECT id FROM people WHERE last = ? AND key != ? LIMIT 2", (word, word))]
        conn.execute("UPDATE people SET same_as = ? WHERE key = ?", (fuller[0] if len(fuller) == 1 else None, word))


def remove_articles(conn: sqlite3.Connection, ids: list[int]) -> int:
    if not ids:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        removed = 0
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            removed += conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk).rowcount
        conn.execute("DELETE FROM people WHERE id NOT IN (SELECT DISTINCT person FROM statements)"
                     " AND id NOT IN (SELECT same_as FROM people WHERE same_as IS NOT NULL)")
        link_people(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return removed


def update_path(conn: sqlite3.Connection, sha256: str, path: str, size: int, mtime: float | None) -> None:
    """The same bytes seen at another path (moved or copied): remember where it is now."""
    conn.execute("UPDATE articles SET path = ?, size = ?, mtime = ? WHERE sha256 = ?", (path, size, mtime, sha256))


def set_read(conn: sqlite3.Connection, article: int, read: bool = True) -> None:
    conn.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article))
