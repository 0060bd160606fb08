"""``summit-reader search``: the JSON contract, grep-like text, one-line errors."""
from __future__ import annotations

import json

import pytest

from tui_reader.cli.main import main

TEXT = ("Путин заявил о безопасности границ.\n"
        "Песков добавил, что вопросы безопасности обсудят позже.\n"
        "Об общем пространстве говорили долго.\n")


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def run_json(capsys, *argv: str) -> dict:
    assert main(["search", "--no-cache", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_is_the_contract_shape_in_text_order(article, capsys):
    out = run_json(capsys, article, "безопасность")
    assert set(out) == {"query", "mode", "hits"}
    assert out["query"] == "безопасность" and out["mode"] == "lemma"
    assert [TEXT[h["start"]:h["end"]] for h in out["hits"]] == ["безопасности", "безопасности"]
    assert all(set(h) == {"start", "end", "sentence"} for h in out["hits"])
    assert [h["start"] for h in out["hits"]] == sorted(h["start"] for h in out["hits"])
    assert out["hits"][0]["sentence"] < out["hits"][1]["sentence"]


def test_modes_and_phrases(article, capsys):
    assert [TEXT[h["start"]:h["end"]] for h in run_json(capsys, article, '"общее пространство"')["hits"]] \
        == ["общем пространстве"]
    out = run_json(capsys, article, "Песк", "--mode", "exact")
    assert out["mode"] == "exact" and [TEXT[h["start"]:h["end"]] for h in out["hits"]] == ["Песк"]
    out = run_json(capsys, article, r"без\w+", "--mode", "regex")
    assert len(out["hits"]) == 2


def test_text_output_is_one_line_per_sentence_with_line_numbers(article, capsys):
    assert main(["search", "--no-cache", article, "безопасность"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == ["1", "2"]
    assert "вопросы безопасности обсудят" in lines[1]


def test_invalid_regex_is_one_line_on_stderr_and_exit_2(article, capsys):
    assert main(["search", "--no-cache", article, "(безопас", "--mode", "regex"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "regular expression" in captured.err


# --- several files, grep's prefixes, colour and exit status (issue 13) -----------------------

@pytest.fixture(scope="module")
def second(tmp_path_factory):
    path = tmp_path_factory.mktemp("search2") / "second.txt"
    path.write_text("Ничего о границах.\nЗато о безопасности дорог говорили все.\n", encoding="utf-8")
    return str(path)


def test_query_first_then_several_files_with_file_prefixes(article, second, capsys):
    assert main(["search", "--no-cache", "безопасность", article, second]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit(":", 1)[0].split(" ")[0] for line in lines] == \
        [f"{article}:1", f"{article}:2", f"{second}:2"]
    assert "\x1b[" not in "".join(lines)  # not a terminal: no colour


def test_nothing_found_exits_1_like_grep(article, capsys):
    assert main(["search", "--no-cache", "кенгуру", article]) == 1
    assert capsys.readouterr().out == ""


def test_colour_always_lights_the_hits(article, capsys):
    assert main(["search", "--no-cache", "--color", "always", "безопасность", article]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" in out and "безопасности" in out


def test_json_for_several_files_is_one_object_per_line_with_its_file(article, second, capsys):
    assert main(["search", "--no-cache", "--format", "json", "безопасность", article, second]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["file"] for row in rows] == [article, second]
    assert [len(row["hits"]) for row in rows] == [2, 1]


@pytest.mark.parametrize("command,absent", [("cache", "--encoding"), ("cache", "--no-cache"),
                                            ("index", "--no-cache")])
def test_commands_show_only_their_options(command, absent, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert absent not in capsys.readouterr().out
