"""summit-reader's benchmarks, measured side by side in one run.

    .venv/bin/python benchmarks/run.py [--rounds 5] [--quick] [--no-tmux] [--no-novel]
                                       [--start-only] [--update-readme]

* time until the article's text is on a real terminal: each command starts in a
  detached tmux session (120×40) and the pane is polled until a known line of the
  text shows; the reader's first open (empty cache, then until the analysis has
  stored the full model), cached and ``--no-cache``, a minimal Textual app
  (``minimal_textual.py``) and ``less``, on the bundled article and on the 3 MB
  novel; every round runs each command once, so the machine's load hits them alike,
  and the medians are kept;
* peak memory (VmHWM) of the reader and of its analysis process with the novel
  open, through its whole analysis (the worst round);
* analysis throughput against natasha's own NER (Segmenter + NewsNERTagger) on the
  same texts, the seed fully analysed in a fresh process, model load times, and
  which imports dominate start-up (``python -X importtime``).

The reader's package is byte-compiled first, as an installed one is (see
``compile_bytecode``).  Everything uses a temporary cache directory
(``SUMMIT_READER_CACHE_DIR``), never the user's.  Results go to stdout as a Markdown table and to
``benchmarks/results.md`` / ``results.json``.  Whatever cannot be measured (no
tmux, no corpus, the app failing) is reported as such and the rest still runs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "union-state-summit.txt"
NOVEL = SHARED / "corpus" / "large" / "war_and_peace-cp1251.txt"
NOVEL_ENCODING = "cp1251"
CORPUS = SHARED / "corpus"

# A line of each text that is on the first screen whatever the layout (short, so it does not wrap).
SEED_MARKER = "Как заявил Владимир Путин"
NOVEL_MARKER = "mon prince"

WIDTH, HEIGHT = 120, 40
PY = sys.executable
READER = [str(Path(PY).parent / "summit-reader")] if (Path(PY).parent / "summit-reader").exists() \
    else [PY, "-m", "tui_reader"]
MINIMAL = [PY, str(HERE / "minimal_textual.py")]

# name → (limit, what it is measured against)
TARGETS = {
    "cached start": 1.2,      # × the minimal Textual app (issue 16; 1.5 before)
    "uncached start": 1.5,    # × the minimal Textual app, first open and --no-cache (issue 16; 2.0 before)
    "seed analysed": 1.5,     # seconds
    "analysis": 150.0,        # KB/s, one core (issue 16; 100 before)
    "novel memory": 400.0,    # MB
}


@dataclass
class Row:
    what: str
    value: str
    target: str = ""
    ok: bool | None = None
    note: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    raw: dict = field(default_factory=dict)

    def add(self, what: str, value: str, target: str = "", ok: bool | None = None, note: str = "") -> None:
        self.rows.append(Row(what, value, target, ok, note))
        mark = {True: "ok", False: "MISSED", None: ""}[ok]
        print(f"  {what}: {value} {target} {mark} {note}".rstrip(), flush=True)

    def markdown(self) -> str:
        lines = ["| measure | result | target | met |", "| --- | --- | --- | --- |"]
        for r in self.rows:
            met = {True: "yes", False: "**no**", None: ""}[r.ok]
            value = r.value + (f" ({r.note})" if r.note else "")
            lines.append(f"| {r.what} | {value} | {r.target} | {met} |")
        return "\n".join(lines)


# --- tmux ---------------------------------------------------------------------------

class Tmux:
    """A private tmux server (own socket, no user config) to run commands on a real terminal."""

    def __init__(self) -> None:
        self.socket = f"summit-bench-{os.getpid()}"
        self.env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TERM": "xterm-256color"}
        self.count = 0
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", "keepalive", "-x", str(WIDTH), "-y", str(HEIGHT))

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], env=self.env, capture_output=True,
                              text=True, check=True).stdout

    def time_to_text(self, argv: list[str], marker: str, env: dict[str, str], timeout: float = 60.0,
                     after=None) -> tuple[float | None, dict]:
        """Seconds from starting ``argv`` until ``marker`` is on screen (None: never);
        ``after(pid, info)`` runs while the program is still open."""
        self.count += 1
        name = f"run{self.count}"
        command = "exec env " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()) + " " + shlex.join(argv)
        info: dict = {}
        started = time.perf_counter()
        self._tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), command)
        seconds = None
        try:
            pid = int(self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
            screen = ""
            while time.perf_counter() - started < timeout:
                try:
                    screen = self._tmux("capture-pane", "-p", "-t", name)
                except subprocess.CalledProcessError:  # the program exited: the session is gone
                    break
                if marker in screen:
                    seconds = time.perf_counter() - started
                    break
                time.sleep(0.005)
            info["screen"] = screen
            if seconds is not None and after is not None:
                after(pid, info)
            info["peak_mb"] = peak_memory_mb(pid)
        finally:
            subprocess.run(["tmux", "-L", self.socket, "kill-session", "-t", name], capture_output=True)
        return seconds, info

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def peak_memory_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    m = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(m.group(1)) / 1024 if m else None


def descendants(pid: int) -> list[int]:
    """``pid``'s children, grandchildren, … (the app runs its analysis in a child process)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        children = [p for p, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def rss_mb(pid: int) -> float:
    try:
        m = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    except OSError:
        return 0.0
    return int(m.group(1)) / 1024 if m else 0.0


