"""Stage 3, propagation: statements beyond one cue's sentence.

Takes the context with the cue-attributed statements (``ctx.found``) and the
cues per sentence; gives more statements in ``ctx.found``: every sentence of a
quotation gets the speaker its attribution names ('«…», — сказал он',
'X заявил: «…»'); the sentences after a cue that opens the words ('По словам X,
…') and before one that closes them ('…, добавил X') continue them, as do
first-person sentences after a trailing attribution; a statement ending its
paragraph with a colon owns the next paragraph (and the answers after it while
they speak in the first person).
"""
from __future__ import annotations

import bisect
import re

from tui_reader.analysis.speakers.context import SpeakerContext
from tui_reader.analysis.speakers.cues import Cue, Tok
from tui_reader.analysis.speakers.people import learn_gender_from_verb
from tui_reader.analysis.speakers.resolve import known_name, person_from_word, resolve_pronoun
from tui_reader.analysis.speakers.shared import MAX_BACKWARD, MAX_FORWARD, PRONOUN_GENDER, Found
from tui_reader.analysis.speakers.syntax import dash_attribution

# The author's words set aside inside a quotation: '«…, — усмехается Уилсон. — …»'.
# The dash may follow a stop and be glued to the verb: '«Всё кончено. –сказала она. –Вы …»'.
ASIDE = re.compile(r"[,.!?…]\s*[—–-]\s*(?=[а-яё])")
# An agency dateline: a place in capitals, a comma, a date ('МОСКВА, 4 авг - РИА Новости.').
DATELINE = re.compile(r"\s*[A-ZА-ЯЁ][A-ZА-ЯЁ -]{2,},\s*\d")
# How far unquoted words may run on after a trailing attribution before a first-person sentence
# confirms they are still the speaker's (sentences).
FIRST_PERSON_REACH = 3
# Openings by which the writer takes the word back from a paraphrase.
NARRATION_OPENERS = ("впрочем", "между тем", "тем временем", "напомним", "как сообщалось")
# Words of someone speaking for themselves: what a quoted text sounds like.
FIRST_PERSON = frozenset("""
я меня мне мной мой моя моё мое мои моего моей моему моим моих мы нас нам нами наш наша наше наши
нашего нашей нашему нашим наших
""".split())


def propagate(ctx: SpeakerContext, cues: dict[int, list[Cue]]) -> None:
    """In this order: quotations, continuations, first-person runs, the paragraphs after a colon."""
    attribute_quotes(ctx)
    continue_statements(ctx, cues)
    continue_in_first_person(ctx, cues)
    continue_after_colon(ctx, cues)
    # (whole_text.answer_interviews, which reads the whole text, runs after: see ``speakers.finish``)


def sentences_of(ctx: SpeakerContext, starts: list[int], span: tuple[int, int]) -> list[int]:
    """The analysed sentences a stretch of text touches (``starts``: theirs, in order)."""
    k = max(0, bisect.bisect_right(starts, span[0]) - 1)
    out = []
    for i in ctx.indices[k:]:
        s = ctx.doc.sentences[i]
        if s.start >= span[1]:
            break
        if s.end > span[0]:
            out.append(i)
    return out


def attribute_quotes(ctx: SpeakerContext) -> None:
    """Every sentence of a quotation is the speech of whoever its attribution names."""
    starts = [ctx.doc.sentences[i].start for i in ctx.indices]
    for speech in ctx.speech.values():
        for q in speech:
            sents = sentences_of(ctx, starts, q)
            if not sents:
                continue
            owner = None
            for j in sents:
                f = ctx.found.get(j)
                # the attribution is outside the quotation, or a dash-set aside inside it
                # ('"…, - заявил он. - …"'), or the quotation is dash-introduced speech
                if f is not None and (not q[0] < f.cue_pos < q[1] - 1
                                      or dash_attribution(ctx.doc.text, f.cue_pos)
                                      or ctx.doc.text[q[0]] in "—–-"):
                    owner = f
                    break
            if owner is None:
                owner = attribution_after(ctx, q, sents[-1])
                if owner is not None:
                    ctx.found.setdefault(sents[-1], ctx.judge(sents[-1], owner))
            if owner is None:
                owner = attribution_before(ctx, q, sents[0])
                if owner is not None:
                    ctx.judge(sents[0], owner)
            if owner is None:
                owner = attribution_inside(ctx, q, sents)
                if owner is not None:
                    ctx.judge(sents[0], owner)
            if owner is None:
                continue
            for j in sents:
                f = ctx.found.get(j)
                if f is None:
                    # the closing mark ends the words: a quoted sentence never carries on
                    # forward, only (if it opens the quote) back to a framing sentence
                    ctx.found[j] = Found(owner.person, owner.cue, "direct", False, owner.cue_pos,
                                         confidence=owner.confidence)
                elif f.person is owner.person:
                    f.kind = "direct"


