"""A small hand-made document with every kind of highlight, for tests and snapshots.

It does not depend on the analysers (they evolve); spans are found by substring,
so the text can be edited freely.
"""
from __future__ import annotations

from tui_reader.model import (
    Analysis,
    Document,
    Number,
    Paragraph,
    Quote,
    Section,
    Sentence,
    Source,
    Span,
    Speaker,
    Statement,
)

TITLE = "Совет директоров утвердил план развития порта"
PARAGRAPHS = [
    TITLE,
    "Совет директоров морского порта утвердил план развития на 2026 год, сообщила пресс-служба компании.",
    "Как заявил генеральный директор Иван Петров, объём инвестиций составит 12 млрд рублей. "
    "«Мы начинаем с причалов и складов», — сказал Петров.",
    "Планы и сроки",
    "По словам главного инженера Марии Соколовой, реконструкция займёт 18 месяцев. "
    "Соколова отметила, что грузооборот вырастет на 15%.",
    "Петров добавил, что первые работы начнутся 1 марта.",
    "Что дальше",
    "Мэр города Олег Смирнов назвал проект «важным шагом для всего региона».",
]
SECTION_TITLES = {3: "Планы и сроки", 6: "Что дальше"}


def sample_document() -> Document:
    text = "\n\n".join(PARAGRAPHS) + "\n"
    starts = []
    pos = 0
    for p in PARAGRAPHS:
        starts.append(pos)
        pos += len(p) + 2
    section_starts = [0] + [starts[i] for i in SECTION_TITLES]
    section_titles = [None, *SECTION_TITLES.values()]
    sections = [
        Section(title=t, start=s, end=(section_starts[i + 1] if i + 1 < len(section_starts) else len(text)),
                level=0 if t is None else 1)
        for i, (t, s) in enumerate(zip(section_titles, section_starts, strict=True))
    ]

    def section_of(offset: int) -> int:
        return max(i for i, s in enumerate(sections) if s.start <= offset)

    paragraphs = [Paragraph(s, s + len(p), section_of(s)) for s, p in zip(starts, PARAGRAPHS, strict=True)]
    sentences: list[Sentence] = []
    for index, (s, p) in enumerate(zip(starts, PARAGRAPHS, strict=True)):
        offset = 0
        for part in p.replace(". «", ".\x00«").replace("». ", "».\x00").replace("в. С", "в.\x00С").split("\x00"):
            sentences.append(Sentence(s + offset, s + offset + len(part), index))
            offset += len(part) + 1

    def span(needle: str, after: int = 0) -> tuple[int, int]:
        i = text.index(needle, after)
        return i, i + len(needle)

    def mentions(*names: str) -> list[Span]:
        found = []
        for name in names:
            i = text.find(name)
            while i >= 0:
                found.append(Span(i, i + len(name)))
                i = text.find(name, i + len(name))
        return sorted(found, key=lambda m: m.start)

    def sentence_of(offset: int) -> int:
        return max(i for i, s in enumerate(sentences) if s.start <= offset)

    def statement(speaker: str, needle: str, kind: str, cue: str) -> Statement:
        s, e = span(needle)
        return Statement(speaker, s, e, sentence_of(s), kind, cue)

    speakers = [
        Speaker("petrov", "Иван Петров", ["Петров"], mentions("Иван Петров", "Петров,", "Петров д")),
        Speaker("sokolova", "Мария Соколова", ["Соколова"], mentions("Марии Соколовой", "Соколова")),
        Speaker("smirnov", "Олег Смирнов", ["Смирнов"], mentions("Олег Смирнов")),
    ]
    for sp in speakers:  # mentions("Петров,") etc. found prefixes: trim to the name itself
        sp.mentions = [Span(m.start, m.start + len(text[m.start:m.end].rstrip(", д"))) for m in sp.mentions]
    statements = [
        statement("petrov", "Как заявил генеральный директор Иван Петров, объём инвестиций составит 12 млрд рублей.",
                  "indirect", "заявил"),
        statement("petrov", "«Мы начинаем с причалов и складов», — сказал Петров.", "direct", "сказал"),
        statement("sokolova", "По словам главного инженера Марии Соколовой, реконструкция займёт 18 месяцев.",
                  "indirect", "по словам"),
        statement("sokolova", "Соколова отметила, что грузооборот вырастет на 15%.", "indirect", "отметила"),
        statement("petrov", "Петров добавил, что первые работы начнутся 1 марта.", "indirect", "добавил"),
        statement("smirnov", "Мэр города Олег Смирнов назвал проект «важным шагом для всего региона».",
                  "indirect", "назвал"),
    ]
    quotes = [Quote(*span("«Мы начинаем с причалов и складов»"), "petrov"),
              Quote(*span("«важным шагом для всего региона»"), "smirnov")]
    numbers = [
        Number(*span("на 2026 год"), "year", 2026, None),
        Number(*span("12 млрд рублей"), "money", 12e9, "RUB"),
        Number(*span("18 месяцев"), "duration", 18, "month"),
        Number(*span("на 15%"), "percent", 15, "%"),
        Number(*span("1 марта"), "date", None, None),
    ]
    return Document(
        text=text, source=Source(path="sample.txt", sha256=None, encoding="utf-8", format="text"), title=TITLE,
        sections=sections, paragraphs=paragraphs, sentences=sentences, speakers=speakers,
        statements=statements, quotes=quotes, numbers=numbers, analysis=Analysis(level="full"),
    )


def structure_only(doc: Document) -> Document:
    """The same text with only the structure pass's fields (what the app shows first)."""
    return Document(text=doc.text, source=doc.source, title=doc.title, sections=doc.sections,
                    paragraphs=doc.paragraphs, sentences=doc.sentences, analysis=Analysis(level="structure"))
