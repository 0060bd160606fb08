"""Pilot tests of the search pane, on a small hand-made document.

A tiny app mounts the pane and records the messages it posts (JumpTo,
SearchHighlights, OnlyHits), which is all the pane may say to the reader; like the
reader, it answers OnlyHits by setting the pane's ``only_hits``.
"""
from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui_reader.app.messages import JumpTo, OnlyHits, SearchHighlights
from tui_reader.app.widgets.search_pane import SearchPane, _engine
from tui_reader.app.widgets.search_results import _completer
from tui_reader.model import Document, Paragraph, Section, Sentence


def make_doc(sections: list[tuple[str | None, list[list[str]]]]) -> Document:
    """A document from sections of paragraphs of sentences, offsets computed."""
    text = ""
    doc = Document(text="")
    for title, paragraphs in sections:
        sec_start = len(text)
        if title:
            text += title + "\n\n"
        for para in paragraphs:
            p_start = len(text)
            for k, sentence in enumerate(para):
                if k:
                    text += " "
                doc.sentences.append(Sentence(len(text), len(text) + len(sentence), len(doc.paragraphs)))
                text += sentence
            doc.paragraphs.append(Paragraph(p_start, len(text), len(doc.sections)))
            text += "\n\n"
        doc.sections.append(Section(title, sec_start, len(text), 1 if title else 0))
    doc.text = text
    return doc


DOC = make_doc([
    (None, [["Пресс-секретарь Дмитрий Песков заявил, что безопасность важна."]]),
    ("Переговоры", [["Пескова спросили о безопасности границ.", "Ответа не было."],
                    ["Вопрос безопасностью не исчерпан."]]),
    ("Экономика", [["Экономика растёт третий год подряд."]]),
])
WORD_FORMS = ["безопасность", "безопасности", "безопасностью"]


def needs_engine():
    if _engine() is None:
        pytest.skip("tui_reader.search.query.search is not written yet")


class PaneApp(App[None]):
    def __init__(self, doc: Document | None = DOC) -> None:
        super().__init__()
        self.doc = doc
        self.jumps: list[JumpTo] = []
        self.highlights: list[SearchHighlights] = []
        self.filters: list[bool] = []
        self.closed = 0

    def compose(self) -> ComposeResult:
        yield SearchPane(self.doc)

    def on_mount(self) -> None:
        self.query_one(SearchPane).open()

    def on_jump_to(self, message: JumpTo) -> None:
        self.jumps.append(message)

    def on_search_highlights(self, message: SearchHighlights) -> None:
        self.highlights.append(message)

    def on_only_hits(self, message: OnlyHits) -> None:
        self.filters.append(message.on)
        self.query_one(SearchPane).only_hits = message.on

    def on_search_pane_closed(self, _: SearchPane.Closed) -> None:
        self.closed += 1


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


def spans_of(word_forms: list[str], text: str) -> list[tuple[int, int]]:
    out = []
    for form in word_forms:
        at = text.find(form)
        while at != -1:
            # whole words only: "безопасность" is not inside "безопасностью" here
            if not text[at + len(form):at + len(form) + 1].isalpha():
                out.append((at, at + len(form)))
            at = text.find(form, at + 1)
    return sorted(out)


async def test_typing_updates_count_and_highlights():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "безопасность")
        assert pane.count_text == "1/3"
        last = app.highlights[-1]
        assert last.spans == spans_of(WORD_FORMS, DOC.text)
        assert last.current == 0 and app.filters == []
        assert pane.results.hit_count == 3


async def test_nothing_found_says_so():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "дирижабль")
        assert pane.count_text.startswith("0/0")
        assert "nothing" in pane.count_text
        assert app.highlights[-1].spans == []


async def test_newest_query_wins():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await pilot.press(*"Песков")  # no pause between keys: earlier searches are superseded
        await pilot.press("backspace", *"ва")
        await settle(pilot)
        assert pane.input.value == "Пескова"
        assert [(h.start, h.end) for h in pane.hits] == app.highlights[-1].spans
        assert {DOC.text[s:e] for s, e in app.highlights[-1].spans} == {"Песков", "Пескова"}


async def test_enter_jumps_to_current_hit():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        await type_query(pilot, "безопасность")
        await pilot.press("down")  # second hit becomes current, no jump yet
        await pilot.pause()
        assert app.jumps == []
        await pilot.press("enter")
        await pilot.pause()
        expected = spans_of(WORD_FORMS, DOC.text)[1]
        assert (app.jumps[-1].offset, app.jumps[-1].end) == expected
        assert app.jumps[-1].record is True
        assert app.highlights[-1].current == 1


