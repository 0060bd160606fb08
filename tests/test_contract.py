"""The JSON export keeps the contract of ../shared/spec/document-model.md: its field names,
in every record, and the values each may take.  The names are pinned here (the spec is
the contract, not an answer): a renamed or dropped field in ``model.py`` fails this."""
from __future__ import annotations

import contextlib
import io
import json

import pytest

from tui_reader.model import ENTITY_TYPES, NUMBER_KINDS, SCHEMA, STATEMENT_KINDS, TOPIC_KINDS

from .conftest import SHARED

TOP_LEVEL = ("schema", "source", "title", "text", "sections", "paragraphs", "sentences", "speakers",
             "statements", "quotes", "numbers", "entities", "topics")
RECORDS = {
    "source": ("path", "sha256", "encoding", "format"),
    "sections": ("title", "start", "end", "level"),
    "paragraphs": ("start", "end", "section"),
    "sentences": ("start", "end", "paragraph"),
    "speakers": ("id", "name", "aliases", "mentions"),
    "statements": ("speaker", "start", "end", "sentence", "kind", "cue"),
    "quotes": ("start", "end", "speaker"),
    "numbers": ("start", "end", "kind", "value", "unit"),
    "entities": ("start", "end", "type", "normal"),
    "topics": ("label", "kind", "occurrences"),
}
SPAN = ("start", "end")


@pytest.fixture(scope="module")
def exported(seed_text, tmp_path_factory) -> dict:
    from tui_reader.cli.main import main

    path = tmp_path_factory.mktemp("contract") / "article.txt"
    path.write_text(seed_text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["export", str(path), "--format", "json", "--no-cache"]) == 0
    return json.loads(out.getvalue())


def test_spec_names_every_pinned_field():
    """The pinned names are the spec's: where the spec is at hand, each appears in it."""
    spec = SHARED / "spec" / "document-model.md"
    if not spec.is_file():
        pytest.skip("../shared/spec is not here")
    text = spec.read_text(encoding="utf-8")
    for name in TOP_LEVEL:
        assert f"| `{name}` |" in text, name
    for fields in RECORDS.values():
        for name in fields:
            assert f'"{name}"' in text, name


def test_top_level_fields_and_schema(exported):
    assert set(TOP_LEVEL) <= set(exported)
    assert exported["schema"] == SCHEMA
    assert isinstance(exported["text"], str) and exported["text"]
    assert exported["title"] is None or isinstance(exported["title"], str)
    assert "index" not in exported, "the search index is a cache detail, not part of the export"


def test_every_record_has_the_contract_fields(exported):
    assert set(RECORDS["source"]) <= set(exported["source"])
    assert exported["source"]["format"] in ("text", "markdown", "html")
    for name, fields in RECORDS.items():
        if name == "source":
            continue
        assert exported[name], f"the seed article gives some {name}"
        for record in exported[name]:
            assert set(fields) <= set(record), (name, record)
    for speaker in exported["speakers"]:
        assert all(set(SPAN) <= set(m) for m in speaker["mentions"])
        assert all(isinstance(a, str) for a in speaker["aliases"])
    for topic in exported["topics"]:
        assert all(set(SPAN) <= set(o) for o in topic["occurrences"])


def test_values_are_what_the_contract_allows(exported):
    text_length = len(exported["text"])
    speaker_ids = {sp["id"] for sp in exported["speakers"]}

    def spans(name):
        return [(r["start"], r["end"]) for r in exported[name]]

    for name in ("sections", "paragraphs", "sentences", "statements", "quotes", "numbers", "entities"):
        assert all(isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= text_length
                   for s, e in spans(name)), name
    assert all(0 <= p["section"] < len(exported["sections"]) for p in exported["paragraphs"])
    assert all(0 <= s["paragraph"] < len(exported["paragraphs"]) for s in exported["sentences"])
    for st in exported["statements"]:
        assert st["speaker"] in speaker_ids and st["kind"] in STATEMENT_KINDS
        assert 0 <= st["sentence"] < len(exported["sentences"])
        assert st["cue"] is None or isinstance(st["cue"], str)
    assert all(q["speaker"] is None or q["speaker"] in speaker_ids for q in exported["quotes"])
    for n in exported["numbers"]:
        assert n["kind"] in NUMBER_KINDS
        assert n["value"] is None or isinstance(n["value"], (int, float))
        assert n["unit"] is None or isinstance(n["unit"], str)
    assert all(e["type"] in ENTITY_TYPES and isinstance(e["normal"], str) for e in exported["entities"])
    assert all(t["kind"] in TOPIC_KINDS for t in exported["topics"])
