"""A short digest of source files: the cache keys on the code that made a model, so a
changed rule or loader never meets models cached before it (nobody has to remember to
bump a version number).  Reading a few dozen small files costs well under a millisecond."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def fingerprint(paths: Iterable[Path], length: int = 12) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in paths if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:length]
