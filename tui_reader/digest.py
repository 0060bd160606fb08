"""The who-said-what digest: ``render_markdown(doc)`` is what
``summit-reader export FILE --format markdown`` prints (and the app's ``E`` saves):

    # Headline
    ## Владимир Путин              ← one section per speaker, most statements first
    - Как заявил Владимир Путин, «…» _(заявил)_
    ## Другие цитаты               ← quotes no statement covers (attributed in brackets)
    ## Цифры                       ← every figure: text, kind, value, unit, its sentence

What it lists comes from ``model_queries`` (shared with the app's views); what is
here is the Markdown and keeping the article's text from breaking it.  Pure standard
library (no Textual, no NLP): the CLI exports a cached model cheaply.
"""
from __future__ import annotations

import re
from pathlib import Path

from tui_reader.i18n import _
from tui_reader.model import Document, Number
from tui_reader.model_queries import (
    Entry,
    SentenceFinder,
    format_value,
    kind_label,
    speaker_groups,
    squash_whitespace,
    uncovered_quotes,
)

__all__ = ["bullet", "heading_text", "inline_inert", "render_markdown"]


def render_markdown(doc: Document) -> str:
    lines: list[str] = [f"# {heading_text(_title(doc))}", ""]
    if doc.analysis.level == "structure":
        lines += [f"_{_('Not analysed: the structure of the text only.')}_", ""]
    for note in doc.analysis.notes:
        lines += [f"_{inline_inert(squash_whitespace(note))}_", ""]

    groups = speaker_groups(doc)
    if not groups:
        lines += [f"_{_('No statements found.')}_", ""]
    for group in groups:
        lines += [f"## {heading_text(group.name)}", ""]
        for entry in group.entries:
            lines.append(bullet(_entry_line(doc, entry)))
        lines.append("")

    loose = [q for q in uncovered_quotes(doc) if q.speaker is None]
    if loose:
        lines += [f"## {_('Other quotes')}", ""]
        lines += [bullet(squash_whitespace(doc.text[q.start:q.end])) for q in loose]
        lines.append("")

    lines += [f"## {_('Figures')}", ""]
    numbers = sorted(doc.numbers, key=lambda n: (n.start, n.end))
    find_sentence = SentenceFinder(doc)
    if not numbers:
        lines += [f"_{_('No figures found.')}_", ""]
    for number in numbers:
        # Starts with our own bold markup, not the article's text: nothing to escape.
        lines.append(f"- {inline_inert(_number_line(doc, number, find_sentence))}")
    if numbers:
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _title(doc: Document) -> str:
    if doc.title and doc.title.strip():
        return doc.title
    if doc.source.path and doc.source.path != "-":
        return Path(doc.source.path).stem
    return _("Untitled")


def _entry_line(doc: Document, entry: Entry) -> str:
    text = squash_whitespace(doc.text[entry.start:entry.end])
    if entry.quote_only:
        return f"{text} _({_('quote')})_"
    return f"{text} _({squash_whitespace(entry.cue)})_" if entry.cue else text


def _number_line(doc: Document, number: Number, find_sentence: SentenceFinder) -> str:
    figure = squash_whitespace(doc.text[number.start:number.end])
    label = kind_label(number.kind)
    facts = [label if label == number.kind else f"{label} ({number.kind})"]
    if number.value is not None or number.date:
        facts.append(_("value {value}").format(value=format_value(number)))
    if number.unit:
        facts.append(_("unit {unit}").format(unit=squash_whitespace(number.unit)))
    start, end = find_sentence(number.start)
    return f"**{figure}** — {'; '.join(facts)}. {squash_whitespace(doc.text[start:end])}"


# --- keeping the text from breaking the Markdown structure --------------------------

# What would turn the start of a list item's text into a block of its own: a heading,
# a nested list or rule, a block quote, a numbered list, a fenced or indented code
# block, a table row or an HTML block.
_BLOCK_START = re.compile(r"^(?:[#>+*=_|~`<-]|\d{1,9}[.)](?:\s|$))")


_INLINE_ACTIVE = re.compile(r"[<\[\]]")


def inline_inert(text: str) -> str:
    """Article text that stays text in any Markdown renderer: ``<`` opens no HTML
    (``<script>``, ``<img onerror=…>``) and brackets make no link, so neither
    ``[…](javascript:…)`` nor an autolink reaches a reader of the digest.  Our own
    emphasis (``_…_``, ``**…**``) is left alone."""
    return _INLINE_ACTIVE.sub(lambda m: "&lt;" if m.group() == "<" else "\\" + m.group(), text)


def bullet(text: str) -> str:
    """A list item whose text, taken from the article, can't open another block."""
    text = inline_inert(squash_whitespace(text))
    if _BLOCK_START.match(text):
        # A backslash escapes any ASCII punctuation in CommonMark; for "1." the dot.
        text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text) if text[0].isdigit() else "\\" + text
    return f"- {text}"


def heading_text(text: str) -> str:
    """Heading text on one line whose trailing ``#``s are not read as a closing sequence."""
    text = inline_inert(squash_whitespace(text)) or "—"
    return re.sub(r"(#+)$", lambda m: "\\" + m.group(1), text)
