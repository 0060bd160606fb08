"""Reading position and marks: kept per document content, atomically, never fatal."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tui_reader.store.state import DocState, StateStore, load_state, save_state

SHA = "0123456789abcdef" * 4
OTHER = "fedcba9876543210" * 4


@pytest.fixture
def state_dir(tmp_path, monkeypatch):
    path = tmp_path / "state"
    monkeypatch.setenv("SUMMIT_READER_STATE_DIR", str(path))
    return path


def test_nothing_saved_yet_is_the_start(state_dir):
    state = load_state(SHA)
    assert state == DocState(position=0, marks={})
    assert state.warning is None


def test_round_trip_and_documents_are_kept_apart(state_dir):
    assert save_state(SHA, DocState(position=1234, marks={"a": 10, "ж": 99})) is None
    assert save_state(OTHER, DocState(position=7)) is None
    assert load_state(SHA) == DocState(position=1234, marks={"a": 10, "ж": 99})
    assert load_state(OTHER).position == 7


def test_survives_a_restart_in_a_new_process(state_dir):
    code = ("from tui_reader.store.state import DocState, save_state\n"
            f"save_state({SHA!r}, DocState(position=4321, marks={{'q': 5}}))\n")
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ})
    assert load_state(SHA) == DocState(position=4321, marks={"q": 5})
    code = ("from tui_reader.store.state import load_state\n"
            f"s = load_state({SHA!r}); print(s.position, s.marks)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["4321", "{'q':", "5}"]


def test_keyed_by_content_not_path(state_dir):
    # The app keys on doc.source.sha256; the same hash from another path finds the state.
    from tui_reader.model import Source

    save_state(Source(path="/old/place.txt", sha256=SHA).sha256, DocState(position=42))
    assert load_state(Source(path="/new/place.txt", sha256=SHA).sha256).position == 42


def test_atomic_write_leaves_no_temp_files_and_replaces_whole(state_dir):
    store = StateStore()
    for position in range(5):
        store.save(SHA, DocState(position=position))
    files = sorted(p.name for p in store.path_for(SHA).parent.iterdir())
    assert files == [f"{SHA}.json"]
    assert json.loads(store.path_for(SHA).read_text())["position"] == 4


def test_a_failed_write_keeps_the_previous_state(state_dir, monkeypatch):
    store = StateStore()
    store.save(SHA, DocState(position=100, marks={"a": 1}))

    def crash(src, dst):  # the process "dies" between writing the temp file and renaming it
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    problem = store.save(SHA, DocState(position=999))
    assert problem and "not being saved" in problem and "\n" not in problem
    monkeypatch.undo()
    assert StateStore(state_dir).load(SHA) == DocState(position=100, marks={"a": 1})
    assert [p.name for p in store.path_for(SHA).parent.iterdir()] == [f"{SHA}.json"]


@pytest.mark.parametrize("content", [
    "{not json", '["a list"]', '{"position": "far"}', '{"position": -3}', '{"marks": [1, 2]}', "\xff\xfe",
])
def test_corrupt_file_is_reported_and_ignored(state_dir, content):
    store = StateStore()
    path = store.path_for(SHA)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="latin-1")
    state = store.load(SHA)
    assert (state.position, state.marks) == (0, {})
    assert state.warning and str(path) in state.warning and "\n" not in state.warning
    # The next save replaces the damaged file.
    assert store.save(SHA, DocState(position=5)) is None
    assert store.load(SHA) == DocState(position=5)


def test_bad_marks_are_dropped_one_by_one(state_dir):
    store = StateStore()
    path = store.path_for(SHA)
    path.parent.mkdir(parents=True)
    path.write_text('{"position": 3, "marks": {"a": 1, "bb": 2, "c": "x", "d": -1, "e": 4}}')
    assert store.load(SHA) == DocState(position=3, marks={"a": 1, "e": 4})


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_directory_works_without_saving(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        store = StateStore(ro)
        first = store.save(SHA, DocState(position=1))
        assert first and "not being saved" in first
        assert store.save(SHA, DocState(position=2)) is None  # said once
        assert store.load(SHA) == DocState()
    finally:
        ro.chmod(0o700)


def test_unwritable_directory_even_as_root(tmp_path):
    # A file where the directory should be: unwritable for anyone.
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    store = StateStore(blocker)
    assert store.save(SHA, DocState(position=1))
    state = store.load(SHA)
    assert (state.position, state.marks) == (0, {})


def test_no_hash_or_a_hostile_one_is_never_a_path(state_dir):
    assert save_state(None, DocState(position=1)) is None
    assert load_state(None) == DocState()
    assert save_state("../../etc/passwd", DocState(position=1)) is None
    assert not state_dir.exists()


def test_clamped_keeps_offsets_inside_the_text():
    state = DocState(position=500, marks={"a": 10, "b": 900})
    assert state.clamped(100) == DocState(position=99, marks={"a": 10, "b": 99})
