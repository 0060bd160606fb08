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

import re
from collections.abc import Sequence

from tui_reader.analysis.heading_lines import LINKS, bare_name, interview_question, not_a_heading, quoted_phrase

MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 18  # Russian headlines run to ~15 words
MIN_KICKER_WORDS, MAX_KICKER_WORDS = 2, 3  # a one-word first line is a rubric, kept as a section
MIN_HEADLINE_AFTER_KICKER = 5
MIN_INTERVIEW_QUESTIONS = 2
MAX_HEADING_RUN = 4  # longer runs of short lines are lists, poems or link blocks

_WIKI = re.compile(r"^(={2,6})\s*(.*?)\s*\1$")
_LETTER = re.compile(r"[^\W\d_]")
_WORDLIKE = re.compile(r"\w")
_NUMBERING = re.compile(r"^(?:[IVXLCDM]+|\d{1,3})\.?$")
_ROMAN = re.compile(r"^[IVXLCDM]+\.?$")
_CHAPTER = re.compile(r"^(?:глава|часть|том|раздел|chapter|part)\s+\S+\.?$", re.I)
_MONTHS = ("январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр")
_DATE_LINE = re.compile(
    rf"^(?:\w+,\s*)?\d{{1,2}}\s+(?:{_MONTHS})\w*\.?(?:\s+\d{{4}})?(?:\s+(?:года|г\.))?(?:,?\s+\d{{1,2}}:\d{{2}})?$"
    r"|^[\d./:\-\s]+$", re.I)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_META_LINE = re.compile(r"^(?:https?://\S+|\d{4}-\d{2}-\d{2}|[a-z]{2}|[\w.-]*\d[\w.-]*)$", re.I)
_INNER_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?…]+\s+[«\"„“]?[A-ZА-ЯЁ]")
_LIST_MARKER = re.compile(r"^(?:\d{1,3}|[a-zа-я])\)\s")
_OPENING_QUOTES = "«„“\"'"
_DASHES = "-–—•*·"

HeadingHint = Sequence[int]  # (start, end) or (start, end, level)
Heading = tuple[int, int, int, str]  # (start, end, level, title)


def find_title_and_headings(text: str, paragraphs: list[tuple[int, int]], standalone: list[bool],
                            heading_hints: list[HeadingHint] | None) -> tuple[str | None, list[Heading]]:
    """The headline (or None) and the headings of a text whose paragraphs are known.
    ``standalone[i]`` is False for a line inside a novel's indented block."""
    first = _skip_metadata(text, paragraphs)
    title_index = _headline(text, paragraphs, first)
    rubric = heading_hints is None and title_index is None and first < len(paragraphs) \
        and _rubric(text, paragraphs, first)
    if rubric or (title_index is not None and _kicker(text, paragraphs, title_index)):
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


def chapter_line(line: str, arabic: bool = True) -> bool:
    """«IV.», «Глава 3», «ЧАСТЬ ПЕРВАЯ» (and «12» unless ``arabic`` is False:
    inside a novel's block a bare number is a page or footnote mark)."""
    line = line.strip()
    if _CHAPTER.match(line) or _ROMAN.match(line):
        return True
    return arabic and bool(_NUMBERING.match(line))


def _shape(line: str) -> str:
    """What kind of heading a line is, so that headings of one kind share a level."""
    line = line.strip()
    chapter = _CHAPTER.match(line)
    if chapter:
        return "word:" + line.split()[0].lower()
    if _ROMAN.match(line):
        return "roman"
    if _NUMBERING.match(line):
        return "number"
    return "upper" if line.isupper() else "text"


