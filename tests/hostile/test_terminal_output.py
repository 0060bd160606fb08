"""Item 3: the command line never hands a file's escape sequences to a terminal.

On a terminal, control characters are shown as less shows them (^[, <U+202E>);
file names are quoted as ls quotes them; one record stays one line.  Into a pipe
or a file the text goes as it is.
"""
from __future__ import annotations

import json

import pytest

from tests.hostile.capped import run_capped
from tests.hostile.cases import escapes_in_text
from tests.hostile.terminal import run_on_terminal
from tui_reader.terminal_text import json_for_terminal, quote_name, visible

pytestmark = pytest.mark.hostile

# What a terminal acts on: OSC (title, clipboard), and a bare BEL.
DANGEROUS = (b"\x1b]", b"\x07", b"\x1b[2J", "\u202e".encode())


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(escapes_in_text().replace("сказал он".encode(), "сказал он \u202eон".encode()))
    return path


def assert_inert(screen: bytes) -> None:
    for seq in DANGEROUS:
        assert seq not in screen, (seq, screen[:3000])


@pytest.mark.parametrize("args", [
    ["search", "главном", "{f}"],
    ["search", "главном", "{f}", "--format", "json"],
    ["export", "{f}", "--format", "markdown"],
    ["export", "{f}"],
], ids=" ".join)
def test_file_text_reaches_the_terminal_visible_not_active(tmp_path, hostile_file, args):
    status, screen = run_on_terminal([a.replace("{f}", str(hostile_file)) for a in args], cwd=tmp_path)
    assert status == 0, screen
    assert_inert(screen)
    if args[0] == "export" and "markdown" not in args:
        assert b"\\u001b" in screen  # the text is there, escaped
    elif "json" not in args:
        assert b"^[" in screen and b"0;HACKED-TITLE^G" in screen  # visible (the digest also escapes "]")


def test_into_a_file_the_text_is_data(tmp_path, hostile_file):
    out = run_capped(["search", "главном", str(hostile_file)], cwd=tmp_path)
    assert out.returncode == 0
    assert b"\x1b]0;HACKED-TITLE" in out.stdout  # grep-like output into a pipe: the text (Rich drops BEL)


def test_a_file_name_with_escapes_is_quoted_in_every_message(tmp_path):
    name = "bad\x1b]0;T\x07\nname.txt"
    status, screen = run_on_terminal(["export", str(tmp_path / name)], cwd=tmp_path)
    assert status == 2
    assert_inert(screen)
    assert b"$'" in screen and b"\\E]0;T\\007\\nname.txt': no such file" in screen
    assert screen.count(b"summit-reader:") == 1 and screen.strip().count(b"\n") == 0


def test_index_keeps_one_line_per_file_and_results_in_the_log(tmp_path):
    """``index DIR > log``: every result in the log, one line each, even for a name with a newline;
    progress and problems on the terminal, inert."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad\x1b]0;T\x07\nname.txt").write_bytes(escapes_in_text())
    (docs / "plain.txt").write_bytes(escapes_in_text() + b"\n")
    (docs / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    log = tmp_path / "log"
    status, screen = run_on_terminal(["index", str(docs)], cwd=tmp_path, stdout_to_file=log)
    assert status == 2  # the PNG
    lines = log.read_text().splitlines()
    assert len(lines) == 3, lines  # two results and the summary
    assert lines[0].endswith(": analysed") or "analysed in" in lines[0]
    assert any(line.startswith(quote_name(docs / "bad\x1b]0;T\x07\nname.txt")) for line in lines), lines
    assert_inert(screen)
    assert b"broken.txt" in screen and b"not a text file" in screen


def test_visible_and_quoting_rules():
    assert visible("a\x1b[31mb\x07\x7f\x9b\u202e\u200b\n") == "a^[[31mb^G^?<U+009B><U+202E><U+200B>\n"
    assert quote_name("статья-1.txt") == "статья-1.txt"
    assert quote_name("two words.txt") == "'two words.txt'"
    assert quote_name("a\nb") == "$'a\\nb'"
    text = json.dumps({"t": "x\x9b\u202ey"}, ensure_ascii=False)
    assert json.loads(json_for_terminal(text)) == {"t": "x\x9b\u202ey"}
    assert "\u202e" not in json_for_terminal(text)
