"""Small readings of a parsed sentence: subjects, noun phrases, cases, complements."""
from __future__ import annotations

from tui_reader.analysis.names import PROPER_GRAMS
from tui_reader.analysis.speakers.cues import Tok
from tui_reader.analysis.speakers.shared import CLAUSE_RELS, WRITTEN_WORDS
from tui_reader.morph import word_parses


def is_common_noun(tok: Tok) -> bool:
    """'Президент' at the start of a sentence, as opposed to 'Газпром' or 'Москва'."""
    return tok.pos == "NOUN" and tok.tag is not None and not any(
        g in tok.tag for g in PROPER_GRAMS + ("Abbr",))


def word_cases(word: str) -> set[str]:
    """The cases a word can be in, as a singular (titles are singular: 'администрации' is not)."""
    return {p.tag.case for p in word_parses(word.lower()) if p.tag.case and p.tag.number != "plur"}


def name_cases(surface: str) -> set[str]:
    """The cases a name could be in, judged by its first word ('Уильяма Барра' → genitive/accusative)."""
    from tui_reader.analysis.names import WORD, name_parse
    words = WORD.findall(surface)
    if not words:
        return set()
    parses = [p for p in word_parses(words[0]) if p.tag.case and p.tag.number != "plur"]
    named = [p for p in parses if name_parse(words[0]) is not None and ("Name" in p.tag or "Surn" in p.tag)]
    return {p.tag.case for p in (named or parses)} or {"nomn"}


def dash_attribution(text: str, pos: int) -> bool:
    """Is the word at ``pos`` an attribution inside a quotation ('"…, - заявил он. - …"')?"""
    before = text[max(0, pos - 5):pos].rstrip()
    return before[-1:] in "—–-" and before[:-1].rstrip()[-1:] in ",.!?…"


def subject_of(toks: list[Tok], index: int) -> int | None:
    """The nominal subject of the verb at ``index``, climbing coordinated verbs and gerunds."""
    j = index
    for _ in range(4):
        subjects = [k for k, t in enumerate(toks) if t.head == j and t.rel.startswith("nsubj")]
        if subjects:
            # two subjects is a misparse: a personal pronoun is the real one ('В интервью E! News
            # он объяснил'), else one that agrees with the verb in number ('Пожилые переносят …, заверила
            # гериатр'), else the first
            pronouns = [k for k in subjects if toks[k].text.lower() in ("он", "она")]
            number = getattr(toks[index].tag, "number", None)
            agree = [k for k in subjects if number is None or getattr(toks[k].tag, "number", None) in (None, number)]
            # a participle taken for a second subject ('сказал поддерживающий Чернова депутат
            # Кузнецов') gives way to a noun
            nouns = [k for k in agree if toks[k].pos not in ("PRTF", "ADJF")]
            return (pronouns or nouns or agree or subjects)[0]
        if toks[j].rel in ("conj", "advcl", "xcomp") and toks[j].head >= 0:
            j = toks[j].head
            continue
        break
    return None


def phrase_of(toks: list[Tok], j: int) -> list[Tok]:
    """The noun phrase headed by token ``j`` (its subtree without clauses)."""
    keep = {j}
    changed = True
    while changed:
        changed = False
        for k, t in enumerate(toks):
            if k not in keep and t.head in keep and t.rel not in CLAUSE_RELS:
                keep.add(k)
                changed = True
    return [toks[k] for k in sorted(keep)]


def writes_words(toks: list[Tok], index: int) -> bool:
    """'написал, что …' / 'как написал X' / 'написал сообщение' report words; 'написал книгу' does not."""
    if index > 0 and toks[index - 1].text.lower() == "как":
        return True
    objects = [t for t in toks if t.head == index and t.rel == "obj"]
    if not objects:
        return True
    return any(t.lemma in WRITTEN_WORDS for t in objects)


def names_something(toks: list[Tok], index: int) -> bool:
    """'назвал X беспрецедентной / победой': a complement in the instrumental case follows."""
    for t in toks[index + 1:index + 8]:
        if t.text in (".", ";", "!", "?"):
            break
        for p in word_parses(t.text.lower())[:3]:
            if p.tag.case == "ablt" and p.tag.POS in ("NOUN", "ADJF", "PRTF"):
                return True
    return False
