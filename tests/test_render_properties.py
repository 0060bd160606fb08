"""Any text at all renders without an exception, and nothing from the file reaches the
terminal as a control character or as markup (issue: bad input must never crash or
drive the terminal)."""
from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("textual")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_reader.analysis import analyse_structure
from tui_reader.app.reader_app import ReaderApp

# Text that is mostly Russian prose and newlines, laced with the characters that have
# broken readers before: controls, escapes, markup brackets, bidi overrides, wide glyphs.
pieces = st.sampled_from([
    "Путин заявил, что ", "«цитата»", "\n", "\n\n", "52 млрд долларов", "[bold red]", "[/]",
    "[link=http://x]", "\x1b[2J", "\x1b]0;title\x07", "\x00", "\r", "\t", "\u202e", "\x9b",
    "漢字", "🙂", " ", "Заголовок\n\n", "— Да, — сказал он.",
])
any_text = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=40).map("".join)


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code < 0xA0 or code in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_renders_inert(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the loader hands it over
    doc = analyse_structure(text)

    async def render() -> list[str]:
        app = ReaderApp(doc)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            article = app.article
            drawn = []
            for y in range(article.size.height):
                drawn.append("".join(segment.text for segment in article.render_line(y)))
            await pilot.press("G")  # the end is reachable too
            return drawn

    drawn = asyncio.run(render())
    for line in drawn:
        assert not any(_is_control(ch) for ch in line), repr(line)
    # markup in the file is data: wherever "bold red" is drawn, its brackets are drawn too
    for line in drawn:
        if "bold red" in line:
            assert "[bold red" in line or line.lstrip().startswith("bold red"), repr(line)
