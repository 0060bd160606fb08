"""Keys that arrive together (one terminal write, SSH, a busy machine) are neither lost nor
mistaken: every key after one that opens an input goes to that input, in order.

Two ways to send a burst: ``pilot.press`` with several keys, and straight through the
driver with no pause between keys, as a terminal's read hands them to the app."""
from __future__ import annotations

import pytest

pytest.importorskip("textual")

from textual import events

from tests.sample import sample_document
from tests.test_app import WIDE, long_document
from tui_reader.app.reader_app import ReaderApp


def burst(app, keys: str | list[str]) -> None:
    """Hand ``keys`` to the app at once, as the terminal driver does for one read."""
    for key in keys:
        char = key if len(key) == 1 else None
        name = {"/": "slash", "'": "apostrophe", " ": "space", ":": "colon", "%": "percent_sign"}.get(key, key)
        app._driver.send_message(events.Key(name, char))


def search_text(app) -> str:
    return app.query_one("#search").input.value


@pytest.mark.parametrize("send", ["driver", "press"])
async def test_mark_then_two_letters_sets_the_first_and_runs_the_second(send: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        app.article.scroll_to_line(20)
        await pilot.pause()
        if send == "driver":
            burst(app, "maj")
        else:
            await pilot.press("m", "a", "j")
        await pilot.pause()
        await pilot.pause()
        assert app.return_code is None and app.is_running
        assert app.marks.get("a") is not None
        assert app.article.scroll_y == 21  # the j after the mark scrolled
        assert app.screen is app.screen_stack[0]


@pytest.mark.parametrize("send", ["driver", "press"])
async def test_jump_to_a_mark_then_two_letters_does_not_crash(send: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        app.article.scroll_to_line(30)
        await pilot.pause()
        await pilot.press("m", "x")
        app.article.scroll_to_line(0)
        await pilot.pause()
        if send == "driver":
            burst(app, "'xj")
        else:
            await pilot.press("apostrophe", "x", "j")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.screen is app.screen_stack[0]
        assert app.article.scroll_y == 31


async def test_two_apostrophes_at_once_go_back() -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G")
        burst(app, "''")
        await pilot.pause()
        await pilot.pause()
        assert app.article.scroll_y == 0
        assert app.screen is app.screen_stack[0]


@pytest.mark.parametrize("send", ["driver", "press"])
async def test_search_text_sent_at_once_goes_into_the_box(send: str) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        if send == "driver":
            burst(app, "/безопасность")
        else:
            await pilot.press("/", *"безопасность")
        await pilot.pause()
        await pilot.pause()
        assert search_text(app) == "безопасность"
        topics = app.query("#topics")
        assert not topics or not topics.first().display  # е did not open the topics


async def test_topics_filter_sent_at_once_goes_into_the_box() -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        burst(app, "tминск")
        await pilot.pause()
        await pilot.pause()
        assert app.query_one("#topics").input.value == "минск"


# --- vim's keys in the lists and pop-ups (they used to scroll the article behind) -------

@pytest.mark.parametrize("opener", ["s", "tab"])
async def test_j_and_k_move_the_sidebar_lists_not_the_article(opener: str) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(opener)
        await pilot.pause()
        focused = app.focused
        assert focused is not app.article
        before = focused.highlighted if opener == "s" else focused.cursor_line
        await pilot.press("j")
        after = focused.highlighted if opener == "s" else focused.cursor_line
        assert after == before + 1
        await pilot.press("k")
        assert (focused.highlighted if opener == "s" else focused.cursor_line) == before
        assert app.article.scroll_y == 0


@pytest.mark.parametrize("view,key", [("S", "j"), ("number_sign", "j"), ("number_sign", "G")])
async def test_vim_keys_move_the_views_cursor(view: str, key: str) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(view)
        await pilot.pause()
        widget = app.screen.focused
        assert widget is not None
        before = widget.cursor_row if hasattr(widget, "cursor_row") else widget.highlighted
        await pilot.press(key)
        after = widget.cursor_row if hasattr(widget, "cursor_row") else widget.highlighted
        assert after > before
        assert app.article.scroll_y == 0


async def test_help_scrolls_with_j_and_shows_its_last_line() -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.body
        assert body.max_scroll_y > 0  # longer than 24 rows: it must scroll
        await pilot.press("j")
        assert body.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
