"""The baseline: the least a Textual app can do to show a text file.

    python benchmarks/minimal_textual.py FILE [--encoding cp1251] [--widget textarea|static]

No analysis, no cache, no panes: read, decode, show.  The default widget is a
read-only ``TextArea``, which draws only the visible lines (as the reader's view
must), so a 3 MB file is a fair comparison; ``static`` puts the whole text in
one ``Static`` inside a scrolling container, the naïve way.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea


class MinimalReader(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str, widget: str) -> None:
        super().__init__()
        self.text, self.widget = text, widget

    def compose(self) -> ComposeResult:
        if self.widget == "static":
            with VerticalScroll():
                yield Static(self.text, markup=False)
        else:
            yield TextArea(self.text, read_only=True, soft_wrap=True, show_line_numbers=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--encoding", default="utf-8")
    parser.add_argument("--widget", choices=["textarea", "static"], default="textarea")
    args = parser.parse_args()
    text = Path(args.file).read_bytes().decode(args.encoding, errors="replace").replace("\r\n", "\n")
    MinimalReader(text, args.widget).run()


if __name__ == "__main__":
    main()
