"""Part of attribution: the person a cue's subject, object or neighbouring words name.

Takes the context and a token of a parsed sentence (sentence index, token index);
gives the person: a name in its noun phrase ('биограф Баффета Энди Килпатрик'),
a name between a title-subject and the verb, a name right by the cue, a user
name, else a pronoun or title resolved by ``resolve``.
"""
from __future__ import annotations

import re

from tui_reader.analysis.speakers.context import SpeakerContext
from tui_reader.analysis.speakers.cues import Tok
from tui_reader.analysis.speakers.person import Person
from tui_reader.analysis.speakers.resolve import known_name, person_from_word, resolve_pronoun, resolve_title
from tui_reader.analysis.speakers.shared import PRONOUN_GENDER
from tui_reader.analysis.speakers.syntax import is_common_noun, phrase_of

# People known by a user name ('пользователь ЖЖ zyalt', 'блогер navalny'), and what one looks like:
# Latin letters, digits, '_', '.', '-', starting lower-case (an upper-case Latin word is a brand: 'ЖЖ',
# 'Twitter').
HANDLE_NOUNS = frozenset({"пользователь", "блогер", "блоггер", "блогерка", "юзер"})
HANDLE = re.compile(r"[a-z][a-z0-9_.-]{2,}")


def name_between(ctx: SpeakerContext, i: int, subject: int, verb: int) -> Person | None:
    """'Президент и гендиректор Tele2 AB Матс Гранрид подчеркнул': the parser may take the
    title for the subject; a nominative name between it and the verb is the speaker."""
    toks = ctx.tokens[i]
    if subject >= verb or ctx.per_at(toks[subject].start):
        return None
    # forward from the subject, through its apposition, up to a comma: 'Министр Иван Петров,
    # которого премьер Сергей Смирнов просил …, заявил' is Петров's, not the relative clause's name
    for t in toks[subject + 1:verb]:
        if t.text in (",", "(", "—", "–", ";"):
            break
        span = ctx.per_at(t.start)
        if span is not None and span.nominative >= 0.5:
            return ctx.person_of[id(span)]
    # else back from the verb ('Пресс-секретарь «Спутника», работающего с мая, Дмитрий Чистов
    # сообщил'), skipping the names of relative clauses ('…, которого X просил, …')
    for t in reversed(toks[subject + 1:verb]):
        span = ctx.per_at(t.start)
        if span is not None and span.nominative >= 0.5 and not _in_relative(toks, subject, verb, t):
            return ctx.person_of[id(span)]
    return None


def _in_relative(toks: list[Tok], subject: int, verb: int, tok: Tok) -> bool:
    """Is ``tok`` inside a relative clause ('которого …' up to its comma) between subject and verb?"""
    inside = False
    for t in toks[subject + 1:verb]:
        if t.lemma == "который":
            inside = True
        elif t.text == "," and inside and t.start > tok.start:
            return True
        elif t.text == ",":
            inside = False
        if t is tok:
            return inside
    return False


def title_after(ctx: SpeakerContext, i: int, index: int, gender: str | None) -> Person | None:
    """'Как подчеркнула главный внештатный гериатр, …' where the parser lost the subject: a
    nominative noun right after the cue is the subject; it names someone only by a title the
    text gives a named person (never by guessing from who was near)."""
    toks = ctx.tokens[i]
    for k in range(index + 1, min(len(toks), index + 6)):
        t = toks[k]
        if not t.text[:1].isalpha():
            return None
        if t.pos == "NOUN" and t.text[:1].islower() and t.tag is not None and t.tag.case == "nomn":
            return resolve_title(ctx, i, t.start, phrase_of(toks, k) or [t], gender, t, fallback=False)
    return None


def adjacent_name(ctx: SpeakerContext, i: int, index: int) -> Person | None:
    """Without a parsed subject: a nominative name right after or before the cue."""
    toks = ctx.tokens[i]
    # each side up to punctuation ('Максим Бурбак напомнил, что …': the comma ends the right side only)
    for side in (range(index + 1, min(len(toks), index + 4)), range(index - 1, max(-1, index - 4), -1)):
        for j in side:
            t = toks[j]
            if not t.text[:1].isalnum():
                break
            span = ctx.per_at(t.start)
            if span is not None and span.nominative >= 0.3:
                return ctx.person_of[id(span)]
    return None


