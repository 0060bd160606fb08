"""Loading: encodings, newlines, formats (Markdown, HTML), standard input and unreadable files."""
from __future__ import annotations

import hashlib
import io
import sys
import time

import pytest

from tests.conftest import CORPUS
from tui_reader import load as load_mod
from tui_reader.load import LoadError, load_bytes, load_path

# Real sentences from the corpus (the seed article and nerel-train-221).
RU = ("Как заявил Владимир Путин, Москва и Минск продолжают укреплять союз и вместе противостоят "
      "санкционному давлению. Шмидт возглавлял Google на протяжении десяти лет.\n")


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("cp1251", "cp1251"),
    ("koi8_r", "koi8-r"),
])
def test_russian_encodings_are_detected(encoding, expected):
    loaded = load_bytes((RU * 3).encode(encoding), "a.txt")
    assert loaded.text == RU * 3
    assert loaded.source.encoding == expected


@pytest.mark.parametrize("bom, codec", [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-32", "utf-32")])
def test_byte_order_marks_are_honoured_and_dropped(bom, codec):
    loaded = load_bytes(RU.encode(bom), "a.txt")
    assert loaded.text == RU
    assert loaded.source.encoding == codec


def test_utf16_without_bom():
    loaded = load_bytes(RU.encode("utf-16-le"), "a.txt")
    assert loaded.text == RU


def test_encoding_override_wins_over_detection():
    data = RU.encode("cp1251")
    assert load_bytes(data, "a.txt", encoding="koi8_r").source.encoding == "koi8-r"
    assert load_bytes(data, "a.txt", encoding="cp1251").text == RU


def test_unknown_encoding_is_a_load_error():
    with pytest.raises(LoadError, match="unknown encoding"):
        load_bytes(b"abc", "a.txt", encoding="no-such-codec")


def test_newlines_are_normalised_and_nothing_else():
    raw = "Заголовок\r\n\r\nАбзац\tс табуляцией.\rЕщё [bold]строка[/bold] \x1b[2J и \x1b]0;title\x07.\r\n"
    loaded = load_bytes(raw.encode("utf-8"), "a.txt")
    assert loaded.text == raw.replace("\r\n", "\n").replace("\r", "\n")
    assert loaded.source.sha256 == hashlib.sha256(raw.encode("utf-8")).hexdigest()


def test_empty_and_blank_files_are_empty_documents(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n\t\n")
    assert load_path(tmp_path / "empty.txt").text == ""
    assert load_path(tmp_path / "blank.txt").text == " \n\n\t\n"


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"text with a \x00 NUL byte in it", "binary"),
    (bytes(range(1, 32)) * 40, "binary"),
])
def test_binary_files_are_refused(data, message):
    with pytest.raises(LoadError, match=message):
        load_bytes(data, "x.txt")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_path(tmp_path / "missing.txt")
    with pytest.raises(LoadError, match="directory"):
        load_path(tmp_path)


