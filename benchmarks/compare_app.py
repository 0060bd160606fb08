"""The reader's start-up before and after a change to ``tui_reader/app/``, side by side.

    .venv/bin/python benchmarks/compare_app.py REV [--rounds 9] [--file PATH]

"Before" is this tree with ``tui_reader/app/`` taken from git revision ``REV`` (read
with ``git show``; the checkout is not touched), "after" is this tree as it is: so
only the app differs, whatever the analysis or the store do meanwhile.  Both are
byte-compiled and run in the same tmux rounds as the minimal Textual app (see
``run.py``): cached, ``--no-cache``, and the first open with an empty cache until
the analysis has stored the model.  Prints a Markdown table; writes nothing here.
"""
from __future__ import annotations

import argparse
import compileall
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run

# Runs the reader from the side tree: the editable install's import hook would
# otherwise find this checkout's tui_reader first.  The guard matters: the
# analysis child process ("spawn") imports this file again.
LAUNCHER = '''import sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, {root!r})
if __name__ == "__main__":
    from tui_reader.cli.main import main
    sys.exit(main())
'''


def side_tree(rev: str, work: Path) -> list[str]:
    """A tui_reader whose app/ is from ``rev`` and all else links to this tree's; the
    command that runs it."""
    package = work / "tui_reader"
    package.mkdir(parents=True)
    for entry in (run.ROOT / "tui_reader").iterdir():
        if entry.name not in ("app", "__pycache__"):
            (package / entry.name).symlink_to(entry)
    files = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "tui_reader/app"], cwd=run.ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(subprocess.run(["git", "show", f"{rev}:{name}"], cwd=run.ROOT,
                                          capture_output=True, check=True).stdout)
    compileall.compile_dir(str(package), quiet=1)
    launcher = work / "reader_before.py"
    launcher.write_text(LAUNCHER.format(root=str(work)), encoding="utf-8")
    return [run.PY, str(launcher)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="git revision whose tui_reader/app/ is 'before'")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--file", default=str(run.SEED), help="the article (default: the seed)")
    parser.add_argument("--marker", default=run.SEED_MARKER, help="a line of it on the first screen")
    args = parser.parse_args()
    if not (shutil.which("tmux")):
        print("tmux is needed")
        return 2
    run.compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="summit-compare-") as tmp:
        work = Path(tmp)
        readers = {"before": side_tree(args.rev, work / "before"), "after": run.READER}
        cache = work / "cache"
        env = {"SUMMIT_READER_CACHE_DIR": str(cache)}
        times: dict[str, list] = {"minimal": []}
        for who in readers:
            for what in ("cached", "--no-cache", "first open", "first open, analysed"):
                times[f"{who} {what}"] = []
        tmux = run.Tmux()
        try:
            for _ in range(args.rounds):
                for who, argv in readers.items():
                    shutil.rmtree(cache, ignore_errors=True)
                    seconds, info = tmux.time_to_text([*argv, args.file], args.marker, env, timeout=120,
                                                      after=run.wait_for_entry(cache, 120))
                    times[f"{who} first open"].append(seconds)
                    analysed = info.get("analysed_after")
                    times[f"{who} first open, analysed"].append(
                        None if seconds is None or analysed is None else seconds + analysed)
                seconds, _ = tmux.time_to_text([*run.MINIMAL, args.file], args.marker, env)
                times["minimal"].append(seconds)
                for who, argv in readers.items():
                    for what, extra in (("cached", []), ("--no-cache", ["--no-cache"])):
                        seconds, _ = tmux.time_to_text([*argv, args.file, *extra], args.marker, env)
                        times[f"{who} {what}"].append(seconds)
        finally:
            tmux.close()
    base = run.median(times["minimal"])
    print(f"\n{args.rounds} rounds, medians; before = tui_reader/app/ from {args.rev}\n")
    print("| measure | before | after |\n| --- | --- | --- |")
    for what in ("cached", "--no-cache", "first open", "first open, analysed"):
        cells = []
        for who in readers:
            t = run.median(times[f"{who} {what}"])
            ratio = "" if t is None or not base or what.endswith("analysed") else f" ({t / base:.3f}×)"
            cells.append(f"{run.fmt_s(t)}{ratio}")
        print(f"| {what} | {' | '.join(cells)} |")
    print(f"| minimal Textual app | {run.fmt_s(base)} (1.00×) | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
