"""The library screens (Pilot): articles, people, a person's statements, search, figures,
opening an article in the reader and coming back where one was."""
from __future__ import annotations

import pytest

from tests.library_fixtures import build_hand_made_library
from tui_reader.app.library.app import LibraryApp
from tui_reader.app.library.session import OpenRequest, Session
from tui_reader.library import db


@pytest.fixture
def conn(tmp_path):
    conn = build_hand_made_library(tmp_path / "articles", tmp_path / "lib.sqlite3")
    yield conn
    conn.close()


def titles(table) -> list[str]:
    return [row.title for row in table.rows]


async def test_articles_sorted_newest_first_and_filtered_as_you_type(conn):
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.screen.table
        assert titles(table) == ["Порт увеличил грузооборот", "Лидеры встретились в Минске",
                                 "Правительство обсудило бюджет"]
        await pilot.press("f", *"лидр")  # letters in order within a word: fuzzy
        await pilot.pause()
        assert titles(table) == ["Лидеры встретились в Минске"]
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert len(table.rows) == 3
        await pilot.press("s", "s")  # the columns after the date: the source, then the words
        assert app.screen.state["sort"] == 4
        await pilot.press("r")  # most words first
        assert [row.words for row in table.rows] == sorted((row.words for row in table.rows), reverse=True)


async def test_enter_opens_and_marks_read(conn):
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
    request = app.return_value
    assert isinstance(request, OpenRequest)
    assert conn.execute("SELECT title, read FROM articles WHERE id = ?", (request.article,)).fetchone() == \
        ("Лидеры встретились в Минске", 1)
    # coming back: the same screen, the cursor on the same article, shown as read
    again = LibraryApp(conn, app.session, db.default_path())
    async with again.run_test(size=(120, 30)) as pilot:
        assert again.screen.table.current.id == request.article
        assert again.screen.table.current.read


async def test_people_across_articles_and_a_persons_statements(conn):
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        people = {row.name: row for row in app.screen.table.rows}
        assert "Лукашенко" not in people  # linked to the full name
        assert (people["Александр Лукашенко"].statements, people["Александр Лукашенко"].articles) == (2, 2)
        await pilot.press("f", *"лукаш", "enter")
        await pilot.pause()
        assert [row.name for row in app.screen.table.rows] == ["Александр Лукашенко"]
        await pilot.press("enter")
        await pilot.pause()
        rows = app.screen.table.rows
        assert [row.date for row in rows] == ["2024-05-20", "2024-04-12"]  # newest first
        await pilot.press("tab", *"2024-04", "tab", "tab", *"договора", "enter")  # from April, a word
        await pilot.pause()
        assert [row.date for row in app.screen.table.rows] == ["2024-04-12"]
        await pilot.press("enter")
        await pilot.pause()
    request = app.return_value
    assert request.speaker_id and request.offset is not None
    assert [kind for kind, _state in app.session.stack] == ["articles", "people", "person"]


async def test_search_groups_by_article_with_a_count(conn):
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"заявить")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert screen.total == 4 and screen.articles == 3
        assert "0/4 sentences in 3 articles" in str(screen.count.render())
        await pilot.press("enter")  # to the results, on the first hit
        await pilot.pause()
        assert "1/4" in str(screen.count.render())
        await pilot.press("enter")
        await pilot.pause()
    request = app.return_value
    assert request.query == "заявить" and request.end - request.offset == len("заявил")


async def test_search_phrase_and_bad_regex(conn):
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *'"союзного государства"')
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.total == 1
        await pilot.press("ctrl+r", "ctrl+r")  # regex mode
        app.screen.input.value = "x["
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "invalid regular expression" in str(app.screen.count.render())


async def test_figures_by_kind_and_value(conn):
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("number_sign")
        await pilot.pause()
        assert len(app.screen.table.rows) == 4
        await pilot.press("c")  # money
        await pilot.pause()
        assert {row.kind for row in app.screen.table.rows} == {"money"}
        await pilot.press("v")
        assert [row.value for row in app.screen.table.rows] == [120e9, 2e9]
        await pilot.press("enter")
    assert app.return_value.offset is not None


