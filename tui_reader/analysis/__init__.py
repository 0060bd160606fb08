"""Text → document model.  Pure functions; nothing here imports Textual.

Two passes, so the app can show text before the NLP is done:

* ``analyse_structure`` — headline, sections, paragraphs, sentences (razdel only, fast);
* ``enrich`` — entities (natasha), speakers and statements, quotes, numbers,
  the search index and topics.  natasha is imported here, lazily, and only here.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.fingerprint import fingerprint
from tui_reader.model import Analysis, Document, Source

if TYPE_CHECKING:
    from tui_reader.analysis.headings import HeadingHint


def _analyser_files() -> list[Path]:
    """The analysers' own source and data, the index builder and the lemmatiser they
    use (not the query code: a change there must not throw away every cached model)."""
    package = Path(__file__).resolve().parent
    search = package.parent / "search"
    return [*package.rglob("*.py"), *(package / "data").rglob("*.*"),
            search / "index.py", package.parent / "morph.py", package.parent / "model.py"]


# The cache keys on it: any change to a rule invalidates old models by itself.
ANALYSER_VERSION = fingerprint(_analyser_files())

# Above this many characters, the heavy per-sentence NLP (NER, syntax) is limited
# to the first part of the text: a text near the 20 MB limit must open and be
# searchable, not parsed whole for a minute.  A long novel (3 M characters) is whole.
FULL_NLP_LIMIT = 4_000_000

# Above this many characters the speakers are found chunk by chunk, on every core
# (``speakers/chunks.py``); below, in one pass.
CHUNKED_ABOVE = 250_000

Progress = Callable[[str, float], None]


def analyse_structure(text: str, source: Source | None = None, heading_hints: Sequence[HeadingHint] | None = None) -> Document:
    from tui_reader.analysis.structure import build_structure

    doc = Document(text=text, source=source or Source())
    build_structure(doc, heading_hints=heading_hints)
    doc.analysis = Analysis(level="structure", version=ANALYSER_VERSION)
    return doc


def enrich(doc: Document, progress: Progress | None = None, *, keep_models: bool = True) -> Document:
    """Add everything beyond structure to ``doc`` (in place) and return it.

    ``keep_models=False`` lets natasha's models go as soon as the speakers are found:
    a process that analyses one document (the app's analysis child) then builds the
    index and topics without carrying them (~80 MB less at its peak on the novel)."""
    from tui_reader.analysis.numbers import find_numbers
    from tui_reader.analysis.quotes import find_quotes
    from tui_reader.analysis.speakers import find_speakers
    from tui_reader.analysis.topics import build_topics
    from tui_reader.search.index import build_index

    report = progress or (lambda stage, share: None)
    report("numbers", 0.05)
    doc.numbers = find_numbers(doc.text)
    report("quotes", 0.1)
    doc.quotes = find_quotes(doc)
    report("speakers", 0.2)
    limited = len(doc.text) > FULL_NLP_LIMIT
    limit = FULL_NLP_LIMIT if limited else None
    if len(doc.text) > CHUNKED_ABOVE:
        from tui_reader.analysis.entities import sentences_before
        from tui_reader.analysis.speakers.chunks import find_speakers_in_chunks

        find_speakers_in_chunks(doc, sentences_before(doc, limit),
                                progress=lambda done, total: report("speakers", 0.2 + 0.6 * done / total))
    else:
        find_speakers(doc, limit=limit)
    from tui_reader.analysis.tokens import forget_texts

    forget_texts()  # (the sentences' tokens served the tagger and the speaker rules)
    if not keep_models:
        from tui_reader.analysis.nlp import release_models

        release_models()
    report("index", 0.8)
    doc.index = build_index(doc.text)
    report("topics", 0.95)
    doc.topics = build_topics(doc)
    doc.analysis = Analysis(level="limited" if limited else "full", version=ANALYSER_VERSION)
    if limited:
        doc.analysis.notes.append(
            f"Large text: speakers and entities were analysed in the first {FULL_NLP_LIMIT:,} characters only."
        )
    report("done", 1.0)
    return doc


def analyse(text: str, source: Source | None = None, heading_hints: Sequence[HeadingHint] | None = None,
            progress: Progress | None = None) -> Document:
    return enrich(analyse_structure(text, source, heading_hints), progress)