async def test_next_and_previous_wrap():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "безопасность")
        starts = [s for s, _ in spans_of(WORD_FORMS, DOC.text)]
        pane.previous_hit()  # from the first hit back to the last
        await pilot.pause()
        assert app.jumps[-1].offset == starts[2]
        assert pane.count_text == "3/3"
        pane.next_hit()  # and forward again past the end to the first
        await pilot.pause()
        assert app.jumps[-1].offset == starts[0]
        pane.next_hit()
        await pilot.pause()
        assert app.jumps[-1].offset == starts[1]
        assert pane.count_text == "2/3"
        # n/N also work while the results list has focus (in the input they are letters)
        pane.results.focus()
        await pilot.press("n")
        await pilot.press("N", "N")
        await pilot.pause()
        assert [j.offset for j in app.jumps[-3:]] == [starts[2], starts[1], starts[0]]


async def test_click_on_a_result_jumps():
    needs_engine()
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "безопасность")
        assert app.jumps == []
        await pilot.click(pane.results, offset=(5, 7))  # three lines per hit: row 7 is the third's
        await pilot.pause()
        assert app.jumps[-1].offset == spans_of(WORD_FORMS, DOC.text)[2][0]
        assert pane.count_text == "3/3"


async def test_escape_closes_and_clears():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "безопасность")
        assert pane.active
        await pilot.press("escape")
        await pilot.pause()
        assert app.highlights[-1].spans == []
        assert not pane.display and not pane.active
        assert app.closed == 1
        posted = len(app.highlights)
        pane.doc = make_doc([(None, [["Безопасность прежде всего."]])])  # a closed pane keeps quiet
        await settle(pilot)
        assert len(app.highlights) == posted
        pane.open()  # the query is kept: opening again shows its hits again
        await settle(pilot)
        assert len(app.highlights[-1].spans) == 1
        pane.close(notify=False)  # hidden for another pane: cleared, but no Closed message
        await pilot.pause()
        assert app.highlights[-1].spans == [] and app.closed == 1


async def test_filter_toggle_asks_for_matching_paragraphs_only():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "безопасность")
        chip = pane.query_one("#search-filter")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.filters == [True]
        assert chip.has_class("-on") and "✓" in str(chip.content)
        await pilot.click("#search-filter")  # the chip asks for it back
        await pilot.pause()
        assert app.filters == [True, False]
        assert not chip.has_class("-on") and "✓" not in str(chip.content)


async def test_invalid_regex_shows_one_line_error():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await pilot.press("ctrl+r", "ctrl+r")
        assert pane.mode == "regex"
        await type_query(pilot, "(безопас")
        assert pane.error is not None and "\n" not in pane.error
        assert pane.error in pane.count_text
        assert app.highlights[-1].spans == []
        await pilot.press(*")ност")  # a valid regex again: the error goes
        await settle(pilot)
        assert pane.error is None
        assert pane.count_text == "1/3"


async def test_mode_chip_click_cycles_mode():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "безопасности")
        assert len(pane.hits) == 3  # every form of the lemma
        await pilot.click("#search-mode")  # lemma → exact: only the literal text
        await settle(pilot)
        assert pane.mode == "exact"
        assert [DOC.text[h.start:h.end] for h in pane.hits] == ["безопасности"]


async def test_results_show_context_and_section():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "безопасность")
        prompts = [pane.results.prompt_text(i) for i in range(3)]
        assert "Переговоры" in prompts[1] and "Переговоры" in prompts[2]
        assert "границ" in prompts[1]  # the sentence around the hit
        assert "Ответа" not in prompts[1]  # ...and not the next sentence


async def test_replacing_the_document_reruns_the_query():
    needs_engine()
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "экономика")
        assert pane.count_text == "1/2"
        pane.doc = make_doc([(None, [["Экономика, экономику, экономикой."]])])
        await settle(pilot)
        assert pane.count_text == "1/3"
        assert pane.section_title(0) == ""


async def test_a_long_result_list_holds_every_hit_and_draws_only_what_shows():
    needs_engine()
    total = 500
    many = make_doc([(None, [["Слово."] * total])])
    app = PaneApp(many)
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "слово")
        assert pane.count_text == f"1/{total}"
        assert pane.results.hit_count == total
        assert pane.results.virtual_size.height == total * pane.results.ITEM
        pane.results.focus()
        await pilot.press("end")  # the last hit is there to go to, and the list scrolls to it
        await pilot.pause()
        assert pane.current == total - 1 and pane.count_text == f"{total}/{total}"
        assert pane.results.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert pane.current == 0 and pane.results.scroll_y == 0
        pane.previous_hit()  # wraps to the last hit
        await pilot.pause()
        assert app.jumps[-1].offset == pane.hits[-1].start
        assert pane.count_text == f"{total}/{total}"
        # only what is on screen was drawn: a few hits' lines, not 500
        assert len(pane.results._rows) < 40


