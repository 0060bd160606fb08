"""Headline and headings of real-world pages: each kind of line that looked like a heading on
unseen articles and is not one (or the reverse), one table per kind.

Every line here is made up for the test; none is copied from the corpus.
"""
from __future__ import annotations

import pytest

from tui_reader.analysis import analyse_structure
from tui_reader.analysis.heading_lines import BOILERPLATE, LINKS, boilerplate

HEADLINE = "Городской совет утвердил новый план развития набережной"
PROSE = ("Депутаты обсуждали проект почти три часа. В итоге за него проголосовали двадцать человек, "
         "против выступили трое.")
PROSE2 = "Работы начнутся весной и продлятся до конца следующего года. Подрядчика выберут на конкурсе."


def headings(text: str) -> tuple[str | None, list[str]]:
    doc = analyse_structure(text)
    return doc.title, [s.title for s in doc.sections if s.title]


def article(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


# --- site boilerplate -----------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Обновлено: 03.04.2022",
    "Обновлено 3 апреля 2022, 14:05",
    "Опубликовано: 12.11.2019 09:15",
    "Нашли ошибку?",
    "Нашли опечатку? Выделите её и нажмите Ctrl+Enter",
    "Источник информации",
    "Источник: пресс-служба мэрии",
    "Подписаться",
    "Подписывайтесь на наш канал",
    "CC0",
    "CC BY-SA 4.0",
    "Video",
    "Фото",
    "Реклама",
    "Поделиться",
    "Версия для печати",
    "Теги: город, транспорт",
    "Сетевое издание «Вечерний край» зарегистрировано Роскомнадзором, свидетельство Эл № ФС 00-00000",
    "Самое читаемое",
    "18+",
    "Комментарии (12)",
    "Текст: Олег Белов",
    "Беседовала Анна Соколова",
    "13:45, 14 марта 2024",
    "Фото из открытых источников",
])
def test_boilerplate_lines_are_neither_headings_nor_headline(line):
    title, sections = headings(article(HEADLINE, line, PROSE, "Что дальше", PROSE2))
    assert title == HEADLINE
    assert sections == ["Что дальше"]
    # above the headline too: the headline is the first line that is not boilerplate
    title, sections = headings(article(line, HEADLINE, PROSE))
    assert title == HEADLINE and sections == []


@pytest.mark.parametrize("line", [
    "Реклама на телевидении дешевеет",
    "Фотография как ремесло",
    "Источники энергии будущего",
    "Подписание договора отложено",
    "Видеонаблюдение во дворах",
    "Поделиться опытом со студентами",
    "Подготовили документы к подписанию",
    "Текстильная промышленность",
])
def test_headings_that_merely_start_like_boilerplate_stay(line):
    _title, sections = headings(article(HEADLINE, PROSE, line, PROSE2))
    assert sections == [line]


def test_boilerplate_between_a_heading_and_its_text_does_not_part_them():
    _title, sections = headings(article(HEADLINE, PROSE, "Сроки работ", "Реклама", PROSE2))
    assert sections == ["Сроки работ"]


@pytest.mark.parametrize("intro", ["Читайте также", "Смотрите также:", "По теме", "Похожие новости"])
def test_titles_listed_under_see_also_are_not_headings(intro):
    text = article(HEADLINE, PROSE, intro, "Мэр открыл новый мост через реку", "В парке высадили сто лип",
                   PROSE2)
    assert headings(text)[1] == []


def test_a_see_also_link_on_its_own_line_is_boilerplate():
    assert boilerplate("Читайте также: Мэр открыл новый мост") == BOILERPLATE
    assert boilerplate("Читайте также") == LINKS
    assert boilerplate("Читайте также как мэр открыл мост") is None


def test_wiki_markup_is_the_authors_and_stays_a_heading():
    text = article(HEADLINE, PROSE, "== Источник информации ==", "Сайт городского совета")
    assert headings(text)[1] == ["Источник информации"]


