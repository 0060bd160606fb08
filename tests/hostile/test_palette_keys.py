"""Item 7: ctrl+p then PageDown at once does not crash the reader.

Textual 8.2.8's own palette crashes (``KeyError: 0``) when a page key arrives before
its list is laid out; tests/upstream/textual_palette_pagedown.py is the report.
Pilot's ``press`` waits for the app to be idle between keys, which hides the bug:
the keys are posted together here, as a terminal delivers a paste or a key-repeat.
"""
from __future__ import annotations

import pytest
from textual import events

from tui_reader.app.reader_app import ReaderApp
from tui_reader.pipeline import open_document
from tui_reader.seeds import seed_path

pytestmark = pytest.mark.hostile


@pytest.mark.parametrize("keys", [("ctrl+p", "pagedown"), ("ctrl+p", "pageup", "pagedown", "pagedown")])
async def test_page_keys_right_after_opening_the_palette(keys):
    app = ReaderApp(open_document(seed_path()))
    async with app.run_test() as pilot:
        for key in keys:
            app.post_message(events.Key(key, None))
        await pilot.pause(0.5)
        assert app._exception is None
        await pilot.press("pagedown")  # once laid out, the key works as before
        await pilot.pause()
        assert app._exception is None
        assert app.screen.id == "--command-palette"
