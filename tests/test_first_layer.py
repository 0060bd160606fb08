"""The projected encoder (``analysis/first_layer.py``) computes what slovnet's own encoder does.

Each test loads a fresh slovnet model as natasha ships it (never the reader's, which has the
projected encoder installed), runs sentences written for the test through slovnet's own
embedding and encoder, and through a ``ProjectedEncoder`` built from the same layers.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tui_reader.analysis import first_layer, nlp

SENTENCES = [
    "Министр финансов Анна Кузнецова заявила журналистам, что бюджет будет принят в срок.",
    "Нет.",
    "«Мы готовы к переговорам», — сказал представитель компании «Северный ветер» Олег Иванов.",
    "В Новосибирске и Томске прошли встречи с избирателями.",
    "По словам Кузнецовой, налоги не вырастут.",
    "Иванов, Петров и Сидоров приехали в Казань в понедельник, а уехали только в пятницу утром.",
]


def fresh(kind: str) -> Any:
    """natasha's NER tagger or syntax parser as it ships (slovnet's own encoder)."""
    nlp.single_threaded_blas()
    nlp.alias_pymorphy2()
    from natasha import NewsNERTagger, NewsSyntaxParser

    from tui_reader.analysis.vocabulary import news_vectors

    return (NewsNERTagger if kind == "ner" else NewsSyntaxParser)(news_vectors())


def batch(tagger: Any, sentences: list[str]) -> Any:
    """The model's input for these sentences as one padded batch (most are padded)."""
    from slovnet.exec.infer import text_words

    encoder = tagger.infer.encoder
    return encoder.input([encoder.item(text_words(s)) for s in sentences])


@pytest.fixture(scope="module", params=["ner", "syntax"])
def tagger(request: pytest.FixtureRequest) -> Any:
    return fresh(request.param)


@pytest.mark.parametrize("remembered", [first_layer.REMEMBERED, 5])
def test_the_projected_encoder_gives_slovnets_output(tagger: Any, remembered: int) -> None:
    # (5 words remembered: it starts over within the batch's words, and grows for them)
    model = tagger.infer.model
    projected = first_layer.ProjectedEncoder(model.emb, model.encoder, remembered=remembered)
    for sentences in (SENTENCES, SENTENCES[::-1], SENTENCES[1:2], SENTENCES[:3]):
        given = batch(tagger, sentences)
        expected = model.encoder(model.emb(given.word_id, given.shape_id), given.pad_mask)
        got = projected((given.word_id, given.shape_id), given.pad_mask)
        assert got.shape == expected.shape
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)


def test_installed_the_tags_are_slovnets() -> None:
    ner = fresh("ner")
    expected = [[(s.start, s.stop, s.type) for s in m.spans] for m in ner.map(SENTENCES)]
    assert any(expected)
    assert first_layer.install(ner.infer.model)
    assert isinstance(ner.infer.model.encoder, first_layer.ProjectedEncoder)
    got = [[(s.start, s.stop, s.type) for s in m.spans] for m in ner.map(SENTENCES)]
    assert got == expected


def test_the_readers_models_have_it() -> None:
    loaded = nlp.models()
    assert isinstance(loaded.ner.tagger.infer.model.encoder, first_layer.ProjectedEncoder)
    assert isinstance(loaded.syntax.parser.infer.model.encoder, first_layer.ProjectedEncoder)


def test_a_model_it_does_not_know_is_left_alone() -> None:
    class Unknown:
        emb = object()
        encoder = object()

    model = Unknown()
    encoder = model.encoder
    assert not first_layer.install(model)
    assert model.encoder is encoder


def test_forgetting_starts_over() -> None:
    tagger = fresh("ner")
    model = tagger.infer.model
    projected = first_layer.ProjectedEncoder(model.emb, model.encoder)
    given = batch(tagger, SENTENCES)
    before = projected((given.word_id, given.shape_id), given.pad_mask)
    assert len(projected.known) == len(np.unique(given.word_id))
    projected.forget()
    assert len(projected.known) == 0
    np.testing.assert_array_equal(projected((given.word_id, given.shape_id), given.pad_mask), before)


def test_two_threads_sharing_one_encoder_get_slovnets_output(tagger: Any) -> None:
    # The models are one per process and analyses may run in threads (the app's fallback, a
    # page added to the library meanwhile): the remembered words must never be seen half
    # changed.  Few words remembered, so that both threads start the table over and over.
    import sys
    import threading

    model = tagger.infer.model
    projected = first_layer.ProjectedEncoder(model.emb, model.encoder, remembered=7)
    batches = [batch(tagger, SENTENCES[i:i + 2] + SENTENCES[:1]) for i in range(len(SENTENCES))]
    expected = [model.encoder(model.emb(b.word_id, b.shape_id), b.pad_mask) for b in batches]
    wrong: list[str] = []

    def run(shift: int) -> None:
        for n in range(120):
            k = (n + shift) % len(batches)
            try:
                got = projected((batches[k].word_id, batches[k].shape_id), batches[k].pad_mask)
            except Exception as e:  # (a thread's exception would be lost)
                wrong.append(repr(e))
                continue
            if not np.allclose(got, expected[k], rtol=1e-4, atol=1e-4):
                wrong.append(f"batch {k}")
            if n % 17 == shift:
                projected.forget()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=run, args=(shift,)) for shift in (0, 3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong
