"""Two pieces of work at once (``analysis/side_by_side.py``), and the one use it has: a big
text's index and topics, which must come out as if made one after the other."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import asdict, replace

import pytest

from tests.test_chunked_speakers import SECTIONS
from tui_reader.analysis import analyse
from tui_reader.analysis import side_by_side as module
from tui_reader.analysis.side_by_side import side_by_side
from tui_reader.analysis.speakers.chunks import can_fork
from tui_reader.analysis.topics import build_topics

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork here")


def no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@needs_fork
def test_the_second_piece_runs_in_another_process() -> None:
    here, there = side_by_side(os.getpid, os.getpid)
    assert here == os.getpid()
    assert there != os.getpid()
    assert no_child_left()


@needs_fork
def test_what_the_helper_fails_to_do_is_done_here() -> None:
    parent = os.getpid()

    def fails_elsewhere() -> int:
        if os.getpid() != parent:
            raise RuntimeError("the helper's trouble")
        return parent

    def dies_elsewhere() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return parent

    assert side_by_side(lambda: 1, fails_elsewhere) == (1, parent)
    assert side_by_side(lambda: 1, dies_elsewhere) == (1, parent)
    assert no_child_left()


@needs_fork
def test_a_failure_here_leaves_no_helper_behind() -> None:
    def fails() -> int:
        raise ValueError("here")

    started = time.monotonic()
    with pytest.raises(ValueError, match="here"):
        side_by_side(fails, lambda: time.sleep(120))
    assert time.monotonic() - started < 60  # it was stopped, not waited for
    assert no_child_left()


def test_with_another_thread_running_both_run_here() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert side_by_side(os.getpid, os.getpid) == (os.getpid(), os.getpid())
    finally:
        stop.set()
        other.join()


def written_article() -> str:
    parts = ["Новости недели"]
    for title, paragraphs in SECTIONS * 2:  # (twice: phrases that recur make topics)
        parts.append(title)
        parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


def test_the_topics_are_the_same_without_the_index() -> None:
    # what lets the topics be made beside the index, which is not there yet
    doc = analyse(written_article())
    with_index = build_topics(doc)
    assert any(t.kind == "phrase" for t in with_index) and any(t.kind == "speaker" for t in with_index)
    without = build_topics(replace(doc, index=None))
    assert [asdict(t) for t in without] == [asdict(t) for t in with_index]


def test_a_big_text_gets_the_index_and_topics_of_a_small_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui_reader.analysis as analysis

    small = analyse(written_article())
    monkeypatch.setattr(analysis, "CHUNKED_ABOVE", 100)  # the written text counts as big
    calls = []

    def counted(here, there):  # type: ignore[no-untyped-def]
        calls.append(there)
        return side_by_side(here, there)

    monkeypatch.setattr(module, "side_by_side", counted)
    big = analyse(written_article())
    assert len(calls) == 1
    assert asdict(big.index) == asdict(small.index)
    assert [asdict(t) for t in big.topics] == [asdict(t) for t in small.topics]
