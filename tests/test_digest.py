"""The Markdown who-said-what digest (``export --format markdown``)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_reader.digest import bullet, render_markdown
from tui_reader.model import (
    Analysis,
    Document,
    Number,
    Paragraph,
    Quote,
    Sentence,
    Source,
    Speaker,
    Statement,
)
from tui_reader.model_queries import (
    Coverage,
    citation_at,
    format_value,
    speaker_groups,
    squash_whitespace,
    uncovered_quotes,
)


@pytest.fixture(autouse=True)
def russian_digest():
    """The digest's headings here are read in Russian (its users' language)."""
    from tui_reader.i18n import set_language

    set_language("ru")


def span(text: str, fragment: str, after: int = 0) -> tuple[int, int]:
    start = text.index(fragment, after)
    return start, start + len(fragment)


def hand_made_doc() -> Document:
    """Two speakers (Петров twice, Сидорова once), text that looks like Markdown, an
    unattributed quote and two figures."""
    text = ("Итоги саммита\n\n"
            "# Как заявил Иван Петров, рост составил 5%.\n\n"
            "- Мария Сидорова сказала: «- и не список».\n"
            "Петров добавил, что бюджет —\n52 млрд долларов.\n\n"
            "«Безымянная цитата», — говорили в кулуарах.")
    sentences = [span(text, s) for s in (
        "Итоги саммита", "# Как заявил Иван Петров, рост составил 5%.",
        "- Мария Сидорова сказала: «- и не список».", "Петров добавил, что бюджет —\n52 млрд долларов.",
        "«Безымянная цитата», — говорили в кулуарах.")]
    doc = Document(text=text, source=Source(path="/tmp/x.txt", sha256="ab" * 32), title="Итоги саммита")
    doc.sentences = [Sentence(s, e, 0) for s, e in sentences]
    doc.paragraphs = [Paragraph(0, len(text), 0)]
    doc.speakers = [Speaker("sidorova", "Мария Сидорова"), Speaker("petrov", "Иван Петров", aliases=["Петров"])]

    def st(who, i, cue, kind="indirect"):
        return Statement(who, *sentences[i], sentence=i, kind=kind, cue=cue)

    doc.statements = [st("petrov", 1, "заявил"), st("sidorova", 2, "сказала", "direct"), st("petrov", 3, "добавил")]
    doc.quotes = [Quote(*span(text, "«- и не список»"), speaker="sidorova"),
                  Quote(*span(text, "«Безымянная цитата»"), speaker=None)]
    doc.numbers = [Number(*span(text, "5%"), kind="percent", value=5.0, unit="%"),
                   Number(*span(text, "52 млрд долларов"), kind="money", value=5.2e10, unit="USD")]
    doc.analysis = Analysis(level="full")
    return doc


def sections(markdown: str) -> dict[str, list[str]]:
    """``## heading`` → the lines under it (blank lines dropped)."""
    out: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:]
            out[current] = []
        elif current is not None and line.strip():
            out[current].append(line)
    return out


def statement_bullets(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("- ")]


def expected_bullet(doc: Document, st: Statement) -> str:
    line = bullet(doc.text[st.start:st.end])
    return f"{line} _({squash_whitespace(st.cue)})_" if st.cue else line


# --- hand-made document: the exact shape -----------------------------------------


def test_title_then_speakers_by_number_of_statements():
    md = render_markdown(hand_made_doc())
    assert md.splitlines()[0] == "# Итоги саммита"
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == ["## Иван Петров", "## Мария Сидорова", "## Другие цитаты", "## Цифры"]


def test_each_statement_is_one_bullet_with_its_quote_marks_and_cue():
    doc = hand_made_doc()
    secs = sections(render_markdown(doc))
    assert secs["Иван Петров"] == [
        r"- \# Как заявил Иван Петров, рост составил 5%. _(заявил)_",
        "- Петров добавил, что бюджет — 52 млрд долларов. _(добавил)_",  # the newline folded
    ]
    assert secs["Мария Сидорова"] == [r"- \- Мария Сидорова сказала: «- и не список». _(сказала)_"]
    assert secs["Другие цитаты"] == ["- «Безымянная цитата»"]


