"""Copy text to the clipboard through whatever can really do it here, and say which.

OSC 52 (the terminal copies what the app writes) is the last resort: tmux ignores it
by default and many terminals refuse it, so ``y`` said "Copied" where nothing was.
The tools are tried in the order that fits the session: Wayland, X11, macOS, then
tmux's own paste buffer when inside tmux.  Pure standard library.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass

TIMEOUT = 2.0  # seconds: a clipboard tool that hangs (no display) must not hang the reader


@dataclass(frozen=True)
class Tool:
    name: str  # what the user is told
    argv: tuple[str, ...]
    needs: str | None = None  # an environment variable that must be set (the display)


TOOLS = (
    Tool("wl-copy", ("wl-copy",), "WAYLAND_DISPLAY"),
    Tool("xclip", ("xclip", "-selection", "clipboard"), "DISPLAY"),
    Tool("xsel", ("xsel", "--clipboard", "--input"), "DISPLAY"),
    Tool("pbcopy", ("pbcopy",)),
    # -w also hands it to the outer terminal's clipboard where tmux may do so
    Tool("tmux", ("tmux", "load-buffer", "-w", "-"), "TMUX"),
)
OSC52 = "OSC 52"


def candidates(env: Mapping[str, str] | None = None) -> list[Tool]:
    """The tools that can work in this session, best first."""
    env = os.environ if env is None else env
    path = env.get("PATH")
    found = []
    for tool in TOOLS:
        if tool.needs and not env.get(tool.needs):
            continue
        if shutil.which(tool.argv[0], path=path):
            found.append(tool)
    return found


def copy_with_tools(text: str, env: dict[str, str] | None = None) -> str | None:
    """Copy ``text`` with the first tool that succeeds; its name, or None if none did
    (the caller then falls back to OSC 52)."""
    data = text.encode("utf-8")
    for tool in candidates(env):
        argv = list(tool.argv)
        argv[0] = shutil.which(argv[0], path=(env or os.environ).get("PATH")) or argv[0]
        attempts = [argv] + ([[a for a in argv if a != "-w"]] if "-w" in argv else [])  # tmux < 3.2
        for attempt in attempts:
            try:
                # no pipes for the output: xclip stays behind to serve the selection and
                # would keep them open
                done = subprocess.run(attempt, input=data, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, timeout=TIMEOUT, env=env)
            except (OSError, subprocess.SubprocessError):
                break
            if done.returncode == 0:
                return tool.name
    return None
