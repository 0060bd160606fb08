"""Should fix: one rule for NUL bytes, and a note when a file's encodings are mixed."""
from __future__ import annotations

import pytest

from tui_reader.load import LoadError, load_bytes
from tui_reader.load.decode import SAMPLE_BYTES

pytestmark = pytest.mark.hostile

LINE = "Президент заявил журналистам, что переговоры прошли успешно.\n"


@pytest.mark.parametrize("at", [10, SAMPLE_BYTES + 10])
def test_a_nul_is_refused_wherever_it_is(at):
    data = bytearray((LINE * (SAMPLE_BYTES // 40)).encode())
    data[at:at] = b"\x00"
    with pytest.raises(LoadError, match="NUL"):
        load_bytes(bytes(data), "article.txt")


def test_mixed_encodings_are_read_line_by_line_with_a_note():
    data = ("Заголовок\n\n".encode() + LINE.encode("cp1251") * 40 + "Министр сообщил о бюджете.\n".encode())
    loaded = load_bytes(data, "article.txt")
    assert "Министр сообщил о бюджете." in loaded.text  # the UTF-8 line, not garbled
    assert loaded.text.count("переговоры") == 40  # nor the cp1251 ones
    assert any("mixes" in note for note in loaded.notes)


def test_a_few_bad_bytes_in_utf8_are_noted():
    loaded = load_bytes(LINE.encode() * 100 + b"\xff\n", "article.txt")
    assert "\ufffd" in loaded.text and any("not valid UTF-8" in note for note in loaded.notes)