def _strong_heading(line: str) -> bool:
    """Shapes that are headings even in a long run: «IV», «Глава 3», «ЧАСТЬ ПЕРВАЯ»."""
    line = line.strip()
    return chapter_line(line) or (line.isupper() and len(line) > 2)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clean(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def _skip_metadata(text: str, paragraphs: list[tuple[int, int]]) -> int:
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
        line = _single_line(text, paragraphs[i])
        if line is None or not not_a_heading(line):
            break
        i += 1
    return i


def _single_line(text: str, span: tuple[int, int]) -> str | None:
    line = text[span[0]:span[1]]
    return None if "\n" in line else line


def _headline(text: str, paragraphs: list[tuple[int, int]], first: int) -> int | None:
    if first >= len(paragraphs) or len(paragraphs) - first < 2:
        return None  # a headline heads something
    line = _single_line(text, paragraphs[first])
    if line is None or len(line) > MAX_TITLE_CHARS or not _LETTER.search(line):
        return None
    if sum(1 for word in line.split() if _WORDLIKE.search(word)) > MAX_TITLE_WORDS:
        return None  # a run-on first sentence that lost its period, not a headline
    if _WIKI.match(line) or " " not in line.strip():
        return None  # a wiki heading, or a one-word rubric
    if line.rstrip()[-1:] in ".,;:" and not line.rstrip().endswith("..."):
        return None
    if line[:1] in _DASHES or line[:1].islower() or _DATE_LINE.match(line) or _URL.match(line):
        return None
    return first


def _kicker(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """A kicker over the headline: a line of two or three words («Сами справитесь»),
    then a proper headline (a longer line, headline-shaped), then the article.
    The headline is the second line; the kicker is neither headline nor heading."""
    words = len(text[paragraphs[i][0]:paragraphs[i][1]].split())
    return MIN_KICKER_WORDS <= words <= MAX_KICKER_WORDS and _headline_under(text, paragraphs, i, words)


def _rubric(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """A one-word rubric («Экономика») over a proper headline: it stays a section (a
    digest of rubrics is sectioned by them) and the line under it is the headline."""
    line = _single_line(text, paragraphs[i])
    return line is not None and len(line.split()) == 1 and _heading_candidate(line) \
        and not _NUMBERING.match(line.strip()) and _headline_under(text, paragraphs, i, 1)


def _headline_under(text: str, paragraphs: list[tuple[int, int]], i: int, words: int) -> bool:
    """Paragraph ``i + 1`` is a headline: headline-shaped, longer than the line over it,
    not a question, and the article (prose, past any boilerplate) follows it."""
    if i + 2 >= len(paragraphs) or _headline(text, paragraphs, i + 1) is None:
        return False
    headline = text[paragraphs[i + 1][0]:paragraphs[i + 1][1]]
    if len(headline.split()) < max(MIN_HEADLINE_AFTER_KICKER, words + 2) or headline.rstrip().endswith("?"):
        return False
    for j in range(i + 2, min(len(paragraphs), i + 8)):
        body = text[paragraphs[j][0]:paragraphs[j][1]]
        if "\n" in body or not (not_a_heading(body) or bare_name(body)):
            return _prose(body) and ("\n" in body or not _heading_candidate(body))
    return False


def _heading_candidate(line: str) -> bool:
    """A short standalone line that could title the text below it."""
    line = line.strip()
    if not line or len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return False
    if _NUMBERING.match(line) or _CHAPTER.match(line):
        return True  # "I.", "XII", "Глава 3"
    if not _LETTER.search(line) or _DATE_LINE.match(line) or _URL.match(line):
        return False
    if line[0] in _DASHES or line[0].islower():
        return False
    core = line.rstrip(")]>»“\"'")
    if not core or core[-1] in ".,;:!…([<" or line[0] in "([<":
        return False  # ends like a sentence (or an exclamation in a story), or a bracketed note
    if _INNER_SENTENCE_END.search(line):
        return False  # two sentences: prose, not a heading
    if line[0] in _OPENING_QUOTES and not quoted_phrase(line) \
            and (line[-1] in "»“\"'" or not any(q in line[1:] for q in "»“\"'")):
        return False  # a quoted remark (or a line of a quoted verse) on its own line
    if _LIST_MARKER.match(line):
        return False
    return True


def _prose(line: str) -> bool:
    """Ordinary text a heading can stand over: not a date, a number or a URL."""
    stripped = line.strip()
    if not _LETTER.search(stripped) or _DATE_LINE.match(stripped) or _URL.match(stripped):
        return False
    return len(stripped.split()) >= 3 or stripped[-1:] in ".!?…»\""


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
        line = _single_line(text, paragraphs[i])
        wiki = _WIKI.match(line.strip()) if line is not None else None
        if wiki and _LETTER.search(wiki.group(2)):
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
        if line is not None and standalone[i] and _heading_candidate(line) and not _continues(text, paragraphs, i) \
                and not (interview and _asks(line)) and not interview_question(line, _next_text(text, paragraphs, i)) \
                and not (quoted_phrase(line) and _glued(text, paragraphs, i)):
            if not in_links:
                run.append(i)
            continue
        in_links = False
        if run and _prose(text[s:e]):
            kept = [j for j in run if not _is_bare_number_before_heading(text, paragraphs, j, run)]
            if len(kept) > MAX_HEADING_RUN:
                kept = [j for j in kept if _strong_heading(text[paragraphs[j][0]:paragraphs[j][1]])]
            if len(kept) <= MAX_HEADING_RUN:
                headings += _leveled(text, paragraphs, kept, levels)
        run = []
    return headings


def _continues(text: str, paragraphs: list[tuple[int, int]], i: int) -> bool:
    """A line right under one that ends with a comma or a bare word (no blank line
    between) carries on the same verse or list, it does not title what follows."""
    if i == 0:
        return False
    prev_start, prev_end = paragraphs[i - 1]
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
            line = _single_line(text, paragraphs[i])
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


def _is_bare_number_before_heading(text: str, paragraphs, j: int, run: list[int]) -> bool:
    """«1» over «Большинство выборщиков…»: the number belongs to the heading after it."""
    s, e = paragraphs[j]
    return bool(_NUMBERING.match(text[s:e].strip())) and j != run[-1]


def _hinted_headings(text: str, paragraphs: list[tuple[int, int]], hints: list[HeadingHint],
                     title_index: int | None) -> list[Heading]:
    title_span = paragraphs[title_index] if title_index is not None else None
    out = []
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

