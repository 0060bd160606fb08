"""The headline and the headings of a text: which standalone lines title what follows.

How a plain text is read (``structure`` found the paragraphs first):

1. **Corpus metadata.**  Leading lines such as ``ru-43`` / ``ru`` / ``2021-02-01`` /
   a URL (crawler headers), and site boilerplate under them, are neither
   headline nor heading.
2. **Headline.**  The first paragraph when it is a single short line that does
   not end like a sentence (no final period).  A one-word first line is a rubric
   («Космос»), not a headline: it may start a section instead.  A two- or
   three-word kicker over a proper headline («Сами справитесь» / a longer
   headline-shaped line / text) leaves the headline to the second line.
3. **Headings.**  Explicit ones: ``== … ==`` wiki lines and the hints a loader
   found (Markdown ``#``, HTML ``<h2>`` or an all-bold paragraph; boilerplate
   such as «Читайте также» set as one is dropped).  Implicit ones, for plain
   text without hints: a short single-line paragraph with no final period that
   is followed by ordinary prose, possibly through a short run of such lines
   («Политика» / «Италия» / text: levels 1, 2).  Not a heading: a line glued
   under one ending with a comma (verse), a line inside a novel's indented
   block (except «IV.» / «ГЛАВА 3»), a date, a quoted remark (a short quoted
   phrase set apart, «Никаких гарантий нет», is one), a list item; nor what
   ``heading_lines`` recognises: site boilerplate, photo captions and credits,
   news-feed items (these do not part a heading from its text), the titles
   under «Читайте также», interview questions.
   Levels follow the heading's shape (roman numeral, «ЧАСТЬ …», capitals,
   plain): a shape keeps the level it had in the first run it appeared in.

Only regular expressions here: this runs before the reader's first paint.
"""
from __future__ import annotations

from collections.abc import Sequence

from tui_reader.analysis.heading_lines import (
    CHAPTER,
    LETTER,
    LINKS,
    MAX_HEADING_CHARS,
    NUMBERING,
    ROMAN,
    WIKI,
    bare_name,
    chapter_line,
    clean,
    heading_candidate,
    interview_question,
    not_a_heading,
    prose,
    quoted_phrase,
    single_line,
    trim,
)
from tui_reader.analysis.headline import headline_at, kicker_at, rubric_at, skip_metadata

MIN_INTERVIEW_QUESTIONS = 2
MAX_HEADING_RUN = 4  # longer runs of short lines are lists, poems or link blocks

HeadingHint = Sequence[int]  # (start, end) or (start, end, level)
Heading = tuple[int, int, int, str]  # (start, end, level, title)


def find_title_and_headings(text: str, paragraphs: list[tuple[int, int]], standalone: list[bool],
                            heading_hints: Sequence[HeadingHint] | None) -> tuple[str | None, list[Heading]]:
    """The headline (or None) and the headings of a text whose paragraphs are known.
    ``standalone[i]`` is False for a line inside a novel's indented block."""
    first = skip_metadata(text, paragraphs)
    title_index = headline_at(text, paragraphs, first)
    rubric = heading_hints is None and title_index is None and first < len(paragraphs) \
        and rubric_at(text, paragraphs, first)
    if rubric or (title_index is not None and kicker_at(text, paragraphs, title_index)):
        title_index = first + 1
    title = clean(text[paragraphs[title_index][0]:paragraphs[title_index][1]]) if title_index is not None else None
    if heading_hints is not None:
        headings = _hinted_headings(text, paragraphs, heading_hints, title_index)
        if title is None:
            title = _title_from_hints(text, headings, paragraphs)
            if title is not None:
                headings = headings[1:]
    else:
        headings = _found_headings(text, paragraphs, standalone, first, title_index)
        if rubric:
            s, e = paragraphs[first]
            headings.insert(0, (s, e, 1, clean(text[s:e])))
    return title, headings


def _shape(line: str) -> str:
    """What kind of heading a line is, so that headings of one kind share a level."""
    line = line.strip()
    chapter = CHAPTER.match(line)
    if chapter:
        return "word:" + line.split()[0].lower()
    if ROMAN.match(line):
        return "roman"
    if NUMBERING.match(line):
        return "number"
    return "upper" if line.isupper() else "text"


def _strong_heading(line: str) -> bool:
    """Shapes that are headings even in a long run: «IV», «Глава 3», «ЧАСТЬ ПЕРВАЯ»."""
    line = line.strip()
    return chapter_line(line) or (line.isupper() and len(line) > 2)


def _found_headings(text: str, paragraphs: list[tuple[int, int]], standalone: list[bool], first: int,
                    title_index: int | None) -> list[Heading]:
    """(start, end, level, title) for each heading of a plain text."""
    headings: list[Heading] = []
    start = title_index + 1 if title_index is not None else first
    run: list[int] = []  # indices of candidate paragraphs waiting for prose
    levels: dict[str, int] = {}  # heading shape → level, learnt from the first run it appears in
    in_links = False  # under a "see also" line: short lines are other articles' titles
    interview = _is_interview(text, paragraphs, start)
    for i in range(start, len(paragraphs)):
        s, e = paragraphs[i]
        line = single_line(text, paragraphs[i])
        wiki = WIKI.match(line.strip()) if line is not None else None
        if wiki and LETTER.search(wiki.group(2)):
            run, in_links = [], False
            headings.append((s, e, len(wiki.group(1)) - 1, clean(wiki.group(2))))
            continue
        if line is not None and (kind := not_a_heading(line)):
            # boilerplate between a heading and its text does not part them
            if kind == LINKS:
                run, in_links = [], True
            continue
        if line is not None and bare_name(line) and (i == start or _glued_to_next(text, paragraphs, i)):
            continue  # a photo caption or a byline: "Иван Петров" over the lead
        if i == start and title_index is not None and _glued_to_next(text, paragraphs, title_index):
            continue  # a standfirst or a caption glued under the headline, not a section's title
        if line is not None and standalone[i] and _may_title(text, paragraphs, i, line, interview):
            if not in_links:
                run.append(i)
            continue
        in_links = False
        if run and prose(text[s:e]):
            kept = [j for j in run if not _is_bare_number_before_heading(text, paragraphs, j, run)]
            if len(kept) > MAX_HEADING_RUN:
                kept = [j for j in kept if _strong_heading(text[paragraphs[j][0]:paragraphs[j][1]])]
            if len(kept) <= MAX_HEADING_RUN:
                headings += _leveled(text, paragraphs, kept, levels)
        run = []
    return headings


