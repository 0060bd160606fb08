"""Stage 4 (and the start), people: one person for all forms of a name, title and role.

``find_people`` takes the context and gives the NER spans of the analysed
sentences, the people clustered from the PER mentions and the lookups over them
(``ctx.people``, ``person_of``, ``pers``, ``per_starts``) — every later stage
looks names up there.  ``learn_about_people`` takes the cues and adds what the
text tells about each person: the titles given to them ('президент России
Владимир Путин'), the gender a past-tense verb shows, the normal forms in that
gender.  ``publish`` takes the found statements and gives ``doc.speakers``,
``doc.statements`` and the exported quotes' speakers.
"""
from __future__ import annotations

import bisect

from tui_reader.analysis.entities import normal_phrase, tag_sentences
from tui_reader.analysis.speakers.context import SpeakerContext
from tui_reader.analysis.speakers.cues import Cue, Tok, tokens_of
from tui_reader.analysis.speakers.person import Person, cluster_people, display_name, title_key
from tui_reader.analysis.speakers.shared import HONORIFICS, QUOTE_MARKS, TITLE_WINDOW
from tui_reader.analysis.speakers.subjects import name_between, named_in_phrase
from tui_reader.analysis.speakers.syntax import name_cases, subject_of, word_cases
from tui_reader.model import Span, Speaker, Statement
from tui_reader.morph import word_parses


def find_people(ctx: SpeakerContext) -> None:
    """NER over the analysed sentences; PER mentions grouped into people."""
    ctx.spans = tag_sentences(ctx.doc, ctx.indices)
    ctx.people = cluster_people(ctx.spans)
    ctx.person_of = {id(m): p for p in ctx.people for m in p.mentions}
    ctx.pers = [s for s in ctx.spans if s.type == "PER" and id(s) in ctx.person_of]
    ctx.per_starts = [s.start for s in ctx.pers]


def learn_about_people(ctx: SpeakerContext, cues: dict[int, list[Cue]]) -> None:
    """Titles, genders from verbs, normal forms in the gender: before anyone is attributed."""
    record_titles(ctx)
    learn_genders(ctx, cues)
    renormalise_by_gender(ctx)


def record_titles(ctx: SpeakerContext) -> None:
    """'президент России Владимир Путин', 'спикер Рады Андрей Парубий': remember the title.

    Walking left from the name, genitive modifiers ('Рады', 'главы Белого дома') are
    taken until a common noun in the name's own case: that is the title's head
    ('спикер'); adjectives agreeing with it ('генерального прокурора') are kept too.
    """
    for span in ctx.pers:
        # only the words just left of the name matter: tokenise that stretch alone
        sent = ctx.doc.sentences[span.sentence]
        window = max(sent.start, span.start - TITLE_WINDOW)
        toks = tokens_of(ctx.doc.text, window, span.start) + [Tok(span.start, span.end, "")]
        at_start = window == sent.start
        if len(toks) < 2:
            continue
        cases = name_cases(ctx.doc.text[span.start:span.end])
        k = bisect.bisect_left([t.start for t in toks], span.start) - 1
        # an apposition chain gives several titles: 'главный внештатный гериатр Минздрава,
        # доктор медицинских наук, профессор Ольга Ткачева'
        for _ in range(3):
            words, k = _title_left_of(ctx, toks, k, cases, at_start)
            if words:
                person = ctx.person_of[id(span)]
                person.titles.append((title_key(frozenset(w.lemma for w in words)), words[0].start))
                person.title_refs.append((words[0].start, words[-1].end,
                                          ctx.doc.text[words[0].start:words[-1].end]))
            if not words or k < 1 or toks[k].text != ",":
                break
            k -= 1


def _title_left_of(ctx: SpeakerContext, toks: list[Tok], k: int, cases: set[str], at_start: bool) -> tuple[list[Tok], int]:
    """The title ending at token ``k`` (walking left), in text order, and the index of the token
    that stopped the walk; no words when there is no title there."""
    words: list[Tok] = []
    head_found = False
    while k >= 0 and len(words) < 8:
        t = toks[k]
        if t.text in QUOTE_MARKS:
            k -= 1
            continue
        if not head_found and _latin_name(toks, k):
            # 'корреспондент Die Welt и Frankfurter Allgemeine Zeitung Герхард Гнаук': the
            # employer's name in Latin letters (and an 'и' between two of them) is part of the title
            words.append(t)
            k -= 1
            continue
        if not t.text[:1].isalnum() or t.pos not in ("NOUN", "ADJF", "PRTF", None) or ctx.per_at(t.start):
            break
        fits = bool(word_cases(t.text) & cases)
        if head_found:
            if t.pos in ("ADJF", "PRTF") and fits:
                words.append(t)
                k -= 1
                continue
            break
        if t.lemma in HONORIFICS:
            break
        words.append(t)
        k -= 1
        if t.pos == "NOUN" and fits and (t.text[:1].islower() or (at_start and t is toks[0])) \
                and t.tag is not None and "anim" in t.tag:
            head_found = True  # a title is a person noun: 'спикер', 'глава', not 'внимание'
    if not head_found:
        return [], k
    while words and not (words[-1].pos == "NOUN"
                         and (words[-1].text[:1].islower() or (at_start and words[-1] is toks[0]))) \
            and words[-1].pos not in ("ADJF", "PRTF"):
        words.pop()
    words.reverse()
    return words, k


