"""Named entities (PER/LOC/ORG) with nominative normal forms.

The NER model runs on ``doc.sentences`` (the structure pass already split
paragraphs, so blank lines are real boundaries) rather than on the raw text.
Person names are normalised word by word with the morphology dictionary
(``names``); places and organisations by their head noun (``normal_phrase``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from tui_reader.analysis.names import (
    NAME_GRAMS,
    PROPER_GRAMS,
    WORD,
    name_gender,
    name_key,
    name_parse,
    nominative_share,
    normal_person,
    restore_case,
)
from tui_reader.analysis.structure import written_in_lower_case
from tui_reader.model import Document, Entity, EntityType
from tui_reader.morph import word_parses


@dataclass(slots=True)
class NamedSpan:
    """One entity occurrence plus what the speaker analysis needs to know about it."""

    start: int
    end: int
    type: EntityType
    normal: str
    sentence: int
    keys: tuple[str, ...] = ()  # lower-case lemmas of the name's words ("путин",) / ("владимир", "путин")
    gender: str | None = None  # "masc", "femn" or None when the words do not tell
    nominative: float = 0.0  # how sure we are the surface form is already nominative (0..1)


def sentences_before(doc: Document, limit: int | None) -> list[int]:
    """Indices of the sentences to analyse (those that end before ``limit``)."""
    if limit is None:
        return list(range(len(doc.sentences)))
    return [i for i, s in enumerate(doc.sentences) if s.end <= limit]


CAPITALISED = re.compile(r"(?<![\w-])[A-ZА-ЯЁ]")
FIRST_WORD = re.compile(r"[\W\d_]*([^\W\d_]+)")


def may_name(sentence: str) -> bool:
    """Could the sentence contain a name?  Names are capitalised; a sentence whose only capital
    starts a common word ('Вчера стало известно…') cannot, and the NER model is the slowest
    step, so such sentences skip it."""
    caps = [m.start() for m in CAPITALISED.finditer(sentence)]
    if not caps:
        return False
    first = FIRST_WORD.match(sentence)
    if len(caps) > 1 or first is None or caps[0] != first.start(1):
        return True
    parses = word_parses(first.group(1))
    return not parses or any(g in p.tag for p in parses[:2] for g in PROPER_GRAMS + ("Abbr", "UNKN", "LATN"))


def tag_sentences(doc: Document, indices: list[int]) -> list[NamedSpan]:
    """Run the NER model on the chosen sentences; spans come back in text order."""
    from tui_reader.analysis.nlp import models

    lower_case = written_in_lower_case(doc.text)
    if not lower_case:
        # (a text written all in lower case gets no shortcut: its names are not capitalised)
        indices = [i for i in indices if may_name(doc.text[doc.sentences[i].start:doc.sentences[i].end])]
    if not indices:
        return []
    ner = models().ner
    # Batches of similar length waste less padding: sort, tag, then restore order.
    order = sorted(indices, key=lambda i: doc.sentences[i].end - doc.sentences[i].start)
    texts = [doc.text[doc.sentences[i].start:doc.sentences[i].end] for i in order]
    if lower_case:
        texts = [capitalise_names(t) for t in texts]
    found: list[NamedSpan] = []
    for idx, markup in zip(order, ner.map(texts)):
        base = doc.sentences[idx].start
        for span in markup.spans:
            start, end = trim(doc.text, base + span.start, base + span.stop)
            if end > start:
                found.append(NamedSpan(start, end, span.type, "", idx))
    found.sort(key=lambda s: s.start)
    found = join_split_names(doc.text, split_glued_names(doc.text, found))
    for span in found:
        describe(doc.text[span.start:span.end], span)
        if lower_case and span.type in ("PER", "LOC"):
            span.normal = " ".join(w[:1].upper() + w[1:] for w in span.normal.split(" "))
    return found


LOWER_WORD = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")


def capitalise_names(sentence: str) -> str:
    """A lower-case text ('мэру киева леониду черновецкому') gives the tagger nothing to go on:
    capitalise the words the dictionary reads as names and places first, and the sentence's
    first word.  Same length, so the offsets stay valid."""
    out = list(sentence)
    for n, m in enumerate(LOWER_WORD.finditer(sentence)):
        parses = word_parses(m.group())
        if n == 0 or (parses and any(g in parses[0].tag for g in NAME_GRAMS + ("Geox", "Orgn"))):
            out[m.start()] = out[m.start()].upper()
    return "".join(out)


def join_split_names(text: str, spans: list[NamedSpan]) -> list[NamedSpan]:
    """'Нейл' + 'Патрик Харрис' → 'Нейл Патрик Харрис': the tagger sometimes cuts a three-word
    name after the first name.  Two PER spans one space apart are one name when the first is a
    single word and both can be in the same case ('сказал Путину Владимир Зеленский' stays two)."""
    out: list[NamedSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.type == span.type == "PER" and prev.sentence == span.sentence \
                and text[prev.end:span.start] == " " and len(WORD.findall(text[prev.start:prev.end])) == 1 \
                and len(WORD.findall(text[span.start:span.end])) <= 2 \
                and not _may_be_surname(text[prev.start:prev.end]) \
                and _cases_agree(text[prev.start:prev.end], WORD.findall(text[span.start:span.end])[0]):
            prev.end = span.end
            continue
        out.append(span)
    return out


def split_glued_names(text: str, spans: list[NamedSpan]) -> list[NamedSpan]:
    """The tagger runs a name into the next word: 'Вдруг Долохов' (an adverb opening the
    sentence), 'заявил Лавров Блинкену', 'Вера Николаем' (two names in different cases).
    Drop a leading common word; cut two names whose cases cannot agree into two spans."""
    out: list[NamedSpan] = []
    for span in spans:
        if span.type != "PER":
            out.append(span)
            continue
        words = list(WORD.finditer(text, span.start, span.end))
        while len(words) > 1 and _common_word(words[0].group()):
            words = words[1:]
            span.start = words[0].start()
        # one person's name agrees in case word by word: 'Пьера  Анна  Павловна', 'Наташу
        # Николай' are two people the tagger ran together (in a novel one such span would
        # merge them for the whole book)
        runs = [(run, [n for n in range(1, len(run)) if _two_people(run[n - 1].group(), run[n].group(), len(run))])
                for run in _capitalised_runs(words)]
        if len(runs) == 1 and runs[0][0] == words and not runs[0][1]:
            out.append(span)  # one person
            continue
        for run, cuts in runs:
            for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True):
                out.append(NamedSpan(run[a].start(), run[b - 1].end(), "PER", "", span.sentence))
    return out


# Lower-case words that belong in a name: 'Людвиг ван Бетховен', 'Омар ибн Хаттаб', 'Гасан оглы'
# (and those glued to it by a hyphen: 'Саиф уль-Малук').
NAME_PARTICLES = frozenset({"де", "да", "ди", "дю", "ла", "ле", "фон", "ван", "дер", "ибн", "бен", "бин", "аль",
                            "эль", "оглы", "кызы", "de", "da", "di", "du", "la", "le", "von", "van", "der", "bin"})


def _capitalised_runs(words: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The span's words cut at a lower-case word that is no name particle: 'Пьер увидал
    Каратаева' is two names and a verb the tagger ran together."""
    if not any(word.group()[:1].isupper() for word in words):
        return [words]  # a text written all in lower case ('любомир гузар'): no case to go by
    runs: list[list[re.Match[str]]] = [[]]
    for word in words:
        text = word.group()
        # ('уль-Малук', 'аль-Асад': a particle glued to the name by a hyphen is the name)
        if text[:1].islower() and text not in NAME_PARTICLES and not text.partition("-")[2][:1].isupper():
            runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if run]


