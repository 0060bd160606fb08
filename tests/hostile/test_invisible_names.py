"""Should fix: invisible characters in names, topics and the sidebar are shown, so
"Пут\\u200bин" cannot pass for "Путин" and a direction mark cannot hide."""
from __future__ import annotations

import pytest

from tui_reader.reading.sanitize import name_text, one_line

pytestmark = pytest.mark.hostile

INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c"


def test_labels_show_every_invisible_character():
    shown = one_line("Пут" + INVISIBLE + "ин")
    assert not any(ch in shown for ch in INVISIBLE)
    assert len(shown) == len("Пут" + INVISIBLE + "ин")  # one for one: fuzzy-match offsets hold
    assert name_text("a\u2028b") == "a b"


async def test_the_sidebar_and_topics_show_a_spoofed_name():
    from tui_reader.app.reader_app import ReaderApp
    from tui_reader.model import Document, Paragraph, Section, Sentence, Span, Speaker, Topic

    text = "Пут\u200bин заявил, что всё хорошо."
    doc = Document(text=text, sections=[Section(None, 0, len(text), 0)], paragraphs=[Paragraph(0, len(text), 0)],
                   sentences=[Sentence(0, len(text), 0)],
                   speakers=[Speaker(id="s1", name="Пут\u200bин", mentions=[Span(0, 7)])],
                   topics=[Topic("Пут\u200bин", "speaker", [Span(0, 7)])])
    app = ReaderApp(doc)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = app.export_screenshot()
    assert screen.count("\u2423") >= 2, "the sidebar's speaker and the topic"
    # (the article itself keeps the character: its text is drawn as it is, inert)
