"""Morphology-aware search: the index, the three modes, smart case, ё, phrases, suggestions."""
from __future__ import annotations

import re

import pytest

from tui_reader.model import Document, Paragraph, Sentence
from tui_reader.morph import analyzer, normal_forms
from tui_reader.search.index import build_index
from tui_reader.search.query import Hit, HitList, SearchError, search
from tui_reader.search.suggest import complete, suggest


def make_doc(*sentences: str, index: bool = True) -> Document:
    """One paragraph of the given sentences, offsets computed, indexed."""
    doc = Document(text=" ".join(sentences))
    at = 0
    for s in sentences:
        doc.sentences.append(Sentence(at, at + len(s), 0))
        at += len(s) + 1
    doc.paragraphs.append(Paragraph(0, len(doc.text), 0))
    if index:
        doc.index = build_index(doc.text)
    return doc


def found(doc: Document, query: str, mode: str = "lemma") -> list[str]:
    return [doc.text[h.start:h.end] for h in search(doc, query, mode)]


# --- whole paradigms ---------------------------------------------------------------

# Lexemes whose forms no other word below shares, and distractors unrelated to all of them.
PARADIGM_WORDS = ["безопасность", "пространство", "газопровод", "зелёный", "строить", "заявить"]
DISTRACTORS = ["стол", "бежать", "синий", "вчера", "река", "писатель"]


def lexeme_forms(word: str) -> set[str]:
    return {p.word for p in analyzer().parse(word)[0].lexeme}