def _two_people(a: str, b: str, length: int) -> bool:
    """Do the neighbouring words ``a`` ``b`` of a name belong to two people?  One person's name
    agrees in case word by word, so: two names of one kind whose cases cannot agree ('Вера
    Николаем', 'Лавров Блинкену'), or two words the dictionary itself knows as names (not
    guesses: a foreign surname's guessed case means nothing) with no case in common
    ('Пьера Анна Павловна', 'Наташу Николай', 'Марья Дмитриевна Пьеру')."""
    if "-" in a + b:  # 'Ливиу-Дитер': the dictionary read only the part after the hyphen
        return False
    if length == 2 and _same_kind_of_name(a, b) and not _cases_agree(a, b) \
            and not any(p.tag.case == "nomn" for p in word_parses(b)):
        return True
    ca, cb = _known_name_cases(a), _known_name_cases(b)
    return bool(ca) and bool(cb) and not ca & cb


def _known_name_cases(word: str) -> set[str]:
    """The cases of the dictionary's own (not guessed) singular name readings of ``word``."""
    return {p.tag.case for p in word_parses(word) if p.is_known and p.tag.case and p.tag.number != "plur"
            and any(g in p.tag for g in NAME_GRAMS)}


def _name_kinds(word: str) -> set[str]:
    return {g for p in word_parses(word) for g in ("Name", "Surn", "Patr") if g in p.tag}


def _common_word(word: str) -> bool:
    """A word the dictionary knows and never as a name: 'Вдруг', 'Спина', 'Отец'."""
    parses = word_parses(word)
    return bool(parses) and all(p.is_known for p in parses[:1]) \
        and not any(any(g in p.tag for g in NAME_GRAMS) for p in parses)


def _same_kind_of_name(a: str, b: str) -> bool:
    """Two first names ('Вера Николаем') or two surnames ('Лавров Блинкену'), never a first name
    and a surname or patronymic ('Михаил Розин'), which is one person's name."""
    ka, kb = _name_kinds(a), _name_kinds(b)
    if not ka or not kb or ("Name" in ka and kb & {"Surn", "Patr"}):
        return False
    return ka == kb == {"Name"} or ka == kb == {"Surn"}


def _may_be_surname(word: str) -> bool:
    """'биограф Баффета Энди Килпатрик': a surname before a name is someone else's."""
    return any("Surn" in p.tag for p in word_parses(word))


