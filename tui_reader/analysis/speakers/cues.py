"""Reporting cues: the words that say someone said something.

Cues are recognised by lemma, so every inflection counts ("заявил", "заявила",
"заявляет", "отметив").  Only finite third-person forms, gerunds and short
adjectives ("уверен") start a statement: an infinitive ("должен заявить"),
a first-person form ("отметим") or a participle describes, it does not report.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from razdel import tokenize

from tui_reader.search.lemmas import fold, word_parses

# Verbs of saying, claiming, announcing, believing and writing (lemmas).
REPORTING_VERBS = frozenset("""
заявить заявлять сказать говорить сообщить сообщать подчеркнуть подчёркивать подчеркивать
отметить отмечать напомнить напоминать назвать называть добавить добавлять пояснить пояснять
уточнить уточнять признать признавать признаться признаваться предупредить предупреждать
считать полагать написать писать рассказать рассказывать объявить объявлять указать указывать
проинформировать информировать прогнозировать спрогнозировать заметить замечать констатировать
подтвердить подтверждать опровергнуть опровергать утверждать высказаться высказываться
выразить выражать призвать призывать поблагодарить благодарить охарактеризовать характеризовать
пообещать обещать ответить отвечать возмутиться возмущаться посетовать сетовать пожаловаться
жаловаться раскритиковать критиковать анонсировать пожелать желать поздравить поздравлять
объяснить объяснять предположить предполагать заверить заверять настаивать сомневаться
убеждать убедить оценить оценивать прокомментировать комментировать заключить
отрицать возразить возражать согласиться соглашаться требовать потребовать
прибавить произнести проговорить воскликнуть спросить допустить допускать резюмировать подытожить
поделиться исключить исключать опубликовать публиковать счесть думать
""".split())

# Short adjectives that report a belief ("уверен", "убеждена", "согласна").
REPORTING_ADJECTIVES = frozenset({"уверенный", "убеждённый", "убежденный", "согласный"})

# Verbs whose speaker is the object, not the subject: "цитирует его Financial Times".
OBJECT_SPEAKER_VERBS = frozenset({"цитировать", "процитировать"})

# Verbs that only report speech with a naming complement: "назвал интеграцию беспрецедентной"
# is a statement, "назвал своего преемника" is not.
NAMING_VERBS = frozenset({"назвать", "называть", "счесть"})

# Verbs that report a belief only with a clause: 'думает, что …' (not 'думает о детях'),
# 'счёл, что …' (or, as a naming verb, 'счёл сделку поглощением').
CLAUSE_VERBS = frozenset({"думать", "счесть"})

# Verbs too ambiguous to carry the next sentences along as the same person's words.
NO_CONTINUATION = frozenset({
    "назвать", "называть", "объявить", "объявлять", "написать", "писать", "охарактеризовать",
    "характеризовать", "поблагодарить", "благодарить", "поздравить", "поздравлять", "пожелать",
    "желать", "призвать", "призывать", "признать", "признавать", "опровергнуть", "опровергать",
    "раскритиковать", "критиковать", "анонсировать", "требовать", "потребовать", "оценить",
    "оценивать", "согласиться", "соглашаться", "ответить", "отвечать", "спросить", "счесть",
})

# Words that look like cue forms but are something else: 'благодаря' is a preposition,
# 'согласно' an adverb/preposition.
NOT_CUES = frozenset({"благодаря", "согласно"})

# "по словам X", "по мнению X", "по его собственным словам".
ACCORDING_TO = re.compile(r"\bпо\s+(?:(?:его|её|ее|их)\s+)?(?:собственным\s+)?(словам|мнению|оценке|данным)\b",
                          re.IGNORECASE)
ACCORDING_NOUNS = frozenset({"словам", "мнению", "оценке", "убеждению", "прогнозу"})
# "на его взгляд", "на взгляд эксперта": the same, with "на".
VIEW_NOUNS = frozenset({"взгляд"})
# Nouns that report words when someone's: 'его заявление', 'заявления Байдена'.
STATEMENT_NOUNS = frozenset({"заявление", "высказывание", "обращение", "признание"})


WORDS = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")


@functools.lru_cache(maxsize=1)
def cue_forms() -> frozenset[str]:
    """Every inflected form of every cue word: a cheap first look before tokenising a sentence."""
    forms: set[str] = set(ACCORDING_NOUNS | VIEW_NOUNS)
    for lemma in REPORTING_VERBS | OBJECT_SPEAKER_VERBS | REPORTING_ADJECTIVES | STATEMENT_NOUNS:
        for p in word_parses(lemma):
            # the verb or adjective itself ('признаться' is also a parenthetical conjunction)
            if fold(p.normal_form) == fold(lemma) and p.tag.POS in ("INFN", "ADJF", "NOUN"):
                forms.update(f.word for f in p.lexeme)
                break
    forms.update(fold(f) for f in list(forms))
    return frozenset(forms)


def may_report(sentence: str) -> bool:
    """Could the sentence contain a reporting cue?  (No false negatives for known cue forms.)"""
    forms = cue_forms()
    return any(w in forms for w in WORDS.findall(sentence.lower()))


@dataclass(slots=True)
class Tok:
    start: int  # absolute offsets into doc.text
    end: int
    text: str
    lemma: str = ""
    pos: str | None = None
    tag: object = None  # the top pymorphy parse's tag
    head: int = -1  # index of the syntactic head in the sentence, -1 for the root
    rel: str = ""


@dataclass(slots=True)
class Cue:
    index: int  # token index of the cue word (for "по словам": of "словам")
    word: str  # the surface form, for Statement.cue
    kind: str  # "verb", "adjective", "gerund", "according", "object"
    lemma: str = ""
    gender: str | None = None  # from a past-tense verb or short adjective
    extra: dict = field(default_factory=dict)


def tokens_of(text: str, start: int, end: int) -> list[Tok]:
    """razdel tokens of ``text[start:end]`` with lemmas and top morphology."""
    out = []
    for t in tokenize(text[start:end]):
        tok = Tok(start + t.start, start + t.stop, t.text)
        parses = word_parses(t.text.lower()) if t.text[:1].isalpha() else ()
        if parses:
            p = parses[0]
            tok.lemma = fold(p.normal_form)
            tok.pos = p.tag.POS
            tok.tag = p.tag
        else:
            tok.lemma = t.text.lower()
        out.append(tok)
    return out


def verb_parse(word: str):
    """The best parse of ``word`` as a reporting verb / adjective, or None."""
    for p in word_parses(word.lower()):
        lemma = fold(p.normal_form)
        if p.tag.POS in ("VERB", "GRND") and lemma in REPORTING_VERBS | OBJECT_SPEAKER_VERBS:
            return p
        if p.tag.POS == "ADJS" and lemma in REPORTING_ADJECTIVES:
            return p
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
        if not tok.text[:1].isalpha():
            continue
        if low in NOT_CUES:
            continue
        if tok.lemma in STATEMENT_NOUNS and tok.pos == "NOUN":
            cues.append(Cue(i, tok.text, "noun", tok.lemma))
            continue
        p = verb_parse(tok.text)
        if p is None:
            continue
        lemma = fold(p.normal_form)
        tag = p.tag
        if tag.POS == "GRND":
            cues.append(Cue(i, tok.text, "gerund", lemma))
        elif tag.POS == "ADJS":
            cues.append(Cue(i, tok.text, "adjective", lemma, tag.gender, {"number": tag.number}))
        elif tag.mood == "indc" and tag.person not in ("1per", "2per"):
            kind = "object" if lemma in OBJECT_SPEAKER_VERBS else "verb"
            cues.append(Cue(i, tok.text, kind, lemma, tag.gender if tag.tense == "past" else None,
                            {"number": tag.number}))
        elif tag.mood == "indc" and tag.person in ("1per", "2per"):
            # "я напомню", "отметим": the writer or a quoted speaker talking; not a cue of its own
            cues.append(Cue(i, tok.text, "first-person", lemma))
    return cues


# Verbs that report only when negated: 'не исключил, что …' says something, 'исключил из списка' does not.
NEGATED_ONLY = frozenset({"исключить", "исключать"})


def is_negated(tokens: list[Tok], index: int) -> bool:
    """'не назвал', 'не рассказала'."""
    return index > 0 and tokens[index - 1].text.lower() in ("не", "ни")


def denies_report(tokens: list[Tok], cue: Cue) -> bool:
    """Does negation (or its absence) keep this cue from reporting anything?"""
    negated = is_negated(tokens, cue.index)
    return not negated if cue.lemma in NEGATED_ONLY else negated
