"""Headline, sections, paragraphs and sentences.  (Stub: refined by the structure work.)"""
from __future__ import annotations

import re

from razdel import sentenize

from tui_reader.model import Document, Paragraph, Section, Sentence


def build_structure(doc: Document, heading_hints: list[tuple[int, int]] | None = None) -> None:
    text = doc.text
    doc.sections = [Section(title=None, start=0, end=len(text), level=0)]
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        doc.paragraphs.append(Paragraph(m.start(), m.end(), 0))
        for s in sentenize(m.group()):
            doc.sentences.append(Sentence(m.start() + s.start, m.start() + s.stop, len(doc.paragraphs) - 1))
