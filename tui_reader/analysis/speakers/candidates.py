"""Stage 1, candidates: where speech may be, before anyone is named.

Takes the context with its people found; gives the quotations and direct-speech
stretches of every paragraph (``ctx.quotes``, ``ctx.speech``), the reporting cues
of every sentence (returned: sentence index → cues), the syntax parse of the
sentences with a verb-like cue (on their tokens), and, per sentence, the
news-feed "Name: …" line (``headline_name``).
"""
from __future__ import annotations

import bisect
import re

from tui_reader.analysis.quotes import find_quotes as find_document_quotes
from tui_reader.analysis.speakers.context import SpeakerContext
from tui_reader.analysis.speakers.cues import Cue, find_cues, may_report
from tui_reader.model import Document

# 'Собянин: Около…', '31.01, 09:30 Собянин: «…»': a name (one or two words) and a colon open the line.
# With initials too: 'И. Петров: переговоры зашли в тупик', 'А.Смирнова: «…»'.
NAME_COLON = re.compile(r"(?:[\d.,:/\s]+)?((?:[А-ЯЁ]\.\s?){0,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: [А-ЯЁ][а-яё]+)?)"
                        r":\s+[«\"„“]?[А-ЯЁA-Za-zа-яё0-9]")
DASHES = "—–-"
# The end of a quoted sentence and a dash that hands over to the author: '?» — …', '.", - …'.
ATTRIBUTED_SENTENCE = re.compile(r"[.!?…][»\"“”]\s*,?\s*[—–-]\s")
# Cues whose sentence needs the syntax parse (the grammatical subject names the speaker).
PARSED_KINDS = ("verb", "adjective", "gerund", "object")


def find_candidates(ctx: SpeakerContext) -> dict[int, list[Cue]]:
    """Quotes and speech per paragraph, cues per sentence, the parse where a cue needs it."""
    find_quotes(ctx)
    cues = find_sentence_cues(ctx)
    parse_syntax(ctx, [i for i in ctx.indices if any(c.kind in PARSED_KINDS for c in cues[i])])
    return cues


def find_quotes(ctx: SpeakerContext) -> None:
    """Quotations and direct speech per paragraph, from the one quote finder the export uses
    (``analysis.quotes``): what is painted as a quote is what is attributed as one."""
    doc = ctx.doc
    last = doc.sentences[ctx.indices[-1]].end if ctx.indices else 0
    found = doc.quotes if doc.quotes else find_document_quotes(doc)
    # from the first analysed paragraph on (a chunk of a big text starts far in)
    first = doc.sentences[ctx.indices[0]].paragraph if ctx.indices else 0
    k = bisect.bisect_left([q.start for q in found], doc.paragraphs[first].start) if first else 0
    for pi in range(first, len(doc.paragraphs)):
        par = doc.paragraphs[pi]
        if par.start >= last:
            break  # beyond the analysed part (a big file's limit)
        here = []
        while k < len(found) and found[k].start < par.end:
            if found[k].start >= par.start:
                here.append((found[k].start, found[k].end))
            k += 1
        spans = [q for q in here if doc.text[q[0]] not in DASHES]
        ctx.quotes[pi] = spans
        # a short quote is speech when it is a whole sentence with an attribution after it
        # ('«Почему так?» — задается вопросом Уилсон'), or when a colon introduces it
        # ('Петров: «Это конец»'); otherwise a name or a scare quote
        speech = [q for q in spans if len(doc.text[q[0]:q[1]].split()) >= 4
                  or ATTRIBUTED_SENTENCE.match(doc.text, q[1] - 2)
                  or doc.text[max(par.start, q[0] - 3):q[0]].rstrip().endswith(":")]
        # dialogue turns ('— Мы готовы', '— Пойдём.')
        turns = [q for q in here if doc.text[q[0]] in DASHES]
        ctx.speech[pi] = speech + turns


def find_sentence_cues(ctx: SpeakerContext) -> dict[int, list[Cue]]:
    """Tokenise and look for cues only where a cue word form occurs at all."""
    doc = ctx.doc
    return {i: find_cues(ctx.tokens[i]) if _reasonable(doc, i)
            and may_report(doc.text[doc.sentences[i].start:doc.sentences[i].end]) else [] for i in ctx.indices}


# A "sentence" longer than this is markup or a text without stops, not one person's report:
# its cues are not read (the rules over its tokens would take time growing with its square).
MAX_SENTENCE_CHARS = 3000


def _reasonable(doc: Document, i: int) -> bool:
    return doc.sentences[i].end - doc.sentences[i].start <= MAX_SENTENCE_CHARS


def parse_syntax(ctx: SpeakerContext, indices: list[int]) -> None:
    """Give the tokens of these sentences their syntactic head and relation (the slow model)."""
    if not indices:
        return
    from tui_reader.analysis.nlp import models

    order = sorted(indices, key=lambda i: len(ctx.tokens[i]))
    chunks = [[t.text for t in ctx.tokens[i]] for i in order]
    for i, markup in zip(order, models().syntax.map(chunks)):
        toks = ctx.tokens[i]
        for tok, st in zip(toks, markup.tokens):
            tok.head = int(st.head_id) - 1
            tok.rel = st.rel


def headline_name(ctx: SpeakerContext, i: int) -> tuple[int, int] | None:
    """'Собянин: Около 500 тыс. человек записались на вакцинацию' — the news-feed way of
    quoting, with or without quotation marks (after an optional date and time): where the name is."""
    sent = ctx.doc.sentences[i]
    m = NAME_COLON.match(ctx.doc.text, sent.start, sent.end)
    return None if m is None else (m.start(1), m.end(1))
