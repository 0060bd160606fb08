"""The peer of the reader's search keystrokes: the least a Textual app does to answer a key.

    python benchmarks/minimal_search_box.py

An ``Input`` and a count below it, the count rewritten on every change of the input,
in the same handler (no search, no thread): what a key costs a Textual app with
nothing else to do.  ``keystroke_tmux.py`` times it beside the reader and ``less``.
"""
from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Label


class SearchBox(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="query")
        yield Label("▏ 0/0", id="count")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#count", Label).update(f"▏ 1/{len(event.value)}")


if __name__ == "__main__":
    SearchBox().run()
