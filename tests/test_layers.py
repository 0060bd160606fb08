"""The rooms stay apart: nothing below ``app`` imports Textual, and opening a
cached model never imports the NLP stack."""
from __future__ import annotations

import subprocess
import sys

import pytest

BELOW_APP = [
    "tui_reader.model", "tui_reader.load", "tui_reader.analysis", "tui_reader.search",
    "tui_reader.store", "tui_reader.pipeline", "tui_reader.digest", "tui_reader.seeds", "tui_reader.cli.main",
    "tui_reader.cli.export", "tui_reader.cli.search", "tui_reader.cli.index", "tui_reader.cli.cache",
    "tui_reader.web", "tui_reader.web.article", "tui_reader.web.page_cache", "tui_reader.web.charset",
    "tui_reader.web.feeds", "tui_reader.web.opml", "tui_reader.web.read_state", "tui_reader.cli.feed",
    "tui_reader.cli.feeds", "tui_reader.reading.layout", "tui_reader.reading.highlights",
    "tui_reader.reading.place", "tui_reader.reading.background", "tui_reader.reading.sanitize",
]
NLP = {"natasha", "slovnet", "pymorphy3", "razdel", "navec", "yargy"}
# What a cached document is opened, exported, searched and stored through: importing
# these must cost no NLP (it is imported inside the functions that analyse).
LIGHT = [
    "tui_reader.load", "tui_reader.analysis", "tui_reader.store.cache", "tui_reader.store.state",
    "tui_reader.store.config", "tui_reader.pipeline", "tui_reader.digest", "tui_reader.search.query",
    "tui_reader.search.index", "tui_reader.cli.export", "tui_reader.cli.search", "tui_reader.cli.index",
]


def imported_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module", BELOW_APP)
def test_no_textual_below_app(module):
    mods = imported_after(f"import {module}")
    assert module in mods
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)


@pytest.mark.parametrize("module", LIGHT)
def test_no_nlp_on_import(module):
    mods = imported_after(f"import {module}")
    assert module in mods
    assert not ({m.split(".")[0] for m in mods} & NLP)


def test_full_analysis_does_not_import_textual(seed_text):
    code = ("from tui_reader.analysis import analyse\n"
            "from tui_reader.seeds import seed_path\n"
            "analyse(seed_path().read_text(encoding='utf-8'))")
    mods = imported_after(code)
    assert "razdel" in mods
    assert not any(m.startswith("textual") for m in mods)


def test_model_json_round_trip_imports_no_nlp():
    code = ("from tui_reader.model import Document, from_dict, to_dict\n"
            "from_dict(to_dict(Document(text='x')))")
    mods = imported_after(code)
    assert not ({m.split(".")[0] for m in mods} & NLP)
