"""The help screen (``?``): keys and the legend of the article's highlights."""
from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.i18n import _
from tui_reader.reading.paint import SPEAKER_COLOURS


def legend(style: Callable[[str], Style]) -> list[tuple[Text, str]]:
    """A sample of each highlight, drawn in the article's styles (``style``: one by its
    name, ``ArticleView.style_named``), and what it means."""

    def sample(text: str, *names: str) -> Text:
        out = Text(text)
        for name in names:
            out.stylize(style(name))
        return out

    speaker_marks = Text()
    for i in range(SPEAKER_COLOURS):
        speaker_marks.append("▎", style=style(f"speaker-{i}"))
    return [
        (sample("«Так и будет»", "quote"), _("a quotation")),
        (sample("52 млрд долларов", "number"), _("a figure: hover or click it for kind, value and unit")),
        (sample("Путин", "mention"), _("a speaker's name")),
        (speaker_marks, _("a statement: the bar in the margin has the speaker's colour (┏ ┃ ┗ for the chosen "
                          "speaker); hover or click for who said it and the reporting word")),
        (Text("╎", style=Style(dim=True)), _("a statement whose speaker the analysis is unsure of "
                                             "(a '?' after the name in the details)")),
        (sample("заявил, что …", "statement-selected"), _("statements of the speaker chosen in Speakers")),
        (sample("найдено", "search"), _("a search hit (the current one is brighter)")),
        (sample("Заголовок раздела", "heading"), _("a section heading")),
    ]


def keys() -> list[tuple[str, str]]:
    """Every key and what it does, in the user's language (a function: the language is
    chosen after import)."""
    return [
        ("j k  ↓ ↑  ctrl+e ctrl+y", _("line down / up")),
        ("space f b  PgDn PgUp  ctrl+f ctrl+b", _("page down / up")),
        ("d u  ctrl+d ctrl+u", _("half a page down / up")),
        ("g G  Home End", _("start / end")),
        ("5j  10G  50%  50p  3n", _("a count: 5 lines, line 10, half-way, the third next")),
        ("=  ctrl+g", _("file, section, line and percent")),
        ("[ ]", _("previous / next section")),
        ("Tab", _("between the sidebar and the article")),
        ("s", _("speakers list (Enter marks a speaker's statements)")),
        ("S", _("who said what: every speaker's share and statements")),
        ("#", _("every figure in a table (Enter jumps; s next sort column, r reverse)")),
        ("n N", _("next / previous statement of the marked speaker (search hit while searching; "
                  "after Esc, the last search again)")),
        ("/  .", _("search by word forms")),
        ("ctrl+o", _("only the paragraphs with hits, or with the chosen speaker")),
        ("ctrl+r", _("search mode: word forms, exact, regex")),
        ("t", _("jump to a topic")),
        ("\\", _("show / hide the sidebar")),
        ("m a   ' a   ''", _("set mark a / go to mark a / back to before the last jump")),
        ("y", _("copy the chosen statement or quote, with its speaker")),
        ("v", _("edit the file in $VISUAL or $EDITOR at this line")),
        (":n :p", _("next / previous file (several files given)")),
        ("ctrl+p", _("command palette: the reader's commands, themes, topics")),
        (_("click, hover"), _("a number or statement: its details")),
        ("esc", _("clear the marks and details")),
        ("? h F1", _("this help")),
        ("q", _("quit (your place is kept)")),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,й,question_mark,comma,h,р,f1", "dismiss", "Close help", id="help.close"),
        # the pager's keys move the help too (it is longer than a small terminal)
        Binding("j,о,down,ctrl+e", "scroll(1)", "Down", show=False),
        Binding("k,л,up,ctrl+y", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown,ctrl+f,f", "scroll_page(1)", "Page down", show=False),
        Binding("b,и,pageup,ctrl+b", "scroll_page(-1)", "Page up", show=False),
        Binding("d,в,ctrl+d", "scroll_half(1)", "Half page down", show=False),
        Binding("u,г,ctrl+u", "scroll_half(-1)", "Half page up", show=False),
        Binding("g,п,home", "scroll_to(0)", "Top", show=False),
        Binding("G,П,end", "scroll_to(-1)", "End", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        background: $surface; border: round $primary; padding: 1 2;
    }
    """

    def __init__(self, legend: list[tuple[Text, str]], binding_ids: list[tuple[str, str]] | None = None,
                 keys: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.legend = legend
        self.binding_ids = binding_ids or []
        self.keys = keys  # a reader with keys of its own (the web reader's o) passes them all

    @property
    def body(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.body.scroll_relative(y=lines, animate=False)

    def action_scroll_page(self, direction: int) -> None:
        self.body.scroll_relative(y=direction * max(self.body.size.height - 1, 1), animate=False)

    def action_scroll_half(self, direction: int) -> None:
        self.body.scroll_relative(y=direction * max(self.body.size.height // 2, 1), animate=False)

    def action_scroll_to(self, where: int) -> None:
        self.body.scroll_to(y=0 if where >= 0 else self.body.max_scroll_y, animate=False)

    def compose(self) -> ComposeResult:
        keys_table = Table.grid(padding=(0, 2))
        keys_table.add_column(style="bold", no_wrap=True)
        keys_table.add_column()
        for key, what in self.keys if self.keys is not None else keys():
            keys_table.add_row(key, what)
        legend = Table.grid(padding=(0, 2))
        legend.add_column(no_wrap=True)
        legend.add_column()
        for sample, what in self.legend:
            legend.add_row(sample, what)
        with VerticalScroll():
            yield Static(Text(_("Keys  (a Russian layout works too: о л и в г п т й ы е х ъ . , Ы № н ь э)"),
                              style=Style(bold=True)))
            yield Static(keys_table)
            if self.legend:  # the library's screens have keys, no highlighted text
                yield Static(Text("\n" + _("In the text"), style=Style(bold=True)))
                yield Static(legend)
            if self.binding_ids:
                ids = Table.grid(padding=(0, 2))
                ids.add_column(no_wrap=True)
                ids.add_column(style="dim")
                for binding_id, key in self.binding_ids:
                    ids.add_row(binding_id, key)
                yield Static(Text("\n" + _("Binding ids, to rebind in config.toml's [keys]"), style=Style(bold=True)))
                yield Static(ids)
            yield Static(Text("\n" + _("j k space b g G move · esc or ? closes this help"), style=Style(dim=True)))
