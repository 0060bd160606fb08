"""The library database: adding (pool, skips, bad files), queries, search, damaged files.

Real SQLite files and real analysis; the CLI is driven through ``main`` as a user would."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.library_fixtures import ARTICLES, write_articles
from tui_reader.cli.main import main
from tui_reader.library import db, queries
from tui_reader.library.search import search_library, sentence_spans


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A library of the three articles, built once (analysis is the slow part)."""
    base = tmp_path_factory.mktemp("library")
    env = {"SUMMIT_READER_DATA_DIR": str(base / "data"), "SUMMIT_READER_CACHE_DIR": str(base / "cache")}
    folder = base / "articles"
    write_articles(folder)
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        assert main(["library", "add", str(folder), "--jobs", "1"]) == 0
    return base, env, folder


@pytest.fixture
def library(built, monkeypatch):
    _base, env, folder = built
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    conn = db.connect()
    yield conn, folder
    conn.close()


def cli_json(capsys, *argv) -> list[dict]:
    capsys.readouterr()
    assert main(["library", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_articles_listed_with_date_and_counts(library):
    conn, _folder = library
    rows = queries.articles(conn)
    assert len(rows) == 3
    by_name = {Path(r.path).name: r for r in rows}
    assert by_name["budget.txt"].date == "2024-03-15"
    assert by_name["summit.txt"].date == "2024-04-12"
    assert by_name["budget.txt"].title == "Правительство обсудило бюджет"
    assert [r.date for r in rows] == sorted((r.date for r in rows), reverse=True)  # newest first
    assert all(r.words > 10 and r.statements >= 1 for r in rows)
    assert not any(r.read for r in rows)


def test_rerun_adds_nothing(library, capsys):
    _conn, folder = library
    capsys.readouterr()
    assert main(["library", "add", str(folder), "--jobs", "1"]) == 0
    assert capsys.readouterr().out.startswith("0 added, 3 already in the library, 0 failed")


def test_one_person_across_articles(library, capsys):
    people = cli_json(capsys, "people")
    names = {p["person"]: p for p in people}
    # "Лукашенко" alone in port.txt is the one full name ending in it
    assert "Александр Лукашенко" in names and "Лукашенко" not in names
    assert names["Александр Лукашенко"]["articles"] == 2
    statements = cli_json(capsys, "statements", "--person", "лукашенко")
    assert [s["date"] for s in statements] == sorted((s["date"] for s in statements), reverse=True)
    assert statements[0]["date"] == "2024-05-20" and "порт" in statements[0]["sentence"]


def test_people_filters(library, capsys):
    assert [p["person"] for p in cli_json(capsys, "people", "--name", "силуан")] == ["Антон Силуанов"]
    in_april = cli_json(capsys, "people", "--from", "2024-04-01", "--to", "2024-04-30")
    assert {p["person"] for p in in_april} >= {"Александр Лукашенко"}
    assert "Антон Силуанов" not in {p["person"] for p in in_april}
    by_word = cli_json(capsys, "people", "--word", "договора")  # any form of the word
    assert [p["person"] for p in by_word] == ["Александр Лукашенко"]


def test_search_by_word_forms_phrase_exact_regex(library):
    conn, _ = library
    hits = search_library(conn, "бюджеты")
    assert hits and all("бюджет" in h.text.lower() for h in hits)
    phrase = search_library(conn, '"союзного государства"')
    assert len(phrase) == 1 and "союзном государстве" in phrase[0].text
    assert search_library(conn, '"государства союзного"') == []  # words in a row, in that order
    assert len(search_library(conn, "Лукашенко")) >= 2
    assert search_library(conn, "грузооборот вырос", "exact")[0].text.startswith("Директор порта")
    assert search_library(conn, r"\d+%", "regex")
    spans = sentence_spans(phrase[0].text, '"союзного государства"')
    assert [phrase[0].text[s:e] for s, e in spans] == ["союзном государстве"]


def test_figures_by_kind_and_value(library, capsys):
    money = cli_json(capsys, "figures", "--kind", "money")
    assert money and all(f["kind"] == "money" for f in money)
    assert any(f["value"] == pytest.approx(120e9) for f in money)
    by_value = cli_json(capsys, "figures", "--kind", "percent", "--sort", "value")
    assert [f["value"] for f in by_value] == sorted((f["value"] for f in by_value), reverse=True)


def test_csv_and_text_output(library, capsys):
    capsys.readouterr()
    assert main(["library", "statements", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("speaker,date,article,kind,cue,sentence")
    assert len(lines) > 3
    assert main(["library", "info"]) == 0
    assert "3 articles (3 unread)" in capsys.readouterr().out


def test_bad_files_each_one_line_the_rest_added(tmp_path, capsys):
    folder = tmp_path / "mixed"
    write_articles(folder, {"good.txt": ARTICLES["budget.txt"]})
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    capsys.readouterr()
    assert main(["library", "add", str(folder), "--jobs", "1"]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 4, err
    assert all(line.startswith("summit-reader: ") for line in lines)
    reasons = {Path(line.split(": ")[1]).name: line for line in lines}
    assert "empty" in reasons["empty.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "no such file" in reasons["gone.txt"]
    assert "binary.txt" in reasons
    assert out.startswith("1 added, 0 already in the library, 4 failed")
    assert "Traceback" not in err


def test_changed_file_replaced_and_gone_file_dropped_on_rescan(tmp_path, capsys):
    folder = tmp_path / "a"
    paths = write_articles(folder, {"one.txt": ARTICLES["budget.txt"], "two.txt": ARTICLES["port.txt"]})
    assert main(["library", "add", str(folder), "--jobs", "1"]) == 0
    paths[0].write_text(ARTICLES["budget.txt"].replace("5%", "7%"), encoding="utf-8")
    paths[1].unlink()
    assert main(["library", "rescan", "--jobs", "1"]) == 0
    conn = db.connect()
    rows = queries.articles(conn)
    assert [Path(r.path).name for r in rows] == ["one.txt"]
    assert search_library(conn, "7%", "exact") and not search_library(conn, "5%", "exact")
    assert not search_library(conn, "грузооборот")  # the gone article's sentences left the index
    assert main(["library", "remove", str(folder)]) == 0
    assert queries.articles(conn) == []
    assert queries.people(conn) == []


def test_damaged_and_foreign_files_are_one_line_with_the_fix(tmp_path, capsys):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database at all" * 200)
    capsys.readouterr()
    assert main(["library", "--db", str(damaged), "info"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert f"summit-reader library --db {damaged} reset && summit-reader library --db {damaged} add" in err
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE notes (x)")
    assert main(["library", "--db", str(foreign), "people"]) == 2
    err = capsys.readouterr().err
    assert "not a summit-reader library" in err and f"library --db {foreign} reset" in err
    assert main(["library", "--db", str(damaged), "reset"]) == 0
    db.connect(damaged).close()  # a fresh library where the damaged one was
    assert main(["library", "--db", str(damaged), "info"]) == 0


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite3"
    db.connect(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    with pytest.raises(db.LibraryError, match="newer summit-reader"):
        db.connect(path)


def test_migrations_bring_an_old_database_up(tmp_path, monkeypatch):
    """A library of the current version is taken to the next by the new migration, its rows kept."""
    path = tmp_path / "lib.sqlite3"
    old = db.connect(path)
    old.execute("INSERT INTO people (key, name, last) VALUES ('иван петров', 'Иван Петров', 'петров')")
    old.close()
    monkeypatch.setattr(db, "MIGRATIONS", [*db.MIGRATIONS, "ALTER TABLE articles ADD COLUMN note TEXT"])
    monkeypatch.setattr(db, "SCHEMA_VERSION", len(db.MIGRATIONS) - 1)
    conn = db.connect(path)
    assert conn.execute("SELECT name FROM people").fetchall() == [("Иван Петров",)]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    conn.execute("SELECT note FROM articles").fetchall()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_no_control_codes_or_markup_reach_the_terminal(tmp_path, capsys):
    folder = tmp_path / "evil"
    write_articles(folder, {"evil.txt": "Заголовок \x1b[31mкрасный\x1b[0m [bold]жирный[/bold]\n\n"
                                        "Министр Иван Петров заявил, что \x1b]0;title\x07 всё \x9b2J хорошо.\n"})
    assert main(["library", "add", str(folder), "--jobs", "1"]) == 0
    for argv in (["statements"], ["search", "заявить"], ["people"]):
        for fmt in ("text", "json", "csv"):
            capsys.readouterr()
            assert main(["library", *argv, "--format", fmt]) == 0
            out = capsys.readouterr().out
            assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out, (argv, fmt)


def test_add_bytes_for_a_fetched_page(tmp_path):
    from tui_reader.library.adding import add_bytes

    conn = db.connect(tmp_path / "lib.sqlite3")
    page = ("<html><head><meta property='article:published_time' content='2024-06-01T10:00:00Z'>"
            "<meta property='og:site_name' content='Вестник'><title>Новость</title></head><body><article>"
            "<h1>Мост открыт</h1><p>Мэр города Олег Смирнов заявил, что мост открыт для машин.</p>"
            "<p>Движение по мосту начнётся завтра утром, сообщили в мэрии города.</p></article></body></html>")
    article = add_bytes(conn, page.encode(), "https://example.org/news/most.html")
    assert article is not None
    row = queries.article(conn, article)
    assert (row.date, row.source) == ("2024-06-01", "Вестник")
    assert add_bytes(conn, page.encode(), "https://example.org/news/most.html") is None  # known bytes


def test_single_file_reader_never_touches_the_database(tmp_path, monkeypatch):
    from tui_reader.pipeline import open_document

    path = tmp_path / "one.txt"
    path.write_text(ARTICLES["port.txt"], encoding="utf-8")
    open_document(path)
    assert not (Path(os.environ["SUMMIT_READER_DATA_DIR"]) / db.FILE_NAME).exists()


@pytest.mark.parametrize("head, date", [("Заголовок\n\n2018-09-20\n", "2018-09-20"),
                                        ("МОСКВА, 04/08/2008 12:08 - новость", "2008-08-04"),
                                        ("Минск, 4 августа 2008 года. Текст", "2008-08-04"),
                                        ("Без даты, но 31.02.2020 не бывает", None)])
def test_date_from_the_text(head, date):
    from tui_reader.library.meta import date_in_text

    assert date_in_text(head) == date


def test_headline_skips_a_news_dumps_header_lines():
    from tui_reader.library.records import headline
    from tui_reader.model import Document, Paragraph

    text = "ru-180\n\nru\n\n2018-11-08\n\nhttps://example.org/a\n\nПорт открылся после ремонта\n\nТекст."
    paragraphs, pos = [], 0
    for part in text.split("\n\n"):
        paragraphs.append(Paragraph(pos, pos + len(part), 0))
        pos += len(part) + 2
    assert headline(Document(text=text, title="ru-180", paragraphs=paragraphs)) == "Порт открылся после ремонта"
    assert headline(Document(text=text, title="Космос", paragraphs=paragraphs)) == "Космос"


@pytest.mark.parametrize("phrase, found", [('"союзном государстве"', True), ('"союзного государства"', True),
                                           ('"договор союзном"', False), ('"Союзном государстве"', False),
                                           ('"регионов сказал"', False), ('"Антон Силуанов"', True),
                                           ('"антон силуанов"', True), ('"поддержку регионов" бюджет', False)])
def test_phrases_agree_with_the_in_article_search(library, phrase, found):
    """Checked from the stored lemmas (no morphology per sentence) exactly as the reader's search decides."""
    conn, _ = library
    hits = search_library(conn, phrase)
    assert bool(hits) == found
    every = conn.execute("SELECT text FROM sentences").fetchall()
    assert sorted(h.text for h in hits) == sorted(t for (t,) in every if sentence_spans(t, phrase))


def test_dates_as_bounds_in_the_cli(library, capsys):
    in_april = cli_json(capsys, "statements", "--from", "2024-04", "--to", "2024-04")
    assert in_april and {s["date"] for s in in_april} == {"2024-04-12"}
    assert {s["date"][:4] for s in cli_json(capsys, "statements", "--to", "2024")} == {"2024"}
    assert main(["library", "people", "--from", "april"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_statement_confidence_kept_where_the_model_has_it(tmp_path):
    """``Statement.confidence`` (the model's, 1.0 unless the attribution is a guess) is stored."""
    from tests.library_fixtures import hand_made_document
    from tui_reader.library.meta import ArticleMeta
    from tui_reader.library.records import build_record

    doc = hand_made_document("a.txt", "2024-01-01", "Заголовок", [("Иван Петров", "Иван Петров заявил, что всё хорошо.")],
                             [])
    doc.source.sha256 = "a" * 64
    plain = build_record(doc, cache_key="k", meta=ArticleMeta("2024-01-01", "text", ""), size=1, mtime=None)
    assert plain.statements[0].confidence == 1.0

    doc.statements[0].confidence = 0.75  # a guessed attribution
    record = build_record(doc, cache_key="k", meta=ArticleMeta("2024-01-01", "text", ""), size=1, mtime=None)
    assert record.statements[0].confidence == 0.75


def test_scans_in_several_threads_at_once(library):
    """The search screen runs each keystroke's query in a thread; an older scan may still run.
    Each thread has its own connection (one connection shared by two scans can deadlock)."""
    from concurrent.futures import ThreadPoolExecutor

    conn, _ = library
    queries = [r"\d+%", "заявил", r"[Лл]укашенко", "порт"] * 3
    expected = [len(search_library(conn, q, "regex")) for q in queries]

    def scan(query: str) -> int:
        own = db.connect()
        try:
            return len(search_library(own, query, "regex"))
        finally:
            own.close()

    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(scan, queries))
    assert found == expected and all(expected)
