"""People in a text: one record per person for all the forms of their name,
the titles the text gives them, and the office-holder data file.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui_reader.analysis.entities import NamedSpan

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "office_holders.toml"


@dataclass(slots=True)
class Person:
    id: str
    keys: list[str]  # the fullest name's word keys, e.g. ["владимир", "путин"]
    gender: str | None = None
    mentions: list[NamedSpan] = field(default_factory=list)
    titles: list[tuple[frozenset[str], int]] = field(default_factory=list)  # ({"президент", "россия"}, offset)
    title_refs: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, surface) title mentions
    name_override: str | None = None  # from the data file, when the text never names the person

    @property
    def surname(self) -> str:
        return self.keys[-1]

    def accepts(self, keys: tuple[str, ...]) -> bool:
        """Could a mention with these word keys be this person?"""
        if len(keys) == 1:
            return any(same_name(keys[0], k) for k in self.keys)
        if len(self.keys) == 1:
            return any(same_name(self.keys[0], k) for k in keys)
        # both have several words: every word of the shorter name must be one of the longer's,
        # in any order ('Сурков Владислав Юрьевич' and 'Владислав Сурков'; 'Виктор Фёдорович' and
        # 'Виктор Фёдорович Янковский'), so 'Уоррен Баффет' and 'Говард Баффет' are two people;
        # an initial stands for any first name it begins ('А. Смирнова', 'Анна Смирнова')
        short, long = sorted((list(keys), list(self.keys)), key=len)
        return all(any(same_first_name(a, b) for b in long) for a in short)

    def last_mention_before(self, pos: int) -> int:
        best = -1
        for m in self.mentions:
            if m.start < pos:
                best = max(best, m.start)
        for start, _, _ in self.title_refs:
            if start < pos:
                best = max(best, start)
        return best


# Case endings the dictionary fails to strip from names it does not know ('Радда' → 'Радд').
NAME_ENDINGS = ("а", "я", "у", "ю", "ом", "ем", "е", "ы", "и", "ой", "ым", "ой")


def same_name(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long.startswith(short) and long[len(short):] in NAME_ENDINGS


def same_first_name(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return same_name(a, b)


def gender_fits(person_gender: str | None, wanted: str | None) -> bool:
    return wanted is None or person_gender is None or person_gender == wanted


def cluster_people(spans: list[NamedSpan]) -> list[Person]:
    """Group PER mentions into people: 'Владимир Путин', 'Путин', 'Путина' are one."""
    people: list[Person] = []
    last_seen: dict[str, int] = {}
    by_prefix: dict[str, list[Person]] = {}  # first letters of any name word → people (a novel has hundreds)
    for span in spans:
        if span.type != "PER" or not span.keys:
            continue
        pool = {id(p): p for k in span.keys for p in by_prefix.get(k[:3], ())}.values()
        candidates = [p for p in pool if p.accepts(span.keys)]
        if candidates:
            person = max(candidates, key=lambda p: last_seen.get(p.id, -1))
            if len(span.keys) > len(person.keys):
                person.keys = list(span.keys)
        else:
            person = Person(id=f"p{len(people) + 1}", keys=list(span.keys))
            people.append(person)
        for k in person.keys:
            group = by_prefix.setdefault(k[:3], [])
            if not any(q is person for q in group):
                group.append(person)
        person.mentions.append(span)
        if span.gender and (person.gender is None or len(span.keys) > 1):
            person.gender = span.gender
        last_seen[person.id] = span.start
    return people


def display_name(person: Person, text: str | None = None) -> str:
    """The fullest nominative form seen ('Владимир Путин'), capitalised even when the text
    is not ('кость бондаренко')."""
    if person.name_override and not person.mentions:
        return person.name_override  # from the data file, or a user name ('zyalt'): as written
    name = without_transcription(_display_name(person, text))
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" ")) if name.islower() else name


def without_transcription(name: str) -> str:
    """'Питер Пиот Peter Piot' → 'Питер Пиот': the original spelling the text gave in brackets
    (and the tagger ran into the name) is not part of the Russian name."""
    words = name.split(" ")
    cyrillic = [w for w in words if any("а" <= c.lower() <= "я" or c in "ёЁ" for c in w)]
    return " ".join(cyrillic) if cyrillic and len(cyrillic) < len(words) else name


def _display_name(person: Person, text: str | None) -> str:
    if person.name_override and not person.mentions:
        return person.name_override
    best = None
    for m in person.mentions:
        score = (len(m.keys), m.nominative >= 0.5, m.nominative)
        if best is None or score > best[0]:
            best = (score, m)
    if best is None:
        return person.name_override or ""
    m = best[1]
    if text is not None and m.nominative < 0.5 and len(m.keys) > 1:
        return _from_nominative_parts(person, m, text) or m.normal
    return m.normal


def _from_nominative_parts(person: Person, m: NamedSpan, text: str) -> str | None:
    """'Эдера Маседу' (genitive) beside 'Эдер' (nominative) → 'Эдер Маседу'.

    The dictionary guesses foreign names badly ('Маседу' → 'Масед').  When the text also gives
    the first name alone in the nominative, the ending it lost ('-а') is the case ending: a
    surname without that ending does not decline and stays as written.
    """
    from tui_reader.analysis.names import WORD

    words = WORD.findall(text[m.start:m.end])
    normal = m.normal.split(" ")
    if len(words) != len(m.keys) or len(normal) != len(words):
        return None
    first = next((text[k.start:k.end] for k in person.mentions
                  if len(k.keys) == 1 and k.nominative >= 0.3 and same_name(k.keys[0], m.keys[0])), None)
    if first is None or not words[0].lower().startswith(first.lower()) or len(words[0]) == len(first):
        return None
    ending = words[0][len(first):].lower()
    out = [first]
    for word, guess in zip(words[1:], normal[1:]):
        out.append(guess if word.lower().endswith(ending) else word)
    return " ".join(out)


# --- titles ----------------------------------------------------------------------

# Ways of writing the same office, as lemma sets: the left one is rewritten to the right one
# before titles are compared, so 'министр иностранных дел Украины' answers to 'глава МИД'.
EQUIVALENT_TITLES: list[tuple[frozenset[str], frozenset[str]]] = [
    (frozenset(a.split()), frozenset(b.split())) for a, b in (
        ("министр иностранный дело", "глава мид"),
        ("руководитель мид", "глава мид"),
        ("министерство иностранный дело", "мид"),
        ("премьер-министр", "премьер"),
        ("председатель правительство", "премьер"),
        ("глава правительство", "премьер"),
        ("генсек", "генеральный секретарь"),
        ("внешнеполитический ведомство", "мид"),
        ("руководитель мид", "глава мид"),
        ("руководитель правительство", "премьер"),
        ("гендиректор", "генеральный директор"),
    )
]


def title_key(lemmas: frozenset[str]) -> frozenset[str]:
    for source, target in EQUIVALENT_TITLES:
        if source <= lemmas:
            lemmas = (lemmas - source) | target
    return lemmas


# --- office holders ------------------------------------------------------------


def lemma_set(phrase: str) -> frozenset[str]:
    from tui_reader.analysis.speakers.cues import tokens_of

    return frozenset(t.lemma for t in tokens_of(phrase, 0, len(phrase)) if t.text[:1].isalnum())


@functools.lru_cache(maxsize=1)
def office_holders() -> dict[frozenset[str], str]:
    """Title lemma set → holder's name, from the editable data file."""
    try:
        data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    table: dict[frozenset[str], str] = {}
    for holder in data.get("holder", []):
        name = holder.get("name")
        for title in holder.get("titles", []):
            if name and title:
                table[title_key(lemma_set(title))] = name
    return table
