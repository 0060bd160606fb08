"""Item 5: two readers of one article keep each other's marks.

Each reader used to write the whole set it loaded at start, so the last one to save
erased the other's marks.  Saves now merge with the file under a lock.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from tui_reader.store.state import DocState, StateStore

pytestmark = pytest.mark.hostile

SHA = "ab" * 32


def test_the_second_saver_keeps_the_first_ones_marks(tmp_path):
    first, second = StateStore(tmp_path), StateStore(tmp_path)
    assert first.load(SHA).marks == second.load(SHA).marks == {}
    assert first.save(SHA, DocState(10, {"a": 5})) is None
    assert second.save(SHA, DocState(20, {"b": 7})) is None
    state = StateStore(tmp_path).load(SHA)
    assert state.marks == {"a": 5, "b": 7}
    assert state.position == 20  # the place is the last writer's
    assert second.merged.marks == {"a": 5, "b": 7}


def test_a_letter_both_set_is_the_last_writers(tmp_path):
    first, second = StateStore(tmp_path), StateStore(tmp_path)
    first.save(SHA, DocState(1, {"a": 5}))
    second.save(SHA, DocState(2, {"a": 9}))
    assert StateStore(tmp_path).load(SHA).marks == {"a": 9}


WRITER = """
import sys
from tui_reader.store.state import DocState, StateStore
store, letters = StateStore(sys.argv[1]), sys.argv[2]
marks = {}
for n, letter in enumerate(letters):
    marks[letter] = n
    assert store.save(sys.argv[3], DocState(n, dict(marks))) is None
"""


def test_two_processes_saving_at_once_lose_no_mark(tmp_path):
    halves = ("abcdefghijklm", "nopqrstuvwxyz")
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), letters, SHA]) for letters in halves]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    assert set(StateStore(tmp_path).load(SHA).marks) == set("".join(halves))
    leftovers = [p.name for p in (tmp_path / "documents").iterdir() if not p.name.endswith(".json")]
    assert leftovers == []


def test_the_app_learns_marks_another_reader_set(tmp_path, monkeypatch):
    from tui_reader.model import Document, Source
    from tui_reader.reading.place import ReadingPlace

    doc = Document(text="x" * 100, source=Source(sha256=SHA))
    mine, theirs = ReadingPlace(doc, StateStore(tmp_path)), ReadingPlace(doc, StateStore(tmp_path))
    theirs.marks.set("q", 40)
    theirs.save(10)
    mine.marks.set("w", 50)
    mine.save(20)
    assert mine.marks.get("q") == 40 and mine.marks.get("w") == 50
