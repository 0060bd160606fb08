"""The hostile-input battery: every case as a generated file, through ``index``,
``export`` (JSON and Markdown), ``search`` and the reader, each command in a child
process under a memory cap.  What must hold for every case:

* a readable file: exit 0, strict JSON (no NaN/Infinity) with offsets inside the text;
* an unreadable one: exit 2 and one line on stderr naming the file;
* never a traceback; never an escape sequence from the file on a terminal (see
  test_terminal_output.py for the terminal itself, and the tmux test below).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.hostile.capped import memory_cap, run_capped
from tests.hostile.cases import BATTERY, escapes_in_text

pytestmark = pytest.mark.hostile


def strict_json(raw: bytes):
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(raw, parse_constant=refuse)


def offsets_in_bounds(doc: dict) -> None:
    n = len(doc["text"])
    for field in ("sections", "paragraphs", "sentences", "statements", "quotes", "numbers", "entities"):
        for item in doc[field]:
            assert 0 <= item["start"] <= item["end"] <= n, (field, item)
    for sp in doc["speakers"]:
        for m in sp["mentions"]:
            assert 0 <= m["start"] <= m["end"] <= n


@pytest.fixture(params=sorted(BATTERY))
def case(request, tmp_path):
    name, make, expect = BATTERY[request.param]
    path = tmp_path / name
    path.write_bytes(make())
    return path, expect


def test_every_command_reads_or_refuses_cleanly(case, tmp_path):
    path, expect = case
    env = {"SUMMIT_READER_CACHE_DIR": str(tmp_path / "cache")}  # index fills it; the others read it
    runs = {
        "index": ["index", str(path)],
        "export": ["export", str(path)],
        "markdown": ["export", str(path), "--format", "markdown"],
        "search": ["search", "Путин", str(path)],
        "search-json": ["search", "заявить", str(path), "--format", "json"],
    }
    for what, args in runs.items():
        out = run_capped(args, cwd=tmp_path, env=env)
        err = out.stderr.decode()
        assert "Traceback" not in err and "internal error" not in err, (what, err[-2000:])
        if expect == "refuse":
            assert out.returncode == 2, (what, err)
            problems = [line for line in err.splitlines() if line.startswith("summit-reader:")]
            assert len(problems) == 1 and path.name in problems[0], (what, err)
            continue
        # search, as grep: 1 when nothing is found
        assert out.returncode == 0 or (what.startswith("search") and out.returncode == 1 and not err), \
            (what, err[-2000:])
        if what == "export":
            offsets_in_bounds(strict_json(out.stdout))
        elif what == "search-json":
            hits = strict_json(out.stdout)["hits"]
            assert all(h["start"] < h["end"] for h in hits)


@pytest.mark.parametrize("name", ["terminal-escapes", "nested-list", "invisible-names", "markup-no-ends"])
async def test_the_reader_opens_and_survives_keys(name, tmp_path):
    from tui_reader.app.reader_app import ReaderApp
    from tui_reader.pipeline import open_for_reading

    file_name, make, _ = BATTERY[name]
    path = tmp_path / file_name
    path.write_bytes(make())
    opened = open_for_reading(path)
    app = ReaderApp(opened.doc, opened=opened, complete=opened.complete, analysis_mode="thread")
    with memory_cap():
        await drive(app)


async def drive(app) -> None:
    from textual import events

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "G", "g", "bracketright", "t", "escape", "S", "escape", "numbers_sign")
        await pilot.press("escape", "slash", *"путин", "escape")
        for key in ("ctrl+p", "pagedown"):
            app.post_message(events.Key(key, None))
        await pilot.pause(0.3)
        await pilot.press("escape")
        if app.analysis_thread is not None:
            app.analysis_thread.join(timeout=120)
        await pilot.pause(0.3)
        assert app._exception is None
        assert app.complete


# --- the terminal itself: tmux ------------------------------------------------------

def _tmux(server: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["tmux", "-L", server, *args], capture_output=True, text=True)


@pytest.mark.e2e
def test_in_tmux_the_title_and_clipboard_stay_ours(tmp_path):
    """The reader and every command on a terminal: the pane's title and tmux's paste
    buffer (where OSC 52 lands) are what they were before."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    reader = Path(sys.executable).parent / "summit-reader"
    if not reader.is_file():
        pytest.skip("summit-reader is not installed")
    article = tmp_path / "escapes.txt"
    article.write_bytes(escapes_in_text())
    server = f"hostile-{uuid.uuid4().hex[:8]}"
    done = tmp_path / "done"
    commands = (f"sleep 1; cd {tmp_path}; export SUMMIT_READER_CACHE_DIR={tmp_path}/cache; printf '\\033]0;OURS\\007'; "
                f"{reader} export escapes.txt --format markdown; {reader} search escapes.txt главном; "
                f"{reader} index --force escapes.txt; {reader} escapes.txt; touch {done}; sleep 30")
    try:
        _tmux(server, "new-session", "-d", "-s", "s", "-x", "120", "-y", "36", "bash", "--norc", "-c", commands)
        _tmux(server, "set-option", "-g", "set-clipboard", "on")
        deadline = time.monotonic() + 60
        screen = ""
        while time.monotonic() < deadline:  # the reader is up once its footer is
            screen = _tmux(server, "capture-pane", "-p", "-t", "s").stdout
            if "Quit" in screen:
                break
            time.sleep(0.3)
        assert "Quit" in screen, screen
        time.sleep(1.0)
        title = _tmux(server, "display-message", "-p", "-t", "s", "#{pane_title}").stdout.strip()
        buffers = _tmux(server, "list-buffers").stdout
        _tmux(server, "send-keys", "-t", "s", "q")
        deadline = time.monotonic() + 15
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        after = _tmux(server, "display-message", "-p", "-t", "s", "#{pane_title}").stdout.strip()
    finally:
        _tmux(server, "kill-server")
    assert "HACKED" not in title and "HACKED" not in after, (title, after)
    assert "pwned" not in buffers and buffers.strip() == "", buffers
    assert done.exists()
