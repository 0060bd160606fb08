"""Questions the views and exports ask of a document model, answered one way for all.

The app's views (``S`` speakers, ``N`` figures, the details line, copying a quote)
and the Markdown digest (``digest.py``) share these, so none re-derives them differently:

* ``speaker_groups(doc)`` — speakers with their statements, most statements first;
* ``uncovered_quotes(doc)`` / ``Coverage`` — quotes no statement contains;
* ``sentence_of(doc, offset)`` / ``SentenceFinder(doc)`` — the sentence span holding an offset;
* ``citation_at(doc, offset)`` — the quote/statement under an offset as text to copy;
* ``format_value(number)`` / ``kind_label(kind)`` — how a figure's value and kind read;
* ``squash_whitespace(text)`` — text on one line (a plain string operation: the
  app's ``one_line`` also makes the text inert for the terminal).

Pure standard library over ``model`` (no Textual, no NLP), just above it in the layers.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tui_reader.i18n import _
from tui_reader.model import Document, Number, Quote, Statement

__all__ = [
    "Coverage", "Entry", "SentenceFinder", "SpeakerGroup", "citation_at", "format_value", "kind_label",
    "sentence_of", "speaker_groups", "squash_whitespace", "uncovered_quotes", "unknown_speaker",
]

_SPACE = re.compile(r"\s+")


def squash_whitespace(text: str | None) -> str:
    """Collapse every run of whitespace (newlines included) to one space, the ends trimmed."""
    return _SPACE.sub(" ", text or "").strip()


def kind_label(kind: str) -> str:
    """A number kind in the user's language (the kind id itself stays visible too)."""
    labels = {
        "money": _("money"), "percent": _("percent"), "year": _("year"), "date": _("date"),
        "duration": _("duration"), "count": _("count"), "ordinal": _("ordinal"), "other": _("other"),
    }
    return labels.get(kind, kind)


def unknown_speaker() -> str:
    return _("Unknown source")



@dataclass
class Entry:
    """One thing a speaker said, as the digest and the ``S`` view list it: a statement,
    or a quote with the statements inside it merged into one (a quote of several
    sentences is found as one statement per sentence; listed apart, the quote showed
    twice, split and whole, with unbalanced quote marks)."""

    start: int
    end: int
    cue: str | None = None
    quote_only: bool = False  # a quote no statement of the speaker touches


@dataclass
class SpeakerGroup:
    """One speaker's share of the article: their statements, in text order."""

    speaker_id: str
    name: str
    statements: list[Statement] = field(default_factory=list)
    # Quotes attributed to this speaker that none of their statements contains.
    extra_quotes: list[Quote] = field(default_factory=list)
    # What to list: statements and quotes, overlapping ones merged, in text order.
    entries: list[Entry] = field(default_factory=list)


def speaker_groups(doc: Document) -> list[SpeakerGroup]:
    """Speakers who said something, most statements first (ties: who speaks first).

    A statement whose speaker id is not in ``doc.speakers`` still counts, under the
    id itself, rather than vanishing from the digest.
    """
    groups: dict[str, SpeakerGroup] = {}
    first_seen: dict[str, int] = {}
    for st in sorted(doc.statements, key=lambda s: (s.start, s.end)):
        group = groups.get(st.speaker)
        if group is None:
            sp = doc.speaker(st.speaker)
            name = (sp.name if sp and sp.name else st.speaker) or unknown_speaker()
            group = groups[st.speaker] = SpeakerGroup(st.speaker, squash_whitespace(name))
            first_seen[st.speaker] = st.start
        group.statements.append(st)
    covers = {sid: Coverage(g.statements) for sid, g in groups.items()}
    for q in sorted(doc.quotes, key=lambda q: q.start):
        if q.speaker is None:
            continue
        group = groups.get(q.speaker)
        if group is None:
            # A quote-only speaker (no statement found) is still someone who spoke.
            sp = doc.speaker(q.speaker)
            group = groups[q.speaker] = SpeakerGroup(q.speaker, squash_whitespace(sp.name if sp else q.speaker))
            first_seen[q.speaker] = q.start
            covers[q.speaker] = Coverage([])
        if not covers[q.speaker].contains(q.start, q.end):
            group.extra_quotes.append(q)
    for group in groups.values():
        group.entries = _entries(group)
    return sorted(groups.values(), key=lambda g: (-len(g.statements), first_seen[g.speaker_id]))