def test_text_that_looks_like_markdown_cannot_open_a_block():
    md = render_markdown(hand_made_doc())
    for line in md.splitlines():
        # Only our own headings start with '#', and no line is a nested list or quote.
        assert not line.startswith("#") or re.match(r"^#{1,2} \S", line)
        assert not line.startswith(("- -", "- #", "- >", "  "))


def test_figures_with_kind_value_unit_and_sentence():
    doc = hand_made_doc()
    figures = sections(render_markdown(doc))["Цифры"]
    assert len(figures) == 2
    money = figures[1]
    assert money.startswith("- **52 млрд долларов** — ")
    assert "(money)" in money and format_value(doc.numbers[1]) in money and "USD" in money
    assert money.endswith("Петров добавил, что бюджет — 52 млрд долларов.")
    assert "(percent)" in figures[0] and "рост составил 5%" in figures[0]


def test_value_formatting():
    assert format_value(Number(0, 1, "money", 5.2e10)) == "52\u00a0000\u00a0000\u00a0000"
    assert format_value(Number(0, 1, "percent", 3.5)) == "3,5"
    assert format_value(Number(0, 1, "other", None)) == ""


def test_empty_model_still_a_valid_digest():
    md = render_markdown(Document(text="Просто текст.", source=Source(path="/a/заметка.txt")))
    assert md.startswith("# заметка\n")
    assert "_Высказываний не найдено._" in md and "## Цифры" in md


def test_citation_prefers_the_quote_and_names_its_author():
    doc = hand_made_doc()
    inside_quote = doc.text.index("не список")
    assert citation_at(doc, inside_quote) == "«- и не список» — Мария Сидорова"
    inside_statement = doc.text.index("рост")
    assert citation_at(doc, inside_statement) == "# Как заявил Иван Петров, рост составил 5%."  # name already in it
    assert citation_at(doc, 0) is None


# --- the bundled article, checked against whatever the model says -----------------


@pytest.fixture(scope="module")
def seed_doc(seed_text) -> Document:
    from tui_reader.analysis import analyse

    return analyse(seed_text)


def test_seed_digest_has_a_section_per_speaker_with_exactly_their_statements(seed_doc):
    md = render_markdown(seed_doc)
    secs = sections(md)
    groups = speaker_groups(seed_doc)
    speakers_with_statements = {st.speaker for st in seed_doc.statements}
    assert {g.speaker_id for g in groups if g.statements} == speakers_with_statements
    for group in groups:
        assert group.name in secs, f"no section for {group.name}"
        mine = sorted(group.statements, key=lambda s: (s.start, s.end))
        assert statement_bullets(secs[group.name])[:len(mine)] == [expected_bullet(seed_doc, s) for s in mine]
        assert all(s.speaker == group.speaker_id for s in group.statements)
    # Every statement of the model appears, and under one speaker only.
    assert sum(len(g.statements) for g in groups) == len(seed_doc.statements)
    counts = [len(g.statements) for g in groups]
    assert counts == sorted(counts, reverse=True)
    if not seed_doc.statements:
        assert "_Высказываний не найдено._" in md


def test_seed_digest_lists_every_figure(seed_doc):
    figures = sections(render_markdown(seed_doc))["Цифры"]
    bullets = [line for line in figures if line.startswith("- **")]
    assert len(bullets) == len(seed_doc.numbers)
    for line, n in zip(bullets, sorted(seed_doc.numbers, key=lambda n: (n.start, n.end)), strict=True):
        assert line.startswith(f"- **{squash_whitespace(seed_doc.text[n.start:n.end])}**")
        assert f"({n.kind})" in line


