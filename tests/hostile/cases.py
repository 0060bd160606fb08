"""Hostile and broken inputs, generated at test time from our own words (no corpus text).

Each generator returns bytes; ``write_case`` puts one in a file whose name the
tests pick.  Sizes are kept as small as still shows the problem, so the battery
stays quick.
"""
from __future__ import annotations

import random

WORDS = ("президент заявил что переговоры в москве прошли успешно министр сообщил журналистам "
         "стороны договорились о сотрудничестве в области энергетики правительство рассмотрит "
         "вопрос бюджета на следующий год эксперты считают Путин Лукашенко Москва Минск").split()

ESC = "\x1b"
# Sets the terminal's title, puts "pwned" on the clipboard (OSC 52), rings the bell.
TERMINAL_ATTACK = f"{ESC}]0;HACKED-TITLE\a{ESC}]52;c;cHduZWQ=\a{ESC}[2J\a"


def russian_words(count: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(WORDS) for _ in range(count))


def no_punctuation(size: int) -> bytes:
    """Russian words and spaces only: one "sentence" of ``size`` bytes or so."""
    return russian_words(size // 12).encode()


def markup_without_sentence_ends(size: int) -> bytes:
    """Tags around short runs of words, "Путин заявил" again and again, never a full stop."""
    unit = "<span>" + russian_words(3) + " Путин заявил</span> "
    return (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode("utf-8", "ignore").encode()


def article(title: str = "Заголовок статьи") -> str:
    return (f"{title}\n\nПрезидент России Владимир Путин заявил журналистам, что переговоры прошли успешно. "
            "«Мы договорились о главном», — сказал он.\n\nМинистр сообщил, что бюджет вырастет на 5%.\n")


def escapes_in_text() -> bytes:
    return article(f"Заголовок {TERMINAL_ATTACK} статьи").replace("главном", f"главном{TERMINAL_ATTACK}").encode()


def nested_divs(depth: int = 10_000) -> bytes:
    para = "<p>Президент заявил журналистам, что переговоры в Москве прошли успешно и стороны довольны.</p>"
    return ("<html><body>" + "<div>" * depth + para + "</div>" * depth + "</body></html>").encode()


def nested_markdown_list(depth: int = 3_000) -> bytes:
    lines = [("  " * i) + f"- пункт номер {i}" for i in range(depth)]
    return ("# Заголовок\n\n" + "\n".join(lines) + "\n").encode()


def nested_blockquote(depth: int = 10_000) -> bytes:
    return ("# Заголовок\n\n" + ">" * depth + " Президент заявил, что всё хорошо.\n").encode()


def huge_number() -> bytes:
    return article().replace("на 5%", "на " + "9" * 330 + " рублей").encode()


def mixed_encodings() -> bytes:
    return "Заголовок\n\n".encode() + article().encode("cp1251") + "Министр сообщил о бюджете.\n".encode()


def invisible_names() -> bytes:
    return article().replace("Владимир Путин", "Владимир Пут\u200bин\u202e").encode()


def late_nul() -> bytes:
    return (article() * 400).encode() + b"\x00"


def javascript_links() -> bytes:
    return article().replace("главном", "главном [жми](javascript:alert(1)) <script>x</script>").encode()


# name → (file name, bytes, what the CLI must do: "read" (exit 0) or "refuse" (one line, exit 2))
BATTERY = {
    "endless-sentence": ("words.txt", lambda: no_punctuation(200_000), "read"),
    "markup-no-ends": ("markup.txt", lambda: markup_without_sentence_ends(40_000), "read"),
    "terminal-escapes": ("escapes.txt", escapes_in_text, "read"),
    "nested-divs": ("divs.html", nested_divs, "read"),
    "nested-list": ("list.md", nested_markdown_list, "read"),
    "nested-quotes": ("quotes.md", nested_blockquote, "read"),
    "huge-number": ("number.txt", huge_number, "read"),
    "mixed-encodings": ("mixed.txt", mixed_encodings, "read"),
    "invisible-names": ("names.txt", invisible_names, "read"),
    "javascript-links": ("links.md", javascript_links, "read"),
    "late-nul": ("nul.txt", late_nul, "refuse"),
}