def test_boilerplate_set_as_a_markdown_heading_is_dropped():
    text = "# Новый мост\n\nМост откроют в мае.\n\n## Читайте также\n\nСтарый мост закроют.\n\n## Сроки\n\nДо мая.\n"
    from tui_reader.load import load_bytes

    loaded = load_bytes(text.encode(), "note.md")
    doc = analyse_structure(loaded.text, loaded.source, loaded.heading_hints)
    assert [s.title for s in doc.sections if s.title] == ["Сроки"]


# --- news-feed digests ----------------------------------------------------------------------

FEED = [
    ("12:30 Мэр: ремонт моста закончат к лету", "Об этом градоначальник сказал на встрече с жителями района."),
    ("11:05 В области открыли три новые школы", "В каждой из них будут учиться около тысячи детей."),
    ("Вчера, 18:40 Синоптики обещают снегопад", "Осадки ожидаются в ночь на субботу во всех районах."),
    ("02.03, 09:15 Цены на бензин не изменились", "Средняя стоимость литра осталась на прежнем уровне."),
    ("5 марта 2023, 16:20 Пригородные поезда пойдут реже", "Расписание изменят на время ремонта путей."),
    ("14.02.2024 Библиотеки продлили часы работы", "Теперь читальные залы открыты до десяти вечера."),
]


@pytest.mark.parametrize("item, body", FEED)
def test_a_timestamped_feed_item_is_not_a_heading(item, body):
    _title, sections = headings(article(HEADLINE, PROSE, item, body))
    assert sections == []


def test_a_digest_of_feed_items_gives_no_sections_but_keeps_the_real_ones():
    blocks = [HEADLINE, PROSE, "Главные события"]
    for item, body in FEED:
        blocks += [item, body]
    blocks += ["Что дальше", PROSE2]
    assert headings(article(*blocks))[1] == ["Главные события", "Что дальше"]


@pytest.mark.parametrize("line", ["В 12:30 начнётся митинг у мэрии", "Итоги 2023 года", "10 мая"])
def test_a_time_inside_a_line_or_a_bare_date_is_no_feed_item(line):
    from tui_reader.analysis.heading_lines import feed_item

    assert not feed_item(line)


# --- photo captions and bylines ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["Анна Соколова", "П. Васильев", "Мария-Луиза Шмидт", "Клаус фон Бергер"])
def test_a_bare_name_glued_to_the_lead_is_a_caption(name):
    text = f"{HEADLINE}\n\n{name}\n{PROSE}\n\n{PROSE2}\n"
    assert headings(text) == (HEADLINE, [])


@pytest.mark.parametrize("name", ["Анна Соколова", "П. Васильев"])
def test_a_bare_name_right_under_the_headline_is_a_byline_or_caption(name):
    assert headings(article(HEADLINE, name, PROSE, PROSE2)) == (HEADLINE, [])


@pytest.mark.parametrize("name", ["Анна Соколова", "Олег Белов"])
def test_a_bare_name_glued_to_a_paragraph_inside_the_text_is_a_caption(name):
    text = f"{HEADLINE}\n\n{PROSE}\n\n{name}\n{PROSE2}\n"
    assert headings(text)[1] == []


@pytest.mark.parametrize("heading", ["Анна Соколова", "Олег Белов"])
def test_a_name_heading_between_paragraphs_of_a_profile_list_stays(heading):
    # blank lines around it, in the body of the text: it titles the part about that person
    assert headings(article(HEADLINE, PROSE, heading, PROSE2))[1] == [heading]


@pytest.mark.parametrize("heading", ["Тихий Дон", "Северная столица", "Добрый Доктор", "Русский Север"])
def test_an_adjective_and_a_noun_are_no_name(heading):
    text = f"{HEADLINE}\n\n{PROSE}\n\n{heading}\n\n{PROSE2}\n"
    assert headings(text)[1] == [heading]


@pytest.mark.parametrize("credit", [
    "Фото: Олег Белов / пресс-служба мэрии",
    "Фото — архив редакции",
    "Иллюстрация: Анна Соколова",
    "// vesti.example.ru",
    "Олег Белов / ТАСС",
])
def test_photo_credits_are_not_headings(credit):
    assert headings(article(HEADLINE, credit, PROSE, PROSE2)) == (HEADLINE, [])
    assert headings(article(HEADLINE, PROSE, "Сроки работ", credit, PROSE2))[1] == ["Сроки работ"]


