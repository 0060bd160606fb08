"""Standalone lines that look like headings and are not.

A web page copied as text leaves lines of its own around and inside the article:
site boilerplate ("Обновлено: 19.01.2021", "Нашли ошибку?", "Реклама"), photo
captions and credits, the items of a news feed, the questions of an interview.
Each is short, has no final period and sits over ordinary prose: the shape of a
heading.  The functions here tell them apart by what they say, not by where
they stand, with regular expressions only (this runs before the first paint).

The boilerplate phrases are data, in ``data/boilerplate.toml``, with a comment
saying why each is there.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.toml"

SKIP = "skip"  # not a heading, and no break between a heading and its text
LINKS = "links"  # introduces a list of links: the short lines after it are not headings


_MONTHS = "январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр"
# A news-feed item opens with its time: "12:30 …", "31.01, 20:56 …", "Вчера, 09:15 …",
# "3 мая 2021, 10:00 …", "31.01.2021 В Москве …" (a full date alone is enough).
_FEED_ITEM = re.compile(
    rf"^(?:(?:(?:сегодня|вчера)\s*,?\s*|\d{{1,2}}[./]\d{{1,2}}(?:[./]\d{{2,4}})?\s*,?\s*|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\w*(?:\s+\d{{4}})?\s*,?\s*)(?:в\s+)?)?\d{{1,2}}:\d{{2}}\b\s*[-–—|]?\s*\w"
    r"|^\d{1,2}\.\d{1,2}\.\d{4}\s*[-–—|,]?\s*[^\W\d_]", re.I)


# A person's name and nothing else: "Иван Петров", "И. Петров", "Урсула фон дер Ляйен".
_NAME_WORD = r"(?:[A-ZА-ЯЁ][a-zа-яё']+(?:-[A-ZА-ЯЁ][a-zа-яё']+)?|[A-ZА-ЯЁ]\.)"
_PARTICLE = r"(?:фон|дер|де|ван|ди|да|дю|ла|ле|аль|эль|бен|бин|ибн|van|von|der|de|di|da|le|la|al|bin|ben)"
_BARE_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,3}}$")
# ... unless its first word is an adjective: "Свободный Эрик", "Северная Корея", "Русский Север".
_ADJECTIVE = re.compile(r"^\w+(?:ый|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ский|цкий|жий|ший|щий|чий|кий|гий|хий)\b", re.I)


# Interviews.  A question is put by a labelled side ("Корреспондент: …?", "В.: …?"), or to
# someone in the second person ("Как вы оцениваете …?", "Расскажите, …?"); the answer
# under it opens in the first person ("Я думаю …", "Нам удалось …") or with a dash.
_LABEL = re.compile(r"^[A-ZА-ЯЁ][\w.-]*(?:\s+[\w.-]+){0,2}\s*:\s+\S")
_SECOND_PERSON = re.compile(
    r"\b(?:вы|вас|вам|вами|ваш\w*|ты|тебя|тебе|тобой|тво[йяеёи]\w*)\b|^\w+(?:ите|йте)(?:сь)?\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:я|мы|мне|меня|мной|нам|нас|нами|мо[йяеёи]\w*|наш\w*)\b", re.I)
_ANSWER_OPENING = re.compile(r"^(?:[-–—]\s|(?:да|нет|конечно|безусловно|разумеется)\b)", re.I)
_ANSWER_WORDS = 6  # the first person must show in the answer's first words


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any boilerplate line, a line that introduces links), each a whole-line pattern."""
    with open(DATA_FILE, "rb") as f:
        data = tomllib.load(f)

    def union(entries: list[dict]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{e['pattern']})" for e in entries) or r"(?!)", re.I)

    return union(data.get("line", [])), union(data.get("links", []))


def _bare(line: str) -> str:
    return line.strip().rstrip(":").strip()


def boilerplate(line: str) -> str | None:
    """SKIP for a line of site boilerplate, LINKS for a 'see also' line, else None."""
    bare = _bare(line)
    if not bare or len(bare) > 300:
        return None
    lines, links = _boilerplate()
    if links.fullmatch(bare):
        return LINKS
    return SKIP if lines.fullmatch(bare) else None


def feed_item(line: str) -> bool:
    """An item of a news feed or a live blog: a line that opens with a time stamp
    ("12:30 Мэр: …").  A digest of such items is a list of other news, not the
    text's sections."""
    return bool(_FEED_ITEM.match(line.strip()))


def bare_name(line: str) -> bool:
    """A line that is only a person's name: under a photo it is the caption, under a
    headline the byline; it titles nothing."""
    line = line.strip()
    return bool(_BARE_NAME.match(line)) and not _ADJECTIVE.match(line)


def interview_question(line: str, answer: str) -> bool:
    """A question of an interview, followed by its ``answer`` (the next paragraph): a
    question line is a heading only when the text under it does not answer it."""
    line = line.strip()
    if not line.rstrip("»\"”)").endswith("?"):
        return False
    if _LABEL.match(line) or _SECOND_PERSON.search(line):
        return True
    answer = answer.lstrip()
    opening = " ".join(answer.split()[:_ANSWER_WORDS])
    return bool(_ANSWER_OPENING.match(answer) or _FIRST_PERSON.search(opening))


def not_a_heading(line: str) -> str | None:
    """Why a standalone line that looks like a heading is none: SKIP, LINKS or None."""
    if feed_item(line):
        return SKIP
    return boilerplate(line)
