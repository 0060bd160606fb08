"""Search benchmark on the novel: index build cost, its share of the analysis, keystroke latency.

    .venv/bin/python benchmarks/search_bench.py [FILE] [--encoding cp1251] [--quick]

Typing is simulated as the app sees it: every prefix of each query word is one
keystroke: one ``search`` call, reading the hit count and the first 100 hits
(what a pane lists), and one ``suggest`` call for the word being typed.
``--quick`` skips the full analysis (NER etc.) and times only structure + index + topics.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOVEL = ROOT.parent / "shared" / "corpus" / "large" / "war_and_peace-cp1251.txt"
# What a reader might type: names, common and rare words, a phrase.  Frequent short
# prefixes ("к", "и") are in on purpose: they are the slow keystrokes.
TYPED = {
    "lemma": ["Наташа", "князь", "война", "Москва", "французский", "сражение", "Кутузов", "любовь",
              "и", '"князь Андрей"', "князь Андрей", "Пьер говорить"],
    "exact": ["Наташа", "князь", "Москв", "сражени"],
    "regex": [r"князь\w*", r"Наташ\w+", r"\bвойн"],
}


SHOWN = 100  # hits a search pane lists


def keystrokes(query: str) -> list[str]:
    return [query[:k] for k in range(1, len(query) + 1) if query[:k].strip()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(NOVEL))
    ap.add_argument("--encoding", default=None, help="default: cp1251 for the bundled novel path")
    ap.add_argument("--quick", action="store_true", help="skip the full analysis (NER, speakers)")
    args = ap.parse_args()
    encoding = args.encoding or ("cp1251" if args.file.endswith("cp1251.txt") else None)
    if not Path(args.file).is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2

    from tui_reader.analysis import analyse_structure, enrich
    from tui_reader.analysis.topics import build_topics
    from tui_reader.load import load_path
    from tui_reader.morph import analyzer
    from tui_reader.search.index import build_index
    from tui_reader.search.query import SearchError, search, warm_up
    from tui_reader.search.suggest import suggest

    loaded = load_path(args.file, encoding)
    text = loaded.text
    _, morph_load = timed(analyzer)
    doc, structure_s = timed(analyse_structure, text, loaded.source, loaded.heading_hints)
    index, index_s = timed(build_index, text)
    rows = [("text", f"{len(text):,} chars, {len(index.starts):,} word tokens, {len(index.lemmas):,} lemmas"),
            ("pymorphy3 load", f"{morph_load * 1000:.0f} ms"),
            ("structure pass", f"{structure_s:.2f} s"),
            ("build_index", f"{index_s:.2f} s")]
    doc.index = index
    _, topics_s = timed(build_topics, doc)
    rows.append(("build_topics", f"{topics_s:.2f} s"))

    if args.quick:
        whole = structure_s + index_s + topics_s
        rows.append(("index share", f"{index_s / whole:.0%} of structure+index+topics ({whole:.1f} s; --quick)"))
    else:
        stamps: list[tuple[str, float]] = []
        full = analyse_structure(text, loaded.source, loaded.heading_hints)
        t0 = time.perf_counter()
        enrich(full, lambda stage, share: stamps.append((stage, time.perf_counter())))
        enrich_s = time.perf_counter() - t0
        at = dict(stamps)
        in_enrich = at.get("topics", t0) - at.get("index", t0)
        whole = structure_s + enrich_s
        rows.append(("full analysis", f"{whole:.1f} s (structure {structure_s:.1f} + enrich {enrich_s:.1f})"))
        rows.append(("index share", f"{in_enrich / whole:.0%} ({in_enrich:.2f} s inside enrich)"))
        doc = full

    _, warm_s = timed(warm_up, doc)
    rows.append(("warm_up (context + vocabulary)", f"{warm_s * 1000:.0f} ms"))
    for mode, words in TYPED.items():
        times = []
        for word in words:
            for typed in keystrokes(word):
                t = time.perf_counter()
                try:  # half-typed regexes are often invalid: the app shows the error, also timed
                    hits = search(doc, typed, mode)
                    len(hits), hits[:SHOWN]  # what a pane reads: the count and the first hits
                except SearchError:
                    pass
                times.append((time.perf_counter() - t) * 1000)
        rows.append((f"keystroke {mode}", f"median {statistics.median(times):.2f} ms, "
                     f"p95 {percentile(times, 0.95):.2f} ms, max {max(times):.1f} ms ({len(times)} keys)"))
    times = []
    for word in TYPED["lemma"]:
        for typed in keystrokes(word):
            _, dt = timed(suggest, doc, typed)
            times.append(dt * 1000)
    rows.append(("keystroke suggest", f"median {statistics.median(times):.2f} ms, "
                 f"p95 {percentile(times, 0.95):.2f} ms, max {max(times):.1f} ms ({len(times)} keys)"))

    width = max(len(name) for name, _ in rows)
    print(f"search benchmark: {Path(args.file).name}")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