def _cases_agree(a: str, b: str) -> bool:
    def cases(word: str) -> set[str] | None:
        parses = [p for p in word_parses(word) if p.tag.case and p.tag.number != "plur"
                  and "UNKN" not in p.tag]
        named = [p for p in parses if any(g in p.tag for g in NAME_GRAMS)]
        # None: a word the dictionary cannot place ('Нейл')
        return {p.tag.case for p in (named or parses)} or None

    ca, cb = cases(a), cases(b)
    return ca is None or cb is None or bool(ca & cb)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation the tagger sometimes includes at the edges of a span."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum()):
        end -= 1
    return start, end


def describe(surface: str, span: NamedSpan, gender: str | None = None) -> None:
    """Fill ``normal``, and for persons ``keys``, ``gender`` and ``nominative``.

    ``gender``, when the caller knows it (from another mention of the same person),
    settles surnames the words alone leave open ('Ткачёвой' → 'Ткачёва', not 'Ткачёв').
    """
    if span.type == "PER":
        span.gender, span.keys, span.nominative, span.normal = _person_described(surface, gender)
    else:
        span.normal = normal_phrase(surface)


def forget() -> None:
    """Let the remembered names' descriptions go (see ``chunks.forget_words``)."""
    _person_described.cache_clear()


@lru_cache(maxsize=20_000)
def _person_described(surface: str, gender: str | None) -> tuple[str | None, tuple[str, ...], float, str]:
    """(gender, keys, nominative, normal) of a person's name as written: remembered, since a
    text names its people again and again (a novel, thousands of times)."""
    words = WORD.findall(surface)
    first_parses = [name_parse(w) for w in words]
    own = name_gender(first_parses)
    if gender and own and own != gender and not any(p is not None and ("Name" in p.tag or "Patr" in p.tag)
                                                    for p in first_parses) \
            and all(name_parse(w, gender) is not None for w in words):
        own = gender  # 'Ткачева' alone reads as either; the person's known gender decides
    gender = own or gender
    parses = [name_parse(w, gender) for w in words]
    keys = tuple(name_key(w, p) for w, p in zip(words, parses))
    shares = [nominative_share(w, gender) for w in words]
    if len(words) > 1 and parses[0] is not None and "Name" in parses[0].tag and "Fixd" not in parses[0].tag:
        # a first name tells the case of the whole name ('Михаил Розин': 'Розин' alone is
        # ambiguous, 'Михаил' is not)
        nominative = shares[0]
    else:
        nominative = min(shares, default=0.0)
    return gender, keys, nominative, normal_person(surface, words, parses, gender, nominative)


# --- places and organisations ------------------------------------------------------


def normal_phrase(surface: str) -> str:
    """Put the leading adjectives and their head noun in the nominative, keep the rest.

    'Министерства иностранных дел' → 'Министерство иностранных дел';
    'России' → 'Россия'; names in quotes or Latin script stay as written.
    """
    tokens = re.split(r"(\s+)", surface)
    words = [i for i, t in enumerate(tokens) if t.strip()]
    # The head is the first noun among the leading words; adjectives before it agree with it.
    head = None
    for i in words:
        if not WORD.fullmatch(tokens[i]):
            break
        parses = word_parses(tokens[i])
        if any(p.tag.POS == "ADJF" for p in parses[:3]) and i != words[-1]:
            continue  # an adjective ('главного' may also read as the noun 'главное')
        if parses and parses[0].tag.POS == "NOUN":
            head = i
        break
    if head is None:
        return surface
    head_parse = word_parses(tokens[head])[0]
    if head_parse.tag.case in (None, "nomn") or "Fixd" in head_parse.tag:
        return surface
    number = head_parse.tag.number or "sing"
    agree = {"nomn", number} | ({head_parse.tag.gender} if number == "sing" and head_parse.tag.gender else set())
    out = list(tokens)
    for i in words:
        if i > head:
            break
        parses = word_parses(tokens[i])
        if i == head:  # noqa: SIM108 - the comment on the other branch needs its own line
            p = parses[0]
        else:
            # the adjective reading ('главного' is also the noun 'главное')
            p = next((q for q in parses if q.tag.POS == "ADJF"), parses[0])
        form = p.inflect({"nomn", number} if i == head else agree)
        stem = min(4, len(tokens[i]) - 1)
        if form is None or form.word[:stem] != tokens[i].lower()[:stem]:
            # 'Высшего' → 'высочайший' (the dictionary files it under 'высокий'): rather than a
            # half-inflected phrase, keep it as written
            return surface
        out[i] = restore_case(tokens[i], form.word)
    return "".join(out)


def to_entities(spans: Iterable[NamedSpan]) -> list[Entity]:
    return [Entity(s.start, s.end, s.type, s.normal) for s in spans]


def find_entities(doc: Document, limit: int | None = None) -> list[Entity]:
    """The public, stand-alone entry point: entities of the text before ``limit``."""
    return to_entities(tag_sentences(doc, sentences_before(doc, limit)))
