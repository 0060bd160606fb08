"""Where a quote whose closing mark never comes ends (issue 10: one finder, no runaway spans)."""
import pytest

from tui_reader.analysis.quotes import quotes_in_paragraph


def spans(text: str, end: int | None = None) -> list[str]:
    return [text[a:b] for a, b in quotes_in_paragraph(text, 0, len(text) if end is None else end)]


@pytest.mark.parametrize("text, want", [
    # a straight quote glued to the word before it, never closed: the sentence, not the paragraph
    ('Депутат напомнил, что"власти введут пошлины на зерно. Решение примут летом. Так сказал он.',
     ['"власти введут пошлины на зерно.']),
    # a forgotten closing guillemet
    ("Министр сказал: «Мы откроем мост весной. Потом построим второй.",
     ["«Мы откроем мост весной."]),
    ("«Всё будет готово к марту! Проверим сами", ["«Всё будет готово к марту!"]),
    # closed quotes are untouched
    ("Он ответил: «Нет. Никогда». И ушёл.", ["«Нет. Никогда»"]),
])
def test_an_unclosed_quote_ends_with_its_sentence(text, want):
    assert spans(text) == want


def test_a_quotation_continued_in_the_next_paragraph_keeps_its_paragraph():
    text = "«Первый абзац речи. Ещё одна мысль.\n«Второй абзац речи.»"
    first = text.index("\n")
    assert spans(text, first) == ["«Первый абзац речи. Ещё одна мысль."]
