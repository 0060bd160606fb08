"""The reader's place, marks and theme survive a restart; copying a quote; config keymap."""
from __future__ import annotations

import pytest

pytest.importorskip("textual")

from tests.sample import sample_document
from tests.test_app import long_document
from tui_reader.app.reader_app import ReaderApp
from tui_reader.model import Source

SIZE = (100, 30)


def keyed(doc, sha: str = "ab" * 32):
    doc.source = Source(path="moved-or-not.txt", sha256=sha)
    return doc


async def test_place_and_marks_survive_a_restart() -> None:
    app = ReaderApp(keyed(long_document()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "m", "a")  # mark a at the end
        await pilot.press("g", "space", "space")
        place = app.article.top_offset()
        assert place > 0
        await pilot.press("q")
    again = ReaderApp(keyed(long_document()))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.article.top_offset() == place
        await pilot.press("apostrophe", "a")
        assert again.article.scroll_y == again.article.max_scroll_y or again.article.top_offset() > place


async def test_other_content_starts_at_the_top() -> None:
    app = ReaderApp(keyed(long_document()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "q")
    other = ReaderApp(keyed(long_document(), sha="cd" * 32))
    async with other.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert other.article.scroll_y == 0


async def test_corrupt_state_is_reported_and_ignored(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_READER_STATE_DIR", str(tmp_path))
    app = ReaderApp(keyed(long_document()))
    path = app.place.store.path_for(app.place.sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    app = ReaderApp(keyed(long_document()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.article.scroll_y == 0
        assert any("state" in n.message.lower() or "ignored" in n.message.lower() for n in app._notifications)


@pytest.mark.parametrize("key", ["y", "н"])
async def test_copy_the_chosen_statement(key: str, monkeypatch) -> None:
    app = ReaderApp(sample_document())
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("s", "enter", "n", key)
        assert copied, "nothing was copied"
        statement = app.article.highlights.statements_of(app.state.speaker)[app.state.statement]
        assert app.doc.text[statement.start:statement.end].strip()[:10] in copied[0] or "«" in copied[0]


async def test_theme_choice_persists(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SUMMIT_READER_CONFIG_DIR", str(tmp_path))
    app = ReaderApp(long_document())
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert 'theme = "textual-light"' in (tmp_path / "config.toml").read_text(encoding="utf-8")
    again = ReaderApp(long_document())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_keymap_from_config(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SUMMIT_READER_CONFIG_DIR", str(tmp_path))
    (tmp_path / "config.toml").write_text('[keys]\n"reader.bottom" = "z"\n', encoding="utf-8")
    app = ReaderApp(long_document())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z")
        assert app.article.scroll_y == app.article.max_scroll_y > 0