async def test_ten_thousand_rows_are_not_ten_thousand_widgets(conn):
    from tui_reader.library.queries import ArticleRow

    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        rows = [ArticleRow(i, f"Статья {i}", "2024-01-01", "s", 10, 1, 1, 0, False, None, "", "")
                for i in range(10_000)]
        app.screen.table.set_rows(rows)
        await pilot.press("G")
        await pilot.pause()
        assert app.screen.table.current.id == 9_999
        assert len(list(app.screen.walk_children())) < 30


async def test_reader_opened_at_a_statement_marks_its_speaker(conn, tmp_path):
    from tui_reader.app.library.reader import LibraryReaderApp, opened_article
    from tui_reader.library.queries import article, statements

    statement = statements(conn, name="силуанов")[1]
    opened = opened_article(article(conn, statement.article))
    assert opened is not None and opened.complete
    request = OpenRequest(article=statement.article, offset=statement.start, end=statement.end,
                          speaker_id=statement.speaker_id)
    app = LibraryReaderApp(opened.doc, opened=opened, complete=True, target=request)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.state.speaker == statement.speaker_id
        assert app.state.statement == 1
        await pilot.press("escape")  # clears the marks
        assert app.is_running
        await pilot.press("escape")  # nothing left to clear: back to the library
        await pilot.pause()
    assert not app.is_running


async def test_article_text_is_drawn_inert(tmp_path):
    """Markup and control codes in a headline reach the screen as plain characters."""
    from tui_reader.library.meta import ArticleMeta
    from tui_reader.library.records import ArticleRecord
    from tui_reader.library.store import store_record

    conn = db.connect(tmp_path / "lib.sqlite3")
    store_record(conn, ArticleRecord(sha256="x", cache_key="x", path=None, title="[bold]жирный[/bold] \x1b[31mкрасный",
                                     meta=ArticleMeta("2024-01-01", "text", "[red]s"), format="text", words=1,
                                     size=1, mtime=None, analyser="", speakers=0))
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        line = "".join(seg.text for seg in app.screen.table.render_line(1))
        assert "[bold]жирный[/bold] ␛[31mкрасный" in line and "[red]s" in line


async def test_the_first_screenful_first_then_every_article(tmp_path):
    from tui_reader.app.library import articles as articles_screen
    from tui_reader.library.meta import ArticleMeta
    from tui_reader.library.records import ArticleRecord
    from tui_reader.library.store import store_record

    conn = db.connect(tmp_path / "lib.sqlite3")
    total = articles_screen.FIRST_ROWS + 50
    for i in range(total):
        store_record(conn, ArticleRecord(sha256=f"{i}", cache_key=f"{i}", path=None, title=f"Статья {i}",
                                         meta=ArticleMeta(f"2024-01-{i % 28 + 1:02}", "text", "s"), format="text",
                                         words=1, size=1, mtime=None, analyser="", speakers=0))
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert len(app.screen.table.rows) == total
        assert f"{total} articles, {total} unread" in str(app.screen.heading.render())
        assert [r.date for r in app.screen.table.rows] == sorted((r.date for r in app.screen.table.rows), reverse=True)


async def test_fast_typing_in_regex_mode_shows_the_last_query(conn):
    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", "ctrl+r", "ctrl+r", *r"заяв\w+")  # regex mode, typed fast
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.state["mode"] == "regex"
        assert app.screen.total == 4
        assert "regex" in str(app.screen.count.render())


async def test_help_lists_the_keys_of_the_screen_it_is_called_from(conn):
    from tui_reader.app.screens.help_screen import HelpScreen

    def help_text(app) -> str:
        assert isinstance(app.screen, HelpScreen)
        return "\n".join(f"{keys}  {what}" for keys, what in app.screen.keys)

    app = LibraryApp(conn, Session(), db.default_path())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        articles = help_text(app)
        for keys, what in (("f  а", "Filter"), ("p  з", "People"), ("#", "Figures"), ("u  г", "Read/unread"),
                           ("↓  j  о", "Down"), ("?  F1  ,", "this help")):
            assert f"{keys}  {what}" in articles.splitlines()
        assert not app.screen.legend  # no article highlights to explain here
        await pilot.press("escape", "p")  # the People screen has keys of its own
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        people = help_text(app)
        assert "Back" in people and "Read/unread" not in people
