"""Say which settings the app could not use: an unknown theme, a binding id no
binding has, a key name Textual does not know.  Textual ignores all three in
silence (a typo meant a key that simply did not work).  ``store.config`` checks the
form of the file; these checks need Textual's names, so they live here.
"""
from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterable

from textual.binding import Binding
from textual.keys import Keys, _character_to_key

from tui_reader.i18n import _

# The modules whose widgets carry binding ids (the panes are imported late by the app;
# here too, only when the settings name keys at all).
_MODULES = ("reader_app", "widgets.article_view", "widgets.sidebar", "screens.help_screen", "views.numbers_view",
            "views.speakers_view", "widgets.search_pane", "widgets.topic_pane", "screens.mark_prompt",
            "screens.view_modal", "web_reader", "screens.feed_screen")
_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def known_binding_ids() -> set[str]:
    ids: set[str] = set()
    for name in _MODULES:
        try:
            module = importlib.import_module(f"tui_reader.app.{name}")
        except ImportError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            for binding in getattr(cls, "BINDINGS", ()) or ():
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
    return ids


def _key_names() -> set[str]:
    names = {k.value for k in Keys}
    names |= {_character_to_key(chr(c)) for c in range(0x20, 0x7F)}
    return names


def unknown_key(key: str, names: set[str]) -> bool:
    *mods, base = key.strip().split("+") if key.strip() != "+" else ["+"]
    if any(m not in _MODIFIERS for m in mods) or not base:
        return True
    return not (len(base) == 1 and base.isprintable()) and base not in names


def keymap_problems(theme: str | None, available_themes: Iterable[str], keys: dict[str, str]) -> list[str]:
    """One line per setting the app cannot use (the setting itself is ignored)."""
    problems = []
    if theme and theme not in available_themes:
        problems.append(_("Settings: unknown theme {theme}; themes are: {themes}…").format(
            theme=json.dumps(theme, ensure_ascii=False), themes=", ".join(sorted(available_themes)[:12])))
    if keys:
        ids, names = known_binding_ids(), _key_names()
        for binding_id, keystr in keys.items():
            if binding_id not in ids:
                problems.append(_("Settings: no binding has the id {binding_id} (the help screen, ?, lists them); "
                                  "ignored").format(binding_id=json.dumps(binding_id, ensure_ascii=False)))
                continue
            bad = [k for k in keystr.split(",") if unknown_key(k, names)]
            if bad:
                problems.append(_("Settings: {binding_id}: unknown key name {keys}").format(
                    binding_id=binding_id, keys=", ".join(json.dumps(k.strip(), ensure_ascii=False) for k in bad)))
    return problems
