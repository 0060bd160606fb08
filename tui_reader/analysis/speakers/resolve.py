"""Who a pronoun, a title or an unknown capitalised word refers to (part of attribution).

Takes the context and a place in the text (sentence index, offset, the words of a
subject); gives the person meant, or None.  The people stage's records are read
(titles the text gave, genders) and, where the text or the office-holder data
file names someone new, extended (``ctx.people``).  ``strict`` (pronouns): a
person of unknown gender does not agree with a gendered pronoun.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from tui_reader.analysis.entities import NamedSpan
from tui_reader.analysis.speakers.candidates import parse_syntax
from tui_reader.analysis.speakers.context import SpeakerContext
from tui_reader.analysis.speakers.cues import Tok, may_report
from tui_reader.analysis.speakers.person import Person, gender_fits, office_holders, title_key
from tui_reader.analysis.speakers.shared import QUOTE_MARKS, UNNAMED
from tui_reader.analysis.speakers.words import ROLE_KINDS, STATUS_ADJECTIVES

# Words that make a role nobody in particular: 'один эксперт', 'другой аналитик', 'некий источник'.
INDEFINITE = frozenset({"один", "другой", "некий", "некоторый", "какой-то", "многие", "ряд"})

# Words in UNNAMED that are too common to mark a sentence as being about an unnamed source.
VAGUE_WORDS = frozenset({"один", "другой", "некоторый", "человек", "автор"})
# How far after a bare title the text may name its holder with that title (characters).
TITLE_AHEAD = 600
# How far a title of two words or more ('председатель Европарламента') is looked for ahead
# before guessing from who was near.
TITLE_AHEAD_FAR = 3000
# What the nearby-name step of pronoun resolution returns for 'один из участников … . Он сказал'.
UNNAMED_SOURCE = object()


def mentions_before(ctx: SpeakerContext, pos: int, gender: str | None, window_start: int = 0,
                    strict: bool = False) -> Iterator[tuple[NamedSpan, Person]]:
    """PER mentions outside quotes before ``pos``, nearest first."""
    k = bisect.bisect_left(ctx.per_starts, pos)
    for n in range(k - 1, -1, -1):
        span = ctx.pers[n]
        if span.start < window_start:
            break
        par = ctx.doc.sentences[span.sentence].paragraph
        if ctx.in_quote(span.start, par):
            continue
        person = ctx.person_of[id(span)]
        if fits(person.gender, gender, strict):
            yield span, person


def fits(person_gender: str | None, wanted: str | None, strict: bool) -> bool:
    """Gender agreement; when ``strict``, a person of unknown gender does not agree."""
    if strict and wanted is not None:
        return person_gender == wanted
    return gender_fits(person_gender, wanted)


def last_speaker(ctx: SpeakerContext, i: int, gender: str | None, min_paragraph: int = -1,
                 strict: bool = False) -> Person | None:
    for j in range(i - 1, -1, -1):
        f = ctx.found.get(j)
        if f is None:
            continue
        if ctx.doc.sentences[j].paragraph < min_paragraph:
            return None
        if fits(f.person.gender, gender, strict):
            return f.person
    return None


def resolve_pronoun(ctx: SpeakerContext, i: int, pos: int, gender: str | None) -> Person | None:
    """'он', 'по её словам': a name just before (people known to have that gender first,
    then anyone fitting), else the last speaker or person nearby, in the same order.

    A name in this or the previous sentence beats a speaker further back even when the
    dictionary cannot tell the name's gender: 'ещё один кандидат — Канье Уэст. Он признал…'.
    """
    ctx.pronouns.add(pos)
    for steps in (_pronoun_near, _pronoun_far):
        for strict in (True, False):  # people known to have the gender first, then anyone fitting
            person = steps(ctx, i, pos, gender, strict)
            if person is UNNAMED_SOURCE:
                return None
            if isinstance(person, Person):
                return person
    return None


def _pronoun_near(ctx: SpeakerContext, i: int, pos: int, gender: str | None, strict: bool) -> Person | object | None:
    sent = ctx.doc.sentences[i]
    # 1. a name earlier in the same sentence ('Баффет … (по его словам …')
    for span, person in mentions_before(ctx, pos, gender, sent.start, strict):
        if span.nominative >= 0.3:
            return person
    # 2. the first name in the previous sentence (its subject, as a rule): 'Сам Баффет не
    #    скрывает удовольствия. "…", - заявил он.'
    prev = previous_narration(ctx, i)
    if prev is not None:
        s_prev = ctx.doc.sentences[prev]
        first = next((t for t in ctx.tokens[prev] if t.text[:1].isalpha()), None)
        if first is not None and first.text[:1].isupper() and ctx.per_at(first.start) is None:
            # (a surname opening the sentence that the tagger missed there: 'Трамп, 70-летний
            # магнат, …, заявил, что Мишель Обама …. Он …' is about Трамп)
            known = known_name(ctx, first, gender)
            if known is not None and (not strict or known.gender == gender):
                return known
        for span, person in reversed(list(mentions_before(ctx, s_prev.end, gender, s_prev.start, strict))):
            if span.nominative >= 0.5:
                return person
        if (unnamed_subject(ctx, prev) or prev in ctx.unnamed_speakers) and prev not in ctx.found:
            # 'Это подтвердил один из участников встречи. "…", - сказал он.': an unnamed source
            return UNNAMED_SOURCE
    return None


def _pronoun_far(ctx: SpeakerContext, i: int, pos: int, gender: str | None, strict: bool) -> Person | None:
    sent = ctx.doc.sentences[i]
    # 3. the speaker of the last statements, in this or the previous paragraph
    person = last_speaker(ctx, i, gender, sent.paragraph - 1, strict)
    if person is not None:
        return person
    # 4. the last person named nearby, as a subject or as someone who has spoken: one only
    #    mentioned in passing ('встречу с главой МИД Ирана Джавадом Зарифом') is no antecedent
    #    for 'Он предполагает…' two sentences on
    window = ctx.doc.sentences[max(0, i - 5)].start
    speakers = {id(f.person) for f in ctx.found.values()}
    for span, person in mentions_before(ctx, pos, gender, window, strict):
        if span.nominative >= 0.3 or id(person) in speakers:
            return person
    # 5. whoever spoke last ('Столбунов, однако, сомневается…' with the name untagged)
    return last_speaker(ctx, i, gender, strict=strict)


def thing_before(ctx: SpeakerContext, i: int, gender: str | None) -> bool:
    """'…правительство согласовало «мягкий» план. Он предполагает, что …': with no person in the
    sentence before, a thing of the pronoun's gender that is its subject or object is what
    'он' / 'она' stands for (a plan, a law, a document), not someone named further back."""
    if gender is None or i in ctx.found or any(ctx.per_at(t.start) for t in ctx.tokens[i]):
        return False  # (a statement before is someone's words: 'он' goes on with that someone)
    if may_report(ctx.doc.text[ctx.doc.sentences[i].start:ctx.doc.sentences[i].end]):
        return False  # a reporting word there: someone was speaking after all
    toks = ctx.tokens[i]
    if all(t.head == -1 and not t.rel for t in toks):
        parse_syntax(ctx, [i])
    for t in toks:
        if t.rel in ("nsubj", "obj") and t.pos == "NOUN" and t.tag is not None and t.tag.number == "sing" \
                and t.tag.gender == gender and "inan" in t.tag and t.text[:1].islower():
            return True
    return False


def unnamed_subject(ctx: SpeakerContext, i: int) -> bool:
    """Does sentence ``i`` (with no name in it) talk about an unnamed source in the nominative?"""
    toks = ctx.tokens[i]
    for k, t in enumerate(toks):
        if t.tag is None or t.tag.case != "nomn" or t.tag.number != "sing":
            continue
        if t.lemma == "один":
            # 'один из участников встречи', not 'один из крупнейших банков'
            if k + 2 < len(toks) and toks[k + 1].text.lower() == "из" and toks[k + 2].lemma in UNNAMED:
                return True
        elif t.lemma in UNNAMED and t.lemma not in VAGUE_WORDS:
            return True
    return False


def known_name(ctx: SpeakerContext, tok: Tok, gender: str | None) -> Person | None:
    """A capitalised word the NER missed here but that names someone it found elsewhere."""
    from tui_reader.analysis.names import name_key, name_parse

    key = name_key(tok.text, name_parse(tok.text))
    matches = [p for p in ctx.people_sharing(key) if p.mentions and p.accepts((key,)) and gender_fits(p.gender, gender)]
    if not matches:
        return None
    return max(matches, key=lambda p: p.last_mention_before(tok.start))


def previous_narration(ctx: SpeakerContext, i: int) -> int | None:
    """The nearest earlier sentence (this or the previous paragraph) not wholly inside a quotation."""
    par = ctx.doc.sentences[i].paragraph
    for j in range(i - 1, max(-1, i - 12), -1):
        s = ctx.doc.sentences[j]
        if s.paragraph < par - 1:
            return None
        inside = any(a <= s.start and s.end <= b for a, b in ctx.quotes.get(s.paragraph, ()))
        if not inside:
            return j
    return None


def resolve_title(ctx: SpeakerContext, i: int, pos: int, phrase: list[Tok], gender: str | None, head: Tok,
                  fallback: bool) -> Person | None:
    """'Президент России', 'российский лидер', 'глава холдинга', 'дипломат'."""
    head = _as_person_noun(head)
    phrase = [head if t.start == head.start else _as_person_noun(t) if t.pos == "NOUN" else t for t in phrase]
    lemmas = frozenset(t.lemma for t in phrase if t.text[:1].isalnum())
    nouns = {t.lemma for t in phrase if t.pos == "NOUN"}
    if not nouns:
        return None
    key = title_key(lemmas)
    if key != lemmas:
        # 'министр иностранных дел' → {'глава', 'мид'}: compare the office, not the wording
        nouns = set(key - {t.lemma for t in phrase if t.pos in ("ADJF", "PRTF")})
        lemmas = key
    # a word for an unnamed source ('источник', 'эксперт', 'представитель компании') names
    # someone only when the text gave that title, or one of its kind, to a named person
    # ('политолог Иван Петров' … '— заключил эксперт'); 'один эксперт' is nobody in particular
    unnamed = head.lemma in UNNAMED
    if unnamed and any(t.lemma in INDEFINITE for t in phrase):
        return None
    kind = ROLE_KINDS.get(head.lemma, frozenset({head.lemma})) if unnamed or head.lemma in ROLE_KINDS \
        else frozenset({head.lemma})
    # 'бывший президент' is not the president named before: a status word must be in the title
    status = {t.lemma for t in phrase if t.lemma in STATUS_ADJECTIVES}

    def fits_title(title: frozenset[str]) -> bool:
        head_ok = bool(kind & title) or head.lemma not in lemmas
        return head_ok and all(n in title or n == head.lemma for n in nouns) and status <= title

    # 1. a person the text itself gave this title
    best = None
    for person in ctx.people:
        # only titles the text gave before this point: a later 'Президент России Владимир
        # Путин' says nothing about who 'президент' was three paragraphs earlier
        if any(fits_title(title) and at < pos for title, at in person.titles) \
                and gender_fits(person.gender, gender):
            seen = person.last_mention_before(pos)
            if best is None or seen > best[0]:
                best = (seen, person)
    if best is not None:
        note_title(ctx, best[1], phrase)
        return best[1]
    if unnamed:
        # '…, — сказал Петров. Мы ждём …, — добавил представитель Кремля': right after the
        # person's own statement, a role that fits them goes on with their words (a guess)
        previous = ctx.found.get(i - 1)
        if previous is not None and ctx.doc.sentences[i - 1].paragraph == ctx.doc.sentences[i].paragraph \
                and gender_fits(previous.person.gender, gender) and not status \
                and not _other_organisation(ctx, previous.person, phrase):
            ctx.guessed.add(pos)
            return previous.person
        return None
    # 2. the office-holder data file
    name = office_holders().get(lemmas)
    if name is not None:
        person = person_named(ctx, name)
        note_title(ctx, person, phrase)
        return person
    if not fallback or head.tag is None or "anim" not in head.tag or "plur" in head.tag:
        return titled_ahead(ctx, pos, phrase, nouns, head, gender)
    # 3. the one person the text gives this very title further on ('Председатель Европарламента
    #    подтвердил …' … 'председатель Европарламента Антонио Таяни'), before any guess
    ahead = titled_ahead(ctx, pos, phrase, nouns, head, gender, reach=TITLE_AHEAD_FAR) if len(nouns) > 1 else None
    if ahead is not None:
        return ahead
    # 3. the person the sentence before introduced ('патриарх Кирилл молится за … .
    #    «…», — сказал патриарх'), else the one whose words the text was just reporting
    #    ('…, - сказал президент')
    # (a guess: the title is not noted as the person's, so it names no one in aliases)
    guess: Person | None = introduced_before(ctx, i, gender) or last_speaker(ctx, i, gender, ctx.doc.sentences[i].paragraph - 2)
    ctx.guessed.add(pos)
    if guess is not None:
        return guess
    # 4. the person the text was just talking about
    window = ctx.doc.sentences[max(0, i - 8)].start
    nearby = list(mentions_before(ctx, pos, gender, window))
    speakers = {id(f.person) for f in ctx.found.values()}
    for span, person in sorted(nearby, key=lambda sp: (id(sp[1]) not in speakers, sp[0].nominative < 0.5)):
        if span.nominative < 0.5 and id(person) not in speakers:
            break  # only named in passing ('отставку прокурора Уильяма Барра'): not the one talking
        ctx.guessed.add(pos)
        return person
    return titled_ahead(ctx, pos, phrase, nouns, head, gender)


def _other_organisation(ctx: SpeakerContext, person: Person, phrase: list[Tok]) -> bool:
    """'Представитель United Capital Partners' after the words of someone the text called
    'пресс-секретарь ВКонтакте': the role names another organisation, so another person."""
    orgs = [s for s in ctx.spans if s.type == "ORG"]

    def org_names(lo: int, hi: int) -> set[str]:
        return {s.normal.lower() for s in orgs if lo <= s.start < hi}

    named = org_names(phrase[0].start, phrase[-1].end) if phrase else set()
    own: set[str] = set()
    for start, end, _ in person.title_refs:
        own |= org_names(start, end)
    return bool(named) and bool(own) and not named & own


def _as_person_noun(tok: Tok) -> Tok:
    """The head read as a word for a person where the dictionary also has one: 'премьера' is
    the genitive of 'премьер' here, not 'премьера' (a first night)."""
    from dataclasses import replace

    from tui_reader.morph import fold, word_parses

    for p in word_parses(tok.text.lower()):
        if p.tag.POS == "NOUN" and "anim" in p.tag:
            lemma = fold(p.normal_form)
            return tok if lemma == tok.lemma else replace(tok, lemma=lemma, tag=p.tag)
    return tok


def titled_ahead(ctx: SpeakerContext, pos: int, phrase: list[Tok], nouns: set[str], head: Tok,
                 gender: str | None, reach: int = 0) -> Person | None:
    """Last resort: the one person the text gives this title just after ('Как подчеркнула главный
    внештатный гериатр, … . … заявила главный внештатный гериатр Минздрава Ольга Ткачева')."""
    ahead = {id(person): person for person in ctx.people
             if any(head.lemma in title and nouns <= title and pos < at <= pos + (reach or TITLE_AHEAD)
                    for title, at in person.titles) and gender_fits(person.gender, gender)}
    if len(ahead) != 1:
        return None
    person = next(iter(ahead.values()))
    note_title(ctx, person, phrase)
    ctx.guessed.add(pos)
    return person


def introduced_before(ctx: SpeakerContext, i: int, gender: str | None) -> Person | None:
    """The one person named in the nominative in the previous narration sentence, when that
    sentence reports no words of its own (it introduces someone, it does not quote them)."""
    prev = previous_narration(ctx, i)
    if prev is None or prev in ctx.found:
        return None
    s_prev = ctx.doc.sentences[prev]
    named = {id(p): p for span, p in mentions_before(ctx, s_prev.end, gender, s_prev.start)
             if span.nominative >= 0.5}
    return next(iter(named.values())) if len(named) == 1 else None


def note_title(ctx: SpeakerContext, person: Person, phrase: list[Tok]) -> None:
    words = [t for t in phrase if t.text[:1].isalnum() or t.text in QUOTE_MARKS]
    # keep short, plain titles ('президент', 'глава холдинга') as aliases; a long phrase
    # with digits or brackets is a description, not a way of naming someone
    if len(words) > 4 or any(not t.text.isalpha() and t.text not in QUOTE_MARKS and "-" not in t.text
                             for t in words):
        return
    if words:
        start, end = words[0].start, words[-1].end
        if all(r[0] != start for r in person.title_refs):
            person.title_refs.append((start, end, ctx.doc.text[start:end]))


def person_named(ctx: SpeakerContext, name: str) -> Person:
    """The person the data file names: one already in the text, or a new one."""
    from tui_reader.analysis.entities import NamedSpan, describe

    probe = NamedSpan(0, len(name), "PER", "", -1)
    describe(name, probe)
    for person in ctx.people:
        if person.accepts(probe.keys) or (probe.keys and person.surname == probe.keys[-1]):
            return person
    person = Person(id=f"p{len(ctx.people) + 1}", keys=list(probe.keys), gender=probe.gender,
                    name_override=name)
    ctx.people.append(person)
    return person


def person_from_word(ctx: SpeakerContext, tok: Tok, unknown_ok: bool = False) -> Person | None:
    """A capitalised word the dictionary knows as a surname (or, ``unknown_ok``, does not know at
    all): someone already met, or a new person."""
    from tui_reader.analysis.entities import describe
    from tui_reader.analysis.names import name_parse

    known = known_name(ctx, tok, None)
    if known is not None:
        return known
    parse = name_parse(tok.text)
    if (parse is None or "Surn" not in parse.tag) and not unknown_ok:
        return None
    span = NamedSpan(tok.start, tok.end, "PER", "", -1)
    describe(tok.text, span)
    person = Person(id=f"p{len(ctx.people) + 1}", keys=list(span.keys), gender=span.gender, mentions=[span])
    ctx.people.append(person)
    ctx.person_of[id(span)] = person
    return person
