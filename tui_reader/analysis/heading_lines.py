"""What a single standalone line is: heading-shaped, prose, or one of the lines that
look like headings and are not.

The shape: short, no final period, not a date, a URL, a list item or a quoted remark
(``heading_candidate``); the prose a heading can stand over (``prose``).

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui_reader.model import Document, Paragraph

DATA_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.toml"
_MONTHS = "январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр"

MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16
WIKI = re.compile(r"^(={2,6})\s*(.*?)\s*\1$")
LETTER = re.compile(r"[^\W\d_]")
NUMBERING = re.compile(r"^(?:[IVXLCDM]+|\d{1,3})\.?$")
ROMAN = re.compile(r"^[IVXLCDM]+\.?$")
CHAPTER = re.compile(r"^(?:глава|часть|том|раздел|chapter|part)\s+\S+\.?$", re.I)
DATE_LINE = re.compile(
    rf"^(?:\w+,\s*)?\d{{1,2}}\s+(?:{_MONTHS})\w*\.?(?:\s+\d{{4}})?(?:\s+(?:года|г\.))?(?:,?\s+\d{{1,2}}:\d{{2}})?$"
    r"|^[\d./:\-\s]+$", re.I)
URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_INNER_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?…]+\s+[«\"„“]?[A-ZА-ЯЁ]")
_LIST_MARKER = re.compile(r"^(?:\d{1,3}|[a-zа-я])\)\s")
_OPENING_QUOTES = "«„“\"'"
DASHES = "-–—•*·"

# What a line that is not a heading is (none of them parts a heading from its text):
BOILERPLATE = "boilerplate"  # site chrome, a photo credit
FEED = "feed"  # an item of a news feed
LINKS = "links"  # introduces a list of links: the short lines after it are not headings


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


# A whole line in quotes, a phrase with no stop inside: «Никаких гарантий нет».
_QUOTED_PHRASE = re.compile(r'^(?:«[^«»]+»|„[^„“]+“|“[^“”]+”|"[^"]+")$')
MAX_QUOTED_HEADING_WORDS = 8


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any boilerplate line, a line that introduces links), each a whole-line pattern."""
    with open(DATA_FILE, "rb") as f:
        data = tomllib.load(f)

    def union(entries: list[dict[str, str]]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{e['pattern']})" for e in entries) or r"(?!)", re.I)

    return union(data.get("line", [])), union(data.get("links", []))


def _bare(line: str) -> str:
    return line.strip().rstrip(":").strip()


def boilerplate(line: str) -> str | None:
    """BOILERPLATE for a line of site chrome, LINKS for a 'see also' line, else None."""
    bare = _bare(line)
    if not bare or len(bare) > 300:
        return None
    lines, links = _boilerplate()
    if links.fullmatch(bare):
        return LINKS
    return BOILERPLATE if lines.fullmatch(bare) else None


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


def quoted_phrase(line: str) -> bool:
    """A short phrase wholly in quotes with no stop or comma inside: a subheading that
    quotes someone («Никаких гарантий нет»), not a quoted remark («Мы победим!», «Я
    устал.», «Это, конечно, не значит, что …»), which has its own stop or clauses."""
    line = line.strip()
    if not _QUOTED_PHRASE.match(line):
        return False
    inner = line[1:-1].strip()
    return bool(inner) and not any(c in inner for c in ".,;:!?…") and len(inner.split()) <= MAX_QUOTED_HEADING_WORDS


def not_a_heading(line: str) -> str | None:
    """Why a standalone line that looks like a heading is none, whatever stands around
    it: FEED, BOILERPLATE, LINKS, or None when it may be a heading."""
    if feed_item(line):
        return FEED
    return boilerplate(line)


def paragraph_roles(doc: Document) -> dict[int, str]:
    """What the paragraphs of an analysed ``Document`` that are not body text are:
    paragraph index → "title" (the headline), "kicker" (a short line over it),
    "heading" (a section's heading line: Markdown ``##``, wiki ``== … ==`` or an
    implicit one), "caption" (a bare name glued to a paragraph or under the
    headline), FEED or BOILERPLATE.  Later passes (who said what) skip or weigh them."""
    text, paragraphs = doc.text, doc.paragraphs
    out: dict[int, str] = {}
    k = 0
    for sec in doc.sections:
        while sec.title and k < len(paragraphs) and paragraphs[k].start < sec.start:
            k += 1
        if sec.title and k < len(paragraphs) and paragraphs[k].start < sec.end:
            out[k] = "heading"
    title_at = None
    for k, para in enumerate(paragraphs[:12]):
        if doc.title and k not in out and " ".join(text[para.start:para.end].split()) == doc.title:
            out[k] = "title"
            title_at = k
            break
    kicker = _single(text, paragraphs[title_at - 1]) if title_at else None
    if kicker and title_at and title_at - 1 not in out and 2 <= len(kicker.split()) <= 3 and not any(c.isdigit() for c in kicker):
        out[title_at - 1] = "kicker"
    for k, para in enumerate(paragraphs):
        line = _single(text, para)
        if k in out or line is None or len(line) > 300:
            continue
        role = not_a_heading(line)
        if role in (FEED, BOILERPLATE):
            out[k] = role
        elif bare_name(line) and ((k - 1 in out and out[k - 1] == "title")
                                  or (k + 1 < len(paragraphs) and "\n\n" not in text[para.end:paragraphs[k + 1].start])):
            out[k] = "caption"
    return out


def _single(text: str, para: Paragraph) -> str | None:
    line = text[para.start:para.end]
    return None if "\n" in line else line


def chapter_line(line: str, arabic: bool = True) -> bool:
    """«IV.», «Глава 3», «ЧАСТЬ ПЕРВАЯ» (and «12» unless ``arabic`` is False:
    inside a novel's block a bare number is a page or footnote mark)."""
    line = line.strip()
    if CHAPTER.match(line) or ROMAN.match(line):
        return True
    return arabic and bool(NUMBERING.match(line))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clean(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip()


def single_line(text: str, span: tuple[int, int]) -> str | None:
    line = text[span[0]:span[1]]
    return None if "\n" in line else line


def heading_candidate(line: str) -> bool:
    """A short standalone line that could title the text below it."""
    line = line.strip()
    if not line or len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return False
    if NUMBERING.match(line) or CHAPTER.match(line):
        return True  # "I.", "XII", "Глава 3"
    if not LETTER.search(line) or DATE_LINE.match(line) or URL.match(line):
        return False
    if line[0] in DASHES or line[0].islower():
        return False
    core = line.rstrip(")]>»“\"'")
    if not core or core[-1] in ".,;:!…([<" or line[0] in "([<":
        return False  # ends like a sentence (or an exclamation in a story), or a bracketed note
    if _INNER_SENTENCE_END.search(line):
        return False  # two sentences: prose, not a heading
    if line[0] in _OPENING_QUOTES and not quoted_phrase(line) \
            and (line[-1] in "»“\"'" or not any(q in line[1:] for q in "»“\"'")):
        return False  # a quoted remark (or a line of a quoted verse) on its own line
    return not _LIST_MARKER.match(line)  # a list item is no heading


def prose(line: str) -> bool:
    """Ordinary text a heading can stand over: not a date, a number or a URL."""
    stripped = line.strip()
    if not LETTER.search(stripped) or DATE_LINE.match(stripped) or URL.match(stripped):
        return False
    return len(stripped.split()) >= 3 or stripped[-1:] in ".!?…»\""
