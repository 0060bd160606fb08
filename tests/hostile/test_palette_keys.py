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
    """The crash depends on timing (the palette's hits must have arrived, its layout
    not yet), so the keys go in five times: on Textual 8.2.8 without the guard at
    least one of them crashed in every run we tried."""
    app = ReaderApp(open_document(seed_path()))
    async with app.run_test() as pilot:
        for _ in range(5):
            for key in keys:
                app.post_message(events.Key(key, None))
            await pilot.pause(0.3)
            assert app._exception is None
            assert app.screen.id == "--command-palette"
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press("pagedown")  # once laid out, the key works as before
        await pilot.pause()
        assert app._exception is None
