"""Search keystrokes on the novel, end to end, in a real terminal.

    .venv/bin/python benchmarks/keystroke_tmux.py [--rounds 3] [--text "Наташа сказала Пьеру, что она поедет"]
                                                  [--spawn] [--poll-ms 0.2]

The reader opens the 3 MB novel (its model cached first with ``summit-reader index``, in a
temporary cache) in a detached tmux session of 120×40; ``/`` opens the search; then the
text is typed one key at a time with tmux's ``send-keys``, a typist's pause (150 ms) after
each.  A keystroke is timed from ``send-keys`` until the search's count ("k/N", "0/0")
on screen shows the count of the new query — the count each prefix must give is worked
out first in this process with the reader's own search, so a stale count is never taken
for the new one.  A key whose query has the same count as the one before cannot be seen
to change anything and is left out (the table says how many were timed).

The instrument.  By default every tmux command of a measurement goes through ONE tmux
client in control mode (``tmux -C attach -f no-output,ignore-size``, see ``ControlClient``),
kept open for the whole run: a command is a line written to its stdin, its reply the lines
between ``%begin`` and ``%end`` on its stdout.  The clock starts just before the
``send-keys`` line is written and stops when the reply of a ``capture-pane -p`` shows the
awaited screen; the pane is captured again and again, 0.2 ms apart (``--poll-ms``; with no
pause at all the tmux server would be busy most of the time, CPU taken from the program
timed on a 2-core machine).  A round trip through that client costs 0.02–0.1 ms
(``capture-pane`` of the 120×40 novel ~0.06 ms, ``send-keys`` ~0.03–0.08 ms, a bare
``display-message -p`` ~0.02 ms), so a capture is taken every ~0.35 ms and a keystroke is
counted ~0.3 ms too long on average, never more than ~0.5 ms.  With ``--spawn`` every
command is a new ``tmux`` process instead (fork, exec, connect to the server:
``run.Tmux._tmux``), as this benchmark did before: ~2–3.5 ms for ``send-keys`` and as much
per ``capture-pane``, the pane polled every 2 ms, so a screen is seen only every ~4–6 ms
and a few ms of every keystroke timed that way are the instrument's own.  Both
instruments' round trips are measured at the start of every run (on a pane showing the
novel in ``less``) and printed above the table, whichever one times the keys.  The
sessions are started and killed with a ``tmux`` process in both modes (not timed).

The first letters are the expensive ones (a one-letter prefix matches a large part of
the book), so the table gives the one-, two- and three-letter prefixes separately, the
median and the worst over every timed key, and the same for ``less`` (``/`` and a
word typed into its search prompt show nothing until Enter, so ``less`` is timed from
Enter to the first hit highlighted, the reverse video of ``capture-pane -e``: the floor
of a terminal search).  Beside them, the same text typed into ``minimal_search_box.py``:
a Textual app with an input and a count rewritten on every change, the least a Textual
app does to answer a key.  All three are timed with the same instrument.
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # the private tmux server and the paths

COUNT_RE = re.compile(r"▏ (\d+/\d+|⚠)(?:\s|$)", re.M)
PAUSE = 0.15  # a typist's pause between keys


# --- the instrument: how tmux is asked -------------------------------------------------

class Client(Protocol):
    """Runs a tmux command on the benchmark's server and returns what it printed."""

    label: str  # what the instrument is, for the report
    poll_pause: float  # seconds slept between two captures of a pane

    def run(self, *args: str) -> str: ...


class SpawnClient:
    """A new ``tmux`` process for every command (fork, exec, connect, reply, exit)."""

    label = "a new `tmux` process per command (`--spawn`)"
    poll_pause = 0.002  # as this benchmark always did

    def __init__(self, tmux: run.Tmux) -> None:
        self._tmux = tmux

    def run(self, *args: str) -> str:
        return self._tmux._tmux(*args)


class TmuxError(RuntimeError):
    """A command sent to the control client answered ``%error``."""


def quote(arg: str) -> str:
    """``arg`` as one word of a tmux command line (its parser takes shell-like quotes)."""
    if re.fullmatch(r"[A-Za-z0-9_./:%@=,+-]+", arg):
        return arg
    return "'" + arg.replace("'", "'\\''") + "'"


