"""The user's settings (``store.config``) applied to a running app: the keymap, the
theme, and the theme the reader picks written back for the next run."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from tui_reader.reading.sanitize import inert
from tui_reader.store.config import Config, load_config, save_theme

if TYPE_CHECKING:
    from textual.theme import Theme


def apply_settings(app: App[int]) -> None:
    config = load_config()
    for warning in config.warnings:
        app.notify(inert(warning), severity="warning", markup=False, timeout=6)
    if config.keys or config.theme:  # after the first frame: the check imports every pane
        app.call_after_refresh(_say_unusable_settings, app, config)
    if config.keys:
        app.set_keymap(config.keys)
    if config.theme and config.theme in app.available_themes:
        app.theme = config.theme

    def theme_changed(theme: Theme) -> None:
        problem = save_theme(theme.name)
        if problem:
            app.notify(problem, severity="warning", markup=False)

    # subscribe after applying, so only the reader's own choice is written back
    app.theme_changed_signal.subscribe(app, theme_changed)


def _say_unusable_settings(app: App[int], config: Config) -> None:
    from tui_reader.app.keymap_check import keymap_problems

    for problem in keymap_problems(config.theme, app.available_themes, config.keys):
        app.notify(inert(problem), severity="warning", markup=False, timeout=6)
