"""Headline, sections, paragraphs and sentences (the fast structure pass)."""
from __future__ import annotations

import json
import re
import time

import pytest

from tests.conftest import CORPUS, GOLD, ROOT
from tui_reader.analysis import analyse_structure
from tui_reader.analysis.structure import find_paragraphs


def titles(doc) -> list[str | None]:
    return [s.title for s in doc.sections]


def para_texts(doc) -> list[str]:
    return [doc.text[p.start:p.end] for p in doc.paragraphs]


# Lines below are real lines of the corpus (nerel-train-221, the seed, bsnlp-uselection2020-ru_78).
LEAD = ("Эрик Шмидт, возглавлявший в течение последних 10 лет крупнейшую интернет-компанию мира, "
        "объявил о своем уходе с поста генерального директора.")
BODY = ("Уже известно, что главой компании станет именно Пейдж, которого Шмидт охарактеризовал "
        "как сильного стратега. Так сообщает компания.")


def test_short_first_line_is_the_headline_not_a_section():
    doc = analyse_structure(f"Сами справитесь\n\n{LEAD}\n\nСтратег у руля\n\n{BODY}\n")
    assert doc.title == "Сами справитесь"
    assert titles(doc) == [None, "Стратег у руля"]
    assert doc.sections[0].level == 0


def test_a_first_line_that_is_a_sentence_is_no_headline():
    doc = analyse_structure(f"{LEAD}\n\nИнтеграция и экономика\n\n{BODY}\n")
    assert doc.title is None
    assert titles(doc) == [None, "Интеграция и экономика"]


def test_crawler_header_lines_are_skipped_before_the_headline():
    text = ("ru-78\nru\n2021-02-01\nhttp://www.fromtheweb.eu\n"
            "Демократ признал себя избранным президентом. Трамп продолжает говорить о фальсификациях \n\n"
            f"1 \n\nБольшинство выборщиков отдали голоса за Байдена \n\n{BODY}\n")
    doc = analyse_structure(text)
    assert doc.title == "Демократ признал себя избранным президентом. Трамп продолжает говорить о фальсификациях"
    assert [t for t in titles(doc) if t] == ["Большинство выборщиков отдали голоса за Байдена"]


def test_one_word_rubric_first_line_starts_a_section():
    doc = analyse_structure(f"Космос\n\n{LEAD}\n\nПолитика\n\nИталия\n\n{BODY}\n")
    assert doc.title is None
    assert titles(doc) == ["Космос", "Политика", "Италия"]
    assert [s.level for s in doc.sections] == [1, 1, 2]


@pytest.mark.parametrize("line", [
    "Эти и другие новости о развитии ситуации с пандемией коронавируса в мире - в нашем обзоре.",  # final period
    "23 ноября 2020",  # a dateline
    "04/08/2008 12:08",
    "— Ну, что, князь?",  # direct speech
    "«Это, конечно, не значит, что он плохой специалист»",  # a quoted remark
    "http://www.fromtheweb.eu",
])
def test_lines_that_are_not_headings(line):
    doc = analyse_structure(f"{LEAD}\n\n{line}\n\n{BODY}\n")
    assert titles(doc) == [None]


def test_heading_glued_under_a_paragraph_is_found():
    # nerel-test-1155: the subheading follows the paragraph line with no blank line
    text = (f"Кевин Радд станет новым премьер-министром Австралии\n\n{LEAD}\n"
            f"Как Радд ушел с поста министра иностранных дел\n\n{BODY}\n")
    doc = analyse_structure(text)
    assert titles(doc) == [None, "Как Радд ушел с поста министра иностранных дел"]


def test_short_lines_at_the_end_are_not_headings():
    doc = analyse_structure(f"{LEAD}\n\n{BODY}\n\nПутин поздравил Байдена с победой\n\nЧили начинает принимать туристов\n")
    assert titles(doc) == [None]


def test_wiki_headings():
    doc = analyse_structure(f"{LEAD}\n\n=== Надежда умирает последней? ===\n\n{BODY}\n\n==Источник информации==\n\n"
                            "В Дюссельдорфе показывают коллекцию картин курфюрста Пфальца\n")
    assert titles(doc) == [None, "Надежда умирает последней?", "Источник информации"]


def test_heading_hints_from_markdown():
    from tui_reader.load import load_bytes

    loaded = load_bytes(f"# Сами справитесь\n\n{LEAD}\n\n## Стратег у руля\n\n{BODY}\n".encode(), "a.md")
    doc = analyse_structure(loaded.text, loaded.source, loaded.heading_hints)
    assert doc.title == "Сами справитесь"
    assert titles(doc) == [None, "Стратег у руля"]


def test_sections_tile_the_text_and_own_their_paragraphs():
    text = f"Сами справитесь\n\n{LEAD}\n\nСтратег у руля\n\n{BODY}\n\nУдачный год\n\n{LEAD}\n"
    doc = analyse_structure(text)
    assert doc.sections[0].start == 0 and doc.sections[-1].end == len(text)
    for a, b in zip(doc.sections, doc.sections[1:]):
        assert a.end == b.start
    for p in doc.paragraphs:
        sec = doc.sections[p.section]
        assert sec.start <= p.start and p.end <= sec.end
    # a heading section starts at its heading line
    for sec in doc.sections[1:]:
        assert text[sec.start:].startswith(sec.title)


