"""Item 1: memory does not grow with the square of a sentence's length.

The syntax parser scores every pair of a sentence's words; before the cap a 110 KB
markup file with no sentence ends asked for 18 GiB.  Each case runs the whole
analysis in a child process under an address-space cap.
"""
from __future__ import annotations

import pytest

from tests.hostile.capped import PEAK_RSS, memory_cap, peak_mb, run_capped
from tests.hostile.cases import markup_without_sentence_ends, no_punctuation

ANALYSE = ("import sys; from tui_reader.pipeline import open_document; "
           "doc = open_document(sys.argv[1], use_cache=False); print('SENTENCES', len(doc.sentences)); " + PEAK_RSS)

pytestmark = pytest.mark.hostile


@pytest.mark.parametrize("make, size, name", [
    (no_punctuation, 200_000, "words.txt"),  # before: 2.8 GB and a MemoryError at 252 MiB more
    (markup_without_sentence_ends, 40_000, "markup.txt"),  # before: ~2.4 GB
])
def test_one_endless_sentence_is_analysed_in_bounded_memory(tmp_path, make, size, name):
    path = tmp_path / name
    path.write_bytes(make(size))
    out = run_capped(["-c", ANALYSE, str(path)], cwd=tmp_path)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert peak_mb(out) < 500


def test_capped_models_join_pieces_back(tmp_path):
    """A long input is tagged and parsed in pieces whose markups line up with the whole."""
    from tui_reader.analysis.nlp import models

    with memory_cap():
        check_pieces(models())


def check_pieces(m) -> None:
    from tui_reader.analysis.nlp import CappedNER, CappedSyntax

    syntax = CappedSyntax(m.syntax.parser, limit=7)
    words = ("Президент России заявил журналистам , что переговоры в Москве прошли успешно , "
             "а министр сообщил о бюджете").split()
    (markup,) = syntax.map([words])
    assert [t.text for t in markup.tokens] == words
    assert [int(t.id) for t in markup.tokens] == list(range(1, len(words) + 1))
    assert all(0 <= int(t.head_id) <= len(words) for t in markup.tokens)
    assert syntax.pieces_cut == 1

    ner = CappedNER(m.ner.tagger, limit=6)
    text = "Вчера в Москве прошли переговоры , и Владимир Путин встретился с Александром Лукашенко в Минске ."
    (tagged,) = ner.map([text])
    found = {text[s.start:s.stop] for s in tagged.spans}
    assert {"Москве", "Минске"} <= found, found
    assert all(0 <= s.start < s.stop <= len(text) for s in tagged.spans)


def test_a_sentence_cut_for_the_models_is_noted(tmp_path):
    from tui_reader.pipeline import open_document

    path = tmp_path / "words.txt"
    path.write_bytes(no_punctuation(20_000))
    with memory_cap():
        doc = open_document(path, use_cache=False)
    assert any("analysed in pieces" in note for note in doc.analysis.notes), doc.analysis.notes
