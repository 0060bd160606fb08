"""The file helpers the cache, the reading state and the settings share."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui_reader.store import files


def test_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "deeper" / "entry.bin"
    files.atomic_write(target, [b"old"])
    files.atomic_write(target, [b"new ", b"parts"], durable=False)
    assert target.read_bytes() == b"new parts"
    assert sorted(p.name for p in target.parent.iterdir()) == ["entry.bin"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "state.json"
    files.atomic_write_text(target, "before")

    def parts():
        yield b"half of it"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        files.atomic_write(target, parts(), temp_prefix=".tmp-", temp_suffix=".json")
    assert target.read_text() == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_user_dir_override_and_platform_default(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_READER_TEST_DIR", "~/somewhere")
    assert files.user_dir("SUMMIT_READER_TEST_DIR", "cache", "models") == Path(os.path.expanduser("~/somewhere"))
    monkeypatch.delenv("SUMMIT_READER_TEST_DIR")
    default = files.user_dir("SUMMIT_READER_TEST_DIR", "cache", "models")
    assert default.name == "models" and files.APP_NAME in default.parts


def test_reason_is_the_os_phrase_or_the_first_line():
    assert files.reason(PermissionError(13, "Permission denied")) == "Permission denied"
    assert files.reason(ValueError("first\nsecond")) == "first"
    assert files.reason(ValueError("")) == "ValueError"
