"""End to end: ``summit-reader DIR`` in a real terminal (tmux) adds the folder, shows the
library, opens an article, comes back to the list and quits."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.library_fixtures import write_articles
from tests.test_e2e_tmux import _reader, _tmux, _wait_for, tmux_session  # noqa: F401 - the fixture

pytestmark = pytest.mark.e2e


def test_a_folder_opens_as_a_library(tmux_session: str, tmp_path: Path) -> None:  # noqa: F811
    folder = tmp_path / "news"
    write_articles(folder)
    (folder / "empty.txt").write_bytes(b"")
    done = tmp_path / "exit-status"
    command = f"{_reader()} {folder}; echo $? > {done}"
    _tmux(tmux_session, "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "30", command, check=True)

    screen = _wait_for(tmux_session, lambda s: "Library: 3 articles, 3 unread" in s, timeout=120)
    assert "Порт увеличил грузооборот" in screen and "Лидеры встретились в Минске" in screen
    # the empty file, said in the app too (the toast wraps where the folder's path puts it)
    _wait_for(tmux_session, lambda s: "could not be added" in " ".join(line.strip(" ▌") for line in s.splitlines()))

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "Enter", check=True)  # the newest: the port
    screen = _wait_for(tmux_session, lambda s: "Sections" in s and "грузооборот вырос" in s)

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "q", check=True)
    screen = _wait_for(tmux_session, lambda s: "Library: 3 articles, 2 unread" in s)

    _tmux(tmux_session, "send-keys", "-t", tmux_session, "q", check=True)
    deadline = time.monotonic() + 10
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.exists() and done.read_text().strip() == "0"
