"""The user's settings: a small TOML file for the theme and key remapping.

    $SUMMIT_READER_CONFIG_DIR or platformdirs.user_config_dir("summit-reader")
        config.toml

    theme = "gruvbox"            # any Textual theme name; the app saves the one you pick

    [keys]                       # binding id = Textual key string (see the app's help)
    "marks.set" = "m"
    "view.numbers" = "f3,#"      # several keys: comma-separated (or a list)

API (no Textual; never raises for a bad file):

    cfg = load_config()          # -> Config(theme, keys, warnings, path)
    for w in cfg.warnings: app.notify(w, severity="warning")
    if cfg.theme in app.available_themes: app.theme = cfg.theme
    app.set_keymap(cfg.keys)     # Textual's keymap: {binding_id: "keys"}
    problem = save_theme(name)   # -> str | None, a one-line warning if it could not save

A corrupt file is reported and ignored (defaults apply) and is never overwritten:
``save_theme`` refuses to touch a file it cannot parse, so the user's text survives.
Saving edits the ``theme = …`` line in place, so comments and other keys are kept.
"""
from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.i18n import _
from tui_reader.store.files import atomic_write_text, reason, user_dir

CONFIG_DIR_ENV = "SUMMIT_READER_CONFIG_DIR"
CONFIG_NAME = "config.toml"

# Bounds on what the settings may ask for: a 400 KB key list made Textual's start-up
# hang, and no one binds a hundred keys to one action.
MAX_CONFIG_BYTES = 64 * 1024
MAX_KEY_STRING = 200
MAX_KEYS_PER_BINDING = 10
MAX_BINDINGS = 200
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


@dataclass
class Config:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    path: Path | None = None


def config_dir() -> Path:
    return user_dir(CONFIG_DIR_ENV, "config")


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    cfg = Config(path=path)
    data, problem = _read(path)
    if problem:
        cfg.warnings.append(f"Settings ignored: {problem}")
        return cfg
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        cfg.theme = theme.strip()
    elif theme is not None:
        cfg.warnings.append(f"{path}: theme must be a non-empty string; ignored")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        cfg.warnings.append(f"{path}: [keys] must be a table; ignored")
        keys = {}
    for n, (binding_id, value) in enumerate(_flatten(keys)):
        if n >= MAX_BINDINGS:
            cfg.warnings.append(_("{path}: more than {n} key bindings; the rest are ignored").format(
                path=path, n=MAX_BINDINGS))
            break
        keystr = _key_string(value)
        if keystr is None:
            cfg.warnings.append(f"{path}: keys.{_shown(binding_id)} must be a key string like \"ctrl+s\"; ignored")
        elif problem := _key_string_problem(keystr):
            cfg.warnings.append(_("{path}: keys.{id} {problem}; ignored").format(
                path=path, id=_shown(binding_id), problem=problem))
        elif _CONTROL.search(binding_id):
            cfg.warnings.append(_("{path}: binding id {id} has control characters; ignored").format(
                path=path, id=_shown(binding_id)))
        else:
            cfg.keys[binding_id] = keystr
    return cfg


def _shown(value: str, limit: int = 60) -> str:
    """A value from the file for a message: quoted, control characters visible, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    text = _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _key_string_problem(keystr: str) -> str | None:
    """Why a key string cannot be used (None if it can): its form only; whether Textual
    knows each key's name is the app's check."""
    if len(keystr) > MAX_KEY_STRING:
        return _("is {n:,} characters long (at most {limit})").format(n=len(keystr), limit=MAX_KEY_STRING)
    if _CONTROL.search(keystr):
        return _("has control characters ({keys}): write key names such as \"escape\"").format(keys=_shown(keystr))
    if len(keystr.split(",")) > MAX_KEYS_PER_BINDING:
        return _("lists more than {n} keys").format(n=MAX_KEYS_PER_BINDING)
    return None


def save_theme(name: str, path: Path | None = None) -> str | None:
    """Persist the chosen theme, keeping everything else in the file.  Returns None on
    success, else a one-line warning.  A symlinked ``config.toml`` (dotfiles kept in a
    repository) is written through: its target changes, the link stays."""
    path = path or config_path()
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    data, problem = _read(path)
    if problem:
        return f"Theme not saved: {problem}"
    try:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
    except OSError as e:
        return f"Theme not saved: cannot read {path} ({reason(e)})"
    new = _with_theme(old, name)
    # The line edit must mean exactly "same settings, new theme"; if the file's shape
    # defeats it (a `theme =` line inside a multi-line string, say), refuse rather than
    # damage the user's file.
    try:
        reread = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        reread = None
    if reread != {**data, "theme": name}:
        return f"Theme not saved: could not update {path} safely; set theme = \"{name}\" there by hand"
    try:
        atomic_write_text(path, new)
    except OSError as e:
        return f"Theme not saved: cannot write {path} ({reason(e)})"
    return None


# --- helpers -----------------------------------------------------------------------

# A top-level `theme = ...` line (bare or quoted key), value and comment included.
_THEME_LINE = re.compile(r"""^[ \t]*(?:theme|"theme"|'theme')[ \t]*=.*$""")
_TABLE_HEADER = re.compile(r"^[ \t]*\[")


def _with_theme(text: str, name: str) -> str:
    line = f"theme = {json.dumps(name, ensure_ascii=False)}"  # a JSON string is a TOML basic string
    lines = text.splitlines()
    for i, existing in enumerate(lines):
        if _TABLE_HEADER.match(existing):
            break  # past the top-level keys: `theme` under a table is someone else's
        if _THEME_LINE.match(existing):
            lines[i] = line
            return "\n".join(lines) + "\n"
    # No theme yet: top-level keys must come before the first table, so put it first.
    return "\n".join([line, *lines]) + "\n"


def _read(path: Path) -> tuple[dict, str | None]:
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return {}, None
    except OSError as e:
        return {}, f"cannot read {path} ({reason(e)})"
    if len(raw) > MAX_CONFIG_BYTES:
        return {}, _("{path} is larger than {kb} KB; a settings file is a few lines").format(
            path=path, kb=MAX_CONFIG_BYTES // 1024)
    try:
        return tomllib.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return {}, f"{path} is not UTF-8 text"
    except tomllib.TOMLDecodeError as e:
        return {}, f"{path} is not valid TOML ({reason(e)})"


def _flatten(table: dict, prefix: str = ""):
    """Binding ids contain dots; unquoted in TOML they become nested tables, so
    ``marks.set = "m"`` and ``"marks.set" = "m"`` both mean the id "marks.set"."""
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, full + ".")
        else:
            yield full, value


def _key_string(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return ",".join(v.strip() for v in value)
    return None
