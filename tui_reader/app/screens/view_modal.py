"""The frame the full-screen views share (who said what, figures): a box over the reader."""
from __future__ import annotations

from textual.screen import ModalScreen

from tui_reader.app.messages import JumpTo


class ViewModal(ModalScreen[JumpTo | None]):
    """A framed box in the middle of the screen, with a hint line at its foot.

    A view dismisses itself with a ``JumpTo`` (the app moves the reader there) or,
    on ``action_close``, with None.  Subclasses lay out ``Vertical > … > #hint`` and
    may set their own box size."""

    DEFAULT_CSS = """
    ViewModal { align: center middle; }
    ViewModal > Vertical {
        width: 90%;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    ViewModal #hint { height: 1; color: $text-muted; }
    """

    def action_close(self) -> None:
        self.dismiss(None)
