"""Speakers and statements on real sentences from the corpus and the seed.

Each case is a sentence (or a short passage) from a real article and what a
correct analyser must say about it: who speaks, with which cue, or that
nobody does.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tui_reader.analysis import analyse_structure
from tui_reader.analysis.speakers import find_speakers
from tui_reader.model import Document


def analysed(text: str, limit: int | None = None) -> Document:
    doc = analyse_structure(text)
    find_speakers(doc, limit=limit)
    return doc


def speaker_of(doc: Document, fragment: str) -> str | None:
    """The name of who speaks in the sentence containing ``fragment`` (None: nobody)."""
    pos = doc.text.index(fragment)
    for st in doc.statements:
        if st.start <= pos < st.end:
            sp = doc.speaker(st.speaker)
            assert sp is not None, "a statement must point at a listed speaker"
            return sp.name
    return None


def cue_of(doc: Document, fragment: str) -> str | None:
    pos = doc.text.index(fragment)
    return next((st.cue for st in doc.statements if st.start <= pos < st.end), None)


# --- reporting cues, in several inflections ---------------------------------------

@pytest.mark.parametrize("text, fragment, surname, cue", [
    ("Александр Лукашенко подчеркнул, что текущая геополитическая ситуация требует от двух стран "
     "готовности оперативно и совместно реагировать на любые вызовы.", "геополитическая", "Лукашенко", "подчеркнул"),
    ("При этом глава Федерального ведомства по судоходству и гидрографии Германии (BSH) Моника Браух-Мориц "
     "заявила, что проектная компания должна будет учесть требования к безопасному строительству.",
     "проектная компания", "Браух-Мориц", "заявила"),
    ("Глава австралийской авиакомпании Qantas Airlinies Алан Джойс считает, что в будущем справка о прививке "
     "от коронавируса станет обязательной.", "справка о прививке", "Джойс", "считает"),
    ("Как написал Шмидт в недавней колонке в журнале Harvard Business Review, в 2011 году Google обратит "
     "пристальное внимание на мобильный рынок.", "мобильный рынок", "Шмидт", "написал"),
    ("По словам пресс-секретаря \"Яндекса\" Аси Мелкумовой, цель - продемонстрировать, что новостной сервис "
     "работает автоматически.", "новостной сервис", "Мелкумова", "по словам"),
    ("Директор по внешним коммуникациям холдинга Rambler & Co Матвей Алексеев говорит, что депутаты "
     "согласились приехать.", "депутаты согласились", "Алексеев", "говорит"),
    ("Я уверен, мы в этой борьбе победим, добавил Бурбак.", "в этой борьбе", "Бурбак", "добавил"),
])
def test_reporting_cues_name_the_speaker(text, fragment, surname, cue):
    doc = analysed(text)
    name = speaker_of(doc, fragment)
    assert name is not None and surname in name.split()
    assert cue_of(doc, fragment) == cue


def test_direct_speech_with_attribution_after_covers_every_sentence_of_the_quote():
    text = ("Лесин также опроверг информацию о том, что Венедиктов предлагал выкупить радиостанцию. "
            "«Не было такого предложения. Озвучивать я ее не буду, это коммерческая тайна. "
            "Могу сказать только, что мы не намерены каким-либо образом продавать этот ресурс», — заявил он.")
    doc = analysed(text)
    for fragment in ("Не было такого", "Озвучивать я", "Могу сказать"):
        assert speaker_of(doc, fragment) == "Лесин", fragment
    kinds = {st.kind for st in doc.statements if doc.text[st.start:st.end].startswith("«")}
    assert kinds == {"direct"}


def test_speaker_colon_quote():
    text = ("Финансовый директор шведского телекоммуникационного оператора Ларс Нильсон на пресс-конференции "
            "в Стокгольме заявил: « Что мы сделали, так это нашли хорошего покупателя. Мы позаботимся о наших акционерах. »")
    doc = analysed(text)
    assert speaker_of(doc, "Мы позаботимся") == "Ларс Нильсон"


# --- continuation and pronouns --------------------------------------------------------

def test_pronoun_subject_and_paraphrase_continue_the_same_person(seed_text):
    doc = analysed(seed_text)
    assert speaker_of(doc, "Он также отметил опережающие") == "Александр Лукашенко"
    # 'По словам Путина, …' carries on into the next sentence of the paragraph
    assert speaker_of(doc, "Граждане двух стран пользуются") == "Владимир Путин"
    # 'по его словам' inside a sentence about Putin is Putin's
    assert speaker_of(doc, "Россия и Белоруссия продолжат") == "Владимир Путин"
    # the closing narration paragraph is nobody's
    assert speaker_of(doc, "В целом выступления лидеров") is None


def test_pronoun_prefers_the_person_the_previous_sentence_is_about():
    text = ("Так, биограф Баффета Энди Килпатрик заявил, что ничего не знает об этом человеке.\n\n"
            "Сам Баффет не скрывает своего удовольствия от нового назначения. \"Специалиста такого калибра, "
            "как Тодд, мы искали в течение трех лет, - заявил он. - Мы в восторге от того, что он присоединился к нам\".")
    doc = analysed(text)
    assert speaker_of(doc, "Специалиста такого калибра") == "Баффет"
    assert speaker_of(doc, "Мы в восторге") == "Баффет"


def test_trailing_attribution_does_not_reach_the_previous_person():
    text = ("В феврале 2012 года министр иностранных дел Австралии Кевин Радд ушел в отставку. "
            "\"Простая истина состоит в том, что я не могу выполнять обязанности министра иностранных дел, "
            "если меня не поддерживает премьер-министр\", — заявил экс-глава МИД Австралии.")
    doc = analysed(text)
    assert speaker_of(doc, "Простая истина") == "Кевин Радд"
    assert speaker_of(doc, "ушел в отставку") is None


# --- names and titles --------------------------------------------------------------------

def test_all_forms_of_a_name_are_one_speaker(seed_text):
    doc = analysed(seed_text)
    putins = [sp for sp in doc.speakers if "Путин" in sp.name]
    assert len(putins) == 1
    putin = putins[0]
    assert putin.name == "Владимир Путин"
    assert "Путин" in putin.aliases
    assert len(putin.mentions) >= 3  # 'Владимир Путин', 'Путина', 'Путин' at least


def test_title_resolved_from_the_text_before_the_data_file():
    # the text says who the president is: the data file must not override it
    text = ("Президент России Дмитрий Медведев провел совещание в Кремле.\n\n"
            "Президент России отметил, что модернизация экономики остается главной задачей.")
    doc = analysed(text)
    assert speaker_of(doc, "модернизация экономики") == "Дмитрий Медведев"


def test_title_resolved_from_the_data_file_when_the_text_names_nobody():
    doc = analysed("Президент России отметил устойчивый рост торговли и инвестиций.")
    name = speaker_of(doc, "устойчивый рост")
    assert name == "Владимир Путин"
    sp = next(s for s in doc.speakers if s.name == name)
    assert any("президент" in a.lower() for a in sp.aliases)


def test_title_noun_refers_to_the_person_just_quoted():
    text = ("Спустя восемь месяцев Чили вновь начинает принимать иностранцев. Президент Себастьян Пиньера заявил, "
            "что это очередной шаг к постепенному открытию страны.\n\n"
            "\"Мы хотим объявить о первой фазе открытия наших границ для граждан других стран\", - сказал президент.")
    doc = analysed(text)
    assert speaker_of(doc, "первой фазе открытия") == "Себастьян Пиньера"


# --- who is not a speaker --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Как сообщало ИА REGNUM, в марте 2018 года власти Германии выдали все разрешения на строительство газопровода.",
    "IFAW ожидает, что это число продолжит расти, особенно в свете решения ВТО.",
    "Осведомленный в деталях сделки источник «Прайм» также сообщил, что покупка совершается для дальнейшей перепродажи.",
    "Одни считают, что завершение строительства газопровода станет поводом для агрессии.",
    "Отметим, что решение о смене руководства практически не отразилось на котировках Google.",
    "Конкретные цифры Уоррен Баффет не назвал, однако не доверять ему нет никаких оснований.",
    "Но и украинский парламент должен заявить о своей позиции голосованием.",
])
def test_organisations_unnamed_sources_and_non_reports_make_no_statement(text):
    doc = analysed(text)
    assert doc.statements == []


def test_naming_verb_needs_a_complement():
    doc = analysed("Лукашенко назвал интеграцию двух стран беспрецедентной.\n\n"
                   "Уоррен Баффет назвал своего потенциального преемника.")
    assert speaker_of(doc, "интеграцию двух стран") == "Лукашенко"
    assert speaker_of(doc, "своего потенциального преемника") is None


# --- limits, quotes, robustness ------------------------------------------------------------

def test_limit_stops_the_analysis(seed_text):
    cut = seed_text.index("Интеграция и экономика")
    doc = analysed(seed_text, limit=cut)
    assert doc.statements and all(st.end <= cut for st in doc.statements)
    assert all(e.end <= cut for e in doc.entities)


def test_quotes_filled_by_the_quote_finder_get_their_speaker():
    from tui_reader.model import Quote

    text = "«Это хороший день для тюленей», — сказала Соня ван Тихелен, региональный директор IFAW в Европе."
    doc = analyse_structure(text)
    doc.quotes = [Quote(0, text.index("»") + 1)]
    find_speakers(doc)
    assert doc.quotes[0].speaker is not None
    assert doc.speaker(doc.quotes[0].speaker).name == "Соня ван Тихелен"


def test_empty_and_speakerless_texts():
    assert analysed("").statements == []
    doc = analysed("Погода\n\nЗавтра в Москве ожидается дождь.")
    assert doc.statements == [] and doc.speakers == []


def test_natasha_imports_without_pkg_resources_or_pymorphy2():
    """Python >= 3.12 has no pkg_resources, which pymorphy2 needs: nlp.py must route natasha to pymorphy3."""
    code = textwrap.dedent("""
        import sys

        class Blocker:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("pkg_resources", "pymorphy2"):
                    raise ImportError("blocked for the test: " + name)
                return None

        sys.meta_path.insert(0, Blocker())
        from tui_reader.analysis.nlp import models
        models()
        from natasha import MorphVocab
        assert MorphVocab().parse("стали")
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")


