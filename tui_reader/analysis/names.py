"""Person names and the morphology dictionary: which parse reads a word as a name, the
name's gender, its case-independent key and its nominative form ('Аси Мелкумовой' →
'Ася Мелкумова').  Names inflect word by word, independently of the words around them,
so the dictionary alone does it, without a morphological tagger."""
from __future__ import annotations

import re
from typing import Any

from tui_reader.morph import fold, word_parses

# Grammemes that mark a parse as part of a person's name.
NAME_GRAMS = ("Name", "Surn", "Patr")
# ... and of any proper noun: a name, a place, an organisation, a trademark.
PROPER_GRAMS = NAME_GRAMS + ("Geox", "Orgn", "Trad")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def name_parse(word: str, gender: str | None = None) -> Any:
    """The most likely parse that reads the word as part of a name (of that gender), else None."""
    for p in word_parses(word):
        # a plural reading of a name ('Брин' as the genitive plural of 'Брина') is never right here
        if any(g in p.tag for g in NAME_GRAMS) and p.tag.number != "plur" and fits_gender(p, gender):
            return p
    return None


def fits_gender(parse: Any, gender: str | None) -> bool:
    g = parse.tag.gender
    return gender is None or g not in ("masc", "femn") or g == gender or "Ms-f" in parse.tag


def name_key(word: str, parse: Any) -> str:
    """A case- and gender-independent key: 'Путина', 'Путин' → 'путин'; 'Мелкумовой' → 'мелкумов'."""
    if parse is not None:
        return fold(parse.normal_form)
    for p in word_parses(word):
        if p.tag.number != "plur" and (p.tag.POS == "NOUN" or (p.tag.POS == "ADJF" and word[:1].isupper())):
            return fold(p.normal_form)
    return fold(word)


def name_gender(parses: list[Any]) -> str | None:
    """Gender from the first name when there is one (surnames like 'Путина' are ambiguous)."""
    for want in ("Name", "Patr", "Surn"):
        for p in parses:
            if p is not None and want in p.tag and p.tag.gender in ("masc", "femn") and not prefix_guess(p):
                if want == "Surn" and "Ms-f" in p.tag:
                    continue
                return str(p.tag.gender)
    return None


def prefix_guess(parse: Any) -> bool:
    """A parse the dictionary made up by cutting off an unknown beginning ('Канье' read as
    'к' + the female name 'Анье'): too weak to tell a gender."""
    return any(type(method[0]).__name__ == "UnknownPrefixAnalyzer" for method in parse.methods_stack)


def nominative_share(word: str, gender: str | None = None) -> float:
    """How likely the word is already nominative (1.0 for unknown or indeclinable words).

    Only the parses that read it as a name count when there are any, so that
    'Путина' (the genitive of a surname) is not taken for the noun 'путина'.
    """
    parses = word_parses(word)
    if not parses or all("UNKN" in p.tag or "LATN" in p.tag for p in parses):
        return 1.0
    single = [p for p in parses if p.tag.number != "plur" and fits_gender(p, gender)]
    if not single:
        return 1.0  # only plural readings: a foreign name the dictionary does not know ('Брин')
    named = [p for p in single if any(g in p.tag for g in NAME_GRAMS) or ("ADJF" in p.tag and "Poss" in p.tag)]
    pool = named or single
    if any("Fixd" in p.tag for p in pool):
        return 1.0
    total = sum(p.score for p in pool) or 1.0
    return float(sum(p.score for p in pool if p.tag.case in ("nomn", None)) / total)


def normal_person(surface: str, words: list[str], parses: list[Any], gender: str | None, nominative: float) -> str:
    """'Путина' → 'Путин', 'Аси Мелкумовой' → 'Ася Мелкумова'; leaves nominative forms alone."""
    if nominative >= 0.5:
        return " ".join(words) or surface
    out = []
    case = parses[0].tag.case if parses and parses[0] is not None and "Name" in parses[0].tag else None
    for word, parse in zip(words, parses):
        form = inflect_name_word(word, parse, gender)
        if form == word and parse is None and gender == "masc" and case:
            form = strip_case_ending(word, case)
        out.append(form)
    return " ".join(out) or surface


# Masculine case endings of foreign surnames the dictionary does not know, by case.
MASC_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем")}


def strip_case_ending(word: str, case: str) -> str:
    """'Саймона Лаженесса' → 'Лаженесс': the first name shows the case, the surname follows it."""
    for ending in MASC_ENDINGS.get(case, ()):
        if word.endswith(ending) and len(word) - len(ending) >= 3 and word[-len(ending) - 1] not in "аеёиоуыэюя":
            return word[: -len(ending)]
    return word


def inflect_name_word(word: str, parse: Any, gender: str | None) -> str:
    candidates = [parse] if parse is not None else []
    # Surnames the dictionary knows only as adjectives: 'Мелкумовой', 'Лугового'.
    candidates += [p for p in word_parses(word) if "ADJF" in p.tag]
    for p in candidates:
        if gender and p.tag.gender in ("masc", "femn") and p.tag.gender != gender and "Name" not in p.tag:
            continue
        wanted = {"nomn", "sing"}
        if gender and "ADJF" in p.tag:
            wanted.add(gender)
        form = p.inflect(wanted)
        if form is not None:
            return restore_case(word, form.word)
    return word


def restore_case(original: str, word: str) -> str:
    """Capitalise like the original ('Браух-Мориц' keeps both capitals)."""
    parts = word.split("-")
    orig = original.split("-")
    if len(parts) == len(orig):
        return "-".join(p.capitalize() if o[:1].isupper() else p for p, o in zip(parts, orig))
    return word.capitalize() if original[:1].isupper() else word
