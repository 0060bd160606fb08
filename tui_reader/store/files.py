"""What the stores share about files: where the user's directories are, replacing a file
atomically, and an OS error in a few words."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

APP_NAME = "summit-reader"


def user_dir(env_var: str, kind: str, subdir: str = "") -> Path:
    """``$env_var`` if set (tests, portable set-ups), else the platform's user directory of
    this ``kind`` ("cache", "config", "state") for the app, plus ``subdir``.  platformdirs
    is imported only here, so the override path never pays for it."""
    override = os.environ.get(env_var)
    if override:
        return Path(override).expanduser()
    import platformdirs

    base = Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME))
    return base / subdir if subdir else base


def atomic_write(path: Path, parts: Iterable[bytes], *, temp_prefix: str | None = None,
                 temp_suffix: str = ".tmp", durable: bool = True) -> None:
    """Replace ``path`` with ``parts`` written one after the other, so that a reader (or a
    crash) only ever sees the old file or the new one, never half of one.

    The temporary file lives beside ``path`` (``os.replace`` is atomic only within one
    file system), named ``temp_prefix``…``temp_suffix`` so its owner can recognise a
    leftover.  ``durable`` fsyncs before the rename: what the user saved must survive a
    power cut; a cache entry need not (losing it costs a re-analysis, syncing costs time).
    Raises OSError, leaving no temporary file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = temp_prefix if temp_prefix is not None else f".{path.name}."
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=temp_suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.writelines(parts)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """``atomic_write`` of UTF-8 text, durably (settings and reading state)."""
    atomic_write(path, [text.encode("utf-8")])


def reason(e: BaseException) -> str:
    """Why an operation failed, in a few words for a one-line message: the OS's own
    phrase ("Permission denied") where there is one, else the first line of the error."""
    text = getattr(e, "strerror", None) or str(e)
    return text.splitlines()[0] if text.strip() else type(e).__name__