def test_headline_name_colon_quote():
    doc = analysed("Песков: «Кремль не планирует менять позицию».")
    assert speaker_of(doc, "Кремль не планирует") == "Песков"


def test_possessive_statement_noun_and_its_paraphrase():
    text = ("Речь о том, чтобы спасти жизни», — заявил демократ Джо Байден.\n\n"
            "На сайте переходной команды Байдена также появилось его заявление о первоочередной задаче "
            "на посту президента. Ею станет борьба с эпидемией коронавируса.")
    doc = analysed(text)
    assert speaker_of(doc, "появилось его заявление") == "Джо Байден"
    assert speaker_of(doc, "Ею станет борьба") == "Джо Байден"


def test_continuation_stops_at_a_sentence_about_someone_else():
    text = ("Эрик Шмидт, возглавлявший в течение последних 10 лет крупнейшую интернет-компанию мира, объявил о своем "
            "уходе с поста гендиректора Google. Шмидт останется в компании, сохранив за собой место председателя "
            "совета директоров.")
    doc = analysed(text)
    assert speaker_of(doc, "объявил о своем уходе") == "Эрик Шмидт"
    assert speaker_of(doc, "останется в компании") is None


def test_a_title_given_later_in_the_text_does_not_decide_an_earlier_reference():
    text = ("Дональд Трамп анонсировал отставку генерального прокурора страны Уильяма Барра. "
            "«Наши отношения очень хорошие, он проделал отличную работу!», — пояснил президент в своем Twitter.\n\n"
            "Президент России Владимир Путин после голосования выборщиков поздравил демократа с победой.")
    doc = analysed(text)
    assert speaker_of(doc, "Наши отношения") == "Дональд Трамп"


