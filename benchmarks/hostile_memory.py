"""Peak memory of the whole analysis on hostile inputs (the Safety promise: any file
under the 20 MB limit analysed in ≤ 500 MB).  Each input runs in a fresh process;
the peak is the child's VmHWM (resident).  An address-space cap stops a runaway.

    .venv/bin/python benchmarks/hostile_memory.py            # the small cases (≈ 1 min)
    .venv/bin/python benchmarks/hostile_memory.py --big      # and a 20 MB text (≈ 2 min more)
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.cases import markup_without_sentence_ends, no_punctuation, russian_words  # noqa: E402

CAP_MB = 3000
CHILD = """
import sys
from tui_reader.pipeline import finish_analysis, open_for_reading
opened = open_for_reading(sys.argv[1], use_cache=False)
finish_analysis(opened)
print(max(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) // 1024)
"""


def big_text() -> bytes:
    """~20 MB of sentences and paragraphs (our own words), just under the limit."""
    paragraph = "\n\n".join(f"{russian_words(18, seed=i).capitalize()}. «{russian_words(9, seed=i + 1)}», — заявил он."
                            for i in range(200)).encode()
    out = bytearray()
    while len(out) + len(paragraph) < 20 * 1024 * 1024 - 2:
        out += paragraph + b"\n\n"
    return bytes(out)


def measure(data: bytes, name: str) -> tuple[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        cap = CAP_MB * 2**20
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                             preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap)))
        took = time.perf_counter() - started
    if out.returncode:
        return f"failed ({out.stderr.strip().splitlines()[-1][:60]})", took
    return f"{int(out.stdout.split()[-1])} MB", took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", action="store_true")
    args = ap.parse_args()
    cases = [("200 KB of words, no punctuation", no_punctuation(200_000), "words.txt"),
             ("110 KB of markup, no sentence end", markup_without_sentence_ends(110_000), "markup.txt")]
    if args.big:
        cases.append(("20 MB of sentences", big_text(), "big.txt"))
    print("| input | peak (VmHWM) | time |\n| --- | --- | --- |")
    for label, data, name in cases:
        peak, took = measure(data, name)
        print(f"| {label} | {peak} | {took:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
