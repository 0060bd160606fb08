"""The speakers view: who got how much of the article, as bars, with what each said.

    self.push_screen(SpeakersView(doc), on_jump)   # on_jump(JumpTo | None)

Top: one bar per speaker, the share of statements (█ scaled to the width, the longest
bar = the most statements).  Below: each speaker's statements and quotes, most
statements first; Enter (or a click) on one dismisses the view with a ``JumpTo`` to
it, Escape/q with None.  The app's callback posts/handles the JumpTo as any other jump.
"""
from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_reader.app.messages import JumpTo
from tui_reader.app.screens.view_modal import ViewModal
from tui_reader.app.widgets.vim_keys import VimOptionList
from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.model_queries import speaker_groups
from tui_reader.reading.sanitize import one_line

_EIGHTHS = " ▏▎▍▌▋▊▉"


class ShareBars:
    """A Rich renderable: ``name  ████▌      12  40%`` per row, bars fitted to the width."""

    def __init__(self, rows: list[tuple[str, int]], bar_style: str = "bold") -> None:
        self.rows = rows
        self.bar_style = bar_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            return
        width = options.max_width
        total = sum(count for _, count in self.rows) or 1
        top = max(count for _, count in self.rows) or 1
        name_w = min(max(len(name) for name, _ in self.rows), max(width // 3, 8))
        figures = [f"{count} {round(100 * count / total)}%" for _, count in self.rows]
        fig_w = max(len(f) for f in figures)
        bar_w = max(width - name_w - fig_w - 4, 1)
        for (name, count), figure in zip(self.rows, figures, strict=True):
            line = Text(no_wrap=True, overflow="ellipsis")
            label = name if len(name) <= name_w else name[: name_w - 1] + "…"
            line.append(label.ljust(name_w) + "  ")
            line.append(bar(count / top, bar_w).ljust(bar_w), style=self.bar_style)
            line.append("  " + figure.rjust(fig_w))
            yield line


def bar(share: float, width: int) -> str:
    """``share`` (0..1) of ``width`` cells in full blocks plus one eighth-block for the rest."""
    eighths = round(max(0.0, min(share, 1.0)) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


class SpeakersView(ViewModal):
    BINDINGS = [
        Binding("escape,q,й", "close", "Close", id="speakers.close"),
    ]

    DEFAULT_CSS = """
    SpeakersView #bars {
        height: auto;
        max-height: 40%;
        margin-bottom: 1;
    }
    SpeakersView OptionList, SpeakersView OptionList:focus {
        height: 1fr;
        border: none;
    }
    """

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.groups = speaker_groups(doc)
        # Option id → (start, end) of the statement or quote it stands for.
        self.targets: dict[str, tuple[int, int]] = {}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Who speaks")
            if self.groups:
                rows = [(one_line(g.name), len(g.statements)) for g in self.groups]
                # Rich styles can't read CSS variables: take the theme's accent colour now.
                accent = self.app.current_theme.accent or self.app.current_theme.primary
                yield Static(ShareBars(rows, bar_style=f"bold {accent}"), id="bars")
                yield VimOptionList(*self._options(), id="statements")
            else:
                pending = self.doc.analysis.level == "structure"
                yield Static(_("Still analysing: the statements appear when the analysis is done.") if pending
                             else _("No statements found in this text."), id="bars")
            hint = _("Enter: go to it in the text · Esc: close") if self.groups else _("Esc: close")
            yield Static(hint, id="hint")

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        total = sum(len(g.statements) for g in self.groups) or 1
        for gi, group in enumerate(self.groups):
            if options:
                options.append(None)  # a separator line between speakers
            share = round(100 * len(group.statements) / total)
            options.append(Option(Text(f"{one_line(group.name)} — {len(group.statements)} ({share}%)", style="bold"),
                                  id=f"speaker-{gi}", disabled=True))
            for entry in group.entries:  # a quote and the statements inside it: one entry
                start, end, cue = entry.start, entry.end, entry.cue
                option_id = f"span-{len(self.targets)}"
                self.targets[option_id] = (start, end)
                prompt = Text("• " + one_line(self.doc.text[start:end]))
                if cue:
                    prompt.append(f"  ({one_line(cue)})", style="italic dim")
                options.append(Option(prompt, id=option_id))
        return options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is not None:
            self.dismiss(JumpTo(target[0], target[1]))
