"""The steps that look at the whole text once, after the statements of every part are known
(in a long text analysed in chunks, on the merged result): an interview's answers belong
to the person it interviews, and the page's furniture (headings, captions, boilerplate)
says nothing.
"""
from __future__ import annotations

import re
from typing import Any

from tui_reader.analysis.speakers.context import SpeakerContext
from tui_reader.analysis.speakers.person import Person
from tui_reader.analysis.speakers.shared import Found


def leave_out_furniture(ctx: SpeakerContext) -> None:
    """Drop the statements found in the page's furniture, not its text: headings, captions and
    boilerplate lines (``heading_lines.paragraph_roles``).  A headline is text:
    'И. Петров: переговоры зашли в тупик' is a statement."""
    from tui_reader.analysis.heading_lines import BOILERPLATE, paragraph_roles

    roles = paragraph_roles(ctx.doc)
    furniture = {"heading", "kicker", "caption", BOILERPLATE}
    for i in [i for i in ctx.found if roles.get(ctx.doc.sentences[i].paragraph) in furniture]:
        del ctx.found[i]


# An interviewer's line: 'Корреспондент: …?', 'Вопрос: …', '— Как вы …?'.
QUESTION_LABEL = re.compile(r"^\s*(?:[А-ЯЁA-Z][\w.«»\"-]*(?:\s+[\w.«»\"-]+){0,2}|[—–-])\s*[:.]?\s")
INTERVIEW_WORDS = frozenset({"интервью", "вопрос", "беседа", "разговор"})
# The least share of questions among the paragraphs from the first question on.
INTERVIEW_SHARE = 0.1


def answer_interviews(ctx: SpeakerContext) -> None:
    """An interview: question paragraphs ('Корреспондент: Как вы оцениваете …?', '— Что дальше?')
    each followed by answers.  With two questions at least, the answers are the words of the
    person the lead introduces as interviewed (or the one it names most), and the questions
    are nobody's."""
    doc = ctx.doc
    paragraphs = range(len(doc.paragraphs))
    questions = [p for p in paragraphs if _is_question(doc, p)]
    if len(questions) < 2:
        return
    # An interview is mostly questions and answers: a story's dialogue ('— Что дальше?' among
    # hundreds of paragraphs of narration) is not one, and its narration nobody's words.
    if len(questions) < INTERVIEW_SHARE * (len(doc.paragraphs) - questions[0]):
        return
    first_q = questions[0]
    person = _interviewee(ctx, first_q)
    if person is None:
        return
    by_paragraph: dict[int, list[int]] = {}
    for i in ctx.indices:
        by_paragraph.setdefault(doc.sentences[i].paragraph, []).append(i)
    asked = set(questions)
    headings = {sec.start for sec in doc.sections if sec.title}
    for q in questions:
        for i in by_paragraph.get(q, []):
            ctx.found.pop(i, None)
        p = q + 1
        while p < len(doc.paragraphs) and p not in asked:
            if doc.paragraphs[p].start in headings:
                break
            for i in by_paragraph.get(p, []):
                if i not in ctx.found:
                    ctx.found[i] = Found(person, None, "direct", False, doc.sentences[i].start, False, 0.7)
            p += 1


def _is_question(ctx_doc: Any, p: int) -> bool:
    """A paragraph of one or two sentences that ends with '?' and opens with a label or a dash."""
    par = ctx_doc.paragraphs[p]
    text = ctx_doc.text[par.start:par.end].strip()
    if not text.endswith("?") or len(text) > 300:
        return False
    label = QUESTION_LABEL.match(text)
    if text[:1] in "—–-":
        return True
    return label is not None and ":" in text[:label.end() + 1] and text.index(":") < 40


def _interviewee(ctx: SpeakerContext, first_question: int) -> Person | None:
    """The person the paragraphs before the first question introduce: one near a word of
    interviewing ('дал интервью', 'ответил на вопросы'), else the one named most there."""
    doc = ctx.doc
    lead_end = doc.paragraphs[first_question].start
    counts: dict[int, int] = {}
    people: dict[int, Person] = {}
    for span in ctx.pers:
        if span.start >= lead_end:
            break
        person = ctx.person_of[id(span)]
        people[id(person)] = person
        counts[id(person)] = counts.get(id(person), 0) + 1
        s = doc.sentences[span.sentence] if span.sentence >= 0 else None
        if s is not None and any(w in doc.text[s.start:s.end].lower() for w in INTERVIEW_WORDS):
            counts[id(person)] += 10
    if not counts:
        return None
    return people[max(counts, key=lambda k: counts[k])]
