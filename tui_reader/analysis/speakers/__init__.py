"""Speakers and statements: who says what, sentence by sentence.

A pipeline of stages, each a module of plain functions over one
``SpeakerContext`` (``context.py``: the document, its people, quotes, tokens
and the statements found so far):

1. people (``people.find_people``): NER over the analysed sentences; PER
   mentions grouped into one person for all the forms of a name.
2. candidates (``candidates``): quotations and direct speech per paragraph,
   the reporting cues of every sentence (``cues``), the syntax parse of the
   sentences with a verb-like cue (``syntax`` reads it), the "Name: …" line.
   Then ``people.learn_about_people``: the titles the text gives each person
   and the genders its verbs show.
3. attribution (``attribution``, ``subjects``, ``resolve``): cue → speaker for
   one sentence — the subject of a reporting verb, an apposition, a title
   ("президент России", "дипломат") or a pronoun ("он", "по её словам")
   resolved to a person; else the office-holder data file, else the person the
   text was just talking about.
4. propagation (``propagation``): every sentence of a quotation gets the
   speaker its attribution names; the sentences around a cue continue its
   words; a statement ending its paragraph with a colon owns the next one.
5. people again (``people.publish``): the Speakers, Statements and the
   exported quotes' speakers.

Statements are only made for persons: organisations, media and unnamed
sources ("источник сообщил") are not speakers.
"""
from __future__ import annotations

from tui_reader.analysis.entities import sentences_before, to_entities
from tui_reader.analysis.speakers import attribution, candidates, people, propagation, whole_text
from tui_reader.analysis.speakers.context import SentenceTokens, SpeakerContext
from tui_reader.model import Document


def find_speakers(doc: Document, limit: int | None = None) -> None:
    """Fill doc.entities, doc.speakers, doc.statements and the quotes' speakers."""
    if not doc.sentences:
        doc.entities, doc.speakers, doc.statements = [], [], []
        return
    run(doc, limit)


def run(doc: Document, limit: int | None = None) -> None:
    ctx = analyse_part(doc, sentences_before(doc, limit))
    doc.entities = ctx.entities
    finish(ctx)


def analyse_part(doc: Document, indices: list[int]) -> SpeakerContext:
    """Stages 1–4 over the sentences ``indices`` (all of a text, or one chunk of a big one:
    ``chunks.py`` runs chunks in parallel and merges their people)."""
    ctx = SpeakerContext(doc, indices, SentenceTokens(doc))
    people.find_people(ctx)                     # NER; one person for all forms of a name
    cues = candidates.find_candidates(ctx)      # quotes and speech, cues, the parse of cue sentences
    people.learn_about_people(ctx, cues)        # titles, genders, normal forms in that gender
    attribution.attribute_sentences(ctx, cues)  # cue → speaker, sentence by sentence
    ctx.entities = to_entities(ctx.spans)       # (as named now: propagation may re-gender a name)
    propagation.propagate(ctx, cues)            # quotes, continuations, answers after a colon
    return ctx


def finish(ctx: SpeakerContext) -> None:
    """What needs the whole text at once: the interview's answers, the furniture, publishing."""
    whole_text.answer_interviews(ctx)           # (its questions are counted over the whole text)
    whole_text.leave_out_furniture(ctx)         # headings, captions, site boilerplate say nothing
    people.publish(ctx)                         # Speakers, Statements, the quotes' speakers
