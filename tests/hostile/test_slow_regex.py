"""Item 4: a regular expression that backtracks for ever cannot freeze the reader.

Python's ``re`` holds the interpreter lock for the whole match: ``(\\w+\\s?)+$`` on a
long line froze the app (Esc, q, Ctrl+C ignored after 75 s).  The ``regex`` module
releases the lock and stops after ``REGEX_TIMEOUT``; the user is told.  The inputs
are sized so that ``re`` takes ~10 s here (a failure, not a hang, on old code).
"""
from __future__ import annotations

import itertools
import time

import pytest

from tests.hostile.capped import run_capped
from tests.test_search_pane import PaneApp, make_doc
from tui_reader.search.query import REGEX_TIMEOUT, SlowPattern, search

pytestmark = pytest.mark.hostile

SLOW = r"(\w|\w\w)+$"
LINE = "с" * 36 + "!"


def test_search_stops_a_slow_pattern_and_says_so():
    doc = make_doc([(None, [[LINE]])])
    started = time.monotonic()
    with pytest.raises(SlowPattern, match="too slow"):
        search(doc, SLOW, "regex")
    assert time.monotonic() - started < REGEX_TIMEOUT * 5  # stopped (late on a busy machine), not run out


def test_an_ordinary_pattern_still_finds():
    doc = make_doc([(None, [["Путин заявил. Пескову звонили."]])])
    assert [doc.text[h.start:h.end] for h in search(doc, r"П\w+", "regex")] == ["Путин", "Пескову"]
    assert len(search(doc, r"п\w+", "regex")) == 2  # smart case as before


def test_cli_says_the_pattern_was_too_slow(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("Заголовок\n\n" + LINE + "\n", encoding="utf-8")
    out = run_capped(["search", SLOW, str(path), "--mode", "regex"], cwd=tmp_path, timeout=60)
    assert out.returncode == 2
    err = out.stderr.decode().strip()
    assert err.startswith("summit-reader:") and "too slow" in err and "\n" not in err


async def test_the_app_keeps_answering_while_a_pattern_runs():
    """The event loop's timer keeps ticking while the pattern runs (Pilot's own key
    presses wait for the process to be idle, so they cannot measure this)."""
    app = PaneApp(make_doc([(None, [[LINE]])]))
    async with app.run_test() as pilot:
        pane = app.query_one("SearchPane")
        pane.mode = "regex"
        ticks: list[float] = []
        app.set_interval(0.05, lambda: ticks.append(time.monotonic()))
        await pilot.press(*SLOW)
        await pilot.pause(REGEX_TIMEOUT + 2)
        assert any("too slow" in str(n.message) for n in app._notifications), list(app._notifications)
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert gaps and max(gaps) < 1.0, f"the app stood still for {max(gaps):.1f} s"
