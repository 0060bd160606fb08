"""The two bars under the article: the analysis' progress and the chosen item's details."""
from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tui_reader.i18n import _

# The analysis' stage names (analysis.enrich reports them), as the bar says them.
STAGES = {
    "numbers": lambda: _("figures"), "quotes": lambda: _("quotes"), "speakers": lambda: _("speakers"),
    "index": lambda: _("search index"), "topics": lambda: _("topics"), "done": lambda: _("done"),
}


class AnalysisStatus(Widget):
    """"Analysing…" with a progress bar while the full model is built in the background.

    One widget that draws its own bar: a Label and a ProgressBar would be five
    widgets on the first frame of every uncached start."""

    DEFAULT_CSS = """
    AnalysisStatus { height: 1; dock: bottom; background: $panel; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = ""
        self.share = 0.0

    def render(self) -> Content:
        stage = STAGES[self.stage]() if self.stage in STAGES else (self.stage or _("speakers, quotes, figures"))
        label = Content.styled(_("Analysing: {stage}…").format(stage=stage), "$foreground-muted")
        percent = f" {round(self.share * 100):3d}%"
        room = max(0, self.content_size.width - label.cell_length - 1 - len(percent))
        done = round(room * self.share)
        return Content.assemble(label, " ", ("━" * done, "$primary"), ("━" * (room - done), "$panel-lighten-2"), percent)

    def report(self, stage: str, share: float) -> None:
        self.stage = stage
        self.share = max(0.0, min(1.0, share))
        self.refresh()


class DetailsBar(Static):
    """The selected number's or statement's details (kind, value, unit; speaker, cue)."""

    DEFAULT_CSS = """
    DetailsBar { height: auto; max-height: 4; dock: bottom; background: $boost; padding: 0 1; display: none; }
    DetailsBar.-shown { display: block; }
    """

    def show(self, text: Text | None) -> None:
        if text is None:
            self.remove_class("-shown")
        else:
            self.update(text)
            self.add_class("-shown")
