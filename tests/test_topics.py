"""Topics for the jump-to-topic pane, on hand-made documents."""
from __future__ import annotations

import re

from tui_reader.analysis.topics import FUNCTION_LIKE_NOUNS, build_topics
from tui_reader.model import Document, Entity, Section, Span, Speaker
from tui_reader.search.index import build_index

LEAD = ("Дмитрий Песков заявил, что общее экономическое пространство важно. "
        "Создание общего пространства обсудят в Москве. ")
BODY = ("Переговоры\n"
        "В прошлом году Песков говорил об общем пространстве. "
        "Москва ждёт ответа, в Москве готовят газопровод. "
        "Газопровод построят, газопровода хватит, о газопроводе спорят. "
        "В этом году и в прошлом году тоже.")
TEXT = LEAD + BODY


def spans_of(stem: str) -> list[Span]:
    """Spans of the whole words starting with ``stem``."""
    return [Span(*m.span()) for m in re.finditer(stem + r"\w*", TEXT)]


def make_doc(with_index: bool = True) -> Document:
    doc = Document(text=TEXT)
    body = len(LEAD)
    doc.sections = [Section(None, 0, body, 0), Section("Переговоры", body, len(TEXT), 1)]
    peskov = spans_of("Песков\\b")
    doc.speakers = [Speaker("s1", "Дмитрий Песков", ["Песков"], mentions=list(reversed(peskov)))]
    doc.entities = [Entity(s.start, s.end, "PER", "Песков") for s in peskov]
    doc.entities += [Entity(s.start, s.end, "LOC", "Москва") for s in spans_of("Москв")]
    if with_index:
        doc.index = build_index(TEXT)
    return doc


def by_kind(topics, kind):
    return [t for t in topics if t.kind == kind]


def test_sections_point_at_their_headings():
    sections = by_kind(build_topics(make_doc()), "section")
    assert [t.label for t in sections] == ["Переговоры"]  # the untitled lead is no topic
    (occ,) = sections[0].occurrences
    assert TEXT[occ.start:occ.end] == "Переговоры"


def test_speakers_with_their_mentions_in_order():
    (speaker,) = by_kind(build_topics(make_doc()), "speaker")
    assert speaker.label == "Дмитрий Песков"
    assert [(o.start, o.end) for o in speaker.occurrences] == [(s.start, s.end) for s in spans_of("Песков")]


def test_entities_grouped_by_normal_form_without_the_speakers():
    entities = by_kind(build_topics(make_doc()), "entity")
    assert [t.label for t in entities] == ["Москва"]
    assert len(entities[0].occurrences) == 3


def test_phrases_count_lemmas_and_adjective_noun_pairs():
    doc = make_doc()
    phrases = {t.label: t for t in by_kind(build_topics(doc), "phrase")}
    assert "общее пространство" in phrases  # the adjective agrees with the noun
    pair = phrases["общее пространство"]
    assert [TEXT[o.start:o.end] for o in pair.occurrences] == ["общего пространства", "общем пространстве"]
    assert [TEXT[o.start:o.end].lower() for o in phrases["газопровод"].occurrences] == \
        ["газопровод", "газопровод", "газопровода", "газопроводе"]
    # Function-like nouns, words inside entities and mentions, and one-off words are no phrases.
    assert not set(phrases) & FUNCTION_LIKE_NOUNS
    assert not any(label.lower().startswith(("москв", "песков")) for label in phrases)
    assert "ответ" not in phrases


def test_phrases_without_index_or_entities():
    doc = make_doc(with_index=False)
    doc.entities, doc.speakers = [], []
    phrases = [t.label for t in by_kind(build_topics(doc), "phrase")]
    assert "Москва" in phrases and "газопровод" in phrases  # no NER: proper nouns are phrases too


def test_a_name_already_an_entity_is_no_phrase():
    doc = make_doc()
    # An entity span that misses the word's ending leaves every "Москва" token to the
    # word count (3, enough for a phrase), yet the entity topic already names it.
    doc.entities = [e for e in doc.entities if e.type != "LOC"]
    moscow = spans_of("Москв")[0]
    doc.entities.append(Entity(moscow.start, moscow.start + 4, "LOC", "Москва"))
    phrases = [t.label for t in by_kind(build_topics(doc), "phrase")]
    assert "Москва" not in phrases and "газопровод" in phrases


def test_occurrences_are_in_text_order():
    for topic in build_topics(make_doc()):
        starts = [o.start for o in topic.occurrences]
        assert starts == sorted(starts), topic.label


def test_entity_spellings_of_one_name_make_one_topic():
    text = "Тодд Коумс пришёл. Коумса ждали. Коумсу рады. Говард Баффет и Пескова. Песков тут."
    doc = Document(text=text)
    for m, normal in [("Тодд Коумс", "Тодд Коумс"), ("Коумса", "Коумса"), ("Коумсу", "Коумсу"),
                      ("Говард Баффет", "Говард Баффет"), ("Пескова", "Пескова"), ("Песков", "Песков")]:
        at = text.index(m)
        doc.entities.append(Entity(at, at + len(m), "PER", normal))
    doc.speakers = [Speaker("s1", "Уоррен Баффет", ["Баффет"], mentions=[])]
    entities = {t.label: len(t.occurrences) for t in by_kind(build_topics(doc), "entity")}
    # "Говард Баффет" is another person than the speaker "Уоррен Баффет": kept.
    assert entities == {"Тодд Коумс": 3, "Говард Баффет": 1, "Песков": 2}


def test_a_recurring_name_phrase_from_a_real_article():
    from tests.conftest import corpus_text

    text = corpus_text("bsnlp-nordstream-file_16.txt")
    sentences = re.findall(r"[^.\n]*Северн\w+ поток\w*[^.\n]*\.", text)
    assert len(sentences) >= 2, "the sentences this test reads are gone from the corpus file"
    doc = Document(text=" ".join(sentences))
    phrases = {t.label.lower(): t for t in by_kind(build_topics(doc), "phrase")}
    assert "северный поток" in phrases
    spans = [doc.text[o.start:o.end].lower() for o in phrases["северный поток"].occurrences]
    assert len(spans) >= 2 and all(s.startswith("северн") and " поток" in s for s in spans)