def attribution_after(ctx: SpeakerContext, q: tuple[int, int], i: int) -> Found | None:
    """'«…», — сказад Джойс' (any verb, even misspelt) or 'Лесин: «…»'."""
    text = ctx.doc.text
    sent = ctx.doc.sentences[i]
    toks = ctx.tokens[i]
    tail = text[q[1]:sent.end]
    stripped = tail.lstrip(",.!?… ")
    if stripped[:1] in "—–-":
        after = [t for t in toks if t.start >= q[1] and t.text[:1].isalpha()]
        verb = after[0].text if after else None  # the word standing for the cue
        # the subject of the author's words is the name most surely in the nominative:
        # '— сказал поддерживающий Чернова депутат Олег Кузнецов' is Кузнецов's
        named = [(span, t) for t in after
                 if (span := ctx.per_at(t.start)) is not None and span.nominative >= 0.3]
        if named:
            span, t = max(named, key=lambda st: (st[0].nominative >= 0.5, st[0].nominative, -st[1].start))
            learn_gender_from_verb(ctx, ctx.person_of[id(span)], verb)
            return Found(ctx.person_of[id(span)], verb, "direct", False, t.start)
        for t in after:
            if t.text.lower() in ("он", "она"):
                person = resolve_pronoun(ctx, i, t.start, PRONOUN_GENDER[t.text.lower()])
                return Found(person, verb, "direct", False, t.start) if person else None
        # '— обратила внимание Ткачева', '— цитирует издание мать Светлану Ващенко': right after
        # the author's verb a name is the speaker, whatever case the dictionary guesses for it
        for t in after[1:5]:
            if t.pos in ("PREP", "CONJ"):
                break  # '— говорится в заявлении Путина': the name is inside another phrase
            span = ctx.per_at(t.start)
            if span is not None:
                learn_gender_from_verb(ctx, ctx.person_of[id(span)], verb)
                return Found(ctx.person_of[id(span)], verb, "direct", False, t.start)
    return None


def attribution_before(ctx: SpeakerContext, q: tuple[int, int], i: int) -> Found | None:
    """'Лесин: «…»', 'X передумал, несмотря на возраст: «…»', 'X, который отшучивается
    словами: «…»': a colon hands the word to the subject of the clause before it."""
    text = ctx.doc.text
    sent = ctx.doc.sentences[i]
    toks = ctx.tokens[i]
    head = text[sent.start:q[0]].rstrip()
    if not head.endswith(":"):
        return None
    before = [t for t in toks if t.end <= q[0]]
    for k in range(len(before) - 1, max(-1, len(before) - 5), -1):
        span = ctx.per_at(before[k].start)
        if span is None:
            continue
        first = next(j for j in range(k + 1) if ctx.per_at(before[j].start) is span)
        governed = first > 0 and (before[first - 1].pos == "PREP" or (
            before[first - 1].pos == "NOUN" and before[first - 1].text[:1].islower()))
        if span.nominative >= 0.5 and not governed:  # not 'сослался на мнение Юханссона: «…»'
            return Found(ctx.person_of[id(span)], ":", "direct", True, before[k].start)
        break
    # 'Песков: «…»' in a headline, where the tagger has too little context
    if 2 <= len(before) <= 5 and before[-1].text == ":" and before[-2].text[:1].isupper():
        person = person_from_word(ctx, before[-2])
        if person is not None:
            return Found(person, ":", "direct", True, before[-2].start)
    # '…, который отшучивается словами: «…»': the name the relative clause hangs on
    relative = [k for k, t in enumerate(before) if t.lemma == "который"]
    if relative and relative[-1] >= 2 and before[relative[-1] - 1].text == ",":
        span = ctx.per_at(before[relative[-1] - 2].start)
        if span is not None:
            return Found(ctx.person_of[id(span)], ":", "direct", True, span.start, confidence=0.8)
        return None
    # 'Юханссон передумал, несмотря на …: «…»': the name that opens the clause (its subject)
    for t in before[:3]:
        span = ctx.per_at(t.start)
        if span is not None and span.nominative >= 0.5 and not ctx.in_quote(t.start, sent.paragraph):
            return Found(ctx.person_of[id(span)], ":", "direct", True, t.start, confidence=0.8)
    # (a surname the tagger missed at the sentence start, of someone it found elsewhere)
    person = known_name(ctx, before[0], None) if before and before[0].text[:1].isupper() else None
    return Found(person, ":", "direct", True, before[0].start, confidence=0.7) if person else None