def _latin_name(toks: list[Tok], k: int) -> bool:
    """Is token ``k`` a word in Latin letters, or an 'и' / '&' between two such words?"""
    def latin(j: int) -> bool:
        return 0 <= j < len(toks) and toks[j].text[:1].isascii() and toks[j].text[:1].isalpha()

    if latin(k):
        return True
    return toks[k].text.lower() in ("и", "&", "and") and latin(k - 1) and latin(k + 1)


def learn_genders(ctx: SpeakerContext, cues: dict[int, list[Cue]]) -> None:
    """'Кейли Макинэни не рассказала': a past-tense verb tells the gender of a name the
    dictionary does not know, which pronoun and title resolution need."""
    for i, found in cues.items():
        for cue in found:
            if cue.gender not in ("masc", "femn"):
                continue
            toks = ctx.tokens[i]
            subject = subject_of(toks, cue.index)
            if subject is None:
                continue
            person = name_between(ctx, i, subject, cue.index) or named_in_phrase(ctx, i, subject)
            if person is not None and person.gender is None:
                person.gender = cue.gender


def renormalise_by_gender(ctx: SpeakerContext) -> None:
    """Normal forms of surname-only mentions, now that the person's gender is known."""
    for person in ctx.people:
        renormalise(ctx, person)


def renormalise(ctx: SpeakerContext, person: Person, *, all_mentions: bool = False) -> None:
    """Describe the person's mentions again in the person's gender: those of no gender of
    their own, or ``all_mentions`` when the person's gender has just been corrected."""
    from tui_reader.analysis.entities import describe

    if person.gender is None:
        return
    for m in person.mentions:
        if all_mentions or m.gender is None:
            keys = m.keys
            describe(ctx.doc.text[m.start:m.end], m, person.gender)
            m.keys = keys  # keep the clustering key stable


def learn_gender_from_verb(ctx: SpeakerContext, person: Person, verb: str | None) -> None:
    """'— обратила внимание Ткачева': a past-tense verb tells a late-found speaker's gender."""
    # a gender read off bare surnames ('Ткачева' may be the genitive of 'Ткачев') is weak
    weak = all(len(m.keys) < 2 for m in person.mentions)
    if (person.gender is not None and not weak) or not verb:
        return
    parses = [p for p in word_parses(verb.lower()) if p.tag.POS == "VERB" and p.tag.tense == "past"]
    genders = {p.tag.gender for p in parses}
    if len(genders) == 1 and genders <= {"masc", "femn"}:
        person.gender = genders.pop()
        renormalise(ctx, person, all_mentions=True)


def publish(ctx: SpeakerContext) -> None:
    doc = ctx.doc
    speaking = {id(f.person): f.person for f in ctx.found.values()}
    ordered = sorted((p for p in ctx.people if id(p) in speaking),
                     key=lambda p: min([m.start for m in p.mentions] + [r[0] for r in p.title_refs] or [0]))
    ids = {id(p): f"s{n + 1}" for n, p in enumerate(ordered)}
    doc.speakers = []
    for p in ordered:
        name = display_name(p, doc.text)
        aliases: list[str] = []
        for m in p.mentions:
            if m.normal and m.normal != name and m.normal not in aliases:
                aliases.append(m.normal)
        for _, _, surface in p.title_refs:
            title = normal_phrase(surface)  # 'президента России' → 'президент России'
            if title and title.lower() not in {a.lower() for a in aliases}:
                aliases.append(title)
        mentions = sorted({(m.start, m.end) for m in p.mentions} | {(a, b) for a, b, _ in p.title_refs})
        doc.speakers.append(Speaker(ids[id(p)], name, aliases, [Span(a, b) for a, b in mentions]))
    doc.statements = []
    for i in sorted(ctx.found):
        f = ctx.found[i]
        s = doc.sentences[i]
        doc.statements.append(Statement(ids[id(f.person)], s.start, s.end, i, f.kind, f.cue,
                                        round(min(max(f.confidence, 0.0), 1.0), 2)))
    attribute_doc_quotes(ctx, ids)


def attribute_doc_quotes(ctx: SpeakerContext, ids: dict[int, str]) -> None:
    """Give each exported quote the speaker of the statement it sits in."""
    if not ctx.doc.quotes:
        return
    by_start = sorted((st.start, st.end, st.speaker) for st in ctx.doc.statements)
    starts = [b[0] for b in by_start]
    for quote in ctx.doc.quotes:
        k = bisect.bisect_right(starts, quote.start) - 1
        # speech, not a name in quotes: «Эхо Москвы» sits in Лесин's sentence but is not his
        if k >= 0 and by_start[k][0] <= quote.start < by_start[k][1] and \
                (len(ctx.doc.text[quote.start:quote.end].split()) >= 3 or ctx.doc.text[quote.start] in "—–-"):
            quote.speaker = by_start[k][2]
