"""A big text's speakers found chunk by chunk (``analysis/speakers/chunks.py``).

The text here is written for the test: four sections whose people come back in later
sections by surname, by full name and in the genitive, so the merge across chunks has
work to do.  (What one chunk cannot know is a title given in an earlier one: there,
'Министр финансов Иван Петров' … '— подчеркнул министр' in the next chunk finds Петров
by a guess, less sure than one pass, which knows the title.  So the text refers to
people across sections by name.)
"""
from __future__ import annotations

from dataclasses import asdict

import pytest

from tests.conftest import SHARED
from tui_reader.analysis import FULL_NLP_LIMIT, analyse_structure, enrich
from tui_reader.analysis.entities import sentences_before
from tui_reader.analysis.speakers import find_speakers
from tui_reader.analysis.speakers.chunks import can_fork, find_speakers_in_chunks, plan_chunks
from tui_reader.model import Document

SECTIONS = [
    ("Бюджет", [
        "Министр финансов Иван Петров заявил журналистам, что бюджет будет принят в срок. "
        "«Мы не допустим задержек», — сказал Петров.",
        "Глава бюджетного комитета Анна Смирнова сообщила, что поправки уже готовы. "
        "По её словам, депутаты обсудят их в четверг.",
        "Заседание продлилось до вечера.",
    ]),
    ("Налоги", [
        "Петров добавил, что налоги в следующем году не вырастут. "
        "«Бизнес может планировать спокойно», — подчеркнул Петров.",
        "По словам Смирновой, обсуждение займёт не больше недели.",
        "Экономист Олег Васильев считает, что рынок отреагирует сдержанно.",
    ]),
    ("Прогнозы", [
        "«Инфляция замедлится к осени», — отметил Васильев.",
        "Иван Петров пообещал представить отчёт парламенту в мае. "
        "Анна Смирнова подчеркнула: «Комитет работает без выходных».",
        "Погода в столице оставалась тёплой.",
    ]),
    ("Итоги", [
        "Губернатор Мария Кузнецова заявила, что регион получит новые дороги. "
        "«Деньги уже выделены», — сказала Кузнецова.",
        "Васильев напомнил, что прошлый прогноз оправдался. "
        "Петров согласился с коллегой.",
    ]),
]


def written_text() -> str:
    parts = ["Новости недели"]
    for title, paragraphs in SECTIONS:
        parts.append(title)
        parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


def one_pass(text: str) -> Document:
    doc = analyse_structure(text)
    find_speakers(doc)
    return doc


def chunked(text: str, processes: int) -> Document:
    doc = analyse_structure(text)
    find_speakers_in_chunks(doc, sentences_before(doc, None), size=200, processes=processes)
    return doc


def said(doc: Document) -> list[tuple[str, str, str, str | None, float]]:
    names = {s.id: s.name for s in doc.speakers}
    return [(names[st.speaker], doc.text[st.start:st.end], st.kind, st.cue, st.confidence)
            for st in doc.statements]


@pytest.fixture(scope="module")
def reference() -> Document:
    return one_pass(written_text())


def test_the_written_text_makes_several_chunks_at_its_sections():
    doc = analyse_structure(written_text())
    chunks = plan_chunks(doc, sentences_before(doc, None), size=200)
    assert len(chunks) >= 3
    starts = {sec.start for sec in doc.sections}
    for chunk in chunks[1:]:  # each chunk begins a section
        assert doc.paragraphs[doc.sentences[chunk[0]].paragraph].start in starts


def test_the_reference_finds_what_the_text_says(reference):
    found = said(reference)
    speakers = {name for name, *_ in found}
    assert {"Иван Петров", "Анна Смирнова", "Олег Васильев", "Мария Кузнецова"} <= speakers
    # a surname alone in a later section is the person named in full before
    assert any(name == "Олег Васильев" and "Инфляция" in sentence for name, sentence, *_ in found)