def test_dialogue_line_is_direct_speech_of_the_named_speaker():
    doc = analysed("— Мы будем добиваться справедливости, — сказал Иван Петров. — Других вариантов нет.")
    assert speaker_of(doc, "Мы будем добиваться") == "Иван Петров"
    assert {st.kind for st in doc.statements} == {"direct"}


def test_some_cues_report_only_when_negated():
    # constructed on the pattern of news copy: 'не исключил, что …' reports a view
    doc = analysed("Об этом журналистам рассказал губернатор Московской области Андрей Воробьев. "
                   "Губернатор не исключил, что ограничения продлят.\n\n"
                   "Глава «Роснефти» Игорь Сечин исключил компанию из списка партнеров.")
    assert speaker_of(doc, "ограничения продлят") == "Андрей Воробьев"
    assert speaker_of(doc, "из списка партнеров") is None


def test_pronoun_after_an_unnamed_source_is_nobody():
    text = ("В результате 10 июня вице-премьер РФ Игорь Сечин признался журналистам, что Россия пока так и не "
            "определилась с кандидатурой.\n\n"
            "Это подтвердил \"Ъ\" один из участников встречи в Дохе. \"У нас есть возможность рассмотреть текущие "
            "вопросы относительно размещения штаб-квартиры, взносов и другие\",- сказал он.")
    doc = analysed(text)
    assert speaker_of(doc, "признался журналистам") == "Игорь Сечин"
    assert speaker_of(doc, "У нас есть возможность") is None


def test_a_blogger_speaks_under_his_user_name():
    # factrueval-book_100
    doc = analysed("Всего, по сообщениям блоггеров и СМИ, было задержано более 30 человек. Пользователь ЖЖ zyalt "
                   "сообщает, что среди задержанных оказался депутат муниципального собрания Михаил Вельмакин.")
    assert speaker_of(doc, "среди задержанных") == "zyalt"


def test_unquoted_words_after_a_trailing_attribution_run_on_to_a_first_person_sentence():
    # bsnlp-ec-file_257: no quotation marks; 'Мы очень довольны' shows the words are still hers
    doc = analysed("Это хороший день в политике ЕС и хороший день для тюленей, сказала Соня ван Тихелен, региональный "
                   "директор IFAW в Европе. Европейская комиссия приняла регламент, который отражает обеспокоенность "
                   "миллионов европейцев. Мы очень довольны данным предложением. Еще одно изменение, предложенное "
                   "Европейской комиссией, связано с удалением \"исключения\".")
    assert speaker_of(doc, "Мы очень довольны") is not None
    assert speaker_of(doc, "Европейская комиссия приняла") == speaker_of(doc, "Мы очень довольны")
    assert speaker_of(doc, "Еще одно изменение") is None
