"""The reader's moving keys: lines, pages, ends, sections, and stepping through statements.

A mixin of ``ReaderApp`` (kept apart from the wiring of panes and messages): it uses
the app's ``article``, ``doc``, ``marks``, ``statement_index`` and details bar.
The article does the scrolling itself; here is what a key means for the reader
(a jump that '' can undo, "back to this section's start first", the next statement).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from tui_reader.app.widgets.details import describe
from tui_reader.app.widgets.status_bars import DetailsBar
from tui_reader.i18n import _
from tui_reader.model import Statement

if TYPE_CHECKING:
    from tui_reader.app.reader_app import ReaderApp

    _Base = ReaderApp
else:
    _Base = object


class Navigation(_Base):
    def _record_jump(self) -> None:
        """Remember where the reader was, for '' (back to before the jump)."""
        self.marks.record_jump(self.article.top_offset())

    # ``self.count``: a count typed before the key (5j, 10G), None without one

    def action_scroll_lines(self, lines: int) -> None:
        self.article.scroll_by(lines * (self.count or 1))

    def action_page(self, direction: int) -> None:
        self.article.page(direction * (self.count or 1))

    def action_half_page(self, direction: int) -> None:
        if self.count:  # as in less: a count with d/u is that many lines
            self.article.scroll_by(direction * self.count)
        else:
            self.article.half_page(direction)

    def action_top(self) -> None:
        if self.count:  # 10g: line 10
            self._go_to_text_line(self.count)
            return
        self._record_jump()
        self.article.scroll_to_line(0)

    def action_bottom(self) -> None:
        if self.count:  # 10G: line 10
            self._go_to_text_line(self.count)
            return
        self._record_jump()
        self.article.scroll_to_line(self.article.max_scroll_y)

    def action_section(self, direction: int) -> None:
        article = self.article
        sections = len(self.doc.sections)
        if not sections:
            return
        current = article.section_at_top()
        top_line = int(article.scroll_y)
        line = article.layout.section_line.get(current, 0)
        if direction < 0 and top_line > max(0, line - 1) + 1:
            target = current  # back to the start of this section first, as in a pager
        else:
            target = current + direction
        if 0 <= target < sections:
            self._record_jump()
            article.scroll_to_section(target)
        elif direction > 0:
            self.notify(_("This is the last section."), timeout=2)
        else:
            article.scroll_to_line(0)

    def action_step(self, direction: int) -> None:
        """n / N: the next search hit while searching, else the next statement (of the
        chosen speaker, if one is chosen)."""
        search = self._pane("search")
        if search is not None and search.active:
            for _n in range(self.count or 1):
                search.next_hit() if direction > 0 else search.previous_hit()
            return
        speaker = self.article.selected_speaker
        if speaker is None and search is not None and not search.display and search.last_query:
            self._open_tool(search, "topics")  # less: n repeats the last search after Esc
            search.repeat(direction, self.article.top_offset())
            return
        statements = self.article.highlights.statements_of(speaker)
        if not statements:
            self.notify(_("No statements to step through.") if speaker is None
                        else _("This speaker has no statements."), timeout=2)
            return
        statement = self._next_statement(statements, direction)
        for _n in range((self.count or 1) - 1):  # 3n: the third next
            self.statement_index = statements.index(statement)
            statement = self._next_statement(statements, direction)
        self.statement_index = statements.index(statement)
        self.article.scroll_to_offset(statement.start, statement.end)
        self.query_one(DetailsBar).show(describe(self.doc, None, statement))

    def _next_statement(self, statements: list[Statement], direction: int) -> Statement:
        """The next statement after the one we were on (or after the top of the view)."""
        if self.statement_index is not None and 0 <= self.statement_index < len(statements):
            return statements[(self.statement_index + direction) % len(statements)]
        top = self.article.top_offset()
        after = [s for s in statements if s.start >= top]
        if direction > 0:
            return after[0] if after else statements[0]
        before = [s for s in statements if s.start < top]
        return before[-1] if before else statements[-1]
