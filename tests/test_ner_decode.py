"""The NER tagger's last steps (``analysis/ner_decode.py``) give what slovnet's give."""
from __future__ import annotations

import numpy as np
import pytest

from tui_reader.analysis import nlp
from tui_reader.analysis.ner_decode import best_tags, bio_spans

nlp.alias_pymorphy2()  # (slovnet's modules import nothing of pymorphy; natasha's do)


def slovnet_best(transitions: np.ndarray, emissions: np.ndarray, mask: np.ndarray) -> list[list[int]]:
    from slovnet.exec.model import CRF, Weight

    crf = CRF(Weight(transitions.shape, "float32", transitions))
    return [tags.tolist() for tags in crf.decode(emissions, mask)]


@pytest.mark.parametrize("seed", range(5))
def test_best_tags_are_slovnets(seed: int) -> None:
    rng = np.random.default_rng(seed)
    batch, length, tags = 6, 9, 8
    transitions = rng.normal(size=(tags, tags)).astype(np.float32)
    emissions = rng.normal(size=(batch, length, tags)).astype(np.float32)
    lengths = [9, 1, 4, 9, 2, 7]  # padded to the longest, as a batch is
    mask = np.array([[i < n for i in range(length)] for n in lengths])
    got = best_tags(transitions, emissions, mask)
    assert [len(t) for t in got] == lengths
    assert got == slovnet_best(transitions, emissions, mask)


def test_a_batch_of_one_word_sentences() -> None:
    transitions = np.zeros((3, 3), dtype=np.float32)
    emissions = np.array([[[0.1, 0.9, 0.0]], [[0.7, 0.2, 0.1]]], dtype=np.float32)
    mask = np.ones((2, 1), dtype=bool)
    assert best_tags(transitions, emissions, mask) == [[1], [0]] == slovnet_best(transitions, emissions, mask)


TOKENS = [(0, 4, "Глава"), (5, 10, "Минфина"), (11, 15, "Антон"), (16, 23, "Силуанов"), (24, 30, "прибыл"),
          (31, 32, "в"), (33, 39, "Москву"), (39, 40, ".")]


@pytest.mark.parametrize("tags", [
    ["O", "B-ORG", "B-PER", "I-PER", "O", "O", "B-LOC", "O"],
    ["O", "B-ORG", "I-ORG", "B-PER", "I-PER", "I-PER", "O", "O"],  # runs that touch
    ["I-PER", "I-PER", "O", "B-PER", "O", "O", "O", "B-LOC"],  # an I- with no B-, a span at the very end
    ["B-PER", "I-LOC", "I-LOC", "O", "O", "O", "O", "O"],  # an I- of another type goes on the run
    ["O"] * 8,
])
def test_bio_spans_are_slovnets(tags: list[str]) -> None:
    from slovnet.bio import bio_spans as slovnets
    from slovnet.span import Span

    expected = [(s.start, s.stop, s.type) for s in slovnets([Span(a, b) for a, b, _ in TOKENS], tags)]
    assert list(bio_spans(TOKENS, tags)) == expected
