"""The export scored against the hand-checked gold files in ../shared/gold (skipped where absent).

The floors sit a little under what the analysis reaches, so a change that loses
statements (or headings, quotes, figures) fails the suite, not only the scorer.
The scoring is the shared scorer's own (``../shared/tools/score.py``), imported.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import SHARED

GOLD = SHARED / "gold"
SCORER = SHARED / "tools" / "score.py"

# field → (F1 floor, recall floor) over all gold articles; reached at the time of writing:
# sections 1.00/1.00, statements 0.98/0.97, quotes 1.00/0.99, numbers 1.00/1.00
FLOORS = {"sections": (0.97, 0.97), "statements": (0.95, 0.94), "quotes": (0.97, 0.97), "numbers": (0.97, 0.97)}
ARTICLE_FLOOR = 0.75  # no article's statements F1 below this


@pytest.fixture(scope="module")
def scores() -> dict:
    if not GOLD.is_dir() or not SCORER.is_file():
        pytest.skip("../shared/gold is not here")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    from tui_reader.model import to_dict
    from tui_reader.pipeline import open_document

    totals = {f: [0, 0, 0] for f in FLOORS}
    per_article = {}
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = to_dict(open_document(SHARED / gold["file"], use_cache=False))
        text = doc["text"]
        for field in FLOORS:
            res = score.score_sections(doc, gold) if field == "sections" \
                else getattr(score, f"score_{field}")(doc, gold, text)
            for k, key in enumerate(("tp", "fp", "fn")):
                totals[field][k] += res[key]
            if field == "statements":
                per_article[path.stem] = res["f1"]
    return {"totals": {f: score.prf(*t) for f, t in totals.items()}, "articles": per_article}


@pytest.mark.parametrize("field", list(FLOORS))
def test_each_field_stays_above_its_floor(scores, field):
    f1_floor, recall_floor = FLOORS[field]
    got = scores["totals"][field]
    assert got["f1"] >= f1_floor and got["r"] >= recall_floor, f"{field}: {got}"


def test_no_article_falls_below_the_floor(scores):
    low = {name: f1 for name, f1 in scores["articles"].items() if f1 < ARTICLE_FLOOR}
    assert not low, low
