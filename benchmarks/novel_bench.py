"""The whole novel through the reader's first open, and the analysis throughput, old against new.

    .venv/bin/python benchmarks/novel_bench.py [--old REV] [--rounds 3] [--no-old] [--no-novel]

* **The novel** (``../shared/corpus/large/war_and_peace-cp1251.txt``, 3.1 MB cp1251): the real
  reader (``summit-reader FILE``) starts in a detached tmux pane (``run.py``'s ``Tmux``) with
  an empty cache; timed from its start until the analysis has stored the full model in the
  cache (the moment the reader swaps it in), while every 50 ms the memory of the reader and
  of every process under it (its analysis process, that one's helpers, multiprocessing's
  resource tracker) is read: the sum of their PSS (``/proc/PID/smaps_rollup``: shared pages
  counted once, split among the processes sharing them — the helpers share the models with
  the process that forked them) and each one's VmHWM.  Sampling goes on for 2 s after the
  model is stored, so the reader's taking it in counts too.  Then the stored model is read
  back: its level and how far into the text its statements reach.
* **Throughput**: the seed and the corpus's news files (``../shared/corpus/*.txt``) analysed
  in one process, one core, after one warm-up analysis (models loaded), as ``run.py`` does:
  KB of UTF-8 per second over the first pass (``run.py``'s figure) and the best of three.
* **Old** is the whole ``tui_reader`` of git revision ``--old`` (default ``main``), read with
  ``git archive`` into a temporary directory and run from there (byte-compiled like this
  tree), alternating with this tree round by round, so the machine's load hits both alike.

The machine's load average (``os.getloadavg``) is printed with every measurement, and a
control task (a pure-Python loop in 1 and then 2 processes) shows whether a second core was
there to be had.  Uses temporary cache directories, never the user's; writes nothing here.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # the benchmarks' shared helpers (tmux, paths, byte-compiling)
from compare_app import LAUNCHER  # runs the reader from a side tree, not this checkout

THROUGHPUT = '''import json, sys, time
from pathlib import Path
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, {root!r})
from tui_reader.analysis import analyse
from tui_reader.model import Source
texts = [Path(p).read_text(encoding="utf-8") for p in {files!r}]
analyse(texts[0], Source())  # the models load
times = []
for _ in range(3):
    started = time.perf_counter()
    for t in texts:
        analyse(t, Source())
    times.append(time.perf_counter() - started)
print(json.dumps(times))
'''

SAMPLE_EVERY = 0.05


def side_tree(rev: str, work: Path) -> Path:
    """``tui_reader`` of git ``rev`` unpacked under ``work``, byte-compiled."""
    work.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev, "tui_reader"], cwd=run.ROOT, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(work)], input=archive, check=True)
    import compileall

    compileall.compile_dir(str(work / "tui_reader"), quiet=1)
    return work


def launcher(root: Path, work: Path) -> list[str]:
    path = work / "reader.py"
    path.write_text(LAUNCHER.format(root=str(root)), encoding="utf-8")
    return [run.PY, str(path)]


def memory(pid: int) -> tuple[float, float, float]:
    """(PSS, private, VmHWM) of ``pid`` in MB; zeros once it has gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0, 0.0, 0.0

    def mb(field: str, text: str) -> float:
        m = re.search(rf"^{field}:\s+(\d+) kB", text, re.M)
        return int(m.group(1)) / 1024 if m else 0.0

    return (mb("Pss", rollup), mb("Private_Clean", rollup) + mb("Private_Dirty", rollup),
            mb("VmHWM", status))


