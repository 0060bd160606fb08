"""What a number or a statement is: a one-line description for the details bar and tooltips."""
from __future__ import annotations

from rich.text import Text

from tui_reader.i18n import _
from tui_reader.model import Document, Number, Statement
from tui_reader.model_queries import format_value
from tui_reader.reading.sanitize import inert, name_text, one_line


def _snippet(doc: Document, start: int, end: int, limit: int = 50) -> str:
    return one_line(doc.text[start:end], limit)


def describe_number(doc: Document, number: Number) -> Text:
    text = Text()
    text.append(_("Number") + " ", style="bold")
    text.append(f"«{_snippet(doc, number.start, number.end)}»")
    value = format_value(number) or "—"
    unit = inert(number.unit) if number.unit else "—"
    text.append("  " + _("kind: {kind}  value: {value}  unit: {unit}").format(kind=number.kind, value=value, unit=unit))
    return text


def describe_statement(doc: Document, statement: Statement) -> Text:
    speaker = doc.speaker(statement.speaker)
    name = name_text(speaker.name) if speaker else statement.speaker
    text = Text()
    text.append(_("Statement") + " ", style="bold")
    text.append(_("by {name}").format(name=name), style="bold")
    if statement.unsure:
        text.append("?", style="bold")  # the analysis guessed who this is
    cue = inert(statement.cue) if statement.cue else "—"
    text.append("  " + _("kind: {kind}  cue: {cue}").format(kind=statement.kind, cue=cue))
    text.append("  " + _("confidence: {confidence:.2f}").format(confidence=statement.confidence))
    # in italics rather than in «»: a statement often opens with its own quotation marks
    text.append(f"  {_snippet(doc, statement.start, statement.end, 40)}", style="italic")
    return text


def describe(doc: Document, number: Number | None, statement: Statement | None) -> Text | None:
    parts = [describe_number(doc, number)] if number else []
    if statement:
        parts.append(describe_statement(doc, statement))
    if not parts:
        return None
    return Text("\n").join(parts)
