"""The help screen (``?``): keys and the legend of the article's highlights."""
from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, str]] = [
    ("j k  ↓ ↑", "line down / up"),
    ("space b  PgDn PgUp", "page down / up"),
    ("d u", "half a page down / up"),
    ("g G  Home End", "start / end"),
    ("[ ]", "previous / next section"),
    ("Tab", "between the sidebar and the article"),
    ("s", "speakers list (Enter marks a speaker's statements)"),
    ("S", "who said what: every speaker's share and statements"),
    ("#", "every figure in a sortable table (Enter jumps to it)"),
    ("n N", "next / previous statement of the marked speaker (search hit while searching)"),
    ("/", "search"),
    ("t", "jump to a topic"),
    ("ctrl+b \\", "show / hide the sidebar"),
    ("m a   ' a   ''", "set mark a / go to mark a / back to before the last jump"),
    ("y", "copy the chosen statement or quote, with its speaker"),
    ("ctrl+p", "command palette: themes, topics"),
    ("click, hover", "a number or statement: its details"),
    ("esc", "clear the marks and details"),
    ("?", "this help"),
    ("q", "quit"),
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

    def __init__(self, legend: list[tuple[Text, str]]) -> None:
        super().__init__()
        self.legend = legend

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
        keys = Table.grid(padding=(0, 2))
        keys.add_column(style="bold", no_wrap=True)
        keys.add_column()
        for key, what in KEYS:
            keys.add_row(key, what)
        legend = Table.grid(padding=(0, 2))
        legend.add_column(no_wrap=True)
        legend.add_column()
        for sample, what in self.legend:
            legend.add_row(sample, what)
        with VerticalScroll():
            yield Static(Text("Keys  (a Russian layout works too: о л и в г п т й ы е х ъ . , Ы № н ь э)", style=Style(bold=True)))
            yield Static(keys)
            yield Static(Text("\nIn the text", style=Style(bold=True)))
            yield Static(legend)
            yield Static(Text("\nesc or ? closes this help", style=Style(dim=True)))