def test_paragraphs_split_on_blank_lines_and_on_single_lines():
    text = f"{LEAD}\n{BODY}\n\n\n{LEAD} \n"
    doc = analyse_structure(text)
    assert para_texts(doc) == [LEAD, BODY, LEAD]


def test_novel_paragraphs_start_at_indented_lines():
    text = ("   Так говорила в июле 1805 года известная Анна Павловна Шерер,  фрейлина  и\n"
            "приближенная императрицы Марии  Феодоровны,  встречая  важного  и  чиновного\n"
            "князя Василия, первого  приехавшего  на  ее  вечер.\n"
            "   - Dieu, quelle virulente sortie - отвечал, нисколько не  смутясь  такою\n"
            "встречей, вошедший князь.\n"
            "III.\n")
    spans = find_paragraphs(text)
    assert len(spans) == 3
    assert text[spans[0][0]:spans[0][1]].endswith("на  ее  вечер.")
    assert text[spans[2][0]:spans[2][1]] == "III."


def test_sentences_stay_inside_their_paragraph():
    text = f"Сами справитесь\n\n{BODY}\n{LEAD}\n"
    doc = analyse_structure(text)
    for s in doc.sentences:
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
    assert [text[s.start:s.end] for s in doc.sentences if s.paragraph == 1] == [
        "Уже известно, что главой компании станет именно Пейдж, которого Шмидт охарактеризовал как сильного стратега.",
        "Так сообщает компания.",
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "x"])
def test_degenerate_texts(text):
    doc = analyse_structure(text)
    assert doc.sections[0].start == 0 and doc.sections[-1].end == len(text)


def test_one_megabyte_line_is_handled():
    text = "слово " * 170_000
    started = time.perf_counter()
    doc = analyse_structure(text)
    assert len(doc.paragraphs) == 1
    assert time.perf_counter() - started < 10


def test_gold_sections_f1():
    """The structure pass against the hand-checked sections (read from ../shared/gold)."""
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not here")
    from tui_reader.load import load_path

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", s.lower().replace("ё", "е")).strip(" .:;—-\n\t")

    tp = fp = fn = 0
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        path = (GOLD.parent / gold["file"])
        if not path.is_file():
            path = ROOT / gold["file"]
        if not path.is_file():
            continue
        loaded = load_path(path)
        doc = analyse_structure(loaded.text, loaded.source, loaded.heading_hints)
        ignore = {norm(t) for t in gold.get("optional_sections") or []} | ({norm(gold["title"])} if gold.get("title") else set())
        want = {norm(t) for t in gold.get("sections", [])}
        pred = [norm(s.title) for s in doc.sections if s.title]
        pred = [t for t in pred if t in want or t not in ignore]
        hit = len(set(pred) & want)
        tp, fp, fn = tp + hit, fp + len(pred) - hit, fn + len(want) - hit
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    assert f1 >= 0.9, (tp, fp, fn)


def test_novel_structure_is_fast():
    path = CORPUS / "large" / "war_and_peace-cp1251.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus/large is not here")
    from tui_reader.load import load_path

    loaded = load_path(path)
    started = time.perf_counter()
    doc = analyse_structure(loaded.text, loaded.source)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0  # ~0.5 s on an idle machine, ~2 s on a busy one
    chapters = [s.title for s in doc.sections if s.title and re.fullmatch(r"[IVXLC]+\.", s.title)]
    assert len(chapters) > 300  # the novel's chapters are numbered «I.», «II.», …
    assert len(doc.paragraphs) > 10_000


def test_a_long_first_line_without_period_is_a_lead_not_a_headline():
    # factrueval-book_3677 opens with a standfirst that has lost its final period
    first = ("Мужчины запрограммированы на то, чтобы рассматривать каждую новую появляющуюся на мониторе "
             "особь женского пола как возможность для продолжения рода")
    doc = analyse_structure(f"{first}\n\n{BODY}\n")
    assert doc.title is None


def test_verse_lines_are_not_headings():
    text = ("Николай спел вновь выученную им песню.\n"
            "Что и она, рукой прекрасной,\nПо арфе золотой бродя,\nСвоей гармониею страстной\n"
            "Зовет к себе, зовет тебя!\n"
            "И он не допел еще последних слов, когда в зале молодежь приготовилась к танцам.\n")
    assert titles(analyse_structure(text)) == [None]


def test_heading_levels_follow_their_shape():
    chapter = f"{LEAD}\n\n{BODY}\n\n"
    text = (f"{LEAD}\n\nТОМ ПЕРВЫЙ\n\nЧАСТЬ ПЕРВАЯ\n\nI.\n\n{chapter}II.\n\n{chapter}"
            f"ЧАСТЬ ВТОРАЯ\n\nI.\n\n{chapter}II.\n\n{chapter}")
    doc = analyse_structure(text)
    assert [(s.title, s.level) for s in doc.sections] == [
        (None, 0), ("ТОМ ПЕРВЫЙ", 1), ("ЧАСТЬ ПЕРВАЯ", 2), ("I.", 3), ("II.", 3), ("ЧАСТЬ ВТОРАЯ", 2), ("I.", 3), ("II.", 3)]
