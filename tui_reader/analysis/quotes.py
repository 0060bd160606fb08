"""Quoted spans, marks included: «…», „…“, “…”, "…" and dash-introduced direct speech.

Quotes are looked for in whole paragraphs, not sentences: razdel splits a
multi-sentence quote, and a quote whose closing mark is missing (the quote goes
on in the next paragraph, or the writer forgot it) runs to its paragraph's end.
Nested quotes yield the outer span only: «… «Эха Москвы» …» is one quote.

Straight quotes (") have no direction of their own; each one is read as opening
or closing from its neighbours (space before and a letter after opens, a letter
before and space or punctuation after closes) and, where that is ambiguous,
from what is open.  When a straight quote is still open at the paragraph's end
after an inner pair — "ручной продукт … "Яндекс.Новости". — the writer let one
mark close both, so the outer quote ends with the inner one.

A paragraph that opens with a dash and a capital is a line of dialogue:
"— Мы готовы, — сказал он. — Пойдём." gives "— Мы готовы" and "— Пойдём."
(the author's words between are not speech): after the first dash, every dash
that follows punctuation hands the turn between speaker and author.  Dashes
inside a sentence, and dash lists ("- снижение налогов;"), are not speech.
"""
from __future__ import annotations

import itertools
import re

from tui_reader.model import Document, Quote

SP = r"[ \t\u00a0\u2009\u202f]"
MARK_RE = re.compile(r"[«»„“”\"]")
PARAGRAPH_RE = re.compile(r"[^\n]+")
# Dialogue: a dash, a space and not a lowercase letter ("- снижение налогов;" is a list item).
DASH_SPEECH_RE = re.compile(rf"{SP}*[—–-]{SP}+(?![a-zа-яё—–-])\S")
DIALOGUE_LINE_RE = re.compile(rf"\n(?={SP}*[—–-]{SP}+(?![a-zа-яё—–-])\S)")
# Where speech and the author's words take turns: a dash after punctuation.
# "— Мы готовы, — сказал он. — Пойдём, — добавил он, — пора." alternates at each one;
# a dash with no punctuation before it ("Средство – Европейское равновесие") is inside a turn.
TURN_RE = re.compile(rf"(?<=[.,;:!?…\]]){SP}+(?=[—–-]{SP}+\S)")

# The end of a sentence: its stop, before a space and a capital (or the paragraph's end).
SENTENCE_END_RE = re.compile(rf"[.!?…]+(?=(?:{SP}+[«„“\"(]?[A-ZА-ЯЁ0-9—–-])|{SP}*$)", re.MULTILINE)

# Characters around a straight quote that say which way it faces.
OPENS_AFTER = set(" \t\n\u00a0([{«„“/—–-")
CLOSES_BEFORE = set(" \t\n\u00a0.,;:!?)]}»…/—–-")


def find_quotes(doc: Document) -> list[Quote]:
    """Every outer quoted span of the document, in text order, non-overlapping."""
    text = doc.text
    if doc.paragraphs:
        bounds = [(p.start, p.end) for p in doc.paragraphs]
    else:
        bounds = [(m.start(), m.end()) for m in PARAGRAPH_RE.finditer(text)]
    out: list[Quote] = []
    for start, end in bounds:
        for unit_start, unit_end in _dialogue_units(text, start, end):
            out.extend(Quote(s, e) for s, e in quotes_in_paragraph(text, unit_start, unit_end))
    return out


def _dialogue_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph cut before each of its lines that opens with a dash.

    Where the structure pass joins lines into one paragraph, every dialogue line
    still starts a turn of its own; a paragraph of one line is one unit.
    """
    if text.find("\n", start, end) < 0:
        return [(start, end)]
    cuts = [m.start() + 1 for m in DIALOGUE_LINE_RE.finditer(text, start, end)]
    edges = [start] + cuts + [end]
    return [(a, b) for a, b in itertools.pairwise(edges) if b > a]


def quotes_in_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marked = _marked_quotes(text, start, end) if MARK_RE.search(text, start, end) else []
    speech = _dash_speech(text, start, end) if DASH_SPEECH_RE.match(text, start, end) else []
    if not speech:
        return marked
    # Marks inside a spoken line are part of it; marks in the author's words stay.
    kept = [q for q in marked if not any(q[0] < s[1] and s[0] < q[1] for s in speech)]
    return sorted(kept + speech)


# --- dialogue -------------------------------------------------------------------------

def _dash_speech(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spoken turns of a dialogue paragraph: from each dash to the end of the words."""
    spans = []
    pos = start + len(text[start:end]) - len(text[start:end].lstrip())
    speaking = True
    for turn in TURN_RE.finditer(text, pos, end):
        if speaking:
            spans.append((pos, _speech_end(text, pos, turn.start())))
        pos = turn.end()
        speaking = not speaking
    if speaking:
        spans.append((pos, _rstrip(text, pos, end)))
    return [s for s in spans if s[1] > s[0]]


