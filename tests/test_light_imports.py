"""What the import contracts (``[tool.importlinter]`` in pyproject.toml) cannot see:
the imports that actually happen.  The contracts check which module may import which,
lazy imports included; these check that the heavy ones stay lazy — opening, exporting,
searching or storing a cached document, starting the command or the reader never
imports the NLP stack, and the command starts without Textual."""
from __future__ import annotations

import subprocess
import sys

import pytest

NLP = {"natasha", "slovnet", "pymorphy3", "razdel", "navec", "yargy"}
# What a cached document is opened, exported, searched and stored through, and what
# starts the command, the reader and the library: importing these costs no NLP (it
# is imported inside the functions that analyse or lemmatise).
LIGHT = [
    "tui_reader.model", "tui_reader.model_queries", "tui_reader.morph", "tui_reader.load", "tui_reader.analysis",
    "tui_reader.store.cache", "tui_reader.store.state", "tui_reader.store.config", "tui_reader.pipeline",
    "tui_reader.digest", "tui_reader.search.query", "tui_reader.search.index", "tui_reader.web.article",
    "tui_reader.web.feeds", "tui_reader.library.db", "tui_reader.library.queries", "tui_reader.library.search",
    "tui_reader.library.adding", "tui_reader.library.store", "tui_reader.cli.main", "tui_reader.cli.read",
    "tui_reader.cli.export", "tui_reader.cli.search", "tui_reader.cli.index", "tui_reader.cli.library",
    "tui_reader.app.reader_app", "tui_reader.app.library.app",
]
# The command's modules: ``summit-reader export`` and friends start without Textual
# (the contracts allow the CLI to reach it through the app it launches).
NO_TEXTUAL = ["tui_reader.cli.main", "tui_reader.cli.export", "tui_reader.cli.search", "tui_reader.cli.index",
              "tui_reader.cli.cache", "tui_reader.cli.feeds", "tui_reader.cli.library"]


def imported_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("module", LIGHT)
def test_no_nlp_on_import(module):
    mods = imported_after(f"import {module}")
    assert module in mods
    assert not ({m.split(".")[0] for m in mods} & NLP)


@pytest.mark.parametrize("module", NO_TEXTUAL)
def test_the_command_starts_without_textual(module):
    mods = imported_after(f"import {module}")
    assert module in mods
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)


def test_analysis_imports_the_nlp_it_needs_and_no_textual(seed_text):
    """The other side of the laziness above: analysing does load razdel (so the checks
    above would see it if it were imported eagerly), and still no Textual."""
    code = ("from tui_reader.analysis import analyse\n"
            "from tui_reader.seeds import seed_path\n"
            "analyse(seed_path().read_text(encoding='utf-8'))")
    mods = imported_after(code)
    assert "razdel" in mods and "pymorphy3" in mods
    assert not any(m.startswith("textual") for m in mods)


def test_model_json_round_trip_imports_no_nlp():
    code = ("from tui_reader.model import Document, from_dict, to_dict\n"
            "from_dict(to_dict(Document(text='x')))")
    mods = imported_after(code)
    assert not ({m.split(".")[0] for m in mods} & NLP)
