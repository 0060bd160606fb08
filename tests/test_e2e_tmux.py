"""End to end: the INSTALLED ``summit-reader`` in a real terminal (tmux): launch, read, jump to the end, quit."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _reader() -> str:
    exe = Path(sys.executable).parent / "summit-reader"
    if exe.is_file():
        return str(exe)
    found = shutil.which("summit-reader")
    if not found:
        pytest.skip("summit-reader is not installed")
    return found


def _tmux(session: str, *args: str, check: bool = False) -> subprocess.CompletedProcess:
    # a private server per test (-L): other tmux users on the machine can't disturb it, nor it them
    return subprocess.run(["tmux", "-L", session, *args], capture_output=True, text=True, check=check)


def _capture(session: str) -> str:
    return _tmux(session, "capture-pane", "-t", session, "-p").stdout


def _wait_for(session: str, predicate, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if predicate(screen):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"screen never matched; last screen:\n{screen}")


@pytest.fixture
def tmux_session():
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    session = f"summit-e2e-{uuid.uuid4().hex[:8]}"
    yield session
    _tmux(session, "kill-server")


def test_launch_read_jump_to_end_and_quit(tmux_session: str, tmp_path: Path) -> None:
    paragraphs = [f"Абзац номер {i}: " + "текст статьи " * 12 for i in range(1, 80)]
    article = tmp_path / "article.txt"
    article.write_text("Заголовок проверки\n\n" + "\n\n".join(paragraphs) + "\n\nПоследний абзац статьи.\n",
                       encoding="utf-8")
    done = tmp_path / "exit-status"
    command = f"{_reader()} --lang en --no-cache {article}; echo $? > {done}"
    _tmux(tmux_session, "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "36", command, check=True)

    screen = _wait_for(tmux_session, lambda s: "Абзац номер 1:" in s and "Quit" in s)  # text and key hints
    assert "Последний абзац" not in screen

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "G", check=True)
    screen = _wait_for(tmux_session, lambda s: "Последний абзац статьи." in s)
    assert "Абзац номер 1:" not in screen

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "q", check=True)
    deadline = time.monotonic() + 10
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.exists() and done.read_text().strip() == "0"


def test_a_feed_from_a_local_server_then_an_item_with_its_speakers(tmux_session: str, tmp_path: Path) -> None:
    from tests.web_server import ARTICLE_TITLE, Reply, Server, article_html, rfc822, rss

    server = Server().start()
    try:
        server.route("/article", Reply(article_html().encode(), headers={"Content-Type": "text/html; charset=utf-8"}))
        server.route("/feed", Reply(rss([("Мост через реку", server.url("/article"), "Совет обсудил мост.", rfc822(0)),
                                         ("Вчерашняя новость", server.url("/old"), "Это было вчера.", rfc822(1))]),
                                    headers={"Content-Type": "application/rss+xml"}))
        done = tmp_path / "exit-status"
        dirs = " ".join(f"SUMMIT_READER_{d.upper()}_DIR={tmp_path / d}" for d in ("cache", "state", "config"))
        # (COLUMNS/LINES from the test's own terminal would override the pane's size)
        command = f"env -u COLUMNS -u LINES {dirs} {_reader()} {server.url('/feed')}; echo $? > {done}"
        _tmux(tmux_session, "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "36", command, check=True)

        screen = _wait_for(tmux_session, lambda s: "Мост через реку" in s and "Вчерашняя новость" in s)
        assert "2 unread of 2" in screen
        _tmux(tmux_session, "send-keys", "-t", tmux_session, "Enter", check=True)  # the newest item
        # the statement bars appear once the analysis has found the speakers
        screen = _wait_for(tmux_session, lambda s: ARTICLE_TITLE in s and "▎ «Мост будет готов" in s, timeout=90)
        assert server.url("/article") in screen  # the URL in the title bar
        _tmux(tmux_session, "send-keys", "-t", tmux_session, "s", check=True)  # the speakers list
        _wait_for(tmux_session, lambda s: "Speakers (3)" in s and "○ Пётр Соколов" in s)

        _tmux(tmux_session, "send-keys", "-t", tmux_session, "q", check=True)  # back to the list
        screen = _wait_for(tmux_session, lambda s: "1 unread of 2" in s)
        _tmux(tmux_session, "send-keys", "-t", tmux_session, "q", check=True)
        deadline = time.monotonic() + 10
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.exists() and done.read_text().strip() == "0"
    finally:
        server.stop()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_search_typed_in_one_write_goes_into_the_box(tmux_session: str, tmp_path: Path, lang: str) -> None:
    """``/безопасность`` arriving as one write (a paste, SSH): every letter lands in the
    search box, in order; none runs as a command (``е`` opened the topics)."""
    article = tmp_path / "article.txt"
    article.write_text("Проверка поиска\n\n"
                       + "\n\n".join(f"Абзац {i}: о безопасности движения и прочем. " * 3 for i in range(1, 30))
                       + "\n\nБезопасность превыше всего.\n", encoding="utf-8")
    done = tmp_path / "exit-status"
    command = f"{_reader()} --lang {lang} --no-cache {article}; echo $? > {done}"
    _tmux(tmux_session, "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "36", command, check=True)
    _wait_for(tmux_session, lambda s: "Абзац 1:" in s)

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "-l", "/безопасность", check=True)
    total = 29 * 3 + 1
    screen = _wait_for(tmux_session, lambda s: f"/{total}" in s)
    assert "безопасность" in screen  # the box holds the whole word
    assert re.search(rf"\b1/{total}\b", screen), screen
    topics = "Jump to topic" if lang == "en" else "Перейти к теме"
    assert topics not in screen  # е was not a command

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "Escape", check=True)
    # (apart: an ESC and a letter in one read are alt+letter)
    _wait_for(tmux_session, lambda s: f"/{total}" not in s)
    _tmux(tmux_session, "send-keys", "-t", tmux_session, "q", check=True)
    deadline = time.monotonic() + 10
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.exists() and done.read_text().strip() == "0"


def test_v_edits_at_the_line_and_reopens_then_colon_n_switches_files(tmux_session: str, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text(f"#!/bin/sh\necho \"$@\" > {tmp_path}/editor-args\n"
                      "printf '\\n\\nДописано в редакторе.\\n' >> \"$2\"\n", encoding="utf-8")
    editor.chmod(0o755)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Первый файл\n\n" + "\n\n".join(f"Абзац {i}: " + "слово " * 20 for i in range(1, 40)) + "\n",
                     encoding="utf-8")
    second.write_text("Второй файл\n\nВ нём один абзац.\n", encoding="utf-8")
    done = tmp_path / "exit-status"
    command = f"env EDITOR={editor} {_reader()} --lang en --no-cache {first} {second}; echo $? > {done}"
    _tmux(tmux_session, "new-session", "-d", "-s", tmux_session, "-x", "100", "-y", "30", command, check=True)
    _wait_for(tmux_session, lambda s: "Абзац 1:" in s)

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "-l", "21G", check=True)  # line 21: paragraph 10
    _wait_for(tmux_session, lambda s: "Абзац 10:" in s.splitlines()[1])
    _tmux(tmux_session, "send-keys", "-t", tmux_session, "v", check=True)
    _wait_for(tmux_session, lambda s: (tmp_path / "editor-args").exists() and "Абзац 10:" in s)
    assert (tmp_path / "editor-args").read_text().split() == ["+21", str(first)]
    # reopened as it is now: G shows the added line (sent again until the new reader
    # reads keys: one sent while the old one exits may be lost with its terminal state)
    for attempt in range(20):
        _tmux(tmux_session, "send-keys", "-t", tmux_session, "G", check=True)
        try:
            _wait_for(tmux_session, lambda s: "Дописано в редакторе." in s, timeout=1.5)
            break
        except AssertionError:
            if attempt == 19:
                raise

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "-l", ":n", check=True)
    _wait_for(tmux_session, lambda s: "В нём один абзац." in s)
    _tmux(tmux_session, "send-keys", "-t", tmux_session, "q", check=True)
    deadline = time.monotonic() + 10
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.exists() and done.read_text().strip() == "0"
