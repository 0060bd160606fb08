"""The reader's first frame comes before any NLP is imported, cached or not: the
analysis (natasha, pymorphy3, their numpy) runs after the text is on screen, in
another process.  Each start runs in a fresh interpreter, as a user's does."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui_reader.seeds import seed_path

NLP = ("natasha", "slovnet", "navec", "pymorphy3", "numpy")

PROBE = r'''
import json, sys
from textual.app import App

NLP = %(nlp)r
seen = []
original = App._display

def first_frame(self, screen, renderable):
    if not seen:
        seen.append(sorted({m.split(".")[0] for m in sys.modules} & set(NLP)))
        self.exit()
    return original(self, screen, renderable)

App._display = first_frame
from tui_reader.app import reader_for
from tui_reader.pipeline import open_for_reading

opened = open_for_reading(%(path)r, use_cache=%(cache)r)
app = reader_for(opened)
app.run(headless=True, size=(100, 30))
print(json.dumps({"complete": opened.complete, "nlp": seen[0] if seen else None}))
'''


@pytest.mark.parametrize("cache", [False, True], ids=["uncached", "cached"])
def test_no_nlp_is_imported_before_the_first_frame(cache: bool, tmp_path: Path) -> None:
    env_cache = {"SUMMIT_READER_CACHE_DIR": str(tmp_path / "cache")}
    path = str(seed_path())
    if cache:  # a model in the cache first, as a reader's second open finds it
        subprocess.run([sys.executable, "-m", "tui_reader", "index", path], check=True,
                       env={**_env(), **env_cache}, capture_output=True)
    probe = PROBE % {"nlp": NLP, "path": path, "cache": cache}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                         env={**_env(), **env_cache})
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["complete"] is cache  # uncached: the structure pass only, the analysis to come
    assert result["nlp"] == []


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("SUMMIT_READER_")}
