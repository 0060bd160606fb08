"""What a number or a statement is: a one-line description for the details bar and tooltips."""
from __future__ import annotations

from rich.text import Text

from tui_reader.app.sanitize import inert, name_text, one_line
from tui_reader.model import Document, Number, Statement


def _snippet(doc: Document, start: int, end: int, limit: int = 50) -> str:
    return one_line(doc.text[start:end], limit)


def _value(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:g}"


def describe_number(doc: Document, number: Number) -> Text:
    text = Text()
    text.append("Number ", style="bold")
    text.append(f"«{_snippet(doc, number.start, number.end)}»")
    text.append(f"  kind: {number.kind}  value: {_value(number.value)}  unit: {number.unit or '—'}")
    return text


def describe_statement(doc: Document, statement: Statement) -> Text:
    speaker = doc.speaker(statement.speaker)
    name = name_text(speaker.name) if speaker else statement.speaker
    text = Text()
    text.append("Statement ", style="bold")
    text.append(f"by {name}", style="bold")
    text.append(f"  kind: {statement.kind}  cue: {inert(statement.cue) if statement.cue else '—'}")
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
