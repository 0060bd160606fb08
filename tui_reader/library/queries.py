"""Reading the library: articles, people, statements and figures across articles.

Each query returns plain tuples/dataclasses, newest article first where time matters,
so the CLI prints them and the screens draw them without knowing SQL.  A person is
``coalesce(same_as, id)``: "Путин" counts as "Владимир Путин" where the library
linked them (see ``store.link_people``).
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_reader.morph import fold


@dataclass(slots=True)
class ArticleRow:
    id: int
    title: str
    date: str | None
    source: str
    words: int
    speakers: int
    statements: int
    figures: int
    read: bool
    path: str | None
    cache_key: str
    sha256: str


ARTICLE_COLUMNS = "id, title, date, source, words, speakers, statements, figures, read, path, cache_key, sha256"


def articles(conn: sqlite3.Connection, limit: int | None = None) -> list[ArticleRow]:
    """Every article (or the newest ``limit``), newest first."""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY date DESC, id DESC"
    rows = conn.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
    return [ArticleRow(*row) for row in rows]


def counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """(articles, unread)."""
    articles, unread = conn.execute("SELECT count(*), coalesce(sum(read = 0), 0) FROM articles").fetchone()
    return int(articles), int(unread)


def article(conn: sqlite3.Connection, article_id: int) -> ArticleRow | None:
    row = conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
    return ArticleRow(*row) if row else None


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_bound(value: str | None, *, end: bool) -> str | None:
    """A typed date as an inclusive bound: "2024" and "2024-03" stand for the whole year or
    month; anything else (half typed, not a date) is no bound."""
    value = (value or "").strip()
    if not _DATE.match(value):
        return None
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-31" if end else "-01")
    return value


@dataclass
class PersonRow:
    id: int
    name: str
    statements: int
    articles: int
    last_date: str | None


def people(conn: sqlite3.Connection, name: str = "", date_from: str | None = None, date_to: str | None = None,
           word: str = "") -> list[PersonRow]:
    """People with their statement and article counts, most statements first; filtered by a
    piece of the name, a date range (inclusive ISO dates) and a word in the statement."""
    where, params = _statement_filters(date_from, date_to, word)
    if name:
        where.append("pe.key LIKE ?")
        params.append(f"%{fold(name)}%")
    sql = f"""
        SELECT pe.id, pe.name, count(*), count(DISTINCT st.article), max(st.date)
        FROM statements st
        JOIN people p ON p.id = st.person
        JOIN people pe ON pe.id = coalesce(p.same_as, p.id)
        {'WHERE ' + ' AND '.join(where) if where else ''}
        GROUP BY pe.id ORDER BY count(*) DESC, pe.name"""
    return [PersonRow(*row) for row in conn.execute(sql, params)]


def _statement_filters(date_from: str | None, date_to: str | None, word: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if date_from:
        where.append("st.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("st.date <= ?")
        params.append(date_to)
    if word:
        from tui_reader.library.search import match_expression

        expression = match_expression(word)
        if expression:
            where.append("st.sentence IN (SELECT rowid FROM sentence_lemmas WHERE sentence_lemmas MATCH ?)")
            params.append(expression)
        else:
            where.append("0")
    return where, params


@dataclass(slots=True)
class StatementRow:
    id: int
    person: int
    speaker: str  # the person's name
    speaker_id: str  # in the article's model
    article: int
    title: str | None  # None in a ``light`` row until ``fill`` reads it
    date: str | None
    source: str | None
    path: str | None
    start: int
    end: int
    kind: str
    cue: str | None
    confidence: float | None
    text: str
    sentence: str | None  # None in a ``light`` row until ``fill`` reads it
    sentence_id: int | None = None


def statements(conn: sqlite3.Connection, person: int | None = None, *, name: str = "", date_from: str | None = None,
               date_to: str | None = None, word: str = "", limit: int | None = None,
               light: bool = False) -> list[StatementRow]:
    """Statements, newest article first (then in text order); of one person (with the
    names linked to them) or of everyone whose name holds ``name``.  ``light`` rows leave
    the article's title, source and path and the sentence to ``fill`` (a screen fills the
    rows it draws: thousands of statements cost no reads of thousands of sentences)."""
    where, params = _statement_filters(date_from, date_to, word)
    if person is not None:
        # the person and the names linked to them, as ids: lets SQLite use the index on statements.person
        ids = [person] + [row[0] for row in conn.execute("SELECT id FROM people WHERE same_as = ?", (person,))]
        where.append(f"st.person IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    if name:
        where.append("pe.key LIKE ?")
        params.append(f"%{fold(name)}%")
    if light:
        columns, joins = "NULL, st.date, NULL, NULL", ""
        sentence = "NULL"
    else:
        columns = "a.title, st.date, a.source, a.path"
        joins = "JOIN articles a ON a.id = st.article LEFT JOIN sentences s ON s.id = st.sentence"
        sentence = "coalesce(s.text, st.text)"
    sql = f"""
        SELECT st.id, pe.id, pe.name, st.speaker_id, st.article, {columns}, st.start, st.end,
               st.kind, st.cue, st.confidence, st.text, {sentence}, st.sentence
        FROM statements st
        JOIN people p ON p.id = st.person
        JOIN people pe ON pe.id = coalesce(p.same_as, p.id)
        {joins}
        {'WHERE ' + ' AND '.join(where) if where else ''}
        ORDER BY st.date DESC, st.article DESC, st.start
        {'LIMIT ' + str(int(limit)) if limit else ''}"""
    return [StatementRow(*row) for row in conn.execute(sql, params)]


def fill(conn: sqlite3.Connection, row: StatementRow) -> StatementRow:
    """A ``light`` row completed: its article's title, source and path, and its sentence."""
    if row.sentence is None:
        found = conn.execute("SELECT text FROM sentences WHERE id = ?", (row.sentence_id,)).fetchone()
        row.sentence = found[0] if found else row.text
    if row.title is None:
        found = conn.execute("SELECT title, source, path FROM articles WHERE id = ?", (row.article,)).fetchone()
        row.title, row.source, row.path = found if found else ("?", "", None)
    return row