def wait_for_entry(cache_dir: Path, timeout: float):
    """An ``after`` hook: wait until the app has stored the full model (its analysis
    is done), sampling the memory of the app and of any process it started."""
    def after(pid: int, info: dict) -> None:
        started = time.perf_counter()
        child_peaks: dict[int, float] = {}
        tree_peak = 0.0
        try:
            while time.perf_counter() - started < timeout:
                children = descendants(pid)
                for child in children:
                    peak = peak_memory_mb(child)
                    if peak:
                        child_peaks[child] = max(child_peaks.get(child, 0.0), peak)
                tree_peak = max(tree_peak, rss_mb(pid) + sum(rss_mb(c) for c in children))
                if any(cache_dir.glob("*.model")):
                    info["analysed_after"] = time.perf_counter() - started
                    time.sleep(1.0)  # let the app take the model in, then read its peak
                    return
                if not Path(f"/proc/{pid}").exists():
                    return
                time.sleep(0.1)
        finally:
            info["child_peak_mb"] = max(child_peaks.values(), default=None)
            info["tree_peak_mb"] = max(tree_peak, rss_mb(pid))
    return after


# --- the measurements -----------------------------------------------------------------

def median(values: list[float | None]) -> float | None:
    good = [v for v in values if v is not None]
    return statistics.median(good) if good else None


def fmt_s(v: float | None) -> str:
    return "not seen" if v is None else f"{v:.2f} s"


def compile_bytecode() -> None:
    """Byte-compile the reader's package, as installing it does (pip writes the .pyc
    files; Textual's are there already).  Without this, a shell with
    PYTHONDONTWRITEBYTECODE set (or a read-only checkout) makes every start of the
    reader compile its ~25 modules from source again (~20 ms), which no user pays."""
    import compileall

    compileall.compile_dir(str(ROOT / "tui_reader"), quiet=1)


