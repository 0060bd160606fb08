"""The speech words of ``analysis/data/speech_words.toml``, read once.

The rules read syntax; this file only says which words can report at all, so
that adding a verb ("пригрозил", "отшучивается") is an edit of the data file,
not of the code.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "speech_words.toml"

_DATA = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))


def _words(section: str, key: str) -> frozenset[str]:
    node = _DATA
    for part in section.split("."):
        node = node[part]
    return frozenset(node[key].split())


REPORTING_VERBS = _words("verbs", "report")
NEEDS_WORDS = _words("verbs", "needs_words")
SPEECH_OBJECTS = _words("verbs", "speech_objects")
OBJECT_SPEAKER_VERBS = _words("verbs", "object_speaker")
NAMING_VERBS = _words("verbs", "naming")
CLAUSE_VERBS = _words("verbs", "clause_only")
NEGATED_ONLY = _words("verbs", "negated_only")
NO_CONTINUATION = _words("verbs", "no_continuation")
THING_VERBS = _words("verbs", "thing_subject")
REPORTING_ADJECTIVES = _words("adjectives", "report")
# verb lemma → the object lemmas that make it report ("выступить" + "заявление")
PHRASES: dict[str, frozenset[str]] = {verb: frozenset(objects.split()) for verb, objects in _DATA["phrases"].items()}
ACCORDING_NOUNS = _words("nouns", "according")
VIEW_NOUNS = _words("nouns", "view")
POINT_OF_VIEW = _words("nouns", "point_of_view")
STATEMENT_NOUNS = _words("nouns", "statement")
UNNAMED = _words("roles", "unnamed")
STATUS_ADJECTIVES = _words("roles.status", "adjectives")
RELATIONAL = _words("roles.relational", "nouns")
# role lemma → itself and the narrower titles it may stand for ("эксперт" → {"эксперт", "политолог", …})
ROLE_KINDS: dict[str, frozenset[str]] = {
    role: frozenset(narrower.split()) | {role} for role, narrower in _DATA["roles"]["kinds"].items()}
