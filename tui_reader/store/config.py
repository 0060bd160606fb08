"""The user's settings: a small TOML file for the theme and key remapping.

    $SUMMIT_READER_CONFIG_DIR or platformdirs.user_config_dir("summit-reader")
        config.toml

    theme = "gruvbox"            # any Textual theme name; the app saves the one you pick

    [keys]                       # binding id = Textual key string (see the app's help)
    "marks.set" = "m"
    "view.numbers" = "f3,#"      # several keys: comma-separated (or a list)

    [feeds]                      # name = URL (or file) of an RSS/Atom feed
    lenta = "https://lenta.ru/rss"

API (no Textual; never raises for a bad file):

    cfg = load_config()          # -> Config(theme, keys, warnings, path)
    for w in cfg.warnings: app.notify(w, severity="warning")
    if cfg.theme in app.available_themes: app.theme = cfg.theme
    app.set_keymap(cfg.keys)     # Textual's keymap: {binding_id: "keys"}
    problem = save_theme(name)   # -> str | None, a one-line warning if it could not save
    added, problem = add_feeds({"name": "https://…"})  # appends to [feeds], keeping the rest

A corrupt file is reported and ignored (defaults apply) and is never overwritten:
``save_theme`` refuses to touch a file it cannot parse, so the user's text survives.
Saving edits the ``theme = …`` line in place, so comments and other keys are kept.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    feeds: dict[str, str] = field(default_factory=dict)  # name → URL or file of a feed
    language: str | None = None  # "ru", "en": the interface's language (else the locale's)
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
        cfg.warnings.append(_("Settings ignored: {problem}").format(problem=problem))
        return cfg
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        cfg.theme = theme.strip()
    elif theme is not None:
        cfg.warnings.append(_("{path}: theme must be a non-empty string; ignored").format(path=path))
    language = data.get("language")
    if isinstance(language, str) and language.strip():
        cfg.language = language.strip()
    elif language is not None:
        cfg.warnings.append(_("{path}: language must be a string like \"ru\"; ignored").format(path=path))
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        cfg.warnings.append(_("{path}: [keys] must be a table; ignored").format(path=path))
        keys = {}
    for n, (binding_id, value) in enumerate(_flatten(keys)):
        if n >= MAX_BINDINGS:
            cfg.warnings.append(_("{path}: more than {count} key bindings; the rest are ignored").format(
                path=path, count=MAX_BINDINGS))
            break
        keystr = _key_string(value)
        if keystr is None:
            cfg.warnings.append(_("{path}: keys.{binding_id} must be a key string like \"ctrl+s\"; ignored").format(
                path=path, binding_id=_shown(binding_id)))
        elif problem := _key_string_problem(keystr):
            cfg.warnings.append(_("{path}: keys.{binding_id} {problem}; ignored").format(
                path=path, binding_id=_shown(binding_id), problem=problem))
        elif _CONTROL.search(binding_id):
            cfg.warnings.append(_("{path}: binding id {binding_id} has control characters; ignored").format(
                path=path, binding_id=_shown(binding_id)))
        else:
            cfg.keys[binding_id] = keystr
    feeds = data.get("feeds", {})
    if not isinstance(feeds, dict):
        cfg.warnings.append(_("{path}: [feeds] must be a table of name = URL; ignored").format(path=path))
        feeds = {}
    for name, where in feeds.items():
        if isinstance(where, str) and where.strip():
            cfg.feeds[name] = where.strip()
        else:
            cfg.warnings.append(_("{path}: feeds.{name} must be a URL or a file name; ignored").format(
                path=path, name=_shown(name)))
    return cfg


def add_feeds(new: dict[str, str] | list[tuple[str, str]], path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """Add feeds (name → URL) to ``[feeds]``, skipping URLs already there and renaming
    a name already taken.  Returns (what was added, None) or ({}, a one-line problem).
    As ``save_theme``: the file is edited by lines and checked by parsing it again."""
    path = path or config_path()
    if path.is_symlink():  # as save_theme: the link's target changes, the link stays
        path = Path(os.path.realpath(path))
    data, problem = _read(path)
    if problem:
        return {}, _("Feeds not added: {problem}").format(problem=problem)
    old = data.get("feeds", {})
    if not isinstance(old, dict):
        return {}, _("Feeds not added: [feeds] in {path} is not a table").format(path=path)
    known = {str(v) for v in old.values()}
    added: dict[str, str] = {}
    for name, url in (new.items() if isinstance(new, dict) else new):
        if url in known or url in added.values():
            continue
        unique, n = name, 2
        while unique in old or unique in added:
            unique, n = f"{name} ({n})", n + 1
        added[unique] = url
    if not added:
        return {}, None
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except OSError as e:
        return {}, _("Feeds not added: cannot read {path} ({reason})").format(path=path, reason=reason(e))
    new_text = _with_feeds(text, added)
    import tomllib

    try:
        reread = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        reread = None
    if reread != {**data, "feeds": {**old, **added}}:
        return {}, _("Feeds not added: could not update {path} safely; add them under [feeds] by hand").format(path=path)
    try:
        atomic_write_text(path, new_text)
    except OSError as e:
        return {}, _("Feeds not added: cannot write {path} ({reason})").format(path=path, reason=reason(e))
    return added, None


def _shown(value: str, limit: int = 60) -> str:
    """A value from the file for a message: quoted, control characters visible, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    text = _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _key_string_problem(keystr: str) -> str | None:
    """Why a key string cannot be used (None if it can): its form only; whether Textual
    knows each key's name is the app's check."""
    if len(keystr) > MAX_KEY_STRING:
        return _("is {length:,} characters long (at most {limit})").format(length=len(keystr), limit=MAX_KEY_STRING)
    if _CONTROL.search(keystr):
        return _("has control characters ({keys}): write key names such as \"escape\"").format(keys=_shown(keystr))
    if len(keystr.split(",")) > MAX_KEYS_PER_BINDING:
        return _("lists more than {count} keys").format(count=MAX_KEYS_PER_BINDING)
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
        return _("Theme not saved: {problem}").format(problem=problem)
    try:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
    except OSError as e:
        return _("Theme not saved: cannot read {path} ({reason})").format(path=path, reason=reason(e))
    new = _with_theme(old, name)
    # The line edit must mean exactly "same settings, new theme"; if the file's shape
    # defeats it (a `theme =` line inside a multi-line string, say), refuse rather than
    # damage the user's file.
    import tomllib

    try:
        reread = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        reread = None
    if reread != {**data, "theme": name}:
        return _("Theme not saved: could not update {path} safely; set theme = \"{name}\" there by hand").format(
            path=path, name=name)
    try:
        atomic_write_text(path, new)
    except OSError as e:
        return _("Theme not saved: cannot write {path} ({reason})").format(path=path, reason=reason(e))
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


