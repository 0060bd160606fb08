"""A fuzz test of the analysis: mutated text (our own sentences, and the shared
corpus where it is here) must give no exception, strict JSON and offsets inside
the text.  Mutations are what broken files do: cut bytes, doubled or dropped
punctuation, control and invisible characters, markup, runs without full stops.
"""
from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS
from tests.hostile.capped import memory_cap
from tests.hostile.cases import article, russian_words
from tests.hostile.test_battery import offsets_in_bounds
from tui_reader.analysis import analyse
from tui_reader.model import to_dict

pytestmark = pytest.mark.hostile

OWN = [
    article(),
    "«Мы не согласны», — заявил министр. По словам Пескова, 52 млрд долларов — это много.\n\n"
    "— Вы уверены? — спросил журналист.\n— Да, — ответил Лавров, — на 3,5%.",
    "Глава МИД России Сергей Лавров сообщил, что встреча пройдёт 12 мая 2025 года в Минске.",
    russian_words(300),
]


def _sources() -> list[str]:
    texts = list(OWN)
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt"))[:12]:
            try:
                texts.append(path.read_text(encoding="utf-8")[:6000])
            except (OSError, UnicodeDecodeError):
                continue
    return texts


SOURCES = _sources()
INSERTS = ["\x1b]0;x\x07", "\u202e", "\u200b", "\x00", "\ufeff", "«", "»", "—", "\n\n", ". ", "<div>", "[b]",
           "Путин заявил", "9" * 320, "\r", "\t", "\ufffd", "…", "«« »»", "1e308", "% ", "$"]


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SOURCES))
    rnd = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 12))):
        at = rnd.randrange(len(text) + 1)
        kind = rnd.random()
        if kind < 0.5:
            text = text[:at] + rnd.choice(INSERTS) + text[at:]
        elif kind < 0.7:
            text = text[:at] + text[at + rnd.randrange(1, 80):]
        elif kind < 0.85:
            text = text[:at] + text[at:at + 200].replace(".", "") + text[at + 200:]
        else:
            text = text[:at] + draw(st.text(max_size=30)) + text[at:]
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as the loader hands it over


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(mutated())
def test_mutated_text_is_analysed_into_strict_json(text):
    with memory_cap():
        doc = analyse(text)
    data = json.loads(json.dumps(to_dict(doc), ensure_ascii=False, allow_nan=False))
    assert data["text"] == text
    offsets_in_bounds(data)