# --- interview questions ----------------------------------------------------------------------

@pytest.mark.parametrize("question, answer", [
    ("Как вы оцениваете прошедший сезон?", "Сезон вышел трудным, но команда справилась."),
    ("Что вам запомнилось больше всего?", "Пожалуй, финальная игра в родном городе."),
    ("Расскажите, с чего всё началось?", "Всё началось с небольшой мастерской в гараже."),
    ("Корреспондент: Когда откроется новый корпус?", "Строители обещают закончить к осени."),
    ("Вопрос: Сколько стоит билет?", "Цена пока не утверждена, её назовут в марте."),
    ("Почему именно этот город?", "Я вырос здесь и знаю каждую улицу."),
    ("Когда ждать результатов?", "Мы рассчитываем получить их до конца месяца."),
    ("Были ли сомнения?", "Конечно, сомнения были у всех."),
])
def test_an_interview_question_followed_by_its_answer_is_not_a_heading(question, answer):
    _title, sections = headings(article(HEADLINE, PROSE, question, answer, PROSE2))
    assert sections == []


@pytest.mark.parametrize("question", ["Что изменится для пассажиров?", "Долго ли продлится ремонт?"])
def test_a_question_heading_over_plain_reporting_stays(question):
    assert headings(article(HEADLINE, PROSE, question, PROSE2))[1] == [question]


# --- quoted subheadings -----------------------------------------------------------------------

@pytest.mark.parametrize("heading", ["«Денег на это никто не даст»", "„Мы ещё вернёмся“", '"Время уходит"',
                                     "«Проект „Север“ закрывать рано»"])
def test_a_short_quoted_subheading_between_paragraphs_is_a_heading(heading):
    assert headings(article(HEADLINE, PROSE, heading, PROSE2))[1] == [heading]


@pytest.mark.parametrize("line", [
    "«Мы обязательно победим!»",  # a remark, with its own stop
    "«Я устал. Пора домой»",  # two sentences
    "«Это был самый долгий и самый трудный день за всю мою жизнь в этом городе»",  # too long for a heading
    "«Всё только начинается",  # unclosed: a line of a quoted verse
    "«Нет, так дело не пойдёт»",  # a comma: a remark with its clauses
])
def test_a_quoted_remark_on_its_own_line_is_still_no_heading(line):
    assert headings(article(HEADLINE, PROSE, line, PROSE2))[1] == []


def test_a_quoted_line_glued_inside_a_stanza_is_no_heading():
    text = article(HEADLINE, PROSE, "Он сказал тогда.\n«Денег на это никто не даст»\nИ ушёл не прощаясь.", PROSE2)
    assert headings(text)[1] == []


# --- kickers over the headline ----------------------------------------------------------------

@pytest.mark.parametrize("kicker", ["Долгая дорога", "Всё по плану", "Без лишних слов"])
def test_a_short_kicker_over_a_proper_headline_is_not_the_title(kicker):
    assert headings(article(kicker, HEADLINE, PROSE, PROSE2)) == (HEADLINE, [])
    # glued to the headline as well
    assert headings(f"{kicker}\n{HEADLINE}\n\n{PROSE}\n") == (HEADLINE, [])


@pytest.mark.parametrize("rubric", ["Культура", "Экономика"])
def test_a_one_word_rubric_over_a_proper_headline_stays_a_section_and_the_headline_is_the_title(rubric):
    assert headings(article(rubric, HEADLINE, PROSE, PROSE2)) == (HEADLINE, [rubric])
    # boilerplate between the headline and the text does not hide the text
    assert headings(article(rubric, HEADLINE, "Обновлено: 03.04.2022", "Поделиться", PROSE)) == (HEADLINE, [rubric])


