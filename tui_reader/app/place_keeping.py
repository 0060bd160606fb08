"""Where the reader opens and what it keeps: the place kept from the last reading
(``reading.place``), or the line the editor was at; saved every few seconds, on a
mark and on quitting.

A mixin of ``ReaderApp``, typed against ``ReaderHost``.
"""
from __future__ import annotations

from tui_reader.app.less_keys import offset_of_line
from tui_reader.app.reader_host import ReaderHost
from tui_reader.i18n import _


class PlaceKeeping:
    def restore_place(self: ReaderHost) -> None:
        """Where the reader opens, once the text is laid out: the line the editor was
        at, else the place kept from the last reading.  A reader opened for a purpose
        (the library's, at a statement or a hit) overrides this to go there instead."""
        if self.place.warning:
            self.notify(self.place.warning, severity="warning", markup=False, timeout=6)
        if self.start_line is not None:  # back from the editor: the line it was at
            self.article.put_at_top(offset_of_line(self.doc.text, self.start_line))
            return
        position = self.place.position
        if position > 0 and self.article.lines.line_for_offset(position) > 0:  # the first line is the top
            self.article.put_at_top(position)
            self.notify(_("Back where you left off (g for the top)."), timeout=3)

    def save_place(self: ReaderHost, *, now: bool = False) -> None:
        """Save the place at the top of the view: ``now``, or if it moved since the last time."""
        offset = self.article.top_offset()
        problem = self.place.save(offset) if now else self.place.flush(offset)
        if problem:
            self.notify(problem, severity="warning", markup=False)
