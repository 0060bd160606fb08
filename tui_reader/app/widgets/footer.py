"""The footer, in the user's language.

Bindings are declared at import, before the language is known, so their
descriptions are English msgids; the footer translates each key's label as it
draws it (``tools/i18n_catalogs.py`` extracts the descriptions from ``Binding(...)``).
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui_reader.i18n import _


class ReaderFooter(Footer):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = _(widget.description)
            yield widget
