"""Marks (plain logic and the key prompt) and the speakers/numbers views, driven by Pilot."""
from __future__ import annotations

import pytest
from rich.console import Console
from textual.app import App
from textual.coordinate import Coordinate
from textual.widgets import DataTable, OptionList

from tui_reader.app.messages import JumpTo
from tui_reader.app.screens.mark_prompt import MarkPrompt
from tui_reader.app.views.numbers_view import COLUMNS, NumbersView
from tui_reader.app.views.speakers_view import ShareBars, SpeakersView, bar
from tui_reader.model import Document, Number, Quote, Sentence, Speaker, Statement
from tui_reader.reading.marks import BACK, Marks, mark_name
from tui_reader.store.state import DocState, StateStore


def span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def tiny_doc() -> Document:
    text = ("Как заявил Иван Петров, расходы выросли на 12%. "
            "Мария Сидорова сказала: «Бюджет — 3 млрд рублей». "
            "Петров добавил, что в 2025 году будет 40 новых школ.")
    parts = ["Как заявил Иван Петров, расходы выросли на 12%.",
             "Мария Сидорова сказала: «Бюджет — 3 млрд рублей».",
             "Петров добавил, что в 2025 году будет 40 новых школ."]
    doc = Document(text=text, title="Тест")
    doc.sentences = [Sentence(*span(text, p), paragraph=0) for p in parts]
    doc.speakers = [Speaker("p", "Иван Петров"), Speaker("s", "Мария Сидорова")]
    doc.statements = [Statement("p", *span(text, parts[0]), sentence=0, cue="заявил"),
                      Statement("s", *span(text, parts[1]), sentence=1, kind="direct", cue="сказала"),
                      Statement("p", *span(text, parts[2]), sentence=2, cue="добавил")]
    doc.quotes = [Quote(*span(text, "«Бюджет — 3 млрд рублей»"), speaker="s")]
    doc.numbers = [Number(*span(text, "на 12%"), kind="percent", value=12.0, unit="%"),
                   Number(*span(text, "3 млрд рублей"), kind="money", value=3e9, unit="RUB"),
                   Number(*span(text, "в 2025 году"), kind="year", value=2025.0),
                   Number(*span(text, "40 новых школ"), kind="count", value=40.0, unit=None)]
    return doc


