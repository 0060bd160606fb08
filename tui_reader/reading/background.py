"""Run the full analysis away from the UI: in a child process (default) or a thread.

The analysis is pure Python: in a thread it holds the GIL and the reader's keys
wait for it (a second or more per key while natasha loads).  A child process
uses the other core and leaves the UI alone; its results come back pickled.
The thread remains as a fallback (and for tests that replace the pipeline).
Neither keeps the app from quitting: the process is terminated, the thread is
a daemon.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from tui_reader.i18n import _
from tui_reader.reading.errors import error_line

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

OnProgress = Callable[[str, float], None]
OnDone = Callable[[Any], None]
OnError = Callable[[str], None]


def _child(opened: Any, conn: Any) -> None:
    """In the child process: analyse and send back ("progress", stage, share)…, then
    ("stored",) when the model is in the cache (the reader loads it from there: far
    cheaper in time and memory than pickling it over), else ("done", doc)."""
    import os

    code = 0
    try:
        from tui_reader import pipeline

        # this process analyses one document and ends: free the models once used
        doc = pipeline.finish_analysis(opened, lambda stage, share: conn.send(("progress", stage, share)),
                                       keep_models=False)
        conn.send(("stored",) if opened.stored else ("done", doc))
    except BaseException as e:  # noqa: BLE001 - everything must reach the parent as one line
        code = 1
        with suppress(OSError):  # else the reader has gone
            conn.send(("error", error_line(e, with_type=True)))
    # Leave at once (what was sent is in the pipe already): a normal interpreter exit
    # frees natasha's models and the analysis object by object, ~0.5 s on the novel,
    # while the reader, told the model is ready, loads it: both peaks at the same time.
    conn.close()
    os._exit(code)


class Analysis:
    """One background analysis; ``stop()`` ends it early (on quit)."""

    def __init__(self, opened: Any, on_progress: OnProgress, on_done: OnDone, on_error: OnError,
                 *, mode: str = "process") -> None:
        self.opened = opened
        self.on_progress = on_progress
        self.on_done = on_done
        self.on_error = on_error
        self.mode = mode
        self.process: BaseProcess | None = None
        self.thread: threading.Thread | None = None
        self.fallback_reason: str | None = None  # why a process could not be used

    def start(self) -> None:
        if self.mode == "process":
            try:
                self._start_process()
                return
            except Exception as e:  # noqa: BLE001 - no process support here (sandbox, frozen app): use a thread
                self.fallback_reason = error_line(e, with_type=True)
                self.mode = "thread"
        self.thread = threading.Thread(target=self._run_in_thread, name="summit-analysis", daemon=True)
        self.thread.start()

    def is_alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop(self) -> None:
        process = self.process
        if process is not None and process.is_alive():
            process.terminate()

    # --- a child process ------------------------------------------------------------

    def _start_process(self) -> None:
        import multiprocessing
        import sys
        from multiprocessing import resource_tracker

        # "spawn": forking a process that runs Textual's threads is not safe.
        self._context = multiprocessing.get_context("spawn")
        # multiprocessing hands its helper process sys.stderr's descriptor; inside the
        # app sys.stderr is Textual's capture object with none: lend it the real one
        # while the helper starts (here, on the UI thread, so nothing else prints).
        app_stderr = sys.stderr
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = app_stderr
        # Starting the child writes the pickled text to it, which blocks until it has
        # started Python and reads: do that off the UI thread.
        self.thread = threading.Thread(target=self._launch_and_relay, name="summit-analysis-relay", daemon=True)
        self.thread.start()

    def _launch_and_relay(self) -> None:
        try:
            # a Pipe, not a Queue: no semaphores to leak when the child is terminated on quit
            receiver, sender = self._context.Pipe(duplex=False)
            self.process = self._context.Process(target=_child, args=(self.opened, sender),
                                                 name="summit-analysis", daemon=True)
            self.process.start()
            sender.close()  # the child holds its own copy; EOF then means it has gone
        except Exception as e:  # noqa: BLE001 - could not start it after all: analyse here instead
            self.fallback_reason = error_line(e, with_type=True)
            self.mode = "thread"
            self._run_in_thread()
            return
        self._relay(receiver)

    def _relay(self, receiver: Any) -> None:
        """Pass the child's messages on until it is done (or dies without a word)."""
        while True:
            try:
                message = receiver.recv()
            except (EOFError, OSError):
                process = self.process
                code = process.exitcode if process is not None else None
                if code is None or code >= 0:  # not terminated by us (stop() gives a negative code)
                    self.on_error(_("the analysis process stopped (exit code {code})").format(code=code))
                return
            kind = message[0]
            if kind != "progress":
                self._wait_for_exit()
            if kind == "progress":
                self.on_progress(message[1], message[2])
            elif kind == "done":
                self.on_done(message[1])
                return
            elif kind == "stored":
                self._take_stored()
                return
            else:
                self.on_error(message[1])
                return

    def _wait_for_exit(self) -> None:
        """Let the child go (it exits right after its last message) before the reader
        takes the model in, so their memory peaks do not add up."""
        process = self.process
        if process is not None:
            process.join(timeout=5)

    def _take_stored(self) -> None:
        from tui_reader import pipeline

        self.opened.stored = True
        doc = pipeline.stored_model(self.opened)
        if doc is None:  # the entry vanished meanwhile (cache cleared): analyse here after all
            self._run_in_thread()
        else:
            self.on_done(doc)

    # --- a thread -------------------------------------------------------------------

    def _run_in_thread(self) -> None:
        import sys

        from tui_reader import pipeline

        # Pure Python holding the GIL: hand it over more often so keys stay responsive.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        try:
            doc = pipeline.finish_analysis(self.opened, self.on_progress)
        except Exception as e:  # noqa: BLE001 - whatever failed is said, in one line (on_error)
            self.on_error(error_line(e, with_type=True))
            return
        finally:
            sys.setswitchinterval(interval)
        self.on_done(doc)
