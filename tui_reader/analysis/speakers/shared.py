"""What the speaker analysis's stages share: constants and the ``Found`` record of a
statement before it is published."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tui_reader.analysis.speakers.person import Person
from tui_reader.analysis.speakers.words import (
    UNNAMED as UNNAMED,  # re-exported: the data file's roles.unnamed
)
from tui_reader.model import StatementKind

PRONOUN_GENDER = {"он": "masc", "его": "masc", "него": "masc", "она": "femn", "её": "femn", "ее": "femn",
                  "нее": "femn", "неё": "femn"}
# Clause-level dependents: not part of a subject's noun phrase.
CLAUSE_RELS = ("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "conj", "cc", "punct", "mark")
# How far a person's words may run on past their cue without a new cue (sentences):
# 'X считает, что …' can open a long paraphrase; '…, добавил X' rarely closes more than a few.
MAX_FORWARD = 10
MAX_BACKWARD = 3
TITLE_WINDOW = 120  # characters left of a name searched for its title
# Forms of address, not titles: 'господин Туск'.
HONORIFICS = frozenset({"господин", "госпожа", "мистер", "миссис", "мисс", "г-н", "г-жа", "товарищ", "сэр"})
WRITING_VERBS = frozenset({"написать", "писать", "опубликовать", "публиковать"})
# What one writes when one says something (the object of 'написал').
WRITTEN_WORDS = frozenset("""
сообщение пост запись заявление обращение твит твиттер комментарий колонка статья письмо слово текст
""".split())
QUOTE_MARKS = "«»\"“”„"
# A sentence end the splitter missed because the space is missing ('добычи.Это').
GLUED = re.compile(r"[а-яёa-z][.!?…][А-ЯЁA-Z]")


@dataclass(slots=True)
class Found:
    """A statement before it becomes a ``Statement``."""

    person: Person
    cue: str | None
    kind: StatementKind  # "direct" / "indirect"
    leading: bool  # the reported words follow the cue ("X заявил, что …")
    cue_pos: int  # absolute offset of the cue word
    continues: bool = True  # may carry the neighbouring sentences
    confidence: float = 0.95  # how sure the attribution is (see ``Statement.confidence``)
