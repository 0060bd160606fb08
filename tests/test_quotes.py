"""find_quotes on real paragraphs from the corpus: marks, nesting, straight quotes, dialogue."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.analysis.quotes import find_quotes
from tui_reader.model import Document, Paragraph


def doc_of(text: str) -> Document:
    """A document with one paragraph per non-empty line (what the structure pass gives)."""
    paragraphs = [Paragraph(m.start(), m.end(), 0) for m in re.finditer(r"[^\n]+", text)]
    return Document(text=text, paragraphs=paragraphs)


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(doc_of(text))]


def test_guillemets_each_occurrence_with_marks():
    text = ("Лукашенко назвал интеграцию двух стран беспрецедентной, подчеркнув роль парламентов "
            "как «мотора» союзных отношений. В декабре заступил ракетный комплекс «Орешник».")
    assert quoted(text) == ["«мотора»", "«Орешник»"]
    assert all(q.speaker is None for q in find_quotes(doc_of(text)))


def test_nested_guillemets_give_the_outer_quote_once():
    text = ("«Мы часто общаемся с господином Венедиктовым, и у нас очень много разногласий. "
            "Я недоволен редакционной политикой «Эха Москвы», и Венедиктов знает об этом», — цитирует РБК Лесина.")
    assert quoted(text) == [text[:text.index("», —") + 1]]


def test_low_high_quotes_inside_guillemets():
    text = ("«Я благодарен клубу „Пари Сен-Жермен“ за возможность продолжать свою карьеру», — сказал он.")
    assert quoted(text) == ["«Я благодарен клубу „Пари Сен-Жермен“ за возможность продолжать свою карьеру»"]


def test_english_curly_quotes():
    assert quoted("Он назвал это “ошибкой” и ушёл.") == ["“ошибкой”"]


def test_straight_quotes_pair_by_their_neighbours():
    text = ('Эффективность российской вакцины "Спутник V" оценили в 92%. '
            '"Я думаю, это будет повсеместное требование", - сказал он "Девятому каналу".')
    assert quoted(text) == ['"Спутник V"', '"Я думаю, это будет повсеместное требование"', '"Девятому каналу"']


def test_nested_straight_quotes_give_the_outer_quote():
    text = ('Эксперт считает: "Я знаю, что в "Яндекс.Новости" применялась очень серьезная модель. '
            'Нести ответственность за то, что ранжирует робот, они не могут", - говорит он.')
    assert quoted(text) == [text[text.index('"Я'):text.index('", -') + 1]]
    text = 'Но, как сообщил Эрик в своем твиттере, "теперь [за "ребятами"] более не требуется наблюдать ежедневно".'
    assert quoted(text) == ['"теперь [за "ребятами"] более не требуется наблюдать ежедневно"']


def test_one_straight_mark_closing_two_quotes():
    text = ('Топ новостей - это, по словам бывшего сотрудника, "ручной продукт в отличие от полностью '
            'автоматического "Яндекс.Новости". Также по словам главного редактора "Рамблер-Новости" отбор ручной.')
    assert quoted(text) == [
        '"ручной продукт в отличие от полностью автоматического "Яндекс.Новости"', '"Рамблер-Новости"']


def test_closing_mark_missing_runs_to_the_paragraph_end():
    text = ('Вашингтон ввел санкции, "правительство США заявило о вводе санкций в отношении компаний.\n'
            'Следующий абзац без кавычек.')
    assert quoted(text) == ['"правительство США заявило о вводе санкций в отношении компаний.']


def test_quotes_do_not_cross_paragraphs():
    text = "«Первый абзац цитаты\n«Второй абзац цитаты»"
    assert quoted(text) == ["«Первый абзац цитаты", "«Второй абзац цитаты»"]


def test_dash_speech_stops_before_the_author():
    text = "– Очень хороша, – сказал князь Андрей."
    assert quoted(text) == ["– Очень хороша"]
    text = "— Мы готовы, — сказал он. — Пойдём."
    assert quoted(text) == ["— Мы готовы", "— Пойдём."]


def test_dash_speech_keeps_question_marks_and_resumes_after_a_comma():
    text = "– Вот как!… И ты в большом свете! – сказал он Пьеру."
    assert quoted(text) == ["– Вот как!… И ты в большом свете!"]
    text = "– Нет, нет, я всё сделаю, – сказала она, вдруг остановив слезы, – я так счастлива!"
    assert quoted(text) == ["– Нет, нет, я всё сделаю", "– я так счастлива!"]


def test_dash_inside_speech_without_punctuation_is_not_a_turn():
    text = "– Средство – Европейское равновесие и droit des gens, – говорил аббат."
    assert quoted(text) == ["– Средство – Европейское равновесие и droit des gens"]


def test_dashes_inside_sentences_and_dash_lists_are_not_speech():
    text = ("Эти и другие новости о развитии ситуации с пандемией коронавируса в мире - в нашем обзоре.\n"
            "- снижение налогов;\n"
            "Москва — столица России.")
    assert quoted(text) == []


def test_marks_inside_a_spoken_line_belong_to_it():
    text = "— Я читал «Войну и мир», — сказал он."
    assert quoted(text) == ["— Я читал «Войну и мир»"]


def test_without_paragraphs_lines_are_used():
    assert [(q.start, q.end) for q in find_quotes(Document(text="a «b» c"))] == [(2, 5)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list('«»„“”" \n,.!?:;—–-абвАБ]') + ["— ", " — ", ", — ", ". — "]),
                max_size=50).map("".join))
def test_any_text_gives_sorted_disjoint_spans_in_bounds(text):
    last = 0
    for q in find_quotes(doc_of(text)):
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last
        last = q.end


def test_the_novel_is_fast_and_full_of_dialogue(corpus):
    path = corpus / "large" / "war_and_peace-vol1-2-utf8.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus/large is not here")
    doc = doc_of(path.read_text(encoding="utf-8"))
    began = time.perf_counter()
    found = find_quotes(doc)
    assert time.perf_counter() - began < 1.5  # ~40 ms alone; generous for a busy machine
    spoken = sum(1 for q in found if doc.text[q.start] in "–—")
    assert spoken > 2000


def test_dialogue_lines_joined_into_one_paragraph_keep_their_turns():
    text = "– Очень хороша, – сказал князь Андрей.\n– Очень, – сказал Пьер."
    doc = Document(text=text, paragraphs=[Paragraph(0, len(text), 0)])
    assert [text[q.start:q.end] for q in find_quotes(doc)] == ["– Очень хороша", "– Очень"]