async def test_no_document_yet_is_not_an_error():
    app = PaneApp(doc=None)
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "что")
        assert pane.hits == []
        assert "no document" in pane.count_text


async def test_suggestions_complete_words_from_the_document():
    if _completer() is None:
        pytest.skip("tui_reader.search.suggest.complete is not written yet")
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await type_query(pilot, "заявил дми")
        await settle(pilot)
        assert pane.input._suggestion == "заявил дмитрий"  # the reader's case is kept
        await pilot.press("right")  # accepts the suggestion
        assert pane.input.value == "заявил дмитрий"
        await pilot.press("ctrl+r", "ctrl+r", "backspace")  # no completion of a regex
        await settle(pilot)
        assert pane.input._suggestion == ""


def test_snapshot(snap_compare):
    if _engine() is None:
        pytest.skip("tui_reader.search.query.search is not written yet")

    async def run_before(pilot) -> None:
        await type_query(pilot, "безопасность")
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(PaneApp(), terminal_size=(70, 16), run_before=run_before)


async def test_the_search_runs_off_the_ui_thread(monkeypatch):
    """A keystroke's search runs in a worker thread: the event loop that draws and
    reads keys never runs it."""
    import threading

    needs_engine()
    engine = _engine()
    ran_on: list[threading.Thread] = []
    real = engine.search

    def recording(*args, **kwargs):
        ran_on.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "search", recording)
    app = PaneApp()
    async with app.run_test() as pilot:
        await type_query(pilot, "безопасность")
        assert app.query_one(SearchPane).count_text == "1/3"
    assert ran_on and all(t is not threading.main_thread() for t in ran_on)


async def test_a_slow_search_never_holds_the_screen(monkeypatch):
    """The screen waits for a keystroke's hits only briefly (``HOLD_FRAME_AT_MOST``):
    with a search that takes far longer, the letter typed is drawn anyway and the
    count follows when the hits come."""
    import time

    from tui_reader.app.widgets.search_pane import HOLD_FRAME_AT_MOST

    needs_engine()
    engine = _engine()
    real = engine.search

    def slow(*args, **kwargs):
        time.sleep(0.4)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "search", slow)
    holds: list[float] = []
    real_hold = SearchPane._hold_frame

    def recording_hold(pane: SearchPane) -> None:
        holds.append(time.monotonic())
        real_hold(pane)

    monkeypatch.setattr(SearchPane, "_hold_frame", recording_hold)
    app = PaneApp()
    async with app.run_test() as pilot:
        pane = app.query_one(SearchPane)
        await pilot.press("б")
        assert len(holds) == 1  # held for the hits (the letter and its count, one frame)
        await pilot.pause(HOLD_FRAME_AT_MOST + 0.05)
        assert time.monotonic() - holds[0] < 0.4  # the search is still running...
        assert app._batch_count == 0  # ...yet the screen is free: the letter is drawn
        assert pane.input.value == "б" and pane.count_text == ""
        await settle(pilot)
        assert app._batch_count == 0 and pane.count_text == "0/0 · nothing found"


def test_context_rows_keep_the_hit_in_view():
    from tui_reader.reading.hits import context_rows

    def joined(rows):
        return ["".join(text for text, _ in row) for row in rows]

    def marked(rows):
        return "".join(text for row in rows for text, is_hit in row if is_hit)

    left = "Вчера после долгого заседания в столице прошли переговоры о "
    right = " границ и о торговле между двумя странами, сказал министр иностранных дел"
    rows = context_rows(left, "безопасности", right, 30)
    assert marked(rows) == "безопасности"  # whole, though the line is far longer
    assert all(len(line) <= 30 for line in joined(rows))
    assert joined(rows)[0].startswith("…") and joined(rows)[-1].endswith("…")  # both sides cut
    assert not joined(rows)[1].startswith(" ")  # rows break after a space, not before a word
    # short enough: as it is, in one row
    assert joined(context_rows("он сказал: ", "да", ".", 30)) == ["он сказал: да.", ""]
    # a hit longer than the room is cut, the sides dropped
    rows = context_rows("слева ", "х" * 100, " справа", 10)
    assert joined(rows) == ["х" * 10, "х" * 9 + "…"] and marked(rows) == "х" * 19 + "…"
