"""Which feed items the user has read: one small JSON file in the state directory.

    $SUMMIT_READER_STATE_DIR/feeds-read.json   {"read": {item key: when (epoch s)}}

Written atomically; a damaged file reads as "nothing read" (and is replaced on the
next save).  Keys older than ``KEEP_DAYS`` are forgotten: feeds drop old items long
before that.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.i18n import _
from tui_reader.store.files import atomic_write_text
from tui_reader.store.state import state_dir

if TYPE_CHECKING:
    from tui_reader.web.feeds import Item

FILE_NAME = "feeds-read.json"
KEEP_DAYS = 180


class ReadItems:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_dir() / FILE_NAME
        self.read: dict[str, float] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.read = {str(k): float(v) for k, v in data.get("read", {}).items()}
        except (OSError, ValueError, AttributeError, TypeError):
            pass

    def is_read(self, key: str) -> bool:
        return key in self.read

    def unread(self, items: Iterable[Item]) -> int:
        return sum(1 for item in items if item.key not in self.read)

    def mark(self, key: str, read: bool = True) -> str | None:
        """Record it; None, or a one-line warning when the file cannot be written."""
        if read:
            self.read[key] = time.time()
        else:
            self.read.pop(key, None)
        oldest = time.time() - KEEP_DAYS * 86400
        self.read = {k: t for k, t in self.read.items() if t >= oldest}
        try:
            atomic_write_text(self.path, json.dumps({"read": self.read}, ensure_ascii=False))
        except OSError as e:
            return _("Cannot save which items are read: {path} ({reason})").format(path=self.path,
                                                                                  reason=e.strerror or e)
        return None
