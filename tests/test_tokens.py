"""razdel's tokens, found faster (``analysis/tokens.py``): the same tokens, and what is
remembered of them stays bounded."""
from __future__ import annotations

import pytest
from razdel import tokenize

from tui_reader.analysis import analyse, tokens

SENTENCES = [
    "Курс вырос на 2,5% — до 91,3 руб., сообщил ЦБ РФ.",
    "Кто-то сказал: «Это северо-запад», а потом ушёл.",
    "Доля 1/2 или 3/4? Нет, 0.75 — и всё!",
    "Иван Петров (министр) заявил, что налоги не вырастут...",
    "— Да, — ответила она. — Пойдём.",
]


@pytest.fixture(autouse=True)
def nothing_remembered() -> None:
    tokens.forget()


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_tokens_are_razdels(sentence: str) -> None:
    expected = [(t.start, t.stop, t.text) for t in tokenize(sentence)]
    assert tokens.tokens(sentence) == expected
    assert tokens.tokens(sentence) == expected  # (the second time from what was remembered)


def test_a_sentence_is_tokenised_once() -> None:
    first = tokens.tokens(SENTENCES[0])
    assert tokens.tokens(SENTENCES[0]) is first


def test_a_text_longer_than_a_sentence_is_not_kept() -> None:
    long = " ".join(SENTENCES * 100)
    assert len(long) > tokens._TEXT_KEPT_UP_TO
    assert tokens.tokens(long) == [(t.start, t.stop, t.text) for t in tokenize(long)]
    assert long not in tokens._texts


def test_what_is_remembered_is_bounded_in_characters() -> None:
    for n in range(tokens._TEXTS_CHARS // 40):
        tokens.tokens(f"Предложение номер {n} о том и о сём.")
        assert tokens._texts_size <= tokens._TEXTS_CHARS
        assert sum(map(len, tokens._texts)) == tokens._texts_size


def test_an_analysis_leaves_nothing_remembered() -> None:
    analyse("Министр финансов Иван Петров заявил, что бюджет примут в срок. «Задержек не будет», — сказал он.")
    assert not tokens._texts and tokens._texts_size == 0
