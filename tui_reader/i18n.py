"""Interface strings in the user's language (the standard library's gettext).

Every string the interface shows goes through ``_`` (or ``ngettext``).  The
catalogs ship in ``tui_reader/locale/<lang>/LC_MESSAGES/summit_reader.mo``; with
no catalog for the language the English source string is shown.

The language follows, in order: ``set_language()`` (``--lang``, ``language`` in
config.toml), then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
"""
from __future__ import annotations

import gettext as _gettext
from pathlib import Path

DOMAIN = "summit_reader"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: _gettext.NullTranslations | None = None


def set_language(lang: str | None) -> None:
    """Use ``lang`` ("ru", "en"); None: follow the locale's environment variables."""
    global _translation
    languages = [lang] if lang else None
    _translation = _gettext.translation(DOMAIN, LOCALE_DIR, languages=languages, fallback=True)


def _current() -> _gettext.NullTranslations:
    if _translation is None:
        set_language(None)
    assert _translation is not None
    return _translation


def _(message: str) -> str:
    return _current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current().ngettext(singular, plural, n)


__all__ = ["DOMAIN", "LOCALE_DIR", "_", "ngettext", "set_language"]
