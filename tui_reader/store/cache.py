"""The on-disk model cache: one file per analysed document, in the user's cache directory.

An entry is found by a key made of the raw file's sha256 and the options that
change what decoding gives (the encoding override, the file name's suffix, which
may decide the format).  The caller's model version (``pipeline.MODEL_VERSION``:
the analysers', the loader's and the package's) is written in the entry's header and
checked on reading, so a newer analyser overwrites the older entry in place instead
of leaving it behind; a foreign, damaged or truncated entry reads as a miss.  The
version is passed in, not computed here: the store knows nothing of the analysers.  Past ``MAX_CACHE_BYTES`` the least recently used entries are deleted.

The cache never gets in the reader's way: a directory that is missing, cannot be
created or is read-only means "no cache", not an error.  Writes go to a temporary
file in the same directory and are moved into place with ``os.replace``, so a
reader sees either the old entry, no entry or the new one whole, and two
processes storing the same document at once each replace it with a whole file.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_reader.model import Document
from tui_reader.store.codec import FormatError, decode_entry, encode_parts
from tui_reader.store.files import atomic_write, user_dir

__all__ = [
    "ENV_DIR",
    "MAX_CACHE_BYTES",
    "SUFFIX",
    "Entry",
    "Info",
    "cache_dir",
    "cache_key",
    "clear",
    "info",
    "load",
    "prune",
    "save",
]

ENV_DIR = "SUMMIT_READER_CACHE_DIR"
SUFFIX = ".model"
TEMP_PREFIX = ".tmp-"
STALE_TEMP_SECONDS = 600  # a temporary file older than this was left by a killed writer


# Past this the least recently used entries go (an article's entry is ~25–100 KB,
# the 3 MB novel's ~15 MB).
MAX_CACHE_BYTES = 512 * 1024 * 1024


def cache_dir() -> Path:
    """Where entries live: $SUMMIT_READER_CACHE_DIR, else the platform's user cache dir."""
    return user_dir(ENV_DIR, "cache", "models")


def cache_key(raw_sha256: str, *, encoding: str | None = None, suffix: str = "") -> str:
    """The entry's name for a file with these raw bytes opened with these options."""
    options = f"{(encoding or '').strip().lower()}|{suffix.lower()}"
    if options == "|":
        return raw_sha256
    return f"{raw_sha256}-{hashlib.sha256(options.encode()).hexdigest()[:16]}"


@dataclass
class Entry:
    doc: Document
    extra: dict[str, Any]


def load(key: str, directory: Path | None = None, *, version: str) -> Entry | None:
    """The stored model for ``key`` made by ``version``, or None (absent, foreign, made
    by another version, damaged, unreadable)."""
    path = (directory or cache_dir()) / (key + SUFFIX)
    data = _read_entry(path)
    if data is None:
        return None
    try:
        doc, extra = decode_entry(data, version)
    except FormatError:
        return None
    if doc.source.sha256 and not key.startswith(doc.source.sha256):
        return None  # a file moved in under another's name
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return Entry(doc, extra)


def save(key: str, doc: Document, extra: dict[str, Any] | None = None, directory: Path | None = None, *,
         version: str) -> bool:
    """Store ``doc`` under ``key``, made by ``version``; False (and no error) where the
    cache cannot be written."""
    directory = directory or cache_dir()
    try:
        parts = encode_parts(doc, version, extra)
    except (TypeError, ValueError, OverflowError):
        # A model field the format cannot hold (tests/test_store.py keeps this from
        # happening): the reader goes on without a cache rather than failing.
        return False
    try:
        # Not durable (no fsync): a lost entry costs one re-analysis, syncing the novel's
        # 15 MB would cost every save.
        atomic_write(directory / (key + SUFFIX), parts, temp_prefix=TEMP_PREFIX, temp_suffix=SUFFIX,
                     durable=False)
    except OSError:
        return False
    prune(directory, keep=key + SUFFIX)
    return True


def prune(directory: Path, limit: int = -1, keep: str = "") -> int:
    """Delete the least recently used entries until the rest fit in ``limit`` bytes
    (default ``MAX_CACHE_BYTES``); ``keep`` names an entry never to delete.  Returns
    how many were deleted."""
    limit = MAX_CACHE_BYTES if limit < 0 else limit
    sized = []
    stale = time.time() - STALE_TEMP_SECONDS
    for path in _files(directory):
        try:
            st = path.stat()
        except OSError:
            continue
        if path.name.startswith(TEMP_PREFIX):
            if st.st_mtime < stale:  # left by a writer that was killed
                _unlink(path)
            continue  # another process may be writing it now
        sized.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in sized)
    removed = 0
    for _, size, path in sorted(sized):
        if total <= limit:
            break
        if path.name == keep or not _unlink(path):
            continue
        total -= size
        removed += 1
    return removed


def _read_entry(path: Path) -> bytes | None:
    """The bytes of a regular file of at most ``MAX_CACHE_BYTES``, else None: whatever
    sits under an entry's name (a symlink to /dev/zero, a FIFO) must not fill the
    memory or block the reader.  Opened without blocking, then checked, then read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_CACHE_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(st.st_size + 1)
        return data if len(data) <= st.st_size else None  # grown while read: another writer's
    except OSError:
        return None
    finally:
        os.close(fd)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False


@dataclass
class Info:
    directory: Path
    entries: int
    size: int  # bytes, entries and leftover temporary files


def info(directory: Path | None = None) -> Info:
    directory = directory or cache_dir()
    entries = size = 0
    for path in _files(directory):
        try:
            size += path.stat().st_size
        except OSError:
            continue
        entries += not path.name.startswith(TEMP_PREFIX)
    return Info(directory, entries, size)


def clear(directory: Path | None = None, failed: list[tuple[Path, OSError]] | None = None) -> int:
    """Delete every entry (and leftover temporary file); the number of entries deleted.
    Entries that could not be deleted are added to ``failed`` with the reason."""
    removed = 0
    for path in _files(directory or cache_dir()):
        try:
            path.unlink()
        except OSError as e:
            if failed is not None and not path.name.startswith(TEMP_PREFIX):
                failed.append((path, e))
            continue
        removed += not path.name.startswith(TEMP_PREFIX)
    return removed


def _files(directory: Path) -> list[Path]:
    try:
        return [p for p in directory.iterdir() if p.name.endswith(SUFFIX) and p.is_file()]
    except OSError:
        return []