def _speech_end(text: str, start: int, end: int) -> int:
    """Before the comma that hands over to the author ("— Мы готовы, — сказал он")."""
    return end - 1 if end > start and text[end - 1] in ",;:" else end


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# --- quotation marks --------------------------------------------------------------------

def _marked_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = [(m.start(), m.group()) for m in MARK_RE.finditer(text, start, end)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(marks):
        i = _scan(text, marks, i, end, out)
    return out


def _scan(text: str, marks: list[tuple[int, str]], i: int, para_end: int,
          out: list[tuple[int, int]]) -> int:
    """Pair marks from ``marks[i]`` with an empty stack; add outer quotes to ``out``.

    Returns the index to go on from: the end of the marks, or the mark after an
    inner pair that also closed an unclosed outer straight quote.
    """
    stack: list[tuple[int, str]] = []  # (position, opening mark)
    children: dict[int, list[tuple[int, int]]] = {}  # outer open position → inner pairs closed directly in it
    for k in range(i, len(marks)):
        pos, mark = marks[k]
        closes = _closes(text, pos, mark, stack)
        if closes is None:
            stack.append((pos, mark))
            continue
        if closes < 0:
            continue  # a stray closing mark
        opened = stack[closes][0]
        del stack[closes:]
        if stack:
            children.setdefault(stack[-1][0], []).append((opened, pos + 1))
        else:
            out.append((opened, pos + 1))
    if not stack:
        return len(marks)
    outer_pos, outer_mark = stack[0]
    inner = children.get(outer_pos, [])
    if outer_mark == '"' and inner:
        ending = next((p for p in inner if _ends_sentence(text, p[1], para_end)), inner[0])
        out.append((outer_pos, ending[1]))
        return next((k for k, (pos, _) in enumerate(marks) if pos >= ending[1]), len(marks))
    out.append((outer_pos, _unclosed_end(text, outer_pos, para_end)))
    return len(marks)


def _closes(text: str, pos: int, mark: str, stack: list[tuple[int, str]]) -> int | None:
    """Which stack entry ``mark`` closes (its index), None if it opens, -1 if it is stray."""
    if mark == "«" or mark == "„":
        return None
    if mark == "»":
        return _last(stack, "«")
    if mark == "”":
        found = max(_last(stack, "„"), _last(stack, "“"))
        return found
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if mark == "“":
        # closes „ (Russian inner quotes) or a “ opened before; otherwise opens
        if before not in OPENS_AFTER:
            found = max(_last(stack, "„"), _last(stack, "“"))
            if found >= 0:
                return found
        return None
    # the straight quote
    opens_here = before in OPENS_AFTER and after not in CLOSES_BEFORE
    closes_here = after in CLOSES_BEFORE and before not in OPENS_AFTER
    open_straight = _last(stack, '"')
    if opens_here:
        return None
    if closes_here:
        return open_straight
    return open_straight if open_straight >= 0 else None


def _unclosed_end(text: str, start: int, para_end: int) -> int:
    """Where a quote whose closing mark never comes ends.

    A guillemet left open at the end of a paragraph whose next paragraph opens with
    a mark is the convention for a quotation of several paragraphs: it runs to its
    paragraph's end.  Any other unclosed quote (a straight quote glued to a word,
    'что"правительство …', a forgotten mark) ends with its sentence: painting the
    rest of the paragraph as someone's words would be a guess.
    """
    if text[start] != '"' and _next_paragraph_opens_quote(text, para_end):
        return _rstrip(text, start, para_end)
    stop = SENTENCE_END_RE.search(text, start + 1, para_end)
    return stop.end() if stop else _rstrip(text, start, para_end)


def _next_paragraph_opens_quote(text: str, para_end: int) -> bool:
    rest = text[para_end:para_end + 200].lstrip()
    return rest[:1] != "" and rest[0] in "«„“\""


def _last(stack: list[tuple[int, str]], mark: str) -> int:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][1] == mark:
            return k
    return -1


def _ends_sentence(text: str, pos: int, para_end: int) -> bool:
    rest = text[pos:min(pos + 3, para_end)]
    return not rest.strip() or rest[0] in ".!?…;"