def test_export_command_prints_the_digest(seed_doc, capsys):
    from tui_reader.cli.main import main
    from tui_reader.seeds import seed_path

    assert main(["export", str(seed_path()), "--format", "markdown", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[:len(speaker_groups(seed_doc))] == [f"## {g.name}" for g in speaker_groups(seed_doc)]


# --- scale and the containment index ---------------------------------------------


spans = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans, st.integers(0, 60), st.integers(0, 20))
def test_coverage_agrees_with_the_obvious_loop(outer, start, length):
    end = start + length
    cover = Coverage([Quote(s, e) for s, e in outer])
    assert cover.contains(start, end) == any(s <= start and end <= e for s, e in outer)


def test_a_novel_sized_model_renders_quickly():
    import time

    sentence = "Он сказал: «Нет», и добавил 5 рублей. "
    n = 5000
    doc = Document(text=sentence * n)
    step = len(sentence)
    doc.sentences = [Sentence(i * step, (i + 1) * step - 1, 0) for i in range(n)]
    doc.speakers = [Speaker(f"s{k}", f"Человек {k}") for k in range(50)]
    doc.statements = [Statement(f"s{i % 50}", i * step, (i + 1) * step - 1, i) for i in range(n)]
    doc.quotes = [Quote(i * step + 11, i * step + 16, f"s{i % 50}") for i in range(n)]
    doc.numbers = [Number(i * step + 28, i * step + 36, "money", 5.0, "RUB") for i in range(n)]
    t0 = time.perf_counter()
    md = render_markdown(doc)
    assert time.perf_counter() - t0 < 2.0
    assert md.count("\n- ") == 2 * n  # every statement and every figure, no quote twice


def parsed_outline(markdown: str) -> list[tuple[str, str]]:
    """(block type, text) of the top-level blocks a CommonMark parser sees."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    outline, depth = [], 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            assert depth == 1, "a nested list crept in"
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif tok.type == "heading_open":
            assert depth == 0, "a heading inside a list item"
            outline.append((tok.tag, tokens[i + 1].content))
        elif tok.type == "list_item_open":
            outline.append(("li", ""))
        elif tok.type in ("blockquote_open", "fence", "code_block", "html_block", "hr"):
            raise AssertionError(f"the article's text opened a {tok.type}")
    return outline


@pytest.mark.parametrize("which", ["hand-made", "seed"])
def test_a_commonmark_parser_sees_exactly_our_structure(which, request):
    doc = hand_made_doc() if which == "hand-made" else request.getfixturevalue("seed_doc")
    outline = parsed_outline(render_markdown(doc))
    groups = speaker_groups(doc)
    headings = [text for tag, text in outline if tag == "h2"]
    assert headings[:len(groups)] == [g.name for g in groups] and headings[-1] == "Цифры"
    items = sum(1 for tag, _ in outline if tag == "li")
    loose = [q for q in uncovered_quotes(doc) if q.speaker is None]
    assert items == len(doc.statements) + sum(len(g.extra_quotes) for g in groups) + len(loose) + len(doc.numbers)


def split_quote_doc() -> Document:
    """A quote of three sentences, found as three statements (one per sentence) and as
    one quote: the digest and the S view must list it once, whole."""
    text = ("«Мост откроют весной. Денег хватит на всё. Подрядчик уже выбран», — заявил мэр Пётр Орлов.\n\n"
            "Орлов также сказал, что дороги починят летом.")
    first, second, third = (span(text, s) for s in (
        "«Мост откроют весной.", "Денег хватит на всё.", "Подрядчик уже выбран», — заявил мэр Пётр Орлов."))
    last = span(text, "Орлов также сказал, что дороги починят летом.")
    doc = Document(text=text, source=Source(path="/tmp/bridge.txt"), title="Мост")
    doc.sentences = [Sentence(*s, 0) for s in (first, second, third)] + [Sentence(*last, 1)]
    doc.paragraphs = [Paragraph(0, third[1], 0), Paragraph(last[0], last[1], 0)]
    doc.speakers = [Speaker("orlov", "Пётр Орлов")]
    doc.statements = [Statement("orlov", *s, sentence=i, kind="direct", cue="заявил")
                      for i, s in enumerate((first, second, third))]
    doc.statements.append(Statement("orlov", *last, sentence=3, kind="indirect", cue="сказал"))
    doc.quotes = [Quote(*span(text, "«Мост откроют весной. Денег хватит на всё. Подрядчик уже выбран»"),
                        speaker="orlov")]
    doc.analysis = Analysis(level="full")
    return doc


def test_a_quote_of_several_sentences_is_listed_once_whole() -> None:
    digest = sections(render_markdown(split_quote_doc()))
    lines = digest["Пётр Орлов"]
    assert len(lines) == 2, lines
    assert lines[0].startswith("- «Мост откроют весной. Денег хватит на всё. Подрядчик уже выбран»")
    assert lines[0].count("«") == lines[0].count("»") == 1
    assert "(заявил)" in lines[0] and "цитата" not in lines[0] and "quote" not in lines[0]
    assert lines[1].startswith("- Орлов также сказал")