def _entries(group: SpeakerGroup) -> list[Entry]:
    """The group's statements and extra quotes, every run of overlapping spans merged."""
    spans = [(s.start, s.end, s.cue or None, False) for s in group.statements]
    spans += [(q.start, q.end, None, True) for q in group.extra_quotes]
    entries: list[Entry] = []
    for start, end, cue, is_quote in sorted(spans, key=lambda s: (s[0], -s[1])):
        last = entries[-1] if entries else None
        if last is not None and start < last.end:  # overlaps the entry before: one entry
            last.end = max(last.end, end)
            last.cue = last.cue or cue
            last.quote_only = last.quote_only and is_quote
        else:
            entries.append(Entry(start, end, cue, is_quote))
    return entries


def uncovered_quotes(doc: Document) -> list[Quote]:
    """Quotes that no statement contains, in text order (what the digest lists apart)."""
    cover = Coverage(doc.statements)
    return [q for q in sorted(doc.quotes, key=lambda q: q.start) if not cover.contains(q.start, q.end)]


class Coverage:
    """Answers "does one of these spans contain start:end?" in O(log n): the novel has
    thousands of quotes and statements, so no pairwise loop."""

    def __init__(self, spans: Iterable[Statement | Quote]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [start for start, _end in ordered]
        self.max_end: list[int] = []  # the furthest end among the spans up to i
        for _start, end in ordered:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.max_end[i - 1] >= end


class SentenceFinder:
    """``sentence_of`` for many offsets: the span lists' starts are indexed once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.levels = [(spans, [s.start for s in spans]) for spans in (doc.sentences, doc.paragraphs) if spans]

    def __call__(self, offset: int) -> tuple[int, int]:
        for spans, starts in self.levels:
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and spans[i].start <= offset < max(spans[i].end, spans[i].start + 1):
                return spans[i].start, spans[i].end
        text = self.doc.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end < 0 else end


def sentence_of(doc: Document, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``offset``; the paragraph, or the
    line around it, when the model has no sentences (a structure pass not done).
    For many offsets, build one ``SentenceFinder`` instead."""
    return SentenceFinder(doc)(offset)


def citation_at(doc: Document, offset: int, *, with_speaker: bool = True) -> str | None:
    """Text to copy for "the current statement or quote": the innermost quote holding
    ``offset``, else the statement holding it; ``None`` if neither does.

    With ``with_speaker`` the speaker's name is appended (``«…» — Владимир Путин``)
    when the model knows it, since a quote pasted elsewhere needs its author.
    """
    quotes = [q for q in doc.quotes if q.start <= offset < q.end]
    statements = [s for s in doc.statements if s.start <= offset < s.end]
    speaker_id: str | None
    if quotes:
        q = min(quotes, key=lambda q: q.end - q.start)
        start, end, speaker_id = q.start, q.end, q.speaker
        if speaker_id is None and statements:
            speaker_id = statements[0].speaker
    elif statements:
        s = min(statements, key=lambda s: s.end - s.start)
        start, end, speaker_id = s.start, s.end, s.speaker
    else:
        return None
    text = squash_whitespace(doc.text[start:end])
    sp = doc.speaker(speaker_id)
    if with_speaker and sp is not None and sp.name and sp.name not in text:
        text = f"{text} — {sp.name}"
    return text


def format_value(number: Number) -> str:
    """A figure's value the Russian way: ``52 000 000 000``, ``3,5``, ``2025``; a range
    ``7–8``, an approximation ``≈52 000 000 000``, a date its ISO form; empty when unknown."""
    if number.date:
        return number.date
    if number.value is None:
        return ""
    text = _format_number(number.value)
    if number.value_max is not None:
        text += "–" + _format_number(number.value_max)
    return "≈" + text if number.approx else text


def _format_number(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e18:
        # Russian typesetting groups digits from five up; "2 025" would misread a year.
        return f"{int(value):,}".replace(",", "\u00a0") if abs(value) >= 10_000 else str(int(value))
    return f"{value:.12g}".replace(".", ",")
