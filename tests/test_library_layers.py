"""The library's rooms: storage and its CLI import neither Textual nor the NLP stack."""
from __future__ import annotations

import pytest

from tests.test_layers import NLP, imported_after

LIBRARY = ["tui_reader.library.db", "tui_reader.library.queries", "tui_reader.library.search",
           "tui_reader.library.adding", "tui_reader.library.store", "tui_reader.cli.library"]


@pytest.mark.parametrize("module", LIBRARY)
def test_library_storage_is_light(module):
    mods = imported_after(f"import {module}")
    assert module in mods
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)
    assert not ({m.split(".")[0] for m in mods} & NLP)