@pytest.mark.parametrize("blocks, title, sections", [
    # a one-word rubric over a line too short for a headline: both are sections (a digest)
    (["Культура", "Театр открыл сезон", PROSE], None, ["Культура", "Театр открыл сезон"]),
    # a short headline over a short subheading: both too short to be kicker and headline
    (["Новый мост", "Как его строили", PROSE, PROSE2], "Новый мост", ["Как его строили"]),
    # a short headline over the first sentence of the text
    (["Новый мост", PROSE, PROSE2], "Новый мост", []),
    # a second line that asks is a subheading, not a headline
    (["Новый мост", "Зачем городу ещё одна переправа через реку?", PROSE], "Новый мост",
     ["Зачем городу ещё одна переправа через реку?"]),
])
def test_no_kicker_without_a_headline_under_it(blocks, title, sections):
    assert headings(article(*blocks)) == (title, sections)


# --- headings are marked for the later passes -------------------------------------------------

def _marked(doc) -> dict[str, str]:
    from tui_reader.analysis.heading_lines import paragraph_roles

    return {doc.text[doc.paragraphs[k].start:doc.paragraphs[k].end]: kind
            for k, kind in paragraph_roles(doc).items()}


def test_markdown_headline_and_headings_are_marked_so_speech_passes_can_skip_them():
    from tui_reader.load import load_bytes

    source = ("# Министр Олег Белов заявил о новых тарифах\n\nМинистр Олег Белов заявил, что тарифы вырастут.\n\n"
              "## Белов: денег хватит\n\nОн также сообщил, что субсидии сохранятся.\n")
    loaded = load_bytes(source.encode(), "note.md")
    doc = analyse_structure(loaded.text, loaded.source, loaded.heading_hints)
    assert _marked(doc) == {"Министр Олег Белов заявил о новых тарифах": "title", "Белов: денег хватит": "heading"}


@pytest.mark.parametrize("blocks, marked", [
    ([HEADLINE, PROSE, "Что дальше", PROSE2], {HEADLINE: "title", "Что дальше": "heading"}),
    (["Долгая дорога", HEADLINE, PROSE], {"Долгая дорога": "kicker", HEADLINE: "title"}),
    (["ru-7", "2022-01-05", HEADLINE, PROSE], {HEADLINE: "title"}),  # a crawler header is no kicker
    ([PROSE, "== Сроки ==", PROSE2], {"== Сроки ==": "heading"}),
    ([HEADLINE, "Анна Соколова", PROSE, "Реклама", PROSE2, "12:30 Мэр: мост откроют в мае", PROSE2],
     {HEADLINE: "title", "Анна Соколова": "caption", "Реклама": "boilerplate",
      "12:30 Мэр: мост откроют в мае": "feed"}),
    ([PROSE, PROSE2], {}),
])
def test_plain_text_headline_and_headings_are_marked(blocks, marked):
    assert _marked(analyse_structure(article(*blocks))) == marked


@pytest.mark.parametrize("headline", [HEADLINE, "Чего ждать от нового моста?", "Мост откроют в мае!"])
def test_a_line_glued_under_the_headline_is_a_standfirst_or_caption_not_a_heading(headline):
    text = f"{headline}\nМэр и строители на открытии пролёта 2024\n\n{PROSE}\n\nСроки работ\n\n{PROSE2}\n"
    assert headings(text) == (headline, ["Сроки работ"])


def test_in_an_interview_every_question_line_is_a_question_not_a_heading():
    text = article(
        "Директор зоопарка рассказал о планах на новый сезон", PROSE,
        "Как вы пережили зиму?", "Непросто, но мы справились без потерь.",
        "Что нового появится летом?", "Откроется вольер для пингвинов, его строят уже полгода.",
        "Когда ждать пингвинов?", "Их привезут в июне из другого зоопарка.",
        "Что вам больше всего нравится в работе?", "Животные. С ними никогда не бывает скучно.")
    assert headings(text)[1] == []


def test_one_plain_question_heading_does_not_make_an_interview():
    text = article(HEADLINE, PROSE, "Когда ждать пингвинов?", "Их привезут в июне из другого зоопарка.",
                   "Что изменится для посетителей?", PROSE2)
    assert headings(text)[1] == ["Когда ждать пингвинов?", "Что изменится для посетителей?"]
