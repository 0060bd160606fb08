"""find_numbers on real sentences from the corpus: spans, kinds, values, units, exclusions."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.analysis.numbers import find_numbers


def spans(text: str) -> list[str]:
    return [text[n.start:n.end] for n in find_numbers(text)]


def only(text: str):
    found = find_numbers(text)
    assert len(found) == 1, [text[n.start:n.end] for n in found]
    return found[0], text[found[0].start:found[0].end]


# --- one expression, one span, with its unit or noun ----------------------------------

@pytest.mark.parametrize("sentence, expected, kind, value, unit", [
    # money: scale and currency in all their forms
    ("Товарооборот достиг порядка 52 млрд долларов, увеличившись",
     "52 млрд долларов", "money", 5.2e10, "USD"),
    ("В то же время стоимость компании в целом оценивается в 8,5 миллиарда долларов.",
     "8,5 миллиарда долларов", "money", 8.5e9, "USD"),
    ("составила 15,6 млрд шведских крон", "15,6 млрд шведских крон", "money", 1.56e10, "SEK"),
    ("за 2,4 млрд долларов США", "2,4 млрд долларов США", "money", 2.4e9, "USD"),
    ("стоимость проекта оценивается в 60 млрд долл", "60 млрд долл", "money", 6e10, "USD"),
    ("инвестиции составят 10 млрд евро", "10 млрд евро", "money", 1e10, "EUR"),
    ("бюджет в 2,2\u00a0трлн руб. на реализацию", "2,2\u00a0трлн руб.", "money", 2.2e12, "RUB"),
    ("обошлось в $5 млн", "$5 млн", "money", 5e6, "USD"),
    ("штраф 1 500 000 рублей", "1 500 000 рублей", "money", 1.5e6, "RUB"),
    # percent
    ("увеличившись почти на 3% по сравнению с предыдущим годом", "3%", "percent", 3, "%"),
    ("доля абонентов составляет 75,5 % рынка", "75,5 %", "percent", 75.5, "%"),
    ("рост всего на 1 процент", "1 процент", "percent", 1, "%"),
    # years
    ("Товарооборот в 2025 году достиг", "2025 году", "year", 2025, None),
    ("член Европейского союза с 1983 г.", "1983 г.", "year", 1983, None),
    ("Второй срок начался в 2018-м.", "2018-м", "year", 2018, None),
    ("в 90-х он работал", "90-х", "year", 1990, "decade"),
    # durations and ages
    ("за 30 лет взаимодействия России и Белоруссии", "30 лет", "duration", 30, "year"),
    ("в течение 72 часа до вылета", "72 часа", "duration", 72, "hour"),
    ("в течение 2 недель", "2 недель", "duration", 2, "week"),
    ("55-летний Шмидт сделал за это время", "55-летний", "duration", 55, "year"),
    # counts: the counted noun is part of the span
    ("компания готова произвести около 4 млн доз вакцины", "4 млн доз", "count", 4e6, "доз"),
    ("более 20 тыс. добровольцев в Великобритании", "20 тыс. добровольцев", "count", 2e4, "добровольцев"),
    ("в сотрудничестве с 350 авиакомпаниями", "350 авиакомпаниями", "count", 350, "авиакомпаниями"),
    ("в Форуме приняли участие представители 11 стран-членов", "11 стран-членов", "count", 11, "стран-членов"),
    # ordinals and anniversaries
    ("Проигрыш 45-го президента США", "45-го президента", "ordinal", 45, None),
    ("к 350-летие со дня рождения", "350-летие", "ordinal", 350, "anniversary"),
    # measures
    ("на отрезке протяженностью 31 км.", "31 км", "other", 31, "km"),
    ("мощностью 55 млрд кубометров газа", "55 млрд кубометров", "other", 5.5e10, "m³"),
])
def test_expression(sentence, expected, kind, value, unit):
    number, text = only(sentence)
    assert text == expected
    assert number.kind == kind
    assert number.value == pytest.approx(value)
    assert number.unit == unit


@pytest.mark.parametrize("sentence, expected, unit", [
    ("23 ноября 2020 ", "23 ноября 2020", "2020-11-23"),
    ("Борис Джонсон рассказал, как будет жить Англия со 2 декабря", "2 декабря", "--12-02"),
    ("Заседание прошло 18-20 февраля 2009 г. в Брюсселе", "18-20 февраля 2009 г.", "2009-02-18"),
    ("в январе 2007 года было объявлено", "январе 2007 года", "2007-01"),
    ("с 6 по 9 апреля", "с 6 по 9 апреля", "--04-06"),
    ("закроются с 22:00 до", "22:00", "T22:00"),
    ("Опубликовано 04/08/2008", "04/08/2008", "2008-08-04"),
    ("11-го октября 1805 года", "11-го октября 1805 года", "1805-10-11"),
])
def test_dates_carry_iso_date_not_a_unit(sentence, expected, unit):
    number, text = only(sentence)
    assert (text, number.kind, number.value, number.date) == (expected, "date", None, unit)
    assert number.unit is None  # the # table showed "--01-20" under Unit


@pytest.mark.parametrize("sentence, expected, kind, value", [
    ("кандидат получил 306 из 538 при необходимых", "306 из 538", "count", 306),
    ("в 2009 и 2010 годах", "2009 и 2010 годах", "year", 2009),
    ("в 1981-1988 годах", "1981-1988 годах", "year", 1981),
    ("рост на 5-7% в год", "5-7%", "percent", 5),
    ("от 10 до 20 млн долларов", "от 10 до 20 млн долларов", "money", 1e7),
])
def test_ranges_are_one_span_valued_by_their_first_number(sentence, expected, kind, value):
    number, text = only(sentence)
    assert (text, number.kind) == (expected, kind)
    assert number.value == pytest.approx(value)


def test_spaces_inside_numbers_no_break_and_thin():
    for space in (" ", "\u00a0", "\u2009", "\u202f"):
        number, text = only(f"более 2{space}000{space}000 человек")
        assert number.value == 2e6 and text.endswith("человек")


def test_every_occurrence_in_order():
    text = ("Эффективность составляет 70%. Вакцины обеспечивают защиту на 95%. "
            "Эффективность российской вакцины оценили в 92%.")
    assert spans(text) == ["70%", "95%", "92%"]


@pytest.mark.parametrize("sentence, expected, kind, value, unit", [
    ("Матч завершился со счетом 2:1 в пользу хозяев", "2:1", "other", 2, "ratio"),
    ("команда вышла в 1/4 финала", "1/4 финала", "other", 0.25, "ratio"),
    ("Температура опустится до -25 °C ночью", "-25 °C", "other", -25, "°"),
    ("Заседание начнется в 10.00 по московскому времени", "10.00", "date", None, "T10:00"),
    ("в XIX веке и 21 век", "21 век", "ordinal", 21, "century"),
    ("ЦБ повысил ставку на 2 п.п.", "2 п.п.", "percent", 2, "п.п."),
    ("в 1990-е годы страна", "1990-е годы", "year", 1990, "decade"),
])
def test_scores_signs_times_centuries(sentence, expected, kind, value, unit):
    number, text = only(sentence)
    assert (text, number.kind, number.unit if kind != "date" else number.date) == (expected, kind, unit)
    assert number.value == (None if value is None else pytest.approx(value))


# --- what is not a number ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "пандемия COVID-19 и Covid-19 в мире",
    "самолеты Boeing 737 и истребители Су-57",
    "саммит G20 и оператор Tele2 запускает 3G",
    "ru-43",
    "http://www.ifaw.org/russia/%D0%B5%D0%B2%D1%80 и https://regnum.ru/news/economy/2399614.html",
    "строительство Северного потока-2",
    "законопроект № 1039101-6",
    "Nord Stream 2 AG",
    "Телефон горячей линии: 8-800-200-01-12 и +7 (495) 123-45-67",
    "по ст. 20.3.1 КоАП",
    "пишите на ivan2020@mail.ru или news.yandex.ru/2020/5",
])
def test_names_codes_and_urls_are_not_numbers(sentence):
    assert find_numbers(sentence) == []


def test_channel_names_and_footnote_marks_are_not_numbers():
    text = "об этом в эфире телеканала «Россия 1» сообщил вице-премьер [1]"
    assert find_numbers(text) == []


def test_list_markers_and_lone_digits_are_not_numbers():
    text = "Список:\n1. Первый пункт\n2) второй пункт\n\n3 \n\nИтого 5 пунктов"
    assert spans(text) == ["5 пунктов"]


def test_year_after_a_latin_name_is_kept_when_it_has_a_unit():
    assert spans("Moderna 30 ноября сообщила") == ["30 ноября"]


# --- properties ------------------------------------------------------------------------------

# Pieces that exercise every branch: digits, separators, units, names, URL escapes.
PIECES = list("0123456789 .,:-–—%$€/\n\u00a0абвгдлмнорстяюйхABCGVX") + [
    "млн", "млрд", "тыс.", "года", " января ", "-летний", " долларов", "%D0", "COVID-19", "http://a.ru/1",
    " и ", " до ", " из ", "-го",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=40))
def test_any_text_gives_sorted_disjoint_spans_in_bounds(text):
    found = find_numbers(text)
    last = 0
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert n.start >= last
        last = n.end
        assert any(ch.isdigit() for ch in text[n.start:n.end])
        assert n.kind in ("money", "percent", "year", "date", "duration", "count", "ordinal", "other")


def test_the_novel_is_fast(corpus):
    path = corpus / "large" / "war_and_peace-vol1-2-utf8.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus/large is not here")
    text = path.read_text(encoding="utf-8")
    began = time.perf_counter()
    found = find_numbers(text)
    assert time.perf_counter() - began < 1.5  # ~30 ms alone; generous for a busy machine
    assert any(n.kind == "year" and n.value == 1805 for n in found)


# --- ranges, approximations, notes (issue 13) --------------------------------------------

@pytest.mark.parametrize("sentence, kind, value, value_max", [
    ("Инфляция составит 7–8% к декабрю", "percent", 7, 8),
    ("Цены на лес выросли в 3-4 раза за лето", "other", 3, 4),
    ("На ремонт уйдет 5-7 млн рублей", "money", 5e6, 7e6),
    ("На площадь пришли от 10 до 20 человек", "count", 10, 20),
    ("Завод строили в 1981-1988 годах", "year", 1981, 1988),
])
def test_a_range_keeps_its_upper_end(sentence, kind, value, value_max):
    number, _ = only(sentence)
    assert (number.kind, number.value, number.value_max) == (kind, pytest.approx(value), pytest.approx(value_max))


def test_a_part_of_a_whole_is_no_range():
    number, _ = only("Кандидат собрал 306 из 538 голосов")
    assert number.value_max is None


@pytest.mark.parametrize("sentence, approx", [
    ("Выручка достигла порядка 40 млрд рублей", True),
    ("Цены поднялись почти на 5%", True),
    ("В забеге участвовали около 300 бегунов", True),
    ("Мост строили более 10 лет", True),
    ("Мост строили 10 лет", False),
])
def test_approximate_figures_say_so(sentence, approx):
    number, _ = only(sentence)
    assert number.approx is approx


def test_note_numbers_after_foreign_words_are_no_figures():
    text = "Она сказала: «C'est la vie, mon cher», 12 и улыбнулась. Он заплатил 15 рублей."
    assert spans(text) == ["15 рублей"]
