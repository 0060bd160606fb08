"""The TOML settings: theme and key remapping; a bad file never stops the reader."""
from __future__ import annotations

import tomllib

import pytest

from tui_reader.store.config import Config, config_path, load_config, save_theme


@pytest.fixture
def cfg_dir(tmp_path, monkeypatch):
    path = tmp_path / "config"
    monkeypatch.setenv("SUMMIT_READER_CONFIG_DIR", str(path))
    return path


def write(cfg_dir, text: str):
    cfg_dir.mkdir(parents=True, exist_ok=True)
    (cfg_dir / "config.toml").write_text(text, encoding="utf-8")


def test_no_file_means_defaults(cfg_dir):
    cfg = load_config()
    assert (cfg.theme, cfg.keys, cfg.warnings) == (None, {}, [])
    assert cfg.path == cfg_dir / "config.toml" == config_path()


def test_theme_and_keys(cfg_dir):
    write(cfg_dir, '# my settings\ntheme = "gruvbox"\n\n[keys]\n"marks.set" = "M"\n'
                   'view.numbers = ["f3", "#"]\nquit = "ctrl+q"\n')
    cfg = load_config()
    assert cfg.theme == "gruvbox"
    # Dotted ids work quoted or bare (bare ones are nested tables in TOML).
    assert cfg.keys == {"marks.set": "M", "view.numbers": "f3,#", "quit": "ctrl+q"}
    assert cfg.warnings == []


@pytest.mark.parametrize("text", ['theme = "unterminated\n', "[keys\n", "theme = 'a'\ntheme = 'b'\n", "\xff\xfe"])
def test_corrupt_file_is_reported_and_ignored(cfg_dir, text):
    cfg_dir.mkdir(parents=True)
    (cfg_dir / "config.toml").write_bytes(text.encode("latin-1"))
    cfg = load_config()
    assert (cfg.theme, cfg.keys) == (None, {})
    assert len(cfg.warnings) == 1 and "config.toml" in cfg.warnings[0] and "\n" not in cfg.warnings[0]


def test_wrong_types_are_reported_and_the_rest_kept(cfg_dir):
    write(cfg_dir, 'theme = 3\n[keys]\ngood = "g"\nbad = 5\n')
    cfg = load_config()
    assert cfg.theme is None and cfg.keys == {"good": "g"}
    assert len(cfg.warnings) == 2


def test_save_theme_creates_the_file(cfg_dir):
    assert save_theme("nord") is None
    assert load_config().theme == "nord"


def test_save_theme_keeps_comments_and_other_keys(cfg_dir):
    original = '# my settings\ntheme = "gruvbox"  # old\n\n[keys]\n"marks.set" = "M"\ntheme = "not this one"\n'
    write(cfg_dir, original)
    assert save_theme("textual-light") is None
    text = (cfg_dir / "config.toml").read_text()
    assert text.startswith("# my settings\ntheme = \"textual-light\"\n")
    assert tomllib.loads(text) == {"theme": "textual-light", "keys": {"marks.set": "M", "theme": "not this one"}}


def test_save_theme_adds_the_key_before_the_first_table(cfg_dir):
    write(cfg_dir, '[keys]\nquit = "ctrl+q"\n')
    assert save_theme('odd "name"') is None
    assert load_config() == Config(theme='odd "name"', keys={"quit": "ctrl+q"}, path=cfg_dir / "config.toml")


def test_save_theme_never_overwrites_a_corrupt_file(cfg_dir):
    write(cfg_dir, "theme = [oops\n")
    problem = save_theme("nord")
    assert problem and "not saved" in problem
    assert (cfg_dir / "config.toml").read_text() == "theme = [oops\n"


def test_save_theme_refuses_an_edit_it_cannot_make_safely(cfg_dir):
    tricky = 'note = """\ntheme = "inside a string"\n"""\n'
    write(cfg_dir, tricky)
    problem = save_theme("nord")
    # Either done right or refused; the user's text is never damaged.
    if problem is None:
        assert tomllib.loads((cfg_dir / "config.toml").read_text())["note"] == '\ntheme = "inside a string"\n'[1:]
    else:
        assert (cfg_dir / "config.toml").read_text() == tricky


def test_unwritable_config_dir_is_reported(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("SUMMIT_READER_CONFIG_DIR", str(blocker))
    problem = save_theme("nord")
    assert problem and "not saved" in problem
    assert load_config().theme is None
