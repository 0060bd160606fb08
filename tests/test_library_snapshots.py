"""SVG snapshots of the library screens, on the hand-made library (stable while the analysers change).
Regenerate after a deliberate change with ``pytest tests/test_library_snapshots.py --snapshot-update``."""
from __future__ import annotations

import pytest

pytest.importorskip("pytest_textual_snapshot")

from tests.library_fixtures import build_hand_made_library
from tui_reader.app.library.app import LibraryApp
from tui_reader.app.library.session import Session
from tui_reader.library import db


@pytest.fixture
def app(tmp_path):
    conn = build_hand_made_library(tmp_path / "articles", tmp_path / "lib.sqlite3")
    yield LibraryApp(conn, Session(), db.default_path())
    conn.close()


@pytest.mark.parametrize("keys", [[], ["p"], ["p", "enter"], ["slash", *"заявить", "enter"], ["number_sign", "v"]],
                         ids=["articles", "people", "person", "search", "figures"])
def test_library_screens(snap_compare, app, keys):
    async def press_and_settle(pilot) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()  # the search runs in a worker
            await pilot.pause()

    assert snap_compare(app, terminal_size=(110, 22), run_before=press_and_settle)
