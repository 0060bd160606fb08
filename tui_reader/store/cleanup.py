"""Temporary files left by a writer that was killed (``kill -9`` mid-write): removed at start.

Every store writes beside the target and renames (``files.atomic_write``); a process
killed in between leaves its temporary file for ever (a 4.3 MB cache temp was seen).
Only files older than ``STALE_SECONDS`` go: a younger one may be another reader's
write in progress.  Never raises; runs in a background thread at start-up.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

STALE_SECONDS = 600

# (directory's environment override, platformdirs kind, subdirectory, how a temporary file is named)
_PLACES = (
    ("SUMMIT_READER_CACHE_DIR", "cache", "models", lambda n: n.startswith(".tmp-") and n.endswith(".model")),
    ("SUMMIT_READER_STATE_DIR", "state", "", None),  # looked at in documents/ below
    ("SUMMIT_READER_CONFIG_DIR", "config", "", lambda n: n.startswith(".config.toml.") and n.endswith(".tmp")),
)


def _state_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp") and ".json." in name


def remove_stale_temps(now: float | None = None) -> int:
    """Delete stale temporary files of the cache, the reading state and the settings;
    how many were deleted."""
    from tui_reader.store.files import user_dir

    limit = (now if now is not None else time.time()) - STALE_SECONDS
    removed = 0
    for env, kind, sub, is_temp in _PLACES:
        try:
            directory = user_dir(env, kind, sub)
        except Exception:  # noqa: BLE001 - no home directory, say: nothing to clean
            continue
        if is_temp is None:
            directory, is_temp = directory / "documents", _state_temp
        removed += _remove_old(directory, is_temp, limit)
    return removed


def _remove_old(directory: Path, is_temp: Callable[[str], bool], limit: float) -> int:
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        try:
            if is_temp(entry.name) and entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < limit:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def clean_in_background() -> None:
    """Start ``remove_stale_temps`` without delaying start-up."""
    threading.Thread(target=remove_stale_temps, name="stale-temps", daemon=True).start()
