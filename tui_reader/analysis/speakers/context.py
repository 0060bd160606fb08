"""The plain data every stage of the speaker analysis reads, and the lookups over it.

Takes a ``Document`` and the analysed part's sentence indices; gives a
``SpeakerContext`` whose fields the stages fill in turn: ``people`` (the people
stage), ``quotes`` and ``speech`` (candidates), ``found`` (attribution and
propagation).  It carries no behaviour flags: a stage that works in more than
one mode takes the mode as a parameter.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from tui_reader.analysis.entities import NamedSpan
from tui_reader.analysis.speakers.cues import Tok, tokens_of
from tui_reader.analysis.speakers.person import Person
from tui_reader.analysis.speakers.shared import Found
from tui_reader.model import Document, Entity


class SentenceTokens(dict[int, list[Tok]]):
    """sentence index → its tokens, tokenised lazily (most sentences never need them)."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, i: int) -> list[Tok]:
        s = self.doc.sentences[i]
        toks = self[i] = tokens_of(self.doc.text, s.start, s.end)
        return toks


@dataclass
class SpeakerContext:
    doc: Document
    indices: list[int]  # the sentences analysed (all, or those before a big file's limit)
    tokens: SentenceTokens
    spans: list[NamedSpan] = field(default_factory=list)  # NER spans of the analysed sentences
    people: list[Person] = field(default_factory=list)
    person_of: dict[int, Person] = field(default_factory=dict)  # id(mention span) → person
    pers: list[NamedSpan] = field(default_factory=list)  # PER spans that belong to a person, in text order
    per_starts: list[int] = field(default_factory=list)  # their starts, for bisecting
    quotes: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # paragraph → quotations
    speech: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # paragraph → direct speech
    found: dict[int, Found] = field(default_factory=dict)  # sentence → its statement so far
    unnamed_speakers: set[int] = field(default_factory=set)  # sentences whose speaker is left unnamed
    guessed: set[int] = field(default_factory=set)  # offsets of references resolved by a guess, not by the text
    pronouns: set[int] = field(default_factory=set)  # offsets of pronouns resolved to a person
    entities: list[Entity] = field(default_factory=list)  # the spans as named before propagation
    _by_prefix: dict[str, list[Person]] = field(default_factory=dict)  # see ``people_sharing``
    _indexed: int = -1  # how many people ``_by_prefix`` holds

    def judge(self, i: int, found: Found) -> Found:
        """Set how sure the attribution of sentence ``i`` is, from how its speaker was found:
        named in the sentence (0.95), a title the text gave (0.8), a pronoun (0.75), a guess (0.5)."""
        s = self.doc.sentences[i]
        if any(s.start <= p < s.end for p in self.guessed):
            found.confidence = min(found.confidence, 0.5)
        elif any(s.start <= p < s.end for p in self.pronouns):
            found.confidence = min(found.confidence, 0.75)
        elif not any(s.start <= m.start < s.end for m in found.person.mentions):
            found.confidence = min(found.confidence, 0.8)
        return found

    def people_sharing(self, key: str) -> list[Person]:
        """The people (in ``people``'s order) with a name word that begins as ``key`` does (its
        first three letters): all that ``Person.accepts`` may take a one-word name for, since
        two forms of a name share at least those (``person.same_name``).  A novel has hundreds
        of people; this is asked for every capitalised word near a cue."""
        if self._indexed != len(self.people):  # people are only added after clustering
            self._by_prefix = {}
            for person in self.people:
                for prefix in dict.fromkeys(k[:3] for k in person.keys):
                    self._by_prefix.setdefault(prefix, []).append(person)
            self._indexed = len(self.people)
        return self._by_prefix.get(key[:3], [])

    def per_at(self, pos: int) -> NamedSpan | None:
        """The person's name covering offset ``pos``, if any."""
        k = bisect.bisect_right(self.per_starts, pos) - 1
        if k >= 0 and self.pers[k].start <= pos < self.pers[k].end:
            return self.pers[k]
        return None

    def in_quote(self, pos: int, paragraph: int) -> bool:
        return any(a < pos < b - 1 for a, b in self.quotes.get(paragraph, ()))
