"""One keystroke in the search pane on the 3 MB novel, highlighting included.

Per key, what the app does between the input changing and the article knowing
what to paint: the query (``search``), the lazy view of the hit spans the pane hands
to the article (``HitSpans``), the article's index over them (``TextOrderSpans``) and
the lookup for one screen of text — the same classes the app uses.  Textual's
own drawing is left out (it is the same for any query).  Words are typed prefix by
prefix, as a person types them.

    .venv/bin/python benchmarks/keystroke_bench.py [FILE]
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from tui_reader.pipeline import open_document
from tui_reader.reading.highlights import TextOrderSpans
from tui_reader.reading.hits import HitSpans
from tui_reader.search.query import search, warm_up

NOVEL = Path(__file__).resolve().parents[2] / "shared/corpus/large/war_and_peace-cp1251.txt"
WORDS = ["князь", "Наташа", "война", "сказал", "Пьер", "Москва", "французы", "граф Ростов",
         "\"старый князь\"", "император", "и", "жизнь"]
SCREEN = 3_000  # characters of text on one screen


def keystroke(doc, query: str) -> tuple[float, int]:
    started = time.perf_counter()
    hits = search(doc, query)
    spans = HitSpans(hits)  # what the pane posts (SearchHighlights)
    index = TextOrderSpans(spans) if len(spans) else None  # what the article builds from it
    if index is not None:
        middle = len(doc.text) // 2
        index.overlapping(middle, middle + SCREEN)
    return (time.perf_counter() - started) * 1000, len(spans)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else NOVEL
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    doc = open_document(path)  # from the cache after the first run
    warm_up(doc)  # the pane does this once, in the background, when it opens
    times: list[float] = []
    slowest = (0.0, "")
    for word in WORDS:
        for i in range(1, len(word) + 1):
            ms, count = keystroke(doc, word[:i])
            times.append(ms)
            slowest = max(slowest, (ms, f"{word[:i]!r} ({count} hits)"))
    times.sort()
    print(f"keystroke with highlighting, {path.name}: {len(times)} keys")
    print(f"  median {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms, "
          f"max {slowest[0]:.1f} ms at {slowest[1]}  (one frame: 16.7 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