def start_times(report: Report, tmux: Tmux, rounds: int, with_novel: bool, work: Path) -> None:
    cache_dir = work / "cache"
    env = {"SUMMIT_READER_CACHE_DIR": str(cache_dir)}
    texts = [("seed", SEED, None, SEED_MARKER, SEED)]
    if with_novel:
        novel_utf8 = work / "novel-utf8.txt"  # less cannot decode cp1251: show it the same text in UTF-8
        novel_utf8.write_text(NOVEL.read_bytes().decode(NOVEL_ENCODING), encoding="utf-8")
        texts.append(("novel", NOVEL, NOVEL_ENCODING, NOVEL_MARKER, novel_utf8))

    for label, path, encoding, marker, utf8_path in texts:
        enc = ["--encoding", encoding] if encoding else []
        commands = {
            "reader, cached": [*READER, str(path), *enc],
            "reader, --no-cache": [*READER, str(path), *enc, "--no-cache"],
            "minimal Textual app": [*MINIMAL, str(path), *(enc or [])],
            "less": ["less", str(utf8_path)],
        }
        times: dict[str, list] = {name: [] for name in commands}
        peaks: dict[str, list] = {name: [] for name in commands}
        firsts: list[dict] = []
        for _ in range(rounds):
            # The reader's first open with an empty cache: text on screen, then the
            # analysis done and stored (which makes the next "cached" runs cached).
            shutil.rmtree(cache_dir, ignore_errors=True)
            first, info = tmux.time_to_text([*READER, str(path), *enc], marker, env, timeout=120,
                                            after=wait_for_entry(cache_dir, 300))
            if first is None:
                (work / f"{label}-screen.txt").write_text(info.get("screen", ""))
            firsts.append({"text": first, **{k: v for k, v in info.items() if k != "screen"}})
            if info.get("analysed_after") is None:  # no model stored: index it so the cached runs are cached
                subprocess.run([*READER, "index", str(path), *enc], env={**os.environ, **env}, capture_output=True)
            for name, argv in commands.items():
                seconds, info = tmux.time_to_text(argv, marker, env, timeout=60)
                times[name].append(seconds)
                peaks[name].append(info.get("peak_mb"))
                if seconds is None:
                    (work / f"{label}-{name.split(',')[0].replace(' ', '_')}-screen.txt").write_text(info.get("screen", ""))
        report.raw[f"{label} first open"] = firsts
        report.raw[f"{label} start"] = {"times": times, "peak_mb": peaks}
        base = median(times["minimal Textual app"])

        first = median([f["text"] for f in firsts])
        ratio = f"{first / base:.3f}× minimal" if first is not None and base else ""
        limit = TARGETS["uncached start"]
        report.add(f"{label}: reader, first open (empty cache), text on screen", fmt_s(first),
                   f"≤ {limit}× minimal", None if first is None or not base else first / base <= limit, ratio)
        totals = [None if f["text"] is None or f.get("analysed_after") is None else f["text"] + f["analysed_after"]
                  for f in firsts]
        total = median(totals)
        if label == "seed":
            report.add("seed: reader, first open, full analysis done and stored", fmt_s(total),
                       f"≤ {TARGETS['seed analysed']} s", None if total is None else total <= TARGETS["seed analysed"],
                       f"slowest of {len(totals)}: {fmt_s(max((t for t in totals if t is not None), default=None))}")
        else:
            report.add(f"{label}: reader, first open, full analysis done and stored", fmt_s(total))
            # a limit: the worst round counts, not the median
            peak = max((f["peak_mb"] for f in firsts if f.get("peak_mb")), default=None)
            report.add("novel: reader's peak memory (open + full analysis), the app's process (worst round)",
                       "n/a" if peak is None else f"{peak:.0f} MB", f"≤ {TARGETS['novel memory']:.0f} MB",
                       None if peak is None else peak <= TARGETS["novel memory"])
            child = max((f["child_peak_mb"] for f in firsts if f.get("child_peak_mb")), default=None)
            if child:
                tree = max((f["tree_peak_mb"] for f in firsts if f.get("tree_peak_mb")), default=None)
                report.add("novel: peak memory of the analysis process it started (worst round)", f"{child:.0f} MB",
                           f"≤ {TARGETS['novel memory']:.0f} MB", child <= TARGETS["novel memory"],
                           f"app + analysis together, sampled: {tree:.0f} MB" if tree else "")

        for name in commands:
            t = median(times[name])
            ratio = None if t is None or not base else t / base
            target, ok = "", None
            if name == "reader, cached" and ratio is not None:
                target, ok = f"≤ {TARGETS['cached start']}× minimal", ratio <= TARGETS["cached start"]
            elif name == "reader, --no-cache" and ratio is not None:
                target, ok = f"≤ {TARGETS['uncached start']}× minimal", ratio <= TARGETS["uncached start"]
            peak = median(peaks[name])
            digits = 3 if target else 2  # near a limit, 1.50× would hide which side it is on
            note = ", ".join(x for x in (f"{ratio:.{digits}f}× minimal" if ratio is not None else "",
                                         f"{peak:.0f} MB" if peak else "") if x)
            report.add(f"{label}: {name}, text on screen", fmt_s(t), target, ok, note)


