"""SVG snapshots of the main view (pytest-textual-snapshot): wide and narrow, dark and light.

The hand-made sample document keeps them stable while the analysers change.
Regenerate after a deliberate change with ``pytest tests/test_snapshots.py --snapshot-update``.
"""
from __future__ import annotations

import pytest

pytest.importorskip("pytest_textual_snapshot")

from tests.sample import sample_document
from tui_reader.app.reader_app import ReaderApp


def _app(theme: str) -> ReaderApp:
    app = ReaderApp(sample_document())
    app.theme = theme
    return app


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_main_view(snap_compare, theme: str, size: tuple[int, int]) -> None:
    assert snap_compare(_app(theme), terminal_size=size)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_marked_speaker_with_details(snap_compare, theme: str) -> None:
    # choose the first speaker, step to a statement: the marks, the gutter and the details bar
    assert snap_compare(_app(theme), press=["s", "enter", "tab", "n"], terminal_size=(120, 36))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_main_view_in_both_languages_with_the_position(snap_compare, lang: str) -> None:
    from tui_reader.i18n import set_language

    set_language(lang)
    # 3j: the position in the title bar moves off the top
    assert snap_compare(_app("textual-dark"), press=["3", "j"], terminal_size=(100, 30))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_help_in_both_languages(snap_compare, lang: str) -> None:
    from tui_reader.i18n import set_language

    set_language(lang)
    assert snap_compare(_app("textual-dark"), press=["question_mark"], terminal_size=(100, 36))


def test_palette_holds_the_readers_commands(snap_compare) -> None:
    assert snap_compare(_app("textual-dark"), press=["ctrl+p"], terminal_size=(100, 30))
