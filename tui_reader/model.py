"""The document model: plain dataclasses that every pane, export and the cache share.

This module *is* the JSON contract of ``../shared/spec/document-model.md``:
``to_dict`` gives exactly the exported object and ``from_dict`` reads it back
losslessly.  It imports nothing but the standard library, so opening a cached
document never pays for the NLP stack or for Textual.

Every ``start``/``end`` is a half-open range of code points into ``Document.text``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, get_args

__all__ = [
    "ENTITY_TYPES",
    "NUMBER_KINDS",
    "SCHEMA",
    "STATEMENT_KINDS",
    "TOPIC_KINDS",
    "UNSURE_BELOW",
    "Analysis",
    "AnalysisLevel",
    "Document",
    "Entity",
    "EntityType",
    "Number",
    "NumberKind",
    "Paragraph",
    "Quote",
    "Section",
    "Sentence",
    "Source",
    "SourceFormat",
    "Span",
    "Speaker",
    "Statement",
    "StatementKind",
    "Topic",
    "TopicKind",
    "WordIndex",
    "from_dict",
    "to_dict",
]

SCHEMA = "summit-reader/document@1"

# The closed vocabularies of the contract.  Literal types for the type checker only:
# at run time they are plain strings, so the JSON is unchanged.
NumberKind = Literal["money", "percent", "year", "date", "duration", "count", "ordinal", "other"]
EntityType = Literal["PER", "LOC", "ORG"]
TopicKind = Literal["section", "speaker", "entity", "phrase"]
StatementKind = Literal["direct", "indirect"]
SourceFormat = Literal["text", "markdown", "html"]
AnalysisLevel = Literal["structure", "limited", "full"]

NUMBER_KINDS: tuple[NumberKind, ...] = get_args(NumberKind)
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
TOPIC_KINDS: tuple[TopicKind, ...] = get_args(TopicKind)
STATEMENT_KINDS: tuple[StatementKind, ...] = get_args(StatementKind)


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Source:
    path: str | None = None
    sha256: str | None = None
    encoding: str | None = "utf-8"
    format: SourceFormat = "text"
    # a page read from the web: its address (after redirects) and its byline, where it has one
    url: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Section:
    title: str | None
    start: int
    end: int
    level: int = 1  # 0 for the lead before the first heading


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    section: int


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Speaker:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


# Below this confidence an attribution is shown as uncertain.
UNSURE_BELOW = 0.6


@dataclass(slots=True)
class Statement:
    speaker: str
    start: int
    end: int
    sentence: int
    kind: StatementKind = "indirect"
    cue: str | None = None
    # How sure the attribution is, 0–1: a name in the sentence with its cue is near 1;
    # a pronoun, a title or a continuation carried from another sentence is less.
    confidence: float = 1.0

    @property
    def unsure(self) -> bool:
        """Attributed by a guess (a title or role resolved from who was near, a pronoun far
        back): the reader marks it so, rather than state it as fact."""
        return self.confidence < UNSURE_BELOW


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    speaker: str | None = None


@dataclass(slots=True)
class Number:
    start: int
    end: int
    kind: NumberKind
    value: float | None = None
    unit: str | None = None
    # Added after the first contract (readers of older JSON get the defaults):
    value_max: float | None = None  # a range's upper end ("7–8%": value 7, value_max 8)
    approx: bool = False  # "порядка", "почти", "около", "более" … before it
    date: str | None = None  # a date or time in ISO 8601 ("2025-01-20", "--01-20", "T10:00")


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    type: EntityType
    normal: str


@dataclass(slots=True)
class Topic:
    label: str
    kind: TopicKind
    occurrences: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class WordIndex:
    """Every word of the text with its lemmas, for morphology-aware search.

    Kept columnar (parallel lists, lemma → token numbers) rather than as one
    object per token: the 3 MB novel has ~500k tokens and a dataclass each
    would cost hundreds of megabytes.
    """

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    lemmas: dict[str, list[int]] = field(default_factory=dict)


@dataclass(slots=True)
class Analysis:
    """How far the analysis went, so the app can tell the reader."""

    level: AnalysisLevel = "full"  # "structure": the fast pass only; "limited": a big file
    version: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    text: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)
    index: WordIndex | None = None
    schema: str = SCHEMA

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        for sp in self.speakers:
            if sp.id == speaker_id:
                return sp
        return None


# --- JSON ------------------------------------------------------------------------

# Which dataclass each list/object field of a parent holds, for ``from_dict``.
_NESTED: dict[type, dict[str, type]] = {
    Document: {
        "source": Source, "sections": Section, "paragraphs": Paragraph, "sentences": Sentence,
        "speakers": Speaker, "statements": Statement, "quotes": Quote, "numbers": Number,
        "entities": Entity, "topics": Topic, "analysis": Analysis, "index": WordIndex,
    },
    Speaker: {"mentions": Span},
    Topic: {"occurrences": Span},
}

# The contract's field order, so the export reads like the spec.
_ORDER = ("schema", "source", "title", "text", "sections", "paragraphs", "sentences",
          "speakers", "statements", "quotes", "numbers", "entities", "topics", "analysis")


def to_dict(doc: Document, *, include_index: bool = False) -> dict[str, Any]:
    """The exported JSON object.  The search index is left out unless asked for:
    it is large and is a cache detail, not part of the contract."""
    raw = asdict(doc)
    out = {key: raw[key] for key in _ORDER}
    if include_index and doc.index is not None:
        out["index"] = raw["index"]
    return out


def _build(cls: type, data: Any) -> Any:
    if data is None:
        return None
    nested = _NESTED.get(cls, {})
    known = {f.name for f in fields(cls)}
    kwargs = {}
    for key, value in data.items():
        if key not in known:
            continue  # a newer writer's extra field: ignore rather than fail
        sub = nested.get(key)
        if sub is not None and isinstance(value, list):
            value = [_build(sub, item) for item in value]
        elif sub is not None and isinstance(value, dict):
            value = _build(sub, value)
        kwargs[key] = value
    return cls(**kwargs)


def from_dict(data: dict[str, Any]) -> Document:
    """Read back what ``to_dict`` wrote (lossless round trip)."""
    doc: Document = _build(Document, data)
    return doc