def analysis_speed(report: Report, with_novel: bool) -> None:
    from tui_reader.analysis import analyse
    from tui_reader.model import Source

    texts = [SEED.read_text(encoding="utf-8")]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024

    started = time.perf_counter()
    analyse(texts[0], Source())  # loads the models
    ours_first = time.perf_counter() - started
    started = time.perf_counter()
    for t in texts:
        analyse(t, Source())
    ours = time.perf_counter() - started

    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    started = time.perf_counter()
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    natasha_load = time.perf_counter() - started
    warm = Doc(texts[0])
    warm.segment(segmenter)
    warm.tag_ner(tagger)
    started = time.perf_counter()
    for t in texts:
        doc = Doc(t)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    natasha = time.perf_counter() - started

    ok = kb / ours >= TARGETS["analysis"]
    report.add(f"analysis throughput, {len(texts)} articles ({kb:.0f} KB), warm", f"{kb / ours:.0f} KB/s",
               f"≥ {TARGETS['analysis']:.0f} KB/s", ok, f"{ours / len(texts) * 1000:.0f} ms per article")
    report.add("natasha's own NER (Segmenter + NewsNERTagger) on the same texts", f"{kb / natasha:.0f} KB/s",
               note=f"ours is {natasha / ours:.2f}× its speed")
    report.add("first analysis in a process (models loading)", fmt_s(ours_first),
               note=f"natasha's NER models alone load in {natasha_load:.2f} s")
    report.raw["analysis"] = {"kb": kb, "ours_s": ours, "natasha_s": natasha, "first_s": ours_first}
    if with_novel:
        from tui_reader.load import load_path

        loaded = load_path(NOVEL, NOVEL_ENCODING)
        started = time.perf_counter()
        doc = analyse(loaded.text, loaded.source, loaded.heading_hints)
        took = time.perf_counter() - started
        size = NOVEL.stat().st_size / 1024
        report.add(f"novel analysis ({size / 1024:.1f} MB, level {doc.analysis.level!r})", fmt_s(took),
                   note=f"{size / took:.0f} KB/s")


def seed_cold(report: Report, work: Path, rounds: int) -> None:
    env = {**os.environ, "SUMMIT_READER_CACHE_DIR": str(work / "cold-cache")}

    def timed(*args: str) -> float:
        started = time.perf_counter()
        subprocess.run([*READER, *args], env=env, capture_output=True, check=True)
        return time.perf_counter() - started

    nocache = median([timed("export", str(SEED), "--no-cache") for _ in range(rounds)])
    timed("export", str(SEED))
    cached = median([timed("export", str(SEED)) for _ in range(rounds)])
    bare = median([_time([PY, "-c", "pass"]) for _ in range(rounds)])
    report.add("seed: `export --no-cache` in a fresh process (full analysis)", fmt_s(nocache),
               f"≤ {TARGETS['seed analysed']} s", nocache <= TARGETS["seed analysed"])
    report.add("seed: `export` from the cache, fresh process", fmt_s(cached), note=f"bare `python -c pass`: {bare:.2f} s")


def _time(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, capture_output=True)
    return time.perf_counter() - started


def model_load(report: Report, work: Path, with_novel: bool) -> None:
    os.environ["SUMMIT_READER_CACHE_DIR"] = str(work / "load-cache")
    from tui_reader.pipeline import cached_model, open_document, open_for_reading
    from tui_reader.store import cache

    cases = [("seed", SEED, None)] + ([("novel", NOVEL, NOVEL_ENCODING)] if with_novel else [])
    for label, path, encoding in cases:
        open_document(path, encoding=encoding)
        opened = open_for_reading(path, encoding=encoding)
        key = opened.cache_key
        size = (cache.cache_dir() / (key + cache.SUFFIX)).stat().st_size
        loads, opens = [], []
        for _ in range(7):
            started = time.perf_counter()
            cached_model(key)
            loads.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert open_for_reading(path, encoding=encoding).complete
            opens.append(time.perf_counter() - started)
        report.add(f"{label}: model load from the cache", f"{median(loads) * 1000:.1f} ms",
                   note=f"entry {size / 1024:.0f} KB; whole cached open (read, hash, load) "
                        f"{median(opens) * 1000:.1f} ms")