def named_in_phrase(ctx: SpeakerContext, i: int, j: int, any_case: bool = False) -> Person | None:
    """A name inside the noun phrase of token ``j`` ('биограф Баффета Энди Килпатрик' → Килпатрик).

    ``any_case``: the phrase is an object ('цитирует мать Светлану Ващенко'), so the name
    is not nominative either."""
    toks = ctx.tokens[i]
    phrase = phrase_of(toks, j)
    if not any(ctx.per_at(t.start) for t in phrase):
        # 'комедиантка и телеведущая Эллен Дедженерес': the name hangs on the second title
        for k, t in enumerate(toks):
            if t.head == j and t.rel == "conj" and t.pos == "NOUN" and t.text[:1].islower():
                phrase = phrase + phrase_of(toks, k)
    names = list({id(n): n for n in (ctx.per_at(t.start) for t in phrase) if n is not None}.values())
    if not names:
        return None
    own = ctx.per_at(toks[j].start)
    # a name in apposition to the head shares its case, whatever the dictionary guesses for a
    # foreign name ('законодатель Хосе Авила')
    appositive = {id(ctx.per_at(t.start)) for t in toks if t.head == j and t.rel == "appos" and ctx.per_at(t.start)}
    # 'штаб Трампа', 'пресс-служба Путина': a name in the genitive is not the subject
    if not any_case:
        names = [n for n in names if n is own or n.nominative >= 0.3 or id(n) in appositive]
    if not names:
        return None
    best = max(names, key=lambda n: (n.nominative >= 0.3 or id(n) in appositive, n is own, n.start))
    if id(best) in appositive and best.nominative < 0.5 and not any_case:
        # the syntax says what the dictionary could not: this form is the nominative
        best.nominative, best.normal = 1.0, " ".join(ctx.doc.text[best.start:best.end].split())
    return ctx.person_of[id(best)]


def resolve_token(ctx: SpeakerContext, i: int, j: int, gender: str | None) -> Person | None:
    """The person a subject (or object) token refers to."""
    toks = ctx.tokens[i]
    tok = toks[j]
    phrase = phrase_of(toks, j)
    named = named_in_phrase(ctx, i, j)
    if named is not None:
        return named
    handle = user_handle(ctx, phrase, tok)
    if handle is not None:
        return handle
    low = tok.text.lower()
    if low in PRONOUN_GENDER:
        return resolve_pronoun(ctx, i, tok.start, gender or PRONOUN_GENDER[low])
    if tok.text[:1].isupper() and len(phrase) == 1 and _unknown_word(tok) \
            and not any(s.start <= tok.start < s.end for s in ctx.spans):
        # 'Бонер объявил, что …': a word no dictionary knows, that the tagger did not take for a
        # place or a firm, as the subject of a reporting verb: most likely a surname (a guess)
        person = known_name(ctx, tok, gender) or person_from_word(ctx, tok, unknown_ok=True)
        if person is not None and len(person.mentions) <= 1:
            ctx.guessed.add(tok.start)
        return person
    if tok.text[:1].isupper():
        if j == 0 and is_common_noun(tok):
            # 'Столбунов, однако, сомневается…': a surname the dictionary only guesses at (as a
            # plural noun) opening the sentence, of someone the text has named
            return known_name(ctx, tok, gender) if len(phrase) == 1 and known_name(ctx, tok, gender) \
                else resolve_title(ctx, i, tok.start, phrase, gender, tok, fallback=True)
        # a name the tagger missed here ('Трамп анонсировал…' opening a paragraph), else a
        # place or a firm: not a person
        return person_from_word(ctx, tok) if len(phrase) == 1 else known_name(ctx, tok, gender)
    if (tok.pos == "NOUN" and tok.text[:1].islower()) or (tok.pos == "NOUN" and j == 0):
        return resolve_title(ctx, i, tok.start, phrase, gender, tok, fallback=True)
    return None


def _unknown_word(tok: Tok) -> bool:
    from tui_reader.morph import word_parses

    return tok.text.isalpha() and not any(p.is_known for p in word_parses(tok.text.lower()))


def user_handle(ctx: SpeakerContext, phrase: list[Tok], head: Tok) -> Person | None:
    """'Пользователь ЖЖ zyalt сообщает': a blogger known by a Latin user name speaks as that name."""
    if head.lemma not in HANDLE_NOUNS:
        return None
    handle = next((t.text for t in phrase if t is not head and HANDLE.fullmatch(t.text)), None)
    if handle is None:
        return None
    for person in ctx.people:
        if person.name_override == handle:
            return person
    person = Person(id=f"p{len(ctx.people) + 1}", keys=[handle.lower()], name_override=handle)
    ctx.people.append(person)
    return person
