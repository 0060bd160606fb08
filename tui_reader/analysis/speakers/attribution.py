"""Stage 2, attribution: cue → speaker, one sentence at a time.

Takes the context (people, quotes) and the cues of each sentence (from
``candidates``); gives ``ctx.found``: sentence index → ``Found`` for every
sentence a cue attributes ('по словам X', the subject of a reporting verb or
its apposition, 'его заявление', a title or a pronoun resolved by ``resolve``),
else the news-feed "Name: …" line.  Sentences whose speaker is someone left
unnamed go to ``ctx.unnamed_speakers``.
"""
from __future__ import annotations

from tui_reader.analysis.speakers.candidates import headline_name
from tui_reader.analysis.speakers.context import SpeakerContext
from tui_reader.analysis.speakers.cues import (
    CLAUSE_VERBS,
    NAMING_VERBS,
    NO_CONTINUATION,
    Cue,
    Tok,
    denies_report,
    tokens_of,
)
from tui_reader.analysis.speakers.person import Person
from tui_reader.analysis.speakers.resolve import (
    known_name,
    person_from_word,
    previous_narration,
    resolve_pronoun,
    resolve_title,
    thing_before,
)
from tui_reader.analysis.speakers.shared import GLUED, PRONOUN_GENDER, WRITING_VERBS, Found
from tui_reader.analysis.speakers.subjects import (
    adjacent_name,
    name_between,
    named_in_phrase,
    resolve_token,
    title_after,
)
from tui_reader.analysis.speakers.syntax import dash_attribution, names_something, subject_of, writes_words
from tui_reader.analysis.speakers.words import RELATIONAL, THING_VERBS
from tui_reader.morph import word_parses

# (Reporting verbs a thing can be the subject of, 'план предполагает': the data file's thing_subject.)


def attribute_sentences(ctx: SpeakerContext, cues: dict[int, list[Cue]]) -> None:
    """In text order (a pronoun looks back at the speakers found so far): the cues, else a headline."""
    for i in ctx.indices:
        attribute(ctx, i, cues[i])
        if i not in ctx.found:
            found = headline_speaker(ctx, i)
            if found is not None:
                ctx.found[i] = found
        if i in ctx.found:
            ctx.judge(i, ctx.found[i])


def headline_speaker(ctx: SpeakerContext, i: int) -> Found | None:
    """'Собянин: Около 500 тыс. …': the name opening the line, if it names a person."""
    where = headline_name(ctx, i)
    if where is None:
        return None
    start, end = where
    span = ctx.per_at(start)
    person: Person | None
    if span is not None and span.end == end:
        person = ctx.person_of[id(span)]
    else:
        toks = tokens_of(ctx.doc.text, start, end)
        person = known_name(ctx, toks[-1], None) if toks else None
        if person is None and toks and len(toks) > 1:
            person = person_from_word(ctx, toks[-1])  # 'И. Петров:': initials make it a name
    return Found(person, ":", "direct", True, start, False) if person is not None else None


def only_plural(word: str) -> bool:
    """'сторонников' (only plural), not 'женщины' (also the genitive singular)."""
    nouns = [p for p in word_parses(word.lower()) if p.tag.POS == "NOUN"]
    return bool(nouns) and all(p.tag.number == "plur" for p in nouns)


def attribute(ctx: SpeakerContext, i: int, cues: list[Cue]) -> None:
    toks = ctx.tokens[i]
    par = ctx.doc.sentences[i].paragraph
    # finite verbs first: a gerund ('Говоря о …, Брин заявил') or 'по словам' only when nothing else
    rank = {"verb": 0, "adjective": 0, "object": 0, "according": 1, "noun": 2, "gerund": 2}
    for cue in sorted(cues, key=lambda c: rank.get(c.kind, 3)):
        if cue.kind == "first-person" or denies_report(toks, cue):
            continue
        if ctx.in_quote(toks[cue.index].start, par) and not dash_attribution(ctx.doc.text, toks[cue.index].start):
            continue  # a cue inside quoted words is the quoted person's, not the writer's
        if cue.kind == "according":
            found = according_to(ctx, i, cue)
        elif cue.kind == "noun":
            found = whose_statement(ctx, i, cue)
        else:
            found = by_syntax(ctx, i, cue)
        if found is not None:
            ctx.found[i] = found
            return


