"""Run the CLI with its standard output (and error) on a pseudo-terminal, as a user's
shell would, and collect what reached that terminal."""
from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile.capped import ADDRESS_SPACE_MB, _limit


def run_on_terminal(args: list[str], *, cwd: Path, stdout_to_file: Path | None = None,
                    timeout: float = 120) -> tuple[int, bytes]:
    """``summit-reader ARGS`` with stderr (and stdout, unless ``stdout_to_file``) on a pty;
    returns (exit status, the bytes the terminal received)."""
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="200", LINES="50")
    env.pop("NO_COLOR", None)
    out_file = open(stdout_to_file, "wb") if stdout_to_file else None  # noqa: SIM115
    try:
        proc = subprocess.Popen([sys.executable, "-m", "tui_reader", *args], cwd=cwd, env=env,
                                stdin=subprocess.DEVNULL, stdout=out_file or slave, stderr=slave,
                                preexec_fn=_limit(ADDRESS_SPACE_MB))
        os.close(slave)
        got = bytearray()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                got += chunk
            elif proc.poll() is not None:
                break
        status = proc.wait(timeout=max(1, deadline - time.monotonic()))
        return status, bytes(got)
    finally:
        os.close(master)
        if out_file:
            out_file.close()