def watch_until_stored(cache_dir: Path, timeout: float):
    """An ``after`` hook for ``Tmux.time_to_text``: sample the memory of the reader's process
    tree until the model is stored, and 2 s more."""
    def after(pid: int, info: dict) -> None:
        started = time.perf_counter()
        peak_pss, hwm, processes = 0.0, {}, set()
        stored_at = None
        while time.perf_counter() - started < timeout:
            tree = [pid, *run.descendants(pid)]
            processes.update(tree)
            total = 0.0
            parts = []
            for p in tree:
                pss, private, high = memory(p)
                total += pss
                parts.append(f"{pss:.0f} ({private:.0f})")
                hwm[p] = max(hwm.get(p, 0.0), high)
            if total > peak_pss:
                peak_pss = total
                info["peak_parts"] = (round(time.perf_counter() - started, 1), parts)
            if stored_at is None and any(cache_dir.glob("*.model")):
                stored_at = time.perf_counter()
            if stored_at is not None and time.perf_counter() - stored_at > 2.0:
                break
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(SAMPLE_EVERY)
        info["stored_after"] = None if stored_at is None else stored_at - started
        info["peak_pss"] = peak_pss
        info["reader_hwm"] = hwm.get(pid, 0.0)
        info["others_hwm"] = sorted((v for p, v in hwm.items() if p != pid), reverse=True)
        info["processes"] = len(processes)
    return after


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def control() -> str:
    """A pure-Python loop on 1 process, then on 2: did the second core exist just now?"""
    code = "s = 0\nfor i in range(8_000_000): s += i"
    started = time.perf_counter()
    subprocess.run([run.PY, "-c", code], check=True)
    subprocess.run([run.PY, "-c", code], check=True)
    one = time.perf_counter() - started
    started = time.perf_counter()
    both = [subprocess.Popen([run.PY, "-c", code]) for _ in range(2)]
    for p in both:
        p.wait()
    two = time.perf_counter() - started
    return f"control task {one / two:.2f}× as fast on 2 processes as on 1"


def stored_model_facts(cache_dir: Path, root: Path) -> dict:
    """Level, statements and how far they reach, from the stored model (read by ``root``'s reader)."""
    code = f'''import json, sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, {str(root)!r})
from tui_reader.pipeline import open_for_reading
o = open_for_reading({str(run.NOVEL)!r})
d = o.doc
print(json.dumps({{"complete": o.complete, "level": d.analysis.level, "statements": len(d.statements),
                  "speakers": len(d.speakers), "chars": len(d.text),
                  "last": max((s.end for s in d.statements), default=0),
                  "beyond_400k": sum(s.start > 400_000 for s in d.statements)}}))
'''
    out = subprocess.run([run.PY, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "SUMMIT_READER_CACHE_DIR": str(cache_dir)})
    try:
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": out.stderr.strip()[-300:]}


def novel_rounds(readers: dict[str, tuple[list[str], Path]], rounds: int, work: Path) -> dict[str, list[dict]]:
    results: dict[str, list[dict]] = {who: [] for who in readers}
    tmux = run.Tmux()
    try:
        for n in range(rounds):
            for who, (argv, root) in readers.items():
                cache = work / f"cache-{who}"
                shutil.rmtree(cache, ignore_errors=True)
                env = {"SUMMIT_READER_CACHE_DIR": str(cache)}
                before = load()
                seconds, info = tmux.time_to_text([*argv, str(run.NOVEL)], run.NOVEL_MARKER, env, timeout=300,
                                                  after=watch_until_stored(cache, 300))
                info["text_after"] = seconds
                info["load"] = f"{before} → {load()}"
                if n == 0:
                    info["model"] = stored_model_facts(cache, root)
                total = None if seconds is None or info.get("stored_after") is None \
                    else seconds + info["stored_after"]
                info["stored_total"] = total
                results[who].append(info)
                print(f"  novel, {who}, round {n + 1}: stored after {run.fmt_s(total)}, "
                      f"peak PSS sum {info.get('peak_pss', 0):.0f} MB, {info['load']}", flush=True)
    finally:
        tmux.close()
    return results


