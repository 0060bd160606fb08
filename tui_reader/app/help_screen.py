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
        Binding("escape,q,й,question_mark,comma", "dismiss", "Close help", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        background: $surface; border: round $primary; padding: 1 2;
    }
    """

    def __init__(self, legend: list[tuple[Text, str]], keys: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.legend = legend
        self.keys = KEYS if keys is None else keys  # a reader with keys of its own passes them all

    def compose(self) -> ComposeResult:
        keys = Table.grid(padding=(0, 2))
        keys.add_column(style="bold", no_wrap=True)
        keys.add_column()
        for key, what in self.keys:
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
