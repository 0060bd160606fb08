"""The reader's moving keys: lines, pages, ends, sections, statements and marks.

A mixin of ``ReaderApp`` (kept apart from the wiring of panes and messages), typed
against ``ReaderHost``.  The article does the scrolling itself; here is what a key
means for the reader (a jump that '' can undo, "back to this section's start
first", the next statement, a mark).
"""
from __future__ import annotations

from dataclasses import replace

from tui_reader.app.messages import JumpTo
from tui_reader.app.reader_host import ReaderHost
from tui_reader.i18n import _
from tui_reader.model import Statement
from tui_reader.reading.marks import BACK


class Navigation:
    def record_jump(self: ReaderHost) -> None:
        """Remember where the reader was, for '' (back to before the jump)."""
        self.marks.record_jump(self.article.top_offset())

    # ``self.count``: a count typed before the key (5j, 10G), None without one

    def action_scroll_lines(self: ReaderHost, lines: int) -> None:
        self.article.scroll_by(lines * (self.count or 1))

    def action_page(self: ReaderHost, direction: int) -> None:
        self.article.page(direction * (self.count or 1))

    def action_half_page(self: ReaderHost, direction: int) -> None:
        if self.count:  # as in less: a count with d/u is that many lines
            self.article.scroll_by(direction * self.count)
        else:
            self.article.half_page(direction)

    def action_top(self: ReaderHost) -> None:
        if self.count:  # 10g: line 10
            self.go_to_text_line(self.count)
            return
        self.record_jump()
        self.article.scroll_to_line(0)

    def action_bottom(self: ReaderHost) -> None:
        if self.count:  # 10G: line 10
            self.go_to_text_line(self.count)
            return
        self.record_jump()
        self.article.scroll_to_line(self.article.max_scroll_y)

    def action_section(self: ReaderHost, direction: int) -> None:
        article = self.article
        sections = len(self.doc.sections)
        if not sections:
            return
        current = article.section_at_top()
        top_line = int(article.scroll_y)
        line = article.lines.section_line.get(current, 0)
        # N well inside a section: back to its start first, as in a pager
        target = current if direction < 0 and top_line > max(0, line - 1) + 1 else current + direction
        if 0 <= target < sections:
            self.record_jump()
            article.scroll_to_section(target)
        elif direction > 0:
            self.notify(_("This is the last section."), timeout=2)
        else:
            article.scroll_to_line(0)

    def action_step(self: ReaderHost, direction: int) -> None:
        """n / N: the next search hit while searching, else the next statement (of the
        chosen speaker, if one is chosen)."""
        search = self.search_pane()
        if search is not None and search.active:
            for _n in range(self.count or 1):
                search.next_hit() if direction > 0 else search.previous_hit()
            return
        speaker = self.state.speaker
        if speaker is None and search is not None and not search.display and search.last_query:
            self.search_again(direction)  # less: n repeats the last search after Esc
            return
        statements = self.article.highlights.statements_of(speaker)
        if not statements:
            self.notify(_("No statements to step through.") if speaker is None
                        else _("This speaker has no statements."), timeout=2)
            return
        top = self.article.top_offset()
        index = _next_statement(statements, self.state.statement, direction, top)
        for _n in range((self.count or 1) - 1):  # 3n: the third next
            index = _next_statement(statements, index, direction, top)
        self.state = replace(self.state, statement=index)
        statement = statements[index]
        self.show_offset(statement.start, statement.end)
        from tui_reader.app.widgets.details import describe  # imported when first needed, not at start

        self.show_details(describe(self.doc, None, statement))

    # --- marks: m sets one, ' goes to one, '' goes back ------------------------------------

    def action_mark_set(self: ReaderHost) -> None:
        def done(name: str | None) -> None:
            if name and name != BACK:
                self.marks.set(name, self.article.top_offset())
                self.save_place(now=True)
                self.notify(_("Mark {name} set").format(name=name), timeout=2, markup=False)

        from tui_reader.app.screens.mark_prompt import MarkPrompt  # imported when first needed, not at start

        self.push_screen(MarkPrompt("set"), done)

    def action_mark_jump(self: ReaderHost) -> None:
        def done(name: str | None) -> None:
            if name == BACK:
                target, record = self.marks.back(self.article.top_offset()), False
            elif name:
                target, record = self.marks.get(name), True
            else:
                return
            if target is None:
                self.notify(_("No mark {name}").format(name=name) if name != BACK
                            else _("No jump to go back to"),
                            timeout=2, markup=False)
                return
            # a mark is a reading place: put it back at the top, exactly (no context lines)
            if record:
                self.record_jump()
            self.article.put_at_top(target)

        from tui_reader.app.screens.mark_prompt import MarkPrompt

        self.push_screen(MarkPrompt("jump", known=self.marks.as_dict()), done)


    # --- the full-screen views: Enter jumps to the row's place ------------------------------

    def action_speakers_view(self: ReaderHost) -> None:
        """The full-screen speakers view (shares of statements, what each said)."""
        from tui_reader.app.views.speakers_view import SpeakersView

        self.push_screen(SpeakersView(self.doc), self.jump_from_view)

    def action_numbers_view(self: ReaderHost) -> None:
        """Every figure in a sortable table."""
        from tui_reader.app.views.numbers_view import NumbersView

        self.push_screen(NumbersView(self.doc), self.jump_from_view)

    def jump_from_view(self: ReaderHost, jump: JumpTo | None) -> None:
        if jump is not None:
            if jump.record:
                self.record_jump()
            self.show_offset(jump.offset, jump.end)


def _next_statement(statements: list[Statement], index: int | None, direction: int, top: int) -> int:
    """The index of the next statement after the one we were on (or after ``top``,
    the offset at the top of the view, when on none)."""
    if index is not None and 0 <= index < len(statements):
        return (index + direction) % len(statements)
    if direction > 0:
        return next((i for i, s in enumerate(statements) if s.start >= top), 0)
    return next((i for i in range(len(statements) - 1, -1, -1) if statements[i].start < top), len(statements) - 1)
