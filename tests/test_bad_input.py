"""Files the CLI cannot read: one clear line on stderr, exit status 2, never a traceback.
Files it can read, however odd (empty, markup, terminal escapes), are documents: exit 0."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui_reader.load import MAX_BYTES


def run_cli(*args: str, tmp_path: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    env.pop("SUMMIT_READER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "tui_reader", *args], input=stdin, capture_output=True,
                          env=env, cwd=tmp_path, timeout=120)


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "missing": tmp_path / "missing.txt",
        "directory": tmp_path / "a-directory",
        "png": tmp_path / "picture.png",
        "nul": tmp_path / "nul.txt",
        "huge": tmp_path / "huge.txt",
    }
    files["directory"].mkdir()
    files["png"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    files["nul"].write_bytes("Текст новости.\x00\x00\x00 и дальше".encode())
    with open(files["huge"], "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: the size is refused before anything is read
    return files


COMMANDS = [["export", "{file}"], ["export", "{file}", "--format", "markdown"], ["search", "Путин", "{file}"],
            ["index", "{file}"]]


@pytest.mark.parametrize("kind", ["missing", "directory", "png", "nul", "huge"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:1] + c[2:]))
def test_unreadable_file_is_one_line_and_status_2(bad_files, tmp_path, kind, command):
    path = bad_files[kind]
    args = [a.replace("{file}", str(path)) for a in command]
    out = run_cli(*args, tmp_path=tmp_path)
    err = out.stderr.decode()
    assert out.returncode == 2, err
    assert "Traceback" not in err
    problem_lines = [line for line in err.splitlines() if line.startswith("summit-reader:")]
    assert len(problem_lines) == 1, err
    assert str(path) in problem_lines[0]


def test_binary_on_stdin(tmp_path):
    out = run_cli("export", "-", tmp_path=tmp_path, stdin=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert out.returncode == 2
    assert out.stderr.decode().count("\n") == 1 and "PNG" in out.stderr.decode()


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n"])
def test_empty_and_blank_files_are_empty_documents(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    out = run_cli("export", str(path), "--no-cache", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    doc = json.loads(out.stdout)
    assert doc["text"] == content.decode()
    assert doc["paragraphs"] == [] and doc["sentences"] == []


def test_markup_and_terminal_escapes_are_kept_as_data(tmp_path):
    text = ("Путин заявил [bold]важное[/bold] и [link=http://evil.example]ссылка[/link].\n\n"
            "Строка с \x1b[2J очисткой экрана и \x1b]0;заголовок\x07 окна.\n")
    path = tmp_path / "markup.txt"
    path.write_text(text, encoding="utf-8")
    out = run_cli("export", str(path), "--no-cache", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    doc = json.loads(out.stdout)
    assert doc["text"] == text
    assert len(doc["paragraphs"]) == 2


def test_unknown_encoding_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Текст.", encoding="utf-8")
    out = run_cli("export", str(path), "--encoding", "no-such-codec", tmp_path=tmp_path)
    assert out.returncode == 2
    assert "unknown encoding" in out.stderr.decode() and "Traceback" not in out.stderr.decode()


def test_stdin_document(tmp_path):
    text = "Сами справитесь\n\nЭрик Шмидт объявил о своем уходе с поста генерального директора.\n"
    out = run_cli("export", "-", "--no-cache", tmp_path=tmp_path, stdin=text.encode("cp1251"))
    assert out.returncode == 0, out.stderr.decode()
    doc = json.loads(out.stdout)
    assert doc["text"] == text and doc["source"]["encoding"] == "cp1251"


def test_nothing_is_written_next_to_the_input(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text("Сами справитесь\n\nЭрик Шмидт объявил о своем уходе.\n", encoding="utf-8")
    assert run_cli("export", str(path), tmp_path=tmp_path).returncode == 0
    assert run_cli("index", str(path), tmp_path=tmp_path).returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
