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
