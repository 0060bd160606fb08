"""The full analysis, run in the background while the structure-only model is read
(``reading.background``): its progress in the status bar and the sidebar, its
failure said.  Its model arrives as ``AnalysisDone``: ``ReaderApp.swap_document``.

A mixin of ``ReaderApp``.
"""
from __future__ import annotations

import threading
from contextlib import suppress
from typing import TYPE_CHECKING

from textual.app import App

from tui_reader.app.messages import AnalysisDone, AnalysisFailed, AnalysisProgress
from tui_reader.app.widgets.sidebar import Sidebar
from tui_reader.app.widgets.status_bars import AnalysisStatus
from tui_reader.i18n import _

if TYPE_CHECKING:
    from tui_reader.pipeline import Opened
    from tui_reader.reading.background import Analysis


class FullAnalysis(App[int]):
    opened: Opened | None = None
    analysis: Analysis | None = None
    analysis_mode: str = "process"  # or "thread" (``reading.background``)

    def _analyse(self) -> None:
        """Start the full analysis in the background (see ``reading.background``); it
        reports through messages, which are safe to post from its thread."""
        from tui_reader.reading.background import Analysis

        assert self.opened is not None

        def post(message: AnalysisProgress | AnalysisDone | AnalysisFailed) -> None:
            with suppress(RuntimeError):  # the event loop closed as the app exited: nobody to tell
                self.post_message(message)

        self.analysis = Analysis(self.opened, lambda stage, share: post(AnalysisProgress(stage, share)),
                                 lambda doc: post(AnalysisDone(doc)), lambda error: post(AnalysisFailed(error)),
                                 mode=self.analysis_mode)
        self.analysis.start()

    @property
    def analysis_thread(self) -> threading.Thread | None:
        """The thread that runs or relays the analysis (tests wait on it)."""
        return self.analysis.thread if self.analysis is not None else None

    def on_unmount(self) -> None:
        if self.analysis is not None:
            self.analysis.stop()

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        for status in self.query(AnalysisStatus):
            status.report(message.stage, message.share)
        self.query_one(Sidebar).analysis_progress(message.share)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        for status in self.query(AnalysisStatus):
            status.remove()
        self.query_one(Sidebar).analysis_failed()
        self.notify(_("Analysis failed: {message}").format(message=message.error), severity="error", markup=False)

