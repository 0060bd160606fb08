"""Where the bundled article lives, installed or in a source checkout."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SEED_NAME = "union-state-summit.txt"


def seed_path() -> Path:
    # In a wheel the project's seeds/ is installed as tui_reader/seeds/ (see
    # pyproject's force-include); in a source checkout it sits beside the package.
    packaged = Path(str(resources.files("tui_reader"))) / "seeds" / SEED_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds" / SEED_NAME
