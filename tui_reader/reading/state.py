"""The reader's state, in one place: what the widgets draw and what the keys change.

``ReaderApp.state`` holds one ``ReaderState``; a widget that wants it changed posts a
message and the app replaces the state (``replace``), never a widget's own copy.
The app then hands the new state to every widget that draws part of it (the
article, the speakers list, the search pane's filter chip), so no two of them can
disagree.  Before this, "only hits" lived in the search pane and in the article,
and a jump out of the filtered paragraphs turned it off in one of them only.

A state is immutable and compared by identity (``eq=False``): a Document or a long
hit list is never compared field by field, and every replacement is a change.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui_reader.model import Document
from tui_reader.reading.marks import Marks

Spans = Sequence[tuple[int, int]]


@dataclass(frozen=True, eq=False)
class ReaderState:
    doc: Document
    complete: bool  # False while the full analysis runs (a structure-only model)
    marks: Marks  # the marks and jump history (mutable: '' records as it goes)
    speaker: str | None = None  # the speaker chosen in Speakers (their statements marked)
    statement: int | None = None  # which of the chosen speaker's statements n/N is on
    only_speaker: bool = False  # ctrl+o with a speaker: only the paragraphs where they speak
    hits: Spans = ()  # the search's hits as (start, end), in text order; () with no search shown
    current_hit: int | None = None  # the hit the reader is on
    only_hits: bool = False  # the reader's "only hits" choice; it applies while there are hits

    @property
    def filtering_hits(self) -> bool:
        """Whether the text shows only the paragraphs with search hits."""
        return self.only_hits and bool(self.hits)

    @property
    def showing_speaker_only(self) -> bool:
        return self.only_speaker and self.speaker is not None

    def with_speaker(self, speaker: str | None) -> ReaderState:
        """Another speaker chosen (or none): stepping starts afresh, all paragraphs show."""
        return replace(self, speaker=speaker, statement=None, only_speaker=False)

    def with_hits(self, hits: Spans, current: int | None) -> ReaderState:
        return replace(self, hits=hits, current_hit=current if hits else None)

    def with_document(self, doc: Document) -> ReaderState:
        """The full model of the same text: the choices stay, the statement being stepped
        through does not (the statements were found anew)."""
        return replace(self, doc=doc, complete=True, statement=None)


def same_paragraphs(a: ReaderState, b: ReaderState) -> bool:
    """Whether ``a`` and ``b`` show the same paragraphs (else the text is laid out again)."""
    if a.doc is not b.doc:
        return False
    if a.showing_speaker_only or b.showing_speaker_only:
        return a.showing_speaker_only == b.showing_speaker_only and a.speaker == b.speaker
    if a.filtering_hits or b.filtering_hits:
        return a.filtering_hits == b.filtering_hits and a.hits is b.hits
    return True


def only_hits_differ(a: ReaderState, b: ReaderState) -> bool:
    """Whether ``b`` differs from ``a`` in its search hits (or current hit) alone: the
    article then redraws only the lines that had or have a hit."""
    return (a.doc is b.doc and a.complete == b.complete and a.speaker == b.speaker
            and a.statement == b.statement and a.only_speaker == b.only_speaker
            and a.only_hits == b.only_hits and a.marks is b.marks)