def throughput_rounds(roots: dict[str, Path], files: list[str], rounds: int) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {who: [] for who in roots}
    for n in range(rounds):
        for who, root in roots.items():
            before = load()
            proc = subprocess.run([run.PY, "-c", THROUGHPUT.format(root=str(root), files=files)],
                                  capture_output=True, text=True)
            try:
                times = json.loads(proc.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                print(proc.stderr[-500:])
                continue
            out[who].append((times, f"{before} → {load()}"))
            print(f"  throughput, {who}, round {n + 1}: first pass {times[0]:.2f} s, best {min(times):.2f} s, "
                  f"{before} → {load()}", flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="main", help="git revision of the old tui_reader (default: main)")
    parser.add_argument("--no-old", action="store_true", help="only this tree")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-novel", action="store_true")
    parser.add_argument("--no-throughput", action="store_true")
    args = parser.parse_args()
    run.compile_bytecode()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}, {load()}; {control()}", flush=True)
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="summit-novel-") as tmp:
        work = Path(tmp)
        roots = {"new": run.ROOT}
        readers = {"new": (run.READER, run.ROOT)}
        if not args.no_old:
            old = side_tree(args.old, work / "old")
            roots = {"old": old, **roots}
            readers = {"old": (launcher(old, work), old), **readers}
        who_list = list(roots)
        if not args.no_novel and run.NOVEL.exists() and shutil.which("tmux"):
            novel = novel_rounds(readers, args.rounds, work)
            rows += novel_rows(novel, who_list)
        elif not args.no_novel:
            print("novel: skipped (no corpus or no tmux)")
        if not args.no_throughput:
            files = [str(run.SEED), *(str(p) for p in sorted(run.CORPUS.glob("*.txt")))]
            kb = sum(len(Path(f).read_text(encoding="utf-8").encode("utf-8")) for f in files) / 1024
            speeds = throughput_rounds(roots, files, args.rounds)
            rows += throughput_rows(speeds, who_list, kb, len(files))
        print(f"\nafter the run: {load()}; {control()}\n")
    print("| measure | " + " | ".join(who_list) + " |")
    print("| --- | " + " | ".join("---" for _ in who_list) + " |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


def novel_rows(novel: dict[str, list[dict]], who_list: list[str]) -> list[tuple[str, ...]]:
    def med(who: str, key: str) -> float | None:
        values = [i[key] for i in novel[who] if i.get(key) is not None]
        return statistics.median(values) if values else None

    def worst(who: str, key: str) -> float:
        return max((i.get(key) or 0.0 for i in novel[who]), default=0.0)

    rows = [
        ("novel: text on screen (median)", *(run.fmt_s(med(w, "text_after")) for w in who_list)),
        ("novel: model stored (median; slowest)",
         *(f"{run.fmt_s(med(w, 'stored_total'))}; {run.fmt_s(worst(w, 'stored_total'))}" for w in who_list)),
        ("novel: peak PSS, reader + every process under it, summed (worst round)",
         *(f"{worst(w, 'peak_pss'):.0f} MB" for w in who_list)),
        ("novel: at the peak, round 1: seconds after the text showed; PSS (private) of the reader, then of each process under it",
         *(f"{novel[w][0].get('peak_parts', ('?', []))[0]} s: "
           + " + ".join(str(x) for x in novel[w][0].get("peak_parts", ('?', []))[1]) + " MB" if novel[w] else "—"
           for w in who_list)),
        ("novel: VmHWM of the reader (worst round)", *(f"{worst(w, 'reader_hwm'):.0f} MB" for w in who_list)),
        ("novel: VmHWM of the processes under it (largest first, round 1)",
         *(", ".join(f"{v:.0f}" for v in novel[w][0].get("others_hwm", [])) + " MB" if novel[w] else "—"
           for w in who_list)),
        ("novel: the stored model", *(_facts(novel[w][0].get("model", {})) if novel[w] else "—" for w in who_list)),
        ("novel: load average before → after, per round",
         *("; ".join(i["load"] for i in novel[w]) for w in who_list)),
    ]
    return rows


def _facts(m: dict) -> str:
    if "error" in m:
        return f"could not read it: {m['error']}"
    return (f"level {m['level']!r}, {m['speakers']} speakers, {m['statements']} statements "
            f"({m['beyond_400k']} beyond 400,000 characters; the last ends at {m['last'] / m['chars']:.0%})")


def throughput_rows(speeds: dict[str, list[tuple]], who_list: list[str], kb: float, n: int) -> list[tuple[str, ...]]:
    def first(who: str) -> str:
        values = [t[0] for t, _ in speeds[who]]
        return f"{kb / statistics.median(values):.0f} KB/s" if values else "—"

    def best(who: str) -> str:
        values = [min(t) for t, _ in speeds[who]]
        return f"{kb / min(values):.0f} KB/s" if values else "—"

    return [
        (f"throughput, {n} texts ({kb:.0f} KB), first pass after warm-up (median of rounds)",
         *(first(w) for w in who_list)),
        ("throughput, best pass of all rounds", *(best(w) for w in who_list)),
        ("throughput: load average before → after, per round",
         *("; ".join(load_ for _, load_ in speeds[w]) for w in who_list)),
    ]


if __name__ == "__main__":
    sys.exit(main())
