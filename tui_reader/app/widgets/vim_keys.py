"""vim's (and less's) moving keys in the lists and pop-ups, not only in the article.

Without these, ``j`` in the speakers list bubbled up to the app and scrolled the
article behind the list.  (The figures' table, ``numbers_view.VimDataTable``, takes them from ``list_keys``:
DataTable is imported only when that view opens.)  Each key has its Russian-layout twin (the letter on the
same physical key), as everywhere in the reader.
"""
from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Tree
from textual.widgets.tree import TreeDataType


def list_keys(first: str, last: str) -> list[BindingType]:
    return [
        Binding("j,о", "cursor_down", "Down", show=False),
        Binding("k,л", "cursor_up", "Up", show=False),
        Binding("g,п", first, "First", show=False),
        Binding("G,П", last, "Last", show=False),
        Binding("ctrl+d,ctrl+f", "page_down", "Page down", show=False),
        Binding("ctrl+u,ctrl+b", "page_up", "Page up", show=False),
    ]


class VimOptionList(OptionList):
    BINDINGS = list_keys("first", "last")


class VimTree(Tree[TreeDataType]):
    BINDINGS = list_keys("first", "last")

    def action_first(self) -> None:
        self.cursor_line = 0

    def action_last(self) -> None:
        self.cursor_line = self.last_line
