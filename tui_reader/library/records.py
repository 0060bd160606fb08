"""A document model → the rows the library keeps about it (pure; no database here).

The analysis process builds an ``ArticleRecord`` and sends it to the process that
writes the database, so the writer does no NLP and holds no model.  The lemmas
come from the model's own ``WordIndex`` (the in-article search's index): the
library's search finds exactly the word forms the reader's search finds.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from tui_reader.library.meta import ArticleMeta
from tui_reader.model import Document
from tui_reader.morph import fold

TITLE_CHARS = 300


@dataclass
class SentenceRow:
    n: int
    start: int
    end: int
    text: str
    lemmas: str  # space-separated: every lemma of every word
    caps: str  # the lemmas of the words that start with a capital


@dataclass
class StatementRow:
    speaker_id: str
    name: str  # the speaker's normal name (the person's key is its folded form)
    start: int
    end: int
    sentence: int  # sentence number in the article
    kind: str
    cue: str | None
    confidence: float | None
    text: str


@dataclass
class FigureRow:
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    text: str
    sentence: int | None


@dataclass
class ArticleRecord:
    sha256: str
    cache_key: str
    path: str | None
    title: str
    meta: ArticleMeta
    format: str
    words: int
    size: int
    mtime: float | None
    analyser: str
    speakers: int
    sentences: list[SentenceRow] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)


def person_key(name: str) -> str:
    """The key that makes one person of a name across articles: folded, spacing normalised."""
    return " ".join(fold(name).replace("\u00a0", " ").split())


# A first line that is a file's id or language tag, not a headline ("ru-180", "ru", a URL, a date).
_NOT_A_HEADLINE = re.compile(r"^((?=\S*\d)\S{1,12}|[a-z]{2,3}|https?://\S+|[\d\s./:-]+)$")


def headline(doc: Document) -> str:
    """The model's title; where that is a news dump's header line (an id, a URL, a date),
    the first of the first few paragraphs that reads like a headline."""
    title = " ".join((doc.title or "").split())
    if not title or _NOT_A_HEADLINE.match(title):
        for p in doc.paragraphs[:6]:
            line = " ".join(doc.text[p.start:p.end].split())
            if line and not _NOT_A_HEADLINE.match(line):
                title = line
                break
    return title[:TITLE_CHARS] or "(untitled)"


def build_record(doc: Document, *, cache_key: str, meta: ArticleMeta, size: int, mtime: float | None) -> ArticleRecord:
    text = doc.text
    record = ArticleRecord(
        sha256=doc.source.sha256 or "", cache_key=cache_key, path=doc.source.path, title=headline(doc),
        meta=meta, format=doc.source.format, words=len(doc.index.starts) if doc.index else 0, size=size,
        mtime=mtime, analyser=doc.analysis.version, speakers=0)
    record.sentences = _sentences(doc)
    starts = [s.start for s in doc.sentences]
    names = {sp.id: sp.name for sp in doc.speakers}
    for st in doc.statements:
        name = names.get(st.speaker)
        if not name or not person_key(name):
            continue
        confidence = getattr(st, "confidence", None)  # added to the model later; tolerate its absence
        record.statements.append(StatementRow(
            speaker_id=st.speaker, name=name, start=st.start, end=st.end, sentence=_sentence_at(starts, st.start),
            kind=st.kind, cue=st.cue, confidence=float(confidence) if confidence is not None else None,
            text=text[st.start:st.end]))
    record.speakers = len({row.speaker_id for row in record.statements})
    for num in doc.numbers:
        record.figures.append(FigureRow(start=num.start, end=num.end, kind=num.kind, value=num.value, unit=num.unit,
                                        text=text[num.start:num.end], sentence=_sentence_at(starts, num.start)))
    return record


def _sentence_at(starts: list[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


# In the lemmas column, between the lemma groups of two words: " | " where only spacing
# separates them in the text, " || " where punctuation does; "^" opens the group of a
# capitalised word.  FTS5 reads none of these as tokens (they are separators to its
# tokenizer), but they let a phrase be checked from the row alone, without the morphology.
JOINED, BROKEN, CAPITAL = "|", "||", "^"


def _sentences(doc: Document) -> list[SentenceRow]:
    """Each sentence with the lemmas of its words, from the model's word index."""
    index = doc.index
    starts = index.starts if index else []
    ends = index.ends if index else []
    text = doc.text
    token_lemmas: list[list[str]] = [[] for _ in range(len(index.starts))] if index else []
    if index:
        for lemma, tokens in index.lemmas.items():
            for t in tokens:
                token_lemmas[t].append(lemma)
    rows: list[SentenceRow] = []
    t = 0
    total = len(token_lemmas)
    for n, sent in enumerate(doc.sentences):
        groups: list[str] = []
        caps: list[str] = []
        while t < total and starts[t] < sent.start:
            t += 1
        previous_end = None
        while t < total and starts[t] < sent.end:
            forms = token_lemmas[t]
            start = starts[t]
            if previous_end is not None:
                gap = text[previous_end:start]
                groups.append(JOINED if not gap or gap.isspace() else BROKEN)
            capital = text[start].isupper()
            groups.append((CAPITAL if capital else "") + " ".join(forms))
            if capital:
                caps.extend(forms)
            previous_end = ends[t]
            t += 1
        rows.append(SentenceRow(n=n, start=sent.start, end=sent.end, text=text[sent.start:sent.end],
                                lemmas=" ".join(groups), caps=" ".join(caps)))
    return rows
