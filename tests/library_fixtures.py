"""Small articles of our own for the library tests (never corpus text), and helpers."""
from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "budget.txt": """Правительство обсудило бюджет

2024-03-15

Министр финансов Антон Силуанов заявил, что расходы бюджета вырастут на 5%.
«Мы сохраним поддержку регионов», — сказал Антон Силуанов журналистам.
По словам Силуанова, на дороги выделят 120 млрд рублей.
""",
    "summit.txt": """Лидеры встретились в Минске

12 апреля 2024 года

Президент Белоруссии Александр Лукашенко заявил, что договор о союзном государстве будет продлён.
«Договор работает, и мы его продлим», — сказал Александр Лукашенко.
Глава МИД Сергей Лавров сообщил, что переговоры продолжатся в мае.
""",
    "port.txt": """Порт увеличил грузооборот

2024-05-20

Директор порта Иван Сидоров заявил, что грузооборот вырос на 12%.
«Мы ждём новых судов в июне», — сказал Иван Сидоров.
Лукашенко заявил, что белорусские грузы пойдут через порт.
""",
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def many_articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct short articles (each says something different)."""
    articles = {}
    for i in range(count):
        articles[f"note-{i:03}.txt"] = (f"Заметка номер {i}\n\n2024-01-{i % 28 + 1:02}\n\n"
                                        f"Министр Пётр Иванов заявил, что построят {i + 3} новых моста.\n"
                                        f"«Работы начнутся весной», — сказал Пётр Иванов.\n")
    return write_articles(folder, articles)


# --- a library built from hand-made models (no analysis: stable screens, fast tests) ---

HAND_MADE = [
    # (file name, date, headline, [(speaker name, statement sentence)], [(figure, kind, value, unit)])
    ("budget.txt", "2024-03-15", "Правительство обсудило бюджет",
     [("Антон Силуанов", "Антон Силуанов заявил, что расходы бюджета вырастут."),
      ("Антон Силуанов", "Силуанов пообещал поддержку регионам.")],
     [("120 млрд рублей", "money", 120e9, "RUB"), ("5%", "percent", 5.0, None)]),
    ("summit.txt", "2024-04-12", "Лидеры встретились в Минске",
     [("Александр Лукашенко", "Александр Лукашенко заявил, что договор о союзном государстве продлят."),
      ("Сергей Лавров", "Сергей Лавров сообщил, что переговоры продолжатся.")],
     [("2 млрд долларов", "money", 2e9, "USD")]),
    ("port.txt", "2024-05-20", "Порт увеличил грузооборот",
     [("Иван Сидоров", "Иван Сидоров заявил, что грузооборот вырос."),
      ("Лукашенко", "Лукашенко заявил, что грузы пойдут через порт.")],
     [("12%", "percent", 12.0, None)]),
]


def hand_made_document(name: str, date: str, title: str, said, figures):
    from tui_reader.model import Document, Number, Paragraph, Section, Sentence, Source, Speaker, Statement
    from tui_reader.search.index import build_index

    lines = [title, date] + [sentence for _who, sentence in said] + [
        f"По данным отчёта, показатель составил {figure}." for figure, *_ in figures]
    text = "\n\n".join(lines) + "\n"
    doc = Document(text=text, source=Source(path=name, sha256=None, format="text"), title=title)
    pos = 0
    for i, line in enumerate(lines):
        doc.paragraphs.append(Paragraph(pos, pos + len(line), 0))
        doc.sentences.append(Sentence(pos, pos + len(line), i))
        pos += len(line) + 2
    doc.sections = [Section(None, 0, len(text), 0)]
    ids: dict[str, str] = {}
    for k, (who, sentence) in enumerate(said):
        if who not in ids:
            ids[who] = f"s{len(ids)}"
            doc.speakers.append(Speaker(id=ids[who], name=who))
        start = text.index(sentence)
        doc.statements.append(Statement(speaker=ids[who], start=start, end=start + len(sentence), sentence=k + 2,
                                        kind="indirect", cue="заявил"))
    for figure, kind, value, unit in figures:
        start = text.index(figure)
        doc.numbers.append(Number(start, start + len(figure), kind, value, unit))
    doc.index = build_index(text)
    return doc


def build_hand_made_library(folder: Path, db_path: Path):
    """The three hand-made articles: files in ``folder``, models in the cache, rows in the database."""
    import hashlib

    from tui_reader.library import db
    from tui_reader.library.meta import ArticleMeta
    from tui_reader.library.records import build_record
    from tui_reader.library.store import store_record
    from tui_reader.pipeline import MODEL_VERSION
    from tui_reader.store import cache

    folder.mkdir(parents=True, exist_ok=True)
    conn = db.connect(db_path)
    for name, date, title, said, figures in HAND_MADE:
        doc = hand_made_document(name, date, title, said, figures)
        data = doc.text.encode("utf-8")
        path = folder / name
        path.write_bytes(data)
        doc.source.path = str(path)
        doc.source.sha256 = hashlib.sha256(data).hexdigest()
        key = cache.cache_key(doc.source.sha256, suffix=".txt")
        doc.analysis.version = "hand-made"
        cache.save(key, doc, {"heading_hints": None, "notes": []}, version=MODEL_VERSION)
        record = build_record(doc, cache_key=key, meta=ArticleMeta(date, "text", "hand"), size=len(data), mtime=None)
        store_record(conn, record)
    return conn
