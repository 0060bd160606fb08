"""Where the bundled article lives, installed or in a source checkout."""
from __future__ import annotations

from pathlib import Path

SEED_NAME = "union-state-summit.txt"


def seed_path() -> Path:
    # In a wheel the project's seeds/ is installed as tui_reader/seeds/ (see pyproject's
    # force-include); in a source checkout it sits beside the package.  (The package is
    # always plain files, so its folder is found from here: importlib.resources would
    # say the same and cost ~1.3 ms of the reader's start to import.)
    package = Path(__file__).resolve().parent
    packaged = package / "seeds" / SEED_NAME
    if packaged.is_file():
        return packaged
    return package.parent / "seeds" / SEED_NAME
