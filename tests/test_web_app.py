"""The app with the web: the reader of a web page (URL in the title bar, ``o``) and
the feed list (items drawn inert, Enter opens, failures are notifications, ``r``)."""
from __future__ import annotations

import pytest

from tests.web_server import ARTICLE_TITLE, Reply, Server, article_html, rfc822, rss
from tui_reader.app.screens.feed_screen import Chosen, FeedApp
from tui_reader.app.web_reader import WebReaderApp
from tui_reader.pipeline import finish_analysis, open_for_reading, open_url_for_reading
from tui_reader.web.feeds import load_feed
from tui_reader.web.read_state import ReadItems

HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture(scope="module")
def server():
    s = Server().start()
    s.route("/article", Reply(article_html().encode(), headers=HTML))
    s.route("/gone", Reply(b"gone", 404))
    s.route("/stall", Reply(b"late", delay=5))
    s.route("/menu", Reply(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", headers=HTML))
    s.route("/feed", Reply(rss([
        ("Мост через реку", s.url("/article"), "Совет обсудил мост.", rfc822(1)),
        ("Пропавшая \x1b[31mновость\x07 &lt;b&gt;[bold]жирно[/bold]&lt;/b&gt;", s.url("/gone"), "Нет её.", rfc822(0.5)),
        ("Только меню", s.url("/menu"), "", rfc822(2)),
        ("Медленный сайт", s.url("/stall"), "", rfc822(3)),
    ]), headers={"Content-Type": "application/rss+xml"}))
    yield s
    s.stop()


def analysed(url: str):
    """The page opened with its full model (no background analysis outliving the test)."""
    opened = open_url_for_reading(url)
    finish_analysis(opened)
    return open_url_for_reading(url)


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_the_web_reader_shows_the_url_and_copies_it(server, monkeypatch):
    url = server.url("/article")
    app = WebReaderApp(analysed(url))
    copied = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 36)) as pilot:
        assert url in app.sub_title and "Мария Журавлёва" in app.sub_title and app.title == ARTICLE_TITLE
        await pilot.press("o")
        assert copied == [url]
        assert any(url in m for m in messages(app))
        await pilot.press("щ")  # the same key on the Russian layout
        assert copied == [url, url]
        await pilot.press("question_mark")
        assert ("o", "copy the page's URL") in app.screen.keys
        # the file reader's keys are all there too, and the web key's binding id
        assert any(key.startswith(":n") for key, _what in app.screen.keys)
        ids = dict(app.screen.binding_ids)
        assert ids["web.copy-url"] == "o,щ" and "reader.quit" in ids


async def test_a_url_among_several_files_is_read_by_the_web_reader_and_colon_p_goes_back(server, tmp_path):
    from tui_reader.app import reader_for

    article = tmp_path / "first.txt"
    article.write_text("Первый файл.\n", encoding="utf-8")
    url = server.url("/article")
    app = reader_for(analysed(url), files=[str(article), url], file_index=1)
    assert isinstance(app, WebReaderApp) and app.files == [str(article), url]
    async with app.run_test(size=(120, 36)) as pilot:
        assert url in app.sub_title
        await pilot.press("colon", "p")
        await pilot.pause()
    assert app.switch_to == 0


def feed_app(server, path: str = "/feed", **kwargs) -> FeedApp:
    where = server.url(path)
    return FeedApp(load_feed(where), open_item=lambda item: open_for_reading(item.link),
                   reload=lambda: load_feed(where), **kwargs)


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_items_are_drawn_inert_newest_first(server):
    app = feed_app(server)
    async with app.run_test(size=(120, 36)):
        prompts = [o.prompt.plain for o in app.items_list.options]
        assert "Пропавшая" in prompts[0] and "Мост" in prompts[1] and "Только меню" in prompts[2]
        assert "\x1b" not in prompts[0] and "\x07" not in prompts[0] and "␛[31m" in prompts[0]
        assert "[bold]жирно[/bold]" in prompts[0]  # square brackets are text, not markup
        assert "4 unread of 4" in app.sub_title


@pytest.mark.parametrize("index,expected", [(0, "404"), (2, "no article text"), (3, "timed out")])
async def test_a_failed_item_is_a_notification_and_the_list_stays(server, monkeypatch, index, expected):
    monkeypatch.setenv("SUMMIT_READER_TIMEOUT", "0.5")
    app = feed_app(server)
    async with app.run_test(size=(120, 36)) as pilot:
        app.items_list.highlighted = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert any(expected in m for m in messages(app))
        assert app.is_running and app.return_value is None and not app.busy
        assert "4 unread of 4" in app.sub_title


async def test_enter_opens_the_item_and_marks_it_read(server):
    app = feed_app(server)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "enter")
        await settle(app, pilot)
    assert isinstance(app.return_value, Chosen) and app.return_value.index == 1
    assert app.return_value.opened.doc.title == ARTICLE_TITLE
    feed = load_feed(server.url("/feed"))
    assert ReadItems().is_read(feed.items[1].key) and not ReadItems().is_read(feed.items[0].key)


async def test_u_toggles_read_and_r_refreshes(server):
    server.routes["/feed-r"] = server.routes["/feed"]
    app = feed_app(server, "/feed-r")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("u")
        assert "3 unread of 4" in app.sub_title and not app.items_list.options[0].prompt.plain.startswith("●")
        server.route("/feed-r", Reply(rss([("Свежая новость", server.url("/article"), "Только что.", rfc822(0))]),
                                    headers={"Content-Type": "application/rss+xml"}))
        await pilot.press("r")
        await settle(app, pilot)
        assert [o.prompt.plain.split("\n")[0] for o in app.items_list.options] == ["● Свежая новость"]
        server.routes.pop("/feed-r")
        await pilot.press("r")
        await settle(app, pilot)
        assert any("404" in m for m in messages(app))
        assert app.items_list.option_count == 1  # the list as it was


async def test_an_item_of_a_feed_says_q_goes_back(server):
    from tui_reader.app import reader_for

    app = reader_for(analysed(server.url("/article")), from_feed=True)
    async with app.run_test(size=(120, 36)):
        descriptions = {key: app.active_bindings[key].binding.description for key in ("q", "й")}
        assert descriptions == {"q": "Back to the feed", "й": "Back to the feed"}


async def test_a_adds_the_page_to_the_library_once(server, tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_READER_DATA_DIR", str(tmp_path / "data"))
    url = server.url("/article")
    app = WebReaderApp(analysed(url))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ф")  # the Russian layout's a: already there
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = messages(app)
        assert "Added to the library" in said and "Already in the library" in said
    from tui_reader.library import db, queries

    conn = db.connect()
    assert [row.title for row in queries.articles(conn)] == [ARTICLE_TITLE]
