"""less's navigation: counts, percent and line jumps, ctrl keys, =, the position, :n/:p,
the speaker-only filter."""
from __future__ import annotations

import pytest

pytest.importorskip("textual")

from tests.sample import sample_document
from tests.test_app import WIDE, long_document
from tests.test_key_bursts import burst
from tui_reader.app.less_keys import line_of, offset_of_line
from tui_reader.app.reader_app import ReaderApp


def test_text_lines_and_offsets_agree() -> None:
    text = "раз\nдва\n\nтри"
    assert [line_of(text, offset_of_line(text, n)) for n in (1, 2, 3, 4)] == [1, 2, 3, 4]
    assert offset_of_line(text, 99) == text.rindex("\n") + 1


@pytest.mark.parametrize("send", ["driver", "press"])
async def test_a_count_repeats_j(send: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        if send == "driver":
            burst(app, "5j")
        else:
            await pilot.press("5", "j")
        await pilot.pause()
        assert app.article.scroll_y == 5
        await pilot.press("j")  # the count is used up
        assert app.article.scroll_y == 6


async def test_count_g_goes_to_a_line_of_the_text() -> None:
    doc = long_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        burst(app, "27G")
        await pilot.pause()
        assert line_of(doc.text, app.article.top_offset()) == 27
        burst(app, "1g")
        await pilot.pause()
        assert app.article.scroll_y == 0


@pytest.mark.parametrize("keys", ["50%", "50p"])
async def test_percent_jumps_that_far(keys: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        burst(app, [*keys[:-1], "percent_sign" if keys.endswith("%") else "p"])
        await pilot.pause()
        half = app.article.max_scroll_y / 2
        assert abs(app.article.scroll_y - half) <= 1


@pytest.mark.parametrize("key,sign", [("ctrl+f", 1), ("ctrl+d", 1), ("ctrl+e", 1)])
async def test_less_control_keys_move_the_text(key: str, sign: int) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        assert app.article.scroll_y > 0
        back = {"ctrl+f": "ctrl+b", "ctrl+d": "ctrl+u", "ctrl+e": "ctrl+y"}[key]
        await pilot.press(back)
        assert app.article.scroll_y == 0


@pytest.mark.parametrize("key", ["h", "f1", "р"])
async def test_h_and_f1_open_the_help(key: str) -> None:
    from tui_reader.app.screens.help_screen import HelpScreen

    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_position_in_the_title_bar_and_equals() -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        assert app.position_text().endswith("%")
        await pilot.press("G")
        await pilot.pause()
        assert app.position_text() == "END"
        assert "END" in app.query_one("#title").render().plain
        await pilot.press("equals_sign")
        await pilot.pause()
        [info] = [n.message for n in app._notifications if "line" in n.message]
        assert "long.txt" in info and "END" in info and "Раздел 6" in info


async def test_colon_n_and_p_switch_between_files() -> None:
    app = ReaderApp(sample_document(), files=["a.txt", "b.txt"], file_index=0)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("colon", "p")  # no previous file: says so, stays
        await pilot.pause()
        assert app.switch_to is None and app.is_running
        burst(app, ":n")
        await pilot.pause()
    assert app.switch_to == 1


async def test_ctrl_o_shows_only_the_chosen_speakers_paragraphs() -> None:
    from tests.test_app import rendered_text

    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()  # the sidebar's lists are mounted just after the first frame
        app.query_one("#speakers").post_message(
            app.query_one("#speakers").SpeakerChosen("smirnov"))
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        text = rendered_text(app)
        assert "Смирнов" in text and "Соколовой" not in text
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Соколовой" in rendered_text(app)


async def test_a_long_statement_shows_where_it_starts_and_ends() -> None:
    app = ReaderApp(sample_document(), )
    async with app.run_test(size=(60, 30)) as pilot:
        app.choose_speaker("petrov")
        await pilot.pause()
        gutter = [app.article.render_line(y).text[:app.article.margin + 2].strip()
                  for y in range(app.article.size.height)]
        assert "┏" in gutter or "┃" in gutter


async def test_the_palette_holds_the_readers_commands(tmp_path) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Help", "Speakers", "Figures", "Topics", "Export digest", "Toggle sidebar", "Theme"):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"figures")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        from tui_reader.app.views.numbers_view import NumbersView
        assert isinstance(app.screen, NumbersView)


async def test_export_digest_from_the_palette_writes_the_file(tmp_path) -> None:
    doc = sample_document()
    doc.source.path = str(tmp_path / "port.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        app.action_export_digest()
        await pilot.pause()
    digest = (tmp_path / "port.digest.md").read_text(encoding="utf-8")
    assert digest.startswith("# ") and "Петров" in digest
