"""Named entities and their nominative normal forms, on real corpus sentences."""
from __future__ import annotations

import pytest

from tui_reader.analysis import analyse_structure
from tui_reader.analysis.entities import NamedSpan, find_entities, normal_phrase, split_glued_names


def entities(text: str) -> dict[str, tuple[str, str]]:
    doc = analyse_structure(text)
    return {doc.text[e.start:e.end]: (e.type, e.normal) for e in find_entities(doc)}


def test_person_names_are_put_in_the_nominative():
    found = entities("По словам пресс-секретаря \"Яндекса\" Аси Мелкумовой, цель - продемонстрировать, "
                     "что новостной сервис работает автоматически. По словам Путина, за 30 лет удалось многое.")
    assert found["Аси Мелкумовой"] == ("PER", "Ася Мелкумова")
    assert found["Путина"] == ("PER", "Путин")


def test_nominative_names_stay_as_written():
    found = entities("При этом блогер Михаил Розин считает, что Украине нужно перепродавать российский газ. "
                     "Кевин Радд ушел в отставку.")
    assert found["Михаил Розин"] == ("PER", "Михаил Розин")
    assert found["Кевин Радд"] == ("PER", "Кевин Радд")


def test_places_and_organisations_have_types_and_normal_forms():
    found = entities("На заседании Высшего государственного совета Союзного государства президенты России "
                     "и Белоруссии сделали акцент на углублении интеграции.")
    assert found["России"] == ("LOC", "Россия")
    assert found["Белоруссии"] == ("LOC", "Белоруссия")
    assert found["Союзного государства"][1] == "Союзное государство"


@pytest.mark.parametrize("phrase, normal", [
    ("Министерства иностранных дел", "Министерство иностранных дел"),
    ("Европейской комиссией", "Европейская комиссия"),
    ("Газпрома", "Газпром"),
    ("Mail.Ru Group", "Mail.Ru Group"),
])
def test_normal_phrase_inflects_only_the_head(phrase, normal):
    assert normal_phrase(phrase) == normal


def test_entities_respect_the_limit(seed_text):
    doc = analyse_structure(seed_text)
    cut = seed_text.index("Интеграция и экономика")
    assert all(e.end <= cut for e in find_entities(doc, limit=cut))


@pytest.mark.parametrize("text, glued, parts", [
    # the tagger ran two people together: their cases cannot agree
    ("Он увидел у Пьера Анна Павловна.", "Пьера Анна Павловна", ["Пьера", "Анна Павловна"]),
    ("Тогда Марья Дмитриевна Пьеру сказала всё.", "Марья Дмитриевна Пьеру", ["Марья Дмитриевна", "Пьеру"]),
    ("Он подвёл Наташу Николай за руку.", "Наташу Николай", ["Наташу", "Николай"]),
    # one person's name agrees in case, or the dictionary only guesses the foreign part
    ("Приехал Владимир Владимирович Путин.", "Владимир Владимирович Путин", ["Владимир Владимирович Путин"]),
    ("Ждали Владимира Владимировича Путина.", "Владимира Владимировича Путина", ["Владимира Владимировича Путина"]),
    ("Пригласили Джулию Гиллард вчера.", "Джулию Гиллард", ["Джулию Гиллард"]),
    ("Выступил Ливиу-Дитер Нисипяну.", "Ливиу-Дитер Нисипяну", ["Ливиу-Дитер Нисипяну"]),
    # a lower-case word that is no particle of a name parts two names; a particle does not
    ("Потом Пьер увидал Каратаева у костра.", "Пьер увидал Каратаева", ["Пьер", "Каратаева"]),
    ("Звучала музыка Людвига ван Бетховена.", "Людвига ван Бетховена", ["Людвига ван Бетховена"]),
    ("Адвокат Саиф уль-Малук ответил.", "Саиф уль-Малук", ["Саиф уль-Малук"]),
])
def test_two_people_run_together_are_cut_apart(text, glued, parts):
    start = text.index(glued)
    spans = split_glued_names(text, [NamedSpan(start, start + len(glued), "PER", "", 0)])
    assert [text[s.start:s.end] for s in spans] == parts