def according_to(ctx: SpeakerContext, i: int, cue: Cue) -> Found | None:
    """'по словам X', 'по его словам', 'по мнению пресс-секретаря Аси Мелкумовой'."""
    found = _according_to(ctx, i, cue)
    if found is not None:
        # only 'По словам X, …' opening the sentence carries on into the next ones;
        # '(по его словам, …)' in mid-sentence qualifies one clause
        words_before = [t for t in ctx.tokens[i][:cue.index - 1] if t.text[:1].isalnum()]
        found.continues = len(words_before) <= 2
    return found


def _according_to(ctx: SpeakerContext, i: int, cue: Cue) -> Found | None:
    toks = ctx.tokens[i]
    pos = toks[cue.index].start
    before = [t.text.lower() for t in toks[max(0, cue.index - 3):cue.index]]
    for word in before:
        if word in PRONOUN_GENDER:
            person = resolve_pronoun(ctx, i, pos, PRONOUN_GENDER[word])
            return Found(person, cue.word, "indirect", True, pos) if person else None
        if word == "их":
            return None
    phrase: list[Tok] = []
    for t in toks[cue.index + 1:cue.index + 17]:
        if t.text in (",", ";", ":", "—", "–", "!", "?"):
            break
        span = ctx.per_at(t.start)
        if span is not None:
            if phrase and phrase[0].pos == "NOUN" and phrase[0].text[:1].islower() \
                    and only_plural(phrase[0].text):
                return None  # 'по мнению сторонников Трампа': a group around the person, not them
            named = ctx.person_of[id(span)]
            other = someone_else_in_role(ctx, phrase, named)
            return Found(other or named, cue.word, "indirect", True, pos)
        if t.text[:1].isalnum():
            phrase.append(t)
    if not phrase:
        return None
    if phrase[0].text.lower() in PRONOUN_GENDER:
        person = resolve_pronoun(ctx, i, pos, PRONOUN_GENDER[phrase[0].text.lower()])
    else:
        head = next((t for t in phrase if t.pos == "NOUN"), phrase[0])  # 'польского политика' → 'политика'
        person = resolve_title(ctx, i, pos, phrase, None, head, fallback=False)
    return Found(person, cue.word, "indirect", True, pos) if person else None


def someone_else_in_role(ctx: SpeakerContext, phrase: list[Tok], named: Person) -> Person | None:
    """'по словам адвоката Асии Биби' where the text calls someone else Биби's 'адвокат'
    ('её адвокат Саиф уль-Малук'): the words are that person's, the name is whose lawyer."""
    heads = [t for t in phrase if t.pos == "NOUN" and t.text[:1].islower()]
    if len(heads) != 1 or heads[0].lemma not in RELATIONAL or phrase[-1] is not heads[0]:
        return None  # ('пресс-секретаря «Яндекса» Аси Мелкумовой': the role has its own owner)
    role = heads[0].lemma
    others = {id(p): p for p in ctx.people if p is not named
              and any(role in title for title, _ in p.titles)}
    return next(iter(others.values())) if len(others) == 1 else None


def whose_statement(ctx: SpeakerContext, i: int, cue: Cue) -> Found | None:
    """'появилось его заявление', 'заявления Байдена': a possessive or a genitive name."""
    toks = ctx.tokens[i]
    pos = toks[cue.index].start
    if noun_in_circumstance(toks, cue.index):
        return None
    if heads_the_sentence(toks, cue.index):
        return None  # 'Заявление X вызвало резонанс': the words are talked about, not reported
    before = toks[cue.index - 1].text.lower() if cue.index > 0 else ""
    if before in ("его", "её", "ее"):
        person = resolve_pronoun(ctx, i, pos, PRONOUN_GENDER[before])
        return Found(person, cue.word, "indirect", True, pos) if person else None
    if cue.index + 1 < len(toks):
        span = ctx.per_at(toks[cue.index + 1].start)
        if span is not None:
            return Found(ctx.person_of[id(span)], cue.word, "indirect", True, pos)
    return None