class ControlClient:
    """One tmux client in control mode, kept open: a command is a line on its stdin and its
    reply the lines between ``%begin`` and the matching ``%end`` (``%error``) on its stdout.

    It is attached to the server's ``keepalive`` session with the flags ``no-output``
    (no ``%output`` notifications of the pane's text) and ``ignore-size`` (it never resizes
    a window); the sessions it measures are other sessions, named in ``-t``.  What else tmux
    notifies (``%session-changed``, ``%window-add``, …) comes between replies and is skipped.
    Command output inside a reply is sent as it is (UTF-8, escape sequences of
    ``capture-pane -e``); only ``%output`` notifications are octal-escaped.
    """

    label = "one tmux control-mode client (`tmux -C`)"
    # Captured with no pause at all, the server would be busy ~60 % of the time (our side
    # ~30 %): on 2 cores that is CPU taken from the program timed.  A 0.2 ms pause
    # (0.25–0.3 ms slept) brings both to ~20 % for a resolution of ~0.35 ms.
    poll_pause = 0.0002

    def __init__(self, tmux: run.Tmux, session: str = "keepalive") -> None:
        self._proc = subprocess.Popen(
            ["tmux", "-L", tmux.socket, "-C", "attach-session", "-f", "no-output,ignore-size", "-t", session],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=tmux.env)
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._in, self._out = self._proc.stdin, self._proc.stdout
        self._reply()  # the block of the attach-session itself

    def command(self, line: str) -> list[str]:
        """Run one command line; the lines it printed (``TmuxError`` if it failed)."""
        self._in.write(line.encode() + b"\n")
        self._in.flush()
        return self._reply(line)

    def run(self, *args: str) -> str:
        return "\n".join(self.command(" ".join(quote(a) for a in args)))

    def _reply(self, line: str = "attach-session") -> list[str]:
        while True:  # skip the notifications before the reply
            raw = self._readline()
            if raw.startswith(b"%begin "):
                break
            if raw.startswith(b"%exit"):
                raise TmuxError(f"the control client exited: {raw.decode(errors='replace').strip()}")
        # a reply's output could hold a line like "%end": only "%end <time> <number> <flags>"
        # as in its %begin closes it
        stamp = raw[len(b"%begin "):].rstrip(b"\n")
        end, error = b"%end " + stamp + b"\n", b"%error " + stamp + b"\n"
        lines = []
        while True:
            raw = self._readline()
            if raw in (end, error):
                break
            lines.append(raw[:-1].decode("utf-8", errors="replace"))
        if raw == error:
            raise TmuxError(f"{line!r}: " + "; ".join(lines))
        return lines

    def _readline(self) -> bytes:
        raw = self._out.readline()
        if not raw:
            raise TmuxError("the control client closed its output")
        return raw

    def close(self) -> None:
        if self._proc.poll() is None:
            self._in.close()  # tmux -C exits at the end of its input
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._out.close()

    def __enter__(self) -> ControlClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def round_trips(client: Client, pane: str, sink: str, n: int = 200) -> dict[str, float]:
    """Median ms of a ``capture-pane -p`` of ``pane``, a ``send-keys`` into ``sink`` (a pane
    that reads and drops what it is sent) and a ``display-message -p`` (a bare round trip)."""
    commands = {
        "capture-pane": ("capture-pane", "-p", "-t", pane),
        "send-keys": ("send-keys", "-t", sink, "-l", "x"),
        "display-message": ("display-message", "-p", "x"),
    }
    medians = {}
    for what, args in commands.items():
        times = []
        for _ in range(n):
            started = time.perf_counter()
            client.run(*args)
            times.append((time.perf_counter() - started) * 1000)
        medians[what] = statistics.median(times)
    return medians


@contextmanager
def session(tmux: run.Tmux, prefix: str, command: str) -> Iterator[str]:
    """A detached 120×40 session of the benchmark's server running ``command``; its name.
    Killed on leaving (started and killed with a ``tmux`` process: never timed)."""
    tmux.count += 1
    name = f"{prefix}{tmux.count}"
    tmux._tmux("new-session", "-d", "-s", name, "-x", str(run.WIDTH), "-y", str(run.HEIGHT), command)
    try:
        yield name
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-session", "-t", name], capture_output=True)


def instrument_figures(tmux: run.Tmux, control: ControlClient, novel_utf8: Path) -> dict[str, dict[str, float]]:
    """Both instruments' round trips, on a 120×40 pane showing the novel (in ``less``)."""
    with session(tmux, "figures", f"exec less {novel_utf8}") as pane, \
            session(tmux, "sink", "exec cat > /dev/null") as sink:
        time.sleep(0.5)
        if run.NOVEL_MARKER not in control.run("capture-pane", "-p", "-t", pane):
            print("  note: the novel was not on screen for the instrument's figures", file=sys.stderr)
        return {"control": round_trips(control, pane, sink),
                "spawn": round_trips(SpawnClient(tmux), pane, sink, n=50)}


