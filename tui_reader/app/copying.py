"""Taking text out of the reader: ``y`` copies the quote or statement being read,
the palette's "Export digest" writes who said what as Markdown.

A mixin of ``ReaderApp``, typed against ``ReaderHost``.
"""
from __future__ import annotations

from pathlib import Path

from tui_reader.app.reader_host import ReaderHost
from tui_reader.i18n import _
from tui_reader.reading.sanitize import inert, one_line, strip_controls


class Copying:
    def action_copy(self: ReaderHost) -> None:
        """Copy the quote or statement being read (the chosen one, else the one at the top)."""
        from tui_reader.model_queries import citation_at

        state = self.state
        statements = self.article.highlights.statements_of(state.speaker)
        offset = self.article.top_offset()
        if state.statement is not None and 0 <= state.statement < len(statements):
            offset = statements[state.statement].start
        text = citation_at(self.doc, offset)
        if not text:
            self.notify(_("Nothing to copy here: no quote or statement at the top of the view."), timeout=2)
            return
        cleaned = strip_controls(text)

        def copy() -> None:
            """In a thread: a clipboard tool may take a moment (or hang until its timeout)."""
            from tui_reader.reading.clipboard import copy_with_tools

            used = copy_with_tools(cleaned)
            self.call_from_thread(copied, used)

        def copied(used: str | None) -> None:
            if used is None:
                # the last resort: the terminal may copy it, or not (tmux, by default, does not)
                self.copy_to_clipboard(cleaned)
                how = _("sent to the terminal (OSC 52): copied only if the terminal accepts it")
            elif used == "tmux":
                how = _("into tmux's paste buffer (prefix ] pastes)")
            else:
                how = _("with {tool}").format(tool=used)
            shown = one_line(cleaned, 60)
            self.notify(_("Copied {how}: {text}").format(how=how, text=shown), markup=False, timeout=4)

        self.run_worker(copy, thread=True, group="copy")

    def action_export_digest(self: ReaderHost) -> None:
        """The who-said-what digest as Markdown, beside the file (or here, for stdin)."""
        from tui_reader.digest import render_markdown

        source = self.doc.source.path
        target = Path(source).with_suffix(".digest.md") if source and source != "-" else Path("digest.md")
        try:
            target.write_text(render_markdown(self.doc), encoding="utf-8")
        except OSError as e:
            self.notify(_("Digest not saved: {error}").format(error=e.strerror or type(e).__name__),
                        severity="warning", markup=False)
            return
        self.notify(_("Digest saved: {path}").format(path=inert(str(target))), markup=False, timeout=5)