def same_surname_of_gender(ctx: SpeakerContext, person: Person, gender: str | None) -> Person:
    """'Виктор Бут …, его жена Алла Бут … Бут рассказала': the verb's gender tells which of two
    people of one surname the bare surname is."""
    if gender not in ("masc", "femn") or person.gender in (None, gender):
        return person
    from tui_reader.analysis.speakers.person import same_name

    others = [p for p in ctx.people if p is not person and p.gender == gender and p.keys
              and same_name(p.surname, person.surname)]
    return others[0] if len(others) == 1 else person


def subject_of_relative(toks: list[Tok], index: int) -> int | None:
    """'X прочёл письмо, в котором заявил, что …': a verb in a relative clause with no subject of
    its own speaks for the subject of the clause the relative hangs on."""
    verb = toks[index]
    if verb.rel != "acl:relcl" or verb.head < 0:
        return None
    if not any(t.lemma == "который" and t.head == index and t.rel.startswith("obl") for t in toks):
        return None  # 'которого … просил': the relative word is an object or subject, not a place
    # up from the noun the clause hangs on ('письмо к законодателям, в котором …') to its verb
    j = verb.head
    for _ in range(4):
        j = toks[j].head
        if j < 0:
            return None
        if toks[j].pos == "VERB":
            return subject_of(toks, j)
    return None


# 'Об этом X заявил', 'Это подтвердил X', 'Так X прокомментировал': the words came before.
BACK_POINTERS = (("об", "этом"), ("о", "том"), ("это",), ("так",), ("об", "этом", "же"))


def points_back(toks: list[Tok], index: int) -> bool:
    """Does the cue at ``index`` refer back to words already given ('Об этом заявил X')?"""
    words = [t.text.lower() for t in toks[:index] if t.text[:1].isalnum()]
    if len(toks) > 1 and toks[1].text == ",":
        return False  # 'Так, в обращении X признался …': 'for instance', not 'so said'
    for pointer in BACK_POINTERS:
        if tuple(words[:len(pointer)]) == pointer:
            rest = toks[index + 1:index + 3]
            # 'Это, по его словам, …' / 'Об этом заявил X, что …' are not pointers back
            return not any(t.text.lower() in ("что", ":") for t in rest)
    return False


def heads_the_sentence(toks: list[Tok], index: int) -> bool:
    """Is the noun at ``index`` the nominative opening of the sentence (after a possessive or an
    adjective at most), so the subject of some other verb?"""
    tok = toks[index]
    if not any(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in word_parses(tok.text.lower())):
        return False
    return all(t.text.lower() in ("его", "её", "ее", "их") or t.pos in ("ADJF", "PRTF")
               for t in toks[:index] if t.text[:1].isalnum())


def reports_a_topic(toks: list[Tok], index: int) -> bool:
    """'X заявил о готовности …' names what was said about; 'X заявил о том, что …',
    'X заявил: …' and 'X заявил, что …' give the words themselves."""
    rest = toks[index + 1:]
    if not rest or rest[0].text.lower() not in ("о", "об", "обо"):
        return False
    # '…, который, по его словам, создает …': the words are there after all
    return not any(t.text.lower() in ("что", "словам", "мнению") or t.text in (":", "«", "\"", "„", "“")
                   for t in rest)


def noun_in_circumstance(toks: list[Tok], index: int) -> bool:
    """'После выхода заявления Миллера …', 'в ответ на его заявление': the statement only
    sets the scene (a preposition or another noun governs it); the sentence reports something else."""
    for t in reversed(toks[max(0, index - 3):index]):
        if t.text.lower() in ("его", "её", "ее", "их") or t.pos in ("ADJF", "PRTF", "NPRO"):
            continue
        return t.pos in ("PREP", "NOUN")
    return False


