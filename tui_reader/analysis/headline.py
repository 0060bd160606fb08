"""Which line is the headline: past a crawler header and site boilerplate, a short
first line that does not end like a sentence; a kicker («Сами справитесь») or a
one-word rubric («Экономика») over a proper headline leaves it to the line below.
Regular expressions only: this runs before the reader's first paint."""
from __future__ import annotations

import re

from tui_reader.analysis.heading_lines import (
    DASHES,
    DATE_LINE,
    LETTER,
    NUMBERING,
    URL,
    WIKI,
    bare_name,
    heading_candidate,
    not_a_heading,
    prose,
    single_line,
)

MIN_KICKER_WORDS, MAX_KICKER_WORDS = 2, 3  # a one-word first line is a rubric, kept as a section
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 18  # Russian headlines run to ~15 words
_WORDLIKE = re.compile(r"\w")
_META_LINE = re.compile(r"^(?:https?://\S+|\d{4}-\d{2}-\d{2}|[a-z]{2}|[\w.-]*\d[\w.-]*)$", re.I)
MIN_HEADLINE_AFTER_KICKER = 5


def skip_metadata(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """Index of the first paragraph after a crawler header (id, language, date,
    URL lines at the very top; two such lines at least, so a lone first line is
    never taken for metadata) and after any site boilerplate line under it."""
    i = 0
    while i < len(paragraphs) and i < 6:
        s, e = paragraphs[i]
        line = text[s:e]
        if "\n" in line or not _META_LINE.match(line):
            break
        i += 1
    i = i if i >= 2 else 0
    while i < len(paragraphs) - 1 and i < 12:
        one_line = single_line(text, paragraphs[i])
        if one_line is None or not not_a_heading(one_line):
            break
        i += 1
    return i


def headline_at(text: str, paragraphs: list[tuple[int, int]], first: int) -> int | None:
    if first >= len(paragraphs) or len(paragraphs) - first < 2:
        return None  # a headline heads something
    line = single_line(text, paragraphs[first])
    if line is None or len(line) > MAX_TITLE_CHARS or not LETTER.search(line):
        return None
    if sum(1 for word in line.split() if _WORDLIKE.search(word)) > MAX_TITLE_WORDS:
        return None  # a run-on first sentence that lost its period, not a headline
    if WIKI.match(line) or " " not in line.strip():
        return None  # a wiki heading, or a one-word rubric
    if line.rstrip()[-1:] in ".,;:" and not line.rstrip().endswith("..."):
        return None
    if line[:1] in DASHES or line[:1].islower() or DATE_LINE.match(line) or URL.match(line):
        return None
    return first


def kicker_at(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """A kicker over the headline: a line of two or three words («Сами справитесь»),
    then a proper headline (a longer line, headline-shaped), then the article.
    The headline is the second line; the kicker is neither headline nor heading."""
    words = len(text[paragraphs[i][0]:paragraphs[i][1]].split())
    return MIN_KICKER_WORDS <= words <= MAX_KICKER_WORDS and _headline_under(text, paragraphs, i, words)


def rubric_at(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """A one-word rubric («Экономика») over a proper headline: it stays a section (a
    digest of rubrics is sectioned by them) and the line under it is the headline."""
    line = single_line(text, paragraphs[i])
    return line is not None and len(line.split()) == 1 and heading_candidate(line) \
        and not NUMBERING.match(line.strip()) and _headline_under(text, paragraphs, i, 1)


def _headline_under(text: str, paragraphs: list[tuple[int, int]], i: int, words: int) -> bool:
    """Paragraph ``i + 1`` is a headline: headline-shaped, longer than the line over it,
    not a question, and the article (prose, past any boilerplate) follows it."""
    if i + 2 >= len(paragraphs) or headline_at(text, paragraphs, i + 1) is None:
        return False
    headline = text[paragraphs[i + 1][0]:paragraphs[i + 1][1]]
    if len(headline.split()) < max(MIN_HEADLINE_AFTER_KICKER, words + 2) or headline.rstrip().endswith("?"):
        return False
    for j in range(i + 2, min(len(paragraphs), i + 8)):
        body = text[paragraphs[j][0]:paragraphs[j][1]]
        if "\n" in body or not (not_a_heading(body) or bare_name(body)):
            return prose(body) and ("\n" in body or not heading_candidate(body))
    return False
