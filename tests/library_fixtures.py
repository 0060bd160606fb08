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