@dataclass(slots=True)
class FigureRow:
    id: int
    article: int
    title: str
    date: str | None
    kind: str
    value: float | None
    unit: str | None
    text: str
    sentence: str
    start: int
    end: int


def figures(conn: sqlite3.Connection, kind: str | None = None, word: str = "", limit: int | None = None
            ) -> list[FigureRow]:
    """Every figure (newest article first); of one kind; in a sentence with ``word`` (any form)."""
    where: list[str] = []
    params: list[Any] = []
    if kind:
        where.append("f.kind = ?")
        params.append(kind)
    if word:
        from tui_reader.library.search import match_expression

        expression = match_expression(word)
        where.append("f.sentence IN (SELECT rowid FROM sentence_lemmas WHERE sentence_lemmas MATCH ?)"
                     if expression else "0")
        if expression:
            params.append(expression)
    sql = f"""
        SELECT f.id, a.id, a.title, a.date, f.kind, f.value, f.unit, f.text, coalesce(s.text, f.text), f.start, f.end
        FROM figures f JOIN articles a ON a.id = f.article LEFT JOIN sentences s ON s.id = f.sentence
        {'WHERE ' + ' AND '.join(where) if where else ''}
        ORDER BY a.date DESC, a.id DESC, f.start
        {'LIMIT ' + str(int(limit)) if limit else ''}"""
    return [FigureRow(*row) for row in conn.execute(sql, params)]


@dataclass
class Info:
    path: Path
    size: int
    articles: int
    unread: int
    people: int
    statements: int
    figures: int
    sentences: int
    schema: int


def info(conn: sqlite3.Connection, path: Path) -> Info:
    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return Info(path=path, size=size, articles=one("SELECT count(*) FROM articles"),
                unread=one("SELECT count(*) FROM articles WHERE read = 0"),
                people=one("SELECT count(*) FROM people WHERE same_as IS NULL AND id IN (SELECT person FROM statements"
                           " UNION SELECT same_as FROM people)"),
                statements=one("SELECT count(*) FROM statements"), figures=one("SELECT count(*) FROM figures"),
                sentences=one("SELECT count(*) FROM sentences"), schema=one("PRAGMA user_version"))
