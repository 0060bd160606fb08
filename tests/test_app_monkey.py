"""A "monkey" test: a long random run of the reader's keys must never crash the app.

Each key is pressed wherever focus happens to be (the article, the sidebar, a pane's
input, a modal view), which is the point: the keys' combinations are what no
example-based test walks through.  The seed is fixed, so a failure replays exactly.
"""
from __future__ import annotations

import random

import pytest

pytest.importorskip("textual")

from textual import events

from tests.sample import sample_document, structure_only
from tui_reader.app.reader_app import ReaderApp

KEYS = [
    # moving, Latin and Russian layout
    "j", "о", "k", "л", "space", "b", "и", "d", "в", "u", "г", "g", "п", "G", "П",
    "left_square_bracket", "х", "right_square_bracket", "ъ", "down", "up", "pagedown", "end", "home",
    # panes, views, marks
    "slash", "full_stop", "ctrl+f", "t", "е", "s", "ы", "S", "Ы", "number_sign", "question_mark", "comma",
    "m", "ь", "apostrophe", "э", "y", "н", "n", "т", "N", "Т", "ctrl+b", "backslash",
    "escape", "tab", "enter", "ctrl+o", "ctrl+r",
    # less's keys: counts, percent, =, ctrl moves, help
    "5", "1", "0", "percent_sign", "p", "з", "equals_sign", "ctrl+g", "ctrl+d", "ctrl+u", "ctrl+e",
    "ctrl+y", "f", "h", "f1",
    # letters a pane's input takes as text
    "а", "р", "a", "e",
]
PRESSES = 120


@pytest.mark.slow  # a fifth of the suite's time: CI runs it (tests/conftest.py, SLOW_TESTS)
@pytest.mark.parametrize(("make_doc", "size"), [
    (sample_document, (120, 36)),
    (lambda: structure_only(sample_document()), (80, 24)),
], ids=["sample-wide", "structure-only-narrow"])
async def test_random_keys_never_crash(make_doc, size) -> None:
    doc = make_doc()
    app = ReaderApp(doc)
    rng = random.Random(20261125)
    async with app.run_test(size=size) as pilot:
        for _ in range(PRESSES):
            key = rng.choice(KEYS)
            await pilot.press(key)
        for _ in range(PRESSES // 4):  # and bursts, as a terminal hands them over
            for key in rng.sample(KEYS, 4):
                app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
            await pilot.pause()
        await pilot.pause()
        assert app.is_running
        # back on the reader's screen: whatever is open is closed by escape
        for _ in range(4):
            if len(app.screen_stack) == 1:
                break
            await pilot.press("escape")
        assert len(app.screen_stack) == 1
        article = app.article
        lines = [article.render_line(y).text for y in range(article.size.height)]
        assert any(line.strip() for line in lines)
        assert app.return_code is None
