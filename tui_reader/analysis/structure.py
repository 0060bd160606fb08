"""Headline, sections, paragraphs and sentences: the fast pass (razdel only).

How the text is read, in order:

1. **Paragraphs.**  Blocks are separated by blank lines.  Inside a block, a line
   that starts indented begins a new paragraph (the novel: hard-wrapped lines,
   indented first lines); a block of evenly hard-wrapped lines is one paragraph;
   otherwise every line is a paragraph (news files often put one paragraph per
   line).  A paragraph's span excludes surrounding whitespace.
2. **Headline and headings** (``headings``): which standalone lines title
   the text, and which are metadata, captions, boilerplate or questions.
3. **Sections** tile the text: the lead (title None, level 0) runs up to the first
   heading; each heading's section runs to the next heading.
4. **Sentences**: razdel inside each paragraph, so no sentence crosses a
   paragraph break.

A heading line (and the headline) is also a paragraph with its sentence, so
every non-blank character of the text lies in some sentence: the search and
the panes can always say where a hit is.  A section's heading paragraph is the
first paragraph at or after ``section.start``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from tui_reader.analysis.heading_lines import chapter_line, trim
from tui_reader.analysis.headings import Heading, HeadingHint, find_title_and_headings
from tui_reader.model import Document, Paragraph, Section, Sentence

_CAPITAL = re.compile(r"[A-ZА-ЯЁ]")
# A stop, maybe a closing quote, a space and a lower-case letter: a sentence start in a lower-case text.
_STOP_THEN_LOWER = re.compile(r"(?<=[^\W\d_]{2})[.!?…]+[»\"“”)]?\s+[«\"„“]?[a-zа-яё]")


def written_in_lower_case(text: str) -> bool:
    """A text with no capital letter in its first pages (a chat log, a careless transcript):
    sentence splitting and name finding cannot lean on capitals there."""
    return not _CAPITAL.search(text, 0, 20_000)


def build_structure(doc: Document, heading_hints: Sequence[HeadingHint] | None = None) -> None:
    text = doc.text
    found = _paragraphs(text)
    paragraphs = [(start, end) for start, end, _standalone in found]
    standalone = [flag for _s, _e, flag in found]
    doc.title, headings = find_title_and_headings(text, paragraphs, standalone, heading_hints)
    doc.sections = _sections(text, headings)
    doc.paragraphs = []
    doc.sentences = []
    _fill_paragraphs_and_sentences(doc, paragraphs)


# --- paragraphs ------------------------------------------------------------------

def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs, whitespace trimmed, in order."""
    return [(start, end) for start, end, _standalone in _paragraphs(text)]


def _paragraphs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, standalone): standalone is False for the lines of a novel's
    indented block (a verse line, a short reply), which are never headings."""
    out: list[tuple[int, int, bool]] = []
    block: list[tuple[int, int]] = []  # (line start, line end) of the current block
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if text[pos:end].strip():
            block.append((pos, end))
        elif block:
            out += _split_block(text, block)
            block = []
        if nl < 0:
            break
        pos = nl + 1
    if block:
        out += _split_block(text, block)
    return out


def _split_block(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    if len(lines) == 1:
        return [(*trim(text, *lines[0]), True)]
    indented = [text[s:e][:1] in (" ", "\t", "\u3000") for s, e in lines]
    if any(indented) and not all(indented):
        groups: list[list[tuple[int, int]]] = []
        chapters: set[int] = set()
        after_chapter = False
        for line, starts_paragraph in zip(lines, indented):
            # "III." glued under the last line of a chapter is a line of its own.
            chapter = not starts_paragraph and chapter_line(text[line[0]:line[1]], arabic=False)
            if starts_paragraph or chapter or after_chapter or not groups:
                groups.append([line])
                if chapter:
                    chapters.add(len(groups) - 1)
            else:
                groups[-1].append(line)
            after_chapter = chapter
        return [(*trim(text, g[0][0], g[-1][1]), i in chapters) for i, g in enumerate(groups)]
    if _hard_wrapped(text, lines):
        return [(*trim(text, lines[0][0], lines[-1][1]), True)]
    return [(*trim(text, *line), True) for line in lines]


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Lines cut at a fixed width: all but the last of similar length, and most
    of them do not end a sentence."""
    if len(lines) < 3:
        return False
    body = [text[s:e].rstrip() for s, e in lines[:-1]]
    lengths = [len(b) for b in body]
    if min(lengths) < 40 or max(lengths) - min(lengths) > 20 or max(lengths) > 120:
        return False
    open_ends = sum(1 for b in body if b[-1:] not in ".!?…")
    return open_ends >= 0.6 * len(body)



def _sections(text: str, headings: list[Heading]) -> list[Section]:
    sections: list[Section] = []
    if not headings or text[:headings[0][0]].strip():
        sections.append(Section(title=None, start=0, end=len(text), level=0))
    for s, _e, level, title in headings:
        if sections:
            sections[-1].end = s
        sections.append(Section(title=title, start=s, end=len(text), level=max(1, level)))
    sections[0].start = 0  # a whitespace-only lead joins the first section
    return sections


def _fill_paragraphs_and_sentences(doc: Document, paragraphs: list[tuple[int, int]]) -> None:
    from razdel import sentenize

    text = doc.text
    # razdel ends a sentence only before a capital: a text written all in lower case would be one
    # sentence per paragraph.  Split a copy with capitals after each stop (same length, same offsets).
    lower_case = written_in_lower_case(text)
    section_starts = [sec.start for sec in doc.sections]
    k = 0
    for s, e in paragraphs:
        while k + 1 < len(section_starts) and section_starts[k + 1] <= s:
            k += 1
        doc.paragraphs.append(Paragraph(s, e, k))
        index = len(doc.paragraphs) - 1
        chunk = _STOP_THEN_LOWER.sub(lambda m: m.group(0)[:-1] + m.group(0)[-1].upper(), text[s:e]) \
            if lower_case else text[s:e]
        for sent in sentenize(chunk):
            if sent.stop > sent.start:
                doc.sentences.append(Sentence(s + sent.start, s + sent.stop, index))
