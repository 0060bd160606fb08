"""The path from a file to a model: the first open analyses and caches, the next
opens instantly from the cache (without importing the NLP stack), a bad entry is
rebuilt, and ``use_cache=False`` neither reads nor writes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui_reader import pipeline
from tui_reader.pipeline import finish_analysis, open_document, open_for_reading
from tui_reader.store import cache

NLP = ("natasha", "pymorphy3", "razdel", "slovnet", "navec")


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(directory))
    return directory


@pytest.fixture
def article(tmp_path, seed_text) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*" + cache.SUFFIX)) if directory.exists() else []


def test_first_open_is_structure_then_finish_stores_the_full_model(article, cache_dir):
    opened = open_for_reading(article)
    assert not opened.complete and opened.doc.analysis.level == "structure"
    assert entries(cache_dir) == []
    full = finish_analysis(opened)
    assert full.analysis.level == "full"
    assert len(entries(cache_dir)) == 1

    again = open_for_reading(article)
    assert again.complete
    assert again.doc == full
    assert finish_analysis(again) is again.doc


def test_cached_model_names_the_path_opened_now(article, tmp_path):
    open_document(article)
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    article.rename(moved)
    opened = open_for_reading(moved)
    assert opened.complete
    assert opened.doc.source.path == str(moved) == opened.loaded.source.path


def test_changed_file_is_analysed_again(article):
    open_document(article)
    article.write_text(article.read_text(encoding="utf-8") + "\nЕщё один абзац.\n", encoding="utf-8")
    opened = open_for_reading(article)
    assert not opened.complete
    assert opened.doc.text.endswith("Ещё один абзац.\n")


def test_encoding_override_is_part_of_the_key(article, cache_dir):
    open_document(article)
    assert not open_for_reading(article, encoding="cp1251").complete
    open_document(article, encoding="cp1251")
    assert len(entries(cache_dir)) == 2
    assert open_for_reading(article, encoding="cp1251").doc.source.encoding != open_for_reading(article).doc.source.encoding


@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b"\0" * len(b), lambda b: b"{}"])
def test_bad_entry_is_rebuilt(article, cache_dir, damage):
    full = open_document(article)
    (entry,) = entries(cache_dir)
    entry.write_bytes(damage(entry.read_bytes()))
    opened = open_for_reading(article)
    assert not opened.complete
    assert finish_analysis(opened) == full
    assert open_for_reading(article).complete  # stored whole again


def test_entry_of_an_older_analyser_is_rebuilt(article, cache_dir, monkeypatch):
    current = pipeline.MODEL_VERSION
    monkeypatch.setattr(pipeline, "MODEL_VERSION", "0/old")
    open_document(article)
    monkeypatch.setattr(pipeline, "MODEL_VERSION", current)
    assert not open_for_reading(article).complete
    open_document(article)
    assert open_for_reading(article).complete
    assert len(entries(cache_dir)) == 1  # replaced in place, not left behind


def test_no_cache_neither_reads_nor_writes(article, cache_dir):
    open_document(article, use_cache=False)
    assert entries(cache_dir) == []
    open_document(article)
    opened = open_for_reading(article, use_cache=False)
    assert not opened.complete and opened.cache_key is None
    finish_analysis(opened)
    assert len(entries(cache_dir)) == 1


def test_unwritable_cache_still_opens(article, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    doc = open_document(article)
    assert doc.analysis.level == "full"
    assert not open_for_reading(article).complete


def test_markdown_heading_hints_and_notes_survive_the_cache(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Заголовок\n\nПервый абзац текста.\n\n## Раздел\n\nВторой абзац.\n", encoding="utf-8")
    first = open_for_reading(path)
    finish_analysis(first)
    cached = open_for_reading(path)
    assert cached.complete
    assert cached.loaded.heading_hints == first.loaded.heading_hints
    assert cached.loaded.notes == first.loaded.notes
    assert cached.loaded.text == first.loaded.text


def test_cached_open_imports_no_nlp(article, cache_dir):
    open_document(article)
    code = ("import sys\n"
            "from tui_reader.pipeline import open_for_reading\n"
            f"opened = open_for_reading({str(article)!r})\n"
            "assert opened.complete, 'expected a cache hit'\n"
            "print('\\n'.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, cache.ENV_DIR: str(cache_dir)}).stdout.split()
    assert "tui_reader.store.cache" in out
    assert not [m for m in out if m.split(".")[0] in NLP]


def test_uncached_open_does_import_the_analyser(article, cache_dir):
    """The other side of the check above, so it cannot pass by never importing anything."""
    code = ("import sys\n"
            "from tui_reader.pipeline import open_document\n"
            f"open_document({str(article)!r}, use_cache=False)\n"
            "print('\\n'.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, cache.ENV_DIR: str(cache_dir)}).stdout.split()
    assert "razdel" in out


# --- the commands that fill and show the cache ---------------------------------------

def test_index_command_caches_files_and_reports_each_failure(article, tmp_path, cache_dir, capsys):
    from tui_reader.cli.main import main

    folder = tmp_path / "articles"
    folder.mkdir()
    article.rename(folder / "one.txt")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))  # not a document: skipped
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))  # named like one: fails
    status = main(["index", str(folder), str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert status == 2
    assert "one.txt: analysed" in out
    failures = [line for line in err.splitlines() if line.startswith("summit-reader: ")]
    assert len(failures) == 2 and any("missing.txt" in f for f in failures) and any("broken.txt" in f for f in failures)
    assert "image.png" not in out + err
    assert open_for_reading(folder / "one.txt").complete

    assert main(["index", str(folder / "one.txt")]) == 0
    assert "one.txt: cached" in capsys.readouterr().out
    assert main(["index", "--force", str(folder / "one.txt")]) == 0
    assert "one.txt: analysed" in capsys.readouterr().out


def test_cache_info_and_clear_commands(article, cache_dir, capsys):
    from tui_reader.cli.main import main

    open_document(article)
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert str(cache_dir) in out and "entries:   1" in out
    assert main(["cache", "clear"]) == 0
    assert "removed 1 entry" in capsys.readouterr().out
    assert entries(cache_dir) == []


def test_two_processes_opening_the_same_new_file_leave_one_whole_entry(article, cache_dir):
    code = ("from tui_reader.pipeline import open_document\n"
            f"print(open_document({str(article)!r}).analysis.level)")
    env = {**os.environ, cache.ENV_DIR: str(cache_dir)}
    runs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(2)]
    assert [r.communicate()[0].strip() for r in runs] == ["full", "full"]
    assert [p.name for p in cache_dir.iterdir()] == [p.name for p in entries(cache_dir)]  # no temporary left
    assert len(entries(cache_dir)) == 1
    assert open_for_reading(article).complete


def test_a_one_document_analysis_can_free_the_models(tmp_path, seed_text):
    # the app's analysis child asks for this: natasha's models (~80 MB) go once the
    # speakers are found, before the index and topics are built
    from tui_reader.analysis import nlp
    from tui_reader.pipeline import finish_analysis, open_for_reading

    path = tmp_path / "article.txt"
    path.write_text(seed_text, encoding="utf-8")
    doc = finish_analysis(open_for_reading(path, use_cache=False), keep_models=False)
    assert doc.statements and nlp._models is None
    finish_analysis(open_for_reading(path, use_cache=False))
    assert nlp._models is not None  # the default keeps them for the next document


def test_digits_in_a_markdown_code_block_are_no_figures(tmp_path) -> None:
    from tui_reader.pipeline import open_document

    path = tmp_path / "report.md"
    path.write_text("# Отчёт\n\nБюджет вырос на 15% за год.\n\n```\nцена = 250 рублей\n```\n\n"
                    "    лимит 30 дней\n\nИтого 40 новых школ.\n", encoding="utf-8")
    doc = open_document(path, use_cache=False)
    figures = [doc.text[n.start:n.end] for n in doc.numbers]
    assert figures == ["15%", "40 новых школ"]
    assert "250 рублей" in doc.text  # the code is still there to read
