"""``y`` copies through a clipboard tool that really exists here and says which; OSC 52
only as the last resort, and then it says the terminal may not take it.

The tools are real programs: small shell scripts on a private PATH that keep what they
were given, so the test sees exactly what a clipboard would."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from tui_reader.reading.clipboard import candidates, copy_with_tools


def fake_tool(bin_dir: Path, name: str, *, fails: bool = False) -> Path:
    """A program called ``name`` that stores its standard input in ``name.out``."""
    out = bin_dir / f"{name}.out"
    script = bin_dir / name
    script.write_text(f"#!/bin/sh\n/bin/cat > '{out}'\nexit {1 if fails else 0}\n", encoding="utf-8")
    script.chmod(0o755)
    return out


def test_the_first_tool_that_fits_the_session_copies(tmp_path: Path) -> None:
    wl = fake_tool(tmp_path, "wl-copy")
    xclip = fake_tool(tmp_path, "xclip")
    env = {"PATH": str(tmp_path), "DISPLAY": ":0"}  # X11 only: wl-copy cannot work
    assert [t.name for t in candidates(env)] == ["xclip"]
    assert copy_with_tools("«Мост откроют весной» — Пётр Орлов", env) == "xclip"
    assert xclip.read_text(encoding="utf-8") == "«Мост откроют весной» — Пётр Орлов"
    assert not wl.exists()


def test_a_failing_tool_hands_over_to_the_next(tmp_path: Path) -> None:
    fake_tool(tmp_path, "xclip", fails=True)
    tmux = fake_tool(tmp_path, "tmux")
    env = {"PATH": str(tmp_path), "DISPLAY": ":0", "TMUX": "/tmp/tmux-1/default,1,0"}
    assert copy_with_tools("слово", env) == "tmux"
    assert tmux.read_text(encoding="utf-8") == "слово"


def test_nothing_fits_gives_none(tmp_path: Path) -> None:
    fake_tool(tmp_path, "xclip")
    assert copy_with_tools("слово", {"PATH": str(tmp_path)}) is None  # no display: xclip can't


# --- in the app ------------------------------------------------------------------------

pytest.importorskip("textual")


async def copy_in_app(doc) -> list[str]:
    from tui_reader.app.reader_app import ReaderApp

    app = ReaderApp(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        app.state = replace(app.state, statement=0)
        await pilot.press("y")
        for _ in range(50):
            await pilot.pause(0.05)
            if any("Copied" in n.message or "Скопировано" in n.message for n in app._notifications):
                break
        return [n.message for n in app._notifications]


def doc_with_a_hostile_quote():
    from tests.sample import sample_document

    doc = sample_document()
    st = doc.statements[0]
    # an escape sequence inside the statement (same length: the offsets stay right)
    piece = doc.text[st.start:st.end]
    hostile = piece[:3] + "\x1b]52" + piece[7:]
    doc.text = doc.text[:st.start] + hostile + doc.text[st.end:]
    return doc


async def test_y_copies_with_the_tool_and_says_so(tmp_path: Path, monkeypatch) -> None:
    out = fake_tool(tmp_path, "wl-copy")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    messages = await copy_in_app(doc_with_a_hostile_quote())
    copied = out.read_text(encoding="utf-8")
    assert copied and "\x1b" not in copied and "]52" in copied
    [note] = [m for m in messages if "wl-copy" in m]
    assert not any(ord(c) < 32 for c in note)


async def test_y_with_no_tool_says_it_fell_back_to_osc52(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    for name in ("WAYLAND_DISPLAY", "DISPLAY", "TMUX"):
        monkeypatch.delenv(name, raising=False)
    messages = await copy_in_app(doc_with_a_hostile_quote())
    assert any("OSC 52" in m for m in messages), messages