_FEEDS_HEADER = re.compile(r"^[ \t]*\[[ \t]*feeds[ \t]*\][ \t]*(#.*)?$")


def _with_feeds(text: str, feeds: dict[str, str]) -> str:
    """``text`` with ``name = "url"`` lines under its ``[feeds]`` header (added at the end if none)."""
    entries = [f"{json.dumps(name, ensure_ascii=False)} = {json.dumps(url, ensure_ascii=False)}"
               for name, url in feeds.items()]
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if _FEEDS_HEADER.match(line):
            return "\n".join(lines[: i + 1] + entries + lines[i + 1:]) + "\n"
    gap = [""] if lines and lines[-1].strip() else []
    return "\n".join(lines + gap + ["[feeds]"] + entries) + "\n"


def _read(path: Path) -> tuple[dict[str, Any], str | None]:
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return {}, None
    except OSError as e:
        return {}, _("cannot read {path} ({reason})").format(path=path, reason=reason(e))
    if len(raw) > MAX_CONFIG_BYTES:
        return {}, _("{path} is larger than {size} KB; a settings file is a few lines").format(
            path=path, size=MAX_CONFIG_BYTES // 1024)
    import tomllib  # here, not at the top: with no settings file the reader starts ~3 ms sooner

    try:
        return tomllib.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return {}, _("{path} is not UTF-8 text").format(path=path)
    except tomllib.TOMLDecodeError as e:
        return {}, _("{path} is not valid TOML ({reason})").format(path=path, reason=reason(e))


def _flatten(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
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