def _may_title(text: str, paragraphs: list[tuple[int, int]], i: int, line: str, interview: bool) -> bool:
    """A heading-shaped line that its neighbours do not refuse: not the next line of a
    verse, not an interview's question, not a quoted line inside a stanza."""
    if not heading_candidate(line) or _continues(text, paragraphs, i):
        return False
    if (interview and _asks(line)) or interview_question(line, _next_text(text, paragraphs, i)):
        return False
    return not (quoted_phrase(line) and _glued(text, paragraphs, i))


def _continues(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """A line right under one that ends with a comma or a bare word (no blank line
    between) carries on the same verse or list, it does not title what follows."""
    if i == 0:
        return False
    prev_end = paragraphs[i - 1][1]
    if text.count("\n", prev_end, paragraphs[i][0]) >= 2:
        return False  # a blank line between
    return text[prev_end - 1] not in ".!?…»\")]"


def _asks(line: str) -> bool:
    return line.rstrip().rstrip("»\"”)").endswith("?")


def _is_interview(text: str, paragraphs: list[tuple[int, int]], start: int) -> bool:
    """Two questions at least that are plainly an interview's (put to "вы", labelled, or
    answered in the first person): then every question line of the text is one."""
    found = 0
    for i in range(start, len(paragraphs)):
        s, e = paragraphs[i]
        if e - s <= MAX_HEADING_CHARS and text[e - 1] in "?»\"”)":
            line = single_line(text, paragraphs[i])
            if line and _asks(line) and interview_question(line, _next_text(text, paragraphs, i)):
                found += 1
                if found >= MIN_INTERVIEW_QUESTIONS:
                    return True
    return False


def _next_text(text: str, paragraphs: list[tuple[int, int]], i: int) -> str:
    return text[paragraphs[i + 1][0]:paragraphs[i + 1][1]] if i + 1 < len(paragraphs) else ""


def _glued_to_next(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """No blank line between paragraph ``i`` and the next one."""
    return i + 1 < len(paragraphs) and text.count("\n", paragraphs[i][1], paragraphs[i + 1][0]) < 2


def _glued(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """No blank line before or after paragraph ``i``: a quoted line inside a stanza or a
    dialogue, not a subheading set apart."""
    return (i > 0 and _glued_to_next(text, paragraphs, i - 1)) or _glued_to_next(text, paragraphs, i)


def _leveled(text: str, paragraphs: list[tuple[int, int]], run: list[int],
             levels: dict[str, int]) -> list[Heading]:
    """Levels for a run of headings over one paragraph: each deeper than the one
    before it («ТОМ ПЕРВЫЙ» / «ЧАСТЬ ПЕРВАЯ» / «I.»), and a shape keeps the level it
    first had, so a later lone «II.» sits where «I.» did."""
    out = []
    previous = 0
    for j in run:
        s, e = paragraphs[j]
        shape = _shape(text[s:e])
        level = levels.get(shape)
        if level is None:
            level = levels[shape] = previous + 1
        elif level <= previous:
            level = previous + 1
        previous = level
        out.append((s, e, level, clean(text[s:e])))
    return out


def _is_bare_number_before_heading(text: str, paragraphs: list[tuple[int, int]], j: int, run: list[int]) -> bool:
    """«1» over «Большинство выборщиков…»: the number belongs to the heading after it."""
    s, e = paragraphs[j]
    return bool(NUMBERING.match(text[s:e].strip())) and j != run[-1]


def _hinted_headings(text: str, paragraphs: list[tuple[int, int]], hints: Sequence[HeadingHint],
                     title_index: int | None) -> list[Heading]:
    title_span = paragraphs[title_index] if title_index is not None else None
    out: list[Heading] = []
    for hint in sorted(hints, key=lambda h: h[0]):
        start, end = trim(text, max(0, int(hint[0])), min(len(text), int(hint[1])))
        level = int(hint[2]) if len(hint) > 2 else 1
        if start >= end or (title_span and start < title_span[1] and title_span[0] < end):
            continue
        # A heading starts a section at its line start, so sections stay whole lines.
        line_start = text.rfind("\n", 0, start) + 1
        if out and line_start < out[-1][1]:
            continue  # overlapping hints: keep the first
        if not_a_heading(text[start:end]):
            continue  # a page's "Читайте также" or "Реклама" set as a heading
        out.append((line_start, end, level, clean(text[start:end])))
    if out:
        top = min(h[2] for h in out)
        out = [(s, e, lv - top + 1, t) for s, e, lv, t in out]
    return out


def _title_from_hints(text: str, headings: list[Heading],
                      paragraphs: list[tuple[int, int]]) -> str | None:
    """A Markdown ``# Title`` at the top, the only heading of its level, is the headline."""
    if len(headings) < 2 or not paragraphs:
        return None
    s, _e, level, title = headings[0]
    if s > paragraphs[0][0] or text[:s].strip():
        return None
    if any(h[2] <= level for h in headings[1:]):
        return None
    return title

