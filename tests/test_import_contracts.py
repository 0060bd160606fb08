"""The rooms' import contracts (``[tool.importlinter]`` in pyproject.toml: the layers,
the store apart from the analysers, Textual only in the app, natasha only in the
analysers), checked by import-linter — here when it is installed (the ``dev``
extra), and always in CI (``.ci/run``)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept(monkeypatch, capsys):
    cli = pytest.importorskip("importlinter.cli", reason="import-linter is in the dev extra")
    monkeypatch.chdir(ROOT)  # where pyproject.toml is
    status = cli.lint_imports(no_cache=True, no_logo=True)
    out = capsys.readouterr().out
    assert status == 0, out
    assert "0 broken" in out and " kept" in out