# --- the measurements ------------------------------------------------------------------

def expected_counts(text: str) -> list[str]:
    """The count each prefix of ``text`` must show: "1/N", or "0/0" when nothing is found."""
    from tui_reader.pipeline import open_document
    from tui_reader.search.query import search

    doc = open_document(str(run.NOVEL))
    counts = []
    for n in range(1, len(text) + 1):
        prefix = text[:n]
        if not prefix.strip():
            counts.append("")
            continue
        hits = search(doc, prefix)
        counts.append(f"1/{len(hits)}" if hits else "0/0")
    return counts


def shown_count(screen: str) -> str | None:
    m = COUNT_RE.search(screen)
    return m.group(1) if m else None


def seconds_until(client: Client, name: str, shows: Callable[[str], bool], started: float,
                  *capture_flags: str, timeout: float = 5.0) -> float | None:
    """Seconds from ``started`` until the pane's screen ``shows`` what is awaited (None:
    not within ``timeout``); the pane is captured every ``client.poll_pause``."""
    while time.perf_counter() - started < timeout:
        if shows(client.run("capture-pane", "-p", *capture_flags, "-t", name)):
            return time.perf_counter() - started
        if client.poll_pause:
            time.sleep(client.poll_pause)
    return None


def time_key(client: Client, name: str, key: str, shows: Callable[[str], bool],
             *capture_flags: str) -> float | None:
    """Seconds from sending ``key`` (literally: ``send-keys -l``) to ``name`` until its screen
    ``shows`` what is awaited; the clock starts just before the command is sent."""
    started = time.perf_counter()
    client.run("send-keys", "-t", name, "-l", key)
    return seconds_until(client, name, shows, started, *capture_flags)


def one_round(tmux: run.Tmux, client: Client, env: dict[str, str], text: str,
              counts: list[str]) -> list[tuple[int, float]]:
    """(prefix length, ms) for every key whose count differs from the key before."""
    command = "exec env " + " ".join(f"{k}={v}" for k, v in env.items()) + " " + " ".join(
        [*run.READER, str(run.NOVEL)])
    timed = []
    with session(tmux, "keys", command) as name:
        deadline = time.perf_counter() + 60
        while run.NOVEL_MARKER not in client.run("capture-pane", "-p", "-t", name):
            if time.perf_counter() > deadline:
                raise SystemExit("the novel never came on screen")
            time.sleep(0.02)
        time.sleep(1.0)  # the reader settles (the search's warm-up starts when the pane opens)
        client.run("send-keys", "-t", name, "/")
        time.sleep(1.0)
        previous = ""
        for n, key in enumerate(text, start=1):
            want = counts[n - 1]
            seen = time_key(client, name, key, lambda screen, want=want: shown_count(screen) == want)
            if want and want != previous and seen is not None:
                timed.append((n, seen * 1000))
            elif want and seen is None:
                print(f"  {text[:n]!r}: the count never showed {want}", file=sys.stderr)
            previous = want
            time.sleep(PAUSE)
    return timed


def minimal_app_keys(tmux: run.Tmux, client: Client, text: str, rounds: int) -> list[float]:
    """ms per key for ``minimal_search_box.py``: typed the same way, each key timed until
    its count ("1/n" for n letters) is on screen."""
    times = []
    for _ in range(rounds):
        box = Path(__file__).resolve().parent / "minimal_search_box.py"
        with session(tmux, "box", f"exec {run.PY} {box}") as name:
            deadline = time.perf_counter() + 30
            while shown_count(client.run("capture-pane", "-p", "-t", name)) != "0/0":
                if time.perf_counter() > deadline:
                    raise SystemExit("the minimal search box never came on screen")
                time.sleep(0.02)
            time.sleep(0.5)
            for n, key in enumerate(text, start=1):
                seen = time_key(client, name, key, lambda screen, n=n: shown_count(screen) == f"1/{n}")
                if seen is not None:
                    times.append(seen * 1000)
                time.sleep(PAUSE)
    return times


