"""Run a piece of the reader in a child process with a memory cap, so a regression
fails the test (MemoryError, a non-zero exit) instead of eating the machine."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

# Address space, not resident memory: numpy and the models map ~350 MB before they
# touch it, so the cap leaves room for that and still stops a runaway long before harm.
ADDRESS_SPACE_MB = 1200


def _limit(mb: int):
    def apply() -> None:
        cap = mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    return apply


def run_capped(args: list[str], *, cwd: Path, env: dict | None = None, mb: int = ADDRESS_SPACE_MB,
               stdin: bytes | None = None, timeout: float = 240) -> subprocess.CompletedProcess:
    """``python -m tui_reader ARGS`` (or ``python -c CODE`` when args[0] == "-c") under the cap."""
    full_env = dict(os.environ, NO_COLOR="1", **(env or {}))
    full_env.pop("SUMMIT_READER_DEBUG", None)
    command = [sys.executable, *args] if args[0] == "-c" else [sys.executable, "-m", "tui_reader", *args]
    return subprocess.run(command, input=stdin, capture_output=True, env=full_env, cwd=cwd, timeout=timeout,
                          preexec_fn=_limit(mb))


PEAK_RSS = "import resource; print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"


def peak_mb(out: subprocess.CompletedProcess) -> int:
    line = [x for x in out.stdout.decode().splitlines() if x.startswith("PEAK ")][-1]
    return int(line.split()[1])


def _vm_size_mb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) // 1024
    return 0


@contextmanager
def memory_cap(extra_mb: int = 1500):
    """Cap this very process (the Pilot tests run the app in-process) at its present
    address space plus ``extra_mb``: a regression raises MemoryError in the test
    instead of eating the machine.  The soft limit only, restored afterwards."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    size = _vm_size_mb()
    if not size:
        yield
        return
    cap = (size + extra_mb) * 2**20
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
