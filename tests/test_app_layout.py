"""The article's layout (wrapping, headings, offset ↔ line) and the sanitiser, without Textual."""
from __future__ import annotations

import pytest

from tui_reader.model import Document, Paragraph, Section
from tui_reader.reading.highlights import SpanIndex, TextOrderSpans
from tui_reader.reading.layout import BLANK, HEADING, HEADLINE, NOTICE, PARA, Layout, build_blocks, wrap
from tui_reader.reading.sanitize import inert

SENTENCE = ("Товарооборот в 2025 году достиг порядка 52 млрд\u00a0долларов, увеличившись почти на 3% "
            "по сравнению с предыдущим годом.")


@pytest.mark.parametrize("width", [16, 25, 40, 80])  # ≥ the longest unbreakable run
def test_wrap_keeps_every_word_within_the_width(width: int) -> None:
    lines = wrap(SENTENCE, 0, len(SENTENCE), width)
    assert all(e - s <= width for s, e in lines)
    assert " ".join(SENTENCE[s:e] for s, e in lines) == SENTENCE
    assert all(SENTENCE[s] != " " and SENTENCE[e - 1] != " " for s, e in lines)


def test_wrap_does_not_break_at_a_no_break_space() -> None:
    lines = wrap(SENTENCE, 0, len(SENTENCE), 50)
    texts = [SENTENCE[s:e] for s, e in lines]
    assert any("52 млрд\u00a0долларов" in t for t in texts) or any("млрд\u00a0долларов" in t for t in texts)


def test_wrap_hard_breaks_a_word_longer_than_the_line_and_keeps_newlines() -> None:
    text = "а" * 25 + "\nвторая строка"
    lines = wrap(text, 0, len(text), 10)
    assert [text[s:e] for s, e in lines] == ["а" * 10, "а" * 10, "а" * 5, "вторая", "строка"]


def _doc() -> Document:
    parts = ["Заголовок статьи", "Первый абзац.", "Раздел", "Второй абзац раздела."]
    text = "\n\n".join(parts)
    starts = [text.index(p) for p in parts]
    paragraphs = [Paragraph(s, s + len(p), 0 if i < 2 else 1) for i, (s, p) in enumerate(zip(starts, parts))]
    sections = [Section(None, 0, starts[2], 0), Section("Раздел", starts[2], len(text), 1)]
    return Document(text=text, title="Заголовок статьи", paragraphs=paragraphs, sections=sections)


def test_headline_and_headings_are_recognised_in_the_text() -> None:
    blocks = build_blocks(_doc())
    assert [b.kind for b in blocks] == [HEADLINE, PARA, HEADING, PARA]
    assert all(b.text is None for b in blocks)  # all from the text itself: highlights apply


def test_titles_missing_from_the_text_become_synthetic_headings() -> None:
    doc = _doc()
    doc.title = "Другой заголовок"
    doc.sections[1].title = "Не в тексте"
    blocks = build_blocks(doc)
    synthetic = [b for b in blocks if b.text is not None]
    assert [b.text for b in synthetic] == ["Другой заголовок", "Не в тексте"]


def test_offsets_map_to_lines_and_sections() -> None:
    doc = _doc()
    layout = Layout(doc, build_blocks(doc), 12)
    second = doc.paragraphs[3]
    line = layout.line_for_offset(second.start + 7)
    assert layout.los[line] <= second.start + 7 < layout.his[line] + 1
    assert layout.section_at_line(line) == 1
    assert layout.section_at_line(0) == 0
    assert layout.kinds[layout.section_line[1]] == HEADING
    # a blank line between blocks belongs to what follows
    blank = layout.section_line[1] - 1
    assert layout.kinds[blank] == BLANK and layout.section_at_line(blank) == 1


def test_empty_text_gives_a_notice() -> None:
    blocks = build_blocks(Document(text="  \n"))
    assert [b.kind for b in blocks] == [NOTICE]


def test_text_without_paragraphs_is_still_shown() -> None:
    doc = Document(text="просто текст без структуры")
    layout = Layout(doc, build_blocks(doc), 40)
    assert layout.line_text(0) == "просто текст без структуры"


def test_inert_replaces_controls_one_for_one() -> None:
    raw = "a\x1b[2Jb\x07c\td\x9be\u202ef\x7f"
    safe = inert(raw)
    assert len(safe) == len(raw)
    assert safe == "a␛[2Jb␇c d\ufffde\ufffdf␡"
    assert all(not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) for ch in safe)


def test_span_index_finds_long_and_short_spans() -> None:
    index = SpanIndex([(0, 5000, "long"), (10, 20, "a"), (30, 40, "b"), (100, 110, "c")])
    assert {item for _, _, item in index.overlapping(15, 35)} == {"long", "a", "b"}
    assert index.at(105) == ["c", "long"] or set(index.at(105)) == {"c", "long"}
    assert index.overlapping(6000, 7000) == []


def test_text_order_spans_agree_with_a_scan() -> None:
    """Search hits (sorted, not nested, some touching) found by bisection = found by a scan."""
    spans = [(0, 3), (3, 8), (10, 12), (20, 45), (46, 47), (60, 61)]
    index = TextOrderSpans(spans)
    for start in range(0, 70, 3):
        for end in (start, start + 1, start + 5, start + 30):
            scan = [(s, e, i) for i, (s, e) in enumerate(spans) if s < max(end, start + 1) and e > start]
            assert index.overlapping(start, end) == scan, (start, end)
    assert index.touches(21) and not index.touches(9) and not TextOrderSpans([]).touches(0)


def test_a_hard_wrapped_paragraph_is_reflowed_to_the_measure() -> None:
    from tui_reader.reading.layout import reflow_span

    # a paragraph the file wrapped at 30 columns, read at 50: whole lines, no ragged tails
    words = ("Так говорила в июле известная Анна Павловна Шерер фрейлина и приближенная "
             "императрицы встречая важного и чиновного князя Василия").split()
    text, line = "", ""
    for word in words:
        if len(line) + len(word) + 1 > 30:
            text += line + "\n"
            line = ""
        line += ("" if not line else " ") + word
    text += line
    lines = reflow_span(text, 0, len(text), 50)
    shown = [text[s:e].replace("\n", " ") for s, e in lines]
    assert all(len(t) <= 50 for t in shown)
    assert all(len(t) > 40 for t in shown[:-1]), shown  # filled, not cut at the file's breaks
    assert " ".join(shown).split() == words  # every word once, in order