@pytest.mark.parametrize("processes", [1, 2])
def test_chunks_find_the_same_people_and_statements_as_one_pass(reference, processes, monkeypatch, tmp_path):
    import os

    import tui_reader.analysis.speakers.chunks as chunks

    if processes > 1 and not can_fork():
        pytest.skip("no fork here")
    analyse_chunk = chunks.analyse_chunk

    def noting_who(doc, indices):  # each process that analyses a chunk leaves a file
        (tmp_path / str(os.getpid())).touch()
        return analyse_chunk(doc, indices)

    monkeypatch.setattr(chunks, "analyse_chunk", noting_who)
    doc = chunked(written_text(), processes)
    helpers = {p.name for p in tmp_path.iterdir()} - {str(os.getpid())}
    assert len(helpers) == processes - 1  # a forked helper took chunks too
    assert said(doc) == said(reference)
    assert [asdict(s) for s in doc.speakers] == [asdict(s) for s in reference.speakers]
    assert doc.statements == reference.statements
    assert doc.entities == reference.entities
    assert [q.speaker for q in doc.quotes] == [q.speaker for q in reference.quotes]


def test_enrich_reports_progress_chunk_by_chunk(monkeypatch):
    import tui_reader.analysis as analysis
    import tui_reader.analysis.speakers.chunks as chunks

    text = written_text()
    monkeypatch.setattr(analysis, "CHUNKED_ABOVE", len(text) // 2)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 200)
    reports: list[tuple[str, float]] = []
    doc = enrich(analyse_structure(text), lambda stage, share: reports.append((stage, share)))
    speaking = [share for stage, share in reports if stage == "speakers"]
    assert len(speaking) >= 4 and speaking == sorted(speaking) and speaking[-1] == pytest.approx(0.8)
    assert doc.analysis.level == "full"
    assert said(doc) == said(one_pass(text))


NOVEL = SHARED / "corpus" / "large" / "war_and_peace-cp1251.txt"


@pytest.mark.skipif(not NOVEL.exists(), reason="../shared/corpus is not here")
def test_the_whole_novel_is_analysed_speakers_included():
    """(~15–60 s) The novel is below the limit: its model is "full" and has speakers to its end."""
    from tui_reader.load import load_path

    loaded = load_path(NOVEL, "cp1251")
    assert len(loaded.text) < FULL_NLP_LIMIT
    doc = enrich(analyse_structure(loaded.text, loaded.source, loaded.heading_hints), keep_models=False)
    assert doc.analysis.level == "full"
    late = [st for st in doc.statements if st.start > 400_000]
    assert len(late) > len(doc.statements) * 0.7
    assert max(st.end for st in doc.statements) > len(doc.text) * 0.9


def _chunked_in_a_daemon(queue, marks: str) -> None:
    import os
    from pathlib import Path

    import tui_reader.analysis.speakers.chunks as chunks

    analyse_chunk = chunks.analyse_chunk

    def noting_who(doc, indices):
        (Path(marks) / str(os.getpid())).touch()
        return analyse_chunk(doc, indices)

    chunks.analyse_chunk = noting_who
    queue.put((os.getpid(), said(chunked(written_text(), 2))))


def test_chunks_run_in_helpers_from_a_daemonic_process_too(reference, tmp_path):
    """The reader's analysis process is a daemon, which multiprocessing lets have no children."""
    import multiprocessing

    if not can_fork():
        pytest.skip("no fork here")
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_chunked_in_a_daemon, args=(queue, str(tmp_path)), daemon=True)
    process.start()
    pid, found = queue.get(timeout=120)
    process.join(timeout=30)
    assert found == said(reference)
    assert len({p.name for p in tmp_path.iterdir()} - {str(pid)}) == 1  # its helper took chunks


def test_long_sentences_cut_in_a_helper_are_counted_too():
    """The note 'N sentences … analysed in pieces' counts what every process cut."""
    from tui_reader.analysis.nlp import MAX_MODEL_TOKENS, inputs_cut

    if not can_fork():
        pytest.skip("no fork here")
    endless = "Иван Петров сказал что " + " ".join(["очень"] * (MAX_MODEL_TOKENS + 50)) + " важно."
    text = written_text() + "\n\nПриложение\n\n" + endless + "\n\nЕщё\n\n" + endless + "\n"
    before = inputs_cut()
    one_pass(text)
    once = inputs_cut() - before
    assert once >= 2
    for processes in (1, 2):
        before = inputs_cut()
        chunked(text, processes)
        assert inputs_cut() - before == once
