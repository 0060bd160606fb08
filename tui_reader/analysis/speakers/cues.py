"""Reporting cues: the words that say someone said something.

Cues are recognised by lemma, so every inflection counts ("заявил", "заявила",
"заявляет", "отметив").  Only finite third-person forms, gerunds and short
adjectives ("уверен") start a statement: an infinitive ("должен заявить"),
a first-person form ("отметим") or a participle describes, it does not report.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tui_reader.analysis.speakers.words import (
    ACCORDING_NOUNS,
    CLAUSE_VERBS,
    NAMING_VERBS,
    NEEDS_WORDS,
    NEGATED_ONLY,
    NO_CONTINUATION,
    OBJECT_SPEAKER_VERBS,
    PHRASES,
    POINT_OF_VIEW,
    REPORTING_ADJECTIVES,
    REPORTING_VERBS,
    SPEECH_OBJECTS,
    STATEMENT_NOUNS,
    VIEW_NOUNS,
)
from tui_reader.analysis.tokens import tokens
from tui_reader.morph import fold, word_parses

__all__ = ["CLAUSE_VERBS", "NAMING_VERBS", "NO_CONTINUATION", "Cue", "Tok", "denies_report", "find_cues",
           "may_report", "tokens_of"]

# The word lists live in ``analysis/data/speech_words.toml`` (see ``words``).
# Words that look like cue forms but are something else: 'благодаря' is a preposition,
# 'согласно' an adverb/preposition.
NOT_CUES = frozenset({"благодаря", "согласно"})
# The verbs of the verb + object phrases ('выступить', 'дать'), looked up for every word.
PHRASE_VERBS = frozenset(PHRASES)
# Short participles that report a belief as the adjectives do ('убеждена, что …').
BELIEF_PARTICIPLES = frozenset({"убедить"})
# What, after a verb that needs the words themselves, shows that they follow.
CLAUSE_OPENERS = frozenset({"что", "чтобы", "ли", ":", "«", "\"", "„", "“"})


WORDS = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")


def _forms_of(lemmas: Iterable[str]) -> set[str]:
    forms: set[str] = set()
    for lemma in lemmas:
        for p in word_parses(lemma):
            # the verb or adjective itself ('признаться' is also a parenthetical conjunction)
            if fold(p.normal_form) == fold(lemma) and p.tag.POS in ("INFN", "ADJF", "NOUN", "VERB"):
                forms.update(f.word for f in p.lexeme)
                break
        else:
            forms.add(lemma)  # a word the dictionary does not know ('понять' is known; a safety net)
    forms.update(fold(f) for f in list(forms))
    return forms


@functools.lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """Every inflected form of every cue word: a cheap first look before tokenising a sentence."""
    forms = _forms_of(REPORTING_VERBS | OBJECT_SPEAKER_VERBS | REPORTING_ADJECTIVES | STATEMENT_NOUNS)
    return frozenset(forms | ACCORDING_NOUNS | VIEW_NOUNS | POINT_OF_VIEW)


@functools.lru_cache(maxsize=1)
def phrase_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The forms of the phrase verbs ('выступить', 'дать') and of their objects: common words,
    so a sentence is worth tokenising only when it has one of each."""
    objects = set().union(*PHRASES.values()) if PHRASES else set()
    return frozenset(_forms_of(PHRASES)), frozenset(_forms_of(objects))


def may_report(sentence: str) -> bool:
    """Could the sentence contain a reporting cue?  (No false negatives for known cue forms.)"""
    forms = cue_forms()
    words = WORDS.findall(sentence.lower())
    if any(w in forms for w in words):
        return True
    verbs, objects = phrase_forms()
    return any(w in verbs for w in words) and any(w in objects for w in words)


@dataclass(slots=True)
class Tok:
    start: int  # absolute offsets into doc.text
    end: int
    text: str
    lemma: str = ""
    pos: str | None = None
    tag: Any = None  # the top pymorphy parse's tag (an OpencorporaTag: grammemes test with ``in``)
    head: int = -1  # index of the syntactic head in the sentence, -1 for the root
    rel: str = ""


@dataclass(slots=True)
class Cue:
    index: int  # token index of the cue word (for "по словам": of "словам")
    word: str  # the surface form, for Statement.cue
    kind: str  # "verb", "adjective", "gerund", "according", "object"
    lemma: str = ""
    gender: str | None = None  # from a past-tense verb or short adjective
    extra: dict[str, Any] = field(default_factory=dict)


def tokens_of(text: str, start: int, end: int) -> list[Tok]:
    """razdel tokens of ``text[start:end]`` with lemmas and top morphology."""
    return [Tok(start + a, start + b, word, *_morphology(word)) for a, b, word in tokens(text[start:end])]


@functools.lru_cache(maxsize=100_000)
def _morphology(word: str) -> tuple[str, str | None, object]:
    """(lemma, part of speech, tag) of the most likely parse of a token; the lower-case token
    when it is not a word.  Remembered: a text repeats its words."""
    parses = word_parses(word.lower()) if word[:1].isalpha() else ()
    if not parses:
        return word.lower(), None, None
    p = parses[0]
    return fold(p.normal_form), p.tag.POS, p.tag


def forget() -> None:
    """Let the remembered tokens' morphology and verb readings go (see ``chunks.forget_words``)."""
    _morphology.cache_clear()
    _verb_parse.cache_clear()


def verb_parse(word: str, lemmas: frozenset[str] | None = None) -> Any:
    """The best parse of ``word`` as a reporting verb / adjective (or a verb of ``lemmas``), or None."""
    return _verb_parse(word.lower(), lemmas)


