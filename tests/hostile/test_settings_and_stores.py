"""Should-fix items of the stores: the settings file, the cache, leftover temporary files."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.hostile.capped import run_capped
from tui_reader.store import cache
from tui_reader.store.config import load_config, save_theme

pytestmark = pytest.mark.hostile


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_key_string_with_escape_is_refused_and_said(tmp_path):
    cfg = load_config(write_config(tmp_path, '[keys]\n"reader.quit" = "q\\u001b]0;T\\u0007"\n'))
    assert "reader.quit" not in cfg.keys
    assert any("control characters" in w and "\x1b" not in w for w in cfg.warnings), cfg.warnings


def test_a_huge_key_list_is_bounded(tmp_path):
    keys = ",".join(f"ctrl+{chr(0x430 + i % 32)}" for i in range(60_000))  # ~400 KB
    path = write_config(tmp_path, f'[keys]\n"reader.quit" = "{keys}"\n')
    started = time.monotonic()
    cfg = load_config(path)
    assert time.monotonic() - started < 1
    assert cfg.keys == {} and cfg.warnings


def test_many_keys_in_a_small_file_are_bounded_too(tmp_path):
    cfg = load_config(write_config(tmp_path, '[keys]\n"reader.quit" = "' + ",".join("abcdefghijkl") + '"\n'))
    assert cfg.keys == {} and "more than" in cfg.warnings[0]


def test_saving_the_theme_writes_through_a_symlink(tmp_path):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "summit.toml"
    target.write_text('# mine\n[keys]\n"reader.quit" = "q"\n', encoding="utf-8")
    link = tmp_path / "config.toml"
    link.symlink_to(target)
    assert save_theme("nord", link) is None
    assert link.is_symlink()
    assert 'theme = "nord"' in target.read_text() and "# mine" in target.read_text()


async def test_the_app_says_which_settings_it_cannot_use(tmp_path, monkeypatch):
    from tui_reader.app.reader_app import ReaderApp
    from tui_reader.pipeline import open_document
    from tui_reader.seeds import seed_path

    monkeypatch.setenv("SUMMIT_READER_CONFIG_DIR", str(tmp_path))
    write_config(tmp_path, 'theme = "no-such-theme"\n[keys]\n"reader.nothing" = "x"\n'
                           '"reader.quit" = "q,ctrl+nonsense"\n"marks.set" = "q\\u001b"\n')
    app = ReaderApp(open_document(seed_path()))
    async with app.run_test() as pilot:
        await pilot.pause()
        said = " | ".join(str(n.message) for n in app._notifications)
    assert "no-such-theme" in said and "reader.nothing" in said and "ctrl+nonsense" in said
    assert "control characters" in said and "\x1b" not in said


# --- the cache ----------------------------------------------------------------------

LOAD_ENTRY = """
import sys, time
from pathlib import Path
from tui_reader.store import cache
started = time.monotonic()
print(cache.load(sys.argv[1], Path(sys.argv[2]), version='any'), round(time.monotonic() - started, 1))
"""


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_an_entry_that_is_not_a_regular_file_is_a_miss(tmp_path, kind):
    """Was: a MemoryError (a symlink to /dev/zero) and a hang (a FIFO).  In a child
    process under the memory cap, with a timeout, so old code fails without harm."""
    key = "ab" * 32
    entry = tmp_path / (key + cache.SUFFIX)
    if kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    out = run_capped(["-c", LOAD_ENTRY, key, str(tmp_path)], cwd=tmp_path, mb=800, timeout=20)
    assert out.returncode == 0, out.stderr.decode()[-500:]
    assert out.stdout.decode().split()[0] == "None"


@contextmanager
def undeletable(directory: Path):
    """A directory whose files cannot be deleted: read-only, or immutable where the
    tests run as root (who ignores the mode); skipped where neither is possible."""
    if os.geteuid() != 0:
        directory.chmod(0o500)
        try:
            yield
        finally:
            directory.chmod(0o700)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(directory)],
                                                       capture_output=True).returncode != 0:
        pytest.skip("cannot make a directory undeletable here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(directory)], capture_output=True)


def test_clearing_a_read_only_cache_says_it_could_not(tmp_path):
    directory = tmp_path / "cache"
    directory.mkdir()
    (directory / ("ab" * 32 + cache.SUFFIX)).write_bytes(b"x")
    with undeletable(directory):
        out = run_capped(["cache", "clear"], cwd=tmp_path, env={"SUMMIT_READER_CACHE_DIR": str(directory)})
    assert out.returncode == 2  # was: "removed 0 entries" and 0
    err = out.stderr.decode()
    assert "could not remove 1 entry" in err and err.count("\n") == 1


def test_temporary_files_of_killed_writers_are_removed_at_start(tmp_path):
    dirs = {name: tmp_path / name for name in ("cache", "state", "config")}
    old = time.time() - 3600
    leftovers = [dirs["cache"] / ".tmp-abc.model", dirs["state"] / "documents" / ".x.json.abc.tmp",
                 dirs["config"] / ".config.toml.abc.tmp"]
    young = dirs["cache"] / ".tmp-new.model"
    for path in [*leftovers, young]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    for path in leftovers:
        os.utime(path, (old, old))
    env = {f"SUMMIT_READER_{k.upper()}_DIR": str(v) for k, v in dirs.items()}
    out = run_capped(["-c", "from tui_reader.store.cleanup import remove_stale_temps; print(remove_stale_temps())"],
                     cwd=tmp_path, env=env)
    assert out.stdout.decode().strip() == "3", out.stderr.decode()
    assert not any(p.exists() for p in leftovers) and young.exists()