def import_costs(report: Report) -> None:
    """Which imports the reader pays for before it can draw: self time summed per
    top-level package (so nothing is counted twice), biggest first."""
    out = subprocess.run([PY, "-X", "importtime", "-c", "import tui_reader.cli.main, tui_reader.app.reader_app"],
                         capture_output=True, text=True).stderr
    per_package: dict[str, float] = {}
    for line in out.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \| \s*(\S+)", line)
        if m:
            root = m.group(2).split(".")[0]
            per_package[root] = per_package.get(root, 0) + int(m.group(1)) / 1000
    total = sum(per_package.values())
    biggest = sorted(per_package.items(), key=lambda kv: -kv[1])[:5]
    minimal = subprocess.run([PY, "-X", "importtime", "-c", "import textual.app, textual.widgets._text_area"],
                             capture_output=True, text=True).stderr
    minimal_total = sum(int(m.group(1)) for m in re.finditer(r"import time:\s+(\d+) \|", minimal)) / 1000
    report.add("imports before the reader can draw (`-X importtime`, one run)", f"{total:.0f} ms",
               note=", ".join(f"{k} {v:.0f} ms" for k, v in biggest) + f"; the minimal app's: {minimal_total:.0f} ms")
    report.raw["imports_ms"] = per_package


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="runs of each start-up measure (median)")
    parser.add_argument("--quick", action="store_true", help="2 rounds, no novel")
    parser.add_argument("--no-tmux", action="store_true", help="skip the on-terminal start-up times")
    parser.add_argument("--no-novel", action="store_true", help="skip the 3 MB novel")
    parser.add_argument("--start-only", action="store_true",
                        help="only the start-up times on a terminal (for quick before/after comparisons)")
    parser.add_argument("--update-readme", action="store_true",
                        help="also put the table into benchmarks/README.md (between its results markers)")
    args = parser.parse_args()
    rounds = 2 if args.quick else args.rounds
    with_novel = not (args.quick or args.no_novel) and NOVEL.is_file()
    if not NOVEL.is_file():
        print(f"note: {NOVEL} is not here; the novel is skipped")

    report = Report()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="summit-bench-") as tmp:
        work = Path(tmp)
        steps = []
        if not args.no_tmux:
            if shutil.which("tmux") and shutil.which("less"):
                steps.append(("start-up on a terminal", lambda: _with_tmux(report, rounds, with_novel, work)))
            else:
                print("note: tmux or less is missing; start-up times on a terminal are skipped")
        steps += [] if args.start_only else [
            ("seed in a fresh process", lambda: seed_cold(report, work, max(3, rounds))),
            ("imports", lambda: import_costs(report)),
            ("analysis speed", lambda: analysis_speed(report, with_novel)),
            ("model load", lambda: model_load(report, work, with_novel)),
        ]
        for title, step in steps:
            print(f"== {title}", flush=True)
            try:
                step()
            except Exception as e:  # noqa: BLE001 - report what failed, measure the rest
                report.add(title, f"failed: {type(e).__name__}: {e}".splitlines()[0])
        kept = HERE / "last-screens"
        screens = list(work.glob("*-screen.txt"))
        if screens:  # what was on screen when a marker never showed, for debugging
            kept.mkdir(exist_ok=True)
            for s in screens:
                shutil.copy(s, kept / s.name)
            print(f"note: screens of runs whose text never showed are in {kept}")

    table = report.markdown()
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = (f"Measured {stamp} on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
              f"{rounds} rounds (medians), terminal {WIDTH}×{HEIGHT} in tmux.\n\n")
    print()
    print(header + table)
    if args.start_only:  # a partial run: the kept results stay those of the last whole run
        print(json.dumps(report.raw, default=str))
        return 0
    (HERE / "results.md").write_text(header + table + "\n", encoding="utf-8")
    (HERE / "results.json").write_text(json.dumps(report.raw, indent=1, default=str), encoding="utf-8")
    if args.update_readme:
        readme = HERE / "README.md"
        text = readme.read_text(encoding="utf-8")
        start, end = text.find(README_START), text.find(README_END)
        if start < 0 or end < start:
            print(f"note: {readme} has no {README_START} … {README_END} block; not updated")
        else:
            readme.write_text(text[:start + len(README_START)] + "\n" + header + table + "\n" + text[end:],
                              encoding="utf-8")
    return 0


README_START, README_END = "<!-- results -->", "<!-- /results -->"


def _with_tmux(report: Report, rounds: int, with_novel: bool, work: Path) -> None:
    tmux = Tmux()
    try:
        start_times(report, tmux, rounds, with_novel, work)
    finally:
        tmux.close()


if __name__ == "__main__":
    sys.exit(main())
