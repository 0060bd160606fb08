"""The top line: "≡", then the title and the source, centred.

Looks like Textual's ``Header`` without a clock, but is one widget instead of four
(an icon, a title, a clock space and their container): start-up pays Textual's
per-widget work (styles, layout, a message queue) for every widget on the first
screen, and the reader must open about as fast as a bare Textual app.
"""
from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

from tui_reader.i18n import _
from tui_reader.model import Document
from tui_reader.reading.sanitize import inert, one_line

ICON = "≡"
ICON_WIDTH = 8  # as Header's icon: the title is centred between it and
RIGHT_SPACE = 10  # the room Header keeps for its clock


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar { dock: top; width: 100%; height: 1; background: $panel; color: $foreground; }
    """

    def render(self) -> Content:
        width = self.size.width
        title = self.app.format_title(self.app.title, self.app.sub_title)
        room = max(0, width - ICON_WIDTH - RIGHT_SPACE)
        if title.cell_length > room:
            title = title.truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        icon = Content(f" {ICON}").pad_right(ICON_WIDTH - 2)
        # on the right, as less shows it: a count being typed, else how far the text is read
        position = getattr(self.app, "count_digits", "") or getattr(self.app, "position_text", lambda: "")()
        gap = max(1, width - ICON_WIDTH - left - title.cell_length - len(position) - 1)
        return Content.assemble(icon, Content(" " * left), title, Content(" " * gap),
                                Content.styled(position, "bold"))

    async def on_click(self, event: events.Click) -> None:
        """The icon opens the command palette, as Header's does."""
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")


def reader_titles(doc: Document, source_label: str = "") -> tuple[str, str]:
    """The reader's title (the document's, else its first paragraph) and subtitle
    (where it came from, with its format and encoding when they are not plain UTF-8)."""
    first = doc.paragraphs[0] if doc.paragraphs else None
    title = doc.title or (doc.text[first.start:first.end][:200] if first else "")
    source = source_label or (doc.source.path or "")
    if source == "-":
        source = _("standard input")
    extra: list[str] = []
    if doc.source.format and doc.source.format != "text":
        extra.append(doc.source.format)
    if doc.source.encoding and doc.source.encoding.lower() not in ("utf-8", "utf8"):
        extra.append(doc.source.encoding)
    return one_line(title, 200) or "summit-reader", inert(source + (f" ({', '.join(extra)})" if extra else ""))
