"""The smaller defects of issue 13, each as a user met it."""
from __future__ import annotations

import pytest

pytest.importorskip("textual")

from tests.sample import sample_document
from tests.test_app import WIDE, rendered_text
from tests.test_key_bursts import burst
from tui_reader.app.reader_app import ReaderApp
from tui_reader.model import Document, Paragraph, Section, Source


async def settle(pilot, times: int = 20) -> None:
    for _ in range(times):
        await pilot.pause(0.02)


async def test_standard_input_is_named_in_the_title_bar() -> None:
    doc = sample_document()
    doc.source = Source(path="-")
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE):
        assert app.sub_title.startswith("standard input")
        assert app.sub_title.strip() != "-"


async def test_an_empty_speakers_view_does_not_offer_enter() -> None:
    app = ReaderApp(Document(text="Просто текст без цитат.", paragraphs=[Paragraph(0, 23, 0)],
                             sections=[Section(None, 0, 23, 0)]))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        hint = str(app.screen.query_one("#hint").render())
        assert "Enter" not in hint and "Esc" in hint


async def test_escape_closes_the_palettes_keys_panel() -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        app.action_show_help_panel()
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_n_after_escape_repeats_the_search() -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        burst(app, ["/", *"петров", "escape"])
        await settle(pilot)
        pane = app.query_one("#search")
        assert not pane.display and app.focused is app.article
        await pilot.press("n")
        await settle(pilot)
        assert pane.display and pane.hits and pane.current is not None
        assert app.state.speaker is None
        assert app.state.statement is None  # no statement stepping happened


async def test_only_hits_keeps_a_heading_with_a_hit() -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        burst(app, ["/", *"сроки"])
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.state.filtering_hits
        assert "Планы и сроки" in rendered_text(app)


async def test_wrapping_round_the_end_of_the_hits_is_said() -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        burst(app, ["/", *"петров", "enter"])
        await settle(pilot)
        pane = app.query_one("#search")
        total = len(pane.hits)
        assert total > 1
        for _ in range(total):
            pane.next_hit()
        await settle(pilot, 5)
        assert any("continued from the top" in n.message for n in app._notifications)


def only_hits_shown(app) -> tuple[bool, bool]:
    """What the search pane's chip says of "only hits", and whether the text is filtered
    (the mayor's paragraph holds no hit of "Петров": it shows only without the filter)."""
    chip = app.query_one("#search-filter")
    return chip.has_class("-on"), "Мэр города" not in rendered_text(app)


async def test_a_jump_out_of_the_filtered_paragraphs_leaves_chip_and_text_agreeing() -> None:
    """The filter had two owners: a jump to a paragraph without hits (what Enter in the
    speakers or figures view does) showed the whole text while the chip still said
    "✓ only hits", and ctrl+o then turned the chip off and changed nothing."""
    from tui_reader.app.messages import JumpTo

    doc = sample_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        burst(app, ["/", *"петров", "enter"])
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert only_hits_shown(app) == (True, True)
        mayor = doc.text.index("Мэр города")
        app.post_message(JumpTo(mayor, mayor + 3))
        await settle(pilot)
        assert only_hits_shown(app) == (False, False)  # shown in the whole text, and the chip says so
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert only_hits_shown(app) == (True, True)  # ctrl+o filters again, at once


async def test_a_jump_out_of_the_filter_lands_on_its_target() -> None:
    """With only two paragraphs shown the text fitted the screen, Textual hid the
    scrollbar, and the jump right after the filter turned off did not scroll at all."""
    from tests.test_app import long_document
    from tui_reader.app.messages import JumpTo, OnlyHits, SearchHighlights

    doc = long_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        app.post_message(OnlyHits(True))
        app.post_message(SearchHighlights([(p.start, p.start + 5) for p in doc.paragraphs[5:41:35]], 0))
        await settle(pilot)
        target = doc.paragraphs[-10].start
        app.post_message(JumpTo(target, target + 5))
        await settle(pilot)
        article = app.article
        assert not app.state.filtering_hits
        assert article.scroll_y <= article.lines.line_for_offset(target) < article.scroll_y + article.size.height
