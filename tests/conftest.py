"""Shared test fixtures: the bundled article and the shared corpus (skipped where absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


# Long tests marked ``slow`` (the app's monkey tests) run only where this is 1: CI sets it
# (.ci/run), a developer's ``pytest`` skips them (they took a fifth of the suite's time).
SLOW_TESTS = "SUMMIT_READER_SLOW_TESTS"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"slow: a long test, run only where {SLOW_TESTS}=1 (CI)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(SLOW_TESTS) == "1":
        return
    skip = pytest.mark.skip(reason=f"slow: run with {SLOW_TESTS}=1 (CI does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seed_text() -> str:
    from tui_reader.seeds import seed_path

    return seed_path().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    return CORPUS


def corpus_text(name: str) -> str:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"../shared/corpus/{name} is not here")
    return path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    """Tests never touch the user's real cache, state or config (nor share them with each other)."""
    base = tmp_path_factory.mktemp("user-dirs")
    for name in ("CACHE", "STATE", "CONFIG", "DATA"):
        monkeypatch.setenv(f"SUMMIT_READER_{name}_DIR", str(base / name.lower()))


@pytest.fixture(autouse=True)
def english_interface():
    """Tests read the interface in English whatever the machine's locale; a test that
    wants Russian calls ``set_language("ru")`` (this puts English back after it)."""
    from tui_reader.i18n import set_language

    set_language("en")
    yield
    set_language("en")