def attribution_inside(ctx: SpeakerContext, q: tuple[int, int], sents: list[int]) -> Found | None:
    """'«…, — усмехается Уилсон. — …»': the author's words set aside by dashes inside the
    quotation name the speaker, whatever the verb."""
    text = ctx.doc.text
    for i in sents:
        sent = ctx.doc.sentences[i]
        for aside in ASIDE.finditer(text, max(q[0], sent.start), min(q[1], sent.end)):
            words = [t for t in ctx.tokens[i] if t.start >= aside.end() and t.text[:1].isalpha()][:4]
            for t in words[1:]:
                if t.pos in ("PREP", "CONJ"):
                    break
                span = ctx.per_at(t.start)
                if span is not None:
                    return Found(ctx.person_of[id(span)], words[0].text, "direct", False, t.start)
                if t.text.lower() in ("он", "она"):
                    person = resolve_pronoun(ctx, i, t.start, PRONOUN_GENDER[t.text.lower()])
                    return Found(person, words[0].text, "direct", False, t.start) if person else None
    return None


def continue_statements(ctx: SpeakerContext, cues: dict[int, list[Cue]]) -> None:
    """Within a paragraph: forward from a cue that opens the words ('По словам X, …'),
    backward from one that closes them ('…, добавил X'), until a sentence of its own."""
    by_paragraph: dict[int, list[int]] = {}
    for i in ctx.indices:
        by_paragraph.setdefault(ctx.doc.sentences[i].paragraph, []).append(i)
    for sents in by_paragraph.values():
        for pos, i in enumerate(sents):
            f = ctx.found.get(i)
            if f is None or not f.continues:
                continue
            step = 1 if f.leading else -1
            room = MAX_FORWARD if f.leading else MAX_BACKWARD
            if not f.leading and opens_with_quote(ctx, i):
                # the marks show where quoted words begin: at most a framing sentence
                # before them ('К НТВ претензий не оказалось. «…», — пояснил Лесин.')
                room = 1
            k = pos + step
            while 0 <= k < len(sents) and room > 0:
                room -= 1
                j = sents[k]
                if j in ctx.found or not may_continue(ctx, j, cues[j]):
                    break
                # words carried on from a cue: a little less sure with each sentence
                ctx.found[j] = Found(f.person, None, "indirect", f.leading, f.cue_pos, False,
                                     round(f.confidence * 0.9 ** abs(k - pos), 2))
                k += step


def continue_in_first_person(ctx: SpeakerContext, cues: dict[int, list[Cue]]) -> None:
    """'Это хороший день для тюленей, сказала Соня ван Тихелен. Комиссия приняла регламент…
    Мы очень довольны данным предложением.': after a trailing attribution, unquoted words may
    go on; they do as far as a sentence in the first person ('мы', 'я') shows they are still
    the speaker's (at most a few sentences, within the paragraph)."""
    doc = ctx.doc
    by_paragraph: dict[int, list[int]] = {}
    for i in ctx.indices:
        by_paragraph.setdefault(doc.sentences[i].paragraph, []).append(i)
    for i in sorted(ctx.found):
        f = ctx.found[i]
        if f.leading or f.cue is None or f.kind != "indirect":
            continue
        sents = by_paragraph[doc.sentences[i].paragraph]
        after = sents[sents.index(i) + 1:][:FIRST_PERSON_REACH]
        last = None
        for n, j in enumerate(after):
            if j in ctx.found or not may_continue(ctx, j, cues[j]):
                break
            if first_person(ctx, [j]):
                last = n
        if last is not None:
            for j in after[:last + 1]:
                ctx.found[j] = Found(f.person, None, "indirect", False, f.cue_pos, False, f.confidence * 0.8)