def less_search(tmux: run.Tmux, client: Client, novel_utf8: Path, word: str, rounds: int) -> list[float]:
    """ms from Enter on ``/word`` in less until the hit is highlighted (reverse video)."""
    times = []
    for _ in range(rounds):
        with session(tmux, "less", f"exec less {novel_utf8}") as name:
            time.sleep(0.5)
            client.run("send-keys", "-t", name, "/")
            client.run("send-keys", "-t", name, "-l", word)
            time.sleep(0.3)
            started = time.perf_counter()
            client.run("send-keys", "-t", name, "Enter")
            seen = seconds_until(client, name, lambda screen: "\x1b[7m" in screen, started, "-e")
            if seen is not None:
                times.append(seen * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    # (its one-, two- and three-letter prefixes each change the count — 7, 342 and 0 hits — so
    # all three are timed; in "князь Андрей сказал", "кн" and "кня" both find one "кн.")
    parser.add_argument("--text", default="Наташа сказала Пьеру, что она поедет")
    parser.add_argument("--spawn", action="store_true",
                        help="time with a new tmux client per command, as before (default: one control-mode client)")
    parser.add_argument("--poll-ms", type=float,
                        help="pause between two captures of the pane (default: 0.2 in control mode, 2 with --spawn)")
    args = parser.parse_args()
    if not run.NOVEL.exists() or shutil.which("tmux") is None:
        raise SystemExit("needs tmux and ../shared/corpus/large")
    run.compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="summit-keys-"))
    env = {"SUMMIT_READER_CACHE_DIR": str(work / "cache"), "SUMMIT_READER_STATE_DIR": str(work / "state"),
           "SUMMIT_READER_CONFIG_DIR": str(work / "config")}
    subprocess.run([*run.READER, "index", str(run.NOVEL)], env={**run.os.environ, **env}, check=True,
                   capture_output=True)
    novel_utf8 = work / "novel.txt"  # less cannot decode cp1251: show it the same text in UTF-8
    novel_utf8.write_text(run.NOVEL.read_bytes().decode(run.NOVEL_ENCODING), encoding="utf-8")
    counts = expected_counts(args.text)
    load = run.os.getloadavg()[0]
    tmux = run.Tmux()
    try:
        with ControlClient(tmux) as control:
            figures = instrument_figures(tmux, control, novel_utf8)
            client: Client = SpawnClient(tmux) if args.spawn else control
            if args.poll_ms is not None:
                client.poll_pause = args.poll_ms / 1000
            rounds = [one_round(tmux, client, env, args.text, counts) for _ in range(args.rounds)]
            less = less_search(tmux, client, novel_utf8, args.text.split()[0], args.rounds)
            box = minimal_app_keys(tmux, client, args.text, args.rounds)
    finally:
        tmux.close()
        shutil.rmtree(work, ignore_errors=True)
    load_after = run.os.getloadavg()[0]
    every = [ms for r in rounds for _, ms in r]
    by_length = {n: [ms for r in rounds for k, ms in r if k == n] for n in (1, 2, 3)}
    print(f"\nTyped {args.text!r} {args.rounds}× into the search of the novel; load average {load:.2f} at the "
          f"start, {load_after:.2f} at the end.")
    print(f"Timed with {client.label}, a pause of {client.poll_pause * 1000:g} ms between two captures.")
    print("The instrument's own round trips (median ms; capture-pane of the 120×40 novel):")
    for kind, label in (("control", "control-mode client"), ("spawn", "a new tmux process")):
        f = figures[kind]
        print(f"  {label:<20} capture-pane {f['capture-pane']:.2f}, send-keys {f['send-keys']:.2f}, "
              f"display-message {f['display-message']:.2f}")
    if not every:
        raise SystemExit("no keystroke was timed")
    mode = "--spawn" if args.spawn else "control mode"
    print(f"\n| measure ({mode}) | result | target | met |\n| --- | --- | --- | --- |")
    med, worst = statistics.median(every), max(every)
    print(f"| search keystroke → count on screen, median ({len(every)} keys timed) | {med:.1f} ms | ≤ 16 ms | "
          f"{'yes' if med <= 16 else 'no'} |")
    print(f"| the same, worst | {worst:.1f} ms | ≤ 50 ms | {'yes' if worst <= 50 else 'no'} |")
    for n, values in by_length.items():
        if values:
            print(f"| {n}-letter prefix (median of {len(values)}) | {statistics.median(values):.1f} ms "
                  f"(worst {max(values):.1f} ms) |  |  |")
    if box:
        print(f"| minimal Textual app: an Input and a count rewritten on each change (`minimal_search_box.py`), "
              f"median ({len(box)} keys) | {statistics.median(box):.1f} ms (worst {max(box):.1f} ms) |  |  |")
    if less:
        print(f"| less: Enter on `/{args.text.split()[0]}` → hit shown (median of {len(less)}) | "
              f"{statistics.median(less):.1f} ms |  |  |")
    spent = figures["spawn" if args.spawn else "control"]
    print(f"| the instrument's round trip: send-keys / capture-pane (in every time above) | "
          f"{spent['send-keys']:.2f} / {spent['capture-pane']:.2f} ms |  |  |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
