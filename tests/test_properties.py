"""Properties: any bytes load or fail cleanly; any text gives a valid model."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_reader.load import LoadError, load_bytes
from tui_reader.model import Document

# Text that looks like articles often enough to exercise the heading and
# paragraph rules: Cyrillic and Latin words, punctuation, blank lines,
# indentation, wiki marks, quotes, dashes and some control characters.
WORDS = ["Путин", "заявил", "что", "Москва", "и", "Минск", "Google", "2025", "году", "I.", "Глава", "ru-43",
         "==", "#", "«", "»", "—", "-", ".", ",", "?", "!", ":", "…", "[bold]", "\x1b[2J", "\t", "  ", "\r"]
article_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(["\n", "\n\n", " ", "\n   "]), st.text(max_size=8)),
    max_size=80,
).map(" ".join)
any_text = st.one_of(st.just(""), st.text(max_size=300), article_text)


def check_spans(doc: Document) -> None:
    n = len(doc.text)
    sections, paragraphs, sentences = doc.sections, doc.paragraphs, doc.sentences
    assert sections, "there is always at least the lead section"
    assert sections[0].start == 0 and sections[-1].end == n
    for a, b in itertools.pairwise(sections):
        assert a.end == b.start, "sections tile the text in order"
    for sec in sections:
        assert 0 <= sec.start <= sec.end <= n
        assert sec.level >= 0 and (sec.title is None) == (sec.level == 0)
    previous_end = 0
    for p in paragraphs:
        assert 0 <= p.start < p.end <= n and p.start >= previous_end
        previous_end = p.end
        sec = sections[p.section]
        assert sec.start <= p.start and p.end <= sec.end, "paragraphs lie inside their section"
    previous_end = 0
    for s in sentences:
        assert s.start < s.end and s.start >= previous_end
        previous_end = s.end
        para = paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end, "sentences lie inside their paragraph"
    # every non-blank character is in some paragraph
    covered = sum(p.end - p.start for p in paragraphs)
    assert covered >= len("".join(doc.text.split())) or not doc.text.strip()


def check_other_spans(doc: Document) -> None:
    n = len(doc.text)
    spans = [(x.start, x.end) for x in [*doc.statements, *doc.quotes, *doc.numbers, *doc.entities]]
    spans += [(m.start, m.end) for sp in doc.speakers for m in sp.mentions]
    spans += [(o.start, o.end) for t in doc.topics for o in t.occurrences]
    for start, end in spans:
        assert 0 <= start <= end <= n
    for st_ in doc.statements:
        assert 0 <= st_.sentence < len(doc.sentences)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "-", None]))
def test_any_bytes_load_or_fail_cleanly(data, name):
    try:
        loaded = load_bytes(data, name)
    except LoadError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(loaded.text, str)
    assert "\r" not in loaded.text
    for hint in loaded.heading_hints or []:
        assert 0 <= hint[0] <= hint[1] <= len(loaded.text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text | st.text(alphabet="#*_-[]()<>/p \n!`=1.абв", max_size=200), st.sampled_from(["a.md", "a.html"]))
def test_markdown_and_html_give_valid_structure(text, name):
    from tui_reader.analysis import analyse_structure

    try:
        loaded = load_bytes(text.encode("utf-8"), name)
    except LoadError:
        return
    check_spans(analyse_structure(loaded.text, loaded.source, loaded.heading_hints))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_structure_of_any_text_is_valid(text):
    from tui_reader.analysis import analyse_structure

    check_spans(analyse_structure(text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_full_analysis_of_any_text_is_valid(text):
    from tui_reader.analysis import analyse

    doc = analyse(text)
    check_spans(doc)
    check_other_spans(doc)