class Host(App):
    """A stand-in for the reader: pushes one screen and keeps what it returns."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)


# --- marks: the plain logic --------------------------------------------------------


def test_set_get_and_any_letter():
    marks = Marks()
    assert marks.set("a", 10) == "a"
    assert marks.set("Я", 20) == "Z"  # Я is on the Z key: the same mark
    assert marks.get("a") == 10 and marks.get("Z") == 20
    assert marks.set("ж", 30) == "ж"  # on the ';' key: a mark of its own
    assert marks.get("ж") == 30
    assert marks.set("1", 5) is None and marks.set("'", 5) is None and marks.get("?") is None
    assert marks.get("b") is None


def test_russian_layout_names_the_same_mark():
    marks = Marks()
    marks.set("a", 10)
    assert marks.get("ф") == 10  # ф is on the A key
    assert mark_name("Ф") == "A" and mark_name("э") is None  # э is the ' key


def test_back_returns_before_the_last_jump_and_toggles():
    marks = Marks()
    assert marks.back(0) is None
    marks.record_jump(0)      # e.g. G from the top ...
    marks.record_jump(500)    # ... then a search hit from the end
    assert marks.back(120) == 500
    assert marks.back(500) == 120  # '' again: back where '' was pressed
    assert marks.back(120) == 500


def test_history_is_bounded_and_ignores_repeats():
    marks = Marks(history_limit=3)
    for offset in (1, 1, 2, 3, 4):
        marks.record_jump(offset)
    assert marks.history == (2, 3, 4)


def test_marks_survive_a_restart(tmp_path):
    sha = "ab" * 32
    marks = Marks()
    marks.set("a", 42)
    marks.set("ж", 7)
    StateStore(tmp_path).save(sha, DocState(position=99, marks=marks.as_dict()))
    restored = StateStore(tmp_path).load(sha)  # a new store: as after a restart
    again = Marks(restored.marks)
    assert restored.position == 99
    assert (again.get("a"), again.get("ф"), again.get("ж")) == (42, 42, 7)


async def test_mark_prompt_reads_one_key():
    for mode, keys, expected in [("set", ["b"], "b"), ("set", ["escape"], None), ("set", ["1"], None),
                                 ("jump", ["apostrophe"], BACK), ("jump", ["э"], BACK), ("jump", ["ф"], "a")]:
        app = Host(lambda mode=mode: MarkPrompt(mode, known={"a": 1}))
        async with app.run_test() as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            assert app.results == [expected], (mode, keys)


# --- the speakers view -------------------------------------------------------------


def test_bar_chart_scales_to_the_width():
    assert bar(1.0, 10) == "█" * 10 and bar(0.5, 10) == "█" * 5 and bar(0.0, 10) == ""
    assert bar(0.05, 10) == "▌" and bar(0.0625, 10) == "▋"  # 4 and 5 eighths of a cell
    console = Console(width=40, record=True)
    console.print(ShareBars([("Иван Петров", 2), ("Мария Сидорова", 1)]))
    lines = console.export_text().splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[0].count("█") == 2 * lines[1].count("█") > 0
    assert lines[0].rstrip().endswith("2 67%") and lines[1].rstrip().endswith("1 33%")


async def test_speakers_view_lists_statements_and_jumps():
    doc = tiny_doc()
    app = Host(lambda: SpeakersView(doc))
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen
        assert isinstance(view, SpeakersView)
        assert [g.name for g in view.groups] == ["Иван Петров", "Мария Сидорова"]
        options = view.query_one(OptionList)
        # Three statements to choose; the speaker headers can't be chosen.
        assert sorted(view.targets.values()) == sorted((s.start, s.end) for s in doc.statements)
        options.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
    [jump] = app.results
    assert isinstance(jump, JumpTo)
    assert (jump.offset, jump.end) in {(s.start, s.end) for s in doc.statements}


async def test_speakers_view_escape_closes_and_empty_doc_opens():
    app = Host(lambda: SpeakersView(Document(text="Ничего.")))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# --- the numbers view --------------------------------------------------------------


def row_order(table: DataTable) -> list[int]:
    return [int(table.coordinate_to_cell_key(Coordinate(r, 0)).row_key.value) for r in range(table.row_count)]


async def test_numbers_view_sorts_by_key_and_header_click():
    doc = tiny_doc()
    app = Host(lambda: NumbersView(doc))
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.screen
        table = view.query_one(DataTable)
        assert row_order(table) == [0, 1, 2, 3]  # text order first, and the header says so
        labels = [str(c.label) for c in table.columns.values()]
        assert labels[-1].startswith("Context (text order) ▲") and "▲" not in "".join(labels[:-1])
        await pilot.press("s")                   # by the figure as written
        assert row_order(table) == [1, 3, 2, 0]
        assert str(next(iter(table.columns.values())).label) == "Figure ▲"
        await pilot.press("s")                   # by kind: money, percent, year, count
        assert row_order(table) == [1, 0, 2, 3]
        await pilot.press("s")                   # by value: 12, 40, 2025, 3e9
        assert row_order(table) == [0, 3, 2, 1]
        await pilot.press("r")
        assert row_order(table) == [1, 2, 3, 0]
        # Click the "Unit" header: %, RUB, then the figures without a unit.
        x = sum(col.get_render_width(table) for col in list(table.columns.values())[:3]) + 2
        await pilot.click(DataTable, offset=(x, 0))
        await pilot.pause()
        assert COLUMNS[view.sort_column].key == "unit" and not view.reverse
        assert row_order(table) == [0, 1, 2, 3]
        await pilot.click(DataTable, offset=(x, 0))  # again: reversed
        await pilot.pause()
        assert view.reverse and row_order(table)[-2:] == [1, 0]


async def test_numbers_view_enter_jumps_to_the_figure():
    doc = tiny_doc()
    app = Host(lambda: NumbersView(doc))
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        await pilot.press("s", "s")  # by kind: the cursor stays on the figure it was on ...
        assert table.cursor_row == 1 and row_order(table)[1] == 0
        await pilot.press("up", "enter")  # ... and the one above it is the money
        await pilot.pause()
    [jump] = app.results
    assert (jump.offset, jump.end) == (doc.numbers[1].start, doc.numbers[1].end)


async def test_numbers_view_cells_and_escape():
    doc = tiny_doc()
    app = Host(lambda: NumbersView(doc))
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.screen.query_one(DataTable)
        cells = [str(c) for c in table.get_row("1")]
        assert cells[:4] == ["3 млрд рублей", "money", "3\u00a0000\u00a0000\u00a0000", "RUB"]
        assert "Бюджет — 3 млрд рублей" in cells[4]
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


def with_escape_codes(doc: Document) -> Document:
    """The same document with a colour code and a window-title OSC in its text, in the
    place of spaces and letters of the same length, so every span still fits."""
    text = doc.text
    for fragment, codes in (("расходы", "\x1b[31m"), ("Бюджет", "\x1b]0;x\x07")):
        at = text.index(fragment)
        text = text[:at] + codes[:len(fragment)].ljust(len(fragment), "z") + text[at + len(fragment):]
    doc.text = text
    return doc


async def test_views_never_send_the_files_control_codes_to_the_terminal():
    doc = with_escape_codes(tiny_doc())
    for make in (SpeakersView, NumbersView):
        app = Host(lambda make=make: make(doc))
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            if make is SpeakersView:
                options = app.screen.query_one(OptionList)
                shown = "".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
            else:
                table = app.screen.query_one(DataTable)
                shown = "".join(str(c) for key in ("0", "1") for c in table.get_row(key))
            assert "\x1b" not in shown and "\x07" not in shown, make.__name__
            assert "␛" in shown, make.__name__  # shown, as a visible picture


@pytest.mark.parametrize("view", [NumbersView, SpeakersView])
async def test_views_open_on_a_structure_only_document(view):
    doc = Document(text="Текст без анализа.")
    doc.analysis.level = "structure"
    app = Host(lambda: view(doc))
    async with app.run_test() as pilot:
        assert isinstance(app.screen, view)
        await pilot.press("q")
        await pilot.pause()
    assert app.results == [None]


# --- the wiring the reader does, end to end in a stand-in app ------------------------

from textual.binding import Binding  # noqa: E402

from tui_reader.store.config import load_config, save_theme  # noqa: E402


class TinyReader(App):
    """Just enough of a reader: an offset instead of an article, marks, state, config."""

    BINDINGS = [Binding("m,ь", "mark_set", id="marks.set"), Binding("apostrophe,э", "mark_jump", id="marks.jump"),
                Binding("p", "ping", id="demo.ping")]

    def __init__(self, sha: str, store: StateStore) -> None:
        super().__init__()
        self.sha, self.store = sha, store
        state = store.load(sha)
        self.offset, self.marks, self.pings = state.position, Marks(state.marks), 0

    def on_mount(self) -> None:
        cfg = load_config()
        self.set_keymap(cfg.keys)
        if cfg.theme in self.available_themes:
            self.theme = cfg.theme
        self.theme_changed_signal.subscribe(self, lambda theme: save_theme(theme.name))

    def save(self) -> None:
        self.store.save(self.sha, DocState(self.offset, self.marks.as_dict()))

    def on_jump_to(self, message: JumpTo) -> None:
        if message.record:
            self.marks.record_jump(self.offset)
        self.offset = message.offset
        self.save()

    def action_mark_set(self) -> None:
        def done(name):
            if name and name != BACK:
                self.marks.set(name, self.offset)
                self.save()
        self.push_screen(MarkPrompt("set"), done)

    def action_mark_jump(self) -> None:
        def done(name):
            if name == BACK:
                target, record = self.marks.back(self.offset), False
            else:
                target, record = (self.marks.get(name), True) if name else (None, True)
            if target is not None:
                self.post_message(JumpTo(target, record=record))
        self.push_screen(MarkPrompt("jump", known=self.marks.as_dict()), done)

    def action_ping(self) -> None:
        self.pings += 1


async def test_position_and_marks_survive_a_restart_of_the_app(tmp_path):
    sha, store_dir = "cd" * 32, tmp_path / "state"
    app = TinyReader(sha, StateStore(store_dir))
    async with app.run_test() as pilot:
        app.offset = 100
        await pilot.press("m", "a")
        app.post_message(JumpTo(300))  # e.g. G
        await pilot.pause()
    assert app.offset == 300

    again = TinyReader(sha, StateStore(store_dir))  # a new app, state read from disk
    async with again.run_test() as pilot:
        assert again.offset == 300
        await pilot.press("apostrophe", "a")
        await pilot.pause()
        assert again.offset == 100
        await pilot.press("э", "э")  # '' in the Russian layout: back where we were
        await pilot.pause()
        assert again.offset == 300


async def test_config_keymap_and_theme_persist(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_READER_CONFIG_DIR", str(tmp_path / "cfg"))
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "config.toml").write_text('[keys]\ndemo.ping = "x"\n')
    app = TinyReader("ef" * 32, StateStore(tmp_path / "state"))
    async with app.run_test() as pilot:
        await pilot.press("x", "p")
        assert app.pings == 1  # remapped: x pings, p no longer does
        app.theme = "nord"
        await pilot.pause()
    assert load_config().theme == "nord" and load_config().keys == {"demo.ping": "x"}
    again = TinyReader("ef" * 32, StateStore(tmp_path / "state"))
    async with again.run_test():
        assert again.theme == "nord"


async def test_speakers_view_lists_a_quote_of_several_sentences_once() -> None:
    from tests.test_digest import split_quote_doc

    doc = split_quote_doc()
    app = Host(lambda: SpeakersView(doc))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen
        prompts = [doc.text[start:end] for start, end in view.targets.values()]
        assert len(prompts) == 2, prompts
        assert prompts[0].count("«") == prompts[0].count("»") == 1