def test_too_large_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(load_mod.MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(LoadError, match="too large"):
        load_path(big)


def test_error_messages_are_one_line(tmp_path):
    for target in (tmp_path / "missing.txt", tmp_path):
        with pytest.raises(LoadError) as info:
            load_path(target)
        assert "\n" not in str(info.value)


def test_stdin_is_read_as_bytes(monkeypatch):
    data = RU.encode("cp1251")

    class FakeStdin(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", FakeStdin(io.BytesIO(data)))
    loaded = load_path("-")
    assert loaded.text == RU
    assert loaded.source.path == "-"
    assert loaded.source.encoding == "cp1251"


def test_large_cp1251_novel_loads_fast():
    path = CORPUS / "large" / "war_and_peace-cp1251.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus/large is not here")
    started = time.perf_counter()
    loaded = load_path(path)
    elapsed = time.perf_counter() - started
    assert loaded.source.encoding == "cp1251"
    assert "Анна Павловна" in loaded.text
    assert elapsed < 1.0


# --- Markdown -------------------------------------------------------------------

MARKDOWN = """# Эрик Шмидт ушел с поста гендиректора Google

Эрик Шмидт, возглавлявший **Google** 10 лет, объявил о [своем уходе](https://example.com/a).

## Стратег у руля

Уже известно, что главой компании станет *именно* Пейдж.

- первый пункт
- второй пункт

## Удачный год

Компания получила `чистую прибыль`.
"""


def test_markdown_becomes_plain_text_with_heading_hints():
    loaded = load_bytes(MARKDOWN.encode(), "note.md")
    text = loaded.text
    assert loaded.source.format == "markdown"
    for leak in ("#", "**", "](", "`", "*именно*"):
        assert leak not in text
    assert "объявил о своем уходе." in text
    assert "• первый пункт\n• второй пункт" in text
    titles = [text[s:e] for s, e, _level in loaded.heading_hints]
    assert titles == ["Эрик Шмидт ушел с поста гендиректора Google", "Стратег у руля", "Удачный год"]
    assert [level for *_span, level in loaded.heading_hints] == [1, 2, 2]


def test_markdown_is_sniffed_without_extension():
    assert load_bytes(MARKDOWN.encode(), "-").source.format == "markdown"
    assert load_bytes(RU.encode(), "-").source.format == "text"


# --- HTML -----------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Сами справитесь</title>
<style>body { color: red }</style><script>var tracking = "МЕНЮ_СКРИПТ";</script></head>
<body><nav><ul><li><a href="/">Главная</a></li><li><a href="/news">Новости рубрики</a></li></ul></nav>
<article><h1>Сами справитесь</h1>
<p>Эрик Шмидт, возглавлявший в течение последних 10 лет крупнейшую интернет-компанию мира, объявил о своем уходе
с поста генерального директора. Решение вступит в силу в апреле, сообщила компания.</p>
<h2>Стратег у руля</h2>
<p>Уже известно, что главой компании станет именно Пейдж, которого Шмидт охарактеризовал как сильного стратега
и человека, готового к новой роли. Об этом он написал в своем блоге в среду.</p>
<p><strong>Удачный год</strong></p>
<p>Отметим, что решение о смене руководства практически не отразилось на котировках Google. Для сравнения,
в начале года акции компании стоили заметно меньше, чем сейчас.</p></article>
<footer>© Все права защищены. Подписывайтесь на рассылку.</footer></body></html>"""


def test_html_page_gives_the_article_text_and_headings():
    loaded = load_bytes(PAGE.encode("cp1251"), "page.html")
    text = loaded.text
    assert loaded.source.format == "html"
    assert loaded.source.encoding.replace("-", "").lower() in ("windows1251", "cp1251")
    assert "Решение вступит в силу в апреле" in text
    for boilerplate in ("МЕНЮ_СКРИПТ", "color: red", "<p>", "Новости рубрики"):
        assert boilerplate not in text
    heads = [text[s:e] for s, e, _level in loaded.heading_hints]
    assert "Стратег у руля" in heads and "Удачный год" in heads


def test_html_fragment_headings_become_sections():
    path = CORPUS / "formats" / "ria-corus-2.html"
    if not path.is_file():
        pytest.skip("../shared/corpus/formats is not here")
    from tui_reader.analysis import analyse_structure

    loaded = load_path(path)
    assert loaded.source.format == "html"
    assert "<" not in loaded.text.replace("<<", "")
    doc = analyse_structure(loaded.text, loaded.source, loaded.heading_hints)
    titled = [s for s in doc.sections if s.title]
    assert len(titled) >= 3
    # every section title is the start of a bold run of the page
    page = path.read_text(encoding="utf-8")
    for sec in titled:
        assert f"<strong>{sec.title[:20]}" in page


def test_html_is_sniffed_from_content():
    assert load_bytes(b"<p><strong>x</strong></p><p>Text of a paragraph.</p>", "-").source.format == "html"


def test_markdown_front_matter_and_tables():
    source = ("---\ntitle: \"Сами справитесь\"\ndate: 2011-01-21\n---\n\nЭрик Шмидт объявил о **своем** уходе.\n\n"
              "## Итоги года\n\n| Год | Прибыль |\n|-----|---------|\n| 2010 | 8,5 млрд |\n")
    loaded = load_bytes(source.encode(), "a.md")
    assert loaded.text.startswith("Сами справитесь\n\nЭрик Шмидт объявил о своем уходе.")
    assert "date:" not in loaded.text and "---" not in loaded.text
    assert "Год | Прибыль\n2010 | 8,5 млрд" in loaded.text


def test_utf8_with_a_stray_bad_byte_stays_utf8():
    data = (RU * 5).encode("utf-8") + "ё".encode()[:1]  # cut in the middle of the last letter
    loaded = load_bytes(data, "a.txt")
    assert loaded.source.encoding == "utf-8"
    assert loaded.text.startswith(RU * 5)
