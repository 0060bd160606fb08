"""less's keys the reader's users have in their fingers: counts, percent and line jumps,
``=``, ``:n``/``:p`` between files, ``v`` to edit, and the position in the title bar.

A mixin of ``ReaderApp``, typed against ``ReaderHost``.  A count (``5j``, ``10G``, ``50%``) is typed as digits
before the key; the key router collects them and sets ``self.count`` while the
key's action runs, so every action below reads ``self.count`` (None: no count).
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable

from textual import events

from tui_reader.app.reader_host import ReaderHost
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.i18n import _
from tui_reader.reading.sanitize import one_line


def line_of(text: str, offset: int) -> int:
    """The 1-based line of ``text`` holding ``offset``."""
    return text.count("\n", 0, offset) + 1


def offset_of_line(text: str, line: int) -> int:
    """Where 1-based ``line`` starts (the last line for one past the end)."""
    offset = 0
    for _n in range(max(0, line - 1)):
        found = text.find("\n", offset)
        if found < 0:
            break
        offset = found + 1
    return offset


def source_name(path: str) -> str:
    return _("standard input") if path == "-" else path


def position_text(article: ArticleView) -> str:
    """"42%" of the text above the bottom of the view, or "END" at the end."""
    total = article.virtual_size.height
    if total <= 0:
        return ""
    if article.scroll_y >= article.max_scroll_y:
        return _("END")
    seen = min(total, article.scroll_y + article.scrollable_content_region.height)
    return f"{int(100 * seen / total)}%"


class LessKeys:
    # what the keys below set on the app (declared here as ReaderApp has them)
    key_reader: Callable[[events.Key], bool] | None = None
    switch_to: int | None = None
    start_line: int | None = None

    # --- the position, as less shows it ------------------------------------------------

    def position_text(self: ReaderHost) -> str:
        """"42%" of the text above the bottom of the view, or "END" at the end (the title bar's)."""
        return position_text(self.article)

    def action_file_info(self: ReaderHost) -> None:
        """``=`` / ``ctrl+g``: file, section, line and percent."""
        doc = self.doc
        offset = self.article.top_offset()
        section = self.article.section_at_top()
        title = doc.sections[section].title if 0 <= section < len(doc.sections) else None
        path = source_name(self.source_label or self.doc.source.path or "")
        parts = [path]
        if len(self.files) > 1:
            parts.append(_("file {n} of {total}").format(n=self.file_index + 1, total=len(self.files)))
        if title:
            parts.append(_("section «{title}»").format(title=title))
        parts.append(_("line {line} of {total}").format(line=line_of(doc.text, offset),
                                                        total=line_of(doc.text, len(doc.text))))
        parts.append(position_text(self.article))
        self.notify(one_line(" — ".join(p for p in parts if p), 300), markup=False, timeout=5)

    # --- counted moves -----------------------------------------------------------------

    def action_percent(self: ReaderHost) -> None:
        """``50%`` / ``50p``: that far into the text (no count: the top, as less's ``p``)."""
        percent = max(0, min(100, self.count or 0))
        self.record_jump()
        article = self.article
        article.scroll_to_line(round(article.max_scroll_y * percent / 100))

    def go_to_text_line(self: ReaderHost, line: int) -> None:
        self.record_jump()
        self.article.put_at_top(offset_of_line(self.doc.text, line))

    # --- several files: :n and :p --------------------------------------------------------

    def action_colon(self: ReaderHost) -> None:
        """``:`` then ``n`` or ``p`` (next or previous file, as in less)."""
        self.notify(_(":n next file, :p previous file"), timeout=2)

        def switch(step: int) -> None:
            target = self.file_index + step
            if not 0 <= target < len(self.files):
                self.notify(_("No next file.") if step > 0 else _("No previous file."), timeout=2)
                return
            self.switch_to = target
            self.save_place(now=True)
            self.exit(0)

        def read(event: events.Key) -> bool:
            if event.character in ("n", "т"):
                switch(1)
            elif event.character in ("p", "з"):
                switch(-1)
            return True  # the key after ':' is the command's, whatever it is

        self.key_reader = read

    # --- v: the file in the user's editor ------------------------------------------------

    def action_edit(self: ReaderHost) -> None:
        path = self.doc.source.path
        if not path or path == "-" or not os.path.isfile(path):
            message = _("A web page cannot be edited: there is no file.") if self.doc.source.url else \
                _("Standard input cannot be edited: there is no file.")
            self.notify(message, severity="warning", timeout=3)
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        argv = shlex.split(editor)
        if not argv or not shutil.which(argv[0]):
            self.notify(_("No editor found: set VISUAL or EDITOR."), severity="warning", timeout=4)
            return
        line = line_of(self.doc.text, self.article.top_offset())
        try:
            with self.suspend():
                subprocess.call([*argv, f"+{line}", path])
        except Exception as e:  # noqa: BLE001 - no suspend here (a test, Windows) or the editor failed
            self.notify(_("Could not run the editor: {error}").format(error=type(e).__name__),
                        severity="warning", timeout=4)
            return
        # reopen the file as it is now, at the same line
        self.switch_to = self.file_index
        self.start_line = line
        self.save_place(now=True)
        self.exit(0)
