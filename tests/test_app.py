"""Pilot tests of the reader app: every key (Latin and Russian layout), the panes, mouse, swap, safety."""
from __future__ import annotations

import pytest

pytest.importorskip("textual")

from tests.sample import sample_document, structure_only
from tui_reader.app.messages import JumpTo, OnlyHits, SearchHighlights
from tui_reader.app.reader_app import DetailsBar, ReaderApp
from tui_reader.app.widgets.sidebar import SectionsTree, Sidebar, SpeakersList
from tui_reader.model import Document, Paragraph, Section, Source

WIDE = (120, 36)
NARROW = (80, 24)


def long_document(sections: int = 6, paragraphs_per_section: int = 12) -> Document:
    """Many sections of many paragraphs, so that every scrolling key has room to move."""
    parts: list[str] = []
    section_list: list[Section] = []
    paragraph_list: list[Paragraph] = []
    pos = 0
    for s in range(sections):
        start = pos
        title = f"Раздел {s + 1}"
        for text in [title] + [f"Абзац {s + 1}.{p + 1}: " + "слово " * 40 for p in range(paragraphs_per_section)]:
            paragraph_list.append(Paragraph(pos, pos + len(text.rstrip()), s))
            parts.append(text.rstrip())
            pos += len(text.rstrip()) + 2
        section_list.append(Section(title=title, start=start, end=pos, level=1))
    text = "\n\n".join(parts)
    section_list[-1].end = len(text)
    return Document(text=text, source=Source(path="long.txt"), title=None, sections=section_list,
                    paragraphs=paragraph_list)


def rendered_text(app: ReaderApp) -> str:
    article = app.article
    return "\n".join(article.render_line(y).text for y in range(article.size.height))


# --- scrolling keys, both layouts --------------------------------------------------------