def continue_after_colon(ctx: SpeakerContext, cues: dict[int, list[Cue]]) -> None:
    """'Нападающий Эдер поделился эмоциями после матча:' / 'опубликовал следующий текст:':
    a statement that ends its paragraph with a colon hands over to the next paragraph, which
    holds the words, marks or not.  Further paragraphs carry on while they talk in the first
    person ('я', 'мы', 'мой') and name no reporting cue of their own."""
    doc = ctx.doc
    by_paragraph: dict[int, list[int]] = {}
    for i in ctx.indices:
        by_paragraph.setdefault(doc.sentences[i].paragraph, []).append(i)
    heading_starts = {sec.start for sec in doc.sections if sec.title}
    for i in sorted(ctx.found):
        f = ctx.found[i]
        s = doc.sentences[i]
        sents = by_paragraph.get(s.paragraph, [])
        if not sents or sents[-1] != i or not doc.text[s.start:s.end].rstrip().endswith(":"):
            continue
        p = s.paragraph + 1
        while p in by_paragraph:
            following = by_paragraph[p]
            par = doc.paragraphs[p]
            if any(j in ctx.found for j in following) or par.start in heading_starts \
                    or any(c.kind in ("verb", "adjective", "object", "according") for j in following
                           for c in cues[j]):
                break
            if p > s.paragraph + 1 and (not first_person(ctx, following)
                                        or doc.text[par.start:par.end][:1] in "—–-"):
                break  # (a second dialogue line is another turn, most likely another speaker)
            for j in following:
                ctx.found[j] = Found(f.person, f.cue, "direct", False, f.cue_pos, False, f.confidence * 0.8)
            p += 1


def first_person(ctx: SpeakerContext, sentences: list[int]) -> bool:
    return any(t.text.lower() in FIRST_PERSON for j in sentences for t in ctx.tokens[j])


def titled(toks: list[Tok], start: int) -> bool:
    """Is the name at ``start`` introduced by a lower-case title ('патриарх … кирилл',
    'политолог Иванов')?  Then it is a person for sure, not a stray capitalised word."""
    before = [t for t in toks if t.end <= start and t.text[:1].isalpha()][-6:]
    return any(t.pos == "NOUN" and t.text[:1].islower() and t.tag is not None and "anim" in t.tag
               for t in before)


def opens_with_quote(ctx: SpeakerContext, i: int) -> bool:
    s = ctx.doc.sentences[i]
    return ctx.doc.text[s.start:s.end].lstrip()[:1] in "«\"“„—–-"


def may_continue(ctx: SpeakerContext, j: int, cues: list[Cue]) -> bool:
    """A sentence with no cue, no new named person and no pronoun subject of its own."""
    if any(c.kind not in ("first-person", "gerund", "noun") for c in cues):
        return False
    toks = ctx.tokens[j]
    par = ctx.doc.sentences[j].paragraph
    first = next((t for t in toks if t.text[:1].isalnum()), None)
    if first is not None and first.text.lower() in ("он", "она"):
        return False
    if first is not None and first.text[:1].isdigit():
        return False  # '18 октября «Роснефть» сделала…': a dated event, the narration again
    s = ctx.doc.sentences[j]
    if DATELINE.match(ctx.doc.text, s.start, s.end):
        return False  # 'МОСКВА, 4 авг - РИА Новости.': the agency's dateline, nobody's words
    opening = ctx.doc.text[ctx.doc.sentences[j].start:ctx.doc.sentences[j].end][:20].lower()
    if opening.startswith(NARRATION_OPENERS):
        return False  # 'Впрочем, избирательные комиссии продолжили работу': the writer again
    s = ctx.doc.sentences[j]
    k = bisect.bisect_left(ctx.per_starts, s.start)
    for span in ctx.pers[k:]:
        if span.start >= s.end:
            break
        if span.nominative >= 0.5 and not ctx.in_quote(span.start, par) \
                and (len(span.keys) > 1 or len(ctx.person_of[id(span)].mentions) > 1
                     or titled(toks, span.start)):
            return False  # a new person named in the nominative: narration about them
    return True
