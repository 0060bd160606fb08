"""Two independent pieces of work at once: one here, one in a forked helper.

After a big text's speakers are found, its search index and its topics are left, both
pure Python of a second or two on the novel and independent of each other (the topics
find the words themselves when there is no index yet): one core would do both while the
other waits.  ``side_by_side`` runs the second in a forked helper, which shares this
process's memory copy-on-write and sends back only its result.

Forking needs a process with no other thread (``chunks.can_fork``); elsewhere, or if the
helper fails or dies, the second piece runs here after the first, so the result never
depends on the helper.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable
from contextlib import suppress
from typing import Any, NoReturn, TypeVar

A = TypeVar("A")
B = TypeVar("B")


def side_by_side(here: Callable[[], A], there: Callable[[], B]) -> tuple[A, B]:
    """``(here(), there())``, the two computed at the same time when a helper can be forked."""
    from tui_reader.analysis.speakers.chunks import can_fork

    if not can_fork():
        return here(), there()
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    gc.freeze()  # the collector would touch (so copy) every page of the objects shared now
    # os.fork, not multiprocessing.Process: the reader's analysis process is a daemon,
    # and multiprocessing lets no daemon have children
    pid = os.fork()
    if pid == 0:
        receiver.close()
        _helper(there, sender)  # never returns
    sender.close()
    answer: tuple[Any, ...] = ()
    try:
        first = here()
        with suppress(EOFError, OSError):  # (it died without a word)
            answer = receiver.recv()
    finally:
        receiver.close()
        if not answer:  # here() failed, or the helper did: it has nothing more to do
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)
        gc.unfreeze()
    return first, (answer[1] if answer and answer[0] == "done" else there())


def _helper(work: Callable[[], Any], sender: Any) -> NoReturn:
    """(The forked helper) compute, send ("done", result) or ("failed",), and leave at once:
    nothing of the parent's is to be cleaned up here."""
    code = 1
    try:
        try:
            answer: tuple[Any, ...] = ("done", work())
        except Exception:  # noqa: BLE001 - the parent does the work itself (and sees why)
            answer = ("failed",)
        sender.send(answer)
        sender.close()
        code = 0
    finally:
        os._exit(code)
