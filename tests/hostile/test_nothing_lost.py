"""Item 8: nothing is dropped in silence.

A paragraph inside 10,000 nested <div>s gave an empty document; a Markdown list
nested 3,000 deep kept 9 items; ``>`` x 10,000 kept nothing.  Where the structured
parse gives up, the loader falls back to the plain text and writes a note; the note
is shown in the reader (a notification on opening), in ``export`` (``analysis.notes``)
and at the top of the Markdown digest.
"""
from __future__ import annotations

import json

import pytest

from tests.hostile.capped import run_capped
from tests.hostile.cases import nested_blockquote, nested_divs, nested_markdown_list

pytestmark = pytest.mark.hostile

CASES = {
    "divs.html": (nested_divs, "переговоры в Москве прошли успешно"),
    "list.md": (nested_markdown_list, "пункт номер 2999"),
    "quotes.md": (nested_blockquote, "Президент заявил, что всё хорошо."),
}


@pytest.fixture(params=sorted(CASES))
def nested_file(request, tmp_path):
    make, expected = CASES[request.param]
    path = tmp_path / request.param
    path.write_bytes(make())
    return path, expected


def test_export_keeps_the_text_and_says_what_happened(nested_file, tmp_path):
    path, expected = nested_file
    out = run_capped(["export", str(path)], cwd=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    doc = json.loads(out.stdout)
    assert expected in doc["text"]
    assert any("plain" in note or "all its text" in note for note in doc["analysis"]["notes"]), doc["analysis"]


def test_the_digest_starts_with_the_note(nested_file, tmp_path):
    path, _ = nested_file
    out = run_capped(["export", str(path), "--format", "markdown"], cwd=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    head = out.stdout.decode().split("\n## ", 1)[0]
    assert "plain" in head or "all its text" in head


@pytest.mark.parametrize("cached", [False, True])
async def test_the_reader_says_it_on_opening(tmp_path, cached):
    from tui_reader.app.reader_app import ReaderApp
    from tui_reader.pipeline import finish_analysis, open_for_reading

    path = tmp_path / "list.md"
    path.write_bytes(nested_markdown_list())
    if cached:
        finish_analysis(open_for_reading(path))
    opened = open_for_reading(path)
    assert opened.complete == cached
    app = ReaderApp(opened.doc, opened=opened, complete=opened.complete, analysis_mode="thread")
    async with app.run_test() as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("nested too deeply" in m for m in said), said