def by_syntax(ctx: SpeakerContext, i: int, cue: Cue) -> Found | None:
    toks = ctx.tokens[i]
    verb = toks[cue.index]
    if cue.extra.get("number") == "plur":
        return None
    clause = any(t.text.lower() == "что" for t in toks[cue.index + 1:cue.index + 4])
    if cue.lemma in NAMING_VERBS and not names_something(toks, cue.index) \
            and not (cue.lemma in CLAUSE_VERBS and clause):
        return None
    if cue.lemma in CLAUSE_VERBS and cue.lemma not in NAMING_VERBS and not clause:
        return None
    if cue.lemma in WRITING_VERBS and not writes_words(toks, cue.index):
        return None
    gender = cue.gender
    if cue.kind == "object":
        target = next((j for j, t in enumerate(toks) if t.head == cue.index and t.rel in ("obj", "iobj")), None)
        person = named_in_phrase(ctx, i, target, any_case=True) if target is not None else None
        if person is None and target is not None:
            person = resolve_token(ctx, i, target, gender)
        return Found(person, cue.word, "indirect", False, verb.start, False) if person else None
    subject = subject_of(toks, cue.index)
    if subject is None:
        subject = subject_of_relative(toks, cue.index)
    person = None
    between = name_between(ctx, i, subject, cue.index) if subject is not None else None
    if between is not None:
        person = between
    elif subject is not None:
        low = toks[subject].text.lower()
        if cue.lemma in THING_VERBS and low in PRONOUN_GENDER:
            prev = previous_narration(ctx, i)
            if prev is not None and thing_before(ctx, prev, PRONOUN_GENDER[low]):
                return None  # '…согласовало план. Он предполагает, что …': the plan does
        if toks[subject].tag is not None and "plur" in toks[subject].tag and toks[subject].pos in ("NOUN", "NPRO") \
                and not ctx.per_at(toks[subject].start) \
                and not (toks[subject].text[:1].isupper() and known_name(ctx, toks[subject], gender)):
            return None  # a plural subject ('эксперты считают'), unless a known surname misread as one
        person = resolve_token(ctx, i, subject, gender)
        subj = toks[subject]
        if person is None and subj.pos in ("NOUN", None) and subj.text[:1].islower():
            ctx.unnamed_speakers.add(i)  # '— сказала бойкая агитаторша': someone, but no name
    else:
        person = adjacent_name(ctx, i, cue.index) or title_after(ctx, i, cue.index, gender)
        if person is None and any(t.pos == "NOUN" and t.text[:1].islower() and t.tag is not None
                                  and t.tag.case == "nomn" and "anim" in t.tag for t in toks[cue.index + 1:]):
            ctx.unnamed_speakers.add(i)  # the parser lost the subject, but it is someone unnamed
    if person is None:
        return None
    person = same_surname_of_gender(ctx, person, gender)
    subject_after = subject is not None and subject > cue.index
    after_kak = cue.index > 0 and toks[cue.index - 1].text.lower() == "как"
    leading = not subject_after or after_kak
    if after_quote(ctx, i, cue.index) or points_back(toks, cue.index):
        leading = False
    # 'X ранее сообщал, что …' recalls an old statement in passing: the text moves on after it
    continues = cue.lemma not in NO_CONTINUATION and not cue.extra.get("phrase") and not any(
        t.text.lower() == "ранее" for t in toks[:cue.index])
    if leading and reports_a_topic(toks, cue.index):
        continues = False  # 'заявил о своей победе': a topic, not words that could run on
    sent = ctx.doc.sentences[i]
    if not leading and GLUED.search(ctx.doc.text, sent.start, verb.start):
        continues = False  # 'добычи.Это хороший день…, сказала X': the words start after the glued stop
    return Found(person, cue.word, "indirect", leading, verb.start, continues)


def after_quote(ctx: SpeakerContext, i: int, index: int) -> bool:
    """Is the cue the attribution after a closing quotation mark ('», — сказал он')?"""
    toks = ctx.tokens[i]
    for t in reversed(toks[max(0, index - 4):index]):
        if t.text in "»\"”“":
            return True
        if t.text[:1].isalnum():
            return False
    return False
