"""Standalone lines that look like headings and are not.

A web page copied as text leaves lines of its own around and inside the article:
site boilerplate ("Обновлено: 19.01.2021", "Нашли ошибку?", "Реклама"), photo
captions and credits, the items of a news feed, the questions of an interview.
Each is short, has no final period and sits over ordinary prose: the shape of a
heading.  The functions here tell them apart by what they say, not by where
they stand, with regular expressions only (this runs before the first paint).

The boilerplate phrases are data, in ``data/boilerplate.toml``, with a comment
saying why each is there.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.toml"

SKIP = "skip"  # not a heading, and no break between a heading and its text
LINKS = "links"  # introduces a list of links: the short lines after it are not headings


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any boilerplate line, a line that introduces links), each a whole-line pattern."""
    with open(DATA_FILE, "rb") as f:
        data = tomllib.load(f)

    def union(entries: list[dict]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{e['pattern']})" for e in entries) or r"(?!)", re.I)

    return union(data.get("line", [])), union(data.get("links", []))


def _bare(line: str) -> str:
    return line.strip().rstrip(":").strip()


def boilerplate(line: str) -> str | None:
    """SKIP for a line of site boilerplate, LINKS for a 'see also' line, else None."""
    bare = _bare(line)
    if not bare or len(bare) > 300:
        return None
    lines, links = _boilerplate()
    if links.fullmatch(bare):
        return LINKS
    return SKIP if lines.fullmatch(bare) else None


def not_a_heading(line: str) -> str | None:
    """Why a standalone line that looks like a heading is none: SKIP, LINKS or None."""
    return boilerplate(line)
