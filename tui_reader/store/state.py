"""Per-document reading state: where the reader was, and their marks.

Keyed by content (``doc.source.sha256``, the raw bytes' hash), so a moved or renamed
file keeps its place.  Offsets are code points into ``Document.text``, never screen
lines, so a state survives a terminal resize or a different wrap width.

One small JSON file per document under the state directory:

    $SUMMIT_READER_STATE_DIR or platformdirs.user_state_dir("summit-reader")
        documents/<sha256>.json   {"version": 1, "position": 1234, "marks": {"a": 56}, ...}

API (no Textual; nothing here raises for a bad file or an unwritable directory):

    store = StateStore()                 # or StateStore(Path(...)) in tests
    state = store.load(sha)              # -> DocState(position, marks, warning)
    if state.warning: app.notify(state.warning, severity="warning")
    problem = store.save(sha, DocState(position=..., marks=...))   # -> str | None
    if problem: app.notify(problem, severity="warning")   # said once per store

    load_state(sha) / save_state(sha, state)   # the same with a fresh default store

Two readers of one document share the file: each save merges with what is on disk
under a lock (``locks/<sha256>.lock``, flock): marks are a union, the place is
the last writer's.  Writes are atomic (temp file in the same directory, fsync, ``os.replace``): a
process killed mid-write leaves the previous file whole, and whatever was saved
before stays saved.  A corrupt file is reported as a one-line warning and treated
as "no state"; the next save replaces it.  A read-only directory means the reader
works without saving (reported once).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

from tui_reader.i18n import _
from tui_reader.store.files import atomic_write_text, reason, user_dir

STATE_DIR_ENV = "SUMMIT_READER_STATE_DIR"
FORMAT_VERSION = 1

_SHA = re.compile(r"^[0-9a-fA-F]{16,128}$")


@dataclass
class DocState:
    position: int = 0
    marks: dict[str, int] = field(default_factory=dict)
    # Set by ``load`` when the saved file could not be read (not saved back).
    warning: str | None = None

    def clamped(self, text_length: int) -> DocState:
        """The same state with every offset inside a text of ``text_length`` code points
        (a safety net: the text for a hash should not change, but the loader might)."""
        def clamp(offset: int) -> int:
            return max(0, min(offset, max(text_length - 1, 0)))

        return DocState(clamp(self.position), {k: clamp(v) for k, v in self.marks.items()}, self.warning)


def state_dir() -> Path:
    return user_dir(STATE_DIR_ENV, "state")


class StateStore:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else state_dir()
        self._save_failed = False  # report an unwritable directory once, not on every save
        self.merged: DocState | None = None  # what the last save wrote (ours and another reader's marks)

    def path_for(self, sha: str) -> Path:
        return self.directory / "documents" / f"{sha.lower()}.json"

    def load(self, sha: str | None) -> DocState:
        if not _valid_sha(sha):
            return DocState()  # standard input without a hash, say: nothing to key on
        path = self.path_for(sha)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return DocState()
        except (OSError, UnicodeDecodeError) as e:
            return DocState(warning=_("Reading position not restored: cannot read {path} ({reason})").format(
                path=path, reason=reason(e)))
        try:
            return _parse(json.loads(raw))
        except (ValueError, TypeError) as e:
            return DocState(warning=_("Reading position not restored: {path} is damaged ({reason}); ignoring it").format(
                path=path, reason=reason(e)))

    def save(self, sha: str | None, state: DocState) -> str | None:
        """Write ``state`` atomically, merged with what is on disk now: another reader of
        the same document may have saved since we loaded.  Marks are a union (ours win
        for a letter both have), the position is ours (the last writer's).  The merged
        state is left in ``self.merged``.  Returns a one-line warning the first time
        saving fails (later failures are silent: the reader already knows), else None."""
        if not _valid_sha(sha):
            return None
        path = self.path_for(sha)
        try:
            lock = self.directory / "locks" / f"{sha.lower()}.lock"
            lock.parent.mkdir(parents=True, exist_ok=True)
            with _locked(lock):
                on_disk = self._read_quietly(path)
                marks = {**on_disk.marks, **state.marks}
                self.merged = DocState(position=int(state.position), marks=marks)
                data = {
                    "version": FORMAT_VERSION,
                    "position": int(state.position),
                    "marks": {str(k): int(v) for k, v in sorted(marks.items())},
                }
                atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        except OSError as e:
            if self._save_failed:
                return None
            self._save_failed = True
            return _("Reading position and marks are not being saved: {path} ({reason})").format(
                path=path.parent, reason=reason(e))
        self._save_failed = False
        return None


    def _read_quietly(self, path: Path) -> DocState:
        """What is on disk, or an empty state (a damaged file is replaced, as on load)."""
        try:
            return _parse(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, TypeError):
            return DocState()


@contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_path`` (readers of one document take turns to
    merge and write).  Where there is no ``fcntl`` the merge still happens, unlocked."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def load_state(sha: str | None) -> DocState:
    return StateStore().load(sha)


def save_state(sha: str | None, state: DocState) -> str | None:
    return StateStore().save(sha, state)


def _parse(data: object) -> DocState:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    position = data.get("position", 0)
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise ValueError(f"bad position {position!r}")
    marks_raw = data.get("marks", {})
    if not isinstance(marks_raw, dict):
        raise ValueError("marks is not an object")
    marks: dict[str, int] = {}
    for name, offset in marks_raw.items():
        # One bad mark should not cost the reader the others.
        if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0 and len(name) == 1:
            marks[name] = offset
    return DocState(position=position, marks=marks)


def _valid_sha(sha: str | None) -> TypeGuard[str]:
    # Hex only: the hash becomes a file name, so nothing like "../" may get through.
    return sha is not None and _SHA.match(sha) is not None
