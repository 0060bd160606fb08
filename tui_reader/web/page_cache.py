"""Fetched pages and feeds, kept by URL with their validators (ETag, Last-Modified).

The next fetch of the same URL asks "changed since?" and a 304 answer reuses the
stored bytes; ``--offline`` reads only from here.  An entry is one file: a JSON
header line (URLs, headers, when fetched), a newline, then the body as received
(decoded from gzip/br).  Writes are atomic; a damaged entry reads as a miss.  Past
``MAX_BYTES`` the least recently used entries go.

Where: ``$SUMMIT_READER_CACHE_DIR/pages`` or the platform's user cache dir
``…/summit-reader/pages``, beside the model cache.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

from tui_reader.store.cache import ENV_DIR
from tui_reader.store.files import atomic_write, user_dir
from tui_reader.web.fetch import Fetched

SUFFIX = ".page"
MAX_BYTES = 256 * 1024 * 1024
KEPT_HEADERS = ("content-type", "etag", "last-modified", "date")


def pages_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    return Path(override).expanduser() / "pages" if override else user_dir(ENV_DIR, "cache", "pages")


def _path(url: str, directory: Path | None) -> Path:
    return (directory or pages_dir()) / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:40] + SUFFIX)


def load(url: str, directory: Path | None = None) -> Fetched | None:
    path = _path(url, directory)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, sep, body = data.partition(b"\n")
    try:
        meta = json.loads(head) if sep else None
    except ValueError:
        meta = None
    if not isinstance(meta, dict) or meta.get("url") != url or meta.get("size") != len(body):
        return None  # damaged, truncated or another URL's
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return Fetched(body, str(meta.get("final_url") or url), dict(meta.get("headers") or {}), 200,
                   bool(meta.get("truncated")), from_cache=True, url=url)


def fetched_at(url: str, directory: Path | None = None) -> float | None:
    try:
        return _path(url, directory).stat().st_mtime
    except OSError:
        return None


def save(url: str, page: Fetched, directory: Path | None = None) -> bool:
    """Store ``page`` for ``url``; False (and no error) where the cache cannot be written."""
    meta = {"url": url, "final_url": page.final_url, "size": len(page.content), "truncated": page.truncated,
            "headers": {k: v for k, v in page.headers.items() if k in KEPT_HEADERS}, "saved": time.time()}
    path = _path(url, directory)
    try:
        atomic_write(path, [json.dumps(meta, ensure_ascii=True).encode("ascii"), b"\n", page.content],
                     durable=False)
    except OSError:
        return False
    _prune(path.parent, keep=path.name)
    return True


def validators(page: Fetched | None) -> dict[str, str]:
    """The request headers that ask the server whether ``page`` is still current."""
    if page is None:
        return {}
    asks = {}
    if page.headers.get("etag"):
        asks["If-None-Match"] = page.headers["etag"]
    if page.headers.get("last-modified"):
        asks["If-Modified-Since"] = page.headers["last-modified"]
    return asks


def info(directory: Path | None = None) -> tuple[Path, int, int]:
    """(directory, entries, bytes) of the page cache."""
    directory = directory or pages_dir()
    sizes = [p.stat().st_size for p in _entries(directory)]
    return directory, len(sizes), sum(sizes)


def clear(directory: Path | None = None) -> int:
    """Delete every stored page; how many were deleted."""
    removed = 0
    for path in _entries(directory or pages_dir()):
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _entries(directory: Path) -> list[Path]:
    try:
        return [p for p in directory.iterdir() if p.name.endswith(SUFFIX) and p.is_file()]
    except OSError:
        return []


def _prune(directory: Path, keep: str) -> None:
    try:
        entries = [(p.stat(), p) for p in directory.iterdir() if p.name.endswith(SUFFIX)]
    except OSError:
        return
    total = sum(st.st_size for st, _ in entries)
    for st, path in sorted(entries, key=lambda e: e[0].st_mtime):
        if total <= MAX_BYTES:
            break
        if path.name != keep:
            try:
                path.unlink()
                total -= st.st_size
            except OSError:
                pass