@pytest.mark.parametrize("key", ["j", "о", "down"])
async def test_line_down(key: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        assert app.article.scroll_y == 1


@pytest.mark.parametrize("key", ["k", "л", "up"])
async def test_line_up(key: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        app.article.scroll_to(y=10, animate=False, immediate=True)
        await pilot.press(key)
        assert app.article.scroll_y == 9


@pytest.mark.parametrize("down,up", [("space", "b"), ("space", "и"), ("pagedown", "pageup")])
async def test_page_keys(down: str, up: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(down)
        page = app.article.scroll_y
        assert page >= app.article.scrollable_content_region.height - 2
        await pilot.press(up)
        assert app.article.scroll_y == 0


@pytest.mark.parametrize("down,up", [("d", "u"), ("в", "г")])
async def test_half_page_keys(down: str, up: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(down)
        half = app.article.scroll_y
        assert 0 < half < app.article.scrollable_content_region.height
        await pilot.press(up)
        assert app.article.scroll_y == 0


@pytest.mark.parametrize("end,home", [("G", "g"), ("П", "п"), ("end", "home")])
async def test_end_and_start(end: str, home: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(end)
        article = app.article
        assert article.scroll_y == article.max_scroll_y > 0
        assert article.current_section == len(app.doc.sections) - 1
        await pilot.press(home)
        assert article.scroll_y == 0
        assert article.current_section == 0


@pytest.mark.parametrize("prev,nxt", [("left_square_bracket", "right_square_bracket"), ("х", "ъ")])
async def test_section_keys(prev: str, nxt: str) -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        article = app.article
        await pilot.press(nxt)
        assert article.current_section == 1
        await pilot.press(nxt)
        assert article.current_section == 2
        assert "Раздел 3" in rendered_text(app).splitlines()[1]
        await pilot.press(prev)
        assert article.current_section == 1


async def test_sections_tree_follows_scroll_and_enter_jumps() -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()  # the sidebar's lists are mounted just after the first frame
        tree = app.query_one(SectionsTree)
        await pilot.press("G")
        await pilot.pause()
        assert tree.cursor_node is not None and tree.cursor_node.data == len(app.doc.sections) - 1
        await pilot.press("tab")
        assert app.focused is tree
        tree.move_cursor(tree.nodes_by_section[2], animate=False)
        await pilot.press("enter")
        assert app.article.current_section == 2
        await pilot.press("tab")
        assert app.focused is app.article


async def test_the_sidebars_lists_come_a_frame_late_and_keep_what_they_were_asked() -> None:
    """The lists are mounted after the first frame (the text comes first); a key pressed
    or a section reached before then takes effect once they are."""
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        sidebar = app.sidebar
        assert not sidebar.sections.is_mounted  # what this test is about
        app.action_switch_focus()  # tab, before the tree is there
        app.article.scroll_to_section(3)  # the tree is told to follow: it will, once there
        await pilot.pause()
        assert sidebar.sections.is_mounted and sidebar.speakers.is_mounted
        assert app.focused is sidebar.sections
        assert sidebar.sections.cursor_node is not None and sidebar.sections.cursor_node.data == 3


async def test_click_in_sections_tree_jumps() -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()  # the sidebar's lists are mounted just after the first frame
        tree = app.query_one(SectionsTree)
        line = tree.nodes_by_section[3].line
        await pilot.click(SectionsTree, offset=(4, line))
        await pilot.click(SectionsTree, offset=(4, line))  # first click moves the cursor, second selects
        await pilot.pause()
        assert app.article.current_section == 3


async def test_mouse_scroll() -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=WIDE) as pilot:
        from textual import events

        article = app.article
        for _ in range(3):
            article.post_message(events.MouseScrollDown(article, 20, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert app.article.scroll_y > 0


# --- speakers, statements, details -------------------------------------------------------

@pytest.mark.parametrize("speakers_key,next_key,prev_key", [("s", "n", "N"), ("ы", "т", "Т")])
async def test_speakers_select_and_step(speakers_key: str, next_key: str, prev_key: str) -> None:
    doc = sample_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(speakers_key)
        speakers = app.query_one(SpeakersList)
        assert app.focused is speakers
        assert speakers.highlighted == 0  # the speaker with most statements first
        await pilot.press("enter")
        chosen = speakers.chosen
        assert chosen == "petrov"
        assert app.state.speaker == "petrov"
        petrov = [s for s in doc.statements if s.speaker == "petrov"]
        await pilot.press("tab")  # leave the list so n/N reach the app
        await pilot.press(next_key)
        details = app.query_one(DetailsBar)
        assert details.has_class("-shown")
        assert "Иван Петров" in str(details.render())
        first = app.state.statement
        await pilot.press(next_key)
        assert app.state.statement == (first + 1) % len(petrov)
        await pilot.press(prev_key)
        assert app.state.statement == first
        await pilot.press("escape")
        assert app.state.speaker is None and speakers.chosen is None
        assert not details.has_class("-shown")


async def test_statement_gutter_and_marked_speaker() -> None:
    doc = sample_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        lines = rendered_text(app).splitlines()
        petrov_line = next(line for line in lines if "Иван Петров" in line)
        assert "▎" in petrov_line  # a statement's gutter mark
        app.choose_speaker("petrov")
        await pilot.pause()
        lines = rendered_text(app).splitlines()
        # the chosen speaker's statement: ┏ where it starts (┃ between, ┗ where it ends)
        assert "┏" in next(line for line in lines if "Иван Петров" in line)
        assert not set("┏┃┗") & set(next(line for line in lines if "Олег Смирнов" in line))


async def test_click_on_number_shows_details_and_hover_sets_tooltip() -> None:
    doc = sample_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        article = app.article
        number = next(n for n in doc.numbers if n.kind == "money")
        line = article.lines.line_for_offset(number.start)
        x = article.margin + 2 + (number.start - article.lines.los[line]) + 1
        await pilot.hover("#article", offset=(x, line))
        await pilot.pause()
        assert article.hover.number is number
        assert "money" in str(article.tooltip)
        await pilot.click("#article", offset=(x, line))
        await pilot.pause()
        details = app.query_one(DetailsBar)
        assert details.has_class("-shown")
        shown = str(details.render())
        assert "money" in shown and "RUB" in shown and "Statement" in shown  # the number sits in a statement


# --- panes and messages --------------------------------------------------------------------

@pytest.mark.parametrize("key", ["question_mark", "comma"])
async def test_help_screen_with_legend(key: str) -> None:
    from tui_reader.app.screens.help_screen import HelpScreen

    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        texts = [str(label) for label, _ in app.screen.legend]
        assert any("«" in t for t in texts)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("key", ["q", "й"])
async def test_quit(key: str) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        assert app.return_code is None  # set only by App.exit
        await pilot.press(key)
        await pilot.pause()
        assert app.return_code == 0  # the key asked the app to exit


@pytest.mark.parametrize("key", ["slash", "full_stop"])
async def test_search_key_opens_search_pane(key: str) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        assert app.search_pane() is None  # mounted when first opened, not at start-up
        await pilot.press(key)
        pane = app.search_pane()
        assert pane is not None
        assert pane.display
        assert app.focused is not None and pane in app.focused.ancestors_with_self


@pytest.mark.parametrize("key", ["t", "е"])
async def test_topics_key_opens_topic_pane(key: str) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        assert app.tools.topics is None  # mounted when first opened, not at start-up
        await pilot.press(key)
        pane = app.tools.topics
        assert pane is not None
        assert pane.display
        assert app.focused is not None and pane in app.focused.ancestors_with_self
        await pilot.press("escape")
        assert not pane.display
        assert app.focused is app.article


async def test_jump_to_message_scrolls_and_marks_target() -> None:
    doc = long_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        target = doc.paragraphs[-3].start
        app.post_message(JumpTo(target, target + 5))
        await pilot.pause()
        article = app.article
        line = article.lines.line_for_offset(target)
        assert article.scroll_y <= line < article.scroll_y + article.size.height
        assert article.target == (target, target + 5)


async def test_search_highlights_and_filter() -> None:
    doc = long_document()
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        hits = [(p.start, p.start + 5) for p in (doc.paragraphs[5], doc.paragraphs[40])]
        full = len(app.article.lines)
        app.post_message(SearchHighlights(hits, 0))
        await pilot.pause()
        assert app.state.hits == hits and app.article.state is app.state
        assert len(app.article.lines) == full
        app.post_message(OnlyHits(True))
        app.post_message(SearchHighlights(hits, 1))
        await pilot.pause()
        text = rendered_text(app)
        first, second, skipped = (doc.text[p.start:p.start + 11] for p in
                                  (doc.paragraphs[5], doc.paragraphs[40], doc.paragraphs[6]))
        assert first in text and second in text and skipped not in text
        app.post_message(SearchHighlights([], None))
        await pilot.pause()
        assert len(app.article.lines) == full


# --- layout: narrow terminals and the sidebar toggle -------------------------------------

@pytest.mark.parametrize("key", ["backslash"])
async def test_sidebar_toggles(key: str) -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        sidebar = app.query_one(Sidebar)
        assert sidebar.display
        await pilot.press(key)
        assert not sidebar.display
        await pilot.press(key)
        assert sidebar.display


async def test_sidebar_collapses_when_narrow_and_can_be_shown() -> None:
    app = ReaderApp(sample_document())
    async with app.run_test(size=NARROW) as pilot:
        sidebar = app.query_one(Sidebar)
        assert not sidebar.display
        assert app.article.lines.measure <= NARROW[0]
        await pilot.press("backslash")
        assert sidebar.display
        await pilot.press("backslash")
        assert not sidebar.display
        await pilot.resize_terminal(*WIDE)
        await pilot.press("s")  # asking for the speakers shows the sidebar
        assert sidebar.display


async def test_measure_is_centred_on_wide_terminals() -> None:
    app = ReaderApp(long_document())
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        article = app.article
        assert 70 <= article.lines.measure <= 100
        assert article.margin > 10
        assert max(len(article.lines.line_text(i)) for i in range(len(article.lines))) <= article.lines.measure


async def _analysis_done(app: ReaderApp, pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.05)
        if app.analysis_thread is not None and not app.analysis_thread.is_alive():
            break
    await pilot.pause()
    await pilot.pause()


# --- the background analysis ---------------------------------------------------------------

async def test_full_model_arrives_without_moving_the_place() -> None:
    full = sample_document()
    long = long_document()
    # the long text with the sample's highlights would be a different text: use the long doc for both
    app = ReaderApp(long)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("ъ", "ъ", "j", "j", "j")
        before_y, before_offset = app.article.scroll_y, app.article.top_offset()
        enriched = long_document()
        enriched.numbers = [type(full.numbers[0])(p.start, p.start + 5, "count", 1.0, None) for p in enriched.paragraphs]
        app.swap_document(enriched)
        await pilot.pause()
        assert app.article.scroll_y == before_y
        assert app.article.top_offset() == before_offset
        assert len(app.article.highlights.numbers) == len(enriched.paragraphs)


async def test_background_worker_swaps_in_the_full_model(monkeypatch) -> None:
    import threading

    from tui_reader import pipeline

    full = sample_document()
    release = threading.Event()

    def fake_finish(opened, progress=None):
        progress("speakers", 0.5)
        release.wait(5)
        return full

    monkeypatch.setattr(pipeline, "finish_analysis", fake_finish)
    app = ReaderApp(structure_only(full), opened=object(), complete=False, analysis_mode="thread")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.query("#analysis")  # the progress indicator is visible
        label = str(app.query_one("#speakers-label").render())
        assert "analysing" in label and "50%" in label and "none found" not in label
        assert "Петров" in rendered_text(app)  # the text is there before the analysis
        await pilot.press("j")
        y = app.article.scroll_y
        release.set()
        await _analysis_done(app, pilot)
        assert app.complete and app.doc is full
        assert not app.query("#analysis")
        assert app.article.scroll_y == y
        assert len(app.query_one(SpeakersList).options) == len(full.speakers)


async def test_analysis_failure_keeps_the_text(monkeypatch) -> None:
    from tui_reader import pipeline

    def broken(opened, progress=None):
        raise RuntimeError("model exploded")

    monkeypatch.setattr(pipeline, "finish_analysis", broken)
    doc = structure_only(sample_document())
    app = ReaderApp(doc, opened=object(), complete=False, analysis_mode="thread")
    async with app.run_test(size=WIDE) as pilot:
        await _analysis_done(app, pilot)
        assert app.is_running and app.doc is doc
        assert not app.query("#analysis")
        assert "failed" in str(app.query_one("#speakers-label").render())


# --- safety: text is data ---------------------------------------------------------------------

async def test_markup_and_escape_sequences_are_inert() -> None:
    text = "[bold red]не разметка[/] и [link=http://x]ссылка[/link]\n\nESC\x1b[2J и OSC \x1b]0;title\x07 конец\x9b"
    doc = Document(text=text, title="[b]Заголовок[/b]\x1b[31m",
                   paragraphs=[Paragraph(0, text.index("\n"), 0), Paragraph(text.index("ESC"), len(text), 0)],
                   sections=[Section(None, 0, len(text), 0)])
    app = ReaderApp(doc)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        shown = rendered_text(app)
        assert "[bold red]не разметка[/]" in shown
        assert "[link=http://x]ссылка[/link]" in shown
        assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
        assert "␛[2J" in shown
        assert "\x1b" not in app.title and "[b]Заголовок[/b]" in app.title


async def test_empty_document_says_so() -> None:
    app = ReaderApp(Document(text=""))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G", "j", "ъ", "n", "s")
        assert "empty" in rendered_text(app)


def test_run_app_unreadable_file_exits_2(tmp_path, capsys) -> None:
    from tui_reader.app import run_app

    assert run_app(str(tmp_path / "missing.txt")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err


def test_every_binding_has_an_id_and_a_russian_twin() -> None:
    # the physical key's letter on the ЙЦУКЕН layout (Textual key names)
    LATIN_TO_RU = {"j": "о", "k": "л", "b": "и", "d": "в", "u": "г", "g": "п", "G": "П", "n": "т", "N": "Т",
                   "q": "й", "s": "ы", "t": "е", "left_square_bracket": "х", "right_square_bracket": "ъ",
                   "slash": "full_stop", "question_mark": "comma"}
    for binding in ReaderApp.BINDINGS:
        assert binding.id, binding
        keys = binding.key.split(",")
        for key in keys:
            if key in LATIN_TO_RU:
                assert LATIN_TO_RU[key] in keys, (binding.key, LATIN_TO_RU[key])


@pytest.mark.parametrize("mark_key,jump_key", [("m", "apostrophe"), ("ь", "э")])
async def test_marks_and_jump_back(mark_key: str, jump_key: str) -> None:
    app = ReaderApp(long_document())
    if app.marks is None:
        pytest.skip("marks not built yet")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ъ", "ъ")
        place = app.article.top_offset()
        await pilot.press(mark_key, "a")
        await pilot.press("G")
        assert app.article.top_offset() != place
        await pilot.press(jump_key, "a")
        await pilot.pause()
        assert app.article.top_offset() == place
        await pilot.press(jump_key, jump_key)  # '' goes back to where the last jump started
        await pilot.pause()
        assert app.article.scroll_y == app.article.max_scroll_y


async def test_analysis_in_a_child_process_swaps_in_the_model(tmp_path) -> None:
    from tui_reader.pipeline import open_for_reading

    path = tmp_path / "article.txt"
    path.write_text("Заголовок\n\nКак заявил министр Иван Петров, рост составит 3%.\n", encoding="utf-8")
    opened = open_for_reading(str(path), use_cache=False)
    app = ReaderApp(opened.doc, opened=opened, complete=opened.complete, analysis_mode="process")
    async with app.run_test(size=WIDE) as pilot:
        for _ in range(600):  # the child imports the NLP stack: allow for a slow, shared machine
            await pilot.pause(0.05)
            if app.complete:
                break
        await pilot.pause()
        await pilot.pause()  # the progress bar's removal lands a frame later
        assert app.complete
        assert app.analysis.mode == "process", app.analysis.fallback_reason
        app.analysis.process.join(10)
        assert app.analysis.process.exitcode == 0
        assert app.doc.analysis.level != "structure"
        assert not app.query("#analysis")


async def test_the_novel_renders_only_what_is_visible_and_jumps_to_the_end_at_once() -> None:
    import time
    from pathlib import Path

    from tui_reader.pipeline import open_for_reading

    novel = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "large" / "war_and_peace-cp1251.txt"
    if not novel.is_file():
        pytest.skip("../shared/corpus/large is not here")
    opened = open_for_reading(str(novel), use_cache=False)
    app = ReaderApp(opened.doc)  # structure only: what the reader sees first
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        article = app.article
        assert len(article.lines) > 50_000
        assert len(article._cache) <= article.size.height + 5  # only the visible lines were drawn
        started = time.perf_counter()
        await pilot.press("G")
        await pilot.pause()
        assert time.perf_counter() - started < 1.0
        assert article.scroll_y == article.max_scroll_y
        tail = opened.doc.text.rstrip()[-20:].split()[-1]
        assert tail in rendered_text(app)


@pytest.mark.parametrize("key,module,screen_name", [
    ("S", "speakers_view", "SpeakersView"), ("Ы", "speakers_view", "SpeakersView"),
    ("number_sign", "numbers_view", "NumbersView"), ("numero_sign", "numbers_view", "NumbersView"),
])
async def test_full_screen_views_open_and_jump(key: str, module: str, screen_name: str) -> None:
    import importlib

    try:
        view_class = getattr(importlib.import_module(f"tui_reader.app.{module}"), screen_name)
    except ImportError:
        pytest.skip(f"{module} not built yet")
    app = ReaderApp(sample_document())
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, view_class)
        app.screen.dismiss(JumpTo(app.doc.paragraphs[-1].start, app.doc.paragraphs[-1].end))
        await pilot.pause()
        assert not isinstance(app.screen, view_class)
        assert app.article.target == (app.doc.paragraphs[-1].start, app.doc.paragraphs[-1].end)


async def test_new_search_hits_look_as_if_drawn_afresh() -> None:
    """A new set of hits redraws only the lines that had or have one: the lines they
    leave must lose their marks, the lines they reach gain them, exactly as a reader
    started with the new hits draws them."""
    from tui_reader.app.widgets.article_view import GUTTER

    doc = long_document()
    old = [(p.start, p.start + 4) for p in doc.paragraphs[:3]]
    new = [(p.start + 6, p.start + 10) for p in doc.paragraphs[1:4]]

    def style_at(app: ReaderApp, offset: int) -> object:
        article, lines = app.article, app.article.lines
        line = lines.line_for_offset(offset)
        x = article.margin + GUTTER + offset - lines.los[line]
        region = article.content_region
        return app.screen.get_style_at(region.x + x, region.y + line - int(article.scroll_y))

    changed, fresh = ReaderApp(doc), ReaderApp(doc)
    async with changed.run_test(size=WIDE) as pilot:
        changed.post_message(SearchHighlights(old, 0))
        await pilot.pause()
        changed.post_message(SearchHighlights(new, 1))
        await pilot.pause()
        seen = [style_at(changed, s) for s, _ in old + new]
    async with fresh.run_test(size=WIDE) as pilot:
        fresh.post_message(SearchHighlights(new, 1))
        await pilot.pause()
        expected = [style_at(fresh, s) for s, _ in old + new]
        plain = style_at(fresh, doc.paragraphs[0].start + 2)  # a hit of the old set, no more
    assert seen == expected
    assert expected[0] == plain and expected[-1] != plain  # the marks are there to be seen


def test_the_reader_runs_with_the_collector_on_and_what_it_loaded_frozen() -> None:
    """``cli.read`` turns the garbage collector off while the reader starts; the app
    must run with it on again, and what was loaded by then (modules, the model) frozen."""
    import gc

    from tui_reader.app import run_frozen

    class Probe:
        def run(self) -> tuple[bool, int]:
            return gc.isenabled(), gc.get_freeze_count()

    gc.disable()
    try:
        enabled, frozen = run_frozen(Probe())  # type: ignore[arg-type]
    finally:
        gc.enable()
        gc.unfreeze()
    assert enabled and frozen > 0
