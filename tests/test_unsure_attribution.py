"""An attribution the analysis is unsure of is shown as such (issue 10): a dashed, dim bar in
the margin and a '?' after the speaker's name in the details bar."""
from __future__ import annotations

import pytest

pytest.importorskip("textual")

from tests.sample import sample_document
from tui_reader.app.reader_app import ReaderApp
from tui_reader.app.widgets.details import describe_statement
from tui_reader.model import UNSURE_BELOW


def unsure_copy():
    doc = sample_document()
    st = next(s for s in doc.statements if s.speaker == "petrov")
    st.confidence = UNSURE_BELOW - 0.1
    return doc, st


def test_details_put_a_question_mark_after_a_guessed_speaker():
    doc, st = unsure_copy()
    assert "Иван Петров?" in describe_statement(doc, st).plain
    st.confidence = 0.95
    assert "Иван Петров?" not in describe_statement(doc, st).plain
    assert "confidence: 0.95" in describe_statement(doc, st).plain


async def test_the_margin_mark_of_a_guessed_statement_is_dashed():
    doc, st = unsure_copy()
    app = ReaderApp(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        lines = [app.article.render_line(y).text for y in range(app.article.size.height)]
        first_words = doc.text[st.start:st.end].split()[0]
        line = next(x for x in lines if first_words in x)
        assert "╎" in line and "▎" not in line