@functools.lru_cache(maxsize=50_000)
def _verb_parse(word: str, lemmas: frozenset[str] | None) -> Any:
    for p in word_parses(word):
        lemma = fold(p.normal_form)
        if p.tag.POS in ("VERB", "GRND") and (lemma in REPORTING_VERBS or lemma in OBJECT_SPEAKER_VERBS
                                              or (lemmas is not None and lemma in lemmas)):
            return p
        if p.tag.POS == "ADJS" and lemma in REPORTING_ADJECTIVES:
            return p
        if p.tag.POS == "PRTS" and lemma in BELIEF_PARTICIPLES:
            return p  # 'убеждена' read as the short participle of 'убедить': still a belief
    return None


def find_cues(tokens: list[Tok]) -> list[Cue]:
    """Every reporting cue in a sentence, in order."""
    cues: list[Cue] = []
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        if low in ACCORDING_NOUNS and i >= 1 and any(t.text.lower() == "по" for t in tokens[max(0, i - 3):i]):
            cues.append(Cue(i, "по " + low, "according", low))
            continue
        if low in VIEW_NOUNS and i >= 1 and any(t.text.lower() == "на" for t in tokens[max(0, i - 3):i]):
            cues.append(Cue(i, "на " + low, "according", low))
            continue
        if low in POINT_OF_VIEW and _point_of_view(tokens, i):
            # 'с точки зрения X': the cue is 'зрения', so that the name after it is X
            cues.append(Cue(i + 1, "с точки зрения", "according", low))
            continue
        if not tok.text[:1].isalpha():
            continue
        if low in NOT_CUES:
            continue
        if tok.lemma in STATEMENT_NOUNS and tok.pos == "NOUN":
            cues.append(Cue(i, tok.text, "noun", tok.lemma))
            continue
        p = verb_parse(tok.text, PHRASE_VERBS)
        if p is None:
            continue
        lemma = fold(p.normal_form)
        tag = p.tag
        if lemma in PHRASES and lemma not in REPORTING_VERBS and not _phrase_object(tokens, i, PHRASES[lemma]):
            continue  # 'выступил на форуме', 'сделал ремонт': not 'выступил с заявлением'
        if lemma in NEEDS_WORDS and not _words_follow(tokens, i):
            continue  # 'повторил рекорд', 'предложил кофе'
        if tag.POS == "GRND":
            cues.append(Cue(i, tok.text, "gerund", lemma))
        elif tag.POS == "ADJS" and tag.gender == "neut" and tag.number == "sing":
            continue  # 'уверенно лидирует': the adverb, not 'уверен'
        elif tag.POS in ("ADJS", "PRTS"):
            cues.append(Cue(i, tok.text, "adjective", lemma, tag.gender, {"number": tag.number}))
        elif tag.mood == "indc" and tag.person not in ("1per", "2per"):
            if tag.tense == "futr" or (tag.aspect == "perf" and tag.tense == "pres"):
                continue  # 'объявит', 'чем ответит X': nothing has been said yet
            kind = "object" if lemma in OBJECT_SPEAKER_VERBS else "verb"
            extra = {"number": tag.number}
            if lemma in PHRASES and lemma not in REPORTING_VERBS:
                extra["phrase"] = True  # 'принёс извинения': one act of speech, it carries nothing on
            cues.append(Cue(i, tok.text, kind, lemma, tag.gender if tag.tense == "past" else None, extra))
        elif tag.mood == "indc" and tag.person in ("1per", "2per"):
            # "я напомню", "отметим": the writer or a quoted speaker talking; not a cue of its own
            cues.append(Cue(i, tok.text, "first-person", lemma))
    return cues


def _point_of_view(tokens: list[Tok], i: int) -> bool:
    """'с точки зрения' at token ``i`` ('точки')."""
    return (i >= 1 and tokens[i - 1].text.lower() in ("с", "со") and i + 1 < len(tokens)
            and tokens[i + 1].text.lower() == "зрения")


def _phrase_object(tokens: list[Tok], i: int, objects: frozenset[str]) -> bool:
    """Is one of ``objects`` within the few words around the verb at ``i``, before the clause
    ends ('выступил с заявлением', 'С заявлением выступил', 'сделал это заявление', 'дал понять')?"""
    for step in (1, -1):
        k = i + step
        for _ in range(4):
            if not 0 <= k < len(tokens) or tokens[k].text in (",", ";", ":", ".", "!", "?", "—", "–"):
                break
            if tokens[k].lemma in objects or tokens[k].text.lower() in objects:
                return True
            k += step
    return False


def _words_follow(tokens: list[Tok], i: int) -> bool:
    """After a verb that needs them, the words: a clause, a colon, a quote, or a speech object."""
    # 'предложил перенести выборы', 'посоветовал не торопиться': an infinitive is the proposal
    # ('предложил губернатору уйти', 'предложил В. Петрову баллотироваться': past a dative)
    for t in tokens[i + 1:i + 6]:
        if t.text in (",", ".", ";", ":", "!", "?"):
            break
        if t.pos == "INFN":
            return True
    for t in tokens[i + 1:i + 6]:
        low = t.text.lower()
        if low in CLAUSE_OPENERS or t.lemma in SPEECH_OBJECTS:
            return True
        if low in (".", ";", "!", "?"):
            return False
    return False


def is_negated(tokens: list[Tok], index: int) -> bool:
    """'не назвал', 'не рассказала'."""
    return index > 0 and tokens[index - 1].text.lower() in ("не", "ни")


def denies_report(tokens: list[Tok], cue: Cue) -> bool:
    """Does negation (or its absence) keep this cue from reporting anything?"""
    negated = is_negated(tokens, cue.index)
    return not negated if cue.lemma in NEGATED_ONLY else negated
