"""SVG snapshot of the feed list (pytest-textual-snapshot): unread marks, dates,
sources, summaries, a title with HTML and control codes drawn inert.
Regenerate after a deliberate change with ``pytest tests/test_web_snapshots.py --snapshot-update``."""
from __future__ import annotations

import time

import pytest

pytest.importorskip("pytest_textual_snapshot")

from tests.web_server import rfc822, rss
from tui_reader.app.screens.feed_screen import FeedApp
from tui_reader.web.feeds import parse_feed


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # dates are drawn in local time
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _app() -> FeedApp:
    feed = parse_feed(rss([
        ("Городской совет обсудил новый мост", "http://127.0.0.1/a", "&lt;p&gt;Стройка начнётся весной, "
         "а закончится через два года, сообщили в мэрии.&lt;/p&gt;", rfc822(0.2)),
        ("Заголовок &lt;b&gt;с разметкой&lt;/b&gt; и \x1b[31mуправляющим\x07 кодом [bold]", "http://127.0.0.1/b",
         "Проверка.", rfc822(1)),
        ("Жители собрали 12 тысяч подписей", "http://127.0.0.1/c", "", rfc822(2.5)),
    ]), "http://127.0.0.1/feed.xml", name="city.xml")
    return FeedApp(feed, open_item=lambda item: None)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_feed_list(snap_compare, utc, theme: str) -> None:
    app = _app()
    app.theme = theme
    assert snap_compare(app, terminal_size=(100, 24))