@pytest.mark.parametrize("word", PARADIGM_WORDS)
def test_lemma_search_finds_every_form_of_the_paradigm_and_nothing_else(word):
    forms = sorted(lexeme_forms(word))
    assert len(forms) >= 6
    distractor_forms = sorted(set().union(*(lexeme_forms(w) for w in DISTRACTORS)))
    doc = make_doc(*(f"Вот {f} тут." for f in forms + distractor_forms))
    hits = found(doc, word)
    assert sorted(h.lower() for h in hits) == sorted(forms)
    # An inflected form as the query finds the paradigm too.
    assert set(forms) <= {h.lower() for h in found(doc, forms[len(forms) // 2])}


def test_first_parse_is_not_the_only_lemma():
    # pymorphy's best guess for "Песков" is "песок"; the surname must still be found.
    doc = make_doc("Дмитрий Песков ответил.", "Пескова спросили.", "На пляже много песка.")
    assert found(doc, "Пескова") == ["Песков", "Пескова"]
    assert "песок" in doc.index.lemmas and "песков" in doc.index.lemmas


def test_dictionary_form_means_that_word_but_an_inflected_one_every_candidate():
    doc = make_doc("Цены стали расти.", "Завод делает сталь.")
    assert found(doc, "стать") == ["стали"]
    assert found(doc, "сталь") == ["стали", "сталь"]  # "стали" can be a form of "сталь"
    assert found(doc, "стали") == ["стали", "сталь"]


def test_fast_dictionary_lookup_agrees_with_pymorphy_parse():
    morph = analyzer()
    for word in ["стали", "пескова", "безопасности", "заявил", "ежа", "ёжик", "болконского", "путина"]:
        assert set(normal_forms(word)) >= {p.normal_form.replace("ё", "е") for p in morph.parse(word)}


# --- query language ----------------------------------------------------------------

def test_several_words_match_sentences_holding_all_of_them():
    doc = make_doc("Путин заявил о безопасности.", "Безопасность важна.", "Путина спросили, и он заявил.")
    hits = search(doc, "путин безопасность")
    assert [(doc.text[h.start:h.end], h.sentence) for h in hits] == [("Путин", 0), ("безопасности", 0)]
    assert found(doc, "путин заявить") == ["Путин", "заявил", "Путина", "заявил"]


def test_a_frequent_word_among_several_is_looked_up_in_the_few_sentences_left():
    # "и" is in every sentence, many times: past a few tokens per sentence still in question
    # it is looked up by sentence (``query._in_sentence``); the hits must be those of every
    # sentence holding all the words, each word's every form, in text order.
    filler = "и стол и стул и шкаф и полка и лампа и ковёр и окно и дверь и пол"
    sentences = [f"Иван и Мария {filler}." if n % 7 == 0 else
                 f"Иван пришёл {filler}." if n % 3 == 0 else f"Мария ушла {filler}." for n in range(60)]
    doc = make_doc(*sentences)

    def expected(*words: str) -> list[tuple[str, int]]:
        holding = [n for n, s in enumerate(sentences) if all(w in s.split() for w in words)]
        out = []
        for n in holding:
            at = doc.sentences[n].start
            for m in re.finditer(r"\w+", sentences[n]):
                if m.group() in words:
                    out.append((m.group(), n, at + m.start()))
        return [(w, n) for w, n, _ in sorted(out, key=lambda hit: hit[2])]

    for query, words in [("Иван и", ("Иван", "и")), ("и Мария", ("и", "Мария")), ("Иван Мария и", ("Иван", "Мария", "и")),
                         ("и пришёл", ("и", "пришёл"))]:
        hits = search(doc, query)
        assert [(doc.text[h.start:h.end], h.sentence) for h in hits] == expected(*words), query
    assert len(search(doc, "Иван и")) > 100  # (the frequent word's own path was taken)


def test_quoted_phrase_matches_any_inflection_in_a_row():
    doc = make_doc("Создание общего пространства.", "Об общем пространстве.", "Общее и пространство.",
                   "Пространство общее.", "Это общее. Пространство рядом.")
    assert found(doc, '"общее пространство"') == ["общего пространства", "общем пространстве"]
    assert found(doc, "«общий пространство»") == ["общего пространства", "общем пространстве"]
    # Still typing: an unclosed quote is a phrase too.
    assert found(doc, '"общее простр') == []
    assert len(found(doc, '"общее пространство')) == 2


def test_phrase_and_word_together():
    doc = make_doc("Путин говорил об общем пространстве.", "Общее пространство нужно.")
    assert found(doc, '"общее пространство" Путин') == ["Путин", "общем пространстве"]


def test_smart_case_in_lemma_mode():
    doc = make_doc("Песков ответил.", "Песков на пляже много.", "Взяли песков для стройки.",
                   "Страны НАТО и Нато.")
    assert found(doc, "Песков") == ["Песков", "Песков"]  # capitalised forms only
    assert found(doc, "песков") == ["Песков", "Песков", "песков"]
    assert found(doc, "НАТО") == ["НАТО"]
    assert found(doc, "нато") == ["НАТО", "Нато"]


def test_yo_is_e_everywhere():
    doc = make_doc("Ёлка стоит.", "Купили елку.", "У ёлки игрушки.")
    assert found(doc, "елка") == ["Ёлка", "елку", "ёлки"]
    assert found(doc, "ёлка") == ["Ёлка", "елку", "ёлки"]
    assert found(doc, "елк", "exact") == ["Ёлк", "елк", "ёлк"]
    assert found(doc, "ёлк", "regex") == ["Ёлк", "елк", "ёлк"]


def test_exact_mode_is_literal_and_smart_case():
    doc = make_doc("Газпром и газ.", "ГАЗ выпускает машины.")
    assert found(doc, "газ", "exact") == ["Газ", "газ", "ГАЗ"]
    assert found(doc, "ГАЗ", "exact") == ["ГАЗ"]
    assert found(doc, "и газ", "exact") == ["и газ"]
    doc = make_doc("Крик: ааааа!")
    assert [(h.start, h.end) for h in search(doc, "аа", "exact")] == [(6, 8), (8, 10)]  # no overlaps


def test_regex_mode_smart_case_and_escapes():
    doc = make_doc("Газпром и газ.", "ГАЗ выпускает машины.")
    assert found(doc, r"газ\w*", "regex") == ["Газпром", "газ", "ГАЗ"]
    assert found(doc, r"Газ\w*", "regex") == ["Газпром"]
    assert found(doc, r"\S*газ\b", "regex") == ["газ", "ГАЗ"]  # "\S", "\b" are no capitals
    assert found(doc, r"x*", "regex") == []  # empty matches mark nothing


def test_invalid_regex_raises_a_one_line_error():
    doc = make_doc("Текст.")
    with pytest.raises(SearchError) as err:
        search(doc, "(газ", "regex")
    assert "\n" not in str(err.value) and "(газ" in str(err.value)
    with pytest.raises(SearchError):
        search(doc, "газ", "fuzzy")


def test_hits_are_in_text_order_with_their_sentence():
    doc = make_doc("Газ дорожает.", "Цены на газ растут, газа мало.", "Нет газа.")
    hits = search(doc, "газ")
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert [h.sentence for h in hits] == [0, 1, 1, 2]
    for h in hits:
        s = doc.sentences[h.sentence]
        assert s.start <= h.start < h.end <= s.end
    for mode, query in [("exact", "газ"), ("regex", "газ")]:
        assert [h.sentence for h in search(doc, query, mode)] == [0, 1, 1, 2]


def test_hit_list_behaves_like_a_list():
    doc = make_doc("Газ дорожает.", "Нет газа.")
    hits = search(doc, "газ")
    assert isinstance(hits, HitList) and len(hits) == 2
    assert hits == [Hit(0, 3, 0), Hit(18, 22, 1)]
    assert hits[-1] == Hit(18, 22, 1) and hits[:1] == [Hit(0, 3, 0)]
    assert list(hits) == sorted(hits)
    assert search(doc, "газ", limit=1) == [Hit(0, 3, 0)]
    assert search(doc, "   ") == [] and not search(doc, "слон")


def test_a_structure_only_document_is_searched_too():
    doc = make_doc("Газ дорожает.", "Нет газа.", index=False)
    assert found(doc, "газ") == ["Газ", "газа"]


def test_hyphenated_words_are_one_token_found_by_their_parts():
    doc = make_doc("Он прилетел в Нью-Йорк.", "Ветер дул с северо-запада.")
    assert found(doc, "Нью-Йорк") == ["Нью-Йорк"]
    assert found(doc, "запад") == ["северо-запада"]


def test_real_corpus_sentence():
    from tests.conftest import corpus_text

    text = corpus_text("bsnlp-nordstream-file_16.txt")
    m = re.search(r"[^.\n]*строительства газопровода[^.\n]*\.", text)
    assert m, "the sentence this test reads is gone from the corpus file"
    doc = make_doc(m.group())
    assert "газопровода" in found(doc, "газопровод")
    assert "строительства газопровода" in found(doc, '"строительство газопровод"')


# --- suggestions -------------------------------------------------------------------

def test_suggest_completes_names_and_words_one_per_lemma():
    doc = make_doc("Песков ответил.", "Пескова спросили.", "Пескову писали.", "Там песок.",
                   "Песочница пуста.")
    assert suggest(doc, "Пес")[0] in ("Песков", "Пескова")
    assert len([w for w in suggest(doc, "Пес") if w.startswith("Песк")]) == 1  # one per lemma
    assert "песок" in suggest(doc, "пес")
    assert all(w[0].isupper() for w in suggest(doc, "Пес"))  # smart case
    assert suggest(doc, "Пес ") == [] and suggest(doc, "") == []
    assert complete(doc, "спросили Пес") in ("спросили Песков", "спросили Пескова")


def test_an_index_read_back_from_the_cache_as_arrays_works_the_same():
    from array import array

    doc = make_doc("Путин заявил о безопасности.", "Об общем пространстве.", "Путина спросили.")
    expected = {q: list(search(doc, q)) for q in ["путин", "Путин заявить", '"общее пространство"']}
    ix = doc.index
    ix.starts, ix.ends = array("i", ix.starts), array("i", ix.ends)
    ix.lemmas = {k: memoryview(array("i", v)) for k, v in ix.lemmas.items()}
    doc2 = Document(text=doc.text, sentences=doc.sentences, paragraphs=doc.paragraphs, index=ix)
    assert {q: list(search(doc2, q)) for q in expected} == expected


def test_the_full_model_replacing_a_structure_only_one_is_searched_afresh():
    early = make_doc("Газ дорожает.", "Нет газа.", index=False)
    assert found(early, "газ") == ["Газ", "газа"]
    full = make_doc("Газ дорожает.", "Нет газа.")
    full.text = early.text  # the same text object, as the pipeline hands it on
    assert [h.sentence for h in search(full, "газ")] == [0, 1]
    full.sentences = full.sentences[:1]  # a different sentence split is picked up
    assert [h.sentence for h in search(full, "газ")] == [0, 0]


def test_words_with_unnamed_characters_do_not_crash_the_analysis():
    # pymorphy3 asks unicodedata.name() about unknown letters; Tangut ideographs have
    # none, so a bare MorphAnalyzer raises ValueError on them.
    from tui_reader.analysis import analyse
    from tui_reader.morph import analyzer
    from tui_reader.search.query import search

    assert analyzer().parse("\U00017000")
    doc = analyse("Путин заявил: «\U00017000 да». Слово \U00017000абв.")
    assert search(doc, "\U00017000абв", mode="exact")
